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
    // Ex) `pkg/__main__.py`, run by `python -m pkg`; a `setup.py` that imports setuptools or distutils, which
    // setuptools runs as `__main__` (also one beside an `__init__.py`, as vendored copies have it)
    if (file === '__main__.py' || (input.moduleName !== undefined && /(?:^|\.)__main__$/.test(input.moduleName))) return true;
    return file === 'setup.py' && /\b(?:setuptools|distutils)\b/.test(input.source);
  };
  // Ex) `with open(p) as f:` at the top of a module with no `__all__`: `from mod import *` would bind `f` in the
  // importer, over its own `f` or one an earlier star import gave it. A leading `_` keeps a new global out of
  // `import *`. Not where the code runs only as the program (`programOnly`).
  const exportedAt = (node: SyntaxNode): boolean => {
    if (functionOrModuleOf(node).type !== 'module' || programOnly(node)) return false;
    listsExports ??= [...input.source.matchAll(/^__all__[ \t]*(?:[:+]|=)/gm)].some((m) => !insideString(m.index!));
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
