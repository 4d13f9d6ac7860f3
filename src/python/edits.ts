// Small constructors for edits, so call sites never do raw offset arithmetic.
import type { Edit, FileContext, SyntaxNode } from '../types.js';
import { fromImportAlias, importInsertionPoint, moduleAlias } from './imports.js';
import { escapeRegExp, lineEndOf, lineStartOf, nextLineStart } from './text.js';
import { isExtra } from './statements.js';
import { functionOrModuleOf } from './scopes.js';

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

/**
 * How to name `module.attr` (e.g. `pathlib.Path`) at `at`: an existing unconditional top-level
 * `from module import attr [as x]` or `import module [as m]` that nothing shadows at `at`, else a new
 * import (`prefer` says which form) when the name it binds is used nowhere in the file, else `undefined`.
 */
export function planImportedName(ctx: FileContext, at: SyntaxNode, module: string, attr: string, prefer: 'from' | 'module'): ImportedName | undefined {
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
    if (r.kind !== 'import' || r.qualified !== q) return false;
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
  if (star && star.endIndex > top.startIndex) return undefined;
  const viaFrom = () => (ctx.moduleUses(attr) ? undefined : { text: attr, edits: [planTopLevelImport(ctx, `from ${module} import ${attr}`, star)] });
  const viaModule = () => (ctx.moduleUses(head) ? undefined : { text: qualified, edits: [planTopLevelImport(ctx, `import ${module}`, star)] });
  return prefer === 'from' ? (viaFrom() ?? viaModule()) : (viaModule() ?? viaFrom());
}
