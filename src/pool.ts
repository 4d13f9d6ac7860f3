// A small pool of threads: this one and worker threads (src/worker.ts), all doing `FileWork` (src/work.ts).
// Every thread takes the next chunk of paths itself (biggest files first, see plannedChunks; claimChunk in
// work.ts), so a slow file holds up one thread, not the run. Results come back in any order; the runner sorts them.
// With a project index, the first pass (summaries) runs in the workers too, is merged here once, and the
// index is posted to every worker once before the files are processed.
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { allListings } from './listing.js';
import { mergeSummaries, needsProjectIndex, type FileSummary } from './project.js';
import type { CheckCache } from './cache.js';
import type { FileResult, ProjectIndex } from './types.js';
import type { RunControl, RunOptions } from './runner.js';
import { FileWork, unclaimed, type Chunk, type FromWorker, type ToWorker, type WorkerData } from './work.js';

export interface PoolOutcome {
  results: FileResult[];
  /** Files never begun because the run was interrupted. */
  notStarted: number;
  /** The project index the files were processed with, when the pass made one; for `fix` and `diff`, with its summaries. */
  first?: { index: ProjectIndex; summaries?: ReadonlyMap<string, string> };
}

/** Small chunks keep every worker busy to the end; large ones cut messaging. Eight chunks per worker. */
export function chunkSize(files: number, workers: number): number {
  return Math.max(1, Math.min(16, Math.ceil(files / (workers * 8))));
}

/** The size of the file at `path`, 0 when it cannot be read (reported when it is read). */
export function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/**
 * The files in chunks of about equal bytes (a file's size stands in for its work), biggest files first: the
 * chunks handed out last are the small ones, so no worker is left with a run of large test modules while
 * the others wait (in path order they sit together). At most `chunkSize` files and about a 24th of a
 * worker's share of the bytes per chunk. Results are sorted by path afterwards, so the order is invisible.
 */
export function plannedChunks(files: readonly string[], workers: number, size: (path: string) => number = sizeOf): string[][] {
  const sized = files.map((f) => ({ f, size: size(f) })).sort((a, b) => b.size - a.size || (a.f < b.f ? -1 : a.f > b.f ? 1 : 0));
  const total = sized.reduce((n, x) => n + x.size, 0);
  const maxFiles = chunkSize(files.length, workers);
  const maxBytes = Math.max(16 * 1024, total / (workers * 24));
  const out: string[][] = [];
  let chunk: string[] = [];
  let bytes = 0;
  for (const x of sized) {
    if (chunk.length && (chunk.length >= maxFiles || bytes + x.size > maxBytes)) {
      out.push(chunk);
      chunk = [];
      bytes = 0;
    }
    chunk.push(x.f);
    bytes += x.size;
  }
  if (chunk.length) out.push(chunk);
  return out;
}

/** The summary of `path` kept from an earlier run, added to `summaries`; false when there is none. */
function keptSummary(cache: CheckCache, path: string, summaries: FileSummary[]): boolean {
  const s = cache.summary(path);
  if (s) summaries.push(s);
  return s !== undefined;
}

/** One thread of the pool, as `runPass` sees it. */
interface Lane {
  /** Run a pass (see `ToWorker`), `reply` called with each chunk's answer; settles when the thread has no chunk left. */
  pass(msg: Extract<ToWorker, { kind: 'pass' }>, reply: (m: FromWorker) => void): Promise<void>;
  post(msg: ToWorker): void;
  close(): Promise<void>;
}

/**
 * The main thread's share of the files: `FileWork` called directly. It has no start-up to pay (the modules
 * are loaded), so it begins while the worker threads start; between two files it lets the event loop run
 * (messages of the workers, Ctrl-C, the progress line).
 */
class LocalWorker implements Lane {
  private readonly work: FileWork;
  private chain: Promise<unknown>;

  constructor(data: WorkerData) {
    this.work = new FileWork(data);
    this.chain = this.work.ready;
  }

  pass(msg: Extract<ToWorker, { kind: 'pass' }>, reply: (m: FromWorker) => void): Promise<void> {
    const done = this.chain.then(() => this.work.handle(msg, reply));
    this.chain = done.catch(() => undefined);
    return done;
  }

  post(msg: ToWorker): void {
    this.chain = this.chain.then(() => this.work.handle(msg, () => {}));
  }

  async close(): Promise<void> {
    await this.chain.catch(() => undefined);
  }
}

class PoolWorker implements Lane {
  private readonly worker: Worker;
  private current: { reply: (m: FromWorker) => void; resolve: () => void; reject: (e: Error) => void } | undefined;
  private failure: Error | undefined;

  constructor(data: WorkerData) {
    // dist/src/pool.js → dist/src/worker.js (dist/bundle/ → dist/bundle/worker.js when the CLI is bundled):
    // the compiled file, whether withify runs from bin/ or from tests.
    this.worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: data });
    this.worker.on('message', (m: FromWorker) => {
      const c = this.current;
      if (!c) return;
      if (m.kind === 'error') this.fail(new Error(m.message));
      else if (m.kind === 'passDone') {
        this.current = undefined;
        c.resolve();
      } else c.reply(m);
    });
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', (code) => this.fail(new Error(`a worker thread stopped (exit code ${code})`)));
  }

  private fail(err: Error): void {
    this.failure ??= err;
    const c = this.current;
    this.current = undefined;
    c?.reject(err);
  }

  pass(msg: Extract<ToWorker, { kind: 'pass' }>, reply: (m: FromWorker) => void): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.current = { reply, resolve, reject };
      this.worker.postMessage(msg);
    });
  }

  post(msg: ToWorker): void {
    this.worker.postMessage(msg);
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}

/**
 * Run one pass over `queues` (`queues[i]`: thread i's own chunks) in every thread at once; each thread takes
 * its own chunks first, then the biggest left of the queue with the most (`claimChunk` in work.ts). `reply`
 * gets each chunk's answer with the number of the thread that did it. Returns the paths no thread began
 * (an interrupted run).
 */
async function runPass(lanes: readonly Lane[], pass: 'summarize' | 'process', queues: Chunk[][], reply: (m: FromWorker, lane: number) => void): Promise<string[]> {
  const next = new Int32Array(new SharedArrayBuffer(4 * queues.length));
  await Promise.all(lanes.map((w, lane) => w.pass({ kind: 'pass', pass, queues, next, lane }, (m) => reply(m, lane))));
  return unclaimed(queues, next);
}

/**
 * `count` threads (at least one): this one and `count - 1` workers, which `stop` stops. Functions cannot cross
 * threads: workers import `transformPaths` themselves (loadTransformModules in src/load-transform.ts), and are
 * given what the walk saw of the directories (src/listing.ts), as they walked nothing.
 */
function lanes(options: RunOptions, count: number, stop: Int32Array): Lane[] {
  const threads = Math.max(1, count);
  const data: WorkerData = { options: { ...options, extraTransforms: [] }, stop, threads };
  const workerData: WorkerData = threads > 1 ? { ...data, listings: allListings() } : data;
  return [new LocalWorker({ ...data, options: { ...data.options } }), ...Array.from({ length: threads - 1 }, () => new PoolWorker(workerData))];
}

/**
 * The summaries of `paths`, made in `jobs` threads (this one and `jobs - 1` workers), each kept in `cache`: the
 * first pass alone, for an editor's check (`runStdin`) of a project whose summaries are not kept yet. A file
 * that cannot be read or decoded has none.
 */
export async function summarizeInWorkers(paths: readonly string[], options: RunOptions, jobs: number, cache?: CheckCache): Promise<FileSummary[]> {
  const workers = lanes(options, Math.min(jobs, paths.length), new Int32Array(new SharedArrayBuffer(4)));
  const summaries: FileSummary[] = [];
  try {
    const chunks = plannedChunks(paths, workers.length).map((c) => ({ paths: c }));
    await runPass(workers, 'summarize', [chunks, ...workers.slice(1).map(() => [])], (m) => {
      if (m.kind !== 'summaries') return;
      summaries.push(...m.summaries);
      for (const s of m.summaries) cache?.putSummary(s);
    });
  } finally {
    await Promise.all(workers.map((w) => w.close()));
  }
  return summaries;
}

/**
 * The run in `jobs` threads. `cache`: summaries and results kept from earlier runs are used, and what this run
 * makes is kept. `indexed`: the project index is known already (the runner made it of kept summaries, or the
 * run needs none), and `files` are those with no kept result: no first pass.
 */
export async function runInWorkers(files: readonly string[], projectFiles: readonly string[], options: RunOptions, jobs: number, control: RunControl = {}, cache?: CheckCache, indexed?: { index: ProjectIndex | undefined }): Promise<PoolOutcome> {
  const stop = new Int32Array(new SharedArrayBuffer(4));
  const onAbort = () => Atomics.store(stop, 0, 1);
  control.signal?.addEventListener('abort', onAbort);
  if (control.signal?.aborted) onAbort();
  // No more threads than files to read: those to process, and in a first pass the project's (`check app/use.py`
  // in a large project).
  const workers = lanes(options, Math.min(jobs, indexed || !needsProjectIndex(options) ? files.length : Math.max(files.length, projectFiles.length)), stop);
  try {
    // Both passes plan by size: stat each file once.
    const sizes = new Map<string, number>();
    const size = (p: string) => {
      let n = sizes.get(p);
      if (n === undefined) sizes.set(p, (n = sizeOf(p)));
      return n;
    };
    const plan = (paths: readonly string[]): Chunk[] => plannedChunks(paths, workers.length, size).map((c) => ({ paths: c }));
    // Each worker keeps what it read in the first pass of the files it will process (`keep`), and has those
    // files as its own queue in the second pass, so most files are read once.
    const results: FileResult[] = [];
    let queues: Chunk[][];
    let firstRound: PoolOutcome['first'];
    if (indexed || !needsProjectIndex(options)) {
      if (indexed?.index) for (const w of workers) w.post({ kind: 'project', index: indexed.index });
      queues = [plan(files), ...workers.slice(1).map(() => [])];
    } else {
      const summaries: FileSummary[] = [];
      const wanted = new Set(files);
      const readBy: string[][] = workers.map(() => []);
      // Ex) a warm cache and one module changed: only that module is read in the first pass
      const toRead = cache ? projectFiles.filter((p) => !keptSummary(cache, p, summaries)) : projectFiles;
      let done = projectFiles.length - toRead.length;
      const first = plan(toRead).map((c) => ({ ...c, keep: c.paths.map((p) => wanted.has(p)) }));
      const left = await runPass(workers, 'summarize', [first, ...workers.slice(1).map(() => [])], (m, lane) => {
        if (m.kind !== 'summaries') return;
        summaries.push(...m.summaries);
        for (const s of m.summaries) cache?.putSummary(s);
        readBy[lane]!.push(...m.paths.filter((p) => wanted.has(p)));
        done += m.paths.length;
        control.onProgress?.(done, projectFiles.length, 'index');
      });
      if (left.length > 0 || control.signal?.aborted) return { results: [], notStarted: files.length };
      const index = mergeSummaries(summaries, options.cwd);
      firstRound = { index, summaries: options.mode === 'check' ? undefined : new Map(summaries.map((s) => [s.path, JSON.stringify(s)])) };
      for (const w of workers) w.post({ kind: 'project', index });
      // The files with a kept result for this index are done; those no thread read go to the first queue.
      cache?.setIndex(index);
      cache?.keepMergedIndex(projectFiles);
      const taken = (p: string) => {
        const r = cache?.result(p);
        if (r) results.push(r);
        return r !== undefined;
      };
      const read = new Set(readBy.flat());
      queues = readBy.map((mine) => plan(mine.filter((p) => !taken(p))));
      queues[0] = [...queues[0]!, ...plan(files.filter((p) => !read.has(p) && !taken(p)))];
    }
    let notStarted = 0;
    const left = await runPass(workers, 'process', queues, (m) => {
      if (m.kind !== 'results') return;
      results.push(...m.results);
      m.results.forEach((r, i) => cache?.putResult(m.paths[i]!, r));
      notStarted += m.notStarted.length;
      control.onProgress?.(results.length, files.length, 'files');
    });
    return { results, notStarted: notStarted + left.length, first: firstRound ?? (indexed?.index && { index: indexed.index }) };
  } finally {
    control.signal?.removeEventListener('abort', onAbort);
    await Promise.all(workers.map((w) => w.close()));
  }
}
