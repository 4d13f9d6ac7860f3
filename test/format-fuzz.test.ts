// Formatting survives a fix, checked metamorphically: for every snapshot input x and each reformatting V
// below (CRLF, lone CR, a UTF-8 BOM, latin-1 with a coding line, tabs, two-space indents, and mixes),
// fixing V(x) gives V(fix(x)) byte for byte, with as many fixes; the result compiles and a second run
// changes nothing. V is a pure function of a file's bytes (the tab variants also take the input's
// indent unit), so it applies to an input and to its fix alike. The indentation variants leave the lines
// inside multi-line strings alone: CPython's tokenize (one python3 process for every file) says which lines
// those are, so the test does not lean on withify's own idea of a string. Fixes go through transformBytes:
// the decode → rewrite → encode the CLI runs on each file, without temporary files. It found a generator
// fix's `finally:` written between the `\r` and `\n` of a comment ending the loop (CRLF files).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { transformBytes, type TransformSourceOptions } from '../src/api.js';
import { compileSources, CPYTHON, hasPython, listCases, type SnapshotCase } from './helpers.js';

/** What CPython's tokenize says about a file (from its bytes: BOM and coding line included). */
interface Facts {
  /** The encoding Python reads the file in: `utf-8`, `utf-8-sig` (a BOM), `iso-8859-1`, … */
  encoding: string;
  /** Line numbers (1-based) that start inside a string token: their leading whitespace is data. */
  inString: number[];
  /** The indentation of the blocks: `spaces` when every INDENT is spaces, a multiple of the first one's
   *  (`unit`), `tabs` when every INDENT is tabs, `none` without blocks, `other` otherwise (or tokenize failed). */
  indent: 'spaces' | 'tabs' | 'none' | 'other';
  unit: number;
  /** A line begins inside a bracket that code follows on its own line: aligned under it (a visual indent). */
  aligned: boolean;
}

const FACTS_PY = String.raw`
import base64, json, sys, tokenize
def facts(data):
    lines = data.split(b"\n")
    src = [l + b"\n" for l in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    try:
        encoding = tokenize.detect_encoding(iter(src).__next__)[0]
    except SyntaxError:
        encoding = "?"
    inside, indents = set(), []
    # Open brackets: [row, followed on its row by more code]; a line begun under one that was is aligned under it
    brackets, row, aligned = [], 0, False
    try:
        for tok in tokenize.tokenize(iter(src).__next__):
            code = tok.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT)
            if tok.start[0] != row:
                row = tok.start[0]
                if brackets and brackets[-1][1] and code and row not in inside:
                    aligned = True
            elif brackets and brackets[-1][0] == row and code:
                brackets[-1][1] = True
            if tok.type == tokenize.STRING or tok.type == getattr(tokenize, "FSTRING_MIDDLE", -1):
                inside.update(range(tok.start[0] + 1, tok.end[0] + 1))
            elif tok.type == tokenize.INDENT:
                indents.append(tok.string)
            elif tok.type == tokenize.OP and tok.string in "([{":
                brackets.append([tok.start[0], False])
            elif tok.type == tokenize.OP and tok.string in ")]}" and brackets:
                brackets.pop()
    except (tokenize.TokenError, SyntaxError):
        indents = ["?"]
    unit = len(indents[0]) if indents else 0
    if not indents:
        indent = "none"
    elif all(s.strip(" ") == "" and len(s) % unit == 0 for s in indents):
        indent = "spaces"
    elif all(s.strip("\t") == "" for s in indents):
        indent = "tabs"
    else:
        indent = "other"
    return {"encoding": encoding, "inString": sorted(inside), "indent": indent, "unit": unit, "aligned": aligned}
print(json.dumps([facts(base64.b64decode(b)) for b in json.load(sys.stdin)]))
`;

function python<T>(script: string, blobs: readonly Buffer[]): T[] {
  const r = spawnSync(CPYTHON, ['-c', script], { input: JSON.stringify(blobs.map((b) => b.toString('base64'))), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${CPYTHON} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as T[];
}

// Bytes are handled as latin-1 strings (one character per byte): the variants touch only ASCII line
// breaks and indentation, which no UTF-8 multi-byte sequence contains.
const asText = (b: Buffer): string => b.toString('latin1');
const asBytes = (s: string): Buffer => Buffer.from(s, 'latin1');
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * The leading whitespace of every line outside a string, rewritten by `indent` (given the line's
 * whitespace); after a form feed in it, only what follows the last one (Python counts from there).
 */
function reindent(bytes: Buffer, facts: Facts, indent: (ws: string) => string): Buffer {
  const inString = new Set(facts.inString);
  const lines = asText(bytes).split('\n');
  const leading = (line: string) => line.replace(/^((?:[ \t]*\f)*)([ \t]*)/, (_, ff: string, ws: string) => ff + indent(ws));
  return asBytes(lines.map((line, i) => (inString.has(i + 1) ? line : leading(line))).join('\n'));
}

// One unit of spaces (four, or what the file's first block uses) is one tab, a remainder stays spaces (a
// continuation line aligned under a bracket): `n` spaces become floor(n/unit) tabs and n%unit spaces.
// withify compares indentation by prefix and length (a comment below a block belongs to it when indented
// deeper), and this map keeps the outcome of every such comparison with a block's indentation.
const spacesToTabs =
  (unit: number) =>
  (ws: string): string =>
    /\t/.test(ws) ? ws : '\t'.repeat(Math.floor(ws.length / unit)) + ' '.repeat(ws.length % unit);
const tabToFourSpaces = (ws: string): string => ws.replace(/^\t+/, (t) => '    '.repeat(t.length));
// Half as many spaces, rounded up: `n > 4k` exactly when `ceil(n/2) > 2k`, so a comment indented deeper
// than a block stays deeper (rounded down, a comment one space deeper would land on the block's own
// indentation; each four spaces made two would put a three-space comment past a four-space block).
const halveSpaces = (ws: string): string => (/\t/.test(ws) ? ws : ' '.repeat((ws.length + 1) >> 1));

const toCrlf = (bytes: Buffer): Buffer => asBytes(asText(bytes).replace(/\r?\n/g, '\r\n'));
// Classic Mac OS line ends: Python reads them; withify processes such a file with `\n` and writes `\r` back.
const toCr = (bytes: Buffer): Buffer => asBytes(asText(bytes).replace(/\r?\n/g, '\r'));
const addBom = (bytes: Buffer): Buffer => Buffer.concat([BOM, bytes]);

/** The line ending most of the file's lines end with, for the lines latin-1 adds. */
const eolOf = (text: string): string => ((text.match(/\r\n/g)?.length ?? 0) * 2 > (text.match(/\n/g)?.length ?? 0) ? '\r\n' : '\n');

// The coding line and a comment go above the code; the string goes below it, as a statement of its own:
// above, it would stand before a `from __future__` import (a SyntaxError) or take the docstring's place.
function toLatin1(bytes: Buffer): Buffer {
  const text = bytes.toString('utf8');
  const eol = eolOf(text);
  const end = text === '' || /[\r\n]$/.test(text) ? '' : eol;
  return Buffer.from(`# -*- coding: latin-1 -*-${eol}# café, a latin-1 comment${eol}${text}${end}_LATIN1 = "é"${eol}`, 'latin1');
}

interface Input {
  c: SnapshotCase;
  options: TransformSourceOptions;
  bytes: Buffer;
  facts: Facts;
  fixed: Buffer;
  fixedFacts: Facts;
  fixes: number;
}

interface Variant {
  name: string;
  /** True when V is defined on the input and changes it. */
  applies: (x: Input) => boolean;
  /** V of an input or of its fix: `facts` are the file's own, `unit` the input's indent unit (both sides convert the same way). */
  apply: (bytes: Buffer, facts: Facts, unit: number) => Buffer;
}

const utf8NoBom = (x: Input): boolean => x.facts.encoding === 'utf-8' && x.fixedFacts.encoding === 'utf-8';
const hasLf = (x: Input): boolean => /(^|[^\r])\n/.test(asText(x.bytes));
// The indentation variants need blocks: without one there is no indentation to convert, and withify
// cannot know the unit the file would use (it falls back to four spaces, or a tab where a line starts with one).
// Nor lines aligned under a bracket: withify aligns them again where a fix moves the bracket, by columns, which
// these variants do not keep (two spaces for four moves the bracket, not the line under it).
const spaceIndented = (x: Input): boolean => x.facts.indent === 'spaces' && !x.facts.aligned;
const fourSpaceIndented = (x: Input): boolean => spaceIndented(x) && x.facts.unit === 4;
const tabIndented = (x: Input): boolean => x.facts.indent === 'tabs' && !x.facts.aligned;
// Latin-1 holds every character of the file (no `…`, no emoji).
const latin1Safe = (x: Input): boolean => utf8NoBom(x) && !/[^\u0000-\u00ff]/u.test(x.bytes.toString('utf8') + x.fixed.toString('utf8'));

const VARIANTS: Variant[] = [
  { name: 'crlf', applies: hasLf, apply: (b) => toCrlf(b) },
  { name: 'cr', applies: hasLf, apply: (b) => toCr(b) },
  { name: 'bom', applies: utf8NoBom, apply: (b) => addBom(b) },
  { name: 'latin-1', applies: latin1Safe, apply: (b) => toLatin1(b) },
  { name: 'tabs', applies: spaceIndented, apply: (b, f, unit) => reindent(b, f, spacesToTabs(unit)) },
  { name: 'two-space', applies: fourSpaceIndented, apply: (b, f) => reindent(b, f, halveSpaces) },
  { name: 'tabs-to-spaces', applies: tabIndented, apply: (b, f) => reindent(b, f, tabToFourSpaces) },
  { name: 'crlf+tabs+bom', applies: (x) => spaceIndented(x) && utf8NoBom(x), apply: (b, f, unit) => addBom(toCrlf(reindent(b, f, spacesToTabs(unit)))) },
  { name: 'latin-1+crlf+two-space', applies: (x) => fourSpaceIndented(x) && latin1Safe(x), apply: (b, f) => toLatin1(toCrlf(reindent(b, f, halveSpaces))) },
];

function loadInputs(): Input[] {
  const partial = listCases().map((c) => {
    const options: TransformSourceOptions = { select: [c.id], ...c.options, path: c.inPath };
    const bytes = readFileSync(c.inPath);
    const r = transformBytes(bytes, options);
    return { c, options, bytes, fixed: r.outputBytes, fixes: r.fixesApplied, failed: r.status === 'failed' };
  });
  const usable = partial.filter((p) => !p.failed);
  const facts = python<Facts>(FACTS_PY, usable.flatMap((p) => [p.bytes, p.fixed]));
  return usable.map((p, i) => ({ ...p, facts: facts[2 * i]!, fixedFacts: facts[2 * i + 1]! }));
}

/** The first line on which two texts differ, both versions shown with escapes. */
function firstDifference(actual: Buffer, expected: Buffer): string {
  const a = asText(actual).split('\n');
  const e = asText(expected).split('\n');
  for (let i = 0; i < Math.max(a.length, e.length); i++) {
    if (a[i] !== e[i]) return `line ${i + 1}: got ${JSON.stringify(a[i])}, expected ${JSON.stringify(e[i])}`;
  }
  return 'same lines';
}


const pythonMissing = !hasPython(CPYTHON);
const inputs = pythonMissing ? [] : loadInputs();
const pairsOf = (v: Variant): Input[] => inputs.filter((x) => v.applies(x));
/** Every pair checked so far, for the compile check. */
const checked: { label: string; x: Input; variant: Buffer; fixed: Buffer }[] = [];

describe('format fuzz: fix(V(x)) == V(fix(x))', () => {
  test('the inputs', (t) => {
    if (pythonMissing) {
      if (process.env.CI) assert.fail(`${CPYTHON} is not installed`);
      t.skip(`${CPYTHON} not installed: tokenize says where strings are`);
      return;
    }
    assert.ok(inputs.length > 100, `only ${inputs.length} snapshot inputs`);
    // Each variant has inputs with fixes (a variant that applied to none would prove nothing).
    for (const v of VARIANTS) {
      const pairs = pairsOf(v);
      t.diagnostic(`${v.name}: ${pairs.length} inputs, ${pairs.filter((x) => x.fixes > 0).length} with fixes`);
      assert.ok(pairs.some((x) => x.fixes > 0), `${v.name}: no input with a fix`);
    }
  });

  for (const v of VARIANTS) {
    describe(v.name, () => {
      for (const x of pairsOf(v)) {
        test(`${x.c.id} › ${x.c.name}`, () => {
          const variant = v.apply(x.bytes, x.facts, x.facts.unit);
          const expected = v.apply(x.fixed, x.fixedFacts, x.facts.unit);
          const r = transformBytes(variant, x.options);
          assert.notEqual(r.status, 'failed', r.reason);
          assert.ok(r.outputBytes.equals(expected), `${v.name}: ${firstDifference(r.outputBytes, expected)}`);
          assert.equal(r.fixesApplied, x.fixes);
          checked.push({ label: `${v.name} › ${x.c.id}/${x.c.name}`, x, variant, fixed: r.outputBytes });
          if (r.fixesApplied === 0) return;
          const second = transformBytes(r.outputBytes, x.options);
          assert.ok(second.outputBytes.equals(r.outputBytes), `${v.name}: a second run changed ${firstDifference(second.outputBytes, r.outputBytes)}`);
          assert.equal(second.fixesApplied, 0);
        });
      }
    });
  }

  // Where the input compiles, its variant does (V keeps the code valid) and so does the variant's fix.
  test('every variant and its fix compile under python3', (t) => {
    if (pythonMissing) {
      t.skip(`${CPYTHON} not installed`);
      return;
    }
    assert.ok(checked.length > 0);
    const inputErrs = compileSources(CPYTHON, inputs.map((x) => x.bytes));
    const compiles = new Set(inputs.filter((_, i) => inputErrs[i] === null));
    // A variant nothing was fixed in is its own fix: compiled once.
    const files = checked
      .filter((c) => compiles.has(c.x))
      .flatMap((c) => [{ c, what: 'the variant', bytes: c.variant }, ...(c.fixed.equals(c.variant) ? [] : [{ c, what: 'its fix', bytes: c.fixed }])]);
    const errs = compileSources(CPYTHON, files.map((f) => f.bytes));
    assert.deepEqual(files.flatMap((f, i) => (errs[i] ? [`${f.c.label} (${f.what}): ${errs[i]}`] : [])), []);
  });
});
