// What happens to an unnamed resource right after it is made, inside one statement: is it used up (read or
// written to the end, leaving plain data), still held (by the statement, a lazy wrapper, a loop), or
// handed to something withify does not know? Shared by open-chain, open-argument and open-loop so that
// each resource belongs to exactly one of them.
import type { FileContext, SyntaxNode } from '../types.js';
import { calleeText, consumerOf, takesResource, type ConsumerSpec } from './consumers.js';
import { calleeName } from './imports.js';
import { bindsPlainNames, isExtra, isUnpackingTarget } from './statements.js';
import { isFirstIterable } from './evaluation.js';
import { within } from './scopes.js';
import { mayTimeOut, pipeReason, type ResourceSpec } from './resources.js';
import { helperUsesUp } from './resource-flow.js';

export type Flow =
  /** Nothing keeps the resource once `at` has been evaluated; `by` names what used it up. */
  | { kind: 'used-up'; at: SyntaxNode; by: string }
  /** `at` (the resource, or a lazy wrapper named `via`) reaches a place that keeps it: a loop header, a name, a return. */
  | { kind: 'live'; at: SyntaxNode; via?: string }
  | { kind: 'unknown'; at: SyntaxNode; why: string };

/** The call whose argument `node` is (positional, keyword value, or bare generator expression), if any. */
export function argumentOf(node: SyntaxNode): SyntaxNode | undefined {
  let p = node.parent;
  if (p?.type === 'keyword_argument' && p.childForFieldName('value')?.id === node.id) p = p.parent;
  if (p?.type === 'argument_list') return p.parent?.type === 'call' ? p.parent : undefined;
  if (p?.type === 'call' && p.childForFieldName('arguments')?.id === node.id) return p; // Ex) `sum(1 for l in f)`
  return undefined;
}

/** Where `*x` unpacks `x` at once: a call's arguments, a tuple, list or set display. */
const UNPACKED_IN: ReadonlySet<string> = new Set(['argument_list', 'tuple', 'list', 'set']);

/** Follow the resource made by `resource` upwards until it is used up or kept, stopping at `top`. */
export function followResource(ctx: FileContext, resource: SyntaxNode, spec: ResourceSpec, top: SyntaxNode): Flow {
  let cur = resource;
  let via: string | undefined;
  // The lazy consumer the resource went through last: `csv.writer` in `csv.writer(open(p, "w")).writerows(rows)`
  let viaConsumer: ConsumerSpec | undefined;
  while (cur.id !== top.id) {
    const p = cur.parent;
    if (!p) break;
    if (p.type === 'parenthesized_expression') {
      cur = p;
      continue;
    }
    if (p.type === 'attribute' && p.childForFieldName('object')?.id === cur.id && p.parent?.type === 'call' && p.parent.childForFieldName('function')?.id === p.id) {
      const method = p.childForFieldName('attribute')?.text ?? '';
      // Ex) `open(p).readlines()`: returns plain data.
      if (!via && spec.eagerMethods.has(method) && !mayTimeOut(spec, method, p.parent)) return { kind: 'used-up', at: p.parent, by: `.${method}()` };
      // Ex) `csv.writer(open(p, "w")).writerows(rows)`: writes through the wrapper, returns no part of it
      if (viaConsumer?.doneBy?.has(method)) return { kind: 'used-up', at: p.parent, by: `.${method}()` };
      const of = via ? ` of the \`${via}\` over it` : '';
      // Ex) `io.TextIOWrapper(open(p, "wb")).write(s)`: the wrapper buffers the text, which reaches the file when it is
      // flushed or closed (on CPython, as it went at the statement's end), after a `with` had closed the file under it
      if (viaConsumer?.owns && /^write/.test(method)) return { kind: 'unknown', at: p.parent, why: `the \`${via}\` over it buffers what \`.${method}()\` writes, and flushes it only when closed: a \`with\` would close the ${spec.kind} under it first` };
      return { kind: 'unknown', at: p.parent, why: `\`.${method}()\`${of} is not a read withify knows to return plain data (docs/open-argument.md, consumers): it may return an object that still uses the ${spec.kind}` };
    }
    // Ex) `for block in iter(open(p, "rb").read, b""):`: the bound method read through `iter`'s sentinel form,
    // which holds it (and the file) only while iterated, like a lazy wrapper of the file
    const sentinelIter = !via && p.type === 'attribute' && p.childForFieldName('object')?.id === cur.id ? iterWithSentinel(ctx, p, spec) : undefined;
    if (sentinelIter) {
      via = 'iter';
      viaConsumer = undefined;
      cur = sentinelIter;
      continue;
    }
    // Ex) `for line in Popen(cmd, stdout=PIPE).stdout:`: a part of the resource, handed on
    if (p.type === 'attribute' && p.childForFieldName('object')?.id === cur.id) {
      const attr = p.childForFieldName('attribute')?.text ?? '';
      if (spec.pipesOnly) return { kind: 'unknown', at: p, why: pipeReason(spec, attr) };
      const of = via ? ` of the \`${via}\` over it` : '';
      return { kind: 'unknown', at: p, why: `\`.${attr}\`${of} is not an attribute withify knows to hold plain data: it may hand out a part of the ${spec.kind} that outlives the statement` };
    }
    const call = argumentOf(cur);
    if (call) {
      const consumer = consumerOf(ctx, call);
      const name = calleeText(call);
      if (!consumer || !takesResource(consumer, call, cur)) {
        // Ex) `def save(d, out): json.dump(d, out)` … `save(d, open(p, "w"))`: a function of the module that only uses it
        if (!via && !consumer && helperUsesUp(ctx, call, cur, spec)) return { kind: 'used-up', at: call, by: name };
        const what = via ? `the \`${via}\` over it` : `the ${spec.kind}`;
        return { kind: 'unknown', at: call, why: `${what} is passed to \`${name}\`, which may keep it: withify knows only the consumers in src/python/consumers.ts` };
      }
      if (consumer.kind === 'eager') return { kind: 'used-up', at: call, by: name };
      // Ex) `def lines(f): yield f` … `for x in lines(open(p)):`: it may hand out the file itself.
      if (consumer.kind === 'generator') {
        return { kind: 'unknown', at: call, why: `\`${name}\` is a generator function: what it makes reads the ${spec.kind} only when iterated, which may be after this statement, and may yield or keep the ${spec.kind} itself` };
      }
      via = name;
      viaConsumer = consumer;
      cur = call;
      continue;
    }
    // Ex) `print(*zip(open(p), open(q)))`, `t = (*map(f, open(p)),)`, `x, y = islice(open(p), 2)`: the unpacking reads
    // the lazy wrapper to its end within the statement
    // (An attribute or subscript target runs code after the unpacking, `o.x, d[k()] = islice(open(p), 2)`: the read is the
    // wrapper's, and the store code that runs after it)
    // (The resource itself too, `for l in [*open(p), "x"]:`: the display holds its lines, read at once)
    if (p.type === 'list_splat' && UNPACKED_IN.has(p.parent?.type ?? '')) return { kind: 'used-up', at: p, by: 'a `*` unpacking' };
    const left = p.type === 'assignment' && p.childForFieldName('right')?.id === cur.id ? p.childForFieldName('left') : null;
    if (via && left && isUnpackingTarget(left)) return { kind: 'used-up', at: bindsPlainNames(left) ? p : cur, by: 'the unpacking' };
    if (isFirstIterable(p, cur)) {
      const comp = p.parent!;
      // Ex) `[l for l in open(p)]`: a list, set or dict display is built to the end at once.
      if (comp.type !== 'generator_expression') return { kind: 'used-up', at: comp, by: 'a comprehension' };
      via = 'generator expression';
      viaConsumer = undefined;
      cur = comp;
      continue;
    }
    break;
  }
  return { kind: 'live', at: cur, ...(via ? { via } : {}) };
}

/**
 * The call `iter(R.method, sentinel)` when `attr` (`R.method`, a method of the resource that reads it) is its
 * first argument of two, or `iter(functools.partial(R.method, …), sentinel)`: the sentinel form calls the method
 * until it returns the sentinel.
 */
function iterWithSentinel(ctx: FileContext, attr: SyntaxNode, spec: ResourceSpec): SyntaxNode | undefined {
  if (!spec.eagerMethods.has(attr.childForFieldName('attribute')?.text ?? '')) return undefined;
  let callable = attr;
  let call = argumentOf(attr);
  // Ex) `iter(functools.partial(open(p, "rb").read, 65536), b"")`: the partial calls the method with its size
  if (call && attr.parent?.type === 'argument_list' && calleeName(ctx.names, call) === 'functools.partial') {
    const parts = call.childForFieldName('arguments')!.namedChildren.filter((c) => !isExtra(c));
    if (parts[0]?.id !== attr.id || parts.some((c) => c.type === 'list_splat' || c.type === 'dictionary_splat')) return undefined;
    callable = call;
    call = argumentOf(call);
  }
  if (!call || callable.parent?.type !== 'argument_list' || calleeName(ctx.names, call) !== 'builtins.iter') return undefined;
  const args = call.childForFieldName('arguments')!.namedChildren.filter((c) => !isExtra(c));
  return args.length === 2 && args[0]!.id === callable.id && args[1]!.type !== 'keyword_argument' && args[1]!.type !== 'list_splat' ? call : undefined;
}

/**
 * The value `yield from` iterates when `node` is a `yield from` that is a statement of its own (`yield from
 * open(p)`, also in parentheses): it runs until the iterator is exhausted or the generator is closed, as `for x in
 * open(p): yield x` does. Not `x = yield from …` or `return (yield from …)`, whose value is used.
 */
export function yieldFromStatementValue(node: SyntaxNode): SyntaxNode | undefined {
  if (node.type !== 'yield' || node.child(1)?.type !== 'from') return undefined;
  let top = node;
  while (top.parent?.type === 'parenthesized_expression') top = top.parent;
  const stmt = top.parent;
  if (stmt?.type !== 'expression_statement' || stmt.namedChildren.filter((c) => !isExtra(c)).length !== 1) return undefined;
  return node.namedChildren.filter((c) => !isExtra(c)).at(-1);
}

const SCOPE_BARRIERS = new Set(['lambda', 'function_definition', 'class_definition', 'block', 'module', 'decorator']);
const COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);

/**
 * The loop that iterates over what `resource` evaluates to: the outermost `for` statement whose iterable,
 * or comprehension whose first iterable, holds `resource` and evaluates it once, before the loop starts
 * (`for l in open(p):`, `[l for l in open(p)]`, `sum(1 for l in open(p))`), or the `yield from` statement
 * whose iterable holds it (`yield from csv.reader(open(p))`, a loop whose body yields). Such resources are
 * open-loop's; open-chain and open-argument leave them alone.
 */
export function loopOwner(resource: SyntaxNode): SyntaxNode | undefined {
  let owner: SyntaxNode | undefined;
  let child = resource;
  for (let p = resource.parent; p; child = p, p = p.parent) {
    if (SCOPE_BARRIERS.has(p.type)) return owner;
    if (isFirstIterable(p, child)) {
      owner = p.parent!;
      continue;
    }
    if (p.type === 'for_statement') return p.childForFieldName('right')?.id === child.id ? p : owner;
    // Ex) `yield from open(p)`; not `x = yield from open(p)`, which goes on up to its statement
    if (p.type === 'yield' && yieldFromStatementValue(p)?.id === child.id) return p;
    // Ex) `[x for a in A for x in open(a)]`, `[[l for l in open(q)] for q in qs]`: runs once per item.
    if (p.type === 'for_in_clause' || p.type === 'if_clause') return owner;
    if (COMPREHENSIONS.has(p.type) && p.id !== owner?.id) return owner;
  }
  return owner;
}

/**
 * True when `jump`, a `break` or `continue`, belongs to a loop inside `stmt` (its own loop, or one inside it): it
 * does not leave `stmt`. (A `break` in a loop's `else:` is the loop around that one's.)
 */
export function jumpStaysIn(jump: SyntaxNode, stmt: SyntaxNode): boolean {
  if (jump.type !== 'break_statement' && jump.type !== 'continue_statement') return false;
  let child = jump;
  for (let p = jump.parent; p; child = p, p = p.parent) {
    if ((p.type === 'for_statement' || p.type === 'while_statement') && child.type !== 'else_clause') return within(p, stmt);
    if (p.type === 'function_definition' || p.type === 'class_definition') return false;
  }
  return false;
}
