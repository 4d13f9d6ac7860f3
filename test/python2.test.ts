// Python 2 files: tree-sitter-python reads `print x`, `except E, e:`, `0777`, …, so they parse; withify's fixes
// write Python 3 (`with` over a socket, `:=`), and are not applied to them. Their findings are still reported.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { transformSource } from '../src/api.js';
import { CLI, tempDir } from './helpers.js';

const LEAK = 'def load(p):\n    return open(p).read()\n';

test('a file with a Python 2 form gets no fix, each finding saying which form and where', () => {
  const forms: Array<[string, RegExp]> = [
    ['print "loading"', /a `print` statement on line 4/],
    ['print >>sys.stderr, "x"', /a `print` statement/],
    ['exec "x = 1"', /an `exec` statement/],
    ['try:\n    pass\nexcept ValueError, e:\n    pass', /`except E, e:` on line 6/],
    ['x = `y`', /a backquoted `repr`/],
    ['s = "%s" % `y`', /a backquoted `repr`/],
    ['ok = 1 <> 2', /the `<>` operator/],
    ['mode = 0777', /the octal literal `0777`/],
    ['n = 10L', /the long literal `10L`/],
    ['n = 0xFFFFFFFFL', /the long literal `0xFFFFFFFFL`/],
    ['if not host:\n    raise ValueError, "no host"', /`raise E, v`/],
    ["s = ur'x'", /the string prefix `ur`/],
    ['def f((a, b)):\n    pass', /a tuple parameter/],
    // (Review rv54b: after a keyword, and a tuple parameter not first, or with a default)
    ['def show(y):\n    return `y`', /a backquoted `repr`/],
    ['def show(y):\n    yield `y`', /a backquoted `repr`/],
    ['ok = y and `y`', /a backquoted `repr`/],
    ['def g(a, (b, c)):\n    pass', /a tuple parameter/],
    ['def g(a, (b, c)=(1, 2)):\n    pass', /a tuple parameter/],
  ];
  for (const [form, what] of forms) {
    const text = `${LEAK}\n${form}\n`;
    const r = transformSource(text, { select: ['open-chain'] });
    assert.equal(r.output, text, form);
    assert.equal(r.findings.length, 1, form);
    assert.equal(r.findings[0]!.fixStatus, 'none', form);
    assert.match(r.findings[0]!.reason ?? '', /^the file is Python 2 \(/, form);
    assert.match(r.findings[0]!.reason ?? '', what, form);
  }
});

test('their Python 3 look-alikes are fixed', () => {
  for (const form of ['print("loading")', 'print ("x")', 'exec("x = 1")', 'try:\n    pass\nexcept (ValueError, KeyError) as e:\n    pass', 'try:\n    pass\nexcept* ValueError:\n    pass', 'ok = 1 != 2', 'mode = 0o777', 'zero = 000', 'n = 10', "s = rb'x'", 'def f(a, b=(1, 2)):\n    pass', 'def f(a, b: tuple = (1, 2), *c):\n    pass', 'x = "return `y`"', '# yield `y`', 'print = 3', '# print "x" in a comment', 's = "print x"', 'print >> sys.stderr', 'raise (ValueError, 1)', 'n = 0xFF']) {
    const text = `${LEAK}\n${form}\n`;
    assert.equal(transformSource(text, { select: ['open-chain'] }).fixesApplied, 1, form);
  }
});

test('check says so too, where it parses only part of the file', () => {
  const dir = tempDir('withify-py2-');
  const body = Array.from({ length: 40 }, (_, k) => `def other${k}():\n    return ${k}\n`).join('\n');
  writeFileSync(join(dir, 'old.py'), `import socket\n\n\n${LEAK}\n\n${body}\n\ndef main():\n    print "done"\n`);
  const check = spawnSync(process.execPath, [CLI, 'check', '--no-cache', 'old.py'], { cwd: dir, encoding: 'utf8' });
  assert.match(check.stdout, /^old\.py:5:12 WFY101 .*\(not fixed: the file is Python 2 \(a `print` statement on line \d+\)/m);
  const fix = spawnSync(process.execPath, [CLI, 'fix', '--no-cache', 'old.py'], { cwd: dir, encoding: 'utf8' });
  assert.match(fix.stdout, /0 files changed, 0 fixes applied, 1 finding left/, fix.stderr);
});
