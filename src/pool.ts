// A small pool of worker threads (src/worker.ts). Idle workers pull the next chunk of paths, so a slow
// file holds up one worker, not the run. Results come back in any order; the runner sorts them.
// With a project index, the first pass (summaries) runs in the workers too, is merged here once, and the
// index is posted to every worker once before the files are processed.
import { Worker } from 'node:worker_threads';
import { mergeSummaries, needsProjectIndex, type FileSummary } from './project.js';
import type { FileResult } from './types.js';
import type { RunControl, RunOptions } from './runner.js';
import type { FromWorker, ToWorker, WorkerData } from './worker.js';

export interface PoolOutcome {
  results: FileResult[];
  /** Files never begun because the run was interrupted. */
  notStarted: number;
}

/** Small chunks keep every worker busy to the end; large ones cut messaging. Eight chunks per worker. */
export function chunkSize(files: number, workers: number): number {
  return Math.max(1, Math.min(16, Math.ceil(files / (workers * 8))));
}

function chunked<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

class PoolWorker {
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

/** Hand the chunks out to idle workers until they are gone or `stopping()`; chunks never handed out are returned. */
async function feed(workers: readonly PoolWorker[], chunks: string[][], send: (paths: string[]) => ToWorker, take: (m: FromWorker) => void, stopping: () => boolean): Promise<number> {
  let next = 0;
  await Promise.all(
    workers.map(async (w) => {
      while (next < chunks.length && !stopping()) take(await w.request(send(chunks[next++]!)));
    }),
  );
  return chunks.slice(next).reduce((n, c) => n + c.length, 0);
}

export async function runInWorkers(files: readonly string[], projectFiles: readonly string[], options: RunOptions, jobs: number, control: RunControl = {}): Promise<PoolOutcome> {
  const stop = new Int32Array(new SharedArrayBuffer(4));
  const stopping = () => control.signal?.aborted === true;
  const onAbort = () => Atomics.store(stop, 0, 1);
  control.signal?.addEventListener('abort', onAbort);
  if (stopping()) onAbort();
  // Functions cannot cross threads: workers import `transformPaths` themselves (loadTransformModules in src/load-transform.ts).
  const data: WorkerData = { options: { ...options, extraTransforms: [] }, stop };
  const workers = Array.from({ length: Math.max(1, Math.min(jobs, files.length)) }, () => new PoolWorker(data));
  try {
    const size = chunkSize(files.length, workers.length);
    if (needsProjectIndex(options)) {
      const summaries: FileSummary[] = [];
      const left = await feed(workers, chunked(projectFiles, chunkSize(projectFiles.length, workers.length)), (paths) => ({ kind: 'summarize', paths }), (m) => {
        if (m.kind === 'summaries') summaries.push(...m.summaries);
      }, stopping);
      if (left > 0) return { results: [], notStarted: files.length };
      const index = mergeSummaries(summaries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)));
      for (const w of workers) w.post({ kind: 'project', index });
    }
    const results: FileResult[] = [];
    let notStarted = 0;
    const left = await feed(workers, chunked(files, size), (paths) => ({ kind: 'process', paths }), (m) => {
      if (m.kind !== 'results') return;
      results.push(...m.results);
      notStarted += m.notStarted.length;
      control.onProgress?.(results.length, files.length);
    }, stopping);
    return { results, notStarted: notStarted + left };
  } finally {
    control.signal?.removeEventListener('abort', onAbort);
    await Promise.all(workers.map((w) => w.close()));
  }
}
