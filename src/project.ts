// Project-wide facts gathered in a first pass over every input file, before any file is rewritten.
// Two steps so the first pass can run in worker threads: `summarizeFile` (per file, plain serialisable
// data) and `mergeSummaries` (once, on the main thread). The result travels to every worker as `ProjectIndex`.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { decodeSource } from './engine/read.js';
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

const isPackageDir = new Map<string, boolean>();

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
      pkg = existsSync(join(dir, '__init__.py'));
      isPackageDir.set(dir, pkg);
    }
    if (!pkg) break;
    parts.unshift(basename(dir));
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return parts.length ? parts.join('.') : undefined;
}

export function summarizeFile(path: string, _text: string, moduleName: string | undefined): FileSummary {
  return { path, moduleName };
}

/** Read, decode and summarise one file; undefined when it cannot be read or decoded (the second pass reports it). */
export function summarizePath(path: string): FileSummary | undefined {
  let text: string;
  try {
    text = decodeSource(readFileSync(path)).text;
  } catch {
    return undefined;
  }
  return summarizeFile(path, text, moduleNameFor(path));
}

export function mergeSummaries(_summaries: readonly FileSummary[]): ProjectIndex {
  return {};
}

/** The first pass, on one thread: every file summarised, then merged. */
export function buildProjectIndex(paths: readonly string[]): ProjectIndex {
  const summaries: FileSummary[] = [];
  for (const p of paths) {
    const s = summarizePath(p);
    if (s) summaries.push(s);
  }
  return mergeSummaries(summaries);
}
