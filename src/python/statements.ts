// Statements and where an expression sits in them.
import type { SyntaxNode } from '../types.js';

/** Nodes whose body is a scope of its own: code in it runs later, or elsewhere. */
export const NESTED_SCOPES: ReadonlySet<string> = new Set(['function_definition', 'lambda', 'class_definition']);
/**
 * `in` or `not in` when `operand` is the container of a membership test of two operands (`x in operand`), else
 * `undefined` (in `a in b in c`, `b` goes on to the second test).
 */
export function membershipOperator(comparison: SyntaxNode, operand: SyntaxNode): 'in' | 'not in' | undefined {
  if (comparison.type !== 'comparison_operator') return undefined;
  const operands = comparison.namedChildren.filter((c) => !isExtra(c) && c.type !== 'not in');
  if (operands.length !== 2 || operands[1]!.id !== operand.id) return undefined;
  let op = operand.previousSibling;
  while (op && isExtra(op)) op = op.previousSibling;
  return op?.type === 'in' || op?.type === 'not in' ? op.type : undefined;
}

/** Loop statements. */
export const LOOPS: ReadonlySet<string> = new Set(['for_statement', 'while_statement']);

/** `n` with the parentheses around it, the outermost: `x` of `((x))` → `((x))`. */
export function outerParens(n: SyntaxNode): SyntaxNode {
  while (n.parent?.type === 'parenthesized_expression') n = n.parent;
  return n;
}

/**
 * The class whose method `def` is: the class body holds it directly, decorated (`@staticmethod`), or in one of
 * its blocks (`if sys.platform == …:` / `def load(self, p):`); not a function nested in a method.
 */
export function ownerClass(def: SyntaxNode): SyntaxNode | undefined {
  for (let p = def.parent; p; p = p.parent) {
    if (p.type === 'class_definition') return p;
    if (p.type === 'function_definition' || p.type === 'lambda' || p.type === 'module') return undefined;
  }
  return undefined;
}

/** `n` without the parentheses around it: `((x))` → `x`. */
export function unwrapParens(n: SyntaxNode): SyntaxNode {
  while (n.type === 'parenthesized_expression' && n.namedChildCount === 1) n = n.namedChildren[0]!;
  return n;
}

/**
 * A comment or a line continuation (`\\` at a line's end): tree-sitter's extras, which may stand among the
 * named children of any node (a block's statements, a call's arguments) and are none of them.
 */
export function isExtra(node: SyntaxNode): boolean {
  return node.type === 'comment' || node.type === 'line_continuation';
}

/** `in a \`del\` statement`, `in an \`assert\` statement`: where a use sits, for a reason. */
export function inStatementOf(stmt: SyntaxNode): string {
  const kind = stmt.type.replace(/_statement$/, '');
  return `in ${/^[aeiou]/.test(kind) ? 'an' : 'a'} \`${kind}\` statement`;
}

/** The targets of an unpacking assignment: `a, b = …`, `(a, b) = …`, `[a, *rest] = …`. */
const UNPACKING_TARGETS: ReadonlySet<string> = new Set(['pattern_list', 'tuple_pattern', 'list_pattern']);

/**
 * True when `target` (an assignment's left side) unpacks what it is given: `a, b = …`, `[a] = …`, `(a,) = …`.
 * Not `(f) = …`, which tree-sitter reads as a tuple pattern of one name without a comma: a plain name.
 */
export function isUnpackingTarget(target: SyntaxNode | null | undefined): boolean {
  if (!target || !UNPACKING_TARGETS.has(target.type)) return false;
  if (target.type !== 'tuple_pattern') return true;
  return target.children.some((c) => c.type === ',') || target.namedChildren.filter((c) => !isExtra(c)).length !== 1;
}

/**
 * True when every name the unpacking target `target` binds is a plain name (`a, (b, *rest) = …`): storing the items
 * runs no code, where an attribute or a subscript target (`o.x, d[k()] = …`) runs a setter, `__setitem__` or `k()`
 * after the value is unpacked.
 */
export function bindsPlainNames(target: SyntaxNode): boolean {
  return target.namedChildren.every((c) => {
    if (isExtra(c)) return true;
    if (c.type === 'identifier') return true;
    if (c.type === 'list_splat_pattern') return c.namedChildren.every((n) => isExtra(n) || n.type === 'identifier');
    return UNPACKING_TARGETS.has(c.type) && bindsPlainNames(c);
  });
}

/** The `with` statement whose own item `item` is (not one of a `with` nested in its body), or `undefined`. */
export function withOf(item: SyntaxNode): SyntaxNode | undefined {
  const w = item.parent?.type === 'with_clause' ? item.parent.parent : item.parent;
  return w?.type === 'with_statement' ? w : undefined;
}

/** The statement holding `node`: the first ancestor that stands directly in a block or the module. */
export function enclosingStatement(node: SyntaxNode): SyntaxNode | undefined {
  for (let n: SyntaxNode | null = node; n; n = n.parent) {
    const p = n.parent;
    if (p && (p.type === 'block' || p.type === 'module')) return n;
  }
  return undefined;
}

/**
 * Statements that can be moved into a new block as they are: an expression statement (call,
 * assignment of any kind) or a return.
 */
export function isWrappableSimpleStatement(stmt: SyntaxNode): boolean {
  return stmt.type === 'expression_statement' || stmt.type === 'return_statement';
}

/**
 * A statement whose names are a class body's: directly in it, or in an `if`, `try`, `for`, `while` or `with` of it
 * (not inside one of its methods). Ex) `class Color(Enum):` / `if True:` / `names = [l for l in open(p)]`: a
 * `with open(p) as f:` there would add `f` to the class, an enum member.
 */
export function isClassBodyStatement(stmt: SyntaxNode): boolean {
  for (let p = stmt.parent; p; p = p.parent) {
    if (p.type === 'class_definition') return true;
    if (p.type === 'function_definition' || p.type === 'lambda' || p.type === 'module') return false;
  }
  return false;
}

/**
 * Why `node` cannot be given a `with` of its own because it sits in a compound statement's header,
 * a decorator or a default value, or `undefined` when it sits in a simple statement's body.
 */
export function headerContextReason(node: SyntaxNode, stmt: SyntaxNode): string | undefined {
  let child = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    switch (p.type) {
      case 'decorator':
        return 'in a decorator, evaluated once when the function is defined';
      case 'typed_parameter':
      case 'typed_default_parameter':
        if (p.childForFieldName('type')?.id === child.id) return 'in a parameter annotation, evaluated once when the function is defined (from 3.14, when its annotations are read)';
        if (p.type === 'typed_parameter') break;
        return 'in a default argument value, evaluated once when the function is defined';
      case 'default_parameter':
        return 'in a default argument value, evaluated once when the function is defined';
      case 'function_definition':
        if (p.childForFieldName('return_type')?.id === child.id) return 'in a return annotation, evaluated once when the function is defined (from 3.14, when its annotations are read)';
        break;
      case 'if_statement':
      case 'elif_clause':
        if (p.childForFieldName('condition')?.id === child.id) return 'in an `if` condition: a `with` or `try` around the statement would hold it to the end of the whole block';
        break;
      case 'while_statement':
        if (p.childForFieldName('condition')?.id === child.id) return 'in a `while` condition, which runs on every iteration';
        break;
      case 'for_statement':
        if (p.childForFieldName('right')?.id === child.id) return 'in a `for` header: a `with` around the loop would keep it open for the whole loop';
        break;
      case 'with_item':
        return 'in a `with` header';
      case 'match_statement':
        if (p.childForFieldName('subject')?.id === child.id) return 'in a `match` subject';
        break;
      case 'case_clause':
        if (child.type !== 'block') return 'in a `case` guard';
        break;
      case 'argument_list':
        if (p.parent?.type === 'class_definition') return "in a class's bases";
        break;
      case 'interpolation':
        if (isSelfDocumenting(p)) return SELF_DOCUMENTING_REASON;
        break;
      default:
        break;
    }
    if (p.id === stmt.id) return undefined;
  }
  return undefined;
}

/** An f-string field that prints its own expression's text: `f"{open(p).read()=}"`. */
const isSelfDocumenting = (interpolation: SyntaxNode) => interpolation.children.some((c) => c.type === '=');

const SELF_DOCUMENTING_REASON = 'in an f-string `{…=}`, which prints the text of the expression: a rewrite would change what it prints';

/**
 * Why `node` cannot be rewritten in place because an f-string field around it prints its text
 * (`f"{open(p).read()=}"`), or `undefined`.
 */
export function selfDocumentingReason(node: SyntaxNode): string | undefined {
  for (let p = node.parent; p; p = p.parent) if (p.type === 'interpolation' && isSelfDocumenting(p)) return SELF_DOCUMENTING_REASON;
  return undefined;
}

/**
 * True when `stmt` lies in the body of an `if` whose condition holds only where the module is the program: `__name__ ==
 * "__main__"` (either way round, in parentheses, any quotes and `r`/`u` prefixes), or that and more (`… and argv[1:]`).
 */
export function inMainGuard(stmt: SyntaxNode): boolean {
  for (let n = stmt.parent; n && n.type !== 'module'; n = n.parent) {
    if (n.type === 'block' && n.parent?.type === 'if_statement' && n.parent.childForFieldName('consequence')?.id === n.id && onlyAsProgram(n.parent.childForFieldName('condition'))) return true;
  }
  return false;
}

function onlyAsProgram(cond: SyntaxNode | null): boolean {
  if (!cond) return false;
  const c = unwrapParens(cond);
  if (c.type === 'boolean_operator') return c.children.some((x) => x.type === 'and') && (onlyAsProgram(c.childForFieldName('left')) || onlyAsProgram(c.childForFieldName('right')));
  const operands = c.namedChildren.filter((x) => !isExtra(x));
  if (c.type !== 'comparison_operator' || operands.length !== 2 || !c.children.some((x) => x.type === '==')) return false;
  const [l, r] = operands.map(unwrapParens) as [SyntaxNode, SyntaxNode];
  const isName = (x: SyntaxNode) => x.type === 'identifier' && x.text === '__name__';
  const isMain = (x: SyntaxNode) => x.type === 'string' && /^[rRuU]?(['"]{1,3})__main__\1$/.test(x.text);
  return (isName(l) && isMain(r)) || (isMain(l) && isName(r));
}

/**
 * The annotation of an annotated assignment statement (`f: IO[str] = open(p)`), which a `with` header cannot carry:
 * the header gets a bare `f: IO[str]` on the line before it (`planHeaderWrap` in wrap.ts).
 */
export function annotationOf(stmt: SyntaxNode): SyntaxNode | undefined {
  const a = stmt.type === 'expression_statement' ? stmt.namedChildren[0] : undefined;
  return a?.type === 'assignment' && a.childForFieldName('right') ? (a.childForFieldName('type') ?? undefined) : undefined;
}

/** True when `id` is the target of a bare annotation (`f: IO[str]`), which binds no value and reads none. */
export function isBareAnnotationTarget(id: SyntaxNode): boolean {
  const p = id.parent;
  return p?.type === 'assignment' && !p.childForFieldName('right') && p.childForFieldName('left')?.id === id.id;
}

/** A decorator's text without the comments in it (`@staticmethod  # why` → `@staticmethod`): tree-sitter keeps a trailing one in the node. */
export function decoratorText(d: SyntaxNode): string {
  return `@${d.namedChildren.filter((c) => !isExtra(c)).map((c) => c.text).join('')}`;
}

/** What a `del` target may sit in: `del (f)`, `del [f]`, `del (f, g)`, `del f, g`. */
const DELETE_TARGETS: ReadonlySet<string> = new Set(['parenthesized_expression', 'tuple', 'list', 'expression_list', 'tuple_pattern', 'list_pattern', 'pattern_list']);

/** The `del` statement whose targets hold the identifier `id` (through tuples, lists and parentheses), or `undefined`. */
export function deleteStatementOf(id: SyntaxNode): SyntaxNode | undefined {
  let p = id.parent;
  while (p && DELETE_TARGETS.has(p.type)) p = p.parent;
  return p?.type === 'delete_statement' ? p : undefined;
}

/** The names the `del` statement `stmt` unbinds: its targets through tuples, lists and parentheses; not `del d[k]`, `del o.x`. */
export function deletedNames(stmt: SyntaxNode): Set<string> {
  const names = new Set<string>();
  const add = (t: SyntaxNode) => {
    if (t.type === 'identifier') names.add(t.text);
    else if (DELETE_TARGETS.has(t.type)) for (const k of t.namedChildren) add(k);
  };
  for (const k of stmt.namedChildren) add(k);
  return names;
}

/** The loops around `node` inside `scope`, innermost first (`for`/`while` statements; not `scope` itself). */
export function loopsAround(node: SyntaxNode, scope: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let n = node.parent; n && n.id !== scope.id; n = n.parent) if (LOOPS.has(n.type)) out.push(n);
  return out;
}

/**
 * The value of a `with` item, the `as` pattern out of its brackets: `with (open(p) as f):`, one item in brackets
 * (Python 3.9 on), is read by tree-sitter as a bracketed `as` pattern.
 */
function itemValue(item: SyntaxNode): SyntaxNode | null {
  const v = item.type === 'with_item' ? item.childForFieldName('value') : null;
  let inner = v;
  while (inner?.type === 'parenthesized_expression') inner = bracketed(inner) ?? null;
  return inner?.type === 'as_pattern' ? inner : v;
}

/**
 * The `with` item whose value is the `as` pattern `pattern`, directly (`with X as y:`) or in brackets that hold only it
 * (`with (X as y):`, Python 3.9 on); `null` for none.
 */
export function withItemOfPattern(pattern: SyntaxNode | null | undefined): SyntaxNode | null {
  if (pattern?.type !== 'as_pattern') return null;
  let n: SyntaxNode = pattern;
  while (n.parent?.type === 'parenthesized_expression' && bracketed(n.parent)?.id === n.id) n = n.parent;
  return n.parent?.type === 'with_item' && n.parent.childForFieldName('value')?.id === n.id ? n.parent : null;
}

/** What the brackets `(x)` hold, comments aside; `undefined` when that is not one expression. */
export function bracketed(n: SyntaxNode): SyntaxNode | undefined {
  const inner = n.namedChildren.filter((c) => c.type !== 'comment');
  return inner.length === 1 ? inner[0] : undefined;
}

/** The context expression of a `with` item: `open(p)` of `open(p) as f` (the `as` pattern unwrapped), or `undefined`. */
export function withItemValue(item: SyntaxNode): SyntaxNode | undefined {
  const v = itemValue(item);
  return (v?.type === 'as_pattern' ? v.namedChildren[0] : v) ?? undefined;
}

/** What a `with` item binds after `as` (`f` of `open(p) as f`, `(a, b)`), or `undefined` for an item without one. */
export function withItemTarget(item: SyntaxNode): SyntaxNode | undefined {
  const v = itemValue(item);
  return (v?.type === 'as_pattern' ? v.childForFieldName('alias')?.namedChildren[0] : undefined) ?? undefined;
}
