// Turning results into what people and scripts read. Pure: returns strings, prints nothing.
import { colorizeDiff, unifiedDiff } from './engine/diff.js';
import type { FileResult, FileWarning, LocatedFinding, Transform } from './types.js';
import type { Mode, RunResult } from './runner.js';
import { VERSION } from './version.js';
import { encodeSource } from './engine/read.js';
import { isAbsolute, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

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
  /** Lines given a `# withify: ignore[CODE]` comment (`--add-ignore`). */
  ignoresAdded: number;
}

export function countResults(result: RunResult): Counts {
  const c: Counts = { files: 0, changed: 0, failed: result.walkErrors.length, skipped: 0, fixesApplied: 0, findings: 0, fixable: 0, unsafe: 0, unfixable: 0, remaining: 0, ignoresAdded: 0 };
  for (const f of result.files) {
    c.files++;
    if (f.status === 'changed') c.changed++;
    if (f.status === 'failed') c.failed++;
    if (f.status === 'skipped') c.skipped++;
    c.fixesApplied += f.fixesApplied;
    c.ignoresAdded += f.ignoresAdded ?? 0;
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

/**
 * The command that applies a fixable finding's fix: an unsafe fix counts as fixable in a run with `--unsafe-fixes`,
 * and plain `withify fix` leaves it. Ex) `check . --unsafe-fixes`: WFY106 `[*]`, which `withify fix .` does not apply
 */
const fixCommand = (unsafe: boolean) => (unsafe ? '`withify fix --unsafe-fixes`' : '`withify fix`');
const needsUnsafeFlag = (x: LocatedFinding) => x.fixStatus === 'fixable' && x.fix?.applicability === 'unsafe';

/** The clause a summary line ends with when paths failed. Ex) `withify check .` with a file that does not parse */
const failedClause = (failed: number) => (failed > 0 ? `; ${plural(failed, 'path')} could not be processed (see the errors)` : '');

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

/**
 * The warnings (suppression comments, syntax newer than the target) that describe the files as the report does: `fix` has rewritten them (its
 * findings are `remaining`), `check` and `diff` report the input.
 */
export function reportedWarnings(mode: Mode, f: FileResult): FileWarning[] {
  return (mode === 'fix' ? f.remainingWarnings : f.warnings) ?? [];
}

/**
 * `warning: path:line:col: message`, one per malformed suppression comment (Ruff's "Invalid `# noqa` directive"), and
 * one per file with a finding whose syntax is newer than its target version.
 */
export function formatWarnings(mode: Mode, result: RunResult): string[] {
  return result.files.flatMap((f) => reportedWarnings(mode, f).map((w) => `warning: ${f.path}:${w.location.line}:${w.location.column}: ${w.message}`));
}

export interface TextReport {
  stdout: string;
  stderr: string;
  /** `stdout` as bytes, where a `diff` holds lines of a file that is not plain UTF-8 (written in its encoding). */
  stdoutBytes?: Buffer;
}

/**
 * One file's patch as bytes that apply to the file: the header and hunk lines in UTF-8, each line of the file in
 * its own encoding, with the BOM on the file's first line where the patch shows it.
 */
function encodePatch(patch: string, encoding: { name: string; bom: boolean }): Buffer {
  const out: Buffer[] = [];
  let inHunks = false;
  let oldLine = 0;
  let newLine = 0;
  for (const line of patch.split('\n')) {
    const hunk = /^@@ -(\d+)(?:,\d+)? \+(\d+)/.exec(line);
    if (hunk) {
      inHunks = true;
      oldLine = Number(hunk[1]);
      newLine = Number(hunk[2]);
      out.push(Buffer.from(line, 'utf8'));
    } else if (!inHunks || line === '' || line.startsWith('\\')) {
      out.push(Buffer.from(line, 'utf8'));
    } else {
      const tag = line[0]!;
      const first = (tag !== '+' && oldLine === 1) || (tag !== '-' && newLine === 1);
      out.push(Buffer.from(tag), encodeSource(line.slice(1), { encoding: encoding.name, bom: first && encoding.bom }));
      if (tag !== '+') oldLine++;
      if (tag !== '-') newLine++;
    }
    out.push(Buffer.from('\n'));
  }
  out.pop();
  return Buffer.concat(out);
}

export function textReport(mode: Mode, result: RunResult, opts: { quiet: boolean; color: boolean; statistics?: boolean; addIgnore?: boolean; unsafeNeedsFlag?: boolean }): TextReport {
  const out: string[] = [];
  // `diff`: the patches of files not in plain UTF-8, as bytes, by their place in `out`
  let encoded: Map<number, Buffer> | undefined;
  const err: string[] = [...formatErrors(result)];
  if (!opts.quiet) err.push(...formatSkipped(result), ...formatWarnings(mode, result));
  const c = countResults(result);
  const comments = plural(c.ignoresAdded, 'ignore comment');
  if (mode === 'check') {
    if (opts.statistics) out.push(...formatStatistics(statistics(mode, result)));
    else for (const f of result.files) for (const x of f.findings) out.push(formatFinding(x));
    if (!opts.quiet) {
      // Ex) `withify check nope.py`: no file was read, which is no all-clear
      if (c.findings === 0 && c.failed > 0) out.push(`No findings in ${plural(c.files, 'file')}${failedClause(c.failed)}.`);
      // Ex) `check . --include 'src/*.pyi'` matching nothing: "All clear" would pass a CI gate that checked nothing
      else if (c.files === 0) out.push('No file to check: the paths hold no file that the selection keeps (--include, --exclude, ignore files, --changed-since, --shard).');
      else if (c.findings === 0) out.push(`All clear: no findings in ${plural(c.files, 'file')}.`);
      else {
        const parts = [`${c.fixable} fixable with ${fixCommand(opts.unsafeNeedsFlag !== false && result.files.some((f) => f.findings.some(needsUnsafeFlag)))}`];
        if (c.unsafe) parts.push(`${c.unsafe} more with \`--unsafe-fixes\``);
        // Ex) `Found 3 findings in 1 of 40 files`: where they are, of what was checked
        const where = result.files.filter((f) => f.findings.length > 0).length;
        const files = where === c.files ? plural(c.files, 'file') : `${where} of ${plural(c.files, 'file')}`;
        out.push(`Found ${plural(c.findings, 'finding')} in ${files} (${parts.join(', ')})${failedClause(c.failed)}.`);
      }
      if (opts.addIgnore) {
        // Ex) a read-only file: its findings are left because nothing was written, not for want of a line
        const unwritten = result.files.filter((f) => f.status === 'failed').reduce((n, f) => n + f.remaining.length, 0);
        // Ex) a file with a stray lone CR among LF line ends: read, but written nothing, comments neither
        const mixed = result.files.filter((f) => f.status !== 'failed' && f.writesNothing).reduce((n, f) => n + f.remaining.length, 0);
        const noLine = c.remaining - unwritten - mixed;
        const noLineWhy = (n: number) => `none of ${n === 1 ? 'its' : 'their'} lines can take a comment`;
        const others = [...(unwritten ? [`${unwritten} in files that could not be written or processed (see the errors)`] : []), ...(mixed ? [`${mixed} in files with mixed line ends (a lone CR among LF or CRLF), which withify writes nothing to; give each one kind of line end`] : [])];
        const why = others.length === 0 ? noLineWhy(noLine) : [...(noLine ? [`${noLine} where ${noLineWhy(noLine)}`] : []), ...others].join(', ');
        const left = c.remaining ? `; ${plural(c.remaining, 'finding')} left without one: ${why}` : '';
        out.push(`Added ${comments} in ${plural(c.changed, 'file')}${left}.`);
      }
    }
  } else if (mode === 'diff') {
    for (const f of result.files) {
      if (f.status !== 'changed' || f.before === undefined || f.after === undefined) continue;
      const patch = unifiedDiff(f.path, f.before, f.after);
      out.push((opts.color ? colorizeDiff(patch) : patch).replace(/\n$/, ''));
      // Not colored: for a tool that applies it (colored, it is for reading on a UTF-8 terminal)
      if (f.encoding && !opts.color) (encoded ??= new Map()).set(out.length - 1, encodePatch(out[out.length - 1]!, f.encoding));
    }
    // Findings stay under --quiet, which drops only the summary (and progress, and warnings).
    if (opts.statistics) err.push(...formatStatistics(statistics(mode, result)));
    // What is left, placed in the input: `diff` writes nothing, so its reader has only that (`inInput`).
    else for (const f of result.files) for (const x of f.remaining) err.push(formatFinding(x.inInput ? { ...x, ...x.inInput } : x));
    if (!opts.quiet) {
      err.push(`${plural(c.changed, 'file')} would change (${plural(c.fixesApplied, 'fix', 'fixes')}${opts.addIgnore ? `, ${comments}` : ''}); ${plural(c.remaining, 'finding')} left unfixed${failedClause(c.failed)}.`);
    }
  } else {
    // Ex) `withify fix -q .`: what is left is still listed; only the summary line goes
    if (opts.statistics) out.push(...formatStatistics(statistics(mode, result)));
    else for (const f of result.files) for (const x of f.remaining) out.push(formatFinding(x));
    if (!opts.quiet) {
      out.push(`${plural(c.changed, 'file')} changed, ${plural(c.fixesApplied, 'fix', 'fixes')} applied${opts.addIgnore ? `, ${comments} added` : ''}, ${plural(c.remaining, 'finding')} left${failedClause(c.failed)}.`);
    }
  }
  const stdout = out.length ? `${out.join('\n')}\n` : '';
  const stdoutBytes = encoded ? Buffer.concat(out.flatMap((o, i) => [encoded!.get(i) ?? Buffer.from(o, 'utf8'), Buffer.from('\n')])) : undefined;
  return { stdout, stderr: err.length ? `${err.join('\n')}\n` : '', ...(stdoutBytes ? { stdoutBytes } : {}) };
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

export function jsonReport(mode: Mode, result: RunResult, opts: { statistics?: boolean; addIgnore?: boolean } = {}): string {
  const { ignoresAdded, ...counts } = countResults(result);
  // `ignoresAdded` only in a run with --add-ignore: the reports of every other run stay as they were.
  const c = opts.addIgnore ? { ...counts, ignoresAdded } : counts;
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
      ...(opts.addIgnore ? { ignoresAdded: f.ignoresAdded ?? 0 } : {}),
      findings: f.findings.map(jsonFinding),
      remaining: f.remaining.map(jsonFinding),
      // (`kind`: review rv55d, a script told the two only by their text)
      warnings: reportedWarnings(mode, f).map((w) => ({ line: w.location.line, column: w.location.column, kind: w.about ?? 'suppression comment', message: w.message })),
      // Ex) `withify diff --format json`: the report held no patch, and a review bot had the metadata alone (review rv55a)
      ...(mode === 'diff' && f.status === 'changed' && f.before !== undefined && f.after !== undefined ? { diff: unifiedDiff(f.path, f.before, f.after) } : {}),
      // (A file not in plain UTF-8: the diff is text, the file's lines are not; review rv55c)
      ...(mode === 'diff' && f.status === 'changed' && f.encoding ? { encoding: { name: f.encoding.name, bom: f.encoding.bom } } : {}),
    })),
    errors: result.walkErrors,
    interrupted: result.interrupted ?? null,
    ...(opts.statistics ? { statistics: statistics(mode, result) } : {}),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function exitCode(mode: Mode, result: RunResult, opts: { exitCodeOnDiff: boolean; addIgnore?: boolean }): number {
  const c = countResults(result);
  if (c.failed > 0) return 2;
  // `check --add-ignore`: what is left after the comments it wrote.
  if (mode === 'check' && (opts.addIgnore ? c.remaining : c.findings) > 0) return 1;
  if (mode === 'diff' && opts.exitCodeOnDiff && c.changed > 0) return 1;
  // `fix --exit-code` (a pre-commit hook, a CI step that fixes): the code was not clean, fixed or not
  if (mode === 'fix' && opts.exitCodeOnDiff && (c.changed > 0 || c.remaining > 0)) return 1;
  return 0;
}

// ---- Formats for scripts and CI: sarif, github; --statistics; one entry point for the CLI. ----

export type Format = 'text' | 'json' | 'sarif' | 'github';

export interface ReportOptions {
  format: Format;
  quiet: boolean;
  color: boolean;
  /** Counts per transform instead of one line per finding (text), or beside the files (json). */
  statistics: boolean;
  /** The run added ignore comments (`--add-ignore`): say how many. */
  addIgnore?: boolean;
  /**
   * An unsafe fix this run counts as fixable needs `withify fix --unsafe-fixes` (the default); false where the
   * config gives `unsafe-fixes = true`, so that plain `withify fix` applies it.
   */
  unsafeNeedsFlag?: boolean;
}

/** The findings that describe the files as they are on disk after this run: `fix` has rewritten them. */
export function reportedFindings(mode: Mode, f: FileResult): LocatedFinding[] {
  return mode === 'fix' ? f.remaining : f.findings;
}

export interface StatisticsRow {
  code: string;
  id: string;
  /** Findings in the input. */
  findings: number;
  /** Of those, fixable by `withify fix` with this run's options. */
  fixable: number;
  /** Findings that this run's rewrite removed (`fix`, `diff`); 0 for `check`. */
  fixed: number;
  /** Findings left standing after the rewrite, `--add-ignore`'s silenced too (`check`: every finding). */
  unfixed: number;
}

/** One row per transform with findings, most findings first (ties by code). */
export function statistics(mode: Mode, result: RunResult): StatisticsRow[] {
  const rows = new Map<string, StatisticsRow>();
  const row = (x: LocatedFinding) => {
    let r = rows.get(x.code);
    if (!r) rows.set(x.code, (r = { code: x.code, id: x.id, findings: 0, fixable: 0, fixed: 0, unfixed: 0 }));
    return r;
  };
  for (const f of result.files) {
    for (const x of f.findings) {
      const r = row(x);
      r.findings++;
      if (x.fixStatus === 'fixable') r.fixable++;
    }
    // (Found by a later round in what an earlier one wrote: `findings` holds the first round's)
    for (const [code, { id, count, fixable }] of Object.entries(f.laterFindings ?? {})) {
      let r = rows.get(code);
      if (!r) rows.set(code, (r = { code, id, findings: 0, fixable: 0, fixed: 0, unfixed: 0 }));
      r.findings += count;
      r.fixable += fixable;
    }
    const left = mode === 'check' ? f.findings : f.remaining;
    for (const x of left) row(x).unfixed++;
    // (`--add-ignore`: a finding its comment silenced was not fixed either)
    if (mode !== 'check') for (const [code, n] of Object.entries(f.ignored ?? {})) if (rows.has(code)) rows.get(code)!.unfixed += n;
  }
  for (const r of rows.values()) r.fixed = mode === 'check' ? 0 : Math.max(0, r.findings - r.unfixed);
  return [...rows.values()].sort((a, b) => b.findings - a.findings || (a.code < b.code ? -1 : 1));
}

export function formatStatistics(rows: readonly StatisticsRow[]): string[] {
  if (rows.length === 0) return [];
  const head = ['findings', 'fixable', 'fixed', 'unfixed', 'code', 'id'];
  const cells = rows.map((r) => [String(r.findings), String(r.fixable), String(r.fixed), String(r.unfixed), r.code, r.id]);
  const width = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) => c.map((v, i) => (i < 4 ? v.padStart(width[i]!) : i === 5 ? v : v.padEnd(width[i]!))).join('  ');
  return [line(head), ...cells.map(line)];
}

// GitHub workflow commands: data escapes % CR LF; property values also `:` and `,`.
// https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts
export const escapeGithubData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
export const escapeGithubProperty = (s: string) => escapeGithubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** One `::warning` per finding (its fix status in the message), one `::error` per file that failed. */
export function githubReport(mode: Mode, result: RunResult, unsafeNeedsFlag = true): string {
  const lines: string[] = [];
  const cmd = (level: 'warning' | 'error', props: Record<string, string | number>, message: string) => {
    const p = Object.entries(props).map(([k, v]) => `${k}=${escapeGithubProperty(String(v))}`).join(',');
    lines.push(`::${level} ${p}::${escapeGithubData(message)}`);
  };
  for (const e of result.walkErrors) cmd('error', { file: e.path, title: 'withify' }, e.reason);
  for (const f of result.files) {
    // Ex) a syntax error: the annotation on its line, as for a finding
    const at: Record<string, number> = f.errorLocation ? { line: f.errorLocation.line, col: f.errorLocation.column } : {};
    if (f.status === 'failed') cmd('error', { file: f.path, ...at, title: 'withify' }, f.reason ?? 'failed');
    for (const w of reportedWarnings(mode, f)) cmd('warning', { file: f.path, line: w.location.line, col: w.location.column, title: `withify: ${w.about ?? 'suppression comment'}` }, w.message);
    for (const x of reportedFindings(mode, f)) {
      const tail = x.fixStatus === 'fixable' ? ` [*] fixable with ${fixCommand(unsafeNeedsFlag && needsUnsafeFlag(x))}` : x.fixStatus === 'unsafe' ? ' (fix with `withify fix --unsafe-fixes`)' : x.reason ? ` (not fixed: ${x.reason})` : '';
      const { line, column } = x.location;
      const endLine = x.endLocation.line;
      // Columns only on one line: the toolkit's AnnotationProperties take no columns where the lines differ
      const span: Record<string, number> = endLine === line ? { line, col: column, endLine, endColumn: x.endLocation.column } : { line, endLine };
      cmd('warning', { file: x.path, ...span, title: `${x.code} ${x.id}` }, `${x.message}${tail}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0-rtm.5.json';

/** SARIF 2.1.0: one run, the transform registry as rules, one result per finding, fixes where a fix exists. */
export function sarifReport(mode: Mode, result: RunResult, rules: readonly Transform[]): string {
  const ruleIndex = new Map(rules.map((t, i) => [t.code, i]));
  // A file under the working directory by its path against `%SRCROOT%`; one outside it (`check ../lib`, shown by its
  // absolute path) by an absolute `file:` URI, which takes no base (SARIF 3.4.4)
  const artifact = (path: string) =>
    isAbsolute(path) ? { uri: pathToFileURL(path).href } : { uri: (sep === '\\' ? path.split(sep).join('/') : path).split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  const results: object[] = [];
  for (const f of result.files) {
    for (const x of reportedFindings(mode, f)) {
      const index = ruleIndex.get(x.code);
      const text = x.fixStatus === 'none' && x.reason ? `${x.message} (not fixed: ${x.reason})` : x.message;
      const fixes =
        x.fix && x.fixEdits && x.fixStatus !== 'display-only'
          ? [
              {
                description: { text: `${x.fix.title}${x.fix.applicability === 'unsafe' ? ' (unsafe: review it)' : ''}` },
                artifactChanges: [
                  {
                    artifactLocation: artifact(x.path),
                    replacements: x.fixEdits.map((e) => ({
                      deletedRegion: { startLine: e.start.line, startColumn: e.start.column, endLine: e.end.line, endColumn: e.end.column },
                      insertedContent: { text: e.text },
                    })),
                  },
                ],
              },
            ]
          : undefined;
      results.push({
        ruleId: x.code,
        ...(index === undefined ? {} : { ruleIndex: index }),
        level: 'warning',
        message: { text },
        locations: [
          {
            physicalLocation: {
              artifactLocation: artifact(x.path),
              region: { startLine: x.location.line, startColumn: x.location.column, endLine: x.endLocation.line, endColumn: x.endLocation.column },
            },
          },
        ],
        ...(fixes ? { fixes } : {}),
        properties: { id: x.id, fixStatus: x.fixStatus },
      });
    }
  }
  const notifications = [
    ...result.walkErrors.map((e) => ({ level: 'error', message: { text: `${e.path}: ${e.reason}` } })),
    ...result.files
      .filter((f) => f.status === 'failed')
      .map((f) => {
        const region = f.errorLocation ? { region: { startLine: f.errorLocation.line, startColumn: f.errorLocation.column } } : {};
        return { level: 'error', message: { text: `${f.path}: ${f.reason ?? 'failed'}` }, locations: [{ physicalLocation: { artifactLocation: artifact(f.path), ...region } }] };
      }),
    ...result.files.flatMap((f) =>
      reportedWarnings(mode, f).map((w) => ({
        level: 'warning',
        message: { text: `${f.path}:${w.location.line}:${w.location.column}: ${w.message}` },
        locations: [{ physicalLocation: { artifactLocation: artifact(f.path), region: { startLine: w.location.line, startColumn: w.location.column } } }],
      })),
    ),
  ];
  const doc = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'withify',
            version: VERSION,
            rules: rules.map((t) => ({
              id: t.code,
              name: t.id,
              shortDescription: { text: t.summary },
              fullDescription: { text: t.doc.whatItDoes },
              help: { text: `${t.doc.whyItBreaksOnPyPy}\n\nFix: ${t.fixTitle ?? t.summary}. ${t.doc.fixSafety}`, markdown: `${t.doc.whyItBreaksOnPyPy}\n\n**Fix:** ${t.fixTitle ?? t.summary}. ${t.doc.fixSafety}` },
              defaultConfiguration: { level: 'warning' },
              properties: { safety: t.safety },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        // (An absolute URI ending in `/`, as SARIF 3.14.14 asks of a base that is not itself relative to another)
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(`${process.cwd()}${sep}`).href } },
        results,
        invocations: [{ executionSuccessful: countResults(result).failed === 0 && !result.interrupted, toolExecutionNotifications: notifications }],
        properties: { mode },
      },
    ],
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** The line an interrupted run ends with: what was done, and that a re-run finishes the job. */
export function formatInterrupted(mode: Mode, result: RunResult): string[] {
  if (!result.interrupted) return [];
  const { notStarted, total, round } = result.interrupted;
  const done = total - notStarted;
  // Ex) Ctrl-C after the files were all processed once, while those that abandon a generator a fix gave cleanup are done again
  if (round !== undefined) {
    const rewritten = mode === 'fix' ? `${plural(countResults(result).changed, 'file')} rewritten, each as one round or the next left it` : 'results above cover what was done';
    return [`interrupted in round ${round}, after a fix gave a generator cleanup: ${done} of ${plural(total, 'file')} looked at again (${rewritten}); run the same command again to finish.`];
  }
  const what = mode === 'fix' ? `${plural(countResults(result).changed, 'file')} rewritten; every other file is untouched` : 'results above cover those only';
  return [`interrupted: ${done} of ${plural(total, 'file')} processed (${what}); run the same command again to finish.`];
}

/** Everything a run prints, by format. */
export function renderReport(mode: Mode, result: RunResult, opts: ReportOptions, rules: readonly Transform[]): TextReport {
  const interrupted = formatInterrupted(mode, result).map((l) => `${l}\n`).join('');
  if (opts.format === 'json') {
    return { stdout: jsonReport(mode, result, opts), stderr: interrupted };
  }
  if (opts.format === 'sarif') return { stdout: sarifReport(mode, result, rules), stderr: interrupted };
  if (opts.format === 'github') return { stdout: githubReport(mode, result, opts.unsafeNeedsFlag !== false), stderr: interrupted };
  const r = textReport(mode, result, opts);
  return { ...r, stderr: r.stderr + interrupted };
}

