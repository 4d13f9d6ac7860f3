// `--add-ignore`: after the fixes, a `# withify: ignore[CODE]` comment on a line of each finding left, so a
// codebase can be gated on new findings from the day of its migration.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Ajv } from 'ajv';
import { transformBytes, transformSource } from '../src/api.js';
import { CLI, compileSources, CPYTHON, listCases, ROOT, tempDir } from './helpers.js';

const SOURCE = [
  'def f(p):',
  '    x = [open(p).read() for _ in range(2)]  # two reads',
  '    y = (open(p).read(), """',
  'multi""")',
  '    z = open(p).read() + \\',
  '        open(p).read()',
  '    w = lambda: open(p).read()  # withify: ignore[WFY106]',
  '    print(open(p, "w").write("x"))',
  '    return x, y, z, w',
  '',
].join('\n');

const EXPECTED = [
  'def f(p):',
  // Two findings on the line (open-chain's and pathlib-read-write's): one comment with both codes.
  '    x = [open(p).read() for _ in range(2)]  # two reads  # withify: ignore[WFY101, WFY106]',
  '    with open(p) as fh:',
  '        y = (fh.read(), """',
  'multi""")',
  '    with open(p) as fp:',
  // The backslash line cannot take a comment: the next line of the finding does.
  '        z = fp.read() + \\',
  '            open(p).read()  # withify: ignore[WFY101, WFY106]',
  // A list already there gets the new code.
  '    w = lambda: open(p).read()  # withify: ignore[WFY106, WFY101]',
  '    print(open(p, "w").write("x"))  # withify: ignore[WFY101, WFY106]',
  '    return x, y, z, w',
  '',
].join('\n');

test('fixes first, then one comment per line of what is left; nothing left, and a second run changes nothing', () => {
  const r = transformSource(SOURCE, { addIgnore: true });
  assert.equal(r.output, EXPECTED);
  assert.equal(r.fixesApplied, 2);
  assert.equal(r.ignoresAdded, 4);
  assert.deepEqual(r.remaining, []);
  const again = transformSource(r.output, { addIgnore: true });
  assert.equal(again.output, r.output);
  assert.equal(again.ignoresAdded, 0);
  assert.deepEqual(compileSources(CPYTHON, [r.output]), [null]);
  // Without the option nothing is commented.
  assert.equal(transformSource(SOURCE).output.includes('withify: ignore[WFY101'), false);
});

test('CRLF stays CRLF; a finding whose line runs on in a string gets its comment where the string ends, which suppresses it', () => {
  const crlf = SOURCE.replaceAll('\n', '\r\n');
  const r = transformSource(crlf, { addIgnore: true });
  assert.equal(r.output, EXPECTED.replaceAll('\n', '\r\n'));
  const inString = 'def g(p):\n    return [open(p).read() for _ in "ab"], """\nend"""\n';
  const s = transformSource(inString, { addIgnore: true });
  assert.equal(s.output, 'def g(p):\n    return [open(p).read() for _ in "ab"], """\nend"""  # withify: ignore[WFY101, WFY106]\n');
  assert.equal(s.ignoresAdded, 1);
  assert.deepEqual(s.remaining, []);
  // The comment there suppresses the finding for a plain check too.
  assert.deepEqual(transformSource(s.output).findings, []);
});

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function withify(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('CLI: fix --add-ignore writes fixes and comments, then check is clear; diff shows it', () => {
  const dir = tempDir('withify-add-ignore-');
  writeFileSync(join(dir, 'a.py'), SOURCE);
  const diff = withify(['diff', '.', '--add-ignore'], dir);
  assert.equal(diff.status, 0);
  assert.match(diff.stdout, /^\+ {4}print\(open\(p, "w"\)\.write\("x"\)\)  # withify: ignore\[WFY101, WFY106\]$/m);
  assert.match(diff.stderr, /1 file would change \(2 fixes, 4 ignore comments\); 0 findings left unfixed\./);
  assert.equal(readFileSync(join(dir, 'a.py'), 'utf8'), SOURCE);
  const fix = withify(['fix', '.', '--add-ignore', '--format', 'json'], dir);
  assert.equal(fix.status, 0);
  const doc = JSON.parse(fix.stdout) as { summary: { ignoresAdded: number }; files: Array<{ ignoresAdded: number }> };
  const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(ROOT, 'schemas', 'report.schema.json'), 'utf8')));
  assert.ok(validate(doc), JSON.stringify(validate.errors));
  assert.equal(doc.summary.ignoresAdded, 4);
  assert.equal(doc.files[0].ignoresAdded, 4);
  assert.equal(readFileSync(join(dir, 'a.py'), 'utf8'), EXPECTED);
  const check = withify(['check', '.'], dir);
  assert.equal(check.status, 0, check.stdout);
  assert.match(check.stdout, /All clear/);
  // A run without the flag says nothing of comments, in text or JSON.
  const plain = withify(['fix', '.', '--format', 'json'], dir);
  assert.equal('ignoresAdded' in JSON.parse(plain.stdout).summary, false);
});

test('--statistics with --add-ignore: a finding its comment silenced counts as unfixed, not fixed', () => {
  const dir = tempDir('withify-add-ignore-');
  writeFileSync(join(dir, 'r.py'), 'class R:\n    def __del__(self):\n        self.f.close()\n');
  for (const mode of ['diff', 'fix']) {
    const r = withify([mode, 'r.py', '--add-ignore', '--statistics', '--format', 'json'], dir);
    const rows = (JSON.parse(r.stdout) as { statistics: Array<{ code: string; findings: number; fixed: number; unfixed: number }> }).statistics;
    assert.deepEqual(rows.map(({ code, findings, fixed, unfixed }) => ({ code, findings, fixed, unfixed })), [{ code: 'WFY110', findings: 1, fixed: 0, unfixed: 1 }], mode);
  }
  writeFileSync(join(dir, 'two.py'), 'def f(p):\n    print(open(p).read())\n    return [open(p).read() for _ in "ab"]\n');
  const text = withify(['fix', 'two.py', '--add-ignore', '--statistics'], dir).stdout.split('\n');
  assert.match(text.find((l) => / WFY101 /.test(l))!, /^\s*2\s+1\s+1\s+1\s+WFY101\s+open-chain$/);
});

test('--add-ignore over a file with mixed line ends says why it wrote nothing there', () => {
  const dir = tempDir('withify-add-ignore-');
  writeFileSync(join(dir, 'mix.py'), 'x = 1\ry = 2\nz = open("a").read()\n');
  const r = withify(['check', 'mix.py', '--add-ignore'], dir);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /Added 0 ignore comments in 0 files; 1 finding left without one: 1 in files with mixed line ends \(a lone CR among LF or CRLF\), which withify writes nothing to/);
});

test('over every snapshot input: every finding left gets its comment on the first line from it that can end with one (as Python tokenizes it); compiles, stable, the same under CRLF', () => {
  const crlf = (b: Buffer) => Buffer.from(b.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1');
  const outputs: Buffer[] = [];
  const inputs: Buffer[] = [];
  let comments = 0;
  /** Per finding left by the fixes: the lines from its first to where its comment went, in the text before the comments. */
  const placements: Array<{ label: string; text: string; from: number; at: number }> = [];
  // The snapshot inputs, and line ends that cannot all take a comment.
  const extra = [
    'def a(p):\n    return [open(p).read() for _ in "ab"], """\nend"""\n',
    'def b(p):\n    return f"""{[open(p).read() for _ in "ab"]}\n"""\n',
    'def c(p):\n    y = [open(p).read() for _ in "ab"] + \\\n        []\n    return y\n',
    'def d(p):\n    y = [open(p).read() for _ in "ab"]  # a path\\\n    return y\n',
    'def e(p):\n    y = [open(p).read() for _ in "ab"] + [  # one\n        open(p).read() for _ in "cd"]\n    return y\n',
    'def f(p):\n    return [open(p).read() for _ in "ab"], """\n  a\n  b""", \\\n        1\n',
  ].map((text, i) => ({ id: 'extra', name: String(i), inPath: `extra${i}.py`, options: {}, bytes: Buffer.from(text) }));
  const cases = [...listCases().map((c) => ({ ...c, bytes: readFileSync(c.inPath) })), ...extra];
  for (const c of cases) {
    const plain = { ...(c.id === 'extra' ? {} : { select: [c.id] }), ...c.options, path: c.inPath };
    const options = { ...plain, addIgnore: true };
    const bytes = c.bytes;
    const r = transformBytes(bytes, options);
    if (r.status === 'failed') continue; // a case that proves a refusal
    comments += r.ignoresAdded;
    assert.deepEqual(r.remaining, [], `${c.id}/${c.name}: a finding left without a comment`);
    const again = transformBytes(r.outputBytes, options);
    assert.ok(again.outputBytes.equals(r.outputBytes), `${c.id}/${c.name}: a second run changed it`);
    // The same fixes without the comments: the comments only end lines, so line n is line n in both.
    const before = transformBytes(bytes, plain);
    const commented = r.output.split(/\r?\n/);
    for (const f of before.remaining) {
      let at = f.location.line;
      while (at <= commented.length && !new RegExp(`# withify: ignore\\[[^\\]]*\\b${f.code}\\b`).test(commented[at - 1]!)) at++;
      placements.push({ label: `${c.id}/${c.name}: ${f.code} at line ${f.location.line}`, text: before.output, from: f.location.line, at });
    }
    if (!bytes.includes(13)) {
      const viaCrlf = transformBytes(crlf(bytes), options);
      assert.ok(viaCrlf.outputBytes.equals(crlf(r.outputBytes)), `${c.id}/${c.name}: CRLF gives other output`);
    }
    // A BOM (on a UTF-8 file without a coding line) is kept in front, and moves nothing.
    if (!bytes.subarray(0, 3).equals(BOM) && !/coding[:=]/.test(bytes.subarray(0, 200).toString('latin1'))) {
      const viaBom = transformBytes(Buffer.concat([BOM, bytes]), options);
      assert.ok(viaBom.outputBytes.equals(Buffer.concat([BOM, r.outputBytes])), `${c.id}/${c.name}: a BOM gives other output`);
    }
    inputs.push(bytes);
    outputs.push(r.outputBytes);
  }
  assert.ok(comments > 100, `only ${comments} comments added`);
  // Some comments had to go past the finding's own lines (the extra inputs).
  assert.ok(placements.some((p) => p.at > p.from));
  const probes = placements.flatMap((p) => Array.from({ length: p.at - p.from + 1 }, (_, i) => ({ ...p, line: p.from + i })));
  const fits = commentFits(probes);
  const wrong = probes.filter((p, i) => fits[i] !== (p.line === p.at)).map((p) => `${p.label}: comment at line ${p.at}, but line ${p.line} ${p.line === p.at ? 'cannot' : 'could'} end with one`);
  assert.deepEqual(wrong, []);
  const inErrs = compileSources(CPYTHON, inputs);
  const outErrs = compileSources(CPYTHON, outputs);
  assert.deepEqual(outErrs.flatMap((e, i) => (e && !inErrs[i] ? [e] : [])), []);
});

/**
 * For each probe, whether a comment at the end of its line would be one: the text with `  # probe` there
 * compiles, and Python's tokenizer reads it as a COMMENT token of that line (not string content).
 */
function commentFits(probes: ReadonlyArray<{ text: string; line: number }>): boolean[] {
  const script = [
    'import io, json, sys, tokenize',
    'out = []',
    'for text, line in json.load(sys.stdin):',
    '    lines = text.splitlines(True)',
    '    body = lines[line - 1]',
    '    end = body.rstrip("\\r\\n")',
    '    lines[line - 1] = end + "  # probe" + body[len(end):]',
    '    src = "".join(lines)',
    '    try:',
    '        compile(src, "<probe>", "exec", dont_inherit=True)',
    '        toks = list(tokenize.generate_tokens(io.StringIO(src).readline))',
    '        out.append(any(t.type == tokenize.COMMENT and t.start[0] == line and t.string.endswith("# probe") for t in toks))',
    '    except Exception:',
    '        out.append(False)',
    'print(json.dumps(out))',
  ].join('\n');
  const r = spawnSync(CPYTHON, ['-c', script], { input: JSON.stringify(probes.map((p) => [p.text, p.line])), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${CPYTHON} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as boolean[];
}

test('CLI: check --add-ignore writes comments only (no fix), after which check is clear; not for stdin', () => {
  const dir = tempDir('withify-add-ignore-check-');
  writeFileSync(join(dir, 'a.py'), SOURCE);
  const r = withify(['check', '.', '--add-ignore'], dir);
  assert.equal(r.status, 0, r.stderr);
  // The findings are listed as check lists them (the comments only end lines: no position moves).
  assert.match(r.stdout, /^a\.py:3:10 WFY101 /m);
  assert.match(r.stdout, /\nAdded 5 ignore comments in 1 file\.\n$/);
  const written = readFileSync(join(dir, 'a.py'), 'utf8');
  assert.ok(written.includes('    x = [open(p).read() for _ in range(2)]  # two reads  # withify: ignore[WFY101, WFY106]\n'));
  // No fix: the `"""` line runs on into the string, whose end takes the comment.
  assert.ok(written.includes('    y = (open(p).read(), """\nmulti""")  # withify: ignore[WFY101]\n'), written);
  const again = withify(['check', '.', '--add-ignore', '--format', 'json'], dir);
  const doc = JSON.parse(again.stdout) as { summary: { findings: number; ignoresAdded: number; remaining: number } };
  assert.deepEqual([doc.summary.findings, doc.summary.ignoresAdded, doc.summary.remaining], [0, 0, 0]);
  assert.equal(withify(['check', '.'], dir).status, 0);
  const piped = spawnSync(process.execPath, [CLI, 'check', '-', '--add-ignore'], { cwd: dir, input: SOURCE, encoding: 'utf8' });
  assert.equal(piped.status, 2);
  assert.match(piped.stderr, /check - --add-ignore has nowhere to write the comments: use `withify fix - --add-ignore`/);
});

test('check --add-ignore of a read-only file: no comment counted, and the summary says it could not be written', () => {
  const dir = tempDir('withify-add-ignore-');
  writeFileSync(join(dir, 'ro.py'), 'x = open("a").read()\n');
  chmodSync(join(dir, 'ro.py'), 0o444);
  const r = withify(['check', '--add-ignore', 'ro.py'], dir);
  assert.equal(r.status, 2);
  assert.match(r.stdout, /^Added 0 ignore comments in 0 files; 1 finding left without one: 1 in files that could not be written or processed \(see the errors\)\.$/m);
  assert.doesNotMatch(r.stdout, /can take a comment/);
  assert.match(r.stderr, /^error: ro\.py: cannot write: it is read-only/m);
  const doc = JSON.parse(withify(['check', '--add-ignore', 'ro.py', '--format', 'json'], dir).stdout) as { summary: { ignoresAdded: number }; files: Array<{ ignoresAdded: number }> };
  assert.deepEqual([doc.summary.ignoresAdded, doc.files[0]!.ignoresAdded], [0, 0]);
  assert.equal(readFileSync(join(dir, 'ro.py'), 'utf8'), 'x = open("a").read()\n');
});
