// Builds the FileContext a transform sees: the parsed file plus memoised helpers.
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { functionOrModuleOf, NameIndex } from '../python/scopes.js';
import { inMainGuard } from '../python/statements.js';
import { makeInsideString } from '../python/strings.js';
import { escapeRegExp } from '../python/text.js';
import { indentUnitOf, inNoncode, outlineOf, type Outline } from '../python/outline.js';
import type { FileContext, ProjectIndex, SyntaxNode, Tree, TransformOptions } from '../types.js';

export interface ContextInput {
  path: string;
  source: string;
  tree: Tree;
  eol: string;
  options: TransformOptions;
  project?: ProjectIndex;
  moduleName?: string;
  /** `FileContext.rewritten`. */
  rewritten?: boolean;
  /** The outline of `source`, when the caller has it (see src/python/outline.ts). */
  outline?: Outline;
  /** Called when a check reads the file beyond a function (`FileContext.readsBeyondFunction`, `NameIndex.onModuleWide`): with the block it reads, or with nothing for the whole module. */
  onModuleWide?: (block?: SyntaxNode) => void;
}

export function createContext(input: ContextInput): FileContext {
  const root = input.tree.rootNode;
  const names = new NameIndex(root, input.onModuleWide, input.source);
  const insideString = makeInsideString(root);
  let indentUnit: string | undefined;
  let beside: ReadonlySet<string> | undefined;
  let listsExports: boolean | undefined;
  const programOnly = (node: SyntaxNode): boolean => {
    if (inMainGuard(node)) return true;
    const file = basename(input.path);
    // Ex) `pkg/__main__.py`, run by `python -m pkg`; a `setup.py` that calls `setup(…)` at its top level, which
    // setuptools runs as `__main__` (also one beside an `__init__.py`, as vendored copies have it)
    if (file === '__main__.py' || (input.moduleName !== undefined && /(?:^|\.)__main__$/.test(input.moduleName))) return true;
    return file === 'setup.py' && callsSetup(root);
  };
  // Ex) `with open(p) as f:` at the top of a module with no `__all__`: `from mod import *` would bind `f` in the
  // importer, over its own `f` or one an earlier star import gave it. A leading `_` keeps a new global out of
  // `import *`. Not where the code runs only as the program (`programOnly`).
  const exportedAt = (node: SyntaxNode): boolean => {
    if (functionOrModuleOf(node).type !== 'module' || programOnly(node)) return false;
    listsExports ??= listsExportsLiterally(root);
    return !listsExports;
  };
  const modulesBeside = () => (beside ??= modulesBesideFile(input.path));
  return {
    path: input.path,
    source: input.source,
    tree: input.tree,
    root,
    eol: input.eol,
    // Most files need no fix: work the indent unit out only when one is being built.
    get indentUnit() {
      indentUnit ??= indentUnitOf(input.source, input.outline ?? outlineOf(input.source));
      return indentUnit;
    },
    target: input.options.targetVersion,
    options: input.options,
    project: input.project,
    moduleName: input.moduleName,
    ...(input.rewritten ? { rewritten: true } : {}),
    names,
    freshName: (node, candidates, keywordsOnly) =>
      names.freshName(node, exportedAt(node) ? privateNames(candidates) : candidates, () => (basename(input.path) === '__init__.py' ? modulesBeside() : NONE), keywordsOnly),
    insideString,
    programOnly,
    readsBeyondFunction: (block) => input.onModuleWide?.(block),
    moduleUses: (name) => (writtenInCode(input, name) ? names.identifiers(root).has(name) : false),
    modulesBeside,
  };
}

const NONE: ReadonlySet<string> = new Set();

/**
 * True when the module's own code (not a function's or a class's) calls `setup(…)` (`setup(`, `setuptools.setup(`,
 * `skbuild.setup(`), also in a block of its own: `with open("README") as f:` / `    setup(long_description=f.read())`.
 */
function callsSetup(root: SyntaxNode): boolean {
  return root.descendantsOfType('call').some((call) => {
    const fn = call.childForFieldName('function');
    const named = (fn?.type === 'identifier' && fn.text === 'setup') || (fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'setup');
    return named && functionOrModuleOf(call).type === 'module' && !enclosingClassBody(call);
  });
}

const STRING_LISTS: ReadonlySet<string> = new Set(['list', 'tuple']);

/**
 * True when the module lists what `import *` exports as literal strings, so that nothing else is exported: a
 * top-level `__all__ = [...]` (or a tuple) of plain strings, and every other use of `__all__` outside its functions and
 * classes is a read, a literal `+=`, or a literal `.append(…)`, `.extend(…)`. Not an `__all__` made from the module's
 * own names (`[n for n in dir() if …]`), bound only in a branch, changed by a function, or deleted.
 */
function listsExportsLiterally(root: SyntaxNode): boolean {
  const literalStrings = (n: SyntaxNode | null | undefined): boolean =>
    !!n && ((n.type === 'string' && !n.descendantsOfType('interpolation').length) || n.type === 'concatenated_string' || (STRING_LISTS.has(n.type) && n.namedChildren.every((c) => c.type === 'comment' || literalStrings(c))));
  let listed = false;
  for (const id of root.descendantsOfType('identifier')) {
    if (id.text !== '__all__') continue;
    const p = id.parent;
    if (!p) continue;
    if (p.type === 'keyword_argument' && p.childForFieldName('name')?.id === id.id) continue;
    if (p.type === 'attribute' && p.childForFieldName('attribute')?.id === id.id) continue;
    if (functionOrModuleOf(id).type !== 'module' || enclosingClassBody(id)) return false;
    if ((p.type === 'assignment' || p.type === 'augmented_assignment') && p.childForFieldName('left')?.id === id.id) {
      const right = p.childForFieldName('right');
      // Ex) `__all__: list` with no value binds nothing
      if (!right && p.type === 'assignment') continue;
      if (!literalStrings(right)) return false;
      if (p.type === 'assignment' && p.parent?.type === 'expression_statement' && p.parent.parent?.type === 'module') listed = true;
      continue;
    }
    if (p.type === 'attribute' && p.childForFieldName('object')?.id === id.id) {
      const method = p.childForFieldName('attribute')?.text;
      const call = p.parent?.type === 'call' && p.parent.childForFieldName('function')?.id === p.id ? p.parent : undefined;
      if (!call) continue; // Ex) `__all__.index`, read
      const args = call.childForFieldName('arguments')?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
      if ((method === 'append' || method === 'extend') && args.length === 1 && literalStrings(args[0])) continue;
      if (method === 'index' || method === 'count' || method === 'copy') continue;
      return false;
    }
    // Ex) `del __all__`, `global __all__`, `__all__, rest = …`, `for __all__ in …`; not a read (`for n in __all__:`)
    if (p.type === 'delete_statement' || p.type === 'global_statement' || p.type === 'pattern_list' || p.type === 'tuple_pattern' || p.type === 'list_pattern') return false;
    if (p.type === 'expression_list' && p.parent?.type === 'assignment' && p.parent.childForFieldName('left')?.id === p.id) return false;
    if (p.type === 'for_statement' && p.childForFieldName('left')?.id === id.id) return false;
  }
  return listed;
}

/** True when `node` lies in a class body (not in a function of it). */
function enclosingClassBody(node: SyntaxNode): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'function_definition' || n.type === 'lambda') return false;
    if (n.type === 'class_definition') return true;
  }
  return false;
}

/** `candidates` as names `import *` leaves out: those already private first (`_contextlib`), then the others with a leading `_`. */
function privateNames(candidates: readonly string[]): string[] {
  return [...candidates.filter((c) => c.startsWith('_')), ...candidates.filter((c) => !c.startsWith('_')).map((c) => `_${c}`)];
}

/**
 * The names of the modules and packages beside the Python file `path` (`gen` for `gen.py` or `gen/`). For a
 * package's `__init__.py` they are its submodules: importing one binds that attribute of the package, the
 * module's own global namespace. For a script, what `import gen` finds first when it runs from its directory.
 * Ex) `<string>` (a text given without a file name): none.
 */
function modulesBesideFile(path: string): ReadonlySet<string> {
  if (path === '-' || /^<.*>$/.test(path)) return NONE;
  try {
    const out = new Set<string>();
    const init = basename(path) === '__init__.py';
    for (const e of readdirSync(dirname(path), { withFileTypes: true })) {
      // (Beside a script, a directory with no `__init__.py` is a namespace package, which a module found later on
      // `sys.path` wins over; beside an `__init__.py`, importing it still binds the package's attribute)
      if (e.isDirectory()) {
        if (init || existsSync(join(dirname(path), e.name, '__init__.py'))) out.add(e.name);
      }
      else if (/\.(?:py|pyi|so|pyd)$/.test(e.name)) out.add(e.name.slice(0, e.name.indexOf('.')));
    }
    return out;
  } catch {
    return NONE;
  }
}

/**
 * False when `name` occurs nowhere in the code of `input.source` (comments and string bodies excepted):
 * then no identifier of the module is `name`. With no outline at hand, any occurrence counts.
 */
function writtenInCode(input: ContextInput, name: string): boolean {
  const { source } = input;
  if (!source.includes(name)) return false;
  const o = input.outline;
  const re = new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(name)}(?![\\p{L}\\p{N}_])`, 'gu');
  for (const m of source.matchAll(re)) if (!o || !inNoncode(o, m.index!)) return true;
  return false;
}
