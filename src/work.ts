// What a thread of the pool (src/pool.ts) does with its messages, whether it is a worker thread
// (src/worker.ts) or the main thread taking its share of the files (`LocalWorker` in pool.ts): its own
// tree-sitter parser (src/engine/parse.ts keeps one per thread), the run's options, and the user's transform
// modules imported here by path (functions cannot be posted to a thread).
// Messages: `pass` (run the first pass, `summarize`, or the second, `process`, over the planned chunks),
// `project` (the merged index, once, between the two). In a pass every thread takes chunks itself through
// a counter per queue in shared memory (`claimChunk`): a worker never waits for the main thread to hand it
// the next chunk, which it did while the main thread was busy with a file of its own. Each chunk's answer is
// posted as it is done, then `passDone`. Between two files a thread reads the shared stop flag, so an
// interrupted run hands back what it has not begun.
import { KeptSources, processPath, releaseTrees, slimResult } from './process-file.js';
import type { RunOptions } from './runner.js';
import { addListings, type Listing } from './listing.js';
import { loadTransformModules } from './load-transform.js';
import { moduleKeyFor, summarizePath, type FileSummary } from './project.js';
import type { FileResult, ProjectIndex } from './types.js';

export interface WorkerData {
  options: RunOptions;
  /** Int32Array over a SharedArrayBuffer: element 0 becomes 1 when the run is interrupted. */
  stop: Int32Array;
  /** How many threads read the files: each keeps its share of what the first pass read (`KeptSources.forThreads`). */
  threads: number;
  /** For a worker thread: what the walk saw of the directories (src/listing.ts). */
  listings?: Array<[string, Listing]>;
}

/** A chunk of a pass: its paths, and in the first pass whether the second processes each (keep what was read). */
export interface Chunk {
  paths: string[];
  keep?: boolean[];
}

export type ToWorker =
  /**
   * Run a pass: take chunks from `queues[lane]` (this thread's own: in the second pass, the files it read in
   * the first), then from the queue with the most chunks left. `next[q]` counts the chunks taken from
   * `queues[q]` by every thread (in shared memory).
   */
  | { kind: 'pass'; pass: 'summarize' | 'process'; queues: Chunk[][]; next: Int32Array; lane: number }
  | { kind: 'project'; index: ProjectIndex };

export type FromWorker =
  /** One chunk of the first pass done: `paths` are its paths. */
  | { kind: 'summaries'; paths: string[]; summaries: FileSummary[] }
  /** One chunk of the second pass done: `notStarted`, its files left when the run was interrupted. */
  | { kind: 'results'; paths: string[]; results: FileResult[]; notStarted: string[] }
  /** No chunk left for this thread (or the run was interrupted). */
  | { kind: 'passDone' }
  | { kind: 'error'; message: string };

/**
 * The next chunk for the thread of queue `lane`: `[queue, index]`, from its own queue first, then from the
 * queue with the most chunks left (its biggest, as each queue is biggest first); `undefined` when none is
 * left. Safe across threads: every chunk is taken once (`Atomics.add`).
 */
export function claimChunk(queues: ReadonlyArray<readonly unknown[]>, next: Int32Array, lane: number): [number, number] | undefined {
  for (;;) {
    let q = lane;
    if (Atomics.load(next, q) >= queues[q]!.length) {
      q = -1;
      let most = 0;
      for (let j = 0; j < queues.length; j++) {
        const left = queues[j]!.length - Atomics.load(next, j);
        if (left > most) {
          most = left;
          q = j;
        }
      }
      if (q < 0) return undefined;
    }
    const c = Atomics.add(next, q, 1);
    if (c < queues[q]!.length) return [q, c];
  }
}

/** The paths of the chunks no thread took (an interrupted run). */
export function unclaimed(queues: ReadonlyArray<readonly Chunk[]>, next: Int32Array): string[] {
  return queues.flatMap((chunks, q) => chunks.slice(Math.min(Atomics.load(next, q), chunks.length)).flatMap((c) => c.paths));
}

export class FileWork {
  private project: ProjectIndex | undefined;
  /** Files this thread read in the first pass and processes in the second (the pool sends them here first). */
  private readonly kept: KeptSources;
  /** Settles once the user's transform modules are imported: handle messages only after it. */
  readonly ready: Promise<void>;

  constructor(private readonly data: WorkerData) {
    this.kept = KeptSources.forThreads(data.threads);
    if (data.listings) addListings(data.listings);
    this.ready = loadTransformModules(data.options.transformPaths ?? [], data.options.cwd).then((extra) => {
      data.options.extraTransforms = extra;
    });
  }

  private stopped(): boolean {
    return Atomics.load(this.data.stop, 0) !== 0;
  }

  /**
   * Handle `msg`: `project` is kept; a `pass` takes chunks until none is left or the run is interrupted,
   * calling `reply` with each chunk's answer, then with `passDone`. Never rejects for a bad file: see each
   * result's status.
   */
  async handle(msg: ToWorker, reply: (m: FromWorker) => void): Promise<void> {
    if (msg.kind === 'project') {
      this.project = msg.index;
      return;
    }
    for (let taken; !this.stopped() && (taken = claimChunk(msg.queues, msg.next, msg.lane)); ) {
      const chunk = msg.queues[taken[0]]![taken[1]]!;
      reply(msg.pass === 'summarize' ? await this.summarize(chunk) : await this.process(chunk.paths));
    }
    reply({ kind: 'passDone' });
  }

  private async summarize({ paths, keep }: Chunk): Promise<FromWorker> {
    const summaries: FileSummary[] = [];
    for (const [i, p] of paths.entries()) {
      const s = summarizePath(p, this.data.options.wholeFiles === true, keep?.[i] ? (path, decoded) => this.kept.keep(path, decoded) : undefined);
      if (s) summaries.push(s);
      await releaseTrees();
    }
    return { kind: 'summaries', paths, summaries };
  }

  private async process(paths: string[]): Promise<FromWorker> {
    const { options } = this.data;
    const results: FileResult[] = [];
    let i = 0;
    for (; i < paths.length && !this.stopped(); i++) {
      const path = paths[i]!;
      const read = this.kept.take(path);
      results.push(slimResult(processPath(path, options, this.project, this.project ? moduleKeyFor(path) : undefined, read), options.mode));
      await releaseTrees();
    }
    return { kind: 'results', paths, results, notStarted: paths.slice(i) };
  }
}
