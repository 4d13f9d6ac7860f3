// Reports for scripts, checked against their schemas on real output: JSON (schemas/report.schema.json),
// SARIF 2.1.0 (the OASIS schema shipped in @microsoft/jest-sarif), GitHub workflow commands, --statistics.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { Ajv } from 'ajv';
import { CLI, ROOT, tempDir } from './helpers.js';
import { escapeGithubData, escapeGithubProperty } from '../src/report.js';
import { TRANSFORMS } from '../transforms/index.js';

function withify(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Findings of every kind: fixable, unsafe-only, report-only; a file that does not parse; a name with `,` and `:`. */
function project(): string {
  const dir = tempDir('withify-reports-');
  mkdirSync(join(dir, 'inventory'));
  for (const f of ['importer.py', 'report.py', 'storage.py']) writeFileSync(join(dir, 'inventory', f), readFileSync(join(ROOT, 'examples', 'inventory', f)));
  writeFileSync(join(dir, 'a,b:c.py'), 'def f(p):\n    return open(p).read()\n');
  writeFileSync(join(dir, 'broken.py'), 'def f(:\n    open(p).read()\n');
  return dir;
}

const ajv = () => new Ajv({ allErrors: true, strict: false });

test('--format json matches schemas/report.schema.json for check, diff and fix (with --statistics)', () => {
  const validate = ajv().compile(JSON.parse(readFileSync(join(ROOT, 'schemas', 'report.schema.json'), 'utf8')));
  for (const mode of ['check', 'diff', 'fix']) {
    const dir = project();
    const r = withify([mode, '.', '--format', 'json', '--statistics', '--jobs', '2'], dir);
    const doc = JSON.parse(r.stdout);
    assert.ok(validate(doc as object), `${mode}: ${ajv().errorsText(validate.errors)}`);
    assert.equal(doc.mode, mode);
    assert.ok(doc.summary.findings >= 12);
    assert.ok(doc.files.some((f: { status: string }) => f.status === 'failed'));
    assert.ok(doc.statistics.length >= 4);
  }
});

test('the JSON schema rejects what it should: a renamed field, a bad status', () => {
  const validate = ajv().compile(JSON.parse(readFileSync(join(ROOT, 'schemas', 'report.schema.json'), 'utf8')));
  const doc = JSON.parse(withify(['check', '.', '--format', 'json'], project()).stdout);
  assert.ok(validate(doc as object));
  assert.equal(validate({ ...doc, files: [{ ...doc.files[0], status: 'weird' }] }), false);
  const { summary, ...rest } = doc;
  assert.equal(validate({ ...rest, counts: summary }), false);
});

function sarifValidator() {
  const schema = JSON.parse(readFileSync(join(ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
  // A draft-04 schema: Ajv 8 reads it once `id` is `$id` (it uses no keyword whose meaning changed since).
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  const a = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }); // a pattern of the schema is not valid with /u
  a.addFormat('uri', true).addFormat('uri-reference', true).addFormat('date-time', true);
  return a.compile(schema);
}

test('--format sarif validates against the SARIF 2.1.0 schema, with rules, regions and fixes', () => {
  const validate = sarifValidator();
  for (const extra of [[], ['--unsafe-fixes']]) {
    const r = withify(['check', '.', '--format', 'sarif', ...extra], project());
    assert.equal(r.status, 2); // broken.py does not parse: a failed file outranks findings
    const doc = JSON.parse(r.stdout);
    assert.ok(validate(doc as object), ajv().errorsText(validate.errors));
    const run = doc.runs[0];
    assert.deepEqual(run.tool.driver.rules.map((x: { id: string }) => x.id), TRANSFORMS.map((t) => t.code));
    const chain = run.results.find((x: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => x.locations[0]!.physicalLocation.artifactLocation.uri === 'a%2Cb%3Ac.py');
    assert.equal(chain.ruleId, 'WFY101');
    assert.equal(run.tool.driver.rules[chain.ruleIndex].name, 'open-chain');
    assert.deepEqual(chain.locations[0].physicalLocation.region, { startLine: 2, startColumn: 12, endLine: 2, endColumn: 26 });
    assert.equal(chain.fixes.length, 1);
    assert.ok(chain.fixes[0].artifactChanges[0].replacements.some((x: { insertedContent: { text: string } }) => x.insertedContent.text.includes('with open(p) as fh:')));
    // report-only findings carry no fix
    assert.ok(run.results.some((x: { fixes?: unknown }) => x.fixes === undefined));
    assert.ok(run.results.length >= 13);
  }
});

test('SARIF: a file outside the working directory by an absolute file URI, the base an absolute URI too; the document validates', () => {
  const outer = tempDir('withify-sarif-outside-');
  mkdirSync(join(outer, 'src'));
  mkdirSync(join(outer, 'work'));
  writeFileSync(join(outer, 'src', 'a b.py'), 'x = open("p").read()\n');
  writeFileSync(join(outer, 'work', 'b.py'), 'x = open("p").read()\n');
  const doc = JSON.parse(withify(['check', join('..', 'src', 'a b.py'), 'b.py', '--format', 'sarif'], join(outer, 'work')).stdout);
  const run = doc.runs[0];
  assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, pathToFileURL(`${realpathSync(join(outer, 'work'))}/`).href);
  const locations = run.results.map((x: { locations: Array<{ physicalLocation: { artifactLocation: unknown } }> }) => x.locations[0]!.physicalLocation.artifactLocation);
  assert.deepEqual(locations, [{ uri: pathToFileURL(realpathSync(join(outer, 'src', 'a b.py'))).href }, { uri: 'b.py', uriBaseId: '%SRCROOT%' }]);
  const validate = sarifValidator();
  assert.ok(validate(doc), JSON.stringify(validate.errors));
});

test('SARIF fixes, applied as their regions say, give what `withify fix` writes', () => {
  const dir = project();
  const doc = JSON.parse(withify(['check', 'a,b:c.py', '--format', 'sarif'], dir).stdout);
  const source = readFileSync(join(dir, 'a,b:c.py'), 'utf8');
  const lines = source.split('\n');
  const offset = (line: number, column: number) => lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
  const reps = doc.runs[0].results[0].fixes[0].artifactChanges[0].replacements as Array<{ deletedRegion: { startLine: number; startColumn: number; endLine: number; endColumn: number }; insertedContent: { text: string } }>;
  let out = source;
  for (const x of [...reps].sort((a, b) => offset(b.deletedRegion.startLine, b.deletedRegion.startColumn) - offset(a.deletedRegion.startLine, a.deletedRegion.startColumn))) {
    out = out.slice(0, offset(x.deletedRegion.startLine, x.deletedRegion.startColumn)) + x.insertedContent.text + out.slice(offset(x.deletedRegion.endLine, x.deletedRegion.endColumn));
  }
  withify(['fix', 'a,b:c.py'], dir);
  assert.equal(out, readFileSync(join(dir, 'a,b:c.py'), 'utf8'));
});

test('SARIF fixes keep the file\'s line end: lone CR, CRLF and LF files give what `withify fix` writes', () => {
  // A lone-CR file's replacements inserted LF, leaving a file with mixed line ends.
  const dir = tempDir('withify-sarif-eol-');
  const body = ['def f(p):', '    return open(p).read()', ''];
  const files: Record<string, string> = { 'cr.py': body.join('\r'), 'crlf.py': body.join('\r\n'), 'lf.py': body.join('\n') };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const doc = JSON.parse(withify(['check', '--no-cache', '--format', 'sarif', ...Object.keys(files)], dir).stdout);
  type Replacement = { deletedRegion: { startLine: number; startColumn: number; endLine: number; endColumn: number }; insertedContent: { text: string } };
  type Result = { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>; fixes: Array<{ artifactChanges: Array<{ replacements: Replacement[] }> }> };
  const results = doc.runs[0].results as Result[];
  assert.equal(results.length, 3);
  for (const r of results) {
    const name = r.locations[0]!.physicalLocation.artifactLocation.uri;
    const source = files[name]!;
    const starts = [0];
    for (const m of source.matchAll(/\r\n|\r|\n/g)) starts.push(m.index + m[0].length);
    const offset = (line: number, column: number) => starts[line - 1]! + column - 1;
    let out = source;
    const reps = [...r.fixes[0]!.artifactChanges[0]!.replacements].sort((a, b) => offset(b.deletedRegion.startLine, b.deletedRegion.startColumn) - offset(a.deletedRegion.startLine, a.deletedRegion.startColumn));
    for (const x of reps) out = out.slice(0, offset(x.deletedRegion.startLine, x.deletedRegion.startColumn)) + x.insertedContent.text + out.slice(offset(x.deletedRegion.endLine, x.deletedRegion.endColumn));
    files[name] = out;
  }
  assert.equal(withify(['fix', '--no-cache', ...Object.keys(files)], dir).status, 0);
  for (const [name, out] of Object.entries(files)) assert.equal(JSON.stringify(out), JSON.stringify(readFileSync(join(dir, name), 'utf8')), name);
});

test('github escaping: % CR LF in data; also : and , in properties', () => {
  assert.equal(escapeGithubData('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext: a, b');
  assert.equal(escapeGithubProperty('a,b:c%\n'), 'a%2Cb%3Ac%25%0A');
});

test('--format github: one ::warning per finding with its place, ::error for a file that failed', () => {
  const dir = project();
  writeFileSync(join(dir, 'latin.py'), Buffer.from([0x78, 0x3d, 0x22, 0xe9, 0x22, 0x0a]));
  const r = withify(['check', '.', '--format', 'github'], dir);
  const lines = r.stdout.trimEnd().split('\n');
  assert.equal(
    lines.find((l) => l.includes('a%2Cb%3Ac.py')),
    '::warning file=a%2Cb%3Ac.py,line=2,col=12,endLine=2,endColumn=26,title=WFY101 open-chain::`open(...).read()`: the file is never closed; PyPy closes it only when the GC runs [*] fixable with `withify fix`',
  );
  assert.ok(lines.some((l) => /^::error file=latin.py,title=withify::.*UTF-8/.test(l)));
  const text = withify(['check', '.'], dir).stdout.trimEnd().split('\n');
  assert.equal(lines.filter((l) => l.startsWith('::warning ')).length, text.length - 1); // every finding line, not the summary
});

test('--format github: a finding over several lines has its lines and no columns', () => {
  const dir = project();
  writeFileSync(join(dir, 'ml.py'), 'import json\ncfg = json.load(open(\n    "cfg.json"))\n');
  const lines = withify(['check', 'ml.py', '--format', 'github'], dir).stdout.trimEnd().split('\n');
  assert.deepEqual(lines, ['::warning file=ml.py,line=2,endLine=3,title=WFY102 open-argument::`json.load(open(...))`: the file is never closed; PyPy closes it only when the GC runs [*] fixable with `withify fix`']);
});

test('--statistics: counts per transform agree with the findings listed one by one', () => {
  const dir = project();
  const listed = withify(['check', '.'], dir).stdout.trimEnd().split('\n').slice(0, -1);
  const r = withify(['check', '.', '--statistics'], dir);
  assert.equal(r.status, 2); // broken.py does not parse
  const [head, ...rows] = r.stdout.trimEnd().split('\n');
  assert.match(head!, /^findings\s+fixable\s+fixed\s+unfixed\s+code\s+id$/);
  assert.match(rows.at(-1)!, /^Found \d+ findings in \d+ of 5 files \(\d+ fixable with `withify fix`/);
  let total = 0;
  for (const row of rows.slice(0, -1)) {
    const [findings, fixable, fixed, unfixed, code, id] = row.trim().split(/\s+/);
    const mine = listed.filter((l) => l.includes(` ${code} `));
    assert.equal(Number(findings), mine.length, row);
    assert.equal(Number(fixable), mine.filter((l) => l.endsWith('[*]')).length, row);
    assert.equal(Number(fixed), 0);
    assert.equal(Number(unfixed), mine.length);
    assert.equal(TRANSFORMS.find((t) => t.code === code)?.id, id);
    total += mine.length;
  }
  assert.equal(total, listed.length);
  // After fix: fixed + unfixed = findings, and unfixed is what a second check still lists.
  const fixed = withify(['fix', '.', '--statistics'], dir).stdout.trimEnd().split('\n');
  const after = withify(['check', '.'], dir).stdout.trimEnd().split('\n').slice(0, -1);
  let left = 0;
  for (const row of fixed.slice(1, -1)) {
    const [findings, , fixedN, unfixed] = row.trim().split(/\s+/).map(Number);
    assert.equal(fixedN! + unfixed!, findings);
    left += unfixed!;
  }
  assert.equal(left, after.length);
});
