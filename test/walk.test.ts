// File selection: ignore files at every level, --include/--exclude, symlink loops, explicit files,
// --changed-since and --shard. Each test builds a real git repository in a temporary directory.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { parseShard, pathHash, selectFiles, SelectError, type SelectOptions } from '../src/walk.js';
import { CLI, tempDir } from './helpers.js';

// Git must not read the machine's own config: a global excludes file there would change the results.
function gitEnv(globalConfig: string): NodeJS.ProcessEnv {
  return { ...process.env, GIT_CONFIG_GLOBAL: globalConfig, GIT_CONFIG_NOSYSTEM: '1', XDG_CONFIG_HOME: join(dirname(globalConfig), 'xdg'), HOME: dirname(globalConfig) };
}

function git(cwd: string, env: NodeJS.ProcessEnv, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd, env, encoding: 'utf8' });
  assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

function write(root: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
}

interface Repo {
  root: string;
  env: NodeJS.ProcessEnv;
  globalConfig: string;
}

/** A repository with ignore rules at every level git reads them from. */
function repo(): Repo {
  const home = tempDir('withify-walk-home-');
  const globalConfig = join(home, 'gitconfig');
  writeFileSync(globalConfig, '');
  const root = join(home, 'repo');
  mkdirSync(root);
  const env = gitEnv(globalConfig);
  git(root, env, 'init', '-q');
  write(root, {
    '.gitignore': 'generated/\n*_pb2.py\n/top_only.py\n',
    'app.py': 'x = 1\n',
    'top_only.py': 'x = 1\n',
    'generated/api.py': 'x = 1\n',
    'pkg/mod.py': 'x = 1\n',
    'pkg/top_only.py': 'x = 1\n', // `/top_only.py` is anchored to the root: this one stays
    'pkg/msg_pb2.py': 'x = 1\n',
    'pkg/.gitignore': '!keep_pb2.py\nlocal_*.py\n',
    'pkg/keep_pb2.py': 'x = 1\n', // re-included by the nested negation
    'pkg/local_dev.py': 'x = 1\n',
    'pkg/sub/local_x.py': 'x = 1\n', // a nested .gitignore pattern without `/` applies below it too
    'secret.py': 'x = 1\n',
    'mine.py': 'x = 1\n',
    'notes.txt': 'not python\n',
  });
  write(root, { '.git/info/exclude': 'secret.py\n' });
  return { root, env, globalConfig };
}

const rel = (root: string, files: string[]) => files.map((f) => relative(root, f).split('\\').join('/'));

function select(r: Repo, paths: string[], options: Partial<SelectOptions> = {}): string[] {
  // selectFiles spawns git for the global excludes file: give it the fixture's environment.
  const saved = { ...process.env };
  Object.assign(process.env, r.env);
  try {
    const { files, errors } = selectFiles(paths, { cwd: r.root, ...options });
    assert.deepEqual(errors, []);
    return rel(r.root, files);
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }
}

function cli(r: Repo, args: string[], cwd = r.root) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd, env: { ...r.env, NO_COLOR: '1' }, encoding: 'utf8' });
}

describe('ignore files', () => {
  test('nested .gitignore, negation, anchored patterns, .git/info/exclude', () => {
    const r = repo();
    assert.deepEqual(select(r, ['.']), ['app.py', 'mine.py', 'pkg/keep_pb2.py', 'pkg/mod.py', 'pkg/top_only.py']);
  });

  test('a .gitignore that is a symbolic link is not read, as git 2.32 and later do not (review rv54a)', () => {
    const r = repo();
    const shared = join(dirname(r.root), 'shared-ignore');
    writeFileSync(shared, 'mod.py\n');
    symlinkSync(shared, join(r.root, 'pkg', 'sub', '.gitignore'));
    write(r.root, { 'pkg/sub/mod.py': 'x = 1\n' });
    assert.ok(select(r, ['.']).includes('pkg/sub/mod.py'));
  });

  test('the cache directory is never walked, wherever --cache-dir puts it, with --no-ignore or --include (review rv54a)', () => {
    const r = repo();
    for (const extra of [['--no-ignore'], ['--include', '*']]) {
      rmSync(join(r.root, 'cache-here'), { recursive: true, force: true });
      mkdirSync(join(r.root, 'cache-here'));
      const args = ['check', 'pkg', '--cache-dir', 'cache-here', '--format', 'json', ...extra];
      const first = cli(r, args);
      const second = cli(r, args);
      const paths = (out: string) => JSON.parse(out).files.map((f: { path: string }) => f.path);
      assert.ok(paths(first.stdout).length > 0, first.stderr);
      assert.deepEqual(paths(second.stdout), paths(first.stdout), extra.join(' '));
      assert.ok(!paths(second.stdout).some((p: string) => p.startsWith('cache-here')));
      assert.ok(readdirSync(join(r.root, 'cache-here')).length > 0);
      // … and, put inside a walked directory, not walked either
      const inside = cli(r, ['check', '.', '--cache-dir', 'pkg/.c', '--format', 'json', ...extra]);
      const again = cli(r, ['check', '.', '--cache-dir', 'pkg/.c', '--format', 'json', ...extra]);
      assert.deepEqual(paths(again.stdout), paths(inside.stdout), extra.join(' '));
    }
  });

  test('a repository inside the checkout (a clone, a submodule): its own ignore files, not the outer ones, as git reads them (review rw3)', () => {
    const r = repo();
    const sub = join(r.root, 'sub');
    mkdirSync(sub);
    git(sub, r.env, 'init', '-q');
    // `*_pb2.py` and `secret.py` are ignored in the outer repository (its .gitignore, its info/exclude): not in this one,
    // which ignores `local_*.py` by its .gitignore and `mine2.py` by its own info/exclude
    write(sub, { 'msg_pb2.py': 'x = 1\n', 'secret.py': 'x = 1\n', 'local_a.py': 'x = 1\n', 'mine2.py': 'x = 1\n', 'kept.py': 'x = 1\n', '.gitignore': 'local_*.py\n' });
    write(sub, { '.git/info/exclude': 'mine2.py\n' });
    const expected = ['sub/kept.py', 'sub/msg_pb2.py', 'sub/secret.py'];
    assert.deepEqual(select(r, ['.']).filter((f) => f.startsWith('sub/')), expected);
    assert.deepEqual(select(r, ['sub']), expected);
    // (What git itself says)
    assert.equal(git(sub, r.env, 'status', '--short', '--untracked-files=all').split('\n').filter(Boolean).map((l) => `sub/${l.slice(3)}`).filter((f) => f.endsWith('.py')).sort().join(' '), expected.join(' '));
  });

  test('the global excludes file: core.excludesFile, else $XDG_CONFIG_HOME/git/ignore', () => {
    const r = repo();
    write(r.root, { '../xdg/git/ignore': 'mine.py\n' });
    assert.deepEqual(select(r, ['.']), ['app.py', 'pkg/keep_pb2.py', 'pkg/mod.py', 'pkg/top_only.py']);
    const custom = join(dirname(r.globalConfig), 'my-excludes');
    writeFileSync(custom, 'app.py\n');
    writeFileSync(r.globalConfig, `[core]\n\texcludesFile = ${custom}\n`);
    // core.excludesFile replaces the XDG default: mine.py is back, app.py goes.
    assert.deepEqual(select(r, ['.']), ['mine.py', 'pkg/keep_pb2.py', 'pkg/mod.py', 'pkg/top_only.py']);
  });

  test('--no-ignore walks everything but the always-skipped directories', () => {
    const r = repo();
    write(r.root, { 'node_modules/x.py': 'x = 1\n' });
    assert.deepEqual(select(r, ['.'], { noIgnore: true }), [
      'app.py', 'generated/api.py', 'mine.py', 'pkg/keep_pb2.py', 'pkg/local_dev.py', 'pkg/mod.py', 'pkg/msg_pb2.py', 'pkg/sub/local_x.py', 'pkg/top_only.py', 'secret.py', 'top_only.py',
    ]);
  });

  test('walking from a subdirectory still applies the .gitignore files above it', () => {
    const r = repo();
    assert.deepEqual(select(r, ['pkg']), ['pkg/keep_pb2.py', 'pkg/mod.py', 'pkg/top_only.py']);
  });

  test('a file named explicitly is processed even when ignored; --exclude still leaves it out', () => {
    const r = repo();
    assert.deepEqual(select(r, ['secret.py', 'pkg/msg_pb2.py', 'generated/api.py', 'notes.txt']), ['generated/api.py', 'notes.txt', 'pkg/msg_pb2.py', 'secret.py']);
    assert.deepEqual(select(r, ['secret.py', 'app.py'], { exclude: ['secret.py'] }), ['app.py']);
  });

  test('--exclude leaves out a file named explicitly that lies in an excluded directory (a directory named is walked)', () => {
    const r = repo();
    write(r.root, { 'pkg/sub/deep.py': '' });
    // As the walk of `.` would have pruned `pkg`, by path or by name: pre-commit passes file names.
    for (const exclude of [['pkg'], ['pkg/'], ['sub'], ['pkg/sub']]) {
      assert.deepEqual(select(r, ['pkg/sub/deep.py', 'app.py'], { exclude }), ['app.py'], exclude.join());
      assert.deepEqual(select(r, ['pkg/sub'], { exclude }), ['pkg/sub/deep.py'], exclude.join());
    }
    assert.deepEqual(select(r, ['pkg/sub/deep.py'], { exclude: ['pkg/mod.py', 'other'] }), ['pkg/sub/deep.py']);
    // Only directories below the working directory count: the repository's own name is no match.
    assert.deepEqual(select(r, ['pkg/sub/deep.py'], { exclude: [basename(r.root)] }), ['pkg/sub/deep.py']);
  });

  test('a directory named explicitly is walked even when ignored, with the .gitignore files inside it', () => {
    const r = repo();
    write(r.root, { 'generated/.gitignore': 'skip.py\n', 'generated/skip.py': '', 'generated/sub/b.py': '' });
    assert.deepEqual(select(r, ['generated']), ['generated/api.py', 'generated/sub/b.py']);
    assert.deepEqual(select(r, ['generated/sub']), ['generated/sub/b.py']);
  });

  test('outside a git repository, .gitignore files still count', () => {
    const dir = tempDir('withify-nogit-');
    write(dir, { '.gitignore': 'skip.py\n', 'skip.py': '', 'keep.py': '' });
    const { files } = selectFiles(['.'], { cwd: dir });
    assert.deepEqual(rel(dir, files), ['keep.py']);
  });

  test('through the CLI: an ignored file is not reported, unless named or --no-ignore', () => {
    const r = repo();
    write(r.root, { 'generated/leak.py': 'def f(p):\n    return open(p).read()\n' });
    const walked = cli(r, ['check', '.']);
    assert.equal(walked.status, 0, walked.stderr);
    assert.equal(walked.stdout, 'All clear: no findings in 5 files.\n');
    const named = cli(r, ['check', 'generated/leak.py']);
    assert.equal(named.status, 1);
    assert.match(named.stdout, /^generated\/leak\.py:2:12 WFY101 /);
    const all = cli(r, ['check', '--no-ignore', '.']);
    assert.match(all.stdout, /^generated\/leak\.py:2:12 WFY101 /m);
    assert.match(all.stdout, /in 1 of 12 files/);
  });
});

describe('globs and links', () => {
  test('--exclude: a name anywhere or a path from the working directory; prunes directories', () => {
    const r = repo();
    assert.deepEqual(select(r, ['.'], { exclude: ['mod.py', 'pkg/keep_*'] }), ['app.py', 'mine.py', 'pkg/top_only.py']);
    assert.deepEqual(select(r, ['.'], { exclude: ['pkg/'] }), ['app.py', 'mine.py']);
  });

  test('a working directory whose name has glob characters means itself', () => {
    const dir = join(tempDir('withify-glob-'), 'proj (copy) [1]');
    write(dir, { 'src/a.py': '', 'src/b.py': '', 'lib/c.py': '' });
    assert.deepEqual(rel(dir, selectFiles(['.'], { cwd: dir, exclude: ['src/a.py'] }).files), ['lib/c.py', 'src/b.py']);
    assert.deepEqual(rel(dir, selectFiles(['.'], { cwd: dir, include: ['./src/*.py'] }).files), ['src/a.py', 'src/b.py']);
  });

  test('--include replaces the default *.py', () => {
    const r = repo();
    write(r.root, { 'stubs/a.pyi': '', 'tool.pyw': '' });
    assert.deepEqual(select(r, ['.'], { include: ['*.pyi', '*.pyw'] }), ['stubs/a.pyi', 'tool.pyw']);
    assert.deepEqual(select(r, ['.'], { include: ['pkg/**/*.py'] }), ['pkg/keep_pb2.py', 'pkg/mod.py', 'pkg/top_only.py']);
  });

  test('a symlink loop is walked once; a linked file is processed once', () => {
    const dir = tempDir('withify-loop-');
    write(dir, { 'a/m.py': '' });
    symlinkSync('..', join(dir, 'a', 'up'));
    symlinkSync(join(dir, 'a', 'm.py'), join(dir, 'alias.py'));
    const { files, errors } = selectFiles(['.'], { cwd: dir });
    assert.deepEqual(errors, []);
    assert.deepEqual(rel(dir, files), ['a/m.py']);
  });

  test('a file reached through a link and by its own path is listed under its own path, whatever the name order', () => {
    const dir = tempDir('withify-links-');
    write(dir, { 'pkg/a.py': '', 'pkg/b.py': '' });
    // Both sort before `pkg`: the walk meets them first.
    symlinkSync('pkg', join(dir, 'alias'));
    symlinkSync(join('pkg', 'a.py'), join(dir, 'a_link.py'));
    const all = (paths: string[]) => rel(dir, selectFiles(paths.map((p) => join(dir, p)), { cwd: dir }).files);
    assert.deepEqual(all(['.']), ['pkg/a.py', 'pkg/b.py']);
    assert.deepEqual(all(['a_link.py', 'pkg']), ['pkg/a.py', 'pkg/b.py']);
    // A linked directory named before its target: the target's own path still
    assert.deepEqual(all(['alias', 'pkg']), ['pkg/a.py', 'pkg/b.py']);
    assert.deepEqual(all(['pkg', 'alias']), ['pkg/a.py', 'pkg/b.py']);
    // Only the link named: the user's choice of path.
    assert.deepEqual(all(['alias']), ['alias/a.py', 'alias/b.py']);
    assert.deepEqual(all(['a_link.py']), ['a_link.py']);
  });

  test('a link met in the walk does not lead into a directory the walk left out (ignored or excluded); named, it is processed', () => {
    const dir = tempDir('withify-link-ignored-');
    write(dir, { 'vendor/v.py': '', 'gen/g.py': '', 'src/app.py': '', '.gitignore': 'vendor/\n' });
    symlinkSync(join('..', 'vendor'), join(dir, 'src', 'vendor_link'));
    symlinkSync(join('..', 'gen', 'g.py'), join(dir, 'src', 'g_link.py'));
    symlinkSync(join('..', 'vendor', 'v.py'), join(dir, 'src', 'v_link.py'));
    const all = (paths: string[], options: Partial<SelectOptions> = {}) => rel(dir, selectFiles(paths, { cwd: dir, ...options }).files);
    // (Not a git repository: .gitignore files count all the same, as in git's own walk)
    assert.deepEqual(all(['.'], { exclude: ['gen'] }), ['src/app.py']);
    // With the ignore files not read, `vendor` is walked (by its own path); `gen`, excluded, stays out
    assert.deepEqual(all(['.'], { noIgnore: true, exclude: ['gen'] }), ['src/app.py', 'vendor/v.py']);
    // A walk that never met `vendor` follows the links (v.py once, by the first path that reached it)
    assert.deepEqual(all(['src']), ['src/app.py', 'src/g_link.py', 'src/v_link.py']);
    // A file named explicitly is processed, through a link too
    assert.deepEqual(all(['src/v_link.py']), ['src/v_link.py']);
  });

  test("a link's way into what a walk left out is the walk's own: another path named is walked as asked; links to left-out files, virtualenvs and build directories are not followed", () => {
    const dir = tempDir('withify-link-leftout-');
    write(dir, { 'vendor/v.py': '', 'vendor/pkg/p.py': '', 'vendor/real/r.py': '', 'gen/g.py': '', 'src/app.py': '', 'secret.py': '', '.gitignore': 'vendor/\nsecret.py\n', 'env/pyvenv.cfg': 'home = /usr/bin\n', 'env/lib/e.py': '', 'build/lib/b.py': '' });
    symlinkSync(join('..', 'vendor'), join(dir, 'src', 'vendor_link'));
    symlinkSync(join('..', 'real'), join(dir, 'vendor', 'pkg', 'lnk'));
    symlinkSync(join('..', 'gen', 'g.py'), join(dir, 'src', 'g_link.py'));
    symlinkSync(join('..', 'secret.py'), join(dir, 'src', 's_link.py'));
    symlinkSync(join('..', 'env', 'lib'), join(dir, 'src', 'deps'));
    symlinkSync(join('..', 'build', 'lib'), join(dir, 'src', 'blib'));
    const all = (paths: string[], options: Partial<SelectOptions> = {}) => rel(dir, selectFiles(paths, { cwd: dir, ...options }).files);
    // A file left out (excluded, ignored) is not reached through a link either; nor a virtualenv or `build/`
    assert.deepEqual(all(['.'], { exclude: ['gen/g.py'] }), ['src/app.py']);
    // Named, a linked directory is walked even when the walk of `.` left out its target
    assert.deepEqual(all(['.', 'src/vendor_link']), ['gen/g.py', 'src/app.py', 'src/vendor_link/pkg/p.py', 'src/vendor_link/real/r.py', 'src/vendor_link/v.py']);
    // A directory named inside an ignored one is walked; a link it meets does not lead into what a walk left out
    assert.deepEqual(all(['.', 'vendor/pkg']), ['gen/g.py', 'src/app.py', 'vendor/pkg/p.py']);
    assert.deepEqual(all(['vendor/pkg']), ['vendor/pkg/lnk/r.py', 'vendor/pkg/p.py']);
    // A link inside a directory named, to what lies in it, is followed though another walk left that out
    write(dir, { 'vendor/bin/tool': '' });
    symlinkSync(join('bin', 'tool'), join(dir, 'vendor', 'tool.py'));
    assert.deepEqual(all(['.', 'vendor']).filter((f) => f.startsWith('vendor/')), ['vendor/pkg/p.py', 'vendor/real/r.py', 'vendor/tool.py', 'vendor/v.py']);
    // Whichever path named first meets a link: `check src .` as `check . src`
    assert.deepEqual(all(['src', '.']), all(['.', 'src']));
    assert.deepEqual(all(['src', '.']), ['gen/g.py', 'src/app.py']);
  });

  test('a virtualenv met in the walk is left out, by its own path or through a link; named, it is walked', () => {
    const dir = tempDir('withify-venv-');
    write(dir, {
      'env/pyvenv.cfg': 'home = /usr/bin\n',
      'env/lib/site.py': '',
      'src/app.py': '',
      // `pyvenv.cfg` a directory: still taken for a virtualenv (the walk asks only whether the name exists)
      'odd/pyvenv.cfg/keep': '',
      'odd/o.py': '',
      // A `.gitignore` read from inside a linked directory's listing applies there
      'lib/.gitignore': 'gen.py\n',
      'lib/gen.py': '',
      'lib/mod.py': '',
    });
    // A dangling `pyvenv.cfg` link makes no virtualenv.
    mkdirSync(join(dir, 'notenv'));
    symlinkSync(join(dir, 'missing.cfg'), join(dir, 'notenv', 'pyvenv.cfg'));
    writeFileSync(join(dir, 'notenv', 'n.py'), '');
    symlinkSync('env', join(dir, 'env_link'));
    const linked = tempDir('withify-venv-linked-');
    symlinkSync(join(dir, 'lib'), join(linked, 'lib_link'));
    symlinkSync(join(dir, 'env'), join(linked, 'env_link'));
    const { files, errors } = selectFiles(['.'], { cwd: dir });
    assert.deepEqual(errors, []);
    assert.deepEqual(rel(dir, files), ['lib/mod.py', 'notenv/n.py', 'src/app.py']);
    assert.deepEqual(rel(linked, selectFiles(['.'], { cwd: linked }).files), ['lib_link/mod.py']);
    assert.deepEqual(rel(dir, selectFiles([join(dir, 'env')], { cwd: dir }).files), ['env/lib/site.py']);
  });
});

describe('--changed-since', () => {
  function committed(): Repo {
    const r = repo();
    git(r.root, r.env, 'add', '-A');
    git(r.root, r.env, 'commit', '-q', '-m', 'base');
    return r;
  }

  test('files changed since REV, plus untracked files that are not ignored', () => {
    const r = committed();
    write(r.root, { 'pkg/mod.py': 'x = 2\n', 'new.py': 'x = 1\n', 'pkg/new_pb2.py': 'x = 1\n' });
    assert.deepEqual(select(r, ['.'], { changedSince: 'HEAD' }), ['new.py', 'pkg/mod.py']);
    // Only the paths named are considered.
    assert.deepEqual(select(r, ['pkg'], { changedSince: 'HEAD' }), ['pkg/mod.py']);
    // A committed change counts against an older revision, not against HEAD.
    git(r.root, r.env, 'commit', '-q', '-am', 'second');
    assert.deepEqual(select(r, ['.'], { changedSince: 'HEAD' }), ['new.py']);
    assert.deepEqual(select(r, ['.'], { changedSince: 'HEAD~1' }), ['new.py', 'pkg/mod.py']);
  });

  test('from a subdirectory, paths are still matched', () => {
    const r = committed();
    write(r.root, { 'pkg/mod.py': 'x = 2\n' });
    const res = cli(r, ['check', '--changed-since', 'HEAD', '.'], join(r.root, 'pkg'));
    assert.equal(res.status, 0, res.stderr);
    assert.equal(res.stdout, 'All clear: no findings in 1 file.\n');
  });

  test('a submodule is asked what changed in it since the commit REV records for it, plus its untracked files', () => {
    const r = committed();
    const lib = join(dirname(r.root), 'lib');
    mkdirSync(lib);
    git(lib, r.env, 'init', '-q');
    write(lib, { 'a.py': 'x = 1\n', 'b.py': 'x = 1\n', 'c.py': 'x = 1\n' });
    git(lib, r.env, 'add', '-A');
    git(lib, r.env, 'commit', '-q', '-m', 'lib');
    git(r.root, r.env, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', lib, 'sm');
    git(r.root, r.env, 'commit', '-q', '-m', 'sm');
    // A change committed in the submodule (its gitlink moves), one left in its working tree, a new file
    write(join(r.root, 'sm'), { 'a.py': 'x = 2\n' });
    git(join(r.root, 'sm'), r.env, 'commit', '-q', '-am', 'a');
    write(join(r.root, 'sm'), { 'b.py': 'x = 2\n', 'new.py': 'x = 1\n' });
    // Ex) `git diff --name-only HEAD` lists only `sm`: "No file to check", exit 0
    assert.deepEqual(select(r, ['.'], { changedSince: 'HEAD' }), ['sm/a.py', 'sm/b.py', 'sm/new.py']);
    // Named on its own, from the superproject: REV is still the superproject's
    assert.deepEqual(select(r, ['sm'], { changedSince: 'HEAD' }), ['sm/a.py', 'sm/b.py', 'sm/new.py']);
    // Before the submodule was added: every file of it
    assert.deepEqual(select(r, ['.'], { changedSince: 'HEAD~1' }), ['sm/a.py', 'sm/b.py', 'sm/c.py', 'sm/new.py']);
    const res = cli(r, ['check', '--changed-since', 'HEAD', '.', '--no-cache']);
    assert.equal(res.status, 0, res.stderr);
    assert.equal(res.stdout, 'All clear: no findings in 3 files.\n');
  });

  test("git's variables for one repository (a hook's GIT_INDEX_FILE, a worktree's GIT_DIR) do not reach the git asked of a submodule (review rv54a)", () => {
    const r = committed();
    const lib = join(dirname(r.root), 'lib');
    mkdirSync(lib);
    git(lib, r.env, 'init', '-q');
    write(lib, { 's1.py': 'x = 1\n', 's2.py': 'x = 1\n' });
    git(lib, r.env, 'add', '-A');
    git(lib, r.env, 'commit', '-q', '-m', 'lib');
    git(r.root, r.env, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', lib, 'sm');
    git(r.root, r.env, 'commit', '-q', '-m', 'sm');
    write(join(r.root, 'sm'), { 's1.py': 'x = 2\n' });
    const expected = ['sm/s1.py'];
    assert.deepEqual(select(r, ['.'], { changedSince: 'HEAD' }), expected);
    // (What a pre-commit hook runs with; and GIT_DIR with GIT_WORK_TREE recursed without end)
    for (const extra of [{ GIT_INDEX_FILE: '.git/index' }, { GIT_INDEX_FILE: join(r.root, '.git', 'index') }, { GIT_DIR: join(r.root, '.git') }, { GIT_DIR: join(r.root, '.git'), GIT_WORK_TREE: r.root }]) {
      assert.deepEqual(select({ ...r, env: { ...r.env, ...extra } }, ['.'], { changedSince: 'HEAD' }), expected, JSON.stringify(extra));
    }
  });

  test('the repository the run starts in keeps the variables that name it: a bare repository with its work tree elsewhere (review rv54d)', () => {
    const r = committed();
    const bare = join(dirname(r.root), 'dot.git');
    const home = join(dirname(r.root), 'home');
    mkdirSync(home);
    git(dirname(r.root), r.env, 'init', '-q', '--bare', bare);
    const env = { ...r.env, GIT_DIR: bare, GIT_WORK_TREE: home };
    write(home, { 'm.py': 'x = 1\n', 'n.py': 'x = 1\n' });
    git(home, env, 'add', '-A');
    git(home, env, 'commit', '-q', '-m', 'dotfiles');
    write(home, { 'm.py': 'x = 2\n' });
    const res = spawnSync(process.execPath, [CLI, 'check', '--changed-since', 'HEAD', '.', '--no-cache', '--format', 'json'], { cwd: home, env: { ...env, NO_COLOR: '1' }, encoding: 'utf8' });
    assert.equal(res.status, 0, res.stderr);
    assert.deepEqual(JSON.parse(res.stdout).files.map((f: { path: string }) => f.path), ['m.py']);
  });

  test('a revision git refuses for another reason than "not a repository" passes on git\'s reason; a git that Ctrl-C ends ends the run with 130', () => {
    const r = committed();
    // (A fake `git` that dies of SIGINT, as one does when the terminal's Ctrl-C reaches its process group)
    const bin = join(dirname(r.root), 'fakebin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'git'), '#!/bin/sh\ncase "$1" in diff) kill -INT $$ ;; esac\nexec /usr/bin/env -u PATH PATH=/usr/bin:/bin git "$@"\n', { mode: 0o755 });
    const res = spawnSync(process.execPath, [CLI, 'check', '--changed-since', 'HEAD', '.', '--no-cache'], { cwd: r.root, env: { ...r.env, NO_COLOR: '1', PATH: `${bin}:${process.env.PATH}` }, encoding: 'utf8' });
    assert.equal(res.status, 130, res.stderr);
    assert.match(res.stderr, /interrupted while git listed the changed files/);
    // (`safe.directory` refusals and the like: git's own words, which name the fix)
    const dubious = spawnSync(process.execPath, [CLI, 'check', '--changed-since', 'HEAD', '.', '--no-cache'], { cwd: r.root, env: { ...r.env, NO_COLOR: '1', GIT_CONFIG_PARAMETERS: '', GIT_CEILING_DIRECTORIES: '', GIT_DISCOVERY_ACROSS_FILESYSTEM: '', GIT_TEST_ASSUME_DIFFERENT_OWNER: '1' }, encoding: 'utf8' });
    assert.equal(dubious.status, 2);
    assert.match(dubious.stderr, /--changed-since: git cannot use the repository of .*dubious ownership/);
  });

  test('a nested checkout: untracked, every file of it counts as changed; recorded as a gitlink without .gitmodules, it is asked as a submodule', () => {
    const r = committed();
    const nested = join(r.root, 'nested');
    mkdirSync(nested);
    git(nested, r.env, 'init', '-q');
    write(nested, { 'a.py': 'x = 1\n', 'b.py': 'x = 1\n' });
    git(nested, r.env, 'add', '-A');
    git(nested, r.env, 'commit', '-q', '-m', 'nested');
    // Ex) `git ls-files --others` lists it as one entry, `nested/`: "No file to check", exit 0
    assert.deepEqual(select(r, ['.'], { changedSince: 'HEAD' }), ['nested/a.py', 'nested/b.py']);
    // `git add nested` of a clone records a gitlink (mode 160000) and no .gitmodules entry
    git(r.root, r.env, 'add', 'nested');
    git(r.root, r.env, 'commit', '-q', '-m', 'embedded');
    assert.deepEqual(select(r, ['.'], { changedSince: 'HEAD' }), []);
    write(nested, { 'b.py': 'x = 2\n' });
    assert.deepEqual(select(r, ['.'], { changedSince: 'HEAD' }), ['nested/b.py']);
    assert.deepEqual(select(r, ['nested'], { changedSince: 'HEAD' }), ['nested/b.py']);
  });

  test('a bad revision and a directory outside git are usage errors (exit 2)', () => {
    const r = committed();
    const bad = cli(r, ['check', '--changed-since', 'no-such-branch', '.']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--changed-since: git knows no revision "no-such-branch"/);
    const outside = tempDir('withify-nogit-');
    const nogit = cli(r, ['check', '--changed-since', 'HEAD', '.'], outside);
    assert.equal(nogit.status, 2);
    assert.match(nogit.stderr, /--changed-since needs a git repository/);
    assert.throws(() => selectFiles(['.'], { cwd: outside, changedSince: 'HEAD' }), SelectError);
  });
});

describe('--shard', () => {
  test('K/N parses only with 1 ≤ K ≤ N', () => {
    assert.deepEqual(parseShard('2/4'), { index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '1/0', '2', 'a/b', '1/2/3']) assert.equal(parseShard(bad), undefined, bad);
  });

  test('the shard hash is the first 4 bytes of SHA-256 (reproducible outside withify)', () => {
    // sha256('abc') = ba7816bf...; sha256('') = e3b0c442...
    assert.equal(pathHash('abc'), 0xba7816bf);
    assert.equal(pathHash(''), 0xe3b0c442);
  });

  test('shards are disjoint, their union is the whole list, and adding files moves no other file', () => {
    const dir = tempDir('withify-shard-');
    const names = Array.from({ length: 60 }, (_, i) => `m${i}/f${i}.py`);
    write(dir, Object.fromEntries(names.map((n) => [n, ''])));
    const all = rel(dir, selectFiles(['.'], { cwd: dir }).files);
    for (const count of [1, 2, 3, 7]) {
      const shards = Array.from({ length: count }, (_, k) => rel(dir, selectFiles(['.'], { cwd: dir, shard: { index: k + 1, count } }).files));
      const union = shards.flat().sort();
      assert.deepEqual(union, all, `N=${count}: union`);
      assert.equal(new Set(union).size, union.length, `N=${count}: disjoint`);
      if (count > 1) assert.ok(shards.every((s) => s.length > 0), `N=${count}: every shard gets files`);
    }
    const before = rel(dir, selectFiles(['.'], { cwd: dir, shard: { index: 2, count: 3 } }).files);
    write(dir, { 'added/one.py': '', 'added/two.py': '' });
    const after = rel(dir, selectFiles(['.'], { cwd: dir, shard: { index: 2, count: 3 } }).files);
    assert.deepEqual(after.filter((f) => !f.startsWith('added/')), before);
  });

  test('the project index still reads every file: projectFiles is the list before the shard', () => {
    const dir = tempDir('withify-shard-');
    write(dir, Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`f${i}.py`, ''])));
    const all = selectFiles(['.'], { cwd: dir }).files;
    const one = selectFiles(['.'], { cwd: dir, shard: { index: 1, count: 3 } });
    assert.ok(one.files.length < all.length);
    assert.deepEqual(one.projectFiles, all);
  });

  test('through the CLI: shard counts add up; a bad shard is exit 2', () => {
    const r = repo();
    const counts = [1, 2, 3].map((k) => {
      const res = cli(r, ['check', '--shard', `${k}/3`, '.']);
      assert.equal(res.status, 0, res.stderr);
      return Number(/in (\d+) files?/.exec(res.stdout)![1]);
    });
    assert.equal(counts.reduce((a, b) => a + b, 0), 5);
    const bad = cli(r, ['check', '--shard', '4/3', '.']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--shard: cannot read "4\/3"/);
  });
});

test('ignore patterns match case as git does: exactly, unless the repository says core.ignorecase', () => {
  const r = repo();
  write(r.root, { 'upper/.gitignore': '*.PY\nCAP*.py\n', 'upper/app.py': 'x = 1\n', 'upper/CAPS.py': 'x = 1\n', 'upper/caps.py': 'x = 1\n' });
  assert.deepEqual(select(r, ['upper']), ['upper/app.py', 'upper/caps.py']);
  git(r.root, r.env, 'config', 'core.ignorecase', 'true');
  assert.deepEqual(select(r, ['upper']), []);
});

test('--changed-since asks the repository each path is in, not the working directory\'s', () => {
  const a = repo();
  git(a.root, a.env, 'add', '-A');
  git(a.root, a.env, 'commit', '-qm', 'a');
  const other = join(dirname(a.root), 'other');
  mkdirSync(other);
  git(other, a.env, 'init', '-q');
  write(other, { 'm.py': 'x = 1\n', 'same.py': 'x = 1\n' });
  git(other, a.env, 'add', '-A');
  git(other, a.env, 'commit', '-qm', 'b');
  write(other, { 'm.py': 'x = 2\n' });
  assert.deepEqual(select(a, ['../other'], { changedSince: 'HEAD' }), ['../other/m.py']);
  assert.deepEqual(select(a, ['../other/m.py', '../other/same.py'], { changedSince: 'HEAD' }), ['../other/m.py']);
  assert.deepEqual(select(a, ['.'], { changedSince: 'HEAD' }), []);
});
