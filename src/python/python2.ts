// Python 2's own syntax, which tree-sitter-python reads without an error: a file that has it is no Python 3 file,
// whatever tree-sitter says, and withify's fixes (Python 3 code: `with` over a socket, `:=`, …) are not for it.
import type { SyntaxNode } from '../types.js';

/**
 * The forms a Python 2 file nearly always has somewhere, where code has them: a `print` or `exec` statement or an
 * `except E, e:` at a line's start, `a <> b`, `` = `x` ``, an octal or long literal after `=`, `(` or `,`, `ur""`, a
 * tuple parameter. Narrower than `FORM_STARTS` (a docstring's "print the …" or an RST ``literal`` does not count),
 * for `check`'s first look, which parses a whole file only where this says so.
 */
const PYTHON2_LIKELY = /^[ \t]*(?:print[ \t]+(?:[^\s(=.,)\]}:;#]|>>)|exec[ \t]+["'A-Za-z_]|except\b[^:(\n#]*,|raise[ \t]+[\w.]+[ \t]*,)|[\w)\]][ \t]*<>[ \t]*[\w(\[]|(?:[=%+(,[:]|\b(?:return|yield|and|or|not|in|if|else|assert))[ \t]*`|[=(,][ \t]*(?:0+[1-7][0-7]*[lL]?|\d+[lL]|0[xXbBoO][0-9a-fA-F_]+[lL])\b|\b[uU][rR]['"]|(?<![\w.'"])lambda[ \t]+\(|def[ \t]+\w+[ \t]*\((?:[ \t]*|[^)#\n]*,[ \t]*)\(/m;

/** True when `text` likely holds a Python 2 form (`python2Form` decides from the tree). */
export const mayBePython2 = (text: string): boolean => PYTHON2_LIKELY.test(text);

/**
 * Where in the text a Python 2 form may start, one group per node type (`FORM_TYPES`); `python2What` decides from
 * the node there. One scan: a walk of the whole tree for these types cost about 1 ms a file.
 */
const FORM_STARTS = new RegExp(
  [
    /(\bprint\b(?![ \t]*(?:[(=.,)\]}:;#\r\n]|$)))/,
    /(\bexec\b(?![ \t]*(?:[(=.,)\]}:;#\r\n]|$)))/,
    /(\bexcept\b(?=[^:\n]*,))/,
    /(\braise\b(?=[^\n]*,))/,
    /(<>)/,
    /(\b(?:0+[1-9][0-9]*[lL]?|[0-9][0-9a-fA-FxXbBoO_]*[lL])\b(?!\.))/,
    // (After an operator or a keyword: `return \`x\``, `yield \`x\``, `a and \`x\``; review rv54b)
    /((?:[=(,[:%+]|\b(?:return|yield|and|or|not|in|if|else|assert))[ \t]*`|\b[uU][rR](?=['"]))/,
    /(\blambda[ \t]*(?=\())/,
    // (A def's parameters: a tuple among them anywhere, `def g(a, (b, c)):`, `def g(a, (b, c)=(1, 2)):`)
    /(\bdef[ \t]+\w+[ \t]*(?=\())/,
  ].map((r) => r.source).join('|'),
  'gm',
);
const FORM_TYPES = ['print_statement', 'exec_statement', 'except_clause', 'raise_statement', 'comparison_operator', 'integer', 'string_start', 'tuple_pattern', 'parameters'];

export interface Python2Form {
  node: SyntaxNode;
  /** What it is, for a message: "a `print` statement". */
  what: string;
}

/**
 * The first Python 2 form of the tree (`print x`, `exec "…"`, `except E, e:`, `raise E, v`, `` `x` ``, `a <> b`, `0777`, `10L`,
 * `ur"…"`, a tuple parameter), or `undefined`. `targetBelow314`: `except A, B:` is Python 3.14's too (PEP 758).
 */
export function python2Form(root: SyntaxNode, text: string, targetBelow314 = true): Python2Form | undefined {
  // (FORM_STARTS finds every place a form may start; no pre-test of the text is cheaper than its one scan)
  FORM_STARTS.lastIndex = 0;
  for (let m = FORM_STARTS.exec(text); m; m = FORM_STARTS.exec(text)) {
    const k = m.findIndex((g, i) => i > 0 && g !== undefined) - 1;
    const type = FORM_TYPES[k]!;
    // The node of that type that starts there (a tuple parameter: after the match; `<>`: its token's parent)
    const at = type === 'tuple_pattern' || type === 'parameters' ? m.index + m[0].length : type === 'string_start' && m[0].endsWith('`') ? m.index + m[0].length - 1 : m.index;
    let n: SyntaxNode | null = root.descendantForIndex(at);
    if (type === 'comparison_operator') n = n?.parent ?? null;
    else while (n && n.type !== type && n.startIndex === at && n.parent) n = n.parent;
    if (n?.type !== type) continue;
    const what = python2What(n, targetBelow314);
    if (what) return { node: n, what };
  }
  return undefined;
}

function python2What(n: SyntaxNode, targetBelow314: boolean): string | undefined {
  switch (n.type) {
    case 'print_statement':
      // (`print >> sys.stderr` alone is a Python 3 expression too)
      return n.namedChildren.some((c) => c.type !== 'chevron' && c.type !== 'comment') ? 'a `print` statement' : undefined;
    case 'raise_statement':
      // Ex) `raise E, "msg"`, `raise E, v, tb` (Python 3's `raise (E, 1)` raises a tuple: a TypeError, but no syntax error)
      return n.namedChildren[0]?.type === 'expression_list' ? '`raise E, v`' : undefined;
    case 'exec_statement':
      return 'an `exec` statement';
    case 'except_clause': {
      // Ex) `except E, e:` (Python 3.14's `except A, B:` has no `as` either, and binds nothing)
      const values = n.children.filter((c) => c.type !== 'block' && c.type !== 'comment' && c.type !== 'except' && c.type !== ':' && c.type !== 'as' && c.type !== ',' && c.type !== '*');
      return targetBelow314 && values.length > 1 && !n.children.some((c) => c.type === 'as') ? '`except E, e:`' : undefined;
    }
    case 'comparison_operator':
      return n.children.some((c) => c.type === '<>') ? 'the `<>` operator' : undefined;
    case 'integer':
      return /^0+[1-9][0-9]*[lL]?$/.test(n.text) ? `the octal literal \`${n.text}\`` : /^(?:[0-9]+|0[xXbBoO][0-9a-fA-F_]+)[lL]$/.test(n.text) ? `the long literal \`${n.text}\`` : undefined;
    case 'string_start':
      return n.text.startsWith('`') ? 'a backquoted `repr`' : /^[uU][rR]/.test(n.text) ? `the string prefix \`${n.text.slice(0, 2)}\`` : undefined;
    case 'tuple_pattern':
      return n.parent?.type === 'parameters' || n.parent?.type === 'lambda_parameters' ? 'a tuple parameter' : undefined;
    case 'parameters':
      return n.namedChildren.some((c) => c.type === 'tuple_pattern' || (c.type === 'default_parameter' && c.childForFieldName('name')?.type === 'tuple_pattern')) ? 'a tuple parameter' : undefined;
    default:
      return undefined;
  }
}
