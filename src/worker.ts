// A pool worker thread: `FileWork` (src/work.ts) answering the messages of src/pool.ts, one at a time.
import { parentPort, workerData } from 'node:worker_threads';
import { FileWork, type FromWorker, type ToWorker, type WorkerData } from './work.js';

export type { FromWorker, ToWorker, WorkerData } from './work.js';

const port = parentPort!;
const work = new FileWork(workerData as WorkerData);

// Messages are handled one at a time, in order: a pass's awaits must not let the next message in early.
// A failure (the user's transform modules did not load, a bug) is posted as `error`: the pool then stops.
let queue: Promise<unknown> = Promise.resolve();
port.on('message', (msg: ToWorker) => {
  queue = queue
    .then(() => work.ready)
    .then(() => work.handle(msg, (reply) => port.postMessage(reply)))
    .catch((err: unknown) => port.postMessage({ kind: 'error', message: err instanceof Error ? err.message : String(err) } satisfies FromWorker));
});
