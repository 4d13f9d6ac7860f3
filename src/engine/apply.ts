// The only place that touches MagicString: one instance per file and pass.
import MagicString from 'magic-string';
import type { Edit } from '../types.js';

export function applyEdits(source: string, edits: readonly Edit[]): string {
  const s = new MagicString(source);
  // Sorted by start, insertions first, so an insertion at the start of a replaced range survives it.
  const ordered = [...edits].sort((a, b) => a.start - b.start || a.end - a.start - (b.end - b.start));
  for (const e of ordered) {
    if (e.start === e.end) {
      if (e.text) s.appendLeft(e.start, e.text);
    } else if (e.text === '') s.remove(e.start, e.end);
    else s.overwrite(e.start, e.end, e.text);
  }
  return s.toString();
}
