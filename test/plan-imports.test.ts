// Import edits in the plan: not counted for overlap, applied once, and reused only when they bind at run time.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { transformSource } from '../src/api.js';
import { planEdits, selectFixes } from '../src/engine/plan.js';
import type { Edit, Finding } from '../src/types.js';

const imp = (at: number, text: string): Edit => ({ start: at, end: at, text, import: true });
const finding = (edits: Edit[]): Finding => ({
  id: 't',
  code: 'WFY999',
  message: 'm',
  start: edits[0]!.start,
  end: edits[0]!.end,
  fix: { title: 't', applicability: 'safe', edits },
});

test('two fixes that add the same import are chosen together and the import is applied once', () => {
  const a = finding([{ start: 40, end: 45, text: 'x' }, imp(10, '\nimport contextlib')]);
  const b = finding([{ start: 60, end: 65, text: 'y' }, imp(10, '\nimport contextlib')]);
  const plan = selectFixes([a, b], false);
  assert.equal(plan.chosen.length, 2);
  assert.equal(plan.deferred.length, 0);
  const edits = planEdits(plan.chosen);
  assert.equal(edits.filter((e) => e.import).length, 1);
  assert.ok(edits[0]!.import, 'imports come first, so they precede an insertion at the same offset');
});

test('different imports at one offset are both kept; overlapping bodies still defer', () => {
  const a = finding([{ start: 40, end: 50, text: 'x' }, imp(10, '\nimport contextlib')]);
  const b = finding([{ start: 45, end: 55, text: 'y' }, imp(10, '\nfrom pathlib import Path')]);
  const c = finding([{ start: 70, end: 75, text: 'z' }, imp(10, '\nfrom pathlib import Path')]);
  const plan = selectFixes([a, b, c], false);
  assert.deepEqual(plan.chosen, [a, c]);
  assert.deepEqual(plan.deferred, [b]);
  assert.deepEqual(planEdits(plan.chosen).filter((e) => e.import).map((e) => e.text), ['\nimport contextlib', '\nfrom pathlib import Path']);
});

test('an import that would land strictly inside another chosen fix waits for the next pass', () => {
  const wide = finding([{ start: 0, end: 100, text: 'x' }]);
  const inner = finding([{ start: 120, end: 125, text: 'y' }, imp(50, '\nimport contextlib')]);
  const plan = selectFixes([wide, inner], false);
  assert.deepEqual(plan.chosen, [wide]);
  assert.deepEqual(plan.deferred, [inner]);
});

test('more fixes with imports than passes: every one is applied (one pass, not one per fix)', () => {
  const lines = Array.from({ length: 14 }, (_, i) => `r${i} = lambda p: open(p).read()`);
  const r = transformSource(`"""Doc."""\n${lines.join('\n')}\n`, { select: ['pathlib-read-write'], unsafeFixes: true });
  assert.equal(r.fixesApplied, 14);
  assert.equal(r.remaining.filter((f) => f.code === 'WFY106').length, 0);
  assert.equal(r.output.match(/from pathlib import Path/g)?.length, 1);
  assert.ok(r.output.startsWith('"""Doc."""\nfrom pathlib import Path\nr0 = lambda p: Path(p).read_text()\n'));
});

test('imports of two transforms in one pass: contextlib for sqlite3 and Path for a lambda', () => {
  const src = 'import sqlite3\nrows = sqlite3.connect(db).execute(q).fetchall()\nload = lambda p: open(p).read()\n';
  const r = transformSource(src, { unsafeFixes: true, select: ['open-chain', 'pathlib-read-write'] });
  assert.equal(
    r.output,
    'import contextlib\nfrom pathlib import Path\nimport sqlite3\nwith contextlib.closing(sqlite3.connect(db)) as _conn:\n' +
      '    rows = _conn.execute(q).fetchall()\nload = lambda p: Path(p).read_text()\n',
  );
});

test('an import under `if TYPE_CHECKING:` binds nothing at run time and is not reused', () => {
  const src = 'from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import contextlib\nimport sqlite3\nsqlite3.connect(db).commit()\n';
  const r = transformSource(src, { select: ['open-chain'] });
  assert.equal(
    r.output,
    'from contextlib import closing\nfrom typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import contextlib\nimport sqlite3\n' +
      'with closing(sqlite3.connect(db)) as _conn:\n    _conn.commit()\n',
  );
});

test('when `contextlib` and `closing` both name something else, contextlib comes in under a fresh alias', () => {
  const src = 'import sqlite3\ncontextlib = closing = None\nsqlite3.connect(db).commit()\n';
  const r = transformSource(src, { select: ['open-chain'] });
  assert.equal(
    r.output,
    'import contextlib as _contextlib\nimport sqlite3\ncontextlib = closing = None\n' +
      'with _contextlib.closing(sqlite3.connect(db)) as _conn:\n    _conn.commit()\n',
  );
});

test('a new import goes after a docstring CPython reads as one (concatenated, in parentheses) and after a continued __future__ line', () => {
  const body = 'import sqlite3\ndef f(p):\n    return sqlite3.connect(p).execute("select 1").fetchall()\n';
  const cases: Array<[string, string]> = [
    ['"Doc" "more"\nfrom __future__ import print_function\n', '"Doc" "more"\nfrom __future__ import print_function\nimport contextlib\n'],
    ['("Doc")\nfrom __future__ import print_function\n', '("Doc")\nfrom __future__ import print_function\nimport contextlib\n'],
    ['"""Doc"""\nfrom __future__ import annotations \\\n\n', '"""Doc"""\nfrom __future__ import annotations \\\n\nimport contextlib\n'],
  ];
  for (const [head, expected] of cases) {
    const r = transformSource(head + body, { select: ['open-chain'] });
    assert.equal(r.fixesApplied, 1, head);
    assert.ok(r.output.startsWith(expected), `${JSON.stringify(head)} gave ${JSON.stringify(r.output.slice(0, 120))}`);
  }
});

test("a module's import is not reused where the function imports the name itself, later: the name is the function's there", () => {
  // Ex) a lazy `import contextlib` below the fix makes `contextlib` a variable of the function, unbound at the fix
  const src = 'import contextlib\nimport sqlite3\n\n\ndef f(db):\n    rows = sqlite3.connect(db).execute("select 1").fetchall()\n    import contextlib\n    return rows\n';
  const r = transformSource(src, { select: ['open-chain'] });
  assert.equal(
    r.output,
    'from contextlib import closing\nimport contextlib\nimport sqlite3\n\n\ndef f(db):\n    with closing(sqlite3.connect(db)) as conn:\n        rows = conn.execute("select 1").fetchall()\n    import contextlib\n    return rows\n',
  );
  const path = transformSource('from pathlib import Path\n\n\ndef f(ps):\n    x = [open(p).read() for p in ps]\n    from pathlib import Path\n    return x\n', { unsafeFixes: true, select: ['pathlib-read-write'] });
  assert.match(path.output, /^import pathlib$/m);
  assert.match(path.output, /x = \[pathlib\.Path\(p\)\.read_text\(\) for p in ps\]/);
});
