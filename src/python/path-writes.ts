// Whether code that runs between where a rewrite flushes a written file and where CPython did may write the same
// path (WFY105's block ending at the last use, WFY104's `with` after a `try` whose handler goes on): calls given the
// path by its text, functions of the file that name it or are given it, callables made around it. A path spelt
// otherwise is not seen (docs/open-assign.md).
import type { FileContext, SyntaxNode } from '../types.js';
import { calleeName } from './imports.js';
import { memoized, pushTo } from './memo.js';
import { firstPositional, literalMode, resourceOf, type ResourceSpec } from './resources.js';
import { functionOrModuleOf, within } from './scopes.js';
import { isExtra } from './statements.js';
import { escapeRegExp } from './text.js';
import { preview } from './evaluation.js';

/** The keyword each opener takes its path by, where it has one (`open(file=p)`, `gzip.open(filename=p)`). */
const PATH_KEYWORD: ReadonlyMap<string, string> = new Map([
  ['builtins.open', 'file'],
  ['io.open', 'file'],
  ['codecs.open', 'filename'],
  ['gzip.open', 'filename'],
  ['gzip.GzipFile', 'filename'],
  ['bz2.open', 'filename'],
  ['bz2.BZ2File', 'filename'],
  ['lzma.open', 'filename'],
  ['lzma.LZMAFile', 'filename'],
  ['tarfile.open', 'name'],
  ['tarfile.TarFile', 'name'],
  ['zipfile.ZipFile', 'file'],
  ['shelve.open', 'filename'],
  ['dbm.open', 'file'],
  ['wave.open', 'f'],
  ['sqlite3.connect', 'database'],
  ['sqlite3.Connection', 'database'],
]);
/** Resources with no path another call could name: a temporary file's name is its own, a socket has none. */
const NO_PATH = /^(?:tempfile\.|socket\.|subprocess\.|os\.(?:popen|fdopen)$|mmap\.)/;

/**
 * The expression a resource call names its path by: its first positional argument, or its path keyword (`open(file=p)`);
 * `Path(p).open("a")`: `p`. `null` when the resource has no path of its own (a temporary file, a socket); `undefined`
 * when it has one withify cannot find (`open(*args)`).
 */
export function pathArgOf(spec: ResourceSpec, call: SyntaxNode): SyntaxNode | null | undefined {
  if (NO_PATH.test(spec.name)) return null;
  if (spec.name === 'pathlib.Path.open') {
    const obj = call.childForFieldName('function')?.childForFieldName('object');
    // Ex) `p.open("w")`, `self.path.open("a")`: the receiver is the path
    if (obj && obj.type !== 'call') return obj;
    const args = obj?.type === 'call' ? (obj.childForFieldName('arguments')?.namedChildren ?? []).filter((x) => !isExtra(x)) : [];
    return args.length === 1 && args[0]!.type !== 'keyword_argument' && args[0]!.type !== 'list_splat' ? args[0] : undefined;
  }
  const args = call.childForFieldName('arguments');
  const first = firstPositional(call);
  if (first && first.type !== 'list_splat' && first.type !== 'dictionary_splat') return first;
  if (first?.type === 'list_splat') return undefined;
  const keyword = PATH_KEYWORD.get(spec.name);
  for (const x of args?.namedChildren ?? []) {
    if (x.type === 'keyword_argument' && x.childForFieldName('name')?.text === keyword) return x.childForFieldName('value') ?? undefined;
  }
  // Ex) `open(*args)`, `open(**kw)`: a path not known; `gzip.GzipFile(fileobj=raw, mode="wb")`: none of its own (it
  // writes through the file object it is given)
  return args?.namedChildren.some((x) => x.type === 'list_splat' || x.type === 'dictionary_splat') ? undefined : null;
}

/** The function, or module, whose code runs `node`, a lambda's body counted as the code around it (it runs where it is called). */
export function ownerThroughLambdas(node: SyntaxNode): SyntaxNode {
  let owner = functionOrModuleOf(node);
  while (owner.type === 'lambda') owner = functionOrModuleOf(owner);
  return owner;
}

const bodiesMemo = new WeakMap<FileContext, Map<string, Map<string, string>>>();

/**
 * The text of each function of the file by its name (the bodies of every `def` of a name, joined): what a call
 * `helper()` runs; and a module-level name bound to a lambda or a `partial(…)` (`note = functools.partial(append_to,
 * LOG)`), with that value's text.
 */
export function functionBodies(ctx: FileContext): Map<string, string> {
  return memoized(bodiesMemo, ctx, '', () => {
    const out = new Map<string, string>();
    for (const fn of ctx.root.descendantsOfType('function_definition')) {
      const fname = fn.childForFieldName('name')?.text;
      if (fname) out.set(fname, (out.get(fname) ?? '') + (fn.childForFieldName('body')?.text ?? ''));
    }
    for (const [name, value] of moduleCallables(ctx)) if (!out.has(name)) out.set(name, value);
    return out;
  });
}

const callablesMemo = new WeakMap<FileContext, Map<string, Map<string, string>>>();

/** Module-level names bound to a lambda or a `functools.partial(…)`, with the value's text. */
function moduleCallables(ctx: FileContext): Map<string, string> {
  return memoized(callablesMemo, ctx, '', () => {
    const out = new Map<string, string>();
    for (const stmt of ctx.root.namedChildren) {
      const asg = stmt.type === 'expression_statement' ? stmt.namedChildren[0] : undefined;
      const left = asg?.type === 'assignment' ? asg.childForFieldName('left') : null;
      const right = asg?.childForFieldName('right');
      if (left?.type !== 'identifier' || !right) continue;
      const made = right.type === 'call' ? calleeName(ctx.names, right) : undefined;
      if (right.type === 'lambda' || made === 'functools.partial') out.set(left.text, right.text);
    }
    return out;
  });
}

/** Calls that write a path given them (`shutil.copy(src, P)`: the second), by their dotted name: the argument positions. */
const PATH_WRITERS: ReadonlyMap<string, readonly number[]> = new Map([
  ['shutil.copy', [1]],
  ['shutil.copy2', [1]],
  ['shutil.copyfile', [1]],
  ['shutil.move', [1]],
]);
/** A `Path(P)` method that writes its file. */
const PATH_WRITE_METHOD = /^(?:write_text|write_bytes|touch)$/;

/** The calls of a scope's own code that may write a path (`pathWrites`), found once per scope. */
interface PathWrites {
  /** Path text → the calls that write it by name (`shutil.copy(src, P)`, `Path(P).write_text(…)`), in order. */
  byPath: Map<string, SyntaxNode[]>;
  /** Name of a function of the file → the calls of it (`note("N")`), in order: what they write depends on the path asked. */
  helpers: Map<string, SyntaxNode[]>;
  /**
   * Argument text → the other calls given it (by position or keyword) that may write what it names: a function
   * imported, a lambda, an alias, a `partial`, a method (not one that only looks: `print`, `os.path.*`, a logger's),
   * in order. A function of the file given it is in `helpers`.
   */
  given: Map<string, SyntaxNode[]>;
  /** Argument text → the calls of a function of the file given it, in order. */
  helperGiven: Map<string, SyntaxNode[]>;
}

// Per tree, per scope: every written file of a module of 2,000 asked for the same scope's calls (one scan).
const pathWritesCache = new WeakMap<object, Map<number, PathWrites>>();

function pathWrites(ctx: FileContext, scope: SyntaxNode): PathWrites {
  return memoized(pathWritesCache, scope.tree, scope.id, () => {
    const byPath = new Map<string, SyntaxNode[]>();
    const helpers = new Map<string, SyntaxNode[]>();
    const given = new Map<string, SyntaxNode[]>();
    const helperGiven = new Map<string, SyntaxNode[]>();
    const bodies = scope.type !== 'module' ? functionBodies(ctx) : undefined;
    for (const c of scope.descendantsOfType('call')) {
      const fn = c.childForFieldName('function');
      // (A lambda's calls count where the lambda is: `map(lambda t: append_to(p, t), lines)`)
      if (!fn || ownerThroughLambdas(c).id !== scope.id) continue;
      const args = (c.childForFieldName('arguments')?.namedChildren ?? []).filter((x) => !isExtra(x));
      // (Each argument's text, a keyword's value; not a `*`/`**` one)
      const values = args.flatMap((x) => (x.type === 'keyword_argument' ? (x.childForFieldName('value')?.text ?? []) : x.type === 'list_splat' || x.type === 'dictionary_splat' ? [] : x.text));
      if (bodies && fn.type === 'identifier' && bodies.has(fn.text)) {
        pushTo(helpers, fn.text, c);
        for (const v of values) pushTo(helperGiven, v, c);
        continue;
      }
      const name = calleeName(ctx.names, c);
      const at = name ? PATH_WRITERS.get(name) : undefined;
      // (An open is `samePathOpenedAgain`'s, a copy's destination is below; a read of the path after the last use sees
      // what the `with` flushed, as WFY105's block ends at the last use)
      // (A resource of the catalog given the path is an open of it: `samePathOpenedAgain` reads those, the open itself too)
      if (!at && name !== 'builtins.open' && name !== 'io.open' && !onlyLooks(name ?? fn.text.replace(/\s+/g, ''), name !== undefined, () => allFunctionBodies(ctx)) && !resourceOf(ctx, c)) for (const v of values) pushTo(given, v, c);
      if (at) {
        // (`shutil.copy(src, dst=P)`: the destination by keyword too)
        for (const k of at) if (args[k] && args[k]!.type !== 'keyword_argument') pushTo(byPath, args[k]!.text, c);
        const dst = args.find((x) => x.type === 'keyword_argument' && x.childForFieldName('name')?.text === 'dst')?.childForFieldName('value');
        if (dst) pushTo(byPath, dst.text, c);
        continue;
      }
      // Ex) `Path(P).write_text("N")`; `Path(P).open("a")`: a mode that writes
      if (fn.type !== 'attribute') continue;
      const method = fn.childForFieldName('attribute')?.text ?? '';
      const modeArg = args.find((x) => x.type === 'keyword_argument' && x.childForFieldName('name')?.text === 'mode')?.childForFieldName('value') ?? (args[0]?.type !== 'keyword_argument' ? args[0] : undefined);
      if (!PATH_WRITE_METHOD.test(method) && !(method === 'open' && /^[rbtU]*["'][^"']*[wax+]/.test(modeArg?.text ?? ''))) continue;
      const obj = fn.childForFieldName('object');
      const made = obj?.type === 'call' ? calleeName(ctx.names, obj) : undefined;
      const objArgs = obj?.type === 'call' ? (obj.childForFieldName('arguments')?.namedChildren ?? []).filter((x) => !isExtra(x)) : [];
      if ((made === 'pathlib.Path' || made === 'pathlib.PurePath') && objArgs.length === 1) pushTo(byPath, objArgs[0]!.text, c);
    }
    return { byPath, helpers, given, helperGiven };
  });
}

const bodyWritesMemo = new WeakMap<FileContext, Map<string, boolean>>();
/** `name(` in a function's body: what it calls by name. */
const CALLED_NAME = /(?<![\w.])([A-Za-z_]\w*)[ \t]*\(/g;
const localCallablesMemo = new WeakMap<FileContext, Map<number, ReadonlyArray<{ call: SyntaxNode; made: readonly string[] }>>>();

/**
 * The calls of `scope`'s own code whose callee is a name the function binds itself, each with the texts of what it
 * binds there (a nested `def`'s body, an assignment's value: `functools.partial(append_to, p)`, `lambda t: …`): found
 * once per function, where every written file of it asks.
 */
function localCallables(ctx: FileContext, scope: SyntaxNode): ReadonlyArray<{ call: SyntaxNode; made: readonly string[] }> {
  return memoized(localCallablesMemo, ctx, scope.id, () => {
    const out: Array<{ call: SyntaxNode; made: readonly string[] }> = [];
    const own = ctx.names.bindings(scope);
    for (const c of scope.descendantsOfType('call')) {
      const fn = c.childForFieldName('function');
      if (fn?.type !== 'identifier' || !own.has(fn.text) || ownerThroughLambdas(c).id !== scope.id) continue;
      const r = ctx.names.resolve(fn.text, c);
      if (r.kind !== 'local' || r.scope.id !== scope.id) continue;
      const made = r.bindings.map((b) => {
        const def = b.node.type === 'function_definition' ? b.node : b.node.parent?.type === 'function_definition' ? b.node.parent : undefined;
        if (def) return def.childForFieldName('body')?.text ?? '';
        const value = b.node.parent?.type === 'assignment' && b.node.parent.childForFieldName('left')?.id === b.node.id ? b.node.parent.childForFieldName('right') : null;
        return value?.text ?? '';
      });
      out.push({ call: c, made });
    }
    return out;
  });
}

/**
 * Calls that only look at a path they are given, or keep its text: `os.path.*`, `os.stat`, `print`, `str`, `Path(p)`
 * itself, a logger's message methods (not `logging.FileHandler(p)`, `logging.basicConfig(filename=p)`, which append
 * to it), a test's asserts, a container's methods (`written.append(p)`, `seen.add(p)`), and calls that change no byte
 * of it whatever the order of the flushes: `os.chmod`, `os.chown`, a rename (the pending flush goes to the same inode).
 */
const ONLY_LOOKS = new RegExp(
  '^(?:os\\.(?:stat|lstat|fspath|access|path\\.\\w+|chmod|lchmod|chown|lchown|remove|unlink)|shutil\\.copymode|' +
    'builtins\\.(?:print|str|repr|len|isinstance|hasattr|type|bool|int|float)|print|str|repr|len|isinstance|hasattr|type|bool|int|float|' +
    'pathlib\\.(?:Pure)?Path|(?:Pure)?Path|warnings\\.warn|self\\.assert\\w*|self\\.fail|[\\w.]+\\.(?:debug|info|warning|error|exception|critical)|' +
    // (A logger's `log.log(level, msg, p)`, `log.warn(msg, p)`; not `self.log(out, …)`, a method of the class)
    '(?!(?:self|cls)\\.\\w+$)[\\w.]+\\.(?:log|warn))$',
);
/**
 * A container's methods on a name of the code's own (not an import, not `self`): `written.append(p)`, `seen.add(p)`,
 * `", ".join(paths)`. (Not `os.rename(p, q)`: what is written to the new name later lands in the file the flush goes to.)
 */
const CONTAINER_METHOD = /^(?!(?:self|cls)\.\w+$)(?:[\w.]+|".*"|'.*')\.(append|add|extend|insert|discard|setdefault|index|count|format|join)$/;

/** `callee`: a call's dotted name when it resolves to an import or a builtin (`resolved`), else its text. */
export function onlyLooks(callee: string, resolved = true, methods?: () => ReadonlyMap<string, string>): boolean {
  if (ONLY_LOOKS.test(callee)) return true;
  const m = resolved ? null : CONTAINER_METHOD.exec(callee);
  // (Not where a class of the file defines a method of that name, `Journal().append(p, …)`)
  return !!m && !!methods && !methods().has(m[1]!);
}

/**
 * The file's functions by name, read beyond the function asked about: on a partial tree the engine parses the whole
 * file first (a class's `append` far from the code would otherwise be missed, and the call taken for a list's).
 */
function allFunctionBodies(ctx: FileContext): ReadonlyMap<string, string> {
  ctx.readsBeyondFunction();
  return functionBodies(ctx);
}

/** What a function of the file given a path may write it with (read from its body's text). An `open(` is below. */
const WRITE_HINT = /\.write|write_text|write_bytes|\btouch\s*\(|\bshutil\.|\bcopy\w*\s*\(|\bmove\s*\(|\bos\.(?:system|truncate|link|symlink)|\bsubprocess\b|\bPopen\b/;
/** `open(` with its arguments up to the matching `)` when they hold no parentheses; else unknown. */
const OPEN_CALL = /\bopen\s*\(([^()]*)\)?/g;

/** True when a body's `open(…)` calls may write: a mode with `w`, `a`, `x` or `+`, or one withify cannot read. */
function opensToWrite(body: string): boolean {
  for (const m of body.matchAll(OPEN_CALL)) {
    const args = m[1];
    // (Nested parentheses in its arguments, `open(os.path.join(d, n))`: not read)
    if (!m[0].endsWith(')') || args === undefined) return true;
    const parts = args.split(',').map((s) => s.trim()).filter(Boolean);
    // (`Path(path).open("a")`, `path.open("a")`: a method's first argument is the mode)
    const at = m[1] === undefined ? 0 : body.charCodeAt(m.index! - 1) === 46 ? 0 : 1;
    const mode = parts.find((s) => /^mode\s*=/.test(s))?.replace(/^mode\s*=\s*/, '') ?? (parts[at] && !/^\w+\s*=/.test(parts[at]!) ? parts[at] : undefined);
    if (mode === undefined) {
      if (parts.some((s) => s.startsWith('*'))) return true;
      continue;
    }
    if (!/^[rbuRBU]*["'][rbtU]*["']$/.test(mode)) return true;
  }
  return false;
}

/**
 * Whether a function of the file may write a path it is given: it opens something to write, writes, copies, runs a
 * command, calls another function of the file, or hands one of its parameters to a call that does not only look at it
 * (`logging.FileHandler(path)`). A lambda or `partial(…)` bound at module level: may.
 */
function bodyMayWrite(ctx: FileContext, name: string): boolean {
  return memoized(bodyWritesMemo, ctx, name, () => {
    const bodies = functionBodies(ctx);
    const body = bodies.get(name) ?? '';
    // (A module-level lambda or partial, `note = partial(append_to, LOG)`, no `def` of that name: what it runs is not read here)
    const callable = moduleCallables(ctx).get(name);
    if (callable !== undefined && body === callable) return true;
    if (WRITE_HINT.test(body) || opensToWrite(body)) return true;
    for (const m of body.matchAll(CALLED_NAME)) if (bodies.has(m[1]!)) return true;
    // Ex) `def log_line(path, msg): h = logging.FileHandler(path)`: a call given a parameter
    for (const params of defHeaders(ctx).get(name) ?? []) {
      for (const p of parameterNames(params)) {
        // (The parameter itself as an argument, `FileHandler(path)`, `f(x, path=path)`: not `sha256(path.encode())`)
        // (Over lines too, a black-style call; in a list or a tuple, `append_all([path], …)`)
        const given = new RegExp(`([A-Za-z_][\\w.]*)[ \\t]*\\((?:[^()]|\\([^()]*\\))*?(?<=[(,=[]\\s*)${escapeRegExp(p)}(?=\\s*[,)\\]])`, 'g');
        for (const g of body.matchAll(given)) if (!onlyLooks(g[1]!, false, () => allFunctionBodies(ctx)) && g[1] !== 'open') return true;
      }
    }
    return false;
  });
}

/** The names of a `def`'s parameter list text (`path, msg="x", *rest, **kw`). */
function parameterNames(list: string): string[] {
  return list.split(',').flatMap((part) => {
    const m = /^\s*\**([A-Za-z_]\w*)/.exec(part);
    return m ? [m[1]!] : [];
  });
}

export interface PathWriteQuery {
  /** The path's expression in the resource's call. */
  pathNode: SyntaxNode;
  /** True for a call that runs after the point where the rewrite flushes the file, and before CPython did. */
  after: (c: SyntaxNode) => boolean;
}

/**
 * A call of `scope`'s code, among those `q.after` takes, that may write the path the resource was opened on, other
 * than by opening it (an open is `samePathOpenedAgain`'s): a call given the path that does not only look at it
 * (`append_to(p, "z")` of a function of the file that may write, an imported function, a lambda, a `partial`),
 * `Path(P).write_text(…)`, `shutil.copy(src, P)`, a callable made in the function around the path, and a function of
 * the file whose code names the path (when the path is a literal or a name `scope` does not bind).
 */
export function pathWrittenElsewhere(ctx: FileContext, scope: SyntaxNode, q: PathWriteQuery): { call: SyntaxNode; how: string } | undefined {
  const { pathNode, after } = q;
  const path = pathNode.text;
  const { byPath, helpers, given, helperGiven } = pathWrites(ctx, scope);
  let found: { call: SyntaxNode; how: string } | undefined;
  const take = (call: SyntaxNode, how: string) => {
    if (!found || call.startIndex < found.call.startIndex) found = { call, how };
  };
  const writer = byPath.get(path)?.find(after);
  if (writer) take(writer, `writes \`${path}\``);
  // Ex) `append_to(P, "z")`, `append_to(path=p)`: a function of the file given the path itself, whose body may write
  // it; or any other call given it that may write it (imported, a lambda, an alias, a `partial`: whatever the path's
  // text, the same value goes in)
  for (const c of helperGiven.get(path) ?? []) {
    if (!after(c) || (found && found.call.startIndex < c.startIndex)) continue;
    const name = c.childForFieldName('function')!.text;
    if (bodyMayWrite(ctx, name)) take(c, `passes \`${path}\` to \`${name}()\`, a function of the file that may write it`);
  }
  const other = given.get(path)?.find(after);
  if (other) take(other, `passes \`${path}\` to \`${preview(other.childForFieldName('function') ?? other)}()\`, which may write it`);
  // Ex) `def app(text): with open(p, "a") as o: …` in the function, `w = functools.partial(append_to, p)`, `w = lambda t:
  // append_to(p, t)`: a callable made in the function around the path, called after the last use
  if (pathNode.type === 'identifier' && scope.type !== 'module') {
    const pathRe = new RegExp(`(?<![\\w.])${escapeRegExp(path)}(?!\\w)`);
    for (const { call, made } of localCallables(ctx, scope)) {
      if (!after(call) || (found && found.call.startIndex < call.startIndex) || !made.some((t) => pathRe.test(t))) continue;
      take(call, `calls \`${call.childForFieldName('function')!.text}\`, made in this function around \`${path}\`, which may write it`);
    }
  }
  const constant = /^[rbuRBU]*["'][^"'\\{}%]*["']$/.test(path) || (pathNode.type === 'identifier' && !ctx.names.bindings(scope).has(path));
  if (!constant || !helpers.size) return found;
  const named = new RegExp(`(?<![\\w.])${escapeRegExp(path)}(?![\\w])`);
  const bodies = functionBodies(ctx);
  const headers = defHeaders(ctx);
  const self = scope.childForFieldName('name')?.text;
  // (Made once per path, read against each helper's body and its `def` lines' parameter lists: a file of 2,000 helpers
  // and as many written files ran each over the whole text, per pair)
  const p = escapeRegExp(path);
  const byDefault = new RegExp(`=[ \\t]*${p}(?![\\w.])`);
  const param = new RegExp(`^(?:[^)]*,)?[ \\t]*${p}(?![\\w]|[ \\t]*=[ \\t]*${p}\\b)`);
  const local = new RegExp(`^[ \\t]*${p}[ \\t]*=(?!=)(?![^\\n]*,[ \\t]*$)`, 'm');
  for (const [name, calls] of helpers) {
    const c = name === self ? undefined : calls.find(after);
    if (!c || (found && found.call.startIndex < c.startIndex)) continue;
    const body = bodies.get(name)!;
    const params = headers.get(name) ?? [];
    // (Or its parameters' defaults: `def log(msg, path=P):`)
    if (!named.test(body) && !params.some((x) => byDefault.test(x))) continue;
    // (Not a helper whose own parameter or local has that name, `def note(path): …`, `path = …`: a module-level def's
    // parameter, not one with the path as its default; and only when the call does not pass the path itself, `log(path, msg)`)
    const passes = (c.childForFieldName('arguments')?.namedChildren ?? []).some((x) => named.test(x.text));
    if (!passes && (params.some((x) => param.test(x)) || local.test(body))) continue;
    take(c, `runs code of the file that names \`${path}\`, and may write it`);
  }
  return found;
}

// Per file: the parameter lists of its module-level `def` lines, by name.
const headersMemo = new WeakMap<FileContext, Map<string, Map<string, string[]>>>();

/** The text between the parentheses of each `def NAME(` at the start of a line, by NAME (read from the text once). */
function defHeaders(ctx: FileContext): Map<string, string[]> {
  return memoized(headersMemo, ctx, '', () => {
    const out = new Map<string, string[]>();
    // (Any identifier Python takes: `def nöte(msg, path=LOG)`)
    for (const m of ctx.source.matchAll(/^def[ \t]+([\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*)[ \t]*\(([^)]*)/gmu)) pushTo(out, m[1]!, m[2]!);
    return out;
  });
}

/**
 * True when the resource call `call` opens its path in a mode that empties it (`"w"`, or a mode withify cannot read)
 * and, in the loop `loop` around it, names the same path on every turn (no name of its path expression is bound in the
 * loop): the next turn's open empties the file before CPython flushed the last turn's (at the rebinding, after it).
 */
/**
 * True when the path expression `path` names the same path on every turn of `loop`: no name of it is bound in the loop,
 * and it calls nothing (`open(next_name(), "w")` may open another each turn).
 */
export function samePathEachTurn(ctx: FileContext, path: SyntaxNode, loop: SyntaxNode): boolean {
  // (`os.path.join(d, "out.txt")`, `str(p)`, `Path(d) / "x"`: calls that only build a path from what they are given)
  const calls = path.type === 'call' ? [path, ...path.descendantsOfType('call')] : path.descendantsOfType('call');
  if (calls.some((c) => !PATH_BUILDERS.test(c.childForFieldName('function')?.text.replace(/\s+/g, '') ?? ''))) return false;
  const names = path.type === 'identifier' ? [path] : path.descendantsOfType('identifier');
  const bound = ctx.names.bindings(functionOrModuleOf(path));
  for (const id of names) {
    if (id.parent?.type === 'attribute' && id.parent.childForFieldName('attribute')?.id === id.id) continue;
    if ((bound.get(id.text) ?? []).some((b) => within(b.node, loop))) return false;
  }
  return true;
}

const PATH_BUILDERS = /^(?:os\.path\.(?:join|abspath|normpath|realpath|expanduser|expandvars)|os\.fspath|str|(?:pathlib\.)?(?:Pure)?Path|[\w.]+\.(?:joinpath|with_suffix|with_name|format))$/;

export function reopenedEmptiedInLoop(ctx: FileContext, spec: ResourceSpec, call: SyntaxNode, loop: SyntaxNode): boolean {
  if (spec.name !== 'builtins.open' && spec.name !== 'io.open' && spec.name !== 'codecs.open') return false;
  // (No mode: `"r"`; one that is no plain literal may be `"w"`)
  const mode = literalMode(call);
  if (mode === undefined || (mode !== null && !mode.includes('w'))) return false;
  const path = pathArgOf(spec, call);
  return !!path && samePathEachTurn(ctx, path, loop);
}

/**
 * The first place after the last use (`after`) where `scope`'s code hands control to other code and comes back: a
 * `yield`, an `await`, an `async for` or `async with` (each awaits). Not a nested function's.
 */
export function suspensionAfter(scope: SyntaxNode, after: (n: SyntaxNode) => boolean): SyntaxNode | undefined {
  // (Found once per scope: 2,000 written files of one function each asked, 26 s on the bench's shape)
  // (`[x async for x in agen()]`: an async comprehension awaits too)
  const points = memoized(suspensionMemo, scope.tree, scope.id, () =>
    scope.descendantsOfType(['yield', 'await', 'for_statement', 'with_statement', 'for_in_clause']).filter((y) => (y.type === 'yield' || y.type === 'await' || y.child(0)?.type === 'async') && ownerThroughLambdas(y).id === scope.id),
  );
  return points.find(after);
}
const suspensionMemo = new WeakMap<object, Map<number, SyntaxNode[]>>();

/** The calls of `scope`'s own code (a lambda's counted where it is), once per scope. */
export function scopeCallList(scope: SyntaxNode): SyntaxNode[] {
  return memoized(scopeCallListMemo, scope.tree, scope.id, () => scope.descendantsOfType('call').filter((c) => ownerThroughLambdas(c).id === scope.id));
}
const scopeCallListMemo = new WeakMap<object, Map<number, SyntaxNode[]>>();

/**
 * Two paths that surely name two files: the literal text each ends with (a plain string literal's whole text, the
 * literal added last, `base + ".csv"`, or an f-string's text after its last field, `f"{d}/a.log"`) ends with neither
 * the other's (`"x.log"` and `"./x.log"`, `stem + "s.log"` and `stem + ".log"` may be one file, letter case aside), nor
 * do the names they end in match (reviews rv54d, rv54e).
 */
export function differentLiterals(a: SyntaxNode, b: SyntaxNode): boolean {
  return tailsApart(literalTail(a), literalTail(b));
}

/** Two paths ending with the literal texts `a` and `b` surely name two files (`differentLiterals`). */
export function tailsApart(a: string | undefined, b: string | undefined): boolean {
  const ta = a?.toLowerCase();
  const tb = b?.toLowerCase();
  if (ta === undefined || tb === undefined || !ta || !tb) return false;
  return !ta.endsWith(tb) && !tb.endsWith(ta) && lastPart(ta) !== lastPart(tb);
}

/** The literal text a path expression surely ends with, or `undefined`. */
export function literalTail(n: SyntaxNode): string | undefined {
  const plain = (s: SyntaxNode) => s.type === 'string' && !s.descendantsOfType('interpolation').length && /^[rRbBuU]*(['"])[^'"\\{}]*\1$/.test(s.text);
  if (plain(n)) return n.text.replace(/^[rRbBuU]*/, '').slice(1, -1);
  if (n.type === 'binary_operator' && n.childForFieldName('operator')?.text === '+') {
    const right = n.childForFieldName('right');
    return right ? literalTail(right) : undefined;
  }
  // (The text after an f-string's last field, which has no `}`)
  if (n.type === 'string' && /^[fF][rR]?(['"])/.test(n.text) && n.descendantsOfType('interpolation').length) return /\}([^{}'"\\]*)(['"])$/.exec(n.text)?.[1];
  return undefined;
}

/** The name a path's text ends in (`"/a.log"` → `a.log`; `".csv"` itself). */
const lastPart = (suffix: string) => suffix.slice(suffix.lastIndexOf('/') + 1);

/** `os.devnull`, `"/dev/null"`: nothing written there lands anywhere. */
export function isDevNull(path: SyntaxNode): boolean {
  return /^(?:os\.(?:path\.)?devnull|[rbuRBU]*["']\/dev\/null["'])$/.test(path.text);
}
