// The library entry points: the same pipeline the CLI runs, as plain functions.
import { decodeSource, encodeSource } from './engine/read.js';
import { processSource } from './engine/pipeline.js';
import { defaultOptions } from './options.js';
import { run as runFiles, type Mode, type RunControl, type RunOptions } from './runner.js';
import type { FileResult, LocatedFinding, ProjectIndex, TransformOptions } from './types.js';

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
  fixesApplied: number;
  /** Lines given a `# withify: ignore[CODE]` comment (with `addIgnore`). */
  ignoresAdded: number;
  status: FileResult['status'];
  reason?: string;
}

/** Rewrite one Python source text. Never throws for bad input: see `status` and `reason`. */
export function transformSource(text: string, options: TransformSourceOptions = {}): TransformSourceResult {
  const { path = '<string>', project, moduleName, wholeFiles, addIgnore, ...rest } = options;
  const r = processSource({ path, text, options: defaultOptions(rest), project, moduleName, partial: wholeFiles !== true, addIgnore });
  return {
    output: r.after ?? text,
    findings: r.findings,
    remaining: r.remaining,
    fixesApplied: r.fixesApplied,
    ignoresAdded: r.ignoresAdded ?? 0,
    status: r.status,
    reason: r.reason,
  };
}

/** Bytes in, bytes out: PEP 263 coding, BOM and line endings kept. */
export function transformBytes(bytes: Uint8Array, options: TransformSourceOptions = {}): TransformSourceResult & { outputBytes: Buffer } {
  const decoded = decodeSource(bytes);
  const { path = '<bytes>', project, moduleName, wholeFiles, addIgnore, ...rest } = options;
  const r = processSource({ path, text: decoded.text, eol: decoded.eol, options: defaultOptions(rest), project, moduleName, partial: wholeFiles !== true, addIgnore });
  const output = r.after ?? decoded.text;
  return {
    output,
    outputBytes: r.after === undefined ? Buffer.from(bytes) : encodeSource(output, decoded),
    findings: r.findings,
    remaining: r.remaining,
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

/**
 * Process files and directories as `withify check|diff|fix` does, and return one `FileResult` per file
 * (sorted by path) plus the paths that could not be expanded. A bad file never throws: see its `status`
 * and `reason`. Throws `SelectError` for a bad `changedSince` revision, or outside a git repository.
 */
export function run(paths: readonly string[], options: RunApiOptions = {}, control?: RunControl): ReturnType<typeof runFiles> {
  const { mode = 'check', cwd = process.cwd(), ...rest } = options;
  const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Partial<RunOptions>;
  return runFiles(paths, { ...defaultOptions(), ...defined, mode, cwd } as RunOptions, control);
}
