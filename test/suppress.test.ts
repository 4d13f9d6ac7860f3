// Suppression comments: the forms Ruff users write, read from real comments only.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { transformSource } from '../src/api.js';
import { suppressedOnLine } from '../src/engine/suppress.js';

const set = (...codes: string[]) => new Set(codes);

test('each form of the comment, and what it covers', () => {
  const cases: Array<[string, 'all' | Set<string> | undefined]> = [
    ['x  # withify: ignore', 'all'],
    ['x  # WITHIFY: IGNORE', 'all'],
    ['x  # withify: ignore[WFY101]', set('WFY101')],
    ['x  # withify: ignore[wfy101, open-chain,WFY106]', set('WFY101', 'OPEN-CHAIN', 'WFY106')],
    ['x  # withify: ignored', undefined],
    ['x  # noqa', 'all'],
    ['x  #NOQA', 'all'],
    ['x  # noqa because reviewed', 'all'],
    ['x  # noqa: WFY101', set('WFY101')],
    ['x  # noqa:WFY101,WFY102', set('WFY101', 'WFY102')],
    ['x  # noqa: WFY101 WFY102 the rest is prose', set('WFY101', 'WFY102')],
    ['x  # noqa: open-chain', set('OPEN-CHAIN')],
    ['x  # noqa: reviewed', undefined],
    ['x  # noqanything', undefined],
    ['x  # noqa: E501  # withify: ignore[WFY110]', set('WFY110', 'E501')],
    ['x = 1', undefined],
  ];
  for (const [line, want] of cases) assert.deepEqual(suppressedOnLine(line), want, line);
});

const run = (text: string) => transformSource(text, { select: ['open-chain'] });

test('a suppressed finding is neither reported nor fixed; the rest of the file is', () => {
  const r = run('a = open(p).read()  # noqa: WFY101\nb = open(q).read()\n');
  assert.deepEqual(r.findings.map((f) => f.location.line), [2]);
  assert.equal(r.fixesApplied, 1);
  assert.ok(r.output.startsWith('a = open(p).read()  # noqa: WFY101\nwith open(q) as'));
});

test('another code, or a comment on another line, does not suppress', () => {
  assert.equal(run('a = open(p).read()  # noqa: WFY102\n').findings.length, 1);
  assert.equal(run('# noqa\na = open(p).read()\n').findings.length, 1);
  assert.equal(run('a = open(p).read()\n# withify: ignore\n').findings.length, 1);
});

test('"# noqa" inside a string is text, not a comment', () => {
  assert.equal(run('a = open(p).read(); s = "# noqa"\n').findings.length, 1);
  assert.equal(run('a = open(p).read(); s = """\n# noqa\n"""\n').findings.length, 1);
});

test('a finding over several lines is covered by a comment on any of them', () => {
  const r = run('a = open(\n    p,  # withify: ignore[open-chain]\n).read()\n');
  assert.equal(r.findings.length, 0);
  assert.equal(r.fixesApplied, 0);
});

test('suppression works per code when two transforms flag the same call', () => {
  const src = 'load = lambda p: open(p).read()  # noqa: WFY101\n';
  const r = transformSource(src, { select: ['open-chain', 'pathlib-read-write'], unsafeFixes: true });
  assert.deepEqual(r.findings.map((f) => f.code), ['WFY106']);
  assert.equal(r.output, 'from pathlib import Path\nload = lambda p: Path(p).read_text()  # noqa: WFY101\n');
});

test('CRLF files: the comment is found on the right line', () => {
  assert.equal(run('x = 1\r\na = open(p).read()  # noqa\r\n').findings.length, 0);
  assert.equal(run('x = 1  # noqa\r\na = open(p).read()\r\n').findings.length, 1);
});

test('a comment where the lines of a finding run on to (a string, a backslash) suppresses it; the next statement does not', () => {
  const count = (src: string) => transformSource(src, { select: ['open-chain'] }).findings.length;
  const str = 'def f(p):\n    return open(p).read(), """\nend"""';
  assert.equal(count(`${str}\n`), 1);
  assert.equal(count(`${str}  # noqa: WFY101\n`), 0);
  const cont = 'def f(p):\n    x = open(p).read() + \\\n        "!"';
  assert.equal(count(`${cont}\n    return x\n`), 1);
  assert.equal(count(`${cont}  # withify: ignore[WFY101]\n    return x\n`), 0);
  // A line that ends as it should is not carried on: the comment on the next statement covers nothing.
  assert.equal(count('def f(p):\n    x = open(p).read()\n    return x  # noqa: WFY101\n'), 1);
  // A `#` in the string is no comment.
  assert.equal(count('def f(p):\n    return open(p).read(), """\n# noqa"""\n'), 1);
});
