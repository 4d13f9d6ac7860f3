// open-assign (WFY105) and open-assign-close (WFY104): the reasons given where no fix is offered, and the
// flow rules (aliases, rebinding, loops) that decide where the `with` ends.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { transformSource } from '../src/api.js';
import { TRANSFORMS } from '../transforms/index.js';
import { CPYTHON, SNAPSHOTS, tempDir } from './helpers.js';

const assign = (text: string) => transformSource(text, { select: ['open-assign'] });
const close = (text: string) => transformSource(text, { select: ['open-assign-close'] });

/** Each finding's fix status, and the module-level name it says keeps the file (`unsafewriter`), for `text` at `path`. */
function status(text: string, path?: string): string {
  return transformSource(text, { select: ['open-assign'], ...(path ? { path } : {}) })
    .findings.map((f) => `${f.fixStatus}${/keeps it (?:in|through) `(\w+)`/.exec(f.message)?.[1] ?? ''}`)
    .join(' ');
}

function reasonsByLine(r: ReturnType<typeof assign>): Map<number, string> {
  return new Map(r.findings.map((f) => [f.location.line, f.reason ?? '']));
}

test('open-assign: every escape is reported with its reason, at the assignment', () => {
  const r = assign(readFileSync(join(SNAPSHOTS, 'open-assign', 'ok-escapes.in.py'), 'utf8'));
  assert.equal(r.fixesApplied, 0);
  const byLine = reasonsByLine(r);
  const expected: Array<[number, RegExp]> = [
    [8, /^returned: .*\(line 10\)$/],
    [14, /^yielded/],
    [19, /stored in a container \(`cache\[path\]`\)/],
    [26, /^stored on self: give the class close\(\) or __enter__\/__exit__$/],
    [30, /captured by a lambda/],
    [35, /captured by the nested function `inner`/],
    [43, /passed to `parse\(\)`, which is not known to leave it alone/],
    [48, /^through `lines`: returned/],
    [54, /^through `r`: returned/],
    [61, /`g` is declared global/],
    [67, /`\.open\(\)` may return an object that still uses the archive/],
  ];
  for (const [line, re] of expected) assert.match(byLine.get(line) ?? '(no finding)', re, `line ${line}`);
  assert.equal(r.findings.length, expected.length);
  assert.ok(r.findings.every((f) => f.code === 'WFY105' && f.fixStatus === 'none'));
});

test('open-assign: a use after the block, or in the next iteration of a loop, blocks the fix', () => {
  const r = assign(readFileSync(join(SNAPSHOTS, 'open-assign', 'ok-used-after.in.py'), 'utf8'));
  const byLine = reasonsByLine(r);
  assert.match(byLine.get(4) ?? '', /used after the block, on line 6/);
  assert.match(byLine.get(13) ?? '', /used on line 12, in the next iteration of the loop/);
  assert.equal(r.fixesApplied, 0);
});

test('open-assign: closed, entered or managed resources are not reported', () => {
  const r = assign(readFileSync(join(SNAPSHOTS, 'open-assign', 'ok-managed.in.py'), 'utf8'));
  assert.deepEqual(r.findings, []);
});

test('open-assign: a later plain rebinding ends the value; its reads are not uses', () => {
  const r = assign('def g(a, b):\n    f = open(a)\n    x = f.read()\n    f = open(b)\n    return x + f.read()\n');
  assert.equal(r.findings.length, 2);
  assert.equal(r.findings[0]!.fixStatus, 'fixable');
  // The second file is returned through `f.read()` only: plain data.
  assert.equal(
    r.output,
    'def g(a, b):\n    with open(a) as f:\n        x = f.read()\n    with open(b) as f:\n        return x + f.read()\n',
  );
});

test("open-assign: a for loop's iterable is evaluated once, so a read there is no next-iteration use", () => {
  const r = assign('def g(ps, f):\n    for p in f.names:\n        f = open(p)\n        print(f.read())\n');
  assert.equal(r.fixesApplied, 1);
});

test('open-assign: a generator expression consumed at once is fine; one kept is an escape', () => {
  assert.equal(assign('def g(p):\n    f = open(p)\n    return sum(1 for _ in f)\n').fixesApplied, 1);
  const kept = assign('def g(p):\n    f = open(p)\n    it = (l for l in f)\n    return it\n');
  assert.match(kept.findings[0]!.reason ?? '', /through `it`: returned/);
});

test('open-assign: a never-used resource is reported, not wrapped around nothing', () => {
  const r = assign('def g(p):\n    f = open(p, "w")\n    return 1\n');
  assert.match(r.findings[0]!.reason ?? '', /never used/);
  assert.equal(r.fixesApplied, 0);
});

test('open-assign-close: every reason for keeping the explicit close is given', () => {
  const escapes = close(readFileSync(join(SNAPSHOTS, 'open-assign-close', 'ok-escapes.in.py'), 'utf8'));
  const byLine = reasonsByLine(escapes);
  assert.match(byLine.get(3) ?? '', /^returned: .*\(line 5\)$/);
  assert.match(byLine.get(12) ?? '', /^stored on self/);
  assert.match(byLine.get(19) ?? '', /captured by a lambda/);
  assert.match(byLine.get(28) ?? '', /declared global/);
  const rebound = close(readFileSync(join(SNAPSHOTS, 'open-assign-close', 'ok-rebound.in.py'), 'utf8'));
  assert.match(rebound.findings[0]!.reason ?? '', /rebound on line 5, before `f.close\(\)`/);
  const safe = close(readFileSync(join(SNAPSHOTS, 'open-assign-close', 'ok-already-safe.in.py'), 'utf8'));
  // try/finally, with, nothing between, handed on: silent; a close inside an `if` only: reported.
  assert.equal(safe.findings.length, 1);
  assert.match(safe.findings[0]!.reason ?? '', /line 33 is not a statement of the block/);
});

test('open-assign-close: an unknown callee between open and close does not block the fix', () => {
  const r = close('def g(p, parse):\n    f = open(p)\n    data = parse(f)\n    f.close()\n    return data\n');
  assert.equal(r.output, 'def g(p, parse):\n    with open(p) as f:\n        data = parse(f)\n    return data\n');
});

test('open-assign-close: a use of the same name after a reopening does not count as a use after the close', () => {
  const r = close('def g(a, b):\n    f = open(a)\n    x = f.read()\n    f.close()\n    f = g2(b)\n    return f.name\n');
  assert.equal(r.fixesApplied, 1);
});

test('the examples `withify explain` prints are what the transforms produce', () => {
  for (const t of TRANSFORMS.filter((x) => x.id === 'open-assign' || x.id === 'open-assign-close')) {
    assert.ok(t.examples.length > 0);
    for (const e of t.examples) assert.equal(transformSource(e.before, { select: [t.id], ...(e.file ? { path: e.file } : {}) }).output, e.after, `${t.id}: ${e.before}`);
  }
});

test('open-assign: a descriptor from f.fileno() is followed like the file itself', () => {
  const r = assign('import os\n\n\ndef g(p):\n    f = open(p)\n    fd = f.fileno()\n    print(fd)\n    return os.read(fd, 10)\n');
  assert.equal(r.output, 'import os\n\n\ndef g(p):\n    with open(p) as f:\n        fd = f.fileno()\n        print(fd)\n        return os.read(fd, 10)\n');
  const kept = assign('import os\n\n\ndef g(p):\n    f = open(p)\n    fd = f.fileno()\n    return fd\n');
  assert.match(kept.findings[0]!.reason ?? '', /through `fd`: its descriptor number returned: the caller would get one the close made stale/);
});

test('open-assign: a nested function rebinding the name with nonlocal is a capture', () => {
  const r = assign('def g(p):\n    f = open(p)\n    def inner():\n        nonlocal f\n        f = None\n    inner()\n');
  assert.match(r.findings[0]!.reason ?? '', /captured by the nested function `inner`/);
});

test('open-assign: a pipe is reported, never wrapped (its close waits for the process)', () => {
  const r = assign('import os\n\n\ndef g():\n    p = os.popen("ls")\n    return p.read()\n');
  assert.equal(r.fixesApplied, 0);
  assert.match(r.findings[0]!.reason ?? '', /closing a pipe waits for the command/);
});

test('a nested function defined above the assignment still captures the variable', () => {
  const src = 'def g(p):\n    def reader():\n        return f.read()\n    f = open(p)\n    x = f.read()\n    return reader()\n';
  assert.match(assign(src).findings[0]!.reason ?? '', /captured by the nested function `reader`/);
  const closed = src.replace('    return reader()\n', '    f.close()\n    return reader()\n');
  assert.equal(close(closed).fixesApplied, 0);
  assert.match(close(closed).findings[0]!.reason ?? '', /read on line 3 by a nested function/);
});

test('open-assign: locals()/eval() after the open block the fix; a file closed by hand stays open-assign-close\'s', () => {
  const r = assign(readFileSync(join(SNAPSHOTS, 'open-assign', 'ok-read-by-name.in.py'), 'utf8'));
  assert.equal(r.fixesApplied, 0);
  assert.deepEqual([...reasonsByLine(r)], [
    [3, '`locals()` on line 5 may read `f` by name after the block'],
    [9, '`eval()` on line 11 may read `fh` by name after the block'],
  ]);
  // In a function, what cannot read its frame: `eval`/`exec` given a namespace, `globals()`, `vars(x)`; a `locals()`
  // passed along still can (IPython's `eval(target, self.user_ns)`)
  const fixes = (read: string) => assign(`def fetch(p, expr, ns, obj):
    f = open(p)
    data = f.read()
    return data, ${read}
`).fixesApplied;
  for (const read of ['eval(expr, {})', 'exec(expr, dict(ns), {})', 'eval(expr, globals=globals())', 'globals()["f"]', 'vars(obj)']) assert.equal(fixes(read), 1, read);
  // (A namespace that may be `None` is the caller's frame: `eval(expr, ns)` with `ns` a parameter; so is a locals
  // mapping that may be the frame's, and a `dict` that is not the builtin)
  for (const read of ['eval(expr)', 'exec(expr)', 'eval(expr, ns)', 'eval(expr, None)', 'eval(expr, {}, locals())', 'eval(expr, {}, inspect.getargvalues(frame).locals)', 'vars()', 'eval(*expr)', 'locals()']) assert.equal(fixes(read), 0, read);
  assert.equal(assign('def fetch(p, expr, dict=lambda: None):\n    f = open(p)\n    data = f.read()\n    return data, eval(expr, dict())\n').fixesApplied, 0);
});

test('reasons: a close whose value is used, and kinds WFY105 does not wrap', () => {
  const valued = transformSource('import os\n\n\ndef status(cmd):\n    pp = os.popen(cmd)\n    out = pp.read()\n    print(pp.close())\n    return out\n', {});
  assert.equal(valued.fixesApplied, 0);
  assert.match(valued.findings[0]!.reason!, /^the value of `pp\.close\(\)` on line 7 is used \(`print\(pp\.close\(\)\)`\): a `with` would drop it/);
  // A socket's `with` holds the rest of the function (see the next test); one left to run at module level is reported.
  const socket = transformSource('import socket\n\ns = socket.socket()\ns.connect_ex(("localhost", 80))\nprint(1)\n', {});
  assert.equal(socket.fixesApplied, 0);
  assert.match(socket.findings[0]!.reason!, /^whether the code is done with a socket at its last use is not something withify checks \(a peer, a transaction\), and CPython closed it when the program ended/);
});

test('open-assign: a socket, a database connection or a temporary file gets a `with` that holds the rest of the function, or a reason', () => {
  const fixed = assign(readFileSync(join(SNAPSHOTS, 'open-assign', 'rest-of-function.in.py'), 'utf8'));
  assert.deepEqual(fixed.findings.map((f) => [f.location.line, f.fixStatus]), [[10, 'fixable'], [17, 'fixable'], [28, 'fixable'], [29, 'fixable'], [34, 'fixable'], [42, 'fixable'], [49, 'fixable']]);
  // Even where the last use is early: the `with` ends with the function, where CPython closed the socket.
  const early = assign('import socket\n\n\ndef f(addr):\n    s = socket.create_connection(addr)\n    s.sendall(b"x")\n    wait_for_peer()\n    return 1\n');
  assert.equal(early.output, 'import socket\n\n\ndef f(addr):\n    with socket.create_connection(addr) as s:\n        s.sendall(b"x")\n        wait_for_peer()\n        return 1\n');
  // A `with` of a catalog resource that ends its function's body counts as the end; one followed by more code, or
  // any other `with` (its exit ran before CPython closed the socket, and may wait for it), does not.
  const inWith = assign('import socket\n\n\ndef f(addr, p):\n    with open(p) as log:\n        s = socket.create_connection(addr)\n        s.sendall(log.read())\n');
  assert.equal(inWith.findings[0]?.fixStatus, 'fixable');
  const returned = /CPython closed it when the function returned: a `with` ending with this block would close it earlier/;
  const notLast = assign('import socket\n\n\ndef f(addr, p):\n    with open(p) as log:\n        s = socket.create_connection(addr)\n        s.sendall(log.read())\n    print(1)\n');
  assert.match(notLast.findings[0]?.reason ?? '', returned);
  const server = assign('import socket\n\n\ndef f():\n    with Server() as addr:\n        s = socket.create_connection(addr)\n        s.sendall(b"x")\n');
  assert.match(server.findings[0]?.reason ?? '', returned);
  // Never used: nothing to hold open
  assert.match(assign('import socket\n\n\ndef f():\n    s = socket.socket()\n    print(1)\n').findings[0]?.reason ?? '', /^`s` is never used/);

  const r = assign(readFileSync(join(SNAPSHOTS, 'open-assign', 'ok-rest-of-function.in.py'), 'utf8'));
  assert.equal(r.fixesApplied, 0);
  const byLine = reasonsByLine(r);
  const expected: Array<[number, RegExp]> = [
    [8, /CPython closed it when the program ended: a `with` ending with this block would close it earlier/],
    [14, /CPython closed it when the function returned: a `with` ending with this block would close it earlier/],
    [20, /CPython closed it where `s` is deleted or bound again: close it by hand there/],
    [27, /^through `cu`: returned: the caller would get what it made, on a closed database connection/],
    [33, /^through `rows`: returned/],
    [39, /^through `cu`: `\.connection` of what it made may hand out an object that still uses the database connection/],
    [45, /^through `cu`: passed to `register\(\)`/],
    [52, /^`tmp\.name` on line 55 goes where withify cannot tell what is done with the file: closing a NamedTemporaryFile deletes it by that name and, before Python 3\.12 and on PyPy, raises FileNotFoundError/],
    [61, /^`tmp\.name` on line 62 goes where/],
    [67, /^stored as a key of `registry` \(line 68\)$/],
    [74, /CPython closed it when the function returned: a `with` ending with this block would close it earlier/],
    [82, /^passed to `stack\.enter_context\(\)`/],
  ];
  for (const [line, re] of expected) assert.match(byLine.get(line) ?? '(no finding)', re, `line ${line}`);
  assert.equal(r.findings.length, expected.length);
});

test('open-assign: a sqlite3 connection given `uri=` gets only an unsafe fix (a shared-cache in-memory database ends with it); its own `with` or enter_context closes nothing', () => {
  const pinned = assign(readFileSync(join(SNAPSHOTS, 'open-assign', 'ok-sqlite-shared-cache.in.py'), 'utf8'));
  assert.deepEqual(pinned.findings.map((f) => [f.location.line, f.fixStatus]), [[11, 'unsafe']]);
  const shared = assign('import sqlite3\n\n\ndef create():\n    cx = sqlite3.connect("file:db?mode=memory&cache=shared", uri=True)\n    cx.execute("create table t (n)")\n    cx.commit()\n');
  assert.equal(shared.findings[0]?.fixStatus, 'unsafe');
  assert.match(shared.findings[0]?.message ?? '', /; `uri=` may name a shared-cache in-memory database, which ends with its last connection/);
  const plain = assign('import sqlite3\n\n\ndef create(p):\n    cx = sqlite3.connect(p, uri=False)\n    cx.execute("create table t (n)")\n    cx.commit()\n');
  assert.equal(plain.findings[0]?.fixStatus, 'fixable');
  const entered = assign('import sqlite3\n\n\ndef f(p, stack):\n    cx = sqlite3.connect(p)\n    stack.enter_context(cx)\n    cx.commit()\n');
  assert.match(entered.findings[0]?.reason ?? '', /^passed to `stack\.enter_context\(\)`/);
});

test('open-assign: a sqlite3 connection says CPython 3.11+ leaves it to the GC too; its config methods and attributes are uses', () => {
  const r = assign('import sqlite3\n\n\ndef f(p, fn):\n    cx = sqlite3.connect(p)\n    cx.create_function("f", 1, fn)\n    cx.isolation_level = None\n    cx.executemany("insert into t values (?)", [(1,)])\n    if cx.in_transaction:\n        cx.commit()\n');
  assert.match(r.findings[0]?.message ?? '', /PyPy, and CPython from 3\.11 on \(a reference cycle through its statement cache\), close it/);
  assert.equal(r.findings[0]?.fixStatus, 'fixable');
  assert.match(r.output, /with contextlib\.closing\(sqlite3\.connect\(p\)\) as cx:/);
});

test('open-assign: a file bound through a conditional, := or a tuple is reported unless the code closes it; a sqlite3 `with` closes nothing', () => {
  const r = assign(readFileSync(join(SNAPSHOTS, 'open-assign', 'ok-indirect-bindings.in.py'), 'utf8'));
  assert.equal(r.fixesApplied, 0);
  assert.deepEqual(
    r.findings.map((f) => [f.location.line, f.reason?.replace(/:.*/, '')]),
    [
      [6, 'bound through a conditional expression, whose other value may be no file of the code\'s to close'],
      [18, 'bound by `'],
      [23, 'bound in a tuple assignment'],
      [23, 'bound in a tuple assignment'],
      [43, 'bound through a conditional expression, whose other value may be no file of the code\'s to close'],
    ],
  );
  // A local sqlite3 connection whose only `with` commits is never closed.
  const conn = assign('import sqlite3\n\n\ndef f(p):\n    conn = sqlite3.connect(p)\n    with conn:\n        conn.execute("select 1")\n');
  assert.equal(conn.findings.length, 1);
  assert.match(conn.findings[0]!.message, /`conn = sqlite3\.connect\(\.\.\.\)` is never closed/);
});

test('open-assign: a locked file is reported, not fixed, where its name is bound again', () => {
  const r = assign('import fcntl\n\n\ndef f(p):\n    lock = open(p, "w")\n    fcntl.flock(lock, fcntl.LOCK_EX)\n    lock = open(p + ".2", "w")\n    fcntl.flock(lock, fcntl.LOCK_EX)\n');
  assert.equal(r.fixesApplied, 0);
  assert.match(r.findings[0]?.reason ?? '', /locks the file until it is closed, which CPython did where `lock` is deleted or bound again/);
});

test('open-assign: parts handed out by a wrapper, descriptor numbers made into text, borrowed descriptors: reported with their reasons', () => {
  const r = assign(readFileSync(join(SNAPSHOTS, 'open-assign', 'ok-borrowed-parts.in.py'), 'utf8'));
  assert.equal(r.fixesApplied, 0);
  const byLine = reasonsByLine(r);
  const expected: Array<[number, RegExp]> = [
    [10, /^through `tf`: `\.extractfile\(\)` of what wraps it may return an object that still reads the file/],
    [18, /its descriptor number goes into `"\/dev\/fd\/%d" % f\.fileno\(\)`/],
    [28, /its descriptor number goes into `str\(f\.fileno\(\)\)`/],
    [37, /the file's descriptor `f\.fileno\(\)` is kept where withify does not follow its uses/],
    [44, /the file's descriptor `sys\.stdout\.fileno\(\)` is kept/],
  ];
  for (const [line, re] of expected) assert.match(byLine.get(line) ?? '(no finding)', re, `line ${line}`);
  // Ex) a dict's value is put in a dict, not in a "pair"
  assert.match(assign('def f(p):\n    g = open(p)\n    d = {"f": g}\n    return 1\n').findings[0]?.reason ?? '', /^put in a dict, which may outlive the block/);
});

test('open-assign: a socket is closed by the GC, not flushed; a file is flushed too', () => {
  const sock = assign('import socket\n\ndef f(addr):\n    s = socket.socket()\n    s.connect(addr)\n    return 1\n');
  assert.match(sock.findings[0]?.message ?? '', /is never closed; PyPy closes it only when the GC runs$/);
  const file = assign('def f(p):\n    out = open(p, "w")\n    out.write("x")\n    return 1\n');
  assert.match(file.findings[0]?.message ?? '', /PyPy closes \(and flushes\) it only when the GC runs$/);
});

test('PEP 695: a type alias value or a type parameter bound is read lazily, like a lambda', () => {
  const src = (body: string) => `import os, tempfile\n\ndef gen():\n    try:\n        yield 1\n        yield 2\n    finally:\n        pass\n\ndef g():\n${body.replace(/^/gm, '    ')}\n`;
  for (const [body, select] of [
    ['f = open(__file__)\nhead = f.readline()\ntype T = f.readline()\nreturn T', 'open-assign'],
    ['f = open(__file__)\nhead = f.readline()\ndef k[X: f.read()](): pass\nreturn k', 'open-assign'],
    ['it = gen()\nprint(next(it))\ntype T = next(it)\nreturn T', 'generator-close'],
    ['tmp = tempfile.TemporaryDirectory()\nprint(os.path.isdir(tmp.name))\ntype P = tmp.name\nreturn P', 'tempdir-kept'],
  ] as const) {
    const r = transformSource(src(body), { select: [select], targetVersion: [3, 12] });
    assert.equal(r.fixesApplied, 0, body);
  }
  // Before the type statement, the same code gets its fix
  assert.equal(transformSource(src('f = open(__file__)\nhead = f.readline()\ntype T = int\nreturn head'), { select: ['open-assign'], targetVersion: [3, 12] }).fixesApplied, 1);
});

test('a factory that returns what it makes on its last line is no finding; other returns are', () => {
  const findings = (body: string) =>
    transformSource(`import socket, tempfile\n\ndef make(path, family, addrs):\n${body.replace(/^/gm, '    ')}\n`, { select: ['open-assign'] }).findings;
  for (const body of [
    's = socket.socket(family)\nreturn s',
    'f = tempfile.NamedTemporaryFile()\nf.write(b"x")\nf.seek(0)\nreturn f, path',
    // Handed on in a wrapper that closes it (as `return io.TextIOWrapper(open(path, "rb"))` is no finding)
    'import io\nf = open(path, "rb")\nreturn io.TextIOWrapper(f, encoding=family)',
    // Handed to a call on the way that may keep it: the caller gets it all the same (7 December; reported before)
    'f = open(path)\nkeep(f)\nreturn f',
  ]) assert.deepEqual(findings(body).map((f) => f.message), [], body);
  for (const [body, reason] of [
    // Returned only where the loop finds a peer: dropped, open, when none answers
    ['s = socket.socket(family)\nfor a in addrs:\n    try:\n        s.connect(a)\n    except OSError:\n        pass\n    else:\n        return s', /^returned/],
    ['f = open(path)\nreturn wrap(f)', /^passed to `wrap\(\)`/],
    // A wrapper that closes it, given something that runs code, or the file not as what it wraps
    ['import io\nf = open(path, "rb")\nreturn io.TextIOWrapper(f, encoding=pick())', /./],
    ['import io\nf = open(path, "rb")\nreturn io.TextIOWrapper(family, f)', /./],
    // Another return drops it; a name bound again drops the first
    ['f = open(path)\nif family:\n    return None\nreturn f', /^returned/],
    ['f = open(path)\nwhile addrs:\n    f = open(path)\n    addrs -= 1\nreturn f', /^returned/],
  ] as const) {
    const r = findings(body);
    assert.ok(r.length >= 1, body);
    assert.match(r[0]!.reason!, reason, body);
  }
  // A frame's `f_locals` read anywhere in the file may read the name, but no `with` is made: still the caller's
  const fromFrame = transformSource('import os, tempfile\n\ndef g(frame):\n    return frame.f_locals\n\ndef make_temp_file():\n    fid, name = tempfile.mkstemp()\n    fo = os.fdopen(fid, "w")\n    return fo, name\n', { select: ['open-assign'] }).findings;
  assert.deepEqual(fromFrame, []);
  // Bound again only in the `else` of the `if` around it (logging's makeSocket): that run never held this socket. In
  // a loop, a later iteration's `else` drops it.
  const sockets = transformSource("import socket\n\n\ndef make_socket(port, address, timeout=1):\n    if port is not None:\n        result = socket.create_connection(address, timeout=timeout)\n    else:\n        result = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)\n        result.settimeout(timeout)\n        try:\n            result.connect(address)\n        except OSError:\n            result.close()\n            raise\n    return result\n\n\ndef make_many(ports, address):\n    for port in ports:\n        if port:\n            result = socket.create_connection(address)\n        else:\n            result = None\n    return result\n", { select: ['open-assign'] }).findings;
  assert.deepEqual(sockets.map((f) => [f.location.line, f.reason]), [[21, 'returned: the caller would get a closed resource (line 24)']]);
  // A generator's return value is not its caller's
  const gen = transformSource('def rows(path):\n    f = open(path)\n    yield 1\n    return f\n', { select: ['open-assign'] }).findings;
  assert.equal(gen.length, 1);
});

test('a Popen factory may use its pipes before `return p`: the caller gets them with the process', () => {
  const findings = (body: string) =>
    transformSource(`import subprocess\n\ndef popen(cmd, data, log):\n${body.replace(/^/gm, '    ')}\n`, { select: ['open-assign'] }).findings;
  // pip's distlib (`p.stdin.write`), pytest's pytester, `print(p.stdout)`
  for (const body of [
    'p = subprocess.Popen(cmd, stdin=subprocess.PIPE)\np.stdin.write(data)\nreturn p',
    'p = subprocess.Popen(cmd, stdout=subprocess.PIPE)\np.wait()\np.stdout.read()\nreturn p',
    'p = subprocess.Popen(cmd, stdout=subprocess.PIPE)\nprint(p.stdout)\nreturn p',
    'p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)\nout = p.stdout\nlog(p.stderr)\nreturn p, out',
    // The process handed to a call on the way: the caller gets it all the same (7 December; reported before)
    'p = subprocess.Popen(cmd, stdout=subprocess.PIPE)\nlog(p)\np.stdout.read()\nreturn p',
  ]) assert.deepEqual(findings(body).map((f) => f.reason), [], body);
  for (const [body, reason] of [
    // The pipe, not the process, goes to the caller; the process goes elsewhere too; another return drops it
    ['p = subprocess.Popen(cmd, stdout=subprocess.PIPE)\nreturn p.stdout', /^a `with` would wait for the process/],
    ['p = subprocess.Popen(cmd, stdout=subprocess.PIPE)\nf = lambda: p.stdout.read()\nreturn p', /./],
    ['p = subprocess.Popen(cmd, stdout=subprocess.PIPE)\nif data:\n    return p.stdout.read()\nreturn p', /^returned: .*\(line 7\)/],
    // Stored where it outlives the frame on the way, as well as returned: still reported
    ['f = open(cmd)\nself.x = f\nreturn f', /^stored on self/],
  ] as const) {
    const r = findings(body);
    assert.ok(r.length >= 1, body);
    assert.match(r[0]!.reason!, reason, body);
  }
});

test('open-assign-close: a match statement\'s capture patterns bind the name (case f:, [*f], {"k": f}, Point(x=f), str() as f)', () => {
  for (const pattern of ['f', '[*f]', '{**f}', '{"k": f}', '[f, *_]', 'Point(x=f)', 'str() as f']) {
    const src = `def save(out):\n    f = open("main.txt", "w")\n    f.write("main")\n    match out:\n        case None:\n            pass\n        case ${pattern}:\n            pass\n    f.close()\n`;
    const r = transformSource(src, { select: ['open-assign-close'], targetVersion: [3, 10] });
    assert.equal(r.fixesApplied, 0, pattern);
    assert.match(r.findings[0]!.reason!, /^`f` is rebound on line 7, before `f\.close\(\)`$/, pattern);
  }
  // A value pattern reads: `case Color.RED:` and literals bind nothing
  const value = 'def save(out):\n    f = open("main.txt", "w")\n    match out:\n        case Color.RED | {"k": 1}:\n            f.write("red")\n    f.close()\n';
  assert.equal(transformSource(value, { select: ['open-assign-close'], targetVersion: [3, 10] }).fixesApplied, 1);
});

test('open-assign: a nonlocal or global name closed by hand is open-assign-close\'s, not "never closed"', () => {
  const src = 'def outer(p):\n    f = None\n\n    def inner():\n        nonlocal f\n        f = open(p)\n        data = f.read()\n        f.close()\n        return data\n    return inner()\n\n\ndef g(p):\n    global F\n    F = open(p)\n    return F.read()\n';
  const r = transformSource(src, { select: ['open-assign'] });
  assert.deepEqual(r.findings.map((f) => f.message), ['`F = open(...)` is never closed; PyPy closes (and flushes) it only when the GC runs']);
});

test('open-assign-close: a file handed to a call that keeps it (`pool.submit`, `lst.append`) is left open on the exception path', () => {
  const src = (call: string) => `def run(p, pool, lst):\n    f = open(p, "w")\n    ${call}\n    check()\n    f.close()\n`;
  for (const call of ['pool.submit(pump, f)', 'lst.append(f)', 'sel.register(f, 1)', 'd.setdefault("k", f)']) {
    const r = close(src(call));
    assert.equal(r.fixesApplied, 0, call);
    assert.match(r.findings[0]?.reason ?? '', /^passed to `\w+\.\w+\(\)` \(line 3\), which may keep it: if a later statement raises/, call);
  }
  // Nothing after the call but the close: no exception path between, the fix stands
  assert.equal(close('def run(p, pool):\n    f = open(p, "w")\n    pool.submit(pump, f)\n    f.close()\n').fixesApplied, 1);
  // A call that does not keep it: the fix stands
  assert.equal(close(src('parser.parse(f)')).fixesApplied, 1);
});

test('open-assign: a writable file wrapped by a buffering `io` wrapper bound to a name is not closed under it', () => {
  const r = assign('import io\ndef save(p, s):\n    raw = open(p, "wb")\n    t = io.TextIOWrapper(raw, encoding="utf-8")\n    t.write(s)\n');
  assert.equal(r.fixesApplied, 0);
  assert.match(r.findings[0]?.reason ?? '', /^wrapped by `t`, whose buffer reaches the file only when `t` is flushed or closed/);
  const w = assign('import io\ndef save(p, chunks):\n    raw = open(p, "wb", buffering=0)\n    w = io.BufferedWriter(raw)\n    for c in chunks:\n        w.write(c)\n');
  assert.equal(w.fixesApplied, 0);
  // Read only: nothing buffered to lose
  assert.equal(assign('import io\ndef load(p):\n    raw = open(p, "rb")\n    t = io.TextIOWrapper(raw)\n    return t.read()\n').fixesApplied, 1);
});

test('open-assign: a name open() is given and a descriptor call is given too holds a descriptor, used after the block', () => {
  const r = assign('import os\ndef save(out, text):\n    f = open(out, "w")\n    f.write(text)\n    os.fsync(out)\n    return "synced"\n');
  assert.equal(r.fixesApplied, 1);
  assert.match(r.output, /with open\(out, "w"\) as f:\n        f\.write\(text\)\n        os\.fsync\(out\)\n    return "synced"/);
  // A path looked at after the block is no use of the file
  const p = assign('import os\ndef save(path, text):\n    f = open(path, "w")\n    f.write(text)\n    print(os.path.exists(path))\n');
  assert.match(p.output, /        f\.write\(text\)\n    print\(os\.path\.exists\(path\)\)/);
});

test('open-assign-close: a NamedTemporaryFile whose name the code reads is not deleted by a `raise` before its close', () => {
  const src = 'import tempfile\ndef build(src):\n    tmp = tempfile.NamedTemporaryFile("w")\n    tmp.write(src)\n    if bad(tmp.name):\n        raise Failed(tmp.name)\n    tmp.close()\n';
  const r = close(src);
  assert.equal(r.fixesApplied, 0);
  assert.match(r.findings[0]?.reason ?? '', /^`raise Failed\(tmp\.name\)` on line 6 leaves before `tmp\.close\(\)`, and the code reads `tmp\.name`/);
  assert.equal(close(src.replace('NamedTemporaryFile("w")', 'NamedTemporaryFile("w", delete=False)')).fixesApplied, 1);
  assert.equal(close(src.replace(/tmp\.name/g, 'len(src)')).fixesApplied, 1);
});

test('open-assign-close: at module level, a `globals()` anywhere may rebind the name the close reads', () => {
  const src = 'def switch_to(path):\n    globals()["f"] = open(path)\n\nf = open(P)\nfirst = f.readline()\nswitch_to(Q)\nf.close()\n';
  const r = close(src);
  assert.equal(r.fixesApplied, 0);
  assert.match(r.findings.find((f) => f.location.line === 4)?.reason ?? '', /^`globals\(\)` on line 2 may read or bind the module's `f` by name/);
  assert.equal(close(src.replace('globals()["f"] = open(path)', 'pass')).fixesApplied, 1);
});

test('open-assign-close: a comment after a second open of one `with` stays, on a line of its own', () => {
  const r = close('def copy3(a, b):\n    fin = open(a)  # in\n    fout = open(b, "w")  # out\n    fout.write(fin.read())\n    fin.close()\n    fout.close()\n');
  assert.equal(r.output, 'def copy3(a, b):\n    with open(a) as fin, open(b, "w") as fout:  # in\n        # out\n        fout.write(fin.read())\n');
});

test('open-assign-close: keepers by their exact name and a positional argument; a call that sends the file is no keeper', () => {
  const src = (call: string) => `def run(p, pending, heap, fut, cv):\n    f = open(p)\n    ${call}\n    work()\n    f.close()\n`;
  for (const call of ['pending.appendleft(f)', 'heapq.heappush(heap, f)', 'fut.set_result(f)', 'cv.set(f)', 'reg.update(cur=f)', 'setattr(mod, "current", f)']) {
    assert.equal(close(src(call)).fixesApplied, 0, call);
  }
  for (const call of ['resp = requests.put(url, data=f)', 's3.put_object(Bucket=b, Key=k, Body=f)', 'hasher.add_stream(f)']) {
    assert.equal(close(src(call)).fixesApplied, 1, call);
  }
});

test('open-assign-close: an `assert` before the close of a NamedTemporaryFile whose name the code reads is a raise too', () => {
  const r = close('import os, tempfile\ndef build(src):\n    tmp = tempfile.NamedTemporaryFile("w")\n    tmp.write(src)\n    assert os.path.getsize(tmp.name) > 100, tmp.name\n    tmp.close()\n');
  assert.equal(r.fixesApplied, 0);
  assert.match(r.findings[0]?.reason ?? '', /^`assert os\.path\.getsize/);
});

test('open-assign: an item of a name given to open() and to a descriptor call is the descriptor', () => {
  const r = assign('import os\ndef save3(pair, data):\n    f = open(pair[0], "w")\n    f.write(data)\n    f.flush()\n    return os.lseek(pair[0], 0, os.SEEK_CUR)\n');
  assert.equal(r.fixesApplied, 1);
  assert.match(r.output, /        return os\.lseek\(pair\[0\], 0, os\.SEEK_CUR\)\n$/);
});

test('open-assign-close: two opens of one path that may both write are not merged into one `with`', () => {
  const r = close('def both(p):\n    a = open(p, "a")\n    b = open(p, "a")\n    a.write("A")\n    b.write("B")\n    a.close()\n    b.close()\n');
  assert.equal(r.fixesApplied, 0);
  assert.match(r.findings[0]?.reason ?? '', /^`a` and `b` may both write `p`/);
  assert.equal(close('def both(p, q):\n    a = open(p)\n    b = open(q, "w")\n    b.write(a.read())\n    a.close()\n    b.close()\n').fixesApplied, 1);
});

test('open-assign: a file stored on self through a local name is the class\'s, as `self.out = open(p)` is; no advice to add a close() the class has', () => {
  const findings = (init: string, close = '    def close(self):\n        self.out.close()\n') =>
    assign(`class Log:\n    def __init__(self, path, keep, paths):\n${init.replace(/^/gm, '        ')}\n${close}`).findings;
  for (const init of [
    'out = open(path, "w")\nself.out = out',
    'out = open(path, "w")\nout.write("start")\nself.out = out',
    // Opened in a branch, stored after it
    'if keep:\n    out = path\nelse:\n    out = open(path, "w")\nself.out = out',
    // mailbox's: a `raise` in the handler of the `try` the open ends, or in another clause of the open's `if`
    'try:\n    out = open(path, "rb+")\nexcept OSError:\n    if keep:\n        out = open(path, "wb+")\n    else:\n        raise\nself.out = out',
  ]) assert.deepEqual(findings(init), [], init);
  // A class with no close(), __exit__ or __del__: the advice stands
  assert.match(findings('out = open(path, "w")\nself.out = out', '')[0]?.reason ?? '', /^stored on self: give the class close\(\)/);
  for (const init of [
    // Stored on one path only, or only the last of a loop's files
    'out = open(path, "w")\nif keep:\n    self.out = out',
    'for p in paths:\n    out = open(p, "w")\nself.out = out',
    // A wrapper stored: the class's close() closes the wrapper, not what it was given
    'out = open(path, "w")\nself.w = csv.writer(out)',
    // A path that leaves between the open and the store drops the file
    'out = open(path, "w")\nout.write("header")\nif not keep:\n    return\nself.out = out',
    'out = open(path, "w")\nif not keep:\n    raise ValueError(path)\nself.out = out',
    'try:\n    out = open(path, "w")\n    out.write("x")\nexcept OSError:\n    return\nself.out = out',
    'for p in paths:\n    out = open(p, "w")\n    if keep:\n        continue\n    self.out = out\n    break',
  ]) {
    const r = findings(init);
    assert.equal(r.length, 1, init);
    assert.doesNotMatch(r[0]!.reason ?? '', /give the class close/, init);
    assert.equal(r[0]!.fixStatus, 'none', init);
  }
});

test('open-assign: a NamedTemporaryFile never used is not advised to be closed at once (that removes its file)', () => {
  const r = assign('import os\nfrom tempfile import NamedTemporaryFile, mkdtemp\n\ndef count_files():\n    td = mkdtemp()\n    tf = NamedTemporaryFile(dir=td)\n    keep = NamedTemporaryFile(dir=td, delete=False)\n    return len(os.listdir(td))\n');
  const byLine = reasonsByLine(r);
  assert.doesNotMatch(byLine.get(6) ?? '', /close it at once/);
  assert.match(byLine.get(6) ?? '', /closing it removes the file it made.*`with NamedTemporaryFile\(\.\.\.\) as tf:`/);
  // `delete=False`: closing it leaves the file
  assert.match(byLine.get(7) ?? '', /close it at once \(`keep\.close\(\)`\)/);
});

test('open-assign: a generator expression in another clause of the open\'s if, in a loop, reads the name when it runs: a use, whatever the clause bound first', () => {
  const body = 'def heads(ps):\n    gens = []\n    for p in ps:\n        if p:\n            f = open(p)\n            first = f.readline()\n        else:\n            f = None\n            gens.append(READ)\n    return gens\n';
  for (const read of ['f.readline() for _ in range(1)', '(lambda: f.readline())']) {
    const r = assign(body.replace('READ', read));
    assert.equal(r.fixesApplied, 0, read);
    assert.equal(r.findings.length, 1, read);
  }
  // Read at once there, after the clause's own `f = None`: no use of the file (the fix stands)
  assert.equal(assign(body.replace('READ', 'f')).fixesApplied, 1);
});

test('open-assign-close: a name bound again after the close (or before the open in its loop) is no use of the file; a read after a rebinding in its own block reads the new value', () => {
  const close = (text: string) => transformSource(text, { select: ['open-assign-close'] });
  const body = (after: string, before = '') => `def t(p, q, c, names):\n    out = []\n    for name in names:\n${before}        f = open(name, "rb")\n        out.append(f.read())\n        f.close()\n${after}    return out\n`;
  for (const [after, before] of [
    ['    f = None\n', ''],
    ['', '        f = None\n'],
    ['    if c:\n        f = open(q, "rb")\n        print(f.read())\n        f.close()\n', ''],
    ['    del f\n', ''],
    ['    for f in names:\n        pass\n', ''],
    ['    f, g = 1, 2\n', ''],
  ]) assert.equal(close(body(after!, before)).findings.filter((f) => f.location.line === (before ? 5 : 4) && f.fixStatus === 'fixable').length, 1, after! + before!);
  for (const after of [
    // Reads of the file: after the loop, and `f += x`
    '    print(f.closed)\n',
    '    f += "x"\n',
    // A generator expression reads the name when it runs, maybe after the next iteration opened another file
    '    if c:\n        f = None\n        out.append(f for _ in names)\n',
  ]) assert.notEqual(close(body(after)).findings.find((f) => f.location.line === 4)?.fixStatus, 'fixable', after);
});

test('open-assign: a name bound again after the block, or before the open in its loop, reads nothing of the file: the fix stands; never read at all, the reason says so', () => {
  const out = assign('def t(names):\n    data = []\n    for n in names:\n        f = None\n        f = open(n)\n        data.append(f.read())\n    f = None\n    return data\n');
  assert.equal(out.output, 'def t(names):\n    data = []\n    for n in names:\n        f = None\n        with open(n) as f:\n            data.append(f.read())\n    f = None\n    return data\n');
  // test_zipfile's: opened in a `try`, never read, the name bound again after it
  const r = assign('import zipfile\n\ndef t(p):\n    try:\n        z = zipfile.ZipFile(p, mode="r")\n    except zipfile.BadZipFile:\n        return\n    z = zipfile.ZipFile(p, mode="a")\n    z.close()\n');
  assert.match(r.findings.find((f) => f.location.line === 5)?.reason ?? '', /^`z` is never used/);
  // `f += x` reads it
  assert.equal(assign('def t(p):\n    f = open(p)\n    print(f.read())\n    f += "x"\n').fixesApplied, 0);
});

test('open-assign: what reads the file after the block though it looks bound again or given a namespace (a reviewer\'s unsafe fixes)', () => {
  // A comprehension's names skip the class body around it: `f` is the function's file
  const t2 = 'def main():\n    f = open("data.txt")\n    head = f.readline()\n    class C:\n        f = None\n        rest = {k: f.read() for k in "a"}\n    return head, C.rest\n';
  assert.equal(assign(t2).fixesApplied, 0);
  // `None` as the namespace (or a name that may be it) reads the caller's frame
  for (const call of ['eval("f.read()", None, None)', 'eval("f.read()", None)', 'exec(code, ns)', 'eval("f.read()", globals=None)']) {
    assert.equal(assign(`def main(code, ns=None):\n    f = open("data.txt")\n    head = f.readline()\n    rest = ${call}\n    return head, rest\n`).fixesApplied, 0, call);
  }
  assert.equal(assign('def main(code):\n    f = open("data.txt")\n    head = f.readline()\n    rest = exec(code, {"x": 1})\n    return head, rest\n').fixesApplied, 1);
  // A class body's name not bound yet where it is read: the read is of the module's file (`def log` comes later)
  assert.equal(assign('log = open("log.txt", "w")\nlog.write("start")\nclass Job:\n    marks = [m for m in (log.write("x"),)]\n    def log(self, msg):\n        print(msg)\n').fixesApplied, 0);
  assert.equal(assign('f = open("data.txt")\nhead = f.readline()\nclass C:\n    rest = f.read()\n    f = None\n').fixesApplied, 0);
  // ... the module's, not a function's around the class (which a class body's own name skips)
  assert.equal(assign("f = open('data.txt')\ndef g(f=None):\n    class C:\n        data = f.read()\n        f = 2\n    return C.data\nprint(f.readline())\nprint(repr(g()))\n").fixesApplied, 0);
  assert.equal(assign('def main():\n    f = open("data.txt")\n    head = f.readline()\n    class C:\n        xs = [l for l in f]\n        f = [1, 2]\n    return head, C.xs\n').fixesApplied, 1);
  // A list comprehension outside a class body runs at once, after the clause's own `f = None`
  assert.equal(assign('def main(ps, c):\n    for p in ps:\n        if c:\n            f = open(p)\n            print(f.readline())\n        else:\n            f = None\n            print([f for _ in "a"])\n').fixesApplied, 1);
  // `[f for f in f]`: the first iterable is the function's `f`, read in the statement: the `with` holds it
  assert.equal(assign('def main():\n    f = open("data.txt")\n    head = f.readline()\n    rest = [f for f in f]\n    return head, rest\n').output,
    'def main():\n    with open("data.txt") as f:\n        head = f.readline()\n        rest = [f for f in f]\n    return head, rest\n');
});

test('open-assign: a file that may write, whose path is opened again after its block (or in the loop around it), is not closed early: the data could land in another order, or be emptied', () => {
  const prog = "def main(p, data):\n    out = open(p, 'a')\n    out.write('appended\\n')\n    w = open(p, 'w')\n    w.write(data)\n    w.close()\n";
  const r = assign(prog);
  assert.equal(r.findings.find((f) => f.location.line === 2)?.fixStatus, 'none');
  assert.match(r.findings.find((f) => f.location.line === 2)?.reason ?? '', /^`open\(p, 'w'\)` on line 4 opens the same path again, to write/);
  // In a loop, before the open: the next iteration empties the file before CPython flushed the last one
  assert.equal(assign("def main(p, rows):\n    for r in rows:\n        w = open(p, 'w')\n        w.write(r)\n        w.close()\n        out = open(p, 'a')\n        out.write(r)\n        print(r)\n").findings.find((f) => f.location.line === 6)?.fixStatus, 'none');
  // Read only, or another path: the fix stands
  assert.equal(assign("def main(p, q, data):\n    src = open(p)\n    text = src.read()\n    w = open(p, 'w')\n    w.write(data)\n    w.close()\n    return text\n").findings.find((f) => f.location.line === 2)?.fixStatus, 'fixable');
  assert.equal(assign("def main(p, q, data):\n    out = open(p, 'a')\n    out.write(data)\n    w = open(q, 'w')\n    w.write(data)\n    w.close()\n").findings.find((f) => f.location.line === 2)?.fixStatus, 'fixable');
});

test('open-assign-close: closes ending every branch of an `if`, and the shapes that stay reported', () => {
  const r = close(readFileSync(join(SNAPSHOTS, 'open-assign-close', 'ok-branches-close.in.py'), 'utf8'));
  assert.equal(r.fixesApplied, 0);
  const byLine = reasonsByLine(r);
  // no `else`; the file read after the `if`; a branch that binds the name again; a close that is not its branch's
  // last statement; a branch's close on the `else:` line
  assert.match(byLine.get(5) ?? '', /`f.close\(\)` on line 8 is not a statement of the block/);
  assert.match(byLine.get(13) ?? '', /`f` is used after the block, on line 20/);
  assert.match(byLine.get(25) ?? '', /`f.close\(\)` on line 31 is not a statement of the block/);
  // (the close named is the one that is not the last of its branch)
  assert.match(byLine.get(35) ?? '', /`f.close\(\)` on line 40 is not a statement of the block/);
  assert.match(byLine.get(46) ?? '', /a branch's `f.close\(\)` or the statements around them share a line \(`;`, `else: f.close\(\)`\)/);
  // `return f` in one branch: handed on, as with a close that is a statement of the block
  assert.equal(byLine.has(54), false);
  assert.match(byLine.get(63) ?? '', /`f.close\(\)` on line 69 is not a statement of the block/);
  assert.match(byLine.get(75) ?? '', /^every branch of the `if` on line 77 does nothing but close `f`: close it once, after the `if`/);
  assert.equal(r.findings.length, 7);
  // Each branch's close goes, with the `if` in the block; a branch that only closed keeps a `pass`.
  const fixed = close('def g(p):\n    f = open(p)\n    if f.readline():\n        f.close()\n    else:\n        n = f.read()  # rest\n        f.close()  # done\n    return n\n');
  assert.equal(fixed.output, 'def g(p):\n    with open(p) as f:\n        if f.readline():\n            pass\n        else:\n            n = f.read()  # rest\n            # done\n    return n\n');
  assert.match(fixed.findings[0]!.fix?.title ?? '', /ending each branch of the `if`/);
});

test('open-assign-close: a close in the `try` right after the open, and the shapes that stay reported', () => {
  const r = close(readFileSync(join(SNAPSHOTS, 'open-assign-close', 'ok-try-body-close.in.py'), 'utf8'));
  assert.equal(r.fixesApplied, 0);
  const byLine = reasonsByLine(r);
  // a handler reads the file; a statement runs between the open and the `try`; the close is in an `if`; one line
  assert.match(byLine.get(6) ?? '', /`f` is used after the block, on line 11/);
  assert.match(byLine.get(16) ?? '', /`f.close\(\)` on line 20 is not a statement of the block/);
  assert.match(byLine.get(27) ?? '', /`f.close\(\)` on line 31 is not a statement of the block/);
  assert.match(byLine.get(38) ?? '', /share a line \(`;`, `try: …`\)/);
  // What the handlers see while the original still has the file open: a view made of it, a temporary file by its
  // name (closing deletes it), the same path written again, a value stored where a handler may reach it
  assert.match(byLine.get(45) ?? '', /^`b`, made from `f` before the close, is read on line 51 in a handler of the `try`/);
  assert.match(byLine.get(58) ?? '', /^`run\(tmp.name\)` on line 62 puts what it makes of `tmp` where a handler/);
  assert.match(byLine.get(69) ?? '', /^`open\(path, "w"\)` on line 75 in a handler of the `try` on line 70 may write `path` again/);
  assert.match(byLine.get(80) ?? '', /^`box.raw = f.buffer` on line 82 puts what it makes of `f` where a handler/);
  // nothing runs between the open and a close that is the `try`'s first statement: no finding
  assert.equal(byLine.has(89), false);
  assert.equal(r.findings.length, 8);
  const fixed = close(readFileSync(join(SNAPSHOTS, 'open-assign-close', 'try-body-close.in.py'), 'utf8'));
  // (`except UnicodeDecodeError: data = None` binds the name the body made, and reads nothing)
  assert.equal(fixed.fixesApplied, 5);
  assert.match(fixed.findings.find((f) => f.location.line === 47)?.fix?.title ?? '', /^Replace `conn.close\(\)` with `with contextlib.closing\(conn\):` at the top of the `try`$/);
  // A pipe's close waits for its command, which an exception leaving the `try` never did: unsafe, as for any close
  const pipe = close('import os\ndef g(cmd):\n    p = os.popen(cmd)\n    try:\n        out = p.read()\n        p.close()\n    finally:\n        print(cmd)\n    return out\n');
  assert.equal(pipe.fixesApplied, 0);
  assert.equal(pipe.findings[0]!.fix?.applicability, 'unsafe');
});

test('open-assign: a path opened to write before, and still open, blocks the `with` of another writer of it', () => {
  const r = assign(readFileSync(join(SNAPSHOTS, 'open-assign', 'ok-same-path-written-again.in.py'), 'utf8'));
  assert.equal(r.fixesApplied, 0);
  assert.match(reasonsByLine(r).get(15) ?? '', /^`open\(p, "a"\)` on line 14 opened the same path to write before, and is not closed before this open/);
  // written and closed (by hand, or by a `with`) before the second open: fixed
  const after = assign(readFileSync(join(SNAPSHOTS, 'open-assign', 'same-path-after-close.in.py'), 'utf8'));
  assert.equal(after.fixesApplied, 2);
});

test('open-assign-close: what an exception path sees, in the handlers around the open', () => {
  const reason = (src: string) => close(src).findings[0]?.reason ?? '';
  // an open in the `try`'s `else`: its `finally` runs on an exception there
  assert.match(reason('def g(p, log):\n    b = None\n    try:\n        log.append(1)\n    except KeyError:\n        pass\n    else:\n        f = open(p, "rb")\n        b = f.raw\n        int(f.read())\n        f.close()\n    finally:\n        if b is not None:\n            log.append(b.tell())\n'), /^`b`, made from `f` before the close, is read on line 13 in a handler of the `try` on line 3/);
  // a function of the scope that reads the view, called in the handler
  assert.match(reason('def g(p, out):\n    def show():\n        return b.tell()\n    f = open(p, "rb")\n    try:\n        b = f.raw\n        int(f.read())\n        f.close()\n    except ValueError:\n        out.append(show())\n'), /^`show\(\)`, called on line 10 in a handler of the `try` on line 5, may read what the code made of `f`/);
  // a view put in a container by a call; a lambda; the name of a deleting temporary file
  assert.match(reason('def g(p, out):\n    views = []\n    f = open(p, "rb")\n    try:\n        views.append(f.raw)\n        int(f.read(2))\n        f.close()\n    except ValueError:\n        out.append(views[0].tell())\n'), /^`views.append\(f.raw\)` on line 5 puts what it makes of `f` where a handler/);
  assert.match(reason('def g(p, out):\n    show = lambda: b.tell()\n    f = open(p, "rb")\n    try:\n        b = f.raw\n        int(f.read())\n        f.close()\n    except ValueError:\n        out.append(show())\n'), /^`show\(\)`, called on line 9/);
  assert.match(reason('import tempfile\ndef g(data):\n    tmp = tempfile.NamedTemporaryFile("w")\n    try:\n        path = tmp.name\n        tmp.write(data)\n        int(data)\n        tmp.close()\n    except ValueError:\n        print(open(path).read())\n'), /^`path`, made from `tmp` before the close, is read on line 10/);
  // a bound method of the file kept in a list; a logger given the file's stream
  assert.match(reason('callbacks = []\ndef g(p, rec):\n    try:\n        f = open(p, "w")\n        callbacks.append(f.write)\n        f.write("data")\n        int(rec)\n        f.close()\n    except ValueError:\n        for cb in callbacks:\n            cb("error")\n'), /^`callbacks.append\(f.write\)` on line 5 puts what it makes of `f`/);
  assert.match(reason('import logging, tempfile\ndef g(rec):\n    try:\n        tmp = tempfile.NamedTemporaryFile("w", delete=False)\n        logging.basicConfig(stream=tmp.file, force=True)\n        int(rec)\n        tmp.close()\n    except ValueError:\n        logging.error("bad record")\n    return tmp.name\n'), /^`logging.basicConfig\(stream=tmp.file, fo…` on line 5 puts what it makes of `tmp`/);
  // a handler that writes the path another way
  assert.match(reason('from pathlib import Path\ndef g(p, rec):\n    f = open(p, "w")\n    try:\n        f.write("partial")\n        int(rec)\n        f.close()\n    except ValueError:\n        Path(p).write_text("fallback")\n'), /^`Path\(p\)` on line 9 in a handler of the `try` on line 4 may write `p` again/);
  // a keeper inside the statement before the close, with a call after it that may raise
  assert.match(reason('import logging\ndef g(p, d, log, risky):\n    f = open(p, "w")\n    if d is not None:\n        log.addHandler(logging.StreamHandler(f))\n        risky(d)\n    f.close()\n'), /what it returns is handed to `log.addHandler\(\)`: if a later statement raises/);
  // data read from the file, or the name of a file opened by a path the code spells, is no view: the handler may read
  // it (not the name of `open(x)`: `x` may be a descriptor)
  assert.equal(close('import json\ndef g(p, log):\n    try:\n        f = open("data.txt")\n        text = f.read()\n        name = f.name\n        cfg = json.load(f)\n        for n, line in enumerate(f, 1):\n            log.append(line)\n        f.close()\n    except ValueError:\n        log.append((text[:50], name, n, cfg))\n').fixesApplied, 1);
});

test('open-assign: what closes an earlier writer of the same path before the later open', () => {
  const reason = (src: string) => assign(src).findings.find((f) => f.location.line === 6)?.reason;
  // a close in a branch may not have run
  assert.match(reason('def w(p, early):\n    f = open(p, "a")\n    f.write("F")\n    if early:\n        f.close()\n    g = open(p, "a")\n    g.write("G")\n    print("done")\n') ?? '', /opened the same path to write before, and is not closed before this open/);
  // not `del f`, which another reference may outlive (`items = [f]`); the end of the statement that wrote through a
  // temporary closed that one
  assert.match(reason('def w(p):\n    f = open(p, "a")\n    items = [f]\n    del f\n    x = 1\n    g = open(p, "a")\n    g.write("G")\n    print("done", items)\n') ?? '', /opened the same path to write before/);
  // a close of the name after it was bound to another file is that file's
  assert.match(reason('def w(p, q):\n    f = open(p, "a")\n    h = f\n    f = open(q)\n    f.close()\n    g = open(p, "a")\n    g.write("G")\n    print("done", h)\n') ?? '', /opened the same path to write before/);
  assert.equal(reason('def w(p):\n    open(p, "w").write("A")\n    x = 1\n    y = 2\n    z = 3\n    g = open(p, "a")\n    g.write("G")\n    print("done")\n'), undefined);
});

test('open-assign-close: a helper a handler calls, a logger given the file, a descriptor given to os', () => {
  const reason = (src: string) => close(src).findings[0]?.reason ?? '';
  // a function of the file that names the path, called in the handler
  assert.match(reason('P = "b1.txt"\ndef note_error():\n    with open(P, "a") as g:\n        g.write("error")\ndef run(rec):\n    try:\n        f = open(P, "w")\n        f.write("data")\n        int(rec)\n        f.close()\n    except ValueError:\n        note_error()\n'), /^`note_error\(\)` on line 12 in a handler of the `try` on line 6 runs code that names `P`/);
  // `logging.basicConfig(stream=f)`: the root logger keeps the file
  assert.match(reason('import logging\ndef run(p, rec):\n    try:\n        f = open(p, "w")\n        logging.basicConfig(stream=f, force=True)\n        int(rec)\n        f.close()\n    except ValueError:\n        logging.error("bad")\n'), /passed to `logging.basicConfig\(\)` \(line 5\), which may keep it/);
  // a descriptor given to `os.fsync`, a name given to a logger: used, not kept
  assert.equal(close('import os\ndef save(path, d, log):\n    try:\n        f = open(path, "w")\n        log.info("writing %s", f.name)\n        f.write(d)\n        os.fsync(f.fileno())\n        f.close()\n    except OSError:\n        log.exception("failed")\n').fixesApplied, 1);
});

test('open-assign-close: a file opened in a `with` body, or a `try` body whose handlers leave, and closed by hand after it (what WFY101\'s fix leaves of `f = open(open(p).readline())`, the EAFP open) is reported', () => {
  const src = 'def g(p):\n    f = open(open(p).readline().strip())\n    data = f.read()\n    f.close()\n    return data\n';
  const both = transformSource(src, { select: ['open-chain', 'open-assign-close'] });
  assert.equal(both.output, 'def g(p):\n    with open(p) as fh:\n        f = open(fh.readline().strip())\n    data = f.read()\n    f.close()\n    return data\n');
  // The leftover is the file closed by hand, not fixable: before, it went unreported once WFY101's fix ran
  const left = close(both.output);
  assert.equal(left.fixesApplied, 0);
  assert.match(left.findings[0]?.reason ?? '', /^`f.close\(\)` on line 5 is not a statement of the block that opens `f`/);
  // The same after a `try` whose handlers all leave (the EAFP open); not after one whose handler goes on
  assert.match(close('def c(p):\n    try:\n        f = open(p)\n    except OSError:\n        return None\n    data = f.read()\n    f.close()\n    return data\n').findings[0]?.reason ?? '', /^`f.close\(\)` on line 7 is not a statement of the block that opens `f`/);
  assert.equal(close('def c(p):\n    try:\n        f = open(p)\n    except OSError:\n        print("no")\n    data = f.read()\n    f.close()\n    return data\n').findings.length, 0);
  // Nothing read between the `with` and the close (`try: f = open(p)` / `else: f.close()` likewise): nothing to report
  assert.equal(close('def g(p):\n    with open(p) as fh:\n        f = open(fh.readline().strip())\n    f.close()\n').findings.length, 0);
});

test('open-assign-close: the close dropped from the last line of a file that ends without a line break leaves it ending without one (LF, CRLF, blanks after the close)', () => {
  assert.equal(close('def f(p):\r\n    out = open(p, "w")\r\n    out.write("x")\r\n    out.close()').output, 'def f(p):\r\n    with open(p, "w") as out:\r\n        out.write("x")');
  assert.equal(close('def f(p):\n    out = open(p, "w")\n    out.write("x")\n    out.close()   ').output, 'def f(p):\n    with open(p, "w") as out:\n        out.write("x")');
  assert.equal(close('def f(p):\n    out = open(p, "w")\n    out.write("x")\n    out.close()\n').output, 'def f(p):\n    with open(p, "w") as out:\n        out.write("x")\n');
});

test('open-assign: a module-level file the module keeps is fixed only with --unsafe-fixes, which would hand an importer a closed file', () => {
  const log = 'LOGFILE = open("run.log", "w")\nLOGFILE.write("started\\n")\n';
  const safe = assign(log);
  assert.equal(safe.output, log);
  assert.equal(safe.findings.length, 1);
  assert.equal(safe.findings[0]!.fixStatus, 'unsafe');
  assert.match(safe.findings[0]!.message, /the module keeps it in `LOGFILE` until the program ends, on CPython too; a module importing `LOGFILE` \(`from … import LOGFILE`\) would get it closed by the `with`$/);
  const unsafe = transformSource(log, { select: ['open-assign'], unsafeFixes: true }).output;
  assert.equal(unsafe, 'with open("run.log", "w") as LOGFILE:\n    LOGFILE.write("started\\n")\n');
  // What the reason says, run: the importer writes through the module's file before the fix and fails after it.
  const dir = tempDir('withify-kept-');
  writeFileSync(join(dir, 'main.py'), 'from log import LOGFILE\nLOGFILE.write("more\\n")\nprint("ok")\n');
  const run = (text: string) => {
    writeFileSync(join(dir, 'log.py'), text);
    return spawnSync(CPYTHON, ['main.py'], { cwd: dir, encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
  };
  const before = run(log);
  assert.equal(before.status, 0, before.stderr);
  assert.equal(before.stdout, 'ok\n');
  const after = run(unsafe);
  assert.notEqual(after.status, 0);
  assert.match(after.stderr, /ValueError: I\/O operation on closed file/);
  // Not kept: bound anew or deleted after the last use, in the body of `if __name__ == "__main__":`, a `__main__` module
  for (const text of [log + 'LOGFILE = None\n', log + 'del LOGFILE\n', 'if __name__ == "__main__":\n    ' + log.replace('\n', '\n    ')]) {
    const r = assign(text);
    assert.equal(r.findings[0]?.fixStatus, 'fixable', text);
  }
  assert.equal(transformSource(log, { select: ['open-assign'], moduleName: 'tool.__main__' }).findings[0]?.fixStatus, 'fixable');
  // Through a wrapper the module keeps: `writer` holds the file after `out` is bound anew
  const wrapped = assign('import csv\nout = open("t.csv", "w")\nwriter = csv.writer(out)\nwriter.writerow([1])\nout = None\n');
  assert.equal(wrapped.findings[0]?.fixStatus, 'unsafe');
  assert.match(wrapped.findings[0]!.message, /keeps it through `writer`/);
});

test('open-assign: a module-level name counts as dropped only where the drop surely runs after its last use', () => {
  // A `break`, a `continue`, a handler or a context manager that may swallow an exception can skip the drop
  assert.equal(status('for p in ps:\n    f = open(p)\n    head = f.readline()\n    if head:\n        break\n    f = None\n'), 'unsafef');
  assert.equal(status('for p in ps:\n    f = open(p)\n    head = f.readline()\n    if not head:\n        continue\n    f = None\n'), 'unsafef');
  assert.equal(status('try:\n    f = open(p)\n    n = int(f.readline())\n    f = None\nexcept ValueError:\n    n = 0\n'), 'unsafef');
  assert.equal(status('with suppress(ValueError):\n    f = open(p)\n    n = int(f.readline())\n    f = None\n'), 'unsafef');
  // After the `try` or the loop, with no exit between: dropped
  assert.equal(status('try:\n    f = open(p)\n    n = int(f.readline())\nexcept ValueError:\n    n = 0\nf = None\n'), 'fixable');
  assert.equal(status('for p in ps:\n    f = open(p)\n    head = f.readline()\nf = None\n'), 'fixable');
  // A name the file is passed on to by the last statement still holds it after the drop of the file's own name
  assert.equal(status('import csv\n_out = open(p, "w")\n_out.write("# log\\n")\nwriter = csv.writer(_out)\ndel _out\n'), 'unsafewriter');
  assert.equal(status('_fh = open(p, "a")\n_fh.write("start\\n")\nLOG = _fh\ndel _fh\n'), 'unsafeLOG');
  assert.equal(status('f = open(p)\nf.readline()\nfd = f.fileno()\nf = None\n'), 'unsafefd');
  // Deleted one by one after their last use: nothing holds it
  assert.equal(status('import csv\nf = open(p)\nr = csv.reader(f)\nheader = next(r)\ndel r\ndel f\n'), 'fixable');
  assert.equal(status('import csv\nf = open(p)\nr = csv.reader(f)\nheader = next(r)\ndel f\ndel r\n'), 'fixable');
  // The guard read as Python reads it: the body runs only as the program, or also on import
  for (const guard of ['if (__name__ == "__main__"):', 'if __name__ == "__main__" and len(argv) > 1:', "if __name__ == r'__main__':", "if '''__main__''' == (__name__):"]) {
    assert.equal(status(`${guard}\n    f = open(p)\n    f.readline()\n`), 'fixable', guard);
  }
  for (const guard of ['if __name__ == "__main__" or argv:', 'if __name__ == b"__main__":', 'if __name__ != "__main__":']) {
    assert.equal(status(`${guard}\n    f = open(p)\n    f.readline()\n`), 'unsafef', guard);
  }
});

test('open-assign and open-assign-close: the reason names the descriptor number where only it goes into a container, and a dropped result of a method withify does not know', () => {
  const fdInList = close('import socket\n\n\ndef t(addr):\n    s = socket.socket()\n    s.connect(addr)\n    print([s.fileno()])\n    s.close()\n');
  assert.equal(fdInList.findings[0]!.reason, 'its descriptor number put in a list, which may outlive the block (line 7)');
  const viaName = close('def t(p):\n    f = open(p)\n    fd = f.fileno()\n    print((fd, 1))\n    f.close()\n');
  assert.equal(viaName.findings[0]!.reason, 'through `fd`: its descriptor number put in a tuple, which may outlive the block (line 4)');
  const itself = close('def t(p):\n    f = open(p)\n    print((f, 1))\n    f.close()\n');
  assert.equal(itself.findings[0]!.reason, 'put in a tuple, which may outlive the block (line 3)');
  const dropped = assign('def t(p):\n    f = open(p)\n    f.frobnicate()\n    print(f.readline())\n');
  assert.equal(dropped.findings[0]!.reason, '`.frobnicate()` is no method withify knows of a file: it may keep the file past the block (line 3)');
  const kept = assign('def t(p):\n    f = open(p)\n    x = f.frobnicate()\n    print(f.readline(), x)\n');
  assert.equal(kept.findings[0]!.reason, '`.frobnicate()` may return an object that still uses the file after the block (line 3)');
  // `FileInput.nextfile()` closes the file being read and returns None
  const next = assign('from fileinput import FileInput\n\n\ndef t(files):\n    fi = FileInput(files=files)\n    fi.readline()\n    fi.nextfile()\n    print(fi.readline())\n');
  assert.equal(next.findings[0]!.fixStatus, 'fixable');
});

test('open-assign: a socket bound twice is reported at each binding with where CPython closed it', () => {
  const r = assign('import socket\n\n\ndef t():\n    s = socket.socket()\n    s.bind(("127.0.0.1", 0))\n    s = socket.socket()\n    s.bind(("127.0.0.1", 0))\n    print("end")\n');
  assert.deepEqual(r.findings.map((f) => f.fixStatus), ['none', 'none']);
  assert.match(r.findings[0]!.reason!, /CPython closed it where `s` is deleted or bound again: close it by hand there$/);
  assert.match(r.findings[1]!.reason!, /CPython closed it when the function returned, and `s` is bound more than once in it: withify makes a `with` that holds the rest of the function only for a name bound once; close it by hand$/);
});

test('open-assign: an annotated assignment is found as a plain one, its annotation kept bare above the with (CRLF too)', () => {
  const crlf = assign('def load(p):\r\n    f: IO[str] = open(p)\r\n    data = f.read()\r\n    return data\r\n');
  assert.equal(crlf.output, 'def load(p):\r\n    f: IO[str]\r\n    with open(p) as f:\r\n        data = f.read()\r\n    return data\r\n');
  // A store is reported as `self.f = open(p)` is
  const stored = assign('class C:\n    def m(self, p):\n        self.f: IO = open(p)\n');
  assert.equal(stored.findings[0]?.reason, 'stored on self: give the class close() or __enter__/__exit__');
  // At module level the annotation is evaluated after the value, into `__annotations__`: reported
  for (const ann of ['IO[str]', 'kind("f")', 'f.__class__']) {
    const r = assign(`f: ${ann} = open(p)\ndata = f.read()\nf = None\n`);
    assert.equal(r.findings[0]?.reason, `the annotation \`${ann}\` on line 1 is evaluated after the call at module level, and a \`with\` would need it on a line of its own before: move it by hand`);
  }
  // `Final` needs its value
  assert.match(assign('def t(p):\n    f: Final = open(p)\n    return f.read()\n').findings[0]?.reason ?? '', /^`Final` on line 2 needs its value/);
  // The bare annotation a fix leaves binds no value: a later open of that name is fixed
  const bare = assign('import socket\n\n\ndef t(addr):\n    s: "socket.socket"\n    s = socket.socket()\n    s.connect(addr)\n    s.sendall(b"x")\n');
  assert.equal(bare.findings[0]?.fixStatus, 'fixable');
  // `s: socket.socket = …` annotates; it does not set `socket.socket` (nor does a parameter's default)
  const annotatedSocket = assign('import socket\n\n\ndef t(addr, other: socket.socket = None):\n    s: socket.socket = socket.socket()\n    s.connect(addr)\n    s.sendall(b"x")\n');
  assert.equal(annotatedSocket.findings[0]?.fixStatus, 'fixable');
});

test('open-assign: a drop is looked for outside every try or with body around the open; exits that cannot skip it do not count', () => {
  // One block deeper in the `try` body: an exception from `int()` skips the drop
  assert.equal(status('try:\n    if ok:\n        f = open(p)\n        n = int(f.readline())\n        f = None\nexcept ValueError:\n    n = 0\n'), 'unsafef');
  // The drop's own read comes before it drops the name
  assert.equal(status('f = open(p)\nf = f.read()\n'), 'fixable');
  // A `break` that ends a loop the drop follows, a `raise` that ends the import: the drop runs whenever the module does
  assert.equal(status('for p in ps:\n    f = open(p)\n    head = f.readline()\n    if head:\n        break\nf = None\n'), 'fixable');
  assert.equal(status('f = open(p)\ntry:\n    n = int(f.readline())\nexcept ValueError:\n    raise SystemExit("bad")\ndel f\n'), 'fixable');
  assert.equal(status('f = open(p)\nn = int(f.readline())\nif n < 0:\n    raise ValueError(n)\nf = None\n'), 'fixable');
  // One in a `try` body between: caught there, the code goes on to the drop
  assert.equal(status('f = open(p)\nn = int(f.readline())\ntry:\n    if n < 0:\n        raise ValueError(n)\nexcept ValueError:\n    pass\nf = None\n'), 'fixable');
  // A guard over lines, with a comment or a backslash
  assert.equal(status('if (__name__ == "__main__"  # as a script\n        and argv):\n    f = open(p)\n    f.readline()\n'), 'fixable');
  assert.equal(status('if __name__ == "__main__" \\\n        and argv:\n    f = open(p)\n    f.readline()\n'), 'fixable');
});

test('open-assign: a loop else clause belongs to the loop around it; a raise a handler between catches cannot skip the drop', () => {
  assert.equal(status('for p in ps:\n    f = open(p)\n    head = f.readline()\n    for c in head:\n        pass\n    else:\n        continue\n    f = None\n'), 'unsafef');
  assert.equal(status('while ps:\n    f = open(ps.pop())\n    head = f.readline()\n    while head:\n        head = head[1:]\n    else:\n        break\n    f = None\n'), 'unsafef');
  assert.equal(status('for p in ps:\n    f = open(p)\n    head = f.readline()\n    for c in head:\n        break\n    f = None\n'), 'fixable');
  assert.equal(status('f = open(p)\nn = int(f.readline())\ntry:\n    raise ValueError(n)\nexcept ValueError:\n    pass\nf = None\n'), 'fixable');
  // A bare annotation after the last use neither reads nor drops it
  assert.equal(status('def t(p):\n    f = open(p)\n    data = f.read()\n    f: object\n    return data\n'), 'fixable');
  // A setup.py that calls setup() only under the guard runs the rest on import
  assert.equal(status('from setuptools import setup\nLOG = open("setup.log", "w")\nLOG.write("x")\nif __name__ == "__main__":\n    setup(name="x")\n', 'setup.py'), 'unsafeLOG');
  assert.equal(status('from setuptools import setup\nLOG = open("setup.log", "w")\nLOG.write("x")\nsetup(name="x")\n', 'setup.py'), 'fixable');
  assert.equal(status('from setuptools import setup\nLOG = open("setup.log", "w")\nLOG.write("x")\nwith open("R") as r:\n    setup(long_description=r.read())\n', 'setup.py'), 'fixable');
  for (const guard of ['if __name__ != "__main__":\n    pass\nelse:\n    setup()', 'if __name__ in ("__main__",):\n    setup()', 'if "setup.py" in sys.argv[0]:\n    setup()', '__name__ == "__main__" and setup()', 'x = setup() if ok else None', 'run = lambda: setup()']) {
    assert.equal(status(`from setuptools import setup\nLOG = open("setup.log", "w")\nLOG.write("x")\n${guard}\n`, 'setup.py'), 'unsafeLOG', guard);
  }
});

test('patchedInFile: a one-line def, class or case body sets the name; an annotation, a parameter\'s too, does not', () => {
  const statuses = (head: string) => assign(`import socket\n${head}\n\n\ndef h(addr):\n    s = socket.socket()\n    s.connect(addr)\n    s.sendall(b"x")\n`).findings.length;
  for (const head of ['def install(): socket.socket = Fake', 'async def install(): socket.socket = Fake', 'class P: socket.socket = Fake', 'if T: socket.socket = Fake', 'for x in y: socket.socket = Fake', 'def install(\n        fake=Fake): socket.socket = fake', 'if (T\n        == "1"): socket.socket = Fake', 'if T: pass\nelse: socket.socket = Fake', 'try: pass\nexcept: socket.socket = Fake', 'def f() -> int: socket.socket = Fake', 'if os.environ.get("CI") or \\\n        OFFLINE: socket.socket = Fake', 'for m in a, b: socket.socket = Fake', 'def f() -> \\\n        None: socket.socket = Fake', 'match x:\n    case [a, b]: socket.socket = Fake', 'while [x]: socket.socket = Fake', 'if [\n    OFFLINE][0]: socket.socket = Fake', 'x = 1; \\\nsocket.socket = Fake', 'if OFFLINE:\\\n socket.socket = Fake', '\fsocket.socket = Fake']) assert.equal(statuses(head), 0, head);
  for (const head of ['def f(s: socket.socket = None) -> int: return 1', 'async def f(s: socket.socket = None): pass', 's: socket.socket = None', 'class C:\n    sock: socket.socket = None', 'class Holder: sock: socket.socket = None', 'def f(\n    s: socket.socket = None): pass', 'x["k"]: socket.socket = None', 'if type(s) == socket.socket: n = 1', 'def make(host, factory=socket.socket): sock = factory(); return sock', 'g = lambda s=socket.socket: s; x = 1', 'if callable(socket.socket): n = 1', 'x[a[0]]: socket.socket = None', 'match: socket.socket = None', 'match[x]: socket.socket = None', 'd = {\n    socket.socket: functools.partial(wrap, kind="tcp"),\n}', 'ifé: socket.socket = None', 'd ["k"]: socket.socket = None', 'make = lambda s=socket.socket: s if x >= 1 else None']) assert.equal(statuses(head), 1, head);
});

test('open-assign-close: `with name:` counts as closing only as a later statement of the same block, before any rebinding', () => {
  const helper = 'def helper(f):\n    pass\n\n\n';
  const findings = (body: string) => close(`${helper}def main(p, q, arg, other):\n    f = open(p, "w")\n    helper(f)\n    if arg:\n        f.close()\n${body}`).findings.map((f) => f.location.line);
  // The `with` enters another file, bound since: the first is left open on the `not arg` path
  assert.deepEqual(findings('    f = open(q)\n    with f:\n        print(f.read())\n'), [6]);
  // Only in a branch
  assert.deepEqual(findings('    if other:\n        with f:\n            pass\n'), [6]);
  // A later statement of the block: closed on every path
  assert.deepEqual(findings('    with f:\n        pass\n'), []);
  // ... but not after a `return` that leaves before it, unless its block closed the file first
  assert.deepEqual(findings('    if other:\n        return\n    with f:\n        pass\n'), [6]);
  assert.deepEqual(findings('    if other:\n        f.close()\n        return\n    with f:\n        pass\n'), []);
});

test('open-assign: a factory that hands the file to a call on the way is no finding; a descriptor passed is named as such', () => {
  const factory = assign('def f(path, method):\n    fh = open(path)\n    getattr(fh, method)()\n    return fh\n');
  assert.deepEqual(factory.findings, []);
  const numbered = assign('import sys\n\n\ndef g(check):\n    fi = open(sys.argv[0])\n    check(fi.fileno(), -1)\n    return fi.readline()\n');
  assert.match(numbered.findings[0]!.reason!, /^its descriptor number passed to `check\(\)`/);
});

test('open-assign-close: a function of the module that keeps the file is a store, as the same call written in place', () => {
  const src = 'K = []\n\n\ndef keep(out):\n    K.append(out)\n\n\ndef risky():\n    raise RuntimeError("boom")\n\n\ndef main(p):\n    f = open(p, "w")\n    keep(f)\n    risky()\n    f.close()\n';
  const r = close(src);
  assert.equal(r.fixesApplied, 0);
  assert.match(r.findings[0]!.reason!, /^passed to `keep\(\)`, which withify cannot show to leave it alone: in `keep`, line 5/);
  // One that only writes to it: fixed
  assert.equal(close(src.replace('K.append(out)', 'out.write("x")')).fixesApplied, 1);
});

test('open-assign: a function of the module that may be bound again is not read, and the reason says why', () => {
  const src = 'import json\n\n\ndef save(d, out):\n    json.dump(d, out)\n\n\n';
  const call = 'def write(path, d):\n    f = open(path, "w")\n    save(d, f)\n';
  assert.equal(assign(src + call).fixesApplied, 1);
  const rebound = assign(src + 'def switch():\n    global save\n    save = print\n\n\n' + call);
  assert.match(rebound.findings[0]!.reason!, /a `global save` statement may bind it to something else: withify does not read the function/);
  const dynamic = assign(src + 'setattr(json, "x", 1)\n\n\n' + call);
  assert.match(dynamic.findings[0]!.reason!, /the module's text says `setattr\(`, which may bind `save` to something else/);
});
