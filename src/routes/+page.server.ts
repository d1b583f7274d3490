// Build time only (the page is prerendered): the unfiltered overview's figures from the seed,
// the answers to the first page's queries that the build computes with Node's DuckDB over the
// embedded snapshot (scripts/lib/app/seed.ts, written to static/seed/queries.json before
// `vite build`). The page shows them until the browser's own answers arrive, and only when the
// browser asks the same question (no filters, the embedded snapshot).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { OverviewSeed } from '../lib/app/queries/overview.ts';
import { overviewFromSeed } from '../lib/app/queries/overview.ts';
import type { SeedFile } from '../lib/db/seed.ts';

export function load(): { seed: OverviewSeed | null } {
  let file: SeedFile | null = null;
  try {
    file = JSON.parse(readFileSync(resolve('static', 'seed', 'queries.json'), 'utf8')) as SeedFile;
  } catch {
    // No seed (a dev server before its first prebuild): the page renders its loading state.
  }
  return { seed: overviewFromSeed(file) };
}
