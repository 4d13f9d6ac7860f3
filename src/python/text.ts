// Line-level facts about source text: line starts, indentation, the file's indent unit.
import { lastTextMemo } from './memo.js';
// (Called in functions only: outline.ts reads this module's functions the same way)
import { inDefOrClass, outlineOf } from './outline.js';

/** `s` with every character that means something in a regular expression escaped. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regular expression matching any of `words` as a whole word (`\b` on both sides). */
export function wordsPattern(words: Iterable<string>, flags = ''): RegExp {
  return new RegExp(`\\b(?:${[...words].map(escapeRegExp).join('|')})\\b`, flags);
}

/** The places of the matches of a pattern of words (`wordsPattern(words, 'g')`) in one text: `at[i]` holds `word[i]`. */
export interface WordHits {
  at: number[];
  word: string[];
}

export function findWords(text: string, re: RegExp): WordHits {
  const hits: WordHits = { at: [], word: [] };
  re.lastIndex = 0; // matchAll starts where the pattern's last use left it
  for (const m of text.matchAll(re)) {
    hits.at.push(m.index!);
    hits.word.push(m[0]);
  }
  return hits;
}

// The pipeline's scan of a text for the anchor words (firstLook), kept for the checks of the same text.
let shared: { text: string; words: ReadonlySet<string>; hits: WordHits; plain?: boolean } | undefined;

/** Keeps `hits`, the places of `words` in `text`, for `sharedWordHits`. */
export function shareWordHits(text: string, words: ReadonlySet<string>, hits: WordHits): void {
  shared = { text, words, hits };
}

/**
 * The places of `names` in `text`, taken from the kept scan when it looked for every one of them; `undefined`
 * when it did not. They are what a scan for `names` alone finds when every word looked for is made of word
 * characters: each match is then a whole run of them, whatever else the pattern holds.
 */
export function sharedWordHits(text: string, names: ReadonlySet<string>): WordHits | undefined {
  const s = shared;
  if (!s || s.text !== text) return undefined;
  for (const n of names) if (!s.words.has(n)) return undefined;
  s.plain ??= [...s.words].every((w) => /^\w+$/.test(w));
  if (!s.plain) return undefined;
  const out: WordHits = { at: [], word: [] };
  for (let i = 0; i < s.hits.at.length; i++) {
    if (!names.has(s.hits.word[i]!)) continue;
    out.at.push(s.hits.at[i]!);
    out.word.push(s.hits.word[i]!);
  }
  return out;
}

/**
 * A test double's target named by its dotted path: `mock.patch("pkg.core.rows", …)`, `patch(target=…)`, pytest's
 * `monkeypatch.setattr("builtins.open", …)`. The doubles of generators (`doubledAttributes` in generators.ts) and the
 * mocked resources (`mockedAround` in resources.ts) read it.
 */
export const PATCH_BY_PATH = /\b(?:patch|setattr)\s*\(\s*(?:target\s*=\s*)?['"]([A-Za-z_][\w.]*\.[A-Za-z_]\w*)['"]/g;

/**
 * `re.test` of a whole text, remembered for the last text asked: the checks of a file (each transform, each
 * analysis of a statement) ask it of the same text again and again, and a miss scans every character.
 */
export const textTest = (re: RegExp): ((text: string) => boolean) => lastTextMemo((text) => re.test(text));

/**
 * Every `as NAME` of a text (`\bas\s+NAME`, in strings and comments too): the offsets of `as` and of the name,
 * and the name. Read by the first look (`importAliasTargets`) and the resource transforms' candidates (`calleeNames`).
 */
export const asNames = lastTextMemo((text: string): { at: number[]; nameAt: number[]; names: string[] } => {
  const found: { at: number[]; nameAt: number[]; names: string[] } = { at: [], nameAt: [], names: [] };
  for (const m of text.matchAll(/\bas\s+([A-Za-z_]\w*)/g)) {
    found.at.push(m.index!);
    found.nameAt.push(m.index! + m[0].length - m[1]!.length);
    found.names.push(m[1]!);
  }
  return found;
});

/**
 * True when `offset` falls between the `\r` and the `\n` of a line break: where a comment node ends in a
 * CRLF file (tree-sitter's comment runs to the `\n`, taking the `\r`). That offset is on the line of the `\r`.
 */
const insideCrlf = (source: string, offset: number) => source.charCodeAt(offset) === 10 && source.charCodeAt(offset - 1) === 13;

export function lineStartOf(source: string, offset: number): number {
  let i = insideCrlf(source, offset) ? offset - 1 : offset;
  while (i > 0) {
    const c = source.charCodeAt(i - 1);
    if (c === 10 || c === 13) break;
    i--;
  }
  return i;
}

/** Offset of the line break ending the line that holds `offset` (or the end of the text). */
export function lineEndOf(source: string, offset: number): number {
  let i = insideCrlf(source, offset) ? offset - 1 : offset;
  while (i < source.length) {
    const c = source.charCodeAt(i);
    if (c === 10 || c === 13) break;
    i++;
  }
  return i;
}

/** Offset just past the line break that ends the line holding `offset`. */
export function nextLineStart(source: string, offset: number): number {
  const end = lineEndOf(source, offset);
  if (end >= source.length) return end;
  return source.charCodeAt(end) === 13 && source.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
}

/** Every offset in (from, to) at which a line begins. */
export function lineStartsBetween(source: string, from: number, to: number): number[] {
  const starts: number[] = [];
  for (let i = from; i < to; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || (c === 13 && source.charCodeAt(i + 1) !== 10)) {
      if (i + 1 < to) starts.push(i + 1);
    }
  }
  return starts;
}

/** The whitespace that opens the line holding `offset`. */
export function indentOfLine(source: string, offset: number): string {
  const start = lineStartOf(source, offset);
  let i = start;
  while (i < source.length && (source[i] === ' ' || source[i] === '\t' || source[i] === '\f')) i++;
  return source.slice(start, i);
}

/**
 * True when only indentation precedes `offset` on its line, and the line before does not end in a
 * backslash: `x = 1; \` joins the next line to its own (a backslash closing a comment does not, but is
 * counted too: the answer is then a safe "no").
 */
export function startsLine(source: string, offset: number): boolean {
  const start = lineStartOf(source, offset);
  return /^[ \t\f]*$/.test(source.slice(start, offset)) && !continuesLine(source, offset);
}

/** True when the line holding `offset` goes on past it onto the next line: it ends in a backslash after `offset`. */
export function continuesAfter(source: string, offset: number): boolean {
  return /^[^#]*\\[ \t\f]*$/.test(source.slice(offset, lineEndOf(source, offset)));
}

/** True when the line holding `offset` continues the one before it: that line ends in a backslash. */
export function continuesLine(source: string, offset: number): boolean {
  let i = lineStartOf(source, offset) - 1;
  if (source.charCodeAt(i) === 10 && source.charCodeAt(i - 1) === 13) i--;
  return i > 0 && source.charCodeAt(i - 1) === 92; // \
}

export function isBlankLine(source: string, lineStart: number): boolean {
  return /^[ \t\f]*$/.test(source.slice(lineStart, lineEndOf(source, lineStart)));
}

/** The first index in [0, length) at which `reached` holds (it must hold from some index on), else `length`. */
export function firstIndex(length: number, reached: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (reached(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Offsets at which each line begins: index i holds the start of line i + 1. */
export function lineTable(source: string): number[] {
  const table = [0];
  // Most files have no CR: a search for each LF is much faster than reading every character.
  if (!source.includes('\r')) {
    for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) table.push(i + 1);
    return table;
  }
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || (c === 13 && source.charCodeAt(i + 1) !== 10)) table.push(i + 1);
  }
  return table;
}

export function positionAt(table: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = table.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (table[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - table[lo]! + 1 };
}

const NAME_START = /[\p{L}_]/u;
const NAME_PART = /[\p{L}\p{N}_]/u;

/** An ASCII letter, digit or `_`. */
export const isAsciiWordChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/** True when `text[i]` is a letter, a digit or `_` (Unicode's, as `[\p{L}\p{N}_]` reads them). */
export function isWordCharAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return isAsciiWordChar(c);
  return i < text.length && NAME_PART.test(text.slice(i, i + widthAt(text, i)));
}

/** A word `import` (an import statement, or text that might hold one). */
export const IMPORT_WORD_RE = /(?<![\p{L}\p{N}_])import(?![\p{L}\p{N}_])/u;
/** `import *`, or text that might be one (a superset: a line break or a bracket may stand between them). */
export const STAR_IMPORT_RE = /(?<![\p{L}\p{N}_])import[\s\\(]*\*/u;

/**
 * The arguments of the rest of a call from `from` (just after an argument and its comma, or the `(`), as their
 * texts, trimmed, up to the `)` that closes the call (brackets inside counted).
 */
export function restArguments(text: string, from: number): string[] {
  const out: string[] = [];
  let depth = 1;
  let start = from;
  for (let i = from; i < text.length && depth > 0; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    if ((c === ',' && depth === 1) || depth === 0) {
      const arg = text.slice(start, i).trim();
      if (arg) out.push(arg);
      start = i + 1;
    }
  }
  return out;
}

export const KEYWORD_ARGUMENT = /^([A-Za-z_]\w*)\s*=(?!=)/;

/** The keywords given by the rest of a call from `from`: `rows` of `rows=[]`. */
export function keywordsOf(text: string, from: number): string[] {
  return restArguments(text, from).flatMap((arg) => KEYWORD_ARGUMENT.exec(arg)?.[1] ?? []);
}

/**
 * The offset after the bracketed text that opens at `open` (`(`, `[` or `{`), strings in it skipped;
 * `undefined` where the text is one withify does not read so: a triple-quoted or formatted string, a backslash
 * continuation, a comment, or no closing bracket.
 */
export function afterBrackets(text: string, open: number): number | undefined {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (--depth === 0) return i + 1;
    } else if (c === '#' || c === '\\') return undefined;
    else if (c === '"' || c === "'") {
      // Ex) `f"{x}"`, `t"…"`: their fields are code
      if (/[fFtT]/.test(/[A-Za-z]*$/.exec(text.slice(Math.max(0, i - 3), i))![0])) return undefined;
      if (text.startsWith(c.repeat(3), i)) return undefined;
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== '\n' && text[j] !== '\r') j += text[j] === '\\' ? 2 : 1;
      if (text[j] !== c) return undefined;
      i = j;
    }
  }
  return undefined;
}

/** A string key of a dict display: `"rows"` of `{"rows": f}`. */
const DICT_KEY = /[{,]\s*(['"])([A-Za-z_]\w*)\1\s*:/g;

/**
 * The names the rest of a call from `from` spells: its keywords (`rows=…`) and the string keys of its dict
 * displays (`{"rows": …}`); `unread` where an argument is neither (`kw`, `**kw`), whose names withify cannot see.
 */
export function namesGiven(text: string, from: number): { names: string[]; unread: boolean } {
  const names: string[] = [];
  let unread = false;
  for (const arg of restArguments(text, from)) {
    const kw = KEYWORD_ARGUMENT.exec(arg);
    if (kw) names.push(kw[1]!);
    else if (arg.startsWith('{')) for (const k of arg.matchAll(DICT_KEY)) names.push(k[2]!);
    else unread = true;
  }
  return { names, unread };
}

/**
 * `globals()` (or a name bound to it, put in place of `globals\(\)`) and what follows it: `[` (1), `.method` (2).
 * At the module's level `vars()` and `locals()` are the same dict (in a module-level `for`/`if`/`try` too; in a
 * function a write to `locals()` is lost, in a class body it sets the class's names: the outline's `inDefOrClass`).
 */
const GLOBALS_USE = '(?:globals|vars|locals)[ \\t]*\\([ \\t]*\\)';
const globalsCall = (alternatives: string) => new RegExp(`(?<![\\w.])(?:${alternatives})[ \\t]*(?:(\\[)|\\.[ \\t]*(\\w+))`, 'g');
/** The first `globals`, `vars`, `locals` or `exec` of a text. */
const GLOBALS_OR_EXEC = /globals|vars|locals|exec/;
/** `ns = globals()`: another name for the namespace. */
const GLOBALS_ALIAS = /^[ \t]*([A-Za-z_]\w*)[ \t]*=[ \t]*(?:globals|vars|locals)[ \t]*\([ \t]*\)[ \t]*(?:#.*)?$/gm;
/**
 * The module itself: `sys.modules[__name__]`, through any name for `sys` (`import sys as _sys`) or none
 * (`from sys import modules`) (a pattern's source).
 */
const MODULE_SELF = '(?:[A-Za-z_]\\w*[ \\t]*\\.[ \\t]*)?modules[ \\t]*\\[[ \\t]*__name__[ \\t]*\\]';
/** `this = sys.modules[__name__]`, at any depth (in a function too: it may set the module's names): another name for the module. */
const MODULE_SELF_ALIAS = new RegExp(`^[ \\t]*([A-Za-z_]\\w*)[ \\t]*=[ \\t]*${MODULE_SELF}[ \\t]*(?:#.*)?$`, 'gm');
/** `["name"]` (sticky): a key spelt. */
const SPELT_KEY = /\[[ \t]*(['"])([A-Za-z_]\w*)\1[ \t]*\]/y;
/** What follows a subscript that may be set: `] = …`, `] += …`, `], x = …` (a target list), `]: T = …`. */
const ITEM_SET_AFTER = /^\][ \t]*(?:(?:[-+*/%@&|^]|\/\/|\*\*|<<|>>)?=(?!=)|,|:(?!=))/;

/** Methods of the namespace that set what they are given: by a spelt first argument, keywords or keys, or any name. */
const GLOBALS_SETTERS: ReadonlySet<string> = new Set(['update', 'setdefault', '__setitem__', 'pop', 'popitem', 'clear', '__delitem__']);
/** `("name"` after a setter: the name it sets (sticky). */
const SPELT_ARGUMENT = /[ \t]*\([ \t]*(['"])([A-Za-z_]\w*)\1/y;

export interface GlobalsWrites {
  /** The names set by their string: `globals()["rows"] = f`, `globals().setdefault("rows", f)`, `globals().update(rows=f)`. */
  names: ReadonlySet<string>;
  /** Some write may set a name it does not spell: `globals().update(kw)`, `globals()[name] = f`, `exec(src, globals())`. */
  any: boolean;
}
/**
 * Every name a `global` (or `nonlocal`) statement of `text` may name, read from the text: the keyword where a
 * statement may start (a line's first word, or after `;` or `:`; a line of a string that starts so counts too: only
 * more names; `# use the global socket timeout` does not), then each name of the comma-separated list after it,
 * over lines joined by `\` or on any lines (`\s`), a name in any script (`global ñ, open`), normalized as Python reads identifiers
 * (NFKC: `ｏｐｅｎ` is `open`). One scan of the text, not one per name asked.
 */
const declaredNamesBy = (keyword: 'global' | 'nonlocal') => {
  const name = '[\\p{L}\\p{Nl}_][\\p{L}\\p{N}\\p{Mn}\\p{Mc}\\p{Pc}]*';
  const gap = '[\\s\\\\]*';
  // (The keyword first, then the look behind it: a search for the word, not a look behind at every offset: 10 ms
  // against 97 over the stdlib's texts)
  const re = new RegExp(`${keyword}(?<=(?:^|[;:])[ \\t\\f]*${keyword})(?=[\\s\\\\])(?=(${gap}${name}(?:${gap},${gap}${name})*))`, 'gmu');
  return lastTextMemo((text: string): ReadonlySet<string> => {
    const names = new Set<string>();
    if (!text.includes(keyword)) return names;
    for (const m of text.matchAll(re)) {
      for (const n of m[1]!.split(',')) names.add(n.replace(/[\s\\]+/g, '').normalize('NFKC'));
    }
    return names;
  });
};
export const declaredNames = { global: declaredNamesBy('global'), nonlocal: declaredNamesBy('nonlocal') };

let lastGlobalsWrites: { text: string; writes: GlobalsWrites } | undefined;
/** `modules[__name__`: `__name__` first, then a look behind it (a search for the word, not a test at every offset). */
const MODULES_BY_NAME = /__name__(?<=modules[ \t]*\[[ \t]*__name__)/;
/** `exec(`, not `.exec(` or `myexec(`: the word first, then the look behind it. */
const EXEC_CALL = /exec(?<=(?<![\w.])exec)[ \t]*\(/g;

/**
 * The module-level names `text` sets through `globals()` (or a name bound to it, `ns = globals()`), or through
 * `exec` (given `globals()`, or with no namespace at the module's level), read from the text (a mention in a string
 * too: only more names). What reads the namespace (`globals().get(…)`, `globals()["x"]`, `sorted(globals())`) sets
 * none.
 */
export function globalsWrites(text: string): GlobalsWrites {
  if (lastGlobalsWrites?.text === text) return lastGlobalsWrites.writes;
  const names = new Set<string>();
  let any = false;
  // (One scan of most texts: neither word is in them)
  const mentions = GLOBALS_OR_EXEC.exec(text);
  // (`globals()`, `vars()`, `locals()` as written: with blanks inside the parentheses they are not read)
  if (mentions && (text.includes('globals(') || text.includes('vars(') || text.includes('locals('))) {
    const aliases = [...text.matchAll(GLOBALS_ALIAS)].map((m) => m[1]!);
    for (const m of text.matchAll(globalsCall([GLOBALS_USE, ...aliases].join('|')))) {
      const after = m.index + m[0].length;
      // Ex) `locals()["test_" + f] = …` in a class body, or a function's: not the module's dict (in a module-level
      // `for`/`if`/`try`, it is). Asked only of a write: a function reading `locals()` is common.
      const notModule = (m[0].startsWith('vars') || m[0].startsWith('locals')) && (() => inDefOrClass(outlineOf(text), m.index));
      if (m[1] !== undefined) {
        // Ex) `del globals()["rows"]`, `for globals()["rows"] in …`: a target whatever follows
        const target = /\b(?:del|for)[ \t]+$/.test(text.slice(Math.max(0, m.index - 12), m.index));
        // (The subscript's end: where it cannot be read so, a comment or a formatted string in it, taken as read)
        const end = afterBrackets(text, after - 1);
        const sets = target || (end !== undefined && ITEM_SET_AFTER.test(text.slice(end - 1, end + 7)));
        if (!sets || (notModule && notModule())) continue; // Ex) `globals()["use%d" % k]()`: read
        SPELT_KEY.lastIndex = after - 1;
        const spelt = SPELT_KEY.exec(text);
        if (spelt && spelt.index + spelt[0].length === end) names.add(spelt[2]!);
        else any = true;
        continue;
      }
      if (!GLOBALS_SETTERS.has(m[2]!) || (notModule && notModule())) continue;
      SPELT_ARGUMENT.lastIndex = after;
      const arg = m[2] === 'update' || m[2] === 'popitem' || m[2] === 'clear' ? null : SPELT_ARGUMENT.exec(text);
      if (arg) {
        names.add(arg[2]!);
        continue;
      }
      // Ex) `globals().update(open=Reader)`, `globals().update({"open": Reader})`: the keywords and keys it spells
      const open = text.indexOf('(', after);
      const given = m[2] === 'update' && open >= 0 && /^[ \t]*$/.test(text.slice(after, open)) ? namesGiven(text, open + 1) : undefined;
      if (given && !given.unread) for (const n of given.names) names.add(n);
      else any = true;
    }
  }
  // Ex) `sys.modules[__name__].rows = _list_rows`, `setattr(sys.modules[__name__], "rows", f)`, and through a name
  // for it (`this = sys.modules[__name__]` / `this.rows = f`); its `__dict__`, `vars(…)` or `__setattr__`: any name
  if (!any && text.includes('__name__') && MODULES_BY_NAME.test(text)) {
    const selves = [MODULE_SELF, ...[...text.matchAll(MODULE_SELF_ALIAS)].map((m) => m[1]!)];
    const self = `(?:${selves.join('|')})`;
    const spelt = new RegExp(`(?<![\\w.])${self}[ \\t]*\\.[ \\t]*([A-Za-z_]\\w*)[ \\t]*=(?!=)|\\bsetattr[ \\t]*\\([ \\t]*${self}[ \\t]*,[ \\t]*(?:(['"])([A-Za-z_]\\w*)\\2|([^'"]))`, 'g');
    for (const m of text.matchAll(spelt)) {
      const name = m[1] ?? m[3];
      if (name === '__dict__' || name === undefined) any = true;
      else names.add(name);
    }
    // (A write: `….__dict__[k] = …`, `….__dict__.update(…)`, `vars(…).update(…)`, `….__setattr__(…)`; not a read)
    const write = `(?:[ \\t]*\\[[^\\]\\r\\n]*\\][ \\t]*=(?!=)|[ \\t]*\\.[ \\t]*(?:update|setdefault|__setitem__|pop|popitem|clear)[ \\t]*\\()`;
    if (new RegExp(`(?<![\\w.])${self}[ \\t]*\\.[ \\t]*(?:__dict__${write}|__setattr__[ \\t]*\\()|\\bvars[ \\t]*\\([ \\t]*${self}[ \\t]*\\)${write}`).test(text)) any = true;
  }
  // Ex) `exec(src, globals())`, `exec(compile(src, "<x>", "exec"), globals())` over lines, `exec("rows = f")` at
  // the module's level (it writes the module's namespace)
  if (!any && mentions && (mentions[0] === 'exec' || text.includes('exec', mentions.index))) {
    for (const m of text.matchAll(EXEC_CALL)) {
      const args = restArguments(text, m.index + m[0].length);
      // (A line that starts with code at its first column: the module's level)
      const lineStart = text.lastIndexOf('\n', m.index) + 1;
      const topLevel = !/^[ \t#]/.test(text.slice(lineStart, m.index + 1));
      if (args.some((a) => a.includes('globals')) || (topLevel && args.length === 1)) {
        any = true;
        break;
      }
    }
  }
  const writes = { names, any };
  lastGlobalsWrites = { text, writes };
  return writes;
}


/** UTF-16 units of the code point at `i` (2 for a surrogate pair). */
const widthAt = (text: string, i: number): number => {
  const c = text.charCodeAt(i);
  const d = text.charCodeAt(i + 1);
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
};

/**
 * Calls `found(start, end)` for every run of `text[from, to)` that `/[\p{L}_][\p{L}\p{N}_]*\/gu` matches, in
 * order, without making a match object (or a string) for each: hot scans ask only about a few names.
 */
export function forEachWordSpan(text: string, from: number, to: number, found: (start: number, end: number) => void): void {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c < 128 ? !((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) : !NAME_START.test(text.slice(i, i + widthAt(text, i)))) {
      i += c < 128 ? 1 : widthAt(text, i);
      continue;
    }
    const s = i;
    i += c < 128 ? 1 : widthAt(text, i);
    while (i < to) {
      const d = text.charCodeAt(i);
      if (d < 128) {
        if (!isAsciiWordChar(d)) break;
        i++;
      } else {
        const w = widthAt(text, i);
        if (!NAME_PART.test(text.slice(i, i + w))) break;
        i += w;
      }
    }
    found(s, i);
  }
}

/** True when `text` ends a line with a lone `\r` (not the `\r` of a `\r\n`): classic Mac OS, or a stray one. */
export const hasLoneCR = (text: string): boolean => text.includes('\r') && LONE_CR.test(text);
const LONE_CR = /\r(?!\n)/;
