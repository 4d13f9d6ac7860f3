// Project-wide facts gathered in a first pass over every input file, before any file is rewritten.
// Two steps so the first pass can run in worker threads: `summarizeFile` (per file, plain serialisable
// data) and `mergeSummaries` (once, on the main thread). The result travels to every worker as `ProjectIndex`.
import type { ProjectIndex, TransformOptions } from './types.js';

/** What one file contributes to the project index. Plain JSON data. */
export interface FileSummary {
  path: string;
  moduleName: string | undefined;
  [key: string]: unknown;
}

/** True when the run needs the project-wide pass at all (a transform that reads `ctx.project` is active). */
export function needsProjectIndex(_options: TransformOptions): boolean {
  return false;
}

/** The module name of `path` inside the project rooted at `root` (`pkg/sub/mod.py` → `pkg.sub.mod`). */
export function moduleNameFor(root: string, path: string): string | undefined {
  const rel = path.startsWith(root) ? path.slice(root.length).replace(/^[\\/]+/, '') : undefined;
  if (!rel || !rel.endsWith('.py')) return undefined;
  const parts = rel.slice(0, -3).split(/[\\/]/);
  if (parts[parts.length - 1] === '__init__') parts.pop();
  return parts.length ? parts.join('.') : undefined;
}

export function summarizeFile(path: string, _text: string, moduleName: string | undefined): FileSummary {
  return { path, moduleName };
}

export function mergeSummaries(_summaries: readonly FileSummary[]): ProjectIndex {
  return {};
}
