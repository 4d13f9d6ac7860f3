// Project-wide facts gathered in a first pass over every input file, before any file is rewritten.
// Two steps so the first pass can run in worker threads: `summarizeFile` (per file, plain serialisable
// data) and `mergeSummaries` (once, on the main thread). The result travels to every worker as `ProjectIndex`.
//
// Today's only client is generator-close (WFY201): which generator functions hold cleanup while
// suspended (src/python/generators.ts), resolved across modules through imports.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { decodeSource, parseableLineEnds, type DecodedSource } from './engine/read.js';
import { parsePython } from './engine/parse.js';
import { listingOf } from './listing.js';
import { displayPath } from './process-file.js';
import { attributesSetOnValues, specialMethods, classChildren, doubledAttributes, mockedTargets, generatorSelection, patchedAttributes, importAliasesFromText, isPackageFile, packageBindsFromText, mergeModuleFacts, moduleFacts, moduleKey, subclassesFromOutline, subclassesFromText, saysYield, swallowersFromText, type GeneratorIndex, type GeneratorSummary, type ModuleFacts } from './python/generators.js';
import { includedRanges, outline, planRanges, type Outline } from './python/outline.js';
import { NameIndex } from './python/scopes.js';
import { STDLIB_MODULES } from './python/stdlib-names.js';
import type { ProjectIndex, TransformOptions } from './types.js';
import { activeTransforms } from '../transforms/index.js';

/** What one file contributes to the project index. Plain JSON data. */
export interface FileSummary {
  path: string;
  moduleName: string | undefined;
  /** Generator functions and module-level imports (absent when the file has neither `yield` nor `import`). */
  generators?: ModuleFacts;
  [key: string]: unknown;
}

/** True when the run needs the project-wide pass at all (an active transform reads `ctx.project`). */
export function needsProjectIndex(options: TransformOptions): boolean {
  return activeTransforms(options).some((t) => t.needsProject === true);
}

const isPackageDir = new Map<string, boolean>();
const ROOT_MARKERS = ['os.py', 'pyproject.toml', 'setup.py', 'setup.cfg', '.git'];

/**
 * The dotted module name of `path`, found the way Python finds it: walk up while the directory is a
 * package (has `__init__.py`). `pkg/sub/mod.py` → `pkg.sub.mod`; `pkg/__init__.py` → `pkg`.
 */
export function moduleNameFor(path: string): string | undefined {
  if (!path.endsWith('.py')) return undefined;
  const stem = basename(path).slice(0, -3);
  const parts = stem === '__init__' ? [] : [stem];
  let dir = dirname(path);
  for (;;) {
    let pkg = isPackageDir.get(dir);
    if (pkg === undefined) {
      pkg = listingOf(dir)?.init ?? existsSync(join(dir, '__init__.py'));
      isPackageDir.set(dir, pkg);
    }
    if (!pkg) break;
    parts.unshift(basename(dir));
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  // Ex) `scripts/glob.py`, not in a package: `from glob import glob` in the project's packages imports the
  // standard library's. Not at a project's root (`pyproject.toml`, `setup.py`, `.git` there), which is first on
  // `sys.path` for the code run from it (a `queue.py` there is what its tests import), nor in the standard
  // library itself (an `os.py` there)
  if (parts.length === 1 && dir === dirname(path) && STDLIB_MODULES.has(parts[0]!) && !ROOT_MARKERS.some((m) => existsSync(join(dir, m)))) return undefined;
  return parts.length ? parts.join('.') : undefined;
}

/**
 * The name the project index knows `path` by, in the first pass and the second alike: its dotted module
 * name, else `<path>` (a script without `.py`, named on the command line). The second pass must not key it
 * by the path it displays, which is relative to the working directory.
 */
export function moduleKeyFor(path: string): string {
  return moduleKey(path, moduleNameFor(path));
}

// Cheap pre-filter: a file with no `yield` defines no generator (saysYield); one with no `import` re-exports nothing.
const IMPORT_RE = /\bimport\b/;

/** `whole`: parse a file with `yield` whole rather than only around its generators (`--whole-files`). */
export function summarizeFile(path: string, original: string, moduleName: string | undefined, whole = false, outlined?: (o: Outline) => void): FileSummary {
  const summary = summarizeText(path, original, moduleName, whole, outlined);
  const facts = summary.generators;
  // (An import the alias reading left out, `for core.rows in fakes:` taking `core` as maybe bound again, is read there)
  if (facts && (Object.keys(facts.aliases).length || original.includes('setattr') || IMPORT_RE.test(original))) {
    const patched = patchedAttributes(original, moduleKey(path, moduleName), facts.aliases);
    // (With the module's own replaced methods, from moduleFacts: `Table.__iter__ = …`)
    if (patched.length) facts.patched = [...new Set([...(facts.patched ?? []), ...patched])];
  }
  // Ex) `store.rows = lambda: iter([7])`, `monkeypatch.setattr(store, "rows", …)` in a test: on an instance (a test
  // that takes `store` from a fixture may import nothing)
  const setsOn = attributesSetOnValues(original);
  // Ex) `mock.patch("pkg.core.rows", return_value=[5])`, `monkeypatch.setattr(core, "rows", …)` in a test
  const doubled = doubledAttributes(original, moduleKey(path, moduleName), facts?.aliases ?? {});
  // Ex) `@mock.patch("pkg.fetch.urlopen")` with no value: a `MagicMock`, which the resource rules' `with` would enter
  const mocked = mockedTargets(original).filter((t) => !doubled.includes(t));
  // Ex) `class LogErrors:` / `def __exit__(self, *exc): return True`: `with LogErrors():` around a `yield` of another
  // module's generator swallows what its close throws in
  const swallows = swallowersFromText(original);
  if (doubled.length || mocked.length || setsOn.length || swallows.length) {
    return { ...summary, generators: { generators: [], aliases: {}, ...facts, ...(doubled.length ? { doubled } : {}), ...(mocked.length ? { mocked } : {}), ...(setsOn.length ? { setsOn } : {}), ...(swallows.length ? { swallows } : {}) } };
  }
  return summary;
}

function summarizeText(path: string, original: string, moduleName: string | undefined, whole = false, outlined?: (o: Outline) => void): FileSummary {
  // As processSource reads it (the same offsets: the outline stays good for the original).
  const text = parseableLineEnds(original);
  let o: Outline | undefined;
  let sel: ReturnType<typeof generatorSelection> | undefined;
  if (saysYield(text)) {
    o = outline(text);
    outlined?.(o);
    sel = whole ? 'whole' : generatorSelection(text, o);
  }
  // Ex) pydoc_data/topics.py: `yield` only in its strings, read as text like a file that never says it.
  if (sel === undefined || sel === 'none') {
    const subclasses = o ? subclassesFromOutline(text, o, new Set()) : subclassesFromText(text);
    // (A parsed file's `moduleFacts` reads them itself)
    const special = specialMethods(text);
    const methods = { ...(subclasses.length ? { subclasses } : {}), ...(special.length ? { special } : {}) };
    const loc = { moduleName: moduleKey(path, moduleName), isPackage: isPackageFile(path) };
    if (!IMPORT_RE.test(text)) {
      // Ex) `core = None` in `pkg/__init__.py`, beside `pkg/core.py`
      const binds = loc.isPackage ? packageBindsFromText(text, {}, loc) : [];
      const more = { ...methods, ...(binds.length ? { binds } : {}) };
      return Object.keys(more).length ? { path, moduleName, generators: { generators: [], aliases: {}, ...more } } : { path, moduleName };
    }
    // Only the imports and method names matter: read them from the text, parsing is most of this pass's time.
    // Ex) `def query(n): return core.rows(n)`: a wrapper of another module's generator, read from the text
    const returners: GeneratorSummary[] = [];
    const aliases = importAliasesFromText(text, loc, returners);
    const binds = loc.isPackage ? packageBindsFromText(text, aliases, loc) : [];
    return { path, moduleName, generators: { generators: returners, aliases, ...methods, ...(binds.length ? { binds } : {}) } };
  }
  const loc = { moduleName: moduleKey(path, moduleName), isPackage: isPackageFile(path) };
  // Parsed only where `yield` is, with what naming and counting bindings needs (generatorSelection).
  // One pass only (no second look as in the pipeline): any part left out is time saved.
  const plan = sel === 'whole' ? 'whole' : planRanges(text, o!, sel, 0.9);
  let tree = plan === 'whole' ? parsePython(text) : parsePython(text, includedRanges(text, plan.ranges));
  // Ex) a line the outline read differently from tree-sitter: the whole file settles it
  if (plan !== 'whole' && tree.rootNode.hasError) tree = parsePython(text);
  const root = tree.rootNode;
  return { path, moduleName, generators: moduleFacts(root, new NameIndex(root), loc, true, { text, outline: o! }) };
}

/**
 * Read, decode and summarise one file; undefined when it cannot be read or decoded (the second pass reports
 * it). `keep` receives the decoded file, so that the second pass need not read it again.
 */
export function summarizePath(path: string, whole = false, keep?: (path: string, decoded: DecodedSource) => void): FileSummary | undefined {
  let decoded: DecodedSource;
  try {
    decoded = decodeSource(readFileSync(path));
  } catch {
    return undefined;
  }
  keep?.(path, decoded);
  // The second pass reads the outline of a file kept here instead of making it again.
  return summarizeFile(path, decoded.text, moduleNameFor(path), whole, keep ? (o) => (decoded.outline = o) : undefined);
}

/**
 * The project index from every file's summary. With the run's working directory `cwd`, each module two files
 * share gets the index of its own module under the path reports show (`GeneratorIndex.own`: the second pass
 * knows a file by it); without, under the summary's path.
 */
export function mergeSummaries(given: readonly FileSummary[], cwd?: string): ProjectIndex {
  // In path order, whatever order the threads (or the cache) gave them in: the same files, the same index
  const summaries = [...given].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const modules = summaries.map((s) => ({ moduleName: moduleKey(s.path, s.moduleName), facts: s.generators ?? { generators: [], aliases: {} } }));
  const classes = classChildren(modules);
  const generators = mergeModuleFacts(modules, classes);
  // Ex) two `conftest.py` outside packages: left out of the index, each resolves calls within itself, as
  // an index of its own module alone says; the classes of every module may still override its methods.
  if (generators.ambiguous.length) {
    const shared = new Set(generators.ambiguous);
    const own: Record<string, GeneratorIndex> = {};
    summaries.forEach((s, i) => {
      if (shared.has(modules[i]!.moduleName)) own[cwd === undefined ? s.path : displayPath(cwd, s.path)] = mergeModuleFacts([modules[i]!], classes);
    });
    generators.own = own;
  }
  return { generators };
}

/** The first pass, on one thread: every file summarised, then merged. */
export function buildProjectIndex(paths: readonly string[], whole = false, cwd?: string, keepSummaries?: Map<string, string>): ProjectIndex {
  const summaries: FileSummary[] = [];
  for (const p of paths) {
    const s = summarizePath(p, whole);
    if (s) summaries.push(s);
    if (s) keepSummaries?.set(p, JSON.stringify(s));
  }
  return mergeSummaries(summaries, cwd);
}

/**
 * The first pass in one thread of a bulk run: `afterEach` runs between files (the runner frees the trees
 * there), and the pass stops, returning `undefined`, once `stopped()` says so. `keepSummaries` receives each
 * file's summary by path, as JSON (a `fix` or `diff` run's later rounds merge them again: src/rounds.ts; kept as
 * objects, the names they hold, cut from the files' texts, kept every text: 25 MB more for the stdlib).
 */
export async function buildProjectIndexAsync(paths: readonly string[], afterEach: () => Promise<void>, stopped: () => boolean, whole = false, keep?: (path: string, decoded: DecodedSource) => void, cwd?: string, cache?: SummaryCache, keepSummaries?: Map<string, string>): Promise<ProjectIndex | undefined> {
  const summaries: FileSummary[] = [];
  for (const p of paths) {
    if (stopped()) return undefined;
    const s = keptOrSummarized(p, whole, cache, keep);
    if (s) summaries.push(s);
    if (s) keepSummaries?.set(p, JSON.stringify(s));
    await afterEach();
  }
  return mergeSummaries(summaries, cwd);
}

/** Summaries kept from an earlier run (src/cache.ts), by path. */
export interface SummaryCache {
  summary(path: string): FileSummary | undefined;
  putSummary(summary: FileSummary): void;
}

/** The summary of `path` kept in `cache`, else made now (`summarizePath`) and kept there. */
export function keptOrSummarized(path: string, whole: boolean, cache?: SummaryCache, keep?: (path: string, decoded: DecodedSource) => void): FileSummary | undefined {
  const kept = cache?.summary(path);
  if (kept) return kept;
  const s = summarizePath(path, whole, keep);
  if (s) cache?.putSummary(s);
  return s;
}
