// A test-only transform: wraps every expression/return statement in `with __wfy_marker__():`, using the
// same planWrap every real transform uses. Unwrapping the marker must give back the original AST.
import { blockRoom } from '../../src/python/nesting.js';
import { planWrap } from '../../src/python/wrap.js';
import { enclosingStatement, isClassBodyStatement } from '../../src/python/statements.js';
import type { Finding, Transform } from '../../src/types.js';

export const wrapEverything: Transform = {
  id: 'wrap-everything',
  code: 'WFY900',
  summary: 'test only',
  fixTitle: 'test only',
  safety: 'safe',
  doc: { whatItDoes: 'a', whyItBreaksOnPyPy: 'b', fixSafety: 'c', notFlagged: 'd' },
  examples: [],
  check(ctx) {
    if (ctx.source.includes('__wfy_marker__')) return [];
    const out: Finding[] = [];
    for (const type of ['expression_statement', 'return_statement']) {
      for (const stmt of ctx.root.descendantsOfType(type)) {
        if (enclosingStatement(stmt)?.id !== stmt.id || isClassBodyStatement(stmt)) continue;
        // Ex) a statement 20 blocks deep in a coroutine: one more does not compile, even on 3.13
        if (blockRoom(ctx, stmt, stmt) < 1) continue;
        const plan = planWrap(ctx, { first: stmt, last: stmt, header: ['with __wfy_marker__():'] });
        if (!plan) continue;
        out.push({ id: 'wrap-everything', code: 'WFY900', message: '', start: stmt.startIndex, end: stmt.endIndex, fix: { title: '', applicability: 'safe', edits: plan.edits } });
      }
    }
    return out;
  },
};
