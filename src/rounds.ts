// The rounds of a `fix` or `diff` run after its first: a fix can give a generator cleanup (a `with` put around
// its `yield`s), and the code that abandons it, in another module or through a method, then needs generator-close's
// fix too. The project index of the first round was built from the files as they were, so those uses were not
// findings. After the round, the files it changed are summarised again; where the index made of them differs,
// the run's files whose check can see the difference (`IndexChange`, as the cache asks it of a kept result) are
// processed again with the new index, until nothing changes (at most MAX_ROUNDS). So one `fix` does what two did, and a second `fix` changes nothing.
import { readFileSync } from 'node:fs';
import { decodeSource, type DecodedSource } from './engine/read.js';
import { displayPath, processPath, slimResult } from './process-file.js';
import { keptOrSummarized, mergeSummaries, moduleKeyFor, moduleNameFor, summarizeFile, type FileSummary, type SummaryCache } from './project.js';
import { IndexChange } from './cache.js';
import type { FileResult, LocatedFinding, ProjectIndex } from './types.js';
import { lineMapping } from './engine/diff.js';
import type { RunOptions } from './runner.js';

/** Rounds after the first, at most: each needs a fix that gave a generator cleanup in the round before (a chain of modules; 13 generator methods each abandoning the one before took 12: review rw1). */
export const MAX_ROUNDS = 40;

/** What the first round leaves for the next. */
export interface FirstRound {
  /** The index it used. */
  index: ProjectIndex;
  /** The summaries it was merged of, as JSON, by absolute path, when the round has them (else read from `cache` or the files). */
  summaries?: ReadonlyMap<string, string>;
}

const factsOf = (s: FileSummary | undefined): string => JSON.stringify(s?.generators ?? null);

/**
 * `findings` (placed in `text`, which a round wrote over `first`: as `inInput` when the later round changed `text`,
 * else where they stand) with `inInput` placed in `first`: a line the round left as it was keeps its column; one it
 * wrote goes to the line it was written at; so do the lines their messages and reasons name.
 */
function inFirstText(findings: readonly LocatedFinding[], text: string, first: string): LocatedFinding[] {
  const map = lineMapping(text, first);
  const lines = (s: string) => s.replace(/\b(lines?) (\d+)\b/g, (_m, w: string, n: string) => `${w} ${map(Number(n)).line}`);
  return findings.map((f) => {
    const placed = f.inInput ?? { location: f.location, message: f.message, ...(f.reason !== undefined ? { reason: f.reason } : {}) };
    const line = map(placed.location.line);
    const location = line.same ? { line: line.line, column: placed.location.column } : { line: line.line, column: 1 };
    return { ...f, inInput: { location, message: lines(placed.message), ...(placed.reason !== undefined ? { reason: lines(placed.reason) } : {}) } };
  });
}

/** Two results of one file, the second made from the first's output: one result from the file's first text. */
export function merged(first: FileResult, next: FileResult, mode: RunOptions['mode']): FileResult {
  // Ex) the second write refused (the file changed on disk since): what the first round wrote stands
  if (next.status === 'failed') {
    const stands = mode === 'fix' && first.status === 'changed' ? '; the fixes written before it stand' : '';
    // (Its findings: what the later round found and could not fix, placed as below)
    const findings = first.status === 'changed' ? first.findings : next.findings;
    return { ...first, status: 'failed', findings, remaining: next.remaining, reason: `${next.reason} (in a later round of the run, after a fix gave a generator cleanup${stands})` };
  }
  const changed = first.status === 'changed' || next.status === 'changed';
  // What the later round found beyond what the first left (its leftovers are found again, at the same places)
  const left = new Set(first.remaining.map((f) => `${f.code}:${f.location.line}:${f.location.column}`));
  const later: Record<string, { id: string; count: number; fixable: number }> = { ...(first.laterFindings ?? {}) };
  if (first.status === 'changed') {
    for (const f of next.findings) {
      if (left.has(`${f.code}:${f.location.line}:${f.location.column}`)) continue;
      later[f.code] = { id: f.id, count: (later[f.code]?.count ?? 0) + 1, fixable: (later[f.code]?.fixable ?? 0) + (f.fixStatus === 'fixable' ? 1 : 0) };
    }
  }
  // `diff` reports what is left where it is in the file's first text: the later round placed it in the text the
  // first round wrote, mapped back here line by line
  const remaining = mode === 'diff' && first.status === 'changed' && first.before !== undefined && first.after !== undefined ? inFirstText(next.remaining, first.after, first.before) : next.remaining;
  // (Each round counts the findings its own comments silenced.)
  const ignored: Record<string, number> = { ...(first.ignored ?? {}) };
  for (const [code, n] of Object.entries(next.ignored ?? {})) ignored[code] = (ignored[code] ?? 0) + n;
  const out: FileResult = {
    ...first,
    status: changed ? 'changed' : first.status,
    // Positions in the file's first text: the second round's own when the first changed nothing
    findings: first.status === 'changed' ? first.findings : next.findings,
    remaining,
    fixesApplied: first.fixesApplied + next.fixesApplied,
    laterFindings: Object.keys(later).length ? later : undefined,
    remainingWarnings: next.remainingWarnings,
    ignoresAdded: (first.ignoresAdded ?? 0) + (next.ignoresAdded ?? 0) || undefined,
    ignored: Object.keys(ignored).length ? ignored : undefined,
    // (`diff`: a file the first round left as it was has its first text as the second's `before`)
    before: first.before ?? next.before,
    after: next.status === 'changed' ? next.after : first.after,
    encoding: first.encoding ?? next.encoding,
  };
  if (out.laterFindings === undefined) delete out.laterFindings;
  if (out.ignoresAdded === undefined) delete out.ignoresAdded;
  if (out.ignored === undefined) delete out.ignored;
  if (out.remainingWarnings === undefined) delete out.remainingWarnings;
  if (out.before === undefined) delete out.before;
  if (out.after === undefined) delete out.after;
  if (out.encoding === undefined) delete out.encoding;
  return out;
}

/** What the later rounds give: every file's result, and where an interrupt stopped them. */
export interface RoundsOutcome {
  results: FileResult[];
  /** The round (2 for the first later one) an interrupt stopped, and the run's files it had not yet looked at. */
  interrupted?: { round: number; notStarted: number; total: number };
}

/**
 * The rounds after `first` over `results` (one per file of `files`, sorted or not), in this thread: returns the
 * results, those of files processed again merged with their first. `fix`: the files are read from disk (as the
 * round before wrote them) and written again; `diff`: each round reads the one before's output.
 */
export function laterRounds(results: FileResult[], files: readonly string[], projectFiles: readonly string[], options: RunOptions, first: FirstRound, cache?: SummaryCache): FileResult[] {
  const steps = rounds(results, files, projectFiles, options, first, cache);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value.results;
  }
}

/**
 * `laterRounds` for a bulk run: `between` runs between files (the runner frees the trees there and lets the event
 * loop turn), and the rounds end once `stopped()` says so (an interrupt: every file is as one round or the next
 * left it, and the next run finishes the job).
 */
export async function laterRoundsAsync(results: FileResult[], files: readonly string[], projectFiles: readonly string[], options: RunOptions, first: FirstRound, between: () => Promise<void>, stopped: () => boolean, cache?: SummaryCache): Promise<RoundsOutcome> {
  const steps = rounds(results, files, projectFiles, options, first, cache);
  for (;;) {
    const step = steps.next(stopped());
    if (step.done) return step.value;
    await between();
  }
}

/** Files read (not processed) in a row before the rounds let the event loop turn. */
const READS_BETWEEN_TURNS = 64;

/** The rounds, yielding after each file processed again (and every READS_BETWEEN_TURNS read); `next(true)` ends them there. */
function* rounds(results: FileResult[], files: readonly string[], projectFiles: readonly string[], options: RunOptions, first: FirstRound, cache?: SummaryCache): Generator<void, RoundsOutcome, boolean | undefined> {
  if (options.mode === 'check') return { results };
  const whole = options.wholeFiles === true;
  const byShown = new Map(files.map((f) => [displayPath(options.cwd, f), f]));
  const at = new Map(results.map((r, i) => [r.path, i]));
  const out = [...results];
  // The text of a file after the latest round, for `diff` (a `fix` wrote it).
  const textNow = (r: FileResult, path: string): string | undefined => {
    if (options.mode === 'diff') return r.status === 'changed' ? r.after : undefined;
    if (r.status !== 'changed') return undefined;
    try {
      return decodeSource(readFileSync(path)).text;
    } catch {
      return undefined;
    }
  };
  let index = first.index;
  const current = new Map<string, FileSummary>();
  const kept = (p: string): FileSummary | undefined => {
    const json = first.summaries?.get(p);
    return json === undefined ? undefined : (JSON.parse(json) as FileSummary);
  };
  const summaryOf = (p: string) => current.get(p) ?? kept(p) ?? keptOrSummarized(p, whole, cache);
  let lastChanged = results.filter((r) => r.status === 'changed');
  for (let round = 0; round < MAX_ROUNDS && lastChanged.length; round++) {
    let grew = false;
    for (const r of lastChanged) {
      const path = byShown.get(r.path);
      if (!path) continue;
      const text = textNow(r, path);
      if (text === undefined) continue;
      const now = summarizeFile(path, text, moduleNameFor(path), whole);
      // (Unknown before: the run took the index from the cache. The indexes are compared below.)
      const before = current.get(path) ?? kept(path);
      if (before && factsOf(now) === factsOf(before)) continue;
      current.set(path, now);
      grew = true;
    }
    if (!grew) break;
    const summaries: FileSummary[] = [];
    for (const p of projectFiles) {
      const s = summaryOf(p);
      if (s) summaries.push(s);
    }
    const next = mergeSummaries(summaries, options.cwd);
    // Which files' checks can see what changed: the cache's question when a kept result may stand (src/cache.ts)
    const change = new IndexChange(index, next);
    index = next;
    if (!change.reachesAny) break;
    lastChanged = [];
    let looked = 0;
    let read = 0;
    const stop = () => ({ results: out, interrupted: { round: round + 2, notStarted: at.size - looked, total: at.size } });
    for (const [shown, i] of at) {
      looked++;
      // (A round reads every file of the run to find those whose check can see the change: 11,555 files take seconds)
      if (++read % READS_BETWEEN_TURNS === 0 && (yield)) return stop();
      const path = byShown.get(shown);
      const r = out[i]!;
      if (!path || r.status === 'failed' || r.status === 'skipped') continue;
      let source: DecodedSource | undefined;
      try {
        const decoded = decodeSource(readFileSync(path));
        source = options.mode === 'diff' && r.status === 'changed' ? { text: r.after!, encoding: decoded.encoding, bom: decoded.bom, eol: decoded.eol } : decoded;
      } catch {
        continue;
      }
      if (!change.reaches(moduleKeyFor(path), shown, source.text)) continue;
      const again = slimResult(processPath(path, options, index, moduleKeyFor(path), source), options.mode);
      if (again.status !== 'unchanged' || JSON.stringify(again.remaining) !== JSON.stringify(r.remaining)) {
        out[i] = merged(r, again, options.mode);
        if (again.status === 'changed') lastChanged.push(out[i]!);
      }
      if (yield) return stop();
    }
  }
  return { results: out };
}
