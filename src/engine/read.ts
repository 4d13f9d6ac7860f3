// bytes → text, recording everything needed to write the same kind of bytes back:
// the PEP 263 encoding, a UTF-8 BOM, and the line ending the file uses.
import { createRequire } from 'node:module';
import type IconvLite from 'iconv-lite';
import type { Outline } from '../python/outline.js';
import { hasLoneCR } from '../python/text.js';

// Loaded on the first file that declares an encoding other than UTF-8 (PEP 263): most runs never need its
// tables, which are most of the bundle's size (scripts/bundle.ts).
const requireModule = createRequire(import.meta.url);
let iconvLib: typeof IconvLite | undefined;
const iconv = (): typeof IconvLite => (iconvLib ??= requireModule('iconv-lite') as typeof IconvLite);

export interface DecodedSource {
  text: string;
  /** Normalised encoding name (`utf-8` unless a PEP 263 line says otherwise). */
  encoding: string;
  bom: boolean;
  /** The line ending most lines use; new lines a fix adds use it. */
  eol: '\n' | '\r\n' | '\r';
  /** The outline of `text` (src/python/outline.ts), when the first pass made one: the second pass reuses it. */
  outline?: Outline;
}

export class DecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecodeError';
  }
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
// PEP 263: a comment on line 1 or 2 matching this regex names the encoding.
const CODING_RE = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;
const BLANK_OR_COMMENT_RE = /^[ \t\f]*(?:[#\r\n]|$)/;

function hasBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && UTF8_BOM.every((b, i) => bytes[i] === b);
}

/** The encoding a PEP 263 line declares, normalised; `undefined` when there is none. */
export function declaredEncoding(bytes: Uint8Array): string | undefined {
  // (After a BOM, which Python reads first: `decodeSource` refuses a BOM with another coding, as Python does)
  if (hasBom(bytes)) bytes = bytes.subarray(3);
  // The declaration is ASCII, so reading the first two lines as latin-1 is exact enough to find it. Python
  // reads two lines however long (a cookie after 600 blanks counts): up to the end of the second line.
  let end = 0;
  for (let line = 0; line < 2 && end < bytes.length; line++) {
    while (end < bytes.length && bytes[end] !== 10 && bytes[end] !== 13) end++;
    if (bytes[end] === 13 && bytes[end + 1] === 10) end++;
    end++;
  }
  const head = Buffer.from(bytes.subarray(0, end)).toString('latin1');
  const lines = head.split(/\r\n|\r|\n/, 2);
  const first = lines[0] ?? '';
  let m = CODING_RE.exec(first);
  if (!m && BLANK_OR_COMMENT_RE.test(first) && lines.length > 1) m = CODING_RE.exec(lines[1] ?? '');
  return m ? normaliseEncoding(m[1]!) : undefined;
}

/**
 * Python's own names for codecs that iconv-lite knows by another name (from `encodings.aliases` of CPython
 * 3.11: `latin` → latin-1, `u8` and `cp65001` → utf-8), keyed as Python normalises a name: lower case, each run
 * of characters other than letters, digits and `.` as one `_`.
 */
const PYTHON_ALIASES: ReadonlyMap<string, string> = new Map([
  ['646', 'ascii'], ['8859', 'latin-1'], ['ansi_x3.4_1968', 'ascii'], ['ansi_x3.4_1986', 'ascii'],
  ['big5_tw', 'big5'], ['cp1051', 'hp-roman8'], ['cp65001', 'utf-8'], ['cp866u', 'cp1125'], ['cp_is', 'cp861'],
  ['eucgb2312_cn', 'gb2312'], ['gb18030_2000', 'gb18030'], ['hkscs', 'big5hkscs'], ['iso8859', 'latin-1'],
  ['iso_646.irv_1991', 'ascii'], ['iso_8859_10_1992', 'iso8859-10'], ['iso_8859_11_2001', 'iso8859-11'],
  ['iso_8859_14_1998', 'iso8859-14'], ['iso_8859_16_2001', 'iso8859-16'], ['iso_8859_1_1987', 'latin-1'],
  ['iso_8859_2_1987', 'iso8859-2'], ['iso_8859_3_1988', 'iso8859-3'], ['iso_8859_4_1988', 'iso8859-4'],
  ['iso_8859_5_1988', 'iso8859-5'], ['iso_8859_6_1987', 'iso8859-6'], ['iso_8859_7_1987', 'iso8859-7'],
  ['iso_8859_8_1988', 'iso8859-8'], ['iso_8859_9_1989', 'iso8859-9'], ['ks_x_1001', 'euc-kr'], ['ksx1001', 'euc-kr'],
  ['latin', 'latin-1'], ['ruscii', 'cp1125'], ['tis_620_2529_0', 'tis-620'], ['u16', 'utf-16'], ['u32', 'utf-32'],
  ['u7', 'utf-7'], ['u8', 'utf-8'], ['u_jis', 'euc-jp'], ['uhc', 'cp949'], ['ujis', 'euc-jp'],
  ['unicodebigunmarked', 'utf-16-be'], ['unicodelittleunmarked', 'utf-16-le'], ['utf', 'utf-8'],
  ['utf8_ucs2', 'utf-8'], ['utf8_ucs4', 'utf-8'], ['x_mac_japanese', 'shift-jis'], ['x_mac_korean', 'euc-kr'],
  ['x_mac_simp_chinese', 'gb2312'], ['x_mac_trad_chinese', 'big5'],
]);

export function normaliseEncoding(name: string): string {
  // As CPython's tokenizer reads a coding line first (`get_normal_name`, on the first 12 characters): an Emacs
  // suffix on Latin-1 (`latin-1-unix`, `iso-latin-1-dos`) names Latin-1, as `utf-8-unix` names UTF-8 below
  if (/^(?:latin-1|iso-8859-1|iso-latin-1)(?:$|-)/.test(name.slice(0, 12).toLowerCase().replace(/_/g, '-'))) return 'latin-1';
  const key = name.toLowerCase().replace(/[^a-z0-9.]+/g, '_').replace(/^_+|_+$/g, '');
  const alias = PYTHON_ALIASES.get(key);
  if (alias) return alias;
  // Ex) `utf.8`: no codec to Python (a `.` is kept when it normalises), though iconv-lite, dropping it, finds one
  if (key.includes('.')) return `${name} (unknown to Python)`;
  const n = name.toLowerCase().replace(/_/g, '-');
  if (n === 'utf8' || n === 'utf-8' || n.startsWith('utf-8-') || n === 'utf8-sig') return 'utf-8';
  return n;
}

/**
 * `text` as tree-sitter-python can read it: a lone `\r` (classic Mac OS line ends, or a stray one in an LF or CRLF
 * file), which Python reads as a line end and tree-sitter does not (a syntax error, or fewer lines and what is on
 * them missed), becomes `\n` (the same offsets and lines); any other text as it is.
 */
export const parseableLineEnds = (text: string): string => {
  if (!text.includes('\r')) return text;
  if (!text.includes('\n')) return text.replaceAll('\r', '\n');
  return hasLoneCR(text) ? text.replace(LONE_CR_ALL, '\n') : text;
};
const LONE_CR_ALL = /\r(?!\n)/g;

export function detectEol(text: string): '\n' | '\r\n' | '\r' {
  if (!text.includes('\r')) return '\n';
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 10) lf++;
  }
  if (crlf > lf && crlf >= cr) return '\r\n';
  if (cr > lf && cr > crlf) return '\r';
  return '\n';
}

export function decodeSource(bytes: Uint8Array): DecodedSource {
  const bom = hasBom(bytes);
  const declared = declaredEncoding(bytes);
  const body = bom ? bytes.subarray(3) : bytes;
  if (bom && declared && declared !== 'utf-8') {
    throw new DecodeError(`has a UTF-8 BOM but declares coding ${declared}, which Python refuses ("encoding problem … with BOM"); fix the coding line or drop the BOM`);
  }
  const encoding = declared ?? 'utf-8';
  if (bytes.includes(0)) {
    throw new DecodeError('contains NUL bytes: not Python source (rename it, or exclude it with --exclude)');
  }
  let text: string;
  if (encoding === 'utf-8') {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    } catch {
      // Ex) `# -*- coding: utf-8 -*-` (or a BOM) over latin-1 bytes: the declaration is what is wrong
      if (declared || bom) throw new DecodeError(`is not valid UTF-8, which its ${declared ? 'PEP 263 coding line' : 'UTF-8 BOM'} declares; fix the declaration (e.g. "# -*- coding: latin-1 -*-") or the bytes`);
      throw new DecodeError('is not valid UTF-8 and has no PEP 263 coding line; add one (e.g. "# -*- coding: latin-1 -*-")');
    }
  } else {
    if (!iconv().encodingExists(encoding)) {
      throw new DecodeError(`declares coding ${encoding}, which withify cannot decode`);
    }
    text = iconv().decode(Buffer.from(body), encoding, { stripBOM: false });
    // A lossy codec would change bytes we never meant to touch: refuse rather than corrupt.
    if (!Buffer.from(iconv().encode(text, encoding, { addBOM: false })).equals(Buffer.from(body))) {
      throw new DecodeError(`does not round-trip through its declared coding ${encoding}; withify leaves it alone`);
    }
  }
  return { text, encoding, bom, eol: detectEol(text) };
}

/**
 * `result`'s output in the file's coding (`encodeSource`), encoded once for the caller to write or return; or, where
 * the coding cannot hold it (a user fix that writes `"→"` into a latin-1 file: the encoder would write `?`), the
 * result failed with nothing written, and no bytes.
 */
export function encodeResult<R extends { status: string; after?: string; findings: readonly unknown[] }>(result: R, like: Pick<DecodedSource, 'encoding' | 'bom'>): { result: R; bytes?: Buffer } {
  if (result.after === undefined) return { result };
  const bytes = encodeSource(result.after, like);
  const body = bytes.subarray(like.bom ? 3 : 0);
  const back = like.encoding === 'utf-8' ? body.toString('utf8') : iconv().decode(body, like.encoding, { stripBOM: false });
  if (back === result.after) return { result, bytes };
  let at = 0;
  while (at < back.length && back[at] === result.after[at]) at++;
  const line = result.after.slice(0, at).split('\n').length;
  const ch = String.fromCodePoint(result.after.codePointAt(at) ?? 0x3f);
  const failed = {
    ...result,
    status: 'failed',
    reason: `a fix would write ${JSON.stringify(ch)} (line ${line} of the fixed text), which the file's coding (${like.encoding}) cannot hold; nothing was written`,
    fixesApplied: 0,
    ignoresAdded: undefined,
    remaining: result.findings,
    before: undefined,
    after: undefined,
  };
  return { result: failed };
}

export function encodeSource(text: string, like: Pick<DecodedSource, 'encoding' | 'bom'>): Buffer {
  const body = like.encoding === 'utf-8' ? Buffer.from(text, 'utf8') : Buffer.from(iconv().encode(text, like.encoding, { addBOM: false }));
  return like.bom ? Buffer.concat([Buffer.from(UTF8_BOM), body]) : body;
}
