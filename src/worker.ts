// A pool worker: its own tree-sitter parser (src/engine/parse.ts keeps one per thread), the run's options,
// and the user's transform modules imported here by path (functions cannot be posted to a thread).
// Messages in: `summarize` (first pass), `project` (the merged index, once), `process` (a chunk of files).
// Between two files it reads the shared stop flag, so an interrupted run hands back what it has not begun.
import { parentPort, workerData } from 'node:worker_threads';
import { processPath, releaseTrees, slimResult, type RunOptions } from './runner.js';
import { loadTransformModules } from './load-transform.js';
import { moduleNameFor, summarizePath, type FileSummary } from './project.js';
import type { FileResult, ProjectIndex } from './types.js';
import type { DecodedSource } from './engine/read.js';

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

const data = workerData as WorkerData;
const port = parentPort!;
let project: ProjectIndex | undefined;
/** Files this worker read in the first pass and processes in the second (the pool sends them here first). */
const kept = new Map<string, DecodedSource>();

const ready = loadTransformModules(data.options.transformPaths ?? [], data.options.cwd).then((extra) => {
  data.options.extraTransforms = extra;
});

const stopped = () => Atomics.load(data.stop, 0) !== 0;

async function handle(msg: ToWorker): Promise<FromWorker | undefined> {
  if (msg.kind === 'project') {
    project = msg.index;
    return undefined;
  }
  if (msg.kind === 'summarize') {
    const summaries: FileSummary[] = [];
    for (const [i, p] of msg.paths.entries()) {
      const s = summarizePath(p, data.options.wholeFiles === true, msg.keep[i] ? (path, decoded) => kept.set(path, decoded) : undefined);
      if (s) summaries.push(s);
      await releaseTrees();
    }
    return { kind: 'summaries', summaries };
  }
  const results: FileResult[] = [];
  let i = 0;
  for (; i < msg.paths.length && !stopped(); i++) {
    const path = msg.paths[i]!;
    const read = kept.get(path);
    kept.delete(path);
    results.push(slimResult(processPath(path, data.options, project, project ? moduleNameFor(path) : undefined, read), data.options.mode));
    await releaseTrees();
  }
  return { kind: 'results', results, notStarted: msg.paths.slice(i) };
}

// Messages are handled one at a time, in order: a chunk's awaits must not let the next message in early.
let queue: Promise<unknown> = ready;
port.on('message', (msg: ToWorker) => {
  queue = queue.then(
    async () => {
      const reply = await handle(msg);
      if (reply) port.postMessage(reply);
    },
    (err: unknown) => port.postMessage({ kind: 'error', message: err instanceof Error ? err.message : String(err) } satisfies FromWorker),
  );
});
