// `npm run build`, after tsc: the command line (dist/bundle/cli.js, which bin/withify.js loads) and the pool's
// worker thread (dist/bundle/worker.js) each bundled into one module. Node starts a program of one module
// faster than one of ~90 (withify's own and yargs', resolved and read one by one): about 250 -> 120 ms to
// load the CLI, paid again by every worker thread. The library (`import … from 'withify'`, dist/src/index.js)
// stays unbundled. tree-sitter and its grammar are native addons, loaded from node_modules; so are the
// modules loaded on demand with `createRequire` (iconv-lite, diff, cli-progress).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = join(dirname(fileURLToPath(import.meta.url)), '..');

await build({
  // dist/bundle/ sits beside dist/src/: `new URL('./worker.js', import.meta.url)` in pool.ts and
  // `../../package.json` in version.ts reach the same files from either.
  entryPoints: { cli: join(DIST, 'src', 'cli.js'), worker: join(DIST, 'src', 'worker.js') },
  outdir: join(DIST, 'bundle'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['tree-sitter', 'tree-sitter-python', 'iconv-lite', 'diff', 'cli-progress'],
  // Bundled CommonJS modules (yargs' helpers, picomatch, ignore) call `require` for Node's own modules.
  banner: { js: "import { createRequire as __withifyCreateRequire } from 'node:module';\nconst require = __withifyCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});

// `dist/build-id`: what the result cache (src/cache.ts) knows this build by. A hash of every compiled module
// and of the installed version of every dependency (tree-sitter's grammar, the decoder, …): any change to
// either starts a new cache.
const requireModule = createRequire(import.meta.url);
const digest = createHash('sha256');
for (const dir of ['src', 'transforms']) {
  for (const name of (readdirSync(join(DIST, dir), { recursive: true }) as string[]).filter((n) => n.endsWith('.js')).sort()) {
    digest.update(name).update(readFileSync(join(DIST, dir, name)));
  }
}
const manifest = JSON.parse(readFileSync(join(DIST, '..', 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
for (const dep of Object.keys(manifest.dependencies ?? {}).sort()) digest.update(dep).update(installedVersion(dep));
writeFileSync(join(DIST, 'build-id'), `${digest.digest('hex').slice(0, 16)}\n`);

/** The version of the installed package `name`: its package.json, found above its entry point (some export no `./package.json`). */
function installedVersion(name: string): string {
  for (let dir = dirname(requireModule.resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === name) return pkg.version ?? '';
    } catch {
      // no package.json here: go up
    }
  }
  return '';
}
