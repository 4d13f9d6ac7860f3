// connection-with (WFY107): `with sqlite3.connect(p) as cx:`. A sqlite3 connection's `__exit__` commits (or rolls
// back) and leaves the connection open; PyPy closes it when the GC runs, and so does CPython from 3.11 on (a
// reference cycle through its statement cache): a loop of such blocks runs out of file descriptors.
//     with sqlite3.connect(p) as cx:    →   with contextlib.closing(sqlite3.connect(p)) as conn, conn as cx:
//         cx.execute("insert …")                cx.execute("insert …")
import type { Finding, Fix, FileContext, SyntaxNode, Transform } from '../src/types.js';
import { callsNamed } from '../src/python/candidates.js';
import { preview } from '../src/python/evaluation.js';
import { qualifiedName } from '../src/python/imports.js';
import { closeNote, maySwallow, resourceOf, withItemFor, type ResourceSpec } from '../src/python/resources.js';
import { CONNECTION_WORDS, connectionFactoryNames, factoryOf } from '../src/python/factories.js';
import { dynamicLookupAfter, identifierUses, isBindingTarget, nearestBinder, plainTarget, resourceUses, seesValue, type Use } from '../src/python/resource-flow.js';
import { loopsAround, withItemOfPattern, withItemTarget } from '../src/python/statements.js';
import { lastTextMemo, memoized } from '../src/python/memo.js';
import { functionOrModuleOf, within } from '../src/python/scopes.js';
import { placedItem, realignInPlace } from '../src/python/wrap.js';
import { blockRoom, tooDeepReason } from '../src/python/nesting.js';

const ID = 'connection-with';
const CODE = 'WFY107';

/** The catalog's calls whose object a `with` commits and leaves open (`management: 'closing'`). */
const ANCHORS: readonly string[] = CONNECTION_WORDS;
const NAMES: ReadonlySet<string> = new Set(ANCHORS);
const NO_ANCHORS: readonly string[] = [];
/** `ANCHORS` and the names of the text's functions that may make a connection (`connectionFactoryNames`), one array per text. */
const withFactories = lastTextMemo((text: string): readonly string[] => {
  const names = connectionFactoryNames(text);
  return names.length === 0 ? ANCHORS : [...ANCHORS, ...names];
});

interface ConnectionItem {
  /** The `with` item around the call. */
  item: SyntaxNode;
  /** What the fix replaces: the item, or in `with (sqlite3.connect(p) as cx):` the `as` pattern in its brackets. */
  span: SyntaxNode;
  stmt: SyntaxNode;
  /** The `as` name, or `undefined` for `with sqlite3.connect(p):`; a target of another shape is `SyntaxNode` too. */
  target: SyntaxNode | undefined;
}

/** The `with` item whose value is `call` itself (`with sqlite3.connect(p) as cx:`, `with (sqlite3.connect(p)):`). */
function connectionItem(call: SyntaxNode): ConnectionItem | undefined {
  let value = call;
  while (value.parent?.type === 'parenthesized_expression') value = value.parent;
  const pattern = value.parent?.type === 'as_pattern' && value.parent.namedChildren[0]?.id === value.id ? value.parent : undefined;
  // Ex) `with (sqlite3.connect(p) as cx):`, one item in brackets (Python 3.9 on), which tree-sitter reads as a
  // bracketed `as` pattern
  const item = pattern ? withItemOfPattern(pattern) : value.parent;
  if (item?.type !== 'with_item' || (!pattern && item.childForFieldName('value')?.id !== value.id)) return undefined;
  let target = pattern ? withItemTarget(item) : undefined;
  // Ex) `as (cx)`: the name
  while (target?.type === 'parenthesized_expression' && target.namedChildren.length === 1) target = target.namedChildren[0]!;
  if (pattern && !target) return undefined;
  const stmt = item.parent?.parent;
  // Ex) `async with sqlite3.connect(p) as cx:`: no such thing (a TypeError), nothing to fix
  if (stmt?.type !== 'with_statement' || stmt.child(0)?.type === 'async') return undefined;
  return { item, span: pattern ?? item, stmt, target };
}

/**
 * Why closing the connection at the end of the block is not shown safe: `'refuse'` where the code keeps it (or what
 * it made) past the block, `'unsafe'` where a call may; `undefined` when nothing does.
 */
function keptReason(ctx: FileContext, c: ConnectionItem, target: SyntaxNode, spec: ResourceSpec): { reason: string; severity: 'refuse' | 'unsafe' } | 'closed' | undefined {
  const scope = functionOrModuleOf(c.stmt);
  // Ex) a module-level block: its name may be read in any function of the module
  if (scope.type === 'module') ctx.readsBeyondFunction();
  const name = target.text;
  // Ex) `global cx` / `with sqlite3.connect(p) as cx:`: another function reads the module's `cx` after the block
  const declared = declaredOutside(scope, name);
  if (declared) return { reason: `\`${name}\` is declared \`${declared}\`: code elsewhere may use the connection after the block`, severity: 'refuse' };
  const body = c.stmt.childForFieldName('body');
  const loops = loopsAround(c.stmt, scope);
  const uses = resourceUses(ctx, scope, target, spec);
  // Where each name bound to something made from the connection (`cur = cx.cursor()`) is bound first
  const boundAt = new Map<string, number>();
  const bindingOf = new Map<string, SyntaxNode>();
  for (const u of uses) {
    if (!u.binds || boundAt.get(u.binds.text)! <= u.binds.startIndex) continue;
    boundAt.set(u.binds.text, u.binds.startIndex);
    bindingOf.set(u.binds.text, u.binds);
  }
  // Ex) `cur = cx.execute(q)` in this block, `cur = other.execute(q)` later (in a `with` too), `cur.fetchall()` after
  // that: the later one's
  const aliasSees = (u: Use) => {
    let st = bindingOf.get(u.name);
    while (st?.parent && st.parent.type !== 'block' && st.parent.type !== 'module') st = st.parent;
    return !st || (seesValue(u, st, scope, u.name) && !reboundBetween(ctx, st, u.node, u.name, scope));
  };
  // (In the block, or in an item after this one: `with sqlite3.connect(p) as cx, closing(cx.cursor()) as cur:`)
  const inBlock = (u: Use) => (body !== null && within(u.node, body)) || (within(u.node, c.stmt) && u.node.startIndex >= c.item.endIndex);
  const sees = (u: Use) =>
    inBlock(u) ||
    (u.cls.kind !== 'rebind' && !(u.name === name && boundAround(u.node, name, c.stmt, scope)) && seesValue(u, c.stmt, scope, name) && (u.name === name || aliasSees(u)));
  // Ex) `cx.close()` after the block (or in it), `closing(cx)`, `atexit.register(cx.close)`: the code closes it (not
  // `with cx:` or `stack.enter_context(cx)`, which commit)
  if (uses.some((u) => (u.cls.kind === 'close' || (u.cls.kind === 'managed' && closesHere(u.node))) && sees(u))) return 'closed';
  const loop = loops.at(-1);
  let unsafe: string | undefined;
  for (const u of uses) {
    const line = u.node.startPosition.row + 1;
    if (loop && u.binds && within(u.node, loop) && !boundEveryTurn(ctx, u, uses, loop)) {
      // Ex) `try: cur = cx.execute(q)` / `except OperationalError: pass` / `cur.fetchone()`: on a turn where the binding
      // does not run, `cur` is the cursor of the turn before, whose connection the fix would have closed
      return { reason: `\`${u.binds.text}\` is bound (line ${line}) where it may not be on every turn of the loop: a later turn may read the one before's, whose connection the fix would have closed`, severity: 'refuse' };
    }
    // Ex) `prev = cx` at the end of the block, `prev.total_changes` at its start: on the next turn, the connection
    // the turn before closed
    if (loop && u.name !== name && within(u.node, loop) && u.node.startIndex < (boundAt.get(u.name) ?? -1)) {
      return { reason: `\`${u.name}\` is read (line ${line}) before the block binds it, on a later turn of the loop: the connection of the turn before, which the fix would have closed`, severity: 'refuse' };
    }
    if (!inBlock(u)) {
      // Ex) `cx` read before the block, not in a loop around it: another value
      if (!sees(u)) continue;
      // Ex) `cur = cx.execute(q)` in the block, `cur.fetchall()` after it; `cx.execute(q)` after it
      return { reason: `\`${u.name}\` is read after the block (line ${line}, \`${preview(u.node.parent ?? u.node)}\`), where the connection would be closed`, severity: 'refuse' };
    }
    if (u.cls.kind === 'rebind') return { reason: `\`${u.name}\` is bound again in the block (line ${line})`, severity: 'refuse' };
    // Ex) `stack.callback(cx.commit)`, `self.addCleanup(cx.rollback)`, `atexit.register(cx.commit)`: a method of the
    // connection handed on, to run after the block, on a connection the fix would have closed
    const handed = u.name === name ? handedMethod(u.node, spec) ?? registeredIn(u.node) : undefined;
    if (handed || (u.cls.kind === 'managed' && !closesHere(u.node))) {
      return { reason: `\`${preview(handed ?? u.node.parent ?? u.node)}\` (line ${line}) hands on the connection or one of its methods, which may run after the block`, severity: 'refuse' };
    }
    // Ex) `with closing(cx.cursor()) as cur:` in the block: nothing past its own exit, but for `cur` read after the block,
    // or used otherwise than for its rows (`db = cur.connection`)
    if (u.cls.kind === 'escape' && closingItem(ctx, u.node, body ?? c.stmt)) {
      const holder = holderAfter(ctx, u.node, scope, c, loop);
      if (holder) return { reason: `\`${holder.read.text}\` (line ${holder.read.startPosition.row + 1}) ${holder.what}`, severity: 'refuse' };
      const other = cursorUsedOtherwise(ctx, u.node, scope);
      if (other) return { reason: other, severity: 'refuse' };
      continue;
    }
    if (u.cls.kind === 'escape' && !within(u.node, body)) {
      // Ex) `with sqlite3.connect(p) as cx, closing(cx.cursor()) as cur:`: the later item's `as` name read after the
      // block keeps what it made; `closing` itself keeps nothing past its own exit, which comes first
      const holder = holderAfter(ctx, u.node, scope, c, loop);
      if (holder) return { reason: `\`${holder.read.text}\` (line ${holder.read.startPosition.row + 1}) ${holder.what}`, severity: 'refuse' };
      if (!closingItem(ctx, u.node, c.stmt)) unsafe ??= u.cls.reason;
      else {
        // Ex) `with sqlite3.connect(p) as cx, closing(cx.cursor()) as cur:` / `db = cur.connection`: as for a `with` in the block
        const other = cursorUsedOtherwise(ctx, u.node, scope);
        if (other) return { reason: other, severity: 'refuse' };
      }
      continue;
    }
    if (u.cls.kind === 'escape') {
      // Ex) `return cx`, `self.db = cx`, `rows = (r for r in cx.execute(q))` returned: kept past the block
      if (u.cls.severity === 'store') return { reason: u.cls.reason, severity: 'refuse' };
      // Ex) `dump = cx.iterdump()`, `keep.append(cx)`, `self.pool.append(cx)`: what the connection's own method made, or
      // a container it went into, read after the block (`w = Wrapper(cx)`, `df = pd.read_sql(q, cx)` read after it:
      // what a call withify cannot read made may or may not keep it)
      const holder = holderAfter(ctx, u.node, scope, c, loop);
      const why = u.cls.reason.replace(/, which withify cannot show to leave it alone: .*$/s, '');
      if (holder?.sure) return { reason: `${why}, and \`${holder.read.text}\` (line ${holder.read.startPosition.row + 1}) ${holder.what}`, severity: 'refuse' };
      unsafe ??= holder ? `${why}, and \`${holder.read.text}\` (line ${holder.read.startPosition.row + 1}) ${holder.what}` : u.cls.reason;
    }
  }
  // Ex) `cx.row_factory = Record` whose rows keep `cursor.connection`: a row read after the block uses a closed connection
  const factory = rowFactory(ctx);
  if (factory) unsafe ??= `the rows \`${factory}\` makes may keep the cursor or the connection, and be used after the block`;
  if (scope.type === 'module' && !ctx.programOnly(c.stmt)) {
    unsafe ??= `\`${name}\` is a global of the module, which another module may import and use after the block`;
  }
  return unsafe ? { reason: unsafe, severity: 'unsafe' } : undefined;
}

/**
 * True when the read `id` of the connection closes it, as a manager of it: `closing(cx)`, `atexit.register(cx.close)`
 * (not `with cx:` nor `stack.enter_context(cx)`, which only commit).
 */
function closesHere(id: SyntaxNode): boolean {
  let n = id;
  while (n.parent?.type === 'parenthesized_expression') n = n.parent;
  const p = n.parent;
  if (p?.type === 'attribute' && p.childForFieldName('attribute')?.text === 'close') return true;
  const call = p?.type === 'argument_list' ? p.parent : null;
  return call?.type === 'call' && /(?:^|\.)closing$/.test(call.childForFieldName('function')?.text ?? '');
}

/**
 * True when the name that `u` binds (`cur = cx.execute(q)`) is read in `loop` only after its binding, in the block that
 * holds it: a read elsewhere in the loop may come on a turn where the binding did not run (`try:` / `cur = …` /
 * `except …: pass` / `cur.fetchone()`), and read the turn before's.
 */
function boundEveryTurn(ctx: FileContext, u: Use, uses: readonly Use[], loop: SyntaxNode): boolean {
  const name = u.binds!.text;
  let stmt: SyntaxNode = u.node;
  while (stmt.parent && stmt.parent.type !== 'block' && stmt.parent.type !== 'module') stmt = stmt.parent;
  // Out through what runs its body whenever it runs (`with lock:`), and an `if` whose every branch, `else` included,
  // binds the name: past those the name is bound on every path
  for (;;) {
    const owner = stmt.parent?.parent;
    if (owner?.type === 'with_statement' && owner.childForFieldName('body')?.id === stmt.parent!.id && !maySwallow(ctx, owner)) stmt = owner;
    else if (owner && (owner.type === 'if_statement' || owner.type === 'elif_clause' || owner.type === 'else_clause')) {
      const ifStmt = owner.type === 'if_statement' ? owner : owner.parent!;
      if (!everyBranchBinds(ifStmt, name)) break;
      stmt = ifStmt;
    } else break;
  }
  const block = stmt.parent;
  return uses.every((v) => v.name !== name || !within(v.node, loop) || within(v.node, stmt) || (block !== null && within(v.node, block) && v.node.startIndex > stmt.endIndex));
}

/**
 * True when a statement after `binding` and before the read `at`, in a block holding `at` (or in the body of a `with`
 * there, which runs whenever the `with` does), binds `name` plainly: `at` reads that value.
 */
function reboundBetween(ctx: FileContext, binding: SyntaxNode, at: SyntaxNode, name: string, scope: SyntaxNode): boolean {
  const binds = (st: SyntaxNode): boolean => plainTarget(st)?.text === name || (st.type === 'with_statement' && !maySwallow(ctx, st) && (st.childForFieldName('body')?.namedChildren ?? []).some(binds));
  for (let n: SyntaxNode | null = at; n && n.id !== scope.id; n = n.parent) {
    const block = n.parent;
    if (!block || (block.type !== 'block' && block.type !== 'module')) continue;
    for (const sib of block.namedChildren) {
      if (sib.startIndex >= n.startIndex) break;
      if (sib.startIndex >= binding.endIndex && binds(sib)) return true;
    }
  }
  return false;
}

/** True when `ifStmt` has an `else` and each of its branches binds `name` by a statement of its own block (`name = …`). */
function everyBranchBinds(ifStmt: SyntaxNode, name: string): boolean {
  const blocks = [ifStmt.childForFieldName('consequence'), ...ifStmt.namedChildren.filter((k) => k.type === 'elif_clause' || k.type === 'else_clause').map((k) => k.childForFieldName('consequence') ?? k.childForFieldName('body'))];
  if (!ifStmt.namedChildren.some((k) => k.type === 'else_clause')) return false;
  return blocks.every((b) => b !== null && b !== undefined && b.namedChildren.some((st) => plainTarget(st)?.text === name));
}

/** The methods that keep what they are given to run or enter it later: an `ExitStack`'s, a test's cleanups, `atexit`'s. */
const REGISTERS: ReadonlySet<string> = new Set(['enter_context', 'push', 'callback', 'enterContext', 'enterClassContext', 'addCleanup', 'addClassCleanup', 'register', 'finalize']);

/** `stack.enter_context(cx)`, `stack.push(cx)`: the call `id` is handed to as it is, to be entered or run later; else `undefined`. */
function registeredIn(id: SyntaxNode): SyntaxNode | undefined {
  const call = id.parent?.type === 'argument_list' ? id.parent.parent : null;
  const f = call?.type === 'call' ? call.childForFieldName('function') : null;
  const method = f?.type === 'attribute' ? f.childForFieldName('attribute')?.text : undefined;
  return method !== undefined && REGISTERS.has(method) ? call! : undefined;
}

/**
 * `cx.commit` handed to a call as a value (`stack.callback(cx.commit)`, `Timer(1, cx.commit)`), not called: the
 * attribute, or `undefined`.
 */
function handedMethod(id: SyntaxNode, spec: ResourceSpec): SyntaxNode | undefined {
  const attr = id.parent;
  if (attr?.type !== 'attribute' || attr.childForFieldName('object')?.id !== id.id) return undefined;
  // Ex) `print(cx.total_changes)`: a value, not a method
  if (spec.dataAttributes?.has(attr.childForFieldName('attribute')?.text ?? '')) return undefined;
  let n = attr;
  while (n.parent?.type === 'parenthesized_expression') n = n.parent;
  const p = n.parent?.type === 'keyword_argument' ? n.parent.parent : n.parent;
  return p?.type === 'argument_list' ? attr : undefined;
}

/** A cursor's methods and attributes that give data (rows, counts) or run a statement on it. */
const CURSOR_PLAIN: ReadonlySet<string> = new Set(['execute', 'executemany', 'executescript', 'fetchone', 'fetchall', 'fetchmany', 'close', 'setinputsizes', 'setoutputsize', 'rowcount', 'lastrowid', 'description', 'arraysize']);

/**
 * For `cx` read in `with closing(cx.cursor()) as cur:`: a read of `cur` other than `cur.m(…)` or `cur.a` of
 * `CURSOR_PLAIN` (whose values are rows, counts, or the cursor again, used in place: a statement, `for row in
 * cur.execute(q):`, `cur.execute(q).fetchall()`) or `for row in cur:`; else
 * `undefined`. Ex) `db = cur.connection`, `keep(cur)`, `it = cur`.
 */
function cursorUsedOtherwise(ctx: FileContext, id: SyntaxNode, scope: SyntaxNode): string | undefined {
  let call: SyntaxNode | null = id.parent?.parent ?? null;
  while (call && call.type !== 'call') call = call.parent;
  const closing = call?.parent?.type === 'argument_list' ? call.parent.parent : null;
  const item = withItemOfPattern(closing?.parent);
  let t = item ? withItemTarget(item) : undefined;
  // Ex) `as (cur)`: the name
  while (t?.type === 'parenthesized_expression' && t.namedChildren.length === 1) t = t.namedChildren[0]!;
  if (!t) return undefined;
  const line = t.startPosition.row + 1;
  // Ex) `as self.cur`, `as (cur, other)`: kept where withify does not follow it
  if (t.type !== 'identifier') return `the cursor is kept in \`${t.text}\` (line ${line}), which withify does not follow`;
  // Ex) `global CUR` / `with closing(cx.cursor()) as CUR:`: another function reads it after the block
  const declared = declaredOutside(scope, t.text);
  if (declared) return `the cursor's name \`${t.text}\` (line ${line}) is declared \`${declared}\`: code elsewhere may use it, and its connection, after the block`;
  const used = (r: SyntaxNode) => `\`${preview(r.parent ?? r)}\` (line ${r.startPosition.row + 1}) uses the cursor otherwise than for its rows, which withify does not follow`;
  for (const r of identifierUses(ctx, scope, t.text)) {
    if (r.id === t.id || isBindingTarget(r)) continue;
    const p = r.parent;
    if (p?.type === 'for_statement' && p.childForFieldName('right')?.id === r.id) continue;
    // Ex) `[r for r in cur]`, `list(cur)`, `next(cur)`, `print(cur)`: its rows read there, or its text (review rw7)
    if (p?.type === 'for_in_clause' && p.childForFieldName('right')?.id === r.id) continue;
    // (The builtins themselves: a function of the file named `print` may keep it, review rw8)
    const builtin = p?.type === 'argument_list' ? p.parent?.childForFieldName('function') : undefined;
    if (p?.type === 'argument_list' && p.namedChildren.length === 1 && builtin?.type === 'identifier' && /^(?:list|tuple|sorted|set|next|print|len|repr|str)$/.test(builtin.text) && ctx.names.resolve(builtin.text, builtin).kind === 'builtin') continue;
    // Ex) `cur.row_factory = f`: a setting (a factory other than `sqlite3.Row` anywhere makes the fix unsafe: `rowFactory`)
    if (p?.type === 'attribute' && p.childForFieldName('attribute')?.text === 'row_factory' && p.parent?.type === 'assignment' && p.parent.childForFieldName('left')?.id === p.id) continue;
    const attr = p?.type === 'attribute' && p.childForFieldName('object')?.id === r.id ? p.childForFieldName('attribute')?.text : undefined;
    if (attr === undefined || !CURSOR_PLAIN.has(attr)) return used(r);
    // (`cur.execute(q)` gives the cursor again: bound to a name or handed on, it is followed no further)
    const called = p!.parent?.type === 'call' && p!.parent.childForFieldName('function')?.id === p!.id ? p!.parent : null;
    const value = called ?? p!;
    const up = value.parent;
    const plain = up?.type === 'expression_statement' || (up?.type === 'for_statement' && up.childForFieldName('right')?.id === value.id) || (up?.type === 'attribute' && /^fetch/.test(up.childForFieldName('attribute')?.text ?? ''));
    if (attr.startsWith('execute') && !plain) return used(r);
  }
  return undefined;
}

/** True when `id` lies in an item of a `with` (`stmt`'s own, or one inside `stmt`) whose value is `contextlib.closing(…)`. */
function closingItem(ctx: FileContext, id: SyntaxNode, stmt: SyntaxNode): boolean {
  // Ex) `closing(cx.cursor())`, `closing(cur.execute(q))`: what the connection's own method made, closed there (not
  // `closing(Session(cx))`: what a call withify cannot read made may keep the connection)
  const attr = id.parent;
  const made = attr?.type === 'attribute' && attr.childForFieldName('object')?.id === id.id ? attr.parent : null;
  const args = made?.type === 'call' && made.childForFieldName('function')?.id === attr!.id ? made.parent : null;
  const call = args?.type === 'argument_list' && args.namedChildren.length === 1 ? args.parent : null;
  const item = call?.parent?.type === 'as_pattern' ? withItemOfPattern(call.parent) : call?.parent;
  if (!call || item?.type !== 'with_item' || !within(item, stmt)) return false;
  return /^contextlib\.(?:closing|aclosing)$/.test(qualifiedName(ctx.names, call.childForFieldName('function')!) ?? '');
}

/** `global` or `nonlocal` when `scope`'s own code declares `name` so. */
function declaredOutside(scope: SyntaxNode, name: string): string | undefined {
  if (scope.type === 'module') return undefined;
  // (Once per function: a function of thousands of such blocks asked for every one)
  return memoized(declaredMemo, scope.tree, scope.id, () => {
    const out = new Map<string, string>();
    for (const d of scope.descendantsOfType(['global_statement', 'nonlocal_statement'])) {
      if (functionOrModuleOf(d).id !== scope.id) continue;
      for (const n of d.namedChildren) if (n.type === 'identifier') out.set(n.text, d.type === 'global_statement' ? 'global' : 'nonlocal');
    }
    return out;
  }).get(name);
}

const declaredMemo = new WeakMap<object, Map<number, Map<string, string>>>();

/** The connection's and a cursor's attributes that are values, not methods bound to it: read after the block, they hold nothing. */
// (And the exception classes a connection carries: `err = cx.OperationalError`)
const VALUE_ATTRIBUTES: ReadonlySet<string> = new Set(['isolation_level', 'in_transaction', 'total_changes', 'row_factory', 'text_factory', 'autocommit', 'description', 'rowcount', 'lastrowid', 'arraysize',
  'Warning', 'Error', 'InterfaceError', 'DatabaseError', 'DataError', 'OperationalError', 'IntegrityError', 'InternalError', 'ProgrammingError', 'NotSupportedError']);

/** A container's methods that keep what they are given. */
// (Not `extend`: it stores what it iterates, rows, not the cursor it is given)
const STORES: ReadonlySet<string> = new Set(['append', 'appendleft', 'insert', 'add', 'setdefault', 'put', 'put_nowait', 'push']);

/**
 * What holds the connection (or what was made of it) past the block, from the statement holding the read `id`: a
 * name it binds, the `as` name of another item of the `with` (`Session(cx) as s`), read after the block (or before
 * the statement in a loop around it: the turn before's), or a container a method call stores it in (`keep.append(cx)`,
 * `self.pool.append(cx)`). `sure`: the connection's own method made it (`dump = cx.iterdump()`), or it was stored.
 */
function holderAfter(ctx: FileContext, id: SyntaxNode, scope: SyntaxNode, c: ConnectionItem, loop: SyntaxNode | undefined): { read: SyntaxNode; what: string; sure: boolean } | undefined {
  const names = new Set<string>();
  const stored = new Set<string>();
  // Ex) `q = cx.execute`, `one = cur.fetchone`: a method bound to the connection (or its cursor) holds it, called or not
  // (not a value: `n = cx.total_changes`)
  const attr = id.parent?.type === 'attribute' && id.parent.childForFieldName('object')?.id === id.id ? id.parent : undefined;
  const called = attr?.parent?.type === 'call' && attr.parent.childForFieldName('function')?.id === attr.id;
  let own = attr !== undefined && !called && !VALUE_ATTRIBUTES.has(attr.childForFieldName('attribute')?.text ?? '');
  let st: SyntaxNode | null = id;
  for (let n: SyntaxNode | null = id; n && n.id !== scope.id; n = n.parent) {
    if (n.type === 'call') {
      const f = n.childForFieldName('function');
      const method = f?.type === 'attribute' ? f.childForFieldName('attribute')?.text : undefined;
      const owner = f?.type === 'attribute' ? f.childForFieldName('object') : null;
      // Ex) `keep.append(cx)`, `self.pool.append(cx)`: stored there
      if (owner && !within(id, f) && method !== undefined && STORES.has(method)) {
        // Ex) `self.pool.append(cx)`, `_pool.append(cx)` with `_pool` a global: kept past the function
        // (A parameter's list, or one declared `global`/`nonlocal`, is the caller's or the module's)
        const bound = owner.type === 'identifier' ? ctx.names.bindings(scope).get(owner.text) : undefined;
        if (!bound || bound.some((b) => b.kind === 'param') || declaredOutside(scope, owner.text)) return { read: owner, what: 'keeps it after the block', sure: true };
        names.add(owner.text);
        stored.add(owner.text);
      }
      // Ex) `cx.iterdump()`: the connection's own method
      if (f?.type === 'attribute' && owner?.id === id.id) own = true;
    }
    // Ex) `with sqlite3.connect(p) as cx, Session(cx) as s:` (or a `with` in the block): `s` holds it
    if (n.type === 'with_item') {
      const t = withItemTarget(n);
      for (const i of t ? (t.type === 'identifier' ? [t] : t.descendantsOfType('identifier')) : []) names.add(i.text);
    }
    if (n.type === 'assignment' || n.type === 'augmented_assignment') {
      const left = n.childForFieldName('left');
      for (const t of left ? (left.type === 'identifier' ? [left] : left.descendantsOfType('identifier')) : []) names.add(t.text);
    }
    st = n;
    if (n.parent?.type === 'block' || n.parent?.type === 'module') break;
  }
  for (const name of names) {
    for (const r of identifierUses(ctx, scope, name)) {
      if (isBindingTarget(r)) continue;
      // (A read after the statement in the block, on the same turn, reads it while the connection is open; one before
      // it in a loop around the block, on a later turn, reads the turn before's)
      const later = r.startIndex >= c.stmt.endIndex;
      if (!later && !(loop && st && within(r, loop) && r.startIndex < st.startIndex)) continue;
      const method = attr !== undefined && !called ? `holds its method \`.${attr.childForFieldName('attribute')?.text ?? ''}\`` : undefined;
      const what = `${stored.has(name) ? 'holds it' : method ?? (own ? 'holds what it made' : 'holds what the call made')}, read ${later ? 'after the block' : 'on a later turn of the loop'}`;
      return { read: r, what, sure: own || stored.has(name) };
    }
  }
  return undefined;
}

/**
 * What sets a `row_factory` anywhere in the file (a helper the connection is handed to may) other than to `sqlite3.Row`
 * or `None`: the value's text, or `row_factory` itself for a form not read (`a.row_factory, b = …`, `setattr(cx,
 * "row_factory", f)`); `undefined` for none. Comments and other strings do not count.
 */
function rowFactory(ctx: FileContext): string | undefined {
  if (!ctx.source.includes('row_factory')) return undefined;
  ctx.readsBeyondFunction();
  return memoized(factoryMemo, ctx, 0, () => {
    const { source } = ctx;
    for (let i = source.indexOf('row_factory'); i >= 0; i = source.indexOf('row_factory', i + 1)) {
      const node = ctx.root.descendantForIndex(i, i + 11);
      // Ex) `setattr(cx, "row_factory", Record)`
      if (node.type === 'string_content' && node.text === 'row_factory') return 'row_factory';
      if (node.type !== 'identifier' || node.startIndex !== i || node.parent?.type !== 'attribute' || node.parent.childForFieldName('attribute')?.id !== node.id) continue;
      const attr = node.parent;
      const p = attr.parent;
      if (p?.type === 'assignment' && p.childForFieldName('left')?.id === attr.id) {
        const value = p.childForFieldName('right');
        if (!value || !(value.text === 'None' || /^sqlite3\.(?:dbapi2\.)?Row$/.test(qualifiedName(ctx.names, value) ?? ''))) return value?.text ?? 'row_factory';
        continue;
      }
      // Ex) `a.row_factory, b = f, g`, `cx.row_factory += …`, `del cx.row_factory`
      for (let n: SyntaxNode | null = p; n && n.type !== 'expression_statement' && n.type !== 'block' && n.type !== 'module'; n = n.parent) {
        const left = n.type === 'assignment' || n.type === 'augmented_assignment' ? n.childForFieldName('left') : null;
        if (left && within(attr, left)) return 'row_factory';
        if (n.type === 'delete_statement') return 'row_factory';
      }
    }
    return undefined;
  });
}

const factoryMemo = new WeakMap<FileContext, Map<number, string | undefined>>();

/**
 * True when a `with … as name:` or a `for name in …:` other than `stmt` holds `id`: `id` reads the value that one binds
 * (`with connect(a) as cx:` … `with self.assertRaises(E):` / `with connect(b) as cx:` / `cx.execute(q)`; in a loop,
 * the block before this one's own `with connect(q) as cx:`). Not one that holds `stmt` too (`for cx in xs:` / `with
 * connect(p) as cx:` … / `cx.execute(q)`: the block binds last).
 */
function boundAround(id: SyntaxNode, name: string, stmt: SyntaxNode, scope: SyntaxNode): boolean {
  const binder = nearestBinder(id, name, scope);
  return binder !== undefined && binder.id !== stmt.id && !within(stmt, binder);
}

/** True when `stmt` is a statement of a class body (at any depth of blocks, not in a function there). */
function inClassBody(stmt: SyntaxNode): boolean {
  for (let n = stmt.parent; n; n = n.parent) {
    if (n.type === 'class_definition') return true;
    if (n.type === 'function_definition' || n.type === 'lambda') return false;
  }
  return false;
}

function check(ctx: FileContext): Finding[] {
  if (!ctx.source.includes('sqlite3')) return [];
  const findings: Finding[] = [];
  const factories = connectionFactoryNames(ctx.source);
  for (const call of callsNamed(ctx, NAMES)) {
    const c = connectionItem(call);
    if (!c) continue;
    // (A function of the module that makes one, `resourceOf` takes too: below, with what it makes in the message)
    const fn = call.childForFieldName('function');
    if (fn?.type === 'identifier' && factories.includes(fn.text)) continue;
    const spec = resourceOf(ctx, call);
    if (!spec || spec.management !== 'closing') continue;
    const callee = call.childForFieldName('function')?.text.replace(/\s+/g, '') ?? 'sqlite3.connect';
    const finding = connectionFinding(ctx, call, c, spec, callee, call, '');
    if (finding) findings.push(finding);
  }
  // Ex) `def get_db(): return sqlite3.connect(DB)` … `with get_db() as cx:`: the same connection, made by a function of
  // the module
  if (factories.length > 0) {
    for (const call of callsNamed(ctx, factorySet(factories))) {
      const c = connectionItem(call);
      if (!c) continue;
      const factory = factoryOf(ctx, call, (f) => f.spec.management === 'closing');
      if (!factory) continue;
      const callee = call.childForFieldName('function')!.text;
      const made = factory.made[0]!;
      const madeBy = ` (\`${callee}()\` makes it: \`${preview(made)}\`, line ${made.startPosition.row + 1})`;
      const noted = factory.made.find((m) => closeNote(factory.spec, m)) ?? made;
      const finding = connectionFinding(ctx, call, c, factory.spec, callee, noted, madeBy);
      if (finding) findings.push(finding);
    }
  }
  return findings.sort((a, b) => a.start - b.start);
}

/** The names of `factoryNames` as one set per list (`callsNamed` keeps a pattern per set). */
const factorySet = (() => {
  let last: readonly string[] | undefined;
  let set: ReadonlySet<string> = new Set();
  return (names: readonly string[]) => {
    if (names !== last) set = new Set(names);
    last = names;
    return set;
  };
})();

/**
 * The finding for the `with` item `c` whose value, `call`, makes a connection of `spec` (`sqlite3.connect(p)`, or a
 * call of a function of the module that makes one: `noteCall` is then the catalog call in it, whose arguments say
 * what the close does, and `madeBy` says so in the message); `undefined` where the code closes it.
 */
function connectionFinding(ctx: FileContext, call: SyntaxNode, c: ConnectionItem, spec: ResourceSpec, callee: string, noteCall: SyntaxNode, madeBy: string): Finding | undefined {
  const shown = c.target ? `with ${callee}(...) as ${c.target.text}:` : `with ${callee}(...):`;
  const base: Finding = {
    id: ID,
    code: CODE,
    message: `\`${shown}\` commits (or rolls back) at the end of the block but never closes the ${spec.kind}${madeBy}; PyPy, and CPython from 3.11 on (a reference cycle through its statement cache), close it only when the GC runs`,
    start: c.item.startIndex,
    end: c.item.endIndex,
  };
  let name: string | undefined;
  let note: string | undefined;
  if (c.target === undefined) {
    name = undefined;
  } else if (inClassBody(c.stmt)) {
    // Ex) `class Config:` / `with sqlite3.connect(p) as cx:`: `cx` (or a name the fix would add) is an attribute of the class
    return { ...base, reason: 'in a class body: the `as` name is an attribute of the class, which lives on after the block' };
  } else if (c.target.type !== 'identifier') {
    // Ex) `with sqlite3.connect(p) as self.db:`: the object keeps it
    return { ...base, reason: `kept in \`${c.target.text}\`, which lives on after the block: close it where the code is done with it` };
  } else {
    const kept = keptReason(ctx, c, c.target, spec);
    if (kept === 'closed') return undefined;
    if (kept?.severity === 'refuse') return { ...base, reason: kept.reason };
    name = c.target.text;
    note = kept?.reason;
  }
  if (c.target === undefined && inClassBody(c.stmt)) return { ...base, reason: 'in a class body: a name the fix would add is an attribute of the class' };
  // Ex) `f(**locals())` in the block, `return locals()` after it: the frame's variables listed, the new name among
  // them (an unexpected keyword), the connection used after the block
  const scope = functionOrModuleOf(c.stmt);
  const lookup = scope.type === 'module' ? undefined : dynamicLookupAfter(ctx, scope, c.item.parent!);
  if (lookup) return { ...base, reason: `\`${preview(lookup)}\` (line ${lookup.startPosition.row + 1}) may read the function's variables by name, among them the one the fix adds and the connection it closes` };
  // Ex) a `with` 19 blocks deep: its second item is one more block (review rw2)
  const room = blockRoom(ctx, c.stmt, c.stmt);
  if (room < 1) return { ...base, reason: tooDeepReason(1, room) };
  // The connection's own item stays, after the `contextlib.closing` one, and binds the `as` name as before (what
  // its `__enter__` returns): it commits (or rolls back) first, then the connection is closed
  const held = ctx.freshName(c.stmt, spec.asNames);
  const item = withItemFor(ctx, spec, call, held);
  if (typeof item === 'string') return { ...base, reason: item };
  const clause = c.item.parent!;
  const moved = placedItem(ctx, item.item, call, c.span.startIndex);
  const own = name === undefined ? held : `${held} as ${name}`;
  const edits = realignInPlace(ctx, [{ start: c.span.startIndex, end: c.span.endIndex, text: `${moved}, ${own}` }, ...item.edits], c.stmt.startIndex, clause.endIndex);
  // (The catalog call's arguments say what the close does: `uri=`, `factory=`)
  const closing = closeNote(spec, noteCall) ?? item.closeNote;
  const unsafe = note ? `; ${note}` : closing;
  const fix: Fix = { title: `Close it after the commit: \`with contextlib.closing(${callee}(...)) as ${held}, ${own}:\``, applicability: unsafe ? 'unsafe' : 'safe', edits };
  return unsafe ? { ...base, message: base.message + unsafe, fix } : { ...base, fix };
}

export const connectionWith: Transform = {
  id: ID,
  code: CODE,
  summary: 'A `with sqlite3.connect(p) as cx:` block commits (or rolls back) at its end but never closes the connection.',
  fixTitle: 'Close it after the commit: `with contextlib.closing(sqlite3.connect(p)) as conn, conn as cx:`',
  safety: 'safe',
  doc: {
    whatItDoes:
      'Finds a `with` item whose value is `sqlite3.connect(...)` or `sqlite3.Connection(...)` (through any import alias), ' +
      'or a call of a function of the module that makes a new connection on every call and gives it back (`def ' +
      'get_db(): return sqlite3.connect(DB)`, or one that binds it to a local, gives it settings such as `conn.row_factory ' +
      '= sqlite3.Row` or runs statements on it, and returns it; bound once, not decorated, not `async`, ending with its ' +
      '`return`, every `return` giving such a connection), with an `as` name or none. The item becomes two: `contextlib.closing(sqlite3.connect(...)) as conn, conn as cx` ' +
      '(`conn` a name the scope does not use; `conn` alone without an `as` name). `cx` is bound as before, to what the ' +
      'connection\'s `__enter__` returns. On leaving the block the connection\'s own `__exit__` runs first (it commits, or ' +
      'rolls back on an exception), then `closing` closes it. `contextlib.closing` is imported where the file does not ' +
      'import it yet (`import contextlib`, or `import contextlib as _contextlib` where the name is taken).',
    whyItBreaksOnPyPy:
      'A sqlite3 connection used as a context manager manages a transaction, not the connection: the block ends with ' +
      'the connection still open, holding its database file (and a WAL database\'s `-wal` and `-shm` files) until the ' +
      'object is collected. CPython up to 3.10 closed it when the last reference went, at the function\'s return; ' +
      'PyPy closes it at some later garbage collection, and so does CPython from 3.11 on, where the connection sits in ' +
      'a reference cycle through its statement cache. A function that opens a database this way in a loop runs out of ' +
      'file descriptors ("unable to open database file"); CPython 3.13 warns (`ResourceWarning: unclosed database`).',
    fixSafety:
      'Safe where the `as` name, and every name the code binds to something made from the connection (a cursor), is ' +
      'read only inside the block: then nothing uses the connection after the block, and closing it there changes ' +
      'only when it is closed. Refused where the connection, or a cursor of it, is read after the block, returned, ' +
      'stored, captured by a nested function, bound again in the block, or named by `locals()`/`eval` in or after it ' +
      '(the new name would be listed too); where the name is declared `global` or `nonlocal`; in a class body (the name ' +
      'is a class attribute); in a loop where a name bound from the connection is read before the block binds it, or ' +
      'bound where it may not be on every turn (in a `try`, an `if`: a later turn reads the turn before\'s); where a ' +
      'name that holds what the connection\'s own method made (`dump = cx.iterdump()`), a container it was put in ' +
      '(`keep.append(cx)`, `self.pool.append(cx)`), or the `as` name of a later item of the same `with` (`closing(cx.cursor()) ' +
      'as cur`) is read after the block. ' +
      'Unsafe (offered with `--unsafe-fixes`) where it is handed to a call withify cannot read (a function of another ' +
      'module, which may keep it; `w = Wrapper(cx)`, `df = pd.read_sql(q, cx)` read after the block), for a module-level ' +
      'block outside `if __name__ == "__main__":` (another module may import the name), where the file sets a ' +
      '`row_factory` other than `sqlite3.Row` or `None` anywhere (its rows may keep the cursor), ' +
      'and for a connection given `uri=` (a shared-cache in-memory database ends with its last connection) or ' +
      '`factory=` (a class whose own `close()` may do more).',
    notFlagged:
      '`with contextlib.closing(sqlite3.connect(p)) as cx:` and any item whose value is not the call itself; a ' +
      'function that may give back a connection it keeps or shares (`@functools.lru_cache`, a global it fills once, a ' +
      'list it appends to, a helper it hands it to), something else on some path (`return None`, no `return` at its end), ' +
      'or that another module or a test patches; a function of another module; ' +
      'connection the code closes (`cx.close()` in or after the block, `closing(cx)`, `atexit.register(cx.close)`; not ' +
      '`with cx:` or `stack.enter_context(cx)`, which commit); `cx = sqlite3.connect(p)` never closed is ' +
      'open-assign\'s (WFY105); connections of other libraries (their `with` may close); a lone item in brackets ' +
      'with a trailing comma, `with (sqlite3.connect(p) as cx,):` (a tuple to tree-sitter; without the comma it is found).',
  },
  examples: [
    {
      before: 'import sqlite3\n\n\ndef save(path, rows):\n    with sqlite3.connect(path) as cx:\n        cx.executemany("insert into t values (?)", rows)\n',
      after: 'import contextlib\nimport sqlite3\n\n\ndef save(path, rows):\n    with contextlib.closing(sqlite3.connect(path)) as conn, conn as cx:\n        cx.executemany("insert into t values (?)", rows)\n',
    },
  ],
  check,
  triggers: ['sqlite3'],
  // (Plain words, not callees: the engine's first look skips a call that is a `with` item's whole value, which is
  // what this transform finds; only in a file that names sqlite3, so that `sock.connect(addr)` elsewhere parses nothing.
  // The module's functions that may make a connection too: `with get_db() as cx:`)
  anchors: (_project, file) => (file.text.includes('sqlite3') ? withFactories(file.text) : NO_ANCHORS),
  anchorsSuffice: true,
  // (The project index: a test double another module puts in place of a call makes its fix unsafe, `doubledNote`)
  needsProject: true,
};
