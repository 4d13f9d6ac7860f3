// Corpus run (not part of npm test): `withify fix` over a directory that nobody here wrote, then the checks
// every rewrite owes: each changed file compiles under python3 (a file that did not compile before the rewrite
// either, such as a Python 2 module vendored in a Python 3 tree, is listed apart), `fix` changes the files
// `diff` said it would, and a second run changes nothing. Prints counts per transform and the findings left
// unfixed, grouped by reason.
//   node dist/scripts/corpus.js DIR [withify options...]      (DIR is rewritten in place: use a copy)
//   CORPUS_PYTHON=python3.6 node dist/scripts/corpus.js DIR --target-version 3.6   (compile under that Python)
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'withify.js');

interface JsonFinding {
  code: string;
  id: string;
  reason: string | null;
  fix: { status: string } | null;
}
interface JsonFile {
  path: string;
  status: string;
  reason: string | null;
  fixesApplied: number;
  findings: JsonFinding[];
  remaining: JsonFinding[];
}
interface JsonReport {
  files: JsonFile[];
}

function withify(args: string[], cwd: string): JsonReport {
  const r = spawnSync(process.execPath, [BIN, ...args, '--format', 'json'], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0 && r.status !== 1 && r.status !== 2) throw new Error(`withify ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout) as JsonReport;
}

/** `\`csv.reader\` reads the file lazily` and `\`map\` reads …` are one reason. */
const reasonKey = (reason: string | null) => (reason ?? '(none)').replace(/`[^`]*`/g, '`…`').replace(/\bline \d+/g, 'line N');

const [dirArg, ...extra] = process.argv.slice(2);
if (!dirArg) {
  console.error('usage: node dist/scripts/corpus.js DIR [withify options...]   (DIR is rewritten in place)');
  process.exit(2);
}
const dir = resolve(dirArg);
// -I: the corpus directory (the cwd) must not shadow the compiler's own modules (a copy of an older stdlib
// holds a py_compile.py). CORPUS_PYTHON picks the interpreter, e.g. python3.6 for `--target-version 3.6`.
const python = process.env.CORPUS_PYTHON ?? 'python3';

/** The files of `paths` (relative to `dir`) that do not compile under `python`, with the compiler's messages. */
function compileFailures(paths: readonly string[]): Map<string, string> {
  const r = spawnSync(
    python,
    ['-I', '-c', 'import py_compile, sys\nfor p in sys.argv[1:]:\n    try: py_compile.compile(p, doraise=True)\n    except py_compile.PyCompileError as e: print(p + "\\0" + str(e).replace("\\0", "") + "\\0")', ...paths],
    { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 },
  );
  if (r.status !== 0) throw new Error(`${python} exited ${r.status}: ${r.stderr}`);
  const out = new Map<string, string>();
  const parts = r.stdout.split('\0');
  for (let i = 0; i + 1 < parts.length; i += 2) out.set(parts[i]!.replace(/^\n/, ''), parts[i + 1]!);
  return out;
}

// Ex) Python 2 modules vendored in a Python 3 tree: they did not compile before the rewrite either
const planned = withify(['diff', '.', ...extra], dir).files.filter((f) => f.status === 'changed');
const before = compileFailures(planned.map((f) => f.path));
const t0 = Date.now();
const first = withify(['fix', '.', ...extra], dir);
const seconds = (Date.now() - t0) / 1000;

const perCode = new Map<string, { id: string; findings: number; fixed: number; left: number }>();
const unfixed = new Map<string, number>();
for (const f of first.files) {
  for (const x of f.findings) {
    const row = perCode.get(x.code) ?? { id: x.id, findings: 0, fixed: 0, left: 0 };
    row.findings++;
    perCode.set(x.code, row);
  }
  for (const x of f.remaining) {
    perCode.get(x.code)!.left++;
    const key = `${x.code} ${reasonKey(x.reason)}`;
    unfixed.set(key, (unfixed.get(key) ?? 0) + 1);
  }
}
for (const row of perCode.values()) row.fixed = row.findings - row.left;

const changed = first.files.filter((f) => f.status === 'changed');
const count = (s: string) => first.files.filter((f) => f.status === s).length;
console.log(`files ${first.files.length}, changed ${changed.length}, fixes ${changed.reduce((n, f) => n + f.fixesApplied, 0)}, skipped ${count('skipped')}, failed ${count('failed')} (${seconds.toFixed(1)} s)`);
for (const f of first.files) if (f.status === 'failed' || f.status === 'skipped') console.log(`  ${f.status}: ${f.path}: ${f.reason?.split('\n')[0]}`);
console.log('\nper transform: findings / fixed / left');
for (const [code, r] of [...perCode].sort()) console.log(`  ${code} ${r.id.padEnd(20)} ${String(r.findings).padStart(5)} ${String(r.fixed).padStart(5)} ${String(r.left).padStart(5)}`);
console.log('\nleft unfixed, by reason');
for (const [k, n] of [...unfixed].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(4)}  ${k}`);

const after = compileFailures(changed.map((f) => f.path));
const broken = [...after].filter(([p]) => !before.has(p));
const oldFailures = [...after].filter(([p]) => before.has(p)).map(([p]) => p);
const notPlanned = changed.length !== planned.length || changed.some((f, i) => f.path !== planned[i]!.path);
console.log(
  `\ncompile (${python}): ${changed.length} changed files, ${broken.length === 0 ? 'all compile' : `FAILURES\n${broken.map(([p, m]) => `${p}: ${m}`).join('\n')}`}` +
    (oldFailures.length ? `\n  ${oldFailures.length} did not compile before the rewrite either (another dialect): ${oldFailures.join(', ')}` : '') +
    (notPlanned ? '\n  DIFFERENT: `fix` changed other files than `diff` said it would' : ''),
);
const second = withify(['diff', '.', ...extra], dir);
const again = second.files.filter((f) => f.status === 'changed');
console.log(`second run: ${again.length === 0 ? 'no change' : `${again.length} files would change again: ${again.map((f) => f.path).join(', ')}`}`);
process.exitCode = broken.length === 0 && !notPlanned && again.length === 0 ? 0 : 1;
