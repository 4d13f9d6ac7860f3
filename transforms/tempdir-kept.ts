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
import { aheadNote, keptLocal, orderNote, planRestOfFunction } from '../src/python/kept-local.js';
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
 * Any such call counts, whatever it is given: the path may reach it through names withify does not follow.
 */
function removerIn(ctx: FileContext, fn: SyntaxNode, after: number): string | undefined {
  for (const call of fn.descendantsOfType('call')) {
    if (call.startIndex < after) continue;
    const callee = calleeName(ctx.names, call);
    if (callee !== undefined && REMOVERS.has(callee)) return callee;
    const f = call.childForFieldName('function');
    const method = f?.type === 'attribute' ? f.childForFieldName('attribute')?.text : undefined;
    if (method !== undefined && PATH_REMOVERS.has(method)) return `.${method}`;
  }
  return undefined;
}

/** Methods of a path that move or remove it (`pathlib.Path`). */
const PATH_REMOVERS: ReadonlySet<string> = new Set(['rename', 'replace', 'rmdir']);

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
    const gone = versionAtLeast(ctx.target, [3, 8]) ? undefined : removerIn(ctx, kept.fn, kept.stmt.endIndex);
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
      '`tmp.name` goes to `shutil.move`, `shutil.rmtree`, `os.rename`, `os.replace`, `os.rmdir`, …: there `cleanup()` ' +
      'raises FileNotFoundError for a directory gone, which the finalizer only printed.',
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
