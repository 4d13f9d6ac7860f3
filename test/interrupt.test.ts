// Ctrl-C during `fix`: every file is either its old bytes or the fixed ones, no temp file is left, the
// process says what it did and exits 130, and running the command again finishes the job.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CLI, ROOT, tempDir } from './helpers.js';
import { transformSource } from '../src/api.js';

const FILES = 400;

/** A module with many one-shot opens: enough work per file that the run lasts a few seconds. */
function leakyModule(i: number): string {
  const out = [`# module ${i}\nimport json\n`];
  for (let k = 0; k < 12; k++) out.push(`\n\ndef load_${k}(p):\n    return json.loads(open(p).read())\n\n\ndef save_${k}(p, s):\n    open(p, "w").write(s)\n`);
  return out.join('');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('SIGINT during fix: files old or new, no temp files, exit 130; a re-run fixes the rest', async () => {
  const dir = tempDir('withify-sigint-');
  const original = new Map<string, string>();
  const expected = new Map<string, string>();
  for (let i = 0; i < FILES; i++) {
    const name = `m${String(i).padStart(3, '0')}.py`;
    const text = leakyModule(i);
    writeFileSync(join(dir, name), text);
    original.set(name, text);
    expected.set(name, transformSource(text).output);
    assert.notEqual(expected.get(name), text);
  }
  const child = spawn(process.execPath, [CLI, 'fix', '.', '--jobs', '2'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += String(d)));
  child.stderr.on('data', (d) => (stderr += String(d)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // Wait until some file has been rewritten (whichever the threads take first): the run is under way, its
  // handler installed.
  const rewritten = () => [...original].some(([name, text]) => readFileSync(join(dir, name), 'utf8') !== text);
  for (let t = 0; t < 600 && !rewritten(); t++) await sleep(25);
  child.kill('SIGINT');
  const code = await exited;
  assert.equal(code, 130, `exit ${code}\n${stderr}`);
  assert.match(stderr, /^interrupted: (\d+) of 400 files processed \((\d+) files? rewritten; every other file is untouched\); run the same command again to finish\.$/m);
  const names = readdirSync(dir);
  // The cache (src/cache.ts) keeps the summaries of the files read before the interrupt: written whole, no temp file either
  assert.deepEqual(names.filter((n) => !n.endsWith('.py') && n !== '.withify_cache'), [], 'no temp file is left');
  const cached = names.includes('.withify_cache') ? readdirSync(join(dir, '.withify_cache')) : [];
  assert.deepEqual(cached.filter((n) => n.endsWith('.tmp')), [], 'no temp file is left in the cache');
  let fixed = 0;
  for (const [name, text] of original) {
    const now = readFileSync(join(dir, name), 'utf8');
    if (now === expected.get(name)) fixed++;
    else assert.equal(now, text, `${name} is neither the old nor the new text`);
  }
  assert.ok(fixed > 0 && fixed < FILES, `the interrupt came mid-run (${fixed} of ${FILES} fixed)`);
  const done = Number(/(\d+) files? rewritten/.exec(stderr)![1]);
  assert.equal(done, fixed, 'the report counts what is on disk');
  assert.match(stdout, /files? changed/);

  const again = spawnSync(process.execPath, [CLI, 'fix', '.', '--jobs', '2'], { cwd: dir, encoding: 'utf8' });
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, new RegExp(`^${FILES - fixed} files changed`, 'm'));
  for (const [name, text] of expected) assert.equal(readFileSync(join(dir, name), 'utf8'), text, name);
});

test('a Ctrl-C that came while node loaded withify: the file run begins nothing, prints its whole JSON report, exits 130', () => {
  const dir = tempDir('withify-sigint-early-');
  writeFileSync(join(dir, 'a.py'), 'x = open("p").read()\n');
  const bundle = join(ROOT, 'dist', 'bundle', 'cli.js');
  // As bin/withify.js hands it over when SIGINT came before the command started
  const script = `const { main } = await import(${JSON.stringify(bundle)}); await main(['fix', '.', '--format', 'json', '--no-cache'], { taken: () => true });`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 130, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.deepEqual(doc.interrupted, { notStarted: 1, total: 1 });
  assert.equal(readFileSync(join(dir, 'a.py'), 'utf8'), 'x = open("p").read()\n');
  // Not taken: the run goes on
  const go = spawnSync(process.execPath, ['--input-type=module', '-e', script.replace('taken: () => true', 'taken: () => false')], { cwd: dir, encoding: 'utf8' });
  assert.equal(go.status, 0, go.stderr);
  assert.equal(JSON.parse(go.stdout).summary.fixesApplied, 1);
});

test('Ctrl-C while `check -` waits on its stdin ends the run as the signal would (the early-interrupt listener is released for `-`)', async () => {
  const child = spawn(process.execPath, [CLI, 'check', '-', '--stdin-filename', 'x.py', '--no-cache'], { stdio: ['pipe', 'pipe', 'pipe'] });
  await new Promise((r) => setTimeout(r, 1500));
  child.kill('SIGINT');
  const code = await new Promise<number | null | string>((r) => {
    const timer = setTimeout(() => r('still running'), 5000);
    child.on('exit', (c, sig) => {
      clearTimeout(timer);
      r(c ?? sig);
    });
  });
  if (code === 'still running') child.kill('SIGKILL');
  assert.notEqual(code, 'still running');
  assert.notEqual(code, 0);
});
