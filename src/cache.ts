// The cache of withify's runs (`.withify_cache/`, as Ruff keeps `.ruff_cache/`): what the last runs found in
// each file, so that a run over a codebase that changed in a few files reads and parses only those. `check`
// keeps and reads both kinds of entry below; `fix` and `diff` keep summaries and read the results without a
// finding (see `CheckCache`).
//
// Two kinds of entry per file, both valid only while the file is as it was (`stamp`: size, modification
// and change times, inode; or, when those changed, the same bytes by a hash, read again once per run):
// - its summary for the project index (first pass), per module name and `--whole-files`;
// - its `check` result (second pass), per options the file is checked with (`optionsKey`: every option that
//   can change a finding, after per-file-ignores and the project's target version) and per the part of the
//   project index its check can read (`IndexProjection`, by the file's words kept with its summary): an import
//   or a generator changed in a module the file never reaches leaves the result good.
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
import { generatorShortNames, type GeneratorIndex } from './python/generators.js';

/** The cache's directory when none is given: `.withify_cache` in the project's root (see cli.ts). */
export const CACHE_DIR_NAME = '.withify_cache';

/** Bumped when the layout of the cache file changes. */
const FORMAT = 4;

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
  /** `optionsKey|moduleKey` → the file's `check` result (its `path` is set again on the way out). */
  results?: Record<string, KeptResult>;
}

/** A result, and the project index it was made with (by its `indexKey`, kept in `CacheFile.indexes`). */
export interface KeptResult {
  index: string;
  result: FileResult;
}

interface CacheFile {
  format: number;
  build: string;
  entries: Record<string, Entry>;
  /** The project indexes kept results were made with, by `indexKey`: a result holds for another index that has the same part of it the file reads (`IndexProjection`). */
  indexes?: Record<string, ProjectIndex>;
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

/** The components of a dotted name (`pkg.core.rows`). */
const partsOf = (dotted: string) => dotted.split('.');

/** Words every file's check may look up in the index besides its own: `Table.__iter__`, `outer.<locals>.inner`. */
const ALWAYS_WORDS = ['__iter__', '__aiter__', '<locals>'];

/**
 * What of the project index a file's check can read, as a key: the same part, the same key, so an import or
 * a generator changed in a module the file never reaches leaves its kept result good. Keyed by the file's
 * words (`wordsOf`); `undefined` words (no summary kept) key it by the whole index, as `indexKey` does.
 *
 * Why the part is enough: generator-close looks a call up by a dotted name made of the file's words and the
 * parts of its module name (`callTarget`), then of the targets of the aliases it follows (`resolveGenerator`),
 * and every name it reads in the index is such a name or a prefix of one. So every component of a key it
 * reads is among the file's words, its module's parts, `ALWAYS_WORDS` and the parts of the targets of the
 * aliases so reached (the closure below). The part holds the generators and aliases whose every component is
 * in that closure, the anchors and trigger names (`callNames`, `classNames`) and the generator short names
 * (`generatorShortNames`) among the file's words, the `plainOverrides` whose parts all are, the module's own
 * `memberNames`, and whether the module is `ambiguous` (then its own index, `own`, whole). Anything else a
 * later index may hold is taken whole.
 */
export class IndexProjection {
  private wholeKey: string | undefined;
  private readonly index: GeneratorIndex | undefined;
  /** Generators and aliases, each under the part of its key fewest others have (looked at only when that part is known). */
  private readonly byPart = new Map<string, Projected[]>();
  private readonly shortNames: ReadonlySet<string>;
  private readonly callNames: ReadonlySet<string>;
  private readonly classNames: ReadonlySet<string>;
  private readonly overrides: ReadonlyArray<{ name: string; parts: string[] }>;
  private readonly ambiguous: ReadonlySet<string>;
  /** Every word the parts above are made of: a file's other words change nothing (most of a file's words). */
  private readonly vocabulary = new Set<string>(ALWAYS_WORDS);
  /** A digest of what the projection does not know, taken whole into every key. */
  private readonly rest: string;

  constructor(private readonly project: ProjectIndex | undefined) {
    const { generators, ...others } = project ?? {};
    const index = generators as GeneratorIndex | undefined;
    this.index = index;
    const { generators: gens = {}, aliases = {}, ambiguous = [], own, callNames = [], plainOverrides = [], memberNames, classNames = [], ...unknown } = index ?? ({} as Partial<GeneratorIndex>);
    void own;
    void memberNames;
    this.rest = Object.keys(others).length || Object.keys(unknown).length ? digest(JSON.stringify([others, unknown])) : '';
    const all: Projected[] = [];
    for (const [key, v] of Object.entries(gens)) all.push({ text: `${key}=g${JSON.stringify(v)}`, parts: partsOf(key) });
    for (const [key, v] of Object.entries(aliases)) all.push({ text: `${key}=a${v}`, parts: partsOf(key), target: partsOf(v) });
    // Ex) `pkg.m17.os` (module m17's `import os`) goes under `m17`: a file that never says `m17` skips it
    const counts = new Map<string, number>();
    for (const e of all) for (const p of e.parts) counts.set(p, (counts.get(p) ?? 0) + 1);
    for (const e of all) {
      let rare = e.parts[0]!;
      for (const p of e.parts) if (counts.get(p)! < counts.get(rare)!) rare = p;
      const list = this.byPart.get(rare);
      if (list) list.push(e);
      else this.byPart.set(rare, [e]);
    }
    this.shortNames = index ? generatorShortNames(index) : new Set();
    this.callNames = new Set(callNames);
    this.classNames = new Set(classNames);
    this.overrides = plainOverrides.map((name) => ({ name, parts: partsOf(name) }));
    this.ambiguous = new Set(ambiguous);
    for (const e of all) for (const p of [...e.parts, ...(e.target ?? [])]) this.vocabulary.add(p);
    for (const set of [this.shortNames, this.callNames, this.classNames]) for (const w of set) this.vocabulary.add(w);
    for (const o of this.overrides) for (const p of o.parts) this.vocabulary.add(p);
  }

  /** The key of what the check of the file of `module`, shown as `shown`, with `words`, can read. */
  keyFor(module: string, shown: string, words: string | undefined): string {
    if (!this.index || words === undefined) return (this.wholeKey ??= indexKey(this.project));
    const index = this.index;
    if (this.ambiguous.has(module)) return digest(JSON.stringify(['own', index.own?.[shown] ?? null, this.rest]));
    const said = words.split(' ').filter((w) => this.vocabulary.has(w));
    const known = new Set([...said, ...partsOf(module), ...ALWAYS_WORDS]);
    // The entries whose every part is known; an alias taken makes its target's parts known, which may
    // complete entries looked at before.
    const taken = new Set<Projected>();
    const waiting: Projected[] = [];
    const queue = [...known];
    const allKnown = (e: Projected) => e.parts.every((p) => known.has(p));
    const take = (e: Projected) => {
      taken.add(e);
      for (const p of e.target ?? []) {
        if (known.has(p)) continue;
        known.add(p);
        queue.push(p);
      }
    };
    for (;;) {
      for (let w; (w = queue.pop()) !== undefined; ) {
        for (const e of this.byPart.get(w) ?? []) {
          if (taken.has(e)) continue;
          if (allKnown(e)) take(e);
          else waiting.push(e);
        }
      }
      let more = false;
      for (const e of waiting) {
        if (taken.has(e) || !allKnown(e)) continue;
        take(e);
        more = true;
      }
      if (!more && queue.length === 0) break;
    }
    const entries = [...taken].map((e) => e.text).sort();
    const named = (set: ReadonlySet<string>) => said.filter((w) => set.has(w)).sort();
    const overrides = this.overrides.filter((o) => o.parts.every((p) => known.has(p))).map((o) => o.name).sort();
    return digest(JSON.stringify([entries, named(this.shortNames), named(this.callNames), named(this.classNames), overrides, index.memberNames?.[module] ?? null, this.rest]));
  }
}

/** A generator (`key=g{…}`) or an alias (`key=atarget`) of the index, as `IndexProjection` reads it. */
interface Projected {
  text: string;
  parts: string[];
  target?: string[];
}

export class RunCache {
  private readonly file: string;
  private readonly entries: Record<string, Entry>;
  private readonly indexes: Record<string, ProjectIndex>;
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
    ({ entries: this.entries, indexes: this.indexes } = RunCache.load(this.file, build));
  }

  /** The cache in `dir` for this build; `undefined` when the build has no id (compiled without `npm run build`). */
  static open(dir: string): RunCache | undefined {
    const id = buildId();
    return id === undefined ? undefined : new RunCache(dir, id);
  }

  private static load(file: string, build: string): { entries: Record<string, Entry>; indexes: Record<string, ProjectIndex> } {
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
      if (data.format === FORMAT && data.build === build && data.entries && typeof data.entries === 'object') {
        return { entries: data.entries, indexes: data.indexes && typeof data.indexes === 'object' ? data.indexes : Object.create(null) };
      }
    } catch {
      // Ex) no cache yet, or one cut short by a full disk: start empty
    }
    return { entries: Object.create(null) as Record<string, Entry>, indexes: Object.create(null) as Record<string, ProjectIndex> };
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

  result(path: string, key: string): KeptResult | undefined {
    return this.entry(path, false)?.results?.[key];
  }

  /**
   * Keep `result`, made with the project index `index` (by its `indexKey`; `keepIndex` keeps the index). A
   * failed one is not kept: a file that could not be read may be readable next time. One result per key.
   */
  putResult(path: string, key: string, index: string, result: FileResult): void {
    if (result.status === 'failed') return;
    const e = this.entry(path, true);
    if (!e) return;
    (e.results ??= {})[key] = { index, result };
    this.touched.add(path);
    this.changed = true;
  }

  /** Say that the kept result under `key` still holds for the index `index` (its part the file reads is the same). */
  renewResult(path: string, key: string, index: string): void {
    const kept = this.entry(path, false)?.results?.[key];
    if (!kept || kept.index === index) return;
    kept.index = index;
    this.changed = true;
  }

  /** The project index kept under `key` (`indexKey`), if a kept result was made with it. */
  keptIndex(key: string): ProjectIndex | undefined {
    return this.indexes[key];
  }

  /** Keep `index` under `key` (`indexKey`) while kept results refer to it. */
  keepIndex(key: string, index: ProjectIndex): void {
    if (this.indexes[key]) return;
    this.indexes[key] = index;
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
      // The indexes no kept result refers to any more go
      const used = new Set<string>();
      for (const e of Object.values(this.entries)) for (const r of Object.values(e.results ?? {})) used.add(r.index);
      const indexes: Record<string, ProjectIndex> = {};
      for (const [k, index] of Object.entries(this.indexes)) if (used.has(k)) indexes[k] = index;
      // Ex) two runs of the library in one process, or a full disk: a name of its own, removed if the write fails
      const tmp = join(this.dir, `.${this.build}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
      try {
        writeFileSync(tmp, JSON.stringify({ format: FORMAT, build: this.build, entries: this.entries, indexes } satisfies CacheFile));
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
 * the options the file is checked with, made with this run's project index (`setIndex`) or with one whose part
 * the file reads is the same (`IndexProjection`). Only `check` (without `--add-ignore`) keeps results; `fix`,
 * `diff` and `check --add-ignore` (`readOnly`) take only those with no finding, as their own run of such a file
 * changes nothing and gives the same result.
 */
export class CheckCache implements SummaryCache {
  private index: ProjectIndex | undefined;
  private indexKey = indexKey(undefined);
  private projection: IndexProjection | undefined;
  /** The projections of the indexes kept results were made with, by `indexKey`. */
  private readonly earlier = new Map<string, IndexProjection | null>();
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
    return `${key}|${moduleKeyFor(path)}`;
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
    this.index = index;
    this.indexKey = indexKey(index);
    this.projection = undefined;
  }

  /**
   * True when a result made with the index kept under `made` holds for this run's: the file's check reads the
   * same part of both (by the words kept with its summary). False when either is unknown.
   */
  private samePart(path: string, made: string): boolean {
    let before = this.earlier.get(made);
    if (before === undefined) {
      const kept = this.cache.keptIndex(made);
      this.earlier.set(made, (before = kept ? new IndexProjection(kept) : null));
    }
    const words = this.summary(path)?.words;
    if (!before || !this.index || words === undefined) return false;
    this.projection ??= new IndexProjection(this.index);
    const module = moduleKeyFor(path);
    const shown = displayPath(this.options.cwd, path);
    return before.keyFor(module, shown, words) === this.projection.keyFor(module, shown, words);
  }

  result(path: string): FileResult | undefined {
    const key = this.resultKey(path);
    const kept = this.cache.result(path, key);
    if (!kept) return undefined;
    if (kept.index !== this.indexKey) {
      if (!this.samePart(path, kept.index)) return undefined;
      // Ex) an import added in a module this file never reaches: the result holds, now for this index too
      if (this.index) this.cache.keepIndex(this.indexKey, this.index);
      this.cache.renewResult(path, key, this.indexKey);
    }
    const r = kept.result;
    // Ex) `fix` after a `check`: a file with findings is read, fixed and written as without the cache
    if (this.readOnly && (r.status !== 'unchanged' || r.findings.length > 0)) return undefined;
    return { ...r, path: displayPath(this.options.cwd, path) };
  }

  putResult(path: string, result: FileResult): void {
    if (this.readOnly) return;
    if (this.index) this.cache.keepIndex(this.indexKey, this.index);
    this.cache.putResult(path, this.resultKey(path), this.indexKey, result);
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
