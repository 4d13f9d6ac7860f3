// CPython compiles a bounded number of nested blocks in one function, class body or module; one more is a
// SyntaxError, "too many statically nested blocks", which tree-sitter does not know of. A rewrite adds
// blocks (a `with` of three items adds three around the statement and everything in it), so it counts them
// first: `blockRoom`. PyPy has no such limit.
//
// What each compiler counts, measured on 3.6 to 3.13 (the deepest each shape compiles on each version;
// test/nesting.test.ts checks the counts against the installed compilers):
//
//   blocks around the code of                 3.6-3.8   3.9-3.13
//   `for`/`while`/`async for` body                  1          1   (their `else`: 0)
//   each `with`/`async with` item                   1          1
//   `try` body                                      1          1   2 when the `try` has handlers and a `finally`
//   `except`/`except*` handler                      1          2   3 with a `finally`
//   `try`'s `else`                                  0          0   1 with a `finally`
//   `finally` body                                  1          1
//   `async for` itself, at its header               2          1   2 on 3.12.0-3.12.3 (below)
//   `async for` of a list, set or dict comprehension 0         1   from 3.12, which compiles it inline
//   an `await` in a statement                       0          0   1 on 3.12.0-3.12.3 (below)
//   an `async with`'s exit                          0          0   one more than its items on 3.12.0-3.12.3
//
//   the most blocks                    3.6-3.12.3   3.12.4, 3.13
//   module, class body, plain function         20             21
//   generator or coroutine                     20             20
//
// Not every excess is a SyntaxError:
// - 3.12 and 3.13 compile a comprehension inline (PEP 709), in an exception handler the limit does not
//   count: 20 `with` items around `[x for x in y]` crash the 3.12.1 compiler (a segmentation fault), 21
//   around `[[x for x in y] for y in z]` crash 3.13's. So every comprehension counts as a block.
// - 3.12.0 to 3.12.3 crash on 20 `with` items or `try`s in a generator or coroutine (CPython gh-116767,
//   whose fix brought 3.12.4 the limits of 3.13): 19 there. Their `await` pushes an entry too, as does the
//   await of an `async for`'s `__anext__`: `await g()` under 19 `async with`, `async for` under 18, crash
//   3.12.1's compiler (a segmentation fault), so each counts one more for every target before 3.13.
// - 3.6 and 3.7 compile a named handler's body at one block but run it at two (the handler, and the cleanup
//   of its `as` name): a body 20 deep there compiles, then aborts ("Fatal Python error: XXX block stack
//   overflow"). 3.9's count of two covers it.
//
// `targetVersion` is the oldest Python the output must run on, so the count is the highest of every
// version from the target on, and the limit the lowest: 20 before 3.13 and 21 from it, one fewer in a
// generator or coroutine. Versions after 3.13 are assumed to keep its limit.
import { versionAtLeast } from '../options.js';
import type { FileContext, PythonVersion, SyntaxNode } from '../types.js';
import { containsYield } from './evaluation.js';
import { startsAsync } from './generators.js';
import { memoized } from './memo.js';
import { MAX_INDENT_LEVELS } from './outline.js';
import { statementIndex, statementSiblings } from './wrap.js';

/** The most blocks CPython before 3.13 nests in one code object. */
export const STATIC_BLOCK_LIMIT = 20;

/** The most blocks CPython 3.13 nests in a module, a class body or a function that is neither a generator nor a coroutine. */
export const STATIC_BLOCK_LIMIT_313 = 21;

// A new code object: its blocks start again from none.
const CODE_OBJECTS = new Set(['function_definition', 'class_definition', 'lambda']);

/** The code object `node` is compiled in: a function or class definition, or the module (null). */
function codeObjectOf(node: SyntaxNode): SyntaxNode | null {
  for (let p = node.parent; p; p = p.parent) if (CODE_OBJECTS.has(p.type)) return p;
  return null;
}

/** True when `def` is a coroutine or a generator: `async def`, or a `yield` in its own body (memoised). */
function isGeneratorOrCoroutine(def: SyntaxNode): boolean {
  const body = def.childForFieldName('body');
  return startsAsync(def) || (!!body && containsYield(body));
}

/**
 * The most blocks every CPython from `target` on compiles in `code` (a definition, or null for the module):
 * 20 before 3.13 and 21 from it, one fewer in a generator or coroutine.
 */
export function blockLimit(target: PythonVersion, code: SyntaxNode | null): number {
  const limit = versionAtLeast(target, [3, 13]) ? STATIC_BLOCK_LIMIT_313 : STATIC_BLOCK_LIMIT;
  // Ex) `async def f():`, `def f(): yield`: one block more around the body (3.13), or a crash at 20 (3.12.0-3.12.3)
  return code?.type === 'function_definition' && isGeneratorOrCoroutine(code) ? limit - 1 : limit;
}

/** The with items of a `with` statement. */
function withItemCount(stmt: SyntaxNode): number {
  const clause = stmt.namedChildren.find((c) => c.type === 'with_clause');
  return clause ? clause.namedChildren.filter((c) => c.type === 'with_item').length : 0;
}

const isHandler = (n: SyntaxNode) => n.type === 'except_clause' || n.type === 'except_group_clause';

/**
 * The blocks CPython opens around `child` of the compound statement `parent`, the most of any version
 * (see the table above). A `try` with handlers and a `finally` is a `try`/`finally` around a
 * `try`/`except`: one more around its body, handlers and `else`.
 */
function blocksFor(parent: SyntaxNode, child: SyntaxNode): number {
  switch (parent.type) {
    case 'for_statement':
    case 'while_statement':
      return parent.childForFieldName('body')?.id === child.id ? 1 : 0;
    case 'try_statement': {
      if (child.type === 'finally_clause') return 1;
      const hasFinally = parent.namedChildren.some((c) => c.type === 'finally_clause');
      const outer = hasFinally && parent.namedChildren.some(isHandler) ? 1 : 0;
      if (parent.childForFieldName('body')?.id === child.id) return 1 + outer;
      if (isHandler(child)) return 2 + outer;
      return child.type === 'else_clause' ? outer : 0;
    }
    case 'with_statement':
      return parent.childForFieldName('body')?.id === child.id ? withItemCount(parent) : 0;
    default:
      return 0;
  }
}

/** The blocks around `node` in its code object. */
export function blocksAround(node: SyntaxNode): number {
  let n = 0;
  for (let child = node, p = node.parent; p && !CODE_OBJECTS.has(p.type); child = p, p = p.parent) n += blocksFor(p, child);
  return n;
}

// Statements and the parts of compound statements: where blocks can be. Expressions hold none but
// comprehensions (a lambda or a generator expression is a code object of its own).
const STRUCTURAL = /(?:_statement|_clause|^block|^module)$/;
const COMPREHENSIONS = ['list_comprehension', 'set_comprehension', 'dictionary_comprehension'];
const AWAITS = ['await'];

// Per tree and node type: the nodes that hold one. The pipeline counts the blocks of the whole file after every
// pass: asking each expression for its comprehensions took 5% of a run over the stdlib.
const holdersCache = new WeakMap<object, Map<string, ReadonlySet<number>>>();

/** The ids of the nodes of `node`'s tree that are or hold a node of one of `types`. */
function holdersOf(node: SyntaxNode, types: readonly string[]): ReadonlySet<number> {
  return memoized(holdersCache, node.tree, types.join(), () => {
    const ids = new Set<number>();
    for (const found of node.tree.rootNode.descendantsOfType([...types])) {
      for (let x: SyntaxNode | null = found; x && !ids.has(x.id); x = x.parent) ids.add(x.id);
    }
    return ids;
  });
}

/**
 * The blocks the list, set and dict comprehensions of the expression `expr` nest, as 3.12 compiles them
 * into the code around them: one each, and one more for each `async for`. Counted high: a comprehension in
 * another's first iterable counts as inside it.
 */
function comprehensionBlocks(expr: SyntaxNode, target: PythonVersion = [3, 8]): number {
  // (An `async for` clause awaits its `__anext__`: one more on 3.12.0-3.12.3, so before 3.13)
  const perAsync = versionAtLeast(target, [3, 13]) ? 1 : 2;
  if (!holdersOf(expr, COMPREHENSIONS).has(expr.id)) return 0;
  let most = 0;
  // From each comprehension up to `expr`, without recursion: a chain of 5,000 `+` is 5,000 deep.
  next: for (const comp of expr.descendantsOfType(COMPREHENSIONS)) {
    let n = 0;
    for (let x: SyntaxNode | null = comp, child: SyntaxNode | null = null; x; child = x, x = x.id === expr.id ? null : x.parent) {
      if (COMPREHENSIONS.includes(x.type)) n += 1 + perAsync * x.namedChildren.filter((c) => c.type === 'for_in_clause' && startsAsync(c)).length;
      // Ex) `lambda: [x for x in y]`, `def f(a=[x for x in y]): …` (its body): a code object of its own
      else if (child && CODE_OBJECTS.has(x.type) && x.childForFieldName('body')?.id === child.id) continue next;
      // Ex) `(x for x in y if [z for z in x])`: one too, but for its first iterable (`(x for x in [y for y in z])`)
      else if (child && x.type === 'generator_expression' && x.namedChildren.find((c) => c.type === 'for_in_clause')?.id !== child.id) continue next;
    }
    most = Math.max(most, n);
  }
  return most;
}

/** What of `node` the code around it runs: all of an expression; of a definition, all but its body. */
function evaluatedHere(node: SyntaxNode): readonly SyntaxNode[] {
  // Ex) `@cache(key=[k for k in ks])` above `def f(a=[x for x in y]):`, not the body of `f`
  if (node.type === 'decorated_definition') return node.namedChildren.flatMap(evaluatedHere);
  if (!CODE_OBJECTS.has(node.type)) return [node];
  const body = node.childForFieldName('body');
  return node.namedChildren.filter((c) => c.id !== body?.id);
}

/**
 * The blocks around the expressions of `node` (a statement or a clause), counted high: as deep as the
 * deepest part of the statement.
 */
function headerBlocks(node: SyntaxNode): number {
  // Ex) `with a, b, [x for x in y] as c:`: the third item is evaluated inside the first two
  if (node.type === 'with_clause') return node.namedChildren.filter((c) => c.type === 'with_item').length;
  return Math.max(0, ...node.namedChildren.map((p) => blocksFor(node, p)));
}

/** The blocks an `async for` statement opens at its header on `target`, whatever its body holds. */
function asyncForBlocks(stmt: SyntaxNode, target: PythonVersion): number {
  // Ex) `async for x in y: pass` 19 deep: 3.6 and 3.7 guard its `__anext__` in a second block; 3.12.0-3.12.3
  // push one more entry for the await of `__anext__` (gh-116767): 18 `async with` around it crash 3.12.1
  return stmt.type === 'for_statement' && startsAsync(stmt) && !versionAtLeast(target, [3, 13]) ? 2 : 0;
}

/**
 * The blocks an `async with` statement takes for its exit on `target`, whatever its body holds: 3.12.0-3.12.3 await
 * its `__aexit__` one block deeper than its body (`async with g(): pass` under 18 `async with` crashes 3.12.1, where
 * `with g(): pass` compiles), so one more than its items before 3.13.
 */
function asyncWithBlocks(stmt: SyntaxNode, target: PythonVersion): number {
  return stmt.type === 'with_statement' && startsAsync(stmt) && !versionAtLeast(target, [3, 13]) ? withItemCount(stmt) + 1 : 0;
}

/**
 * The block an `await` in the expressions of `node` takes on `target` and every later version: 3.12.0-3.12.3 push
 * one exception-stack entry for it (gh-116767): `await g()` under 19 `async with` crash 3.12.1's compiler, where
 * 3.11 and 3.13 compile it. None from 3.13.
 */
function awaitBlocks(node: SyntaxNode, target: PythonVersion): number {
  if (versionAtLeast(target, [3, 13])) return 0;
  const holders = holdersOf(node, AWAITS);
  return holders.size > 0 && evaluatedHere(node).some((e) => holders.has(e.id)) ? 1 : 0;
}

/**
 * The most blocks any statement inside `node` (a statement, a block, a module) sits in, counted from `node`,
 * for code that must compile on `target` and every later version.
 */
export function blocksInside(node: SyntaxNode, target: PythonVersion = [3, 8]): number {
  let most = 0;
  let header = -1;
  for (const c of node.namedChildren) {
    if (STRUCTURAL.test(c.type) && !CODE_OBJECTS.has(c.type)) {
      most = Math.max(most, blocksFor(node, c) + blocksInside(c, target), asyncForBlocks(c, target), asyncWithBlocks(c, target));
      continue;
    }
    // An expression, or a definition's decorators and defaults. Ex) `x = [l for l in f]`
    // (An `await` inside a comprehension is inside its block too: `[await g(l) for l in f]`, 2 before 3.13)
    const own = Math.max(0, ...evaluatedHere(c).map((e) => comprehensionBlocks(e, target))) + awaitBlocks(c, target);
    if (own === 0) continue;
    if (header < 0) header = headerBlocks(node);
    most = Math.max(most, header + own);
  }
  return most;
}

/**
 * How many blocks a rewrite may put around the sibling statements `first`…`last` and keep their code
 * object within the limit of every version from the target on.
 */
export function blockRoom(ctx: FileContext, first: SyntaxNode, last: SyntaxNode): number {
  const block = first.parent;
  let inside = 0;
  if (block) {
    const siblings = statementSiblings(block);
    const to = statementIndex(block, last);
    for (let i = Math.max(0, statementIndex(block, first)); i <= to; i++) inside = Math.max(inside, blocksInside(siblings[i]!, ctx.target));
  }
  const room = blockLimit(ctx.target, codeObjectOf(first)) - blocksAround(first) - inside;
  // Ex) a statement 99 `if`s deep: one more level is CPython's "too many levels of indentation" (review rv54b: the
  // net under the fixes refused the whole file)
  const levels = indentRoom(ctx, first, last);
  indentBound = levels < room ? levels : undefined;
  return Math.min(room, levels);
}

/** The room `blockRoom` last gave when the levels of indentation, not the nested blocks, bounded it (for `tooDeepReason`). */
let indentBound: number | undefined;

/** A line indented 80 columns or more: only then can a statement be near the tokenizer's 99 levels. */
const saysDeep = (text: string) => /^[ \t\f]{80,}\S/m.test(text);
const deepMemo = new WeakMap<object, Map<string, boolean>>();

/**
 * How many levels of indentation a rewrite may add around `first`…`last` before a line of them passes the 99 CPython's
 * tokenizer takes: each `block` around a statement is one level.
 */
function indentRoom(ctx: FileContext, first: SyntaxNode, last: SyntaxNode): number {
  if (!memoized(deepMemo, ctx, '', () => saysDeep(ctx.source))) return Infinity;
  const levelsOf = (n: SyntaxNode) => {
    let k = 0;
    for (let a = n.parent; a; a = a.parent) if (a.type === 'block') k++;
    return k;
  };
  let deepest = levelsOf(first);
  const block = first.parent;
  if (block) {
    const siblings = statementSiblings(block);
    const to = statementIndex(block, last);
    for (let i = Math.max(0, statementIndex(block, first)); i <= to; i++) {
      for (const b of siblings[i]!.descendantsOfType('block')) deepest = Math.max(deepest, levelsOf(b) + 1);
    }
  }
  return MAX_INDENT_LEVELS - deepest;
}

/**
 * The most items withify puts in one `with`, whatever the target: past the limit of Python before 3.13,
 * a header is no longer code anyone reads (and every resource of the statement carries the whole fix).
 */
export const MAX_WITH_ITEMS = STATIC_BLOCK_LIMIT;

/** The reason given when a rewrite would need `needed` more blocks than `room` allows. */
export function tooDeepReason(needed: number, room: number): string {
  const what = needed === 1 ? 'one more block' : `${needed} more blocks`;
  const over = needed - room;
  if (indentBound === room) return `${what} here would indent a line ${over === 1 ? 'one level' : `${over} levels`} deeper than the ${MAX_INDENT_LEVELS} levels CPython's tokenizer takes ("too many levels of indentation")`;
  return `${what} here would nest ${over === 1 ? 'one block' : `${over} blocks`} deeper than CPython compiles ("too many statically nested blocks": at most ${STATIC_BLOCK_LIMIT} before Python 3.13, ${STATIC_BLOCK_LIMIT_313} from 3.13, one fewer in a generator or coroutine)`;
}

/** The most blocks any statement of the module sits in, within its own code object (function, class, module). */
export function deepestNesting(root: SyntaxNode, target: PythonVersion = [3, 8]): number {
  let most = blocksInside(root, target);
  for (const def of root.descendantsOfType(['function_definition', 'class_definition'])) {
    const body = def.childForFieldName('body');
    if (body) most = Math.max(most, blocksInside(body, target));
  }
  return most;
}

/**
 * The first code object of the module (a function, a class body, the module itself) that nests more blocks
 * than every version from `target` on compiles: how deep, the limit there, and which compiler sets it.
 * Undefined when none does.
 *
 * `edited`: `root` is the tree of a rewrite, and these are the ranges of its text the rewrite wrote
 * (`editedRanges`); only the module and the definitions that hold or touch one are looked at. Every other
 * definition is text the input had, so it nests as deep there, and a caller that asks whether the rewrite
 * nests too deep where the input did not (the pipeline's net, `tryPass`) gets the same answer. Counting the
 * blocks of every definition of every pass took 7% of a `diff` of the stdlib.
 */
export function nestingPastLimit(root: SyntaxNode, target: PythonVersion, edited?: ReadonlyArray<readonly [number, number]>): { depth: number; limit: number; compiler: string } | undefined {
  let defs = root.descendantsOfType(['function_definition', 'class_definition']);
  let module = true;
  if (edited) {
    // A definition no edit wrote in, or next to, is as it was, and so nests as deep as it did; the module too
    // when every edit is inside the body of a definition (`edited`: see above)
    defs = defs.filter((d) => edited.some(([s, e]) => d.startIndex <= e + 1 && s - 1 <= d.endIndex));
    const bodies = defs.map((d) => d.childForFieldName('body'));
    module = edited.some(([s, e]) => !bodies.some((b) => b !== null && b.startIndex < s - 1 && e + 1 < b.endIndex));
  }
  const codes: (SyntaxNode | null)[] = module ? [null, ...defs] : defs;
  for (const code of codes) {
    const body = code ? code.childForFieldName('body') : root;
    const depth = body ? blocksInside(body, target) : 0;
    if (depth < STATIC_BLOCK_LIMIT) continue;
    const limit = blockLimit(target, code);
    if (depth <= limit) continue;
    const version = versionAtLeast(target, [3, 13]) ? 'Python 3.13' : 'Python before 3.13';
    const compiler = code?.type === 'function_definition' && isGeneratorOrCoroutine(code) ? `${version} compiles in a generator or coroutine` : `${version} compiles`;
    return { depth, limit, compiler };
  }
  return undefined;
}
