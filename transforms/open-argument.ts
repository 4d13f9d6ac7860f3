// open-argument (WFY102): a resource passed straight to a call that uses it up before returning:
//     data = json.load(open(path))     →   with open(path) as f:
//                                               data = json.load(f)
// The consumers (eager and lazy) are listed once, in src/python/consumers.ts.
import { recursiveCall } from '../src/python/recursion.js';
import { functionOrModuleOf, within } from '../src/python/scopes.js';
import type { FileContext, Finding, Fix, SyntaxNode, Transform } from '../src/types.js';
import { candidateCalls, resourceAnchors } from '../src/python/candidates.js';
import { codeRunAfter, isPure, lazyContext, preview, suspendedReason } from '../src/python/evaluation.js';
import { replaceNode } from '../src/python/edits.js';
import { calleeText, consumerOf, takesResource } from '../src/python/consumers.js';
import { calleeName } from '../src/python/imports.js';
import { closeWaitsReason, exceptionWaitsNote, leftOpen, mayWrite, openedForWriting, READS_TO_END, resourceOf, stopsEarlyOnTheWay, mayHoldResourceCall, RESOURCE_TRIGGERS, withItemFor, CLOSE_SAFETY, type ResourceSpec } from '../src/python/resources.js';
import { argumentOf, followResource, loopOwner } from '../src/python/statement-flow.js';
import { enclosingStatement, headerContextReason, inStatementOf, isClassBodyStatement, isExtra, isWrappableSimpleStatement } from '../src/python/statements.js';
import { findingWith, groupForWith, orderReason, planResourceWith, type ResourceUse } from '../src/python/with-items.js';
import { blockRoom, tooDeepReason } from '../src/python/nesting.js';
import { helperUsesUp, identifierUses, namesSeenReason, usedUpAtOnce } from '../src/python/resource-flow.js';
import { pathArgOf } from '../src/python/path-writes.js';
import { placedItem, realignInPlace } from '../src/python/wrap.js';
import { readsWithoutCode } from './open-chain.js';

const ID = 'open-argument';
const CODE = 'WFY102';

interface ArgumentMatch {
  resource: SyntaxNode;
  spec: ResourceSpec;
  /** The call the resource is passed to: `json.load(open(p))`. */
  consumer: SyntaxNode;
  /** What is passed: the resource, or the conditional expression it is a branch of. */
  arg: SyntaxNode;
}

/** Resources passed directly to a known consumer, in a position where it takes a resource. */
function findArguments(ctx: FileContext): ArgumentMatch[] {
  if (!mayHoldResourceCall(ctx.source)) return [];
  const out: ArgumentMatch[] = [];
  for (const call of candidateCalls(ctx)) {
    const arg = branchArgument(call) ?? call;
    const consumer = argumentOf(arg);
    if (!consumer) continue;
    const spec = resourceOf(ctx, call);
    if (!spec) continue;
    const known = consumerOf(ctx, consumer);
    // Ex) `process(open(p))`, `json.dump(open(p), out)`: an unknown callee (or position) may keep the file; not ours. Unless the
    // callee is a function of the module that only uses it: `def save(d, out): json.dump(d, out)` … `save(d, open(p, "w"))`
    if (known ? !takesResource(known, consumer, arg) : arg.id !== call.id || !helperUsesUp(ctx, consumer, arg, spec)) continue;
    // Ex) `for row in csv.reader(open(p)):`, `[l for l in map(str.strip, open(p))]`: open-loop's.
    if (loopOwner(call)) continue;
    out.push({ resource: call, spec, consumer, arg });
  }
  return out;
}

/**
 * The conditional expression `call` is a branch of, when that is what is passed: `json.dump(d, open(p, "w") if p
 * else sys.stdout)`. Such a resource is reported (the branch may not run), never fixed.
 */
function branchArgument(call: SyntaxNode): SyntaxNode | undefined {
  let c = call;
  while (c.parent?.type === 'parenthesized_expression') c = c.parent;
  let cond = c.parent;
  if (cond?.type !== 'conditional_expression' || cond.namedChildren.filter((n) => !isExtra(n))[1]?.id === c.id) return undefined;
  while (cond.parent?.type === 'parenthesized_expression') cond = cond.parent;
  return cond;
}

function display(m: ArgumentMatch): string {
  const callee = m.resource.childForFieldName('function')?.text.replace(/\s+/g, '') ?? 'open';
  const kw = m.arg.parent?.type === 'keyword_argument' ? `${m.arg.parent.childForFieldName('name')?.text}=` : '';
  const args = m.consumer.childForFieldName('arguments');
  const first = args?.type === 'argument_list' ? args.namedChildren.find((c) => !isExtra(c)) : undefined;
  const before = first && first.id !== (kw ? m.arg.parent!.id : m.arg.id) ? '…, ' : '';
  const shown = `${callee}(...)`;
  // Ex) `print(…, file=sys.stderr if err else open(...))`
  let cond = m.arg;
  while (cond.type === 'parenthesized_expression') cond = cond.namedChildren.find((c) => !isExtra(c)) ?? cond;
  const consequence = cond.namedChildren.find((c) => !isExtra(c));
  const passed = m.arg.id === m.resource.id ? shown : consequence && m.resource.endIndex <= consequence.endIndex ? `${shown} if … else …` : `… if … else ${shown}`;
  return `${calleeText(m.consumer)}(${before}${kw}${passed})`;
}

/** Why the resource cannot be closed at the end of its statement, or `undefined`. */
function whyNotFixable(ctx: FileContext, m: ArgumentMatch, stmt: SyntaxNode | undefined, waits: Map<number, string>): string | undefined {
  if (!stmt) return 'not inside a statement';
  const flow = followResource(ctx, m.resource, m.spec, stmt);
  if (flow.kind === 'unknown') return flow.why;
  // Ex) `save = lambda d: json.dump(d, open(p, "w"))`: the lambda is the reason, not the code after the dump
  const lazy = lazyContext(m.resource, stmt);
  if (lazy) return lazy;
  if (flow.kind === 'live') {
    const via = flow.via ?? calleeText(m.consumer);
    return `\`${via}\` uses the ${m.spec.kind} lazily, after this statement: keep it in a \`with\` block that spans every use of the result`;
  }
  // Ex) `next(os.popen(cmd))`: closing the pipe waits for the command, which may run on after the first line
  if (m.spec.closeWaits) {
    // Ex) `list(zip(os.popen(cmd), [1]))`: `list` reads to the end of what `zip` gives, which stops early
    const stops = stopsEarlyOnTheWay(ctx, m.resource, flow.at);
    // (`print(*map(str.strip, os.popen(cmd)))`, `a, b = zip(os.popen(cmd))`: the unpacking reads it to the end)
    const unpacked = flow.kind === 'used-up' && (flow.at.type === 'list_splat' || flow.at.type === 'assignment');
    if (stops || (!unpacked && !READS_TO_END.has(consumerOf(ctx, flow.at)?.name ?? ''))) return closeWaitsReason(m.spec, stops ? `${calleeText(stops)}(…)` : display(m));
    // Ex) `sum(map(int, os.popen(cmd)))`, `max(os.popen(cmd), key=float)`, `dict(os.popen(cmd))`: code run on each
    // line may raise before the end, and the `with` then waits for the command
    const code = lineCode(ctx, m, flow.at);
    if (code) waits.set(m.resource.id, code);
  }
  // Ex) `x = list(dbm.open(p)) + [reopen()]`, `d[reopen()], b = islice(shelve.open(p), 2)`: CPython let go of gdbm's lock
  // as the read returned; a `with` would hold it while the rest of the statement runs
  if (m.spec.locks && flow.kind === 'used-up') {
    let locked = codeRunAfter(flow.at, stmt);
    while (locked && readsWithoutCode(ctx, locked)) locked = codeRunAfter(locked, stmt);
    if (locked) return `\`${preview(locked)}\` runs after ${/^(?:a|the) /.test(flow.by) ? flow.by : `\`${flow.by}\``}: CPython closed the ${m.spec.kind}, and let go of its lock, before it; a \`with\` would hold it (a second open there would fail): read it into a name in a \`with\` first`;
  }
  const header = headerContextReason(m.resource, stmt);
  if (header) return header;
  // Ex) `assert json.load(open(p))`: `python -O` drops the assert, and must not open the file either
  if (stmt.type === 'assert_statement') return 'in an `assert`, which `python -O` skips: a `with` around it would open the file even then';
  if (!isWrappableSimpleStatement(stmt)) return `${inStatementOf(stmt)}, which withify does not wrap`;
  if (isClassBodyStatement(stmt)) return 'in a class body: the `as` name would become a class attribute';
  const suspended = suspendedReason(stmt, m.resource, flow.at, m.spec.kind);
  if (suspended) return suspended;
  // Ex) `json.dump(d, open(p, "w")) or check(p)`: CPython flushed and closed it before `check` ran.
  const later = mayWrite(m.spec, m.resource) ? codeRunAfter(flow.at, stmt) : undefined;
  // Ex) `csv.writer(open(p, "w")).writerow(r) + len(open(p).read())`: the file was closed after `.writerow()`
  const after = flow.kind === 'used-up' && flow.by.startsWith('.') ? flow.by : calleeText(m.consumer);
  if (later) return `\`${preview(later)}\` runs after \`${after}\`: CPython closed the ${m.spec.kind} before it, a \`with\` would close it after`;
  // Ex) `return len(json.load(open(p))) + size(p, depth - 1)` in `size`: CPython closed the file as `json.load` returned;
  // a `with` around the statement would hold it through every level below (a deep recursion runs out of descriptors)
  const again = recursiveCall(ctx, stmt, stmt, (c) => !within(c, flow.at) && c.endIndex > flow.at.endIndex);
  if (again) return `\`${preview(again)}\` runs this function again after \`${after}\` returned, and opens its own: CPython had closed the ${m.spec.kind}, a \`with\` around the statement would hold it through every level below (a deep recursion runs out of file descriptors); read it into a name in a \`with\` first`;
  return undefined;
}

/** Consumers that read a pipe to its end and run no code of their own on a line. */
const PLAIN_READS: ReadonlySet<string> = new Set(['builtins.list', 'builtins.tuple', 'builtins.set', 'builtins.frozenset', 'builtins.sorted', 'builtins.min', 'builtins.max', 'collections.deque', 'collections.Counter', 'str.join']);
/** Lazy wrappers that call no code of the program on an item. */
const PLAIN_WRAPPERS: ReadonlySet<string> = new Set(['builtins.enumerate', 'builtins.iter', 'builtins.zip', 'builtins.reversed', 'itertools.chain', 'itertools.zip_longest']);
/** Keywords a consumer uses only once it has read everything (`sorted` sorts what it read), or that call nothing. */
const PLAIN_KEYWORDS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['builtins.sorted', new Set(['key', 'reverse'])],
  ['collections.deque', new Set(['maxlen'])],
]);

/**
 * The code that may raise while a pipe is read to its end by `at` (a `READS_TO_END` consumer or an unpacking), shown
 * for a note: a lazy wrapper on the way that calls a function on each line (`map(int, …)`), an argument that runs
 * code (`reverse=flag()`, `limit()`), a `key=` called as it reads (`max`), or a consumer that may raise on a line
 * (`sum`, `dict`); `undefined` when nothing but the read runs.
 */
function lineCode(ctx: FileContext, m: ArgumentMatch, at: SyntaxNode): string | undefined {
  // Ex) `list(map(int, os.popen(cmd)))`, `print(*enumerate(os.popen(cmd)))`
  for (let c: SyntaxNode | null = m.consumer; c && c.id !== at.id && c.endIndex <= at.endIndex; c = c.parent) {
    if (c.type !== 'call') continue;
    const name = calleeName(ctx.names, c) ?? '';
    if (!PLAIN_WRAPPERS.has(name)) return `the function \`${calleeText(c)}\` calls on a line`;
    const other = otherArgumentCode(c, m.resource);
    if (other) return other;
  }
  if (at.type !== 'call') return undefined;
  const name = consumerOf(ctx, at)?.name ?? '';
  const args = at.childForFieldName('arguments');
  const keyword = args?.namedChildren.find((a) => a.type === 'keyword_argument' && !PLAIN_KEYWORDS.get(name)?.has(a.childForFieldName('name')?.text ?? ''));
  if (keyword) return `\`${keyword.childForFieldName('name')?.text ?? ''}=\` of \`${calleeText(at)}\``;
  const other = otherArgumentCode(at, m.resource);
  if (other) return other;
  return PLAIN_READS.has(name) ? undefined : `\`${calleeText(at)}\` on a line`;
}

/** An argument of `call` other than the one holding `resource` that may run code (`limit()`, `**opts`), shown. */
function otherArgumentCode(call: SyntaxNode, resource: SyntaxNode): string | undefined {
  const args = call.childForFieldName('arguments');
  for (const a of args?.namedChildren ?? []) {
    if (isExtra(a) || (a.startIndex <= resource.startIndex && resource.endIndex <= a.endIndex)) continue;
    const value = a.type === 'keyword_argument' ? a.childForFieldName('value') : a;
    if (a.type === 'dictionary_splat' || a.type === 'list_splat' || !value || !isPure(value)) return `\`${preview(a)}\``;
  }
  return undefined;
}

/** True when `call` (in parentheses or not) is the value of a `return` statement. */
function returnedAsIs(call: SyntaxNode): boolean {
  let cur = call;
  while (cur.parent?.type === 'parenthesized_expression') cur = cur.parent;
  return cur.parent?.type === 'return_statement';
}

/**
 * The `with` item whose value is the consumer call (`with gzip.GzipFile(fileobj=open(p)) as f:`), its statement, and
 * where a new item goes in front of it: the item, or inside the parentheses of 3.10's parenthesised lone item (`with
 * (gzip.GzipFile(fileobj=open(p)) as gz):`, which tree-sitter reads as a parenthesized `as_pattern`), where
 * `with open(p) as f, (… as gz):` would be no Python.
 */
function headerItemOf(m: ArgumentMatch): { item: SyntaxNode; stmt: SyntaxNode; at: SyntaxNode } | undefined {
  let cur = m.consumer;
  while (cur.parent?.type === 'parenthesized_expression') cur = cur.parent;
  if (cur.parent?.type === 'as_pattern' && cur.parent.namedChildren[0]?.id === cur.id) cur = cur.parent;
  let at: SyntaxNode | undefined;
  if (cur.type === 'as_pattern' && cur.parent?.type === 'parenthesized_expression') {
    at = cur;
    cur = cur.parent;
  }
  const item = cur.parent;
  if (item?.type !== 'with_item' || item.childForFieldName('value')?.id !== cur.id) return undefined;
  const stmt = item.parent?.parent;
  return stmt?.type === 'with_statement' ? { item, stmt, at: at ?? item } : undefined;
}

/**
 * A resource passed to a `with` item's resource that does not close it: `with gzip.GzipFile(fileobj=open(p,
 * "rb")) as gz:` becomes `with open(p, "rb") as f, gzip.GzipFile(fileobj=f) as gz:`, the file opened at the
 * same point and closed after the archive.
 */
function headerFix(ctx: FileContext, m: ArgumentMatch, { item, stmt, at }: { item: SyntaxNode; stmt: SyntaxNode; at: SyntaxNode }, base: Finding): Finding {
  const wrapper = calleeText(m.consumer);
  if (stmt.child(0)?.type === 'async') {
    return { ...base, reason: `in an \`async with\` header: \`${wrapper}\` does not close it, and an \`async with\` takes no \`${calleeText(m.resource)}()\`: open it in a \`with\` around this one` };
  }
  const order = orderReason({ call: m.resource, spec: m.spec }, item, undefined, ctx);
  if (order) return { ...base, reason: order.replace('a `with` header would run it first', 'a `with` item ahead of it would run it first') };
  const kept = headerKeptReason(ctx, m, item, stmt);
  if (kept?.reason) return { ...base, reason: kept.reason };
  const room = blockRoom(ctx, stmt, stmt);
  if (room < 1) return { ...base, reason: tooDeepReason(1, room) };
  const seen = namesSeenReason(ctx, stmt);
  if (seen) return { ...base, reason: seen };
  const name = ctx.freshName(stmt, m.spec.asNames);
  const first = withItemFor(ctx, m.spec, m.resource, name);
  if (typeof first === 'string') return { ...base, reason: first };
  // (The header's continuation lines aligned again under the brackets that moved: `open(p,` / `"rb")` ahead)
  const clause = item.parent!;
  const moved = placedItem(ctx, first.item, m.resource, at.startIndex);
  const edits = realignInPlace(ctx, [{ start: at.startIndex, end: at.startIndex, text: `${moved}, ` }, replaceNode(m.resource, name), ...first.edits], stmt.startIndex, clause.endIndex);
  const note = first.closeNote ?? kept?.note;
  const fix: Fix = { title: `Open it in the same \`with\`, before \`${wrapper}\` (\`with … as ${name}, …\`): \`${wrapper}\` does not close it`, applicability: note ? 'unsafe' : 'safe', edits };
  return note ? { ...base, message: base.message + note, fix } : { ...base, fix };
}

/**
 * The wrappers whose `close()` (or `__exit__`) keeps the file they were given: `TarFile` keeps `fileobj`, and
 * `redirect_stdout(f)` hands `f` itself to its `as` target. CPython frees the file only when that target goes.
 */
const KEEP_AFTER_CLOSE = new Set(['tarfile.open', 'tarfile.TarFile', 'contextlib.redirect_stdout', 'contextlib.redirect_stderr']);
const REDIRECTS = new Set(['contextlib.redirect_stdout', 'contextlib.redirect_stderr']);
/** Methods of an archive that hand out an object still reading the file it was given (`z.open(n)`, `tar.extractfile(n)`). */
const ARCHIVE_HANDS_OUT = new Set(['open', 'extractfile']);

/**
 * Why the header fix would close the file under something that still holds it after the block, where CPython left it
 * open (`reason`: no fix), or a difference that makes the fix unsafe (`note`). Under CPython a wrapper that drops the
 * file when it closes (`GzipFile`, `ZipFile`: `fileobj`/`fp` set to None) frees it at the block's end, as the `with`
 * closes it; what keeps it on: a member `z.open(n)` handed out in the block, and the `as` target of a `TarFile` or a
 * `redirect_stdout` (the file itself).
 */
function headerKeptReason(ctx: FileContext, m: ArgumentMatch, item: SyntaxNode, stmt: SyntaxNode): { reason?: string; note?: string } | undefined {
  const name = calleeName(ctx.names, m.consumer) ?? '';
  const wrapper = `\`${calleeText(m.consumer)}\``;
  const value = item.childForFieldName('value');
  const pattern = value?.type === 'as_pattern' ? value : value?.type === 'parenthesized_expression' ? value.namedChildren.find((c) => c.type === 'as_pattern') : undefined;
  const alias = pattern?.childForFieldName('alias');
  const target = alias?.type === 'as_pattern_target' ? alias.namedChildren[0] : alias;
  const keeps = KEEP_AFTER_CLOSE.has(name);
  const what = REDIRECTS.has(name) ? `${wrapper} hands the file itself to` : `${wrapper} keeps the file after it closes, in`;
  // Ex) `with tarfile.open(fileobj=open(p, "rb")) as self.tar:`, `as (a, b)`: the target lives on
  if (keeps && target && target.type !== 'identifier') return { reason: `${what} \`${target.text}\`, which lives on after the block: the \`with\` would close the file under it` };
  const body = stmt.childForFieldName('body');
  if (target?.type === 'identifier' && body) {
    const scope = functionOrModuleOf(stmt);
    // Ex) `global out` / `with redirect_stdout(open(p, "w")) as out:`: the module's name keeps it
    if (keeps && scope.type !== 'module' && (ctx.names.declaredGlobal(target.text) || ctx.names.declaredNonlocal(target.text))) {
      return { reason: `${what} \`${target.text}\`, declared \`global\` or \`nonlocal\`: the name outlives the block, the \`with\` would close the file under it` };
    }
    for (const use of identifierUses(ctx, scope, target.text)) {
      if (use.startIndex >= target.startIndex && use.endIndex <= target.endIndex) continue;
      const inBlock = within(use, body);
      // Ex) `with redirect_stdout(open(p, "w")) as out:` … `print("after", file=out)` after the block
      if (keeps && !inBlock) return { reason: `${what} \`${target.text}\`, used after the block (line ${use.startPosition.row + 1}): the \`with\` would close the file under it, where CPython left it open` };
      // Ex) `member = z.open(n)` in the block, read after it: the member reads the file the `with` closed
      const p = use.parent;
      const attr = p?.type === 'attribute' && p.childForFieldName('object')?.id === use.id ? p.childForFieldName('attribute')?.text : undefined;
      const call = attr && p!.parent?.type === 'call' && p!.parent.childForFieldName('function')?.id === p!.id ? p!.parent : undefined;
      if (inBlock && call && ARCHIVE_HANDS_OUT.has(attr!) && !usedUpAtOnce(call)) {
        return { reason: `\`${target.text}.${attr}()\` (line ${use.startPosition.row + 1}) may return an object that still reads the file after the block, where CPython kept it open: the \`with\` would close it under that object` };
      }
    }
  }
  // Ex) `with redirect_stderr(open(log, "w")): logging.basicConfig()`: the handler keeps `sys.stderr`, the file
  // (Or reads the stream itself: `saved = sys.stdout`, printed to after the block)
  if (REDIRECTS.has(name) && body && (body.descendantsOfType('call').some((c) => !keepsNoStream(calleeName(ctx.names, c))) || body.descendantsOfType(['attribute', 'identifier']).some((n) => /^(?:sys\.)?std(?:out|err)$/.test(n.text) && n.parent?.type !== 'attribute'))) {
    return { note: `; the block calls code, or reads the stream, that may keep \`sys.${name.endsWith('stdout') ? 'stdout' : 'stderr'}\` (a logging handler made there takes it): it would write to the file after the block, which the \`with\` has closed` };
  }
  // Ex) `with tarfile.open(fileobj=open(p, "wb"), mode="w") as tar:`: the end-of-archive blocks are flushed when
  // `tar` goes under CPython (the function's end), at the block's end with the `with`
  if (keeps && !REDIRECTS.has(name) && target && openedForWriting(m.consumer) !== false) {
    return { note: `; ${wrapper} keeps the file after it closes: CPython flushed what it wrote last (the end-of-archive blocks) when \`${target.text}\` went, the \`with\` flushes it at the block's end` };
  }
  return undefined;
}

/** Builtins that run no code of the program's that could keep `sys.stdout` (`print`, `len`, `SystemExit(…)`); not `exec`, `eval`, `__import__`. */
const keepsNoStream = (callee: string | undefined) => callee !== undefined && callee.startsWith('builtins.') && !['builtins.exec', 'builtins.eval', 'builtins.__import__', 'builtins.breakpoint', 'builtins.help'].includes(callee);

function check(ctx: FileContext): Finding[] {
  const findings: Finding[] = [];
  const byStatement = new Map<number, { stmt: SyntaxNode; uses: ResourceUse[]; matches: ArgumentMatch[] }>();
  const pending: Array<{ m: ArgumentMatch; base: Finding }> = [];
  // The pipes a `with` would wait for where code run on each line raises first (`lineCode`), with that code.
  const waits = new Map<number, string>();
  for (const m of findArguments(ctx)) {
    const stmt = enclosingStatement(m.resource);
    const message = `\`${display(m)}\`: ${leftOpen(m.spec)}`;
    const base: Finding = { id: ID, code: CODE, message, start: m.resource.startIndex, end: m.resource.endIndex };
    // Ex) `return io.TextIOWrapper(open(p, "rb"))`: the caller gets the wrapper, which closes the file, as `return
    // open(p)` gives it the file
    if (returnedAsIs(m.consumer) && consumerOf(ctx, m.consumer)?.owns) continue;
    const header = headerItemOf(m);
    if (header) {
      // Ex) `with io.TextIOWrapper(open(p, "rb")) as t:` closes the file with the wrapper
      if (consumerOf(ctx, m.consumer)?.owns) continue;
      findings.push(headerFix(ctx, m, header, base));
      continue;
    }
    const reason = whyNotFixable(ctx, m, stmt, waits);
    if (reason || !stmt) {
      findings.push({ ...base, reason: reason ?? 'not inside a statement' });
      continue;
    }
    const entry = byStatement.get(stmt.id) ?? { stmt, uses: [], matches: [] };
    entry.uses.push({ call: m.resource, spec: m.spec });
    entry.matches.push(m);
    byStatement.set(stmt.id, entry);
    pending.push({ m, base });
  }
  // Every resource of one statement goes into one `with` (`shutil.copyfileobj(open(a), open(b, "w"))`).
  const outcome = new Map<number, Fix | string>();
  for (const { stmt, uses: all, matches } of byStatement.values()) {
    // Ex) `merge(open(p, "a"), open(p, "a"))`: CPython 3.11+ closed them in order as the call's frame went, a `with`
    // closes them in reverse: what each buffered lands in another order (two paths given as distinct literals aside)
    // (Only two distinct literal paths are surely two files (`q = p` aliases one); a command's `stdout=`/`stderr=` files
    // are written by the child, not through their buffers, in no order to lose)
    const writers = all.filter((u) => mayWrite(u.spec, u.call));
    const paths = writers.map((u) => pathArgOf(u.spec, u.call));
    const child = matches.every((m) => /^subprocess\.(?:run|call|check_call|check_output|Popen)$/.test(calleeName(ctx.names, m.consumer) ?? ''));
    const distinct = child || (paths.every((x) => x?.type === 'string') && new Set(paths.map((x) => x!.text)).size === paths.length);
    const uses = writers.length > 1 && !distinct ? all.filter((u) => !writers.includes(u)) : all;
    if (uses !== all) for (const u of writers) outcome.set(u.call.id, `${writers.length} files written in this statement: a \`with\` would close them in the reverse of the order CPython closed them in, and what each buffered may land in another order: open them in \`with\` blocks of their own, in the order they should be flushed`);
    if (uses.length === 0) continue;
    const { group, reasons } = groupForWith(uses, stmt, blockRoom(ctx, stmt, stmt), ctx);
    for (const [id, why] of reasons) outcome.set(id, why);
    if (group.length === 0) continue;
    const plan = planResourceWith(ctx, stmt, stmt, group);
    const shown = group.map((u) => `\`${display(matches.find((x) => x.resource.id === u.call.id)!)}\``).join(' and ');
    const unsafe = group.some((u) => waits.has(u.call.id));
    for (const u of group) {
      outcome.set(u.call.id, typeof plan === 'string' ? plan : { title: `Move ${shown} into \`with … as ${plan.names.join(', ')}:\``, applicability: unsafe ? 'unsafe' : plan.applicability, edits: plan.edits });
    }
  }
  for (const { m, base } of pending) {
    const fix = outcome.get(m.resource.id);
    if (fix === undefined) continue; // Ex) `json.load(open(open(p).read()))`: the outer one waits for the next pass
    const code = waits.get(m.resource.id);
    if (typeof fix !== 'string' && code) findings.push({ ...base, message: base.message + exceptionWaitsNote('a read to the end', code), fix });
    else findings.push(findingWith(ctx, base, { call: m.resource, spec: m.spec }, fix));
  }
  return findings;
}

export const openArgument: Transform = {
  id: ID,
  code: CODE,
  summary: 'A resource passed straight to a call that uses it up (`json.load(open(p))`) is never closed explicitly.',
  fixTitle: 'Wrap the statement in `with <resource> as f:` and pass `f`',
  safety: 'safe',
  doc: {
    whatItDoes:
      'Finds a resource created as the argument of a call that reads or writes it to the end before returning: ' +
      '`json.load(open(p))`, `json.dump(obj, open(p, "w"))`, `pickle`/`marshal`/`plistlib` load and dump, ' +
      '`tomllib.load`, `yaml.safe_load`, `print(..., file=open(p, "w"))`, `shutil.copyfileobj(src, dst)`, ' +
      '`list`/`tuple`/`set`/`sorted(open(p))`, `"".join(open(p))`, and a function of the module that only uses what it ' +
      'is given (`def save(d, out): json.dump(d, out)` … `save(d, open(p, "w"))`). The statement moves into a `with` block ' +
      'whose header creates the resource, and the call gets the `as` name. Several resources in one statement ' +
      'share one `with` in their evaluation order. A file given to a resource that does not close it, in a ' +
      '`with` header (`with gzip.GzipFile(fileobj=open(p, "rb")) as gz:`), becomes an item of its own ahead of ' +
      'it: `with open(p, "rb") as f, gzip.GzipFile(fileobj=f) as gz:`. The consumer list is ' +
      'src/python/consumers.ts.',
    whyItBreaksOnPyPy:
      'CPython closes the file as soon as the call returns and drops the last reference. PyPy closes it when ' +
      'the garbage collector runs: `json.dump(obj, open(p, "w"))` leaves the data unflushed, so reading the ' +
      'file back right away sees it empty or truncated, and loops run out of file descriptors.',
    fixSafety:
      'Safe. Offered only when the consumer is in the eager list (it keeps no reference to the resource), or is a ' +
      'module-level function whose body only uses the parameter it lands on (never stores, returns, closes or rebinds it), the ' +
      'resource call is the first code the statement runs (only names, literals and attribute reads before it) ' +
      'and runs unconditionally, and the statement can own a block (expression statement, assignment, return). ' +
      'A lazy wrapper consumed eagerly in the same statement (`list(csv.reader(open(p)))`) is fixed too. Unsafe for a ' +
      'pipe (`os.popen`) read to its end through code run on each line (`sum(map(int, pipe))`, a `key=`, `sum`, `dict`): ' +
      'that code may raise first, and the `with` then waits for the command, where CPython dropped the pipe at once.' + CLOSE_SAFETY,
    notFlagged:
      'A resource passed to a call withify does not know (`process(open(p))`: it may keep it; a method, a function of ' +
      'another module, or one of the module that stores, returns, closes it or is a generator), or in a ' +
      'position the consumer does not read (`json.dump(open(p), out)`, `print(x, sep=open(p))`); `for`-loop iterables, comprehensions and ' +
      '`yield from` statements (open-loop). Reported without a fix: lazy consumers whose result outlives the statement ' +
      '(`reader = csv.reader(open(p))`, `map(f, open(p))`, `enumerate`, `zip`, `itertools.*`), generator ' +
      'functions of the same file (they may yield the file itself), calls after other code in the statement, conditional or lambda contexts, class bodies, ' +
      'compound-statement headers, and a file that may be written followed by other code of its statement ' +
      '(`json.dump(d, open(p, "w")) or check(p)`: CPython flushed and closed it before `check` ran).',
  },
  examples: [
    { before: 'import json\n\n\ndef load(path):\n    return json.load(open(path))\n', after: 'import json\n\n\ndef load(path):\n    with open(path) as f:\n        return json.load(f)\n' },
    { before: 'import json\n\n\ndef save(obj, path):\n    json.dump(obj, open(path, "w"))\n', after: 'import json\n\n\ndef save(obj, path):\n    with open(path, "w") as f:\n        json.dump(obj, f)\n' },
    {
      before: 'import shutil\n\n\ndef copy(src, dst):\n    shutil.copyfileobj(open(src, "rb"), open(dst, "wb"))\n',
      after: 'import shutil\n\n\ndef copy(src, dst):\n    with open(src, "rb") as f, open(dst, "wb") as fh:\n        shutil.copyfileobj(f, fh)\n',
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
