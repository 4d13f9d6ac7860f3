// Which fixes of one pass to apply: those the options allow, in source order, none overlapping.
// A fix that overlaps one already chosen waits for the next pass, which sees the rewritten text (eslint).
// Import edits (`Edit.import`, from planTopLevelImport) sit at the top of the file: counting them would
// make every fix that adds an import overlap every other fix, so they are left out of a fix's span,
// and identical ones are applied once.
import type { Applicability, Edit, Finding, Fix } from '../types.js';

export function isApplicable(applicability: Applicability, unsafeFixes: boolean): boolean {
  return applicability === 'safe' || (applicability === 'unsafe' && unsafeFixes);
}

/** The edits that make up a fix's span: all but its import lines (unless it has nothing else). */
function spanEdits(fix: Fix): readonly Edit[] {
  const body = fix.edits.filter((e) => !e.import);
  return body.length ? body : fix.edits;
}

export function fixStart(fix: Fix): number {
  return Math.min(...spanEdits(fix).map((e) => e.start));
}

export function fixEnd(fix: Fix): number {
  return Math.max(...spanEdits(fix).map((e) => e.end));
}

export interface Plan {
  chosen: Finding[];
  deferred: Finding[];
}

const importOffsets = (fix: Fix) => fix.edits.filter((e) => e.import).map((e) => e.start);

export function selectFixes(findings: readonly Finding[], unsafeFixes: boolean): Plan {
  const candidates = findings
    .filter((f) => f.fix && f.fix.edits.length > 0 && isApplicable(f.fix.applicability, unsafeFixes))
    .map((f) => ({ f, start: fixStart(f.fix!), end: fixEnd(f.fix!), imports: importOffsets(f.fix!) }))
    .sort((a, b) => a.start - b.start || (a.f.fix!.order ?? 0) - (b.f.fix!.order ?? 0) || a.end - b.end);
  const chosen: typeof candidates = [];
  const deferred: Finding[] = [];
  let lastEnd = -1;
  const strictlyInside = (at: number, c: { start: number; end: number }) => c.start < at && at < c.end;
  for (const c of candidates) {
    // Touching counts as overlapping: two insertions at one offset would interleave.
    // An import line must not land inside another chosen fix, nor a chosen import inside this one.
    const clash =
      c.start <= lastEnd ||
      c.imports.some((at) => chosen.some((o) => strictlyInside(at, o))) ||
      chosen.some((o) => o.imports.some((at) => strictlyInside(at, c)));
    if (clash) deferred.push(c.f);
    else {
      chosen.push(c);
      lastEnd = c.end;
    }
  }
  return { chosen: chosen.map((c) => c.f), deferred };
}

/**
 * The edits of the chosen fixes, ready for applyEdits: identical import lines once, and import lines
 * ahead of the rest so that at a shared offset the import comes before, say, a new `with` header.
 */
export function planEdits(chosen: readonly Finding[]): Edit[] {
  const imports: Edit[] = [];
  const seen = new Set<string>();
  const rest: Edit[] = [];
  for (const f of chosen) {
    for (const e of f.fix!.edits) {
      if (!e.import) {
        rest.push(e);
        continue;
      }
      const key = `${e.start}:${e.end}:${e.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      imports.push(e);
    }
  }
  return [...imports, ...rest];
}
