// The catalog of calls that create a resource which must be closed, in one place.
// Each entry says what the resource is, which `as` names read well for it, and which of its methods
// consume it eagerly (return plain data, keep no reference to the resource), so that closing it at the
// end of the statement is safe. A method missing from `eagerMethods` may hand back an object that still
// reads from the resource later (`tarfile.extractfile`, `zipfile.open`): such uses are reported.
import type { FileContext, SyntaxNode } from '../types.js';
import { calleeName, qualifiedName } from './imports.js';

export type ResourceKind = 'file' | 'response' | 'archive' | 'pipe';

export interface ResourceSpec {
  /** Qualified name as written in the catalog, e.g. `gzip.open`. */
  name: string;
  kind: ResourceKind;
  /** Preferred `as` names, most readable first. */
  asNames: readonly string[];
  eagerMethods: ReadonlySet<string>;
}

const FILE_METHODS = new Set([
  'read', 'readline', 'readlines', 'readall', 'read1', 'readinto', 'readinto1', 'peek',
  'write', 'writelines', 'seek', 'tell', 'truncate', 'flush', 'fileno', 'isatty', 'readable', 'writable', 'seekable',
]);
const RESPONSE_METHODS = new Set(['read', 'readline', 'readlines', 'readinto', 'getcode', 'geturl', 'info', 'getheader', 'getheaders']);
const TAR_METHODS = new Set(['getmembers', 'getnames', 'getmember', 'extractall', 'extract', 'list', 'add', 'addfile']);
const ZIP_METHODS = new Set(['read', 'namelist', 'infolist', 'getinfo', 'extractall', 'extract', 'testzip', 'write', 'writestr', 'printdir', 'mkdir']);
const PIPE_METHODS = new Set(['read', 'readline', 'readlines', 'write', 'writelines', 'fileno']);

const FILE_NAMES = ['f', 'fh', 'fp'] as const;

function spec(name: string, kind: ResourceKind, asNames: readonly string[], eagerMethods: ReadonlySet<string>): ResourceSpec {
  return { name, kind, asNames, eagerMethods };
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
    spec('os.popen', 'pipe', ['pipe', 'proc'], PIPE_METHODS),
    spec('urllib.request.urlopen', 'response', ['resp', 'response'], RESPONSE_METHODS),
    spec('tarfile.open', 'archive', ['archive', 'tar'], TAR_METHODS),
    spec('tarfile.TarFile', 'archive', ['archive', 'tar'], TAR_METHODS),
    spec('zipfile.ZipFile', 'archive', ['archive', 'zf'], ZIP_METHODS),
    // `Path(p).open()`: looked up by `resourceOf` from the call's receiver.
    spec('pathlib.Path.open', 'file', FILE_NAMES, FILE_METHODS),
  ].map((s) => [s.name, s]),
);

const PATH_CLASSES = new Set(['pathlib.Path', 'pathlib.PosixPath', 'pathlib.WindowsPath']);

/** The catalog entry for a call that creates a resource, or `undefined`. */
export function resourceOf(ctx: FileContext, call: SyntaxNode): ResourceSpec | undefined {
  if (call.type !== 'call') return undefined;
  const name = calleeName(ctx.names, call);
  if (name) return RESOURCE_CALLS.get(name);
  // `pathlib.Path(p).open(...)`: the receiver is itself a call to a Path class.
  const fn = call.childForFieldName('function');
  if (fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'open') {
    const receiver = fn.childForFieldName('object');
    if (receiver?.type === 'call') {
      const cls = receiver.childForFieldName('function');
      const q = cls ? qualifiedName(ctx.names, cls) : undefined;
      if (q && PATH_CLASSES.has(q)) return RESOURCE_CALLS.get('pathlib.Path.open');
    }
  }
  return undefined;
}

/** A cheap text test: could this source contain any catalog call at all? (Skips most files unparsed.) */
export const RESOURCE_HINT_RE = /\b(?:open|fdopen|popen|urlopen|ZipFile|TarFile|GzipFile|BZ2File|LZMAFile)\b/;

export interface WithItem {
  /** The text of one `with` item, e.g. `open(p) as f` or `contextlib.closing(sqlite3.connect(p)) as conn`. */
  item: string;
  /** Edits the item needs elsewhere in the file (an import), applied with the fix. */
  edits: import('../types.js').Edit[];
}

/**
 * The `with` item that manages the resource made by `call`, bound to `name`. Every transform builds its
 * `with` items here, so a resource whose own `__exit__` does not close it (sqlite3: commits only) gets
 * the right wrapper in one place.
 */
export function withItemFor(_ctx: FileContext, _spec: ResourceSpec, call: SyntaxNode, name: string): WithItem {
  return { item: `${call.text} as ${name}`, edits: [] };
}
