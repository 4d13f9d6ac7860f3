// Blocks counted as CPython counts them (src/python/nesting.ts): the room `blockRoom` gives a statement is
// checked against the compilers themselves (every CPython 3.6-3.13 under ~/.pyenv/versions, and python3),
// which reject one nested block too many ("too many statically nested blocks"). The target version is the
// oldest Python the output runs on, so the room for a target must hold on it and on every later version.
import { strict as assert } from 'node:assert';
import { execFileSync, spawn } from 'node:child_process';
import { test } from 'node:test';
import { versionAtLeast } from '../src/options.js';
import { transformSource } from '../src/api.js';
import { parsePython } from '../src/engine/parse.js';
import { blockRoom, blocksAround, blocksInside, deepestNesting, nestingPastLimit, STATIC_BLOCK_LIMIT } from '../src/python/nesting.js';
import type { FileContext, PythonVersion, SyntaxNode } from '../src/types.js';
import { CPYTHON, pyenvPythons } from './helpers.js';

interface Interpreter {
  exe: string;
  version: PythonVersion;
  patch: number;
}

const versionOf = (exe: string): [number, number, number] =>
  JSON.parse(execFileSync(exe, ['-c', 'import sys; print(list(sys.version_info[:3]))'], { encoding: 'utf8' })) as [number, number, number];

/** One CPython 3 per minor version: the newest patch release under ~/.pyenv/versions, then python3 for a minor not there. */
function installedPythons(): Interpreter[] {
  const found = new Map<number, Interpreter>();
  for (const { exe, minor, patch } of pyenvPythons()) if (minor >= 6) found.set(minor, { exe, version: [3, minor], patch });
  const [major, minor, patch] = versionOf(CPYTHON);
  if (!found.has(minor)) found.set(minor, { exe: CPYTHON, version: [major, minor], patch });
  return [...found.values()].sort((a, b) => a.version[1] - b.version[1]);
}

const PYTHONS = installedPythons();
/** The installed interpreters code for `target` must compile on: the target and every later version. */
const from = (target: PythonVersion) => PYTHONS.filter((p) => versionAtLeast(p.version, target));
/** True when every minor version from `target` to 3.13 is installed: then "one more fails somewhere" is checkable. */
const allFrom = (target: PythonVersion) => from(target).length === 13 - target[1] + 1 && from(target)[0]!.version[1] === target[1];

/** Compiles, "too many statically nested blocks", another error, or the compiler crashed (3.12, 3.13). */
type Outcome = 'ok' | 'deep' | 'other' | 'crash';

const COMPILE_SCRIPT = [
  'import json, sys',
  'for s in json.load(sys.stdin):',
  '    try:',
  '        compile(s, "t", "exec", dont_inherit=True)',
  '        r = "ok"',
  '    except SyntaxError as e:',
  '        r = "deep" if "nested blocks" in str(e) else "other"',
  '    print(r, flush=True)',
].join('\n');

/** For each source, what `exe` makes of it. A compiler that crashes is started again after the source it crashed on. */
async function compileAll(exe: string, sources: readonly string[]): Promise<Outcome[]> {
  const out: Outcome[] = [];
  while (out.length < sources.length) {
    const rest = sources.slice(out.length);
    const { status, stdout } = await new Promise<{ status: number | null; stdout: string }>((resolve, reject) => {
      const child = spawn(exe, ['-c', COMPILE_SCRIPT], { stdio: ['pipe', 'pipe', 'ignore'] });
      let text = '';
      child.stdout.on('data', (d: Buffer) => (text += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ status: code, stdout: text }));
      child.stdin.end(JSON.stringify(rest));
    });
    const done = stdout.split('\n').filter(Boolean) as Outcome[];
    out.push(...done);
    // Ex) 20 `with` items around `[x for x in y]` on 3.12.1: a segmentation fault, not a SyntaxError
    if (status !== 0 && out.length < sources.length) out.push('crash');
    else assert.equal(done.length, rest.length, `${exe} stopped`);
  }
  return out;
}

/** Each source compiled by every interpreter: `results.get(exe)![i]`. Duplicates are compiled once. */
async function compileEverywhere(sources: readonly string[]): Promise<Map<string, Outcome[]>> {
  const unique = [...new Set(sources)];
  const index = new Map(unique.map((s, i) => [s, i]));
  const all = await Promise.all(PYTHONS.map((p) => compileAll(p.exe, unique)));
  return new Map(PYTHONS.map((p, k) => [p.exe, sources.map((s) => all[k]![index.get(s)!]!)]));
}

interface Kind {
  wrap: (body: string[]) => string[];
  /** The oldest Python whose grammar has it. */
  since?: PythonVersion;
  async?: boolean;
}

// Each wraps the lines of `body` (indented one step) in one kind of block, or none.
const KINDS: Record<string, Kind> = {
  for: { wrap: (b) => ['for a in b:', ...b] },
  while: { wrap: (b) => ['while a:', ...b] },
  'for else': { wrap: (b) => ['for a in b:', '    pass', 'else:', ...b] },
  if: { wrap: (b) => ['if a:', ...b] },
  'with 2 items': { wrap: (b) => ['with a as x, b as y:', ...b] },
  'async with': { wrap: (b) => ['async with a as x:', ...b], async: true },
  'async for': { wrap: (b) => ['async for a in b:', ...b], async: true },
  'try body': { wrap: (b) => ['try:', ...b, 'except E:', '    pass'] },
  'except named': { wrap: (b) => ['try:', '    pass', 'except E as e:', ...b] },
  'except bare': { wrap: (b) => ['try:', '    pass', 'except:', ...b] },
  'try else': { wrap: (b) => ['try:', '    pass', 'except E:', '    pass', 'else:', ...b] },
  'finally': { wrap: (b) => ['try:', '    pass', 'finally:', ...b] },
  'try/finally body': { wrap: (b) => ['try:', ...b, 'finally:', '    pass'] },
  // A `try` with handlers and a `finally`: one block more around its body, handlers and `else`.
  'try/except/finally body': { wrap: (b) => ['try:', ...b, 'except E:', '    pass', 'finally:', '    pass'] },
  'try/except/finally handler': { wrap: (b) => ['try:', '    pass', 'except E:', ...b, 'finally:', '    pass'] },
  'try/except/finally named': { wrap: (b) => ['try:', '    pass', 'except E as e:', ...b, 'finally:', '    pass'] },
  'try/except/finally finally': { wrap: (b) => ['try:', '    pass', 'except E:', '    pass', 'finally:', ...b] },
  'try/except/else/finally else': { wrap: (b) => ['try:', '    pass', 'except E:', '    pass', 'else:', ...b, 'finally:', '    pass'] },
  'except* named': { wrap: (b) => ['try:', '    pass', 'except* E as e:', ...b], since: [3, 11] },
  'try/except*/finally body': { wrap: (b) => ['try:', ...b, 'except* E:', '    pass', 'finally:', '    pass'], since: [3, 11] },
  'try/except*/finally handler': { wrap: (b) => ['try:', '    pass', 'except* E:', ...b, 'finally:', '    pass'], since: [3, 11] },
  match: { wrap: (b) => ['match a:', '    case 1:', ...b.map((l) => `    ${l}`)], since: [3, 10] },
};

// The statement a rewrite wraps, marked `# here`: its own blocks count too. `slack`: how many blocks the
// count may be high by. A comprehension is one for 3.12's and 3.13's crash under `with`s and `try`s, none
// for the limit (and loops do not crash); each `async for` in it is one for the limit.
const INNERS: Record<string, Kind & { slack?: number }> = {
  simple: { wrap: () => ['marker = 1  # here'] },
  'try/except/finally': { wrap: () => ['try:  # here', '    marker = 1', 'except E as e:', '    pass', 'finally:', '    pass'] },
  'async for': { wrap: () => ['async for marker in b:  # here', '    pass'], async: true },
  comprehension: { wrap: () => ['marker = [[x for x in y] for y in z]  # here'], slack: 2 },
  'async comprehension': { wrap: () => ['marker = [x async for x in y async for z in x]  # here'], async: true, slack: 1 },
};

// The code object around the kinds: 3.13 compiles one block more in a plain function, class or module.
const CODES: Record<string, { head: string[]; async?: boolean }> = {
  'async def': { head: ['async def f():'], async: true },
  def: { head: ['def f():'] },
  generator: { head: ['def f():', '    yield'] },
  class: { head: ['class C:'] },
  module: { head: [] },
};

interface Shape {
  code: string;
  kinds: string[];
  inner: string;
}

const indent = (lines: string[]) => lines.map((l) => `    ${l}`);
const describe = (s: Shape) => `${s.code}: ${[...s.kinds, `[${s.inner}]`].join(' > ')}`;

/** The program of `shape`, its inner statement inside a `with` of `items` items (none for 0). */
function program(shape: Shape, items: number): string {
  const inner = INNERS[shape.inner]!.wrap([]);
  let body = items === 0 ? inner : [`with ${Array.from({ length: items }, (_, i) => `a as z${i}`).join(', ')}:`, ...indent(inner)];
  for (const k of [...shape.kinds].reverse()) body = KINDS[k]!.wrap(indent(body));
  const { head } = CODES[shape.code]!;
  return [...head, ...(head.length ? indent(body) : body), ''].join('\n');
}

/** The statement marked `# here`: the one its line starts with. */
function markedStatement(root: SyntaxNode): SyntaxNode {
  const { row } = root.descendantsOfType('comment').find((c) => c.text === '# here')!.startPosition;
  const line = root.text.split('\n')[row]!;
  let n = root.descendantForPosition({ row, column: line.length - line.trimStart().length });
  while (n.parent && n.parent.type !== 'block' && n.parent.type !== 'module') n = n.parent;
  return n;
}

const ctxFor = (root: SyntaxNode, target: PythonVersion) => ({ target, root }) as unknown as FileContext;

/** The shapes: each kind under loops close to the limit, each stacked, and mixed; in every code object. */
function shapes(): Shape[] {
  const names = Object.keys(KINDS);
  const stacks: string[][] = [];
  for (const [i, k] of names.entries()) {
    stacks.push([...Array.from({ length: 12 }, () => 'for'), k], [...Array.from({ length: 18 }, () => 'for'), k], Array.from({ length: 9 }, () => k));
    stacks.push([k, names[(i + 3) % names.length]!, names[(i + 7) % names.length]!, 'for', 'for', 'try/except/finally named', 'with 2 items', 'for']);
  }
  const out: Shape[] = [];
  for (const [code, c] of Object.entries(CODES)) {
    for (const kinds of stacks) {
      for (const [inner, i] of Object.entries(INNERS)) {
        const isAsync = kinds.some((k) => KINDS[k]!.async) || i.async;
        if (isAsync && !c.async) continue;
        // The other inner statements under one stack of each kind, and a class body or a module (whose limit
        // is a plain function's) near the limit only, keep the count down.
        if (inner !== 'simple' && kinds.length !== 13) continue;
        if ((code === 'class' || code === 'module') && (inner !== 'simple' || kinds.length !== 19)) continue;
        out.push({ code, kinds, inner });
      }
    }
  }
  return out;
}

/** The oldest version whose grammar has every part of `shape`. */
function since(shape: Shape): PythonVersion {
  let v: PythonVersion = [3, 6];
  for (const k of [...shape.kinds.map((n) => KINDS[n]!), INNERS[shape.inner]!]) if (k.since && versionAtLeast(k.since, v)) v = k.since;
  return v;
}

/**
 * How many blocks the count may be high by: a comprehension's (see INNERS); and, for a target before
 * 3.13, a generator's or coroutine's one (19 there, for 3.12.0-3.12.3, which crash at 20 `with` items or
 * `try`s but compile 20 loops), and for 3.12 the one 3.12.4 added (21, as 3.13).
 */
function slack(shape: Shape, target: PythonVersion): number {
  let n = INNERS[shape.inner]!.slack ?? 0;
  // And the blocks counted before 3.13 for what 3.12.0-3.12.3 push at an `await`, an `async for`'s `__anext__` or an
  // `async with`'s exit, which crash 3.12.1 among `with`s and `try`s but cost nothing among these loops
  if (!versionAtLeast(target, [3, 13])) {
    const root = parsePython(program(shape, 0)).rootNode;
    n += deepestNesting(root, target) - deepestNesting(root, [3, 13]);
  }
  const py312 = PYTHONS.find((p) => p.version[1] === 12);
  if (!versionAtLeast(target, [3, 13]) && (shape.code === 'async def' || shape.code === 'generator')) n++;
  else if (target[1] === 12 && py312 && py312.patch >= 4) n++;
  return n;
}

test('the room blockRoom gives holds on the target and every later CPython, and one block more fails on one of them', async () => {
  const targets = PYTHONS.map((p) => p.version);
  const cases: { shape: Shape; target: PythonVersion; room: number }[] = [];
  for (const shape of shapes()) {
    const root = parsePython(program(shape, 0)).rootNode;
    const stmt = markedStatement(root);
    for (const target of targets) {
      if (!versionAtLeast(target, since(shape))) continue;
      const room = blockRoom(ctxFor(root, target), stmt, stmt);
      assert.ok(Number.isFinite(room) && room <= 25, `${describe(shape)}, target ${target.join('.')}: room ${room}; every CPython has a limit`);
      cases.push({ shape, target, room });
    }
  }
  // For each case: the statement inside a `with` of `room` items (itself for none), then of one item more
  // than the count may be high by.
  const sources = cases.flatMap((c) => [program(c.shape, 0), program(c.shape, Math.max(0, c.room)), program(c.shape, Math.max(0, c.room + 1 + slack(c.shape, c.target)))]);
  const results = await compileEverywhere(sources);
  let exact = 0;
  for (const [i, c] of cases.entries()) {
    const what = `${describe(c.shape)}, target ${c.target.join('.')}, room ${c.room}`;
    const [base, fits, over] = [0, 1, 2].map((k) => from(c.target).map((p) => ({ p, r: results.get(p.exe)![3 * i + k]! })));
    const invalid = [...base!, ...fits!, ...over!].find((x) => x.r === 'other');
    assert.ok(!invalid, `${what}: a program is not valid Python on ${invalid?.p.version.join('.')}`);
    // Already too deep for one of the versions (there, or in a deeper sibling: a handler beside a `finally`):
    // the pipeline's net sees it.
    const tooDeep = base!.find((x) => x.r !== 'ok');
    const past = nestingPastLimit(parsePython(program(c.shape, 0)).rootNode, c.target);
    if (tooDeep) {
      assert.ok(past, `${what}: the program does not compile on ${tooDeep.p.version.join('.')}, yet nestingPastLimit sees nothing`);
      continue;
    }
    if (past && allFrom(c.target)) assert.ok(slack(c.shape, c.target) > 0, `${what}: nestingPastLimit sees ${past.depth} > ${past.limit}, yet it compiles on every version`);
    // Room given is room there: a `with` of that many items compiles.
    if (c.room > 0) {
      for (const { p, r } of fits!) assert.equal(r, 'ok', `${what}: ${c.room} more blocks do not compile on ${p.version.join('.')}`);
    }
    // And not more than there is: one item more fails on one of the versions (with all of them installed).
    if (allFrom(c.target) && c.room + 1 + slack(c.shape, c.target) >= 0) {
      const more = c.room + 1 + slack(c.shape, c.target);
      assert.ok(over!.some((x) => x.r === 'deep' || x.r === 'crash'), `${what}: ${more} more blocks compile on every version from ${c.target.join('.')}`);
      exact++;
    }
  }
  assert.ok(cases.some((c) => c.room <= 0) && cases.some((c) => c.room > 0), 'shapes on both sides of the limit');
  if (PYTHONS.length === 8) assert.ok(exact > 1000, `only ${exact} cases checked for exactness`);
});

interface Rewrite {
  label: string;
  target: PythonVersion;
  input: string;
  output: string;
}

/** Each output compiles on each installed version from its target that compiles its input. */
async function assertCompilesFrom(rewrites: readonly Rewrite[]): Promise<void> {
  const results = await compileEverywhere(rewrites.flatMap((r) => [r.input, r.output]));
  for (const [i, r] of rewrites.entries()) {
    for (const p of from(r.target)) {
      const [before, after] = results.get(p.exe)!.slice(2 * i, 2 * i + 2);
      if (before !== 'ok') continue;
      assert.equal(after, 'ok', `${r.label}, target ${r.target.join('.')}: the output does not compile on ${p.version.join('.')} (the input does)\n${r.output}`);
    }
  }
}

const items = (n: number) => Array.from({ length: n }, () => 'n').join(', ');

test('a try with handlers and a finally: its handlers and body are one block deeper (bug: a with 21 deep)', async () => {
  const handler = (n: number) => `def g(p, n):\n    with ${items(n)}:\n        try:\n            pass\n        except OSError:\n            x = open(p).read()\n        finally:\n            pass\n`;
  const body = (n: number) => `def g(p, n):\n    with ${items(n)}:\n        try:\n            x = open(p).read()\n        except OSError:\n            pass\n        finally:\n            pass\n`;
  const rewrites: Rewrite[] = [];
  for (const target of [[3, 6], [3, 8], [3, 10], [3, 12], [3, 13]] as PythonVersion[]) {
    const fix = (label: string, input: string) => {
      const r = transformSource(input, { targetVersion: target });
      rewrites.push({ label, target, input, output: r.output });
      return r;
    };
    // 17 items and the handler's 3 blocks: 20, as deep as before 3.13; the read stays where it is.
    const deep = fix('handler, 17 items', handler(17));
    if (target[1] < 13) assert.equal(deep.fixesApplied ?? 0, 0, `handler, target ${target.join('.')}: a with 21 deep`);
    // 18 items and the body's 2 (3 for the handler on 3.9 and later): 3.6 compiles it, a with more it does not.
    fix('body, 18 items', body(18));
    // One item fewer leaves room for the with.
    assert.equal(fix('handler, 16 items', handler(16)).fixesApplied, 1, `handler, 16 items, target ${target.join('.')}`);
  }
  await assertCompilesFrom(rewrites);
  const r = transformSource(body(18), { targetVersion: [3, 6] });
  assert.equal(r.fixesApplied ?? 0, 0);
  assert.ok(r.remaining.some((f) => /too many statically nested blocks/.test(f.reason ?? '')));
});

test('3.13 still has a limit: 21 blocks in a plain function, 20 in a generator or coroutine', async () => {
  const plain = (n: number) => `def g(p, n):\n    with ${items(n)}:\n        x = open(p).read()\n`;
  const coroutine = (n: number) => `async def g(p, n):\n    with ${items(n)}:\n        x = open(p).read()\n`;
  const generator = (n: number) => `def g(p, n):\n    with ${items(n)}:\n        x = open(p).read()\n        yield x\n`;
  const cases: [string, number][] = [
    [plain(21), 0],
    [plain(20), 1],
    [coroutine(20), 0],
    [coroutine(19), 1],
    [generator(20), 0],
    [generator(19), 1],
  ];
  const rewrites: Rewrite[] = [];
  for (const [src, fixes] of cases) {
    const r = transformSource(src, { targetVersion: [3, 13] });
    assert.equal(r.status === 'failed' ? r.reason : r.fixesApplied ?? 0, fixes, src);
    rewrites.push({ label: src, target: [3, 13], input: src, output: r.output });
    // Later versions are assumed to keep 3.13's limit.
    assert.equal(transformSource(src, { targetVersion: [3, 14] }).output, r.output);
  }
  await assertCompilesFrom(rewrites);
  // What 3.13 compiles: 21 nested loops in a function, 22 not.
  const py313 = PYTHONS.find((p) => p.version[1] === 13);
  if (py313) {
    const loops = (n: number) => `def f():\n${Array.from({ length: n }, (_, i) => `${'    '.repeat(i + 1)}for a in b:\n`).join('')}${'    '.repeat(n + 1)}pass\n`;
    assert.deepEqual(await compileAll(py313.exe, [loops(21), loops(22)]), ['ok', 'deep']);
  }
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
  // 3.13 compiles one more in a module.
  assert.equal(blockRoom(ctxFor(root, [3, 13]), loop, loop), STATIC_BLOCK_LIMIT + 1 - 5);
  assert.equal(blockRoom(ctxFor(root, [3, 12]), loop, loop), STATIC_BLOCK_LIMIT - 5);
  // With a `finally`, the try's body and handlers are one deeper; its `finally` is not.
  const tef = parsePython('try:\n    a\nexcept E:\n    b\nelse:\n    c\nfinally:\n    d\n').rootNode;
  const [a, b, c, d] = tef.descendantsOfType('expression_statement');
  assert.deepEqual([a, b, c, d].map((n) => blocksAround(n!)), [2, 3, 1, 1]);
  // `async for` needs two blocks at its header on 3.6 and 3.7, and on 3.12.0-3.12.3 (the await of its `__anext__`,
  // gh-116767: under 18 `async with` it crashes 3.12.1's compiler), so for every target before 3.13; one from 3.13.
  const af = parsePython('async def f():\n    async for a in b:\n        pass\n').rootNode.descendantsOfType('for_statement')[0]!;
  assert.equal(blocksInside(af.parent!, [3, 7]), 2);
  assert.equal(blocksInside(af.parent!, [3, 8]), 2);
  assert.equal(blocksInside(af.parent!, [3, 13]), 1);
  // An `await` takes one on 3.12.0-3.12.3 (`await g()` under 19 `async with` crashes 3.12.1), none from 3.13
  const aw = parsePython('async def f():\n    x = await g()\n    if await h():\n        pass\n').rootNode.descendantsOfType('block')[0]!;
  assert.equal(blocksInside(aw, [3, 8]), 1);
  assert.equal(blocksInside(aw, [3, 13]), 0);
  // A list comprehension is a block from 3.12 (and each of its `async for`), counted for every target; a
  // generator expression or a lambda is a code object of its own, but for its first iterable or defaults.
  const comp = parsePython('async def f():\n    x = [a async for a in b async for c in a]\n    y = (a async for a in b)\n').rootNode;
  assert.equal(blocksInside(comp.descendantsOfType('block')[0]!, [3, 13]), 3);
  // (before 3.13 each `async for` clause awaits its `__anext__` one deeper: 3.12.0-3.12.3)
  assert.equal(blocksInside(comp.descendantsOfType('block')[0]!, [3, 8]), 5);
  // An `await` in a comprehension is inside its block; an `async with` exits one deeper than its items (before 3.13)
  const more = (src: string, t: PythonVersion) => blocksInside(parsePython(src).rootNode.descendantsOfType('block')[0]!, t);
  assert.equal(more('async def f():\n    x = [await g(l) for l in y]\n', [3, 8]), 2);
  assert.equal(more('async def f():\n    x = [await g(l) for l in y]\n', [3, 13]), 1);
  assert.equal(more('async def f():\n    async with a, b:\n        pass\n', [3, 8]), 3);
  assert.equal(more('async def f():\n    async with a, b:\n        pass\n', [3, 13]), 2);
  const sync = (src: string) => blocksInside(parsePython(src).rootNode, [3, 6]);
  assert.deepEqual(
    ['[[x for x in y] for y in z]', '{x: 1 for x in y}', '(x for x in y)', '(x for x in [y for y in z])', 'lambda: [x for x in y]', 'lambda a=[y for y in z]: a'].map(sync),
    [2, 1, 0, 1, 0, 1],
  );
  assert.equal(sync('with a, b, c([x for x in y]):\n    pass\n'), 4);
});

test('a fix never nests blocks past the limit: the resources past it are reported with the reason', async () => {
  const args = Array.from({ length: 24 }, (_, i) => `open("p${i}")`).join(', ');
  const deep = (n: number) => Array.from({ length: n }, (_, i) => `${'    '.repeat(i)}for a${i} in b:\n`).join('');
  const src = `print(${args})\n${deep(20)}${'    '.repeat(20)}data = open(p).read()\n`;
  const r = transformSource(src, { targetVersion: [3, 11] });
  assert.equal(r.status, 'changed');
  const left = r.remaining.filter((f) => /too many statically nested blocks/.test(f.reason ?? ''));
  // 4 of the print's resources, and the read 20 loops deep.
  assert.equal(left.length, 5);
  assert.ok(r.output.startsWith('with (\n    open("p0") as _f,\n'));
  assert.equal((r.output.match(/^\s*with /gm) ?? []).length, 1);
  assert.ok(r.output.includes(`${'    '.repeat(20)}data = open(p).read()\n`));
  // 3.13 compiles 21 in a module: the read 20 loops deep gets its with, and one more of the print's
  // resources a second with (one `with` holds at most 20 items); the other 3 are reported.
  const r13 = transformSource(src, { targetVersion: [3, 13] });
  await assertCompilesFrom([
    { label: 'print and read', target: [3, 11], input: src, output: r.output },
    { label: 'print and read', target: [3, 13], input: src, output: r13.output },
  ]);
  assert.equal(r13.remaining.filter((f) => /too many statically nested blocks/.test(f.reason ?? '')).length, 3);
  assert.equal((r13.output.match(/^\s*with /gm) ?? []).length, 3);
});

test('an async for left early under loops: check and fix agree on the room, at every depth (the await of aclose() before 3.13)', () => {
  const src = (n: number) => {
    const loops = Array.from({ length: n }, (_, i) => `${'    '.repeat(i + 1)}for i${i} in range(1):\n`).join('');
    const pad = '    '.repeat(n + 1);
    return `async def produce():\n    try:\n        yield 1\n    finally:\n        print("c")\n\n\nasync def f():\n${loops}${pad}async for x in produce():\n${pad}    break\n`;
  };
  for (const n of [15, 16, 17, 18]) {
    for (const targetVersion of [[3, 8], [3, 13]] as const) {
      const fixed = transformSource(src(n), { targetVersion });
      assert.notEqual(fixed.status, 'failed', `${n} loops, ${targetVersion.join('.')}: ${fixed.reason}`);
      // (What `check` shows: the findings of the input, each with its fix status)
      const offered = fixed.findings.some((f) => f.fixStatus === 'fixable');
      assert.equal(fixed.status === 'changed', offered, `${n} loops, ${targetVersion.join('.')}: check offered ${offered}, fix ${fixed.status}`);
    }
  }
  // 3.8: 16 loops fixed, 17 reported; 3.13: 17 fixed
  assert.equal(transformSource(src(16), { targetVersion: [3, 8] }).status, 'changed');
  assert.equal(transformSource(src(17), { targetVersion: [3, 8] }).status, 'unchanged');
  assert.equal(transformSource(src(17), { targetVersion: [3, 13] }).status, 'changed');
});

test("a fix that would indent a line past the 99 levels CPython's tokenizer takes is refused with that reason; the file's other fixes are made (review rv54b)", () => {
  const deep = (levels: number, unit = '    ') => `x = open("a").read()\n\n\ndef f(p):\n${Array.from({ length: levels - 1 }, (_, i) => `${unit.repeat(i + 1)}if p:\n`).join('')}${unit.repeat(levels)}y = open(p).read()\n`;
  for (const unit of ['    ', ' ', '\t']) {
    const r = transformSource(deep(99, unit), { select: ['open-chain'] });
    assert.equal(r.fixesApplied, 1, JSON.stringify(unit));
    assert.match(r.output, /^with open\("a"\) as _f:/);
    const left = r.findings.find((f) => f.fixStatus === 'none');
    assert.match(left?.reason ?? '', /one more block here would indent a line one level deeper than the 99 levels CPython's tokenizer takes/);
    // One level less: both fixed, and CPython compiles the result
    const ok = transformSource(deep(98, unit), { select: ['open-chain'] });
    assert.equal(ok.fixesApplied, 2, JSON.stringify(unit));
    execFileSync(CPYTHON, ['-c', 'import sys; compile(sys.stdin.read(), "x", "exec")'], { input: ok.output });
  }
});
