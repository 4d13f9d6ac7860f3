// Which physical lines run on into the next one, so that a comment cannot end them: a line whose end lies
// inside a string (a triple-quoted string, or an f-string, going on to the next line), or that ends in a
// backslash continuing it. Shared by suppression comments (suppress.ts: a comment at the end of such a run
// covers every line of it, as Ruff reads `# noqa`) and by `--add-ignore` (add-ignore.ts), which puts its
// comment there.
import type { SyntaxNode } from '../types.js';

/** `runsOn(n)`: true when 1-based line `n` of `text` cannot end with a comment (see above). */
export function continuedLines(text: string, root: SyntaxNode, table: readonly number[]): (line: number) => boolean {
  let insideString: Set<number> | undefined;
  let commented: Set<number> | undefined;
  const lines = table.length;
  return (n: number) => {
    if (!insideString) {
      insideString = new Set();
      for (const s of root.descendantsOfType('string')) for (let row = s.startPosition.row; row < s.endPosition.row; row++) insideString.add(row + 1);
      commented = new Set(root.descendantsOfType('comment').map((c) => c.startPosition.row + 1));
    }
    if (insideString.has(n)) return true;
    if (commented!.has(n) || n >= lines) return false;
    // The line's text without its line break: a backslash last (blanks after it allowed) continues it.
    return /\\[ \t\f]*\r?$/.test(text.slice(table[n - 1]!, table[n]! - 1));
  };
}
