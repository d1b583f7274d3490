// Document metadata: the reporting unit as printed, its region, fiscal year and kind.
import type { Doc } from './document.ts';
import { spanSource } from './document.ts';
import { regionOf } from './region.ts';
import type { Provenance } from './types.ts';

export interface Meta {
  unit_name: string | null;
  region: string[];
  fiscal_year: number | null;
  kind: 'final' | 'budget' | null;
  sources: Partial<Record<'unit_name' | 'fiscal_year' | 'kind', Provenance>>;
}

const KIND_TAIL = '(?:公开|信息公开|情况|说明|情况说明|编制说明|报告|表|的说明|及[^,。]{0,12}|和[^,。]{0,12}|[(（][^)）]{0,10}[)）])*$';
const TITLE_RE = new RegExp(`^(?<name>.*?)(?:部门单位|单位|部门)?(?<year>\\d{4})年(?:度)?(?:区级|市级|县级|本级)?(?:部门|单位)*(?:[“"]?三公[”"]?经费)?(?<kind>决算|预算)${KIND_TAIL}`);
const YEAR_FIRST_RE = new RegExp(`^(?<year>\\d{4})年(?:度)?(?<name>.+?)(?:部门单位|单位|部门)*(?:[“"]?三公[”"]?经费)?(?<kind>决算|预算)${KIND_TAIL}`);
const TOC_RE = /^(?:目\s*录|第[一二三四五六七八九十]+部分)/;
/** Web-page furniture around a title: breadcrumbs, index numbers, banners, dates. */
const FURNITURE = /[>›»]|索引号|发布(?:日期|时间|机构|单位)|来源[:：]|浏览次数|欢迎访问|当前(?:所在)?(?:的)?位置|字号|打印|关闭窗口|分享到|主题分类|体裁分类|有效性|成文日期|文号|信息公开目录|^首页|政务公开|互动交流|网站地图|无障碍|\|/;

/** Title lines: the first short lines (no sentence) before the table of contents or the first part. */
function titleBlock(doc: Doc): { text: string; start: number; end: number } | null {
  const parts: string[] = [];
  let start = -1;
  let end = -1;
  for (const l of doc.lines.slice(0, 60)) {
    const t = l.norm.replace(/<\/?[a-z][^>]*>/gi, '').replace(/[*#]/g, '').trim();
    if (!t) continue;
    if (TOC_RE.test(t) || /^[一二三四五六七八九十]+、/.test(t)) break;
    if (/^附件\s*\d*[:：]?$/.test(t) || FURNITURE.test(t) || /^\d{1,3}$/.test(t)) continue;
    // A title is a name, not a sentence: a line with sentence punctuation ends the search.
    if (/[,，。;；]/.test(t) || t.length > 60) break;
    if (start < 0) start = l.start;
    end = l.end;
    parts.push(t.replace(/^\d{1,3}(?=[\u4e00-\u9fff])/, ''));
    if (/决算|预算/.test(t)) break;
    if (parts.length >= 6) break;
  }
  if (!parts.length) return null;
  return { text: parts.join('').replace(/\s+/g, ''), start, end };
}

function isPlaceOnly(name: string): boolean {
  let rest = name.replace(/\s+/g, '');
  for (const place of regionOf(rest)) rest = rest.replace(place, '');
  return rest.length <= 1;
}

function cleanUnit(name: string): string {
  return name
    .replace(/^[\s:：,，、]+|[\s:：,，、]+$/g, '')
    .replace(/^(?:关于)/, '')
    .replace(/(?:部门单位|单位|部门)+$/, '')
    .trim();
}

/** Restores the printed brackets of a name read from normalised text. */
function printed(doc: Doc, normName: string): string {
  const at = doc.norm.indexOf(normName);
  if (at >= 0) return doc.raw.slice(at, at + normName.length);
  // The name may be spread over lines in the source: map through a compact copy.
  let compact = '';
  const map: number[] = [];
  for (let i = 0; i < doc.norm.length && compact.length < 20000; i++) {
    if (/\s/.test(doc.norm[i])) continue;
    compact += doc.norm[i];
    map.push(i);
  }
  const k = compact.indexOf(normName);
  if (k < 0) return normName;
  let out = '';
  for (let j = k; j < k + normName.length; j++) out += doc.raw[map[j]];
  return out;
}

export function readMeta(doc: Doc): Meta {
  const sources: Meta['sources'] = {};
  let unit: string | null = null;
  let year: number | null = null;
  let kind: Meta['kind'] = null;

  const title = titleBlock(doc);
  // "XX局2021年度部门决算", or with the year first: "2021年度XX局部门决算".
  const tm = title ? TITLE_RE.exec(title.text) ?? YEAR_FIRST_RE.exec(title.text) : null;
  if (title && tm) {
    const src = spanSource(doc, title.start, title.end);
    const name = cleanUnit(tm.groups!.name);
    // "上海市普陀区2026年区级部门预算": a place alone is not the reporting unit.
    // Nor is a title about an account ("2017年度一般公共预算财政拨款“三公”经费…决算").
    if (name.length >= 4 && !isPlaceOnly(name) && !/财政拨款|经费|支出|收入|预算|决算/.test(name)) {
      unit = name;
      sources.unit_name = src;
    }
    year = Number(tm.groups!.year);
    kind = tm.groups!.kind === '决算' ? 'final' : 'budget';
    sources.fiscal_year = src;
    sources.kind = src;
  }

  const body = doc.norm;
  if (!unit) {
    // "XXX单位2019年度，实有人数16人" or "从部门决算单位构成看，XXX部门决算包括".
    const patterns = [
      /([^\s,，。:：;；、]{4,60}?)(?:部门单位|单位|部门)?(?:\d{4})年(?:度)?[,，]?\s*(?:实有人数|编制数)/,
      /从部门(?:决算|预算)单位构成看[,，]\s*([^\s,，。]{4,60}?)(?:部门单位|单位)?部门(?:决算|预算)包括/,
      /(?:预算主管部门|主管部门|编制部门|填报部门|编制单位|部门名称|单位名称|部门)[:：]\s*([^\s,，。]{4,60})/,
      // "现将涪陵区新妙镇2021年度“三公”经费决算情况公布如下"
      /现将([^\s,，。:：]{4,40}?)(?:\d{4})年(?:度)?[^,，。]{0,16}?(?:决算|预算)[^,，。]{0,8}?公[布开]如下/,
      /(?:^|\n)\s*(?:[一二三四五六七八九十]+、\S{0,12}\n\s*)?([^\s,，。、]{4,40}?(?:委员会|局|厅|办公室|中心|院|所|站|队|处|馆|委|会|部|室|街道办事处|政府))(?:是|为|主要职能|主要职责)/,
    ];
    for (const re of patterns) {
      const m = re.exec(body);
      if (m) {
        unit = cleanUnit(m[1]);
        sources.unit_name = spanSource(doc, m.index, m.index + m[0].length);
        break;
      }
    }
  }
  if (year == null) {
    const counts = new Map<number, number>();
    for (const m of body.matchAll(/(20\d{2}|19\d{2})\s*年(?:度)?(?:部门)?(?:决算|预算)?/g)) {
      // "比2017年减少", "截至2018年底": years of comparison and of the asset count, not the fiscal year.
      if (/(?:比|较|与|截至|截止|于|至)\s*$/.test(body.slice(Math.max(0, m.index! - 3), m.index!))) continue;
      const y = Number(m[1]);
      counts.set(y, (counts.get(y) ?? 0) + (/决算|预算|年度/.test(m[0]) ? 3 : 1));
    }
    const best = [...counts].sort((a, b) => b[1] - a[1])[0];
    if (best) year = best[0];
  }
  if (kind == null) {
    // 一般公共预算 / 政府性基金预算 / 年初预算数 stand in final accounts too: only a plan's own
    // words count for a budget ("预算安排", "收入预算", "部门预算").
    const fin = (body.match(/决算/g) ?? []).length;
    const bud = (body.match(/(?<!年初|全年|调整|公共|基金|经营|比|较|超|上年)预算(?!数|法)/g) ?? []).length;
    if (fin || bud) kind = fin >= bud ? 'final' : 'budget';
  }
  if (unit) unit = printed(doc, unit);
  let region = unit ? regionOf(unit) : [];
  if (!region.length) {
    // Units named without a place ("区委网信办") take the place their title or text prints most.
    region = regionOf(title?.text ?? '');
    if (!region.length) region = mostPrinted(body.slice(0, 5000));
  }
  return { unit_name: unit, region, fiscal_year: year, kind, sources };
}

function mostPrinted(text: string): string[] {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/[\u4e00-\u9fff]{2,12}?(?:自治区|省|市|自治州|地区|盟|区|县|旗)/g)) {
    const r = regionOf(m[0]);
    if (r.length) counts.set(r.join('/'), (counts.get(r.join('/')) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best ? best[0].split('/') : [];
}
