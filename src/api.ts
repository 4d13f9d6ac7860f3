// The library entry points: the same pipeline the CLI runs, as plain functions.
import { decodeSource, encodeResult } from './engine/read.js';
import { processSource } from './engine/pipeline.js';
import { defaultOptions, unsupportedTarget } from './options.js';
import { processPath as processFile, run as runFiles, runSync as runFilesSync, type Mode, type RunControl, type RunOptions, type RunResult } from './runner.js';
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { loadTransformModules, TransformLoadError, validateTransform } from './load-transform.js';
import { activeTransforms, findTransform } from '../transforms/index.js';
import type { Shard } from './walk.js';
import { emptyGlob, type PerFileIgnore } from './config.js';
import type { FileResult, FileWarning, LocatedFinding, ProjectIndex, Transform, TransformOptions } from './types.js';

/** An option of `run` the library cannot use (a misspelt rule, a version given as text, an unknown mode). */
export class OptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OptionsError';
  }
}

const TRANSFORM_KEYS = ['select', 'ignore', 'unsafeFixes', 'targetVersion', 'generatorStyle', 'allLoops', 'extraTransforms'] as const;
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/**
 * The transform options of `given` over the defaults, checked once at the API boundary: a value left
 * `undefined` or `null` takes its default; a wrong one throws OptionsError, which says what to give instead.
 * `more`: transforms the run loads besides `extraTransforms` (`transformPaths`), which `select` may name.
 */
function checkTransformOptions(given: Record<string, unknown>, more: readonly Transform[] = []): TransformOptions {
  const o: Partial<Record<(typeof TRANSFORM_KEYS)[number], unknown>> = {};
  for (const k of TRANSFORM_KEYS) if (given[k] !== undefined && given[k] !== null) o[k] = given[k];
  if (o.extraTransforms !== undefined && !(Array.isArray(o.extraTransforms) && o.extraTransforms.every((t) => typeof t === 'object' && t !== null && typeof (t as Transform).check === 'function'))) {
    throw new OptionsError('extraTransforms: give an array of Transform objects (loadTransformModule loads one from a module)');
  }
  // Each as `--transform` checks a module's export (a misspelt `safety` would otherwise count as 'safe'); two with
  // one id or code, or one given twice, would report every finding twice
  if (o.extraTransforms !== undefined) {
    o.extraTransforms = (o.extraTransforms as unknown[]).map((t, i) => {
      try {
        return validateTransform(t, `extraTransforms[${i}]`);
      } catch (err) {
        if (err instanceof TransformLoadError) throw new OptionsError(err.message);
        throw err;
      }
    });
  }
  const extra = [...((o.extraTransforms as Transform[] | undefined) ?? []), ...more];
  for (const [i, t] of extra.entries()) {
    const clash = extra.slice(0, i).find((u) => u.id === t.id || u.code === t.code);
    if (clash) throw new OptionsError(`extraTransforms: id "${t.id}" or code "${t.code}" is used by two transforms (${clash.code} ${clash.id}, given twice or also loaded by transformPaths)`);
  }
  for (const k of ['select', 'ignore'] as const) {
    const v = o[k];
    if (v === undefined) continue;
    // Ex) `select: 'WFY102'`: a string, not a list
    if (!isStrings(v)) throw new OptionsError(`${k}: give an array of transform ids or codes, e.g. ['open-chain', 'WFY102'], not ${JSON.stringify(v)}`);
    // Ex) `select: ['nope']`: it would select nothing, without a word (the CLI exits 2)
    const unknown = v.find((x) => findTransform(x, extra) === undefined);
    if (unknown !== undefined) throw new OptionsError(`${k}: no transform "${unknown}"; TRANSFORMS (or \`withify list\`) has the ids and codes`);
  }
  // Ex) `select: ['class-del'], ignore: ['WFY110']`: a run of nothing, as the CLI refuses it (review rv55c)
  if ((o.select !== undefined || o.ignore !== undefined) && activeTransforms({ select: (o.select as string[] | undefined) ?? [], ignore: (o.ignore as string[] | undefined) ?? [], extraTransforms: extra }).length === 0) {
    throw new OptionsError(`select and ignore leave no transform to run (select ${JSON.stringify(o.select ?? [])}, ignore ${JSON.stringify(o.ignore ?? [])})`);
  }
  for (const k of ['unsafeFixes', 'allLoops'] as const) {
    if (o[k] !== undefined && typeof o[k] !== 'boolean') throw new OptionsError(`${k}: give true or false, not ${JSON.stringify(o[k])}`);
  }
  const v = o.targetVersion;
  if (v !== undefined) {
    // Ex) `targetVersion: '3.10'`: compared as a pair, a string read as [3, 1]
    if (!(Array.isArray(v) && v.length === 2 && v.every((n) => Number.isInteger(n)))) {
      throw new OptionsError(`targetVersion: give [major, minor], e.g. [3, 10] (parsePythonVersion('3.10') reads the text form), not ${JSON.stringify(v)}`);
    }
    const unsupported = unsupportedTarget(v as [number, number]);
    if (unsupported) throw new OptionsError(`targetVersion: ${unsupported}`);
  }
  if (o.generatorStyle !== undefined && o.generatorStyle !== 'try-finally' && o.generatorStyle !== 'closing') {
    throw new OptionsError(`generatorStyle: give 'try-finally' or 'closing', not ${JSON.stringify(o.generatorStyle)}`);
  }
  return defaultOptions(o as Partial<TransformOptions>);
}

/** The keys `transformSource` and `transformBytes` take besides the transform options. */
const SOURCE_KEYS = ['path', 'project', 'moduleName', 'wholeFiles', 'addIgnore'] as const;
/** The keys `run` takes besides the transform options (`RunOptions`, `SelectOptions`). */
const RUN_KEYS = ['mode', 'cwd', 'jobs', 'transformPaths', 'wholeFiles', 'addIgnore', 'perFileIgnores', 'projectTargets', 'noIgnore', 'exclude', 'include', 'changedSince', 'shard', 'indexScope', 'cacheDir', 'excludeBase'] as const;

/**
 * Throws OptionsError for a key the function does not take, as `[tool.withify]` refuses one: a misspelt option
 * (`unsafe_fixes`, `targetversion`) would otherwise run with its default, without a word.
 */
function checkKeys(given: unknown, own: readonly string[]): void {
  // Ex) `run(paths, 'fix')`
  if (typeof given !== 'object' || Array.isArray(given)) throw new OptionsError(`options: give an object of options, e.g. { select: ['open-chain'] }, not ${JSON.stringify(given)}`);
  const keys = [...TRANSFORM_KEYS, ...own];
  const squash = (k: string) => k.replace(/[-_]/g, '').toLowerCase();
  for (const k of Object.keys(given as object)) {
    if ((keys as readonly string[]).includes(k)) continue;
    const near = keys.find((x) => squash(x) === squash(k));
    throw new OptionsError(`unknown option "${k}"${near ? ` (did you mean "${near}"?)` : ''}; the options are ${[...keys].sort().join(', ')}`);
  }
}

/**
 * The values of the keys other than the transform options, checked as `checkTransformOptions` checks those (a
 * value `undefined` or `null` takes its default). Ex) `exclude: 'build/**'` was read as the globs `b`, `u`, …,
 * and excluded nothing; `wholeFiles: 'no'` counted as true; `changedSince: 5` threw a TypeError from the walk.
 */
function checkOtherValues(given: object): void {
  const wrong = (k: string, what: string) => new OptionsError(`${k}: give ${what}, not ${JSON.stringify((given as Record<string, unknown>)[k])}`);
  for (const [k, v] of Object.entries(given) as Array<[string, unknown]>) {
    if (v === undefined || v === null) continue;
    switch (k) {
      case 'path':
      case 'moduleName':
      case 'cwd':
      case 'changedSince':
        if (typeof v !== 'string') throw wrong(k, 'a string');
        break;
      case 'excludeBase':
        // (Relative to `cwd`, as the paths and globs are)
        if (typeof v !== 'string' || v === '') throw wrong(k, "a directory, e.g. '/repo' (relative to cwd)");
        break;
      case 'cacheDir':
        // Ex) `cacheDir: ''`: the cache's files went into `cwd`, beside the sources (the CLI refuses `--cache-dir=`)
        if (typeof v !== 'string' || v === '') throw wrong(k, "a directory, e.g. '.withify_cache'");
        break;
      case 'wholeFiles':
      case 'addIgnore':
      case 'noIgnore':
      case 'projectTargets':
        if (typeof v !== 'boolean') throw wrong(k, 'true or false');
        break;
      case 'exclude':
      case 'include':
      case 'transformPaths':
        // Ex) `include: ['']`: a glob of nothing checked no file without a word
        if (!isStrings(v)) throw wrong(k, k === 'transformPaths' ? "an array of module paths, e.g. ['acme.mjs']" : "an array of globs, e.g. ['tests/fixtures/**']");
        if (k !== 'transformPaths' && v.some(emptyGlob)) throw new OptionsError(`${k}: ${JSON.stringify(v.find(emptyGlob))} is no glob (it names nothing); give one, e.g. ['tests/fixtures/**']`);
        break;
      case 'project':
        if (typeof v !== 'object') throw wrong(k, 'a ProjectIndex object');
        break;
      case 'indexScope':
        if (v !== 'project' && v !== 'run') throw wrong(k, "'project' or 'run'");
        break;
      case 'shard': {
        const { index, count } = v as Partial<Shard>;
        if (!(Number.isInteger(index) && Number.isInteger(count) && index! >= 1 && index! <= count!)) throw wrong(k, '{ index: K, count: N } with 1 ≤ K ≤ N (parseShard reads the text form "K/N")');
        break;
      }
      case 'perFileIgnores':
        if (!(Array.isArray(v) && v.every((e: Partial<PerFileIgnore> | null) => typeof e === 'object' && e !== null && typeof e.glob === 'string' && isStrings(e.rules) && (e.base === undefined || typeof e.base === 'string')))) {
          throw wrong(k, "an array of { glob, rules }, e.g. [{ glob: 'tests/**', rules: ['generator-close'] }]");
        }
        break;
    }
  }
}

/** A result for a text that was not processed: `reason` says why. */
const notProcessed = (output: string, reason: string): TransformSourceResult => ({ output, findings: [], remaining: [], warnings: [], fixesApplied: 0, ignoresAdded: 0, status: 'failed', reason });

export interface TransformSourceOptions extends Partial<TransformOptions> {
  /** Shown in findings; also how relative imports resolve. Default `<string>`. */
  path?: string;
  project?: ProjectIndex;
  moduleName?: string;
  /** Parse the whole text, not first only the parts around the transforms' anchors (`--whole-files`). */
  wholeFiles?: boolean;
  /** After the fixes, a `# withify: ignore[CODE]` comment on a line of each finding left (`--add-ignore`). */
  addIgnore?: boolean;
}

export interface TransformSourceResult {
  /** The rewritten source (the input itself when nothing changed). */
  output: string;
  /** Findings in the input, with fix status. */
  findings: LocatedFinding[];
  /** Findings still standing in `output`. */
  remaining: LocatedFinding[];
  /**
   * Suppression comments of the input that suppress nothing because they are malformed (`# withify:
   * ignore[WFY101` unclosed, `ignore[]`, `# noqa:` with no code), or that name a code no transform has; and in a
   * text with a finding, the construct newer than `targetVersion` that needs the newest Python (`about: 'target version'`).
   */
  warnings: FileWarning[];
  fixesApplied: number;
  /** Lines given a `# withify: ignore[CODE]` comment (with `addIgnore`). */
  ignoresAdded: number;
  status: FileResult['status'];
  reason?: string;
}

/** Rewrite one Python source text. Never throws for bad input: see `status` and `reason`. */
export function transformSource(text: string, options: TransformSourceOptions = {}): TransformSourceResult {
  // Ex) a Buffer: transformBytes decodes bytes
  if (typeof text !== 'string') return notProcessed('', `the text must be a string, not ${text === null ? 'null' : (text as unknown) instanceof Uint8Array ? 'bytes' : typeof text} (transformBytes takes bytes)`);
  let checked: TransformOptions;
  try {
    checkKeys(options ?? {}, SOURCE_KEYS);
    checkOtherValues(options ?? {});
  } catch (err) {
    if (err instanceof OptionsError) return notProcessed(text, `bad option: ${err.message}`);
    throw err;
  }
  const { path = '<string>', project, moduleName, wholeFiles, addIgnore, ...rest } = options ?? {};
  try {
    checked = checkTransformOptions(rest);
  } catch (err) {
    if (err instanceof OptionsError) return notProcessed(text, `bad option: ${err.message}`);
    throw err;
  }
  const r = processSource({ path, text, options: checked, project, moduleName, partial: wholeFiles !== true, addIgnore });
  return {
    output: r.after ?? text,
    findings: r.findings,
    remaining: r.remaining,
    warnings: r.warnings ?? [],
    fixesApplied: r.fixesApplied,
    ignoresAdded: r.ignoresAdded ?? 0,
    status: r.status,
    reason: r.reason,
  };
}

/** Bytes in, bytes out: PEP 263 coding, BOM and line endings kept. */
export function transformBytes(bytes: Uint8Array, options: TransformSourceOptions = {}): TransformSourceResult & { outputBytes: Buffer } {
  // Ex) a string: a TypeError from deep in the decoder before (transformSource says the same of bytes)
  if (!(bytes instanceof Uint8Array)) {
    const what = bytes === null ? 'null' : Array.isArray(bytes) ? 'an array' : typeof bytes;
    return { ...notProcessed('', `the bytes must be a Uint8Array or Buffer, not ${what}${typeof bytes === 'string' ? ' (transformSource takes text)' : ''}`), outputBytes: Buffer.alloc(0) };
  }
  const decoded = decodeSource(bytes);
  const { path = '<bytes>', project, moduleName, wholeFiles, addIgnore, ...rest } = options ?? {};
  let checked: TransformOptions;
  try {
    checkKeys(options ?? {}, SOURCE_KEYS);
    checkOtherValues(options ?? {});
    checked = checkTransformOptions(rest);
  } catch (err) {
    if (err instanceof OptionsError) return { ...notProcessed(decoded.text, `bad option: ${err.message}`), outputBytes: Buffer.from(bytes) };
    throw err;
  }
  const { result: r, bytes: encoded } = encodeResult(processSource({ path, text: decoded.text, eol: decoded.eol, options: checked, project, moduleName, partial: wholeFiles !== true, addIgnore }), decoded);
  const output = r.after ?? decoded.text;
  return {
    output,
    outputBytes: encoded ?? Buffer.from(bytes),
    findings: r.findings,
    remaining: r.remaining,
    warnings: r.warnings ?? [],
    fixesApplied: r.fixesApplied,
    ignoresAdded: r.ignoresAdded ?? 0,
    status: r.status,
    reason: r.reason,
  };
}

/**
 * Options of `run`: every field of `RunOptions` may be left out. `mode` defaults to `check` (nothing is
 * written; `fix` rewrites files in place), `cwd` to `process.cwd()`, the rest to `defaultOptions()` and
 * to walking every `*.py` file the ignore files allow. No pyproject.toml is read: pass `loadConfig` output
 * through `mergeSettings` yourself if you want it.
 */
export interface RunApiOptions extends Partial<Omit<RunOptions, 'mode' | 'cwd'>> {
  mode?: Mode;
  cwd?: string;
}

// Every key of the option types is in the lists above, and no other: a field added to RunOptions,
// SelectOptions or TransformSourceOptions without its key here fails to compile.
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const sourceKeysComplete: Exactly<keyof TransformSourceOptions, (typeof TRANSFORM_KEYS)[number] | (typeof SOURCE_KEYS)[number]> = true;
const runKeysComplete: Exactly<keyof RunApiOptions, (typeof TRANSFORM_KEYS)[number] | (typeof RUN_KEYS)[number]> = true;
void sourceKeysComplete;
void runKeysComplete;

/**
 * Process files and directories as `withify check|diff|fix` does, and return one `FileResult` per file
 * (sorted by path) plus the paths that could not be expanded. A bad file never throws: see its `status`
 * and `reason`. Throws `OptionsError` for a bad option (checked before any file is read), `SelectError`
 * for a bad `changedSince` revision, or outside a git repository, `TransformLoadError` for a bad module of
 * `transformPaths`.
 */
export async function run(paths: readonly string[], options: RunApiOptions = {}, control?: RunControl): Promise<RunResult> {
  const { defined, cwd } = checkRunKeys(paths, options);
  const loaded = await loadTransformModules(defined.transformPaths ?? [], cwd);
  return runFiles(paths, checkedRunOptions(options, defined, loaded), control);
}

/**
 * `run` in this thread, synchronously (tests, and callers that cannot await), with the same options, checked the
 * same way; `transformPaths` cannot be imported synchronously: give `extraTransforms` (`loadTransformModule`).
 */
export function runSync(paths: readonly string[], options: RunApiOptions = {}): RunResult {
  const { defined } = checkRunKeys(paths, options);
  if (defined.transformPaths?.length) throw new OptionsError('transformPaths: runSync cannot import modules; load them with loadTransformModule and give them as extraTransforms');
  return runFilesSync(paths, checkedRunOptions(options, defined, []));
}

/**
 * One file on disk → its `FileResult`, with `run`'s options (no project index: generator-close sees this file
 * alone). Never throws: a bad option is a failed result saying so (`bad option: …`), as `transformSource` gives.
 */
export function processPath(path: string, options: RunApiOptions = {}): FileResult {
  let checked: RunOptions;
  try {
    const { defined } = checkRunKeys([path], options);
    if (defined.transformPaths?.length) throw new OptionsError('transformPaths: processPath cannot import modules; load them with loadTransformModule and give them as extraTransforms');
    checked = checkedRunOptions(options, defined, []);
  } catch (err) {
    if (err instanceof OptionsError) return { path: String(path), status: 'failed', findings: [], remaining: [], fixesApplied: 0, reason: `bad option: ${err.message}` };
    throw err;
  }
  const full = resolve(checked.cwd, path);
  // Ex) a path that never was (the runner's reading says "removed before withify got to it", as for a walk's file)
  if (!existsSync(full)) return { path: String(path), status: 'failed', findings: [], remaining: [], fixesApplied: 0, reason: `no such file or directory: ${full}` };
  return processFile(full, checked);
}

/** `run`'s checks of its keys, mode, jobs and paths; the options given a value. */
function checkRunKeys(paths: readonly string[], options: RunApiOptions): { defined: Partial<RunOptions>; cwd: string } {
  checkKeys(options ?? {}, RUN_KEYS);
  checkOtherValues(options ?? {});
  const { mode = 'check', cwd = process.cwd(), ...rest } = options ?? {};
  // Ex) `mode: 'fxi'`: it ran as `diff` would
  if (mode !== 'check' && mode !== 'diff' && mode !== 'fix') throw new OptionsError(`mode: give 'check', 'diff' or 'fix', not ${JSON.stringify(mode)}`);
  if (typeof cwd !== 'string') throw new OptionsError(`cwd: give a directory path, not ${JSON.stringify(cwd)}`);
  if (rest.jobs !== undefined && rest.jobs !== null && !(Number.isInteger(rest.jobs) && rest.jobs >= 1)) throw new OptionsError(`jobs: give a whole number of threads, 1 or more, not ${JSON.stringify(rest.jobs)}`);
  if (!isStrings(paths)) throw new OptionsError(`paths: give an array of file or directory paths, not ${JSON.stringify(paths)}`);
  const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== null)) as Partial<RunOptions>;
  return { defined, cwd };
}

/** The whole `RunOptions` of checked keys: the transform options checked, `perFileIgnores`' rules known. */
function checkedRunOptions(options: RunApiOptions, defined: Partial<RunOptions>, loaded: readonly Transform[]): RunOptions {
  const { mode = 'check', cwd = process.cwd() } = options ?? {};
  const transformOptions = checkTransformOptions(defined, loaded);
  for (const { glob, rules } of defined.perFileIgnores ?? []) {
    const bad = rules.find((r) => findTransform(r, [...transformOptions.extraTransforms, ...loaded]) === undefined);
    if (bad !== undefined) throw new OptionsError(`perFileIgnores "${glob}": no transform "${bad}"; TRANSFORMS (or \`withify list\`) has the ids and codes`);
  }
  return { ...defined, ...transformOptions, mode, cwd } as RunOptions;
}
