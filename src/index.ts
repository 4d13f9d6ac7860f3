// Public API of the withify package (docs/library.md).
export { transformSource, transformBytes, run } from './api.js';
export type { TransformSourceOptions, TransformSourceResult, RunApiOptions } from './api.js';
export { processPath } from './runner.js';
export type { RunOptions, RunResult, Mode } from './runner.js';
export { defaultOptions, parsePythonVersion } from './options.js';
export { TRANSFORMS } from '../transforms/index.js';
export type * from './types.js';
export { SkipFile } from './types.js';
export { selectFiles, SelectError, parseShard, shardOf } from './walk.js';
export type { SelectOptions, Shard, WalkResult, WalkError } from './walk.js';
export { loadConfig, mergeSettings, parseRequiresPython, ConfigError, CONFIG_KEYS } from './config.js';
export type { ConfigSettings, LoadedConfig } from './config.js';
export { loadTransformModule, loadTransformModules, validateTransform, TransformLoadError } from './load-transform.js';
export { countResults, jsonReport } from './report.js';
export type { Counts } from './report.js';
export { trace, runTraced, groupLeaks, formatTraceText, formatTraceJson, TraceError } from './trace/index.js';
export type { TraceOptions } from './trace/index.js';
export type { TraceReport, LeakSite, TraceSummary, TraceRun } from './trace/index.js';
