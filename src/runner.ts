// Runs the pipeline over files: read → decode → process → (diff | write), and counts the outcomes.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { decodeSource, DecodeError, encodeSource } from './engine/read.js';
import { processSource } from './engine/pipeline.js';
import { ChangedOnDisk, writeAtomic } from './engine/write.js';
import { selectFiles, type SelectOptions } from './walk.js';
import { buildProjectIndex, moduleNameFor, needsProjectIndex } from './project.js';
import type { FileResult, ProjectIndex, TransformOptions } from './types.js';

export type Mode = 'check' | 'diff' | 'fix';

/** `cwd` (which displayed paths are relative to) and the file-selection options come from SelectOptions. */
export interface RunOptions extends TransformOptions, SelectOptions {
  mode: Mode;
}

export interface RunResult {
  /** One result per file, sorted by display path. */
  files: FileResult[];
  /** Paths that could not be expanded (missing, unreadable directory). */
  walkErrors: Array<{ path: string; reason: string }>;
}

export function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel.split('\\').join('/') : path;
}

function readFailure(err: NodeJS.ErrnoException): string {
  if (err.code === 'EACCES' || err.code === 'EPERM') return 'cannot read: permission denied; check its permissions';
  if (err.code === 'EISDIR') return 'cannot read: it is a directory';
  if (err.code === 'ENOENT') return 'cannot read: it was removed before withify got to it';
  return `cannot read: ${err.code ?? err.message}`;
}

/** Process one file on disk. Never throws. In `fix` mode a changed file is written atomically. */
export function processPath(path: string, options: RunOptions, project?: ProjectIndex, moduleName?: string): FileResult {
  const shown = displayPath(options.cwd, path);
  const failed = (reason: string): FileResult => ({ path: shown, status: 'failed', findings: [], remaining: [], fixesApplied: 0, reason });
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    return failed(readFailure(err as NodeJS.ErrnoException));
  }
  let decoded;
  try {
    decoded = decodeSource(bytes);
  } catch (err) {
    if (err instanceof DecodeError) return failed(err.message);
    return failed(`cannot decode: ${(err as Error).message}`);
  }
  const result = processSource({ path: shown, text: decoded.text, eol: decoded.eol, options, project, moduleName, applyFixes: options.mode !== 'check' });
  if (options.mode === 'fix' && result.status === 'changed' && result.after !== undefined) {
    try {
      writeAtomic(path, encodeSource(result.after, decoded), bytes);
    } catch (err) {
      const reason = err instanceof ChangedOnDisk ? err.message : `cannot write: ${(err as Error).message}`;
      return { ...result, status: 'failed', reason, before: undefined, after: undefined };
    }
  }
  return result;
}

export function run(paths: readonly string[], options: RunOptions): RunResult {
  const { files, errors, projectFiles } = selectFiles(paths, options);
  const project = needsProjectIndex(options) ? buildProjectIndex(projectFiles ?? files) : undefined;
  const results = files.map((f) => processPath(f, options, project, project ? moduleNameFor(f) : undefined));
  results.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files: results, walkErrors: errors.map((e) => ({ path: displayPath(options.cwd, e.path), reason: e.reason })) };
}

/** Process text read from stdin, as if it were the file `path`. */
export function runStdin(text: Buffer, path: string, options: RunOptions): { result: FileResult; outputBytes?: Buffer } {
  let decoded;
  try {
    decoded = decodeSource(text);
  } catch (err) {
    return { result: { path, status: 'failed', findings: [], remaining: [], fixesApplied: 0, reason: (err as Error).message } };
  }
  const result = processSource({ path, text: decoded.text, eol: decoded.eol, options });
  return { result, outputBytes: result.after !== undefined ? encodeSource(result.after, decoded) : text };
}
