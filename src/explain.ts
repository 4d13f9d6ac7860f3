// `withify list` and `withify explain`: documentation straight from the transform modules.
import { TRANSFORMS, findTransform } from '../transforms/index.js';
import type { Transform } from './types.js';

export function listTransforms(transforms: readonly Transform[] = TRANSFORMS): string {
  const rows = transforms.map((t) => [t.code, t.id, t.safety, t.summary]);
  const w0 = Math.max(4, ...rows.map((r) => r[0]!.length));
  const w1 = Math.max(2, ...rows.map((r) => r[1]!.length));
  const w2 = Math.max(6, ...rows.map((r) => r[2]!.length));
  const line = (r: string[]) => `${r[0]!.padEnd(w0)}  ${r[1]!.padEnd(w1)}  ${r[2]!.padEnd(w2)}  ${r[3]}`;
  return `${[line(['code', 'id', 'safety', 'summary']), ...rows.map(line)].join('\n')}\n`;
}

const indent = (text: string) => text.replace(/\n$/, '').split('\n').map((l) => (l ? `    ${l}` : '')).join('\n');

export function explainTransform(key: string, extra: readonly Transform[] = []): string | undefined {
  const t = findTransform(key, extra);
  if (!t) return undefined;
  const parts = [
    `${t.code} ${t.id} (${t.safety})`,
    '',
    t.summary,
    '',
    'What it does',
    `  ${t.doc.whatItDoes}`,
    '',
    'Why it breaks on PyPy',
    `  ${t.doc.whyItBreaksOnPyPy}`,
    '',
    'Fix safety',
    `  ${t.doc.fixSafety}`,
    '',
    'Not flagged',
    `  ${t.doc.notFlagged}`,
  ];
  for (const [i, ex] of t.examples.entries()) {
    // A report-only transform changes nothing: show the code it flags once.
    if (t.safety === 'report-only') parts.push('', `Example ${i + 1}, reported (not changed)${ex.file ? ` (${ex.file})` : ''}:`, indent(ex.before));
    else parts.push('', `Example ${i + 1}, before${ex.file ? ` (${ex.file})` : ''}:`, indent(ex.before), 'after:', indent(ex.after));
  }
  return `${parts.join('\n')}\n`;
}
