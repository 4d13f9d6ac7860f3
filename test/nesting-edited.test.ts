// The pipeline's net for "too many statically nested blocks" looks only at what a pass wrote
// (`nestingPastLimit(…, edited)`): its answer must be the one a look at every code object gives. Random
// programs nested close to the limit, and random passes of the edits fixes make (a `with` around a line, one
// taken away, a new function, a line replaced); the net's question is asked both ways.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyEdits, editedRanges } from '../src/engine/apply.js';
import { parsePython } from '../src/engine/parse.js';
import { nestingPastLimit } from '../src/python/nesting.js';
import type { Edit, PythonVersion } from '../src/types.js';

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEADS = ['for a in b:', 'while a:', 'with a as x:', 'with a as x, b as y:', 'if a:', 'try:', 'async for a in b:'];

/** Lines (unindented, each with its depth) of a chain of blocks about `depth` deep, a statement at the bottom. */
function chain(rnd: () => number, depth: number, out: Array<[number, string]>, at: number): void {
  let d = at;
  const closers: Array<[number, string[]]> = [];
  for (let i = 0; i < depth; i++) {
    const head = HEADS[Math.floor(rnd() * HEADS.length)]!;
    out.push([d, head]);
    if (head === 'try:') closers.push([d, rnd() < 0.5 ? ['except E as e:', 'pass', 'finally:', 'pass'] : ['finally:', 'pass']]);
    d++;
    if (rnd() < 0.15) out.push([d, `v${i} = [y for y in z]`]);
  }
  out.push([d, 'marker = 1']);
  for (const [cd, lines] of closers.reverse()) {
    for (let i = 0; i < lines.length; i += 2) {
      out.push([cd, lines[i]!]);
      out.push([cd + 1, lines[i + 1]!]);
    }
  }
}

function program(rnd: () => number): string {
  const lines: Array<[number, string]> = [];
  lines.push([0, 'import os']);
  const parts = 2 + Math.floor(rnd() * 4);
  for (let p = 0; p < parts; p++) {
    const kind = rnd();
    const depth = 14 + Math.floor(rnd() * 8);
    if (kind < 0.2) chain(rnd, depth, lines, 0);
    else if (kind < 0.4) {
      lines.push([0, 'class K:']);
      lines.push([1, 'async def m(self):']);
      chain(rnd, depth, lines, 2);
    } else {
      lines.push([0, `async def f${p}():`]);
      if (rnd() < 0.3) lines.push([1, 'yield 1']);
      chain(rnd, Math.floor(depth / 2), lines, 1);
      if (rnd() < 0.5) {
        const d = lines[lines.length - 1]![0];
        lines.push([d, 'async def inner():']);
        chain(rnd, depth, lines, d + 1);
      }
    }
  }
  return lines.map(([d, l]) => `${'    '.repeat(d)}${l}\n`).join('');
}

/** A pass of edits, as fixes make them, on distinct lines of `text`. */
function pass(rnd: () => number, text: string): Edit[] {
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n' && i + 1 < text.length) starts.push(i + 1);
  const used = new Set<number>();
  const edits: Edit[] = [];
  const n = 1 + Math.floor(rnd() * 3);
  for (let k = 0; k < n; k++) {
    const i = Math.floor(rnd() * starts.length);
    if (used.has(i) || used.has(i + 1) || used.has(i - 1)) continue;
    used.add(i);
    const s = starts[i]!;
    const end = text.indexOf('\n', s);
    const line = text.slice(s, end);
    const indent = line.length - line.trimStart().length;
    const what = rnd();
    if (what < 0.45 && !line.trimEnd().endsWith(':')) {
      // A `with` around the line (a fix's wrap): a header above, the line one step in
      edits.push({ start: s, end: s, text: `${' '.repeat(indent)}with open(p) as w${k}, open(q) as v${k}:\n` });
      edits.push({ start: s + indent, end: s + indent, text: '    ' });
    } else if (what < 0.65 && line.trimStart().startsWith('with ') && i + 1 < starts.length) {
      // A `with` taken away: its header gone, the next line one step out
      const next = starts[i + 1]!;
      if (text.startsWith('    ', next + indent)) {
        used.add(i + 1);
        edits.push({ start: s, end: next + indent + 4, text: ' '.repeat(indent) });
      }
    } else if (what < 0.8) {
      // A new function at the line (a helper a fix adds), nested deep
      const lines: Array<[number, string]> = [[0, `def helper${k}():`]];
      chain(rnd, 17 + Math.floor(rnd() * 5), lines, 1);
      edits.push({ start: s, end: s, text: lines.map(([d, l]) => `${' '.repeat(indent)}${'    '.repeat(d)}${l}\n`).join('') });
    } else {
      edits.push({ start: s + indent, end: end, text: 'marker = [[x for x in y] for y in z]' });
    }
  }
  return edits;
}

test('the net looks at what a pass wrote only, and answers as a look at every code object does', () => {
  const targets: PythonVersion[] = [[3, 8], [3, 13]];
  let asked = 0;
  let deepAfter = 0;
  let refused = 0;
  for (let seed = 1; seed <= 400; seed++) {
    const rnd = random(seed);
    const text = program(rnd);
    const tree = parsePython(text);
    for (let round = 0; round < 4; round++) {
      const edits = pass(rnd, text);
      if (edits.length === 0) continue;
      const next = applyEdits(text, edits);
      const nextTree = parsePython(next);
      for (const target of targets) {
        const before = nestingPastLimit(tree.rootNode, target);
        const all = nestingPastLimit(nextTree.rootNode, target);
        const some = nestingPastLimit(nextTree.rootNode, target, editedRanges(edits));
        asked++;
        if (all) deepAfter++;
        const whyAll = all && !before ? all : undefined;
        const whySome = some && !before ? some : undefined;
        if (whyAll) refused++;
        assert.deepEqual(whySome, whyAll, `seed ${seed}, round ${round}, target ${target.join('.')}:\n${next}`);
      }
    }
  }
  // Both answers occur often: the test says something of each
  assert.ok(asked > 2500, `${asked}`);
  assert.ok(refused > 200, `${refused} passes refused`);
  assert.ok(asked - refused > 1000, `${asked - refused} passes let through`);
  assert.ok(deepAfter > refused, `${deepAfter} outputs past the limit, ${refused} refused`);
});

test('editedRanges: where each edit is in the text after the edits', () => {
  const text = 'abcdefghij';
  const edits: Edit[] = [
    { start: 8, end: 10, text: 'XYZ' },
    { start: 0, end: 0, text: '12' },
    { start: 3, end: 5, text: '' },
  ];
  const out = applyEdits(text, edits);
  assert.equal(out, '12abcfghXYZ');
  const ranges = editedRanges(edits);
  assert.deepEqual(ranges, [[0, 2], [5, 5], [8, 11]]);
  assert.equal(out.slice(8, 11), 'XYZ');
});
