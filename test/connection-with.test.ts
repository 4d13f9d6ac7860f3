// connection-with's refusals: every line of an `ok-*` snapshot case marked `expect: WFY107` gets exactly one finding,
// with a reason or a fix offered only with --unsafe-fixes, and no other line gets one (the snapshot test checks that
// nothing changes; this checks that what is reported is what the case says).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { transformBytes } from '../src/api.js';
import { listCases } from './helpers.js';

describe('connection-with: ok-* cases report what they mark', () => {
  const cases = listCases().filter((c) => c.id === 'connection-with' && /(^|\/)ok-/.test(c.name));
  test('the cases hold marked findings', () => {
    const marked = cases.filter((c) => readFileSync(c.inPath, 'utf8').includes('expect: WFY107'));
    assert.ok(marked.length >= 6, `${marked.length} cases with marks`);
  });
  for (const c of cases) {
    test(c.name, () => {
      const bytes = readFileSync(c.inPath);
      const expected = bytes.toString('utf8').split(/\r?\n/).flatMap((l, i) => (l.includes('expect: WFY107') ? [i + 1] : []));
      const r = transformBytes(bytes, { select: ['connection-with'], path: c.inPath });
      assert.equal(r.fixesApplied, 0);
      assert.deepEqual(r.findings.map((f) => f.location.line), expected);
      for (const f of r.findings) assert.ok(f.reason !== undefined || f.fix?.applicability === 'unsafe', `line ${f.location.line}: neither a reason nor an unsafe fix`);
    });
  }
});
