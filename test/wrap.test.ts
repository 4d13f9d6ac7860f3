// planWrap, the block-wrapping every transform relies on, stress-tested on real code: every expression
// and return statement of some stdlib modules and of every snapshot input is wrapped in a marker `with`;
// the result must parse, and give back the original AST once the marker is removed.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { transformBytes } from '../src/api.js';
import { CPYTHON, listCases, ROOT, tempDir } from './helpers.js';
import { wrapEverything } from './tools/wrap-everything.js';

const STDLIB_MODULES = ['textwrap.py', 'shlex.py', 'tokenize.py', 'argparse.py', 'dataclasses.py', 'pprint.py', 'difflib.py', 'inspect.py'];

function stdlibDir(): string {
  return spawnSync(CPYTHON, ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], { encoding: 'utf8' }).stdout.trim();
}

test('wrapping every statement keeps the AST (stdlib modules and snapshot inputs)', () => {
  const std = stdlibDir();
  const inputs = [...STDLIB_MODULES.map((m) => join(std, m)), ...listCases().map((c) => c.inPath)];
  const out = tempDir('withify-wrap-');
  const pairs: string[] = [];
  let wrapped = 0;
  for (const [i, file] of inputs.entries()) {
    // Target 3.13, which compiles the most nested blocks (21 in a plain function): the wrap stops only where
    // even it has no room (`blockRoom`), in the snapshot inputs that sit at the limit.
    const r = transformBytes(readFileSync(file), { select: ['wrap-everything'], extraTransforms: [wrapEverything], targetVersion: [3, 13] });
    assert.notEqual(r.status, 'failed', `${file}: ${r.reason}`);
    if (r.status !== 'changed') continue;
    wrapped += r.fixesApplied;
    const dest = join(out, `${i}-${basename(file)}`);
    writeFileSync(dest, r.outputBytes);
    pairs.push(file, dest);
  }
  assert.ok(wrapped > 1000, `only ${wrapped} statements wrapped`);
  const check = spawnSync(CPYTHON, [join(ROOT, 'test', 'tools', 'unwrap_check.py'), ...pairs], { encoding: 'utf8' });
  assert.equal(check.stdout, '');
  assert.equal(check.status, 0, check.stderr);
});

test('a statement whose indentation mixes tabs and spaces is reported with that line, by every transform that wraps', () => {
  const expected: Record<string, Array<[number, number]>> = {
    'open-chain': [[4, 4]],
    'open-argument': [[6, 6]],
    'open-loop': [[4, 4]],
    'open-assign': [[3, 3]],
    'open-assign-close': [[3, 3]],
    // The loop's own line; for the kept generator, the first line the `try` would hold
    'generator-close': [[10, 10], [15, 16]],
    'tempdir-kept': [[6, 7]],
  };
  for (const [id, lines] of Object.entries(expected)) {
    const path = join(ROOT, 'snapshots', id, 'ok-mixed-indent.in.py');
    const r = transformBytes(readFileSync(path), { select: [id], path });
    assert.equal(r.fixesApplied, 0, id);
    assert.deepEqual(
      r.findings.map((f) => [f.location.line, f.reason]),
      lines.map(([at, mixed]) => [at, `line ${mixed} is indented with tabs and spaces mixed (a tab, then 4 spaces), which withify does not re-indent: indent it with tabs only or spaces only for withify to fix this`]),
      id,
    );
  }
});

test('a line starting with a form feed is wrapped: the form feed stays before the new header, no line gets another', () => {
  // Python counts a line's indentation from after its last form feed; the unit of a file whose first block
  // starts on such a line is the spaces after it (it was the form feed too, and every fix failed its check).
  const cases: Array<[string, string]> = [
    ['def load(p):\n    n = 0\n\f    data = open(p).read()\n    return data\n', 'def load(p):\n    n = 0\n\f    with open(p) as f:\n        data = f.read()\n    return data\n'],
    ['def g():\n\f    return 1\n\n\ndef load(p):\n    return open(p).read()\n', 'def g():\n\f    return 1\n\n\ndef load(p):\n    with open(p) as f:\n        return f.read()\n'],
    ['def copy(a, b):\n\f    fin = open(a)\n    fout = open(b, "w")\n    fout.write(fin.read())\n    fin.close()\n    fout.close()\n', 'def copy(a, b):\n\f    with open(a) as fin, open(b, "w") as fout:\n        fout.write(fin.read())\n'],
  ];
  for (const [input, output] of cases) {
    const r = transformBytes(Buffer.from(input));
    assert.equal(r.status, 'changed', r.reason);
    assert.equal(r.outputBytes.toString(), output);
  }
});
