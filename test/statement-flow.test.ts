// Unit tests for the consumer catalog, the resource flow, evaluation order with several resources, the
// `with` header layout, and the before/after examples open-argument and open-loop print in `explain`.
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { transformSource } from '../src/api.js';
import { createContext } from '../src/engine/context.js';
import { parsePython } from '../src/engine/parse.js';
import { defaultOptions } from '../src/options.js';
import { consumerOf, takesResource } from '../src/python/consumers.js';
import { isPure, notEvaluatedFirst } from '../src/python/evaluation.js';
import { followResource, loopOwner } from '../src/python/statement-flow.js';
import { resourceOf } from '../src/python/resources.js';
import { enclosingStatement } from '../src/python/statements.js';
import { groupForWith, withHeaderLines } from '../src/python/with-items.js';
import type { FileContext, PythonVersion, SyntaxNode } from '../src/types.js';
import { openArgument } from '../transforms/open-argument.js';
import { openLoop } from '../transforms/open-loop.js';

function ctxFor(source: string, target: PythonVersion = [3, 8]): FileContext {
  return createContext({ path: 't.py', source, tree: parsePython(source), eol: '\n', options: defaultOptions({ targetVersion: target }) });
}

/** Every catalog resource call in the source, in source order. */
function resources(ctx: FileContext): SyntaxNode[] {
  return ctx.root.descendantsOfType('call').filter((c) => resourceOf(ctx, c));
}

function flowOf(source: string): string {
  const ctx = ctxFor(`import csv, itertools, json\n${source}`);
  const r = resources(ctx)[0]!;
  const f = followResource(ctx, r, resourceOf(ctx, r)!, enclosingStatement(r)!);
  return f.kind === 'used-up' ? `used-up by ${f.by}` : f.kind === 'live' ? `live${f.via ? ` via ${f.via}` : ''}` : 'unknown';
}

describe('consumers', () => {
  test('names resolve through imports; a local def shadows', () => {
    const ctx = ctxFor('from json import load as jl\nimport pickle as pk\ndef dump(x, f): pass\njl(a)\npk.dump(o, f)\ndump(o, f)\n');
    const calls = ctx.root.descendantsOfType('call');
    assert.equal(consumerOf(ctx, calls[0]!)?.name, 'json.load');
    assert.equal(consumerOf(ctx, calls[1]!)?.name, 'pickle.dump');
    assert.equal(consumerOf(ctx, calls[2]!), undefined);
  });

  test('positions and keywords that take the resource', () => {
    const ctx = ctxFor('import json\njson.dump(o, open(p))\njson.dump(open(p), f)\nprint(open(p))\nprint(x, file=open(p))\nf(*xs, open(p))\n');
    const got = resources(ctx).map((r) => {
      const call = r.parent!.type === 'keyword_argument' ? r.parent!.parent!.parent! : r.parent!.parent!;
      const spec = consumerOf(ctx, call);
      return !!spec && takesResource(spec, call, r);
    });
    assert.deepEqual(got, [true, false, true, true, false]);
  });

  test('a literal separator makes str.join known; a variable does not', () => {
    const ctx = ctxFor('"".join(x)\nsep.join(x)\n');
    const [a, b] = ctx.root.descendantsOfType('call');
    assert.equal(consumerOf(ctx, a!)?.name, 'str.join');
    assert.equal(consumerOf(ctx, b!), undefined);
  });

  test('a local generator function is its own kind: it may yield the resource', () => {
    const ctx = ctxFor('def g(f):\n    yield from f\ng(x)\n');
    const call = ctx.root.descendantsOfType('call').at(-1)!;
    assert.equal(consumerOf(ctx, call)?.kind, 'generator');
  });
});

describe('followResource', () => {
  test('eager consumers, eager methods and comprehensions use the resource up', () => {
    assert.equal(flowOf('x = json.load(open(p))\n'), 'used-up by json.load');
    assert.equal(flowOf('x = open(p).readlines()\n'), 'used-up by .readlines()');
    assert.equal(flowOf('x = list(csv.reader(open(p)))\n'), 'used-up by list');
    assert.equal(flowOf('x = list(itertools.islice(open(p), 3))\n'), 'used-up by list');
    assert.equal(flowOf('x = [l for l in open(p)]\n'), 'used-up by a comprehension');
    assert.equal(flowOf('x = sum(1 for l in enumerate(open(p)))\n'), 'used-up by sum');
  });

  test('lazy consumers keep it; unknown calls may', () => {
    assert.equal(flowOf('r = csv.reader(open(p))\n'), 'live via csv.reader');
    assert.equal(flowOf('g = (l for l in open(p))\n'), 'live via generator expression');
    assert.equal(flowOf('x = wrap(open(p))\n'), 'unknown');
    assert.equal(flowOf('x = csv.reader(open(p)).foo()\n'), 'unknown');
    assert.equal(flowOf('def g(f):\n    yield f\nx = list(g(open(p)))\n'), 'unknown');
    assert.equal(flowOf('x = list(itertools.tee(open(p)))\n'), 'unknown');
  });
});

describe('loopOwner', () => {
  const owner = (src: string) => {
    const ctx = ctxFor(src);
    return loopOwner(resources(ctx)[0]!)?.type;
  };
  test('for headers and first iterables own the resource; later clauses and bodies do not', () => {
    assert.equal(owner('for l in open(p): pass\n'), 'for_statement');
    assert.equal(owner('for l in [x for x in open(p)]: pass\n'), 'for_statement');
    assert.equal(owner('y = {l for l in open(p).readlines()}\n'), 'set_comprehension');
    assert.equal(owner('y = [l for q in qs for l in open(q)]\n'), undefined);
    // The inner comprehension owns it; open-loop then reports it as evaluated once per outer item.
    assert.equal(owner('y = [[l for l in open(q)] for q in qs]\n'), 'list_comprehension');
    assert.equal(owner('for l in x: open(p).read()\n'), undefined);
    assert.equal(owner('for l in map(lambda: open(p), xs): pass\n'), undefined);
  });
  test('a `yield from` that is a statement of its own owns its iterable\'s resource; one whose value is used does not', () => {
    const inDef = (body: string) => owner(`def g(p):\n    ${body}\n`);
    assert.equal(inDef('yield from open(p)'), 'yield');
    assert.equal(inDef('yield from csv.reader(open(p))'), 'yield');
    assert.equal(inDef('(yield from open(p))  # c'), 'yield');
    assert.equal(inDef('yield from (l for l in open(p))'), 'yield');
    assert.equal(inDef('x = yield from open(p)'), undefined);
    assert.equal(inDef('return (yield from open(p))'), undefined);
    assert.equal(inDef('(yield from open(p)), 1'), undefined);
    assert.equal(inDef('yield open(p)'), undefined);
    assert.equal(inDef('yield from [l for l in open(p)]'), 'yield');
  });
});

describe('evaluation order', () => {
  test('a comprehension\'s first iterable runs first and once', () => {
    const ctx = ctxFor('x = [l.strip() for l in open(p)]\ny = [open(q) for l in xs]\n');
    const [a, b] = resources(ctx);
    assert.equal(notEvaluatedFirst(a!, enclosingStatement(a!)!), undefined);
    assert.match(notEvaluatedFirst(b!, enclosingStatement(b!)!) ?? '', /comprehension/);
  });

  test('assumed nodes count as pure', () => {
    const ctx = ctxFor('f(open(a), open(b))\n');
    const [a, b] = resources(ctx);
    const stmt = enclosingStatement(a!)!;
    assert.ok(notEvaluatedFirst(b!, stmt));
    assert.equal(notEvaluatedFirst(b!, stmt, new Set([a!.id])), undefined);
    assert.equal(isPure(a!), false);
    assert.equal(isPure(a!, new Set([a!.id])), true);
  });

  test('groupForWith keeps evaluation order and stops at impure code in between', () => {
    const ctx = ctxFor('shutil.copyfileobj(open(a), open(b))\nx = open(a).read() + open(b).read()\n');
    const all = resources(ctx).map((call) => ({ call, spec: resourceOf(ctx, call)! }));
    const first = groupForWith(all.slice(0, 2), enclosingStatement(all[0]!.call)!);
    assert.deepEqual(first.group.map((u) => u.call.text), ['open(a)', 'open(b)']);
    const second = groupForWith(all.slice(2), enclosingStatement(all[2]!.call)!);
    assert.deepEqual(second.group.map((u) => u.call.text), ['open(a)']);
    assert.match(second.reasons.get(all[3]!.call.id) ?? '', /runs before it/);
  });

  // CPython 3.6 to 3.13: the function, then every positional and `*` argument in source order, then every
  // keyword and `**` argument in source order (`f(x=a(), *b())` runs `b()` first).
  test('every positional and `*` argument runs before the keyword and `**` ones, whatever the source order', () => {
    const why = (source: string): string | undefined => {
      const call = resources(ctxFor(source))[0]!;
      return notEvaluatedFirst(call, enclosingStatement(call)!);
    };
    assert.match(why('f(x=open(a).read(), *g())\n') ?? '', /`\*g\(\)` runs before it.*`\*` arguments before keyword arguments/);
    assert.match(why('f(1, x=open(a).read(), y=2, *rest)\n') ?? '', /`\*rest` runs before it/);
    assert.match(why('f(h, *[k], 2, x=1, y=open(a).read(), *m, **n)\n') ?? '', /`\*m` runs before it/);
    assert.equal(why('f(x=g(), *open(a).readlines())\n'), undefined);
    assert.equal(why('f(x=g(), y=h(), *open(a).readlines(), z=k())\n'), undefined);
    assert.equal(why('f(x=open(a).read(), y=g(), **kw)\n'), undefined);
    // Unpacking a list or tuple display runs no code: the order is not observable.
    assert.equal(why('f(x=open(a).read(), *[1, 2], *(3,), **{"z": 2})\n'), undefined);
    assert.match(why('f(x=open(a).read(), *[g()])\n') ?? '', /`\*\[g\(\)\]` runs before it/);
    // Source order, as before.
    assert.match(why('f(*g(), x=open(a).read())\n') ?? '', /`\*g\(\)` runs before it in this statement;/);
    assert.match(why('f(**kw, x=open(a).read())\n') ?? '', /`\*\*kw` runs before it/);
    assert.match(why('f(x=g(), y=open(a).read())\n') ?? '', /`x=g\(\)` runs before it/);
  });

  test('groupForWith takes the `*` argument\'s resource before the keyword written ahead of it', () => {
    const ctx = ctxFor('f(open(a), x=open(b), *open(c))\n');
    const all = resources(ctx).map((call) => ({ call, spec: resourceOf(ctx, call)! }));
    const { group, reasons } = groupForWith(all, enclosingStatement(all[0]!.call)!);
    assert.deepEqual(group.map((u) => u.call.text), ['open(a)', 'open(c)']);
    // Unpacking `open(c)` reads it, before `open(b)` runs.
    assert.match(reasons.get(all[1]!.call.id) ?? '', /`\*open\(c\)` runs before it/);
  });
});

describe('withHeaderLines', () => {
  const long = ['open("a-very-long-path-name-number-one.txt") as f', 'open("a-very-long-path-name-number-two.txt") as fh'];
  test('parenthesised only from 3.10, and only when too long', () => {
    assert.deepEqual(withHeaderLines(ctxFor('x\n', [3, 10]), ['open(a) as f', 'open(b) as fh'], ''), ['with open(a) as f, open(b) as fh:']);
    assert.deepEqual(withHeaderLines(ctxFor('x\n', [3, 9]), long, ''), [`with ${long.join(', ')}:`]);
    assert.deepEqual(withHeaderLines(ctxFor('x\n', [3, 10]), long, ''), ['with (', `    ${long[0]},`, `    ${long[1]},`, '):']);
  });
});

describe('explain examples', () => {
  for (const t of [openArgument, openLoop]) {
    test(`${t.id}: every example's after is what the transform writes`, () => {
      for (const ex of t.examples) {
        const before = `import json\nimport shutil\n${ex.before}`;
        const r = transformSource(before, { select: [t.id] });
        assert.equal(r.output, `import json\nimport shutil\n${ex.after}`);
      }
    });
  }
});

test('a unary operator over a name runs code (`__neg__`): `[-offset] + list(open(p))` is not fixed, `[-1] + …` is', () => {
  const refused = transformSource('def main(p, offset):\n    for l in [-offset] + list(open(p)):\n        print(l)\n    pair = (~offset, open(p).read())\n', { select: ['open-loop', 'open-chain'] });
  assert.equal(refused.fixesApplied, 0);
  assert.deepEqual(refused.findings.map((f) => f.reason), ['`[-offset]` runs before it in this statement; a `with` header would run it first', '`~offset` runs before it in this statement; a `with` header would run it first']);
  const fixed = transformSource('def main(p):\n    for l in [-1] + list(open(p)):\n        print(l)\n', { select: ['open-loop'] });
  assert.equal(fixed.fixesApplied, 1);
});

test('a generator expression kept by a lazy consumer is reported as read lazily; one over files it hands out, as handing them out', () => {
  const r = transformSource('def f(p, q):\n    files = list(fh for fh in [open(p), open(q)])\n    a = map(str.strip, (l for l in open(p)))\n    return files, a\n', { select: ['open-loop'] });
  const reasons = r.findings.map((f) => f.reason ?? '');
  assert.equal(reasons.length, 3);
  assert.match(reasons[0]!, /^the file itself is a value the loop hands out \(`\[open\(p\), open\(q\)\]`\)/);
  assert.match(reasons[1]!, /^the file itself is a value the loop hands out/);
  assert.match(reasons[2]!, /^a generator expression reads the file lazily, after this statement \(`a = map\(str\.strip, \(l for l in open\(p\)\)\)` keeps it\)/);
});

test("open-loop's recursion check: a keyword's name, another object's method and a @staticmethod's first parameter are no call of the function itself", () => {
  const src =
    'def include(path):\n    n = 0\n    for line in open(path).readlines():\n        n += len(dict(include=line))\n    return n\n\n\n' +
    'class Loader:\n    def load(self, path):\n        n = 0\n        for line in open(path).readlines():\n            n += self.parser.load(line)\n        return n\n\n' +
    '    @staticmethod\n    def scan(parser, path):\n        n = 0\n        for line in open(path).readlines():\n            n += parser.scan(line)\n        return n\n';
  assert.equal(transformSource(src, { select: ['open-loop'] }).fixesApplied, 3);
});

test("open-loop's recursion check: a name the function binds itself, or a lambda's parameter, is no mention of the function", () => {
  const src =
    'def include(path):\n    n = 0\n    for line in open(path).readlines():\n        include = line.strip()\n        n += len(include)\n    return n\n\n\n' +
    'def walk(path):\n    n = 0\n    for line in open(path).readlines():\n        n += (lambda walk: walk + 1)(len(line))\n    return n\n';
  assert.equal(transformSource(src, { select: ['open-loop'] }).fixesApplied, 2);
});

describe('yield from (open-loop)', () => {
  const all = (text: string, target?: PythonVersion) =>
    transformSource(text, { select: ['open-chain', 'open-argument', 'open-loop'], ...(target ? { targetVersion: target } : {}) });

  test('`yield from csv.reader(open(p))` is open-loop\'s alone: fixed, not reported by WFY102 as read lazily after the statement', () => {
    const r = all('import csv\n\n\ndef rows(p):\n    yield from csv.reader(open(p))\n');
    assert.deepEqual(r.findings.map((f) => [f.code, f.reason]), [['WFY103', undefined]]);
    assert.equal(r.output, 'import csv\n\n\ndef rows(p):\n    with open(p) as f:\n        yield from csv.reader(f)\n');
    assert.equal(all(r.output).output, r.output);
  });

  test('`yield from open(p)` is fixed; an eager read yielded from is reported by WFY103 alone, with the reason a loop whose body yields has', () => {
    const r = all('def lines(p):\n    yield from open(p)\n\n\ndef read(p):\n    yield from open(p).readlines()\n\n\ndef loop(p):\n    for l in open(p).readlines():\n        yield l\n');
    assert.equal(r.output.split('\n').slice(0, 4).join('\n'), 'def lines(p):\n    with open(p) as f:\n        yield from f\n');
    const left = r.findings.filter((f) => f.reason !== undefined);
    assert.deepEqual(left.map((f) => f.code), ['WFY103', 'WFY103']);
    assert.match(left[0]!.reason!, /^`yield from` suspends the generator at each item: `\.readlines\(\)` has read everything, but a `with` around the statement would keep the file open while the generator is suspended$/);
    assert.match(left[1]!.reason!, /^the loop body yields: `\.readlines\(\)` has read everything/);
  });

  test('a `yield from` whose value is used is left alone', () => {
    const r = all('def g(p):\n    x = yield from open(p)\n    return (yield from open(p))\n');
    assert.deepEqual(r.findings, []);
  });

  test('refused where Python refuses `yield` (a class body, an async def): reported, nothing written', () => {
    const r = all('class C:\n    yield from open(p)\n\n\nasync def g(p):\n    yield from open(p)\n');
    assert.equal(r.fixesApplied, 0);
    assert.deepEqual(r.findings.map((f) => f.reason), ['in a class body: the `as` name would become a class attribute', '`yield from` in an `async def` is a syntax error']);
  });

  test('two resources share one header, parenthesised only from target 3.10 when too long', () => {
    const src = 'def pairs(expected_output_path, actual_output_path):\n    yield from zip(open(expected_output_path, encoding="utf-8"), open(actual_output_path, encoding="utf-8"))\n';
    assert.match(all(src, [3, 8]).output, /^    with open\(expected_output_path, encoding="utf-8"\) as f, open\(actual_output_path, encoding="utf-8"\) as fh:\n        yield from zip\(f, fh\)\n$/m);
    assert.match(all(src, [3, 10]).output, /^    with \(\n        open\(expected_output_path, encoding="utf-8"\) as f,\n        open\(actual_output_path, encoding="utf-8"\) as fh,\n    \):\n        yield from zip\(f, fh\)\n$/m);
  });

  test('order of evaluation, laziness and fresh names as for a loop\'s iterable', () => {
    const r = all('import itertools\n\n\ndef g(p, c, f):\n    yield from itertools.chain(head(), open(p))\n    yield from open(p) if c else []\n    yield from open(p)\n    yield f\n');
    assert.deepEqual(r.findings.map((f) => f.reason ?? 'fixed'), ['`head()` runs before it in this statement; a `with` header would run it first', 'inside a conditional expression: it may not run at all', 'fixed']);
    assert.match(r.output, /^    with open\(p\) as fh:\n        yield from fh\n    yield f\n/m);
  });
});
