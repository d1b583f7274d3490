// The snapshot's manifest.json as the app reads it, and where its files are. Pure.
import type { TableDef } from '../snapshot/schema.ts';
import { quoteIdent } from '../sql/index.ts';

export interface ManifestTable {
  file: string;
  rows: number;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  format: number;
  version: string;
  created: string;
  extractor_version?: string;
  inputs?: { file: string; doc_id: string | null; bytes: number | null; status: string }[];
  tables: Record<string, ManifestTable>;
  files?: Record<string, { bytes: number; sha256: string }>;
}

const FILE_NAME = /^[A-Za-z0-9_.-]+$/;
const TABLE_NAME = /^[a-z_][a-z0-9_]*$/;

/** Checks the parts of a manifest the app relies on; throws with a readable message. */
export function checkManifest(m: unknown): Manifest {
  const fail = (msg: string): never => {
    throw new Error(`manifest.json: ${msg}`);
  };
  if (!m || typeof m !== 'object') fail('not an object');
  const o = m as Record<string, unknown>;
  if (typeof o.version !== 'string') fail('no version');
  if (!o.tables || typeof o.tables !== 'object') fail('no tables');
  for (const [name, t] of Object.entries(o.tables as Record<string, unknown>)) {
    if (!TABLE_NAME.test(name)) fail(`bad table name ${JSON.stringify(name)}`);
    const tt = t as Partial<ManifestTable>;
    // File names become DuckDB file names and URL paths: plain names only, no folders.
    if (typeof tt?.file !== 'string' || !FILE_NAME.test(tt.file)) fail(`bad file for table ${name}`);
  }
  return o as unknown as Manifest;
}

/** The URL of a file next to the manifest. */
export function fileUrl(manifestUrl: string, file: string, version?: string): string {
  const u = new URL(file, manifestUrl);
  // Files keep their names across snapshots: the checksum in the URL keeps caches honest.
  if (version) u.searchParams.set('v', version.slice(0, 16));
  return u.href;
}

/** A view with the columns of a table and no rows, for a table the snapshot does not have. */
export function emptyViewSql(t: TableDef): string {
  const cols = t.columns.map((c) => `CAST(NULL AS ${c.type}) AS ${quoteIdent(c.name)}`).join(', ');
  return `CREATE OR REPLACE VIEW ${quoteIdent(t.name)} AS SELECT ${cols} WHERE false`;
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
