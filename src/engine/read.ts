// bytes → text, recording everything needed to write the same kind of bytes back:
// the PEP 263 encoding, a UTF-8 BOM, and the line ending the file uses.
import { createRequire } from 'node:module';
import type IconvLite from 'iconv-lite';
import type { Outline } from '../python/outline.js';

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

export function normaliseEncoding(name: string): string {
  const n = name.toLowerCase().replace(/_/g, '-');
  if (n === 'utf8' || n === 'utf-8' || n.startsWith('utf-8-') || n === 'utf8-sig') return 'utf-8';
  return n;
}

/**
 * `text` as tree-sitter-python can read it: a file whose lines all end in a lone `\r` (classic Mac OS), which
 * Python reads and tree-sitter does not (a syntax error, or fewer lines and what is on them missed), with
 * `\n` for each `\r` (the same offsets and lines); any other text as it is.
 */
export const parseableLineEnds = (text: string): string => (text.includes('\r') && !text.includes('\n') ? text.replaceAll('\r', '\n') : text);

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
    throw new DecodeError(`has a UTF-8 BOM but declares coding ${declared}; fix the coding line`);
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

export function encodeSource(text: string, like: Pick<DecodedSource, 'encoding' | 'bom'>): Buffer {
  const body = like.encoding === 'utf-8' ? Buffer.from(text, 'utf8') : Buffer.from(iconv().encode(text, like.encoding, { addBOM: false }));
  return like.bom ? Buffer.concat([Buffer.from(UTF8_BOM), body]) : body;
}
