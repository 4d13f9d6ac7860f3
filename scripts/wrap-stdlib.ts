// One-off stress run (not part of npm test): node dist/scripts/wrap-stdlib.js DIR OUTDIR
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { transformBytes } from '../src/api.js';
import { expandPaths } from '../src/walk.js';
import { wrapEverything } from '../test/tools/wrap-everything.js';

const [src, out] = process.argv.slice(2) as [string, string];
if (!src || !out) {
  console.error('usage: node dist/scripts/wrap-stdlib.js DIR OUTDIR');
  process.exit(2);
}
const { files } = expandPaths([src]);
let changed = 0;
let failed = 0;
const pairs: string[] = [];
for (const f of files) {
  let r;
  try {
    r = transformBytes(readFileSync(f), { select: ['wrap-everything'], extraTransforms: [wrapEverything] });
  } catch {
    continue;
  }
  if (r.status === 'failed') {
    failed++;
    console.log('FAILED', f, r.reason?.slice(0, 200));
    continue;
  }
  if (r.status !== 'changed') continue;
  changed++;
  const dest = join(out, relative(src, f));
  mkdirSync(dirname(dest), { recursive: true });
  writeFileSync(dest, r.outputBytes);
  pairs.push(f, dest);
}
writeFileSync(join(out, 'pairs.txt'), pairs.join('\n'));
console.log(`files ${files.length} changed ${changed} failed ${failed}`);
