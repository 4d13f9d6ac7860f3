// The package as npm packs it, and as pre-commit installs it (`.pre-commit-hooks.yaml`, `language: node`):
// pre-commit runs `npm install` in a clone, then `npm pack`, reads the tarball's name from pack's stdout, and
// installs that tarball. A build script printing on that stdout made the name unreadable ("tarball data … seems
// to be corrupted"), and a tarball without the built files would install a withify that cannot start.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ROOT, tempDir } from './helpers.js';

/** The environment pre-commit gives npm: the user's, without what `npm test` adds for its scripts (`npm_config_*`). */
function userEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
}

/** The files a clone of the repository has (tracked, and new ones not ignored: a developer's tree before a commit). */
function cloneFiles(): string[] | undefined {
  const r = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  return r.stdout.split('\0').filter((f) => f && existsSync(join(ROOT, f)));
}

const files = cloneFiles();

test('npm pack prints only the tarball name, and the tarball holds a withify that runs (pre-commit installs it so)', { skip: files ? false : 'not a git checkout' }, () => {
  const clone = tempDir('withify-pack-');
  for (const f of files!) {
    mkdirSync(dirname(join(clone, f)), { recursive: true });
    copyFileSync(join(ROOT, f), join(clone, f));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir');
  // `prepare` builds dist/ in the clone (tsc, then the bundle), as pre-commit's `npm pack` does
  const pack = spawnSync('npm', ['pack'], { cwd: clone, encoding: 'utf8', env: userEnv() });
  assert.equal(pack.status, 0, pack.stderr);
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  assert.equal(pack.stdout, `withify-${version}.tgz\n`, 'npm pack printed more than the tarball name on stdout (pre-commit reads it as the name)');

  const unpacked = tempDir('withify-unpacked-');
  const tar = spawnSync('tar', ['xzf', join(clone, `withify-${version}.tgz`), '-C', unpacked], { encoding: 'utf8' });
  assert.equal(tar.status, 0, tar.stderr);
  const pkg = join(unpacked, 'package');
  for (const needed of ['bin/withify.js', 'dist/bundle/cli.js', 'dist/bundle/worker.js', 'dist/build-id', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/pool.js', 'dist/transforms/open-chain.js', 'schemas/report.schema.json', 'README.md']) {
    assert.ok(existsSync(join(pkg, needed)), `the tarball lacks ${needed}`);
  }
  for (const left of ['test', 'snapshots', 'src', 'dist/test', 'dist/bench', 'examples', 'node_modules']) {
    assert.ok(!existsSync(join(pkg, left)), `the tarball holds ${left}`);
  }

  // The installed package, its dependencies beside it: the CLI in one thread and in two (the worker's bundle),
  // and the library
  symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'), 'dir');
  const project = tempDir('withify-packed-run-');
  const leaky = 'def load(p):\n    return open(p).read()\n';
  for (let i = 0; i < 12; i++) writeFileSync(join(project, `m${i}.py`), leaky);
  for (const jobs of ['1', '2']) {
    const r = spawnSync(process.execPath, [join(pkg, 'bin', 'withify.js'), 'diff', '.', '--no-cache', '--jobs', jobs, '-q'], { cwd: project, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal((r.stdout.match(/^\+    with open\(p\) as f:$/gm) ?? []).length, 12, r.stdout);
  }
  const lib = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', `const m = await import(${JSON.stringify(pathToFileURL(join(pkg, 'dist', 'src', 'index.js')).href)}); process.stdout.write(m.transformSource(${JSON.stringify(leaky)}).output);`],
    { encoding: 'utf8' },
  );
  assert.equal(lib.status, 0, lib.stderr);
  assert.equal(lib.stdout, 'def load(p):\n    with open(p) as f:\n        return f.read()\n');
});

/** The hooks of `.pre-commit-hooks.yaml`: each `- id:` with its `entry:` (the file is a flat list of maps). */
function hooks(): Array<{ id: string; entry: string; language: string; types: string }> {
  const out: Array<Record<string, string>> = [];
  for (const line of readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8').split('\n')) {
    const m = /^(- |  )([a-z_]+): (.*)$/.exec(line);
    if (!m) continue;
    if (m[1] === '- ') out.push({});
    out[out.length - 1]![m[2]!] = m[3]!.replace(/^"(.*)"$/, '$1');
  }
  return out as Array<{ id: string; entry: string; language: string; types: string }>;
}

test('.pre-commit-hooks.yaml: each hook runs withify as pre-commit would, on the staged files it names', () => {
  const list = hooks();
  assert.deepEqual(
    list.map((h) => h.id),
    ['withify', 'withify-check'],
  );
  const leaky = 'def load(p):\n    return open(p).read()\n';
  const unfixable = 'g = lambda p: open(p).read()\n';
  const run = (entry: string, cwd: string, names: string[]) => {
    const [bin, ...args] = entry.split(' ');
    assert.equal(bin, 'withify');
    return spawnSync(process.execPath, [join(ROOT, 'bin', 'withify.js'), ...args, ...names], { cwd, encoding: 'utf8' });
  };
  for (const h of list) {
    assert.equal(h.language, 'node');
    assert.equal(h.types, '[python]');
    const dir = tempDir('withify-hook-');
    writeFileSync(join(dir, 'pyproject.toml'), '[project]\nname = "p"\n');
    writeFileSync(join(dir, 'a.py'), leaky);
    writeFileSync(join(dir, 'b.py'), unfixable);
    writeFileSync(join(dir, 'c.py'), 'x = 1\n');
    // A hook fails when it exits non-zero or changes a file; it passes on clean files
    assert.equal(run(h.entry, dir, ['c.py']).status, 0, `${h.id} on a clean file`);
    const fixable = run(h.entry, dir, ['a.py', 'c.py']);
    assert.equal(fixable.status, 1, `${h.id} on a leak`);
    const left = run(h.entry, dir, ['b.py']);
    assert.equal(left.status, 1, `${h.id} on a finding no fix handles`);
    assert.match(left.stdout, /b\.py:1:15 WFY101 /);
    assert.equal(readFileSync(join(dir, 'b.py'), 'utf8'), unfixable);
    if (h.id === 'withify') {
      assert.equal(readFileSync(join(dir, 'a.py'), 'utf8'), 'def load(p):\n    with open(p) as f:\n        return f.read()\n');
      // The next commit, with the rewritten file staged, passes
      assert.equal(run(h.entry, dir, ['a.py', 'c.py']).status, 0);
    } else {
      assert.equal(readFileSync(join(dir, 'a.py'), 'utf8'), leaky);
      assert.match(fixable.stdout, /a\.py:2:12 WFY101 .*\[\*\]/);
    }
  }
});
