// tempdir-kept (WFY112): a `tempfile.TemporaryDirectory()` kept in a variable of a function. CPython removes
// the directory when the function's frame goes; PyPy at some later garbage collection, so directories pile up:
//     tmp = tempfile.TemporaryDirectory()   →   tmp = tempfile.TemporaryDirectory()
//     path = build(tmp.name)                    with tmp:
//     return check(path)                            path = build(tmp.name)
//                                                   return check(path)
import type { FileContext, Finding, SyntaxNode, Transform } from '../src/types.js';
import { versionAtLeast } from '../src/options.js';
import { calleeName } from '../src/python/imports.js';
import { givesMaybeFalse } from '../src/python/resources.js';
import { callsNamed } from '../src/python/candidates.js';
import { aheadNote, exceptionKeptNote, keptLocal, type KeptLocal, orderNote, planRestOfFunction } from '../src/python/kept-local.js';
import { preview } from '../src/python/evaluation.js';
import { isExtra } from '../src/python/statements.js';
import { identifierUses, readsAttribute } from '../src/python/resource-flow.js';
import { inLazyTypeScope } from '../src/python/scopes.js';
import { generatorsBound, resourcesBound } from './generator-close.js';

const TEMPDIR_NAMES: ReadonlySet<string> = new Set(['TemporaryDirectory']);

const ID = 'tempdir-kept';
const CODE = 'WFY112';

/** `tmp.name`, the path: a string that does not keep the object. */
const NAME: ReadonlySet<string> = new Set(['name']);

/** Calls that move or remove a directory (the one given first). */
const REMOVERS: ReadonlySet<string> = new Set([
  'shutil.move', 'shutil.rmtree', 'os.rename', 'os.renames', 'os.replace', 'os.rmdir', 'os.removedirs',
  // Ex) `pathlib.Path.rename(src, dest)`: the method called on the class, the path its first argument
  ...['Path', 'PosixPath', 'WindowsPath'].flatMap((c) => ['rename', 'replace', 'rmdir'].map((m) => `pathlib.${c}.${m}`)),
]);

/**
 * A call after the assignment in the function that may move or remove a directory (`shutil.move(src, dest)` with
 * `src = tmp.name`, `Path(tmp.name).rename(dest)`, `os.rename(src=…)`): the text of its callee, or `undefined`.
 * Any such call counts, whatever it is given: the path may reach it through names withify does not follow. So does
 * any other call given the path itself (`publish(tmp.name, dest)`, `run(["mv", d, dest])` after `d = tmp.name`), but
 * for those of `KEEPS_PATH`: withify does not see what it does with it.
 */
function removerIn(ctx: FileContext, kept: KeptLocal): string | undefined {
  for (const call of kept.fn.descendantsOfType('call')) {
    if (call.startIndex < kept.stmt.endIndex) continue;
    const callee = calleeName(ctx.names, call);
    if (callee !== undefined && REMOVERS.has(callee)) return callee;
    const f = call.childForFieldName('function');
    const method = f?.type === 'attribute' ? f.childForFieldName('attribute')?.text : undefined;
    if (method !== undefined && PATH_REMOVERS.has(method) && pathMethodShape(call, method)) return `.${method}`;
  }
  return givenThePath(ctx, kept);
}

/** Methods of a path that move or remove it (`pathlib.Path`). */
const PATH_REMOVERS: ReadonlySet<string> = new Set(['rename', 'replace', 'rmdir']);

/**
 * True when `call`, of `method`, has the shape of the path's method: `p.rename(dest)` and `p.replace(dest)` take one
 * argument, `p.rmdir()` none. Not `text.replace("\t", " ")` (two), `df.rename(columns=m)` (a keyword).
 */
function pathMethodShape(call: SyntaxNode, method: string): boolean {
  const args = (call.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => !isExtra(a));
  if (args.some((a) => a.type === 'list_splat' || a.type === 'dictionary_splat')) return true;
  if (args.some((a) => a.type === 'keyword_argument')) return method !== 'rmdir' && args.length === 1 && args[0]!.childForFieldName('name')?.text === 'target';
  return args.length === (method === 'rmdir' ? 0 : 1);
}

/** Calls that read a path, or make things in the directory, and never move or remove the directory itself. */
const KEEPS_PATH: ReadonlySet<string> = new Set([
  'builtins.open', 'builtins.print', 'builtins.len', 'builtins.repr', 'builtins.isinstance', 'builtins.hash',
  'os.path.join', 'os.path.exists', 'os.path.isdir', 'os.path.isfile', 'os.path.islink', 'os.path.getsize', 'os.path.basename', 'os.path.dirname',
  'os.path.relpath', 'os.path.split', 'os.path.splitext',
  'os.listdir', 'os.scandir', 'os.walk', 'os.mkdir', 'os.makedirs', 'os.stat', 'os.lstat', 'os.chmod', 'os.access', 'os.chdir',
  'glob.glob', 'glob.iglob',
  'shutil.copy', 'shutil.copy2', 'shutil.copyfile', 'shutil.copytree', 'shutil.make_archive', 'shutil.unpack_archive',
]);

/**
 * Calls whose value is the same directory's path (`Path(tmp.name)`, `os.path.abspath(d)`, `str(p)`): what is given
 * that value is given the path.
 */
const SAME_PATH: ReadonlySet<string> = new Set([
  'builtins.str', 'builtins.format', 'os.fspath', 'os.fsencode', 'os.path.abspath', 'os.path.realpath', 'os.path.normpath', 'os.path.expanduser',
  'pathlib.Path', 'pathlib.PurePath', 'pathlib.PosixPath', 'pathlib.PurePosixPath',
]);

/** Methods that never move a directory given its path as an argument, nor hand it on: a logger's, a string's tests. */
const KEEPS_PATH_METHODS: ReadonlySet<string> = new Set([
  'debug', 'info', 'warning', 'warn', 'error', 'exception', 'critical', 'log',
  'startswith', 'endswith', 'find', 'rfind', 'index', 'count', 'write', 'writelines',
]);

/** A string's methods whose value holds what they were given: `"mv {} {}".format(d, dest)`, `" ".join([…, d])`. */
const CARRIES_PATH_METHODS: ReadonlySet<string> = new Set(['format', 'join', 'replace', 'strip', 'encode', 'split', 'rsplit', 'format_map']);

/** A container's methods that keep what they are given: `dirs.append(d)` (`dirs` then holds the path). */
const STORES_PATH_METHODS: ReadonlySet<string> = new Set(['append', 'insert', 'extend', 'add', 'update', 'setdefault']);

/** Nodes the path goes through to the value around them: `"mv %s" % (d,)`, `"mv " + d`, `f"{d}"`, `(d)`, `[d]`, `dirs[0]`. */
const CARRIES_PATH: ReadonlySet<string> = new Set([
  'parenthesized_expression', 'list', 'tuple', 'set', 'expression_list', 'keyword_argument', 'list_splat', 'binary_operator',
  'interpolation', 'format_expression', 'string', 'concatenated_string', 'conditional_expression', 'boolean_operator', 'pair', 'dictionary', 'subscript',
]);

/**
 * The callee of the first call after the assignment that may be given the path: `tmp.name`, or a value made of it (a
 * string formatted with it, `Path(tmp.name)`, `os.path.abspath(d)`, `[d]`), or a name bound to one (`d = tmp.name`,
 * `p = Path(tmp.name)`), as an argument; but for `KEEPS_PATH`, `KEEPS_PATH_METHODS`, and a path's own methods
 * (`removerIn` reads those). `undefined` if none.
 */
function givenThePath(ctx: FileContext, kept: KeptLocal): string | undefined {
  const queue: SyntaxNode[] = [];
  for (const id of kept.reads) if (id.parent?.type === 'attribute') queue.push(id.parent);
  const names = new Set<string>();
  const after = kept.stmt.endIndex;
  for (let k = 0; k < queue.length; k++) {
    let cur = queue[k]!;
    for (let p = cur.parent; p; cur = p, p = p.parent) {
      if (CARRIES_PATH.has(p.type)) continue;
      // Ex) `d = tmp.name`, `p = Path(tmp.name)`: the name holds it (its reads after, in the function, are followed)
      if (p.type === 'assignment' && p.childForFieldName('right')?.id === cur.id) {
        const left = p.childForFieldName('left');
        if (left?.type === 'identifier' && !names.has(left.text)) {
          names.add(left.text);
          for (const id of identifierUses(ctx, kept.fn, left.text)) if (id.startIndex > after && id.id !== left.id) queue.push(id);
        }
        break;
      }
      if (p.type !== 'argument_list' || p.parent?.type !== 'call') break;
      const call = p.parent;
      const callee = calleeName(ctx.names, call);
      if (callee !== undefined && SAME_PATH.has(callee)) {
        cur = call;
        p = call;
        continue;
      }
      if (callee !== undefined && (KEEPS_PATH.has(callee) || REMOVERS.has(callee))) break;
      const f = call.childForFieldName('function');
      const method = f?.type === 'attribute' ? f.childForFieldName('attribute')?.text : undefined;
      if (method !== undefined && (KEEPS_PATH_METHODS.has(method) || (PATH_REMOVERS.has(method) && pathMethodShape(call, method)))) break;
      // Ex) `"mv {} {}".format(d, dest)`: the string made holds the path (not a path's own `.replace(dest)`, above)
      if (method !== undefined && CARRIES_PATH_METHODS.has(method)) {
        cur = call;
        p = call;
        continue;
      }
      // Ex) `dirs.append(d)`: `dirs` holds it from there (its reads are followed); `sys.path.insert(0, d)` keeps it
      if (method !== undefined && STORES_PATH_METHODS.has(method)) {
        const owner = f!.childForFieldName('object');
        if (owner?.type === 'identifier' && !names.has(owner.text)) {
          names.add(owner.text);
          for (const id of identifierUses(ctx, kept.fn, owner.text)) if (id.startIndex > call.endIndex) queue.push(id);
        }
        break;
      }
      return callee ?? preview(f ?? call);
    }
  }
  return undefined;
}

function check(ctx: FileContext): Finding[] {
  if (!ctx.source.includes('TemporaryDirectory')) return [];
  const findings: Finding[] = [];
  // The generators bound in the file, found once, at the first TemporaryDirectory kept so
  let bound: ReturnType<typeof generatorsBound> | undefined;
  for (const call of callsNamed(ctx, TEMPDIR_NAMES)) {
    if (calleeName(ctx.names, call) !== 'tempfile.TemporaryDirectory') continue;
    // Ex) `tempfile.TemporaryDirectory(delete=False)` (3.12): the directory stays
    if (givesMaybeFalse(call, 'delete')) continue;
    // Ex) `tmp.cleanup()`, `return tmp`, `self.tmp = tmp`, `with tmp:`: removed, or kept, by the code itself
    const kept = keptLocal(ctx, call);
    if (!kept || kept.reads.length === 0 || !kept.reads.every((id) => readsAttribute(id, NAME) && !inLazyTypeScope(id))) continue;
    const edits = planRestOfFunction(ctx, kept, `with ${kept.name}:`);
    const base: Finding = {
      id: ID,
      code: CODE,
      message:
        `\`${kept.name} = ${call.childForFieldName('function')?.text.replace(/\s+/g, '')}()\`: the directory is removed when \`${kept.name}\` goes, ` +
        'at the function\'s return on CPython, at some later garbage collection on PyPy',
      start: call.startIndex,
      end: kept.reads[kept.reads.length - 1]!.endIndex,
    };
    if (typeof edits === 'string') {
      findings.push({ ...base, reason: edits });
      continue;
    }
    const fix = { title: `Remove it at the end of the function: \`with ${kept.name}:\` around the rest of it`, edits };
    // Ex) inside the `try` that closes a kept generator: the directory goes first, where CPython dropped the generator first
    // Ex) `if c: a = rows(1); next(a)` then `tmp = TemporaryDirectory()`: CPython closed `a` first at the return
    // Ex) `except OSError as e: errors.append(e)`: the traceback keeps the frame, and `tmp`, until the exception goes
    const order = orderNote(kept, 'removing it') ?? aheadNote(kept, (bound ??= [...generatorsBound(ctx), ...resourcesBound(ctx)]), 'removing it at the end of the `with`') ?? exceptionKeptNote(ctx, kept, 'removed it');
    // Ex) `shutil.move(tmp.name, dest)` with a target before 3.8: there `cleanup()` raises FileNotFoundError for a
    // directory gone, which the finalizer only printed ("Exception ignored")
    const gone = versionAtLeast(ctx.target, [3, 8]) ? undefined : removerIn(ctx, kept);
    const goneNote = gone ? `; before Python 3.8 (the target) the \`with\` raises FileNotFoundError where \`${gone}(…)\` may have moved or removed the directory, which the collection only printed` : undefined;
    if (order || goneNote) {
      findings.push({ ...base, message: base.message + (order ?? goneNote), fix: { ...fix, applicability: 'unsafe' } });
      continue;
    }
    findings.push({ ...base, fix: { ...fix, applicability: 'safe' } });
  }
  return findings;
}

export const tempdirKept: Transform = {
  id: ID,
  code: CODE,
  summary: 'A `tempfile.TemporaryDirectory()` kept in a variable of a function is removed only when the GC collects it on PyPy.',
  fixTitle: 'Remove the directory at the end of the function: `with tmp:` around the rest of it',
  safety: 'safe',
  doc: {
    whatItDoes:
      'Finds `tmp = tempfile.TemporaryDirectory(...)` (through any import alias) as a statement of a function\'s own ' +
      'body (not in a loop, an `if` or another block), where the function binds `tmp` nowhere else and reads it only ' +
      'as `tmp.name`, after the assignment and in its own scope. Every statement of the function after the ' +
      'assignment moves into `with tmp:`, which removes the directory when the function is done, as CPython did ' +
      'when the function\'s frame went.',
    whyItBreaksOnPyPy:
      'A TemporaryDirectory removes its directory when the object is collected. CPython collects it the moment the ' +
      'function returns; PyPy at some later garbage collection, or at exit: a function called in a loop leaves its ' +
      'directories on disk, and a test suite can fill the temporary file system.',
    fixSafety:
      'Safe: the directory is removed after the function\'s last statement, or at its `return` once the value is ' +
      'computed, where CPython removed it. One difference: when an exception leaves the function, CPython kept the ' +
      'frame, and the directory, until the exception had been handled; the fix removes it as the exception leaves, ' +
      'as a `with` does. A path returned from such a function names a removed directory, under CPython before and ' +
      'after the fix alike, and now under PyPy too. Unsafe where the function bound a generator with cleanup before ' +
      'it (in an `if` too) or the directory sits in the `try` that closes one: the directory goes before that ' +
      'generator\'s cleanup runs, where CPython dropped the generator first. Unsafe too with a target before 3.8 where ' +
      'the function calls `shutil.move`, `shutil.rmtree`, `os.rename`, `os.replace`, `os.rmdir`, a path\'s `.rename(dest)`, ' +
      '`.replace(dest)` or `.rmdir()`, or passes `tmp.name` (or a name bound to it) to any other call but a few that ' +
      'never move it (`open`, `os.path.join`, `os.mkdir`, `shutil.copy`, …; a helper of the project counts): there ' +
      '`cleanup()` raises FileNotFoundError for a directory gone, which the finalizer only printed.',
    notFlagged:
      '`with tempfile.TemporaryDirectory() as path:`; `tmp.cleanup()` called by the code; the object returned, ' +
      'stored, passed on, read in a nested function, lambda or generator expression (a list, set or dict comprehension ' +
      'runs where it stands: a read there counts as the function\'s own), or read any way but `tmp.name`; a second binding of the name; ' +
      'a TemporaryDirectory at module level, in a loop or another block; one given `delete=` anything but `True` ' +
      '(3.12: `delete=False` keeps the directory); a function that calls `locals()`, `vars()`, `eval()` or `exec()` ' +
      'after it in a way that can read its frame (not `vars(x)` or `eval(e, {})`; `globals()` reads no frame). `tempfile.TemporaryDirectory().name` is tempdir-name\'s (WFY111).',
  },
  examples: [
    {
      before: 'import tempfile\n\n\ndef build(make):\n    tmp = tempfile.TemporaryDirectory()\n    out = make(tmp.name)\n    return out.check()\n',
      after: 'import tempfile\n\n\ndef build(make):\n    tmp = tempfile.TemporaryDirectory()\n    with tmp:\n        out = make(tmp.name)\n        return out.check()\n',
    },
  ],
  check,
  triggers: ['TemporaryDirectory'],
  anchors: ['TemporaryDirectory'],
  anchorsSuffice: true,
  anchorsAreCallees: true,
  calleesResolveByName: true,
};
