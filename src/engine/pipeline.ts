// parse → check → plan → apply → verify, repeated until no fix is left (a user transform's fix: MAX_PASSES).
// `processSource` never throws: every outcome is a FileResult.
import type { Edit, FileResult, FileWarning, Finding, LocatedFinding, ProjectIndex, SyntaxNode, Transform, TransformOptions } from '../types.js';
import { SkipFile } from '../types.js';
import { findWords, lineTable, positionAt, shareWordHits, wordsPattern } from '../python/text.js';
import { createContext } from './context.js';
import { emptyBlocks, parsePython, firstSyntaxError, syntaxErrorStart } from './parse.js';
import { applyEdits, editedRanges, offsetBefore, writtenBy } from './apply.js';
import { isApplicable, planEdits, selectFixes } from './plan.js';
import { activeTransforms, findTransform, TRANSFORMS } from '../../transforms/index.js';
import { directiveWarnings, filterSuppressed, suppresses, suppressionLookup } from './suppress.js';
import { ignoreCommentEdits } from './add-ignore.js';
import { detectEol, parseableLineEnds } from './read.js';
import { nestingPastLimit } from '../python/nesting.js';
import { mayBePython2, python2Form, type Python2Form } from '../python/python2.js';
import { versionAtLeast } from '../options.js';
import { newerSyntax, newerSyntaxMessage } from '../python/newer-syntax.js';
import { addTopLevelNamed, badIndentation, unexpectedIndent, keepOutline, LineKind, MAX_INDENT_LEVELS, tooManyIndentLevels, importAliasTargets, outermostFunction, includedRanges, lineAt, outline, outlineOf, planRanges, selectAround, type Outline, type Selection } from '../python/outline.js';

export const MAX_PASSES = 10;
/**
 * The passes the built-in fixes may take. A chain of fixes each inside the one before (a `with` per file of
 * twelve opened in one function, nested loops over generators) takes a pass per link: stopping at
 * MAX_PASSES left fixes for a second run. Each link is a block deeper, and CPython's tokenizer takes 100
 * levels of indentation, so a file Python accepts settles well before this.
 */
export const MAX_BUILTIN_PASSES = 200;

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
  /**
   * `false`: always parse the whole file. Default `true`: when every active transform has `anchors`, parse
   * first only the parts of the file around them (unless they come to most of it), and the whole file only
   * when that finds something. `'always'`: the partial look however large the parts (for tests).
   */
  partial?: boolean | 'always';
  /** The outline of `text` (src/python/outline.ts), when the caller has it already. */
  outline?: Outline;
  /** After the fixes (none for `check`), a `# withify: ignore[CODE]` comment for each finding left (`--add-ignore`). */
  addIgnore?: boolean;
}

export function locate(path: string, text: string, findings: readonly Finding[], unsafeFixes: boolean): LocatedFinding[] {
  const table = lineTable(text);
  // The resources of one statement share one fix (one `with` for all of them): locate its edits once.
  const located = new Map<readonly Edit[], LocatedFinding['fixEdits']>();
  const locateEdits = (edits: readonly Edit[]) => {
    let out = located.get(edits);
    if (!out) located.set(edits, (out = edits.filter((e) => !e.reach).map((e) => ({ start: positionAt(table, e.start), end: positionAt(table, e.end), text: e.text }))));
    return out;
  };
  return findings.map((f) => ({
    ...f,
    path,
    location: positionAt(table, f.start),
    endLocation: positionAt(table, f.end),
    ...(f.fix ? { fixEdits: locateEdits(f.fix.edits) } : {}),
    fixStatus: !f.fix
      ? 'none'
      : f.fix.applicability === 'display-only'
        ? 'display-only'
        : isApplicable(f.fix.applicability, unsafeFixes)
          ? 'fixable'
          : 'unsafe',
  }));
}

/**
 * Give each finding left in `output` (made from `input` by `passes`) its place in `input`, and the lines its
 * message and reason name (`on line 22`) counted there: `diff` writes nothing, so its reader has only the input.
 */
function placeInInput(remaining: LocatedFinding[], input: string, output: string, passes: readonly Edit[][], first: readonly LocatedFinding[]): void {
  if (!remaining.length) return;
  // Ex) `d[open(a).readline()] += len(open(b).read())`: left after the first file's fix, its reason quotes
  // `d[f.readline()]`; the first pass's finding at the same place quotes the input, which the reader has.
  const asFirst = new Map(first.map((f) => [`${f.code}:${f.start}:${f.end}`, f]));
  const before = (at: number) => passes.reduceRight((o, edits) => offsetBefore(o, edits), at);
  const inTable = lineTable(input);
  const outTable = lineTable(output);
  const line = (n: number) => (n >= 1 && n <= outTable.length ? positionAt(inTable, before(outTable[n - 1]!)).line : n);
  const lines = (s: string) => s.replace(/\b(lines?) (\d+)\b/g, (_m, w: string, n: string) => `${w} ${line(Number(n))}`);
  for (const f of remaining) {
    const start = before(f.start);
    const same = asFirst.get(`${f.code}:${start}:${before(f.end)}`);
    if (same && !same.reason === !f.reason) {
      f.inInput = { location: positionAt(inTable, start), message: same.message, ...(same.reason ? { reason: same.reason } : {}) };
      continue;
    }
    f.inInput = { location: positionAt(inTable, start), message: lines(f.message), ...(f.reason ? { reason: lines(f.reason) } : {}) };
  }
}

/**
 * A user's transform (`--transform`, `extraTransforms`) broke its contract on this file: a `check` that threw
 * or returned a finding no report can place. The file fails, its reason naming the transform; nothing is written.
 */
export class TransformContractError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TransformContractError';
  }
}

const BUILT_IN: ReadonlySet<Transform> = new Set(TRANSFORMS);
export const isBuiltIn = (t: Transform): boolean => BUILT_IN.has(t);
const APPLICABILITIES = ['safe', 'unsafe', 'display-only'];
const isOffset = (v: unknown, length: number): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= length;

/** Why `f`, returned by the user's transform `t` for a text of `length` code units, is no Finding; `undefined` when it is one. */
function badFinding(t: Transform, f: unknown, length: number): string | undefined {
  if (typeof f !== 'object' || f === null) return 'a finding that is not an object';
  const x = f as Record<string, unknown>;
  // Ex) `{ code: 'WFY101', … }` from ACME001: the report would credit the built-in rule, and its suppressions would hide it
  if (x.id !== t.id || x.code !== t.code) return `a finding with id ${JSON.stringify(x.id)} and code ${JSON.stringify(x.code)}; its findings must carry its own, "${t.id}" and "${t.code}"`;
  if (typeof x.message !== 'string') return 'a finding whose `message` is not a string';
  // Ex) `[{ message: 'm' }]` gave `m.py:1:NaN undefined m`
  if (!isOffset(x.start, length) || !isOffset(x.end, length) || x.start > x.end) {
    return `a finding whose start and end (${String(x.start)}, ${String(x.end)}) are not offsets 0 ≤ start ≤ end ≤ ${length} of the text (UTF-16 code units)`;
  }
  if (x.reason !== undefined && typeof x.reason !== 'string') return 'a finding whose `reason` is not a string';
  if (x.fix === undefined) return undefined;
  const fix = x.fix as Record<string, unknown> | null;
  if (typeof fix !== 'object' || fix === null || typeof fix.title !== 'string' || !APPLICABILITIES.includes(fix.applicability as string) || !Array.isArray(fix.edits)) {
    return `a fix that is not { title, applicability: ${APPLICABILITIES.join(' | ')}, edits: [...] }`;
  }
  // Ex) `order: '1'`: compared as a number it would sort the fixes at random
  if (fix.order !== undefined && (typeof fix.order !== 'number' || !Number.isFinite(fix.order))) return 'a fix whose `order` is not a finite number';
  const edits = fix.edits as unknown[];
  for (const e of edits) {
    const edit = e as Record<string, unknown> | null;
    if (typeof edit !== 'object' || edit === null || !isOffset(edit.start, length) || !isOffset(edit.end, length) || edit.start > edit.end || typeof edit.text !== 'string') {
      return 'a fix with an edit that is not { start, end, text } with 0 ≤ start ≤ end ≤ the length of the text';
    }
  }
  // Ex) edits [0, 4) and [2, 6): which text wins is undefined
  const sorted = (edits as Edit[]).filter((e) => e.start < e.end).sort((a, b) => a.start - b.start);
  if (sorted.some((e, i) => i > 0 && e.start < sorted[i - 1]!.end)) return 'a fix whose edits overlap';
  return undefined;
}

/** What a user's transform finds, checked to be findings (else TransformContractError). */
function userFindings(t: Transform, ctx: ReturnType<typeof createContext>): Finding[] {
  const what = `the user transform ${t.id} (${t.code})`;
  const next = `; nothing was written. Fix the transform, or leave it out with --ignore ${t.id}`;
  let found: unknown;
  try {
    found = t.check(ctx);
  } catch (err) {
    if (err instanceof SkipFile) throw err;
    throw new TransformContractError(`${what} threw ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}${next}`);
  }
  // Ex) `async check(ctx)`: a Promise
  if (!Array.isArray(found)) throw new TransformContractError(`${what} returned ${found instanceof Promise ? 'a Promise (check must not be async)' : typeof found}, not an array of findings${next}`);
  for (const f of found) {
    const bad = badFinding(t, f, ctx.source.length);
    if (bad) throw new TransformContractError(`${what} returned ${bad}${next}`);
  }
  return found as Finding[];
}

/**
 * `f` with its fix held to the ceiling `t` declares (`safety`): a report-only transform's fix is only shown, an
 * unsafe one's is applied only with --unsafe-fixes, whatever the fix says of itself.
 */
function withinCeiling(t: Transform, f: Finding): Finding {
  if (!f.fix) return f;
  // Ex) a report-only transform whose fix says 'safe': a plain `fix` applied it
  if (t.safety === 'report-only' && f.fix.applicability !== 'display-only') {
    return { ...f, fix: { ...f.fix, applicability: 'display-only' }, reason: f.reason ?? `${t.id} is report-only: its fix is shown, never applied` };
  }
  if (t.safety === 'unsafe' && f.fix.applicability === 'safe') return { ...f, fix: { ...f.fix, applicability: 'unsafe' } };
  return f;
}

/** `findings` with the fixes of the user transforms in `refused` shown only, each with the reason it was refused. */
function withoutRefused(findings: Finding[], refused: ReadonlyMap<string, string>): Finding[] {
  if (!refused.size) return findings;
  return findings.map((f) => {
    const why = f.fix && refused.get(f.id);
    return why ? { ...f, fix: { ...f.fix!, applicability: 'display-only' as const }, reason: why } : f;
  });
}

/** The findings of the active transforms that no comment suppresses; those it does go to `suppressed`. */
function runChecks(transforms: readonly Transform[], ctx: ReturnType<typeof createContext>, suppressed?: Finding[]): Finding[] {
  const out: Finding[] = [];
  for (const t of transforms) {
    const found = BUILT_IN.has(t) ? t.check(ctx) : userFindings(t, ctx);
    for (const f of found) out.push(t.safety === 'safe' ? f : withinCeiling(t, f));
  }
  const kept = filterSuppressed(ctx.source, out, ctx.root).sort((a, b) => a.start - b.start || a.end - b.end);
  if (suppressed && kept.length < out.length) {
    const left = new Set(kept);
    for (const f of out) if (!left.has(f)) suppressed.push(f);
  }
  return kept;
}

/**
 * `findings` with no fix that would take code a suppression comment covers away from the comment. A fix with an edit
 * on lines that a comment covers (one naming any transform, or a blanket one) is tried, and not made when
 * the text it gives has a finding, where that code was, which the comments covered there: `y =
 * json.load(open(open(n).read()))  # withify: ignore[WFY101]`, whose WFY102 fix writes the argument into a `with`
 * line above; `y = open(n).read(); x = len(list(open(n)))  # noqa: WFY101`, whose WFY102 fix splits the line. The
 * code would be found again with no comment, and fixed or reported: what the user said to leave alone. The fixes
 * are tried in batches whose edits do not meet, one parse of the file each. `known`: the codes and ids (upper
 * case) of every transform, which `recheck` runs whatever the run selects (a `--select WFY102` run must not move
 * what a `# withify: ignore[WFY101]` holds); `recheck`: the findings of a text (none when it does not parse).
 */
function keepingSuppressedInPlace(findings: Finding[], suppressed: readonly Finding[], text: string, root: SyntaxNode, known: ReadonlySet<string>, recheck: (next: string) => { findings: Finding[]; suppressed: Finding[] }): Finding[] {
  if (!/withify|noqa/i.test(text)) return findings;
  const fixable = findings.filter((f) => f.fix && f.fix.applicability !== 'display-only');
  if (!fixable.length) return findings;
  const covered = suppressionLookup(text, root);
  const ours = (c: 'all' | Set<string> | undefined) => c === 'all' || (!!c && [...c].some((x) => known.has(x)));
  const breaksLine = (t: string) => /[\r\n]/.test(t);
  let lines: number[] | undefined;
  const lineOf = (at: number) => positionAt((lines ??= lineTable(text)), at).line;
  const lineStartOf = (at: number) => {
    const line = lineOf(at); // (fills `lines`)
    return lines![line - 1]!;
  };
  let comments: SyntaxNode[] | undefined;
  // The edits of a fix that may part code from a comment on its lines: one that takes code out which an edit of the
  // fix writes again with a line break (on another line: `with open(…) as fh:` above), one that breaks a line after
  // its first code (`a; b` split), one that takes a comment out. Not a re-indent (blanks at a line's start), nor a
  // statement rewritten on its own line (`f = open(p)` → `with open(p) as f:`).
  const breaking = (f: Finding): Edit[] => {
    const edits = f.fix!.edits;
    return edits.filter((e) => {
      if (!ours(covered(e.start, e.end))) return false;
      if (e.end > e.start) {
        const code = text.slice(e.start, e.end);
        // (Or writes it again on another line with no line break of its own: `with gzip.GzipFile(mode="r",` /
        // `fileobj=open(open(n).read())) as gz:  # noqa: WFY101` → `with open(open(n).read()) as fh, …` one line up)
        if (/\S/.test(code) && edits.some((o) => (breaksLine(o.text) || lineOf(o.start) !== lineOf(e.start)) && looseIndex(o.text, code) !== undefined)) return true;
        if ((comments ??= root.descendantsOfType('comment')).some((c) => c.startIndex >= e.start && c.startIndex < e.end)) return true;
      }
      return breaksLine(e.text) && /\S/.test(text.slice(lineStartOf(e.start), e.start));
    });
  };
  const breakingOf = new Map<Finding, Edit[]>();
  for (const f of fixable) {
    const b = breaking(f);
    if (b.length) breakingOf.set(f, b);
  }
  const tried = [...breakingOf.keys()];
  if (!tried.length) return findings;
  const batches: Finding[][] = [];
  const meet = (a: Finding, b: Finding) => a.fix!.edits.some((x) => b.fix!.edits.some((y) => x.start <= y.end && y.start <= x.end));
  for (const f of tried) {
    const batch = batches.find((b) => !b.some((o) => meet(o, f)));
    if (batch) batch.push(f);
    else batches.push([f]);
  }
  const refused = new Map<Finding, string>();
  let everyHeld: Finding[] | undefined;
  for (const batch of batches) {
    const edits = batch.flatMap((f) => f.fix!.edits);
    const owner = new Map<Edit, Finding>();
    for (const f of batch) for (const e of f.fix!.edits) owner.set(e, f);
    const written = writtenBy(edits);
    const next = applyEdits(text, edits);
    const again = recheck(next);
    // The codes still suppressed after the fix, as many times as they are (a suppressed finding whose comment the fix
    // parted from it is not among them)
    const stillHeld = new Map<string, number>();
    for (const h of again.suppressed) stillHeld.set(h.code, (stillHeld.get(h.code) ?? 0) + 1);
    // (Every transform's, as `recheck` runs them all: a `--select WFY101` run's own list lacks the WFY102 a comment holds)
    const allHeld = (everyHeld ??= recheck(text).suppressed);
    const heldBefore = new Map<string, number>();
    for (const h of allHeld) heldBefore.set(h.code, (heldBefore.get(h.code) ?? 0) + 1);
    const noneParted = [...heldBefore].every(([code, n]) => (stillHeld.get(code) ?? 0) >= n);
    for (const g of again.findings) {
      // Where `g`'s code was: a piece of what an edit took out, written again by an edit of the same fix; or text
      // no edit touched
      let origin: { start: number; end: number } | undefined;
      let by: Finding | undefined;
      const w = written.find(([ws, we]) => we > ws && g.start >= ws && g.end <= we);
      if (w) {
        const [ws, , e] = w;
        const f = owner.get(e)!;
        for (const r of f.fix!.edits) {
          if (r.end <= r.start) continue;
          const code = text.slice(r.start, r.end);
          // (Written again as it was, or with its continuation lines aligned again: `wrap.ts`'s `moveText`)
          const found = looseIndex(e.text, code);
          if (!found || g.start < ws + found.at || g.end > ws + found.at + found.length) continue;
          origin = { start: r.start + found.toCode(g.start - ws), end: r.start + found.toCode(g.end - ws) };
          by = f;
          break;
        }
      } else if (!written.some(([ws, we]) => g.start < we && ws < g.end)) {
        origin = { start: offsetBefore(g.start, edits), end: offsetBefore(g.end, edits) };
      }
      if (!origin) continue;
      // The comments there covered its code, or a finding there that they suppressed, of the same code named for
      // what it was in (`for x in gen(open(p).read()):` WFY103, then `g = gen(open(p).read())` WFY101)
      const o = origin;
      // (Not the very finding no comment suppressed before the fix either: `with gzip.GzipFile(mode="rb", \` /
      // `fileobj=open(open(q).read()))` / `as gz:  # noqa: WFY101`, whose WFY106 for `open(q).read()` was reported before
      // the fix as after it. The same code over the same text only: one of that code overlapping it, unsuppressed, says
      // nothing of a suppressed one inside it (review rw7))
      // (And only while every suppressed finding is still suppressed after the fix: `y = json.load(open(open(q).read()` /
      // `+ open(r).read()); z = 1  # noqa: WFY102`, whose first fix splits `z = 1` and its comment off the line)
      if (noneParted && findings.some((h) => h.code === g.code && h.start === o.start && h.end === o.end)) continue;
      const was = suppresses(covered(o.start, o.end), g.code, g.id) ? g : suppressed.find((s) => s.start < o.end && o.start < s.end);
      if (!was) continue;
      // The fix that wrote it elsewhere, or those with a parting edit between its line and the comment after it
      const lineStart = lineStartOf(o.start);
      const hash = (comments ??= root.descendantsOfType('comment')).find((c) => c.startIndex >= o.end)?.startIndex ?? text.length;
      const culprits = by ? [by] : batch.filter((f) => breakingOf.get(f)!.some((e) => e.end >= lineStart && e.start <= hash));
      const shown = next.slice(g.start, g.end).replace(/\s+/g, ' ');
      const line = lineOf(o.start);
      for (const f of culprits) {
        if (!refused.has(f)) refused.set(f, `the fix would take code that a comment suppresses (${was.code}, line ${line}) away from it, where it would be found again (${g.code}, \`${shown.length > 40 ? `${shown.slice(0, 39)}…` : shown}\`), which no comment there suppresses; suppress this finding too, or fix it by hand`);
      }
    }
    // A suppressed finding no longer suppressed after the fix, though nothing found again traced back to it (its code
    // rewritten too: `y = json.load(open(open(q).read())); z = 1  # noqa: WFY102`, whose first fix splits `z = 1` and
    // the comment off the line and writes `fh.read()` into the suppressed call, which the next pass would fix; review
    // rw8): the fixes with a parting edit between its line and the comment after it are held back
    if (!noneParted) {
      for (const h of allHeld) {
        if ((stillHeld.get(h.code) ?? 0) >= (heldBefore.get(h.code) ?? 0)) continue;
        const lineStart = lineStartOf(h.start);
        const hash = (comments ??= root.descendantsOfType('comment')).find((c) => c.startIndex >= h.end)?.startIndex ?? text.length;
        for (const f of batch.filter((x) => breakingOf.get(x)!.some((e) => e.end >= lineStart && e.start <= hash))) {
          if (!refused.has(f)) refused.set(f, `the fix would part code that a comment suppresses (${h.code}, line ${lineOf(h.start)}) from the comment, where it would be found again; suppress this finding too, or fix it by hand`);
        }
      }
    }
  }
  if (!refused.size) return findings;
  return findings.map((f) => {
    const why = refused.get(f);
    if (!why) return f;
    const { fix: _dropped, ...rest } = f;
    return { ...rest, reason: why };
  });
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
    for (const w of list) words.add(w);
  }
  return words.size ? wordsPattern(words) : null;
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

const anchorCache = new Map<string, RegExp>();
/** The word a file says to make a path or to annotate a parameter as one (`PathLike`, `PathFinder` are no such word). */
const PATH_WORD = /\b(?:Posix|Windows)?Path\b/;

/** Shared by the files whose transforms give the same anchor lists: read-only (firstLook copies before it adds). */
interface Anchors {
  words: ReadonlySet<string>;
  /** The words that count only as the callee of a call (`Transform.anchorsAreCallees`). */
  callees: ReadonlySet<string>;
  /** Of those, the ones that count only where the callee may resolve by name (`Transform.calleesResolveByName`). */
  byName: ReadonlySet<string>;
}

/**
 * The anchor words of `transforms` for this file (see `Transform.anchors`); `null` when one of them has no
 * anchors or needs the whole file.
 */
function anchorWords(transforms: readonly Transform[], input: SourceInput): Anchors | null {
  const lists: Array<readonly string[]> = [];
  for (const t of transforms) {
    if (!t.anchors) return null;
    const list = typeof t.anchors === 'function' ? t.anchors(input.project, { path: input.path, moduleName: input.moduleName, text: input.text }) : t.anchors;
    if (!list) return null;
    lists.push(list);
  }
  // Ex) the next file of a project whose generator index names thousands of functions: the same lists
  const last = lastAnchors;
  if (last && last.transforms === transforms && last.lists.every((l, i) => l === lists[i])) return last.anchors;
  const words = new Set<string>();
  const plain = new Set<string>();
  const anyCallee = new Set<string>();
  for (const [i, t] of transforms.entries()) {
    for (const w of lists[i]!) {
      words.add(w);
      if (t.anchorsAreCallees !== true) plain.add(w);
      else if (t.calleesResolveByName !== true) anyCallee.add(w);
    }
  }
  const callees = new Set<string>();
  const byName = new Set<string>();
  for (const w of words) {
    if (plain.has(w)) continue;
    callees.add(w);
    if (!anyCallee.has(w)) byName.add(w);
  }
  const anchors = { words, callees, byName };
  lastAnchors = { transforms, lists, anchors };
  return anchors;
}

/** The anchors of the file before, and the lists they were made of (one per transform, same order). */
let lastAnchors: { transforms: readonly Transform[]; lists: ReadonlyArray<readonly string[]>; anchors: Anchors } | undefined;

// The pattern of a shared set of anchors, by the set itself (no key to build from thousands of words).
const patternOfSet = new WeakMap<ReadonlySet<string>, RegExp>();

/** One global regular expression for `words`, kept across files (most files share the same words). */
function wordPattern(words: ReadonlySet<string>): RegExp {
  let re = patternOfSet.get(words);
  if (!re) patternOfSet.set(words, (re = wordPatternByKey(words)));
  return re;
}

function wordPatternByKey(words: ReadonlySet<string>): RegExp {
  const key = [...words].sort().join('|');
  let re = anchorCache.get(key);
  if (!re) {
    // Ex) no generator in the index and no resource transform selected: matches nothing
    re = words.size ? wordsPattern(words, 'g') : /(?!)/g;
    if (anchorCache.size > 1000) anchorCache.clear();
    anchorCache.set(key, re);
  }
  return re;
}

/**
 * The first look at a file: parse only the parts the anchors (and the file's import aliases) point at, and
 * run the checks there. `'none'`: no anchor is in code; `true`: the checks found nothing there, so the
 * whole file finds nothing either (a transform's anchors promise that whatever it reports has all it
 * needs in those parts); `false`: the whole file must be parsed. The findings themselves when the partial
 * tree is known to give exactly the whole file's (see `anchorsSuffice`), for `check` (`final`), and for `fix`
 * and `diff` when none has a fix these options apply: the whole file would be left as it is, with them
 * (73 of the stdlib's 119 files with a finding).
 */
function firstLook(anchors: Anchors, transforms: readonly Transform[], input: SourceInput, eol: string, final: boolean): boolean | 'none' | { findings: Finding[] } {
  const text = input.text;
  if (input.outline) keepOutline(text, input.outline);
  const o = outlineOf(text);
  let { words, callees, byName } = anchors;
  // The sets are shared with other files: copied before the first alias changes them.
  let own: { words: Set<string>; callees: Set<string>; byName: Set<string> } | undefined;
  const mutable = () => {
    if (!own) {
      own = { words: new Set(words), callees: new Set(callees), byName: new Set(byName) };
      ({ words, callees, byName } = own);
    }
    return own;
  };
  // An alias stands for the name it renames: a bare anchor when that name is one (`from m import Reader as
  // R`, then `R.rows()`), only where it is called when that name is a callee (`from gzip import open as
  // gzopen`), and no anchor when that name is none: `from gettext import gettext as _` makes no `_("…")` a
  // place to parse, and a module alias `import gzip as gz` is followed by the anchor it reaches, `gz.open(p)`.
  // An alias of an alias (`from m import gzopen as z` after the line above) is an anchor too, whatever
  // their order. An alias whose name is unknown (`''`: two names under one alias) counts as bare.
  const pending = importAliasTargets(text, o);
  for (let grown = true; grown; ) {
    grown = false;
    for (const [alias, renamed] of pending) {
      if (renamed !== '' && !words.has(renamed)) continue;
      pending.delete(alias);
      grown = true;
      const m = mutable();
      if (renamed === '' || !m.callees.has(renamed)) {
        m.callees.delete(alias);
        m.byName.delete(alias);
      } else if (!m.words.has(alias)) {
        m.callees.add(alias);
        if (m.byName.has(renamed)) m.byName.add(alias);
      } else if (!m.byName.has(renamed)) m.byName.delete(alias);
      m.words.add(alias);
    }
  }
  // Ex) `path.open()` with `path: Path`: a method of a value that is a path (resources.ts, `isPathValue`), which a
  // file says `Path` to make or name; `zf.open(name)` of a `zipfile.ZipFile` (resources.ts, `isZipFileValue`)
  if (byName.has('open') && ((text.includes('Path') && PATH_WORD.test(text)) || text.includes('ZipFile'))) mutable().byName.delete('open');
  const hits = findWords(text, wordPattern(words));
  // Ex) the resource transforms' calls (candidates.ts): the same words again, in the first look's tree and the whole file's
  shareWordHits(text, words, hits);
  const sel = selectAround(text, hits, o, callees, byName);
  if (sel === 'none') return 'none';
  if (sel === 'whole') return false;
  try {
    // Two rounds at most: the second with the blocks a check of the first read beyond its function.
    for (let round = 0; ; round++) {
      // The module-level bindings of every name the parsed code reads, as the whole file has them.
      addTopLevelNamed(text, o, sel);
      const plan = planRanges(text, o, sel, input.partial === 'always' ? Infinity : undefined);
      if (plan === 'whole') return false;
      const tree = parsePython(text, includedRanges(text, plan.ranges));
      if (tree.rootNode.hasError) return false;
      let moduleWide = false;
      const more = new Set<number>();
      const onModuleWide = (block?: SyntaxNode) => {
        const k = block ? lineAt(o, block.startIndex) : -1;
        if (k < 0) moduleWide = true;
        else if (!covered(o, sel, k)) more.add(k);
      };
      const ctx = createContext({ path: input.path, source: text, tree, eol, options: input.options, project: input.project, moduleName: input.moduleName, outline: o, onModuleWide });
      // `fix` and `diff` (not `final`): a finding with a fix these options apply has the whole file parsed,
      // checked and fixed (and with `--add-ignore`, any finding: its comment goes in the whole file)
      const findings = runChecks(transforms, ctx);
      if (!final && findings.some((f) => input.addIgnore === true || (f.fix && f.fix.edits.length > 0 && isApplicable(f.fix.applicability, input.options.unsafeFixes)))) return false;
      // Ex) a fresh name for code at the top level: only the whole file knows every name the module uses
      if (moduleWide) return false;
      // Ex) class-del's `def __del__` that releases something: the class's other methods may say `__exit__`; parse the class whole
      if (more.size > 0) {
        if (round > 0) return false;
        for (const k of more) {
          sel.units.add(k);
          for (let a = o.parent[k]!; a >= 0; a = o.parent[a]!) sel.headers.add(a);
        }
        continue;
      }
      const bySuffice = new Map(transforms.map((t) => [t.id, t.anchorsSuffice === true]));
      // Ex) class-del found a class: its other methods and the module's classes may say otherwise
      if (findings.some((f) => !bySuffice.get(f.id))) return false;
      // Ex) `log = open(p, 'a')` at the top level, or in a function that says `global log`: the functions that
      // write to it and close it are not parsed
      // (A finding in a class the look parsed whole, outside its functions, is the class's: class-del's `def __del__`.)
      for (const f of findings) {
        const unit = outermostFunction(o, f.start);
        if (unit < 0 ? !inPickedClass(o, sel, lineAt(o, f.start)) : /\bglobal\b/.test(text.slice(o.begin[unit], o.blockEnd[unit]))) return false;
      }
      return findings.length === 0 ? true : { findings };
    }
  } catch {
    return false;
  }
}

/** True when a class around line `k` (or `k` itself) is a picked unit, parsed whole. */
function inPickedClass(o: Outline, sel: Selection, k: number): boolean {
  for (let a = k; a >= 0; a = o.parent[a]!) if (o.kind[a] === LineKind.Class && sel.units.has(a)) return true;
  return false;
}

/** True when the whole block of line `k` is in the selection: `k` or a line around it is a picked unit. */
function covered(o: Outline, sel: Selection, k: number): boolean {
  for (let a = k; a >= 0; a = o.parent[a]!) if (sel.units.has(a)) return true;
  return false;
}

/** Why a Python 2 file gets no fix: the form found, and its line. */
function python2Reason(form: Python2Form, text: string): string {
  return `the file is Python 2 (${form.what} on line ${positionAt(lineTable(text), form.node.startIndex).line}), which tree-sitter reads: withify writes Python 3, so it reports the file and changes nothing`;
}

const MIXED_LONE_CR = 'the file ends some lines with a lone CR and others with LF or CRLF: withify reads it as Python does, but writes no fix to it; give it one kind of line end';

/** Findings of a lone-CR file processed as LF, with the text of their fix's edits written back with `\r` line ends. */
function crEdits(list: readonly LocatedFinding[]): LocatedFinding[] {
  const cr = (text: string) => text.replaceAll('\n', '\r');
  return list.map((f) => (f.fixEdits || f.fix
    ? {
        ...f,
        ...(f.fix ? { fix: { ...f.fix, edits: f.fix.edits.map((e) => ({ ...e, text: cr(e.text) })) } } : {}),
        ...(f.fixEdits ? { fixEdits: f.fixEdits.map((e) => ({ ...e, text: cr(e.text) })) } : {}),
      }
    : f));
}

export function processSource(input: SourceInput): FileResult {
  const text = parseableLineEnds(input.text);
  let r: FileResult;
  if (text === input.text) r = processText(input);
  else if (input.text.includes('\n')) {
    // A stray lone `\r` among `\n` or `\r\n` line ends: read as Python reads it, but no fix is written, which would
    // have to keep each line's own end through every pass
    const found = processText({ ...input, text, eol: detectEol(input.text) });
    const unfixed = (list: readonly LocatedFinding[]) => list.map((f): LocatedFinding => (f.fixStatus === 'none' ? f : { ...f, fixStatus: 'none', fixEdits: undefined, reason: MIXED_LONE_CR }));
    r = found.status === 'changed' || found.findings.some((f) => f.fixStatus !== 'none')
      ? { path: found.path, findings: unfixed(found.findings), remaining: unfixed(found.findings), fixesApplied: 0, status: 'unchanged', writesNothing: MIXED_LONE_CR }
      : { ...found, ...(found.findings.length ? { writesNothing: MIXED_LONE_CR } : {}) };
  } else {
    // Lone `\r` line ends, processed as `\n` and written back as `\r`: no `\n` of the result is the file's own.
    r = processText({ ...input, text, eol: '\n' });
    if (r.after !== undefined) r = { ...r, before: input.text, after: r.after.replaceAll('\n', '\r') };
    // Ex) SARIF `fixes` of `def f(p):\r    return open(p).read()\r`: their inserted text ends its lines with `\r` too
    r = { ...r, findings: crEdits(r.findings), remaining: crEdits(r.remaining) };
  }
  return withWarnings(r, input);
}

/**
 * The suppression comments that are malformed or name no transform, in the input and (for a changed file) in
 * the output: reported whether or not a finding is on their line, as Ruff reports an invalid `# noqa`.
 */
function withWarnings(r: FileResult, input: SourceInput): FileResult {
  const extra = input.options.extraTransforms;
  // Ids are lower case, as `suppressedOnLine` reads them: in any case.
  const known = (code: string) => findTransform(code, extra) !== undefined || findTransform(code.toLowerCase(), extra) !== undefined;
  const of = (text: string, o?: Outline): FileWarning[] => {
    const found = directiveWarnings(text, known, () => o ?? outlineOf(text));
    if (!found.length) return [];
    const table = lineTable(text);
    return found.map((w) => ({ location: positionAt(table, w.start), message: w.message }));
  };
  // Ex) `match` in a file of a run for 3.8 (the default target): the file cannot run on 3.8, and the fixes keep to it.
  // Only where a finding is: elsewhere the target changes nothing withify does.
  const target = input.options.targetVersion;
  const newer = (text: string): FileWarning[] => {
    const found = newerSyntax(text, target, () => parsePython(parseableLineEnds(text)).rootNode);
    return found ? [{ location: positionAt(lineTable(text), found.at), message: newerSyntaxMessage(found, target), about: 'target version' }] : [];
  };
  const judged = r.findings.length > 0 && (r.status === 'changed' || r.status === 'unchanged');
  const warnings = [...of(input.text, input.outline), ...(judged ? newer(input.text) : [])];
  const after = r.status === 'changed' && r.after !== undefined ? [...of(r.after), ...(judged ? newer(r.after) : [])] : warnings;
  if (!warnings.length && !after.length) return r;
  return { ...r, ...(warnings.length ? { warnings } : {}), ...(after.length ? { remainingWarnings: after } : {}) };
}

/** A line holding only a `\` (and blanks before it). */
const LONE_BACKSLASH = /^[ \t\f]*\\\r?$/m;

/** Where Python's tokenizer rejects the indentation of `text` (tree-sitter reads these without an error), and how. */
function indentationError(text: string, o?: Outline): { at: number; what: string; error: string } | undefined {
  // (A line of a lone `\` joins the next one, which Python 3.9 on reads whatever its indentation, and the outline does
  // not: such a file is not judged here.)
  if (LONE_BACKSLASH.test(text)) return undefined;
  const lines = o ?? outline(text);
  const unexpected = unexpectedIndent(text, lines);
  if (unexpected !== undefined) return { at: unexpected, what: 'unexpected indent', error: 'IndentationError' };
  const bad = badIndentation(text, lines);
  if (bad !== undefined) return { at: bad, what: 'an indent that matches no outer level, or tabs against spaces', error: 'IndentationError or TabError' };
  // (CPython's tokenizer takes 99 levels; the 100th is "too many levels of indentation", which PyPy takes: review rv54b)
  const deep = tooManyIndentLevels(lines);
  return deep === undefined ? undefined : { at: deep, what: `more than ${MAX_INDENT_LEVELS} levels of indentation`, error: 'IndentationError, "too many levels of indentation"' };
}

function processText(input: SourceInput): FileResult {
  const { path, options } = input;
  const base = { path, findings: [], remaining: [], fixesApplied: 0 };
  try {
    const { transforms, triggers } = transformsFor(options, input.project);
    // Ex) a file that names no resource call, `__del__` or `yield`: no transform can find anything in it
    if (triggers && !triggers.test(input.text)) return { ...base, status: 'unchanged' };
    const eol = input.eol ?? detectEol(input.text);
    const anchors = input.partial === false ? null : anchorWords(transforms, input);
    // Ex) a test module that opens files only in `with` statements: its 40 other test methods are never parsed
    // With `addIgnore` a finding needs the whole file (its strings and comments) even in `check`.
    const look = anchors ? firstLook(anchors, transforms, input, eol, input.applyFixes === false && input.addIgnore !== true) : false;
    if (look === true || look === 'none') return { ...base, status: 'unchanged' };
    // (A look's fixable finding in a file that may be Python 2: the whole file's tree decides, below)
    if (look && !(look.findings.some((f) => f.fix) && mayBePython2(input.text))) {
      // As the whole file's `check` would report them: nothing applied, so the same findings remain.
      const located = locate(path, input.text, look.findings, options.unsafeFixes);
      return { ...base, findings: located, remaining: [...located], status: 'unchanged' };
    }
    let text = input.text;
    let tree = parsePython(text);
    const p = syntaxErrorStart(tree);
    if (p) {
      return {
        ...base,
        status: 'failed',
        errorLocation: { line: p.row + 1, column: p.column + 1 },
        reason: `cannot parse: syntax error at line ${p.row + 1}, column ${p.column + 1} (withify rewrites only files that parse; if Python accepts this file, tree-sitter-python does not)`,
      };
    }
    // Ex) `def f(p):` / `    data = open(p).read()` / `        return data`: Python's "unexpected indent" (or an
    // unindent that matches no outer level, or tabs against spaces: TabError), which tree-sitter reads without an
    // error. A fix could make such a file one Python runs, of another shape: it is not a file withify rewrites.
    const indented = indentationError(text, input.outline);
    if (indented) {
      const at = positionAt(lineTable(text), indented.at);
      return {
        ...base,
        status: 'failed',
        errorLocation: { line: at.line, column: 1 },
        reason: `cannot parse: ${indented.what} at line ${at.line} (Python's ${indented.error}; withify rewrites only files that parse)`,
      };
    }
    const ctxOf = (source: string, t: typeof tree) => createContext({ path, source, tree: t, eol, options, project: input.project, moduleName: input.moduleName, rewritten: source !== input.text });
    const makeCtx = () => ctxOf(text, tree);
    // The findings of the text so far, none with a fix that would move suppressed code away from its comment
    // (every transform: what a comment holds in place must stay there in a run that selects others)
    const everyTransform = [...TRANSFORMS, ...transforms.filter((t) => !isBuiltIn(t))];
    const recheck = (next: string) => {
      const nextTree = parsePython(next);
      const held: Finding[] = [];
      return { findings: firstSyntaxError(nextTree) ? [] : runChecks(everyTransform, ctxOf(next, nextTree), held), suppressed: held };
    };
    const known = new Set(everyTransform.flatMap((t) => [t.code.toUpperCase(), t.id.toUpperCase()]));
    const checks = () => {
      const suppressed: Finding[] = [];
      return keepingSuppressedInPlace(runChecks(transforms, makeCtx(), suppressed), suppressed, text, tree.rootNode, known, recheck);
    };
    let findings = checks();
    // Ex) `print "x"` in the file: Python 2, which tree-sitter reads; a fix would write Python 3 into it
    // (`except A, B:` is Python 3.14's too)
    const below314 = !versionAtLeast(options.targetVersion, [3, 14]);
    const py2 = findings.some((f) => f.fix) ? python2Form(tree.rootNode, text, below314) : undefined;
    if (py2) {
      const why = python2Reason(py2, text);
      findings = findings.map((f) => (f.fix ? { ...f, fix: undefined, reason: why } : f));
    }
    const firstFound = findings;
    let first = locate(path, text, findings, options.unsafeFixes);
    let applied = 0;
    // Empty blocks of the text so far (none in a file Python accepts): a pass may not add one.
    let empty = -1;
    // The edits of each pass applied, to place what is left back in the input (`placeInInput`).
    const passes: Edit[][] = [];
    // What a pass would give, and why it may not be written (`undefined`: it may).
    const tryPass = (planned: Edit[], byUser = false) => {
      const next = applyEdits(text, planned);
      const nextTree = parsePython(next);
      // Ex) a user fix that writes `print "x"`, which tree-sitter reads as Python 2's (withify's own never do)
      const py2Out = byUser ? python2Form(nextTree.rootNode, next, below314) : undefined;
      const py2At = py2Out && !python2Form(tree.rootNode, text, below314) ? py2Out : undefined;
      // Ex) a new `with …:` whose body line kept the header's indentation: tree-sitter sees an empty block
      const emptied = emptyBlocks(nextTree);
      if (empty < 0) empty = emptyBlocks(tree).length;
      const broken = firstSyntaxError(nextTree) ?? (emptied.length > empty ? emptied[0] : undefined);
      // Ex) a `with` of 25 items, or one more block in code already 20 deep: CPython rejects it ("too many
      // statically nested blocks"; 20 before 3.13, 21 in 3.13 outside generators and coroutines),
      // tree-sitter does not. The transforms count blocks (nesting.ts); this is the net under them.
      const deep = broken ? undefined : nestingPastLimit(nextTree.rootNode, options.targetVersion, editedRanges(planned));
      // Ex) a block of a space-indented function re-indented by a tab: Python's TabError, which tree-sitter
      // reads without an error.
      const nextOutline = broken ? undefined : outline(next);
      const indentAt = nextOutline ? badIndentation(next, nextOutline) : undefined;
      // Ex) a `with` around a statement already 99 levels deep: "too many levels of indentation" (CPython's tokenizer)
      const levelsAt = nextOutline && indentAt === undefined ? tooManyIndentLevels(nextOutline) : undefined;
      // Ex) `def g():` / `    setup()` / `log = 1` / `    return 1`: Python's "unexpected indent", read by tree-sitter
      const unexpectedAt = nextOutline && indentAt === undefined && levelsAt === undefined ? unexpectedIndent(next, nextOutline) : undefined;
      const why = broken
        ? `would produce invalid syntax at line ${broken.startPosition.row + 1}`
        : py2At
          ? `would produce Python 2 syntax (${py2At.what}) at line ${py2At.node.startPosition.row + 1}`
        : unexpectedAt !== undefined && unexpectedIndent(text) === undefined
          ? `would indent line ${positionAt(lineTable(next), unexpectedAt).line} where no block opens (Python's "unexpected indent")`
        : indentAt !== undefined && badIndentation(text) === undefined
          ? `would indent line ${positionAt(lineTable(next), indentAt).line} inconsistently (tabs against spaces)`
          : levelsAt !== undefined && tooManyIndentLevels(outline(text)) === undefined
            ? `would indent line ${positionAt(lineTable(next), levelsAt).line} more than the ${MAX_INDENT_LEVELS} levels CPython's tokenizer takes`
          : deep && !nestingPastLimit(tree.rootNode, options.targetVersion)
            ? `would nest blocks ${deep.depth} deep, more than the ${deep.limit} ${deep.compiler}`
            : undefined;
      return { next, nextTree, emptied, why };
    };
    // User transforms whose fix a pass refused (why), by id: their fixes are shown from then on, not applied.
    const refused = new Map<string, string>();
    const userIds = new Set(transforms.filter((t) => !isBuiltIn(t)).map((t) => t.id));
    const checkAgain = () => withoutRefused(checks(), refused);
    let pass = 0;
    for (; input.applyFixes !== false; pass++) {
      let { chosen } = selectFixes(findings, options.unsafeFixes);
      if (chosen.length === 0) break;
      // Ex) a user fix that inserts text and leaves what its finding matched: the same finding, pass after pass
      if (pass >= MAX_PASSES) {
        const stuck = [...new Set(chosen.map((f) => f.id).filter((id) => userIds.has(id)))];
        if (stuck.length) {
          const names = stuck.join(', ');
          return { ...base, findings: first, remaining: first, status: 'failed', reason: `the fixes of the user transform ${names} still change the file after ${MAX_PASSES} passes (a fix must remove what its finding matched); nothing was written. Fix the transform, or leave it out with --ignore ${names}` };
        }
        if (pass >= MAX_BUILTIN_PASSES) {
          const ids = [...new Set(chosen.map((f) => f.id))].join(', ');
          return { ...base, findings: first, remaining: first, status: 'failed', reason: `internal error: the fixes of ${ids} still change the file after ${MAX_BUILTIN_PASSES} passes; nothing was written (please report this with the file)` };
        }
      }
      let planned = planEdits(chosen);
      const users = [...new Set(chosen.filter((f) => userIds.has(f.id)).map((f) => f.id))];
      let tried = tryPass(planned, users.length > 0);
      if (tried.why && users.length) {
        // Ex) a user fix that leaves `def (`: the pass again with the built-in fixes alone; the user's fixes are
        // refused for the rest of the file, their findings left with the reason.
        for (const id of users) refused.set(id, `the fix of ${id} (a user transform) ${tried.why}, so it was not applied; fix the transform`);
        chosen = chosen.filter((f) => !userIds.has(f.id));
        if (chosen.length === 0) {
          findings = withoutRefused(findings, refused);
          continue;
        }
        planned = planEdits(chosen);
        tried = tryPass(planned);
      }
      const { next, nextTree, emptied, why } = tried;
      if (why) {
        const ids = [...new Set(chosen.map((f) => f.id))].join(', ');
        return { ...base, findings: first, remaining: first, status: 'failed', reason: `internal error: the fix of ${ids} ${why}; nothing was written (please report this with the file)` };
      }
      applied += chosen.length;
      passes.push(planned);
      text = next;
      tree = nextTree;
      empty = emptied.length;
      findings = checkAgain();
    }
    if (refused.size) first = locate(path, input.text, withoutRefused(firstFound, refused), options.unsafeFixes);
    let ignoresAdded: { ignoresAdded: number; ignored?: Record<string, number> } | undefined;
    if (input.addIgnore && findings.length) {
      const plan = ignoreCommentEdits(text, tree.rootNode, locate(path, text, findings, options.unsafeFixes));
      if (plan.edits.length) {
        const next = applyEdits(text, plan.edits);
        const nextTree = parsePython(next);
        const broken = firstSyntaxError(nextTree);
        if (broken) {
          return { ...base, findings: first, remaining: first, status: 'failed', reason: `internal error: an ignore comment would produce invalid syntax at line ${broken.startPosition.row + 1}; nothing was written (please report this with the file)` };
        }
        passes.push(plan.edits);
        text = next;
        tree = nextTree;
        const before = findings;
        findings = checkAgain();
        const ignored: Record<string, number> = {};
        for (const f of before) ignored[f.code] = (ignored[f.code] ?? 0) + 1;
        for (const f of findings) ignored[f.code] = (ignored[f.code] ?? 0) - 1;
        for (const code of Object.keys(ignored)) if (ignored[code]! <= 0) delete ignored[code];
        ignoresAdded = { ignoresAdded: plan.lines, ...(Object.keys(ignored).length ? { ignored } : {}) };
      }
    }
    const remaining = locate(path, text, findings, options.unsafeFixes);
    if (text === input.text) return { ...base, findings: first, remaining, status: 'unchanged' };
    placeInInput(remaining, input.text, text, passes, first);
    return { ...base, findings: first, remaining, fixesApplied: applied, ...ignoresAdded, status: 'changed', before: input.text, after: text };
  } catch (err) {
    if (err instanceof SkipFile) return { ...base, status: 'skipped', reason: err.message };
    if (err instanceof TransformContractError) return { ...base, status: 'failed', reason: err.message };
    const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
    return { ...base, status: 'failed', reason: `internal error: ${detail}` };
  }
}

/**
 * Where `code` is in `text`: as it is, or with the blanks that open its continuation lines changed (a fix that moves a
 * call aligns its lines again under its bracket). `toCode` maps an offset in `text`, inside the match, to one in
 * `code` (the same column of the same line, less the change of its indentation).
 */
export function looseIndex(text: string, code: string): { at: number; length: number; toCode: (k: number) => number } | undefined {
  const exact = text.indexOf(code);
  if (exact >= 0) return { at: exact, length: code.length, toCode: (k) => k - exact };
  if (!/[\r\n]/.test(code)) return undefined;
  const pattern = code
    .split(/(\r\n|\r|\n) */)
    .map((part, i) => (i % 2 === 1 ? `${part.replace(/\r/g, '\\r').replace(/\n/g, '\\n')} *` : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  const m = new RegExp(pattern).exec(text);
  if (!m) return undefined;
  const at = m.index;
  const starts = (t: string) => [0, ...[...t.matchAll(/\r\n|\r|\n/g)].map((x) => x.index! + x[0].length)];
  const lead = (t: string, i: number) => /^ */.exec(t.slice(i))![0].length;
  const mine = starts(m[0]);
  const theirs = starts(code);
  return {
    at,
    length: m[0].length,
    toCode: (k) => {
      const rel = k - at;
      let i = mine.length - 1;
      while (i > 0 && mine[i]! > rel) i--;
      const col = rel - mine[i]!;
      const diff = lead(m[0], mine[i]!) - lead(code, theirs[i]!);
      return theirs[i]! + Math.max(0, col - diff);
    },
  };
}
