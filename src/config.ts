// `[tool.withify]` in pyproject.toml (or a file named with --config): the defaults a project sets for
// every run. The command line overrides each key it gives.
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { NEWEST_TARGET, parseGeneratorStyle, parsePythonVersion, unsupportedTarget, versionAtLeast } from './options.js';
import { escapeGlob } from './glob.js';
import { allListings, listingOf } from './listing.js';
import type { GeneratorStyle, PythonVersion } from './types.js';
import type { IndexScope } from './walk.js';
import { isWithin, realOrSelf } from './walk.js';

/** Settings a config file may give; every one is optional. Globs are already resolved against the file's directory. */
export interface ConfigSettings {
  select?: string[];
  ignore?: string[];
  exclude?: string[];
  include?: string[];
  unsafeFixes?: boolean;
  targetVersion?: PythonVersion;
  generatorStyle?: GeneratorStyle;
  allLoops?: boolean;
  /** Transforms to skip in the files a glob matches (Ruff's `per-file-ignores`), globs resolved as `exclude`'s. */
  perFileIgnores?: PerFileIgnore[];
  /** What generator-close's first pass reads: the whole project (default) or only the run's files. */
  indexScope?: IndexScope;
}

/** One entry of `per-file-ignores`: in the files `glob` matches (or that lie in a directory it matches), skip `rules`. */
export interface PerFileIgnore {
  glob: string;
  rules: string[];
  /**
   * The directory whose subdirectories a glob with no `/` names (`"legacy"`: every file below a directory of that
   * name under `base`): the config file's, whatever the working directory (the working directory, for a `--config` file
   * kept outside it and its parents). Default: the run's working directory.
   */
  base?: string;
}

export interface LoadedConfig {
  /** The file the settings came from, or the pyproject.toml that gave only `requires-python`. */
  path: string;
  settings: ConfigSettings;
  /** The oldest version `[project] requires-python` allows, e.g. `>=3.9` → [3, 9]. */
  requiresPython?: PythonVersion;
  /** The settings are the file's top-level keys (a `--config withify.toml`), not a `[tool.withify]` table. */
  topLevel?: boolean;
  /** Where its globs count from, when not its own directory: the working directory, for a `--config` file kept elsewhere. */
  globBase?: string;
}

/**
 * Where in its file a setting sits, as an error names it: `[tool.withify] ` before the key, or nothing for a file of
 * top-level keys. Ex) `--config w2.toml` holding `selects = [...]`: it has no [tool.withify] for the error to name
 */
export const sectionOf = (config: Pick<LoadedConfig, 'topLevel'>): string => (config.topLevel ? '' : '[tool.withify] ');

/** A config file that cannot be read or has a wrong key or value: a usage error (exit 2). */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Every key `[tool.withify]` accepts, in the order docs/bulk.md lists them. */
export const CONFIG_KEYS = ['select', 'ignore', 'exclude', 'include', 'unsafe-fixes', 'target-version', 'generator-style', 'all-loops', 'per-file-ignores', 'index-scope'] as const;

type Table = Record<string, unknown>;
const isTable = (v: unknown): v is Table => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** A config file that cannot be read, or is not TOML. `saysWithify`: its text has a `[tool.withify]` header. */
class UnreadableConfig extends ConfigError {
  constructor(
    message: string,
    readonly saysWithify: boolean,
  ) {
    super(message);
  }
}

function readToml(path: string): Table {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UnreadableConfig(`${path}: cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, false);
  }
  try {
    return parseToml(text) as Table;
  } catch (err) {
    const saysWithify = /^[ \t]*\[+[ \t]*tool[ \t]*\.[ \t]*"?withify"?[ \t]*[\].]/m.test(text);
    throw new UnreadableConfig(`${path}: not valid TOML: ${(err as Error).message.split('\n')[0]}`, saysWithify);
  }
}

/**
 * The lowest Python version a PEP 440 specifier allows: `>=3.9` → 3.9, `~=3.10` → 3.10, `>=3.8,<4` → 3.8,
 * `==3.11.*` → 3.11. Undefined when no clause gives a lower bound.
 */
export function parseRequiresPython(spec: string): PythonVersion | undefined {
  let lowest: PythonVersion | undefined;
  for (const clause of spec.split(',')) {
    // Ex) `>=3.8`; `>=3`, `>3`, `==3.*` (a version of one part, or a wildcard minor: its lowest is x.0)
    const m = /^\s*(>=|~=|==|>)\s*[vV]?(\d+)(?:\.(\d+|\*))?/.exec(clause);
    if (!m) continue;
    const v: PythonVersion = [Number(m[2]), m[3] === undefined || m[3] === '*' ? 0 : Number(m[3])];
    if (!lowest || v[0] > lowest[0] || (v[0] === lowest[0] && v[1] > lowest[1])) lowest = v; // clauses are ANDed: the tightest bound wins
  }
  // Ex) `>=3.7,!=3.7.*`: a minor version excluded whole moves the lowest to the next one (`!=3.7` leaves 3.7.1)
  const excluded = new Set([...spec.matchAll(/!=\s*(\d+)\.(\d+)\.\*/g)].map((m) => `${m[1]}.${m[2]}`));
  while (lowest && excluded.has(`${lowest[0]}.${lowest[1]}`)) lowest = [lowest[0], lowest[1] + 1];
  return lowest;
}

function stringList(file: string, key: string, value: unknown, section = '[tool.withify] '): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    const example = key === 'exclude' || key === 'include' ? '"build/**"' : '"open-chain"';
    throw new ConfigError(`${file}: ${section}${key} must be a list of strings, e.g. ${key} = [${example}]`);
  }
  return value as string[];
}

function bool(file: string, key: string, value: unknown, section = '[tool.withify] '): boolean {
  if (typeof value !== 'boolean') throw new ConfigError(`${file}: ${section}${key} must be true or false`);
  return value;
}

/** A glob that names nothing: `""`, `"/"`, `"./"`, `"."`, `"/."`, `".."` (no file or directory has such a name). */
export const emptyGlob = (g: string): boolean => g.split('/').every((part) => part === '' || part === '.' || part === '..');

/**
 * Validate one `[tool.withify]` table. `file` names it in errors; relative globs resolve against its directory.
 * `topLevel`: the table is the file's top level (`--config withify.toml`), which errors name so.
 */
export function parseSettings(table: Table, file: string, topLevel = false, base = dirname(file)): ConfigSettings {
  const section = sectionOf({ topLevel });
  const dir = base;
  // A glob with a `/` is relative to `base` (the config file's directory, or the working directory for a `--config`
  // file kept elsewhere: loadConfig); one without matches a name anywhere.
  // Ex) `include = [""]`: as `--include ''`, a glob of nothing would check no file without a word (a gate passes)
  const globs = (key: string, v: unknown) =>
    stringList(file, key, v, section)
      .map((g) => {
        const glob = g.replace(/\/+$/, '').replace(/^(?:\.\/)+/, '');
        if (emptyGlob(g)) throw new ConfigError(`${file}: ${section}${key}: ${JSON.stringify(g)} is no glob (it names nothing); give one, e.g. ${key === 'per-file-ignores' ? `${key} = { "tests/fixtures/**" = ["generator-close"] }` : `${key} = ["tests/fixtures/**"]`}`);
        return glob;
      })
      .map((g) => (g.includes('/') && !isAbsolute(g) ? `${escapeGlob(dir).replace(/\/$/, '')}/${g}` : g));
  const out: ConfigSettings = {};
  for (const [key, value] of Object.entries(table)) {
    switch (key) {
      case 'select':
        out.select = stringList(file, key, value, section);
        // As `--select ''`: a selection of nothing is a mistake (leave the key out for every transform)
        if (out.select.length === 0 || out.select.some((v) => v.trim() === '')) throw new ConfigError(`${file}: ${section}select names no transform: list ids or codes, e.g. select = ["open-chain"], or leave it out for all`);
        break;
      case 'ignore':
        out.ignore = stringList(file, key, value, section);
        break;
      case 'exclude':
        out.exclude = globs(key, value);
        break;
      case 'include':
        out.include = globs(key, value);
        break;
      case 'unsafe-fixes':
        out.unsafeFixes = bool(file, key, value, section);
        break;
      case 'all-loops':
        out.allLoops = bool(file, key, value, section);
        break;
      case 'target-version': {
        const v = typeof value === 'string' ? parsePythonVersion(value) : undefined;
        if (!v) throw new ConfigError(`${file}: ${section}target-version must be a string like "3.9", not ${JSON.stringify(value)}`);
        const unsupported = unsupportedTarget(v);
        if (unsupported) throw new ConfigError(`${file}: ${section}target-version: ${unsupported}`);
        out.targetVersion = v;
        break;
      }
      case 'per-file-ignores': {
        // Ex) per-file-ignores = { "tests/**" = ["generator-close"], "__init__.py" = ["WFY101"] }
        if (!isTable(value)) throw new ConfigError(`${file}: ${section}per-file-ignores must be a table of globs to lists of transforms, e.g. per-file-ignores = { "tests/**" = ["generator-close"] }`);
        out.perFileIgnores = Object.entries(value).map(([glob, rules]) => ({ glob: globs(key, [glob])[0] ?? glob, rules: stringList(file, `per-file-ignores."${glob}"`, rules, section), base: resolve(dir) }));
        break;
      }
      case 'generator-style': {
        const v = typeof value === 'string' ? parseGeneratorStyle(value) : undefined;
        if (!v) throw new ConfigError(`${file}: ${section}generator-style must be "try-finally" or "closing", not ${JSON.stringify(value)}`);
        out.generatorStyle = v;
        break;
      }
      case 'index-scope': {
        if (value !== 'project' && value !== 'run') throw new ConfigError(`${file}: ${section}index-scope must be "project" or "run", not ${JSON.stringify(value)}`);
        out.indexScope = value;
        break;
      }
      default:
        throw new ConfigError(`${file}: unknown key "${key}"${topLevel ? '' : ' in [tool.withify]'}; the keys are ${CONFIG_KEYS.join(', ')}`);
    }
  }
  return out;
}

/**
 * The target `[project] requires-python` gives a run (no `target-version` in `[tool.withify]` nor on the command line):
 * the oldest Python 3 it allows (`>=2.7, !=3.0.*, !=3.1.*` is 3.2), at least 3.1, whose `with` of several items the
 * fixes use (`>=3`: 3.0, which nothing runs any more); newer than withify knows (`>=3.15`): the newest it knows, whose
 * syntax those versions read too.
 */
function requiresPythonTarget(v: PythonVersion): PythonVersion {
  if (!versionAtLeast(v, [3, 1])) return [3, 1];
  return versionAtLeast(NEWEST_TARGET, v) ? v : NEWEST_TARGET;
}

function requiresPythonOf(doc: Table): PythonVersion | undefined {
  const project = doc.project;
  const spec = isTable(project) ? project['requires-python'] : undefined;
  if (typeof spec !== 'string') return undefined;
  // (Its oldest Python 3: the clauses are ANDed, and `!=3.0.*` then moves it on. One with no lower bound, `<3.8`,
  // `!=3.5.*`, or none at all, `""`, allows 3.0 on; one that is no PEP 440 specifier, `>=3.11 || >=3.7`, may allow
  // anything: 3.0 on too, so that no fix writes syntax a Python it allows cannot read (review rw2). An empty clause, a
  // trailing comma, says nothing)
  const clauses = spec.split(',').filter((c) => c.trim() !== '');
  return parseRequiresPython(clauses.every((c) => SPECIFIER.test(c)) ? `${clauses.join(',')}, >=3.0` : '>=3.0');
}

/**
 * One clause of a PEP 440 version specifier, as `packaging` reads it: `>=3.8`, `==3.11.*`, `~=3.10`, `!=3.5.*`, `<4`,
 * `>=V3.8`, a pre-, post- or dev-release in any of its spellings (`3.8.0-rc1`, `3.8c1`, `3.8_post1`, `3.8-1`), a local
 * version (`+ubuntu`).
 */
// (Each part optional once, no quantifier inside another: a long run of letters must not make the match take
// exponential time, review rw8; `3.10.x`, `3.10final`, `3.10..0` are no versions)
const SPECIFIER = /^\s*(?:~=|===?|!=|<=|>=|<|>)\s*v?\d+(?:\.\d+)*(?:\.\*)?(?:[-_.]?(?:a|b|c|rc|alpha|beta|pre|preview)[-_.]?\d*)?(?:-\d+|[-_.]?(?:post|rev|r)[-_.]?\d*)?(?:[-_.]?dev[-_.]?\d*)?(?:\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?\s*$/i;

function toolTable(doc: Table): Table | undefined {
  const tool = doc.tool;
  const table = isTable(tool) ? tool.withify : undefined;
  if (table !== undefined && !isTable(table)) throw new ConfigError('[tool.withify] must be a table');
  return table;
}

/** Read one file: a pyproject.toml (its `[tool.withify]` table) or a standalone TOML file of the same keys. */
export function readConfigFile(path: string, base = dirname(path)): LoadedConfig {
  const doc = readToml(path);
  let table: Table | undefined;
  try {
    table = toolTable(doc);
  } catch (err) {
    throw new ConfigError(`${path}: ${(err as Error).message}`);
  }
  if (table === undefined && basename(path) !== 'pyproject.toml') {
    // Ex) `--config ci/pyproject-ci.toml` with `[tool.black]` and no `[tool.withify]`: it was read as a file of
    // withify keys at the top level, and failed with `unknown key "tool" in [tool.withify]`
    const tables = ['tool', 'project', 'build-system'].filter((k) => isTable(doc[k]));
    if (tables.length) throw new ConfigError(`${path}: no [tool.withify] table (the file has ${tables.map((t) => `[${t}]`).join(', ')}, as a pyproject.toml has); put withify's settings under [tool.withify], or give a file with them at its top level`);
    // withify.toml style: keys at the top
    return { path, settings: parseSettings(doc, path, true, base), requiresPython: requiresPythonOf(doc), topLevel: true };
  }
  return { path, settings: parseSettings(table ?? {}, path, false, base), requiresPython: requiresPythonOf(doc) };
}

/**
 * The configuration for a run started in `cwd`: the file given with `--config`, else the nearest
 * pyproject.toml upward with a `[tool.withify]` table, else (for `requires-python` only) the nearest
 * pyproject.toml. Undefined when there is none.
 */
export function loadConfig(options: { cwd: string; configPath?: string }): LoadedConfig | undefined {
  if (options.configPath !== undefined) {
    const path = resolve(options.cwd, options.configPath);
    if (!existsSync(path)) throw new ConfigError(`--config: ${options.configPath}: no such file`);
    // Ex) `--config .`: "cannot read: EISDIR"
    if (statSync(path).isDirectory()) throw new ConfigError(`--config: ${options.configPath}: is a directory; name the TOML file (e.g. ${join(options.configPath, 'pyproject.toml')})`);
    // Ex) `--config ci/withify.toml` from the root: its `exclude = ["tests/**"]` names the root's tests, as Ruff reads a
    // `--config` file's paths from the working directory (review rv55a: they were read from `ci/`). A file in the working
    // directory or above it is read from its own directory, as the one found there would be.
    const within = isWithin(realOrSelf(resolve(options.cwd)), realOrSelf(dirname(path)));
    const named = within ? readConfigFile(path) : { ...readConfigFile(path, resolve(options.cwd)), globBase: resolve(options.cwd) };
    // Ex) `--config ci/pyproject.toml` whose table is misspelt (`[tool.withfy]`): a run with the defaults said nothing
    if (basename(path) === 'pyproject.toml' && toolTable(readToml(path)) === undefined) {
      throw new ConfigError(`--config: ${options.configPath}: no [tool.withify] table; put withify's settings under [tool.withify]`);
    }
    return named;
  }
  let nearest: LoadedConfig | undefined;
  for (let d = resolve(options.cwd); ; d = dirname(d)) {
    const path = join(d, 'pyproject.toml');
    if (existsSync(path)) {
      const doc = readToml(path);
      let table: Table | undefined;
      try {
        table = toolTable(doc);
      } catch (err) {
        throw new ConfigError(`${path}: ${(err as Error).message}`);
      }
      if (table !== undefined) return { path, settings: parseSettings(table, path), requiresPython: requiresPythonOf(doc) };
      nearest ??= { path, settings: {}, requiresPython: requiresPythonOf(doc) };
    }
    if (dirname(d) === d) return nearest;
  }
}

const projectTargets = new Map<string, PythonVersion | null>();

/**
 * The Python the project holding directory `dir` is written for: from the nearest pyproject.toml upward that says
 * one, its `[tool.withify] target-version`, else its `requires-python`; `undefined` when none does. A pyproject.toml
 * that says neither (`[tool.black]` alone), cannot be read, or is not TOML and has no `[tool.withify]` header is
 * passed over. Throws ConfigError for a `[tool.withify]` the root's would be an error for (a wrong key or value). Where `dir` is reached through a
 * symbolic link, the older of the two paths' answers (the link's parents and the real ones).
 * Ex) `root/pyproject.toml` requires 3.11 and `root/sub/pyproject.toml` 3.6: a file of `root/sub/inner/` is sub's.
 */
export function projectTargetOf(dir: string): PythonVersion | undefined {
  let out = projectTargetsByDir.get(dir);
  if (out === undefined) projectTargetsByDir.set(dir, (out = projectTargetOfDir(dir) ?? null));
  return out ?? undefined;
}

const projectTargetsByDir = new Map<string, PythonVersion | null>();

function projectTargetOfDir(dir: string): PythonVersion | undefined {
  const here = targetAbove(dir);
  let real: string;
  try {
    real = listingOf(dir)?.real ?? realpathSync.native(dir);
  } catch {
    return here;
  }
  if (real === dir) return here;
  const there = targetAbove(real);
  if (!here || !there) return here ?? there;
  return here[0] < there[0] || (here[0] === there[0] && here[1] <= there[1]) ? here : there;
}

function targetAbove(dir: string): PythonVersion | undefined {
  const seen: string[] = [];
  let found: PythonVersion | null = null;
  for (let d = dir; ; d = dirname(d)) {
    const known = projectTargets.get(d);
    if (known !== undefined) {
      found = known;
      break;
    }
    seen.push(d);
    const path = join(d, 'pyproject.toml');
    if (listingOf(d)?.pyproject ?? existsSync(path)) {
      try {
        const loaded = readConfigFile(path);
        found = loaded.settings.targetVersion ?? (loaded.requiresPython && requiresPythonTarget(loaded.requiresPython)) ?? null;
      } catch (err) {
        // Ex) a subproject's `target-version = 3.9` (a float), or `bogus = 1`: an error, as in the root's file. It was
        // passed over, and the root's 3.11 gave the subproject `contextlib.aclosing`. Only a file that cannot be read,
        // or is not TOML and has no [tool.withify] header, is passed over: it may be another tool's.
        if (!(err instanceof UnreadableConfig) || err.saysWithify) throw err;
        found = null;
      }
      if (found) break;
    }
    if (dirname(d) === d) break;
  }
  for (const d of seen) projectTargets.set(d, found);
  return found ?? undefined;
}

/**
 * Command line over config file: each key the command line gives wins; `targetVersion` falls back to `requires-python`.
 * The transforms as Ruff selects its rules: the command line's `select` starts the selection afresh, the file's `ignore`
 * going with the file's `select` (`--select class-del` runs it where the file ignores it); without it, the command
 * line's `ignore` adds to the file's. `extendExclude` (`--extend-exclude`) adds to the `exclude` that wins.
 */
export function mergeSettings(cli: ConfigSettings & { extendExclude?: string[] }, config: LoadedConfig | undefined): ConfigSettings {
  const file = config?.settings ?? {};
  const out: ConfigSettings = { ...file };
  const { extendExclude, ...given } = cli;
  for (const [k, v] of Object.entries(given) as Array<[keyof ConfigSettings, unknown]>) {
    if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  }
  if (cli.select !== undefined && cli.ignore === undefined) delete out.ignore;
  if (cli.select === undefined && cli.ignore !== undefined && file.ignore?.length) out.ignore = [...new Set([...file.ignore, ...cli.ignore])];
  if (extendExclude?.length) out.exclude = [...(out.exclude ?? []), ...extendExclude];
  if (out.targetVersion === undefined && config?.requiresPython) out.targetVersion = requiresPythonTarget(config.requiresPython);
  return out; // no key is present with the value undefined: defaultOptions() would take it over its default
}

/**
 * The pyproject.toml files with a `[tool.withify]` table in the directories the walk listed under `roots` (the run's
 * paths, absolute), other than `config` (the run's own), sorted. Their select/ignore/exclude do not apply to this run:
 * settings come from one file, found from the working directory up (only their target version counts, per file).
 * Ex) `check .` at the root, whose `sub/pyproject.toml` ignores WFY101: sub's files are still checked for it
 * Read from the walk's listings: no system call but for a directory that holds a pyproject.toml.
 */
export function nestedConfigs(roots: readonly string[], config: string | undefined): string[] {
  const realOf = (path: string) => {
    try {
      return realpathSync.native(path);
    } catch {
      return path;
    }
  };
  const seen = new Set(config === undefined ? [] : [realOf(config)]);
  const under = (dir: string) => roots.some((r) => dir === r || dir.startsWith(r.endsWith(sep) ? r : r + sep));
  const out: string[] = [];
  const holding = allListings().filter(([dir, listing]) => listing.pyproject !== false && under(dir));
  for (const [dir, listing] of holding.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const path = join(dir, 'pyproject.toml');
    // (undefined: a symbolic link, which the file system answers for)
    if (listing.pyproject === undefined && !existsSync(path)) continue;
    const real = listing.pyproject ? join(listing.real, 'pyproject.toml') : realOf(path);
    if (seen.has(real)) continue;
    seen.add(real);
    if (hasWithifyTable(path)) out.push(path);
  }
  return out;
}

function hasWithifyTable(path: string): boolean {
  try {
    // Ex) a pyproject.toml of [tool.black] alone: not parsed
    if (!readFileSync(path, 'utf8').includes('withify')) return false;
    return toolTable(readToml(path)) !== undefined;
  } catch {
    // (One that cannot be read or parsed is an error of its own, or another tool's)
    return false;
  }
}
