// tempdir-name (WFY111, report only): `tempfile.TemporaryDirectory().name` keeps the path and drops
// the object that owns the directory, whose finalizer deletes it:
//     work = tempfile.TemporaryDirectory().name     # CPython: already deleted; PyPy: deleted at some GC
import type { FileContext, Finding, Transform } from '../src/types.js';
import { calleeName } from '../src/python/imports.js';
import { givesMaybeFalse } from '../src/python/resources.js';
import { isExtra } from '../src/python/statements.js';

const ID = 'tempdir-name';
const CODE = 'WFY111';

function check(ctx: FileContext): Finding[] {
  if (!ctx.source.includes('TemporaryDirectory')) return [];
  const findings: Finding[] = [];
  for (const attr of ctx.root.descendantsOfType('attribute')) {
    const field = attr.childForFieldName('attribute')?.text;
    // Ex) `work = tempfile.TemporaryDirectory().__enter__()`: what `with` would bind, the path, with the object dropped
    const entered = field === '__enter__' && attr.parent?.type === 'call' && attr.parent.childForFieldName('function')?.id === attr.id;
    if (field !== 'name' && !entered) continue;
    let call = attr.childForFieldName('object');
    // Ex) `(\n    tempfile.TemporaryDirectory(prefix="build")\n).name`, as Black wraps a long line
    while (call?.type === 'parenthesized_expression') call = call.namedChildren.find((c) => !isExtra(c)) ?? null;
    // Ex) `tmp = tempfile.TemporaryDirectory()` then `tmp.name`: the object lives as long as `tmp`
    if (call?.type !== 'call' || calleeName(ctx.names, call) !== 'tempfile.TemporaryDirectory') continue;
    // Ex) `tempfile.TemporaryDirectory(delete=False).name` (3.12): the directory stays
    if (givesMaybeFalse(call, 'delete')) continue;
    findings.push({
      id: ID,
      code: CODE,
      message:
        `\`TemporaryDirectory().${entered ? '__enter__()' : 'name'}\` drops the object that owns the directory: CPython deletes the directory at once, ` +
        'PyPy at some later garbage collection, possibly while it is in use',
      start: attr.startIndex,
      end: entered ? attr.parent!.endIndex : attr.endIndex,
      reason:
        'keep the object alive for as long as the directory is used: `with tempfile.TemporaryDirectory() as path:`, ' +
        'or `tempfile.mkdtemp()` for a directory you remove yourself',
    });
  }
  return findings;
}

export const tempdirName: Transform = {
  id: ID,
  code: CODE,
  summary: '`tempfile.TemporaryDirectory().name` keeps a path whose directory is deleted when the dropped object is collected.',
  fixTitle: 'Report only: keep the TemporaryDirectory object (`with ... as path:`) or use `tempfile.mkdtemp()`',
  safety: 'report-only',
  doc: {
    whatItDoes:
      'Reports `tempfile.TemporaryDirectory().name` and `.__enter__()` (through any import alias): the expression keeps the path and ' +
      'drops the TemporaryDirectory object, whose finalizer removes the directory.',
    whyItBreaksOnPyPy:
      'On CPython the object is collected at once, so the directory is gone before the next line and the bug shows ' +
      'up at once. On PyPy it is collected at some later garbage collection: the code appears to work, then the ' +
      'directory disappears under it, at a moment that depends on memory use.',
    fixSafety:
      'No automatic fix: how long the directory must live is a decision only the author can make. Keep the object ' +
      '(`with tempfile.TemporaryDirectory() as path:` or an attribute), or call `tempfile.mkdtemp()` and remove the ' +
      'directory yourself.',
    notFlagged:
      '`with tempfile.TemporaryDirectory() as d:`, `tmp = tempfile.TemporaryDirectory()` followed by `tmp.name`, ' +
      '`tempfile.mkdtemp()`, other attributes (`TemporaryDirectory().cleanup()`), one given `delete=` anything but ' +
      '`True` (3.12: `TemporaryDirectory(delete=False).name` keeps the directory), and a local class or function ' +
      'that happens to be called `TemporaryDirectory`.',
  },
  examples: [
    {
      before: 'import tempfile\nwork = tempfile.TemporaryDirectory().name\n',
      after: 'import tempfile\nwork = tempfile.TemporaryDirectory().name\n',
    },
  ],
  check,
  triggers: ['TemporaryDirectory'],
  anchors: ['TemporaryDirectory'],
  anchorsSuffice: true,
  anchorsAreCallees: true,
  calleesResolveByName: true,
};
