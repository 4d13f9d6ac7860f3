// One tree-sitter parser per thread, reused for every file that thread handles.
import { createRequire } from 'node:module';
import type Parser from 'tree-sitter';
import type { SyntaxNode, Tree } from '../types.js';
import { keepShape } from './shapes.js';
import { NameIndex, noteParsedText } from '../python/scopes.js';
import { isExtra } from '../python/statements.js';

// Loaded with `require`: imported as ES modules, Node would first scan tree-sitter's CommonJS source for the
// names it exports (cjs-module-lexer), in every thread, and the scan's own optimised compile alone took
// ~130 ms of CPU per thread.
const requireModule = createRequire(import.meta.url);
const ParserClass = requireModule('tree-sitter') as typeof Parser;
const Python = requireModule('tree-sitter-python') as unknown;

let parser: Parser | undefined;

// The binding answers every node property with a call into C++ that hands back a new JS value (a node
// object it then registers, with a finalizer, in the tree's cache). Trees are never edited here (a rewrite
// parses the new text), so what a node says about itself never changes: keep the answers on the node
// object. Arrays are frozen, as they are shared. On the stdlib, `withify check --jobs 1` went from 8.1 s to
// 7.0 s (best of five).
//
// The answers sit in one `NodeMemo` per node, made with every field at once: a node gains one property
// (whichever answer comes first), so every node of a type has the same hidden class, and so has every
// memo. Keyed by one symbol per answer, added as they came, nodes had a hidden class per order of
// questions and property reads that V8 could not specialise.
class NodeMemo {
  type: string | undefined = undefined;
  id: number | undefined = undefined;
  startIndex: number | undefined = undefined;
  endIndex: number | undefined = undefined;
  parent: SyntaxNode | null | undefined = undefined;
  children: readonly SyntaxNode[] | undefined = undefined;
  namedChildren: readonly SyntaxNode[] | undefined = undefined;
  childCount: number | undefined = undefined;
  namedChildCount: number | undefined = undefined;
  firstChild: SyntaxNode | null | undefined = undefined;
  lastChild: SyntaxNode | null | undefined = undefined;
  isNamed: boolean | undefined = undefined;
  hasError: boolean | undefined = undefined;
  startPosition: Parser.Point | undefined = undefined;
  endPosition: Parser.Point | undefined = undefined;
  fields: Map<string, SyntaxNode | null> | undefined = undefined;
}

type MemoKey = Exclude<keyof NodeMemo, 'fields'>;
const MEMO_KEYS = Object.keys(new NodeMemo()).filter((k): k is MemoKey => k !== 'fields');
const MEMO = Symbol('memo');
type Memoized = SyntaxNode & { [MEMO]?: NodeMemo };

const memoOf = (node: Memoized): NodeMemo => node[MEMO] ?? (node[MEMO] = new NodeMemo());

/**
 * The getter of one memoised property, compiled for that property alone: one closure shared by every name
 * read `memo[name]` with fifteen names at one site, a megamorphic lookup V8 could not specialise, and it was
 * the hottest function of a module with thousands of `f = open(p)` … `f.close()` pairs. `name` is one of
 * NodeMemo's own field names, never input.
 */
function memoGetter(name: MemoKey, get: () => unknown, frozen: (v: unknown) => unknown): (this: Memoized) => unknown {
  const make = new Function(
    'MEMO',
    'NodeMemo',
    'get',
    'frozen',
    `return function ${name}() { let m = this[MEMO]; if (m === undefined) m = this[MEMO] = new NodeMemo(); const v = m.${name}; return v !== undefined ? v : (m.${name} = frozen(get.call(this))); };`,
  ) as (memo: symbol, memoClass: typeof NodeMemo, g: () => unknown, f: (v: unknown) => unknown) => (this: Memoized) => unknown;
  return make(MEMO, NodeMemo, get, frozen);
}

function memoizeNodeProperties(): void {
  const proto = (ParserClass as unknown as { SyntaxNode: { prototype: object } }).SyntaxNode.prototype;
  // Arrays and positions are shared by every caller: frozen. Nodes (they have a `tree`) are not.
  const frozen = <T>(value: T): T => (value !== null && typeof value === 'object' && !('tree' in value) ? Object.freeze(value) : value);
  for (const name of MEMO_KEYS) {
    const get = Object.getOwnPropertyDescriptor(proto, name)?.get;
    if (!get) throw new Error(`tree-sitter's SyntaxNode has no ${name}: the memo in parse.ts needs updating`);
    Object.defineProperty(proto, name, { configurable: true, get: memoGetter(name, get, frozen) });
  }
  const childForFieldName = (proto as { childForFieldName: (this: SyntaxNode, n: string) => SyntaxNode | null }).childForFieldName;
  Object.defineProperty(proto, 'childForFieldName', {
    configurable: true,
    writable: true,
    value(this: Memoized, field: string) {
      const m = memoOf(this);
      const fields = m.fields ?? (m.fields = new Map());
      let child = fields.get(field);
      if (child === undefined) fields.set(field, (child = childForFieldName.call(this, field)));
      return child;
    },
  });
}
memoizeNodeProperties();

// A sample of most of the grammar (Python 3.12 and later compile it), parsed once per thread and kept (see
// `keepShapes`).
const SAMPLE = `from __future__ import annotations
import os, os.path as osp
from . import sibling
from .m import (a as b, c)
from m import *
@decorator(1)
class C(Base, metaclass=M):
    """Doc."""
    x: int = 0
    def m(self, a, b=1, *args, c: int = 2, d: str, **kw) -> None:
        global g
        nonlocal_ = lambda y, z=1: y + z
        async def inner():
            async with open(p) as f, g() as (h, i):
                await f.read()
            async for j in agen():
                yield j
        with open(p, 'w') as f:
            f.write(f"{x!r:>{w}} {y=}" 'more', b'bytes')
        for k, v in d.items():
            if k and not v or k is None:
                continue
            elif -k in [1, 2.5, True, False]:
                break
            else:
                pass
        while x := f(*a, **k):
            del a[0], b.c
        try:
            raise E from e
        except (A, B) as e:
            assert e, 'message'
        else:
            x += 1
        try:
            pass
        except* C:
            pass
        finally:
            return [i for i in r if i], {i for i in r}, {k: v for k, v in d}, (i for i in r)
        match x:
            case [1, *rest] if rest:
                print(x[1:2, ::3], (a,), {1: 2}, {3}, a if b else c, a @ b, ~a, a < b <= c != d)
            case {"k": _} | Point(x=0) as p:
                pass
type Alias = list[int]
def gen(): yield from range(3)
print >> sys.stderr, "x"
`;

/**
 * Keep the hidden classes of trees, cursors and nodes alive (see engine/shapes.ts): tree-sitter makes a
 * class per node type, whose objects get their fields as they are made (the tree, then the memo). A tree
 * of a sample of the grammar, every node of it made and memoised, is kept for the thread's life.
 */
function keepShapes(p: Parser): void {
  const tree = p.parse(SAMPLE);
  const nodes: SyntaxNode[] = [];
  const c = tree.walk();
  let done = false;
  while (!done) {
    const n = c.currentNode;
    void n.type, n.parent, n.childForFieldName('name');
    nodes.push(n);
    if (c.gotoFirstChild()) continue;
    while (!c.gotoNextSibling()) {
      if (!c.gotoParent()) {
        done = true;
        break;
      }
    }
  }
  const names = new NameIndex(tree.rootNode);
  names.resolve('x', nodes[nodes.length - 1]!);
  keepShape([tree, c, nodes, names]);
}

function getParser(): Parser {
  if (!parser) {
    parser = new ParserClass();
    parser.setLanguage(Python as unknown as Parser.Language);
    keepShapes(parser);
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
  const tree = getParser().parse(text, undefined, { bufferSize: Math.max(64 * 1024, text.length * 2 + 16), includedRanges: ranges });
  noteParsedText(tree, text);
  return tree;
}

/**
 * The blocks of `tree` that hold no statement (a comment is none). Python rejects them ("expected an
 * indented block"); tree-sitter-python parses a header followed by a line at its own indentation as a
 * compound statement with an empty block, and reports no error.
 */
export function emptyBlocks(tree: Tree): SyntaxNode[] {
  // From each block's first named child on, not all of them: most blocks' first is a statement (the pipeline
  // asks this of every file after every pass)
  const empty = (b: SyntaxNode) => {
    for (let c = b.firstNamedChild; c; c = c.nextNamedSibling) if (!isExtra(c)) return false;
    return true;
  };
  return tree.rootNode.descendantsOfType('block').filter(empty);
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

// Whole statements that tree-sitter gathered into an ERROR node before the part it could not read.
const STATEMENT_TYPE = /_statement$|_definition$|^comment$/;

/**
 * Where to say a syntax error is: the start of the first ERROR or MISSING node, past the whole statements
 * tree-sitter's recovery put in it first. Ex) `def f(): …` then `def g():\n    x = (1,` at the end: the root
 * is one ERROR node, and its start, line 1, column 1, named the function with no error in it.
 */
export function syntaxErrorStart(tree: Tree): { row: number; column: number } | undefined {
  let node = firstSyntaxError(tree);
  while (node?.type === 'ERROR') {
    const rest = node.children.find((c) => c.hasError || c.isMissing || !STATEMENT_TYPE.test(c.type));
    if (!rest) break;
    // Ex) whole statements, then one holding the error (a `def` whose body does not parse): the error in it
    if (rest.type === 'ERROR' || (STATEMENT_TYPE.test(rest.type) && !rest.isMissing)) node = firstErrorIn(rest);
    else return rest.startPosition;
  }
  return node?.startPosition;
}

function firstErrorIn(node: SyntaxNode): SyntaxNode {
  if (node.type === 'ERROR' || node.isMissing) return node;
  for (const c of node.children) if (c.hasError || c.isMissing) return firstErrorIn(c);
  return node;
}
