// Character normalisation and number parsing shared by every extractor stage.
// normalizeChars maps one UTF-16 unit to one unit so that offsets in the normalised
// text are offsets in the source: provenance can always quote the printed text.

const FULLWIDTH_START = 0xff01;
const FULLWIDTH_END = 0xff5e;

/** Full-width ASCII → ASCII, ideographic/no-break spaces → space, odd minus signs → '-'. Length-preserving. */
export function normalizeChars(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= FULLWIDTH_START && c <= FULLWIDTH_END) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000 || c === 0x00a0 || c === 0x2002 || c === 0x2003 || c === 0x2009 || c === 0x200b || c === 0xfeff) out += ' ';
    else if (c === 0x2212 || c === 0xfe63) out += '-';
    else if (c === 0xfe6a) out += '%';
    else if (c === 0x3014) out += '['; // 〔
    else if (c === 0x3015) out += ']'; // 〕
    else if (c === 0x3010) out += '['; // 【
    else if (c === 0x3011) out += ']'; // 】
    else out += s[i];
  }
  return out;
}

/** Removes all whitespace; returns the compact string and, per compact index, the source index. */
export function compact(s: string, base = 0): { text: string; map: number[] } {
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v') continue;
    text += ch;
    map.push(base + i);
  }
  return { text, map };
}

/** A printed number: digits with optional thousands separators, decimals and sign. */
export const NUM = String.raw`-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?|-?\.\d+`;

/**
 * Parses one printed number ("8,720.18", "-57.05", "100.00%", "10.00分", " 12 ").
 * Returns null for anything that is not a plain number with an optional trailing unit mark.
 */
export function parseNumber(token: string | undefined | null): number | null {
  if (token == null) return null;
  let t = normalizeChars(token).replace(/\s+/g, '');
  t = t.replace(/^[=＝≈]/, '');
  t = t.replace(/(万元|元|分|%)$/, '');
  if (!/^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/.test(t) || !/\d/.test(t)) return null;
  const v = Number(t.replace(/,/g, ''));
  return Number.isFinite(v) ? v : null;
}

/** Rounds away binary noise from unit conversions (元 → 万元 keeps 6 decimals of 万元 = 0.01 元). */
export function roundMoney(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/** Converts an amount printed with a unit into 万元. */
export function toWan(value: number, unit: string): number {
  const u = unit.replace(/\s/g, '');
  if (u === '元') return roundMoney(value / 10000);
  if (u === '万') return value;
  if (u === '亿元') return roundMoney(value * 10000);
  if (u === '千元') return roundMoney(value / 10);
  return value;
}

/** Sign of a change verb: 增加/增长/上升 +, 减少/降低/下降 −. */
export function changeSign(verb: string): 1 | -1 | 0 {
  if (/减少|降低|下降|减/.test(verb)) return -1;
  if (/增加|增长|上升|提高|增/.test(verb)) return 1;
  return 0;
}

/** Normalises a label or name for comparison: no whitespace, ASCII brackets and quotes. */
export function normName(s: string): string {
  return normalizeChars(s).replace(/\s+/g, '').replace(/[“”"']/g, '').replace(/<\/?[a-z][^>]*>/gi, '');
}
