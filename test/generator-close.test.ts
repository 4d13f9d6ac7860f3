// generator-close (WFY201): the project index (which generators hold cleanup, across modules), the
// transform through the library API on one file, and the CLI over a small package.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { transformSource } from '../src/api.js';
import { defaultOptions } from '../src/options.js';
import { mergeSummaries, needsProjectIndex, summarizeFile } from '../src/project.js';
import { resolveGenerator, type GeneratorIndex } from '../src/python/generators.js';
import { takeParsedChars } from '../src/engine/parse.js';
import { SNAPSHOTS } from './helpers.js';
import { CLI, CPYTHON, ROOT, tempDir } from './helpers.js';

/** Run `text` as `p.py` in `dir` under CPython; it must exit 0; its output. */
function runInDir(dir: string, text: string): string {
  writeFileSync(join(dir, 'p.py'), text);
  const out = spawnSync(CPYTHON, ['p.py'], { cwd: dir, encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  return out.stdout;
}

function indexOf(files: Record<string, string>): GeneratorIndex {
  const summaries = Object.entries(files).map(([path, text]) => {
    const mod = path.replace(/\/__init__\.py$/, '').replace(/\.py$/, '').split('/').join('.');
    return summarizeFile(path, text, mod);
  });
  // The index crosses threads by structured clone: it must survive a JSON round trip unchanged.
  const index = mergeSummaries(summaries);
  assert.deepEqual(JSON.parse(JSON.stringify(index)), index);
  return index.generators as GeneratorIndex;
}

const CLEANUP = 'def produce():\n    try:\n        yield 1\n    finally:\n        pass\n';

describe('generator index', () => {
  test('delegation is followed to a fixed point, in any file order', () => {
    const index = indexOf({
      'c.py': 'from b import middle\n\ndef outer():\n    for x in middle():\n        yield x\n',
      'b.py': 'import a\n\ndef middle():\n    yield from a.produce()\n\ndef unrelated():\n    yield 1\n',
      'a.py': CLEANUP,
    });
    assert.deepEqual(Object.keys(index.generators).sort(), ['a.produce', 'b.middle', 'c.outer']);
  });

  test('a loop over a generator with cleanup delegates only when it yields inside the loop', () => {
    const index = indexOf({
      'm.py': `${CLEANUP}\ndef drains():\n    for x in produce():\n        pass\n    yield 2\n`,
    });
    assert.deepEqual(Object.keys(index.generators), ['m.produce']);
  });

  test('relative imports and re-exports through __init__.py resolve', () => {
    const index = indexOf({
      'pkg/__init__.py': 'from .core import produce as make\n',
      'pkg/core.py': CLEANUP,
      'pkg/sub/__init__.py': '',
      'pkg/sub/user.py': 'from .. import make\nfrom ..core import produce\n\ndef relay():\n    yield from make()\n',
    });
    assert.equal(resolveGenerator(index, 'pkg.make')?.key, 'pkg.core.produce');
    assert.ok(index.generators['pkg.sub.user.relay']);
  });

  test('callNames (the trigger words of files that only call): module-level generators and re-exports, not methods', () => {
    const index = indexOf({
      'pkg/__init__.py': 'from .core import produce as make\n',
      'pkg/core.py': `${CLEANUP}\nclass Store:\n    def rows(self):\n        with self.lock:\n            yield 1\n`,
    });
    assert.deepEqual(index.callNames, ['make', 'produce']);
    // A file that only imports and calls `make` is parsed; one that names neither is not.
    const project = { generators: index };
    const caller = 'from pkg import make\nfor x in make():\n    break\n';
    assert.equal(transformSource(caller, { path: 'main.py', moduleName: 'main', project, select: ['generator-close'] }).findings.length, 1);
    assert.equal(transformSource('def f(:\n', { path: 'other.py', moduleName: 'other', project, select: ['generator-close'] }).status, 'unchanged');
    // A local `as` name is a callee too: the calls are found from the text, import aliases included.
    const aliased = transformSource('from pkg.core import produce as p\nfor x in p():\n    break\n', { path: 'main.py', moduleName: 'main', project, select: ['generator-close'] });
    assert.equal(aliased.output, 'from pkg.core import produce as p\n_gen = p()\ntry:\n    for x in _gen:\n        break\nfinally:\n    _gen.close()\n');
  });

  test('self.m() resolves to a method of the same class; other receivers do not', () => {
    const index = indexOf({
      'm.py': [
        'class Store:',
        '    def rows(self):',
        '        with self.lock:',
        '            yield 1',
        '',
        '    def relay(self):',
        '        yield from self.rows()',
        '',
        '    def other(self, peer):',
        '        yield from peer.rows()',
        '',
      ].join('\n'),
    });
    assert.deepEqual(Object.keys(index.generators).sort(), ['m.Store.relay', 'm.Store.rows']);
  });

  test('decorated generator functions (contextmanager) are not generators; staticmethod is', () => {
    const index = indexOf({
      'm.py': 'import contextlib\n\nclass A:\n    @staticmethod\n    def s():\n        with x:\n            yield 1\n\n@contextlib.contextmanager\ndef cm():\n    try:\n        yield 1\n    finally:\n        pass\n',
    });
    assert.deepEqual(Object.keys(index.generators), ['m.A.s']);
  });

  test('a def whose name is bound again (`produce = wrap(produce)`) is left out, for importers too', () => {
    const index = indexOf({
      'm.py': `${CLEANUP}produce = materialize(produce)\n\nclass A:\n    def rows(self):\n        with x:\n            yield 1\n    rows = cache(rows)\n\n    def keep(self):\n        with x:\n            yield 1\n`,
      'user.py': 'from m import produce\n\ndef relay():\n    yield from produce()\n',
    });
    assert.deepEqual(Object.keys(index.generators), ['m.A.keep']);
  });

  test('a subclass overriding a generator method with a plain one is found, at any depth, parsed or read as text', () => {
    const base = 'class Base:\n    def rows(self):\n        raise NotImplementedError\n\nclass Store(Base):\n    def rows(self):\n        with x:\n            yield 1\n\n    def cols(self):\n        with x:\n            yield 1\n\n    def keys(self):\n        with x:\n            yield 1\n';
    const index = indexOf({
      'base.py': base,
      // Read as text (no yield): a multi-line header, a keyword, a dotted and a subscripted base, lines at column 0.
      'mid.py': 'import base\n\nclass Mid(\n    base.Store, metaclass=M,\n):\n    pass\n\nclass Leaf(Mid, Generic[T]):\n    def helper(self):\n        \"\"\"Doc\ndef at column zero\n\"\"\"\n        x = [\n1]\n\n    async def rows(self):\n        return []\n',
      // Parsed: a generator override of `cols` is no problem; a plain `keys` in an unrelated class neither.
      'other.py': 'class Cols(Store):\n    def cols(self):\n        yield 2\n\nclass Unrelated(Other):\n    def keys(self):\n        return []\n',
    });
    assert.deepEqual(index.plainOverrides, ['Store.rows']);
    assert.ok(index.generators['base.Store.keys']);
  });

  test('a subclass through a class alias, a renamed import or a call among its bases overrides too, parsed or read as text', () => {
    const core = 'class Store:\n    def rows(self):\n        try:\n            yield 1\n        finally:\n            pass\n';
    const plain = '    def rows(self):\n        return [8]\n';
    const subs: Record<string, string> = {
      assigned: `from core import Store\n\nBaseStore = Store  # kept for old callers\n\nclass ListStore(BaseStore):\n${plain}`,
      imported: `from core import Store as BaseStore\n\nclass ListStore(BaseStore):\n${plain}`,
      call: `from core import Store\n\nclass ListStore(with_metaclass(type, Store)):\n${plain}`,
      dotted: `import six, core\n\nclass ListStore(six.with_metaclass(\n        Meta, core.Store)):\n${plain}`,
    };
    for (const [name, text] of Object.entries(subs)) {
      for (const parsed of ['', 'def g():\n    yield 1\n']) {
        const index = indexOf({ 'core.py': core, 'sub.py': `${text}${parsed}` });
        assert.deepEqual(index.plainOverrides, ['Store.rows'], `${name}${parsed ? ', parsed' : ''}`);
      }
    }
    // Not an override: an alias of another class, a call of no class of the project.
    assert.deepEqual(indexOf({ 'core.py': core, 'sub.py': `BaseStore = Other\n\nclass ListStore(BaseStore):\n${plain}` }).plainOverrides, []);
    assert.deepEqual(indexOf({ 'core.py': core, 'sub.py': `class ListStore(namedtuple("P", "a b")):\n${plain}` }).plainOverrides, []);
  });

  test('a generator function another module replaces (core.rows = …, setattr(core, "rows", …)) is marked, parsed or read as text', () => {
    const core = 'def rows():\n    try:\n        yield 1\n    finally:\n        pass\n\ndef other():\n    with x:\n        yield 1\n';
    for (const main of ['import core\ncore.rows = lambda: [5]\n', 'import core as c\n\ndef setup():\n    setattr(c, "rows", list)\n', 'import core\ncore.rows = lambda: [5]\ndef g():\n    yield 1\n']) {
      const index = indexOf({ 'core.py': core, 'main.py': main });
      assert.match(index.generators['core.rows']?.patched ?? '', /= …` in `main`$/, main);
      assert.equal(index.generators['core.other']?.patched, undefined);
    }
    // Not a module: an attribute of an object, of a call, of a dotted name
    for (const main of ['import core\nx.core.rows = 1\n', 'from core import other\nother.rows = 1\n', 'import core\nself.rows = 1\n']) {
      assert.equal(indexOf({ 'core.py': core, 'main.py': main }).generators['core.rows']?.patched, undefined, main);
    }
  });

  test('a module two files share keeps the overrides of every module', () => {
    const core = 'class Store:\n    def rows(self):\n        try:\n            yield 1\n        finally:\n            pass\n';
    const sub = 'from core import Store\n\nclass ListStore(Store):\n    def rows(self):\n        return [8]\n';
    const index = mergeSummaries([summarizeFile('a/core.py', core, 'core'), summarizeFile('a/sub.py', sub, 'sub'), summarizeFile('b/core.py', core, 'core')]).generators as GeneratorIndex;
    assert.deepEqual(index.ambiguous, ['core']);
    assert.deepEqual(index.own?.['a/core.py']?.plainOverrides, ['Store.rows']);
    assert.deepEqual(index.own?.['b/core.py']?.plainOverrides, ['Store.rows']);
  });

  test('a file without yield contributes no generators but keeps its imports', () => {
    const s = summarizeFile('pkg/__init__.py', 'from .core import produce\n', 'pkg');
    assert.deepEqual(s.generators, { generators: [], aliases: { 'pkg.produce': 'pkg.core.produce' } });
    assert.deepEqual(summarizeFile('x.py', 'x = 1\n', 'x'), { path: 'x.py', moduleName: 'x' });
  });

  test('imports of a file without yield are read from its text, as the tree would read them', () => {
    const text = [
      '"""Docs.',
      'from not_this import nope',
      '"""',
      'from .core import (produce,',
      '    relay as r)  # comment',
      'import os.path, json as j',
      'from .. import top',
      'try:',
      '    from fast import speedy',
      'except ImportError:',
      '    pass',
      '',
    ].join('\n');
    const s = summarizeFile('pkg/sub/__init__.py', text, 'pkg.sub');
    const expected = { 'pkg.sub.produce': 'pkg.sub.core.produce', 'pkg.sub.r': 'pkg.sub.core.relay', 'pkg.sub.os': 'os', 'pkg.sub.j': 'json', 'pkg.sub.top': 'pkg.top' };
    assert.deepEqual(s.generators?.aliases, expected);
    // The same text with a generator in it is parsed: the aliases agree.
    const parsed = summarizeFile('pkg/sub/__init__.py', `${text}\ndef g():\n    yield 1\n`, 'pkg.sub');
    assert.deepEqual(parsed.generators?.aliases, expected);
  });

  test('an import rebound at the top level of a file read as text is no alias', () => {
    const text = 'from .core import produce, relay, keep, make\nproduce = wrap(produce)\nrelay: object = None\ndef make():\n    pass\nkeep(1)\nkeep == 2\n';
    assert.deepEqual(summarizeFile('pkg/__init__.py', text, 'pkg').generators?.aliases, { 'pkg.keep': 'pkg.core.keep' });
    // Parsed, the same text says the same.
    assert.deepEqual(summarizeFile('pkg/__init__.py', `${text}def g():\n    yield 1\n`, 'pkg').generators?.aliases, { 'pkg.keep': 'pkg.core.keep' });
  });

  test('a name in a docstring is no rebinding, and two imports of one target are one alias, read as text or parsed', () => {
    const text = '"""Usage.\n\ntraceback:\n    printed\n"""\nimport traceback\nimport importlib.util\nimport importlib.machinery\nimport a.b\nimport a.c as a\n';
    const expected = { 'm.traceback': 'traceback', 'm.importlib': 'importlib' };
    assert.deepEqual(summarizeFile('m.py', text, 'm').generators?.aliases, expected);
    assert.deepEqual(summarizeFile('m.py', `${text}def g():\n    yield 1\n`, 'm').generators?.aliases, expected);
  });

  test('a file read as text gives the same facts with \\n, \\r\\n or lone \\r line ends', () => {
    const lines = [
      'from .core import (produce,',
      '    relay as r)',
      'import os',
      "doc = '''",
      'import fake',
      'class Fake(Base):',
      "'''",
      'class Store(Base,',
      '            Mixin):',
      '    def rows(self):',
      '        return []',
      '    async def keys(self):',
      '        return []',
      'def top():',
      '    pass',
      '',
    ];
    const expected = {
      generators: [],
      aliases: { 'pkg.api.produce': 'pkg.core.produce', 'pkg.api.r': 'pkg.core.relay', 'pkg.api.os': 'os' },
      subclasses: [{ name: 'Store', bases: ['Base', 'Mixin'], plain: ['rows', 'keys'] }],
    };
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = lines.join(eol);
      takeParsedChars();
      const read = summarizeFile('pkg/api.py', text, 'pkg.api');
      assert.equal(takeParsedChars(), 0);
      assert.deepEqual(read.generators, expected, JSON.stringify(eol));
      // A line that ends in U+2028 goes on: the class after it is no line of its own.
      assert.deepEqual(summarizeFile('pkg/api.py', `x = 1\u2028class Hidden(Base):${eol}${text}`, 'pkg.api').generators, expected);
    }
  });

  test('a generator in a file whose lines end in a lone \\r is found (tree-sitter reads it with \\n)', () => {
    const lf = 'def g():\n    try:\n        yield 1\n    finally:\n        pass\n';
    const cr = summarizeFile('m.py', lf.replaceAll('\n', '\r'), 'm').generators?.generators;
    assert.deepEqual(cr, summarizeFile('m.py', lf, 'm').generators?.generators);
    assert.deepEqual(cr?.map((g) => [g.key, g.cleanup]), [['m.g', true]]);
  });

  test('a file that says `yield` only in strings and comments is read as text, not parsed, with the facts a parse gives', () => {
    const text = '"""Generators: `yield` hands out a value."""\nfrom .core import produce  # yield\nimport os.path, os\nclass Store(Base):\n    def rows(self):\n        return "yield"\n';
    takeParsedChars();
    const read = summarizeFile('pkg/api.py', text, 'pkg.api');
    assert.equal(takeParsedChars(), 0);
    const parsed = summarizeFile('pkg/api.py', text, 'pkg.api', true);
    assert.ok(takeParsedChars() >= text.length);
    assert.deepEqual(read, parsed);
    assert.deepEqual(read.generators, { generators: [], aliases: { 'pkg.api.produce': 'pkg.core.produce', 'pkg.api.os': 'os' }, subclasses: [{ name: 'Store', bases: ['Base'], plain: ['rows'], base: 'Base' }] });
  });

  test('two modules named alike are left out, not mixed up', () => {
    const summaries = [summarizeFile('a/m.py', CLEANUP, 'm'), summarizeFile('b/m.py', 'def produce():\n    yield 1\n', 'm')];
    const index = mergeSummaries(summaries).generators as GeneratorIndex;
    assert.deepEqual(index.generators, {});
    assert.deepEqual(index.ambiguous, ['m']);
  });

  test('needsProjectIndex: when generator-close or a rule that reads the project\'s test doubles runs', () => {
    assert.equal(needsProjectIndex(defaultOptions()), true);
    assert.equal(needsProjectIndex(defaultOptions({ select: ['WFY201'] })), true);
    // (A double another module puts in place of a resource call makes its fix unsafe: `doubledNote`)
    assert.equal(needsProjectIndex(defaultOptions({ select: ['open-chain'] })), true);
    assert.equal(needsProjectIndex(defaultOptions({ ignore: ['generator-close'] })), true);
    assert.equal(needsProjectIndex(defaultOptions({ select: ['class-del', 'tempdir-name', 'tempdir-kept', 'pathlib-read-write'] })), false);
  });

  test('a class or def whose name is bound more than once in its scope gives no generator key, parsed whole or in part', () => {
    const table = 'class Table:\n    def __init__(self, n):\n        self.n = n\n\n    def __iter__(self):\n        try:\n            yield from range(self.n)\n        finally:\n            pass\n';
    const indent = (t: string) => t.replace(/^(?=.)/gm, '    ');
    const variants: Record<string, string> = {
      'import, then class in except': `try:\n    from ._native import Table\nexcept ImportError:\n${indent(table)}`,
      'two classes in if/else': `import sys\nif sys.version_info >= (3, 0):\n    class Table:\n        def __iter__(self):\n            return iter([1])\nelse:\n${indent(table)}`,
      'a second top-level class': `${table}\n\nclass Table:\n    def __iter__(self):\n        return iter([1])\n`,
      'assigned later': `${table}\n\nTable = list\n`,
      'global in a function': `${table}\n\ndef use_fast():\n    global Table\n    Table = list\n`,
    };
    for (const [name, text] of Object.entries(variants)) {
      const index = indexOf({ 'pkg/__init__.py': '', 'pkg/table.py': text, 'main.py': 'from pkg.table import Table\nfor r in Table(5):\n    break\n' });
      assert.equal(index.generators['pkg.table.Table.__iter__'], undefined, name);
      const out = transformSource('from pkg.table import Table\nfor r in Table(5):\n    break\n', { path: 'main.py', moduleName: 'main', project: { generators: index }, select: ['generator-close'] });
      assert.equal(out.findings.length, 0, name);
    }
    assert.ok(indexOf({ 'pkg/__init__.py': '', 'pkg/table.py': table }).generators['pkg.table.Table.__iter__']);
  });

  test('an alias read from a text that may bind the name again anywhere is dropped, read as text or parsed', () => {
    const head = 'from .core import rows, state\n';
    const variants: Record<string, string> = {
      'try: import': `${head}try:\n    from ._speedups import rows\nexcept ImportError:\n    pass\n`,
      'indented def': `${head}if True:\n    def rows(n):\n        return []\n`,
      'tuple target': `${head}from . import _speedups\nrows, other = _speedups.rows, None\n`,
      'two imports on one line': 'from .core import rows, state; from ._speedups import rows\n',
      'one-line if': `${head}if True: from ._speedups import rows\n`,
      'star import after': `${head}from ._speedups import *\n`,
      'global in a function': `${head}def fast():\n    global rows\n    rows = list\n`,
    };
    for (const [name, text] of Object.entries(variants)) {
      for (const parsed of ['', 'def g():\n    yield 1\n']) {
        const aliases = summarizeFile('pkg/__init__.py', text + parsed, 'pkg').generators?.aliases ?? {};
        assert.equal(aliases['pkg.rows'], undefined, `${name}${parsed ? ', parsed' : ''}`);
      }
    }
    // Not a binding: a call, an attribute, a name in `__all__`
    const kept = summarizeFile('pkg/__init__.py', `${head}__all__ = ["rows", "state"]\nrows(3)\nx = core.rows\n`, 'pkg').generators?.aliases;
    assert.equal(kept?.['pkg.rows'], 'pkg.core.rows');
  });

  test('many names imported at once, one of them not ASCII: each rebinding is found as for a name alone, read as text or parsed', () => {
    const head = 'from .core import rows, state, caf\u00e9, keys, items\n';
    // `rows\u00e9` and `xrows` are other words; `items(1)` is a call
    const text = `${head}state = 1\ncaf\u00e9 = 2\nfor k, keys in pairs:\n    pass\nrows\u00e9 = 3\nxrows = 4\nitems(1)\n`;
    for (const parsed of ['', 'def g():\n    yield 1\n']) {
      const aliases = summarizeFile('pkg/__init__.py', text + parsed, 'pkg').generators?.aliases ?? {};
      assert.deepEqual(aliases, { 'pkg.rows': 'pkg.core.rows', 'pkg.items': 'pkg.core.items' }, parsed ? 'parsed' : 'text');
    }
  });

  test('a call of an import bound again by `global` or a later star import in the calling module is left alone', () => {
    const index = indexOf({ 'pkg/__init__.py': '', 'pkg/core.py': 'def rows(n):\n    try:\n        yield from range(n)\n    finally:\n        pass\n' });
    const project = { generators: index };
    const call = 'for r in rows(5):\n    break\n';
    const fixed = transformSource(`from pkg.core import rows\n${call}`, { path: 'main.py', moduleName: 'main', project, select: ['generator-close'] });
    assert.equal(fixed.findings.length, 1);
    for (const text of [`from pkg.core import rows\n\ndef use_cache():\n    global rows\n    rows = lambda n: list(range(n))\n\n${call}`, `from pkg.core import rows\nfrom pkg._speedups import *\n${call}`]) {
      assert.equal(transformSource(text, { path: 'main.py', moduleName: 'main', project, select: ['generator-close'] }).findings.length, 0, text);
    }
  });

  test('every form of replacing the function of a module is marked: targets of several, annotated, for targets, the namespace by vars() or __dict__', () => {
    const core = 'def rows():\n    try:\n        yield 1\n    finally:\n        pass\n';
    const forms = ['c.rows, x = list, 2', '(c.rows) = list', 'c.rows: object = list', 'for c.rows in [list]:\n    pass', 'c.__dict__.update(rows=list)', 'c.__dict__.setdefault("rows", list)', 'vars(c)["rows"] = list', 'vars(c).update(rows=list)', 'type.__setattr__(c, "rows", list)', 'c.__dict__.update(fakes)', 'for name in ["rows"]:\n    setattr(c, name, list)', 'import sys\nsys.modules["core"].rows = list', 'import sys\nsetattr(sys.modules["core"], "rows", list)'];
    for (const form of forms) {
      for (const parsed of ['', 'def g():\n    yield 1\n']) {
        const index = indexOf({ 'core.py': core, 'main.py': `import core as c\n${form}\n${parsed}` });
        assert.match(index.generators["core.rows"]?.patched ?? "", /in `main`/, `${form}${parsed ? ", parsed" : ""}`);
      }
    }
    // Reads, and a call's keyword after the attribute: no replacement
    // (and an attribute whose name ends in `in`: `c.rowsin[0] = 1` is no `c.rows` before ` in`)
    for (const form of ['f(c.rows, key=1)', 'x = c.rows', 'y = [c.rows, 1]', 'for x in c.rows():\n    pass', 'c.other, x = 1, 2', 'c.rowsin[0] = 1', 'c.rowsin.x = 1', 'c.rowsin(1)']) {
      assert.equal(indexOf({ 'core.py': core, 'main.py': `import core as c\n${form}\n` }).generators['core.rows']?.patched, undefined, form);
    }
  });

  test('a generator method its own module replaces, or whose class a decorator or metaclass may remake, is marked', () => {
    const cls = (head = 'class Store:') => `${head}\n    def rows(self):\n        try:\n            yield 1\n        finally:\n            pass\n`;
    const marked = {
      assigned: `${cls()}\nStore.rows = staticmethod(lambda: [5])\n`,
      setattr: `${cls()}\nsetattr(Store, "rows", list)\n`,
      helper: `def patch(k):\n    k.rows = list\n    return k\n\n${cls()}`,
      decorator: `def register(k):\n    return k\n\n@register\n${cls()}`,
      metaclass: cls('class Store(metaclass=Meta):'),
      'metaclass on a later line': cls('class Store(\n    object,\n    metaclass=Meta,\n):'),
      'decorator over lines': `@reg(name="x",\n     other=1)\n${cls()}`,
      'decorator closed at the class\'s indentation': `@reg(\n    name="x",\n)\n${cls()}`,
      'setattr by a name not spelt': `${cls()}\nfor name in ("rows",):\n    setattr(Store, name, list)\n`,
      'locals() written in the body': cls('class Store:\n    locals()["rows"] = list'),
      'decorator after a form feed': `\f@reg\n${cls()}`,
      'decorator over lines with a string': `@reg(help=\"\"\"Rows.\n\"\"\")\n${cls()}`,
    };
    for (const [name, text] of Object.entries(marked)) assert.ok(indexOf({ 'core.py': text }).generators['core.Store.rows']?.patched, name);
    const kept = {
      plain: cls(),
      self: `${cls()}    def reset(self):\n        self.rows = list\n`,
      dataclass: `import dataclasses\n\n@dataclasses.dataclass\n${cls()}`,
      abc: cls('class Store(metaclass=abc.ABCMeta):'),
      // A closing bracket above the class that is no decorator's: a tuple, a def's call over lines
      'after a tuple': `__all__ = (\n    "Store",\n)\n\n\n${cls()}`,
      'after a def': `def helper(a):\n    return dict(\n        a=a,\n    )\n\n\n${cls()}`,
      'a key, read': `${cls()}\nseen = {}\nseen[Store.rows] = True\n`,
      'blank first line': `\n${cls()}`,
      // A method reading its own locals(), a commented-out write, a decorator or class in a string
      'locals() read in a method': `${cls()}    def call(self, name):\n        return locals()["name"]\n`,
      'a comment': cls('class Store:\n    # locals()["rows"] = list'),
      'in a string': `S = \"\"\"\n@dec\nclass Store:\n\"\"\"\n\n\n${cls()}`,
      'metaclass in a comment': cls('class Store(  # no metaclass here\n    object,\n):'),
    };
    for (const [name, text] of Object.entries(kept)) assert.equal(indexOf({ 'core.py': text }).generators['core.Store.rows']?.patched, undefined, name);
  });

  test('a submodule its package binds to another object is not resolved through (from pkg import core)', () => {
    const core = 'def rows():\n    try:\n        yield 1\n    finally:\n        pass\n';
    for (const init of ['from . import other as core\n', 'from .compat import core\n', 'import pkg.other as core\n', 'core = None\n', 'def core():\n    pass\n', 'from . import other as core\ndef g():\n    yield 1\n', 'import sys\nif sys:\n    core = None\n', 'globals()["core"] = None\n', 'globals().update(kw)\n', 'from .compat import core as core\n', 'from .core import core\n', 'try:\n    from .compat import core\nexcept ImportError:\n    from . import core\n', 'from .compat import core\nfrom . import core\n', 'import sys; from .compat import core\n', 'try: from .compat import core\nexcept ImportError: from . import core\n', 'def __getattr__(name):\n    if name == "core":\n        from .compat import core\n        return core\n    raise AttributeError(name)\n', 'def load():\n    global core\n    from .compat import core\n\nload()\n', 'for core in [None]:\n    pass\n', 'with open("x") as core:\n    pass\n']) {
      const index = indexOf({ 'pkg/__init__.py': init, 'pkg/core.py': core, 'pkg/other.py': 'def rows():\n    return [1]\n', 'main.py': 'from pkg import core\n' });
      assert.ok(index.shadowed?.includes('pkg.core'), init);
      assert.equal(resolveGenerator(index, 'main.core.rows'), undefined, init);
      // Through the package's attribute only: `from pkg.core import rows`, and the submodule's own calls, reach it
      assert.equal(resolveGenerator(index, 'pkg.core.rows')?.key, 'pkg.core.rows', init);
      assert.equal(resolveGenerator(indexOf({ 'pkg/__init__.py': init, 'pkg/core.py': core, 'main.py': 'from pkg.core import rows\n' }), 'main.rows')?.key, 'pkg.core.rows', init);
      assert.equal(resolveGenerator(indexOf({ 'pkg/__init__.py': init, 'pkg/core.py': core, 'main.py': 'import pkg\n' }), 'main.pkg.core.rows'), undefined, init);
    }
    for (const init of ['from . import core\n', 'from .core import rows\n', '', 'x = 1\n', 'def load():\n    from .compat import core\n    return core\n', '"""\nfrom .compat import core\n"""\n', 'from . import core as core\n', 'import pkg.core as core\n', 'def f():\n    core = 1\n', 'import sys\nprint(vars(sys.modules[__name__]))\n', '"""Usage:\ncore = None\n"""\n']) {
      const index = indexOf({ 'pkg/__init__.py': init, 'pkg/core.py': core, 'main.py': 'from pkg import core\n' });
      assert.equal(index.shadowed, undefined, init);
      assert.equal(resolveGenerator(index, 'main.core.rows')?.key, 'pkg.core.rows', init);
    }
  });

  test('a generator function that only iterates a parameter passes it through (next(parsed(lines(p))))', () => {
    const util = [
      'def parsed(it):\n    for x in it:\n        yield x\n',
      'def numbered(start, it, /, step=1, *rest):\n    for x in (it):\n        yield start, x\n',
      'def typed(a: int, it: "Iterable[str]" = ()):\n    yield from it\n    yield a\n',
      'def twice(it):\n    for x in it:\n        yield x\n    for y in it:\n        yield y\n',
      // Used otherwise, or where it may be kept: not passed through
      'def closes(it):\n    for x in it:\n        yield x\n    it.close()\n',
      'def rebinds(it):\n    it = iter(it)\n    for x in it:\n        yield x\n',
      'def nested(it):\n    def inner():\n        for x in it:\n            yield x\n    yield from inner()\n',
      'def comp(it):\n    yield [x for x in it]\n',
      'def frame(it):\n    for x in it:\n        yield locals()\n',
      'def kept(it):\n    global last\n    last = it\n    for x in it:\n        yield x\n',
      'def keyword_only(*, it):\n    for x in it:\n        yield x\n',
      'async def agen(it):\n    for x in it:\n        yield x\n',
      'import contextlib\n\n@contextlib.contextmanager\ndef managed(it):\n    for x in it:\n        yield x\n',
      'class Box:\n    def parsed(self, it):\n        for x in it:\n            yield x\n',
    ].join('\n');
    const index = indexOf({ 'pkg/__init__.py': '', 'pkg/util.py': util, 'pkg/core.py': CLEANUP });
    assert.deepEqual(index.passes, { 'pkg.util.parsed': [0], 'pkg.util.numbered': [1], 'pkg.util.typed': [1], 'pkg.util.twice': [0] });
    // Defined twice, replaced by another module or doubled in a test: not passed through
    const doubled = indexOf({ 'pkg/__init__.py': '', 'pkg/util.py': 'if X:\n    def parsed(it):\n        for x in it:\n            yield x\nelse:\n    def parsed(it):\n        return list(it)\n', 'pkg/core.py': CLEANUP });
    assert.equal(doubled.passes, undefined);
    for (const t of ['from unittest import mock\n\ndef test_a():\n    with mock.patch("pkg.util.parsed", side_effect=list):\n        pass\n', 'from pkg import util\n\nutil.parsed = list\n', 'from pkg import util\n\nsetattr(util, name, list)\n']) {
      const patched = indexOf({ 'pkg/__init__.py': '', 'pkg/util.py': 'def parsed(it):\n    for x in it:\n        yield x\n\ndef other(it):\n    yield from it\n', 'pkg/core.py': CLEANUP, 'tests/test_util.py': t });
      assert.deepEqual(patched.passes, t.includes('setattr') ? undefined : { 'pkg.util.other': [0] }, t);
    }
  });

  test('a generator passed through is closed with the use that abandons the outer one, across modules', () => {
    const dir = tempDir('withify-passes-');
    mkdirSync(join(dir, 'pkg'));
    writeFileSync(join(dir, 'pkg', '__init__.py'), 'from .util import parsed\n');
    writeFileSync(join(dir, 'pkg', 'util.py'), 'def parsed(it):\n    for line in it:\n        yield line.split()\n');
    writeFileSync(join(dir, 'pkg', 'src.py'), 'import threading\n\nlock = threading.Lock()\n\ndef lines(n):\n    with lock:\n        yield from ("a b", "c d")[:n]\n');
    const main = 'import pkg\nfrom pkg.src import lines, lock\n\ndef first(n):\n    return next(pkg.parsed(lines(n)))\n\ndef keyword(n):\n    return next(pkg.parsed(it=lines(n)))\n\nprint(first(2), lock.locked())\n';
    writeFileSync(join(dir, 'main.py'), main);
    const r = spawnSync(process.execPath, [CLI, 'fix', '--no-cache', '.'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const fixed = readFileSync(join(dir, 'main.py'), 'utf8');
    assert.match(fixed, /def first\(n\):\n    gen = lines\(n\)\n    try:\n        return next\(pkg\.parsed\(gen\)\)\n    finally:\n        gen\.close\(\)\n/);
    // By keyword: the position is not known, nothing is changed
    assert.match(fixed, /def keyword\(n\):\n    return next\(pkg\.parsed\(it=lines\(n\)\)\)\n/);
    const out = spawnSync(CPYTHON, ['main.py'], { cwd: dir, encoding: 'utf8' });
    assert.equal(out.stdout, "['a', 'b'] False\n", out.stderr);
  });

  test('a generator function a test double replaces (mock.patch, patch.object, monkeypatch.setattr) is marked', () => {
    const core = 'def rows(n):\n    try:\n        yield from range(n)\n    finally:\n        pass\n\ndef other():\n    with x:\n        yield 1\n';
    const tests = [
      'from unittest import mock\n\ndef test_a():\n    with mock.patch("pkg.core.rows", return_value=[0, 5]):\n        pass\n',
      'from unittest import mock\nfrom pkg import core\n\ndef test_a():\n    with mock.patch.object(core, "rows", side_effect=lambda n: [0]):\n        pass\n',
      'def test_a(monkeypatch):\n    monkeypatch.setattr("pkg.core.rows", lambda n: [0, 4])\n',
      'from pkg import core\n\ndef test_a(monkeypatch):\n    monkeypatch.setattr(core, "rows", lambda n: [0, 4])\n',
    ];
    tests.push('from unittest import mock\n\ndef test_a():\n    with mock.patch("pkg.core.rows") as m:\n        m.return_value = [0, 5]\n');
    // The path held by a name: a module constant, a class attribute read through `self`, an annotated one
    tests.push('from unittest import mock\n\nTARGET = "pkg.core.rows"\n\ndef test_a():\n    with mock.patch(TARGET, return_value=[0, 5]):\n        pass\n');
    tests.push('import unittest\nfrom unittest.mock import patch\n\nclass T(unittest.TestCase):\n    target = "pkg.core.rows"\n\n    def test_a(self):\n        with patch(self.target, side_effect=lambda n: [0]):\n            pass\n');
    tests.push('TARGET: str = "pkg.core.rows"\n\ndef test_a(monkeypatch):\n    monkeypatch.setattr(TARGET, lambda n: [0, 4])\n');
    // Targets that are constants but not one plain literal: every dotted string of the file counts then
    for (const value of ['f"pkg.core.rows"', '"pkg.core." "rows"', '("pkg.core.rows")']) tests.push(`from unittest.mock import patch\n\nTARGET = ${value}\n\ndef test_a():\n    with patch(TARGET, return_value=[5]):\n        pass\n`);
    tests.push('from unittest.mock import patch\n\ndef test_a():\n    for t in ("pkg.core.rows",):\n        with patch(t, return_value=[5]):\n            pass\n');
    tests.push('from unittest.mock import patch\n\nTARGETS = ["pkg.core.rows"]\n\ndef test_a():\n    with patch(TARGETS[0], return_value=[5]):\n        pass\n');
    tests.push('from unittest.mock import patch\n\ndef test_a():\n    with patch("pkg.core." "rows", return_value=[5]):\n        pass\n');
    tests.push('from unittest.mock import patch\n\ndef test_a():\n    with patch(\n        "pkg.core"\n        ".rows",\n        return_value=[5],\n    ):\n        pass\n');
    tests.push('from unittest import mock\nfrom pkg import core\n\nNAME = "rows"\n\ndef test_a():\n    with mock.patch.object(core, NAME, return_value=[5]):\n        pass\n');
    tests.push('from unittest import mock\nfrom pkg import core, use\n\nNAME = "rows"\n\ndef test_a():\n    with mock.patch.object(core, NAME, return_value=[5]):\n        pass\n');
    tests.push('from unittest import mock\nfrom pkg import (use,\n    core)\n\nNAMES = ["rows"]\n\ndef test_a():\n    with mock.patch.object(core, NAMES[0], return_value=[5]):\n        pass\n');
    tests.push('from unittest import mock\nfrom pkg import core\n\ndef _p(attr):\n    return mock.patch.object(core, attr, return_value=[5])\n\ndef test_a():\n    with _p("rows"):\n        pass\n');
    // A keyword or another value of the same name elsewhere in the file does not hide the call's own
    tests.push('from unittest import mock\nfrom pkg import core\n\ndef _p(name):\n    return mock.patch.object(core, name, return_value=[5])\n\ndef test_a():\n    m = mock.Mock(name="thing")\n    with _p("rows"):\n        pass\n');
    tests.push('from unittest import mock\nfrom pkg import (  # see (docs)\n    use,\n    core,\n)\n\ndef test_a():\n    with mock.patch.object(core, "rows", return_value=[5]):\n        pass\n');
    for (const t of tests) {
      const index = indexOf({ 'pkg/__init__.py': '', 'pkg/core.py': core, 'tests/test_core.py': t });
      assert.match(index.generators['pkg.core.rows']?.patched ?? '', /in `tests\.test_core`$/, t);
      assert.equal(index.generators['pkg.core.other']?.patched, undefined, t);
    }
    // A MagicMock of its own (it has a close()), a spy that calls the generator: the callers are still fixed
    for (const t of [
      'from unittest import mock\n\ndef test_a():\n    with mock.patch("pkg.core.rows"):\n        pass\n',
      'import pkg.core\nfrom unittest import mock\n\ndef test_a():\n    with mock.patch("pkg.core.rows", wraps=pkg.core.rows) as spy:\n        assert spy.call_count == 0\n',
      'from unittest import mock\n\nTARGET = "pkg.core.rows"\n\ndef test_a():\n    with mock.patch(TARGET):\n        pass\n',
      // The object form names its attribute: a dotted string elsewhere in the file is no target
      'import pkg.core\n\ndef test_a(monkeypatch):\n    monkeypatch.setattr(pkg.core, "other", 5)\n    x = "pkg.core.rows"\n',
    ]) {
      const index = indexOf({ 'pkg/__init__.py': '', 'pkg/core.py': core, 'tests/test_core.py': t });
      assert.equal(index.generators['pkg.core.rows']?.patched, undefined, t);
    }
  });

  test('a plain function that can only return a fresh call of a generator is one, across modules, parsed in part or whole', () => {
    const core = [
      'def rows(n):\n    try:\n        yield from range(n)\n    finally:\n        pass',
      '',
      'def failing():\n    try:\n        yield 1\n    finally:\n        raise ValueError',
      '',
      'def query(n):\n    return rows(n)',
      '',
      'def query2(n, again):\n    if again:\n        return query(n)\n    else:\n        return rows(n)',
      '',
      'def loud():\n    return failing()',
      '',
      'def stored():\n    return cache',
      '',
      'def maybe(n):\n    if n:\n        return rows(n)',
      '',
      'def mixed(n):\n    if n:\n        return rows(n)\n    return iter([])',
      '',
      'async def coro(n):\n    return rows(n)',
      '',
      'def imported(n):\n    return other.rows(n)',
      '',
    ].join('\n');
    const api = 'from . import core\n\ndef q(n):\n    return core.query2(n, True)\n';
    for (const whole of [false, true]) {
      const summaries = [summarizeFile('pkg/__init__.py', '', 'pkg', whole), summarizeFile('pkg/core.py', `from pkg import other\n${core}`, 'pkg.core', whole), summarizeFile('pkg/api.py', api, 'pkg.api', whole)];
      const index = mergeSummaries(summaries).generators as GeneratorIndex;
      const found = Object.keys(index.generators).filter((k) => !['pkg.core.rows', 'pkg.core.failing'].includes(k)).sort();
      // (`return other.rows(n)` of an import is not read in a file with generators of its own: see returnerCandidates)
      assert.deepEqual(found, ['pkg.api.q', 'pkg.core.loud', 'pkg.core.query', 'pkg.core.query2'], `whole: ${whole}`);
      assert.match(index.generators['pkg.core.loud']!.closeRaises ?? '', /^it returns `failing\(…\)`, whose `finally` raises/);
      assert.ok(index.callNames.includes('query2') && index.callNames.includes('q'));
      const out = transformSource('from pkg.api import q\nfrom pkg.core import loud\nfor r in q(3):\n    break\nx = next(loud())\n', { path: 'main.py', moduleName: 'main', project: { generators: index }, select: ['generator-close'] });
      assert.deepEqual(out.findings.map((f) => f.fix?.applicability), ['safe', 'unsafe']);
    }
  });

  test('a file without yield: a top-level def that only returns a call of an import is read from its text, strictly', () => {
    const head = 'from . import core\nfrom .core import rows\nimport functools\n\n';
    const followed: Record<string, string> = {
      'module attribute': 'def q(n):\n    return core.rows(n)\n',
      'one line': 'def q(n): return rows(n)\n',
      docstring: 'def q(n):\n    """Doc.\n\n    More."""\n    return rows(n, "a)")\n',
      'comments, lines in the call': "def q(n):\n    'Doc.'\n    # c\n    return core.rows(\n        n,\n    )  # tail\n",
      annotations: 'def q(n: int = 3) -> "Iterator[int]":\n    return rows(n)\n',
      'a module imported as': 'import pkg.core as core2\n\ndef q(n):\n    return core2.rows(n)\n',
    };
    const left: Record<string, string> = {
      decorated: '@functools.lru_cache()\ndef q(n):\n    return rows(n)\n',
      'decorator on lines of its own': '@functools.lru_cache(\n    maxsize=None,\n)\ndef q(n):\n    return rows(n)\n',
      parameter: 'def q(rows):\n    return rows(3)\n',
      'a default': 'def q(n, f=rows):\n    return f(n)\n',
      'two statements': 'def q(n):\n    x = 1\n    return rows(n)\n',
      'code after the return': 'def q(n):\n    return rows(n)\n    print(1)\n',
      'an attribute of the call': 'def q(n):\n    return rows(n).x\n',
      'an f-string': 'def q(n):\n    return rows(f"{n}")\n',
      'bound again': 'def q(n):\n    return rows(n)\n\nq = functools.wraps(q)\n',
      'the module bound by global': 'def q(n):\n    return core.rows(n)\n\ndef fake():\n    global core\n    core = None\n',
      'the module imported again': 'import pkg.core as core2\nif FAST:\n    import fastcore as core2\n\ndef q(n):\n    return core2.rows(n)\n',
      'not an import': 'def q(n):\n    return other(n)\n',
      walrus: 'def q(n):\n    return rows((rows := n))\n',
      method: 'class C:\n    def q(self, n):\n        return rows(n)\n',
      'async def': 'async def q(n):\n    return rows(n)\n',
      backslash: 'def q(n):\n    return rows(n,\\\n        1)\n',
      'in a string': 'x = """\ndef q(n):\n    return rows(n)\n"""\n',
    };
    for (const [name, body] of [...Object.entries(followed), ...Object.entries(left)]) {
      const index = indexOf({ 'pkg/__init__.py': '', 'pkg/core.py': CLEANUP.replace('produce', 'rows'), 'pkg/api.py': head + body });
      assert.equal(!!index.generators['pkg.api.q'], name in followed, name);
    }
    // A file that says `yield` only in a string: the same wrapper, read as text or parsed whole
    const quoted = `"yield"\n${head}${followed['module attribute']!}`;
    assert.deepEqual(summarizeFile('pkg/api.py', quoted, 'pkg.api'), summarizeFile('pkg/api.py', quoted, 'pkg.api', true));
    assert.equal(summarizeFile('pkg/api.py', quoted, 'pkg.api', true).generators?.generators[0]?.key, 'pkg.api.q');
    const index = indexOf({ 'pkg/__init__.py': '', 'pkg/core.py': CLEANUP.replace('produce', 'rows'), 'pkg/api.py': head + followed['module attribute']! });
    const out = transformSource('from pkg.api import q\nfor r in q(3):\n    break\n', { path: 'main.py', moduleName: 'main', project: { generators: index }, select: ['generator-close'] });
    assert.equal(out.findings.length, 1);
    assert.match(out.output, /gen = q\(3\)\ntry:/);
  });

  test('a returned call that another module replaces, or that a subclass overrides, is not followed', () => {
    const core = 'import threading\nlock = threading.Lock()\n\ndef _rows(n):\n    with lock:\n        yield 1\n\ndef rows(n):\n    return _rows(n)\n\nclass Store:\n    def _items(self):\n        with lock:\n            yield 1\n\n    def items(self):\n        return self._items()\n';
    const index = indexOf({ 'pkg/__init__.py': '', 'pkg/core.py': core });
    assert.ok(index.generators['pkg.core.rows'] && index.generators['pkg.core.Store.items']);
    const patched = indexOf({ 'pkg/__init__.py': '', 'pkg/core.py': core, 'other.py': 'from pkg import core\ncore._rows = lambda n: [n]\n' });
    assert.equal(patched.generators['pkg.core.rows'], undefined);
    const sub = indexOf({ 'pkg/__init__.py': '', 'pkg/core.py': core, 'sub.py': 'from pkg.core import Store\n\nclass Cached(Store):\n    def _items(self):\n        return [1]\n' });
    assert.equal(sub.generators['pkg.core.Store.items'], undefined);
    assert.ok(sub.generators['pkg.core.rows']);
  });
});

describe('methods a class inherits, and super()', () => {
  const core = 'import threading\nlock = threading.Lock()\n\nclass Store:\n    def rows(self):\n        with lock:\n            yield 1\n\n    def count(self):\n        return 1\n';
  const lists = (header: string, body = '    def first(self):\n        for r in self.rows():\n            return r\n') => `from pkg.core import Store\nfrom pkg import core\n\n${header}\n${body}`;

  test('a class of one base takes its generator methods, through a chain and across modules, as aliases of the index', () => {
    const index = indexOf({ 'pkg/__init__.py': '', 'pkg/core.py': core, 'pkg/lists.py': lists('class ListStore(Store):'), 'pkg/sorted.py': 'from pkg.lists import ListStore\n\nclass SortedStore(ListStore):\n    pass\n' });
    assert.equal(index.aliases['pkg.lists.ListStore.rows'], 'pkg.core.Store.rows');
    assert.equal(index.aliases['pkg.sorted.SortedStore.rows'], 'pkg.lists.ListStore.rows');
    assert.equal(resolveGenerator(index, 'pkg.sorted.SortedStore.rows')?.key, 'pkg.core.Store.rows');
    // (A plain method is no generator: nothing to inherit)
    assert.equal(index.aliases['pkg.lists.ListStore.count'], undefined);
    // (A generic base and a decorator that keeps the methods: `Store[int]`, `@dataclass`)
    const generic = indexOf({ 'pkg/__init__.py': '', 'pkg/core.py': core, 'pkg/lists.py': lists('@dataclasses.dataclass\nclass ListStore(Store[int]):', '    size: int = 0\n') });
    assert.equal(generic.aliases['pkg.lists.ListStore.rows'], 'pkg.core.Store.rows');
    // (By a dotted base, `core.Store`, read in a file that says `yield` as in one that does not)
    const dotted = indexOf({ 'pkg/__init__.py': '', 'pkg/core.py': core, 'pkg/lists.py': lists('class ListStore(core.Store):', '    def rows2(self):\n        yield 1\n') });
    assert.equal(dotted.aliases['pkg.lists.ListStore.rows'], 'pkg.core.Store.rows');
    // (The base's module sets an attribute `rows` on its instances: on a `ListStore` too, `self.rows` may be that)
    const set = indexOf({ 'pkg/__init__.py': '', 'pkg/core.py': core.replace('class Store:\n', 'class Store:\n    def __init__(self, fast=False):\n        if fast:\n            self.rows = lambda: [1]\n\n'), 'pkg/lists.py': lists('class ListStore(Store):') });
    assert.ok(set.generators['pkg.core.Store.rows']);
    assert.equal(set.aliases['pkg.lists.ListStore.rows'], undefined);
  });

  test('no alias where the class may have another method: its own binding, two bases, a keyword, a decorator, its name bound again', () => {
    const headers: Record<string, string> = {
      own: 'class ListStore(Store):\n    rows = None\n',
      ownDef: 'class ListStore(Store):\n    def rows(self):\n        return []\n',
      instance: 'class ListStore(Store):\n    def __init__(self):\n        self.rows = list\n',
      two: 'class ListStore(Store, dict):',
      keyword: 'class ListStore(Store, metaclass=Meta):',
      decorated: '@register\nclass ListStore(Store):',
      nested: 'if True:\n    class ListStore(Store):\n        pass\n',
      rebound: 'class ListStore(Store):\n    pass\n\nListStore = wrap(ListStore)\n',
      twice: 'class ListStore(Store):\n    pass\n\nclass ListStore(Store):\n    pass\n',
      imported: 'from elsewhere import ListStore\nclass ListStore(Store):',
      call: 'class ListStore(make(Store)):',
      item: 'class ListStore(BASES[0]):',
      undecided: '@register\n@dataclass\nclass ListStore(Store):',
    };
    for (const [name, header] of Object.entries(headers)) {
      for (const yieldSaid of ['', '\ndef other():\n    yield 1\n']) {
        const index = indexOf({ 'pkg/__init__.py': '', 'pkg/core.py': core, 'pkg/lists.py': lists(header, '    pass\n') + yieldSaid });
        assert.equal(index.aliases['pkg.lists.ListStore.rows'], undefined, `${name}${yieldSaid ? ' (parsed)' : ''}`);
      }
    }
  });

  test('a class replaced from another module, or a star import after the class, leaves its methods unresolved (review rw1)', () => {
    // (`pkg.core.Store = Plain` before `pkg.lists` is imported: `ListStore` derives from `Plain`)
    const replaced = indexOf({ 'pkg/__init__.py': '', 'pkg/core.py': core, 'pkg/lists.py': lists('class ListStore(Store):', '    pass\n'), 'main.py': 'import pkg.core\n\nclass Plain:\n    def rows(self):\n        return [1]\n\npkg.core.Store = Plain\n' });
    assert.match(resolveGenerator(replaced, 'pkg.lists.ListStore.rows')?.patched ?? '', /core\.Store = …/);
    assert.match(resolveGenerator(replaced, 'pkg.core.Store.rows')?.patched ?? '', /core\.Store = …/);
    // (`from pkg.b import *` after `class Store` may bind `Store` again before `class ListStore(Store)`)
    const star = indexOf({ 'pkg/__init__.py': '', 'pkg/b.py': 'class Store:\n    def rows(self):\n        return [1]\n', 'pkg/core.py': `${core}\nfrom pkg.b import *\n\nclass ListStore(Store):\n    pass\n` });
    assert.ok(star.generators['pkg.core.Store.rows']);
    assert.equal(star.aliases['pkg.core.ListStore.rows'], undefined);
  });

  test('subclasses made by type(), diamonds, and __getattribute__ or __new__ above the class (review rw3)', () => {
    const withOther = (other: string) => indexOf({ 'pkg/__init__.py': '', 'pkg/core.py': core, 'pkg/lists.py': lists('class ListStore(Store):', '    pass\n'), 'pkg/other.py': `from pkg.lists import ListStore\nimport abc, types\n${other}` });
    assert.ok(withOther('ns = {"rows": None}\nSub = type("Sub", (ListStore,), ns)\n').plainOverrides.includes('ListStore.rows'));
    assert.ok(withOther('Sub = abc.ABCMeta("Sub", (ListStore,), {"rows": None})\n').plainOverrides.includes('ListStore.rows'));
    assert.ok(withOther('Sub = types.new_class("Sub", (ListStore,))\n').plainOverrides.includes('ListStore.rows'));
    // (In a comment, a string: no class)
    assert.ok(!withOther('# Sub = type("Sub", (ListStore,), {"rows": None})\nX = "type(\'Sub\', (ListStore,), {\'rows\': 1})"\n').plainOverrides.includes('ListStore.rows'));
    // (A subclass that sets attributes by a name not spelt, `setattr(self, name, v)`, binds no method: as before)
    assert.ok(!withOther('class Q(ListStore):\n    def put(self, name, v):\n        setattr(self, name, v)\n').plainOverrides.includes('ListStore.rows'));
    // (A namespace of other names only: `rows` inherited still)
    assert.ok(!withOther('Sub = type("Sub", (ListStore,), {"size": 1})\n').plainOverrides.includes('ListStore.rows'));
    // `class C(ListStore, Other)` with `Other(Store)` overriding `rows`: on a `C`, `self.rows()` in `ListStore` is `Other.rows`
    assert.ok(withOther('from pkg.core import Store\nclass Other(Store):\n    def rows(self):\n        return [1]\nclass C(ListStore, Other):\n    pass\n').plainOverrides.includes('ListStore.rows'));
    const above = indexOf({ 'pkg/__init__.py': '', 'pkg/base.py': 'class Base:\n    def __getattribute__(self, name):\n        return object.__getattribute__(self, name)\n', 'pkg/core.py': core.replace('class Store:', 'from pkg.base import Base\n\nclass Store(Base):') });
    assert.match(above.generators['pkg.core.Store.rows']?.patched ?? '', /`Base\.__getattribute__`/);
    // (Another module's class of the same name deriving from it: not `pkg.core.Store`'s base)
    const elsewhere = indexOf({ 'pkg/__init__.py': '', 'pkg/base.py': 'class Base:\n    def __getattribute__(self, name):\n        return object.__getattribute__(self, name)\n', 'pkg/core.py': core, 'pkg/other.py': 'from pkg.base import Base\n\nclass Store(Base):\n    pass\n' });
    assert.ok(elsewhere.generators['pkg.core.Store.rows']);
    assert.equal(elsewhere.generators['pkg.core.Store.rows']!.patched, undefined);
  });

  test('a patch of the subclass\'s attribute, from a test, marks the generator it reaches', () => {
    const index = indexOf({ 'pkg/__init__.py': '', 'pkg/core.py': core, 'pkg/lists.py': lists('class ListStore(Store):', '    pass\n'), 'tests/test_lists.py': 'from unittest import mock\n\n@mock.patch("pkg.lists.ListStore.rows", return_value=[1])\ndef test_first(m):\n    pass\n' });
    assert.match(resolveGenerator(index, 'pkg.lists.ListStore.rows')?.patched ?? '', /test double/);
  });

  test('the CLI fixes self.m() inherited from another module and super().m(); a subclass override or a class of two bases below holds the fix back', () => {
    const dir = tempDir('withify-inherited-');
    mkdirSync(join(dir, 'pkg'));
    writeFileSync(join(dir, 'pkg', '__init__.py'), '');
    writeFileSync(join(dir, 'pkg', 'core.py'), core);
    writeFileSync(join(dir, 'pkg', 'lists.py'), lists('class ListStore(Store):', '    def first(self):\n        for r in self.rows():\n            return r\n\n    def rows(self):\n        for r in super().rows():\n            return [r]\n\n    def again(self):\n        for r in super(ListStore, self).rows():\n            return r\n'));
    const main = 'from pkg.lists import ListStore\nfrom pkg.core import lock\n\nprint(ListStore().again(), ListStore().rows(), lock.locked())\n';
    writeFileSync(join(dir, 'main.py'), main);
    const before = spawnSync(CPYTHON, ['main.py'], { cwd: dir, encoding: 'utf8' });
    const r = spawnSync(process.execPath, [CLI, 'fix', '--no-cache', '.'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const fixed = readFileSync(join(dir, 'pkg', 'lists.py'), 'utf8');
    // (`first` calls `self.rows()`, which `ListStore` overrides with a plain method: no generator there)
    assert.match(fixed, /def first\(self\):\n        for r in self\.rows\(\):\n/);
    assert.match(fixed, /def rows\(self\):\n        gen = super\(\)\.rows\(\)\n        try:\n            for r in gen:\n                return \[r\]\n        finally:\n            gen\.close\(\)\n/);
    assert.match(fixed, /gen = super\(ListStore, self\)\.rows\(\)\n/);
    const after = spawnSync(CPYTHON, ['main.py'], { cwd: dir, encoding: 'utf8' });
    assert.equal(after.stdout, before.stdout, after.stderr);
    assert.equal(after.stdout, '1 [1] False\n');
    // A class of two bases below `ListStore`: `super()` in it may reach the other base's `rows`
    writeFileSync(join(dir, 'pkg', 'mixed.py'), 'from pkg.lists import ListStore\nfrom pkg.core import Store\n\nclass Other(Store):\n    def rows(self):\n        return [4]\n\nclass Mixed(ListStore, Other):\n    pass\n');
    writeFileSync(join(dir, 'pkg', 'lists.py'), lists('class ListStore(Store):', '    def rows(self):\n        for r in super().rows():\n            return [r]\n'));
    writeFileSync(join(dir, 'pkg', 'plain.py'), 'from pkg.core import Store\n\nclass Mid(Store):\n    def first(self):\n        for r in self.rows():\n            return r\n\nclass Leaf(Mid):\n    def rows(self):\n        return [5]\n');
    const held = spawnSync(process.execPath, [CLI, 'check', '--no-cache', '--select', 'generator-close', '.'], { cwd: dir, encoding: 'utf8' });
    assert.match(held.stdout, /lists\.py:6:18 WFY201 .*not fixed: a class of several bases may derive from `ListStore`/);
    assert.match(held.stdout, /plain\.py:5:18 WFY201 .*not fixed: a subclass overrides `Mid\.rows` with a method that is not a generator function/);
  });
});

describe('generator-close through the library API (no project index)', () => {
  test('a generator of the same file is found; an imported one is not resolved', () => {
    const src = `from elsewhere import other\n\n\n${CLEANUP}\n\nfor x in produce():\n    break\nfor y in other():\n    break\n`;
    const r = transformSource(src, { select: ['generator-close'] });
    assert.equal(r.fixesApplied, 1);
    assert.equal(r.findings.length, 1);
    assert.match(r.output, /_gen = produce\(\)\ntry:\n    for x in _gen:\n        break\nfinally:\n    _gen\.close\(\)\nfor y in other\(\):\n/);
  });

  test('--all-loops fixes a loop that always runs to the end', () => {
    const src = `${CLEANUP}\n\nfor x in produce():\n    print(x)\n`;
    assert.equal(transformSource(src, { select: ['generator-close'] }).fixesApplied, 0);
    assert.equal(transformSource(src, { select: ['generator-close'], allLoops: true }).fixesApplied, 1);
  });
});

describe('an async loop beside a resource of the coroutine', () => {
  // CPython's finalizer hook closed `produce(p)` in a task of its own, after `main` returned and dropped (flushed) `f`:
  // the cleanup read "xy"; `await agen.aclose()` at the loop read "" (shown under python3 and pypy3).
  const src = 'async def produce(p):\n    try:\n        yield 1\n    finally:\n        print(open(p).read())\n\n\nasync def main(p):\n    f = open(p, "w")\n    f.write("x")\n    async for v in produce(p):\n        break\n    f.write("y")\n';
  test('unsafe where the file is still open, before the resource fix writes a `with` as after it: check and fix agree', () => {
    const first = transformSource(src, {});
    const loop = first.findings.find((f) => f.code === 'WFY201');
    assert.equal(loop?.fix?.applicability, 'unsafe');
    assert.match(loop!.message, /`f` \(line 9\) is still open here/);
    assert.equal(first.fixesApplied, 2);
    const second = transformSource(first.output, {});
    assert.equal(second.findings.find((f) => f.code === 'WFY201')?.fix?.applicability, 'unsafe');
    assert.equal(second.fixesApplied, 0);
  });
  test('fixed where the file was closed before the loop', () => {
    const closed = src.replace('    f.write("x")\n', '    f.write("x")\n    f.close()\n').replace('    f.write("y")\n', '    print(v)\n');
    const r = transformSource(closed, { select: ['generator-close'] });
    assert.equal(r.fixesApplied, 1);
  });
});

describe('generator-close findings without a fix', () => {
  test('each unfixable use is reported with its reason', () => {
    const src = readFileSync(join(ROOT, 'snapshots', 'generator-close', 'ok-reported-not-fixed.in.py'), 'utf8');
    const r = transformSource(src, { select: ['generator-close'] });
    assert.equal(r.fixesApplied, 0);
    assert.deepEqual(
      r.findings.map((f) => [f.location.line, f.fixStatus, f.reason]),
      [
        [13, 'none', 'in an `if` condition: a `with` or `try` around the statement would hold it to the end of the whole block'],
        [16, 'none', 'in a `while` condition, which runs on every iteration'],
        [21, 'none', 'in a class body: the new name would become a class attribute'],
        [25, 'none', '`side()` runs before it in this statement; making the generator ahead of the statement would run it first'],
        [26, 'none', 'inside a lambda, which has no statement to put a `with` around'],
        [27, 'none', 'inside a comprehension: each iteration makes its own generator'],
      ],
    );
  });
});

// Each generator has a pending `finally`; `useK` abandons it by `break`. `SHOWS_RAISE` are those whose code
// shows that closing them raises: their fix is unsafe, and applied (with --unsafe-fixes) it does change what
// `useK` raises under CPython; every other fix is safe and changes nothing there.
const CLOSE_CASES: Array<[string, string]> = [
  ['finally raises', 'try:\n        yield 1\n        yield 2\n    finally:\n        raise ValueError("cleanup")'],
  ['finally yields', 'try:\n        yield 1\n        yield 2\n    finally:\n        yield 3'],
  ['finally raises and catches', 'try:\n        yield 1\n        yield 2\n    finally:\n        try:\n            raise ValueError()\n        except ValueError:\n            pass'],
  ['finally defines a raiser', 'try:\n        yield 1\n        yield 2\n    finally:\n        def later():\n            raise ValueError()'],
  ['except GeneratorExit re-raises', 'try:\n        try:\n            yield 1\n            yield 2\n        except GeneratorExit:\n            raise\n    finally:\n        pass'],
  ['except GeneratorExit raises another', 'try:\n        try:\n            yield 1\n            yield 2\n        except GeneratorExit:\n            raise KeyError("x")\n    finally:\n        pass'],
  ['bare except goes on in a loop', 'try:\n        while True:\n            try:\n                yield 1\n            except:\n                pass\n    finally:\n        pass'],
  ['except BaseException returns', 'try:\n        try:\n            yield 1\n            yield 2\n        except BaseException:\n            return\n        yield 3\n    finally:\n        pass'],
  ['except (OSError, GeneratorExit) goes on to a yield', 'try:\n        try:\n            yield 1\n        except (OSError, GeneratorExit):\n            pass\n        yield 2\n    finally:\n        pass'],
  ['except Exception goes on', 'try:\n        while True:\n            try:\n                yield 1\n            except Exception:\n                pass\n    finally:\n        pass'],
  ['yield from one that raises', 'yield from g0()'],
  ['loop over one that raises', 'for x in g0():\n        yield x'],
  // As in CPython's test_asyncgen: a `finally` that raises without a `raise`
  ['finally divides by zero', 'try:\n        yield 1\n        yield 2\n    finally:\n        1/0'],
  ['except GeneratorExit fails an assert', 'try:\n        try:\n            yield 1\n            yield 2\n        except GeneratorExit:\n            assert False, "closed"\n    finally:\n        pass'],
  ['finally formats with % 0', 'try:\n        yield 1\n        yield 2\n    finally:\n        "%d" % 0'],
];
const SHOWS_RAISE = new Set(['finally raises', 'finally yields', 'except GeneratorExit raises another', 'bare except goes on in a loop', 'except (OSError, GeneratorExit) goes on to a yield', 'yield from one that raises', 'finally divides by zero', 'except GeneratorExit fails an assert']);

describe('generator-close when closing the generator may raise', () => {
  const src =
    CLOSE_CASES.map(([what, body], k) => `def g${k}():\n    # ${what}\n    ${body}\n\n\ndef use${k}():\n    for x in g${k}():\n        break\n    return "done"\n`).join('\n\n') +
    `\n\nfor k in range(${CLOSE_CASES.length}):\n    try:\n        print(k, globals()["use%d" % k]())\n    except Exception as e:\n        print(k, type(e).__name__)\n`;

  test('the fix is unsafe exactly where the generator\'s code shows that closing it raises', () => {
    const r = transformSource(src, { select: ['generator-close'] });
    const lines = src.split('\n');
    // The findings of `useK`'s loops (the loop in `g11` over `g0` is one more, left by its `yield`).
    const uses = r.findings.filter((f) => lines[f.location.line] === '        break');
    const status = new Map(uses.map((f) => [Number(/for x in g(\d+)/.exec(lines[f.location.line - 1]!)![1]), f]));
    for (const [k, [what]] of CLOSE_CASES.entries()) {
      const f = status.get(k);
      assert.ok(f, `${what}: no finding`);
      assert.equal(f.fixStatus, SHOWS_RAISE.has(what) ? 'unsafe' : 'fixable', what);
      if (SHOWS_RAISE.has(what)) assert.match(f.message, /closing it here may raise where CPython only printed "Exception ignored": `[^`]*\.g\d+`: it/, what);
    }
    const byWhat = new Map(CLOSE_CASES.map(([what], k) => [what, status.get(k)!.message]));
    assert.match(byWhat.get('finally raises')!, /its `finally` raises \(line 7\)$/);
    assert.match(byWhat.get('finally yields')!, /its `finally` yields \(line \d+\): closing it raises RuntimeError$/);
    assert.match(byWhat.get('except GeneratorExit raises another')!, /its `except GeneratorExit:` raises \(line \d+\)$/);
    assert.match(byWhat.get('bare except goes on in a loop')!, /its `except:` \(line \d+\) goes on after catching GeneratorExit and may yield again/);
    assert.match(byWhat.get('yield from one that raises')!, /it delegates to `g0` \(`yield from`\), whose `finally` raises \(line 7\)$/);
    assert.match(byWhat.get('finally divides by zero')!, /its `finally` raises ZeroDivisionError \(line \d+\)$/);
    assert.match(byWhat.get('except GeneratorExit fails an assert')!, /its `except GeneratorExit:` raises AssertionError \(line \d+\)$/);
  });

  test('under CPython, the unsafe fixes change what the function raises and the safe ones change nothing', () => {
    const dir = tempDir('withify-closeraises-');
    const run = (text: string) => {
      writeFileSync(join(dir, 'p.py'), text);
      return new Map(spawnSync(CPYTHON, ['p.py'], { cwd: dir, encoding: 'utf8' }).stdout.trim().split('\n').map((l) => [Number(l.split(' ')[0]), l.slice(l.indexOf(' ') + 1)]));
    };
    const before = run(src);
    const safe = transformSource(src, { select: ['generator-close'] });
    const all = transformSource(src, { select: ['generator-close'], unsafeFixes: true });
    // The loop of `g11` over `g0` is left by its `yield`: one more fix, unsafe as `g0`'s close raises.
    assert.equal(safe.fixesApplied, CLOSE_CASES.length - SHOWS_RAISE.size);
    assert.equal(all.fixesApplied, CLOSE_CASES.length + 1);
    assert.deepEqual(run(safe.output), before);
    const after = run(all.output);
    for (const [k, [what]] of CLOSE_CASES.entries()) {
      assert.equal(before.get(k), 'done', what);
      if (SHOWS_RAISE.has(what) || what === 'loop over one that raises') assert.notEqual(after.get(k), 'done', `${what}: the close raised nothing`);
      else assert.equal(after.get(k), 'done', what);
    }
  });

  test('an async generator whose finally raises gets an unsafe `await agen.aclose()`', () => {
    const a = 'async def produce():\n    try:\n        yield 1\n        yield 2\n    finally:\n        raise ValueError()\n\n\nasync def head():\n    async for x in produce():\n        break\n';
    const r = transformSource(a, { select: ['generator-close'] });
    assert.deepEqual(r.findings.map((f) => f.fixStatus), ['unsafe']);
    assert.equal(r.output, a);
    assert.match(transformSource(a, { select: ['generator-close'], unsafeFixes: true }).output, /finally:\n        await agen\.aclose\(\)\n$/);
  });
});

test("a subclass's override of a generator method whose close raises, or whose cleanup awaits, makes the base's `self.m()` fix unsafe, in its module or another", () => {
  const base = 'class Store:\n    def rows(self):\n        try:\n            yield 1\n            yield 2\n        finally:\n            print("cleanup")\n\n    def first(self):\n        for r in self.rows():\n            return r\n';
  const strict = 'class StrictStore(Store):\n    def rows(self):\n        try:\n            yield 1\n        finally:\n            raise RuntimeError("abandoned")\n';
  // Alone, the base's fix is safe; with the override in the module, or in another one of the project, unsafe
  assert.deepEqual(transformSource(base, { select: ['generator-close'] }).findings.map((f) => f.fixStatus), ['fixable']);
  const same = transformSource(`${base}\n\n${strict}`, { select: ['generator-close'] });
  assert.deepEqual(same.findings.map((f) => f.fixStatus), ['unsafe']);
  assert.match(same.findings[0]!.message, /its subclass `StrictStore` overrides it: `StrictStore\.rows`, whose `finally` raises \(line 19\)/);
  const index = indexOf({ 'pkg/__init__.py': '', 'pkg/base.py': base, 'pkg/strict.py': `from .base import Store\n\n\n${strict}` });
  assert.match(index.generators['pkg.base.Store.rows']!.closeRaises ?? '', /^its subclass `StrictStore` overrides it: `pkg\.strict\.StrictStore\.rows`, whose `finally` raises/);
  // Its own rating stays its own; a sibling method no subclass overrides stays safe
  assert.match(index.generators['pkg.strict.StrictStore.rows']!.closeRaises ?? '', /^its `finally` raises/);
  const awaits = 'class Feed:\n    async def items(self):\n        try:\n            yield 1\n        finally:\n            pass\n\n    async def first(self):\n        async for x in self.items():\n            return x\n\n\nclass LockedFeed(Feed):\n    async def items(self):\n        try:\n            yield 1\n        finally:\n            async with self.lock:\n                pass\n';
  assert.deepEqual(transformSource(awaits, { select: ['generator-close'] }).findings.map((f) => f.fixStatus), ['unsafe']);
  // A base method that delegates to the overridden one (`yield from self._rows()`, `return self._rows()`)
  const delegating = (how: string) => `class Store:\n    def _rows(self):\n        try:\n            yield 1\n        finally:\n            pass\n\n    def rows(self):\n        ${how} self._rows()\n\n    def first(self):\n        for r in self.rows():\n            return r\n\n\nclass StrictStore(Store):\n    def _rows(self):\n        try:\n            yield 10\n        finally:\n            raise RuntimeError("strict")\n`;
  for (const how of ['yield from', 'return']) {
    assert.deepEqual(transformSource(delegating(how), { select: ['generator-close'] }).findings.map((f) => f.fixStatus), ['unsafe'], how);
  }
  // An override withify cannot read: defined twice in its class, or in a module whose name another has
  const twice = `${base}\n\nclass StrictStore(Store):\n    def rows(self):\n        yield 0\n\n    def rows(self):\n        try:\n            yield 10\n        finally:\n            raise RuntimeError("strict")\n`;
  const r = transformSource(twice, { select: ['generator-close'] });
  assert.deepEqual(r.findings.map((f) => f.fixStatus), ['unsafe']);
  assert.match(r.findings[0]!.message, /its subclass `StrictStore` overrides it with a generator withify cannot read/);
  // (Two scripts `strict.py` in folders without `__init__.py`: both are the module `strict`)
  const dir = tempDir('withify-override-ambiguous-');
  mkdirSync(join(dir, 'x'));
  mkdirSync(join(dir, 'y'));
  writeFileSync(join(dir, 'core.py'), base);
  writeFileSync(join(dir, 'x', 'strict.py'), `import core\n\n\n${strict.replace('(Store)', '(core.Store)')}`);
  writeFileSync(join(dir, 'y', 'strict.py'), 'print("other")\n');
  const out = spawnSync(process.execPath, [CLI, 'check', '--no-cache', '--select', 'generator-close', '.'], { cwd: dir, encoding: 'utf8' });
  assert.match(out.stdout, /^core\.py:10:\d+ WFY201 .*its subclass `StrictStore` overrides it with a generator withify cannot read.*\[unsafe fix/m);
});

describe('generator-close on a generator kept in a variable of a function', () => {
  const gen = 'def produce(log):\n    try:\n        yield 1\n        yield 2\n    finally:\n        log.append("cleanup")\n';

  test('under CPython the fix closes it where the frame went: after the rest of the function, before the caller goes on', () => {
    const src =
      `${gen}\n\ndef first(log):\n    it = produce(log)\n    x = next(it)\n    log.append("rest")\n    return x\n\n\n` +
      `def loop(log, stop):\n    it = produce(log)\n    for x in it:\n        if x == stop:\n            return x\n    log.append("ran out")\n\n\n` +
      'for f, args in ((first, ()), (loop, (1,)), (loop, (5,))):\n    log = []\n    f(log, *args)\n    log.append("caller")\n    print(log)\n';
    const r = transformSource(src, { select: ['generator-close'] });
    assert.equal(r.fixesApplied, 2);
    assert.match(r.output, /def first\(log\):\n    it = produce\(log\)\n    try:\n        x = next\(it\)\n        log\.append\("rest"\)\n        return x\n    finally:\n        it\.close\(\)\n/);
    const dir = tempDir('withify-kept-');
    const run = (text: string) => runInDir(dir, text);
    const before = run(src);
    assert.equal(before, "['rest', 'cleanup', 'caller']\n['cleanup', 'caller']\n['cleanup', 'ran out', 'caller']\n");
    assert.equal(run(r.output), before);
  });

  test('a generator whose cleanup raises gets an unsafe fix that says so', () => {
    const src = 'def produce():\n    try:\n        yield 1\n    finally:\n        raise ValueError("cleanup")\n\n\ndef first():\n    it = produce()\n    return next(it)\n';
    const r = transformSource(src, { select: ['generator-close'] });
    assert.deepEqual(r.findings.map((f) => f.fixStatus), ['unsafe']);
    assert.match(r.findings[0]!.message, /^`it = produce\(\)`: `next\(it\)` reads it only in part, .*; closing it at the end of the function may raise where CPython only printed "Exception ignored": `[^`]*\.produce`: its `finally` raises \(line 5\)$/);
    assert.equal(r.output, src);
    assert.match(transformSource(src, { select: ['generator-close'], unsafeFixes: true }).output, /    it = produce\(\)\n    try:\n        return next\(it\)\n    finally:\n        it\.close\(\)\n$/);
  });

  test('--all-loops: a loop over it that runs to the end is fixed too', () => {
    const src = `${gen}\n\ndef every(log):\n    it = produce(log)\n    for x in it:\n        print(x)\n`;
    assert.equal(transformSource(src, { select: ['generator-close'] }).findings.length, 0);
    assert.equal(transformSource(src, { select: ['generator-close'], allLoops: true }).fixesApplied, 1);
  });
});

describe('generator-close over a package (CLI)', () => {
  const fixture = join(ROOT, 'test', 'fixtures', 'generator-project');
  const expectedDiff = readFileSync(join(ROOT, 'test', 'fixtures', 'generator-project.expected.diff'), 'utf8');
  const withify = (args: string[], cwd: string) =>
    spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const copy = () => {
    const dir = tempDir('withify-genproj-');
    cpSync(fixture, dir, { recursive: true });
    return dir;
  };

  test('diff on the directory: calls resolved across modules, relative imports, self.m(), yield from', () => {
    const dir = copy();
    const r = withify(['diff', '--select', 'generator-close', '.'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, expectedDiff);
  });

  test("a new name at the top level of a package's __init__.py avoids the modules beside it; private where `import *` would export it", () => {
    const dir = tempDir('withify-genpkg-');
    mkdirSync(join(dir, 'pkg', 'gen'), { recursive: true });
    writeFileSync(join(dir, 'pkg', 'core.py'), 'def rows():\n    try:\n        yield 1\n    finally:\n        pass\n');
    writeFileSync(join(dir, 'pkg', 'gen.py'), 'def render():\n    return 1\n');
    writeFileSync(join(dir, 'pkg', 'gen', '__init__.py'), '');
    // `__all__` lists what `import *` exports: a public name is no export
    writeFileSync(join(dir, 'pkg', '__init__.py'), 'from .core import rows\n\n__all__ = ["rows"]\nfor _row in rows():\n    break\n');
    // Not in a package's __init__.py: `gen` is free; with no `__all__`, `import *` would export it: `_gen`
    writeFileSync(join(dir, 'pkg', 'use.py'), 'from .core import rows\n\nfor _row in rows():\n    break\n');
    const r = withify(['diff', '--select', 'generator-close', '.'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /\+\+\+ b\/pkg\/__init__\.py\n@@[^\n]*\n from \.core import rows\n \n __all__ = \["rows"\]\n-for _row in rows\(\):\n-    break\n\+gen2 = rows\(\)\n/);
    assert.match(r.stdout, /\+\+\+ b\/pkg\/use\.py\n@@[^\n]*\n from \.core import rows\n \n-for _row in rows\(\):\n-    break\n\+_gen = rows\(\)\n/);
  });

  test('Class.method() of a classmethod generator is found in its own module and in a module that names only the class', () => {
    const dir = tempDir('withify-genpkg-');
    mkdirSync(join(dir, 'pk'));
    writeFileSync(join(dir, 'pk', '__init__.py'), '');
    writeFileSync(join(dir, 'pk', 'repo.py'), 'class Repo:\n    @classmethod\n    def rows(cls):\n        try:\n            yield 1\n        finally:\n            print("cleanup")\n\n\ndef same_module():\n    return next(Repo.rows())\n');
    writeFileSync(join(dir, 'pk', 'use_a.py'), 'from .repo import Repo\n\n\ndef first():\n    return next(Repo.rows())\n');
    const r = withify(['check', '--select', 'generator-close', '.'], dir);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^pk\/repo\.py:11:17 WFY201 `next` stops reading `Repo\.rows\(\)` early/m);
    assert.match(r.stdout, /^pk\/use_a\.py:5:17 WFY201 `next` stops reading `Repo\.rows\(\)` early/m);
  });

  test('a generator function another module replaces is reported at its uses, not fixed', () => {
    const dir = tempDir('withify-genpkg-');
    writeFileSync(join(dir, 'core.py'), 'def rows():\n    try:\n        yield 1\n    finally:\n        print("cleanup")\n\n\ndef first():\n    for r in rows():\n        return r\n');
    writeFileSync(join(dir, 'main.py'), 'import core\ncore.rows = lambda: [5]\nprint(core.first())\n');
    const r = withify(['check', '--select', 'generator-close', '.'], dir);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^core\.py:9:14 WFY201 .*\(not fixed: `core\.rows = …` in `main` may replace `core\.rows`: the call may return an object without `close\(\)`\)$/m);
  });

  test('--generator-style closing and --all-loops reach the transform from the command line', () => {
    const dir = copy();
    const r = withify(['diff', '--select', 'generator-close', '--generator-style', 'closing', '--all-loops', '.'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /\n\+import contextlib\n/);
    assert.match(r.stdout, /\n\+with contextlib\.closing\(app\.relay\.relay\(10\)\) as _gen:\n/);
    // Every loop of the fixture can leave early: --all-loops adds nothing, and `sum(...)` reads to the end.
    assert.equal((r.stdout.match(/^\+\s*with contextlib\.closing\(/gm) ?? []).length, 7);
    assert.doesNotMatch(r.stdout, /sum\(1 for _ in _?gen/);
    writeFileSync(join(dir, 'loop.py'), `${CLEANUP}\n\nfor x in produce():\n    print(x)\n`);
    assert.equal(withify(['diff', '--select', 'generator-close', 'loop.py'], dir).stdout, '');
    assert.match(withify(['diff', '--select', 'generator-close', '--all-loops', 'loop.py'], dir).stdout, /\n\+_gen = produce\(\)\n\+try:\n/);
  });

  test('a script without .py named on the command line: both passes know it by one name (one thread and the pool)', () => {
    const dir = tempDir('withify-script-');
    mkdirSync(join(dir, 'bin'));
    mkdirSync(join(dir, 'lib'));
    writeFileSync(join(dir, 'bin', 'tool'), `#!/usr/bin/env python3\n${CLEANUP}\n\nfor x in produce():\n    break\n`);
    // Enough files for the pool to start a worker thread (FILES_PER_WORKER in src/runner.ts).
    for (let i = 0; i < 20; i++) writeFileSync(join(dir, 'lib', `m${i}.py`), `x = ${i}\n`);
    for (const args of [['bin/tool'], ['bin/tool', '--whole-files'], ['bin/tool', 'lib', '--jobs', '2'], [join(dir, 'bin', 'tool'), 'lib', '--jobs', '1']]) {
      const r = withify(['check', '--select', 'generator-close', ...args], dir);
      assert.equal(r.status, 1, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.match(r.stdout, /^bin\/tool:9:10 WFY201 `for … in produce\(\)`/m, args.join(' '));
    }
  });

  test('two conftest.py outside packages: each fixes its own generators, in one thread, the pool and --whole-files alike', () => {
    const dir = tempDir('withify-conftest-');
    for (const d of ['a', 'b', 'lib']) mkdirSync(join(dir, d));
    writeFileSync(join(dir, 'a', 'conftest.py'), `${CLEANUP}\n\ndef first():\n    for x in produce():\n        return x\n`);
    // The same module name, a generator of the same name without cleanup: nothing to fix there.
    writeFileSync(join(dir, 'b', 'conftest.py'), 'def produce():\n    yield 1\n\n\ndef first():\n    for x in produce():\n        return x\n');
    for (let i = 0; i < 20; i++) writeFileSync(join(dir, 'lib', `m${i}.py`), `x = ${i}\n`);
    const outputs = [['--jobs', '1'], ['--jobs', '2'], ['--whole-files']].map((args) => {
      const r = withify(['diff', '--select', 'generator-close', '.', ...args], dir);
      assert.equal(r.status, 0, r.stderr);
      return r.stdout;
    });
    assert.match(outputs[0]!, /^\+\+\+ b\/a\/conftest\.py$/m);
    assert.match(outputs[0]!, /^\+        gen\.close\(\)$/m);
    assert.doesNotMatch(outputs[0]!, /b\/conftest/);
    assert.equal(outputs[1], outputs[0]);
    assert.equal(outputs[2], outputs[0]);
    // A third one says `yield` but holds no cleanup: the first pass's index of its module spares the whole
    // parse, so a syntax error where no anchor is goes unseen, as in any file parsed in part.
    mkdirSync(join(dir, 'c'));
    writeFileSync(join(dir, 'c', 'conftest.py'), 'def plain():\n    yield 1\n\n\ndef broken():\n    x = = 1\n');
    for (const jobs of ['1', '2']) {
      const r = withify(['check', '--select', 'generator-close', '.', '--jobs', jobs], dir);
      assert.equal(r.status, 1, r.stderr);
      assert.doesNotMatch(r.stderr, /c\/conftest\.py/);
    }
    const whole = withify(['check', '--select', 'generator-close', '.', '--whole-files'], dir);
    assert.equal(whole.status, 2);
    assert.match(whole.stderr, /^error: c\/conftest\.py: cannot parse/m);
  });

  test('fix rewrites the files the diff shows, the program prints the same, and a second run changes nothing', () => {
    const dir = copy();
    const before = spawnSync(CPYTHON, ['main.py'], { cwd: dir, encoding: 'utf8' });
    assert.equal(before.status, 0, before.stderr);
    const r = withify(['fix', '--select', 'generator-close', '.'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout + r.stderr, /4 files changed, 7 fixes applied, 0 findings left\./);
    const after = spawnSync(CPYTHON, ['main.py'], { cwd: dir, encoding: 'utf8' });
    assert.equal(after.status, 0, after.stderr);
    assert.equal(after.stdout, before.stdout);
    const diffAfter = withify(['diff', '--select', 'generator-close', '.'], dir);
    assert.equal(diffAfter.stdout, '');
    assert.equal(readFileSync(join(dir, 'app', 'sub', 'use.py'), 'utf8').includes('gen = make(n)'), true);
    const second = withify(['fix', '--select', 'generator-close', '.'], dir);
    assert.equal(second.status, 0);
    assert.match(second.stdout + second.stderr, /0 files changed, 0 fixes applied, 0 findings left\./);
  });
});

test('a generator that holds a file at a yield is one with cleanup: fixing the file and its callers takes one run', () => {
  const text = readFileSync(join(SNAPSHOTS, 'generator-close', 'holds-resource.in.py'), 'utf8');
  const once = transformSource(text, {});
  assert.equal(once.fixesApplied, 6);
  const twice = transformSource(once.output, {});
  assert.equal(twice.output, once.output);
  assert.equal(twice.findings.length, 0);
});

test('self.m() is not fixed where an attribute of that name may hide the method, whatever the shape', () => {
  const base = 'class Feed:\n    def rows(self):\n        try:\n            yield 1\n        finally:\n            print("rows finally")\n\n    def first(self):\n        for x in self.rows():\n            return x\n';
  assert.equal(transformSource(base, {}).fixesApplied, 1);
  for (const extra of [
    '\n\nclass Slow(Feed):\n    def __init__(s):\n        s.rows = lambda: iter([9])\n',
    '\n\nclass Pair(Feed):\n    rows, other = (lambda self: iter([2, 6])), 1\n',
    '\n\ndef patch(feed):\n    setattr(feed, "rows", lambda: iter([3]))\n',
    '\n\nFeed.rows = lambda self: iter([4])\n',
    '\n\ndef patch(feed):\n    feed.__dict__["rows"] = lambda: iter([5])\n',
  ]) {
    const r = transformSource(base + extra, {});
    assert.equal(r.fixesApplied, 0, extra);
    assert.equal(r.findings.length, 1, extra);
  }
});

test('a generator kept in a variable bound inside a block is reported with where, not fixed', () => {
  const text = readFileSync(join(SNAPSHOTS, 'generator-close', 'ok-kept-nested.in.py'), 'utf8');
  const r = transformSource(text, { select: ['generator-close'] });
  assert.equal(r.fixesApplied, 0);
  const lines = r.findings.map((f) => `${f.location.line}: ${f.reason ?? ''}`);
  assert.equal(lines.length, 4, lines.join('\n'));
  assert.match(lines[0]!, /^13: bound inside the `if` on line 12: .*on the paths that bound it \(`it\.close\(\)`; elsewhere the name may be unbound\)$/);
  assert.match(lines[1]!, /^20: bound inside the `with` on line 19: .*would close it before the `with` exits/);
  assert.match(lines[2]!, /^28: bound inside the `try` on line 27: /);
  assert.match(lines[3]!, /^54: bound inside the `else` on line 53: /);
});

test('a kept generator that open-assign\'s `with` takes in stays reported after the fix: no "0 findings left"', () => {
  const text = 'def rows(n):\n    try:\n        yield from range(n)\n    finally:\n        print("rows finally", n)\n\n\ndef f(p):\n    fh = open(p)\n    it = rows(3)\n    print(next(it))\n    data = fh.read()\n    return data\n';
  const once = transformSource(text, {});
  assert.deepEqual(once.findings.map((f) => f.code).sort(), ['WFY105', 'WFY201']);
  assert.match(once.output, /    with open\(p\) as fh:\n        it = rows\(3\)\n/);
  assert.equal(once.fixesApplied, 1);
  assert.equal(once.remaining.length, 1);
  assert.equal(once.remaining[0]!.code, 'WFY201');
  assert.match(once.remaining[0]!.reason ?? '', /bound inside the `with` on line 9/);
  assert.equal(transformSource(once.output, {}).output, once.output);
});

describe('generator-close on a generator made in a branch (`… if … else …`, `and`, `or`)', () => {
  const read = (name: string) => readFileSync(join(SNAPSHOTS, 'generator-close', name), 'utf8');

  test('where `:=` cannot bind it, or the use is reported anyway, each finding says why; `and` dropping it before it starts is no finding', () => {
    const r = transformSource(read('ok-branch-reported.in.py'), { select: ['generator-close'] });
    assert.equal(r.fixesApplied, 0);
    const lines = r.findings.map((f) => `${f.location.line} ${f.fixStatus}: ${f.reason ?? ''}`);
    assert.equal(lines.length, 5, lines.join('\n'));
    assert.match(lines[0]!, /^19 none: made inside `rows\(n\) if n else fallback`, in a comprehension's iterable, where Python refuses the `:=` the fix binds it with \(a SyntaxError\); binding the whole expression ahead of the statement instead would close what another branch gives$/);
    assert.match(lines[1]!, /^21 none: `Table\(\)` is picked inside `Table\(\) if n else fallback`, and the generator is what iterating it makes, after the choice: binding `iter\(Table\(\)\)` there would call `__iter__` earlier/);
    assert.match(lines[2]!, /^24 none: `print\(next\(rows\(n\) if n else iter\(fallb…` runs after `next\(rows\(n\) if n else iter\(fallback\)\)`: CPython closed the generator before it, the fix would close it after$/);
    assert.match(lines[3]!, /^26 none: `zip` abandons it before the loop's `else:` runs/);
    assert.match(lines[4]!, /^30 none: inside a lambda/);
  });

  test('below 3.8 there is no `:=`: reported with the target, not fixed', () => {
    const text = read('ok-branch-37.in.py');
    const old = transformSource(text, { select: ['generator-close'], targetVersion: [3, 7] });
    assert.equal(old.output, text);
    assert.deepEqual(
      old.findings.map((f) => [f.location.line, f.fixStatus, f.reason]),
      [
        [10, 'none', 'made inside `rows(n) if n else fallback`: the fix binds it where it is made, with `:=` (new in 3.8; the target is 3.7), so that the choice runs once and only a generator that was made is closed; binding the whole expression ahead of the statement instead would close what another branch gives'],
        [12, 'none', 'made inside `rows(n) or iter(fallback)`: the fix binds it where it is made, with `:=` (new in 3.8; the target is 3.7), so that the choice runs once and only a generator that was made is closed; binding the whole expression ahead of the statement instead would close what another branch gives'],
      ],
    );
    const now = transformSource(text, { select: ['generator-close'], targetVersion: [3, 8] });
    assert.equal(now.fixesApplied, 2);
    assert.match(now.output, /    gen2 = None\n    try:\n        return next\(\(gen2 := rows\(n\)\) or iter\(fallback\)\)\n    finally:\n        if gen2 is not None:\n            gen2\.close\(\)\n$/);
  });

  test('one fix for both branches: unsafe for both when one of them raises in its `finally`, and each finding says why', () => {
    const r = transformSource(read('ok-branch-cleanup-raises.in.py'), { select: ['generator-close'] });
    assert.deepEqual(r.findings.map((f) => f.fixStatus), ['unsafe', 'unsafe']);
    assert.match(r.findings[0]!.message, /closing it here may raise where CPython only printed "Exception ignored": `[^`]*\.locked`: its `finally` raises \(line 13\)$/);
    assert.match(r.findings[1]!.message, /; the same fix closes `[^`]*\.locked`, made in another branch, whose close may raise or await \(see its finding\)$/);
  });

  test('--generator-style closing still writes try/finally: a `with` header would make the generator ahead of the choice', () => {
    const text = read('branch-tabs.in.py');
    const r = transformSource(text, { select: ['generator-close'], generatorStyle: 'closing' });
    assert.equal(r.output, read('branch-tabs.out.py'));
  });

  test('under CPython the fix changes nothing the program prints, with the condition run once and the other branch\'s object not closed', () => {
    const src = read('proof-branch.in.py');
    const r = transformSource(src, { select: ['generator-close'] });
    assert.equal(r.fixesApplied, 5);
    const dir = tempDir('withify-branch-');
    const run = (text: string) => runInDir(dir, text);
    const before = run(src);
    assert.match(before, /closed: False\n.*closed: False\nconditions run: 8\n$/);
    assert.equal(run(r.output), before);
  });
});

describe('generator-close on a generator kept through a branch (`it = rows() if c else []`) or used in one (`next(rows()) if d else None`)', () => {
  test('a generator kept after one held through a wrapper in a branch: `check` rates its fix unsafe, as `fix` finds it once the first is written', () => {
    const r = transformSource(read('kept-branch-wrapper.in.py'), { select: ['generator-close'] });
    const lines = r.findings.map((f) => `${f.location.line} ${f.fixStatus}`);
    assert.ok(lines.includes('43 fixable'), lines.join('\n'));
    const after = r.findings.find((f) => f.location.line === 46);
    assert.equal(after?.fixStatus, 'unsafe');
    assert.match(after!.message, /before the cleanup of `pairs` \(line 43\), where CPython dropped `pairs` first/);
  });

  test('a wrapper holding two generators in a branch: each reported with why the branch fix cannot close both, and a generator kept after it rated unsafe', () => {
    const r = transformSource(read('kept-branch-wrapper.in.py'), { select: ['generator-close'] });
    const at = (line: number) => r.findings.filter((f) => f.location.line === line).map((f) => `${f.location.column} ${f.fixStatus}: ${f.reason ?? ''}`);
    const both = (other: string) => `none: \`zip(rows(1), rows(2))\` also holds \`${other}\`: the fix for a generator kept through a branch binds one generator where it is made, and cannot close both; close them by hand`;
    assert.deepEqual(at(60), [`14 ${both('rows(2)')}`, `23 ${both('rows(1)')}`]);
    assert.deepEqual(at(67), [
      '14 none: `zip(rows(1) if c else [], rows(2))` also holds `rows(2)`: the fix for a generator kept through a branch binds one generator where it is made, and cannot close both; close them by hand',
      '36 none: `rows(1) if c else []` runs before it in this statement; making the generator ahead of the statement would run it first',
    ]);
    assert.deepEqual(at(74), [`14 ${both('rows(2)')}`, `23 ${both('rows(1)')}`]);
    const after = r.findings.find((f) => f.location.line === 77);
    assert.equal(after?.fixStatus, 'unsafe');
    assert.match(after!.message, /before the cleanup of `it` \(line 74\), where CPython dropped `it` first/);
  });

  const read = (name: string) => readFileSync(join(SNAPSHOTS, 'generator-close', name), 'utf8');

  test('where no fix can hold it, each finding says why; read to the end or handed on is no finding; kept through a wrapper after another kept value, an unsafe fix', () => {
    const r = transformSource(read('ok-kept-branch.in.py'), { select: ['generator-close'] });
    assert.equal(r.fixesApplied, 0);
    const lines = r.findings.map((f) => `${f.location.line} ${f.fixStatus}: ${f.reason ?? f.message}`);
    assert.equal(lines.length, 9, lines.join('\n'));
    assert.match(lines[0]!, /^15 none: bound inside the `if` on line 14: .*\(`close\(\)` on the generator; elsewhere the name may be unbound\), and only if its branch made it: `it` may hold what the other branch gives$/);
    assert.match(lines[1]!, /^23 none: kept in `it` in a loop: .*if its branch made it \(`it\.close\(\)` may reach what the other branch gives\)$/);
    assert.match(lines[2]!, /^28 none: the assignment shares its line with other code/);
    assert.match(lines[3]!, /^39 unsafe: `wrapped = islice\(rows\(n\), 2\) if c else fallback`: `itertools\.islice` stops reading it early, .*before the cleanup of `done` \(line 35\), where CPython dropped `done` first/);
    assert.match(lines[4]!, /^45 none: `next\(rows\(n\)\) or fallback` runs after `next\(rows\(n\)\)`: CPython closed the generator before it/);
    assert.match(lines[5]!, /^47 none: `print\(next\(rows\(n\)\) if d else None\)` runs after/);
    assert.match(lines[6]!, /^49 none: `1 if next\(rows\(n\)\) else 2` runs after/);
    assert.match(lines[7]!, /^51 none: used inside `d or any\(r > 1 for r in rows\(n\)\)`, in a comprehension's iterable, where Python refuses the `:=`/);
    assert.match(lines[8]!, /^53 none: inside a lambda/);
  });

  test('below 3.8 there is no `:=`: reported with the target, fixed from 3.8', () => {
    const text = read('ok-kept-branch-37.in.py');
    const old = transformSource(text, { select: ['generator-close'], targetVersion: [3, 7] });
    assert.equal(old.output, text);
    assert.deepEqual(
      old.findings.map((f) => [f.location.line, f.fixStatus, f.reason]),
      [
        [10, 'none', 'made inside `rows(n) if n else fallback`: the fix binds it where it is made, with `:=` (new in 3.8; the target is 3.7), so that the choice runs once and only a generator that was made is closed; closing `it` instead would close what another branch gives'],
        [17, 'none', 'used inside `next(rows(n)) if d else None`: the fix binds it where it is made, with `:=` (new in 3.8; the target is 3.7), so that the choice runs once and only a generator that was made is closed; making it ahead of the statement instead would make it where the branch does not run'],
        [21, 'none', 'made inside `zip(rows(n), names) if n else []`: the fix binds it where it is made, with `:=` (new in 3.8; the target is 3.7), so that the choice runs once and only a generator that was made is closed; closing `pairs` instead would close what another branch gives'],
      ],
    );
    const now = transformSource(text, { select: ['generator-close'], targetVersion: [3, 8] });
    assert.equal(now.fixesApplied, 3);
    assert.match(now.output, /    gen = None\n    pairs = zip\(\(gen := rows\(n\)\), names\) if n else \[\]\n    try:\n/);
    assert.match(now.output, /    gen = None\n    it = \(gen := rows\(n\)\) if n else fallback\n    try:\n/);
  });

  test('a generator the index cannot vouch for is left out of the fix, which binds and closes the others', () => {
    const src = [
      'def rows(n):\n    try:\n        yield from range(n)\n    finally:\n        pass\n\n\n',
      'class Store:\n    def rows(self):\n        try:\n            yield 1\n        finally:\n            pass\n\n',
      '    def head(self, c):\n        it = self.rows() if c else rows(2)\n        return next(it)\n\n\n',
      'class Cached(Store):\n    def rows(self):\n        return [1]\n',
    ].join('');
    const r = transformSource(src, { select: ['generator-close'] });
    assert.deepEqual(r.findings.map((f) => f.fixStatus), ['none', 'fixable']);
    assert.match(r.findings[0]!.reason ?? '', /a subclass overrides `Store\.rows`/);
    assert.match(r.output, /        it = self\.rows\(\) if c else \(gen := rows\(2\)\)\n/);
  });

  test('under CPython the fix changes nothing the program prints, with the condition run once and the other branch\'s object not closed', () => {
    const src = read('proof-kept-branch.in.py');
    const r = transformSource(src, { select: ['generator-close'] });
    assert.equal(r.fixesApplied, 5);
    const dir = tempDir('withify-kept-branch-');
    const run = (text: string) => runInDir(dir, text);
    const before = run(src);
    assert.match(before, /closed: False\n(.*\n)*.*closed: False\nconditions run: 8\n$/);
    assert.equal(run(r.output), before);
  });
});

test('a generator kept in a loop and closed by hand is no finding: the fix of next(gen()) in a loop checks clean', () => {
  const src = 'def gen():\n    try:\n        yield 1\n    finally:\n        print("cleanup")\n\n\ndef f():\n    for i in range(2):\n        x = next(gen())\n    return x\n\n\ndef h():\n    while True:\n        it = gen()\n        x = next(it)\n        it.close()\n        return x\n\n\ndef k():\n    for i in range(2):\n        it = gen()\n        x = next(it)\n    return x\n';
  const first = transformSource(src, { select: ['generator-close'] });
  assert.equal(first.fixesApplied, 1);
  assert.match(first.output, /        gen2 = gen\(\)\n        try:\n            x = next\(gen2\)\n        finally:\n            gen2\.close\(\)\n/);
  // What is left is `k`'s generator, which nothing closes; the fix's own output and `h` (closed by hand) are clean
  const again = transformSource(first.output, { select: ['generator-close'] });
  assert.deepEqual(again.findings.map((f) => first.output.slice(0, f.start).split('\n').length), [28]);
  assert.match(again.findings[0]!.reason!, /^kept in `it` in a loop/);
});

test('--generator-style closing: an import the module deletes or a function rebinds through global is not reused', () => {
  const gen = 'def gen():\n    try:\n        yield 1\n    finally:\n        print("cleanup")\n\n\ndef f():\n    for v in gen():\n        break\n    return v\n';
  for (const tail of ['del contextlib\n', 'def setup():\n    global contextlib\n    contextlib = None\n']) {
    const r = transformSource(`import contextlib\n\n\n${gen}\n\n${tail}`, { select: ['generator-close'], generatorStyle: 'closing' });
    assert.equal(r.fixesApplied, 1, tail);
    assert.match(r.output, /^from contextlib import closing\nimport contextlib\n/, tail);
    assert.match(r.output, /    with closing\(gen\(\)\) as gen2:\n/, tail);
  }
  // Kept, it is reused
  const kept = transformSource(`import contextlib\n\n\n${gen}`, { select: ['generator-close'], generatorStyle: 'closing' });
  assert.match(kept.output, /^import contextlib\n/);
  assert.match(kept.output, /    with contextlib\.closing\(gen\(\)\) as gen2:\n/);
});

test('a raise in a pending finally is caught only by a handler of its class or a base: otherwise closing raises (unsafe)', () => {
  const gen = (handler: string) => `def g():\n    try:\n        yield 1\n        yield 2\n    finally:\n        try:\n            raise KeyError("k")\n        except ${handler}:\n            pass\n\n\ndef use():\n    for x in g():\n        break\n`;
  for (const handler of ['KeyError', 'LookupError', '(ValueError, LookupError)', 'Exception', 'BaseException']) {
    assert.equal(transformSource(gen(handler), { select: ['generator-close'] }).fixesApplied, 1, handler);
  }
  for (const handler of ['(TypeError, IndexError)', 'ValueError']) {
    const r = transformSource(gen(handler), { select: ['generator-close'] });
    assert.equal(r.fixesApplied, 0, handler);
    assert.equal(transformSource(gen(handler), { select: ['generator-close'], unsafeFixes: true }).fixesApplied, 1, handler);
  }
});

describe('fourth review round', () => {
  const core = 'class Store:\n    def rows(self):\n        try:\n            yield 1\n        finally:\n            pass\n';
  test('a class body binding a method name in any way overrides it, parsed or read as text', () => {
    const forms = [
      'items = rows = _list_rows',
      'try:\n        from fast import rows\n    except ImportError:\n        pass',
      'import fakerows as _m; rows = _m.rows',
      'for rows in [1]:\n        pass',
      '*_, rows = 1, 2',
      '[rows] = [1]',
      'with ctx() as rows:\n        pass',
      'rows: Callable',
    ];
    for (const form of forms) {
      for (const parsed of ['', 'def g():\n    yield 1\n']) {
        const sub = `from core import Store\n\nclass ListStore(Store):\n    def _list_rows(self):\n        return [10]\n\n    ${form}\n${parsed}`;
        assert.deepEqual(indexOf({ 'core.py': core, 'sub.py': sub }).plainOverrides, ['Store.rows'], `${form}${parsed ? ', parsed' : ''}`);
      }
    }
    // A name bound inside a method is no override
    const method = 'from core import Store\n\nclass ListStore(Store):\n    def other(self):\n        rows = 1\n        return rows\n';
    assert.deepEqual(indexOf({ 'core.py': core, 'sub.py': method }).plainOverrides, []);
  });

  test('a method bound in both branches of an `if` in its class body is no generator', () => {
    const text = 'import sys\n\nclass Store:\n    if sys.version_info < (3, 0):\n        def rows(self):\n            try:\n                yield 1\n            finally:\n                pass\n    else:\n        def rows(self):\n            return [10]\n\n    def first(self):\n        for r in self.rows():\n            return r\n';
    assert.equal(indexOf({ 'm.py': text }).generators['m.Store.rows'], undefined);
    const one = text.replace('    else:\n        def rows(self):\n            return [10]\n', '');
    assert.ok(indexOf({ 'm.py': one }).generators['m.Store.rows']);
  });

  test('a wrapper in a file with no yield is no generator where a top-level import binds its name again', () => {
    const index = indexOf({
      'pkg/__init__.py': '',
      'pkg/core.py': 'def rows(n):\n    try:\n        yield n\n    finally:\n        pass\n',
      'pkg/api.py': 'from pkg import core\n\n\ndef rows(n):\n    return core.rows(n)\n\n\nfrom pkg.fast import rows\n',
    });
    assert.equal(resolveGenerator(index, 'pkg.api.rows')?.key, undefined);
  });

  test('test doubles: patch.multiple, configure_mock, an alias of patch, `**` arguments', () => {
    const use = { 'pkg/__init__.py': '', 'pkg/core.py': 'def rows():\n    try:\n        yield 1\n    finally:\n        pass\n', 'pkg/use.py': 'from pkg.core import rows\n' };
    const doubles = [
      'from unittest import mock\nfrom pkg import use\n\ndef t():\n    with mock.patch.multiple(use, rows=lambda: [42]):\n        pass\n',
      'from unittest import mock\n\ndef t():\n    mock.patch.multiple("pkg.use", rows=[42])\n',
      'from unittest import mock\n\ndef t():\n    with mock.patch("pkg.use.rows") as m:\n        m.configure_mock(return_value=[42])\n',
      'from unittest.mock import patch as p\nfrom pkg import use\n\ndef t():\n    p.object(use, "rows", return_value=[42])\n',
      'from unittest.mock import patch as p\n\ndef t():\n    p("pkg.use.rows", return_value=[42])\n',
      'from unittest.mock import patch\n\ndef t():\n    patch("pkg.use.rows", **{"return_value": [42]})\n',
    ];
    for (const t of doubles) assert.ok(resolveGenerator(indexOf({ ...use, 'test_use.py': t }), 'pkg.use.rows')?.patched, t);
    // A MagicMock with nothing given has a `close()`
    assert.equal(resolveGenerator(indexOf({ ...use, 'test_use.py': 'from unittest.mock import patch\n\ndef t():\n    patch("pkg.use.rows")\n' }), 'pkg.use.rows')?.patched, undefined);
  });

  test('cleanup that awaits in an async comprehension, and a handler that catches GeneratorExit through a name, are unsafe', () => {
    const a = transformSource('async def feed():\n    try:\n        yield 1\n    finally:\n        got = [t async for t in ticks()]\n\nasync def use():\n    async for x in feed():\n        break\n', { select: ['generator-close'] });
    assert.equal(a.fixesApplied, 0);
    assert.match(a.findings[0]?.message ?? '', /its `finally` awaits \(line 5\)/);
    const swallow = (caught: string) => `ANY = (${caught}, ValueError)\n\ndef g():\n    try:\n        while True:\n            try:\n                yield 2\n            except ANY:\n                pass\n    finally:\n        pass\n\ndef use():\n    for x in g():\n        break\n`;
    const g = transformSource(swallow('GeneratorExit'), { select: ['generator-close'] });
    assert.equal(g.fixesApplied, 0);
    assert.match(g.findings[0]?.message ?? '', /`except ANY:` \(line 8\) goes on after catching/);
    assert.equal(transformSource(swallow('KeyError'), { select: ['generator-close'] }).fixesApplied, 1);
  });

  test('a comment at column 0 in a moved body stays at column 0', () => {
    const r = transformSource(`${CLEANUP}\n\ndef first():\n    for x in produce():\n#       print(x)\n        # kept\n        break\n    return x\n`, { select: ['generator-close'] });
    assert.equal(r.fixesApplied, 1);
    assert.match(r.output, /        for x in gen:\n#       print\(x\)\n            # kept\n            break\n/);
  });

  test('a script outside any package named like a standard-library module is not what other code imports by that name', () => {
    const dir = tempDir('withify-stdshadow-');
    mkdirSync(join(dir, 'app'));
    mkdirSync(join(dir, 'scripts'));
    writeFileSync(join(dir, 'pyproject.toml'), '');
    writeFileSync(join(dir, 'app', '__init__.py'), '');
    writeFileSync(join(dir, 'scripts', 'glob.py'), 'import os\n\n\ndef glob(pattern):\n    try:\n        yield from os.listdir(".")\n    finally:\n        pass\n');
    writeFileSync(join(dir, 'app', 'main.py'), 'from glob import glob\n\n\ndef first_py():\n    for p in glob("*.toml"):\n        return p\n');
    const run = () => spawnSync(process.execPath, [CLI, 'check', '--no-cache', '.'], { cwd: dir, encoding: 'utf8' });
    assert.equal(run().status, 0, run().stdout);
    // The same module under another name is a generator of the project
    writeFileSync(join(dir, 'scripts', 'globber.py'), readFileSync(join(dir, 'scripts', 'glob.py')));
    writeFileSync(join(dir, 'scripts', 'use.py'), 'from globber import glob\n\n\ndef first_py():\n    for p in glob("*.toml"):\n        return p\n');
    assert.match(run().stdout, /scripts\/use\.py:5:14 WFY201/);
  });
});

describe('fifth review round', () => {
  const core = 'class Store:\n    def rows(self):\n        try:\n            yield 1\n        finally:\n            pass\n';
  test('a class body binding on its header line, over a backslash, by a nested class or exec; a word in a string binds nothing', () => {
    for (const sub of [
      'from core import Store\n\nclass S(Store): rows = lambda self: [1]\n',
      'from core import Store\n\nclass S(Store):\n    rows \\\n        = lambda self: [1]\n',
      'from core import Store\n\nclass S(Store):\n    class rows(list):\n        pass\n',
      'from core import Store\n\nclass S(Store):\n    exec("def rows(self): return [50]")\n',
    ]) {
      for (const parsed of ['', 'def g():\n    yield 1\n']) assert.deepEqual(indexOf({ 'core.py': core, 'sub.py': sub + parsed }).plainOverrides, ['Store.rows'], sub + parsed);
    }
    for (const sub of ['from core import Store\n\nclass S(Store):\n    """Sales figures; rows are grouped for region."""\n    title = "Sales rows"\n']) {
      for (const parsed of ['', 'def g():\n    yield 1\n']) assert.deepEqual(indexOf({ 'core.py': core, 'sub.py': sub + parsed }).plainOverrides, [], sub + parsed);
    }
  });

  test('except NAME: a constant imported or reached by attribute, an augmented or computed tuple may catch GeneratorExit', () => {
    const gen = (head: string, caught: string) => `${head}\n\ndef g():\n    try:\n        while True:\n            try:\n                yield 2\n            except ${caught}:\n                pass\n    finally:\n        pass\n\ndef use():\n    for x in g():\n        break\n`;
    const unsafe = [
      gen('from .errors import ALL as ANY', 'ANY'),
      gen('import errors', 'errors.ALL'),
      gen('ANY = (ValueError,)\nANY += (GeneratorExit,)', 'ANY'),
      gen('BASE = (GeneratorExit,)\nANY = (*BASE, ValueError)', 'ANY'),
      gen('ANY = _all()', 'ANY'),
    ];
    for (const t of unsafe) assert.equal(transformSource(t, { select: ['generator-close'] }).fixesApplied, 0, t);
    for (const t of [gen('import socket', 'socket.error'), gen('from requests import ConnectionError', 'ConnectionError'), gen('ANY = (KeyError, ValueError)', 'ANY')]) {
      assert.equal(transformSource(t, { select: ['generator-close'] }).fixesApplied, 1, t);
    }
  });

  test("an `__aexit__` with an async comprehension awaits; new_callable= gives a double its value", () => {
    const t = 'class Conn:\n    async def __aenter__(self):\n        return self\n    async def __aexit__(self, *exc):\n        print([t async for t in ticks()])\n\nasync def feed():\n    async with Conn():\n        yield 1\n\nasync def first():\n    async for x in feed():\n        break\n';
    assert.equal(transformSource(t, { select: ['generator-close'] }).fixesApplied, 0);
    const use = { 'pkg/__init__.py': '', 'pkg/core.py': 'def rows():\n    try:\n        yield 1\n    finally:\n        pass\n' };
    assert.ok(resolveGenerator(indexOf({ ...use, 't.py': 'from unittest.mock import patch\npatch("pkg.core.rows", new_callable=lambda: (lambda: [5]))\n' }), 'pkg.core.rows')?.patched);
    // Keywords for the target and the attribute
    assert.ok(resolveGenerator(indexOf({ ...use, 't.py': 'from unittest.mock import patch\nfrom pkg import core\npatch.object(target=core, attribute="rows", return_value=[5])\n' }), 'pkg.core.rows')?.patched);
    assert.ok(resolveGenerator(indexOf({ ...use, 't.py': 'from pkg import core\n\ndef test(monkeypatch):\n    monkeypatch.setattr(core, name="rows", value=lambda: [5])\n' }), 'pkg.core.rows')?.patched);
  });

  test("a generator made in a generator expression's later `for` clause, abandoned: reported, no fix", () => {
    const src = (use: string) => `${CLEANUP}\n\ndef f(xs):\n    ${use}\n`;
    for (const use of ['return any(y > 0 for x in xs for y in produce())', 'for y in (y for x in xs for y in produce()):\n        break']) {
      const r = transformSource(src(use), { select: ['generator-close'] });
      assert.equal(r.fixesApplied, 0, use);
      assert.match(r.findings[0]?.reason ?? '', /^in a later `for` clause of a generator expression/, use);
    }
    // Read to the end: nothing abandoned
    assert.equal(transformSource(src('return list(y for x in xs for y in produce())'), { select: ['generator-close'] }).findings.length, 0);
  });

  test('a module named like the standard library keeps its name at a project root', () => {
    const dir = tempDir('withify-stdroot-');
    writeFileSync(join(dir, 'pyproject.toml'), '');
    writeFileSync(join(dir, 'queue.py'), 'def rows(n):\n    try:\n        yield n\n    finally:\n        pass\n\n\ndef first(n):\n    for r in rows(n):\n        break\n    return r\n');
    writeFileSync(join(dir, 'test_queue.py'), 'from unittest import mock\nimport queue\n\n\ndef test_first():\n    with mock.patch("queue.rows", return_value=[0, 5]):\n        assert queue.first(3) == 0\n');
    const r = spawnSync(process.execPath, [CLI, 'check', '--no-cache', '.'], { cwd: dir, encoding: 'utf8' });
    assert.match(r.stdout, /queue\.py:9:14 WFY201 .*not fixed: a test double/);
  });
});

describe('sixth review round', () => {
  const use = { 'pkg/__init__.py': '', 'pkg/core.py': 'def rows():\n    try:\n        yield 1\n    finally:\n        pass\n', 'pkg/use.py': 'from pkg.core import rows\n' };
  test("test doubles through the module's namespace, and `patch` under a name of its own", () => {
    const doubles = [
      'from unittest import mock\nfrom pkg import use\n\ndef t():\n    with mock.patch.dict(use.__dict__, rows=lambda: [42]):\n        pass\n',
      'from unittest import mock\n\ndef t():\n    with mock.patch.dict("pkg.use.__dict__", {"other": 1, "rows": lambda: [42]}):\n        pass\n',
      'from pkg import use\n\ndef t():\n    use.__dict__["rows"] = lambda: [42]\n',
      'from unittest import mock\n\np = mock.patch\n\ndef t():\n    p("pkg.use.rows", return_value=[42])\n',
    ];
    for (const t of doubles) assert.ok(resolveGenerator(indexOf({ ...use, 'test_use.py': t }), 'pkg.use.rows')?.patched, t);
    // Other keys of the namespace, and a namespace read
    for (const t of [
      'from unittest import mock\nfrom pkg import use\n\ndef t():\n    with mock.patch.dict(use.__dict__, {"other": 1}):\n        pass\n',
      'from pkg import use\n\ndef t():\n    return use.__dict__["rows"]\n',
    ]) {
      assert.equal(resolveGenerator(indexOf({ ...use, 'test_use.py': t }), 'pkg.use.rows')?.patched, undefined, t);
    }
  });

  test('a generator or a wrapper bound again through globals() is no generator; globals() read binds nothing', () => {
    const core = use['pkg/core.py'];
    const wrap = 'from pkg import core\n\n\ndef rows2():\n    return core.rows()\n\n\n';
    for (const [again, bound] of [
      ['globals()["rows"] = list', true],
      ["globals() ['rows'] += []", true],
      ['globals().update(rows=list)', true],
      ['exec("rows = list", globals())', true],
      ['del globals()["rows"]', true],
      ['print(globals().get("rows"))', false],
      ['print(globals()["rows"])', false],
      ['globals()["other"] = list', false],
      ['print(globals()["r" + "ows"]())', false],
      ['globals()[name] = list', true],
      ['globals().setdefault("rows", list)', true],
      ['globals()["rows"], _x = list, 0', true],
      ['for globals()["rows"] in [list]:\n    pass', true],
      ['_ns = globals()\n_ns["rows"] = list', true],
      ['exec(compile("rows = list", "<x>", "exec"),\n     globals())', true],
      ['exec("rows = list")', true],
      ['_g = globals()', false],
      ['print(sorted(globals()))', false],
      // vars() and locals() are the module's dict at its level, in a module-level block too; not in a def or class
      ['vars()["rows"] = list', true],
      ['locals().update(rows=list)', true],
      ['for _n in ("rows",):\n    vars()[_n] = list', true],
      ['def _f():\n    locals()["rows"] = list', false],
      ['class _K:\n    locals()["rows"] = list', false],
      // The module itself, as sys.modules[__name__] or a name for it
      ['import sys\nsys.modules[__name__].rows = list', true],
      ['import sys\nsetattr(sys.modules[__name__], "rows", list)', true],
      ['import sys\n_this = sys.modules[__name__]\n_this.rows = list', true],
      ['import sys\nsys.modules[__name__].__dict__["rows"] = list', true],
      ['import sys\nvars(sys.modules[__name__]).update(rows=list)', true],
      ['import sys\nprint(sys.modules[__name__].rows)', false],
    ] as const) {
      const rows = resolveGenerator(indexOf({ ...use, 'pkg/core.py': `${core}\n${again}\n` }), 'pkg.core.rows');
      assert.equal(rows === undefined, bound, again);
      const rows2 = resolveGenerator(indexOf({ ...use, 'pkg/wrap.py': `${wrap}${again.replace(/rows/g, 'rows2')}\n` }), 'pkg.wrap.rows2');
      assert.equal(rows2 === undefined, bound, `wrapper: ${again}`);
    }
  });

  test('`open` bound through globals() is not the builtin', () => {
    const r = transformSource('globals()["open"] = opener\n\ndef f(p):\n    return open(p).read()\n', { select: ['open-chain'] });
    assert.equal(r.findings.length, 0);
    assert.equal(transformSource('print(globals().get("open"))\n\ndef f(p):\n    return open(p).read()\n', { select: ['open-chain'] }).fixesApplied, 1);
    // A write that spells no name is taken to register others: `open` stays the builtin (every module with one
    // would lose its fixes otherwise)
    assert.equal(transformSource('globals().update(kw)\n\ndef f(p):\n    return open(p).read()\n', { select: ['open-chain'] }).fixesApplied, 1);
    for (const again of ['globals().update(open=Reader)', 'globals().update({"open": Reader})', 'globals()["open"]: type = Reader', 'ns = globals()\nns["open"] = Reader']) {
      assert.equal(transformSource(`${again}\n\ndef f(p):\n    return open(p).read()\n`, { select: ['open-chain'] }).findings.length, 0, again);
    }
  });
});

test('`except GeneratorExit as exc: raise exc` re-raises what close() threw in, as a bare `raise` does: the fix is safe; rebound first, it is not', () => {
  const gen = (handler: string) => `def g():\n    try:\n        yield 1\n        yield 2\n    except GeneratorExit as exc:\n${handler}\n\n\ndef use():\n    for x in g():\n        break\n`;
  for (const [handler, status] of [
    ['        print("closing")\n        raise exc', 'fixable'],
    ['        raise', 'fixable'],
    ['        exc = ValueError()\n        raise exc', 'unsafe'],
    ['        raise ValueError() from exc', 'unsafe'],
    ['        print(exc, exc.args)\n        raise exc', 'fixable'],
    ['        for exc in [RuntimeError()]:\n            pass\n        raise exc', 'unsafe'],
    ['        exc: BaseException = RuntimeError()\n        raise exc', 'unsafe'],
    ['        exc, n = RuntimeError(), 1\n        raise exc', 'unsafe'],
    ['        del exc\n        raise exc', 'unsafe'],
    ['        raise exc from None', 'fixable'],
    ['        raise exc.with_traceback(None)', 'fixable'],
    ['        raise exc from make_cause()', 'unsafe'],
    ['        raise other from exc', 'unsafe'],
  ] as const) {
    assert.deepEqual(transformSource(gen(handler), { select: ['generator-close'] }).findings.map((f) => f.fixStatus), [status], handler);
  }
});

test('what a close raises passes through returns, `yield from` and overrides in any order: a returner of a generator that yields from a returner of a raising one', () => {
  const src = 'def strict():\n    try:\n        yield 1\n    finally:\n        raise RuntimeError("close raises")\n\n\ndef mid():\n    return strict()\n\n\ndef outer():\n    try:\n        yield from mid()\n    finally:\n        print("outer cleanup")\n\n\ndef rows():\n    return outer()\n\n\ndef c():\n    for r in rows():\n        return r\n';
  const r = transformSource(src, { select: ['generator-close'] });
  assert.deepEqual(r.findings.map((f) => f.fixStatus), ['unsafe']);
  assert.match(r.findings[0]!.message, /it returns `outer\(…\)`, which delegates to `mid` \(`yield from`\), which returns `strict\(…\)`, whose `finally` raises/);
});

test('a class named like its base (`class Store(base.Store)`) is not taken for its own subclass', () => {
  const dir = tempDir('withify-same-name-');
  writeFileSync(join(dir, 'base.py'), 'class Store:\n    def rows(self):\n        try:\n            yield 1\n        finally:\n            raise RuntimeError("base")\n\n    def first(self):\n        for r in self.rows():\n            return r\n');
  writeFileSync(join(dir, 'same.py'), 'import base\n\n\nclass Store(base.Store):\n    def rows(self):\n        try:\n            yield 1\n        finally:\n            print("same")\n\n    def first(self):\n        for r in self.rows():\n            return r\n');
  const out = spawnSync(process.execPath, [CLI, 'check', '--no-cache', '--select', 'generator-close', '.'], { cwd: dir, encoding: 'utf8' });
  assert.match(out.stdout, /^base\.py:9:\d+ WFY201 .*\[unsafe fix/m);
  assert.match(out.stdout, /^same\.py:12:\d+ WFY201 .*\[\*\]$/m);
  // The other way round: the same-named subclass's close raises, the base's does not: told apart by their modules
  writeFileSync(join(dir, 'base.py'), 'class Store:\n    def rows(self):\n        try:\n            yield 1\n        finally:\n            print("base")\n\n    def first(self):\n        for r in self.rows():\n            return r\n');
  writeFileSync(join(dir, 'same.py'), 'import base\n\n\nclass Store(base.Store):\n    def rows(self):\n        try:\n            yield 1\n        finally:\n            raise RuntimeError("same")\n');
  const other = spawnSync(process.execPath, [CLI, 'check', '--no-cache', '--select', 'generator-close', '.'], { cwd: dir, encoding: 'utf8' });
  assert.match(other.stdout, /^base\.py:9:\d+ WFY201 .*its subclass `Store` overrides it: `same\.Store\.rows`, whose `finally` raises.*\[unsafe fix/m);
});

test('an __iter__ object passed to zip before an argument that runs code, or to itertools.chain: reported, each with its own reason', () => {
  const table = 'import itertools\n\n\nclass Table:\n    def __iter__(self):\n        return self._items()\n\n    def _items(self):\n        try:\n            yield 1\n        finally:\n            print("c")\n\n\n';
  const r = transformSource(`${table}def f():\n    for a, b in zip(Table(), side()):\n        break\n    for a in itertools.chain([0], Table()):\n        break\n    for a, b in zip(Table(), "ab"):\n        break\n`, { select: ['generator-close'] });
  assert.deepEqual(r.findings.map((f) => f.fixStatus), ['none', 'none', 'fixable']);
  assert.match(r.findings[0]!.reason ?? '', /^`side\(\)` runs after `Table\(\)` and before `zip` iterates it/);
  assert.match(r.findings[1]!.reason ?? '', /^`itertools\.chain\(\)` calls `iter\(\)` on `Table\(\)` only when it gets to it/);
});

describe('generator-close with an inert builtin call ahead of the generator (`zip(range(n), rows(p))`)', () => {
  const rows = 'import itertools\n\n\ndef rows(n):\n    try:\n        yield from [1, 2, 3]\n    finally:\n        print("closed", n)\n\n\n';
  const fixed = (body: string) => transformSource(`${rows}${body}`, { select: ['generator-close'] });

  test('range, itertools.count and itertools.repeat over pure arguments run no code: the generator of a def of this file is made first', () => {
    for (const head of ['zip(range(2), rows(n))', 'zip(itertools.count(1), rows(n))', 'zip(itertools.repeat(0, n), rows(-1))', 'zip(range(n), [0], rows(n))']) {
      const r = fixed(`def f(n):\n    for a, b in ${head}:\n        break\n`);
      assert.deepEqual(r.findings.map((f) => f.fixStatus), ['fixable'], head);
      assert.match(r.output, /gen = rows\((n|-1)\)\n    try:\n        for a, b in zip\(.*, gen\):/, head);
    }
  });

  test('what else runs ahead, or a call that runs code, keeps the finding without a fix, saying which', () => {
    const table = 'class Table:\n    def __init__(self, n):\n        print("init")\n\n    def __iter__(self):\n        return rows(1)\n\n\ndef returned(n):\n    return rows(n)\n\n\n';
    for (const [head, reason] of [
      ['zip(range(next(it)), rows(n))', /^`range\(next\(it\)\)` runs before it in this statement; making the generator ahead of the statement would run it first$/],
      ['zip(range(2), rows(next(it)))', /would run it first: the arguments of `rows\(\)` may run code or raise$/],
      ['zip(side(), rows(n))', /^`side\(\)` runs before it/],
      ['zip(range(2), Table(n))', /would run it first: `Table\(\)` runs its class's `__init__`/],
      ['zip(itertools.count(), returned(n))', /would run it first: `returned\(\)` is not surely an undecorated generator function of this file/],
      ['zip(range(side()), rows(n))', /^`range\(side\(\)\)` runs before it/],
    ] as const) {
      const r = transformSource(`${rows}${table}def f(n, it):\n    for a, b in ${head}:\n        break\n`, { select: ['generator-close'] });
      assert.equal(r.fixesApplied, 0, head);
      assert.match(r.findings[0]?.reason ?? '', reason, head);
    }
    // `range` bound again is no builtin
    const rebound = transformSource(`${rows}range = lambda n: [0] * n\n\n\ndef f(n):\n    for a, b in zip(range(2), rows(n)):\n        break\n`, { select: ['generator-close'] });
    assert.equal(rebound.fixesApplied, 0);
    assert.match(rebound.findings[0]?.reason ?? '', /^`range\(2\)` runs before it/);
  });

  test('a builtin that raises ahead of it: the generator made first is dropped unstarted, and closing it runs nothing (CPython, before and after)', () => {
    const src = `${rows}def f():\n    try:\n        for a, b in zip(range("x"), rows(0)):\n            break\n    except TypeError as e:\n        print("TypeError", e)\n\n\nf()\n`;
    const r = transformSource(src, { select: ['generator-close'] });
    assert.equal(r.fixesApplied, 1);
    const dir = tempDir('withify-range-first-');
    const before = runInDir(dir, src);
    assert.equal(runInDir(dir, r.output), before);
    assert.doesNotMatch(before, /closed/);
  });
});

test('generator-close: no making ahead of an inert builtin the file sets for good, nor of a generator whose arguments format an f-string', () => {
  const G = 'def rows(p):\n    try:\n        yield p\n    finally:\n        print("closed")\n';
  const fixes = (src: string) => transformSource(src, { select: ['generator-close'] }).fixesApplied;
  assert.equal(fixes(`import itertools\n${G}def z(p):\n    for i, r in zip(itertools.count(), rows(p)):\n        return r\n`), 1);
  assert.equal(fixes(`import itertools\nitertools.count = lambda: iter([1])\n${G}def z(p):\n    for i, r in zip(itertools.count(), rows(p)):\n        return r\n`), 0);
  assert.equal(fixes(`import builtins\nbuiltins.range = lambda n: [0]\n${G}def z(p):\n    for i, r in zip(range(2), rows(p)):\n        return r\n`), 0);
  assert.equal(fixes(`${G}def z(p, tag):\n    for i, r in zip(range(2), rows(f"{tag}")):\n        return r\n`), 0);
});

test('a call through the package attribute its __init__ binds to another object is left alone; `from pkg.core import rows` is still fixed (CLI)', () => {
  const core = 'def rows(n):\n    try:\n        yield from range(n)\n    finally:\n        print("cleanup rows")\n';
  const loop = (call: string) => `def head():\n    for x in ${call}:\n        if x > 1:\n            return x\n`;
  const callers: Array<[string, string, boolean]> = [
    ['from pkg import core\n\n\n', 'core.rows(5)', false],
    ['import pkg\n\n\n', 'pkg.core.rows(5)', false],
    ['import pkg.core\n\n\n', 'pkg.core.rows(5)', false],
    ['import pkg.core as m\n\n\n', 'm.rows(5)', false],
    ['def g():\n    from pkg import core\n    return core\n\n\n', 'g().rows(5)', false],
    ['from pkg.core import rows\n\n\n', 'rows(5)', true],
    ['from pkg.core import rows as r\n\n\n', 'r(5)', true],
  ];
  for (const init of ['from . import other as core\n', 'from .compat import core\n', 'from . import core as _real\ncore = None\n', 'try:\n    from .compat import core\nexcept ImportError:\n    from . import core\n']) {
    for (const [imports, call, fixed] of callers) {
      const dir = tempDir('withify-shadowed-');
      mkdirSync(join(dir, 'pkg'));
      writeFileSync(join(dir, 'pyproject.toml'), '');
      writeFileSync(join(dir, 'pkg', '__init__.py'), init);
      writeFileSync(join(dir, 'pkg', 'core.py'), core);
      writeFileSync(join(dir, 'pkg', 'other.py'), 'def rows(n):\n    return list(range(n))\n');
      writeFileSync(join(dir, 'pkg', 'compat.py'), 'from . import other as core\n');
      writeFileSync(join(dir, 'main.py'), imports + loop(call));
      const out = spawnSync(process.execPath, [CLI, 'check', '--no-cache', '--select', 'generator-close', '.'], { cwd: dir, encoding: 'utf8' });
      const what = `${init} / ${imports}${call}`;
      if (fixed) assert.match(out.stdout, /^main\.py:\d+:\d+ WFY201 .*\[\*\]$/m, what);
      else assert.doesNotMatch(out.stdout, /WFY201/, what);
    }
  }
});

test('a module-level fix in a module with a star import and a literal __all__ names its generator privately: `from pkg.use import gen` still gets the helper', () => {
  const dir = tempDir('withify-star-all-');
  mkdirSync(join(dir, 'pkg'));
  writeFileSync(join(dir, 'pyproject.toml'), '');
  writeFileSync(join(dir, 'pkg', '__init__.py'), '');
  writeFileSync(join(dir, 'pkg', 'core.py'), 'def rows(n):\n    try:\n        for i in range(n):\n            yield i\n    finally:\n        print("cleanup rows")\n');
  writeFileSync(join(dir, 'pkg', 'helpers.py'), 'def gen():\n    return "helper gen"\n');
  writeFileSync(join(dir, 'pkg', 'use.py'), 'from pkg.helpers import *\nfrom pkg.core import rows\n\n__all__ = ["show"]\n\n\ndef show():\n    return 1\n\n\nfor x in rows(5):\n    if x > 1:\n        break\n');
  writeFileSync(join(dir, 'pkg', 'main.py'), 'from pkg.use import gen\nprint(gen())\n');
  const run = () => spawnSync(CPYTHON, ['-m', 'pkg.main'], { cwd: dir, encoding: 'utf8' });
  const before = run();
  assert.equal(before.status, 0, before.stderr);
  const fixed = spawnSync(process.execPath, [CLI, 'fix', '--no-cache', '.'], { cwd: dir, encoding: 'utf8' });
  assert.match(fixed.stderr + fixed.stdout, /1 fix applied/);
  assert.match(readFileSync(join(dir, 'pkg', 'use.py'), 'utf8'), /^_gen = rows\(5\)$/m);
  const after = run();
  assert.equal(after.status, 0, after.stderr);
  assert.equal(after.stdout, before.stdout);
});

test('a class whose base withify cannot read (`base()`, `*bases`, `getattr(…)`) may derive from any: its plain method overrides every generator method of that name', () => {
  const core = 'class Store:\n    def rows(self):\n        try:\n            yield 1\n        finally:\n            print("c")\n\n    def first(self):\n        for r in self.rows():\n            return r\n';
  for (const header of ['class Fast(base()):', 'class Fast(*bases):', 'class Fast(getattr(core, "Store")):', 'class Fast(Mixin, *bases):', 'class Fast(registry.get("store")):', 'class Fast(Store if FAST else Other):', 'class Fast(Store or Other):', 'class Fast(BASES[0]):', 'class Fast(REGISTRY["store"]):', 'class Fast(BASES[i]):', 'class Fast(BASES[FIRST]):']) {
    const index = indexOf({ 'pkg/__init__.py': '', 'pkg/core.py': core, 'pkg/fast.py': `from pkg import core\n\n\n${header}\n    def rows(self):\n        return [10, 20]\n` });
    assert.ok(index.plainOverrides.includes('Store.rows'), header);
    // Another name: nothing overridden
    const other = indexOf({ 'pkg/__init__.py': '', 'pkg/core.py': core, 'pkg/fast.py': `${header}\n    def items(self):\n        return [10, 20]\n` });
    assert.ok(!other.plainOverrides.includes('Store.rows'), header);
  }
  // A class factory: its class derives from its arguments (`with_metaclass`) or from no class of the project
  for (const header of ['class P(namedtuple("P", "x y")):', 'class P(six.with_metaclass(abc.ABCMeta, object)):', 'class P(NamedTuple("P", [("x", int)])):', 'class P(Base[Dict[str, int]]):', 'class P(Generic[Callable[[int], str]]):', 'class P(typing.Generic[K, V]):', 'class P(list[int]):', 'class P(Base,  # why\n        Mixin):', 'class P(Base, \\\n        Mixin):', 'class P((Base)):', 'class P(Generic[T1, T2]):', 'class P(Dict[str, "Other"]):', 'class P(IO[bytes]):', 'class P(collections.deque[int]):']) {
    const index = indexOf({ 'pkg/__init__.py': '', 'pkg/core.py': core, 'pkg/p.py': `${header}\n    def rows(self):\n        return [10, 20]\n` });
    assert.ok(!index.plainOverrides.includes('Store.rows'), header);
  }
  // A subclass through a nested generic is read as one: `Store[Dict[str, int]]` is `Store`
  for (const header of ['class Fast(Store[Dict[str, int]]):', 'class Fast(Store[Callable[[int], str]]):', 'class Fast(Store[Tuple[int, ...]]):']) {
    const index = indexOf({ 'pkg/__init__.py': '', 'pkg/core.py': core, 'pkg/fast.py': `from pkg.core import Store\n\n\n${header}\n    def rows(self):\n        return [10, 20]\n` });
    assert.ok(index.plainOverrides.includes('Store.rows'), header);
  }
  // And through the CLI, run: the base's loop is reported, not fixed, and the program keeps its output
  const dir = tempDir('withify-unread-base-');
  mkdirSync(join(dir, 'pkg'));
  writeFileSync(join(dir, 'pyproject.toml'), '');
  writeFileSync(join(dir, 'pkg', '__init__.py'), '');
  writeFileSync(join(dir, 'pkg', 'core.py'), core);
  writeFileSync(join(dir, 'pkg', 'fast.py'), 'from pkg.core import Store\n\n\ndef base():\n    return Store\n\n\nclass Fast(base()):\n    def rows(self):\n        return [10, 20]\n');
  writeFileSync(join(dir, 'pkg', 'main.py'), 'from pkg.fast import Fast\nprint(Fast().first())\n');
  const out = spawnSync(process.execPath, [CLI, 'fix', '--no-cache', '.'], { cwd: dir, encoding: 'utf8' });
  assert.match(out.stdout + out.stderr, /core\.py:9:\d+ WFY201 .*not fixed: a subclass overrides `Store\.rows`/);
  const run = spawnSync(CPYTHON, ['-m', 'pkg.main'], { cwd: dir, encoding: 'utf8' });
  assert.equal(run.stdout, '10\n', run.stderr);
});

test('os.scandir() is closed only where its iterator has close(): from Python 3.6', () => {
  const text = 'import os\n\n\ndef first(p):\n    return next(os.scandir(p))\n';
  assert.equal(transformSource(text, { select: ['generator-close'], targetVersion: [3, 5] }).findings.length, 0);
  const now = transformSource(text, { select: ['generator-close'], targetVersion: [3, 6] });
  assert.equal(now.fixesApplied, 1);
  assert.match(now.output, /entries\.close\(\)/);
});

test('a comment after @staticmethod or @classmethod leaves the generator one', () => {
  for (const deco of ['@staticmethod  # why', '@classmethod  # why']) {
    const first = deco.startsWith('@static') ? 'n' : 'cls, n';
    const src = `class Store:\n    ${deco}\n    def numbers(${first}):\n        try:\n            yield from range(n)\n        finally:\n            print("cleanup")\n\n    def small(self):\n        for n in self.numbers(10):\n            if n > 3:\n                break\n        return n\n`;
    const r = transformSource(src, { select: ['generator-close'] });
    assert.equal(r.fixesApplied, 1, deco);
  }
});

test('a kept generator bound inside a with and read only after it: the reason says to move the assignment, not that a try would close it early', () => {
  const rows = 'def rows(text):\n    try:\n        yield from text.splitlines()\n    finally:\n        print("rows closed")\n\n\n';
  const after = transformSource(`${rows}def a(p):\n    with open(p) as f:\n        it = rows(f.read())\n    x = next(it)\n    return x\n`, { select: ['generator-close'] });
  assert.equal(after.fixesApplied, 0);
  assert.match(after.findings[0]!.reason ?? '', /every read of it follows the `with`, but the fix starts its `try` at the assignment: move the assignment after the `with`/);
  const inside = transformSource(`${rows}def a(p):\n    with open(p) as f:\n        it = rows(f.read())\n        x = next(it)\n    return x\n`, { select: ['generator-close'] });
  assert.match(inside.findings[0]!.reason ?? '', /a `try` inside the `with` would close it before the `with` exits/);
});

/** A project of `app/core.py` (`core`) and `files` in a fresh directory; the first line `check --select generator-close` prints (`cached`: with the cache). */
function storeProject(core: string, files: Record<string, string>, cached = false): { dir: string; verdict: () => string } {
  const dir = tempDir('withify-instance-set-');
  writeFileSync(join(dir, 'pyproject.toml'), '');
  for (const [path, text] of Object.entries({ 'app/__init__.py': '', 'app/core.py': core, ...files })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const args = ['check', ...(cached ? [] : ['--no-cache']), '--select', 'generator-close', '.'];
  return { dir, verdict: () => spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, WITHIFY_CACHE_DIR: '' } }).stdout.split('\n')[0]! };
}

test('a method set on an instance in another module (`store.rows = …`, setattr, patch.object, monkeypatch.setattr) hides the generator method from `self.rows()`: not fixed (review rw2)', () => {
  const core = 'import threading\n\nlock = threading.Lock()\n\n\nclass Store:\n    def rows(self):\n        with lock:\n            yield 1\n            yield 2\n\n    def first(self):\n        for r in self.rows():\n            if r:\n                return r\n        return None\n';
  const verdict = (line: string) =>
    storeProject(core, { 'test_store.py': `from unittest import mock\n\nfrom app.core import Store\n\n\ndef test_first(monkeypatch):\n    store = Store()\n    ${line}\n    assert store.first() == 7\n` }).verdict();
  for (const line of ['store.rows = lambda: iter([7])', 'setattr(store, "rows", lambda: iter([7]))', 'monkeypatch.setattr(store, "rows", lambda: iter([7]))', 'mock.patch.object(store, "rows", return_value=iter([7])).start()', 'holder = mock.Mock(); holder.store = store; holder.store.rows = lambda: iter([7])',
    // (An instance reached through an imported name, review rw5: `from pkg.core import svc` / `svc.rows = …`)
    'import app.core as core_mod; core_mod.svc = store; core_mod.svc.rows = lambda: iter([7])',
    // (Review rw6: on an attribute of `self` in a TestCase's setUp, `patch.multiple`, a target by its path)
    'self = mock.Mock(); self.s = store; self.s.rows = lambda: iter([7])',
    'mock.patch.multiple(store, rows=lambda: iter([7])).start()',
    'mock.patch("app.core.INSTANCE.rows", lambda: iter([7])).start()']) {
    assert.match(verdict(line), /^app\/core\.py:13:\d+ WFY201 .*\(not fixed: an attribute `rows` set on a value in `test_store` .* may hide the method on an instance/, line);
  }
  // (Another name, or the class's own method patched through the class, read as before)
  assert.match(verdict('store.other = lambda: iter([7])'), /^app\/core\.py:13:\d+ WFY201 .*\[\*\]$/);
  // (A module that neither imports from the package, nor is in it, nor is a test: not an object of the class, review rw4)
  const unrelated = (file: string, text: string) => storeProject(core, { [file]: text }).verdict();
  assert.match(unrelated('tools/profile.py', 'import sys\n\n\ndef trap(stats):\n    stats.rows = sys.stdout.write\n'), /\[\*\]$/);
  assert.match(unrelated('tools/cli.py', 'def parse(args):\n    args.rows = 10\n'), /\[\*\]$/);
  // (A display is never callable: no method replaced, even in the class's package)
  assert.match(unrelated('app/report.py', 'def fill(r, xs):\n    r.rows = [x for x in xs]\n    r.more = {}\n'), /\[\*\]$/);
  // (A test that takes the object from a fixture, importing nothing of the package: counts)
  assert.match(unrelated('tools/test_store.py', 'def test_first(store):\n    store.rows = lambda: iter([7])\n'), /not fixed: an attribute `rows` set on a value in `tools\.test_store`|not fixed: an attribute `rows` set on a value in `test_store`/);
  assert.match(verdict('Store.rows = lambda self: iter([7])'), /^app\/core\.py:13:\d+ WFY201 .*`Store\.rows = …` in `test_store` may replace/);
});

test('the cache: a module that sets `rows` on a value coming to import from the class\'s package (or stopping) changes the next cached verdict (review rw6)', () => {
  const setter = 'def swap(s):\n    s.rows = lambda: iter([7])\n';
  const core = 'class Store:\n    def rows(self):\n        try:\n            yield 1\n        finally:\n            pass\n\n    def first(self):\n        for r in self.rows():\n            return r\n';
  const { dir, verdict } = storeProject(core, { 'tools/swap.py': setter }, true);
  assert.match(verdict(), /\[\*\]$/);
  writeFileSync(join(dir, 'tools', 'swap.py'), `from app import core\n\n\n${setter}`);
  assert.match(verdict(), /not fixed: an attribute `rows` set on a value in `swap`/);
  writeFileSync(join(dir, 'tools', 'swap.py'), setter);
  assert.match(verdict(), /\[\*\]$/);
});

describe('context managers of other modules that swallow GeneratorExit (review rv54c)', () => {
  const gen = (header: string, manager = 'logged_errors(p)') => `${header}\n\ndef records(paths):\n    for p in paths:\n        with ${manager}:\n            with open(p) as f:\n                for line in f:\n                    yield line.strip()\n\n\ndef first_record(paths):\n    for r in records(paths):\n        return r\n`;
  const errs = 'class logged_errors:\n    def __init__(self, p):\n        self.p = p\n\n    def __enter__(self):\n        return self\n\n    def __exit__(self, *exc):\n        print("skipping", self.p)\n        return True  # swallow\n';

  test('a class of another module whose __exit__ may return true, imported by name or through its module, makes the close raise', () => {
    for (const [header, manager] of [['from errs import logged_errors', 'logged_errors(p)'], ['import errs', 'errs.logged_errors(p)'], ['from pkg import errs', 'errs.logged_errors(p)']] as const) {
      const files: Record<string, string> = header.includes('pkg') ? { 'pkg/__init__.py': '', 'pkg/errs.py': errs, 'main.py': gen(header, manager) } : { 'errs.py': errs, 'main.py': gen(header, manager) };
      const index = indexOf(files);
      assert.match(index.generators['main.records']!.closeRaises ?? '', /^its `with .*logged_errors\(p\):` \(line 5\) may swallow GeneratorExit \(`(?:errs\.)?logged_errors` of `(?:pkg\.)?errs`\), then go on and may yield again: closing it raises RuntimeError$/, header);
    }
    // Re-exported by a package's `__init__`: followed through the alias
    const reexported = indexOf({ 'pkg/__init__.py': 'from .errs import logged_errors\n', 'pkg/errs.py': errs, 'main.py': gen('from pkg import logged_errors') });
    assert.ok(reexported.generators['main.records']!.closeRaises);
  });

  test('one that lets the exception go on, or a with that no yield follows, leaves the close safe', () => {
    for (const exit of ['        return False\n', '        return None\n', '        return\n', '        print(exc)\n', '        return  # nothing\n']) {
      const index = indexOf({ 'errs.py': errs.replace(/        print\("skipping".*\n        return True  # swallow\n/, exit), 'main.py': gen('from errs import logged_errors') });
      assert.equal(index.generators['main.records']!.closeRaises, undefined, exit);
    }
    // A `with` no yield comes after, in no loop: the generator ends after swallowing
    const once = indexOf({ 'errs.py': errs, 'main.py': 'from errs import logged_errors\n\ndef one(p):\n    with logged_errors(p):\n        yield 1\n' });
    assert.equal(once.generators['main.one']!.closeRaises, undefined);
  });

  test('inherited __exit__, __exit__ bound otherwise, an async __aexit__, and a swallowing @contextmanager of another module', () => {
    // (`class QuietTask(base.Quiet)` in the generator's module, no `__exit__` of its own)
    const quiet = 'class Quiet:\n    def __enter__(self):\n        return self\n\n    def __exit__(self, *exc):\n        return True\n';
    const task = 'from base import Quiet\n\n\nclass QuietTask(Quiet):\n    def __init__(self, name):\n        self.name = name\n\n\ndef tasks(names):\n    for n in names:\n        with QuietTask(n):\n            yield n.upper()\n';
    assert.match(indexOf({ 'base.py': quiet, 'main.py': task }).generators['main.tasks']!.closeRaises ?? '', /may swallow GeneratorExit \(`QuietTask` of `main`\)/);
    // Its own `__exit__` that lets it go: not swallowing
    const own = task.replace('        self.name = name\n', '        self.name = name\n\n    def __exit__(self, *exc):\n        return False\n');
    assert.equal(indexOf({ 'base.py': quiet, 'main.py': own }).generators['main.tasks']!.closeRaises, undefined);
    // Two modules down: `class Middle(Quiet)` in another module
    const middle = indexOf({ 'base.py': quiet, 'mid.py': 'from base import Quiet\n\nclass Middle(Quiet):\n    pass\n', 'main.py': gen('from mid import Middle', 'Middle()') });
    assert.ok(middle.generators['main.records']!.closeRaises);
    // `__exit__ = lambda self, *exc: True`
    assert.ok(indexOf({ 'errs.py': 'class logged_errors:\n    def __init__(self, p):\n        pass\n    def __enter__(self):\n        return self\n    __exit__ = lambda self, *exc: True\n', 'main.py': gen('from errs import logged_errors') }).generators['main.records']!.closeRaises);
    // A @contextmanager that catches BaseException around its yield and goes on
    const ignoring = 'import contextlib\n\n@contextlib.contextmanager\ndef logged_errors(p):\n    try:\n        yield\n    except BaseException:\n        print("skipping", p)\n';
    assert.ok(indexOf({ 'errs.py': ignoring, 'main.py': gen('from errs import logged_errors') }).generators['main.records']!.closeRaises);
    // … but not one that re-raises, or catches Exception only
    for (const handler of ['    except BaseException:\n        print("skipping", p)\n        raise\n', '    except Exception:\n        print("skipping", p)\n']) {
      const cm = ignoring.replace('    except BaseException:\n        print("skipping", p)\n', handler);
      assert.equal(indexOf({ 'errs.py': cm, 'main.py': gen('from errs import logged_errors') }).generators['main.records']!.closeRaises, undefined, handler);
    }
  });

  test('the fix becomes unsafe; the program it would have made crashes where the original printed "Exception ignored"', () => {
    const dir = tempDir('withify-swallow-');
    writeFileSync(join(dir, 'errs.py'), errs);
    writeFileSync(join(dir, 'a.txt'), 'record 0a\nrecord 0b\n');
    writeFileSync(join(dir, 'main.py'), `${gen('from errs import logged_errors')}\nprint("first:", first_record(["a.txt", "a.txt"]))\nprint("done")\n`);
    const check = spawnSync(process.execPath, [CLI, 'check', 'main.py', 'errs.py', '--no-cache', '--select', 'generator-close', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
    const findings = JSON.parse(check.stdout).files.flatMap((f: { findings: Array<{ fix: { applicability: string } | null; message: string }> }) => f.findings);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].fix?.applicability, 'unsafe');
    assert.match(findings[0].message, /may swallow GeneratorExit \(`logged_errors` of `errs`\)/);
    // What the unsafe fix does, shown under CPython: the original runs on, the fixed program raises RuntimeError
    const before = spawnSync(CPYTHON, ['main.py'], { cwd: dir, encoding: 'utf8' });
    assert.equal(before.status, 0, before.stderr);
    assert.match(before.stdout, /first: record 0a\ndone/);
    spawnSync(process.execPath, [CLI, 'fix', 'main.py', 'errs.py', '--no-cache', '--select', 'generator-close', '--unsafe-fixes'], { cwd: dir, encoding: 'utf8' });
    const after = spawnSync(CPYTHON, ['main.py'], { cwd: dir, encoding: 'utf8' });
    assert.notEqual(after.status, 0);
    assert.match(after.stderr, /RuntimeError: generator ignored GeneratorExit/);
  });
});

test('a finally that reads a name only augmented assignments bind raises UnboundLocalError: the fix is unsafe (review rv54b)', () => {
  const src = (fin: string) => `open_rows = 0\n\n\ndef rows():\n    try:\n        yield 1\n        yield 2\n    finally:\n        ${fin}\n\n\ndef first():\n    for r in rows():\n        if r:\n            break\n    return "ok"\n`;
  const r = transformSource(src('open_rows -= 1'), { select: ['generator-close'] });
  assert.deepEqual(r.findings.map((f) => f.fixStatus), ['unsafe']);
  assert.match(r.findings[0]!.message, /its `finally` raises UnboundLocalError \(line 9\): `open_rows` is bound in the generator only by augmented assignment/);
  // Declared global, or bound plainly too, or only an attribute or a keyword of that name: safe
  for (const fin of ['global open_rows; open_rows -= 1', 'open_rows = 0; open_rows -= 1', 'print(x.open_rows, dict(open_rows=1))']) {
    assert.deepEqual(transformSource(src(fin), { select: ['generator-close'] }).findings.map((f) => f.fixStatus), ['fixable'], fin);
  }
});

test("an async generator's cleanup that changes context variables makes the async fix unsafe; an Event's set() does not (review rv54c)", () => {
  const gen = (fin: string) => `import asyncio\nimport contextvars\n\ncurrent = contextvars.ContextVar("current", default="idle")\ndone = asyncio.Event()\n\n\nasync def rows():\n    token = current.set("rows")\n    try:\n        yield 1\n        yield 2\n    finally:\n        ${fin}\n\n\nasync def first():\n    async for r in rows():\n        return r\n`;
  for (const fin of ['current.reset(token)', 'current.set("idle")', 'decimal.setcontext(ctx)', 'context.detach(token)']) {
    const r = transformSource(gen(fin), { select: ['generator-close'] });
    assert.deepEqual(r.findings.map((f) => f.fixStatus), ['unsafe'], fin);
    assert.match(r.findings[0]!.message, /its cleanup changes context variables, which CPython's finalizer hook ran later in a task of its own, on a copy of the context/, fin);
  }
  for (const fin of ['done.set()', 'print(current.get())', 'cache.reset()']) {
    assert.deepEqual(transformSource(gen(fin), { select: ['generator-close'] }).findings.map((f) => f.fixStatus), ['fixable'], fin);
  }
  // What the unsafe fix changes under CPython: the variable the caller sees after the loop
  const dir = tempDir('withify-context-');
  const program = `${gen('current.reset(token)')}\n\nasync def main():\n    print(await first(), current.get())\n\nasyncio.run(main())\n`;
  const before = runInDir(dir, program);
  const fixed = transformSource(program, { select: ['generator-close'], unsafeFixes: true }).output;
  assert.notEqual(fixed, program);
  const after = runInDir(dir, fixed);
  // (The original leaves the generator's value in the caller's context, as CPython's hook resets it on a copy)
  assert.equal(before, '1 rows\n');
  assert.equal(after, '1 idle\n');
});

describe('mends of the swallowing, unbound-name and context-variable rules (review rv54d)', () => {
  const gen = (header: string, manager: string) => `${header}\n\ndef records(paths):\n    for p in paths:\n        with ${manager}:\n            yield p\n\n\ndef first_record(paths):\n    for r in records(paths):\n        return r\n`;
  const raises = (files: Record<string, string>) => indexOf(files).generators['main.records']!.closeRaises;

  test('an __exit__ on one line, a @contextmanager handler that returns before a last raise: swallowers', () => {
    assert.ok(raises({ 'errs.py': 'class Quiet:\n    def __enter__(self): return self\n    def __exit__(self, *exc): return True\n', 'main.py': gen('from errs import Quiet', 'Quiet()') }));
    assert.equal(raises({ 'errs.py': 'class Quiet:\n    def __enter__(self): return self\n    def __exit__(self, *exc): return None\n', 'main.py': gen('from errs import Quiet', 'Quiet()') }), undefined);
    const cm = 'import contextlib\n\n@contextlib.contextmanager\ndef quiet(p):\n    try:\n        yield\n    except BaseException as e:\n        if isinstance(e, GeneratorExit):\n            return\n        raise\n';
    assert.ok(raises({ 'errs.py': cm, 'main.py': gen('from errs import quiet', 'quiet(p)') }));
  });

  test("a @contextmanager's own cleanup (a bare except around close() in its finally, a loop's continue there) swallows nothing thrown in at its yield", () => {
    for (const fin of ['        try:\n            f.close()\n        except:\n            pass\n', '        for h in handlers:\n            if not h:\n                continue\n            h.close()\n']) {
      const cm = `import contextlib\n\n@contextlib.contextmanager\ndef opened(p):\n    f = open(p)\n    try:\n        yield f\n    finally:\n${fin}`;
      assert.equal(raises({ 'errs.py': cm, 'main.py': gen('from errs import opened', 'opened(p)') }), undefined, fin);
    }
  });

  test('a class of the file that inherits a swallowing __exit__ of the file, checked from stdin as from a path', () => {
    const text = 'class Base:\n    def __enter__(self):\n        return self\n\n    def __exit__(self, *exc):\n        return True\n\n\nclass Quiet(Base):\n    pass\n\n\ndef produce(n):\n    for i in range(n):\n        with Quiet():\n            yield i\n\n\ndef head(n):\n    for x in produce(n):\n        if x > 2:\n            break\n    return x\n';
    const stdin = spawnSync(process.execPath, [CLI, 'check', '-', '--stdin-filename', 'main.py', '--no-cache', '--format', 'json'], { input: text, encoding: 'utf8' });
    assert.deepEqual(JSON.parse(stdin.stdout).files[0].findings.map((f: { fix: { applicability: string } | null }) => f.fix?.applicability), ['unsafe']);
  });

  test('a finally that reads a name bound only after the first yield of its try raises UnboundLocalError when closed there', () => {
    const src = (body: string) => `def rows():\n${body}\n\n\ndef first():\n    for r in rows():\n        return r\n`;
    const r = transformSource(src('    try:\n        yield 1\n        n = 2\n        yield n\n    finally:\n        print(n)'), { select: ['generator-close'] });
    assert.deepEqual(r.findings.map((f) => f.fixStatus), ['unsafe']);
    assert.match(r.findings[0]!.message, /raises UnboundLocalError \(line 7\): `n` is bound only after the generator's first `yield`/);
    // Bound before the first yield, or a parameter: safe
    for (const body of ['    n = 0\n    try:\n        yield 1\n        n = 2\n    finally:\n        print(n)', '    try:\n        n = 0\n        yield 1\n    finally:\n        print(n)']) {
      assert.deepEqual(transformSource(src(body), { select: ['generator-close'] }).findings.map((f) => f.fixStatus), ['fixable'], body);
    }
  });

  test('context variables spelt otherwise are seen; a reset() or set() of an ordinary object in a file that speaks of none is not one', () => {
    const agen = (pre: string, fin: string) => `import asyncio\n${pre}\n\nasync def rows():\n    try:\n        yield 1\n        yield 2\n    finally:\n        ${fin}\n\n\nasync def first():\n    async for r in rows():\n        return r\n`;
    const status = (pre: string, fin: string) => transformSource(agen(pre, fin), { select: ['generator-close'] }).findings.map((f) => f.fixStatus);
    assert.deepEqual(status('from contextvars import ContextVar\nCURRENT: ContextVar[str] = ContextVar[str]("c")', 'CURRENT.set("idle")'), ['unsafe']);
    assert.deepEqual(status('import contextvars\nclass Ctx:\n    current = contextvars.ContextVar("c")', 'Ctx.current.set("idle")'), ['unsafe']);
    assert.deepEqual(status('import contextvars\ntokens = []', 'contextvars.copy_context; CUR.reset(tokens.pop())'), ['unsafe']);
    assert.deepEqual(status('from .buffers import pool', 'pool.reset(0)'), ['fixable']);
    assert.deepEqual(status('from .settings import config', 'config.set("mode")'), ['fixable']);
  });
});

test('a generator whose only cleanup is a resource it holds at its yield is named so in its callers\' findings (review rv54c)', () => {
  const src = 'import sqlite3\n\n\ndef pending_jobs(db):\n    conn = sqlite3.connect(db)\n    for row in conn.execute("select id from jobs"):\n        yield row[0]\n\n\ndef next_job(db):\n    for job in pending_jobs(db):\n        return job\n';
  const r = transformSource(src, { select: ['generator-close'] });
  assert.equal(r.findings.length, 1);
  assert.match(r.findings[0]!.message, /the generator holds `conn` open at its `yield` until PyPy's GC collects it \(closing the generator here releases it once the generator closes it itself: a `with` there, as WFY105 gives one\)/);
  // With a `finally` of its own, the usual words
  const own = src.replace('    conn = sqlite3.connect(db)\n    for row in conn.execute("select id from jobs"):\n        yield row[0]\n', '    conn = sqlite3.connect(db)\n    try:\n        for row in conn.execute("select id from jobs"):\n            yield row[0]\n    finally:\n        conn.close()\n');
  assert.match(transformSource(own, { select: ['generator-close'] }).findings[0]!.message, /pending `finally`\/`with` exit/);
});

describe('mends of the mends (review rv54e)', () => {
  const gen = (header: string, manager: string) => `${header}\n\ndef records(paths):\n    for p in paths:\n        with ${manager}:\n            yield p\n\n\ndef first_record(paths):\n    for r in records(paths):\n        return r\n`;
  const raises = (errs: string, header = 'from errs import quiet', manager = 'quiet()') => indexOf({ 'errs.py': errs, 'main.py': gen(header, manager) }).generators['main.records']!.closeRaises;

  test('swallowers spelt over lines or on one line: try: yield, a signature over lines, a class header over lines, finally: return, a break out of a loop', () => {
    const cm = (body: string, sig = 'def quiet():') => `import contextlib\n\n\n@contextlib.contextmanager\n${sig}\n${body}`;
    assert.ok(raises(cm('    try: yield\n    except BaseException: pass\n')), 'try: yield');
    assert.ok(raises(cm('    try:\n        yield\n    except BaseException:\n        pass\n', 'def quiet(\n    label: str = "x",\n) -> Iterator[None]:')), 'signature over lines');
    assert.ok(raises(cm('    try:\n        yield\n    finally: return\n')), 'finally: return');
    assert.ok(raises(cm('    for i in range(3):\n        try:\n            yield\n        except BaseException:\n            if i < 2:\n                break\n            raise\n')), 'break out of the loop around the try');
    // (A `break` after the `finally`'s own loop has ended leaves the `finally`)
    assert.ok(raises(cm('    while True:\n        try:\n            yield\n        finally:\n            for h in (1, 2):\n                pass\n            break\n')), 'break after an inner loop');
    // (A `return` of a function the `finally` defines is that function's)
    assert.equal(raises(cm('    try:\n        yield\n    finally:\n        def later():\n            return 1\n        later()\n')), undefined);
    const cls = (exit: string, header = 'class Quiet:') => `${header}\n    def __enter__(self):\n        return self\n\n${exit}`;
    assert.ok(raises(cls('    def __exit__(\n        self, *exc: object\n    ) -> bool:\n        return True\n'), 'from errs import Quiet', 'Quiet()'), 'black signature');
    assert.ok(raises(cls('    def __exit__(self, *exc):\n        return True\n', 'class Quiet(\n    object,\n):'), 'from errs import Quiet', 'Quiet()'), 'class header over lines');
    assert.ok(raises(cls('    def __exit__(self, *exc): self.n = 1; return True\n'), 'from errs import Quiet', 'Quiet()'), 'one line, after a statement');
    assert.ok(raises(cls('    def __exit__(self, *exc):\n        if self.quiet: return True\n'), 'from errs import Quiet', 'Quiet()'), 'if …: return True');
    // (Read from the outline: code in a string, or a `return` in a comment, is no code)
    assert.equal(raises(cls('    """Use as:\n\n    def __exit__(self, *exc):\n        return True\n    """\n\n    def __exit__(self, *exc):\n        log("exit")  # return True would swallow\n        return None\n'), 'from errs import Quiet', 'Quiet()'), undefined);
    assert.equal(raises(cm('    try:\n        yield\n    except BaseException:\n        log("except: pass would swallow")\n        raise\n')), undefined);
  });

  test('context variables: an OpenTelemetry context module under another name, a token from set() given back to reset(), a ContextVar passed in', () => {
    const agen = (pre: string, params: string, body: string, fin: string) => `import asyncio\n${pre}\n\nasync def rows(${params}):\n${body}    try:\n        yield 1\n        yield 2\n    finally:\n        ${fin}\n\n\nasync def first():\n    async for r in rows(${params ? 'V' : ''}):\n        return r\n`;
    const status = (...a: [string, string, string, string]) => transformSource(agen(...a), { select: ['generator-close'] }).findings.map((f) => f.fixStatus);
    assert.deepEqual(status('from opentelemetry import context as context_api', '', '    token = context_api.attach(ctx)\n', 'context_api.detach(token)'), ['unsafe']);
    assert.deepEqual(status('from state import request_id', '', '    token = request_id.set("in")\n', 'request_id.reset(token)'), ['unsafe']);
    assert.deepEqual(status('', 'var', '    token = var.set("in")\n', 'var.reset(token)'), ['unsafe']);
    assert.deepEqual(status('from meters import meter', '', '    start = meter.n\n', 'meter.reset(start)'), ['fixable']);
  });

  test('a finally read of a name bound by the yield itself raises when closed there; one bound in a handler of the try, or read under an if or in a comprehension, does not count', () => {
    const src = (body: string) => `def rows():\n${body}\n\n\ndef first():\n    for r in rows():\n        return r\n`;
    const status = (body: string) => transformSource(src(body), { select: ['generator-close'] }).findings.map((f) => f.fixStatus);
    assert.deepEqual(status('    try:\n        total = yield "ready"\n        yield total\n    finally:\n        print(total)'), ['unsafe']);
    assert.deepEqual(status('    try:\n        yield 1\n        n = 2\n    except GeneratorExit:\n        n = 0\n        raise\n    finally:\n        print(n)'), ['fixable']);
    assert.deepEqual(status('    opened = False\n    try:\n        yield 1\n        conn = 2\n        opened = True\n    finally:\n        if opened:\n            print(conn)'), ['fixable']);
    assert.deepEqual(status('    try:\n        yield 1\n        x = 2\n    finally:\n        print([x for x in range(3)])'), ['fixable']);
  });
});
