// The engine's own guarantees, independent of any one transform.
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { transformBytes, transformSource } from '../src/api.js';
import { decodeSource, encodeSource, DecodeError } from '../src/engine/read.js';
import { selectFixes } from '../src/engine/plan.js';
import { applyEdits } from '../src/engine/apply.js';
import { filterSuppressed, suppressedOnLine } from '../src/engine/suppress.js';
import { processPath } from '../src/runner.js';
import { defaultOptions } from '../src/options.js';
import type { Finding, Transform } from '../src/types.js';
import { TRANSFORMS } from '../transforms/index.js';
import { tempDir } from './helpers.js';
import { lineTable, positionAt } from '../src/python/text.js';

test('decode/encode round-trips latin-1 with a coding line, a BOM, and CRLF', () => {
  const latin = Buffer.concat([Buffer.from('# -*- coding: latin-1 -*-\r\nx = "'), Buffer.from([0xe9]), Buffer.from('"\r\n')]);
  const d = decodeSource(latin);
  assert.equal(d.encoding, 'latin-1');
  assert.equal(d.eol, '\r\n');
  assert.match(d.text, /x = "é"/);
  assert.ok(encodeSource(d.text, d).equals(latin));
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('y = "ï"\n')]);
  const b = decodeSource(bom);
  assert.equal(b.bom, true);
  assert.equal(b.text, 'y = "ï"\n');
  assert.ok(encodeSource(b.text, b).equals(bom));
});

test('line and column of an offset: LF, CRLF, CR and mixed line ends', () => {
  for (const text of ['', 'a', 'a\nbc\n', 'a\r\nbc\r\n\r\nd', 'a\rbc\rd', 'a\nb\r\nc\rd\n\re', '\n\n']) {
    const table = lineTable(text);
    // Reference: count the line breaks before each offset, a CRLF as one.
    let line = 1;
    let column = 1;
    for (let i = 0; i <= text.length; i++) {
      assert.deepEqual(positionAt(table, i), { line, column }, `${JSON.stringify(text)} at ${i}`);
      const c = text[i];
      if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
        line++;
        column = 1;
      } else column++;
    }
  }
});

test('undecodable input is a DecodeError that says what to do', () => {
  assert.throws(() => decodeSource(Buffer.from([0x61, 0xff, 0x0a])), (e: unknown) => e instanceof DecodeError && /PEP 263/.test((e as Error).message));
  assert.throws(() => decodeSource(Buffer.from('a = 1\0\n')), /NUL bytes/);
  // Declared UTF-8 (a coding line, a BOM) over other bytes: the declaration is named, not asked for
  assert.throws(() => decodeSource(Buffer.concat([Buffer.from('# -*- coding: utf-8 -*-\ns = "'), Buffer.from([0xe9]), Buffer.from('"\n')])), /which its PEP 263 coding line declares/);
  assert.throws(() => decodeSource(Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0xff, 0x0a])), /which its UTF-8 BOM declares/);
  // A BOM and another coding: Python refuses it ("encoding problem: iso-8859-1 with BOM"), ASCII body or not
  for (const body of ['x = 1\n', 'x = "caf\xe9"\n']) {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`# -*- coding: latin-1 -*-\n${body}`, 'latin1')]);
    assert.throws(() => decodeSource(bytes), /^DecodeError: has a UTF-8 BOM but declares coding latin-1, which Python refuses/);
  }
  assert.equal(decodeSource(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# coding: utf-8\nx = 1\n')])).bom, true);
  // A coding line is read however long its first line is (Python reads two lines): shift_jis 0x95 0x5c is one
  // character, so the quote after it closes the string and the rest is a comment, not code.
  const longCookie = Buffer.concat([Buffer.from(`#${' '.repeat(600)}-*- coding: shift_jis -*-\ns = "`), Buffer.from([0x95, 0x5c]), Buffer.from('" #"; data = open(p).read()\n')]);
  assert.equal(decodeSource(longCookie).encoding, 'shift-jis');
  assert.equal(transformBytes(longCookie, {}).findings.length, 0);
  const secondLine = Buffer.concat([Buffer.from(`#${' '.repeat(600)}\n# coding: latin-1\ns = "caf`), Buffer.from([0xe9]), Buffer.from('"\n')]);
  assert.equal(decodeSource(secondLine).encoding, 'latin-1');
  // Python's names for codecs: `latin`, `u8`, `cp65001` are known; `utf.8` is none (Python keeps the `.`).
  assert.equal(decodeSource(Buffer.concat([Buffer.from('# coding: latin\nx = "'), Buffer.from([0xe9]), Buffer.from('"\n')])).text, '# coding: latin\nx = "\u00e9"\n');
  assert.equal(decodeSource(Buffer.from('# coding: u8\nx = "\u00e9"\n')).text, '# coding: u8\nx = "\u00e9"\n');
  assert.equal(decodeSource(Buffer.from('# vim: set fileencoding=cp65001 :\nx = 1\n')).text, '# vim: set fileencoding=cp65001 :\nx = 1\n');
  assert.throws(() => decodeSource(Buffer.from('# coding: utf.8\nx = 1\n')), /declares coding utf\.8 \(unknown to Python\)/);
  assert.throws(() => decodeSource(Buffer.from('# coding: no-such-codec\n')), /cannot decode/);
});

test('the plan applies fixes in source order and defers overlapping ones to the next pass', () => {
  const mk = (start: number, end: number): Finding => ({
    id: 't', code: 'T', message: '', start, end,
    fix: { title: '', applicability: 'safe', edits: [{ start, end, text: 'x' }] },
  });
  const { chosen, deferred } = selectFixes([mk(10, 20), mk(0, 5), mk(15, 30), mk(20, 25), mk(31, 32)], false);
  assert.deepEqual(chosen.map((f) => f.start), [0, 10, 31]);
  assert.deepEqual(deferred.map((f) => f.start), [15, 20]);
  const unsafe: Finding = { ...mk(40, 41), fix: { title: '', applicability: 'unsafe', edits: [{ start: 40, end: 41, text: '' }] } };
  assert.equal(selectFixes([unsafe], false).chosen.length, 0);
  assert.equal(selectFixes([unsafe], true).chosen.length, 1);
  // Two fixes of one span: the lower `order` goes first, whatever the findings' order; equal, the first finding
  const at = (start: number, order?: number): Finding => ({ ...mk(start, start + 1), fix: { title: String(start), applicability: 'safe', edits: [{ start: 50, end: 60, text: 'y' }], ...(order === undefined ? {} : { order }) } });
  assert.deepEqual(selectFixes([at(50, 1), at(52)], false).chosen.map((f) => f.start), [52]);
  assert.deepEqual(selectFixes([at(50, -1), at(52)], false).chosen.map((f) => f.start), [50]);
  assert.deepEqual(selectFixes([at(50), at(52)], false).chosen.map((f) => f.start), [50]);
});

test('applyEdits keeps an insertion at the start of a replaced range', () => {
  assert.equal(applyEdits('abcdef', [{ start: 2, end: 4, text: 'XY' }, { start: 2, end: 2, text: '>' }]), 'ab>XYef');
});

test('suppression comments: withify and noqa, all codes or listed ones', () => {
  assert.equal(suppressedOnLine('x = 1  # withify: ignore'), 'all');
  assert.equal(suppressedOnLine('x = 1  # noqa'), 'all');
  assert.deepEqual(suppressedOnLine('x  # withify: ignore[WFY101, open-loop]'), new Set(['WFY101', 'OPEN-LOOP']));
  assert.deepEqual(suppressedOnLine('x  # noqa: WFY101,E501'), new Set(['WFY101', 'E501']));
  assert.equal(suppressedOnLine('x = "# not a comment"'), undefined);
  const src = 'a = open(p).read()  # noqa: WFY101\nb = open(p).read()  # noqa: E501\nc = open(p).read()  # withify: ignore[open-chain]\n';
  const r = transformSource(src, { select: ['open-chain'] });
  assert.deepEqual(r.findings.map((f) => f.location.line), [2]);
  const kept = filterSuppressed(src, [{ id: 'open-chain', code: 'WFY101', message: '', start: 0, end: 1 }]);
  assert.equal(kept.length, 0);
});

/** A transform whose one fix replaces a file's opening `x = 1` with `text` (once: the rewrite no longer starts so). */
function rewritesTo(id: string, text: string): Transform {
  return {
    id, code: 'WFY999', summary: 's', fixTitle: 't', safety: 'safe',
    doc: { whatItDoes: 'a', whyItBreaksOnPyPy: 'b', fixSafety: 'c', notFlagged: 'd' }, examples: [],
    check: (ctx) =>
      ctx.source.startsWith('x = 1\n')
        ? [{ id, code: 'WFY999', message: 'm', start: 0, end: 5, fix: { title: '', applicability: 'safe', edits: [{ start: 0, end: 5, text }] } }]
        : [],
  };
}

/** `withify fix` with `transform` alone over a new file `x = 1`: the result, and the file's text afterwards. */
function fixWithOnly(transform: Transform, targetVersion?: [number, number]): { r: ReturnType<typeof processPath>; after: string } {
  const dir = tempDir('withify-engine-');
  const file = join(dir, 'a.py');
  writeFileSync(file, 'x = 1\n');
  const r = processPath(file, { ...defaultOptions({ select: [transform.id], extraTransforms: [transform], ...(targetVersion ? { targetVersion } : {}) }), mode: 'fix', cwd: dir });
  return { r, after: readFileSync(file, 'utf8') };
}

/**
 * The pipeline refuses `transform`'s fix. The transform is a user's (`extraTransforms`): its fix is not
 * applied, the file keeps its text, and its finding is left with a reason matching `reason` (a built-in's
 * fix refused so fails the file as an internal error).
 */
function assertRefused(transform: Transform, reason: RegExp, targetVersion?: [number, number]): void {
  const { r, after } = fixWithOnly(transform, targetVersion);
  assert.equal(r.status, 'unchanged');
  assert.equal(after, 'x = 1\n');
  assert.equal(r.fixesApplied, 0);
  assert.equal(r.remaining.length, 1);
  assert.equal(r.remaining[0]!.fixStatus, 'display-only');
  assert.match(r.remaining[0]!.reason ?? '', reason);
  assert.match(r.findings[0]!.reason ?? '', reason);
}

test("a built-in transform's fix that would break the syntax fails the file as an internal error; nothing is written", () => {
  // The safety net under every built-in rewrite: a built-in's `check` made to return a broken fix, for this test only.
  const builtIn = TRANSFORMS.find((t) => t.id === 'open-chain')!;
  const saved = builtIn.check;
  builtIn.check = (ctx) =>
    ctx.source.startsWith('x = 1\n')
      ? [{ id: builtIn.id, code: builtIn.code, message: 'm', start: 0, end: 5, fix: { title: '', applicability: 'safe', edits: [{ start: 0, end: 5, text: 'def (x = 1' }] } }]
      : [];
  try {
    const dir = tempDir('withify-engine-');
    const file = join(dir, 'a.py');
    // (`open(p)` below: the file must say the transform's trigger word to be parsed at all)
    writeFileSync(file, 'x = 1\nopen(p)\n');
    const r = processPath(file, { ...defaultOptions({ select: ['open-chain'] }), mode: 'fix', cwd: dir, wholeFiles: true });
    assert.equal(r.status, 'failed');
    assert.match(r.reason ?? '', /^internal error: the fix of open-chain would produce invalid syntax at line 1; nothing was written \(please report this with the file\)$/);
    assert.equal(readFileSync(file, 'utf8'), 'x = 1\nopen(p)\n');
    assert.equal(r.fixesApplied, 0);
    assert.deepEqual(r.remaining, r.findings);
  } finally {
    builtIn.check = saved;
  }
});

test('a fix that would break the syntax is refused and nothing is written', () => {
  assertRefused(rewritesTo('breaks-syntax', 'def (x = 1'), /^the fix of breaks-syntax \(a user transform\) would produce invalid syntax at line 1, so it was not applied; fix the transform$/);
});

test("a fix that would indent deeper than CPython's tokenizer takes is refused", () => {
  const levels = (n: number) => `${Array.from({ length: n }, (_, i) => `${' '.repeat(i)}if x:\n`).join('')}${' '.repeat(n)}x = 1`;
  assertRefused(rewritesTo('indents-too-deep', levels(100)), /^the fix of indents-too-deep \(a user transform\) would indent line 101 more than the 99 levels CPython's tokenizer takes, so it was not applied; fix the transform$/);
  // 99 levels compile (and tree-sitter's empty-block net does not fire): written.
  assert.equal(fixWithOnly(rewritesTo('indents-deep', levels(99))).r.status, 'changed');
});

test('a fix that would nest more blocks than CPython compiles is refused', () => {
  const nests = (n: number) => rewritesTo('nests-too-deep', `with ${Array.from({ length: n }, (_, i) => `a as b${i}`).join(', ')}:\n    x = 1`);
  assertRefused(nests(21), /^the fix of nests-too-deep \(a user transform\) would nest blocks 21 deep, more than the 20 Python before 3\.13 compiles, so it was not applied; fix the transform$/, [3, 12]);
  // 3.13 compiles 21 in a module, not 22.
  assert.equal(fixWithOnly(nests(21), [3, 13]).r.status, 'changed');
  assertRefused(nests(22), /would nest blocks 22 deep, more than the 21 Python 3\.13 compiles, so it was not applied; fix the transform$/, [3, 13]);
});

test('a fix that leaves a block without a statement is refused, though tree-sitter sees no error', () => {
  // `if x:` followed by a line at its own indentation: tree-sitter parses an empty block, Python refuses it.
  assertRefused(rewritesTo('empties-block', 'if x:\nx = 1'), /^the fix of empties-block \(a user transform\) would produce invalid syntax at line 1, so it was not applied; fix the transform$/);
});

test('a fix that mixes tabs and spaces so that Python rejects the indentation is refused', () => {
  // A block under a space-indented header whose lines start with a tab, then spaces: TabError for Python,
  // no error for tree-sitter.
  assertRefused(rewritesTo('mixes-tabs', 'def f():\n        if x:\n\t    x = 1'), /^the fix of mixes-tabs \(a user transform\) would indent line 3 inconsistently \(tabs against spaces\), so it was not applied; fix the transform$/);
  // The same block indented with spaces alone is written.
  assert.equal(fixWithOnly(rewritesTo('mixes-tabs', 'def f():\n        if x:\n            x = 1')).r.status, 'changed');
});

test('a fix on the last line of a region another fix re-indents waits for the next pass', () => {
  // open-assign wraps the loop; open-chain's `with` for the last line must be indented for the new text.
  const src = 'def fn(out):\n    f = open("b.txt")\n    for i in range(2):\n        out.append(f.read(2))\n        out.append(open("a.txt").read(1))\n';
  const r = transformSource(src);
  assert.equal(r.status, 'changed');
  assert.equal(
    r.output,
    'def fn(out):\n    with open("b.txt") as f:\n        for i in range(2):\n            out.append(f.read(2))\n            with open("a.txt") as fh:\n                out.append(fh.read(1))\n',
  );
  assert.equal(r.fixesApplied, 2);
});

test('a file with a syntax error fails with the position', () => {
  const r = transformSource('def f(:\n  open(p).read()\n');
  assert.equal(r.status, 'failed');
  assert.match(r.reason ?? '', /syntax error at line 1, column 7/);
});

test('a syntax error after whole statements is placed past them, not at line 1 (tree-sitter made the root one ERROR)', () => {
  const r = transformSource('def f(p):\n    return open(p).read()\n\ndef g():\n    x = (1,\n');
  assert.equal(r.status, 'failed');
  assert.match(r.reason ?? '', /syntax error at line 4, column 1 /);
});

test('every kept node answer is the one a cursor gives, for every node of a tree with an error in it', async () => {
  const { parsePython } = await import('../src/engine/parse.js');
  const text = 'class C(B):\n    def m(self, a=1):\n        with open(a) as f:\n            return [x for x in f if x]\nx = (1 +\n';
  const tree = parsePython(text);
  assert.equal(tree.rootNode.hasError, true);
  const c = tree.walk();
  let nodes = 0;
  for (;;) {
    const n = c.currentNode;
    nodes++;
    assert.equal(n.type, c.nodeType);
    assert.equal(n.isNamed, c.nodeIsNamed);
    assert.deepEqual([n.startIndex, n.endIndex], [c.startIndex, c.endIndex]);
    assert.deepEqual([n.startPosition, n.endPosition], [c.startPosition, c.endPosition]);
    assert.equal(n.id, c.currentNode.id);
    // The children, as the cursor steps through them, and what is derived from them.
    const steps: Array<[string, number]> = [];
    if (c.gotoFirstChild()) {
      do steps.push([c.nodeType, c.startIndex]);
      while (c.gotoNextSibling());
      c.gotoParent();
    }
    assert.deepEqual(n.children.map((k) => [k.type, k.startIndex]), steps);
    assert.equal(n.childCount, steps.length);
    assert.deepEqual(n.namedChildren.map((k) => k.id), n.children.filter((k) => k.isNamed).map((k) => k.id));
    assert.equal(n.namedChildCount, n.namedChildren.length);
    assert.equal(n.firstChild?.id, n.children[0]?.id);
    assert.equal(n.lastChild?.id, n.children.at(-1)?.id);
    for (const k of n.children) assert.equal(k.parent?.id, n.id);
    assert.equal(n.hasError, /ERROR|MISSING/.test(n.toString()) || n.children.some((k) => k.hasError));
    if (c.gotoFirstChild()) continue;
    while (!c.gotoNextSibling()) {
      if (!c.gotoParent()) {
        assert.ok(nodes > 50, `walked ${nodes} nodes`);
        return;
      }
    }
  }
});

test('a file naming no trigger word of any active transform is not parsed at all', () => {
  // Nothing to find, so nothing to report: not even its syntax error.
  assert.equal(transformSource('def f(:\n  pass\n').status, 'unchanged');
  // A transform without triggers makes every file parse.
  const always: Transform = { ...rewritesTo('always', ''), code: 'WFY997', check: () => [] };
  assert.equal(transformSource('def f(:\n  pass\n', { extraTransforms: [always] }).status, 'failed');
  // The words count only as whole identifiers, and `__del__`, `TemporaryDirectory` are words too.
  assert.equal(transformSource('reopened = 1\ndef f(:\n', {}).status, 'unchanged');
  assert.equal(transformSource('class C:\n  def __del__(self:\n', {}).status, 'failed');
});

test('a transform that throws fails only its file, naming it', () => {
  const throws: Transform = { ...rewritesTo('throws', ''), code: 'WFY998', check: () => { throw new Error('boom'); } };
  const r = transformSource('x = 1\n', { select: ['throws'], extraTransforms: [throws] });
  assert.equal(r.status, 'failed');
  assert.match(r.reason ?? '', /^the user transform throws \(WFY998\) threw Error: boom; nothing was written/);
});

test('bytes out keep CRLF, the BOM and the coding of the input', () => {
  const input = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('open("o", "w").write("é")\r\n')]);
  const r = transformBytes(input, { select: ['open-chain'] });
  assert.equal(r.outputBytes.toString('utf8'), '\ufeffwith open("o", "w") as _f:\r\n    _f.write("é")\r\n');
});

test('node properties are kept on the node: the same answers, shared arrays frozen', async () => {
  const { parsePython } = await import('../src/engine/parse.js');
  const tree = parsePython('import os\nx = os.path.join("a", "b")\n');
  const root = tree.rootNode;
  const kids = root.namedChildren;
  assert.equal(root.namedChildren, kids);
  assert.ok(Object.isFrozen(kids));
  assert.deepEqual(kids.map((k) => k.type), ['import_statement', 'expression_statement']);
  const call = kids[1]!.namedChildren[0]!.childForFieldName('right')!;
  assert.equal(call.type, 'call');
  assert.equal(call.childForFieldName('function')!.text, 'os.path.join');
  assert.equal(call.childForFieldName('function'), call.childForFieldName('function'));
  assert.equal(call.parent!.parent!.parent!.type, 'module');
  assert.equal(root.parent, null);
  assert.equal(root.parent, null);
  assert.deepEqual([call.startIndex, call.endIndex], [14, 36]);
  assert.deepEqual(call.startPosition, { row: 1, column: 4 });
  // Another tree of the same text answers for itself.
  const again = parsePython('import os\n').rootNode;
  assert.equal(again.namedChildren.length, 1);
});

test('an Emacs suffix on a Latin-1 coding name (`latin-1-unix`, `iso-latin-1-dos`) names Latin-1, as CPython reads it', () => {
  for (const name of ['latin-1-unix', 'iso-latin-1-dos', 'iso-latin-1', 'ISO_8859_1-x', 'latin-1']) {
    const bytes = Buffer.concat([Buffer.from(`# -*- coding: ${name} -*-\ndef head(p):\n    return open(p, encoding="latin-1").read()[:4]  # caf`), Buffer.from([0xe9]), Buffer.from('\n')]);
    const r = transformBytes(bytes, { select: ['open-chain'] });
    assert.equal(r.status, 'changed', name);
    assert.ok(r.outputBytes.includes(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])), name);
  }
  assert.throws(() => decodeSource(Buffer.from('# coding: latin-10x\nx = 1\n')), DecodeError);
});

test('a comment holding U+2028 or U+2029 is one line to Python: it blocks no fix', () => {
  for (const sep of ['\u2028', '\u2029']) {
    const text = `def load(p):\n    f = open(p)  # see spec${sep}section 2\n    data = f.read()\n    f.close()  # done${sep}x\n    return data\n`;
    const r = transformSource(text, { select: ['open-assign-close'] });
    assert.equal(r.fixesApplied, 1, JSON.stringify(sep));
    assert.equal(r.output, `def load(p):\n    with open(p) as f:  # see spec${sep}section 2\n        data = f.read()\n      # done${sep}x\n    return data\n`.replace(`      # done${sep}x\n`, `    # done${sep}x\n`));
  }
});

test('a stray lone CR among LF line ends is a line end, as Python reads it: findings, and no fix written', () => {
  const text = 'def load(p):\n    f = open(p)\n    x = 1\r    data = f.read()\n    f.close()\n    return len(data), x\n';
  const r = transformSource(text, { select: ['open-assign-close'] });
  assert.equal(r.output, text);
  assert.equal(r.fixesApplied, 0);
  assert.equal(r.findings.length, 1);
  assert.match(r.findings[0]!.reason ?? '', /ends some lines with a lone CR and others with LF or CRLF/);
  // The CR ends a comment too: `b` is code, which Python runs (`# a\rb`)
  assert.equal(transformSource('# a\rfor l in open(p):\n    pass\n', { select: ['open-loop'] }).findings.length, 1);
  // Lone CR line ends only (classic Mac OS): fixed, and written back with them
  const mac = text.replace(/\n/g, '\r');
  assert.equal(transformSource(mac, { select: ['open-assign-close'] }).output, 'def load(p):\r    with open(p) as f:\r        x = 1\r        data = f.read()\r    return len(data), x\r');
});
