// CPython before 3.13 compiles at most 20 nested blocks in one function, class body or module
// (CO_MAXBLOCKS): every `for`/`while` body, `try` body, `except` handler, `finally` body and every item of a
// `with` is one. One more is a SyntaxError, "too many statically nested blocks", which tree-sitter does not
// know of. A rewrite adds blocks (a `with` of three items adds three around the statement and everything
// in it), so it counts them first: `blockRoom`. 3.13 dropped the limit; PyPy never had it.
import type { FileContext, PythonVersion, SyntaxNode } from '../types.js';
import { statementIndex, statementSiblings } from './wrap.js';

/** The most blocks CPython before 3.13 nests in one code object. */
export const STATIC_BLOCK_LIMIT = 20;

/** True when code for `target` must stay within `STATIC_BLOCK_LIMIT`. */
export function hasBlockLimit(target: PythonVersion): boolean {
  return target[0] === 3 && target[1] < 13;
}

// A new code object: its blocks start again from none.
const CODE_OBJECTS = new Set(['function_definition', 'class_definition', 'lambda']);

/** The with items of a `with` statement. */
function withItemCount(stmt: SyntaxNode): number {
  const clause = stmt.namedChildren.find((c) => c.type === 'with_clause');
  return clause ? clause.namedChildren.filter((c) => c.type === 'with_item').length : 0;
}

/**
 * The blocks CPython opens around `child` of the compound statement `parent`. Counted high where versions
 * differ: an `except` handler is two (the handler, and the cleanup of its `as` name), a `finally` body one.
 */
function blocksFor(parent: SyntaxNode, child: SyntaxNode): number {
  switch (parent.type) {
    case 'for_statement':
    case 'while_statement':
      return parent.childForFieldName('body')?.id === child.id ? 1 : 0;
    case 'try_statement':
      if (parent.childForFieldName('body')?.id === child.id) return 1;
      if (child.type === 'except_clause' || child.type === 'except_group_clause') return 2;
      return child.type === 'finally_clause' ? 1 : 0;
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

// Statements and the parts of compound statements: where blocks can be. Expressions hold none (a lambda
// or a comprehension is a code object of its own, or opens no block).
const STRUCTURAL = /(?:_statement|_clause|^block|^module)$/;

/** The most blocks any statement inside `node` (a statement, a block, a module) sits in, counted from `node`. */
export function blocksInside(node: SyntaxNode): number {
  let most = 0;
  for (const c of node.namedChildren) {
    if (CODE_OBJECTS.has(c.type) || !STRUCTURAL.test(c.type)) continue;
    most = Math.max(most, blocksFor(node, c) + blocksInside(c));
  }
  return most;
}

/**
 * How many blocks a rewrite may put around the sibling statements `first`…`last` and keep every code
 * object within the limit: `Infinity` when the target has none.
 */
export function blockRoom(ctx: FileContext, first: SyntaxNode, last: SyntaxNode): number {
  if (!hasBlockLimit(ctx.target)) return Infinity;
  const block = first.parent;
  let inside = 0;
  if (block) {
    const siblings = statementSiblings(block);
    const to = statementIndex(block, last);
    for (let i = Math.max(0, statementIndex(block, first)); i <= to; i++) inside = Math.max(inside, blocksInside(siblings[i]!));
  }
  return STATIC_BLOCK_LIMIT - blocksAround(first) - inside;
}

/**
 * The most items withify puts in one `with`, whatever the target: past the limit of Python before 3.13,
 * a header is no longer code anyone reads (and every resource of the statement carries the whole fix).
 */
export const MAX_WITH_ITEMS = STATIC_BLOCK_LIMIT;

/** The reason given when a rewrite would need `needed` more blocks than `room` allows. */
export function tooDeepReason(needed: number, room: number): string {
  const what = needed === 1 ? 'one more block' : `${needed} more blocks`;
  return `${what} here would nest ${STATIC_BLOCK_LIMIT - room + needed} deep, and Python before 3.13 compiles at most ${STATIC_BLOCK_LIMIT} ("too many statically nested blocks")`;
}

/** The most blocks any statement of the module sits in, within its own code object (function, class, module). */
export function deepestNesting(root: SyntaxNode): number {
  let most = blocksInside(root);
  for (const def of root.descendantsOfType(['function_definition', 'class_definition'])) {
    const body = def.childForFieldName('body');
    if (body) most = Math.max(most, blocksInside(body));
  }
  return most;
}
