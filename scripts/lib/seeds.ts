// Seed documents and synthetic large inputs, shared by the tests and the benchmarks.
// The shared folder always sits beside the repository: <repo>/../shared.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeDocument } from '../../src/lib/extract/decode.ts';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED_DIR = resolve(REPO_ROOT, '..', 'shared');
export const SEEDS_DIR = join(SHARED_DIR, 'seeds');

export interface Seed {
  name: string;
  bytes: Uint8Array;
  text: string;
}

/** All ../shared/seeds/*.txt, sorted by name, decoded as the CLI decodes them. */
export function readSeeds(): Seed[] {
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(SEEDS_DIR, name));
      return { name, bytes, text: decodeDocument(bytes).text };
    });
}

/**
 * Cuts `text` in the middle of a table cell line (a line holding a tab, with at least two
 * characters after the tab): the first such line at or after offset `from`, else the last one
 * before it. Returns the whole text when it has no such line.
 */
export function cutInTable(text: string, from: number): string {
  let chosen: RegExpExecArray | undefined;
  for (const m of text.matchAll(/^[^\n]*\t([^\n\t]{2,})$/gm)) {
    chosen = m;
    if (m.index + m[0].length > from) break;
  }
  if (!chosen) return text;
  const cell = chosen[1]!;
  let cut = chosen.index + chosen[0].length - Math.ceil(cell.length / 2);
  if (/[\uDC00-\uDFFF]/.test(text[cut] ?? '')) cut++; // never split a surrogate pair
  return text.slice(0, cut);
}

const utf8Length = (s: string): number => Buffer.byteLength(s, 'utf8');

/**
 * About `targetBytes` (UTF-8) of text made of whole seeds one after another, the last one cut
 * in the middle of a table so that the total comes near the target.
 */
export function buildLargeText(texts: readonly string[], targetBytes = 1024 * 1024): string {
  if (!texts.length) throw new Error('buildLargeText: no seed texts');
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; ; i++) {
    const next = texts[i % texts.length]! + '\n';
    const n = utf8Length(next);
    if (size + n > targetBytes) {
      // Characters are 1–3 bytes; aim the cut at the remaining byte budget.
      const ratio = next.length / n;
      parts.push(cutInTable(next, Math.floor((targetBytes - size) * ratio)));
      return parts.join('');
    }
    parts.push(next);
    size += n;
  }
}
