// The catalog of calls a resource can be handed to, in one place: which arguments take the resource and
// whether the call uses it up before returning (`eager`) or keeps it to read later (`lazy`).
//
// eager: the call reads or writes the whole resource and keeps no reference to it once it returns
//   (`json.load(fp)`, `list(it)`), so closing the resource at the end of the statement changes nothing.
// lazy: the call returns an object that still reads from the resource (`csv.reader(f)`, `map(fn, f)`,
//   `enumerate(f)`); closing it at the end of the statement would make that object read a closed file.
//   Such a use is fixable only when something eager (a loop, `list(...)`, a comprehension) consumes the
//   lazy object in the same statement. Each lazy entry yields data read from the resource, never the
//   resource itself or an iterator over it.
// generator: a generator function defined in the same file: lazy, and it may yield the resource itself,
//   so a use through it is always reported.
// A call in neither list is unknown: it may store the resource anywhere, so nothing is fixed through it.
// `itertools.tee` and `itertools.groupby` are left unknown on purpose: the items they yield are iterators
// that still read the resource, so a loop body could keep one past the end of a `with` around the loop.
//
// Both ways a resource reaches a call use this one list: straight as an argument (open-argument,
// open-loop, open-chain) and through a name (`f = open(p)` … `json.load(f)`: open-assign, open-assign-close).
// The builtins that only look at an object (`len`, `repr`, `isinstance`, …) and the calls taking a descriptor
// from `f.fileno()` are eager too: they keep no reference once they return.
//
// Names are qualified through imports (`calleeName`): `from json import load` and `import json as j`
// both match `json.load`; a local `def load` does not.
import type { FileContext, SyntaxNode } from '../types.js';
import { calleeName } from './imports.js';
import { functionOrModuleOf } from './scopes.js';
import { containsYield } from './evaluation.js';
import { isExtra, withItemOfPattern, withItemValue } from './statements.js';

/** `generator`: a generator function of this file; lazy, and what it yields is unknown (maybe the resource). */
export type ConsumerKind = 'eager' | 'lazy' | 'generator';

export interface ConsumerSpec {
  /** Qualified name, e.g. `json.load`; `str.join` for `"sep".join(...)`. */
  name: string;
  kind: ConsumerKind;
  /** Positional indexes that take the resource; `rest` means this index and every later one. */
  positions: readonly number[];
  rest?: number;
  /** Keyword names that take the resource. */
  keywords: readonly string[];
  /**
   * Lazy only: methods of the returned object that write or read through it and return data, called in the same
   * expression: `csv.writer(open(p, "w")).writerows(rows)` is done with the file when the statement ends.
   */
  doneBy?: ReadonlySet<string>;
  /**
   * Lazy only: closing the returned object closes the resource too (`io.TextIOWrapper`), so a `with` over the
   * result manages it. Without it the result only borrows the resource: `gzip.GzipFile(fileobj=f)`,
   * `zipfile.ZipFile(f)` and the like leave a file object they were given open when they close.
   */
  owns?: boolean;
  /**
   * Takes the resource only as its sole positional argument: `max(f)` reads `f` to its end, `max(f, g, key=k)`
   * returns `f` or `g` itself, open.
   */
  sole?: boolean;
}

function consumer(name: string, kind: ConsumerKind, positions: readonly number[], keywords: readonly string[] = [], rest?: number): ConsumerSpec {
  return { name, kind, positions, keywords, ...(rest === undefined ? {} : { rest }) };
}

const eager = (name: string, positions: readonly number[], keywords: readonly string[] = []) => consumer(name, 'eager', positions, keywords);
const lazy = (name: string, positions: readonly number[], keywords: readonly string[] = [], rest?: number) => consumer(name, 'lazy', positions, keywords, rest);

const STREAMS = ['stdin', 'stdout', 'stderr'];

/** A wrapper's reads that return plain data (`str`, `bytes`, a list of them). */
const WRAPPER_READS: ReadonlySet<string> = new Set(['read', 'readline', 'readlines']);
/** What a csv writer does through its file and returns (`None`, or the return value of the file's `write`). */
const CSV_WRITES: ReadonlySet<string> = new Set(['writerow', 'writerows', 'writeheader']);

/** The `statistics` functions that read their data to the end before they return (`READS_TO_END` has them too). */
export const STATISTICS_READERS: readonly string[] = ['mean', 'fmean', 'geometric_mean', 'harmonic_mean', 'median', 'median_low', 'median_high', 'mode', 'multimode', 'pstdev', 'pvariance', 'stdev', 'variance'].map((n) => `statistics.${n}`);

export const CONSUMERS: ReadonlyMap<string, ConsumerSpec> = new Map(
  [
    // Serialisers: read or write the whole stream, return data.
    eager('json.load', [0], ['fp']),
    eager('json.dump', [1], ['fp']),
    eager('pickle.load', [0], ['file']),
    eager('pickle.dump', [1], ['file']),
    eager('marshal.load', [0], ['file']),
    eager('marshal.dump', [1], ['file']),
    eager('tomllib.load', [0]),
    eager('plistlib.load', [0], ['fp']),
    eager('plistlib.dump', [1], ['fp']),
    eager('yaml.safe_load', [0], ['stream']),
    eager('yaml.load', [0], ['stream']),
    eager('yaml.full_load', [0], ['stream']),
    eager('yaml.unsafe_load', [0], ['stream']),
    eager('yaml.dump', [1], ['stream']),
    eager('yaml.safe_dump', [1], ['stream']),
    eager('email.message_from_file', [0], ['fp']),
    eager('email.message_from_binary_file', [0], ['fp']),
    eager('xml.etree.ElementTree.parse', [0], ['source']),
    eager('xml.dom.minidom.parse', [0], ['file']),
    eager('xml.sax.parse', [0], ['source']),
    eager('base64.encode', [0, 1], ['input', 'output']),
    eager('base64.decode', [0, 1], ['input', 'output']),
    eager('quopri.encode', [0, 1], ['input', 'output']),
    eager('quopri.decode', [0, 1], ['input', 'output']),
    eager('hashlib.file_digest', [0], ['fileobj']),
    eager('shutil.copyfileobj', [0, 1], ['fsrc', 'fdst']),
    // `print(f)` prints the repr; `print(..., file=f)` writes and keeps nothing.
    consumer('builtins.print', 'eager', [], ['file'], 0),
    // Builtins that only look at the object, and keep no reference to it.
    ...['len', 'repr', 'str', 'bool', 'isinstance', 'hasattr', 'id', 'type', 'hash', 'format', 'callable'].map((n) => eager(`builtins.${n}`, [0])),
    eager('builtins.next', [0]),
    eager('tomli.load', [0]),
    // Calls taking a descriptor (`f.fileno()`) that are done with it when they return; mmap keeps a dup.
    ...['os.fsync', 'os.fstat', 'os.read', 'os.write', 'os.lseek', 'os.ftruncate', 'os.isatty', 'os.fchmod', 'os.fchown',
      'os.set_inheritable', 'os.get_inheritable', 'fcntl.flock', 'fcntl.lockf', 'fcntl.fcntl', 'fcntl.ioctl'].map((n) => eager(n, [0], ['fd'])),
    eager('mmap.mmap', [0], ['fileno']),
    // A child's standard streams: the child gets its own descriptor, and the call keeps no reference to the file
    // (`Popen` returns while the child runs, which the parent's copy closing does not disturb).
    ...['subprocess.call', 'subprocess.check_call', 'subprocess.check_output', 'subprocess.run'].map((n) => eager(n, [], STREAMS)),
    eager('subprocess.Popen', [3, 4, 5], STREAMS),
    // Builtins that iterate their argument to the end (or, for any/all/min/max, until they know).
    eager('builtins.list', [0]),
    eager('builtins.tuple', [0]),
    eager('builtins.set', [0]),
    eager('builtins.frozenset', [0]),
    eager('builtins.sorted', [0], ['iterable']),
    eager('builtins.sum', [0]),
    { ...eager('builtins.min', [0]), sole: true },
    { ...eager('builtins.max', [0]), sole: true },
    eager('builtins.any', [0]),
    eager('builtins.all', [0]),
    eager('builtins.dict', [0]),
    eager('collections.Counter', [0], ['iterable']),
    eager('collections.deque', [0], ['iterable']),
    eager('str.join', [0]),
    // (Review rw2: `bytes(islice(rows(), 3))`, `dict.fromkeys(…)`, `statistics.mean(…)` read to the end what they are
    // given, as `list` does)
    eager('builtins.bytes', [0]),
    eager('builtins.bytearray', [0]),
    eager('builtins.dict.fromkeys', [0]),
    ...STATISTICS_READERS.map((n) => eager(n, [0], ['data'])),
    eager('math.fsum', [0]),
    eager('math.prod', [0]),
    eager('heapq.nlargest', [1], ['iterable']),
    eager('heapq.nsmallest', [1], ['iterable']),
    // Lazy: the result keeps the resource and reads it later.
    lazy('builtins.enumerate', [0], ['iterable']),
    lazy('builtins.iter', [0]),
    lazy('builtins.zip', [], [], 0),
    lazy('builtins.map', [], [], 1),
    lazy('builtins.filter', [1]),
    lazy('builtins.reversed', [0]),
    lazy('tokenize.generate_tokens', [0], ['readline']),
    lazy('tokenize.tokenize', [0], ['readline']),
    lazy('itertools.chain', [], [], 0),
    lazy('itertools.chain.from_iterable', [0]),
    lazy('itertools.islice', [0]),
    lazy('itertools.takewhile', [1]),
    lazy('itertools.dropwhile', [1]),
    lazy('itertools.filterfalse', [1]),
    lazy('itertools.starmap', [1]),
    lazy('itertools.compress', [0, 1]),
    lazy('itertools.zip_longest', [], [], 0),
    lazy('itertools.accumulate', [0], ['iterable']),
    lazy('itertools.cycle', [0]),
    lazy('itertools.pairwise', [0]),
    lazy('itertools.batched', [0]),
    lazy('csv.reader', [0], ['csvfile']),
    { ...lazy('csv.writer', [0], ['csvfile']), doneBy: CSV_WRITES },
    lazy('csv.DictReader', [0], ['f']),
    { ...lazy('csv.DictWriter', [0], ['f']), doneBy: CSV_WRITES },
    lazy('yaml.safe_load_all', [0], ['stream']),
    lazy('yaml.load_all', [0], ['stream']),
    lazy('xml.etree.ElementTree.iterparse', [0], ['source']),
    { ...lazy('pickle.Unpickler', [0], ['file']), doneBy: new Set(['load']) },
    { ...lazy('pickle.Pickler', [0], ['file']), doneBy: new Set(['dump']) },
    // (`io.TextIOWrapper(gzip.open(p)).read()`: the text, read to the end; a read leaves nothing buffered to lose
    // when the `with` closes the file under the wrapper. Not a write: the wrapper's buffer would reach a closed file)
    { ...lazy('io.TextIOWrapper', [0], ['buffer']), owns: true, doneBy: WRAPPER_READS },
    { ...lazy('io.BufferedReader', [0], ['raw']), owns: true, doneBy: WRAPPER_READS },
    { ...lazy('io.BufferedWriter', [0], ['raw']), owns: true },
    // Resources made over a file object they were given, which their `close()` leaves open.
    lazy('gzip.GzipFile', [3], ['fileobj']),
    lazy('gzip.open', [0], ['filename']),
    lazy('bz2.BZ2File', [0], ['filename']),
    lazy('bz2.open', [0], ['filename']),
    lazy('lzma.LZMAFile', [0], ['filename']),
    lazy('lzma.open', [0], ['filename']),
    lazy('zipfile.ZipFile', [0], ['file']),
    lazy('tarfile.open', [2], ['fileobj']),
    lazy('tarfile.TarFile', [2], ['fileobj']),
    lazy('wave.open', [0], ['f']),
    // Redirect a standard stream to the file while the `with` runs, and leave it open after.
    lazy('contextlib.redirect_stdout', [0], ['new_target']),
    lazy('contextlib.redirect_stderr', [0], ['new_target']),
  ].map((c) => [c.name, c]),
);

const STRING_TYPES = new Set(['string', 'concatenated_string']);

/** `"".join(...)`, `b"\n".join(...)`: only a literal receiver is known to be a str (or bytes). */
export function isLiteralJoin(call: SyntaxNode): boolean {
  const fn = call.childForFieldName('function');
  return fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'join' && STRING_TYPES.has(fn.childForFieldName('object')?.type ?? '');
}

/**
 * Methods that use a resource up, of objects of a class of the standard library: the class by its qualified name,
 * then the method. Ex) `config = configparser.ConfigParser()` … `config.read_file(open(p))`, the configparser
 * documentation's own example; `ftp.storbinary("STOR x", open(p, "rb"))`. Each reads the file to its end before it
 * returns and keeps no reference to it (`read_file` keeps its name, `f.name`, as the source).
 */
const METHOD_CONSUMERS: ReadonlyMap<string, ReadonlyMap<string, ConsumerSpec>> = (() => {
  const parser = new Map([
    ['read_file', consumer('configparser.ConfigParser.read_file', 'eager', [0], ['f'])],
    // (Removed in 3.12; the same reading before)
    ['readfp', consumer('configparser.ConfigParser.readfp', 'eager', [0], ['fp'])],
  ]);
  const ftp = new Map([
    ['storbinary', consumer('ftplib.FTP.storbinary', 'eager', [1], ['fp'])],
    ['storlines', consumer('ftplib.FTP.storlines', 'eager', [1], ['fp'])],
  ]);
  return new Map([
    ['configparser.ConfigParser', parser],
    ['configparser.RawConfigParser', parser],
    ['configparser.SafeConfigParser', parser],
    ['ftplib.FTP', ftp],
    ['ftplib.FTP_TLS', ftp],
  ]);
})();

/** Every method name of METHOD_CONSUMERS. */
const READER_METHODS = new Set([...METHOD_CONSUMERS.values()].flatMap((m) => [...m.keys()]));

/** The catalog entry for what `call` calls, or `undefined` when it is not a known consumer. */
export function consumerOf(ctx: FileContext, call: SyntaxNode): ConsumerSpec | undefined {
  if (call.type !== 'call') return undefined;
  if (isLiteralJoin(call)) return CONSUMERS.get('str.join');
  const name = calleeName(ctx.names, call);
  if (name) return CONSUMERS.get(name);
  return knownInstanceMethod(ctx, call) ?? localGenerator(ctx, call);
}

/**
 * `name.method(…)` where every binding of `name` makes it an object of a class of METHOD_CONSUMERS (`cp =
 * configparser.ConfigParser()`, `with ftplib.FTP(host) as ftp:`), and the method uses a resource up. Only a variable
 * of the function that makes the call, which nothing else can bind or change: no `global`/`nonlocal` of the name in
 * the file, every other use of it in the function one that hands the object to no other code (below), no text of the
 * file that replaces the class or a reader or reaches names by their text, and no test double of the project of the
 * class or its methods (reviews rv55e and rv55f: each case made the fix close a file the code went on reading).
 */
function knownInstanceMethod(ctx: FileContext, call: SyntaxNode): ConsumerSpec | undefined {
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'attribute') return undefined;
  const object = fn.childForFieldName('object');
  const method = fn.childForFieldName('attribute')?.text;
  // (Most method calls name no reader: no name resolved for them)
  if (object?.type !== 'identifier' || method === undefined || !READER_METHODS.has(method)) return undefined;
  const r = ctx.names.resolve(object.text, object);
  if (r.kind !== 'local' || r.bindings.length === 0 || r.scope.type !== 'function_definition' || functionOrModuleOf(call).id !== r.scope.id) return undefined;
  let found: ConsumerSpec | undefined;
  let made: string | undefined;
  for (const b of r.bindings) {
    const value = b.kind === 'assign' ? madeBy(b.node) : undefined;
    const cls = value === undefined ? undefined : calleeName(ctx.names, value);
    const spec = cls === undefined ? undefined : METHOD_CONSUMERS.get(cls)?.get(method);
    // (Each binding of the same class's family, or none is trusted: `cp = load()` in one branch may be anything)
    if (!spec || (found && found !== spec)) return undefined;
    found = spec;
    made = cls;
  }
  const name = object.text;
  const text = ctx.source;
  if (new RegExp(`\\b(?:global|nonlocal)\\b[^\\n#]*\\b${name}\\b`).test(text)) return undefined;
  const short = made!.slice(made!.lastIndexOf('.') + 1);
  const methods = [...(METHOD_CONSUMERS.get(made!)?.keys() ?? [])].join('|');
  // (`ConfigParser = Mine` or `configparser.ConfigParser = Mine` as a statement, not an annotation's `cp: ConfigParser = …`;
  // a reader replaced on any object or the class, `configparser.ConfigParser.read_file = keep`; `setattr`, a test's
  // `patch(`/`patch.object`/`monkeypatch`; code that reaches names by their text: `locals()`, `vars()`, `exec`, `eval`,
  // `globals()` (review rv55f))
  const replaced = new RegExp(
    `(?:^|[\\n;])[ \\t]*(?:[\\w.]*\\.)?${short}[ \\t]*=(?!=)|\\.[ \\t]*(?:${methods})[ \\t]*=(?!=)|\\bsetattr\\b|__setattr__|\\bpatch[ \\t]*[.(]|\\bmonkeypatch\\b|\\b(?:locals|vars|exec|eval|globals)[ \\t]*\\(`,
  );
  if (replaced.test(text)) return undefined;
  // (A test double of the class, or of one of its methods: `mock.patch("configparser.ConfigParser.read_file")`)
  const index = ctx.project?.generators as Partial<Record<'patchedNames' | 'mockedNames', Record<string, string>>> | undefined;
  const doubled = (names: Record<string, string> | undefined) => names !== undefined && Object.keys(names).some((k) => k === made || k.startsWith(`${made}.`));
  if (doubled(index?.patchedNames) || doubled(index?.mockedNames)) return undefined;
  const bound = new Set(r.bindings.map((b) => b.node.id));
  const readers = new Set(METHOD_CONSUMERS.get(made!)?.keys() ?? []);
  for (const use of r.scope.descendantsOfType('identifier')) {
    if (use.text !== name || bound.has(use.id)) continue;
    const parent = use.parent;
    // (Not the name: `args.config`'s attribute, a keyword `config=`; review rv55f)
    if (parent?.type === 'attribute' && parent.childForFieldName('attribute')?.id === use.id) continue;
    if (parent?.type === 'keyword_argument' && parent.childForFieldName('name')?.id === use.id) continue;
    // A use that hands the object to no other code: a method called at once, an attribute written (not a reader's nor a
    // dunder: `cp.optionxform = str`), a subscript's value read, `x in cp`, `for s in cp`, `return cp`. Not a closure
    // (a nested `def` or `lambda` that names it), a bare attribute read (a bound method's `__self__`), a dunder, nor a
    // section that stays (`cp["db"].parser`).
    const attribute = parent?.type === 'attribute' ? parent.childForFieldName('attribute')?.text ?? '' : '';
    const called = parent?.type === 'attribute' && parent.parent?.type === 'call' && parent.parent.childForFieldName('function')?.id === parent.id;
    const written = parent?.type === 'attribute' && assignedOrDeleted(parent);
    const inner = functionOrModuleOf(use).id !== r.scope.id;
    const ok =
      !inner &&
      ((parent?.type === 'attribute' && !attribute.startsWith('__') && (called || (written && !readers.has(attribute)))) ||
        (parent?.type === 'subscript' && parent.childForFieldName('value')?.id === use.id && parent.parent?.type !== 'attribute') ||
        (parent?.type === 'comparison_operator' && parent.namedChildren.at(-1)?.id === use.id && /\bin\b/.test(parent.text)) ||
        ((parent?.type === 'for_statement' || parent?.type === 'for_in_clause') && parent.childForFieldName('right')?.id === use.id) ||
        parent?.type === 'return_statement');
    if (!ok) return undefined;
  }
  return found;
}

/** `x.attr = …`, `x.attr += …`, `del x.attr`, `for x.attr in …`, `x.attr, y = …`: the attribute is written. */
function assignedOrDeleted(attribute: SyntaxNode): boolean {
  let n = attribute;
  while (n.parent && ['pattern_list', 'tuple_pattern', 'list_pattern', 'expression_list', 'tuple', 'list', 'parenthesized_expression'].includes(n.parent.type)) n = n.parent;
  const p = n.parent;
  if (!p) return false;
  if ((p.type === 'assignment' || p.type === 'augmented_assignment') && p.childForFieldName('left')?.id === n.id) return true;
  if (p.type === 'for_statement' && p.childForFieldName('left')?.id === n.id) return true;
  return p.type === 'delete_statement';
}

/** The call whose value the name `target` (a plain target) is bound to: `x = C(…)`, `x: T = C(…)`, `with C(…) as x:`. */
function madeBy(target: SyntaxNode): SyntaxNode | undefined {
  const parent = target.parent;
  const value =
    parent?.type === 'assignment' && parent.childForFieldName('left')?.id === target.id
      ? parent.childForFieldName('right')
      : // `with ftplib.FTP(host) as ftp:` (also in brackets): FTP's `__enter__` returns the object itself
        (() => {
          const item = parent?.type === 'as_pattern_target' && parent.namedChildren.length === 1 ? withItemOfPattern(parent.parent) : null;
          return item ? withItemValue(item) : undefined;
        })();
  return value?.type === 'call' ? value : undefined;
}

/** A call to a generator function defined in this file: its result reads its arguments lazily. */
function localGenerator(ctx: FileContext, call: SyntaxNode): ConsumerSpec | undefined {
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'identifier') return undefined;
  const r = ctx.names.resolve(fn.text, fn);
  if (r.kind !== 'local' || !r.bindings.every((b) => b.kind === 'def')) return undefined;
  const isGenerator = r.bindings.every((b) => {
    const body = b.node.childForFieldName('body');
    return !!body && containsYield(body);
  });
  return isGenerator ? consumer(fn.text, 'generator', [], [], 0) : undefined;
}

/**
 * True when `arg` (a direct child of `call`'s argument list, a keyword argument's value, or a bare
 * generator expression argument) is one of the arguments `spec` takes a resource through.
 */
export function takesResource(spec: ConsumerSpec, call: SyntaxNode, arg: SyntaxNode): boolean {
  const args = call.childForFieldName('arguments');
  if (!args) return false;
  const kw = arg.parent?.type === 'keyword_argument' ? arg.parent : undefined;
  if (kw) return kw.parent?.id === args.id && spec.keywords.includes(kw.childForFieldName('name')?.text ?? '');
  const index = positionalIndex(call, arg);
  if (spec.sole && args.type === 'argument_list' && args.namedChildren.some((a) => a.id !== arg.id && !isExtra(a) && a.type !== 'keyword_argument')) return false;
  return index !== undefined && (spec.positions.includes(index) || (spec.rest !== undefined && index >= spec.rest));
}

/**
 * The positional index of `arg` among `call`'s arguments (0 for a bare generator expression argument:
 * `sum(1 for l in f)`), or `undefined` for a keyword argument, something else, or a position after a splat
 * (`f(*xs, open(p))`: unknown).
 */
export function positionalIndex(call: SyntaxNode, arg: SyntaxNode): number | undefined {
  const args = call.childForFieldName('arguments');
  if (!args) return undefined;
  if (args.id === arg.id) return 0;
  if (arg.parent?.id !== args.id) return undefined;
  let index = 0;
  for (const a of args.namedChildren) {
    if (isExtra(a)) continue;
    if (a.type === 'list_splat' || a.type === 'dictionary_splat') return undefined;
    if (a.type === 'keyword_argument') continue;
    if (a.id === arg.id) return index;
    index++;
  }
  return undefined;
}

/** The text of the callee of `call`, for messages: `json.load`, `"".join`. */
export function calleeText(call: SyntaxNode): string {
  return call.childForFieldName('function')?.text.replace(/\s+/g, '') ?? 'call';
}
