// Syntax in the input that is newer than the Python the run writes for (`--target-version`): such a file cannot run
// on the target, so the target is wrong for it (Ruff reports the same as "unsupported syntax"). withify's fixes still
// keep to the target (no parenthesised `with` items below 3.10, no `aclosing` below 3.10, the nesting limits of the
// target), which is why the run says so: a target set to the oldest Python the code really runs on gives those fixes.
import type { PythonVersion, SyntaxNode } from '../types.js';
import { formatPythonVersion, versionAtLeast } from '../options.js';
import { holderOf } from './generators.js';

/** One construct newer than the target: where it starts, what it is, the Python it came in. */
export interface NewerSyntax {
  at: number;
  what: string;
  version: PythonVersion;
}

interface Feature {
  version: PythonVersion;
  what: string;
  /** The text may hold it (a cheap test before any parse): true for every file that does. */
  mayHold: RegExp | ((text: string) => boolean);
  /** The node types that may be it. */
  types: readonly string[];
  /** The node is it. */
  is: (node: SyntaxNode) => boolean;
}

const hasChild = (node: SyntaxNode, type: string) => node.children.some((c) => c.type === type);

/**
 * True when `node` is the own code of an `async def` (`holderOf`: a default or an annotation runs in the scope around
 * its def, `def h(): async def k(a=(yield))` is `h`'s; review rv55d).
 */
function inAsyncDef(node: SyntaxNode): boolean {
  const fn = holderOf(node);
  return fn?.type === 'function_definition' && hasChild(fn, 'async');
}

/** An `as` item in brackets: `with (a as x, b):`, `with (a as x):`, `with (a as x,):` (3.9); not `with (a, b):`. */
function parenthesisedAs(clause: SyntaxNode): boolean {
  const items = clause.namedChildren.filter((c) => c.type === 'with_item');
  const value = (item: SyntaxNode) => item.childForFieldName('value');
  if (hasChild(clause, '(') && items.some((item) => value(item)?.type === 'as_pattern')) return true;
  // (tree-sitter reads one bracketed item as a parenthesised expression or a tuple holding the `as`)
  return items.some((item) => {
    const v = value(item);
    return (v?.type === 'parenthesized_expression' || v?.type === 'tuple') && v.namedChildren.some((c) => c.type === 'as_pattern');
  });
}

/**
 * A `*` in a subscript's brackets (`a[*b]`, `x[d[k], *rest]`): a `*` after `[` or `,` whose nearest open bracket
 * before it is a `[`. Read back over at most a few thousand characters; strings are not told apart (a false hit only
 * costs a parse).
 */
function mayHoldStarSubscript(text: string): boolean {
  const STAR = /[[,][ \t]*\*(?![*=])/g;
  for (let m = STAR.exec(text); m; m = STAR.exec(text)) {
    let depth = 0;
    for (let i = m.index + (text[m.index] === '[' ? 1 : 0) - 1, stop = Math.max(0, m.index - 4000); i >= stop; i--) {
      const c = text[i];
      if (c === ')' || c === ']' || c === '}') depth++;
      else if (c === '(' || c === '[' || c === '{') {
        if (depth === 0) {
          if (c === '[') return true;
          break;
        }
        depth--;
      }
    }
    if (text[m.index] === '[') return true;
  }
  return false;
}

// The constructs withify reads (tree-sitter-python gives each a node of its own), with the Python each came in.
// Not read: PEP 614's decorators (3.9), f-strings reusing their quotes (3.12), `return *a, *b` (3.8), type parameter
// defaults (3.13; tree-sitter-python reads them as an error, and withify rewrites no such file).
const FEATURES: readonly Feature[] = [
  { version: [3, 3], what: '`yield from`', mayHold: /\byield[ \t]+from\b/, types: ['yield'], is: (n) => hasChild(n, 'from') },
  { version: [3, 5], what: '`async def`', mayHold: /\basync\b/, types: ['function_definition'], is: (n) => hasChild(n, 'async') },
  // (Outside an `async def`, `await(x)` is a call of a function named so before 3.7: review rv55d)
  { version: [3, 5], what: '`await`', mayHold: /\bawait\b/, types: ['await'], is: inAsyncDef },
  { version: [3, 6], what: 'an f-string', mayHold: /[fF][rRbB]?["']|[rR][fF]["']/, types: ['string_start'], is: (n) => /[fF]/.test(n.text) },
  { version: [3, 6], what: 'a variable annotation', mayHold: /:/, types: ['assignment'], is: (n) => n.childForFieldName('type') !== null },
  { version: [3, 6], what: 'an underscore in a number', mayHold: /[0-9a-fA-F]_[0-9a-fA-F]/, types: ['integer', 'float'], is: (n) => n.text.includes('_') },
  {
    version: [3, 6],
    what: 'an asynchronous generator (`yield` in `async def`)',
    mayHold: (t) => /\basync\b/.test(t) && /\byield\b/.test(t),
    types: ['yield'],
    is: inAsyncDef,
  },
  // (`f"{x:=10}"` is `x` with the format spec `=10`, which tree-sitter reads as `:=`: review rv55d)
  { version: [3, 8], what: 'an assignment expression (`:=`)', mayHold: /:=/, types: ['named_expression'], is: (n) => n.parent?.type !== 'interpolation' },
  { version: [3, 8], what: 'a positional-only parameter (`/`)', mayHold: /[(,][ \t\r\n\\]*\/[ \t\r\n\\]*[,):]/, types: ['positional_separator'], is: () => true },
  { version: [3, 8], what: 'an f-string `=` (`{x=}`)', mayHold: /=[ \t]*[!:}]/, types: ['interpolation'], is: (n) => hasChild(n, '=') },
  {
    version: [3, 9],
    what: 'a parenthesised list of `with` items (`with (a as x, b as y):`)',
    mayHold: /\bwith[ \t]*\(/,
    types: ['with_clause'],
    // (`with (a, b):` is a tuple to older Pythons: only an `as` inside the brackets is new)
    is: parenthesisedAs,
  },
  { version: [3, 10], what: 'a `match` statement', mayHold: /^[ \t]*match\b/m, types: ['match_statement'], is: () => true },
  { version: [3, 11], what: '`except*`', mayHold: /\bexcept[ \t]*\*/, types: ['except_clause'], is: (n) => hasChild(n, '*') },
  { version: [3, 11], what: 'a starred expression in a subscript (`a[*b]`)', mayHold: mayHoldStarSubscript, types: ['subscript'], is: (n) => n.namedChildren.slice(1).some((c) => c.type === 'list_splat') },
  { version: [3, 12], what: 'a `type` statement', mayHold: /^[ \t]*type[ \t]+[A-Za-z_]/m, types: ['type_alias_statement'], is: () => true },
  // (tree-sitter also reads the `[int]` of an annotation's `List[int]` as a type parameter: review rv55d)
  { version: [3, 12], what: 'a type parameter list (`def f[T]`, `class C[T]`)', mayHold: /\b(?:def|class)[ \t]+\w+[ \t]*\[/, types: ['type_parameter'], is: (n) => n.parent?.childForFieldName('type_parameters')?.id === n.id },
];

/**
 * The construct of `text` that needs the newest Python, of those Python `target` does not have (the first of them in
 * the text), or undefined: the one to set the target by (naming the first, `:=` before `match`, sent the user to 3.8
 * and then to 3.10: review rv55d). `tree` gives the whole file's tree (parsed only when the text may hold one of the
 * constructs newer than `target`).
 */
export function newerSyntax(text: string, target: PythonVersion, tree: () => SyntaxNode): NewerSyntax | undefined {
  const wanted = FEATURES.filter((f) => !versionAtLeast(target, f.version) && (typeof f.mayHold === 'function' ? f.mayHold(text) : f.mayHold.test(text)));
  if (!wanted.length) return undefined;
  const root = tree();
  const types = [...new Set(wanted.flatMap((f) => f.types))];
  let newest: NewerSyntax | undefined;
  const later = (a: PythonVersion, b: PythonVersion) => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
  for (const node of root.descendantsOfType(types)) {
    for (const f of wanted) {
      if (!f.types.includes(node.type)) continue;
      const better = !newest || later(f.version, newest.version) || (f.version[0] === newest.version[0] && f.version[1] === newest.version[1] && node.startIndex < newest.at);
      if (better && f.is(node)) newest = { at: node.startIndex, what: f.what, version: f.version };
    }
  }
  return newest;
}

/** The warning for `found`, in a file written for `target`. */
export function newerSyntaxMessage(found: NewerSyntax, target: PythonVersion): string {
  const t = formatPythonVersion(target);
  return `${found.what} needs Python ${formatPythonVersion(found.version)}, newer than the target version ${t}: this file cannot run on ${t}, and withify's fixes keep to ${t}; set --target-version (or target-version in [tool.withify], or requires-python) to the oldest Python the code runs on (${formatPythonVersion(found.version)} or newer)`;
}
