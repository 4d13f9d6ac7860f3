// --transform PATH: a user's transform module, loaded, validated, run and listed like a built-in one.
// The module under test is the worked example of docs/library.md.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { transformSource } from '../src/api.js';
import { loadTransformModule, TransformLoadError, validateTransform } from '../src/load-transform.js';
import { CLI, ROOT, tempDir } from './helpers.js';

const EXAMPLE = join(ROOT, 'examples', 'transforms', 'os-popen-dropped.mjs');
const INPUT = 'import os\n\n\ndef clean():\n    os.popen("make clean")\n    p = os.popen("ls")\n    return p.read()\n';
const OUTPUT = 'import os\n\n\ndef clean():\n    os.popen("make clean").close()\n    p = os.popen("ls")\n    return p.read()\n';

function cli(cwd: string, ...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

test('the example module loads, and its examples are what it produces (idempotent too)', async () => {
  const t = await loadTransformModule(EXAMPLE);
  assert.equal(t.id, 'os-popen-dropped');
  for (const ex of t.examples) {
    const r = transformSource(ex.before, { select: [t.id], extraTransforms: [t] });
    assert.equal(r.output, ex.after);
    assert.equal(transformSource(r.output, { select: [t.id], extraTransforms: [t] }).findings.length, 0);
  }
});

test('fix --transform applies it beside the built-in transforms', () => {
  const dir = tempDir('withify-transform-');
  writeFileSync(join(dir, 'clean.py'), INPUT);
  const check = cli(dir, 'check', '--transform', EXAMPLE, 'clean.py');
  assert.equal(check.status, 1);
  assert.match(check.stdout, /^clean\.py:5:5 ACME001 `os\.popen\(\.\.\.\)` dropped: .* \[\*\]$/m);
  const fix = cli(dir, 'fix', '--select', 'ACME001', '--transform', EXAMPLE, 'clean.py');
  assert.equal(fix.status, 0, fix.stderr);
  assert.equal(readFileSync(join(dir, 'clean.py'), 'utf8'), OUTPUT);
  // Without --transform the file has no ACME001 finding: the rule came from the module.
  assert.doesNotMatch(cli(dir, 'check', 'clean.py').stdout, /ACME001/);
});

test('list --transform shows it; explain --transform explains it', () => {
  const list = cli(ROOT, 'list', '--transform', EXAMPLE);
  assert.equal(list.status, 0, list.stderr);
  const last = list.stdout.trimEnd().split('\n').at(-1)!;
  assert.deepEqual(last.split(/\s{2,}/).slice(0, 3), ['ACME001', 'os-popen-dropped', 'safe']);
  const explain = cli(ROOT, 'explain', 'os-popen-dropped', '--transform', EXAMPLE);
  assert.equal(explain.status, 0, explain.stderr);
  assert.match(explain.stdout, /^ACME001 os-popen-dropped \(safe\)$/m);
  assert.match(explain.stdout, /    os\.popen\("make clean"\)\.close\(\)/);
});

test('a module of the wrong shape is exit 2 with every problem listed', () => {
  const dir = tempDir('withify-transform-');
  writeFileSync(join(dir, 'bad.mjs'), 'export default { id: "Bad Id", code: "x1", summary: "", safety: "maybe", doc: {}, examples: [{}] };\n');
  const r = cli(dir, 'check', '--transform', 'bad.mjs', '.');
  assert.equal(r.status, 2);
  for (const p of ['`id` must be a kebab-case', '`code` must be letters then digits', '`summary` must be', '`safety` must be one of', '`doc.whatItDoes`', '`examples[0]`', '`check` must be a function']) {
    assert.ok(r.stderr.includes(p), `missing "${p}" in ${r.stderr}`);
  }
  writeFileSync(join(dir, 'none.mjs'), 'export const other = 1;\n');
  assert.match(cli(dir, 'list', '--transform', 'none.mjs').stderr, /export the transform as `export default` or `export const transform`/);
  writeFileSync(join(dir, 'syntax.mjs'), 'export default {\n');
  assert.match(cli(dir, 'list', '--transform', 'syntax.mjs').stderr, /syntax\.mjs: cannot load the module/);
  assert.match(cli(dir, 'list', '--transform', 'missing.mjs').stderr, /--transform: missing\.mjs: no such file/);
});

test('a named `transform` export works; a built-in id or code is refused', async () => {
  const dir = tempDir('withify-transform-');
  const source = readFileSync(EXAMPLE, 'utf8').replace('export default osPopenDropped;', 'export const transform = osPopenDropped;');
  writeFileSync(join(dir, 'named.mjs'), source);
  assert.equal((await loadTransformModule(join(dir, 'named.mjs'))).code, 'ACME001');
  const t = await loadTransformModule(EXAMPLE);
  assert.throws(() => validateTransform({ ...t, code: 'WFY101' }, 'x'), (e: Error) => e instanceof TransformLoadError && /taken by the built-in WFY101 open-chain/.test(e.message));
  // fixTitle may be left out: it defaults to the summary.
  const { fixTitle: _, ...noTitle } = t;
  assert.equal(validateTransform(noTitle, 'x').fixTitle, t.summary);
});
