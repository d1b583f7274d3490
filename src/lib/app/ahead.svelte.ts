// A page's first chart asks its queries as soon as a filter change starts: before the
// navigation that makes the change (the URL, SvelteKit's routing, every component that reads
// the URL), which keeps the main thread busy for a few tens of ms before the chart's Resource
// reruns. The query then runs in DuckDB's worker meanwhile, and the Resource's own query, the
// same SQL text and parameters, is handed its answer (QueryOpts.ahead in src/lib/db/query.ts).
// A newer change drops the queries not sent yet.
import type { QueryOpts } from '../db/query.ts';
import { app } from './app.svelte.ts';
import type { Filters } from './filters.ts';
import { Resource } from './resource.svelte.ts';

/** In a component: `load` (the first chart's loader) runs ahead of each filter change while it lives. */
export function askAhead(load: (f: Filters, q: QueryOpts) => Promise<unknown>): void {
  let run: AbortController | null = null;
  $effect(() => {
    const off = app.onFiltersChange((f) => {
      run?.abort();
      run = new AbortController();
      load(f, { priority: 1, ahead: true, signal: run.signal }).catch(() => {});
    });
    return () => {
      off();
      run?.abort();
    };
  });
}

/**
 * In a component: the page's first chart, `load` over the current filters, its queries first
 * (priority 1) and asked ahead of each filter change by the same loader.
 */
export function firstChart<T>(load: (f: Filters, q: QueryOpts) => Promise<T>): Resource<T> {
  const chart = new Resource((q) => load(app.filters, q), { priority: 1 });
  askAhead(load);
  return chart;
}
