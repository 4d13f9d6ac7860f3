// The unified diff (src/engine/diff.ts): cut into parts for speed, yet jsdiff's own diff where the alignment
// of lines is unambiguous, and a patch that applies wherever it is not.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { applyPatch, createTwoFilesPatch } from 'diff';
import { unifiedDiff } from '../src/engine/diff.js';
import { seededRandom, tempDir } from './helpers.js';

/** jsdiff's diff of the whole files, with the header `unifiedDiff` writes. */
function wholeDiff(path: string, before: string, after: string): string {
  return createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, { context: 3 }).replace(/^(?:Index: [^\n]*\n)?=+\n/, '');
}

/** `n` distinct lines, and a copy with every line `i` for which `change(i)` changed, dropped or doubled. */
function edited(n: number, change: (i: number) => boolean, rnd: () => number): [string, string] {
  const before: string[] = [];
  const after: string[] = [];
  for (let i = 0; i < n; i++) {
    const line = `    value_${i} = compute(${i})\n`;
    before.push(line);
    if (!change(i)) after.push(line);
    else {
      const r = rnd();
      if (r < 0.4) after.push(`    with open(p${i}) as f:\n`, `        value_${i} = f.read()\n`);
      else if (r < 0.7) after.push(line.replace('compute', 'compute2'));
      else if (r < 0.85) after.push(line, `    extra_${i} = 1\n`);
    }
  }
  return [before.join(''), after.join('')];
}

test('sparse changes in a long file: the parts give the diff of the whole', () => {
  const rnd = seededRandom(7);
  for (let round = 0; round < 6; round++) {
    const [before, after] = edited(3000, () => rnd() < 0.01, rnd);
    assert.equal(unifiedDiff('m.py', before, after), wholeDiff('m.py', before, after));
  }
});

test('a change every few lines of a long file: hunks cut apart are joined again, as one', () => {
  const rnd = seededRandom(11);
  const [before, after] = edited(2400, (i) => i % 5 === 0, rnd);
  const patch = unifiedDiff('m.py', before, after);
  assert.equal(patch, wholeDiff('m.py', before, after));
  assert.equal(patch.split('\n').filter((l) => l.startsWith('@@')).length, 1);
});

test('every line changed (re-indented), thousands of lines: one hunk that applies', () => {
  const block = (i: number) => `for x in gen():\n    break\n`.replace('gen', `gen${i % 3}`);
  const wrapped = (i: number) => `g = gen${i % 3}()\ntry:\n    for x in g:\n        break\nfinally:\n    g.close()\n`;
  const before = `import m\n${Array.from({ length: 3000 }, (_, i) => block(i)).join('')}`;
  const after = `import m\n${Array.from({ length: 3000 }, (_, i) => wrapped(i)).join('')}`;
  const patch = unifiedDiff('g.py', before, after);
  assert.equal(applyPatch(before, patch), after);
  assert.ok(patch.startsWith('--- a/g.py\n+++ b/g.py\n@@ -1,6001 +1,18001 @@\n import m\n'));
  // (How fast: `npm run bench`, "diff of one module of 3,000 rewrapped loops".)
});

test('random edits of repetitive text, with and without a final newline: the patch applies', () => {
  const rnd = seededRandom(3);
  const lines = ['', '    pass\n', 'f.close()\n', 'x = 1\n', '\n'];
  for (let round = 0; round < 30; round++) {
    const n = round % 2 ? 2500 : 400;
    const before = Array.from({ length: n }, () => lines[1 + Math.floor(rnd() * 4)]!);
    const after = before.flatMap((l) => (rnd() < 0.1 ? [] : rnd() < 0.1 ? [l, 'y = 2\n'] : rnd() < 0.05 ? ['    ' + l] : [l]));
    if (round % 3 === 0) after[after.length - 1] = 'tail without newline';
    const [b, a] = [before.join(''), after.join('')];
    const patch = unifiedDiff('r.py', b, a);
    assert.equal(applyPatch(b, patch), a, `round ${round}`);
    if (round % 3 === 0) assert.match(patch, /\n\\ No newline at end of file\n$/);
  }
});

test('a path with a space: the header names end with a tab, as git writes them, so that GNU patch and git apply take the diff', () => {
  const patch = unifiedDiff('src/my file.py', 'x = 1\n', 'x = 2\n');
  assert.ok(patch.startsWith('--- a/src/my file.py\t\n+++ b/src/my file.py\t\n@@ '), patch);
  assert.ok(unifiedDiff('src/plain.py', 'x = 1\n', 'x = 2\n').startsWith('--- a/src/plain.py\n+++ b/src/plain.py\n@@ '));
  const dir = tempDir('withify-space-patch-');
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src', 'my file.py'), 'x = 1\n');
  writeFileSync(join(dir, 'd.patch'), patch);
  const tool = spawnSync('patch', ['-p1', '-i', 'd.patch'], { cwd: dir, encoding: 'utf8' });
  if (tool.error) {
    const git = spawnSync('git', ['apply', 'd.patch'], { cwd: dir, encoding: 'utf8' });
    assert.equal(git.status, 0, git.stderr);
  } else assert.equal(tool.status, 0, tool.stdout + tool.stderr);
  assert.equal(readFileSync(join(dir, 'src', 'my file.py'), 'utf8'), 'x = 2\n');
});
