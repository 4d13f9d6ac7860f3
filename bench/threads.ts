// What two threads give a JavaScript program on this machine, whatever withify does: one loop run in this thread
// alone, then in this thread while a worker thread runs the same loop (the worker started and warmed first, so
// neither its start nor its compilation is counted). Three loops: integer arithmetic only; objects that die young;
// objects kept across the collector's scavenges, as a program that builds per-file data does. The figure is this
// thread's speed while the other runs, against its speed alone (the worker's own code may be optimised otherwise,
// so its time is shown, not compared). Not part of `npm run bench`: it explains that bench's speed-up figure
// (docs/reports.md, "Two threads on this VM").
// Usage: node dist/bench/threads.js [ROUNDS]
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

type Kind = 'compute' | 'short-lived' | 'kept';

/** How many iterations each kind runs (0.4 to 3 seconds alone on the 2-core VM), and how many objects it keeps. */
const SIZE: Record<Kind, { n: number; keep: number }> = {
  compute: { n: 6e8, keep: 0 },
  'short-lived': { n: 3e7, keep: 100 },
  kept: { n: 6e6, keep: 50_000 },
};

/** The loop: a hash of `n` integers; with `keep`, an object per step, the list cut back every `keep` objects. */
function work(kind: Kind, scale = 1): number {
  const { n, keep } = SIZE[kind];
  let h = 0;
  let list: unknown[] = [];
  for (let i = 0; i < n * scale; i++) {
    h = (h * 31 + i) | 0;
    if (keep) {
      list.push({ i, h, tail: [i] });
      if (list.length > keep) list = [];
    }
  }
  return h + list.length;
}

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
};

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 3);
  process.stdout.write('loop         alone (s)  at once (s): this thread, the worker  speed at once  CPU s alone / at once\n');
  for (const kind of Object.keys(SIZE) as Kind[]) {
    const alones: number[] = [];
    const mines: number[] = [];
    for (let round = 0; round < rounds; round++) {
      let cpu = process.cpuUsage();
      let t = performance.now();
      work(kind);
      const alone = (performance.now() - t) / 1000;
      const cpuAlone = cpuSeconds(cpu);
      const worker = new Worker(new URL(import.meta.url), { workerData: kind });
      await new Promise((ready) => worker.once('message', ready));
      const done = new Promise((finished) => worker.once('message', finished));
      cpu = process.cpuUsage();
      t = performance.now();
      worker.postMessage('go');
      work(kind);
      const mine = (performance.now() - t) / 1000;
      const theirs = (await done) as number;
      const cpuBoth = cpuSeconds(cpu);
      await worker.terminate();
      alones.push(alone);
      mines.push(mine);
      process.stdout.write(
        `${kind.padEnd(12)} ${alone.toFixed(2).padStart(9)} ${`${mine.toFixed(2)}, ${theirs.toFixed(2)}`.padStart(37)} ${`${((100 * alone) / mine).toFixed(0)}%`.padStart(14)} ${`${cpuAlone.toFixed(2)} / ${cpuBoth.toFixed(2)}`.padStart(22)}\n`,
      );
    }
    // The fastest of each: a round's first run of the loop alone may still be partly unoptimised code.
    const best = (xs: number[]) => Math.min(...xs);
    process.stdout.write(`${kind.padEnd(12)} fastest alone ${best(alones).toFixed(2)} s, at once ${best(mines).toFixed(2)} s: ${((100 * best(alones)) / best(mines)).toFixed(0)}% of its speed alone\n`);
  }
}

if (isMainThread) await main();
else {
  const kind = workerData as Kind;
  work(kind, 0.1);
  parentPort!.postMessage('ready');
  parentPort!.once('message', () => {
    const t = performance.now();
    work(kind);
    parentPort!.postMessage((performance.now() - t) / 1000);
  });
}
