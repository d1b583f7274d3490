// Character normalisation and number parsing shared by every extractor stage.
// normalizeChars maps one UTF-16 unit to one unit so that offsets in the normalised
// text are offsets in the source: provenance can always quote the printed text.

const SPECIAL = /[\uff01-\uff5e\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff\u2212\ufe63\ufe6a\u3014\u3015\u3010\u3011]/g;
const MAP: Record<string, string> = {
  '\u3000': ' ', '\u00a0': ' ', '\u2002': ' ', '\u2003': ' ', '\u2009': ' ', '\u200b': ' ', '\ufeff': ' ',
  '\u2212': '-', '\ufe63': '-', '\ufe6a': '%', '\u3014': '[', '\u3015': ']', '\u3010': '[', '\u3011': ']',
};

/** Full-width ASCII → ASCII, ideographic/no-break spaces → space, odd minus signs → '-'. Length-preserving. */
export function normalizeChars(s: string): string {
  return s.replace(SPECIAL, (ch) => MAP[ch] ?? String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/**
 * Removes all whitespace; returns the compact string and, per compact index, the source index
 * (appended to `map` when one is given: a block of lines builds one map).
 */
export function compact(s: string, base = 0, map: number[] = []): { text: string; map: number[] } {
  // A loop over the characters rather than a regex's matches: every line of prose passes here,
  // and most have no space at all (then the text is the line itself).
  let text = '';
  let run = -1;
  for (let i = 0; i < s.length; i++) {
    if (isSpace(s.charCodeAt(i))) {
      if (run >= 0) text += s.slice(run, i);
      run = -1;
    } else {
      if (run < 0) run = i;
      map.push(base + i);
    }
  }
  if (run >= 0) text += run === 0 ? s : s.slice(run);
  return { text, map };
}

/** JavaScript's \s: its white space and line terminators (ECMA-262). */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A printed number: digits with optional thousands separators, decimals and sign. */
export const NUM = String.raw`-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?|-?\.\d+`;

/**
 * Parses one printed number ("8,720.18", "-57.05", "100.00%", "10.00分", " 12 ").
 * Returns null for anything that is not a plain number with an optional trailing unit mark.
 */
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;
const HAS_DIGIT = /[0-9\uff10-\uff19]/;

export function parseNumber(token: string | undefined | null): number | null {
  if (token == null) return null;
  // Most cells are a plain figure or no figure at all: both are answered without the rewrites.
  if (PLAIN_NUMBER.test(token)) return Number(token);
  if (!HAS_DIGIT.test(token)) return null;
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
  let t = normNames.get(s);
  if (t !== undefined) return t;
  t = normalizeChars(s).replace(/\s+/g, '').replace(/[“”"']/g, '');
  if (t.includes('<')) t = t.replace(/<\/?[a-z][^>]*>/gi, '');
  // Labels and headers repeat across rows and documents; the cache is emptied when large.
  if (normNames.size >= 1 << 14) normNames.clear();
  normNames.set(s, t);
  return t;
}
const normNames = new Map<string, string>();
