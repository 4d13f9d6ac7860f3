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

test('transformSource: a bad option is a failed result saying what to give, never a throw or a silent no-op', () => {
  const bad: Array<[Record<string, unknown>, RegExp]> = [
    [{ select: ['nope'] }, /^bad option: select: no transform "nope"/],
    [{ ignore: ['WFY999'] }, /^bad option: ignore: no transform "WFY999"/],
    [{ select: 'WFY101' }, /^bad option: select: give an array of transform ids or codes/],
    [{ targetVersion: '3.10' }, /^bad option: targetVersion: give \[major, minor\], e\.g\. \[3, 10\]/],
    [{ targetVersion: [2, 7] }, /^bad option: targetVersion: withify writes for Python 3\.1 or newer/],
    [{ generatorStyle: 'nope' }, /^bad option: generatorStyle: give 'try-finally' or 'closing'/],
    [{ unsafeFixes: 'yes' }, /^bad option: unsafeFixes: give true or false/],
  ];
  for (const [options, reason] of bad) {
    const r = api.transformSource(LEAKY, options as api.TransformSourceOptions);
    assert.equal(r.status, 'failed', JSON.stringify(options));
    assert.equal(r.output, LEAKY);
    assert.match(r.reason!, reason);
  }
  // undefined and null take the default
  for (const k of ['select', 'ignore', 'unsafeFixes', 'targetVersion', 'generatorStyle', 'allLoops', 'extraTransforms']) {
    for (const v of [undefined, null]) assert.equal(api.transformSource(LEAKY, { [k]: v } as api.TransformSourceOptions).output, FIXED, `${k}: ${String(v)}`);
  }
  assert.match(api.transformSource(Buffer.from(LEAKY) as unknown as string).reason!, /the text must be a string, not bytes \(transformBytes takes bytes\)/);
  // And the other way round: transformBytes of text is a failed result, not a TypeError from the decoder
  const text = api.transformBytes(LEAKY as unknown as Uint8Array);
  assert.deepEqual([text.status, text.reason, text.outputBytes.length], ['failed', 'the bytes must be a Uint8Array or Buffer, not string (transformSource takes text)', 0]);
  assert.equal(api.transformBytes(null as unknown as Uint8Array).reason, 'the bytes must be a Uint8Array or Buffer, not null');
  assert.equal(api.transformBytes(new Uint8Array(Buffer.from(LEAKY))).output, FIXED);
});

test('run: a wrong value of a file-selection or run option is an OptionsError too (it was taken as something else, or threw a TypeError)', async () => {
  const dir = tempDir('withify-lib-');
  writeFileSync(join(dir, 'a.py'), LEAKY);
  for (const [options, message] of [
    // Read as the globs `a`, `.`, `p`, `y`: nothing was excluded, and `fix` rewrote a.py
    [{ exclude: 'a.py' }, /^exclude: give an array of globs, e\.g\. \['tests\/fixtures\/\*\*'\], not "a\.py"$/],
    [{ include: '*.py' }, /^include: give an array of globs/],
    [{ transformPaths: 'x.mjs' }, /^transformPaths: give an array of module paths/],
    [{ wholeFiles: 'no' }, /^wholeFiles: give true or false, not "no"$/],
    [{ noIgnore: 1 }, /^noIgnore: give true or false/],
    [{ addIgnore: 'yes' }, /^addIgnore: give true or false/],
    [{ changedSince: 5 }, /^changedSince: give a string, not 5$/],
    [{ cwd: 5 }, /^cwd: give a string, not 5$/],
    [{ indexScope: 'all' }, /^indexScope: give 'project' or 'run', not "all"$/],
    [{ shard: '1/2' }, /^shard: give \{ index: K, count: N \} with 1 ≤ K ≤ N \(parseShard reads the text form "K\/N"\), not "1\/2"$/],
    [{ shard: { index: 3, count: 2 } }, /^shard: give \{ index: K, count: N \}/],
    [{ perFileIgnores: { 'a.py': ['WFY101'] } }, /^perFileIgnores: give an array of \{ glob, rules \}/],
    // A glob of nothing checked no file without a word; an empty cache directory wrote the cache beside the sources
    [{ include: ['*.py', ''] }, /^include: "" is no glob \(it names nothing\); give one/],
    [{ exclude: ['/.'] }, /^exclude: "\/\." is no glob/],
    [{ excludeBase: '' }, /^excludeBase: give a directory/],
    [{ cacheDir: '' }, /^cacheDir: give a directory, e\.g\. '\.withify_cache', not ""$/],
    [{ excludeBase: 1 }, /^excludeBase: give a directory, e\.g\. '\/repo' \(relative to cwd\), not 1$/],
  ] as Array<[Record<string, unknown>, RegExp]>) {
    await assert.rejects(api.run(['.'], { cwd: dir, mode: 'fix', jobs: 1, ...options } as RunApiOptions), (e: Error) => e instanceof api.OptionsError && message.test(e.message), JSON.stringify(options));
  }
  assert.equal(readFileSync(join(dir, 'a.py'), 'utf8'), LEAKY);
  const fixed = await api.run(['.'], { cwd: dir, mode: 'fix', jobs: 1, exclude: ['a.py'], shard: api.parseShard('1/1'), perFileIgnores: [{ glob: 'a.py', rules: ['WFY101'] }], indexScope: 'run' });
  assert.deepEqual(fixed.files, []);
  for (const [options, reason] of [
    [{ path: 5 }, /^bad option: path: give a string, not 5$/],
    [{ wholeFiles: 'yes' }, /^bad option: wholeFiles: give true or false/],
    [{ addIgnore: 1 }, /^bad option: addIgnore: give true or false/],
  ] as Array<[Record<string, unknown>, RegExp]>) {
    const r = api.transformSource(LEAKY, options as api.TransformSourceOptions);
    assert.deepEqual([r.status, r.output], ['failed', LEAKY]);
    assert.match(r.reason!, reason);
  }
});

test('an unknown option key is a bad option naming the key (and the near one), as [tool.withify] refuses an unknown key', async () => {
  // Ex) `unsafe_fixes: true`: it ran with the default, no unsafe fix applied, and said nothing
  const src = 'f = lambda p: open(p).read()\n';
  assert.notEqual(api.transformSource(src, { unsafeFixes: true }).output, src);
  for (const [options, reason] of [
    [{ unsafe_fixes: true }, /^bad option: unknown option "unsafe_fixes" \(did you mean "unsafeFixes"\?\); the options are addIgnore, allLoops, extraTransforms, generatorStyle, ignore, moduleName, path, project, select, targetVersion, unsafeFixes, wholeFiles$/],
    [{ selct: ['open-chain'] }, /^bad option: unknown option "selct"; the options are /],
    [{ mode: 'fix' }, /^bad option: unknown option "mode"; /],
    [{ jobs: undefined }, /^bad option: unknown option "jobs"; /],
  ] as Array<[Record<string, unknown>, RegExp]>) {
    const r = api.transformSource(src, options as api.TransformSourceOptions);
    assert.deepEqual([r.status, r.output], ['failed', src], JSON.stringify(options));
    assert.match(r.reason!, reason);
    const b = api.transformBytes(Buffer.from(src), options as api.TransformSourceOptions);
    assert.deepEqual([b.status, b.outputBytes.toString()], ['failed', src]);
    assert.match(b.reason!, reason);
  }
  assert.match(api.transformSource(src, 'fix' as unknown as api.TransformSourceOptions).reason!, /^bad option: options: give an object of options/);
  // Every documented key is still taken
  const all = api.transformSource(src, { path: 'a.py', project: undefined, moduleName: 'a', wholeFiles: true, addIgnore: false, select: ['open-chain'], ignore: [], unsafeFixes: false, targetVersion: [3, 8], generatorStyle: 'closing', allLoops: false, extraTransforms: [] });
  assert.equal(all.status, 'unchanged');

  const dir = tempDir('withify-lib-');
  writeFileSync(join(dir, 'a.py'), LEAKY);
  for (const [options, message] of [
    [{ dryRun: true }, /^unknown option "dryRun"; the options are /],
    [{ exit_code: true }, /^unknown option "exit_code"; /],
    [{ 'changed-since': 'HEAD' }, /^unknown option "changed-since" \(did you mean "changedSince"\?\)/],
    [{ path: 'a.py' }, /^unknown option "path"; /],
  ] as Array<[Record<string, unknown>, RegExp]>) {
    await assert.rejects(api.run(['.'], { cwd: dir, mode: 'fix', jobs: 1, ...options } as RunApiOptions), (e: Error) => e instanceof api.OptionsError && message.test(e.message), JSON.stringify(options));
  }
  await assert.rejects(api.run(['.'], 'fix' as unknown as RunApiOptions), (e: Error) => e instanceof api.OptionsError && /^options: give an object of options/.test(e.message));
  // Nothing was written
  assert.equal(readFileSync(join(dir, 'a.py'), 'utf8'), LEAKY);
  const r = await api.run(['.'], { cwd: dir, mode: 'check', jobs: 1, noIgnore: true, exclude: [], include: ['*.py'], indexScope: 'run', wholeFiles: false, addIgnore: false, transformPaths: [], perFileIgnores: [], projectTargets: false });
  assert.equal(r.files[0]!.findings.length, 1);
});

test('run: a bad option throws OptionsError before any file is read', async () => {
  const dir = tempDir('withify-lib-');
  writeFileSync(join(dir, 'a.py'), LEAKY);
  for (const [options, message] of [
    [{ mode: 'fxi' }, /^mode: give 'check', 'diff' or 'fix', not "fxi"$/],
    [{ select: ['nope'] }, /^select: no transform "nope"/],
    [{ targetVersion: '3.10' }, /^targetVersion: give \[major, minor\]/],
    [{ jobs: 0 }, /^jobs: give a whole number of threads/],
    [{ perFileIgnores: [{ glob: 'a.py', rules: ['nope'] }] }, /^perFileIgnores "a\.py": no transform "nope"/],
  ] as Array<[Record<string, unknown>, RegExp]>) {
    await assert.rejects(api.run(['.'], { cwd: dir, mode: 'fix', jobs: 1, ...options } as RunApiOptions), (e: Error) => e instanceof api.OptionsError && message.test(e.message));
  }
  assert.equal(readFileSync(join(dir, 'a.py'), 'utf8'), LEAKY);
  const r = await api.run(['.'], { cwd: dir, jobs: 1, targetVersion: undefined, select: undefined, extraTransforms: undefined });
  assert.equal(r.files[0]!.findings.length, 1);
});

test('runSync checks its options as run does; processPath says what is wrong in its result', () => {
  const dir = tempDir('withify-lib-sync-');
  writeFileSync(join(dir, 'a.py'), 'x = open(p).read()\n');
  assert.throws(() => api.runSync(['a.py'], { cwd: dir, select: ['nope'] }), (e: unknown) => e instanceof api.OptionsError && /select: no transform "nope"/.test(e.message));
  assert.throws(() => api.runSync(['a.py'], { cwd: dir, mode: 'fxi' as never }), /mode: give 'check', 'diff' or 'fix'/);
  assert.throws(() => api.runSync(['a.py'], { cwd: dir, unsafe_fixes: true } as never), /unknown option "unsafe_fixes" \(did you mean "unsafeFixes"\?\)/);
  assert.throws(() => api.runSync(['a.py'], { cwd: dir, transformPaths: ['t.mjs'] }), /runSync cannot import modules/);
  const r = api.runSync(['a.py'], { cwd: dir });
  assert.equal(r.files[0]!.findings[0]!.code, 'WFY101');
  // A full RunOptions, as before, is still taken
  assert.equal(api.runSync(['a.py'], { ...api.defaultOptions(), mode: 'check', cwd: dir }).files[0]!.findings.length, 1);
  const bad = api.processPath('a.py', { cwd: dir, select: ['nope'] });
  assert.equal(bad.status, 'failed');
  assert.match(bad.reason ?? '', /^bad option: select: no transform "nope"/);
  const missing = api.processPath('a.py', { mode: 'check', cwd: join(dir, 'nowhere') } as RunApiOptions);
  assert.equal(missing.status, 'failed'); // a result, no TypeError
  assert.match(missing.reason ?? '', /^no such file or directory: /);
  const ok = api.processPath('a.py', { cwd: dir, mode: 'fix' });
  assert.equal(ok.status, 'changed');
  assert.equal(readFileSync(join(dir, 'a.py'), 'utf8'), 'with open(p) as _f:\n    x = _f.read()\n');
});

test('extraTransforms are checked as --transform checks a module: safety, a built-in code, one given twice', () => {
  const t = (over: Record<string, unknown>) => ({ id: 'acme-x', code: 'ACME001', summary: 's', safety: 'safe', doc: { whatItDoes: 'a', whyItBreaksOnPyPy: 'b', fixSafety: 'c', notFlagged: 'd' }, examples: [], check: () => [], ...over }) as unknown as Transform;
  for (const [extra, why] of [
    [[t({ safety: 'report_only' })], /`safety` must be one of safe, unsafe, report-only/],
    [[t({ code: 'WFY101' })], /code "WFY101" is taken by the built-in WFY101 open-chain/],
    [[t({}), t({})], /id "acme-x" or code "ACME001" is used by two transforms/],
  ] as const) {
    const r = api.transformSource('x = 1\n', { extraTransforms: extra as unknown as Transform[] });
    assert.equal(r.status, 'failed');
    assert.match(r.reason ?? '', why);
  }
  assert.equal(api.transformSource('x = 1\n', { extraTransforms: [t({})] }).status, 'unchanged');
  assert.equal(typeof api.DecodeError, 'function');
});

test('select and ignore take ids and codes in any case, as suppression comments do', () => {
  for (const select of [['Open-Chain'], ['wfy101'], ['OPEN-CHAIN']]) assert.equal(api.transformSource('x = open(p).read()\n', { select }).fixesApplied, 1, select[0]);
  assert.equal(api.transformSource('x = open(p).read()\n', { ignore: ['Open-Chain', 'wfy106'] }).findings.length, 0);
});

test('shardOf reads a relative path from cwd, not process.cwd(), and agrees with the shard --shard puts the file in', () => {
  // A script elsewhere asking of each path `git ls-files` prints in `dir` got other shards than the CLI's.
  const dir = tempDir('withify-shard-of-');
  mkdirSync(join(dir, 'pkg'));
  const names = Array.from({ length: 8 }, (_, i) => `pkg/m${i + 1}.py`);
  for (const name of names) writeFileSync(join(dir, name), 'x = 1\n');
  const count = 3;
  const inShard = new Map<string, number>();
  for (let index = 1; index <= count; index++) {
    for (const f of api.selectFiles(['.'], { cwd: dir, shard: { index, count } }).files) inShard.set(f, index);
  }
  for (const name of names) {
    const absolute = join(dir, name);
    assert.equal(api.shardOf(name, dir, count), inShard.get(absolute), name);
    assert.equal(api.shardOf(absolute, dir, count), inShard.get(absolute), absolute);
  }
});
