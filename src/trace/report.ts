// What `withify trace` prints: a text report for people, a JSON document for scripts. Pure.
import type { CallPath, LeakSite, TraceSummary } from './group.js';
import type { StartRecord, TraceRun } from './run.js';

export const TRACE_JSON_VERSION = 1;

export interface TraceReport {
  version: typeof TRACE_JSON_VERSION;
  command: string[];
  exitCode: number;
  /** One entry per Python process that loaded the shim. */
  processes: Array<Pick<StartRecord, 'pid' | 'implementation' | 'version' | 'executable' | 'stacks'>>;
  sites: LeakSite[];
  summary: TraceSummary;
}

export function buildReport(command: readonly string[], run: TraceRun, grouped: { sites: LeakSite[]; summary: TraceSummary }): TraceReport {
  return {
    version: TRACE_JSON_VERSION,
    command: [...command],
    exitCode: run.exitCode,
    processes: run.starts.map(({ pid, implementation, version, executable, stacks }) => ({ pid, implementation, version, executable, stacks })),
    sites: grouped.sites,
    summary: grouped.summary,
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function formatPath(p: CallPath): string {
  const frames = p.frames.map((f) => `${f.file}:${f.line}${f.function && f.function !== '<module>' ? ` ${f.function}()` : ''}`).join(' → ');
  return p.count > 1 ? `${frames}  (×${p.count})` : frames;
}

function formatStatus(s: LeakSite): string {
  const f = s.finding;
  if (s.status === 'fixable') return `fixable now: ${f!.code} ${f!.id} (\`withify fix ${s.file}\`)`;
  if (s.status === 'unsafe') return `fixable with --unsafe-fixes: ${f!.code} ${f!.id}`;
  if (!s.inUserCode) return 'needs a hand fix: no frame of the allocation stack is in your code';
  if (f) return `needs a hand fix: ${f.code} ${f.id} sees it but has no fix${f.reason ? ` (${f.reason})` : ''}`;
  return 'needs a hand fix: no static finding at this line';
}

const kindText = (s: LeakSite) => {
  const kinds = Object.entries(s.kinds);
  return kinds.length === 1 ? s.kind : kinds.map(([k, n]) => `${k} ×${n}`).join(', ');
};

/** The report `--format text` writes (to stderr, or to --output). */
export function formatTraceText(report: TraceReport): string {
  const lines: string[] = [];
  const interpreters = [...new Set(report.processes.map((p) => `${p.implementation} ${p.version}`))].sort();
  if (report.processes.length === 0) {
    lines.push(
      'withify trace: no Python process loaded the shim, so nothing was traced.',
      '  Is the command a Python 3 program? `python -I`, `-E` and `-S` ignore PYTHONPATH; a wrapper that clears the environment does too.',
    );
    return `${lines.join('\n')}\n`;
  }
  const where = `${plural(report.processes.length, 'Python process', 'Python processes')} (${interpreters.join(', ')})`;
  if (report.sites.length === 0) {
    lines.push(`withify trace: no leaks in ${where}.`);
    return `${lines.join('\n')}\n`;
  }
  lines.push(`withify trace: ${plural(report.summary.leaks, 'leak')} at ${plural(report.summary.sites, 'site')} in ${where}`, '');
  for (const s of report.sites) {
    lines.push(`${s.file}:${s.line}: ${kindText(s)} ×${s.count}: ${formatStatus(s)}`);
    const shown = s.paths.slice(0, 3);
    for (const p of shown) lines.push(`    ${formatPath(p)}`);
    if (s.paths.length > shown.length) lines.push(`    … ${plural(s.paths.length - shown.length, 'more call path')}`);
    lines.push(`    ${s.example}`);
  }
  const m = report.summary;
  const parts = [`${m.fixable} fixable now with \`withify fix\``];
  if (m.unsafe) parts.push(`${m.unsafe} with \`--unsafe-fixes\``);
  parts.push(`${m.manual} need${m.manual === 1 ? 's' : ''} a hand fix`);
  lines.push('', `Summary: ${plural(m.sites, 'site')}, ${plural(m.leaks, 'leak')}: ${parts.join(', ')}.`);
  if (m.withoutStack) lines.push(`${plural(m.withoutStack, 'leak')} had no allocation stack and ${m.withoutStack === 1 ? 'is' : 'are'} placed where the warning was raised.`);
  return `${lines.join('\n')}\n`;
}

export function formatTraceJson(report: TraceReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
