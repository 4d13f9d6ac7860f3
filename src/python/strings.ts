// Where string literals span lines: a line start inside one is data, never indentation.
import type { SyntaxNode } from '../types.js';

/** Sorted, non-overlapping [start, end) ranges of every string literal that spans more than one line. */
export function multilineStringRanges(root: SyntaxNode): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const s of root.descendantsOfType('string')) {
    if (s.startPosition.row !== s.endPosition.row) ranges.push([s.startIndex, s.endIndex]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  // Strings nest only through f-string interpolations; keep the outermost.
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] < last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push(r);
  }
  return merged;
}

export function makeInsideString(root: SyntaxNode): (offset: number) => boolean {
  let ranges: Array<[number, number]> | undefined;
  return (offset) => {
    ranges ??= multilineStringRanges(root);
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [s, e] = ranges[mid]!;
      if (offset <= s) hi = mid - 1;
      else if (offset >= e) lo = mid + 1;
      else return true;
    }
    return false;
  };
}
