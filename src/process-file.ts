// One file of a bulk run, as every thread of the pool does it (src/work.ts): read → decode → process →
// write, what the first pass keeps for the second, and freeing trees between files. Kept apart from
// runner.ts so that a worker thread does not load the file walker, the pool or the command line.
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { globMatcher, type PathMatcher } from './glob.js';
import { projectTargetOf } from './config.js';
import { versionAtLeast } from './options.js';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { decodeSource, DecodeError, encodeResult, encodeSource, type DecodedSource } from './engine/read.js';
import { processSource } from './engine/pipeline.js';
import { takeParsedChars } from './engine/parse.js';
import { ChangedOnDisk, writeAtomic } from './engine/write.js';
import type { FileResult, ProjectIndex } from './types.js';
import type { Mode, RunOptions } from './runner.js';

/** `path` as reports show it: relative to `cwd` when it lies inside, with `/` between parts. */
export function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  // Windows separators as `/`; on POSIX a `\\` is a character of the name (`back\\slash.py`), kept
  return rel && !rel.startsWith('..') ? (sep === '\\' ? rel.split(sep).join('/') : rel) : path;
}

function readFailure(err: NodeJS.ErrnoException, path?: string): string {
  if (err.code === 'EACCES' || err.code === 'EPERM') return 'cannot read: permission denied; check its permissions';
  if (err.code === 'EISDIR') return 'cannot read: it is a directory';
  // Ex) `l\xe9t.py` in a UTF-8 locale: node decodes the name with U+FFFD, a name no file has
  if (err.code === 'ENOENT' && path?.includes('\uFFFD')) return 'cannot read: its name is not valid UTF-8, which withify cannot name it by; rename it';
  if (err.code === 'ENOENT') return 'cannot read: it was removed before withify got to it';
  return `cannot read: ${err.code ?? err.message}`;
}

/**
 * Where `diff` shows a file that is not plain UTF-8, the encoding its patch is written in (`result.encoding`).
 * Ex) a latin-1 file, read from disk or from stdin (`diff - --stdin-filename`): `diff` writes its lines in latin-1,
 * so that the patch applies to the file's bytes
 */
export function markPatchEncoding(result: FileResult, decoded: Pick<DecodedSource, 'encoding' | 'bom'>, mode: Mode): void {
  if (mode === 'diff' && result.status === 'changed' && (decoded.encoding !== 'utf-8' || decoded.bom)) result.encoding = { name: decoded.encoding, bom: decoded.bom };
}

/**
 * Process one file on disk. Never throws. In `fix` mode a changed file is written atomically. `read`: the
 * file as the first pass read and decoded it (its bytes are those again: decoding is checked to round-trip),
 * which spares reading it twice; a change on disk since then is still caught before a write.
 */
export function processPath(path: string, runOptions: RunOptions, project?: ProjectIndex, moduleName?: string, read?: DecodedSource): FileResult {
  const options = optionsForFile(runOptions, path);
  const shown = displayPath(options.cwd, path);
  const failed = (reason: string): FileResult => ({ path: shown, status: 'failed', findings: [], remaining: [], fixesApplied: 0, reason });
  let bytes: Buffer | undefined;
  let decoded = read;
  if (!decoded) {
    try {
      bytes = readFileSync(path);
    } catch (err) {
      return failed(readFailure(err as NodeJS.ErrnoException, path));
    }
    try {
      decoded = decodeSource(bytes);
    } catch (err) {
      if (err instanceof DecodeError) return failed(err.message);
      return failed(`cannot decode: ${(err as Error).message}`);
    }
  }
  const { result, bytes: encoded } = encodeResult(processSource({ path: shown, text: decoded.text, eol: decoded.eol, outline: decoded.outline, options, project, moduleName, applyFixes: options.mode !== 'check', partial: options.wholeFiles !== true, addIgnore: options.addIgnore === true }), decoded);
  markPatchEncoding(result, decoded, options.mode);
  // `check --add-ignore` writes too: comments only, no fix.
  const writes = options.mode === 'fix' || (options.mode === 'check' && options.addIgnore === true);
  if (writes && result.status === 'changed' && encoded !== undefined) {
    try {
      writeAtomic(path, encoded, bytes ?? encodeSource(decoded.text, decoded));
    } catch (err) {
      const reason = err instanceof ChangedOnDisk ? err.message : `cannot write: ${(err as Error).message}`;
      // Nothing was written: no fix applied, every finding still in the file.
      // Ex) `check --add-ignore` of a read-only file: no comment was added either
      return { ...result, status: 'failed', reason, fixesApplied: 0, ignoresAdded: undefined, ignored: undefined, remaining: result.findings, remainingWarnings: result.warnings, before: undefined, after: undefined };
    }
  }
  return result;
}

/**
 * Per run options (one object per thread: a worker gets its own copy), the matchers of its `per-file-ignores`,
 * and the options made for each set of skipped rules: one object per set, so that what the pipeline keeps
 * per options object (the active transforms, their trigger pattern) is made once per set, not per file.
 */
const perFile = new WeakMap<RunOptions, { matchers: Array<{ matches: PathMatcher; rules: readonly string[]; base: string }>; bySkipped: Map<string, RunOptions> }>();

/**
 * The options for the file at `path`: the run's, with the transforms of every `per-file-ignores` entry whose
 * glob matches the file, or a directory it lies in below the entry's `base` (its config file's directory), added
 * to `ignore`.
 */
export function optionsForFile(options: RunOptions, path: string): RunOptions {
  return withProjectTarget(withPerFileIgnores(options, path), path);
}

const byTarget = new WeakMap<RunOptions, Map<string, RunOptions>>();

/**
 * With `projectTargets` (no `--target-version`), the target of a file inside a project whose pyproject.toml says an
 * older Python than the run's (a subproject of a monorepo, `requires-python = ">=3.6"`): that older one. Never newer.
 */
function withProjectTarget(options: RunOptions, path: string): RunOptions {
  if (!options.projectTargets) return options;
  const own = projectTargetOf(dirname(resolve(options.cwd, path)));
  if (!own || versionAtLeast(own, options.targetVersion)) return options;
  let cache = byTarget.get(options);
  if (!cache) byTarget.set(options, (cache = new Map()));
  const key = own.join('.');
  let out = cache.get(key);
  if (!out) cache.set(key, (out = { ...options, targetVersion: own }));
  return out;
}

function withPerFileIgnores(options: RunOptions, path: string): RunOptions {
  if (!options.perFileIgnores?.length) return options;
  let state = perFile.get(options);
  if (!state) {
    state = { matchers: options.perFileIgnores.map((e) => ({ matches: globMatcher([e.glob], options.cwd), rules: e.rules, base: e.base ?? options.cwd })), bySkipped: new Map() };
    perFile.set(options, state);
  }
  const { matchers, bySkipped } = state;
  const abs = resolve(options.cwd, path);
  const skipped = new Set<string>();
  for (const m of matchers) {
    // Ex) `"tests" = [...]` names a directory: every file below it, below the directory of the config file that
    // says so. (Up to the working directory, `cd legacy/x && withify check .` reported the files of `legacy/`.)
    const below = m.base.endsWith(sep) ? m.base : m.base + sep;
    for (let p = abs; p === abs || p.startsWith(below); p = dirname(p)) {
      if (m.matches(p)) {
        for (const r of m.rules) skipped.add(r);
        break;
      }
      if (dirname(p) === p) break;
    }
  }
  if (!skipped.size) return options;
  const key = [...skipped].sort().join(',');
  let out = bySkipped.get(key);
  if (!out) bySkipped.set(key, (out = { ...options, ignore: [...options.ignore, ...skipped] }));
  return out;
}

/** Drop what the report of `mode` never reads (the texts, once `fix` has written them), before results pile up. */
export function slimResult(r: FileResult, mode: Mode): FileResult {
  return mode === 'diff' || r.before === undefined ? r : { ...r, before: undefined, after: undefined };
}

/**
 * What the first pass read of the files the second pass processes (text and outline), so most files are read
 * and scanned once. Up to a budget of characters for the run, shared out among its threads (`forThreads`):
 * past it a file is read again in the second pass, so a codebase many times the standard library does not
 * hold all its text between the passes. The stdlib (31.5 M characters; at `--jobs 2` one thread reads about
 * 17 M of them) fits. Over 11,555 files of third-party code (158 MB), 64 M characters per thread cost 100 MB
 * more peak RSS at `--jobs 2` than this budget, for no time a run of that size could show (docs/reports.md).
 */
export class KeptSources {
  static readonly BUDGET_CHARS = 48_000_000;
  private readonly files = new Map<string, DecodedSource>();
  private chars = 0;

  constructor(private readonly budget = KeptSources.BUDGET_CHARS) {}

  /** One thread's share of the run's budget, when `threads` threads read the files. */
  static forThreads(threads: number): KeptSources {
    return new KeptSources(Math.ceil(KeptSources.BUDGET_CHARS / Math.max(1, threads)));
  }

  keep(path: string, decoded: DecodedSource): void {
    if (this.chars + decoded.text.length > this.budget) return;
    this.files.set(path, decoded);
    this.chars += decoded.text.length;
  }

  /** What was kept of `path`, handed over once; `undefined`: read it. */
  take(path: string): DecodedSource | undefined {
    const d = this.files.get(path);
    if (d) {
      this.files.delete(path);
      this.chars -= d.text.length;
    }
    return d;
  }
}

let collectGarbage: (() => void) | null | undefined;

/** A full collection, where V8 lets us ask for one (the flag is process-wide; the library API never calls this). */
function fullCollection(): void {
  if (collectGarbage === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collectGarbage = runInNewContext('gc') as () => void;
    } catch {
      collectGarbage = null;
    }
  }
  collectGarbage?.();
}

const COLLECT_EVERY_CHARS = 1_000_000;
let sinceCollection = 0;

/**
 * Free the trees of the files done so far, between two files of a bulk run. The tree-sitter binding has
 * no `tree.delete()`: a tree's native memory (about 30 bytes per byte of source) goes when its wrapper is
 * collected and the finalizer runs, which it does only when the event loop turns. V8 sees only the small
 * wrappers, so it collects them late: every 1 MB of parsed source, ask for a full collection ourselves.
 * Measured on the stdlib in one thread: peak RSS 950 MB when the loop never turns, 350 MB when it does,
 * 170 MB with a collection every 1 MB of source (2 MB: 195 MB; 8 MB: 330 MB, and more CPU time, not less).
 */
export async function releaseTrees(): Promise<void> {
  sinceCollection += takeParsedChars();
  if (sinceCollection > COLLECT_EVERY_CHARS) {
    sinceCollection = 0;
    fullCollection();
  }
  await new Promise((r) => setImmediate(r));
}
