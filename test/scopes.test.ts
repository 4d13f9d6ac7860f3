// Name resolution (src/python/scopes.ts): the text's shortcut for names it never binds gives what the scopes give.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parsePython } from '../src/engine/parse.js';
import { decodeSource } from '../src/engine/read.js';
import { collectBindings, identifierKey, identifiersNamed, inOwnCode, NameIndex, partsRunAround, scopeOf, textMayBind, type Resolution } from '../src/python/scopes.js';
import { forEachWordSpan } from '../src/python/text.js';
import type { SyntaxNode } from '../src/types.js';
import { listCases } from './helpers.js';
import { transformSource } from '../src/api.js';

const show = (r: Resolution) => (r.kind === 'builtin' ? `builtin ${r.name}` : r.kind === 'import' ? `import ${r.qualified} @${r.scope.startIndex}` : r.kind === 'local' ? `local @${r.scope.startIndex}` : 'unknown');

/** Every identifier of `text` resolved with the shortcut and without it: the same answers. Returns how many took the shortcut. */
function sameResolutions(text: string, label: string): number {
  const root = parsePython(text).rootNode;
  const plain = new NameIndex(root);
  const fast = new NameIndex(root, () => {}, text);
  const ids: SyntaxNode[] = [];
  const c = root.walk();
  for (;;) {
    if (c.nodeType === 'identifier') ids.push(c.currentNode);
    if (c.gotoFirstChild()) continue;
    while (!c.gotoNextSibling()) if (!c.gotoParent()) break;
    if (c.nodeType === 'module') break;
  }
  let shortcuts = 0;
  for (const id of ids) {
    const expected = show(plain.resolve(id.text, id));
    assert.equal(show(fast.resolve(id.text, id)), expected, `${label}: \`${id.text}\` at ${id.startPosition.row + 1}:${id.startPosition.column + 1}`);
    if (!textMayBind(text, id.text)) shortcuts++;
  }
  return shortcuts;
}

describe('name resolution', () => {
  test('a name the text may bind: every place but a call, an attribute, a subscript', () => {
    const may = (text: string, name = 'open') => textMayBind(text, name);
    for (const t of ['x = open(p)', 'x.open = 1', 'y = open.x', 'open[0] = 1', 'from .open import x', 'opened = 1; reopen = 2; open_ = 3', 'x.\\\nopen = 1', 'open\\\r\n(1)', 'print(os.open)']) {
      assert.equal(may(t), false, t);
    }
    for (const t of ['open = 1', 'def open(p): pass', 'async  def open(p): pass', 'class open(B): pass', 'def open[T](p): pass', 'type open[T] = int', 'import open.x', 'import a, \\\n open.x', 'def f(open): pass', 'from . import open', 'with a as open: pass', 'for open in x: pass', 'global open', '(open := 1)', 'lambda open: 1', 'match x:\n    case open: pass', '# x.\nopen = 1', '# see open\n']) {
      assert.equal(may(t), true, t);
    }
    // `import tmp` then a line that starts with a bracket: a line break ends the look ahead.
    assert.equal(may('import tmp\n[1]', 'tmp'), true);
  });

  test('the shortcut resolves every identifier as the scopes do: snapshot inputs and a sample of the standard library', () => {
    let shortcuts = 0;
    for (const c of listCases()) shortcuts += sameResolutions(decodeSource(readFileSync(c.inPath)).text, c.inPath);
    const stdlib = execFileSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], { encoding: 'utf8' }).trim();
    const sample = readdirSync(stdlib).filter((f) => f.endsWith('.py')).sort().filter((_, i) => i % 8 === 0);
    assert.ok(sample.length > 15);
    for (const f of sample) shortcuts += sameResolutions(decodeSource(readFileSync(join(stdlib, f))).text, f);
    assert.ok(shortcuts > 1000, `only ${shortcuts} identifiers took the shortcut`);
  });

  test('word spans without match objects: exactly what the identifier pattern matches, Unicode included', () => {
    const spans = (t: string, from = 0, to = t.length) => {
      const out: string[] = [];
      forEachWordSpan(t, from, to, (s, e) => out.push(`${s}-${e}`));
      return out;
    };
    const byRegex = (t: string, from = 0, to = t.length) => [...t.slice(from, to).matchAll(/[\p{L}_][\p{L}\p{N}_]*/gu)].map((m) => `${m.index! + from}-${m.index! + from + m[0].length}`);
    const texts = ['', 'a', '2abc déf_9 ñ x١٢ _ __init__ 𝔘𝔫𝔦 😀x a😀b \ud800x ab\udc00', 'naïve café ℕ ⅷ x² ﬁle', 'def f(x):\n    return x.y + 1e5'];
    for (const c of listCases().slice(0, 60)) texts.push(decodeSource(readFileSync(c.inPath)).text);
    for (const t of texts) assert.deepEqual(spans(t), byRegex(t), JSON.stringify(t.slice(0, 40)));
    assert.deepEqual(spans('ab cd ef', 1, 7), byRegex('ab cd ef', 1, 7));
  });

  test('identifiers by name found from the text are those a walk of the tree finds: every name, the module and its functions', () => {
    const stdlib = execFileSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], { encoding: 'utf8' }).trim();
    const texts = listCases().map((c) => decodeSource(readFileSync(c.inPath)).text);
    for (const f of readdirSync(stdlib).filter((f) => f.endsWith('.py')).sort().filter((_, i) => i % 10 === 0)) texts.push(decodeSource(readFileSync(join(stdlib, f))).text);
    let compared = 0;
    for (const text of texts) {
      const root = parsePython(text).rootNode;
      const scopes = [root, ...root.descendantsOfType('function_definition').slice(0, 8).map((d) => d.childForFieldName('body')!)];
      for (const scope of scopes) {
        // What the walk finds, every name at once.
        const byName = new Map<string, number[]>();
        const c = scope.walk();
        for (let depth = 0, done = false; !done; ) {
          // (By the name Python reads: `ｉｔ` is `it`, PEP 3131)
          if (c.nodeType === 'identifier') byName.set(identifierKey(c.nodeText), [...(byName.get(identifierKey(c.nodeText)) ?? []), c.startIndex]);
          if (c.gotoFirstChild()) {
            depth++;
            continue;
          }
          while (!done && (depth === 0 || !c.gotoNextSibling())) {
            if (depth === 0 || !c.gotoParent()) done = true;
            else depth--;
          }
        }
        for (const [name, starts] of byName) {
          assert.deepEqual(identifiersNamed(scope, name, text).map((n) => n.startIndex), starts, name);
          compared++;
        }
        assert.deepEqual(identifiersNamed(scope, 'no_such_name_here', text), []);
      }
    }
    assert.ok(compared > 5000, `only ${compared} names compared`);
  });

  test('the bindings of a scope: a `:=` in the header of a def or class, the default of a lambda, a comprehension binds in the scope; a file that says no `:=` skips those parts', () => {
    const names = (text: string) => [...collectBindings(parsePython(text).rootNode).keys()].sort().join(' ');
    assert.equal(names('@deco(d := 1)\ndef f(x=(y := 2), *, z: (t := int) = 3) -> (r := int):\n    inner = 4\n'), 'd f r t y');
    assert.equal(names('class C(B, metaclass=(m := Meta)):\n    attr = 1\n'), 'C m');
    assert.equal(names('g = lambda a=(w := 5): a\nh = [v for v in (u := range(3))]\n'), 'g h u w');
    // A def without `:=` in a file that says it elsewhere, and a file that says it nowhere: only the names
    assert.equal(names('def f(x=1):\n    y = (z := 2)\nq = (p := 3)\n'), 'f p q');
    assert.equal(names('@deco\ndef f(x=g(1), *a, **k) -> int:\n    y = 2\nclass C(B):\n    pass\nfor i in x:\n    j = i\n'), 'C f i j');
  });
});

test('freshName: a name written only as a keyword counts as free when the caller says so, never one a submodule takes', () => {
  const root = parsePython('dict(long_description=1)\nsetup(long_description=2)\n').rootNode;
  const stmt = root.namedChildren[1]!;
  assert.equal(new NameIndex(root).freshName(stmt, ['long_description', 'text']), 'text');
  assert.equal(new NameIndex(root).freshName(stmt, ['long_description', 'text'], undefined, new Set(['long_description'])), 'long_description');
  const submodules = () => new Set(['long_description']);
  assert.equal(new NameIndex(root).freshName(stmt, ['long_description', 'text'], submodules, new Set(['long_description'])), 'text');
  // Taken once, it is taken for the rest of the pass
  const index = new NameIndex(root);
  const keywordOnly = new Set(['long_description']);
  assert.equal(index.freshName(stmt, ['long_description'], undefined, keywordOnly), 'long_description');
  assert.equal(index.freshName(stmt, ['long_description'], undefined, keywordOnly), 'long_description2');
});

describe('the code a def, lambda or class runs around it', () => {
  const text = [
    'async def outer(p):',
    '    def cb(a, b: hint(1) = 2 + await tick(0), *rest, k=(yield), **kw) -> note(3):',
    '        return a + inner(4)',
    '    f = lambda x, y=load(5): body(6)',
    '    class C(base(7), metaclass=meta(8)):',
    '        z = attr(9)',
    '',
  ].join('\n');
  const root = parsePython(text).rootNode;
  const calls = root.descendantsOfType('call');
  const callNamed = (name: string) => calls.find((c) => c.childForFieldName('function')?.text === name)!;
  const name = (s: SyntaxNode) => (s.type === 'module' ? 'module' : s.childForFieldName('name')?.text ?? s.type);

  test('defaults and bases are the outer scope\'s; bodies, parameter names and annotations (lazy from 3.14) their own', () => {
    const expected: Record<string, string> = { hint: 'cb', tick: 'outer', note: 'cb', inner: 'cb', load: 'outer', body: 'lambda', base: 'outer', meta: 'outer', attr: 'C' };
    for (const [callee, scope] of Object.entries(expected)) assert.equal(name(scopeOf(callNamed(callee))), scope, callee);
    const cb = root.descendantsOfType('function_definition').find((d) => d.childForFieldName('name')?.text === 'cb')!;
    const ids = cb.childForFieldName('parameters')!.descendantsOfType('identifier');
    for (const param of ['a', 'b', 'rest', 'k', 'kw']) assert.ok(inOwnCode(ids.find((i) => i.text === param)!, cb), param);
    assert.equal(name(scopeOf(root.descendantsOfType('yield')[0]!)), 'outer');
    assert.ok(!inOwnCode(callNamed('tick'), cb));
    // An `await` or `yield` in an annotation may run around the def (before 3.14)
    assert.ok(inOwnCode(callNamed('hint'), cb) && !inOwnCode(callNamed('hint'), cb, true));
    assert.ok(inOwnCode(callNamed('note'), cb) && !inOwnCode(callNamed('note'), cb, true));
  });

  test('partsRunAround lists them in order', () => {
    const [outerDef, cb] = root.descendantsOfType('function_definition');
    assert.deepEqual(partsRunAround(cb!).map((n) => n.text), ['hint(1)', '2 + await tick(0)', '(yield)', 'note(3)']);
    assert.deepEqual(partsRunAround(root.descendantsOfType('lambda')[0]!).map((n) => n.text), ['load(5)']);
    assert.deepEqual(partsRunAround(root.descendantsOfType('class_definition')[0]!).map((n) => n.text), ['(base(7), metaclass=meta(8))']);
    assert.deepEqual(partsRunAround(outerDef!).map((n) => n.text), []);
  });
});

describe('names bound where the statements do not show it', () => {
  const fixes = (src: string) => transformSource(src, {}).fixesApplied;
  const GEN = 'def rows():\n    try:\n        yield 1\n    finally:\n        print("cleanup")\n';
  const FIRST = 'def first():\n    for x in rows():\n        return x\n';
  test('a `global` list over a `\\` line, or naming a name in another script: `open` and a generator are not theirs', () => {
    assert.equal(fixes('def setup():\n    global a, \\\n        open\n    open = lambda p: ["x"]\ndef main():\n    print(open("d.txt").read())\n'), 0);
    assert.equal(fixes('def setup():\n    global ñ, open\n    open = lambda p: ["x"]\ndef main():\n    print(open("d.txt").read())\n'), 0);
    assert.equal(fixes(`${GEN}def setup():\n    global a, \\\n        rows\n    rows = lambda: [1]\n${FIRST}`), 0);
    // (the same without the rebinding: fixed)
    assert.equal(fixes(`${GEN}def setup():\n    global a\n    a = 1\n${FIRST}`), 1);
    // A comment that says `global` is no statement: `socket` stays the module
    assert.equal(fixes('import socket\n# use the global socket timeout\ndef ping(h):\n    socket.create_connection((h, 80)).sendall(b"x")\n'), 1);
  });
  test('an import bound again by a `global` statement, a `globals()` write or a `nonlocal` statement is not the module', () => {
    const use = 'def main():\n    print(gzip.open("d.gz").read())\n';
    assert.equal(fixes(`import gzip\n${use}`), 1);
    assert.equal(fixes(`import gzip\ndef setup():\n    global gzip\n    gzip = Fake\n${use}`), 0);
    assert.equal(fixes(`import gzip\nglobals()["gzip"] = Fake\n${use}`), 0);
    assert.equal(fixes('def outer():\n    import gzip\n    def setup():\n        nonlocal gzip\n        gzip = Fake\n    setup()\n    print(gzip.open("d.gz").read())\n'), 0);
    assert.equal(fixes('from itertools import islice\ndef install():\n    global islice\n    islice = lambda it, n: [0]\n' + `${GEN}def main():\n    for x in islice(rows(), 1):\n        print(x)\n`), 0);
  });
  test('the module by another name (`this = sys.modules[__name__]` at any depth, `import sys as _sys`, `from sys import modules`) sets a generator\'s name', () => {
    assert.equal(fixes(`import sys\n${GEN}if True:\n    this = sys.modules[__name__]\n    this.rows = lambda: [1, 2]\n${FIRST}`), 0);
    assert.equal(fixes(`import sys\n${GEN}def use_lists():\n    this = sys.modules[__name__]\n    this.rows = lambda: [1, 2]\n${FIRST}`), 0);
    assert.equal(fixes(`import sys as _sys\ndef install():\n    _sys.modules[__name__].rows = lambda: [1, 2]\n${GEN}${FIRST}`), 0);
    assert.equal(fixes(`from sys import modules\ndef install():\n    modules[__name__].rows = lambda: [1, 2]\n${GEN}${FIRST}`), 0);
    assert.equal(fixes(`import sys\n${GEN}${FIRST}`), 1);
  });
});

test('names as Python reads them (NFKC): `ｆ` is `f`, `def ｏｐｅｎ` binds `open`', async () => {
  const { transformSource } = await import('../src/api.js');
  const { CPYTHON, tempDir } = await import('./helpers.js');
  const { writeFileSync } = await import('node:fs');
  const run = (text: string) => {
    const dir = tempDir('withify-nfkc-');
    writeFileSync(join(dir, 'p.py'), text);
    return execFileSync(CPYTHON, ['p.py'], { cwd: dir, encoding: 'utf8' });
  };
  // A new name never takes one the function spells otherwise
  const kept = 'def a(p):\n    ｆ = "keep"\n    data = open(p).read()\n    return data[:0] + ｆ\n\n\nprint(a(__file__))\n';
  const fixed = transformSource(kept);
  assert.equal(fixed.fixesApplied, 1);
  assert.doesNotMatch(fixed.output, / as f:/);
  assert.equal(run(fixed.output), run(kept));
  const gen = 'def rows():\n    try:\n        yield 1\n    finally:\n        pass\n\n\ndef first():\n    ｇｅｎ = [9]\n    for r in rows():\n        break\n    return ｇｅｎ\n\n\nprint(first())\n';
  const closed = transformSource(gen, { select: ['generator-close'] });
  assert.equal(closed.fixesApplied, 1);
  assert.doesNotMatch(closed.output, /^    gen = /m);
  assert.equal(run(closed.output), run(gen));
  // `open` is the module's own function, spelt in full-width letters: no resource
  const own = 'class Fake:\n    def read(self):\n        return "fake"\n\n\ndef ｏｐｅｎ(p):\n    return Fake()\n\n\ndef load(p):\n    return open(p).read()\n\n\nprint(load(__file__))\n';
  assert.equal(transformSource(own).findings.length, 0);
  assert.equal(run(own), 'fake\n');
});
