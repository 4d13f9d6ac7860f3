// Generated functions around a file bound to a name (`f = open(p, mode)`, `io.open`, `tempfile.TemporaryFile`):
// reads, writes and loops over it in branches, `for`/`while` loops with `break`/`continue`, `try`/`except`/
// `finally`, early returns (of the file, of data read, of nothing), closes by hand on some paths or all, `del f`,
// rebinding, aliases, stores in a list, a dict or an attribute, module-level helpers that only use the file
// (read_some, write_some, count_lines) or keep, return or close it (keep, give, shut), nested functions and lambdas
// reading it, `f.closed`/`f.name` after the block, and a helper that raises for some values of the argument. Each
// program runs for three arguments; everything it does is logged: data read, `f.closed`, exceptions by type, what
// the function returns, and the written files read back by a fresh open, both inside the function ("soft": the
// rewrite may only have flushed more, since WFY105's block ends at the last use, where CPython flushed at the drop)
// and in the driver at each drop point: with the result still held, after it is dropped, after the module's
// holders (KEPT, BOX, HOLD) are emptied and at the end ("hard": the same bytes, CPython's flush-on-drop kept).
// `withify fix` (safe, and with unsafe fixes) must keep every event, the output must compile, a second run must
// change nothing, and a share of the programs must get a fix (so refusing everything cannot pass).
// ASSIGN_FUZZ_SEED=<n> runs another seed (the default is fixed; ASSIGN_FUZZ_PROGRAMS=<n> more programs); a failure
// names the seed and program. It found three bugs, mended the day it was written (7 December): a file's data reordered
// around a function of the module given the same path, and around a write after a `try` whose handler took the
// exception the new `with` closed the file on, and a `with` held past `del f`.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { transformSource, type TransformSourceOptions } from '../src/api.js';
import { CPYTHON, Dice, seededRandom, tempDir } from './helpers.js';

/**
 * Shapes the generator leaves out because they show a withify bug that is not fixed yet. Delete an entry once its
 * bug is fixed: the generator makes those shapes again and the test covers them.
 */
export const KNOWN_BAD: ReadonlySet<string> = new Set<string>([
]);

/** `del f` as the generator writes it: while finding 3 stands, followed by a rebinding (reads after it are no uses). */
const DEL = (target: string): string[] => (KNOWN_BAD.has('finding-3-read-after-del') ? [`del ${target}`, 'f = None'] : [`del ${target}`]);

const SEED = Number(process.env.ASSIGN_FUZZ_SEED ?? 48);
const PROGRAMS = Number(process.env.ASSIGN_FUZZ_PROGRAMS ?? 240);

type Kind = 'r' | 'rb' | 'w' | 'a' | 'tmp';

const OPENS: Record<Kind, readonly string[]> = {
  r: ['open(A)', 'open(B, "r")', 'io.open(A)', 'open(A, encoding="utf-8")'],
  rb: ['open(B, "rb")', 'io.open(A, "rb")'],
  w: ['open(W, "w")', 'open(V, "w")', 'io.open(W, "w")'],
  a: ['open(W, "a")', 'open(V, "a")'],
  tmp: ['tempfile.TemporaryFile("w+")'],
};

const PRELUDE = `import io
import tempfile

A, B, W, V = "a.txt", "b.txt", "w.txt", "v.txt"
LOG = []
KEPT = []
BOX = {}


class Holder(object):
    pass


HOLD = Holder()


def N(x):
    if isinstance(x, (str, bytes, int, float, bool, type(None))):
        return x
    if isinstance(x, (list, tuple)):
        return [N(y) for y in x]
    if isinstance(x, io.IOBase):
        return ["file", x.closed]
    return type(x).__name__


def L(*xs):
    LOG.append(N(xs))


def peek(p):
    with open(p) as r:
        return r.read()


def read_some(h):
    return h.read(2)


def write_some(h, s):
    h.write(s)


def count_lines(h):
    n = 0
    for _ in h:
        n += 1
    return n


def keep(h):
    KEPT.append(h)


def give(h):
    return h


def shut(h):
    h.close()


def via(h):
    return read_some(h)


def keep_later(h):
    return lambda: h.closed


def read_then_close(h):
    d = h.read()
    h.close()
    return d


def maybe_close(h, flag):
    if flag == 1:
        h.close()


def lines_of(h):
    return (l for l in h)


def stash(h, bag):
    bag.append(h)


def rebinds(h):
    h = None
    return h


def append_to(p, s):
    with open(p, "a") as o:
        o.write(s)


def note(s):
    with open(W, "a") as o:
        o.write(s)


def boom(flag, at):
    if flag == at:
        raise ValueError("boom")
    return flag

`;

/** The batch runner: each source in a fresh namespace and directory, per argument, its events as JSON. */
const RUNNER = String.raw`
import gc, io, json, os, sys
gc.disable()
FILES = {"a.txt": "b.txt\nalpha\nbeta\n", "b.txt": "gamma\ndelta\n", "w.txt": "old\n", "v.txt": "old\n"}
def peek(p):
    with open(p) as r:
        return r.read()
def hard(tag):
    return ["hpeek", tag, peek("w.txt"), peek("v.txt")]
root = os.getcwd()
results = []
for i, src in enumerate(json.load(sys.stdin)):
    try:
        code = compile(src, "p.py", "exec", dont_inherit=True)
    except SyntaxError as e:
        results.append({"compile": "%s: %s" % (type(e).__name__, e)})
        continue
    runs = []
    for flag in (0, 1, 2):
        d = os.path.join(root, "%d-%d" % (i, flag))
        os.mkdir(d)
        os.chdir(d)
        for name, text in FILES.items():
            with open(name, "w") as out:
                out.write(text)
        # (print(..., file=f) with f = None prints here)
        sys.stdout = io.StringIO()
        ns = {"__name__": "p"}
        exec(code, ns)
        log = ns["LOG"]
        try:
            r = ns["fn"](flag)
            end = ["ok", ns["N"](r)]
        except Exception as e:
            r = None
            end = ["raise", type(e).__name__]
        log.append(["end"] + end)
        log.append(hard("held"))
        r = None
        log.append(hard("returned"))
        del ns["KEPT"][:]
        ns["BOX"].clear()
        ns["HOLD"].__dict__.clear()
        log.append(hard("dropped"))
        events = list(log)
        events.append(["stdout", sys.stdout.getvalue()])
        sys.stdout = sys.__stdout__
        ns.clear()
        gc.collect()
        events.append(hard("end"))
        runs.append(events)
        os.chdir(root)
    results.append({"compile": None, "runs": runs})
print(json.dumps(results, default=repr))
`;

class Gen extends Dice {
  /** Names bound on some path so far (uses of them may still fail: the same before and after). */
  private alias = false;
  private probe = false;
  private inner = false;
  private held = false;
  private lazy = false;
  /** A rebinding shape ran: later statements may call what it bound. */
  private bound = false;
  /** The close of `f` is in a `try` that catches: no other writer after it (finding 2). */
  private noWriterAfter = false;
  constructor(
    rnd: () => number,
    private readonly kind: Kind,
    /** Escapes and other shapes that block a fix are offered. */
    private readonly spicy: boolean,
  ) {
    super(rnd);
  }
  open(): string {
    return this.pick(OPENS[this.kind]);
  }
  get reads(): boolean {
    return this.kind === 'r' || this.kind === 'rb' || this.kind === 'tmp';
  }
  get writes(): boolean {
    return this.kind === 'w' || this.kind === 'a' || this.kind === 'tmp';
  }

  /** One statement using the file through `name`, without blocks. */
  use(name = 'f'): string[] {
    const ops: string[][] = [[`L("closed", ${name}.closed)`]];
    if (this.kind !== 'tmp') ops.push([`L("name", ${name}.name)`]);
    if (this.reads) {
      ops.push([`L("read", ${name}.read(3))`], [`L("h", read_some(${name}))`], [`${name}.seek(0)`], [`L("tell", ${name}.tell())`]);
      if (this.kind !== 'rb') ops.push([`L("line", ${name}.readline())`], [`data = ${name}.read()`, `L("data", data)`], [`L("n", count_lines(${name}))`], [`L("list", list(${name})[:1])`]);
    }
    if (this.writes) {
      ops.push(
        [`${name}.write("x%d\\n" % flag)`],
        [`${name}.write("y")`],
        [`print("p", flag, file=${name})`],
        [`${name}.writelines(["a\\n", "b\\n"])`],
        [`write_some(${name}, "h\\n")`],
        [`${name}.flush()`],
      );
    }
    if (this.kind === 'tmp') ops.push([`f.seek(0)`, `L("back", f.read())`]);
    return this.pick(ops);
  }

  /** A read of the written files by a fresh open: the rewrite may have flushed more here, never less. */
  softPeek(): string {
    return 'L("speek", peek(W), peek(V))';
  }

  /** Something that blocks a fix, or tests how far the `with` may reach. */
  spice(inLoop: boolean): string[] {
    const r = this.int(28);
    switch (r) {
      case 0:
        this.alias = true;
        return ['g = f'];
      case 1:
        return this.alias ? this.use('g') : ['g = f', 'L("same", g is f)'];
      case 2:
        this.held = true;
        return [this.pick(['KEPT.append(f)', 'BOX["f"] = f', 'HOLD.f = f', 'keep(f)'])];
      case 3:
        return this.pick([['h = give(f)', 'L("gave", h.closed)'], ['L("gave", give(f).closed)']]);
      case 4:
        return ['shut(f)'];
      case 5:
        this.inner = true;
        return ['def inner():', `    return ${this.pick(['f.closed', 'f.tell()', 'f.name'])}`, 'L("inner", inner())'];
      case 6:
        this.probe = true;
        return ['probe = lambda: f.closed', 'L("probe", probe())'];
      case 7:
        return ['f.close()'];
      case 8:
        return DEL('f');
      case 9:
        return ['f = None'];
      case 10:
        return [`f = ${this.open()}`];
      case 11:
        return ['return f'];
      case 12:
        return [`if flag == ${this.int(3)}:`, `    return ${this.pick(['f', 'None', '"early"', this.reads ? 'f.read(2)' : 'f.tell()'])}`];
      case 13:
        return ['with f:', ...this.use().map((l) => `    ${l}`)];
      case 14:
        return [`if flag == ${this.int(3)}:`, '    f.close()'];
      case 15:
        return inLoop ? [this.pick(['break', 'continue'])] : [`L("b", boom(flag, ${this.int(3)}))`];
      case 16:
        return ['def outer_use(h=f):', '    return h.closed', 'L("default", outer_use())'];
      case 17:
        return [`rows = ${this.pick(['iter(f)', 'enumerate(f)', 'map(str, f)'])}`, 'L("rows", type(rows).__name__)'];
      case 18:
        return ['L("held", HOLD.f.closed if hasattr(HOLD, "f") else None)'];
      case 19:
        return this.probe ? ['L("probe", probe())'] : ['L("probe", (lambda: f.closed)())'];
      case 20:
        return this.inner ? ['L("inner", inner())'] : [`f = ${this.open()}`, ...this.use()];
      case 21:
        return ['if flag:', '    del f', 'else:', ...this.use().map((l) => `    ${l}`)];
      case 22:
      case 23:
        return this.helperCall();
      default:
        return this.rebinding();
    }
  }

  /** Ways of binding, dropping or reaching the name other than `f = …` and `del f`. */
  rebinding(): string[] {
    const r = this.int(16);
    this.bound = true;
    switch (r) {
      case 0:
        return ['try:', `    L("b", boom(flag, ${this.int(3)}))`, 'except ValueError as f:', '    L("as", type(f).__name__)'];
      case 1:
        return ['L("comp", [f for f in "ab"])'];
      case 2:
        return ['L("walrus", (f := None))'];
      case 3:
        return ['f, x = None, 1'];
      case 4:
        return ['for f in (None,):', '    pass'];
      case 5:
        return ['with open(B) as f:', '    L("with", f.readline())'];
      case 6:
        return ['class K:', '    c = f.closed', 'L("class", K.c)'];
      case 7:
        return ['closer = f.close'];
      case 8:
        return ['closer = f.close', 'closer()'];
      case 9:
        return ['getattr(f, "close")()'];
      case 10:
        return ['buf = f.buffer', 'L("buf", buf.closed)'];
      case 11:
        return [`rl = f.${this.reads ? 'readline' : 'flush'}`];
      case 12:
        return ['probe = lambda h=f: h.closed'];
      case 13:
        return ['L("repr", repr(f)[:12])'];
      case 14:
        return DEL('(f)');
      default:
        return [`for f in [${this.open()}]:`, ...this.use().map((l) => `    ${l}`)];
    }
  }

  /** The file handed to a module-level helper that keeps, closes, wraps or only reads it. */
  helperCall(): string[] {
    const calls: string[][] = [
      ['probe2 = keep_later(f)', 'L("later", probe2())'],
      ['maybe_close(f, flag)'],
      ['L("rb", rebinds(f))'],
      ['bag = []', 'stash(f, bag)', 'L("bag", bag[0].closed)'],
      ['it = lines_of(f)'],
    ];
    if (this.reads) calls.push(['L("via", via(f))'], ['L("rtc", read_then_close(f))'], ['it = (l for l in f)'], ['rows = enumerate(f)']);
    this.lazy ||= true;
    return this.pick(calls);
  }

  /** Another writer of the same paths: the order the buffers reach the file must stay. */
  otherWriter(): string[] {
    return this.pick<string[]>([
      ['open(W, "a").write("o")'],
      ['note("n")'],
      ['o = open(W, "a")', 'o.write("o")'],
      ['with open(V, "a") as o:', '    o.write("w")'],
      ...(KNOWN_BAD.has('finding-1-path-to-writing-helper') ? [] : [['append_to(W, "z")'], ['append_to(V, "z")']]),
    ]);
  }

  /** A statement, maybe a block of statements `depth` deep. */
  stmt(depth: number, inLoop: boolean): string[] {
    const r = this.rnd();
    const sub = (n: number, loop: boolean) => this.block(n, depth + 1, loop).map((l) => `    ${l}`);
    if (r < 0.42 || depth >= 2) return this.use();
    if (r < 0.5) {
      const lines = [`if flag == ${this.int(3)}:`, ...sub(1 + this.int(2), inLoop)];
      return this.chance(0.6) ? [...lines, 'else:', ...sub(1 + this.int(2), inLoop)] : lines;
    }
    if (r < 0.57) {
      const exit = this.chance(0.5) ? [`    if i == flag:`, `        ${this.pick(['break', 'continue'])}`] : [];
      return ['for i in range(2):', ...exit, ...sub(1 + this.int(2), true)];
    }
    if (r < 0.6) return ['n = 0', 'while n < 2:', '    n += 1', ...sub(1 + this.int(2), true)];
    if (r < 0.68) {
      const body = this.chance(0.6) ? [`    L("b", boom(flag, ${this.int(3)}))`] : [];
      const lines = ['try:', ...sub(1, inLoop), ...body, ...sub(this.int(2), inLoop), 'except ValueError as e:', '    L("caught", type(e).__name__)'];
      return this.chance(0.3) ? [...lines, 'finally:', '    L("finally", f.closed)'] : lines;
    }
    if (r < 0.74) return [`L("b", boom(flag, ${this.int(3)}))`];
    if (r < 0.76) return [this.softPeek()];
    if (r < 0.78) return this.otherWriter();
    if (r < 0.83) return [`if flag == ${this.int(3)}:`, `    return ${this.pick(['', '"early"', this.reads ? 'f.read(1)' : 'f.closed'])}`.trimEnd()];
    if (this.spicy) return this.spice(inLoop);
    return this.use();
  }

  block(n: number, depth: number, inLoop: boolean): string[] {
    const out: string[] = [];
    for (let k = 0; k < n; k++) out.push(...this.stmt(depth, inLoop));
    return out;
  }

  /** How the function ends with the file: left open, closed by hand (everywhere, in branches, in a try), dropped. */
  ending(): string[] {
    const r = this.rnd();
    if (r < 0.3) return [];
    if (r < 0.58) return ['f.close()'];
    if (r < 0.68) return [`if flag == ${this.int(3)}:`, ...this.block(1 + this.int(2), 1, false).map((l) => `    ${l}`), '    f.close()', 'else:', ...this.block(this.int(2), 1, false).map((l) => `    ${l}`), '    f.close()'];
    if (r < 0.74) return [`if flag == ${this.int(3)}:`, '    f.close()'];
    if (r < 0.8) return this.pick([DEL('f'), ['f = None']]);
    if (r < 0.86) return [`return ${this.pick(['f', this.reads ? 'f.read(2)' : 'f.tell()', '"done"'])}`];
    if (r < 0.92) return ['for i in range(2):', '    if i == flag:', '        f.close()', '        break'];
    return ['with f:', ...this.use().map((l) => `    ${l}`)];
  }

  /** Statements after the would-be block: reads of `f` there, peeks, another raise. */
  post(): string[] {
    const out: string[] = [];
    for (let k = this.int(3); k > 0; k--) {
      out.push(
        ...this.pick<string[]>([
          [this.softPeek()],
          [this.softPeek()],
          ['L("after", f.closed)'],
          // (A TemporaryFile's name is its descriptor number, which an earlier close makes another)
          [this.kind === 'tmp' ? 'L("after", f.mode)' : 'L("after", f.name)'],
          [`L("b", boom(flag, ${this.int(3)}))`],
          ['L("post")'],
          ...(this.alias ? [['L("g", g.closed)']] : []),
          ...(this.probe ? [['L("probe", probe())']] : []),
          ...(this.held ? [['L("held", HOLD.f.closed if hasattr(HOLD, "f") else None)']] : []),
          ...(this.lazy ? [['L("lazy", list(it) if "it" in dir() else None)'], ['L("rows", list(rows) if "rows" in dir() else None)']] : []),
          ...(this.noWriterAfter ? [] : [this.otherWriter()]),
          ...(this.bound ? [['L("closer", closer() if "closer" in dir() else None)'], ['L("rl", rl() if "rl" in dir() else None)'], ['L("buf", buf.closed if "buf" in dir() else None)'], ['L("probe", probe() if "probe" in dir() else None)']] : []),
        ]),
      );
    }
    return out;
  }

  /** A function: the open, 1-4 statements, an ending, statements after it; or (chaotic) any sequence. */
  body(): string[] {
    const pre = this.spicy && this.chance(0.1) ? ['def early():', '    return f.closed'] : [];
    if (pre.length) this.inner = true;
    const lines = [`f = ${this.open()}`];
    if (this.chance(0.15)) {
      // The `try` right after the open holds the uses and the close
      this.noWriterAfter = KNOWN_BAD.has('finding-2-same-path-written-after-try');
      lines.push('try:', ...this.block(1 + this.int(3), 1, false).map((l) => `    ${l}`), '    f.close()', ...(this.chance(0.5) ? ['    L("closed-in-try")'] : []), `except ValueError as e:`, '    L("caught", type(e).__name__)');
      if (this.chance(0.3)) lines.push('finally:', `    L("finally", ${this.pick(['f.closed', '"f"'])})`);
    } else {
      lines.push(...this.block(1 + this.int(4), 0, false), ...this.ending());
    }
    const ind = (xs: string[]) => xs.map((l) => `    ${l}`);
    const c = this.rnd();
    if (c < 0.12) {
      // The next iteration may read the last one's file
      const prev = this.chance(0.4) ? ['if j:', '    L("prev", f.closed)'] : [];
      const exit = this.chance(0.4) ? ['if j == flag:', `    ${this.pick(['break', 'continue', 'return "loop"'])}`] : [];
      lines.splice(0, lines.length, 'for j in range(2):', ...ind([...prev, ...lines, ...exit]));
    } else if (c < 0.24) {
      this.noWriterAfter = KNOWN_BAD.has('finding-2-same-path-written-after-try');
      const handler = this.pick<string[]>([['L("handler", f.closed)'], ['L("handler", type(e).__name__)'], this.use(), ['L("handler", f.name)'], this.writes ? ['f.write("e")'] : ['L("handler", f.read(1))']]);
      const fin = this.chance(0.3) ? ['finally:', `    L("finally", ${this.pick(['f.closed', '"fin"'])})`] : [];
      lines.splice(0, lines.length, 'try:', ...ind(lines), 'except ValueError as e:', ...ind(handler), ...fin);
    } else if (c < 0.32) {
      const other = this.pick<string[]>([['else:', '    f = None'], ['else:', '    L("else")'], ['else:', '    f = open(B)', '    L("else", f.readline())']]);
      lines.splice(0, lines.length, `if flag != ${this.int(3)}:`, ...ind(lines), ...other);
    } else if (c < 0.38) {
      lines.splice(0, lines.length, 'with open(B) as other:', ...ind(lines), '    L("other", other.readline())');
    }
    lines.unshift(...pre);
    lines.push(...this.post());
    if (pre.length && this.chance(0.7)) lines.push('L("early", early())');
    if (this.chance(0.2)) lines.push(`return ${this.pick(['"end"', 'f', 'None'])}`);
    return lines;
  }
}

/** The program of `seed`: the helpers and one function `fn(flag)`. */
export function assignProgram(seed: number): string {
  const rnd = seededRandom(seed);
  rnd();
  const kind = (['r', 'r', 'rb', 'w', 'w', 'a', 'tmp'] as const)[Math.floor(rnd() * 7)]!;
  const g = new Gen(rnd, kind, rnd() < 0.5);
  const body = g.body();
  return `${PRELUDE}\ndef fn(flag):\n${body.map((l) => `    ${l}`).join('\n')}\n`;
}

type Event = unknown[];
interface Result {
  compile: string | null;
  runs?: Event[][];
}

function runBatch(dir: string, sources: readonly string[]): Result[] {
  const r = spawnSync(CPYTHON, ['-c', RUNNER], { cwd: dir, input: JSON.stringify(sources), encoding: 'utf8', timeout: 120_000, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, PYTHONHASHSEED: '0', PYTHONDONTWRITEBYTECODE: '1' } });
  if (r.status !== 0) throw new Error(`${CPYTHON} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Result[];
}

/**
 * Where `after` differs from `before`, or null. A soft peek (`speek`, inside the function) may show more of each
 * written file after the fix (it flushed at its block's end, CPython at the drop): before's text is a prefix of
 * after's, or after's is a state the original file reached later (another writer wrote in between).
 */
export function difference(before: Result, after: Result): string | null {
  if (after.compile !== null) return `the rewrite does not compile: ${after.compile}`;
  const b = before.runs!;
  const a = after.runs!;
  for (let flag = 0; flag < b.length; flag++) {
    const eb = b[flag]!;
    const ea = a[flag]!;
    for (let k = 0; k < Math.max(eb.length, ea.length); k++) {
      const x = eb[k];
      const y = ea[k];
      const same = JSON.stringify(x) === JSON.stringify(y);
      // A state of the file the original reached later (another writer wrote between: no longer a prefix)
      const later = (i: number, text: string) => eb.slice(k + 1).some((e) => (e[0] === 'speek' && e[i] === text) || (e[0] === 'hpeek' && e[i + 1] === text));
      const soft =
        Array.isArray(x) &&
        Array.isArray(y) &&
        x[0] === 'speek' &&
        y[0] === 'speek' &&
        [1, 2].every((i) => typeof x[i] === 'string' && typeof y[i] === 'string' && ((y[i] as string).startsWith(x[i] as string) || later(i, y[i] as string)));
      if (!same && !soft) {
        return `flag ${flag}, event ${k}: before ${JSON.stringify(x)}, after ${JSON.stringify(y)}\n  before: ${JSON.stringify(eb)}\n  after:  ${JSON.stringify(ea)}`;
      }
    }
  }
  return null;
}

interface Profile {
  name: string;
  options: TransformSourceOptions;
}

const PROFILES: Profile[] = [
  { name: 'safe', options: { path: 'p.py' } },
  { name: 'unsafe', options: { path: 'p.py', unsafeFixes: true } },
];

function fnOnly(source: string): string {
  return source.slice(source.indexOf('def fn(flag):'));
}

test('generated functions around a named file keep every event after the fix (CPython, safe and unsafe fixes)', () => {
  const dir = tempDir('withify-assignfuzz-');
  const seeds = Array.from({ length: PROGRAMS }, (_, i) => SEED * 1000 + i);
  const sources = seeds.map(assignProgram);
  const before = runBatch(dir, sources);
  before.forEach((r, i) => assert.equal(r.compile, null, `seed ${seeds[i]}: the generated program does not compile: ${r.compile}\n${fnOnly(sources[i]!)}`));
  for (const profile of PROFILES) {
    const outputs = sources.map((source, i) => {
      const r = transformSource(source, profile.options);
      assert.notEqual(r.status, 'failed', `${profile.name} seed ${seeds[i]}: ${r.reason}`);
      assert.equal(transformSource(r.output, profile.options).output, r.output, `${profile.name} seed ${seeds[i]}: a second run changes it\n${fnOnly(r.output)}`);
      return r;
    });
    const after = runBatch(tempDir('withify-assignfuzz-'), outputs.map((r) => r.output));
    const failures: string[] = [];
    for (let i = 0; i < sources.length; i++) {
      const d = difference(before[i]!, after[i]!);
      if (d) failures.push(`${profile.name}: ASSIGN_FUZZ_SEED=${SEED}, program seed ${seeds[i]}: ${d}\n--- before\n${fnOnly(sources[i]!)}--- after\n${fnOnly(outputs[i]!.output)}`);
    }
    assert.deepEqual(failures.slice(0, 3), [], `${failures.length} of ${sources.length} programs behave otherwise after the fix`);
    // A program counts when WFY104 or WFY105 fixed its file (not only open-chain's one-shot writes)
    const fixed = outputs.filter((r) => r.fixesApplied > 0 && r.findings.some((f) => (f.code === 'WFY104' || f.code === 'WFY105') && f.fixStatus !== 'none' && f.fixStatus !== 'display-only')).length;
    const byCode: Record<string, number> = {};
    for (const r of outputs) for (const f of r.findings) if (f.fixStatus !== 'none' && f.fixStatus !== 'display-only') byCode[f.code] = (byCode[f.code] ?? 0) + 1;
    if (process.env.ASSIGN_FUZZ_VERBOSE) console.log(profile.name, 'fixed programs', fixed, 'of', sources.length, byCode);
    // The programs are not all refused, so the comparison covers rewrites (measured: 37-38% of them at seeds 48, 7).
    assert.ok(fixed >= sources.length * 0.25, `${profile.name}: only ${fixed} of ${sources.length} programs got a fix`);
  }
});
