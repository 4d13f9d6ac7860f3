// A fix that needs a new top-level import (`import contextlib` for sqlite3's `closing`, `from pathlib import Path`)
// is refused where a module beside the file has the imported name (src/python/edits.ts `newImportReason`).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CLI, CPYTHON, hasPython, PYPY, tempDir } from './helpers.js';

const withify = (args: string[], cwd: string) => spawnSync(process.execPath, [CLI, ...args, '--no-cache'], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const python = (exe: string, cwd: string) => spawnSync(exe, ['main.py'], { cwd, encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });

const COUNT = 'import sqlite3\n\ndef count(db):\n    return sqlite3.connect(db).execute("select 1").fetchone()[0]\n';
const REASON = /\(not fixed: it needs `contextlib\.closing`, and a module or package `contextlib` lies beside this file: the `import contextlib` the fix needs could get that one, or have it replace the name\)/;

/** `main.py` prints the same under python3 and (where installed) pypy3, and what it printed before the fix. */
function assertRuns(dir: string, expected: string): void {
  for (const exe of [CPYTHON, PYPY]) {
    if (!hasPython(exe)) continue;
    const r = python(exe, dir);
    assert.equal(r.stdout, expected, `${exe}: ${r.stderr}`);
  }
}

test("a package's __init__.py beside contextlib.py gets no `import contextlib`: importing pkg.contextlib would replace it", () => {
  const dir = tempDir('withify-newimport-');
  mkdirSync(join(dir, 'pkg'));
  writeFileSync(join(dir, 'pkg', '__init__.py'), COUNT);
  writeFileSync(join(dir, 'pkg', 'contextlib.py'), 'VALUE = 1\n');
  writeFileSync(join(dir, 'main.py'), 'import pkg\nimport pkg.contextlib\nprint(pkg.count(":memory:"))\n');
  assertRuns(dir, '1\n');
  const r = withify(['fix', '.'], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^pkg\/__init__\.py:4:12 WFY101 .*/m);
  assert.match(r.stdout, REASON);
  assert.equal(readFileSync(join(dir, 'pkg', '__init__.py'), 'utf8'), COUNT);
  assertRuns(dir, '1\n');
});

test('a script beside a contextlib.py or a contextlib/ package gets no `import contextlib`; elsewhere it does', () => {
  const dir = tempDir('withify-newimport-');
  const main = `${COUNT}\nprint(count(":memory:"))\n`;
  writeFileSync(join(dir, 'main.py'), main);
  writeFileSync(join(dir, 'contextlib.py'), 'VALUE = 1\n');
  let r = withify(['check', '.'], dir);
  assert.match(r.stdout, /^main\.py:4:12 WFY101 /m);
  assert.match(r.stdout, REASON);
  r = withify(['fix', 'main.py'], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(readFileSync(join(dir, 'main.py'), 'utf8'), main);

  const other = tempDir('withify-newimport-');
  writeFileSync(join(other, 'main.py'), main);
  mkdirSync(join(other, 'contextlib'));
  // A directory with no `__init__.py` is a namespace package: the standard library's module wins over it
  assert.doesNotMatch(withify(['check', 'main.py'], other).stdout, REASON);
  writeFileSync(join(other, 'contextlib', '__init__.py'), '');
  assert.match(withify(['check', 'main.py'], other).stdout, REASON);
  // Read from stdin under the same name: the directory it names is asked
  assert.match(spawnSync(process.execPath, [CLI, 'check', '-', '--stdin-filename', 'main.py', '--no-cache'], { cwd: other, input: main, encoding: 'utf8' }).stdout, REASON);

  const alone = tempDir('withify-newimport-');
  writeFileSync(join(alone, 'main.py'), main);
  assert.equal(withify(['fix', 'main.py'], alone).status, 0);
  assert.match(readFileSync(join(alone, 'main.py'), 'utf8'), /^import contextlib\nimport sqlite3\n/);
  assertRuns(alone, '1\n');
});

test('a `from pathlib import Path` is not added beside a package submodule named Path or a pathlib module', () => {
  const dir = tempDir('withify-newimport-');
  mkdirSync(join(dir, 'pkg'));
  const init = 'import os\n\nload = lambda p: open(p).read()\n';
  writeFileSync(join(dir, 'pkg', '__init__.py'), init);
  writeFileSync(join(dir, 'pkg', 'Path.py'), 'VALUE = 1\n');
  assert.equal(withify(['fix', '--unsafe-fixes', '--select', 'pathlib-read-write', '.'], dir).status, 0);
  // Not `from pathlib import Path` (the submodule `pkg.Path` would replace it): `import pathlib` instead
  assert.equal(readFileSync(join(dir, 'pkg', '__init__.py'), 'utf8'), 'import pathlib\nimport os\n\nload = lambda p: pathlib.Path(p).read_text()\n');

  writeFileSync(join(dir, 'pkg', '__init__.py'), init);
  writeFileSync(join(dir, 'pkg', 'pathlib.py'), 'VALUE = 1\n');
  const r = withify(['fix', '--unsafe-fixes', '--select', 'pathlib-read-write', '.'], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(readFileSync(join(dir, 'pkg', '__init__.py'), 'utf8'), init);
});

test('in the standard library\'s own directory (os.py beside the file) the module beside it is the one imported: the fix is made', () => {
  const dir = tempDir('withify-newimport-stdlib-');
  writeFileSync(join(dir, 'os.py'), '');
  writeFileSync(join(dir, 'contextlib.py'), '');
  writeFileSync(join(dir, 'counting.py'), COUNT);
  const r = withify(['fix', 'counting.py'], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.match(readFileSync(join(dir, 'counting.py'), 'utf8'), /^import contextlib\n/m);
  assert.match(readFileSync(join(dir, 'counting.py'), 'utf8'), /with contextlib\.closing\(sqlite3\.connect\(db\)\) as conn:/);
});
