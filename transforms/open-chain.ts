// open-chain (WFY101): a resource created and used once in the same expression, then dropped:
//     open(path, "w").write(data)      →   with open(path, "w") as f:
//                                               f.write(data)
import { recursiveCall } from '../src/python/recursion.js';
import { within } from '../src/python/scopes.js';
import type { Edit, FileContext, Finding, Fix, SyntaxNode, Transform } from '../src/types.js';
import { candidateCalls, resourceAnchors } from '../src/python/candidates.js';
import { BUILTIN_NAMES, codeRunAfter, isPure, lazyContext, preview, suspendedReason } from '../src/python/evaluation.js';
import { closesItself, closeWaitsReason, isEagerUse, READS_TO_END, readsPipeToEnd, leftOpen, mayTimeOut, pipeReason, resourceOf, mayHoldResourceCall, RESOURCE_TRIGGERS, SUBSCRIPT, CLOSE_SAFETY, literalMode, withItemFor, type ResourceSpec } from '../src/python/resources.js';
import { calleeName } from '../src/python/imports.js';
import { loopOwner } from '../src/python/statement-flow.js';
import { firstIndex, startsLine } from '../src/python/text.js';
import { findingWith, groupForWith, orderReason, planResourceWith, uniqueEdits } from '../src/python/with-items.js';
import { insertAt, replaceNode } from '../src/python/edits.js';
import { mixedIndentReason, statementIndent, unitFor } from '../src/python/wrap.js';
import { blockRoom } from '../src/python/nesting.js';
import { bindsPlainNames, enclosingStatement, headerContextReason, membershipOperator, inStatementOf, isClassBodyStatement, isExtra, isWrappableSimpleStatement, isUnpackingTarget } from '../src/python/statements.js';
import { isDataAttribute, namesSeenReason } from '../src/python/resource-flow.js';

const ID = 'open-chain';
const CODE = 'WFY101';

export interface ChainMatch {
  /** The call that creates the resource: `open(p)`. */
  resource: SyntaxNode;
  spec: ResourceSpec;
  /** The method called on it at once: `read` in `open(p).read()`. */
  method: string;
  /** The whole `open(p).read()` call. */
  use: SyntaxNode;
  /** `method` names a pipe read as an attribute, not a method: `Popen(cmd, stdout=PIPE).stdout.read()` (report only). */
  pipe?: true;
  /** `use` is a subscript of the resource (`shelve.open(p)["k"]`, read or written); `method` is `[]`. */
  subscript?: true;
  /** `method` is a data attribute read at once (`urlopen(u).status`), and `use` that attribute. */
  attribute?: true;
  /** `method` is a method taken and not called (`Thread(target=open(p, "w").write)`): report only. */
  bound?: true;
  /**
   * Iterated at once, with nothing of it kept: unpacked (`print(*open(p))`, `a, b = open(p)`; `use` is the call,
   * display or assignment), or the container of a membership test (`"x\n" in open(p)`; `method` is `in`, `use`
   * the comparison).
   */
  unpack?: true;
}

/** The method called on `call`'s result at once (`read` in `open(p).read()`) and that whole call, or `undefined`. */
export function methodCallOn(call: SyntaxNode): { method: string; use: SyntaxNode } | undefined {
  const attr = call.parent;
  if (attr?.type !== 'attribute' || attr.childForFieldName('object')?.id !== call.id) return undefined;
  const use = attr.parent;
  if (use?.type !== 'call' || use.childForFieldName('function')?.id !== attr.id) return undefined;
  return { method: attr.childForFieldName('attribute')?.text ?? '', use };
}

const PIPES = new Set(['stdin', 'stdout', 'stderr']);

/**
 * The pipe used at once off `call`'s result (`stdout` in `Popen(cmd, stdout=PIPE).stdout.read()`) and the call
 * of a method on it. A pipe kept (`out = Popen(...).stdout`) is its keeper's to close, one closed at once
 * leaves nothing open.
 */
function pipeOn(call: SyntaxNode): { method: string; use: SyntaxNode; pipe: true } | undefined {
  const attr = call.parent;
  if (attr?.type !== 'attribute' || attr.childForFieldName('object')?.id !== call.id) return undefined;
  const method = attr.childForFieldName('attribute')?.text ?? '';
  if (!PIPES.has(method)) return undefined;
  const onPipe = methodCallOn(attr);
  return onPipe && onPipe.method !== 'close' ? { method, use: onPipe.use, pipe: true } : undefined;
}

/** A data attribute read off `call`'s result and nothing else: `urlopen(u).status`, `open(p).encoding`. */
function dataAttributeOn(call: SyntaxNode): { method: string; use: SyntaxNode; attribute: true } | undefined {
  const attr = call.parent;
  if (attr?.type !== 'attribute' || attr.childForFieldName('object')?.id !== call.id) return undefined;
  const method = attr.childForFieldName('attribute')?.text ?? '';
  if (!isDataAttribute(method)) return undefined;
  const up = attr.parent;
  // Ex) `open(p).name()`, `open(p).name = x`, `del open(p).name`
  if (up?.type === 'call' && up.childForFieldName('function')?.id === attr.id) return undefined;
  if ((up?.type === 'assignment' || up?.type === 'augmented_assignment') && up.childForFieldName('left')?.id === attr.id) return undefined;
  if (up?.type === 'delete_statement' || up?.type === 'attribute') return undefined;
  return { method, use: attr, attribute: true };
}

/**
 * A method of `call`'s result taken and not called: `Thread(target=open(p, "w").write, args=(s,))`, `read =
 * open(p).read`. The bound method keeps the resource open for as long as it is kept, after the statement.
 */
function boundMethodOn(call: SyntaxNode, spec: ResourceSpec): { method: string; use: SyntaxNode; bound: true } | undefined {
  const attr = call.parent;
  if (attr?.type !== 'attribute' || attr.childForFieldName('object')?.id !== call.id) return undefined;
  const method = attr.childForFieldName('attribute')?.text ?? '';
  const up = attr.parent;
  if (!spec.eagerMethods.has(method) || method === 'fileno') return undefined;
  if (up?.type === 'call' && up.childForFieldName('function')?.id === attr.id) return undefined;
  if ((up?.type === 'assignment' || up?.type === 'augmented_assignment') && up.childForFieldName('left')?.id === attr.id) return undefined;
  if (up?.type === 'delete_statement' || up?.type === 'attribute') return undefined;
  return { method, use: attr, bound: true };
}

const SPLAT_HOLDERS = new Set(['argument_list', 'list', 'tuple', 'set', 'expression_list']);

/** The `*` item that unpacks `call` (through parentheses) in a display or an argument list, or `undefined`. */
function splatOf(call: SyntaxNode): SyntaxNode | undefined {
  let cur = call;
  while (cur.parent?.type === 'parenthesized_expression') cur = cur.parent;
  return cur.parent?.type === 'list_splat' && SPLAT_HOLDERS.has(cur.parent.parent?.type ?? '') ? cur.parent : undefined;
}

/**
 * `call`'s result unpacked at once, which reads it to its end before anything else runs: `print(*open(p))`,
 * `(*open(p),)`, `a, b = open(p)`, `head, *rest = open(p)`. (tree-sitter reads `[*open(p)]` and `{*open(p)}` as
 * calls of `*open`: not seen.)
 */
function unpackOn(call: SyntaxNode): { method: string; use: SyntaxNode; unpack: true } | undefined {
  let cur = call;
  while (cur.parent?.type === 'parenthesized_expression') cur = cur.parent;
  const p = cur.parent;
  if (p?.type === 'list_splat' && SPLAT_HOLDERS.has(p.parent?.type ?? '')) {
    const holder = p.parent!;
    return { method: '*', use: holder.type === 'argument_list' && holder.parent?.type === 'call' ? holder.parent : holder, unpack: true };
  }
  // (Into an attribute or a subscript, a setter or `__setitem__` runs after the read: `d[reopen()], = shelve.open(p)`
  // reads it first, and the store is code that runs after it, as in `x = open(p).read() + f()`)
  if (p?.type === 'assignment' && p.childForFieldName('right')?.id === cur.id && isUnpackingTarget(p.childForFieldName('left'))) {
    return { method: 'unpacking', use: bindsPlainNames(p.childForFieldName('left')!) ? p : cur, unpack: true };
  }
  return undefined;
}

/**
 * `call`'s result as the container of a membership test, `w in open(p)` or `w not in open(p)`: iterated until a
 * line matches, and nothing of it kept. Only a comparison of two operands: in `a in open(p) in b` the file
 * itself goes on to `b`.
 */
function membershipOn(call: SyntaxNode): { method: string; use: SyntaxNode; unpack: true } | undefined {
  let cur = call;
  while (cur.parent?.type === 'parenthesized_expression') cur = cur.parent;
  const p = cur.parent;
  return p && membershipOperator(p, cur) ? { method: 'in', use: p, unpack: true } : undefined;
}

/** `R[k]` on `call`'s result: `shelve.open(p)["k"]`, `shelve.open(p)["k"] = v`, `mmap.mmap(fd, 0)[:4]`. */
function subscriptOn(call: SyntaxNode): { method: string; use: SyntaxNode; subscript: true } | undefined {
  const sub = call.parent;
  if (sub?.type !== 'subscript' || sub.childForFieldName('value')?.id !== call.id) return undefined;
  return { method: SUBSCRIPT, use: sub, subscript: true };
}

/**
 * `R.method(...)` where R is a catalog call: the resource is used once, right where it is made. Also `R[k]` of a
 * resource used by subscript (`shelve.open(p)[k] = v`), and a pipe of a process read at once
 * (`Popen(...).stdout.read()`), which is only reported.
 */
export function findChains(ctx: FileContext): ChainMatch[] {
  if (!mayHoldResourceCall(ctx.source)) return [];
  const out: ChainMatch[] = [];
  for (const call of candidateCalls(ctx)) {
    // (Most candidates are arguments or assigned: one look at the parent's type settles them.)
    const up = call.parent?.type;
    const chain =
      up === 'attribute' ? methodCallOn(call) ?? pipeOn(call) ?? dataAttributeOn(call)
      : up === 'subscript' ? subscriptOn(call)
      : up === 'list_splat' || up === 'assignment' ? unpackOn(call)
      : up === 'comparison_operator' ? membershipOn(call)
      : up === 'parenthesized_expression' ? unpackOn(call) ?? membershipOn(call)
      : undefined;
    if (!chain && up !== 'attribute') continue;
    const spec = resourceOf(ctx, call);
    // Ex) `Thread(target=open(p, "w").write, args=(s,))`: a bound method, which keeps the file
    if (!chain) {
      const bound = up === 'attribute' && spec ? boundMethodOn(call, spec) : undefined;
      if (bound) out.push({ resource: call, spec: spec!, ...bound });
      continue;
    }
    if (!spec || ('pipe' in chain && !spec.pipesOnly) || ('subscript' in chain && !spec.subscripts)) continue;
    // Ex) `Popen(cmd, stdout=PIPE).returncode`: a `with` would wait for the process; `a, b = Popen(…)` is no file
    if (('attribute' in chain || 'unpack' in chain) && spec.exitWaits) continue;
    out.push({ resource: call, spec, ...chain });
  }
  return out;
}

/**
 * The method closes the resource itself: `open(p).close()`; `Popen(cmd, stdout=PIPE).communicate()` reads every
 * pipe to its end, closes it and waits for the process (given no timeout, after which it gives up).
 */
function leavesNothingOpen(m: ChainMatch): boolean {
  return m.method === 'close' || closesItself(m.spec, m.method, m.use);
}

function display(m: ChainMatch): string {
  const callee = m.resource.childForFieldName('function')?.text.replace(/\s+/g, '') ?? 'open';
  // Ex) `shelve.open(...)[…]`
  if (m.subscript) return `${callee}(...)[…]`;
  // Ex) `urlopen(...).status`, `open(...).write` (not called)
  if (m.attribute || m.bound) return `${callee}(...).${m.method}`;
  // Ex) `*open(...)`, `… = open(...)` unpacked
  if (m.unpack) return m.method === '*' ? `*${callee}(...)` : m.method === 'in' ? `… in ${callee}(...)` : `… = ${callee}(...)`;
  // Ex) `Popen(...).stdout.read()`
  if (m.pipe) return `${callee}(...).${m.method}.${m.use.childForFieldName('function')?.childForFieldName('attribute')?.text}()`;
  return `${callee}(...).${m.method}()`;
}

/** The chains' uses by start offset: `hasInnerChain` looks only at those that start inside a resource call. */
type UseSpans = ReadonlyArray<{ start: number; end: number; m: ChainMatch }>;

function useSpans(all: readonly ChainMatch[]): UseSpans {
  return all.map((m) => ({ start: m.use.startIndex, end: m.use.endIndex, m })).sort((a, b) => a.start - b.start);
}

/**
 * Another chain inside the resource call's own arguments runs first: let it be fixed first. A binary search
 * for the first use that starts in the call: a file of 40,000 chains took minutes comparing every pair.
 */
function hasInnerChain(m: ChainMatch, spans: UseSpans): boolean {
  const from = m.resource.startIndex;
  const to = m.resource.endIndex;
  for (let i = firstIndex(spans.length, (k) => spans[k]!.start >= from); i < spans.length && spans[i]!.start <= to; i++) {
    if (spans[i]!.m !== m && spans[i]!.end <= to) return true;
  }
  return false;
}

/**
 * Methods whose effect the close completes (flushing written data, committing a shelf): once one has
 * run, CPython closed the resource before the rest of the statement, and a `with` would close it after.
 */
export const WRITING_METHODS: ReadonlySet<string> = new Set([
  'write', 'writelines', 'writestr', 'writeframes', 'writeframesraw', 'write_byte', 'add', 'addfile', 'mkdir',
  'truncate', 'send', 'sendall', 'sendto', 'sendfile', 'update', 'setdefault', 'pop', 'popitem', 'clear', 'sync', 'commit',
]);

/** Why the chain cannot be fixed whatever else the statement does, or `undefined`. */
function whyNotFixable(ctx: FileContext, m: ChainMatch, stmt: SyntaxNode | undefined): string | undefined {
  // Ex) `Popen(cmd, stdout=PIPE).stdout.read()`: a `with` would close the pipes and also wait for the process
  if (m.pipe) return pipeReason(m.spec, m.method);
  if (m.bound) return `\`.${m.method}\` is taken without a call: the bound method keeps the ${m.spec.kind} open for as long as it is kept, after this statement; keep the ${m.spec.kind} in a \`with\` block that spans every call of it`;
  // Ex) `tempfile.NamedTemporaryFile().name`: the file is deleted with the object, at once on CPython, and the name
  // is kept (`tempdir-name` for directories); with `delete=False` it stays and a `with` only closes it.
  if (m.attribute && m.spec.kind === 'temporary file' && !/\bdelete\s*=\s*False\b/.test(m.resource.text)) {
    return `the ${m.spec.kind} is deleted as the object goes (at once on CPython): \`.${m.method}\` names a file that is gone; keep the object while the name is used, or pass \`delete=False\``;
  }
  if (!m.attribute && !m.unpack && !isEagerUse(m.spec, m.method, m.use)) {
    // Ex) `Popen(cmd).communicate(timeout=5)`: on TimeoutExpired the process runs on; `__exit__` would wait for it
    if (mayTimeOut(m.spec, m.method, m.use)) return `\`.${m.method}()\` may give up at its timeout and leave the ${m.spec.kind} running, and a \`with\` would then wait for it with no timeout: kill it and wait where the timeout is caught (\`proc.kill(); proc.communicate()\`)`;
    // Ex) `subprocess.Popen(cmd).poll()`: the process runs on; `__exit__` would wait for it to end
    if (m.spec.exitWaits) return `\`.${m.method}()\` does not wait for the ${m.spec.kind}, and a \`with\` would: wait for it (\`.wait()\`, \`.communicate()\`) or keep the object`;
    return `\`.${m.method}()\` is not an eager method withify knows to return plain data (docs/resources.md): it may return an object that still uses the ${m.spec.kind} after the statement; close it by hand`;
  }
  // Ex) `os.fstat(open(p).fileno())`: CPython closed the file, and its descriptor, as `.fileno()` returned, so the
  // call got a closed descriptor (EBADF, or a file opened since); a `with` would hand it an open one
  if (m.method === 'fileno' && !m.attribute && !m.unpack) return `CPython closed the ${m.spec.kind}, and so its descriptor, as soon as \`.fileno()\` returned: the number the code goes on with is closed (or another file's), where a \`with\` would keep it open; keep the ${m.spec.kind} in a variable while the descriptor is used`;
  // Ex) `os.popen(cmd).readline()`: closing the pipe waits for the command, which may run on after that line
  if (m.spec.closeWaits && !(m.unpack ? m.method !== 'in' : !m.attribute && !m.subscript && readsPipeToEnd(m.method, m.use))) return closeWaitsReason(m.spec, display(m));
  if (!stmt) return 'not inside a statement';
  // Ex) `writer = lambda p, s: open(p, "w").write(s)`, `for c in iter(lambda: open(p).read(4), ""):`: the lambda
  // is the reason, not the code after the write or the loop header
  const lazy = lazyContext(m.resource, stmt);
  if (lazy) return lazy;
  const header = headerContextReason(m.resource, stmt);
  if (header) return header;
  // Ex) `assert open(p).read()`: `python -O` drops the assert, and must not open the file either
  if (stmt.type === 'assert_statement') return 'in an `assert`, which `python -O` skips: a `with` around it would open the file even then';
  if (!isWrappableSimpleStatement(stmt)) return `${inStatementOf(stmt)}, which withify does not wrap`;
  if (isClassBodyStatement(stmt)) return 'in a class body: the `as` name would become a class attribute';
  // Ex) `x = [*open(p), await g()]`, `print(*shelve.open(p), bump())`: the `*` reads the resource as it is met; the
  // display's (or the call's) other items run after it, under a `with` with the resource still open
  const read = m.method === '*' ? (splatOf(m.resource) ?? m.use) : m.use;
  const suspended = suspendedReason(stmt, m.resource, read, m.spec.kind);
  if (suspended) return suspended;
  // Ex) `n = open(p, "w").write(s) + len(open(p).read())`: CPython flushed `p` before reading it back.
  const later = WRITING_METHODS.has(m.method) ? codeRunAfter(m.use, stmt) : undefined;
  if (later) return `\`${preview(later)}\` runs after ${readShown(m)}: CPython closed the ${m.spec.kind} before it, a \`with\` would close it after`;
  // Ex) `return len(open(p).read()) + size(p, depth - 1)` in `size`: CPython closed the file as `.read()` returned;
  // a `with` around the statement would hold it through every level below (a deep recursion runs out of descriptors)
  const again = recursiveCall(ctx, stmt, stmt, (c) => !within(c, read) && c.endIndex > read.endIndex);
  if (again) return `\`${preview(again)}\` runs this function again after ${readShown(m)} returned, and opens its own: CPython had closed the ${m.spec.kind}, a \`with\` around the statement would hold it through every level below (a deep recursion runs out of file descriptors); read it into a name in a \`with\` first`;
  // Ex) `list(map(lambda k: bump(p, k), dbm.open(p).keys()))` with `bump` opening it to write: CPython let go of
  // gdbm's lock as `.keys()` returned, a `with` would hold it while the rest of the statement runs
  let locked = m.spec.locks ? codeRunAfter(m.use, stmt) : undefined;
  // (`sorted(…)`, `list(…)`, `len(…)` of what it read run none of the program's code)
  while (locked && readsWithoutCode(ctx, locked)) locked = codeRunAfter(locked, stmt);
  // (`shelve.open(p)["last"] = value`: the store is the use, its value ran before it)
  const left = locked?.type === 'assignment' || locked?.type === 'augmented_assignment' ? locked.childForFieldName('left') : null;
  if (left && m.use.startIndex >= left.startIndex && m.use.endIndex <= left.endIndex) locked = undefined;
  // (`[*shelve.open(p), bump()]`: an item after the unpacking)
  // (An attribute there may be a property that runs code; `record(*shelve.open(p))`: the call runs after the unpacking)
  if (!locked && m.spec.locks && read.id !== m.use.id) {
    const holder = read.parent!;
    locked = holder.namedChildren.find((k) => !isExtra(k) && k.id !== read.id && !(isPure(k) && k.type !== 'attribute' && k.descendantsOfType('attribute').length === 0));
    const call = holder.type === 'argument_list' && holder.parent?.type === 'call' ? holder.parent : undefined;
    if (!locked && call && !readsWithoutCode(ctx, call) && calleeName(ctx.names, call) !== 'builtins.print') locked = call;
  }
  if (locked) return `\`${preview(locked)}\` runs after ${readShown(m)}: CPython closed the ${m.spec.kind}, and let go of its lock, before it; a \`with\` would hold it (a second open there would fail): read it into a name in a \`with\` first`;
  // Ex) `exec(open(path).read(), scope)`: the program it runs (a whole server, a config that renames its own
  // file) would run with the file open, which CPython closed when `read()` returned
  const runner = codeRunner(ctx, m.use, stmt);
  if (runner) return `\`${runner}()\` runs code with the ${m.spec.kind} still open under a \`with\`, where CPython closed it when ${readShown(m)} returned: read it into a name in a \`with\` first, then call \`${runner}\``;
  return undefined;
}

/**
 * `sorted(x)`, `len(x)`, `list(x)` of a database's keys: a consumer that reads it to its end (`READS_TO_END`), or
 * `len`, given that one argument alone; none of the program's code runs in it.
 */
/** The read of `m` for a message: `` `.read()` ``, the `*` unpacking, `in`, the unpacking. */
function readShown(m: { method: string; unpack?: true }): string {
  if (!m.unpack) return `\`.${m.method}()\``;
  return m.method === '*' ? 'the `*` unpacking' : m.method === 'in' ? '`in`' : 'the unpacking';
}

export function readsWithoutCode(ctx: FileContext, call: SyntaxNode): boolean {
  const name = call.type === 'call' ? calleeName(ctx.names, call) : undefined;
  if (name === undefined || (!READS_TO_END.has(name) && name !== 'builtins.len')) return false;
  const args = call.childForFieldName('arguments')?.namedChildren.filter((a) => !isExtra(a)) ?? [];
  return args.length === 1 && args[0]!.type !== 'keyword_argument';
}

/** The builtin `exec` or `eval` whose arguments hold `use` (inside `stmt`), or `undefined`. */
function codeRunner(ctx: FileContext, use: SyntaxNode, stmt: SyntaxNode): string | undefined {
  for (let n = use.parent; n && n.id !== stmt.id; n = n.parent) {
    if (n.type !== 'argument_list' || n.parent?.type !== 'call') continue;
    const name = calleeName(ctx.names, n.parent);
    if (name === 'builtins.exec' || name === 'builtins.eval') return name.slice('builtins.'.length);
  }
  return undefined;
}

/** Each chain of the file with its fix, or the reason it has none (`undefined`: deferred to a later pass). */
function planChains(ctx: FileContext, matches: readonly ChainMatch[]): Map<number, Fix | string> {
  const out = new Map<number, Fix | string>();
  // Every chain of one statement that can be fixed goes into one `with` (several items, in order).
  const byStatement = new Map<number, { stmt: SyntaxNode; chains: ChainMatch[] }>();
  const spans = useSpans(matches);
  for (const m of matches) {
    if (hasInnerChain(m, spans)) continue; // Ex) `open(open(p).read().strip()).read()`: inner one first
    const stmt = enclosingStatement(m.use);
    const reason = whyNotFixable(ctx, m, stmt);
    if (reason || !stmt) {
      out.set(m.resource.id, reason ?? 'not inside a statement');
      continue;
    }
    const entry = byStatement.get(stmt.id) ?? { stmt, chains: [] };
    entry.chains.push(m);
    byStatement.set(stmt.id, entry);
  }
  for (const { stmt, chains } of byStatement.values()) {
    // Ex) `setup(name="x", long_description=open("README").read())` at module level: read it first
    const hoisted = planHoistedReads(ctx, stmt, chains);
    if (hoisted) {
      for (const c of chains) out.set(c.resource.id, hoisted);
      continue;
    }
    const { group, reasons } = groupForWith(chains.map((c) => ({ call: c.resource, spec: c.spec })), stmt, blockRoom(ctx, stmt, stmt), ctx);
    for (const [id, why] of reasons) out.set(id, why);
    if (group.length === 0) continue;
    const plan = planResourceWith(ctx, stmt, stmt, group);
    if (typeof plan === 'string') {
      for (const u of group) out.set(u.call.id, plan);
      continue;
    }
    const title = `Move ${group.map((u) => `\`${display(chains.find((c) => c.resource.id === u.call.id)!)}\``).join(' and ')} into \`with … as ${plan.names.join(', ')}:\``;
    for (const u of group) out.set(u.call.id, { title, applicability: plan.applicability, edits: plan.edits });
  }
  return out;
}

/**
 * A call statement of module-level code whose arguments are the chains, `setup(name="x", long_description=
 * open("README.rst").read(), …)` or `main(open(p).read())`: each chain is read into a fresh name in a `with` of
 * its own before the statement, in their order, and the call gets the names. Each file is closed before the call
 * runs, as CPython closed it when `read()` returned, where a `with` around the statement would hold it open
 * while the call runs (setup() builds the package; `main()` is the whole program) and re-indent the whole call.
 * Only where nothing but pure code (names, literals, attribute reads, the chains before) runs before each chain
 * in the statement (`notEvaluatedFirst`), so reading them first keeps the order. `undefined` for any other shape:
 * the `with` around the statement, as before.
 */
function planHoistedReads(ctx: FileContext, stmt: SyntaxNode, chains: readonly ChainMatch[]): Fix | undefined {
  const call = stmt.type === 'expression_statement' && stmt.namedChildCount === 1 ? stmt.namedChildren[0] : undefined;
  if (call?.type !== 'call') return undefined;
  for (let a = stmt.parent; a; a = a.parent) if (a.type === 'function_definition' || a.type === 'class_definition') return undefined;
  // Ex) `print(open(p).read())`: a builtin runs no code of the program's, and the `with` around it reads better
  const callee = calleeName(ctx.names, call);
  if (callee?.startsWith('builtins.') && BUILTIN_NAMES.has(callee.slice('builtins.'.length))) return undefined;
  const args = call.childForFieldName('arguments');
  if (!args) return undefined;
  const ordered = [...chains].sort((a, b) => a.use.startIndex - b.use.startIndex);
  const uses = new Set(ordered.map((m) => m.use.id));
  const assumed = new Set<number>();
  const keywords: Array<string | undefined> = [];
  for (const m of ordered) {
    if (m.pipe || m.attribute || m.subscript || m.unpack || m.bound) return undefined;
    const arg = argumentHolding(m.use, args);
    if (!arg) return undefined;
    // Ex) `open(a).read() + "\n\n" + open(b).read()`: only reads and literals of one type (str, or bytes), whose
    // `+` runs no code and cannot fail, so that it may run after every read
    const joined = arg.top.id !== m.use.id;
    if (joined) {
      const kinds = new Set(sumLeaves(arg.top).map((leaf) => (uses.has(leaf.id) ? readKind(ordered.find((c) => c.use.id === leaf.id)!) : literalKind(leaf))));
      if (kinds.size !== 1 || kinds.has(undefined)) return undefined;
    }
    // Ex) `open(\n    p\n).read()`: the `with` header would carry its continuation lines' indentation
    // (The read moves with its resource: ahead of one that may write, what runs before must not raise either)
    if (/[\r\n]/.test(m.use.text) || orderReason({ call: m.resource, spec: m.spec }, stmt, assumed, ctx, m.use)) return undefined;
    assumed.add(m.use.id);
    // The `+` whose operands are all read by now counts as done too
    if (joined) for (const plus of arg.top.type === 'binary_operator' ? [arg.top, ...arg.top.descendantsOfType('binary_operator')] : []) if (sumLeaves(plus).every((leaf) => literalKind(leaf) || assumed.has(leaf.id))) assumed.add(plus.id);
    keywords.push(joined ? undefined : arg.keyword);
  }
  if (!startsLine(ctx.source, stmt.startIndex) || namesSeenReason(ctx, stmt) || mixedIndentReason(ctx, stmt) || blockRoom(ctx, stmt, stmt) < 1) return undefined;
  const indent = statementIndent(ctx, stmt);
  const unit = unitFor(indent, ctx.indentUnit);
  if (unit === undefined) return undefined;
  const { eol } = ctx;
  const edits: Edit[] = [];
  let blocks = '';
  const values: string[] = [];
  let unsafe = false;
  for (const [i, m] of ordered.entries()) {
    const asName = ctx.freshName(stmt, m.spec.asNames);
    const keyword = keywords[i];
    // Ex) `register(__annotations__=open(p).read())`, `__getattr__=…` at module level: a dunder the module's own
    // machinery reads (`x: int = 1` then writes into a str); the usual names instead
    const own = keyword && !BUILTIN_NAMES.has(keyword) && !isDunder(keyword) ? [keyword] : [];
    const value = ctx.freshName(stmt, [...own, ...(m.method === 'readlines' ? ['lines'] : readKind(m) === 'bytes' ? ['data', 'content'] : ['text', 'content'])], own.length ? keywordsOnly(stmt, own[0]!) : undefined);
    const item = withItemFor(ctx, m.spec, m.resource, asName);
    // Ex) `setup(db=sqlite3.connect(p).execute(q).fetchall())` with `globals()` read: the `with` around the statement says why not
    if (typeof item === 'string') return undefined;
    const read = m.use.text.slice(0, m.resource.startIndex - m.use.startIndex) + asName + m.use.text.slice(m.resource.endIndex - m.use.startIndex);
    blocks += `with ${item.item}:${eol}${indent}${unit}${value} = ${read}${eol}${indent}`;
    edits.push(replaceNode(m.use, value), ...item.edits);
    values.push(value);
    unsafe ||= item.closeNote !== undefined;
  }
  return {
    title: `Read ${ordered.map((m) => `\`${display(m)}\``).join(' and ')} into \`${values.join('`, `')}\` in a \`with\` before the call`,
    applicability: unsafe ? 'unsafe' : 'safe',
    edits: [insertAt(stmt.startIndex, blocks), ...uniqueEdits(edits)],
  };
}

/**
 * The argument of `args` holding `use`: `use` itself, or a sum around it (`open(a).read() + "\n\n" +
 * open(b).read()`, parentheses allowed), with its keyword's name when it is a keyword argument.
 */
function argumentHolding(use: SyntaxNode, args: SyntaxNode): { top: SyntaxNode; keyword?: string } | undefined {
  let top = use;
  for (let p = top.parent; p && (p.type === 'parenthesized_expression' || (p.type === 'binary_operator' && p.childForFieldName('operator')?.text === '+')); p = p.parent) top = p;
  const up = top.parent;
  if (up?.id === args.id) return { top };
  if (up?.type === 'keyword_argument' && up.parent?.id === args.id && up.childForFieldName('value')?.id === top.id) return { top, keyword: up.childForFieldName('name')?.text };
  return undefined;
}

/** The operands of the sum `top`, through nested `+` and parentheses. */
function sumLeaves(top: SyntaxNode): SyntaxNode[] {
  if (top.type === 'parenthesized_expression') {
    const inner = top.namedChildren.filter((c) => !isExtra(c));
    return inner.length === 1 ? sumLeaves(inner[0]!) : [top];
  }
  if (top.type === 'binary_operator' && top.childForFieldName('operator')?.text === '+') {
    return [...sumLeaves(top.childForFieldName('left')!), ...sumLeaves(top.childForFieldName('right')!)];
  }
  return [top];
}

/** The type of a plain string literal, `'str'` (`"\n\n"`, `r'…'`) or `'bytes'` (`b"\n"`); none for an f-string or anything else. */
function literalKind(node: SyntaxNode): 'str' | 'bytes' | undefined {
  if (node.type !== 'string' || node.namedChildren.some((c) => c.type === 'interpolation')) return undefined;
  const start = node.firstChild?.type === 'string_start' ? node.firstChild.text : '';
  if (/[fF]/.test(start)) return undefined;
  return /[bB]/.test(start) ? 'bytes' : 'str';
}

/** What `open(p).read()` returns, by the file's mode (absent, or a literal): `'str'`, or `'bytes'` with a `b`; none otherwise. */
function readKind(m: ChainMatch): 'str' | 'bytes' | undefined {
  if ((m.spec.name !== 'builtins.open' && m.spec.name !== 'io.open') || m.method !== 'read') return undefined;
  const mode = literalMode(m.resource);
  return mode === null ? undefined : mode?.includes('b') ? 'bytes' : 'str';
}

/** `__name__`-shaped: a name Python's own machinery may give a meaning (`__annotations__`, `__getattr__`, `__all__`). */
const isDunder = (name: string): boolean => name.length > 4 && name.startsWith('__') && name.endsWith('__');

/** `{name}` when every identifier `name` in the tree of `at` is the name of a keyword argument (`setup(name=…)`), else none. */
function keywordsOnly(at: SyntaxNode, name: string): ReadonlySet<string> | undefined {
  const all = at.tree.rootNode.descendantsOfType('identifier').filter((id) => id.text === name);
  return all.every((id) => id.parent?.type === 'keyword_argument' && id.parent.childForFieldName('name')?.id === id.id) ? new Set([name]) : undefined;
}

/** The chains open-chain can only report (with why): where pathlib-read-write may step in. */
export function unfixableChains(ctx: FileContext): Array<{ m: ChainMatch; reason: string }> {
  const matches = findChains(ctx).filter((m) => !m.bound && !leavesNothingOpen(m) && !loopOwner(m.resource));
  const planned = planChains(ctx, matches);
  return matches.flatMap((m) => {
    const p = planned.get(m.resource.id);
    return typeof p === 'string' ? [{ m, reason: p }] : [];
  });
}

function check(ctx: FileContext): Finding[] {
  // Ex) `open(p).close()`, `Popen(cmd).communicate()`; `for l in open(p).readlines():` and `[… for l in
  // open(p).readlines()]` are open-loop's.
  const matches = findChains(ctx).filter((m) => !leavesNothingOpen(m) && !loopOwner(m.resource));
  const planned = planChains(ctx, matches);
  const findings: Finding[] = [];
  for (const m of matches) {
    const fix = planned.get(m.resource.id);
    if (fix === undefined) continue; // Ex) a resource inside another's arguments: the next pass reports it
    const message = `\`${display(m)}\`: ${leftOpen(m.spec)}`;
    const base: Finding = { id: ID, code: CODE, message, start: m.use.startIndex, end: m.use.endIndex };
    findings.push(findingWith(ctx, base, { call: m.resource, spec: m.spec }, fix));
  }
  return findings;
}

export const openChain: Transform = {
  id: ID,
  code: CODE,
  summary: 'A resource made and used once in one expression (`open(p).read()`) is never closed explicitly.',
  fixTitle: 'Wrap the statement in `with <resource> as f:`',
  safety: 'safe',
  doc: {
    whatItDoes:
      'Finds a resource created and used at once in the same expression and then dropped: ' +
      '`open(p, "w").write(s)`, `text = open(p).read()`, `return gzip.open(p).read()`, ' +
      '`json.loads(urlopen(u).read())`, `socket.create_connection(a).sendall(b)`, ' +
      '`sqlite3.connect(db).execute(q).fetchall()`, `shelve.open(p)[k] = v`: every resource of the catalog ' +
      '(docs/resources.md), and a shelf, dbm database or memory map subscripted at once. The ' +
      'statement is moved into a `with` block whose header creates the resource, so it is closed when the ' +
      'statement is done; a resource whose own `with` does not close it (sqlite3) gets `contextlib.closing(...)`. ' +
      'A call statement of module-level code given chains as arguments (`setup(long_description=open(p).read())`, ' +
      '`main(open(cfg).read())`; not a builtin\'s, such as `print`) instead reads each into a fresh name in a ' +
      '`with` of its own before the statement (the keyword\'s name where it is free and no dunder such as `__annotations__`), so the file is closed ' +
      'before the call runs, as CPython closed it, and the call is not re-indented; also reads joined by `+` ' +
      'with literals of their type (`open(a).read() + "\\n\\n" + open(b).read()`), whose `+` runs no code.',
    whyItBreaksOnPyPy:
      'CPython closes the file the moment the expression drops its last reference. PyPy closes it when the ' +
      'garbage collector gets to it: data written is not flushed when the next line reads the file back, and ' +
      'a loop that does this runs out of file descriptors (`Too many open files`).',
    fixSafety:
      'Safe. The fix is offered only when the resource call is the first code the statement runs and runs ' +
      'unconditionally, when the method called on it returns plain data (`read`, `write`, `readlines`, ' +
      '`extractall`, …), and when the statement can own a block (an expression statement, assignment or ' +
      'return). One-line compound statements and `;`-joined lines are split into proper blocks. The `as` ' +
      'name is fresh in the enclosing function (or module). Several chains in one statement share one `with` ' +
      '(`open(b, "w").write(open(a).read())`) when nothing but names, literals and attribute reads runs ' +
      'between them; the parenthesised multi-line header is used only for a target of 3.10 or newer.' + CLOSE_SAFETY,
    notFlagged:
      '`with open(p) as f:`, `return open(p)`, `open(p).close()`, `stack.enter_context(open(p))`, ' +
      '`self.f = open(p)` (open-assign), `json.load(open(p))` (open-argument), `for line in open(p):`, ' +
      '`for line in open(p).readlines():` and comprehension iterables (open-loop). Reported without a fix: uses under a lambda, comprehension, conditional expression or ' +
      '`and`/`or` right operand, in compound-statement headers, in class bodies, after other code in the ' +
      'same statement, a write followed by other code of its statement (`open(p, "w").write(s) and check(p)`: ' +
      'CPython flushed and closed the file before `check` ran), a read in the arguments of `exec` or `eval` ' +
      '(`exec(open(p).read(), scope)`: CPython closed the file before the code ran, a `with` would keep it open ' +
      'while it runs; pathlib-read-write offers `Path(p).read_text()`), and methods that may return a view of the ' +
      'resource (`tar.extractfile`, `zip.open`).',
  },
  examples: [
    { before: 'def save(path, data):\n    open(path, "w").write(data)\n', after: 'def save(path, data):\n    with open(path, "w") as f:\n        f.write(data)\n' },
    { before: 'def load(path):\n    return json.loads(open(path).read())\n', after: 'def load(path):\n    with open(path) as f:\n        return json.loads(f.read())\n' },
    { before: 'def note(log, line):\n    if verbose: open(log, "a").write(line)\n', after: 'def note(log, line):\n    if verbose:\n        with open(log, "a") as f:\n            f.write(line)\n' },
    {
      file: 'setup.py',
      before: 'from setuptools import setup\n\nsetup(\n    name="pkg",\n    long_description=open("README.rst").read(),\n)\n',
      after: 'from setuptools import setup\n\nwith open("README.rst") as f:\n    long_description = f.read()\nsetup(\n    name="pkg",\n    long_description=long_description,\n)\n',
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
