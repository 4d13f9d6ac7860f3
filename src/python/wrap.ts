// Wrap a run of sibling statements in a new block (`with …:`, `try:` … `finally:`), whatever the
// layout around them: statements alone on their lines, joined by `;`, or the inline body of a one-line
// compound statement (`if x: stmt`), which is expanded into a proper block first.
import type { Edit, FileContext, SyntaxNode } from '../types.js';
import { insertAt, replaceRange } from './edits.js';
import { continuesAfter, continuesLine, firstIndex, indentOfLine, isBlankLine, lineEndOf, lineStartOf, lineStartsBetween, nextLineStart, startsLine } from './text.js';
import { memoized } from './memo.js';
import { annotationOf, isExtra } from './statements.js';

export interface WrapRequest {
  /** First and last statement of a run of sibling statements in one block (or the module). */
  first: SyntaxNode;
  last: SyntaxNode;
  /** Lines put before the run at its indentation; the last one opens the new block (ends with `:`). */
  header: readonly string[];
  /** Lines put after the run at its indentation, e.g. `finally:` and `${unit}rows.close()`. */
  footer?: readonly string[];
  /** Edits inside the run (the resource call replaced by the `as` name); no line inside one is re-indented. */
  inner?: readonly Edit[];
}

export interface WrapPlan {
  edits: Edit[];
  /** The indentation of the new block's header line. */
  indent: string;
}

const isStatement = (n: SyntaxNode) => !isExtra(n);

/**
 * The end of the lines a wrap re-indents, as an edit that changes nothing (`Edit.reach`): a fix inside the
 * region whose statement is on its last line (where no line start of the wrap comes after it) would
 * otherwise be applied in the same pass, with lines indented for the text before the wrap.
 */
const reachOf = (end: number): Edit => ({ start: end, end, text: '', reach: true });

interface Siblings {
  list: readonly SyntaxNode[];
  /** Node id → index in `list`. */
  at: Map<number, number>;
}

// Per tree, per block: every fix in a module of thousands of statements asked for them again (and searched
// them), which made such a file quadratic.
const siblingCache = new WeakMap<object, Map<number, Siblings>>();

function siblingsOf(block: SyntaxNode): Siblings {
  return memoized(siblingCache, block.tree, block.id, () => {
    const list = block.namedChildren.filter(isStatement);
    return { list, at: new Map(list.map((n, i) => [n.id, i])) };
  });
}

/** The statements of a block (or the module), comments left out. */
export function statementSiblings(block: SyntaxNode): readonly SyntaxNode[] {
  return siblingsOf(block).list;
}

/** The index of `stmt` among `statementSiblings(block)`, or -1. */
export function statementIndex(block: SyntaxNode, stmt: SyntaxNode): number {
  return siblingsOf(block).at.get(stmt.id) ?? -1;
}

/** The index of the statement of `block` that holds the range [start, end), or -1 (a binary search). */
export function statementHolding(block: SyntaxNode, start: number, end: number): number {
  const { list } = siblingsOf(block);
  const i = firstIndex(list.length, (k) => list[k]!.endIndex >= end);
  return i < list.length && list[i]!.startIndex <= start ? i : -1;
}

/** A block whose first statement sits on its header's line: `if x: stmt`. */
export function isInlineBlock(source: string, block: SyntaxNode): boolean {
  if (block.type !== 'block') return false;
  const first = block.namedChildren.find(isStatement);
  return !!first && !startsLine(source, first.startIndex);
}

/**
 * The indentation Python counts on the line holding `offset`: what follows the last form feed of its leading
 * whitespace, since the tokenizer counts the columns again from there (`\f    x` is 4 deep). A new line of the
 * block gets this, and the form feed stays where it was, before the first line. Ex) `\f    data = open(p).read()`:
 * `\f    with open(p) as f:`, then `        data = f.read()`.
 */
export function lineIndent(source: string, offset: number): string {
  const indent = indentOfLine(source, offset);
  return indent.slice(indent.lastIndexOf('\f') + 1);
}

/** The indentation the statements of `stmt`'s block have, or will have once an inline block is expanded. */
export function statementIndent(ctx: FileContext, stmt: SyntaxNode): string {
  if (startsLine(ctx.source, stmt.startIndex)) return lineIndent(ctx.source, stmt.startIndex);
  const block = stmt.parent!;
  if (isInlineBlock(ctx.source, block) && block.parent) {
    const outer = lineIndent(ctx.source, block.parent.startIndex);
    return outer + (unitFor(outer, ctx.indentUnit) ?? ctx.indentUnit);
  }
  // Ex) `q = [1,` / `     2]; r = next(rows())`: the line `r = …` starts on is a continuation line; the
  // statement's indentation is that of the first statement of its logical line
  const siblings = statementSiblings(block);
  let i = statementIndex(block, stmt);
  while (i > 0 && !startsLine(ctx.source, siblings[i]!.startIndex) && siblings[i - 1]!.endPosition.row === siblings[i]!.startPosition.row) i--;
  return lineIndent(ctx.source, (i >= 0 ? siblings[i]! : stmt).startIndex);
}

/**
 * Why no block can be opened at `stmt`'s indentation: it mixes tabs and spaces (`unitFor` has no unit for it:
 * a unit put in front of such a line can make Python read its level differently, TabError); `undefined` when
 * it can be.
 */
export function mixedIndentReason(ctx: FileContext, stmt: SyntaxNode): string | undefined {
  const indent = statementIndent(ctx, stmt);
  if (unitFor(indent, ctx.indentUnit) !== undefined) return undefined;
  const block = stmt.parent;
  const at = !startsLine(ctx.source, stmt.startIndex) && block && isInlineBlock(ctx.source, block) && block.parent ? block.parent : stmt;
  const runs = (indent.match(/\t+| +/g) ?? []).map((r) => (r[0] === '\t' ? (r.length > 1 ? `${r.length} tabs` : 'a tab') : r.length > 1 ? `${r.length} spaces` : 'a space'));
  return `line ${at.startPosition.row + 1} is indented with tabs and spaces mixed (${runs.join(', then ')}), which withify does not re-indent: indent it with tabs only or spaces only for withify to fix this`;
}

/** Offset just after the `:` that ends a compound statement's header and precedes its inline block. */
function colonBefore(source: string, offset: number): number | undefined {
  let i = offset - 1;
  while (i >= 0 && (source[i] === ' ' || source[i] === '\t' || source[i] === '\f')) i--;
  return source[i] === ':' ? i + 1 : undefined;
}

/**
 * The end of the region the run occupies: the run itself, then any comment-only lines right below it
 * that are indented deeper than the run (they belong to its last, nested statement).
 */
export function regionEnd(ctx: FileContext, last: SyntaxNode, indent: string): number {
  let end = last.endIndex;
  for (;;) {
    const next = nextLineStart(ctx.source, end);
    if (next >= ctx.source.length || next === end) return end;
    const lineEnd = lineEndOf(ctx.source, next);
    const line = ctx.source.slice(next, lineEnd);
    const m = /^([ \t\f]*)#/.exec(line);
    if (!m || m[1]!.length <= indent.length || !m[1]!.startsWith(indent) || ctx.insideString(next)) return end;
    end = lineEnd;
  }
}

/**
 * `header` (a block header, put after `indent`) with its continuation lines aligned again under the bracket they
 * were aligned under in the source text `from`–`to` it was copied from: `out = open(path,` / `           "w")`
 * becomes `with open(path,` / `          "w") as out:`, not `with open(path,` / `           "w") as out:`.
 *
 * Each line break of the header is matched, in order, with one of the source's: the text before it ends as the
 * source's line before ends, the text after it starts as the source's line after starts (its indentation and
 * more). A line then moves by what the bracket it lies in moved, when that bracket's line was matched too and the
 * header's line still ends as the source's did from the bracket on. It stays where it is when the bracket ends
 * its line (a hanging indent: `open(` / `    path)` is aligned with the statement, which does not move), when
 * it starts inside a string (never re-indented), when its indentation holds a tab, or when nothing matches.
 * Inside brackets a line's indentation means nothing to Python: the shift changes how the code looks, never
 * what it does.
 */
export function realignHeader(ctx: FileContext, header: string, indent: string, from: number, to: number): string {
  const parts = header.split(/(\r\n|\r|\n)/);
  const { source } = ctx;
  // Ex) a tab in the indentation (its columns are not its characters), a form feed before the statement
  if (parts.length === 1 || !/^ *$/.test(indent) || /^[ \t\f]*/.exec(source.slice(lineStartOf(source, from), from))![0] !== indent) return header;
  const breaks = lineStartsBetween(source, from, to);
  // Source line start → the index in `parts` of the header line matched with it
  const matched = new Map<number, number>([[lineStartOf(source, from), 0]]);
  const lineAt = (k: number) => (k === 0 ? indent + parts[0]! : parts[k]!);
  // Header line (its index in `parts`) → how far it moved
  const lineShift = new Map<number, number>();
  let next = 0;
  for (let k = 2; k < parts.length; k += 2) {
    const above = lineAt(k - 2);
    const line = parts[k]!;
    // The source line break that matches best, of those after the last one matched: the longest text in common
    // around it (a line of another item may start as this one does, `"r"),` and `"w"),`)
    let best: { b: number; score: number } | undefined;
    for (let b = next; b < breaks.length; b++) {
      const at = breaks[b]!;
      const srcLine = source.slice(at, lineEndOf(source, at));
      const aboveStart = lineStartOf(source, at - 1);
      const srcAbove = source.slice(aboveStart, lineEndOf(source, aboveStart));
      // Ex) a blank line inside the brackets, above or here: it matches a blank line
      const blank = !/\S/.test(srcLine) && !/\S/.test(line);
      const lead = /^[ \t\f]*/.exec(srcLine)![0];
      const head = commonPrefix(line, srcLine);
      if (head <= lead.length && !blank) continue;
      const tail = commonSuffix(above, srcAbove);
      if (!/\S/.test(above.slice(above.length - tail)) && (/\S/.test(above) || /\S/.test(srcAbove))) continue;
      const score = head + tail;
      if (!best || score > best.score) best = { b, score };
    }
    if (!best) continue;
    const at = breaks[best.b]!;
    next = best.b + 1;
    matched.set(lineStartOf(source, at - 1), k - 2);
    matched.set(at, k);
    const lead = /^[ \t\f]*/.exec(source.slice(at, lineEndOf(source, at)))![0];
    const shift = /^ *$/.test(lead) && !ctx.insideString(at) ? bracketShift(ctx, at, matched, lineAt, lineShift) : 0;
    if (shift !== 0 && lead.length + shift > 0 && line.startsWith(lead)) {
      parts[k] = ' '.repeat(lead.length + shift) + line.slice(lead.length);
      lineShift.set(k, shift);
    }
  }
  return parts.join('');
}

/**
 * `edits`, changing a header in place (`with gzip.GzipFile(fileobj=open(p,` / `"rb"),` / `mode="r") as gz:` given an
 * item in front), and an edit of the indentation of each source line in `from`–`to` that must move to stay aligned
 * under its bracket where the edits moved it (`mode="r"` under the arguments of `gzip.GzipFile(`). A line an edit replaced or put in is left as the edit has it (`moveText` aligns text a fix
 * moves); the others as `realignHeader` says: not after a bracket that ends its line, inside a string, or with a tab.
 */
export function realignInPlace(ctx: FileContext, edits: Edit[], from: number, to: number): Edit[] {
  const { source } = ctx;
  const inside = edits.filter((e) => e.start >= from && e.end <= to).sort((a, b) => a.start - b.start || a.end - b.end);
  const indent = source.slice(lineStartOf(source, from), from);
  if (inside.length === 0 || !/^ *$/.test(indent)) return edits;
  let text = '';
  let at = from;
  for (const e of inside) {
    if (e.start < at) return edits;
    text += source.slice(at, e.start) + e.text;
    at = e.end;
  }
  text += source.slice(at, to);
  // A source offset's place in `text`, or `undefined` inside what an edit replaced; `before`: ahead of what an edit
  // puts in at that very offset (`open(q, "rb") as f, ` put in front of an item that starts its line)
  const mapped = (x: number, before = false): number | undefined => {
    let d = 0;
    for (const e of inside) {
      if (e.end < x || (e.end === x && !(before && e.start === x))) d += e.text.length - (e.end - e.start);
      else if (e.start < x) return undefined;
    }
    return x - from + d;
  };
  const lines = text.split(/(\r\n|\r|\n)/);
  const lineStarts: number[] = [];
  // (Columns of the edited text: where each bracket went)
  for (let k = 0, pos = 0; k < lines.length; k += 2) {
    lineStarts.push(pos);
    pos += lines[k]!.length + (lines[k + 1]?.length ?? 0);
  }
  const lineOf = (n: number) => firstIndex(lineStarts.length, (k) => lineStarts[k]! > n) - 1;
  const column = (n: number, k: number) => n - lineStarts[k]! + (k === 0 ? indent.length : 0);
  const shifts = new Map<number, number>();
  const moves: Edit[] = [];
  for (const start of lineStartsBetween(source, from, to)) {
    const lead = /^[ \t\f]*/.exec(source.slice(start, lineEndOf(source, start)))![0];
    const first = mapped(start + lead.length, true);
    const here = mapped(start);
    if (first === undefined || here === undefined || !/^ *$/.test(lead) || ctx.insideString(start)) continue;
    const k = lineOf(first);
    // Ex) an edit put text at the start of the line, or in its indentation: the indentation is not the source's
    if (lineStarts[k] !== here || first - here !== lead.length) continue;
    const anchor = anchorOf(ctx, start);
    const b = anchor === undefined ? undefined : mapped(anchor.bracket);
    if (anchor === undefined || b === undefined) continue;
    const kb = lineOf(b);
    // (Under a bracket that ends its line, the line moves as that line moved; else its first character goes as far right
    // of the bracket as it was)
    const shift = anchor.hanging ? shifts.get(kb) ?? 0 : column(b, kb) + (shifts.get(kb) ?? 0) - (anchor.bracket - lineStartOf(source, anchor.bracket));
    if (shift !== 0 && lead.length + shift > 0) {
      shifts.set(k, shift);
      // (An edit of the line's indentation alone, not one over the header: the engine looks for the code a fix moves in
      // the text of the edit that writes it again, and a finding left there keeps its own place)
      moves.push(shift > 0 ? insertAt(start, ' '.repeat(shift)) : replaceRange(start, start - shift, ''));
    }
  }
  return moves.length ? [...edits, ...moves] : edits;
}

/**
 * The text of `node`, to be put at column `column`, with its continuation lines moved as far as it moves where they
 * were aligned under a bracket of its own (`open(path,` / `     "w")` moved 9 columns left: `"w"` too). Not a line
 * after a bracket that ends its line (a hanging indent), inside a string, or with a tab in its indentation.
 */
export function moveText(ctx: FileContext, node: SyntaxNode, column: number): string {
  const { source } = ctx;
  const text = node.text;
  const shift = column - (node.startIndex - lineStartOf(source, node.startIndex));
  if (shift === 0 || !/[\r\n]/.test(text)) return text;
  let out = '';
  let last = node.startIndex;
  // The lines moved: one under a bracket that ends such a line moves with it
  const moved = new Set<number>();
  for (const start of lineStartsBetween(source, node.startIndex, node.endIndex)) {
    const lead = /^[ \t\f]*/.exec(source.slice(start, lineEndOf(source, start)))![0];
    if (!/^ *$/.test(lead) || lead.length + shift <= 0 || ctx.insideString(start)) continue;
    const anchor = anchorOf(ctx, start);
    if (anchor === undefined || anchor.bracket < node.startIndex) continue;
    // (A bracket on the call's first line moves with the call, but for one that ends the line: the lines under it hang
    // from the statement, which stays. One on a later line moves only if its line moved: `open(` / `        os.path.join(base,`
    // / `                     name)` stays under a hanging line that stays)
    const bracketLine = lineStartOf(source, anchor.bracket);
    if (bracketLine === lineStartOf(source, node.startIndex) ? anchor.hanging : !moved.has(bracketLine)) continue;
    moved.add(start);
    out += source.slice(last, start) + ' '.repeat(lead.length + shift);
    last = start + lead.length;
  }
  return out + source.slice(last, node.endIndex);
}

/**
 * A `with` item's text (`contextlib.closing(sqlite3.connect(path,` …), made of `call`'s, put at `at` on the call's
 * own line: the call's continuation lines follow it to its new column (`moveText`).
 */
export function placedItem(ctx: FileContext, item: string, call: SyntaxNode, at: number): string {
  const k = item.indexOf(call.text);
  if (k < 0) return item;
  return item.slice(0, k) + moveText(ctx, call, at - lineStartOf(ctx.source, at) + k) + item.slice(k + call.text.length);
}

const OPENERS = new Set(['(', '[', '{']);

/**
 * The bracket the line starting at `at` lies in. `hanging`: the bracket ends its line (`open(` / `    path)`, a comment
 * or a backslash after it), so the line is aligned with the bracket's line, not under the bracket, and moves only as
 * that line moves. `undefined` for no bracket, a tab or form feed before it (no column to count), or a line left of
 * what follows the bracket (`json.load(open(path,` / `        encoding="utf-8"))`, a `)` at the statement's
 * indentation, a commented-out line at column 0: indented by a fixed amount, aligned under nothing).
 */
function anchorOf(ctx: FileContext, at: number): { bracket: number; hanging: boolean } | undefined {
  const { source } = ctx;
  let node: SyntaxNode | null = ctx.root.descendantForIndex(at, at);
  while (node && !(node.startIndex < at && OPENERS.has(source[node.startIndex]!) && node.endIndex > at)) node = node.parent;
  if (!node) return undefined;
  const bracket = node.startIndex;
  const start = lineStartOf(source, bracket);
  if (/[\t\f]/.test(source.slice(start, bracket))) return undefined;
  if (/^.[ \t]*(?:#.*|\\)?$/.test(source.slice(bracket, lineEndOf(source, bracket)))) return { bracket, hanging: true };
  const lead = /^ */.exec(source.slice(at, lineEndOf(source, at)))![0].length;
  return lead > bracket - start ? { bracket, hanging: false } : undefined;
}

/**
 * How far the line starting at `at` moves in the header: as far as the bracket it lies in moved, when that bracket's
 * line was matched with a header line that still ends as the source's line does from the bracket on; under a bracket
 * that ends its line, as far as that line moved (`lineShift`). 0 when nothing is known.
 */
function bracketShift(ctx: FileContext, at: number, matched: ReadonlyMap<number, number>, lineAt: (k: number) => string, lineShift: ReadonlyMap<number, number>): number {
  const { source } = ctx;
  const anchor = anchorOf(ctx, at);
  if (anchor === undefined) return 0;
  const { bracket } = anchor;
  const start = lineStartOf(source, bracket);
  const k = matched.get(start);
  if (k === undefined) return 0;
  if (anchor.hanging) return lineShift.get(k) ?? 0;
  const rest = source.slice(bracket, lineEndOf(source, bracket));
  const line = lineAt(k);
  if (!line.endsWith(rest)) return 0;
  return line.length - rest.length - (bracket - start);
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/** The edits that wrap the run, or `undefined` when its layout is one this helper does not handle. */
export function planWrap(ctx: FileContext, req: WrapRequest): WrapPlan | undefined {
  const { source, eol } = ctx;
  const { first, last } = req;
  const block = first.parent;
  if (!block || last.parent?.id !== block.id) return undefined;
  const siblings = statementSiblings(block);
  const firstIdx = statementIndex(block, first);
  const lastIdx = statementIndex(block, last);
  if (firstIdx < 0 || lastIdx < firstIdx) return undefined;

  // Ex) `x = 1; \` then `y = open(p).read()`: one logical line over two physical ones; or the run's last
  // line goes on past it (`x = next(rows()) \` then `; y = 2`)
  if (continuesLine(source, first.startIndex) || continuesAfter(source, last.endIndex)) return undefined;
  const indent = statementIndent(ctx, first);
  // Ex) a function indented with spaces in a file whose first block has a tab: its lines go one unit of
  // spaces deeper (a tab would mix the two, which Python rejects).
  const unit = unitFor(indent, ctx.indentUnit);
  if (unit === undefined) return undefined;
  const nl = eol + indent;
  // (What the header takes from the run is what the inner edits replace: `gen(a,` / `b)` of `for r in gen(a,` …, not a
  // line of the loop's body that reads the same)
  const inner = req.inner ?? [];
  const from = inner.length ? Math.min(...inner.map((e) => e.start)) : first.startIndex;
  const to = inner.length ? Math.max(...inner.map((e) => e.end)) : last.endIndex;
  const headerText = req.header.map((h) => realignHeader(ctx, h, indent, from, to)).join(nl);
  const edits: Edit[] = [];
  const inline = isInlineBlock(source, block);

  if (startsLine(source, first.startIndex)) {
    edits.push(insertAt(first.startIndex, headerText + nl + unit));
  } else {
    const prev = siblings[firstIdx - 1];
    let gapStart: number | undefined;
    if (prev && prev.endPosition.row === first.startPosition.row) gapStart = prev.endIndex;
    else if (inline && firstIdx === 0) gapStart = colonBefore(source, first.startIndex);
    if (gapStart === undefined) return undefined;
    edits.push(replaceRange(gapStart, first.startIndex, nl + headerText + nl + unit));
    // The rest of an inline body moves below its header too: `if x: a(); stmt` → a block.
    const blockFirst = siblings[0]!;
    if (inline && firstIdx > 0 && !startsLine(source, blockFirst.startIndex)) {
      const colon = colonBefore(source, blockFirst.startIndex);
      if (colon === undefined) return undefined;
      edits.push(replaceRange(colon, blockFirst.startIndex, nl));
    }
  }

  const end = regionEnd(ctx, last, indent);
  edits.push(reachOf(end));
  for (const at of lineStartsBetween(source, first.startIndex, end)) {
    if (ctx.insideString(at) || isBlankLine(source, at) || outdentedComment(source, at, indent)) continue;
    if (inner.some((e) => e.start < at && at < e.end)) continue;
    edits.push(insertAt(afterFormFeeds(source, at), unit));
  }
  edits.push(...inner);

  const footer = req.footer ?? [];
  const next = siblings[lastIdx + 1];
  if (next && next.startPosition.row === last.endPosition.row) {
    const footerText = footer.length ? nl + footer.join(nl) : '';
    edits.push(replaceRange(last.endIndex, next.startIndex, footerText + nl));
  } else if (footer.length) {
    // The region's last line keeps its own line ending (a file may mix them): the footer goes before it
    const lineEnd = lineEndOf(source, end);
    const own = source.slice(lineEnd, nextLineStart(source, lineEnd)) || eol;
    edits.push(insertAt(lineEnd, own + indent + footer.join(nl)));
  }
  return { edits, indent };
}

export interface HeaderWrapRequest {
  /** A statement alone on its line (a comment may follow) that becomes the new block's header. */
  stmt: SyntaxNode;
  /** The header's text, replacing the statement (e.g. `with open(p) as f:`); a trailing comment stays. */
  header: string;
  /** The last sibling statement the new block holds; it must end its line. */
  last: SyntaxNode;
  /**
   * A sibling statement right after `last`, alone on its line, that the new block replaces (`f.close()`).
   * It is deleted with its line; a comment on that line stays, at the block's indentation.
   */
  drop?: SyntaxNode;
  /**
   * Statements right after `stmt`, each alone on the line right below the one before, that the header replaces
   * too (`fout = open(dst, "w")` below `fin = open(src)`): their lines are deleted.
   */
  alsoReplaced?: readonly SyntaxNode[];
  /** Statements right after `drop`, each alone on its line, deleted as it is (`fout.close()` below `fin.close()`). */
  alsoDropped?: readonly SyntaxNode[];
  /**
   * Statements inside the new block, each alone on its line(s), deleted as `drop` is (`f.close()` ending each branch
   * of an `if` the block holds); one that is the only statement of its block becomes `pass`.
   */
  dropInside?: readonly SyntaxNode[];
}

/**
 * Where a line starting at `at` takes more indentation: after the last form feed of its leading
 * whitespace, since Python counts the columns again from there (`\f        x` is 8 deep; `    \f        x`
 * too, where `\f            x` is 12).
 */
function afterFormFeeds(source: string, at: number): number {
  let i = at;
  let after = at;
  for (let c = source.charCodeAt(i); c === 32 || c === 9 || c === 12; c = source.charCodeAt(++i)) if (c === 12) after = i + 1;
  return after;
}

/**
 * The unit one level deeper than `indent`: the file's own (`unit`), unless `indent` is made of the other
 * character (tabs for spaces: a tab; spaces for a tab: four spaces); `undefined` for a mix of both.
 */
export function unitFor(indent: string, unit: string): string | undefined {
  if (indent === '') return unit;
  if (/^\t+$/.test(indent)) return '\t';
  if (/^ +$/.test(indent)) return unit.startsWith('\t') ? '    ' : unit;
  return undefined;
}

/** True when only whitespace, or a comment, follows `offset` on its line. */
export function endsLine(source: string, offset: number): boolean {
  return /^[ \t\f]*(#.*)?$/s.test(source.slice(offset, lineEndOf(source, offset)));
}

/**
 * Turn a statement into the header of a block holding the sibling statements after it up to `last`:
 * `f = open(p)` / `data = f.read()` / `f.close()` → `with open(p) as f:` / `    data = f.read()`. The
 * statements are re-indented line by line (never the inside of a multi-line string). `undefined` when
 * the layout is one this helper does not handle (statements sharing a line with the run's ends).
 */
export function planHeaderWrap(ctx: FileContext, req: HeaderWrapRequest): WrapPlan | undefined {
  const { source } = ctx;
  const { stmt, last, drop } = req;
  const replaced = req.alsoReplaced ?? [];
  const dropped = drop ? [drop, ...(req.alsoDropped ?? [])] : [];
  const block = stmt.parent;
  if (!block || last.parent?.id !== block.id || dropped.some((d) => d.parent?.id !== block.id)) return undefined;
  const siblings = statementSiblings(block);
  const firstIdx = statementIndex(block, stmt);
  const bodyIdx = firstIdx + 1 + replaced.length;
  const lastIdx = statementIndex(block, last);
  if (firstIdx < 0 || lastIdx < bodyIdx) return undefined;
  if (replaced.some((r, k) => siblings[firstIdx + 1 + k]?.id !== r.id)) return undefined;
  if (dropped.some((d, k) => siblings[lastIdx + 1 + k]?.id !== d.id)) return undefined;
  if (!startsLine(source, stmt.startIndex) || !endsLine(source, stmt.endIndex)) return undefined;
  if (!startsLine(source, siblings[bodyIdx]!.startIndex) || !endsLine(source, last.endIndex)) return undefined;
  if (dropped.some((d) => !startsLine(source, d.startIndex) || !endsLine(source, d.endIndex))) return undefined;
  const inside = req.dropInside ?? [];
  if (inside.some((d) => d.startIndex < siblings[bodyIdx]!.startIndex || d.endIndex > last.endIndex || !startsLine(source, d.startIndex) || !endsLine(source, d.endIndex))) return undefined;
  // Ex) `fin = open(src)` / `fout = open(dst, "w")`: each on the line right below the one before, no comment after it
  let above = stmt;
  for (const r of replaced) {
    if (lineStartOf(source, r.startIndex) !== nextLineStart(source, above.endIndex) || !startsLine(source, r.startIndex)) return undefined;
    if (!/^[ \t]*(?:#.*)?$/s.test(source.slice(r.endIndex, lineEndOf(source, r.endIndex)))) return undefined;
    above = r;
  }
  const indent = lineIndent(source, stmt.startIndex);
  const unit = unitFor(indent, ctx.indentUnit);
  if (unit === undefined) return undefined;

  // Ex) `f: IO[str] = open(p)`: a `with` header takes no annotation; it stays, bare, on the line before (`f: IO[str]`)
  const annotations = [stmt, ...replaced].flatMap((s) => {
    const type = annotationOf(s);
    return type ? [`${s.namedChildren[0]!.childForFieldName('left')!.text}: ${type.text}${ctx.eol}${indent}`] : [];
  });
  const header = realignHeader(ctx, req.header, indent, stmt.startIndex, above.endIndex);
  const edits: Edit[] = [replaceRange(stmt.startIndex, stmt.endIndex, annotations.join('') + header)];
  for (const r of replaced) {
    // Ex) `fout = open(b, "w")  # out`: the comment stays, on a line of its own at the top of the block
    const comment = source.slice(r.endIndex, lineEndOf(source, r.endIndex)).indexOf('#');
    edits.push(comment < 0 ? removeLines(source, r.startIndex, r.endIndex) : replaceRange(lineStartOf(source, r.startIndex), r.endIndex + comment, indent + unit));
  }
  // With a dropped close, everything up to its line moves in (comments just above it too).
  const end = drop ? lineStartOf(source, drop.startIndex) : regionEnd(ctx, last, indent);
  edits.push(reachOf(end));
  // Ex) `if c:` / `data = f.read()` / `f.close()` / `else:` …: each branch's close goes; alone in its branch, `pass` stays
  // (The lines a replaced close runs over take no indentation: `f.close(` / `)  # done` is one edit.)
  const removed: [number, number][] = [];
  for (const d of inside) {
    const e = statementSiblings(d.parent!).length === 1 ? replaceRange(d.startIndex, d.endIndex, 'pass') : dropStatement(source, d);
    edits.push(e);
    // (A whole line removed takes no indentation either; one the edit starts within keeps its own)
    removed.push([e.start === lineStartOf(source, d.startIndex) ? e.start : e.start + 1, e.end]);
  }
  for (const at of lineStartsBetween(source, above.endIndex, end)) {
    if (ctx.insideString(at) || isBlankLine(source, at) || outdentedComment(source, at, indent)) continue;
    if (removed.some(([from, to]) => at >= from && at < to)) continue;
    edits.push(insertAt(afterFormFeeds(source, at), unit));
  }
  // Ex) `f1.close()` / `f2.close()` on lines of their own, no comment after them: their lines go as one, so that a
  // blank line above and one below them make one (`removeLines`)
  // (Not where a later one's indentation holds a form feed, which `removeLines` keeps only for the first line)
  const together =
    dropped.length > 1 &&
    dropped.every((d, k) => !source.slice(d.endIndex, lineEndOf(source, d.endIndex)).includes('#') && (k === 0 || (lineStartOf(source, d.startIndex) === nextLineStart(source, dropped[k - 1]!.endIndex) && !source.slice(lineStartOf(source, d.startIndex), d.startIndex).includes('\f'))));
  if (together) edits.push(removeLines(source, dropped[0]!.startIndex, dropped.at(-1)!.endIndex));
  else for (const d of dropped) edits.push(dropStatement(source, d));
  return { edits, indent };
}

/**
 * True when the line at `lineStart` is a comment alone, indented less than the block it lies in (`indent`): a
 * commented-out line at column 0 (`#       print(x)`) stays where it is when the code around it moves in.
 */
function outdentedComment(source: string, lineStart: number, indent: string): boolean {
  const m = /^[ \t\f]*(?=#)/.exec(source.slice(lineStart, lineEndOf(source, lineStart)));
  return m !== null && m[0].length < indent.length;
}

/**
 * Deletes the statement `d`, alone on its line(s): with its lines, or, when a comment follows it, up to the comment,
 * which stays on a line of its own at the statement's indentation (`f.close()  # done` → `# done`).
 */
export function dropStatement(source: string, d: SyntaxNode): Edit {
  const comment = source.slice(d.endIndex, lineEndOf(source, d.endIndex)).indexOf('#');
  return comment >= 0 ? replaceRange(d.startIndex, d.endIndex + comment, '') : removeLines(source, d.startIndex, d.endIndex);
}

/** True when the line starting at `at` holds only spaces and tabs (not a form feed: a page break stays). */
function isPlainBlank(source: string, at: number): boolean {
  return /^[ \t]*$/.test(source.slice(at, lineEndOf(source, at)));
}

/**
 * Removes the lines from the one holding `start` to the one holding `end`. A form feed in the first one's
 * indentation stays, on a line of its own (Python reads a line of blanks and form feeds as blank): the page
 * break stays where it was. Ex) `\f    f.close()` → `\f`.
 */
function removeLines(source: string, start: number, end: number): Edit {
  let from = lineStartOf(source, start);
  const to = nextLineStart(source, end);
  const lead = /^[ \t\f]*/.exec(source.slice(from, start))![0];
  const feed = lead.lastIndexOf('\f');
  // Ex) `    out.close()` as the last line of a file that ends without a line break: the line break before it goes
  // too, so the file still ends without one
  if (feed < 0 && to === source.length && from > 0 && !/[\r\n]$/.test(source)) from -= source.slice(from - 2, from) === '\r\n' ? 2 : 1;
  // Ex) `f.write(s)` / `` / `f.close()` / `` / `return n`: the lines go with the blank line above them, so one blank
  // line still parts what the close parted, not two
  else if (feed < 0 && from > 0 && to < source.length && isPlainBlank(source, to)) {
    const above = lineStartOf(source, from - 1);
    if (isPlainBlank(source, above)) from = above;
  }
  return replaceRange(from, to, feed < 0 ? '' : lead.slice(0, feed + 1) + source.slice(lineEndOf(source, end), to));
}
