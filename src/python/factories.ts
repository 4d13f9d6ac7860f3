// Functions of the module that make a new resource on every call and hand it to the caller, untouched but for its
// settings: `def get_db(): return sqlite3.connect(DB)`, or
//     def get_db():
//         conn = sqlite3.connect(DB)
//         conn.row_factory = sqlite3.Row
//         conn.execute("pragma foreign_keys = on")
//         return conn
// A call of such a function makes what the catalog's call makes, so a rule may treat `with get_db() as cx:` as it
// treats `with sqlite3.connect(DB) as cx:`. Not a function that may keep what it made (a cache, `@lru_cache`, a
// global), hand it to other code, give back something else on some path, or be bound to something else.
import type { FileContext, SyntaxNode } from '../types.js';
import { containsYield } from './evaluation.js';
import { lastTextMemo, memoized } from './memo.js';
import { moduleFunctionOf } from './resource-flow.js';
import { closeNote, doubledNote, mockedAround, RESOURCE_CALLS, resourceOf, type ResourceSpec } from './resources.js';
import { calleeName } from './imports.js';
import { functionOrModuleOf, identifiersNamed } from './scopes.js';
import { isExtra, unwrapParens } from './statements.js';
import { escapeRegExp } from './text.js';

export interface Factory {
  /** The function's definition. */
  def: SyntaxNode;
  /** The catalog calls whose result it returns (one per `return`, or the one its returned name is bound to). */
  made: readonly SyntaxNode[];
  spec: ResourceSpec;
}

/**
 * The names of module-level `def`s whose text calls one of `words` (`connect(`) and says `return`: from the text, a
 * superset of the factories `factoryOf` accepts, for a transform's anchors (the engine's first look parses the
 * functions where these names appear).
 */
export function factoryNames(text: string, words: readonly string[]): readonly string[] {
  return namesMemo(text).get(words.join('|')) ?? computeNames(text, words);
}

const namesMemo = lastTextMemo((_text: string) => new Map<string, readonly string[]>());

function computeNames(text: string, words: readonly string[]): readonly string[] {
  const out: string[] = [];
  const calls = new RegExp(`\\b(?:${words.map(escapeRegExp).join('|')})[ \\t]*\\(`);
  const defs = [...text.matchAll(/^def[ \t]+([\p{L}_][\p{L}\p{N}_]*)/gmu)];
  for (const [i, m] of defs.entries()) {
    // (Its text: to the next `def`, `class` or decorator at column 0, whatever comes between: a signature over lines
    // whose `) -> sqlite3.Connection:` starts a line, a string's lines at column 0; more text only finds more names)
    const start = m.index!;
    const next = /\n(?=(?:async[ \t]+)?def\b|class\b|@)/g;
    next.lastIndex = start + m[0].length;
    const end = Math.min(next.exec(text)?.index ?? text.length, defs[i + 1]?.index ?? text.length);
    const body = text.slice(start, end);
    if (body.includes('return') && calls.test(body)) out.push(m[1]!);
  }
  const frozen = Object.freeze(out);
  namesMemo(text).set(words.join('|'), frozen);
  return frozen;
}

/**
 * The factory `call` calls (`get_db()`), when it is one whose every call makes a new resource of the catalog, gives it
 * to the caller, and `accept` takes it: a module-level `def` the module binds once (not decorated, not
 * `async`, no generator; no `global` of its name, no star import, nothing in the file that binds or reaches names at
 * run time: `globals()`, `exec`, `setattr`, `vars`, `__import__`, `import_module`, `__globals__`, `__code__`,
 * `sys.modules`; not named in a string of a file that patches; not patched around the call or by another module of
 * the run, nor its catalog call; no `locals()` or `sys._getframe()` in it) whose body
 * ends with a `return`, and whose every `return` gives either the catalog call itself or a name of the function
 * bound once, at the body's top level, to that call and otherwise only given settings (`conn.row_factory = …`) or
 * told to do something whose result is dropped (`conn.execute(q)` as a statement). Else `undefined`.
 */
export function factoryOf(ctx: FileContext, call: SyntaxNode, accept: (factory: Factory) => boolean): Factory | undefined {
  // (Patched elsewhere with a `MagicMock` too: `mock.patch("mod.get_db")`, `mockedNames`)
  const fn = moduleFunctionOf(ctx, call, ['patchedNames', 'mockedNames']);
  // (Not decorated: `@functools.lru_cache` shares what it made)
  if (!fn || 'why' in fn || fn.def.parent?.type !== 'module' || REACHES_BY_NAME.test(ctx.source)) return undefined;
  const def = fn.def;
  const name = call.childForFieldName('function')!.text;
  // Ex) `@mock.patch(__name__ + ".get_db")` on a test that calls a helper calling it, `use.__globals__["get_db"] = f`,
  // `patch.object(app, "get_db")`: a string that names the function in a file that patches (review rw5)
  if (new RegExp(`['".]${escapeRegExp(name)}['"]`).test(ctx.source) && PATCHES.test(ctx.source)) return undefined;
  const factory = memoized(factoryMemo, ctx, def.id, () => readFactory(ctx, def));
  // Ex) `@patch(__name__ + ".get_db")` on the test around the call: it makes a mock; `mock.patch("app.sqlite3.connect")`
  // in a test of the module: the call in the function makes one
  return factory && accept(factory) && !mockedAround(ctx, call, factory.spec) && !factory.made.some((m) => doubledNote(ctx, factory.spec, m)) ? factory : undefined;
}

/**
 * What every rule may take a factory for (`resourceOf`): a database connection whose catalog calls' arguments say
 * nothing of its close (`closeNote`: no `uri=`, no `factory=`). Not files: the rules read `open`'s arguments (its
 * mode, its encoding) from the call, which for a factory are the function's.
 */
export function anyRuleTakes(factory: Factory): boolean {
  return factory.spec.kind === 'database connection' && !factory.made.some((m) => closeNote(factory.spec, m) !== undefined);
}

/** The words of the catalog calls a factory `anyRuleTakes` makes (`factoryNames`). */
export const CONNECTION_WORDS: readonly string[] = ['connect', 'Connection'];

/**
 * The names of the text's functions that may make a connection (`factoryNames`), in a text that names sqlite3; else
 * none.
 */
export const connectionFactoryNames = lastTextMemo((text: string): readonly string[] => (text.includes('sqlite3') ? factoryNames(text, CONNECTION_WORDS) : NONE));
const NONE: readonly string[] = Object.freeze([]);

// (Beyond what `moduleFunctionOf` reads, `globals()`, `exec`, `setattr`, `vars`: the module's functions reached by name)
const REACHES_BY_NAME = /\b(?:__import__|import_module)\s*\(|__globals__|__code__|\bsys\.modules\b/;
// (`mock.patch`, `monkeypatch.setattr`: a word, not `dispatch`)
const PATCHES = /\bpatch|\bsetattr|\bsetitem|__dict__/;
const factoryMemo = new WeakMap<FileContext, Map<number, Factory | undefined>>();

function readFactory(ctx: FileContext, def: SyntaxNode): Factory | undefined {
  const body = def.childForFieldName('body');
  if (!body || containsYield(body)) return undefined;
  // Ex) `REGISTRY.append(locals())`, `sys._getframe()`: the frame's variables, the connection among them, kept
  if (/\blocals\s*\(|_getframe/.test(body.text)) return undefined;
  const statements = body.namedChildren.filter((c) => !isExtra(c));
  if (statements.at(-1)?.type !== 'return_statement') return undefined;
  const made: SyntaxNode[] = [];
  let spec: ResourceSpec | undefined;
  for (const ret of body.descendantsOfType('return_statement')) {
    if (functionOrModuleOf(ret).id !== def.id) continue;
    const value = ret.namedChildren.find((c) => !isExtra(c));
    const v = value ? unwrapParens(value) : undefined;
    const call = v?.type === 'call' ? v : v?.type === 'identifier' ? madeByLocal(ctx, def, body, v) : undefined;
    // (A catalog call by its name: not another factory, which `resourceOf` would read in turn, nor a path's `open()`)
    const s = call && RESOURCE_CALLS.has(calleeName(ctx.names, call) ?? '') ? resourceOf(ctx, call) : undefined;
    // (Every return the same kind of resource: `sqlite3.connect(":memory:")` on one path, `sqlite3.connect(p)` on another)
    if (!call || !s || (spec && s.name !== spec.name)) return undefined;
    spec = s;
    made.push(call);
  }
  return spec ? { def, made, spec } : undefined;
}

/**
 * The catalog call the function's local `name` (returned) is bound to, when that is its one binding, a statement of
 * the function's body (`conn = sqlite3.connect(p)`), and every other read of it is a setting (`conn.x = v`), a method
 * call whose result is dropped (`conn.execute(q)` as a statement) or a `return` of it; else `undefined`.
 */
function madeByLocal(ctx: FileContext, def: SyntaxNode, body: SyntaxNode, name: SyntaxNode): SyntaxNode | undefined {
  const bound = ctx.names.bindings(def).get(name.text) ?? [];
  if (bound.length !== 1 || bound[0]!.kind !== 'assign') return undefined;
  const target = bound[0]!.node;
  const assign = target.parent;
  if (assign?.type !== 'assignment' || assign.childForFieldName('left')?.id !== target.id || assign.parent?.type !== 'expression_statement' || assign.parent.parent?.id !== body.id) return undefined;
  const right = assign.childForFieldName('right');
  const call = right ? unwrapParens(right) : undefined;
  if (call?.type !== 'call') return undefined;
  for (const id of identifiersNamed(body, name.text, ctx.source)) {
    if (id.id === target.id) continue;
    // Ex) `def close(): conn.close()` or a lambda inside: it may run after the caller's block
    if (functionOrModuleOf(id).id !== def.id) return undefined;
    let p = id.parent;
    // Ex) `return (conn)`
    while (p?.type === 'parenthesized_expression') p = p.parent;
    if (p?.type === 'return_statement') continue;
    if (id.parent?.type === 'parenthesized_expression') return undefined;
    if (p?.type !== 'attribute' || p.childForFieldName('object')?.id !== id.id) return undefined;
    const up = p.parent;
    // Ex) `conn.row_factory = sqlite3.Row`
    if (up?.type === 'assignment' && up.childForFieldName('left')?.id === p.id && up.parent?.type === 'expression_statement') continue;
    // Ex) `conn.execute("pragma foreign_keys = on")`: its cursor dropped
    if (up?.type === 'call' && up.childForFieldName('function')?.id === p.id && up.parent?.type === 'expression_statement') continue;
    return undefined;
  }
  return call;
}
