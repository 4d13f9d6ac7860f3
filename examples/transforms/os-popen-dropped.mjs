// An example of a user's own transform, loaded with `withify check --transform examples/transforms/os-popen-dropped.mjs`.
// It has the shape of a built-in one (src/types.ts, `Transform`) and imports nothing from withify.
//
// `os.popen(cmd)` as a statement drops the pipe at once. CPython then closes it on the spot, and closing
// an os.popen pipe waits for the command to finish. PyPy closes it when the GC runs: the command may
// still be running when the next line starts, and its exit status is never collected in time.

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
  summary: 'The result of `os.popen(...)` is dropped; PyPy closes the pipe (and waits for the command) late.',
  fixTitle: 'Close the pipe at once: `os.popen(...).close()`',
  safety: 'safe',
  doc: {
    whatItDoes: 'Finds `os.popen(cmd)` used as a whole statement, its pipe dropped unread, and appends `.close()`.',
    whyItBreaksOnPyPy:
      'CPython closes the dropped pipe at once, and closing an os.popen pipe waits for the command. PyPy closes it only when the GC runs, so the command may still be running when the next statement starts.',
    fixSafety: 'Safe: `.close()` is exactly what CPython does at that point (close the pipe, wait for the command), so the program behaves as it does on CPython.',
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
        message: '`os.popen(...)` dropped: the pipe is closed (and the command waited for) only when the GC runs',
        start: call.startIndex,
        end: call.endIndex,
        fix: { title: 'Close the pipe at once', applicability: 'safe', edits: [{ start: call.endIndex, end: call.endIndex, text: '.close()' }] },
      }));
  },
};

export default osPopenDropped;
