// pathlib-read-write (WFY106, unsafe): where no `with` block can be put around the statement, a
// one-shot read or write becomes a pathlib call that opens and closes the file itself:
//     key = lambda p: open(p).read()         →   key = lambda p: Path(p).read_text()
//     ok = done or open(p, "wb").write(b)    →   ok = done or Path(p).write_bytes(b)
import { versionAtLeast } from '../src/options.js';
import { RESOURCE_CALL_NAMES, RESOURCE_TRIGGERS } from '../src/python/resources.js';
import type { FileContext, Finding, SyntaxNode, Transform } from '../src/types.js';
import { planImportedName, replaceNode } from '../src/python/edits.js';
import { isPure } from '../src/python/evaluation.js';
import { escapeRegExp } from '../src/python/text.js';
import { boundToDescriptor, makesDescriptor } from '../src/python/resource-flow.js';
import { isExtra, selfDocumentingReason } from '../src/python/statements.js';
import { unfixableChains, type ChainMatch } from './open-chain.js';

const ID = 'pathlib-read-write';
const CODE = 'WFY106';

/** Only these behave like `Path.open`: same arguments, same defaults. */
const OPEN_CALLS = new Set(['builtins.open', 'io.open']);

type Target = 'read_text' | 'read_bytes' | 'write_text' | 'write_bytes';

/** The keywords `open()` and the pathlib method share; `newline` only from the version that has it. */
const SHARED_KEYWORDS = new Set(['mode', 'encoding', 'errors', 'newline']);
const NEWLINE_SINCE: Record<Target, readonly [number, number] | undefined> = {
  read_text: [3, 13],
  write_text: [3, 10],
  read_bytes: undefined,
  write_bytes: undefined,
};

interface OpenArgs {
  file: SyntaxNode;
  mode: string;
  /** `encoding=…`, `errors=…`, `newline=…` in source order. */
  keywords: SyntaxNode[];
}

/** The value of a plain string literal (`"rb"`, `'w'`), or `undefined` for anything else. */
function literalText(node: SyntaxNode): string | undefined {
  // Ex) `open(p, f"{m}b")`, `open(p, b"r")`, `open(p, mode)`: not known here
  const m = /^[rRuU]?(['"])([A-Za-z+]*)\1$/.exec(node.text);
  return node.type === 'string' && m ? m[2] : undefined;
}

/** The `open()` arguments, or why they do not map onto a pathlib call. */
function readOpenArgs(ctx: FileContext, call: SyntaxNode): OpenArgs | string {
  const args = call.childForFieldName('arguments');
  if (!args || args.type !== 'argument_list') return 'the call has no plain argument list';
  const positional: SyntaxNode[] = [];
  const keywords: SyntaxNode[] = [];
  let modeNode: SyntaxNode | undefined;
  for (const a of args.namedChildren) {
    if (isExtra(a)) continue;
    if (a.type === 'keyword_argument') {
      const name = a.childForFieldName('name')?.text ?? '';
      // Ex) `open(p, buffering=0)`, `open(fd, closefd=False)`, `open(p, opener=o)`, `open(file=p)`
      if (!SHARED_KEYWORDS.has(name)) return `\`${name}=\` has no pathlib counterpart`;
      // Ex) `open(p, "r", mode="rb")`, `open(p, encoding="a", encoding="b")`: a TypeError (or a SyntaxError) as written
      if ((name === 'mode' && modeNode) || keywords.some((k) => k.childForFieldName('name')?.text === name)) return `\`${name}=\` is given twice`;
      if (name === 'mode') modeNode = a.childForFieldName('value') ?? undefined;
      else keywords.push(a);
      continue;
    }
    // Ex) `open(*args)`, `open(**kw)`
    if (a.type === 'list_splat' || a.type === 'dictionary_splat') return 'arguments unpacked with `*`/`**` cannot be checked';
    if (keywords.length || modeNode) return 'a positional argument after keywords';
    positional.push(a);
  }
  // Ex) `open(p, "r", 1)`: buffering (and everything after it) has no pathlib counterpart
  if (positional.length > 2) return '`buffering` has no pathlib counterpart';
  const file = positional[0];
  if (!file) return 'no file argument';
  // Ex) `open(0).read()` (a file descriptor), `open(b"p").read()`, `open(b"out/" b"t.txt")`: `Path()` takes neither
  const bytesLiteral = (n: SyntaxNode) => n.type === 'string' && /^(?:[rR]?[bB]|[bB][rR])['"]/.test(n.text);
  if (file.type === 'integer' || bytesLiteral(file) || (file.type === 'concatenated_string' && file.namedChildren.some(bytesLiteral))) {
    return '`Path()` takes neither a file descriptor nor a bytes path';
  }
  // Ex) `open(os.fsencode(p))`, `open(name.encode())`, `open(bytes(p))`, `open(b"out/" + name)`, `open(s.fd)`,
  // `open(fd)` after `fd = os.open(…)`, `open(handle)` after `handle, path = mkstemp()`, `open(os.dup(1), "w")`,
  // `open(int(s))`: bytes or a descriptor
  const hasBytesLiteral = file.type !== 'string' && [file, ...file.descendantsOfType('string')].some(bytesLiteral);
  if (
    /(?:\bfsencode|\.encode|\bbytes|\bos\.open|\bfileno|\bmkstemp)\s*\(/.test(file.text) ||
    makesDescriptor(ctx, file) ||
    hasBytesLiteral ||
    /^(?:fd|fileno|desc)\w*$/.test(file.text) ||
    // Ex) `self._fd`, `out_fd`, `fd_out`, `self._handle`: named like one, the last part of the name
    (/^[\w.]+$/.test(file.text) && /(?:^|_)(?:fds?|fileno|fdesc|desc|handle)(?:_|\d|$)|fds?\d*$/i.test(file.text.split('.').pop()!)) ||
    boundToDescriptor(ctx, file) ||
    boundFromDescriptorText(ctx, file) ||
    // Ex) `open(fds[1], "w")` after `fds = os.pipe()`, `open(TMP[0])` after `TMP = mkstemp()`, `open(self.pipe[1])`: an
    // item of one
    (file.type === 'subscript' && itemOfDescriptors(ctx, file.childForFieldName('value')))
  ) {
    return '`Path()` takes neither a file descriptor nor a bytes path, and this may be either';
  }
  // Ex) `open(p, "r", mode="rb")`: TypeError, "given by name and position"
  if (positional[1] && modeNode) return 'the mode is given by position and by name';
  if (positional[1]) modeNode = positional[1];
  let mode = 'r';
  if (modeNode) {
    const m = literalText(modeNode);
    if (m === undefined) return 'the mode is not a string literal';
    mode = m;
  }
  return { file, mode, keywords };
}

/** Text that makes descriptors: `os.pipe()`, `mkstemp()`, `os.openpty()`, `x.fileno()`, `os.open(…)`. */
const MAKES_DESCRIPTOR_TEXT = /\b(?:mkstemp|fileno|dup2?|pipe2?|openpty|memfd_create|eventfd|socketpair|os\.open)\s*\(/;

/**
 * True when `value` (what a subscript file argument indexes) may hold descriptors: named so (`fds`, `pipe`, `pty`,
 * the last part of a dotted name), bound from text that makes them, or an attribute the file assigns such text to
 * (`self.pipe = os.pipe()`).
 */
function itemOfDescriptors(ctx: FileContext, value: SyntaxNode | null): boolean {
  if (!value || !/^[\w.]+$/.test(value.text)) return false;
  const last = value.text.split('.').pop()!;
  if (/(?:^|_)(?:fds?|pipes?|ptys?|fileno|desc|handles?)(?:_|\d|$)|fds?\d*$/i.test(last)) return true;
  if (value.type === 'identifier') return boundToDescriptor(ctx, value) || boundFromDescriptorText(ctx, value);
  const assigned = new RegExp(`\\.${escapeRegExp(last)}[ \\t]*=[^=\\n][^\\n]*`, 'g');
  return [...ctx.source.matchAll(assigned)].some((m) => MAKES_DESCRIPTOR_TEXT.test(m[0]));
}

/**
 * True when a name the file argument reads is bound, in its scope or the module's, from text that makes or names a
 * descriptor: `out = tempfile.mkstemp()[0]`, `fd = os.open(p, …)[…]`, `LOG = 2` (an integer).
 */
function boundFromDescriptorText(ctx: FileContext, file: SyntaxNode): boolean {
  if (file.type !== 'identifier') return false;
  const r = ctx.names.resolve(file.text, file);
  if (r.kind !== 'local') return false;
  return r.bindings.some((b) => {
    const asg = b.node.parent?.type === 'assignment' ? b.node.parent : b.node.type === 'assignment' ? b.node : undefined;
    const right = asg?.childForFieldName('right');
    return !!right && (MAKES_DESCRIPTOR_TEXT.test(right.text) || /^-?\s*\d+$/.test(right.text.trim()));
  });
}

/** The pathlib method a mode and a file method map onto, or why there is none. */
function targetFor(mode: string, method: string): Target | string {
  const chars = [...mode].sort().join('');
  // Ex) `open(p, "a").write(s)`: appending has no pathlib method; `"r+"`, `"x"` neither
  // (An empty mode is no default: `open(p, "")` raises ValueError.)
  const kind = ({ r: 'r', rt: 'r', br: 'rb', w: 'w', tw: 'w', bw: 'wb' } as Record<string, string>)[chars];
  if (!kind) return `mode "${mode}" has no pathlib counterpart (only "r", "rb", "w", "wb")`;
  if (method === 'read') return kind === 'r' ? 'read_text' : kind === 'rb' ? 'read_bytes' : `\`.read()\` on a file opened with "${mode}" fails`;
  if (method === 'write') return kind === 'w' ? 'write_text' : kind === 'wb' ? 'write_bytes' : `\`.write()\` on a file opened with "${mode}" fails`;
  return `\`.${method}()\` has no pathlib counterpart (only \`read()\` and \`write(data)\`)`;
}

interface PathCall {
  /** `Path(p).read_text(encoding="utf-8")`, with `Path` as the file names it. */
  text: string;
  display: string;
  edits: ReturnType<typeof replaceNode>[];
}

function planPathCall(ctx: FileContext, m: ChainMatch): PathCall | string {
  // Ex) `f"{open(p).read()=}"` prints the call's own text
  const printed = selfDocumentingReason(m.use);
  if (printed) return printed;
  // Ex) `--target-version 3.4`: pathlib came in 3.4, `read_text()`/`write_text()` in 3.5
  if (!versionAtLeast(ctx.target, [3, 5])) return `\`Path.read_text()\`/\`write_text()\` need Python 3.5; the target is ${ctx.target.join('.')}`;
  const open = readOpenArgs(ctx, m.resource);
  if (typeof open === 'string') return open;
  const target = targetFor(open.mode, m.method);
  if (target.includes(' ')) return target;
  const t = target as Target;
  const binary = t.endsWith('_bytes');
  if (binary && open.keywords.length) return 'a binary mode with `encoding`/`errors`/`newline` fails in `open()`';
  const since = NEWLINE_SINCE[t];
  const hasNewline = open.keywords.some((k) => k.childForFieldName('name')?.text === 'newline');
  if (hasNewline && (!since || !versionAtLeast(ctx.target, since))) {
    return since ? `\`${t}(newline=)\` needs Python ${since.join('.')}; the target is ${ctx.target.join('.')}` : `\`${t}()\` takes no \`newline\``;
  }
  const useArgs = m.use.childForFieldName('arguments');
  const data = useArgs?.namedChildren.filter((c) => !isExtra(c)) ?? [];
  let dataText: string[] = [];
  // `Path(p).read_text(encoding=e())` converts `p` (`__fspath__`, a `TypeError` for `None`) before `e()` runs;
  // `open(p, encoding=e())` after it
  const impure = open.keywords.find((k) => !isPure(k.childForFieldName('value') ?? k));
  // (For a read, only a keyword that visibly runs code: `encoding=enc or "utf-8"`, `cfg["enc"]` are read as before)
  const runsCode = open.keywords.find((k) => {
    const v = k.childForFieldName('value') ?? k;
    return v.type === 'call' || v.type === 'await' || v.descendantsOfType(['call', 'await', 'yield', 'named_expression']).length > 0;
  });
  if (m.method === 'read') {
    // Ex) `open(p).read(100)`: a partial read
    if (data.length) return '`.read(n)` reads part of the file; `read_text()` reads all of it';
    const impure = runsCode;
    if (impure) return `\`Path(${open.file.text})\` would take the path before \`${impure.text}\` runs instead of after it`;
  } else {
    // Ex) `open(p, "w").write(*chunks)`, `.write(s, extra)`
    if (data.length !== 1 || data[0]!.type === 'list_splat' || data[0]!.type === 'keyword_argument') return '`.write()` is not given exactly one plain argument';
    // `write_text(data, encoding=e)` evaluates `data` before `e`; `open(p, encoding=e).write(data)` after.
    if (impure) return `\`${impure.text}\` would run after the data instead of before it`;
    dataText = [data[0]!.text];
  }
  // Ex) a comment inside the call would be lost with the parts of the call that are rebuilt
  const kept = [open.file, ...open.keywords, ...data];
  const lost = m.use.descendantsOfType('comment').find((c) => !kept.some((k) => k.startIndex <= c.startIndex && c.endIndex <= k.endIndex));
  if (lost) return 'a comment inside the call would be lost';
  const path = planImportedName(ctx, m.use, 'pathlib', 'Path', 'from');
  if (typeof path === 'string') return path;
  const args = [...dataText, ...open.keywords.map((k) => k.text)].join(', ');
  const text = `${path.text}(${open.file.text}).${t}(${args})`;
  return { text, display: `${path.text}(...).${t}()`, edits: [replaceNode(m.use, text), ...path.edits] };
}

function check(ctx: FileContext): Finding[] {
  if (!/\bopen\b/.test(ctx.source)) return [];
  const findings: Finding[] = [];
  // Ex) `text = open(p).read()`: open-chain puts it in a `with`, which keeps every meaning
  for (const { m, reason: blocked } of unfixableChains(ctx)) {
    if (!OPEN_CALLS.has(m.spec.name) || (m.method !== 'read' && m.method !== 'write')) continue;
    const plan = planPathCall(ctx, m);
    // Ex) `lambda: open(p, "a").write(s)`: open-chain already reports it, with its reason
    if (typeof plan === 'string') continue;
    const callee = m.resource.childForFieldName('function')?.text ?? 'open';
    findings.push({
      id: ID,
      code: CODE,
      message: `\`${callee}(...).${m.method}()\` cannot be given a \`with\` (${blocked}); \`${plan.display}\` closes the file itself`,
      start: m.use.startIndex,
      end: m.use.endIndex,
      fix: { title: `Use \`${plan.display}\``, applicability: 'unsafe', edits: plan.edits },
    });
  }
  return findings;
}

export const pathlibReadWrite: Transform = {
  id: ID,
  code: CODE,
  summary: 'A one-shot `open(p).read()`/`open(p, "w").write(s)` where no `with` fits: use `Path(p).read_text()`/`write_text(s)`.',
  fixTitle: 'Replace it with `Path(p).read_text()` / `read_bytes()` / `write_text(s)` / `write_bytes(b)`',
  safety: 'unsafe',
  doc: {
    whatItDoes:
      'Finds `open(p).read()` and `open(p, "w").write(s)` (also `"rb"`/`"wb"`, `io.open`) in the places where ' +
      'open-chain cannot introduce a `with` block: a lambda, a comprehension, a conditional expression, the ' +
      'right operand of `and`/`or`, an `if`/`while` condition, a default argument value, a decorator, an ' +
      '`assert`, a class body. It rewrites the call to `Path(p).read_text()`, `read_bytes()`, `write_text(s)` ' +
      'or `write_bytes(b)`, which open and close the file inside the call. `encoding=`, `errors=` and ' +
      '`newline=` are carried over (`write_text(newline=)` needs 3.10, `read_text(newline=)` 3.13). `Path` is ' +
      'taken from an existing `from pathlib import Path [as P]` or `import pathlib`; otherwise ' +
      '`from pathlib import Path` is added after the module docstring and `__future__` imports.',
    whyItBreaksOnPyPy:
      'CPython closes the file as soon as the expression drops it; PyPy closes it when the garbage collector ' +
      'runs. A write is not flushed when the next line reads the file back, and opening files in a loop ' +
      'runs out of file descriptors.',
    fixSafety:
      'Unsafe (applied with `--unsafe-fixes`): `Path(p)` accepts only str and os.PathLike, where `open()` also ' +
      'takes a file descriptor (an int) or a bytes path; and `write_text(s)` evaluates `s` before it opens ' +
      '(and truncates) the file, where `open(p, "w").write(s)` truncates first, so an `s` that reads the same ' +
      'file or raises sees a different file, as does data of the wrong type (`write_text(123)` raises before ' +
      'opening, `open(p, "w").write(123)` after truncating). Return values are the same (`write` and ' +
      '`write_text` both return the number of characters written). `Path.read_text()`/`write_text()` do not call ' +
      '`builtins.open`: a test patching it (`mock_open`) in another module no longer intercepts them; and on PyPy an ' +
      '`OSError` they raise names the `PosixPath`, not the string. Only argument sets with the same meaning are rewritten: a literal ' +
      'mode of "r", "rt", "rb", "w", "wt" or "wb" and the keywords `encoding`, `errors`, `newline`.',
    notFlagged:
      'Chains open-chain fixes with a `with` (`text = open(p).read()` as a statement of its own). Left to ' +
      'open-chain\'s report: append and update modes ("a", "r+", "x"), `buffering`, `closefd`, `opener`, a mode ' +
      'that is not a string literal, `read(n)`, `readlines()` and other methods, a file descriptor or bytes ' +
      'path, `*args`, a comment inside the call, and files where both `Path` and `pathlib` are already names ' +
      'for something else.',
  },
  examples: [
    { before: 'load = lambda p: open(p).read()\n', after: 'from pathlib import Path\nload = lambda p: Path(p).read_text()\n' },
    {
      before: 'import pathlib\nblobs = [open(p, "rb").read() for p in paths]\n',
      after: 'import pathlib\nblobs = [pathlib.Path(p).read_bytes() for p in paths]\n',
    },
    {
      before: 'ok = dry_run or open(out, "w", encoding="utf-8").write(text)\n',
      after: 'from pathlib import Path\nok = dry_run or Path(out).write_text(text, encoding="utf-8")\n',
    },
  ],
  check,
  triggers: RESOURCE_TRIGGERS,
  anchors: RESOURCE_CALL_NAMES,
  anchorsSuffice: true,
  anchorsAreCallees: true,
  calleesResolveByName: true,
};
