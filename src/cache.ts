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
// The last index merged is kept too, by a hash of the summaries it was merged from: a run whose summaries are
// all those takes it by its key and reads no summary (`CheckCache.useMergedIndex`).
// Files per build of withify (`dist/build-id`, written by `npm run build`): the entries (`<build>.json`), the
// summaries by digest (`<build>.summaries.json`, read only when needed), the indexes (`<build>.index.<key>.json`);
// a new build starts empty and removes the files of other builds. Written whole at the end of a run, each
// through a temporary file and a rename: two runs at once leave one run's cache, never a torn one; an
// unreadable file is an empty one.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { displayPath, optionsForFile } from './process-file.js';
import { moduleKeyFor, type FileSummary, type SummaryCache } from './project.js';
import type { RunOptions } from './runner.js';
import type { FileResult, ProjectIndex, TransformOptions } from './types.js';
import { generatorShortNames, type GeneratorIndex } from './python/generators.js';
import { decodeSource } from './engine/read.js';
import { modulesBesideFile } from './engine/context.js';
import { escapeRegExp } from './python/text.js';
import { AliasClosure, type AliasParts } from './alias-closure.js';

/** The cache's directory when none is given: `.withify_cache` in the project's root (see cli.ts). */
export const CACHE_DIR_NAME = '.withify_cache';

/** Bumped when the layout of the cache files changes. */
const FORMAT = 5;

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
  /** `moduleKey|whole` → the digest of the file's summary, which the summaries file keeps by it (`SummaryFile`). */
  summaries?: Record<string, string>;
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
  /**
   * The project index the last run merged, by what it was merged from, for each working directory and
   * `--whole-files` (`scope`): `[scope, fingerprint, indexKey]`, the last first (`RunCache.mergedIndex`). A run
   * whose files' summaries are all as they were takes the index from here and reads no summary.
   */
  merged?: Array<[string, string, string]>;
}

/**
 * The files' summaries, by the digest of each (`<build>.summaries.json`, read only by a run that merges an index
 * or summarises through the cache): most runs need only the entries, and the summaries are most of the bytes
 * (12 of 17.5 MB for the third-party corpus of docs/reports.md). Written before the entries that refer to them;
 * an entry whose digest this file lacks (a run killed between the two writes) is a file summarised again.
 */
interface SummaryFile {
  format: number;
  build: string;
  summaries: Record<string, FileSummary>;
}

/** How many project indexes the cache keeps (those kept results were made with, the last ones made). */
const KEPT_INDEXES = 3;

/** The hash of a key's text or of a file's bytes. */
const digest = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex').slice(0, 32);

/** The digest a summary is kept by. */
const summaryDigestOf = (summary: FileSummary) => digest(JSON.stringify(summary));

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

/**
 * The entries of a cache file that have the shape this build writes; the others are dropped, as if never kept
 * (a file edited by hand, or written by a tool of the same name: as a cache cut short, no reason to stop).
 */
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * True when a kept result has the shape the reports read: a status, a count of fixes, and findings (first and left)
 * each with its code, id, message, place and fix status. Ex) a cache file edited by hand, `"findings": [null]`: the
 * entry is never kept (before, the report stopped on it: an internal error).
 */
function keptResultShape(r: Record<string, unknown>): boolean {
  const place = (x: unknown) => isObject(x) && typeof x.line === 'number' && typeof x.column === 'number';
  const finding = (f: unknown) =>
    isObject(f) && typeof f.code === 'string' && typeof f.id === 'string' && typeof f.message === 'string' && typeof f.fixStatus === 'string' && place(f.location) && place(f.endLocation) && (f.reason === undefined || typeof f.reason === 'string');
  const list = (x: unknown) => x === undefined || (Array.isArray(x) && x.every(finding));
  return typeof r.status === 'string' && Array.isArray(r.findings) && list(r.findings) && list(r.remaining) && (r.fixesApplied === undefined || typeof r.fixesApplied === 'number');
}

function wellFormed(entries: Record<string, Entry>): Record<string, Entry> {
  const out = Object.create(null) as Record<string, Entry>;
  for (const [path, e] of Object.entries(entries as Record<string, unknown>)) {
    if (!isObject(e) || typeof e.stamp !== 'string') continue;
    const entry: Entry = { stamp: e.stamp };
    if (typeof e.hash === 'string') entry.hash = e.hash;
    if (isObject(e.summaries)) {
      entry.summaries = Object.create(null) as Record<string, string>;
      for (const [k, d] of Object.entries(e.summaries)) if (typeof d === 'string') entry.summaries[k] = d;
    }
    if (isObject(e.results)) {
      entry.results = Object.create(null) as Record<string, KeptResult>;
      for (const [k, r] of Object.entries(e.results)) {
        if (isObject(r) && typeof r.index === 'string' && isObject(r.result) && keptResultShape(r.result)) entry.results[k] = r as unknown as KeptResult;
      }
    }
    out[path] = entry;
  }
  return out;
}

/** The names of the files a build writes in the cache directory (`RunCache.save` removes other builds' by these only). */
const OWN_JSON = /^[0-9a-f]{16}(?:\.summaries|\.index\.[0-9a-f-]+)?\.json$/;
const OWN_TMP = /^\.[0-9a-f]{16}\.\d+(?:-[0-9a-f]{8})?\.tmp$/;

/** The project index as a key: the same index, the same key. `'-'` when the run needs none. */
export function indexKey(index: ProjectIndex | undefined): string {
  return index ? digest(indexJson(index)) : '-';
}

// The text of each index keyed this run, for its file (`RunCache.save`): an index of a large project is 7 MB of
// JSON, made once instead of twice.
const indexTexts = new WeakMap<ProjectIndex, string>();

function indexJson(index: ProjectIndex): string {
  let text = indexTexts.get(index);
  if (text === undefined) indexTexts.set(index, (text = JSON.stringify(index)));
  return text;
}

const NON_ASCII = /[^\x00-\x7f]/;

/** The components of a dotted name (`pkg.core.rows`). */
const partsOf = (dotted: string) => dotted.split('.');

/** The fields of `GeneratorIndex` that `IndexChange` reads part by part; a change to any other counts for every file. */
const KNOWN_FIELDS = new Set(['generators', 'passes', 'passesFrom', 'passesMixed', 'aliases', 'ambiguous', 'own', 'callNames', 'plainOverrides', 'memberNames', 'classNames']);

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
 *
 * An alias of one index only is left out of `changed` when no name under its key resolves to a generator in
 * either index (`Reach`, which counts the pass-through generators, `passes`, as generators): `resolveGenerator`
 * and `resolvePasses` are all that read the aliases (`generatorShortNames` too, whose changes are in `names`), and
 * a name they rewrite by that alias, or would have, then finds no generator either way; every other name resolves
 * as before. Ex) `import os` added to a module: no name under `pkg.os` or `os` is a
 * generator, so no file sees it, and with nothing else changed no file is read.
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
  /** The aliases both indexes have, `[key, target]`. */
  private readonly shared: Array<[string, string]> = [];
  /**
   * Those that can make a changed entry's component known (`coneOf`), their closure, and the components of their
   * targets (the closure adds no other word): made when a file is first asked of (none when no entry changed).
   */
  private cone: { closure: AliasClosure; targetWords: Set<string> } | undefined;

  constructor(before: ProjectIndex | undefined, after: ProjectIndex | undefined) {
    const { generators: b, ...restBefore } = before ?? {};
    const { generators: a, ...restAfter } = after ?? {};
    this.before = b as GeneratorIndex | undefined;
    this.after = a as GeneratorIndex | undefined;
    const unknown = (i: GeneratorIndex | undefined) => JSON.stringify([Object.entries(i ?? {}).filter(([k]) => !KNOWN_FIELDS.has(k)), i === undefined]);
    // (A module that puts a test double in place of a catalog name: which modules it imports says which modules' fixes
    // the double holds back (`doubledNote`), so a change of its imports reaches every file: review rw6, a cached
    // `check` kept "fixable" once the test imported the module)
    // (So do the modules that set a generator method's name on a value, `setsOn`: whether one imports from the class's
    // package says whether it counts against `self.m()`, review rw6)
    const doublers = new Set([...Object.values(this.before?.patchedBy ?? {}), ...Object.values(this.after?.patchedBy ?? {}), ...Object.values(this.before?.setsOn ?? {}), ...Object.values(this.after?.setsOn ?? {})].flat());
    const importsOf = (i: GeneratorIndex | undefined) => (doublers.size === 0 ? '' : JSON.stringify(Object.entries(i?.aliases ?? {}).filter(([k]) => doublers.has(k.slice(0, k.lastIndexOf('.')))).sort()));
    this.all = JSON.stringify(restBefore) !== JSON.stringify(restAfter) || unknown(this.before) !== unknown(this.after) || importsOf(this.before) !== importsOf(this.after);
    if (this.all) return;
    // An entry of one index only, or with another value in the other, is changed; an alias both have is shared
    const differs = (key: string) => {
      this.changed.push(partsOf(key));
    };
    const compare = <T>(was: Record<string, T>, is: Record<string, T>, same: (x: T, y: T) => boolean, both?: (key: string, value: T) => void, seen = differs) => {
      for (const key in was) {
        if (Object.hasOwn(is, key) && same(was[key]!, is[key]!)) both?.(key, was[key]!);
        else seen(key);
      }
      for (const key in is) if (!Object.hasOwn(was, key)) seen(key);
    };
    compare(this.before?.generators ?? {}, this.after?.generators ?? {}, (x, y) => JSON.stringify(x) === JSON.stringify(y));
    // (A pass-through generator is looked up by a call's dotted name as a generator is: `resolvePasses`)
    compare(this.before?.passes ?? {}, this.after?.passes ?? {}, (x, y) => JSON.stringify(x) === JSON.stringify(y));
    compare(this.before?.passesFrom ?? {}, this.after?.passesFrom ?? {}, (x, y) => JSON.stringify(x) === JSON.stringify(y));
    compare(this.before?.passesMixed ?? {}, this.after?.passesMixed ?? {}, (x, y) => JSON.stringify(x) === JSON.stringify(y));
    // Ex) `import os` added to `pkg/__init__.py`: `pkg.os` → `os`, under which neither index has a generator; no
    // name the alias can rewrite resolves to one, before or after, so no check can see it (`Reach`)
    const reach = (i: GeneratorIndex | undefined) => new Reach({ ...i?.generators, ...i?.passes }, i?.aliases ?? {});
    let reachBefore: Reach | undefined;
    let reachAfter: Reach | undefined;
    const changedAlias = (key: string) => {
      if ((reachBefore ??= reach(this.before)).under(key) || (reachAfter ??= reach(this.after)).under(key)) differs(key);
    };
    compare(this.before?.aliases ?? {}, this.after?.aliases ?? {}, (x, y) => x === y, (key, target) => this.shared.push([key, target]), changedAlias);
    const overrides = (i: GeneratorIndex | undefined) => Object.fromEntries((i?.plainOverrides ?? []).map((name) => [name, true]));
    compare(overrides(this.before), overrides(this.after), () => true);
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

  /**
   * False when what a file says cannot matter: no entry any file could see changed, and no name (only modules
   * may see the change, by their name). Ex) an import added that leads to no generator: no file is read.
   */
  get readsText(): boolean {
    return this.all || this.names.size > 0 || this.changed.length > 0;
  }

  /** False when no file's check can see the change, whatever it says (the indexes give every file the same part). */
  get reachesAny(): boolean {
    return this.readsText || this.modules.size > 0;
  }

  /** True when the check of the file of `module`, shown as `shown`, whose text is `text`, may see the change. */
  reaches(module: string, shown: string, text: string): boolean {
    if (this.all || this.modules.has(module)) return true;
    const own = partsOf(module);
    const says = (w: string) => ALWAYS_WORDS.includes(w) || own.includes(w) || this.word(w).test(text);
    for (const n of this.names) if (says(n)) return true;
    // A module two files share reads its own index (and the project's trigger names, above) only
    if (this.after?.ambiguous?.includes(module)) return JSON.stringify(this.before?.own?.[shown] ?? null) !== JSON.stringify(this.after.own?.[shown] ?? null);
    if (this.changed.length === 0) return false;
    if (!this.cone) {
      const used = coneOf(
        this.shared.map(([key, target]) => [partsOf(key), partsOf(target)]),
        this.changed,
      );
      this.cone = { closure: new AliasClosure(used), targetWords: new Set(used.flatMap(([, target]) => target)) };
    }
    const { closure, targetWords } = this.cone;
    // The changed entries whose every component the file says or a shared alias may point to: the closure decides
    const open = this.changed.filter((parts) => parts.every((p) => targetWords.has(p) || says(p)));
    if (open.length === 0) return false;
    // Ex) `rows` changed in `pkg.core` and the file says both `core` and `rows`: no closure is needed
    if (open.some((parts) => parts.every(says))) return true;
    const knows = closure.close(text, [...own, ...ALWAYS_WORDS]);
    return open.some((parts) => parts.every((p) => knows(p) || says(p)));
  }
}

/**
 * Whether a name under a dotted prefix (the prefix, or it and more parts) can resolve to a generator in an index:
 * what `resolveGenerator` (src/python/generators.ts) finds, counted high. A name is found when it is a generator's
 * key; else it is rewritten by the alias whose key is its longest prefix, at most ten times. So a name under `p`
 * can be found when a generator's key is under `p`, or an alias's key is under `p` and a name under its target can
 * be (every alias under `p`, not only the longest, is followed), or an alias's key is a prefix of `p` and a name
 * under its target with the rest of `p` can be; each with one rewrite fewer left.
 */
class Reach {
  private readonly generatorKeys: string[];
  private readonly aliasKeys: string[];
  private readonly known = new Map<string, boolean>();

  constructor(
    generators: Readonly<Record<string, unknown>>,
    private readonly aliases: Readonly<Record<string, string>>,
  ) {
    this.generatorKeys = Object.keys(generators).sort();
    this.aliasKeys = Object.keys(aliases).sort();
  }

  /** True when some name under `prefix` can resolve to a generator within `checks` looks (`resolveGenerator` makes ten). */
  under(prefix: string, checks = 10): boolean {
    if (checks <= 0) return false;
    const memo = `${checks}|${prefix}`;
    const was = this.known.get(memo);
    if (was !== undefined) return was;
    // (No cycle: each step has one look fewer.)
    let found = keysUnder(this.generatorKeys, prefix, 1).length > 0;
    for (const key of found ? [] : keysUnder(this.aliasKeys, prefix)) {
      if ((found = this.under(this.aliases[key]!, checks - 1))) break;
    }
    for (let end = prefix.lastIndexOf('.'); !found && end > 0; end = prefix.lastIndexOf('.', end - 1)) {
      const target = Object.hasOwn(this.aliases, prefix.slice(0, end)) ? this.aliases[prefix.slice(0, end)] : undefined;
      if (target !== undefined) found = this.under(target + prefix.slice(end), checks - 1);
    }
    this.known.set(memo, found);
    return found;
  }
}

/** The keys of sorted `keys` that are `prefix` or start with `prefix.` (the first `most` of them). */
function keysUnder(keys: readonly string[], prefix: string, most = Infinity): string[] {
  const out: string[] = [];
  if (keys[lowerBound(keys, prefix)] === prefix) out.push(prefix);
  const dotted = `${prefix}.`;
  for (let i = lowerBound(keys, dotted); out.length < most && i < keys.length && keys[i]!.startsWith(dotted); i++) out.push(keys[i]!);
  return out;
}

/** The first index of sorted `keys` whose key is not less than `key`. */
function lowerBound(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
  private readonly merged: Array<[string, string, string]>;
  /** The summaries by digest, once read (`summaryStore`); changed: written with the cache. */
  private store: Record<string, FileSummary> | undefined;
  private storeChanged = false;
  /** The digests the entries referred to when read: their summaries are in the summaries file, unless it was cut short. */
  private readonly stored = new Set<string>();
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
    const data = RunCache.load(this.file, build);
    this.entries = data.entries;
    this.merged = data.merged ?? [];
    for (const e of Object.values(this.entries)) for (const d of Object.values(e.summaries ?? {})) this.stored.add(d);
  }

  /** The cache in `dir` for this build; `undefined` when the build has no id (compiled without `npm run build`). */
  static open(dir: string): RunCache | undefined {
    const id = buildId();
    return id === undefined ? undefined : new RunCache(dir, id);
  }

  private static load(file: string, build: string): Pick<CacheFile, 'entries' | 'merged'> {
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
      if (data.format === FORMAT && data.build === build && data.entries && typeof data.entries === 'object') {
        return { entries: wellFormed(data.entries), merged: Array.isArray(data.merged) ? data.merged.filter((m) => Array.isArray(m) && m.every((x) => typeof x === 'string')) : [] };
      }
    } catch {
      // Ex) no cache yet, or one cut short by a full disk: start empty
    }
    return { entries: Object.create(null) as Record<string, Entry> };
  }

  /** The file of the summaries (`SummaryFile`). */
  private get storeFile(): string {
    return join(this.dir, `${this.build}.summaries.json`);
  }

  /** The summaries by digest, read when first asked for (none: an empty store). */
  private summaryStore(): Record<string, FileSummary> {
    if (!this.store) {
      try {
        const data = JSON.parse(readFileSync(this.storeFile, 'utf8')) as SummaryFile;
        if (data.format === FORMAT && data.build === this.build && data.summaries && typeof data.summaries === 'object') this.store = data.summaries;
      } catch {
        // Ex) removed, or cut short: the files are summarised again
      }
      this.store ??= Object.create(null) as Record<string, FileSummary>;
    }
    return this.store;
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

  /** The digest of the summary kept for `path` under `key`, while the file is as it was. */
  summaryDigest(path: string, key: string): string | undefined {
    return this.entry(path, false)?.summaries?.[key];
  }

  summary(path: string, key: string): FileSummary | undefined {
    const d = this.summaryDigest(path, key);
    if (d === undefined) return undefined;
    const s = this.summaryStore()[d];
    // Ex) the summaries file cut short: the summary made again is written again
    if (!s) this.stored.delete(d);
    return s;
  }

  putSummary(path: string, key: string, summary: FileSummary): void {
    const e = this.entry(path, true);
    if (!e) return;
    const d = summaryDigestOf(summary);
    (e.summaries ??= {})[key] = d;
    // The summary of a file saved again with a comment added is the one kept: the summaries file is not read
    if (!this.stored.has(d)) {
      this.summaryStore()[d] = summary;
      this.stored.add(d);
      this.storeChanged = true;
    }
    this.touched.add(path);
    this.changed = true;
  }

  /**
   * The key of the project index merged from the summaries whose digests, in the order of the project's files,
   * `fingerprint` hashes (`CheckCache.indexFingerprint`), if the last run of `scope` merged it.
   */
  mergedIndex(scope: string, fingerprint: string): string | undefined {
    const m = this.merged.find(([s]) => s === scope);
    return m?.[1] === fingerprint ? m[2] : undefined;
  }

  /** Keep the key of the index the run of `scope` merged from what `fingerprint` hashes, in place of the one before (a few scopes are kept). */
  keepMerged(scope: string, fingerprint: string, key: string): void {
    const m = this.merged[0];
    if (m?.[0] === scope && m[1] === fingerprint && m[2] === key) return;
    this.merged.splice(0, this.merged.length, [scope, fingerprint, key], ...this.merged.filter(([s]) => s !== scope).slice(0, KEPT_INDEXES - 1));
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
        // (An index with no generator facts, `{}` written by hand, is none: generator-close would read it as empty)
        const generators = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>).generators : undefined;
        if (generators && typeof generators === 'object' && !Array.isArray(generators) && typeof (generators as Record<string, unknown>).generators === 'object') index = parsed as ProjectIndex;
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
      const made = !existsSync(this.dir);
      makeDirectories(this.dir);
      // As Ruff's cache: git and backup tools leave the directory out. Only a directory withify made (or its
      // default one, or one it tagged before): `--cache-dir conf` names a directory of the user's, which a `*`
      // .gitignore would hide from git and the tag from backups
      const tag = join(this.dir, 'CACHEDIR.TAG');
      if (made || basename(this.dir) === '.withify_cache' || (existsSync(tag) && readFileSync(tag, 'utf8').includes('created by withify'))) {
        writeIfMissing(join(this.dir, '.gitignore'), '# Made by withify: its cache, safe to delete.\n*\n');
        writeIfMissing(tag, 'Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by withify.\n');
      }
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
      // The indexes this run made that kept results or merges refer to, each in a file of its own, written before
      // the entries that refer to it (a run killed between the two leaves an index no entry refers to, removed next time)
      const used = new Set<string>(this.merged.map(([, , key]) => key));
      for (const e of Object.values(this.entries)) for (const r of Object.values(e.results ?? {})) used.add(r.index);
      for (const key of this.madeIndexes) {
        const index = this.indexes.get(key);
        if (index && used.has(key) && !existsSync(this.indexFile(key))) writeAtomically(this.dir, this.build, this.indexFile(key), indexJson(index));
      }
      // The summaries the entries refer to, before the entries (a run killed between the two leaves entries whose
      // summaries are made again)
      if (this.storeChanged) {
        const summaries: Record<string, FileSummary> = {};
        const store = this.summaryStore();
        for (const e of Object.values(this.entries)) {
          for (const d of Object.values(e.summaries ?? {})) if (store[d]) summaries[d] = store[d];
        }
        writeAtomically(this.dir, this.build, this.storeFile, JSON.stringify({ format: FORMAT, build: this.build, summaries } satisfies SummaryFile));
        this.storeChanged = false;
      }
      writeAtomically(this.dir, this.build, this.file, JSON.stringify({ format: FORMAT, build: this.build, entries: this.entries, merged: this.merged } satisfies CacheFile));
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
      // Only files named as withify names its own (a build's 16 hex digits): `--cache-dir .` or a shared
      // `WITHIFY_CACHE_DIR` may hold other programs' JSON files, which are left alone
      for (const name of names) {
        const other = join(this.dir, name);
        if (OWN_JSON.test(name) && name !== `${this.build}.json` && name !== `${this.build}.summaries.json` && !keep.has(name)) rmSync(other, { force: true });
        else if (OWN_TMP.test(name) && (statSync(other, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < old) rmSync(other, { force: true });
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
  /** False while the index is known by its key only (`useMergedIndex`): read from its file when first needed. */
  private indexRead = true;
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

  /** What each directory's listing gives `besideKey`, read once per run. */
  private readonly besideByDir = new Map<string, string>();

  private resultKey(path: string): string {
    const own = optionsForFile(this.options, path);
    let key = this.byOptions.get(own);
    if (key === undefined) this.byOptions.set(own, (key = optionsKey(own)));
    return `${key}|${moduleKeyFor(path)}${besideKey(path, this.besideByDir)}`;
  }

  /** The directory the cache is kept in. */
  get dir(): string {
    return this.cache.dir;
  }

  summary(path: string): FileSummary | undefined {
    return this.cache.summary(path, this.summaryKey(path));
  }

  /** True when `summary` is the one kept for `path` (an editor's buffer whose summary is that of the file on disk). */
  keptSummaryIs(path: string, summary: FileSummary): boolean {
    const d = this.cache.summaryDigest(path, this.summaryKey(path));
    return d !== undefined && d === summaryDigestOf(summary);
  }

  /** True when a summary of `path` is kept (its digest: the summary itself is read only when asked for). */
  hasSummary(path: string): boolean {
    return this.cache.summaryDigest(path, this.summaryKey(path)) !== undefined;
  }

  putSummary(summary: FileSummary): void {
    this.puts++;
    this.cache.putSummary(summary.path, this.summaryKey(summary.path), summary);
  }

  /** The run's project index, once it is known (none: the run needs none). */
  setIndex(index: ProjectIndex | undefined): void {
    this.index = index;
    this.indexKey = indexKey(index);
    this.indexRead = true;
    this.changes.clear();
  }

  /**
   * What the project's summaries are, as one hash: the run's working directory and `--whole-files`, and each of
   * `projectFiles` (in their order) with the digest of its kept summary, or none. The same hash, the same summaries,
   * so the same index (`mergeSummaries` depends on nothing else; the cache is of one build).
   */
  private indexFingerprint(projectFiles: readonly string[]): string {
    // Ex) `useMergedIndex`, then after the merge `keepMergedIndex`, of the same files: hashed once when no summary
    // was put between (11,555 files: 55 ms)
    const f = this.fingerprinted;
    if (f && f.files === projectFiles && f.puts === this.puts) return f.hash;
    const hash = createHash('sha256').update(this.indexScope);
    for (const p of projectFiles) hash.update(`\n${p}\0${this.cache.summaryDigest(p, this.summaryKey(p)) ?? '-'}`);
    const out = hash.digest('hex').slice(0, 32);
    this.fingerprinted = { files: projectFiles, puts: this.puts, hash: out };
    return out;
  }

  /** The last fingerprint, of which files, after how many `putSummary`. */
  private fingerprinted: { files: readonly string[]; puts: number; hash: string } | undefined;
  private puts = 0;

  /** What the index depends on besides the summaries: the working directory (`GeneratorIndex.own`'s paths) and `--whole-files`. */
  private get indexScope(): string {
    return JSON.stringify([this.options.cwd, this.options.wholeFiles === true]);
  }

  /**
   * Once the index is merged (`setIndex`) from the kept summaries of `projectFiles`: keep it, and which summaries
   * it was merged from, so that a run whose summaries are the same takes it without merging (`useMergedIndex`).
   */
  keepMergedIndex(projectFiles: readonly string[]): void {
    if (!this.index) return;
    this.cache.keepIndex(this.indexKey, this.index);
    this.cache.keepMerged(this.indexScope, this.indexFingerprint(projectFiles), this.indexKey);
  }

  /**
   * Take as the run's index the one a run merged from the same summaries of `projectFiles` (`keepMergedIndex`),
   * by its key: its file is read only when a result must be made or told apart (`projectIndex`). False when no
   * run did.
   */
  useMergedIndex(projectFiles: readonly string[]): boolean {
    const key = this.cache.mergedIndex(this.indexScope, this.indexFingerprint(projectFiles));
    if (key === undefined) return false;
    this.index = undefined;
    this.indexKey = key;
    this.indexRead = false;
    this.changes.clear();
    return true;
  }

  /** The run's project index, read from its file when it was taken by key (`useMergedIndex`); `undefined` when that file is gone. */
  projectIndex(): ProjectIndex | undefined {
    if (!this.indexRead) {
      this.index = this.cache.keptIndex(this.indexKey);
      this.indexRead = true;
    }
    return this.index;
  }

  /**
   * True when a result made with the index kept under `made` holds for this run's: the file's check reads the
   * same part of both (`IndexChange`, read from the file, unchanged since). False when either is unknown.
   */
  private samePart(path: string, made: string): boolean {
    let change = this.changes.get(made);
    if (change === undefined) {
      const kept = this.cache.keptIndex(made);
      const index = this.projectIndex();
      this.changes.set(made, (change = kept && index ? new IndexChange(kept, index) : null));
    }
    if (!change) return false;
    let text = '';
    try {
      if (change.readsText) text = decodeSource(readFileSync(path)).text;
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
      const index = this.projectIndex();
      if (index) this.cache.keepIndex(this.indexKey, index);
      this.cache.renewResult(path, key, this.indexKey);
    }
    return { ...r, path: displayPath(this.options.cwd, path) };
  }

  putResult(path: string, result: FileResult): void {
    if (this.readOnly) return;
    const index = this.projectIndex();
    if (index) this.cache.keepIndex(this.indexKey, index);
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

/**
 * `mkdir -p`, one level at a time: Node 20's `mkdirSync(dir, { recursive: true })` never returns for a path under
 * `/proc` (`--cache-dir /proc/nope`), where each level's `mkdir` fails with ENOENT; here that error is the cache's
 * "cannot write" warning.
 */
function makeDirectories(dir: string): void {
  if (existsSync(dir)) return;
  const parent = dirname(dir);
  if (parent !== dir) makeDirectories(parent);
  mkdirSync(dir);
}

/**
 * What of the modules beside `path` its result depends on (`modulesBesideFile`): whether a fix may import `contextlib`
 * or `pathlib` (a module of that name beside the file, `os.py` beside it), and in a package's `__init__.py` every
 * submodule (a fresh name avoids them). Empty for a file with none of them: the key is as before.
 * Ex) `pkg/pathlib.py` removed: `pkg/m.py`'s kept result, where the unsafe fix was refused, is no longer taken.
 */
function besideKey(path: string, besideByDir: Map<string, string>): string {
  const init = basename(path) === '__init__.py';
  const dir = dirname(path);
  const k = `${init}|${dir}`;
  let key = besideByDir.get(k);
  if (key === undefined) {
    // (Beside a plain file only the few names that matter are looked at: a directory of 20,000 subdirectories is not
    // asked for each one's `__init__.py`)
    const names = (init ? [...modulesBesideFile(path)] : besideNames(dir)).filter((n) => init || BESIDE_NAMES.has(n)).sort();
    key = names.length ? `|beside:${names.join(',')}` : '';
    besideByDir.set(k, key);
  }
  return key;
}
const BESIDE_NAMES = new Set(['contextlib', 'pathlib', 'os', 'closing', 'aclosing', 'Path']);

/** Which of BESIDE_NAMES are modules or packages in `dir`, as `modulesBesideFile` reads a plain file's directory. */
function besideNames(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  const have = new Set(entries);
  const out: string[] = [];
  for (const n of BESIDE_NAMES) {
    if (['py', 'pyc', 'so', 'pyd'].some((x) => have.has(`${n}.${x}`)) || entries.some((e) => e.startsWith(`${n}.`) && /\.(?:so|pyd)$/.test(e))) out.push(n);
    else if (have.has(n) && existsSync(join(dir, n, '__init__.py'))) out.push(n);
  }
  return out;
}
