// Runs the pipeline over files: read → decode → process → (diff | write), and counts the outcomes.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { decodeSource, DecodeError, encodeSource, type DecodedSource } from './engine/read.js';
import { processSource } from './engine/pipeline.js';
import { takeParsedChars } from './engine/parse.js';
import { ChangedOnDisk, writeAtomic } from './engine/write.js';
import { selectFiles, type SelectOptions } from './walk.js';
import { buildProjectIndex, buildProjectIndexAsync, moduleNameFor, needsProjectIndex } from './project.js';
import { runInWorkers } from './pool.js';
import { loadTransformModules } from './load-transform.js';
import type { FileResult, ProjectIndex, TransformOptions } from './types.js';

export type Mode = 'check' | 'diff' | 'fix';

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
}

/** What the caller of `run` may watch or stop. */
export interface RunControl {
  /** Aborting stops handing out files; files being processed (and written) are finished first. */
  signal?: AbortSignal;
  /** Called as files finish, with the number done and the total. */
  onProgress?: (done: number, total: number) => void;
}

export interface RunResult {
  /** One result per file, sorted by display path. */
  files: FileResult[];
  /** Paths that could not be expanded (missing, unreadable directory). */
  walkErrors: Array<{ path: string; reason: string }>;
  /** Set when the run was interrupted: files that were never begun (old bytes on disk). */
  interrupted?: { notStarted: number; total: number };
}

export function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel.split('\\').join('/') : path;
}

function readFailure(err: NodeJS.ErrnoException): string {
  if (err.code === 'EACCES' || err.code === 'EPERM') return 'cannot read: permission denied; check its permissions';
  if (err.code === 'EISDIR') return 'cannot read: it is a directory';
  if (err.code === 'ENOENT') return 'cannot read: it was removed before withify got to it';
  return `cannot read: ${err.code ?? err.message}`;
}

/**
 * Process one file on disk. Never throws. In `fix` mode a changed file is written atomically. `read`: the
 * file as the first pass read and decoded it (its bytes are those again: decoding is checked to round-trip),
 * which spares reading it twice; a change on disk since then is still caught before a write.
 */
export function processPath(path: string, options: RunOptions, project?: ProjectIndex, moduleName?: string, read?: DecodedSource): FileResult {
  const shown = displayPath(options.cwd, path);
  const failed = (reason: string): FileResult => ({ path: shown, status: 'failed', findings: [], remaining: [], fixesApplied: 0, reason });
  let bytes: Buffer | undefined;
  let decoded = read;
  if (!decoded) {
    try {
      bytes = readFileSync(path);
    } catch (err) {
      return failed(readFailure(err as NodeJS.ErrnoException));
    }
    try {
      decoded = decodeSource(bytes);
    } catch (err) {
      if (err instanceof DecodeError) return failed(err.message);
      return failed(`cannot decode: ${(err as Error).message}`);
    }
  }
  const result = processSource({ path: shown, text: decoded.text, eol: decoded.eol, outline: decoded.outline, options, project, moduleName, applyFixes: options.mode !== 'check', partial: options.wholeFiles !== true });
  if (options.mode === 'fix' && result.status === 'changed' && result.after !== undefined) {
    try {
      writeAtomic(path, encodeSource(result.after, decoded), bytes ?? encodeSource(decoded.text, decoded));
    } catch (err) {
      const reason = err instanceof ChangedOnDisk ? err.message : `cannot write: ${(err as Error).message}`;
      return { ...result, status: 'failed', reason, before: undefined, after: undefined };
    }
  }
  return result;
}

const byPath = (a: FileResult, b: FileResult) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** Drop what the report of `mode` never reads (the texts, once `fix` has written them), before results pile up. */
export function slimResult(r: FileResult, mode: Mode): FileResult {
  return mode === 'diff' || r.before === undefined ? r : { ...r, before: undefined, after: undefined };
}

function finish(options: RunOptions, results: FileResult[], errors: readonly { path: string; reason: string }[], notStarted: number, total: number): RunResult {
  results.sort(byPath);
  const walkErrors = errors.map((e) => ({ path: displayPath(options.cwd, e.path), reason: e.reason }));
  return notStarted > 0 ? { files: results, walkErrors, interrupted: { notStarted, total } } : { files: results, walkErrors };
}

/**
 * What the first pass read of the files the second pass processes (text and outline), so most files are read
 * and scanned once. Up to a budget of characters per thread: past it a file is read again in the second pass,
 * so a codebase many times the standard library does not hold all its text between the passes (the
 * stdlib, 31 MB, fits: kept, it costs about 0.7 bytes of memory per character).
 */
export class KeptSources {
  static readonly BUDGET_CHARS = 64_000_000;
  private readonly files = new Map<string, DecodedSource>();
  private chars = 0;

  constructor(private readonly budget = KeptSources.BUDGET_CHARS) {}

  keep(path: string, decoded: DecodedSource): void {
    if (this.chars + decoded.text.length > this.budget) return;
    this.files.set(path, decoded);
    this.chars += decoded.text.length;
  }

  /** What was kept of `path`, handed over once; `undefined`: read it. */
  take(path: string): DecodedSource | undefined {
    const d = this.files.get(path);
    if (d) {
      this.files.delete(path);
      this.chars -= d.text.length;
    }
    return d;
  }
}

/** The whole run in this thread, synchronously (tests, and callers that cannot await). */
export function runSync(paths: readonly string[], options: RunOptions): RunResult {
  const { files, errors, projectFiles } = selectFiles(paths, options);
  const project = needsProjectIndex(options) ? buildProjectIndex(projectFiles ?? files, options.wholeFiles === true) : undefined;
  const results = files.map((f) => slimResult(processPath(f, options, project, project ? moduleNameFor(f) : undefined), options.mode));
  return finish(options, results, errors, 0, files.length);
}

let collectGarbage: (() => void) | null | undefined;

/** A full collection, where V8 lets us ask for one (the flag is process-wide; the library API never calls this). */
function fullCollection(): void {
  if (collectGarbage === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collectGarbage = runInNewContext('gc') as () => void;
    } catch {
      collectGarbage = null;
    }
  }
  collectGarbage?.();
}

const COLLECT_EVERY_CHARS = 1_000_000;
let sinceCollection = 0;

/**
 * Free the trees of the files done so far, between two files of a bulk run. The tree-sitter binding has
 * no `tree.delete()`: a tree's native memory (about 30 bytes per byte of source) goes when its wrapper is
 * collected and the finalizer runs, which it does only when the event loop turns. V8 sees only the small
 * wrappers, so it collects them late: every 1 MB of parsed source, ask for a full collection ourselves.
 * Measured on the stdlib in one thread: peak RSS 950 MB when the loop never turns, 350 MB when it does,
 * 170 MB with a collection every 1 MB of source (2 MB: 195 MB; 8 MB: 330 MB, and more CPU time, not less).
 */
export async function releaseTrees(): Promise<void> {
  sinceCollection += takeParsedChars();
  if (sinceCollection > COLLECT_EVERY_CHARS) {
    sinceCollection = 0;
    fullCollection();
  }
  await new Promise((r) => setImmediate(r));
}

async function runInProcess(files: readonly string[], projectFiles: readonly string[], options: RunOptions, control: RunControl): Promise<{ results: FileResult[]; notStarted: number }> {
  let project: ProjectIndex | undefined;
  const kept = new KeptSources();
  if (needsProjectIndex(options)) {
    // The first pass parses too: free its trees between files as the second pass does. It hands over what
    // it read of the files the second pass processes.
    const wanted = new Set(files);
    project = await buildProjectIndexAsync(projectFiles, releaseTrees, () => control.signal?.aborted === true, options.wholeFiles === true, (p, d) => {
      if (wanted.has(p)) kept.keep(p, d);
    });
    if (!project) return { results: [], notStarted: files.length };
  }
  const results: FileResult[] = [];
  for (const f of files) {
    if (control.signal?.aborted) break;
    const read = kept.take(f);
    results.push(slimResult(processPath(f, options, project, project ? moduleNameFor(f) : undefined, read), options.mode));
    control.onProgress?.(results.length, files.length);
    // Let the event loop run after every file: trees are freed, the SIGINT handler and the progress bar run.
    await releaseTrees();
  }
  return { results, notStarted: files.length - results.length };
}

/** Fewer files than this per thread run in the main thread: worker start-up (~250 ms) would cost more. */
export const FILES_PER_WORKER = 8;

/**
 * Select the files, process them (in `options.jobs` worker threads, or here for 1) and return the results
 * sorted by path, whatever order they finished in.
 */
export async function run(paths: readonly string[], options: RunOptions, control: RunControl = {}): Promise<RunResult> {
  const { files, errors, projectFiles = files } = selectFiles(paths, options);
  // Starting a worker costs about as much as processing a few files: give each at least FILES_PER_WORKER.
  const jobs = Math.max(1, Math.min(options.jobs ?? availableParallelism(), Math.floor(files.length / FILES_PER_WORKER)));
  // Transforms passed as objects, with no module path, exist only in this thread.
  const localOnly = options.extraTransforms.length > 0;
  if (jobs === 1 || localOnly) {
    const extra = await loadTransformModules(options.transformPaths ?? [], options.cwd);
    const opts = extra.length ? { ...options, extraTransforms: [...options.extraTransforms, ...extra] } : options;
    const { results, notStarted } = await runInProcess(files, projectFiles, opts, control);
    return finish(options, results, errors, notStarted, files.length);
  }
  const { results, notStarted } = await runInWorkers(files, projectFiles, options, jobs, control);
  return finish(options, results, errors, notStarted, files.length);
}

/** Process text read from stdin, as if it were the file `path`. */
export function runStdin(text: Buffer, path: string, options: RunOptions): { result: FileResult; outputBytes?: Buffer } {
  let decoded;
  try {
    decoded = decodeSource(text);
  } catch (err) {
    return { result: { path, status: 'failed', findings: [], remaining: [], fixesApplied: 0, reason: (err as Error).message } };
  }
  const result = processSource({ path, text: decoded.text, eol: decoded.eol, options, partial: options.wholeFiles !== true });
  return { result, outputBytes: result.after !== undefined ? encodeSource(result.after, decoded) : text };
}
