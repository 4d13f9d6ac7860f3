// Generated generators with a pending `finally`, whose code calls nothing: whether closing them can raise
// is all in their code, so generator-close's verdict (an unsafe fix where the code shows that `close()`
// may raise, `closeRaisesReason`) can be checked against CPython. Each generator is advanced to every one
// of its suspension points in turn, for both values of `flag`, and closed there. Where any of those
// closes raises, the fix must be unsafe; where none does and withify says unsafe, the verdict was
// cautious (counted, not failed: a static look cannot follow `flag`).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { transformSource } from '../src/api.js';
import { CPYTHON, seededRandom } from './helpers.js';

/** Statements of a generator body, `depth` blocks deep. */
function body(rnd: () => number, n: number, depth: number, inLoop: boolean, earlier: number, isAsync = false): string[] {
  const out: string[] = [];
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const inner = (loop: boolean) => body(rnd, 1 + Math.floor(rnd() * 2), depth + 1, loop, earlier, isAsync).map((l) => `    ${l}`);
  for (let k = 0; k < n; k++) {
    const r = rnd();
    if (r < 0.3 || depth >= 3) out.push(`yield ${Math.floor(rnd() * 10)}`);
    else if (r < 0.45) {
      const fin = pick(['pass', 'raise ValueError("fin")', 'yield 9', 'log.append("fin")', 'try:\n    raise ValueError()\nexcept ValueError:\n    pass', 'if flag:\n    raise KeyError("fin")']);
      out.push('try:', ...inner(inLoop), 'finally:', ...fin.split('\n').map((l) => `    ${l}`));
    } else if (r < 0.65) {
      const caught = pick(['GeneratorExit', 'BaseException', '', 'Exception', '(OSError, GeneratorExit)', 'ValueError']);
      const handler = pick(['pass', 'raise', 'raise KeyError("h")', 'yield 7', 'return', 'log.append("h")']);
      out.push('try:', ...inner(inLoop), `except${caught ? ` ${caught}` : ''}:`, `    ${handler}`);
    } else if (r < 0.75) out.push('for _ in range(2):', ...inner(true));
    else if (r < 0.85) out.push('if flag:', ...inner(inLoop));
    else if (r < 0.88) out.push('return');
    // Delegation to an earlier generator: `yield from` passes its close on (and what that raises); a loop
    // that yields drops it, and CPython only prints what its close raises.
    else if (r < 0.92 && earlier > 0) {
      const j = Math.floor(rnd() * earlier);
      // (An async generator has no `yield from`: it delegates by a loop.)
      out.push(...(isAsync ? [`async for v in g${j}(flag):`, '    yield v'] : rnd() < 0.5 ? [`yield from g${j}(flag)`] : [`for v in g${j}(flag):`, '    yield v']));
    }
    else if (r < 0.95) out.push(pick(['raise OSError("after")', 'log.append("x")']));
    else if (inLoop) out.push(pick(['break', 'continue']));
    else out.push('log.append("y")');
  }
  return out;
}

function program(seed: number, count: number, isAsync = false): string {
  const rnd = seededRandom(seed);
  const a = isAsync ? 'async ' : '';
  const defs: string[] = [];
  for (let k = 0; k < count; k++) {
    // The outer try/finally around a first yield: every generator holds cleanup, so withify indexes it.
    const lines = ['try:', '    yield 0', ...body(rnd, 2 + Math.floor(rnd() * 3), 1, false, k, isAsync).map((l) => `    ${l}`), 'finally:', '    log.append("done")'];
    defs.push(`${a}def g${k}(flag):\n${lines.map((l) => `    ${l}`).join('\n')}\n\n\n${a}def use${k}(flag):\n    ${a}for x in g${k}(flag):\n        break\n`);
  }
  return `log = []\n\n\n${defs.join('\n\n')}`;
}

/** Per generator, whether closing it at some suspension point (for some `flag`) raised, under CPython. */
function closeRaisesSomewhere(source: string, count: number, isAsync = false): boolean[] {
  // One driver for both kinds: an async generator is advanced with `await g.__anext__()` and closed with
  // `await g.aclose()`, inside a coroutine asyncio runs.
  const [step, close] = isAsync ? ['await g.__anext__()', 'await g.aclose()'] : ['next(g)', 'g.close()'];
  const driver = `
${isAsync ? 'async ' : ''}def main():
    out = []
    for k in range(${count}):
        raised = False
        for flag in (True, False):
            for stop in range(1, 12):
                g = globals()["g%d" % k](flag)
                try:
                    for _ in range(stop):
                        ${step}
                except BaseException:
                    break
                try:
                    ${close}
                except BaseException:
                    raised = True
        out.append(raised)
    print(out)
${isAsync ? 'import asyncio\nasyncio.run(main())' : 'main()'}
`;
  const r = spawnSync(CPYTHON, ['-c', `${source}\n${driver}`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.replaceAll('True', 'true').replaceAll('False', 'false')) as boolean[];
}

/** Returns [generators checked, cautious verdicts]. Fails on a close that raised where withify said safe. */
export function checkCloseVerdicts(seeds: readonly number[], count: number, isAsync = false): [number, number] {
  let checked = 0;
  let cautious = 0;
  for (const seed of seeds) {
    const source = program(seed, count, isAsync);
    const raised = closeRaisesSomewhere(source, count, isAsync);
    const r = transformSource(source, { select: ['generator-close'], path: 'p.py' });
    const lines = source.split('\n');
    const verdict = new Map<number, string>();
    for (const f of r.findings) {
      const m = /^ {4}(?:async )?for x in g(\d+)\(flag\):$/.exec(lines[f.location.line - 1]!);
      if (m && /^(?:async )?def use/.test(lines[f.location.line - 2]!)) verdict.set(Number(m[1]), f.fixStatus);
    }
    const misses: string[] = [];
    for (let k = 0; k < count; k++) {
      const v = verdict.get(k);
      assert.ok(v === 'fixable' || v === 'unsafe', `seed ${seed}: g${k}: no finding for its use (${v})`);
      checked++;
      if (raised[k] && v !== 'unsafe') misses.push(source.slice(source.indexOf(`def g${k}(`), source.indexOf(`def use${k}(`)).trim());
      if (!raised[k] && v === 'unsafe') cautious++;
    }
    assert.deepEqual(misses, [], `seed ${seed}: closing these raised under CPython, and withify called the fix safe`);
  }
  return [checked, cautious];
}

test('generated generators: where closing one can raise under CPython, its fix is unsafe', () => {
  const [checked, cautious] = checkCloseVerdicts([1, 2, 3, 4], 50);
  assert.equal(checked, 200);
  // Most verdicts follow what CPython does: a cautious one is a `flag` branch the static look cannot follow.
  assert.ok(cautious < checked / 4, `${cautious} of ${checked} verdicts cautious`);
});

test('the same for async generators, closed with aclose()', () => {
  const [checked, cautious] = checkCloseVerdicts([5, 6], 50, true);
  assert.equal(checked, 100);
  assert.ok(cautious < checked / 4, `${cautious} of ${checked} verdicts cautious`);
});
