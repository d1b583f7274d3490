// Real Chinese place names for synthetic units, from the extractor's gazetteer
// (src/lib/extract/gazetteer/pca.json: province → prefecture → county). Only names that
// identify one place are used, so that a unit's region path is unambiguous: prefectures
// whose name is unique, counties (区/县/市/旗, three characters or more) whose name is unique
// in the whole country; municipalities and "省直辖" placeholders are left out.
import pca from '../extract/gazetteer/pca.json' with { type: 'json' };

type Pca = Record<string, Record<string, string[]>>;
const DATA = pca as Pca;

export interface Place {
  province: string;
  prefecture?: string;
  county?: string;
}

const MUNICIPALITY = /^(?:北京市|天津市|上海市|重庆市)$/;
const PLACEHOLDER = /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;
const ODD = /开发区|新区|管理区|园区|示范区|新城|高新|经济|街道|镇$|乡$|管委会/;

function build() {
  const countyCount = new Map<string, number>();
  const prefCount = new Map<string, number>();
  for (const prefs of Object.values(DATA)) {
    for (const [pref, counties] of Object.entries(prefs)) {
      prefCount.set(pref, (prefCount.get(pref) ?? 0) + 1);
      for (const c of counties) countyCount.set(c, (countyCount.get(c) ?? 0) + 1);
    }
  }
  const provinces: string[] = [];
  const prefectures: Place[] = [];
  const counties: Place[] = [];
  for (const [prov, prefs] of Object.entries(DATA)) {
    if (MUNICIPALITY.test(prov)) continue;
    provinces.push(prov);
    for (const [pref, cs] of Object.entries(prefs)) {
      if (PLACEHOLDER.test(pref) || prefCount.get(pref) !== 1 || countyCount.has(pref) || ODD.test(pref)) continue;
      prefectures.push({ province: prov, prefecture: pref });
      for (const c of cs) {
        if (c.length < 3 || !/(?:区|县|市|旗)$/.test(c) || ODD.test(c) || countyCount.get(c) !== 1 || prefCount.has(c) || c === pref) continue;
        counties.push({ province: prov, prefecture: pref, county: c });
      }
    }
  }
  return { provinces, prefectures, counties };
}

let cache: ReturnType<typeof build> | null = null;
export function places(): ReturnType<typeof build> {
  return (cache ??= build());
}

/** The region path of a place (province → prefecture → county). */
export function regionPath(p: Place): string[] {
  return [p.province, p.prefecture, p.county].filter((x): x is string => !!x);
}
