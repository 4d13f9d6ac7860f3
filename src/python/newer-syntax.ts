// Syntax in the input that is newer than the Python the run writes for (`--target-version`): such a file cannot run
// on the target, so the target is wrong for it (Ruff reports the same as "unsupported syntax"). withify's fixes still
// keep to the target (no parenthesised `with` items below 3.10, no `aclosing` below 3.10, the nesting limits of the
// target), which is why the run says so: a target set to the oldest Python the code really runs on gives those fixes.
import type { PythonVersion, SyntaxNode } from '../types.js';
import { formatPythonVersion, versionAtLeast } from '../options.js';

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

/** The nearest enclosing function of `node`, or undefined at module or class level (a lambda counts as one). */
function enclosingFunction(node: SyntaxNode): SyntaxNode | undefined {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'function_definition' || p.type === 'lambda') return p;
    if (p.type === 'class_definition') return undefined;
  }
  return undefined;
}

// The constructs withify reads (tree-sitter-python gives each a node of its own), with the Python each came in.
// Not read: PEP 614's decorators (3.9), f-strings reusing their quotes (3.12), `return *a, *b` (3.8), type parameter
// defaults (3.13; tree-sitter-python reads them as an error, and withify rewrites no such file).
const FEATURES: readonly Feature[] = [
  { version: [3, 3], what: '`yield from`', mayHold: /\byield[ \t]+from\b/, types: ['yield'], is: (n) => hasChild(n, 'from') },
  { version: [3, 5], what: '`async def`', mayHold: /\basync\b/, types: ['function_definition'], is: (n) => hasChild(n, 'async') },
  { version: [3, 5], what: '`await`', mayHold: /\bawait\b/, types: ['await'], is: () => true },
  { version: [3, 6], what: 'an f-string', mayHold: /[fF][rRbB]?["']|[rR][fF]["']/, types: ['string_start'], is: (n) => /[fF]/.test(n.text) },
  { version: [3, 6], what: 'a variable annotation', mayHold: /:/, types: ['assignment'], is: (n) => n.childForFieldName('type') !== null },
  { version: [3, 6], what: 'an underscore in a number', mayHold: /[0-9a-fA-F]_[0-9a-fA-F]/, types: ['integer', 'float'], is: (n) => n.text.includes('_') },
  {
    version: [3, 6],
    what: 'an asynchronous generator (`yield` in `async def`)',
    mayHold: (t) => /\basync\b/.test(t) && /\byield\b/.test(t),
    types: ['yield'],
    is: (n) => {
      const fn = enclosingFunction(n);
      return fn?.type === 'function_definition' && hasChild(fn, 'async');
    },
  },
  { version: [3, 8], what: 'an assignment expression (`:=`)', mayHold: /:=/, types: ['named_expression'], is: () => true },
  { version: [3, 8], what: 'a positional-only parameter (`/`)', mayHold: /[(,][ \t\r\n\\]*\/[ \t\r\n\\]*[,)]/, types: ['positional_separator'], is: () => true },
  { version: [3, 8], what: 'an f-string `=` (`{x=}`)', mayHold: /=[ \t]*[!:}]/, types: ['interpolation'], is: (n) => hasChild(n, '=') },
  {
    version: [3, 9],
    what: 'a parenthesised list of `with` items (`with (a as x, b as y):`)',
    mayHold: /\bwith[ \t]*\(/,
    types: ['with_clause'],
    // (`with (a, b):` is a tuple to older Pythons: only an `as` inside the brackets is new)
    is: (n) => hasChild(n, '(') && n.namedChildren.some((item) => item.type === 'with_item' && item.childForFieldName('value')?.type === 'as_pattern'),
  },
  { version: [3, 10], what: 'a `match` statement', mayHold: /^[ \t]*match\b/m, types: ['match_statement'], is: () => true },
  { version: [3, 11], what: '`except*`', mayHold: /\bexcept[ \t]*\*/, types: ['except_clause'], is: (n) => hasChild(n, '*') },
  { version: [3, 11], what: 'a starred expression in a subscript (`a[*b]`)', mayHold: /\[[^\]]{0,4000}\*/, types: ['subscript'], is: (n) => n.namedChildren.slice(1).some((c) => c.type === 'list_splat') },
  { version: [3, 12], what: 'a `type` statement', mayHold: /^[ \t]*type[ \t]+[A-Za-z_]/m, types: ['type_alias_statement'], is: () => true },
  { version: [3, 12], what: 'a type parameter list (`def f[T]`, `class C[T]`)', mayHold: /\b(?:def|class)[ \t]+\w+[ \t]*\[/, types: ['type_parameter'], is: () => true },
];

/**
 * The first construct of `text` that Python `target` does not have, or undefined. `tree` gives the whole file's tree
 * (parsed only when the text may hold one of the constructs newer than `target`).
 */
export function newerSyntax(text: string, target: PythonVersion, tree: () => SyntaxNode): NewerSyntax | undefined {
  const wanted = FEATURES.filter((f) => !versionAtLeast(target, f.version) && (typeof f.mayHold === 'function' ? f.mayHold(text) : f.mayHold.test(text)));
  if (!wanted.length) return undefined;
  const root = tree();
  const types = [...new Set(wanted.flatMap((f) => f.types))];
  let first: NewerSyntax | undefined;
  for (const node of root.descendantsOfType(types)) {
    if (first && node.startIndex >= first.at) continue;
    const f = wanted.find((w) => w.types.includes(node.type) && w.is(node));
    if (f) first = { at: node.startIndex, what: f.what, version: f.version };
  }
  return first;
}

/** The warning for `found`, in a file written for `target`. */
export function newerSyntaxMessage(found: NewerSyntax, target: PythonVersion): string {
  const t = formatPythonVersion(target);
  return `${found.what} needs Python ${formatPythonVersion(found.version)}, newer than the target version ${t}: this file cannot run on ${t}, and withify writes its fixes for ${t}; set --target-version (or target-version in [tool.withify], or requires-python) to the oldest Python the code runs on`;
}
