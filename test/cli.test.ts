// The command line, end to end: real processes, real files, real output.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import yargs from 'yargs';
import { skipHelpCache } from '../src/cli.js';
import { CLI, tempDir } from './helpers.js';

// Every run gets a working directory of its own: a bug that ignored the paths must not rewrite the repo.
function withify(args: string[], opts: { cwd?: string; input?: string | Buffer } = {}) {
  const cwd = opts.cwd ?? tempDir('withify-cwd-');
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, input: opts.input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const LEAKY = 'import json\n\n\ndef load(p):\n    return json.loads(open(p).read())\n';
const FIXED = 'import json\n\n\ndef load(p):\n    with open(p) as f:\n        return json.loads(f.read())\n';

function project(): string {
  const dir = tempDir('withify-cli-');
  mkdirSync(join(dir, 'pkg'));
  writeFileSync(join(dir, 'pkg', 'leaky.py'), LEAKY);
  writeFileSync(join(dir, 'pkg', 'clean.py'), 'x = 1\n');
  mkdirSync(join(dir, 'node_modules'));
  writeFileSync(join(dir, 'node_modules', 'skipped.py'), LEAKY);
  return dir;
}

test('check: one line per finding, [*] when fixable, exit 1', () => {
  const dir = project();
  const r = withify(['check', '.'], { cwd: dir });
  assert.equal(r.status, 1);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines[0], 'pkg/leaky.py:5:23 WFY101 `open(...).read()`: the file is never closed; PyPy closes it only when the GC runs [*]');
  assert.match(lines[1]!, /^Found 1 finding in 1 of 2 files \(1 fixable with `withify fix`\)\.$/);
});

test('check: a clean tree exits 0', () => {
  const dir = project();
  const r = withify(['check', 'pkg/clean.py'], { cwd: dir });
  assert.equal(r.status, 0);
  assert.match(r.stdout, /All clear: no findings in 1 file\./);
});

test('diff: a unified diff with paths relative to the working directory; nothing written', () => {
  const dir = project();
  const r = withify(['diff', 'pkg'], { cwd: dir });
  assert.equal(r.status, 0);
  assert.equal(
    r.stdout,
    [
      '--- a/pkg/leaky.py',
      '+++ b/pkg/leaky.py',
      '@@ -2,4 +2,5 @@',
      ' ',
      ' ',
      ' def load(p):',
      '-    return json.loads(open(p).read())',
      '+    with open(p) as f:',
      '+        return json.loads(f.read())',
      '',
    ].join('\n'),
  );
  assert.equal(readFileSync(join(dir, 'pkg', 'leaky.py'), 'utf8'), LEAKY);
  assert.equal(withify(['diff', '--exit-code', 'pkg'], { cwd: dir }).status, 1);
  assert.equal(withify(['diff', '--exit-code', 'pkg/clean.py'], { cwd: dir }).status, 0);
});

test('fix: rewrites in place, keeps the file mode, prints a summary; a second run changes nothing', () => {
  const dir = project();
  const file = join(dir, 'pkg', 'leaky.py');
  chmodSync(file, 0o751);
  const r = withify(['fix', '.'], { cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '1 file changed, 1 fix applied, 0 findings left.\n');
  assert.equal(readFileSync(file, 'utf8'), FIXED);
  assert.equal(statSync(file).mode & 0o777, 0o751);
  const again = withify(['fix', '.'], { cwd: dir });
  assert.equal(again.stdout, '0 files changed, 0 fixes applied, 0 findings left.\n');
  // node_modules is never walked into.
  assert.equal(readFileSync(join(dir, 'node_modules', 'skipped.py'), 'utf8'), LEAKY);
});

test('fix -: stdin to stdout', () => {
  const r = withify(['fix', '-'], { input: LEAKY });
  assert.equal(r.status, 0);
  assert.equal(r.stdout, FIXED);
});

test('fix -: the source on stdout in every --format, the report on stderr', () => {
  for (const format of ['text', 'json', 'sarif', 'github']) {
    const r = withify(['fix', '-', '--format', format], { input: LEAKY });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, FIXED, `--format ${format}`);
  }
  const json = JSON.parse(withify(['fix', '-', '--format', 'json'], { input: LEAKY }).stderr) as { summary: { fixesApplied: number } };
  assert.equal(json.summary.fixesApplied, 1);
  // What is left after the fix is reported on stderr, as Ruff does for stdin.
  const left = withify(['fix', '-', '--format', 'github'], { input: 'x = open(p)\n' });
  assert.equal(left.stdout, 'x = open(p)\n');
  assert.match(left.stderr, /^::warning file=-,line=1/m);
});

test('-q drops the summary, never the findings: fix and diff still list what is left', () => {
  const dir = tempDir('withify-quiet-');
  writeFileSync(join(dir, 'a.py'), 'x = open(p)\n' + LEAKY);
  const diff = withify(['diff', '-q', 'a.py'], { cwd: dir });
  assert.match(diff.stderr, /^a\.py:1:1 WFY105 /m);
  assert.doesNotMatch(diff.stderr, /would change/);
  const fix = withify(['fix', '-q', 'a.py'], { cwd: dir });
  assert.equal(fix.status, 0, fix.stderr);
  assert.match(fix.stdout, /^a\.py:1:1 WFY105 /m);
  assert.doesNotMatch(fix.stdout, /files? changed/);
});

test('-: --exclude (command line or [tool.withify]) leaves out the --stdin-filename as it would the file named', () => {
  const dir = tempDir('withify-stdin-exclude-');
  for (const args of [['--exclude', 'gen'], ['--exclude', 'gen/*.py']]) {
    const fix = withify(['fix', '-', '--stdin-filename', 'gen/z.py', ...args], { cwd: dir, input: LEAKY });
    assert.equal(fix.status, 0, fix.stderr);
    assert.equal(fix.stdout, LEAKY);
    const check = withify(['check', '-', '--stdin-filename', 'gen/z.py', ...args], { cwd: dir, input: LEAKY });
    assert.equal(check.status, 0);
    assert.doesNotMatch(check.stdout, /WFY101/);
  }
  writeFileSync(join(dir, 'pyproject.toml'), '[tool.withify]\nexclude = ["gen"]\n');
  assert.equal(withify(['fix', '-', '--stdin-filename', 'gen/z.py'], { cwd: dir, input: LEAKY }).stdout, LEAKY);
  // A name the globs do not match is processed
  assert.equal(withify(['fix', '-', '--stdin-filename', 'src/z.py'], { cwd: dir, input: LEAKY }).stdout, FIXED);
});

test("a config's exclude holds from inside the excluded directory: a file named there, and an editor's --stdin-filename", () => {
  const dir = tempDir('withify-exclude-inside-');
  mkdirSync(join(dir, 'src', 'legacy'), { recursive: true });
  mkdirSync(join(dir, 'gen'));
  writeFileSync(join(dir, 'src', 'legacy', 'b.py'), LEAKY);
  writeFileSync(join(dir, 'gen', 'z.py'), LEAKY);
  writeFileSync(join(dir, 'pyproject.toml'), '[tool.withify]\nexclude = ["src/legacy", "gen"]\n');
  const inLegacy = withify(['check', '--no-cache', 'b.py'], { cwd: join(dir, 'src', 'legacy') });
  assert.equal(inLegacy.status, 0, inLegacy.stdout);
  assert.doesNotMatch(inLegacy.stdout, /WFY101/);
  const editor = withify(['fix', '--no-cache', '-', '--stdin-filename', 'z.py'], { cwd: join(dir, 'gen'), input: LEAKY });
  assert.equal(editor.status, 0, editor.stderr);
  assert.equal(editor.stdout, LEAKY);
  const named = withify(['fix', '--no-cache', 'z.py'], { cwd: join(dir, 'gen') });
  assert.equal(named.status, 0, named.stderr);
  assert.equal(readFileSync(join(dir, 'gen', 'z.py'), 'utf8'), LEAKY);
  // The command line's --exclude replaces the config's: its directories count from the working directory
  const cli = withify(['check', '--no-cache', 'b.py', '--exclude', 'legacy'], { cwd: join(dir, 'src', 'legacy') });
  assert.equal(cli.status, 1);
  assert.match(cli.stdout, /WFY101/);
  // A path through a link to the checkout (an editor's absolute path), against the config's real-path globs
  const link = `${dir}-link`;
  symlinkSync(dir, link);
  for (const args of [['-', '--stdin-filename', join(link, 'src', 'legacy', 'b.py')], [join(link, 'src', 'legacy', 'b.py')], [join(link, 'src')]]) {
    const viaLink = withify(['check', '--no-cache', ...args], { cwd: dir, input: LEAKY });
    assert.equal(viaLink.status, 0, `${args.join(' ')}: ${viaLink.stdout}`);
  }
  // A --config kept outside the working directory's ancestry: its globs count from the working directory, as before
  mkdirSync(join(dir, 'tools'));
  writeFileSync(join(dir, 'tools', 'withify.toml'), 'exclude = ["gen"]\n');
  const outside = withify(['check', '--no-cache', '--config', 'tools/withify.toml', 'gen/z.py'], { cwd: dir });
  assert.equal(outside.status, 0, outside.stdout);
  // A directory named explicitly is walked, as asked (docs/bulk.md)
  const walked = withify(['check', '--no-cache', '.'], { cwd: join(dir, 'gen') });
  assert.equal(walked.status, 1);
  assert.match(walked.stdout, /z\.py:5:\d+ WFY101/);
});

test('an empty glob in [tool.withify] include or exclude is an error naming the key, as --include \'\' is', () => {
  const dir = tempDir('withify-empty-glob-');
  writeFileSync(join(dir, 'a.py'), LEAKY);
  for (const [key, value] of [['include', '""'], ['exclude', '"/"'], ['include', '"./"']]) {
    writeFileSync(join(dir, 'pyproject.toml'), `[tool.withify]\n${key} = [${value}]\n`);
    const r = withify(['check', '--no-cache', '.'], { cwd: dir });
    assert.equal(r.status, 2, r.stdout);
    assert.match(r.stderr, new RegExp(`\\[tool\\.withify\\] ${key}: .* is no glob`));
  }
  for (const flag of ['--include', '--exclude']) {
    const r = withify(['check', '--no-cache', '--config', '/dev/null', '.', flag, './'], { cwd: dir });
    assert.equal(r.status, 2, r.stdout);
    assert.match(r.stderr, new RegExp(`^error: ${flag} "\\./" names nothing`, 'm'));
  }
});

test('fix -: input that cannot be decoded or parsed goes out unchanged, exit 2', () => {
  for (const input of [Buffer.from('x = "\xe9"  # open\n', 'latin1'), Buffer.from('def f(:\n    open(p)\n')]) {
    const r = spawnSync(process.execPath, [CLI, 'fix', '-'], { input, env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(r.status, 2);
    assert.ok(r.stdout.equals(input), `stdout: ${JSON.stringify(r.stdout.toString('latin1'))}`);
    assert.match(r.stderr.toString(), /^error: -: /m);
  }
});

test('--target-version below 3.1 or of another major version is a usage error, exit 2', () => {
  for (const v of ['3.0', '2.7', '4.0']) {
    const r = withify(['check', '--target-version', v, '-'], { input: LEAKY });
    assert.equal(r.status, 2);
    assert.match(r.stderr, new RegExp(`--target-version: withify writes for Python 3\\.1 or newer .*not ${v.replace('.', '\\.')}`));
  }
  assert.equal(withify(['check', '--target-version', '3.1', '-'], { input: LEAKY }).status, 1);
});

test('--no-X of an option that takes a value is a usage error, exit 2, never a stack trace', () => {
  for (const o of ['--no-select', '--no-exclude', '--no-include', '--no-config', '--no-target-version', '--no-jobs', '--no-shard', '--no-transform', '--no-stdin-filename=a.py']) {
    const r = withify(['check', o, '-'], { input: LEAKY });
    assert.equal(r.status, 2, o);
    const name = o.replace(/^--no-/, '').replace(/=.*/, '');
    assert.equal(r.stderr, `error: --no-${name}: --${name} takes a value and has no --no- form; leave it out for its default\n`);
  }
  // The flags' own negations still work
  assert.equal(withify(['check', '--no-ignore', '--no-color', '--no-unsafe-fixes', '-'], { input: LEAKY }).status, 1);
});

test('--select or --ignore naming nothing, a --target-version past 3.14, --exit-code off diff: usage errors, exit 2', () => {
  for (const args of [['--select', ''], ['--select', ','], ['--ignore', ' ']]) {
    const r = withify(['check', ...args, '-'], { input: LEAKY });
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, /^error: --(select|ignore): name at least one transform/);
  }
  const future = withify(['check', '--target-version', '3.99', '-'], { input: LEAKY });
  assert.equal(future.status, 2);
  assert.match(future.stderr, /--target-version: withify knows Python up to 3\.14, not 3\.99/);
  assert.equal(withify(['check', '--target-version', '3.14', '-'], { input: LEAKY }).status, 1);
  const r = withify(['check', '--exit-code', '-'], { input: LEAKY });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^error: --exit-code is for `withify diff` .* and `withify fix` .*: `check` exits 1 on any finding already/);
});

test('fix --exit-code (a pre-commit hook): exit 1 when a file changed or a finding is left, 0 when the code was clean', () => {
  const dir = tempDir('withify-cli-');
  writeFileSync(join(dir, 'leaky.py'), LEAKY);
  writeFileSync(join(dir, 'lambda.py'), 'g = lambda p: open(p).read()\n');
  writeFileSync(join(dir, 'clean.py'), 'x = 1\n');
  const fixed = withify(['fix', '--exit-code', '--no-cache', 'leaky.py', 'clean.py'], { cwd: dir });
  assert.equal(fixed.status, 1, fixed.stderr);
  assert.notEqual(readFileSync(join(dir, 'leaky.py'), 'utf8'), LEAKY);
  // Fixed: clean now
  assert.equal(withify(['fix', '--exit-code', '--no-cache', 'leaky.py', 'clean.py'], { cwd: dir }).status, 0);
  // A finding with no fix: nothing written, and still not clean
  const left = withify(['fix', '--exit-code', '--no-cache', 'lambda.py'], { cwd: dir });
  assert.equal(left.status, 1);
  assert.match(left.stdout + left.stderr, /lambda\.py:1:15 WFY101 .*not fixed: inside a lambda/);
  assert.equal(readFileSync(join(dir, 'lambda.py'), 'utf8'), 'g = lambda p: open(p).read()\n');
  // Without the flag, fix exits 0 either way
  assert.equal(withify(['fix', '--no-cache', 'lambda.py'], { cwd: dir }).status, 0);
  // Standard input: the same rule
  assert.equal(withify(['fix', '--exit-code', '-'], { input: LEAKY }).status, 1);
  assert.equal(withify(['fix', '--exit-code', '-'], { input: 'x = 1\n' }).status, 0);
});

test('a backslash in a POSIX file name is kept in reports (it is no separator there)', { skip: process.platform === 'win32' }, () => {
  const dir = tempDir('withify-cli-');
  writeFileSync(join(dir, 'back\\slash.py'), 'def f(p):\n    return open(p).read()\n');
  const r = withify(['check', '.'], { cwd: dir });
  assert.match(r.stdout, /^back\\slash\.py:2:12 WFY101 /m);
  const sarif = JSON.parse(withify(['check', '--format', 'sarif', '.'], { cwd: dir }).stdout);
  assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'back%5Cslash.py');
});

test('diff of files not in plain UTF-8 (latin-1, shift_jis, a BOM) applies with git apply and gives what fix writes', () => {
  const files: Record<string, Buffer> = {
    'latin.py': Buffer.from('# coding: latin-1\r\nx = "\u00e9"\r\nprint(open("p").read())\r\n', 'latin1'),
    'bom.py': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('import sys\ndef f(p):\n    return open(p).read()\n')]),
    'sjis.py': Buffer.from([...Buffer.from('# -*- coding: shift_jis -*-\ns = "'), 0x82, 0xa0, ...Buffer.from('"\ndata = open("p").read()\n')]),
    'plain.py': Buffer.from('x = "\u00e9"\nprint(open("p").read())\n'),
  };
  const applied = tempDir('withify-cli-');
  const fixed = tempDir('withify-cli-');
  for (const [name, bytes] of Object.entries(files)) {
    writeFileSync(join(applied, name), bytes);
    writeFileSync(join(fixed, name), bytes);
  }
  const diff = spawnSync(process.execPath, [CLI, 'diff', '.'], { cwd: applied });
  assert.equal(diff.status, 0, diff.stderr.toString());
  writeFileSync(join(applied, 'p.diff'), diff.stdout);
  const apply = spawnSync('git', ['apply', 'p.diff'], { cwd: applied, encoding: 'utf8' });
  assert.equal(apply.status, 0, apply.stderr);
  assert.equal(withify(['fix', '.'], { cwd: fixed }).status, 0);
  for (const name of Object.keys(files)) assert.ok(readFileSync(join(applied, name)).equals(readFileSync(join(fixed, name))), name);
});

test('diff - of a file not in plain UTF-8 prints the bytes diff FILE does (git apply takes it); fix - keeps the coding', () => {
  // The patch of `diff -` came out in UTF-8 without the BOM, which `git apply` rejected.
  const files: Record<string, Buffer> = {
    'lat.py': Buffer.from('# -*- coding: latin-1 -*-\ns = "\u00e9"\nx = open("a").read()\n', 'latin1'),
    'bom2.py': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('s = "\u00e9"\nx = open("a").read()\n')]),
  };
  const dir = tempDir('withify-stdin-coding-');
  const fixed = tempDir('withify-stdin-coding-');
  for (const [name, bytes] of Object.entries(files)) {
    writeFileSync(join(dir, name), bytes);
    writeFileSync(join(fixed, name), bytes);
  }
  assert.equal(withify(['fix', '--no-cache', '.'], { cwd: fixed }).status, 0);
  for (const [name, bytes] of Object.entries(files)) {
    const disk = spawnSync(process.execPath, [CLI, 'diff', '--no-cache', name], { cwd: dir });
    const stdin = spawnSync(process.execPath, [CLI, 'diff', '--no-cache', '-', '--stdin-filename', name], { cwd: dir, input: bytes });
    assert.equal(stdin.status, 0, stdin.stderr.toString());
    assert.ok(stdin.stdout.equals(disk.stdout), `${name}: ${JSON.stringify(stdin.stdout.toString('latin1'))}`);
    writeFileSync(join(dir, `${name}.diff`), stdin.stdout);
    const check = spawnSync('git', ['apply', '--check', `${name}.diff`], { cwd: dir, encoding: 'utf8' });
    assert.equal(check.status, 0, check.stderr);
    const fix = spawnSync(process.execPath, [CLI, 'fix', '--no-cache', '-', '--stdin-filename', name], { cwd: dir, input: bytes });
    assert.ok(fix.stdout.equals(readFileSync(join(fixed, name))), name);
  }
});

test('check -: findings carry --stdin-filename', () => {
  const r = withify(['check', '-', '--stdin-filename', 'src/app.py'], { input: LEAKY });
  assert.equal(r.status, 1);
  assert.match(r.stdout, /^src\/app\.py:5:23 WFY101 /);
});

test('-: a syntax error names --stdin-filename (else `-`) and its line and column, as for the file itself', () => {
  const broken = 'def f(p):\n    return open(p).read()\n\ndef g():\n    x = (1,\n';
  const dir = tempDir('withify-cwd-');
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src', 'app.py'), broken);
  const error = 'error: src/app.py: cannot parse: syntax error at line 4, column 1 (withify rewrites only files that parse; if Python accepts this file, tree-sitter-python does not)\n';
  for (const mode of ['check', 'diff', 'fix']) {
    const file = withify([mode, 'src/app.py'], { cwd: dir });
    const stdin = withify([mode, '-', '--stdin-filename', 'src/app.py'], { cwd: dir, input: broken });
    assert.equal(stdin.status, 2, mode);
    assert.equal(file.status, 2, mode);
    const errors = (r: { stdout: string; stderr: string }) => (r.stdout + r.stderr).split(/(?<=\n)/).filter((l) => l.startsWith('error: ')).join('');
    assert.equal(errors(stdin), error, mode);
    assert.equal(errors(file), error, mode);
    assert.equal(errors(withify([mode, '-'], { cwd: dir, input: broken })), error.replace('src/app.py', '-'), mode);
    const github = withify([mode, '-', '--stdin-filename', 'src/app.py', '--format', 'github'], { cwd: dir, input: broken });
    // The annotation sits on the error's line, as a finding's does
    assert.match(github.stdout + github.stderr, /^::error file=src\/app\.py,line=4,col=1,title=withify::cannot parse: syntax error at line 4, column 1 /m, mode);
    const sarif = withify([mode, '-', '--stdin-filename', 'src/app.py', '--format', 'sarif'], { cwd: dir, input: broken });
    const notification = JSON.parse(mode === 'fix' ? sarif.stderr : sarif.stdout).runs[0].invocations[0].toolExecutionNotifications[0];
    assert.deepEqual(notification.locations[0].physicalLocation, { artifactLocation: { uri: 'src/app.py', uriBaseId: '%SRCROOT%' }, region: { startLine: 4, startColumn: 1 } }, mode);
  }
  assert.equal(readFileSync(join(dir, 'src', 'app.py'), 'utf8'), broken);
});

test('--stdin-filename without `-` is a usage error: `fix --stdin-filename a.py < buffer` rewrote every file under `.`', () => {
  const dir = tempDir('withify-cwd-');
  writeFileSync(join(dir, 'other.py'), LEAKY);
  for (const args of [['fix', '--stdin-filename', 'a.py'], ['fix', '.', '--stdin-filename', 'a.py'], ['check', 'other.py', '--stdin-filename', 'a.py']]) {
    const r = withify(args, { cwd: dir, input: LEAKY });
    assert.equal(r.status, 2, args.join(' '));
    assert.equal(r.stdout, '');
    assert.match(r.stderr, new RegExp(`^error: --stdin-filename names the text read from stdin: give \`-\` as the only path, e\\.g\\. \`withify ${args[0]} - --stdin-filename a\\.py\`\n$`));
  }
  assert.equal(readFileSync(join(dir, 'other.py'), 'utf8'), LEAKY);
  assert.equal(withify(['fix', '-', '--stdin-filename', 'a.py'], { cwd: dir, input: LEAKY }).stdout, FIXED);
});

test('an option given no value or an empty one is a usage error naming it: `--stdin-filename=` reported the findings at `:2:12`', () => {
  const dir = project();
  for (const [option, hint] of [
    ['stdin-filename', 'give the path to report for `-`'],
    ['exclude', 'give a glob'],
    ['include', 'give a glob'],
    ['config', 'name a TOML file'],
    ['changed-since', 'name a git revision'],
    ['transform', 'name an ES module file'],
  ]) {
    for (const args of [[`--${option}=`], [`--${option}`, '']]) {
      const r = withify(['fix', '-', ...args], { cwd: dir, input: LEAKY });
      assert.deepEqual([r.status, r.stdout], [2, ''], args.join(' '));
      assert.match(r.stderr, new RegExp(`^error: --${option} was given an empty value: ${hint.replace(/[`-]/g, '\\$&')}, e\\.g\\. `), args.join(' '));
    }
  }
  // With no value at all (it was read as '', or the option was dropped: `--format` ran as text)
  for (const option of ['stdin-filename', 'format', 'target-version', 'generator-style', 'index-scope']) {
    const r = withify(['check', '-', `--${option}`], { cwd: dir, input: LEAKY });
    assert.deepEqual([r.status, r.stdout], [2, ''], option);
    assert.match(r.stderr, new RegExp(`^error: --${option} takes a value, and none was given\n`), option);
  }
  for (const args of [['--output='], ['--python='], ['--python']]) {
    const r = withify(['trace', ...args, '--', 'true'], { cwd: dir });
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, /^error: --(output|python) (was given an empty value|takes a value, and none was given)/, args.join(' '));
  }
  assert.match(withify(['list', '--transform='], { cwd: dir }).stderr, /^error: --transform was given an empty value/);
  // `--config` of a directory names the option, not EISDIR
  assert.equal(withify(['check', '--config', 'pkg', '.'], { cwd: dir }).stderr, 'error: --config: pkg: is a directory; name the TOML file (e.g. pkg/pyproject.toml)\n');
  // A `-` after an option that takes a value is its value (the NUL of the stdin placeholder showed in the message)
  const dash = withify(['check', '--stdin-filename', '-'], { cwd: dir, input: LEAKY });
  assert.deepEqual([dash.status, dash.stderr], [2, 'error: --stdin-filename names the text read from stdin: give `-` as the only path, e.g. `withify check - --stdin-filename -`\n']);
  assert.equal(readFileSync(join(dir, 'pkg', 'leaky.py'), 'utf8'), LEAKY);
});

test('an unknown option, command or value is named as written, with the one meant when one is near (as Ruff does)', () => {
  const dir = project();
  for (const [args, message] of [
    [['check', '--selct', 'WFY101', '.'], 'unknown option --selct (did you mean --select?)'],
    // It was "Unknown arguments: unsafe-fix, unsafeFix"
    [['fix', '--unsafe-fix', '.'], 'unknown option --unsafe-fix (did you mean --unsafe-fixes?)'],
    // It was "Unknown argument: colour"
    [['check', '--no-colour', '.'], 'unknown option --no-colour (did you mean --no-color?)'],
    [['diff', '--stdin-file=a.py', '-'], 'unknown option --stdin-file (did you mean --stdin-filename?)'],
    [['check', '--bogus=1', '-Z', '.'], 'unknown options --bogus, -Z'],
    [['trace', '--pyhton', 'pypy3', '--', 'true'], 'unknown option --pyhton (did you mean --python?)'],
    // It was "Unknown arguments: chek, ."
    [['chek', '.'], 'unknown command "chek" (did you mean `withify check`?); the commands are check, diff, fix, list, explain, trace'],
    [['list', 'x'], '`withify list` takes no argument, not "x"; `withify explain CODE` explains one transform'],
    [['explain', 'WFY101', 'WFY102'], '`withify explain` takes one transform (run it once for each), not also "WFY102"'],
    [['explain'], 'name the transform to explain, by code or id (e.g. `withify explain WFY101`); `withify list` shows them'],
    // yargs said "Invalid values:\n  Argument: format, Given: …"
    [['check', '--format', 'JSON', '--index-scope', 'x', '.'], '--format: "JSON" is none of text, json, sarif, github (did you mean json?); --index-scope: "x" is none of project, run'],
    [['fix', '--generator-style=clos', '.'], '--generator-style: "clos" is none of try-finally, closing (did you mean closing?)'],
  ] as Array<[string[], string]>) {
    const r = withify(args, { cwd: dir, input: LEAKY });
    assert.deepEqual([r.status, r.stdout, r.stderr], [2, '', `error: ${message}\nRun \`withify --help\` for usage.\n`], args.join(' '));
  }
  assert.equal(readFileSync(join(dir, 'pkg', 'leaky.py'), 'utf8'), LEAKY);
});

test('a flag given a value other than true or false is a usage error: `diff --exit-code=1` exited 0 with changes', () => {
  for (const [args, flag, value] of [
    [['diff', '-', '--exit-code=1'], 'exit-code', '1'],
    [['fix', '-', '--unsafe-fixes=maybe'], 'unsafe-fixes', 'maybe'],
    [['diff', '-', '--color=never'], 'color', 'never'],
    [['check', '-', '--no-ignore=1'], 'no-ignore', '1'],
    [['trace', '--fail-on-leak=yes', '--', 'true'], 'fail-on-leak', 'yes'],
  ] as Array<[string[], string, string]>) {
    const r = withify(args, { input: LEAKY });
    assert.deepEqual([r.status, r.stdout, r.stderr], [2, '', `error: --${flag} is a flag: give --${flag} alone (or =true, =false), not "${value}"\n`], args.join(' '));
  }
  // true and false are yargs' own forms
  assert.equal(withify(['diff', '-', '--exit-code=true', '-q'], { input: LEAKY }).status, 1);
  assert.equal(withify(['diff', '-', '--exit-code=false', '-q'], { input: LEAKY }).status, 0);
});

test('-: --changed-since and --shard, which select among walked files, are usage errors (they did nothing)', () => {
  for (const args of [['--shard', '2/2'], ['--changed-since', 'HEAD']]) {
    const r = withify(['check', '-', ...args], { input: LEAKY });
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, `error: ${args[0]} selects among the files of a walk; with \`-\` (stdin) there is only the text read, so leave it out\n`);
  }
});

test('check of a selection that keeps no file says so, not "All clear" (still exit 0, as Ruff)', () => {
  const dir = project();
  const none = withify(['check', '.', '--include', 'nomatch/*.py'], { cwd: dir });
  assert.equal(none.status, 0);
  assert.equal(none.stdout, 'No file to check: the paths hold no file that the selection keeps (--include, --exclude, ignore files, --changed-since, --shard).\n');
  assert.equal(withify(['check', '.', '--include', 'nomatch/*.py', '-q'], { cwd: dir }).stdout, '');
});

test('an option that takes one value, given twice, is a usage error (it crashed with a stack trace, or was dropped)', () => {
  const dir = project();
  for (const [key, args] of [
    ['target-version', ['--target-version', '3.8', '--target-version', '3.9']],
    ['changed-since', ['--changed-since', 'HEAD', '--changed-since', 'HEAD~1']],
    ['config', ['--config', 'a.toml', '--config', 'b.toml']],
    ['generator-style', ['--generator-style', 'closing', '--generator-style', 'try-finally']],
    ['format', ['--format', 'json', '--format', 'text']],
    ['jobs', ['-j', '1', '--jobs', '2']],
    ['shard', ['--shard', '1/2', '--shard', '2/2']],
  ] as Array<[string, string[]]>) {
    const r = withify(['fix', '.', ...args], { cwd: dir });
    assert.equal(r.status, 2, key);
    const values = args.filter((_, i) => i % 2 === 1).join(', ');
    assert.equal(r.stderr, `error: --${key} was given 2 times (${values}); it takes one value: give it once\n`, key);
  }
  assert.equal(readFileSync(join(dir, 'pkg', 'leaky.py'), 'utf8'), LEAKY);
  // The repeatable ones still add up
  assert.equal(withify(['check', '.', '--select', 'WFY101', '--select', 'WFY102', '-q'], { cwd: dir }).status, 1);
  const trace = withify(['trace', '--output', 'a', '--output', 'b', '--', 'true'], { cwd: dir });
  assert.deepEqual([trace.status, trace.stderr], [2, 'error: --output was given 2 times (a, b); it takes one value: give it once\n']);
});

test('paths after `--` are the paths: `fix -- -x.py` fixed every file under `.`, and `fix -- -` did not read stdin', () => {
  const dir = project();
  writeFileSync(join(dir, '-x.py'), LEAKY);
  const named = withify(['fix', '--', '-x.py'], { cwd: dir });
  assert.equal(named.status, 0);
  assert.equal(readFileSync(join(dir, '-x.py'), 'utf8'), FIXED);
  assert.equal(readFileSync(join(dir, 'pkg', 'leaky.py'), 'utf8'), LEAKY);
  writeFileSync(join(dir, '-x.py'), LEAKY);
  // Before and after `--` add up
  const both = withify(['check', '-q', 'pkg/clean.py', '--', '-x.py'], { cwd: dir });
  assert.deepEqual([both.status, both.stdout.split(' ')[0]], [1, '-x.py:5:23']);
  // No path at all is still `.`
  assert.match(withify(['check', '-q'], { cwd: dir }).stdout, /^-x\.py:5:23 .*\npkg\/leaky\.py:5:23 /);
  const r = withify(['fix', '--', '-'], { cwd: dir, input: LEAKY });
  assert.equal(r.status, 0);
  assert.equal(r.stdout, FIXED);
  assert.equal(readFileSync(join(dir, 'pkg', 'leaky.py'), 'utf8'), LEAKY);
  const check = withify(['check', '--select', 'WFY101', '--', '-'], { cwd: dir, input: LEAKY });
  assert.deepEqual([check.status, check.stdout.split(' ')[0]], [1, '-:5:23']);
  // `trace`'s command keeps its own `-`
  const trace = withify(['trace', '--', process.execPath, '-e', 'process.stdout.write(process.argv.slice(1).join(","))', '-'], { cwd: dir });
  assert.equal(trace.stdout, '-');
});

test('--statistics with --format sarif or github is a usage error (it did nothing there); text and json take it', () => {
  const dir = project();
  for (const format of ['sarif', 'github']) {
    const r = withify(['check', '.', '--statistics', '--format', format], { cwd: dir });
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, new RegExp(`^error: --statistics is for --format text .* or json .*; ${format} has no place for it\n$`));
  }
  assert.match(withify(['check', '.', '--statistics'], { cwd: dir }).stdout, /^findings +fixable +fixed +unfixed +code +id$/m);
  assert.ok(Array.isArray(JSON.parse(withify(['check', '.', '--statistics', '--format', 'json'], { cwd: dir }).stdout).statistics));
});

test('a missing path is exit 2 with a message naming it; the other files are still processed', () => {
  const dir = project();
  const r = withify(['fix', 'nope.py', 'pkg'], { cwd: dir });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /error: nope\.py: no such file or directory/);
  // A run that read nothing is no all-clear.
  const alone = withify(['check', 'nope.py'], { cwd: dir });
  assert.equal(alone.status, 2);
  assert.equal(alone.stdout, 'No findings in 0 files; 1 path could not be processed (see the errors).\n');
  // --jobs names what it was given.
  assert.match(withify(['check', '--jobs', 'abc', 'pkg'], { cwd: dir }).stderr, /--jobs: expected a whole number of threads, 1 or more, not "abc"/);
  assert.equal(readFileSync(join(dir, 'pkg', 'leaky.py'), 'utf8'), FIXED);
});

test('an undecodable file and a file with a syntax error are reported and skipped; the run goes on; exit 2', () => {
  const dir = project();
  writeFileSync(join(dir, 'pkg', 'bad.py'), Buffer.from([0x78, 0x20, 0x3d, 0x20, 0x27, 0xff, 0xfe, 0x27, 0x0a]));
  writeFileSync(join(dir, 'pkg', 'broken.py'), 'def f(:\n    open(p).read()\n');
  const r = withify(['check', 'pkg'], { cwd: dir });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /error: pkg\/bad\.py: is not valid UTF-8/);
  assert.match(r.stderr, /error: pkg\/broken\.py: cannot parse: syntax error at line 1/);
  assert.match(r.stdout, /pkg\/leaky\.py:5:23 WFY101/);
});

test('--select and --ignore take ids or codes', () => {
  const dir = project();
  assert.equal(withify(['check', 'pkg', '--select', 'WFY101'], { cwd: dir }).status, 1);
  assert.equal(withify(['check', 'pkg', '--ignore', 'open-chain'], { cwd: dir }).status, 0);
  // (A selection the ignore empties, in any case of its code: a usage error since review rv55a, where it ran nothing)
  const none = withify(['check', 'pkg', '--select', 'open-chain', '--ignore', 'wfy101'], { cwd: dir });
  assert.equal(none.status, 2);
  assert.match(none.stderr, /^error: no transform is left to run: --select selects open-chain, and --ignore ignores wfy101;/);
});

test('--format json: one document with a summary and per-file findings', () => {
  const dir = project();
  const r = withify(['check', 'pkg', '--format', 'json'], { cwd: dir });
  assert.equal(r.status, 1);
  const doc = JSON.parse(r.stdout) as { files: Array<{ path: string; status: string; findings: Array<{ code: string; range: unknown; fix: { applicability: string } | null }> }> };
  const leaky = doc.files.find((f) => f.path === 'pkg/leaky.py')!;
  assert.equal(leaky.findings[0]!.code, 'WFY101');
  assert.deepEqual(leaky.findings[0]!.range, { start: { line: 5, column: 23 }, end: { line: 5, column: 37 } });
  assert.equal(leaky.findings[0]!.fix!.applicability, 'safe');
});

test('usage errors exit 2; --version and --help work', () => {
  assert.equal(withify([]).status, 2);
  assert.equal(withify(['frobnicate']).status, 2);
  const bad = withify(['check', '--target-version', 'banana', '.']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--target-version: cannot read "banana"/);
  assert.match(withify(['--version']).stdout, /^\d+\.\d+\.\d+\n$/);
  const help = withify(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /withify diff src\//);
  assert.match(help.stdout, /Exit codes: 0 clean/);
  // Every exit code of README's list, 130 (Ctrl-C) included
  assert.match(help.stdout.replace(/\s+/g, ' '), /Exit codes: 0 clean, 1 findings \(check\), changes \(diff --exit-code\) or changes or findings left \(fix --exit-code\), 2 usage error or a file that could not be processed, 130 interrupted \(Ctrl-C; run the same command again to finish\), 141 stdout closed by its reader \(a pipe into head\)\./);
});

test('a command does not render the help text it never prints (yargs caches it once the handler starts)', async () => {
  const ran = async (skip: boolean) => {
    const parser = yargs(['go', '--flag']).command('go', 'a command', (y) => y.option('flag', { type: 'boolean', describe: 'x'.repeat(200) }), async () => {}).strict();
    if (skip) skipHelpCache(parser);
    await parser.parseAsync();
    return (parser as unknown as { getInternalMethods: () => { getUsageInstance: () => { hasCachedHelpMessage: () => boolean } } }).getInternalMethods().getUsageInstance().hasCachedHelpMessage();
  };
  assert.equal(await ran(false), true, 'yargs no longer caches the help: skipHelpCache can go');
  assert.equal(await ran(true), false);
  // The help itself still renders on request
  assert.match(withify(['check', '--help']).stdout, /--jobs/);
});

test('list and explain print the transforms from their modules', () => {
  const list = withify(['list']);
  assert.equal(list.status, 0);
  assert.match(list.stdout, /^code\s+id\s+safety\s+summary$/m);
  assert.match(list.stdout, /^WFY101\s+open-chain\s+safe\s+A resource made and used once/m);
  const ex = withify(['explain', 'WFY101']);
  assert.equal(ex.status, 0);
  assert.match(ex.stdout, /^WFY101 open-chain \(safe\)$/m);
  assert.match(ex.stdout, /Why it breaks on PyPy/);
  assert.match(ex.stdout, /        with open\(path, "w"\) as f:\n            f\.write\(data\)/);
  assert.equal(withify(['explain', 'WFY999']).status, 2);
});

test('--whole-files: the same findings; a syntax error in a function no transform looks at is reported only with it', () => {
  const dir = tempDir('withify-whole-');
  // Twenty functions far from any call withify looks at, one of them broken, and one leaky function.
  const filler = Array.from({ length: 20 }, (_, i) => `def helper${i}(x):\n    y = x * ${i}\n    return y + 1\n`).join('\n\n');
  const text = `import json\n\n\n${filler}\n\ndef broken():\n    x = = 1\n\n\ndef load(p):\n    return json.loads(open(p).read())\n`;
  writeFileSync(join(dir, 'app.py'), text);
  const partial = withify(['check', '--select', 'open-chain', '--format', 'json', 'app.py'], { cwd: dir });
  const whole = withify(['check', '--select', 'open-chain', '--format', 'json', '--whole-files', 'app.py'], { cwd: dir });
  const p = JSON.parse(partial.stdout) as { files: Array<{ status: string; findings: Array<{ code: string; range: unknown }> }> };
  const w = JSON.parse(whole.stdout) as typeof p;
  assert.equal(partial.status, 1);
  assert.equal(p.files[0]!.status, 'unchanged');
  assert.deepEqual(p.files[0]!.findings.map((f) => f.code), ['WFY101']);
  assert.equal(whole.status, 2);
  assert.equal(w.files[0]!.status, 'failed');
  // fix parses the whole file before it rewrites anything: the error stops it.
  const fixed = withify(['fix', '--select', 'open-chain', 'app.py'], { cwd: dir });
  assert.equal(fixed.status, 2);
  const line = text.split('\n').findIndex((l) => l.includes('x = = 1')) + 1;
  assert.match(fixed.stderr + fixed.stdout, new RegExp(`cannot parse: syntax error at line ${line},`));
  assert.equal(readFileSync(join(dir, 'app.py'), 'utf8'), text);
});

test('diff: a finding left unfixed is shown where it is in the input, with the lines its reason names', () => {
  const dir = tempDir('withify-cli-');
  // The fix of line 2 adds a line above the finding of line 5, whose reason names line 6
  writeFileSync(join(dir, 'a.py'), 'def f(p):\n    return open(p).read()\n\n\ndef g(p):\n    size = len(open(p).read())\n    return sorted(vars())\n');
  const check = withify(['check', 'a.py'], { cwd: dir });
  const left = check.stdout.split('\n').find((l) => l.startsWith('a.py:6:'));
  assert.ok(left, check.stdout);
  assert.match(left, /`vars\(\)` on line 7 lists the function's variables/);
  const diff = withify(['diff', 'a.py'], { cwd: dir });
  assert.equal(diff.stderr.split('\n')[0], left);
  // `fix` shows it where it is in the file it wrote
  withify(['fix', 'a.py'], { cwd: dir });
  assert.match(withify(['check', 'a.py'], { cwd: dir }).stdout, /^a\.py:7:\d+ .*on line 8 /m);
});

test('diff: a finding left unfixed quotes the input, not the rewrite that left it', () => {
  const dir = tempDir('withify-cli-');
  // The first file gets a `with`; the second is left, and its reason quotes the statement before that fix
  writeFileSync(join(dir, 'a.py'), 'd = {}\n\n\ndef g(a, b):\n    d[open(a).readline()] += len(open(b).read())\n');
  const check = withify(['check', 'a.py', '--select', 'WFY101'], { cwd: dir });
  const left = check.stdout.split('\n').find((l) => l.startsWith('a.py:5:') && l.includes('not fixed'));
  assert.ok(left, check.stdout);
  assert.match(left, /`d\[open\(a\)\.readline\(\)\]` runs before it/);
  const diff = withify(['diff', 'a.py', '--select', 'WFY101'], { cwd: dir });
  assert.match(diff.stdout, /with open\(a\) as f:/);
  assert.equal(diff.stderr.split('\n')[0], left);
});

test('a `-`-prefixed argument that is not exactly known one-letter options is a usage error, not options plus `.`', () => {
  const dir = project();
  writeFileSync(join(dir, '-q.py'), LEAKY);
  // Ex) `fix -q.py` was `-q` plus the default path `.`: every file under it rewritten, exit 0
  const fix = withify(['fix', '-q.py'], { cwd: dir });
  assert.deepEqual([fix.status, fix.stdout], [2, '']);
  assert.equal(fix.stderr, 'error: unknown option -q.py (the one-letter options here are -q, -h, -j); a path that starts with `-` goes after `--`, e.g. `withify fix -- -q.py`\n');
  assert.equal(readFileSync(join(dir, 'pkg', 'leaky.py'), 'utf8'), LEAKY);
  assert.equal(readFileSync(join(dir, '-q.py'), 'utf8'), LEAKY);
  // Ex) `check -hx.py` printed the help and exited 0: a CI gate passed without checking
  const help = withify(['check', '-hx.py'], { cwd: dir });
  assert.deepEqual([help.status, help.stdout], [2, '']);
  assert.match(help.stderr, /^error: unknown option -x in "-hx\.py" .*`withify check -- -hx\.py`\n$/);
  // Ex) `-j.py`: "--jobs: expected a whole number …, not "[object Object]""
  assert.match(withify(['check', '-j.py'], { cwd: dir }).stderr, /^error: unknown option -j\.py /);
  assert.match(withify(['diff', '-qv'], { cwd: dir }).stderr, /^error: unknown option -v in "-qv" /);
  // The documented forms still work: -q, -j N, -jN, -j=N, and groups of them
  for (const args of [['-q'], ['-j', '1'], ['-j1'], ['-j=1'], ['-qj1'], ['-qq']]) {
    const r = withify(['check', ...args, 'pkg'], { cwd: dir });
    assert.deepEqual([r.status, r.stderr], [1, ''], args.join(' '));
    assert.match(r.stdout, /^pkg\/leaky\.py:5:23 /, args.join(' '));
  }
  assert.equal(withify(['check', '--', '-q.py'], { cwd: dir }).status, 1);
});

test('over stdin outside a project, a generator\'s module is named as the file on disk names it', () => {
  const dir = tempDir('withify-stdin-name-');
  const text = 'def locked():\n    try:\n        yield 1\n    finally:\n        raise ValueError("x")\n\n\ndef first():\n    for x in locked():\n        break\n';
  writeFileSync(join(dir, 'ur.py'), text);
  const disk = spawnSync(process.execPath, [CLI, 'check', '--no-cache', 'ur.py'], { cwd: dir, encoding: 'utf8' });
  const stdin = spawnSync(process.execPath, [CLI, 'check', '--no-cache', '-', '--stdin-filename', 'ur.py'], { cwd: dir, input: text, encoding: 'utf8' });
  assert.match(disk.stdout, /`ur\.locked`: its `finally` raises/);
  assert.equal(stdin.stdout, disk.stdout);
});

test('--unsafe-fixes: the hint names `withify fix --unsafe-fixes` where it counts an unsafe fix as fixable (summary, github)', () => {
  // Plain `withify fix`, which the hint named, leaves the WFY106 fix.
  const dir = tempDir('withify-unsafe-hint-');
  writeFileSync(join(dir, 'a.py'), 'f = lambda p: open(p).read()\n');
  writeFileSync(join(dir, 'b.py'), LEAKY);
  const text = withify(['check', '--no-cache', '--unsafe-fixes', '.'], { cwd: dir });
  assert.match(text.stdout, /^a\.py:1:15 WFY106 .* \[\*\]$/m);
  assert.match(text.stdout, /\nFound 3 findings in 2 files \(2 fixable with `withify fix --unsafe-fixes`\)\.\n$/);
  const github = withify(['check', '--no-cache', '--unsafe-fixes', '--format', 'github', '.'], { cwd: dir }).stdout;
  assert.match(github, /title=WFY106 pathlib-read-write::.* \[\*\] fixable with `withify fix --unsafe-fixes`$/m);
  assert.match(github, /title=WFY101 open-chain::.* \[\*\] fixable with `withify fix`$/m);
  // Without the flag, as before
  assert.match(withify(['check', '--no-cache', '.'], { cwd: dir }).stdout, /\nFound 3 findings in 2 files \(1 fixable with `withify fix`, 1 more with `--unsafe-fixes`\)\.\n$/);
  assert.match(withify(['check', '--no-cache', 'b.py', '--unsafe-fixes'], { cwd: dir }).stdout, /\(1 fixable with `withify fix`\)\.\n$/);
  // `unsafe-fixes = true` in [tool.withify]: plain `withify fix` applies them, flag or not
  writeFileSync(join(dir, 'pyproject.toml'), '[tool.withify]\nunsafe-fixes = true\n');
  for (const flag of [[], ['--unsafe-fixes']]) {
    assert.match(withify(['check', '--no-cache', ...flag, '.'], { cwd: dir }).stdout, /\nFound 3 findings in 2 files \(2 fixable with `withify fix`\)\.\n$/);
    assert.match(withify(['check', '--no-cache', ...flag, '--format', 'github', '.'], { cwd: dir }).stdout, /title=WFY106 pathlib-read-write::.* \[\*\] fixable with `withify fix`$/m);
  }
});

test('the summary line of check, diff and fix says when paths could not be processed, findings or not', () => {
  // With findings, the line gave no hint why the exit code was 2.
  const dir = tempDir('withify-failed-summary-');
  writeFileSync(join(dir, 'broken.py'), 'def f(:\n    open(p).read()\n');
  writeFileSync(join(dir, 'a.py'), LEAKY);
  const check = withify(['check', '--no-cache', '.', 'missing.py'], { cwd: dir });
  assert.equal(check.status, 2);
  assert.match(check.stdout, /\nFound 1 finding in 1 of 2 files \(1 fixable with `withify fix`\); 2 paths could not be processed \(see the errors\)\.\n$/);
  const diff = withify(['diff', '--no-cache', '.'], { cwd: dir });
  assert.equal(diff.status, 2);
  assert.match(diff.stderr, /\n1 file would change \(1 fix\); 0 findings left unfixed; 1 path could not be processed \(see the errors\)\.\n$/);
  const fix = withify(['fix', '--no-cache', '.'], { cwd: dir });
  assert.equal(fix.status, 2);
  assert.match(fix.stdout, /^1 file changed, 1 fix applied, 0 findings left; 1 path could not be processed \(see the errors\)\.\n$/);
  assert.equal(withify(['check', '--no-cache', '.'], { cwd: dir }).stdout, 'No findings in 2 files; 1 path could not be processed (see the errors).\n');
});
