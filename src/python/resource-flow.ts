// Where a local variable holding a resource goes: every read of `f` after `f = open(p)`, classified as a
// plain use, a close, an escape (returned, stored, captured, passed to an unknown callee) or an alias
// (`rows = csv.reader(f)`), and whether any of them lies after a given run of statements.
// open-assign-close and open-assign decide from this whether a `with` may end at a given statement.
import type { FileContext, SyntaxNode } from '../types.js';
import { calleeName } from './imports.js';
import { consumerOf, positionalIndex, takesResource } from './consumers.js';
import { aKind, closesItself, isEagerUse, mayWrite, type ResourceSpec } from './resources.js';
import { functionOrModuleOf, identifiersNamed, inLazyTypeScope, scopeOf, within } from './scopes.js';
import { containsYield, preview } from './evaluation.js';
import { statementSiblings } from './wrap.js';
import { firstIndex, textTest, wordsPattern } from './text.js';
import { lastTextMemo, memoized, pushTo } from './memo.js';
import { childDefNames, lineAt, outlineOf } from './outline.js';
import { definedNames } from './recursion.js';
import { startsAsync } from './generators.js';
import { annotationOf, deletedNames, deleteStatementOf, isBareAnnotationTarget, isExtra, LOOPS, outerParens, unwrapParens, withItemOfPattern, withItemTarget } from './statements.js';

/** Attributes of a resource that are plain data (reading them keeps no hold on the resource). */
const DATA_ATTRIBUTES = new Set([
  'name', 'closed', 'mode', 'encoding', 'errors', 'newlines', 'line_buffering', 'write_through',
  'status', 'reason', 'headers', 'url', 'code', 'msg', 'filename', 'comment', 'debug',
]);

/** True when `attr` of a resource is plain data: reading it keeps no hold on the resource (`resp.status`, `f.name`). */
export function isDataAttribute(attr: string): boolean {
  return DATA_ATTRIBUTES.has(attr);
}

/** Attributes of a lazy wrapper (`csv.reader(f)`, `csv.DictWriter(f, …)`) that are plain data. */
const WRAPPER_DATA_ATTRIBUTES = new Set(['line_num', 'fieldnames', 'dialect', 'restval', 'extrasaction', 'restkey']);

/**
 * What a read reaches: the resource itself (`false`), a lazy object reading it (`true`; `'owns'` when closing that
 * object closes the resource, `io.TextIOWrapper(raw)`), or its descriptor number.
 */
export type Wrapping = boolean | 'owns' | 'descriptor' | 'view';

export type UseClass =
  | { kind: 'use' }
  /** `f.close()` */
  | { kind: 'close' }
  /** Someone else closes it: `with f:`, `closing(f)`, `stack.enter_context(f)`, `self.enterContext(f)`, `atexit.register(f.close)`. */
  | { kind: 'managed' }
  /** A new value bound to the name: `f = …`, `for f in …`, `with … as f`, `import f`. */
  | { kind: 'rebind' }
  /** The resource (or a lazy wrapper of it) bound to another local name. */
  | { kind: 'alias'; target: SyntaxNode; wrapped: Wrapping }
  /**
   * The resource may outlive the block. `store`: it certainly is kept (returned, stored, captured);
   * `call`: withify cannot tell (an unknown callee, a method that may hand out a view, a lazy reader).
   */
  | { kind: 'escape'; severity: 'store' | 'call'; reason: string };

export interface Use {
  /** The identifier read. */
  node: SyntaxNode;
  /** The name read (the variable itself or one of its aliases). */
  name: string;
  cls: UseClass;
  /** The alias this use binds, followed as a name of its own: `w` of `w = csv.writer(out)`. */
  binds?: SyntaxNode;
}

const PATTERN_CONTAINERS = new Set([
  'pattern_list', 'tuple_pattern', 'list_pattern', 'tuple', 'list', 'parenthesized_expression',
  'list_splat_pattern', 'list_splat', 'expression_list',
]);

/** True when the identifier is a target that binds the name, not a read of it. */
export function isBindingTarget(id: SyntaxNode): boolean {
  let child = id;
  for (let p = id.parent; p; child = p, p = p.parent) {
    if (PATTERN_CONTAINERS.has(p.type)) continue;
    switch (p.type) {
      case 'assignment':
      case 'augmented_assignment':
      case 'for_statement':
      case 'for_in_clause':
        return p.childForFieldName('left')?.id === child.id;
      case 'as_pattern_target':
        return true;
      case 'named_expression':
        return p.childForFieldName('name')?.id === child.id;
      case 'function_definition':
      case 'class_definition':
        return p.childForFieldName('name')?.id === child.id;
      case 'dotted_name':
        // Ex) `case f:`, `case {"k": f}`, `case Point(x=f)`: a capture pattern binds `f` (`case Color.RED` reads)
        if (p.parent?.type === 'case_pattern' || p.parent?.type === 'keyword_pattern') return p.namedChildren.length === 1 && p.parent.childForFieldName?.('name')?.id !== p.id;
        return p.parent?.type === 'import_statement' || p.parent?.type === 'import_from_statement';
      case 'aliased_import':
        return true;
      // Ex) `case [*f]`, `case {**f}`, `case str() as f`
      case 'splat_pattern':
        return true;
      case 'as_pattern':
        return p.parent?.type === 'case_pattern' && p.namedChildren[p.namedChildCount - 1]?.id === child.id;
      case 'import_statement':
      case 'import_from_statement':
        return true;
      case 'case_pattern':
        return true;
      default:
        return false;
    }
  }
  return false;
}

// Per file, per scope and name: every assignment to `f` in a scope asks for the same identifiers, which made a
// module of thousands of `f = open(p)` … `f.close()` pairs quadratic in name resolution.
const identifierUsesMemo = new WeakMap<FileContext, Map<string, readonly SyntaxNode[]>>();

/** Every read or binding of `name` that resolves to `scope`'s own variable (nested scopes included). */
export function identifierUses(ctx: FileContext, scope: SyntaxNode, name: string): readonly SyntaxNode[] {
  return memoized(identifierUsesMemo, ctx, `${scope.id}:${name}`, () => Object.freeze(collectIdentifierUses(ctx, scope, name)));
}

function collectIdentifierUses(ctx: FileContext, scope: SyntaxNode, name: string): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const body = scope.type === 'module' ? scope : scope.childForFieldName('body');
  if (!body) return out;
  for (const id of identifiersNamed(body, name, ctx.source)) {
    const p = id.parent;
    if (p?.type === 'attribute' && p.childForFieldName('attribute')?.id === id.id) continue;
    if (p?.type === 'keyword_argument' && p.childForFieldName('name')?.id === id.id) continue;
    if (p?.type === 'global_statement' || p?.type === 'nonlocal_statement') continue;
    let r = ctx.names.resolve(name, id);
    // Ex) `class Job: marks = [log.write(m) for m in x]` / `def log(self): …`: a class body's name is not bound yet
    // when a read before its binding runs, which then reads the module's globals (not a function's around the
    // class: `def g(f=None): class C: data = f.read(); f = 2` reads the module's `f`): that read counts too
    if ((r.kind === 'local' || r.kind === 'import') && r.scope.type === 'class_definition' && r.scope.id !== scope.id) r = ctx.names.resolve(name, ctx.root);
    if (r.kind !== 'local' || r.scope.id !== scope.id) continue;
    out.push(id);
  }
  return out;
}

/** Why a read inside a nested scope may run after the block, or `undefined` when it runs at once. */
function nestedScopeEscape(id: SyntaxNode, scope: SyntaxNode, name: string): UseClass | undefined {
  // Ex) `type T = f.readline()`: evaluated when `T.__value__` is read, after the block
  if (inLazyTypeScope(id)) return { kind: 'escape', severity: 'store', reason: `read lazily by a \`type\` statement or type parameter, which may run after the \`with\` has closed \`${name}\`` };
  for (let s = scopeOf(id); s.id !== scope.id && s.type !== 'module'; s = scopeOf(s)) {
    switch (s.type) {
      case 'lambda':
        return { kind: 'escape', severity: 'store', reason: `captured by a lambda, which may run after the \`with\` has closed \`${name}\`` };
      case 'function_definition':
        return {
          kind: 'escape',
          severity: 'store',
          reason: `captured by the nested function \`${s.childForFieldName('name')?.text ?? '?'}\`, which may run after the \`with\` has closed \`${name}\``,
        };
      case 'class_definition':
        return { kind: 'escape', severity: 'store', reason: 'used in a nested class body' };
      case 'generator_expression': {
        // The first iterable is evaluated at once, in the enclosing scope; the rest runs lazily.
        const first = s.namedChildren.find((c) => c.type === 'for_in_clause');
        if (within(id, first?.childForFieldName('right'))) break;
        return { kind: 'escape', severity: 'call', reason: 'read by a generator expression, which runs later' };
      }
      default:
        break; // list/set/dict comprehensions run at once
    }
  }
  return undefined;
}

/**
 * Why a yielded resource keeps its `with`-less shape: the consumer holds it across the `yield`, and a `with` closes it
 * when the generator goes on past the block or an exception is thrown in at the `yield` (`with opened(p) as f:` /
 * `raise ValueError` in a `@contextmanager`'s caller): a close the code never made there, even where it closes the
 * file after the `yield` itself.
 */
const YIELDED = 'yielded: the consumer may still hold it when a `with` would close it (an exception thrown in at the `yield`, or the generator going on past the block), which the code never did';

/** True when `node` is within the value of a `yield` (or `yield from`) of its statement: the consumer gets what it makes. */
function yieldedFrom(node: SyntaxNode): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'yield') return true;
    if (p.type === 'block' || p.type === 'module' || p.type === 'lambda' || p.type.endsWith('_statement')) return false;
  }
  return false;
}

/**
 * True when `call`'s value is bound to a name (`log = Log(f)`) that a `yield` of the same function says in its value
 * (`yield log`, `yield from [log]`): the consumer may get what it made.
 */
function yieldedByName(call: SyntaxNode): boolean {
  const top = outerParens(call);
  const a = top.parent;
  const left = a?.type === 'assignment' && a.childForFieldName('right')?.id === top.id ? a.childForFieldName('left') : undefined;
  if (left?.type !== 'identifier') return false;
  return yieldedNames(functionOrModuleOf(call)).has(left.text);
}

const yieldedNamesMemo = new WeakMap<object, Map<number, ReadonlySet<string>>>();

/** The names the `yield`s of `fn` (its own) say in their values, once per function (a function of 2,000 `h = Holder(f)`). */
function yieldedNames(fn: SyntaxNode): ReadonlySet<string> {
  // (By node id: the module and a def at its first byte start at one offset)
  return memoized(yieldedNamesMemo, fn.tree, fn.id, () => {
    const out = new Set<string>();
    for (const y of fn.descendantsOfType('yield')) {
      if (functionOrModuleOf(y).id !== fn.id) continue;
      for (const id of y.descendantsOfType('identifier')) out.add(id.text);
    }
    return out;
  });
}

function containerEscape(from: SyntaxNode, wrapped: Wrapping = false): UseClass {
  for (let p = from.parent; p; p = p.parent) {
    if (p.type === 'return_statement') return { kind: 'escape', severity: 'store', reason: wrapped === 'descriptor' ? 'its descriptor number returned: the caller would get one the close made stale' : 'returned: the caller would get a closed resource' };
    if (p.type === 'yield') return { kind: 'escape', severity: 'store', reason: YIELDED };
    if (p.type === 'block' || p.type === 'module') break;
  }
  // Ex) `d = {"f": f}`: a `pair` is a dict's item
  const what = from.type === 'pair' ? 'dict' : from.type === 'expression_list' ? 'tuple' : from.type.replace(/_/g, ' ');
  // Ex) `print([s.fileno()])`: the number, which the close makes stale
  const whose = wrapped === 'descriptor' ? 'its descriptor number ' : '';
  return { kind: 'escape', severity: 'store', reason: `${whose}put in ${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what}, which may outlive the block` };
}

function storeReason(ctx: FileContext, target: SyntaxNode): string {
  if (target.type === 'attribute') {
    const obj = target.childForFieldName('object')?.text ?? '';
    if (obj === 'self' || obj === 'cls') {
      // Ex) a class with its own `close()`: the advice to give it one would be false
      return hasCleanupMethod(ctx, target) ? `stored on ${obj}, which keeps it past the block` : `stored on ${obj}: give the class close() or __enter__/__exit__`;
    }
    return `stored in the attribute \`${preview(target)}\`, which may outlive the block`;
  }
  if (target.type === 'subscript') return `stored in a container (\`${preview(target)}\`), which may outlive the block`;
  return 'unpacked into several names';
}

/** The class whose body (or a def in it) holds `node`, if any. */
export function enclosingClass(node: SyntaxNode): SyntaxNode | undefined {
  for (let p = node.parent; p; p = p.parent) if (p.type === 'class_definition') return p;
  return undefined;
}

/** Methods that give a class a cleanup of its own, which may close what it stores. */
export const CLEANUP_METHODS: ReadonlySet<string> = new Set(['close', '__exit__', '__aexit__', '__del__']);

/** The names of the defs directly in the body of the class `cls`, as the file writes it (a partial tree need not hold them). */
export function classDefNames(source: string, cls: SyntaxNode): Set<string> {
  const o = outlineOf(source);
  return new Set(childDefNames(source, o, lineAt(o, cls.startIndex)));
}

/** True when the class around `node` has a cleanup method or `__enter__`: the advice to give it one would be false. */
function hasCleanupMethod(ctx: FileContext, node: SyntaxNode): boolean {
  const cls = enclosingClass(node);
  if (!cls) return false;
  const defs = classDefNames(ctx.source, cls);
  return defs.has('__enter__') || [...CLEANUP_METHODS].some((m) => defs.has(m));
}

/** Is `name` declared `global`/`nonlocal` in `scope` (so a store to it leaves the function)? */
function isDeclaredOutside(ctx: FileContext, scope: SyntaxNode, name: string): boolean {
  return (ctx.names.bindings(scope).get(name) ?? []).some((b) => b.kind === 'global' || b.kind === 'nonlocal');
}

/** Methods of a lazy wrapper (an archive over a file) that hand out an object still reading the file: `zf.open(name)`. */
const HANDS_OUT = new Set(['open', 'extractfile', 'makefile', 'dup']);

/** The builtins a descriptor number may pass through and stay a plain use: they look at it and keep nothing. */
const LOOKS_ONLY = new Set(['builtins.len', 'builtins.bool', 'builtins.isinstance', 'builtins.hasattr', 'builtins.id', 'builtins.type', 'builtins.hash', 'builtins.callable', 'builtins.print']);

/** The attribute `p` of a view of the resource (`cu.fetchall()`, `cu.rowcount`): a use, or an escape (see `ResourceSpec.view`). */
function viewUse(spec: ResourceSpec, attr: string, called: boolean, p: SyntaxNode): UseClass {
  const view = spec.view!;
  if (called ? view.data.has(attr) : view.attributes.has(attr) || isAssignedTo(p)) return { kind: 'use' };
  return { kind: 'escape', severity: 'call', reason: `\`.${attr}${called ? '()' : ''}\` of what it made may hand out an object that still uses the ${spec.kind} after the block` };
}

/** True when the attribute `p` is what an assignment sets: `cx.row_factory = Row`, `cu.arraysize += 1`. */
function isAssignedTo(p: SyntaxNode): boolean {
  const a = p.parent;
  return (a?.type === 'assignment' || a?.type === 'augmented_assignment') && a.childForFieldName('left')?.id === p.id;
}

/** Ex) `zf.open(name).read()`, `with zf.open(name) as m:`: the part handed out is read (or closed) right there. */
export function usedUpAtOnce(call: SyntaxNode): boolean {
  let n = call;
  while (n.parent?.type === 'parenthesized_expression') n = n.parent;
  const p = n.parent;
  if (p?.type === 'with_item' || withItemOfPattern(p)) return true;
  const method = p?.type === 'attribute' && p.parent?.type === 'call' ? p.childForFieldName('attribute')?.text : undefined;
  return method === 'read' || method === 'readlines';
}

function descriptorEscape(at: SyntaxNode): UseClass {
  return { kind: 'escape', severity: 'call', reason: `its descriptor number goes into \`${preview(at)}\`, which may use it after the block` };
}

/**
 * What the read `id` of a variable holding a resource of `spec` does with it. `wrapped`: the variable holds
 * something made from the resource: `true`, a lazy wrapper (`csv.reader(f)`), whose methods return plain data
 * (but `HANDS_OUT`); `'descriptor'`, its descriptor number (`fd = f.fileno()`).
 */
export function classifyUse(ctx: FileContext, id: SyntaxNode, scope: SyntaxNode, spec: ResourceSpec, wrapped: Wrapping = false): UseClass {
  // A nested function that rebinds the name (`nonlocal f; f = None`) still reaches it: a capture first.
  const nested = nestedScopeEscape(id, scope, id.text);
  if (nested) return nested;
  // Ex) `f: object`: a bare annotation binds no value, and reads none
  if (isBareAnnotationTarget(id)) return { kind: 'use' };
  if (isBindingTarget(id)) return { kind: 'rebind' };
  let node = id;
  for (;;) {
    const p = node.parent;
    if (!p) return { kind: 'use' };
    switch (p.type) {
      case 'parenthesized_expression':
        node = p;
        continue;
      case 'attribute': {
        const attr = p.childForFieldName('attribute')?.text ?? '';
        const called = p.parent?.type === 'call' && p.parent.childForFieldName('function')?.id === p.id;
        if (wrapped === 'view') {
          // Ex) `cu.execute(q)`: the cursor again
          if (called && spec.view!.chain.has(attr)) {
            node = p.parent!;
            continue;
          }
          return viewUse(spec, attr, called, p);
        }
        // Ex) `cx.row_factory = sqlite3.Row`, `if cx.in_transaction:`
        if (!wrapped && !called && (spec.dataAttributes?.has(attr) || isAssignedTo(p))) return { kind: 'use' };
        if (called) {
          // Ex) `f.close()`
          if (attr === 'close' && !wrapped) return { kind: 'close' };
          // Ex) `fd = f.fileno()` / `os.read(fd, 10)`: the descriptor dies with the file, follow it too.
          if (attr === 'fileno' && !wrapped) {
            node = p.parent!;
            wrapped = 'descriptor';
            continue;
          }
          // Ex) `p.communicate()`: reads every pipe to its end, closes it, and waits for the process
          if (!wrapped && closesItself(spec, attr, p.parent!)) return { kind: 'managed' };
          // Ex) `s.sendall(b)` / `s.detach()`: the paths that leave before it (an exception) leave the socket to the GC
          if (!wrapped && attr === 'detach' && spec.kind === 'socket') return { kind: 'escape', severity: 'call', reason: `\`.detach()\` does not run on every path (an exception before it, a branch without it): the others leave the socket to the GC; release it on each of them by hand (\`close()\` a socket the code made, \`detach()\` one made around a descriptor it borrowed)` };
          // Ex) `zf = zipfile.ZipFile(raw)` / `member = zf.open("n")`: the member reads `raw` when it is read
          if ((wrapped === true || wrapped === 'owns') && HANDS_OUT.has(attr) && !usedUpAtOnce(p.parent!)) return { kind: 'escape', severity: 'call', reason: `\`.${attr}()\` of what wraps it may return an object that still reads the ${spec.kind} after the block` };
          // Ex) `io.TextIOWrapper(raw).write(s)`, `gzip.GzipFile(fileobj=raw).write(b)`: a temporary wrapper buffers what
          // is written, which CPython flushed into the file as the statement dropped it; a `with` would close the file
          // under a wrapper PyPy has not flushed (the data, a gzip trailer, lost)
          if ((wrapped === true || wrapped === 'owns') && node.type === 'call' && BUFFERING_WRAPPERS.has(calleeName(ctx.names, node) ?? '') && /^(?:write\w*|print|add\w*)$/.test(attr)) {
            return { kind: 'escape', severity: 'call', reason: `written through the temporary \`${preview(node)}\`, which buffers it: CPython flushed it into the ${spec.kind} as the statement dropped the wrapper, a \`with\` would close the ${spec.kind} under a wrapper PyPy has not flushed` };
          }
          // Ex) `cx.execute(q).fetchall()`, `cx.executemany(q, rows)` as a statement: the cursor it makes is done with at once
          if (wrapped || spec.eagerMethods.has(attr) || (spec.viewMethods?.has(attr) && isEagerUse(spec, attr, p.parent!))) return { kind: 'use' };
          // Ex) `cu = cx.cursor()`, `for row in cx.execute(q):`: follow the cursor
          if (spec.view?.makers.has(attr)) {
            node = p.parent!;
            wrapped = 'view';
            continue;
          }
          // Ex) `fi.nextfile()` as a statement: what it returns is dropped at once, but what it does is not known
          if (p.parent!.parent?.type === 'expression_statement') return { kind: 'escape', severity: 'call', reason: `\`.${attr}()\` is no method withify knows of ${aKind(spec.kind)}: it may keep the ${spec.kind} past the block` };
          return { kind: 'escape', severity: 'call', reason: `\`.${attr}()\` may return an object that still uses the ${spec.kind} after the block` };
        }
        if (DATA_ATTRIBUTES.has(attr) || (wrapped && WRAPPER_DATA_ATTRIBUTES.has(attr))) return { kind: 'use' };
        // Ex) `return w.writerow` after `w = csv.writer(f)`: the bound method carries the wrapper, and the file, on.
        if (wrapped) {
          node = p;
          continue;
        }
        // Ex) `atexit.register(f.close)`: closed by whoever calls it. (Not `f.close` as a statement, a close never
        // called: the file stays open, as if it were not there.)
        if (attr === 'close') return outerParens(p).parent?.type === 'expression_statement' ? { kind: 'use' } : { kind: 'managed' };
        // Ex) `tokenize.generate_tokens(f.readline)`: the bound method carries the resource on.
        if (spec.eagerMethods.has(attr)) {
          node = p;
          continue;
        }
        return { kind: 'escape', severity: 'call', reason: `\`.${attr}\` may hand out a part of the ${spec.kind} that outlives the block` };
      }
      case 'call':
      case 'keyword_argument':
      case 'argument_list': {
        if (p.type === 'call' && p.childForFieldName('function')?.id === node.id) {
          // Ex) `emit = w.writerow` / `emit(row)`: a wrapper's method returns plain data, as `w.writerow(row)` does.
          return wrapped ? { kind: 'use' } : { kind: 'escape', severity: 'call', reason: 'called as a function' };
        }
        // Ex) `sum(1 for _ in f)`: a lone generator argument stands in for the argument list.
        const call = p.type === 'call' ? p : p.type === 'argument_list' ? p.parent : p.parent?.parent;
        if (!call || call.type !== 'call') return { kind: 'escape', severity: 'call', reason: 'passed in a way withify cannot follow' };
        const fn = call.childForFieldName('function');
        const attr = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
        const q = calleeName(ctx.names, call);
        // Ex) `stack.enter_context(f)`, `contextlib.closing(f)`, unittest's `self.enterContext(f)` (3.11)
        // (Not a sqlite3 connection's own `with`, which only commits: `closing(cx)` closes it.)
        const enters = attr === 'enter_context' || attr === 'enterContext' || attr === 'enterClassContext' || attr === 'push';
        if ((enters && spec.management === 'with') || attr === 'callback' || q === 'contextlib.closing') {
          // Ex) `stack.enter_context(redirect_stdout(out))`: the stack keeps the wrapper, whose exit leaves `out` open;
          // `stack.enter_context(io.TextIOWrapper(raw))`: closing the wrapper closes `raw`
          if (!wrapped || wrapped === 'owns') return { kind: 'managed' };
          return { kind: 'escape', severity: 'store', reason: `kept, wrapped, by \`${fn ? preview(fn) : '?'}()\`, which does not close it` };
        }
        // Ex) `json.dump(d, io.TextIOWrapper(raw))`, `print(s, file=io.TextIOWrapper(raw))`: a temporary wrapper that
        // buffers what the call writes, flushed into the file as the statement dropped it (as `.write()` on it, above)
        if ((wrapped === true || wrapped === 'owns') && node.type === 'call' && BUFFERING_WRAPPERS.has(calleeName(ctx.names, node) ?? '')) {
          return { kind: 'escape', severity: 'call', reason: `handed to \`${fn ? preview(fn) : '?'}()\` through the temporary \`${preview(node)}\`, which buffers what is written: CPython flushed it into the ${spec.kind} as the statement dropped the wrapper, a \`with\` would close the ${spec.kind} under a wrapper PyPy has not flushed` };
        }
        // The one consumer list (consumers.ts), by argument: `json.dump(obj, f)` uses `f` up; `csv.reader(f)` carries it on.
        const consumer = consumerOf(ctx, call);
        if (consumer && consumer.kind !== 'generator' && takesResource(consumer, call, node)) {
          // Ex) `s = str(f.fileno())` … `os.pread(int(s), 3, 0)`: the number lives on in the text
          if (wrapped === 'descriptor' && consumer.name.startsWith('builtins.') && !LOOKS_ONLY.has(consumer.name)) return descriptorEscape(p.type === 'call' ? p : call);
          if (consumer.kind === 'eager') return { kind: 'use' };
          node = call;
          // Ex) `io.TextIOWrapper(raw)`: a wrapper whose close closes `raw` too (not through one that does not:
          // `io.TextIOWrapper(gzip.GzipFile(fileobj=f))` closes the GzipFile, which leaves `f` open)
          wrapped = consumer.owns && wrapped !== true ? 'owns' : true;
          continue;
        }
        // Ex) `yield Log(f)`, `yield t.cast(t.BinaryIO, f), enc`, `yield from [Log(f)]`, `log = Log(f)` … `yield log`: what
        // the consumer gets may hold the file, as `yield f`
        if (yieldedFrom(call) || yieldedByName(call)) return { kind: 'escape', severity: 'store', reason: `passed to \`${fn ? preview(fn) : '?'}()\`, whose result is ${YIELDED}` };
        // Ex) `def save(d, out): json.dump(d, out)` … `save(d, f)`: a function of the module that only uses it
        const helper = !wrapped && p.type !== 'call' ? helperLeavesAlone(ctx, call, node, spec) : undefined;
        if (helper === true) return { kind: 'use' };
        const shown = fn ? preview(fn) : '?';
        // Ex) `self.assertEqual(f.fileno(), -1)`: only the number goes
        if (wrapped === 'descriptor') return { kind: 'escape', severity: 'call', reason: `its descriptor number passed to \`${shown}()\`, which may keep it past the block` };
        // (A function that stores it is a store, as `K.append(f)` written here is)
        if (helper) return { kind: 'escape', severity: helper.store ? 'store' : 'call', reason: `passed to \`${shown}()\`, which withify cannot show to leave it alone: ${helper.why}` };
        return { kind: 'escape', severity: 'call', reason: `passed to \`${shown}()\`, which is not known to leave it alone (see the consumer list in docs/open-argument.md)` };
      }
      case 'list_splat':
      case 'dictionary_splat':
        // Ex) `print(*f)`: unpacked (read) before the call runs.
        return p.parent?.type === 'argument_list' || p.parent?.type === 'list' || p.parent?.type === 'tuple' || p.parent?.type === 'set'
          ? { kind: 'use' }
          : containerEscape(p, wrapped);
      case 'for_statement':
        return { kind: 'use' }; // iterated by the loop header, within the statement
      case 'for_in_clause': {
        const comp = p.parent;
        if (comp?.type === 'generator_expression') {
          node = comp; // `(l for l in f)`: the generator carries the file on
          wrapped = true;
          continue;
        }
        return { kind: 'use' };
      }
      case 'assignment': {
        if (p.childForFieldName('right')?.id !== node.id) return { kind: 'escape', severity: 'call', reason: 'used in an assignment target' };
        const left = p.childForFieldName('left');
        if (!left) return { kind: 'use' };
        if (left.type === 'identifier') {
          if (p.parent?.type !== 'expression_statement') return { kind: 'escape', severity: 'store', reason: 'bound by a chained assignment' };
          if (isDeclaredOutside(ctx, scope, left.text)) return { kind: 'escape', severity: 'store', reason: `stored in the global \`${left.text}\`` };
          return { kind: 'alias', target: left, wrapped };
        }
        return { kind: 'escape', severity: 'store', reason: storeReason(ctx, left) };
      }
      case 'augmented_assignment':
        return { kind: 'escape', severity: 'store', reason: `added to \`${preview(p.childForFieldName('left') ?? p)}\`` };
      case 'named_expression':
        return { kind: 'escape', severity: 'store', reason: 'bound by `:=`' };
      case 'return_statement':
        // Ex) `return cx.cursor()`: a cursor, whose connection the `with` would close under it
        return { kind: 'escape', severity: 'store', reason: wrapped === 'view' ? `returned: the caller would get what it made, on a closed ${spec.kind}` : wrapped === 'descriptor' ? 'its descriptor number returned: the caller would get one the close made stale' : 'returned: the caller would get a closed resource' };
      case 'yield':
        // Ex) `yield from f`: iterates the file, as `for line in f: yield line` does; the consumer gets lines
        if (p.children.some((c) => c.type === 'from')) return { kind: 'use' };
        return { kind: 'escape', severity: 'store', reason: YIELDED };
      case 'raise_statement':
        return { kind: 'escape', severity: 'store', reason: 'raised' };
      case 'default_parameter':
      case 'typed_default_parameter':
        return { kind: 'escape', severity: 'store', reason: 'kept as a default argument value' };
      case 'boolean_operator':
        node = p; // `g = f or sys.stdout`: the value may be the resource itself
        continue;
      case 'conditional_expression': {
        const cond = p.namedChildren[1];
        if (cond?.id === node.id) return { kind: 'use' };
        node = p;
        continue;
      }
      // Ex) `with conn:` over a sqlite3 connection (management 'closing'): its `__exit__` commits, it does not close
      // Ex) `with gzip.GzipFile(fileobj=f) as gz:`: the wrapper's exit closes the wrapper, not a file it was handed
      // (only one that owns it: `with io.TextIOWrapper(raw):`)
      case 'with_item':
        return spec.management === 'with' && (!wrapped || wrapped === 'owns') ? { kind: 'managed' } : { kind: 'use' };
      case 'as_pattern':
        // (`with (f as g):` too, Python 3.9 on)
        return withItemOfPattern(p) && spec.management === 'with' && (!wrapped || wrapped === 'owns') ? { kind: 'managed' } : { kind: 'use' };
      case 'delete_statement':
        return { kind: 'use' };
      case 'expression_list':
      case 'tuple':
      case 'list':
      case 'set':
      case 'dictionary':
      case 'pair':
      case 'list_comprehension':
      case 'set_comprehension':
      case 'dictionary_comprehension':
        if (p.parent?.type === 'delete_statement') return { kind: 'use' };
        return containerEscape(p, wrapped);
      case 'binary_operator':
      case 'unary_operator':
      case 'interpolation':
        // Ex) `dev = "/dev/fd/%d" % f.fileno()`: a path to the descriptor, which a `with` would close under it
        if (wrapped === 'descriptor') return descriptorEscape(p);
        return { kind: 'use' };
      case 'not_operator':
      case 'comparison_operator':
      case 'expression_statement':
      case 'if_statement':
      case 'elif_clause':
      case 'while_statement':
      case 'assert_statement':
      case 'slice':
        return { kind: 'use' };
      case 'subscript': {
        // Ex) `clients[s] = "listener"`, `seen[cu] += 1`: kept as a key of a container, which outlives the block
        const key = p.childForFieldName('value')?.id !== node.id;
        const stored = isAssignedTo(p);
        return key && stored ? { kind: 'escape', severity: 'store', reason: `stored as a key of \`${preview(p.childForFieldName('value') ?? p)}\`` } : { kind: 'use' };
      }
      default:
        return { kind: 'escape', severity: 'call', reason: `used in \`${preview(p)}\`, which withify cannot follow` };
    }
  }
}

/** The first of `globals(`, `exec(`, `setattr(`, `vars(` the text says, which may bind a module's name by a string (read once per text: each call of a function of the module asked). */
const bindsByName = lastTextMemo((text: string) => /\b(globals|exec|setattr|vars)\s*\(/.exec(text)?.[1]);

/** Wrappers that buffer what is written through them until they are flushed or closed (not `csv.writer`, which holds nothing). */
const BUFFERING_WRAPPERS: ReadonlySet<string> = new Set([
  'io.TextIOWrapper', 'io.BufferedWriter', 'io.BufferedRandom', 'io.BufferedRWPair', 'gzip.GzipFile', 'gzip.open', 'bz2.BZ2File',
  'bz2.open', 'lzma.LZMAFile', 'lzma.open', 'zipfile.ZipFile', 'tarfile.open', 'tarfile.TarFile', 'wave.open',
]);

// Per file, by function, parameter and resource kind: whether the function leaves what it is given there alone.
const helperMemo = new WeakMap<FileContext, Map<string, true | HelperUse>>();

/** What a function of the module may do with what it is given (`helperLeavesAlone`): `store` when it keeps it. */
interface HelperUse {
  why: string;
  store: boolean;
}
// The functions being read
const helpersRead = new Set<string>();

/**
 * The module-level `def` that `call` calls by its name (`save(d, f)`, `get_db()`), decorated or not, when the module
 * binds the name once, to it: `{ def }`. `{ why }` when the name may be bound to something else when the call runs (a
 * `global` of it, a star import, `globals()`, `exec`, `setattr` or `vars` in the text, a replacement or double in
 * another module of the run: the index's `patchedNames`, and `replacedIn`'s other maps), or the function is a
 * coroutine function; `undefined` for a call of anything else. On a partial tree the engine parses the file whole and
 * checks again (`readsBeyondFunction`). Shared by `helperLeavesAlone` and src/python/factories.ts.
 */
export function moduleFunctionOf(ctx: FileContext, call: SyntaxNode, replacedIn: readonly ('patchedNames' | 'mockedNames')[] = ['patchedNames']): { def: SyntaxNode } | { why: string } | undefined {
  const callee = call.childForFieldName('function');
  if (callee?.type !== 'identifier' || !definedNames(ctx.source).has(callee.text)) return undefined;
  // Ex) `global save; save = keep` in a function, `globals()["save"] = …`, `exec("def save…")`: the name may be bound
  // to something else when the call runs
  ctx.readsBeyondFunction();
  const dynamic = bindsByName(ctx.source);
  if (ctx.names.declaredGlobal(callee.text) || dynamic || ctx.names.bindings(ctx.root).has('*')) {
    const why = ctx.names.declaredGlobal(callee.text) ? `a \`global ${callee.text}\` statement may bind it to something else` : ctx.names.bindings(ctx.root).has('*') ? `a star import may bind \`${callee.text}\` to something else` : `the module's text says \`${dynamic}(\`, which may bind \`${callee.text}\` to something else`;
    return { why: `${why}: withify does not read the function` };
  }
  const found = ctx.names.resolve(callee.text, call);
  if (found.kind !== 'local' || found.scope.type !== 'module' || found.bindings.length !== 1) return undefined;
  const def = found.bindings[0]!.node;
  const top = def.parent?.type === 'decorated_definition' ? def.parent : def;
  if (def.type !== 'function_definition' || top.parent?.type !== 'module') return undefined;
  if (startsAsync(def)) return { why: 'a coroutine function, whose body runs when the coroutine does' };
  // Ex) `mod.save = fake`, `mock.patch("mod.save")` in another module of the run: the call may run that, which may keep it
  const index = ctx.project?.generators as Partial<Record<'patchedNames' | 'mockedNames', Record<string, string>>> | undefined;
  for (const which of replacedIn) {
    const patched = index?.[which];
    const replaced = patched && Object.keys(patched).find((k) => k === `${ctx.moduleName}.${callee.text}` || k.endsWith(`.${callee.text}`));
    if (replaced) return { why: `${patched![replaced]} may replace \`${callee.text}\`, and what replaces it may keep it` };
  }
  return { def };
}

/**
 * `true` when `call` calls a plain function of this module by its name (a module-level `def` the module binds once, not
 * decorated, not `async`, no generator; no star import, no `global` of the name, no `globals()`, `exec`, `setattr` or
 * `vars` in the file) and the parameter `arg` lands on (by position, before any `*args`, or by keyword) is only used
 * in the function as the caller's own uses are classified (`classifyUse`: a method that reads or writes, a consumer of
 * the list, a loop, another such function), never bound again, stored, returned, captured, aliased, locked or read
 * for its `.name` (a temporary file), in a function that lists no variables (`locals()`, `eval`): the call is done
 * with the resource when it returns, as an eager consumer is. `def save(d, out): json.dump(d, out)` … `save(d, f)`.
 * What the function may do with it otherwise (`HelperUse`); `undefined` for a call this does not read (methods,
 * nested functions, lambdas, a call with `*args`/`**kwargs`).
 */
function helperLeavesAlone(ctx: FileContext, call: SyntaxNode, arg: SyntaxNode, spec: ResourceSpec): true | HelperUse | undefined {
  const fn = moduleFunctionOf(ctx, call);
  if (!fn) return undefined;
  if ('why' in fn) return { why: fn.why, store: false };
  const def = fn.def;
  const args = call.childForFieldName('arguments');
  if (!args || args.namedChildren.some((a) => a.type === 'list_splat' || a.type === 'dictionary_splat')) return undefined;
  const param = parameterFor(def, call, arg);
  if (!param) return { why: 'it lands in `*args` or `**kwargs`', store: false };
  const key = `${def.id}:${param}:${spec.name}`;
  return memoized(helperMemo, ctx, key, () => {
    // (`save` calling `write_all` calling `save`: a cycle is not followed; nor a chain past 40 functions)
    if (helpersRead.has(key)) return { why: 'it reaches itself again, which withify does not follow', store: false };
    if (helpersRead.size >= 40) return { why: 'it hands it on through more functions than withify follows', store: false };
    helpersRead.add(key);
    try {
      return leavesParameterAlone(ctx, def, param, spec);
    } finally {
      helpersRead.delete(key);
    }
  });
}

/**
 * True when `call` hands `arg` (one of its arguments: a resource made right there, `save(d, open(p, "w"))`) to a
 * function of the module that only uses it (`helperLeavesAlone`): the call is done with it when it returns, as an
 * eager consumer is (open-argument, WFY102).
 */
export function helperUsesUp(ctx: FileContext, call: SyntaxNode, arg: SyntaxNode, spec: ResourceSpec): boolean {
  return helperLeavesAlone(ctx, call, arg, spec) === true;
}

/** The name of `def`'s parameter that `arg` (a positional or keyword argument of `call`) binds; `undefined` for one a `*args` or `**kwargs` takes. */
function parameterFor(def: SyntaxNode, call: SyntaxNode, arg: SyntaxNode): string | undefined {
  const params = (def.childForFieldName('parameters')?.namedChildren ?? []).filter((c) => !isExtra(c));
  const nameOf = (c: SyntaxNode) => (c.type === 'identifier' ? c : c.type === 'typed_parameter' ? c.namedChildren.find((x) => x.type === 'identifier') : c.type === 'default_parameter' || c.type === 'typed_default_parameter' ? c.childForFieldName('name') : undefined)?.text;
  if (arg.parent?.type === 'keyword_argument') {
    const word = arg.parent.childForFieldName('name')?.text;
    // (Not one before a `/`: a keyword of that name goes to `**kwargs`)
    const slash = params.findIndex((c) => c.type === 'positional_separator');
    const at = params.findIndex((c, i) => i > slash && nameOf(c) === word);
    return at >= 0 ? word : undefined;
  }
  const k = positionalIndex(call, arg);
  if (k === undefined) return undefined;
  let i = 0;
  for (const c of params) {
    if (c.type === 'positional_separator') continue;
    if (c.type === 'list_splat_pattern' || c.type === 'keyword_separator' || c.type === 'dictionary_splat_pattern') return undefined;
    const name = nameOf(c);
    if (!name) return undefined;
    if (i === k) return name;
    i++;
  }
  return undefined;
}

/** `true` when `def` only uses its parameter `param` (`helperLeavesAlone`), else what it does with it. */
function leavesParameterAlone(ctx: FileContext, def: SyntaxNode, param: string, spec: ResourceSpec): true | HelperUse {
  const body = def.childForFieldName('body');
  const fname = def.childForFieldName('name')?.text ?? '?';
  if (!body) return { why: 'its body is not read', store: false };
  if (def.parent?.type === 'decorated_definition') return { why: 'it is decorated, and what the decorator does with its arguments is not known', store: false };
  if (containsYield(body)) return { why: 'a generator function, which reads it lazily', store: true };
  const lookup = dynamicLookupAfter(ctx, def, undefined);
  if (lookup) return { why: `it lists its variables (\`${preview(lookup)}\`, line ${lookup.startPosition.row + 1})`, store: true };
  // (A bare annotation, `out: IO[str]`, binds no value)
  const bound = (ctx.names.bindings(def).get(param) ?? []).filter((b) => !isBareAnnotationTarget(b.node));
  if (bound.length !== 1 || bound[0]!.kind !== 'param') return { why: `it binds \`${param}\` again`, store: false };
  for (const id of identifiersNamed(body, param, ctx.source)) {
    // Ex) `fcntl.flock(out, LOCK_EX)`: a lock the file holds until it is closed, which CPython did at the caller's return
    // (Also of its descriptor: `fcntl.flock(out.fileno(), …)`)
    let call: SyntaxNode | undefined;
    for (let n: SyntaxNode | null = id.parent, k = 0; n && k < 6 && !call; n = n.parent, k++) if (n.type === 'call' && /(?:^|\.)(?:flock|lockf|locking)$/.test(calleeName(ctx.names, n) ?? n.childForFieldName('function')?.text ?? '')) call = n;
    if (call) return { why: `in \`${fname}\`, line ${id.startPosition.row + 1}, it takes a lock on \`${param}\`, which lasts until the close`, store: false };
    // Ex) `os.replace(out.name, dst)` of a temporary file: its name, which the caller's own checks follow, not here
    if (spec.name.startsWith('tempfile.') && readsAttribute(id, NAME_ATTRIBUTE)) return { why: `in \`${fname}\`, line ${id.startPosition.row + 1}, it reads \`${param}.name\`, which withify does not follow in a function it reads`, store: false };
    // Ex) `del out` once it is done: from CPython 3.11 a call moves its arguments into the callee's frame, and the `del`
    // dropped the only reference (closing the file, flushing it) there, where the caller's `with` would hold it
    if (deleteStatementOf(id)) return { why: `in \`${fname}\`, line ${id.startPosition.row + 1}, it deletes \`${param}\`, which on CPython 3.11+ drops the ${spec.kind} there (closing it), where the caller's \`with\` would hold it`, store: false };
    const u = classifyUseOnce(ctx, id, def, spec, false);
    if (u.kind === 'use') continue;
    // (A function it passes it to, read in turn: that one's first clause only)
    const reason = u.kind === 'escape' ? u.reason.replace(/, which withify cannot show to leave it alone: .*$/s, ', which may keep it') : '';
    const what = u.kind === 'escape' ? reason : u.kind === 'close' || u.kind === 'managed' ? `it closes \`${param}\`` : u.kind === 'alias' ? `it binds \`${param}\` (or what wraps it) to \`${u.target.text}\`, which withify does not follow in a function it reads` : `it binds \`${param}\` again`;
    // (Handed on from there, to a call that may keep it too: `def keep(out): K.append(out)` keeps as `K.append(f)` does)
    return { why: `in \`${fname}\`, line ${id.startPosition.row + 1}, ${what}`, store: u.kind === 'escape' || u.kind === 'alias' };
  }
  return true;
}

const NAME_ATTRIBUTE: ReadonlySet<string> = new Set(['name']);

/**
 * Every use of the variable bound by `target` (an identifier) and of the names it is passed on to
 * (`rows = csv.reader(f)`, `g = f`), classified. The binding `target` itself is left out.
 */
export function resourceUses(ctx: FileContext, scope: SyntaxNode, target: SyntaxNode, spec: ResourceSpec): readonly Use[] {
  // open-assign and open-assign-close ask about the same assignments: follow each once per tree.
  return memoized(usesMemo, ctx, `${scope.id}:${target.id}:${spec.name}`, () => Object.freeze(followUses(ctx, scope, target, spec)));
}

const usesMemo = new WeakMap<FileContext, Map<string, readonly Use[]>>();

// Per file: every assignment to `f` in a scope classifies the same reads of `f` again.
const classMemo = new WeakMap<FileContext, Map<string, UseClass>>();

/** `classifyUse`, once per read, scope, resource kind and wrapping in a file. */
function classifyUseOnce(ctx: FileContext, id: SyntaxNode, scope: SyntaxNode, spec: ResourceSpec, wrapped: Wrapping): UseClass {
  return memoized(classMemo, ctx, `${id.id}:${scope.id}:${spec.name}:${wrapped === 'descriptor' ? 2 : wrapped === 'owns' ? 3 : wrapped === 'view' ? 4 : wrapped ? 1 : 0}`, () => classifyUse(ctx, id, scope, spec, wrapped));
}

/** `identifierUses` split by owner: in `scope`'s own code (sorted by position, with their start offsets) or in a nested function. */
interface UsesByOwner {
  own: readonly SyntaxNode[];
  ownStarts: readonly number[];
  nested: readonly SyntaxNode[];
}

const byOwnerMemo = new WeakMap<FileContext, Map<string, UsesByOwner>>();

function usesByOwner(ctx: FileContext, scope: SyntaxNode, name: string): UsesByOwner {
  return memoized(byOwnerMemo, ctx, `${scope.id}:${name}`, () => {
    const own: SyntaxNode[] = [];
    const nested: SyntaxNode[] = [];
    for (const id of identifierUses(ctx, scope, name)) (functionOrModuleOf(id).id === scope.id ? own : nested).push(id);
    own.sort((a, b) => a.startIndex - b.startIndex);
    return { own, ownStarts: own.map((id) => id.startIndex), nested };
  });
}

/**
 * The reads and bindings of `target`'s variable that may see the value its statement `target = …` binds
 * (`seesValue`), a superset: all of them in nested functions; of `scope`'s own, none before the statement
 * (or before the outermost loop around it) and none after the first rebinding (`rebindingOf`) that follows
 * it in its block, up to the block's end. Without this, every assignment of a module of thousands of
 * `f = open(p)` … `f.close()` pairs looked at every read of `f`. Any other shape of target: every use.
 */
function usesInReach(ctx: FileContext, scope: SyntaxNode, target: SyntaxNode): readonly SyntaxNode[] {
  // (`with sqlite3.connect(p) as cx:`: the `with` statement, for connection-with)
  const stmt = target.parent?.type === 'assignment' ? target.parent.parent : withStatementBinding(target);
  const block = stmt?.type === 'expression_statement' || stmt?.type === 'with_statement' ? stmt.parent : null;
  if (!stmt || !block || (block.type !== 'block' && block.type !== 'module')) return identifierUses(ctx, scope, target.text);
  const { own, ownStarts, nested } = usesByOwner(ctx, scope, target.text);
  const from = outermostLoopStart(block, scope) ?? stmt.startIndex;
  const first = firstRebindingAfter(block, target.text, stmt.endIndex);
  const at = (offset: number) => firstIndex(ownStarts.length, (k) => ownStarts[k]! >= offset);
  let kept = first ? [...own.slice(at(from), at(first.from)), ...own.slice(at(block.endIndex))] : own.slice(at(from));
  // Ex) a loop of `with sqlite3.connect(p) as cx:` blocks: a read before this one in the loop, inside another block
  // binding `cx`, reads that block's connection (a loop of thousands asked about every read for each block)
  if (stmt.type === 'with_statement' && from < stmt.startIndex) {
    kept = kept.filter((id) => id.startIndex >= stmt.startIndex || (withStatementBinding(id) === null && nearestBinder(id, target.text, scope) === undefined));
  }
  return nested.length ? [...kept, ...nested] : kept;
}

/**
 * The innermost `with … as name:` or `for name in …:` of `scope` whose body holds `id` (once per read): `id` reads
 * what that one binds, unless something in its body binds the name again before it.
 */
export function nearestBinder(id: SyntaxNode, name: string, scope: SyntaxNode): SyntaxNode | undefined {
  return memoized(binderMemo, id.tree, id.id, () => {
    for (let n = id.parent; n && n.id !== scope.id; n = n.parent) {
      if (n.type === 'with_statement' && within(id, n.childForFieldName('body')) && rebindingOf(n, name)) return n;
      if (n.type === 'for_statement' && within(id, n.childForFieldName('body'))) {
        const left = n.childForFieldName('left');
        if (left?.type === 'identifier' && left.text === name) return n;
      }
    }
    return undefined;
  });
}

const binderMemo = new WeakMap<object, Map<number, SyntaxNode | undefined>>();

/** The `with` statement whose item binds `target` alone (`with X as target:`), or `null`. */
function withStatementBinding(target: SyntaxNode): SyntaxNode | null {
  const t = target.parent;
  const p = t?.type === 'as_pattern_target' ? t.parent : null;
  // (`with (X as target):` too)
  const item = withItemOfPattern(p);
  const stmt = item?.type === 'with_item' ? item.parent?.parent : null;
  return stmt?.type === 'with_statement' ? stmt : null;
}

function followUses(ctx: FileContext, scope: SyntaxNode, target: SyntaxNode, spec: ResourceSpec): Use[] {
  const out: Use[] = [];
  const seen = new Set<string>();
  const made = target.parent?.type === 'assignment' ? target.parent.childForFieldName('right') : null;
  const writable = made?.type !== 'call' || mayWrite(spec, made);
  const follow = (name: string, exclude: SyntaxNode, wrapped: Wrapping, depth: number) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const id of depth === 0 ? usesInReach(ctx, scope, target) : identifierUses(ctx, scope, name)) {
      if (id.id === exclude.id) continue;
      let cls = classifyUseOnce(ctx, id, scope, spec, wrapped);
      // A new value for an alias is not a new value for the resource's own variable.
      if (name !== target.text && cls.kind === 'rebind') continue;
      // Ex) `raw = open(p, "wb")` / `t = io.TextIOWrapper(raw)` / `t.write(s)`: what `t` buffers reaches `raw` only
      // when `t` is flushed; CPython freed `t` first, which flushed it, and a `with` over `raw` would close it first.
      if (cls.kind === 'alias' && cls.wrapped === 'owns' && writable) {
        cls = { kind: 'escape', severity: 'store', reason: `wrapped by \`${cls.target.text}\`, whose buffer reaches the ${spec.kind} only when \`${cls.target.text}\` is flushed or closed: a \`with\` would close the ${spec.kind} under it first` };
      }
      if (cls.kind === 'alias') {
        // Ex) `if fast: cur = cx.execute(q)` / `else: cur = cx.execute(r)`: a name already followed, bound again from the
        // resource; its reads are the ones followed (not the resource's own name bound back: `g = f` / `f = g`)
        if (depth < 3 && seen.has(cls.target.text) && cls.target.text !== target.text) {
          out.push({ node: id, name, cls: { kind: 'use' }, binds: cls.target });
          continue;
        }
        if (depth >= 3 || seen.has(cls.target.text)) cls = { kind: 'escape', severity: 'call', reason: 'passed through too many names for withify to follow' };
        else {
          out.push({ node: id, name, cls: { kind: 'use' }, binds: cls.target });
          follow(cls.target.text, cls.target, cls.wrapped, depth + 1);
          continue;
        }
      }
      // Ex) `lines = (l for l in f)` / `return lines`: say which name carried it out.
      if (cls.kind === 'escape' && name !== target.text) cls = { ...cls, reason: `through \`${name}\`: ${cls.reason}` };
      out.push({ node: id, name, cls });
    }
  };
  follow(target.text, target, false, 0);
  return out.sort((a, b) => a.node.startIndex - b.node.startIndex);
}


/**
 * Where the outermost loop of `scope` around `node` (or `node` itself) starts, or `undefined`: code from there on
 * runs again after `node` in the next iteration.
 */
function outermostLoopStart(node: SyntaxNode, scope: SyntaxNode): number | undefined {
  let from: number | undefined;
  for (let a: SyntaxNode | null = node; a && a.id !== scope.id; a = a.parent) if (LOOPS.has(a.type)) from = a.startIndex;
  return from;
}

/**
 * Can the read `use` see the value bound to `name` by the statement `assign`? A read after it can, unless a plain
 * rebinding `name = …` in the same block stands between; a read before it can when a loop around
 * `assign` repeats it (the next iteration sees this one's value).
 */
export function seesValue(use: Use, assign: SyntaxNode, scope: SyntaxNode, name: string): boolean {
  const at = use.node;
  const block = assign.parent!;
  // Ex) `def reader(): return f.read()` defined above `f = open(p)`: it may run at any time later.
  if (functionOrModuleOf(at).id !== scope.id) return true;
  // Ex) `if p: f = open(p); return f.read()` / `else: f = raw; return f.decode()`: another clause of an `if`
  if (inExclusiveClause(assign, at, scope, use.name)) return false;
  if (at.startIndex >= assign.endIndex) {
    // Ex) `f.close()` … `if c:` / `    f = open(q)` / `    print(f.read())`: in a block of its own, after the open's
    if (use.name === name && reboundAhead(at, assign, scope, name)) return false;
    if (at.endIndex > block.endIndex) return true;
    // An alias (`rows = csv.reader(f)`) is followed from every read: its own rebindings are not tracked.
    if (use.name !== name) return true;
    // Ex) `f.close()` … `f = open(q)` (or `with open(q) as f:`) … `f.read()`: the later read sees the new
    // file, and the rebinding's own target is no read at all. Statements do not overlap, so only the first
    // rebinding after `assign` can come before the read or hold it.
    const first = firstRebindingAfter(block, name, assign.endIndex);
    return !first || !(at.startIndex >= first.from || first.target.id === at.id);
  }
  if (at.startIndex >= assign.startIndex) return false; // inside the assignment itself
  for (let a = assign.parent; a && a.id !== scope.id; a = a.parent) {
    if (!LOOPS.has(a.type)) continue;
    // A `for` loop's iterable is evaluated once, before the first iteration.
    if (a.type === 'for_statement' && within(at, a.childForFieldName('right'))) continue;
    if (within(at, a)) return true;
  }
  return false;
}

/**
 * True when the read `at` is not simply the code of `scope` run in order: in a generator expression or lambda (it runs
 * later), or in a class body (its own namespace, which a comprehension there skips: `class C: f = None; rest =
 * [f.read() for _ in x]` reads the function's `f`). A list, set or dict comprehension elsewhere runs at once.
 */
function readElsewhere(at: SyntaxNode, scope: SyntaxNode): boolean {
  for (let n: SyntaxNode | null = at.parent; n && n.id !== scope.id; n = n.parent) {
    if (n.type === 'generator_expression' || n.type === 'lambda' || n.type === 'class_definition') return true;
  }
  return false;
}

/**
 * True when a plain `name = …` after the statement `assign` comes before the read `at` in one of the blocks holding
 * `at` (a statement before the one holding it, up to `scope`): each time `at` runs, that binding ran just before in
 * the same pass through its block, so `at` reads its value (or a later one), not `assign`'s. Not a read in a
 * generator expression, lambda or class body (`readElsewhere`).
 */
function reboundAhead(at: SyntaxNode, assign: SyntaxNode, scope: SyntaxNode, name: string): boolean {
  if (readElsewhere(at, scope)) return false;
  for (let n = at; n.parent && n.id !== scope.id; n = n.parent) {
    const b = n.parent;
    if (b.type !== 'block' && b.type !== 'module') continue;
    if (plainRebindingBefore(n, assign.endIndex, name)) return true;
  }
  return false;
}

/**
 * True when a statement before `stmt` in its block, starting at `from` or later, is a plain `name = …`: read backwards
 * from `stmt`, so only the statements between are read (a module of thousands of `f = open(p)` … `f.close()` pairs
 * read its whole body per read of `f`).
 */
function plainRebindingBefore(stmt: SyntaxNode, from: number, name: string): boolean {
  // (The block's plain rebindings found once: one open read 2,000 times walked back over 2,000 statements each time)
  const starts = plainRebindingStarts(stmt.parent!, name);
  const k = firstIndex(starts.length, (i) => starts[i]! >= from);
  return k < starts.length && starts[k]! < stmt.startIndex;
}

/** Where the statements of `block` that are a plain `name = …` (`rebindsPlainly`) start, in order. */
function plainRebindingStarts(block: SyntaxNode, name: string): readonly number[] {
  return blockRebindings(block).plain.get(name) ?? [];
}

/**
 * True when the read `at` of `name` cannot see a value the statement `assign` binds because the two lie in different
 * clauses of one `if` (its body, an `elif`, the `else`), of which one run takes only one, and either no loop of
 * `scope` holds that `if` (nothing brings the other clause back after `assign`'s) or, in `at`'s clause, a plain
 * `name = …` runs before `at` (a statement before the one holding it in one of its blocks): `at` then reads that
 * value, and `assign`'s clause cannot run in between. The binding `name = …` itself is no read.
 */
function inExclusiveClause(assign: SyntaxNode, at: SyntaxNode, scope: SyntaxNode, name: string): boolean {
  const clauses = exclusiveClauses(assign, at, scope);
  if (!clauses) return false;
  if (outermostLoopStart(clauses.ifs, scope) === undefined) return true;
  const theirs = clauses.theirs;
  // Ex) `f = None` / `gens.append(f.readline() for _ in x)`: the generator reads `f` when it runs, maybe after a
  // later iteration opened (and the fix closed) the file
  if (readElsewhere(at, scope)) return false;
  for (let n = at; n.parent && n.id !== theirs.id; n = n.parent) {
    const b = n.parent;
    if (b.type !== 'block' || !within(b, theirs)) continue;
    if (rebindsPlainly(n, name) && n.namedChildren[0]!.childForFieldName('left')!.id === at.id) return true;
    if (plainRebindingBefore(n, b.startIndex, name)) return true;
  }
  return false;
}

/** The `if` of `scope` around both `assign` and `at` whose different clauses hold them, and `at`'s clause; or `undefined`. */
function exclusiveClauses(assign: SyntaxNode, at: SyntaxNode, scope: SyntaxNode): { ifs: SyntaxNode; theirs: SyntaxNode } | undefined {
  let ifs: SyntaxNode | null = assign.parent;
  while (ifs && ifs.id !== scope.id && !(ifs.type === 'if_statement' && within(at, ifs))) ifs = ifs.parent;
  if (ifs?.type !== 'if_statement') return undefined;
  const mine = clauseOf(ifs, assign);
  const theirs = clauseOf(ifs, at);
  return mine && theirs && mine.id !== theirs.id ? { ifs, theirs } : undefined;
}

/**
 * True when the code at `node` and the statement `assign` lie in different clauses of one `if` that no loop of `scope`
 * holds: one run of `scope` runs at most one of them (`if port: s = create_connection(a)` / `else: s = socket()`).
 */
export function runsApart(assign: SyntaxNode, node: SyntaxNode, scope: SyntaxNode): boolean {
  const clauses = exclusiveClauses(assign, node, scope);
  return !!clauses && outermostLoopStart(clauses.ifs, scope) === undefined;
}

/** The clause of the `if` statement `ifs` holding `node` (its body, an `elif_clause`, the `else_clause`), or `undefined` (its condition). */
function clauseOf(ifs: SyntaxNode, node: SyntaxNode): SyntaxNode | undefined {
  const body = ifs.childForFieldName('consequence');
  if (body && within(node, body)) return body;
  return ifs.namedChildren.find((c) => (c.type === 'elif_clause' || c.type === 'else_clause') && within(node, c));
}

/** Calls whose value is a file descriptor (or a tuple holding some): `fd = os.open(p, flags)`, `fd, path = mkstemp()`. */
const DESCRIPTOR_CALLS = new Set([
  'os.open', 'os.dup', 'os.dup2', 'os.pipe', 'os.pipe2', 'os.openpty', 'os.memfd_create', 'os.eventfd', 'os.pidfd_open', 'pty.openpty', 'tempfile.mkstemp',
  'builtins.int',
]);
const DESCRIPTOR_METHODS = new Set(['fileno', 'detach']);
const DESCRIPTOR_NAME = /(?:^|_)(?:fd|fdesc|fileno)$|^fd_/i;

/** The value of a binding `name = value` (through chained `a = b = value`), or `undefined`. */
function assignedValue(b: { kind: string; node: SyntaxNode }): SyntaxNode | undefined {
  if (b.kind !== 'assign') return undefined;
  let a: SyntaxNode | null = b.node;
  while (a && a.type !== 'assignment' && a.type !== 'expression_statement' && a.type !== 'block') a = a.parent;
  let value = a?.type === 'assignment' ? a.childForFieldName('right') : null;
  while (value?.type === 'assignment') value = value.childForFieldName('right'); // `a = fd = os.open(p)`
  return value ?? undefined;
}

/**
 * Whether some binding of `name` in `scope` is an assignment from a call that returns a descriptor, and the
 * objects whose descriptor it is (`src` of `fd = src.fileno()`: closing the file closes theirs).
 */
function descriptorSources(ctx: FileContext, scope: SyntaxNode, name: string): { found: boolean; owners: string[] } {
  const owners: string[] = [];
  let found = false;
  for (const b of ctx.names.bindings(scope).get(name) ?? []) {
    const value = assignedValue(b);
    if (value?.type !== 'call') continue;
    const fn = value.childForFieldName('function');
    if (fn?.type === 'attribute' && DESCRIPTOR_METHODS.has(fn.childForFieldName('attribute')?.text ?? '')) {
      found = true;
      const owner = fn.childForFieldName('object');
      if (owner?.type === 'identifier') owners.push(owner.text);
    } else if (DESCRIPTOR_CALLS.has(calleeName(ctx.names, value) ?? '')) found = true;
  }
  return { found, owners };
}

/**
 * True when `node` (parentheses around it allowed) may make a descriptor: a call of `DESCRIPTOR_CALLS` however it
 * is imported (`os.dup(1)`, `dup(1)` after `from os import dup`, `int(s)`), `x.fileno()` or `x.detach()`, an item of
 * such a call (`pty.openpty()[1]`, `os.pipe()[0]`), `abs(…)` of one, or a branch of `… if … else …`, `or`, `and`
 * that is one.
 */
export function makesDescriptor(ctx: FileContext, node: SyntaxNode): boolean {
  let n = unwrapParens(node);
  // Ex) `int(s) if s else "x"`, `fd or path`: either value may be the one
  if (n.type === 'conditional_expression') return n.namedChildren.filter((c) => !isExtra(c)).some((c, k) => k !== 1 && makesDescriptor(ctx, c));
  if (n.type === 'boolean_operator') return [n.childForFieldName('left'), n.childForFieldName('right')].some((c) => !!c && makesDescriptor(ctx, c));
  if (n.type === 'subscript') n = unwrapParens(n.childForFieldName('value') ?? n);
  if (n.type !== 'call') return false;
  // Ex) `abs(int(s))`: a number still
  if (calleeName(ctx.names, n) === 'builtins.abs') {
    const arg = n.childForFieldName('arguments')?.namedChildren.find((c) => !isExtra(c));
    return !!arg && makesDescriptor(ctx, arg);
  }
  const fn = n.childForFieldName('function');
  if (fn?.type === 'attribute' && DESCRIPTOR_METHODS.has(fn.childForFieldName('attribute')?.text ?? '')) return true;
  return DESCRIPTOR_CALLS.has(calleeName(ctx.names, n) ?? '');
}

/** True when the name `id` reads is bound, in the scope it resolves to, from a call that returns a descriptor (`fd = os.open(…)`, `handle, path = mkstemp()`, `n = f.fileno()`). */
export function boundToDescriptor(ctx: FileContext, id: SyntaxNode): boolean {
  if (id.type !== 'identifier') return false;
  const r = ctx.names.resolve(id.text, id);
  return r.kind === 'local' && descriptorSources(ctx, r.scope, id.text).found;
}

/**
 * Calls that take a descriptor (an `int`, or for some an object with `fileno()`, never a path) at these argument
 * positions: a name `open()` was given and one of these too holds a descriptor (`f = open(out, "w")` …
 * `os.fsync(out)`), or the code raised anyway.
 */
const TAKES_DESCRIPTOR = new Map<string, readonly number[]>([
  ...['os.fsync', 'os.fdatasync', 'os.write', 'os.read', 'os.pread', 'os.pwrite', 'os.readv', 'os.writev', 'os.preadv', 'os.pwritev', 'os.fstat',
    'os.fstatvfs', 'os.lseek', 'os.ftruncate', 'os.fchmod', 'os.fchown', 'os.fchdir', 'os.dup', 'os.isatty', 'os.ttyname',
    'os.get_inheritable', 'os.set_inheritable', 'os.get_blocking', 'os.set_blocking', 'os.lockf', 'os.posix_fallocate',
    'os.posix_fadvise', 'os.device_encoding', 'os.fpathconf', 'os.close', 'os.login_tty', 'os.tcgetpgrp', 'os.tcsetpgrp',
    'fcntl.fcntl', 'fcntl.ioctl', 'fcntl.flock', 'fcntl.lockf', 'termios.tcgetattr', 'termios.tcsetattr', 'termios.tcdrain',
    'termios.tcflush', 'termios.tcflow', 'termios.tcsendbreak', 'tty.setraw', 'tty.setcbreak'].map((n) => [n, [0]] as const),
  ['os.dup2', [0, 1]],
  ['os.sendfile', [0, 1]],
  ['os.copy_file_range', [0, 1]],
  ['os.splice', [0, 1]],
]);

// Per file, by scope and name: 2,000 `open(p, "w")` of one function each asked about the same 2,000 reads of `p`.
const descriptorMemo = new WeakMap<FileContext, Map<string, boolean>>();

/** True when `name` is given, somewhere in `scope`, at an argument position of TAKES_DESCRIPTOR (`os.fsync(out)`). */
function passedAsDescriptor(ctx: FileContext, scope: SyntaxNode, name: string): boolean {
  return memoized(descriptorMemo, ctx, `${scope.id}:${name}`, () => passedAsDescriptorOnce(ctx, scope, name));
}

function passedAsDescriptorOnce(ctx: FileContext, scope: SyntaxNode, name: string): boolean {
  for (const id of identifierUses(ctx, scope, name)) {
    // Ex) `open(pair[0], "w")` … `os.lseek(pair[0], 0, 1)`: an item of it, as `descriptorOf` reads `open`'s argument
    let arg = id;
    while ((arg.parent?.type === 'subscript' && arg.parent.childForFieldName('value')?.id === arg.id) || arg.parent?.type === 'parenthesized_expression') arg = arg.parent;
    const args = arg.parent;
    if (args?.type !== 'argument_list' || args.parent?.type !== 'call') continue;
    const at = TAKES_DESCRIPTOR.get(calleeName(ctx.names, args.parent) ?? '');
    if (!at) continue;
    const position = args.namedChildren.filter((a) => !isExtra(a)).findIndex((a) => a.id === arg.id);
    if (at.includes(position)) return true;
  }
  return false;
}

/** The descriptor a file is opened on (`descriptorOf`). */
export type Descriptor =
  /** Variables whose reads are uses of the file: the descriptor's, its copies' (`other = fd`), its owners' (`src` of `fd = src.fileno()`). */
  | { kind: 'names'; names: string[] }
  /** Kept somewhere withify does not follow (`os.fdopen(self.fd)`): the text shown. */
  | { kind: 'kept'; shown: string };

/**
 * The file descriptor `call` opens a file on, or `undefined`: `fd` in `os.fdopen(fd)` (`os.fdopen(t[0])`: `t`),
 * and in `open(fd)` or `io.open(fd)` when `fd` was bound to a descriptor (`os.open(…)`, `mkstemp()`,
 * `x.fileno()`, …) or is named like one (`fd`, `tmp_fd`, `fileno`). Closing the file closes the descriptor, so
 * a later read of any of these names is a use of the file.
 */
export function descriptorOf(ctx: FileContext, specName: string, call: SyntaxNode, scope: SyntaxNode): Descriptor | undefined {
  if (specName !== 'os.fdopen' && specName !== 'builtins.open' && specName !== 'io.open') return undefined;
  const args = call.childForFieldName('arguments');
  if (args?.type !== 'argument_list') return undefined;
  let first: SyntaxNode | undefined;
  for (const a of args.namedChildren) {
    if (isExtra(a)) continue;
    if (a.type === 'keyword_argument') {
      const k = a.childForFieldName('name')?.text;
      if (k === 'fd' || k === 'file') first = a.childForFieldName('value') ?? undefined;
      continue;
    }
    first ??= a;
    break;
  }
  while (first?.type === 'subscript' || first?.type === 'parenthesized_expression') first = first.namedChildren.find((c) => !isExtra(c));
  if (!first) return undefined;
  // Ex) `os.fdopen(fd, closefd=False)`: closing the file leaves the descriptor open
  if (args.namedChildren.some((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'closefd' && a.childForFieldName('value')?.text === 'False')) return undefined;
  // Ex) `g = os.fdopen(f.fileno())`, `os.fdopen(sys.stdout.fileno(), "w")`: closing `g` closes the descriptor `f` still uses
  if (first.type === 'call') {
    const fn = first.childForFieldName('function');
    return fn?.type === 'attribute' && DESCRIPTOR_METHODS.has(fn.childForFieldName('attribute')?.text ?? '') ? { kind: 'kept', shown: first.text } : undefined;
  }
  if (first.type === 'attribute') {
    // Ex) `os.fdopen(self.fd)`, `open(conn.fileno)`: the object keeps the descriptor, and its other users are out of sight
    const attr = first.childForFieldName('attribute')?.text ?? '';
    return specName === 'os.fdopen' || DESCRIPTOR_NAME.test(attr) ? { kind: 'kept', shown: first.text } : undefined;
  }
  if (first.type !== 'identifier') return undefined;
  const name = first.text;
  const sources = descriptorSources(ctx, scope, name);
  if (specName !== 'os.fdopen' && !DESCRIPTOR_NAME.test(name) && !sources.found && !passedAsDescriptor(ctx, scope, name)) return undefined;
  const names = [name, ...sources.owners];
  // Ex) `other = fd` anywhere in the function: `os.fstat(other)` reads the same descriptor
  for (const id of identifierUses(ctx, scope, name)) {
    const p = id.parent;
    if (p?.type === 'assignment' && p.childForFieldName('right')?.id === id.id && p.childForFieldName('left')?.type === 'identifier') names.push(p.childForFieldName('left')!.text);
  }
  return { kind: 'names', names: [...new Set(names)] };
}

/**
 * The reads of `name`, a variable of a file's descriptor (see `descriptorOf`), that may come after `stmt`
 * opened the file: every read after it, and every read before it inside a loop around it (the next iteration).
 * A plain use, which a `with` has to hold; a read in a nested function may run at any time (an escape);
 * `os.close(name)` closes the descriptor itself, which the `with` would then close again (an escape).
 */
export function descriptorUses(ctx: FileContext, scope: SyntaxNode, stmt: SyntaxNode, name: string): Use[] {
  const from = outermostLoopStart(stmt, scope) ?? stmt.endIndex;
  const out: Use[] = [];
  for (const id of identifierUses(ctx, scope, name)) {
    if (isBindingTarget(id) || within(id, stmt)) continue;
    if (functionOrModuleOf(id).id !== scope.id) {
      out.push({ node: id, name, cls: { kind: 'escape', severity: 'store', reason: `\`${name}\` (the file's descriptor) is read by a nested function that may run after the block` } });
      continue;
    }
    if (id.startIndex < stmt.endIndex && id.startIndex < from) continue;
    const call = id.parent?.type === 'argument_list' ? id.parent.parent : null;
    if (call?.type === 'call' && calleeName(ctx.names, call) === 'os.close') {
      out.push({ node: id, name, cls: { kind: 'escape', severity: 'store', reason: `\`os.close(${name})\` closes the descriptor the file owns, which a \`with\` would then close again` } });
      continue;
    }
    out.push({ node: id, name, cls: { kind: 'use' } });
  }
  return out;
}

/** Builtins that read variables by a name in a string, out of withify's sight. */
const DYNAMIC_LOOKUPS = new Set(['builtins.locals', 'builtins.vars', 'builtins.eval', 'builtins.exec', 'builtins.globals']);
// The same builtins' own names: a call that resolves to one of them writes its name in the file (`eval`, `b.eval`).
const saysDynamicLookup = textTest(wordsPattern([...DYNAMIC_LOOKUPS].map((q) => q.slice('builtins.'.length))));

/**
 * A call after `stmt` (anywhere with none) in `scope` that may read any of its variables by name (`locals()["f"]`,
 * `eval("f.closed")`, `builtins.eval(…)`), or else a frame's `f_locals` read anywhere in the file (see `frameLocalsRead`).
 */
export function dynamicLookupAfter(ctx: FileContext, scope: SyntaxNode, stmt: SyntaxNode | undefined, reachable?: (call: SyntaxNode) => boolean): SyntaxNode | undefined {
  // Ex) a module that never says `eval`, `exec`, `locals`, `vars` or `globals`: no call can reach them
  const frames = frameLocalsRead(ctx);
  if (!saysDynamicLookup(ctx.source)) return frames;
  const from = stmt?.endIndex ?? 0;
  return scope.descendantsOfType('call').find((c) => c.startIndex >= from && readsVariablesOf(ctx, scope, calleeName(ctx.names, c) ?? '', c) && (reachable?.(c) ?? true)) ?? frames;
}

/**
 * True when the call `c` of the builtin `name` (one of DYNAMIC_LOOKUPS) may read `scope`'s variables by name. In a
 * function, not `globals()`, `vars(x)` (the attributes of `x`), nor `eval`/`exec` given a namespace that is surely a
 * dict (`eval(e, {})`: the string reads it; `None`, or a name that may hold it, means the caller's frame; a `locals()`
 * passed is a call of its own): only what reads the function's own frame.
 */
function readsVariablesOf(ctx: FileContext, scope: SyntaxNode, name: string, c: SyntaxNode): boolean {
  if (!DYNAMIC_LOOKUPS.has(name)) return false;
  if (scope.type === 'module') return true;
  if (name === 'builtins.globals') return false;
  const args = (c.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => !isExtra(a));
  // Ex) `eval(*args)`, `vars(**kw)`: not known
  if (args.some((a) => a.type === 'list_splat' || a.type === 'dictionary_splat')) return true;
  if (name === 'builtins.vars') return args.length === 0;
  if (name === 'builtins.eval' || name === 'builtins.exec') {
    // The namespace: the second argument, or `globals=`. `None` (or a name that may be it) reads the caller's frame.
    const positional = args.filter((a) => a.type !== 'keyword_argument');
    const keyword = (k: string) => args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === k)?.childForFieldName('value') ?? undefined;
    const ns = positional[1] ?? keyword('globals');
    // (and the locals mapping, when one is given: `inspect.getargvalues(frame).locals` is the frame's)
    const mapping = positional[2] ?? keyword('locals');
    return !ns || !surelyNamespace(ctx, ns) || (mapping !== undefined && !surelyNamespace(ctx, mapping));
  }
  return true;
}

/** True when `node` is surely a dict made here, never `None`: a dict display, `dict(…)`, `globals()` (the builtins). */
function surelyNamespace(ctx: FileContext, node: SyntaxNode): boolean {
  while (node.type === 'parenthesized_expression' && node.namedChildCount === 1) node = node.namedChildren[0]!;
  if (node.type === 'dictionary' || node.type === 'dictionary_comprehension') return true;
  if (node.type !== 'call') return false;
  const callee = calleeName(ctx.names, node);
  return callee === 'builtins.dict' || callee === 'builtins.globals';
}

/** How a lookup `dynamicLookupAfter` or `namesSeenReason` found is written in a message: `locals()`, `frame.f_locals`. */
export function lookupText(n: SyntaxNode): string {
  return n.type === 'call' ? `${n.childForFieldName('function')?.text}()` : n.text;
}

const saysFrameLocals = textTest(wordsPattern(['f_locals']));

/**
 * The first `….f_locals` in the code of the file: a frame's variables, read by name (`sys._getframe(1).f_locals` in a
 * helper reads its caller's, `inspect.currentframe().f_locals` its own; at module level, the module's). Which frame
 * it reads is out of sight, so it counts as reading every function's and the module's variables, at any time.
 */
function frameLocalsRead(ctx: FileContext): SyntaxNode | undefined {
  if (!saysFrameLocals(ctx.source)) return undefined;
  ctx.readsBeyondFunction();
  return memoized(frameLocalsMemo, ctx, ctx.root.id, () =>
    ctx.root.descendantsOfType('attribute').find((a) => a.childForFieldName('attribute')?.text === 'f_locals'),
  );
}
const frameLocalsMemo = new WeakMap<FileContext, Map<number, SyntaxNode | undefined>>();

const saysModuleNamespace = (text: string) => /\bf_globals\b|\bmodules[ \t]*(?:\[|\.[ \t]*get[ \t]*\()[ \t]*__name__|\bimport_module[ \t]*\([ \t]*__name__/.test(text);

/**
 * The first `….f_globals` (some frame's module's variables: which one is out of sight) or `sys.modules[__name__]` (the
 * module itself, whose names `vars(…)`, `dir(…)`, `.__dict__` or `inspect.getmembers(…)` list) in the file.
 */
function moduleNamespaceRead(ctx: FileContext): SyntaxNode | undefined {
  return memoized(moduleNamespaceMemo, ctx, ctx.root.id, () => {
    if (!saysModuleNamespace(ctx.source)) return undefined;
    ctx.readsBeyondFunction();
    return ctx.root.descendantsOfType('attribute').find((a) => a.childForFieldName('attribute')?.text === 'f_globals') ??
    // (Not `sys.modules[__name__].missing`, one attribute by its name: a fresh name is none the file says)
    [...ctx.root.descendantsOfType('subscript').filter((n) => /^(?:[A-Za-z_]\w*\s*\.\s*)?modules\s*\[\s*__name__\s*\]$/.test(n.text)),
      // (`sys.modules.get(__name__)`, `importlib.import_module(__name__)`: the module too, review rv54d)
      ...ctx.root.descendantsOfType('call').filter((n) => /^(?:[A-Za-z_]\w*\s*\.\s*)?(?:modules\s*\.\s*get|import_module)\s*\(\s*__name__\s*[,)]/.test(n.text))]
      .sort((x, y) => x.startIndex - y.startIndex)
      .find((n) => !oneAttributeOf(n));
  });
}
const moduleNamespaceMemo = new WeakMap<FileContext, Map<number, SyntaxNode | undefined>>();

/**
 * True when the module object `n` is asked for one attribute by its name only: `sys.modules[__name__].missing` (not
 * `.__dict__`), `getattr(…, name)`, `setattr(…, name, v)`, `hasattr`, `delattr` (a fresh name is none the file says;
 * review rv54d).
 */
function oneAttributeOf(n: SyntaxNode): boolean {
  const p = n.parent;
  if (p?.type === 'attribute' && p.childForFieldName('object')?.id === n.id) return p.childForFieldName('attribute')?.text !== '__dict__';
  const call = p?.type === 'argument_list' && p.namedChildren.filter((c) => !isExtra(c))[0]?.id === n.id ? p.parent : undefined;
  // (Not `getattr(…, "__dict__")`, review rv54e)
  return call?.type === 'call' && /^(?:getattr|setattr|hasattr|delattr)$/.test(call.childForFieldName('function')?.text ?? '') && !/^[rRuU]?(['"])__dict__\1$/.test(p!.namedChildren.filter((c) => !isExtra(c))[1]?.text ?? '');
}

/** Builtins that list a function's (or the module's) variables, the names a fix adds among them. */
const saysNameLister = textTest(wordsPattern(['locals', 'vars', 'dir', 'globals', 'eval', 'exec']));
const listersMemo = new WeakMap<FileContext, Map<number, readonly SyntaxNode[]>>();

/**
 * Why a variable a fix adds to the function (or module) around the statement `at` (`with open(p) as f:`,
 * `gen = rows()`) would show, or `undefined`: its own code calls `locals()`, or `vars()` or `dir()` with no
 * argument, which list its variables (`render(request, "page.html", locals())`), after `at` or in a loop
 * around it; for the module, also `globals()` anywhere. (`eval()` and `exec()` can read any name too:
 * `freshName` then also avoids every name of the module.)
 */
export function namesSeenReason(ctx: FileContext, at: SyntaxNode): string | undefined {
  const scope = functionOrModuleOf(at);
  // Once per scope: every fix of a file asks, and most files say none of these words.
  const listers = memoized(listersMemo, ctx, scope.id, () =>
    !saysNameLister(ctx.source) ? [] : scope.descendantsOfType('call').filter((c) => {
      const q = calleeName(ctx.names, c);
      if (q === 'builtins.globals') return scope.type === 'module';
      // Ex) `eval("sorted(dir())")`, `eval(expr)` given no namespace: the string runs in the function's frame, and may
      // list its variables (a literal that names no lister cannot)
      if (q === 'builtins.eval' || q === 'builtins.exec') {
        const args = (c.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => !isExtra(a));
        if (args.length !== 1 || args[0]!.type === 'keyword_argument' || functionOrModuleOf(c).id !== scope.id) return false;
        return args[0]!.type !== 'string' || /\b(?:locals|vars|dir|globals)\b/.test(args[0]!.text);
      }
      if (q !== 'builtins.locals' && q !== 'builtins.vars' && q !== 'builtins.dir') return false;
      return functionOrModuleOf(c).id === scope.id && !c.childForFieldName('arguments')?.namedChildren.some((a) => !isExtra(a));
    }),
  );
  // Ex) `return sorted(sys._getframe(1).f_locals)` in a helper the function calls: its caller's variables
  const frames = frameLocalsRead(ctx);
  if (frames) return `\`${frames.text}\` on line ${frames.startPosition.row + 1} reads a frame's variables by name: a name the fix adds may show in it`;
  // Ex) `vars(sys.modules[__name__])`, `sys.modules[__name__].__dict__`, `inspect.currentframe().f_globals`: the
  // module's names, read through the module or a frame (review rv54b)
  const module = scope.type === 'module' ? moduleNamespaceRead(ctx) : undefined;
  if (module) return `\`${module.text}\` on line ${module.startPosition.row + 1} reads the module's variables: a name the fix adds may show in it`;
  if (!listers.length) return undefined;
  const from = outermostLoopStart(at, scope) ?? at.startIndex;
  // Ex) `"{x}".format(**locals())` before the statement, and no loop to come back to it: the name is not bound
  // yet. A function's `globals()` may run at any time.
  const c = listers.find((l) => l.startIndex >= from || functionOrModuleOf(l).id !== scope.id);
  if (!c) return undefined;
  const what = scope.type === 'module' ? 'the module' : 'the function';
  return `\`${c.childForFieldName('function')?.text}()\` on line ${c.startPosition.row + 1} lists ${what}'s variables: a name the fix adds would show in it`;
}

/**
 * True when the read `id` is `id.attr` for an `attr` of `names`, read and nothing else: not called, not
 * assigned or deleted, not a target (`tmp.name`, `f.mode`).
 */
export function readsAttribute(id: SyntaxNode, names: ReadonlySet<string>): boolean {
  const p = id.parent;
  if (p?.type !== 'attribute' || p.childForFieldName('object')?.id !== id.id) return false;
  if (!names.has(p.childForFieldName('attribute')?.text ?? '')) return false;
  const q = p.parent;
  // Ex) `f.name()`, `f.name = x`, `del f.name`, `f.name += x`
  if (q?.type === 'call' && q.childForFieldName('function')?.id === p.id) return false;
  if ((q?.type === 'assignment' || q?.type === 'augmented_assignment') && q.childForFieldName('left')?.id === p.id) return false;
  // Ex) `f.name, x = …`, `[tmp.name] = [p]`, `for tmp.name in …:`, `with open(p) as tmp.name:`: bound, not read
  return q?.type !== 'delete_statement' && !isBindingTarget(p);
}

/** Attributes that read the same whether the resource is open or closed (not `closed`). */
const STABLE_ATTRIBUTES = new Set(['name', 'mode', 'encoding', 'errors']);

/**
 * True when `use` only reads an attribute that a closed resource answers as an open one did: `f.name` after
 * `f.close()`, as in `tmp.close()` / `return tmp.name`. Such a read may lie after the `with` block.
 */
export function readsStableAttribute(use: Use): boolean {
  return readsAttribute(use.node, STABLE_ATTRIBUTES);
}

/**
 * Why `use` (which sees the value, see `seesValue`) lies outside a block running from `assign` to
 * `last`, or `undefined` when it lies inside.
 */
export function outsideReason(use: Use, assign: SyntaxNode, last: SyntaxNode): string | undefined {
  const at = use.node;
  const line = at.startPosition.row + 1;
  const inside = at.startIndex >= assign.startIndex && at.endIndex <= last.endIndex;
  if (!inside && functionOrModuleOf(at).id !== functionOrModuleOf(assign).id) {
    return `\`${use.name}\` is read on line ${line} by a nested function that may run after the block`;
  }
  if (at.startIndex >= last.endIndex) return `\`${use.name}\` is used after the block, on line ${line}`;
  if (at.startIndex < assign.startIndex) return `\`${use.name}\` is used on line ${line}, in the next iteration of the loop around it`;
  return undefined;
}

/**
 * A statement of a block that gives `name` a new value before anything after it runs: `name = …`, or
 * `with … as name:`. A read from `from` on sees the new value; `target` is the name bound.
 */
interface Rebinding {
  stmt: SyntaxNode;
  from: number;
  target: SyntaxNode;
}

/**
 * `stmt` as a `Rebinding` of `name`, or `undefined`. `name = f(name)` reads the old value: the new one is seen
 * from the statement's end. `with open(name.path) as name:` binds when its item is entered: the new value is
 * seen from the target on (later items, the body).
 */
function rebindingOf(stmt: SyntaxNode, name: string): Rebinding | undefined {
  if (rebindsPlainly(stmt, name)) return { stmt, from: stmt.endIndex, target: stmt.namedChildren[0]!.childForFieldName('left')! };
  if (stmt.type !== 'with_statement') return undefined;
  const clause = stmt.namedChildren.find((c) => c.type === 'with_clause');
  for (const item of clause?.namedChildren ?? []) {
    const target = withItemTarget(item);
    if (target?.type === 'identifier' && target.text === name) return { stmt, from: target.startIndex, target };
  }
  return undefined;
}

/**
 * True when `stmt`, a statement of a block, gives `name` a new value before the statements after it run
 * (`name = …`, `with … as name:`): a later `name.close()` closes that value, not the one bound before.
 */
export function rebinds(stmt: SyntaxNode, name: string): boolean {
  return rebindingOf(stmt, name) !== undefined;
}

interface BlockRebindings {
  /** Name → the statements of the block that rebind it (`rebindingOf`), in order. */
  all: Map<string, Rebinding[]>;
  /** Name → where the statements of the block that are a plain `name = …` (`rebindsPlainly`) start, in order. */
  plain: Map<string, number[]>;
}

// Per tree, per block: `seesValue` asks for every read of every assignment, and a function of 2,000 files each
// with its own name read every statement once per name.
const rebindingCache = new WeakMap<object, Map<number, BlockRebindings>>();

function blockRebindings(block: SyntaxNode): BlockRebindings {
  return memoized(rebindingCache, block.tree, block.id, () => {
    const all = new Map<string, Rebinding[]>();
    const plain = new Map<string, number[]>();
    for (const st of statementSiblings(block)) {
      const name = plainTarget(st)?.text;
      if (name !== undefined) {
        pushTo(plain, name, st.startIndex);
        pushTo(all, name, rebindingOf(st, name)!);
        continue;
      }
      // Ex) `del f`: a read after it in the block sees no value (it raises, or is on a path not taken). The `del` itself
      // stays a use (its target is the statement, no identifier): the value lives up to it
      if (st.type === 'delete_statement') {
        for (const n of deletedNames(st)) pushTo(all, n, { stmt: st, from: st.endIndex, target: st });
        continue;
      }
      if (st.type !== 'with_statement') continue;
      const clause = st.namedChildren.find((c) => c.type === 'with_clause');
      const seen = new Set<string>();
      for (const item of clause?.namedChildren ?? []) {
        const target = withItemTarget(item);
        if (target?.type !== 'identifier' || seen.has(target.text)) continue;
        seen.add(target.text);
        pushTo(all, target.text, rebindingOf(st, target.text)!);
      }
    }
    return { all, plain };
  });
}

/** The statements of `block` that rebind `name` (`rebindingOf`), in order. */
function rebindingsIn(block: SyntaxNode, name: string): readonly Rebinding[] {
  return blockRebindings(block).all.get(name) ?? [];
}

/** The first statement of `block` after the offset `after` that rebinds `name` (`rebindingOf`). */
function firstRebindingAfter(block: SyntaxNode, name: string, after: number): Rebinding | undefined {
  const rebinds = rebindingsIn(block, name);
  return rebinds[firstIndex(rebinds.length, (k) => rebinds[k]!.stmt.startIndex >= after)];
}

/** The statement `name = …` (a plain rebinding). */
function rebindsPlainly(stmt: SyntaxNode, name: string): boolean {
  return plainTarget(stmt)?.text === name;
}

/** `name` of the statement `name = …` (a plain rebinding), or `undefined`. */
export function plainTarget(stmt: SyntaxNode): SyntaxNode | undefined {
  if (stmt.type !== 'expression_statement' || stmt.namedChildCount !== 1) return undefined;
  const a = stmt.namedChildren[0]!;
  if (a.type !== 'assignment' || !a.childForFieldName('right')) return undefined;
  const left = a.childForFieldName('left');
  return left?.type === 'identifier' ? left : undefined;
}

/** `f = <call>` as a statement of its own: the target, the call, and the statement. */
export interface ResourceAssignment {
  stmt: SyntaxNode;
  target: SyntaxNode;
  call: SyntaxNode;
}

/**
 * Why a `with` cannot take the place of the annotated assignments `stmts` (`f: IO[str] = open(p)`), whose fix keeps a
 * bare `f: IO[str]` on the line before it. A function never evaluates its variables' annotations. A module does,
 * after the value, into `__annotations__`: before the open, even an annotation that names a class may run code
 * (`__class_getitem__`), fail (a name bound later, the target itself) or be stored where the open fails: not fixed.
 * `Final` without its value is an error to type checkers.
 */
export function annotationOrderReason(stmts: readonly SyntaxNode[]): string | undefined {
  for (const stmt of stmts) {
    const type = annotationOf(stmt);
    if (!type) continue;
    const line = stmt.startPosition.row + 1;
    if (functionOrModuleOf(stmt).type === 'module') return `the annotation \`${preview(type)}\` on line ${line} is evaluated after the call at module level, and a \`with\` would need it on a line of its own before: move it by hand`;
    if (/^(?:[\w.]+\.)?Final\b/.test(type.text.replace(/^\s*['"]|\s+/g, ''))) return `\`${preview(type)}\` on line ${line} needs its value, which a \`with\` header would take: move it by hand`;
  }
  return undefined;
}

/**
 * Every statement `<target> = <call>` (any target) whose value is a call; only those whose value is one
 * of `calls` when given (`candidateCalls`: far fewer nodes to visit).
 */
export function callAssignments(root: SyntaxNode, calls?: readonly SyntaxNode[]): ResourceAssignment[] {
  const out: ResourceAssignment[] = [];
  // Ex) `f = (open(p))`, `f = (\n    open(p, "w")\n)`: parentheses with no comment in them, which the fix drops
  const up = (c: SyntaxNode) => {
    let cur = c;
    while (cur.parent?.type === 'parenthesized_expression') cur = cur.parent;
    return cur.parent;
  };
  const assignments = calls ? calls.map(up).filter((a): a is SyntaxNode => a?.type === 'assignment') : root.descendantsOfType('assignment');
  for (const a of assignments) {
    const stmt = a.parent;
    if (stmt?.type !== 'expression_statement' || stmt.namedChildCount !== 1) continue;
    if (stmt.parent?.type !== 'block' && stmt.parent?.type !== 'module') continue;
    const target = a.childForFieldName('left');
    let call = a.childForFieldName('right');
    while (call?.type === 'parenthesized_expression') {
      const inner = call.namedChildren;
      call = inner.length === 1 && !isExtra(inner[0]!) ? inner[0]! : null;
    }
    // Ex) `f: IO[str] = open(p)`: as `f = open(p)` (a fix keeps the annotation: `annotationOf`)
    if (!target || call?.type !== 'call') continue;
    out.push({ stmt, target, call });
  }
  return out;
}
