// A resource call that another module of the project replaces with a test double (review rw3: IPython's
// `test_embed_svg_url` patches `urllib.request.urlopen` with an object that has only `read()`, and failed once
// `display.py`'s call was put in a `with`): the fix is offered only with --unsafe-fixes, saying why.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CLI, tempDir } from './helpers.js';

const FETCH = 'from urllib.request import urlopen\n\n\ndef fetch(url):\n    return urlopen(url).read()\n';

function project(files: Record<string, string>): string {
  const dir = tempDir('withify-doubles-');
  writeFileSync(join(dir, 'pyproject.toml'), '');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** The findings of `path` in `check --format json` of the project `dir` (`cached`: with the cache in the project). */
function findingsOf(dir: string, path: string, cached = false) {
  const args = cached ? ['check', '--format', 'json', '.'] : ['check', '--no-cache', '--format', 'json', '.'];
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, WITHIFY_CACHE_DIR: '' } });
  const out = JSON.parse(r.stdout) as { files: Array<{ path: string; findings: Array<{ code: string; message: string; fix?: { applicability: string } }> }> };
  return out.files.find((x) => x.path === path)!.findings;
}

/** The one finding of `path` (`findingsOf`). */
function finding(dir: string, path: string, cached = false) {
  const f = findingsOf(dir, path, cached);
  assert.equal(f.length, 1, JSON.stringify(f));
  return f[0]!;
}

test('this module\'s own name for the call doubled by a test: unsafe, naming the test', () => {
  const dir = project({
    'pkg/__init__.py': '',
    'pkg/fetch.py': FETCH,
    'tests/test_fetch.py': 'from unittest import mock\nfrom pkg import fetch as mod\n\n\n@mock.patch("pkg.fetch.urlopen")\ndef test_fetch(m):\n    m.return_value.read.return_value = b"ok"\n    assert mod.fetch("u") == b"ok"\n',
  });
  const f = finding(dir, 'pkg/fetch.py');
  assert.equal(f.fix?.applicability, 'unsafe');
  assert.match(f.message, /a test double of `fetch\.urlopen` \(`mock\.patch`, `monkeypatch\.setattr`\) in `test_fetch` replaces `pkg\.fetch\.urlopen`/);
});

test('the catalog name doubled by a test that imports the module, or one of its package: unsafe', () => {
  for (const [path, imports] of [['tests/test_fetch.py', 'from pkg.fetch import fetch\n'], ['pkg/tests/test_other.py', 'import json\n']] as const) {
    const dir = project({
      'pkg/__init__.py': '',
      'pkg/tests/__init__.py': '',
      'pkg/fetch.py': FETCH,
      [path]: `from unittest import mock\n${imports}\n\ndef test_fetch():\n    with mock.patch("urllib.request.urlopen", side_effect=OSError):\n        pass\n`,
    });
    const f = finding(dir, 'pkg/fetch.py');
    assert.equal(f.fix?.applicability, 'unsafe', path);
    assert.match(f.message, /a test double of `urllib\.request\.urlopen` in `(test_fetch|pkg\.tests\.test_other)` \(`mock\.patch`, `monkeypatch\.setattr`\) replaces it: the `with` enters what the test put there/);
  }
});

test('a double of the catalog name in a module that neither imports the module nor tests its package, or a plain assignment there: safe', () => {
  const dir = project({
    'pkg/__init__.py': '',
    'pkg/fetch.py': FETCH,
    'tests/test_other.py': 'from unittest import mock\nimport json\n\n\ndef test_other():\n    with mock.patch("urllib.request.urlopen", side_effect=OSError):\n        pass\n',
    // (CPython's own tests: `test.test_codecs` doubles `builtins.open`, `test.test_zipimport` is no test of it)
    'test/__init__.py': '',
    'test/test_codecs.py': 'from unittest import mock\n\n\ndef test_open():\n    with mock.patch("urllib.request.urlopen", side_effect=OSError):\n        pass\n',
    // (A module that replaces the name for its own reasons: not a double of a test)
    'pkg/compat.py': 'import urllib.request\n\nurllib.request.urlopen = lambda u: None\n',
  });
  assert.equal(finding(dir, 'pkg/fetch.py').fix?.applicability, 'safe');
});

test('the cache: a test that comes to import the module (or stops) changes the verdict of the next cached run (review rw6)', () => {
  const unrelated = 'from unittest import mock\nimport json\n\n\ndef test_fetch():\n    with mock.patch("urllib.request.urlopen", side_effect=OSError):\n        assert json.dumps(1) == "1"\n';
  const dir = project({ 'pkg/__init__.py': '', 'pkg/fetch.py': FETCH, 'tests/test_fetch.py': unrelated });
  const cached = () => finding(dir, 'pkg/fetch.py', true).fix?.applicability;
  assert.equal(cached(), 'safe');
  writeFileSync(join(dir, 'tests', 'test_fetch.py'), unrelated.replace('import json\n', 'import json\nfrom pkg.fetch import fetch\n'));
  assert.equal(cached(), 'unsafe');
  writeFileSync(join(dir, 'tests', 'test_fetch.py'), unrelated);
  assert.equal(cached(), 'safe');
});

test('this module\'s name for a module it imports, doubled: `pkg.net.socket.socket` for `socket.socket()`; not `pkg.comp.open` for `gzip.open()` (review rw6)', () => {
  const dir = project({
    'pkg/__init__.py': '',
    'pkg/net.py': 'import socket\n\n\ndef ping(addr):\n    s = socket.socket()\n    s.connect(addr)\n    s.close()\n',
    'pkg/comp.py': 'import gzip\n\n\ndef load(p):\n    return gzip.open(p).read()\n',
    'tests/test_net.py': 'from unittest import mock\n\n\n@mock.patch("pkg.net.socket.socket", side_effect=OSError)\ndef test_ping(m):\n    pass\n\n\n@mock.patch("pkg.comp.open", side_effect=OSError)\ndef test_load(m):\n    pass\n',
  });
  const net = finding(dir, 'pkg/net.py');
  assert.equal(net.fix?.applicability, 'unsafe');
  assert.match(net.message, /replaces `pkg\.net\.socket\.socket`/);
  assert.equal(finding(dir, 'pkg/comp.py').fix?.applicability, 'safe');
});

test('a patch with no value of its own (a MagicMock the test asserts on) counts too (review rw6)', () => {
  const dir = project({
    'pkg/__init__.py': '',
    'pkg/fetch.py': FETCH,
    'tests/test_fetch.py': 'from unittest import mock\nfrom pkg import fetch as mod\n\n\n@mock.patch("pkg.fetch.urlopen")\ndef test_fetch(m):\n    mod.fetch("u")\n    m.return_value.read.assert_called_once_with()\n',
  });
  const f = finding(dir, 'pkg/fetch.py');
  assert.equal(f.fix?.applicability, 'unsafe');
  assert.match(f.message, /a test double of `fetch\.urlopen` \(`mock\.patch`\) in `test_fetch` replaces `pkg\.fetch\.urlopen`/);
});

test('monkeypatch.setattr on a dotted object is a double: monkeypatch.setattr(urllib.request, "urlopen", fake) (review rw6)', () => {
  const dir = project({
    'pkg/__init__.py': '',
    'pkg/fetch.py': FETCH,
    'tests/test_fetch.py': 'import urllib.request\nfrom pkg.fetch import fetch\n\n\ndef test_fetch(monkeypatch):\n    monkeypatch.setattr(urllib.request, "urlopen", lambda u: None)\n    fetch("u")\n',
  });
  const f = finding(dir, 'pkg/fetch.py');
  assert.equal(f.fix?.applicability, 'unsafe');
  assert.match(f.message, /a test double of `urllib\.request\.urlopen` in `test_fetch`/);
});

test('the module replaced by its dotted path: `import pkg.fetch` / `pkg.fetch.urlopen = fake`, `setattr(pkg.fetch, "urlopen", fake)` (review rw1)', () => {
  for (const patch of ['pkg.fetch.urlopen = lambda url: Canned()', 'setattr(pkg.fetch, "urlopen", lambda url: Canned())']) {
    const dir = project({
      'pkg/__init__.py': '',
      'pkg/fetch.py': FETCH,
      'tests/test_fetch.py': `import pkg.fetch\n\n\nclass Canned:\n    def read(self):\n        return b"hi"\n\n\ndef test_fetch():\n    ${patch}\n    assert pkg.fetch.fetch("u") == b"hi"\n`,
    });
    const f = finding(dir, 'pkg/fetch.py');
    assert.equal(f.fix?.applicability, 'unsafe', patch);
  }
});

test('a connection factory replaced from another module by its dotted path is no factory (review rw1)', () => {
  const app = 'import sqlite3\n\nDB = "app.db"\n\n\ndef get_db():\n    conn = sqlite3.connect(DB)\n    return conn\n\n\ndef count(table):\n    return get_db().execute("select count(*) from %s" % table).fetchone()[0]\n';
  const findings = (plugin: string) => {
    const dir = project({ 'pkg/__init__.py': '', 'pkg/app.py': app, 'pkg/plugin.py': `import sqlite3\n\nimport pkg.app\n\n_shared = sqlite3.connect(":memory:")\n\n\ndef install():\n    ${plugin}\n` });
    return findingsOf(dir, 'pkg/app.py').length;
  };
  assert.equal(findings('pass'), 1);
  assert.equal(findings('setattr(pkg.app, "get_db", lambda: _shared)'), 0);
  assert.equal(findings('pkg.app.get_db = lambda: _shared'), 0);
});

test('an annotation `cp: configparser.ConfigParser = …` sets no attribute of `configparser` (review rv55f); `if ok: core.rows = f` does', async () => {
  const { patchedAttributes } = await import('../src/python/generators.js');
  const annotated = 'import configparser\n\n\ndef load(p):\n    cp: configparser.ConfigParser = configparser.ConfigParser()\n    return cp\n';
  assert.deepEqual(patchedAttributes(annotated, 'app', { 'app.configparser': 'configparser' }), []);
  const inline = 'import core\nif ok: core.rows = f\nelse: core.rows = g\n';
  assert.deepEqual(patchedAttributes(inline, 'app', { 'app.core': 'core' }), ['core.rows']);
});
