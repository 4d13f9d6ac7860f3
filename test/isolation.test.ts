// One bad file never stops a run nor gets half-written: it is reported with its reason and left alone,
// the other files are processed, and the exit code is 2 at the end.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { defaultOptions } from '../src/options.js';
import { processPath } from '../src/runner.js';
import { ChangedOnDisk, writeAtomic } from '../src/engine/write.js';
import type { Transform } from '../src/types.js';
import { CLI, tempDir } from './helpers.js';

const LEAKY = 'import json\n\n\ndef load(p):\n    return json.loads(open(p).read())\n';
const FIXED = 'import json\n\n\ndef load(p):\n    with open(p) as f:\n        return json.loads(f.read())\n';

const tmp = () => tempDir('withify-isolation-');

function cli(cwd: string, ...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
}

test('writeAtomic: replaces the file, keeps its mode, leaves no temp file', () => {
  const dir = tmp();
  const file = join(dir, 'a.py');
  writeFileSync(file, 'old\n');
  chmodSync(file, 0o640);
  writeAtomic(file, Buffer.from('new\n'), Buffer.from('old\n'));
  assert.equal(readFileSync(file, 'utf8'), 'new\n');
  assert.equal(statSync(file).mode & 0o777, 0o640);
  assert.deepEqual(readdirSync(dir), ['a.py']);
});

test('writeAtomic: a file whose name is near the 255-byte limit is written (the temporary name takes only its start)', () => {
  const dir = tmp();
  const name = `${'\u6f22'.repeat(80)}.py`; // 243 bytes in UTF-8
  const file = join(dir, name);
  writeFileSync(file, 'old\n');
  writeAtomic(file, Buffer.from('new\n'), Buffer.from('old\n'));
  assert.equal(readFileSync(file, 'utf8'), 'new\n');
  assert.deepEqual(readdirSync(dir), [name]);
});

test('fix through a symlink rewrites the file it points to and leaves the link a link', () => {
  const dir = tmp();
  mkdirSync(join(dir, 'pkg'));
  writeFileSync(join(dir, 'pkg', 'loader.py'), LEAKY);
  chmodSync(join(dir, 'pkg', 'loader.py'), 0o640);
  symlinkSync(join('pkg', 'loader.py'), join(dir, 'link.py'));
  const named = cli(dir, 'fix', 'link.py');
  assert.equal(named.status, 0, named.stderr);
  assert.ok(lstatSync(join(dir, 'link.py')).isSymbolicLink());
  assert.equal(readFileSync(join(dir, 'pkg', 'loader.py'), 'utf8'), FIXED);
  assert.equal(statSync(join(dir, 'pkg', 'loader.py')).mode & 0o777, 0o640);
  assert.deepEqual(readdirSync(join(dir, 'pkg')), ['loader.py']);
  // Walking the directory, the file is fixed once, under its own path.
  writeFileSync(join(dir, 'pkg', 'loader.py'), LEAKY);
  const walked = cli(dir, 'diff', '.');
  assert.match(walked.stdout, /^--- a\/pkg\/loader\.py$/m);
  assert.doesNotMatch(walked.stdout, /link\.py/);
});

test('fix leaves a read-only file alone and says why; the other files are fixed', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'frozen.py'), LEAKY);
  chmodSync(join(dir, 'frozen.py'), 0o444);
  writeFileSync(join(dir, 'leaky.py'), LEAKY);
  const r = cli(dir, 'fix', '.');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^error: frozen\.py: cannot write: it is read-only \(mode 444\); withify leaves read-only files alone$/m);
  assert.equal(readFileSync(join(dir, 'frozen.py'), 'utf8'), LEAKY);
  assert.equal(statSync(join(dir, 'frozen.py')).mode & 0o777, 0o444);
  assert.equal(readFileSync(join(dir, 'leaky.py'), 'utf8'), FIXED);
  // What was not written is not counted as fixed: its finding is left.
  assert.match(r.stdout + r.stderr, /1 file changed, 1 fix applied, 1 finding left; 1 path could not be processed \(see the errors\)\./);
});

test('writeAtomic: a file changed since it was read is not overwritten', () => {
  const dir = tmp();
  const file = join(dir, 'a.py');
  writeFileSync(file, 'old\n');
  const read = readFileSync(file);
  writeFileSync(file, 'edited meanwhile\n');
  assert.throws(() => writeAtomic(file, Buffer.from('new\n'), read), ChangedOnDisk);
  assert.equal(readFileSync(file, 'utf8'), 'edited meanwhile\n');
  assert.deepEqual(readdirSync(dir), ['a.py']);
});

test('processPath: a file edited while withify works on it is reported and keeps the edit', () => {
  const dir = tmp();
  const file = join(dir, 'app.py');
  writeFileSync(file, LEAKY);
  // A transform whose check runs between the read and the write: it stands for an editor saving the file.
  const editor: Transform = {
    id: 'simulated-editor',
    code: 'TST001',
    summary: 'writes the file while it is being processed',
    fixTitle: 'none',
    safety: 'report-only',
    doc: { whatItDoes: 'a', whyItBreaksOnPyPy: 'b', fixSafety: 'c', notFlagged: 'd' },
    examples: [],
    check: () => {
      if (readFileSync(file, 'utf8') === LEAKY) writeFileSync(file, `# edited\n${LEAKY}`);
      return [];
    },
  };
  const r = processPath(file, { ...defaultOptions({ extraTransforms: [editor] }), mode: 'fix', cwd: dir });
  assert.equal(r.status, 'failed');
  assert.match(r.reason ?? '', /changed on disk while withify was working on it; it was not overwritten \(run withify again\)/);
  assert.equal(readFileSync(file, 'utf8'), `# edited\n${LEAKY}`);
  assert.deepEqual(readdirSync(dir), ['app.py']);
  // Run again, as the message says: now it is fixed.
  const again = processPath(file, { ...defaultOptions(), mode: 'fix', cwd: dir });
  assert.equal(again.status, 'changed');
  assert.equal(readFileSync(file, 'utf8'), `# edited\n${FIXED}`);
});

test('fix: binary, invalid UTF-8 and syntax-error files are reported and left alone; the others are fixed; exit 2', () => {
  const dir = tmp();
  const binary = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0x0a]);
  const latin = Buffer.from('name = "caf\xe9"\nopen("x").read()\n', 'latin1');
  const broken = 'def f(:\n    return open(p).read()\n';
  writeFileSync(join(dir, 'a_binary.py'), binary);
  writeFileSync(join(dir, 'b_latin.py'), latin);
  writeFileSync(join(dir, 'c_broken.py'), broken);
  writeFileSync(join(dir, 'd_leaky.py'), LEAKY);
  const r = cli(dir, 'fix', '.');
  assert.equal(r.status, 2);
  assert.equal(
    r.stderr,
    [
      'error: a_binary.py: contains NUL bytes: not Python source (rename it, or exclude it with --exclude)',
      'error: b_latin.py: is not valid UTF-8 and has no PEP 263 coding line; add one (e.g. "# -*- coding: latin-1 -*-")',
      'error: c_broken.py: cannot parse: syntax error at line 1, column 7 (withify rewrites only files that parse; if Python accepts this file, tree-sitter-python does not)',
      '',
    ].join('\n'),
  );
  assert.equal(r.stdout, '1 file changed, 1 fix applied, 0 findings left; 3 paths could not be processed (see the errors).\n');
  assert.deepEqual(readFileSync(join(dir, 'a_binary.py')), binary);
  assert.deepEqual(readFileSync(join(dir, 'b_latin.py')), latin);
  assert.equal(readFileSync(join(dir, 'c_broken.py'), 'utf8'), broken);
  assert.equal(readFileSync(join(dir, 'd_leaky.py'), 'utf8'), FIXED);
});

test('fix: files Python rejects for their indentation (tree-sitter reads them) are reported and left alone', () => {
  const dir = tmp();
  // Ex) a fix would have put the stray `return data` inside its `with`: a module that failed to import, now running
  const files: Record<string, string> = {
    'a_unexpected.py': 'def f(p):\n    data = open(p).read()\n        return data\n',
    'b_unindent.py': 'def f(p):\n        data = open(p).read()\n    return data\n',
    'c_tabs.py': 'def f(p):\n\tdata = open(p).read()\n        return data\n',
    // (100 levels: CPython's tokenizer stops at 99, review rv54b)
    'c_too_deep.py': `def f(p):\n${Array.from({ length: 99 }, (_, i) => `${'    '.repeat(i + 1)}if p:\n`).join('')}${'    '.repeat(100)}data = open(p).read()\n`,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, 'd_leaky.py'), LEAKY);
  const r = cli(dir, 'fix', '.', '--whole-files');
  assert.equal(r.status, 2);
  assert.equal(
    r.stderr,
    [
      "error: a_unexpected.py: cannot parse: unexpected indent at line 3 (Python's IndentationError; withify rewrites only files that parse)",
      "error: b_unindent.py: cannot parse: an indent that matches no outer level, or tabs against spaces at line 3 (Python's IndentationError or TabError; withify rewrites only files that parse)",
      "error: c_tabs.py: cannot parse: an indent that matches no outer level, or tabs against spaces at line 3 (Python's IndentationError or TabError; withify rewrites only files that parse)",
      'error: c_too_deep.py: cannot parse: more than 99 levels of indentation at line 101 (Python\'s IndentationError, "too many levels of indentation"; withify rewrites only files that parse)',
      '',
    ].join('\n'),
  );
  for (const [name, text] of Object.entries(files)) assert.equal(readFileSync(join(dir, name), 'utf8'), text);
  assert.equal(readFileSync(join(dir, 'd_leaky.py'), 'utf8'), FIXED);
  // A line of a lone `\` (Python 3.9 on joins it to the next, whatever that one's indentation): not refused
  const lone = join(dir, 'e_backslash.py');
  writeFileSync(lone, 'import json\n\n\ndef load(p):\n    x = 1\n    \\\n\n    return json.loads(open(p).read())\n');
  const ok = cli(dir, 'fix', 'e_backslash.py', '--whole-files');
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(readFileSync(lone, 'utf8'), /with open\(p\) as f:/);
});

test('a FIFO named .py: skipped when walking, an error when named (never read, never a hang)', (t) => {
  const dir = tmp();
  const made = spawnSync('mkfifo', [join(dir, 'pipe.py')]);
  if (made.status !== 0) {
    t.skip('mkfifo is not available');
    return;
  }
  writeFileSync(join(dir, 'leaky.py'), LEAKY);
  const walked = cli(dir, 'check', '.');
  assert.equal(walked.status, 1, walked.stderr);
  assert.match(walked.stdout, /in 1 file/);
  const named = cli(dir, 'fix', 'pipe.py', 'leaky.py');
  assert.equal(named.status, 2);
  assert.match(named.stderr, /^error: pipe\.py: not a regular file \(a FIFO, socket or device\); withify reads only files$/m);
  assert.equal(readFileSync(join(dir, 'leaky.py'), 'utf8'), FIXED);
});

test('a file that cannot be read is reported with the reason', (t) => {
  const dir = tmp();
  // processPath on something read() refuses: a directory named like a Python file.
  mkdirSync(join(dir, 'pkg.py'));
  const r = processPath(join(dir, 'pkg.py'), { ...defaultOptions(), mode: 'fix', cwd: dir });
  assert.equal(r.status, 'failed');
  assert.equal(r.reason, 'cannot read: it is a directory');
  // A file without read permission: root reads it anyway, so only a normal user can see this.
  if (process.getuid?.() === 0) {
    t.diagnostic('running as root: the permission-denied case is not observable');
    return;
  }
  writeFileSync(join(dir, 'locked.py'), LEAKY);
  chmodSync(join(dir, 'locked.py'), 0o000);
  writeFileSync(join(dir, 'leaky.py'), LEAKY);
  const res = cli(dir, 'fix', '.');
  assert.equal(res.status, 2);
  assert.match(res.stderr, /^error: locked\.py: cannot read: permission denied; check its permissions$/m);
  assert.equal(readFileSync(join(dir, 'leaky.py'), 'utf8'), FIXED);
});

test('processPath with what the first pass read: the same fix, its bytes rebuilt exactly (coding, BOM, CRLF), an edit since caught', async () => {
  const { decodeSource } = await import('../src/engine/read.js');
  const dir = tmp();
  const options = { ...defaultOptions(), mode: 'fix' as const, cwd: dir };
  const latin = Buffer.concat([Buffer.from('# -*- coding: latin-1 -*-\r\ns = "caf'), Buffer.from([0xe9]), Buffer.from('"\r\ndata = open("x").read()\r\n')]);
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(LEAKY)]);
  for (const [name, bytes] of [['latin.py', latin], ['bom.py', bom]] as const) {
    const file = join(dir, name);
    const twin = join(dir, `twin-${name}`);
    writeFileSync(file, bytes);
    writeFileSync(twin, bytes);
    const kept = processPath(file, options, undefined, undefined, decodeSource(readFileSync(file)));
    const fresh = processPath(twin, options);
    assert.equal(kept.status, 'changed', `${name}: ${kept.reason}`);
    assert.equal(fresh.status, 'changed', `${name}: ${fresh.reason}`);
    assert.deepEqual(readFileSync(file), readFileSync(twin), name);
  }
  // Edited on disk after the first pass read it: not overwritten.
  const file = join(dir, 'app.py');
  writeFileSync(file, LEAKY);
  const read = decodeSource(readFileSync(file));
  writeFileSync(file, `# edited\n${LEAKY}`);
  const r = processPath(file, options, undefined, undefined, read);
  assert.equal(r.status, 'failed');
  assert.match(r.reason ?? '', /changed on disk/);
  assert.equal(r.fixesApplied, 0);
  assert.equal(r.findings.length, 1);
  assert.deepEqual(r.remaining, r.findings);
  assert.equal(readFileSync(file, 'utf8'), `# edited\n${LEAKY}`);
});

test('a file whose name is not valid UTF-8 is reported as such, and the others are processed', () => {
  const dir = tempDir('withify-badname-');
  writeFileSync(Buffer.concat([Buffer.from(`${dir}/l`), Buffer.from([0xe9]), Buffer.from('t.py')]), 'x = open("a").read()\n');
  writeFileSync(join(dir, 'ok.py'), 'x = open("a").read()\n');
  const r = spawnSync(process.execPath, [CLI, 'check', '.', '--no-cache'], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stdout, /^ok\.py:1:5 WFY101 /m);
  assert.match(r.stderr, /cannot read: its name is not valid UTF-8, which withify cannot name it by; rename it/);
});

test('stdout closed by its reader (`withify … | head`): check stops with 141 and no stack trace; fix still writes every file, and ends with 141', () => {
  const dir = tempDir('withify-epipe-');
  // (Thirty findings a file: a report of more than a pipe holds, 64 kB, so that a write meets the closed pipe)
  const body = Array.from({ length: 30 }, (_, k) => `    x${k} = open(p).read()\n`).join('');
  for (let i = 0; i < 60; i++) writeFileSync(join(dir, `m${String(i).padStart(2, '0')}.py`), `def f${i}(p):\n${body}`);
  // `head -c 1` reads one byte and goes; the run's later writes meet a closed pipe
  const sh = (cmd: string) => spawnSync('bash', ['-c', `set -o pipefail; node ${JSON.stringify(CLI)} ${cmd} --no-cache --jobs 1 | head -c 1 >/dev/null`], { cwd: dir, encoding: 'utf8' });
  const check = sh('check . --format json');
  assert.equal(check.status, 141, check.stderr);
  assert.doesNotMatch(check.stderr, /EPIPE|Error|at /);
  const fix = sh('fix . --format json');
  assert.doesNotMatch(fix.stderr, /EPIPE|Error|at /);
  // (Its report cut short all the same: the same status, review rw3)
  assert.equal(fix.status, 141, fix.stderr);
  for (let i = 0; i < 60; i++) assert.match(readFileSync(join(dir, `m${String(i).padStart(2, '0')}.py`), 'utf8'), /with open\(p\) as f:/);
  // (and the files are done: a second run has nothing to change)
  assert.equal(spawnSync(process.execPath, [CLI, 'check', '.', '--no-cache'], { cwd: dir, encoding: 'utf8' }).stdout, 'All clear: no findings in 60 files.\n');
});
