// The snapshot's manifest.json as the app reads it, and where its files are. Pure.

export interface ManifestPart {
  /** Path relative to the manifest, '/'-separated (Hive partition folders). */
  file: string;
  rows: number;
  bytes: number;
  sha256: string;
  fiscal_year?: number | null;
  province?: string | null;
}

export interface ManifestTable {
  rows: number;
  bytes: number;
  sha256: string;
  /** Partition keys in path order; [] for a table in one file. */
  partition_by: string[];
  parts: ManifestPart[];
}

export interface Manifest {
  format: number;
  version: string;
  created: string;
  extractor_version?: string;
  inputs?: { total: number; ok: number; partial: number; rejected: number; synthetic: number };
  tables: Record<string, ManifestTable>;
  /** Region-level aggregates over every partition (aggregates.sql), one file each. */
  aggregates?: Record<string, ManifestPart>;
  files?: Record<string, { bytes: number; sha256: string }>;
}

const TABLE_NAME = /^[a-z_][a-z0-9_]*$/;
/** One path segment: no separators, control characters, query or fragment marks; not . or .. */
const SEGMENT = /^(?!\.\.?$)[^/\\\u0000-\u001f?#]+$/u;

export function safeRelativePath(file: unknown): file is string {
  if (typeof file !== 'string' || !file.endsWith('.parquet') || file.length > 500) return false;
  return file.split('/').every((seg) => SEGMENT.test(seg));
}

/** Checks the parts of a manifest the app relies on; throws with a readable message. */
export function checkManifest(m: unknown): Manifest {
  const fail = (msg: string): never => {
    throw new Error(`manifest.json: ${msg}`);
  };
  if (!m || typeof m !== 'object') fail('not an object');
  const o = m as Record<string, unknown>;
  if (typeof o.version !== 'string') fail('no version');
  if (o.format !== 2) fail(`format ${String(o.format)} is not supported (this app reads format 2; run npm run ingest again)`);
  if (!o.tables || typeof o.tables !== 'object') fail('no tables');
  for (const [name, t] of Object.entries(o.tables as Record<string, unknown>)) {
    if (!TABLE_NAME.test(name)) fail(`bad table name ${JSON.stringify(name)}`);
    const tt = t as Partial<ManifestTable>;
    if (!Array.isArray(tt?.parts)) fail(`no parts for table ${name}`);
    // File paths become DuckDB file names and URL paths: relative, inside the snapshot folder.
    for (const p of tt.parts!) if (!safeRelativePath(p?.file)) fail(`bad file for table ${name}`);
  }
  for (const [name, a] of Object.entries((o.aggregates ?? {}) as Record<string, Partial<ManifestPart>>)) {
    if (!TABLE_NAME.test(name)) fail(`bad aggregate name ${JSON.stringify(name)}`);
    if (!safeRelativePath(a?.file)) fail(`bad file for aggregate ${name}`);
  }
  return o as unknown as Manifest;
}

/** Total bytes of the snapshot's Parquet files. */
export const manifestBytes = (m: Manifest): number => Object.values(m.tables).reduce((n, t) => n + t.parts.reduce((k, p) => k + p.bytes, 0), 0);

/** The part of the data the active filters need: years and province (null: no bound). */
export interface Scope {
  yearFrom: number | null;
  yearTo: number | null;
  province: string | null;
}

/**
 * The files of a table a query within `scope` needs: the partitions whose year and province
 * fall inside it. A table that is not partitioned is always whole.
 */
export function partsFor(t: ManifestTable, scope: Scope): ManifestPart[] {
  if (!t.partition_by.length) return t.parts;
  return t.parts.filter((p) => {
    const y = p.fiscal_year ?? null;
    if (scope.yearFrom != null && (y === null || y < scope.yearFrom)) return false;
    if (scope.yearTo != null && (y === null || y > scope.yearTo)) return false;
    if (scope.province != null && p.province !== scope.province) return false;
    return true;
  });
}

/** The URL of a file next to the manifest (each path segment percent-encoded: Hive names hold '=' and CJK). */
export function fileUrl(manifestUrl: string, file: string, version?: string): string {
  const u = new URL(file.split('/').map(encodeURIComponent).join('/'), manifestUrl);
  // Files keep their names across snapshots: the checksum in the URL keeps caches honest.
  if (version) u.searchParams.set('v', version.slice(0, 16));
  return u.href;
}

/**
 * Which manifest to open: `?snapshot=<url>` (an http(s) URL or a path on this site), else the
 * snapshot embedded in the app.
 */
export function manifestLocation(param: string | null, embedded: string, pageUrl: string): { url: string; external: boolean } {
  const def = new URL(embedded, pageUrl).href;
  if (!param) return { url: def, external: false };
  let u: URL;
  try {
    u = new URL(param, pageUrl);
  } catch {
    return { url: def, external: false };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { url: def, external: false };
  return { url: u.href, external: u.href !== def };
}
