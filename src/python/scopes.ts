// Python scopes over a tree-sitter tree: which names each scope binds, how a name resolves, and
// which names are free for a rewrite to introduce.
import type { SyntaxNode } from '../types.js';
import type { TreeCursor } from 'tree-sitter';
import { declaredNames, globalsWrites, IMPORT_WORD_RE, isAsciiWordChar, isWordCharAt, STAR_IMPORT_RE } from './text.js';
import { memoized } from './memo.js';
import { qualifiedName } from './imports.js';
import { bracketed } from './statements.js';

export type BindingKind = 'import' | 'def' | 'class' | 'assign' | 'param' | 'global' | 'nonlocal' | 'other';

export interface Binding {
  kind: BindingKind;
  /** For imports: the dotted name bound (`gzip`, `io.open`, `.sibling.thing` for a relative import). */
  qualified?: string;
  node: SyntaxNode;
}

export type Resolution =
  | { kind: 'builtin'; name: string }
  | { kind: 'import'; qualified: string; scope: SyntaxNode }
  | { kind: 'local'; bindings: Binding[]; scope: SyntaxNode }
  /** A star import or mixed bindings: nothing can be said. */
  | { kind: 'unknown' };

const FUNCTION_TYPES = new Set(['function_definition', 'lambda']);
const COMPREHENSION_TYPES = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);
const PATTERN_CONTAINERS = new Set([
  'pattern_list',
  'tuple_pattern',
  'list_pattern',
  'tuple',
  'list',
  'parenthesized_expression',
  'list_splat_pattern',
  'list_splat',
  'expression_list',
]);

/** Expressions that bind a name in the scope around them only through a `:=` somewhere inside. */
const PURE_EXPRESSIONS = new Set([
  'call', 'argument_list', 'keyword_argument', 'string', 'concatenated_string', 'binary_operator', 'boolean_operator',
  'comparison_operator', 'unary_operator', 'not_operator', 'attribute', 'subscript', 'slice', 'dictionary', 'pair',
  'list', 'set', 'tuple', 'parenthesized_expression', 'conditional_expression', 'await', 'integer', 'float',
]);

/** The body (or, for a lambda, the expression) that a scope node evaluates in its own scope. */
function scopeBody(scope: SyntaxNode): SyntaxNode | null {
  if (scope.type === 'module') return scope;
  return scope.childForFieldName('body');
}

/** True when `node` lies inside `outer` (or is it). */
export function within(node: SyntaxNode, outer: SyntaxNode | null | undefined): boolean {
  return !!outer && node.startIndex >= outer.startIndex && node.endIndex <= outer.endIndex;
}

/**
 * True when `node` is read lazily by a PEP 695 construct of its block: the value of a `type X = …` statement, or
 * a type parameter's bound or default (`def k[T: bound]()`), which Python evaluates only when asked
 * (`X.__value__`), in a scope that closes over the function's variables, like a lambda.
 */
export function inLazyTypeScope(node: SyntaxNode): boolean {
  for (let a = node.parent; a && a.type !== 'block' && a.type !== 'module'; a = a.parent) {
    if (a.type === 'type_parameter') return true;
    if (a.type === 'type_alias_statement') return within(node, a.childForFieldName('right'));
  }
  return false;
}

/**
 * `from __future__ import annotations` (PEP 563), maybe among other names, in parentheses, over backslashed lines,
 * or after a `;` (`"""Doc."""; from __future__ import annotations`). Where it starts is checked to be code.
 */
const FUTURE_ANNOTATIONS = /(?:^|;)[ \t]*from(?:[ \t]|\\\r?\n)+__future__(?:[ \t]|\\\r?\n)+import(?:[ \t]|\\\r?\n)*(?:\([^)]*\bannotations\b|(?:[^#\r\n\\;]|\\\r?\n)*\bannotations\b)/gm;
const futureMemo = new WeakMap<object, boolean>();

/** True when the module's code (not a string: a docstring may quote it) says `from __future__ import annotations`. */
function saysFutureAnnotations(ctx: { source: string; insideString(offset: number): boolean }): boolean {
  if (!ctx.source.includes('__future__')) return false;
  for (const m of ctx.source.matchAll(FUTURE_ANNOTATIONS)) {
    const at = m.index + m[0].indexOf('from');
    if (!ctx.insideString(at)) return true;
  }
  return false;
}

/**
 * True when `node` lies in an annotation Python never evaluates: a variable's annotation in a function body
 * (`z: open(p).read() = 3`; a class body's runs), or any annotation of a module under `from __future__ import
 * annotations`, which keeps them as strings (a parameter's, a return's, a module or class variable's).
 */
export function inUnevaluatedAnnotation(node: SyntaxNode, ctx: { source: string; insideString(offset: number): boolean }): boolean {
  for (let a: SyntaxNode | null = node.parent; a; a = a.parent) {
    if (a.type === 'block' || a.type === 'module' || a.type === 'lambda') return false;
    if (a.type !== 'type') continue;
    const holder = a.parent;
    if (holder?.type !== 'assignment' && holder?.type !== 'typed_parameter' && holder?.type !== 'typed_default_parameter' && holder?.type !== 'function_definition') continue;
    if (holder.type === 'function_definition' && holder.childForFieldName('return_type')?.id !== a.id) continue;
    if (holder.type === 'assignment' && holder.childForFieldName('type')?.id !== a.id) continue;
    let future = futureMemo.get(node.tree);
    if (future === undefined) futureMemo.set(node.tree, (future = saysFutureAnnotations(ctx)));
    if (future) return true;
    // (A class body runs its annotations, also in a function: `def make(): class D: y: open(p).read()`)
    return holder.type === 'assignment' && FUNCTION_TYPES.has(scopeOf(holder).type);
  }
  return false;
}

/**
 * The innermost scope that `node` is evaluated in: a function (or lambda) whose body holds it, a class
 * whose body holds it, a comprehension, or the module. Decorators and default values belong to the
 * scope around the def, as in Python.
 */
export function scopeOf(node: SyntaxNode): SyntaxNode {
  for (let a = node.parent; a; a = a.parent) {
    if (a.type === 'module') return a;
    if ((FUNCTION_TYPES.has(a.type) || a.type === 'class_definition') && inOwnCode(node, a)) return a;
    if (COMPREHENSION_TYPES.has(a.type)) {
      // Ex) `[f for f in f]`: the first iterable is evaluated in the enclosing scope, where its `f` is the file
      const first = a.namedChildren.find((c) => c.type === 'for_in_clause');
      if (first && within(node, first.childForFieldName('right'))) continue;
      return a;
    }
  }
  return node;
}

/**
 * True when `node`, inside the def, lambda or class `scope`, is that scope's own code: its body, a parameter's
 * name, or a PEP 695 type parameter (evaluated lazily, in a scope of its own). A default value or a base class
 * runs around it, when the `def`, `lambda` or `class` statement does: an `await` or `yield` there suspends the
 * code around it (`def cb(x=await tick()):`, `lambda e=(yield): e`), a read there happens then. A parameter's or
 * the return's annotation runs then before 3.14 and later from it (PEP 649: when `__annotations__` is read), so it
 * counts as the function's own code (a read there may come after the code around has moved on) unless
 * `annotationsRunAround` (an `await` or `yield` there may suspend the code around it).
 */
export function inOwnCode(node: SyntaxNode, scope: SyntaxNode, annotationsRunAround = false): boolean {
  if (within(node, scopeBody(scope))) return true;
  if (within(node, scope.childForFieldName('type_parameters'))) return true;
  if (scope.type === 'function_definition' && within(node, scope.childForFieldName('return_type'))) return !annotationsRunAround;
  const params = scope.type === 'class_definition' ? null : scope.childForFieldName('parameters');
  if (!params || !within(node, params)) return false;
  for (let n: SyntaxNode = node; n.id !== params.id && n.parent; n = n.parent) {
    const p = n.parent;
    if ((p.type === 'default_parameter' || p.type === 'typed_default_parameter') && p.childForFieldName('value')?.id === n.id) return false;
    if ((p.type === 'typed_parameter' || p.type === 'typed_default_parameter') && p.childForFieldName('type')?.id === n.id) return !annotationsRunAround;
  }
  return true;
}

/** The parts of the def, lambda or class `scope` that may run around it, when it is defined: defaults, annotations (before 3.14), bases. */
export function partsRunAround(scope: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  if (scope.type === 'class_definition') {
    const bases = scope.childForFieldName('superclasses');
    if (bases) out.push(bases);
    return out;
  }
  for (const p of scope.childForFieldName('parameters')?.namedChildren ?? []) {
    const value = p.type === 'default_parameter' || p.type === 'typed_default_parameter' ? p.childForFieldName('value') : null;
    const type = p.type === 'typed_parameter' || p.type === 'typed_default_parameter' ? p.childForFieldName('type') : null;
    if (type) out.push(type);
    if (value) out.push(value);
  }
  const ret = scope.type === 'function_definition' ? scope.childForFieldName('return_type') : null;
  if (ret) out.push(ret);
  return out;
}

// Per tree, per node: resource-flow asks it of every read of a variable for every assignment to it.
const ownerCache = new WeakMap<object, Map<number, SyntaxNode>>();

/** The function or module that owns `node`: class bodies and comprehensions are looked through. */
export function functionOrModuleOf(node: SyntaxNode): SyntaxNode {
  return memoized(ownerCache, node.tree, node.id, () => {
    let scope = scopeOf(node);
    while (scope.type !== 'module' && !FUNCTION_TYPES.has(scope.type)) scope = scopeOf(scope);
    return scope;
  });
}

function addTargets(target: SyntaxNode, kind: BindingKind, out: Map<string, Binding[]>): void {
  forEachTargetName(target, (id) => push(out, id.text, { kind, node: id }));
}

/** Each identifier the target `target` binds (`f`, `f, g = …`, `[a, *rest]`, `del f, g`'s list). */
export function forEachTargetName(target: SyntaxNode, visit: (id: SyntaxNode) => void): void {
  if (target.type === 'identifier') visit(target);
  else if (PATTERN_CONTAINERS.has(target.type) || target.type === 'as_pattern_target') for (const c of target.namedChildren) forEachTargetName(c, visit);
}

/**
 * `name` as Python reads an identifier (PEP 3131: NFKC): `ｏｐｅｎ` and `ｆ` are `open` and `f`. ASCII names as they are.
 */
export function identifierKey(name: string): string {
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) > 127) return name.normalize('NFKC');
  return name;
}

function push(out: Map<string, Binding[]>, written: string, b: Binding): void {
  const name = identifierKey(written);
  const list = out.get(name);
  if (list) list.push(b);
  else out.set(name, [b]);
}

function dottedText(n: SyntaxNode | null): string {
  return n ? n.text.replace(/\s+/g, '') : '';
}

function addImport(stmt: SyntaxNode, out: Map<string, Binding[]>): void {
  if (stmt.type === 'import_statement') {
    for (const item of stmt.namedChildren) {
      if (item.type === 'dotted_name') {
        // `import a.b.c` binds `a`.
        const first = item.namedChildren[0]?.text ?? item.text;
        push(out, first, { kind: 'import', qualified: first, node: stmt });
      } else if (item.type === 'aliased_import') {
        const alias = item.childForFieldName('alias');
        if (alias) push(out, alias.text, { kind: 'import', qualified: dottedText(item.childForFieldName('name')), node: stmt });
      }
    }
    return;
  }
  // import_from_statement
  const moduleNode = stmt.childForFieldName('module_name');
  const module = dottedText(moduleNode);
  for (const item of stmt.namedChildren) {
    if (item.id === moduleNode?.id) continue;
    if (item.type === 'wildcard_import') {
      push(out, '*', { kind: 'import', qualified: `${module}.*`, node: stmt });
    } else if (item.type === 'dotted_name') {
      push(out, item.text, { kind: 'import', qualified: joinModule(module, item.text), node: stmt });
    } else if (item.type === 'aliased_import') {
      const alias = item.childForFieldName('alias');
      const name = dottedText(item.childForFieldName('name'));
      if (alias) push(out, alias.text, { kind: 'import', qualified: joinModule(module, name), node: stmt });
    }
  }
}

function joinModule(module: string, name: string): string {
  return module.endsWith('.') ? module + name : `${module}.${name}`;
}

function addParameters(params: SyntaxNode | null, out: Map<string, Binding[]>): void {
  if (!params) return;
  for (const p of params.namedChildren) {
    let name: SyntaxNode | null = null;
    if (p.type === 'identifier') name = p;
    else if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') name = p.childForFieldName('name');
    else if (p.type === 'typed_parameter') name = p.namedChildren.find((c) => c.type === 'identifier' || c.type.endsWith('splat_pattern')) ?? null;
    else if (p.type === 'list_splat_pattern' || p.type === 'dictionary_splat_pattern') name = p.namedChildren[0] ?? null;
    if (name?.type === 'list_splat_pattern' || name?.type === 'dictionary_splat_pattern') name = name.namedChildren[0] ?? null;
    if (name?.type === 'identifier') push(out, name.text, { kind: 'param', node: name });
  }
}

// The walk below goes through a TreeCursor: it makes no node object for the many nodes it only passes
// (an expression's parts), where `namedChildren` makes and registers one for every child. Nodes are made
// only where a binding is read. It visits in the order the bindings are listed: document order, except that
// the parts of a def or class evaluated in this scope (decorators, defaults, bases, annotations) and a
// lambda's defaults are visited from the last to the first.

/** Per tree parsed by `parsePython`, whether its text says `:=` anywhere (most say it nowhere). */
const treeSaysWalrus = new WeakMap<object, boolean>();

/** Called by `parsePython` with each tree and the text it was parsed from. */
export function noteParsedText(tree: object, text: string): void {
  treeSaysWalrus.set(tree, text.includes(':='));
}

/** Whether the text of the node under `c` says `:=`: asked of the tree first, which knows when its whole text does not. */
function saysWalrus(c: TreeCursor): boolean {
  return treeSaysWalrus.get((c as TreeCursor & { tree: object }).tree) !== false && c.nodeText.includes(':=');
}

/** The bindings under `node` (the cursor on it), in this scope; the cursor is left on `node`. */
function visitAt(c: TreeCursor, out: Map<string, Binding[]>): void {
  const type = c.nodeType;
  switch (type) {
    case 'function_definition':
    case 'class_definition': {
      const n = c.currentNode;
      const name = n.childForFieldName('name');
      if (name) push(out, name.text, { kind: type === 'class_definition' ? 'class' : 'def', node: n });
      // Decorators, defaults, bases and annotations are evaluated here; the body is not. Only a `:=` binds in
      // them (a lambda or comprehension there is a scope of its own, whose walrus binds here): none, nothing to
      // visit, unless the parse went wrong in there (an ERROR child may hold statements).
      if (!saysWalrus(c) && !n.hasError) return;
      const rest = n.namedChildren.filter((ch) => ch.type !== 'block' && ch.id !== name?.id);
      for (let i = rest.length - 1; i >= 0; i--) visitNode(rest[i]!, out);
      return;
    }
    case 'lambda': {
      const values: SyntaxNode[] = [];
      for (const p of c.currentNode.childForFieldName('parameters')?.namedChildren ?? []) {
        const v = p.type === 'default_parameter' ? p.childForFieldName('value') : null;
        if (v) values.push(v);
      }
      for (let i = values.length - 1; i >= 0; i--) visitNode(values[i]!, out);
      return;
    }
    case 'list_comprehension':
    case 'set_comprehension':
    case 'dictionary_comprehension':
    case 'generator_expression':
      // The first iterable is evaluated in the enclosing scope; walrus targets inside bind here too.
      if (!saysWalrus(c)) return;
      for (const w of c.currentNode.descendantsOfType('named_expression')) {
        const name = w.childForFieldName('name');
        if (name) push(out, name.text, { kind: 'assign', node: w });
      }
      return;
    case 'import_statement':
    case 'import_from_statement':
      addImport(c.currentNode, out);
      return;
    case 'future_import_statement':
    case 'delete_statement':
      return;
    case 'assignment':
    case 'augmented_assignment':
    case 'for_statement': {
      const left = c.currentNode.childForFieldName('left');
      if (left) addTargets(left, 'assign', out);
      break;
    }
    case 'as_pattern_target':
      addTargets(c.currentNode, 'assign', out);
      return;
    case 'with_item': {
      // Ex) `with (open(p) as f):` (Python 3.9 on): the `as` pattern in brackets, which the walk below passes over
      // as an expression (review rw4: `f` read after the block was taken for a global). (The value's type read from
      // the cursor: no node made for the many items that are no brackets)
      if (!c.gotoFirstChild()) return;
      const inBrackets = c.nodeType === 'parenthesized_expression';
      c.gotoParent();
      if (!inBrackets) break;
      let v = c.currentNode.childForFieldName('value');
      while (v?.type === 'parenthesized_expression') v = bracketed(v) ?? null;
      const alias = v?.type === 'as_pattern' && v.id !== c.currentNode.childForFieldName('value')?.id ? v.childForFieldName('alias') : null;
      if (alias) addTargets(alias, 'assign', out);
      break;
    }
    case 'case_pattern':
      // Ex) `case {"source": rows}:` binds `rows`
      addCaptures(c.currentNode, out);
      return;
    case 'named_expression': {
      const n = c.currentNode;
      const name = n.childForFieldName('name');
      if (name) push(out, name.text, { kind: 'assign', node: n });
      break;
    }
    case 'global_statement':
    case 'nonlocal_statement': {
      const n = c.currentNode;
      for (const id of n.namedChildren) {
        if (id.type === 'identifier') push(out, id.text, { kind: type === 'global_statement' ? 'global' : 'nonlocal', node: n });
      }
      return;
    }
    default:
      // Ex) a call, a dict literal: inside an expression only `:=` binds (comprehension and lambda
      // scopes are handled above and end at their own node), so one without it holds no binding.
      if (PURE_EXPRESSIONS.has(type) && !saysWalrus(c)) return;
      break;
  }
  if (!c.gotoFirstChild()) return;
  do {
    if (c.nodeIsNamed) visitAt(c, out);
  } while (c.gotoNextSibling());
  c.gotoParent();
}

/**
 * The names a `match` pattern binds: a capture (`rows`, a dotted name of one part that is no `_`), `*rest` and
 * `**rest`, and the name after `as`. A value pattern (`Color.RED`) and a class pattern's class bind nothing.
 */
function addCaptures(pattern: SyntaxNode, out: Map<string, Binding[]>): void {
  for (const n of [pattern, ...pattern.descendantsOfType(['dotted_name', 'splat_pattern', 'as_pattern'])]) {
    let id: SyntaxNode | undefined;
    if (n.type === 'dotted_name') {
      const parent = n.parent?.type;
      if ((parent === 'case_pattern' || parent === 'keyword_pattern') && n.namedChildCount === 1) id = n.namedChildren[0];
    } else if (n.type === 'splat_pattern') id = n.namedChildren.find((x) => x.type === 'identifier');
    else if (n.type === 'as_pattern' && n.parent?.type === 'case_pattern') id = n.namedChildren.filter((x) => x.type === 'identifier').at(-1);
    if (id?.type === 'identifier' && id.text !== '_') push(out, id.text, { kind: 'assign', node: id });
  }
}

function visitNode(node: SyntaxNode, out: Map<string, Binding[]>): void {
  visitAt(node.walk(), out);
}

/**
 * Calls `found(text, cursor)` for every identifier under `node` (itself included), in document order, with
 * a cursor rather than a node object per identifier (`descendantsOfType` makes one for each).
 */
function eachIdentifier(node: SyntaxNode, found: (text: string, c: TreeCursor) => void): void {
  const c = node.walk();
  for (;;) {
    if (c.nodeType === 'identifier') found(c.nodeText, c);
    if (c.gotoFirstChild()) continue;
    while (!c.gotoNextSibling()) if (!c.gotoParent()) return;
  }
}

/** A character beyond ASCII. */
const NON_ASCII = /[^\x00-\x7f]/;

let lastFolds: { text: string; folds: boolean } | undefined;

/**
 * True when NFKC changes `source` (`ｆ`, `ﬁ`): only then may an identifier be spelt otherwise than Python reads it. (An
 * `é` in a comment or a name is NFKC already.) Kept for the last text asked: every name of one file asks of it.
 */
function foldsAnything(source: string): boolean {
  if (lastFolds?.text !== source) lastFolds = { text: source, folds: NON_ASCII.test(source) && source.normalize('NFKC') !== source };
  return lastFolds.folds;
}

/**
 * The identifiers under `node` (itself included) whose text is `name`, in document order. Given the text the
 * tree was parsed from, it looks only where the text says `name` (a node for each place, checked to be an
 * identifier spanning exactly it) instead of walking every node of a function or module.
 */
export function identifiersNamed(node: SyntaxNode, name: string, source?: string): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  // Ex) `return ｉｔ`: Python folds identifiers by NFKC (PEP 3131), so it reads `it`; in a text NFKC changes, a node with
  // a character beyond ASCII is walked, each identifier folded
  if (source === undefined || name.length === 0 || (foldsAnything(source) && NON_ASCII.test(source.slice(node.startIndex, node.endIndex)))) {
    const key = identifierKey(name);
    eachIdentifier(node, (text, c) => {
      if (text === name || identifierKey(text) === key) out.push(c.currentNode);
    });
    return out;
  }
  const end = node.endIndex;
  for (let at = source.indexOf(name, node.startIndex); at >= 0 && at + name.length <= end; at = source.indexOf(name, at + 1)) {
    // Ex) `f` in `if`, `def`, `self.fh`: no token starts or ends beside an ASCII letter, digit or `_`.
    if (at > 0 && isAsciiWordChar(source.charCodeAt(at - 1))) continue;
    if (isAsciiWordChar(source.charCodeAt(at + name.length))) continue;
    const id = node.descendantForIndex(at, at + name.length);
    if (id.type === 'identifier' && id.startIndex === at && id.endIndex === at + name.length) out.push(id);
  }
  return out;
}

/** Every name a scope binds, without looking into the scopes nested in it. */
export function collectBindings(scope: SyntaxNode): Map<string, Binding[]> {
  const out = new Map<string, Binding[]>();
  if (FUNCTION_TYPES.has(scope.type)) addParameters(scope.childForFieldName('parameters'), out);
  if (COMPREHENSION_TYPES.has(scope.type)) {
    for (const clause of scope.namedChildren) {
      if (clause.type === 'for_in_clause') {
        const left = clause.childForFieldName('left');
        if (left) addTargets(left, 'assign', out);
      }
    }
    return out;
  }
  const body = scopeBody(scope);
  if (!body) return out;
  if (scope.type === 'lambda') visitNode(body, out);
  else {
    // One cursor over the body's statements (a cursor and a node object per statement cost more than the visit)
    const c = body.walk();
    if (c.gotoFirstChild()) {
      do {
        if (c.nodeIsNamed) visitAt(c, out);
      } while (c.gotoNextSibling());
    }
  }
  // `except E as e` in older grammars names the target without as_pattern_target.
  return out;
}

/** Memoised name facts for one parsed file. */
export class NameIndex {
  private readonly bindingCache = new Map<number, Map<string, Binding[]>>();
  private readonly identifierCache = new Map<number, Set<string>>();
  private readonly reserved = new Map<number, Set<string>>();
  /** Per scope and base name, the number `freshName` tries first. */
  private readonly nextNumber = new Map<string, number>();

  /** Per name: whether the source may bind it somewhere (see `mayBind`). */
  private readonly bindable = new Map<string, boolean>();
  private folded: string | undefined;

  /** The source with every character Python's identifiers fold (NFKC) folded: itself when none is (most files). */
  private foldedSource(): string | undefined {
    if (this.source === undefined) return undefined;
    if (this.folded === undefined) {
      this.folded = /[^\x00-\x7f]/.test(this.source) ? this.source.normalize('NFKC') : this.source;
    }
    return this.folded;
  }
  private readonly bindableIn = new Map<number, Map<string, boolean>>();
  private starImport: boolean | undefined;

  /**
   * `onModuleWide` is called when a question needs every name of the module (`identifiers` of the module,
   * so `freshName` there): a partial tree (src/python/outline.ts) cannot answer it. `source`, the whole
   * file's text, lets `resolve` answer a name the text never binds (`open`, mostly) without collecting the
   * bindings of every scope up to the module.
   */
  constructor(
    readonly root: SyntaxNode,
    private readonly onModuleWide: () => void = () => {},
    private readonly source?: string,
  ) {}

  bindings(scope: SyntaxNode): Map<string, Binding[]> {
    let b = this.bindingCache.get(scope.id);
    if (!b) {
      b = collectBindings(scope);
      this.bindingCache.set(scope.id, b);
    }
    return b;
  }

  /** How `name`, read at `at`, resolves: builtin, an import, a local binding, or unknown. */
  resolve(written: string, at: SyntaxNode): Resolution {
    const name = identifierKey(written);
    if (this.source !== undefined && !this.mayBind(name)) return this.builtinOrUnknown(name);
    let scope = scopeOf(at);
    let first = true;
    for (;;) {
      // A class body's names are not visible inside the functions nested in it.
      // Ex) `os` in `os.path.join(p)` in a function: its text never binds `os`, so its bindings are not collected.
      if ((scope.type !== 'class_definition' || first) && (scope.type === 'module' || this.mayBindIn(scope, name))) {
        const found = this.bindings(scope).get(name);
        if (found) {
          const declared = found.find((b) => b.kind === 'global' || b.kind === 'nonlocal');
          if (declared?.kind === 'global') {
            scope = this.root;
            first = false;
            const g = this.bindings(this.root).get(name);
            return g ? this.classifyBound(name, g, this.root) : this.builtinOrUnknown(name);
          }
          if (!declared) return this.classifyBound(name, found, scope);
        }
      }
      if (scope.type === 'module') break;
      first = false;
      scope = scopeOf(scope);
    }
    return this.builtinOrUnknown(name);
  }

  /**
   * `classify`, but an import the code may bind again where its statements do not show it is unknown: at the
   * module's level, one a `global` statement or a `globals()` write names (`def setup(): global gzip; gzip = Fake`);
   * in a function, one a `nonlocal` statement names. (Not one a later star import might replace: `import gzip` then
   * `from .errors import *` is common, a module exporting the name `gzip` is not; generators' names are stricter.)
   */
  private classifyBound(name: string, found: Binding[], scope: SyntaxNode): Resolution {
    const r = classify(found, scope);
    if (r.kind !== 'import') return r;
    return (scope.type === 'module' ? this.declaredGlobal(name) : this.declaredNonlocal(name)) ? { kind: 'unknown' } : r;
  }

  private builtinOrUnknown(name: string): Resolution {
    // Ex) `def setup(): global open; open = Reader`: once `setup()` has run, `open` is that module global.
    if (this.declaredGlobal(name)) return { kind: 'unknown' };
    if (this.source !== undefined) {
      this.starImport ??= STAR_IMPORT_RE.test(this.source) && this.bindings(this.root).has('*');
      return this.starImport ? { kind: 'unknown' } : { kind: 'builtin', name };
    }
    return this.bindings(this.root).has('*') ? { kind: 'unknown' } : { kind: 'builtin', name };
  }

  /** The whole file's text. */
  get text(): string {
    return this.source ?? this.root.text;
  }

  /** True when a `global` statement of the file names `name` (read from the text: a mention in a string too). */
  declaredGlobal(name: string): boolean {
    const text = this.source ?? this.root.text;
    // Ex) `globals()["open"] = Reader`: set through the module's namespace (by its name: `globals().update(kw)`
    // and `globals()[name] = …` are taken to register other names, or every module that has one would lose `open`)
    return declaredNames.global(text).has(name) || globalsWrites(text).names.has(name);
  }

  /** True when a `nonlocal` statement of the file names `name` (read from the text: a mention in a string too). */
  declaredNonlocal(name: string): boolean {
    return declaredNames.nonlocal(this.source ?? this.root.text).has(name);
  }

  /** `mayBind` for the text of one scope (a function, class, lambda or comprehension, nested scopes included). */
  private mayBindIn(scope: SyntaxNode, name: string): boolean {
    // (A text that spells a name otherwise than Python reads it, `def ｏｐｅｎ(p):`, is not searched by offsets)
    if (this.source === undefined || this.foldedSource() !== this.source) return true;
    let names = this.bindableIn.get(scope.id);
    if (!names) {
      names = new Map();
      this.bindableIn.set(scope.id, names);
    }
    let may = names.get(name);
    if (may === undefined) {
      may = textMayBind(this.source, name, scope.startIndex, scope.endIndex);
      names.set(name, may);
    }
    return may;
  }

  /**
   * False when no scope of the file can bind `name`: each place the word stands in the text (strings and
   * comments included) is a call (`open(`, but not `def open(` or `class open(`), an attribute's object
   * (`open.x`, but not in a line that says `import`), a subscript (`open[i]`) or an attribute's name
   * (`x.open`). Any other place (`open =`, `import open`, `as open`, a parameter, `global open`) may bind
   * it, and `resolve` then asks the scopes.
   */
  private mayBind(name: string): boolean {
    let may = this.bindable.get(name);
    if (may === undefined) {
      may = textMayBind(this.foldedSource()!, name);
      this.bindable.set(name, may);
    }
    return may;
  }

  /**
   * True when `scope` calls `eval` or `exec` through an attribute (`builtins.eval("f(1)")`, `b.exec(src)` after
   * `import builtins as b`): the attribute's name is no identifier of the scope.
   */
  private evaluatesByAttribute(scope: SyntaxNode): boolean {
    if (!/\.[ \t]*(?:eval|exec)\b/.test(this.source?.slice(scope.startIndex, scope.endIndex) ?? scope.text)) return false;
    return scope.descendantsOfType('attribute').some((a) => {
      const q = /^(?:eval|exec)$/.test(a.childForFieldName('attribute')?.text ?? '') ? qualifiedName(this, a) : undefined;
      return q === 'builtins.eval' || q === 'builtins.exec';
    });
  }

  /** Every name written in `scope`'s subtree, nested scopes included (attribute names excepted). */
  identifiers(scope: SyntaxNode): Set<string> {
    if (scope.type === 'module') this.onModuleWide();
    let ids = this.identifierCache.get(scope.id);
    if (!ids) {
      const found = new Set<string>();
      // Ex) `x.gen`: `gen` is an attribute name, not a name of this scope (only `attribute` nodes have that field)
      eachIdentifier(scope, (text, c) => {
        if (c.currentFieldName === 'attribute') return;
        found.add(text);
        // Ex) `ｆ = "keep"`: Python's `f`, which a new `f` would rebind
        const key = identifierKey(text);
        if (key !== text) found.add(key);
      });
      ids = found;
      this.identifierCache.set(scope.id, ids);
    }
    return ids;
  }

  /**
   * A name that nothing in the function (or module) around `at` binds or reads, nested scopes included (and
   * nothing in the module, where the function says `eval` or `exec`), and that no other fix of this pass has
   * taken: the first free candidate, else the first numbered. `keywordsOnly`: names the caller found written only
   * as keyword-argument names, which read and bind nothing.
   */
  freshName(at: SyntaxNode, candidates: readonly string[], moduleAvoids?: () => ReadonlySet<string>, keywordsOnly?: ReadonlySet<string>): string {
    const scope = functionOrModuleOf(at);
    let used = this.identifiers(scope);
    // Ex) `gen` at the top level of a package's `__init__.py` beside `gen.py`: importing `pkg.gen` binds the
    // package attribute `gen`, which a new global of that name would take over.
    const avoid = scope.type === 'module' ? moduleAvoids?.() : undefined;
    if (avoid?.size) used = new Set([...used, ...avoid]);
    // Ex) `eval("f(1)")` in a function: a string may read a global the new local would hide, so no name of the
    // module either (the candidates are no builtins' names).
    if (scope.type !== 'module' && (used.has('eval') || used.has('exec') || this.evaluatesByAttribute(scope))) used = new Set([...used, ...this.identifiers(this.root)]);
    let taken = this.reserved.get(scope.id);
    if (!taken) {
      taken = new Set();
      this.reserved.set(scope.id, taken);
    }
    // A name written only as a keyword is free, unless a submodule of the package takes it (`avoid`)
    const free = (n: string) => (!used.has(n) || (keywordsOnly?.has(n) === true && !avoid?.has(n))) && !taken!.has(n) && !PYTHON_RESERVED.has(n);
    let pick = candidates.find(free);
    if (!pick) {
      // Numbered from where the last search in this scope stopped: the numbers below are all taken (the
      // names used stay, the names taken only grow), and thousands of fixes in one module searched them again.
      const base = candidates[0] ?? 'tmp';
      const key = `${scope.id} ${base}`;
      let i = this.nextNumber.get(key) ?? 2;
      while (!free(`${base}${i}`)) i++;
      pick = `${base}${i}`;
      this.nextNumber.set(key, i + 1);
    }
    taken.add(pick);
    return pick;
  }
}

const isBlank = (ch: string | undefined) => ch === ' ' || ch === '\t' || ch === '\f';

/**
 * The last position before `at` that is not a blank or a backslash continuation. A plain line break stops it:
 * the line before may end in a comment (`# see x.`) or be another statement.
 */
function skipBack(source: string, at: number): number {
  for (;;) {
    while (at >= 0 && isBlank(source[at])) at--;
    const nl = source[at] === '\n' ? (source[at - 1] === '\r' ? at - 1 : at) : -1;
    if (nl < 1 || source[nl - 1] !== '\\') return at;
    at = nl - 2;
  }
}

/** The first position from `at` that is not a blank or a backslash continuation (a line break stops it). */
function skipForward(source: string, at: number): number {
  for (;;) {
    while (at < source.length && isBlank(source[at])) at++;
    if (source[at] !== '\\') return at;
    if (source[at + 1] === '\n') at += 2;
    else if (source[at + 1] === '\r' && source[at + 2] === '\n') at += 3;
    else return at;
  }
}

/** Where the physical line holding `at` starts, going back over lines a backslash continues. */
function logicalLineStart(source: string, at: number): number {
  let start = source.lastIndexOf('\n', at - 1);
  while (start > 0 && (source[start - 1] === '\\' || (source[start - 1] === '\r' && source[start - 2] === '\\'))) start = source.lastIndexOf('\n', start - 1);
  return start + 1;
}

/** See `NameIndex.mayBind`: whether `source[from, to)` may bind `name`. */
export function textMayBind(source: string, name: string, from = 0, to = source.length): boolean {
  for (let at = source.indexOf(name, from); at >= 0 && at + name.length <= to; at = source.indexOf(name, at + 1)) {
    const end = at + name.length;
    // Only the whole word: `reopen`, `open_file` and `opened` are other names.
    if ((at > 0 && isWordCharAt(source, at - 1)) || isWordCharAt(source, end)) continue;
    const before = skipBack(source, at - 1);
    if (source[before] === '.') continue; // an attribute's name (or a relative module, which binds nothing itself)
    const next = source[skipForward(source, end)];
    // `import os.path` binds `os`: a dotted name in a line that says `import` may bind its head.
    if (next === '.' && !IMPORT_WORD_RE.test(source.slice(logicalLineStart(source, at), at))) continue;
    if (next === '(' || next === '[') {
      // `def open(`, `class open(`, `def open[T](` and `type open[T] = …` bind.
      const word = /([\p{L}\p{N}_]+)$/u.exec(source.slice(Math.max(0, before - 16), before + 1))?.[1];
      if (word !== 'def' && word !== 'class' && word !== 'type') continue;
    }
    return true;
  }
  return false;
}

function classify(found: Binding[], scope: SyntaxNode): Resolution {
  if (found.every((b) => b.kind === 'import')) {
    const q = new Set(found.map((b) => b.qualified));
    if (q.size === 1) return { kind: 'import', qualified: found[0]!.qualified!, scope };
    return { kind: 'unknown' };
  }
  return { kind: 'local', bindings: found, scope };
}

const PYTHON_RESERVED = new Set(
  ('False None True and as assert async await break class continue def del elif else except finally for from global if ' +
    'import in is lambda nonlocal not or pass raise return try while with yield match case type _ print exec').split(' '),
);
