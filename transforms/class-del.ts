// class-del (WFY110, report only): a class that releases something in `__del__` relies on the
// finalizer running when the last reference goes, which only reference counting guarantees:
//     class Conn:
//         def __del__(self):
//             self.sock.close()       # PyPy: runs at some later GC, or never at exit
import type { FileContext, Finding, SyntaxNode, Transform } from '../src/types.js';
import { preview } from '../src/python/evaluation.js';
import { calleeName, qualifiedName } from '../src/python/imports.js';
import { unwrapParens } from '../src/python/statements.js';

const ID = 'class-del';
const CODE = 'WFY110';

/** Calls that give something back to the system: a file, socket, lock, process, temporary path. */
// Not `join` (`", ".join(...)`) or a bare `remove` (`registry.remove(self)`): too often no resource at all.
const RELEASE_CALLS = new Set([
  'close', 'release', 'shutdown', 'terminate', 'kill', 'cleanup', 'disconnect', 'unlink', 'rmtree',
  'stop', 'dispose', 'free', 'detach', 'unmap', 'closerange', 'wait', 'flush', 'unregister', '__exit__',
]);
const RELEASE_FUNCTIONS = new Set(['os.remove', 'os.unlink', 'os.rmdir', 'os.close', 'shutil.rmtree']);

/** The statement `__del__ = …` of `cls`'s body, if it has one. */
function delAssignment(cls: SyntaxNode): SyntaxNode | undefined {
  return cls.childForFieldName('body')?.namedChildren.find((st) => st.type === 'expression_statement' && /^__del__\s*=/.test(st.text));
}

function methodsOf(cls: SyntaxNode): Map<string, SyntaxNode> {
  const out = new Map<string, SyntaxNode>();
  const assigned: Array<[string, SyntaxNode]> = [];
  for (const stmt of cls.childForFieldName('body')?.namedChildren ?? []) {
    const def = stmt.type === 'decorated_definition' ? stmt.childForFieldName('definition') : stmt;
    const name = def?.type === 'function_definition' ? def.childForFieldName('name')?.text : undefined;
    if (name && def) out.set(name, def);
    // Ex) `__del__ = close`, `__exit__ = lambda self, *exc: self.close()`
    const assign = stmt.type === 'expression_statement' ? stmt.namedChildren[0] : undefined;
    const left = assign?.type === 'assignment' ? assign.childForFieldName('left') : undefined;
    const right = assign?.childForFieldName('right');
    if (left?.type === 'identifier' && right) assigned.push([left.text, right]);
  }
  for (const [name, value] of assigned) {
    const target = value.type === 'identifier' ? out.get(value.text) : value.type === 'lambda' ? value : undefined;
    if (target) out.set(name, target);
  }
  return out;
}

/** The name of `fn`'s first parameter (`self`), if it has one. */
function selfName(fn: SyntaxNode): string | undefined {
  const first = fn.childForFieldName('parameters')?.namedChildren[0];
  const name = first?.type === 'identifier' ? first : first?.type === 'typed_parameter' || first?.type === 'default_parameter' ? first.namedChildren[0] : undefined;
  return name?.type === 'identifier' ? name.text : undefined;
}

/**
 * True when `value` is what the instance holds: `self`, an attribute or item reached from it (`self.sock`,
 * `self.files[0]`), `getattr(self, "sock", None)`, or one of those picked by `or`/`if`. A call made on it
 * (`self.make_gen()`) gives something new, which the instance does not hold.
 */
function reachesSelf(value: SyntaxNode, self: string): boolean {
  const v = unwrapParens(value);
  switch (v.type) {
    case 'identifier':
      return v.text === self;
    case 'attribute':
      return reachesSelf(v.childForFieldName('object')!, self);
    case 'subscript':
      return reachesSelf(v.childForFieldName('value')!, self);
    case 'call': {
      const f = v.childForFieldName('function');
      const first = v.childForFieldName('arguments')?.namedChildren[0];
      return f?.text === 'getattr' && first !== undefined && reachesSelf(first, self);
    }
    case 'boolean_operator':
    case 'conditional_expression':
      return v.namedChildren.some((c) => reachesSelf(c, self));
    default:
      return false;
  }
}

/**
 * True when the binding at `node` (a target, or a `:=`) takes its value from `self`: `s = self.sock`, `c` of
 * `for c in self.children:` or `with self.lock as c:` (any read of `self` in what is iterated or entered).
 */
function boundFromSelf(node: SyntaxNode, self: string): boolean {
  const mentions = (v: SyntaxNode | null | undefined) => !!v && (v.text === self || v.descendantsOfType('identifier').some((i) => i.text === self));
  for (let a: SyntaxNode | null = node; a; a = a.parent) {
    switch (a.type) {
      case 'assignment':
      case 'augmented_assignment':
      case 'named_expression': {
        const value = a.childForFieldName(a.type === 'named_expression' ? 'value' : 'right');
        return !!value && reachesSelf(value, self);
      }
      case 'for_statement':
        return mentions(a.childForFieldName('right'));
      case 'as_pattern':
        return mentions(a.namedChildren[0]);
      case 'block':
      case 'function_definition':
        return true; // (not read here: taken as held)
    }
  }
  return true;
}

/**
 * The names `fn`'s own body binds to something the instance does not hold (`g = gen()`, `tmp = open(p)`, `with
 * open(p) as f`): the function's bindings (the scope index's) that are assignments, none from `self`. Not a
 * parameter, nor a name declared `global` or `nonlocal`.
 */
function ownLocals(ctx: FileContext, fn: SyntaxNode, self: string | undefined): Set<string> {
  const own = new Set<string>();
  for (const [name, bindings] of ctx.names.bindings(fn)) {
    if (name === self) continue;
    if (bindings.every((b) => b.kind === 'assign' && (self === undefined || !boundFromSelf(b.node, self)))) own.add(name);
  }
  return own;
}

/** The name at the root of a call's receiver: `g` of `g.close()`, `self` of `self.f.close()`. */
function receiverRoot(f: SyntaxNode): SyntaxNode | undefined {
  let n: SyntaxNode | null = f.type === 'attribute' ? f.childForFieldName('object') : null;
  while (n) {
    n = unwrapParens(n);
    if (n.type === 'identifier') return n;
    n = n.type === 'attribute' ? n.childForFieldName('object') : n.type === 'subscript' ? n.childForFieldName('value') : null;
  }
  return undefined;
}

/**
 * The first call in `fn`'s own body (nested defs excluded) that releases something, e.g. `self.f.close()`.
 * Not one on a name `fn` binds itself to something new: that is no resource the instance holds.
 */
function releaseCall(ctx: FileContext, fn: SyntaxNode): SyntaxNode | undefined {
  const body = fn.childForFieldName('body');
  let locals: Set<string> | undefined;
  for (const call of body?.descendantsOfType('call') ?? []) {
    let nested = false;
    for (let a = call.parent; a && a.id !== fn.id; a = a.parent) {
      if (a.type === 'function_definition' || a.type === 'lambda' || a.type === 'class_definition') nested = true;
    }
    if (nested) continue;
    const f = call.childForFieldName('function');
    const name = f?.type === 'attribute' ? f.childForFieldName('attribute')?.text : f?.text;
    if (name && RELEASE_CALLS.has(name)) {
      // Ex) `g = gen()` then `g.close()` in a `finally` (withify's own generator-close fix inside `__del__`)
      const root = receiverRoot(f!);
      if (root && (locals ??= ownLocals(ctx, fn, selfName(fn))).has(root.text)) continue;
      return call;
    }
    const q = calleeName(ctx.names, call);
    if (q && RELEASE_FUNCTIONS.has(q)) return call;
  }
  return undefined;
}

/**
 * Whether an `__exit__` may release something: it calls a release method (`self.close()`), or hands on to another
 * exit (`super().__exit__(*exc)`, `self.__del__()`). A lambda or a method named elsewhere counts as it reads.
 */
function releasesAnything(exit: SyntaxNode): boolean {
  if (exit.type !== 'function_definition' && exit.type !== 'lambda') return true;
  const body = exit.childForFieldName('body');
  // Ex) `with self._stack:` in it: the stack's exit releases what it holds
  if (body?.descendantsOfType('with_statement').length) return true;
  for (const call of body?.descendantsOfType('call') ?? []) {
    const f = call.childForFieldName('function');
    const name = f?.type === 'attribute' ? f.childForFieldName('attribute')?.text : f?.text;
    // Ex) `await self.aclose()`, `self.smtp.quit()`, `self._teardown()`, `os.remove(self.path)`
    if (name && (RELEASE_CALLS.has(name) || RELEASING_NAME.test(name) || /^__(?:a?exit|del)__$/.test(name))) return true;
  }
  return false;
}

/** A method or function whose name says it releases (`aclose`, `quit`, `_teardown`, `remove`); not `commit`. */
const RELEASING_NAME = /close|release|shutdown|quit|stop|clean|teardown|dispose|free|disconnect|terminate|kill|exit|remove|unlink|rmdir|rmtree|delete|cancel|join|detach|unregister|unmap|destroy|finali[sz]e/i;

/** Library classes whose instances are context managers already: a subclass inherits `__exit__`. */
const CONTEXT_MANAGER_BASES = new RegExp(
  '^(?:io\\.\\w+|_io\\.\\w+|_pyio\\.\\w+|socket\\.socket|contextlib\\.(?:Abstract(?:Async)?ContextManager|(?:Async)?ExitStack)|typing\\.(?:Async)?ContextManager|' +
    'tempfile\\.\\w+|zipfile\\.ZipFile|tarfile\\.TarFile|subprocess\\.Popen|concurrent\\.futures\\.\\w*Executor|ftplib\\.FTP(?:_TLS)?|' +
    'smtplib\\.SMTP(?:_SSL)?|imaplib\\.IMAP4(?:_SSL)?|socketserver\\.\\w*Server|selectors\\.\\w*Selector|multiprocessing\\.pool\\.\\w*Pool|mmap\\.mmap|' +
    '(?:gzip\\.GzipFile|bz2\\.BZ2File|lzma\\.LZMAFile)|shelve\\.\\w*Shelf|wave\\.Wave_(?:read|write)|http\\.client\\.HTTPResponse|' +
    // (Each checked with `hasattr(cls, "__exit__")` on CPython 3.11)
    'http\\.server\\.(?:Threading)?HTTPServer|xmlrpc\\.server\\.\\w*XMLRPCServer|xmlrpc\\.client\\.ServerProxy|ssl\\.SSLSocket|socket\\.SocketIO|' +
    'multiprocessing\\.managers\\.\\w*Manager|multiprocessing\\.connection\\.(?:Connection|Listener)|' +
    'asyncio\\.Runner|codecs\\.Stream(?:ReaderWriter|Reader|Writer|Recoder)|telnetlib\\.Telnet|nntplib\\.NNTP(?:_SSL)?|aifc\\.Aifc_(?:read|write)|' +
    'sunau\\.Au_(?:read|write)|dbm\\.dumb\\._Database|urllib\\.response\\.addinfourl|zipfile\\.ZipExtFile|tarfile\\.ExFileObject|fileinput\\.FileInput)$',
);

/**
 * True when `cls` or a base class defines `__exit__`: bases defined in the same file are followed (by
 * name, at module level), library bases are looked up in CONTEXT_MANAGER_BASES.
 */
function hasExit(ctx: FileContext, cls: SyntaxNode, seen = new Set<number>()): boolean {
  if (seen.has(cls.id)) return false;
  seen.add(cls.id);
  // Ex) `async def __aexit__`: an async context manager, which callers enter with `async with`
  const own = methodsOf(cls);
  const exits = [own.get('__exit__'), own.get('__aexit__')].filter((x): x is SyntaxNode => x !== undefined);
  // Ex) `def __exit__(self, *exc): self.commit()`: a `with` that releases nothing leaves the resource to `__del__`
  // (either exit: a stub `__exit__` beside an `__aexit__` that closes)
  if (exits.length) return exits.some(releasesAnything);
  for (const base of cls.childForFieldName('superclasses')?.namedChildren ?? []) {
    if (base.type === 'keyword_argument') continue;
    const q = qualifiedName(ctx.names, base);
    if (q && CONTEXT_MANAGER_BASES.test(q)) return true;
    // Ex) `class FileIO(RawIOBase)` with `class RawIOBase(IOBase)` and `IOBase.__exit__` above it
    if (base.type === 'identifier') {
      const local = ctx.root.namedChildren.find((c) => c.type === 'class_definition' && c.childForFieldName('name')?.text === base.text);
      // (A partial tree may hold the base's header only)
      if (local) ctx.readsBeyondFunction(local);
      if (local && hasExit(ctx, local, seen)) return true;
    }
  }
  return false;
}

/**
 * The classes that may define `__del__`, in document order: the innermost class around each place the text
 * says `__del__`, not every class of the tree. `check` keeps those whose body defines it (`methodsOf`).
 */
function classesSayingDel(ctx: FileContext): SyntaxNode[] {
  const out = new Map<number, SyntaxNode>();
  for (const m of ctx.source.matchAll(/\b__del__\b/g)) {
    let cls: SyntaxNode | null = ctx.root.descendantForIndex(m.index!);
    while (cls && cls.type !== 'class_definition') cls = cls.parent;
    if (cls) out.set(cls.id, cls);
  }
  return [...out.values()].sort((a, b) => a.startIndex - b.startIndex);
}

function check(ctx: FileContext): Finding[] {
  if (!ctx.source.includes('__del__')) return [];
  const findings: Finding[] = [];
  for (const cls of classesSayingDel(ctx)) {
    const methods = methodsOf(cls);
    // Ex) `__del__ = close`: the method it names may be outside a partial tree (parsed around `__del__`)
    if (delAssignment(cls)) ctx.readsBeyondFunction(cls);
    const del = methods.get('__del__');
    if (!del) continue;
    const call = releaseCall(ctx, del);
    // Ex) `def __del__(self): log.debug("gone")`: nothing to release, nothing for PyPy to delay
    if (!call) continue;
    // Ex) `__exit__` far below `def __del__`: whether it has one is read from the whole class
    ctx.readsBeyondFunction(cls);
    // Ex) a class with `__exit__` (its own or a base's): callers have a `with`, `__del__` is a safety net
    if (hasExit(ctx, cls)) continue;
    const className = cls.childForFieldName('name')?.text ?? 'class';
    // Ex) `__del__ = close`: reported at that line, not at `def close`
    const name = del.type === 'function_definition' && del.childForFieldName('name')?.text === '__del__' ? del.childForFieldName('name')! : delAssignment(cls) ?? del;
    // (Or one it inherits: `__del__` calling `self.close()` shows it has one)
    const hasClose = methods.has('close') || /\b(?:self|super\(\s*\))\s*\.\s*close\s*\(/.test(del.text);
    findings.push({
      id: ID,
      code: CODE,
      message: `\`${className}.__del__\` releases a resource (\`${preview(call)}\`): it relies on __del__, which PyPy runs late or never`,
      start: name.id === del.childForFieldName('name')?.id ? del.startIndex : name.startIndex,
      end: name.endIndex,
      reason: hasClose
        ? `\`${className}\` has \`close()\`: add \`__enter__\`/\`__exit__\` calling it, and use \`with ${className}(...) as x:\` where it is made`
        : `give \`${className}\` a \`close()\` (and \`__enter__\`/\`__exit__\`) that does this, and call it where the object is no longer needed; keep \`__del__\` only as a safety net`,
    });
  }
  return findings;
}

export const classDel: Transform = {
  id: ID,
  code: CODE,
  summary: 'A class releases a resource in `__del__`, which PyPy runs late or never.',
  fixTitle: 'Report only: give the class close() and __enter__/__exit__, and close it explicitly',
  safety: 'report-only',
  // Its anchor is `__del__`; it reads the class around it (and a base class of the file) whole.
  anchorsSuffice: true,
  doc: {
    whatItDoes:
      'Reports classes whose `__del__` releases something: it calls `close()`, `release()`, `shutdown()`, ' +
      '`terminate()`, `kill()`, `cleanup()`, `unlink()`, `wait()`, `os.remove()`, `shutil.rmtree()` and the like ' +
      '(any function or method with such a name, nested functions excluded, and not a method of a name `__del__` binds itself to something new). The finding sits on the ' +
      '`def __del__` line.',
    whyItBreaksOnPyPy:
      'CPython runs `__del__` the moment the last reference goes, so the class looks like it cleans up after itself. ' +
      'PyPy runs finalizers when its garbage collector finds the object, which may be much later (files stay open, ' +
      'locks stay held, sockets stay connected), and does not promise to run them at all at interpreter exit. ' +
      'Objects in reference cycles are finalized late on CPython too.',
    fixSafety:
      'No automatic fix: when the object is done with is known only at its call sites. Add `close()` (if missing) ' +
      'and `__enter__`/`__exit__`, use `with` where the object is made, and keep `__del__` (or a `weakref.finalize`) ' +
      'only as a safety net.',
    notFlagged:
      'A class that also has `__exit__` or `__aexit__` (a def, or `__exit__ = …` in the class body), its own or inherited ' +
      'from a base class defined in the same file or from a library context manager (`io.IOBase`, `socket.socket`, ' +
      '`contextlib.ExitStack`, `concurrent.futures.ThreadPoolExecutor`, `ftplib.FTP`, …; not `sqlite3.Connection`, whose `__exit__` ' +
      'commits and closes nothing, nor a lock\'s): callers can use `with`, and `__del__` is a safety net. An `__exit__` of the class ' +
      'that calls no release method (`close()`, `release()`, …) nor another exit (`super().__exit__(…)`) does not count. A `__del__` that releases nothing (logging, counters), or only what it made itself: ' +
      '`g = gen()` … `g.close()`, `with open(p) as f` (not a name bound from `self`: `s = self.sock`, `for c in self.children`). ' +
      '`__del__ = close` counts as the method it names.',
  },
  examples: [
    {
      before: 'class Conn:\n    def __init__(self, addr):\n        self.sock = socket.create_connection(addr)\n\n    def __del__(self):\n        self.sock.close()\n',
      after: 'class Conn:\n    def __init__(self, addr):\n        self.sock = socket.create_connection(addr)\n\n    def __del__(self):\n        self.sock.close()\n',
    },
  ],
  check,
  triggers: ['__del__'],
  anchors: ['__del__'],
};
