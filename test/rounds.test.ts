// The later rounds of `fix` and `diff` (src/rounds.ts): a fix that gives a generator cleanup in one module, and the
// loops of other modules that abandon it, fixed in the same run; a second run changes nothing.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { merged } from '../src/rounds.js';
import { IndexChange } from '../src/cache.js';
import { run } from '../src/index.js';
import { formatInterrupted, jsonReport } from '../src/report.js';
import { Ajv } from 'ajv';
import type { FileResult } from '../src/types.js';
import type { GeneratorIndex } from '../src/python/generators.js';
import { CLI, CPYTHON, PYPY, pypySkipReason, ROOT, tempDir } from './helpers.js';

function withify(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', WITHIFY_CACHE_DIR: '' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// `names()` holds a temporary directory across its `yield`s, removed when `tmp` goes: open-assign's WFY112 fix
// puts the `yield`s in `with tmp:`, which makes it a generator with cleanup. `first()` (use.py, through the
// re-export in wrap.py) abandons it: the directory is gone when `first()` returns on CPython, and on PyPy only
// once the generator is closed.
const GENS = 'import tempfile\n\n\ndef names():\n    tmp = tempfile.TemporaryDirectory()\n    yield tmp.name\n    yield tmp.name + "/x"\n';
const WRAP = 'from pkg.gens import names as _names\n\n\ndef wrapped():\n    yield from _names()\n';
const USE = 'import os\nfrom pkg.wrap import wrapped\n\n\ndef first():\n    for n in wrapped():\n        return n\n\n\nprint(os.path.isdir(first()))\n';
const USE_FIXED =
  'import os\nfrom pkg.wrap import wrapped\n\n\ndef first():\n    gen = wrapped()\n    try:\n        for n in gen:\n            return n\n    finally:\n        gen.close()\n\n\nprint(os.path.isdir(first()))\n';

function project(): string {
  const dir = tempDir('withify-rounds-');
  mkdirSync(join(dir, '.git'));
  mkdirSync(join(dir, 'pkg'));
  writeFileSync(join(dir, 'pkg', '__init__.py'), '');
  writeFileSync(join(dir, 'pkg', 'gens.py'), GENS);
  writeFileSync(join(dir, 'pkg', 'wrap.py'), WRAP);
  writeFileSync(join(dir, 'pkg', 'use.py'), USE);
  return dir;
}

const read = (dir: string, name: string) => readFileSync(join(dir, 'pkg', name), 'utf8');

test('fix: the loop abandoning a generator that a fix elsewhere gave cleanup is fixed in the same run, at every thread count; a second run changes nothing', () => {
  for (const jobs of ['1', '2']) {
    const dir = project();
    // (Eight more files, so that `--jobs 2` starts a worker: FILES_PER_WORKER.)
    for (let i = 0; i < 8; i++) writeFileSync(join(dir, 'pkg', `m${i}.py`), `x = ${i}\n`);
    const r = withify(['fix', '.', '--no-cache', '--jobs', jobs, '--format', 'json'], dir);
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout) as { summary: { changed: number; fixesApplied: number }; files: Array<{ path: string; status: string; fixesApplied: number; findings: Array<{ code: string; range: { start: { line: number } } }> }> };
    assert.deepEqual([report.summary.changed, report.summary.fixesApplied], [2, 2], `--jobs ${jobs}`);
    const use = report.files.find((f) => f.path === 'pkg/use.py')!;
    // Its finding is the later round's, placed in the file as it was (the first round left it as it was)
    assert.deepEqual([use.status, use.fixesApplied, use.findings.map((f) => `${f.code}:${f.range.start.line}`)], ['changed', 1, ['WFY201:6']]);
    assert.equal(read(dir, 'use.py'), USE_FIXED);
    assert.match(read(dir, 'gens.py'), /    with tmp:\n        yield tmp\.name\n/);
    assert.match(withify(['fix', '.', '--no-cache', '--jobs', jobs], dir).stdout, /^0 files changed, 0 fixes applied/m);
  }
});

test('diff: shows what fix writes, the later round included (the patch applies and gives fix\'s files)', () => {
  const dir = project();
  const fixed = tempDir('withify-rounds-fixed-');
  cpSync(dir, fixed, { recursive: true });
  withify(['fix', '.', '--no-cache'], fixed);
  const d = withify(['diff', '.', '--no-cache'], dir);
  assert.match(d.stdout, /^\+\+\+ b\/pkg\/use\.py$/m);
  assert.match(d.stderr, /2 files would change \(2 fixes\)/);
  const applied = spawnSync('git', ['apply', '-'], { cwd: dir, input: d.stdout, encoding: 'utf8' });
  assert.equal(applied.status, 0, applied.stderr);
  for (const name of ['gens.py', 'wrap.py', 'use.py']) assert.equal(read(dir, name), read(fixed, name), name);
});

test('the later rounds process only the run\'s files; a file the first round took from the cache is processed again', () => {
  // Ex) `fix pkg/gens.py`: use.py is no file of the run, and is left as it is
  const one = project();
  withify(['fix', 'pkg/gens.py', '--no-cache'], one);
  assert.equal(read(one, 'use.py'), USE);
  // Ex) `check` kept use.py's result (no finding with the index of the files as they were); `fix` takes it from the cache
  const cached = project();
  assert.match(withify(['check', '.'], cached).stdout, /gens\.py:5:11 WFY112/);
  const r = withify(['fix', '.'], cached);
  assert.match(r.stdout, /^2 files changed, 2 fixes applied/m);
  assert.equal(read(cached, 'use.py'), USE_FIXED);
});

test('pypy3: the directory of a generator a fix gave cleanup is removed when first() returns only once the later round closes the generator', (t) => {
  const skip = pypySkipReason();
  if (skip) {
    t.skip(skip);
    return;
  }
  const runs = (exe: string, dir: string) => spawnSync(exe, ['-m', 'pkg.use'], { cwd: dir, encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } }).stdout;
  const before = project();
  assert.equal(runs(CPYTHON, before), 'False\n');
  assert.equal(runs(PYPY, before), 'True\n');
  // The first round alone (what `fix` did before the later rounds): the directory stays on PyPy
  const firstOnly = project();
  withify(['fix', 'pkg/gens.py', '--no-cache'], firstOnly);
  assert.equal(runs(PYPY, firstOnly), 'True\n');
  const after = project();
  withify(['fix', '.', '--no-cache'], after);
  assert.equal(runs(PYPY, after), 'False\n');
  assert.equal(runs(CPYTHON, after), 'False\n');
});

test('the files a later round processes again: those whose check can see what changed between the two indexes (IndexChange)', () => {
  const index = (generators: GeneratorIndex['generators'], callNames: string[] = [], plainOverrides: string[] = [], ambiguous: string[] = []): GeneratorIndex => ({ generators, aliases: {}, ambiguous, callNames, plainOverrides, memberNames: {}, classNames: [] });
  const sees = (x: GeneratorIndex, y: GeneratorIndex, module: string, text: string, shown = `${module}.py`) => new IndexChange({ generators: x }, { generators: y }).reaches(module, shown, text);
  const a = index({ 'pkg.core.rows': { async: false } }, ['rows']);
  assert.equal(new IndexChange({ generators: a }, { generators: a }).reachesAny, false);
  // Ex) a generator gained cleanup, re-exported as `make`; a method's finally now raises; an override went
  const b = index({ 'pkg.core.rows': { async: false }, 'pkg.core.feed': { async: false }, 'pkg.m.Store.items': { async: false, closeRaises: 'line 5' } }, ['feed', 'make', 'rows'], []);
  const c = index({ 'pkg.core.rows': { async: false }, 'pkg.m.Store.items': { async: false } }, ['rows'], ['pkg.m.Sub.items']);
  assert.equal(sees(c, b, 'app.use', 'from pkg.core import feed\nfor x in feed():\n    break\n'), true);
  assert.equal(sees(c, b, 'app.use', 'from pkg import make\nfor x in make():\n    break\n'), true);
  assert.equal(sees(c, b, 'app.use', 'from pkg.m import Store\nfor x in Store.items():\n    break\n'), true);
  assert.equal(sees(c, b, 'app.use', 'from pkg.core import rows\nfor x in rows():\n    break\n'), false);
  // Ex) a module two files share: each file's own index compared
  const shared = { ...a, ambiguous: ['conftest'] };
  const own = { ...shared, own: { 'x/conftest.py': index({ 'conftest.stream': { async: true } }) } };
  assert.equal(sees(shared, own, 'conftest', '', 'x/conftest.py'), true);
  assert.equal(sees(shared, own, 'conftest', '', 'y/conftest.py'), false);
});

test('a class whose __iter__ a fix gives cleanup: `for r in Table():` in another module is fixed in the same run', () => {
  const dir = project();
  writeFileSync(join(dir, 'pkg', 'gens.py'), 'import tempfile\n\n\nclass Table:\n    def __iter__(self):\n        tmp = tempfile.TemporaryDirectory()\n        yield tmp.name\n        yield tmp.name + "/x"\n');
  writeFileSync(join(dir, 'pkg', 'use.py'), 'import os\nfrom pkg.gens import Table\n\n\ndef first():\n    for r in Table():\n        return r\n\n\nprint(os.path.isdir(first()))\n');
  writeFileSync(join(dir, 'pkg', 'wrap.py'), '');
  assert.match(withify(['fix', '.', '--no-cache'], dir).stdout, /^2 files changed, 2 fixes applied/m);
  assert.match(read(dir, 'use.py'), /    gen = iter\(Table\(\)\)\n    try:\n/);
  assert.match(withify(['fix', '.', '--no-cache'], dir).stdout, /^0 files changed/m);
});

test('Ctrl-C as the first round ends: the run says it was interrupted before its later rounds (exit 130 in the CLI)', async () => {
  const dir = project();
  const abort = new AbortController();
  const r = await run(['.'], { mode: 'fix', cwd: dir, jobs: 1 }, { signal: abort.signal, onProgress: (done, total, phase) => phase === 'files' && done === total && abort.abort() });
  assert.deepEqual(r.interrupted, { round: 2, notStarted: 4, total: 4 });
  assert.equal(read(dir, 'use.py'), USE);
  const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(ROOT, 'schemas', 'report.schema.json'), 'utf8')));
  assert.ok(validate(JSON.parse(jsonReport('fix', r))), JSON.stringify(validate.errors));
  assert.deepEqual(formatInterrupted('fix', r), ['interrupted in round 2, after a fix gave a generator cleanup: 0 of 4 files looked at again (1 file rewritten, each as one round or the next left it); run the same command again to finish.']);
  // The next run finishes the job
  assert.match(withify(['fix', '.', '--no-cache'], dir).stdout, /^1 file changed, 1 fix applied/m);
  assert.equal(read(dir, 'use.py'), USE_FIXED);
});

test('a later round that fails keeps what it found: the file is failed, its finding left standing', () => {
  const finding = { path: 'a.py', code: 'WFY201', id: 'generator-close', message: 'm', location: { line: 6, column: 14 }, endLocation: { line: 6, column: 23 }, fixStatus: 'fixable' } as unknown as FileResult['findings'][number];
  const first: FileResult = { path: 'a.py', status: 'unchanged', findings: [], remaining: [], fixesApplied: 0 };
  const next: FileResult = { path: 'a.py', status: 'failed', findings: [finding], remaining: [finding], fixesApplied: 0, reason: 'the file changed on disk' };
  const out = merged(first, next, 'fix');
  assert.equal(out.status, 'failed');
  assert.deepEqual([out.findings, out.remaining], [[finding], [finding]]);
  assert.match(out.reason!, /^the file changed on disk \(in a later round of the run/);
});

test('a later round\'s leftover is placed in the file\'s first text by diff, and counted by --statistics', () => {
  const dir = project();
  writeFileSync(join(dir, 'pkg', 'gens.py'), 'import tempfile\n\n\ndef names():\n    tmp = tempfile.TemporaryDirectory()\n    for i in range(3):\n        yield tmp.name\n');
  // The first round gives `data = …` its `with` (a line more above `b`); the later round fixes `a` and leaves `b`
  writeFileSync(join(dir, 'pkg', 'use.py'), 'from pkg.gens import names\ndata = open(__file__).read()\n\n\ndef a():\n    for n in names():\n        return n\n\n\ndef b():\n    print(next(names()))\n');
  assert.match(withify(['diff', '.', '--no-cache'], dir).stderr, /^pkg\/use\.py:11:16 WFY201 `next` stops reading `names\(\)` early/m);
  // (`fixable` counts the later round's fixed finding too: it read 0, below `fixed`)
  const d = withify(['diff', '.', '--no-cache', '--statistics'], dir);
  assert.match(d.stderr, /^ +2 +1 +1 +1 +WFY201 +generator-close$/m);
  assert.match(d.stderr, /2 files would change \(3 fixes\); 1 finding left unfixed/);
  const f = withify(['fix', '.', '--no-cache', '--statistics'], dir);
  assert.match(f.stdout, /^ +2 +1 +1 +1 +WFY201 +generator-close$/m);
});

test('a later round that changes nothing in a file: its leftover, and the lines its reason names, placed in the first text by diff', () => {
  const dir = project();
  writeFileSync(join(dir, 'pkg', 'gens.py'), 'import tempfile\n\n\ndef names():\n    tmp = tempfile.TemporaryDirectory()\n    for i in range(3):\n        yield tmp.name\n\n\ndef ready(p):\n    with open(p) as f:\n        for line in f:\n            yield line\n');
  // The first round fixes `one` (four lines more); the later round finds `two`'s loop and cannot fix it (`locals()`)
  const use = 'from pkg.gens import names, ready\n\n\ndef one(p):\n    for line in ready(p):\n        break\n    return line\n\n\ndef two():\n    for r in names():\n        break\n    print(locals())\n    return r\n';
  writeFileSync(join(dir, 'pkg', 'use.py'), use);
  const d = withify(['diff', '.', '--no-cache'], dir);
  assert.match(d.stderr, /^pkg\/use\.py:11:14 WFY201 `for … in names\(\)`.*\(not fixed: `locals\(\)` on line 13 /m);
  // fix reports it where it stands in what it wrote
  withify(['fix', '.', '--no-cache'], dir);
  assert.match(read(dir, 'use.py').split('\n')[14]!, /^    for r in names\(\):$/);
});

// A method given cleanup in the same file, and the loop of another method that abandons it (the overlay of the file's
// own facts adds top-level functions only): `fix -` from an editor ran one round, and its next save fixed the loop.
const STORE =
  'import os\nimport tempfile\n\n\nclass Store:\n    def items(self, n):\n        tmp = tempfile.TemporaryDirectory()\n        for i in range(n):\n            yield os.path.join(tmp.name, str(i))\n\n' +
  '    def head(self, n):\n        for x in self.items(n):\n            return x\n\n\nprint(os.path.isdir(os.path.dirname(Store().head(3))))\n';

test('fix - and diff - (an editor): the later rounds run on the text, as for a file; a second fix - changes nothing', () => {
  const dir = tempDir('withify-rounds-stdin-');
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, 'other.py'), 'x = 1\n');
  writeFileSync(join(dir, 's.py'), STORE);
  const stdin = (args: string[], input: string) => spawnSync(process.execPath, [CLI, ...args], { cwd: dir, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  for (const cache of [['--no-cache'], [], []]) {
    const once = stdin(['fix', '-', '--stdin-filename', 's.py', ...cache], STORE);
    assert.equal(once.status, 0, once.stderr);
    assert.match(once.stdout, /    with tmp:\n/);
    assert.match(once.stdout, /        gen = self\.items\(n\)\n        try:\n            for x in gen:\n                return x\n        finally:\n            gen\.close\(\)\n/);
    assert.match(once.stderr, /1 file changed, 2 fixes applied, 0 findings left/);
    assert.equal(stdin(['fix', '-', '--stdin-filename', 's.py', ...cache], once.stdout).stdout, once.stdout, 'a second fix - changes nothing');
    const diff = stdin(['diff', '-', '--stdin-filename', 's.py', ...cache], STORE);
    assert.match(diff.stdout, /^\+        gen = self\.items\(n\)$/m);
    assert.match(diff.stderr, /1 file would change \(2 fixes\)/);
  }
  // As `fix s.py` writes it
  assert.equal(withify(['fix', 's.py', '--no-cache'], dir).status, 0);
  assert.equal(readFileSync(join(dir, 's.py'), 'utf8'), stdin(['fix', '-', '--stdin-filename', 's.py', '--no-cache'], STORE).stdout);
});

// `yield from open(p)` is open-loop's: its fix gives the generators cleanup, and the loops that abandon them after
// one item get generator-close's fix in a later round of the same run
const YIELD_FROM =
  'import csv\nimport resource\n\nresource.setrlimit(resource.RLIMIT_NOFILE, (64, 64))\n\n\ndef lines(p):\n    yield from open(p)\n\n\ndef rows(p):\n    yield from csv.reader(open(p))\n\n\n' +
  'def first_line(p):\n    for x in lines(p):\n        return x\n\n\ndef first_row(p):\n    for x in rows(p):\n        return x\n\n\n' +
  'with open("d.txt", "w") as out:\n    out.write("a,b\\nc,d\\n")\nfor i in range(200):\n    first_line("d.txt")\n    first_row("d.txt")\nprint("ok")\n';

test('`yield from open(p)` and its abandoning callers fixed in one run; pypy3 no longer runs out of descriptors, CPython prints the same', (t) => {
  const dir = tempDir('withify-rounds-yield-from-');
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, 'prog.py'), YIELD_FROM);
  const runs = (exe: string) => spawnSync(exe, ['prog.py'], { cwd: dir, encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
  const skip = pypySkipReason();
  const before = skip ? undefined : runs(PYPY);
  const cBefore = runs(CPYTHON);
  assert.match(withify(['fix', '.', '--no-cache'], dir).stdout, /^1 file changed, 4 fixes applied, 0 findings left/m);
  const text = readFileSync(join(dir, 'prog.py'), 'utf8');
  assert.match(text, /def lines\(p\):\n    with open\(p\) as f:\n        yield from f\n/);
  assert.match(text, /def rows\(p\):\n    with open\(p\) as f:\n        yield from csv\.reader\(f\)\n/);
  assert.match(text, /def first_line\(p\):\n    gen = lines\(p\)\n    try:\n/);
  assert.match(text, /def first_row\(p\):\n    gen = rows\(p\)\n    try:\n/);
  assert.match(withify(['fix', '.', '--no-cache'], dir).stdout, /^0 files changed, 0 fixes applied/m);
  const cAfter = runs(CPYTHON);
  assert.deepEqual([cBefore.status, cBefore.stdout], [0, 'ok\n']);
  assert.deepEqual([cAfter.status, cAfter.stdout], [0, 'ok\n']);
  if (skip) {
    t.skip(skip);
    return;
  }
  assert.notEqual(before!.status, 0);
  assert.match(before!.stderr, /Too many open files/);
  const after = runs(PYPY);
  assert.deepEqual([after.status, after.stdout], [0, 'ok\n'], after.stderr);
});

test('a chain of 13 generator methods, each abandoning the one before: one fix does it all, a second changes nothing (review rw1)', () => {
  const dir = tempDir('withify-rounds-chain-');
  mkdirSync(join(dir, '.git'));
  const methods = ['    def g0(self):\n        try:\n            yield 1\n            yield 2\n        finally:\n            print("closed g0")\n'];
  for (let k = 1; k <= 13; k++) methods.push(`    def g${k}(self):\n        it = self.g${k - 1}()\n        x = next(it)\n        yield x\n        yield x + 1\n`);
  writeFileSync(join(dir, 'meth.py'), `class K:\n${methods.join('\n')}`);
  const first = withify(['fix', '--no-cache', 'meth.py'], dir);
  assert.match(first.stderr + first.stdout, /13 fixes applied, 0 findings left/);
  const second = withify(['fix', '--no-cache', 'meth.py'], dir);
  assert.match(second.stderr + second.stdout, /0 files changed, 0 fixes applied/);
});
