// Where string literals span lines: a line start inside one is data, never indentation.
import type { SyntaxNode } from '../types.js';

/**
 * Sorted, non-overlapping [start, end) ranges of every string literal that spans more than one line. Strings
 * nest only through f-string interpolations; the outermost is kept. The walk enters only nodes that span
 * more than one line: no other can hold such a string.
 */
export function multilineStringRanges(root: SyntaxNode): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const c = root.walk();
  for (;;) {
    const multiline = c.startPosition.row !== c.endPosition.row;
    if (multiline && c.nodeType === 'string') ranges.push([c.startIndex, c.endIndex]);
    else if (multiline && c.gotoFirstChild()) continue;
    while (!c.gotoNextSibling()) if (!c.gotoParent()) return ranges;
  }
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
