// The package as a library: what `import ... from 'withify'` gives, typed, with the defaults documented
// in docs/library.md.
import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import * as api from '../src/index.js';
import type { FileResult, LocatedFinding, RunApiOptions, Transform, TransformSourceResult } from '../src/index.js';
import { ROOT, tempDir } from './helpers.js';

const LEAKY = 'def load(p):\n    return open(p).read()\n';
const FIXED = 'def load(p):\n    with open(p) as f:\n        return f.read()\n';

test("the package name resolves to the same module (package.json exports)", async () => {
  const name = 'withify'; // a variable: tsc must not resolve it before dist/ exists
  const lib = (await import(name)) as typeof api;
  assert.equal(lib.transformSource, api.transformSource);
  for (const fn of ['transformSource', 'transformBytes', 'run', 'processPath', 'selectFiles', 'loadConfig', 'mergeSettings', 'loadTransformModule', 'validateTransform', 'countResults', 'defaultOptions']) {
    assert.equal(typeof (lib as Record<string, unknown>)[fn], 'function', fn);
  }
});

test('transformSource: { output, findings } for a text, nothing on disk', () => {
  const r: TransformSourceResult = api.transformSource(LEAKY, { path: 'app.py' });
  assert.equal(r.output, FIXED);
  assert.equal(r.status, 'changed');
  const f: LocatedFinding = r.findings[0]!;
  assert.deepEqual([f.code, f.path, f.location, f.fixStatus], ['WFY101', 'app.py', { line: 2, column: 12 }, 'fixable']);
  assert.deepEqual(r.remaining, []);
});

test('run: check by default (nothing written), fix when asked; options may be left out', async () => {
  const dir = tempDir('withify-lib-');
  mkdirSync(join(dir, 'pkg'));
  writeFileSync(join(dir, 'pkg', 'a.py'), LEAKY);
  writeFileSync(join(dir, 'pkg', 'b.py'), 'x = 1\n');
  const checked = await api.run(['pkg'], { cwd: dir }); // check applies no fix: status stays 'unchanged'
  const files: FileResult[] = checked.files;
  assert.deepEqual(files.map((f) => [f.path, f.status, f.findings.length]), [['pkg/a.py', 'unchanged', 1], ['pkg/b.py', 'unchanged', 0]]);
  assert.equal(readFileSync(join(dir, 'pkg', 'a.py'), 'utf8'), LEAKY);
  assert.equal(api.countResults(checked).fixable, 1);
  const opts: RunApiOptions = { cwd: dir, mode: 'fix', exclude: ['b.py'] };
  const fixed = await api.run(['pkg'], opts);
  assert.deepEqual(fixed.files.map((f) => f.path), ['pkg/a.py']);
  assert.equal(readFileSync(join(dir, 'pkg', 'a.py'), 'utf8'), FIXED);
});

test('a transform module loaded by the library runs through transformSource', async () => {
  const t: Transform = await api.loadTransformModule(join(ROOT, 'examples', 'transforms', 'os-popen-dropped.mjs'));
  const r = api.transformSource('import os\nos.popen("true")\n', { extraTransforms: [t] });
  assert.equal(r.output, 'import os\nos.popen("true").close()\n');
});
