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

function finding(dir: string, path: string) {
  const r = spawnSync(process.execPath, [CLI, 'check', '--no-cache', '--format', 'json', '.'], { cwd: dir, encoding: 'utf8' });
  const out = JSON.parse(r.stdout) as { files: Array<{ path: string; findings: Array<{ code: string; message: string; fix?: { applicability: string } }> }> };
  const f = out.files.find((x) => x.path === path)!.findings;
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
