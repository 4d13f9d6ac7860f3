import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { test } from 'node:test';
import { CPYTHON, PYPY, SNAPSHOTS, pyenvPython, pypySkipReason, runProgram } from '../helpers.js';
import { defineProofs } from './proof.js';

defineProofs('open-assign', 9);

// A sqlite3 connection is in a reference cycle from CPython 3.11 on, so CPython 3.11+ leaves it open until a
// collection as PyPy does, and the harness of defineProofs (the original passes under CPython) cannot hold it.
test('pypy3 and CPython 3.11+: a sqlite3 connection dropped mid-transaction keeps its lock; the rewrite closes it; CPython 3.10 was right before', (t) => {
  const skip = pypySkipReason();
  if (skip) {
    t.skip(skip);
    return;
  }
  const before = join(SNAPSHOTS, 'open-assign', 'sqlite-lock.in.py');
  const after = join(SNAPSHOTS, 'open-assign', 'sqlite-lock.out.py');
  const locked = /database is locked/;
  for (const exe of [PYPY, pyenvPython(11), pyenvPython(13)]) {
    if (!exe) continue;
    const b = runProgram(exe, before);
    assert.notEqual(b.status, 0, `${exe}: expected the original to fail`);
    assert.match(b.stderr, locked, exe);
    const a = runProgram(exe, after);
    assert.equal(a.status, 0, `${exe}: ${a.stderr}`);
    assert.equal(a.stdout, '[1, 1, 1]\n', exe);
  }
  const old = pyenvPython(10);
  if (old) {
    const b = runProgram(old, before);
    const a = runProgram(old, after);
    assert.equal(b.status, 0, b.stderr);
    assert.equal(b.stdout, '[1, 1, 1]\n');
    assert.equal(a.stdout, b.stdout);
  }
  // Whatever the system's python3 is, the rewrite runs right under it.
  assert.equal(runProgram(CPYTHON, after).stdout, '[1, 1, 1]\n');
});
