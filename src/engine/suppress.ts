// Suppression comments, as Ruff users write them:
//   # withify: ignore              every finding on the line
//   # withify: ignore[WFY101,open-chain]
//   # noqa                         every finding on the line
//   # noqa: WFY101, WFY102
import type { Finding } from '../types.js';
import { lineTable, positionAt } from '../python/text.js';

const WITHIFY_RE = /#\s*withify:\s*ignore(?:\[([^\]]*)\])?/i;
const NOQA_RE = /#\s*noqa(?::\s*([A-Za-z0-9_\-]+(?:[\s,]+[A-Za-z0-9_\-]+)*))?/i;

/** The codes a line suppresses: `'all'`, a set of codes/ids, or `undefined` for none. */
export function suppressedOnLine(line: string): 'all' | Set<string> | undefined {
  if (!line.includes('#')) return undefined;
  const codes = new Set<string>();
  for (const re of [WITHIFY_RE, NOQA_RE]) {
    const m = re.exec(line);
    if (!m) continue;
    if (m[1] === undefined) return 'all';
    for (const c of m[1].split(/[\s,]+/)) if (c) codes.add(c.toUpperCase());
  }
  return codes.size ? codes : undefined;
}

export function filterSuppressed(source: string, findings: readonly Finding[]): Finding[] {
  if (!findings.length || !source.includes('#')) return [...findings];
  const table = lineTable(source);
  const lineText = (n: number) => source.slice(table[n - 1]!, (table[n] ?? source.length + 1) - 1);
  return findings.filter((f) => {
    const from = positionAt(table, f.start).line;
    const to = positionAt(table, f.end).line;
    for (let line = from; line <= to; line++) {
      const s = suppressedOnLine(lineText(line));
      if (s === 'all') return false;
      if (s && (s.has(f.code.toUpperCase()) || s.has(f.id.toUpperCase()))) return false;
    }
    return true;
  });
}
