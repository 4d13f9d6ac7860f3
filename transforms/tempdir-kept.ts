// tempdir-kept (WFY112): a `tempfile.TemporaryDirectory()` kept in a variable of a function. CPython removes
// the directory when the function's frame goes; PyPy at some later garbage collection, so directories pile up:
//     tmp = tempfile.TemporaryDirectory()   →   tmp = tempfile.TemporaryDirectory()
//     path = build(tmp.name)                    with tmp:
//     return check(path)                            path = build(tmp.name)
//                                                   return check(path)
import type { FileContext, Finding, SyntaxNode, Transform } from '../src/types.js';
import { versionAtLeast } from '../src/options.js';
import { calleeName } from '../src/python/imports.js';
import { callsNamed } from '../src/python/candidates.js';
import { aheadNote, keptLocal, orderNote, planRestOfFunction, type KeptLocal } from '../src/python/kept-local.js';
import { preview } from '../src/python/evaluation.js';
import { isExtra } from '../src/python/statements.js';
import { readsAttribute } from '../src/python/resource-flow.js';
import { inLazyTypeScope } from '../src/python/scopes.js';
import { generatorsBound } from './generator-close.js';

const TEMPDIR_NAMES: ReadonlySet<string> = new Set(['TemporaryDirectory']);

const ID = 'tempdir-kept';
const CODE = 'WFY112';

/** `tmp.name`, the path: a string that does not keep the object. */
const NAME: ReadonlySet<string> = new Set(['name']);

/** Calls that move or remove a directory (the one given first). */
const REMOVERS: ReadonlySet<string> = new Set(['shutil.move', 'shutil.rmtree', 'os.rename', 'os.renames', 'os.replace', 'os.rmdir', 'os.removedirs']);

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
  'builtins.open', 'builtins.print', 'builtins.str', 'builtins.len', 'builtins.repr', 'builtins.format',
  'os.path.join', 'os.path.exists', 'os.path.isdir', 'os.path.isfile', 'os.path.islink', 'os.path.getsize', 'os.path.basename', 'os.path.dirname',
  'os.path.abspath', 'os.path.realpath', 'os.path.relpath', 'os.path.normpath', 'os.path.split', 'os.path.splitext', 'os.path.expanduser',
  'os.listdir', 'os.scandir', 'os.walk', 'os.mkdir', 'os.makedirs', 'os.stat', 'os.lstat', 'os.fspath', 'os.chmod', 'os.access',
  'glob.glob', 'glob.iglob', 'pathlib.Path', 'pathlib.PurePath', 'pathlib.PosixPath',
  'shutil.copy', 'shutil.copy2', 'shutil.copyfile', 'shutil.copytree', 'shutil.make_archive', 'shutil.unpack_archive',
]);

/**
 * The callee of the first call after the assignment given the path (`tmp.name`, or a name bound to it alone, `d =
 * tmp.name`) as an argument, directly or as an item of a list, tuple or set, but for `KEEPS_PATH`; `undefined` if none.
 */
function givenThePath(ctx: FileContext, kept: KeptLocal): string | undefined {
  const reads: SyntaxNode[] = [];
  for (const id of kept.reads) if (id.parent?.type === 'attribute') reads.push(id.parent);
  // Ex) `d = tmp.name` … `publish(d, dest)`: the name holds the path itself
  const aliases = new Set<string>();
  for (const r of reads) {
    let top = r;
    while (top.parent?.type === 'parenthesized_expression') top = top.parent;
    const a = top.parent;
    if (a?.type === 'assignment' && a.childForFieldName('right')?.id === top.id && a.childForFieldName('left')?.type === 'identifier') aliases.add(a.childForFieldName('left')!.text);
  }
  if (aliases.size) for (const id of kept.fn.descendantsOfType('identifier')) if (id.startIndex > kept.stmt.endIndex && aliases.has(id.text)) reads.push(id);
  for (const r of reads) {
    let cur = r;
    for (let p = cur.parent; p; cur = p, p = p.parent) {
      if (p.type === 'parenthesized_expression' || p.type === 'list' || p.type === 'tuple' || p.type === 'set' || p.type === 'keyword_argument' || p.type === 'list_splat') continue;
      if (p.type !== 'argument_list' || p.parent?.type !== 'call') break;
      const call = p.parent;
      const callee = calleeName(ctx.names, call);
      if (callee !== undefined && KEEPS_PATH.has(callee)) break;
      return callee ?? preview(call.childForFieldName('function') ?? call);
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
    const order = orderNote(kept, 'removing it') ?? aheadNote(kept, (bound ??= generatorsBound(ctx)), 'removing it at the end of the `with`');
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
      'stored, passed on, read in a nested function or read any way but `tmp.name`; a second binding of the name; ' +
      'a TemporaryDirectory at module level, in a loop or another block; a function that calls `locals()`, ' +
      '`vars()`, `eval()`, `exec()` or `globals()` after it that can read its frame (not `globals()`, `vars(x)` or `eval(e, {})`). `tempfile.TemporaryDirectory().name` is tempdir-name\'s (WFY111).',
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
