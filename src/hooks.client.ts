// Starts DuckDB-wasm and the snapshot download as early as the app can: before the router
// loads the first page's components, so the wasm module compiles while they load.
import { openFromUrl } from './lib/app/snapshot.svelte.ts';

export function init(): void {
  openFromUrl(new URL(location.href)).catch(() => {
    /* shown by the layout's status banner */
  });
}
