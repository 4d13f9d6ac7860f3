// Defaults for every option, and parsing of the few that arrive as text.
import type { GeneratorStyle, PythonVersion, TransformOptions } from './types.js';

export const DEFAULT_TARGET: PythonVersion = [3, 8];

export function defaultOptions(overrides: Partial<TransformOptions> = {}): TransformOptions {
  return {
    select: [],
    ignore: [],
    unsafeFixes: false,
    targetVersion: DEFAULT_TARGET,
    generatorStyle: 'try-finally',
    allLoops: false,
    extraTransforms: [],
    ...overrides,
  };
}

/** `3.10`, `py310`, `py3.10` → [3, 10]. */
export function parsePythonVersion(text: string): PythonVersion | undefined {
  const t = text.trim().toLowerCase().replace(/^py/, '');
  let m = /^(\d)\.(\d{1,2})$/.exec(t);
  if (!m) m = /^(\d)(\d{1,2})$/.exec(t);
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2])];
}

/**
 * Why withify cannot write for Python `v`, or `undefined`: a `with` of several items, which its fixes use,
 * came in Python 3.1; Python 2 is another language.
 */
export function unsupportedTarget(v: PythonVersion): string | undefined {
  if (!(v[0] === 3 && v[1] >= 1)) return `withify writes for Python 3.1 or newer (its tests run on 3.6 to 3.13), not ${formatPythonVersion(v)}`;
  // Ex) `3.99` for `3.9`: the limits withify keeps to (blocks nested, syntax) are known up to NEWEST_TARGET only
  if (!versionAtLeast(NEWEST_TARGET, v)) return `withify knows Python up to ${formatPythonVersion(NEWEST_TARGET)}, not ${formatPythonVersion(v)}; give the oldest Python the code must run on (${formatPythonVersion(NEWEST_TARGET)} at most)`;
  return undefined;
}

/** The newest Python whose limits withify knows (src/python/nesting.ts). */
export const NEWEST_TARGET: PythonVersion = [3, 14];

/** True when `v` is `min` or later: `versionAtLeast(target, [3, 10])`. */
export function versionAtLeast(v: PythonVersion, min: PythonVersion): boolean {
  return v[0] > min[0] || (v[0] === min[0] && v[1] >= min[1]);
}

export function formatPythonVersion(v: PythonVersion): string {
  return `${v[0]}.${v[1]}`;
}

export function parseGeneratorStyle(text: string): GeneratorStyle | undefined {
  return text === 'try-finally' || text === 'closing' ? text : undefined;
}
