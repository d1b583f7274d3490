// Short labels for long unit names on chart axes (the full name stays in tooltips and tables):
// the nearest region (county, else prefecture) and the unit's own name, with the usual
// abbreviations (网信办) and without parenthesised alternative names. Pure.

const PROVINCE = /^([\u4e00-\u9fa5]{2,8}?(自治区|省))/u;
const PREFECTURE = /^([\u4e00-\u9fa5]{2,6}?(市|州|地区|盟))/u;
const COUNTY = /^([\u4e00-\u9fa5]{2,5}?(区|县|旗))/u;

export function shortUnit(name: string | null | undefined, max = 14): string {
  if (!name) return '';
  let s = name
    .replace(/（本级）$/u, '')
    .replace(/（[^）]*）/gu, '')
    .replace(/网络安全和信息化(领导小组|委员会)办公室/u, '网信办')
    .replace(/^中共/u, '');
  let region = '';
  const take = (re: RegExp) => {
    const m = re.exec(s);
    if (m && m[0].length < s.length - 1) {
      s = s.slice(m[0].length);
      return m[0];
    }
    return '';
  };
  take(PROVINCE);
  const pref = take(PREFECTURE);
  const county = take(COUNTY);
  region = county || pref;
  s = s.replace(/^(委员会|委)/u, '');
  const out = `${region}${s}`;
  return out.length > max ? `${out.slice(0, max - 1)}…` : out;
}
