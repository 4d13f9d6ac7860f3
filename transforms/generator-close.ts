// generator-close (WFY201): a generator that holds cleanup (`finally`, a `with` exit) while suspended,
// abandoned before it finishes:
//     for x in produce():            →   gen = produce()
//         if x: break                    try:
//                                            for x in gen:
//                                                if x: break
//                                        finally:
//                                            gen.close()
// Which generators hold cleanup is a project-wide question (src/project.ts, src/python/generators.ts).
import { escapeRegExp } from '../src/python/text.js';
import { memoized } from '../src/python/memo.js';
import { methodCallOn } from './open-chain.js';
import { versionAtLeast } from '../src/options.js';
import type { Edit, FileContext, Finding, SyntaxNode, Transform } from '../src/types.js';
import { insertAt, planImportedName, replaceNode } from '../src/python/edits.js';
import { codeRunAfter, containsYield, isFirstIterable, isPure, isSurelyPure, lazyContext, notEvaluatedFirst, preview, surelyBound } from '../src/python/evaluation.js';
import {
  callTarget,
  resolvePasses,
  loopExit,
  startsAsync,
  isPackageFile,
  mergeModuleFacts,
  moduleFacts,
  moduleKey,
  resolveGenerator,
  generatorShortNames,
  selfMethodName,
  instanceAssignments,
  saysYield,
  swallowersFromText,
  type ModuleFacts,
  type GeneratorIndex,
  type ModuleLocation,
} from '../src/python/generators.js';
import { calleeName } from '../src/python/imports.js';
import { importersOf, patchedInFile, READS_TO_END, resourceOf, wrapperMayStop } from '../src/python/resources.js';
import { callsNamed } from '../src/python/candidates.js';
import { outline } from '../src/python/outline.js';
import { consumerOf, isLiteralJoin, positionalIndex } from '../src/python/consumers.js';
import { argumentOf, jumpStaysIn } from '../src/python/statement-flow.js';
import { bindsPlainNames, enclosingStatement, ownerClass, headerContextReason, membershipOperator, inStatementOf, isClassBodyStatement, isExtra, isWrappableSimpleStatement, isUnpackingTarget, outerParens } from '../src/python/statements.js';
import { mixedIndentReason, planWrap, statementIndent } from '../src/python/wrap.js';
import { aheadNote, exceptionKeptNote, keptLocal, keptLocalNested, keptLocals, nameAssignment, namesAssignment, orderNote, planRestOfFunction, withLocalUnit, type KeptLocal } from '../src/python/kept-local.js';
import { blockRoom, tooDeepReason } from '../src/python/nesting.js';
import { namesSeenReason } from '../src/python/resource-flow.js';
import { functionOrModuleOf, identifiersNamed, inLazyTypeScope, within } from '../src/python/scopes.js';

const ID = 'generator-close';
const CODE = 'WFY201';

/**
 * The project index's answer for the file at `path` (as reports show it) of `module`: the index itself, or for
 * a module name two files share, the index of this file's module alone that the first pass made (`own`);
 * `undefined` when it has none.
 */
function projectIndexOf(index: GeneratorIndex, module: string, path: string): GeneratorIndex | undefined {
  return index.ambiguous.includes(module) ? index.own?.[path] : index;
}

/**
 * The generator index this file's check uses: the project's when the run built one; for a module name two
 * files share, the index of this file's module alone that the first pass made (`own`); else one built from
 * the file alone (the library API): calls resolve within the module.
 */
function indexFor(ctx: FileContext, loc: ModuleLocation): GeneratorIndex | undefined {
  const fromProject = ctx.project?.generators as GeneratorIndex | undefined;
  const found = fromProject && projectIndexOf(fromProject, loc.moduleName, ctx.path);
  if (found) return ctx.rewritten && saysYield(ctx.source) ? withOwnFacts(found, ctx, loc) : found;
  if (!saysYield(ctx.source)) return undefined;
  return mergeModuleFacts([{ moduleName: loc.moduleName, facts: ownFacts(ctx, loc) }]);
}

/** The module facts of the file itself, as the first pass reads them (its swallowing context managers too: review rv54d). */
function ownFacts(ctx: FileContext, loc: ModuleLocation): ModuleFacts {
  const facts = moduleFacts(ctx.root, ctx.names, loc, true, { text: ctx.source, outline: outline(ctx.source) });
  const swallows = swallowersFromText(ctx.source);
  return swallows.length ? { ...facts, swallows } : facts;
}

const overlays = new WeakMap<object, GeneratorIndex>();

/**
 * `index` with the generators that this module's text, rewritten by earlier passes, now holds cleanup in: a fix
 * that put a `with` around a generator's `yield`s (`tmp = TemporaryDirectory()` … `yield tmp.name`) gave it cleanup,
 * and the uses in this file that abandon it are fixed in the same run, as a second run would (the project's
 * index was built from the file on disk). Only top-level functions, marked as the index marks the others where a
 * module replaces or doubles them (`patchedNames`). Other modules, and a method's callers, see it on their next run.
 */
function withOwnFacts(index: GeneratorIndex, ctx: FileContext, loc: ModuleLocation): GeneratorIndex {
  const known = overlays.get(ctx.tree);
  if (known) return known;
  const own = mergeModuleFacts([{ moduleName: loc.moduleName, facts: ownFacts(ctx, loc) }]);
  // Only the module's top-level functions: what other modules make of a method (a subclass overriding it with a
  // plain one) is not in the index for a method that was no generator with cleanup when it was built
  const added = Object.keys(own.generators).filter((k) => !(k in index.generators) && !k.slice(loc.moduleName.length + 1).includes('.'));
  let out = index;
  if (added.length) {
    const generators = { ...index.generators };
    for (const k of added) generators[k] = own.generators[k]!;
    out = { ...index, generators, callNames: [...new Set([...index.callNames, ...added.map((k) => k.slice(loc.moduleName.length + 1))])].sort() };
    // Ex) `mock.patch("core.rows", …)` in a test: the call may return no generator, as the index says of the others
    for (const [name, how] of Object.entries(index.patchedNames ?? {})) {
      const hit = resolveGenerator(out, name);
      if (hit && added.includes(hit.key) && !generators[hit.key]!.patched) generators[hit.key] = { ...generators[hit.key]!, patched: how };
    }
  }
  overlays.set(ctx.tree, out);
  return out;
}

// Per project index found for a file: the anchors every module without generator methods of its own shares
// (one array, so the engine builds their pattern once, not once per file).
const sharedAnchors = new WeakMap<GeneratorIndex, readonly string[]>();

/**
 * `branch`: G is made in a branch of a conditional expression or an operand of `and`/`or` (`rows() if c else [1]`,
 * `c and rows()`, maybe inside a wrapper): the outermost of the first run of them (`Through`). The fix binds G where
 * it is made (`(gen := rows())`) and closes it only if it was; `shared`, the run is right around G and one name
 * serves every G of it.
 */
interface Branch {
  root: SyntaxNode;
  shared: boolean;
}

type Use =
  /** `for … in G:` (or over a lazy wrapper of G); `abandonedBy` names a wrapper that stops early (`zip`). */
  | { kind: 'loop'; loop: SyntaxNode; abandonedBy?: string; lazyItems?: string; branch?: Branch; perItem?: true; releasedBy?: string }
  /**
   * A statement that stops reading G early: `next(G)`, `any(...)`, `x in G`, `list(islice(G, 3))`. `run`: the use
   * itself may not run, in a branch of `… if … else …` or the right of `and`/`or` (`x = next(G) if d else None`):
   * the outermost node that may skip it (`branchOfUse`). Its generators are bound where they are made, with `:=`.
   */
  | { kind: 'statement'; top: SyntaxNode; by: string; lazyItems?: string; branch?: Branch; run?: SyntaxNode; perItem?: true; why?: string; releasedBy?: string };

/** Calls that read their argument only until they know the answer. */
const SHORT_CIRCUIT = new Set(['builtins.next', 'builtins.any', 'builtins.all']);
/**
 * Lazy wrappers and the argument positions they iterate. Those that may stop before the end (`zip`, `islice`,
 * …) are resources.ts's `wrapperMayStop`; the calls that read to the end are its `READS_TO_END`.
 */
const WRAPPERS: ReadonlyMap<string, { at: (i: number) => boolean; lazyItems?: boolean }> = new Map([
  ['builtins.iter', { at: (i: number) => i === 0 }],
  ['builtins.enumerate', { at: (i: number) => i === 0 }],
  ['builtins.map', { at: (i: number) => i >= 1 }],
  ['builtins.filter', { at: (i: number) => i === 1 }],
  ['builtins.zip', { at: () => true }],
  ['itertools.islice', { at: (i: number) => i === 0 }],
  ['itertools.takewhile', { at: (i: number) => i === 1 }],
  ['itertools.compress', { at: (i: number) => i <= 1 }],
  ['itertools.chain', { at: () => true }],
  ['itertools.dropwhile', { at: (i: number) => i === 1 }],
  ['itertools.filterfalse', { at: (i: number) => i === 1 }],
  ['itertools.starmap', { at: (i: number) => i === 1 }],
  ['itertools.accumulate', { at: (i: number) => i === 0 }],
  ['itertools.zip_longest', { at: () => true }],
  ['itertools.pairwise', { at: (i: number) => i === 0 }],
  ['itertools.cycle', { at: (i: number) => i === 0 }],
  // Its groups read the generator itself, lazily: one kept after the loop would be cut short by the close.
  ['itertools.groupby', { at: (i: number) => i === 0, lazyItems: true }],
]);

/** How the generator made by `call` is used, when it is a use this transform knows. */
function useOf(ctx: FileContext, call: SyntaxNode, isAsync: boolean, passed?: SyntaxNode[]): Use | undefined {
  const through: Through = passed ? { passed } : {};
  const use = useThrough(ctx, call, isAsync, through);
  if (!use) return undefined;
  const branch: Branch | undefined = through.branch && { root: through.branch, shared: !!through.shared };
  return through.lazyItems || branch || through.perItem || through.releasedBy ? { ...use, ...(through.lazyItems ? { lazyItems: through.lazyItems } : {}), ...(branch ? { branch } : {}), ...(through.perItem ? { perItem: true as const } : {}), ...(through.releasedBy ? { releasedBy: through.releasedBy } : {}) } : use;
}

/**
 * The outermost node of `stmt` that may leave `top` unevaluated (`… if … else …`, the right of `and`/`or`, a later
 * operand of a chained comparison), when none around it runs it more than once or later (a lambda, a comprehension
 * but for its first iterable, a generator expression): the use runs at most once per statement, only when its
 * branch does. `undefined` when there is none, or something runs it so. Ex) `x = next(rows()) if d else None`
 */
function branchOfUse(top: SyntaxNode, stmt: SyntaxNode): SyntaxNode | undefined {
  let run: SyntaxNode | undefined;
  let eagerIn: number | undefined; // Ex) `[y for y in (next(rows()) if d else [])]`: the first iterable runs once, at once
  for (let child = top, p = top.parent; p && p.id !== stmt.id; child = p, p = p.parent) {
    if (isFirstIterable(p, child)) eagerIn = p.parent!.id;
    if (p.id === eagerIn) continue;
    switch (p.type) {
      case 'lambda':
      case 'list_comprehension':
      case 'set_comprehension':
      case 'dictionary_comprehension':
      case 'generator_expression':
        return undefined;
      case 'conditional_expression':
        run = p;
        break;
      case 'boolean_operator':
        if (p.childForFieldName('right')?.id === child.id) run = p;
        break;
      case 'comparison_operator':
        if (p.namedChildren.filter((c) => !isExtra(c)).findIndex((c) => c.id === child.id) >= 2) run = p;
        break;
      default:
        break;
    }
  }
  return run;
}

/**
 * The outermost of the run of `… if … else …` (a branch, not the condition) and `and`/`or` (the right operand)
 * that `top` is the value of, through parentheses (and `not`, over a use whose value is a bool: `boolResult`);
 * `undefined` when there is none. Not the left of `or`/`and`: what a use gives may be false, and its truth test
 * (`__bool__`, `__len__`) and the right operand run after it. Ex) `x = next(rows()) if d else None`, `y = d and
 * not any(rows())`
 */
function resultRunOf(top: SyntaxNode, boolResult: boolean): SyntaxNode | undefined {
  let run: SyntaxNode | undefined;
  for (let cur = top, p = top.parent; p; cur = p, p = p.parent) {
    if (p.type === 'parenthesized_expression' || (p.type === 'not_operator' && boolResult)) continue;
    const branch = p.type === 'conditional_expression' ? isValueOperand(p, cur) : p.type === 'boolean_operator' && p.childForFieldName('right')?.id === cur.id;
    if (!branch) return run;
    run = p;
  }
  return run;
}

/**
 * What a name kept through a run of branches and a lazy wrapper holds: the one of them that holds the other (`islice(rows(),
 * 2) if c else []`, `islice(rows() if c else [], 2)`), or the one there is.
 */
function heldValue(branch: SyntaxNode | undefined, wrapper: SyntaxNode | undefined): SyntaxNode | undefined {
  if (!branch || !wrapper) return branch ?? wrapper;
  return branch.startIndex <= wrapper.startIndex && branch.endIndex >= wrapper.endIndex ? branch : wrapper;
}

/**
 * The run of branches a kept value of `call` goes through (`branchRootOf`), directly or through one lazy wrapper
 * around it or inside it (`islice(rows(), 2) if c else []`, `islice(rows() if c else [], 2)`), and that wrapper.
 * Not through `tee`. `partner`: another generator of `made` the wrapper holds (`zip(rows(1), rows(2)) if c else []`,
 * `zip(rows(1) if c else [], rows(2))`), which the branch fix, one name bound where the generator is made, cannot close.
 */
function branchedValue(ctx: FileContext, call: SyntaxNode, gen: Made, made: readonly SyntaxNode[]): { branch: SyntaxNode; wrapped?: Wrapped; partner?: SyntaxNode } | undefined {
  const inner = branchRootOf(call);
  const wrapped = gen.async || gen.viaIter ? undefined : wrapperAround(ctx, inner ?? call);
  const outer = wrapped && !wrapped.tee ? branchRootOf(wrapped.node) : undefined;
  if (!wrapped || wrapped.tee || (!inner && !outer)) return inner ? { branch: inner } : undefined;
  const holder = wrapped.node;
  const partner = made.find((m) => m.id !== call.id && m.startIndex >= holder.startIndex && m.endIndex <= holder.endIndex);
  return partner ? { branch: outer ?? inner!, wrapped, partner } : { branch: outer ?? inner!, wrapped };
}

/** The whole value `kept.name` is bound to: the branch, or the wrapper around it. */
const keptValue = (kept: Kept): SyntaxNode => heldValue(kept.branch, kept.wrapper)!;

/**
 * The outermost of the run of `… if … else …`, `and`/`or` right around `call` (through parentheses) whose value
 * it may be (`isValueOperand`), or `undefined`. Ex) `it = rows() if c else []`, `it = c and rows()`
 */
function branchRootOf(call: SyntaxNode): SyntaxNode | undefined {
  let root: SyntaxNode | undefined;
  for (let cur = call, p = call.parent; p; cur = p, p = p.parent) {
    if (p.type === 'parenthesized_expression') continue;
    if ((p.type !== 'conditional_expression' && p.type !== 'boolean_operator') || !isValueOperand(p, cur)) return root;
    root = p;
  }
  return root;
}

/**
 * What `useThrough` passed on its way up: a wrapper with lazy items (`groupby`); `branch`, the outermost of the first
 * run of `if`/`else`, `and`/`or` (through parentheses only) that G's value goes through; `shared` when that run is
 * right around G.
 */
interface Through {
  lazyItems?: string;
  /**
   * What runs after an `islice` around G has given its last item, which let go of G there on CPython: a `chain` that
   * reads on, `sorted`'s comparisons (`sorted(islice(rows(), 2), key=k)`).
   */
  releasedBy?: string;
  /** The calls of pass-through generator functions G went through (`passesThrough`), when asked for. */
  passed?: SyntaxNode[];
  /** G is made in a later `for` clause of a generator expression: one per item of the clauses before. */
  perItem?: boolean;
  branch?: SyntaxNode;
  shared?: boolean;
}

/**
 * Whether `cur`, made, is the value of `p` (a conditional expression, `and` or `or`): a branch of `a if c else b`
 * (not `c`), the right of `and`, either side of `or`. Not the left of `and`: what G reaches there is a generator
 * or a lazy wrapper of one, always true, so `and` gives its right, and G is dropped before it starts.
 */
function isValueOperand(p: SyntaxNode, cur: SyntaxNode): boolean {
  if (p.type === 'conditional_expression') {
    const parts = p.namedChildren.filter((c) => !isExtra(c));
    return parts.length === 3 && (parts[0]!.id === cur.id || parts[2]!.id === cur.id);
  }
  if (p.childForFieldName('right')?.id === cur.id) return true;
  return p.childForFieldName('operator')?.type === 'or' && p.childForFieldName('left')?.id === cur.id;
}

/** `useOf`'s walk; `through` gets what it passed (`Through`). */
function useThrough(ctx: FileContext, call: SyntaxNode, isAsync: boolean, through: Through): Use | undefined {
  let cur = call;
  let abandonedBy: string | undefined;
  // The first run of `if`/`else`, `and`/`or`: not met yet, being walked, or left behind.
  let run: 'none' | 'in' | 'after' = 'none';
  // Something other than parentheses and branches was passed (a wrapper, a generator expression).
  let moved = false;
  // An `islice` was passed: CPython's lets go of G once it has given its last item
  let sliced = false;
  for (;;) {
    const p = cur.parent;
    if (!p) return undefined;
    if (p.type === 'parenthesized_expression') {
      cur = p;
      continue;
    }
    // Ex) `for x in (rows() if c else [1, 2]):`, `for x in c and rows():`, `next(rows() or iter([]))`
    if (p.type === 'conditional_expression' || p.type === 'boolean_operator') {
      if (!isValueOperand(p, cur)) return undefined;
      if (run !== 'after') {
        // A run right around G: at most one G of it is made each time (it is then the value of the whole run), so
        // `rows() if c else other()` shares one name. After a wrapper, `zip(rows(), other()) if c else []` makes both.
        if (run === 'none') through.shared = !moved;
        through.branch = p;
        run = 'in';
      }
      cur = p;
      continue;
    }
    if (run === 'in') run = 'after';
    moved = true;
    if (p.type === 'for_statement' && p.childForFieldName('right')?.id === cur.id) {
      // Ex) `for x in agen():` is a TypeError; `async for x in gen():` too: not this pattern.
      if (startsAsync(p) !== isAsync) return undefined;
      return { kind: 'loop', loop: p, ...(abandonedBy ? { abandonedBy } : {}) };
    }
    // Ex) `async for`, `await anext(agen())` and `await agen().__anext__()` are the uses of an async generator withify follows.
    if (isAsync) {
      // Ex) `async for x in aiter(agen()):` (3.10+): `aiter()` of an async generator is the generator itself
      const outer = argumentOf(cur);
      if (outer && positionalIndex(outer, cur) === 0 && calleeName(ctx.names, outer) === 'builtins.aiter' && outer.childForFieldName('arguments')?.namedChildren.filter((c) => !isExtra(c)).length === 1) {
        cur = outer;
        continue;
      }
      return abandonedBy ? undefined : awaitedNext(ctx, cur);
    }
    // Ex) `any(y > 0 for x in xs for y in produce(x))`: each `x` makes a generator, and the stop abandons the last
    if (p.type === 'for_in_clause' && p.childForFieldName('right')?.id === cur.id && p.parent?.type === 'generator_expression' && !isFirstIterable(p, cur)) {
      through.perItem = true;
      cur = p.parent;
      continue;
    }
    if (isFirstIterable(p, cur)) {
      const comp = p.parent!;
      if (comp.type === 'generator_expression') {
        cur = comp;
        continue;
      }
      // Ex) `[x for x in produce()]` reads it to the end.
      return abandonedBy ? { kind: 'statement', top: comp, by: abandonedBy } : undefined;
    }
    if (p.type === 'comparison_operator') {
      const op = membershipOperator(p, cur);
      return op ? { kind: 'statement', top: p, by: op } : undefined;
    }
    // Ex) `first, = islice(rows(), 1)`: the unpacking reads the wrapper to its end, which stops early
    if (p.type === 'assignment' && p.childForFieldName('right')?.id === cur.id && abandonedBy && isUnpackingTarget(p.childForFieldName('left'))) {
      // The use is the whole assignment: binding the names runs nothing after it. (Not so storing into an attribute or
      // a subscript, `o.x, d[k()] = …`: the setter, `__setitem__` and `k()` run after the unpacking, as code after the use.)
      return p.parent?.type === 'expression_statement' ? { kind: 'statement', top: bindsPlainNames(p.childForFieldName('left')!) ? p : cur, by: abandonedBy } : undefined;
    }
    // Ex) `t = (*islice(rows(), 1),)`, `print(*zip(names, rows()))`: the unpacking reads the wrapper to its end at once
    if (p.type === 'list_splat' && (p.parent?.type === 'argument_list' || p.parent?.type === 'tuple' || p.parent?.type === 'list' || p.parent?.type === 'set')) {
      // (A display that ends with it builds nothing but itself after the unpacking: it is the use.)
      const display = p.parent.type !== 'argument_list' && p.parent.namedChildren.filter((c) => !isExtra(c)).at(-1)?.id === p.id ? p.parent : undefined;
      return abandonedBy ? { kind: 'statement', top: display ?? p, by: abandonedBy } : undefined;
    }
    const outer = argumentOf(cur);
    if (!outer) return undefined;
    const at = positionalIndex(outer, cur);
    if (at === undefined) return undefined;
    const name = isLiteralJoin(outer) ? 'str.join' : calleeName(ctx.names, outer);
    // Ex) `next(parsed(lines(p)))`, where `def parsed(it): for line in it: yield …`: `parsed(…)` only reads
    // `lines(p)`, and the statement drops both (CPython closed `lines(p)` as it dropped `parsed(…)`'s frame)
    if (!isAsync && (!name || !WRAPPERS.has(name)) && passesThrough(ctx, outer, at)) {
      through.passed?.push(outer);
      cur = outer;
      continue;
    }
    if (!name) return undefined;
    const short = name.replace(/^builtins\./, '');
    if (SHORT_CIRCUIT.has(name)) return at === 0 ? { kind: 'statement', top: outer, by: short } : undefined;
    if (READS_TO_END.has(name)) {
      // Ex) `sorted(islice(rows(5), 2), key=k)`: the key and the comparisons run after `islice` let go of G
      // (Not without `key=`: comparing the items runs code only for a class of the code's own, not followed)
      if (sliced && name === 'builtins.sorted' && outer.childForFieldName('arguments')?.namedChildren.some((a) => (a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'key') || a.type === 'dictionary_splat')) through.releasedBy ??= "`sorted`'s key";
      return at === 0 && abandonedBy ? { kind: 'statement', top: outer, by: abandonedBy } : undefined;
    }
    // Ex) `for x in tee(rows())[0]: break`: the other tee objects go with the tuple at once, the one taken is read
    if (name === 'itertools.tee') {
      const item = at === 0 ? teeItem(outer) : undefined;
      if (!item) return undefined;
      cur = item;
      continue;
    }
    const wrapper = WRAPPERS.get(name);
    if (!wrapper || !wrapper.at(at)) return undefined;
    // Ex) `zip(rows(), names)`, `map(f, rows(), other)`: they stop at the shortest iterable
    if (wrapperMayStop(name, outer)) abandonedBy ??= short;
    if (wrapper.lazyItems) through.lazyItems ??= short.replace(/^itertools\./, '');
    // Ex) `for x in chain(islice(rows(5), 2), [7, 8]):`: the loop goes on over `[7, 8]` after `islice` let go of G
    // (Not `chain([7], islice(rows(), 2))`: nothing after the last; `zip_longest` and `cycle` read on after any)
    const lastArg = (outer.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => !isExtra(a)).at(-1);
    if (sliced && ((name === 'itertools.chain' && lastArg?.id !== cur.id) || name === 'itertools.zip_longest' || name === 'itertools.cycle')) through.releasedBy ??= `what \`${short}\` reads next and the code it feeds`;
    if (name === 'itertools.islice') sliced = true;
    cur = outer;
  }
}

/**
 * True when `call` is of a generator function of the project that only iterates its argument at position `at`
 * (`GeneratorIndex.passes`): `parsed(lines(p))`, `def parsed(it): for line in it: yield line.split()`. The
 * generator passed is held by nothing else, and goes when the statement drops `parsed(…)`: a use that stops
 * reading `parsed(…)` early abandons both. Not a generator made through `__iter__` (`parsed(Table(n))`).
 */
function passesThrough(ctx: FileContext, call: SyntaxNode, at: number): boolean {
  return passKind(ctx, call, at) !== undefined;
}

/**
 * How `call` (`passesThrough`) reads its argument at `at`: `'for'` when only by loops (`parsed(it)`: dropping it leaves
 * `it` to whatever else holds it), `'from'` when only by `yield from` (`relay(it)`: dropping it closes `it`), `'mixed'`
 * when by both, one or the other as the run goes.
 */
function passKind(ctx: FileContext, call: SyntaxNode, at: number): 'for' | 'from' | 'mixed' | undefined {
  const { index } = madeCalls(ctx);
  if (!index?.passes) return undefined;
  const via: { imported?: string } = {};
  const target = callTarget(ctx.names, call, locationOf(ctx), via);
  const passes = target ? resolvePasses(index, target, via.imported) : undefined;
  return !passes?.at.includes(at) ? undefined : passes.mixed.includes(at) ? 'mixed' : passes.from.includes(at) ? 'from' : 'for';
}

/**
 * `tee(…)[k]` around the call `tee` (through parentheses), `k` an integer (`-1` too): the one tee object a use
 * keeps. CPython dropped the tuple, and the other tee objects with it, at the subscript; the generator goes with
 * the last of them.
 */
function teeItem(tee: SyntaxNode): SyntaxNode | undefined {
  let cur = tee;
  while (cur.parent?.type === 'parenthesized_expression') cur = cur.parent;
  const sub = cur.parent;
  if (sub?.type !== 'subscript' || sub.childForFieldName('value')?.id !== cur.id) return undefined;
  const index = sub.namedChildren.filter((c) => !isExtra(c) && c.id !== cur.id);
  return index.length === 1 && isIntegerLiteral(index[0]!) ? sub : undefined;
}

/** `2`, `-1`, `+1`: an integer literal, with a sign or without. */
function isIntegerLiteral(n: SyntaxNode): boolean {
  if (n.type === 'integer') return true;
  if (n.type !== 'unary_operator') return false;
  const operator = n.childForFieldName('operator')?.type;
  return (operator === '-' || operator === '+') && n.childForFieldName('argument')?.type === 'integer';
}

/**
 * `await anext(G)` (or `anext(G, default)`) and `await G.__anext__()`: one item read, the async generator
 * then dropped with its cleanup pending. The use is the `await`, which the statement must end with.
 */
function awaitedNext(ctx: FileContext, g: SyntaxNode): Use | undefined {
  let read: SyntaxNode | undefined;
  let by: string;
  const p = g.parent!;
  if (p.type === 'attribute' && p.childForFieldName('object')?.id === g.id && p.childForFieldName('attribute')?.text === '__anext__') {
    const call = p.parent;
    if (call?.type !== 'call' || call.childForFieldName('function')?.id !== p.id) return undefined;
    if (call.childForFieldName('arguments')?.namedChildren.some((c) => !isExtra(c))) return undefined;
    read = call;
    by = '__anext__';
  } else {
    const outer = argumentOf(g);
    if (!outer || positionalIndex(outer, g) !== 0 || calleeName(ctx.names, outer) !== 'builtins.anext') return undefined;
    read = outer;
    by = 'anext';
  }
  while (read.parent?.type === 'parenthesized_expression') read = read.parent;
  // Ex) `await asyncio.wait_for(anext(agen()), 5)`: from 3.12 on, wait_for awaits the read in the caller's task,
  // under a timeout, and returns (or raises) only once it has ended, on a cancellation too. Before, it ran the
  // read in a task of its own, and a second cancellation while it cancelled that task (3.8-3.11; any on 3.7)
  // left it running: `aclose()` would then raise "asynchronous generator is already running".
  const waited = argumentOf(read);
  let why: string | undefined;
  if (waited && positionalIndex(waited, read) === 0 && calleeName(ctx.names, waited) === 'asyncio.wait_for') {
    read = waited;
    while (read.parent?.type === 'parenthesized_expression') read = read.parent;
    if (!versionAtLeast(ctx.target, [3, 12])) {
      why = `under \`asyncio.wait_for\` before 3.12 (the target is ${ctx.target.join('.')}), a cancellation may leave the read running in a task of its own (3.8-3.11: a second one while \`wait_for\` cancels it): \`aclose()\` would then raise RuntimeError ("asynchronous generator is already running") in place of the cancellation; close it by hand after the read has surely ended, or set \`--target-version\` 3.12`;
    }
  }
  if (read.parent?.type !== 'await') return undefined;
  return why ? { kind: 'statement', top: read.parent, by, why } : { kind: 'statement', top: read.parent, by };
}

/** The first statement in the loop's body that leaves it before the generator is finished, as a word for messages. */
function earlyExit(loop: SyntaxNode): string | undefined {
  const exit = loopExit(loop);
  // (`sys.exit(1)`: shown as its call, `sys.exit()`)
  return exit?.type === 'call' ? `${exit.childForFieldName('function')!.text}()` : exit?.type.replace(/_statement$/, '');
}

/**
 * Iterators of the standard library that hold an OS resource until they are read to the end or closed, as a
 * generator with cleanup holds its `finally`: the same uses abandon them, and the same fix closes them.
 */
const ITERATORS: ReadonlyMap<string, { names: readonly string[] }> = new Map([['os.scandir', { names: ['entries', 'it'] }]]);
/** The last names of ITERATORS, the words a file says to call one. */
const ITERATOR_WORDS: readonly string[] = [...new Set([...ITERATORS.keys()].map((q) => q.slice(q.lastIndexOf('.') + 1)))];

const NO_GENERATORS: ReadonlySet<string> = new Set();
const withIteratorsMemo = new WeakMap<ReadonlySet<string>, ReadonlySet<string>>();

/** The names a file calls generators by, and ITERATOR_WORDS: made once per index, not per file that says `scandir`. */
function withIterators(generators: ReadonlySet<string> = NO_GENERATORS): ReadonlySet<string> {
  let out = withIteratorsMemo.get(generators);
  if (!out) withIteratorsMemo.set(generators, (out = new Set([...generators, ...ITERATOR_WORDS])));
  return out;
}

/** What a call made: a generator of the index, or one of ITERATORS. */
interface Made {
  key: string;
  async: boolean;
  closeRaises?: string;
  /** An async generator whose cleanup awaits (`cleanupAwaitsReason`): closing it here moves that cleanup into the caller's task. */
  cleanupAwaits?: string;
  /** Where another module replaces the function (`core.rows = …`): its calls may get no generator. */
  patched?: string;
  /** The call makes an object whose `__iter__` (`__aiter__`) is the generator (`Table(n)`): the fix closes `iter(Table(n))` (`Table(n).__aiter__()`). */
  viaIter?: true;
  /** One of ITERATORS (`os.scandir`): the fix names it `entries`; what stays open is the iterator itself. */
  iterator?: true;
  /** Its only cleanup: resources it holds at its `yield`, with no `with` or `finally` of their own (`GeneratorSummary.holds`). */
  holds?: string;
}

/** What waits while the abandoned thing is not closed, for messages. */
function pending(made: Made): string {
  // Ex) `conn = sqlite3.connect(p)` … `yield row`: the close releases it only once the generator closes it itself
  // (a `with` there, which WFY105 or the user gives it; review rv54c)
  if (made.holds && !made.iterator) return `the generator holds ${made.holds} open at its \`yield\` until PyPy's GC collects it (closing the generator here releases ${made.holds.includes(',') ? 'them' : 'it'} once the generator closes ${made.holds.includes(',') ? 'them' : 'it'} itself: a \`with\` there, as WFY105 gives one)`;
  return made.iterator
    ? `the iterator keeps its directory open until PyPy's GC collects it (read to the end, it closes itself)`
    : made.async
      ? `the async generator's pending \`finally\`/\`async with\` exit runs only when PyPy's GC collects it, or when the event loop shuts down`
      : `the generator's pending \`finally\`/\`with\` exit runs only when PyPy's GC collects it`;
}

/** A generator kept in a variable of a function, that the function's code may leave unfinished. */
interface Kept extends KeptLocal {
  /** An async generator: closed by `await name.aclose()`. */
  isAsync: boolean;
  /** Why it may be left unfinished, for the message. */
  how: string;
  /** Where the finding ends: the last read of `name` (`trace` places an async generator where it first ran). */
  end: number;
  /** `it = islice(rows(), 2)`: `name` holds a lazy wrapper of the generator, which the fix binds apart to close it. */
  wrapper?: SyntaxNode;
  /** `islice` in the wrapper: CPython dropped the generator once the read gave its last item, not at the return. */
  lets?: true;
  /** `it = parsed(lines(p))`: the outermost pass-through generator function's call around the generator (`Wrapped.passer`). */
  passer?: SyntaxNode;
  /** Bound in a block of the function (`keptLocalNested`): the statement that holds it; reported, not fixed. */
  holder?: SyntaxNode;
  /** `it = rows() if c else []`: the run of branches the generator is made in (`branchRootOf`), the whole value of `name`. */
  branch?: SyntaxNode;
  /** Why a read of `name` leaves no fix (`awaitedNext`'s `why`). */
  why?: string;
}

/**
 * `it = gen(...)` kept in a variable of a function (`keptLocal`) and read only as a loop's iterable
 * (`for r in it:`) or with `next(it)` / `next(it, default)`, directly or through lazy wrappers made there
 * (`wrapperAround`: `for x, name in zip(it, names):`); for an async generator in a coroutine,
 * `async for r in it:`, `await anext(it)` and `await it.__anext__()`. CPython closed the generator when the
 * function's frame went. Whether it may be unfinished then is decided by the read that ends last: `next()`, a
 * wrapper that may stop early, or a loop that can leave early (any loop with `--all-loops`).
 */
function keptGenerator(ctx: FileContext, call: SyntaxNode, isAsync: boolean, wrapped?: Wrapped, nested = false, branch?: SyntaxNode): Kept | undefined {
  // Ex) `it = iter(rows())`: `iter` of a generator is the generator itself, so `it.close()` closes it
  // Ex) `it = islice(rows(), 2) if c else []`: the branch holds the wrapper; `islice(rows() if c else [], 2)`: the other way
  const made = heldValue(branch, wrapped?.node) ?? iterAround(ctx, call, isAsync) ?? call;
  // Ex) `a, b = tee(rows())`: kept in two names, closed with the last of them
  const local = wrapped?.tee ? keptLocals(ctx, made, nested) : nested ? keptLocalNested(ctx, made) : keptLocal(ctx, made);
  // `await agen.aclose()` needs a coroutine around it
  if (!local || local.reads.length === 0 || (isAsync && !startsAsync(local.fn))) return undefined;
  let last: { node: SyntaxNode; next: boolean; by?: string; name: string; stops?: string } | undefined;
  let why: string | undefined;
  // The first read through a pass-through by `yield from` that stops reading it early (`wrapperAround`'s `closer`)
  let closing: { by: SyntaxNode; name: string; mixed?: true } | undefined;
  for (const id of local.reads) {
    // Ex) `type T = next(it)`: read when `T.__value__` is, after any `finally` withify could add
    if (inLazyTypeScope(id)) return undefined;
    let read: { node: SyntaxNode; next: boolean; by?: string; name: string; stops?: string };
    // Ex) `for x, y in zip(a, b):`, `next(enumerate(it))`: read through lazy wrappers made right there, which go
    // with the loop or the call
    // (Not `tee(it)` itself: `for t in tee(it):` hands the tee objects to the loop's name.)
    const through = isAsync ? undefined : wrapperAround(ctx, id, true);
    const top = through && !through.tee ? through.node : id;
    const stops = through && !through.tee ? through.stops : undefined;
    const p = top.parent;
    if (p?.type === 'for_statement' && p.childForFieldName('right')?.id === top.id && startsAsync(p) === isAsync) read = { node: p, next: false, name: id.text };
    else if (isAsync) {
      // Ex) `await anext(agen)`, `await agen.__anext__()`
      const use = awaitedNext(ctx, id);
      if (!use || use.kind !== 'statement') return undefined;
      read = { node: use.top, next: true, by: use.by, name: id.text };
      why ??= use.why;
    } else {
      const outer = argumentOf(top);
      if (!outer || positionalIndex(outer, top) !== 0 || calleeName(ctx.names, outer) !== 'builtins.next') return undefined;
      read = { node: outer, next: true, name: id.text };
    }
    if (stops) read.stops = stops;
    // Ex) `x = next(relay(it))`, `for r in relay(it): break`: CPython closed `it` as it dropped `relay(it)` unfinished
    if (through?.closer && !closing && (read.next || read.stops || (!read.next && earlyExit(read.node)))) closing = { by: through.closer, name: id.text, ...(through.closerMixed ? { mixed: true as const } : {}) };
    if (!last || read.node.endIndex > last.node.endIndex) last = read;
  }
  const kept = { ...local, isAsync, end: local.reads[local.reads.length - 1]!.endIndex, ...(wrapped ? { wrapper: wrapped.node } : {}), ...(wrapped?.passer ? { passer: wrapped.passer } : {}), ...(wrapped?.lets ? { lets: true as const } : {}), ...(branch ? { branch } : {}), ...(why ? { why } : {}) };
  if (closing) {
    const by = display(closing.by);
    return {
      ...kept,
      how: `\`${by}\` on line ${closing.by.startPosition.row + 1} reads \`${closing.name}\` by \`yield from\`${closing.mixed ? ' on some paths' : ''} and is dropped unfinished`,
      why: `CPython closed \`${closing.name}\` there${closing.mixed ? ` when \`${by}\` had taken its \`yield from\`` : ''}, as it dropped \`${by}\`, whose \`yield from\` passes the close on; a fix at the end of the function would run the cleanup after the code that follows: ${closing.mixed ? 'close it by hand where the function is done with it, on the path that needs it' : `bind \`${preview(closing.by)}\` to a name and close that where its reading ends`}`,
    };
  }
  // Ex) `it = islice(rows(), 2)`: read to its end, it still leaves the generator suspended
  if (wrapped?.stops) return { ...kept, how: `\`${wrapped.stops}\` stops reading it early` };
  // The name the last read reads (`a, b = tee(…)` has two)
  const name = last!.name;
  // Ex) `for x, y in zip(a, b): …`: zip stops at the shorter, and may leave the generator suspended
  if (last!.stops) return { ...kept, how: `\`${last!.stops}\` stops reading \`${name}\` early` };
  if (last!.next) return { ...kept, how: isAsync ? `\`await ${last!.by === '__anext__' ? `${name}.__anext__()` : `anext(${name})`}\` reads it only in part` : `\`next(${name})\` reads it only in part` };
  const exit = earlyExit(last!.node);
  if (exit) return { ...kept, how: `the loop over \`${name}\` can leave early (\`${exit}\`)` };
  // Ex) `first = next(it)` … `if flag: for r in it: …`: when the loop does not run, the generator stays suspended
  const first = local.reads[0]!;
  if (last!.node.parent?.id !== local.stmt.parent?.id && first.startIndex < last!.node.startIndex) {
    return { ...kept, how: `the loop over \`${name}\` on line ${last!.node.startPosition.row + 1} may not run, after line ${first.startPosition.row + 1} has started it` };
  }
  // Ex) `x = next(it)` / `if k: return x` / `for r in it: …`: the `return` leaves it suspended
  const leaves = first.startIndex < last!.node.startIndex ? local.fn.descendantsOfType('return_statement').find((r) => r.startIndex > first.endIndex && r.endIndex <= last!.node.startIndex && functionOrModuleOf(r).id === local.fn.id) : undefined;
  if (leaves) {
    return { ...kept, how: `the \`return\` on line ${leaves.startPosition.row + 1} leaves before the loop over \`${name}\` on line ${last!.node.startPosition.row + 1}, after line ${first.startPosition.row + 1} has started it` };
  }
  return ctx.options.allLoops ? { ...kept, how: `an exception in the loop over \`${name}\` would abandon it` } : undefined;
}

/**
 * `name = gen()` (`branch`: `name = gen() if c else []`) kept in a loop's body (`keptInLoop`): reported, with the way to
 * close it.
 */
function loopedFinding(call: SyntaxNode, name: string, gen: Made, branch?: SyntaxNode, wrapper?: SyntaxNode): Finding {
  const closer = `${name}.${gen.async ? 'aclose' : 'close'}()`;
  const how = wrapper
    ? ` (\`${display(call)}\` made apart and closed: \`${closer}\` would not reach it through \`${display(wrapper)}\`)`
    : branch ? `, if its branch made it (\`${closer}\` may reach what the other branch gives)` : ` (\`${closer}\`)`;
  return {
    id: ID,
    code: CODE,
    start: call.startIndex,
    end: call.endIndex,
    message: `\`${name} = ${branch ? preview(branch) : wrapper ? preview(wrapper) : display(call)}\`: \`${gen.async ? `await anext(${name})` : `next(${name})`}\` reads it only in part, and ${pending(gen)}`,
    reason: `kept in \`${name}\` in a loop: CPython closed each one when the next iteration bound \`${name}\` again; withify gives kept generators a \`try\`/\`finally\` only in a function's own body: close it where the iteration is done with it${how}`,
  };
}

/**
 * `name = gen()` as a statement of a loop's body (not the function's own), with `next(name)` in that body: each
 * iteration drops the generator the last one made, which CPython closed as the name was bound again.
 */
function keptInLoop(ctx: FileContext, call: SyntaxNode): { name: string } | undefined {
  const bound = nameAssignment(call);
  if (!bound) return undefined;
  const { target, stmt, block } = bound;
  const loop = block.parent;
  if (loop?.type !== 'for_statement' && loop?.type !== 'while_statement') return undefined;
  if (loop.childForFieldName('body')?.id !== block.id) return undefined;
  const name = target.text;
  // Ex) `try: x = next(it)` / `finally: it.close()` (what withify writes for `next(gen())` in a loop): closed by hand
  const after = ctx.source.slice(stmt.endIndex, block.endIndex).replace(/[ \t]+/g, ' ');
  const n = escapeRegExp(name);
  if (new RegExp(`\\b${n} ?\\. ?a?close\\b|closing ?\\( ?${n} ?\\)`).test(after)) return undefined;
  const reads = identifiersNamed(block, name, ctx.source).filter((id) => id.startIndex >= stmt.endIndex);
  const partly = reads.some((id) => {
    const outer = argumentOf(id);
    if (outer && positionalIndex(outer, id) === 0 && (calleeName(ctx.names, outer) === 'builtins.next' || calleeName(ctx.names, outer) === 'builtins.anext')) return true;
    // Ex) `x = await it.__anext__()` (an async generator's read of one item)
    const attr = outerParens(id).parent;
    return attr?.type === 'attribute' && attr.childForFieldName('attribute')?.text === '__anext__' && attr.parent?.type === 'call';
  });
  return partly ? { name } : undefined;
}

/**
 * `iter(call)` (one argument, the builtin) around `call`, or `undefined`; for an async generator (`isAsync`),
 * `aiter(call)` or `call.__aiter__()`, the generator itself too.
 */
function iterAround(ctx: FileContext, call: SyntaxNode, isAsync = false): SyntaxNode | undefined {
  let cur = call;
  while (cur.parent?.type === 'parenthesized_expression') cur = cur.parent;
  if (isAsync) {
    const attr = cur.parent;
    if (attr?.type === 'attribute' && attr.childForFieldName('object')?.id === cur.id && attr.childForFieldName('attribute')?.text === '__aiter__') {
      const made = attr.parent;
      return made?.type === 'call' && made.childForFieldName('function')?.id === attr.id && !made.childForFieldName('arguments')?.namedChildren.some((c) => !isExtra(c)) ? made : undefined;
    }
  }
  const outer = argumentOf(cur);
  if (!outer || calleeName(ctx.names, outer) !== (isAsync ? 'builtins.aiter' : 'builtins.iter')) return undefined;
  const args = outer.childForFieldName('arguments')?.namedChildren.filter((c) => !isExtra(c)) ?? [];
  return args.length === 1 && args[0]!.id === cur.id ? outer : undefined;
}

/** The outermost of the lazy wrappers (`WRAPPERS`) `call` is passed through, and the first of them that may stop early. */
interface Wrapped {
  node: SyntaxNode;
  stops?: string;
  /** `islice` in the chain: read to its count, CPython's islice lets go of what it reads (and so of the generator). */
  lets?: true;
  /** `node` is `tee(…)`, whose tee objects an unpacking keeps (`a, b = tee(rows())`, `keptLocals`). */
  tee?: true;
  /** A pass-through generator function's call in the chain (`parsed(lines(p))`): the outermost such one. */
  passer?: SyntaxNode;
  /**
   * Around a kept name's read, the innermost pass-through that reads it by `yield from` (`relay(it)`), itself or
   * through `yield from`s only: dropping it closes the name. (Not `relay(parsed(it))`: closing `parsed(…)` lets go.)
   */
  closer?: SyntaxNode;
  /** `closer` reads by `yield from` on some paths only (`GeneratorIndex.passesMixed`). */
  closerMixed?: true;
  /** Every level between the name and `node` is a pass-through by `yield from` only. */
  fromChain?: true;
}

/**
 * `islice(call, 2)`, `map(f, zip(names, call))`: the outermost lazy wrapper around `call`, for `it = islice(rows(), 2)`
 * kept in a variable, or around a kept name's read (`for x, name in zip(it, names):`, `keptGenerator`). `undefined` when there is none, or one hands out lazy parts (`groupby`).
 */
function wrapperAround(ctx: FileContext, call: SyntaxNode, reads = false): Wrapped | undefined {
  let cur = call;
  let found: Wrapped | undefined;
  for (;;) {
    while (cur.parent?.type === 'parenthesized_expression') cur = cur.parent;
    const outer = argumentOf(cur);
    const at = outer ? positionalIndex(outer, cur) : undefined;
    const name = outer && at !== undefined ? calleeName(ctx.names, outer) : undefined;
    // Ex) `a, b = tee(rows())`: the tee objects share the generator; CPython dropped it with the last of them.
    // `it = tee(rows())[0]`: the others go with the tuple at once, `it` holds it as a wrapper would
    if (outer && at === 0 && name === 'itertools.tee') {
      const item = teeItem(outer);
      const flags = { ...(found?.stops ? { stops: found.stops } : {}), ...(found?.lets ? { lets: true as const } : {}) };
      if (!item) return { node: outer, ...flags, tee: true };
      found = { node: item, ...flags };
      cur = item;
      continue;
    }
    // Ex) `it = parsed(lines(p))`, `def parsed(it): for line in it: yield …`: `parsed(…)` only reads what it is
    // given, and holds it until its frame goes, as a lazy wrapper does (`passesThrough`)
    // Ex) `next(parsed(it))` of a kept `it`: dropping `parsed(it)` leaves `it` to the name, closed as the function
    // ends; `next(relay(it))`, `def relay(it): yield from it`: dropping `relay(it)` closes `it` at the end of that
    // statement, where a fix would close it at the end of the function (`closer`: `keptGenerator` reports it)
    const kind = outer && at !== undefined && (!name || !WRAPPERS.has(name)) ? passKind(ctx, outer, at) : undefined;
    if (kind) {
      const flags = { ...(found?.stops ? { stops: found.stops } : {}), ...(found?.lets ? { lets: true as const } : {}) };
      if (!reads) found = { node: outer!, ...flags, passer: outer! };
      else {
        // (The name itself, or only `yield from`s below: closing this one reaches it)
        const direct = !found || !!found.fromChain;
        const closer = found?.closer ?? (direct && kind !== 'for' ? outer! : undefined);
        const mixed = found?.closer ? found.closerMixed : closer && kind === 'mixed' ? (true as const) : undefined;
        found = { node: outer!, ...flags, ...(closer ? { closer } : {}), ...(mixed ? { closerMixed: mixed } : {}), ...(direct && kind === 'from' ? { fromChain: true as const } : {}) };
      }
      cur = outer!;
      continue;
    }
    const wrapper = name ? WRAPPERS.get(name) : undefined;
    if (!outer || !wrapper || !wrapper.at(at!)) return found;
    if (wrapper.lazyItems) return undefined;
    const stops = found?.stops ?? (wrapperMayStop(name!, outer) ? name!.replace(/^builtins\./, '') : undefined);
    const lets = found?.lets || name === 'itertools.islice';
    // (`iter(it)` of a generator is the generator: a `yield from` over it reaches the name as over the name itself)
    const same = name === 'builtins.iter' && (!found || !!found.fromChain);
    found = { node: outer, ...(stops ? { stops } : {}), ...(lets ? { lets: true as const } : {}), ...(found?.passer ? { passer: found.passer } : {}), ...(found?.closer ? { closer: found.closer } : {}), ...(found?.closerMixed ? { closerMixed: true as const } : {}), ...(same ? { fromChain: true as const } : {}) };
    cur = outer;
  }
}

/**
 * The fresh name a fix binds what `gens` make to, before `stmt` (an iterator's own names, `agen`, `gen`), how it
 * closes it, and what to call it in the fix's title.
 */
function closerOf(ctx: FileContext, stmt: SyntaxNode, gens: readonly { gen: Made }[]): { name: string; close: string; what: string } {
  const first = gens[0]!.gen;
  const iterator = gens.every((g) => g.gen.iterator);
  const name = ctx.freshName(stmt, iterator ? ITERATORS.get(first.key)!.names : first.async ? ['agen'] : ['gen']);
  return { name, close: first.async ? `await ${name}.aclose()` : `${name}.close()`, what: iterator ? 'iterator' : 'generator' };
}

/**
 * Each call bound to `name` where it is made: `(name := rows())`. Ex) `x = any(Table(n)) if d else False`: the
 * generator is what `any` makes of the object, `(name := iter(Table(n)))`
 */
function bindWhereMade(calls: readonly { call: SyntaxNode; gen: Made }[], name: string): Edit[] {
  return calls.flatMap(({ call, gen }) => [insertAt(call.startIndex, `(${name} := ${gen.viaIter ? 'iter(' : ''}`), insertAt(call.endIndex, gen.viaIter ? '))' : ')')]);
}

/** Why a fix that binds the generator where it is made (`:=`) cannot be given below 3.8. */
function walrusReason(ctx: FileContext, where: string, instead: string): string {
  return `${where}: the fix binds it where it is made, with \`:=\` (new in 3.8; the target is ${ctx.target.join('.')}), so that the choice runs once and only a generator that was made is closed; ${instead}`;
}

/** A statement that does not start its line (`x = 1; it = rows()`): no line of its own to put a statement before. */
function sharesLine(ctx: FileContext, stmt: SyntaxNode): string | undefined {
  const lineStart = ctx.source.lastIndexOf('\n', stmt.startIndex - 1) + 1;
  return /^[ \t\f]*$/.test(ctx.source.slice(lineStart, stmt.startIndex)) ? undefined : 'the assignment shares its line with other code, which withify cannot split';
}

/**
 * What one fix that closes whichever of several generators was made says of `gen`: its own cleanup note (`notes`, by
 * key), else that the fix closes another whose close may raise or await.
 */
function sharedFixNote(notes: ReadonlyMap<string, string>, gen: Made): string {
  const other = [...notes].find(([key, note]) => key !== gen.key && note)?.[0];
  return notes.get(gen.key) || (other ? `; the same fix closes \`${other}\`, made in another branch, whose close may raise or await (see its finding)` : '');
}

/**
 * `it = rows() if c else []` (`kept.branch`), from 3.8: each generator of `calls` bound where it is made
 * (`(gen := rows())`, one name: at most one of them is made, and it is then the value of `it`) after `gen = None`
 * ahead of the assignment, and the rest of the function in `try:` … `finally: if gen is not None: gen.close()`.
 * The condition runs once, in its place; what the other branch gives is never closed.
 */
function planKeptBranchFix(ctx: FileContext, kept: Kept, calls: readonly { call: SyntaxNode; gen: Made }[]): { edits: Edit[]; title: string } | string {
  const stmt = kept.stmt;
  const where = `made inside \`${preview(kept.branch!)}\``;
  const instead = `closing \`${kept.name}\` instead would close what another branch gives`;
  if (!versionAtLeast(ctx.target, [3, 8])) return walrusReason(ctx, where, instead);
  const shared = sharesLine(ctx, stmt);
  if (shared) return shared;
  const { name, close, what } = closerOf(ctx, stmt, calls);
  const rest = planRestOfFunction(ctx, kept, 'try:', (unit) => ['finally:', `${unit}if ${name} is not None:`, `${unit}${unit}${close}`]);
  if (typeof rest === 'string') return rest;
  return {
    edits: [insertAt(stmt.startIndex, `${name} = None${ctx.eol}${statementIndent(ctx, stmt)}`), ...bindWhereMade(calls, name), ...rest],
    title: `Bind the ${what} where it is made (\`${name} := …\`) and close it at the end of the function in \`try/finally\` if it was (\`${close}\`)`,
  };
}

/** The `try` from the statement after `kept.stmt` to the end of the function, with `finally: name.close()`. */
function planKeptFix(ctx: FileContext, kept: Kept, made: Made, call: SyntaxNode, madeApart: Map<number, string>): { edits: Edit[]; title: string } | string {
  if (kept.wrapper) return planKeptWrapperFix(ctx, kept, made, call, madeApart);
  const close = kept.isAsync ? `await ${kept.name}.aclose()` : `${kept.name}.close()`;
  const edits = planRestOfFunction(ctx, kept, 'try:', (unit) => ['finally:', `${unit}${close}`]);
  if (typeof edits === 'string') return edits;
  return { edits, title: `Close the ${made.iterator ? 'iterator' : 'generator'} at the end of the function in \`try/finally\` (\`${close}\`)` };
}

/**
 * `it = islice(rows(), 2)`: the generator made on a line of its own just before (`gen = rows()`, then
 * `it = islice(gen, 2)`), and closed at the end of the function (`finally: gen.close()`), where CPython dropped
 * the wrapper and with it the generator. The wrapper has no `close()` to call.
 */
function planKeptWrapperFix(ctx: FileContext, kept: Kept, made: Made, call: SyntaxNode, madeApart: Map<number, string>, also?: { other: string; first: boolean }): { edits: Edit[]; title: string } | string {
  const stmt = kept.stmt;
  // Ex) `it = islice(log(), 2) if flag else rows()`: code that runs before the generator is made stays before it
  const first = madeFirstReason(ctx, call, stmt, made);
  if (first) return first.replace('a `with` header would run it first', 'making the generator ahead of the statement would run it first');
  const shared = sharesLine(ctx, stmt);
  if (shared) return shared;
  // (The name `check` gave the generator in its first plan of the fix, when it plans it again: `madeApart`.)
  const given = madeApart.get(call.id);
  const { name, close } = given ? { name: given, close: `${given}.close()` } : closerOf(ctx, stmt, [{ gen: made }]);
  madeApart.set(call.id, name);
  // Ex) `it = tracked(lines(p))`: `it` first, then the generator it read (`also.first`); `it = tracked_from(parsed(lines(p)))`:
  // the generator first, then `it`
  const [one, two] = also?.first ? [also.other, close] : [close, also?.other];
  const footer = (unit: string) => (two ? ['finally:', `${unit}try:`, `${unit}${unit}${one}`, `${unit}finally:`, `${unit}${unit}${two}`] : ['finally:', `${unit}${close}`]);
  const rest = planRestOfFunction(ctx, kept, 'try:', footer);
  if (typeof rest === 'string') return rest;
  const source = ctx.source.slice(call.startIndex, call.endIndex);
  const made_ = [insertAt(stmt.startIndex, `${name} = ${source}${ctx.eol}${statementIndent(ctx, stmt)}`), replaceNode(call, name)];
  const title = also
    ? `Make the generator apart and close it at the end of the function in \`try/finally\`, ${also.first ? 'after' : 'before'} \`${kept.name}\` (\`${one}\`, then \`${two}\`)`
    : `Make the ${made.iterator ? 'iterator' : 'generator'} apart and close it at the end of the function in \`try/finally\` (\`${close}\`)`;
  return { edits: [...made_, ...rest], title };
}

/**
 * For an object whose `__iter__` makes the generator (`Made.viaIter`): the first argument that runs after `call` in
 * the call it is passed to, before that call iterates it (`zip(Table(3), side("z"))`: `zip` calls `iter()` on each
 * argument once all have run), when it may run code; `undefined` when nothing but plain values runs between.
 */
function runsBeforeIter(call: SyntaxNode, top: SyntaxNode): { lazy?: SyntaxNode; later?: SyntaxNode } | undefined {
  for (let child = call, p = call.parent; p && p.id !== top.id; child = p, p = p.parent) {
    if (p.type === 'parenthesized_expression') continue;
    if (p.type !== 'argument_list') return undefined;
    // Ex) `itertools.chain(["x"], Table(3))`: `chain` calls `iter()` on an argument only when it gets to it, maybe never
    if (LAZY_ITER.test(p.parent?.childForFieldName('function')?.text ?? '')) return { lazy: p.parent! };
    const later = p.namedChildren.find((c) => !isExtra(c) && c.startIndex >= child.endIndex && !isPure(c));
    return later ? { later } : undefined;
  }
  return undefined;
}

/** Calls that iterate an argument only when they get to it (`chain`), not when they are called. */
const LAZY_ITER = /(?:^|\.)chain(?:\.from_iterable)?$/;

function display(call: SyntaxNode): string {
  const fn = call.childForFieldName('function')?.text.replace(/\s+/g, '') ?? 'gen';
  return `${fn}()`;
}

/**
 * `notEvaluatedFirst` for making what `call` makes ahead of `scope`, which also lets an inert builtin call
 * (`inertCallsAhead`) run before it when the call makes a generator and runs no code (`madeRunsCode`):
 * `zip(range(2), rows(p))`, `zip(itertools.count(), rows(p))`. When only the call keeps such a builtin call from
 * running after it, the reason says what the call runs.
 *
 * Calling a generator function runs none of its body: it reads the callee and the arguments, binds them and makes
 * the generator. With a plain name for a def of this file, surely bound, and arguments that run no code and cannot
 * raise (`isSurelyPure`), making it ahead of `range(2)` rather than after changes nothing either of them sees. If
 * the builtin call raises (`range("x")`), the generator made first is dropped unstarted, and `gen.close()` of an
 * unstarted generator runs nothing, not its `finally`: as before, where it was never made. (An argument's
 * `__index__`, run by `range(obj)`, is taken to be an int's. A call that does not bind, `rows(1, 2)` of a
 * one-parameter def, would then raise its TypeError before the builtin's.)
 */
function madeFirstReason(ctx: FileContext, call: SyntaxNode, scope: SyntaxNode, made: Made): string | undefined {
  const order = notEvaluatedFirst(call, scope);
  // Ex) `c.v in rows(side())`: made ahead of the statement, `side()` would run before the property `c.v` (and where
  // `c.v` raises, run at all). What runs code of its own is made ahead only of what surely runs none.
  if (!order) {
    const own = runsOwnCode(ctx, call, made);
    const strict = own ? notEvaluatedFirst(call, scope, undefined, ctx, true) : undefined;
    return strict?.replace(/: a `with` header would make it first, and a file opened for writing would be emptied$/, `, and ${own}: making the generator ahead of the statement would run that first`);
  }
  const inert = inertCallsAhead(ctx, call, scope);
  if (!inert || notEvaluatedFirst(call, scope, inert)) return order;
  const runs = madeRunsCode(ctx, call, made);
  return runs ? `${order}: ${runs}` : undefined;
}

/**
 * What making what `call` makes surely runs of the program's code, for a reason: arguments that are not surely pure,
 * an object's `__init__` (`viaIter`), a directory opened, a plain function of this file that returns the generator
 * (`def rows(p): print(…); return _rows(p)`). `undefined` otherwise (a generator function's call runs none of it).
 */
function runsOwnCode(ctx: FileContext, call: SyntaxNode, made: Made): string | undefined {
  const shown = display(call);
  if (made.iterator) return `\`${shown}\` opens its directory`;
  if (made.viaIter) return `\`${shown}\` runs its class's \`__init__\``;
  const args = call.childForFieldName('arguments');
  // (An attribute read among them may be a property, or read what a property before it sets: `rows(self.limit)`)
  if (args?.type !== 'argument_list' || !inertArguments(ctx, args, true)) return `the arguments of \`${shown}\` may run code or read what code before them sets`;
  // Ex) `rows(LIMIT)`: a global, which a property read before it may rebind (`global LIMIT`)
  const global = args.descendantsOfType('identifier').find((id) => {
    if (id.parent?.type === 'keyword_argument' && id.parent.childForFieldName('name')?.id === id.id) return false;
    const r = ctx.names.resolve(id.text, id);
    return r.kind === 'local' && r.scope.type === 'module' && functionOrModuleOf(call).type !== 'module';
  });
  if (global) return `\`${shown}\` reads the global \`${global.text}\`, which code before it may set`;
  const callee = call.childForFieldName('function');
  if (callee?.type !== 'identifier') return undefined;
  const r = ctx.names.resolve(callee.text, callee);
  const plain = r.kind === 'local' && r.bindings.some((b) => b.kind === 'def' && !containsYield(b.node.childForFieldName('body') ?? b.node));
  return plain ? `\`${shown}\` runs the code of \`${callee.text}\` before it returns the generator` : undefined;
}

/** Builtin calls that, over pure arguments, only make a value: no code of the program runs (`madeFirstReason`). */
const INERT_CALLS = new Set(['builtins.range', 'itertools.count', 'itertools.repeat']);

/**
 * The calls of `scope` ahead of `call` that are calls of INERT_CALLS over pure arguments (`range(n)`,
 * `itertools.count()`, `itertools.repeat(x, 3)`, resolved as the builtin or itertools', not a name bound again), or
 * `undefined` for none.
 */
function inertCallsAhead(ctx: FileContext, call: SyntaxNode, scope: SyntaxNode): Set<number> | undefined {
  const inert = scope.descendantsOfType('call').filter((c) => {
    const name = calleeName(ctx.names, c) ?? '';
    // (Not one the file sets for good: `itertools.count = counting`, which may run anything)
    if (c.endIndex > call.startIndex) return false;
    const args = c.childForFieldName('arguments');
    // Ex) `zip(parsed(lines("1")), lines("2"))`: a generator function of this file runs none of its code when called
    if (makesGeneratorOnly(ctx, c)) return true;
    if (!INERT_CALLS.has(name) || patchedInFile(ctx.source, name)) return false;
    return args?.type === 'argument_list' && args.namedChildren.every((a) => isExtra(a) || isPure(a));
  });
  return inert.length ? new Set(inert.map((c) => c.id)) : undefined;
}

/**
 * True when `c` calls a generator function of this file (`isGeneratorFunctionName`) over arguments that run no code:
 * pure ones (`isSurelyPure`, no f-string), or such calls (`parsed(lines("1"))`). The call runs none of its code.
 */
function makesGeneratorOnly(ctx: FileContext, c: SyntaxNode): boolean {
  const callee = c.childForFieldName('function');
  const args = c.childForFieldName('arguments');
  if (callee?.type !== 'identifier' || args?.type !== 'argument_list' || !isGeneratorFunctionName(ctx, callee)) return false;
  const given = args.namedChildren.filter((a) => !isExtra(a));
  // (A call that does not fit the parameters raises TypeError, where it is: `lines("b", "c")` for `def lines(tag)`)
  const def = ctx.names.resolve(callee.text, callee);
  if (def.kind !== 'local' || !fitsPositionally(def.bindings[0]!.node, given)) return false;
  return given.every((a) => (a.type === 'call' ? makesGeneratorOnly(ctx, a) : isSurelyPure(ctx, a) && a.descendantsOfType('interpolation').length === 0));
}

/**
 * True when `args`, positional ones only (no keyword, no `*`/`**`), fit the parameters of the def `fn`: at least its
 * positional parameters without a default, at most all of them unless it takes `*args`, and no keyword-only one
 * without a default.
 */
function fitsPositionally(fn: SyntaxNode, args: readonly SyntaxNode[]): boolean {
  if (args.some((a) => a.type === 'keyword_argument' || a.type === 'list_splat' || a.type === 'dictionary_splat')) return false;
  let required = 0;
  let total = 0;
  let star = false;
  let keywordOnly = false;
  for (const p of fn.childForFieldName('parameters')?.namedChildren ?? []) {
    if (isExtra(p) || p.type === 'positional_separator') continue;
    const splat = p.type === 'list_splat_pattern' || (p.type === 'typed_parameter' && p.namedChildren[0]?.type === 'list_splat_pattern');
    if (splat || p.type === 'keyword_separator') {
      star ||= splat;
      keywordOnly = true;
      continue;
    }
    if (p.type === 'dictionary_splat_pattern' || (p.type === 'typed_parameter' && p.namedChildren[0]?.type === 'dictionary_splat_pattern')) continue;
    const defaulted = p.type === 'default_parameter' || p.type === 'typed_default_parameter';
    if (keywordOnly) {
      if (!defaulted) return false;
      continue;
    }
    total++;
    if (!defaulted) required++;
  }
  return args.length >= required && (star || args.length <= total);
}

/**
 * What making what `call` makes runs, for a reason, or `undefined` when it runs no code and raises nothing: a call
 * of a generator function of this file (`isGeneratorFunctionName`) over arguments that run no code (`isSurelyPure`).
 * Ex) `Table(3)`, whose `__iter__` is the generator: the call runs `__init__`
 * Ex) `@cached def rows(p)`: the call runs the decorator's wrapper
 * Ex) `def rows(p): return _rows(p)`, an imported `rows` (the index does not say which kind it is): code runs
 * Ex) `os.scandir(p)`: opens the directory
 */
function madeRunsCode(ctx: FileContext, call: SyntaxNode, made: Made): string | undefined {
  const shown = display(call);
  if (made.iterator) return `\`${shown}\` opens its directory when called`;
  if (made.viaIter) return `\`${shown}\` runs its class's \`__init__\`, and its \`__iter__\` makes the generator`;
  const callee = call.childForFieldName('function');
  const args = call.childForFieldName('arguments');
  if (made.patched || callee?.type !== 'identifier' || !isGeneratorFunctionName(ctx, callee)) {
    return `\`${shown}\` is not surely an undecorated generator function of this file, whose call would run none of its code`;
  }
  if (args?.type !== 'argument_list' || !inertArguments(ctx, args)) {
    return `the arguments of \`${shown}\` may run code or raise`;
  }
  return undefined;
}

/**
 * True when the arguments `args` surely run no code and raise nothing (`isSurelyPure`; an f-string's fields run
 * `__format__`). `noAttributes`: no attribute read among them either, which a property before them may set.
 */
function inertArguments(ctx: FileContext, args: SyntaxNode, noAttributes = false): boolean {
  return args.namedChildren.every((a) => isExtra(a) || (isSurelyPure(ctx, a) && a.descendantsOfType('interpolation').length === 0 && !(noAttributes && (a.type === 'attribute' || a.descendantsOfType('attribute').length > 0))));
}

/** True when `id` surely names an undecorated def of this file that yields: calling it runs none of its code. */
function isGeneratorFunctionName(ctx: FileContext, id: SyntaxNode): boolean {
  const r = ctx.names.resolve(id.text, id);
  if (r.kind !== 'local' || r.bindings.length !== 1) return false;
  const def = r.bindings[0]!;
  // Ex) `rows = cached(rows)` beside the def: two bindings, refused above
  if (def.kind !== 'def' || def.node.type !== 'function_definition' || def.node.parent?.type === 'decorated_definition') return false;
  const body = def.node.childForFieldName('body');
  return !!body && containsYield(body) && surelyBound(ctx, id);
}

/** Why `stmt` cannot get a try/finally of its own around `call`'s use, or undefined. */
function whyNotFixable(ctx: FileContext, use: Use, call: SyntaxNode, stmt: SyntaxNode, made: Made): string | undefined {
  const why = whyNotWrappable(ctx, use, call, stmt, made);
  // The shared helpers speak of resources and `with` headers; say it for a generator (or an iterator).
  const what = made.iterator ? 'iterator' : 'generator';
  if (why?.startsWith('inside a comprehension')) return `inside a comprehension: each iteration makes its own ${what}`;
  return why?.replace('a `with` header would run it first', `making the ${what} ahead of the statement would run it first`);
}

function whyNotWrappable(ctx: FileContext, use: Use, call: SyntaxNode, stmt: SyntaxNode, made: Made): string | undefined {
  if (isClassBodyStatement(stmt)) return 'in a class body: the new name would become a class attribute';
  if (use.kind === 'statement' && use.why) return use.why;
  // Ex) `for key, group in groupby(rows(), f): return group`: the group reads the generator after the loop
  if (use.perItem) return `in a later \`for\` clause of a generator expression: each item makes its own ${made.iterator ? 'iterator' : 'generator'}, and the one left when the ${use.kind === 'loop' ? 'loop' : 'statement'} stops stays suspended; close each by hand (a loop with \`try\`/\`finally\`)`;
  if (use.lazyItems) return `\`${use.lazyItems}\` hands out groups that read the generator itself, lazily: one kept after the ${use.kind === 'loop' ? 'loop' : 'statement'} would be cut short by the close; close it by hand where no group is used any more`;
  // Ex) `for a, b in zip(Table(3), side("z")):`: `zip` calls `__iter__` once `side("z")` has run
  const beforeIter = made.viaIter ? runsBeforeIter(call, use.kind === 'loop' ? use.loop.childForFieldName('right')! : stmt) : undefined;
  if (beforeIter?.lazy) return `\`${preview(beforeIter.lazy.childForFieldName('function') ?? beforeIter.lazy)}()\` calls \`iter()\` on \`${display(call)}\` only when it gets to it: the generator is what \`__iter__\` makes then, and binding \`iter(${display(call)})\` ahead of the ${use.kind === 'loop' ? 'loop' : 'statement'} would call \`__iter__\` first (or where it was never called)`;
  if (beforeIter?.later) return `\`${preview(beforeIter.later)}\` runs after \`${display(call)}\` and before \`${preview(beforeIter.later.parent!.parent!.childForFieldName('function') ?? beforeIter.later)}\` iterates it: the generator is what \`__iter__\` makes then, and binding \`iter(${display(call)})\` ahead of the ${use.kind === 'loop' ? 'loop' : 'statement'} would call \`__iter__\` first`;
  if (use.kind === 'loop') {
    // Ex) `for a, x in zip(names, produce()): … else: done()`: CPython closed it before the `else:` ran.
    if (use.abandonedBy && use.loop.namedChildren.some((c) => c.type === 'else_clause')) {
      return `\`${use.abandonedBy}\` abandons it before the loop's \`else:\` runs: CPython closed it there, the fix would close it after the \`else:\``;
    }
    // Bound where it is made (`(gen := rows()) if c else [1]`), it is made in its place: nothing runs ahead of it
    return use.branch ? undefined : madeFirstReason(ctx, call, use.loop.childForFieldName('right')!, made);
  }
  const header = headerContextReason(use.top, stmt);
  if (header) return header;
  if (!isWrappableSimpleStatement(stmt)) return `${inStatementOf(stmt)}: withify closes generators used in assignments, expression statements and returns`;
  // Ex) `x = next(rows()) if d else None`: the use runs only when its branch does; bound where it is made (`:=`), the
  // generator is made in its place, and the run of branches itself must run once, whenever the statement runs
  const order = use.branch || use.run ? lazyContext(use.run ?? use.top, stmt) : madeFirstReason(ctx, call, stmt, made);
  // Ex) `next(os.scandir(p)).name`: closing the directory a moment later runs no code of the program
  return order ?? (made.iterator ? undefined : codeAfter(use, stmt));
}

/**
 * Why a generator made in a branch (`rows() if c else [1, 2]`, `c and rows()`, `rows() or [1]`) cannot be bound
 * where it is made, with `:=`, or `undefined`. Binding the whole expression ahead of the statement instead would
 * close what another branch gives (a user's object with a `close()` of its own, a shared generator), and telling the
 * branches apart after it would run the condition again.
 */
function branchReason(ctx: FileContext, use: Use, call: SyntaxNode, stmt: SyntaxNode, made: Made): string | undefined {
  const run = use.kind === 'statement' ? use.run : undefined;
  // Ex) `x = next(rows()) if d else None`: made ahead of the statement, it would be made when the branch does not run
  const where = use.branch ? `made inside \`${preview(use.branch.root)}\`` : `used inside \`${preview(run!)}\``;
  const instead = use.branch ? 'binding the whole expression ahead of the statement instead would close what another branch gives' : 'making it ahead of the statement instead would make it where the branch does not run';
  // Ex) `for r in (Table(n) if c else [])`: the generator is `iter(Table(n))`, which the loop makes after the choice
  if (made.viaIter && use.branch) return `\`${display(call)}\` is picked inside \`${preview(use.branch.root)}\`, and the generator is what iterating it makes, after the choice: binding \`iter(${display(call)})\` there would call \`__iter__\` earlier (and \`and\`/\`or\` would then test the generator, not the object)`;
  if (!versionAtLeast(ctx.target, [3, 8])) return walrusReason(ctx, where, instead);
  for (let child = call, p = call.parent; p && p.id !== stmt.id; child = p, p = p.parent) {
    // Ex) `any(x for x in (rows() if c else []))`: "assignment expression cannot be used in a comprehension iterable expression"
    if (p.type === 'for_in_clause' && p.childForFieldName('right')?.id === child.id) return `${where}, in a comprehension's iterable, where Python refuses the \`:=\` the fix binds it with (a SyntaxError); ${instead}`;
    // Ex) `x: next(rows() if c else it) = 1`: an annotation, not run under `from __future__ import annotations`
    if (p.type === 'assignment' && p.childForFieldName('type')?.id === child.id) return `${where}, in an annotation, where Python refuses the \`:=\` the fix binds it with`;
  }
  return undefined;
}

/** Uses whose value is a bool: `not` over them runs no code of the program. */
const BOOLEAN_USES = new Set(['any', 'all', 'in', 'not in']);

/**
 * Why code of `stmt` still runs after `use.top` is evaluated, or undefined. CPython closes the generator
 * the moment `use.top` finishes (its last reference goes); the fix closes it at the end of the statement.
 */
function codeAfter(use: Extract<Use, { kind: 'statement' }>, stmt: SyntaxNode): string | undefined {
  // Ex) `total = next(produce()) + side()`, `print(next(produce()))`: CPython ran the cleanup before `side()`.
  // Ex) `x = next(produce()) if d else None`: the value of the run is the use's; what follows the run follows the use
  const bool = BOOLEAN_USES.has(use.by);
  const later = codeRunAfter(resultRunOf(use.top, bool) ?? use.top, stmt, bool);
  if (!later) return undefined;
  // An async generator CPython lets go of is closed by a task its finalizer schedules, not at once.
  const before = use.by === 'anext' || use.by === '__anext__' ? 'CPython let go of the generator before it (and scheduled its `aclose()`)' : 'CPython closed the generator before it';
  return `\`${preview(later)}\` runs after \`${preview(use.top)}\`: ${before}, the fix would close it after`;
}

/**
 * The fix of a use in `stmt`: what `call` made, bound to a fresh name before the statement and closed after it
 * in `try`/`finally` (`with contextlib.closing(...)` with `--generator-style closing`). `undefined` where the
 * layout is one `planWrap` does not handle, or a line mixes tabs and spaces (`withLocalUnit`).
 */
function planFix(outer: FileContext, call: SyntaxNode, stmt: SyntaxNode, what: Made): { edits: Edit[]; title: string } | undefined {
  const isAsync = what.async;
  const ctx = withLocalUnit(outer, stmt);
  if (!ctx) return undefined;
  const { name, close } = closerOf(ctx, stmt, [{ gen: what }]);
  const source = ctx.source.slice(call.startIndex, call.endIndex);
  // Ex) `Feed(n).__aiter__()`: what `async for` calls (the builtin `aiter()` is new in 3.10)
  const made = what.viaIter ? (isAsync ? `${source}.__aiter__()` : `iter(${source})`) : source;
  const inner = [replaceNode(call, name)];
  // contextlib.aclosing is new in 3.10: below that, async generators always get try/finally.
  const closing = ctx.options.generatorStyle === 'closing' && (!isAsync || versionAtLeast(ctx.target, [3, 10]));
  if (closing) {
    const imported = planImportedName(ctx, stmt, 'contextlib', isAsync ? 'aclosing' : 'closing', 'module');
    // Ex) `sorted(globals())` in the module, `contextlib.py` beside it: `try`/`finally` instead, which imports nothing
    if (typeof imported !== 'string') {
      const header = `${isAsync ? 'async ' : ''}with ${imported.text}(${made}) as ${name}:`;
      const plan = planWrap(ctx, { first: stmt, last: stmt, header: [header], inner });
      if (plan) return { edits: [...plan.edits, ...imported.edits], title: `Wrap it in \`${isAsync ? 'async ' : ''}with ${imported.text}(...) as ${name}:\`` };
    }
  }
  const plan = planWrap(ctx, { first: stmt, last: stmt, header: [`${name} = ${made}`, 'try:'], footer: ['finally:', `${ctx.indentUnit}${close}`], inner });
  return plan ? { edits: plan.edits, title: `Close the ${what.iterator ? 'iterator' : 'generator'} in \`try/finally\` (\`${close}\`)` } : undefined;
}

/**
 * The fix of a use whose generators are made in branches (`for x in (rows() if c else [1, 2]):`): each bound where it
 * is made (`(gen := rows())`), so the condition runs once and in its place, and closed after the statement only if it
 * was made (`gen = None` ahead; what another branch gives is never closed). Always `try`/`finally`: a `with` header
 * would make the generator ahead of the choice. One name serves the generators of one run of branches (`Branch`).
 */
function planBranchFix(outer: FileContext, calls: readonly { call: SyntaxNode; gen: Made }[], stmt: SyntaxNode): { edits: Edit[]; title: string } | undefined {
  const ctx = withLocalUnit(outer, stmt);
  if (!ctx) return undefined;
  const { name, close, what } = closerOf(ctx, stmt, calls);
  const unit = ctx.indentUnit;
  const plan = planWrap(ctx, { first: stmt, last: stmt, header: [`${name} = None`, 'try:'], footer: ['finally:', `${unit}if ${name} is not None:`, `${unit}${unit}${close}`], inner: bindWhereMade(calls, name) });
  return plan ? { edits: plan.edits, title: `Bind the ${what} where it is made (\`${name} := …\`) and close it in \`try/finally\` if it was (\`${close}\`)` } : undefined;
}

/** A call of the file that makes a generator with cleanup (or an iterator of ITERATORS), and what it makes. */
interface MadeCall {
  call: SyntaxNode;
  gen: Made;
}

/** A variable bound to what a call made: `name = produce()` in the function (or module) `fn`. */
interface BoundGenerator {
  fn: number;
  name: string;
  stmt: SyntaxNode;
}

// Per tree: generator-close's check and tempdir-kept's (`generatorsBound`) read the same calls of a file.
const madeCallsMemo = new WeakMap<object, { index: GeneratorIndex | undefined; calls: MadeCall[] }>();

/** The `Fix.order` of a pass-through generator's own fix: after the fixes of every generator passed into it. */
const OUTER_LAST = 1000;

/** Where the file's module sits, as the index names it. */
function locationOf(ctx: FileContext): ModuleLocation {
  return { moduleName: moduleKey(ctx.path, ctx.moduleName), isPackage: isPackageFile(ctx.path) };
}

/**
 * The calls of the file that make a generator with cleanup, in document order (outer first), with the index
 * they were resolved in. Ex) `for x in produce():`, `next(store.rows())`, `p()` after `from m import produce as
 * p`, `next(os.scandir(p))`, `Table(n)` whose `__iter__` is such a generator (`viaIter`).
 */
function madeCalls(ctx: FileContext): { index: GeneratorIndex | undefined; calls: MadeCall[] } {
  let found = madeCallsMemo.get(ctx.tree);
  if (found) return found;
  const loc = locationOf(ctx);
  const index = indexFor(ctx, loc);
  // (Every generator's short name is in generatorShortNames, kept per index: no list of a project's thousands of keys per file.)
  const generators = index ? generatorShortNames(index) : undefined;
  const iterators = ITERATOR_WORDS.some((w) => ctx.source.includes(w));
  const calls: MadeCall[] = [];
  if (iterators || generators?.size) {
    for (const call of callsNamed(ctx, iterators ? withIterators(generators) : generators!)) {
      const via: { imported?: string } = {};
      const target = callTarget(ctx.names, call, loc, via);
      // (`os.scandir()`'s iterator has `close()` from Python 3.6: before it, nothing to call)
      let gen: Made | undefined = !target ? undefined : ITERATORS.has(target) ? (versionAtLeast(ctx.target, [3, 6]) ? { key: target, async: false, iterator: true } : undefined) : index ? resolveGenerator(index, target, via.imported) : undefined;
      // Ex) `for r in Table(n): return r`, where `Table.__iter__` is a generator with cleanup: iterating the object
      // makes it (not `next(Table(n))`, which calls `__next__`, nor `x in Table(n)`, which may call `__contains__`)
      if (!gen && target && index) {
        const own = resolveGenerator(index, `${target}.__iter__`, via.imported);
        // Ex) `async for r in Feed(n): break`, where `Feed.__aiter__` is an async generator with cleanup
        const ownAsync = own ? undefined : resolveGenerator(index, `${target}.__aiter__`, via.imported);
        if (own && !own.async) gen = { ...own, viaIter: true };
        else if (ownAsync?.async) gen = { ...ownAsync, viaIter: true };
      }
      if (gen) calls.push({ call, gen });
    }
  }
  found = { index, calls };
  madeCallsMemo.set(ctx.tree, found);
  return found;
}

/**
 * Every `name = produce()` of the file whose call makes a generator with cleanup (or an os.scandir iterator), for
 * `aheadNote`: a kept generator's `try` (here) or tempdir-kept's `with tmp:` closes its value before CPython would
 * have dropped one bound earlier in the function. (An object whose `__iter__` is one is no generator until
 * iterated: not counted.)
 */
export function generatorsBound(ctx: FileContext): BoundGenerator[] {
  const { calls } = madeCalls(ctx);
  const made = calls.map((c) => c.call);
  // (Not one a later statement of its block closes, deletes or returns: `del gs`, `return p`)
  return calls.flatMap(({ call, gen }) => boundAt(ctx, call, gen, made)).filter((b) => !closedInBlock(b.stmt, b.name));
}

/** What keeps the generator `call` makes, bound in its function (`generatorsBound`). */
function boundAt(ctx: FileContext, call: SyntaxNode, gen: Made, made: readonly SyntaxNode[]): BoundGenerator[] {
  if (gen.viaIter) return [];
  // Ex) `a = rows(1) if c else []`, `a = zip(rows(1), names) if c else []`: `a` holds it to the end of the function
  // when its branch made it (as `check` keeps it: `branchedValue`)
  const branched = branchedValue(ctx, call, gen, made);
  const named = nameAssignment(heldValue(branched?.branch, branched?.wrapped?.node) ?? call);
  if (named) return [{ fn: functionOrModuleOf(named.stmt).id, name: named.target.text, stmt: named.stmt }];
  // Ex) `it = islice(rows(), 2)`, `a, b = tee(rows())`: the names hold the generator through the wrapper
  const wrapped = gen.async ? undefined : wrapperAround(ctx, call);
  const held = wrapped?.tee ? namesAssignment(wrapped.node) : wrapped && nameAssignment(wrapped.node);
  if (!held) {
    // Ex) `pending = (x for x in consumer(s))`, `gs = [consumer(s)]`, `d["g"] = (consumer(s), 1)`: a display or a
    // generator expression the statement binds holds it (by the target's first name)
    // (`for a in (relay_from(rows()),):`: the pass-through around it, held by the loop's target)
    const inside = heldInDisplay(call) ?? (wrapped ? heldInDisplay(wrapped.node) : undefined) ?? heldByStatement(ctx, call, gen);
    return inside ? [{ fn: functionOrModuleOf(inside.stmt).id, name: inside.name, stmt: inside.stmt }] : [];
  }
  const name = 'targets' in held ? held.targets.map((t) => t.text).join(', ') : held.target.text;
  return [{ fn: functionOrModuleOf(held.stmt).id, name, stmt: held.stmt }];
}

/**
 * Any other statement that may keep what `call` makes past itself, when no use withify follows drops it there:
 * `gs.append(rows())`, `gs += [rows()]`, `(gs := [rows()])`, `gs = [rows(i) for i in n]`, `x = [] + [rows()]`,
 * `p = (x for x in enumerate(rows()))`: by the target's first name, or the receiver of a storing method on a list the
 * function made (`print(rows())` keeps nothing).
 */
function heldByStatement(ctx: FileContext, call: SyntaxNode, gen: Made): { name: string; stmt: SyntaxNode } | undefined {
  if (useOf(ctx, call, gen.async)) return undefined;
  // (Not one read to its end at once: `x = list(rows())`, `[r for r in rows()]`)
  const outer = argumentOf(outerParens(call));
  if (outer && READS_TO_END.has(calleeName(ctx.names, outer) ?? '')) return undefined;
  const at = outerParens(call).parent;
  if (at && isFirstIterable(at, outerParens(call)) && at.parent?.type !== 'generator_expression') return undefined;
  const stmt = enclosingStatement(call);
  if (stmt?.type !== 'expression_statement') return undefined;
  // (Not inside a lambda or a nested function: made when that runs)
  for (let p = call.parent; p && p.id !== stmt.id; p = p.parent) if (p.type === 'lambda' || p.type === 'function_definition') return undefined;
  const top = stmt.namedChildren.find((c) => !isExtra(c));
  // Ex) `gs = [rows(i) for i in n]`, `x = [] + [rows()]`, `gs += [rows()]`: by the target's first name
  if (top?.type === 'assignment' || top?.type === 'augmented_assignment') {
    const left = top.childForFieldName('left');
    const first = left?.type === 'identifier' ? left : left?.descendantsOfType('identifier')[0];
    return first && within(call, top.childForFieldName('right')) ? { name: first.text, stmt } : undefined;
  }
  // Ex) `gs.append(rows())`, `gs.extend([rows()])` on a list the function made
  if (top?.type === 'call') {
    const fn = top.childForFieldName('function');
    return storingReceiver(ctx, top, fn?.type === 'attribute' ? fn.childForFieldName('object') : undefined, stmt);
  }
  return undefined;
}

/** Displays and expressions that hold what they are made of (a generator expression: the iterable of its first `for`). */
const HOLDERS = new Set(['parenthesized_expression', 'list', 'tuple', 'set', 'dictionary', 'pair', 'expression_list', 'conditional_expression']);

/**
 * The statement and first target name of an assignment whose value holds `call` through displays and generator
 * expressions only (`gs = [rows(1)]`, `p = (x for x in rows(1))`); `undefined` through a call, a lambda, a comprehension
 * that runs at once, or in any other statement.
 */
function heldInDisplay(call: SyntaxNode): { name: string; stmt: SyntaxNode } | undefined {
  let cur = call;
  for (let p = cur.parent; p; cur = p, p = p.parent) {
    if (HOLDERS.has(p.type)) continue;
    if (p.type === 'for_in_clause' && p.childForFieldName('right')?.id === cur.id && p.parent?.type === 'generator_expression' && p.parent.namedChildren.find((c) => c.type === 'for_in_clause')?.id === p.id) {
      p = p.parent;
      cur = p;
      if (!p.parent) return undefined;
      continue;
    }
    // Ex) `if (gs := [rows()]):`
    if (p.type === 'named_expression' && p.childForFieldName('value')?.id === cur.id) {
      const stmt = enclosingStatement(p);
      const name = p.childForFieldName('name')?.text;
      return stmt && name ? { name, stmt } : undefined;
    }
    // Ex) `for a in [fin("a")]:` / `next(a)`: the loop's target keeps the last item after the loop, to the end of the
    // function (`cur` a display: a generator as the iterable itself is the loop's own use)
    if (p.type === 'for_statement' && p.childForFieldName('right')?.id === cur.id && cur.id !== call.id) {
      const left = p.childForFieldName('left');
      const base = left?.type === 'identifier' ? left : left?.descendantsOfType('identifier')[0];
      return base ? { name: base.text, stmt: p } : undefined;
    }
    if (p.type !== 'assignment' || p.childForFieldName('right')?.id !== cur.id || p.parent?.type !== 'expression_statement') return undefined;
    const left = p.childForFieldName('left');
    const base = left?.type === 'identifier' ? left : left?.descendantsOfType('identifier')[0];
    return base ? { name: base.text, stmt: p.parent } : undefined;
  }
  return undefined;
}

/**
 * Every `name = open(p)` (any resource of the catalog: a file, a socket, a temporary directory) of the file that its
 * function does not close by hand (`name.close()`, `with name`, `del name`), for `aheadNote` as `generatorsBound`: a
 * frame's variables go in their order, so CPython closed a file bound ahead of a kept generator before it closed the
 * generator (flushed before the generator's cleanup read it back). Not one the kept generator's call reads (`it =
 * lines(f)`): the generator holds it, and lets go of it only as it is closed, in either order.
 */
export function resourcesBound(ctx: FileContext): BoundGenerator[] {
  return heldResources(ctx).filter((r) => !closedInBlock(r.stmt, r.name));
}

/** A resource bound to a name (`heldResources`), and where a later statement of its block first closes it. */
interface HeldResource extends BoundGenerator {
  /** The start of the first later statement of its block that closes or hands it off (`closedNamesIn`); Infinity if none. */
  closedAt: number;
}

// Per tree: the resources bound to names (`heldBy`), and where each is first closed (`heldNote`).
const heldResourcesCache = new WeakMap<object, HeldResource[]>();

function heldResources(ctx: FileContext): HeldResource[] {
  const cached = heldResourcesCache.get(ctx.tree);
  if (cached) return cached;
  const out: HeldResource[] = [];
  for (const c of ctx.tree.rootNode.descendantsOfType('call')) {
    if (!(resourceOf(ctx, c) || calleeName(ctx.names, c) === 'tempfile.TemporaryDirectory')) continue;
    const held = heldBy(ctx, c);
    if (!held) continue;
    out.push({ fn: functionOrModuleOf(held.stmt).id, name: held.name, stmt: held.stmt, closedAt: firstClose(held.stmt, held.name) });
  }
  heldResourcesCache.set(ctx.tree, out);
  return out;
}

/** The start of the first statement of `stmt`'s block after it that closes or hands off `name`; Infinity if none. */
function firstClose(stmt: SyntaxNode, name: string): number {
  if (!stmt.parent) return Infinity;
  const { index, closes } = blockCloses(stmt.parent);
  const from = index.get(stmt.id);
  if (from === undefined) return Infinity;
  const sibs = stmt.parent.namedChildren.filter((c) => !isExtra(c));
  for (let k = from + 1; k < closes.length; k++) if (closes[k]!.has(name)) return sibs[k]!.startIndex;
  return Infinity;
}

/** True when a statement of `r`'s block after it, and before `stmt`, closes or hands off `r.name` (`closedNamesIn`, a `try`'s `finally:`). */
function closedBetween(r: HeldResource, stmt: SyntaxNode): boolean {
  return r.closedAt < stmt.startIndex;
}

/**
 * The name and statement that keep what the resource call `c` makes: `f = open(p)`, `f, g = open(p), open(q)`, `(f :=
 * open(p))`, `fs = [open(p), open(q)]` (the target's first name); `undefined` for a temporary, a `with` item, an
 * argument.
 */
function heldBy(ctx: FileContext, c: SyntaxNode): { name: string; stmt: SyntaxNode } | undefined {
  let cur = outerParens(c);
  // Ex) `log = open(p, "w").__enter__()`: the file itself
  while (cur.parent?.type === 'attribute' && cur.parent.childForFieldName('attribute')?.text === '__enter__' && cur.parent.parent?.type === 'call') cur = outerParens(cur.parent.parent);
  for (let p = cur.parent; p; cur = p, p = p.parent) {
    if (p.type === 'named_expression' && p.childForFieldName('value')?.id === cur.id) {
      const name = p.childForFieldName('name')?.text;
      const stmt = enclosingStatement(p);
      return name && stmt ? { name, stmt } : undefined;
    }
    // Ex) `files += [open(p, "w")]` on a list the function made
    if (p.type === 'augmented_assignment' && p.childForFieldName('right')?.id === cur.id) {
      const left = p.childForFieldName('left');
      const stmt = enclosingStatement(p);
      const made = left?.type === 'identifier' && (ctx.names.bindings(functionOrModuleOf(p)).get(left.text) ?? []).some((b) => b.kind === 'assign');
      return made && stmt ? { name: left!.text, stmt } : undefined;
    }
    if (p.type === 'assignment' && p.childForFieldName('right')?.id === cur.id) {
      const left = p.childForFieldName('left');
      // Ex) `f, g = open(a), open(b)`, `[f, g] = [open(a), open(b)]`: the target at the call's place; any other target
      // (`d["f"] = open(a)`, `o.f = open(a)`, an unpacking of another shape) by its first name, which holds it
      const items = (n: SyntaxNode | null | undefined) => (n?.namedChildren ?? []).filter((x) => !isExtra(x));
      const unpacks = left?.type === 'pattern_list' || left?.type === 'tuple_pattern' || left?.type === 'list_pattern';
      const at = unpacks && (cur.type === 'expression_list' || cur.type === 'tuple' || cur.type === 'list') && items(cur).length === items(left).length ? items(cur).findIndex((x) => x.startIndex <= c.startIndex && c.endIndex <= x.endIndex) : -1;
      const placed = at >= 0 ? items(left)[at] : undefined;
      const stmt = enclosingStatement(p);
      if (!stmt || !left) return undefined;
      // (`f = g = open(p)`, `(f, g), h = …`, `f, *rest = …`: which name keeps it, and whether a later statement closes
      // every one, is not followed: by the whole target, which no statement closes)
      if (p.parent?.type === 'assignment' || p.childForFieldName('right')?.type === 'assignment') return { name: stmt.text, stmt };
      if (left.type === 'identifier') return { name: left.text, stmt };
      if (placed?.type === 'identifier') return { name: placed.text, stmt };
      if (unpacks) return { name: left.text, stmt };
      // Ex) `d["f"] = open(p)`, `o.f = open(p)`, `self.f = open(p)`: by the container. (One the function was given may
      // be a temporary only its frame holds, `Exporter().run(p)`, which CPython 3.11+ drops with the frame's variables.)
      // (By the target's text, `self.out`: no close of it counts, the attribute may hold another object by then)
      return left.type === 'attribute' || left.type === 'subscript' ? { name: targetName(left), stmt } : undefined;
    }
    // Ex) `out = open(p, "w") if p != "-" else sys.stdout`: the branch's value (not the condition's);
    // `log = path and open(p, "w")`
    if (p.type === 'conditional_expression' && p.namedChildren.filter((x) => !isExtra(x))[1]?.id !== cur.id) continue;
    if (p.type === 'boolean_operator') continue;
    // Ex) `w = csv.writer(open(p, "w"))`, `h = logging.StreamHandler(open(p, "w"))`, `logs.append(open(p, "w"))`: a
    // call that may keep what it is given (any but a consumer of the list that is done with it when it returns)
    const args = p.type === 'keyword_argument' && p.childForFieldName('value')?.id === cur.id ? p.parent : p;
    if (args?.type === 'argument_list' && args.parent?.type === 'call') {
      const call = args.parent;
      const name = calleeName(ctx.names, call) ?? '';
      const eager = consumerOf(ctx, call)?.kind === 'eager' && !KEEPS_WHAT_IT_IS_GIVEN.has(name) && !WRAPPERS.has(name);
      if (!eager) {
        // (A statement that only calls it: by the receiver of a method, `logs` of `logs.append(…)`)
        const stmt = enclosingStatement(call);
        const fn = call.childForFieldName('function');
        const receiver = fn?.type === 'attribute' ? fn.childForFieldName('object') : undefined;
        if (stmt?.type === 'expression_statement' && outerParens(call).parent?.id === stmt.id) {
          return storingReceiver(ctx, call, receiver, stmt);
        }
        p = call;
        continue;
      }
    }
    // (Through the displays and parentheses that hold it: `[open(p), open(q)]`, `(open(p), 1)`)
    if (p.type !== 'list' && p.type !== 'tuple' && p.type !== 'set' && p.type !== 'expression_list' && p.type !== 'parenthesized_expression' && p.type !== 'pair' && p.type !== 'dictionary') return undefined;
  }
  return undefined;
}

/** Calls that keep what they are given in what they return (a reader, a writer; the lazy wrappers are `WRAPPERS`): `rows(csv.writer(f))`. */
const KEEPS_WHAT_IT_IS_GIVEN: ReadonlySet<string> = new Set(['csv.reader', 'csv.writer', 'csv.DictReader', 'csv.DictWriter', 'io.TextIOWrapper', 'io.BufferedReader', 'io.BufferedWriter', 'io.BufferedRandom']);

/** The statements of a block (or of the block of a clause). */
function statementsOf(n: SyntaxNode | null): SyntaxNode[] {
  const block = n?.type === 'block' ? n : n?.namedChildren.find((c) => c.type === 'block');
  return (block?.namedChildren ?? []).filter((c) => !isExtra(c));
}

/**
 * The names a statement closes or hands off, read from its tree: `name.close()` (`await name.aclose()`) as the whole
 * statement, `with name:` / `with closing(name):` (its first item), `stack.enter_context(name)` of a stack a `with`
 * around it entered, `return name` / `return a, name` (a returned element, not an argument: `return fmt(x, f)`),
 * `del name` where the function only calls methods on `name` (no other name holds it). Not a close in a conditional
 * expression or an `and`/`or` (`f.close() if c else None`): a branch.
 */
function closedNamesIn(st: SyntaxNode): string[] {
  const bare = (n: SyntaxNode | null | undefined): SyntaxNode | undefined => {
    let cur = n ?? undefined;
    while (cur?.type === 'parenthesized_expression') cur = cur.namedChildren.find((c) => !isExtra(c));
    return cur;
  };
  const awaited = (n: SyntaxNode | undefined) => (n?.type === 'await' ? bare(n.namedChildren.find((c) => !isExtra(c))) : n);
  if (st.type === 'expression_statement') {
    const items = st.namedChildren.filter((c) => !isExtra(c));
    if (items.length !== 1) return [];
    let e = awaited(bare(items[0]));
    // Ex) `cm = stack.enter_context(f)` (not `raw = f.detach()`, which keeps what it detaches)
    const assigned = e?.type === 'assignment' && e.childForFieldName('left')?.type === 'identifier';
    if (assigned) e = awaited(bare(e!.childForFieldName('right')));
    if (e?.type !== 'call') return [];
    const fn = e.childForFieldName('function');
    if (fn?.type !== 'attribute') return [];
    const attr = fn.childForFieldName('attribute')?.text ?? '';
    const obj = bare(fn.childForFieldName('object'));
    // (Not `self.log.close()`, `d[i].close()`: the attribute or item may hold another object by then)
    if (/^(?:a?close|cleanup|__exit__|__aexit__|detach)$/.test(attr)) return !assigned && obj?.type === 'identifier' ? [obj.text] : [];
    if (attr === 'enter_context' || attr === 'enter_async_context') {
      const args = (e.childForFieldName('arguments')?.namedChildren ?? []).filter((c) => !isExtra(c));
      const arg = args.length === 1 ? bare(args[0]) : undefined;
      // (A stack the function was given, or one a `with` around entered: not a local one nothing closes, which the
      // frame drops with the file)
      return arg?.type === 'identifier' && obj?.type === 'identifier' && (enteredAround(st, obj.text) || isParameterOf(st, obj.text)) ? [arg.text] : [];
    }
    return [];
  }
  if (st.type === 'with_statement') {
    const item = st.descendantsOfType('with_item')[0];
    let value = bare(item?.childForFieldName('value'));
    if (value?.type === 'as_pattern') value = bare(value.namedChildren[0]);
    if (value?.type === 'call' && /(?:^|\.)closing$/.test(value.childForFieldName('function')?.text ?? '')) {
      const args = (value.childForFieldName('arguments')?.namedChildren ?? []).filter((c) => !isExtra(c));
      value = args.length === 1 ? bare(args[0]) : undefined;
    }
    return value?.type === 'identifier' ? [value.text] : [];
  }
  if (st.type === 'return_statement') {
    const value = bare(st.namedChildren.find((c) => !isExtra(c)));
    if (!value) return [];
    const parts = value.type === 'expression_list' || value.type === 'tuple' ? value.namedChildren.filter((c) => !isExtra(c)).map(bare) : [value];
    return parts.filter((x): x is SyntaxNode => x?.type === 'identifier').map((x) => x.text);
  }
  if (st.type === 'delete_statement') {
    const target = st.namedChildren.find((c) => !isExtra(c));
    const parts = target?.type === 'expression_list' ? target.namedChildren.filter((c) => !isExtra(c)).map(bare) : [bare(target)];
    return parts.filter((x): x is SyntaxNode => x?.type === 'identifier' && onlyMethodsCalled(st, x.text)).map((x) => x.text);
  }
  return [];
}

/** True when `name` is a parameter of `st`'s function that the function never binds again. */
function isParameterOf(st: SyntaxNode, name: string): boolean {
  const fn = functionOrModuleOf(st);
  if (fn.type !== 'function_definition') return false;
  const params = fn.childForFieldName('parameters')?.namedChildren ?? [];
  const named = params.some((c) => (c.type === 'identifier' ? c.text : (c.childForFieldName('name') ?? c.namedChildren.find((x) => x.type === 'identifier'))?.text) === name);
  return named && !statementsBinding(fn, name);
}

/** True when some statement of `fn`'s body binds `name` (`name = …`, `for name in`, `with … as name`, `del name`). */
function statementsBinding(fn: SyntaxNode, name: string): boolean {
  const body = fn.childForFieldName('body');
  return !!body && identifiersNamed(body, name).some((id) => {
    const p = id.parent;
    if (!p) return false;
    if ((p.type === 'assignment' || p.type === 'augmented_assignment' || p.type === 'for_statement') && p.childForFieldName('left')?.id === id.id) return true;
    return p.type === 'as_pattern_target' || p.type === 'delete_statement' || p.type === 'pattern_list' || p.type === 'tuple_pattern';
  });
}

/** True when a `with` around `st` in its function binds `name` (`with ExitStack() as name:`). */
function enteredAround(st: SyntaxNode, name: string): boolean {
  const fn = functionOrModuleOf(st);
  for (let p = st.parent; p && p.id !== fn.id; p = p.parent) {
    if (p.type !== 'with_statement') continue;
    for (const item of p.descendantsOfType('with_item')) {
      const v = item.childForFieldName('value');
      if (v?.type === 'as_pattern' && v.descendantsOfType('as_pattern_target')[0]?.text === name) return true;
    }
  }
  return false;
}

/**
 * True when every read of `name` in `st`'s function, but `st`'s own, calls a method on it (`f.write(…)`) or binds it:
 * no other name, container or call holds what it holds, so `del name` lets go of the last reference.
 */
function onlyMethodsCalled(st: SyntaxNode, name: string): boolean {
  const fn = functionOrModuleOf(st);
  return !namesHeldElsewhere(fn).has(name);
}

/**
 * The names `fn`'s body reads other than by calling a method on them, by deleting or by binding them (`out = f`,
 * `keep(f)`, `same = f.__enter__()`): read once per function (700 `del f…` in one function each walked its body).
 */
function namesHeldElsewhere(fn: SyntaxNode): Set<string> {
  return memoized(methodsOnlyCache, fn.tree, fn.id, () => {
    const out = new Set<string>();
    const body = fn.type === 'module' ? fn : fn.childForFieldName('body');
    if (!body) return out;
    for (const id of body.descendantsOfType('identifier')) {
      const p = id.parent;
      if (!p || p.type === 'delete_statement' || p.parent?.type === 'delete_statement') continue;
      if (p.type === 'attribute') {
        // (The attribute's own name is no read of a variable)
        if (p.childForFieldName('attribute')?.id === id.id) continue;
        if (p.parent?.type === 'call' && p.parent.childForFieldName('function')?.id === p.id && p.childForFieldName('attribute')?.text !== '__enter__') continue;
      }
      if (p.type === 'assignment' && p.childForFieldName('left')?.id === id.id) continue;
      if (p.type === 'keyword_argument' && p.childForFieldName('name')?.id === id.id) continue;
      out.add(id.text);
    }
    return out;
  });
}

// Per tree, by function: `namesHeldElsewhere`.
const methodsOnlyCache = new WeakMap<object, Map<number, Set<string>>>();

/** Methods that keep what they are given in their receiver: `logs.append(open(p))`. */
const STORING_METHODS: ReadonlySet<string> = new Set(['append', 'appendleft', 'extend', 'extendleft', 'insert', 'add', 'put', 'put_nowait', 'setdefault', 'update', 'push']);

/**
 * The holder of what `call`'s arguments make when `call` is a whole statement: `logs.append(…)` stores it in `logs`,
 * when the function made `logs` (one it was given, a parameter, `self`, outlives the frame: the caller keeps it). Any
 * other call as a statement (`print(rows())`, `mylib.save(d, open(p, "w"))`) drops what it was given, or keeps it
 * where withify cannot see: no holder.
 */
function storingReceiver(ctx: FileContext, call: SyntaxNode, receiver: SyntaxNode | null | undefined, stmt: SyntaxNode): { name: string; stmt: SyntaxNode } | undefined {
  const method = call.childForFieldName('function')?.childForFieldName('attribute')?.text ?? '';
  if (!receiver || receiver.type !== 'identifier' || !STORING_METHODS.has(method)) return undefined;
  const made = (ctx.names.bindings(functionOrModuleOf(stmt)).get(receiver.text) ?? []).some((b) => b.kind === 'assign');
  return made ? { name: receiver.text, stmt } : undefined;
}

/** The name `heldBy` and `closedNamesIn` give a target: its text without blanks (`f`, `self.log`, `d["f"]`). */
function targetName(n: SyntaxNode): string {
  return n.type === 'identifier' ? n.text : n.text.replace(/\s+/g, '');
}

/** Per sibling of a block: the names it closes (`closedNamesIn`, a `try`'s `finally:` too), and for one that leaves on
 * the way (`return`, `raise`, `break`, `continue`), the names every such leave's block closed before it. */
interface BlockCloses {
  index: Map<number, number>;
  closes: Set<string>[];
  leaves: (Set<string> | null)[];
}

// Per tree, per block: each resource of a block of 2,000 asked for the same statements after it (one read).
const blockClosesCache = new WeakMap<object, Map<number, BlockCloses>>();

function blockCloses(block: SyntaxNode): BlockCloses {
  return memoized(blockClosesCache, block.tree, block.id, () => {
    const index = new Map<number, number>();
    const closes: Set<string>[] = [];
    const leaves: (Set<string> | null)[] = [];
    const scope = functionOrModuleOf(block);
    const closedBefore = (r: SyntaxNode) => new Set(statementsOf(r.parent).filter((st) => st.endIndex <= r.startIndex).flatMap((st) => closedNamesIn(st)));
    for (const sib of block.namedChildren) {
      if (isExtra(sib)) continue;
      index.set(sib.id, closes.length);
      const names = new Set(closedNamesIn(sib));
      // Ex) `try: …` / `finally: f.close()`
      if (sib.type === 'try_statement') for (const c of sib.namedChildren) if (c.type === 'finally_clause') for (const st of statementsOf(c)) for (const n of closedNamesIn(st)) names.add(n);
      closes.push(names);
      // (Not a `break` or `continue` of a loop inside the statement: it stays in it)
      const out = sib.descendantsOfType(['return_statement', 'raise_statement', 'break_statement', 'continue_statement']).filter((r) => functionOrModuleOf(r).id === scope.id && !jumpStaysIn(r, sib));
      let ok: Set<string> | null = null;
      for (const r of out) {
        const here = closedBefore(r);
        const was: Set<string> | null = ok;
        ok = was ? new Set([...was].filter((n: string) => here.has(n))) : here;
      }
      leaves.push(ok);
    }
    return { index, closes, leaves };
  });
}

/**
 * True when a later statement of `stmt`'s own block closes or hands off `name` on every path from there (`blockCloses`):
 * a `return`, `raise`, `break` or `continue` on the way leaves before the close on that path, unless its block closed
 * it first (`if stop: f.close(); return x`).
 */
function closedInBlock(stmt: SyntaxNode, name: string): boolean {
  if (!stmt.parent) return false;
  const { index, closes, leaves } = blockCloses(stmt.parent);
  const from = index.get(stmt.id);
  if (from === undefined) return false;
  for (let k = from + 1; k < closes.length; k++) {
    if (closes[k]!.has(name)) return true;
    const ok = leaves[k];
    if (ok && !ok.has(name)) return false;
  }
  return false;
}

function check(ctx: FileContext): Finding[] {
  const { index, calls } = madeCalls(ctx);
  if (!calls.length) return [];
  const findings: Finding[] = [];
  // The kept generators a fix closes at the end of the function.
  const keptFixes: { at: number; kept: Kept; call: SyntaxNode; gen: Made }[] = [];
  // The name each kept wrapper's fix makes its generator apart under (`planKeptWrapperFix`), by call.
  const madeApart = new Map<number, string>();
  // Every call that makes a generator with cleanup (or an iterator of ITERATORS): a kept wrapper may hold two.
  const made = calls.map((c) => c.call);
  // The uses whose generators are made in branches (`rows() if c else [1]`), by statement and run of branches.
  const branched = new Map<string, { stmt: SyntaxNode; uses: { call: SyntaxNode; gen: Made; at: number; released?: string }[] }>();
  // The generators kept in a variable through a branch (`it = rows() if c else []`), by assignment.
  const keptBranched = new Map<number, { kept: Kept; uses: { call: SyntaxNode; gen: Made; at: number }[] }>();
  // The calls a generator's use went through as a pass-through generator function's argument (`passesThrough`).
  const passed: SyntaxNode[] = [];
  // The pass-through call each generator went into first (`pairs(…)` of `pairs(lines("a"), lines("b"))`).
  const passedInto = new Map<number, SyntaxNode>();
  // The statement each use's fix wraps.
  const stmtOf = new Map<number, SyntaxNode>();
  for (const { call, gen } of calls) {
    const went = passed.length;
    let use = useOf(ctx, call, gen.async, passed);
    if (passed.length > went) passedInto.set(call.id, passed[went]!);
    if (gen.viaIter && (!use || passed.length > went || (use.kind === 'statement' && (gen.async || use.by === 'next' || use.by === 'in' || use.by === 'not in')))) continue;
    // Ex) `it = rows(p) if c else []` … `for r in it: break`: kept as `it = rows(p)` is, but only if its branch ran
    // Ex) `it = islice(rows(p), 2) if c else []`, `it = islice(rows(p) if c else [], 2)`: through a lazy wrapper
    const { branch, wrapped, partner } = (use ? undefined : branchedValue(ctx, call, gen, made)) ?? {};
    if (branch) {
      const kept = keptGenerator(ctx, call, gen.async, wrapped, false, branch);
      const nested = kept ? undefined : keptGenerator(ctx, call, gen.async, wrapped, true, branch);
      if (kept) {
        const base: Finding = { id: ID, code: CODE, message: `\`${kept.name} = ${preview(keptValue(kept))}\`: ${kept.how}, and ${pending(gen)}`, start: call.startIndex, end: kept.end };
        // Ex) `pairs = zip(rows(1), rows(2)) if c else []` … `for p in pairs: break`: CPython closed both as the
        // function dropped `pairs`; a name bound where each is made would be one fix per generator in one branch
        const reads = partner && partner.startIndex <= call.startIndex && call.endIndex <= partner.endIndex;
        const reason = partner
          ? `${reads ? `\`${display(partner)}\` reads \`${display(call)}\` and has cleanup of its own` : `\`${preview(wrapped!.node)}\` also holds \`${preview(partner)}\``}: the fix for a generator kept through a branch binds one generator where it is made, and cannot close both; close them by hand`
          : patchedReason(gen) ?? overriddenReason(ctx, call, index, gen) ?? kept.why;
        if (!partner) {
          const group = keptBranched.get(kept.stmt.id) ?? { kept, uses: [] };
          group.uses.push({ call, gen, at: findings.length });
          keptBranched.set(kept.stmt.id, group);
          keptFixes.push({ at: findings.length, kept, call, gen });
        }
        findings.push(reason ? { ...base, reason } : base);
      } else if (nested) findings.push(nestedFinding(ctx, call, nested, gen));
      else if (!wrapped) {
        const looped = keptInLoop(ctx, branch);
        if (looped) findings.push(loopedFinding(call, looped.name, gen, branch));
      }
      continue;
    }
    if (!use) {
      // Ex) `it = rows(p)` … `for r in it: break`
      // Ex) `it = islice(rows(p), 2)` … `for r in it:`: the wrapper is kept, the generator inside it abandoned
      const wrapped = gen.async || gen.viaIter ? undefined : wrapperAround(ctx, call);
      const kept = keptGenerator(ctx, call, gen.async) ?? (wrapped ? keptGenerator(ctx, call, false, wrapped) : undefined);
      if (kept) {
        keptFixes.push({ at: findings.length, kept, call, gen });
        findings.push(keptFinding(ctx, call, kept, gen, index, madeApart));
      }
      else {
        // Ex) `if c:` / `it = rows(3)` / `next(it)`, or a `with` another fix wrote around it: reported
        const nested = keptGenerator(ctx, call, gen.async, undefined, true) ?? (wrapped ? keptGenerator(ctx, call, false, wrapped, true) : undefined);
        if (nested) {
          findings.push(nestedFinding(ctx, call, nested, gen));
          continue;
        }
        // Ex) `for j in js: it = parsed(rows(j))` / `next(it)`: through a pass-through or a lazy wrapper kept in the loop
        const looped = keptInLoop(ctx, call);
        const loopedWrapper = looped || !wrapped ? undefined : keptInLoop(ctx, wrapped.node);
        if (looped) findings.push(loopedFinding(call, looped.name, gen));
        else if (loopedWrapper) findings.push(loopedFinding(call, loopedWrapper.name, gen, undefined, wrapped!.node));
      }
      continue;
    }
    const what = display(call);
    // Ex) `next(parsed(lines(p)))`: the use stops reading `parsed(…)`, which reads `lines(p)`
    const via = passed.length > went ? passed[passed.length - 1] : undefined;
    const read = via ? `\`${display(via)}\`, which reads \`${what}\`,` : `\`${what}\``;
    let message: string;
    let stmt: SyntaxNode | undefined;
    if (use.kind === 'loop') {
      const exit = use.abandonedBy ? undefined : earlyExit(use.loop);
      const how = use.abandonedBy ? `\`${use.abandonedBy}\` stops reading it early` : exit ? `the loop can leave early (\`${exit}\`)` : ctx.options.allLoops ? 'an exception in the loop body would abandon it' : undefined;
      if (!how) continue;
      message = `\`${startsAsync(use.loop) ? 'async ' : ''}for … in ${via ? display(via) : what}\`${via ? ` reads \`${what}\`` : ''}: ${how}, and ${pending(gen)}`;
      stmt = use.loop;
    } else {
      message = gen.iterator
        ? `\`${use.by}\` stops reading ${read} early: ${pending(gen)}`
        : `\`${use.by}\` stops reading ${read} early: its pending \`finally\`/\`with\` exit runs only when PyPy's GC collects it`;
      stmt = enclosingStatement(use.top);
    }
    const base: Finding = { id: ID, code: CODE, message, start: call.startIndex, end: call.endIndex };
    if (!stmt) continue;
    stmtOf.set(call.id, stmt);
    // Ex) `x = next(rows()) if d else None`, `y = d and next(rows())`: the use runs only when its branch does
    const run = use.kind === 'statement' ? branchOfUse(use.top, stmt) : undefined;
    if (run && use.kind === 'statement') use = { ...use, run };
    // Ex) `class Cached(Store): def rows(self): return [...]`: `self.rows()` may return a list, which has no `close()`.
    const reason = patchedReason(gen) ?? overriddenReason(ctx, call, index, gen) ?? iterShadowedReason(ctx, gen, stmt) ?? whyNotFixable(ctx, use, call, stmt, gen) ?? (use.branch || run ? branchReason(ctx, use, call, stmt, gen) : undefined);
    if (reason) {
      findings.push({ ...base, reason });
      continue;
    }
    // A `try` (or a `with closing(…)`) is one block more around the statement. (Around an `async for`, before 3.13, two:
    // 3.12.0-3.12.3 count the `await` of the `finally:`'s `aclose()` as one more (gh-116767), and the check of the
    // output, `nestingPastLimit`, counts it so.)
    const needed = use.kind === 'loop' && startsAsync(use.loop) && !versionAtLeast(ctx.target, [3, 13]) ? 2 : 1;
    const room = blockRoom(ctx, stmt, stmt);
    if (room < needed) {
      findings.push({ ...base, reason: tooDeepReason(needed, room) });
      continue;
    }
    // Ex) `eval(expr)` in the function: the name `gen` could hide a global the string reads
    const seen = namesSeenReason(ctx, stmt);
    // Ex) `for x in (rows() if c else other()):`: one fix for the generators of one run of branches, after the loop
    if ((use.branch || run) && !seen) {
      // Ex) `x = next(rows(1)) if d else next(rows(2))`: the uses of one run exclude each other, so its generators
      // share one name, but for two made in one use (`next(zip(rows(1), rows(2))) if d else None`)
      const top = run && use.kind === 'statement' ? use.top : undefined;
      const alone = !!top && made.filter((m) => m.startIndex >= top.startIndex && m.endIndex <= top.endIndex).length === 1;
      const slot = use.branch?.shared ? use.branch.root.id : alone ? 'use' : call.id;
      const key = `${stmt.id}:${run?.id ?? ''}:${slot}`;
      const group = branched.get(key) ?? { stmt, uses: [] };
      const released = releasedNote(use);
      group.uses.push({ call, gen, at: findings.length, ...(released ? { released } : {}) });
      branched.set(key, group);
      findings.push(base);
      continue;
    }
    const fix = seen ? undefined : planFix(ctx, call, stmt, gen);
    // Ex) `finally: raise Busy()` in the generator: CPython printed "Exception ignored in", the close raises here.
    findings.push(fix ? withFix(base, fix, cleanupNote(gen, 'here') ?? heldNote(ctx, gen, stmt) ?? releasedNote(use) ?? recursionNote(ctx, call, stmt)) : { ...base, reason: seen ?? unsplittable(ctx, stmt) });
  }
  for (const { kept, uses } of keptBranched.values()) {
    // Ex) `it = self.rows() if c else rows(2)`, `rows` replaced by a test double: only the others are bound and closed
    const open = uses.filter(({ at }) => !findings[at]!.reason);
    if (!open.length) continue;
    const fix = planKeptBranchFix(ctx, kept, open);
    const notes = new Map(open.map(({ gen }) => [gen.key, cleanupNote(gen, 'at the end of the function') ?? '']));
    for (const { call, gen, at } of open) {
      const f = findings[at]!;
      if (typeof fix === 'string') {
        findings[at] = { ...f, reason: fix };
        continue;
      }
      const note = sharedFixNote(notes, gen);
      // Ex) `left = rows(3)` / `try:` / `it = rows(4) if c else []` …: CPython dropped `left` first
      findings[at] = withFix(f, fix, orderNote(kept, 'closing it') ?? letsNote(kept) ?? (note || undefined) ?? exceptionKeptNote(ctx, kept, 'closed it') ?? recursionNote(ctx, call, kept.stmt));
    }
  }
  for (const { stmt, uses: group } of branched.values()) {
    const fix = planBranchFix(ctx, group, stmt);
    // Ex) `finally: raise Busy()` in one of them: the one fix closes whichever was made
    const notes = new Map(group.map(({ call, gen, released }) => [gen.key, cleanupNote(gen, 'here') ?? heldNote(ctx, gen, stmt) ?? released ?? recursionNote(ctx, call, stmt) ?? '']));
    const unsafe = [...notes.values()].some((n) => n);
    for (const { gen, at } of group) {
      const f = findings[at]!;
      if (!fix) {
        findings[at] = { ...f, reason: unsplittable(ctx, stmt) };
        continue;
      }
      const note = sharedFixNote(notes, gen);
      findings[at] = unsafe ? unsafeBecause(withFix(f, fix), note) : withFix(f, fix);
    }
  }
  const fixAt = (c: SyntaxNode) => findings.findIndex((f) => f.start === c.startIndex && f.end === c.endIndex && f.fix !== undefined);
  const safeAt = (c: SyntaxNode) => {
    const at = fixAt(c);
    return at >= 0 && findings[at]!.fix!.applicability === 'safe';
  };
  const withOrder = (c: SyntaxNode, order: number) => {
    const at = fixAt(c);
    if (at >= 0) findings[at] = { ...findings[at]!, fix: { ...findings[at]!.fix!, order } };
  };
  // (Every one made where the statement's fix holds it, fixed or not: one left to CPython's drop at the statement's end
  // closes before those the fixes close after it. A block of the statement, a loop's body, an `if`'s or a `with`'s, is
  // other statements: only its header counts.)
  // (Asked only of a statement with a pass-through or a `compress`: a module of 3,000 loops has 3,000 statements.)
  const byStatement = new Map<number, SyntaxNode[]>();
  const inHeader = (m: SyntaxNode, stmt: SyntaxNode) => {
    if (m.startIndex < stmt.startIndex || m.endIndex > stmt.endIndex) return false;
    for (let p = m.parent; p && p.id !== stmt.id; p = p.parent) if (p.type === 'block') return false;
    return true;
  };
  const sameStatement = (c: SyntaxNode) => {
    const stmt = stmtOf.get(c.id);
    if (!stmt) return [c];
    let group = byStatement.get(stmt.id);
    if (!group) byStatement.set(stmt.id, (group = made.filter((m) => inHeader(m, stmt))));
    return group;
  };
  // Ex) `for x in compress(rows(1), rows(2)): break`: CPython closed `rows(1)` first as it dropped the compress, the
  // fixes (the first made outermost, as for `zip`, which drops the last first) close `rows(2)` first. Where the two
  // are all the statement makes and the partner's fix is safe in this pass too, it goes first, outermost, and the
  // order is CPython's.
  for (const call of made) {
    const partner = compressPartner(ctx, call, made);
    if (!partner) continue;
    const at = fixAt(call);
    const f = findings[at];
    if (!f || f.fix?.applicability !== 'safe') continue;
    if (safeAt(partner) && sameStatement(call).length === 2) {
      withOrder(call, 1);
      continue;
    }
    const note = `; \`compress\` also holds \`${preview(partner)}\` in its selectors: CPython closed this one first as it dropped the \`compress\`, the fixes close \`${preview(partner)}\` first`;
    findings[at] = unsafeBecause(f, note);
  }
  // Ex) `next(parsed(lines(p)))`, `next(pairs(lines("a"), lines("b")))`: CPython closed what a pass-through function
  // holds as it dropped its frame, after its own cleanup, the arguments in the order they were passed. The fixes
  // nest, one per pass, the first made outermost unless `Fix.order` says otherwise. In the shapes whose order withify
  // knows, each generator passed straight to a pass-through call as an argument, all of them reaching one call (or one
  // generator) at the top: a pass-through generator's own fix goes last (`OUTER_LAST`), innermost, each pass again
  // (`tracked(tracked(lines(p)))`), and of several passed to one call, the last argument's first, outermost, where the
  // later ones' fixes are safe in this pass too. Any other mix of generators with one passed through
  // (`one(zip(a(), b()))`, `pairs(one(a()), b())`, `compress(pairs(a(), b()), c())`) is unsafe.
  const seenStatements = new Set<number>();
  for (const c of made) {
    const at = stmtOf.get(c.id)?.id;
    if (at === undefined || seenStatements.has(at) || !passedInto.has(c.id)) continue;
    seenStatements.add(at);
    const group = sameStatement(c);
    if (group.length < 2) continue;
    const members = new Set(group.map((g) => g.id));
    const target = (g: SyntaxNode) => passedInto.get(g.id);
    const straight = group.every((g) => !target(g) || argumentOf(outerParens(g))?.id === target(g)!.id);
    const roots = group.filter((g) => !target(g) || !members.has(target(g)!.id));
    const rootTargets = new Set(roots.map((g) => target(g)?.id ?? -1));
    const receivers = new Map<number, SyntaxNode[]>();
    for (const g of group) if (target(g)) receivers.set(target(g)!.id, [...(receivers.get(target(g)!.id) ?? []), g]);
    const known = straight && rootTargets.size === 1 && !(roots.length > 1 && rootTargets.has(-1)) && [...receivers.values()].every((list) => list.length < 2 || !list.some((g) => receivers.has(g.id)));
    if (!known) {
      const outer = target(c)!;
      for (const g of group) {
        if (!safeAt(g)) continue;
        findings[fixAt(g)] = unsafeBecause(findings[fixAt(g)]!, `; the statement makes ${group.filter((i) => i.id !== g.id).map((i) => `\`${preview(i)}\``).join(', ')} too, and hands one to \`${display(outer)}\`: CPython closed them in an order (a generator function's frame drops its arguments in order, \`zip\` its items last first) that the nested fixes do not keep`);
      }
      continue;
    }
    for (const g of group) if (receivers.has(g.id)) withOrder(g, OUTER_LAST);
    for (const [outerId, list] of receivers) {
      if (list.length < 2) continue;
      const outer = group.find((g) => g.id === outerId) ?? target(list[0]!)!;
      list.forEach((g, k) => {
        if (!safeAt(g)) return;
        if (list.slice(k + 1).every(safeAt)) withOrder(g, list.length - 1 - k);
        else findings[fixAt(g)] = unsafeBecause(findings[fixAt(g)]!, `; \`${display(outer)}\` also reads ${list.filter((i) => i.id !== g.id).map((i) => `\`${preview(i)}\``).join(', ')}: CPython closed them in the order they were passed, as it dropped its frame, the fixes close the last made first`);
      });
    }
  }
  // Ex) `if c: a = rows(1); next(a)` then `b = rows(2); next(b)`: CPython dropped `a` first at the return (a frame's
  // variables go in their order), the `finally:` around the rest of the function closes `b` before that
  const earlier = keptFixes.length ? [...generatorsBound(ctx), ...resourcesBound(ctx)] : [];
  for (const { at, kept, call, gen } of keptFixes) {
    const f = findings[at]!;
    if (f.fix?.applicability !== 'safe') continue;
    // Ex) `both = zip(rows(5), rows(6))`: CPython closed both as it dropped `both` (`zip` the last first); the fix
    // closes `rows(5)` at the end of the function and leaves `rows(6)` to the wrapper, after it
    const wrapper = kept.wrapper;
    // (Not one the generator's own call holds, `it = parsed(tracked(lines(p)))` for `tracked(…)`: CPython closed it
    // after this one, as this one's frame went.)
    const others = wrapper ? made.filter((c) => c.id !== call.id && c.startIndex >= wrapper.startIndex && c.endIndex <= wrapper.endIndex && !(c.startIndex >= call.startIndex && c.endIndex <= call.endIndex)) : [];
    // Ex) `it = zip(rows(3), open(p))`: the wrapper holds a file too, which CPython closed as it dropped the wrapper
    // (`zip` the last first: the file, then the generator)
    if (wrapper && !others.length) {
      // (Not one a method call used up at once: `zip(rows(3), open(p).read().split())` holds a list, the file closed)
      const resource = wrapper.descendantsOfType('call').find((c) => !(c.startIndex >= call.startIndex && c.endIndex <= call.endIndex) && !methodCallOn(outerParens(c)) && (resourceOf(ctx, c) || calleeName(ctx.names, c) === 'tempfile.TemporaryDirectory'));
      if (resource) others.push(resource);
    }
    let other: SyntaxNode | undefined = others[0];
    // Ex) `it = tracked(lines(p))`, `tracked` a pass-through with cleanup of its own: CPython closed `it` as the
    // frame dropped it, then `lines(p)` as `it`'s frame went. The fix closes both, in that order, where `it`'s own
    // fix (safe) would close `it` alone.
    // Ex) `it = tracked(parsed(lines(p)))`, `tracked` reading by `for`: its own cleanup ran first, then its frame dropped
    // `parsed(…)`, and `lines(p)` with it. (Not by `yield from`: closing `tracked` closed `parsed(…)`, and so `lines(p)`,
    // before its own cleanup ran.)
    // Ex) `it = tracked_from(parsed(lines(p)))`, `def tracked_from(it): yield from it`: closing it closed `parsed(…)`, whose
    // frame let go of `lines(p)`, before its own cleanup ran: the fix closes `lines(p)` first, then `it`.
    const order = other && others.length === 1 && other.id === wrapper!.id ? closingOrder(ctx, other, call) : undefined;
    const own = order ? keptFixes.find((k) => k.call.id === other!.id) : undefined;
    if (own && findings[own.at]!.fix?.applicability === 'safe') {
      const fix = planKeptWrapperFix(ctx, kept, gen, call, madeApart, { other: `${kept.name}.close()`, first: order === 'outer' });
      if (typeof fix !== 'string') {
        findings[at] = withFix(f, fix, orderNote(kept, 'closing it') ?? letsNote(kept) ?? cleanupNote(gen, 'at the end of the function') ?? exceptionKeptNote(ctx, kept, 'closed it') ?? handledNote(kept) ?? recursionNote(ctx, call, kept.stmt));
        other = undefined;
      }
    }
    if (other) {
      // Ex) `it = parsed(tracked(lines(p)))`: `tracked(…)` holds `lines(p)`, and CPython closed it first
      const reader = others.find((o) => o.startIndex <= call.startIndex && call.endIndex <= o.endIndex);
      const note = reader
        ? `; \`${display(reader)}\` reads it and has cleanup of its own: CPython ran the two as it dropped \`${kept.name}\` (by \`for\`, \`${display(reader)}\`'s first; by \`yield from\`, this one's), the fix closes this one apart, at the end of the function, in an order it does not know`
        : `; \`${preview(wrapper!)}\` also holds \`${preview(other)}\`: CPython closed both as it dropped the wrapper (\`zip\` and \`map\` the last one first), the fix closes this one apart, at the end of the function, in another order`;
      findings[at] = unsafeBecause(f, note);
      continue;
    }
    const now = findings[at]!;
    // (Not a resource the generator's own call holds, passed as an argument: `f = open(p)` / `it = lines(f)`; `rows(tmp.name)`
    // holds a string, `rows(P, out is log)` a bool)
    // (A call around the generator's, or one inside its arguments that keeps what it is given, `rows(csv.writer(f))`:
    // not `rows(id(f))`, `rows(header(f))`)
    const holds = (args: SyntaxNode | null | undefined) => {
      const c = args?.parent;
      if (!c) return false;
      if (c.startIndex <= call.startIndex && call.endIndex <= c.endIndex) return true;
      const name = calleeName(ctx.names, c) ?? '';
      return within(c, call) && (KEEPS_WHAT_IT_IS_GIVEN.has(name) || WRAPPERS.has(name));
    };
    const reads = new Set(kept.stmt.descendantsOfType('identifier').filter((i) => {
      const at = outerParens(i).parent;
      return (at?.type === 'argument_list' && holds(at)) || (at?.type === 'keyword_argument' && at.childForFieldName('value')?.id === outerParens(i).id && holds(at.parent));
    }).map((i) => i.text));
    const note = now.fix?.applicability === 'safe' ? aheadNote(kept, earlier.filter((b) => !reads.has(b.name)), 'closing it at the end of the function') : undefined;
    if (note) findings[at] = unsafeBecause(now, note);
  }
  // Ex) `it = lines(p)` / `x = next(tracked(it))`, `tracked` a pass-through with cleanup of its own: its fix would bind
  // `tracked(it)` apart (`gen = tracked(it)`), where `it` is no longer read as the kept fix knows. It waits for the
  // next pass, inside the kept fix's `try`: `tracked(it)` is closed at the statement, `it` at the end of the function,
  // as CPython did. (`Fix.order`: the lower goes first among fixes that start at one place.)
  for (const { at, kept } of keptFixes) {
    if (findings[at]!.fix?.applicability !== 'safe') continue;
    for (const c of made) {
      if (c.id === kept.stmt.id || !kept.reads.some((r) => r.startIndex >= c.startIndex && r.endIndex <= c.endIndex)) continue;
      const own = fixAt(c);
      if (own >= 0 && (findings[own]!.fix!.order ?? 0) < 1) withOrder(c, 1);
    }
  }
  return findings;
}

/**
 * Which of the pass-through call `outer` (with cleanup of its own) and `inner` (a generator in its arguments) CPython
 * closed first as it dropped `outer`: `'outer'` when `outer` holds `inner` itself (by `yield from`, closing `outer`
 * closes `inner` on any interpreter, so `outer`'s close goes first either way), or reads what holds it only by `for`
 * (`tracked(parsed(lines(p)))`: its own cleanup runs, then its frame lets go of `parsed(…)` and so of `lines(p)`);
 * `'inner'` when it reads by `yield from` another pass-through's call (`tracked_from(parsed(lines(p)))`: closing that
 * call ends its frame, which lets go of `lines(p)` before `outer`'s own cleanup runs); `undefined` otherwise.
 */
function closingOrder(ctx: FileContext, outer: SyntaxNode, inner: SyntaxNode): 'outer' | 'inner' | undefined {
  let cur = outerParens(inner);
  for (let p = argumentOf(cur); p && p.id !== outer.id; p = argumentOf(cur)) cur = outerParens(p);
  if (argumentOf(cur)?.id !== outer.id) return undefined;
  if (cur.id === outerParens(inner).id) return 'outer';
  const at = positionalIndex(outer, cur);
  const kind = at === undefined ? undefined : passKind(ctx, outer, at);
  if (kind === 'for') return 'outer';
  if (kind !== 'from' || cur.type !== 'call') return undefined;
  // Ex) `tracked_from(islice(lines(p), 5))`: a lazy wrapper has no `close()` for `yield from` to call: `outer`'s cleanup
  // ran first, then its frame dropped the wrapper. (Not `iter(…)`: of a generator, it is the generator.)
  const name = calleeName(ctx.names, cur);
  if (name && name !== 'builtins.iter' && WRAPPERS.has(name)) return 'outer';
  const next = cur.childForFieldName('arguments')?.namedChildren.find((c) => !isExtra(c) && c.startIndex <= inner.startIndex && inner.endIndex <= c.endIndex);
  const nextAt = next ? positionalIndex(cur, next) : undefined;
  return nextAt !== undefined && passKind(ctx, cur, nextAt) ? 'inner' : undefined;
}

/** The finding with its fix: safe, or unsafe when `note` (which starts with `; `) says why, after its message. */
function withFix(base: Finding, fix: { title: string; edits: Edit[] }, note?: string): Finding {
  const f: Finding = { ...base, fix: { title: fix.title, applicability: 'safe', edits: fix.edits } };
  return note ? unsafeBecause(f, note) : f;
}

/**
 * Ex) `with lock:` / `async for x in produce(): break`: CPython's finalizer hook closed the async generator later, in a
 * task of its own, once the function had left the `with` (or the `try` whose `finally` follows); `await agen.aclose()`
 * at `stmt` runs its cleanup inside it, under the lock or file it holds (a deadlock, writes in another order) and
 * before that `finally`. `undefined` for a generator that is not async, or a statement in no such block.
 */
/** Why closing G at the end of the use is later than CPython's `islice` let go of it (`Use.releasedBy`). */
function releasedNote(use: Use): string | undefined {
  return use.releasedBy ? `; CPython's \`islice\` lets go of the generator once it has given its last item, which closed it there: ${use.releasedBy} run after that, before the fix closes it` : undefined;
}

function heldNote(ctx: FileContext, gen: Made, stmt: SyntaxNode): string | undefined {
  if (!gen.async) return undefined;
  const fn = functionOrModuleOf(stmt);
  // Ex) `f = open(p, "w")` / `async for x in agen(): break` / `f.write(…)`: the hook's task ran when the coroutine
  // next gave the loop a turn, after the return (the frame dropping `f`) or a later `f.close()`; a `with` withify
  // writes around `f` meets the rule below in the next pass
  // (One bound later in a loop around the use is open there on the loop's next turn: `for …: async for …: break` /
  // `log = open(p)`. A file opened only to read counts too: a lock file is, `fcntl.flock(lock, …)`)
  const loops: SyntaxNode[] = [];
  for (let p = stmt.parent; p && p.id !== fn.id; p = p.parent) if (p.type === 'for_statement' || p.type === 'while_statement') loops.push(p);
  const live = heldResources(ctx).find((r) => r.fn === fn.id && ((r.stmt.endIndex <= stmt.startIndex && !closedBetween(r, stmt)) || (r.stmt.startIndex > stmt.endIndex && loops.some((l) => within(r.stmt, l)))));
  if (live) {
    return `; \`${live.name}\` (line ${live.stmt.startPosition.row + 1}) is still open here: CPython's finalizer hook ran the cleanup later, in a task of its own, when the coroutine next let the event loop run, which may come after the code closes \`${live.name}\` or the frame drops it: \`await aclose()\` runs it while \`${live.name}\` is open`;
  }
  for (let child = stmt, p = stmt.parent; p && p.id !== fn.id; child = p, p = p.parent) {
    if (p.type === 'with_statement' && p.childForFieldName('body')?.id === child.id) {
      return `; CPython's finalizer hook ran the cleanup later, in a task of its own, after the \`${startsAsync(p) ? 'async with' : 'with'}\` of line ${p.startPosition.row + 1} had exited: \`await aclose()\` runs it inside that block, under what it holds`;
    }
    // (A `try` the kept fix wrote too, `finally: await it.aclose()`: one the code wrote the same way closed `it` before
    // the hook closed this one, and the two cannot be told apart)
    if (p.type === 'try_statement' && child.type !== 'finally_clause') {
      const fin = p.namedChildren.find((c) => c.type === 'finally_clause');
      if (fin) return `; CPython's finalizer hook ran the cleanup later, in a task of its own, after the \`finally\` of line ${fin.startPosition.row + 1}: \`await aclose()\` runs it before that \`finally\``;
    }
  }
  return undefined;
}

/**
 * What closing `gen` at the fix's place (`where`: `here`, `at the end of the function`) does that CPython did not:
 * its `finally:` raises (CPython only printed "Exception ignored"), or its cleanup awaits; else `undefined`.
 */
function cleanupNote(gen: Made, where: string): string | undefined {
  // (An async one: asyncio's finalizer hook closed it in a task of its own, whose exception it only logged)
  const logged = gen.async ? `CPython's event loop only logged it (asyncio: "Task exception was never retrieved")` : `CPython only printed "Exception ignored"`;
  if (gen.closeRaises) return `; closing it ${where} may raise where ${logged}: \`${gen.key}\`: ${gen.closeRaises}`;
  return gen.cleanupAwaits ? awaitsNote(gen) : undefined;
}

/** The finding with its fix rated unsafe, and why (`note`, which starts with `; `) after its message. */
/**
 * Ex) `for r in Table(n):` (`Table.__iter__` a generator) in `def solve(n, iter=100)`: the fix binds `iter(Table(n))`,
 * and `iter` there is the parameter (a local, a global): it would call that.
 */
function iterShadowedReason(ctx: FileContext, gen: Made, stmt: SyntaxNode): string | undefined {
  if (!gen.viaIter || gen.async) return undefined;
  const r = ctx.names.resolve('iter', stmt);
  // (`from builtins import iter`: the builtin)
  if (r.kind === 'builtin' || (r.kind === 'import' && r.qualified === 'builtins.iter')) return undefined;
  return `the fix would call \`iter(…)\`, and \`iter\` may be bound to something else here: close it by hand`;
}

/**
 * Ex) `def walk(node): … for n in walk(child): yield n`: the generator is the function's own, one per level. CPython
 * closed a dropped chain from its deallocator; the fix's `gen.close()` is a call from Python code at every level, so
 * closing a chain deeper than about half the recursion limit raises RecursionError (CPython 3.12 aborts), where the
 * original did not. The call reaches the function around `stmt`: by its own name where that name means it (not a
 * nested def's, not the module's `walk` from a method `Tree.walk`), `self.walk(…)`/`cls.walk(…)`/`Tree.walk(self, …)`
 * in a method `walk` of `Tree`, or through a function of the file whose body calls it back (`a` → `b` → `a`, a wrapper
 * returning `walk(…)`).
 */
function recursionNote(ctx: FileContext, call: SyntaxNode, stmt: SyntaxNode): string | undefined {
  const fn = functionOrModuleOf(stmt);
  const own = fn.type === 'function_definition' ? fn.childForFieldName('name')?.text : undefined;
  if (!own || call.type !== 'call') return undefined;
  const callee = call.childForFieldName('function');
  const cls = fn.parent?.type === 'block' && fn.parent.parent?.type === 'class_definition' ? fn.parent.parent : fn.parent?.type === 'decorated_definition' && fn.parent.parent?.type === 'block' && fn.parent.parent.parent?.type === 'class_definition' ? fn.parent.parent.parent : undefined;
  const note = `; the generator is \`${own}\`'s own, one per level of a recursion: the close the fix adds is a call at every level, so closing a chain deeper than about half the recursion limit raises RecursionError (CPython 3.12 aborts), where dropping it did not`;
  let other: SyntaxNode | undefined;
  if (callee?.type === 'identifier') {
    const r = ctx.names.resolve(callee.text, call);
    // (The name as the call reads it: the module's `walk`, not a method's own name)
    const def = r.kind === 'local' && r.bindings.length === 1 ? r.bindings[0]!.node : undefined;
    const target = def?.type === 'function_definition' ? def : def?.parent?.type === 'function_definition' ? def.parent : undefined;
    if (target?.id === fn.id) return note;
    other = target;
  } else if (callee?.type === 'attribute') {
    const obj = callee.childForFieldName('object')?.text ?? '';
    const attr = callee.childForFieldName('attribute')?.text;
    if (cls && attr === own && (obj === 'self' || obj === 'cls' || obj === cls.childForFieldName('name')?.text)) return note;
  }
  // Ex) `def a(n): … for x in b(n): yield x` / `def b(n): … yield from a(n - 1)`; `def _wrap(n): return walk(n)`
  // (Its body read whole: on a partial tree the engine parses it first)
  if (!other || other.childForFieldName('name')?.text === own) return undefined;
  ctx.readsBeyondFunction(other);
  const body = other.childForFieldName('body')?.text;
  if (body !== undefined && new RegExp(`(?<![\\w.])${escapeRegExp(own)}\\s*\\(`).test(body)) return note;
  return undefined;
}

function unsafeBecause(f: Finding, note: string): Finding {
  return { ...f, message: f.message + note, ...(f.fix ? { fix: { ...f.fix, applicability: 'unsafe' as const } } : {}) };
}

/** Why no `try` could be planned around `stmt`: its indentation mixes tabs and spaces, or its line holds more. */
function unsplittable(ctx: FileContext, stmt: SyntaxNode): string {
  return mixedIndentReason(ctx, stmt) ?? 'the statement shares its line in a way withify cannot split';
}

/**
 * Another call of `made` in the selectors of an `itertools.compress` whose data holds `call`: compress drops its data
 * first, then its selectors, where every other wrapper that holds several (`zip`, `map`) drops the last first.
 */
function compressPartner(ctx: FileContext, call: SyntaxNode, made: readonly SyntaxNode[]): SyntaxNode | undefined {
  for (let cur: SyntaxNode = call, p = call.parent; p && p.type !== 'block' && p.type !== 'module'; cur = p, p = p.parent) {
    const outer = p.type === 'argument_list' ? p.parent : null;
    if (outer?.type !== 'call' || positionalIndex(outer, cur) !== 0 || calleeName(ctx.names, outer) !== 'itertools.compress') continue;
    const rest = p.namedChildren.filter((a) => !isExtra(a) && a.id !== cur.id);
    return made.find((m) => m.id !== call.id && rest.some((a) => m.startIndex >= a.startIndex && m.endIndex <= a.endIndex));
  }
  return undefined;
}

/**
 * Why `self.m()` (`call`) may not reach the generator method `m`, or `undefined`: a subclass overrides it with no
 * generator function (a def, a class attribute, a base listed ahead of the class), or `self.m = …` in the file
 * hides it behind an instance attribute (`self.rows = lambda: preload` in `__init__`). For `super().m()`: a class of
 * several bases may derive from the class it is in (`subclassedHeirs`), and the same attribute sets.
 */
function overriddenReason(ctx: FileContext, call: SyntaxNode, index: GeneratorIndex | undefined, gen: Made): string | undefined {
  const fn = call.childForFieldName('function');
  const object = fn?.type === 'attribute' ? fn.childForFieldName('object') : undefined;
  const viaSuper = object?.type === 'call' && object.childForFieldName('function')?.text === 'super';
  const own = selfMethodName(ctx.names, call);
  if (!own && !viaSuper) return undefined;
  const closer = gen.async ? 'aclose()' : 'close()';
  const through = viaSuper ? '`super()`' : '`self`';
  // (`self.rows()` in `ListStore(Store)`, inherited: what `ListStore`'s subclasses make of `rows`, as the index reads it
  // for the method as if `ListStore` defined it)
  if (own && index?.plainOverrides?.includes(own)) {
    return `a subclass overrides \`${own}\` with a method that is not a generator function, or takes it from another base: through ${through} it may return an object without \`${closer}\``;
  }
  // Ex) `super().rows()` in `ListStore(Store)`, which `class Fast(ListStore, CachedStore)` derives from: on a `Fast`,
  // `super()` in `ListStore` looks in `CachedStore` first
  const cls = viaSuper ? ownerClass(functionOrModuleOf(call))?.childForFieldName('name')?.text : undefined;
  if (cls !== undefined && index?.subclassedHeirs?.includes(cls)) {
    return `a class of several bases may derive from \`${cls}\` (one does, or one whose bases withify cannot read, \`class C(*bases)\`, \`type(name, bases, ns)\`, may): on an instance of it, \`super()\` in \`${cls}\` may reach another class's \`${gen.key.slice(gen.key.lastIndexOf('.') + 1)}\`, which may return an object without \`${closer}\``;
  }
  const defining = gen.key.split('.').slice(-2).join('.');
  const method = own ?? defining;
  const name = method.slice(method.indexOf('.') + 1);
  if (instanceAssignments(ctx.source).includes(name)) {
    return `an attribute \`${name}\` set in this file (\`self.${name} = …\`, \`setattr(…, "${name}", …)\`) may hide the method: through ${through} it may return an object without \`${closer}\``;
  }
  // Ex) `store.rows = lambda: iter([7])`, `monkeypatch.setattr(store, "rows", …)` in a test (review rw2): a module that
  // may hold an object of the class, one of its package, one importing from it, or a test (its fixtures may make it)
  const setters = index?.setsOn && Object.hasOwn(index.setsOn, name) ? index.setsOn[name]! : [];
  const by = setters.find((m) => mayHoldInstances(index!, m, moduleKey(ctx.path, ctx.moduleName)));
  if (by !== undefined) {
    return `an attribute \`${name}\` set on a value in \`${by}\` (\`obj.${name} = …\`, \`setattr(obj, "${name}", …)\`, \`patch.object(obj, "${name}", …)\`) may hide the method on an instance: through ${through} it may return an object without \`${closer}\``;
  }
  return undefined;
}

/**
 * Ex) `finally: async with lock: …` in the generator, `async with lock:` around the caller's loop: CPython ran the
 * cleanup later, in a task of its own; `await agen.aclose()` runs it in the caller's task, which holds the lock.
 */
function awaitsNote(gen: Made): string {
  // Ex) `finally: current_job.reset(token)`: the hook's task ran it on a copy of the context (review rv54c)
  if (/ changes a context variable/.test(gen.cleanupAwaits ?? '')) {
    return `; its cleanup changes context variables, which CPython's finalizer hook ran later in a task of its own, on a copy of the context: \`await aclose()\` runs it here, in this task's context, whose variables it then changes: \`${gen.key}\`: ${gen.cleanupAwaits}`;
  }
  return `; its cleanup awaits, which CPython ran later in a task of its own: \`await aclose()\` runs it here, in this task, under the locks it holds and the timeouts around it (a deadlock, a cancelled cleanup): \`${gen.key}\`: ${gen.cleanupAwaits}`;
}

/** A test module (`tests.test_store`, `pkg.tests.conftest`, `store_test`): its fixtures may hand it any object. */
const TEST_MODULE = /(?:^|\.)(?:tests?|testing|conftest|test_\w*|\w*_tests?)(?:\.|$)/;

/**
 * True when the module `setter` may hold an object of a class of `owner` (a module key): it is a test, or in the
 * same top-level package, or imports anything from that package (`importersOf`, as test doubles are read). Not
 * `stats.stream = out` in a module that never imports urllib3, for `self.stream()` there.
 */
function mayHoldInstances(index: GeneratorIndex, setter: string, owner: string): boolean {
  if (TEST_MODULE.test(setter)) return true;
  const top = owner.split('.')[0]!;
  if (setter.split('.')[0] === top) return true;
  return [...(importersOf(index).get(setter) ?? [])].some((t) => t === top || t.startsWith(`${top}.`));
}

/** Why a call of `gen` may reach no generator: another module replaces the function (`core.rows = …`). */
function patchedReason(gen: Made): string | undefined {
  return gen.patched ? `${gen.patched} may replace \`${gen.key}\`: the call may return an object without \`${gen.async ? 'aclose()' : 'close()'}\`` : undefined;
}

function keptFinding(ctx: FileContext, call: SyntaxNode, kept: Kept, gen: Made, index: GeneratorIndex | undefined, madeApart: Map<number, string>): Finding {
  const around = kept.wrapper ? undefined : iterAround(ctx, call, kept.isAsync);
  const shown = kept.wrapper ? preview(kept.wrapper) : around ? preview(around) : display(call);
  const message = `\`${kept.name} = ${shown}\`: ${kept.how}, and ${pending(gen)}`;
  const base: Finding = { id: ID, code: CODE, message, start: call.startIndex, end: kept.end };
  const overridden = patchedReason(gen) ?? overriddenReason(ctx, call, index, gen) ?? kept.why;
  if (overridden) {
    return { ...base, reason: overridden };
  }
  const fix = planKeptFix(ctx, kept, gen, call, madeApart);
  if (typeof fix === 'string') return { ...base, reason: fix };
  // Ex) `left = rows(3)` / `try:` / `right = rows(4)` …: CPython dropped `left` first, the fix closes `right` first
  // Ex) `it = islice(rows(), 2)` / `for r in it: …` / `release()`: CPython closed it as the loop ended, before `release()`
  return withFix(base, fix, orderNote(kept, 'closing it') ?? letsNote(kept) ?? cleanupNote(gen, 'at the end of the function') ?? exceptionKeptNote(ctx, kept, 'closed it') ?? handledNote(kept) ?? recursionNote(ctx, call, kept.stmt));
}

/**
 * `it = parsed(lines(p))` read in the body of a `try` of the function that handles exceptions: an exception raised
 * inside `parsed` ended it, and CPython closed `lines(p)` as the handler ended (the traceback held `parsed`'s frame
 * until then); the fix closes it at the end of the function.
 */
function handledNote(kept: Kept): string | undefined {
  if (!kept.passer) return undefined;
  const read = kept.reads.find((r) => {
    for (let p = r.parent; p && p.id !== kept.fn.id; p = p.parent) {
      if (p.type === 'function_definition' || p.type === 'lambda') return false;
      if (p.type === 'block' && p.parent?.type === 'try_statement' && p.parent.childForFieldName('body')?.id === p.id && p.parent.namedChildren.some((c) => c.type === 'except_clause' || c.type === 'except_group_clause')) return true;
    }
    return false;
  });
  return read ? `; \`${kept.name}\` is read on line ${read.startPosition.row + 1} in a \`try\` that handles exceptions: one raised inside \`${display(kept.passer)}\` ends it, and CPython closed what it reads as the handler ended, where the fix closes it at the end of the function` : undefined;
}

/** Why closing a generator kept through `islice` at the end of the function is later than CPython closed it. */
function letsNote(kept: Kept): string | undefined {
  return kept.lets && !quietAfterRead(kept) ? `; CPython's \`islice\` lets go of the generator once it has given its last item, which closed it there: closing it at the end of the function runs its cleanup after the code that follows that read` : undefined;
}

/**
 * A generator kept in a variable bound in a block of the function (`if c: it = rows(3)`, a `with` another fix
 * wrote): reported with the way to close it, since a `try` from there cannot hold the rest of the function.
 */
function nestedFinding(ctx: FileContext, call: SyntaxNode, kept: Kept, gen: Made): Finding {
  const shown = kept.wrapper || kept.branch ? preview(keptValue(kept)) : display(call);
  const holder = kept.holder!;
  const kind = holder.type.replace(/_(statement|clause)$/, '').replace(/_/g, ' ');
  const line = holder.startPosition.row + 1;
  // (Through a wrapper, `it.close()` would not close the generator inside it, if `it` has a `close()` at all)
  const closer = kept.branch ? `\`${kept.isAsync ? 'aclose()' : 'close()'}\` on the generator` : kept.isAsync ? `\`await ${kept.name}.aclose()\`` : kept.wrapper ? `\`close()\` on \`${display(call)}\`, made apart` : `\`${kept.name}.close()\``;
  // Ex) `with open(p) as f:` / `it = rows(f.read())` / (the `with` ends) / `x = next(it)`: every read after the `with`
  // (Only where the `with` is a statement of the function's own body: moved out of one in an `if`, it is still nested)
  const readAfter = holder.type === 'with_statement' && holder.parent?.parent?.id === kept.fn.id && kept.reads.every((r) => r.startIndex >= holder.endIndex);
  const whyWith = holder.type !== 'with_statement'
    ? ''
    : readAfter
      ? `; every read of it follows the \`with\`, but the fix starts its \`try\` at the assignment: move the assignment after the \`with\` (binding what it needs to a name there) and withify can fix it`
      : `; a \`try\` inside the \`with\` would close it before the \`with\` exits, where CPython closed it after, at the return`;
  return {
    id: ID,
    code: CODE,
    start: call.startIndex,
    end: kept.end,
    message: `\`${kept.name} = ${shown}\`: ${kept.how}, and ${pending(gen)}`,
    reason: `bound inside the \`${kind}\` on line ${line}: withify gives a kept generator a \`try\`/\`finally\` only where its assignment is a statement of the function's own body${whyWith}: close it by hand where the function is done with it, on the paths that bound it (${closer}; elsewhere the name may be unbound)${kept.branch ? `, and only if its branch made it: \`${kept.name}\` may hold what the other branch gives` : ''}`,
  };
}

/**
 * Whether nothing of the program runs between the end of the one read of `kept` and the end of the function: the
 * read is a loop with no `else:` (`for r in it:`) or a simple statement (`x = next(it)`), followed in its block by
 * nothing or by a `return` of a name or a literal, and every block from there up to the one that holds `kept.stmt`
 * is a branch of an `if` that ends so too. Then closing the generator at the end of the function, not where `islice`
 * let go of it, runs its cleanup at the same point of the program.
 * Ex) `with lock:` / `for r in it: …`, `try:` / `for r in it: …` / `finally: …`, `while c:` / `for r in it: …` /
 * `log()`: the `with` exit, the `finally:`, the rest of the `while` body run after the loop: not quiet.
 */
function quietAfterRead(kept: Kept): boolean {
  if (kept.reads.length !== 1) return false;
  const block = kept.stmt.parent;
  const read = kept.reads[0]!;
  const loop = read.parent?.type === 'for_statement' && read.parent.childForFieldName('right')?.id === read.id ? read.parent : undefined;
  let stmt = loop ?? enclosingStatement(read);
  if (!stmt || !block) return false;
  if (stmt.type === 'for_statement' ? !!stmt.childForFieldName('alternative') : !QUIET_READS.has(stmt.type)) return false;
  for (;;) {
    const here: SyntaxNode | null = stmt.parent;
    if (here?.type !== 'block') return false;
    const end = stmt.endIndex;
    const rest = here.namedChildren.filter((c) => !isExtra(c) && c.startIndex >= end);
    if (rest.length === 1 && isQuietReturn(rest[0]!)) return true;
    if (rest.length > 0) return false;
    if (here.id === block.id) return true;
    // Ex) `if c:` / `for r in it: …`: nothing of the `if` runs after its branch
    const clause: SyntaxNode | null = here.parent;
    const ifStmt: SyntaxNode | null | undefined = clause?.type === 'if_statement' ? clause : (clause?.type === 'elif_clause' || clause?.type === 'else_clause') && clause.parent?.type === 'if_statement' ? clause.parent : undefined;
    if (!ifStmt) return false;
    stmt = ifStmt;
  }
}

/** The statements a `next(it)` read may be the whole of: nothing of theirs runs after the read but the binding. */
const QUIET_READS = new Set(['expression_statement', 'return_statement']);

/** `return`, `return name`, `return 3`: no code of the program runs (an f-string would format its values). */
function isQuietReturn(stmt: SyntaxNode): boolean {
  if (stmt.type !== 'return_statement') return false;
  const value = stmt.namedChildren.filter((c) => !isExtra(c));
  if (value.length === 0) return true;
  if (value.length !== 1) return false;
  const v = value[0]!;
  if (v.type === 'string') return !v.namedChildren.some((c) => c.type === 'interpolation');
  return ['identifier', 'integer', 'float', 'true', 'false', 'none'].includes(v.type);
}

export const generatorClose: Transform = {
  id: ID,
  code: CODE,
  summary: 'A generator with a pending `finally` or `with` is abandoned before it finishes (`break`, `next(gen())`, `any(...)`).',
  fixTitle: 'Close the generator explicitly: `try: … finally: gen.close()` (or `with contextlib.closing(...)`)',
  safety: 'safe',
  doc: {
    whatItDoes:
      'Finds generator functions whose `yield` sits inside a `try` that has `finally`, or inside a `with` ' +
      '(directly, or by delegating to one: `yield from other()`, or a loop over `other()` that yields; or a plain ' +
      'function that can only return a fresh call of one, `return _rows(n)`), across ' +
      'every file of the run, following `import x`, `from x import y`, relative imports and `self.m()` calls. ' +
      'Then it rewrites the uses that abandon such a generator before it finishes: a `for` loop whose body ' +
      'can leave early (`break` of this loop, `return`, an uncaught `raise`, `sys.exit()`, a `yield`), a loop over `zip`, ' +
      '`itertools.islice` or `itertools.takewhile` of it, and statements that stop reading it early ' +
      '(`next(gen())`, `any(...)`, `all(...)`, `x in gen()`, `list(islice(gen(), 3))`; for an async generator, ' +
      '`await anext(agen())` and `await agen().__anext__()`, also under `asyncio.wait_for` from 3.12). ' +
      'The generator is ' +
      'bound to a fresh name before the statement, and the statement moves into `try:` … ' +
      '`finally: gen.close()` (`await agen.aclose()` for an async generator). With `--generator-style closing` it ' +
      'becomes `with contextlib.closing(gen()) as gen:` (`async with contextlib.aclosing(...)` from 3.10). ' +
      'A generator made in a branch of the use (`for x in (gen() if c else [1]):`, `c and gen()`, `gen() or [1]`, ' +
      '`next(gen() if c else it)`) is bound where it is made, `(gen := gen())` after `gen = None`, and the ' +
      '`finally:` closes it only if it was made (`if gen is not None:`): the condition runs once, in its place, and ' +
      'what another branch gives is never closed. This needs `:=` (3.8) and is always `try`/`finally`. The same for a ' +
      'use that itself sits in a branch (`x = next(gen()) if d else None`, `d and next(gen())`), when nothing of the ' +
      'statement runs after it, and for a generator kept in a variable through a branch (`it = gen() if c else []`), ' +
      'closed at the end of the function. ' +
      'A generator kept in a variable of a function (`it = gen()` in the function\'s own body, read only by ' +
      '`for … in it` and `next(it)`, or through a lazy wrapper made there, `zip(it, names)`; `async for` and ' +
      '`await anext(it)` in a coroutine) whose last read is `next(it)`, a wrapper that may stop early or a loop ' +
      'that can leave early: the rest of the function moves into `try:` … ' +
      '`finally: it.close()` (`await it.aclose()`), where CPython closed it when the frame went; a lazy wrapper kept so ' +
      '(`it = islice(gen(), 2)`), and `itertools.tee` of it unpacked into names (`a, b = tee(gen())`, closed with ' +
      'the last of them), get the generator made just before it (`gen = gen()`) and closed so; one tee object taken ' +
      'at once (`for x in tee(gen())[0]:`) is used as the generator is. ' +
      '`os.scandir()`, which keeps its directory open until it is read to the end or closed, gets the same ' +
      'treatment (`entries.close()`). With `--all-loops` every loop over such a generator is rewritten: an ' +
      'exception in the body abandons it too.',
    whyItBreaksOnPyPy:
      'A suspended generator runs its pending `finally` blocks and `with` exits when it is closed. CPython ' +
      'closes it the moment the last reference goes, right after the `break`. PyPy closes it when the garbage ' +
      'collector finds it, seconds later or never: the lock stays held, the file open, the transaction ' +
      'uncommitted, the temporary directory on disk.',
    fixSafety:
      'Safe: the generator is made at the same point (it must be the first code its statement runs, and run ' +
      'unconditionally; one made in a branch stays where it is, bound with `:=`) and closed where CPython closed it, ' +
      'at the end of the statement or loop. Closing an ' +
      'exhausted generator does nothing. An exception raised by the generator\'s cleanup now propagates where ' +
      'the loop was left (CPython printed "Exception ignored in" and went on), and a generator that ignores ' +
      '`GeneratorExit` makes `close()` raise `RuntimeError`. Where the generator\'s own code shows it (a ' +
      '`raise`, code that always raises such as `1/0` or `assert False`, or a `yield` in the pending `finally`; an `except:`, `except BaseException` or ' +
      '`except GeneratorExit` around a `yield` that raises, yields, or goes on to a later `yield` or `raise`; the same in ' +
      'a generator it delegates to by `yield from`), the fix is unsafe, applied only with `--unsafe-fixes`, ' +
      'and the finding says why. Cleanup that calls code which raises does not show, and is fixed. An async ' +
      'generator CPython closed later, in a task of its own (asyncio\'s finalizer hook schedules `aclose()`): the fix ' +
      'runs its cleanup where the loop or statement ends, before the code up to the task\'s next suspension; it is ' +
      'unsafe where the cleanup awaits, or where the use sits in a `with` or a `try` with `finally` of the function, ' +
      'whose exit CPython ran first.',
    notFlagged:
      'Generators without `finally`/`with` around a `yield`; calls withify cannot resolve to a generator ' +
      'function (a variable, a call result, an unknown import, a decorated function other than ' +
      '`@staticmethod`/`@classmethod`); a function that returns a stored generator (`return self._gen`), may ' +
      'return something else, or returns a generator expression; tee objects of a generator handed on, copied, ' +
      'kept as a tuple or read otherwise than by `for` and `next()`; loops that ' +
      'always run to the end (unless `--all-loops`); a ' +
      'generator kept in a variable that is read otherwise, bound again, read in a nested scope, bound in a ' +
      'loop or other block, at module level, or in a function that calls `locals()`, `vars()`, `eval()`, `exec()` ' +
      'or `globals()` after it that can read its frame (not `globals()`, `vars(x)` or `eval(e, {})` in a function), or kept through a wrapper of two generators inside a branch (`it = zip(gen(1), gen(2)) if c else []`); `list(gen())` and other consumers that read to the ' +
      'end. Reported without a fix: uses in an `if`/`while` condition or another compound statement header, ' +
      'in a class body, inside a lambda or comprehension, after other code of the same statement, or followed ' +
      'by other code of it (`print(next(gen()))`: CPython closed the generator before `print` ran); a loop ' +
      'over `zip`/`islice`/`takewhile` of it with an `else:` (CPython closed it before the `else:`); a generator made ' +
      'in a branch (`gen() if c else it`, `and`, `or`), kept through one (`it = gen() if c else []`) or used in one ' +
      '(`next(gen()) if d else None`) where the target is older than 3.8 (no `:=`) or the branch is ' +
      'in a comprehension\'s iterable (where Python refuses `:=`), or an object picked so whose `__iter__` is the ' +
      'generator (`Table() if c else []`). Not flagged: `gen() and x` and `if gen()` (a generator is always true: ' +
      'it is dropped before it starts).',
  },
  examples: [
    {
      before: 'def rows(db):\n    with db.lock:\n        yield from db.items\n\n\ndef report(db):\n    for row in rows(db):\n        if row.done:\n            break\n    else:\n        print("none")\n',
      after: 'def rows(db):\n    with db.lock:\n        yield from db.items\n\n\ndef report(db):\n    gen = rows(db)\n    try:\n        for row in gen:\n            if row.done:\n                break\n        else:\n            print("none")\n    finally:\n        gen.close()\n',
    },
    {
      before: 'def rows(db):\n    with db.lock:\n        yield from db.items\n\n\ndef first(db):\n    return next(rows(db))\n',
      after: 'def rows(db):\n    with db.lock:\n        yield from db.items\n\n\ndef first(db):\n    gen = rows(db)\n    try:\n        return next(gen)\n    finally:\n        gen.close()\n',
    },
  ],
  check,
  needsProject: true,
  // Without a project index only this file's own generators count, and it must say `yield` to have one; any
  // file may call one of ITERATORS (`os.scandir`), which it names by its last name or an import alias.
  // Every call of an indexed generator names it: a module-level one by its name (or an import alias, which
  // the engine adds), a method or nested def of this module by its last name, a method of another module's
  // class through that class (`Reader.rows(...)`). A module the index leaves out (`ambiguous`: two
  // `conftest.py` outside packages) resolves calls to its own generators only, from the index of its module
  // alone that the first pass made (`own`); without one (the library API given such an index), only the
  // whole file shows them, and a file that says no `yield` has none.
  anchors: (project, file) => {
    const index = project?.generators as GeneratorIndex | undefined;
    if (!index) return null;
    const module = moduleKey(file.path, file.moduleName);
    const found = projectIndexOf(index, module, file.path);
    if (!found) return saysYield(file.text) ? null : ITERATOR_WORDS;
    const members = found.memberNames[module];
    if (members?.length) return [...found.callNames, ...members, ...found.classNames, ...ITERATOR_WORDS];
    let shared = sharedAnchors.get(found);
    if (!shared) sharedAnchors.set(found, (shared = [...found.callNames, ...found.classNames, ...ITERATOR_WORDS]));
    return shared;
  },
  anchorsSuffice: true,
  triggers: (project) => {
    const index = project?.generators as GeneratorIndex | undefined;
    // Ex) `from .repo import Repo` … `next(Repo.rows())`: a file that names only the class holding the generator
    return index ? ['yield', ...ITERATOR_WORDS, ...index.callNames, ...index.classNames] : ['yield', ...ITERATOR_WORDS];
  },
};
