// Turning results into what people and scripts read. Pure: returns strings, prints nothing.
import { colorizeDiff, unifiedDiff } from './engine/diff.js';
import type { FileResult, LocatedFinding } from './types.js';
import type { Mode, RunResult } from './runner.js';
import { VERSION } from './version.js';

export interface Counts {
  files: number;
  changed: number;
  failed: number;
  skipped: number;
  fixesApplied: number;
  findings: number;
  fixable: number;
  unsafe: number;
  unfixable: number;
  /** Findings left after the rewrite (fix/diff). */
  remaining: number;
}

export function countResults(result: RunResult): Counts {
  const c: Counts = { files: 0, changed: 0, failed: result.walkErrors.length, skipped: 0, fixesApplied: 0, findings: 0, fixable: 0, unsafe: 0, unfixable: 0, remaining: 0 };
  for (const f of result.files) {
    c.files++;
    if (f.status === 'changed') c.changed++;
    if (f.status === 'failed') c.failed++;
    if (f.status === 'skipped') c.skipped++;
    c.fixesApplied += f.fixesApplied;
    c.findings += f.findings.length;
    c.remaining += f.remaining.length;
    for (const x of f.findings) {
      if (x.fixStatus === 'fixable') c.fixable++;
      else if (x.fixStatus === 'unsafe') c.unsafe++;
      else c.unfixable++;
    }
  }
  return c;
}

export function formatFinding(f: LocatedFinding): string {
  const where = `${f.path}:${f.location.line}:${f.location.column}`;
  let tail = '';
  if (f.fixStatus === 'fixable') tail = ' [*]';
  else if (f.fixStatus === 'unsafe') tail = ' [unsafe fix: --unsafe-fixes]';
  else if (f.reason) tail = ` (not fixed: ${f.reason})`;
  return `${where} ${f.code} ${f.message}${tail}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function formatErrors(result: RunResult): string[] {
  const lines = result.walkErrors.map((e) => `error: ${e.path}: ${e.reason}`);
  for (const f of result.files) {
    if (f.status === 'failed') lines.push(`error: ${f.path}: ${f.reason ?? 'failed'}`);
  }
  return lines;
}

export function formatSkipped(result: RunResult): string[] {
  return result.files.filter((f) => f.status === 'skipped').map((f) => `warning: ${f.path}: skipped: ${f.reason ?? ''}`);
}

export interface TextReport {
  stdout: string;
  stderr: string;
}

export function textReport(mode: Mode, result: RunResult, opts: { quiet: boolean; color: boolean }): TextReport {
  const out: string[] = [];
  const err: string[] = [...formatErrors(result)];
  if (!opts.quiet) err.push(...formatSkipped(result));
  const c = countResults(result);
  if (mode === 'check') {
    for (const f of result.files) for (const x of f.findings) out.push(formatFinding(x));
    if (!opts.quiet) {
      if (c.findings === 0) out.push(`All clear: no findings in ${plural(c.files, 'file')}.`);
      else {
        const parts = [`${c.fixable} fixable with \`withify fix\``];
        if (c.unsafe) parts.push(`${c.unsafe} more with \`--unsafe-fixes\``);
        out.push(`Found ${plural(c.findings, 'finding')} in ${plural(c.files, 'file')} (${parts.join(', ')}).`);
      }
    }
  } else if (mode === 'diff') {
    for (const f of result.files) {
      if (f.status !== 'changed' || f.before === undefined || f.after === undefined) continue;
      const patch = unifiedDiff(f.path, f.before, f.after);
      out.push((opts.color ? colorizeDiff(patch) : patch).replace(/\n$/, ''));
    }
    if (!opts.quiet) {
      for (const f of result.files) for (const x of f.remaining) err.push(formatFinding(x));
      err.push(`${plural(c.changed, 'file')} would change (${plural(c.fixesApplied, 'fix', 'fixes')}); ${plural(c.remaining, 'finding')} left unfixed.`);
    }
  } else {
    if (!opts.quiet) {
      for (const f of result.files) for (const x of f.remaining) out.push(formatFinding(x));
      out.push(`${plural(c.changed, 'file')} changed, ${plural(c.fixesApplied, 'fix', 'fixes')} applied, ${plural(c.remaining, 'finding')} left.`);
    }
  }
  return { stdout: out.length ? `${out.join('\n')}\n` : '', stderr: err.length ? `${err.join('\n')}\n` : '' };
}

export interface JsonFinding {
  code: string;
  id: string;
  message: string;
  range: { start: { line: number; column: number }; end: { line: number; column: number } };
  fix: { applicability: 'safe' | 'unsafe' | 'display-only'; title: string; status: LocatedFinding['fixStatus'] } | null;
  reason: string | null;
}

export function jsonFinding(f: LocatedFinding): JsonFinding {
  return {
    code: f.code,
    id: f.id,
    message: f.message,
    range: { start: f.location, end: f.endLocation },
    fix: f.fix ? { applicability: f.fix.applicability, title: f.fix.title, status: f.fixStatus } : null,
    reason: f.reason ?? null,
  };
}

export function jsonReport(mode: Mode, result: RunResult): string {
  const c = countResults(result);
  const doc = {
    schema: 'withify-report/1',
    tool: { name: 'withify', version: VERSION },
    mode,
    summary: c,
    files: result.files.map((f) => ({
      path: f.path,
      status: f.status,
      reason: f.reason ?? null,
      fixesApplied: f.fixesApplied,
      findings: f.findings.map(jsonFinding),
      remaining: f.remaining.map(jsonFinding),
    })),
    errors: result.walkErrors,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function exitCode(mode: Mode, result: RunResult, opts: { exitCodeOnDiff: boolean }): number {
  const c = countResults(result);
  if (c.failed > 0) return 2;
  if (mode === 'check' && c.findings > 0) return 1;
  if (mode === 'diff' && opts.exitCodeOnDiff && c.changed > 0) return 1;
  return 0;
}
