// CPython's own regression tests on a standard library that `withify fix` rewrote (not part of npm test: it
// takes 10–25 minutes). Copies a Python installation twice, runs `withify fix` over one copy's library,
// then runs the tests of every module it changed (the changed test modules themselves, and `test_X` for a
// changed module or package X) under both copies, and compares them test case by test case.
//   node dist/scripts/regrtest.js PREFIX [withify options...]
//   e.g. node dist/scripts/regrtest.js ~/.pyenv/versions/3.11.7 --target-version 3.11
// PREFIX holds bin/python3.X and lib/python3.X, or PyPy's bin/pypy3.X and lib/pypy3.X (Debian's PyPy: copy
// /usr/bin/pypy3.9 and /usr/lib/pypy3.9 into such a directory, and install pypy3-lib-testsuite first).
// Env: REGRTEST_JOBS (default 2), REGRTEST_TIMEOUT (seconds per test file, default 900), REGRTEST_DIR,
// REGRTEST_SKIP (test names to leave out, space-separated: test_socket hangs on some machines either way).
// Exit 1 when a test case that passed before the rewrite fails or errs after it.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'withify.js');

const [prefixArg, ...extra] = process.argv.slice(2);
if (!prefixArg) {
  process.stderr.write('usage: node dist/scripts/regrtest.js PYTHON_PREFIX [withify options...]\n');
  process.exit(2);
}
const prefix = resolve(prefixArg);
const libName = readdirSync(join(prefix, 'lib')).find((n) => /^(python|pypy)3\.\d+$/.test(n));
if (!libName) throw new Error(`${prefix}/lib has no python3.X or pypy3.X directory`);
const exe = join(prefix, 'bin', libName);
const work = resolve(process.env.REGRTEST_DIR ?? join(tmpdir(), 'withify-regrtest'));
const jobs = process.env.REGRTEST_JOBS ?? '2';
const timeout = process.env.REGRTEST_TIMEOUT ?? '900';

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const before = join(work, 'before');
const after = join(work, 'after');
process.stderr.write(`copying ${prefix} twice to ${work}\n`);
cpSync(prefix, before, { recursive: true, verbatimSymlinks: true });
cpSync(prefix, after, { recursive: true, verbatimSymlinks: true });

// The rewrite, as a user would run it
const lib = join(after, 'lib', libName);
const fix = spawnSync(process.execPath, [BIN, 'fix', lib, '--exclude', 'site-packages', '--format', 'json', '--quiet', ...extra], { encoding: 'utf8', maxBuffer: 1 << 30 });
if (fix.status !== 0 && fix.status !== 1 && fix.status !== 2) throw new Error(`withify fix exited ${fix.status}: ${fix.stderr}`);
const report = JSON.parse(fix.stdout) as { files: Array<{ path: string; status: string; fixesApplied: number }> };
const changed = report.files.filter((f) => f.status === 'changed').map((f) => relative(lib, resolve(f.path)).split(sep).join('/'));
const fixes = report.files.reduce((n, f) => n + f.fixesApplied, 0);
process.stderr.write(`withify fix: ${fixes} fixes in ${changed.length} files\n`);

// Which tests cover them
const testDir = join(before, 'lib', libName, 'test');
const hasTest = (name: string) => existsSync(join(testDir, `${name}.py`)) || existsSync(join(testDir, name, '__init__.py'));
const tests = new Set<string>();
const uncovered: string[] = [];
for (const path of changed) {
  const parts = path.replace(/\.py$/, '').split('/');
  if (parts[0] === 'test') {
    // Ex) test/test_asyncio/test_events.py → test_asyncio.test_events; test/test_unittest/testmock/testpatch.py
    // → test_unittest (the whole package); test/_test_multiprocessing.py is a helper
    if (parts.length >= 2 && parts[1]!.startsWith('test_')) {
      tests.add(parts.slice(2).every((p) => p.startsWith('test_') || p === '__init__') ? parts.slice(1).filter((p) => p !== '__init__').join('.') : parts[1]!);
    } else uncovered.push(path);
    continue;
  }
  // Ex) lib2to3/pytree.py → test_lib2to3; unittest/test/testmock/testmock.py → test_unittest; sqlite3/test/dbapi.py
  // → test_sqlite (3.9 and 3.10, PyPy 3.9), test_sqlite3 (3.11 on)
  const top = parts[0]!;
  const name = [`test_${top}`, `test_${top.replace(/\d+$/, '')}`].find(hasTest);
  if (name) tests.add(name);
  else uncovered.push(path);
}
const skip = new Set((process.env.REGRTEST_SKIP ?? '').split(/\s+/).filter(Boolean));
// A package run whole covers its modules named one by one
const list = [...tests].filter((t) => !skip.has(t.split('.')[0]!) && !skip.has(t) && !(t.includes('.') && tests.has(t.split('.')[0]!))).sort();
process.stderr.write(`tests: ${list.join(' ')}\n${uncovered.length ? `changed files no test module names: ${uncovered.join(' ')}\n` : ''}`);

function regrtest(root: string, name: string): string {
  const xml = join(work, `${name}.xml`);
  process.stderr.write(`running the tests under ${name} …\n`);
  const t0 = Date.now();
  const r = spawnSync(join(root, 'bin', libName!), ['-m', 'test', '-j', jobs, '--timeout', timeout, '--junit-xml', xml, ...list], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const tail = (r.stdout ?? '').split('\n').filter((l) => /^(Result|Total tests|\d+ tests? (failed|OK|skipped))/.test(l.trim()));
  process.stderr.write(`  ${((Date.now() - t0) / 1000).toFixed(0)} s: ${tail.map((l) => l.trim()).join('; ')}\n`);
  return xml;
}
// Without names, regrtest would run every test
if (list.length === 0) {
  process.stdout.write('no test module covers the changed files\n');
  process.exit(0);
}
const xmlBefore = regrtest(before, 'before');
const xmlAfter = regrtest(after, 'after');

// Case by case, with the interpreter's own XML parser
const compare = `
import sys, xml.etree.ElementTree as ET
def outcomes(path):
    out = {}
    for case in ET.parse(path).getroot().iter('testcase'):
        kinds = [c.tag for c in case if c.tag in ('failure', 'error', 'skipped')]
        out[case.get('classname', '') + '.' + case.get('name', '')] = kinds[0] if kinds else 'pass'
    return out
a, b = outcomes(sys.argv[1]), outcomes(sys.argv[2])
worse = sorted(k for k in a if a[k] == 'pass' and b.get(k, 'missing') in ('failure', 'error', 'missing'))
better = sorted(k for k in b if b[k] == 'pass' and a.get(k, 'missing') in ('failure', 'error', 'missing'))
other = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k) and k not in worse and k not in better)
print(f"{len(a)} test cases before, {len(b)} after; passed before: {sum(v == 'pass' for v in a.values())}, after: {sum(v == 'pass' for v in b.values())}")
for k in worse: print(f"  WORSE {k}: {a[k]} -> {b.get(k, 'missing')}")
for k in better: print(f"  BETTER {k}: {a.get(k, 'missing')} -> {b[k]}")
for k in other: print(f"  changed {k}: {a.get(k, 'missing')} -> {b.get(k, 'missing')}")
sys.exit(1 if worse else 0)
`;
const cmp = spawnSync(exe, ['-c', compare, xmlBefore, xmlAfter], { encoding: 'utf8' });
process.stdout.write(cmp.stdout);
process.stderr.write(cmp.stderr);
process.exitCode = cmp.status ?? 2;
