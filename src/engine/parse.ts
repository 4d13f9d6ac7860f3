// One tree-sitter parser per thread, reused for every file that thread handles.
import Parser from 'tree-sitter';
import Python from 'tree-sitter-python';
import type { SyntaxNode, Tree } from '../types.js';

let parser: Parser | undefined;

// The binding answers every node property with a call into C++ that hands back a new JS value (a node
// object it then registers, with a finalizer, in the tree's cache). Trees are never edited here (a rewrite
// parses the new text), so what a node says about itself never changes: keep the answers on the node
// object. Arrays are frozen, as they are shared. On the stdlib, `withify check --jobs 1` went from 8.1 s to
// 7.0 s (best of five).
function memoizeNodeProperties(): void {
  const proto = (Parser as unknown as { SyntaxNode: { prototype: object } }).SyntaxNode.prototype;
  const NULL = Symbol('null');
  for (const name of ['type', 'id', 'startIndex', 'endIndex', 'parent', 'children', 'namedChildren', 'childCount', 'namedChildCount', 'firstChild', 'lastChild', 'isNamed', 'hasError', 'startPosition', 'endPosition']) {
    const get = Object.getOwnPropertyDescriptor(proto, name)?.get;
    if (!get) throw new Error(`tree-sitter's SyntaxNode has no ${name}: the memo in parse.ts needs updating`);
    const key = Symbol(name);
    Object.defineProperty(proto, name, {
      configurable: true,
      get(this: Record<symbol, unknown>) {
        const cached = this[key];
        if (cached !== undefined) return cached === NULL ? null : cached;
        let value = get.call(this);
        if (Array.isArray(value) || (typeof value === 'object' && value !== null && !('tree' in value))) value = Object.freeze(value);
        this[key] = value === null ? NULL : value;
        return value;
      },
    });
  }
  const FIELDS = Symbol('fields');
  const childForFieldName = (proto as { childForFieldName: (n: string) => unknown }).childForFieldName;
  Object.defineProperty(proto, 'childForFieldName', {
    configurable: true,
    writable: true,
    value(this: Record<symbol, Map<string, unknown> | undefined>, field: string) {
      let fields = this[FIELDS];
      if (!fields) fields = this[FIELDS] = new Map();
      if (fields.has(field)) return fields.get(field);
      const child = childForFieldName.call(this, field);
      fields.set(field, child);
      return child;
    },
  });
}
memoizeNodeProperties();

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
