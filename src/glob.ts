// Globs over paths, for --exclude, --include and per-file-ignores: kept apart from the walker (walk.ts) so
// that a worker thread, which matches per-file-ignores, does not load it.
import { basename, isAbsolute, resolve, sep } from 'node:path';
import picomatch from 'picomatch';

export const toPosix = (p: string) => (sep === '/' ? p : p.split(sep).join('/'));

export type PathMatcher = (absolutePath: string) => boolean;

/** `dir` as a literal glob prefix: a directory named `proj (copy)` or `[x]` means itself. */
export function escapeGlob(dir: string): string {
  return toPosix(dir).replace(/[*?[\]{}()!+@|\\]/g, '\\$&');
}

/**
 * A glob with no `/` matches a file or directory name anywhere (`*_pb2.py`, `generated`); one with a `/`
 * matches the path relative to `base` (`src/legacy/**`). A trailing `/` is dropped.
 */
export function globMatcher(globs: readonly string[], base: string): PathMatcher {
  const byName: string[] = [];
  const byPath: string[] = [];
  for (const raw of globs) {
    const g = raw.replace(/\/+$/, '').replace(/^(?:\.\/)+/, '');
    if (!g) continue;
    if (g.includes('/')) byPath.push(isAbsolute(g) ? g : `${escapeGlob(resolve(base)).replace(/\/$/, '')}/${g}`);
    else byName.push(g);
  }
  const name = byName.length ? picomatch(byName, { dot: true }) : undefined;
  const path = byPath.length ? picomatch(byPath, { dot: true }) : undefined;
  return (p) => (name !== undefined && name(basename(p))) || (path !== undefined && path(toPosix(p)));
}
