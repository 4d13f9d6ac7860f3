// Dotted names of what an expression refers to, through import aliases:
// `gz.open` after `import gzip as gz` is `gzip.open`; `open` is `builtins.open` unless something binds it.
import type { SyntaxNode } from '../types.js';
import type { NameIndex } from './scopes.js';
import { isExtra } from './statements.js';

/**
 * The dotted name `expr` refers to, or `undefined` when it is not a plain name or attribute chain, or
 * when its head is a local variable (whose value nothing here can know).
 */
export function qualifiedName(names: NameIndex, expr: SyntaxNode): string | undefined {
  if (expr.type === 'identifier') {
    const r = names.resolve(expr.text, expr);
    if (r.kind === 'builtin') return `builtins.${r.name}`;
    if (r.kind === 'import') return r.qualified;
    return undefined;
  }
  if (expr.type === 'attribute') {
    const object = expr.childForFieldName('object');
    const attr = expr.childForFieldName('attribute');
    if (!object || !attr) return undefined;
    const head = qualifiedName(names, object);
    return head ? `${head}.${attr.text}` : undefined;
  }
  return undefined;
}

/** The qualified name of the function a call calls (see `qualifiedName`). */
export function calleeName(names: NameIndex, call: SyntaxNode): string | undefined {
  if (call.type !== 'call') return undefined;
  const fn = call.childForFieldName('function');
  return fn ? qualifiedName(names, fn) : undefined;
}

/** A string, implicitly concatenated strings (`"a" "b"`) or either in parentheses: what CPython takes as a docstring. */
function isStringLiteral(n: SyntaxNode | undefined): boolean {
  while (n?.type === 'parenthesized_expression') n = n.namedChildren.find((c) => !isExtra(c));
  return n?.type === 'string' || n?.type === 'concatenated_string';
}

/** Where a new top-level import may go: after the module docstring and `from __future__` imports. */
export function importInsertionPoint(root: SyntaxNode): number {
  let at = 0;
  for (const stmt of root.namedChildren) {
    if (isExtra(stmt)) continue;
    const isDocstring = stmt.type === 'expression_statement' && at === 0 && isStringLiteral(stmt.namedChildren.find((c) => !isExtra(c)));
    if (isDocstring || stmt.type === 'future_import_statement') {
      at = stmt.endIndex;
      continue;
    }
    break;
  }
  return at;
}

/** The local name under which `module` (e.g. `contextlib`) is imported at module level (unconditionally), if it is. */
export function moduleAlias(names: NameIndex, module: string): string | undefined {
  for (const [name, bindings] of names.bindings(names.root)) {
    if (bindings.length === 1 && bindings[0]!.kind === 'import' && bindings[0]!.qualified === module) {
      const stmt = bindings[0]!.node;
      if (stmt.type === 'import_statement' && isUnconditional(stmt)) return name;
    }
  }
  return undefined;
}

/** The local name under which `module.attr` is imported by `from module import attr`, if it is. */
export function fromImportAlias(names: NameIndex, qualified: string): string | undefined {
  for (const [name, bindings] of names.bindings(names.root)) {
    if (bindings.length === 1 && bindings[0]!.kind === 'import' && bindings[0]!.qualified === qualified) {
      if (bindings[0]!.node.type === 'import_from_statement' && isUnconditional(bindings[0]!.node)) return name;
    }
  }
  return undefined;
}

/**
 * An import statement run whenever the module is: directly in the module body.
 * Ex) `if TYPE_CHECKING: from pathlib import Path` binds nothing at run time.
 * Ex) `try: import contextlib` … `except ImportError:` may leave the name unbound.
 */
function isUnconditional(stmt: SyntaxNode): boolean {
  return stmt.parent?.type === 'module';
}
