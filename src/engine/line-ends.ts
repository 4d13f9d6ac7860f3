// Which physical lines run on into the next one, so that a comment cannot end them: a line whose end lies
// inside a string (a triple-quoted string, or an f-string, going on to the next line), or that ends in a
// backslash continuing it. Shared by suppression comments (suppress.ts: a comment at the end of such a run
// covers every line of it, as Ruff reads `# noqa`) and by `--add-ignore` (add-ignore.ts), which puts its
// comment there.
import type { SyntaxNode } from '../types.js';
import { continuesLine } from '../python/text.js';

/**
 * `runsOn(n)`: true when 1-based line `n` of `text` cannot end with a comment (see above). `commented`: the
 * lines that hold a comment (a backslash in it continues nothing), as the caller has them already.
 */
export function continuedLines(text: string, root: SyntaxNode, table: readonly number[], commented: { has(line: number): boolean }): (line: number) => boolean {
  let insideString: Set<number> | undefined;
  return (n: number) => {
    if (!insideString) {
      insideString = new Set();
      for (const s of root.descendantsOfType('string')) for (let row = s.startPosition.row; row < s.endPosition.row; row++) insideString.add(row + 1);
    }
    if (insideString.has(n)) return true;
    // Ex) `x = a + \`: the next line continues this one (past the last line nothing does)
    return !commented.has(n) && n < table.length && continuesLine(text, table[n]!);
  };
}
