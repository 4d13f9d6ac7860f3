// A value kept in a local variable of a function for the rest of the function: `it = rows(p)`,
// `tmp = tempfile.TemporaryDirectory()`. CPython drops it when the function's frame goes (at its return, or
// when the exception leaving it has been handled), which is when a generator is closed or a temporary directory
// removed; PyPy does it at some later garbage collection. A fix that does the same at the same point wraps the
// rest of the function: `try:` … `finally:` around every statement after the assignment, or `with name:`.
import type { Edit, FileContext, SyntaxNode } from '../types.js';
import { identifiersNamed, scopeOf, within } from './scopes.js';
import { mixedIndentReason, statementIndent, statementIndex, statementSiblings, planWrap } from './wrap.js';
import { blockRoom, tooDeepReason } from './nesting.js';
import { dynamicLookupAfter } from './resource-flow.js';
import { isExtra, outerParens, withItemOfPattern } from './statements.js';
import { startsAsync } from './generators.js';
import { calleeName } from './imports.js';

export interface KeptLocal {
  /** The statement `name = call`, one of the function's own body. */
  stmt: SyntaxNode;
  name: string;
  /** The function whose body holds `stmt`. */
  fn: SyntaxNode;
  /** Every read of `name` after `stmt`, in document order, all in the function's own scope. */
  reads: SyntaxNode[];
  /**
   * The values kept ahead of it whose `finally:` holds the rest of the function (`restOfFunction`): a fix closes
   * this one before them, where CPython dropped them first (a frame's variables go in their order).
   */
  after: string[];
}

/**
 * `name = call` (the call maybe parenthesized) as a statement of a function's own body (or of a `try` that holds
 * the rest of it and only closes kept values, see `restOfFunction`), not inside a loop, an `if` or another block,
 * where the function binds `name` nowhere else (no `global`/`nonlocal` either), calls none
 * of the builtins `locals()`, `vars()`, `eval()`, `exec()`, `globals()` after it (`dynamicLookupAfter`), and
 * reads `name` only after the statement and in its own scope (not in a nested function, lambda, class or
 * comprehension). Otherwise `undefined`.
 */
export function keptLocal(ctx: FileContext, call: SyntaxNode): KeptLocal | undefined {
  const bound = nameAssignment(call);
  return bound && keptTargets(ctx, { ...bound, targets: [bound.target] }, false);
}

/**
 * `name = call` as `keptLocal` asks, but as a statement of a block inside the function (an `if`, a `with`, a
 * `try`; no loop between): no fix of this kind can hold the rest of the function from there, so such a value is
 * reported, not fixed. `holder` is the statement whose block holds the assignment. Reads may follow that block.
 * Ex) `if c:` / `it = rows(3)` / `next(it)`; `with open(p) as fh:` / `it = rows(3)` (open-assign's fix wrote the
 * `with` around a kept generator).
 */
export function keptLocalNested(ctx: FileContext, call: SyntaxNode): (KeptLocal & { holder: SyntaxNode }) | undefined {
  const bound = nameAssignment(call);
  return bound && (keptTargets(ctx, { ...bound, targets: [bound.target] }, true) as (KeptLocal & { holder: SyntaxNode }) | undefined);
}

/**
 * The value kept in `bound.targets` (one name, or the names of an unpacking) by `bound.stmt`: `keptLocal`'s, or
 * with `nested` `keptLocalNested`'s (with its `holder`). `name` lists the names (`a, b`), `reads` holds the reads of
 * all of them in document order.
 */
function keptTargets(ctx: FileContext, bound: { targets: readonly SyntaxNode[]; stmt: SyntaxNode; block: SyntaxNode }, nested: boolean): (KeptLocal & { holder?: SyntaxNode }) | undefined {
  const { targets, stmt } = bound;
  const after: string[] = [];
  const inRest = restOfFunction(ctx, bound.block, nested ? [] : after);
  if (nested && inRest) return undefined;
  const fn = nested ? enclosingFunction(bound.block) : inRest;
  const holder = nested ? bound.block.parent : undefined;
  if (!fn || (nested && !holder)) return undefined;
  // The reads of a nested one may follow its block, up to the end of the function
  const block = nested ? fn.childForFieldName('body')! : bound.block;
  if (dynamicLookupAfter(ctx, fn, stmt)) return undefined;
  const reads: SyntaxNode[] = [];
  for (const target of targets) {
    const own = ownReads(ctx, fn, stmt, block, target);
    if (!own) return undefined;
    reads.push(...own);
  }
  if (targets.length > 1) reads.sort((x, y) => x.startIndex - y.startIndex);
  return { stmt, name: targets.map((t) => t.text).join(', '), fn, reads, after, ...(holder ? { holder } : {}) };
}

/**
 * The reads of `target` (a name `stmt` binds) in `fn`, when `fn` binds it nowhere else and reads it only after `stmt`,
 * within `block` and in its own scope; else `undefined`.
 */
function ownReads(ctx: FileContext, fn: SyntaxNode, stmt: SyntaxNode, block: SyntaxNode, target: SyntaxNode): SyntaxNode[] | undefined {
  const name = target.text;
  const bindings = ctx.names.bindings(fn).get(name) ?? [];
  if (bindings.length !== 1 || bindings[0]!.kind !== 'assign' || !within(bindings[0]!.node, stmt)) return undefined;
  const reads: SyntaxNode[] = [];
  for (const id of identifiersNamed(fn.childForFieldName('body')!, name, ctx.source)) {
    if (id.id === target.id) continue;
    // Ex) a read before the assignment, in a nested function, lambda, class or generator expression, or in a
    // `finally:` around it
    if (id.startIndex < stmt.endIndex || id.endIndex > block.endIndex || runsIn(id) !== fn.id) return undefined;
    reads.push(id);
  }
  return reads;
}

/** The list, set and dict comprehensions: run to their end where they stand (not a generator expression, which is lazy). */
const EAGER_COMPREHENSIONS: ReadonlySet<string> = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension']);

/**
 * The id of the scope whose code runs `id` where it stands: its own scope's, or for a read in a list, set or dict
 * comprehension that of the code around it (`[os.path.join(tmp.name, n) for n in names]`, review rw1).
 */
function runsIn(id: SyntaxNode): number {
  let s = scopeOf(id);
  while (EAGER_COMPREHENSIONS.has(s.type)) s = scopeOf(s);
  return s.id;
}

/**
 * The function whose own body holds `block` through compound statements that run it at most once (`if`, `with`,
 * `try`, `match`, a loop's `else:`); `undefined` across a loop's body, a class, or at module level.
 */
function enclosingFunction(block: SyntaxNode): SyntaxNode | undefined {
  for (let b: SyntaxNode | null = block, from: SyntaxNode | null = null; b; from = b, b = b.parent) {
    const t = b.type;
    if (t === 'function_definition') return b;
    // Ex) `for x in xs: … else: it = rows()`: a loop's `else:` runs at most once
    if ((t === 'for_statement' || t === 'while_statement') && from?.type === 'else_clause') continue;
    if (t === 'for_statement' || t === 'while_statement' || t === 'class_definition' || t === 'module' || t === 'lambda') return undefined;
    if (t.endsWith('comprehension') || t === 'generator_expression') return undefined;
  }
  return undefined;
}

/** `name = call` (the call maybe parenthesized) as a statement of a block: the name, the statement and the block. */
export function nameAssignment(call: SyntaxNode): { target: SyntaxNode; stmt: SyntaxNode; block: SyntaxNode } | undefined {
  let cur = call;
  while (cur.parent?.type === 'parenthesized_expression') cur = cur.parent;
  const assign = cur.parent;
  if (assign?.type !== 'assignment' || assign.childForFieldName('right')?.id !== cur.id) return undefined;
  const target = assign.childForFieldName('left');
  const stmt = assign.parent;
  const block = stmt?.parent;
  if (target?.type !== 'identifier' || stmt?.type !== 'expression_statement' || block?.type !== 'block') return undefined;
  return { target, stmt, block };
}

/**
 * What a finding adds when `kept` sits in the `try` of values kept ahead of it (`kept.after`), whose fix is then
 * unsafe: it `does` (closes it, removes it) first, where CPython dropped those first (a frame's variables go in
 * their order). `undefined` when there are none.
 */
export function orderNote(kept: KeptLocal, does: string): string | undefined {
  if (!kept.after.length) return undefined;
  const them = kept.after.map((n) => `\`${n}\``).join(', ');
  return `; ${does} inside the block that closes ${them} at its end runs its cleanup before ${kept.after.length > 1 ? 'theirs' : `${them}'s`}, where CPython dropped ${them} first (a frame's variables go in their order)`;
}

/** Context managers whose `as` name keeps the exception they catch, and with it the traceback: pytest's, unittest's. */
const KEEPS_EXCEPTION = /(?:^|\.)(?:raises|assertRaises|assertRaisesRegex|assertRaisesRegexp)$/;

/** Builtins that read an exception and keep nothing of it. */
const LOOKS_AT = new Set(['builtins.str', 'builtins.repr', 'builtins.print', 'builtins.isinstance', 'builtins.type', 'builtins.format', 'builtins.len', 'builtins.bool', 'builtins.id']);

/**
 * True when the read `id` of a handler's `as` name may keep the exception past the handler: stored, appended, handed to
 * a call. Not inside a `raise` (`raise e`, `raise Other() from e`: it leaves the function, as before), an attribute read
 * (`e.args`; not `e.__traceback__`), a comparison, an f-string's field, a builtin that only looks (`str(e)`, `print(e)`).
 */
function keepsException(ctx: FileContext, id: SyntaxNode): boolean {
  let cur = id;
  while (cur.parent?.type === 'parenthesized_expression') cur = cur.parent;
  const p = cur.parent;
  if (!p) return true;
  // Ex) `raise e`, `raise Other() from e`, `raise Other(e)`: it leaves the function with the exception raised (not `raise
  // keep(e)`, a call that may store it)
  if (p.type === 'raise_statement') return false;
  const raised = p.type === 'argument_list' && p.parent?.type === 'call' ? outerParens(p.parent) : undefined;
  if (raised?.parent?.type === 'raise_statement' && /^[A-Z]/.test(p.parent!.childForFieldName('function')?.text.split('.').at(-1) ?? '')) return false;
  // Ex) `e.args`, `e.errno` (not `e.__traceback__`, `e.__context__`, `e.with_traceback`, which hold frames or `e`)
  if (p.type === 'attribute' && p.childForFieldName('object')?.id === cur.id) {
    const attr = p.childForFieldName('attribute')?.text ?? '';
    return attr.startsWith('_') || attr === 'with_traceback';
  }
  // (Not `e or None`, `cond and e`: their value may be `e` itself)
  if (p.type === 'comparison_operator' || p.type === 'interpolation' || p.type === 'not_operator') return false;
  if (p.type === 'argument_list' && p.parent?.type === 'call' && LOOKS_AT.has(calleeName(ctx.names, p.parent) ?? '')) return false;
  return true;
}

/**
 * Where the function `fn` may keep an exception past its handler, and with its traceback its own frame (and `does`
 * to the kept value what CPython did only when that went): an `except … as e:` whose `e` is used other than by `raise
 * e` (appended, stored, handed to a call), `sys.exc_info()` or `sys.exception()` called, a `with raises(…) as cm:`.
 * `undefined` when nothing shows it.
 */
export function exceptionKeptNote(ctx: FileContext, kept: KeptLocal, does: string): string | undefined {
  const fn = kept.fn;
  const own = (n: SyntaxNode) => scopeOf(n).id === fn.id;
  let where: SyntaxNode | undefined;
  for (const h of fn.descendantsOfType('except_clause')) {
    if (!own(h)) continue;
    const alias = h.namedChildren.find((c) => c.type === 'as_pattern')?.childForFieldName('alias') ?? h.childForFieldName('alias');
    const name = alias?.type === 'as_pattern_target' ? alias.namedChildren[0] : alias;
    const block = h.namedChildren.find((c) => c.type === 'block');
    if (!name || name.type !== 'identifier' || !block) continue;
    const kept_ = identifiersNamed(block, name.text, ctx.source).find((id) => keepsException(ctx, id));
    if (kept_) {
      where = kept_;
      break;
    }
  }
  if (!where) {
    where = fn.descendantsOfType('call').find((c) => {
      if (!own(c)) return false;
      const name = calleeName(ctx.names, c) ?? '';
      if (name === 'sys.exc_info' || name === 'sys.exception') return true;
      // (`with pytest.raises(E) as info:`: the name keeps it; without `as`, nothing does)
      return withItemOfPattern(c.parent) !== null && KEEPS_EXCEPTION.test(c.childForFieldName('function')?.text.replace(/\s+/g, '') ?? '');
    });
  }
  if (!where) return undefined;
  return `; \`${where.text.length > 40 ? `${where.text.slice(0, 39)}…` : where.text}\` on line ${where.startPosition.row + 1} may keep an exception, whose traceback holds the function's frame and \`${kept.name}\` in it: CPython ${does} only when that exception went, the fix at the end of the function`;
}

/**
 * What a finding adds when a generator with cleanup was bound earlier in the function, outside the blocks that
 * `kept.after` names (`if c: a = rows(1)`, which gets no fix of its own; `earlier`: the file's bindings of such
 * generators): `does` (closing `kept`, removing it) at the end of the function runs first, where CPython dropped
 * that one first (a frame's variables go in their order). `undefined` when there is none.
 */
export function aheadNote(kept: KeptLocal, earlier: readonly { fn: number; name: string; stmt: SyntaxNode }[], does: string): string | undefined {
  const ahead = earlier.find((b) => b.fn === kept.fn.id && b.name !== kept.name && !kept.after.includes(b.name) && b.stmt.startIndex < kept.stmt.startIndex);
  if (!ahead) return undefined;
  return `; ${does} runs that before the cleanup of \`${ahead.name}\` (line ${ahead.stmt.startPosition.row + 1}), where CPython dropped \`${ahead.name}\` first (a frame's variables go in their order)`;
}

/**
 * The function whose rest `block` holds: its body, or the body of a `try` whose `finally:` only closes kept
 * values (`it.close()`, `await it.aclose()`, as a fix of this kind writes), or of a `with name:` (tempdir-kept's),
 * which ends that rest itself.
 * Ex) `left = rows(3)` / `try:` / `right = rows(4)` … / `finally: left.close()`: `right` is kept to the end too.
 */
function restOfFunction(ctx: FileContext, block: SyntaxNode, closed: string[]): SyntaxNode | undefined {
  for (let b = block; ; ) {
    const holder = b.parent;
    if (holder?.type === 'function_definition') return holder.childForFieldName('body')?.id === b.id ? holder : undefined;
    // Ex) `a = TemporaryDirectory()` / `with a:` / `b = TemporaryDirectory()` …: tempdir-kept's fix of `a` holds the rest
    const entered = holder?.type === 'with_statement' && holder.childForFieldName('body')?.id === b.id ? enteredName(ctx, holder) : undefined;
    if (!entered && (holder?.type !== 'try_statement' || holder.childForFieldName('body')?.id !== b.id)) return undefined;
    const names = entered ? [entered] : closedInFinally(holder!);
    if (!names) return undefined;
    closed.unshift(...names);
    const outer = holder!.parent;
    if (outer?.type !== 'block' || statementSiblings(outer).at(-1)?.id !== holder!.id) return undefined;
    b = outer;
  }
}

/**
 * The name a `with name:` enters, as tempdir-kept writes it: one item, a plain name, no `as`, right after the
 * statement `name = tempfile.TemporaryDirectory(…)`; else `undefined`. Ex) `with LOCK:` over a global lock
 * closes nothing at its end: a generator closed inside it would run its cleanup under the lock.
 */
function enteredName(ctx: FileContext, w: SyntaxNode): string | undefined {
  if (startsAsync(w)) return undefined;
  const items = w.descendantsOfType('with_item').filter((i) => i.parent?.parent?.id === w.id);
  const value = items.length === 1 ? items[0]!.childForFieldName('value') : null;
  if (value?.type !== 'identifier' || !w.parent) return undefined;
  const siblings = statementSiblings(w.parent);
  const before = siblings[statementIndex(w.parent, w) - 1];
  const assign = before?.type === 'expression_statement' ? before.namedChildren[0] : undefined;
  const right = assign?.type === 'assignment' && assign.childForFieldName('left')?.text === value.text ? assign.childForFieldName('right') : undefined;
  return right?.type === 'call' && calleeName(ctx.names, right) === 'tempfile.TemporaryDirectory' ? value.text : undefined;
}

const CLOSES = /^(?:await[ \t]+)?([A-Za-z_]\w*)\.a?close\(\)$/;

/**
 * The names a `try` with no `except` or `else` closes in its `finally:`, when that holds only `x.close()` /
 * `await x.aclose()` statements, or such a statement alone under `if x is not None:` (a generator kept through a
 * branch, `it = (gen := rows()) if c else []`); else `undefined`.
 */
function closedInFinally(tryStmt: SyntaxNode): string[] | undefined {
  const clauses = tryStmt.namedChildren.filter((c) => !isExtra(c) && c.id !== tryStmt.childForFieldName('body')?.id);
  if (clauses.length !== 1 || clauses[0]!.type !== 'finally_clause') return undefined;
  const body = clauses[0]!.namedChildren.find((c) => c.type === 'block');
  const names: string[] = [];
  for (const st of body ? statementSiblings(body) : []) {
    const m = st.type === 'expression_statement' ? CLOSES.exec(st.text) : st.type === 'if_statement' ? closedIfMade(st) : null;
    if (!m) return undefined;
    names.push(m[1]!);
  }
  return names.length ? names : undefined;
}

/** `if x is not None:` with `x.close()` (`await x.aclose()`) alone in its body and no other branch: the match of that statement. */
function closedIfMade(st: SyntaxNode): RegExpExecArray | null {
  const test = st.childForFieldName('condition');
  const body = st.childForFieldName('consequence');
  if (!test || !body || st.namedChildren.some((c) => c.type === 'elif_clause' || c.type === 'else_clause')) return null;
  const guarded = /^([A-Za-z_]\w*)[ \t]+is[ \t]+not[ \t]+None$/.exec(test.text);
  const inner = statementSiblings(body);
  const m = guarded && inner.length === 1 && inner[0]!.type === 'expression_statement' ? CLOSES.exec(inner[0]!.text) : null;
  return m && m[1] === guarded![1] ? m : null;
}

/**
 * The context a wrap is planned with: its indent unit matches the statement's own indentation (a file
 * indented with spaces may hold a function indented with tabs). `undefined` for a line mixing both.
 */
export function withLocalUnit(ctx: FileContext, stmt: SyntaxNode): FileContext | undefined {
  const indent = statementIndent(ctx, stmt);
  const unit = ctx.indentUnit;
  if (indent === '' || (/^\t+$/.test(indent) && unit === '\t') || (/^ +$/.test(indent) && unit !== '\t')) return ctx;
  if (/^\t+$/.test(indent)) return { ...ctx, indentUnit: '\t' };
  if (/^ +$/.test(indent)) return { ...ctx, indentUnit: '    ' };
  return undefined;
}

/**
 * The edits that put every statement of the function after `kept.stmt` in a block: `header` opens it (`try:`,
 * `with tmp:`), `footer` follows it at the header's indentation (`finally:` and, one unit deeper, what it runs;
 * `unit` stands for that unit). A string says why there is none.
 */
export function planRestOfFunction(outer: FileContext, kept: KeptLocal, header: string, footer: (unit: string) => string[] = () => []): Edit[] | string {
  const block = kept.stmt.parent!;
  const siblings = statementSiblings(block);
  const first = siblings[statementIndex(block, kept.stmt) + 1];
  const last = siblings[siblings.length - 1];
  if (!first || !last) return 'nothing follows the assignment';
  const room = blockRoom(outer, first, last);
  if (room < 1) return tooDeepReason(1, room);
  const ctx = withLocalUnit(outer, first);
  if (!ctx) return mixedIndentReason(outer, first) ?? 'the function\'s lines are indented with tabs and spaces mixed';
  const plan = planWrap(ctx, { first, last, header: [header], footer: footer(ctx.indentUnit) });
  // Ex) `it = rows(p); \` then `head = next(it)`: one logical line, no line to put the `try:` on
  return plan ? plan.edits : 'the statement after it continues its line (`\\`), which withify cannot split';
}

/** The targets an unpacking of a value into plain names may have: `a, b = …`, `(a, b) = …`, `[a, b] = …`. */
const NAME_LISTS: ReadonlySet<string> = new Set(['pattern_list', 'tuple_pattern', 'list_pattern']);

/**
 * `a, b = call` (the call maybe parenthesized) as a statement of a block, every target a plain name and none twice:
 * the names, the statement and the block. Ex) `a, b = tee(rows())`; not `a, *rest = …`, `a, self.b = …`, `x = a, b = …`.
 */
export function namesAssignment(call: SyntaxNode): { targets: SyntaxNode[]; stmt: SyntaxNode; block: SyntaxNode } | undefined {
  let cur = call;
  while (cur.parent?.type === 'parenthesized_expression') cur = cur.parent;
  const assign = cur.parent;
  if (assign?.type !== 'assignment' || assign.childForFieldName('right')?.id !== cur.id) return undefined;
  const left = assign.childForFieldName('left');
  const stmt = assign.parent;
  const block = stmt?.parent;
  if (!left || !NAME_LISTS.has(left.type) || stmt?.type !== 'expression_statement' || block?.type !== 'block') return undefined;
  const targets = left.namedChildren.filter((c) => !isExtra(c));
  if (!targets.length || targets.some((t) => t.type !== 'identifier') || new Set(targets.map((t) => t.text)).size !== targets.length) return undefined;
  return { targets, stmt, block };
}

/**
 * `a, b = call` kept as `keptLocal` keeps one name (`nested`: as `keptLocalNested`, with the block's `holder`): each
 * name bound only there and read only after it in the function's own scope. `name` lists them (`a, b`), `reads` holds
 * the reads of all of them in document order. Ex) `a, b = tee(rows())`: the two share the generator, which CPython
 * dropped when the frame dropped the last of them.
 */
export function keptLocals(ctx: FileContext, call: SyntaxNode, nested: boolean): (KeptLocal & { holder?: SyntaxNode }) | undefined {
  const bound = namesAssignment(call);
  return bound && keptTargets(ctx, bound, nested);
}
