// Small constructors for edits, so call sites never do raw offset arithmetic.
import type { Edit, FileContext, SyntaxNode } from '../types.js';
import { calleeName, fromImportAlias, importInsertionPoint, moduleAlias } from './imports.js';
import { escapeRegExp, lineEndOf, lineStartOf, nextLineStart } from './text.js';
import { isExtra } from './statements.js';
import { functionOrModuleOf } from './scopes.js';
import { memoized } from './memo.js';

export const replaceNode = (n: SyntaxNode, text: string): Edit => ({ start: n.startIndex, end: n.endIndex, text });
export const replaceRange = (start: number, end: number, text: string): Edit => ({ start, end, text });
export const insertAt = (at: number, text: string): Edit => ({ start: at, end: at, text });
export const deleteRange = (start: number, end: number): Edit => ({ start, end, text: '' });

/**
 * An edit adding `line` (e.g. `import contextlib`) as a top-level import: after the module docstring
 * and `from __future__` imports, else before the first statement (so a shebang or coding line stays first).
 */
export function planTopLevelImport(ctx: FileContext, line: string, after?: SyntaxNode): Edit {
  return { ...(after ? importAfter(ctx, after.endIndex, line) : topLevelImportEdit(ctx, line)), import: true };
}

/**
 * `line` as a statement right after the top-level statement ending at `at`: on a line of its own, or, when
 * another statement follows on the same line (`from __future__ import annotations; data = …`), between the two,
 * so that it runs before that statement.
 */
function importAfter(ctx: FileContext, at: number, line: string): Edit {
  const end = logicalLineEnd(ctx.source, at);
  const next = ctx.root.namedChildren.find((c) => !isExtra(c) && c.startIndex >= at);
  return next && next.startIndex < end ? insertAt(at, `; ${line}`) : insertAt(end, ctx.eol + line);
}

/**
 * The last top-level statement that holds a star import (`from helpers import *`, also inside a top-level
 * `try`/`if`), which may bind any name: a name imported before it may be taken over by it.
 */
function lastStarImport(ctx: FileContext): SyntaxNode | undefined {
  if (!/\bimport[ \t\\\r\n(]*\*/.test(ctx.source)) return undefined;
  let last: SyntaxNode | undefined;
  for (const w of ctx.root.descendantsOfType('wildcard_import')) {
    let top = w;
    while (top.parent && top.parent.type !== 'module') top = top.parent;
    if (top.parent && functionOrModuleOf(w).type === 'module' && (!last || top.startIndex > last.startIndex)) last = top;
  }
  return last;
}

/**
 * The end of the line holding `offset`, or of the last line a backslash continues it onto: `from __future__
 * import annotations \` joins the (blank) line after it, where no statement may start.
 */
function logicalLineEnd(source: string, offset: number): number {
  let end = lineEndOf(source, offset);
  while (end < source.length && source.charCodeAt(end - 1) === 92 && isLineContinuation(source, end)) end = lineEndOf(source, nextLineStart(source, end));
  return end;
}

/** True when the backslash just before `end` (a line end) is a continuation: no comment holds it. */
function isLineContinuation(source: string, end: number): boolean {
  return !source.slice(lineStartOf(source, end), end).includes('#');
}

function topLevelImportEdit(ctx: FileContext, line: string): Edit {
  const after = importInsertionPoint(ctx.root);
  if (after > 0) return importAfter(ctx, after, line);
  const first = ctx.root.namedChildren.find((c) => !isExtra(c));
  if (first) return insertAt(first.startIndex, line + ctx.eol);
  const end = ctx.source.length;
  const needsBreak = end > 0 && !/[\r\n]$/.test(ctx.source);
  return insertAt(end, (needsBreak ? ctx.eol : '') + line + ctx.eol);
}

export interface ImportedName {
  /** How the code at the use site refers to it: `Path`, `pathlib.Path`, `closing`, `contextlib.closing`. */
  text: string;
  /** The import line to add (an `import` edit), or none when an existing import is reused. */
  edits: Edit[];
}

const NO_MODULES: ReadonlySet<string> = new Set();

/**
 * Why no new top-level import of `module` (`import contextlib`, `from pathlib import Path`, `import contextlib as
 * contextlib_`) may be added to this file, or `undefined`:
 * Ex) `contextlib.py` or `contextlib/` beside the file: in a package's `__init__.py`, `import pkg.contextlib` (by
 * anyone, at any time) rebinds the package's `contextlib` to its submodule; in a script, `import contextlib` may
 * find that module first (its directory leads `sys.path`).
 * Ex) `sorted(globals())`, `for name, fn in globals().items(): fn()`, module-level `dir()`/`vars()`/`locals()`, a
 * frame's `f_globals`/`f_locals`: the module reads its own namespace, where the import's name would show.
 */
export function newImportReason(ctx: FileContext, module: string, bound: readonly string[] = [module.split('.')[0]!]): string | undefined {
  const head = module.split('.')[0]!;
  const beside = ctx.modulesBeside?.() ?? NO_MODULES;
  // (Not in the standard library's own directory, `os.py` beside the file: `pathlib.py` there is the one imported)
  if (beside.has(head) && !beside.has('os')) {
    return `a module or package \`${head}\` lies beside this file: the \`import ${module}\` the fix needs could get that one, or have it replace the name`;
  }
  const read = namespaceReads(ctx).find((n) => !keyNeverNames(n, bound));
  if (read) {
    const what = read.type === 'call' ? `${read.childForFieldName('function')?.text}()` : read.text;
    return `\`${what}\` on line ${read.startPosition.row + 1} uses the module's namespace: the \`import ${module}\` the fix needs would add a name to it`;
  }
  return undefined;
}

// (Specific enough that a file which only says `if __name__ == "__main__":` or `dir` is not parsed whole for it)
const NAMESPACE_READ_HINT = /\b(?:globals|locals|vars)[ \t]*\(|\bdir[ \t]*\([ \t]*\)|\bf_(?:globals|locals)\b|\bmodules[ \t]*\[[ \t]*__name__/;
const saysNamespaceRead = (text: string) => NAMESPACE_READ_HINT.test(text);
const namespaceReadMemo = new WeakMap<FileContext, Map<number, readonly SyntaxNode[]>>();

/**
 * The first place that reads the module's namespace: `globals()` in any scope; `locals()`, or `vars()` or `dir()`
 * with no argument, in the module's own code (a class body's count too, though it lists the class's); a frame's
 * `f_globals` or `f_locals` anywhere (which frame it is, is out of sight).
 * Not seen: `vars(sys.modules[__name__])`, `sys.modules[__name__].__dict__`, `dir(this_module)` from elsewhere.
 */
function namespaceReads(ctx: FileContext): readonly SyntaxNode[] {
  if (!saysNamespaceRead(ctx.source)) return [];
  ctx.readsBeyondFunction();
  return memoized(namespaceReadMemo, ctx, ctx.root.id, () => [
    ...ctx.root.descendantsOfType('call').filter((c) => {
      const q = calleeName(ctx.names, c);
      if (q === 'builtins.globals') return true;
      if (q !== 'builtins.locals' && q !== 'builtins.vars' && q !== 'builtins.dir') return false;
      return functionOrModuleOf(c).type === 'module' && !c.childForFieldName('arguments')?.namedChildren.some((a) => !isExtra(a));
    }),
    ...ctx.root.descendantsOfType('attribute').filter((a) => /^f_(?:globals|locals)$/.test(a.childForFieldName('attribute')?.text ?? '')),
    // Ex) `inspect.getmembers(sys.modules[__name__], inspect.isclass)`: the module itself, whose names it may list
    ...(ctx.source.includes('__name__') ? ctx.root.descendantsOfType('subscript').filter((n) => /^sys\s*\.\s*modules\s*\[\s*__name__\s*\]$/.test(n.text)) : []),
  ]);
}

/**
 * True when `read` is `globals()[key]` or `globals().get(key, …)` whose key cannot be any of `names`: its literal
 * start is none of theirs. Ex) `globals()["fn%d" % k](flag)`, `globals()[f"handle_{kind}"]`, `globals()["VERSION"]`.
 */
function keyNeverNames(read: SyntaxNode, names: readonly string[]): boolean {
  const p = read.parent;
  let key: SyntaxNode | undefined;
  if (p?.type === 'subscript' && p.childForFieldName('value')?.id === read.id) {
    const keys = p.childrenForFieldName('subscript').filter((k) => !isExtra(k));
    key = keys.length === 1 ? keys[0] : undefined;
  } else if (p?.type === 'attribute' && p.childForFieldName('attribute')?.text === 'get' && p.parent?.type === 'call') {
    key = p.parent.childForFieldName('arguments')?.namedChildren.find((a) => !isExtra(a));
  }
  const start = key && literalStart(key);
  if (!start) return false;
  return names.every((n) => (start.whole ? start.text !== n : !n.startsWith(start.text)));
}

/** The text a key expression's value starts with: a plain string's whole text, the literal before `%`/`+` or an f-string's first field. */
function literalStart(key: SyntaxNode): { text: string; whole: boolean } | undefined {
  while (key.type === 'parenthesized_expression' && key.namedChildCount === 1) key = key.namedChildren[0]!;
  if (key.type === 'binary_operator' && /^[%+]$/.test(key.childForFieldName('operator')?.text ?? '')) {
    const left = key.childForFieldName('left');
    const start = left && literalStart(left);
    if (!start) return undefined;
    const text = key.childForFieldName('operator')!.text === '%' ? start.text.split('%')[0]! : start.text;
    return text ? { text, whole: false } : undefined;
  }
  // Ex) `"fn%d"`, `f"handle_{kind}"`; not a bytes, raw-escaped or implicitly joined string
  const m = key.type === 'string' ? /^([fF]?)(["'])([A-Za-z0-9_%]*)(\{?)/.exec(key.text) : null;
  if (!m) return undefined;
  const f = m[1] !== '';
  if (f) return m[3] ? { text: m[3], whole: false } : undefined;
  if (m[4] !== '' || !key.text.endsWith(m[2]!) || key.text.length !== m[3]!.length + 2) return { text: m[3]!, whole: false };
  return { text: m[3]!, whole: true };
}

/**
 * True when every place the text says `head` (a whole word, not after a `.`) is the module of a `from head import …`
 * or `from head.sub import …`: the name `head` itself is bound and read nowhere (`from pathlib import PurePath` under
 * `if TYPE_CHECKING:`), so `import head` clobbers nothing. A place in a string or comment counts as a use.
 */
function onlyFromImported(source: string, head: string): boolean {
  const h = escapeRegExp(head);
  const all = source.match(new RegExp(`(?<![\\w.])${h}(?!\\w)`, 'g'))?.length ?? 0;
  const fromModule = source.match(new RegExp(`\\bfrom[ \\t]+${h}(?:[ \\t]*\\.[ \\t]*\\w+)*[ \\t]+import\\b`, 'g'))?.length ?? 0;
  return all > 0 && all === fromModule;
}

/**
 * How to name `module.attr` (e.g. `pathlib.Path`) at `at`: an existing unconditional top-level
 * `from module import attr [as x]` or `import module [as m]` that nothing shadows at `at`, else a new
 * import (`prefer` says which form) when the name it binds is used nowhere in the file and no module beside
 * the file has it, else why not (a new import may be refused whatever its form: `newImportReason`).
 */
export function planImportedName(ctx: FileContext, at: SyntaxNode, module: string, attr: string, prefer: 'from' | 'module'): ImportedName | string {
  const qualified = `${module}.${attr}`;
  // Ex) `import contextlib` at the end of the module: not yet run when code above it does (NameError). Only an
  // import ahead of the top-level statement holding `at` (a function defined after it may run before it too,
  // if called early: not followed).
  let top = at;
  while (top.parent && top.parent.type !== 'module') top = top.parent;
  // Ex) `from helpers import *` (which may define its own `closing`): an import is reused, or added, only after it.
  const star = lastStarImport(ctx);
  const visible = (name: string, q: string) => {
    const r = ctx.names.resolve(name, at);
    // (The module's import: not one of the function's own, `import contextlib` below the fix in it, which makes the name
    // the function's variable, unbound where the fix reads it)
    if (r.kind !== 'import' || r.qualified !== q || r.scope.type !== 'module') return false;
    const bindings = ctx.names.bindings(ctx.root).get(name) ?? [];
    if (!bindings.every((b) => b.node.endIndex <= top.startIndex && (!star || b.node.startIndex >= star.endIndex))) return false;
    // Ex) `del contextlib` at module level, or `global contextlib` / `contextlib = None` in a function run first:
    // the import may be gone when the fix's code runs
    const n = escapeRegExp(name);
    return !new RegExp(`^[ \\t]*(?:del|global)\\b[^\\n#;]*\\b${n}\\b`, 'm').test(ctx.source);
  };
  const fromName = fromImportAlias(ctx.names, qualified);
  if (fromName && visible(fromName, qualified)) return { text: fromName, edits: [] };
  const moduleName = moduleAlias(ctx.names, module);
  if (moduleName && visible(moduleName, module)) return { text: `${moduleName}.${attr}`, edits: [] };
  // Ex) a local `Path = ...` anywhere in the file: a new `from pathlib import Path` would clobber it
  const head = module.split('.')[0]!;
  if (star && star.endIndex > top.startIndex) return `a star import (line ${star.startPosition.row + 1}) runs after the statement and may bind any name: \`${qualified}\` cannot be imported ahead of it`;
  const blocked = newImportReason(ctx, module, [head, attr]);
  if (blocked) return blocked;
  // Ex) `Path.py` beside a package's `__init__.py`: importing the submodule rebinds the package's `Path`
  const beside = ctx.modulesBeside?.() ?? NO_MODULES;
  const viaFrom = () => (ctx.moduleUses(attr) || beside.has(attr) ? undefined : { text: attr, edits: [planTopLevelImport(ctx, `from ${module} import ${attr}`, star)] });
  const viaModule = () => (ctx.moduleUses(head) && !onlyFromImported(ctx.source, head) ? undefined : { text: qualified, edits: [planTopLevelImport(ctx, `import ${module}`, star)] });
  return (prefer === 'from' ? (viaFrom() ?? viaModule()) : (viaModule() ?? viaFrom())) ?? `both \`${attr}\` and \`${head}\` are names already used in this file`;
}
