// Pages prerendered with their first figures. At build time each page's +page.server.ts picks
// the answers to its first queries from the build-time seed (src/lib/db/seed-file.server.ts);
// the page is prerendered showing them, so its first chart is in the HTML, and it hydrates
// with the same answers when it asks the same questions (the embedded snapshot, no filters).
// Its loaders then run as usual (from the seed, then from DuckDB). A prerendered page opened
// with parameters stays hidden until it has hydrated (see +layout.svelte).
import { browser } from '$app/environment';
import type { SeedFile, SeedLookup } from '../db/seed.ts';
import { seedLookup } from '../db/seed.ts';
import { app } from './app.svelte.ts';
import { activeFilterCount } from './filters.ts';
import type { Resource } from './resource.svelte.ts';
import { snapshot } from './snapshot.svelte.ts';

/**
 * The answers a page may show before its loaders have run: while prerendering, and in the
 * browser when the page asks the prerendered questions (the embedded snapshot, no filters).
 * `fromData`: the page data's seed, read once, when the page is created.
 */
export function pageSeed(fromData: () => SeedFile | null | undefined): SeedLookup | null {
  const seed = fromData();
  if (!seed || !Array.isArray(seed.entries)) return null;
  if (browser && (snapshot.external || activeFilterCount(app.filters) > 0)) return null;
  return seedLookup(seed);
}

/** Shows `value` in a Resource until its loader answers (nothing when there is none). */
export function preset<T>(r: Resource<T>, value: T | null | undefined): void {
  if (value == null) return;
  r.value = value;
  r.status = 'ready';
  r.pending = false;
}
