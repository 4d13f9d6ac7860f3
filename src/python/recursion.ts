// Whether the code a `with` would hold runs the function it is in again (a recursion), where each level would hold
// its resource through every level below: open-loop's and open-chain's (and open-argument's) reason not to fix.
import type { FileContext, SyntaxNode } from '../types.js';
import { decoratorText, isExtra, ownerClass } from './statements.js';
import { escapeRegExp } from './text.js';
import { identifierKey } from './scopes.js';
import { lastTextMemo } from './memo.js';

/**
 * A call of `stmt` that `runsAfter` accepts (code that runs while a `with` would hold the resource, where CPython
 * had closed it) of the function (or method: `self.m(…)`, `cls.m(…)`, `Class.m(…)`) `anchor` is in, or of a
 * function of the module (a method of its class) that calls it; `undefined` if none. `anchor` is also the node
 * the enclosing call of a mention is looked for within. Ex) open-loop: a call in the loop's own code (a `for`
 * statement's body; a comprehension's element, conditions and later clauses); open-chain: a call that runs after
 * `open(p).read()` returned.
 */
export function recursiveCall(ctx: FileContext, anchor: SyntaxNode, stmt: SyntaxNode, runsAfter: (c: SyntaxNode) => boolean): SyntaxNode | undefined {
  const loop = anchor;
  let fn: SyntaxNode | null = loop.parent;
  while (fn && fn.type !== 'function_definition' && fn.type !== 'lambda' && fn.type !== 'class_definition' && fn.type !== 'module') fn = fn.parent;
  const name = fn?.type === 'function_definition' ? fn.childForFieldName('name')?.text : undefined;
  const cls = fn?.type === 'function_definition' ? ownerClass(fn) : undefined;
  const owner = cls?.childForFieldName('name')?.text;
  if (!name || !fn) return undefined;
  // The method's class or instance as the code may spell it: `self`, `cls`, its own first parameter (`klass`, `this`;
  // not a `@staticmethod`'s), `type(self)`, `self.__class__`, the class's name, also dotted (`Outer.Inner`) or made
  // (`Loader()`)
  const decorators = fn.parent?.type === 'decorated_definition' ? fn.parent.namedChildren.filter((c) => c.type === 'decorator').map((d) => decoratorText(d).replace(/\s+/g, '')) : [];
  const isStatic = decorators.some((d) => /^@(?:\w+\.)*staticmethod$/.test(d));
  const firstParameter = isStatic ? undefined : fn.childForFieldName('parameters')?.namedChildren.find((c) => !isExtra(c))?.text.replace(/[:=].*$/s, '').trim();
  const selves = new Set(['self', 'cls', ...(owner !== undefined && firstParameter && /^\w+$/.test(firstParameter) ? [firstParameter] : [])]);
  const isOwner = (object: string) =>
    selves.has(object) ||
    (owner !== undefined && (object === owner || object.endsWith(`.${owner}`) || object.startsWith(`${owner}(`) || object.startsWith('super('))) ||
    [...selves].some((s) => object === `type(${s})` || object === `${s}.__class__`);
  // `X.method` with X the class or instance (a call, or the bound method handed on: `map(self.load, …)`)
  const namesMethod = (n: SyntaxNode, method: string) => {
    const object = n.type === 'attribute' && n.childForFieldName('attribute')?.text === method ? n.childForFieldName('object')?.text.replace(/\s+/g, '') : undefined;
    return object !== undefined && isOwner(object);
  };
  // The function itself: in a method, `X.name` (a bare `name` there is the module's, not the method); in a function,
  // its bare name too, called or handed on (`map(include, lines)`, `again = include`)
  // (Not a keyword's name: `f(include=True)`)
  const isName = (n: SyntaxNode, word: string) =>
    n.type === 'identifier' && n.text === word && n.parent?.type !== 'attribute' && !(n.parent?.type === 'keyword_argument' && n.parent.childForFieldName('name')?.id === n.id);
  // (A name the function binds itself is its local, in all its code: `include = line.strip()`, a parameter `def
  // size(path, size=0)`; a lambda's parameter is the lambda's: `lambda include: include + 1`)
  const bindsItself = (ctx.names.bindings(fn).get(identifierKey(name)) ?? []).some((b) => b.kind !== 'global' && b.kind !== 'nonlocal');
  const lambdaParameter = (n: SyntaxNode) => {
    for (let p = n.parent; p && p.id !== fn.id; p = p.parent) if (p.type === 'lambda' && p.childForFieldName('parameters')?.descendantsOfType('identifier').some((i) => i.text === n.text)) return true;
    return false;
  };
  const namesIt = (n: SyntaxNode) => (owner === undefined && !bindsItself && isName(n, name) && !lambdaParameter(n)) || namesMethod(n, name);
  // Ex) `getattr(self, "scan")(…)`; `again = self.walk` in the function, then `again(…)` in the loop
  const byGetattr = (n: SyntaxNode) =>
    n.type === 'call' && n.childForFieldName('function')?.text === 'getattr' && (() => {
      const args = n.childForFieldName('arguments')?.namedChildren.filter((c) => !isExtra(c)) ?? [];
      return args.length >= 2 && (owner === undefined ? false : isOwner(args[0]!.text.replace(/\s+/g, ''))) && /^(['"])(\w+)\1$/.exec(args[1]!.text)?.[2] === name;
    })();
  const aliases = new Set<string>();
  // Ex) `_aliased = aliased`, `_again = lambda p, d: aliased(p, d)` in the module (read from the text, which is whole
  // on a partial tree too)
  if (owner === undefined && !bindsItself) for (const a of moduleAliases(ctx.source, name)) aliases.add(a);
  for (const a of fn.childForFieldName('body')?.descendantsOfType('assignment') ?? []) {
    const left = a.childForFieldName('left');
    const right = a.childForFieldName('right');
    if (left?.type === 'identifier' && right && (namesIt(right) || byGetattr(right))) aliases.add(left.text);
  }
  const named = (n: SyntaxNode) => namesIt(n) || byGetattr(n) || (aliases.has(n.text) && isName(n, n.text));
  const mentions = (n: SyntaxNode) => [...n.descendantsOfType(['identifier', 'attribute', 'call'])].filter(named);
  const outside = runsAfter;
  const enclosingCall = (n: SyntaxNode) => {
    for (let p: SyntaxNode | null = n; p && p.id !== loop.id; p = p.parent) if (p.type === 'call') return p;
    return n;
  };
  // The whole statement the `with` would hold (`stmt`): the loop's body, its `else:`, the rest of its iterable, the
  // rest of the statement around a comprehension (`len([…]) + include(q)`); not what runs before the resource is made
  const direct = stmt.text.includes(name) || aliases.size ? mentions(stmt).find(outside) : undefined;
  if (direct) return enclosingCall(direct);
  // Ex) `include` → `handle(line)` → `include(other)`: a function of the module the loop's code calls, which calls
  // the loop's own (one step between; farther is not followed); also a method of its class: `self.handle(line)` →
  // `self.load(other)`
  const calls = (n: SyntaxNode) => [...(n.type === 'call' ? [n] : []), ...n.descendantsOfType('call')];
  let root = loop;
  while (root.parent) root = root.parent;
  // The module's functions, read once a callee may be one (on a partial tree, the engine parses the file whole and
  // checks again); the function's own nested ones (`def again(d): return nested(path, d)`) first
  const nested = functionsIn(fn.childForFieldName('body'));
  let defs: Map<string, SyntaxNode> | undefined;
  let methods: Map<string, SyntaxNode> | undefined;
  for (const c of calls(stmt)) {
    if (!outside(c)) continue;
    const callee = c.childForFieldName('function');
    const method = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : undefined;
    let def: SyntaxNode | undefined;
    if (callee?.type === 'identifier' && callee.text !== name) {
      def = nested.get(callee.text);
      if (!def && !defs && definedNames(ctx.source).has(callee.text)) {
        ctx.readsBeyondFunction();
        defs = functionsIn(root);
      }
      def ??= defs?.get(callee.text);
    }
    else if (cls && method !== undefined && method !== name && namesMethod(callee!, method)) {
      // (The class's other methods: on a partial tree, the engine parses the class whole and checks again)
      if (!methods) {
        ctx.readsBeyondFunction(cls);
        methods = functionsIn(cls.childForFieldName('body'));
      }
      def = methods.get(method);
    }
    const body: SyntaxNode | null | undefined = def?.childForFieldName('body');
    if (body?.text.includes(name) && mentions(body).length) return c;
  }
  return undefined;
}

/** Per text, by function name: its aliases (`moduleAliasPattern`), read once (a module of 2,000 statements asks each). */
const aliasesByName = lastTextMemo((_text: string) => new Map<string, string[]>());

function moduleAliases(text: string, name: string): string[] {
  const known = aliasesByName(text);
  let found = known.get(name);
  if (!found) known.set(name, (found = [...text.matchAll(moduleAliasPattern(name))].map((m) => m[1]!)));
  return found;
}

/** Every name a `def` of the text defines (`def handle(`, at any depth), read once per text. */
export const definedNames = lastTextMemo((text: string) => new Set([...text.matchAll(/\bdef[ \t]+([A-Za-z_]\w*)/g)].map((m) => m[1]!)));

/**
 * `alias = name`, or `alias = lambda …: … name …`, as a statement on a line of its own (at any indentation: under an
 * `if` of the module too; one in another function only costs a fix), `alias` in group 1.
 */
function moduleAliasPattern(name: string): RegExp {
  const word = escapeRegExp(name);
  return new RegExp(`^[ \\t]*([A-Za-z_]\\w*)[ \\t]*=[ \\t]*(?:${word}[ \\t]*(?:#.*)?$|lambda\\b[^:\\n]*:.*\\b${word}\\b)`, 'gm');
}

/** The functions defined directly in `block` (the module, a class's body), decorated ones too, by name (a name defined twice: the last). */
function functionsIn(block: SyntaxNode | null): Map<string, SyntaxNode> {
  const out = new Map<string, SyntaxNode>();
  for (const c of block?.namedChildren ?? []) {
    const def = c.type === 'decorated_definition' ? c.childForFieldName('definition') : c;
    if (def?.type === 'function_definition') out.set(def.childForFieldName('name')?.text ?? '', def);
  }
  return out;
}

