// Which fixes of one pass to apply: those the options allow, in source order, none overlapping.
// A fix that overlaps one already chosen waits for the next pass, which sees the rewritten text (eslint).
import type { Applicability, Finding, Fix } from '../types.js';

export function isApplicable(applicability: Applicability, unsafeFixes: boolean): boolean {
  return applicability === 'safe' || (applicability === 'unsafe' && unsafeFixes);
}

export function fixStart(fix: Fix): number {
  return Math.min(...fix.edits.map((e) => e.start));
}

export function fixEnd(fix: Fix): number {
  return Math.max(...fix.edits.map((e) => e.end));
}

export interface Plan {
  chosen: Finding[];
  deferred: Finding[];
}

export function selectFixes(findings: readonly Finding[], unsafeFixes: boolean): Plan {
  const candidates = findings
    .filter((f) => f.fix && f.fix.edits.length > 0 && isApplicable(f.fix.applicability, unsafeFixes))
    .map((f) => ({ f, start: fixStart(f.fix!), end: fixEnd(f.fix!) }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const chosen: Finding[] = [];
  const deferred: Finding[] = [];
  let lastEnd = -1;
  for (const c of candidates) {
    // Touching counts as overlapping: two insertions at one offset would interleave.
    if (c.start <= lastEnd) deferred.push(c.f);
    else {
      chosen.push(c.f);
      lastEnd = c.end;
    }
  }
  return { chosen, deferred };
}
