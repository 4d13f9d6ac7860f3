// The cache of withify's runs (`.withify_cache/`, as Ruff keeps `.ruff_cache/`): what the last runs found in
// each file, so that a run over a codebase that changed in a few files reads and parses only those. `check`
// keeps and reads both kinds of entry below; `fix` and `diff` keep summaries and read the results without a
// finding (see `CheckCache`).
//
// Two kinds of entry per file, both valid only while the file is as it was (`stamp`: size, modification
// and change times, inode; or, when those changed, the same bytes by a hash, read again once per run):
// - its summary for the project index (first pass), per module name and `--whole-files`;
// - its `check` result (second pass), per options the file is checked with (`optionsKey`: every option that
//   can change a finding, after per-file-ignores and the project's target version), with the project index it
//   was made with, and good for another index while the file cannot reach what changed (`IndexChange`): an
//   import or a generator changed in a module the file never reaches leaves the result good.
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
import { decodeSource } from './engine/read.js';
import { escapeRegExp } from './python/text.js';
import { AliasClosure, type AliasParts } from './alias-closure.js';

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

/** A result, and the project index it was made with (by its `indexKey`; the index is kept in a file of its own, `RunCache.keptIndex`). */
export interface KeptResult {
  index: string;
  result: FileResult;
}

interface CacheFile {
  format: number;
  build: string;
  entries: Record<string, Entry>;
}

/** How many project indexes the cache keeps (those kept results were made with, the last ones made). */
const KEPT_INDEXES = 3;

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

const NON_ASCII = /[^\x00-\x7f]/;

/** The components of a dotted name (`pkg.core.rows`). */
const partsOf = (dotted: string) => dotted.split('.');

/** The fields of `GeneratorIndex` that `IndexChange` reads part by part; a change to any other counts for every file. */
const KNOWN_FIELDS = new Set(['generators', 'aliases', 'ambiguous', 'own', 'callNames', 'plainOverrides', 'memberNames', 'classNames']);

/** Words every file's check may look up in the index besides its own: `Table.__iter__`, `outer.<locals>.inner`. */
const ALWAYS_WORDS = ['__iter__', '__aiter__', '<locals>'];

/**
 * What changed from one project index to another, and whether the check of a file can see it: a result made
 * with the first holds for the second unless it can (`reaches`), so an import or a generator changed in a
 * module the file never reaches leaves its kept result good.
 *
 * What a file's check can read of an index (its part): generator-close looks a call up by a dotted name made of
 * the file's words and the parts of its module's name (`callTarget`), then of the targets of the aliases it
 * follows (`resolveGenerator`), and every name it reads in the index is such a name or a prefix of one. So every
 * component of a key it reads is among the file's words, its module's parts, `ALWAYS_WORDS` and the parts of
 * the targets of the aliases so reached: the closure K. The part holds the generators and aliases whose every
 * component is in K, the `plainOverrides` whose parts all are, the anchors and trigger names (`callNames`,
 * `classNames`) and generator short names (`generatorShortNames`) among the file's words, the module's own
 * `memberNames`, and whether the module is `ambiguous` (then its own index, `own`, and nothing else). Anything
 * else an index may hold one day is taken as seen by every file.
 *
 * Two indexes give a file the same part when no entry of one only (`changed`) has every component in the
 * closure K made with the aliases both share: the closures of both are then K, as the first alias of one only
 * taken would need its components in K. A component no shared alias points to is in K only if the file says it,
 * so most files are told apart by a word or two, without their closure.
 */
export class IndexChange {
  /** Something the projection does not know changed: every file sees it. */
  private readonly all: boolean;
  /** Generators, aliases and `plainOverrides` in one index only, as their components. */
  private readonly changed: string[][] = [];
  /** `callNames`, `classNames` and short names in one index only: a file that says one sees it. */
  private readonly names = new Set<string>();
  /** The pattern of each word looked for (`word`). */
  private readonly patterns = new Map<string, RegExp>();
  /** Modules whose `memberNames` or `ambiguous` membership differ. */
  private readonly modules = new Set<string>();
  private readonly before: GeneratorIndex | undefined;
  private readonly after: GeneratorIndex | undefined;
  /** The aliases both indexes have that can make a changed entry's component known (`coneOf`), and their closure. */
  private readonly closure: AliasClosure | undefined;
  /** The components of those aliases' targets: the closure adds no other word. */
  private readonly targetWords = new Set<string>();

  constructor(before: ProjectIndex | undefined, after: ProjectIndex | undefined) {
    const { generators: b, ...restBefore } = before ?? {};
    const { generators: a, ...restAfter } = after ?? {};
    this.before = b as GeneratorIndex | undefined;
    this.after = a as GeneratorIndex | undefined;
    const unknown = (i: GeneratorIndex | undefined) => JSON.stringify([Object.entries(i ?? {}).filter(([k]) => !KNOWN_FIELDS.has(k)), i === undefined]);
    this.all = JSON.stringify(restBefore) !== JSON.stringify(restAfter) || unknown(this.before) !== unknown(this.after);
    if (this.all) return;
    // An entry of one index only, or with another value in the other, is changed; an alias both have is shared
    const common: Array<[string[], string[]]> = [];
    const compare = <T>(was: Record<string, T>, is: Record<string, T>, same: (x: T, y: T) => boolean, both?: (key: string, value: T) => void) => {
      for (const key in was) {
        if (Object.hasOwn(is, key) && same(was[key]!, is[key]!)) both?.(key, was[key]!);
        else this.changed.push(partsOf(key));
      }
      for (const key in is) if (!Object.hasOwn(was, key)) this.changed.push(partsOf(key));
    };
    compare(this.before?.generators ?? {}, this.after?.generators ?? {}, (x, y) => JSON.stringify(x) === JSON.stringify(y));
    compare(this.before?.aliases ?? {}, this.after?.aliases ?? {}, (x, y) => x === y, (key, target) => common.push([partsOf(key), partsOf(target)]));
    const overrides = (i: GeneratorIndex | undefined) => Object.fromEntries((i?.plainOverrides ?? []).map((name) => [name, true]));
    compare(overrides(this.before), overrides(this.after), () => true);
    const used = coneOf(common, this.changed);
    for (const [, target] of used) for (const p of target) this.targetWords.add(p);
    this.closure = new AliasClosure(used);
    const differ = (x: Iterable<string>, y: Iterable<string>) => {
      const xs = new Set(x);
      const ys = new Set(y);
      for (const n of xs) if (!ys.has(n)) this.names.add(n);
      for (const n of ys) if (!xs.has(n)) this.names.add(n);
    };
    differ(this.before?.callNames ?? [], this.after?.callNames ?? []);
    differ(this.before?.classNames ?? [], this.after?.classNames ?? []);
    differ(this.before ? generatorShortNames(this.before) : [], this.after ? generatorShortNames(this.after) : []);
    for (const m of new Set([...Object.keys(this.before?.memberNames ?? {}), ...Object.keys(this.after?.memberNames ?? {})])) {
      if (JSON.stringify(this.before?.memberNames?.[m] ?? null) !== JSON.stringify(this.after?.memberNames?.[m] ?? null)) this.modules.add(m);
    }
    const wasAmbiguous = new Set(this.before?.ambiguous ?? []);
    const isAmbiguous = new Set(this.after?.ambiguous ?? []);
    for (const m of wasAmbiguous) if (!isAmbiguous.has(m)) this.modules.add(m);
    for (const m of isAmbiguous) if (!wasAmbiguous.has(m)) this.modules.add(m);
  }

  /**
   * The word `w` where no letter, digit or `_` is next to it: an identifier of the file that is `w`, or `w` in a
   * string or comment (a few more files checked again, no fewer). An ASCII word is looked for as a pattern's
   * `\b` sees words (so in `ñrows` too); another with Unicode's letters and digits around it.
   */
  private word(w: string): RegExp {
    let re = this.patterns.get(w);
    if (!re) {
      const escaped = escapeRegExp(w);
      re = !NON_ASCII.test(w) ? new RegExp(`(?<![A-Za-z0-9_])${escaped}(?![A-Za-z0-9_])`) : new RegExp(`(?<![\\p{L}\\p{N}\\p{M}\\p{Pc}])${escaped}(?![\\p{L}\\p{N}\\p{M}\\p{Pc}])`, 'u');
      this.patterns.set(w, re);
    }
    return re;
  }

  /** True when the check of the file of `module`, shown as `shown`, whose text is `text`, may see the change. */
  reaches(module: string, shown: string, text: string): boolean {
    if (this.all || this.modules.has(module)) return true;
    const own = partsOf(module);
    const says = (w: string) => ALWAYS_WORDS.includes(w) || own.includes(w) || this.word(w).test(text);
    for (const n of this.names) if (says(n)) return true;
    // A module two files share reads its own index (and the project's trigger names, above) only
    if (this.after?.ambiguous?.includes(module)) return JSON.stringify(this.before?.own?.[shown] ?? null) !== JSON.stringify(this.after.own?.[shown] ?? null);
    // The changed entries whose every component the file says or a shared alias may point to: the closure decides
    const open = this.changed.filter((parts) => parts.every((p) => this.targetWords.has(p) || says(p)));
    if (open.length === 0) return false;
    // Ex) `rows` changed in `pkg.core` and the file says both `core` and `rows`: no closure is needed
    if (open.some((parts) => parts.every(says))) return true;
    const knows = this.closure!.close(text, [...own, ...ALWAYS_WORDS]);
    return open.some((parts) => parts.every((p) => knows(p) || says(p)));
  }
}

/**
 * Of the aliases both indexes have (`[components, target's]`), those that can make a component of a changed entry
 * known: each whose target has a component in R, where R holds the changed entries' components and the components
 * of each alias so kept, to a fixpoint. A closure made of these alone knows the same of R's words as one made of all
 * (any alias that makes a word of R known is kept, and so is every alias that makes one of its components known),
 * and the closure is asked of the changed entries' components only. An import changed in one module leaves out
 * most of a large project's aliases.
 */
function coneOf(aliases: readonly AliasParts[], changed: readonly string[][]): AliasParts[] {
  const byTarget = new Map<string, number[]>();
  aliases.forEach(([, target], i) => {
    for (const p of target) {
      const list = byTarget.get(p);
      if (list) list.push(i);
      else byTarget.set(p, [i]);
    }
  });
  const cone = new Set<string>();
  const queue: string[] = [];
  const add = (p: string) => {
    if (cone.has(p)) return;
    cone.add(p);
    queue.push(p);
  };
  for (const parts of changed) parts.forEach(add);
  const kept = new Uint8Array(aliases.length);
  for (let w; (w = queue.pop()) !== undefined; ) {
    for (const i of byTarget.get(w) ?? []) {
      if (kept[i]) continue;
      kept[i] = 1;
      aliases[i]![0].forEach(add);
    }
  }
  return aliases.filter((_, i) => kept[i]);
}

export class RunCache {
  private readonly file: string;
  private readonly entries: Record<string, Entry>;
  /** Project indexes by `indexKey`: read from their files when first asked for (`null`: none), or made this run. */
  private readonly indexes = new Map<string, ProjectIndex | null>();
  /** Indexes this run made, to write with the cache. */
  private readonly madeIndexes = new Set<string>();
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

  /** The file of the project index kept under `key`: `<build>.index.<key>.json`, read only by a run whose index differs. */
  private indexFile(key: string): string {
    return join(this.dir, `${this.build}.index.${key}.json`);
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
    // Checked again when the cache is written, as an entry made this run: it goes if its file changed meanwhile
    this.touched.add(path);
    this.changed = true;
  }

  /** The project index kept under `key` (`indexKey`), if a kept result was made with it. */
  keptIndex(key: string): ProjectIndex | undefined {
    if (!/^[0-9a-f]{32}$/.test(key)) return undefined;
    if (!this.indexes.has(key)) {
      let index: ProjectIndex | null = null;
      try {
        const parsed: unknown = JSON.parse(readFileSync(this.indexFile(key), 'utf8'));
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) index = parsed as ProjectIndex;
      } catch {
        // Ex) removed, or cut short: the results made with it are made again
      }
      this.indexes.set(key, index);
    }
    return this.indexes.get(key) ?? undefined;
  }

  /** Keep `index` under `key` (`indexKey`) while kept results refer to it. */
  keepIndex(key: string, index: ProjectIndex): void {
    if (this.madeIndexes.has(key) || !/^[0-9a-f]{32}$/.test(key)) return;
    this.indexes.set(key, index);
    this.madeIndexes.add(key);
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
      // The indexes this run made that kept results refer to, each in a file of its own, written before the
      // entries that refer to it (a run killed between the two leaves an index no entry refers to, removed next time)
      const used = new Set<string>();
      for (const e of Object.values(this.entries)) for (const r of Object.values(e.results ?? {})) used.add(r.index);
      for (const key of this.madeIndexes) {
        const index = this.indexes.get(key);
        if (index && used.has(key) && !existsSync(this.indexFile(key))) writeAtomically(this.dir, this.build, this.indexFile(key), JSON.stringify(index));
      }
      writeAtomically(this.dir, this.build, this.file, JSON.stringify({ format: FORMAT, build: this.build, entries: this.entries } satisfies CacheFile));
      // Another build's cache; an index no kept result refers to, and beyond the last KEPT_INDEXES written (a
      // result made with one of those is made again); a temporary file of a run killed before its rename, left
      // for ten minutes
      const names = readdirSync(this.dir);
      const indexFiles = names
        .filter((name) => name.startsWith(`${this.build}.index.`) && name.endsWith('.json'))
        .map((name) => ({ name, key: name.slice(`${this.build}.index.`.length, -'.json'.length), at: statSync(join(this.dir, name), { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
        .sort((a, b) => b.at - a.at);
      const keep = new Set(indexFiles.filter((f) => used.has(f.key)).slice(0, KEPT_INDEXES).map((f) => f.name));
      const old = Date.now() - 10 * 60 * 1000;
      for (const name of names) {
        const other = join(this.dir, name);
        if (name.endsWith('.json') && name !== `${this.build}.json` && !keep.has(name)) rmSync(other, { force: true });
        else if (name.endsWith('.tmp') && (statSync(other, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < old) rmSync(other, { force: true });
      }
      this.changed = false;
      return undefined;
    } catch (err) {
      return (err as Error).message;
    }
  }
}

/** Write `text` to `file` through a temporary file of its own in `dir` and a rename (removed if the write fails). */
function writeAtomically(dir: string, build: string, file: string, text: string): void {
  // Ex) two runs of the library in one process, or a full disk: a name of its own, removed if the write fails
  const tmp = join(dir, `.${build}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
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
 * the file reads is the same (`IndexChange`). Only `check` (without `--add-ignore`) keeps results; `fix`,
 * `diff` and `check --add-ignore` (`readOnly`) take only those with no finding, as their own run of such a file
 * changes nothing and gives the same result.
 */
export class CheckCache implements SummaryCache {
  private index: ProjectIndex | undefined;
  private indexKey = indexKey(undefined);
  /** From each index kept results were made with (by `indexKey`) to this run's: what changed (`null`: that index is not kept). */
  private readonly changes = new Map<string, IndexChange | null>();
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
    this.changes.clear();
  }

  /**
   * True when a result made with the index kept under `made` holds for this run's: the file's check reads the
   * same part of both (`IndexChange`, read from the file, unchanged since). False when either is unknown.
   */
  private samePart(path: string, made: string): boolean {
    let change = this.changes.get(made);
    if (change === undefined) {
      const kept = this.cache.keptIndex(made);
      this.changes.set(made, (change = kept && this.index ? new IndexChange(kept, this.index) : null));
    }
    if (!change) return false;
    let text: string;
    try {
      text = decodeSource(readFileSync(path)).text;
    } catch {
      return false;
    }
    return !change.reaches(moduleKeyFor(path), displayPath(this.options.cwd, path), text);
  }

  result(path: string): FileResult | undefined {
    const key = this.resultKey(path);
    const kept = this.cache.result(path, key);
    if (!kept) return undefined;
    const r = kept.result;
    // Ex) `fix` after a `check`: a file with findings is read, fixed and written as without the cache (told before
    // the file is read for `samePart`)
    if (this.readOnly && (r.status !== 'unchanged' || r.findings.length > 0)) return undefined;
    if (kept.index !== this.indexKey) {
      if (!this.samePart(path, kept.index)) return undefined;
      // Ex) an import added in a module this file never reaches: the result holds, now for this index too
      if (this.index) this.cache.keepIndex(this.indexKey, this.index);
      this.cache.renewResult(path, key, this.indexKey);
    }
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
