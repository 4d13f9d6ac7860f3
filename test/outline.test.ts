// The outline scanner (src/python/outline.ts) and partial parsing: the scanner agrees with tree-sitter on
// what is code and where logical lines start; a partial parse and the first pass give exactly what the whole
// file gives (snapshot inputs, the generator fixture, a sample of the standard library).
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { processSource } from '../src/engine/pipeline.js';
import { parsePython, takeParsedChars } from '../src/engine/parse.js';
import { defaultOptions } from '../src/options.js';
import { buildProjectIndex, mergeSummaries, moduleNameFor, summarizeFile } from '../src/project.js';
import { badIndentation, childLines, definedName, importAliasTargets, includedRanges, indentUnitOf, inNoncode, isWithItemCall, LineKind, lineAt, outermostFunction, outline, partialRanges, receiverHead, selectAround } from '../src/python/outline.js';
import { generatorSelection, subclassesFromOutline } from '../src/python/generators.js';
import { selectFiles } from '../src/walk.js';
import type { FileResult, SyntaxNode } from '../src/types.js';
import { decodeSource } from '../src/engine/read.js';
import { compileSources, CPYTHON, listCases, ROOT, tempDir } from './helpers.js';

/** The texts of the parts of `text` a partial parse reads. */
function parts(text: string, words: string[]): string[] | string {
  const plan = partialRanges(text, new RegExp(`\\b(?:${words.join('|')})\\b`, 'g'), outline(text), Infinity);
  if (typeof plan === 'string') return plan;
  const out: string[] = [];
  for (let i = 0; i < plan.ranges.length; i += 2) out.push(text.slice(plan.ranges[i], plan.ranges[i + 1]));
  return out;
}

describe('outline', () => {
  test('strings of every kind and comments are not code; f-string fields are', () => {
    const text = [
      'a = "open(" + \'open(\' + r"\\"open(" + b"open("',
      "b = '''open(\n''' \"\"\"x\n\"\"\" # open(",
      'c = f"{open(p)!r:>{width}} {{open(}} {d["k"]}"',
      'e = rf"\\{open(q)}" + f"\\N{DASH} open("',
      'g = open(r)',
    ].join('\n') + '\n';
    const o = outline(text);
    const code = [...text.matchAll(/open/g)].map((m) => !inNoncode(o, m.index!));
    // a: 4 strings; b: 2 strings and a comment; c: the field `open(p)` is code, the `{{open(}}` is text;
    // e: a raw f-string's `\{` still opens a field, `\N{DASH}` is a character name; g: code.
    assert.deepEqual(code, [false, false, false, false, false, false, true, false, true, false, true]);
  });

  test('a string prefix is the name of one or two letters right before the quote: a longer name, a number or a non-ASCII letter before it makes none', () => {
    const text = 'a = f"{open(p)}", xf"{open(p)}", 1f"{open(p)}", \u00e9f"{open(p)}", Rb"{open(p)}", FR"{open(p)}"\n';
    const o = outline(text);
    // `f` and `FR`: fields, code; `xf`, `1f`, `\u00e9f` (names of their own) and `Rb` (no f): text
    assert.deepEqual([...text.matchAll(/open/g)].map((m) => !inNoncode(o, m.index!)), [true, false, false, false, false, true]);
  });

  test('logical lines: brackets, backslashes and triple-quoted strings continue a line; blocks nest by indentation', () => {
    const text = 'import os\nclass C(Base,\n        Mixin):\n    """doc\nclass X:\n"""\n    x = 1 + \\\n        2\n\n    # note\n    @property\n    def m(self):\n        return open(p)\n\ndef f(): pass\n';
    const o = outline(text);
    const firsts = o.first.map((f) => text.slice(f, text.indexOf('\n', f)));
    assert.deepEqual(firsts, ['import os', 'class C(Base,', '    """doc'.trim(), 'x = 1 + \\', '@property', 'def m(self):', 'return open(p)', 'def f(): pass']);
    assert.deepEqual(o.kind, [LineKind.Other, LineKind.Class, LineKind.Other, LineKind.Other, LineKind.Decorator, LineKind.Def, LineKind.Other, LineKind.Def]);
    assert.deepEqual(o.parent, [-1, -1, 1, 1, 1, 1, 5, -1]);
    assert.deepEqual(o.indent, [0, 0, 4, 4, 4, 4, 8, 0]);
    assert.equal(o.blockEnd[1], text.indexOf('def f'));
    assert.deepEqual(childLines(o, 1), [2, 3, 4, 5]);
    assert.equal(definedName(text, o, 5), 'm');
    assert.equal(definedName(text, o, 1), 'C');
  });

  test('tabs count to the next multiple of 8, as Python counts them', () => {
    const o = outline('if x:\n\tif y:\n\t    z = 1\n');
    assert.deepEqual(o.indent, [0, 8, 12]);
    assert.deepEqual(o.parent, [-1, 0, 1]);
  });

  test('import aliases: names bound by `as` in an import, not in `with` or `except`', () => {
    const text = 'import gzip as gz\nfrom m import (a as b,\n    c as d)\ntry: import x as y\nexcept E as e: pass\nwith open(p) as f: pass\ns = "import q as r"\n';
    assert.deepEqual([...importAliasTargets(text, outline(text)).keys()].sort(), ['b', 'd', 'gz', 'y']);
    // What each alias renames (its last part); two different names under one alias: unknown.
    const twice = text + 'import a.b.c as abc\ntry: from m import R as X\nexcept ImportError: from n import R as X\nif t: import p as Z\nelse: import q as Z\n';
    assert.deepEqual(Object.fromEntries(importAliasTargets(twice, outline(twice))), { gz: 'gzip', b: 'a', d: 'c', y: 'x', abc: 'c', X: 'R', Z: '' });
    // A comment or a line continuation between the name and `as` is skipped.
    const commented = 'from gzip import (open  # the gzip one\n    as gz_open)\nimport bz2 \\\n    as b\n';
    assert.deepEqual(Object.fromEntries(importAliasTargets(commented, outline(commented))), { gz_open: 'open', b: 'bz2' });
  });

  test('partial ranges: the outermost function around a match, the headers above it, every top-level statement that is no def or class', () => {
    const text = [
      'import os',
      'def helper():',
      '    return 1',
      'class Tests(Base):',
      '    x = 1',
      '    def test_a(self):',
      '        def inner():',
      '            return open(p)',
      '        return inner',
      '    def test_b(self):',
      '        pass',
      'if __name__ == "__main__":',
      '    main()',
      '',
    ].join('\n');
    assert.deepEqual(parts(text, ['open']), [
      'import os\n',
      'class Tests(Base):\n',
      '    def test_a(self):\n        def inner():\n            return open(p)\n        return inner\n',
      'if __name__ == "__main__":\n    main()\n',
    ]);
    // A match on a def line brings that def; in a string or comment, nothing (and no match in code: 'none').
    assert.deepEqual(parts(text, ['helper']), ['import os\ndef helper():\n    return 1\n', 'if __name__ == "__main__":\n    main()\n']);
    assert.equal(parts('x = "open(p)"  # open(q)\n', ['open']), 'none');
    // A match at the top level needs nothing more than the top-level statements.
    assert.deepEqual(parts('data = open(p).read()\ndef f():\n    pass\n', ['open']), ['data = open(p).read()\n']);
  });

  test('callee anchors count only before `(`, and not as the whole context expression of a `with` item', () => {
    const lines = (text: string) => {
      const o = outline(text);
      const sel = selectAround(text, /\b(?:open|socket)\b/g, o, new Set(['open', 'socket']));
      return typeof sel === 'string' ? sel : [...sel.units].map((u) => text.slice(o.first[u], text.indexOf('(', o.first[u]))).sort();
    };
    const defs = (...bodies: string[]) => bodies.map((b, i) => `def f${i}():\n    ${b}\n`).join('');
    // Not a call of the name: nothing to parse.
    assert.equal(lines(defs('x = socket.AF_INET', 'except_ = socket.error', 'return open')), 'none');
    assert.equal(lines('class C:\n    def open(self):\n        pass\n'), 'none');
    // Calls, however written.
    assert.deepEqual(lines(defs('return open (p)', 'return open\\\n(p)', 'return (open\n  # why\n  (p))', 'return socket.socket()')), ['def f0', 'def f1', 'def f2', 'def f3']);
    // `with` items whose whole expression is the call: the `with` closes it.
    assert.equal(lines(defs('with open(p) as f: pass', 'with open(p): pass', 'with a, gzip.open(p, "rb") as f, b: pass', 'async with socket.socket() as s: pass', 'with open(p, ")") as f: pass')), 'none');
    // Anything else on a `with` line is an ordinary call.
    assert.deepEqual(
      lines(defs('with open(p).raw as f: pass', 'with closing(open(p)) as f: pass', 'with open(p) as self.f: pass', 'with (open(p) as f): pass', 'with a: b, open(p), c', 'with open(\n            p) as f: pass', 'with x[open(p)] as f: pass')),
      ['def f0', 'def f1', 'def f2', 'def f3', 'def f4', 'def f5', 'def f6'],
    );
    const text = 'with a(b, c) as d, open(p) as f:\n    pass\n';
    const o = outline(text);
    assert.equal(isWithItemCall(text, o, 0, text.indexOf('open'), text.indexOf('open') + 4), true);
    assert.equal(isWithItemCall(text, o, 0, text.indexOf('a('), text.indexOf('a(') + 1), true);
  });

  test('callees that resolve by name: a method of a value is no place; a builtin, a module, an import alias or a call\'s result is', () => {
    const lines = (text: string) => {
      const o = outline(text);
      const words = new Set(['open', 'connect']);
      const sel = selectAround(text, /\b(?:open|connect)\b/g, o, words, words);
      return typeof sel === 'string' ? sel : [...sel.units].map((u) => text.slice(o.first[u], text.indexOf('(', o.first[u]))).sort();
    };
    const defs = (...bodies: string[]) => bodies.map((b, i) => `def f${i}(self, sock):\n    ${b}\n`).join('');
    assert.equal(lines(defs('return self.open(p)', 'sock.connect(a)', 'return self.db.connect(a)', 'return self . open(p)')), 'none');
    assert.deepEqual(
      lines(`import gzip as gz, os.path\n${defs('return open(p)', 'return gz.open(p)', 'return Path(p).open()', 'return x[0].open()', 'return os.path.open(p)', 'return (self\n  .open(p))', 'return self.\\\n open(p)')}`),
      ['def f0', 'def f1', 'def f2', 'def f3', 'def f4', 'def f5', 'def f6'],
    );
    // A name an import binds anywhere in the file (even in a function, even `self`); any name after a star import.
    assert.deepEqual(lines(`def g():\n    import io as self\n${defs('return self.open(p)')}`), ['def f0']);
    assert.deepEqual(lines(`from socket import *\n${defs('sock.connect(a)')}`), ['def f0']);
    assert.deepEqual(lines(`from socket import (\n    *)\n${defs('sock.connect(a)')}`), ['def f0']);
    assert.equal(receiverHead('x = a.b . c.open(p)', 'x = a.b . c.'.length), 'a');
    assert.equal(receiverHead('x = open(p)', 4), '');
    assert.equal(receiverHead('x = f().open(p)', 'x = f().'.length), undefined);
    assert.equal(receiverHead('x = 1.0.open(p)', 'x = 1.0.'.length), undefined);
  });

  test('the outermost function around an offset: a def line\'s parameters and decorators belong outside it', () => {
    const text = 'x = 1\nclass C:\n    @deco(open(p))\n    def m(self, fh=open(q)):\n        def inner():\n            return open(r)\n';
    const o = outline(text);
    const at = (s: string) => outermostFunction(o, text.indexOf(s));
    assert.equal(at('x = 1'), -1);
    assert.equal(at('open(p)'), -1);
    assert.equal(at('open(q)'), -1);
    assert.equal(at('open(r)'), lineAt(o, text.indexOf('def m')));
  });

  test('a partial tree keeps the whole text\'s offsets and rows', () => {
    const text = 'import os\n\n\ndef a():\n    pass\n\n\nclass C:\n    def m(self):\n        return open(p)\n';
    const plan = partialRanges(text, /\bopen\b/g, outline(text), Infinity);
    assert.ok(typeof plan !== 'string');
    const tree = parsePython(text, includedRanges(text, plan.ranges));
    assert.equal(tree.rootNode.hasError, false);
    const at = text.indexOf('open');
    const node = tree.rootNode.descendantForIndex(at, at + 4);
    assert.equal(node.type, 'identifier');
    assert.equal(node.text, 'open');
    assert.deepEqual(node.startPosition, { row: 9, column: 15 });
    assert.deepEqual(tree.rootNode.namedChildren.map((n: SyntaxNode) => n.type), ['import_statement', 'class_definition']);
  });

  test('class facts from the outline: bases as written, every def below, generator methods apart', () => {
    const text = 'class A(base.Store, Generic[T, U], metaclass=M):  # why\n    def rows(self):\n        yield 1\n    def keys(self):\n        def helper(): pass\nclass B:\n    def x(self): pass\n';
    const o = outline(text);
    assert.deepEqual(subclassesFromOutline(text, o, new Set([1])), [{ name: 'A', bases: ['Store', 'Generic'], plain: ['keys', 'helper'], generators: ['rows'] }]);
    assert.deepEqual(subclassesFromOutline(text, o, new Set()), [{ name: 'A', bases: ['Store', 'Generic'], plain: ['rows', 'keys', 'helper'] }]);
  });

  test('the first pass selection adds the class body statements that say the name and the top-level defs that bind a counted name again', () => {
    const text = 'from m import rows\nclass C:\n    size = 3\n    if fast:\n        gen = wrap(gen)\n    def gen(self):\n        yield C()\n    def other(self): pass\n    def gen(self): pass\ndef rows(): pass\ndef unrelated(): pass\n';
    const o = outline(text);
    const sel = generatorSelection(text, o);
    assert.ok(typeof sel !== 'string');
    const lineOf = (k: number) => text.slice(o.first[k], text.indexOf('\n', o.first[k]));
    // `size = 3` cannot bind `gen`; `class C:` is a header already, which binds `C` that the generator reads.
    assert.deepEqual([...sel.units].sort((a, b) => a - b).map(lineOf), ['if fast:', 'def gen(self):', 'def gen(self): pass', 'def rows(): pass']);
    assert.deepEqual([...sel.headers].map(lineOf), ['class C:']);
    // The generator's name is bound three times in the class: left out, whether parsed in part or whole.
    assert.deepEqual(summarizeFile('m.py', text, 'm').generators, summarizeFile('m.py', text, 'm', true).generators);
    assert.deepEqual(summarizeFile('m.py', text, 'm').generators?.generators, []);
    const once = text.replace('    def gen(self): pass\n', '').replace('gen = wrap(gen)', 'size = 4');
    assert.deepEqual(summarizeFile('m.py', once, 'm').generators?.generators.map((g) => g.key), ['m.C.gen']);
  });
});

/** A FileResult without what may differ when the partial look settles a file (nothing else may). */
const comparable = (r: FileResult) => JSON.stringify({ ...r, reason: r.status === 'failed' ? r.reason : undefined });

function sameEitherWay(path: string, text: string, select: string[] = [], extra: object = {}): void {
  const options = defaultOptions({ select, ...extra });
  // With its project index, as the CLI runs it (generator-close needs whole files without one).
  const project = buildProjectIndex([path]);
  const moduleName = moduleNameFor(path);
  for (const applyFixes of [true, false]) {
    const whole = processSource({ path, text, options, project, moduleName, partial: false, applyFixes });
    const partial = processSource({ path, text, options, project, moduleName, partial: 'always', applyFixes });
    assert.equal(comparable(partial), comparable(whole), `${path}: the partial look changed the result (${applyFixes ? 'fix' : 'check'})`);
  }
}

describe('partial parsing gives what the whole file gives', () => {
  test('every snapshot input, with its transform and with all of them', () => {
    const cases = listCases();
    assert.ok(cases.length > 200);
    for (const c of cases) {
      const { text } = decodeSource(readFileSync(c.inPath));
      const options = { ...c.options, ...(c.unsafe ? { unsafeFixes: true } : {}) };
      sameEitherWay(c.inPath, text, [c.id], options);
      sameEitherWay(c.inPath, text, [], options);
    }
  });

  test('every top-level def and class of every snapshot input alone, with the module\'s other statements', () => {
    // A finding elsewhere in a file has the whole file parsed, which hides what a partial look alone would miss (a
    // class whose `__del__ = close` names a method the look never parsed): each unit is checked on its own here.
    let pieces = 0;
    for (const c of listCases()) {
      const { text } = decodeSource(readFileSync(c.inPath));
      const o = outline(text);
      const top = o.begin.map((_, k) => k).filter((k) => o.parent[k] === -1);
      // Each def or class with the decorators above it; the other top-level statements stay in every piece
      const units: number[][] = [];
      let decorators: number[] = [];
      for (const k of top) {
        if (o.kind[k] === LineKind.Decorator) decorators.push(k);
        else if (o.kind[k] === LineKind.Def || o.kind[k] === LineKind.Class) {
          units.push([...decorators, k]);
          decorators = [];
        } else decorators = [];
      }
      if (units.length < 2) continue;
      const inUnit = new Set(units.flat());
      const rest = top.filter((k) => !inUnit.has(k));
      const options = { ...c.options, ...(c.unsafe ? { unsafeFixes: true } : {}) };
      for (const unit of units) {
        const lines = [...rest, ...unit].sort((a, b) => a - b);
        const piece = lines.map((k) => text.slice(o.begin[k], o.blockEnd[k])).join('');
        const project = mergeSummaries([summarizeFile(c.inPath, piece, 'piece')]);
        for (const applyFixes of [false, true]) {
          const args = { path: c.inPath, text: piece, options: defaultOptions(options), project, moduleName: 'piece', applyFixes };
          const whole = processSource({ ...args, partial: false });
          const partial = processSource({ ...args, partial: 'always' });
          assert.equal(comparable(partial), comparable(whole), `${c.name}, the unit on line ${lineAt(o, o.begin[unit.at(-1)!]!) + 1} alone (${applyFixes ? 'fix' : 'check'})`);
        }
        pieces++;
      }
    }
    assert.ok(pieces > 500, `only ${pieces} pieces`);
  });

  test('a sample of the standard library, and its generator index', () => {
    const stdlib = execFileSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], { encoding: 'utf8' }).trim();
    const { files } = selectFiles([join(stdlib, 'asyncio'), join(stdlib, 'json'), join(stdlib, 'email'), join(stdlib, 'test', 'test_tempfile.py'), join(stdlib, 'test', 'test_fileinput.py'), join(stdlib, 'tarfile.py'), join(stdlib, 'zipfile'), join(stdlib, 'zipfile.py'), join(stdlib, 'weakref.py'), join(stdlib, '_weakrefset.py')].filter((p) => {
      try {
        return statSync(p) !== undefined;
      } catch {
        return false;
      }
    }), { cwd: stdlib });
    assert.ok(files.length > 40, `only ${files.length} files`);
    const whole = buildProjectIndex(files, true);
    const partial = buildProjectIndex(files, false);
    assert.deepEqual(partial, whole);
    let findings = 0;
    // Files `fix` leaves as they are though they have findings (none with a fix it applies): the first look's
    // findings are the whole file's there too
    let leftAsIs = 0;
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const options = defaultOptions({});
      const a = processSource({ path: f, text, options, project: partial, moduleName: moduleNameFor(f), partial: false, applyFixes: false });
      const b = processSource({ path: f, text, options, project: partial, moduleName: moduleNameFor(f), partial: 'always', applyFixes: false });
      assert.equal(comparable(b), comparable(a), f);
      findings += a.findings.length;
      for (const unsafeFixes of [false, true]) {
        const fixing = defaultOptions({ unsafeFixes });
        const c = processSource({ path: f, text, options: fixing, project: partial, moduleName: moduleNameFor(f), partial: false });
        const d = processSource({ path: f, text, options: fixing, project: partial, moduleName: moduleNameFor(f), partial: 'always' });
        assert.equal(comparable(d), comparable(c), `${f} (fix${unsafeFixes ? ' --unsafe-fixes' : ''})`);
        if (c.findings.length > 0 && c.status === 'unchanged') leftAsIs++;
      }
    }
    assert.ok(findings > 10, `only ${findings} findings: the sample no longer exercises the transforms`);
    assert.ok(leftAsIs > 3, `only ${leftAsIs} files left as they are with findings`);
  });

  test('the generator fixture: the same index and the same results', () => {
    const root = join(ROOT, 'test', 'fixtures', 'generator-project');
    const files = readdirSync(root, { recursive: true }).map(String).filter((f) => f.endsWith('.py')).map((f) => join(root, f)).sort();
    const index = buildProjectIndex(files, false);
    assert.deepEqual(index, buildProjectIndex(files, true));
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const options = defaultOptions({});
      const a = processSource({ path: f, text, options, project: index, moduleName: moduleNameFor(f), partial: false });
      const b = processSource({ path: f, text, options, project: index, moduleName: moduleNameFor(f), partial: 'always' });
      assert.equal(comparable(b), comparable(a), f);
    }
  });

  test('exact partial reports: anchors at the top level and in class bodies, `global`, `with` items, new imports', () => {
    const text = [
      'import socket, contextlib',
      'from os import open as os_open',
      'log = open("log.txt", "a")',
      'class Server(socket.socket):',
      '    family = socket.AF_INET',
      '    cache = open("cache")',
      '    def open(self, p):',
      '        with open(p) as f, socket.socket() as s:',
      '            return f.read()',
      '    def read(self, p):',
      '        return open(p).read()',
      '    def keep(self, p):',
      '        self.fh = open(p)',
      'class Holder:',
      '    def __init__(self, p):',
      '        self.fh = open(p)',
      '        self.log = open(p + ".log")',
      '    def shut(self):',
      '        self.fh.close()',
      'def first(p):',
      '    global log',
      '    log = open(p)',
      '    return log.read()',
      'def shutdown():',
      '    log.close()',
      'def second(p):',
      '    data = open(p).read()',
      '    for line in open(p):',
      '        print(line)',
      '    return data',
      'def third(p):',
      '    return json.load(open(p))',
      '',
    ].join('\n');
    const inFunctions = text.replace(/^(log|    cache) = .*\n/gm, '');
    const variants = [text, inFunctions, inFunctions.replace(/^def first[^]*?(?=^def second)/m, ''), inFunctions.replace('import socket, contextlib', 'import socket\nclosing = 1')];
    for (const v of variants) {
      sameEitherWay('exact.py', v);
      sameEitherWay('exact.py', v, ['open-chain', 'open-loop', 'open-argument', 'open-assign']);
    }
  });

  test('long classes read from the text: a store in one method, a class only named, a class whose header says an anchor', () => {
    // Forty short methods no anchor is in: a partial look parses none of them.
    const filler = Array.from({ length: 40 }, (_, i) => `    def m${i}(self):\n        return ${i}\n`).join('');
    const text = [
      'import subprocess',
      'class Holder:',
      '    def __init__(self, p):',
      '        self.fh = open(p)',
      `${filler}    def shut(self):`,
      '        self.fh.close()  # closes it, 40 methods further down',
      'class Leaky:',
      '    def __init__(self, p):',
      '        self.fh = open(p)',
      `${filler}    # self.fh.close() in a comment after Leaky's last method: no close (its class ends before it)`,
      'class Done:',
      '    def __init__(self, p):',
      '        self.fh = open(p)',
      `${filler}    def __exit__(self, *exc):`,
      '        pass',
      'class Pipe(subprocess.Popen):',
      `${filler}def make(p):`,
      '    return Holder(p), Leaky(p), Done(p), Pipe(["ls"])',
      '',
    ].join('\n');
    const options = defaultOptions({ select: ['open-assign'] });
    sameEitherWay('classes.py', text, ['open-assign']);
    sameEitherWay('classes.py', text);
    takeParsedChars();
    const found = processSource({ path: 'classes.py', text, options, partial: 'always', applyFixes: false });
    // Only Leaky's store is left open; the partial look parsed the three `__init__`s and the headers, not the
    // 160 other methods (each was once parsed whole, with its class)
    assert.deepEqual(found.findings.map((f) => [f.location.line, f.code]), [[89, 'WFY105']]);
    const parsed = takeParsedChars();
    assert.ok(parsed > 0 && parsed < text.length / 5, `${parsed} of ${text.length} characters parsed`);
  });

  test('class-del on a partial tree: `__del__ = close`, and `__exit__` far from `__del__`, read with their class', () => {
    const filler = Array.from({ length: 10 }, (_, i) => `    def m${i}(self):\n        return ${i}\n`).join('');
    const text = [
      'import os',
      'class Conn:',
      '    def __init__(self, fd):',
      '        self.fd = fd',
      '    def close(self):',
      '        os.close(self.fd)',
      `${filler}    __del__ = close`,
      'class Managed:',
      '    def __del__(self):',
      '        os.close(self.fd)',
      `${filler}    def __exit__(self, *exc):`,
      '        self.close()',
      'class Base:',
      '    def __exit__(self, *exc):',
      '        self.close()',
      `${filler}class Derived(Base):`,
      '    def __del__(self):',
      '        os.close(self.fd)',
      '',
    ].join('\n');
    // Each class alone, and the three together
    const conn = text.slice(0, text.indexOf('class Managed'));
    for (const t of [text, conn, text.replace(conn, 'import os\n')]) {
      sameEitherWay('dels.py', t, ['class-del']);
      sameEitherWay('dels.py', t);
    }
    // Once a partial look missed Conn's (`close` was never parsed) and reported nothing
    for (const t of [text, conn]) {
      for (const applyFixes of [false, true]) {
        const r = processSource({ path: 'dels.py', text: t, options: defaultOptions({ select: ['class-del'] }), partial: 'always', applyFixes });
        assert.deepEqual(r.findings.map((f) => [f.location.line, f.code]), [[27, 'WFY110']]);
      }
    }
  });

  test('a class named by the parsed code: only its header, unless it says `__aexit__` (an `async with` of it in an async generator)', () => {
    const dir = tempDir('withify-aexit-');
    try {
      const text = [
        'log = []',
        'class Ctx:',
        '    async def __aenter__(self):',
        '        return self',
        '    async def __aexit__(self, *exc):',
        '        log.append("exit")',
        'async def agen():',
        '    try:',
        '        async with Ctx():',
        '            yield 1',
        '    finally:',
        '        log.append("done")',
        'async def use():',
        '    async for x in agen():',
        '        break',
        '',
      ].join('\n');
      // An `__aexit__` that awaits makes the fix unsafe: the class's body decides, in either parse
      for (const [name, body] of [['quick.py', text], ['slow.py', text.replace('log.append("exit")', 'await log_it()')]] as const) {
        const path = join(dir, name);
        writeFileSync(path, body);
        sameEitherWay(path, body);
        const r = processSource({ path, text: body, options: defaultOptions({}), project: buildProjectIndex([path]), moduleName: moduleNameFor(path), partial: 'always', applyFixes: false });
        assert.deepEqual(r.findings.map((f) => f.fixStatus), [name === 'quick.py' ? 'fixable' : 'unsafe']);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('resource calls through a receiver: only where an import may name it', () => {
    const text = [
      'import gzip as gz',
      'from pathlib import Path',
      'class C:',
      '    def a(self, p):',
      '        return self.open(p).read()',
      '    def b(self, p):',
      '        return gz.open(p).read()',
      '    def c(self, p):',
      '        return Path(p).open().read()',
      '    def d(self, sock, addr):',
      '        sock.connect(addr)',
      'def e(p):',
      '    import io as self',
      '    return self.open(p).read()',
      'def f(p):',
      '    for line in gz . open(p):',
      '        print(line)',
      '',
    ].join('\n');
    sameEitherWay('receivers.py', text);
    sameEitherWay('receivers.py', `from io import *\n${text.replace('    import io as self\n', '')}`);
    // The places this test is about: each of these has a finding.
    const found = processSource({ path: 'receivers.py', text, options: defaultOptions({}), partial: 'always', applyFixes: false });
    assert.deepEqual([...new Set(found.findings.map((f) => f.location.line))], [7, 9, 14, 16]);
  });

  test('import aliases: of a class holding generators, of a module, of a generator, of an unrelated module', () => {
    const dir = tempDir('withify-alias-');
    try {
      const gens = 'class Reader:\n    def rows(self):\n        try:\n            yield 1\n        finally:\n            print("done")\n\n\ndef gen():\n    try:\n        yield 1\n    finally:\n        print("done")\n';
      const use = [
        'import os.path as osp',
        'import gens as G',
        'from gens import Reader as R, gen as g',
        'def a(r):\n    for x in R.rows(r):\n        break',
        'def b():\n    for x in G.gen():\n        break',
        'def c():\n    for x in g():\n        break',
        'def d(p):\n    return osp.join(p, "x")',
        '',
      ].join('\n');
      writeFileSync(join(dir, 'gens.py'), gens);
      writeFileSync(join(dir, 'use.py'), use);
      const files = [join(dir, 'gens.py'), join(dir, 'use.py')];
      const project = buildProjectIndex(files);
      const options = defaultOptions({});
      for (const applyFixes of [false, true]) {
        const whole = processSource({ path: files[1]!, text: use, options, project, moduleName: 'use', partial: false, applyFixes });
        const partial = processSource({ path: files[1]!, text: use, options, project, moduleName: 'use', partial: 'always', applyFixes });
        assert.equal(whole.findings.length, 3);
        assert.equal(comparable(partial), comparable(whole));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an import alias of a name that is no anchor is none (`_("…")` of gettext); one of an anchor is, in any order', () => {
    const options = defaultOptions({ select: ['open-chain', 'open-assign'] });
    // A syntax error in the only function that calls `_`: a partial look never parses it. (The comment names
    // `open`: without a trigger word no look parses anything.)
    const gettext = 'from gettext import gettext as _\n\n# no open() here\ndef broken():\n    x = = _("text")\n';
    assert.equal(processSource({ path: 'x.py', text: gettext, options, partial: 'always' }).status, 'unchanged');
    assert.equal(processSource({ path: 'x.py', text: gettext, options, partial: false }).status, 'failed');
    // `_` for gzip's open (named past a comment), or for an alias of it written later: its calls are places.
    for (const imports of ['from gzip import (open  # the gzip one\n    as _)', 'from m import gzopen as _\nfrom gzip import open as gzopen']) {
      const text = gettext.replace('from gettext import gettext as _', imports);
      assert.equal(processSource({ path: 'x.py', text, options, partial: 'always' }).status, 'failed', imports);
    }
  });

  test('a module name two files share (two conftest.py): generator-close parses only what the first pass found of its own generators', () => {
    const produce = 'def produce():\n    try:\n        yield 1\n    finally:\n        print("done")\n';
    const broken = '# no open() here\ndef broken():\n    x = = produce()\n';
    const loop = `${produce}\ndef first():\n    for x in produce():\n        return x\n`;
    // A generator without cleanup, and a syntax error where no anchor is: nothing for generator-close to parse.
    const plain = 'def plain():\n    yield 1\n\n\ndef broken():\n    x = = 1\n';
    const files: Record<string, string> = { 'gens.py': produce, 'a/conftest.py': broken, 'b/conftest.py': loop, 'c/conftest.py': plain };
    const project = mergeSummaries(Object.entries(files).map(([path, text]) => summarizeFile(path, text, path === 'gens.py' ? 'gens' : 'conftest')));
    const index = project.generators as { ambiguous: string[]; own: Record<string, { generators: Record<string, unknown> }> };
    assert.deepEqual(index.ambiguous, ['conftest']);
    // Each file of the shared name has the index of its own module, keyed by its path.
    assert.deepEqual(Object.keys(index.own).sort(), ['a/conftest.py', 'b/conftest.py', 'c/conftest.py']);
    assert.deepEqual(Object.keys(index.own['b/conftest.py']!.generators), ['conftest.produce']);
    const options = defaultOptions();
    const look = (path: string, partial: boolean | 'always') => processSource({ path, text: files[path]!, options, project, moduleName: 'conftest', partial });
    // `produce` of gens.py is not this module's: nothing to parse, as a whole parse finds the syntax error.
    assert.equal(look('a/conftest.py', 'always').status, 'unchanged');
    assert.equal(look('a/conftest.py', false).status, 'failed');
    // It says `yield`, but the first pass found no generator with cleanup in it: no whole parse.
    assert.equal(look('c/conftest.py', 'always').status, 'unchanged');
    assert.equal(look('c/conftest.py', false).status, 'failed');
    // Its own generator: the same fix either way.
    const [partly, wholly] = (['always', false] as const).map((partial) => look('b/conftest.py', partial));
    assert.equal(comparable(partly!), comparable(wholly!));
    assert.equal(partly!.fixesApplied, 1);
    // Without the first pass's index of its module (a library caller's own index): the whole file decides.
    const bare = { generators: { ...index, own: undefined } };
    const [p2, w2] = (['always', false] as const).map((partial) => processSource({ path: 'b/conftest.py', text: loop, options, project: bare, moduleName: 'conftest', partial }));
    assert.equal(comparable(p2!), comparable(w2!));
    assert.equal(p2!.fixesApplied, 1);
  });

  test('a syntax error in a function no anchor is in: found only with the whole file', () => {
    const text = 'def broken():\n    x = = 1\n\ndef f(p):\n    with open(p) as fh:\n        return fh.read()\n';
    // (Without a project index generator-close needs whole files: select the resource transforms.)
    const options = defaultOptions({ select: ['open-chain', 'open-assign'] });
    assert.equal(processSource({ path: 'x.py', text, options, partial: 'always' }).status, 'unchanged');
    assert.equal(processSource({ path: 'x.py', text, options, partial: false }).status, 'failed');
    // Where a transform finds something, the whole file is parsed, and the error stops the fix.
    const found = 'def broken():\n    x = = 1\n\ndef f(p):\n    return open(p).read()\n';
    assert.equal(processSource({ path: 'x.py', text: found, options, partial: 'always' }).status, 'failed');
  });
});

test('badIndentation: the lines CPython rejects for their indentation, and no others', () => {
  const shapes = [
    'def f():\n    if x:\n        pass\n    return 1\n',
    'def f():\n\tif x:\n\t\tpass\n\treturn 1\n',
    // Tabs in one function, spaces in another: each consistent.
    'def a():\n\treturn 1\n\n\ndef f(p):\n    return 2\n',
    // A tab, then spaces, under spaces: deeper with tabs as 8, shallower with tabs as 1.
    'class A:\n    def f(self):\n        if x:\n\t    pass\n',
    // Deeper by a tab under spaces that a tab also reaches: consistent.
    'if x:\n    if y:\n    \tpass\n',
    'if x:\n        a\n    b\n',
    'if x:\n\tif y:\n\t        a\n\telse:\n\t    b\n',
    'if x:\n\tif y:\n\t        a\n\t    b\n',
    // A form feed in the indentation starts the count again.
    'if x:\n    a\n\x0c    b\n',
    // Continuation lines, strings and comments have no say.
    'x = (1,\n\t  2)\ns = """\n\t  a\n  """\n  # c\nif x:\n    pass\n',
    'def f():\n    return 1\n  # a comment\n',
  ];
  const compiles = compileSources(CPYTHON, shapes).map((err) => err === null);
  assert.deepEqual(compiles.filter((c) => !c).length, 3, 'three of the shapes are rejected by CPython');
  assert.deepEqual(shapes.map((s) => badIndentation(s) === undefined), compiles);
  assert.equal(badIndentation('if x:\n        a\n    b\n'), 16, 'the offset of the line');
});

test('indentUnitOf: the step most blocks take, the first on a tie, and a fix written with it', () => {
  const unit = (src: string) => indentUnitOf(src, outline(src));
  // Ex) Debian's SoftwarePropertiesDBus.py: a two-space helper first, every other block four
  const mixed = 'def helper(s):\n  if s:\n    return s\n\nclass C:\n    def m(self, p):\n        line = ""\n        for x in open(p):\n            line = x\n        return line\n';
  assert.equal(unit(mixed), '    ');
  assert.equal(unit('def a():\n  return 1\n\ndef b():\n    return 2\n'), '  ');
  assert.equal(unit('def a():\n\treturn 1\n'), '\t');
  assert.equal(unit('x = 1\n'), '    ');
  const fixed = processSource({ path: 'm.py', text: mixed, eol: '\n', options: { ...defaultOptions(), select: ['open-loop'] } });
  assert.equal(fixed.after, mixed.replace('        for x in open(p):\n            line = x\n', '        with open(p) as f:\n            for x in f:\n                line = x\n'));
});

test('unexpectedIndent: an indent where no block opens, as Python reports it; what opens a block, continues a line or dedents is none', async () => {
  const { unexpectedIndent: at } = await import('../src/python/outline.js');
  const bad: Array<[string, number]> = [
    ['def g():\n    setup()\nlog = 1\n    return 1\n', 4],
    ['x = 1  # a:\n    y = 2\n', 2],
    ['if x: pass\n    y\n', 2],
    ['  x = 1\n', 1],
  ];
  for (const [src, line] of bad) {
    const offset = at(src);
    assert.notEqual(offset, undefined, src);
    assert.equal(src.slice(0, offset).split('\n').length, line, src);
  }
  for (const src of [
    'def g():  # c:\n    return 1\n',
    'x = (1,\n    2)\ny = 3\n',
    'class A(\n    B):\n    pass\n',
    'if a:\\\n    pass\n',
    'd = {\n  "a": 1}\nif d: \\\n\n    pass\n',
    's = """\n    x\n"""\n',
    'lambda: (\n  1)\n',
    'if a:\n    pass\n\n\n  # comment\nx = 1\n',
    'match p:\n    case 1:\n        pass\n',
    'if a:\r\n\tb = 1\r\n',
    'if a:\f\n    b = 1\n',
    'x = "a:"\nif x:\n    y = 1\n',
  ]) {
    assert.equal(at(src), undefined, JSON.stringify(src));
  }
});
