// Report-only transforms (class-del, tempdir-name): every line marked `expect: CODE` in a snapshot case
// gets exactly one finding of that code, with a reason and no fix, and no other line gets one.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { transformBytes } from '../src/api.js';
import { findTransform } from '../transforms/index.js';
import { listCases } from './helpers.js';

for (const id of ['class-del', 'tempdir-name']) {
  const t = findTransform(id)!;
  const cases = listCases().filter((c) => c.id === id);
  describe(`${id} findings`, () => {
    let expectedTotal = 0;
    for (const c of cases) {
      test(c.name, () => {
        const bytes = readFileSync(c.inPath);
        const lines = bytes.toString('utf8').split(/\r?\n/);
        const expected = lines.flatMap((l, i) => (l.includes(`expect: ${t.code}`) ? [i + 1] : []));
        expectedTotal += expected.length;
        const r = transformBytes(bytes, { select: [id], path: c.inPath });
        assert.equal(r.fixesApplied, 0);
        assert.deepEqual(r.findings.map((f) => f.location.line), expected);
        for (const f of r.findings) {
          assert.equal(f.code, t.code);
          assert.equal(f.fixStatus, 'none');
          assert.ok(f.reason && f.reason.length > 20, 'a report-only finding says what to do instead');
        }
      });
    }
    test('the cases hold findings, not only negatives', () => {
      assert.ok(cases.length >= 12, `${cases.length} cases`);
      assert.ok(expectedTotal >= 6, `${expectedTotal} expected findings`);
    });
  });
}

test('class-del: the reason depends on whether the class already has close()', () => {
  const withClose = transformBytes(Buffer.from('class A:\n    def close(self): self.f.close()\n    def __del__(self): self.close()\n'), { select: ['class-del'] });
  assert.match(withClose.findings[0]!.reason!, /has `close\(\)`: add `__enter__`\/`__exit__`/);
  assert.match(withClose.findings[0]!.message, /`A.__del__` releases a resource \(`self.close\(\)`\): it relies on __del__, which PyPy runs late or never/);
  const without = transformBytes(Buffer.from('class B:\n    def __del__(self): self.sock.shutdown(2)\n'), { select: ['class-del'] });
  assert.match(without.findings[0]!.reason!, /give `B` a `close\(\)`/);
  // An inherited close(), which `__del__` calls: it has one
  const inherited = transformBytes(Buffer.from('class Base:\n    def close(self): self.f.close()\n\n\nclass C(Base):\n    def __del__(self): self.close()\n'), { select: ['class-del'] });
  assert.match(inherited.findings[0]!.reason!, /`C` has `close\(\)`: add `__enter__`\/`__exit__`/);
  // Not the first release call, or through `super()`
  const later = transformBytes(Buffer.from('class Base:\n    def close(self): self.f.close()\n\n\nclass D(Base):\n    def __del__(self):\n        self.sock.shutdown(2)\n        super().close()\n'), { select: ['class-del'] });
  assert.match(later.findings[0]!.reason!, /`D` has `close\(\)`/);
});
