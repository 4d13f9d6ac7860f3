// An example of a user's own transform, loaded with `withify check --transform examples/transforms/os-popen-dropped.mjs`.
// It has the shape of a built-in one (src/types.ts, `Transform`) and imports nothing from withify.
//
// `os.popen(cmd)` as a statement drops the pipe unread. CPython closes it on the spot and leaves the command
// running, unwaited; PyPy keeps the pipe open until the GC runs, a descriptor per call. This team's own rule:
// a command started for its effect is waited for, so the fix closes the pipe with `.close()`, which also waits
// for the command. That changes when the next line runs (after the command, as whoever wrote
// `os.popen("make clean")` most likely meant): a team may choose that for its code; no built-in transform of
// withify adds a wait the code did not have.

/** @typedef {import('withify').Transform} Transform */
/** @typedef {import('withify').FileContext} FileContext */

/** True for `os.popen(...)` (the module name as written; an alias such as `import os as o` is not followed). */
function isOsPopen(call) {
  const fn = call.childForFieldName('function');
  if (!fn || fn.type !== 'attribute') return false;
  const object = fn.childForFieldName('object');
  const attribute = fn.childForFieldName('attribute');
  return object?.type === 'identifier' && object.text === 'os' && attribute?.text === 'popen';
}

/** @type {Transform} */
const osPopenDropped = {
  id: 'os-popen-dropped',
  code: 'ACME001',
  summary: 'The result of `os.popen(...)` is dropped: PyPy closes the pipe late, and nothing waits for the command.',
  fixTitle: 'Close the pipe and wait for the command: `os.popen(...).close()`',
  safety: 'safe',
  doc: {
    whatItDoes: 'Finds `os.popen(cmd)` used as a whole statement, its pipe dropped unread, and appends `.close()`.',
    whyItBreaksOnPyPy:
      'CPython closes the dropped pipe at once (the command runs on, unwaited). PyPy closes it only when the GC runs, so a loop of such calls holds a descriptor each until then.',
    fixSafety: 'Safe by this team\'s rule: `.close()` closes the pipe at once, as CPython did, and also waits for the command, which CPython did not: the next statement runs after the command ends.',
    notFlagged: 'A pipe that is assigned, returned, passed on or used in a `with`; `os.popen` imported under another name (`from os import popen`, `import os as o`).',
  },
  examples: [{ before: 'import os\nos.popen("make clean")\n', after: 'import os\nos.popen("make clean").close()\n' }],
  /** @param {FileContext} ctx */
  check(ctx) {
    return ctx.root
      .descendantsOfType('call')
      .filter((call) => isOsPopen(call) && call.parent?.type === 'expression_statement' && call.parent.namedChildCount === 1)
      .map((call) => ({
        id: 'os-popen-dropped',
        code: 'ACME001',
        message: '`os.popen(...)` dropped: PyPy closes the pipe only when the GC runs, and nothing waits for the command',
        start: call.startIndex,
        end: call.endIndex,
        fix: { title: 'Close the pipe and wait for the command', applicability: 'safe', edits: [{ start: call.endIndex, end: call.endIndex, text: '.close()' }] },
      }));
  },
};

export default osPopenDropped;
