// Arrow tables → plain row objects for components. Pure; no DuckDB here.

export type Row = Record<string, unknown>;

/** An Arrow table as DuckDB-wasm returns it: apache-arrow's Table, the parts read here. */
export interface ArrowTable {
  numRows: number;
  schema: { fields: { name: string }[] };
  getChildAt(i: number): { get(i: number): unknown } | null;
}

/** Arrow values → plain JS: BigInt → number, list vectors → arrays, structs → objects. */
export function plain(v: unknown): unknown {
  if (v == null) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v !== 'object') return v;
  if (v instanceof Date) return v;
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>, (x) => plain(x));
  const o = v as { toArray?: () => ArrayLike<unknown>; toJSON?: () => unknown; type?: unknown; length?: number };
  if (typeof o.toArray === 'function' && o.type !== undefined) return Array.from(o.toArray(), plain);
  if (typeof o.toJSON === 'function') {
    const j = o.toJSON() as Record<string, unknown>;
    if (Array.isArray(j)) return j.map(plain);
    return Object.fromEntries(Object.entries(j).map(([k, x]) => [k, plain(x)]));
  }
  return v;
}

/** Column by column (faster than Arrow's row proxies). */
export function toRows<T = Row>(table: ArrowTable): T[] {
  const cols = table.schema.fields.map((f, i) => [f.name, table.getChildAt(i)] as const);
  const out: Row[] = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const r: Row = {};
    for (const [name, col] of cols) r[name] = plain(col?.get(i));
    out[i] = r;
  }
  return out as T[];
}
