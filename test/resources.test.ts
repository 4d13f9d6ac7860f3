// The resource catalog: entries well-formed, the text hint covers them, and the per-kind rules hold.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { transformSource } from '../src/api.js';
import { RESOURCE_CALLS, RESOURCE_HINT_RE } from '../src/python/resources.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SNAPSHOTS } from './helpers.js';

test('every catalog entry is complete and the cheap text hint finds its name', () => {
  for (const [name, spec] of RESOURCE_CALLS) {
    assert.equal(spec.name, name);
    assert.ok(spec.asNames.length > 0 && spec.eagerMethods.size > 0, name);
    // A file using it imports its module (`from socket import create_connection`) unless it is a builtin.
    const use = name.startsWith('builtins.') ? `x = ${name.split('.').pop()}(p)` : `from ${name.split('.')[0]} import x\nx = ${name.split('.').pop()}(p)`;
    assert.ok(RESOURCE_HINT_RE.test(use), `${name}: RESOURCE_HINT_RE would skip files using it`);
    assert.ok(!spec.eagerMethods.has('close'), `${name}: close() is not a use`);
  }
});

const chain = (src: string, targetVersion?: [number, number]) =>
  transformSource(src, { select: ['open-chain'], ...(targetVersion ? { targetVersion } : {}) });

test('sqlite3: a cursor consumed at once or thrown away is fine, a cursor kept is not', () => {
  assert.equal(chain('import sqlite3\nn = sqlite3.connect(d).execute(q).fetchone()\n').fixesApplied, 1);
  assert.equal(chain('import sqlite3\nsqlite3.connect(d).executemany(q, rows)\n').fixesApplied, 1);
  const kept = chain('import sqlite3\ncur = sqlite3.connect(d).execute(q)\n');
  assert.equal(kept.fixesApplied, 0);
  assert.match(kept.findings[0]!.reason!, /`\.execute\(\)` is not an eager method withify knows to return plain data \(docs\/resources.md\): it may return an object that still uses the database connection/);
  // `iterdump()` is a lazy generator over the connection
  assert.equal(chain('import sqlite3\nlines = sqlite3.connect(d).iterdump()\n').fixesApplied, 0);
});

test('Popen: only wait(); below 3.2 (no with, no close) not a resource at all', () => {
  assert.equal(chain('import subprocess\nsubprocess.Popen(c, stdout=subprocess.PIPE).wait()\n').fixesApplied, 1);
  for (const m of ['poll', 'kill', 'terminate', 'send_signal']) {
    const r = chain(`import subprocess\nsubprocess.Popen(c, stdout=subprocess.PIPE).${m}()\n`);
    assert.equal(r.fixesApplied, 0, m);
    assert.match(r.findings[0]!.reason!, /does not wait for the process, and a `with` would/);
  }
  assert.equal(chain('import subprocess\nsubprocess.Popen(c, stdout=subprocess.PIPE).wait()\n', [3, 1]).findings.length, 0);
});

test('Popen: a call that asks for no pipe leaves nothing to close, and communicate() closes the pipes itself', () => {
  const none = (src: string) => transformSource(`import subprocess\nfrom subprocess import DEVNULL, PIPE, STDOUT, Popen\n${src}`, {}).findings;
  for (const src of [
    'Popen(c).wait()\n',
    'Popen(c, env=e, cwd=d).poll()\n',
    'subprocess.Popen(c, stdin=None, stdout=DEVNULL, stderr=subprocess.STDOUT).wait()\n',
    'p = Popen(c)\np.wait()\n',
    'Popen(c, stdout=PIPE, stderr=PIPE).communicate()\n',
    'out, err = Popen(c, stdin=PIPE, stdout=PIPE).communicate(data)\n',
    'def f(c):\n    p = Popen(c, stdout=PIPE)\n    out, _ = p.communicate()\n    return out\n',
    'x = Popen(c, stdout=PIPE).stdout\n', // kept: its keeper's to close
    'Popen(c, stdin=PIPE).stdin.close()\n',
    // A `\` continuation is no argument: no timeout by position, no pipe by position
    'out, err = Popen(c, stdin=PIPE, stdout=PIPE).communicate( \\\n    data)\n',
    'Popen(c, \\\n    stdout=DEVNULL).wait()\n',
    // A file is no pipe: made in the argument, or a name every binding of which is one
    'def f(c, log):\n    with open(log, "w") as out:\n        p = Popen(c, stdout=out, stderr=STDOUT)\n    p.wait()\n',
  ]) assert.deepEqual(none(src).map((f) => f.message), [], src);
  // A name, a number, a position past `executable`, or `**kwargs` may ask for a pipe
  for (const src of ['Popen(c, stdout=out).wait()\n', 'def f(c, out):\n    if c:\n        out = open(c)\n    Popen(c, stdout=out).wait()\n', 'Popen(c, stdout=-1).wait()\n', 'Popen(c, -1, None, PIPE).wait()\n', 'Popen(c, **kw).wait()\n']) {
    assert.equal(none(src).filter((f) => /pipes are never closed/.test(f.message)).length, 1, src);
  }
  // Bound to a name, with `**kw`: the message says the pipes are only maybe asked for
  assert.match(none('def run(args, **kw):\n    p = Popen(args, **kw)\n    return p.wait()\n')[0]?.message ?? '', /: the process's pipes are never closed \(if `\*\*kw` asks for any\); PyPy closes them/);
  // The file handed to the child is the only finding (open-argument's, fixed)
  assert.deepEqual(none('def f(c, log):\n    p = Popen(c, stdout=open(log, "w"))\n    p.wait()\n').map((f) => f.message), ['`Popen(…, stdout=open(...))`: the file is never closed; PyPy closes it only when the GC runs']);
  // Whatever the catalog makes is no pipe: a pipe of os.popen, a socket
  for (const src of ['def f(c, other):\n    p = Popen(c, stdin=os.popen(other))\n    p.wait()\n', 'def f(c, addr):\n    p = Popen(c, stdout=socket.create_connection(addr))\n    p.wait()\n']) {
    assert.ok(none(`import os, socket\n${src}`).every((f) => !/`p\.std(in|out)` is never closed/.test(f.message)), src);
  }
  // The assignment form without communicate() is still reported, by its pipes
  const kept = none('def f(c):\n    p = Popen(c, stdout=PIPE)\n    p.wait()\n    return p.stdout\n');
  assert.equal(kept.length, 1);
  assert.match(kept[0]!.message, /^`p = Popen\(\.\.\.\)`: `p\.stdout` is never closed; PyPy closes it only when the GC runs$/);
});

test('Popen kept in a name: pipes the code closes by hand are no finding, the others are named', () => {
  const findings = (body: string) =>
    transformSource(`import os, subprocess, sys, tempfile\nfrom subprocess import DEVNULL, PIPE, Popen\n\ndef f(self, c, out, bg, kw):\n${body.replace(/^/gm, '    ')}\n`, { select: ['open-assign'] }).findings.filter((f) => f.message.includes('Popen'));
  for (const body of [
    // Closed by hand, or by whoever calls the bound method, or by a `with` over the pipe
    'p = Popen(c, stdin=PIPE)\np.stdin.write(b"x")\np.stdin.close()\np.wait()',
    'p = Popen(c, stdout=PIPE, stderr=PIPE)\nself.addCleanup(p.stdout.close)\nself.addCleanup(p.stderr.close)\np.wait()',
    'p = Popen(c, stdout=PIPE)\nwith p.stdout as pipe:\n    data = pipe.read()\np.wait()',
    'p = Popen(c, stdin=PIPE)\nself.enterContext(p.stdin)',
    // communicate() closes every pipe (with a timeout too, where it returns)
    'p = Popen(c, stdout=PIPE, stderr=PIPE)\ntry:\n    out, err = p.communicate(timeout=5)\nexcept:\n    p.kill()\n    p.wait()\n    raise',
    // No pipe: a file, a descriptor, a number, a sys stream, DEVNULL through a name, a falsy value or None
    'tf = tempfile.TemporaryFile()\np = Popen(c, stdin=tf)\np.wait()',
    'fd = os.open(c, os.O_RDONLY)\np = Popen(c, stdin=fd, stdout=out.fileno(), stderr=2)\np.wait()',
    'p = Popen(c, stdout=sys.stdout, stderr=sys.__stderr__)\np.wait()',
    'inout = DEVNULL if bg else None\np = Popen(c, stdin=inout, stdout=(bg and inout or None), stderr=inout)\np.wait()',
  ]) assert.deepEqual(findings(body).map((f) => f.message), [], body);

  const one = (body: string) => {
    const r = findings(body);
    assert.equal(r.length, 1, body);
    return `${r[0]!.message} | ${r[0]!.reason}`;
  };
  // Only the pipe left open is named; the code waits, so a `with` would add a wait only where an exception leaves
  assert.equal(
    one('p = Popen(c, stdout=PIPE, stderr=PIPE)\np.stdout.close()\np.wait()'),
    '`p = Popen(...)`: `p.stderr` is never closed; PyPy closes it only when the GC runs | a `with` would also wait for the process where an exception leaves the code before `p.wait()`, which CPython did not: close `p.stderr` by hand (`p.stderr.close()`) where the code is done with it',
  );
  assert.equal(
    one('p = Popen(c, stdin=PIPE, stdout=PIPE)\ndata = p.stdout.read()'),
    '`p = Popen(...)`: `p.stdin` and `p.stdout` are never closed; PyPy closes them only when the GC runs | a `with` would wait for the process to end, which the code never waited for: close `p.stdin` and `p.stdout` by hand (`p.stdin.close()`) where the code is done with them',
  );
  // What may be PIPE is said so; `-1` is PIPE's value; `**kw` may ask for any pipe
  assert.match(one('p = Popen(c, stdin=out)\np.wait()'), /^`p = Popen\(\.\.\.\)`: `p\.stdin` is never closed \(if `stdin=out` is `subprocess\.PIPE`\); /);
  assert.match(one('p = Popen(c, stdout=-1)\np.wait()'), /`p\.stdout` is never closed \(if `stdout=-1` is `subprocess\.PIPE`\)/);
  assert.match(one('p = Popen(c, **kw)\np.wait()'), /^`p = Popen\(\.\.\.\)`: the process's pipes are never closed \(if `\*\*kw` asks for any\); /);
  // Handed on whole: the finding says where, as for a file
  assert.match(one('p = Popen(c, stdout=PIPE)\nreturn wrap(p.stdout, p)'), /^`p = Popen\(\.\.\.\)`: the process's pipes are never closed; .* \| passed to `wrap\(\)`, which is not known to leave it alone/);
  // A name bound to the call it is given to is asked about once, not forever
  assert.equal(findings('p = Popen(c, stdout=p)\np.wait()').length, 1);
});

test('Popen: a pipe used at once is reported, never wrapped (a with would also wait for the process)', () => {
  for (const src of ['x = subprocess.Popen(c, stdout=subprocess.PIPE).stdout.read()\n', 'for line in subprocess.Popen(c, stdout=subprocess.PIPE).stdout:\n    print(line)\n']) {
    const r = transformSource(`import subprocess\n${src}`, {});
    assert.equal(r.fixesApplied, 0, src);
    assert.equal(r.findings.length, 1, src);
    assert.match(r.findings[0]!.reason!, /`\.stdout` is one of the process's pipes, and a `with` would also wait for the process/, src);
  }
});

test('Popen: communicate() and wait() that may time out are reported, not fixed (a with would wait on past the timeout)', () => {
  for (const call of ['communicate(timeout=5)', 'communicate(data, 5)', 'wait(5)', 'wait(timeout=t)', 'communicate(*args)', 'wait(**kw)', 'communicate(data, \\\n    5)']) {
    const r = chain(`import subprocess\nout = subprocess.Popen(c, stdout=subprocess.PIPE).${call}\n`);
    assert.equal(r.fixesApplied, 0, call);
    assert.match(r.findings[0]!.reason!, /may give up at its timeout and leave the process running, and a `with` would then wait for it with no timeout/, call);
  }
  assert.equal(chain('import subprocess\nout = subprocess.Popen(c, stdout=subprocess.PIPE).wait()\n').fixesApplied, 1);
  // The same in an argument: the process's flow stops at the call that may time out
  assert.equal(transformSource('import subprocess\nprint(subprocess.Popen(c, stdout=subprocess.PIPE).wait(timeout=1))\n', {}).fixesApplied, 0);
});

test('below a resource\'s with-since version, contextlib.closing manages it', () => {
  const r = chain('import mmap\nn = mmap.mmap(fd, 0).size()\n', [3, 1]);
  assert.equal(r.output, 'import contextlib\nimport mmap\nwith contextlib.closing(mmap.mmap(fd, 0)) as _mm:\n    n = _mm.size()\n');
  assert.equal(chain('import mmap\nn = mmap.mmap(fd, 0).size()\n', [3, 2]).output, 'import mmap\nwith mmap.mmap(fd, 0) as _mm:\n    n = _mm.size()\n');
});

test('views and lazy methods of the new kinds are reported, not fixed', () => {
  for (const src of [
    'import shelve\nks = shelve.open(p).keys()\n',
    'import socket\nf = socket.socket().makefile()\n',
    'import socket\nconn, addr = socket.create_server(a).accept()\n',
  ]) {
    const r = chain(src);
    assert.equal(r.fixesApplied, 0, src);
    assert.equal(r.findings.length, 1, src);
  }
});

test('a socket\'s detach() leaves it holding no descriptor: no finding; an io object\'s detach() hands out the raw stream, still reported', () => {
  const all = (src: string) => transformSource(src, {}).findings;
  // trio's `_socket.py`: a socket made round a descriptor only to ask it something, then detached
  for (const src of [
    'import socket\n\ndef sniff(fileno):\n    s = socket.socket(fileno=fileno)\n    try:\n        t = s.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE)\n    finally:\n        s.detach()\n    return t\n',
    'import socket\nfd = socket.socket().detach()\n',
  ]) assert.deepEqual(all(src).map((f) => f.message), [], src);
  // A detach() on some paths only: the others leave the socket to the GC
  for (const src of [
    'import socket\n\ndef c(addrs):\n    for addr in addrs:\n        s = socket.socket()\n        s.connect(addr)\n    return s.detach()\n',
    'import socket\n\ndef c(addr, keep):\n    s = socket.socket()\n    s.connect(addr)\n    if keep:\n        return s.detach()\n    return None\n',
    // (and one that raises before it: `sendall`)
    'import socket\n\ndef take(addr):\n    s = socket.create_connection(addr)\n    s.sendall(b"x")\n    return s.detach()\n',
  ]) {
    assert.deepEqual(all(src).map((f) => f.code), ['WFY105'], src);
    // (withify knows `detach()`: the reason is the paths it does not run on, not an unknown method)
    assert.match(all(src)[0]!.reason!, /^`\.detach\(\)` does not run on every path/, src);
  }
  for (const src of [
    'def raw(p):\n    f = open(p, "rb")\n    r = f.detach()\n    return r.read()\n',
    'r = open(p, "rb").detach()\n',
  ]) {
    const r = all(src);
    assert.equal(r.length, 1, src);
    assert.equal(r[0]!.fixStatus, 'none', src);
    assert.match(r[0]!.reason!, /`\.detach\(\)` (is not an eager method withify knows to return plain data \(docs\/resources.md\): it )?may return an object that still uses/, src);
  }
});

test('a with over a wrapper that closes what it wraps is no finding; over one that borrows it, the file joins the with', () => {
  const owns = transformSource('import io\nwith io.TextIOWrapper(open(p, "rb"), encoding="utf-8") as t:\n    data = t.read()\n', {});
  assert.deepEqual(owns.findings, []);
  const borrows = transformSource('import gzip\nwith gzip.GzipFile(fileobj=open(p, "rb")) as gz:\n    data = gz.read()\n', {});
  assert.equal(borrows.output, 'import gzip\nwith open(p, "rb") as _f, gzip.GzipFile(fileobj=_f) as gz:\n    data = gz.read()\n');
  // Returned, the wrapper is the caller's, as `return open(p)` gives it the file; a borrowing or lazy one is not
  const returned = (body: string) => transformSource(`import gzip, io\n\ndef reader(p):\n    return ${body}\n`, {}).findings.map((f) => f.code);
  assert.deepEqual(returned('io.TextIOWrapper(open(p, "rb"), encoding="utf-8")'), []);
  assert.deepEqual(returned('(io.BufferedReader(open(p, "rb", buffering=0)))'), []);
  assert.deepEqual(returned('io.TextIOWrapper(open(p, "rb")), 1'), ['WFY102']);
  assert.deepEqual(returned('gzip.GzipFile(fileobj=open(p, "rb"))'), ['WFY102']);
  assert.deepEqual(returned('iter(open(p))'), ['WFY102']);
});

test('a call that the code around it patches with a mock makes no resource; a patch of another module or test leaves it one', () => {
  const head = 'import builtins, gzip, pathlib, socket, sys\nfrom unittest import mock\nfrom unittest.mock import patch\nfrom urllib.request import urlopen\n';
  const codes = (src: string) => transformSource(head + src, {}).findings.map((f) => f.code);
  const sock = '    s = socket.socket()\n    s.connect(a)\n    s.close()\n';
  for (const src of [
    "@patch('builtins.open')\ndef test(m):\n    return open(p).read()\n",
    "@mock.patch('__builtin__.open')\ndef test(m):\n    return open(p).read()\n",
    "@patch(__name__ + '.open')\ndef test(m):\n    return open(p).read()\n",
    "@patch('%s.open' % __name__, create=True)\ndef test(m):\n    return open(p).read()\n",
    "def test():\n    with mock.patch(f'{__name__}.open', create=True):\n        return open(p).read()\n",
    "def test():\n    with patch(target='builtins.open', new=mock.mock_open()):\n        f = open(p)\n        f.read()\n        f.close()\n",
    "class T:\n    @mock.patch.object(builtins, 'open')\n    def test(self, m):\n        return open(p).read()\n",
    `@patch.object(socket, 'socket')\ndef test(m):\n${sock}`,
    `@patch('socket.socket')\ndef test(m):\n${sock}`,
    '@mock.patch.multiple(builtins, open=mock.DEFAULT)\ndef test(**m):\n    return open(p).read()\n',
    "def test(monkeypatch):\n    monkeypatch.setattr('builtins.open', fake)\n    return open(p).read()\n",
    "def test(monkeypatch):\n    monkeypatch.setattr(sys.modules[__name__], 'open', fake)\n    return open(p).read()\n",
    "@patch('builtins.open')\nclass T:\n    def test(self, m):\n        return open(p).read()\n",
    "class T:\n    def setUp(self):\n        patch('builtins.open').start()\n\n    def test(self):\n        return open(p).read()\n",
    "@patch.object(pathlib.Path, 'open')\ndef test(m):\n    return pathlib.Path(p).open().read()\n",
    "@patch('gzip.open')\ndef test(m):\n    return gzip.open(p).read()\n",
    "@patch('urllib.request.urlopen')\ndef test(m):\n    return urlopen(u).read()\n",
  ]) assert.deepEqual(codes(src), [], src);
  for (const [src, code] of [
    [`@patch('asyncio.base_events.socket')\ndef test(m):\n${sock}`, 'WFY104'],
    ["@patch('foo.reopen')\ndef test(m):\n    return open(p).read()\n", 'WFY101'],
    ["@patch('builtins.print')\ndef test(m):\n    return open(p).read()\n", 'WFY101'],
    ["@patch('gzip.open')\ndef test(m):\n    return open(p).read()\n", 'WFY101'],
    ["@patch('builtins.open')\ndef other(m):\n    pass\n\ndef test():\n    return open(p).read()\n", 'WFY101'],
    ["class T:\n    def test_a(self):\n        patch('builtins.open').start()\n\n    def test_b(self):\n        return open(p).read()\n", 'WFY101'],
  ] as const) assert.deepEqual(codes(src), [code], src);
});

test('a tar archive that may be open for writing, never closed: the fix is unsafe (closing writes the end CPython never wrote); reading ones and zip archives stay safe', () => {
  const rated = (src: string) =>
    transformSource(`import io, tarfile, zipfile\n${src}`, {}).findings.map((f) => `${f.code} ${f.fix?.applicability ?? 'none'}${/end-of-archive/.test(f.message) ? ' end' : ''}${/may be open for writing/.test(f.message) ? ' maybe' : ''}`);
  const body = (open: string) => `def f(p, m, b):\n    t = ${open}\n    t.${open.startsWith('zip') ? 'namelist' : 'getnames'}()\n    return 1\n`;
  // Ex) moto's file2tar: a `with` makes the returned buffer 10,240 bytes instead of 1,024; written into a file object
  // the code holds, a plain tar owns nothing and no interpreter finishes it at the drop: not reported at all
  assert.deepEqual(rated(body('tarfile.TarFile(fileobj=b, mode="w")')), []);
  assert.deepEqual(rated(body('tarfile.open(fileobj=b, mode="w:gz")')), ['WFY105 unsafe end']);
  assert.deepEqual(rated(body('tarfile.TarFile(p, "w")')), ['WFY105 unsafe end']);
  assert.deepEqual(rated(body('tarfile.open(p, "w:gz")')), ['WFY105 unsafe end']);
  assert.deepEqual(rated(body("tarfile.open(p, 'a')")), ['WFY105 unsafe end']);
  assert.deepEqual(rated(body('tarfile.open(p, m)')), ['WFY105 unsafe end maybe']);
  assert.deepEqual(rated(body('tarfile.open(p, *m)')), ['WFY105 unsafe end maybe']);
  for (const open of ['tarfile.open(p)', 'tarfile.open(p, "r:*")', 'tarfile.open(p, mode="r|gz")', 'tarfile.TarFile(p)', 'zipfile.ZipFile(p, "w")', 'zipfile.ZipFile(p, mode=m)']) {
    assert.deepEqual(rated(body(open)), ['WFY105 safe'], open);
  }
  assert.deepEqual(rated('tarfile.open(p, "w").add(x)\n'), ['WFY101 unsafe end']);
  assert.deepEqual(rated('tarfile.open(p).extractall(d)\n'), ['WFY101 safe']);
  // Every fix that adds the close builds its `with` item in one place (withItemFor): a call's argument, a loop, and
  // an archive a `with` item only borrows
  assert.deepEqual(rated('n = list(tarfile.open(p, "a"))\n'), ['WFY102 unsafe end']);
  assert.deepEqual(rated('n = list(tarfile.open(p))\n'), ['WFY102 safe']);
  assert.deepEqual(rated('for m in tarfile.open(p, "a"):\n    print(m)\n'), ['WFY103 unsafe end']);
  assert.deepEqual(rated('with tarfile.open(fileobj=tarfile.open(p, "w"), mode="r") as t:\n    pass\n'), ['WFY102 unsafe end']);
  // One `with` closes both: the file's fix is as unsafe as the archive's, and says why
  const shared = transformSource('import tarfile\ntarfile.open(p, "w").add(open(a).read().strip())\n', {}).findings;
  assert.deepEqual(shared.map((f) => f.fix?.applicability), ['unsafe', 'unsafe']);
  assert.match(shared[1]!.message, /its `with` also closes another resource of the statement/);
});

test('a resource that may write is made first only after what cannot raise: names surely bound, not a loop variable', () => {
  const fixed = (body: string) =>
    transformSource(`import json\n\nCONFIG = {"a": 1}\n\n\ndef save(path, data, items, cfg, *args):\n${body.replace(/^/gm, '    ')}\n\n\nLATER = 1\n`, { select: ['open-argument'] }).fixesApplied;
  for (const body of [
    'json.dump(data, open(path, "w"))',
    'json.dump(CONFIG, open(path, "w"), indent=2)',
    'json.dump({"k": data, "n": -1}, open(path, "w"))',
    // An attribute of a module, or of a literal: there whatever the function is given
    'print(json.__name__, ", ".join, *args, file=open(path, "a"))',
    'print(f"plain", *args, file=open(path, "a"))',
    'try:\n    value = load()\nexcept OSError:\n    value = None\njson.dump(value, open(path, "w"))',
    'try:\n    value = load()\nexcept OSError:\n    raise\njson.dump(value, open(path, "w"))',
    // Read-only: opening first changes no file
    'for it in items:\n    last = it\nprint(last, json.load(open(path)))',
    'if (n := len(data)) > 1:\n    pass\njson.dump(n, open(path, "w"))',
    // `del items[0]` unbinds no name
    'del items[0]\njson.dump(items, open(path, "w"))',
    // A chain's first two operands always run
    'if 1 < (n := len(data)):\n    pass\njson.dump(n, open(path, "w"))',
    // A file's `with` swallows no exception: its body ran
    'with open(path) as src:\n    text = src.read()\nprint(text, file=open(path, "w"))',
  ]) assert.equal(fixed(body), 1, body);
  for (const body of [
    'for it in items:\n    last = it\njson.dump(last, open(path, "w"))',
    'if data:\n    text = data.strip()\nprint(text, file=open(path, "w"))',
    'try:\n    value = load()\nexcept OSError:\n    pass\njson.dump(value, open(path, "w"))',
    'json.dump(-data, open(path, "w"))',
    // `None` there raised `AttributeError`, a field's `__format__` may raise: the file was left as it was
    'json.dump(cfg.data, open(cfg.path, "w"))',
    'print(f"{data!r} and {cfg}", *args, file=open(path, "a"))',
    // A `:=` in a comprehension runs once per item, none for none; a `del` over lines still deletes
    'if any((last := x) for x in items):\n    pass\njson.dump(last, open(path, "w"))',
    '[last := x for x in items]\njson.dump(last, open(path, "w"))',
    // An `elif` runs when the `if` failed, a chain's third operand when the first comparison held, an `assert` never
    // under `python -O`
    'if data:\n    pass\nelif (n := len(items)):\n    pass\njson.dump(n, open(path, "w"))',
    'if 1 < len(items) < (n := len(data)):\n    pass\njson.dump(n, open(path, "w"))',
    'assert (n := len(data))\njson.dump(n, open(path, "w"))',
    // A bare tuple statement: its items run in turn
    'print(path), json.dump(data, open(path, "w"))',
    'json.dump(data, open(path, "w")), print(open(path).read())',
    // A string's field in a set, an attribute through parentheses, a dunder that may be `None`
    'print({f"{data}"}, file=open(path, "w"))',
    'json.dump((cfg).data, open(path, "w"))',
    // An object a module holds (`conf.settings.DATA` may be lazy): one attribute of a module only
    'json.dump(json.decoder.JSONDecoder, open(path, "w"))',
    'json.dump(__spec__.name, open(path, "w"))',
    'last = 1\nif data:\n    del (\n        last\n    )\njson.dump(last, open(path, "w"))',
    'json.dump({data: 1}, open(path, "w"))',
    'json.dump(undefined_name, open(path, "w"))',
    'del data\njson.dump(data, open(path, "w"))',
    'if data and (n := len(data)):\n    pass\njson.dump(n, open(path, "w"))',
    'for j in items:\n    break\nelse:\n    pass\njson.dump(j, open(path, "w"))',
    'x: int\njson.dump(x, open(path, "w"))',
    'try:\n    import yaml\nexcept ImportError:\n    pass\njson.dump(yaml, open(path, "w"))',
    'data = 1\ntry:\n    int("a")\nexcept ValueError as data:\n    pass\njson.dump(data, open(path, "w"))',
    'json.dump(1, open(path, "w"))\nimport json',
    'json.dump(LATER, open(path, "w"))',
    // Python deletes an `except … as e` name when its handler ends
    'try:\n    pass\nexcept ValueError as e:\n    pass\njson.dump(e, open(path, "w"))',
    // Another `with` may swallow the exception before the binding
    'with cfg.lock() as held:\n    text = held.read()\nprint(text, file=open(path, "w"))',
  ]) assert.equal(fixed(body), 0, body);
  // An attribute of a module, not of an object another module gave (`settings` may be lazy, its attributes raising)
  const imported = (head: string, line: string) => transformSource(`${head}\nimport json\n\n\ndef save(path):\n    ${line}\n`, { select: ['open-argument'] }).fixesApplied;
  assert.equal(imported('import os.path', 'json.dump(os.sep, open(path, "w"))'), 1);
  assert.equal(imported('from conf import settings', 'json.dump(settings.DATA, open(path, "w"))'), 0);
  const r = transformSource('import json\n\ndef save(path, items):\n    for it in items:\n        last = it\n    json.dump(last, open(path, "w"))\n', { select: ['open-argument'] });
  assert.match(r.findings[0]!.reason!, /^`last` may raise before it \(a name not bound on every path\), where the statement then made nothing: a `with` header would make it first, and a file opened for writing would be emptied$/);
});

test('pathlib-read-write: an empty mode is no default (open(p, "") raises ValueError), so it has no Path counterpart', () => {
  const r = (mode: string) => transformSource(`load = lambda p: open(p${mode}).read()\n`, { select: ['pathlib-read-write'], unsafeFixes: true }).fixesApplied;
  assert.equal(r(''), 1);
  assert.equal(r(', "r"'), 1);
  assert.equal(r(', ""'), 0);
});

test('a read through io.TextIOWrapper / io.BufferedReader over a file is fixed; a write through one is reported with the buffer as its reason', () => {
  const r = transformSource(readFileSync(join(SNAPSHOTS, 'open-argument', 'wrapper-read.in.py'), 'utf8'), { select: ['open-argument'] });
  assert.equal(r.fixesApplied, 3);
  assert.equal(r.findings.filter((f) => f.fixStatus === 'none').length, 1);
  assert.match(r.findings.find((f) => f.fixStatus === 'none')!.reason!, /^the `io.TextIOWrapper` over it buffers what `.write\(\)` writes, and flushes it only when closed/);
  // An unknown method of a wrapper says what withify does not know, not that the object is kept
  assert.match(transformSource('import csv\ndef h(p):\n    return csv.DictReader(open(p)).fieldnames\n', {}).findings[0]!.reason!, /^`.fieldnames` of the `csv.DictReader` over it is not an attribute withify knows to hold plain data/);
});

test('the catalog\'s own name set for good in the file (builtins.open = R, io.open = R, setattr(builtins, "open", R)) makes no resource; a patch the file undoes does', () => {
  const fixes = (pre: string, call = 'open') => transformSource(`import builtins, io, socket\nR = list\n${pre}\n\ndef main():\n    print(${call}("d.txt").read())\n`, {}).fixesApplied;
  assert.equal(fixes(''), 1);
  for (const pre of ['builtins.open = R', 'setattr(builtins, "open", R)', '__builtins__.open = R', '__builtins__["open"] = R', 'import __main__\n__main__.open = R']) assert.equal(fixes(pre), 0, pre);
  assert.equal(fixes('io.open = R', 'io.open'), 0);
  // io.open set says nothing of the builtin
  assert.equal(fixes('io.open = R'), 1);
  // `old = socket.socket` / `socket.socket = Mock` / … / `socket.socket = old`: the test's patch, undone
  assert.equal(transformSource('import socket\ndef t():\n    old = socket.socket\n    socket.socket = Mock\n    try:\n        run()\n    finally:\n        socket.socket = old\ndef main(h):\n    s = socket.socket()\n    s.connect(h)\n    s.close()\n', {}).fixesApplied, 1);
});

test('what runs before a resource in its statement: a comment between the arguments runs nothing; a loop target or `with` name read in its own body is bound', () => {
  const fixed = (src: string) => transformSource(src, {}).fixesApplied;
  assert.equal(fixed('import json\ndef f(p, o):\n    json.dump(o,  # the obj\n              open(p, "w"))\n'), 1);
  assert.equal(fixed('import json\ndef f(items, out):\n    for obj in items:\n        json.dump(obj, open(out + obj, "w"))\n'), 1);
  assert.equal(fixed('import shutil\ndef g(a, b):\n    with open(a, "rb") as src:\n        shutil.copyfileobj(src, open(b, "wb"))\n'), 1);
  // (a loop target read after its loop may be unbound: `for obj in []`)
  assert.match(transformSource('import json\ndef f(items, out):\n    for obj in items:\n        pass\n    json.dump(obj, open(out, "w"))\n', {}).findings[0]!.reason!, /`obj` may raise before it \(a name not bound on every path\)/);
});

test('a patch of the catalog name in the file under an alias, an annotation, a tuple target, __dict__ or sys.modules counts; a read or an argument does not', () => {
  const fixes = (pre: string) => transformSource(`import builtins, sys\nR = list\n${pre}\n\ndef main():\n    print(open("d.txt").read())\n`, {}).fixesApplied;
  for (const pre of ['import builtins as _b\n_b.open = R', 'builtins.open: Any = R', 'builtins.__dict__["open"] = R', 'sys.modules["builtins"].open = R', 'if True:\n    builtins.open = R', 'x = 1; builtins.open = R']) assert.equal(fixes(pre), 0, pre);
  // After a `:` on its line, over lines (`setattr(` / `builtins, …`, a `\\`), chained, parenthesised
  for (const pre of ['if 1: builtins.open = R', 'setattr(\n    builtins, "open", R)', 'setattr(builtins,\n "open", R)', 'builtins.open \\\n= R', 'builtins.\\\nopen = R', 'x = builtins.open = R', '(builtins.open) = R']) assert.equal(fixes(pre), 0, pre);
  for (const pre of ['print(builtins.open, end="")', 'x = builtins.open', 'if builtins.open == R:\n    pass', 'f(1,\n  builtins.open, mode=2)']) assert.equal(fixes(pre), 1, pre);
  assert.equal(transformSource('import socket as _socket\n_socket.socket = Fake\ndef m(h):\n    s = _socket.socket()\n    s.connect(h)\n    s.close()\n', {}).fixesApplied, 0);
});

test("an f-string's field runs the value's __format__: a resource after one in its statement is not made first", () => {
  const run = (line: string) => transformSource(`def show(w, p):\n    ${line}\n`, { select: ['open-chain'] });
  // Ex) a `__format__` that makes the file, or raises: the `with` would open it before that code ran
  const r = run('print(f"{w}", open(p).read())');
  assert.equal(r.fixesApplied, 0);
  assert.match(r.findings[0]!.reason!, /^`f"\{w\}"` runs before it in this statement; a `with` header would run it first$/);
  assert.equal(run('print(f"{w!s:>4}", open(p).read())').fixesApplied, 0);
  // No field, or `{{` only: no code
  assert.equal(run('print(f"w", open(p).read())').fixesApplied, 1);
  assert.equal(run('print(f"{{w}}", open(p).read())').fixesApplied, 1);
});

test('a `*` unpacking reads the resource as it is met: the items after it run with it open under a `with`', () => {
  const run = (src: string) => transformSource(src, { select: ['open-chain'] });
  // Ex) an `await` after it: many coroutines at once would each hold a file while suspended
  let r = run('async def f(p, g):\n    x = [*open(p), await g()]\n    print(*open(p), await g())\n    return x\n');
  assert.equal(r.fixesApplied, 0);
  assert.match(r.findings[0]!.reason!, /^`await g\(\)` suspends the coroutine after the file is done with/);
  // Ex) a second open of a locking database after it
  r = run('import shelve\n\n\ndef f(bump):\n    keys = [*shelve.open("db"), bump()]\n    return keys\n');
  assert.equal(r.fixesApplied, 0);
  assert.match(r.findings[0]!.reason!, /^`bump\(\)` runs after the `\*` unpacking: CPython closed the shelf, and let go of its lock/);
  // An attribute after it may be a property that opens it; the function it is unpacked into runs after the unpacking
  assert.equal(run('import shelve\n\n\ndef f(st):\n    keys = [*shelve.open("db"), st.count]\n    return keys\n').fixesApplied, 0);
  assert.equal(run('import shelve\n\n\ndef f(record):\n    record(*shelve.open("db"))\n').fixesApplied, 0);
  // Plain items after it, or `print`: fixed
  assert.equal(run('import shelve\n\n\ndef f(x):\n    keys = [*shelve.open("db"), x]\n    return keys\n').fixesApplied, 1);
  assert.equal(run('import shelve\n\n\ndef f():\n    print(*shelve.open("db"))\n').fixesApplied, 1);
});
