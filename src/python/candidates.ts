// Calls that may make a catalog resource, found from the text instead of by visiting every call of the
// tree: each occurrence of a catalog call name (RESOURCE_CALL_NAMES) or of an import alias (`as gz`) that names
// the callee of a call. Every call `resourceOf` can accept is among them (its callee's last name is the
// catalog name's last part, or an alias bound by `import ... as`), so transforms filter these instead.
import type { FileContext, SyntaxNode, Tree } from '../types.js';
import { RESOURCE_CALL_NAMES } from './resources.js';
import { connectionFactoryNames } from './factories.js';
import { lastTextMemo } from './memo.js';
import { asNames, findWords, sharedWordHits, wordsPattern } from './text.js';
import { inUnevaluatedAnnotation } from './scopes.js';

interface Candidates {
  /** Names a resource callee may have in this file: catalog call names and every import alias. */
  names: ReadonlySet<string>;
  calls: SyntaxNode[];
}

const cache = new WeakMap<Tree, Candidates>();
// Made on first use: resources.ts and this module import each other, and either may be loaded first.
let resourceNameSet: ReadonlySet<string> | undefined;


/** The names a resource callee may have in the file: catalog call names, and every name an import binds with `as`. */
function calleeNames(source: string, root: SyntaxNode): Set<string> {
  const names = new Set(RESOURCE_CALL_NAMES);
  // Ex) `def get_db(): return sqlite3.connect(DB)`: `get_db(...)` may make a connection (`factoryOf`)
  for (const n of connectionFactoryNames(source)) names.add(n);
  const found = asNames(source);
  for (let i = 0; i < found.at.length; i++) {
    const name = found.names[i]!;
    const at = found.nameAt[i]!;
    // Ex) `with x as f`, `except E as e`: not an import alias (every `f(...)` would become a candidate)
    const node = root.descendantForIndex(at, at + name.length);
    if (node.type === 'identifier' && node.parent?.type === 'aliased_import') names.add(name);
  }
  return names;
}

/** The call whose callee ends in the identifier `id` (`open(...)`, `gzip.open(...)`), if any. */
function callOfCallee(id: SyntaxNode): SyntaxNode | undefined {
  let fn = id;
  const parent = id.parent;
  if (parent?.type === 'attribute' && parent.endIndex === id.endIndex) fn = parent; // `x.open`: `open` is the attribute
  const call = fn.parent;
  if (call?.type !== 'call') return undefined;
  const callee = call.firstChild; // the `function` field comes first
  return callee && callee.startIndex === fn.startIndex && callee.endIndex === fn.endIndex ? call : undefined;
}

/**
 * False when the text from `i` on cannot go on with a call's `(`: the next character that is no space, line
 * break, backslash or comment is something else. What tree-sitter may skip besides (a zero-width space, other
 * Unicode spaces, a vertical tab) counts as maybe.
 */
function callMayFollow(text: string, i: number): boolean {
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 || c > 127) return true; // ( or not ASCII
    if (c === 32 || (c >= 9 && c <= 13) || c === 92) continue; // space, tab, LF, VT, FF, CR, backslash
    if (c !== 35) return false; // #
    while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  }
  return false;
}

// Per set of names: a project's generator names are one set for every file (thousands of words).
const patterns = new WeakMap<ReadonlySet<string>, RegExp>();

/** Every call whose callee is one of `names` (`name(...)` or `x.name(...)`), in document order, outer first. */
function callsOf(ctx: FileContext, names: ReadonlySet<string>): SyntaxNode[] {
  if (names.size === 0) return [];
  let hits = sharedWordHits(ctx.source, names);
  if (!hits) {
    let re = patterns.get(names);
    if (!re) patterns.set(names, (re = wordsPattern(names, 'g')));
    hits = findWords(ctx.source, re);
  }
  const calls: SyntaxNode[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < hits.at.length; i++) {
    const at = hits.at[i]!;
    const end = at + hits.word[i]!.length;
    // Ex) `socket.AF_INET`, `d.items()`'s `d`, `return gen`: no `(` follows, so no call (and no node to look up)
    if (!callMayFollow(ctx.source, end)) continue;
    const node = ctx.root.descendantForIndex(at, end);
    // Ex) `"open"` in a string, `# open` in a comment, `.opened`: not an identifier with this text
    if (node.type !== 'identifier' || node.startIndex !== at || node.endIndex !== end) continue;
    const call = callOfCallee(node);
    // Ex) `z: open(p).read() = 3` in a function: Python never runs the annotation
    if (call && !seen.has(call.id) && !inUnevaluatedAnnotation(call, ctx)) {
      seen.add(call.id);
      calls.push(call);
    }
  }
  // Document order, outer before inner, as `descendantsOfType('call')` lists them.
  return calls.sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex);
}

function find(ctx: FileContext): Candidates {
  let found = cache.get(ctx.tree);
  if (found) return found;
  const names = calleeNames(ctx.source, ctx.root);
  resourceNameSet ??= new Set(RESOURCE_CALL_NAMES);
  // The catalog names apart from the aliases: the pipeline's first look found them already (sharedWordHits).
  found = { names, calls: callsNamed(ctx, resourceNameSet, names) };
  cache.set(ctx.tree, found);
  return found;
}

/**
 * Calls whose callee's last name is one of `names`, or an import alias (`import … as x`) of the file, found
 * from the text: a superset of the calls `names` can reach, without visiting every call of the tree.
 */
export function callsNamed(ctx: FileContext, names: ReadonlySet<string>, fileNames = find(ctx).names): SyntaxNode[] {
  const aliases = new Set<string>();
  resourceNameSet ??= new Set(RESOURCE_CALL_NAMES);
  for (const n of fileNames) if (!resourceNameSet.has(n) && !names.has(n)) aliases.add(n);
  const calls = callsOf(ctx, names);
  if (aliases.size === 0) return calls;
  const seen = new Set(calls.map((c) => c.id));
  for (const c of callsOf(ctx, aliases)) if (!seen.has(c.id)) calls.push(c);
  return calls.sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex);
}

/**
 * Calls that may make a catalog resource, in document order: a superset of those `resourceOf` accepts, but for
 * calls in an annotation Python never runs (`inUnevaluatedAnnotation`), which make nothing.
 */
export function candidateCalls(ctx: FileContext): readonly SyntaxNode[] {
  return find(ctx).calls;
}

/** False when the callee of `call` cannot name a catalog resource: a cheap test before resolving names. */
export function mayBeResourceCall(ctx: FileContext, call: SyntaxNode): boolean {
  const fn = call.firstChild;
  const last = fn?.type === 'identifier' ? fn : fn?.type === 'attribute' ? fn.lastChild : undefined;
  return last !== undefined && last !== null && last.type === 'identifier' && find(ctx).names.has(last.text);
}

/**
 * The anchor words of the rules that find catalog calls (`Transform.anchors`): the catalog's call names, and the
 * names of the text's functions that may make a connection (`connectionFactoryNames`), one array per text.
 */
export const resourceAnchors = lastTextMemo((text: string): readonly string[] => {
  const factories = connectionFactoryNames(text);
  return factories.length === 0 ? RESOURCE_CALL_NAMES : [...RESOURCE_CALL_NAMES, ...factories];
});
