// App-wide state read from the URL: language and global filters. The URL is the single source
// of truth; changing a filter is a navigation, so back/forward and shared links just work.
import { browser } from '$app/environment';
import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import { page } from '$app/state';
import type { Filters } from './filters.ts';
import { FILTER_PARAMS, filtersEqual, parseFilters, withFilters, writeFilters } from './filters.ts';
import type { Lang, MessageKey } from './i18n.ts';
import { parseLang, t, withLang } from './i18n.ts';

/** Parameters that travel with every link: the filters, the language and the snapshot. */
const SHARED_PARAMS: readonly string[] = [...FILTER_PARAMS, 'lang', 'snapshot'];

/**
 * The page URL's parameters. While a page is prerendered (with the seed's figures) its URL has
 * none and may not be read: no filters, no page parameters, links without parameters until the
 * page hydrates.
 */
const params = (): URLSearchParams => (browser ? page.url.searchParams : new URLSearchParams());

class AppState {
  /**
   * State rather than derived from page.url: hundreds of labels read it, and a derived would
   * make each of them re-check on every URL change (every filter change). Kept in step with the
   * URL by syncFromUrl (the layout calls it on each navigation).
   */
  lang: Lang = $state(typeof location === 'undefined' ? 'zh' : parseLang(new URLSearchParams(location.search)));
  #lastFilters: Filters | null = null;
  /**
   * The same object while the filters' values stay the same: a navigation that changes only
   * page parameters (a drill-down, the language, a list asked for) reruns no page query.
   */
  readonly filters: Filters = $derived.by(() => {
    const f = parseFilters(params());
    if (this.#lastFilters && filtersEqual(this.#lastFilters, f)) return this.#lastFilters;
    return (this.#lastFilters = f);
  });

  syncFromUrl(url: URL): void {
    const lang = parseLang(url.searchParams);
    if (lang !== this.lang) this.lang = lang;
  }

  tr = (key: MessageKey, vars?: Record<string, string | number>): string => t(this.lang, key, vars);

  /** A page parameter (page-local state such as the chosen unit or drill path). */
  param(name: string): string | null {
    return params().get(name);
  }

  #go(params: URLSearchParams, replace = false): Promise<void> {
    const s = params.toString();
    return goto(`${page.url.pathname}${s ? `?${s}` : ''}${page.url.hash}`, { keepFocus: true, noScroll: true, replaceState: replace });
  }

  #changing = new Set<(f: Filters) => void>();

  /**
   * `fn` runs with the new filters as soon as a filter change starts, before the navigation
   * that makes it (see ahead.svelte.ts). Returns its removal.
   */
  onFiltersChange(fn: (f: Filters) => void): () => void {
    this.#changing.add(fn);
    return () => this.#changing.delete(fn);
  }

  /** The filters as they will be read from `params` once the URL has them. */
  #announce(params: URLSearchParams): void {
    const next = parseFilters(params);
    if (filtersEqual(next, this.filters)) return;
    for (const fn of this.#changing) {
      try {
        fn(next);
      } catch (e) {
        console.warn('[filters]', e);
      }
    }
  }

  setFilters(patch: Partial<Filters>): Promise<void> {
    const p = writeFilters(page.url.searchParams, withFilters(this.filters, patch));
    this.#announce(p);
    return this.#go(p);
  }

  resetFilters(): Promise<void> {
    const p = new URLSearchParams(page.url.searchParams);
    for (const k of FILTER_PARAMS) p.delete(k);
    this.#announce(p);
    return this.#go(p);
  }

  setLang(lang: Lang): Promise<void> {
    return this.#go(withLang(page.url.searchParams, lang), true);
  }

  /** Sets (or with null removes) page parameters. */
  setParams(values: Record<string, string | number | null>, replace = false): Promise<void> {
    const p = new URLSearchParams(page.url.searchParams);
    for (const [k, v] of Object.entries(values)) {
      if (v == null || v === '') p.delete(k);
      else p.set(k, String(v));
    }
    return this.#go(p, replace);
  }

  /** A link to another page keeping filters, language and snapshot (not page-local state). */
  href(path: '/' | `/${string}`, extra: Record<string, string | number> = {}): string {
    const p = new URLSearchParams();
    for (const [k, v] of params()) if (SHARED_PARAMS.includes(k)) p.append(k, v);
    for (const [k, v] of Object.entries(extra)) p.set(k, String(v));
    const s = p.toString();
    // resolve() is typed against the generated route list, which plain tsc does not see.
    return `${(resolve as unknown as (p: string) => string)(path)}${s ? `?${s}` : ''}`;
  }
}

export const app = new AppState();
