// open-loop (WFY103): a loop (or comprehension, or `yield from`) over a resource nobody closes:
//     for line in open(path):          →   with open(path) as f:
//         use(line)                              for line in f:
//                                                    use(line)
import type { FileContext, Finding, Fix, SyntaxNode, Transform } from '../src/types.js';
import { candidateCalls, resourceAnchors } from '../src/python/candidates.js';
import { awaitAfter, codeRunAfter, containsYield, lazyContext, preview, suspendedReason } from '../src/python/evaluation.js';
import { closeWaitsReason, exceptionWaitsNote, leftOpen, mayWrite, READS_TO_END, resourceOf, stopsEarlyOnTheWay, mayHoldResourceCall, RESOURCE_TRIGGERS, CLOSE_SAFETY, type ResourceSpec } from '../src/python/resources.js';
import { followResource, loopOwner, yieldFromStatementValue, type Flow } from '../src/python/statement-flow.js';
import { calleeText, consumerOf } from '../src/python/consumers.js';
import { loopExit } from '../src/python/generators.js';
import { enclosingStatement, headerContextReason, inStatementOf, isClassBodyStatement, isExtra, isWrappableSimpleStatement } from '../src/python/statements.js';
import { findingWith, groupForWith, planResourceWith, type ResourceUse } from '../src/python/with-items.js';
import { methodCallOn, WRITING_METHODS } from './open-chain.js';
import { blockRoom } from '../src/python/nesting.js';
import { within } from '../src/python/scopes.js';
import { recursiveCall } from '../src/python/recursion.js';

const ID = 'open-loop';
const CODE = 'WFY103';

interface LoopMatch {
  resource: SyntaxNode;
  spec: ResourceSpec;
  /** The `for` statement, comprehension or `yield from` statement (its `yield` node) iterating over it. */
  loop: SyntaxNode;
}

function findLoops(ctx: FileContext): LoopMatch[] {
  if (!mayHoldResourceCall(ctx.source)) return [];
  const out: LoopMatch[] = [];
  for (const call of candidateCalls(ctx)) {
    const loop = loopOwner(call);
    if (!loop) continue;
    const spec = resourceOf(ctx, call);
    if (!spec) continue;
    // Ex) `async for x in aopen(p):` iterates an async resource: not this pattern.
    if (loop.type === 'for_statement' && loop.child(0)?.type === 'async') continue;
    out.push({ resource: call, spec, loop });
  }
  return out;
}

const isForStatement = (n: SyntaxNode) => n.type === 'for_statement';
/** `yield from R` as a statement of its own: a loop over R whose body yields each item (`m.loop` is the `yield`). */
const isYieldFrom = (n: SyntaxNode) => n.type === 'yield';
/** The iterable a `for` statement or `yield from` runs once, before its first item. */
const iterableOf = (loop: SyntaxNode) => (isYieldFrom(loop) ? yieldFromStatementValue(loop) : loop.childForFieldName('right'));

function display(m: LoopMatch): string {
  const callee = m.resource.childForFieldName('function')?.text.replace(/\s+/g, '') ?? 'open';
  if (isForStatement(m.loop)) return `for … in ${callee}(...)`;
  if (isYieldFrom(m.loop)) return `yield from ${callee}(...)`;
  const inner = `… for … in ${callee}(...)`;
  if (m.loop.type === 'generator_expression') return `(${inner})`;
  return m.loop.type === 'list_comprehension' ? `[${inner}]` : `{${inner}}`;
}

/**
 * True when `consumer` may write what `resource` opened: the mode only writes (`"w"`, `"ab"`), or the consumer's name
 * says it writes (`json.dump`, `copyfileobj`, `f.write`). (`json.load(open(p, "r+"))` reads.)
 */
function writesThere(ctx: FileContext, resource: SyntaxNode, consumer: SyntaxNode): boolean {
  const args = (resource.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => !isExtra(a));
  const mode = args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'mode')?.childForFieldName('value') ?? (args[1]?.type !== 'keyword_argument' ? args[1] : undefined);
  // (A mode not spelt, or one that writes, `"w+"` too: only `"r+"` is left to the consumer's name)
  if (mode && (!/^[bBuU]?["'][^"']*["']$/.test(mode.text) || /[wax]/.test(mode.text.replace(/^[bBuU]?["']|["']$/g, '')))) return true;
  const name = consumerOf(ctx, consumer)?.name ?? consumer.childForFieldName('function')?.text ?? '';
  // (`print(…, file=open(p, "r+"))` writes too)
  if (/(?:dump|write|copy|save|store|send|put|print)\w*$/i.test(name)) return true;
  // Ex) `base64.encode(src, open(p, "r+b"))`, `quopri.decode(…)`: a file opened to read and write, given to a call
  // not known to only read it (`json.load(open(p, "r+"))` reads)
  const plus = !!mode && /\+/.test(mode.text);
  return plus && !/(?:^|\.)(?:\w*load\w*|read\w*|parse\w*|\w*[Rr]eader|\w*digest\w*|iter|list|tuple|set|frozenset|sorted|sum|min|max|len|enumerate|zip|map|filter|any|all|next)$/.test(name);
}

/** The statement a fix wraps: the `for` loop itself, or the statement holding the comprehension. */
function wrappedStatement(m: LoopMatch): SyntaxNode | undefined {
  return isForStatement(m.loop) ? m.loop : enclosingStatement(m.loop);
}

/**
 * The node in which the resource must run first, and surely, for a `with` ahead of it to keep the order: the `for`
 * loop (whose iterable is all it runs before the body), or the statement. Not the iterable itself: its own top
 * would go unread (`for l in g() + list(open(p)):`, `for l in list(open(p)) if c else []:`).
 */
function orderScope(m: LoopMatch, stmt: SyntaxNode): SyntaxNode {
  return isForStatement(m.loop) ? m.loop : stmt;
}

/** The node whose value the resource's flow may reach: the loop's (or `yield from`'s) iterable, or the statement. */
function flowScope(m: LoopMatch, stmt: SyntaxNode): SyntaxNode {
  return isForStatement(m.loop) || isYieldFrom(m.loop) ? iterableOf(m.loop)! : stmt;
}

const lazyReason = (m: LoopMatch, keeper?: SyntaxNode) =>
  `a generator expression reads the ${m.spec.kind} lazily, after this statement${keeper ? ` (\`${preview(keeper)}\` keeps it)` : ''}: consume it in the statement (\`list(...)\`) or keep it in a \`with\` block`;

function whyNotFixable(ctx: FileContext, m: LoopMatch, stmt: SyntaxNode | undefined): string | undefined {
  if (!stmt) return 'not inside a statement';
  // Ex) `async def lines(p): yield from open(p)`: a syntax error as it stands; withify rewrites no such code
  if (isYieldFrom(m.loop) && inAsyncDef(m.loop)) return '`yield from` in an `async def` is a syntax error';
  // Ex) `for i in range(open(p, "w").write(s)):` with a body that reads `p`: CPython closed (and flushed)
  // the file as `.write()` returned, before the loop ran.
  const method = methodCallOn(m.resource)?.method;
  if (method !== undefined && WRITING_METHODS.has(method)) {
    return `\`.${method}()\`: CPython closed the ${m.spec.kind} before the loop ran, a \`with\` around it would close it after`;
  }
  // Ex) `[l for l in (open(p) if p else sys.stdin)]`, `for l in list(open(p)) if c else []:`: it may not run at all
  const lazy = lazyContext(m.resource, orderScope(m, stmt));
  if (lazy) return lazy;
  const scope = flowScope(m, stmt);
  const flow: Flow = followResource(ctx, m.resource, m.spec, scope);
  if (flow.kind === 'unknown') return flow.why;
  // Ex) `for _ in range(json.dump(d, open(p, "w")) or 1):` with a body that reads `p`: CPython closed (and flushed) the
  // file as `json.dump` returned, before the loop ran; a `with` around the loop would hold it unflushed while it runs
  if (flow.kind === 'used-up' && flow.at.type === 'call' && mayWrite(m.spec, m.resource) && writesThere(ctx, m.resource, flow.at)) {
    return `the ${m.spec.kind}, opened to write, is done with at ${shownBy(flow.by)} before the loop runs: CPython closed (and flushed) it as ${shownBy(flow.by)} returned, a \`with\` around the loop would hold it unflushed while the loop runs`;
  }
  // Ex) `for fh in [open(a), open(b)]: keep.append(fh)`: the loop hands out the file itself.
  if (flow.kind === 'live' && flow.at.id !== scope.id && flow.at.id !== m.loop.id) {
    // Ex) `a = map(str.strip, (l for l in open(p)))`: not the file, the generator reading it is kept (not
    // `list(fh for fh in [open(p), open(q)])`, whose own iterable keeps the files it hands out)
    if (m.loop.type === 'generator_expression' && within(m.loop, flow.at) && flow.at.id !== m.loop.id) return lazyReason(m, flow.at.parent ?? flow.at);
    return `the ${m.spec.kind} itself is a value the loop hands out (\`${preview(flow.at.parent ?? flow.at)}\`): it may be used after the loop`;
  }
  if (isClassBodyStatement(stmt)) return 'in a class body: the `as` name would become a class attribute';
  // Ex) `for line in os.popen(cmd): … break`: closing the pipe waits for the command, which may run on
  if (m.spec.closeWaits) {
    // Ex) `for a, b in zip(os.popen(cmd), names):`, `[l for l in islice(os.popen(cmd), 3)]`
    const stops = stopsEarlyOnTheWay(ctx, m.resource, m.loop);
    if (stops) return closeWaitsReason(m.spec, `${calleeText(stops)}(…)`);
    if (isForStatement(m.loop)) {
      const exit = loopExit(m.loop);
      if (exit) return closeWaitsReason(m.spec, `${display(m)}\` … \`${preview(exit)}`);
    } else if (isYieldFrom(m.loop)) {
      // Ex) `yield from os.popen(cmd)`: the generator may be closed at any item, as a loop's body may `yield`
      return closeWaitsReason(m.spec, display(m));
    } else if (flow.kind === 'used-up' && !readsInWords(flow.by) && !READS_TO_END.has(consumerOf(ctx, flow.at)?.name ?? '')) {
      return closeWaitsReason(m.spec, `${flow.by}(${display(m)})`);
    }
  }
  // Ex) `yield from open(p).readlines()`: CPython closed the file before the first item; a `with` would hold it open
  // while the generator is suspended at each one (as for a loop over it whose body yields, below)
  if (isYieldFrom(m.loop) && flow.kind === 'used-up') {
    return `\`yield from\` suspends the generator at each item: ${shownBy(flow.by)} has read everything, but a \`with\` around the statement would keep the ${m.spec.kind} open while the generator is suspended`;
  }
  // Ex) `for key in dbm.open(DB).keys(): with dbm.open(DB, "w") as db: …`: CPython closed the database, and let go
  // of its lock (gdbm's), as `.keys()` returned; a `with` around the loop would hold it while the body opens it again
  // Ex) `[peek(k) for k in shelve.open(p)]`: a comprehension over the resource itself held it, and its lock, while it
  // ran, as the `with` does; CPython let go as the comprehension (or what reads it: `sorted(…)`) ended, so only the
  // code after that in the statement is new under the lock
  if (flow.kind === 'used-up' && m.spec.locks) {
    let held = m.resource;
    while (held.parent?.type === 'parenthesized_expression') held = held.parent;
    const direct = !isForStatement(m.loop) && !isYieldFrom(m.loop) && m.loop.namedChildren.find((k) => k.type === 'for_in_clause')?.childForFieldName('right')?.id === held.id;
    // (Over a read that returns everything at once, `[k for k in dbm.open(p).keys()] + [reopen()]`: CPython let go at
    // `.keys()`, and the loop and the code after it both run under the `with`'s lock)
    const after = direct ? codeRunAfter(flow.at, stmt) : !isForStatement(m.loop) && !isYieldFrom(m.loop) ? codeRunAfter(m.loop, stmt) : undefined;
    const ended = flow.by === 'a comprehension' ? 'the comprehension ended' : readsInWords(flow.by) ? `${flow.by} ended` : `\`${flow.by}\` returned`;
    if (after) return `CPython closed the ${m.spec.kind}, and let go of its lock, as ${ended}: a \`with\` around the statement would hold it while \`${preview(after)}\` runs (a second open there would fail); read it into a name in a \`with\` first`;
    if (!direct && loopCodeMayRaise(m.loop)) return `CPython closed the ${m.spec.kind}, and let go of its lock, as ${ended}: a \`with\` around the loop would hold it while the loop runs (a second open in the body would fail); read it into a name in a \`with\` first`;
  }
  // Ex) `def include(p): for line in open(p).readlines(): … include(other)`, `sum([count(l) for l in
  // open(p).readlines()])` in `count`: each level would hold its file through the levels below it, where CPython
  // had closed it (a deep include runs out of descriptors)
  // (A comprehension's element and conditions run after its first iterable, though written before it)
  const iterable = isForStatement(m.loop) || isYieldFrom(m.loop) ? iterableOf(m.loop) : m.loop.namedChildren.find((k) => k.type === 'for_in_clause')?.childForFieldName('right');
  const inLoop = (c: SyntaxNode) => !within(c, m.resource) && (c.endIndex > m.resource.startIndex || (within(c, m.loop) && !within(c, iterable)));
  const again = flow.kind === 'used-up' ? recursiveCall(ctx, m.loop, stmt, inLoop) : undefined;
  if (again && flow.kind === 'used-up') return `the code a \`with\` would hold calls \`${preview(again)}\`, which runs this function again and opens its own: ${shownBy(flow.by)} has read everything and CPython had closed the ${m.spec.kind}, but a \`with\` around the loop would hold it through every level below (a deep recursion runs out of file descriptors)`;
  // A `yield from` over the resource itself, or a lazy wrapper of it (`yield from csv.reader(open(p))`), kept it open
  // while suspended before too, as a lazy loop whose body yields
  if (isYieldFrom(m.loop)) return undefined;
  if (isForStatement(m.loop)) {
    // A lazy loop (`for l in open(p)`) already keeps the file open while the body yields: the `with`
    // changes nothing there. After `.readlines()` CPython has closed it: a `with` would hold it open
    // across every `yield`, while the generator is suspended.
    if (flow.kind === 'used-up' && containsYield(m.loop)) {
      return `the loop body yields: ${shownBy(flow.by)} has read everything, but a \`with\` around the loop would keep the ${m.spec.kind} open while the generator is suspended`;
    }
    // Ex) `for line in open(p).readlines(): await send(line)`: the same while the coroutine is suspended
    const awaited = flow.kind === 'used-up' ? awaitAfter(m.loop, m.resource, flow.at) : undefined;
    if (awaited && flow.kind === 'used-up') return `\`${preview(awaited)}\` suspends the coroutine after ${shownBy(flow.by)} has read everything: CPython had closed the ${m.spec.kind}, a \`with\` around the loop would hold it open until the coroutine resumes (many at once run out of file descriptors)`;
    // Ex) `for key in shelve.open(p, "r"): …` / `else: with shelve.open(p) as db: …`: the loop dropped the iterator, and
    // CPython closed the resource, when it ran out, before its `else:` ran; a `with` around the loop holds it (and its
    // lock) through the `else:`, across a `yield` or an `await` there, through every level of a call of this function
    const orelse = m.loop.childForFieldName('alternative');
    if (orelse && flow.kind !== 'used-up') {
      const suspends = containsYield(orelse) ? 'a `yield` there suspends the generator' : awaitAfter(orelse, m.resource, m.resource) ? 'an `await` there suspends the coroutine' : undefined;
      const again = suspends ? undefined : recursiveCall(ctx, orelse, stmt, () => true);
      const what = suspends ? `${suspends} with the ${m.spec.kind} open` : again ? `\`${preview(again)}\` there runs this function again, each level holding its ${m.spec.kind}` : m.spec.locks ? `the ${m.spec.kind}'s lock would be held there (a second open would fail)` : undefined;
      if (what) return `the loop's \`else:\` runs after the loop ran out, when CPython had dropped and closed the ${m.spec.kind}: a \`with\` around the loop would hold it through the \`else:\`, and ${what}`;
    }
    return undefined;
  }
  if (flow.kind === 'live') return lazyReason(m);
  const header = headerContextReason(m.loop, stmt);
  if (header) return header;
  // Ex) `assert json.load(open(p))`: `python -O` drops the assert, and must not open the file either
  if (stmt.type === 'assert_statement') return 'in an `assert`, which `python -O` skips: a `with` around it would open the file even then';
  if (!isWrappableSimpleStatement(stmt)) return `${inStatementOf(stmt)}, which withify does not wrap`;
  const suspended = suspendedReason(stmt, m.resource, flow.kind === 'used-up' ? flow.at : m.loop, m.spec.kind);
  if (suspended) return suspended;
  return undefined;
}

/** A read `Flow.by` names in words, not code: `a comprehension`, `a \`*\` unpacking`, `the unpacking`. */
const readsInWords = (by: string) => /^(?:a|the) /.test(by);
/** `Flow.by` for a message: code in backticks, words as they are. */
const shownBy = (by: string) => (readsInWords(by) ? by : `\`${by}\``);

/** Plain values: an element or condition made only of these runs no code that may raise. */
const PLAIN = new Set(['identifier', 'string', 'string_start', 'string_content', 'string_end', 'integer', 'float', 'true', 'false', 'none', 'tuple', 'parenthesized_expression', 'pair', ',', '(', ')', ':', 'comment']);

/**
 * True when the loop's own code may raise before the iterable runs out: a `for` statement's body (any), a
 * comprehension's element or conditions unless they are plain names and literals (`[line for line in …]`).
 */
function loopCodeMayRaise(loop: SyntaxNode): boolean {
  // (`yield from`: the code that takes each item is the caller's, and may close or throw into the generator)
  if (isForStatement(loop) || isYieldFrom(loop)) return true;
  const first = loop.namedChildren.find((k) => k.type === 'for_in_clause');
  // Ex) `[a for a, b in os.popen(cmd)]`: unpacking a line raises where it does not split in two
  if (first?.childForFieldName('left')?.type !== 'identifier') return true;
  const own = loop.namedChildren.filter((c) => c.type !== 'for_in_clause' || c !== first);
  return own.some((c) => {
    if (c.type === 'for_in_clause') return true; // a later clause iterates something else
    if (c.type === 'if_clause') return c.namedChildren.some((n) => !isPlain(n));
    return !isPlain(c);
  });
}
const isPlain = (n: SyntaxNode): boolean => PLAIN.has(n.type) && n.children.every(isPlain);

/** True when `node` is the own code of an `async def` (not of a function or lambda nested in it). */
function inAsyncDef(node: SyntaxNode): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'lambda' || p.type === 'class_definition') return false;
    if (p.type === 'function_definition') return p.child(0)?.type === 'async';
  }
  return false;
}

const EXCEPTION_WAITS = exceptionWaitsNote('a loop that runs out', "the loop's own code");

function check(ctx: FileContext): Finding[] {
  const findings: Finding[] = [];
  const byStatement = new Map<number, { stmt: SyntaxNode; scope: SyntaxNode; uses: ResourceUse[]; matches: LoopMatch[] }>();
  const pending: Array<{ m: LoopMatch; base: Finding }> = [];
  for (const m of findLoops(ctx)) {
    const stmt = wrappedStatement(m);
    const message = `\`${display(m)}\`: ${leftOpen(m.spec)}`;
    const base: Finding = { id: ID, code: CODE, message, start: m.resource.startIndex, end: m.resource.endIndex };
    const reason = whyNotFixable(ctx, m, stmt);
    if (reason || !stmt) {
      findings.push({ ...base, reason: reason ?? 'not inside a statement' });
      continue;
    }
    const entry = byStatement.get(stmt.id) ?? { stmt, scope: orderScope(m, stmt), uses: [], matches: [] };
    entry.uses.push({ call: m.resource, spec: m.spec });
    entry.matches.push(m);
    byStatement.set(stmt.id, entry);
    pending.push({ m, base });
  }
  // Every resource the loop's iterable makes goes into one `with` (`for a, b in zip(open(p), open(q)):`).
  const outcome = new Map<number, Fix | string>();
  for (const entry of byStatement.values()) {
    const { stmt, scope, uses } = entry;
    const { group, reasons } = groupForWith(uses, scope, blockRoom(ctx, stmt, stmt), ctx);
    for (const [id, why] of reasons) outcome.set(id, why);
    if (group.length === 0) continue;
    const plan = planResourceWith(ctx, stmt, stmt, group);
    const what = isForStatement(stmt) ? 'the loop' : 'the statement';
    // Ex) `for line in os.popen(cmd): n += int(line)`: a loop that runs out has read all the command's output, but
    // an exception from its body leaves before that, and closing the pipe then waits for the command
    const waits = entry.matches.some((m) => m.spec.closeWaits && loopCodeMayRaise(m.loop));
    for (const u of group) {
      outcome.set(u.call.id, typeof plan === 'string' ? plan : { title: `Wrap ${what} in \`with … as ${plan.names.join(', ')}:\``, applicability: waits ? 'unsafe' : plan.applicability, edits: plan.edits });
    }
  }
  for (const { m, base } of pending) {
    const fix = outcome.get(m.resource.id);
    if (fix === undefined) continue; // Ex) a resource inside another's arguments: the next pass reports it
    if (typeof fix !== 'string' && fix.applicability === 'unsafe' && m.spec.closeWaits && loopCodeMayRaise(m.loop)) findings.push({ ...base, message: base.message + EXCEPTION_WAITS, fix });
    else findings.push(findingWith(ctx, base, { call: m.resource, spec: m.spec }, fix));
  }
  return findings;
}

export const openLoop: Transform = {
  id: ID,
  code: CODE,
  summary: 'A loop, comprehension or `yield from` over a resource (`for line in open(p):`) never closes it explicitly.',
  fixTitle: 'Wrap the loop (or statement) in `with <resource> as f:`',
  safety: 'safe',
  doc: {
    whatItDoes:
      'Finds a `for` loop whose iterable makes a resource (`for line in open(p):`, ' +
      '`for line in open(p).readlines():`, `for row in csv.reader(open(p)):`) and list, set and dict ' +
      'comprehensions over one in a plain statement (`lines = [l.strip() for l in open(p)]`, ' +
      '`return {k: v for k, v in ...}`), and generator expressions consumed at once ' +
      '(`n = sum(1 for _ in open(p))`), and a `yield from` statement over one (`yield from open(p)`, ' +
      '`yield from csv.reader(open(p))`), which iterates it as a loop whose body yields. The whole loop, `else:` ' +
      'included, or the statement moves into a `with` block whose header creates the resource.',
    whyItBreaksOnPyPy:
      'CPython closes the file when the loop drops its iterator. PyPy closes it when the garbage collector ' +
      'runs: a program that loops over many files runs out of file descriptors, and a file written in the ' +
      'loop and read back later may not be flushed yet.',
    fixSafety:
      'Safe. The resource call must be the first code the iterable (or statement) runs and run ' +
      'unconditionally; every call between the resource and the loop must be a known consumer ' +
      '(src/python/consumers.ts). With `.readlines()` or another eager read, the file now stays open until the ' +
      'loop ends instead of closing before the first iteration (on Windows the loop body cannot delete or ' +
      'rename it meanwhile). A loop that iterates the file itself may `yield` (it kept the file open while ' +
      'suspended before too), and so may `yield from` over it; one that read it eagerly and yields (also ' +
      '`yield from open(p).readlines()`), or whose body calls its own function again (each ' +
      'level would hold its file), is reported, and so is one over a gdbm database\'s or shelf\'s eager read whose code ' +
      'may call anything (the `with` would hold its lock). Unsafe over a pipe (`os.popen`): an ' +
      "exception from the loop's code leaves before the output runs out, and closing the pipe then waits for the command." + CLOSE_SAFETY,
    notFlagged:
      '`async for`, `with open(p) as f: for line in f:`, `for line in f:` over a named file (open-assign), a ' +
      '`yield from` whose value is used (`x = yield from open(p)`, `return (yield from open(p))`). ' +
      'Reported without a fix: a generator expression that outlives the statement (`g = (l for l in open(p))`), ' +
      'a resource passed to an unknown call or generator function in the iterable, a loop that hands out the ' +
      'file itself (`for fh in [open(a), open(b)]:`), an eager read followed by `yield` in the loop or yielded ' +
      'from, `yield from` over a pipe (the generator may be closed before the output runs out), ' +
      'comprehensions in compound-statement headers or class bodies, iterables that run other code first.',
  },
  examples: [
    {
      before: 'def show(path):\n    for line in open(path):\n        print(line)\n    else:\n        print("done")\n',
      after: 'def show(path):\n    with open(path) as f:\n        for line in f:\n            print(line)\n        else:\n            print("done")\n',
    },
    { before: 'def names(path):\n    return [l.strip() for l in open(path)]\n', after: 'def names(path):\n    with open(path) as f:\n        return [l.strip() for l in f]\n' },
    { before: 'def count(path):\n    return sum(1 for _ in open(path))\n', after: 'def count(path):\n    with open(path) as f:\n        return sum(1 for _ in f)\n' },
    {
      before: 'import csv\n\n\ndef rows(path):\n    yield from csv.reader(open(path))\n',
      after: 'import csv\n\n\ndef rows(path):\n    with open(path) as f:\n        yield from csv.reader(f)\n',
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
