// CSV export that opens cleanly in Excel: UTF-8 with a byte-order mark (without it Excel reads
// Chinese as mojibake), CRLF line ends and RFC 4180 quoting. Pure.

export interface CsvColumn {
  key: string;
  /** Header text; defaults to the key. */
  label?: string;
}

export const BOM = '\uFEFF';

/**
 * One cell. Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start)
 * gets a leading apostrophe — source snippets are untrusted text. Numbers are written as they
 * are, negative ones included.
 */
export function csvCell(v: unknown): string {
  let s: string;
  if (v == null) s = '';
  else if (typeof v === 'number') s = Number.isFinite(v) ? String(v) : '';
  else if (typeof v === 'bigint') s = v.toString();
  else if (typeof v === 'boolean') s = v ? 'true' : 'false';
  else if (v instanceof Date) s = v.toISOString();
  else if (Array.isArray(v)) s = v.map((x) => (x == null ? '' : String(x))).join('; ');
  else if (typeof v === 'object') s = JSON.stringify(v);
  else {
    s = String(v);
    if (/^[=+\-@\t\r]/.test(s) && !/^[+-]?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  }
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(columns: readonly CsvColumn[], rows: readonly Record<string, unknown>[], opts: { bom?: boolean } = {}): string {
  const lines = [columns.map((c) => csvCell(c.label ?? c.key)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvCell(r[c.key])).join(','));
  return (opts.bom === false ? '' : BOM) + lines.join('\r\n') + '\r\n';
}
