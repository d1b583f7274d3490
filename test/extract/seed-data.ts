// Real inputs and hand-checked expectations for the extractor's unit tests: the five seed
// disclosures in ../shared/seeds (decoded as the CLI decodes them) and their gold records in
// ../shared/gold. Snippets that tests copy from a seed go through `verbatim`, so a snippet that
// drifts from the real text fails loudly instead of silently testing invented input.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSeeds, SHARED_DIR } from '../../scripts/lib/seeds.ts';
import type { ExtractionRecord } from '../../src/lib/extract/types.ts';

export type SeedId = '000' | '001' | '002' | '003' | '004';
export const SEED_IDS: SeedId[] = ['000', '001', '002', '003', '004'];

const seeds = readSeeds();

function seed(id: SeedId) {
  const s = seeds.find((x) => x.name.startsWith(`${id}_`));
  if (!s) throw new Error(`seed ${id} not found in ${SHARED_DIR}/seeds`);
  return s;
}

/** File name of a seed, e.g. 000_8238d9174a1472af.txt. */
export const seedName = (id: SeedId): string => seed(id).name;

/** Whole decoded text of a seed. */
export const seedText = (id: SeedId): string => seed(id).text;

/** Lines [from, to] (1-based, inclusive) of a seed, joined with \n, exactly as printed. */
export function seedLines(id: SeedId, from: number, to = from): string {
  return seedText(id).split('\n').slice(from - 1, to).join('\n');
}

/** Returns `snippet` after checking that the seed prints it exactly (whitespace included). */
export function verbatim(id: SeedId, snippet: string): string {
  if (!seedText(id).includes(snippet)) throw new Error(`snippet is not verbatim in seed ${id}: ${JSON.stringify(snippet.slice(0, 80))}`);
  return snippet;
}

/** The hand-checked gold record of a seed. */
export function gold(id: SeedId): ExtractionRecord {
  return JSON.parse(readFileSync(join(SHARED_DIR, 'gold', `${seedName(id)}.json`), 'utf8')) as ExtractionRecord;
}

/** key@basis → value of a record's facts. */
export function factMap(facts: { key: string; basis: string; value: number }[]): Map<string, number> {
  return new Map(facts.map((f) => [`${f.key}@${f.basis}`, f.value]));
}
