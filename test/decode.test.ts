import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecodeError, MAX_DOCUMENT_BYTES, assertDocumentSize, decodeDocument } from '../src/lib/extract/decode.ts';
import type { DecodeErrorReason } from '../src/lib/extract/decode.ts';
import { SEEDS_DIR } from '../scripts/lib/seeds.ts';

const SEED = '000_8238d9174a1472af.txt';
const seedBytes = readFileSync(join(SEEDS_DIR, SEED));
// The same seed encoded to GB18030 with python3: open(seed).read().encode('gb18030').
const seedGb18030 = readFileSync(new URL('./fixtures/000_8238d9174a1472af.gb18030.txt', import.meta.url));

const utf8 = (s: string) => new TextEncoder().encode(s);

function utf16(s: string, endian: 'le' | 'be'): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfeff, endian === 'le');
  for (let i = 0; i < s.length; i++) view.setUint16(2 + i * 2, s.charCodeAt(i), endian === 'le');
  return out;
}

function reasonOf(bytes: Uint8Array): DecodeErrorReason | 'no error' {
  try {
    decodeDocument(bytes);
    return 'no error';
  } catch (e) {
    expect(e).toBeInstanceOf(DecodeError);
    // Every message carries Chinese and English.
    expect((e as DecodeError).message).toMatch(/[\u4e00-\u9fff].*\/ [A-Z][a-z]+ /);
    return (e as DecodeError).reason;
  }
}

describe('decodeDocument', () => {
  it('decodes a real seed as UTF-8', () => {
    const { text, encoding } = decodeDocument(seedBytes);
    expect(encoding).toBe('utf-8');
    expect(text).toContain('本年收入');
    expect(text).toBe(seedBytes.toString('utf8'));
  });

  it('decodes the same seed encoded as GB18030 back to the identical text', () => {
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(seedGb18030)).toThrow();
    const { text, encoding } = decodeDocument(seedGb18030);
    expect(encoding).toBe('gb18030');
    expect(text).toBe(decodeDocument(seedBytes).text);
  });

  it('honours BOMs and strips them', () => {
    const sample = '本年收入合计353.89万元\n（类）一般公共服务支出';
    expect(decodeDocument(utf16(sample, 'le'))).toEqual({ text: sample, encoding: 'utf-16le' });
    expect(decodeDocument(utf16(sample, 'be'))).toEqual({ text: sample, encoding: 'utf-16be' });
    expect(decodeDocument(utf8('\ufeff' + sample))).toEqual({ text: sample, encoding: 'utf-8' });
  });

  it('normalises CRLF and CR to LF', () => {
    expect(decodeDocument(utf8('一\r\n二\r三\n四')).text).toBe('一\n二\n三\n四');
  });

  it('rejects empty and whitespace-only input', () => {
    expect(reasonOf(new Uint8Array(0))).toBe('empty');
    expect(reasonOf(utf8(' \n\t\r\n  \u3000 '))).toBe('empty');
    expect(reasonOf(utf8('\ufeff'))).toBe('empty');
    expect(reasonOf(utf16('  \n', 'le'))).toBe('empty');
  });

  it('rejects binary data', () => {
    // Deterministic pseudo-random bytes with NULs in them.
    let x = 12345;
    const random = new Uint8Array(4096).map((_, i) => (i % 97 === 0 ? 0 : (x = (x * 1103515245 + 12345) >>> 0) >>> 24));
    expect(reasonOf(random)).toBe('binary');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
    expect(reasonOf(png)).toBe('binary');
    expect(reasonOf(utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toBe('binary');
    expect(reasonOf(utf8('本年收入\u0001\u0002\u0003\u0004\u0005\u0006'))).toBe('binary');
    expect(reasonOf(utf16('本年\u0000收入', 'le'))).toBe('binary');
  });

  it('rejects bytes that are neither UTF-8 nor Chinese GB18030', () => {
    // Latin-1 "Résumé café" is invalid UTF-8 and not Chinese text.
    expect(reasonOf(new Uint8Array([0x52, 0xe9, 0x73, 0x75, 0x6d, 0xe9, 0x20, 0x63, 0x61, 0x66, 0xe9]))).toBe('undecodable');
    // A lone UTF-16 surrogate.
    expect(reasonOf(new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]))).toBe('undecodable');
  });

  it('enforces the size limit', () => {
    expect(MAX_DOCUMENT_BYTES).toBe(64 * 1024 * 1024);
    expect(() => assertDocumentSize(MAX_DOCUMENT_BYTES)).not.toThrow();
    expect(reasonOf(new Uint8Array(MAX_DOCUMENT_BYTES + 1).fill(0x41))).toBe('too_large');
  });

  it('on any bytes either returns LF-only text without BOM or throws a DecodeError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        try {
          const { text } = decodeDocument(bytes);
          expect(text).not.toMatch(/\r|^\ufeff/);
          expect(text.trim()).not.toBe('');
        } catch (e) {
          expect(e).toBeInstanceOf(DecodeError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
