// The command line: wiring only. Every handler sets process.exitCode; nothing here calls process.exit().
import { readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { defaultOptions, formatPythonVersion, parseGeneratorStyle, parsePythonVersion, unsupportedTarget } from './options.js';
import { ConfigError, emptyGlob, loadConfig, mergeSettings, nestedConfigs, sectionOf } from './config.js';
import { loadTransformModules, TransformLoadError } from './load-transform.js';
import { GitInterrupted, isWithin, parseShard, realOrSelf, SelectError } from './walk.js';
import { exitCode, renderReport, type Format, type ReportOptions } from './report.js';
import type { Transform } from './types.js';
import { createProgress } from './progress.js';
import { activeTransforms, findTransform, TRANSFORMS } from '../transforms/index.js';
import { run, runStdin, type Mode, type RunOptions } from './runner.js';
import { CACHE_DIR_NAME } from './cache.js';
import { explainTransform, listTransforms } from './explain.js';
import { VERSION } from './version.js';
import { unifiedDiff } from './engine/diff.js';
import { trace, TraceError } from './trace/index.js';

interface CommonArgs {
  paths: string[];
  select?: string | string[];
  ignore?: string | string[];
  'unsafe-fixes'?: boolean;
  format: Format;
  quiet: boolean;
  jobs?: string;
  statistics: boolean;
  'exit-code': boolean;
  'target-version'?: string;
  'generator-style'?: string;
  'index-scope'?: 'project' | 'run';
  'all-loops'?: boolean;
  'stdin-filename'?: string;
  color?: boolean;
  // File selection and configuration (docs/bulk.md, docs/library.md)
  config?: string;
  'no-ignore'?: boolean;
  'no-cache'?: boolean;
  'cache-dir'?: string;
  'whole-files'?: boolean;
  exclude?: string | string[];
  'extend-exclude'?: string | string[];
  include?: string | string[];
  'changed-since'?: string;
  shard?: string;
  transform?: string | string[];
  'add-ignore'?: boolean;
}

class UsageError extends Error {}
/** Thrown by the fail handler once it has printed the usage error, so no command handler runs. */
class UsageReported extends Error {}

// yargs drops a lone `-`; carry it through as a placeholder. After a `--` too, except for `trace`, whose command
// follows it (`withify trace -- python -`). Ex) `cat a.py | withify fix -- -`: the `-` was dropped, the paths fell
// back to `.`, and every file under it was rewritten.
// A `-` that is the value of an option stays one. Ex) `check --stdin-filename -`: the placeholder's NUL showed
// in the error message.
const STDIN_PATH = '\u0000stdin';
function protectStdin(argv: string[]): string[] {
  const end = argv.indexOf('--');
  const command = commandOf(argv);
  const isValue = (i: number) => i > 0 && (end < 0 || i < end) && takesValue(argv[i - 1]!);
  return argv.map((a, i) => (a === '-' && (end < 0 || i < end || command !== 'trace') && !isValue(i) ? STDIN_PATH : a));
}

// yargs reads `--no-ignore` as "--ignore=false" (the transform list); `--no-ignore=true` reaches the flag.
function protectNoIgnore(argv: string[]): string[] {
  const end = argv.indexOf('--');
  return argv.map((a, i) => ((a === '--no-ignore' || a === '--no-cache') && (end < 0 || i < end) ? `${a}=true` : a));
}

// The options that take a value. yargs reads `--no-select` as "--select=false", which no handler expects.
const VALUE_OPTIONS = ['select', 'exclude', 'extend-exclude', 'include', 'config', 'target-version', 'generator-style', 'stdin-filename', 'changed-since', 'shard', 'transform', 'format', 'jobs', 'index-scope', 'python', 'output', 'cache-dir'];
const takesValue = (arg: string): boolean => arg === '-j' || arg === '-o' || arg === '--ignore' || (arg.startsWith('--') && VALUE_OPTIONS.includes(arg.slice(2)));

/**
 * The paths of check, diff and fix: those before a `--` and those after it (yargs leaves the latter out of the
 * positionals), else `.`. Ex) `withify fix -- -x.py` rewrote every file under `.`, and `fix -- -` did not read stdin.
 */
function withPaths(a: object, argv: readonly string[]): CommonArgs {
  const args = a as CommonArgs;
  const end = argv.indexOf('--');
  const after = end < 0 ? [] : protectStdin(argv.slice(end + 1));
  const paths = [...(args.paths ?? []), ...after];
  return { ...args, paths: paths.length ? paths : ['.'] };
}

const COMMANDS = ['check', 'diff', 'fix', 'list', 'explain', 'trace'];

/** The command: the first argument before any `--` that is no option (the tool's own options take no value). */
function commandOf(argv: readonly string[]): string | undefined {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).find((a) => !a.startsWith('-'));
}

/**
 * What follows a `--` where no path can: before any command, after `list`; after `explain`, a rule that no
 * transform's code or id can be. Ex) `withify -- check .` did nothing and exited 0; `withify list -- x` listed
 * the transforms as if `x` were not there.
 */
function refuseArgsAfterDashes(argv: readonly string[]): void {
  const end = argv.indexOf('--');
  if (end < 0) return;
  const after = argv.slice(end + 1);
  const command = commandOf(argv);
  const quoted = after.map((a) => `"${a}"`).join(', ');
  if (command === undefined && after.length) {
    const [first, ...rest] = after;
    const example = COMMANDS.includes(first!) ? `withify ${[first, ...(rest.length ? ['--', ...rest] : [])].join(' ')}` : `withify check -- ${after.join(' ')}`;
    throw new UsageError(`name the command before \`--\` (${COMMANDS.join(', ')}), e.g. \`${example}\``);
  }
  if (command === 'list' && after.length) throw new UsageError(`\`withify list\` takes no argument, not ${quoted}; \`withify explain CODE\` explains one transform`);
  const dashed = command === 'explain' ? after.find((a) => a.startsWith('-')) : undefined;
  if (dashed !== undefined) throw new UsageError(`no transform "${dashed}"; run \`withify list\` to see them`);
}

/**
 * A flag given a value other than true or false (`--exit-code=1`, `--unsafe-fixes=maybe`) is a usage error: yargs
 * read it as false, or as true, without a word. Ex) `withify diff --exit-code=1` exited 0 with changes.
 */
function refuseFlagValues(argv: readonly string[]): void {
  const end = argv.indexOf('--');
  const valued = (end < 0 ? argv : argv.slice(0, end)).map((a) => /^--([a-z][a-z-]*)=(.*)$/s.exec(a)).filter((m) => m && m[2] !== 'true' && m[2] !== 'false');
  // Most runs give no `--x=value`: no yargs instance built for the option names then.
  if (!valued.length) return;
  const flags = optionsOf(commandOf(argv)).flags;
  for (const m of valued) {
    if (!m) continue;
    const name = flags.includes(m[1]!) ? m[1]! : m[1]!.startsWith('no-') && flags.includes(m[1]!.slice(3)) ? m[1]!.slice(3) : undefined;
    if (name === undefined) continue;
    throw new UsageError(`--${m[1]} is a flag: give --${m[1]} alone (or =true, =false), not "${m[2]}"`);
  }
}

/** The one-letter options of `command`: flags, and those that take a value. */
const shortOptionsOf = (command: string | undefined): { flags: string; valued: string } =>
  command === 'trace' ? { flags: 'h', valued: 'o' } : command === 'check' || command === 'diff' || command === 'fix' ? { flags: 'qh', valued: 'j' } : { flags: 'h', valued: '' };

/**
 * An argument before `--` that starts with one `-` must be known one-letter options, the last of which may take its
 * value attached (`-q`, `-qj2`, `-j=2`). yargs reads any other as a group of letters. Ex) `withify fix -q.py` was
 * `-q` with `.py` dropped, and rewrote every file under `.`; `check -hx.py` printed the help and exited 0; `-j.py`
 * gave `--jobs: … not "[object Object]"`.
 */
function refuseShortGroups(argv: readonly string[]): void {
  const end = argv.indexOf('--');
  const command = commandOf(argv);
  const { flags, valued } = shortOptionsOf(command);
  const before = end < 0 ? argv : argv.slice(0, end);
  before.forEach((a, i) => {
    if (!/^-[^-]/.test(a) || (i > 0 && takesValue(before[i - 1]!))) return;
    const letters = a.slice(1);
    // Ex) `-Z`, `-xy`: no letter yargs knows, and it names each as an unknown option
    if (/^[A-Za-z]+$/.test(letters) && ![...letters].some((c) => flags.includes(c) || valued.includes(c))) return;
    let at = 0;
    while (at < letters.length && flags.includes(letters[at]!)) at++;
    const rest = letters.slice(at);
    // Ex) `-j 2`, `-j2`, `-j=2`: yargs takes a number or `=value` attached to the last letter as its value
    if (rest === '' || (rest[0] !== undefined && valued.includes(rest[0]) && (rest.length === 1 || rest[1] === '=' || /^-?\d+(\.\d*)?(e-?\d+)?$/.test(rest.slice(1))))) return;
    const unknown = rest[0] !== undefined && /[A-Za-z]/.test(rest[0]) && !valued.includes(rest[0]) ? `-${rest[0]}` : a;
    const known = [...flags, ...valued].map((c) => `-${c}`).join(', ');
    const asPath = command !== undefined && ['check', 'diff', 'fix'].includes(command) ? `; a path that starts with \`-\` goes after \`--\`, e.g. \`withify ${command} -- ${a}\`` : '';
    throw new UsageError(`unknown option ${unknown}${unknown === a ? '' : ` in "${a}"`} (the one-letter options here are ${known})${asPath}`);
  });
}

/**
 * Options before the command are read as after it, as yargs read most of them (`withify --format json check src/`,
 * `-j 1 check`, Ruff's `ruff -q check`): the command is moved to the front. Ex) `withify --quiet check a.py` was
 * "unknown option --quiet (did you mean --quiet?)" (review rv55a). The command is the first argument that is no option
 * nor an option's value (`withify --exclude diff check src/`: `check`, review rv55c).
 */
function commandFirst(argv: string[]): string[] {
  const end = argv.indexOf('--');
  const before = end < 0 ? argv : argv.slice(0, end);
  if (!before[0]?.startsWith('-') || before[0] === '-') return argv;
  for (let i = 0; i < before.length; i++) {
    const a = before[i]!;
    if (a.startsWith('-') && a !== '-') continue;
    if (i > 0 && takesValue(before[i - 1]!)) continue;
    if (COMMANDS.includes(a)) return [a, ...argv.slice(0, i), ...argv.slice(i + 1)];
    // (The value of an option withify does not know: `--output-format json check` is `check --output-format json`,
    // whose error names the option, review rv55e; it said "unknown command json")
    if (i > 0 && /^--?[^-=][^=]*$/.test(before[i - 1]!)) continue;
    return argv;
  }
  return argv;
}

/** `withify explain -- WFY101` explains WFY101: yargs left the rule out of the positionals. */
function explainRuleAfterDashes(argv: string[]): string[] {
  const end = argv.indexOf('--');
  return end < 0 || commandOf(argv) !== 'explain' ? argv : [...argv.slice(0, end), ...argv.slice(end + 1)];
}

/** `--no-X` of an option X that takes a value is a usage error (`--no-ignore` is a flag of its own). */
function refuseNegatedValues(argv: string[]): void {
  const end = argv.indexOf('--');
  for (const a of end < 0 ? argv : argv.slice(0, end)) {
    const m = /^--no-([a-z-]+)(?:=|$)/.exec(a);
    // Ex) `withify check --no-select .`: a TypeError deep in the run before
    if (m && VALUE_OPTIONS.includes(m[1]!)) throw new UsageError(`--no-${m[1]}: --${m[1]} takes a value and has no --no- form; leave it out for its default`);
  }
}

/**
 * An option that takes one value, given twice, is a usage error (as Ruff's command line has it). yargs hands such an
 * option over as an array. Ex) `--target-version 3.8 --target-version 3.9` crashed with a TypeError and a stack
 * trace; `--generator-style closing --generator-style try-finally` ran with neither.
 */
function refuseRepeated(a: Record<string, unknown>, keys: readonly string[]): void {
  for (const key of keys) {
    const v = a[key];
    if (Array.isArray(v)) throw new UsageError(`--${key} was given ${v.length} times (${v.map(String).join(', ')}); it takes one value: give it once`);
  }
}

/**
 * What to give an option whose value came empty (`--stdin-filename=`, `--exclude ''`), for those whose own check
 * would not say it. Ex) `fix - --stdin-filename=` reported the findings at `:2:12`; `--exclude=` excluded nothing,
 * `--include=` every file; `--config=` read the working directory (EISDIR); `trace --output=` wrote to stderr.
 */
const EMPTY_VALUE_HINTS: Record<string, string> = {
  'stdin-filename': 'give the path to report for `-`, e.g. `--stdin-filename src/app.py`',
  config: 'name a TOML file, e.g. `--config pyproject.toml`',
  exclude: "give a glob, e.g. `--exclude '*_pb2.py'`",
  'extend-exclude': "give a glob, e.g. `--extend-exclude '*_pb2.py'`",
  include: "give a glob, e.g. `--include '*.pyw'`",
  'changed-since': 'name a git revision, e.g. `--changed-since origin/main`',
  transform: 'name an ES module file, e.g. `--transform ./my-transform.js`',
  python: 'name an interpreter, e.g. `--python pypy3`',
  output: 'name a file, e.g. `--output leaks.txt`',
  'cache-dir': 'name a directory, e.g. `--cache-dir .withify_cache` (or `--no-cache`)',
};

/** An empty value of an option in EMPTY_VALUE_HINTS is a usage error naming the option. */
function refuseEmpty(a: Record<string, unknown>): void {
  for (const [key, hint] of Object.entries(EMPTY_VALUE_HINTS)) {
    const values = ([] as unknown[]).concat(a[key] ?? []);
    // (`--include ./` or `/` names nothing either, as in [tool.withify])
    const glob = key === 'include' || key === 'exclude' || key === 'extend-exclude';
    if (values.some((v) => v === '')) throw new UsageError(`--${key} was given an empty value: ${hint}`);
    const nothing = glob ? values.find((v) => typeof v === 'string' && emptyGlob(v)) : undefined;
    if (nothing !== undefined) throw new UsageError(`--${key} ${JSON.stringify(nothing)} names nothing: ${hint}`);
  }
}
const SINGLE_VALUE_OPTIONS = ['target-version', 'generator-style', 'stdin-filename', 'config', 'changed-since', 'shard', 'format', 'jobs', 'index-scope', 'cache-dir'];

/** Errors of config files, transform modules and file selection are usage errors: message, exit 2. */
const isUsageProblem = (err: unknown): boolean => err instanceof ConfigError || err instanceof TransformLoadError || err instanceof SelectError;

const splitList = (values: string | string[] | undefined) =>
  ([] as string[]).concat(values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);

const withTransformOption = <T>(y: Argv<T>) =>
  y.option('transform', { type: 'string', requiresArg: true, describe: 'also show the transform exported by this ES module (repeatable)' });

// The option texts that differ by command. Ex) `check --help` listed `--exit-code`, a usage error with `check` (review rv55a).
const EXIT_CODE_HELP: Record<string, string> = {
  diff: 'exit 1 when any file would change: for pre-commit hooks and CI',
  fix: 'exit 1 when a file changed or a finding is left: for pre-commit hooks and CI',
};
const ADD_IGNORE_HELP: Record<string, string> = {
  check: 'add `# withify: ignore[CODE]` to a line of each finding and write the files (no fix is made)',
  diff: 'show, with the fixes, a `# withify: ignore[CODE]` on a line of each finding left after them',
  fix: 'after the fixes, add `# withify: ignore[CODE]` to a line of each finding left',
};

const common = (y: Argv, command = 'check') =>
  y
    .positional('paths', { type: 'string', array: true, defaultDescription: '.', describe: 'files or directories (`-` reads stdin)' })
    // One value per flag (repeat it, or use commas): an array option would swallow the paths after it.
    .option('select', { type: 'string', requiresArg: true, describe: 'only these transforms (ids or codes, comma-separated; repeatable); in place of [tool.withify] select and ignore' })
    .option('ignore', { type: 'string', requiresArg: true, describe: 'skip these transforms (ids or codes, comma-separated; repeatable); beside [tool.withify] ignore' })
    .option('unsafe-fixes', { type: 'boolean', describe: 'also apply fixes rated unsafe' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'print only findings, diffs and errors' })
    // (Still an option of `check`, whose run then says why it is a usage error there)
    .option('exit-code', { type: 'boolean', default: false, hidden: command === 'check', describe: EXIT_CODE_HELP[command] ?? '' })
    .option('target-version', { requiresArg: true, type: 'string', describe: 'oldest Python the code must run on, e.g. 3.8 (default: [tool.withify] target-version, else the lowest requires-python allows, else 3.8)' })
    .option('generator-style', { requiresArg: true, type: 'string', choices: ['try-finally', 'closing'], describe: 'how generator-close closes a generator' })
    .option('all-loops', { type: 'boolean', describe: 'generator-close: fix every loop over a generator with cleanup' })
    .option('stdin-filename', { requiresArg: true, type: 'string', describe: 'the path to report for `-`' })
    .option('add-ignore', { type: 'boolean', describe: ADD_IGNORE_HELP[command] ?? '' })
    .option('color', { type: 'boolean', describe: 'colour the diff (default: when stdout is a terminal and NO_COLOR is unset)' })
    // File selection and configuration (docs/bulk.md)
    .option('config', { type: 'string', requiresArg: true, describe: 'settings from this TOML file instead of the nearest pyproject.toml [tool.withify]' })
    .option('no-ignore', { type: 'boolean', describe: 'also walk files that .gitignore, .git/info/exclude or the global excludes file ignore' })
    .option('exclude', { type: 'string', requiresArg: true, describe: 'leave out files and directories matching this glob (repeatable; in place of [tool.withify] exclude)' })
    .option('extend-exclude', { type: 'string', requiresArg: true, describe: 'leave these out too, beside [tool.withify] exclude or --exclude (repeatable)' })
    .option('include', { type: 'string', requiresArg: true, describe: 'walk only files matching this glob (default *.py; repeatable)' })
    .option('changed-since', { type: 'string', requiresArg: true, describe: 'only files changed since this git revision, plus untracked ones' })
    .option('shard', { type: 'string', requiresArg: true, describe: 'only shard K of N (K/N), to split a run over CI jobs' })
    .option('transform', { type: 'string', requiresArg: true, describe: 'also run the transform exported by this ES module (repeatable)' })
    // Bulk runs and reports for scripts (docs/reports.md).
    .option('format', { requiresArg: true, choices: ['text', 'json', 'sarif', 'github'] as const, default: 'text' as const, describe: 'output: text, json, sarif (code scanning) or github (workflow annotations)' })
    .option('statistics', { type: 'boolean', default: false, describe: 'counts per transform instead of one line per finding' })
    .option('jobs', { alias: 'j', type: 'string', requiresArg: true, describe: 'threads: this one and N - 1 workers (default: the number of cores, fewer for a small run; 1 = no worker)' })
    .option('index-scope', { requiresArg: true, choices: ['project', 'run'] as const, describe: 'what the first pass reads (the generators a file calls; the test doubles of resource calls): the whole project the paths lie in (default; its root has .git, .hg or pyproject.toml) or only the files of the run' })
    .option('whole-files', { type: 'boolean', describe: 'parse every file whole, not only the functions around the calls withify looks at (slower; same findings, and a syntax error anywhere in a file it reads is reported)' })
    .option('no-cache', { type: 'boolean', describe: 'neither read nor write the cache of earlier runs (check keeps what each file gave; fix and diff skip the files it found clean)' })
    .option('cache-dir', { type: 'string', requiresArg: true, describe: 'keep the cache here (default: $WITHIFY_CACHE_DIR, else .withify_cache in the project root: where pyproject.toml is, else the working directory)' });

const traceOptions = (y: Argv) =>
  y
    .usage('$0 trace [options] -- <command...>')
    .option('python', { requiresArg: true, type: 'string', describe: 'interpreter that `python` and `python3` mean for the command, e.g. pypy3' })
    .option('format', { requiresArg: true, choices: ['text', 'json'] as const, default: 'text' as const, describe: 'report format' })
    .option('fail-on-leak', { type: 'boolean', default: false, describe: `exit 1 when leaks were found and the command exited 0` })
    .option('output', { requiresArg: true, alias: 'o', type: 'string', describe: 'write the report to this file instead of stderr' })
    .example('$0 trace -- python -m unittest', 'run the tests, then list the leak sites')
    .example('$0 trace --python pypy3 --fail-on-leak -- python -m pytest tests/', 'under PyPy, fail CI on any leak');

/** The options of `command` (its builder's, help and version), and those of them that are flags (a `--no-` form). */
function optionsOf(command: string | undefined): { all: string[]; flags: string[] } {
  const y = yargs([]);
  const built = command === 'trace' ? traceOptions(y) : command === 'list' || command === 'explain' ? withTransformOption(y) : COMMANDS.includes(command ?? '') ? common(y, command) : y;
  // yargs has getOptions(); its type declarations leave it out.
  const read = (built as unknown as { getOptions?: () => { key: Record<string, unknown>; boolean: string[] } }).getOptions;
  const o = typeof read === 'function' ? read.call(built) : { key: {}, boolean: [] };
  const long = (names: string[]) => names.filter((k) => k.length > 1 && !/[A-Z]/.test(k));
  return { all: long(Object.keys(o.key)), flags: long(o.boolean) };
}

/** The one name in `names` that starts with `name`, else the nearest within two edits (case aside); `undefined` when none is. */
function nearest(name: string, names: readonly string[]): string | undefined {
  const distance = (a: string, b: string) => {
    let row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const next = [i];
      for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      row = next;
    }
    return row[b.length]!;
  };
  // Ex) `--stdin-file`: the start of one option's name
  const starting = names.filter((n) => name.length >= 3 && n.startsWith(name.toLowerCase()));
  if (starting.length === 1) return starting[0];
  const scored = names.map((n) => ({ n, d: distance(name.toLowerCase(), n) })).filter((x) => x.d <= Math.min(2, Math.floor(x.n.length / 3) || 1));
  return scored.sort((x, y) => x.d - y.d)[0]?.n;
}

/**
 * What a Ruff user types, and withify's way of saying it: an option to name instead (`--…`), or a sentence. Ex)
 * `withify check --diff` was a bare "unknown option --diff" (review rv55a).
 */
const RUFF_OPTIONS: Record<string, string> = {
  diff: '`withify diff` is the command that prints the diff',
  fix: '`withify fix` is the command that rewrites the files',
  check: '`withify diff --exit-code` exits 1 when a file would change',
  'output-format': '--format',
  'extend-select': '--select, which adds up when repeated and stands in place of [tool.withify] select',
  'extend-ignore': '--ignore, which adds to [tool.withify] ignore',
  'add-noqa': '--add-ignore',
  'exit-non-zero-on-fix': '`withify fix --exit-code`',
  'extend-include': '--include, which adds up when repeated',
  'no-fix': '`withify check` reports and fixes nothing',
};

/**
 * yargs' "Unknown argument(s): selct, chek" as Ruff would say it: the option as it was written, with the one
 * meant where one is near (`--selct` → `--select`, `--no-colour` → `--no-color`), an unknown command as one,
 * and what `list` and `explain` take. Ex) `--unsafe-fix` was "Unknown arguments: unsafe-fix, unsafeFix".
 */
function unknownArguments(message: string, argv: readonly string[]): string {
  const m = /^Unknown arguments?: (.*)$/s.exec(message);
  if (!m) return otherUsageMessage(message, argv);
  const names = m[1]!.split(', ');
  const end = argv.indexOf('--');
  const written = end < 0 ? argv : argv.slice(0, end);
  const command = commandOf(argv);
  if (command !== undefined && !COMMANDS.includes(command)) {
    const near = nearest(command, COMMANDS);
    return `unknown command "${command}"${near ? ` (did you mean \`withify ${near}\`?)` : ''}; the commands are ${COMMANDS.join(', ')}`;
  }
  const options = optionsOf(command);
  const unknownOptions: string[] = [];
  const extra: string[] = [];
  // (`withify trace -q -- python3 leak.py`: yargs lists the command's words too, which are where they belong)
  const traced = end < 0 || command !== 'trace' ? [] : argv.slice(end + 1);
  for (const name of names) {
    // (Unless an option of that name was given too: `trace --pytest -- pytest`, review rv55c)
    if (traced.includes(name) && !written.includes(name) && !written.some((a) => a === `--${name}` || a.startsWith(`--${name}=`) || a === `--no-${name}`)) continue;
    // Ex) `unsafeFix` beside `unsafe-fix`: yargs' camel-case copy of the same option
    if (/[A-Z]/.test(name) && names.includes(name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`))) continue;
    const option = written.find((a) => a === `--${name}` || a.startsWith(`--${name}=`) || a === `--no-${name}` || a.startsWith(`--no-${name}=`));
    if (option !== undefined) {
      const negated = option.startsWith('--no-') && !option.startsWith(`--${name}`);
      const ruff = RUFF_OPTIONS[negated ? `no-${name}` : name];
      const near = ruff?.startsWith('--') ? undefined : nearest(name, negated ? options.flags : options.all);
      const hint = ruff === undefined ? (near ? ` (did you mean --${negated ? 'no-' : ''}${near}?)` : '') : ruff.startsWith('--') && !ruff.includes(' ') ? ` (did you mean ${ruff}?)` : ` (${ruff.startsWith('--') ? `withify's is ${ruff}` : ruff})`;
      unknownOptions.push(`${option.replace(/=.*/s, '')}${hint}`);
    } else if (name.length === 1 && written.some((a) => /^-[^-]/.test(a) && a.includes(name))) unknownOptions.push(`-${name}`);
    else extra.push(`"${name}"`);
  }
  const parts: string[] = [];
  if (unknownOptions.length) parts.push(`unknown option${unknownOptions.length > 1 ? 's' : ''} ${unknownOptions.join(', ')}`);
  if (extra.length) {
    const list = extra.join(', ');
    if (command === 'list') parts.push(`\`withify list\` takes no argument, not ${list}; \`withify explain CODE\` explains one transform`);
    else if (command === 'explain') parts.push(`\`withify explain\` takes one transform (run it once for each), not also ${list}`);
    else if (command === 'trace') parts.push(`\`withify trace\` runs the command given after \`--\`, not ${list}: \`withify trace [options] -- <command...>\``);
    else parts.push(`unexpected argument${extra.length > 1 ? 's' : ''} ${list}`);
  }
  return parts.join('; ') || message;
}

/**
 * yargs' other messages in the words of withify's own: the option named with its dashes, the values it takes.
 * Ex) "Invalid values:\n  Argument: format, Given: \"xml\", Choices: …"; "Not enough non-option arguments: got 0,
 * need at least 1" for `withify explain`.
 */
function otherUsageMessage(message: string, argv: readonly string[]): string {
  const invalid = [...message.matchAll(/Argument: ([\w-]+), Given: ("(?:[^"\\]|\\.)*"|\S+), Choices: (.*)/g)];
  if (invalid.length) {
    return invalid
      .map(([, name, value, choices]) => {
        const names = [...choices!.matchAll(/"([^"]*)"/g)].map((c) => c[1]!);
        const near = nearest(String(JSON.parse(value!.startsWith('"') ? value! : JSON.stringify(value))), names);
        return `--${name}: ${value} is none of ${names.join(', ')}${near ? ` (did you mean ${near}?)` : ''}`;
      })
      .join('; ');
  }
  const missing = /^Not enough arguments following: ([\w-]+)$/.exec(message);
  if (missing) return `--${missing[1]} takes a value, and none was given`;
  if (/^Not enough non-option arguments/.test(message) && commandOf(argv) === 'explain') return 'name the transform to explain, by code or id (e.g. `withify explain WFY101`); `withify list` shows them';
  return message;
}

const given = (values: string | string[] | undefined) => (values === undefined ? undefined : splitList(values));
const globList = (values: string | string[] | undefined) => (values === undefined ? undefined : ([] as string[]).concat(values));

async function toRunOptions(mode: Mode, a: CommonArgs): Promise<{ options: RunOptions; config: ReturnType<typeof loadConfig> }> {
  const cwd = process.cwd();
  const target = a['target-version'] === undefined ? undefined : parsePythonVersion(a['target-version']);
  if (a['target-version'] !== undefined && !target) throw new UsageError(`--target-version: cannot read "${a['target-version']}"; write it like 3.8`);
  const unsupported = target && unsupportedTarget(target);
  if (unsupported) throw new UsageError(`--target-version: ${unsupported}`);
  const style = a['generator-style'] === undefined ? undefined : parseGeneratorStyle(a['generator-style']);
  const shard = a.shard === undefined ? undefined : parseShard(a.shard);
  if (a.shard !== undefined && !shard) throw new UsageError(`--shard: cannot read "${a.shard}"; write it K/N with 1 ≤ K ≤ N, e.g. 2/4`);
  // Ex) `--select ''` or `--select ,`: selecting nothing would run every transform
  for (const key of ['select', 'ignore'] as const) {
    if (a[key] !== undefined && splitList(a[key]).length === 0) throw new UsageError(`--${key}: name at least one transform (ids or codes, comma-separated); run \`withify list\` to see them`);
  }
  // The command line overrides each key of [tool.withify] it gives; `--ignore` and `--extend-exclude` add to it (mergeSettings).
  const cli = { select: given(a.select), ignore: given(a.ignore), exclude: globList(a.exclude), extendExclude: globList(a['extend-exclude']), include: globList(a.include), unsafeFixes: a['unsafe-fixes'], allLoops: a['all-loops'], targetVersion: target, generatorStyle: style, indexScope: a['index-scope'] };
  const config = loadConfig({ cwd, configPath: a.config });
  const { exclude, include, perFileIgnores, indexScope, ...transformSettings } = mergeSettings(cli, config);
  // Loaded here to report a bad module at once; the workers of the run import the same paths themselves.
  // (Loaded by the paths as given, which an error names; the workers get them made absolute)
  const transformPaths = (globList(a.transform) ?? []).map((p) => resolve(cwd, p));
  const extraTransforms = await loadTransformModules(globList(a.transform) ?? [], cwd);
  // A misspelt rule would select nothing, or ignore nothing, without a word.
  for (const key of ['select', 'ignore'] as const) {
    const unknown = (values: readonly string[] | undefined) => values?.find((v) => findTransform(v, extraTransforms) === undefined);
    const fromCli = unknown(cli[key]);
    if (fromCli !== undefined) throw new UsageError(`--${key}: no transform "${fromCli}"; run \`withify list\` to see the ids and codes`);
    const fromFile = unknown(config?.settings[key]);
    if (fromFile !== undefined) throw new ConfigError(`${config!.path}: ${sectionOf(config!)}${key}: no transform "${fromFile}"; run \`withify list\` to see the ids and codes`);
  }
  for (const { glob, rules } of perFileIgnores ?? []) {
    const bad = rules.find((v) => findTransform(v, extraTransforms) === undefined);
    // (The glob as written: the config made it absolute, below its own directory)
    // (From where the config's globs count: a `--config` file kept elsewhere, the working directory; review rv55c)
    const written = isAbsolute(glob) && config ? relative(config.globBase ?? dirname(config.path), glob).split(sep).join('/') : glob;
    if (bad !== undefined) throw new ConfigError(`${config!.path}: ${sectionOf(config!)}per-file-ignores "${written}": no transform "${bad}"; run \`withify list\` to see the ids and codes`);
  }
  const options: RunOptions = {
    ...defaultOptions({ ...transformSettings, extraTransforms }),
    mode,
    cwd,
    noIgnore: a['no-ignore'] === true,
    wholeFiles: a['whole-files'] === true,
    exclude,
    // (The config's globs: the directories of a file named explicitly count from the config's own directory, when
    // the run starts in it or below; a `--config` kept elsewhere, `tools/withify.toml`, counts from the working one)
    // (With --extend-exclude too, and whether or not the file has an `exclude`: `--extend-exclude src` run in `src/`
    // excluded a file named there only beside an unrelated `exclude` of the file, review rv55c)
    ...(cli.exclude === undefined && config && (config.settings.exclude?.length || cli.extendExclude?.length) && isWithin(realOrSelf(cwd), realOrSelf(dirname(config.path))) ? { excludeBase: dirname(config.path) } : {}),
    include,
    changedSince: a['changed-since'],
    shard,
    ...(indexScope ? { indexScope } : {}),
    transformPaths,
    ...(perFileIgnores?.length ? { perFileIgnores } : {}),
    ...(target === undefined ? { projectTargets: true } : {}),
    ...(a['add-ignore'] ? { addIgnore: true } : {}),
    ...(a.jobs !== undefined ? { jobs: Number(a.jobs) } : {}),
    ...(a['no-cache'] === true ? {} : { cacheDir: cacheDirOf(a['cache-dir'], cwd, config?.path) }),
  };
  // Ex) `select = ["class-del"]` and `ignore = ["WFY110"]`, or `--select X --ignore X`: a run of no transform said "All
  // clear" and exited 0 (a CI gate that checks nothing passes), where `--select ''` is refused (review rv55a)
  if (activeTransforms(options).length === 0) {
    // (Each list named where it came from; the file's `ignore` counts only without --select: review rv55c)
    const inFile = (key: string) => `${key} in ${config ? relative(cwd, config.path) || config.path : 'the config'}`;
    const selectFrom = cli.select !== undefined ? '--select' : config?.settings.select ? inFile('select') : undefined;
    const ignoreFrom = [cli.select === undefined && config?.settings.ignore?.length ? inFile('ignore') : undefined, cli.ignore !== undefined ? '--ignore' : undefined].filter((s) => s !== undefined).join(' and ');
    const selects = selectFrom ? `${selectFrom} selects ${options.select.join(', ')}, and ` : '';
    throw new UsageError(`no transform is left to run: ${selects}${ignoreFrom} ignores ${options.ignore.join(', ')}; run \`withify list\` to see the transforms`);
  }
  return { options, config };
}

/**
 * Where a run keeps its cache: `--cache-dir`, else `$WITHIFY_CACHE_DIR`, else `.withify_cache` beside the
 * pyproject.toml the settings came from (the project's root, as Ruff puts `.ruff_cache`), else in `cwd`.
 */
function cacheDirOf(given: string | undefined, cwd: string, configPath: string | undefined): string {
  const chosen = given ?? (process.env.WITHIFY_CACHE_DIR || undefined);
  if (chosen !== undefined) return resolve(cwd, chosen);
  return join(configPath !== undefined && basename(configPath) === 'pyproject.toml' ? dirname(configPath) : cwd, CACHE_DIR_NAME);
}

async function runCommand(mode: Mode, a: CommonArgs): Promise<void> {
  refuseRepeated(a as unknown as Record<string, unknown>, SINGLE_VALUE_OPTIONS);
  refuseEmpty(a as unknown as Record<string, unknown>);
  // Ex) `withify check --exit-code`: it would exit as without it, and the user would think CI is gated
  if (a['exit-code'] && mode === 'check') throw new UsageError('--exit-code is for `withify diff` (exit 1 when a file would change) and `withify fix` (exit 1 when a file changed or a finding is left): `check` exits 1 on any finding already');
  if (a.jobs !== undefined && !(/^\s*\d+\s*$/.test(a.jobs) && Number(a.jobs) >= 1)) throw new UsageError(`--jobs: expected a whole number of threads, 1 or more, not "${a.jobs}"`);
  // Ex) `withify fix --stdin-filename app.py < buffer` (Ruff reads stdin so): without `-` it rewrote every file under `.`
  if (a['stdin-filename'] !== undefined && !(a.paths.length === 1 && a.paths[0] === STDIN_PATH)) {
    throw new UsageError(`--stdin-filename names the text read from stdin: give \`-\` as the only path, e.g. \`withify ${mode} - --stdin-filename ${a['stdin-filename']}\``);
  }
  // Ex) `--statistics --format github`: the annotations came out one per finding, the option did nothing
  if (a.statistics && (a.format === 'sarif' || a.format === 'github')) throw new UsageError(`--statistics is for --format text (a table instead of the findings) or json (a \`statistics\` array); ${a.format} has no place for it`);
  const { options, config } = await toRunOptions(mode, a);
  const rules = [...TRANSFORMS, ...activeTransforms(options).filter((t) => !TRANSFORMS.includes(t))];
  // Ex) `unsafe-fixes = true` in [tool.withify]: plain `withify fix` applies the unsafe fixes, and the hint says so
  const reportOptions = { format: a.format, quiet: a.quiet, color: false, statistics: a.statistics, addIgnore: a['add-ignore'] === true, unsafeNeedsFlag: config?.settings.unsafeFixes !== true };
  const color = a.color ?? (process.stdout.isTTY === true && !process.env.NO_COLOR);
  if (a.paths.length === 1 && a.paths[0] === STDIN_PATH) {
    if (mode === 'check' && a['add-ignore']) throw new UsageError('check - --add-ignore has nowhere to write the comments: use `withify fix - --add-ignore` (it prints the result)');
    // Ex) `check - --shard 2/4`: the text was checked in every shard; a file read from stdin is not selected among others
    for (const key of ['changed-since', 'shard'] as const) {
      if (a[key] !== undefined) throw new UsageError(`--${key} selects among the files of a walk; with \`-\` (stdin) there is only the text read, so leave it out`);
    }
    const path = a['stdin-filename'] ?? '-';
    const { result, outputBytes } = await runStdin(readFileSync(0), path, options);
    const runResult = { files: result ? [result] : [], walkErrors: [] };
    if (mode === 'fix') {
      // stdout is the file, in every format (Ruff): the report, whatever its format, goes to stderr.
      // Ex) `withify fix - --format github < a.py > a.new`: a.new is the rewritten a.py, the annotations are on stderr
      if (outputBytes) process.stdout.write(outputBytes);
      const report = renderReport(mode, runResult, { ...reportOptions, color: false }, rules);
      process.stderr.write(report.stdout + report.stderr);
    } else {
      const report = renderReport(mode, runResult, { ...reportOptions, color }, rules);
      process.stdout.write(report.stdoutBytes ?? report.stdout);
      process.stderr.write(report.stderr);
    }
    process.exitCode = exitCode(mode, runResult, { exitCodeOnDiff: a['exit-code'], addIgnore: a['add-ignore'] === true });
    return;
  }
  if (a.paths.includes(STDIN_PATH)) throw new UsageError('`-` (stdin) must be the only path');
  return runFiles(mode, a, options, { ...reportOptions, color }, rules, config?.path);
}

async function runFiles(mode: Mode, a: CommonArgs, options: RunOptions, reportOptions: ReportOptions, rules: readonly Transform[], configPath?: string): Promise<void> {
  // Ctrl-C: stop handing out files, let the ones in hand finish (writes are atomic), report, exit 130.
  // A second Ctrl-C ends the process at once.
  const interrupt = new AbortController();
  const onSigint = () => {
    if (interrupt.signal.aborted) {
      process.removeListener('SIGINT', onSigint);
      process.kill(process.pid, 'SIGINT');
    } else interrupt.abort();
  };
  process.on('SIGINT', onSigint);
  // Ex) Ctrl-C while node loaded: a run that begins nothing, reported as interrupted
  const early = earlyInterrupt;
  earlyInterrupt = undefined;
  if (early?.taken()) interrupt.abort();
  const progress = createProgress({ isTTY: process.stderr.isTTY, quiet: a.quiet, ci: process.env.CI });
  let result;
  try {
    result = await run(a.paths, { ...options, extraTransforms: [] }, { signal: interrupt.signal, onProgress: (done, total, phase) => progress.update(done, total, phase) });
  } catch (err) {
    // Ex) Ctrl-C while `--changed-since` waits for git: git ends of it, and so does the run, before any file (review rv54a)
    if (!(err instanceof GitInterrupted)) throw err;
    process.stderr.write('withify: interrupted while git listed the changed files; nothing was processed\n');
    process.exitCode = 130;
    return;
  } finally {
    progress.stop();
    process.removeListener('SIGINT', onSigint);
  }
  if (!a.quiet) for (const line of nestedConfigWarnings(a.paths, options.cwd, configPath)) process.stderr.write(`${line}\n`);
  const report = renderReport(mode, result, reportOptions, rules);
  process.stdout.write(report.stdoutBytes ?? report.stdout);
  process.stderr.write(report.stderr);
  if (result.cacheError !== undefined && !a.quiet) process.stderr.write(`warning: ${result.cacheError}\n`);
  process.exitCode = result.interrupted ? 130 : exitCode(mode, result, { exitCodeOnDiff: a['exit-code'], addIgnore: a['add-ignore'] === true });
}

/**
 * One warning per pyproject.toml below the run's start whose `[tool.withify]` the run does not apply (no hierarchy
 * of configs: the settings come from one file). Ex) CI runs `check .` at the root, a developer in `sub/`: sub's
 * `ignore` holds for the developer only
 */
function nestedConfigWarnings(paths: readonly string[], cwd: string, configPath: string | undefined): string[] {
  const shown = (p: string) => {
    const r = relative(cwd, p).split(sep).join('/');
    return r.startsWith('../') || isAbsolute(r) ? r : `./${r}`;
  };
  const uses = configPath === undefined ? 'this run found no [tool.withify] from the working directory up' : `this run uses ${shown(configPath)}`;
  // (Not one in the working directory or above it, which a run without --config would find: `--config` chose another)
  const found = nestedConfigs((paths.length ? paths : ['.']).map((p) => resolve(cwd, p)), configPath).filter((p) => !isWithin(cwd, dirname(p)));
  return found.map((p) => {
    const file = shown(p).replace(/^\.\//, '');
    const dir = shown(dirname(p)).replace(/^\.\//, '');
    return `warning: ${file}: its [tool.withify] applies only to runs started in ${dir}/ or below; ${uses}`;
  });
}

/**
 * A Ctrl-C that came while node loaded withify, before a command could answer it (`bin/withify.js` listens from its
 * first line): `taken()` stops listening and says whether one came. A file run takes it as its own interrupt (the
 * report of a run that began nothing, exit 130); any other command, or a bad command line, ends as the signal would.
 */
export interface EarlyInterrupt {
  taken(): boolean;
}

let earlyInterrupt: EarlyInterrupt | undefined;

/** Stop listening for an early Ctrl-C; if one came, end as it would have ended the process. */
function releaseEarlyInterrupt(): void {
  const early = earlyInterrupt;
  earlyInterrupt = undefined;
  if (early?.taken()) process.kill(process.pid, 'SIGINT');
}

/**
 * When the reader of stdout goes (`withify check . | head`): nothing more can be printed. A `fix` of files goes on
 * to the end, printing nothing more, so that every file it began is written (and a re-run has nothing left); any
 * other command stops at once, with the status a shell gives a process that SIGPIPE ends (141), not a stack trace.
 */
let stdoutGone = false;

function onStdoutGone(finishRun: boolean): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') {
      // Ex) `withify check . > /dev/full`: the report is lost; say so, and exit as for a file that failed
      process.stderr.write(`withify: cannot write the output: ${err.message}\n`);
      if (!finishRun) process.exit(2);
      process.exitCode = 2;
      return;
    }
    if (!finishRun) process.exit(141);
    // (A `fix` of files: its report is cut short all the same, and it ends with the same status, review rw3; here when
    // the run is over, its report written last, else at the end of `main`)
    stdoutGone = true;
    if (process.exitCode !== 130) process.exitCode = 141;
  });
  // (stderr gone or full, `2>&1 | head -1`, `2>/dev/full`: its messages can go nowhere, and the run goes on to its
  // own exit code; stdout, where it is the same pipe, ends it as above)
  process.stderr.on('error', () => {});
}

export async function main(given: string[] = hideBin(process.argv), early?: EarlyInterrupt): Promise<void> {
  earlyInterrupt = early;
  const argv = commandFirst(given);
  // Only a file run (not `-`) answers an early Ctrl-C itself
  const command = commandOf(argv);
  // (`-` as written: `protectStdin` makes it STDIN_PATH only later)
  const stdin = protectStdin(argv).includes(STDIN_PATH);
  if (!['check', 'diff', 'fix'].includes(command ?? '') || stdin) releaseEarlyInterrupt();
  onStdoutGone(command === 'fix' && !stdin);
  const parser = yargs(protectNoIgnore(protectStdin(explainRuleAfterDashes(argv))))
    .scriptName('withify')
    .usage('$0 <command> [paths..] [options]\n\nMake Python code safe for interpreters that do not reference-count (PyPy).')
    .command('check [paths..]', 'Report every finding; exit 1 if there are any', (y) => common(y, 'check'), (a) => runCommand('check', withPaths(a, argv)))
    .command('diff [paths..]', 'Print the rewrite as a unified diff; write nothing', (y) => common(y, 'diff'), (a) => runCommand('diff', withPaths(a, argv)))
    .command('fix [paths..]', 'Rewrite files in place', (y) => common(y, 'fix'), (a) => runCommand('fix', withPaths(a, argv)))
    .command('list', 'List every transform: code, id, safety, summary', withTransformOption, async (a) => {
      refuseEmpty(a);
      const extra = await loadTransformModules(globList(a.transform) ?? []);
      process.stdout.write(listTransforms([...TRANSFORMS, ...extra]));
    })
    .command(
      'explain <rule>',
      'Explain a transform (by code or id): what breaks on PyPy, the fix, examples',
      (y) => withTransformOption(y.positional('rule', { type: 'string', demandOption: true })),
      async (a) => {
        refuseEmpty(a);
        const extra = await loadTransformModules(globList(a.transform) ?? []);
        const text = explainTransform(String(a.rule), extra);
        if (text === undefined) throw new UsageError(`no transform "${String(a.rule)}"; run \`withify list\` to see them`);
        process.stdout.write(text);
      },
    )
    .command(
      'trace',
      'Run a command (after `--`) and report every file or socket it leaked, grouped by site',
      traceOptions,
      async (a) => {
        refuseRepeated(a, ['python', 'format', 'output']);
        refuseEmpty(a);
        const at = argv.indexOf('--');
        const command = at < 0 ? [] : argv.slice(at + 1);
        if (command.length === 0) throw new UsageError('name the command after `--`, e.g. `withify trace -- python -m unittest`');
        try {
          const { exitCode } = await trace({ command, cwd: process.cwd(), python: a.python, format: a.format, failOnLeak: a['fail-on-leak'], output: a.output });
          process.exitCode = exitCode;
        } catch (err) {
          if (!(err instanceof TraceError)) throw err;
          process.stderr.write(`withify trace: error: ${err.message}\n`);
          process.exitCode = err.exitCode;
        }
      },
    )
    .example('$0 diff src/', 'show what would change under src/')
    .example('$0 fix src/ --select open-chain', 'rewrite in place, one transform only')
    .example('$0 check . --format json', 'findings as JSON, for scripts')
    .example('cat a.py | $0 fix - > b.py', 'rewrite stdin to stdout')
    .demandCommand(1, 'name a command: check, diff, fix, list, explain or trace')
    .strict()
    .version(VERSION)
    .help()
    .alias('h', 'help')
    .epilogue(`Exit codes: 0 clean, 1 findings (check), changes (diff --exit-code) or changes or findings left (fix --exit-code), 2 usage error or a file that could not be processed, 130 interrupted (Ctrl-C; run the same command again to finish), 141 stdout closed by its reader (a pipe into head).\nDefault target Python: ${formatPythonVersion(defaultOptions().targetVersion)}.`)
    .fail((msg, err) => {
      // An error thrown by a handler reaches the catch below, which prints it once.
      if (err && err.name !== 'YError') throw err;
      process.stderr.write(`error: ${unknownArguments(err?.message ?? msg, argv)}\nRun \`withify --help\` for usage.\n`);
      process.exitCode = 2;
      // Ex) `withify trace --bogus -- cmd`: without this throw yargs still runs the command's handler
      throw new UsageReported();
    })
    .wrap(Math.min(110, process.stdout.columns ?? 100));
  skipHelpCache(parser);
  try {
    refuseNegatedValues(argv);
    refuseArgsAfterDashes(argv);
    refuseFlagValues(argv);
    refuseShortGroups(argv);
    await parser.parseAsync();
  } catch (err) {
    if (err instanceof UsageReported) return;
    if (err instanceof UsageError || isUsageProblem(err)) {
      process.stderr.write(`error: ${(err as Error).message}\n`);
      process.exitCode = 2;
      return;
    }
    throw err;
  } finally {
    // Ex) a usage error, or `--help`, of a file run: no run took the early Ctrl-C
    releaseEarlyInterrupt();
    // Ex) `withify fix --format json . | head -c 10`: every file written, the report cut short (an interrupt's 130 stays)
    if (stdoutGone && process.exitCode !== 130) process.exitCode = 141;
  }
}

/**
 * yargs renders the whole help text, wrapped, once a command's handler has started, to have it ready should
 * a later failure show it (35 ms of every run's start, most of it measuring string widths). Our `fail`
 * prints one line and never the help, and `--help` renders its own: skip that render. Reached through
 * yargs' internal methods, so a yargs without them is left as it is.
 */
export function skipHelpCache(parser: object): void {
  type Usage = { cacheHelpMessage?: () => void };
  const internal = (parser as { getInternalMethods?: () => { getUsageInstance?: () => Usage } }).getInternalMethods;
  const usage = typeof internal === 'function' ? internal.call(parser).getUsageInstance?.() : undefined;
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => {};
}

export { unifiedDiff };
