// The command line: wiring only. Every handler sets process.exitCode; nothing here calls process.exit().
import { readFileSync } from 'node:fs';
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { defaultOptions, formatPythonVersion, parseGeneratorStyle, parsePythonVersion } from './options.js';
import { exitCode, renderReport, textReport, type Format, type ReportOptions } from './report.js';
import type { Transform } from './types.js';
import { createProgress } from './progress.js';
import { activeTransforms, TRANSFORMS } from '../transforms/index.js';
import { run, runStdin, type Mode, type RunOptions } from './runner.js';
import { explainTransform, listTransforms } from './explain.js';
import { VERSION } from './version.js';
import { unifiedDiff } from './engine/diff.js';
import { trace, TraceError } from './trace/index.js';

interface CommonArgs {
  paths: string[];
  select?: string | string[];
  ignore?: string | string[];
  'unsafe-fixes': boolean;
  format: Format;
  quiet: boolean;
  jobs?: number;
  statistics: boolean;
  'exit-code': boolean;
  'target-version'?: string;
  'generator-style'?: string;
  'all-loops': boolean;
  'stdin-filename'?: string;
  color?: boolean;
}

class UsageError extends Error {}
/** Thrown by the fail handler once it has printed the usage error, so no command handler runs. */
class UsageReported extends Error {}

// yargs drops a lone `-`; carry it through as a placeholder (only before a `--`).
const STDIN_PATH = '\u0000stdin';
function protectStdin(argv: string[]): string[] {
  const end = argv.indexOf('--');
  return argv.map((a, i) => (a === '-' && (end < 0 || i < end) ? STDIN_PATH : a));
}

const splitList = (values: string | string[] | undefined) =>
  ([] as string[]).concat(values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);

const common = (y: Argv) =>
  y
    .positional('paths', { type: 'string', array: true, default: ['.'], describe: 'files or directories (`-` reads stdin)' })
    // One value per flag (repeat it, or use commas): an array option would swallow the paths after it.
    .option('select', { type: 'string', requiresArg: true, describe: 'only these transforms (ids or codes, comma-separated; repeatable)' })
    .option('ignore', { type: 'string', requiresArg: true, describe: 'skip these transforms (ids or codes, comma-separated; repeatable)' })
    .option('unsafe-fixes', { type: 'boolean', default: false, describe: 'also apply fixes rated unsafe' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'print only findings, diffs and errors' })
    .option('exit-code', { type: 'boolean', default: false, describe: '(diff) exit 1 when any file would change' })
    .option('target-version', { type: 'string', describe: 'oldest Python the code must run on, e.g. 3.8 (default 3.8)' })
    .option('generator-style', { type: 'string', choices: ['try-finally', 'closing'], describe: 'how generator-close closes a generator' })
    .option('all-loops', { type: 'boolean', default: false, describe: 'generator-close: fix every loop over a generator with cleanup' })
    .option('stdin-filename', { type: 'string', describe: 'the path to report for `-`' })
    .option('color', { type: 'boolean', describe: 'colour the diff (default: when stdout is a TTY)' })
    // Bulk runs and reports for scripts (docs/reports.md).
    .option('format', { choices: ['text', 'json', 'sarif', 'github'] as const, default: 'text' as const, describe: 'output: text, json, sarif (code scanning) or github (workflow annotations)' })
    .option('statistics', { type: 'boolean', default: false, describe: 'counts per transform instead of one line per finding' })
    .option('jobs', { alias: 'j', type: 'number', requiresArg: true, describe: 'worker threads (default: the number of cores; 1 = no worker)' });

function toRunOptions(mode: Mode, a: CommonArgs): RunOptions {
  const target = a['target-version'] === undefined ? undefined : parsePythonVersion(a['target-version']);
  if (a['target-version'] !== undefined && !target) throw new UsageError(`--target-version: cannot read "${a['target-version']}"; write it like 3.8`);
  const style = a['generator-style'] === undefined ? undefined : parseGeneratorStyle(a['generator-style']);
  return {
    ...defaultOptions({
      select: splitList(a.select),
      ignore: splitList(a.ignore),
      unsafeFixes: a['unsafe-fixes'],
      allLoops: a['all-loops'],
      ...(target ? { targetVersion: target } : {}),
      ...(style ? { generatorStyle: style } : {}),
    }),
    mode,
    cwd: process.cwd(),
    ...(a.jobs !== undefined ? { jobs: a.jobs } : {}),
  };
}

// Usage errors are thrown before the first await: yargs reports a synchronous throw once, a rejection twice.
function runCommand(mode: Mode, a: CommonArgs): Promise<void> | void {
  if (a.jobs !== undefined && !(Number.isInteger(a.jobs) && a.jobs >= 1)) throw new UsageError(`--jobs: expected a whole number of threads, 1 or more, not "${a.jobs}"`);
  const options = toRunOptions(mode, a);
  const rules = [...TRANSFORMS, ...activeTransforms(options).filter((t) => !TRANSFORMS.includes(t))];
  const reportOptions = { format: a.format, quiet: a.quiet, color: false, statistics: a.statistics };
  const color = a.color ?? (process.stdout.isTTY === true && !process.env.NO_COLOR);
  if (a.paths.length === 1 && a.paths[0] === STDIN_PATH) {
    const path = a['stdin-filename'] ?? '-';
    const { result, outputBytes } = runStdin(readFileSync(0), path, options);
    const runResult = { files: [result], walkErrors: [] };
    if (mode === 'fix' && a.format === 'text') {
      if (outputBytes) process.stdout.write(outputBytes);
      const report = textReport(mode, runResult, { quiet: true, color: false });
      process.stderr.write(report.stderr);
    } else {
      const report = renderReport(mode, runResult, { ...reportOptions, color }, rules);
      process.stdout.write(report.stdout);
      process.stderr.write(report.stderr);
    }
    process.exitCode = exitCode(mode, runResult, { exitCodeOnDiff: a['exit-code'] });
    return;
  }
  if (a.paths.includes(STDIN_PATH)) throw new UsageError('`-` (stdin) must be the only path');
  return runFiles(mode, a, options, { ...reportOptions, color }, rules);
}

async function runFiles(mode: Mode, a: CommonArgs, options: RunOptions, reportOptions: ReportOptions, rules: readonly Transform[]): Promise<void> {
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
  const progress = createProgress({ isTTY: process.stderr.isTTY, quiet: a.quiet });
  let result;
  try {
    result = await run(a.paths, options, { signal: interrupt.signal, onProgress: (done, total) => progress.update(done, total) });
  } finally {
    progress.stop();
    process.removeListener('SIGINT', onSigint);
  }
  const report = renderReport(mode, result, reportOptions, rules);
  process.stdout.write(report.stdout);
  process.stderr.write(report.stderr);
  process.exitCode = result.interrupted ? 130 : exitCode(mode, result, { exitCodeOnDiff: a['exit-code'] });
}

export async function main(argv: string[] = hideBin(process.argv)): Promise<void> {
  const parser = yargs(protectStdin(argv))
    .scriptName('withify')
    .usage('$0 <command> [paths..] [options]\n\nMake Python code safe for interpreters that do not reference-count (PyPy).')
    .command('check [paths..]', 'Report every finding; exit 1 if there are any', common, (a) => runCommand('check', a as unknown as CommonArgs))
    .command('diff [paths..]', 'Print the rewrite as a unified diff; write nothing', common, (a) => runCommand('diff', a as unknown as CommonArgs))
    .command('fix [paths..]', 'Rewrite files in place', common, (a) => runCommand('fix', a as unknown as CommonArgs))
    .command('list', 'List every transform: code, id, safety, summary', {}, () => {
      process.stdout.write(listTransforms());
    })
    .command(
      'explain <rule>',
      'Explain a transform (by code or id): what breaks on PyPy, the fix, examples',
      (y) => y.positional('rule', { type: 'string', demandOption: true }),
      (a) => {
        const text = explainTransform(String(a.rule));
        if (text === undefined) throw new UsageError(`no transform "${String(a.rule)}"; run \`withify list\` to see them`);
        process.stdout.write(text);
      },
    )
    .command(
      'trace',
      'Run a command (after `--`) and report every file or socket it leaked, grouped by site',
      (y) =>
        y
          .usage('$0 trace [options] -- <command...>')
          .option('python', { type: 'string', describe: 'interpreter that `python` and `python3` mean for the command, e.g. pypy3' })
          .option('format', { choices: ['text', 'json'] as const, default: 'text' as const, describe: 'report format' })
          .option('fail-on-leak', { type: 'boolean', default: false, describe: `exit 1 when leaks were found and the command exited 0` })
          .option('output', { alias: 'o', type: 'string', describe: 'write the report to this file instead of stderr' })
          .example('$0 trace -- python -m unittest', 'run the tests, then list the leak sites')
          .example('$0 trace --python pypy3 --fail-on-leak -- python -m pytest tests/', 'under PyPy, fail CI on any leak'),
      async (a) => {
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
    .epilogue(`Exit codes: 0 clean, 1 findings (check) or changes (diff --exit-code), 2 usage error or a file that could not be processed.\nDefault target Python: ${formatPythonVersion(defaultOptions().targetVersion)}.`)
    .fail((msg, err) => {
      if (err && !(err instanceof UsageError)) throw err;
      process.stderr.write(`error: ${err?.message ?? msg}\nRun \`withify --help\` for usage.\n`);
      process.exitCode = 2;
      // Ex) `withify trace --bogus -- cmd`: without this throw yargs still runs the command's handler
      throw new UsageReported();
    })
    .wrap(Math.min(110, process.stdout.columns ?? 100));
  try {
    await parser.parseAsync();
  } catch (err) {
    if (err instanceof UsageReported) return;
    if (err instanceof UsageError) {
      process.stderr.write(`error: ${err.message}\n`);
      process.exitCode = 2;
      return;
    }
    throw err;
  }
}

export { unifiedDiff };
