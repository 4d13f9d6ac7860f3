// Suppression comments, as Ruff users write them:
//   # withify: ignore              every finding on the line
//   # withify: ignore[WFY101,open-chain]
//   # noqa                         every finding on the line
//   # noqa: WFY101, WFY102      (codes up to the first word that is not one)
// A comment that means to list codes and fails to (`# withify: ignore[WFY101` unclosed, `ignore[]`,
// `ignore[WFY101;WFY102]`, `ignore WFY101` without brackets, `# noqa:` or `# noqa: reviewed` with no code)
// suppresses nothing and is reported as a warning, as Ruff reports an invalid `# noqa`: a blanket
// suppression the user did not write would hide findings without a word. A listed code that names no
// transform is reported too; the other codes of its list still apply.
// Only real comments count: `"# noqa"` inside a string suppresses nothing. A finding that spans several
// lines is suppressed by a comment on any of them, or at the end of the lines its last one runs on into
// (a string or a backslash continuation carries it on; a comment cannot end such a line), as Ruff reads it.
import type { Finding, SyntaxNode } from '../types.js';
import { lineTable, positionAt } from '../python/text.js';
import { continuedLines } from './line-ends.js';
import type { Outline } from '../python/outline.js';

const WITHIFY_RE = /#\s*withify:\s*ignore(?![\w-])/gi;
/** A rule code (`WFY101`, `E501`) or a transform id (`open-chain`). */
const CODE = '(?:[A-Za-z]+[0-9]+|[a-z][a-z0-9]*(?:-[a-z0-9]+)+)';
/** An item of a bracketed list: a code, or a transform id of one word too (a user's `popen`, as `--transform` takes it). */
const LIST_ITEM_RE = new RegExp(`^(?:${CODE}|[a-z][a-z0-9]*)$`, 'i');
/** `# withify: ignore WFY101`, `ignore: WFY101`, `ignore(WFY101)`: codes meant as a list, without its brackets. */
const UNBRACKETED_RE = new RegExp(`^(?:\\s*[:(={]|\\s+${CODE}(?![\\w-]))`, 'i');
const NOQA_RE = /#\s*noqa(?![\w-])(:?)/gi;
/** `# noqa WFY101`, `# noqa : WFY101`: a code after a `# noqa` with no colon right after it. */
const NOQA_UNCOLONED_RE = new RegExp(`^\\s*:?\\s*(${CODE})(?![\\w-])`, 'i');
const NOQA_CODES_RE = new RegExp(`^\\s*(${CODE}(?:[\\s,]+${CODE})*)`, 'i');
/** A withify code: `# noqa: WFY999` that names no transform is a typo; `# noqa: E501` is another tool's. */
const OWN_CODE_RE = /^WFY[0-9]+$/i;

/** One suppression comment (a comment may hold several: `# noqa: E501  # withify: ignore[WFY110]`). */
export interface Directive {
  form: 'withify' | 'noqa';
  /** Offset of its `#` in the text parsed. */
  at: number;
  /** `'all'`, the codes (or ids) as written, or `undefined`: malformed, it suppresses nothing (see `problem`). */
  codes: 'all' | string[] | undefined;
  /** Why a malformed comment suppresses nothing. */
  problem?: string;
  /** A valid comment that likely says more than was meant (`# noqa WFY101`, no colon: every finding). */
  note?: string;
  /** `# withify: ignore[...]`: where the text between the brackets starts and ends (the `]`). */
  list?: { start: number; end: number };
}

/** The comment from `at` to the next `#` (another comment on the line) or its end, as the user wrote it. */
function upToNextComment(text: string, at: number): string {
  const next = text.indexOf('#', at + 1);
  return text.slice(at, next < 0 ? text.length : next).trimEnd();
}

const EXAMPLE = '`# withify: ignore[WFY101, open-chain]`';

function withifyDirective(text: string, at: number, after: number): Directive {
  const rest = text.slice(after);
  const open = /^\s*\[/.exec(rest);
  const base = { form: 'withify' as const, at };
  if (!open) {
    // Ex) `# withify: ignore WFY101`: not the blanket form with a reason after it, a list without brackets
    if (UNBRACKETED_RE.test(rest)) {
      return { ...base, codes: undefined, problem: `\`${upToNextComment(text, at)}\` needs its codes in brackets, ${EXAMPLE}; as written it suppresses nothing` };
    }
    return { ...base, codes: 'all' };
  }
  const start = after + open[0].length;
  const close = text.indexOf(']', start);
  const hash = text.indexOf('#', start);
  // Ex) `# withify: ignore[WFY101` (or `...[WFY101  # noqa`): the list never ends
  if (close < 0 || (hash >= 0 && hash < close)) {
    return { ...base, codes: undefined, problem: `\`${text.slice(at, hash >= 0 && (close < 0 || hash < close) ? hash : text.length).trimEnd()}\` has no closing \`]\`, so it suppresses nothing; write ${EXAMPLE}` };
  }
  const written = text.slice(at, close + 1);
  const items = text.slice(start, close).split(/[\s,]+/).filter(Boolean);
  const list = { start, end: close };
  if (items.length === 0) {
    return { ...base, codes: undefined, list, problem: `\`${written}\` names no code, so it suppresses nothing; list the codes or ids (${EXAMPLE}), or write \`# withify: ignore\` for every finding on the line` };
  }
  const bad = items.find((c) => !LIST_ITEM_RE.test(c));
  if (bad !== undefined) {
    return { ...base, codes: undefined, list, problem: `\`${written}\`: "${bad}" is not a code or transform id (separate them with commas: ${EXAMPLE}), so the comment suppresses nothing` };
  }
  return { ...base, codes: items, list };
}

/**
 * What one `# noqa` says, as Ruff reads it: bare (or followed by prose), it covers everything; `# noqa: A1, B2
 * why` covers the codes up to the first word that is not one; `# noqa:` with no code after it is invalid and
 * covers nothing.
 */
function noqaDirective(text: string, at: number, after: number, colon: boolean): Directive {
  if (!colon) {
    // Ex) `# noqa WFY101`, `# noqa : WFY101`: Flake8 and Ruff read a blanket `# noqa`, and so does withify; the
    // code after it says the user meant that one alone
    const code = NOQA_UNCOLONED_RE.exec(text.slice(after));
    if (code && OWN_CODE_RE.test(code[1]!)) {
      const written = upToNextComment(text, at);
      return { form: 'noqa', at, codes: 'all', note: `\`${written}\` has no colon right after \`noqa\`, so it suppresses every finding on the line (as Flake8 and Ruff read it), not ${code[1]} alone; write \`# noqa: ${code[1]}\`` };
    }
    return { form: 'noqa', at, codes: 'all' };
  }
  const codes = NOQA_CODES_RE.exec(text.slice(after));
  if (codes) return { form: 'noqa', at, codes: codes[1]!.split(/[\s,]+/) };
  const written = upToNextComment(text, at);
  return { form: 'noqa', at, codes: undefined, problem: `\`${written}\` names no code after its colon (Ruff reads it so too), so it suppresses nothing; write \`# noqa: WFY101\`, or \`# noqa\` for every finding on the line` };
}

/** Every suppression comment in `text` (a comment, or a line), in order. */
export function parseDirectives(text: string): Directive[] {
  if (!text.includes('#')) return [];
  const out: Directive[] = [];
  for (const m of text.matchAll(WITHIFY_RE)) out.push(withifyDirective(text, m.index, m.index + m[0].length));
  for (const m of text.matchAll(NOQA_RE)) out.push(noqaDirective(text, m.index, m.index + m[0].length, m[1] === ':'));
  return out.sort((a, b) => a.at - b.at);
}

/** The codes a comment (or a line) suppresses: `'all'`, a set of codes/ids (upper case), or `undefined`. */
export function suppressedOnLine(line: string): 'all' | Set<string> | undefined {
  const codes = new Set<string>();
  for (const d of parseDirectives(line)) {
    if (d.codes === 'all') return 'all';
    for (const c of d.codes ?? []) codes.add(c.toUpperCase());
  }
  return codes.size ? codes : undefined;
}

/** A suppression comment that suppresses nothing, or names a code no transform has: where, and why. */
export interface DirectiveWarning {
  /** Offset of the comment's `#` in the source. */
  start: number;
  message: string;
}

/** The comments of `source` (from its outline: a span of no code that starts with `#` and ends its line). */
function commentSpans(source: string, o: Outline): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const spans = o.noncode;
  for (let i = 0; i < spans.length; i += 2) {
    const start = spans[i]!;
    const end = spans[i + 1]!;
    // Ex) `f"{x}# noqa: y"`: a part of an f-string may start with `#`, but it ends at a brace or a quote
    if (source.charCodeAt(start) === 35 && (end === source.length || source[end] === '\n' || source[end] === '\r')) out.push([start, end]);
  }
  return out;
}

const MAY_HOLD = /#\s*(?:withify:|noqa)/i;

/**
 * The warnings for the suppression comments of `source` (Ruff's "Invalid `# noqa` directive"): each that is
 * malformed and so suppresses nothing, and each code it lists that `known` does not know (a `# noqa` list only
 * for withify's own `WFY` codes: the others are other tools'). ``outlineOf` gives the comments; it is called only
 * when the text holds such a comment.
 */
export function directiveWarnings(source: string, known: (code: string) => boolean, outlineOf: () => Outline): DirectiveWarning[] {
  if (!MAY_HOLD.test(source)) return [];
  const out: DirectiveWarning[] = [];
  for (const [start, end] of commentSpans(source, outlineOf())) {
    const text = source.slice(start, end);
    if (!MAY_HOLD.test(text)) continue;
    for (const d of parseDirectives(text)) {
      if (d.problem || d.note) {
        out.push({ start: start + d.at, message: (d.problem ?? d.note)! });
        continue;
      }
      if (d.codes === 'all' || d.codes === undefined) continue;
      const unknown = d.codes.filter((c) => (d.form === 'withify' || OWN_CODE_RE.test(c)) && !known(c));
      if (!unknown.length) continue;
      const names = unknown.join(', ');
      const them = unknown.length === 1 ? 'names no transform' : 'name no transform';
      const rest = d.codes.length > unknown.length ? '; the other codes of the list still apply' : '';
      const written = d.list ? text.slice(d.at, d.list.end + 1) : `# noqa: ${d.codes.join(', ')}`;
      out.push({ start: start + d.at, message: `\`${written}\`: ${names} ${them} (run \`withify list\` for the codes and ids)${rest}` });
    }
  }
  return out;
}
/** Comment text per 1-based line, from the parse tree (so strings that look like comments are not). */
function commentsByLine(source: string, root: SyntaxNode, table: readonly number[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const c of root.descendantsOfType('comment')) {
    const line = positionAt(table, c.startIndex).line;
    out.set(line, (out.get(line) ?? '') + c.text);
  }
  return out;
}

/**
 * What the suppression comments of `source` cover over the range `[start, end)`: the comments on its lines and on
 * the lines its last one runs on into (as for a finding of that range): `'all'`, the codes and ids (upper case), or
 * `undefined`. With `root`, only comment nodes count; without it (text only), every `#` on the line does.
 */
export function suppressionLookup(source: string, root?: SyntaxNode): (start: number, end: number) => 'all' | Set<string> | undefined {
  if (!source.includes('#') || !/withify|noqa/i.test(source)) return () => undefined;
  const table = lineTable(source);
  const comments = root ? commentsByLine(source, root, table) : undefined;
  if (comments && comments.size === 0) return () => undefined;
  const lineText = (n: number) => (comments ? (comments.get(n) ?? '') : source.slice(table[n - 1]!, (table[n] ?? source.length + 1) - 1));
  const runsOn = comments && root ? continuedLines(source, root, table, comments) : () => false;
  return (start, end) => {
    const from = positionAt(table, start).line;
    let to = positionAt(table, end).line;
    while (to < table.length && runsOn(to)) to++;
    let codes: Set<string> | undefined;
    for (let line = from; line <= to; line++) {
      const s = suppressedOnLine(lineText(line));
      if (s === 'all') return 'all';
      if (s) for (const c of s) (codes ??= new Set()).add(c);
    }
    return codes;
  };
}

/** True when `covered` (a `suppressionLookup` answer) suppresses a finding of `code` and `id`. */
export const suppresses = (covered: 'all' | Set<string> | undefined, code: string, id: string) =>
  covered === 'all' || (!!covered && (covered.has(code.toUpperCase()) || covered.has(id.toUpperCase())));

/**
 * The findings no suppression comment covers. With `root`, only comment nodes count; without it (text
 * only), every `#` on the line does, strings included.
 */
export function filterSuppressed(source: string, findings: readonly Finding[], root?: SyntaxNode): Finding[] {
  if (!findings.length) return [];
  const covered = suppressionLookup(source, root);
  return findings.filter((f) => !suppresses(covered(f.start, f.end), f.code, f.id));
}
