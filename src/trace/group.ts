// Groups the recorded leaks by allocation site in the user's own code and asks the static pass whether
// it already has a finding there. Pure apart from reading the site files.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { ConfigError, loadConfig, mergeSettings, type LoadedConfig } from '../config.js';
import { excludedByName, isWithin } from '../walk.js';
import type { RunOptions } from '../runner.js';
import { parsePython } from '../engine/parse.js';
import { decodeSource } from '../engine/read.js';
import { defaultOptions } from '../options.js';
import { displayPath, processPath } from '../process-file.js';
import type { LocatedFinding, Tree, TransformOptions } from '../types.js';
import type { LeakKind, StartRecord, TraceFrame, WarningRecord } from './run.js';

/** How many user frames a call path keeps, the site included. */
export const PATH_FRAMES = 4;

export type SiteStatus = 'fixable' | 'unsafe' | 'manual';

export interface PathFrame {
  file: string;
  line: number;
  function: string | null;
}

export interface CallPath {
  /** User frames, outermost first; the last one is the site. */
  frames: PathFrame[];
  count: number;
}

export interface SiteFinding {
  code: string;
  id: string;
  message: string;
  line: number;
  endLine: number;
  fixStatus: LocatedFinding['fixStatus'];
  reason?: string;
}

export interface LeakSite {
  /** Path relative to the working directory when inside it. */
  file: string;
  line: number;
  /** False when no frame of the allocation stack was user code (the site is then the innermost frame). */
  inUserCode: boolean;
  count: number;
  /** The most frequent kind at this site. */
  kind: LeakKind;
  kinds: Partial<Record<LeakKind, number>>;
  /** `fixable`: `withify fix` rewrites it; `unsafe`: with `--unsafe-fixes`; `manual`: needs a hand fix. */
  status: SiteStatus;
  /** The static finding covering the site line, if any. */
  finding?: SiteFinding;
  /** Distinct call paths that reached the site, most frequent first. */
  paths: CallPath[];
  /** One warning text from this site. */
  example: string;
  /** Interpreters the leak showed under (`cpython`, `pypy`). */
  interpreters: string[];
}

export interface TraceSummary {
  sites: number;
  leaks: number;
  /** Sites `withify fix` rewrites. */
  fixable: number;
  /** Sites fixed only with `--unsafe-fixes`. */
  unsafe: number;
  /** Sites that need a hand fix. */
  manual: number;
  /** Leaks with no allocation stack at all (grouped under the place the warning was raised). */
  withoutStack: number;
}

export interface GroupOptions {
  cwd: string;
  /** Options for the static pass (defaults: every transform, default target). */
  transformOptions?: Partial<TransformOptions>;
}

const isLibPath = (file: string) =>
  file.startsWith('<') || /[\\/](site|dist)-packages[\\/]/.test(file) || /[\\/]withify-trace-[^\\/]+[\\/]shim[\\/]/.test(file);

const isUserFrame = (f: TraceFrame) => !f.lib && !isLibPath(f.file);

/**
 * Names the function around a line, for frames tracemalloc gives without one. Parses each file once;
 * a file that cannot be read or parsed gives no names.
 */
export function functionNamer(cwd: string): (file: string, line: number) => string | null {
  const trees = new Map<string, { tree: Tree; lines: string[] } | null>();
  return (file, line) => {
    let entry = trees.get(file);
    if (entry === undefined) {
      entry = null;
      const abs = resolve(cwd, file);
      if (file.endsWith('.py') && existsSync(abs)) {
        try {
          const text = decodeSource(readFileSync(abs)).text;
          entry = { tree: parsePython(text), lines: text.split(/\r\n|\r|\n/) };
        } catch {
          entry = null;
        }
      }
      trees.set(file, entry);
    }
    const text = entry?.lines[line - 1];
    if (!entry || text === undefined) return null;
    const column = text.length - text.trimStart().length;
    for (let n: ReturnType<Tree['rootNode']['descendantForPosition']> | null = entry.tree.rootNode.descendantForPosition({ row: line - 1, column }); n; n = n.parent) {
      if (n.type === 'function_definition') return n.childForFieldName('name')?.text ?? null;
    }
    return '<module>';
  };
}

interface Placed {
  file: string;
  line: number;
  inUserCode: boolean;
  path: PathFrame[];
}

/** Frames outermost first; a comprehension's own frame (CPython 3.11) repeats its caller's line. */
function dropRepeats(frames: readonly TraceFrame[]): TraceFrame[] {
  return frames.filter((f, i) => i === 0 || f.file !== frames[i - 1]!.file || f.line !== frames[i - 1]!.line);
}

function place(w: WarningRecord, cwd: string, nameOf: (file: string, line: number) => string | null): Placed {
  const show = (f: string) => (isAbsolute(f) ? displayPath(cwd, f) : f);
  const stack = dropRepeats((w.stack ?? []).map((f) => (f.function === null && isUserFrame(f) ? { ...f, function: nameOf(f.file, f.line) } : f)));
  const userIdx: number[] = [];
  stack.forEach((f, i) => {
    if (isUserFrame(f)) userIdx.push(i);
  });
  const toPath = (f: TraceFrame): PathFrame => ({ file: show(f.file), line: f.line, function: f.function });
  if (userIdx.length > 0) {
    const frames = userIdx.slice(-PATH_FRAMES).map((i) => toPath(stack[i]!));
    const site = frames[frames.length - 1]!;
    return { file: site.file, line: site.line, inUserCode: true, path: frames };
  }
  const innermost = stack[stack.length - 1];
  if (innermost) return { file: show(innermost.file), line: innermost.line, inUserCode: false, path: [toPath(innermost)] };
  // Ex) no stack at all: the place the warning was raised is where the object was finalized, often
  // unrelated to where it was opened; better than nothing, and flagged as such.
  const file = w.filename ? show(w.filename) : '<unknown>';
  const line = w.lineno ?? 0;
  return { file, line, inUserCode: false, path: [{ file, line, function: null }] };
}

/** The finding whose lines cover `line`, preferring one `fix` applies. */
function findingAt(findings: readonly LocatedFinding[], line: number): LocatedFinding | undefined {
  const rank = { fixable: 0, unsafe: 1, 'display-only': 2, none: 3 } as const;
  return findings
    .filter((f) => f.location.line <= line && line <= f.endLocation.line)
    .sort((a, b) => rank[a.fixStatus] - rank[b.fixStatus] || a.location.line - b.location.line)[0];
}

/**
 * The options `withify fix FILE` run in `cwd` would use: the `[tool.withify]` found from `cwd` up (select, ignore,
 * per-file-ignores, exclude, unsafe-fixes, …), so that a site is not called fixable now where that command changes
 * nothing. Ex) `ignore = ["open-chain"]` in the project's pyproject.toml: its WFY101 sites are not "fixable now".
 * A config `withify fix` would refuse (exit 2) is passed over here: the defaults, as before.
 */
function configuredOptions(cwd: string): RunOptions {
  let config: LoadedConfig | undefined;
  try {
    config = loadConfig({ cwd });
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
  }
  const { exclude, include: _include, perFileIgnores, indexScope: _scope, ...transformSettings } = mergeSettings({}, config);
  return {
    ...defaultOptions(transformSettings),
    mode: 'check',
    cwd,
    exclude,
    ...(exclude?.length && config && isWithin(cwd, dirname(config.path)) ? { excludeBase: dirname(config.path) } : {}),
    ...(perFileIgnores?.length ? { perFileIgnores } : {}),
    // (As the CLI without `--target-version`: a subproject's pyproject.toml that says an older Python counts for its
    // files, whatever the root's `requires-python` or `target-version` gave)
    projectTargets: true,
  };
}

/** Run the static pass once per file (check mode: nothing is written). */
function findingsFor(files: Iterable<string>, options: GroupOptions): Map<string, LocatedFinding[]> {
  const out = new Map<string, LocatedFinding[]>();
  // (Options given by a library caller are taken as they are)
  const runOptions: RunOptions = options.transformOptions ? { ...defaultOptions(options.transformOptions), mode: 'check', cwd: options.cwd } : configuredOptions(options.cwd);
  for (const file of files) {
    const abs = resolve(options.cwd, file);
    if (!file.endsWith('.py') || !existsSync(abs)) continue;
    // Ex) a file the config excludes: `withify fix FILE` leaves it alone
    if (excludedByName(abs, runOptions)) {
      out.set(file, []);
      continue;
    }
    const result = processPath(abs, runOptions);
    out.set(file, result.findings);
  }
  return out;
}

const pathKey = (frames: readonly PathFrame[]) => frames.map((f) => `${f.file}:${f.line}`).join(' > ');

export function groupLeaks(warnings: readonly WarningRecord[], starts: readonly StartRecord[], options: GroupOptions): { sites: LeakSite[]; summary: TraceSummary } {
  const implOf = new Map(starts.map((s) => [s.pid, s.implementation]));
  const bySite = new Map<string, { placed: Placed; records: WarningRecord[]; paths: Map<string, CallPath> }>();
  let withoutStack = 0;
  const nameOf = functionNamer(options.cwd);
  for (const w of warnings) {
    if (!w.stack || w.stack.length === 0) withoutStack++;
    const placed = place(w, options.cwd, nameOf);
    const key = `${placed.file}:${placed.line}`;
    let g = bySite.get(key);
    if (!g) bySite.set(key, (g = { placed, records: [], paths: new Map() }));
    g.records.push(w);
    const pk = pathKey(placed.path);
    const p = g.paths.get(pk);
    if (p) p.count++;
    else g.paths.set(pk, { frames: placed.path, count: 1 });
  }
  const userFiles = new Set([...bySite.values()].filter((g) => g.placed.inUserCode).map((g) => g.placed.file));
  const findings = findingsFor(userFiles, options);
  const sites: LeakSite[] = [];
  for (const g of bySite.values()) {
    const kinds: Partial<Record<LeakKind, number>> = {};
    for (const r of g.records) kinds[r.kind] = (kinds[r.kind] ?? 0) + 1;
    const kind = (Object.entries(kinds) as Array<[LeakKind, number]>).sort((a, b) => b[1] - a[1])[0]![0];
    const f = g.placed.inUserCode ? findingAt(findings.get(g.placed.file) ?? [], g.placed.line) : undefined;
    const status: SiteStatus = f?.fixStatus === 'fixable' ? 'fixable' : f?.fixStatus === 'unsafe' ? 'unsafe' : 'manual';
    const interpreters = [...new Set(g.records.map((r) => implOf.get(r.pid) ?? 'unknown'))].sort();
    sites.push({
      file: g.placed.file,
      line: g.placed.line,
      inUserCode: g.placed.inUserCode,
      count: g.records.length,
      kind,
      kinds,
      status,
      ...(f
        ? {
            finding: {
              code: f.code,
              id: f.id,
              message: f.message,
              line: f.location.line,
              endLine: f.endLocation.line,
              fixStatus: f.fixStatus,
              ...(f.reason ? { reason: f.reason } : {}),
            },
          }
        : {}),
      paths: [...g.paths.values()].sort((a, b) => b.count - a.count || (pathKey(a.frames) < pathKey(b.frames) ? -1 : 1)),
      example: g.records[0]!.message,
      interpreters,
    });
  }
  // Most leaks first; ties in file and line order, so the report is stable between runs.
  sites.sort((a, b) => b.count - a.count || (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  const summary: TraceSummary = {
    sites: sites.length,
    leaks: warnings.length,
    fixable: sites.filter((s) => s.status === 'fixable').length,
    unsafe: sites.filter((s) => s.status === 'unsafe').length,
    manual: sites.filter((s) => s.status === 'manual').length,
    withoutStack,
  };
  return { sites, summary };
}
