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
