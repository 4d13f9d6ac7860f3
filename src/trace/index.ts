// `withify trace`: run a command with ResourceWarnings recorded, group the leaks by site, report.
import { writeFileSync } from 'node:fs';
import { groupLeaks } from './group.js';
import { buildReport, formatTraceJson, formatTraceText, type TraceReport } from './report.js';
import { runTraced, TraceError } from './run.js';

export { groupLeaks, type LeakSite, type TraceSummary } from './group.js';
export { buildReport, formatTraceJson, formatTraceText, type TraceReport } from './report.js';
export { runTraced, parseRecords, TraceError, type TraceRun, type WarningRecord, type StartRecord } from './run.js';

export interface TraceOptions {
  command: string[];
  cwd: string;
  python?: string;
  format: 'text' | 'json';
  failOnLeak: boolean;
  /** Write the report here instead of stderr. */
  output?: string;
  env?: NodeJS.ProcessEnv;
}

/** Exit code `--fail-on-leak` uses when the command itself succeeded but leaked. */
export const LEAK_EXIT_CODE = 1;

/**
 * Run, group and report. Returns the exit code withify should end with: the command's own, or with
 * `failOnLeak`, LEAK_EXIT_CODE when the command exited 0 and leaks were found.
 */
export async function trace(options: TraceOptions): Promise<{ exitCode: number; report: TraceReport }> {
  const run = await runTraced({ command: options.command, cwd: options.cwd, python: options.python, env: options.env });
  const grouped = groupLeaks(run.warnings, run.starts, { cwd: options.cwd });
  const report = buildReport(options.command, run, grouped);
  const text = options.format === 'json' ? formatTraceJson(report) : formatTraceText(report);
  if (options.output) {
    try {
      writeFileSync(options.output, text);
    } catch (err) {
      throw new TraceError(`--output ${options.output}: cannot write (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); check the directory exists`);
    }
  } else process.stderr.write(text);
  const leaked = report.summary.leaks > 0;
  const exitCode = options.failOnLeak && leaked && run.exitCode === 0 ? LEAK_EXIT_CODE : run.exitCode;
  return { exitCode, report };
}
