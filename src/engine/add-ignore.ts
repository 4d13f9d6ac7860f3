// `--add-ignore`: a `# withify: ignore[CODE]` comment on a line of each finding left, as Ruff's `--add-noqa`
// does, so that a codebase can be gated on new findings from the day of its migration. The comment goes at
// the end of the finding's first line that can take one, or of the lines its last one runs on into
// (line-ends.ts; suppress.ts reads all of those), joins the codes of a `# withify: ignore[...]` already
// there, and follows any other comment of the line.
import type { Edit, LocatedFinding, SyntaxNode } from '../types.js';
import { lineEndOf, lineTable } from '../python/text.js';
import { continuedLines } from './line-ends.js';
import { parseDirectives } from './suppress.js';

export interface IgnorePlan {
  edits: Edit[];
  /** Comments added or extended, one per line. */
  lines: number;
}

/**
 * The edits that add the comments for `findings` (placed in `text`, whose parse tree is `root`). A line can
 * take a comment unless its end lies inside a string (a triple-quoted string, or an f-string, running on to
 * the next line) or it ends in a backslash that continues it (`continuedLines`).
 */
export function ignoreCommentEdits(text: string, root: SyntaxNode, findings: readonly LocatedFinding[]): IgnorePlan {
  const table = lineTable(text);
  const lines = table.length;
  const comments = new Map<number, SyntaxNode>();
  for (const c of root.descendantsOfType('comment')) comments.set(c.startPosition.row + 1, c);
  const runsOn = continuedLines(text, root, table, comments);
  const codes = new Map<number, string[]>();
  for (const f of findings) {
    // Its first line that can end with a comment: one of its own, or else the end of the lines its last one
    // runs on into, which suppression reads too.
    let line: number | undefined;
    for (let n = f.location.line; line === undefined && n <= lines; n++) if (!runsOn(n)) line = n;
    // (A file that parses always has one: no run of lines goes on past its end.)
    if (line === undefined) continue;
    const list = codes.get(line) ?? [];
    if (!list.includes(f.code)) list.push(f.code);
    codes.set(line, list);
  }
  const edits: Edit[] = [];
  for (const [n, list] of codes) {
    const comment = comments.get(n);
    // A list to join: a well-formed one, or an empty one (`ignore[]`, which suppresses nothing until it names a
    // code). Ex) `# withify: ignore[WFY101` (unclosed) or `ignore[WFY101;X]`: they suppress nothing, and joining
    // them would not change that; a new comment follows them.
    const listed = comment ? parseDirectives(comment.text).find((d) => d.list && (d.codes !== undefined || !/[^\s,]/.test(comment.text.slice(d.list.start, d.list.end)))) : undefined;
    if (comment && listed?.list) {
      // Ex) `# withify: ignore[WFY101]` already there: the codes join its list.
      const have = Array.isArray(listed.codes) ? listed.codes : [];
      const add = list.filter((c) => !have.some((h) => h.toUpperCase() === c));
      const at = comment.startIndex + listed.list.end;
      if (add.length) edits.push({ start: at, end: at, text: `${have.length ? ', ' : ''}${add.join(', ')}` });
      continue;
    }
    // Before the line's `\r\n`, `\n` or `\r`, or at the end of the text.
    const end = lineEndOf(text, table[n - 1]!);
    const sep = /[ \t]$/.test(text.slice(table[n - 1]!, end)) ? ' ' : '  ';
    edits.push({ start: end, end, text: `${sep}# withify: ignore[${list.join(', ')}]` });
  }
  return { edits, lines: edits.length };
}
