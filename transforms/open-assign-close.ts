// open-assign-close (WFY104): a resource bound to a name and closed by hand further down the same block:
//     f = open(path)               →   with open(path) as f:
//     data = f.read()                      data = f.read()
//     f.close()
// An exception between the two leaves the file open; on PyPy until the GC gets to it.
import type { FileContext, Finding, Fix, SyntaxNode, Transform } from '../src/types.js';
import { candidateCalls, resourceAnchors } from '../src/python/candidates.js';
import { consumerOf } from '../src/python/consumers.js';
import { memoized, pushTo } from '../src/python/memo.js';
import { aKind, CLOSE_SAFETY, deletesByName, firstPositional, literalMode, maySwallow, mayWrite, resourceOf, mayHoldResourceCall, RESOURCE_TRIGGERS, WAVE_WRITES, withItemFor, type ResourceSpec, type WithItem } from '../src/python/resources.js';
import { functionOrModuleOf, within } from '../src/python/scopes.js';
import { enclosingStatement, isClassBodyStatement, isExtra, LOOPS, loopsAround, NESTED_SCOPES, unwrapParens } from '../src/python/statements.js';
import { handlerLeaves, handlersOf, preview } from '../src/python/evaluation.js';
import { annotationOrderReason, callAssignments, dynamicLookupAfter, identifierUses, outsideReason, plainTarget, readsAttribute, readsStableAttribute, rebinds, resourceUses, seesValue, type ResourceAssignment, type Use } from '../src/python/resource-flow.js';
import { dropStatement, endsLine, lineIndent, mixedIndentReason, planHeaderWrap, planWrap, statementIndex, statementSiblings } from '../src/python/wrap.js';
import { escapeRegExp, firstIndex, lineEndOf, startsLine } from '../src/python/text.js';
import { jumpStaysIn } from '../src/python/statement-flow.js';
import { blockRoom, tooDeepReason } from '../src/python/nesting.js';
import { differentLiterals, functionBodies, isDevNull, onlyLooks, ownerThroughLambdas, pathArgOf, pathWrittenElsewhere, reopenedEmptiedInLoop, suspensionAfter } from '../src/python/path-writes.js';
import { PATH_KINDS, samePathOpenedAgain } from './open-assign.js';
import { withHeaderLines } from '../src/python/with-items.js';

const ID = 'open-assign-close';
const CODE = 'WFY104';

/** `f.close()` alone as a statement. */
export function isCloseStatement(stmt: SyntaxNode, name: string): boolean {
  if (stmt.type !== 'expression_statement' || stmt.namedChildCount !== 1) return false;
  const call = stmt.namedChildren[0]!;
  if (call.type !== 'call' || call.childForFieldName('arguments')?.namedChildCount !== 0) return false;
  const fn = call.childForFieldName('function');
  return fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'close' && fn.childForFieldName('object')?.type === 'identifier' && fn.childForFieldName('object')?.text === name;
}

/**
 * The `f.close()` statements that end every branch of the `if` statement `stmt` (it has an `else`; elifs too), in
 * order, or `undefined`. Ex) `if c:` / `data = f.read()` / `f.close()` / `else:` / `f.close()`: after the `if`, `f`
 * is closed on every path through it, as after a close that follows it. A branch may end in such an `if` itself
 * (`else:` / `if d: f.close()` / `else: f.close()`). Not when every branch only closes.
 */
export function closingBranches(stmt: SyntaxNode, name: string): SyntaxNode[] | undefined {
  const closes: SyntaxNode[] = [];
  const more = closingLeaves(stmt, name, closes);
  return more === true ? closes : undefined;
}

/** `closingBranches` for `stmt`, the closes added to `closes`: whether a branch does more than close, `undefined` when one does not close. */
function closingLeaves(stmt: SyntaxNode, name: string, closes: SyntaxNode[]): boolean | undefined {
  if (stmt.type !== 'if_statement') return undefined;
  const alternatives = stmt.childrenForFieldName('alternative');
  if (alternatives.at(-1)?.type !== 'else_clause') return undefined;
  const bodies = [stmt.childForFieldName('consequence'), ...alternatives.map((a) => a.childForFieldName(a.type === 'else_clause' ? 'body' : 'consequence'))];
  let more = false;
  for (const b of bodies) {
    const statements = b ? statementSiblings(b) : [];
    const last = statements.at(-1);
    if (!last) return undefined;
    if (isCloseStatement(last, name)) closes.push(last);
    else {
      // (An `if` in a branch decides something: more than a close)
      if (closingLeaves(last, name, closes) === undefined) return undefined;
      more = true;
    }
    more ||= statements.length > 1;
  }
  return more;
}

/**
 * The close statement (`f.close()`, whose receiver is `id`) of the body of `next`, a `try` right after the open; else
 * `undefined` (the caller leaves alone a close that is that body's first statement: nothing runs before it). Ex) `f = open(p)` / `try:` / `f.write(s)` / `f.close()` / `send(p)`
 * / `finally:` / `os.remove(p)`: nothing runs between the open and the `try`, so `with f:` at the top of its body
 * holds the file from its open to where `f.close()` stood.
 */
function closeOfOpeningTry(next: SyntaxNode | undefined, id: SyntaxNode, name: string): SyntaxNode | undefined {
  const body = next?.type === 'try_statement' ? next.childForFieldName('body') : null;
  const stmt = enclosingStatement(id);
  if (!body || !stmt || stmt.parent?.id !== body.id || !isCloseStatement(stmt, name)) return undefined;
  return stmt;
}

/**
 * True when the close whose receiver is `id` is the last statement of a branch of an `if` with an `else`: the close
 * a reason names is another one (`if c: … f.close()` / `else: … f.close()` / `g.close()`: the second).
 */
function endsBranchOfIfElse(id: SyntaxNode, name: string): boolean {
  const stmt = enclosingStatement(id);
  const body = stmt?.parent;
  const clause = body?.parent;
  if (!stmt || !isCloseStatement(stmt, name) || body?.type !== 'block' || statementSiblings(body).at(-1)?.id !== stmt.id) return false;
  const ifStatement = clause?.type === 'if_statement' ? clause : clause?.type === 'elif_clause' || clause?.type === 'else_clause' ? clause.parent : null;
  return ifStatement?.type === 'if_statement' && ifStatement.childrenForFieldName('alternative').at(-1)?.type === 'else_clause';
}

/**
 * Inside a `finally:` or `except:` clause (cleanup that runs when something fails) that `open`, the statement that
 * opens, is not in itself: `except ValueError:` / `f = open(p)` / … / `f.close()` is a close like any other.
 */
function insideHandler(node: SyntaxNode, open: SyntaxNode): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (within(open, p)) return false;
    if (p.type === 'finally_clause' || p.type === 'except_clause') return true;
    if (p.type === 'function_definition' || p.type === 'lambda' || p.type === 'module') return false;
  }
  return false;
}

const line = (n: SyntaxNode) => n.startPosition.row + 1;

/** True when the identifier is a target of `del` (`del f`, `del a, f`). */
function isDeleted(id: SyntaxNode): boolean {
  for (let p = id.parent; p; p = p.parent) {
    if (p.type === 'delete_statement') return true;
    if (p.type !== 'expression_list' && p.type !== 'tuple' && p.type !== 'list' && p.type !== 'parenthesized_expression') return false;
  }
  return false;
}

/** Why the block from `stmt` to just before `close` may not replace the close, or `undefined`. */
function whyNotFixable(ctx: FileContext, stmt: SyntaxNode, close: SyntaxNode, uses: readonly Use[], scope: SyntaxNode, name: string, kind: string, closes: readonly SyntaxNode[] = [close]): string | undefined {
  const bindings = ctx.names.bindings(scope).get(name) ?? [];
  if (bindings.some((b) => b.kind === 'global' || b.kind === 'nonlocal')) {
    return `\`${name}\` is declared global or nonlocal: other code may still use the file after the \`with\``;
  }
  // Ex) `def switch(p): globals()["f"] = open(p)` … `f = open(a)` / `switch(b)` / `f.close()`: the close is the
  // other file's, whichever function (or module-level statement) the lookup is in
  const dynamic = scope.type === 'module' ? dynamicLookupAfter(ctx, scope, undefined) : undefined;
  if (dynamic) return `\`${preview(dynamic)}\` on line ${line(dynamic)} may read or bind the module's \`${name}\` by name, out of withify's sight`;
  for (const u of uses) {
    const inside = u.node.startIndex >= stmt.endIndex && u.node.endIndex <= close.startIndex;
    if (inside) {
      // Ex) `f = open(a)` … `f = open(b)` … `f.close()`: the close is the second file's.
      if (u.cls.kind === 'rebind') return `\`${name}\` is rebound on line ${line(u.node)}, before \`${name}.close()\``;
      // Ex) `del f` … `f.close()`: the close raises (the name is unbound); without it, nothing would.
      if (isDeleted(u.node)) return `\`${name}\` is deleted on line ${line(u.node)}, so \`${name}.close()\` raises instead of closing`;
      // Ex) `return f` before the close: on that path the caller gets an open file, with the rewrite a closed one.
      if (u.cls.kind === 'escape' && u.cls.severity === 'store') return `${u.cls.reason} (line ${line(u.node)})`;
      // Ex) `records = Records(f)` … `if lazy: return records` … `f.close()`: on that path the original left the
      // file open for whatever holds it; a `with` would close it as the `return` leaves.
      if (u.cls.kind === 'escape') {
        // Ex) `raise Partial(f)`, `return Lines(f)`: the exit that hands the file on counts too.
        const from = enclosingStatement(u.node)?.startIndex ?? u.node.startIndex;
        // A `raise` hands the file on only when it names it or what holds it (`raise Partial(f)`, `raise Bad(rd)`
        // after `rd = Reader(f)`); `raise ValueError("empty")` is any statement that raises, as below.
        const holderName = resultName(u.node);
        const handsOn = (e: SyntaxNode) => e.type !== 'raise_statement' || within(u.node, e) || mentions(e, name) || (holderName !== undefined && mentions(e, holderName));
        const exit = earlyExit(stmt.parent!, stmt.endIndex, from, close.startIndex, handsOn);
        if (exit) return `${u.cls.reason} (line ${line(u.node)}), and \`${preview(exit)}\` on line ${line(exit)} leaves before \`${name}.close()\`: on that path the ${kind} stays open for what may hold it, and a \`with\` would close it`;
        // Ex) `handler = StreamHandler(f)` / `log.addHandler(handler)` / `work()` raises: the original left the file
        // open for the logger, which goes on writing to it; a `with` would close it as the exception leaves.
        // (Counted in the block of the close: a branch's, when closes end the branches of an `if`; the `try`'s body)
        const own = closes.find((c) => within(u.node, c.parent!));
        const top = own && topStatementIn(own.parent!, u.node);
        // (Ex: `if d:` / `log.addHandler(StreamHandler(f))` / `risky(d)` as the statement before the close: `risky` runs after it)
        const laterStatement = !own || !top || top.id !== lastBefore(own.parent!, own)?.id || !runsLast(u.node, top);
        // Ex) `pool.submit(pump, f)`, `files.append(f)`, `sel.register(f, EVENT_READ)` / `work()` raises: the
        // callee itself keeps the file, which the original left open for it when the exception went by.
        const keeper = laterStatement ? callOfUse(u.node) : undefined;
        if (keeper && keeps(keeper, u.node)) return `passed to \`${preview(keeper.childForFieldName('function') ?? keeper)}()\` (line ${line(u.node)}), which may keep it: if a later statement raises before \`${name}.close()\`, the ${kind} stays open for what holds it, and a \`with\` would close it`;
        const holder = laterStatement ? holderHandedOn(ctx, u.node, scope, close.startIndex) : undefined;
        if (holder) return `${u.cls.reason} (line ${line(u.node)}), and what it returns is ${holder}: if a later statement raises before \`${name}.close()\`, the ${kind} stays open for what holds it, and a \`with\` would close it`;
      }
      continue;
    }
    if (u.node.startIndex >= close.startIndex && u.node.endIndex <= close.endIndex) continue;
    // Ex) `f = None`, `if c: f = open(q)`, `for f in names:`, `del f` after the close (or before the open, in the loop
    // around it): they bind or unbind the name and read nothing (not `f += x`, which reads it)
    if ((u.cls.kind === 'rebind' && u.node.parent?.type !== 'augmented_assignment') || isDeleted(u.node)) continue;
    if (!seesValue(u, stmt, scope, name)) continue;
    // Ex) `tmp.close()` then `return tmp.name`: the original read it from a closed file too
    if (u.node.startIndex >= close.endIndex && readsStableAttribute(u)) continue;
    const outside = outsideReason(u, stmt, close);
    if (outside) return `${outside}: keep the explicit close, or move that use into the block`;
  }
  return undefined;
}

const EXITS = ['return_statement', 'break_statement', 'continue_statement', 'raise_statement'];

/** A comment that tells a tool about its line: `# noqa`, `# type: ignore`, `# pyright: ignore`, `# pylint: disable`, withify's own. */
const DIRECTIVE_COMMENT = /#[ \t]*(?:noqa\b|type:[ \t]*ignore|pyright:[ \t]*ignore|pylint:[ \t]*disable|mypy:|withify:|nosec\b|pragma\b)/i;

/**
 * Why a run of opens closed in order may not share one `with` (which closes them in reverse): two may write one path.
 * Paths spelt alike, or otherwise but not surely apart (`differentLiterals`): `open(LOG, "a")` / `open(AUDIT, "a")`
 * where `AUDIT = LOG`, `open(primary, "a")` / `open(mirror, "a")` given one path (review rv54c).
 */
function sameWrittenFile(group: readonly Closable[]): string | undefined {
  const seen: Array<{ g: Closable; path: SyntaxNode }> = [];
  for (const g of group) {
    if (!PATH_KINDS.has(g.spec.kind) || !mayWrite(g.spec, g.a.call)) continue;
    // (The path as the call names it: `open(file=LOG, mode="a")` too, review rv54d)
    const first = pathArgOf(g.spec, g.a.call) ?? firstPositional(g.a.call);
    if (!first || isDevNull(first)) continue;
    const other = seen.find((s) => !differentLiterals(s.path, first));
    if (other) {
      const how = other.path.text === first.text ? `may both write \`${preview(first)}\`` : `may write one file (\`${preview(other.path)}\` and \`${preview(first)}\` may name the same)`;
      return `\`${other.g.name}\` and \`${g.name}\` ${how}: the code closes (and flushes) \`${other.g.name}\` first, one \`with\` would close \`${g.name}\` first; close them by hand`;
    }
    seen.push({ g, path: first });
  }
  return undefined;
}


const NAME: ReadonlySet<string> = new Set(['name']);
const RAISES = ['raise_statement', 'assert_statement'];

/**
 * Why a `NamedTemporaryFile` that deletes its file on close may not get a `with` for a `raise` that leaves before
 * its close while the code has read its `.name`, or `undefined`. Ex) `raise CompileError(tmp.name)`: the original
 * kept the file, on CPython through the traceback's frame, while the caller's handler looked at it by that name;
 * a `with` would delete it as the exception leaves.
 */
function nameOutlivesRaise(spec: ResourceSpec, a: ResourceAssignment, close: SyntaxNode, uses: readonly Use[], name: string): string | undefined {
  if (!deletesByName(spec, a.call)) return undefined;
  if (!uses.some((u) => readsAttribute(u.node, NAME))) return undefined;
  // (An `assert` raises too: `assert ok, tmp.name`)
  const exit = earlyExit(a.stmt.parent!, a.stmt.endIndex, a.stmt.endIndex, close.startIndex, undefined, RAISES);
  if (!exit) return undefined;
  return `\`${preview(exit)}\` on line ${line(exit)} leaves before \`${name}.close()\`, and the code reads \`${name}.name\`: the original kept the file while the exception was handled, where a \`with\` would delete it as the exception leaves`;
}


/**
 * Why a `NamedTemporaryFile(delete_on_close=False)` (3.12) closed by hand may not get a `with`: its `close()` keeps the
 * file, which goes when the object is dropped (CPython: as the frame lets go of it), where the `with`'s exit deletes
 * it (`os.replace(f.name, dest)` after the close failed). `undefined` for any other resource, or `delete_on_close=True`.
 */
function keptOnCloseReason(spec: ResourceSpec, call: SyntaxNode, name: string): string | undefined {
  if (!deletesByName(spec, call)) return undefined;
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  const kw = args.find((k) => k.type === 'keyword_argument' && k.childForFieldName('name')?.text === 'delete_on_close');
  // Ex) `NamedTemporaryFile("w", **kw)`: `kw` may say `delete_on_close=False`
  const splat = kw ? undefined : args.find((k) => k.type === 'dictionary_splat');
  const value = kw?.childForFieldName('value');
  if (!splat && (!value || /^(?:True|1)$/.test(value.text))) return undefined;
  return `\`${splat ? `${preview(splat)}\` may give \`delete_on_close=False` : `delete_on_close=${preview(value!)}`}\` (3.12): \`${name}.close()\` leaves the file on disk until the object is dropped (on CPython, as the function lets go of \`${name}\`), where a \`with\` would delete it at its exit, under code that may still use it by name`;
}

/** `m` of `name.m(…)`, the method a use calls, or `undefined`. */
function methodOf(use: SyntaxNode): string | undefined {
  const attr = use.parent;
  return attr?.type === 'attribute' && attr.parent?.type === 'call' ? attr.childForFieldName('attribute')?.text : undefined;
}

/** Calls whose value keeps exporting the buffer it is given: `memoryview(mm)`, `numpy.frombuffer(mm)`, … (not `np.array`: a copy) */
const BUFFER_EXPORTERS: ReadonlySet<string> = new Set(['memoryview', 'frombuffer', 'from_buffer', 'ndarray', 'asarray', 'cast']);

/**
 * Why closing, on a path that leaves before `name.close()`, may raise where the code only dropped the object: a
 * memory map whose buffer a value may still export (`view = memoryview(mm)`: `BufferError`), an archive with a
 * member opened for writing (`w = zf.open(n, "w")`: `ValueError`). The original left both to the collection (an
 * exception's traceback holds the frame); a `with` would raise that error in place of the exception that left.
 */
function closeRefusedReason(spec: ResourceSpec, close: SyntaxNode, uses: readonly Use[], name: string): string | undefined {
  if (spec.name !== 'mmap.mmap' && spec.name !== 'zipfile.ZipFile') return undefined;
  for (const u of uses) {
    if (u.node.startIndex >= close.startIndex) continue;
    if (spec.name === 'mmap.mmap') {
      // Ex) `view = memoryview(mm)[0:4]`, `self.view = memoryview(mm)`, `check(memoryview(mm))` (a traceback keeps
      // the callee's frame, and the view): whatever holds the value, the buffer stays exported
      const call = callTaking(u.node);
      if (call && BUFFER_EXPORTERS.has(calleeLastName(call) ?? '')) {
        return `\`${preview(call)}\` (line ${line(u.node)}) exports the memory map's buffer: on a path that leaves before \`${name}.close()\` (an exception, a \`return\`) a \`with\` would close the map while that may still hold it, which raises \`BufferError\` where the code only dropped it; release it and close the map by hand in a \`try\`/\`finally\``;
      }
      continue;
    }
    // Ex) `w = zf.open("data.txt", "w")`, `io.TextIOWrapper(zf.open(n, "w"))`, `self.w = zf.open(n, mode="w")`
    const attr = u.node.parent;
    const call = attr?.type === 'attribute' && attr.childForFieldName('attribute')?.text === 'open' ? attr.parent : null;
    if (call?.type !== 'call') continue;
    const args = call.childForFieldName('arguments')?.namedChildren.filter((a) => !isExtra(a)) ?? [];
    const mode = args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'mode')?.childForFieldName('value') ?? args.filter((a) => a.type !== 'keyword_argument')[1];
    if (!mode || /^[rbuRBU]*["']r["']$/.test(mode.text)) continue;
    return `\`${preview(call)}\` (line ${line(u.node)}) may open a member for writing: on a path that leaves before \`${name}.close()\` (an exception, a \`return\`) a \`with\` would close the archive while it is open, which raises \`ValueError\` where the code only dropped it; close both by hand in a \`try\`/\`finally\``;
  }
  return undefined;
}

/**
 * True when nothing of `top` runs after the statement holding `node`: it is the last statement of its block, and so is
 * each statement around it up to `top`, through `if`/`elif`/`else` only (a loop runs its body again; a `with`, its exit).
 */
function runsLast(node: SyntaxNode, top: SyntaxNode): boolean {
  for (let s = enclosingStatement(node); s && s.id !== top.id; ) {
    const block = s.parent;
    if (block?.type !== 'block' || statementSiblings(block).at(-1)?.id !== s.id) return false;
    const clause = block.parent;
    const owner = clause?.type === 'elif_clause' || clause?.type === 'else_clause' ? clause.parent : clause;
    if (owner?.type !== 'if_statement') return false;
    s = owner;
  }
  return true;
}

/** The statement of `block` that holds `node`. */
function topStatementIn(block: SyntaxNode, node: SyntaxNode): SyntaxNode | undefined {
  let n: SyntaxNode | null = node;
  while (n && n.parent?.id !== block.id) n = n.parent;
  return n ?? undefined;
}

/** The statement of `block` just before `close`. */
function lastBefore(block: SyntaxNode, close: SyntaxNode): SyntaxNode | undefined {
  return statementSiblings(block)[statementIndex(block, close) - 1];
}

/** The call `node` is an argument of (through parentheses), or `undefined`. */
function callTaking(node: SyntaxNode): SyntaxNode | undefined {
  let n = node;
  while (n.parent?.type === 'parenthesized_expression' || n.parent?.type === 'keyword_argument') n = n.parent;
  return n.parent?.type === 'argument_list' && n.parent.parent?.type === 'call' ? n.parent.parent : undefined;
}

/** The call the read `use` is passed to (`Handler(f)`, `Handler(f.fileno())`), through parentheses; `undefined` if none. */
function callOfUse(use: SyntaxNode): SyntaxNode | undefined {
  // Ex) `Handler(f.fileno())`: the call the descriptor goes to
  let arg = use;
  while (arg.parent?.type === 'attribute' && arg.parent.parent?.type === 'call') arg = arg.parent.parent;
  let call = callTaking(arg);
  while (call?.parent?.type === 'parenthesized_expression') call = call.parent;
  return call;
}

/** The name the value of the call `use` is passed to is bound to (`rd` of `rd = Reader(f)`), if it is. */
function resultName(use: SyntaxNode): string | undefined {
  const call = callOfUse(use);
  const assign = call?.parent?.type === 'assignment' && call.parent.childForFieldName('right')?.id === call.id ? call.parent : undefined;
  const left = assign?.childForFieldName('left');
  return left?.type === 'identifier' ? left.text : undefined;
}

const mentions = (node: SyntaxNode, name: string) => node.text.includes(name) && node.descendantsOfType('identifier').some((i) => i.text === name);

/**
 * Calls that register what they are given with something that lives on: a logger's `addHandler`, a stack's
 * `enter_context`/`push`/`callback`, a loop's `create_task`, an executor's `submit`, `atexit.register`, a
 * list's `append`. Others (`self.assertEqual(h, …)`, `log.info("%s", h)`) look at the value and are done.
 */
const REGISTERS = /^(?:add|register|append|extend|insert|enter_context|enterContext|enterClassContext|push|callback|create_task|ensure_future|submit|subscribe|attach|install|setdefault|call_soon|call_later|call_at|run_in_executor|start|put)(?:_|[A-Z]|$)/;

/**
 * Calls that keep what they are given past their return: a container's, a queue's, a heap's, an executor's, a
 * loop's, a selector's, a future's. By the exact last name, the value given by position (`requests.put(url,
 * data=f)` and `s3.put_object(Body=f)` send the file and are done with it), or by keyword to `update`.
 */
const KEEPS = new Set([
  'append', 'appendleft', 'extend', 'extendleft', 'insert', 'add', 'push', 'put', 'put_nowait', 'setdefault', 'update',
  'register', 'modify', 'submit', 'apply_async', 'run_in_executor', 'call_soon', 'call_soon_threadsafe', 'call_later',
  'call_at', 'create_task', 'ensure_future', 'start_new_thread', 'heappush', 'heappushpop', 'heapreplace', 'set_result',
  'set', 'setattr', 'addCleanup', 'enterContext', 'callback', 'basicConfig',
]);

/** True when `call` is one of KEEPS and takes `use` (or what holds it) as an argument it keeps. */
function keeps(call: SyntaxNode, use: SyntaxNode): boolean {
  const last = calleeLastName(call);
  if (last === undefined || !KEEPS.has(last)) return false;
  let arg = use;
  while (arg.parent && arg.parent.type !== 'argument_list') arg = arg.parent;
  // (`logging.basicConfig(stream=f)`: the root logger writes to it from then on)
  return arg.type !== 'keyword_argument' || last === 'update' || (last === 'basicConfig' && arg.childForFieldName('name')?.text === 'stream');
}

/** The last name of what `call` calls: `addHandler` of `log.addHandler(h)`, `setattr` of `setattr(o, n, v)`. */
function calleeLastName(call: SyntaxNode): string | undefined {
  const fn = call.childForFieldName('function');
  return fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : fn?.type === 'identifier' ? fn.text : undefined;
}

/** True when `call` (`log.addHandler(h)`, `stack.push(h)`) is one of REGISTERS by its last name. */
function registers(call: SyntaxNode): boolean {
  const last = calleeLastName(call);
  return last !== undefined && REGISTERS.test(last);
}

/**
 * Where the value of the call that the read `use` is passed to is registered before `until` (the close), so
 * that it outlives an exception: handed to a call of REGISTERS (`log.addHandler(StreamHandler(f))`), or bound to
 * a name that is (`h = StreamHandler(f)` / `log.addHandler(h)`). `undefined` when nothing shows that.
 */
function holderHandedOn(ctx: FileContext, use: SyntaxNode, scope: SyntaxNode, until: number): string | undefined {
  const call = callOfUse(use);
  if (!call) return undefined;
  const outer = callTaking(call);
  if (outer && registers(outer)) return `handed to \`${preview(outer.childForFieldName('function') ?? outer)}()\``;
  const held = resultName(use);
  if (!held) return undefined;
  const assigned = call.parent!.endIndex;
  for (const id of identifierUses(ctx, scope, held)) {
    // Ex) `cfg = parse(f)` … `f.close()` … `validate(cfg)`: handed on after the close, past any exception before it
    if (id.startIndex < assigned || id.startIndex >= until) continue;
    const to = callTaking(id);
    if (to && registers(to)) return `kept in \`${held}\`, which is handed to \`${preview(to.childForFieldName('function') ?? to)}()\` on line ${line(id)}`;
  }
  return undefined;
}

/**
 * The first `return`, `break`, `continue` or `raise` (or statement of `types`) of `block` between offsets `from` and
 * `to` that `counts` and leaves the statements from `start` to `to` (a `break` of a loop that lies within them does
 * not), or `undefined`.
 */
function earlyExit(block: SyntaxNode, start: number, from: number, to: number, counts: (exit: SyntaxNode) => boolean = () => true, types: readonly string[] = EXITS): SyntaxNode | undefined {
  const exits = leavingExits(block, start, Math.min(start, from), to, types);
  for (let k = firstIndex(exits.length, (i) => exits[i]!.startIndex >= from); k < exits.length; k++) if (counts(exits[k]!)) return exits[k];
  return undefined;
}

// Per tree: an open read 2,000 times between it and its close asked for the same exits 2,000 times.
const exitCache = new WeakMap<object, Map<string, readonly SyntaxNode[]>>();

/**
 * The statements of `types` between `lo` and `to` that leave `block` (not a nested function's or class's; not
 * a `break` or `continue` of a loop that begins after `start`), in order.
 */
function leavingExits(block: SyntaxNode, start: number, lo: number, to: number, types: readonly string[]): readonly SyntaxNode[] {
  return memoized(exitCache, block.tree, `${block.id}:${start}:${lo}:${to}:${types.join()}`, () => {
    // (Only the statements that reach into the range: in a block of 2,000 opens, each asks of its own few)
    const found: SyntaxNode[] = [];
    for (const s of statementSiblings(block)) {
      if (s.endIndex <= lo) continue;
      if (s.startIndex >= to) break;
      if (types.includes(s.type)) found.push(s);
      found.push(...s.descendantsOfType(types as string[]));
    }
    return found.filter((e) => e.startIndex >= lo && e.endIndex <= to && leaves(e, block, start));
  });
}

/** True when the exit `e` leaves `block` (see `leavingExits`). */
function leaves(e: SyntaxNode, block: SyntaxNode, start: number): boolean {
  for (let p = e.parent; p && p.id !== block.id; p = p.parent) {
    if (NESTED_SCOPES.has(p.type)) return false;
    // Ex) `for x in xs: if x: break` between the open and the close: the loop ends, the block goes on
    // (a `raise` leaves the loop too)
    if (e.type !== 'return_statement' && e.type !== 'raise_statement' && e.type !== 'assert_statement' && LOOPS.has(p.type) && p.startIndex >= start) return false;
  }
  return true;
}

/** True when the close whose receiver is `id` (`f` of `f.close()`) is a call whose value the code uses. */
function closeValueUsed(id: SyntaxNode): boolean {
  let call: SyntaxNode | null = id.parent?.parent ?? null; // attribute, then the call
  if (call?.type !== 'call') return false;
  while (call.parent?.type === 'parenthesized_expression') call = call.parent;
  return call.parent?.type !== 'expression_statement';
}

/**
 * Why the `with` does what the code never did on a path that leaves before the close (an exception, a `return`),
 * where CPython dropped the object: closing writes or raises what dropping did not (`closeNote`), or waits for a
 * pipe's command (`closeWaits`). A note for the message (it starts with `; `), or `undefined`.
 */
function exitPathNote(c: Closable, closeNote: string | undefined): string | undefined {
  const path = `; on a path that leaves before \`${c.name}.close()\` (an exception, a \`return\`), `;
  if (closeNote) return path + closeNote.replace(/^; /, '');
  // Ex) `w = wave.open(f)` over a file opened "wb" (no mode: it takes `f.mode`), `w.setnchannels(…)`: a writer
  if (c.wavWriter) return `${path}closing a wave file written raises \`wave.Error\` where its parameters were never set, which dropping it only printed ("Exception ignored")`;
  if (c.spec.closeWaits) return `${path}closing ${aKind(c.spec.kind)} waits for its command to end, which CPython, dropping it there, did not`;
  return undefined;
}

/** An assignment whose `with` may replace its close: its block runs from `a.stmt` to the statement before `close`. */
interface Closable {
  /** A `wave.open(f)` with no mode whose writer methods the code calls (`closeNote` sees only a written mode). */
  wavWriter?: boolean;
  a: ResourceAssignment;
  spec: ResourceSpec;
  name: string;
  /** The close the block replaces; the last of `inside` when the block ends with an `if` whose branches close. */
  close: SyntaxNode;
  /** The statement of the block the `with` ends at: `close`'s, or the `if` whose branches each end in a close. */
  end: SyntaxNode;
  /** The closes ending each branch of `end`, an `if` statement: removed from the block. */
  inside?: SyntaxNode[];
  /** `close` is a statement of the body of `end`, a `try` right after the open: `with name:` opens that body. */
  tryBody?: boolean;
  base: Finding;
}

/** True for a `wave.open(f)` with no mode whose writer methods the code calls before `close`. */
function wavWriterOf(spec: ResourceSpec, a: ResourceAssignment, uses: readonly Use[], close: SyntaxNode): boolean {
  return spec.name === 'wave.open' && literalMode(a.call) === undefined && uses.some((u) => u.node.startIndex < close.startIndex && WAVE_WRITES.has(methodOf(u.node) ?? ''));
}

/**
 * The finding of an open whose close is a statement of the `try` right after it (`closeOfOpeningTry`): `with f:` at the
 * top of the `try`'s body holds the statements before the close, and the close goes. The open stays where it is (in the
 * `try`, a failing open would run its handlers). Only for what closes on leaving a `with` of its own.
 */
function tryBodyFinding(ctx: FileContext, c: Closable): Finding {
  const body = c.close.parent!;
  const statements = statementSiblings(body);
  const first = statements[0]!;
  const last = statements[statementIndex(body, c.close) - 1]!;
  // (What leaving a `with` of its own does not close goes in `contextlib.closing`: `with closing(conn):`)
  const item = withItemFor(ctx, c.spec, c.a.call, c.name);
  if (typeof item === 'string') return { ...c.base, reason: item };
  const wrapped = `(${c.a.call.text}) as ${c.name}`;
  const managed = item.item === `${c.a.call.text} as ${c.name}` ? c.name : item.item.endsWith(wrapped) ? `${item.item.slice(0, -wrapped.length)}(${c.name})` : undefined;
  if (managed === undefined) return { ...c.base, reason: `\`${c.name}.close()\` on line ${line(c.close)} is in the \`try\` after the open: close it in the \`try\`'s \`finally\` by hand` };
  const room = blockRoom(ctx, first, last);
  if (room < 1) return { ...c.base, reason: tooDeepReason(1, room) };
  const plan = startsLine(ctx.source, c.close.startIndex) && endsLine(ctx.source, c.close.endIndex) && endsLine(ctx.source, last.endIndex) ? planWrap(ctx, { first, last, header: [`with ${managed}:`] }) : undefined;
  if (!plan) return { ...c.base, reason: mixedIndentReason(ctx, c.a.stmt) ?? `\`${c.name}.close()\` or the statements around it share a line (\`;\`, \`try: …\`): split them for withify to fix this` };
  const note = exitPathNote(c, item.closeNote);
  const fix: Fix = { title: `Replace \`${c.name}.close()\` with \`with ${managed}:\` at the top of the \`try\``, applicability: note ? 'unsafe' : 'safe', edits: [...plan.edits, dropStatement(ctx.source, c.close), ...item.edits] };
  return { ...c.base, message: c.base.message + (note ?? ''), fix };
}

/** Attributes of an open file that are plain values, the same after its close: reading them makes nothing of the file. */
const PLAIN_ATTRIBUTES: ReadonlySet<string> = new Set(['mode', 'encoding', 'errors', 'newlines', 'closed']);

/** Methods of a file that return plain data read from it (`text = f.read()`), nothing that still reads from it. */
const DATA_READS: ReadonlySet<string> = new Set(['read', 'readline', 'readlines', 'tell', 'getvalue', 'recv', 'getnframes', 'getparams', 'getnames', 'namelist']);

/** Calls that look at what they are given and keep nothing: a handler's `os.remove(p)`, a test's `self.assertFalse(f._rolled)`. */
// (Not a logger's: `logging.basicConfig(stream=f.buffer)`, `log.addHandler(h)` keep what they are given.)
const LOOKS = /^(?:os\.(?:remove|unlink|stat|lstat|fspath|path\.\w+)|print|str|repr|len|isinstance|hasattr|type|bool|int|float|self\.assert\w*|self\.fail|warnings\.warn|[\w.]+\.(?:debug|info|warning|error|exception|critical))$/;

/**
 * True when the argument `arg` hands on what the code made of the resource: a name bound from it (`b`), an attribute of
 * it but a plain one (`f.raw`, `f.write`), a call of it (`iter(f)`); not the resource itself (open-assign-close reads its
 * callees on their own).
 */
function passesView(ctx: FileContext, arg: SyntaxNode | null, made: Made, callee: string): boolean {
  if (arg === null || arg.text === made.name) return false;
  // Ex) `os.fsync(f.fileno())`, `fcntl.flock(f.fileno(), LOCK_EX)`, `log.info("writing %s", f.name)`: a descriptor or a
  // name given to a call that uses it and keeps nothing (a logger's record keeps the name, a plain value)
  if ((arg.text === `${made.name}.fileno()` || arg.text === `${made.name}.name`) && USES_DESCRIPTOR.test(callee)) return false;
  return readsMade(ctx, arg, made);
}

/** Calls given a descriptor or a file's name that use it and keep nothing of the file: `os.fsync(fd)`, `log.info("%s", f.name)`. */
const USES_DESCRIPTOR = /^(?:(?:os|fcntl|select|termios|tty|posix)\.\w+|(?:log|logger|logging|LOG|LOGGER|_log|_logger|self\.log|self\.logger)\.(?:debug|info|warning|warn|error|exception|critical|log))$/;

/** What the code makes of the resource `name` before its close, for the handlers around it to read (`handlerReason`). */
interface Made {
  name: string;
  /** The resource's name, and every name bound from what reads it as more than plain data. */
  names: Set<string>;
  /** `f.name` is plain data: a path the code gave (`open("out.txt")`), not a descriptor nor a file closing deletes. */
  pathName: boolean;
}

/**
 * True when `node` reads one of `made` other than as plain data: a plain attribute (`f.mode`, `f.name` where it is a
 * path), a method that returns data read from the file (`text = f.read()`), an eager consumer of the file itself
 * (`cfg = json.load(f)`, `rows = list(csv.reader(f))`, `next(f)`), a loop over the file itself (`for line in f:`,
 * `enumerate(f)`: the lines). `b = f.buffer`, `m = tar.extractfile(n)`, `it = iter(f)`, `v` of `for v in views` do.
 */
function readsMade(ctx: FileContext, node: SyntaxNode | null, made: Made, loop = false): boolean {
  if (!node) return false;
  const { names, name } = made;
  // (`for line in f:`, `for n, line in enumerate(f, 1):`: the lines; not a loop over what holds views)
  const over = loop && node.type === 'call' && node.childForFieldName('function')?.text === 'enumerate' ? node.childForFieldName('arguments')?.namedChildren[0] : node;
  if (loop && over?.type === 'identifier' && over.text === name && (over === node || node.childForFieldName('arguments')!.namedChildren.every((x, k) => k === 0 || !readsMade(ctx, x, made)))) return false;
  // (`json.load(f)`, `list(csv.reader(f))`, `next(f)`: data, when the file itself is what they read)
  if (node.type === 'call' && eagerOfFile(ctx, node, name)) return false;
  const ids = node.type === 'identifier' ? [node] : node.descendantsOfType('identifier');
  return ids.some((i) => {
    if (!names.has(i.text)) return false;
    const attr = i.parent;
    if (i.text !== name || attr?.type !== 'attribute' || attr.childForFieldName('object')?.id !== i.id) return true;
    const field = attr.childForFieldName('attribute')?.text ?? '';
    const called = attr.parent?.type === 'call' && attr.parent.childForFieldName('function')?.id === attr.id;
    return !(called ? DATA_READS.has(field) : PLAIN_ATTRIBUTES.has(field) || (field === 'name' && made.pathName));
  });
}

/** True when `call` reads the resource `name` to its end, or a line of it, and returns data: an eager consumer given it. */
function eagerOfFile(ctx: FileContext, call: SyntaxNode, name: string): boolean {
  const args = call.childForFieldName('arguments')?.namedChildren.filter((x) => !isExtra(x)) ?? [];
  if (args.length === 0 || !args.every((x) => !x.descendantsOfType('identifier').some((i) => i.text === name) || x.text === name || x.type === 'call')) return false;
  const fn = call.childForFieldName('function')?.text;
  if (fn === 'next' && args[0]?.text === name) return true;
  if ((fn === 'list' || fn === 'tuple' || fn === 'sorted') && args.length === 1 && args[0]!.type === 'call') {
    const inner = consumerOf(ctx, args[0]!);
    return inner?.kind === 'lazy' && !inner.owns && args[0]!.childForFieldName('arguments')?.namedChildren.some((x) => x.text === name) === true;
  }
  const spec = consumerOf(ctx, call);
  return spec?.kind === 'eager' && args.some((x) => x.text === name);
}

/**
 * Adds to `made` the names bound from what reads one of them, in `stmt` (`b = f.buffer`, `(m := …)`, `… as x`); returns
 * the binding or call that puts such a value where a handler may reach it otherwise than by a name made here: an
 * attribute or item (`self.b = f.buffer`), a name declared `global`/`nonlocal`, or an argument of a call
 * (`views.append(f.raw)`; not the file itself, whose callees open-assign-close reads on their own).
 */
function bindFrom(ctx: FileContext, stmt: SyntaxNode, made: Made, outside: ReadonlySet<string>): SyntaxNode | undefined {
  let stored: SyntaxNode | undefined;
  const targets = (n: SyntaxNode | null, b: SyntaxNode) => {
    if (!n) return;
    if (n.type === 'identifier') {
      made.names.add(n.text);
      if (outside.has(n.text)) stored ??= b;
    } else if (n.type === 'attribute' || n.type === 'subscript') stored ??= b;
    else for (const c of n.namedChildren) targets(c, b);
  };
  for (const b of [stmt, ...stmt.descendantsOfType(['assignment', 'augmented_assignment', 'named_expression', 'for_statement', 'for_in_clause', 'with_item', 'call'])]) {
    if (b.type === 'assignment' || b.type === 'augmented_assignment' || b.type === 'for_statement' || b.type === 'for_in_clause') {
      if (readsMade(ctx, b.childForFieldName('right'), made, b.type !== 'assignment' && b.type !== 'augmented_assignment')) targets(b.childForFieldName('left'), b);
    } else if (b.type === 'named_expression') {
      if (readsMade(ctx, b.childForFieldName('value'), made)) targets(b.childForFieldName('name'), b);
    } else if (b.type === 'with_item') {
      const value = b.childForFieldName('value');
      if (value?.type === 'as_pattern' && readsMade(ctx, value.namedChildren[0] ?? null, made)) targets(value.childForFieldName('alias'), b);
    } else if (b.type === 'call' && !eagerOfFile(ctx, b, made.name) && !LOOKS.test(b.childForFieldName('function')?.text.replace(/\s+/g, '') ?? '')) {
      const args = b.childForFieldName('arguments')?.namedChildren.filter((x) => !isExtra(x)) ?? [];
      const callee = b.childForFieldName('function')?.text.replace(/\s+/g, '') ?? '';
      if (args.some((x) => passesView(ctx, x.type === 'keyword_argument' ? x.childForFieldName('value') : x, made, callee))) stored ??= b;
    }
  }
  return stored;
}

/**
 * The `except` and `finally` clauses an exception raised between the open `a` and its close runs, in this function:
 * those of `own` (the `try` right after the open, whose body holds the close) and of each `try` around the open (of one
 * whose `else` or an `except` holds it: its `finally`).
 */
function handlersAround(a: ResourceAssignment, own: SyntaxNode | undefined): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const add = (t: SyntaxNode, excepts: boolean) => out.push(...t.namedChildren.filter((c) => (excepts && c.type === 'except_clause') || c.type === 'finally_clause'));
  if (own) add(own, true);
  for (let n: SyntaxNode | null = a.stmt.parent; n && !NESTED_SCOPES.has(n.type) && n.type !== 'module'; n = n.parent) {
    if (n.type === 'try_statement' && !n.namedChildren.some((c) => c.type === 'finally_clause' && within(a.stmt, c))) add(n, within(a.stmt, n.childForFieldName('body')!));
  }
  return out;
}

const codeNamesMemo = new WeakMap<FileContext, Map<string, Set<string>>>();
const outsideMemo = new WeakMap<FileContext, Map<number, Set<string>>>();

const handlerMemo = new WeakMap<FileContext, Map<number, HandlerScan>>();

interface HandlerScan {
  /** The identifiers it reads (not those it binds), each with its text, and whether it is what a call calls. */
  identifiers: { node: SyntaxNode; text: string; callee: boolean }[];
  /** Its calls, each with what it calls and the texts of its arguments (a keyword argument's value). */
  calls: { node: SyntaxNode; fn: string; args: string[] }[];
  /** `except OSError: data = None` first binds the name again: what the handler reads after it is its own value. */
  rebound: Map<string, number>;
}

/** What `handlerReason` reads of the handler `h`, read once per file however many opens it is around. */
function handlerScan(ctx: FileContext, h: SyntaxNode): HandlerScan {
  return memoized(handlerMemo, ctx, h.id, () => {
    const rebound = new Map<string, number>();
    for (const s of statementSiblings(h.namedChildren.find((c) => c.type === 'block') ?? h)) {
      const left = plainTarget(s);
      if (left && !rebound.has(left.text)) rebound.set(left.text, s.endIndex);
    }
    const identifiers = h.descendantsOfType('identifier').filter((i) => !isBoundThere(i)).map((node) => ({ node, text: node.text, callee: node.parent?.type === 'call' && node.parent.childForFieldName('function')?.id === node.id }));
    const calls = h.descendantsOfType('call').map((node) => ({
      node,
      fn: node.childForFieldName('function')?.text.replace(/\s+/g, '') ?? '',
      args: (node.childForFieldName('arguments')?.namedChildren ?? []).map((x) => (x.type === 'keyword_argument' ? x.childForFieldName('value')?.text ?? '' : x.text)),
    }));
    return { identifiers, calls, rebound };
  });
}

// Per tree, per scope: every file of a function asked which names its `with` statements enter (one scan).
const enteredCache = new WeakMap<object, Map<number, Map<string, SyntaxNode[]>>>();

/** The names the `with` items of `scope`'s own code enter (`with f:`, `with (f) as g:`), each with where the item starts. */
function enteredNames(scope: SyntaxNode): Map<string, SyntaxNode[]> {
  return memoized(enteredCache, scope.tree, scope.id, () => {
    const out = new Map<string, SyntaxNode[]>();
    for (const i of scope.descendantsOfType('with_item')) {
      const v = i.childForFieldName('value');
      const inner = v?.type === 'as_pattern' ? v.namedChildren[0] : v;
      const item = inner ? unwrapParens(inner) : undefined;
      const stmt = i.parent?.parent;
      if (item?.type === 'identifier' && stmt?.type === 'with_statement' && functionOrModuleOf(i).id === scope.id) out.set(item.text, [...(out.get(item.text) ?? []), stmt]);
    }
    return out;
  });
}

/**
 * True when `with name:` (one of `enteredNames`) closes what `stmt` bound to `name` on every path: a later statement
 * of `stmt`'s own block, with no statement between that binds `name` again. (Not one in a branch, nor one of a file
 * bound since: `f = open(q)` / `with f:`.)
 */
function enteredAfter(ctx: FileContext, scope: SyntaxNode, stmt: SyntaxNode, name: string, entered: readonly SyntaxNode[]): boolean {
  const block = stmt.parent;
  if (!block) return false;
  const at = (n: SyntaxNode): number => {
    let cur = n;
    while (cur.parent && cur.parent.id !== block.id) cur = cur.parent;
    return cur.parent ? cur.startIndex : -1;
  };
  const w = entered.filter((x) => x.parent?.id === block.id && x.startIndex > stmt.endIndex).map((x) => x.startIndex);
  if (!w.length) return false;
  const first = Math.min(...w);
  // (A `return`, `raise`, `break` or `continue` between leaves before the `with` on that path)
  const sibs = statementSiblings(block);
  // (Not one whose own block closed it first: `if c: f.close(); return`)
  const closes = new RegExp(`^${escapeRegExp(name)}\\s*\\.\\s*close\\s*\\(\\s*\\)$`);
  const closedFirst = (r: SyntaxNode) => statementSiblings(r.parent!).some((b) => b.endIndex <= r.startIndex && closes.test(b.text));
  const leaves = sibs.some((x) => x.startIndex > stmt.endIndex && x.startIndex < first && x.descendantsOfType(['return_statement', 'raise_statement', 'break_statement', 'continue_statement']).some((r) => functionOrModuleOf(r).id === scope.id && !jumpStaysIn(r, x) && !closedFirst(r)));
  if (leaves) return false;
  // (The function's bindings of the name, by the statement of this block that holds each: one between rebinds it)
  const rebinds = (ctx.names.bindings(scope).get(name) ?? []).some((b) => {
    if (!within(b.node, block)) return false;
    const s = at(b.node);
    return s > stmt.endIndex && s < first;
  });
  return !rebinds;
}

/** True when `node` is inside an `except` clause of `scope`'s own code. */
function inExceptClause(node: SyntaxNode, scope: SyntaxNode): boolean {
  for (let p = node.parent; p && p.id !== scope.id; p = p.parent) {
    if (p.type === 'except_clause' || p.type === 'except_group_clause') return true;
    if (p.type === 'function_definition' || p.type === 'lambda' || p.type === 'class_definition') return false;
  }
  return false;
}

/** The names of the file's functions and lambdas (`def show():`, `show = lambda: …`): what a handler's call may run. */
function codeNames(ctx: FileContext): Set<string> {
  return memoized(codeNamesMemo, ctx, '', () => codeNamesIn(ctx));
}

function codeNamesIn(ctx: FileContext): Set<string> {
  const out = new Set(functionBodies(ctx).keys());
  for (const l of ctx.root.descendantsOfType('lambda')) {
    const asg = l.parent?.type === 'assignment' ? l.parent.childForFieldName('left') : null;
    if (asg?.type === 'identifier') out.add(asg.text);
  }
  return out;
}

/**
 * Why the `with` would change what a handler sees (`handlersAround`), or `undefined`. An exception before the close
 * runs the `except` and `finally` clauses around it while the original still has the resource open; the `with` closes
 * it first. Ex) `b = f.buffer` … `except UnicodeDecodeError: b.seek(0)` (anything the code made of the resource before
 * the close: a view of it may close with it), `tmp = NamedTemporaryFile()` … `except …: open(tmp.name)` (closing
 * deletes it), `except …: g = open(p, "w")` (the original flushed `f` over what it wrote, later). `own`: the `try` right
 * after the open whose body holds the close (`tryBodyFinding`).
 */
function handlerReason(ctx: FileContext, a: ResourceAssignment, spec: ResourceSpec, close: SyntaxNode, name: string, own?: SyntaxNode): string | undefined {
  const handlers = handlersAround(a, own);
  const scopeOfOpen = functionOrModuleOf(a.stmt);
  const suppressors: SyntaxNode[] = [];
  for (let n: SyntaxNode | null = a.stmt.parent; n && n.id !== scopeOfOpen.id; n = n.parent) if (n.type === 'with_statement' && maySwallow(ctx, n)) suppressors.push(n);
  if (handlers.length === 0 && suppressors.length === 0) return undefined;
  const at = (h: SyntaxNode) => `in a handler of the \`try\` on line ${line(h.parent!)}`;
  const pathNode = pathArgOf(spec, a.call);
  const path = pathNode?.text;
  const pathName = !deletesByName(spec, a.call) && (spec.name === 'builtins.open' || spec.name === 'io.open' || spec.name === 'tempfile.NamedTemporaryFile') && (spec.name === 'tempfile.NamedTemporaryFile' || (path !== undefined && /^[rbuRBUfF]*["']|^os\.path\.|^Path\(|join\(/.test(path)));
  const made: Made = { name, names: new Set([name]), pathName };
  // (A name declared `global` or `nonlocal` in the function: bound, it is seen by code outside it)
  const scope = functionOrModuleOf(a.stmt);
  const outside = memoized(outsideMemo, ctx, scope.id, () => new Set(scope.descendantsOfType(['global_statement', 'nonlocal_statement']).flatMap((g) => g.namedChildren.map((i) => i.text))));
  for (const stmt of statementSiblings(own ? close.parent! : a.stmt.parent!)) {
    if (stmt.startIndex <= a.stmt.startIndex) continue;
    if (stmt.startIndex >= close.startIndex) break;
    const stored = bindFrom(ctx, stmt, made, outside);
    if (stored) return `\`${preview(stored)}\` on line ${line(stored)} puts what it makes of \`${name}\` where a handler of a \`try\` around it may reach it while the original still has \`${name}\` open (an exception before \`${name}.close()\`): a \`with\` would have closed it`;
  }
  const views = made.names.size > 1;
  const functions = views ? codeNames(ctx) : new Set<string>();
  // (Nothing made but the file, whose `.name` is a path: no identifier of a handler can matter)
  for (const h of views || !pathName ? handlers : []) {
    const { identifiers, rebound } = handlerScan(ctx, h);
    for (const { node: id, text, callee } of identifiers) {
      if ((rebound.get(text) ?? Infinity) <= id.startIndex) continue;
      // Ex) `def show(): return b.tell()`, `show = lambda: b.tell()`, a module's function reading a global one
      if (callee && functions.has(text)) return `\`${text}()\`, called on line ${line(id)} ${at(h)}, may read what the code made of \`${name}\` before the close, which an exception before \`${name}.close()\` leaves open in the original: a \`with\` would have closed it`;
      if (!made.names.has(text)) continue;
      // (A read of the resource itself there is a use after the close, which whyNotFixable reads: all but its `.name`)
      if (text === name && (pathName || !readsAttribute(id, NAME))) continue;
      const what = text === name ? `\`${name}.name\` (a descriptor, or a file its close deletes)` : `\`${text}\`, made from \`${name}\` before the close,`;
      return `${what} is read on line ${line(id)} ${at(h)}, which an exception before \`${name}.close()\` runs while the original still has \`${name}\` open: a \`with\` would have closed it`;
    }
  }
  // Ex) `f = open(p, "w")` / `try: …` / `except ValueError: g = open(p, "w")` (or `Path(p).write_text(…)`, or
  // `note_error()` whose body names `P`): the original flushed `f` over what the handler wrote
  if (!mayWrite(spec, a.call) || !pathNode || path === undefined) return undefined;
  const bodies = functionBodies(ctx);
  for (const h of handlers) {
    for (const c of handlerScan(ctx, h).calls) {
      const helper = bodies.get(c.fn);
      if (helper !== undefined && new RegExp(`(?<![\\w.])${escapeRegExp(path)}(?!\\w)`).test(helper)) return `\`${preview(c.node)}\` on line ${line(c.node)} ${at(h)} runs code that names \`${path}\`, and may write it again: on the path of an exception before \`${name}.close()\`, the original flushed \`${name}\` after that, a \`with\` before`;
      // (`Path(p)` itself looks, what is called on it may write: `Path(p).write_text(…)`)
      if (!c.args.includes(path) || LOOKS.test(c.fn) || (onlyLooks(c.fn) && !/^(?:pathlib\.)?(?:Pure)?Path$/.test(c.fn))) continue;
      return `\`${preview(c.node)}\` on line ${line(c.node)} ${at(h)} may write \`${path}\` again: on the path of an exception before \`${name}.close()\`, the original flushed \`${name}\` after that, a \`with\` before`;
    }
  }
  // Ex) `except ValueError: pass` / `with open(p, "a") as o: o.write("w")` after the `try`: an exception the handler
  // takes goes on to that code with `f` open in the original, flushed only as the function returns; a `with` flushes it
  // first (the file's bytes land in another order)
  // (A handler that returns or raises leaves the function; one that ends in `break` or `continue` goes on to the code
  // after the loop, or its next turn. A `with contextlib.suppress(…)` around the open takes the exception as an
  // `except` does, and goes on after the `with`.)
  const goesOn = handlers.filter((h) => h.type !== 'finally_clause' && !leavesFunction(h)).map((h) => ({ after: h.parent!, at: h }));
  for (const n of suppressors) goesOn.push({ after: n, at: n });
  const { byArg } = scopeCalls(ctx, scope);
  for (const { after, at: h } of goesOn) {
    // The code after it: the rest of the function's text, and a loop around it whole (its next turn)
    const ranges: Array<[number, number]> = [[after.endIndex, scope.endIndex]];
    for (let n = after.parent; n && n.id !== scope.id; n = n.parent) if (LOOPS.has(n.type)) ranges.push([n.startIndex, n.endIndex]);
    const runsAfter = (c: SyntaxNode) => ranges.some(([from, to]) => c.startIndex >= from && c.endIndex <= to);
    const taken = h.type === 'with_statement' ? `after the \`with\` on line ${line(h)} that suppresses exceptions` : `after the \`try\` on line ${line(h.parent!)} whose handler goes on`;
    const reason = (c: SyntaxNode) => `\`${preview(c)}\` on line ${line(c)}, ${taken}, may write \`${path}\` again: on the path of an exception before \`${name}.close()\` that is taken there, the original flushed \`${name}\` later (when the name was bound again or the function returned), a \`with\` before`;
    // (The open itself, in a loop around it: its next turn rebinds `f`, where the original closed the old file; but
    // one in `"w"` mode empties the file first, before the original flushed the last turn's)
    const loops = loopsAround(a.stmt, scope);
    if (loops.some((l) => runsAfter(l) || within(after, l)) && loops.some((l) => reopenedEmptiedInLoop(ctx, spec, a.call, l))) return reason(a.call);
    // Ex) `with open(p, "a") as o:` after it: another open of the path to write
    for (const c of byArg.get(path) ?? []) {
      if (c.id === a.call.id || !runsAfter(c)) continue;
      const other = resourceOf(ctx, c);
      if (other && mayWrite(other, c) && pathArgOf(other, c)?.text === path) return reason(c);
    }
    // Ex) `append_to(p, "w")`, `Path(p).write_text(…)`, `w = functools.partial(append_to, p)` / `w("x")`, `note()` naming
    // `P`: what WFY105 asks of the code after a last use
    const elsewhere = pathWrittenElsewhere(ctx, scope, { pathNode, after: runsAfter });
    if (elsewhere) return reason(elsewhere.call);
    // Ex) `await log_more(p)` / `yield` after it: other code runs there while the original still had the file open
    const suspension = suspensionAfter(scope, runsAfter);
    if (suspension) return `\`${preview(suspension)}\` on line ${line(suspension)}, ${taken}, hands control to other code, which may write \`${path}\`: on the path of an exception before \`${name}.close()\` that is taken there, the original flushed \`${name}\` later (at the ${suspension.type === 'yield' ? "generator's" : "coroutine's"} end), a \`with\` before`;
  }
  // Ex) `with open(p, "a") as g:` around the `try`, written after it: `g`, opened before and still open, flushed after
  // what the `with` over `f` would have written first
  const before = goesOn.length ? samePathOpenedAgain(ctx, scope, a, a.stmt) : undefined;
  if (before && before.startIndex < a.call.startIndex) return `\`${preview(before)}\` on line ${line(before)} opened the same path to write before, and is not closed before this open: on the path of an exception before \`${name}.close()\` that is taken, the original flushed \`${name}\` later (when the name was bound again or the function returned), a \`with\` before, and what each writes may land in another order`;
  return undefined;
}

const scopeCallsMemo = new WeakMap<FileContext, Map<number, { byArg: Map<string, SyntaxNode[]>; helperCalls: SyntaxNode[] }>>();

/**
 * The calls of `scope`'s own code (not a nested function's), once per function: by the text of each argument (a
 * keyword's value), and those of a function of the file by name (`note()`), each in order.
 */
function scopeCalls(ctx: FileContext, scope: SyntaxNode): { byArg: Map<string, SyntaxNode[]>; helperCalls: SyntaxNode[] } {
  return memoized(scopeCallsMemo, ctx, scope.id, () => {
    const byArg = new Map<string, SyntaxNode[]>();
    const helperCalls: SyntaxNode[] = [];
    const bodies = functionBodies(ctx);
    for (const c of scope.descendantsOfType('call')) {
      if (ownerThroughLambdas(c).id !== scope.id) continue;
      const fn = c.childForFieldName('function');
      if (fn?.type === 'identifier' && bodies.has(fn.text)) helperCalls.push(c);
      for (const x of c.childForFieldName('arguments')?.namedChildren ?? []) {
        const value = x.type === 'keyword_argument' ? x.childForFieldName('value') : x;
        if (value && !isExtra(value)) pushTo(byArg, value.text, c);
      }
    }
    return { byArg, helperCalls };
  });
}

/** True when the `except` clause `h` ends with a statement that leaves the function: `return` or `raise`. */
function leavesFunction(h: SyntaxNode): boolean {
  const block = h.namedChildren.filter((c) => c.type === 'block').at(-1);
  const last = block?.namedChildren.filter((c) => !isExtra(c)).at(-1);
  if (last?.type !== 'return_statement' && last?.type !== 'raise_statement') return false;
  // Ex) `if it == "bad": break` / `return`: a `break` or `continue` of the loop around the `try` goes on after it
  return !block!.descendantsOfType(['break_statement', 'continue_statement']).some((j) => !insideLoopOf(j, block!));
}

/** True when the jump `j` belongs to a loop (or a function) inside `block`, not to one around it. */
function insideLoopOf(j: SyntaxNode, block: SyntaxNode): boolean {
  for (let p = j.parent; p && p.id !== block.id; p = p.parent) if (LOOPS.has(p.type) || NESTED_SCOPES.has(p.type)) return true;
  return false;
}

const TARGET_PARTS = new Set(['pattern_list', 'tuple_pattern', 'list_pattern', 'tuple', 'list', 'parenthesized_expression', 'expression_list', 'list_splat_pattern']);

/** True when the identifier `id` is a target the code binds (`x = …`, `a, x = …`, `for x in`, `(x := …)`, `as x`), not a read. */
function isBoundThere(id: SyntaxNode): boolean {
  let n = id;
  while (n.parent && TARGET_PARTS.has(n.parent.type)) n = n.parent;
  const p = n.parent;
  if (!p) return false;
  if (p.type === 'assignment' || p.type === 'for_statement' || p.type === 'for_in_clause') return p.childForFieldName('left')?.id === n.id;
  if (p.type === 'named_expression') return p.childForFieldName('name')?.id === n.id;
  return p.type === 'as_pattern_target';
}

/**
 * The compound statement whose block holds `stmt` when the code after that statement runs only after the block:
 * a `with` body, or a `try` body whose handlers all leave (`except OSError: return None`). Undefined otherwise.
 */
function flowsOnFrom(stmt: SyntaxNode): SyntaxNode | undefined {
  const block = stmt.parent!;
  const owner = block.parent;
  if (owner?.type === 'with_statement') return owner;
  if (owner?.type !== 'try_statement' || owner.childForFieldName('body')?.id !== block.id) return undefined;
  const handlers = handlersOf(owner);
  return handlers.length > 0 && handlers.every(handlerLeaves) ? owner : undefined;
}

function check(ctx: FileContext): Finding[] {
  if (!mayHoldResourceCall(ctx.source) || !ctx.source.includes('.close(')) return [];
  const findings: Finding[] = [];
  const closable: Closable[] = [];
  for (const a of callAssignments(ctx.root, candidateCalls(ctx))) {
    // Ex) `self.f = open(p)`, `a, b = open(p), open(q)`: open-assign reports stores.
    if (a.target.type !== 'identifier') continue;
    const spec: ResourceSpec | undefined = resourceOf(ctx, a.call);
    if (!spec) continue;
    // Ex) `class C: f = open(p)`: a class attribute, not a local.
    if (isClassBodyStatement(a.stmt)) continue;
    const name = a.target.text;
    const scope = functionOrModuleOf(a.stmt);
    const uses = resourceUses(ctx, scope, a.target, spec);
    const siblings = statementSiblings(a.stmt.parent!);
    const idx = statementIndex(a.stmt.parent!, a.stmt);
    let close: SyntaxNode | undefined;
    for (const s of siblings.slice(idx + 1)) {
      if (isCloseStatement(s, name)) {
        close = s;
        break;
      }
      // Ex) a later `f = open(q)` (or `with pool.connection() as f:`) … `f.close()` closes the other object
      if (rebinds(s, name)) break;
    }
    const callee = a.call.childForFieldName('function')?.text.replace(/\s+/g, '') ?? 'open';
    const message = `\`${name} = ${callee}(...)\` is closed by hand: an exception before \`${name}.close()\` leaves the ${spec.kind} open, on PyPy until the GC runs`;
    const base = { id: ID, code: CODE, message, start: a.stmt.startIndex, end: a.stmt.endIndex };
    if (!close) {
      const closes = uses.filter((u) => u.cls.kind === 'close' && u.name === name && u.node.startIndex > a.stmt.endIndex && seesValue(u, a.stmt, scope, name));
      // Ex) `try: … finally: f.close()`: already closed on every path.
      if (closes.length === 0 || closes.some((u) => insideHandler(u.node, a.stmt))) continue;
      // Ex) `f = open(p)` / `if c:` / `data = f.read()` / `f.close()` / `else:` / `data = f.readline()` / `f.close()`: one
      // `with` holds the `if`, and the branches' closes go. Only when they are the only closes the name has there.
      const ifStatement = siblings.slice(idx + 1).find((s) => s.startIndex <= closes[0]!.node.startIndex && closes[0]!.node.endIndex <= s.endIndex);
      const inside = ifStatement && siblings.slice(idx + 1, siblings.indexOf(ifStatement)).every((s) => !rebinds(s, name)) ? closingBranches(ifStatement, name) : undefined;
      if (inside && inside.length === closes.length && closes.every((u) => inside.some((c) => within(u.node, c)))) {
        const last = inside.at(-1)!;
        const reason = whyNotFixable(ctx, a.stmt, last, uses, scope, name, spec.kind, inside) ?? keptOnCloseReason(spec, a.call, name) ?? nameOutlivesRaise(spec, a, last, uses, name) ?? closeRefusedReason(spec, last, uses, name) ?? handlerReason(ctx, a, spec, last, name);
        if (reason) findings.push({ ...base, reason });
        else closable.push({ a, spec, name, close: last, end: ifStatement!, inside, base, ...(wavWriterOf(spec, a, uses, last) ? { wavWriter: true } : {}) });
        continue;
      }
      const inTry = closes.length === 1 ? closeOfOpeningTry(siblings[idx + 1], closes[0]!.node, name) : undefined;
      // Ex) `f = open(p)` / `try:` / `f.close()`: nothing runs between the open and the close
      if (inTry && statementSiblings(inTry.parent!)[0]!.id === inTry.id) continue;
      if (inTry) {
        const reason = whyNotFixable(ctx, a.stmt, inTry, uses, scope, name, spec.kind) ?? keptOnCloseReason(spec, a.call, name) ?? nameOutlivesRaise(spec, a, inTry, uses, name) ?? closeRefusedReason(spec, inTry, uses, name) ?? handlerReason(ctx, a, spec, inTry, name, siblings[idx + 1]!);
        if (reason) findings.push({ ...base, reason });
        else closable.push({ a, spec, name, close: inTry, end: siblings[idx + 1]!, tryBody: true, base, ...(wavWriterOf(spec, a, uses, inTry) ? { wavWriter: true } : {}) });
        continue;
      }
      // Ex) `try: self.init(f)` / `except: f.close(); raise`: handed on, closed only on failure. (Not `helper(f)` / `if c:
      // f.close()`: closed on some paths, it may be left open on the others, and is reported below.)
      const escapes = uses.filter((u) => u.cls.kind === 'escape' && seesValue(u, a.stmt, scope, name));
      if (escapes.length && closes.every((u) => inExceptClause(u.node, scope))) continue;
      // Ex) `if ok: return f` / `f.close()`: given to the caller on one path, closed on the other. `with sock:` /
      // `sock.close()`: the `with` closes it on every path.
      if (escapes.some((u) => enclosingStatement(u.node)?.type === 'return_statement' && functionOrModuleOf(u.node).id === scope.id)) continue;
      const entered = enteredNames(scope).get(name);
      if (entered && enteredAfter(ctx, scope, a.stmt, name, entered)) continue;
      // Ex) `try: f = open(p)` / `else: f.close()`: nothing runs between the open and the close. But
      // `with open(p) as fh:` / `f = open(fh.readline())` / `data = f.read()` / `f.close()` (what WFY101's fix leaves of
      // `f = open(open(p).readline())`), or `try: f = open(p)` / `except OSError: return None` / `data = f.read()` /
      // `f.close()`: the block goes on after its statement, where the file is read before its close.
      const usedInBlock = uses.some((u) => u.node.startIndex > a.stmt.endIndex && u.node.endIndex <= a.stmt.parent!.endIndex);
      const goesOn = flowsOnFrom(a.stmt);
      const lastClose = closes.at(-1)!.node.startIndex;
      const readAfter = goesOn !== undefined && uses.some((u) => u.cls.kind !== 'close' && u.node.startIndex > goesOn.endIndex && u.node.startIndex < lastClose && seesValue(u, a.stmt, scope, name));
      if (!usedInBlock && !readAfter) continue;
      // Ex) `print(pp.close())`: `os.popen`'s close returns the exit status, which the code uses
      const valued = closes.find((u) => closeValueUsed(u.node));
      // Ex) `if c:` / `f.close()` / `else:` / `f.close()`: closed on every path, but a `with` would leave two `pass` branches
      const onlyCloses = !valued && ifStatement && closingLeaves(ifStatement, name, []) === false;
      findings.push({
        ...base,
        reason: valued
          ? `the value of \`${name}.close()\` on line ${line(valued.node)} is used (\`${preview(enclosingStatement(valued.node) ?? valued.node)}\`): a \`with\` would drop it; close it in a \`try\`/\`finally\` by hand`
          : onlyCloses
          ? `every branch of the \`if\` on line ${line(ifStatement)} does nothing but close \`${name}\`: close it once, after the \`if\`, and withify can give it a \`with\``
          : `\`${name}.close()\` on line ${line((closes.find((u) => !endsBranchOfIfElse(u.node, name)) ?? closes[0]!).node)} is not a statement of the block that opens \`${name}\`, so it may not run on every path: move the uses into \`with\` by hand`,
      });
      continue;
    }
    // Ex) `f = open(p)` / `f.close()`: nothing runs in between, nothing can raise.
    if (siblings[idx + 1]!.id === close.id) continue;
    const reason = whyNotFixable(ctx, a.stmt, close, uses, scope, name, spec.kind) ?? keptOnCloseReason(spec, a.call, name) ?? nameOutlivesRaise(spec, a, close, uses, name) ?? closeRefusedReason(spec, close, uses, name) ?? handlerReason(ctx, a, spec, close, name);
    if (reason) {
      findings.push({ ...base, reason });
      continue;
    }
    closable.push({ a, spec, name, close, end: close, base, ...(wavWriterOf(spec, a, uses, close) ? { wavWriter: true } : {}) });
  }
  // Ex) `fin = open(src)` / `fout = open(dst, "w")` / … / `fin.close()` / `fout.close()`: either `with` alone would
  // hold the other's open but not its close, so one `with` opens both (or three, …: a run of them).
  const groups: Closable[][] = [];
  for (const c of closable) {
    const run = groups.at(-1);
    const prev = run?.at(-1);
    const block = c.a.stmt.parent!;
    const at = (n: SyntaxNode) => statementIndex(block, n);
    // (A block that ends with an `if` whose branches close is one of its own.)
    if (run && prev && prev.end === prev.close && c.end === c.close && prev.a.stmt.parent?.id === block.id && at(c.a.stmt) === at(prev.a.stmt) + 1 && at(c.close) === at(prev.close) + 1) run.push(c);
    else groups.push([c]);
  }
  // Ex) `fin` … `fout` … `fin.close()` … `fout.write(x)` … `fout.close()`: `fin`'s `with` would hold `fout`'s open
  // but not its close, which then could not be fixed at all: say so now.
  const blocked = new Map<Closable, Closable>();
  let after = 0; // the index in `closable` of the first assignment past the group (groups are runs of it, in order)
  for (const g of groups) {
    after += g.length;
    const first = g[0]!;
    const block = first.a.stmt.parent!;
    const at = (n: SyntaxNode) => statementIndex(block, n);
    const end = at(first.end);
    // Only the assignments between this one and its close, which come next in document order.
    for (let k = after; k < closable.length && closable[k]!.a.stmt.startIndex < first.close.startIndex; k++) {
      const other = closable[k]!;
      if (other.a.stmt.parent?.id === block.id && at(other.end) > end) blocked.set(other, first);
    }
  }
  for (const group of groups) {
    const c = group[0]!;
    const partners = group.slice(1);
    const outer = blocked.get(c);
    if (outer) {
      for (const g of group) {
        findings.push({ ...g.base, reason: `\`${outer.name}\`'s \`with\` would hold this open but not \`${g.name}.close()\` on line ${line(g.close)}, which it runs past: give both one \`with\` by hand` });
      }
      continue;
    }
    // Ex) `a = open(p, "a")` / `b = open(p, "a")` / … / `a.close()` / `b.close()`: the original flushed `a` first,
    // one `with` closes `b` first, and the file's contents come out in the other order
    const shared = partners.length ? sameWrittenFile(group) : undefined;
    if (shared) {
      for (const g of group) findings.push({ ...g.base, reason: shared });
      continue;
    }
    if (c.tryBody) {
      findings.push(tryBodyFinding(ctx, c));
      continue;
    }
    const block = c.a.stmt.parent!;
    const last = c.inside ? c.end : statementSiblings(block)[statementIndex(block, c.close) - 1]!;
    const room = blockRoom(ctx, c.a.stmt, last);
    if (room < group.length) {
      for (const g of group) findings.push({ ...g.base, reason: tooDeepReason(group.length, room) });
      continue;
    }
    const planned = group.map((g) => withItemFor(ctx, g.spec, g.a.call, g.name));
    const refused = planned.find((i): i is string => typeof i === 'string');
    if (refused !== undefined) {
      for (const g of group) findings.push({ ...g.base, reason: refused });
      continue;
    }
    // Ex) module-level `f: IO[str] = open(p)`: the annotation would run first, on a line of its own
    const annotated = annotationOrderReason(group.map((g) => g.a.stmt));
    if (annotated !== undefined) {
      for (const g of group) findings.push({ ...g.base, reason: annotated });
      continue;
    }
    // Ex) `fout = open(dst or open(d).read(), "w")  # noqa: WFY101` after `fin = open(src)`: the `with` header takes
    // the code to the first one's line, the comment stays below it and suppresses nothing there (review rv54b)
    const directive = group.length > 1 ? group.map((g) => g.a.stmt).sort((x, y) => x.startIndex - y.startIndex).slice(1).find((st) => DIRECTIVE_COMMENT.test(ctx.source.slice(st.endIndex, lineEndOf(ctx.source, st.endIndex)))) : undefined;
    if (directive) {
      const reason = `the comment after \`${preview(directive)}\` (line ${line(directive)}) tells a tool about that line: one \`with\` over the opens would take its code to the line of the first; close them by hand, or put the comment there`;
      for (const g of group) findings.push({ ...g.base, reason });
      continue;
    }
    const items = planned.filter((i): i is WithItem => typeof i !== 'string');
    const indent = lineIndent(ctx.source, c.a.stmt.startIndex);
    const header = withHeaderLines(ctx, items.map((i) => i.item), indent).join(ctx.eol + indent);
    const plan = c.inside
      ? planHeaderWrap(ctx, { stmt: c.a.stmt, header, last, dropInside: c.inside })
      : planHeaderWrap(ctx, { stmt: c.a.stmt, header, last, drop: c.close, alsoReplaced: partners.map((p) => p.a.stmt), alsoDropped: partners.map((p) => p.close) });
    if (!plan) {
      const closes = group.map((g) => `\`${g.name}.close()\``).join(' or ');
      const shared = c.inside
        ? `the assignment, a branch's \`${c.name}.close()\` or the statements around them share a line (\`;\`, \`else: ${c.name}.close()\`)`
        : `the assignment, ${closes} or the statements around them share a line (\`;\`)`;
      // Ex) `fin = open(src)` / `# between` (or a blank line) / `fout = open(dst, "w")`: one `with` header has no place
      // for what lies between them; nothing shares a line (review rv54b)
      const stmts = group.map((g) => g.a.stmt).sort((x, y) => x.startIndex - y.startIndex);
      // (Whole lines between two of them: the first's own line ends with its comment, if any; the last holds the indent)
      const gap = stmts.slice(1).find((st, i) => ctx.source.slice(stmts[i]!.endIndex, st.startIndex).split('\n').length > 2);
      const between = gap ? `a comment or a blank line lies between \`${preview(stmts[stmts.indexOf(gap) - 1]!)}\` and \`${preview(gap)}\`, which one \`with\` over both has no place for: move it for withify to fix this` : undefined;
      const reason = mixedIndentReason(ctx, c.a.stmt) ?? between ?? `${shared}: split them for withify to fix this`;
      for (const g of group) findings.push({ ...g.base, reason });
      continue;
    }
    const title = c.inside
      ? `Replace the \`${c.name}.close()\` ending each branch of the \`if\` with \`with … as ${c.name}:\``
      : partners.length
      ? `Replace ${group.map((g) => `\`${g.name}.close()\``).join(', ')} with one \`with ${group.map((g) => `… as ${g.name}`).join(', ')}:\``
      : `Replace \`${c.name}.close()\` with \`with … as ${c.name}:\``;
    // Ex) `t = tarfile.open(fileobj=buf, mode="w")` … `return False` … `t.close()`, `pipe = os.popen(cmd)` … a raise …
    // `pipe.close()`: on a path that leaves before the close, the `with` closes what CPython only dropped
    const notes = group.map((g, k) => exitPathNote(g, items[k]!.closeNote));
    const fix: Fix = { title, applicability: notes.some((n) => n !== undefined) ? 'unsafe' : 'safe', edits: [...plan.edits, ...items.flatMap((i) => i.edits)] };
    for (const [k, g] of group.entries()) findings.push({ ...g.base, message: g.base.message + (notes[k] ?? notes.find((n) => n !== undefined) ?? ''), fix });
  }
  return findings.sort((x, y) => x.start - y.start);
}

export const openAssignClose: Transform = {
  id: ID,
  code: CODE,
  summary: 'A resource bound to a name (`f = open(p)`) and closed by hand with `f.close()` later in the same block.',
  fixTitle: 'Turn the assignment into `with open(p) as f:` and drop the `f.close()`',
  safety: 'safe',
  doc: {
    whatItDoes:
      'Finds `f = open(p)` followed, in the same block, by statements using `f` and then `f.close()` as a ' +
      'statement of its own. The assignment becomes the `with` header (the user\'s name `f` is kept), the ' +
      'statements in between move into the block, and the `f.close()` line is removed (a comment on it stays, and so does a form feed at its start, on a line of its own). ' +
      'When every branch of an `if` with an `else` ends in `f.close()`, the block holds that `if` and each branch\'s close is removed (`pass` where it was all the branch did). ' +
      'When the close is a statement of the body of the `try` right after the open, `with f:` opens that body, up to where the close stood (the open stays outside the `try`).',
    whyItBreaksOnPyPy:
      'If anything between the open and the close raises (or returns early), the close never runs. CPython ' +
      'still closes the file when the frame dies; PyPy keeps it open until the garbage collector runs: ' +
      'written data is not flushed, locks on Windows stay, and a loop runs out of file descriptors.',
    fixSafety:
      'Safe. Offered only when `f` is a plain local name, is not rebound before the close, is not returned, ' +
      'yielded, stored, captured by a nested function or lambda, or declared global before the close, and ' +
      'is not read after the close (the rest of the function, and earlier statements of an enclosing loop), ' +
      'and not passed to code that may keep it ahead of a `return`, `break`, `continue` or `raise` that leaves before the close, ' +
      'or to code whose result is registered with something that lives on (`log.addHandler(StreamHandler(f))`), ' +
      'or itself to a call that registers it (`pool.submit(pump, f)`, `files.append(f)`), ' +
      'before a later statement (an exception would leave the file open for it). A `raise` counts only when it names ' +
      'the file or what holds it (`raise Partial(f)`). ' +
      'On the normal path the file is closed exactly where `f.close()` stood; on an early return or an ' +
      'exception it is now closed too. Unsafe where that close does what dropping the object never did: a pipe ' +
      "(`os.popen`) whose close waits for its command, a `wave.open(f)` with no mode the code writes, and" +
      CLOSE_SAFETY.replace(' Unsafe for', '').replace(/ Offered with .*$/, ' Offered with `--unsafe-fixes`.') +
      ' No fix where closing would raise on such a path under what the code made of the object: a `memoryview` (or ' +
      'numpy view) of a memory map, a zip member opened for writing. No fix where an `except` or `finally` of a `try` ' +
      'around the code would see the early close: it reads a view made of the file before the close (`b = f.buffer`, ' +
      'through a name, a container or a function of the file; not plain data such as `f.read()`), the name of a file ' +
      'its close deletes, or writes the same path (docs/open-assign.md).',
    notFlagged:
      '`f = open(p)` with the close in a `finally:` (already safe; left alone), `f = open(p); f.close()` with ' +
      'nothing between. A close that is not a statement of the same block (inside an `if`, a loop) is ' +
      'reported without a fix, unless it ends every branch of an `if` that has an `else` (the `with` then holds the `if`), ' +
      'or is a statement of the body of the `try` right after the open (`with f:` then opens that body). Never-closed files are open-assign (WFY105).',
  },
  examples: [
    {
      before: 'f = open(path)\ndata = f.read()\nf.close()\n',
      after: 'with open(path) as f:\n    data = f.read()\n',
    },
    {
      before: 'out = open(path, "w")\nfor row in rows:\n    out.write(row)\nout.close()  # flushed\n',
      after: 'with open(path, "w") as out:\n    for row in rows:\n        out.write(row)\n# flushed\n',
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
