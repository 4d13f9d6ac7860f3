// A file's statement outline from its text, without tree-sitter: the logical lines (where each starts, how
// deep it is indented, which line it is nested under) and the spans that are not code (comments and the
// literal parts of strings). It lets the engine parse only the parts of a file a transform can act on
// (`partialRanges`): parsing is most of a run's time, and most of a file is far from any `open(...)`.
//
// A scanner, not a parser: it follows strings (every prefix, triple quotes, f-strings with their nested
// expressions, PEP 701 included), comments, brackets and backslash continuations, which is all a
// logical line needs. Whatever it gets wrong shows up as a syntax error in the partial tree, and then the
// engine parses the whole file (pipeline.ts).

import { keepShape } from '../engine/shapes.js';
import { asNames, findWords, firstIndex, forEachWordSpan, IMPORT_WORD_RE, STAR_IMPORT_RE, type WordHits } from './text.js';

const LF = 10, CR = 13, SP = 32, TAB = 9, FF = 12, HASH = 35, BS = 92, SQ = 39, DQ = 34, COLON = 58, BANG = 33, EQ = 61;
const LP = 40, RP = 41, LB = 91, RB = 93, LC = 123, RC = 125, AT = 64, DOT = 46;

export const enum LineKind {
  Other = 0,
  Def = 1,
  Class = 2,
  Decorator = 3,
}

export interface Outline {
  /** Offset of the physical line a logical line starts on (its indentation included). */
  begin: number[];
  /** Offset of a logical line's first token. */
  first: number[];
  /** Indentation width (tabs to the next multiple of 8, as Python counts them). */
  indent: number[];
  /** The logical line it is nested under (nearest earlier line indented less), or -1 at the top level. */
  parent: number[];
  /** Where a line's block ends: the begin of the next logical line indented no deeper, or the text's length. */
  blockEnd: number[];
  kind: LineKind[];
  /** Comments and the literal parts of strings, as sorted [start, end) pairs. */
  noncode: number[];
}

function isIdentChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c >= 128;
}

/** Python's string prefixes (lower-cased): `f`/`t` ones have expressions in braces. */
const PREFIXES = new Map<string, boolean>([
  ['r', false], ['u', false], ['b', false], ['br', false], ['rb', false],
  ['f', true], ['fr', true], ['rf', true], ['t', true], ['tr', true], ['rt', true],
]);

const LINE_BREAK = /[\r\n]/g;
/** Per quote ('/"), formatted or not, triple or not: the characters a string's scan must stop at. */
const STOPS = ["'", '"'].flatMap((q) => [false, true].flatMap((formatted) => [false, true].map((triple) => new RegExp(`[\\\\${q}${formatted ? '{' : ''}${triple ? '' : '\\r\\n'}]`, 'g'))));

class Scanner {
  readonly noncode: number[] = [];
  constructor(private readonly t: string) {}

  private span(start: number, end: number): void {
    if (end > start) this.noncode.push(start, end);
  }

  private lineEnd(i: number): number {
    LINE_BREAK.lastIndex = i;
    return LINE_BREAK.test(this.t) ? LINE_BREAK.lastIndex - 1 : this.t.length;
  }

  /** A string literal whose prefix starts at `from` and whose quote is at `q`: the offset after it. */
  string(from: number, q: number, formatted: boolean, raw: boolean): number {
    const t = this.t;
    const n = t.length;
    const quote = t.charCodeAt(q);
    const triple = t.charCodeAt(q + 1) === quote && t.charCodeAt(q + 2) === quote;
    let i = q + (triple ? 3 : 1);
    let start = from;
    // The characters that can end or interrupt this string; the engine's search skips the others.
    const stops = STOPS[(quote === SQ ? 0 : 4) + (formatted ? 2 : 0) + (triple ? 1 : 0)]!;
    for (;;) {
      stops.lastIndex = i;
      if (i >= n || !stops.test(t)) {
        i = n;
        break;
      }
      i = stops.lastIndex - 1;
      const c = t.charCodeAt(i);
      if (c === BS) {
        const next = t.charCodeAt(i + 1);
        // Ex) `rf"\{x}"`, `f"\{x}"`: the brace still opens a field; `f"\N{DASH}"` names a character
        if (formatted && next === LC) {
          i++;
          continue;
        }
        if (formatted && !raw && next === 78 && t.charCodeAt(i + 2) === LC) {
          const close = t.indexOf('}', i + 3);
          i = close < 0 ? n : close + 1;
          continue;
        }
        // An escaped character (a quote, a backslash, or a line break in any string, raw ones too).
        i += next === CR && t.charCodeAt(i + 2) === LF ? 3 : 2;
        continue;
      }
      if (c === quote) {
        if (!triple) {
          i++;
          break;
        }
        if (t.charCodeAt(i + 1) === quote && t.charCodeAt(i + 2) === quote) {
          i += 3;
          break;
        }
        i++;
        continue;
      }
      // Ex) an unterminated one-line string: a syntax error, ends at the line's end
      if (!triple && (c === LF || c === CR)) break;
      if (formatted && c === LC) {
        if (t.charCodeAt(i + 1) === LC) {
          i += 2;
          continue;
        }
        this.span(start, i + 1);
        i = this.replacement(i + 1);
        start = i - 1;
        continue;
      }
      i++;
    }
    this.span(start, i);
    return i;
  }

  /** An f-string replacement field after its `{`: code, then an optional format spec; the offset after its `}`. */
  private replacement(i: number): number {
    const t = this.t;
    const n = t.length;
    let depth = 0;
    while (i < n) {
      const c = t.charCodeAt(i);
      if (c === RC && depth === 0) return i + 1;
      if (c === COLON && depth === 0) return this.formatSpec(i + 1);
      if (c === BANG && depth === 0 && t.charCodeAt(i + 1) !== EQ) {
        i++;
        continue;
      }
      i = this.token(i, () => (depth += 1), () => (depth = Math.max(0, depth - 1)));
    }
    return n;
  }

  /** The format spec of a replacement field (literal text, with nested `{...}` fields): the offset after the closing `}`. */
  private formatSpec(i: number): number {
    const t = this.t;
    const n = t.length;
    let start = i;
    while (i < n) {
      const c = t.charCodeAt(i);
      if (c === RC) {
        this.span(start, i);
        return i + 1;
      }
      if (c === LC) {
        this.span(start, i + 1);
        i = this.replacement(i + 1);
        start = i;
        continue;
      }
      i++;
    }
    this.span(start, n);
    return n;
  }

  /**
   * The string whose quote is at `q`, reached by a search that skipped the code before it: the name the quote
   * follows is read back, and is the string's prefix when `token` would have read it as one (a name of one or two
   * characters in `PREFIXES`); the offset after the string.
   */
  quoted(q: number): number {
    const t = this.t;
    // Up to three characters of the name back: one of three or more is no prefix (`xyf"…"`, `1f"…"` have none).
    let from = q;
    while (from > q - 3 && from > 0 && isIdentChar(t.charCodeAt(from - 1))) from--;
    const prefix = from < q ? t.slice(from, q).toLowerCase() : '';
    const formatted = PREFIXES.get(prefix);
    return formatted === undefined ? this.string(q, q, false, false) : this.string(from, q, formatted, prefix.includes('r'));
  }

  /**
   * One step over code at `i`: a comment, a string, an identifier, a bracket (reported through `open` and
   * `close`) or any other character. Line breaks are left to the caller.
   */
  token(i: number, open: () => void, close: () => void): number {
    const t = this.t;
    const c = t.charCodeAt(i);
    if (c === HASH) {
      const end = this.lineEnd(i);
      this.span(i, end);
      return end;
    }
    if (c === SQ || c === DQ) return this.string(i, i, false, false);
    if (c === LP || c === LB || c === LC) {
      open();
      return i + 1;
    }
    if (c === RP || c === RB || c === RC) {
      close();
      return i + 1;
    }
    if (c === BS) {
      const next = t.charCodeAt(i + 1);
      if (next === LF) return i + 2;
      if (next === CR) return t.charCodeAt(i + 2) === LF ? i + 3 : i + 2;
      return i + 1;
    }
    if (isIdentChar(c)) {
      let j = i + 1;
      while (j < t.length && isIdentChar(t.charCodeAt(j))) j++;
      const q = t.charCodeAt(j);
      if ((q === SQ || q === DQ) && j - i <= 2) {
        const prefix = t.slice(i, j).toLowerCase();
        const formatted = PREFIXES.get(prefix);
        if (formatted !== undefined) return this.string(i, j, formatted, prefix.includes('r'));
      }
      return j;
    }
    return i + 1;
  }
}

/** What `outline` stops at in code: a line break, a comment, a quote, a bracket, a backslash. */
const CODE_STOP = /[\r\n#'"()[\]{}\\]/g;

// The outline is the hottest code of a run: keep the scanner's hidden class (see engine/shapes.ts).
keepShape(new Scanner(''));

function kindAt(t: string, i: number): LineKind {
  const c = t.charCodeAt(i);
  if (c === AT) return LineKind.Decorator;
  const word = /(?:async[ \t]+)?(def|class)[ \t\\(]/y;
  if (c !== 100 && c !== 99 && c !== 97) return LineKind.Other; // d, c, a
  word.lastIndex = i;
  const m = word.exec(t);
  if (!m) return LineKind.Other;
  if (m[1] === 'class') return m[0].startsWith('class') ? LineKind.Class : LineKind.Other;
  return LineKind.Def;
}

/** The outline of `text` (see `Outline`). */
export function outline(text: string): Outline {
  const t = text;
  const n = t.length;
  const s = new Scanner(t);
  const begin: number[] = [];
  const first: number[] = [];
  const indent: number[] = [];
  let depth = 0;
  const open = () => (depth += 1);
  const close = () => (depth = Math.max(0, depth - 1));
  let i = 0;
  let lineStart = true;
  while (i < n) {
    if (lineStart) {
      let col = 0;
      let j = i;
      for (; j < n; j++) {
        const c = t.charCodeAt(j);
        if (c === SP) col++;
        else if (c === TAB) col = col - (col % 8) + 8;
        else if (c === FF) col = 0;
        else break;
      }
      lineStart = false;
      const c = t.charCodeAt(j);
      // Ex) a blank or comment-only line: no logical line
      if (j < n && c !== LF && c !== CR && c !== HASH) {
        begin.push(i);
        first.push(j);
        indent.push(col);
      }
      i = j;
      continue;
    }
    // Only line breaks, comments, strings, brackets and backslashes matter here: the code between them (names,
    // numbers, operators, blanks) is skipped by one search. A name is read back from a quote, for its prefix.
    CODE_STOP.lastIndex = i;
    if (!CODE_STOP.test(t)) break;
    i = CODE_STOP.lastIndex - 1;
    const c = t.charCodeAt(i);
    if (c === LF || c === CR) {
      i += c === CR && t.charCodeAt(i + 1) === LF ? 2 : 1;
      if (depth === 0) lineStart = true;
      continue;
    }
    i = c === SQ || c === DQ ? s.quoted(i) : s.token(i, open, close);
  }
  const count = begin.length;
  const parent = new Array<number>(count);
  const blockEnd = new Array<number>(count);
  const kind = new Array<LineKind>(count);
  const stack: number[] = [];
  for (let k = 0; k < count; k++) {
    kind[k] = kindAt(t, first[k]!);
    while (stack.length && indent[stack[stack.length - 1]!]! >= indent[k]!) blockEnd[stack.pop()!] = begin[k]!;
    parent[k] = stack.length ? stack[stack.length - 1]! : -1;
    stack.push(k);
  }
  for (const k of stack) blockEnd[k] = n;
  return { begin, first, indent, parent, blockEnd, kind, noncode: s.noncode };
}

/** The outline last made or kept for a text (`outlineOf`): the file being processed, whose checks ask again. */
let lastOutline: { text: string; outline: Outline } | undefined;

/** The outline of `text`: the one kept for it (`keepOutline`, the engine's), else made now and kept. */
export function outlineOf(text: string): Outline {
  if (lastOutline?.text !== text) lastOutline = { text, outline: outline(text) };
  return lastOutline.outline;
}

/** Keep `o`, the outline of `text`, for `outlineOf` (the engine's of the file it processes, made in the first pass). */
export function keepOutline(text: string, o: Outline): void {
  lastOutline = { text, outline: o };
}

/** True when `offset` lies in a comment or in the literal part of a string. */
export function inNoncode(o: Outline, offset: number): boolean {
  return noncodeSpanAt(o, offset) >= 0;
}

/** The index of the span of `o.noncode` holding `offset` (its start is `o.noncode[2 * i]`), or -1. */
function noncodeSpanAt(o: Outline, offset: number): number {
  const spans = o.noncode;
  let lo = 0;
  let hi = spans.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[2 * mid + 1]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < spans.length / 2 && spans[2 * lo]! <= offset ? lo : -1;
}

/** The logical line holding `offset` (the last one beginning at or before it), or -1. */
export function lineAt(o: Outline, offset: number): number {
  let lo = 0;
  let hi = o.begin.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (o.begin[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * The outermost def whose body holds `offset` (in code), or -1 when it is outside every function. A def
 * line's own parameters and decorators belong to the block around it.
 */
export function outermostFunction(o: Outline, offset: number): number {
  const k = lineAt(o, offset);
  return k < 0 ? -1 : outermostDefAround(o, k);
}

/**
 * True when the logical line holding `offset` is nested, at any depth, under a def or a class: their bodies, not the
 * module's own `for`/`if`/`try` blocks. Ex) `locals()["x"] = f` in a function or a class body, not at the module's level.
 */
export function inDefOrClass(o: Outline, offset: number): boolean {
  const k = lineAt(o, offset);
  for (let a = k < 0 ? -1 : o.parent[k]!; a >= 0; a = o.parent[a]!) if (o.kind[a] === LineKind.Def || o.kind[a] === LineKind.Class) return true;
  return false;
}

/** The outermost def among the lines line `k` is nested under (not `k` itself), or -1. */
function outermostDefAround(o: Outline, k: number): number {
  let outer = -1;
  for (let a = o.parent[k]!; a >= 0; a = o.parent[a]!) if (o.kind[a] === LineKind.Def) outer = a;
  return outer;
}

/** The top-level line that line `k` is nested under, or `k` itself at the top level. */
function topLine(o: Outline, k: number): number {
  let top = k;
  while (o.parent[top]! >= 0) top = o.parent[top]!;
  return top;
}

// A set-up method of a test class: what it patches holds in every test of the class.
const SET_UP_DEF = /(?:async[ \t]+)?def[ \t]+(?:setUp|setUpClass|asyncSetUp|setup_method|setup_class|setup)\b/y;

/**
 * The spans of text that set up the code at `offset`, as [start, end) offsets, innermost first: for each line
 * it is nested under, a def's whole block with its decorators (a patch anywhere in the test function holds
 * for it); a class's decorators, its header and the blocks of its set-up methods (`setUp`, `setUpClass`,
 * `asyncSetUp`, `setup_method`, `setup_class`, `setup`); any other line's own logical line (a `with` header).
 */
export function setUpSpans(o: Outline, text: string, offset: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const k = lineAt(o, offset);
  if (k < 0) return out;
  for (let a = o.parent[k]!; a >= 0; a = o.parent[a]!) {
    const from = o.begin[decoratedFrom(o, a)]!;
    if (o.kind[a] === LineKind.Def) out.push([from, o.blockEnd[a]!]);
    else if (o.kind[a] === LineKind.Class) {
      out.push([from, a + 1 < o.begin.length ? o.begin[a + 1]! : o.blockEnd[a]!]);
      for (let j = a + 1; j < o.begin.length && o.begin[j]! < o.blockEnd[a]!; j++) {
        if (o.parent[j] !== a || o.kind[j] !== LineKind.Def) continue;
        SET_UP_DEF.lastIndex = o.first[j]!;
        if (SET_UP_DEF.test(text)) out.push([o.begin[decoratedFrom(o, j)]!, o.blockEnd[j]!]);
      }
    } else out.push([o.begin[a]!, a + 1 < o.begin.length ? o.begin[a + 1]! : o.blockEnd[a]!]);
  }
  return out;
}

/** The first of the decorator lines right above line `k` (at its indentation), or `k`. */
function decoratedFrom(o: Outline, k: number): number {
  let d = k;
  while (d > 0 && o.kind[d - 1] === LineKind.Decorator && o.indent[d - 1] === o.indent[k]) d--;
  return d;
}

/** The def or class a decorator line decorates: the next line at its indentation that is no decorator. */
function decorated(o: Outline, k: number): number {
  let d = k;
  while (d + 1 < o.kind.length && o.kind[d] === LineKind.Decorator && o.indent[d + 1] === o.indent[k]) d++;
  return d;
}

/**
 * Every name an import statement binds with `as` (`import gzip as gz`, `from m import (a as b)`): an `as`
 * in code whose logical line says `import` before it (`with open(p) as f` and `except E as e` are not),
 * with the last part of the name it renames: `import a.b as x` → x: `b`; `from m import (a as y)` → y:
 * `a`; `''` when the text before `as` ends in no name.
 */
export function importAliasTargets(text: string, o: Outline): Map<string, string> {
  const out = new Map<string, string>();
  if (!text.includes('as')) return out;
  const found = asNames(text);
  for (let i = 0; i < found.at.length; i++) {
    const at = found.at[i]!;
    const alias = found.names[i]!;
    if (inNoncode(o, at)) continue;
    const k = lineAt(o, at);
    if (k < 0) continue;
    if (!/\bimport\b/.test(text.slice(o.first[k], at))) continue;
    const renamed = nameBefore(text, o, at, o.first[k]!);
    // Ex) the same alias for two names (`try: import a as x` / `except: import b as x`): either may matter
    out.set(alias, out.has(alias) && out.get(alias) !== renamed ? '' : renamed);
  }
  return out;
}

/**
 * The name that ends before `at`, past spaces, line continuations and comments (`from m import (a  # note` /
 * `as b)` → `a`), not before `from`; `''` when no name ends there.
 */
function nameBefore(text: string, o: Outline, at: number, from: number): string {
  let j = at;
  for (;;) {
    while (j > from && /[\s\\]/.test(text[j - 1]!)) j--;
    const span = j > from ? noncodeSpanAt(o, j - 1) : -1;
    if (span < 0) break;
    j = Math.max(from, o.noncode[2 * span]!);
  }
  let s = j;
  while (s > from && /[\p{L}\p{N}_]/u.test(text[s - 1]!)) s--;
  return text.slice(s, j);
}

export interface PartialPlan {
  /** Sorted, disjoint [start, end) pairs of text to parse; every range starts at a line's beginning. */
  ranges: number[];
  /** Characters in `ranges`. */
  size: number;
}

/** Logical lines picked for a partial parse: `units` with their whole blocks, `headers` as their own line only. */
export interface Selection {
  units: Set<number>;
  headers: Set<number>;
}

/** Above this share of the file, a partial parse saves too little to pay for the look it costs. */
const WORTH_IT = 0.4;

/**
 * The lines to parse so that every place `anchors` matches in code sits in the tree with the code around
 * it: for each match the outermost function around it, whole, with the header lines of the blocks it is
 * nested in (`class C(Base):`). A match in a class body outside any function, or on a def or class line,
 * brings that statement's own block; one in a top-level statement that is no def or class needs nothing
 * (`planRanges` always parses those). A match of a word in `callees` counts only where it may name the callee
 * of a call: `(` follows it (`open(`, `x.open (`). One of a word in `byName` besides counts only where the
 * callee may resolve by name: it is no attribute (`open(`), or the attribute of a receiver that is not a
 * plain dotted name (`Path(p).open(`), or of a dotted name whose first name an import of the file may bind
 * (`gzip.open(`, `gz.open(` after `import gzip as gz`); not `self.open(` nor `sock.connect(`.
 * `'none'`: no match counts.
 */
export function selectAround(text: string, anchors: RegExp | WordHits, o: Outline, callees?: ReadonlySet<string>, byName?: ReadonlySet<string>): Selection | 'none' | 'whole' {
  const units = new Set<number>();
  const headers = new Set<number>();
  let any = false;
  let imported: Set<string> | null | undefined;
  const hits = anchors instanceof RegExp ? findWords(text, anchors) : anchors;
  for (let i = 0; i < hits.at.length; i++) {
    const at = hits.at[i]!;
    const word = hits.word[i]!;
    if (inNoncode(o, at)) continue;
    // Ex) `socket.AF_INET`, `except socket.error`, `def open(self)`: no call of `socket` or `open` there
    if (callees?.has(word) && !callFollows(text, at + word.length)) continue;
    if (byName?.has(word)) {
      // Ex) `self.open()`, `sock.connect(addr)`: a method of a value, which no import names
      const head = receiverHead(text, at);
      if (head) {
        if (imported === undefined) imported = importedWords(text, o);
        if (imported && !imported.has(head)) continue;
      }
    }
    let k = lineAt(o, at);
    if (k < 0) return 'whole';
    // Ex) `def open(self):` defines it; `with open(p) as f:` closes it
    if (callees?.has(word) && (definesAt(text, o, k, at) || isWithItemCall(text, o, k, at, at + word.length))) continue;
    any = true;
    if (o.kind[k] === LineKind.Decorator) k = decorated(o, k);
    const outer = outermostDefAround(o, k);
    // Ex) `class TarFile(object):`, `class ProcessPoolExecutor(_base.Executor):`: the word is in a class's
    // header (or its decorators), which is parsed; each place in its body is picked for itself
    if (outer < 0 && o.kind[k] === LineKind.Class) {
      for (let a = k; a >= 0; a = o.parent[a]!) headers.add(a);
      continue;
    }
    // Ex) `data = open(p).read()` at the top level: the statement is parsed anyway
    if (outer < 0 && o.kind[topLine(o, k)] === LineKind.Other) continue;
    const unit = outer >= 0 ? outer : k;
    units.add(unit);
    for (let a = o.parent[unit]!; a >= 0; a = o.parent[a]!) headers.add(a);
  }
  return any ? { units, headers } : 'none';
}

const DEF_KEYWORD = /(?:async[ \t]+)?def[ \t]+/y;

/** True when logical line `k` is a def whose name starts at `at`. */
function definesAt(text: string, o: Outline, k: number, at: number): boolean {
  if (o.kind[k] !== LineKind.Def) return false;
  DEF_KEYWORD.lastIndex = o.first[k]!;
  return DEF_KEYWORD.test(text) && DEF_KEYWORD.lastIndex === at;
}

const WITH_KEYWORD = /(?:async[ \t]+)?with(?![\p{L}\p{N}_])/uy;
const AS_NAME = /[ \t]*(?:as[ \t]+[A-Za-z_][A-Za-z0-9_]*[ \t]*)?[,:]/y;

/**
 * True when the call whose callee's last name is text[at, end) (`open` in `with gzip.open(p) as f:`) is, on
 * logical line `k`, the whole context expression of a `with` item: `with CALL:`, `with CALL as name, …`,
 * `with x, CALL as name:`. Strict on purpose: a parenthesised item list, a backslash, a line break inside
 * the item or an `as` target other than a plain name all say no.
 */
export function isWithItemCall(text: string, o: Outline, k: number, at: number, end: number): boolean {
  const first = o.first[k]!;
  WITH_KEYWORD.lastIndex = first;
  if (!WITH_KEYWORD.test(text)) return false;
  let s = at;
  while (s > first && /[A-Za-z0-9_.]/.test(text[s - 1]!)) s--;
  // Where the item holding the callee starts: right after `with`, or after a comma outside brackets.
  let depth = 0;
  let itemStart = WITH_KEYWORD.lastIndex;
  for (let j = itemStart; j < s; j++) {
    const c = text.charCodeAt(j);
    if (c !== 40 && c !== 41 && c !== 91 && c !== 93 && c !== 123 && c !== 125 && c !== 44 && c !== 58) continue;
    if (inNoncode(o, j)) continue;
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 44 || c === 58) {
      // Ex) `with a: b, open(p), c`: past the header's colon, in the body
      if (depth === 0 && c === 58) return false;
      if (depth === 0) itemStart = j + 1;
    } else depth--;
  }
  if (depth !== 0 || !/^[ \t]*$/.test(text.slice(itemStart, s))) return false;
  // The call's arguments, then `as name` and the end of the item.
  let j = end;
  while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) j++;
  if (text.charCodeAt(j) !== 40) return false;
  for (; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c !== 40 && c !== 41 && c !== 91 && c !== 93 && c !== 123 && c !== 125) continue;
    if (inNoncode(o, j)) continue;
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (--depth === 0) break;
  }
  if (depth !== 0 || /[\r\n\\]/.test(text.slice(end, j))) return false;
  AS_NAME.lastIndex = j + 1;
  return AS_NAME.test(text);
}

/**
 * The first name of the receiver when the name at `at` is the attribute of a plain dotted name (`self` for
 * `self.f.open`); `''` when no `.` stands before it; `undefined` when the receiver is anything else, or a
 * line break stands in the way (a call `Path(p).open`, a subscript, a string).
 */
export function receiverHead(text: string, at: number): string | undefined {
  const blank = (c: number) => c === SP || c === TAB || c === FF;
  let j = at;
  while (j > 0 && blank(text.charCodeAt(j - 1))) j--;
  if (text.charCodeAt(j - 1) !== DOT) return j > 0 && text.charCodeAt(j - 1) === BS ? undefined : ''; // a backslash: a continued line
  for (;;) {
    j--; // the dot
    while (j > 0 && blank(text.charCodeAt(j - 1))) j--;
    const end = j;
    while (j > 0 && isIdentChar(text.charCodeAt(j - 1))) j--;
    const c = text.charCodeAt(j);
    // Ex) `f().open`, `x[0].open`, `1.0.real`: not a plain dotted name
    if (j === end || (c >= 48 && c <= 57)) return undefined;
    let k = j;
    while (k > 0 && blank(text.charCodeAt(k - 1))) k--;
    if (text.charCodeAt(k - 1) !== DOT) return text.slice(j, end);
    j = k;
  }
}

/**
 * Every word of the logical lines that say `import` in code: a superset of the names an import binds
 * anywhere in the file. `null` when one of them may be a star import (`from m import *`): any name may be.
 */
export function importedWords(text: string, o: Outline): Set<string> | null {
  const out = new Set<string>();
  const done = new Set<number>();
  for (const m of text.matchAll(new RegExp(IMPORT_WORD_RE, 'gu'))) {
    if (inNoncode(o, m.index!)) continue;
    const k = lineAt(o, m.index!);
    if (k < 0) return null;
    if (done.has(k)) continue;
    done.add(k);
    const line = text.slice(o.first[k], o.begin[k + 1] ?? text.length);
    if (STAR_IMPORT_RE.test(line)) return null;
    for (const w of line.matchAll(/[\p{L}\p{N}_]+/gu)) out.add(w[0]);
  }
  return out;
}

/**
 * True when the code from `i` on may go on with `(`: the next character that is no space, line break,
 * backslash or comment. Generous on purpose (`open` at a line's end followed by `(` on the next line counts).
 */
function callFollows(text: string, i: number): boolean {
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40) return true; // (
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 92) continue; // space tab LF CR FF backslash
    if (c !== 35) return false; // #
    while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  }
  return false;
}

/**
 * Adds to `sel` every top-level def and class whose name is written in a picked unit or in a top-level
 * statement that imports (`import x`, `try: import x` …): then each name the picked code reads, and each
 * name an import binds, has at the top level the bindings the whole file gives it (`def open(...)`
 * shadowing the builtin, a def named like an import). A def comes whole (its body says whether it is a
 * generator); a class with its header only, unless its body says `__aexit__`.
 */
export function addTopLevelNamed(text: string, o: Outline, sel: Selection): void {
  const top = new Map<string, number[]>();
  for (let k = 0; k < o.begin.length; k++) {
    // Ex) the class around a picked method: its header, parsed already, binds its name.
    if (o.parent[k] !== -1 || sel.units.has(k) || sel.headers.has(k)) continue;
    const name = definedName(text, o, k);
    if (name) top.set(name, [...(top.get(name) ?? []), k]);
  }
  if (top.size === 0) return;
  const found = new Set<string>();
  // Only a word as long as some top-level name is made into a string and looked up.
  const lengths = new Set([...top.keys()].map((n) => n.length));
  const scan = (from: number, to: number) =>
    forEachWordSpan(text, from, to, (s, e) => {
      if (!lengths.has(e - s)) return;
      const w = text.slice(s, e);
      if (top.has(w)) found.add(w);
    });
  for (const u of sel.units) scan(o.begin[u]!, o.blockEnd[u]!);
  for (let k = 0; k < o.begin.length; k++) {
    if (o.parent[k] === -1 && o.kind[k] === LineKind.Other && /\bimport\b/.test(text.slice(o.begin[k], o.blockEnd[k]))) scan(o.begin[k]!, o.blockEnd[k]!);
  }
  for (const name of found) {
    for (const k of top.get(name)!) {
      // Ex) a method calling `Popen(...)` of a 1,500-line `class Popen`: its header binds the name; only an
      // `async with Ctx()` reads a class's body (its `__aexit__`: exitsWithoutAwait in generators.ts)
      if (o.kind[k] === LineKind.Class && !text.slice(o.begin[k], o.blockEnd[k]).includes('__aexit__')) sel.headers.add(k);
      else sel.units.add(k);
    }
  }
}

/**
 * The text ranges of a selection, with every top-level statement that is no def or class (imports,
 * assignments, `if __name__ …` blocks). `'whole'` when they come to more than `worthIt` of the file.
 */
export function planRanges(text: string, o: Outline, sel: Selection, worthIt = WORTH_IT): PartialPlan | 'whole' {
  const pairs: Array<[number, number]> = [];
  for (let k = 0; k < o.begin.length; k++) {
    if (o.parent[k] === -1 && o.kind[k] === LineKind.Other) pairs.push([o.begin[k]!, o.blockEnd[k]!]);
  }
  for (const k of sel.units) pairs.push([o.begin[decoratedFrom(o, k)]!, o.blockEnd[k]!]);
  for (const a of sel.headers) pairs.push([o.begin[decoratedFrom(o, a)]!, o.begin[a + 1] ?? text.length]);
  pairs.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  const ranges: number[] = [];
  let size = 0;
  for (const [s, e] of pairs) {
    const last = ranges.length - 1;
    if (last > 0 && s <= ranges[last]!) {
      if (e > ranges[last]!) {
        size += e - ranges[last]!;
        ranges[last] = e;
      }
      continue;
    }
    ranges.push(s, e);
    size += e - s;
  }
  if (size > text.length * worthIt) return 'whole';
  return { ranges, size };
}

/** `selectAround` and `planRanges` in one step. */
export function partialRanges(text: string, anchors: RegExp, o: Outline = outline(text), worthIt = WORTH_IT): PartialPlan | 'none' | 'whole' {
  const sel = selectAround(text, anchors, o);
  return typeof sel === 'string' ? sel : planRanges(text, o, sel, worthIt);
}

/** The name a def or class line defines (`def rows(` → `rows`), or `undefined` for any other line. */
export function definedName(text: string, o: Outline, k: number): string | undefined {
  if (o.kind[k] !== LineKind.Def && o.kind[k] !== LineKind.Class) return undefined;
  const re = /(?:async[ \t]+)?(?:def|class)[ \t\\]+([^\s(:\\]+)/y;
  re.lastIndex = o.first[k]!;
  return re.exec(text)?.[1];
}

/** The names of the defs directly in the block of line `k` (`def close(self):`, decorated or not). */
export function childDefNames(text: string, o: Outline, k: number): string[] {
  return childLines(o, k).flatMap((c) => (o.kind[c] === LineKind.Def ? (definedName(text, o, c) ?? []) : []));
}

/**
 * Where the code of line `k`'s block ends: its last token, without the blank lines and comments between it
 * and the next line indented no deeper (which `blockEnd` counts in), as tree-sitter ends the block's node.
 */
export function blockCodeEnd(text: string, o: Outline, k: number): number {
  let end = o.blockEnd[k]!;
  for (;;) {
    while (end > o.first[k]! && /\s/.test(text[end - 1]!)) end--;
    const span = noncodeSpanAt(o, end - 1);
    if (span < 0 || text[o.noncode[2 * span]!] !== '#') return end;
    end = o.noncode[2 * span]!;
  }
}

/** The logical lines directly in the block of line `k`. */
export function childLines(o: Outline, k: number): number[] {
  const out: number[] = [];
  for (let c = k + 1; c < o.begin.length && o.begin[c]! < o.blockEnd[k]!; c++) if (o.parent[c] === k) out.push(c);
  return out;
}

/** `ranges` as tree-sitter's included ranges (rows and columns counted in `\n`-ended lines, as tree-sitter counts them). */
export function includedRanges(text: string, ranges: readonly number[]): Array<{ startIndex: number; endIndex: number; startPosition: { row: number; column: number }; endPosition: { row: number; column: number } }> {
  const out = [];
  let row = 0;
  let lineStart = 0;
  let at = 0;
  const point = (offset: number) => {
    for (;;) {
      const nl = text.indexOf('\n', at);
      if (nl < 0 || nl >= offset) break;
      row++;
      lineStart = nl + 1;
      at = nl + 1;
    }
    return { row, column: offset - lineStart };
  };
  for (let i = 0; i < ranges.length; i += 2) {
    const startPosition = point(ranges[i]!);
    const endPosition = point(ranges[i + 1]!);
    out.push({ startIndex: ranges[i]!, endIndex: ranges[i + 1]!, startPosition, endPosition });
  }
  return out;
}

/**
 * The file's own indent unit: the step most of its blocks take from the header above them (`def f():` then
 * `    return 1`: four spaces), the first one's on a tie. Ex) a module of four-space blocks with one helper
 * indented by two (Debian's SoftwarePropertiesDBus.py): four, not the first block's two. Falls back to a tab
 * when the file indents with tabs, else four spaces. Read from the outline, so a partial tree and the whole
 * file agree.
 */
const afterFormFeed = (indent: string) => indent.slice(indent.lastIndexOf('\f') + 1);

export function indentUnitOf(source: string, o: Outline): string {
  const counts = new Map<string, number>();
  let best: string | undefined;
  for (let k = 1; k < o.begin.length; k++) {
    const p = o.parent[k]!;
    // The first line of a block: its header is the logical line just before it.
    if (p !== k - 1) continue;
    // Ex) `\f    fin = open(a)` opening the block: the form feed is no part of the unit (Python counts from after it)
    const inner = afterFormFeed(source.slice(o.begin[k], o.first[k]));
    const outer = afterFormFeed(source.slice(o.begin[p], o.first[p]));
    if (!inner.startsWith(outer) || inner.length <= outer.length) continue;
    const unit = inner.slice(outer.length);
    const n = (counts.get(unit) ?? 0) + 1;
    counts.set(unit, n);
    if (best === undefined || n > counts.get(best)!) best = unit;
  }
  return best ?? (/^\t/m.test(source) ? '\t' : '    ');
}

/**
 * The offset of the first logical line whose indentation Python's tokenizer rejects, `undefined` when none:
 * one that mixes tabs and spaces so that its level depends on the tab size (TabError: it compares every
 * indentation with tabs to multiples of 8 and with tabs as 1, and both must agree), or that dedents to no
 * outer level (IndentationError). tree-sitter reads both without an error, so the pipeline asks this of
 * every rewrite.
 */
/** The most levels of indentation CPython's tokenizer takes (3.6 to 3.13; the 100th is "too many levels of indentation"). */
export const MAX_INDENT_LEVELS = 99;

/**
 * Where a logical line is indented deeper than the one before it, which opens no block (its code does not end
 * with `:`): Python's "unexpected indent", which tree-sitter reads without an error after a dedent (`def g():` /
 * `    setup()` / `log = 1` / `    return 1`). The begin offset of that line, or `undefined`.
 */
export function unexpectedIndent(source: string, o: Outline = outline(source)): number | undefined {
  for (let k = 0; k < o.begin.length; k++) {
    if (o.indent[k]! <= (k > 0 ? o.indent[k - 1]! : 0)) continue;
    if (k === 0 || !opensBlock(source, o, o.begin[k]!)) return o.begin[k];
  }
  return undefined;
}

/** True when the code before offset `end` (a logical line's end), comments and blanks left out, ends with `:`. */
function opensBlock(source: string, o: Outline, end: number): boolean {
  let i = end - 1;
  for (;;) {
    while (i >= 0 && (source.charCodeAt(i) <= 32 || source.charCodeAt(i) === 92)) i--;
    if (i < 0) return false;
    // A comment: skip to its `#` (the span of noncode that holds `i`)
    const k = firstIndex(o.noncode.length / 2, (n) => o.noncode[2 * n + 1]! > i);
    if (k < o.noncode.length / 2 && o.noncode[2 * k]! <= i && source.charCodeAt(o.noncode[2 * k]!) === 35) {
      i = o.noncode[2 * k]! - 1;
      continue;
    }
    return source.charCodeAt(i) === 58;
  }
}

/** The start of the first line indented more than `MAX_INDENT_LEVELS` levels deep, or `undefined`. */
export function tooManyIndentLevels(o: Outline): number | undefined {
  const cols = [0];
  for (let k = 0; k < o.begin.length; k++) {
    const col = o.indent[k]!;
    while (cols.length > 1 && col < cols[cols.length - 1]!) cols.pop();
    if (col > cols[cols.length - 1]!) {
      cols.push(col);
      if (cols.length - 1 > MAX_INDENT_LEVELS) return o.begin[k];
    }
  }
  return undefined;
}

export function badIndentation(source: string, o: Outline = outline(source)): number | undefined {
  const cols = [0];
  const alts = [0];
  for (let k = 0; k < o.begin.length; k++) {
    const col = o.indent[k]!;
    // Tabs as one column: every character after the last form feed.
    let alt = 0;
    for (let i = o.begin[k]!; i < o.first[k]!; i++) alt = source.charCodeAt(i) === 12 ? 0 : alt + 1;
    let top = cols.length - 1;
    if (col > cols[top]!) {
      if (alt <= alts[top]!) return o.begin[k];
      cols.push(col);
      alts.push(alt);
      continue;
    }
    while (top > 0 && col < cols[top]!) {
      cols.pop();
      alts.pop();
      top--;
    }
    if (col !== cols[top] || alt !== alts[top]) return o.begin[k];
  }
  return undefined;
}
