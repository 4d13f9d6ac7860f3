// parse → check → plan → apply → verify, repeated until no fix is left (or MAX_PASSES).
// `processSource` never throws: every outcome is a FileResult.
import type { FileResult, Finding, LocatedFinding, ProjectIndex, Transform, TransformOptions } from '../types.js';
import { SkipFile } from '../types.js';
import { lineTable, positionAt } from '../python/text.js';
import { createContext } from './context.js';
import { parsePython, firstSyntaxError } from './parse.js';
import { applyEdits } from './apply.js';
import { isApplicable, planEdits, selectFixes } from './plan.js';
import { activeTransforms } from '../../transforms/index.js';
import { filterSuppressed } from './suppress.js';
import { detectEol } from './read.js';

export const MAX_PASSES = 10;

export interface SourceInput {
  path: string;
  text: string;
  options: TransformOptions;
  /** The file's line ending; detected from `text` when absent. */
  eol?: string;
  project?: ProjectIndex;
  moduleName?: string;
  /** `false` for `check`: report the first pass, apply nothing. Default `true`. */
  applyFixes?: boolean;
}

export function locate(path: string, text: string, findings: readonly Finding[], unsafeFixes: boolean): LocatedFinding[] {
  const table = lineTable(text);
  return findings.map((f) => ({
    ...f,
    path,
    location: positionAt(table, f.start),
    endLocation: positionAt(table, f.end),
    ...(f.fix ? { fixEdits: f.fix.edits.map((e) => ({ start: positionAt(table, e.start), end: positionAt(table, e.end), text: e.text })) } : {}),
    fixStatus: !f.fix
      ? 'none'
      : f.fix.applicability === 'display-only'
        ? 'display-only'
        : isApplicable(f.fix.applicability, unsafeFixes)
          ? 'fixable'
          : 'unsafe',
  }));
}

function runChecks(transforms: readonly Transform[], ctx: ReturnType<typeof createContext>): Finding[] {
  const out: Finding[] = [];
  for (const t of transforms) {
    for (const f of t.check(ctx)) out.push(f);
  }
  return filterSuppressed(ctx.source, out, ctx.root).sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * One regular expression for the trigger words of `transforms`, or `null` when one of them has none (then
 * every file is parsed).
 */
export function triggerPattern(transforms: readonly Transform[], project?: ProjectIndex): RegExp | null {
  const words = new Set<string>();
  for (const t of transforms) {
    if (!t.triggers) return null;
    const list = typeof t.triggers === 'function' ? t.triggers(project) : t.triggers;
    for (const w of list) words.add(w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  }
  return words.size ? new RegExp(`\\b(?:${[...words].join('|')})\\b`) : null;
}

// The options object and the project index of a run are shared by all its files: work out its transforms
// and triggers once per pair.
interface Plan {
  transforms: Transform[];
  triggers: RegExp | null;
}
const NO_PROJECT = {};
const planCache = new WeakMap<TransformOptions, WeakMap<object, Plan>>();

function transformsFor(options: TransformOptions, project: ProjectIndex | undefined): Plan {
  let byProject = planCache.get(options);
  if (!byProject) {
    byProject = new WeakMap();
    planCache.set(options, byProject);
  }
  const key = project ?? NO_PROJECT;
  let plan = byProject.get(key);
  if (!plan) {
    const transforms = activeTransforms(options);
    plan = { transforms, triggers: triggerPattern(transforms, project) };
    byProject.set(key, plan);
  }
  return plan;
}

export function processSource(input: SourceInput): FileResult {
  const { path, options } = input;
  const base = { path, findings: [], remaining: [], fixesApplied: 0 };
  try {
    const { transforms, triggers } = transformsFor(options, input.project);
    // Ex) a file that names no resource call, `__del__` or `yield`: no transform can find anything in it
    if (triggers && !triggers.test(input.text)) return { ...base, status: 'unchanged' };
    const eol = input.eol ?? detectEol(input.text);
    let text = input.text;
    let tree = parsePython(text);
    const syntax = firstSyntaxError(tree);
    if (syntax) {
      const p = syntax.startPosition;
      return {
        ...base,
        status: 'failed',
        reason: `cannot parse: syntax error at line ${p.row + 1}, column ${p.column + 1} (withify rewrites only files that parse; if Python accepts this file, tree-sitter-python does not)`,
      };
    }
    const makeCtx = () => createContext({ path, source: text, tree, eol, options, project: input.project, moduleName: input.moduleName });
    let findings = runChecks(transforms, makeCtx());
    const first = locate(path, text, findings, options.unsafeFixes);
    let applied = 0;
    for (let pass = 0; pass < (input.applyFixes === false ? 0 : MAX_PASSES); pass++) {
      const { chosen } = selectFixes(findings, options.unsafeFixes);
      if (chosen.length === 0) break;
      const next = applyEdits(text, planEdits(chosen));
      const nextTree = parsePython(next);
      const broken = firstSyntaxError(nextTree);
      if (broken) {
        const ids = [...new Set(chosen.map((f) => f.id))].join(', ');
        return {
          ...base,
          findings: first,
          status: 'failed',
          reason: `internal error: the fix of ${ids} would produce invalid syntax at line ${broken.startPosition.row + 1}; nothing was written (please report this with the file)`,
        };
      }
      applied += chosen.length;
      text = next;
      tree = nextTree;
      findings = runChecks(transforms, makeCtx());
    }
    const remaining = locate(path, text, findings, options.unsafeFixes);
    if (text === input.text) return { ...base, findings: first, remaining, status: 'unchanged' };
    return { ...base, findings: first, remaining, fixesApplied: applied, status: 'changed', before: input.text, after: text };
  } catch (err) {
    if (err instanceof SkipFile) return { ...base, status: 'skipped', reason: err.message };
    const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
    return { ...base, status: 'failed', reason: `internal error: ${detail}` };
  }
}
