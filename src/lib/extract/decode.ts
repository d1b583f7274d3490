// Turns the bytes of an uploaded or read disclosure into text. Pure (no I/O): runs in Node
// and in the browser. Chinese disclosures come as UTF-8, UTF-16 (with a BOM) or GB18030/GBK.

export type DocumentEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
export type DecodeErrorReason = 'empty' | 'binary' | 'too_large' | 'undecodable';

export interface DecodedDocument {
  /** The text without a leading BOM, with CRLF and CR normalised to LF. */
  text: string;
  encoding: DocumentEncoding;
}

/** Largest document accepted, in bytes (64 MiB). */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

export class DecodeError extends Error {
  readonly reason: DecodeErrorReason;
  constructor(reason: DecodeErrorReason, message: string) {
    super(message);
    this.name = 'DecodeError';
    this.reason = reason;
  }
}

const MIB = 1024 * 1024;

/** Formats that are often uploaded by mistake, recognised by their first bytes. */
const SIGNATURES: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['PDF', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['ZIP/DOCX/XLSX', [0x50, 0x4b, 0x03, 0x04]],
  ['DOC/XLS (OLE)', [0xd0, 0xcf, 0x11, 0xe0]],
  ['GZIP', [0x1f, 0x8b]],
  ['RAR', [0x52, 0x61, 0x72, 0x21]],
  ['7Z', [0x37, 0x7a, 0xbc, 0xaf]],
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

function binaryError(what?: string): DecodeError {
  return new DecodeError(
    'binary',
    what
      ? `不是纯文本文件（看起来是 ${what}），请先转换为 .txt / Not a plain-text file (looks like ${what}); convert it to .txt first.`
      : '不是纯文本文件（含有 NUL 或大量控制字符）/ Not a plain-text file (contains NUL bytes or many control characters).',
  );
}

function strictDecode(label: string, bytes: Uint8Array): string | null {
  try {
    // fatal: invalid sequences throw instead of becoming U+FFFD; the BOM, if any, is removed.
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Share of GBK double-byte sequences that fall in the GB2312 area (lead A1–F7, trail A1–FE),
 * where almost all characters of real Chinese text live. Bytes that happen to decode as GBK
 * (Latin-1 text, binary data) mostly land outside it.
 */
function gb2312Share(bytes: Uint8Array): number {
  let pairs = 0;
  let common = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    if (lead < 0x80) continue;
    const next = bytes[i + 1] ?? 0;
    if (next >= 0x30 && next <= 0x39) {
      pairs++; // four-byte GB18030 sequence: rare in real text
      i += 3;
      continue;
    }
    pairs++;
    if (lead >= 0xa1 && lead <= 0xf7 && next >= 0xa1 && next <= 0xfe) common++;
    i += 1;
  }
  return pairs ? common / pairs : 0;
}

/** Share of CJK ideographs among the non-ASCII characters of `text`. */
function ideographShare(text: string): number {
  let nonAscii = 0;
  let ideographs = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    nonAscii++;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) ideographs++;
  }
  return nonAscii ? ideographs / nonAscii : 0;
}

/** True when `text` has NULs or more than 1 % control characters (tab, LF, CR, FF allowed). */
function looksBinary(text: string): boolean {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) controls++;
  }
  return controls > text.length * 0.01;
}

/** Throws DecodeError 'too_large' for a document of more than MAX_DOCUMENT_BYTES bytes. */
export function assertDocumentSize(byteLength: number): void {
  if (byteLength <= MAX_DOCUMENT_BYTES) return;
  const mib = (byteLength / MIB).toFixed(1);
  throw new DecodeError(
    'too_large',
    `文件过大（${mib} MiB，上限 ${MAX_DOCUMENT_BYTES / MIB} MiB）/ File too large (${mib} MiB; the limit is ${MAX_DOCUMENT_BYTES / MIB} MiB).`,
  );
}

/**
 * Decodes a document. Honours UTF-8 and UTF-16 BOMs; otherwise strict UTF-8, then GB18030 if
 * the result reads as Chinese text. Throws DecodeError ('empty' | 'binary' | 'too_large' |
 * 'undecodable').
 */
export function decodeDocument(bytes: Uint8Array): DecodedDocument {
  assertDocumentSize(bytes.length);
  if (bytes.length === 0) throw new DecodeError('empty', '文件为空 / The file is empty.');

  let encoding: DocumentEncoding;
  let text: string | null;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    encoding = 'utf-8';
    text = strictDecode('utf-8', bytes);
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    encoding = 'utf-16le';
    text = strictDecode('utf-16le', bytes);
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    encoding = 'utf-16be';
    text = strictDecode('utf-16be', bytes);
  } else {
    const known = SIGNATURES.find(([, sig]) => startsWith(bytes, sig));
    if (known) throw binaryError(known[0]);
    if (bytes.includes(0)) throw binaryError();
    encoding = 'utf-8';
    text = strictDecode('utf-8', bytes);
    if (text === null) {
      encoding = 'gb18030';
      text = strictDecode('gb18030', bytes);
      if (text !== null && !(gb2312Share(bytes) >= 0.8 && ideographShare(text) >= 0.5)) text = null;
    }
  }
  if (text === null) {
    throw new DecodeError(
      'undecodable',
      '无法识别文本编码（不是 UTF-8、UTF-16 或 GB18030/GBK）/ Cannot decode the text: it is not valid UTF-8, UTF-16 or GB18030/GBK.',
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (looksBinary(text)) throw binaryError();
  if (text.trim() === '') throw new DecodeError('empty', '文件只有空白字符 / The file contains only whitespace.');
  return { text: text.replace(/\r\n?/g, '\n'), encoding };
}
