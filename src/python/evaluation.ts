// Evaluation order inside one statement: is a sub-expression the first thing the statement runs, and is
// it evaluated unconditionally? Moving a call into a `with` header is only safe when both hold.
import type { FileContext, SyntaxNode } from '../types.js';
import { firstIndex } from './text.js';
import { memoized } from './memo.js';
import { deletedNames, isExtra } from './statements.js';
import { inOwnCode, partsRunAround, scopeOf } from './scopes.js';

const PURE_LEAVES = new Set([
  'identifier', 'integer', 'float', 'true', 'false', 'none', 'ellipsis',
  'string_start', 'string_content', 'string_end', 'escape_sequence', 'type_conversion', 'comment', 'line_continuation',
]);
const PURE_CONTAINERS = new Set([
  'attribute', 'tuple', 'list', 'set', 'dictionary', 'pair', 'parenthesized_expression', 'keyword_argument',
  'string', 'concatenated_string', 'expression_list', 'lambda',
]);

/**
 * True when evaluating `node` runs no code that could be observed: names, literals, attribute chains
 * (module attributes such as `json.loads`) and displays built from them. A lambda only creates a function.
 * Not an f-string with a field: each field calls `format()`, which runs the value's `__format__` (or `__str__`,
 * `__repr__`), the program's own code for its classes (`print(f"{rec}", open(p).read())`: a `with` would open the
 * file before that code ran, and before it raised).
 * Nodes whose id is in `assumed` count as pure: a resource call about to become a `with` item's name.
 */
export function isPure(node: SyntaxNode, assumed?: ReadonlySet<number>): boolean {
  if (assumed?.has(node.id)) return true;
  if (PURE_LEAVES.has(node.type)) return true;
  // (Making one runs its default values: `lambda x=load(): x`)
  if (node.type === 'lambda') return partsRunAround(node).every((v) => isPure(v, assumed));
  // Ex) `f(k=open(p).read(), *[1])`: unpacking a list or tuple display runs no code (`*rest` may: `__iter__`).
  if (node.type === 'list_splat') {
    const inner = node.namedChildren.filter((c) => !isExtra(c));
    if (inner.length === 1 && inner[0]!.type === 'identifier') return isOwnStarArgs(inner[0]!);
    return inner.length === 1 && (inner[0]!.type === 'list' || inner[0]!.type === 'tuple') && isPure(inner[0]!, assumed);
  }
  // Ex) `-1`; not `-offset`, which calls `__neg__` (and raises for `None`: `[-offset] + list(open(p))`)
  if (node.type === 'unary_operator') return node.namedChildren.filter((c) => !isExtra(c)).every((c) => c.type === 'integer' || c.type === 'float');
  if (!PURE_CONTAINERS.has(node.type)) return false;
  return node.namedChildren.every((c) => isPure(c, assumed));
}

/**
 * `isPure` for code that runs ahead of a resource that may write (a file opened for writing truncates it):
 * only what cannot raise either, since the original raised before the resource was made and the fix would
 * make it first (`json.dump(last, open(p, "w"))` with `last` unbound emptied the file). Literals; a name
 * surely bound there (`surelyBound`); one attribute of a module, a builtin or a literal (read as `isPure` reads
 * attributes: no property; not a parameter's, `rec.title` raises for `None`, nor deeper, `conf.settings.X`); a
 * string without fields; displays of such (a dictionary's keys and a set's items literals: hashing runs no code); a
 * negative number; the function's own `*args`. Not `-x` (`__neg__`), nor an f-string with a field (`__format__`).
 */
export function isSurelyPure(ctx: FileContext, node: SyntaxNode, assumed?: ReadonlySet<number>): boolean {
  if (assumed?.has(node.id)) return true;
  const kids = () => node.namedChildren.filter((c) => !isExtra(c));
  switch (node.type) {
    case 'lambda':
      return partsRunAround(node).every((v) => isSurelyPure(ctx, v, assumed));
    case 'integer': case 'float': case 'true': case 'false': case 'none': case 'ellipsis':
    case 'string_start': case 'string_content': case 'string_end': case 'escape_sequence': case 'type_conversion':
      return true;
    case 'identifier':
      // Ex) `file` of `file=open(p, "w")`: a keyword's name is no read
      return (node.parent?.type === 'keyword_argument' && node.parent.childForFieldName('name')?.id === node.id) || surelyBound(ctx, node);
    case 'attribute': {
      // An attribute read is taken to run no code, as `isPure` does (a property could), but what it reads must be
      // there, whatever the values the code is given: of a module or a builtin (`sys.stdout`, `os.sep`, `str.join`),
      // or of a literal (`"".join`). Not of a parameter or a variable (`rec.title`, `self.data`, `cfg.path`): `None`
      // there raised `AttributeError` before the file was opened, where the fix would have emptied it first.
      // (`(rec).title`: through parentheses)
      let root = node.childForFieldName('object');
      while (root?.type === 'parenthesized_expression') root = root.namedChildren.find((c) => !isExtra(c)) ?? null;
      if (!root) return false;
      // One attribute of a module: deeper, `conf.settings.DATA` reads an object the module holds, which may be lazy
      if (root.type === 'identifier') return namesModule(ctx, root) && surelyBound(ctx, root);
      // Of a literal: `"".join`
      return LITERAL_KEYS.has(root.type) && isSurelyPure(ctx, root, assumed);
    }
    case 'list_splat': {
      const inner = kids();
      if (inner.length === 1 && inner[0]!.type === 'identifier') return isOwnStarArgs(inner[0]!);
      return inner.length === 1 && (inner[0]!.type === 'list' || inner[0]!.type === 'tuple') && isSurelyPure(ctx, inner[0]!, assumed);
    }
    case 'unary_operator':
      return kids().every((c) => c.type === 'integer' || c.type === 'float');
    case 'set':
      // (A string's fields run code: `{f"{rec}"}`)
      return kids().every((c) => LITERAL_KEYS.has(c.type) && (c.type !== 'string' || isSurelyPure(ctx, c)));
    case 'pair': {
      const key = node.childForFieldName('key');
      const value = node.childForFieldName('value');
      return !!key && LITERAL_KEYS.has(key.type) && (key.type !== 'string' || isSurelyPure(ctx, key)) && !!value && isSurelyPure(ctx, value, assumed);
    }
    case 'string': case 'concatenated_string': case 'tuple': case 'list': case 'dictionary':
    case 'parenthesized_expression': case 'keyword_argument': case 'expression_list':
      return kids().every((c) => (node.type === 'keyword_argument' && c.id === node.childForFieldName('name')?.id) || isSurelyPure(ctx, c, assumed));
    default:
      return false;
  }
}

/**
 * True when `id` names a module (`import os`, `import xml.dom as dom`; not `from django.conf import settings`, which
 * may be any object, a lazy one whose attributes raise) or a builtin that is always the same kind of object (not a
 * dunder: `__spec__` and `__doc__` may be `None`).
 */
function namesModule(ctx: FileContext, id: SyntaxNode): boolean {
  const r = ctx.names.resolve(id.text, id);
  if (r.kind === 'builtin') return !id.text.startsWith('__');
  if (r.kind !== 'import') return false;
  const bindings = ctx.names.bindings(r.scope).get(id.text) ?? [];
  return bindings.length > 0 && bindings.every((b) => b.kind === 'import' && b.node.type === 'import_statement');
}

/** Python's builtin names (a keyword named like one, `license=open("LICENSE").read()`, makes no good global). */
export const BUILTIN_NAMES: ReadonlySet<string> = new Set(
  ('abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr classmethod compile complex copyright ' +
    'credits delattr dict dir divmod enumerate eval exec exit filter float format frozenset getattr globals hasattr hash ' +
    'help hex id input int isinstance issubclass iter len license list locals map max memoryview min next object oct ' +
    'open ord pow print property quit range repr reversed round set setattr slice sorted staticmethod str sum super ' +
    'tuple type vars zip __name__ __file__ __doc__ __spec__ __loader__ __package__ __builtins__ Ellipsis NotImplemented ' +
    'BaseException Exception ArithmeticError AssertionError AttributeError EOFError ImportError IndexError KeyError ' +
    'LookupError NameError OSError IOError RuntimeError StopIteration TypeError ValueError ZeroDivisionError').split(' '),
);

const LITERAL_KEYS = new Set(['string', 'integer', 'float', 'true', 'false', 'none']);

/**
 * True when the name `id` reads is surely bound where it is read: a builtin, an import, a parameter, a
 * module-level statement's binding read in a function, or a binding by a statement ahead of `id` in its
 * block or a block around it; and no `del`, `global` or `nonlocal` of it in its scope. (`last` bound in a
 * loop's body and read after the loop is not: the loop may not have run.)
 */
export function surelyBound(ctx: FileContext, id: SyntaxNode): boolean {
  const r = ctx.names.resolve(id.text, id);
  if (r.kind === 'builtin') return BUILTIN_NAMES.has(id.text);
  if (r.kind !== 'local' && r.kind !== 'import') return false;
  // Ex) `try: import yaml` / `except ImportError: pass`: an import binds like an assignment, on its path only
  const bindings = r.kind === 'local' ? r.bindings : (ctx.names.bindings(r.scope).get(id.text) ?? []);
  if (bindings.length === 0 || bindings.some((b) => b.kind === 'global' || b.kind === 'nonlocal')) return false;
  if (deletedIn(ctx, r.scope, id.text)) return false;
  const ancestors = new Set<number>();
  for (let a = id.parent; a; a = a.parent) ancestors.add(a.id);
  // Ex) `except ValueError as x:`: Python deletes `x` when the handler ends, whatever bound it before
  const handlerOf = (b: { node: SyntaxNode }): SyntaxNode | undefined => {
    for (let a = b.node.parent; a && a.type !== 'block' && a.type !== 'module'; a = a.parent) {
      if (a.type === 'except_clause' || a.type === 'except_group_clause') return a;
    }
    return undefined;
  };
  for (const b of bindings) {
    const handler = handlerOf(b);
    const body = handler?.namedChildren.find((c) => c.type === 'block');
    if (handler && !(body && body.startIndex <= id.startIndex && id.endIndex <= body.endIndex)) return false;
  }
  return bindings.some((b) => {
    if (b.kind === 'param') return true;
    if (handlerOf(b)) return true; // (the read is in that handler's block: checked above)
    // Ex) `for obj in items:` / `json.dump(obj, open(out + obj, "w"))`, `with open(a) as src:` / `copy(src, …)`: the
    // body of the statement whose header binds the name runs only once it did (`del` was refused above)
    if (boundByHeaderAround(b.node, id)) return true;
    // Ex) `if a and (n := f()):`: the right side of `and`/`or`, a branch of `x if c else y`, may not run
    for (let c = b.node, a = c.parent; a && a.type !== 'block' && a.type !== 'module'; c = a, a = a.parent) {
      if (a.type === 'boolean_operator' && a.childForFieldName('right')?.id === c.id) return false;
      // Ex) `any((last := x) for x in items)`, `[last := x for x in items]`: a `:=` of a comprehension runs once per
      // item, and not at all for none (its iterables may hold no `:=`)
      if (COMPREHENSIONS.has(a.type)) return false;
      // Ex) `elif (data := get()):`, `lo < hi < (data := get())`, `assert (data := get())`: an `elif` runs only when the
      // conditions before it failed, a chain's later operands only when the earlier comparisons held, an `assert`
      // never under `python -O`
      if (a.type === 'elif_clause' || a.type === 'assert_statement') return false;
      if (a.type === 'comparison_operator' && a.namedChildren.filter((k) => !isExtra(k)).findIndex((k) => k.id === c.id) > 1) return false;
      if (a.type === 'conditional_expression' && a.namedChildren[1]?.id !== c.id) return false;
      // Ex) `for j in []:` binds nothing; `x: int` binds nothing either
      if ((a.type === 'for_statement' || a.type === 'for_in_clause') && a.childForFieldName('left')?.id === c.id) return false;
      if (a.type === 'assignment' && a.childForFieldName('left')?.id === c.id && !a.childForFieldName('right')) return false;
    }
    let stmt = statementOf(b.node);
    // Ex) `try: data = load()` / `except OSError: data = None`: bound after the `try` on every path that goes on
    const owner = stmt.parent?.parent;
    if (owner?.type === 'try_statement' && owner.childForFieldName('body')?.id === stmt.parent!.id && everyHandlerBinds(owner, id.text)) stmt = owner;
    // Ex) `with open(p) as src:` / `data = src.read()`: a file's `with` swallows no exception, so its body ran
    else if (owner?.type === 'with_statement' && owner.childForFieldName('body')?.id === stmt.parent!.id && opensFilesOnly(owner)) stmt = owner;
    if (!stmt.parent || !ancestors.has(stmt.parent.id) || ancestors.has(stmt.id)) return false;
    // Ahead of the read in the text: a module's constant defined below a function may not be bound yet when it runs
    // (but a function defined below the one that reads it, with nothing between the two that may call it: `def
    // main(): save(d, open(p, "w"))` above `def save(d, out): …`)
    return stmt.endIndex <= id.startIndex || defBelowReader(stmt, id);
  });
}

/** True when `id` reads a module-level name whose every binding comes after it in the text. */
function boundOnlyBelow(ctx: FileContext, id: SyntaxNode): boolean {
  const r = ctx.names.resolve(id.text, id);
  return r.kind === 'local' && r.scope.type === 'module' && r.bindings.length > 0 && r.bindings.every((b) => b.node.startIndex > id.endIndex);
}

/**
 * True when `bind` is an undecorated module-level `def` below the undecorated module-level `def` that holds `read`, and
 * nothing defined between the two runs code when defined (undecorated defs whose defaults and annotations run none,
 * docstrings, `pass`): the reader cannot run before `bind` is bound (the defs only bind names).
 */
function defBelowReader(bind: SyntaxNode, read: SyntaxNode): boolean {
  const plainDef = (s: SyntaxNode) => s.type === 'function_definition' && s.parent?.type === 'module' && partsRunAround(s).every((v) => isPure(v));
  if (!plainDef(bind)) return false;
  let top = read;
  while (top.parent && top.parent.type !== 'module') top = top.parent;
  if (top.type !== 'function_definition' || top.parent?.id !== bind.parent!.id || top.startIndex >= bind.startIndex) return false;
  for (let s = top.nextNamedSibling; s && s.id !== bind.id; s = s.nextNamedSibling) {
    if (isExtra(s) || plainDef(s) || s.type === 'pass_statement') continue;
    const only = s.type === 'expression_statement' ? s.namedChildren.filter((c) => !isExtra(c)) : [];
    if (only.length === 1 && only[0]!.type === 'string' && isPure(only[0]!)) continue;
    return false;
  }
  return true;
}

// Per file and scope: the names its `del` statements unbind (nested scopes too)
const deletesMemo = new WeakMap<FileContext, Map<number, ReadonlySet<string>>>();

/**
 * True when a `del` statement of `scope` (or of a scope nested in it) unbinds `name`: `del last`, `del a, last`, `del (`
 * / `last` / `)` over lines, `del [a, last]`; not `del CACHE[k]` nor `del o.last`, which unbind no name.
 */
function deletedIn(ctx: FileContext, scope: SyntaxNode, name: string): boolean {
  const text = scope.text;
  if (!/\bdel\b/.test(text)) return false;
  const deleted = memoized(deletesMemo, ctx, scope.id, () => new Set(scope.descendantsOfType('delete_statement').flatMap((d) => [...deletedNames(d)])));
  return deleted.has(name);
}

/**
 * True when `binding` is a name a `for` statement's target or a `with` item's `as` binds, and `read` lies in that
 * statement's body: the body runs only after the header bound it.
 */
function boundByHeaderAround(binding: SyntaxNode, read: SyntaxNode): boolean {
  for (let c = binding, a = c.parent; a && a.type !== 'block' && a.type !== 'module'; c = a, a = a.parent) {
    const inTarget = (a.type === 'for_statement' && a.childForFieldName('left')?.id === c.id) || (a.type === 'with_statement' && c.type === 'with_clause');
    if (!inTarget) continue;
    const body = a.childForFieldName('body');
    return body !== null && body.startIndex <= read.startIndex && read.endIndex <= body.endIndex;
  }
  return false;
}

// The builtin and standard calls whose `with` swallows no exception (their `__exit__` returns a false value)
const PLAIN_OPENERS = new Set(['open', 'io.open', 'codecs.open', 'gzip.open', 'bz2.open', 'lzma.open', 'tokenize.open', 'os.fdopen']);

/** True when every item of the `with` statement `w` is a call of `PLAIN_OPENERS`, as written (`with open(p) as f:`). */
function opensFilesOnly(w: SyntaxNode): boolean {
  const items = w.namedChildren.find((c) => c.type === 'with_clause')?.namedChildren.filter((c) => c.type === 'with_item') ?? [];
  return items.length > 0 && items.every((item) => {
    let value = item.childForFieldName('value');
    if (value?.type === 'as_pattern') value = value.namedChildren[0] ?? null;
    return value?.type === 'call' && PLAIN_OPENERS.has(value.childForFieldName('function')?.text ?? '');
  });
}

function statementOf(node: SyntaxNode): SyntaxNode {
  let stmt = node;
  while (stmt.parent && stmt.parent.type !== 'block' && stmt.parent.type !== 'module') stmt = stmt.parent;
  return stmt;
}

/** The `except` (and `except*`) clauses of a `try` statement. */
export const handlersOf = (tryStmt: SyntaxNode): SyntaxNode[] => tryStmt.namedChildren.filter((c) => c.type === 'except_clause' || c.type === 'except_group_clause');

/** True when a handler's block ends with a statement that leaves it: `return`, `raise`, `continue` or `break`. */
export function handlerLeaves(clause: SyntaxNode): boolean {
  const last = clause.namedChildren.filter((c) => c.type === 'block').at(-1)?.namedChildren.filter((c) => !isExtra(c)).at(-1);
  return last !== undefined && LEAVING.has(last.type);
}
const LEAVING = new Set(['return_statement', 'raise_statement', 'continue_statement', 'break_statement']);

/** True when every `except` clause of `tryStmt` binds `name` by a statement of its own block, or leaves (`raise`, `return`). */
function everyHandlerBinds(tryStmt: SyntaxNode, name: string): boolean {
  return handlersOf(tryStmt).every((clause) => {
    if (handlerLeaves(clause)) return true;
    const stmts = clause.namedChildren.find((c) => c.type === 'block')?.namedChildren.filter((c) => !isExtra(c)) ?? [];
    return stmts.some((st) => {
      const a = st.type === 'expression_statement' ? st.namedChildren[0] : undefined;
      return a?.type === 'assignment' && a.childForFieldName('left')?.type === 'identifier' && a.childForFieldName('left')!.text === name;
    });
  });
}

/**
 * True when `id` names the `*args` parameter of the function around it, which nothing in the function binds
 * again: a tuple, whose unpacking runs no code (`def log(*args): print(*args, file=open(p, "a"))`).
 */
function isOwnStarArgs(id: SyntaxNode): boolean {
  let fn: SyntaxNode | null = id.parent;
  while (fn && fn.type !== 'function_definition' && fn.type !== 'lambda' && fn.type !== 'class_definition' && fn.type !== 'module') fn = fn.parent;
  if (fn?.type !== 'function_definition') return false;
  const params = fn.childForFieldName('parameters');
  const star = params?.namedChildren.find((c) => c.type === 'list_splat_pattern');
  if (star?.namedChildren.find((c) => !isExtra(c))?.text !== id.text) return false;
  const body = fn.childForFieldName('body')?.text ?? '';
  const n = id.text;
  // Ex) `args = list(args)`, `for args in …`, `with … as args`, `del args`, `(args := …)`, `global args`
  return !new RegExp(`\\b${n}\\s*(?:[-+*/%&|^@]|//|\\*\\*|<<|>>)?=(?!=)|\\b(?:for|as|del|global|nonlocal)\\b[^\\n:]*\\b${n}\\b|\\b${n}\\s*:=|(?:^|\\n)[ \\t]*[\\w \\t,*\\[\\]]*\\b${n}\\b[\\w \\t,*\\[\\]]*=(?!=)`).test(body);
}

const COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);

/**
 * True when `child` is the iterable of the first `for` clause of comprehension `clause.parent`: Python
 * evaluates it once, in the enclosing scope, when the comprehension is created (not once per item).
 */
export function isFirstIterable(clause: SyntaxNode, child: SyntaxNode): boolean {
  if (clause.type !== 'for_in_clause' || clause.childForFieldName('right')?.id !== child.id) return false;
  const comp = clause.parent;
  return !!comp && COMPREHENSIONS.has(comp.type) && comp.namedChildren.find((c) => c.type === 'for_in_clause')?.id === clause.id;
}

/** Why `node` is evaluated lazily or conditionally inside `stmt`, or `undefined` when it is not. */
export function lazyContext(node: SyntaxNode, stmt: SyntaxNode): string | undefined {
  if (node.id === stmt.id) return undefined;
  let child = node;
  let eagerIn: number | undefined; // Ex) `[l for l in open(p)]`: the first iterable runs once, at once
  for (let p = node.parent; p && p.id !== stmt.id; child = p, p = p.parent) {
    if (isFirstIterable(p, child)) eagerIn = p.parent!.id;
    if (p.id === eagerIn) continue;
    switch (p.type) {
      case 'lambda':
        return 'inside a lambda, which has no statement to put a `with` around';
      case 'list_comprehension':
      case 'set_comprehension':
      case 'dictionary_comprehension':
        return 'inside a comprehension: each iteration opens its own resource';
      case 'generator_expression':
        return 'inside a generator expression, which runs lazily';
      case 'conditional_expression':
        // Ex) `"yes" if open(p).read(1) else "no"`: the condition runs every time, first; a branch may not. (Not where a
        // branch awaits or yields: `(await g()) if open(p).read() else ""` would hold the file across the suspension.)
        if (p.namedChildren.filter((c) => !isExtra(c))[1]?.id === child.id) {
          // (An `async for` of a comprehension awaits too)
          const suspends = p.namedChildren.find((c) => c.id !== child.id && (c.descendantsOfType(['await', 'yield']).length > 0 || c.descendantsOfType('for_in_clause').some((f) => f.child(0)?.type === 'async')));
          if (suspends) return `in the condition of a conditional expression whose branch \`${suspends.text.length > 40 ? `${suspends.text.slice(0, 40)}…` : suspends.text}\` suspends: a \`with\` would hold it across that`;
          break;
        }
        return 'inside a conditional expression: it may not run at all';
      case 'boolean_operator':
        if (p.childForFieldName('right')?.id === child.id) return 'right operand of `and`/`or`: it may not run at all';
        break;
      case 'comparison_operator': {
        const operands = p.namedChildren.filter((c) => !isExtra(c));
        if (operands.findIndex((c) => c.id === child.id) >= 2) return 'later operand of a chained comparison: it may not run at all';
        break;
      }
      default:
        break;
    }
  }
  return undefined;
}

/** The first `count` of `nodes` (often the children of a node: not copied). */
interface Before {
  nodes: readonly SyntaxNode[];
  count: number;
}

const NOTHING_BEFORE: Before = { nodes: [], count: 0 };

/** Evaluated after every positional and `*` argument of its call, whatever its place in the source. */
const isKeywordArgument = (n: SyntaxNode): boolean => n.type === 'keyword_argument' || n.type === 'dictionary_splat';

interface ArgumentOrder {
  /** The arguments, in the order CPython evaluates them. */
  nodes: SyntaxNode[];
  /** Each argument's place in `nodes`, by node id. */
  index: Map<number, number>;
}

/**
 * The arguments of `args` in the order CPython evaluates them: every positional and `*` argument in source
 * order, then every keyword and `**` argument in source order. `f(x=a(), *b())` runs `b()`, then `a()`
 * (3.6 to 3.13 alike; a `*` is the only argument Python lets follow a keyword, and then it runs before that
 * keyword). `undefined` when this is the source order: no `*` argument follows a keyword or `**` one.
 * Memoized per call: each of thousands of arguments asks it.
 */
function argumentOrder(args: SyntaxNode): ArgumentOrder | undefined {
  return memoized(argumentOrderCache, args.tree, args.id, () => {
    const kids = args.namedChildren;
    const firstKeyword = kids.findIndex(isKeywordArgument);
    if (firstKeyword < 0 || kids.slice(firstKeyword).every((k) => isKeywordArgument(k) || isExtra(k))) return undefined;
    const nodes = [...kids.filter((k) => !isKeywordArgument(k)), ...kids.filter(isKeywordArgument)];
    return { nodes, index: new Map(nodes.map((n, i) => [n.id, i])) };
  });
}

const argumentOrderCache = new WeakMap<object, Map<number, ArgumentOrder | undefined>>();

/** The expressions evaluated before `child` inside `parent`, in order, or `undefined` if unknown. */
function evaluatedBefore(parent: SyntaxNode, child: SyntaxNode): Before | undefined {
  // Ex) `[x.strip() for x in open(p)]`: the first iterable runs before the element expression.
  if (isFirstIterable(parent, child)) return NOTHING_BEFORE;
  // (`lazyContext` has already refused a path through the element or a later clause.)
  if (COMPREHENSIONS.has(parent.type) && child.type === 'for_in_clause') {
    return parent.namedChildren.find((c) => c.type === 'for_in_clause')?.id === child.id ? NOTHING_BEFORE : undefined;
  }
  if (parent.type === 'assignment') {
    // The value runs first; targets (and annotations) after it.
    if (parent.childForFieldName('right')?.id === child.id) return NOTHING_BEFORE;
    // Ex) `shelve.open(p)["k"] = v`: the target runs after a value that runs no code (no annotation, one target)
    const right = parent.childForFieldName('right');
    if (parent.childForFieldName('left')?.id !== child.id || parent.childForFieldName('type') || !right || right.type === 'assignment') return undefined;
    return { nodes: [right], count: 1 };
  }
  if (parent.type === 'augmented_assignment') {
    // Ex) `shelve.open(p)["n"] += 1`: the target is loaded first
    if (parent.childForFieldName('left')?.id === child.id) return NOTHING_BEFORE;
    if (parent.childForFieldName('right')?.id !== child.id) return undefined;
    const left = parent.childForFieldName('left');
    // `x += …` loads `x` first; a subscript or attribute target runs code first.
    return left && left.type === 'identifier' ? NOTHING_BEFORE : left ? { nodes: [left], count: 1 } : undefined;
  }
  // Ex) `later() if open(p).read() else None`: the condition runs first (`lazyContext` has refused the branches)
  if (parent.type === 'conditional_expression' && parent.namedChildren.filter((c) => !isExtra(c))[1]?.id === child.id) return NOTHING_BEFORE;
  // Ex) `f(x=open(p).read(), *rest())`: `rest()` runs first.
  if (parent.type === 'argument_list') {
    const order = argumentOrder(parent);
    if (order) {
      const i = order.index.get(child.id);
      return i === undefined ? undefined : { nodes: order.nodes, count: i };
    }
  }
  // Children are in source order: find `child` by its offset (an element of a list of thousands asked this
  // of every element before it).
  const kids = parent.namedChildren;
  const start = child.startIndex;
  // (A zero-width node, in a tree with errors, may start where the next one does.)
  for (let i = firstIndex(kids.length, (k) => kids[k]!.startIndex >= start); i < kids.length && kids[i]!.startIndex === start; i++) {
    if (kids[i]!.id === child.id) return { nodes: kids, count: i };
  }
  return undefined;
}

/**
 * Why `node` is not the first code `stmt` runs (or not run unconditionally), or `undefined` when moving
 * it ahead of the statement keeps the order of everything the statement does. With `assumed`, those
 * nodes count as already evaluated (pure): "is `node` the next thing run after them?".
 */
export function notEvaluatedFirst(node: SyntaxNode, stmt: SyntaxNode, assumed?: ReadonlySet<number>, strict?: FileContext, attributesRun = false): string | undefined {
  if (node.id === stmt.id) return undefined;
  const lazy = lazyContext(node, stmt);
  if (lazy) return lazy;
  let child = node;
  // (A bare tuple statement, `make(), json.dump(d, open(p, "w"))`, has its items as the statement's own children:
  // read as a tuple's)
  for (let p = node.parent; p && (p.id !== stmt.id || isTupleStatement(p)); child = p, p = p.id === stmt.id ? null : p.parent) {
    const before = evaluatedBefore(p, child);
    if (!before) return 'part of an assignment target, evaluated after the value';
    let impure: SyntaxNode | undefined;
    // (A comment between the arguments, `json.dump(o,  # the obj` / `open(p, "w"))`, runs nothing)
    for (let k = 0; k < before.count && !impure; k++) {
      const n = before.nodes[k]!;
      // (`attributesRun`: an attribute read counts as code, a property's, where what moves ahead of it runs code too)
      if (!isExtra(n) && !(strict ? isSurelyPure(strict, n, assumed) && !(attributesRun && (n.type === 'attribute' || n.descendantsOfType('attribute').length > 0)) : isPure(n, assumed))) impure = n;
    }
    if (!impure) continue;
    if (strict && isPure(impure, assumed)) {
      const below = impure.type === 'identifier' && boundOnlyBelow(strict, impure);
      const how = below ? 'a name the module binds only below this function, which a call before that line would not find' : impure.type === 'identifier' ? 'a name not bound on every path' : impure.type === 'attribute' || impure.descendantsOfType('attribute').length > 0 ? 'an attribute read, which raises where the object has no such attribute: `None`, or an object another module gave' : 'it runs code';
      return `\`${preview(impure)}\` may raise before it (${how}), where the statement then made nothing: a \`with\` header would make it first, and a file opened for writing would be emptied`;
    }
    // Ex) `f(x=open(p).read(), *rest())`: the source shows `rest()` after it; `shelve.open(p)["k"] = f()` too.
    const why = impure.startIndex < child.endIndex ? '' : p.type === 'assignment' ? ', as Python evaluates the value before the target' : ', as Python evaluates `*` arguments before keyword arguments';
    return `\`${preview(impure)}\` runs before it in this statement${why}; a \`with\` header would run it first`;
  }
  return undefined;
}

/**
 * The expression of `stmt` that still runs code once `node` has been evaluated (the call whose argument it
 * is, an operator, an attribute or subscript target it is stored in), or undefined when all that is left is
 * storing it in plain names (`a = b = node`, `x: int = node`, `(y := node)`) or returning it. CPython drops
 * a temporary (closing the file, the generator) right after `node`; a block around the statement closes it
 * only after all of that. `boolResult`: `node` is a bool, so `not` over it runs nothing either.
 */
export function codeRunAfter(node: SyntaxNode, stmt: SyntaxNode, boolResult = false): SyntaxNode | undefined {
  let child = node;
  for (let p = node.parent; p && p.id !== stmt.id; child = p, p = p.parent) {
    if (p.type === 'parenthesized_expression' || p.type === 'expression_statement') continue;
    if (p.type === 'assignment' && p.childForFieldName('right')?.id === child.id) {
      const left = p.childForFieldName('left');
      const annotation = p.childForFieldName('type');
      // (A function's own variable's annotation is never evaluated: `x: check(p) = save(d, open(p, "w"))`)
      if (left?.type === 'identifier' && (!annotation || annotation.namedChildren.every((c) => isPure(c)) || scopeOf(p).type === 'function_definition')) continue;
    }
    if (p.type === 'named_expression' && p.childForFieldName('value')?.id === child.id) continue;
    if (p.type === 'not_operator' && boolResult) continue;
    // Ex) `return next(rows(n)), "tail"` (review rw2): a tuple or list display whose later items are literals runs no
    // code (not a set, whose items are hashed; not a name, which the cleanup may bind: `global x` / `x = 2` in the
    // generator's `finally`, read after it by CPython, review rw7)
    if ((p.type === 'expression_list' || p.type === 'tuple' || p.type === 'list') && p.namedChildren.every((c) => isExtra(c) || c.startIndex < child.endIndex || isLiteral(c))) continue;
    // What runs after is the call or the dictionary a part belongs to, not the part: `f(n=open(p, "w").write(d))`,
    // `{"n": open(p, "w").write(d), "size": os.stat(p).st_size}` (not its `"n": …` pair)
    let at = p;
    while ((at.type === 'argument_list' || at.type === 'keyword_argument' || at.type === 'pair') && at.parent && at.parent.id !== stmt.id) at = at.parent;
    return at;
  }
  // Ex) `save(d, open(p, "w")), check(p)`: the tuple's later items run after it
  if (child.id !== stmt.id && child.parent?.id === stmt.id && isTupleStatement(stmt) && stmt.namedChildren.filter((c) => !isExtra(c)).at(-1)!.id !== child.id) return stmt;
  return undefined;
}

/** A number, a string without fields, `True`, `False`, `None`, `...`, a negative number, or a tuple or list of those. */
function isLiteral(n: SyntaxNode): boolean {
  if (LITERAL_KEYS.has(n.type) || n.type === 'ellipsis') return n.type !== 'string' || !n.namedChildren.some((c) => c.type === 'interpolation');
  if (n.type === 'concatenated_string') return n.namedChildren.every((c) => isExtra(c) || isLiteral(c));
  if (n.type === 'unary_operator') return n.namedChildren.filter((c) => !isExtra(c)).every((c) => c.type === 'integer' || c.type === 'float');
  if (n.type === 'tuple' || n.type === 'list' || n.type === 'parenthesized_expression') return n.namedChildren.every((c) => isExtra(c) || isLiteral(c));
  return false;
}

/** True for an expression statement of several items (`a(), b()`: a tuple, its items the statement's own children). */
function isTupleStatement(stmt: SyntaxNode): boolean {
  return stmt.type === 'expression_statement' && stmt.namedChildren.filter((c) => !isExtra(c)).length > 1;
}

export function preview(node: SyntaxNode, max = 40): string {
  // Only the head of a long node (a left-deep chain of 1,000 `+` shows its prefix for every term).
  const full = node.text;
  let t = (full.length > max * 4 ? full.slice(0, max * 4) : full).replace(/\s+/g, ' ');
  if (t.length <= max && full.length > max * 4) t = full.replace(/\s+/g, ' '); // mostly blanks: all of it
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** True when `node`'s subtree contains a `yield` outside nested functions. */
export function containsYield(node: SyntaxNode): boolean {
  return memoized(yieldCache, node.tree, node.id, () => findsYield(node));
}

/**
 * The first `await` (or `async for`, `async with`) of `node`, not of a function defined in it, that runs once
 * `resource` is made and `user`, the call that is done with it, has returned; `undefined` if none. That is one that
 * ends after the resource starts, or one in a comprehension whose iterable holds it (the element runs after the
 * iterable), and not inside `user`. Ex) `n = await upload(open(p).read())`: CPython closed the file before the
 * coroutine was suspended, a `with` around the statement would hold it open until it resumes.
 */
export function awaitAfter(node: SyntaxNode, resource: SyntaxNode, user: SyntaxNode): SyntaxNode | undefined {
  const text = node.text;
  if (!text.includes('await') && !text.includes('async')) return undefined;
  // Ex) `[await send(l) for l in open(p).readlines()]`
  const comprehensions: SyntaxNode[] = [];
  for (let a = resource.parent; a && a.id !== node.id; a = a.parent) if (COMPREHENSIONS.has(a.type)) comprehensions.push(a);
  // (`async for` and `async with` suspend as `await` does: `[c async for c in chars(open(p).read())]`)
  const suspends = node.descendantsOfType(['await', 'for_in_clause', 'for_statement', 'with_statement']).filter((n) => n.type === 'await' || n.child(0)?.type === 'async');
  return suspends.find((w) => {
    if (w.endIndex <= resource.startIndex && !comprehensions.some((c) => w.startIndex >= c.startIndex && w.endIndex <= c.endIndex)) return false;
    // Ex) `open(p, "wb").write(await data)`: CPython held the file open across it too
    if (w.startIndex >= user.startIndex && w.endIndex <= user.endIndex) return false;
    for (let a = w.parent; a && a.id !== node.id; a = a.parent) {
      // (A default value or an annotation runs where the def or lambda is: `def cb(x=await tick(line)):`)
      if ((a.type === 'lambda' || a.type === 'function_definition') && inOwnCode(w, a, true)) return false;
      // Ex) `g = (await send(l) for l in open(p).readlines())`: only the first iterable runs in the statement
      if (a.type === 'generator_expression' && !inFirstIterable(w, a)) return false;
    }
    return true;
  });
}

/** `node` is inside the first `in` of generator expression `genexp`, which runs when the expression is made. */
function inFirstIterable(node: SyntaxNode, genexp: SyntaxNode): boolean {
  const first = genexp.namedChildren.find((c) => c.type === 'for_in_clause')?.childForFieldName('right');
  return !!first && node.startIndex >= first.startIndex && node.endIndex <= first.endIndex;
}

/**
 * Why a `with` around `stmt` would hold the resource `resource` (of `kind`, done with once `user` returns) while
 * the generator or coroutine it runs in is suspended, or `undefined`: the statement yields, or awaits after
 * `user` (`awaitAfter`). CPython had closed the resource before that.
 */
export function suspendedReason(stmt: SyntaxNode, resource: SyntaxNode, user: SyntaxNode, kind: string): string | undefined {
  if (containsYield(stmt)) return 'the statement yields: a `with` would keep the resource open while the generator is suspended';
  // Ex) `n = await upload(open(p).read())`: CPython closed the file before the coroutine was suspended
  const awaited = awaitAfter(stmt, resource, user);
  if (awaited) return `\`${preview(awaited)}\` suspends the coroutine after the ${kind} is done with: CPython had closed it, a \`with\` would hold it open until the coroutine resumes (many at once run out of file descriptors)`;
  return undefined;
}

// Per tree, per node: every resource call of a statement asks it of the whole statement, which made a
// statement of thousands of `open(p).read()` quadratic.
const yieldCache = new WeakMap<object, Map<number, boolean>>();

function findsYield(node: SyntaxNode): boolean {
  for (const y of node.descendantsOfType('yield')) {
    let nested = false;
    for (let a = y.parent; a && a.id !== node.id; a = a.parent) {
      // (`lambda e=(yield): e` yields where the lambda is made)
      if ((a.type === 'lambda' || a.type === 'function_definition') && inOwnCode(y, a, true)) {
        nested = true;
        break;
      }
    }
    if (!nested) return true;
  }
  return false;
}
