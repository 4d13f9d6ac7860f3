// Suppression comments, as Ruff users write them:
//   # withify: ignore              every finding on the line
//   # withify: ignore[WFY101,open-chain]
//   # noqa                         every finding on the line
//   # noqa: WFY101, WFY102      (codes up to the first word that is not one; `# noqa: why` covers nothing)
// Only real comments count: `"# noqa"` inside a string suppresses nothing. A finding that spans several
// lines is suppressed by a comment on any of them, or at the end of the lines its last one runs on into
// (a string or a backslash continuation carries it on; a comment cannot end such a line), as Ruff reads it.
import type { Finding, SyntaxNode } from '../types.js';
import { lineTable, positionAt } from '../python/text.js';
import { continuedLines } from './line-ends.js';

const WITHIFY_RE = /#\s*withify:\s*ignore(?![\w-])(?:\[([^\]]*)\])?/i;
/** A rule code (`WFY101`, `E501`) or a transform id (`open-chain`). */
const CODE = '(?:[A-Za-z]+[0-9]+|[a-z][a-z0-9]*(?:-[a-z0-9]+)+)';
const NOQA_RE = /#\s*noqa(?![\w-])(:?)/i;
const NOQA_CODES_RE = new RegExp(`^\\s*(${CODE}(?:[\\s,]+${CODE})*)`, 'i');

/**
 * What one `# noqa` says, as Ruff reads it: bare, it covers everything; `# noqa: A1, B2 why` covers the
 * codes up to the first word that is not one; `# noqa: reviewed` names no code and covers nothing.
 */
function noqaCodes(text: string): 'all' | string[] | undefined {
  const m = NOQA_RE.exec(text);
  if (!m) return undefined;
  if (!m[1]) return 'all';
  const codes = NOQA_CODES_RE.exec(text.slice(m.index + m[0].length));
  return codes ? codes[1]!.split(/[\s,]+/) : undefined;
}

/** The codes a comment (or a line) suppresses: `'all'`, a set of codes/ids (upper case), or `undefined`. */
export function suppressedOnLine(line: string): 'all' | Set<string> | undefined {
  if (!line.includes('#')) return undefined;
  const codes = new Set<string>();
  const w = WITHIFY_RE.exec(line);
  if (w && w[1] === undefined) return 'all';
  const listed = [...(w ? w[1]!.split(/[\s,]+/) : [])];
  const n = noqaCodes(line);
  if (n === 'all') return 'all';
  listed.push(...(n ?? []));
  for (const c of listed) if (c) codes.add(c.toUpperCase());
  return codes.size ? codes : undefined;
}

/** Comment text per 1-based line, from the parse tree (so strings that look like comments are not). */
function commentsByLine(source: string, root: SyntaxNode, table: readonly number[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const c of root.descendantsOfType('comment')) {
    const line = positionAt(table, c.startIndex).line;
    out.set(line, (out.get(line) ?? '') + c.text);
  }
  return out;
}

/**
 * The findings no suppression comment covers. With `root`, only comment nodes count; without it (text
 * only), every `#` on the line does, strings included.
 */
export function filterSuppressed(source: string, findings: readonly Finding[], root?: SyntaxNode): Finding[] {
  if (!findings.length || !source.includes('#') || !/withify|noqa/i.test(source)) return [...findings];
  const table = lineTable(source);
  const comments = root ? commentsByLine(source, root, table) : undefined;
  if (comments && comments.size === 0) return [...findings];
  const lineText = (n: number) => (comments ? (comments.get(n) ?? '') : source.slice(table[n - 1]!, (table[n] ?? source.length + 1) - 1));
  const runsOn = comments && root ? continuedLines(source, root, table, comments) : () => false;
  return findings.filter((f) => {
    const from = positionAt(table, f.start).line;
    let to = positionAt(table, f.end).line;
    while (to < table.length && runsOn(to)) to++;
    for (let line = from; line <= to; line++) {
      const s = suppressedOnLine(lineText(line));
      if (s === 'all') return false;
      if (s && (s.has(f.code.toUpperCase()) || s.has(f.id.toUpperCase()))) return false;
    }
    return true;
  });
}
