// [tool.withify] in pyproject.toml and --config: found upward, overridden by the command line, strict
// about keys, and `requires-python` as the default target version.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { CONFIG_KEYS, ConfigError, loadConfig, mergeSettings, parseRequiresPython } from '../src/config.js';
import { escapeGlob } from '../src/walk.js';
import { CLI, tempDir } from './helpers.js';

function tree(files: Record<string, string>): string {
  const root = tempDir('withify-config-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

function cli(cwd: string, ...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

// A leak open-chain fixes, and a walrus only 3.8+ may keep: the fix differs with the target.
const LEAK = 'def load(p):\n    return open(p).read()\n';

describe('finding the configuration', () => {
  test('the nearest pyproject.toml with [tool.withify], upward from the working directory', () => {
    const root = tree({
      'pyproject.toml': '[tool.withify]\nselect = ["open-chain"]\n',
      'svc/pyproject.toml': '[project]\nname = "svc"\n', // no [tool.withify]: the search goes on up
      'svc/deep/x.py': '',
    });
    const c = loadConfig({ cwd: join(root, 'svc', 'deep') });
    assert.equal(c?.path, join(root, 'pyproject.toml'));
    assert.deepEqual(c?.settings, { select: ['open-chain'] });
    assert.equal(loadConfig({ cwd: tmpdir() }), undefined);
  });

  test('--config names the file; a non-pyproject file holds the keys at the top level', () => {
    const root = tree({ 'pyproject.toml': '[tool.withify]\nselect = ["open-chain"]\n', 'ci/withify.toml': 'ignore = ["WFY101"]\nall-loops = true\n' });
    const c = loadConfig({ cwd: root, configPath: 'ci/withify.toml' });
    assert.deepEqual(c?.settings, { ignore: ['WFY101'], allLoops: true });
    assert.throws(() => loadConfig({ cwd: root, configPath: 'missing.toml' }), /--config: missing\.toml: no such file/);
  });

  test('--config of a pyproject-style file under another name without [tool.withify]: an error saying so, not `unknown key "tool"`', () => {
    const root = tree({ 'ci/pyproject-ci.toml': '[project]\nname = "x"\n\n[tool.black]\nline-length = 100\n', 'ci/both.toml': '[tool.withify]\nselect = ["WFY101"]\n' });
    assert.throws(
      () => loadConfig({ cwd: root, configPath: 'ci/pyproject-ci.toml' }),
      (e: Error) => e instanceof ConfigError && e.message === `${join(root, 'ci', 'pyproject-ci.toml')}: no [tool.withify] table (the file has [tool], [project], as a pyproject.toml has); put withify's settings under [tool.withify], or give a file with them at its top level`,
    );
    assert.deepEqual(loadConfig({ cwd: root, configPath: 'ci/both.toml' })?.settings, { select: ['WFY101'] });
    const r = cli(root, 'check', '.', '--config', 'ci/pyproject-ci.toml');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^error: .*pyproject-ci\.toml: no \[tool\.withify\] table/);
  });

  test('every key is read; globs with a / resolve against the file directory', () => {
    const root = tree({
      'pyproject.toml': [
        '[tool.withify]',
        'select = ["open-chain", "WFY103"]',
        'ignore = ["class-del"]',
        'exclude = ["legacy/**", "*_pb2.py"]',
        'include = ["*.py", "*.pyi"]',
        'unsafe-fixes = true',
        'target-version = "py310"',
        'generator-style = "closing"',
        'all-loops = true',
        '',
      ].join('\n'),
    });
    assert.deepEqual(loadConfig({ cwd: root })?.settings, {
      select: ['open-chain', 'WFY103'],
      ignore: ['class-del'],
      exclude: [`${escapeGlob(root)}/legacy/**`, '*_pb2.py'],
      include: ['*.py', '*.pyi'],
      unsafeFixes: true,
      targetVersion: [3, 10],
      generatorStyle: 'closing',
      allLoops: true,
    });
  });

  test('an unknown key or a wrong value is an error naming the file and the key', () => {
    const unknown = tree({ 'pyproject.toml': '[tool.withify]\nselects = ["open-chain"]\n' });
    assert.throws(() => loadConfig({ cwd: unknown }), (e: Error) => e instanceof ConfigError && e.message.includes('unknown key "selects" in [tool.withify]') && e.message.includes(join(unknown, 'pyproject.toml')));
    const wrong = tree({ 'pyproject.toml': '[tool.withify]\nselect = "open-chain"\n' });
    assert.throws(() => loadConfig({ cwd: wrong }), /select must be a list of strings/);
    const version = tree({ 'pyproject.toml': '[tool.withify]\ntarget-version = 3.9\n' });
    assert.throws(() => loadConfig({ cwd: version }), /target-version must be a string like "3\.9"/);
    for (const v of ['3.0', '2.7', '4.0']) {
      const old = tree({ 'pyproject.toml': `[tool.withify]\ntarget-version = "${v}"\n` });
      assert.throws(() => loadConfig({ cwd: old }), new RegExp(`target-version: withify writes for Python 3\\.1 or newer .*not ${v.replace('.', '\\.')}$`));
    }
    assert.deepEqual(loadConfig({ cwd: tree({ 'pyproject.toml': '[tool.withify]\ntarget-version = "3.14"\n' }) })?.settings.targetVersion, [3, 14]);
    const toml = tree({ 'pyproject.toml': '[tool.withify\n' });
    assert.throws(() => loadConfig({ cwd: toml }), /not valid TOML/);
  });
});

describe('requires-python', () => {
  test('the lowest version the specifier allows', () => {
    assert.deepEqual(parseRequiresPython('>=3.9'), [3, 9]);
    assert.deepEqual(parseRequiresPython('>= 3.10, <4'), [3, 10]);
    assert.deepEqual(parseRequiresPython('~=3.11'), [3, 11]);
    assert.deepEqual(parseRequiresPython('==3.12.*'), [3, 12]);
    assert.deepEqual(parseRequiresPython('>=3.7,>=3.9'), [3, 9]);
    // A minor version excluded whole moves the lowest on; `!=3.7` excludes 3.7.0 only
    assert.deepEqual(parseRequiresPython('>=3.7,!=3.7.*'), [3, 8]);
    assert.deepEqual(parseRequiresPython('>=3.7, !=3.7.*, !=3.8.*'), [3, 9]);
    assert.deepEqual(parseRequiresPython('>=3.7,!=3.7'), [3, 7]);
    assert.equal(parseRequiresPython('<4'), undefined);
    // A version of one part, or a wildcard minor: x.0 (before, none: the 3.8 default, and `:=` on a 3.7 project)
    assert.deepEqual(parseRequiresPython('>=3'), [3, 0]);
    assert.deepEqual(parseRequiresPython('> 3'), [3, 0]);
    assert.deepEqual(parseRequiresPython('>=3.*'), [3, 0]);
    assert.deepEqual(parseRequiresPython('>=2, !=3.0.*'), [2, 0]);
  });

  test('the default target version; target-version and the command line win over it', () => {
    const root = tree({ 'pyproject.toml': '[project]\nrequires-python = ">=3.9"\n' });
    const c = loadConfig({ cwd: root });
    assert.deepEqual(mergeSettings({}, c).targetVersion, [3, 9]);
    assert.deepEqual(mergeSettings({ targetVersion: [3, 11] }, c).targetVersion, [3, 11]);
    const both = tree({ 'pyproject.toml': '[project]\nrequires-python = ">=3.9"\n[tool.withify]\ntarget-version = "3.10"\n' });
    assert.deepEqual(mergeSettings({}, loadConfig({ cwd: both })).targetVersion, [3, 10]);
    assert.equal(mergeSettings({}, undefined).targetVersion, undefined); // defaultOptions() then gives 3.8
    assert.equal('targetVersion' in mergeSettings({ select: undefined }, undefined), false);
  });

  test('its oldest Python 3, at least 3.1 (as target-version = "3.0" is refused); the newest known above 3.14', () => {
    const target = (spec: string) => mergeSettings({}, loadConfig({ cwd: tree({ 'pyproject.toml': `[project]\nrequires-python = "${spec}"\n` }) })).targetVersion;
    assert.deepEqual(target('>=3'), [3, 1]);
    assert.deepEqual(target('>=2.7'), [3, 1]);
    assert.deepEqual(target('>=2.7, !=3.0.*, !=3.1.*, !=3.2.*, !=3.3.*'), [3, 4]);
    assert.deepEqual(target('>=3.99'), [3, 14]);
    // No lower bound: it allows 3.0 on; no PEP 440 specifier: it may allow anything (review rw2: `<3.8` gave 3.8, and
    // `:=` in a 3.7 project; `>=3.11 || >=3.7` gave 3.11)
    assert.deepEqual(target('<3.8'), [3, 1]);
    assert.deepEqual(target('!=3.5.*'), [3, 1]);
    assert.deepEqual(target('>=3.11 || >=3.7'), [3, 1]);
    assert.deepEqual(target('>=3.7.1'), [3, 7]);
    assert.deepEqual(target('>=3.8, <4'), [3, 8]);
    assert.deepEqual(target('>=3.9rc1'), [3, 9]);
    // Every spelling `packaging` reads: a trailing comma, pre- and post-releases, a `v` (review rw7); and none at all
    for (const spec of ['>=3.8,', '>=3.8, <4,', '>=3.8.0-rc1', '>=3.8c1', '>=3.8alpha1', '>=3.8-1', '>=3.8_post1', '>=3.8.r1', '>=V3.8']) assert.deepEqual(target(spec), [3, 8], spec);
    assert.deepEqual(target(''), [3, 1]);
    // No versions `packaging` reads: the oldest target; and a long run of letters is read at once (review rw8: the run
    // hung on the pattern before)
    for (const spec of ['>=3.10.x', '>=3.10final', '>=3.10..0', '>=3.8.0-release-candidate-preview-build!', `>=3.8${'-rc'.repeat(40)}!`]) assert.deepEqual(target(spec), [3, 1], spec);
    // A subproject's, as the run's: its files are written for 3.1, no error
    const mono = tree({ 'pyproject.toml': '[project]\nrequires-python = ">=3.11"\n', 'sub/pyproject.toml': '[project]\nrequires-python = ">=2.7"\n', 'sub/a.py': 'x = 1\n' });
    const r = cli(mono, 'check', '.');
    assert.equal(r.status, 0, r.stderr);
  });
});

describe('a subproject that says an older Python', () => {
  // A multi-item `with` of long lines: parenthesized from 3.10, one long line below it.
  const COPY = 'import shutil\n\n\ndef copy(source_directory_path_xxxxxxxxxxxxxxxx, destination_directory_path_xxxxxxxxxxxxxxxxx):\n    shutil.copyfileobj(open(source_directory_path_xxxxxxxxxxxxxxxx, "rb"), open(destination_directory_path_xxxxxxxxxxxxxxxxx, "wb"))\n';
  test('its files are written for it, never for a newer Python than the run', () => {
    const root = tree({
      'pyproject.toml': '[project]\nrequires-python = ">=3.11"\n',
      'sub/pyproject.toml': '[project]\nrequires-python = ">=3.6"\n',
      'sub/a.py': COPY,
      'a.py': COPY,
      'new/pyproject.toml': '[tool.withify]\ntarget-version = "3.12"\n',
      'new/a.py': COPY,
      // A pyproject.toml that says no version is passed over: sub's 3.6 holds below it too
      'sub/inner/pyproject.toml': '[tool.black]\nline-length = 100\n',
      'sub/inner/a.py': COPY,
    });
    const diff = cli(root, 'diff', '.');
    assert.equal(diff.status, 0, diff.stderr);
    const byFile = new Map(diff.stdout.split(/^(?=--- )/m).map((part) => [/^\+\+\+ b\/(\S+)/m.exec(part)?.[1], part]));
    assert.match(byFile.get('a.py') ?? '', /^\+    with \($/m);
    assert.doesNotMatch(byFile.get('sub/a.py') ?? '', /with \(/);
    assert.doesNotMatch(byFile.get('sub/inner/a.py') ?? '', /with \(/);
    assert.match(byFile.get('sub/a.py') ?? '', /^\+    with open\(source\S+ "rb"\) as f, open\(/m);
    // 3.12 is newer than the run's 3.11: the run's own target holds
    assert.match(byFile.get('new/a.py') ?? '', /^\+    with \($/m);
    // --target-version is the user's word for every file
    assert.match(cli(root, 'diff', 'sub', '--target-version', '3.11').stdout, /^\+    with \($/m);
  });
});

describe('a subproject whose [tool.withify] is wrong', () => {
  test('is an error naming its file and key, exit 2, before any file is written, as the root\'s is', () => {
    for (const [toml, message] of [
      // Ex) a float: passed over, and the root's 3.11 gave the subproject `contextlib.aclosing`
      ['target-version = 3.9', /sub\/pyproject\.toml: \[tool\.withify\] target-version must be a string like "3\.9", not 3\.9$/],
      ['target-version = "2.7"', /sub\/pyproject\.toml: \[tool\.withify\] target-version: withify writes for Python 3\.1 or newer/],
      ['bogus = 1', /sub\/pyproject\.toml: unknown key "bogus" in \[tool\.withify\]/],
      ['target-version = "3.9', /sub\/pyproject\.toml: not valid TOML/],
    ] as Array<[string, RegExp]>) {
      const root = tree({ 'pyproject.toml': '[tool.withify]\ntarget-version = "3.11"\n', 'sub/pyproject.toml': `[tool.withify]\n${toml}\n`, 'sub/a.py': LEAK, 'a.py': LEAK });
      for (const jobs of ['1', '2']) {
        const r = cli(root, 'fix', '.', '--jobs', jobs, '--no-cache');
        assert.deepEqual([r.status, r.stdout], [2, ''], toml);
        assert.match(r.stderr.trim(), message, toml);
        assert.equal(r.stderr.trim().split('\n').length, 1, toml);
        assert.equal(readFileSync(join(root, 'a.py'), 'utf8'), LEAK);
        assert.equal(readFileSync(join(root, 'sub', 'a.py'), 'utf8'), LEAK);
      }
      const piped = spawnSync(process.execPath, [CLI, 'check', '-', '--stdin-filename', 'sub/a.py'], { cwd: root, input: LEAK, encoding: 'utf8' });
      assert.equal(piped.status, 2, toml);
      assert.match(piped.stderr.trim(), message, toml);
    }
    // Another tool's pyproject.toml that is not TOML, with no [tool.withify], is passed over as documented
    const other = tree({ 'pyproject.toml': '[tool.withify]\ntarget-version = "3.11"\n', 'sub/pyproject.toml': '[tool.black\nline-length = 1\n', 'sub/a.py': LEAK });
    assert.equal(cli(other, 'check', '.', '--no-cache').status, 1);
  });
});

describe('through the CLI', () => {
  test('the config selects transforms; the command line overrides it', () => {
    const root = tree({ 'pyproject.toml': '[tool.withify]\nignore = ["open-chain"]\n', 'src/app.py': LEAK });
    const quiet = cli(join(root, 'src'), 'check', '.');
    assert.equal(quiet.status, 0, quiet.stderr);
    assert.equal(quiet.stdout, 'All clear: no findings in 1 file.\n');
    // As Ruff's: --ignore adds to the file's ignore (it replaced it before review rv55a), --select starts afresh
    const added = cli(join(root, 'src'), 'check', '--ignore', 'class-del', '.');
    assert.equal(added.status, 0, added.stdout);
    const overridden = cli(join(root, 'src'), 'check', '--select', 'open-chain', '.');
    assert.equal(overridden.status, 1);
    assert.match(overridden.stdout, /^app\.py:2:12 WFY101 /);
  });

  test('--config replaces the pyproject.toml found upward', () => {
    const root = tree({ 'pyproject.toml': '[tool.withify]\nignore = ["open-chain"]\n', 'other.toml': 'select = ["open-chain"]\n', 'app.py': LEAK });
    assert.equal(cli(root, 'check', '.').status, 0);
    const r = cli(root, 'check', '--config', 'other.toml', '.');
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^app\.py:2:12 WFY101 /);
  });

  test('config exclude is relative to the config file, wherever the run starts', () => {
    const root = tree({ 'pyproject.toml': '[tool.withify]\nexclude = ["legacy/old"]\n', 'legacy/old/a.py': LEAK, 'legacy/new/b.py': LEAK });
    const r = cli(join(root, 'legacy'), 'check', '.');
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^new\/b\.py:2:12 WFY101 /);
    assert.doesNotMatch(r.stdout, /old\/a\.py/);
  });

  test('unsafe-fixes = true in the config, --no-unsafe-fixes on the command line', () => {
    // pathlib-read-write's lambda case is fixable only with unsafe fixes.
    const root = tree({ 'pyproject.toml': '[tool.withify]\nunsafe-fixes = true\nselect = ["pathlib-read-write"]\n', 'app.py': 'f = lambda p: open(p).read()\n' });
    const withConfig = cli(root, 'check', '.');
    const overridden = cli(root, 'check', '--no-unsafe-fixes', '.');
    assert.match(withConfig.stdout, /\(1 fixable with `withify fix`\)/);
    assert.match(overridden.stdout, /\(0 fixable with `withify fix`, 1 more with `--unsafe-fixes`\)/);
  });

  test('per-file-ignores skips transforms in the files a glob matches, by path, by name or by directory; at every --jobs', () => {
    const root = tree({
      'pyproject.toml': '[tool.withify]\nper-file-ignores = { "src/tests/**" = ["open-chain"], "conftest.py" = ["WFY101"], "legacy" = ["open-chain"] }\n',
      'src/app.py': LEAK,
      'src/tests/test_app.py': LEAK,
      'src/conftest.py': LEAK,
      'src/legacy/old.py': LEAK,
      'src/legacy_too.py': LEAK,
    });
    for (const jobs of ['1', '2']) {
      // Started in src/: the glob with a `/` is relative to the config file, the others match names anywhere.
      const r = cli(join(root, 'src'), 'check', '.', '--jobs', jobs);
      assert.equal(r.status, 1);
      assert.deepEqual(r.stdout.split('\n').filter((l) => l.includes('WFY101')).map((l) => l.split(':')[0]), ['app.py', 'legacy_too.py']);
    }
    // The name given with --stdin-filename counts for `-`.
    const piped = spawnSync(process.execPath, [CLI, 'check', '-', '--stdin-filename', 'tests/test_x.py'], { cwd: join(root, 'src'), input: LEAK, encoding: 'utf8' });
    assert.equal(piped.status, 0, piped.stdout);
    assert.equal(cli(join(root, 'src'), 'fix', 'tests').status, 0);
    assert.equal(readFileSync(join(root, 'src', 'tests', 'test_app.py'), 'utf8'), LEAK);
    assert.match(cli(join(root, 'src'), 'diff', '.').stdout, /^\+\+\+ b\/app\.py$/m);
  });

  test('per-file-ignores: a directory name is matched below the config file, whatever the working directory', () => {
    const root = tree({
      'pyproject.toml': '[tool.withify]\nper-file-ignores = { "legacy" = ["open-chain"], "lega*" = ["WFY101"] }\n',
      'legacy/x/old.py': LEAK,
      'legacy/y.py': LEAK,
      'sib/app.py': LEAK,
      'x.py': 'y = 1\n',
    });
    // Ex) from legacy/x only `x` was matched; from sib/, with `..`, nothing above the working directory
    for (const [cwd, path, expected] of [
      ['.', '.', ['sib/app.py']],
      ['legacy/x', '.', []],
      ['legacy/x', '..', []],
      ['legacy', '.', []],
      ['sib', '..', ['app.py']],
      ['sib', '../legacy/x/old.py', []],
    ] as Array<[string, string, string[]]>) {
      const r = cli(join(root, cwd), 'check', path, '--no-cache');
      const reported = r.stdout.split('\n').filter((l) => l.includes('WFY101')).map((l) => l.split(':')[0]);
      assert.deepEqual(reported, expected, `${cwd}: check ${path}`);
    }
    // … and for the text read from stdin, named with --stdin-filename
    const piped = spawnSync(process.execPath, [CLI, 'check', '-', '--stdin-filename', 'x/new.py'], { cwd: join(root, 'legacy'), input: LEAK, encoding: 'utf8' });
    assert.equal(piped.status, 0, piped.stdout);
    assert.equal(cli(join(root, 'legacy', 'x'), 'fix', '.', '--no-cache').status, 0);
    assert.equal(readFileSync(join(root, 'legacy', 'x', 'old.py'), 'utf8'), LEAK);
    // The config file's own directory is no directory below it: a project kept in a directory named `legacy`
    const named = tree({ 'legacy/pyproject.toml': '[tool.withify]\nper-file-ignores = { "legacy" = ["open-chain"] }\n', 'legacy/app.py': LEAK });
    assert.equal(cli(join(named, 'legacy'), 'check', '.', '--no-cache').status, 1);
  });

  test('per-file-ignores: a value of the wrong shape, or a rule no transform has, is exit 2 naming it', () => {
    for (const [toml, message] of [
      ['per-file-ignores = ["tests/**"]\n', /per-file-ignores must be a table of globs to lists of transforms/],
      ['per-file-ignores = { "tests/**" = "open-chain" }\n', /per-file-ignores\."tests\/\*\*" must be a list of strings/],
      ['per-file-ignores = { "tests/**" = ["open_chain"] }\n', /per-file-ignores "tests\/\*\*": no transform "open_chain"/],
    ] as const) {
      const root = tree({ 'pyproject.toml': `[tool.withify]\n${toml}`, 'app.py': LEAK });
      const r = cli(root, 'check', '.');
      assert.equal(r.status, 2, toml);
      assert.match(r.stderr, message);
    }
  });

  test('an unknown key is exit 2 with the key named; nothing is processed', () => {
    const root = tree({ 'pyproject.toml': '[tool.withify]\nfrobnicate = true\n', 'app.py': LEAK });
    const r = cli(root, 'fix', '.');
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^error: .*pyproject\.toml: unknown key "frobnicate" in \[tool\.withify\]; the keys are select, ignore/);
  });

  test('an error in a --config file of top-level keys does not name a [tool.withify] it has not', () => {
    const root = tree({ 'app.py': LEAK, 'w2.toml': 'selects = ["WFY110"]\n', 'w3.toml': 'unsafe-fixes = "yes"\n', 'w4.toml': 'per-file-ignores = { "a.py" = ["nope"] }\n', 'pyproject.toml': '[tool.withify]\nselects = ["WFY110"]\n' });
    const keys = CONFIG_KEYS.join(', ');
    for (const [file, message] of [
      ['w2.toml', `error: ${join(root, 'w2.toml')}: unknown key "selects"; the keys are ${keys}\n`],
      ['w3.toml', `error: ${join(root, 'w3.toml')}: unsafe-fixes must be true or false\n`],
      ['w4.toml', `error: ${join(root, 'w4.toml')}: per-file-ignores "a.py": no transform "nope"; run \`withify list\` to see the ids and codes\n`],
      // A pyproject.toml's table is still named
      ['pyproject.toml', `error: ${join(root, 'pyproject.toml')}: unknown key "selects" in [tool.withify]; the keys are ${keys}\n`],
    ] as const) {
      const r = cli(root, 'check', '.', '--config', file);
      assert.equal(r.status, 2, file);
      assert.equal(r.stderr, message, file);
    }
  });

  test("a nested project's [tool.withify] the run does not apply: one warning per file on stderr, none for the run's own or under -q", () => {
    // sub's ignore/exclude were silently not applied to a run started at the root.
    const root = tree({
      'pyproject.toml': '[tool.withify]\nselect = ["WFY101"]\n',
      'sub/pyproject.toml': '[tool.withify]\nignore = ["WFY101"]\n',
      'sub/a.py': LEAK,
      'sub/deep/pyproject.toml': '[tool.withify]\nexclude = ["x.py"]\n',
      'sub/deep/x.py': LEAK,
      'other/pyproject.toml': '[tool.black]\nline-length = 100\n',
      'other/b.py': LEAK,
    });
    const warning = (file: string, uses: string) => `warning: ${file}/pyproject.toml: its [tool.withify] applies only to runs started in ${file}/ or below; this run uses ${uses}\n`;
    const r = cli(root, 'check', '--no-cache', '.');
    assert.equal(r.status, 1);
    assert.equal(r.stderr, warning('sub', './pyproject.toml') + warning('sub/deep', './pyproject.toml'));
    for (const mode of ['diff', 'fix']) assert.equal(cli(root, mode, '--no-cache', 'sub').stderr.split('\n').filter((l) => l.startsWith('warning:')).length, 2, mode);
    assert.equal(cli(root, 'check', '--no-cache', '-q', '.').stderr, '');
    // From sub/, its own file is the run's: only the one below it is named
    assert.equal(cli(join(root, 'sub'), 'check', '--no-cache', '.').stderr, warning('deep', './pyproject.toml'));
    assert.equal(cli(root, 'check', '--no-cache', '--config', 'sub/deep/pyproject.toml', '.').stderr, warning('sub', './sub/deep/pyproject.toml'));
    assert.equal(cli(join(root, 'other'), 'check', '--no-cache', '.').stderr, '');
  });

  test('a rule select or ignore does not know is exit 2 naming it, from the command line or the file', () => {
    const root = tree({ 'app.py': LEAK, 'typo.toml': 'ignore = ["open_chain"]\n', 'mine.mjs': MY_RULE });
    const list = '`withify list` to see the ids and codes\n';
    for (const [args, message] of [
      [['--select', 'open-chain,nope'], `error: --select: no transform "nope"; run ${list}`],
      [['--ignore', 'WFY999'], `error: --ignore: no transform "WFY999"; run ${list}`],
      // (typo.toml holds its keys at the top level: no [tool.withify] for the error to name)
      [['--config', 'typo.toml'], `error: ${join(root, 'typo.toml')}: ignore: no transform "open_chain"; run ${list}`],
      // The file is checked even where the command line overrides the key.
      [['--config', 'typo.toml', '--ignore', 'class-del'], `error: ${join(root, 'typo.toml')}: ignore: no transform "open_chain"; run ${list}`],
    ] as const) {
      const r = cli(root, 'fix', '.', ...args);
      assert.equal(r.status, 2, args.join(' '));
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, message);
    }
    // Codes in any case, ids, and a rule of a --transform module are known.
    assert.equal(cli(root, 'check', '.', '--select', 'wfy101,open-assign,my-rule', '--transform', 'mine.mjs').status, 1);
  });
});

const MY_RULE = `export default {
  id: 'my-rule', code: 'XYZ001', summary: 'test rule', fixTitle: 'none', safety: 'safe',
  doc: { whatItDoes: 'nothing', whyItBreaksOnPyPy: 'it does not', fixSafety: 'no fix', notFlagged: 'everything' }, examples: [],
  check() { return []; },
};
`;

test('select = [] (or an empty name) names no transform: an error, as --select \'\' is', () => {
  for (const list of ['[]', '[""]', '["open-chain", " "]']) {
    const root = tempDir('withify-config-select-');
    writeFileSync(join(root, 'pyproject.toml'), `[tool.withify]\nselect = ${list}\n`);
    assert.throws(() => loadConfig({ cwd: root }), (e: Error) => e instanceof ConfigError && /select names no transform/.test(e.message), list);
  }
});

test('--config naming a pyproject.toml with no [tool.withify] table (a misspelt one) is an error, not a run with the defaults; an empty per-file-ignores glob gets a table for its example', () => {
  const root = tree({ 'pyproject.toml': '[tool.withfy]\nselect = ["WFY101"]\n' });
  assert.throws(() => loadConfig({ cwd: root, configPath: 'pyproject.toml' }), /no \[tool.withify\] table/);
  // (found from the working directory up, such a file only gives requires-python: no error)
  assert.doesNotThrow(() => loadConfig({ cwd: root }));
  const bad = tree({ 'pyproject.toml': '[tool.withify]\nper-file-ignores = { "" = ["generator-close"] }\n' });
  assert.throws(() => loadConfig({ cwd: bad }), /e\.g\. per-file-ignores = \{ "tests\/fixtures\/\*\*" = \["generator-close"\] \}/);
});
