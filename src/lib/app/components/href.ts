// Links that also render while prerendering. The overview is prerendered with its figures
// (src/routes/+page.server.ts); there the page URL's query may not be read, so links carry no
// parameters until the page hydrates, when app.href adds the filters, language and snapshot.
import { browser } from '$app/environment';
import { resolve } from '$app/paths';
import { app } from '../app.svelte.ts';

export function href(path: '/' | `/${string}`, extra: Record<string, string | number> = {}): string {
  if (browser) return app.href(path, extra);
  const s = new URLSearchParams(Object.entries(extra).map(([k, v]) => [k, String(v)])).toString();
  return `${(resolve as unknown as (p: string) => string)(path)}${s ? `?${s}` : ''}`;
}
