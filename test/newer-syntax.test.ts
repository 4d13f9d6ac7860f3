// Syntax newer than the target version, in a file with a finding: a warning naming the construct and its Python
// (Ruff's "unsupported syntax"), since the fixes keep to a target the file cannot run on.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { transformSource } from '../src/api.js';
import type { PythonVersion } from '../src/types.js';
import { CLI, pyenvPython, tempDir } from './helpers.js';

const LEAK = 'def load(p):\n    return open(p).read()\n';

/** Each construct withify reads, the Python it came in, and the line (of the sample, from 1) it starts on. */
const SAMPLES: Array<{ code: string; version: PythonVersion; what: RegExp; line: number }> = [
  { code: 'def g():\n    yield from range(3)\n', version: [3, 3], what: /`yield from`/, line: 2 },
  { code: 'async def g():\n    pass\n', version: [3, 5], what: /`async def`/, line: 1 },
  { code: 'name = f"{LEAK}"\n', version: [3, 6], what: /an f-string/, line: 1 },
  { code: 'size: int = 3\n', version: [3, 6], what: /a variable annotation/, line: 1 },
  { code: 'size = 1_000\n', version: [3, 6], what: /an underscore in a number/, line: 1 },
  { code: 'if (n := 3):\n    pass\n', version: [3, 8], what: /an assignment expression/, line: 1 },
  { code: 'def g(a, /, b):\n    pass\n', version: [3, 8], what: /a positional-only parameter/, line: 1 },
  { code: 'x = 1\ns = "%s" % (f"{x=}",)\n', version: [3, 8], what: /an f-string `=`/, line: 2 },
  { code: 'def g(a, b):\n    with (open(a) as f, open(b) as h):\n        pass\n', version: [3, 9], what: /a parenthesised list of `with` items/, line: 2 },
  // (Review rv55d: one bracketed item, with or without a trailing comma, over lines as Black writes it)
  { code: 'def g(a):\n    with (open(a) as f):\n        pass\n', version: [3, 9], what: /a parenthesised list of `with` items/, line: 2 },
  { code: 'def g(a):\n    with (\n        open(a) as f,\n    ):\n        pass\n', version: [3, 9], what: /a parenthesised list of `with` items/, line: 2 },
  { code: 'key = lambda a, /: a\n', version: [3, 8], what: /a positional-only parameter/, line: 1 },
  { code: 'def g(x, d, k, rest):\n    return x[d[k], *rest]\n', version: [3, 11], what: /a starred expression in a subscript/, line: 2 },
  { code: 'def g(x):\n    match x:\n        case 1:\n            pass\n', version: [3, 10], what: /a `match` statement/, line: 2 },
  { code: 'try:\n    pass\nexcept* ValueError:\n    pass\n', version: [3, 11], what: /`except\*`/, line: 3 },
  { code: 'def g(a, b):\n    return a[*b]\n', version: [3, 11], what: /a starred expression in a subscript/, line: 2 },
  { code: 'type Rows = list[int]\n', version: [3, 12], what: /a `type` statement/, line: 1 },
  { code: 'def first[T](xs: list[T]) -> T:\n    return xs[0]\n', version: [3, 12], what: /a type parameter list/, line: 1 },
];

const v = (version: PythonVersion) => `${version[0]}.${version[1]}`;
const below = (version: PythonVersion): PythonVersion => [version[0], version[1] - 1];

test('syntax newer than the target, in a file with a finding: one warning, at the construct, naming it and its Python', () => {
  for (const s of SAMPLES) {
    const text = `${LEAK}\n${s.code}`;
    const target = below(s.version);
    const r = transformSource(text, { targetVersion: target });
    assert.equal(r.findings.length, 1, s.code);
    const newer = r.warnings.filter((w) => w.about === 'target version');
    assert.equal(newer.length, 1, `${s.code} at ${v(target)}: ${JSON.stringify(r.warnings)}`);
    assert.match(newer[0]!.message, s.what, s.code);
    assert.ok(newer[0]!.message.includes(`needs Python ${v(s.version)}, newer than the target version ${v(target)}`), newer[0]!.message);
    assert.equal(newer[0]!.location.line, s.line + 3, s.code);
    // (The fix is made all the same: the output is the input's Python, for whatever runs it)
    assert.match(r.output, /with open\(p\) as/, s.code);
    // At the construct's own version, and any later one: nothing
    assert.deepEqual(transformSource(text, { targetVersion: s.version }).warnings, [], `${s.code} at ${v(s.version)}`);
    assert.deepEqual(transformSource(text, { targetVersion: [3, 13] }).warnings, [], `${s.code} at 3.13`);
  }
});

test('the version table against CPython: each construct fails to compile on the Python before its own, and compiles on its own', () => {
  const checked: string[] = [];
  for (const s of SAMPLES) {
    const older = pyenvPython(s.version[1] - 1);
    const own = pyenvPython(s.version[1]);
    const compiles = (exe: string) => spawnSync(exe, ['-c', 'import sys; compile(sys.stdin.read(), "<sample>", "exec")'], { input: s.code, encoding: 'utf8' }).status === 0;
    if (older) {
      assert.equal(compiles(older), false, `${s.code} compiles on ${older}`);
      checked.push(`${v(s.version)} older`);
    }
    if (own) {
      assert.equal(compiles(own), true, `${s.code} does not compile on ${own}`);
      checked.push(`${v(s.version)} own`);
    }
  }
  // (pyenv's 3.6 to 3.13 on the development machine and in CI: most of the table is checked)
  if (pyenvPython(8) && pyenvPython(12)) assert.ok(checked.length >= 18, checked.join(', '));
});

test('no warning without a finding, nor for the constructs in strings and comments, nor for what older Pythons read otherwise', () => {
  // A file with no finding: the target changes nothing withify does in it
  assert.deepEqual(transformSource('def g(x):\n    match x:\n        case 1:\n            pass\n', { targetVersion: [3, 8] }).warnings, []);
  const quiet = [
    'doc = """\nmatch x:\n    case 1: pass\n(n := 3)\ntype X = int\n"""\n',
    '# if (n := 3): type X = int\n',
    // (A tuple as the manager: a runtime error on every Python, the syntax of all of them)
    'def g(a, b):\n    with (a, b):\n        pass\n',
    // (A parenthesised manager with `as` outside the brackets)
    'def g(a):\n    with (open(a)) as f:\n        pass\n',
    'match = 3\ntype = 4\nprint(match, type)\n',
    'def g(a, *b):\n    return a[b] * 2\n',
    // (Review rv55d: an annotation's `List[int]`, which tree-sitter reads as a type parameter, beside a docstring that
    // says `def f[T]`; an f-string's format spec `=10`, which it reads as `:=`)
    'from typing import List\n\n\ndef first(xs: List[int]) -> List[str]:\n    "A def f[T] of 3.12 would say it better."\n    return xs\n',
    'x, w = 1, 5\ns = (f"{x:=10}", f"{x:={w}}")\n',
  ];
  for (const code of quiet) {
    const r = transformSource(`${LEAK}\n${code}`, { targetVersion: [3, 6] });
    assert.equal(r.findings.length, 1, code);
    assert.deepEqual(r.warnings, [], code);
  }
});

test('review rv55d: the newest construct is named; a default runs in the scope around its def; await as a name', () => {
  // `:=` (3.8) before `match` (3.10): the warning names `match`, the version to set
  const both = transformSource(`${LEAK}\nif (n := 3):\n    pass\n\n\ndef g(x):\n    match x:\n        case 1:\n            pass\n`, { targetVersion: [3, 7] });
  assert.deepEqual(both.warnings.map((w) => w.location.line), [9]);
  assert.match(both.warnings[0]!.message, /^a `match` statement needs Python 3\.10, newer than the target version 3\.7: .*\(3\.10 or newer\)$/);
  // A real 3.12 file: the class's type parameters, not an annotation's `List[str]` before them
  const generic = transformSource(`${LEAK}\nfrom typing import List\n\n\ndef names() -> List[str]:\n    return []\n\n\nclass Box[T]:\n    pass\n`, { targetVersion: [3, 11] });
  assert.deepEqual(generic.warnings.map((w) => [w.location.line, w.location.column]), [[11, 10]]);
  // `def h(): async def k(a=(yield))`: the `yield` is `h`'s, a plain generator; the mirror is an async generator's
  const inner = (outer: string, nested: string) => transformSource(`${LEAK}\n${outer} h():\n    ${nested} k(a=(yield)):\n        pass\n`, { targetVersion: [3, 5] }).warnings;
  assert.deepEqual(inner('def', 'async def'), []);
  assert.match(inner('async def', 'def')[0]?.message ?? '', /an asynchronous generator/);
  // Before 3.7, `await` outside an `async def` is a name: `await(x)` calls it
  assert.deepEqual(transformSource(`${LEAK}\nx = await(3)\n`, { targetVersion: [3, 4] }).warnings, []);
});

test('one construct named; fix reports it in the output, check in the input', () => {
  const text = `def load(p):\n    if (n := 3):\n        pass\n    return open(p).read()\n\n\ndef g(x):\n    match x:\n        case 1:\n            pass\n`;
  const r = transformSource(text, { targetVersion: [3, 7] });
  const newer = r.warnings.filter((w) => w.about === 'target version');
  assert.equal(newer.length, 1);
  // (`:=` on line 2 needs 3.8, `match` on line 8 needs 3.10: the newest)
  assert.match(newer[0]!.message, /`match` statement needs Python 3\.10/);
  assert.deepEqual(newer[0]!.location, { line: 8, column: 5 });
  const dir = tempDir('newer-syntax');
  writeFileSync(join(dir, 'a.py'), 'import json\n\n\ndef load(p):\n    x = json.load(open(p))\n    match x:\n        case 1:\n            pass\n');
  const check = spawnSync(process.execPath, [CLI, 'check', 'a.py', '--no-cache', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
  assert.deepEqual(JSON.parse(check.stdout).files[0].warnings.map((w: { line: number; column: number }) => [w.line, w.column]), [[6, 5]]);
  const fix = spawnSync(process.execPath, [CLI, 'fix', 'a.py', '--no-cache', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
  const file = JSON.parse(fix.stdout).files[0];
  assert.equal(file.status, 'changed');
  // (`match` one line down in the output, below the new `with` line)
  assert.deepEqual(file.warnings.map((w: { line: number; column: number }) => [w.line, w.column]), [[7, 5]]);
  // (The fixed file has no finding left: no warning for it any more)
  const again = spawnSync(process.execPath, [CLI, 'check', 'a.py', '--no-cache', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
  assert.deepEqual(JSON.parse(again.stdout).files[0].warnings, []);
});

test('the CLI: a warning on stderr (not under --quiet), in JSON, SARIF and GitHub annotations; the exit code unchanged', () => {
  const dir = tempDir('newer-syntax');
  writeFileSync(join(dir, 'app.py'), 'import json\n\n\ndef load(p):\n    match p:\n        case str():\n            return json.load(open(p))\n');
  writeFileSync(join(dir, 'pyproject.toml'), '[tool.withify]\ntarget-version = "3.9"\n');
  const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args, '--no-cache'], { cwd: dir, encoding: 'utf8' });
  const text = run('check', 'app.py');
  assert.equal(text.status, 1);
  assert.match(text.stderr, /^warning: app\.py:5:5: a `match` statement needs Python 3\.10, newer than the target version 3\.9: this file cannot run on 3\.9/m);
  assert.doesNotMatch(run('check', 'app.py', '--quiet').stderr, /warning/);
  // The command line's target over the file's: none at 3.10
  assert.doesNotMatch(run('check', 'app.py', '--target-version', '3.10').stderr, /warning/);
  const json = JSON.parse(run('check', 'app.py', '--format', 'json').stdout);
  assert.equal(json.files[0].warnings.length, 1);
  assert.match(json.files[0].warnings[0].message, /`match` statement needs Python 3\.10/);
  const sarif = JSON.parse(run('check', 'app.py', '--format', 'sarif').stdout);
  const note = sarif.runs[0].invocations[0].toolExecutionNotifications.find((n: { message: { text: string } }) => n.message.text.includes('match'));
  assert.equal(note.level, 'warning');
  assert.deepEqual(note.locations[0].physicalLocation.region, { startLine: 5, startColumn: 5 });
  assert.match(run('check', 'app.py', '--format', 'github').stdout, /^::warning file=app\.py,line=5,col=5,title=withify%3A target version::a `match` statement/m);
});
