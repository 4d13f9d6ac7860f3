// The ordered registry of built-in transforms. Order matters only for reporting; overlaps between fixes
// are settled by the plan (src/engine/plan.ts).
import type { Transform, TransformOptions } from '../src/types.js';
import { openArgument } from './open-argument.js';
import { openChain } from './open-chain.js';
import { openAssignClose } from './open-assign-close.js';
import { openAssign } from './open-assign.js';
import { openLoop } from './open-loop.js';
import { pathlibReadWrite } from './pathlib-read-write.js';
import { generatorClose } from './generator-close.js';
import { classDel } from './class-del.js';
import { tempdirName } from './tempdir-name.js';
import { tempdirKept } from './tempdir-kept.js';
import { connectionWith } from './connection-with.js';

export const TRANSFORMS: readonly Transform[] = [
  openChain,
  openArgument,
  openLoop,
  openAssignClose,
  openAssign,
  pathlibReadWrite,
  connectionWith,
  generatorClose,
  classDel,
  tempdirName,
  tempdirKept,
];

function matches(t: Transform, keys: readonly string[]): boolean {
  // (In any case, as suppression comments read them: `--select Open-Chain`, `wfy101`)
  return keys.some((k) => k.toLowerCase() === t.id || k.toUpperCase() === t.code);
}

/** The transforms a run uses: `select` (or all), minus `ignore`, plus the user's own. */
export function activeTransforms(options: Pick<TransformOptions, 'select' | 'ignore' | 'extraTransforms'>): Transform[] {
  const all = [...TRANSFORMS, ...options.extraTransforms];
  return all.filter((t) => (options.select.length === 0 || matches(t, options.select)) && !matches(t, options.ignore));
}

/** A transform by id or code, for `withify explain`. */
export function findTransform(key: string, extra: readonly Transform[] = []): Transform | undefined {
  return [...TRANSFORMS, ...extra].find((t) => matches(t, [key]));
}
