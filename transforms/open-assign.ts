// open-assign (WFY105): a resource bound to a name and never closed:
//     f = open(path)               →   with open(path) as f:
//     data = f.read()                      data = f.read()
//     print(len(data))                 print(len(data))
// The `with` ends after the last statement of the block that uses `f`, when `f` provably goes nowhere else.
import type { FileContext, Finding, SyntaxNode, Transform } from '../src/types.js';
import { candidateCalls, resourceAnchors } from '../src/python/candidates.js';
import { aKind, deletesByName, firstPositional, givesFalse, leftOpen, mayWrite, pipeStreams, resourceOf, mayHoldResourceCall, RESOURCE_TRIGGERS, withItemFor, CLOSE_SAFETY, type ResourceSpec } from '../src/python/resources.js';
import { forEachTargetName, functionOrModuleOf, identifiersNamed, within } from '../src/python/scopes.js';
import { deletedNames, deleteStatementOf, isBareAnnotationTarget, isClassBodyStatement, isExtra, LOOPS, loopsAround, outerParens, withOf } from '../src/python/statements.js';
import { escapeRegExp, firstIndex } from '../src/python/text.js';
import { memoized, pushTo } from '../src/python/memo.js';
import { blockCodeEnd, lineAt, outlineOf } from '../src/python/outline.js';
import { annotationOrderReason, callAssignments, classDefNames, CLEANUP_METHODS, enclosingClass, descriptorOf, descriptorUses, dynamicLookupAfter, lookupText, outsideReason, resourceUses, runsApart, seesValue, type ResourceAssignment, type Use } from '../src/python/resource-flow.js';
import { mixedIndentReason, planHeaderWrap, statementHolding, statementIndex, statementSiblings } from '../src/python/wrap.js';
import { blockRoom, tooDeepReason } from '../src/python/nesting.js';
import { calleeName } from '../src/python/imports.js';
import { consumerOf } from '../src/python/consumers.js';
import { containsYield, isPure, preview } from '../src/python/evaluation.js';
import { isCloseStatement } from './open-assign-close.js';
import { isDevNull, literalTail, ownerThroughLambdas, tailsApart, pathArgOf, pathWrittenElsewhere, reopenedEmptiedInLoop, scopeCallList, suspensionAfter } from '../src/python/path-writes.js';

const ID = 'open-assign';

/**
 * What PyPy leaves to its GC: a socket or a process has nothing to flush. A sqlite3 connection that ran a statement
 * is in a reference cycle from CPython 3.11 on (its statement cache), so CPython too closes it only in a collection.
 */
function closedByGc(spec: ResourceSpec): string {
  if (spec.kind === 'database connection') return 'PyPy, and CPython from 3.11 on (a reference cycle through its statement cache), close it (and roll back what it did not commit) only when the GC runs';
  return spec.kind === 'socket' || spec.kind === 'process' || spec.kind === 'memory map' ? 'PyPy closes it only when the GC runs' : 'PyPy closes (and flushes) it only when the GC runs';
}
const CODE = 'WFY105';

const line = (n: SyntaxNode) => n.startPosition.row + 1;

/** Kinds whose close only releases the resource (and flushes): never waits for, or ends, other work. */
const FIXABLE_KINDS: ReadonlySet<string> = new Set(['file', 'response', 'archive', 'zip member']);

/**
 * True when the code around a stored resource visibly closes it: `self.f.close()` (or `closing(self.f)`)
 * somewhere in the class (or function) holding the store, or a class with its own cleanup method.
 */
function storeIsClosed(ctx: FileContext, a: Pick<ResourceAssignment, 'stmt' | 'target'>, spec: ResourceSpec): boolean {
  const target = a.target.text.replace(/\s+/g, '');
  const cls = enclosingClass(a.stmt);
  if (!cls) return closedByName(ctx, functionOrModuleOf(a.stmt), target, spec);
  // Ex) `self.stdin = open(p)` in one method of a 1,500-line class: its other methods are read from the text,
  // so a partial tree need not hold them (the same answer from the whole tree and a partial one)
  const written = classAsWritten(ctx.source, cls);
  return closesByName(written.text.replace(/[ \t]+/g, ' '), target, spec) || [...CLEANUP_METHODS].some((m) => written.defs.has(m));
}

/**
 * True when one of `uses` stores the resource itself on `self` (or `cls`) as a statement `self.out = out` that runs
 * whenever the assignment `a` did (a later statement of its block or of a block around it, no loop between: the
 * stored object is the last one opened; no `return`, `raise`, `continue`, `break` or `yield` between: no path
 * leaves before it), in a class that closes it as `storeIsClosed` has it: the same as the
 * direct `self.out = open(p)`, which is no finding. Not a wrapper or an alias stored (`self.r = csv.reader(out)`).
 */
function storedOnClosingSelf(ctx: FileContext, a: ResourceAssignment, spec: ResourceSpec, uses: readonly Use[]): boolean {
  return uses.some((u) => {
    if (u.cls.kind !== 'escape' || u.name !== a.target.text) return false;
    const p = u.node.parent;
    if (p?.type !== 'assignment' || p.childForFieldName('right')?.id !== u.node.id) return false;
    const left = p.childForFieldName('left');
    const obj = left?.type === 'attribute' ? left.childForFieldName('object')?.text : undefined;
    if (!left || (obj !== 'self' && obj !== 'cls')) return false;
    const stmt = p.parent;
    if (stmt?.type !== 'expression_statement' || stmt.startIndex < a.stmt.endIndex) return false;
    // Ex) `if keep: self.out = out`: on the other path nothing closes it
    const block = stmt.parent;
    if (!block || !within(a.stmt, block)) return false;
    // Ex) `for p in paths: out = open(p)` / `self.out = out`: every file but the last is dropped
    for (let n = a.stmt.parent; n && n.id !== block.id; n = n.parent) if (LOOPS.has(n.type)) return false;
    // Ex) `out = open(p)` / `if not enabled: return` / `self.out = out`: that path drops it
    if (exitsBetween(a.stmt, stmt)) return false;
    return storeIsClosed(ctx, { stmt, target: left }, spec);
  });
}

const EXITS = ['return_statement', 'raise_statement', 'continue_statement', 'break_statement', 'yield'];

/**
 * True when a `return`, `raise`, `continue`, `break` or `yield` of `from`'s function lies between the statements `from`
 * and `to`, where it may run after `from` did: not in another clause of an `if` no loop holds (`runsApart`), nor in a
 * handler of the `try` whose body `from` ends (mailbox's `try: f = open(p, "rb+")` / `except OSError: … raise`).
 */
function exitsBetween(from: SyntaxNode, to: SyntaxNode): boolean {
  const scope = functionOrModuleOf(from);
  const exits = scope.descendantsOfType(EXITS, { row: from.endPosition.row, column: from.endPosition.column }, { row: to.startPosition.row, column: to.startPosition.column });
  return exits.some((x) => x.startIndex >= from.endIndex && x.startIndex < to.startIndex && functionOrModuleOf(x).id === scope.id && !runsApart(from, x, scope) && !inHandlerOfTryItEnds(from, x));
}

/** True when `x` lies in an `except` clause of the `try` whose body's last statement is `stmt`: a handler runs only if the body raised, before `stmt` ended. */
function inHandlerOfTryItEnds(stmt: SyntaxNode, x: SyntaxNode): boolean {
  const body = stmt.parent;
  const attempt = body?.parent;
  if (body?.type !== 'block' || attempt?.type !== 'try_statement' || statementSiblings(body).at(-1)?.id !== stmt.id) return false;
  return attempt.namedChildren.some((c) => (c.type === 'except_clause' || c.type === 'except_group_clause') && within(x, c));
}

/**
 * The class `cls` as the file writes it, whatever part of its body the tree holds: its text up to its last
 * statement, and the names of the defs directly in its body (decorated or not).
 */
function classAsWritten(source: string, cls: SyntaxNode): { text: string; defs: Set<string> } {
  const o = outlineOf(source);
  return { text: source.slice(cls.startIndex, blockCodeEnd(source, o, lineAt(o, cls.startIndex))), defs: classDefNames(source, cls) };
}

function storeReason(target: SyntaxNode): string {
  if (target.type === 'attribute') {
    const obj = target.childForFieldName('object')?.text ?? '';
    if (obj === 'self' || obj === 'cls') return `stored on ${obj}: give the class close() or __enter__/__exit__`;
    return `stored in the attribute \`${target.text}\`: close it where its owner is done with it`;
  }
  return `stored in a container (\`${target.text}\`): close it where the container is done with it`;
}

/** The names the statement `s` binds anew by a plain assignment (`f = None`, `f = g = None`, `f, g = …`) or deletes (`del f`). */
function namesDropped(s: SyntaxNode): string[] {
  const out: string[] = [];
  const add = (id: SyntaxNode) => out.push(id.text);
  if (s.type === 'delete_statement') for (const t of s.namedChildren) forEachTargetName(t, add);
  if (s.type !== 'expression_statement') return out;
  // (Not a bare annotation, `f: object`, which binds no value)
  for (let e: SyntaxNode | null = s.namedChildren[0] ?? null; e?.type === 'assignment' && e.childForFieldName('right'); e = e.childForFieldName('right')) {
    const left = e.childForFieldName('left');
    if (left) forEachTargetName(left, add);
  }
  return out;
}

/**
 * A module-level name (`name`, or a name it was passed on to: `w = csv.writer(out)`, `fd = f.fileno()`, `LOG = fh`)
 * that still holds the resource when the module has run, where the `with` would leave it closed: a module that
 * imports it (`from log import LOGFILE`) would get a closed file. CPython too kept it open until the program ended.
 * Not a name that a statement binds anew or deletes after its last use, where that statement runs whenever the
 * assignment did (`droppedAfter`), and not where the code runs only as the program (`FileContext.programOnly`: the
 * body of `if __name__ == "__main__":`, a `__main__` module, a setup script).
 */
function keptByModule(ctx: FileContext, a: ResourceAssignment, uses: readonly Use[]): string | undefined {
  if (functionOrModuleOf(a.stmt).type !== 'module' || ctx.programOnly(a.stmt)) return undefined;
  const names = [...new Set([a.target.text, ...uses.flatMap((u) => (u.binds ? [u.name, u.binds.text] : [u.name]))])];
  return names.find((name) => !droppedAfter(ctx, a, uses, name));
}

/**
 * True when, after every use and binding of `name` that `uses` give (the drop's own aside: `f = f.read()` reads the
 * file, then drops it), a statement of the assignment's block, or of a block around it, binds `name` anew or
 * deletes it, with nothing that may skip it (`skipsTo`), and outside every `try` body and `with` body around the
 * assignment, where any statement before the drop may raise into a handler, or into a context manager that
 * swallows the exception.
 * Ex) `_out = open(p, "w")` / `writer = csv.writer(_out)` / `del _out`: dropped for `_out`, not for `writer`.
 */
function droppedAfter(ctx: FileContext, a: ResourceAssignment, uses: readonly Use[], name: string): boolean {
  const inDrop = (u: Use) => u.cls.kind === 'rebind' || u.node.parent?.type === 'delete_statement' || u.node.parent?.parent?.type === 'delete_statement';
  // Reads of `name` (one in the drop itself comes first: `f = f.read()`), and where it is bound to the resource
  const reads: Array<[number, number]> = [];
  let bound = a.stmt.endIndex;
  for (const u of uses) {
    if (u.name === name && !inDrop(u)) reads.push([u.node.startIndex, u.node.endIndex]);
    if (u.binds?.text === name) bound = Math.max(bound, u.binds.endIndex);
  }
  const afterAll = (s: SyntaxNode) => s.startIndex >= bound && reads.every(([from, to]) => to <= s.startIndex || (from >= s.startIndex && to <= s.endIndex));
  // The search starts outside the outermost `try` or `with` body around the assignment
  let from: SyntaxNode = a.stmt;
  for (let n: SyntaxNode | null = a.stmt; n && n.type !== 'module'; n = n.parent) {
    const holder = n.parent?.type === 'block' ? n.parent.parent : null;
    if (holder?.type === 'with_statement' || (holder?.type === 'try_statement' && holder.childForFieldName('body')?.id === n.parent!.id)) from = holder;
  }
  for (let n: SyntaxNode | null = from; n && n.type !== 'module'; n = n.parent) {
    const block = n.parent;
    if (block?.type !== 'block' && block?.type !== 'module') continue;
    for (const s of dropsOf(ctx, block, name)) {
      if (s.startIndex < n.endIndex || !afterAll(s)) continue;
      if (!skipsTo(a.stmt, s)) return true;
    }
  }
  return false;
}

const dropsMemo = new WeakMap<FileContext, Map<number, Map<string, SyntaxNode[]>>>();

/** The statements of `block` that drop `name` (`dropsName`), in order: one scan of the block for all names. */
function dropsOf(ctx: FileContext, block: SyntaxNode, name: string): readonly SyntaxNode[] {
  let byBlock = dropsMemo.get(ctx);
  if (!byBlock) dropsMemo.set(ctx, (byBlock = new Map()));
  let byName = byBlock.get(block.id);
  if (!byName) {
    byName = new Map();
    for (const s of statementSiblings(block)) for (const n of namesDropped(s)) pushTo(byName, n, s);
    byBlock.set(block.id, byName);
  }
  return byName.get(name) ?? [];
}

/**
 * True when code between the statements `from` and `to` (module-level code) may leave before `to` runs while the
 * module goes on: a `break` or `continue` of a loop that holds `to` (one in a loop's `else:` belongs to the loop
 * around it). Not a `break` that ends a loop `to` comes after. A `raise` cannot: `to` is outside every `try` and
 * `with` body around `from` (`droppedAfter`), so what catches the exception lies between, and the code goes on to `to`
 * after it, or the import fails.
 */
function skipsTo(from: SyntaxNode, to: SyntaxNode): boolean {
  const scope = functionOrModuleOf(from);
  const exits = scope.descendantsOfType(['break_statement', 'continue_statement'], from.endPosition, to.startPosition);
  return exits.some((x) => {
    if (x.startIndex < from.endIndex || x.startIndex >= to.startIndex || functionOrModuleOf(x).id !== scope.id) return false;
    for (let c: SyntaxNode = x; c.parent && c.parent.id !== scope.id; c = c.parent) {
      const p = c.parent;
      if (LOOPS.has(p.type) && p.childForFieldName('body')?.id === c.id) return within(to, p);
    }
    return false;
  });
}

/**
 * True when the code after `stmt` cannot reach `node` (later in `scope`): a block around `stmt` goes on to a `return`
 * or `raise` of its own, with no `break` or `continue` on the way, and `node` is outside that block; and no exception
 * from there can reach it either: `stmt` is in no `try` body (its handlers may run) nor `with` body (its exit may
 * swallow the exception) within `scope`, and in no `try` with a `finally:` (which runs after the `return` and may go
 * on: `finally: continue`). Ex) `except OSError:` /
 * `response = urlopen(t)` / `return response.read()` … `return eval(t, ns)` after the `try`.
 */
function endsBefore(stmt: SyntaxNode, scope: SyntaxNode, node: SyntaxNode): boolean {
  let ended = false;
  for (let cur = stmt; cur.parent && cur.id !== scope.id; cur = cur.parent) {
    const p = cur.parent;
    if (p.type === 'block' && (p.parent?.type === 'with_statement' || (p.parent?.type === 'try_statement' && p.parent.childForFieldName('body')?.id === p.id))) return false;
    // (A `finally:` around it runs after the `return` too, and may go on past it: `finally: continue`)
    if (p.type === 'try_statement' && p.namedChildren.some((c) => c.type === 'finally_clause' && !within(stmt, c))) return false;
    if (ended || p.type !== 'block' || within(node, p)) continue;
    for (const later of p.namedChildren) {
      if (later.startIndex < cur.endIndex) continue;
      if (later.type === 'return_statement' || later.type === 'raise_statement') {
        ended = true;
        break;
      }
      if (later.type === 'break_statement' || later.type === 'continue_statement' || later.descendantsOfType(['break_statement', 'continue_statement']).length) break;
    }
  }
  return ended;
}

type Outcome = { reason: string } | { last: SyntaxNode; uses: readonly Use[] } | undefined;

/** Where the `with` would end, or why there is none (`undefined`: not this transform's case). */
function analyse(ctx: FileContext, a: ResourceAssignment, spec: ResourceSpec): Outcome {
  // Ex) `s = socket.socket()`, `cx = sqlite3.connect(p)`: the code's last use is no proof it is done with it (a
  // peer, a transaction): the `with` holds the rest of the function, where CPython closed it, as for a lock below.
  const toReturn = !FIXABLE_KINDS.has(spec.kind);
  const name = a.target.text;
  const scope = functionOrModuleOf(a.stmt);
  // (A bare annotation, `f: IO[str]`, binds no value: the line a fix of an annotated open leaves above its `with`)
  const bindings = (ctx.names.bindings(scope).get(name) ?? []).filter((b) => !isBareAnnotationTarget(b.node));
  if (bindings.some((b) => b.kind === 'global' || b.kind === 'nonlocal')) {
    // Ex) `nonlocal f` … `f.close()`: closed by hand (open-assign-close's finding, if any)
    if (closedByName(ctx, scope, name, spec)) return undefined;
    return { reason: `\`${name}\` is declared global or nonlocal: other code may use it after any block withify could add` };
  }
  const uses = resourceUses(ctx, scope, a.target, spec).filter((u) => seesValue(u, a.stmt, scope, name));
  // Ex) `f.close()` somewhere, `with f:`, `stack.enter_context(f)`: closed by hand (open-assign-close) or managed.
  if (uses.some((u) => u.cls.kind === 'close' || u.cls.kind === 'managed')) return undefined;
  // Ex) `out = open(p)` / `self.out = out` in a class whose close() closes it: as `self.out = open(p)` (in `check`)
  if (storedOnClosingSelf(ctx, a, spec, uses)) return undefined;
  const escape = uses.find((u): u is Use & { cls: { kind: 'escape' } } => u.cls.kind === 'escape');
  // Ex) `s = socket.socket(family)` … `return s` as the function's last statement: a factory, whose caller owns
  // what it returns on every path that does not raise. No `with` is made, so a read by name (below) changes nothing.
  // (A name bound again only in another clause of an `if` no loop holds keeps it: `if port: s = create_connection(a)`
  // / `else: s = socket(); s.connect(a)` … `return s`)
  const alone = bindings.every((b) => b.node.id === a.target.id || runsApart(a.stmt, b.node, scope));
  if (escape && alone && returnedAtEnd(ctx, scope, name, uses, spec)) return undefined;
  // Ex) `return locals()["f"].closed`: a use by name after the block.
  const dynamic = dynamicLookupAfter(ctx, scope, a.stmt, (c) => !endsBefore(a.stmt, scope, c));
  if (dynamic) {
    return { reason: `\`${lookupText(dynamic)}\` on line ${line(dynamic)} may read \`${name}\` by name after the block` };
  }
  if (escape) return { reason: `${escape.cls.reason} (line ${line(escape.node)})` };

  // Ex) `f = os.fdopen(fd, "w")` … `os.fsync(fd)`: closing the file closes the descriptor, so a read of `fd` is a use of it.
  const fd = descriptorOf(ctx, spec.name, a.call, scope);
  if (fd?.kind === 'kept') return { reason: `the file's descriptor \`${fd.shown}\` is kept where withify does not follow its uses: closing the file closes it` };
  const fdNames = new Set(fd ? fd.names.filter((n) => n !== name) : []);
  if (fdNames.size) {
    const fdUses = [...fdNames].flatMap((n) => descriptorUses(ctx, scope, a.stmt, n));
    const kept = fdUses.find((u): u is Use & { cls: { kind: 'escape' } } => u.cls.kind === 'escape');
    if (kept) return { reason: `${kept.cls.reason} (line ${line(kept.node)})` };
    uses.push(...fdUses);
    uses.sort((x, y) => x.node.startIndex - y.node.startIndex);
  }

  const block = a.stmt.parent!;
  const siblings = statementSiblings(block);
  const idx = statementIndex(block, a.stmt);
  // Ex) `lock = open(p + ".lock", "w")` / `fcntl.flock(lock, fcntl.LOCK_EX)`: the lock is held while the file is open,
  // which CPython ended when the function returned: the `with` holds the rest of the function, or there is none.
  const locked = lockingUse(ctx, uses) ?? sharedWithChild(ctx, spec, a, scope, uses);
  // Ex) `del f` or `f = open(q)` after the lock: CPython closed the file, and released the lock, right there
  const deletedAfter = () => identifiersNamed(scope, name, ctx.source).some((id) => id.startIndex > a.stmt.endIndex && id.parent?.type === 'delete_statement');
  const dropped = () => bindings.length > 1 || deletedAfter();
  // Where CPython closed it: at a later `del` or binding, or (bound only before: `s = socket()` … `s = socket()` as
  // the last) at the return, which withify gives a `with` only for a name bound once
  const droppedAt = () =>
    bindings.some((b) => b.node.startIndex > a.stmt.endIndex) || deletedAfter()
      ? `where \`${name}\` is deleted or bound again: close it by hand there`
      : `when the function returned, and \`${name}\` is bound more than once in it: withify makes a \`with\` that holds the rest of the function only for a name bound once; close it by hand`;
  if (locked) {
    const callee = calleeName(ctx.names, locked) ?? 'fcntl.flock';
    const shown = `${callee}(…)`;
    // Ex) `log.write(header)` / `Popen(cmd, stdout=log)` / `proc.wait()`: the header reached the file when CPython
    // closed it, after the child's output (review rv54c)
    const what = LOCKS.has(callee) ? 'locks the file until it is closed' : CHILD_STREAMS.has(callee) ? 'gives the file to a child process that may write to it after the call returns, while what the code wrote stays in the file\'s buffer until it is flushed or closed' : FORKS.has(callee) ? 'copies the file\'s unwritten buffer into the child process, which writes it again as it ends' : 'starts a process (a function of the module that calls `Popen` or forks) that may write to the file, or copy its unwritten buffer, while what the code wrote stays in that buffer until it is flushed or closed';
    if (block.parent?.type !== 'function_definition') {
      const how = LOCKS.has(callee) ? 'release the lock earlier; close it by hand where the lock may go' : 'write that buffer earlier; close it by hand where the code is done with it';
      return { reason: `\`${shown}\` on line ${line(locked)} ${what}, which CPython did when ${block.type === 'module' ? 'the program ended' : 'the function returned'}: a \`with\` ending with this block would ${how}` };
    }
    if (dropped()) return { reason: `\`${shown}\` on line ${line(locked)} ${what}, which CPython did ${droppedAt()}` };
  } else if (toReturn && uses.length) {
    const done = `whether the code is done with ${aKind(spec.kind)} at its last use is not something withify checks (a peer, a transaction), and CPython${spec.kind === 'database connection' ? ' before 3.11' : ''} closed it`;
    if (!endsFunction(ctx, block)) {
      return { reason: `${done} when ${block.type === 'module' ? 'the program ended' : 'the function returned'}: a \`with\` ending with this block would close it earlier; close it by hand where the code is done with it` };
    }
    if (dropped()) return { reason: `${done} ${droppedAt()}` };
    const handed = nameHandedOn(ctx, spec, a.call, uses);
    if (handed) {
      return { reason: `\`${handed.text}\` on line ${line(handed)} goes where withify cannot tell what is done with the file: closing a NamedTemporaryFile deletes it by that name and, before Python 3.12 and on PyPy, raises FileNotFoundError if the code moved or removed it, where dropping it only printed "Exception ignored": close it by hand, or pass \`delete=False\`` };
    }
    // Ex) `shutil.rmtree(td)` after `tmp = NamedTemporaryFile(dir=td)`: the file goes without its name being used
    const removal = deletesByName(spec, a.call) ? removalAfter(ctx, scope, a.stmt) : undefined;
    if (removal) {
      return { reason: `\`${preview(removal)}\` on line ${line(removal)} may remove the file: closing a NamedTemporaryFile deletes it by name and, before Python 3.12 and on PyPy, raises FileNotFoundError where it is gone, where dropping it only printed "Exception ignored": close it by hand, or pass \`delete=False\`` };
    }
    // Ex) `open(tmp.name)`: on POSIX a TemporaryFile's name is its descriptor number, which the new file takes over
    const fdName = spec.name === 'tempfile.TemporaryFile' ? uses.find((u) => u.node.parent?.type === 'attribute' && u.node.parent.childForFieldName('object')?.id === u.node.id && u.node.parent.childForFieldName('attribute')?.text === 'name') : undefined;
    if (fdName) {
      return { reason: `\`${fdName.node.parent!.text}\` on line ${line(fdName.node)} is the file's descriptor number on POSIX, which what it is given may take over (\`open(tmp.name)\` closes it): close it by hand where the code is done with both` };
    }
    // Ex) a generator another thread finishes: sqlite3's `close()` raises ProgrammingError in a thread not the
    // connection's, where the drop (in that thread too) closed it quietly
    if ((spec.name.startsWith('sqlite3.') && spec.kind === 'database connection') && containsYield(scope) && !givesFalse(a.call, 'check_same_thread')) {
      return { reason: `in a generator, which another thread may finish: closing a sqlite3 connection there raises ProgrammingError, where dropping it did not: close it by hand, or pass \`check_same_thread=False\`` };
    }
  }
  let lastIdx = idx;
  for (const u of uses) {
    if (u.node.startIndex < a.stmt.endIndex || u.node.endIndex > block.endIndex) continue;
    const i = statementHolding(block, u.node.startIndex, u.node.endIndex);
    if (i > lastIdx) lastIdx = i;
  }
  if (locked || (toReturn && uses.length)) lastIdx = siblings.length - 1;
  // Ex) `fh = open(p)` / `s = socket.socket()` / `data = fh.read()`: the socket's `with` holds the rest of the
  // function, and can only inside a `with` that ends it too: the file's then holds the rest as well (closed
  // where CPython closed it, at the return), so that both findings `check` calls fixable are fixed
  else if (lastIdx > idx && endsFunction(ctx, block) && !dropped() && siblings.slice(idx + 1, lastIdx + 1).some((st) => holdsRestOfFunction(ctx, st))) {
    const end = siblings[siblings.length - 1]!;
    if (uses.every((u) => u.cls.kind !== 'rebind' && !outsideReason(u, a.stmt, end))) lastIdx = siblings.length - 1;
  }
  // Ex) `zipf = ZipFile(p)` … `zipf = ZipFile(q, "a")` after the block: a binding reads nothing of the resource (`f += x` does)
  const bindsOnly = (u: Use) => u.cls.kind === 'rebind' && u.name === name && u.node.parent?.type !== 'augmented_assignment';
  if (lastIdx === idx) {
    const read = uses.filter((u) => !bindsOnly(u));
    if (read.length === 0) return { reason: neverUsedReason(a, spec) };
    return { reason: `${outsideReason(read[0]!, a.stmt, a.stmt) ?? `\`${name}\` is only used outside this block`}: close it by hand where it is done` };
  }
  const last = siblings[lastIdx]!;
  for (const u of uses) {
    // Ex) `f = open(a)` / `f = wrap(f)`: the name now holds something else.
    if (u.cls.kind === 'rebind' && u.name === name && u.node.startIndex >= a.stmt.endIndex && u.node.startIndex < last.endIndex) {
      return { reason: `\`${name}\` is rebound on line ${line(u.node)} while the ${spec.kind} is still in use` };
    }
    // Ex) `if c: del f` / `…` / `else: f.write(s)`: CPython closed it at the `del`; a `with` ending after more code
    // holds it (and what it has not flushed) past there. (A `del f` of the block itself ends the uses of `f`: the
    // `with` goes on past it only for a name the file was handed to, which held it in CPython too.)
    const del = u.name === name && u.node.startIndex >= a.stmt.endIndex && u.node.startIndex < last.endIndex ? deleteStatementOf(u.node) : undefined;
    if (del && del.parent?.id !== block.id && !endsAt(del, last)) {
      return { reason: `\`${name}\` is deleted on line ${line(u.node)}, where CPython closed the ${spec.kind}, and a \`with\` would hold it past there, to the end of line ${last.endPosition.row + 1}: close it by hand` };
    }
    if (bindsOnly(u)) continue;
    const outside = outsideReason(u, a.stmt, last);
    if (outside && fdNames.has(u.name)) return { reason: `${outside}: closing the file closes that descriptor, so a \`with\` ending with its block would break it` };
    if (outside) return { reason: `${outside}: a \`with\` ending with its block would have closed it` };
  }
  // Ex) `out = open(p, "a")` / `out.write(s)` … `w = open(p, "w")`: CPython flushed `out` when the function returned,
  // after `w` emptied the file; a `with` ending at the last use writes it first, and `w` empties it
  // Ex) `f.write(s)` / `del f` … `w = open(p, "w")`: CPython closed the file at the `del`, where the `with` ends: nothing
  // after it lands in another order
  // (Only where no alias or wrapper made of `f` is still bound at the `del`: `keep = f` held it in CPython too)
  const closedAtDel = last.type === 'delete_statement' && deletedNames(last).has(name) && !uses.some((u) => u.binds && u.binds.type === 'identifier' && !deletedNames(last).has(u.binds.text));
  // (`open(os.devnull, "w")`: nothing written lands anywhere, in no order)
  const nullPath = pathArgOf(spec, a.call);
  const devNull = !!nullPath && isDevNull(nullPath);
  const again = mayWrite(spec, a.call) && !closedAtDel && !devNull ? samePathOpenedAgain(ctx, scope, a, last) : undefined;
  if (again) {
    const theirs = resourceOf(ctx, again);
    const spelt = theirs ? pathArgOf(theirs, again) : undefined;
    const mine = pathArgOf(spec, a.call);
    const path = spelt && mine && spelt.text !== mine.text ? `\`${preview(spelt)}\` (which may be \`${preview(mine)}\`)` : 'the same path';
    const opens = again.startIndex < a.call.startIndex ? `opened ${path} to write before, and is not closed before this open` : 'opens the same path again, to write';
    return { reason: `\`${preview(again)}\` on line ${line(again)} ${opens}: a \`with\` ending with its block would write and close the ${spec.kind} before it, where CPython did at the ${scope.type === 'module' ? "program's" : "function's"} end, and what each writes may land in another order or be emptied: close it by hand where the code is done with it` };
  }
  // Ex) `f = open(P, "w")` / `f.write("x")` / `note("N")`, `note` a function of the file that appends to `P`; or
  // `Path(P).write_text(…)`, `shutil.copy(src, P)` after the last use: CPython flushed `f` at the function's end, over
  // what they wrote; a `with` ending at the last use writes first
  const pathNode = pathArgOf(spec, a.call);
  const loops = loopsAround(a.stmt, scope);
  // (In a loop around the open, any call of it, before the open too: the next turn runs it before CPython dropped the
  // file, at the rebinding; a path the loop binds again may be the same on two turns, `for name in names` with a name twice)
  const after = (c: SyntaxNode) => c.startIndex >= last.endIndex || loops.some((l) => within(c, l));
  const elsewhere = mayWrite(spec, a.call) && !closedAtDel && !devNull && pathNode ? pathWrittenElsewhere(ctx, scope, { pathNode, after }) : undefined;
  // Ex) `f = open(p, "a")` / `f.write("first")` / `yield 1`: at a `yield` (an `await`) after the last use the caller (another
  // task) runs, and may write the path, while CPython held the file open to the generator's end; a `with` flushed it first
  const suspension = mayWrite(spec, a.call) && !closedAtDel && !devNull && pathNode !== null && !elsewhere ? suspensionAfter(scope, after) : undefined;
  if (suspension) {
    return { reason: `\`${preview(suspension)}\` on line ${line(suspension)} hands control to other code while CPython still held the ${spec.kind} open (to the ${suspension.type === 'yield' ? "generator's" : "coroutine's"} end), which may write the same path: a \`with\` ending with its block would write and close it before: close it by hand where the code is done with it` };
  }
  // Ex) `f = open(*args)`: the path is not known, and whether later code writes it cannot be told (where code runs after
  // the last use)
  if (mayWrite(spec, a.call) && !closedAtDel && pathNode === undefined && scopeCallList(scope).some(after)) {
    return { reason: `the path \`${preview(a.call)}\` opens is not known (\`*args\`, \`**kwargs\`): whether the code after its last use writes it again cannot be told, and a \`with\` ending with its block would write and close the ${spec.kind} before that: close it by hand where the code is done with it` };
  }
  if (elsewhere) {
    return { reason: `\`${preview(elsewhere.call)}\` on line ${line(elsewhere.call)} ${elsewhere.how}: a \`with\` ending with its block would write and close the ${spec.kind} before it, where CPython did at the ${scope.type === 'module' ? "program's" : "function's"} end, and what each writes may land in another order: close it by hand where the code is done with it` };
  }
  // Ex) `raw = open(p, "wb")` / `z = gzip.GzipFile(fileobj=raw, mode="wb")`: `z` writes its end (a trailer, a central
  // directory) to `raw` when it is closed or collected, which CPython did before it freed `raw`; kept in a name, it
  // may be closed only on some paths, or never: a `with` over `raw` would close it under `z` first. (In a `with` of its
  // own, `with z:` or, after its own fix, `with gzip.GzipFile(fileobj=raw, mode="wb") as z:`, it ends inside `raw`'s.)
  const writer = mayWrite(spec, a.call) ? uses.find((u) => u.name === name && u.binds && writesWhenClosed(ctx, u.node, u.binds) && !managedInBlock(ctx, scope, u.binds)) : undefined;
  if (writer) {
    const z = writer.binds!.text;
    return { reason: `wrapped by \`${z}\` on line ${line(writer.node)}, which writes to the ${spec.kind} when it is closed or collected: a \`with\` would close the ${spec.kind} under it first; give \`${z}\` a \`with\` of its own` };
  }
  return { last, uses };
}

/**
 * True when the value `target` is bound to holds, around the read `use`, a catalog resource that may write (`z =
 * gzip.GzipFile(fileobj=raw, mode="wb")`, `z = io.TextIOWrapper(gzip.GzipFile(fileobj=raw, mode="wb"))`, `z =
 * gzip.GzipFile(fileobj=raw, mode="wb") if c else None`).
 */
function writesWhenClosed(ctx: FileContext, use: SyntaxNode, target: SyntaxNode): boolean {
  const made = target.parent?.type === 'assignment' ? target.parent.childForFieldName('right') : null;
  if (!made || !within(use, made)) return false;
  for (let p = use.parent; p && p.id !== made.parent?.id; p = p.parent) {
    if (p.type !== 'call') continue;
    const inner = resourceOf(ctx, p);
    if (inner && mayWrite(inner, p)) return true;
  }
  return false;
}

/**
 * True when the name `target` binds (`gz = gzip.GzipFile(…)`) is the item of a `with` (`with gz:`, `with gz as g:`)
 * that is a later statement of the assignment's own block: it is closed there on every path.
 */
function managedInBlock(ctx: FileContext, scope: SyntaxNode, target: SyntaxNode): boolean {
  const stmt = target.parent?.parent;
  if (stmt?.type !== 'expression_statement') return false;
  return identifiersNamed(scope, target.text, ctx.source).some((id) => {
    if (id.startIndex < stmt.endIndex) return false;
    const held = outerParens(id);
    let item = held.parent;
    if (item?.type === 'as_pattern' && item.namedChildren[0]?.id === held.id) item = item.parent;
    if (item?.type !== 'with_item') return false;
    return withOf(item)?.parent?.id === stmt.parent?.id;
  });
}


/**
 * True when nothing of `last` runs after the `del` statement `del`: it ends each block up to `last`, and each block
 * is a branch of an `if` (not a loop's body, whose next iteration runs, nor a `try`'s or a `with`'s, whose handlers
 * and exits do).
 */
function endsAt(del: SyntaxNode, last: SyntaxNode): boolean {
  let cur = del;
  while (cur.id !== last.id) {
    const block = cur.parent;
    if (block?.type !== 'block' || statementSiblings(block).at(-1)?.id !== cur.id) return false;
    let owner = block.parent;
    if (owner?.type === 'else_clause' || owner?.type === 'elif_clause') owner = owner.parent;
    if (owner?.type !== 'if_statement') return false;
    cur = owner;
  }
  return true;
}

/**
 * Another resource call of `scope`'s own code that may write, given the same path as `a` (the same text): after `last`,
 * or anywhere in a loop around `a` (its next iteration runs it before the `with`'s end would have come in CPython's
 * order). A path spelt otherwise is not seen.
 */
export function samePathOpenedAgain(ctx: FileContext, scope: SyntaxNode, a: ResourceAssignment, last: SyntaxNode): SyntaxNode | undefined {
  const spec = resourceOf(ctx, a.call);
  const path = spec ? pathArgOf(spec, a.call)?.text : undefined;
  if (path === undefined) return undefined;
  const loops = loopsAround(a.stmt, scope);
  // Ex) `for it in items: f = open(p, "w")` / `f.write(it)`: the next turn's open empties the file, then CPython flushed
  // the last turn's buffer into it (at the rebinding); a `with` flushed it before
  if (spec && loops.some((l) => reopenedEmptiedInLoop(ctx, spec, a.call, l))) return a.call;
  for (const c of callsByPath(ctx).get(path) ?? []) {
    if (c.id === a.call.id || !within(c, scope) || ownerThroughLambdas(c).id !== scope.id) continue;
    // (A read of it sees more of what was written, which open-assign allows: docs/open-assign.md)
    const other = resourceOf(ctx, c);
    if (!other || !mayWrite(other, c)) continue;
    if (c.startIndex >= last.endIndex || loops.some((l) => within(c, l))) return c;
    // Ex) `f = open(p, "a")` / `g = open(p, "a")` / `g.write("G")` / `f.write("F")` / `f.close()`: `f`, opened before and
    // still open, flushes after what a `with` over `g` would have written; CPython flushed `g` at the end, after `f`
    if (c.startIndex < a.call.startIndex && !closedBefore(scope, c, a.stmt)) return c;
  }
  // Ex) `log = open(LOG, "a")` / `audit = open(AUDIT, "a")`, `AUDIT = LOG`: a writer of a path spelt otherwise, open when
  // this one is made and not two different literals, may write the same file; a `with` over `audit` flushes it first,
  // CPython flushed `log` first (review rv54c)
  if (!PATH_KINDS.has(spec!.kind)) return undefined;
  const mine = literalTail(pathArgOf(spec!, a.call)!);
  // (The file's writers read once: 2,000 opens of one function asked each about all before it took 20 s)
  for (const w of pathWriters(ctx)) {
    if (w.call.startIndex >= a.call.startIndex) break;
    if (w.path.text === path || tailsApart(w.tail, mine) || !within(w.call, scope) || ownerThroughLambdas(w.call).id !== scope.id) continue;
    if (!closedBefore(scope, w.call, a.stmt)) return w.call;
  }
  return undefined;
}

/** The file's candidate calls that may write a file by its path, in order, with that path and the literal text it ends with. */
function pathWriters(ctx: FileContext): Array<{ call: SyntaxNode; path: SyntaxNode; tail: string | undefined }> {
  return memoized(writersCache, ctx, '', () => {
    const out: Array<{ call: SyntaxNode; path: SyntaxNode; tail: string | undefined }> = [];
    for (const c of candidateCalls(ctx)) {
      const spec = resourceOf(ctx, c);
      const path = spec && PATH_KINDS.has(spec.kind) && mayWrite(spec, c) ? pathArgOf(spec, c) : undefined;
      if (path && !isDevNull(path)) out.push({ call: c, path, tail: literalTail(path) });
    }
    return out.sort((x, y) => x.call.startIndex - y.call.startIndex);
  });
}
const writersCache = new WeakMap<FileContext, Map<string, Array<{ call: SyntaxNode; path: SyntaxNode; tail: string | undefined }>>>();

/** Kinds made from a path, which two names may write at once. */
export const PATH_KINDS: ReadonlySet<string> = new Set(['file', 'archive', 'audio file', 'database', 'shelf', 'file set']);

// Per file: every assignment asked for the calls of its path among all the file's candidates.
const pathCache = new WeakMap<FileContext, Map<string, Map<string, SyntaxNode[]>>>();

/** The file's candidate calls (`candidateCalls`) by the text of their first positional argument, in order. */
function callsByPath(ctx: FileContext): Map<string, SyntaxNode[]> {
  return memoized(pathCache, ctx, '', () => {
    const found = new Map<string, SyntaxNode[]>();
    for (const c of candidateCalls(ctx)) {
      // (`open(file=p, mode="a")`, `Path(p).open("a")`: the path as the call names it)
      const spec = resourceOf(ctx, c);
      const path = (spec ? pathArgOf(spec, c) : firstPositional(c))?.text;
      if (path !== undefined) pushTo(found, path, c);
    }
    return found;
  });
}

/**
 * True when what the resource call `c` makes is closed before `open` (the statement of the later open) on every path
 * to it, as CPython runs the code: by a `with` that holds `c` and ends before it, by `name.close()` (a statement of a
 * block around `open`) after `name = c`, or at once, as a call's temporary (`open(p, "w").write(s)`).
 * Ex) `f = open(p, "w")` / `f.write(s)` / `f.close()` / `g = open(p, "a")`: a file written, closed, then opened to append.
 */
function closedBefore(scope: SyntaxNode, c: SyntaxNode, open: SyntaxNode): boolean {
  for (let n: SyntaxNode | null = c.parent; n && n.id !== scope.id; n = n.parent) {
    if (n.type === 'with_clause') return n.parent!.endIndex <= open.startIndex;
    if (n.type === 'block' || n.type.endsWith('statement')) break;
  }
  // Ex) `open(p, "w").write("A")`: CPython closed it as the statement ended
  const method = c.parent?.type === 'attribute' && c.parent.parent?.type === 'call' ? c.parent.parent : undefined;
  if (method?.parent?.type === 'expression_statement' && method.parent.endIndex <= open.startIndex) return true;
  const assign = c.parent?.type === 'assignment' && c.parent.childForFieldName('right')?.id === c.id ? c.parent : undefined;
  const target = assign?.childForFieldName('left');
  if (target?.type !== 'identifier') return false;
  // (A statement of a block around the later open, in the same function: it ran on the way there; with the name not
  // bound again between, as `f = open(q)` would make the close another file's. Not `del f`: `items = [f]` keeps it.)
  const { closes: allCloses, assignments: allAssignments } = scopeCloses(scope);
  const closes = allCloses.get(target.text) ?? [];
  const assignments = allAssignments.get(target.text) ?? [];
  const rebound = (s: SyntaxNode) => {
    for (let k = firstIndex(assignments.length, (i) => assignments[i]![0] > c.endIndex); k < assignments.length && assignments[k]![0] < s.startIndex; k++) if (assignments[k]![1] <= s.startIndex) return true;
    return false;
  };
  for (let k = firstIndex(closes.length, (i) => closes[i]!.startIndex > c.endIndex); k < closes.length && closes[k]!.startIndex < open.startIndex; k++) {
    const s = closes[k]!;
    if (s.endIndex <= open.startIndex && within(open, s.parent!) && !rebound(s)) return true;
  }
  return false;
}

interface ScopeCloses {
  /** Name → the statements `name.close()` of the scope's own code (not a nested function's), in order. */
  closes: Map<string, SyntaxNode[]>;
  /** Name → the start and end of each assignment in the scope whose left side names it, in order of start. */
  assignments: Map<string, [number, number][]>;
}

// Per tree, per scope: each earlier writer of a path asked for the closes and assignments of the whole scope.
const scopeCloseCache = new WeakMap<object, Map<number, ScopeCloses>>();

function scopeCloses(scope: SyntaxNode): ScopeCloses {
  return memoized(scopeCloseCache, scope.tree, scope.id, () => {
    const closes = new Map<string, SyntaxNode[]>();
    for (const s of scope.descendantsOfType('expression_statement')) {
      const name = s.namedChildren[0]?.childForFieldName('function')?.childForFieldName('object')?.text;
      if (name !== undefined && isCloseStatement(s, name) && functionOrModuleOf(s).id === scope.id) pushTo(closes, name, s);
    }
    const assignments = new Map<string, [number, number][]>();
    for (const x of scope.descendantsOfType('assignment')) {
      const names = new Set((x.childForFieldName('left')?.descendantsOfType('identifier') ?? []).map((i) => i.text));
      for (const name of names) pushTo(assignments, name, [x.startIndex, x.endIndex]);
    }
    return { closes, assignments };
  });
}

/**
 * Why `name = call(…)`, never used by name, gets no fix. Ex) `tf = NamedTemporaryFile(dir=td)` kept only so that the
 * file exists while `os.listdir(td)` runs: closing it at once would remove the file, so that is no advice to give.
 */
function neverUsedReason(a: ResourceAssignment, spec: ResourceSpec): string {
  const name = a.target.text;
  if (!deletesByName(spec, a.call)) return `\`${name}\` is never used: close it at once (\`${name}.close()\`) or drop the call`;
  const callee = a.call.childForFieldName('function')?.text.replace(/\s+/g, '') ?? 'NamedTemporaryFile';
  const removes = givesFalse(a.call, 'delete_on_close') ? 'leaving its `with` (or the GC) removes' : 'closing it removes';
  return `\`${name}\` is never used, but ${removes} the file it made, which the code after it may need on disk: put the code that needs the file in \`with ${callee}(...) as ${name}:\`, which removes it at the end`;
}

/**
 * True when every escape among `uses` is `name` itself returned by the `return` that ends the body of the
 * function `scope` (not a generator): the value, or an item of a tuple or list that is, and the value runs no
 * code (`return s`, `return f, path`). Not what is made from it (`return csv.reader(f)`, `return p.stdout`):
 * the caller could not close it. A process's pipe read in the function's own code (`p.stdin.write(data)`,
 * `p.stdout.read()`) is no escape here: the pipe is the process's, which the caller gets and closes with it.
 */
function returnedAtEnd(ctx: FileContext, scope: SyntaxNode, name: string, uses: readonly Use[], spec: ResourceSpec): boolean {
  if (scope.type !== 'function_definition' || containsYield(scope)) return false;
  const body = scope.childForFieldName('body');
  const last = body ? statementSiblings(body).at(-1) : undefined;
  // Ex) `return io.TextIOWrapper(s, encoding=enc)`: a wrapper that closes the file, made of plain values, is the file
  // handed on (as `return io.TextIOWrapper(open(p, "rb"))` is, for open-argument)
  const owning = (c: SyntaxNode): boolean =>
    c.type === 'call' && consumerOf(ctx, c)?.owns === true && (c.childForFieldName('arguments')?.namedChildren ?? []).every((a) => isExtra(a) || isPure(a.type === 'keyword_argument' ? (a.childForFieldName('value') ?? a) : a));
  if (last?.type !== 'return_statement' || !last.namedChildren.every((c) => isPure(c) || owning(c))) return false;
  // Ex) `if flag: return None` before it: that path drops the object
  if (ownReturns(body!).length !== 1) return false;
  const itemOf = (node: SyntaxNode): boolean => {
    const p = node.parent;
    if (p?.id === last.id) return true;
    return (p?.type === 'tuple' || p?.type === 'expression_list' || p?.type === 'list' || p?.type === 'parenthesized_expression') && itemOf(p);
  };
  // Ex) `p = Popen(cmd, stdin=PIPE)` / `p.stdin.write(data)` / `return p` (pip's distlib, pytest's pytester)
  const pipeOfProcess = (u: Use): boolean => {
    if (!spec.pipesOnly || u.name !== name || functionOrModuleOf(u.node).id !== scope.id) return false;
    const p = u.node.parent;
    return p?.type === 'attribute' && p.childForFieldName('object')?.id === u.node.id && PIPES.has(p.childForFieldName('attribute')?.text ?? '');
  };
  const wrappedFirst = (u: Use): boolean => {
    const args = u.node.parent;
    const call = args?.type === 'argument_list' ? args.parent : undefined;
    return !!call && owning(call) && args!.namedChildren.find((a) => !isExtra(a))?.id === u.node.id && call.parent?.id === last.id;
  };
  const returned = (u: Use): boolean => u.name === name && u.node.type === 'identifier' && (itemOf(u.node) || wrappedFirst(u));
  // Ex) `return p.stdout`: only the pipe goes to the caller
  // (A call that may keep it on the way, `getattr(f, method)()`: the caller gets it all the same, and owns it)
  return uses.some(returned) && uses.every((u) => u.cls.kind !== 'escape' || returned(u) || pipeOfProcess(u) || u.cls.severity === 'call');
}

const PIPES: ReadonlySet<string> = new Set(['stdin', 'stdout', 'stderr']);

/** The `return` statements of a function's body, not of functions, lambdas or classes nested in it. */
function ownReturns(body: SyntaxNode): SyntaxNode[] {
  return body.descendantsOfType('return_statement').filter((r) => {
    for (let a = r.parent; a && a.id !== body.id; a = a.parent) if (a.type === 'function_definition' || a.type === 'class_definition' || a.type === 'lambda') return false;
    return true;
  });
}

/**
 * True when `stmt` binds a name to a resource whose `with` holds the rest of the function (`s = socket.socket()`:
 * not a file, response or archive, nor a process or pipe, which get none).
 */
function holdsRestOfFunction(ctx: FileContext, stmt: SyntaxNode): boolean {
  const a = stmt.type === 'expression_statement' && stmt.namedChildCount === 1 ? stmt.namedChildren[0] : undefined;
  const value = a?.type === 'assignment' && a.childForFieldName('left')?.type === 'identifier' ? a.childForFieldName('right') : null;
  const spec = value?.type === 'call' ? resourceOf(ctx, value) : undefined;
  return spec !== undefined && !FIXABLE_KINDS.has(spec.kind) && !spec.closeWaits && !spec.exitWaits;
}

/**
 * True when nothing of its function runs after `block` but the exits of `with` statements around it that only
 * close resources of the catalog: the function's body, or the body of such a `with` that is the last statement
 * of such a block (`tf2 = NamedTemporaryFile()` inside the `with` an earlier fix gave `tf1`). Not any `with`:
 * CPython closed the object after the function returned, so after every `__exit__` around it, and one may wait
 * for it (`with Server() as addr:`, whose exit waits for the client to hang up).
 */
function endsFunction(ctx: FileContext, block: SyntaxNode): boolean {
  for (let b = block; ; ) {
    const owner = b.parent;
    if (owner?.type === 'function_definition') return true;
    const outer = owner?.type === 'with_statement' ? owner.parent : null;
    if (!outer || outer.type !== 'block' || !closesOnlyResources(ctx, owner!)) return false;
    const siblings = statementSiblings(outer);
    if (siblings[siblings.length - 1]?.id !== owner!.id) return false;
    b = outer;
  }
}

/**
 * True when every item of the `with` statement `w` is a call of the catalog whose exit only closes it (`open(p)`,
 * `closing(sqlite3.connect(p))`): not a process (`Popen`'s exit waits for it, and the child may still talk to the
 * socket), a pipe of `os.popen` (its close waits for the command), nor a sqlite3 connection's own `with` (a commit).
 */
function closesOnlyResources(ctx: FileContext, w: SyntaxNode): boolean {
  const clause = w.namedChildren.find((c) => c.type === 'with_clause');
  const items = clause?.namedChildren.filter((c) => c.type === 'with_item') ?? [];
  return items.length > 0 && items.every((item) => {
    let value = item.childForFieldName('value');
    if (value?.type === 'as_pattern') value = value.namedChildren[0] ?? null;
    const closing = value?.type === 'call' && calleeName(ctx.names, value) === 'contextlib.closing';
    if (closing) value = value!.childForFieldName('arguments')?.namedChildren[0] ?? null;
    const spec = value?.type === 'call' ? resourceOf(ctx, value) : undefined;
    return spec !== undefined && !spec.exitWaits && !spec.closeWaits && (closing || spec.management === 'with');
  });
}

// Calls that look at a path, or open it, and return no path: the file is where it was after them.
const LOOKS_AT_PATH = new Set([
  'builtins.open', 'io.open', 'builtins.print', 'builtins.len', 'os.stat', 'os.lstat', 'os.path.exists',
  'os.path.isfile', 'os.path.isdir', 'os.path.getsize', 'os.path.getmtime',
]);

/**
 * The first read of `tmp.name` among `uses` that goes anywhere but a look at the path (`open(tmp.name)`,
 * `os.path.getsize(tmp.name)`, `tmp.name == p`, `return tmp.name`), for a `NamedTemporaryFile` that deletes its file on close.
 * Ex) `os.rename(tmp.name, dest)`: `__exit__` then raises FileNotFoundError (before Python 3.12, and on PyPy),
 * where CPython's drop printed "Exception ignored in …" and went on.
 */
function nameHandedOn(ctx: FileContext, spec: ResourceSpec, call: SyntaxNode, uses: readonly Use[]): SyntaxNode | undefined {
  if (!deletesByName(spec, call)) return undefined;
  for (const u of uses) {
    const attr = u.node.parent;
    if (attr?.type !== 'attribute' || attr.childForFieldName('object')?.id !== u.node.id || attr.childForFieldName('attribute')?.text !== 'name') continue;
    let n = attr;
    while (n.parent?.type === 'parenthesized_expression' || n.parent?.type === 'expression_list' || n.parent?.type === 'tuple') n = n.parent;
    const p = n.parent;
    // Ex) `return tmp.name`: the `with` deletes the file as the function returns, as CPython's drop did. Not
    // `"%s" % tmp.name` or `os.path.abspath(tmp.name)`: a path again, which may go to `os.rename`
    if (p?.type === 'comparison_operator' || p?.type === 'return_statement') continue;
    const c = p?.type === 'argument_list' ? p.parent : undefined;
    if (c?.type === 'call' && LOOKS_AT_PATH.has(calleeName(ctx.names, c) ?? '')) continue;
    return attr;
  }
  return undefined;
}


// Calls that remove or move files they are not given by a temporary file's name: a directory's whole tree, a path.
const REMOVES = new Set(['shutil.rmtree', 'shutil.move', 'os.rmdir', 'os.removedirs', 'os.remove', 'os.unlink', 'os.rename', 'os.renames', 'os.replace']);

/** The first call after `stmt` in `scope` that may remove or move a file (`REMOVES`, a path's `unlink()`/`rmdir()`). */
function removalAfter(ctx: FileContext, scope: SyntaxNode, stmt: SyntaxNode): SyntaxNode | undefined {
  if (!/\b(?:rmtree|move|rmdir|removedirs|remove|unlink|rename|renames|replace)\b/.test(ctx.source.slice(stmt.endIndex, scope.endIndex))) return undefined;
  return scope.descendantsOfType('call').find((c) => {
    if (c.startIndex < stmt.endIndex) return false;
    const fn = c.childForFieldName('function');
    const attr = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
    return REMOVES.has(calleeName(ctx.names, c) ?? '') || attr === 'unlink' || attr === 'rmdir';
  });
}

const LOCKS = new Set(['fcntl.flock', 'fcntl.lockf', 'fcntl.fcntl']);
/** A process started with one of its standard streams given, which returns while the child runs. */
const CHILD_STREAMS = new Set(['subprocess.Popen']);
/** The call the use `u` is an argument of (itself, or `u.fileno()`), with its keyword and its place among the arguments. */
function argumentOf(u: Use): { call: SyntaxNode; keyword?: string; position: number } | undefined {
  let arg = u.node;
  const attr = arg.parent;
  if (attr?.type === 'attribute' && attr.childForFieldName('object')?.id === arg.id && attr.childForFieldName('attribute')?.text === 'fileno' && attr.parent?.type === 'call') arg = attr.parent;
  const kw = arg.parent?.type === 'keyword_argument' && arg.parent.childForFieldName('value')?.id === arg.id ? arg.parent : undefined;
  const list = (kw ?? arg).parent;
  const call = list?.type === 'argument_list' ? list.parent : undefined;
  if (call?.type !== 'call') return undefined;
  return { call, keyword: kw?.childForFieldName('name')?.text, position: kw ? -1 : list!.namedChildren.filter((c) => !isExtra(c)).findIndex((c) => c.id === arg.id) };
}

/** True when the use `u` is the file given to a `subprocess` call (`Popen(…, stdout=f)`), or its `fileno()` so given. */
function givenAsChildStream(ctx: FileContext, u: Use): boolean {
  const given = argumentOf(u);
  return !!given && /^subprocess\./.test(calleeName(ctx.names, given.call) ?? '');
}

/** Calls that copy the process, its open files' buffers with it. */
const FORKS = new Set(['os.fork', 'os.forkpty', 'pty.fork']);

/**
 * Where a file the code may write is shared with another process that outlives the call (review rv54c): given as a
 * standard stream of `Popen(…)` (by position or keyword, or as `f.fileno()`), which returns while the child writes to
 * it; or a fork after it is opened (`os.fork()`), which copies the file's unwritten buffer into the child. What the
 * code wrote reaches the file when the file is flushed or closed, which CPython did when the function returned:
 * the `with` then holds the rest of the function (as for a lock), or there is none.
 */
function sharedWithChild(ctx: FileContext, spec: ResourceSpec, a: ResourceAssignment, scope: SyntaxNode, uses: readonly Use[]): SyntaxNode | undefined {
  const popen = ctx.source.includes('Popen');
  const fork = /\bfork/.test(ctx.source);
  if ((!popen && !fork) || !mayWrite(spec, a.call)) return undefined;
  // (A file the code itself never writes through has nothing buffered to write late: `log = open(p, "w")` /
  // `Popen(cmd, stdout=log)` alone, review rv54d)
  if (!uses.some((u) => !givenAsChildStream(ctx, u))) return undefined;
  // Ex) `p = start(cmd, log)`, `def start(cmd, out): return subprocess.Popen(cmd, stdout=out)`; `spawn_worker()` whose
  // body forks: a function of the module that starts a process (review rv54d)
  const spawns = (call: SyntaxNode, what: RegExp) => {
    const f = call.childForFieldName('function');
    if (f?.type !== 'identifier') return false;
    const r = ctx.names.resolve(f.text, f);
    return r.kind === 'local' && r.bindings.some((b) => b.kind === 'def' && what.test(b.node.text));
  };
  if (popen) {
    for (const u of uses) {
      const given = argumentOf(u);
      if (!given) continue;
      if (spawns(given.call, /\bPopen\s*\(/)) return given.call;
      if (!CHILD_STREAMS.has(calleeName(ctx.names, given.call) ?? '')) continue;
      const stream = given.keyword !== undefined ? ['stdin', 'stdout', 'stderr'].includes(given.keyword) : [3, 4, 5].includes(given.position);
      if (stream) return given.call;
    }
  }
  if (!fork) return undefined;
  return scopeCallList(scope).find((c) => c.startIndex > a.stmt.endIndex && (FORKS.has(calleeName(ctx.names, c) ?? '') || spawns(c, /\bfork(?:pty)?\s*\(/)));
}

/** A call among `uses` that locks the file, given it or its descriptor: `fcntl.flock(f, …)`, `fcntl.lockf(f.fileno(), …)`. */
function lockingUse(ctx: FileContext, uses: readonly Use[]): SyntaxNode | undefined {
  if (!ctx.source.includes('fcntl')) return undefined;
  for (const u of uses) {
    let arg = u.node;
    // Ex) `f.fileno()`
    const attr = arg.parent;
    if (attr?.type === 'attribute' && attr.childForFieldName('object')?.id === arg.id && attr.childForFieldName('attribute')?.text === 'fileno' && attr.parent?.type === 'call') arg = attr.parent;
    const list = arg.parent;
    const call = list?.type === 'argument_list' ? list.parent : undefined;
    if (call?.type === 'call' && list!.namedChildren[0]?.id === arg.id && LOCKS.has(calleeName(ctx.names, call) ?? '')) return call;
  }
  return undefined;
}

interface IndirectBinding {
  call: SyntaxNode;
  /** The name bound. */
  target: SyntaxNode;
  /** How the assignment shows it: `out = open(...) if … else …`. */
  shown: string;
  reason: string;
}

/**
 * A resource bound to a name in a way WFY105 gives no `with`: a branch of a conditional expression (`out =
 * open(p, "w") if p else sys.stdout`), `:=`, an element of a tuple assignment (`fin, fout = open(a), open(b)`).
 */
function indirectBinding(call: SyntaxNode): IndirectBinding | undefined {
  let cur = call;
  while (cur.parent?.type === 'parenthesized_expression') cur = cur.parent;
  const callee = call.childForFieldName('function')?.text.replace(/\s+/g, '') ?? 'open';
  const p = cur.parent;
  if (p?.type === 'conditional_expression' && p.namedChildren.filter((c) => !isExtra(c))[1]?.id !== cur.id) {
    let cond = p;
    while (cond.parent?.type === 'parenthesized_expression') cond = cond.parent;
    const a = cond.parent;
    const target = a?.type === 'assignment' && a.childForFieldName('right')?.id === cond.id ? a.childForFieldName('left') : null;
    if (target?.type !== 'identifier') return undefined;
    const first = p.namedChildren.find((c) => !isExtra(c))?.id === cur.id;
    return {
      call,
      target,
      shown: `${target.text} = ${first ? `${callee}(...) if … else …` : `… if … else ${callee}(...)`}`,
      reason: 'bound through a conditional expression, whose other value may be no file of the code\'s to close: close it where done, only when it is the file (`if out is not sys.stdout: out.close()`), or enter it in a `contextlib.ExitStack`',
    };
  }
  if (p?.type === 'named_expression' && p.childForFieldName('value')?.id === cur.id) {
    const target = p.childForFieldName('name');
    if (target?.type !== 'identifier') return undefined;
    return { call, target, shown: `(${target.text} := ${callee}(...))`, reason: 'bound by `:=`: withify gives a `with` only to an assignment statement of its own (`f = open(p)`); close it by hand, or open it in a `with`' };
  }
  // Ex) `f = (  # the config` / `open(p)` / `)`: the `with` header, made of the call, would drop the comment
  if (p?.type === 'assignment' && p.childForFieldName('right')?.id === cur.id && cur.id !== call.id && p.parent?.type === 'expression_statement') {
    const target = p.childForFieldName('left');
    const comment = cur.descendantsOfType('comment').find((c) => !within(c, call));
    if (target?.type !== 'identifier' || !comment) return undefined;
    return { call, target, shown: `${target.text} = (${callee}(...))`, reason: `a comment inside the parentheses around the call (\`${comment.text.length > 30 ? `${comment.text.slice(0, 29)}…` : comment.text}\`), which a \`with\` header made of the call would drop: move it out of them` };
  }
  if (p?.type === 'expression_list') {
    const a = p.parent;
    const left = a?.type === 'assignment' && a.childForFieldName('right')?.id === p.id ? a.childForFieldName('left') : null;
    if (left?.type !== 'pattern_list') return undefined;
    const values = p.namedChildren.filter((c) => !isExtra(c));
    const names = left.namedChildren.filter((c) => !isExtra(c));
    const target = values.length === names.length ? names[values.findIndex((v) => v.id === cur.id)] : undefined;
    if (target?.type !== 'identifier') return undefined;
    return { call, target, shown: `${left.text.replace(/\s+/g, ' ')} = …${callee}(...)…`, reason: `bound in a tuple assignment: withify gives a \`with\` only to an assignment of one name (\`${target.text} = ${callee}(...)\`); split it, and the file gets one` };
  }
  return undefined;
}

/**
 * True when the code of `scope` closes `name` (a name or an attribute chain such as `self.f`) by hand:
 * `name.close()`, `closing(name)`; for a resource whose `__exit__` closes it (not a sqlite3 connection, whose
 * `with` only commits) also `with name`, `enter_context(name)` (unittest's `enterContext(name)`), `name.__exit__`.
 */
function closedByName(ctx: FileContext, scope: SyntaxNode, name: string, spec: ResourceSpec): boolean {
  // (Once per scope, name and management: a function of thousands of blocks binding one name asked for each)
  return memoized(closedMemo, ctx, `${scope.id}:${name}:${spec.management}`, () => closesByName(flatText(ctx, scope), name, spec));
}

const closedMemo = new WeakMap<FileContext, Map<string, boolean>>();
const flatMemo = new WeakMap<FileContext, Map<number, string>>();

/** The code of `scope` (the whole text for the module) with every run of blanks one space. */
function flatText(ctx: FileContext, scope: SyntaxNode): string {
  return memoized(flatMemo, ctx, scope.id, () => (scope.type === 'module' ? ctx.source : scope.text).replace(/[ \t]+/g, ' '));
}

/** `closedByName` for the code `code`. */
function closesByName(text: string, name: string, spec: ResourceSpec): boolean {
  const n = escapeRegExp(name);
  const managed = spec.management === 'with' ? `|\\bwith ${n}\\b|(?:enter_context|enterContext|enterClassContext) ?\\( ?${n} ?\\)|\\b${n} ?\\. ?__exit__` : '';
  return new RegExp(`\\b${n} ?\\. ?close ?\\(|closing ?\\( ?${n} ?\\)${managed}`).test(text);
}

/**
 * What a process assigned to a name leaves open (`p = Popen(cmd, stdout=PIPE)`): the pipes it may ask for
 * (`pipeStreams`) that the code of its function does not close by name (`p.stdout.close()`, `p.stdout.close`
 * handed to `addCleanup` or `atexit.register`, `with p.stdout:`, `enter_context(p.stdout)`, `closing(p.stdout)`;
 * `p.communicate(…)` closes them all). `undefined`: none is left.
 */
function pipesLeftOpen(ctx: FileContext, a: ResourceAssignment, spec: ResourceSpec): { message: string; reason: string } | undefined {
  const name = a.target.text;
  const scope = functionOrModuleOf(a.stmt);
  const code = (scope.type === 'module' ? ctx.source : scope.text).replace(/[ \t]+/g, ' ');
  const n = escapeRegExp(name);
  if (new RegExp(`\\b${n} ?\\. ?communicate ?\\(`).test(code)) return undefined;
  const streams = pipeStreams(ctx, a.call);
  const left = [...streams].filter(([s]) => {
    const p = `${n} ?\\. ?${s}`;
    return !new RegExp(`\\b${p} ?\\. ?close\\b|\\bwith ${p}\\b|(?:enter_context|enterContext|enterClassContext|closing) ?\\( ?${p} ?\\)`).test(code);
  });
  if (left.length === 0) return undefined;
  const shown = left.map(([s]) => `\`${name}.${s}\``);
  const list = shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
  const maybe = left.filter(([, k]) => k.kind === 'maybe');
  // Ex) `Popen(cmd, **kw)`: whatever it asked for; `Popen(cmd, stdout=out)`: `out` may be `PIPE`
  const splatted = maybe.find(([, k]) => k.value.type === 'list_splat' || k.value.type === 'dictionary_splat')?.[1].value;
  const ifPipe = maybe.length && !splatted ? ` (if ${maybe.map(([s, k]) => `\`${s}=${preview(k.value)}\``).join(' or ')} is \`subprocess.PIPE\`)` : '';
  const message = splatted
    ? `the ${spec.kind}'s pipes are never closed (if \`${preview(splatted)}\` asks for any); PyPy closes them only when the GC runs`
    : `${list} ${left.length === 1 ? 'is' : 'are'} never closed${ifPipe}; PyPy closes ${left.length === 1 ? 'it' : 'them'} only when the GC runs`;
  const wait = new RegExp(`\\b${n} ?\\. ?wait ?\\(`).exec(code);
  const by = `close ${list} by hand (\`${name}.${left[0]![0]}.close()\`) where the code is done with ${left.length === 1 ? 'it' : 'them'}`;
  const reason = wait
    ? `a \`with\` would also wait for the process where an exception leaves the code before \`${name}.wait()\`, which CPython did not: ${by}`
    : `a \`with\` would wait for the process to end, which the code never waited for: ${by}`;
  return { message, reason };
}

function check(ctx: FileContext): Finding[] {
  if (!mayHoldResourceCall(ctx.source)) return [];
  const findings: Finding[] = [];
  for (const call of candidateCalls(ctx)) {
    const up = call.parent?.type;
    if (up !== 'conditional_expression' && up !== 'named_expression' && up !== 'expression_list' && up !== 'parenthesized_expression') continue;
    const b = indirectBinding(call);
    if (!b) continue;
    const spec = resourceOf(ctx, call);
    if (!spec) continue;
    const scope = functionOrModuleOf(b.target);
    // Ex) `if out is not sys.stdout: out.close()`, `with out:`: the code closes it; `return out`: the caller's
    if (scope.type === 'module') ctx.readsBeyondFunction();
    if (closedByName(ctx, scope, b.target.text, spec)) continue;
    const uses = resourceUses(ctx, scope, b.target, spec);
    if (uses.some((u) => u.cls.kind === 'close' || u.cls.kind === 'managed' || (u.cls.kind === 'escape' && u.cls.severity === 'store'))) continue;
    findings.push({ id: ID, code: CODE, message: `\`${b.shown}\` is never closed; ${closedByGc(spec)}`, start: call.startIndex, end: call.endIndex, reason: b.reason });
  }
  for (const a of callAssignments(ctx.root, candidateCalls(ctx))) {
    const spec = resourceOf(ctx, a.call);
    if (!spec) continue;
    const callee = a.call.childForFieldName('function')?.text.replace(/\s+/g, '') ?? 'open';
    const message = spec.pipesOnly
      ? `\`${a.target.text} = ${callee}(...)\`: ${leftOpen(spec)}`
      : `\`${a.target.text} = ${callee}(...)\` is never closed; ${closedByGc(spec)}`;
    const base = { id: ID, code: CODE, message, start: a.stmt.startIndex, end: a.stmt.endIndex };
    // Ex) `self.f = open(p)`, `files[k] = open(p)`: reported, never fixed.
    if (a.target.type === 'attribute' || a.target.type === 'subscript') {
      if (!storeIsClosed(ctx, a, spec)) findings.push({ ...base, reason: storeReason(a.target) });
      continue;
    }
    if (a.target.type !== 'identifier') continue; // Ex) `a, b = open(p), open(q)`
    if (isClassBodyStatement(a.stmt)) {
      if (!storeIsClosed(ctx, a, spec)) findings.push({ ...base, reason: 'a class attribute: it lives as long as the class; close it where the class is done with it' });
      continue;
    }
    // Ex) `p = os.popen(cmd)` left running: closing a pipe waits for the command; `proc = Popen(…)`: so does a
    // `with`. The code never waited for either.
    if (spec.closeWaits || spec.exitWaits) {
      if (!analyse(ctx, a, spec)) continue;
      if (spec.pipesOnly && a.target.type === 'identifier') {
        const left = pipesLeftOpen(ctx, a, spec);
        // Ex) `p.stdout.close()`, `self.addCleanup(p.stdin.close)`, `with p.stdout:`: the code closes every pipe
        if (!left) continue;
        // Ex) `return _wrap_close(proc.stdout, proc)`, `return p`: the process goes on, with its pipes
        const scope = functionOrModuleOf(a.stmt);
        const handed = resourceUses(ctx, scope, a.target, spec).find((u) => u.cls.kind === 'escape' && u.node.parent?.type !== 'attribute' && seesValue(u, a.stmt, scope, a.target.text));
        const reason = handed?.cls.kind === 'escape' ? `${handed.cls.reason} (line ${line(handed.node)})` : left.reason;
        findings.push({ ...base, message: `\`${a.target.text} = ${callee}(...)\`: ${handed ? leftOpen(spec) : left.message}`, reason });
        continue;
      }
      const why = spec.exitWaits
        ? `a \`with\` would wait for the ${spec.kind} to end, which the code never waited for`
        : `closing ${aKind(spec.kind)} waits for the command, which the code never waited for`;
      findings.push({ ...base, reason: `${why}: close it by hand where that is wanted` });
      continue;
    }
    const outcome = analyse(ctx, a, spec);
    if (!outcome) continue;
    if ('reason' in outcome) {
      findings.push({ ...base, reason: outcome.reason });
      continue;
    }
    const annotated = annotationOrderReason([a.stmt]);
    if (annotated !== undefined) {
      findings.push({ ...base, reason: annotated });
      continue;
    }
    const room = blockRoom(ctx, a.stmt, outcome.last);
    if (room < 1) {
      findings.push({ ...base, reason: tooDeepReason(1, room) });
      continue;
    }
    const name = a.target.text;
    const item = withItemFor(ctx, spec, a.call, name);
    if (typeof item === 'string') {
      findings.push({ ...base, reason: item });
      continue;
    }
    const plan = planHeaderWrap(ctx, { stmt: a.stmt, header: `with ${item.item}:`, last: outcome.last });
    if (!plan) {
      findings.push({ ...base, reason: mixedIndentReason(ctx, a.stmt) ?? 'the assignment or the last statement using it shares a line (`;`): split them for withify to fix this' });
      continue;
    }
    // Ex) `tarf = tarfile.TarFile(fileobj=buf, mode="w")` never closed: closing it writes the archive's end;
    // `sqlite3.connect(u, uri=True)`: closing it may end a shared-cache in-memory database
    // Ex) module-level `LOGFILE = open(p, "w")` / `LOGFILE.write(head)`: the module keeps it open, on CPython too,
    // and another module may import `LOGFILE`
    const kept = keptByModule(ctx, a, outcome.uses);
    const shown = kept === undefined ? base.message : `\`${a.target.text} = ${callee}(...)\` is never closed: the module keeps it ${kept === name ? 'in' : 'through'} \`${kept}\` until the program ends, on CPython too`;
    const keptNote = kept === undefined ? '' : `; a module importing \`${kept}\` (\`from … import ${kept}\`) would get it closed by the \`with\``;
    const note = item.closeNote !== undefined || kept !== undefined ? (item.closeNote ?? '') + keptNote : undefined;
    const fix = { title: `Move the uses of \`${name}\` into \`with … as ${name}:\``, applicability: note ? ('unsafe' as const) : ('safe' as const), edits: [...plan.edits, ...item.edits] };
    findings.push({ ...base, message: shown + (note ?? ''), fix });
  }
  return findings;
}

export const openAssign: Transform = {
  id: ID,
  code: CODE,
  summary: 'A resource bound to a name (`f = open(p)`) and never closed.',
  fixTitle: 'Turn the assignment into `with open(p) as f:` holding every statement that uses `f`',
  safety: 'safe',
  doc: {
    whatItDoes:
      'Finds `f = open(p)` (any catalog resource) that nothing closes. When `f` provably stays in the ' +
      'block, the assignment becomes the `with` header (keeping the name `f`) and the block runs to the ' +
      'last statement of that block using `f` (a use nested in a later `if`/`for`/`try` takes that whole ' +
      'statement in). For a socket, a sqlite3 connection, a temporary file and the other kinds whose last use ' +
      'is no proof the code is done with them (a peer, a lock), the `with` holds the rest of the function, ' +
      'where CPython closed them, and is offered only where the assignment is a statement of the function\'s ' +
      'own body. Otherwise the finding says where `f` escapes.',
    whyItBreaksOnPyPy:
      'CPython closes the file when the last reference goes (at the end of the function at the latest). ' +
      'PyPy closes it when the garbage collector runs: buffered writes are not on disk when the next step ' +
      'reads the file, and loops run out of file descriptors.',
    fixSafety:
      'Safe. Offered only when every use of `f` (and of names it is passed on to, such as ' +
      '`rows = csv.reader(f)`) is in the block up to its last statement: not returned or yielded, not ' +
      'stored in an attribute, container or global, not captured by a nested function, lambda or ' +
      'generator expression, passed only to known-safe callees (`json.load`, `print(file=)`, `csv.reader`, ' +
      '…, listed in docs/open-assign.md), called only with methods that return plain data, and not read ' +
      'after the block (including by a later iteration of an enclosing loop). Unsafe where a module-level name still ' +
      'holds the file when the module has run (`LOGFILE = open(p, "w")`): another module may import it, and CPython too ' +
      'kept it open until the program ended.' + CLOSE_SAFETY,
    notFlagged:
      '`with open(p) as f:`, a resource closed anywhere by `f.close()` (open-assign-close), ' +
      '`with f:`, `stack.enter_context(f)`, `closing(f)`. `self.f = open(p)` is reported (never fixed) ' +
      'unless the class closes it or defines close/__exit__/__del__; likewise `f = open(p)` / `self.f = f` where the store ' +
      'runs whenever the open did.',
  },
  examples: [
    {
      before: 'import json\n\n\ndef show(path):\n    f = open(path)\n    config = json.load(f)\n    print(config)\n',
      after: 'import json\n\n\ndef show(path):\n    with open(path) as f:\n        config = json.load(f)\n    print(config)\n',
    },
    {
      before: 'import csv\n\n\ndef save(path, rows):\n    out = open(path, "w")\n    w = csv.writer(out)\n    for row in rows:\n        w.writerow(row)\n',
      after: 'import csv\n\n\ndef save(path, rows):\n    with open(path, "w") as out:\n        w = csv.writer(out)\n        for row in rows:\n            w.writerow(row)\n',
    },
    {
      // A socket's `with` holds the rest of the function, past its last use: a peer may still be reading.
      before: 'import socket\n\n\ndef send(addr, data):\n    s = socket.create_connection(addr)\n    s.sendall(data)\n    log("sent", len(data))\n',
      after: 'import socket\n\n\ndef send(addr, data):\n    with socket.create_connection(addr) as s:\n        s.sendall(data)\n        log("sent", len(data))\n',
    },
  ],
  check,
  triggers: RESOURCE_TRIGGERS,
  anchors: (_project, file) => resourceAnchors(file.text),
  anchorsSuffice: true,
  // (The project index: a test double another module puts in place of a call makes its fix unsafe, `doubledNote`)
  needsProject: true,
  anchorsAreCallees: true,
  calleesResolveByName: true,
};
