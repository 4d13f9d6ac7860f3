// `npm run bench`: withify check over a copy of the CPython standard library, against two baselines on the
// same files and the same number of threads: parse-only (read + tree-sitter parse + one cursor walk, in the
// same worker setup) and ast-grep (`ast-grep scan --threads N` with rules for the same open(...) patterns).
// Every tool runs as a child process, timed from spawn to exit; BENCH_REPEAT rounds (default 3) of every
// configuration, the fastest run of each counts. Figures go in docs/reports.md.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { selectFiles } from '../src/walk.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const WORK = join(tmpdir(), 'withify-bench');
const CORPUS = join(WORK, 'stdlib');
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
const JOBS = [1, 2];

/** Copy the .py files withify would select from the stdlib, once; later runs reuse the copy. */
function corpus(): string[] {
  const marker = join(WORK, 'files.txt');
  if (!existsSync(marker)) {
    const stdlib = execFileSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], { encoding: 'utf8' }).trim();
    const { files } = selectFiles([stdlib], { cwd: stdlib });
    rmSync(CORPUS, { recursive: true, force: true });
    const copied = files.map((f) => {
      const to = join(CORPUS, relative(stdlib, f));
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(f, to);
      return to;
    });
    writeFileSync(marker, `${copied.join('\n')}\n`);
  }
  return readFileSync(marker, 'utf8').split('\n').filter(Boolean);
}

/** ast-grep rules for the patterns withify's open transforms look at. */
function astGrepConfig(): string {
  const dir = join(WORK, 'ast-grep');
  mkdirSync(join(dir, 'rules'), { recursive: true });
  writeFileSync(join(dir, 'sgconfig.yml'), 'ruleDirs:\n  - rules\n');
  const rules: Record<string, string> = {
    'open-chain': 'open($$$).$M($$$)',
    'open-argument': '$F(open($$$))',
    'open-loop': 'for $X in open($$$): $$$',
    'open-assign': '$X = open($$$)',
  };
  for (const [id, pattern] of Object.entries(rules)) {
    writeFileSync(join(dir, 'rules', `${id}.yml`), `id: ${id}\nlanguage: python\nseverity: warning\nmessage: ${id}\nrule:\n  pattern: ${JSON.stringify(pattern)}\n`);
  }
  return join(dir, 'sgconfig.yml');
}

interface Timing {
  seconds: number;
  /** User + system CPU seconds of the child and its threads (with /usr/bin/time). */
  cpu?: number;
  /** Peak RSS in MB. */
  rssMB?: number;
  /** Minor page faults (with /usr/bin/time): each first touch of a page; about 10 µs each on the VM measured (docs/reports.md). */
  faults?: number;
}

const TIME = '/usr/bin/time';

/** Children started so far: each gets a time report of its own, as children may run side by side. */
let children = 0;

/**
 * Run a child to its end: wall seconds from spawn to exit, and, through GNU time when it is there, CPU
 * seconds and peak RSS (worker threads included: they share the process). Without it, node children
 * report their peak RSS through the preloaded rss-hook.
 */
function timeChild(command: string, args: string[]): Promise<Timing> {
  const report = join(WORK, `time-${process.pid}-${children++}.txt`);
  rmSync(report, { force: true });
  const useTime = existsSync(TIME);
  const [cmd, argv] = useTime ? [TIME, ['-f', '%e %U %S %M %R', '-o', report, command, ...args]] : [command, args];
  const started = process.hrtime.bigint();
  return new Promise((done, fail) => {
    const child = spawn(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, WITHIFY_BENCH_RSS: useTime ? '' : report } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('error', fail);
    child.on('exit', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // withify check exits 1 when it has findings, 2 when a file cannot be decoded (the stdlib has two such test files).
      if (code !== 0 && code !== 1 && code !== 2) return fail(new Error(`${command} ${args.join(' ')} exited ${code}\n${stderr}`));
      if (!existsSync(report)) return done({ seconds });
      const fields = readFileSync(report, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
      rmSync(report, { force: true });
      if (!useTime) return done({ seconds, rssMB: fields[0]! / 1024 });
      done({ seconds, cpu: fields[1]! + fields[2]!, rssMB: fields[3]! / 1024, faults: fields[4] });
    });
  });
}

/** The fastest of several runs (peak RSS: the largest seen). */
function best(runs: readonly Timing[]): Timing {
  const fastest = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const rss = Math.max(...runs.map((t) => t.rssMB ?? 0));
  return { ...fastest, rssMB: rss || undefined };
}

async function main(): Promise<void> {
  const files = corpus();
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  const mb = bytes / 1e6;
  const list = join(WORK, 'files.txt');
  const sg = astGrepConfig();
  const hook = join(ROOT, 'dist', 'bench', 'rss-hook.js');
  const node = process.execPath;
  // Cold: no cache of earlier runs (`--no-cache`), as ast-grep has none. The cache's own figures come last.
  const withify = (jobs: number) => timeChild(node, ['--import', hook, join(ROOT, 'bin', 'withify.js'), 'check', CORPUS, '--jobs', String(jobs), '--quiet', '--no-cache']);
  const parseOnly = (jobs: number) => timeChild(node, ['--import', hook, join(ROOT, 'dist', 'bench', 'parse-only.js'), String(jobs), list]);
  const astGrep = (jobs: number) => timeChild(join(ROOT, 'node_modules', '.bin', 'ast-grep'), ['scan', '-c', sg, '--threads', String(jobs), CORPUS]);

  process.stdout.write(`corpus: ${files.length} files, ${mb.toFixed(1)} MB (${CORPUS}); fastest of ${REPEAT} rounds\n\n`);
  const row = (name: string, jobs: number, t: Timing) =>
    `${name.padEnd(16)} ${String(jobs).padStart(4)} ${String(files.length).padStart(6)} ${mb.toFixed(1).padStart(6)} ${t.seconds.toFixed(2).padStart(8)} ${(mb / t.seconds).toFixed(2).padStart(7)} ${(t.cpu?.toFixed(2) ?? '-').padStart(8)} ${t.rssMB ? `${t.rssMB.toFixed(0).padStart(5)} MB` : '    -'}${t.faults !== undefined ? `${(t.faults / 1000).toFixed(0).padStart(8)} k` : ''}`;
  process.stdout.write(`load average before: ${loadavg().map((x) => x.toFixed(2)).join(' ')} on ${availableParallelism()} cores\n`);
  process.stdout.write(`${'tool'.padEnd(16)} jobs  files     MB  seconds    MB/s  cpu sec  peak RSS  page faults\n`);
  // Rounds rather than back-to-back repeats: every configuration gets a turn at each quieter moment
  // when the machine is shared.
  const tools = { withify, parse: parseOnly, sg: astGrep };
  const runs = new Map<string, Timing[]>();
  for (let round = 0; round < REPEAT; round++) {
    for (const jobs of JOBS) {
      for (const [name, tool] of Object.entries(tools)) {
        const key = `${name}/${jobs}`;
        runs.set(key, [...(runs.get(key) ?? []), await tool(jobs)]);
      }
    }
  }
  const results = new Map<number, { withify: Timing; parse: Timing; sg: Timing }>();
  for (const jobs of JOBS) {
    const r = { withify: best(runs.get(`withify/${jobs}`)!), parse: best(runs.get(`parse/${jobs}`)!), sg: best(runs.get(`sg/${jobs}`)!) };
    results.set(jobs, r);
    process.stdout.write(`${row('withify check', jobs, r.withify)}\n${row('parse-only', jobs, r.parse)}\n${row('ast-grep scan', jobs, r.sg)}\n`);
  }
  process.stdout.write('\n');
  for (const [jobs, r] of results) {
    process.stdout.write(
      `jobs ${jobs}: withify / ast-grep = ${(r.withify.seconds / r.sg.seconds).toFixed(2)} (target <= 1.00), ` +
        `withify / parse-only = ${(r.withify.seconds / r.parse.seconds).toFixed(2)}` +
        (r.withify.cpu && r.sg.cpu ? `; in CPU seconds ${(r.withify.cpu / r.sg.cpu).toFixed(2)} and ${(r.withify.cpu / r.parse.cpu!).toFixed(2)}` : '') +
        '\n',
    );
  }
  const one = results.get(1)!;
  const two = results.get(2)!;
  const peak = Math.max(one.withify.rssMB ?? 0, two.withify.rssMB ?? 0);
  process.stdout.write(`withify --jobs 2 is ${(one.withify.seconds / two.withify.seconds).toFixed(2)}x --jobs 1 (target >= 1.80)\n`);
  process.stdout.write(`withify peak RSS: ${peak.toFixed(0)} MB (target < 400)\n`);

  // What two cores give a tool whose --jobs 1 run is not one core's work: two `--jobs 1` runs side by side,
  // each over the whole corpus, against one alone (the best of the rounds above). Two runs side by side do
  // twice the work of one in the time of the slower, so 2 × alone / side by side is the speed-up the
  // machine leaves for two threads doing --jobs 1's work, start-up paid twice. V8's own threads (compiler,
  // garbage collector) use the second core at --jobs 1; ast-grep's run is one core's work.
  const sideBySide = async (tool: (jobs: number) => Promise<Timing>): Promise<number> => {
    const times: number[] = [];
    for (let round = 0; round < REPEAT; round++) {
      const pair = await Promise.all([tool(1), tool(1)]);
      times.push(Math.max(...pair.map((t) => t.seconds)));
    }
    return Math.min(...times);
  };
  process.stdout.write('\ntwo --jobs 1 runs side by side (each over the whole corpus), fastest of the rounds:\n');
  for (const [name, tool, alone] of [
    ['withify check', withify, one.withify],
    ['ast-grep scan', astGrep, one.sg],
  ] as const) {
    const pair = await sideBySide(tool);
    process.stdout.write(
      `${name.padEnd(16)} ${pair.toFixed(2)} s side by side, ${alone.seconds.toFixed(2)} s alone` +
        `${alone.cpu ? ` (cpu ${alone.cpu.toFixed(2)} s)` : ''}: two cores give ${((2 * alone.seconds) / pair).toFixed(2)}x\n`,
    );
  }

  // One large module of the shape that once made withify quadratic (every assignment looked at every read
  // of the name): 2,000 `f = open(p)` … `f.close()` pairs, 6,000 lines. 182 s before, now about as long as any
  // file of its size.
  const pairs = join(WORK, 'many-pairs.py');
  writeFileSync(pairs, Array.from({ length: 2000 }, (_, i) => `f = open("p${i}")\ndata${i} = f.read()\nf.close()\n`).join(''));
  const manyRuns: Timing[] = [];
  for (let round = 0; round < 2; round++) manyRuns.push(await timeChild(node, [join(ROOT, 'bin', 'withify.js'), 'check', pairs, '--jobs', '1', '--quiet', '--no-cache']));
  const many = best(manyRuns);
  process.stdout.write(`one module of 2,000 open/close pairs (${(statSync(pairs).size / 1e3).toFixed(0)} kB): withify check ${many.seconds.toFixed(2)} s\n`);

  // Functions of the shapes that each made one check quadratic or worse (each 30–80 s at 2,000 before 6 December,
  // "Pathological shapes" in docs/reports.md): one open read 2,000 times into names before its close, in a `try`
  // whose handler reads one (`earlyExit`, `reboundAhead`); 2,000 holders each followed by a `raise`; 2,000 files of
  // their own names closed by hand (`rebindingsIn`); one path appended to 2,000 times (`closedBefore`); 2,000 files
  // written, each followed by a call of a function of the file (`pathWrittenElsewhere`: 60 s before its scope index,
  // and with a helper of its own each, over 300 s before it read each helper's def line once);
  // 2,000 files left open before a kept generator (`closedInBlock`: 54 s; each open asked about every writer before it,
  // `samePathOpenedAgain`: 20.6 s on 7 December), handed on and closed in a branch (25 s).
  const shapes: [string, string][] = [
    ['2,000 views of one file, a handler', 'def g(p):\n    try:\n        f = open(p)\n' + Array.from({ length: 2000 }, (_, i) => `        v${i} = f.buffer\n`).join('') + '        f.close()\n    except OSError:\n        print(v1)\n'],
    ['2,000 holders and raises', 'def f(p, c):\n    f = open(p)\n' + Array.from({ length: 2000 }, (_, i) => `    h${i} = Holder(f)\n    if c == ${i}:\n        raise ValueError(${i})\n`).join('') + '    f.close()\n'],
    ['2,000 names closed by hand', 'def f(p):\n' + Array.from({ length: 2000 }, (_, i) => `    f${i} = open(p)\n    d${i} = f${i}.read()\n    f${i}.close()\n`).join('')],
    ['one path appended 2,000 times', 'def f(p):\n' + Array.from({ length: 2000 }, (_, i) => `    f${i} = open(p, "a")\n    f${i}.write("${i}")\n`).join('')],
    ['2,000 files left open before a kept generator', 'def rows():\n    try:\n        yield 1\n    finally:\n        print(1)\n\n\ndef f(p):\n' + Array.from({ length: 2000 }, (_, i) => `    f${i} = open("o${i}.txt", "w")\n    f${i}.write("x")\n`).join('') + '    it = rows()\n    return next(it)\n'],
    ['2,000 files handed on and closed in a branch', 'def helper(f):\n    pass\n\n\ndef g(p, c):\n' + Array.from({ length: 2000 }, (_, i) => `    f${i} = open(p, "a")\n    helper(f${i})\n    f${i}.write("x")\n    if c:\n        f${i}.close()\n`).join('')],
    ['2,000 files written, each before a call', 'def note(s):\n    pass\n\n\ndef f(p):\n' + Array.from({ length: 2000 }, (_, i) => `    f${i} = open("o${i}.txt", "w")\n    f${i}.write("x")\n    note("n")\n`).join('')],
    // (2,000 helpers of their own, each called after its file: `pathWrittenElsewhere`, over 300 s before 7 December, and
    // 35 s the same day while each call's arguments were read again for every file)
    ['2,000 files written, each before a helper of its own', Array.from({ length: 2000 }, (_, i) => `P${i} = "o${i}.txt"\n\n\ndef h${i}():\n    return ${i}\n\n\n`).join('') + 'def f():\n' + Array.from({ length: 2000 }, (_, i) => `    f${i} = open(P${i}, "w")\n    f${i}.write("x")\n    h${i}()\n`).join('')],
    // (2,000 files handed to functions of the module, which are read: `helperLeavesAlone`, `passedAsDescriptor`)
    ['2,000 files handed to functions of the module', Array.from({ length: 1000 }, (_, i) => `def h${i}(d, out):\n    out.write(d)\n    g${i}(out)\n\n\ndef g${i}(out):\n    out.flush()\n\n\n`).join('') + 'def f(p, d):\n' + Array.from({ length: 2000 }, (_, i) => `    f${i} = open(p, "w")\n    h${i % 1000}(d, f${i})\n`).join('')],
    // (2,000 closes in a `try` whose handler goes on, each followed by the code after it: `handlerReason`, 21 s before
    // its calls were indexed once per function, 7 December)
    ['2,000 files closed in a try whose handler goes on', 'def f(p):\n' + Array.from({ length: 2000 }, (_, i) => `    f${i} = open(p, "a")\n    try:\n        f${i}.write("x")\n        f${i}.close()\n    except ValueError:\n        pass\n`).join('')],
    // (2,000 `with sqlite3.connect(q) as cx:` blocks in one loop, each reading `cx`: connection-with asked about every
    // read of `cx` in the loop for each block, 29 s before 7 December's `nearestBinder`)
    ['2,000 connection blocks in one loop', 'import sqlite3\n\n\ndef f(p):\n    keep = []\n    for q in p:\n' + Array.from({ length: 2000 }, (_, i) => `        with sqlite3.connect(q) as cx:\n            keep.append(cx.execute("select ${i}").fetchone())\n`).join('') + '    return keep\n'],
  ];
  for (const [label, text] of shapes) {
    const file = join(WORK, 'shape.py');
    writeFileSync(file, text);
    const runs: Timing[] = [];
    for (let round = 0; round < 2; round++) runs.push(await timeChild(node, [join(ROOT, 'bin', 'withify.js'), 'check', file, '--jobs', '1', '--quiet', '--no-cache']));
    process.stdout.write(`one function, ${label} (${(statSync(file).size / 1e3).toFixed(0)} kB): withify check ${best(runs).seconds.toFixed(2)} s\n`);
  }

  // The diff of a rewrite that changes every line of a long module (each loop re-indented into try/finally):
  // jsdiff's Myers diff alone took about 10 s here (src/engine/diff.ts).
  const loops = join(WORK, 'many-loops.py');
  const header = 'def rows():\n    try:\n        yield 1\n    finally:\n        pass\n\n\n';
  writeFileSync(loops, header + 'for x in rows():\n    break\n'.repeat(3000));
  const diffRuns: Timing[] = [];
  for (let round = 0; round < 2; round++) diffRuns.push(await timeChild(node, [join(ROOT, 'bin', 'withify.js'), 'diff', loops, '--jobs', '1', '--quiet']));
  process.stdout.write(`diff of one module of 3,000 rewrapped loops (every line changes): withify diff ${best(diffRuns).seconds.toFixed(2)} s\n`);

  // The cache (src/cache.ts): a first run fills it, then a re-run with nothing changed, and one after a module
  // was saved again (its times change, not its bytes: they are read and hashed, and its entry holds). Not
  // comparable with the cold figures above, nor with ast-grep, which keeps nothing between runs.
  const cacheDir = join(WORK, 'cache');
  rmSync(cacheDir, { recursive: true, force: true });
  const cached = (jobs: number) => timeChild(node, [join(ROOT, 'bin', 'withify.js'), 'check', CORPUS, '--jobs', String(jobs), '--quiet', '--cache-dir', cacheDir]);
  const filled = await cached(2);
  const touched = files.find((f) => f.endsWith(join('json', 'encoder.py'))) ?? files[0]!;
  const warm: Record<string, Timing[]> = { same: [], touched: [], imported: [] };
  // An import added to the module changes the generator index: only the files that can reach the new alias
  // are checked again (src/cache.ts, `IndexChange`). The module gets its bytes back after each round.
  const original = readFileSync(touched);
  try {
    for (let round = 0; round < REPEAT; round++) {
      warm.same!.push(await cached(2));
      const now = new Date();
      utimesSync(touched, now, now);
      warm.touched!.push(await cached(2));
      writeFileSync(touched, Buffer.concat([original, Buffer.from('\nimport zipfile as _bench_added\n')]));
      warm.imported!.push(await cached(2));
      writeFileSync(touched, original);
      await cached(2);
    }
  } finally {
    writeFileSync(touched, original);
  }
  process.stdout.write(
    `\nwith the cache (--jobs 2): first run ${filled.seconds.toFixed(2)} s, then nothing changed ${best(warm.same!).seconds.toFixed(2)} s, ` +
      `one module saved again, the same bytes (${relative(CORPUS, touched)}) ${best(warm.touched!).seconds.toFixed(2)} s, ` +
      `an import added to it (the index changes) ${best(warm.imported!).seconds.toFixed(2)} s\n`,
  );
}

await main();
