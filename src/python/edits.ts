// Small constructors for edits, so call sites never do raw offset arithmetic.
import type { Edit, FileContext, SyntaxNode } from '../types.js';
import { importInsertionPoint } from './imports.js';
import { lineEndOf } from './text.js';

export const replaceNode = (n: SyntaxNode, text: string): Edit => ({ start: n.startIndex, end: n.endIndex, text });
export const replaceRange = (start: number, end: number, text: string): Edit => ({ start, end, text });
export const insertAt = (at: number, text: string): Edit => ({ start: at, end: at, text });
export const deleteRange = (start: number, end: number): Edit => ({ start, end, text: '' });

/**
 * An edit adding `line` (e.g. `import contextlib`) as a top-level import: after the module docstring
 * and `from __future__` imports, else before the first statement (so a shebang or coding line stays first).
 */
export function planTopLevelImport(ctx: FileContext, line: string): Edit {
  const after = importInsertionPoint(ctx.root);
  if (after > 0) return insertAt(lineEndOf(ctx.source, after), ctx.eol + line);
  const first = ctx.root.namedChildren.find((c) => c.type !== 'comment');
  if (first) return insertAt(first.startIndex, line + ctx.eol);
  const end = ctx.source.length;
  const needsBreak = end > 0 && !/[\r\n]$/.test(ctx.source);
  return insertAt(end, (needsBreak ? ctx.eol : '') + line + ctx.eol);
}
