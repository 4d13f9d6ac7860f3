// Builds the FileContext a transform sees: the parsed file plus memoised helpers.
import { NameIndex } from '../python/scopes.js';
import { makeInsideString } from '../python/strings.js';
import { detectIndentUnit } from '../python/text.js';
import type { FileContext, ProjectIndex, Tree, TransformOptions } from '../types.js';

export interface ContextInput {
  path: string;
  source: string;
  tree: Tree;
  eol: string;
  options: TransformOptions;
  project?: ProjectIndex;
  moduleName?: string;
}

export function createContext(input: ContextInput): FileContext {
  const root = input.tree.rootNode;
  const names = new NameIndex(root);
  let indentUnit: string | undefined;
  return {
    path: input.path,
    source: input.source,
    tree: input.tree,
    root,
    eol: input.eol,
    // Most files need no fix: work the indent unit out only when one is being built.
    get indentUnit() {
      indentUnit ??= detectIndentUnit(input.source, root);
      return indentUnit;
    },
    target: input.options.targetVersion,
    options: input.options,
    project: input.project,
    moduleName: input.moduleName,
    names,
    freshName: (node, candidates) => names.freshName(node, candidates),
    insideString: makeInsideString(root),
  };
}
