// Builds the FileContext a transform sees: the parsed file plus memoised helpers.
import { NameIndex } from '../python/scopes.js';
import { makeInsideString } from '../python/strings.js';
import { indentUnitOf, outline, type Outline } from '../python/outline.js';
import type { FileContext, ProjectIndex, Tree, TransformOptions } from '../types.js';

export interface ContextInput {
  path: string;
  source: string;
  tree: Tree;
  eol: string;
  options: TransformOptions;
  project?: ProjectIndex;
  moduleName?: string;
  /** The outline of `source`, when the caller has it (see src/python/outline.ts). */
  outline?: Outline;
  /** Called when a check reads the file beyond a function (`FileContext.readsBeyondFunction`, `NameIndex.onModuleWide`). */
  onModuleWide?: () => void;
}

export function createContext(input: ContextInput): FileContext {
  const root = input.tree.rootNode;
  const names = new NameIndex(root, input.onModuleWide);
  let indentUnit: string | undefined;
  return {
    path: input.path,
    source: input.source,
    tree: input.tree,
    root,
    eol: input.eol,
    // Most files need no fix: work the indent unit out only when one is being built.
    get indentUnit() {
      indentUnit ??= indentUnitOf(input.source, input.outline ?? outline(input.source));
      return indentUnit;
    },
    target: input.options.targetVersion,
    options: input.options,
    project: input.project,
    moduleName: input.moduleName,
    names,
    freshName: (node, candidates) => names.freshName(node, candidates),
    insideString: makeInsideString(root),
    readsBeyondFunction: () => input.onModuleWide?.(),
  };
}
