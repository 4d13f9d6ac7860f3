// What a thread of the pool (src/pool.ts) does with its messages, whether it is a worker thread
// (src/worker.ts) or the main thread taking its share of the files (`LocalWorker` in pool.ts): its own
// tree-sitter parser (src/engine/parse.ts keeps one per thread), the run's options, and the user's transform
// modules imported here by path (functions cannot be posted to a thread).
// Messages: `summarize` (first pass), `project` (the merged index, once), `process` (a chunk of files).
// Between two files it reads the shared stop flag, so an interrupted run hands back what it has not begun.
import { KeptSources, processPath, releaseTrees, slimResult } from './process-file.js';
import type { RunOptions } from './runner.js';
import { loadTransformModules } from './load-transform.js';
import { moduleKeyFor, summarizePath, type FileSummary } from './project.js';
import type { FileResult, ProjectIndex } from './types.js';

export interface WorkerData {
  options: RunOptions;
  /** Int32Array over a SharedArrayBuffer: element 0 becomes 1 when the run is interrupted. */
  stop: Int32Array;
}

export type ToWorker =
  /** `keep[i]`: the second pass processes `paths[i]`; keep what was read of it. */
  | { kind: 'summarize'; paths: string[]; keep: boolean[] }
  | { kind: 'project'; index: ProjectIndex }
  | { kind: 'process'; paths: string[] };

export type FromWorker =
  | { kind: 'summaries'; summaries: FileSummary[] }
  | { kind: 'results'; results: FileResult[]; notStarted: string[] }
  | { kind: 'error'; message: string };

export class FileWork {
  private project: ProjectIndex | undefined;
  /** Files this thread read in the first pass and processes in the second (the pool sends them here first). */
  private readonly kept = new KeptSources();
  /** Settles once the user's transform modules are imported: handle messages only after it. */
  readonly ready: Promise<void>;

  constructor(private readonly data: WorkerData) {
    this.ready = loadTransformModules(data.options.transformPaths ?? [], data.options.cwd).then((extra) => {
      data.options.extraTransforms = extra;
    });
  }

  private stopped(): boolean {
    return Atomics.load(this.data.stop, 0) !== 0;
  }

  /** The reply to `msg` (`project` has none). Never rejects for a bad file: see each result's status. */
  async handle(msg: ToWorker): Promise<FromWorker | undefined> {
    const { options } = this.data;
    if (msg.kind === 'project') {
      this.project = msg.index;
      return undefined;
    }
    if (msg.kind === 'summarize') {
      const summaries: FileSummary[] = [];
      for (const [i, p] of msg.paths.entries()) {
        const s = summarizePath(p, options.wholeFiles === true, msg.keep[i] ? (path, decoded) => this.kept.keep(path, decoded) : undefined);
        if (s) summaries.push(s);
        await releaseTrees();
      }
      return { kind: 'summaries', summaries };
    }
    const results: FileResult[] = [];
    let i = 0;
    for (; i < msg.paths.length && !this.stopped(); i++) {
      const path = msg.paths[i]!;
      const read = this.kept.take(path);
      results.push(slimResult(processPath(path, options, this.project, this.project ? moduleKeyFor(path) : undefined, read), options.mode));
      await releaseTrees();
    }
    return { kind: 'results', results, notStarted: msg.paths.slice(i) };
  }
}
