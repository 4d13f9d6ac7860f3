// open-chain: the reasons given where no fix is offered, and the findings' positions.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { transformSource } from '../src/api.js';
import { CPYTHON, SNAPSHOTS, tempDir } from './helpers.js';

const run = (text: string, path?: string) => transformSource(text, { select: ['open-chain'], ...(path ? { path } : {}) });
/**
 * `text` as a project's `setup.py` that imports setuptools, which setuptools runs as the program: its new globals are
 * no names `import *` exports. The output without the import.
 */
function setupPy(text: string): ReturnType<typeof run> {
  const head = 'from setuptools import setup\n';
  const r = run(head + text, 'setup.py');
  assert.ok(r.output.startsWith(head), r.output);
  return { ...r, output: r.output.slice(head.length) };
}

test('every unfixable context is reported with its reason, at its line', () => {
  const text = readFileSync(join(SNAPSHOTS, 'open-chain', 'ok-reported-contexts.in.py'), 'utf8');
  const r = run(text);
  assert.equal(r.fixesApplied, 0);
  const byLine = new Map(r.findings.map((f) => [f.location.line, f.reason ?? '']));
  const expected: Array<[number, RegExp]> = [
    [4, /lambda/],
    [5, /comprehension/],
    [6, /generator expression/],
    [7, /conditional expression/],
    [8, /right operand of `and`\/`or`/],
    [11, /default argument/],
    [15, /`if` condition/],
    [18, /`while` condition/],
    [23, /class body/],
    [27, /yields/],
    [31, /`compute\(\)` runs before it/],
    [35, /`\.extractfile\(\)`/],
    [38, /python -O/],
  ];
  for (const [line, re] of expected) assert.match(byLine.get(line) ?? '(no finding)', re, `line ${line}`);
  assert.equal(r.findings.length, expected.length);
  assert.ok(r.findings.every((f) => f.code === 'WFY101' && f.fixStatus === 'none'));
});

test('an annotation evaluated when the function is defined is named as one, apart from a default value', () => {
  const text = [
    'def f(a: open("a").read(), b: open("b").read() = 1, c: int = open("c").read(), *d: open("d").read()) -> open("e").read():',
    '    pass',
    '',
  ].join('\n');
  const reasons = run(text).findings.map((f) => `${f.location.column}: ${f.reason}`);
  const defined = ', evaluated once when the function is defined';
  const lazy = `${defined} (from 3.14, when its annotations are read)`;
  assert.deepEqual(reasons, [
    `10: in a parameter annotation${lazy}`,
    `31: in a parameter annotation${lazy}`,
    `62: in a default argument value${defined}`,
    `84: in a parameter annotation${lazy}`,
    `105: in a return annotation${lazy}`,
  ]);
});

test('a finding points at the chained call, in characters of the decoded line', () => {
  const r = run('x = "é"; y = open(p).read()\n');
  assert.equal(r.findings.length, 1);
  assert.deepEqual(r.findings[0]!.location, { line: 1, column: 14 });
  assert.deepEqual(r.findings[0]!.endLocation, { line: 1, column: 28 });
  assert.equal(r.findings[0]!.fixStatus, 'fixable');
});

test('a resource inside another resource call is fixed first, then the outer one', () => {
  const r = run('def f(p):\n    return open(open(p).read().strip()).read()\n');
  assert.equal(
    r.output,
    'def f(p):\n    with open(p) as fh:\n        with open(fh.read().strip()) as fp:\n            return fp.read()\n',
  );
});

test('fresh names avoid every name of the function, nested scopes included', () => {
  const r = run('def g(f, fh):\n    def h(fp):\n        return fp\n    return open(f).read()\n');
  assert.match(r.output, /with open\(f\) as f2:/);
});

test('a module-level fix avoids names used anywhere in the module', () => {
  const r = run('def use():\n    return _f\n\n_f = 1\nopen("x", "w").write("y")\n');
  assert.match(r.output, /with open\("x", "w"\) as _fh:/);
  const listed = run('__all__ = ["use"]\n\n\ndef use():\n    return f\n\nf = 1\nopen("x", "w").write("y")\n');
  assert.match(listed.output, /with open\("x", "w"\) as fh:/);
});

test("a new module-level name is private (`_f`) where `from m import *` would export it over the importer's own", () => {
  const src = 'open("x", "w").write("y")\n';
  assert.equal(run(src).output, 'with open("x", "w") as _f:\n    _f.write("y")\n');
  // `__all__` lists the exports; code run only as the program exports nothing; a function's name is its own
  const plain = 'with open("x", "w") as f:\n    f.write("y")\n';
  const indented = (text: string) => text.replace(/\n(?=.)/g, '\n    ');
  assert.equal(run(`__all__ = []\n${src}`).output, `__all__ = []\n${plain}`);
  assert.equal(run(`__all__: list = []\n${src}`).output, `__all__: list = []\n${plain}`);
  assert.equal(run(src, 'tool/__main__.py').output, plain);
  assert.equal(setupPy(`setup()\n${src}`).output, `setup()\n${plain}`);
  // (A `setup.py` that names neither setuptools nor distutils is a module as any other)
  assert.equal(run(src, 'setup.py').output, run(src).output);
  assert.equal(run(`if __name__ == "__main__":\n    ${src}`).output, `if __name__ == "__main__":\n    ${indented(plain)}`);
  assert.equal(run(`if "__main__" == __name__:\n    ${src}`).output, `if "__main__" == __name__:\n    ${indented(plain)}`);
  assert.equal(run(`def g():\n    ${src}`).output, `def g():\n    ${indented(plain)}`);
  // Not the else of the guard, and not an `__all__` in a string
  assert.match(run(`if __name__ == "__main__":\n    pass\nelse:\n    ${src}`).output, / as _f:/);
  assert.match(run(`"""\n__all__ = []\n"""\n${src}`).output, / as _f:/);
  // An `__all__` that may list the new name, or that some run may not bind: private too
  for (const all of ['__all__ = [n for n in dir() if not n.startswith("_")]', '__all__: list\nif X:\n    __all__ = ["a"]', 'f(\n__all__="x")', '__all__ = ["a"]\n__all__.extend(names)', '__all__ = ["a"]\n__all__ += [f"{x}"]', '__all__ = ["a"]\ndel __all__', '__all__ += ["a"]']) {
    assert.match(run(`${all}\n${src}`).output, / as _f:/, all);
  }
  for (const all of ['__all__ = ["a"]\n__all__.extend(["b", "c"])', '__all__ = ("a",)\nfor n in __all__:\n    print(n)', '__all__ = ["a" "b"]\n__all__ += ["c"]']) {
    assert.match(run(`${all}\n${src}`).output, / as f:/, all);
  }
  // Changed where withify cannot list it: private
  for (const all of ['__all__ = ["a"]\n__all__[:] = names', '__all__ = ["a"]\nsys.modules[__name__].__all__ = names', '__all__ = ["a"]\nsetattr(sys.modules[__name__], "__all__", names)', '__all__ = ["a"]\nexec(code)', '__all__ = ["a"]\n__all__ += "f"', '__all__ = ["a"]\n__all__.extend("f")', '__all__ = ["a"]\nlist.extend(__all__, names)', '__all__ = ["a"]\n__all__.insert(0, "f")']) {
    assert.match(run(`${all}\n${src}`).output, / as _f:/, all);
  }
  // A name the literal `__all__` lists is exported: not taken (a module `__getattr__` may serve it)
  assert.match(run(`__all__ = ["DATA", "f"]\n${src}`).output, / as fh:/);
  assert.match(run(`__all__ = ["DATA"]\n__all__.append("f")\n${src}`).output, / as fh:/);
  assert.match(run(`__all__ = ["DATA", "" "f"]\n${src}`).output, / as fh:/);
  // A string withify would have to work out (`f"f"`, `"\x66"`): no literal list
  assert.match(run(`__all__ = ["DATA", f"f"]\n${src}`).output, / as _f:/);
  assert.match(run(`__all__ = ["DATA", "\\x66"]\n${src}`).output, / as _f:/);
  // A setup script calls the build backend's setup; another object's `.setup()` makes no setup script
  assert.match(run(`from setuptools import setup as build\nbuild(name="x")\n${src}`, 'setup.py').output, / as f:/);
  assert.match(run(`import config\nconfig.setup()\n${src}`, 'setup.py').output, / as _f:/);
  assert.match(run(`def setup():\n    pass\nsetup()\n${src}`, 'setup.py').output, / as _f:/);
  // A `setup.py` is a setup script by its own `setup(…)` call of a build backend; not by a mention
  assert.equal(run(`from skbuild import setup\n\nsetup(name="x")\n${src}`, 'setup.py').output, `from skbuild import setup\n\nsetup(name="x")\n${plain}`);
  assert.match(run(`"""Checks that setuptools is there."""\n${src}`, 'setup.py').output, / as _f:/);
  // What the private name keeps: `from m import *` after the importer's own `f`
  const dir = tempDir('withify-star-');
  writeFileSync(join(dir, 'm.py'), run('open("data.txt", "w").write("y")\n').output);
  writeFileSync(join(dir, 'main.py'), 'def f():\n    return "mine"\n\n\nfrom m import *\nprint(f())\n');
  const r = spawnSync(CPYTHON, ['main.py'], { cwd: dir, encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
  assert.equal(r.stdout, 'mine\n', r.stderr);
});

test('a module whose code lists its globals gets no new module-level name; a loop brings an earlier locals() back', () => {
  for (const src of [
    'def names():\n    return sorted(globals())\n\nopen("x", "w").write("y")\n',
    'open("x", "w").write("y")\nprint(dir())\n',
    'def f(ps):\n    for p in ps:\n        print(locals())\n        n = len(open(p).read())\n',
  ]) {
    const r = run(src);
    assert.equal(r.fixesApplied, 0, src);
    assert.match(r.findings[0]!.reason!, /^`(globals|dir|locals)\(\)` on line \d+ lists the (module|function)'s variables: a name the fix adds would show in it$/, src);
  }
  // `globals()` at module level before the statement has run: the name is not there yet
  assert.equal(run('print(len(globals()))\nopen("x", "w").write("y")\n').fixesApplied, 1);
});

test('`.open()` of a parameter annotated `Path` is found in a file that has nothing else to find', () => {
  const r = run('from pathlib import Path\n\n\ndef head(path: Path) -> str:\n    return path.open().readline()\n');
  assert.equal(r.output, 'from pathlib import Path\n\n\ndef head(path: Path) -> str:\n    with path.open() as f:\n        return f.readline()\n');
  // Without the annotation `path` may be anything with an `open()`
  assert.equal(run('def head(path):\n    return path.open().readline()\n').findings.length, 0);
});

test('a lambda or a conditional expression is the reason given, ahead of code after a write or a loop header', () => {
  const text = readFileSync(join(SNAPSHOTS, 'open-chain', 'ok-lazy-reasons.in.py'), 'utf8');
  const r = transformSource(text, {});
  const reasons = r.findings.filter((f) => f.code !== 'WFY106').map((f) => `${f.location.line}: ${f.reason}`);
  assert.deepEqual(reasons, [
    '7: inside a lambda, which has no statement to put a `with` around',
    '8: inside a conditional expression: it may not run at all',
    '9: inside a lambda, which has no statement to put a `with` around',
    '13: inside a lambda, which has no statement to put a `with` around',
    '18: inside a conditional expression: it may not run at all',
  ]);
});

test('a `*` argument runs before the keywords written ahead of it', () => {
  // CPython runs `note("x")` before `open(path)`: with a missing file it still prints, then raises.
  const refused = run('def load(path):\n    return show(text=open(path).read(), *note("x"))\n');
  assert.equal(refused.fixesApplied, 0);
  assert.match(refused.findings[0]?.reason ?? '', /`\*note\("x"\)` runs before it in this statement, as Python evaluates `\*` arguments before keyword arguments/);
  const fixed = run('def load(path):\n    return show(text=stamp(), *open(path).readlines())\n');
  assert.equal(fixed.output, 'def load(path):\n    with open(path) as f:\n        return show(text=stamp(), *f.readlines())\n');
});

test('a star import could rebind open: not treated as the builtin', () => {
  const r = run('from os import *\nopen("x").read()\n');
  assert.equal(r.findings.length, 0);
});

test('a chain in the arguments of exec or eval is reported: the code it runs would run with the file open', () => {
  for (const src of ['exec(open(p).read(), scope)\n', 'x = eval(open(p).read())\n', 'exec(compile(open(p).read(), p, "exec"))\n']) {
    const r = run(src);
    assert.equal(r.fixesApplied, 0, src);
    assert.match(r.findings[0]!.reason ?? '', /runs code with the file still open under a `with`, where CPython closed it when `\.read\(\)` returned/, src);
  }
  // compile() alone runs nothing, and a local function named exec is not the builtin
  assert.equal(run('c = compile(open(p).read(), p, "exec")\n').fixesApplied, 1);
  assert.equal(run('def exec(s, g):\n    pass\nexec(open(p).read(), {})\n').fixesApplied, 1);
});

test('a module-level call given chains as arguments reads each first, in a with of its own; other calls keep the with around them', () => {
  const r = setupPy(readFileSync(join(SNAPSHOTS, 'open-chain', 'hoisted-reads.in.py'), 'utf8'));
  // Both chains of a `setup(...)` are one fix
  assert.equal(r.fixesApplied, 4);
  assert.equal(r.findings.length, 7);
  // The keyword names the value where it is free; `license` is a builtin's name, so it does not
  assert.match(r.output, /\nwith open\("README\.rst"\) as f:\n    long_description = f\.read\(\)\nwith open\("LICENSE", encoding="utf-8"\) as fh:\n    text = fh\.read\(\)\nsetup\(\n    name="example",\n    long_description=long_description,\n    license=text,/);
  // Reads joined by `+` with a str literal: each read first, the `+` in the call
  assert.match(r.output, /\nwith open\("README\.rst"\) as fp:\n    content = fp\.read\(\)\nwith open\("CHANGES\.rst"\) as f2:\n    text2 = f2\.read\(\)\nsetup\(\n    name="joined",\n    long_description=content \+ "\\n\\n" \+ text2,\n\)/);
  assert.match(r.output, /\nwith open\("README\.rst", "rb"\) as f3:\n    data = f3\.read\(\)\nwith open\("CHANGES\.rst", mode="rb"\) as f4:\n    data2 = f4\.read\(\)\nsetup\(\n    name="bytes",\n    long_description=data \+ b"\\n\\n" \+ data2,\n\)/);
  assert.match(r.output, /\n    with open\("config\.txt"\) as f5:\n        text3 = f5\.read\(\)\n    main\(text3\)\n$/);
  // Bytes read and joined with a bytes literal too; not str with bytes, nor an f-string (it runs code)
  const bytes = setupPy('setup(d=open("a", "rb").read() + b"\\n" + open("b", mode="rb").read())\n');
  assert.match(bytes.output, /^with open\("a", "rb"\) as f:\n    data = f\.read\(\)\nwith open\("b", mode="rb"\) as fh:\n    content = fh\.read\(\)\nsetup\(d=data \+ b"\\n" \+ content\)\n$/);
  const mixed = setupPy('setup(d=open("a", "rb").read() + "\\n" + open("b").read())\n');
  assert.match(mixed.output, /^with open\("a", "rb"\) as f:\n    setup\(/);
  // Code before the chain that may do anything: reported, as for the `with` around the statement
  const late = setupPy(readFileSync(join(SNAPSHOTS, 'open-chain', 'ok-hoisted-reads.in.py'), 'utf8'));
  assert.equal(late.fixesApplied, 0);
  assert.match(late.findings[0]!.reason ?? '', /^`version=load_version\(\)` runs before it in this statement/);
  // A name the module uses as a variable is not taken; one it writes only as keyword names is
  const used = setupPy('long_description = "x"\nsetup(long_description=open("R").read())\n');
  assert.match(used.output, /\n    text = f\.read\(\)\nsetup\(long_description=text\)\n$/);
  const keywordOnly = setupPy('dict(long_description=1)\nsetup(long_description=open("R").read())\n');
  assert.match(keywordOnly.output, /\n    long_description = f\.read\(\)\nsetup\(long_description=long_description\)\n$/);
  // A builtin's call and a call in a function keep the `with` around the statement
  const kept = setupPy(readFileSync(join(SNAPSHOTS, 'open-chain', 'wrapped-not-hoisted.in.py'), 'utf8'));
  assert.match(kept.output, /with open\("banner\.txt"\) as f:\n    print\(f\.read\(\)\)/);
  assert.match(kept.output, /    with open\(path\) as f:\n        log\.info\("read %s", f\.read\(\)\)/);
  assert.match(kept.output, /\nwith open\("README\.rst"\) as fh:\n    setup\(long_description=fh\.read\(\) \+ f"\\n\{VERSION\}\\n"\)\n$/);
  // A second run changes nothing
  assert.equal(setupPy(r.output).output, r.output);
});

test('a sqlite3 connection given uri= gets only an unsafe fix, saying why: the shared catalog note, as in open-assign', () => {
  const r = run(readFileSync(join(SNAPSHOTS, 'open-chain', 'ok-sqlite-shared-cache.in.py'), 'utf8'));
  assert.equal(r.fixesApplied, 0);
  assert.deepEqual(r.findings.map((f) => f.fixStatus), ['unsafe']);
  assert.match(r.findings[0]!.message, /; `uri=` may name a shared-cache in-memory database, which ends with its last connection: closing this one ends it where CPython 3\.11\+ and PyPy kept it/);
  // Without uri=, or with uri=False, the fix is safe
  assert.deepEqual(run('import sqlite3\n\nsqlite3.connect(p, uri=False).execute(q)\n').findings.map((f) => f.fixStatus), ['fixable']);
});

test('an `await` after the resource is done with: no `with` holds the file while the coroutine is suspended', () => {
  const all = (text: string) => transformSource(text, { select: ['open-chain', 'open-argument', 'open-loop'] });
  const refused = [
    'async def w(p):\n    n = await upload(open(p).read())\n',
    'import json\nasync def w(p):\n    return await upload(json.load(open(p)))\n',
    'async def w(p):\n    x = [await upload(l) for l in open(p).readlines()]\n',
    'async def w(p):\n    for line in open(p).readlines():\n        await upload(line)\n',
  ];
  for (const text of refused) {
    const r = all(text);
    assert.equal(r.fixesApplied, 0, text);
    assert.match(r.findings[0]?.reason ?? '', /suspends the coroutine after .* a `with` .*would hold it open until the coroutine resumes/, text);
  }
  // A lazy loop already held the file across its body's awaits; an await done before the open is no matter
  assert.equal(all('async def w(p):\n    for line in open(p):\n        await upload(line)\n').fixesApplied, 1);
  assert.equal(all('async def w(p):\n    x = await fetch()\n    data = x + open(p).read()\n').fixesApplied, 1);
});

test('a descriptor taken from a resource nobody keeps was closed by CPython as `.fileno()` returned: no fix', () => {
  for (const text of ['import os\ndef size(p):\n    return os.fstat(open(p).fileno()).st_size\n', 'import mmap\ndef m(p):\n    return mmap.mmap(open(p, "r+b").fileno(), 0)[:5]\n']) {
    const r = run(text);
    assert.equal(r.fixesApplied, 0, text);
    assert.match(r.findings[0]?.reason ?? '', /^CPython closed the file, and so its descriptor, as soon as `\.fileno\(\)` returned/);
  }
});

test('an annotation Python never evaluates holds no finding', () => {
  const body = 'def g(y: open(p).read() = 2) -> open(p).read():\n    z: open(p).read() = 3\n    return y\nx: open(p).read() = 1\n';
  const plain = run(body);
  // Evaluated: the parameter's and the return's at the def, the module variable's; never: the local's
  assert.deepEqual(plain.findings.map((f) => f.location.line), [1, 1, 4]);
  assert.equal(run(`from __future__ import annotations\n${body}`).findings.length, 0);
  assert.equal(run(`from __future__ import (division,\n    annotations)\n${body}`).findings.length, 0);
});

test('`async for` and `async with` suspend as `await` does', () => {
  const all = (text: string) => transformSource(text, { select: ['open-chain', 'open-argument', 'open-loop'] });
  for (const text of [
    'async def b1(p):\n    x = [c async for c in achars(open(p).read())]\n',
    'async def b2(p):\n    for line in open(p).readlines():\n        async with lock():\n            pass\n',
    'async def b3(p):\n    for line in open(p).readlines():\n        async for c in achars(line):\n            pass\n',
  ]) assert.equal(all(text).fixesApplied, 0, text);
});

test('the future import of annotations over lines, after a docstring; quoted in a docstring it is none', () => {
  const body = 'x: open("data.txt").read() = 3\n';
  for (const head of ['"""Doc."""; from __future__ import annotations\n', 'from __future__ import division, \\\n    annotations\n', 'from __future__ \\\n  import annotations\n']) {
    assert.equal(run(head + body).findings.length, 0, head);
  }
  assert.equal(run('"""Use\nfrom __future__ import annotations\n"""\n' + body).findings.length, 1);
  // A class body runs its annotations, also inside a function
  assert.equal(run('def make():\n    class D:\n        y: open("inner.txt").read()\n    return D\n').findings.length, 1);
});

test('after a write in a dictionary entry or a keyword argument, what runs after is the dictionary or the call, not the entry', () => {
  const cases: Array<[string, string]> = [
    ['return {"n": open(p, "w").write(data), "size": os.stat(p).st_size}', '`{"n": open(p, "w").write(data), "size":…` runs after `.write()`'],
    ['return {open(p, "w").write(data): os.stat(p).st_size}', '`{open(p, "w").write(data): os.stat(p).s…` runs after `.write()`'],
    ['return f(n=open(p, "w").write(data), size=os.stat(p).st_size)', '`f(n=open(p, "w").write(data), size=os.s…` runs after `.write()`'],
    // As a list, a tuple and a positional argument already said
    ['return [open(p, "w").write(data), os.stat(p).st_size]', '`[open(p, "w").write(data), os.stat(p).s…` runs after `.write()`'],
    ['return f(open(p, "w").write(data), os.stat(p).st_size)', '`f(open(p, "w").write(data), os.stat(p).…` runs after `.write()`'],
  ];
  for (const [line, said] of cases) {
    const r = run(`import os\n\n\ndef stats(p, data):\n    ${line}\n`);
    assert.equal(r.fixesApplied, 0, line);
    assert.ok(r.findings[0]?.reason?.startsWith(`${said}: CPython closed the file before it`), `${line}: ${r.findings[0]?.reason}`);
  }
  // open-argument reads the same: `json.dump(x, open(p, "w"))` in an entry
  const arg = transformSource('import json, os\n\n\ndef save(p, x):\n    return {"ok": json.dump(x, open(p, "w")), "size": os.stat(p).st_size}\n', { select: ['open-argument'] });
  assert.equal(arg.fixesApplied, 0);
  assert.match(arg.findings[0]?.reason ?? '', /^`\{"ok": json\.dump\(x, open\(p, "w"\)\), "siz…` runs after `json\.dump`: CPython closed the file before it/);
});

test('`annotations = {}` after a `;` of another __future__ import is no `from __future__ import annotations`', () => {
  assert.equal(run('from __future__ import division; annotations = {}\nz: open(p).read() = 3\n').findings.length, 1);
  assert.equal(run('from __future__ import division, annotations\nz: open(p).read() = 3\n').findings.length, 0);
});
