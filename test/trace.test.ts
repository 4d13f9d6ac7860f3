// `withify trace`: the grouped report on the fixture project under python3 and pypy3, the wrapped
// command's stdout/stderr/exit code passed through, and the shim holding up against programs that
// rearrange their warning filters.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { runTraced } from '../src/trace/run.js';
import type { TraceReport } from '../src/trace/report.js';
import { CLI, CPYTHON, hasPython, PYPY, pypySkipReason, ROOT, tempDir } from './helpers.js';

const PROJECT = join(ROOT, 'test', 'fixtures', 'trace-project');
const ENV = { ...process.env, PYTHONDONTWRITEBYTECODE: '1' };
const work = tempDir('withify-trace-test-');
after(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: string[], cwd = PROJECT, env: NodeJS.ProcessEnv = ENV): Run {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const withify = (args: string[], cwd = PROJECT, env: NodeJS.ProcessEnv = ENV) => run(process.execPath, [CLI, ...args], cwd, env);

/** 1-based line of the only line in `file` (under the fixture) that contains `text`. */
function lineOf(file: string, text: string): number {
  const lines = readFileSync(join(PROJECT, file), 'utf8').split('\n');
  const hits = lines.flatMap((l, i) => (l.includes(text) ? [i + 1] : []));
  assert.equal(hits.length, 1, `${file}: expected one line containing ${text}`);
  return hits[0]!;
}

/** What the fixture's test run leaks, read from the fixture itself (see its comments). */
function expectedSites() {
  const tests = readFileSync(join(PROJECT, 'tests', 'test_app.py'), 'utf8');
  const loops = (name: string) => Number(new RegExp(`def ${name}\\(self\\):\\n\\s+for _ in range\\((\\d+)\\)`).exec(tests)?.[1] ?? 1);
  const readAllNames = /read_all\(\[([^\]]*)\]\)/.exec(tests)![1]!.split(',').length;
  return [
    { file: 'app/config.py', line: lineOf('app/config.py', 'return open(data_path(name)).read()'), count: loops('test_read_config'), kind: 'file', status: 'fixable', code: 'WFY101' },
    // No `with` fits a comprehension; pathlib-read-write offers `Path(...).read_text()` as an unsafe fix.
    { file: 'app/config.py', line: lineOf('app/config.py', 'for n in names]'), count: readAllNames, kind: 'file', status: 'unsafe', code: 'WFY106' },
    { file: 'app/pipeline.py', line: lineOf('app/pipeline.py', 'return open(data_path(name))'), count: loops('test_first_line'), kind: 'file', status: 'manual', code: undefined },
    { file: 'app/channel.py', line: lineOf('app/channel.py', 'socket.socketpair()'), count: 2, kind: 'socket', status: 'manual', code: undefined },
  ];
}

function traceJson(python: string): { run: Run; report: TraceReport } {
  const out = join(work, `report-${python.replace(/\W/g, '')}.json`);
  const r = withify(['trace', '--format', 'json', '--output', out, '--', python, '-m', 'unittest']);
  return { run: r, report: JSON.parse(readFileSync(out, 'utf8')) as TraceReport };
}

function checkReport(report: TraceReport, implementation: string) {
  const expected = expectedSites();
  assert.equal(report.processes.length, 1);
  assert.equal(report.processes[0]!.implementation, implementation);
  const got = report.sites.map((s) => ({ file: s.file, line: s.line, count: s.count, kind: s.kind, status: s.status, code: s.finding?.code }));
  const sortKey = (s: { file: string; line: number }) => `${s.file}:${String(s.line).padStart(5, '0')}`;
  const bySite = (a: { file: string; line: number }, b: { file: string; line: number }) => (sortKey(a) < sortKey(b) ? -1 : 1);
  assert.deepEqual([...got].sort(bySite), [...expected].sort(bySite));
  const leaks = expected.reduce((n, s) => n + s.count, 0);
  assert.deepEqual(report.summary, { sites: 4, leaks, fixable: 1, unsafe: 1, manual: 2, withoutStack: 0 });
  // The file handed through three functions: the call path names each hop, outermost first.
  const pipeline = report.sites.find((s) => s.file === 'app/pipeline.py')!;
  assert.deepEqual(
    pipeline.paths[0]!.frames.map((f) => f.function),
    ['test_first_line', 'first_line', 'source', 'acquire'],
  );
  assert.equal(pipeline.paths[0]!.count, pipeline.count);
  // Most leaks first.
  assert.deepEqual(report.sites.map((s) => s.count), [...report.sites.map((s) => s.count)].sort((a, b) => b - a));
}

describe('withify trace', () => {
  test('groups the fixture leaks by site under python3', () => {
    const { run: r, report } = traceJson(CPYTHON);
    assert.equal(r.status, 0, r.stderr);
    checkReport(report, 'cpython');
    assert.equal(report.processes[0]!.stacks, 'tracemalloc');
  });

  test('groups the same leaks under pypy3', (t) => {
    const skip = pypySkipReason();
    if (skip) return t.skip(skip);
    const { run: r, report } = traceJson(PYPY);
    assert.equal(r.status, 0, r.stderr);
    checkReport(report, 'pypy');
    assert.equal(report.processes[0]!.stacks, 'shim');
  });

  test('--python makes `python3` in the command mean that interpreter', (t) => {
    const skip = pypySkipReason();
    if (skip) return t.skip(skip);
    const out = join(work, 'python-flag.json');
    const r = withify(['trace', '--python', PYPY, '--format', 'json', '-o', out, '--', 'python3', 'report.py']);
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(readFileSync(out, 'utf8')) as TraceReport;
    assert.deepEqual(report.processes.map((p) => p.implementation), ['pypy']);
    assert.deepEqual(report.sites.map((s) => [s.file, s.line, s.status]), [['app/config.py', lineOf('app/config.py', 'return open(data_path(name)).read()'), 'fixable']]);
  });

  test('text report: one block per site, summary last, on stderr after the command output', () => {
    const direct = run(CPYTHON, ['report.py']);
    const r = withify(['trace', '--', CPYTHON, 'report.py']);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, direct.stdout);
    assert.ok(r.stderr.startsWith(direct.stderr), r.stderr);
    const report = r.stderr.slice(direct.stderr.length);
    const line = lineOf('app/config.py', 'return open(data_path(name)).read()');
    assert.match(report, /^withify trace: 1 leak at 1 site in 1 Python process \(cpython \d+\.\d+\.\d+\)\n/);
    assert.ok(report.includes(`\napp/config.py:${line}: file ×1: fixable now: WFY101 open-chain (\`withify fix app/config.py\`)\n`), report);
    assert.ok(report.includes(`    report.py:${lineOf('report.py', "read_config('settings.ini')")} → app/config.py:${line} read_config()\n`), report);
    assert.ok(report.endsWith('\nSummary: 1 site, 1 leak: 1 fixable now with `withify fix`, 0 need a hand fix.\n'), report);
  });

  for (const code of ['0', '3']) {
    test(`stdout, stderr and exit code ${code} pass through unchanged`, () => {
      const out = join(work, `pass-${code}.txt`);
      const direct = run(CPYTHON, ['report.py', code]);
      const traced = withify(['trace', '--output', out, '--', CPYTHON, 'report.py', code]);
      assert.equal(direct.status, Number(code));
      assert.deepEqual(traced, direct);
      assert.match(readFileSync(out, 'utf8'), /Summary: 1 site, 1 leak/);
    });
  }

  for (const python of [CPYTHON, PYPY]) {
    test(`a unittest run prints the same under trace (${python})`, (t) => {
      if (!hasPython(python)) return t.skip(`${python} not installed`);
      const normal = (s: string) => s.replace(/in \d+\.\d+s/, 'in <time>');
      const direct = run(python, ['-m', 'unittest']);
      const traced = withify(['trace', '--output', join(work, 'unittest.txt'), '--', python, '-m', 'unittest']);
      assert.equal(traced.status, direct.status);
      assert.equal(traced.stdout, direct.stdout);
      assert.equal(normal(traced.stderr), normal(direct.stderr));
    });
  }

  test("a site whose transform the project's [tool.withify] turns off is not \"fixable now\": `withify fix FILE` would change nothing", () => {
    const dir = tempDir('withify-trace-config-');
    writeFileSync(join(dir, 'l.py'), 'def read(p):\n    return open(p).read()\n\n\nread(__file__)\n');
    const fixable = withify(['trace', '--', CPYTHON, 'l.py'], dir);
    assert.ok(fixable.stderr.includes('\nl.py:2: file ×1: fixable now: WFY101 open-chain (`withify fix l.py`)\n'), fixable.stderr);
    for (const toml of ['ignore = ["open-chain"]', 'select = ["WFY102"]', 'per-file-ignores = { "l.py" = ["WFY101"] }', 'exclude = ["l.py"]']) {
      writeFileSync(join(dir, 'pyproject.toml'), `[tool.withify]\n${toml}\n`);
      const r = withify(['trace', '--', CPYTHON, 'l.py'], dir);
      assert.equal(r.status, 0, r.stderr);
      assert.ok(!r.stderr.includes('fixable now: WFY101'), `${toml}: ${r.stderr}`);
      assert.ok(r.stderr.endsWith('\nSummary: 1 site, 1 leak: 0 fixable now with `withify fix`, 1 needs a hand fix.\n'), `${toml}: ${r.stderr}`);
      // and indeed:
      assert.match(withify(['fix', '--no-cache', 'l.py'], dir).stdout, /^0 files changed/m, toml);
    }
  });

  test('--fail-on-leak: 1 when the command passed but leaked, the command code when it failed, 0 when clean', () => {
    const o = ['--output', join(work, 'fail.txt')];
    assert.equal(withify(['trace', '--fail-on-leak', ...o, '--', CPYTHON, 'report.py', '0']).status, 1);
    assert.equal(withify(['trace', '--fail-on-leak', ...o, '--', CPYTHON, 'report.py', '3']).status, 3);
    assert.equal(withify(['trace', ...o, '--', CPYTHON, 'report.py', '0']).status, 0);
    const clean = withify(['trace', '--fail-on-leak', '--', CPYTHON, '-c', 'print("clean")']);
    assert.equal(clean.status, 0);
    assert.equal(clean.stdout, 'clean\n');
    assert.match(clean.stderr, /^withify trace: no leaks in 1 Python process \(cpython /);
  });

  test('usage errors: no command after --, a command that does not exist', () => {
    const none = withify(['trace']);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /name the command after `--`/);
    const missing = withify(['trace', '--', 'no-such-command-withify']);
    assert.equal(missing.status, 127);
    assert.match(missing.stderr, /cannot run `no-such-command-withify`: not found on PATH/);
    // As a shell says it: a file that cannot be run 126, a `#!` interpreter that is not there 127
    const dir = tempDir('withify-trace-exec-');
    writeFileSync(join(dir, 'noexec.sh'), 'echo hi\n', { mode: 0o644 });
    writeFileSync(join(dir, 'badint.sh'), '#!/nonexistent/python\nprint(1)\n', { mode: 0o755 });
    assert.equal(withify(['trace', '--', join(dir, 'noexec.sh')]).status, 126);
    assert.equal(withify(['trace', '--', join(dir, 'badint.sh')]).status, 127);
    assert.equal(withify(['trace', '--', dir]).status, 126);
    // Ex) a usage error must not run the command
    const bogus = withify(['trace', '--bogus', '--', CPYTHON, '-c', 'print("ran")']);
    assert.equal(bogus.status, 2);
    assert.equal(bogus.stdout, '');
    assert.match(bogus.stderr, /^error: unknown option --bogus\n/);
    const notPython = withify(['trace', '--', 'true']);
    assert.equal(notPython.status, 0);
    assert.match(notPython.stderr, /no Python process loaded the shim/);
  });
});

describe('trace shim', () => {
  const dir = join(work, 'shim');
  mkdirSync(join(dir, 'other'), { recursive: true });
  const leak = 'import gc\ndef leak(p):\n    open(p)\n    gc.collect()\n';
  writeFileSync(join(dir, 'other', 'sitecustomize.py'), 'import os\nos.environ["CHAINED"] = "yes"\n');
  writeFileSync(join(dir, 'other', 'helper.py'), 'VALUE = 42\n');
  writeFileSync(
    join(dir, 'filters.py'),
    `${leak}import warnings, os, helper\n` +
      'with warnings.catch_warnings(record=True) as caught:\n    warnings.simplefilter("ignore")\n    leak(__file__)\n' +
      'warnings.resetwarnings()\nwarnings.simplefilter("ignore")\nleak(__file__)\n' +
      'warnings.filters = []\nwarnings.simplefilter("ignore", ResourceWarning)\nleak(__file__)\n' +
      'print(len(caught), os.environ.get("CHAINED"), helper.VALUE)\n',
  );
  writeFileSync(join(dir, 'error.py'), `${leak}leak(__file__)\nprint("after")\n`);
  writeFileSync(
    join(dir, 'parent.py'),
    `${leak}import subprocess, sys\nleak(__file__)\nsys.exit(subprocess.call([sys.executable, "error.py"]))\n`,
  );

  for (const python of [CPYTHON, PYPY]) {
    test(`every leak is recorded whatever the program does to its filters (${python})`, async (t) => {
      if (!hasPython(python)) return t.skip(`${python} not installed`);
      const env = { ...ENV, PYTHONPATH: join(dir, 'other') };
      const traced = await runTraced({ command: [python, 'filters.py'], cwd: dir, env });
      assert.equal(traced.warnings.length, 3);
      assert.deepEqual(traced.warnings.map((w) => w.stack?.at(-1)?.line), [3, 3, 3]);
      // The user's PYTHONPATH still works and the sitecustomize it held still ran.
      const direct = run(python, ['filters.py'], dir, env);
      assert.equal(direct.stdout, '0 yes 42\n');
    });

    test(`-W error: the program's own "Exception ignored" output is unchanged (${python})`, async (t) => {
      if (!hasPython(python)) return t.skip(`${python} not installed`);
      const direct = run(python, ['-W', 'error', 'error.py'], dir);
      const traced = withify(['trace', '--output', join(work, 'w.txt'), '--', python, '-W', 'error', 'error.py'], dir);
      assert.deepEqual(traced, direct);
      assert.match(direct.stderr, /ResourceWarning: unclosed file/);
      assert.match(readFileSync(join(work, 'w.txt'), 'utf8'), /1 leak at 1 site/);
    });

    test(`leaks in child processes are counted, each process once (${python})`, async (t) => {
      if (!hasPython(python)) return t.skip(`${python} not installed`);
      const traced = await runTraced({ command: [python, 'parent.py'], cwd: dir, env: ENV });
      assert.equal(traced.starts.length, 2);
      assert.equal(new Set(traced.warnings.map((w) => w.pid)).size, 2);
      assert.deepEqual(traced.warnings.map((w) => w.stack?.at(-1)?.file.split('/').at(-1)).sort(), ['error.py', 'parent.py']);
    });
  }
});

describe('trace: abandoned async generators', () => {
  const dir = join(work, 'agen');
  mkdirSync(dir, { recursive: true });
  const APP = readFileSync(join(ROOT, 'test', 'fixtures', 'trace-agen.py'), 'utf8');
  const lineWith = (text: string, src = APP) => src.split('\n').findIndex((l) => l.includes(text)) + 1;

  /** `file` (the fixture, unless it is there already) traced under `python`: the JSON report, after checking the program printed what it prints untraced. */
  function traceApp(python: string, file: string): TraceReport {
    const direct = run(python, [file], dir);
    const out = join(work, `${file}-${python.replace(/\W/g, '')}.json`);
    const traced = withify(['trace', '--format', 'json', '-o', out, '--', python, file], dir);
    assert.equal(traced.status, 0, traced.stderr);
    assert.equal(traced.stdout, direct.stdout);
    return JSON.parse(readFileSync(out, 'utf8')) as TraceReport;
  }

  test('under pypy3 the same sites, from the generators asyncio.run closes at its end; the program runs as before', (t) => {
    const skip = pypySkipReason();
    if (skip) return t.skip(skip);
    writeFileSync(join(dir, 'app-pypy.py'), APP);
    const report = traceApp(PYPY, 'app-pypy.py');
    assert.deepEqual(
      report.sites.map((s) => [s.line, s.count, s.status]),
      [
        [lineWith('async for x in produce(5):'), 3, 'fixable'],
        [lineWith('return await g.__anext__()'), 1, 'fixable'],
      ],
    );
    assert.match(report.sites[0]!.example, /never finished: its pending finally\/async with exit ran only when the event loop shut down$/);
  });

  test('an async generator dropped before it finished is a site, with the static finding there (python3); the program runs as before', () => {
    writeFileSync(join(dir, 'app.py'), APP);
    const report = traceApp(CPYTHON, 'app.py');
    assert.deepEqual(
      report.sites.map((s) => [s.file, s.line, s.kind, s.count, s.status, s.finding?.code ?? null]),
      [
        ['app.py', lineWith('async for x in produce(5):'), 'async generator', 3, 'fixable', 'WFY201'],
        ['app.py', lineWith('return await g.__anext__()'), 'async generator', 1, 'fixable', 'WFY201'],
      ],
    );
    assert.match(report.sites[0]!.example, /^async generator produce\(\) dropped before it finished/);
    // After `withify fix` nothing is left, the generator kept in a variable included: closed ones reach no finalizer.
    assert.equal(withify(['fix', 'app.py'], dir).status, 0);
    const fixed = traceApp(CPYTHON, 'app.py');
    assert.deepEqual(fixed.sites, []);
  });
});

describe('trace shim: the program sees its own warning filters', () => {
  test('pop(0), del [0], [0] and len act on the program\'s filters, not the shim\'s entry (CPython); the leak is still recorded', async () => {
    const source =
      'import gc, warnings\n' +
      'def leak(p):\n    open(p)\n    gc.collect()\n' +
      "warnings.simplefilter('error', UserWarning)\nwarnings.filters.pop(0)\n" +
      "try:\n    warnings.warn('hello', UserWarning)\n    print('warned')\nexcept UserWarning:\n    print('raised')\n" +
      "warnings.simplefilter('ignore', DeprecationWarning)\nprint(warnings.filters[0][0], len(warnings.filters) == len(list(warnings.filters)))\n" +
      'n = len(warnings.filters)\ndel warnings.filters[0]\nprint(n - len(warnings.filters))\nleak(__file__)\n';
    await tracedAsRunAlone(CPYTHON, 'own-filters', source, 'warned\nignore True\n1\n');
  });
});

/**
 * Writes `source` as a program in a directory of its own, runs it under `python` alone (its output must be
 * `expected`), then traced: one leak recorded, and `withify trace` shows what the program alone shows.
 */
async function tracedAsRunAlone(python: string, name: string, source: string, expected: string): Promise<void> {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'prog.py'), source);
  const direct = run(python, ['prog.py'], dir);
  assert.equal(direct.stdout, expected);
  const traced = await runTraced({ command: [python, 'prog.py'], cwd: dir, env: ENV });
  assert.equal(traced.warnings.length, 1);
  const shown = withify(['trace', '--output', join(work, `${name}.txt`), '--', python, 'prog.py'], dir);
  assert.deepEqual(shown, direct);
}

describe('trace shim: the wrapped open of PyPy', () => {
  test('kept as a class attribute it does not bind as a method; it pickles as builtins.open; the leak is recorded', async (t) => {
    if (!hasPython(PYPY)) return t.skip(`${PYPY} not installed`);
    const source =
      'import gc, pickle\nclass Store:\n    opener = open\n    def read(self, p):\n        with self.opener(p) as f:\n            return len(f.read()) > 0\n' +
      'print(Store().read(__file__), pickle.loads(pickle.dumps(open)) is open, open.__name__)\n' +
      'def leak(p):\n    open(p)\n    gc.collect()\nleak(__file__)\n';
    await tracedAsRunAlone(PYPY, 'open-attr', source, 'True True open\n');
  });
});
