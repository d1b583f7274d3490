// Number formatting. Money in the snapshot is in 万元; large sums read better in 亿元
// (1 亿元 = 10,000 万元). Charts and tables show rounded figures; tooltips show the exact
// figure as stored, with its unit, so nothing is lost to rounding.

export const WAN_PER_YI = 10_000;

const grouped = (digits: number) =>
  new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: true });
const G0 = grouped(0);
const G1 = grouped(1);
const G2 = grouped(2);
const EXACT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6, useGrouping: true });

function fixed(v: number, digits: number): string {
  const f = digits === 0 ? G0 : digits === 1 ? G1 : digits === 2 ? G2 : grouped(digits);
  // -0.00 reads as a sign error.
  const s = f.format(v);
  return /^-0(\.0+)?$/.test(s) ? s.slice(1) : s;
}

export const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** 万元 figure, switching to 亿元 from 10,000 万元: '1.29 万元', '1.23 亿元'. */
export function fmtMoney(wan: number | null | undefined, digits = 2): string {
  if (!isNum(wan)) return '—';
  if (Math.abs(wan) >= WAN_PER_YI) return `${fixed(wan / WAN_PER_YI, digits)} 亿元`;
  return `${fixed(wan, digits)} 万元`;
}

/** Always in 万元 (tables keep one unit per column). */
export function fmtWan(wan: number | null | undefined, digits = 2): string {
  return isNum(wan) ? fixed(wan, digits) : '—';
}

/** The exact stored figure with its unit: '6,613.75 万元' (up to 6 decimals, nothing rounded away that matters). */
export function fmtExact(v: number | null | undefined, unit = '万元'): string {
  if (!isNum(v)) return '—';
  const s = EXACT.format(v);
  return unit ? `${s} ${unit}` : s;
}

/** Percent figure: '11.60 %'. */
export function fmtPct(v: number | null | undefined, digits = 2): string {
  return isNum(v) ? `${fixed(v, digits)} %` : '—';
}

/** Signed change: '+1.20 万元', '−0.23 万元'. */
export function fmtSigned(v: number | null | undefined, unit = '万元', digits = 2): string {
  if (!isNum(v)) return '—';
  const s = fixed(Math.abs(v), digits);
  const sign = Math.round(v * 10 ** digits) === 0 ? '' : v > 0 ? '+' : '−';
  return `${sign}${s}${unit ? ` ${unit}` : ''}`;
}

/** Plain number with grouping. */
export function fmtNum(v: number | null | undefined, digits = 0): string {
  return isNum(v) ? fixed(v, digits) : '—';
}

/** Count with a unit: '99 辆', '60 人'. */
export function fmtCount(v: number | null | undefined, unit: string): string {
  return isNum(v) ? `${fixed(v, Number.isInteger(v) ? 0 : 2)} ${unit}` : '—';
}

/** Tick label for a 万元 axis: compact, no unit (the axis title carries it). */
export function tickWan(v: number): string {
  if (Math.abs(v) >= WAN_PER_YI) return `${fixed(v / WAN_PER_YI, 1)}亿`;
  return fixed(v, Math.abs(v) < 10 && !Number.isInteger(v) ? 1 : 0);
}

/** Formats a value by the unit of its column. */
export function fmtByUnit(v: unknown, unit: string | undefined): string {
  if (v == null) return '—';
  if (typeof v !== 'number') return String(v);
  switch (unit) {
    case '万元':
      return fmtWan(v);
    case '%':
      return fmtPct(v);
    case '分':
      return fmtNum(v, 2);
    default:
      return Number.isInteger(v) ? fmtNum(v) : fmtNum(v, 2);
  }
}
