// `withify list` and `withify explain` through the real CLI, and the doc block and examples of every
// transform: complete, and true (each example's `before` becomes its `after` when the transform runs).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { transformSource } from '../src/api.js';
import { TRANSFORMS } from '../transforms/index.js';
import { CLI, ROOT, tempDir } from './helpers.js';

const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });

test('`withify list` prints one row per transform: code, id, safety, summary', () => {
  const r = cli('list');
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.match(lines[0]!, /^code\s+id\s+safety\s+summary$/);
  assert.equal(lines.length, TRANSFORMS.length + 1);
  for (const [i, t] of TRANSFORMS.entries()) {
    const cols = lines[i + 1]!.split(/\s{2,}/);
    assert.deepEqual(cols.slice(0, 3), [t.code, t.id, t.safety]);
    assert.equal(lines[i + 1]!.slice(lines[i + 1]!.indexOf(t.summary)), t.summary);
  }
});

test('`withify explain` by code and by id print the same page, with every section and the examples', () => {
  for (const t of TRANSFORMS) {
    const byCode = cli('explain', t.code);
    const byId = cli('explain', t.id);
    const lower = cli('explain', t.code.toLowerCase());
    assert.equal(byCode.status, 0, byCode.stderr);
    assert.equal(byId.stdout, byCode.stdout);
    assert.equal(lower.stdout, byCode.stdout);
    const out = byCode.stdout;
    assert.ok(out.startsWith(`${t.code} ${t.id} (${t.safety})\n\n${t.summary}\n`));
    for (const section of ['What it does', 'Why it breaks on PyPy', 'Fix safety', 'Not flagged']) assert.match(out, new RegExp(`^${section}$`, 'm'));
    for (const text of Object.values(t.doc)) assert.ok(out.includes(text));
    for (const ex of t.examples) {
      const indented = (s: string) => s.replace(/\n$/, '').split('\n').map((l) => (l ? `    ${l}` : '')).join('\n');
      assert.ok(out.includes(indented(ex.before)), `${t.id}: example before missing`);
      if (t.safety !== 'report-only') assert.ok(out.includes(indented(ex.after)), `${t.id}: example after missing`);
    }
  }
});

test('the `$ withify list` and `$ withify explain` samples in docs/list-explain.md are what the commands print', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'list-explain.md'), 'utf8');
  const samples = [...doc.matchAll(/^```\n\$ withify (list|explain \S+)\n([\s\S]*?)^```$/gm)];
  assert.equal(samples.length, 2);
  for (const [, command, shown] of samples) {
    const out = cli(...command!.split(' ')).stdout;
    // (The list's sample showed 4 of its 11 rows, with no mark of the cut: review rv55a. Every row now.)
    assert.equal(shown, out, command);
  }
});

test('`withify explain` of an unknown rule exits 2 and says where to look', () => {
  const r = cli('explain', 'WFY999');
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /no transform "WFY999"; run `withify list`/);
});

test('`--` with list and explain: `explain -- WFY101` explains WFY101; `list -- x` is a usage error naming x (it listed)', () => {
  const byDashes = cli('explain', '--', 'WFY101');
  assert.equal(byDashes.status, 0, byDashes.stderr);
  assert.equal(byDashes.stdout, cli('explain', 'WFY101').stdout);
  for (const [args, stderr] of [
    [['list', '--', 'x'], 'error: `withify list` takes no argument, not "x"; `withify explain CODE` explains one transform\n'],
    [['explain', '--', '-x'], 'error: no transform "-x"; run `withify list` to see them\n'],
    [['explain', 'WFY101', '--', 'x'], 'error: `withify explain` takes one transform (run it once for each), not also "x"\nRun `withify --help` for usage.\n'],
    // Before any command: it did nothing and exited 0
    [['--', 'check', '.'], 'error: name the command before `--` (check, diff, fix, list, explain, trace), e.g. `withify check -- .`\n'],
  ] as Array<[string[], string]>) {
    const r = cli(...args);
    assert.deepEqual([r.status, r.stdout, r.stderr], [2, '', stderr], args.join(' '));
  }
  assert.equal(cli('list', '--').status, 0);
});

describe('doc blocks and examples', () => {
  test('ids and codes are unique, and docs/ARCHITECTURE.md lists every code with its id', () => {
    assert.equal(new Set(TRANSFORMS.map((t) => t.id)).size, TRANSFORMS.length);
    assert.equal(new Set(TRANSFORMS.map((t) => t.code)).size, TRANSFORMS.length);
    const arch = readFileSync(join(ROOT, 'docs', 'ARCHITECTURE.md'), 'utf8').replace(/\s+/g, ' ');
    for (const t of TRANSFORMS) assert.ok(arch.includes(`${t.code} ${t.id}`), `docs/ARCHITECTURE.md lacks "${t.code} ${t.id}"`);
  });

  for (const t of TRANSFORMS) {
    test(`${t.id}: every doc section is written, every example is real`, () => {
      for (const [k, v] of Object.entries(t.doc)) assert.ok(v.length >= 60, `${t.id}: doc.${k} is too short to help`);
      assert.ok(t.summary.length > 20 && (t.fixTitle ?? '').length > 10);
      assert.ok(t.examples.length >= 1, `${t.id}: no example`);
      for (const ex of t.examples) {
        const r = transformSource(ex.before, { select: [t.id], unsafeFixes: true, ...(ex.file ? { path: ex.file } : {}) });
        assert.equal(r.status === 'failed', false, r.reason);
        assert.equal(r.output, ex.after, `${t.id}: the example's after is not what the transform produces`);
        assert.ok(r.findings.some((f) => f.code === t.code), `${t.id}: the example's before is not flagged`);
        if (t.safety === 'report-only') assert.equal(ex.after, ex.before);
        else assert.notEqual(ex.after, ex.before);
      }
    });
  }
});

test('`--select X path` selects X and still reads path (the option takes one value per flag)', () => {
  const file = join(ROOT, 'snapshots', 'pathlib-read-write', 'unsafe', 'lambda-read.in.py');
  const one = cli('check', '--select', 'pathlib-read-write', file);
  assert.equal(one.status, 1, one.stderr);
  assert.match(one.stdout, /Found 2 findings in 1 file \(0 fixable with `withify fix`, 2 more with `--unsafe-fixes`\)/);
  const two = cli('check', '--select', 'WFY106', '--select', 'open-chain', file);
  const comma = cli('check', '--select=WFY106,open-chain', file);
  assert.match(two.stdout, /Found 4 findings in 1 file/);
  assert.equal(comma.stdout, two.stdout);
});

test('docs/resources.md lists every entry of the resource catalog', async () => {
  const { RESOURCE_CALLS } = await import('../src/python/resources.js');
  const page = readFileSync(join(ROOT, 'docs', 'resources.md'), 'utf8');
  for (const name of RESOURCE_CALLS.keys()) {
    const shown = name === 'builtins.open' ? '`open`' : name === 'pathlib.Path.open' ? '`.open()` of a path' : name === 'zipfile.ZipFile.open' ? '`.open()` of a `zipfile.ZipFile`' : `\`${name}\``;
    assert.ok(page.includes(shown), `docs/resources.md does not list ${shown}`);
  }
});

test('README documents every option of every command (as `--option` in backticks)', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  for (const command of ['check', 'diff', 'fix', 'list', 'explain x', 'trace']) {
    const help = cli(...command.split(' '), '--help');
    assert.equal(help.status, 0, help.stderr);
    for (const option of new Set(help.stdout.match(/(?<=^\s+)--[a-z][a-z-]*/gm) ?? [])) {
      assert.ok(readme.includes(`\`${option}`), `README does not document ${option} (withify ${command} --help)`);
    }
  }
});

test('every `$ npx withify …` sample in the README is what the command prints (stdout, then stderr)', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const samples = [...readme.matchAll(/^```\n\$ npx withify (.*)\n([\s\S]*?)^```$/gm)];
  assert.ok(samples.length >= 3, `${samples.length} samples`);
  for (const [, args, shown] of samples) {
    const r = cli(...args!.split(' '));
    assert.equal(`${r.stdout}${r.stderr}`, shown, `README sample: withify ${args}`);
  }
});

test('the `$ withify check examples/ …` samples in docs/reports.md are what the command prints (on a copy of examples/)', () => {
  // The --statistics sample had gone stale: 13 findings and no WFY105 row, where the build found 14.
  const doc = readFileSync(join(ROOT, 'docs', 'reports.md'), 'utf8');
  const samples = [...doc.matchAll(/^```\n\$ withify (check examples\/.*)\n([\s\S]*?)^```$/gm)];
  assert.ok(samples.length >= 1, `${samples.length} samples`);
  const dir = tempDir('withify-docs-examples-');
  cpSync(join(ROOT, 'examples'), join(dir, 'examples'), { recursive: true });
  for (const [, args, shown] of samples) {
    const r = spawnSync(process.execPath, [CLI, ...args!.split(' '), '--no-cache'], { encoding: 'utf8', cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(`${r.stdout}${r.stderr}`, shown, `docs/reports.md sample: withify ${args}`);
  }
});
