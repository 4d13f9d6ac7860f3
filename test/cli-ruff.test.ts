// The command line as a Ruff user reads it (review rv55a): rule selection by priority, `--extend-exclude`, a
// `--config` file's globs, options before the command, Ruff's own options, per-command help, `diff --format json`'s
// patch, and no progress line under CI.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { shouldShowProgress } from '../src/progress.js';
import { CLI, tempDir } from './helpers.js';

const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: '' } });

// One finding of open-chain (WFY101) and one of class-del (WFY110)
const CHAIN = 'def load(p):\n    return open(p).read()\n';
const DEL = 'class Log:\n    def __init__(self, p):\n        self.f = open(p)\n\n    def __del__(self):\n        self.f.close()\n';

function project(toml: string, files: Record<string, string>): string {
  const dir = tempDir('cli-ruff');
  writeFileSync(join(dir, 'pyproject.toml'), toml);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const codes = (stdout: string) => [...stdout.matchAll(/ (WFY\d+) /g)].map((m) => m[1]).sort();

test("rule selection as Ruff's: --select starts afresh, --ignore adds to the file's; a selection of nothing is a usage error", () => {
  const dir = project('[tool.withify]\nignore = ["class-del"]\n', { 'a.py': CHAIN, 'c.py': DEL });
  assert.deepEqual(codes(run(dir, 'check', '.', '--no-cache').stdout), ['WFY101']);
  // The file ignores class-del; the command line selects it: it runs (it said "All clear", exit 0)
  const selected = run(dir, 'check', '.', '--no-cache', '--select', 'class-del');
  assert.equal(selected.status, 1, selected.stderr);
  assert.deepEqual(codes(selected.stdout), ['WFY110']);
  // --ignore adds to the file's ignore (it replaced it: class-del came back)
  const ignored = run(dir, 'check', '.', '--no-cache', '--ignore', 'open-chain');
  assert.equal(ignored.status, 0, ignored.stdout);
  assert.match(ignored.stdout, /All clear/);
  // Nothing left to run: exit 2, naming where each list came from
  const none = run(dir, 'check', '.', '--no-cache', '--select', 'class-del', '--ignore', 'WFY110');
  assert.equal(none.status, 2);
  assert.equal(none.stderr, 'error: no transform is left to run: --select selects class-del, and --ignore ignores WFY110; run `withify list` to see the transforms\n');
  const fileOnly = project('[tool.withify]\nselect = ["class-del"]\nignore = ["WFY110"]\n', { 'c.py': DEL });
  const r = run(fileOnly, 'check', '.', '--no-cache');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^error: no transform is left to run: select in pyproject\.toml selects class-del, and ignore in pyproject\.toml ignores WFY110;/);
  // (Review rv55c: a --ignore beside the file's, which had the blame)
  const both = run(fileOnly, 'check', '.', '--no-cache', '--ignore', 'open-chain');
  assert.match(both.stderr, /^error: no transform is left to run: select in pyproject\.toml selects class-del, and ignore in pyproject\.toml and --ignore ignores WFY110, open-chain;/);
});

test('--extend-exclude adds to the exclude in force; --exclude replaces the file\'s', () => {
  const dir = project('[tool.withify]\nexclude = ["gen"]\n', { 'a.py': CHAIN, 'gen/g.py': CHAIN, 'other/o.py': CHAIN });
  const files = (r: ReturnType<typeof run>) => [...r.stdout.matchAll(/^(\S+\.py):/gm)].map((m) => m[1]).sort();
  assert.deepEqual(files(run(dir, 'check', '.', '--no-cache')), ['a.py', 'other/o.py']);
  assert.deepEqual(files(run(dir, 'check', '.', '--no-cache', '--extend-exclude', 'other')), ['a.py']);
  assert.deepEqual(files(run(dir, 'check', '.', '--no-cache', '--exclude', 'other')), ['a.py', 'gen/g.py']);
  assert.deepEqual(files(run(dir, 'check', '.', '--no-cache', '--exclude', 'other', '--extend-exclude', 'a.py')), ['gen/g.py']);
  assert.match(run(dir, 'check', '.', '--extend-exclude', '').stderr, /--extend-exclude was given an empty value/);
});

test("a --config file below the working directory: its globs from the working directory, as Ruff reads them", () => {
  const dir = project('[tool.black]\n', { 'app.py': CHAIN, 'tests/x/t.py': CHAIN, 'ci/tests/z.py': CHAIN, 'ci/withify.toml': 'exclude = ["tests/**"]\n' });
  const files = (r: ReturnType<typeof run>) => [...r.stdout.matchAll(/^(\S+\.py):/gm)].map((m) => m[1]).sort();
  // (They were read from ci/: tests/x/t.py was checked, ci/tests/z.py left out)
  assert.deepEqual(files(run(dir, 'check', '.', '--no-cache', '--config', 'ci/withify.toml')), ['app.py', 'ci/tests/z.py']);
  assert.deepEqual(files(run(dir, 'check', 'tests/x/t.py', 'app.py', '--no-cache', '--config', 'ci/withify.toml')), ['app.py']);
  // From ci/ itself, the file lies in the working directory: from its own directory, as before
  assert.deepEqual(files(run(join(dir, 'ci'), 'check', '.', '--no-cache', '--config', 'withify.toml')), []);
  // A bad per-file-ignores entry of such a file names its glob as written (it said "../src/legacy/*", review rv55c)
  writeFileSync(join(dir, 'ci', 'bad.toml'), 'per-file-ignores = { "src/legacy/*" = ["nope"] }\n');
  const bad = run(dir, 'check', '.', '--no-cache', '--config', 'ci/bad.toml');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /per-file-ignores "src\/legacy\/\*": no transform "nope"/);
});

test('--extend-exclude from a subdirectory: a file named there counts its directories from the config file\'s, whether or not the file has an exclude', () => {
  for (const toml of ['[tool.withify]\nselect = ["open-chain"]\n', '[tool.withify]\nexclude = ["unrelated"]\n']) {
    const dir = project(toml, { 'src/a.py': CHAIN });
    const r = run(join(dir, 'src'), 'check', 'a.py', '--no-cache', '--extend-exclude', 'src');
    assert.equal(r.status, 0, `${toml}: ${r.stdout}`);
    // --exclude replaces the file's globs and counts from the working directory, as before
    assert.equal(run(join(dir, 'src'), 'check', 'a.py', '--no-cache', '--exclude', 'src').status, 1, toml);
  }
});

test('the library refuses a select and ignore that leave no transform, as the CLI does', async () => {
  const { transformSource, run: runApi, OptionsError } = await import('../src/index.js');
  const r = transformSource(CHAIN, { select: ['class-del'], ignore: ['WFY110'] });
  assert.equal(r.status, 'failed');
  assert.match(r.reason ?? '', /select and ignore leave no transform to run/);
  await assert.rejects(runApi([], { select: ['open-chain'], ignore: ['WFY101'] }), OptionsError);
});

test('options before the command, and Ruff options: what withify takes instead', () => {
  const dir = project('', { 'a.py': CHAIN, 'diff/d.py': CHAIN });
  // Options before the command are read as after it, as Ruff reads `ruff -q check` (`--quiet check` was "unknown
  // option --quiet (did you mean --quiet?)", review rv55a; the others ran, and must go on running, review rv55c)
  const after = run(dir, 'check', '--quiet', 'a.py');
  for (const args of [['--quiet', 'check', 'a.py'], ['-q', 'check', 'a.py'], ['--unsafe-fixes', '-q', 'check', 'a.py']]) {
    const r = run(dir, ...args);
    assert.deepEqual([r.status, r.stdout, r.stderr], [after.status, after.stdout, after.stderr], args.join(' '));
  }
  assert.equal(JSON.parse(run(dir, '--format', 'json', '-j', '1', 'check', 'a.py', '--no-cache').stdout).files.length, 1);
  // (An option's value is no command: `--exclude diff` leaves the directory `diff` out of a `check`)
  const excluded = run(dir, '--exclude', 'diff', 'check', '.', '--no-cache');
  assert.equal(excluded.status, 1);
  assert.match(excluded.stdout, /^a\.py:/m);
  assert.doesNotMatch(excluded.stdout, /d\.py/);
  assert.equal(run(dir, '--quiet', '--help').status, 0);
  // (An unknown option's value before the command is no command: it said "unknown command json", review rv55e)
  const unknownValued = run(dir, '--output-format', 'json', 'check', 'a.py');
  assert.equal(unknownValued.status, 2);
  assert.match(unknownValued.stderr, /^error: unknown option --output-format \(did you mean --format\?\)$/m);
  const ruff: Array<[string[], RegExp]> = [
    [['check', '--diff', 'a.py'], /^error: unknown option --diff \(`withify diff` is the command that prints the diff\)$/m],
    [['check', '--fix', 'a.py'], /^error: unknown option --fix \(`withify fix` is the command that rewrites the files\)$/m],
    [['fix', '--check', 'a.py'], /^error: unknown option --check \(`withify diff --exit-code` exits 1 when a file would change\)$/m],
    [['check', '--output-format', 'json', 'a.py'], /^error: unknown option --output-format \(did you mean --format\?\)/m],
    [['check', '--extend-select', 'WFY101', 'a.py'], /^error: unknown option --extend-select \(withify's is --select, which adds up/m],
    [['check', '--add-noqa', 'a.py'], /^error: unknown option --add-noqa \(did you mean --add-ignore\?\)$/m],
    // (Review rv55c: it was "did you mean --extend-exclude?", the opposite)
    [['check', '--extend-include', '*.pyw', 'a.py'], /^error: unknown option --extend-include \(withify's is --include, which adds up when repeated\)$/m],
    [['check', '--no-fix', 'a.py'], /^error: unknown option --no-fix \(`withify check` reports and fixes nothing\)$/m],
  ];
  for (const [args, stderr] of ruff) {
    const r = run(dir, ...args);
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, stderr, args.join(' '));
  }
  // `trace`: the command's words after `--` are not called misplaced (they were: `not "python3", "leak.py"`)
  const trace = run(dir, 'trace', '-q', '--', 'python3', 'leak.py');
  assert.equal(trace.status, 2);
  assert.match(trace.stderr, /^error: unknown option -q$/m);
  assert.doesNotMatch(trace.stderr, /python3|leak\.py/);
  // (Review rv55c: an unknown option named as a word of the command too was yargs' raw "Unknown argument: pytest")
  const named = run(dir, 'trace', '--pytest', '--', 'pytest');
  assert.equal(named.status, 2);
  assert.match(named.stderr, /^error: unknown option --pytest$/m);
});

test("each command's help lists its own options: no --exit-code for check, whose run refuses it", () => {
  const dir = project('', { 'a.py': CHAIN });
  const help = (command: string) => run(dir, command, '--help').stdout;
  assert.doesNotMatch(help('check'), /--exit-code/);
  assert.match(help('diff'), /--exit-code\s+exit 1 when any file would change/);
  assert.match(help('fix'), /--exit-code\s+exit 1 when a file changed or a finding is left/);
  assert.match(help('check'), /--add-ignore\s+add `# withify: ignore\[CODE\]` to a line of each finding and write the files/);
  assert.match(help('fix'), /--add-ignore\s+after the fixes, add/);
  for (const command of ['check', 'diff', 'fix']) assert.match(help(command), /--extend-exclude/, command);
  const refused = run(dir, 'check', '--exit-code', 'a.py');
  assert.equal(refused.status, 2);
});

test('diff --format json: each changed file carries the diff the text format prints', () => {
  const dir = project('', { 'a.py': CHAIN, 'b.py': 'x = 1\n' });
  const text = run(dir, 'diff', '.', '--no-cache').stdout;
  const json = JSON.parse(run(dir, 'diff', '.', '--no-cache', '--format', 'json').stdout);
  const a = json.files.find((f: { path: string }) => f.path === 'a.py');
  assert.equal(a.diff, text);
  assert.match(a.diff, /^\+    with open\(p\) as f:$/m);
  assert.equal('diff' in json.files.find((f: { path: string }) => f.path === 'b.py'), false);
  // check and fix: no diff field
  assert.equal('diff' in JSON.parse(run(dir, 'check', '.', '--no-cache', '--format', 'json').stdout).files[0], false);
  // A latin-1 file: the diff as text, and the encoding the text format writes its lines in (review rv55c)
  writeFileSync(join(dir, 'l.py'), Buffer.from('# -*- coding: latin-1 -*-\n# caf\xe9\ndef load(p):\n    return open(p).read()\n', 'latin1'));
  const latin = JSON.parse(run(dir, 'diff', 'l.py', '--no-cache', '--format', 'json').stdout).files[0];
  assert.deepEqual(latin.encoding, { name: 'latin-1', bom: false });
  assert.match(latin.diff, /^ # café$/m);
  assert.equal('encoding' in a, false);
});

test('no progress line under CI, even where the runner gives the job a terminal', () => {
  assert.equal(shouldShowProgress({ isTTY: true, quiet: false, ci: 'true' }), false);
  assert.equal(shouldShowProgress({ isTTY: true, quiet: false, ci: '1' }), false);
  assert.equal(shouldShowProgress({ isTTY: true, quiet: false, ci: 'false' }), true);
  assert.equal(shouldShowProgress({ isTTY: true, quiet: false, ci: '0' }), true);
  assert.equal(shouldShowProgress({ isTTY: true, quiet: false, ci: '' }), true);
  assert.equal(shouldShowProgress({ isTTY: true, quiet: false }), true);
  assert.equal(shouldShowProgress({ isTTY: false, quiet: false, ci: 'false' }), false);
});
