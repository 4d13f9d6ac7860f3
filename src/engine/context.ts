// Builds the FileContext a transform sees: the parsed file plus memoised helpers.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { functionOrModuleOf, NameIndex } from '../python/scopes.js';
import { qualifiedName } from '../python/imports.js';
import { enclosingClass } from '../python/resource-flow.js';
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
  let exports: { names: ReadonlySet<string> | undefined } | undefined;
  const programOnly = (node: SyntaxNode): boolean => {
    if (inMainGuard(node)) return true;
    const file = basename(input.path);
    // Ex) `pkg/__main__.py`, run by `python -m pkg`; a `setup.py` that calls `setup(…)` at its top level, which
    // setuptools runs as `__main__` (also one beside an `__init__.py`, as vendored copies have it)
    if (file === '__main__.py' || (input.moduleName !== undefined && /(?:^|\.)__main__$/.test(input.moduleName))) return true;
    return file === 'setup.py' && callsSetup(root, names);
  };
  // Ex) `with open(p) as f:` at the top of a module with no `__all__`: `from mod import *` would bind `f` in the
  // importer, over its own `f` or one an earlier star import gave it. A leading `_` keeps a new global out of
  // `import *`. Not where the code runs only as the program (`programOnly`).
  // Ex) `from pkg.helpers import *` (which binds `gen`) in a module with a literal `__all__`: another module's `from
  // pkg.use import gen` would get the new global over the helper; the names a star import binds are not known here.
  const exportedAt = (node: SyntaxNode): boolean => {
    if (functionOrModuleOf(node).type !== 'module' || programOnly(node)) return false;
    exports ??= { names: listsExportsLiterally(root, input.source) };
    return exports.names === undefined || names.bindings(root).has('*');
  };
  const modulesBeside = () => (beside ??= modulesBesideFile(input.path));
  // Ex) `__all__ = ["DATA", "f"]` and a module `__getattr__` that serves `f`: the listed names are exported
  const moduleAvoids = (): ReadonlySet<string> => {
    const around = basename(input.path) === '__init__.py' ? modulesBeside() : NONE;
    const listed = exports?.names;
    return listed?.size ? new Set([...around, ...listed]) : around;
  };
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
      names.freshName(node, exportedAt(node) ? privateNames(candidates) : candidates, moduleAvoids, keywordsOnly),
    insideString,
    programOnly,
    readsBeyondFunction: (block) => input.onModuleWide?.(block),
    moduleUses: (name) => (writtenInCode(input, name) ? names.identifiers(root).has(name) : false),
    modulesBeside,
  };
}

const NONE: ReadonlySet<string> = new Set();

/**
 * True when the module's own code calls a setup function of a build backend (`setuptools.setup`,
 * `distutils.core.setup`, `skbuild.setup`, under any import) whenever it runs (`runsWhenever`). Not `app.setup()` or a
 * `def setup()` of the module.
 */
function callsSetup(root: SyntaxNode, names: NameIndex): boolean {
  return root.descendantsOfType('call').some((call) => {
    const fn = call.childForFieldName('function');
    if (!fn || (fn.type !== 'identifier' && fn.type !== 'attribute')) return false;
    const q = qualifiedName(names, fn);
    return q !== undefined && /^(?:setuptools|distutils|skbuild|numpy\.distutils)\b.*\.setup$/.test(q) && runsWhenever(call);
  });
}

/**
 * True when the module's code runs `node` whenever it runs: in a statement of the module or of a `with` body at its
 * top (`with open("README") as f:` / `    setup(long_description=f.read())`). Not under an `if`, in a loop, a `try`, a
 * function or a class: a `setup()` under `if __name__ == "__main__":` leaves the rest of the module to imports.
 */
function runsWhenever(node: SyntaxNode): boolean {
  // The call is its statement, or the value it binds (`dist = setup(…)`): not an operand of `and`, a test, a lambda's
  let n: SyntaxNode = node;
  while (n.parent?.type === 'parenthesized_expression') n = n.parent;
  if (n.parent?.type === 'assignment' && n.parent.childForFieldName('right')?.id === n.id) n = n.parent;
  if (n.parent?.type !== 'expression_statement') return false;
  for (let block = n.parent.parent; block && block.type !== 'module'; block = block.parent?.parent) {
    if (block.type !== 'block' || block.parent?.type !== 'with_statement') return false;
  }
  return true;
}

const STRING_LISTS: ReadonlySet<string> = new Set(['list', 'tuple']);

/**
 * True when the module lists what `import *` exports as literal strings, so that nothing else is exported: a
 * top-level `__all__ = [...]` (or a tuple) of plain strings, and every other use of `__all__` outside its functions and
 * classes is a read, a literal `+=`, or a literal `.append(…)`, `.extend(…)`. Not an `__all__` made from the module's
 * own names (`[n for n in dir() if …]`), bound only in a branch, changed by a function, or deleted.
 */
function listsExportsLiterally(root: SyntaxNode, source: string): ReadonlySet<string> | undefined {
  // Ex) `globals()["__all__"] = …`, `setattr(mod, "__all__", …)`: named by a string; `exec("__all__ = …")`
  if (/(['"])__all__\1/.test(source) || /\b(?:exec|eval)\s*\(/.test(source)) return undefined;
  // (A name, quoted plainly: not `f"f"`, `b"f"`, `"\x66"`, whose value withify would have to work out)
  const literalStrings = (n: SyntaxNode | null | undefined): boolean =>
    !!n && ((n.type === 'string' && /^[uU]?(['"])\w*\1$/.test(n.text)) || (n.type === 'concatenated_string' && n.namedChildren.every((c) => c.type === 'comment' || literalStrings(c))) || (STRING_LISTS.has(n.type) && n.namedChildren.every((c) => c.type === 'comment' || literalStrings(c))));
  const names = new Set<string>();
  const list = (n: SyntaxNode | null | undefined) => !!n && STRING_LISTS.has(n.type) && literalStrings(n);
  // (`"a" "b"` is `"ab"`)
  const valueOf = (str: SyntaxNode): string => (str.type === 'concatenated_string' ? str.namedChildren.filter((c) => c.type === 'string').map(valueOf).join('') : str.text.replace(/^[uU]?['"]|['"]$/g, ''));
  const add = (n: SyntaxNode) => {
    for (const str of n.type === 'string' || n.type === 'concatenated_string' ? [n] : n.namedChildren) if (str.type !== 'comment') names.add(valueOf(str));
  };
  let listed = false;
  for (const id of root.descendantsOfType('identifier')) {
    if (id.text !== '__all__') continue;
    const p = id.parent;
    if (!p) continue;
    // Ex) `f(__all__=x)`: a keyword, no name
    if (p.type === 'keyword_argument' && p.childForFieldName('name')?.id === id.id) continue;
    // Ex) `sys.modules[__name__].__all__ = …`, `mod.__all__.append(x)`: another object's, or this module's
    if (p.type === 'attribute' && p.childForFieldName('attribute')?.id === id.id) return undefined;
    // (A function's or a class body's: the module's own code runs no function, so any class around is the body's)
    if (functionOrModuleOf(id).type !== 'module' || enclosingClass(id)) return undefined;
    if ((p.type === 'assignment' || p.type === 'augmented_assignment') && p.childForFieldName('left')?.id === id.id) {
      const right = p.childForFieldName('right');
      // Ex) `__all__: list` with no value binds nothing
      if (!right && p.type === 'assignment') continue;
      // (`+=` a str adds its letters: a list or a tuple only)
      if (!list(right) || (p.type === 'augmented_assignment' && p.child(1)?.type !== '+=')) return undefined;
      add(right!);
      if (p.type === 'assignment' && p.parent?.type === 'expression_statement' && p.parent.parent?.type === 'module') listed = true;
      continue;
    }
    if (p.type === 'attribute' && p.childForFieldName('object')?.id === id.id) {
      const method = p.childForFieldName('attribute')?.text;
      const call = p.parent?.type === 'call' && p.parent.childForFieldName('function')?.id === p.id ? p.parent : undefined;
      const args = call?.childForFieldName('arguments')?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
      const arg = args.length === 1 ? args[0]! : undefined;
      if (call && arg && ((method === 'append' && arg.type === 'string' && literalStrings(arg)) || (method === 'extend' && list(arg)))) {
        add(arg);
        continue;
      }
      if (call && (method === 'index' || method === 'count' || method === 'copy')) continue;
      return undefined;
    }
    // Reads that change nothing: `for n in __all__:`, `x in __all__`, `len(__all__)`, `print(__all__)`
    if (p.type === 'for_statement' && p.childForFieldName('right')?.id === id.id) continue;
    if (p.type === 'comparison_operator') continue;
    if (p.type === 'argument_list' && READING_CALLS.has(p.parent?.childForFieldName('function')?.text ?? '')) continue;
    return undefined;
  }
  return listed ? names : undefined;
}

/** Builtins that read a list they are given and keep nothing of it. */
const READING_CALLS: ReadonlySet<string> = new Set(['len', 'print', 'sorted', 'list', 'tuple', 'set', 'frozenset', 'repr', 'str', 'any', 'all', 'enumerate']);

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
function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function modulesBesideFile(path: string): ReadonlySet<string> {
  if (path === '-' || /^<.*>$/.test(path)) return NONE;
  try {
    const out = new Set<string>();
    const init = basename(path) === '__init__.py';
    for (const e of readdirSync(dirname(path), { withFileTypes: true })) {
      // (Beside a script, a directory with no `__init__.py` is a namespace package, which a module found later on
      // `sys.path` wins over; beside an `__init__.py`, importing it still binds the package's attribute. A symlink to
      // a directory is one too. A `.pyc` without its source imports; a `.pyi` stub does not.)
      if (e.isDirectory() || (e.isSymbolicLink() && isDirectory(join(dirname(path), e.name)))) {
        if (init || existsSync(join(dirname(path), e.name, '__init__.py'))) out.add(e.name);
      }
      else if (/\.(?:py|pyc|so|pyd)$/.test(e.name)) out.add(e.name.slice(0, e.name.indexOf('.')));
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
