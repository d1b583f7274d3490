// Build time only (prerendering): the build-time seed (static/seed/queries.json, written by
// scripts/lib/app/seed.ts before `vite build`), cut down to the answers one page shows first,
// which the page is prerendered with (see src/lib/app/prerender.svelte.ts).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SeedFile, SeedLookup } from './seed.ts';
import { seedKey, seedLookup } from './seed.ts';
import type { Param } from './where.ts';

let file: SeedFile | null | undefined;

/** The whole seed file, or null (a dev server before its first prebuild). */
export function readSeedFile(): SeedFile | null {
  if (file === undefined) {
    try {
      file = JSON.parse(readFileSync(resolve('static', 'seed', 'queries.json'), 'utf8')) as SeedFile;
    } catch {
      file = null;
    }
  }
  return file;
}

type Query = { sql: string; params: Param[] };

/**
 * The seed's answers to `queries` (those it has), or null without a seed. `queries` may depend
 * on answers of the seed (`get`), as the findings page's depend on the table's columns.
 */
export function seedFor(queries: Query[] | ((get: SeedLookup) => Query[])): SeedFile | null {
  const seed = readSeedFile();
  if (!seed) return null;
  if (typeof queries === 'function') {
    queries = queries(seedLookup(seed));
  }
  const want = new Set(queries.map((q) => seedKey(q.sql, q.params)));
  return { version: seed.version, entries: seed.entries.filter((e) => want.has(seedKey(e.sql, e.params))) };
}
