// Blocks counted as CPython counts them (src/python/nesting.ts): the room `blockRoom` gives a statement is
// checked against the compiler itself, which rejects the 21st nested block before 3.13.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { transformSource } from '../src/api.js';
import { parsePython } from '../src/engine/parse.js';
import { blockRoom, blocksAround, blocksInside, deepestNesting, STATIC_BLOCK_LIMIT } from '../src/python/nesting.js';
import type { FileContext, SyntaxNode } from '../src/types.js';
import { CPYTHON } from './helpers.js';

/** For each source, whether `python3` compiles it (one process for all of them). */
function compiles(sources: readonly string[]): boolean[] {
  const script = 'import json, sys\nout = []\nfor s in json.load(sys.stdin):\n    try:\n        compile(s, "t", "exec")\n        out.append(True)\n    except SyntaxError:\n        out.append(False)\nprint(json.dumps(out))\n';
  return JSON.parse(execFileSync(CPYTHON, ['-c', script], { input: JSON.stringify(sources), encoding: 'utf8' })) as boolean[];
}

const cpythonLimited = execFileSync(CPYTHON, ['-c', 'import sys; print(sys.version_info < (3, 13))'], { encoding: 'utf8' }).trim() === 'True';

// Each wraps the lines of `body` (indented one step) in one kind of block, or none.
const WRAPPERS: Record<string, (body: string[]) => string[]> = {
  for: (b) => ['for a in b:', ...b],
  while: (b) => ['while a:', ...b],
  'try body': (b) => ['try:', ...b, 'except E:', '    pass'],
  'except named': (b) => ['try:', '    pass', 'except E as e:', ...b],
  'except bare': (b) => ['try:', '    pass', 'except:', ...b],
  finally: (b) => ['try:', '    pass', 'finally:', ...b],
  'try else': (b) => ['try:', '    pass', 'except E:', '    pass', 'else:', ...b],
  'with 2 items': (b) => ['with a as x, b as y:', ...b],
  'for else': (b) => ['for a in b:', '    pass', 'else:', ...b],
  if: (b) => ['if a:', ...b],
  'async with': (b) => ['async with a as x:', ...b],
  'async for': (b) => ['async for a in b:', ...b],
};

const indent = (lines: string[]) => lines.map((l) => `    ${l}`);

/** `kinds` nested outside in, around `inner`, inside `async def f():`. */
function program(kinds: readonly string[], inner: string[]): string {
  let body = inner;
  for (const k of [...kinds].reverse()) body = WRAPPERS[k]!(indent(body));
  return ['async def f():', ...indent(body), ''].join('\n');
}

/** The statement `marker = 1` in `tree`. */
function marker(root: SyntaxNode): SyntaxNode {
  const id = root.descendantsOfType('identifier').find((n) => n.text === 'marker')!;
  return id.parent!.parent!;
}

const ctxFor = (root: SyntaxNode, target: [number, number]) => ({ target, root }) as unknown as FileContext;

test('the room blockRoom gives is room the compiler has: one more with item than it fails', () => {
  const kinds = Object.keys(WRAPPERS);
  // Every kind alone, stacked to just past the limit, and mixed.
  const shapes: string[][] = kinds.map((k) => Array.from({ length: 12 }, () => k));
  for (let i = 0; i < kinds.length; i++) shapes.push([kinds[i]!, kinds[(i + 3) % kinds.length]!, kinds[(i + 7) % kinds.length]!, 'for', 'for', 'try body', 'with 2 items']);
  const cases = shapes.map((kinds) => {
    const root = parsePython(program(kinds, ['marker = 1'])).rootNode;
    const stmt = marker(root);
    return { kinds, room: blockRoom(ctxFor(root, [3, 11]), stmt, stmt) };
  });
  // Around `marker = 1`: a `with` of `room` items (when there is room), and of one item more.
  const withItems = (n: number) => [`with ${Array.from({ length: n }, (_, i) => `a as z${i}`).join(', ')}:`, '    marker = 1'];
  const base = compiles(cases.map((c) => program(c.kinds, ['marker = 1'])));
  const fits = compiles(cases.map((c) => program(c.kinds, withItems(Math.max(1, c.room)))));
  const over = compiles(cases.map((c) => program(c.kinds, withItems(Math.max(0, c.room) + 1))));
  for (const [i, c] of cases.entries()) {
    if (!cpythonLimited) break;
    // Already past the limit: no room. Room given: that many items compile (counting high is allowed).
    if (!base[i]) assert.ok(c.room <= 0, `${c.kinds.join(' > ')} does not compile, yet room ${c.room}`);
    if (c.room > 0) assert.ok(fits[i], `${c.kinds.join(' > ')}: room ${c.room}, but ${c.room} more items do not compile`);
    // Exact where CPython's count does not depend on the version: loops, try bodies, with items.
    if (c.kinds.every((k) => ['for', 'while', 'try body', 'with 2 items', 'if', 'for else', 'try else', 'async with', 'async for'].includes(k))) {
      assert.equal(over[i], false, `${c.kinds.join(' > ')}: room ${c.room}, but ${c.room + 1} more items compile too`);
    }
  }
  assert.ok(cases.some((c) => c.room <= 0) && cases.some((c) => c.room > 0), 'shapes on both sides of the limit');
});

test('blocks inside a statement count from it, and a function starts again from none', () => {
  const src = 'for a in b:\n    with a as x, b as y:\n        try:\n            pass\n        except E:\n            def g():\n                while a:\n                    pass\n';
  const root = parsePython(src).rootNode;
  const loop = root.namedChildren[0]!;
  // for (1) > with 2 items (2) > except handler (2); the function's own while is its own.
  assert.equal(blocksInside(loop), 5);
  assert.equal(blocksInside(root), 5);
  const pass = root.descendantsOfType('pass_statement');
  assert.equal(blocksAround(pass[0]!), 4); // for, two with items, try body
  assert.equal(blocksAround(pass[1]!), 1); // inside g: the while only
  assert.equal(deepestNesting(root), 5);
  // 3.13 compiles any depth.
  assert.equal(blockRoom(ctxFor(root, [3, 13]), loop, loop), Infinity);
  assert.equal(blockRoom(ctxFor(root, [3, 12]), loop, loop), STATIC_BLOCK_LIMIT - 5);
});

test('a fix never nests blocks past the limit: the resources past it are reported with the reason', () => {
  const args = Array.from({ length: 24 }, (_, i) => `open("p${i}")`).join(', ');
  const deep = (n: number) => Array.from({ length: n }, (_, i) => `${'    '.repeat(i)}for a${i} in b:\n`).join('');
  const src = `print(${args})\n${deep(20)}${'    '.repeat(20)}data = open(p).read()\n`;
  const r = transformSource(src, { targetVersion: [3, 11] });
  assert.equal(r.status, 'changed');
  assert.ok(compiles([r.output])[0] || !cpythonLimited, 'the output compiles');
  const left = r.remaining.filter((f) => /Python before 3\.13 compiles at most 20/.test(f.reason ?? ''));
  // 4 of the print's resources, and the read 20 loops deep.
  assert.equal(left.length, 5);
  assert.ok(r.output.startsWith('with (\n    open("p0") as f,\n'));
  assert.equal((r.output.match(/^\s*with /gm) ?? []).length, 1);
  assert.ok(r.output.includes(`${'    '.repeat(20)}data = open(p).read()\n`));
  // 3.13 has no limit, but one `with` holds at most 20 items: the rest go in a second one.
  const r13 = transformSource(src, { targetVersion: [3, 13] });
  assert.equal(r13.remaining.filter((f) => f.code === 'WFY102').length, 0);
  assert.equal((r13.output.match(/^\s*with /gm) ?? []).length, 3);
});
