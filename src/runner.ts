// A bulk run: select the files, build the project index, process them in this thread or in the pool
// (src/pool.ts), sorted results; stdin. One file's read → decode → process → write is src/process-file.ts.
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { projectTargetOf } from './config.js';
import { decodeSource, encodeResult } from './engine/read.js';
import { processSource } from './engine/pipeline.js';
import { displayPath, KeptSources, markPatchEncoding, optionsForFile, processPath, releaseTrees, slimResult } from './process-file.js';
import { excludedByName, projectRoot, selectFiles, type SelectOptions } from './walk.js';
import { buildProjectIndex, buildProjectIndexAsync, keptOrSummarized, mergeSummaries, moduleKeyFor, moduleNameFor, needsProjectIndex, summarizeFile, type FileSummary } from './project.js';
import { runInWorkers, sizeOf, summarizeInWorkers, type PoolOutcome } from './pool.js';
import { laterRounds, laterRoundsAsync, MAX_ROUNDS, merged, type FirstRound, type RoundsOutcome } from './rounds.js';
import { loadTransformModules } from './load-transform.js';
import { checkCache, IndexChange, type CheckCache } from './cache.js';
import type { FileResult, ProjectIndex, TransformOptions } from './types.js';
import type { PerFileIgnore } from './config.js';

export { displayPath, KeptSources, processPath, releaseTrees, slimResult } from './process-file.js';

export type Mode = 'check' | 'diff' | 'fix';

/** What a pass over the files gives: their results, and what the later rounds of `fix` and `diff` start from. */
interface Outcome extends PoolOutcome {
  first?: FirstRound;
}

/** `cwd` (which displayed paths are relative to) and the file-selection options come from SelectOptions. */
export interface RunOptions extends TransformOptions, SelectOptions {
  mode: Mode;
  /** Worker threads (`--jobs`); 1 runs in this thread. Default: `os.availableParallelism()`. */
  jobs?: number;
  /**
   * Modules of user transforms (`--transform PATH`), imported by every thread that processes files:
   * `extraTransforms` holds functions, which cannot be posted to a worker.
   */
  transformPaths?: string[];
  /** Parse every file whole instead of first only the parts around the transforms' anchors (`--whole-files`). */
  wholeFiles?: boolean;
  /** After the fixes (`check`: none; it then writes the comments), a `# withify: ignore[CODE]` comment for each finding left (`--add-ignore`). */
  addIgnore?: boolean;
  /** Transforms skipped in the files a glob matches (`per-file-ignores` of `[tool.withify]`). */
  perFileIgnores?: PerFileIgnore[];
  /**
   * No `--target-version` was given: a file whose nearest pyproject.toml says an older Python than `targetVersion`
   * (`[tool.withify] target-version`, else `requires-python`) is written for that one (`projectTargetOf`).
   */
  projectTargets?: boolean;
  /**
   * Keep what each file gave in this directory, and use it while the file, the options and the project index
   * are the same (src/cache.ts): `check` keeps and reads summaries and results; `fix`, `diff` and `--add-ignore`
   * keep summaries and skip the files whose kept result has no finding. The CLI's default is `.withify_cache`
   * in the project's root (`--cache-dir`, `--no-cache`); the library keeps none unless given one.
   */
  cacheDir?: string;
}

export type ProgressPhase = 'index' | 'files';

/** What the caller of `run` may watch or stop. */
export interface RunControl {
  /** Aborting stops handing out files; files being processed (and written) are finished first. */
  signal?: AbortSignal;
  /**
   * Called as files finish, with the number done and the total: first `'index'`, the project-wide first pass
   * over every file the paths cover (when an active transform needs it), then `'files'`, the files processed.
   */
  onProgress?: (done: number, total: number, phase: ProgressPhase) => void;
}

export interface RunResult {
  /** One result per file, sorted by display path. */
  files: FileResult[];
  /** Paths that could not be expanded (missing, unreadable directory). */
  walkErrors: Array<{ path: string; reason: string }>;
  /**
   * Set when the run was interrupted: files that were never begun (old bytes on disk). `round`: the interrupt came in
   * a later round of `fix` or `diff` (src/rounds.ts, 2 for the first): the files it had not yet looked at, of the run's.
   */
  interrupted?: { notStarted: number; total: number; round?: number };
  /** The cache could not be written (a read-only directory): the run's results stand, the next run starts cold. */
  cacheError?: string;
}

const byPath = (a: FileResult, b: FileResult) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

function finish(options: RunOptions, results: FileResult[], errors: readonly { path: string; reason: string }[], notStarted: number, total: number): RunResult {
  results.sort(byPath);
  const walkErrors = errors.map((e) => ({ path: displayPath(options.cwd, e.path), reason: e.reason }));
  return notStarted > 0 ? { files: results, walkErrors, interrupted: { notStarted, total } } : { files: results, walkErrors };
}

/** The whole run in this thread, synchronously (tests, and callers that cannot await). */
export function runSync(paths: readonly string[], options: RunOptions): RunResult {
  const { files, errors, projectFiles } = selectFiles(paths, forSelection(options));
  checkProjectConfigs(files, options);
  const summaries = options.mode === 'check' ? undefined : new Map<string, string>();
  const project = needsProjectIndex(options) ? buildProjectIndex(projectFiles ?? files, options.wholeFiles === true, options.cwd, summaries) : undefined;
  const results = files.map((f) => slimResult(processPath(f, options, project, project ? moduleKeyFor(f) : undefined), options.mode));
  return finish(options, project ? laterRounds(results, files, projectFiles ?? files, options, { index: project, summaries }) : results, errors, 0, files.length);
}

async function runInProcess(files: readonly string[], projectFiles: readonly string[], options: RunOptions, control: RunControl, cache?: CheckCache, indexed?: { index: ProjectIndex | undefined }): Promise<Outcome> {
  let project = indexed?.index;
  const kept = new KeptSources();
  const summaries = indexed || options.mode === 'check' ? undefined : new Map<string, string>();
  if (!indexed && needsProjectIndex(options)) {
    // The first pass parses too: free its trees between files as the second pass does. It hands over what
    // it read of the files the second pass processes.
    const wanted = new Set(files);
    let indexed = 0;
    const afterEach = () => {
      control.onProgress?.(++indexed, projectFiles.length, 'index');
      return releaseTrees();
    };
    project = await buildProjectIndexAsync(projectFiles, afterEach, () => control.signal?.aborted === true, options.wholeFiles === true, (p, d) => {
      if (wanted.has(p)) kept.keep(p, d);
    }, options.cwd, cache, summaries);
    if (!project) return { results: [], notStarted: files.length };
    cache?.setIndex(project);
    cache?.keepMergedIndex(projectFiles);
  }
  const results: FileResult[] = [];
  for (const f of files) {
    if (control.signal?.aborted) break;
    const read = kept.take(f);
    const known = indexed ? undefined : cache?.result(f);
    const result = known ?? slimResult(processPath(f, options, project, project ? moduleKeyFor(f) : undefined, read), options.mode);
    if (!known) cache?.putResult(f, result);
    results.push(result);
    control.onProgress?.(results.length, files.length, 'files');
    // Let the event loop run after every file: trees are freed, the SIGINT handler and the progress bar run.
    await releaseTrees();
  }
  return { results, notStarted: files.length - results.length, first: project && { index: project, summaries } };
}

/**
 * With `projectTargets`, read here, before any file is processed, the pyproject.toml above each file that the run
 * takes its target from: a wrong `[tool.withify]` key or value in a subproject's is a ConfigError (exit 2), as in the
 * root's, and not a failure of each of its files, or a file written for the root's Python.
 */
function checkProjectConfigs(files: readonly string[], options: RunOptions): void {
  if (!options.projectTargets) return;
  const dirs = new Set(files.map((f) => dirname(resolve(options.cwd, f))));
  for (const d of dirs) projectTargetOf(d);
}

/** Fewer files than this per thread run in the main thread: worker start-up (~250 ms) would cost more. */
export const FILES_PER_WORKER = 8;

/**
 * Without `--jobs`, less source than this per thread runs in fewer threads. Measured on parts of the stdlib
 * (two cores, `check`, one thread against two): 0.7 MB 0.38 against 0.45 s, 1.3 MB 0.52 against 0.54 s, 2.9 MB
 * 0.73 against 0.70 s, 4.4 MB 0.88 against 0.82 s.
 */
export const BYTES_PER_THREAD = 1_000_000;

/**
 * How many threads a run whose threads read `work` takes: `requested` (`--jobs`; the number of cores when
 * undefined), at most one per FILES_PER_WORKER files, and when `requested` is undefined at most one per
 * BYTES_PER_THREAD of them (`size`: a file's bytes; only as many files are sized as it takes to know).
 */
export function threadsFor(work: readonly string[], requested: number | undefined, size: (path: string) => number): number {
  let n = Math.min(requested ?? availableParallelism(), Math.floor(work.length / FILES_PER_WORKER));
  if (requested === undefined && n > 1) {
    const enough = n * BYTES_PER_THREAD;
    let bytes = 0;
    for (const f of work) if ((bytes += size(f)) >= enough) break;
    n = Math.min(n, Math.floor(bytes / BYTES_PER_THREAD));
  }
  return Math.max(1, n);
}

/**
 * Select the files, process them (in `options.jobs` worker threads, or here for 1) and return the results
 * sorted by path, whatever order they finished in.
 */
export async function run(paths: readonly string[], options: RunOptions, control: RunControl = {}): Promise<RunResult> {
  const { files, errors, projectFiles = files } = selectFiles(paths, forSelection(options));
  checkProjectConfigs(files, options);
  const cache = checkCache(options);
  // Ex) a warm cache: the index is made of kept summaries, and only the files with no kept result are processed
  const warm = cache && fromCache(cache, files, projectFiles, options);
  const todo = warm ? warm.todo : files;
  // Starting a worker costs about as much as processing a few files: give each at least FILES_PER_WORKER, and
  // without --jobs about 1 MB. What the threads read: the files to process, and with no index known yet the
  // project's files (the first pass; ex: `check app/use.py` in a large project, no cache yet).
  const work = warm || !needsProjectIndex(options) ? todo : projectFiles; // (selectFiles: they hold the run's files)
  const jobs = threadsFor(work, options.jobs, sizeOf);
  // Transforms passed as objects, with no module path, exist only in this thread.
  const localOnly = options.extraTransforms.length > 0;
  let outcome: Outcome;
  if (jobs === 1 || localOnly) {
    const extra = await loadTransformModules(options.transformPaths ?? [], options.cwd);
    const opts = extra.length ? { ...options, extraTransforms: [...options.extraTransforms, ...extra] } : options;
    outcome = await runInProcess(todo, projectFiles, opts, control, cache, warm);
  } else outcome = await runInWorkers(todo, projectFiles, options, jobs, control, cache, warm);
  let results = warm ? [...warm.known, ...outcome.results] : outcome.results;
  // Ex) a fix gave `rows()` cleanup, and a loop of another module abandons it: fixed in a later round (src/rounds.ts).
  // Not after an interrupt: every file is old or new, and the next run finishes the job.
  const first = outcome.first ?? (warm?.index && { index: warm.index });
  let stoppedRound: RoundsOutcome['interrupted'];
  // Ex) Ctrl-C just as the last file was done: the later rounds, if any is needed, are left to the next run
  if (first && outcome.notStarted === 0 && control.signal?.aborted && options.mode !== 'check') stoppedRound = { round: 2, notStarted: files.length, total: files.length };
  else if (first && outcome.notStarted === 0 && options.mode !== 'check') {
    // (In this thread: with the user's transform modules, which the workers imported for themselves)
    const extra = await loadTransformModules(options.transformPaths ?? [], options.cwd);
    const opts = extra.length ? { ...options, extraTransforms: [...options.extraTransforms, ...extra] } : options;
    const later = await laterRoundsAsync(results, files, projectFiles, opts, first, releaseTrees, () => control.signal?.aborted === true, cache);
    results = later.results;
    stoppedRound = later.interrupted;
  }
  const done = finish(options, results, errors, outcome.notStarted, files.length);
  // Ex) Ctrl-C in a later round: every file as one round or the next left it; the next run finishes the job
  if (stoppedRound) done.interrupted = stoppedRound;
  const cacheError = cache?.save();
  return cacheError === undefined ? done : { ...done, cacheError: `cannot write the cache in ${cache!.dir}: ${cacheError}` };
}

/** Up to this many files without a kept summary are summarised here, before the run picks its threads. */
const FEW_SUMMARIES = 64;

/**
 * What the cache knows of this run before the files are processed: when it has the summary of every file of
 * the project but a few (made here), or the run needs none, the index, the results it has for that index,
 * and the files left to process (so a re-run after an edit or two starts no worker thread). `undefined` when
 * more summaries are missing: the first pass then reads the files that lack one. `index` is `undefined` too
 * when the run needs one but no file is left to process (the cache knew the index by its key only).
 */
function fromCache(cache: CheckCache, files: readonly string[], projectFiles: readonly string[], options: RunOptions): { index: ProjectIndex | undefined; known: FileResult[]; todo: string[] } | undefined {
  const whole = options.wholeFiles === true;
  const resultsFor = (index: ProjectIndex | undefined) => {
    const known: FileResult[] = [];
    const todo: string[] = [];
    for (const f of files) {
      const r = cache.result(f);
      if (r) known.push(r);
      else todo.push(f);
    }
    return { index, known, todo };
  };
  if (!needsProjectIndex(options)) {
    cache.setIndex(undefined);
    return resultsFor(undefined);
  }
  const missing: string[] = [];
  for (const p of projectFiles) if (!cache.hasSummary(p) && missing.push(p) > FEW_SUMMARIES) return undefined;
  // Ex) a file that cannot be decoded has no summary, in the first pass as here
  for (const p of missing) keptOrSummarized(p, whole, cache);
  // Ex) nothing changed, or a comment added to a module: the summaries are those an earlier run merged, and
  // neither they nor the index are read unless a file is left to process
  if (cache.useMergedIndex(projectFiles)) {
    const taken = resultsFor(undefined);
    if (taken.todo.length === 0) return taken;
    const index = cache.projectIndex();
    if (index) return { ...taken, index };
    // (Its file is gone: merged again below, and the results told again.)
  }
  const summaries: FileSummary[] = [];
  const lost: string[] = [];
  for (const p of projectFiles) {
    const s = cache.summary(p);
    if (s) summaries.push(s);
    // Ex) the summaries file cut short: a few summarised here, more in the first pass (a file that cannot be
    // decoded, tried above, is tried once more)
    else if (lost.push(p) > missing.length + FEW_SUMMARIES) return undefined;
  }
  for (const p of lost) {
    const s = keptOrSummarized(p, whole, cache);
    if (s) summaries.push(s);
  }
  const index = mergeSummaries(summaries, options.cwd);
  cache.setIndex(index);
  cache.keepMergedIndex(projectFiles);
  return resultsFor(index);
}

/**
 * An editor hands withify the text of `path`, unsaved: generator-close's index is the project's files as on
 * disk, with that text in place of the file. Undefined (the index of the text alone) when no transform needs
 * it, with `indexScope: 'run'`, or outside a project.
 */
async function stdinProjectIndex(text: string, path: string, options: RunOptions): Promise<StdinIndex | undefined> {
  if (!needsProjectIndex(options) || options.indexScope === 'run') return undefined;
  const root = projectRoot([path]);
  if (root === undefined) return undefined;
  const { files } = selectFiles([root], { ...options, changedSince: undefined, shard: undefined, indexScope: 'run' });
  const whole = options.wholeFiles === true;
  const moduleName = moduleKeyFor(path);
  const own = summarizeFile(path, text, moduleNameFor(path), whole);
  // Ex) an editor checking on every save: the project's other files summarised once, then read from the cache.
  // When the edit changed no generator and no import, the project's summaries are those on disk: the index the
  // last run merged of them is read from its file, and no summary is.
  const cache = checkCache(options);
  // Ex) an editor's first check, no run of the project kept yet: the file on disk is summarised too, so that the
  // next check of a buffer that matches it takes the index merged here (before, every check merged it again)
  const onDisk = cache !== undefined && files.includes(path);
  if (onDisk && !cache.hasSummary(path)) keptOrSummarized(path, whole, cache);
  const asOnDisk = onDisk && cache.keptSummaryIs(path, own);
  const others = files.filter((f) => f !== path);
  // A later round's index: the project's other files as summarised (kept in the cache, or now), with `own` for the text
  const remerge = (summaries: () => FileSummary[]) => (now: FileSummary) => mergeSummaries([...summaries(), now], options.cwd);
  const fromCache = () => others.map((f) => keptOrSummarized(f, whole, cache)).filter((s): s is FileSummary => s !== undefined);
  if (asOnDisk && cache.useMergedIndex(files)) {
    const project = cache.projectIndex();
    if (project) return { project, moduleName, own, remerge: remerge(fromCache) };
  }
  // Ex) the first check of a large project: the files with no kept summary are summarised in worker threads, as
  // a run's first pass summarises them (11,555 files, two cores: 10.8 s and 617 MB -> 6.9 s and 383 MB), or in
  // this thread with the trees of each file freed as it goes
  const unsummarized = others.filter((f) => !cache?.hasSummary(f));
  const missing = new Set(unsummarized);
  const jobs = threadsFor(unsummarized, options.jobs, sizeOf);
  const made = new Map<string, FileSummary>();
  if (jobs > 1) for (const s of await summarizeInWorkers(unsummarized, options, jobs, cache)) made.set(s.path, s);
  const summaries: FileSummary[] = [];
  for (const f of others) {
    const s = made.get(f) ?? keptOrSummarized(f, whole, cache);
    if (s) summaries.push(s);
    if (missing.has(f) && !made.has(f)) await releaseTrees();
  }
  const project = mergeSummaries([...summaries, own], options.cwd);
  if (asOnDisk) {
    cache.setIndex(project);
    cache.keepMergedIndex(files);
  }
  // (A cache that cannot be written only makes the next run slower: an editor's stderr is no place for it.)
  cache?.save();
  return { project, moduleName, own, remerge: remerge(() => summaries) };
}

/** The project index of a text read from stdin, and what a later round needs to make it again. */
interface StdinIndex {
  project: ProjectIndex;
  moduleName: string;
  /** The text's own summary. */
  own: FileSummary;
  /** The index with `now` in place of the text's summary. */
  remerge: (now: FileSummary) => ProjectIndex;
}

/** Without a transform that needs the project index, the project's other files are not walked. */
const forSelection = (options: RunOptions): RunOptions => (needsProjectIndex(options) ? options : { ...options, indexScope: 'run' });

/**
 * Process text read from stdin, as if it were the file `path`. No result (and the text unchanged) when
 * `exclude` leaves that file out, as it would leave it out named on the command line.
 */
export async function runStdin(text: Buffer, path: string, options: RunOptions): Promise<{ result?: FileResult; outputBytes?: Buffer }> {
  // Ex) an editor formatting on save `gen/z.py`, which [tool.withify] exclude leaves alone
  if (path !== '-' && excludedByName(path, options)) return { outputBytes: text };
  let decoded;
  try {
    decoded = decodeSource(text);
  } catch (err) {
    // Ex) `cat a.py | withify fix - > b.py`: what cannot be read goes out as it came in, as a file that fails to parse does
    return { result: { path, status: 'failed', findings: [], remaining: [], fixesApplied: 0, reason: (err as Error).message }, outputBytes: text };
  }
  // `--stdin-filename` names the file: its per-file-ignores apply.
  const opts = path === '-' ? options : optionsForFile(options, path);
  const indexed = path === '-' ? undefined : await stdinProjectIndex(decoded.text, resolve(options.cwd, path), options);
  // (Outside a project, the module is still named as the file on disk is: `ur.locked`, not `<ur.py>.locked`)
  const named = indexed ? { project: indexed.project, moduleName: indexed.moduleName } : path === '-' ? undefined : { moduleName: moduleKeyFor(resolve(options.cwd, path)) };
  const processed = (source: string, project?: ProjectIndex) => processSource({ path, text: source, eol: decoded.eol, options: opts, partial: options.wholeFiles !== true, addIgnore: options.addIgnore, ...named, ...(project ? { project } : {}) });
  let result = processed(decoded.text);
  if (indexed && options.mode !== 'check') result = stdinRounds(result, indexed, resolve(options.cwd, path), options, processed);
  const encoded = encodeResult(result, decoded);
  markPatchEncoding(encoded.result, decoded, options.mode);
  return { result: encoded.result, outputBytes: encoded.bytes ?? text };
}

/**
 * The later rounds of `fix -`/`diff -` (src/rounds.ts for a run over files): where a fix gave a generator cleanup (a
 * `with` around its `yield`s), the index made with the fixed text in place of the file's may show uses in the same text
 * that abandon it (`for x in self.items(n): return x`); the text is processed again with it, as `fix FILE` does, so a
 * second `fix -` (an editor's next save) changes nothing.
 */
function stdinRounds(first: FileResult, indexed: StdinIndex, path: string, options: RunOptions, processed: (source: string, project: ProjectIndex) => FileResult): FileResult {
  let result = first;
  let index = indexed.project;
  let facts = JSON.stringify(indexed.own.generators ?? null);
  let latest = first;
  for (let round = 0; round < MAX_ROUNDS && latest.status === 'changed' && latest.after !== undefined; round++) {
    const text = latest.after;
    const now = summarizeFile(path, text, moduleNameFor(path), options.wholeFiles === true);
    const nowFacts = JSON.stringify(now.generators ?? null);
    if (nowFacts === facts) break;
    facts = nowFacts;
    const next = indexed.remerge(now);
    const change = new IndexChange(index, next);
    index = next;
    if (!change.reaches(indexed.moduleName, first.path, text)) break;
    latest = processed(text, next);
    result = merged(result, latest, options.mode);
  }
  return result;
}
