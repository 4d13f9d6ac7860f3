// Unified diffs of a rewrite, as `git apply` and reviewers expect them.
import { createRequire } from 'node:module';
import type { StructuredPatchHunk } from 'diff';

// Loaded on the first diff: `check` and `fix` never print one.
const require = createRequire(import.meta.url);
let jsdiff: typeof import('diff') | undefined;

const CONTEXT = 3;
/** Equal lines between two changes that keep them in separate hunks: both contexts and one more. */
const SEPARATE = 2 * CONTEXT + 1;
/**
 * A run of equal lines this long is cut in its middle. Where the run starts or ends next to a change, which
 * of the equal lines (a blank line, say) goes with the change is Myers's choice: far from both ends, the
 * parts are diffed exactly as the whole is.
 */
const CUT_RUN = 16;
/** How far (lines of both sides together) a changed stretch is searched for its end before giving up. */
const SEARCH = 400;

/** The lines of `text`, each with its line end (`\r` stays part of the line, as jsdiff has it). */
function linesOf(text: string): string[] {
  const out: string[] = [];
  let at = 0;
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', at)) {
    out.push(text.slice(at, nl + 1));
    at = nl + 1;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/** True when `n` lines from `a[i]` equal those from `b[j]`, or both sides end together before that. */
function equalRun(a: readonly string[], b: readonly string[], i: number, j: number, n: number): boolean {
  for (let k = 0; k < n; k++) {
    if (i + k >= a.length || j + k >= b.length) return i + k === a.length && j + k === b.length;
    if (a[i + k] !== b[j + k]) return false;
  }
  return true;
}

/**
 * Where the diff of `a` against `b` can be cut into parts diffed on their own: in the middle of each run of
 * `cutRun` or more equal lines. A changed stretch ends at the nearest point after it where `sync` equal
 * lines start (found by trying every split of a growing distance); none within `SEARCH`: no cut after it.
 * `[i, j]`: `a`'s first `i` lines go with `b`'s first `j`.
 */
function cutPoints(a: readonly string[], b: readonly string[], sync: number, cutRun: number): Array<[number, number]> {
  const cuts: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      let k = 1;
      while (i + k < a.length && j + k < b.length && a[i + k] === b[j + k]) k++;
      // Not in the run the files start or end with: its part would lose context lines of the hunk next to it.
      const edge = (i === 0 && j === 0) || (i + k === a.length && j + k === b.length);
      if (k >= cutRun && !edge) cuts.push([i + (k >> 1), j + (k >> 1)]);
      i += k;
      j += k;
      continue;
    }
    let next: [number, number] | undefined;
    for (let d = 1; d <= SEARCH && !next; d++) {
      for (let x = 0; x <= d; x++) {
        if (i + x <= a.length && j + d - x <= b.length && equalRun(a, b, i + x, j + d - x, sync)) {
          next = [i + x, j + d - x];
          break;
        }
      }
    }
    if (!next) break;
    [i, j] = next;
  }
  return cuts;
}

/** A part this long (lines of both sides) is cut again at every run of two equal lines. */
const DENSE_PART = 2000;
/** The most edits a Myers diff of a dense part looks for. */
const MAX_EDITS = 400;

/** A hunk line: its mark and text without the line end, and jsdiff's marker after a last line that has none. */
function hunkLines(mark: string, lines: readonly string[]): string[] {
  return lines.flatMap((l) => (l.endsWith('\n') ? [mark + l.slice(0, -1)] : [mark + l, '\\ No newline at end of file']));
}

/** `a` → `b` as one hunk: the lines between their common head and tail removed and added, with context. */
function replacedMiddle(a: readonly string[], b: readonly string[]): StructuredPatchHunk[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  if (head === a.length && head === b.length) return [];
  const before = a.slice(Math.max(0, head - CONTEXT), head);
  const after = a.slice(a.length - tail, a.length - tail + CONTEXT);
  const removed = a.slice(head, a.length - tail);
  const added = b.slice(head, b.length - tail);
  return [
    {
      oldStart: head - before.length + 1,
      oldLines: before.length + removed.length + after.length,
      newStart: head - before.length + 1,
      newLines: before.length + added.length + after.length,
      lines: [...hunkLines(' ', before), ...hunkLines('-', removed), ...hunkLines('+', added), ...hunkLines(' ', after)],
    },
  ];
}

/**
 * The hunks of `a` → `b` (line numbers from 1, plus `offset`) for the parts between `cuts`, added to `out`.
 * `refine`: a part longer than `DENSE_PART` is cut again at runs of two equal lines.
 */
function hunksOf(a: readonly string[], b: readonly string[], cuts: ReadonlyArray<[number, number]>, offset: [number, number], out: StructuredPatchHunk[], refine: boolean): void {
  let from: [number, number] = [0, 0];
  for (const to of [...cuts, [a.length, b.length] as [number, number]]) {
    const oldPart = a.slice(from[0], to[0]);
    const newPart = b.slice(from[1], to[1]);
    const big = oldPart.length + newPart.length > DENSE_PART;
    const dense = refine && big ? cutPoints(oldPart, newPart, 2, 2) : [];
    if (dense.length > 0) {
      hunksOf(oldPart, newPart, dense, [offset[0] + from[0], offset[1] + from[1]], out, false);
      from = to;
      continue;
    }
    // A long part whose Myers diff would have more than `MAX_EDITS` edits (every line re-indented, say): its
    // changed middle as one hunk, a valid diff found in linear time.
    const part = jsdiff!.structuredPatch('', '', oldPart.join(''), newPart.join(''), undefined, undefined, { context: CONTEXT, ...(big ? { maxEditLength: MAX_EDITS } : {}) });
    for (const h of part ? part.hunks : replacedMiddle(oldPart, newPart)) {
      const hunk = { ...h, oldStart: h.oldStart + offset[0] + from[0], newStart: h.newStart + offset[1] + from[1] };
      const last = out[out.length - 1];
      // Two parts cut in a run of equal lines shorter than both contexts: one hunk, as the whole diff has it.
      if (last && last.oldStart + last.oldLines === hunk.oldStart && last.newStart + last.newLines === hunk.newStart) {
        out[out.length - 1] = { ...last, oldLines: last.oldLines + hunk.oldLines, newLines: last.newLines + hunk.newLines, lines: [...last.lines, ...hunk.lines] };
      } else out.push(hunk);
    }
    from = to;
  }
}

/**
 * The unified diff of `before` → `after` (jsdiff's format, git-style header). jsdiff's Myers diff takes time
 * in the lines times the changes, which for a file of thousands of fixes was seconds. The files are cut in
 * the middle of long runs of equal lines, where the whole diff has no hunk across either (`cutPoints`), and
 * each part is diffed alone: the same diff. A part still thousands of lines long (changes every few lines)
 * is cut at every pair of equal lines the walk lines up, and hunks that meet are joined: a valid diff, which
 * may pair a repeated line (a blank one) with another than Myers would.
 */
/**
 * For each line of `from` (1-based), the line of `to` it is (`same`), or for a line `to` does not have, the line of
 * `to` where it was written (the first after what both have before it).
 */
export function lineMapping(from: string, to: string): (line: number) => { line: number; same: boolean } {
  jsdiff ??= require('diff') as typeof import('diff');
  const map: Array<{ line: number; same: boolean }> = [];
  let inTo = 1;
  for (const part of jsdiff.diffArrays(linesOf(from), linesOf(to))) {
    const n = part.value.length;
    if (part.added) inTo += n;
    else if (part.removed) for (let i = 0; i < n; i++) map.push({ line: inTo, same: false });
    else for (let i = 0; i < n; i++) map.push({ line: inTo++, same: true });
  }
  return (line) => map[line - 1] ?? { line: inTo, same: false };
}

export function unifiedDiff(displayPath: string, before: string, after: string): string {
  const p = displayPath.replace(/^\/+/, '');
  jsdiff ??= require('diff') as typeof import('diff');
  const a = linesOf(before);
  const b = linesOf(after);
  const hunks: StructuredPatchHunk[] = [];
  hunksOf(a, b, cutPoints(a, b, SEPARATE, CUT_RUN), [0, 0], hunks, true);
  const patch = jsdiff.formatPatch({ oldFileName: `a/${p}`, newFileName: `b/${p}`, oldHeader: undefined, newHeader: undefined, hunks });
  // jsdiff opens with a `===` rule (and, in some versions, an `Index:` line); keep the git-style header only.
  const out = patch.replace(/^(?:Index: [^\n]*\n)?=+\n/, '');
  // Ex) `--- a/my file.py`: git ends an unquoted name with a space by a tab, so that GNU patch finds where it ends
  return p.includes(' ') ? out.replace(/^(--- a\/[^"\n][^\n]*)\n(\+\+\+ b\/[^\n]*)\n/, '$1\t\n$2\t\n') : out;
}

const RED = '\x1b[31m';
const GREEN = '\x1b[32m';
const CYAN = '\x1b[36m';
const BOLD = '\x1b[1m';
const RESET = '\x1b[0m';

export function colorizeDiff(patch: string): string {
  return patch
    .split('\n')
    .map((line) => {
      if (line.startsWith('+++') || line.startsWith('---')) return BOLD + line + RESET;
      if (line.startsWith('@@')) return CYAN + line + RESET;
      if (line.startsWith('+')) return GREEN + line + RESET;
      if (line.startsWith('-')) return RED + line + RESET;
      return line;
    })
    .join('\n');
}
