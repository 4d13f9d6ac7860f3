// Shared by the tests: snapshot case discovery, Python compilation, and the pypy3 proof runner.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TransformOptions } from '../src/types.js';
import { parsePythonVersion } from '../src/options.js';

const tempDirs: string[] = [];
process.on('exit', () => {
  for (const d of tempDirs) {
    try {
      rmSync(d, { recursive: true, force: true });
    } catch {
      // Ex) a directory a test made unreadable: left for the system's cleaner
    }
  }
});

/** A fresh directory under the system's temporary directory, removed when the test process exits. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** The repository root (tests run from dist/test). */
export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
export const SNAPSHOTS = join(ROOT, 'snapshots');
export const CLI = join(ROOT, 'bin', 'withify.js');

export interface SnapshotCase {
  id: string;
  name: string;
  inPath: string;
  outPath: string;
  unsafe: boolean;
  /** Options from `<case>.options.json` beside the pair, if any. */
  options: Partial<TransformOptions>;
}

interface OptionsFile {
  targetVersion?: string;
  generatorStyle?: TransformOptions['generatorStyle'];
  allLoops?: boolean;
  unsafeFixes?: boolean;
  /** Transforms run together with the directory's own (whose fixes take more than one, e.g. `open-chain` then `open-argument`). */
  select?: string[];
}

function readCaseOptions(dir: string, name: string): Partial<TransformOptions> {
  const p = join(dir, `${name}.options.json`);
  if (!existsSync(p)) return {};
  const raw = JSON.parse(readFileSync(p, 'utf8')) as OptionsFile;
  const out: Partial<TransformOptions> = {};
  if (raw.targetVersion) out.targetVersion = parsePythonVersion(raw.targetVersion);
  if (raw.generatorStyle) out.generatorStyle = raw.generatorStyle;
  if (raw.allLoops !== undefined) out.allLoops = raw.allLoops;
  if (raw.unsafeFixes !== undefined) out.unsafeFixes = raw.unsafeFixes;
  if (raw.select) {
    if (!raw.select.includes(basename(dir)) && !raw.select.includes(basename(dirname(dir)))) throw new Error(`${p}: select must name the directory's own transform`);
    out.select = raw.select;
  }
  return out;
}

function casesIn(id: string, dir: string, unsafe: boolean): SnapshotCase[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.in.py'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.in.py'.length);
      return {
        id,
        name: unsafe ? `unsafe/${name}` : name,
        inPath: join(dir, f),
        outPath: join(dir, `${name}.out.py`),
        unsafe,
        options: { ...readCaseOptions(dir, name), ...(unsafe ? { unsafeFixes: true } : {}) },
      };
    });
}

export function listCases(root = SNAPSHOTS): SnapshotCase[] {
  if (!existsSync(root)) return [];
  const out: SnapshotCase[] = [];
  for (const id of readdirSync(root).sort()) {
    const dir = join(root, id);
    out.push(...casesIn(id, dir, false), ...casesIn(id, join(dir, 'unsafe'), true));
  }
  return out;
}

export function hasPython(exe: string): boolean {
  return spawnSync(exe, ['-c', 'pass']).status === 0;
}

/**
 * Compile each file with `exe` (without writing .pyc files). Returns the error text per file that fails.
 */
export function compileErrors(exe: string, files: readonly string[]): Map<string, string> {
  const script = [
    'import sys, json',
    'errs = {}',
    'for p in sys.argv[1:]:',
    '    try:',
    '        compile(open(p, "rb").read(), p, "exec", dont_inherit=True)',
    '    except Exception as e:',
    '        errs[p] = "%s: %s" % (type(e).__name__, e)',
    'print(json.dumps(errs))',
  ].join('\n');
  const r = spawnSync(exe, ['-c', script, ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${exe} failed: ${r.stderr}`);
  return new Map(Object.entries(JSON.parse(r.stdout) as Record<string, string>));
}

/**
 * What `exe` says of compiling each source, in one process: `null` when it compiles, else the error
 * (`TabError: …`). Text is given as UTF-8; bytes as they are (a BOM or a coding line then counts).
 */
export function compileSources(exe: string, sources: ReadonlyArray<string | Uint8Array>): Array<string | null> {
  const script = [
    'import base64, json, sys',
    'out = []',
    'for b in json.load(sys.stdin):',
    '    try:',
    '        compile(base64.b64decode(b), "<source>", "exec", dont_inherit=True)',
    '        out.append(None)',
    '    except Exception as e:',
    '        out.append("%s: %s" % (type(e).__name__, e))',
    'print(json.dumps(out))',
  ].join('\n');
  const input = JSON.stringify(sources.map((s) => Buffer.from(s).toString('base64')));
  const r = spawnSync(exe, ['-c', script], { input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${exe} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Array<string | null>;
}

/** The CPython 3 interpreters under ~/.pyenv/versions: the newest patch release of each minor version, oldest minor first. */
export function pyenvPythons(): Array<{ exe: string; minor: number; patch: number }> {
  const root = join(homedir(), '.pyenv', 'versions');
  if (!existsSync(root)) return [];
  const newest = new Map<number, { exe: string; minor: number; patch: number }>();
  for (const name of readdirSync(root)) {
    const m = /^3\.(\d+)(?:\.(\d+))?$/.exec(name);
    const exe = join(root, name, 'bin', 'python3');
    if (!m || !existsSync(exe)) continue;
    const [minor, patch] = [Number(m[1]), Number(m[2] ?? 0)];
    if ((newest.get(minor)?.patch ?? -1) < patch) newest.set(minor, { exe, minor, patch });
  }
  return [...newest.values()].sort((a, b) => a.minor - b.minor);
}

/** The newest installed pyenv CPython 3.`minor` (`~/.pyenv/versions/3.6.15/bin/python3`), if any. */
export const pyenvPython = (minor: number): string | undefined => pyenvPythons().find((p) => p.minor === minor)?.exe;

export interface ProgramRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run a Python program in a fresh temporary directory (programs write files next to themselves). */
export function runProgram(exe: string, programPath: string, timeoutMs = 60_000): ProgramRun {
  const dir = mkdtempSync(join(tmpdir(), 'withify-proof-'));
  try {
    const copy = join(dir, basename(programPath).replace(/\.(in|out)\.py$/, '.py'));
    copyFileSync(programPath, copy);
    const r = spawnSync(exe, [copy], { cwd: dir, encoding: 'utf8', timeout: timeoutMs, env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
    return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const PYPY = process.env.WITHIFY_PYPY ?? 'pypy3';
export const CPYTHON = process.env.WITHIFY_PYTHON ?? 'python3';

/** Under CI a missing pypy3 is a failure, not a skip: the proofs are the point. */
export function pypySkipReason(): string | false {
  if (hasPython(PYPY)) return false;
  if (process.env.CI) throw new Error(`${PYPY} is not installed; .ci/run must install it (apt-get install -y pypy3)`);
  return `${PYPY} not installed`;
}

/** The proof pairs of a transform: `snapshots/<id>/proof-*.in.py` (runnable programs). */
export function proofCases(id: string): SnapshotCase[] {
  return listCases().filter((c) => c.id === id && /(^|\/)proof-/.test(c.name));
}

/** The draws of the generated tests' program makers, from `seededRandom`'s sequence: one of a list, a yes/no, an integer below `n`. */
export class Dice {
  constructor(readonly rnd: () => number) {}
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rnd() * xs.length)]!;
  }
  chance(p: number): boolean {
    return this.rnd() < p;
  }
  int(n: number): number {
    return Math.floor(this.rnd() * n);
  }
}

/** A deterministic pseudo-random sequence in [0, 1) (a linear congruential generator): generated tests repeat. */
export function seededRandom(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}
