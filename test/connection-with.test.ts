// connection-with's refusals: every line of an `ok-*` snapshot case marked `expect: WFY107` gets exactly one finding,
// with a reason or a fix offered only with --unsafe-fixes, and no other line gets one (the snapshot test checks that
// nothing changes; this checks that what is reported is what the case says).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { transformBytes } from '../src/api.js';
import { CLI, listCases, tempDir } from './helpers.js';

describe('connection-with: ok-* cases report what they mark', () => {
  const cases = listCases().filter((c) => c.id === 'connection-with' && /(^|\/)ok-/.test(c.name));
  test('the cases hold marked findings', () => {
    const marked = cases.filter((c) => readFileSync(c.inPath, 'utf8').includes('expect: WFY107'));
    assert.ok(marked.length >= 6, `${marked.length} cases with marks`);
  });
  for (const c of cases) {
    test(c.name, () => {
      const bytes = readFileSync(c.inPath);
      const expected = bytes.toString('utf8').split(/\r?\n/).flatMap((l, i) => (l.includes('expect: WFY107') ? [i + 1] : []));
      const r = transformBytes(bytes, { select: ['connection-with'], path: c.inPath });
      assert.equal(r.fixesApplied, 0);
      assert.deepEqual(r.findings.map((f) => f.location.line), expected);
      for (const f of r.findings) assert.ok(f.reason !== undefined || f.fix?.applicability === 'unsafe', `line ${f.location.line}: neither a reason nor an unsafe fix`);
    });
  }
});

// A connection made by a function of the module (src/python/factories.ts) is read from that function, which the
// engine's first look (parsing only the functions around its anchor words) reaches only through the function's name
// among the anchors: with filler functions around each case, `check` finds what `check --whole-files` does.
describe('functions that make a connection: the first look finds what a whole parse does', () => {
  const cases = listCases().filter((c) => /(^|\/)(ok-)?(proof-)?factory/.test(c.name));
  test('the cases', () => assert.ok(cases.length >= 8, `${cases.length} cases`));
  const dir = tempDir('withify-factory-');
  const filler = (tag: string) => Array.from({ length: 40 }, (_, i) => `def ${tag}${i}(x):\n    y = x + ${i}\n    return y * 2\n`).join('\n\n');
  for (const c of cases) {
    test(`${c.id}/${c.name}`, () => {
      const [head, rest] = splitImports(readFileSync(c.inPath, 'utf8'));
      const file = join(dir, `${c.id}-${c.name.replace(/\//g, '-')}.py`);
      writeFileSync(file, `${head}\n\n${filler('before')}\n\n${rest}\n\n${filler('after')}`);
      const seen = (...more: string[]) => {
        const r = spawnSync(process.execPath, [CLI, 'check', '--no-cache', '--format', 'json', '-j', '1', '--select', c.id, ...more, file], { encoding: 'utf8' });
        const out = JSON.parse(r.stdout) as { files: Array<{ findings: Array<{ code: string; range: { start: { line: number } }; reason: string | null; fix?: { applicability: string } }> }> };
        return out.files[0]!.findings.map((f) => `${f.range.start.line}:${f.code}:${f.fix?.applicability ?? f.reason}`);
      };
      const whole = seen('--whole-files');
      assert.ok(whole.some((f) => /WFY10[1457]/.test(f)), whole.join('\n'));
      assert.deepEqual(seen(), whole);
    });
  }
});

/** The text's imports (the lines before its first `def`, `class` or other statement at column 0) and the rest. */
function splitImports(text: string): [string, string] {
  const at = text.search(/^(?!import |from |#|\s|$)/m);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at)];
}
