// The text-first search for resource calls must miss none that a visit of every call finds.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { listCases } from './helpers.js';
import { parsePython } from '../src/engine/parse.js';
import { createContext } from '../src/engine/context.js';
import { defaultOptions } from '../src/options.js';
import { candidateCalls } from '../src/python/candidates.js';
import { inUnevaluatedAnnotation } from '../src/python/scopes.js';
import { calleeName } from '../src/python/imports.js';
import { RESOURCE_CALL_NAMES, RESOURCE_CALLS, RESOURCE_TRIGGERS } from '../src/python/resources.js';
import { findWords, sharedWordHits, shareWordHits, wordsPattern } from '../src/python/text.js';

function context(source: string) {
  return createContext({ path: 'x.py', source, tree: parsePython(source), eol: '\n', options: defaultOptions() });
}

/**
 * Every call `resourceOf` would accept by name, found by visiting every call of the tree; with `evaluated`, not
 * one in an annotation Python never runs (`inUnevaluatedAnnotation`), which the search leaves out by design.
 */
function resourceCallsByVisit(source: string, evaluated = false): string[] {
  const ctx = context(source);
  return ctx.root
    .descendantsOfType('call')
    .filter((c) => !evaluated || !inUnevaluatedAnnotation(c, ctx))
    .filter((c) => {
      const name = calleeName(ctx.names, c);
      if (name && RESOURCE_CALLS.has(name)) return true;
      const fn = c.childForFieldName('function');
      return fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'open'; // `Path(p).open()`
    })
    .map((c) => `${c.startIndex}:${c.text}`);
}

test('candidateCalls holds every catalog call of every snapshot input that Python may run, in document order', () => {
  let checked = 0;
  let unevaluated = 0;
  for (const c of listCases()) {
    const source = readFileSync(c.inPath, 'utf8');
    const ctx = context(source);
    const found = candidateCalls(ctx).map((n) => `${n.startIndex}:${n.text}`);
    const evaluated = resourceCallsByVisit(source, true);
    for (const call of evaluated) assert.ok(found.includes(call), `${c.id}/${c.name}: ${call}`);
    const starts = candidateCalls(ctx).map((n) => n.startIndex);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
    checked += evaluated.length;
    unevaluated += resourceCallsByVisit(source).length - evaluated.length;
  }
  assert.ok(checked > 200, `only ${checked} catalog calls in the snapshots`);
  // (open-chain/ok-suspended-or-dropped holds one in a local's annotation)
  assert.ok(unevaluated > 0);
});

test('import aliases are callee names; `with … as f` and strings are not', () => {
  const source = [
    'from gzip import open as gz',
    'from subprocess import (',
    '    Popen as P,',
    ')',
    'with x as f:',
    '    f(p).read()',
    '    gz(p).read()',
    '    P(c).wait()',
    '    s = "open(p)"  # open(q)',
    '    h.open(p)',
    '',
  ].join('\n');
  assert.deepEqual(candidateCalls(context(source)).map((n) => n.text), ['gz(p)', 'P(c)', 'h.open(p)']);
});

test('a call whose `(` comes after spaces, a line break, a backslash or a comment is a candidate; a name no `(` follows is not', () => {
  const source = [
    'import socket',
    'x = (open',
    '     # the path',
    '     (p))',
    'y = open \\',
    '    (q)',
    'z = socket . socket ( )',
    'family = socket.AF_INET',
    'opener = open',
    '',
  ].join('\n');
  assert.deepEqual(candidateCalls(context(source)).map((n) => n.text), ['open\n     # the path\n     (p)', 'open \\\n    (q)', 'socket . socket ( )']);
});

test('the first look\'s scan, when kept, gives the candidates what their own scan gives', () => {
  const source = [
    'import gzip as gz, socket',
    'from m import opener as o',
    'def f(p):',
    '    gz.open(p).read()',
    '    socket.socket().close()',
    '    o(p); x.connect(a)  # open(q)',
    '    "open(p)"; openly(p); popen2(p)',
    '',
  ].join('\n');
  const own = candidateCalls(context(source)).map((n) => `${n.startIndex}:${n.text}`);
  // The anchors and more words, as the pipeline's first look scans them.
  const words = new Set([...RESOURCE_CALL_NAMES, 'TemporaryDirectory', 'rows', 'f']);
  shareWordHits(source, words, findWords(source, wordsPattern(words, 'g')));
  assert.ok(sharedWordHits(source, new Set(RESOURCE_CALL_NAMES)));
  assert.equal(sharedWordHits(source, new Set(['o'])), undefined, 'a word the scan did not look for');
  assert.equal(sharedWordHits(`${source} `, new Set(['open'])), undefined, 'another text');
  assert.deepEqual(candidateCalls(context(source)).map((n) => `${n.startIndex}:${n.text}`), own);
  // Ex) a word of other characters: a match of it may hide one of another word, so the scan is not shared
  const odd = new Set([...words, 'ö.open']);
  shareWordHits(source, odd, findWords(source, wordsPattern(odd, 'g')));
  assert.equal(sharedWordHits(source, new Set(['open'])), undefined);
});

test('every catalog entry is covered by a trigger word: its module or its own name', () => {
  for (const name of RESOURCE_CALLS.keys()) {
    const parts = name.split('.');
    const needed = name.startsWith('builtins.') ? [parts.at(-1)!] : [parts[0]!, parts.at(-1)!];
    assert.ok(needed.some((w) => RESOURCE_TRIGGERS.includes(w)), `${name}: none of ${needed.join(', ')} is a trigger`);
  }
});
