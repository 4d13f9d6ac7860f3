// The catalog of calls that create a resource which must be closed, in one place.
// Each entry says what the resource is, which `as` names read well for it, which of its methods
// consume it eagerly (return plain data, keep no reference to the resource), so that closing it at the
// end of the statement is safe, and how a `with` manages it. A method missing from `eagerMethods` may
// hand back an object that still reads from the resource later (`tarfile.extractfile`, `zipfile.open`):
// such uses are reported. docs/resources.md lists the catalog for users; keep the two in step.
import { versionAtLeast } from '../options.js';
import type { Edit, FileContext, PythonVersion, SyntaxNode } from '../types.js';
import { newImportReason, planImportedName, planTopLevelImport } from './edits.js';
import { calleeName, qualifiedName } from './imports.js';
import { mayBeResourceCall } from './candidates.js';
import { STATISTICS_READERS } from './consumers.js';
import { anyRuleTakes, connectionFactoryNames, factoryOf } from './factories.js';
import { lastTextMemo, memoized } from './memo.js';
import { inNoncode, lineAt, outlineOf, setUpSpans } from './outline.js';
import { isExtra, outerParens, ownerClass, unwrapParens, withItemValue } from './statements.js';
import { identifiersNamed, type Binding } from './scopes.js';
import { escapeRegExp, PATCH_BY_PATH, textTest } from './text.js';

export type ResourceKind =
  | 'file'
  | 'temporary file'
  | 'response'
  | 'archive'
  | 'zip member'
  | 'pipe'
  | 'socket'
  | 'database connection'
  | 'shelf'
  | 'database'
  | 'audio file'
  | 'memory map'
  | 'file set'
  | 'process';

/** `a file`, `an archive`: the kind with its indefinite article, for messages. */
export function aKind(kind: ResourceKind): string {
  return `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;
}

/**
 * How a `with` manages the resource. `with`: the object is its own context manager and its `__exit__`
 * closes it. `closing`: its `__exit__` does something else (sqlite3 commits and stays open), so the
 * item is `contextlib.closing(<call>)`, which calls `close()` and nothing more.
 */
export type Management = 'with' | 'closing';

export interface ResourceSpec {
  /** Qualified name as written in the catalog, e.g. `gzip.open`. */
  name: string;
  kind: ResourceKind;
  /** Preferred `as` names, most readable first. */
  asNames: readonly string[];
  eagerMethods: ReadonlySet<string>;
  management: Management;
  /**
   * First Python whose object supports `with` (`socket.socket`: 3.2). Below it, a resource with a
   * `close()` is managed with `contextlib.closing`; one without (`Popen`) is not in the catalog at all.
   */
  withSince?: PythonVersion;
  /** False when the object has no `close()` (`Popen`): `contextlib.closing` cannot stand in for `with`. */
  hasClose: boolean;
  /**
   * Methods returning a view that still uses the resource, mapped to the view's own eager methods:
   * `connect(p).execute(q).fetchall()` is eager, `rows = connect(p).execute(q)` is not.
   */
  viewMethods?: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * The view a name may hold (`cu = cx.cursor()`, `rows = cx.execute(q)`), followed as the resource is: the methods
   * of the resource that make one, the view's methods that return the view itself, those that return plain data
   * or nothing, and its attributes that are plain data. Anything else done with the view is an escape.
   */
  view?: ViewSpec;
  /** Attributes of the resource that are plain data (read or set): `cx.isolation_level`. */
  dataAttributes?: ReadonlySet<string>;
  /**
   * `__exit__` waits (`Popen` waits for the process to end): manage the resource only where the code
   * already waits for it (an eager method); never where it is started and left to run.
   */
  exitWaits?: boolean;
  /**
   * Once made, the object holds nothing but the pipes its call asks for (`Popen`: `stdin`, `stdout`, `stderr`
   * given as `PIPE`; `DEVNULL` is closed before the call returns). A call that asks for none leaves nothing to
   * close, on PyPy as on CPython, and is no resource: `Popen(["make"]).wait()`.
   */
  pipesOnly?: boolean;
  /**
   * `R[k]` reads, `R[k] = v`, `R[k] += v` and `R[i:j] = b` write, each done with R when it returns (shelves, dbm
   * databases, memory maps): uses like the eager methods.
   */
  subscripts?: boolean;
  /**
   * `close()` waits for a command to end (`os.popen`), which CPython's dropping the pipe did not: manage it only
   * where the code reads the pipe to its end (`.read()`, `list(…)`, a loop that runs out), after which the
   * command is done writing; never where it stops reading early (`.readline()`, `next(…)`, a loop's `break`).
   */
  closeWaits?: boolean;
  /**
   * What `close()` writes in a writing mode that dropping the object never did, on CPython either: a tar
   * archive's end (`TarFile` has no `__del__`: an archive dropped unclosed lacks its end blocks; one written to
   * a path was seen to stay empty on CPython 3.11 even after `gc.collect()`). A fix that adds a close the code
   * never made changes the bytes such an archive leaves: rated unsafe (`closeNote`).
   */
  closeFinishes?: string;
  /** Given `uri=`, the call may name a shared-cache in-memory database, which ends with its last connection (sqlite3). */
  sharedByUri?: boolean;
  /**
   * Holds a lock on its file while open (gdbm's `dbm.open`, and a shelf over it): CPython let go of it as an eager
   * read returned, and a `with` around more code that opens the file again holds it there (open-loop, open-chain).
   */
  locks?: boolean;
}

const FILE_METHODS = new Set([
  'read', 'readline', 'readlines', 'readall', 'read1', 'readinto', 'readinto1', 'peek',
  'write', 'writelines', 'seek', 'tell', 'truncate', 'flush', 'fileno', 'isatty', 'readable', 'writable', 'seekable',
]);
const RESPONSE_METHODS = new Set(['read', 'readline', 'readlines', 'readinto', 'getcode', 'geturl', 'info', 'getheader', 'getheaders']);
const TAR_METHODS = new Set(['getmembers', 'getnames', 'getmember', 'gettarinfo', 'extractall', 'extract', 'list', 'add', 'addfile']);
const ZIP_METHODS = new Set(['read', 'namelist', 'infolist', 'getinfo', 'extractall', 'extract', 'testzip', 'write', 'writestr', 'printdir', 'mkdir']);
const PIPE_METHODS = new Set(['read', 'readline', 'readlines', 'write', 'writelines', 'fileno']);
const SPOOLED_METHODS = new Set([...FILE_METHODS, 'rollover']);
// Not `makefile` (a file view of the socket), `accept` (a second socket) or `dup`; `detach` releases it (closesItself).
const SOCKET_METHODS = new Set([
  'connect', 'connect_ex', 'bind', 'listen', 'send', 'sendall', 'sendto', 'sendfile', 'recv', 'recvfrom', 'recv_into',
  'recvfrom_into', 'getsockname', 'getpeername', 'setsockopt', 'getsockopt', 'shutdown', 'settimeout', 'gettimeout',
  'setblocking', 'fileno',
]);
// `execute*` hand back a cursor on the connection: see viewMethods. `iterdump` is a lazy generator.
// The `create_*`/`set_*` methods keep the callable given on the connection and return None.
const SQLITE_METHODS = new Set([
  'commit', 'rollback', 'backup', 'interrupt', 'getlimit', 'setlimit', 'serialize', 'deserialize', 'create_function',
  'create_aggregate', 'create_collation', 'create_window_function', 'set_authorizer', 'set_progress_handler',
  'set_trace_callback', 'enable_load_extension', 'load_extension',
]);
const SQLITE_VIEWS = new Map(['execute', 'executemany', 'executescript'].map((m) => [m, new Set(['fetchone', 'fetchall', 'fetchmany'])]));
// A cursor: `execute*` return the cursor itself; not `.connection`, which hands the connection out.
const SQLITE_CURSOR: ViewSpec = {
  makers: new Set(['cursor', 'execute', 'executemany', 'executescript']),
  chain: new Set(['execute', 'executemany', 'executescript']),
  data: new Set(['fetchone', 'fetchall', 'fetchmany', 'close', 'setinputsizes', 'setoutputsize']),
  attributes: new Set(['description', 'rowcount', 'lastrowid', 'arraysize', 'row_factory']),
};
const SQLITE_ATTRIBUTES = new Set(['isolation_level', 'in_transaction', 'total_changes', 'row_factory', 'text_factory', 'autocommit']);
// Not `keys`/`items`/`values` on a shelf: views that read the shelf when iterated.
const SHELF_METHODS = new Set(['get', 'pop', 'popitem', 'setdefault', 'update', 'clear', 'sync']);
// dbm `keys()` returns a list in every implementation (gnu, ndbm, dumb).
const DBM_METHODS = new Set(['get', 'keys', 'setdefault', 'firstkey', 'nextkey', 'reorganize', 'sync', 'clear']);
const WAVE_METHODS = new Set([
  'readframes', 'getparams', 'getnframes', 'getnchannels', 'getsampwidth', 'getframerate', 'getcomptype', 'getcompname',
  'rewind', 'setpos', 'tell', 'writeframes', 'writeframesraw', 'setparams', 'setnchannels', 'setsampwidth', 'setframerate',
  'setnframes', 'setcomptype',
]);
const MMAP_METHODS = new Set(['read', 'read_byte', 'readline', 'find', 'rfind', 'size', 'tell', 'seek', 'write', 'write_byte', 'flush', 'move', 'resize', 'madvise']);
// `filename` … `isstdin` answer a str, an int or a bool about the file being read (`fileno` its descriptor, followed as a
// file's is)
const FILEINPUT_METHODS = new Set(['readline', 'filename', 'lineno', 'filelineno', 'fileno', 'isfirstline', 'isstdin', 'nextfile']);
// Only methods that wait for the process: `__exit__` waits too, so it adds no wait the code lacked.
const POPEN_METHODS = new Set(['communicate', 'wait']);

const FILE_NAMES = ['f', 'fh', 'fp'] as const;
const TAR_END = 'its end-of-archive blocks (and pads it to a whole record)';

export interface ViewSpec {
  makers: ReadonlySet<string>;
  chain: ReadonlySet<string>;
  data: ReadonlySet<string>;
  attributes: ReadonlySet<string>;
}

interface SpecOptions {
  view?: ViewSpec;
  dataAttributes?: ReadonlySet<string>;
  management?: Management;
  withSince?: PythonVersion;
  hasClose?: boolean;
  viewMethods?: ReadonlyMap<string, ReadonlySet<string>>;
  exitWaits?: boolean;
  pipesOnly?: boolean;
  subscripts?: boolean;
  closeWaits?: boolean;
  closeFinishes?: string;
  sharedByUri?: boolean;
  locks?: boolean;
}

function spec(name: string, kind: ResourceKind, asNames: readonly string[], eagerMethods: ReadonlySet<string>, o: SpecOptions = {}): ResourceSpec {
  return { name, kind, asNames, eagerMethods, management: o.management ?? 'with', hasClose: o.hasClose ?? true, ...o };
}

export const RESOURCE_CALLS: ReadonlyMap<string, ResourceSpec> = new Map(
  [
    spec('builtins.open', 'file', FILE_NAMES, FILE_METHODS),
    spec('io.open', 'file', FILE_NAMES, FILE_METHODS),
    spec('codecs.open', 'file', FILE_NAMES, FILE_METHODS),
    spec('gzip.open', 'file', FILE_NAMES, FILE_METHODS),
    spec('gzip.GzipFile', 'file', FILE_NAMES, FILE_METHODS),
    spec('bz2.open', 'file', FILE_NAMES, FILE_METHODS),
    spec('bz2.BZ2File', 'file', FILE_NAMES, FILE_METHODS),
    spec('lzma.open', 'file', FILE_NAMES, FILE_METHODS),
    spec('lzma.LZMAFile', 'file', FILE_NAMES, FILE_METHODS),
    spec('tokenize.open', 'file', FILE_NAMES, FILE_METHODS),
    spec('os.fdopen', 'file', FILE_NAMES, FILE_METHODS),
    spec('os.popen', 'pipe', ['pipe', 'proc'], PIPE_METHODS, { closeWaits: true }),
    spec('urllib.request.urlopen', 'response', ['resp', 'response'], RESPONSE_METHODS),
    // (A context manager from 3.2, as ZipFile)
    spec('tarfile.open', 'archive', ['archive', 'tar'], TAR_METHODS, { closeFinishes: TAR_END, withSince: [3, 2] }),
    spec('tarfile.TarFile', 'archive', ['archive', 'tar'], TAR_METHODS, { closeFinishes: TAR_END, withSince: [3, 2] }),
    // `ZipFile.__del__` calls `close()`, which writes the central directory: CPython's drop did what a `with` does.
    spec('zipfile.ZipFile', 'archive', ['archive', 'zf'], ZIP_METHODS, { withSince: [3, 2] }),
    // `Path(p).open()`: looked up by `resourceOf` from the call's receiver.
    spec('pathlib.Path.open', 'file', FILE_NAMES, FILE_METHODS),
    // `zf.open(name)` of a ZipFile: the member shares the archive's descriptor, which `zf.close()` leaves open while a
    // member is (`_fileRefCnt`): on PyPy until the GC drops it. Looked up from the receiver, as a path's.
    spec('zipfile.ZipFile.open', 'zip member', ['member', 'm'], FILE_METHODS),
    // Closing a NamedTemporaryFile (delete=True, the default) deletes it: CPython did that at once too.
    spec('tempfile.TemporaryFile', 'temporary file', ['tmp', 'f'], FILE_METHODS),
    spec('tempfile.NamedTemporaryFile', 'temporary file', ['tmp', 'f'], FILE_METHODS),
    spec('tempfile.SpooledTemporaryFile', 'temporary file', ['tmp', 'f'], SPOOLED_METHODS),
    spec('socket.socket', 'socket', ['sock', 's'], SOCKET_METHODS, { withSince: [3, 2] }),
    spec('socket.create_connection', 'socket', ['sock', 's'], SOCKET_METHODS, { withSince: [3, 2] }),
    spec('socket.create_server', 'socket', ['sock', 's'], SOCKET_METHODS, { withSince: [3, 2] }),
    // `with sqlite3.connect(p) as conn:` commits (or rolls back) and leaves the connection open.
    spec('sqlite3.connect', 'database connection', ['conn', 'db'], SQLITE_METHODS, { management: 'closing', viewMethods: SQLITE_VIEWS, view: SQLITE_CURSOR, dataAttributes: SQLITE_ATTRIBUTES, sharedByUri: true }),
    // (The class itself, which `connect` calls: the same arguments, the same connection)
    spec('sqlite3.Connection', 'database connection', ['conn', 'db'], SQLITE_METHODS, { management: 'closing', viewMethods: SQLITE_VIEWS, view: SQLITE_CURSOR, dataAttributes: SQLITE_ATTRIBUTES, sharedByUri: true }),
    // (The same names through the module sqlite3 re-exports them from: `from sqlite3 import dbapi2`)
    spec('sqlite3.dbapi2.connect', 'database connection', ['conn', 'db'], SQLITE_METHODS, { management: 'closing', viewMethods: SQLITE_VIEWS, view: SQLITE_CURSOR, dataAttributes: SQLITE_ATTRIBUTES, sharedByUri: true }),
    spec('sqlite3.dbapi2.Connection', 'database connection', ['conn', 'db'], SQLITE_METHODS, { management: 'closing', viewMethods: SQLITE_VIEWS, view: SQLITE_CURSOR, dataAttributes: SQLITE_ATTRIBUTES, sharedByUri: true }),
    spec('shelve.open', 'shelf', ['shelf', 'db'], SHELF_METHODS, { withSince: [3, 4], subscripts: true, locks: true }),
    spec('dbm.open', 'database', ['db'], DBM_METHODS, { withSince: [3, 4], subscripts: true, locks: true }),
    spec('wave.open', 'audio file', ['wav', 'w'], WAVE_METHODS, { withSince: [3, 4] }),
    spec('mmap.mmap', 'memory map', ['mm'], MMAP_METHODS, { withSince: [3, 2], subscripts: true }),
    // Not `fileinput.input`: the module keeps that instance in a global (`fileinput._state`), so CPython does not
    // close it when the code drops it either, and a `with` would change what CPython does (with `inplace=True`,
    // where stdout goes and what the file keeps).
    spec('fileinput.FileInput', 'file set', ['lines', 'fi'], FILEINPUT_METHODS, { withSince: [3, 2] }),
    spec('subprocess.Popen', 'process', ['proc'], POPEN_METHODS, { withSince: [3, 2], hasClose: false, exitWaits: true, pipesOnly: true }),
  ].map((s) => [s.name, s]),
);

const PATH_CLASSES = new Set(['pathlib.Path', 'pathlib.PosixPath', 'pathlib.WindowsPath']);

/** The catalog entry for a call that creates a resource, or `undefined`. */
export function resourceOf(ctx: FileContext, call: SyntaxNode): ResourceSpec | undefined {
  if (call.type !== 'call') return undefined;
  // Every resource transform asks about the same candidate calls: resolve each once per tree.
  return memoized(specMemo, ctx, call.id, () => resolveResource(ctx, call));
}

const specMemo = new WeakMap<FileContext, Map<number, ResourceSpec | undefined>>();

function resolveResource(ctx: FileContext, call: SyntaxNode): ResourceSpec | undefined {
  const spec = resolveSpec(ctx, call);
  // Ex) `@patch(__name__ + '.open')` on the test around `f = open(p)`: `f` is a mock, and `with open(p) as f`
  // would bind what the mock's `__enter__` returns, another mock
  return spec && !mockedAround(ctx, call, spec) ? spec : undefined;
}

function resolveSpec(ctx: FileContext, call: SyntaxNode): ResourceSpec | undefined {
  // Ex) `print(x)`, `self.run()`: the callee's last name is neither a catalog name nor an alias of one
  if (!mayBeResourceCall(ctx, call)) return undefined;
  const name = calleeName(ctx.names, call);
  if (name) {
    // Ex) `ZipFile.open(self, name, mode)` in a subclass: a method called through its class, not a member made from an archive
    const found = name === 'zipfile.ZipFile.open' ? undefined : RESOURCE_CALLS.get(name);
    // Ex) `subprocess.Popen(...)` for Python 3.1: no `with`, and no `close()` for contextlib.closing
    if (found && found.withSince && !found.hasClose && !versionAtLeast(ctx.target, found.withSince)) return undefined;
    // Ex) `Popen(cmd, stdout=DEVNULL)`: it keeps no pipe
    if (found?.pipesOnly && pipeStreams(ctx, call).size === 0) return undefined;
    // Ex) `tarfile.open(fileobj=buf).getnames()`: it reads a file object the code holds, and owns nothing to close
    if (found && readsHeldFile(ctx, found, call)) return undefined;
    return found;
  }
  // `pathlib.Path(p).open(...)`, `(base / "a.txt").open("w")`: the receiver is a path.
  const fn = call.childForFieldName('function');
  if (fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'open') {
    const receiver = fn.childForFieldName('object');
    if (receiver && isPathValue(ctx, receiver, 0)) return RESOURCE_CALLS.get('pathlib.Path.open');
    if (receiver && isZipFileValue(ctx, receiver) && readsMember(call)) return RESOURCE_CALLS.get('zipfile.ZipFile.open');
  }
  // Ex) `def get_db(): return sqlite3.connect(DB)` … `conn = get_db()`: a function of the module that makes a new
  // connection on every call
  if (fn?.type === 'identifier' && connectionFactoryNames(ctx.source).includes(fn.text)) return factoryOf(ctx, call, anyRuleTakes)?.spec;
  return undefined;
}

/**
 * True when the name `id` resolves to bindings of its own scope, each of which passes `test`, and no `global` or
 * `nonlocal` statement lets other code bind it (`def swap(): global zf; zf = other`, which the scope's statements do not show).
 */
function everyBinding(ctx: FileContext, id: SyntaxNode, test: (b: Binding) => boolean): boolean {
  const r = ctx.names.resolve(id.text, id);
  if (r.kind !== 'local' || r.bindings.length === 0) return false;
  if (r.scope.type === 'module' ? ctx.names.declaredGlobal(id.text) : ctx.names.declaredNonlocal(id.text)) return false;
  return r.bindings.every(test);
}

/**
 * True when `zf.open(…)` surely opens a member for reading: no mode, or `"r"` (second or `mode=`), and no `*`/`**`
 * arguments. A member open for writing is left as it was: its close writes the entry, and the archive's close
 * raises while one is open (snapshot `open-assign-close/ok-close-refused`).
 */
function readsMember(call: SyntaxNode): boolean {
  const args = call.childForFieldName('arguments')?.namedChildren.filter((a) => !isExtra(a)) ?? [];
  let mode: SyntaxNode | undefined;
  for (const [i, a] of args.entries()) {
    if (a.type === 'list_splat' || a.type === 'dictionary_splat') return false;
    if (a.type === 'keyword_argument') {
      if (a.childForFieldName('name')?.text === 'mode') mode = a.childForFieldName('value') ?? undefined;
    } else if (i === 1) mode = a;
  }
  return !mode || /^(['"])r\1$/.test(mode.text);
}

/**
 * True when `expr` surely is a `zipfile.ZipFile`: a call of it, or a name whose every binding is `name =
 * zipfile.ZipFile(…)` or `with zipfile.ZipFile(…) as name` (parentheses around either).
 */
function isZipFileValue(ctx: FileContext, expr: SyntaxNode): boolean {
  const isZipCall = (n: SyntaxNode | null | undefined) => !!n && unwrapParens(n).type === 'call' && calleeName(ctx.names, unwrapParens(n)) === 'zipfile.ZipFile';
  const e = unwrapParens(expr);
  if (e.type === 'call') return isZipCall(e);
  if (e.type !== 'identifier') return false;
  return everyBinding(ctx, e, (b) => {
    const p = b.node.parent;
    if (b.kind !== 'assign') return false;
    if (p?.type === 'assignment') return p.childForFieldName('left')?.id === b.node.id && isZipCall(p.childForFieldName('right'));
    // `with zipfile.ZipFile(p) as zf:`: the item's value
    return p?.type === 'as_pattern_target' && p.parent?.type === 'as_pattern' && isZipCall(p.parent.namedChildren[0]);
  });
}

/**
 * True when the code around `call` patches what the call makes with a mock (`setUpSpans`: the test function
 * and its decorators, its class's decorators and set-up methods, a `with` around it): `@patch("builtins.open")`,
 * `patch(__name__ + ".open")` (a target built at run time counts as this module's), `mock.patch.object(socket,
 * "socket", …)`, `patch.multiple(builtins, open=…)`, pytest's `monkeypatch.setattr("io.open", …)` or
 * `setattr(module, "open", …)`. A patch counts when it replaces the name the call is written with in this module
 * (`mymod.open` in mymod), or the catalog's name (`socket.socket`, `builtins.open` or `__builtin__.open`,
 * `pathlib.Path.open`); not another module's (`@patch("asyncio.base_events.socket")` leaves this module's
 * `socket.socket()` real). The call then makes a mock, which holds nothing for PyPy to close late, and a `with`
 * binds what the mock's `__enter__` returns, which a plain `MagicMock` makes another object than the one the
 * test set up: not a resource. Read from the text, so a partial tree answers as the whole file does.
 */
export function mockedAround(ctx: FileContext, call: SyntaxNode, spec: ResourceSpec): boolean {
  const text = ctx.source;
  if (patchedInFile(text, spec.name)) return true;
  if (!saysPatch(text)) return false;
  const fn = call.childForFieldName('function');
  const written = fn?.type === 'identifier' ? fn.text : fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
  const dot = spec.name.lastIndexOf('.');
  const owner = lastPart(spec.name.slice(0, dot));
  const attr = spec.name.slice(dot + 1);
  const own = ctx.moduleName ? lastPart(ctx.moduleName) : undefined;
  const replaces = ([module, name]: Patched) =>
    (name === written && (module === THIS_MODULE || lastPart(module) === own)) || (name === attr && sameModule(lastPart(module), owner));
  for (const [start, end] of setUpSpans(outlineOf(text), text, call.startIndex)) {
    const region = text.slice(start, end);
    if ((region.includes('patch') || region.includes('setattr')) && patchesIn(region).some(replaces)) return true;
  }
  return false;
}

/** The names a module holds the builtins under, for a patch of one: `builtins.open = R`, `__builtins__.open = R`. */
const BUILTINS_OWNERS = ['builtins', '__builtin__', '__builtins__', '__main__'];
/** Per catalog name, whether the last text asked patches it (`patchedInFile`). */
const patchedNames = lastTextMemo((_text: string) => new Map<string, boolean>());

/**
 * True when a statement of the file, wherever it is, sets the catalog's own name to something else: `builtins.open
 * = Reader`, `__builtins__.open = Reader`, `__builtins__["open"] = Reader`, `io.open = Reader`, `setattr(builtins,
 * "open", Reader)`, and never saves the original to put it back (`old = socket.socket`). Unlike a test's patch
 * (`mockedAround`), such a write lasts: every call of the file may make the replacement, which a `with` may not
 * take. Read from the text (a mention in a string too: only fewer fixes).
 */
export function patchedInFile(text: string, name: string): boolean {
  const known = patchedNames(text);
  let patched = known.get(name);
  if (patched === undefined) {
    const dot = name.lastIndexOf('.');
    const attr = name.slice(dot + 1);
    const owner = name.slice(0, dot);
    patched = false;
    // (First a search led by the name, which finds none in most texts: `open =`, `open"] =`, `open: T =`, or a
    // `setattr(x, "open"`. The full expression below starts with no word: 70 ms per name over the stdlib, 27 so)
    if (text.includes(attr) && new RegExp(`${attr}(?:['"][\\s\\\\]*\\])?[\\s\\\\]*\\)?[\\s\\\\]*(?::[^=\\r\\n]*)?=(?!=)|setattr[\\s\\\\]*\\([^,()]*,[\\s\\\\]*['"]${attr}['"]`).test(text)) {
      const modules = owner === 'builtins' ? BUILTINS_OWNERS : [owner];
      // Ex) `import builtins as _b` / `_b.open = Reader`; `sys.modules["builtins"].open = Reader`
      const aliases = [...text.matchAll(new RegExp(`\\bimport[ \\t]+(?:${modules.map(escapeRegExp).join('|')})[ \\t]+as[ \\t]+([A-Za-z_]\\w*)`, 'g'))].map((m) => m[1]!);
      const owners = [...[...modules, ...aliases].map(escapeRegExp), `(?:[A-Za-z_]\\w*[ \\t]*\\.[ \\t]*)?modules[ \\t]*\\[[ \\t]*['"](?:${modules.map(escapeRegExp).join('|')})['"][ \\t]*\\]`].join('|');
      // The name, its `__dict__` entry or its item, then `=` (not `==`), maybe after an annotation (`: Any`). (Not one
      // target of several, `builtins.open, _ = Reader, None`: a call's arguments over lines, `    sqlite.connect, ":memory:",
      // isolation_level=123)`, would read as one)
      // (Blanks between the parts may be line breaks after a `\\`: `builtins.\\` / `open = R`)
      const slot = `(?:[ \\t\\\\\\r\\n]*\\.[ \\t\\\\\\r\\n]*${attr}|(?:[ \\t]*\\.[ \\t]*__dict__[ \\t]*)?\\[[ \\t]*['"]${attr}['"][ \\t]*\\])`;
      // (`(builtins.open) = R`, or an annotation, `builtins.open: Any = R`; not `factory=socket.socket): sock = …`)
      const assigned = `[ \\t\\\\\\r\\n]*(?:\\)[ \\t]*|(?::[^=;(<>!\\r\\n]*)?)=(?!=)`;
      // (A target starts its statement: `print(builtins.open, end="")` sets nothing)
      // (After a line's start, `;`, `=` (`x = builtins.open = R`; not the second of `==`, nor `:=`), `(`
      // (`(builtins.open) = R`), or a compound statement's `:` (`headerColon`); `setattr(` over lines)
      // (A line's start must be a statement's: not a dict's entry over lines, `    socket.socket: wrap,`)
      const re = new RegExp(`(?:^|([;(:])|((?<![=!<>:])=))[ \\t\\f]*(?:${owners})${slot}${assigned}|\\bsetattr[\\s\\\\]*\\([\\s\\\\]*(?:${owners})[\\s\\\\]*,[\\s\\\\]*['"]${attr}['"]`, 'gm');
      patched = [...text.matchAll(re)].some((m) => {
        if (m[1] === ':') return headerColon(text, m.index!);
        if (m[1] !== undefined || m[2] !== undefined || m[0].startsWith('setattr')) return true;
        // (or a line a `\\` continues, outside brackets: `x = 1; \\` / `socket.socket = Fake`)
        return scanLogicalLine(text, m.index! + /^[ \t\f]*/.exec(m[0])![0].length).depth === 0;
      });
      // Ex) `old_socket = socket.socket` / `socket.socket = Mock` / `try: …` / `finally: socket.socket = old_socket`:
      // a test's patch, undone; the file's other calls make the real thing
      if (patched && new RegExp(`=[ \\t]*(?:${owners})[ \\t]*\\.[ \\t]*${attr}[ \\t]*(?:#.*)?$`, 'm').test(text)) patched = false;
    }
    known.set(name, patched);
  }
  return patched;
}

/**
 * True when the `:` at `at` ends a compound statement's header (`if TESTING: socket.socket = Fake`, `def install(fake=F):
 * …`, one over lines, `for m in a, b: …`), so a statement may follow it on its line; not an annotation's: one inside
 * brackets (a parameter's, `def f(s: socket.socket = None)`), or one after a target that starts a statement or follows
 * `;` or another `:` (`s: socket.socket = None`, `class H: sock: socket.socket = None`, `match: T = x`).
 */
function headerColon(text: string, at: number): boolean {
  const { depth, segment } = scanLogicalLine(text, at);
  if (depth > 0) return false;
  const target = text.slice(segment, at).replace(/\\\r?\n/g, ' ').trim();
  // (`else:`, `case [a, b]:`, `if [x]:`, `while [x]:`: a keyword's header, not a name that starts with one, `iffy`, `ifé`)
  if (/^(?:else|try|finally|except|if|elif|while|with|for|class|def|async|lambda|not|await)(?![\p{L}\p{N}_])/u.test(target)) return true;
  if (/^case\s/.test(target)) return true;
  return !/^(?:\(.*\)|[\p{L}_][\p{L}\p{N}_]*(?:\s*\.\s*[\p{L}_][\p{L}\p{N}_]*|\s*\[.*\])*)$/su.test(target);
}

/** From the start of `at`'s logical line to `at`: the bracket depth, and where the last `;` or `:` outside brackets ends. */
function scanLogicalLine(text: string, at: number): { depth: number; segment: number } {
  const o = outlineOf(text);
  const first = o.first[lineAt(o, at)] ?? 0;
  let depth = 0;
  let segment = first;
  for (let j = first; j < at; j++) {
    const c = text[j];
    if (c !== '(' && c !== ')' && c !== '[' && c !== ']' && c !== '{' && c !== '}' && c !== ';' && c !== ':') continue;
    if (inNoncode(o, j)) continue;
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (depth === 0) segment = j + 1;
  }
  return { depth, segment };
}

// Asked once per resource call of a file: remembered for the last text.
const saysPatch = textTest(/patch|setattr/);

/** A patched attribute: the module (or class) it is replaced in, as written, or `THIS_MODULE`, and its name. */
type Patched = [string, string];

const THIS_MODULE = '';

const lastPart = (dotted: string) => dotted.slice(dotted.lastIndexOf('.') + 1);

const sameModule = (a: string, b: string) => a === b || ((a === 'builtins' || a === '__builtin__') && (b === 'builtins' || b === '__builtin__'));

// mock.patch(target=__name__ + '.open'): a target built at run time, up to the next argument (one written out,
// 'builtins.open', is PATCH_BY_PATH's)
const PATCH_TARGET = /\bpatch\s*\(\s*(?:target\s*=\s*)?([^,()]*)/g;
// patch.object(builtins, 'open', …), setattr(socket, 'socket', fake), monkeypatch.setattr(io, "open", …)
const OBJECT_ATTRIBUTE = /\b(?:patch\.object|setattr)\s*\(\s*([^,()]+?)\s*,\s*(?:attribute\s*=\s*)?(['"])(\w+)\2/g;
// patch.multiple(builtins, open=DEFAULT, …)
const PATCH_MULTIPLE = /\bpatch\.multiple\s*\(\s*([^,()]+?)\s*,([^)]*)/g;
const DOTTED_STRING = /^[rRuUbB]?(['"])([\w.]+)\1$/;
// The name at the end of the last string of a target built at run time: '.open' in `__name__ + '.open'`
const LAST_NAME_IN_STRING = /(?:^|\.)(\w+)['"][^'"]*$/;

/** Every attribute `region` patches (see `mockedAround`). */
function patchesIn(region: string): Patched[] {
  const out: Patched[] = [];
  const dotted = (s: string): Patched => {
    const dot = s.lastIndexOf('.');
    return [s.slice(0, dot), s.slice(dot + 1)];
  };
  // An object given as an expression: this module when it says `__name__` or `sys.modules`, else the name written
  const objectOf = (x: string) => (/__name__|sys\.modules/.test(x) ? THIS_MODULE : (DOTTED_STRING.exec(x)?.[2] ?? x.replace(/\s+/g, '')));
  for (const m of region.matchAll(PATCH_BY_PATH)) out.push(dotted(m[1]!));
  for (const m of region.matchAll(PATCH_TARGET)) {
    const target = m[1]!.trim();
    const name = DOTTED_STRING.test(target) ? undefined : LAST_NAME_IN_STRING.exec(target)?.[1];
    if (name) out.push([THIS_MODULE, name]);
  }
  for (const m of region.matchAll(OBJECT_ATTRIBUTE)) out.push([objectOf(m[1]!), m[3]!]);
  for (const m of region.matchAll(PATCH_MULTIPLE)) for (const k of m[2]!.matchAll(/(\w+)\s*=/g)) out.push([objectOf(m[1]!), k[1]!]);
  return out;
}

/** Methods of a path that return a path. */
const PATH_METHODS = new Set(['with_name', 'with_suffix', 'with_stem', 'joinpath', 'resolve', 'absolute', 'expanduser', 'relative_to', 'with_segments']);

/**
 * True when `expr` surely evaluates to a `pathlib.Path`: a call of a Path class (`Path(p)`, `Path.home()`,
 * `Path.cwd()`), `p / "name"`, `p.parent` and `p.with_suffix(…)`-like calls on one, or a name whose every binding is
 * `name = <one of those>` or a parameter annotated `Path`.
 */
function isPathValue(ctx: FileContext, expr: SyntaxNode, depth: number): boolean {
  if (depth > 4) return false;
  let e = expr;
  while (e.type === 'parenthesized_expression') {
    const inner = e.namedChildren.find((c) => !isExtra(c));
    if (!inner) return false;
    e = inner;
  }
  const isPathClass = (n: SyntaxNode | null | undefined) => {
    const q = n && (n.type === 'identifier' || n.type === 'attribute') ? qualifiedName(ctx.names, n) : undefined;
    return q !== undefined && PATH_CLASSES.has(q);
  };
  switch (e.type) {
    case 'call': {
      const fn = e.childForFieldName('function');
      if (isPathClass(fn)) return true;
      if (fn?.type !== 'attribute') return false;
      const attr = fn.childForFieldName('attribute')?.text ?? '';
      const object = fn.childForFieldName('object');
      if (attr === 'home' || attr === 'cwd') return isPathClass(object);
      return PATH_METHODS.has(attr) && !!object && isPathValue(ctx, object, depth + 1);
    }
    case 'binary_operator': {
      const left = e.childForFieldName('left');
      return e.childForFieldName('operator')?.type === '/' && !!left && isPathValue(ctx, left, depth + 1);
    }
    case 'attribute': {
      const object = e.childForFieldName('object');
      return e.childForFieldName('attribute')?.text === 'parent' && !!object && isPathValue(ctx, object, depth + 1);
    }
    case 'identifier': {
      return everyBinding(ctx, e, (b) => {
        const p = b.node.parent;
        if (b.kind === 'param') {
          const type = p?.type === 'typed_parameter' || p?.type === 'typed_default_parameter' ? p.childForFieldName('type') : null;
          // Ex) `def head(path: Path)`: `Path` pathlib's, through the imports (not a class of the project named so;
          // nor a name of the class body a method's annotation is read in: `class Store: class Path: …`)
          const named = type?.type === 'type' ? type.namedChildren.find((c) => !isExtra(c)) : type;
          const def = p?.parent?.parent;
          const cls = def?.type === 'function_definition' ? ownerClass(def) : undefined;
          const head = named?.type === 'attribute' ? named.text.split('.')[0]!.trim() : named?.text;
          if (cls && head && ctx.names.bindings(cls).has(head)) return false;
          return isPathClass(named);
        }
        if (b.kind !== 'assign' || p?.type !== 'assignment' || p.childForFieldName('left')?.id !== b.node.id) return false;
        const right = p.childForFieldName('right');
        return !!right && isPathValue(ctx, right, depth + 1);
      });
    }
    default:
      return false;
  }
}

/**
 * What a finding says is left open: `the file is never closed; …`. A process holds only its pipes (`pipesOnly`),
 * and has no `close()`: `the process's pipes are never closed; …`.
 */
export function leftOpen(spec: ResourceSpec): string {
  if (spec.pipesOnly) return `the ${spec.kind}'s pipes are never closed; PyPy closes them only when the GC runs`;
  return `the ${spec.kind} is never closed; PyPy closes it only when the GC runs`;
}

/** `Popen`'s arguments that may ask for a pipe: by keyword, or by position (`args, bufsize, executable, stdin, …`). */
export type PopenStream = 'stdin' | 'stdout' | 'stderr';
/** What a stream of `Popen` is given: surely `subprocess.PIPE`, or what may be one (`*args` or `**kwargs` for all three). */
export interface PipeArgument {
  kind: 'pipe' | 'maybe';
  value: SyntaxNode;
}
const STREAM_ORDER: readonly PopenStream[] = ['stdin', 'stdout', 'stderr'];
const FIRST_PIPE_POSITION = 3;
/** What a standard stream of `Popen` may be given that makes no pipe it keeps. */
const NO_PIPE = new Set(['subprocess.DEVNULL', 'subprocess.STDOUT', 'sys.stdin', 'sys.stdout', 'sys.stderr', 'sys.__stdin__', 'sys.__stdout__', 'sys.__stderr__']);
/** Calls that return a descriptor number, never `PIPE` (-1). */
const GIVES_DESCRIPTOR = new Set(['os.open', 'os.dup', 'os.memfd_create']);

/**
 * The standard streams a `Popen(...)` call may ask a pipe for: each of `stdin`, `stdout`, `stderr` given (by
 * keyword, or by position past `executable`) anything but `None`, `DEVNULL`, `STDOUT`, a `sys` stream, a number,
 * a file or a descriptor (resolved through the imports and local bindings: `tf = tempfile.TemporaryFile()`,
 * `fd = os.open(p, …)`, `f.fileno()`), each `pipe` where it is given `subprocess.PIPE` and `maybe` where it may be;
 * `*args` or `**kwargs`: all three, `maybe`. Empty: the call surely keeps no pipe.
 */
export function pipeStreams(ctx: FileContext, call: SyntaxNode): Map<PopenStream, PipeArgument> {
  const out = new Map<PopenStream, PipeArgument>();
  let positional = 0;
  for (const arg of call.childForFieldName('arguments')?.namedChildren ?? []) {
    if (arg.type === 'list_splat' || arg.type === 'dictionary_splat') return new Map(STREAM_ORDER.map((s) => [s, { kind: 'maybe', value: arg }]));
    if (isExtra(arg)) continue;
    let stream: PopenStream | undefined;
    let value: SyntaxNode | null = arg;
    if (arg.type !== 'keyword_argument') stream = STREAM_ORDER[positional++ - FIRST_PIPE_POSITION];
    else {
      const key = arg.childForFieldName('name')?.text ?? '';
      stream = STREAM_ORDER.find((s) => s === key);
      value = arg.childForFieldName('value');
    }
    if (!stream || !value || surelyNoPipe(ctx, value)) continue;
    const q = value.type === 'identifier' || value.type === 'attribute' ? qualifiedName(ctx.names, value) : undefined;
    out.set(stream, { kind: q === 'subprocess.PIPE' ? 'pipe' : 'maybe', value });
  }
  return out;
}

/**
 * True when `value`, given as a standard stream of `Popen`, is surely not `PIPE` (see `pipeStreams`): also a
 * conditional expression both of whose values are not, `a and b` where `b` is not, `a or b` where neither is, and a
 * local name every binding of which is not
 * (`inout = subprocess.DEVNULL`, `tf = tempfile.TemporaryFile()`, `with open(log, "w") as f:`).
 */
function surelyNoPipe(ctx: FileContext, value: SyntaxNode, depth = 0, at = value): boolean {
  while (value.type === 'parenthesized_expression' && value.namedChildCount === 1) value = value.namedChildren[0]!;
  if (value.type === 'none' || value.type === 'integer' || isFileMaker(ctx, value, at)) return true;
  if (value.type === 'conditional_expression') {
    const [a, , b] = value.namedChildren.filter((c) => !isExtra(c));
    return depth < 4 && a !== undefined && b !== undefined && surelyNoPipe(ctx, a, depth + 1, at) && surelyNoPipe(ctx, b, depth + 1, at);
  }
  // Ex) `stdout=(self.redirect_stdout and inout or None)`: a falsy value is no `PIPE` (-1), so `a and b` is a pipe
  // only where `b` is one, `a or b` where either is
  if (value.type === 'boolean_operator') {
    const left = value.childForFieldName('left');
    const right = value.childForFieldName('right');
    const and = value.childForFieldName('operator')?.type === 'and';
    return depth < 4 && right !== null && surelyNoPipe(ctx, right, depth + 1, at) && (and || (left !== null && surelyNoPipe(ctx, left, depth + 1, at)));
  }
  const q = value.type === 'identifier' || value.type === 'attribute' ? qualifiedName(ctx.names, value) : undefined;
  if (q !== undefined && NO_PIPE.has(q)) return true;
  if (value.type !== 'identifier' || depth >= 4) return false;
  const r = ctx.names.resolve(value.text, value);
  return r.kind === 'local' && r.bindings.length > 0 && r.bindings.every((b) => {
    const p = b.node.parent;
    if (p?.type === 'as_pattern_target') return isFileMaker(ctx, p.parent?.namedChildren[0], at);
    const right = p?.type === 'assignment' && p.childForFieldName('left')?.id === b.node.id ? p.childForFieldName('right') : null;
    // Ex) `p = Popen(cmd, stdout=p)`: not the call being asked about
    return right !== null && !(right.startIndex <= at.startIndex && at.endIndex <= right.endIndex) && surelyNoPipe(ctx, right, depth + 1, at);
  });
}

/**
 * True when `call` makes a file or a descriptor, no `PIPE`: a call of the catalog (`stdout=open(log, "w")`,
 * `tempfile.TemporaryFile()`, `os.popen(cmd)`, a socket), `f.fileno()`, `os.open(…)`. Not a call holding `at`, the
 * stream's argument, inside it: `p = Popen(cmd, stdout=p)` asks about `p`'s own call.
 */
function isFileMaker(ctx: FileContext, call: SyntaxNode | null | undefined, at: SyntaxNode): boolean {
  if (call?.type !== 'call' || (call.id !== at.id && call.startIndex <= at.startIndex && at.endIndex <= call.endIndex)) return false;
  // Ex) `stdin=open(p)`, `stdin=os.popen(other)`, `stdout=socket.create_connection(addr)`: whatever the catalog
  // makes is an object, never the number `PIPE` is
  if (resourceOf(ctx, call)) return true;
  const fn = call.childForFieldName('function');
  if (fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'fileno') return true;
  return GIVES_DESCRIPTOR.has(calleeName(ctx.names, call) ?? '');
}

/**
 * True when `use` (the call `R.method(...)` on a resource R) leaves nothing that still needs R once
 * its statement is done: `method` is eager, or it returns a view that the same expression consumes at
 * once with one of the view's eager methods (`connect(p).execute(q).fetchall()`) or throws away
 * (`connect(p).execute(q)` as a statement of its own).
 */
export function isEagerUse(spec: ResourceSpec, method: string, use: SyntaxNode): boolean {
  // Ex) `shelve.open(p)["k"] = v`: `method` is `[]` for a subscript (open-chain's `subscriptOn`)
  if (method === SUBSCRIPT) return spec.subscripts === true;
  if (spec.eagerMethods.has(method)) return !mayTimeOut(spec, method, use);
  const view = spec.viewMethods?.get(method);
  if (!view) return false;
  const p = use.parent;
  if (p?.type === 'expression_statement') return true;
  if (p?.type !== 'attribute' || p.childForFieldName('object')?.id !== use.id) return false;
  const call = p.parent;
  const attr = p.childForFieldName('attribute')?.text ?? '';
  return call?.type === 'call' && call.childForFieldName('function')?.id === p.id && view.has(attr);
}

/** The `method` of a use that subscripts the resource (`R[k]`), for `isEagerUse`. */
export const SUBSCRIPT = '[]';

/**
 * True when `use` (the call `R.method(...)`) closes the resource itself: `Popen(...).communicate()` reads every
 * pipe to its end, closes it and waits for the process (given no timeout, after which it gives up). `close()`
 * is not counted here: a hand-written close is open-assign-close's to turn into a `with`.
 *
 * A socket's `detach()` counts too: it hands the descriptor to the code as a plain number and leaves the object
 * holding none (-1), so there is nothing left for the GC to close, and a later `close()` (a `with`'s exit) does
 * nothing. Not an io object's `detach()`, which returns the raw stream or buffer that still holds the
 * descriptor, and after which the object's own `close()` raises ValueError.
 */
export function closesItself(spec: ResourceSpec, method: string, use: SyntaxNode): boolean {
  if (method === 'detach') return spec.kind === 'socket' && detachedOnEveryPath(use);
  return method === 'communicate' && spec.exitWaits === true && !mayTimeOut(spec, method, use);
}

/**
 * True when the socket's `detach()` call `use` runs on every path once the socket is made: on the call that makes it
 * (`socket.socket(fileno=fd).detach()`), or in the `finally` of a `try` right after the statement that binds it
 * (`s = socket.socket(fileno=fd)` / `try: …` / `finally: s.detach()`, trio's). Elsewhere (`if keep: return
 * s.detach()`, the last socket of a loop) the other paths leave it to the GC, as a `close()` there would.
 */
function detachedOnEveryPath(use: SyntaxNode): boolean {
  const object = use.childForFieldName('function')?.childForFieldName('object');
  if (object?.type === 'call') return true;
  if (object?.type !== 'identifier') return false;
  let n: SyntaxNode | null = use.parent;
  while (n && n.type !== 'finally_clause') {
    if (n.type === 'function_definition' || n.type === 'lambda' || n.type === 'class_definition') return false;
    n = n.parent;
  }
  const attempt = n?.parent;
  if (attempt?.type !== 'try_statement') return false;
  let before = attempt.previousNamedSibling;
  while (before && isExtra(before)) before = before.previousNamedSibling;
  const assignment = before?.type === 'expression_statement' ? before.namedChildren[0] : undefined;
  return assignment?.type === 'assignment' && assignment.childForFieldName('left')?.text === object.text;
}

/**
 * Why `R.attr` on a process (`Popen(cmd, stdout=PIPE).stdout`), used at once, is left to the user: the `with`
 * that closes the pipe also waits for the process, which the code never did.
 */
export function pipeReason(spec: ResourceSpec, attr: string): string {
  return `\`.${attr}\` is one of the ${spec.kind}'s pipes, and a \`with\` would also wait for the ${spec.kind}, which the code never did: \`subprocess.run(...)\` or \`.communicate()\` read the output, close the pipes and wait`;
}

/** The consumers that read what they are given to its end before they return (not `any`, `all`, `next`). */
export const READS_TO_END: ReadonlySet<string> = new Set([
  'builtins.list', 'builtins.tuple', 'builtins.set', 'builtins.frozenset', 'builtins.sorted', 'builtins.sum', 'builtins.min',
  'builtins.max', 'builtins.dict', 'collections.Counter', 'collections.deque', 'str.join',
  // (Review rw2: `bytes(islice(rows(), 3))`, `dict.fromkeys(…)`, `statistics.mean(…)`, `math.fsum(…)`)
  'builtins.bytes', 'builtins.bytearray', 'builtins.dict.fromkeys', 'math.fsum', 'math.prod',
  ...STATISTICS_READERS,
]);

/** Lazy wrappers that may stop reading what they are given before its end (`zip` stops at the shortest). */
const STOPPING_WRAPPERS: ReadonlySet<string> = new Set(['builtins.zip', 'itertools.islice', 'itertools.takewhile', 'itertools.compress']);

/** True when `call` (of `name`) is a lazy wrapper that may stop reading early: a `STOPPING_WRAPPERS` one, a `map` of several iterables. */
export function wrapperMayStop(name: string, call: SyntaxNode): boolean {
  const args = call.childForFieldName('arguments')?.namedChildren.filter((c) => !isExtra(c)) ?? [];
  // Ex) `zip(os.popen(cmd))`: one iterable, read to its end (not `zip(*its)`, which may be several)
  if (name === 'builtins.zip') return args.length !== 1 || args[0]!.type === 'list_splat' || args[0]!.type === 'keyword_argument';
  if (STOPPING_WRAPPERS.has(name)) return true;
  return name === 'builtins.map' && args.length > 2;
}

/**
 * The first call between `resource` and `until` (both excluded) that may stop reading it early: `zip(…)`,
 * `islice(…)`, `takewhile(…)`, `compress(…)`, a `map` of several iterables. `undefined` when there is none.
 */
export function stopsEarlyOnTheWay(ctx: FileContext, resource: SyntaxNode, until: SyntaxNode): SyntaxNode | undefined {
  for (let p = resource.parent; p && p.id !== until.id; p = p.parent) {
    if (p.type !== 'call') continue;
    const name = calleeName(ctx.names, p);
    if (name && wrapperMayStop(name, p)) return p;
  }
  return undefined;
}

/** The method calls that read a pipe to its end: `.read()` and `.readlines()` with no size. */
export function readsPipeToEnd(method: string, use: SyntaxNode): boolean {
  return (method === 'read' || method === 'readlines') && (use.childForFieldName('arguments')?.namedChildren.every(isExtra) ?? false);
}

/**
 * Why a `with` would wait for the command of a pipe whose `close()` waits (`closeWaits`), where `use` may stop
 * reading before its end: CPython dropped the pipe there without waiting.
 */
export function closeWaitsReason(spec: ResourceSpec, use: string): string {
  return `closing ${aKind(spec.kind)} waits for its command to end, which CPython, dropping it after \`${use}\`, did not: only a use that reads all its output (\`.read()\`, \`list(…)\`, a loop that runs out) is done with the command; close it by hand where waiting is wanted`;
}

/**
 * The note of a fix over a pipe whose `close()` waits (`closeWaits`), made unsafe since code run on each line may
 * raise (`done`: what is done with the command when it runs out; `code`: that code).
 */
export function exceptionWaitsNote(done: string, code: string): string {
  return `; ${done} is done with the command, but where an exception from ${code} leaves first, closing the pipe waits for the command to end, which CPython, dropping it, did not`;
}

/** What `withify explain` says of `closeNote` for the transforms that add a close the code never made. */
export const CLOSE_SAFETY =
  ' Unsafe for a tar archive that may be open for writing (`tarfile.open(p, "w")`, a mode that is no string): closing it writes the ' +
  'end-of-archive blocks CPython never wrote (`TarFile` has no `__del__`), so the archive comes out complete and its bytes change; ' +
  'and for a sqlite3 connection given `uri=`, which may name a shared-cache in-memory database: closing it ends the database, ' +
  'which CPython 3.11+ and PyPy, leaving the dropped connection to a collection, kept for other connections; for a sqlite3 ' +
  'connection given `factory=`, whose class\'s own `close()` may do more (a commit) and was never called by the drop; and ' +
  'for a wave file opened for writing or a shelf given `writeback=`, whose close raises what `__del__` only printed ' +
  '("Exception ignored": parameters never set, an entry that does not pickle). Offered with ' +
  '`--unsafe-fixes`, with the other resources of its `with`.';

/**
 * For a fix that adds a close the code never made (a `with` around a resource never closed): why it is unsafe,
 * as a note to add to the finding's message (it starts with `; `), when closing does what dropping the object
 * never did:
 * - writes (`closeFinishes`): a tar archive that may be open for writing, its `mode` (second argument, or
 *   `mode=`) given and no string starting with `r`. Ex) moto's `file2tar`, `tarfile.TarFile(fileobj=buf,
 *   mode="w")` never closed: the buffer it returns holds 1,024 bytes, 10,240 once a `with` closes the archive;
 * - ends what others read (`sharedByUri`): a sqlite3 connection given `uri=`, which may name a shared-cache
 *   in-memory database (`file:db?mode=memory&cache=shared`), kept by the dropped connection until a collection
 *   on CPython 3.11+ (a reference cycle) and PyPy, where another connection may still read it.
 */
export function closeNote(spec: ResourceSpec, call: SyntaxNode): string | undefined {
  if (spec.sharedByUri && givesKeyword(call, 'uri')) {
    return `; \`uri=\` may name a shared-cache in-memory database, which ends with its last connection: closing this one ends it where CPython 3.11+ and PyPy kept it until a collection, and another connection may still read it`;
  }
  // Ex) `sqlite3.connect(p, factory=AutoCommit)`: a subclass's `close()`, which dropping the connection never called
  if (spec.name.startsWith('sqlite3.') && spec.kind === 'database connection' && (givesKeyword(call, 'factory') || positionalCount(call) > 5)) {
    return `; \`factory=\` may make a connection whose own \`close()\` does more than close (a commit), which dropping it never called`;
  }
  // Ex) `wave.open(p, "wb")` left before `setnchannels()`; `shelve.open(p, writeback=True)` holding an object pickle
  // refuses: `__del__` calls `close()` too, and prints what it raises ("Exception ignored"); a `with` raises it
  if (spec.name === 'wave.open' && openedForWriting(call)) {
    return `; closing a wave file opened for writing raises \`wave.Error\` where its parameters were never set, which dropping it only printed ("Exception ignored")`;
  }
  // Ex) `wave.open(f).setnchannels(1)` over a file opened "wb": no mode, it takes `f.mode`, and the code writes
  if (spec.name === 'wave.open' && literalMode(call) === undefined && wavWritten(call)) {
    return `; \`wave.open()\` given no mode takes the file's own, and the code writes to it: closing a wave file written raises \`wave.Error\` where its parameters were never set, which dropping it only printed ("Exception ignored")`;
  }
  if (spec.name === 'shelve.open' && givesKeyword(call, 'writeback', positionalCount(call) > 3)) {
    return `; closing a shelf given \`writeback=\` writes its cached entries back, and raises what pickling them raises, which dropping it only printed ("Exception ignored")`;
  }
  const writing = spec.closeFinishes ? openedForWriting(call) : false;
  if (!writing) return undefined;
  const opened = writing === 'maybe' ? `that may be open for writing (its mode is not a string)` : 'opened for writing';
  return `; closing ${aKind(spec.kind)} ${opened} writes ${spec.closeFinishes}, which the code never did (CPython dropped it without): the bytes it leaves change`;
}

/** The methods of a wave file that only a writer has. */
export const WAVE_WRITES: ReadonlySet<string> = new Set(['setnchannels', 'setsampwidth', 'setframerate', 'setnframes', 'setcomptype', 'setparams', 'writeframes', 'writeframesraw']);

/**
 * True when the code may call a writer's method (`WAVE_WRITES`) on what `call` (a `wave.open(…)` with no mode) makes:
 * on the call itself (`wave.open(f).setnchannels(1)`); for `w = wave.open(f)`, through `w` anywhere after it in the
 * function (or module) around it: `w.setnchannels(…)`, or `w` used otherwise than by a method of its own (passed to a
 * helper, `getattr(w, "setnchannels")`, `out = w`); or when the value goes anywhere else (passed on, stored).
 */
function wavWritten(call: SyntaxNode): boolean {
  const top = outerParens(call);
  const p = top.parent;
  if (p?.type === 'attribute' && p.childForFieldName('object')?.id === top.id) return WAVE_WRITES.has(p.childForFieldName('attribute')?.text ?? '');
  const target = p?.type === 'assignment' && p.childForFieldName('right')?.id === top.id ? p.childForFieldName('left') : undefined;
  if (target?.type !== 'identifier') return p?.type !== 'with_item';
  let scope: SyntaxNode = call;
  while (scope.parent && scope.type !== 'function_definition') scope = scope.parent;
  return identifiersNamed(scope, target.text).some((id) => {
    if (id.startIndex <= call.endIndex) return false;
    const at = id.parent;
    // (`w.getnframes()`: a reader's method, or one both have)
    if (at?.type === 'attribute' && at.childForFieldName('object')?.id === id.id) return WAVE_WRITES.has(at.childForFieldName('attribute')?.text ?? '');
    // (`w = …` again, `x.w`, `f(w=1)`: not a use of it)
    if (at?.type === 'attribute' || (at?.type === 'keyword_argument' && at.childForFieldName('name')?.id === id.id)) return false;
    return !(at?.type === 'assignment' && at.childForFieldName('left')?.id === id.id);
  });
}

/**
 * True when `call` is given the keyword `key` (not `False` or `None`), or `**kwargs` may give it; `byPosition`:
 * it is given by position. `*args` may give anything.
 */
function givesKeyword(call: SyntaxNode, key: string, byPosition = false): boolean {
  return byPosition || (call.childForFieldName('arguments')?.namedChildren ?? []).some((a) =>
    a.type === 'dictionary_splat' || a.type === 'list_splat' || (a.type === 'keyword_argument' && a.childForFieldName('name')?.text === key && !/^(?:False|None)$/.test(a.childForFieldName('value')?.text ?? '')));
}

/** Where the catalog's archive and compressed-file calls take a file object by position (`fileobj`). */
const FILEOBJ_AT: ReadonlyMap<string, number> = new Map([['tarfile.open', 2], ['tarfile.TarFile', 2], ['gzip.GzipFile', 3]]);
/** The calls whose first argument may be a file object (a path or one). */
const FILE_OR_PATH: ReadonlySet<string> = new Set(['zipfile.ZipFile', 'gzip.open', 'bz2.open', 'bz2.BZ2File', 'lzma.open', 'lzma.LZMAFile']);

/**
 * True when what `call` makes only reads (or writes a plain tar into) a file object the code holds, and owns nothing
 * of its own: no descriptor, nothing a drop does on one interpreter and not the other, the file object left open.
 * `tarfile.open(fileobj=buf)`, `tarfile.TarFile(None, "r", f)`, `tarfile.open(fileobj=buf, mode="w")` (`TarFile` has no
 * `__del__`: dropped, neither interpreter finishes the archive), `gzip.GzipFile(fileobj=f, mode="rb")`,
 * `zipfile.ZipFile(io.BytesIO(data))`. Given a mode that is no string starting with `r` (but a plain tar's), or
 * `GzipFile` given none (it takes the file object's, which may be `"wb"`): it may write, and its drop writes what is
 * left on CPython at once (a trailer, a central directory), on PyPy at a collection.
 */
function readsHeldFile(ctx: FileContext, spec: ResourceSpec, call: SyntaxNode): boolean {
  const at = FILEOBJ_AT.get(spec.name);
  if (at === undefined && !FILE_OR_PATH.has(spec.name)) return false;
  const mode = literalMode(call);
  if (mode === null || (mode === undefined && spec.name === 'gzip.GzipFile')) return false;
  // Ex) `tarfile.TarFile(fileobj=buf, mode="w")`, `tarfile.open(fileobj=buf, mode="w")`: a plain tar written straight
  // into the file object, no `__del__` on the way, on either interpreter (not `"w:gz"`, `"w|"`: a `GzipFile` or a
  // stream between, whose `__del__` writes what is left)
  const plainTar = spec.name === 'tarfile.TarFile' || (spec.name === 'tarfile.open' && mode !== undefined && /^[wax]:?$/.test(mode));
  if (mode !== undefined && !mode.startsWith('r') && !plainTar) return false;
  if (at === undefined) {
    const first = firstPositional(call);
    const f = first?.type === 'call' ? first.childForFieldName('function') : null;
    return f !== null && f !== undefined && /^io\.(?:BytesIO|StringIO)$/.test(qualifiedName(ctx.names, f) ?? '');
  }
  let position = 0;
  for (const a of call.childForFieldName('arguments')?.namedChildren ?? []) {
    if (isExtra(a)) continue;
    if (a.type === 'keyword_argument') {
      if (a.childForFieldName('name')?.text === 'fileobj' && a.childForFieldName('value')?.text !== 'None') return true;
    } else if (a.type !== 'list_splat' && a.type !== 'dictionary_splat' && position++ === at && a.text !== 'None') return true;
  }
  return false;
}

/** The first argument `call` gives by position (`open(p, "w")`: `p`), if any. */
export function firstPositional(call: SyntaxNode): SyntaxNode | undefined {
  return call.childForFieldName('arguments')?.namedChildren.find((a) => !isExtra(a) && a.type !== 'keyword_argument');
}

/** How many arguments `call` gives by position (`*args`: as many as a call may give). */
function positionalCount(call: SyntaxNode): number {
  let n = 0;
  for (const a of call.childForFieldName('arguments')?.namedChildren ?? []) {
    if (a.type === 'list_splat') return Infinity;
    if (!isExtra(a) && a.type !== 'keyword_argument' && a.type !== 'dictionary_splat') n++;
  }
  return n;
}

/**
 * The mode an `open`-like call gives (second positional argument, or `mode=`), as the text of its string
 * literal: `undefined` when it gives none, `null` when it is no plain string literal or `*args`/`**kwargs` may give it.
 */
export function literalMode(call: SyntaxNode): string | undefined | null {
  const args = call.childForFieldName('arguments');
  if (args?.type !== 'argument_list') return null;
  let mode: SyntaxNode | undefined;
  let position = 0;
  for (const a of args.namedChildren) {
    if (isExtra(a)) continue;
    if (a.type === 'list_splat' || a.type === 'dictionary_splat') return null;
    if (a.type === 'keyword_argument') {
      if (a.childForFieldName('name')?.text === 'mode') mode = a.childForFieldName('value') ?? undefined;
    } else if (position++ === 1) mode = a;
  }
  if (!mode) return undefined;
  return /^[rRuU]?(['"])([^'"\\]*)\1$/.exec(mode.text)?.[2] ?? null;
}

/**
 * Whether the call opens for writing, by its mode (second positional argument or `mode=`): false when it is
 * absent or a string starting with `r`, `'maybe'` when it is no string (or `*args`/`**kwargs` may give it).
 */
export function openedForWriting(call: SyntaxNode): boolean | 'maybe' {
  const mode = literalMode(call);
  return mode === undefined ? false : mode === null ? 'maybe' : !mode.startsWith('r');
}

/** Where a method that waits for the resource may give up waiting, the position of its `timeout` argument. */
const TIMEOUT_POSITION: ReadonlyMap<string, number> = new Map([['communicate', 1], ['wait', 0]]);

/**
 * True when `use` (the call `R.method(...)`) may stop waiting before the resource is done: `method` takes a
 * timeout and the call may pass one (by keyword, by position, or through `*args`/`**kwargs`). Once the time is
 * up it raises `TimeoutExpired` and the process runs on; where `__exit__` waits (`spec.exitWaits`), a `with`
 * would then wait for the process with no timeout at all.
 * Ex) `Popen(cmd).communicate(timeout=5)`, `Popen(cmd).wait(5)`
 */
export function mayTimeOut(spec: ResourceSpec, method: string, use: SyntaxNode): boolean {
  const position = TIMEOUT_POSITION.get(method);
  if (!spec.exitWaits || position === undefined) return false;
  let positional = 0;
  for (const arg of use.childForFieldName('arguments')?.namedChildren ?? []) {
    if (arg.type === 'list_splat' || arg.type === 'dictionary_splat') return true;
    if (arg.type === 'keyword_argument') {
      if (arg.childForFieldName('name')?.text === 'timeout') return true;
    } else if (!isExtra(arg) && positional++ === position) return true;
  }
  return false;
}

/** The last part of every catalog name (`open`, `urlopen`, `Popen`): what a resource callee is called. */
export const RESOURCE_CALL_NAMES: readonly string[] = [...new Set([...RESOURCE_CALLS.keys()].map((n) => n.slice(n.lastIndexOf('.') + 1)))];

/**
 * Words one of which a file must contain to hold any catalog call; transforms list them as `triggers`.
 * A call resolves to `mod.name` only through an import, so both `mod` and `name` are in the file: each
 * entry is covered by the rarer of the two (`sqlite3` rather than `connect`, `fileinput` rather than
 * `input`; `open` covers every `*.open`). A test checks every catalog entry is covered.
 */
export const RESOURCE_TRIGGERS: readonly string[] = [
  'open', 'fdopen', 'popen', 'urlopen', 'GzipFile', 'BZ2File', 'LZMAFile', 'TarFile', 'ZipFile', 'TemporaryFile',
  'NamedTemporaryFile', 'SpooledTemporaryFile', 'socket', 'sqlite3', 'mmap', 'fileinput', 'Popen',
];

/** Catalog calls whose mode argument (at this position, or `mode=`) defaults to reading. */
const MODE_AT: ReadonlyMap<string, number> = new Map([
  ...['builtins.open', 'io.open', 'codecs.open', 'gzip.open', 'gzip.GzipFile', 'bz2.open', 'bz2.BZ2File', 'lzma.open', 'lzma.LZMAFile', 'os.fdopen', 'tarfile.open', 'zipfile.ZipFile'].map((n) => [n, 1] as const),
  ['pathlib.Path.open', 0],
]);
/** Catalog calls that only ever read. */
const READ_ONLY = new Set(['tokenize.open', 'urllib.request.urlopen', 'zipfile.ZipFile.open']);

/**
 * False only when the resource made by `call` surely cannot be written: a reading-only kind, or a file
 * opened with no mode (not a `GzipFile` over a `fileobj`, whose mode it takes) or a literal one of `r`, `b`, `t`, `U`.
 * Closing a written file flushes it, which the
 * rest of a statement may observe (`json.dump(d, open(p, "w")) or check(p)`).
 */
export function mayWrite(spec: ResourceSpec, call: SyntaxNode): boolean {
  if (READ_ONLY.has(spec.name)) return false;
  const at = MODE_AT.get(spec.name);
  if (at === undefined) return true;
  const args = call.childForFieldName('arguments');
  if (args?.type !== 'argument_list') return true;
  let mode: SyntaxNode | undefined;
  let fileobj = false;
  let i = 0;
  for (const a of args.namedChildren) {
    if (isExtra(a)) continue;
    if (a.type === 'list_splat' || a.type === 'dictionary_splat') return true;
    if (a.type === 'keyword_argument') {
      const key = a.childForFieldName('name')?.text;
      if (key === 'mode') mode = a.childForFieldName('value') ?? undefined;
      if (key === 'fileobj') fileobj = true;
      continue;
    }
    if (i === 3) fileobj = true;
    if (i++ === at) mode = a;
  }
  // Ex) `gzip.GzipFile(fileobj=f)`: with no mode (or `None`) it takes the mode of `f`, which may be `"wb"`
  if (spec.name === 'gzip.GzipFile' && fileobj && (!mode || mode.text === 'None')) return true;
  if (!mode) return false;
  return !(mode.type === 'string' && /^[rRuU]?(['"])[rbtU]*\1$/.test(mode.text));
}

/** A cheap text test: could this source contain any catalog call at all? (Skips most files unparsed.) */
export const RESOURCE_HINT_RE = new RegExp(`\\b(?:${RESOURCE_TRIGGERS.join('|')})\\b`);
/** `RESOURCE_HINT_RE.test(source)`, scanned once per text for every transform that asks. */
export const mayHoldResourceCall = textTest(RESOURCE_HINT_RE);

export interface WithItem {
  /** The text of one `with` item, e.g. `open(p) as f` or `contextlib.closing(sqlite3.connect(p)) as conn`. */
  item: string;
  /** Edits the item needs elsewhere in the file (an import), applied with the fix. */
  edits: Edit[];
  /**
   * Why the close a `with` adds does more than the drop it replaces (`closeNote`: a tar archive open for writing
   * gets its end; a shared-cache in-memory sqlite3 database ends): a fix whose `with` adds the close the code never
   * made is then unsafe. (WFY104's `with` replaces the code's own `close()`, and changes nothing there.)
   */
  closeNote?: string;
}

/**
 * The `with` item that manages the resource made by `call`, bound to `name`. Every transform builds its
 * `with` items here, so a resource whose own `__exit__` does not close it (sqlite3: commits only), or
 * that is no context manager on the target Python, gets `contextlib.closing(...)` in one place.
 */
export function withItemFor(ctx: FileContext, spec: ResourceSpec, call: SyntaxNode, name: string): WithItem | string {
  const note = closeNote(spec, call) ?? doubledNote(ctx, spec, call);
  const needsClosing = spec.management === 'closing' || (spec.withSince !== undefined && !versionAtLeast(ctx.target, spec.withSince));
  if (!needsClosing) return { item: `${call.text} as ${name}`, edits: [], ...(note ? { closeNote: note } : {}) };
  const closing = planClosingName(ctx, call);
  if (typeof closing === 'string') return `it needs \`contextlib.closing\`, and ${closing}`;
  return { item: `${closing.text}(${call.text}) as ${name}`, edits: closing.edits, ...(note ? { closeNote: note } : {}) };
}

interface PatchFacts {
  patchedNames?: Record<string, string>;
  mockedNames?: Record<string, string>;
  patchedBy?: Record<string, string[]>;
  aliases?: Record<string, string>;
}

/**
 * Why a `with` around `call` may break the project's tests, when another module of the project replaces or doubles
 * what it calls (the project index's `patchedNames`): this module's own name for it (`mock.patch("pkg.fetch.urlopen")`,
 * `pkg.fetch.urlopen = fake`), or the catalog's name doubled by a test of the package holding this module or of a module
 * that imports it (`mock.patch("urllib.request.urlopen", side_effect=fake)` in `pkg.tests.test_fetch`; `patchedBy`). The test's double is then entered by the `with`: one with no `__enter__` raises TypeError,
 * and a `MagicMock`'s `__enter__` gives another mock than the one the test set up. (A patch around the call in its own
 * file makes the call no resource at all: `mockedAround`.) Else `undefined`.
 */
export function doubledNote(ctx: FileContext, spec: ResourceSpec, call: SyntaxNode): string | undefined {
  const index = ctx.project?.generators as PatchFacts | undefined;
  if ((!index?.patchedNames && !index?.mockedNames) || !ctx.moduleName) return undefined;
  // (Replaced or doubled with a value of its own, or patched with a `MagicMock`: `mock.patch("pkg.fetch.urlopen")`)
  let patched = mergedPatches.get(index);
  if (!patched) mergedPatches.set(index, (patched = { ...index.mockedNames, ...index.patchedNames }));
  const fn = call.childForFieldName('function');
  const enters = 'the `with` enters what the test put there, which may be no context manager (a TypeError), or a mock whose `__enter__` gives another mock than the one the test set up';
  // This module's own name for the callee or a name it is reached through: `pkg.fetch.urlopen` for `urlopen(u)`,
  // `pkg.net.socket.socket` or `pkg.net.socket` for `socket.socket()` (review rw6: not `pkg.comp.open` for `gzip.open(p)`)
  const dotted = fn && /^[A-Za-z_][\w.]*$/.test(fn.text.replace(/\s+/g, '')) ? fn.text.replace(/\s+/g, '').split('.') : [];
  for (let k = dotted.length; k > 0; k--) {
    const own = `${ctx.moduleName}.${dotted.slice(0, k).join('.')}`;
    if (Object.hasOwn(patched, own)) return `; ${patched[own]} replaces \`${own}\`: ${enters}`;
  }
  if (!Object.hasOwn(patched, spec.name)) return undefined;
  const importers = importersOf(index!);
  const module = ctx.moduleName;
  // A test of the package that holds this module (`IPython.core.tests.test_display` for `IPython.core.display`, which
  // it reaches through `from IPython import display`; `pkg.tests.test_x` for `pkg.fetch`), or a module that imports
  // this one, a name of it, or a package holding it (not a module of a package of tests: `test.test_codecs` for
  // `test.test_zipimport`, both CPython's tests)
  const tested = (by: string) => {
    const parts = by.split('.').slice(0, -1);
    while (parts.length && /^tests?$|^testing$/.test(parts.at(-1)!)) parts.pop();
    return parts.length > 0 && module.startsWith(`${parts.join('.')}.`);
  };
  // (Not this module itself: a patch in its own text counts only around the call, `mockedAround`)
  const reaches = (by: string) => by !== module && (tested(by) || [...(importers.get(by) ?? [])].some((t) => t === module || module.startsWith(`${t}.`) || t.startsWith(`${module}.`)));
  const by = (index!.patchedBy?.[spec.name] ?? []).find(reaches);
  return by === undefined ? undefined : `; a test double of \`${spec.name}\` in \`${by}\` (\`mock.patch\`, \`monkeypatch.setattr\`) replaces it: ${enters}`;
}

const mergedPatches = new WeakMap<object, Record<string, string>>();

/** Per module of the index, the targets of its imports (`aliases`: `pkg.test_fetch.fetch` → `pkg.fetch`), once per index. */
export function importersOf(index: PatchFacts): Map<string, Set<string>> {
  let found = importerMemo.get(index);
  if (!found) {
    found = new Map();
    for (const [key, target] of Object.entries(index.aliases ?? {})) {
      const module = key.slice(0, key.lastIndexOf('.'));
      let set = found.get(module);
      if (!set) found.set(module, (set = new Set()));
      set.add(target);
    }
    importerMemo.set(index, found);
  }
  return found;
}
const importerMemo = new WeakMap<object, Map<string, Set<string>>>();

/** `contextlib.closing` as the file can name it at `at`, importing contextlib when it must; else why it cannot. */
function planClosingName(ctx: FileContext, at: SyntaxNode): { text: string; edits: Edit[] } | string {
  const found = planImportedName(ctx, at, 'contextlib', 'closing', 'module');
  if (typeof found !== 'string') return found;
  // Ex) `globals()` read by the module, `contextlib.py` beside it: no form of the import may be added
  const blocked = newImportReason(ctx, 'contextlib', ['contextlib', 'closing', 'contextlib_', '_contextlib']);
  if (blocked) return blocked;
  // Ex) a variable called `contextlib` and another called `closing`: import under a fresh alias, one per file
  // (every fix of a pass names the same one; identical import lines are applied once)
  let alias = closingAliases.get(ctx.root);
  if (!alias) closingAliases.set(ctx.root, (alias = ctx.freshName(ctx.root, ['contextlib_', '_contextlib'])));
  return { text: `${alias}.closing`, edits: [planTopLevelImport(ctx, `import contextlib as ${alias}`)] };
}
const closingAliases = new WeakMap<SyntaxNode, string>();

/** True when closing what `call` makes deletes a file by its name: a `NamedTemporaryFile` without `delete=False`. */
export function deletesByName(spec: ResourceSpec, call: SyntaxNode): boolean {
  return spec.name === 'tempfile.NamedTemporaryFile' && !givesFalse(call, 'delete');
}

/**
 * True when `call` gives the keyword `key` a value that may be false (anything but `True` or `1`): `delete=False` or
 * `delete=keep` of a `TemporaryDirectory` (3.12) that may never remove its directory.
 */
export function givesMaybeFalse(call: SyntaxNode, key: string): boolean {
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  return args.some((k) => k.type === 'keyword_argument' && k.childForFieldName('name')?.text === key && !/^(?:True|1)$/.test(k.childForFieldName('value')?.text ?? ''));
}

/** True when `call` gives the keyword `key` as `False` or `0`. */
export function givesFalse(call: SyntaxNode, key: string): boolean {
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  return args.some((k) => k.type === 'keyword_argument' && k.childForFieldName('name')?.text === key && /^(?:False|0)$/.test(k.childForFieldName('value')?.text ?? ''));
}

/**
 * True when an item of the `with` statement `w` may take an exception its body raises, so that the code after the
 * `with` runs with the body cut short: `contextlib.suppress(E)` (under any import of it), `self.assertRaises(E)`,
 * `pytest.raises(E)`, `self.subTest()`, an `ExitStack`, a user's `@contextmanager` that catches, a name holding any of
 * them (`quiet = suppress(E)` / `with quiet:`). Not a lock by its name (`with lock:`, `with self._lock:`), a resource of
 * the catalog, or a standard manager whose exit lets the exception through (`PASSES_EXCEPTIONS`).
 */
export function maySwallow(ctx: FileContext, w: SyntaxNode): boolean {
  const items = w.namedChildren.find((c) => c.type === 'with_clause')?.namedChildren.filter((c) => c.type === 'with_item') ?? [];
  return items.some((item) => {
    const value = withItemValue(item);
    if (value?.type === 'identifier' || value?.type === 'attribute') return !LOCK_NAME.test(value.text);
    if (value?.type !== 'call') return true;
    if (resourceOf(ctx, value)) return false;
    return !PASSES_EXCEPTIONS.test(calleeName(ctx.names, value) ?? '');
  });
}

const LOCK_NAME = /(?:^|[._])(?:r?lock|mutex|sem(?:aphore)?|cond(?:ition)?|cv)$/i;
/** Context managers whose exit lets an exception through (a lock, a patch, a closing): no suppressor. */
const PASSES_EXCEPTIONS = /^(?:contextlib\.(?:closing|nullcontext|redirect_stdout|redirect_stderr|chdir|aclosing)|threading\.\w+|multiprocessing\.\w+|tempfile\.\w+|unittest\.mock\.patch(?:\.\w+)?|mock\.patch(?:\.\w+)?|warnings\.catch_warnings|decimal\.localcontext|os\.scandir|builtins\.open|io\.open)$/;
