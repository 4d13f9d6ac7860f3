// `--transform PATH`: a user's own transform, loaded from an ES module and checked to have the shape of
// a built-in one before any file sees it.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TRANSFORMS } from '../transforms/index.js';
import type { Transform } from './types.js';

/** A transform module that cannot be loaded or has the wrong shape: a usage error (exit 2). */
export class TransformLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TransformLoadError';
  }
}

const SAFETIES = ['safe', 'unsafe', 'report-only'] as const;
const DOC_KEYS = ['whatItDoes', 'whyItBreaksOnPyPy', 'fixSafety', 'notFlagged'] as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

/**
 * Check that `value` is a Transform; `source` names it in errors. Every problem is listed at once, so a
 * module is fixed in one go. `fixTitle` may be left out: it defaults to `summary`.
 */
export function validateTransform(value: unknown, source: string): Transform {
  if (!isObject(value)) throw new TransformLoadError(`${source}: the export is not an object with id, code, summary, safety, doc, examples and check`);
  const problems: string[] = [];
  const { id, code, summary, fixTitle, safety, doc, examples, check } = value;
  if (typeof id !== 'string' || !/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(id)) problems.push('`id` must be a kebab-case string, e.g. "os-popen-dropped"');
  if (typeof code !== 'string' || !/^[A-Z]+[0-9]+$/.test(code)) problems.push('`code` must be letters then digits, e.g. "ACME001"');
  if (!isText(summary)) problems.push('`summary` must be a non-empty string');
  if (fixTitle !== undefined && !isText(fixTitle)) problems.push('`fixTitle` must be a non-empty string when given');
  if (!SAFETIES.includes(safety as (typeof SAFETIES)[number])) problems.push(`\`safety\` must be one of ${SAFETIES.join(', ')}`);
  if (!isObject(doc)) problems.push(`\`doc\` must be an object with ${DOC_KEYS.join(', ')}`);
  else for (const k of DOC_KEYS) if (!isText(doc[k])) problems.push(`\`doc.${k}\` must be a non-empty string`);
  if (!Array.isArray(examples)) problems.push('`examples` must be an array of { before, after } strings');
  else
    examples.forEach((ex, i) => {
      if (!isObject(ex) || typeof ex.before !== 'string' || typeof ex.after !== 'string') problems.push(`\`examples[${i}]\` must be { before: string, after: string }`);
    });
  if (typeof check !== 'function') problems.push('`check` must be a function (ctx) => Finding[]');
  if (problems.length) throw new TransformLoadError(`${source}: not a transform:\n  ${problems.join('\n  ')}`);
  const builtIn = TRANSFORMS.find((t) => t.id === id || t.code === code);
  if (builtIn) throw new TransformLoadError(`${source}: id "${String(id)}" or code "${String(code)}" is taken by the built-in ${builtIn.code} ${builtIn.id}; choose another`);
  return { ...(value as unknown as Transform), fixTitle: (fixTitle as string | undefined) ?? (summary as string) };
}

/** Import the ES module at `path` (relative to `cwd`) and return its default export, or else its `transform` export, validated. */
export async function loadTransformModule(path: string, cwd: string = process.cwd()): Promise<Transform> {
  const full = resolve(cwd, path);
  if (!existsSync(full)) throw new TransformLoadError(`--transform: ${path}: no such file`);
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(full).href)) as Record<string, unknown>;
  } catch (err) {
    throw new TransformLoadError(`--transform: ${path}: cannot load the module: ${(err as Error).message.split('\n')[0]}`);
  }
  const exported = mod.default ?? mod.transform;
  if (exported === undefined) throw new TransformLoadError(`--transform: ${path}: export the transform as \`export default\` or \`export const transform\``);
  return validateTransform(exported, `--transform ${path}`);
}

/** Load every module (one named twice, once); two with the same id or code are an error. */
export async function loadTransformModules(paths: readonly string[], cwd: string = process.cwd()): Promise<Transform[]> {
  const out: Transform[] = [];
  const seen = new Set<string>();
  for (const p of paths) {
    // Ex) `--transform a.mjs --transform ./a.mjs`: one module, loaded once
    const full = resolve(cwd, p);
    if (seen.has(full)) continue;
    seen.add(full);
    const t = await loadTransformModule(p, cwd);
    const clash = out.find((o) => o.id === t.id || o.code === t.code);
    if (clash) throw new TransformLoadError(`--transform ${p}: id "${t.id}" or code "${t.code}" is already used by another --transform (${clash.code} ${clash.id})`);
    out.push(t);
  }
  return out;
}
