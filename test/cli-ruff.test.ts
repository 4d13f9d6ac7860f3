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
  assert.equal(none.stderr, 'error: no transform is left to run: --ignore leaves out every transform --select names (class-del); run `withify list` to see them\n');
  const fileOnly = project('[tool.withify]\nselect = ["class-del"]\nignore = ["WFY110"]\n', { 'c.py': DEL });
  const r = run(fileOnly, 'check', '.', '--no-cache');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^error: no transform is left to run: ignore in pyproject\.toml leaves out every transform select in pyproject\.toml names \(class-del\)/);
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
});

test('options before the command, and Ruff options: what withify takes instead', () => {
  const dir = project('', { 'a.py': CHAIN });
  const cases: Array<[string[], string]> = [
    [['--quiet', 'check', 'a.py'], 'error: options go after the command: `withify check --quiet a.py`\n'],
    [['-q', '--format', 'json', 'diff', 'a.py'], 'error: options go after the command: `withify diff -q --format json a.py`\n'],
    [['--bogus'], 'error: --bogus before any command: name the command first (check, diff, fix, list, explain, trace), and its options after it, e.g. `withify check --bogus .`; `withify --help` lists the commands\n'],
  ];
  for (const [args, stderr] of cases) {
    const r = run(dir, ...args);
    assert.deepEqual([r.status, r.stdout, r.stderr], [2, '', stderr], args.join(' '));
  }
  const ruff: Array<[string[], RegExp]> = [
    [['check', '--diff', 'a.py'], /^error: unknown option --diff \(`withify diff` is the command that prints the diff\)$/m],
    [['check', '--fix', 'a.py'], /^error: unknown option --fix \(`withify fix` is the command that rewrites the files\)$/m],
    [['fix', '--check', 'a.py'], /^error: unknown option --check \(`withify diff --exit-code` exits 1 when a file would change\)$/m],
    [['check', '--output-format', 'json', 'a.py'], /^error: unknown option --output-format \(did you mean --format\?\)/m],
    [['check', '--extend-select', 'WFY101', 'a.py'], /^error: unknown option --extend-select \(withify's is --select, which adds up/m],
    [['check', '--add-noqa', 'a.py'], /^error: unknown option --add-noqa \(did you mean --add-ignore\?\)$/m],
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
