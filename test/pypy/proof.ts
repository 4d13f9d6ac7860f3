// The pypy3 proof of a transform: each `proof-*` snapshot pair is a program that misbehaves under
// pypy3 before the rewrite, behaves after it, and prints the same under CPython either way.
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { CPYTHON, PYPY, proofCases, pypySkipReason, runProgram } from '../helpers.js';

export function defineProofs(id: string, minimum: number): void {
  const cases = proofCases(id);
  describe(`pypy3 proofs › ${id}`, () => {
    test(`at least ${minimum} proof programs`, () => {
      assert.ok(cases.length >= minimum, `snapshots/${id}/ has ${cases.length} proof-* pairs, want ${minimum}`);
    });
    for (const c of cases) {
      test(c.name, (t) => {
        const skip = pypySkipReason();
        if (skip) {
          t.skip(skip);
          return;
        }
        const before = runProgram(PYPY, c.inPath);
        assert.notEqual(before.status, 0, `${c.name}: expected the original to fail under pypy3, it passed:\n${before.stdout}`);
        const after = runProgram(PYPY, c.outPath);
        assert.equal(after.status, 0, `${c.name}: the rewrite fails under pypy3:\n${after.stdout}\n${after.stderr}`);
        const cBefore = runProgram(CPYTHON, c.inPath);
        const cAfter = runProgram(CPYTHON, c.outPath);
        assert.equal(cBefore.status, 0, `${c.name}: the original fails under CPython:\n${cBefore.stderr}`);
        assert.equal(cAfter.status, 0, `${c.name}: the rewrite fails under CPython:\n${cAfter.stderr}`);
        assert.equal(cAfter.stdout, cBefore.stdout, `${c.name}: CPython output changed`);
        assert.equal(after.stdout, cAfter.stdout, `${c.name}: pypy3 and CPython disagree after the rewrite`);
      });
    }
  });
}
