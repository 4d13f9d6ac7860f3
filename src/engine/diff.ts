// Unified diffs of a rewrite, as `git apply` and reviewers expect them.
import { createRequire } from 'node:module';

// Loaded on the first diff: `check` and `fix` never print one.
const require = createRequire(import.meta.url);
let createTwoFilesPatch: typeof import('diff').createTwoFilesPatch | undefined;

export function unifiedDiff(displayPath: string, before: string, after: string): string {
  const p = displayPath.replace(/^\/+/, '');
  createTwoFilesPatch ??= (require('diff') as typeof import('diff')).createTwoFilesPatch;
  const patch = createTwoFilesPatch(`a/${p}`, `b/${p}`, before, after, undefined, undefined, { context: 3 });
  // jsdiff opens with a `===` rule (and, in some versions, an `Index:` line); keep the git-style header only.
  return patch.replace(/^(?:Index: [^\n]*\n)?=+\n/, '');
}

const RED = '\x1b[31m';
const GREEN = '\x1b[32m';
const CYAN = '\x1b[36m';
const BOLD = '\x1b[1m';
const RESET = '\x1b[0m';

export function colorizeDiff(patch: string): string {
  return patch
    .split('\n')
    .map((line) => {
      if (line.startsWith('+++') || line.startsWith('---')) return BOLD + line + RESET;
      if (line.startsWith('@@')) return CYAN + line + RESET;
      if (line.startsWith('+')) return GREEN + line + RESET;
      if (line.startsWith('-')) return RED + line + RESET;
      return line;
    })
    .join('\n');
}
