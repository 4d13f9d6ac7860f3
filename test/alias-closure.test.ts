// The closure IndexChange asks of each file (src/alias-closure.ts), and IndexChange's answers, against models that
// say the same in the plainest way: every alias taken again until none adds a word, over every alias both indexes share.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { AliasClosure, type AliasParts } from '../src/alias-closure.js';
import { IndexChange } from '../src/cache.js';
import { generatorShortNames, resolveGenerator, type GeneratorIndex } from '../src/python/generators.js';
import { escapeRegExp } from '../src/python/text.js';
import { seededRandom } from './helpers.js';

/** The words a file's text gives the closure: ASCII runs as a pattern's `\b` sees them, and Unicode ones. */
function wordsOf(text: string): Set<string> {
  const words = new Set(text.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []);
  if (/[^\x00-\x7f]/.test(text)) for (const w of text.match(/[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]+/gu) ?? []) words.add(w);
  return words;
}

/** The closure the plain way: own words and the text's words that are components, then every alias taken again until none adds a word. */
function modelClosure(aliases: readonly AliasParts[], text: string, own: readonly string[]): Set<string> {
  const components = new Set(aliases.flatMap(([c]) => c));
  const known = new Set([...own, ...[...wordsOf(text)].filter((w) => components.has(w))]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [c, t] of aliases) {
      if (!c.every((p) => known.has(p))) continue;
      for (const p of t) if (!known.has(p)) grew = known.add(p) !== undefined;
    }
  }
  return known;
}

const VOCABULARY = ['pkg', 'core', 'make', 'os', 'sys', 'rows', 'm1', 'x9', '_a', 'réa', 'ñ', 'B'];
const SEPARATORS = [' ', '.', '\n', '9', '(', 'é', '__', ', '];

function randomParts(rnd: () => number, most: number): string[] {
  return Array.from({ length: 1 + Math.floor(rnd() * most) }, () => VOCABULARY[Math.floor(rnd() * VOCABULARY.length)]!);
}

function randomText(rnd: () => number): string {
  let text = '';
  for (let n = Math.floor(rnd() * 8); n > 0; n--) text += VOCABULARY[Math.floor(rnd() * VOCABULARY.length)]! + SEPARATORS[Math.floor(rnd() * SEPARATORS.length)]!;
  return text;
}

test('AliasClosure: an alias waits on its unknown component and is taken once another alias makes it known', () => {
  const closure = new AliasClosure([
    [['pkg', 'make'], ['pkg', 'core', 'produce']],
    [['pkg', 'core', 'produce'], ['gen', 'rows']],
    [['other', 'x'], ['never']],
  ]);
  const knows = closure.close('from pkg import make', []);
  for (const w of ['pkg', 'make', 'core', 'produce', 'gen', 'rows']) assert.equal(knows(w), true, w);
  for (const w of ['other', 'x', 'never', 'absent']) assert.equal(knows(w), false, w);
  // A word after a digit is a word, as a pattern's `\b` sees it: `9make` says `make`; `make9` does not
  assert.equal(closure.close('pkg 9make', [])('produce'), true);
  assert.equal(closure.close('pkg make9', [])('produce'), false);
  // The module's own parts count though the text does not say them; the last call's answer is the one that holds
  assert.equal(closure.close('make', ['pkg'])('rows'), true);
  assert.equal(closure.close('', [])('pkg'), false);
  // A Unicode identifier is one word: `réa` is said in `réa.make`, not in `préa`
  const unicode = new AliasClosure([[['réa', 'make'], ['out']]]);
  assert.equal(unicode.close('réa.make()', [])('out'), true);
  assert.equal(unicode.close('préa.make()', [])('out'), false);
});

test('AliasClosure knows what taking every alias again until none adds a word knows (2,000 random cases)', () => {
  const rnd = seededRandom(20261204);
  for (let n = 0; n < 2000; n++) {
    const aliases: AliasParts[] = Array.from({ length: Math.floor(rnd() * 12) }, () => [randomParts(rnd, 3), randomParts(rnd, 3)]);
    const closure = new AliasClosure(aliases);
    // Several files in turn from one closure: each answer is of its own file alone
    for (let f = 0; f < 3; f++) {
      const text = randomText(rnd);
      const own = rnd() < 0.3 ? randomParts(rnd, 2) : [];
      const knows = closure.close(text, own);
      const model = modelClosure(aliases, text, own);
      const words = new Set(aliases.flatMap(([c, t]) => [...c, ...t]));
      for (const w of words) assert.equal(knows(w), model.has(w), `case ${n}, file ${f}: ${w} in ${JSON.stringify({ aliases, text, own })}`);
    }
  }
});

/** What IndexChange says, the plain way: the same rules (src/cache.ts, IndexChange) over every shared alias. */
function modelReaches(before: GeneratorIndex, after: GeneratorIndex, module: string, text: string): boolean {
  const own = module.split('.');
  const always = ['__iter__', '__aiter__', '<locals>'];
  // A word is said where no letter, digit or `_` is next to it: an ASCII one as a pattern's `\b` sees words, another as Python does
  const says = (w: string) =>
    always.includes(w) ||
    own.includes(w) ||
    (/[^\x00-\x7f]/.test(w) ? new RegExp(`(?<![\\p{L}\\p{N}\\p{M}\\p{Pc}])${escapeRegExp(w)}(?![\\p{L}\\p{N}\\p{M}\\p{Pc}])`, 'u') : new RegExp(`(?<![A-Za-z0-9_])${escapeRegExp(w)}(?![A-Za-z0-9_])`)).test(text);
  const shortBefore = new Set(generatorShortNames(before));
  const shortAfter = new Set(generatorShortNames(after));
  for (const n of [...shortBefore, ...shortAfter]) if (shortBefore.has(n) !== shortAfter.has(n) && says(n)) return true;
  const entries = (i: GeneratorIndex) => new Set([...Object.entries(i.generators).map(([k, v]) => `${k}=g${JSON.stringify(v)}`), ...Object.entries(i.aliases).map(([k, v]) => `${k}=a${v}`)]);
  const was = entries(before);
  const is = entries(after);
  const changed = [...[...was].filter((e) => !is.has(e)), ...[...is].filter((e) => !was.has(e))].map((e) => e.slice(0, e.lastIndexOf('=')).split('.'));
  const shared: AliasParts[] = Object.entries(before.aliases)
    .filter(([k, v]) => after.aliases[k] === v)
    .map(([k, v]) => [k.split('.'), v.split('.')]);
  const known = modelClosure(shared, text, [...own, ...always]);
  const targets = new Set(shared.flatMap(([, t]) => t));
  return changed.some((parts) => parts.every((p) => targets.has(p) || says(p)) && parts.every((p) => known.has(p) || says(p)));
}

test('IndexChange: an alias that rewrites no name to a generator, before or after, is seen by no file; one that reaches or hides one is', () => {
  const index = (aliases: Record<string, string>, generators: string[]) => ({
    generators: { generators: Object.fromEntries(generators.map((g) => [g, { async: false }])), aliases, ambiguous: [], callNames: [], plainOverrides: [], memberNames: {}, classNames: [] },
  });
  const reaches = (before: ReturnType<typeof index>, after: ReturnType<typeof index>, text: string) => new IndexChange(before, after).reaches('app.use', 'app/use.py', text);
  // Ex) `import os` added to pkg/__init__.py: nothing under `pkg.os` or `os` is a generator, whatever the file says
  assert.equal(reaches(index({}, ['pkg.core.rows']), index({ 'pkg.os': 'os' }, ['pkg.core.rows']), 'from pkg import os\nos.walk(pkg.os.sep)'), false);
  // A module alias whose target holds a generator: `pkg.sub.rows()` now finds `other.mod.rows`
  assert.equal(reaches(index({}, ['other.mod.rows']), index({ 'pkg.sub': 'other.mod' }, ['other.mod.rows']), 'import pkg.sub\npkg.sub.rows()'), true);
  // Through a second alias: `p.q` → `r.s`, `r.s` → `t`, and `t.u` a generator
  assert.equal(reaches(index({ 'r.s': 't' }, ['t.u']), index({ 'r.s': 't', 'p.q': 'r.s' }, ['t.u']), 'p.q.u()'), true);
  // An alias under another hides what that one found: `a.b.c` was `x.c` (through `a.b`), a generator; now it is `y`
  assert.equal(reaches(index({ 'a.b': 'x' }, ['x.c']), index({ 'a.b': 'x', 'a.b.c': 'y' }, ['x.c']), 'a.b.c()'), true);
  // And one removed that found a generator
  assert.equal(reaches(index({ 'pkg.make': 'pkg.core.produce' }, ['pkg.core.produce']), index({}, ['pkg.core.produce']), 'from pkg import make\nmake()'), true);
});

/**
 * Whether some name a file can start from resolves otherwise in the two indexes (`resolveGenerator`): every name of
 * up to three of the file's words (its text's, its module's parts, the lookups every check makes) that the indexes
 * know of, and every alias key so made with one or two such words after it. What IndexChange must not miss.
 */
function resolvesOtherwise(before: GeneratorIndex, after: GeneratorIndex, module: string, text: string): boolean {
  const vocabulary = new Set([...Object.keys(before.generators), ...Object.keys(after.generators), ...Object.entries(before.aliases).flat(), ...Object.entries(after.aliases).flat()].flatMap((d) => d.split('.')));
  const words = [...new Set([...wordsOf(text), ...module.split('.'), '__iter__', '__aiter__', '<locals>'])].filter((w) => vocabulary.has(w));
  const names: string[] = [];
  const grow = (name: string, parts: number) => {
    names.push(name);
    if (parts < 3) for (const w of words) grow(`${name}.${w}`, parts + 1);
  };
  for (const w of words) grow(w, 1);
  for (const key of new Set([...Object.keys(before.aliases), ...Object.keys(after.aliases)])) {
    if (!key.split('.').every((p) => words.includes(p))) continue;
    for (const w of words) {
      names.push(`${key}.${w}`);
      for (const v of words) names.push(`${key}.${w}.${v}`);
    }
  }
  return names.some((n) => JSON.stringify(resolveGenerator(before, n)) !== JSON.stringify(resolveGenerator(after, n)));
}

test('IndexChange reaches every file the plain model of resolution says can see the change, and none the plain closure does not (1,000 random projects)', () => {
  const rnd = seededRandom(41);
  const dotted = () => randomParts(rnd, 3).join('.');
  const index = (aliases: Record<string, string>, generators: string[]): GeneratorIndex =>
    ({ generators: Object.fromEntries(generators.map((g) => [g, { async: false }])), aliases, ambiguous: [], callNames: [], plainOverrides: [], memberNames: {}, classNames: [] }) as unknown as GeneratorIndex;
  let seeing = 0;
  let reached = 0;
  let closure = 0;
  for (let n = 0; n < 1000; n++) {
    const aliases: Record<string, string> = {};
    for (let a = Math.floor(rnd() * 10); a > 0; a--) aliases[dotted()] = dotted();
    // Ex) `pkg.sub` → `other.mod` and a generator `other.mod.rows`: `pkg.sub.rows()` reaches it through a module alias
    const targets = Object.values(aliases);
    const generatorKey = () => (targets.length && rnd() < 0.5 ? `${targets[Math.floor(rnd() * targets.length)]}.${randomParts(rnd, 1)[0]}` : dotted());
    const generators = Array.from({ length: Math.floor(rnd() * 3) }, generatorKey);
    // One edit: an alias added, removed or pointed elsewhere, or a generator added
    const edited = { ...aliases };
    const keys = Object.keys(edited);
    const kind = rnd();
    // Ex) `a.b.c` added where `a.b` → `x` and `x.c` is a generator: the new alias hides it from `a.b.c()`
    if (kind < 0.3 || keys.length === 0) edited[keys.length && rnd() < 0.5 ? `${keys[Math.floor(rnd() * keys.length)]}.${randomParts(rnd, 1)[0]}` : dotted()] = dotted();
    else if (kind < 0.6) delete edited[keys[Math.floor(rnd() * keys.length)]!];
    else if (kind < 0.8) edited[keys[Math.floor(rnd() * keys.length)]!] = dotted();
    const before = index(aliases, generators);
    const after = index(edited, kind >= 0.8 ? [...generators, generatorKey()] : generators);
    const change = new IndexChange({ generators: before }, { generators: after });
    for (let f = 0; f < 4; f++) {
      const module = dotted();
      const text = randomText(rnd);
      const sees = resolvesOtherwise(before, after, module, text);
      const ofClosure = modelReaches(before, after, module, text);
      const reaches = change.reaches(module, `${module}.py`, text);
      const context = `project ${n}, file ${f}: ${JSON.stringify({ aliases, edited, before: before.generators, after: after.generators, module, text })}`;
      // Sound: a file that can see the change is checked again. And no file the closure alone leaves out is.
      if (sees) assert.equal(reaches, true, context);
      if (reaches) assert.equal(ofClosure, true, context);
      seeing += sees ? 1 : 0;
      reached += reaches ? 1 : 0;
      closure += ofClosure ? 1 : 0;
    }
  }
  // Every kind is common: files that see the change, files reached, and files the closure alone would reach in vain
  assert.ok(seeing > 50 && reached > seeing && closure > reached + 100, `${seeing} see the change, ${reached} reached, ${closure} by the closure alone, of 4,000`);
});
