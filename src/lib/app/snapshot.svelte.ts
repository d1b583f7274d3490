// Opening the snapshot, once per page load: DuckDB-wasm starts while manifest.json and the
// Parquet files download. `?snapshot=<url of a manifest.json>` opens another snapshot; the
// default is the one embedded in the app (static/snapshot, copied in at build time).
import { untrack } from 'svelte';
import { goto } from '$app/navigation';
import { asset } from '$app/paths';
import { getDb } from '../db/duckdb.ts';
import type { Manifest, Scope } from '../db/manifest.ts';
import type { Filters } from './filters.ts';
import { fileUrl, manifestBytes, manifestLocation } from '../db/manifest.ts';
import { SCALE_SEED_FILE } from './queries/scale-seed.ts';
import { idleFor, queryRows, resetPrepared, seedAnswered, setGate, useDb } from '../db/query.ts';
import type { SeedFile } from '../db/seed.ts';
import { VIEW_SEED_INDEX, seedMap, viewSeedFiles } from '../db/seed.ts';
import type { SnapshotInfo } from '../db/snapshot.ts';
import { EAGER_BYTES, applyScope, cacheViews, fetchManifest, openSnapshot } from '../db/snapshot.ts';
import { orderSqlFiles } from '../db/sql-order.ts';
import { aggregatable } from '../db/where.ts';
import { parseFilters, writeFilters, withFilters } from './filters.ts';

const SQL_SOURCES = import.meta.glob('../sql/*.sql', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export type SnapshotStatus = 'idle' | 'loading' | 'ready' | 'error';

export const snapshot: {
  status: SnapshotStatus;
  info: SnapshotInfo | null;
  error: string | null;
  external: boolean;
  url: string;
  /** ms since navigation start when the snapshot became queryable. */
  readyAt: number | null;
  /** Views computed into tables (see cacheViews); ms it took, once done. */
  cached: boolean;
  cacheMs: number | null;
  /** 'ranges': a large snapshot read in place, its partitions pruned by the year and province filters. */
  mode: 'memory' | 'ranges' | null;
  /**
   * False while the URL may still change before the first query: a large snapshot opened
   * without years gets its latest year written into the URL once the manifest is read. The
   * pages start after it (their first queries would otherwise be for every year, then dropped).
   */
  settled: boolean;
  /** The manifest, once read (before the database is up). */
  manifest: Manifest | null;
} = $state({ status: 'idle', info: null, error: null, external: false, url: '', readyAt: null, cached: false, cacheMs: null, mode: null, settled: true, manifest: null });

const scopeOf = (url: URL): Scope => {
  const f = parseFilters(url.searchParams);
  return { yearFrom: f.yearFrom, yearTo: f.yearTo, province: f.province };
};

/**
 * A snapshot too large to download is opened on one year unless the link names years: its
 * latest, written into the URL so the filter bar shows it and a shared link keeps it.
 */
function scopeFor(m: Manifest, url: URL, inPlace: boolean): Scope {
  const scope = scopeOf(url);
  if ((!inPlace && manifestBytes(m) <= EAGER_BYTES) || scope.yearFrom != null || scope.yearTo != null) return scope;
  const years = (m.tables.documents?.parts ?? []).map((p) => p.fiscal_year).filter((y): y is number => typeof y === 'number');
  if (!years.length) return scope;
  const latest = Math.max(...years);
  return { ...scope, yearFrom: latest, yearTo: latest };
}

/** Waits until the page's own queries have been quiet for a moment. */
async function quietTurn(): Promise<void> {
  while (!idleFor(40)) await new Promise((r) => setTimeout(r, 25));
}

/** For work that may wait (the filter bar's unit list): once the snapshot is open and the page's first queries are done. */
export async function afterFirstQueries(): Promise<void> {
  await ready();
  await new Promise((r) => setTimeout(r, 50));
  await quietTurn();
}

let mountedNow: () => void = () => {};
const mounted = new Promise<void>((r) => (mountedNow = r));

/** The layout calls it once the app has hydrated (its onMount). */
export function appMounted(): void {
  mountedNow();
}

let opening: Promise<SnapshotInfo> | null = null;
/** How the snapshot is read, once its manifest is (null: it could not be read). */
let modeKnown: Promise<SnapshotInfo['mode'] | null> | null = null;

/** Opens the snapshot named by the page URL (once); resolves when queries can run. */
export function openFromUrl(pageUrl: URL): Promise<SnapshotInfo> {
  if (opening) return opening;
  const loc = manifestLocation(pageUrl.searchParams.get('snapshot'), asset('/snapshot/manifest.json'), pageUrl.href);
  snapshot.status = 'loading';
  snapshot.url = loc.url;
  snapshot.external = loc.external;
  const manifestP = fetchManifest(loc.url, !loc.external);
  // ?read=ranges: read in place whatever the size (the browser tests use it on the seed snapshot).
  const inPlace = pageUrl.searchParams.get('read') === 'ranges';
  const first = scopeOf(pageUrl);
  snapshot.settled = !((loc.external || inPlace) && first.yearFrom == null && first.yearTo == null);
  // Known from the manifest, before the database: whether pages answer from the aggregates.
  modeKnown = manifestP.then(
    (m) => {
      snapshot.manifest = m;
      return (snapshot.mode = inPlace || manifestBytes(m) > EAGER_BYTES ? 'ranges' : 'memory');
    },
    () => null,
  );
  // Answers ahead of time for the first page: the build's for the embedded snapshot; for one
  // read in place, its own aggregates/seed.json (every page's first charts on its latest year).
  const seed = loc.external
    ? manifestP.then(async (m) => {
        const entry = m.files?.[SCALE_SEED_FILE];
        if (!entry || !(inPlace || manifestBytes(m) > EAGER_BYTES)) return null;
        const r = await fetch(fileUrl(loc.url, SCALE_SEED_FILE, entry.sha256));
        return r.ok ? seedMap((await r.json()) as SeedFile, m.version) : null;
      }).catch(() => null)
    : Promise.all([
        // Default cache mode, to pick up the <link rel="preload"> of app.html (the server
        // sends no-cache, so a reload still revalidates).
        fetch(asset('/seed/queries.json')).then((r) => (r.ok ? (r.json() as Promise<SeedFile>) : null)),
        manifestP,
      ]).then(([s, m]) => seedMap(s, m.version), () => null);
  // Another snapshot's seed: once the page has drawn from it (two frames after its first
  // answer); without a seed at once; with one the page does not ask (not a page of the seed),
  // after a while.
  const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
  const firstDrawn = Promise.race([
    seedAnswered.then(frame).then(frame),
    seed.then((m) => (m ? new Promise<void>((r) => setTimeout(r, 1500)) : undefined)),
  ]);
  // With a seed, DuckDB starts once the first page has drawn from it: compiling the wasm module
  // takes the machine's cores, and the first chart needs none of it. Without one, at once.
  const db = !loc.external
    ? seed.then((m) => (m ? new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0))) : undefined)).then(() => getDb())
    : firstDrawn.then(() => getDb());
  // The embedded snapshot's views computed at build time (static/seed/views), for its version.
  const precomputed = loc.external
    ? null
    : Promise.all([fetch(asset(`/seed/views/${VIEW_SEED_INDEX}`)).then((r) => (r.ok ? r.json() : null)), manifestP]).then(
        ([index, m]) => viewSeedFiles(index, m.version)?.map((v) => ({ name: v.name, url: new URL(asset(`/seed/views/${v.file}`), pageUrl.href).href + `?v=${v.sha256.slice(0, 16)}`, sha256: v.sha256 })) ?? null,
        () => null,
      );
  const { ordered, missing } = orderSqlFiles(SQL_SOURCES);
  opening = manifestP.then((m) => {
    const scope = scopeFor(m, pageUrl, inPlace);
    if (scope.yearFrom !== first.yearFrom || scope.yearTo !== first.yearTo) {
      const f = withFilters(parseFilters(pageUrl.searchParams), { yearFrom: scope.yearFrom, yearTo: scope.yearTo });
      const p = writeFilters(pageUrl.searchParams, f).toString();
      // After hydration: a navigation that starts while the app hydrates finds no current page
      // to compare with and fetches the page's server data (__data.json) again first.
      mounted
        .then(() => goto(`${pageUrl.pathname}${p ? `?${p}` : ''}${pageUrl.hash}`, { replaceState: true, keepFocus: true, noScroll: true }))
        .finally(() => (snapshot.settled = true));
    } else snapshot.settled = true;
    return openSnapshot(db, loc.url, ordered, manifestP, inPlace, precomputed, firstDrawn);
  });
  opening = opening.then(
    (info) => {
      for (const m of missing) info.viewErrors.push({ file: m, message: 'file missing from the build' });
      for (const e of info.viewErrors) console.warn(`[snapshot] ${e.file}: ${e.message}`);
      snapshot.info = info;
      snapshot.mode = info.mode;
      snapshot.status = 'ready';
      snapshot.readyAt = performance.now();
      // Once the first page has its answers, compute every view once (a cache): later
      // filter changes then read small tables instead of re-running the views. Those already in
      // tables when it opened are not redone: the embedded snapshot's views (computed at build
      // time) and, read in place, the aggregates and units (the other views follow the
      // filters' partitions). What is left: another downloaded snapshot's views.
      const names = info.mode === 'ranges' ? [] : [...Object.keys(info.manifest.tables), ...info.views].filter((n) => !info.cached.includes(n));
      if (!names.length) {
        snapshot.cached = true;
        snapshot.cacheMs = info.ms.views;
        return info;
      }
      setTimeout(() => {
        cacheViews(db, names, quietTurn)
          .then((ms) => {
            resetPrepared();
            snapshot.cached = true;
            snapshot.cacheMs = ms;
          })
          .catch((e: unknown) => console.warn('[snapshot] view cache:', e));
      }, 200);
      return info;
    },
    (e: unknown) => {
      snapshot.settled = true;
      snapshot.status = 'error';
      snapshot.error = e instanceof Error ? e.message : String(e);
      opening = null;
      throw e;
    },
  );
  // Queries run once the views exist; until then the seed answers the first page.
  useDb(
    opening.then(() => db),
    seed,
  );
  return opening;
}

let scoped: Promise<unknown> = Promise.resolve();

/**
 * For a query that reads detail rows (not the aggregates): resolves once the base views of a
 * snapshot read in place cover the partitions the filters need — the year range, and the
 * province (the filter's, or the one all chosen units are in). Other queries never wait for
 * this, so a filter change answered from the aggregates opens no file. A downloaded snapshot
 * is always whole.
 */
export function detailReady(f: Filters): Promise<SnapshotInfo> {
  return ready().then(async (info) => {
    if (info.mode !== 'ranges') return info;
    let province = f.province;
    if (province == null && f.units.length) {
      const ps = await queryRows<{ p: string | null }>(`SELECT DISTINCT province AS p FROM units WHERE unit_id IN (${f.units.map(() => '?').join(', ')})`, f.units);
      if (ps.length === 1) province = ps[0]!.p;
    }
    const scope: Scope = { yearFrom: f.yearFrom, yearTo: f.yearTo, province };
    // One re-pointing at a time; queries wait for it (prepared statements are made again after).
    const p = scoped.then(async () => {
      if (await applyScope(getDb(), info, scope)) resetPrepared();
    });
    scoped = p.catch(() => {});
    setGate(p);
    await p;
    return info;
  });
}

/**
 * For a query that reads detail rows and needs nothing else from the snapshot: waits only when
 * the snapshot is read in place (its base views must cover the filters' partitions). A
 * downloaded snapshot's queries go straight to the query layer, which answers the first page's
 * from the build-time seed before the database is up.
 */
/** The manifest once read (null: it could not be), without waiting for the database. */
export async function knownManifest(): Promise<Manifest | null> {
  await modeKnown;
  return untrack(() => snapshot.manifest);
}

export async function detailScope(f: Filters): Promise<void> {
  const mode = untrack(() => snapshot.mode) ?? (await modeKnown);
  if (mode === 'ranges') await detailReady(f);
}

/**
 * Whether a page answers from the region-level aggregates: a snapshot read in place, and
 * filters they carry (no county, sector or chosen units). Only another snapshot (?snapshot=)
 * can be one: the embedded one answers at once, without waiting for the database.
 */
export async function fromAggregates(f: Filters): Promise<boolean> {
  if (!aggregatable(f)) return false;
  // Not a dependency of the caller's Resource: the snapshot opening must not rerun its query.
  const { mode, external } = untrack(() => ({ mode: snapshot.mode, external: snapshot.external }));
  if (mode) return mode === 'ranges';
  return external ? (await modeKnown) === 'ranges' : false;
}

/** Whether the snapshot is read in place, or will be (another snapshot, not open yet), without tracking it. */
export const maybeInPlace = (): boolean => untrack(() => snapshot.mode === 'ranges' || (snapshot.mode == null && snapshot.external));

/** Resolves once the snapshot is open (after openFromUrl was called by the layout). */
export function ready(): Promise<SnapshotInfo> {
  if (!opening) return Promise.reject(new Error('the snapshot is not being opened'));
  return opening;
}

export function hasTable(name: string): boolean {
  return !!snapshot.info?.tables.includes(name);
}

export function hasView(name: string): boolean {
  return !!snapshot.info?.views.includes(name);
}
