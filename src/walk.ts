// Expand the paths given on the command line into the Python files to process.
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Directory names never descended into. */
export const SKIPPED_DIRS = new Set([
  '.git', '.hg', '.svn', '.bzr', 'node_modules', '__pycache__', '.venv', 'venv', '.tox', '.nox',
  '.mypy_cache', '.pytest_cache', '.ruff_cache', '.eggs', 'build', 'dist', 'site-packages', '__pypackages__',
]);

export interface WalkError {
  path: string;
  reason: string;
}

export interface WalkResult {
  files: string[];
  errors: WalkError[];
}

function isVirtualenv(dir: string): boolean {
  return existsSync(join(dir, 'pyvenv.cfg'));
}

export function expandPaths(paths: readonly string[]): WalkResult {
  const files: string[] = [];
  const errors: WalkError[] = [];
  const seenDirs = new Set<string>();
  const visit = (dir: string) => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch (err) {
      errors.push({ path: dir, reason: (err as Error).message });
      return;
    }
    if (seenDirs.has(real)) return; // a symlink loop, or a directory named twice
    seenDirs.add(real);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      errors.push({ path: dir, reason: `cannot list directory: ${(err as Error).message}` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const st = statSync(full);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue; // a dangling link
        }
      }
      if (isDir) {
        if (SKIPPED_DIRS.has(e.name) || e.name.endsWith('.egg-info') || isVirtualenv(full)) continue;
        visit(full);
      } else if (isFile && e.name.endsWith('.py')) {
        files.push(full);
      }
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      errors.push({ path: p, reason: 'no such file or directory' });
      continue;
    }
    if (st.isDirectory()) visit(p);
    else files.push(p); // named explicitly: processed whatever its name
  }
  return { files: [...new Set(files)], errors };
}

/** Options that decide which files a run covers. */
export interface SelectOptions {
  cwd: string;
}

/**
 * The files a run processes, sorted, and the paths that could not be expanded. The runner calls only
 * this: ignore rules, include/exclude globs, --changed-since and --shard belong here.
 */
export function selectFiles(paths: readonly string[], _options: SelectOptions): WalkResult {
  const { files, errors } = expandPaths(paths);
  return { files: [...files].sort(), errors };
}
