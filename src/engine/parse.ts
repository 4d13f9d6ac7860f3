// One tree-sitter parser per thread, reused for every file that thread handles.
import Parser from 'tree-sitter';
import Python from 'tree-sitter-python';
import type { SyntaxNode, Tree } from '../types.js';

let parser: Parser | undefined;

function getParser(): Parser {
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(Python as unknown as Parser.Language);
  }
  return parser;
}

/** Characters parsed by this thread since `takeParsedChars()` last ran (see `releaseTrees` in runner.ts). */
let parsedChars = 0;

export function takeParsedChars(): number {
  const n = parsedChars;
  parsedChars = 0;
  return n;
}

/** Parse `text`, or only its `ranges` (tree-sitter's included ranges: positions stay those of the whole text). */
export function parsePython(text: string, ranges?: Parser.Range[]): Tree {
  parsedChars += ranges ? ranges.reduce((n, r) => n + r.endIndex - r.startIndex, 0) : text.length;
  // The binding copies the input through a buffer; size it to the file so long files parse in one go.
  return getParser().parse(text, undefined, { bufferSize: Math.max(64 * 1024, text.length * 2 + 16), includedRanges: ranges });
}

/** The first ERROR or MISSING node, in document order; `undefined` when the tree is clean. */
export function firstSyntaxError(tree: Tree): SyntaxNode | undefined {
  if (!tree.rootNode.hasError) return undefined;
  const cursor = tree.walk();
  let reachedRoot = false;
  while (!reachedRoot) {
    const node = cursor.currentNode;
    if (node.type === 'ERROR' || node.isMissing) return node;
    if (node.hasError && cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) {
        reachedRoot = true;
        break;
      }
    }
  }
  return tree.rootNode;
}
