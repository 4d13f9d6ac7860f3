// planHeaderWrap: a statement becomes a block header and the following siblings move into the block.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { createContext } from '../src/engine/context.js';
import { applyEdits } from '../src/engine/apply.js';
import { parsePython } from '../src/engine/parse.js';
import { detectEol } from '../src/engine/read.js';
import { defaultOptions } from '../src/options.js';
import { statementSiblings, planHeaderWrap } from '../src/python/wrap.js';
import type { SyntaxNode } from '../src/types.js';

/** Wrap from statement `from` (index in the block holding the first `f = ` line) through `to`, dropping `drop`. */
function wrap(source: string, to: number, drop?: number): string | undefined {
  const tree = parsePython(source);
  const ctx = createContext({ path: 't.py', source, tree, eol: detectEol(source), options: defaultOptions({}) });
  const assign = tree.rootNode.descendantsOfType('assignment').find((a) => a.text.startsWith('f = '))!.parent as SyntaxNode;
  const sib = statementSiblings(assign.parent!);
  const i = sib.findIndex((s) => s.id === assign.id);
  const plan = planHeaderWrap(ctx, { stmt: assign, header: 'with open(p) as f:', last: sib[i + to]!, drop: drop === undefined ? undefined : sib[i + drop] });
  return plan && applyEdits(source, plan.edits);
}

test('the header keeps the assignment line comment; a dropped line keeps its comment', () => {
  assert.equal(
    wrap('def g(p):\n    f = open(p)  # why\n    x = f.read()\n    f.close()  # done\n    return x\n', 1, 2),
    'def g(p):\n    with open(p) as f:  # why\n        x = f.read()\n    # done\n    return x\n',
  );
});

test('the lines of a multi-line string stay as they are; CRLF stays', () => {
  assert.equal(
    wrap('f = open(p)\r\nf.write("""a\r\n  b\r\n""")\r\nf.close()\r\n', 1, 2),
    'with open(p) as f:\r\n    f.write("""a\r\n  b\r\n""")\r\n',
  );
});

test('tabs are added to a tab-indented block even when the file elsewhere uses spaces', () => {
  assert.equal(wrap('if a:\n    pass\ndef g(p):\n\tf = open(p)\n\tx = f.read()\n', 1), 'if a:\n    pass\ndef g(p):\n\twith open(p) as f:\n\t\tx = f.read()\n');
});

test('declines statements that share a line, and a drop that does not follow the run', () => {
  assert.equal(wrap('f = open(p); x = f.read()\ny = 1\n', 1), undefined);
  assert.equal(wrap('f = open(p)\nx = f.read(); y = 1\n', 1), undefined);
  assert.equal(wrap('f = open(p)\nx = f.read()\ny = 1\nf.close()\n', 1, 3), undefined);
});

test('comment lines indented deeper than the last statement move with it', () => {
  assert.equal(
    wrap('f = open(p)\nfor l in f:\n    print(l)\n    # loop comment\n# module comment\n', 1),
    'with open(p) as f:\n    for l in f:\n        print(l)\n        # loop comment\n# module comment\n',
  );
});
