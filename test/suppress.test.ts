// Suppression comments: the forms Ruff users write, read from real comments only.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { transformSource } from '../src/api.js';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suppressedOnLine } from '../src/engine/suppress.js';
import { CLI, tempDir } from './helpers.js';
import type { Transform } from '../src/types.js';

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
    ['x  # withify: ignore because reviewed', 'all'],
    ['x  # withify: ignore[WFY101] reviewed', set('WFY101')],
    // Malformed lists suppress nothing (they used to suppress everything on the line)
    ['x  # withify: ignore[WFY101', undefined],
    ['x  # withify: ignore[WFY101  # noqa: E501', set('E501')],
    ['x  # withify: ignore[]', undefined],
    ['x  # withify: ignore[ , ]', undefined],
    ['x  # withify: ignore[WFY101;WFY102]', undefined],
    ['x  # withify: ignore[WFY101, ???]', undefined],
    ['x  # withify: ignore WFY101', undefined],
    ['x  # withify: ignore: WFY101', undefined],
    ['x  # withify: ignore(WFY101)', undefined],
    ['x  # noqa:', undefined],
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

test('a fix that would carry suppressed code away from its comment is not made: the finding says why', () => {
  const cases = [
    'import json\ny = json.load(open(open("names").read().strip()))  # withify: ignore[WFY101]\n',
    // generator-close binds the call, argument and all, on a line above
    'def gen(s):\n    try:\n        yield s\n    finally:\n        print("bye")\n\n\ndef f():\n    for x in gen(open("a").read()):  # withify: ignore[WFY103]\n        break\n',
  ];
  for (const src of cases) {
    const r = transformSource(src);
    assert.equal(r.output, src);
    assert.equal(r.fixesApplied, 0);
    assert.equal(r.findings.length, 1, src);
    assert.match(r.findings[0]!.reason!, /^the fix would take code that a comment suppresses \(WFY10[13], line \d+\) away from it, where it would be found again \(WFY101, `open\(.*\)\.read\(\)`\), which no comment there suppresses/);
    assert.equal(r.findings[0]!.fixStatus, 'none');
  }
  // A fix that splits the line takes the comment away from the code before it
  const split = 'def main(n):\n    y = open(n).read(); x = len(list(open(n)))  # noqa: WFY101\n    return x, y\n';
  assert.equal(transformSource(split).output, split);
  // Only the fix that splits it is held back: another that re-indents the line keeps its comment on it
  const both = transformSource('def f(p, n):\n    g = open(p)\n    y = open(n).read(); x = len(list(open(n)))  # noqa: WFY101\n    return g.read(), x, y\n');
  assert.equal(both.output, 'def f(p, n):\n    with open(p) as g:\n        y = open(n).read(); x = len(list(open(n)))  # noqa: WFY101\n        return g.read(), x, y\n');
  assert.deepEqual(both.remaining.map((f) => f.code), ['WFY102']);
  // A run that selects another transform keeps the comment's code in place too
  const selected = transformSource(cases[0]!, { select: ['open-argument'] });
  assert.equal(selected.output, cases[0]);
  assert.match(selected.findings[0]!.reason!, /^the fix would take code that a comment suppresses \(WFY101/);
  // A comment naming no transform of withify's (`# noqa: E501`) holds nothing in place
  const other = 'import json\ny = json.load(open(open("names").read().strip()))  # noqa: E501\n';
  assert.notEqual(transformSource(other).output, other);
  // The comment inside the moved code goes with it; what it does not name is found there
  const inside = 'import json\n\n\ndef main(n):\n    x = json.load(open(open(n).read()  # noqa: WFY101\n                       .strip()))\n    return x\n';
  assert.match(transformSource(inside).findings[0]!.reason!, /found again \(WFY106, `open\(n\)\.read\(\)`\), which no comment there suppresses/);
  // (Rewritten into code without it, the suppressed code holds no fix back: the next test, `Path(p).read_text()`)
  // Moved to another line by an edit with no line break of its own: the file's item put ahead of the wrapper's, on the
  // header's first line, where the comment on its second does not reach
  const header = 'import gzip\n\n\ndef f(q):\n    with gzip.GzipFile(mode="rb",\n                       fileobj=open(open(q).read().strip(), "rb")) as gz:  # noqa: WFY101\n        return gz.read()\n';
  const held = transformSource(header);
  assert.equal(held.output, header);
  assert.match(held.findings.find((f) => f.code === 'WFY102')!.reason!, /^the fix would take code that a comment suppresses \(WFY101, line 6\) away from it, where it would be found again \(WFY101, `open\(q\)\.read\(\)`\)/);
  // Lines joined by a backslash share the comment at their end: the item moved to the first line is still under it;
  // what is found there after the fix (WFY106) was found, unsuppressed, before it (review rw4)
  const joined = 'import gzip\n\n\ndef f(q):\n    with gzip.GzipFile(mode="rb", \\\n                       fileobj=open(open(q).read().strip(), "rb")) as gz:  # noqa: WFY101\n        return gz.read()\n';
  const made = transformSource(joined);
  assert.match(made.output, /with open\(open\(q\)\.read\(\)\.strip\(\), "rb"\) as fh, gzip\.GzipFile\(mode="rb", \\\n/);
  assert.deepEqual(transformSource(made.output).findings.map((f) => f.code), ['WFY106']);
  assert.deepEqual(transformSource(joined).findings.filter((f) => f.code !== 'WFY102').map((f) => f.code), ['WFY106']);
  // But not where a fix parts another suppressed finding from its comment: the first fix splits `z = 1` and the
  // comment off the line, and `json.load(open(…))` would be fixed next (review rw7)
  const parted = 'import json\n\n\ndef f(q, r):\n    y = json.load(open(open(q).read().strip() + open(r).read()\n            .strip(), \'rb\')); z = 1  # noqa: WFY102\n    return y, z\n';
  assert.equal(transformSource(parted).output, parted);
  // Nor where the suppressed call's own text is rewritten too, so that nothing found after the fix traces back to it,
  // nor in a run that selects only the rule whose fix parts them (review rw8)
  const rewritten = 'import json\n\n\ndef f(q):\n    y = json.load(open(open(q).read().strip())); z = 1  # noqa: WFY102\n    return y, z\n';
  assert.equal(transformSource(rewritten).output, rewritten);
  assert.equal(transformSource(parted, { select: ['WFY101'] }).output, parted);
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

const one = (text: string) => transformSource(text, { select: ['open-chain'] });
const lines = (r: ReturnType<typeof one>) => r.findings.map((f) => f.location.line);
const warned = (r: ReturnType<typeof one>) => r.warnings.map((w) => `${w.location.line}:${w.location.column} ${w.message}`);

test('a malformed list suppresses nothing, and says so with its line and column', () => {
  const r = one('x = 1\na = open(p).read()  # withify: ignore[WFY101\n');
  assert.deepEqual(lines(r), [2]);
  assert.equal(r.fixesApplied, 1);
  assert.deepEqual(warned(r), ['2:21 `# withify: ignore[WFY101` has no closing `]`, so it suppresses nothing; write `# withify: ignore[WFY101, open-chain]`']);
  const bad = one('a = open(p).read()  # withify: ignore[WFY101;WFY102]\n');
  assert.deepEqual(lines(bad), [1]);
  assert.match(warned(bad)[0]!, /^1:21 `# withify: ignore\[WFY101;WFY102\]`: "WFY101;WFY102" is not a code or transform id .*suppresses nothing$/);
  const bare = one('a = open(p).read()  # withify: ignore WFY101\n');
  assert.deepEqual(lines(bare), [1]);
  assert.match(warned(bare)[0]!, /^1:21 `# withify: ignore WFY101` needs its codes in brackets/);
});

test('empty brackets suppress nothing, and are reported', () => {
  const r = one('a = open(p).read()  # withify: ignore[]\n');
  assert.deepEqual(lines(r), [1]);
  assert.match(warned(r)[0]!, /^1:21 `# withify: ignore\[\]` names no code, so it suppresses nothing/);
  const noqa = one('a = open(p).read()  # noqa: reviewed\n');
  assert.deepEqual(lines(noqa), [1]);
  assert.match(warned(noqa)[0]!, /^1:21 `# noqa: reviewed` names no code after its colon/);
});

test('a code that names no transform is reported; the other codes of its list still apply', () => {
  const r = one('a = open(p).read()  # withify: ignore[WFY999, WFY101]\nb = 1  # withify: ignore[open-chian]\n');
  assert.deepEqual(lines(r), []);
  assert.deepEqual(warned(r), [
    '1:21 `# withify: ignore[WFY999, WFY101]`: WFY999 names no transform (run `withify list` for the codes and ids); the other codes of the list still apply',
    '2:8 `# withify: ignore[open-chian]`: open-chian names no transform (run `withify list` for the codes and ids)',
  ]);
  // In `# noqa`, only withify's own codes: E501 is another tool's
  assert.deepEqual(warned(one('a = open(p).read()  # noqa: E501, WFY999\n')), ['1:21 `# noqa: E501, WFY999`: WFY999 names no transform (run `withify list` for the codes and ids); the other codes of the list still apply']);
  assert.deepEqual(warned(one('a = 1  # noqa: E501\n')), []);
});

test('`# noqa WFY101` (no colon) is blanket, as Flake8 and Ruff read it, and says so; `# noqa E501` is left to those tools', () => {
  for (const c of ['# noqa WFY101', '# noqa : WFY101', '# NOQA wfy101 reviewed']) {
    const r = transformSource(`a = open(p).read()  ${c}\nb = lambda: open(p).read()  ${c}\n`, { select: ['open-chain', 'pathlib-read-write'] });
    assert.deepEqual(r.findings, [], c);
    const code = /wfy101/i.exec(c)![0];
    assert.deepEqual(warned(r), [1, 2].map((n) => `${n}:${n === 1 ? 21 : 29} \`${c}\` has no colon right after \`noqa\`, so it suppresses every finding on the line (as Flake8 and Ruff read it), not ${code} alone; write \`# noqa: ${code}\``), c);
  }
  assert.deepEqual(one('a = open(p).read()  # noqa E501\n').warnings, []);
  assert.deepEqual(one('a = open(p).read()  # noqa because reviewed\n').warnings, []);
});

test('valid lists and the blanket forms suppress, with no warning; a look-alike in a string is not read', () => {
  for (const c of ['# withify: ignore[WFY101]', '# withify: ignore[wfy101, open-chain]', '# withify: ignore', '# withify: ignore because reviewed', '# noqa', '# noqa: WFY101', '# NOQA:WFY101 reviewed']) {
    const r = one(`a = open(p).read()  ${c}\n`);
    assert.deepEqual([lines(r), r.warnings], [[], []], c);
  }
  assert.deepEqual(one('s = "# withify: ignore[WFY101"\nt = f"{s}# noqa: reviewed"\n').warnings, []);
  // A file with no finding (nothing parsed) still gets its warnings
  assert.deepEqual(warned(one('x = 1  # withify: ignore[]\n')).length, 1);
  // The code of a user transform is known
  const acme = { id: 'acme-x', code: 'ACME001', summary: 's', fixTitle: 's', safety: 'report-only' as const, doc: { whatItDoes: 'a', whyItBreaksOnPyPy: 'b', fixSafety: 'c', notFlagged: 'd' }, examples: [], check: () => [] };
  assert.deepEqual(transformSource('x = 1  # withify: ignore[ACME001, acme-x]\n', { extraTransforms: [acme] }).warnings, []);
});

test('CLI: the warning names file:line:col on stderr (not under --quiet), in json, sarif and github; it changes no exit code', () => {
  const dir = tempDir('suppress-');
  writeFileSync(join(dir, 's.py'), 'x = 1  # withify: ignore[WFY101\n');
  const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const text = cli('check', 's.py');
  assert.equal(text.status, 0);
  assert.equal(text.stderr, 'warning: s.py:1:8: `# withify: ignore[WFY101` has no closing `]`, so it suppresses nothing; write `# withify: ignore[WFY101, open-chain]`\n');
  assert.equal(cli('check', 's.py', '-q').stderr, '');
  const json = JSON.parse(cli('check', 's.py', '--format', 'json').stdout);
  assert.deepEqual(json.files[0].warnings.map((w: { line: number; column: number }) => [w.line, w.column]), [[1, 8]]);
  const sarif = JSON.parse(cli('check', 's.py', '--format', 'sarif').stdout);
  const note = sarif.runs[0].invocations[0].toolExecutionNotifications[0];
  assert.equal(note.level, 'warning');
  assert.deepEqual(note.locations[0].physicalLocation.region, { startLine: 1, startColumn: 8 });
  assert.match(cli('check', 's.py', '--format', 'github').stdout, /^::warning file=s\.py,line=1,col=8,title=withify%3A suppression comment::`# withify: ignore\[WFY101` has no closing/);
  // `fix` places it in the file it wrote
  writeFileSync(join(dir, 's.py'), 'a = open(p).read()  # withify: ignore[]\n');
  const fixed = cli('fix', 's.py'); // `with open(p) as _f:` / `    a = _f.read()  # …`
  assert.equal(fixed.status, 0);
  assert.match(fixed.stderr, /^warning: s\.py:2:20: `# withify: ignore\[\]` names no code/);
});

test('--add-ignore joins an empty list, and adds a comment after a malformed one (which it leaves as it is)', () => {
  const dir = tempDir('suppress-');
  const file = join(dir, 's.py');
  writeFileSync(file, 'a = open(p).read()  # withify: ignore[WFY101\nb = open(p).read()  # withify: ignore[]\nc = open(p).read()  # withify: ignore[WFY101;X]\n');
  const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8' });
  assert.equal(cli('check', 's.py', '--add-ignore').status, 0);
  const once = readFileSync(file, 'utf8');
  assert.equal(once, 'a = open(p).read()  # withify: ignore[WFY101  # withify: ignore[WFY101]\nb = open(p).read()  # withify: ignore[WFY101]\nc = open(p).read()  # withify: ignore[WFY101;X]  # withify: ignore[WFY101]\n');
  const again = cli('check', 's.py', '--add-ignore');
  assert.equal(again.status, 0);
  assert.equal(readFileSync(file, 'utf8'), once);
  // The malformed ones are still reported: they still suppress nothing by themselves
  assert.deepEqual(again.stderr.split('\n').filter(Boolean).map((l) => l.split(' ')[1]), ['s.py:1:21:', 's.py:3:21:']);
});

test('a user transform whose id is one word is named in a bracketed list', () => {
  const popen = {
    id: 'popen',
    code: 'ACME009',
    summary: 's',
    fixTitle: 't',
    safety: 'report-only',
    doc: { whatItDoes: 'a', whyItBreaksOnPyPy: 'b', fixSafety: 'c', notFlagged: 'd' },
    examples: [],
    check: (ctx: { source: string }) => {
      const i = ctx.source.indexOf('TRIG');
      return i < 0 ? [] : [{ id: 'popen', code: 'ACME009', message: 'm', start: i, end: i + 4 }];
    },
  } as unknown as Transform;
  for (const comment of ['# withify: ignore[popen]', '# withify: ignore[ACME009]', '# withify: ignore[Popen, open-chain]']) {
    const r = transformSource(`TRIG = 1  ${comment}\n`, { extraTransforms: [popen] });
    assert.equal(r.findings.length, 0, comment);
    assert.deepEqual(r.warnings, [], comment);
  }
  // Another line's is not suppressed; a word after `ignore` without brackets is still a reason, not a list
  assert.equal(transformSource('TRIG = 1\nx = 2  # withify: ignore[popen]\n', { extraTransforms: [popen] }).findings.length, 1);
  assert.deepEqual(transformSource('TRIG = 1  # withify: ignore because it is fine\n', { extraTransforms: [popen] }).warnings, []);
});
