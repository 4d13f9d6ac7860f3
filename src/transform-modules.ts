// User transforms by module path. A Transform holds functions, which cannot be posted to a worker thread:
// the run carries the PATHS (`RunOptions.transformPaths`) and every thread imports them itself.
// SEAM: `--transform PATH` (another branch) brings the real loader, with its validation and messages;
// it replaces the body of `loadTransformModules`, whose signature the pool and the runner rely on.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Transform } from './types.js';

const isTransform = (x: unknown): x is Transform =>
  typeof x === 'object' && x !== null && typeof (x as Transform).id === 'string' && typeof (x as Transform).check === 'function';

/** Import each module and collect its transforms: the default export and named exports (a Transform or an array of them). */
export async function loadTransformModules(paths: readonly string[]): Promise<Transform[]> {
  const out: Transform[] = [];
  for (const p of paths) {
    const mod = (await import(pathToFileURL(resolve(p)).href)) as Record<string, unknown>;
    for (const value of Object.values(mod)) {
      for (const t of Array.isArray(value) ? value : [value]) if (isTransform(t) && !out.includes(t)) out.push(t);
    }
  }
  return out;
}
