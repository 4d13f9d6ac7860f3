// The only place that touches MagicString: one instance per file and pass.
import MagicString from 'magic-string';
import type { Edit } from '../types.js';

/** Sorted by start, insertions first, so an insertion at the start of a replaced range survives it. */
const inOrder = (edits: readonly Edit[]) => [...edits].sort((a, b) => a.start - b.start || a.end - a.start - (b.end - b.start));

/**
 * The offset in the text before `edits` of the offset `at` in the text after them: exact outside the edits, the
 * start of the edit for a place in text an edit wrote.
 */
export function offsetBefore(at: number, edits: readonly Edit[]): number {
  let delta = 0;
  for (const e of inOrder(edits)) {
    const start = e.start + delta;
    if (at < start) break;
    if (at < start + e.text.length) return e.start;
    delta += e.text.length - (e.end - e.start);
  }
  return at - delta;
}

/** Where each of `edits` is in the text after them (`applyEdits`): `[start, end]` of the text it wrote, in order. */
export function editedRanges(edits: readonly Edit[]): Array<[number, number]> {
  return writtenBy(edits).map(([start, end]) => [start, end]);
}

/** `editedRanges`, each with the edit that wrote it. */
export function writtenBy(edits: readonly Edit[]): Array<[number, number, Edit]> {
  const out: Array<[number, number, Edit]> = [];
  let delta = 0;
  for (const e of inOrder(edits)) {
    const start = e.start + delta;
    out.push([start, start + e.text.length, e]);
    delta += e.text.length - (e.end - e.start);
  }
  return out;
}

export function applyEdits(source: string, edits: readonly Edit[]): string {
  const s = new MagicString(source);
  const ordered = inOrder(edits);
  for (const e of ordered) {
    if (e.start === e.end) {
      if (e.text) s.appendLeft(e.start, e.text);
    } else if (e.text === '') s.remove(e.start, e.end);
    else s.overwrite(e.start, e.end, e.text);
  }
  return s.toString();
}
