// The parse-only baseline of `npm run bench`: read + tree-sitter parse + one full cursor walk of every
// file, in the same setup as withify's pool (N worker threads pulling chunks; in this thread for N = 1).
// Usage: node dist/bench/parse-only.js JOBS LISTFILE   (LISTFILE: one path per line)
import { readFileSync } from 'node:fs';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { parsePython } from '../src/engine/parse.js';
import { plannedChunks } from '../src/pool.js';
import { releaseTrees } from '../src/process-file.js';

/** Parse and walk one file; the node count keeps the walk from being optimised away. */
function parseAndWalk(path: string): number {
  const tree = parsePython(readFileSync(path, 'utf8'));
  const cursor = tree.walk();
  let nodes = 1;
  for (;;) {
    if (cursor.gotoFirstChild() || cursor.gotoNextSibling()) {
      nodes++;
      continue;
    }
    let up = false;
    while (cursor.gotoParent()) {
      if (cursor.gotoNextSibling()) {
        up = true;
        nodes++;
        break;
      }
    }
    if (!up) return nodes;
  }
}

if (!isMainThread) {
  parentPort!.on('message', async (paths: string[]) => {
    let nodes = 0;
    for (const p of paths) {
      nodes += parseAndWalk(p);
      await releaseTrees(); // as withify's workers do: native trees are freed when the event loop turns
    }
    parentPort!.postMessage(nodes);
  });
} else {
  const jobs = Number(process.argv[2]);
  const files = readFileSync(process.argv[3]!, 'utf8').split('\n').filter(Boolean);
  if (jobs <= 1) {
    let nodes = 0;
    for (const f of files) {
      nodes += parseAndWalk(f);
      await releaseTrees();
    }
    process.stdout.write(`${nodes}\n`);
  } else {
    const chunks = plannedChunks(files, jobs);
    let next = 0;
    let nodes = 0;
    const workers = Array.from({ length: jobs }, () => new Worker(new URL(import.meta.url)));
    await Promise.all(
      workers.map(async (w) => {
        while (next < chunks.length) {
          const chunk = chunks[next++]!;
          nodes += await new Promise<number>((resolve) => {
            w.once('message', resolve);
            w.postMessage(chunk);
          });
        }
      }),
    );
    await Promise.all(workers.map((w) => w.terminate()));
    process.stdout.write(`${nodes}\n`);
  }
}
