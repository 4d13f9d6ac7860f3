// Bulk runs: worker threads give the same output as one thread, whatever the scheduling; the progress
// line appears only for a person at a terminal.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { CLI, ROOT, tempDir } from './helpers.js';
import { BYTES_PER_THREAD, FILES_PER_WORKER, KeptSources, run, runSync, threadsFor, type RunOptions } from '../src/runner.js';
import { defaultOptions } from '../src/options.js';
import { chunkSize, plannedChunks, summarizeInWorkers } from '../src/pool.js';
import { summarizePath } from '../src/project.js';
import { createProgress, shouldShowProgress, timeLeft } from '../src/progress.js';
import type { FromWorker } from '../src/worker.js';
import { claimChunk, unclaimed } from '../src/work.js';
import { decodeSource } from '../src/engine/read.js';

function withify(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The examples, several times over in nested packages, plus files of every outcome: clean, skipped, undecodable. */
function fixtureTree(): string {
  const dir = tempDir('withify-pool-');
  const examples = join(ROOT, 'examples', 'inventory');
  const sources = ['importer.py', 'report.py', 'storage.py'].map((f) => readFileSync(join(examples, f), 'utf8'));
  for (let i = 0; i < 12; i++) {
    const pkg = join(dir, `pkg${i % 3}`, `sub${i}`);
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(pkg, '__init__.py'), '');
    sources.forEach((s, k) => writeFileSync(join(pkg, `m${k}.py`), s));
    writeFileSync(join(pkg, 'chain.py'), `def f${i}(p):\n    return open(p).read()\n`);
  }
  writeFileSync(join(dir, 'clean.py'), 'x = 1\n');
  writeFileSync(join(dir, 'broken.py'), 'def f(:\n    open(p).read()\n');
  writeFileSync(join(dir, 'latin.py'), Buffer.from([0x78, 0x20, 0x3d, 0x20, 0x22, 0xe9, 0x22, 0x0a]));
  return dir;
}

for (const mode of ['check', 'diff'] as const) {
  for (const format of ['text', 'json', 'sarif'] as const) {
    test(`${mode} --format ${format}: --jobs 1 and --jobs 2 print byte-identical output`, () => {
      const dir = fixtureTree();
      const one = withify([mode, '.', '--jobs', '1', '--format', format], dir);
      const two = withify([mode, '.', '--jobs', '2', '--format', format], dir);
      assert.equal(one.status, 2, one.stderr); // latin.py cannot be decoded: exit 2, the rest still processed
      assert.equal(two.status, one.status);
      assert.ok(one.stdout.length > 1000, 'the fixture produces a real report');
      assert.equal(two.stdout, one.stdout);
      assert.equal(two.stderr, one.stderr);
    });
  }
}

test('fix --jobs 2 rewrites every file as --jobs 1 does', () => {
  const a = fixtureTree();
  const b = fixtureTree();
  const one = withify(['fix', '.', '--jobs', '1'], a);
  const two = withify(['fix', '.', '--jobs', '2'], b);
  assert.equal(two.stdout, one.stdout);
  assert.match(one.stdout, /files changed/);
  for (const rel of ['pkg0/sub0/m0.py', 'pkg1/sub4/chain.py', 'pkg2/sub11/m2.py']) {
    assert.equal(readFileSync(join(b, rel), 'utf8'), readFileSync(join(a, rel), 'utf8'));
    assert.notEqual(readFileSync(join(b, rel), 'utf8'), readFileSync(join(fixtureTree(), rel), 'utf8'));
  }
});

test('run() in worker threads returns the results of runSync(), sorted by path', async () => {
  const dir = fixtureTree();
  const options: RunOptions = { ...defaultOptions(), mode: 'check', cwd: dir };
  const single = runSync([dir], options);
  for (const jobs of [2, 1]) {
    const seen: Array<{ done: number; total: number; phase: string }> = [];
    const result = await run([dir], { ...options, jobs }, { onProgress: (done, total, phase) => seen.push({ done, total, phase }) });
    assert.deepEqual(result, single);
    assert.deepEqual(result.files.map((f) => f.path), [...result.files.map((f) => f.path)].sort());
    // The first pass (generator-close's index) over every file, then the files themselves: each counts up to its total.
    const phases = seen.map((s) => s.phase);
    assert.deepEqual([...new Set(phases)], ['index', 'files'], `jobs ${jobs}`);
    assert.equal(phases.lastIndexOf('index') < phases.indexOf('files'), true);
    for (const phase of ['index', 'files']) {
      const of = seen.filter((s) => s.phase === phase);
      assert.ok(of.every((s, i) => i === 0 || s.done > of[i - 1]!.done), `jobs ${jobs}: ${phase} progress only grows`);
      assert.equal(of.at(-1)!.done, single.files.length);
      assert.ok(of.every((s) => s.total === single.files.length));
    }
  }
});

test('an aborted run begins no file and says how many were left', async () => {
  const dir = fixtureTree();
  const controller = new AbortController();
  controller.abort();
  const r = await run([dir], { ...defaultOptions(), mode: 'fix', cwd: dir, jobs: 2 }, { signal: controller.signal });
  assert.equal(r.files.length, 0);
  assert.equal(r.interrupted?.notStarted, r.interrupted?.total);
  assert.ok((r.interrupted?.total ?? 0) > 40);
});

test('chunks: small enough that every worker stays busy, never empty, at most 16 files', () => {
  assert.equal(chunkSize(1, 2), 1);
  assert.equal(chunkSize(100, 2), 7);
  assert.equal(chunkSize(1790, 2), 16);
});

test('planned chunks: every file once, biggest first, about equal bytes, the small files last', () => {
  const dir = tempDir('withify-chunks-');
  try {
    const sizes = [50_000, 10, 20, 400_000, 30, 60_000, ...Array.from({ length: 40 }, (_, i) => 100 + i)];
    const files = sizes.map((n, i) => {
      const p = join(dir, `f${String(i).padStart(2, '0')}.py`);
      writeFileSync(p, 'x'.repeat(n));
      return p;
    });
    const chunks = plannedChunks(files, 2);
    assert.deepEqual(chunks.flat().sort(), [...files].sort());
    assert.deepEqual(chunks[0], [files[3]]); // 400 kB: a chunk of its own, handed out first
    assert.deepEqual(chunks.slice(1, 3), [[files[5]], [files[0]]]); // above the byte share: alone too
    assert.ok(chunks.every((c) => c.length >= 1 && c.length <= chunkSize(files.length, 2)));
    const last = chunks.at(-1)!.map((f) => statSync(f).size);
    assert.ok(Math.max(...last) < 200);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('progress: shown only when stderr is a terminal and --quiet is off', () => {
  assert.equal(shouldShowProgress({ isTTY: true, quiet: false }), true);
  assert.equal(shouldShowProgress({ isTTY: true, quiet: true }), false);
  assert.equal(shouldShowProgress({ isTTY: false, quiet: false }), false);
  assert.equal(shouldShowProgress({ isTTY: undefined, quiet: false }), false);
  let written = '';
  const sink = new Writable({ write: (chunk, _enc, done) => { written += String(chunk); done(); } }) as unknown as NodeJS.WriteStream;
  const p = createProgress({ isTTY: false, quiet: false }, sink);
  p.update(1, 2);
  p.stop();
  assert.equal(written, '');
});

/** A progress line drawn on a fake terminal, and what it wrote. */
function terminalProgress() {
  let text = '';
  const sink = new Writable({ write: (chunk, _enc, done) => { text += String(chunk); done(); } });
  const ok = (..._args: unknown[]) => true;
  Object.assign(sink, { isTTY: true, columns: 100, cursorTo: ok, clearLine: ok, moveCursor: ok });
  return { p: createProgress({ isTTY: true, quiet: false }, sink as unknown as NodeJS.WriteStream), written: () => text };
}

test('on a terminal the bar shows files done of total, the rate and the time left, and clears itself', () => {
  const { p, written } = terminalProgress();
  p.update(1, 4);
  // (A phase's first frame knows no rate yet: no "0s left" with every file to do, review rv54a)
  assert.match(written(), /withify [█░]+ 1\/4 files \| \? files\/s \| \? left/);
  for (const until = Date.now() + 30; Date.now() < until; );
  p.update(2, 4);
  p.stop();
  assert.match(written(), /2\/4 files \| \d+ files\/s \| \d+s left/);
  assert.match(written(), /\x1b\[2K$/); // the line is cleared at the end
});

test('the time left reads as a person reads it', () => {
  assert.deepEqual([0, 42.4, 185, 3720].map(timeLeft), ['0s', '42s', '3m05s', '1h02m']);
});

test('the first pass has its own bar, labelled, and the files theirs', () => {
  const { p, written } = terminalProgress();
  p.update(3, 10, 'index');
  p.update(10, 10, 'index');
  p.update(1, 4, 'files');
  p.stop();
  assert.match(written(), /withify indexing [█░]+ 3\/10 files/);
  assert.match(written(), /withify [█░]+ 1\/4 files \| \? files\/s/);
  assert.ok(written().indexOf('3/10') < written().indexOf('1/4 files'));
});

test('check through the CLI, not a terminal: no progress line on stderr', () => {
  const dir = fixtureTree();
  const r = withify(['check', '.', '--jobs', '2'], dir);
  assert.doesNotMatch(r.stderr, /files\/s|withify [░█]/);
});

test('--jobs takes a whole number of threads, 1 or more; the error is printed once', () => {
  const dir = fixtureTree();
  for (const bad of ['0', '1.5']) {
    const r = withify(['check', '.', '--jobs', bad], dir);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, `error: --jobs: expected a whole number of threads, 1 or more, not "${bad}"\n`);
    assert.equal(r.stdout, '');
  }
});

test('user transforms reach the workers as module paths (transformPaths), and the results match one thread', async () => {
  const dir = fixtureTree();
  const module = join(dir, 'shout.mjs');
  writeFileSync(
    module,
    "const doc = { whatItDoes: 'w', whyItBreaksOnPyPy: 'w', fixSafety: 'w', notFlagged: 'w' };\n" +
      "export const transform = { id: 'shout', code: 'WFY990', summary: 's', fixTitle: 'f', safety: 'report-only', doc, examples: [],\n" +
      "  check: (ctx) => ctx.root.descendantsOfType('def').map((d) => ({ id: 'shout', code: 'WFY990', message: 'a def', start: d.startIndex, end: d.endIndex, reason: 'just looking' })) };\n",
  );
  const options: RunOptions = { ...defaultOptions({ select: ['shout'] }), mode: 'check', cwd: dir, transformPaths: [module] };
  const pooled = await run([dir], { ...options, jobs: 2 });
  const single = await run([dir], { ...options, jobs: 1 });
  const defs = pooled.files.flatMap((f) => f.findings).filter((f) => f.code === 'WFY990');
  assert.ok(defs.length > 40, `${defs.length} findings of the user transform`);
  assert.deepEqual(pooled, single);
});

test('worker protocol: a pass of summaries for the project index, then the index once, then a pass over the files', async () => {
  const dir = fixtureTree();
  const paths = [join(dir, 'pkg0', 'sub0', 'm0.py'), join(dir, 'pkg0', 'sub3', 'chain.py'), join(dir, 'clean.py')];
  const options: RunOptions = { ...defaultOptions(), mode: 'check', cwd: dir };
  const worker = new Worker(new URL('../src/worker.js', import.meta.url), { workerData: { options, stop: new Int32Array(new SharedArrayBuffer(4)) } });
  // Every answer of a pass, up to its `passDone`.
  const pass = (msg: unknown) =>
    new Promise<FromWorker[]>((resolve) => {
      const got: FromWorker[] = [];
      const on = (m: FromWorker) => {
        if (m.kind !== 'passDone') return void got.push(m);
        worker.off('message', on);
        resolve(got);
      };
      worker.on('message', on);
      worker.postMessage(msg);
    });
  const counter = (n: number) => new Int32Array(new SharedArrayBuffer(4 * n));
  try {
    // keep: the worker keeps what it read of m0.py and clean.py for the second pass; chain.py is read again.
    // Its own queue (lane 1) is empty: it takes the chunks of lane 0's queue, as it would from the main thread.
    const next = counter(2);
    const summaries = await pass({ kind: 'pass', pass: 'summarize', queues: [[{ paths: paths.slice(0, 2), keep: [true, false] }, { paths: paths.slice(2), keep: [true] }], []], next, lane: 1 });
    assert.deepEqual(summaries.flatMap((m) => (m.kind === 'summaries' ? m.summaries.map((s) => [s.path, s.moduleName]) : [])), [
      [paths[0], 'sub0.m0'], // pkg0/ has no __init__.py: sub0 is the top package
      [paths[1], 'sub3.chain'],
      [paths[2], 'clean'],
    ]);
    assert.deepEqual([...next], [2, 0], 'both chunks taken from lane 0, none from its own empty queue');
    worker.postMessage({ kind: 'project', index: {} }); // no answer
    // A chunk another thread took already (the counter says 1) is not done again.
    const results = await pass({ kind: 'pass', pass: 'process', queues: [[{ paths: [paths[1]] }, { paths }]], next: new Int32Array(new SharedArrayBuffer(4)).fill(1), lane: 0 });
    assert.equal(results.length, 1);
    const r = results[0]!;
    assert.equal(r.kind, 'results');
    if (r.kind !== 'results') return;
    assert.deepEqual(r.results.map((x) => [x.path, x.findings.length > 0]), [
      ['pkg0/sub0/m0.py', true],
      ['pkg0/sub3/chain.py', true],
      ['clean.py', false],
    ]);
    assert.deepEqual(r.notStarted, []);
  } finally {
    await worker.terminate();
  }
});

test('chunks are taken once across threads: own queue first, then the queue with the most left', async () => {
  const queues = [['a1', 'a2', 'a3'], ['b1'], []];
  const next = new Int32Array(new SharedArrayBuffer(4 * queues.length));
  const take = (lane: number) => {
    const c = claimChunk(queues, next, lane);
    return c ? queues[c[0]]![c[1]] : undefined;
  };
  assert.equal(take(1), 'b1');
  assert.equal(take(1), 'a1'); // its own is empty: from the longest
  assert.equal(take(2), 'a2');
  assert.equal(take(0), 'a3');
  assert.equal(take(0), undefined);
  assert.equal(take(2), undefined);
  // Threads racing over one queue through shared memory: every chunk exactly once.
  const many = [Array.from({ length: 2000 }, (_, i) => `c${i}`), [], []];
  const shared = new Int32Array(new SharedArrayBuffer(4 * 3));
  const gate = new Int32Array(new SharedArrayBuffer(4));
  const src = `const { parentPort, workerData } = require('node:worker_threads');
    const { queues, next, lane, gate } = workerData; const got = [];
    parentPort.postMessage('ready'); Atomics.wait(gate, 0, 0);
    for (;;) { let q = lane; if (Atomics.load(next, q) >= queues[q].length) { q = -1; let most = 0; for (let j = 0; j < queues.length; j++) { const left = queues[j].length - Atomics.load(next, j); if (left > most) { most = left; q = j; } } if (q < 0) break; }
      const c = Atomics.add(next, q, 1); if (c < queues[q].length) got.push(queues[q][c]); }
    parentPort.postMessage(got);`;
  assert.ok(claimChunk.toString().includes('Atomics.add(next, q, 1)'), 'the worker below copies claimChunk: keep them alike');
  const takers = [1, 2].map((lane) => new Worker(src, { eval: true, workerData: { queues: many, next: shared, lane, gate } }));
  await Promise.all(takers.map((w) => new Promise((resolve) => w.once('message', resolve))));
  const got = Promise.all(takers.map((w) => new Promise<string[]>((resolve) => w.once('message', resolve))));
  // All three start together.
  Atomics.store(gate, 0, 1);
  Atomics.notify(gate, 0);
  const mine: string[] = [];
  for (let c; (c = claimChunk(many, shared, 0)); ) mine.push(many[c[0]]![c[1]]!);
  const theirs = await got;
  assert.deepEqual([...mine, ...theirs.flat()].sort(), [...many[0]!].sort());
  assert.deepEqual(unclaimed([[{ paths: ['x'] }, { paths: ['y', 'z'] }]], new Int32Array([1])), ['y', 'z']);
});

test('what the first pass keeps for the second: each file once, up to a budget of characters', () => {
  const kept = new KeptSources(10);
  const src = (text: string) => decodeSource(Buffer.from(text));
  kept.keep('a.py', src('a = 1'));
  kept.keep('b.py', src('b = 2'));
  kept.keep('c.py', src('c'));
  assert.equal(kept.take('a.py')?.text, 'a = 1');
  assert.equal(kept.take('a.py'), undefined);
  // c.py came past the budget: the second pass reads it again.
  assert.equal(kept.take('c.py'), undefined);
  // A file taken frees its share.
  kept.keep('d.py', src('d = 4'));
  assert.equal(kept.take('d.py')?.text, 'd = 4');
  assert.equal(kept.take('b.py')?.text, 'b = 2');
});

test("the run's budget for kept texts is shared out among its threads", () => {
  const text = (n: number) => ({ text: 'x'.repeat(n), encoding: 'utf-8', bom: false, eol: '\n' as const });
  for (const threads of [1, 2, 3]) {
    const share = Math.ceil(KeptSources.BUDGET_CHARS / threads);
    const kept = KeptSources.forThreads(threads);
    kept.keep('big.py', text(share));
    kept.keep('one.py', text(1));
    assert.equal(kept.take('big.py')?.text.length, share, `${threads} threads`);
    // One character past the share: read again in the second pass.
    assert.equal(kept.take('one.py'), undefined, `${threads} threads`);
  }
  // The standard library (31.5 M characters) is kept whole in one thread.
  assert.ok(KeptSources.BUDGET_CHARS > 32_000_000);
});

test('summarizeInWorkers: the summaries summarizePath makes, each file once, whatever thread made it', async () => {
  const dir = tempDir('withify-pool-sum-');
  mkdirSync(join(dir, 'pkg'));
  writeFileSync(join(dir, 'pkg', '__init__.py'), 'from .gens import rows as r\n');
  const paths: string[] = [join(dir, 'pkg', '__init__.py')];
  for (let i = 0; i < 40; i++) {
    const p = join(dir, 'pkg', `g${i}.py`);
    writeFileSync(p, i % 3 === 0 ? `def rows${i}():\n    yield ${i}\n` : `import os\nfrom .g${(i + 1) % 40} import rows${(i + 1) % 40}\n`);
    paths.push(p);
  }
  const bad = join(dir, 'pkg', 'bad.py');
  writeFileSync(bad, Buffer.from([0xff, 0x0a]));
  paths.push(bad);
  const options: RunOptions = { ...defaultOptions(), mode: 'check', cwd: dir };
  const made = await summarizeInWorkers(paths, options, 2);
  const byPath = new Map(made.map((s) => [s.path, s]));
  assert.equal(made.length, 41, 'one each, none for the file that cannot be decoded');
  assert.equal(byPath.size, 41);
  for (const p of paths) assert.deepEqual(byPath.get(p), summarizePath(p), p);
});

test('threadsFor: --jobs obeyed up to one thread per FILES_PER_WORKER files; without it, also about 1 MB of source a thread', () => {
  const files = (n: number) => Array.from({ length: n }, (_, i) => `f${i}.py`);
  let sized = 0;
  const each = (bytes: number) => () => {
    sized++;
    return bytes;
  };
  // --jobs given: the files alone decide, however small they are
  assert.equal(threadsFor(files(40), 2, each(100)), 2);
  assert.equal(threadsFor(files(40), 8, each(100)), Math.floor(40 / FILES_PER_WORKER));
  assert.equal(threadsFor(files(FILES_PER_WORKER * 2 - 1), 2, each(1e9)), 1);
  // Without it: 39 files of 18 kB (a small package) in one thread, 4 MB in four, 2.5 MB in two
  const cores = threadsFor(files(10_000), undefined, each(1e9));
  assert.ok(cores >= 1);
  assert.equal(threadsFor(files(39), undefined, each(18_000)), 1);
  if (cores >= 4) assert.equal(threadsFor(files(400), undefined, each(10_000)), 4);
  if (cores >= 2) assert.equal(threadsFor(files(250), undefined, each(10_000)), 2);
  // Only as many files are sized as it takes to know: 11,555 files, a few hundred stat calls
  sized = 0;
  assert.equal(threadsFor(files(11_555), undefined, each(20_000)), Math.min(cores, Math.floor(11_555 / FILES_PER_WORKER)));
  assert.ok(sized <= (cores * BYTES_PER_THREAD) / 20_000 + 1, `${sized} files sized`);
});
