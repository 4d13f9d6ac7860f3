// A small pool of threads: this one and worker threads (src/worker.ts), all doing `FileWork` (src/work.ts).
// Idle threads pull the next chunk of paths (biggest files first, see plannedChunks), so a slow file holds up
// one thread, not the run. Results come back in any order; the runner sorts them.
// With a project index, the first pass (summaries) runs in the workers too, is merged here once, and the
// index is posted to every worker once before the files are processed.
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { mergeSummaries, needsProjectIndex, type FileSummary } from './project.js';
import type { FileResult } from './types.js';
import type { RunControl, RunOptions } from './runner.js';
import { FileWork, type FromWorker, type ToWorker, type WorkerData } from './work.js';

export interface PoolOutcome {
  results: FileResult[];
  /** Files never begun because the run was interrupted. */
  notStarted: number;
}

/** Small chunks keep every worker busy to the end; large ones cut messaging. Eight chunks per worker. */
export function chunkSize(files: number, workers: number): number {
  return Math.max(1, Math.min(16, Math.ceil(files / (workers * 8))));
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0; // reported when a worker reads it
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

/** One thread of the pool, as `feed` sees it. */
interface Lane {
  /** Requests it may hold at once: a worker thread gets its next chunk while it works on one. */
  readonly depth: number;
  request(msg: ToWorker): Promise<FromWorker>;
  post(msg: ToWorker): void;
  close(): Promise<void>;
}

/**
 * The main thread's share of the files: `FileWork` called directly. It has no start-up to pay (the modules
 * are loaded), so it begins while the worker threads start; between two files it lets the event loop run
 * (messages of the workers, Ctrl-C, the progress line).
 */
class LocalWorker implements Lane {
  readonly depth = 1;
  private readonly work: FileWork;
  private chain: Promise<unknown>;

  constructor(data: WorkerData) {
    this.work = new FileWork(data);
    this.chain = this.work.ready;
  }

  request(msg: ToWorker): Promise<FromWorker> {
    const reply = this.chain.then(() => this.work.handle(msg)).then((r) => r ?? { kind: 'error' as const, message: `no reply to ${msg.kind}` });
    this.chain = reply.catch(() => undefined);
    return reply;
  }

  post(msg: ToWorker): void {
    this.chain = this.chain.then(() => this.work.handle(msg));
  }

  async close(): Promise<void> {
    await this.chain.catch(() => undefined);
  }
}

class PoolWorker implements Lane {
  readonly depth = 2;
  private readonly worker: Worker;
  private readonly waiting: Array<{ resolve: (m: FromWorker) => void; reject: (e: Error) => void }> = [];
  private failure: Error | undefined;

  constructor(data: WorkerData) {
    // dist/src/pool.js → dist/src/worker.js: the compiled file, whether withify runs from bin/ or from tests.
    this.worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: data });
    this.worker.on('message', (m: FromWorker) => {
      const w = this.waiting.shift();
      if (!w) return;
      if (m.kind === 'error') w.reject(new Error(m.message));
      else w.resolve(m);
    });
    const fail = (err: Error) => {
      this.failure = err;
      for (const w of this.waiting.splice(0)) w.reject(err);
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`a worker thread stopped (exit code ${code})`)));
  }

  request(msg: ToWorker): Promise<FromWorker> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
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
 * Hand the chunks out to idle workers until they are gone or `stopping()`. `queues[i]` are worker i's own
 * chunks, handed to it first; a worker with none left takes the next (biggest) chunk of the longest queue. The
 * number of files in chunks never handed out is returned.
 */
async function feed(workers: readonly Lane[], queues: string[][][], send: (paths: string[], worker: number) => ToWorker, take: (m: FromWorker, paths: string[]) => void, stopping: () => boolean): Promise<number> {
  const nextChunk = (i: number): string[] | undefined => {
    if (queues[i]!.length) return queues[i]!.shift();
    let from = -1;
    for (let j = 0; j < queues.length; j++) if (queues[j]!.length && (from < 0 || queues[j]!.length > queues[from]!.length)) from = j;
    return from < 0 ? undefined : queues[from]!.shift();
  };
  const lane = async (w: Lane, i: number) => {
    while (!stopping()) {
      const chunk = nextChunk(i);
      if (!chunk) return;
      take(await w.request(send(chunk, i)), chunk);
    }
  };
  await Promise.all(workers.flatMap((w, i) => Array.from({ length: w.depth }, () => lane(w, i))));
  return queues.flat(2).length;
}

export async function runInWorkers(files: readonly string[], projectFiles: readonly string[], options: RunOptions, jobs: number, control: RunControl = {}): Promise<PoolOutcome> {
  const stop = new Int32Array(new SharedArrayBuffer(4));
  const stopping = () => control.signal?.aborted === true;
  const onAbort = () => Atomics.store(stop, 0, 1);
  control.signal?.addEventListener('abort', onAbort);
  if (stopping()) onAbort();
  // Functions cannot cross threads: workers import `transformPaths` themselves (loadTransformModules in src/load-transform.ts).
  const data: WorkerData = { options: { ...options, extraTransforms: [] }, stop };
  // `jobs` threads: this one and jobs - 1 workers.
  const count = Math.max(1, Math.min(jobs, files.length));
  const workers: Lane[] = [new LocalWorker({ ...data, options: { ...data.options } }), ...Array.from({ length: count - 1 }, () => new PoolWorker(data))];
  try {
    // Both passes plan by size: stat each file once.
    const sizes = new Map<string, number>();
    const size = (p: string) => {
      let n = sizes.get(p);
      if (n === undefined) sizes.set(p, (n = sizeOf(p)));
      return n;
    };
    // Each worker keeps what it read in the first pass of the files it will process (`keep`), and gets those
    // files first in the second pass, so most files are read once.
    let queues: string[][][];
    if (!needsProjectIndex(options)) queues = [plannedChunks(files, workers.length, size), ...workers.slice(1).map(() => [])];
    else {
      const summaries: FileSummary[] = [];
      const wanted = new Set(files);
      const readBy: string[][] = workers.map(() => []);
      let indexed = 0;
      const left = await feed(workers, [plannedChunks(projectFiles, workers.length, size), ...workers.slice(1).map(() => [])], (paths, i) => {
        const keep = paths.map((p) => wanted.has(p));
        readBy[i]!.push(...paths.filter((_, k) => keep[k]));
        return { kind: 'summarize', paths, keep };
      }, (m, paths) => {
        if (m.kind === 'summaries') summaries.push(...m.summaries);
        indexed += paths.length;
        control.onProgress?.(indexed, projectFiles.length, 'index');
      }, stopping);
      if (left > 0) return { results: [], notStarted: files.length };
      const index = mergeSummaries(summaries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), options.cwd);
      for (const w of workers) w.post({ kind: 'project', index });
      queues = readBy.map((mine) => plannedChunks(mine, workers.length, size));
    }
    const results: FileResult[] = [];
    let notStarted = 0;
    const left = await feed(workers, queues, (paths) => ({ kind: 'process', paths }), (m) => {
      if (m.kind !== 'results') return;
      results.push(...m.results);
      notStarted += m.notStarted.length;
      control.onProgress?.(results.length, files.length, 'files');
    }, stopping);
    return { results, notStarted: notStarted + left };
  } finally {
    control.signal?.removeEventListener('abort', onAbort);
    await Promise.all(workers.map((w) => w.close()));
  }
}
