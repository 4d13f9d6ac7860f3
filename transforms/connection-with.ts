// connection-with (WFY107): `with sqlite3.connect(p) as cx:`. A sqlite3 connection's `__exit__` commits (or rolls
// back) and leaves the connection open; PyPy closes it when the GC runs, and so does CPython from 3.11 on (a
// reference cycle through its statement cache): a loop of such blocks runs out of file descriptors.
//     with sqlite3.connect(p) as cx:    →   with contextlib.closing(sqlite3.connect(p)) as conn, conn as cx:
//         cx.execute("insert …")                cx.execute("insert …")
import type { Finding, Fix, FileContext, SyntaxNode, Transform } from '../src/types.js';
import { callsNamed } from '../src/python/candidates.js';
import { preview } from '../src/python/evaluation.js';
import { resourceOf, withItemFor, type ResourceSpec } from '../src/python/resources.js';
import { dynamicLookupAfter, identifierUses, nearestBinder, resourceUses, seesValue } from '../src/python/resource-flow.js';
import { loopsAround } from '../src/python/statements.js';
import { memoized } from '../src/python/memo.js';
import { functionOrModuleOf, within } from '../src/python/scopes.js';
import { placedItem, realignInPlace } from '../src/python/wrap.js';
import { closedByName } from './open-assign.js';

const ID = 'connection-with';
const CODE = 'WFY107';

/** The catalog's calls whose object a `with` commits and leaves open (`management: 'closing'`). */
const NAMES: ReadonlySet<string> = new Set(['connect', 'Connection']);
const ANCHORS: readonly string[] = [...NAMES];
const NO_ANCHORS: readonly string[] = [];

interface ConnectionItem {
  /** The `with` item around the call. */
  item: SyntaxNode;
  stmt: SyntaxNode;
  /** The `as` name, or `undefined` for `with sqlite3.connect(p):`; a target of another shape is `SyntaxNode` too. */
  target: SyntaxNode | undefined;
}

/** The `with` item whose value is `call` itself (`with sqlite3.connect(p) as cx:`, `with (sqlite3.connect(p)):`). */
function connectionItem(call: SyntaxNode): ConnectionItem | undefined {
  let value = call;
  while (value.parent?.type === 'parenthesized_expression') value = value.parent;
  let target: SyntaxNode | undefined;
  if (value.parent?.type === 'as_pattern' && value.parent.namedChildren[0]?.id === value.id) {
    target = value.parent.childForFieldName('alias')?.namedChildren[0] ?? undefined;
    // Ex) `as (cx)`: the name
    while (target?.type === 'parenthesized_expression' && target.namedChildren.length === 1) target = target.namedChildren[0]!;
    value = value.parent;
    if (!target) return undefined;
  }
  const item = value.parent;
  if (item?.type !== 'with_item' || item.childForFieldName('value')?.id !== value.id) return undefined;
  const stmt = item.parent?.parent;
  // Ex) `async with sqlite3.connect(p) as cx:`: no such thing (a TypeError), nothing to fix
  if (stmt?.type !== 'with_statement' || stmt.child(0)?.type === 'async') return undefined;
  return { item, stmt, target };
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
  // Ex) `cx.close()` after the block, `closing(cx)`: the code closes it
  if (closedByName(ctx, scope, name, spec)) return 'closed';
  // Ex) `global cx` / `with sqlite3.connect(p) as cx:`: another function reads the module's `cx` after the block
  const declared = declaredOutside(scope, name);
  if (declared) return { reason: `\`${name}\` is declared \`${declared}\`: code elsewhere may use the connection after the block`, severity: 'refuse' };
  const body = c.stmt.childForFieldName('body');
  const loops = loopsAround(c.stmt, scope);
  const uses = resourceUses(ctx, scope, target, spec);
  // Where each name bound to something made from the connection (`cur = cx.cursor()`) is bound first
  const boundAt = new Map<string, number>();
  for (const u of uses) if (u.binds && !(boundAt.get(u.binds.text)! <= u.binds.startIndex)) boundAt.set(u.binds.text, u.binds.startIndex);
  let unsafe: string | undefined;
  for (const u of uses) {
    const inBody = body !== null && within(u.node, body);
    const line = u.node.startPosition.row + 1;
    // Ex) `prev = cx` at the end of the block, `prev.total_changes` at its start: on the next turn, the connection
    // the turn before closed
    if (loops.length > 0 && u.name !== name && u.node.startIndex < (boundAt.get(u.name) ?? -1)) {
      return { reason: `\`${u.name}\` is read (line ${line}) before the block binds it, on a later turn of the loop: the connection of the turn before, which the fix would have closed`, severity: 'refuse' };
    }
    if (!inBody) {
      // Ex) `cx` read before the block, not in a loop around it: another value
      if (u.cls.kind === 'rebind' || (u.name === name && boundAround(u.node, name, c.stmt, scope)) || !seesValue(u, c.stmt, scope, name)) continue;
      // Ex) `cur = cx.execute(q)` in the block, `cur.fetchall()` after it; `cx.execute(q)` after it
      return { reason: `\`${u.name}\` is read after the block (line ${line}, \`${preview(u.node.parent ?? u.node)}\`), where the connection would be closed`, severity: 'refuse' };
    }
    if (u.cls.kind === 'close' || u.cls.kind === 'managed') return 'closed';
    if (u.cls.kind === 'rebind') return { reason: `\`${u.name}\` is bound again in the block (line ${line})`, severity: 'refuse' };
    if (u.cls.kind === 'escape') {
      // Ex) `return cx`, `self.db = cx`, `rows = (r for r in cx.execute(q))` returned: kept past the block
      if (u.cls.severity === 'store') return { reason: u.cls.reason, severity: 'refuse' };
      // Ex) `dump = cx.iterdump()`, `keep.append(cx)`, `w = Wrapper(cx)`: a name that holds what the call made, read
      // after the block
      const holder = holderReadAfter(ctx, u.node, scope, c.stmt, loops);
      if (holder) return { reason: `${u.cls.reason.replace(/, which withify cannot show to leave it alone: .*$/s, '')}, and \`${holder.text}\` (line ${holder.startPosition.row + 1}) reads what it made after the block`, severity: 'refuse' };
      unsafe ??= u.cls.reason;
    }
  }
  // Ex) `cx.row_factory = Record` whose rows keep `cursor.connection`: a row read after the block uses a closed connection
  const factory = rowFactory(scope, c.stmt);
  if (factory) unsafe ??= `the rows \`${factory}\` makes may keep the cursor or the connection, and be used after the block`;
  // Ex) `return locals()` after the block: the frame's `cx` listed, used by the caller
  if (scope.type !== 'module') {
    const lookup = dynamicLookupAfter(ctx, scope, c.stmt);
    if (lookup) return { reason: `\`${preview(lookup)}\` (line ${lookup.startPosition.row + 1}) may read \`${name}\` by name after the block`, severity: 'refuse' };
  } else if (!ctx.programOnly(c.stmt)) {
    unsafe ??= `\`${name}\` is a global of the module, which another module may import and use after the block`;
  }
  return unsafe ? { reason: unsafe, severity: 'unsafe' } : undefined;
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

/**
 * A read, after `stmt` (or anywhere in a loop around it), of a name that the statement holding `id` binds (`dump =
 * cx.iterdump()`, `w = Wrapper(cx)`) or whose method it hands `id` to (`keep.append(cx)`).
 */
function holderReadAfter(ctx: FileContext, id: SyntaxNode, scope: SyntaxNode, stmt: SyntaxNode, loops: readonly SyntaxNode[]): SyntaxNode | undefined {
  const names = new Set<string>();
  let st: SyntaxNode | null = id;
  for (let n: SyntaxNode | null = id; n && n.id !== scope.id; n = n.parent) {
    if (n.type === 'call') {
      const f = n.childForFieldName('function');
      const owner = f?.type === 'attribute' ? f.childForFieldName('object') : null;
      if (owner?.type === 'identifier' && !within(id, f)) names.add(owner.text);
    }
    if (n.type === 'assignment' || n.type === 'augmented_assignment') {
      for (const t of [n.childForFieldName('left'), ...(n.childForFieldName('left')?.descendantsOfType('identifier') ?? [])]) if (t?.type === 'identifier') names.add(t.text);
    }
    st = n;
    if (n.parent?.type === 'block' || n.parent?.type === 'module') break;
  }
  const loop = loops.at(-1);
  for (const name of names) {
    for (const r of identifierUses(ctx, scope, name)) {
      if (r.startIndex >= stmt.endIndex || (loop && within(r, loop) && st && !within(r, st))) return r;
    }
  }
  return undefined;
}

/** The value of a `….row_factory = V` of `scope`'s code other than `sqlite3.Row` and `None`, or `undefined`. */
function rowFactory(scope: SyntaxNode, stmt: SyntaxNode): string | undefined {
  const at = scope.type === 'module' ? stmt : scope;
  return memoized(factoryMemo, at.tree, at.id, () => {
    for (const m of at.text.matchAll(/\.\s*row_factory\s*=(?!=)\s*([^\r\n#;]+)/g)) {
      const value = m[1]!.trim();
      if (!/^(?:None|(?:[A-Za-z_][\w.]*\.)?Row)$/.test(value)) return value;
    }
    return undefined;
  });
}

const factoryMemo = new WeakMap<object, Map<number, string | undefined>>();

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
  for (const call of callsNamed(ctx, NAMES)) {
    const c = connectionItem(call);
    if (!c) continue;
    const spec = resourceOf(ctx, call);
    if (!spec || spec.management !== 'closing') continue;
    const callee = call.childForFieldName('function')?.text.replace(/\s+/g, '') ?? 'sqlite3.connect';
    const shown = c.target ? `with ${callee}(...) as ${c.target.text}:` : `with ${callee}(...):`;
    const base: Finding = {
      id: ID,
      code: CODE,
      message: `\`${shown}\` commits (or rolls back) at the end of the block but never closes the ${spec.kind}; PyPy, and CPython from 3.11 on (a reference cycle through its statement cache), close it only when the GC runs`,
      start: c.item.startIndex,
      end: c.item.endIndex,
    };
    let name: string | undefined;
    let note: string | undefined;
    if (c.target === undefined) {
      name = undefined;
    } else if (inClassBody(c.stmt)) {
      // Ex) `class Config:` / `with sqlite3.connect(p) as cx:`: `cx` (or a name the fix would add) is an attribute of the class
      findings.push({ ...base, reason: 'in a class body: the `as` name is an attribute of the class, which lives on after the block' });
      continue;
    } else if (c.target.type !== 'identifier') {
      // Ex) `with sqlite3.connect(p) as self.db:`: the object keeps it
      findings.push({ ...base, reason: `kept in \`${c.target.text}\`, which lives on after the block: close it where the code is done with it` });
      continue;
    } else {
      const kept = keptReason(ctx, c, c.target, spec);
      if (kept === 'closed') continue;
      if (kept?.severity === 'refuse') {
        findings.push({ ...base, reason: kept.reason });
        continue;
      }
      name = c.target.text;
      note = kept?.reason;
    }
    if (c.target === undefined && inClassBody(c.stmt)) {
      findings.push({ ...base, reason: 'in a class body: a name the fix would add is an attribute of the class' });
      continue;
    }
    // The connection's own item stays, after the `contextlib.closing` one, and binds the `as` name as before (what
    // its `__enter__` returns): it commits (or rolls back) first, then the connection is closed
    const held = ctx.freshName(c.stmt, spec.asNames);
    const item = withItemFor(ctx, spec, call, held);
    if (typeof item === 'string') {
      findings.push({ ...base, reason: item });
      continue;
    }
    const clause = c.item.parent!;
    const moved = placedItem(ctx, item.item, call, c.item.startIndex);
    const own = name === undefined ? held : `${held} as ${name}`;
    const edits = realignInPlace(ctx, [{ start: c.item.startIndex, end: c.item.endIndex, text: `${moved}, ${own}` }, ...item.edits], c.stmt.startIndex, clause.endIndex);
    const unsafe = note ? `; ${note}` : item.closeNote;
    const fix: Fix = { title: `Close it after the commit: \`with contextlib.closing(${callee}(...)) as ${held}, ${own}:\``, applicability: unsafe ? 'unsafe' : 'safe', edits };
    findings.push(unsafe ? { ...base, message: base.message + unsafe, fix } : { ...base, fix });
  }
  return findings;
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
      'with an `as` name or none. The item becomes two: `contextlib.closing(sqlite3.connect(...)) as conn, conn as cx` ' +
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
      'stored, captured by a nested function, bound again in the block, or named by `locals()`/`eval` after it; where ' +
      'the name is declared `global` or `nonlocal`; in a class body (the name is a class attribute); in a loop where a ' +
      'name bound from the connection is read before the block binds it (the turn before\'s connection); and where a ' +
      'call withify cannot read is handed the connection and a name holding what it made (`dump = cx.iterdump()`, ' +
      '`keep.append(cx)`, `w = Wrapper(cx)`) is read after the block. ' +
      'Unsafe (offered with `--unsafe-fixes`) where it is handed to a call withify cannot read (a function of another ' +
      'module, which may keep it), for a module-level block outside `if __name__ == "__main__":` (another module may ' +
      'import the name), where the scope sets a `row_factory` other than `sqlite3.Row` (its rows may keep the cursor), ' +
      'and for a connection given `uri=` (a shared-cache in-memory database ends with its last connection) or ' +
      '`factory=` (a class whose own `close()` may do more).',
    notFlagged:
      '`with contextlib.closing(sqlite3.connect(p)) as cx:` and any item whose value is not the call itself; a ' +
      'connection the code closes by name (`cx.close()`, `closing(cx)`); `cx = sqlite3.connect(p)` never closed is ' +
      'open-assign\'s (WFY105); connections of other libraries (their `with` may close).',
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
  // what this transform finds; only in a file that names sqlite3, so that `sock.connect(addr)` elsewhere parses nothing)
  anchors: (_project, file) => (file.text.includes('sqlite3') ? ANCHORS : NO_ANCHORS),
  anchorsSuffice: true,
};
