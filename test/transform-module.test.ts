// --transform PATH: a user's transform module, loaded, validated, run and listed like a built-in one.
// The module under test is the worked example of docs/library.md.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { transformBytes, transformSource } from '../src/api.js';
import { loadTransformModule, TransformLoadError, validateTransform } from '../src/load-transform.js';
import { CLI, ROOT, tempDir } from './helpers.js';
import type { Finding, Transform } from '../src/types.js';

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

test('a module named twice is loaded once', () => {
  const dir = tempDir('withify-transform-');
  writeFileSync(join(dir, 'clean.py'), INPUT);
  const r = cli(dir, 'check', '--transform', EXAMPLE, '--transform', EXAMPLE, 'clean.py');
  assert.equal(r.status, 1, r.stderr);
  assert.equal(r.stdout.match(/ACME001/g)?.length, 1);
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

// A user transform for the tests below: flags `MARK` and fixes it as `finding(i)` says.
function marker(over: Partial<Transform>, finding: (i: number) => unknown[]): Transform {
  return {
    id: 'acme-x',
    code: 'ACME002',
    summary: 's',
    fixTitle: 's',
    safety: 'safe',
    doc: { whatItDoes: 'a', whyItBreaksOnPyPy: 'b', fixSafety: 'c', notFlagged: 'd' },
    examples: [],
    check: (ctx) => {
      const i = ctx.source.indexOf('MARK');
      return (i < 0 ? [] : finding(i)) as Finding[];
    },
    ...over,
  };
}
const MARKED = 'x = 1\nMARK = 2\ny = open("a").read()\n';
const markFix = (i: number, text: string, applicability = 'safe') => [{ id: 'acme-x', code: 'ACME002', message: 'm', start: i, end: i + 4, fix: { title: 't', applicability, edits: [{ start: i, end: i + 4, text }] } }];

test("a transform's safety is the ceiling of its fixes: report-only shows them, unsafe needs --unsafe-fixes", () => {
  const reportOnly = marker({ safety: 'report-only' }, (i) => markFix(i, 'DONE'));
  for (const unsafeFixes of [false, true]) {
    const r = transformSource(MARKED, { select: ['acme-x'], extraTransforms: [reportOnly], unsafeFixes });
    assert.equal(r.output, MARKED);
    assert.equal(r.findings[0]!.fixStatus, 'display-only');
    assert.match(r.findings[0]!.reason!, /acme-x is report-only/);
  }
  const unsafe = marker({ safety: 'unsafe' }, (i) => markFix(i, 'DONE'));
  const plain = transformSource(MARKED, { select: ['acme-x'], extraTransforms: [unsafe] });
  assert.equal(plain.output, MARKED);
  assert.equal(plain.findings[0]!.fixStatus, 'unsafe');
  assert.equal(transformSource(MARKED, { select: ['acme-x'], extraTransforms: [unsafe], unsafeFixes: true }).output, MARKED.replace('MARK', 'DONE'));
});

test("a user transform's bad findings fail the file, naming the transform: no NaN, no borrowed code", () => {
  const cases: Array<[Transform, RegExp]> = [
    [marker({}, () => [{ message: 'm' }]), /acme-x \(ACME002\) returned a finding with id undefined and code undefined/],
    [marker({}, (i) => [{ id: 'acme-x', code: 'ACME002', message: 'm', start: i }]), /start and end \(\d+, undefined\) are not offsets/],
    [marker({}, (i) => [{ id: 'acme-x', code: 'ACME002', message: 'm', start: i, end: 99999 }]), /not offsets 0 ≤ start ≤ end ≤ 36/],
    [marker({}, (i) => [{ id: 'open-chain', code: 'WFY101', message: 'm', start: i, end: i + 4 }]), /code "WFY101"; its findings must carry its own, "acme-x" and "ACME002"/],
    [marker({}, (i) => [{ ...markFix(i, 'x')[0], fix: { title: 't', applicability: 'safe', edits: [{ start: 0, end: 99999, text: '' }] } }]), /a fix with an edit that is not/],
    [marker({}, (i) => [{ ...markFix(i, 'x')[0], fix: { ...markFix(i, 'x')[0]!.fix!, order: '1' } }]), /a fix whose `order` is not a finite number/],
    [marker({}, () => { throw new Error('boom'); }), /acme-x \(ACME002\) threw Error: boom/],
    [marker({ check: (async () => []) as unknown as Transform['check'] }, () => []), /returned a Promise/],
  ];
  for (const [t, reason] of cases) {
    const r = transformSource(MARKED, { extraTransforms: [t] });
    assert.equal(r.status, 'failed');
    assert.equal(r.output, MARKED);
    assert.match(r.reason!, reason);
    assert.match(r.reason!, /nothing was written\. Fix the transform, or leave it out with --ignore acme-x$/);
  }
});

test('a user fix that never settles fails the file and writes nothing', () => {
  const grows = marker({}, (i) => [{ ...markFix(i, '')[0], fix: { title: 't', applicability: 'safe', edits: [{ start: i, end: i, text: 'MARK' }] } }]);
  const r = transformSource(MARKED, { extraTransforms: [grows] });
  assert.equal(r.status, 'failed');
  assert.equal(r.output, MARKED);
  assert.match(r.reason!, /the fixes of the user transform acme-x still change the file after 10 passes/);
});

test("a user fix that breaks the syntax is refused, the built-in fixes of its pass still applied; no 'internal error'", () => {
  const breaks = marker({}, (i) => markFix(i, 'def ('));
  const r = transformSource(MARKED, { extraTransforms: [breaks] });
  assert.equal(r.status, 'changed');
  assert.equal(r.output, 'x = 1\nMARK = 2\nwith open("a") as _f:\n    y = _f.read()\n');
  const left = r.remaining.find((f) => f.code === 'ACME002')!;
  assert.equal(left.fixStatus, 'display-only');
  assert.match(left.reason!, /^the fix of acme-x \(a user transform\) would produce invalid syntax at line 2, so it was not applied; fix the transform$/);
  assert.equal(r.findings.find((f) => f.code === 'ACME002')!.fixStatus, 'display-only');
});

test("a user fix that indents where no block opens, or writes Python 2, is refused as one that breaks the syntax", () => {
  const text = 'def g():\n    setup()\n    MARK = 1\n    return 1\n';
  for (const [edit, why] of [
    ['MARK = 1\nlog', /would indent line 5 where no block opens \(Python's "unexpected indent"\)/],
    ['print "x"\n    MARK', /would produce Python 2 syntax \(a `print` statement\) at line 3/],
    ['x = 0777\n    MARK', /would produce Python 2 syntax \(the octal literal `0777`\) at line 3/],
  ] as const) {
    const t = marker({}, (i) => markFix(i, edit));
    const r = transformSource(text, { extraTransforms: [t] });
    assert.equal(r.output, text, edit);
    assert.match(r.findings[0]!.reason ?? '', why, edit);
  }
  // What opens a block, and a dedent, are no unexpected indent
  const ok = marker({}, (i) => markFix(i, 'if x:  # a comment\n        y = 2\n    z'));
  assert.equal(transformSource(text, { extraTransforms: [ok] }).output, text.replace('MARK', 'if x:  # a comment\n        y = 2\n    z'));
});

test("a user fix that writes what the file's coding cannot hold fails the file, nothing written", () => {
  const latin1 = Buffer.from('# -*- coding: latin-1 -*-\nname = "caf\xe9"\nMARK = 1\n', 'latin1');
  const arrow = marker({}, (i) => markFix(i, 'SEP = "\u2192"\nDONE'));
  const r = transformBytes(latin1, { extraTransforms: [arrow] });
  assert.equal(r.status, 'failed');
  assert.match(r.reason ?? '', /^a fix would write "\u2192" \(line 3 of the fixed text\), which the file's coding \(latin-1\) cannot hold; nothing was written$/);
  assert.ok(r.outputBytes.equals(latin1));
  // What latin-1 holds is written
  const e = marker({}, (i) => markFix(i, 'SEP = "\xe8"\nDONE'));
  assert.equal(transformBytes(latin1, { extraTransforms: [e] }).outputBytes.toString('latin1'), '# -*- coding: latin-1 -*-\nname = "caf\xe9"\nSEP = "\xe8"\nDONE = 1\n');
});

test('CLI: a bad user finding gives a JSON report with the file failed, exit 2', () => {
  const dir = tempDir('withify-transform-');
  writeFileSync(join(dir, 'm.py'), MARKED);
  const doc = '{ whatItDoes: "a", whyItBreaksOnPyPy: "b", fixSafety: "c", notFlagged: "d" }';
  writeFileSync(join(dir, 'bad.mjs'), `export default { id: 'acme-x', code: 'ACME002', summary: 's', safety: 'safe', doc: ${doc}, examples: [], check: () => [{ message: 'm' }] };\n`);
  const r = cli(dir, 'check', '--format', 'json', '--transform', 'bad.mjs', 'm.py');
  assert.equal(r.status, 2, r.stderr);
  const report = JSON.parse(r.stdout) as { files: Array<{ status: string; reason: string; findings: unknown[] }> };
  assert.equal(report.files[0]!.status, 'failed');
  assert.match(report.files[0]!.reason, /the user transform acme-x \(ACME002\) returned a finding with id undefined/);
  assert.deepEqual(report.files[0]!.findings, []);
});
