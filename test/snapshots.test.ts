// Every snapshot pair: exact bytes, idempotence, `ok-*` cases untouched, and every output compiles.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { transformBytes } from '../src/api.js';
import { TRANSFORMS } from '../transforms/index.js';
import { compileErrors, CPYTHON, hasPython, listCases, PYPY, SNAPSHOTS } from './helpers.js';

const cases = listCases();
const update = !!process.env.UPDATE_SNAPSHOTS;

describe('snapshots', () => {
  for (const c of cases) {
    test(`${c.id} › ${c.name}`, () => {
      const input = readFileSync(c.inPath);
      const options = { select: [c.id], ...c.options };
      const first = transformBytes(input, { ...options, path: c.inPath });
      assert.notEqual(first.status, 'failed', `${c.name}: ${first.reason}`);
      if (update) writeFileSync(c.outPath, first.outputBytes);
      assert.ok(existsSync(c.outPath), `${c.outPath} is missing (run UPDATE_SNAPSHOTS=1 npm test)`);
      const expected = readFileSync(c.outPath);
      assert.equal(first.outputBytes.toString('latin1'), expected.toString('latin1'), `${c.name}: output differs from ${c.outPath}`);
      // A second run over its own output changes nothing.
      const second = transformBytes(first.outputBytes, { ...options, path: c.outPath });
      assert.equal(second.outputBytes.toString('latin1'), first.outputBytes.toString('latin1'), `${c.name}: not idempotent`);
      assert.equal(second.fixesApplied, 0, `${c.name}: second run applied fixes`);
      if (c.name.replace(/^unsafe\//, '').startsWith('ok-')) {
        assert.equal(first.fixesApplied, 0, `${c.name}: an ok- case must not be fixed`);
        assert.ok(expected.equals(input), `${c.name}: an ok- case must stay byte-identical`);
      } else {
        assert.ok(first.fixesApplied > 0, `${c.name}: expected at least one fix (name it ok-* if none is wanted)`);
      }
    });
  }

  test('every transform has snapshot pairs, negatives included', () => {
    for (const t of TRANSFORMS) {
      const mine = cases.filter((c) => c.id === t.id);
      assert.ok(mine.length > 0, `no snapshots/${t.id}/`);
      assert.ok(mine.some((c) => c.name.replace(/^unsafe\//, '').startsWith('ok-')), `snapshots/${t.id}/ has no ok-* case`);
    }
    assert.ok(existsSync(SNAPSHOTS));
  });

  test('every .out.py compiles under python3', () => {
    const errs = compileErrors(CPYTHON, cases.map((c) => c.outPath));
    assert.deepEqual([...errs], []);
  });

  test('every .out.py compiles under pypy3 where its .in.py does', (t) => {
    if (!hasPython(PYPY)) {
      if (process.env.CI) assert.fail(`${PYPY} is not installed`);
      t.skip(`${PYPY} not installed`);
      return;
    }
    const inErrs = compileErrors(PYPY, cases.map((c) => c.inPath));
    const eligible = cases.filter((c) => !inErrs.has(c.inPath));
    assert.ok(eligible.length > 0);
    const outErrs = compileErrors(PYPY, eligible.map((c) => c.outPath));
    assert.deepEqual([...outErrs], []);
  });
});
