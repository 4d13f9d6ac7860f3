// The cache of withify's runs (`.withify_cache/`, as Ruff keeps `.ruff_cache/`): what the last runs found in
// each file, so that a run over a codebase that changed in a few files reads and parses only those. `check`
// keeps and reads both kinds of entry below; `fix` and `diff` keep summaries and read the results without a
// finding (see `CheckCache`).
//
// Two kinds of entry per file, both valid only while the file is as it was (`stamp`: size, modification
// and change times, inode; or, when those changed, the same bytes by a hash, read again once per run):
// - its summary for the project index (first pass), per module name and `--whole-files`;
// - its `check` result (second pass), per options the file is checked with (`optionsKey`: every option that
//   can change a finding, after per-file-ignores and the project's target version) and per project index
//   (`indexKey`: any generator added, removed or changed anywhere makes every result of the run stale).
// One file per build of withify (`dist/build-id`, written by `npm run build`): a new build starts empty and
// removes the files of other builds. Written whole at the end of a run, through a temporary file and a
// rename: two runs at once leave one run's cache, never a torn one; an unreadable cache is an empty one.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { displayPath, optionsForFile } from './process-file.js';
import { moduleKeyFor, type FileSummary, type SummaryCache } from './project.js';
import type { RunOptions } from './runner.js';
import type { FileResult, ProjectIndex, TransformOptions } from './types.js';

/** The cache's directory when none is given: `.withify_cache` in the project's root (see cli.ts). */
export const CACHE_DIR_NAME = '.withify_cache';

/** Bumped when the layout of the cache file changes. */
const FORMAT = 3;

let build: string | null | undefined;

/**
 * What identifies this build of withify: `dist/build-id` (a hash of the compiled code and of the
 * tree-sitter grammar's version, made by scripts/bundle.ts), or `undefined` when it is missing (then no cache).
 */
export function buildId(): string | undefined {
  if (build === undefined) {
    try {
      build = readFileSync(new URL('../build-id', import.meta.url), 'utf8').trim() || null;
    } catch {
      build = null;
    }
  }
  return build ?? undefined;
}

interface Entry {
  stamp: string;
  /** A hash of the file's bytes: with new times and the same bytes (a fresh checkout, the cache restored in CI), the entry holds. */
  hash?: string;
  /** `moduleKey|whole` → the file's summary (its `path` is the entry's). */
  summaries?: Record<string, FileSummary>;
  /** `optionsKey|indexKey|moduleKey` → the file's `check` result (its `path` is set again on the way out). */
  results?: Record<string, FileResult>;
}

interface CacheFile {
  format: number;
  build: string;
  entries: Record<string, Entry>;
}

/** The hash of a key's text or of a file's bytes. */
const digest = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex').slice(0, 32);

/** A hash of the bytes of the file at `path`, or `undefined` when it cannot be read. */
function contentHash(path: string): string | undefined {
  try {
    return digest(readFileSync(path));
  } catch {
    return undefined;
  }
}

/** Size, modification and change times and inode: any write to the file, or a file put in its place, changes it. */
function stampOf(path: string): string | undefined {
  try {
    const s = statSync(path, { bigint: true });
    return `${s.size}:${s.mtimeNs}:${s.ctimeNs}:${s.ino}`;
  } catch {
    return undefined;
  }
}

/** The options that can change what `check` finds in a file (the run's, after `optionsForFile`). */
export function optionsKey(options: TransformOptions & { cwd: string; wholeFiles?: boolean }): string {
  const { select, ignore, unsafeFixes, targetVersion, generatorStyle, allLoops, cwd, wholeFiles } = options;
  return digest(JSON.stringify([[...select].sort(), [...ignore].sort(), unsafeFixes, targetVersion, generatorStyle, allLoops, cwd, wholeFiles === true]));
}

/** The project index as a key: the same index, the same key. `'-'` when the run needs none. */
export function indexKey(index: ProjectIndex | undefined): string {
  return index ? digest(JSON.stringify(index)) : '-';
}

export class RunCache {
  private readonly file: string;
  private readonly entries: Record<string, Entry>;
  private readonly stamps = new Map<string, string | undefined>();
  /** Entries made or added to this run: checked again (and hashed, if new) when the cache is written. */
  private readonly touched = new Set<string>();
  /** Files whose bytes this run hashed to compare with their entry (once each). */
  private readonly rehashed = new Set<string>();
  private changed = false;

  private constructor(
    readonly dir: string,
    private readonly build: string,
  ) {
    this.file = join(dir, `${build}.json`);
    this.entries = RunCache.load(this.file, build);
  }

  /** The cache in `dir` for this build; `undefined` when the build has no id (compiled without `npm run build`). */
  static open(dir: string): RunCache | undefined {
    const id = buildId();
    return id === undefined ? undefined : new RunCache(dir, id);
  }

  private static load(file: string, build: string): Record<string, Entry> {
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
      if (data.format === FORMAT && data.build === build && data.entries && typeof data.entries === 'object') return data.entries;
    } catch {
      // Ex) no cache yet, or one cut short by a full disk: start empty
    }
    return Object.create(null) as Record<string, Entry>;
  }

  /** The file's stamp, taken once per run (before it is read: a write after it makes the next run's differ). */
  private stamp(path: string): string | undefined {
    if (!this.stamps.has(path)) this.stamps.set(path, stampOf(path));
    return this.stamps.get(path);
  }

  /** The entry of `path` while the file is as it was; `fresh`: a new one (dropping the old) when it is not. */
  private entry(path: string, fresh: boolean): Entry | undefined {
    const stamp = this.stamp(path);
    if (stamp === undefined) return undefined;
    const e = this.entries[path];
    if (e && e.stamp === stamp) return e;
    // Ex) CI restored the cache into a fresh checkout: every file has new times, most the same bytes
    if (e?.hash !== undefined && !this.rehashed.has(path)) {
      this.rehashed.add(path);
      if (contentHash(path) === e.hash) {
        e.stamp = stamp;
        this.changed = true;
        return e;
      }
    }
    if (!fresh) return undefined;
    this.changed = true;
    return (this.entries[path] = { stamp });
  }

  summary(path: string, key: string): FileSummary | undefined {
    return this.entry(path, false)?.summaries?.[key];
  }

  putSummary(path: string, key: string, summary: FileSummary): void {
    const e = this.entry(path, true);
    if (!e) return;
    (e.summaries ??= {})[key] = summary;
    this.touched.add(path);
    this.changed = true;
  }

  result(path: string, key: string): FileResult | undefined {
    return this.entry(path, false)?.results?.[key];
  }

  /** Keep `result` (a failed one is not kept: a file that could not be read may be readable next time). */
  putResult(path: string, key: string, result: FileResult): void {
    if (result.status === 'failed') return;
    const e = this.entry(path, true);
    if (!e) return;
    // One result per options: a result made with another project index is stale once this one is known.
    const options = key.slice(0, key.indexOf('|'));
    const kept: Record<string, FileResult> = {};
    for (const [k, r] of Object.entries(e.results ?? {})) if (!k.startsWith(`${options}|`)) kept[k] = r;
    kept[key] = result;
    e.results = kept;
    this.touched.add(path);
    this.changed = true;
  }

  /**
   * Write the cache if the run changed it, and remove the files of other builds. Returns why it could not
   * be written (a read-only directory), or `undefined`.
   */
  save(): string | undefined {
    if (!this.changed) return undefined;
    try {
      mkdirSync(this.dir, { recursive: true });
      // As Ruff's cache: git and backup tools leave the directory out.
      writeIfMissing(join(this.dir, '.gitignore'), '# Made by withify: its cache, safe to delete.\n*\n');
      writeIfMissing(join(this.dir, 'CACHEDIR.TAG'), 'Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by withify.\n');
      // Ex) a module deleted since: its entry goes (the files this run did not look at are left as they are)
      for (const path of Object.keys(this.entries)) if (!this.stamps.has(path) && !existsSync(path)) delete this.entries[path];
      // An entry this run made or added to holds only if its file is still as it was when stamped (before it
      // was read): one that changed meanwhile goes, as what it holds may be of either text. A new one is hashed.
      for (const path of this.touched) {
        const e = this.entries[path];
        if (!e) continue;
        const sum = stampOf(path) !== e.stamp ? undefined : (e.hash ?? contentHash(path));
        if (sum === undefined) delete this.entries[path];
        else e.hash = sum;
      }
      this.touched.clear();
      // Ex) two runs of the library in one process, or a full disk: a name of its own, removed if the write fails
      const tmp = join(this.dir, `.${this.build}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
      try {
        writeFileSync(tmp, JSON.stringify({ format: FORMAT, build: this.build, entries: this.entries } satisfies CacheFile));
        renameSync(tmp, this.file);
      } catch (err) {
        rmSync(tmp, { force: true });
        throw err;
      }
      // Another build's cache; a temporary file of a run killed before its rename, left for ten minutes
      const old = Date.now() - 10 * 60 * 1000;
      for (const name of readdirSync(this.dir)) {
        const other = join(this.dir, name);
        if (name.endsWith('.json') && name !== `${this.build}.json`) rmSync(other, { force: true });
        else if (name.endsWith('.tmp') && (statSync(other, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < old) rmSync(other, { force: true });
      }
      this.changed = false;
      return undefined;
    } catch (err) {
      return (err as Error).message;
    }
  }
}

function writeIfMissing(path: string, text: string): void {
  try {
    writeFileSync(path, text, { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
}

/**
 * The cache as a run uses it: summaries by path (with the module name it has this run), results by path with
 * the options the file is checked with and the project index of this run (`setIndex`). Only `check` (without
 * `--add-ignore`) keeps results; `fix`, `diff` and `check --add-ignore` (`readOnly`) take only those with no
 * finding, as their own run of such a file changes nothing and gives the same result.
 */
export class CheckCache implements SummaryCache {
  private index = indexKey(undefined);
  private readonly byOptions = new WeakMap<RunOptions, string>();
  private readonly readOnly: boolean;

  constructor(
    private readonly cache: RunCache,
    private readonly options: RunOptions,
  ) {
    this.readOnly = options.mode !== 'check' || options.addIgnore === true;
  }

  private summaryKey(path: string): string {
    return `${moduleKeyFor(path)}|${this.options.wholeFiles === true}`;
  }

  private resultKey(path: string): string {
    const own = optionsForFile(this.options, path);
    let key = this.byOptions.get(own);
    if (key === undefined) this.byOptions.set(own, (key = optionsKey(own)));
    return `${key}|${this.index}|${moduleKeyFor(path)}`;
  }

  /** The directory the cache is kept in. */
  get dir(): string {
    return this.cache.dir;
  }

  summary(path: string): FileSummary | undefined {
    return this.cache.summary(path, this.summaryKey(path));
  }

  putSummary(summary: FileSummary): void {
    this.cache.putSummary(summary.path, this.summaryKey(summary.path), summary);
  }

  /** The run's project index, once it is known (none: the run needs none). */
  setIndex(index: ProjectIndex | undefined): void {
    this.index = indexKey(index);
  }

  result(path: string): FileResult | undefined {
    const r = this.cache.result(path, this.resultKey(path));
    // Ex) `fix` after a `check`: a file with findings is read, fixed and written as without the cache
    if (!r || (this.readOnly && (r.status !== 'unchanged' || r.findings.length > 0))) return undefined;
    return { ...r, path: displayPath(this.options.cwd, path) };
  }

  putResult(path: string, result: FileResult): void {
    if (!this.readOnly) this.cache.putResult(path, this.resultKey(path), result);
  }

  save(): string | undefined {
    return this.cache.save();
  }
}

/** The cache of a run, when it has one: with `cacheDir`, and no user transform (whose code the build id does not cover). */
export function checkCache(options: RunOptions): CheckCache | undefined {
  if (options.cacheDir === undefined) return undefined;
  if (options.extraTransforms.length > 0 || (options.transformPaths?.length ?? 0) > 0) return undefined;
  const cache = RunCache.open(resolve(options.cwd, options.cacheDir));
  return cache && new CheckCache(cache, options);
}
