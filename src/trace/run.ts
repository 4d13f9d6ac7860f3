// Runs a command with the sitecustomize shim on PYTHONPATH and reads back what every Python process
// it started recorded. The command's stdio is inherited untouched: withify adds nothing to it.
import { spawn } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { constants as osConstants } from 'node:os';
import { SHIM_FILE, SHIM_SOURCE, TRACE_DEPTH_ENV, TRACE_FILE_ENV } from './shim.js';

export type LeakKind = 'file' | 'socket' | 'async generator' | 'other';

export interface TraceFrame {
  file: string;
  line: number;
  /** Absent when the stack came from tracemalloc, which records no function names. */
  function: string | null;
  /** Standard library, site-packages, a `<frozen …>` module or the shim itself. */
  lib: boolean;
}

/** First line every process that loaded the shim writes. */
export interface StartRecord {
  event: 'start';
  pid: number;
  implementation: string;
  version: string;
  executable: string;
  argv: string[];
  cwd: string;
  /** How allocation stacks are taken: `tracemalloc` (CPython) or `shim` (open/socket wrappers, PyPy). */
  stacks: 'tracemalloc' | 'shim';
}

/** One ResourceWarning, as the shim saw it. */
export interface WarningRecord {
  event: 'warning';
  pid: number;
  category: string;
  message: string;
  kind: LeakKind;
  /** Where the warning was raised (the frame running when the object was finalized), if known. */
  filename: string | null;
  lineno: number | null;
  /** Allocation stack, outermost frame first; null when it could not be recovered. */
  stack: TraceFrame[] | null;
  stackFrom: 'tracemalloc' | 'shim' | 'none';
  /**
   * `warnings` (through warnings._showwarnmsg), `unraisable` (a filter turned it into an error), or
   * `asyncgen` (an async generator dropped before it finished: the event loop's finalizer hook ran).
   */
  via: 'warnings' | 'unraisable' | 'asyncgen';
}

export type TraceRecord = StartRecord | WarningRecord;

export interface TraceRunOptions {
  /** The command, run as is (no shell). */
  command: string[];
  cwd: string;
  /** Interpreter that `python` and `python3` mean for the command (a wrapper directory first on PATH). */
  python?: string;
  env?: NodeJS.ProcessEnv;
  /** Frames kept per allocation stack (default 25). */
  depth?: number;
}

export interface TraceRun {
  /** The command's exit code; 128 + the signal number when a signal ended it. */
  exitCode: number;
  signal: NodeJS.Signals | null;
  starts: StartRecord[];
  warnings: WarningRecord[];
  /** Lines of the record file that could not be read (a process killed mid-write). */
  malformed: number;
}

/** A run that could not start. `exitCode` follows the shell: 127 command not found, 2 anything else. */
export class TraceError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'TraceError';
  }
}

/** Find `exe` the way a shell would: a path as given, or the first match on PATH. */
export function resolveExecutable(exe: string, env: NodeJS.ProcessEnv, cwd: string): string | undefined {
  const executable = (p: string) => {
    try {
      accessSync(p, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (exe.includes('/')) {
    const p = isAbsolute(exe) ? exe : resolve(cwd, exe);
    return executable(p) ? p : undefined;
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, exe);
    if (executable(p)) return p;
  }
  return undefined;
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** The environment the command runs in: shim first on PYTHONPATH, the user's PYTHONPATH kept after it. */
export function traceEnv(base: NodeJS.ProcessEnv, shimDir: string, recordFile: string, depth: number, binDir?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  env.PYTHONPATH = base.PYTHONPATH ? `${shimDir}${delimiter}${base.PYTHONPATH}` : shimDir;
  env[TRACE_FILE_ENV] = recordFile;
  env[TRACE_DEPTH_ENV] = String(depth);
  if (binDir) env.PATH = base.PATH ? `${binDir}${delimiter}${base.PATH}` : binDir;
  return env;
}

export function parseRecords(text: string): { starts: StartRecord[]; warnings: WarningRecord[]; malformed: number } {
  const starts: StartRecord[] = [];
  const warnings: WarningRecord[] = [];
  let malformed = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let rec: TraceRecord;
    try {
      rec = JSON.parse(line) as TraceRecord;
    } catch {
      malformed++;
      continue;
    }
    if (rec.event === 'start') starts.push(rec);
    else if (rec.event === 'warning') warnings.push(rec);
    else malformed++;
  }
  return { starts, warnings, malformed };
}

/**
 * Run the command under the shim and collect its records. Resolves when the command exits; rejects
 * with a TraceError when it cannot be started (message says what to do).
 */
export async function runTraced(options: TraceRunOptions): Promise<TraceRun> {
  const base = options.env ?? process.env;
  if (options.command.length === 0) throw new TraceError('no command to run: put it after `--`, e.g. `withify trace -- python -m unittest`');
  const dir = mkdtempSync(join(tmpdir(), 'withify-trace-'));
  try {
    const shimDir = join(dir, 'shim');
    mkdirSync(shimDir);
    writeFileSync(join(shimDir, SHIM_FILE), SHIM_SOURCE);
    const recordFile = join(dir, 'records.jsonl');
    writeFileSync(recordFile, '');
    let binDir: string | undefined;
    if (options.python) {
      const exe = resolveExecutable(options.python, base, options.cwd);
      if (!exe) throw new TraceError(`--python ${options.python}: not found on PATH; give the interpreter's path or install it`);
      binDir = join(dir, 'bin');
      mkdirSync(binDir);
      // A wrapper script rather than a symlink: PyPy finds its standard library from its own path.
      for (const name of ['python', 'python3']) {
        const p = join(binDir, name);
        writeFileSync(p, `#!/bin/sh\nexec ${shellQuote(exe)} "$@"\n`);
        chmodSync(p, 0o755);
      }
    }
    const env = traceEnv(base, shimDir, recordFile, options.depth ?? 25, binDir);
    const [file, ...args] = options.command as [string, ...string[]];
    // Look the command up on the PATH it will run with, so `python3` means the --python wrapper.
    const found = resolveExecutable(file, env, options.cwd);
    // As a shell says it: 126 for a file that is there but cannot be run, 127 for one that is not there
    if (!found && file.includes('/') && existsSync(resolve(options.cwd ?? process.cwd(), file))) throw new TraceError(`cannot run \`${file}\`: not executable`, 126);
    if (!found) throw new TraceError(`cannot run \`${file}\`: not found${file.includes('/') ? '' : ' on PATH'} (or not executable)`, 127);
    const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done, fail) => {
      const child = spawn(found, args, { cwd: options.cwd, env, stdio: 'inherit', argv0: file });
      // The terminal sends Ctrl-C to the whole process group: let the command decide, then report.
      const ignore = () => {};
      const forward = (sig: NodeJS.Signals) => () => child.kill(sig);
      const onTerm = forward('SIGTERM');
      const onHup = forward('SIGHUP');
      process.on('SIGINT', ignore);
      process.on('SIGTERM', onTerm);
      process.on('SIGHUP', onHup);
      const cleanup = () => {
        process.off('SIGINT', ignore);
        process.off('SIGTERM', onTerm);
        process.off('SIGHUP', onHup);
      };
      child.on('error', (err) => {
        cleanup();
        // (ENOENT: a `#!` interpreter that is not there, 127 as the shell gives)
        fail(new TraceError(`cannot run \`${file}\`: ${err.message}`, (err as NodeJS.ErrnoException).code === 'ENOENT' ? 127 : 126));
      });
      child.on('exit', (c, s) => {
        cleanup();
        done({ code: c, signal: s });
      });
    });
    const text = existsSync(recordFile) ? readFileSync(recordFile, 'utf8') : '';
    const parsed = parseRecords(text);
    const exitCode = code ?? 128 + (signal ? (osConstants.signals[signal] ?? 0) : 0);
    return { exitCode, signal, ...parsed };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
