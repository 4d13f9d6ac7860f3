// Public API of the withify package.
export { transformSource, transformBytes } from './api.js';
export type { TransformSourceOptions, TransformSourceResult } from './api.js';
export { run, runSync, processPath } from './runner.js';
export type { RunOptions, RunResult, RunControl, Mode } from './runner.js';
export { renderReport, jsonReport, sarifReport, githubReport, statistics } from './report.js';
export type { Format, ReportOptions, StatisticsRow } from './report.js';
export { defaultOptions, parsePythonVersion } from './options.js';
export { TRANSFORMS } from '../transforms/index.js';
export type * from './types.js';
export { SkipFile } from './types.js';
export { trace, runTraced, groupLeaks, formatTraceText, formatTraceJson, TraceError } from './trace/index.js';
export type { TraceOptions } from './trace/index.js';
export type { TraceReport, LeakSite, TraceSummary, TraceRun } from './trace/index.js';
