// The synthetic unit model: units with a real place, a sector and a made-up name that says it
// is synthetic, and their figures year by year. Magnitudes follow the seed documents (basic
// spending per staff member around 20–30 万元, personnel 60–97 % of basic spending, fiscal
// appropriations 95–100 % of income, small 三公 totals driven by the vehicles held, procurement
// a few per cent of spending with mostly-SME contracts, 3–15 self-evaluated projects scoring
// mostly 85–100 with some low execution rates). All money is in integer cents of 万元 and every
// total is the sum of its parts by construction.
import { COMMON_BASIC, ECON, GENERIC_TOPICS, INDICATORS, OTHER_PROJECT, PROJECT_SUFFIX, RETIRED_LINE, ROOMS, SECTORS, SUB_UNITS, type FLineDef, type Sector } from './catalog.ts';
import { pctH, split, weights } from './num.ts';
import { places, regionPath, type Place } from './places.ts';
import { Rng, clamp } from './prng.ts';

export type FinalLayout = 'cells' | 'tab' | 'markdown' | 'words';
export type Layout = FinalLayout | 'budget';
export const FINAL_LAYOUTS: FinalLayout[] = ['cells', 'tab', 'markdown', 'words'];
/** The seed each layout copies. */
export const LAYOUT_SEED: Record<Layout, string> = { cells: '000', markdown: '001', tab: '002', budget: '003', words: '004' };

export const SYNTH_TAG = '（合成）';

export interface Unit {
  id: string;
  index: number;
  name: string;
  level: 'province' | 'prefecture' | 'county';
  sector: Sector;
  place: Place;
  region: string[];
  layout: FinalLayout;
  rooms: string[];
  basicLines: FLineDef[];
  basicWeights: number[];
  projectLines: FLineDef[];
  projectWeights: number[];
  hasGovfund: boolean;
  /** Base parameters. */
  p: {
    active: number;
    perStaff: number; // cents of 万元 per active staff member, 2019 level
    growth: number;
    projRatio: number;
    personnelShare: number;
    otherShare: number;
    retiredRatio: number;
    cadre: number;
    vehicles: number;
    perVehicle: number; // cents
    abroadP: number;
    receptionScale: number; // cents per staff member
    procShare: number;
    areaPerStaff: number;
    govfundShare: number;
  };
}

export interface LineAmt {
  def: FLineDef;
  amount: number;
  basic: number;
  project: number;
}

export interface Sangong {
  abroad: number;
  purchase: number;
  operation: number;
  reception: number;
  groups: number;
  abroadPersons: number;
  purchased: number;
  held: number;
  batches: number;
  receptionPersons: number;
}
export const sgVehicle = (s: Sangong): number => s.purchase + s.operation;
export const sgTotal = (s: Sangong): number => s.abroad + s.purchase + s.operation + s.reception;

export interface Procurement {
  goods: number;
  works: number;
  services: number;
  sme: number;
  small: number;
}
export const procTotal = (p: Procurement): number => p.goods + p.works + p.services;

export interface Assets {
  /** Hundredths of a square metre. */
  area: number;
  areaValue: number;
  vehicles: number;
  vehiclesValue: number;
  /** Vehicles by use: 一般公务用车, 执法执勤用车, 其他车辆. */
  general: number;
  enforcement: number;
  furniture: number;
  other: number;
  equip50: number;
  equip100: number;
}

export interface Indicator {
  level1: string;
  level2: string;
  name: string;
  target: string;
  actual: string;
  /** Tenths of a point. */
  weight: number;
  score: number;
  note: string;
}

export interface FundRow {
  bi: number;
  bf: number;
  ex: number;
}

export interface Proj {
  name: string;
  goal: string;
  done: string;
  budgetInitial: number;
  budgetFull: number;
  executed: number;
  current: FundRow;
  carry: FundRow;
  other: FundRow;
  /** Execution rate in hundredths of a percent; execution points and total in tenths. */
  rateH: number;
  execT: number;
  /** Filled by detailFinal (only for documents that print the project's table). */
  scoreT: number;
  indicators: Indicator[];
  /** Levels without indicators (printed as empty rows). */
  emptyLevels: [string, string][];
  detailed: boolean;
}

export interface PlanProj {
  name: string;
  goal: string;
  budget: number;
  /** Filled by detailPlan (only for budget documents). */
  indicators: Indicator[];
  emptyLevels: [string, string][];
  detailed: boolean;
}

export interface EconLine {
  code: string;
  name: string;
  amount: number;
  personnel: number;
  public: number;
}

export interface Staff {
  authorized: number;
  active: number;
  admin: number;
  institution: number;
  retired: number;
  cadre: number;
}
export const staffActual = (s: Staff): number => s.active + s.retired + s.cadre;

export interface Plan {
  basic: number;
  project: number;
  personnel: number;
  public: number;
  lines: LineAmt[];
  econ: EconLine[];
  sangong: Sangong;
  admin: number;
  proc: Procurement;
  projects: PlanProj[];
}

export interface Final {
  /** Income by source (财政拨款 = fiscal.income). */
  fiscalIncome: number;
  otherIncome: number;
  carryBegin: number;
  carryEnd: number;
  basic: number; // expense.basic (gpb basic + non-fiscal basic)
  project: number; // expense.project
  gpbBasic: number;
  gpbProject: number;
  govfund: number;
  personnel: number;
  public: number;
  lines: LineAmt[];
  sangong: Sangong;
  sangongBudget: Sangong;
  admin: number;
  proc: Procurement;
  projects: Proj[];
  /** 年初预算数 of the fiscal appropriation. */
  budgetInitial: number;
}
export const fiscalExpense = (f: Final): number => f.gpbBasic + f.gpbProject + f.govfund;
export const gpbExpense = (f: Final): number => f.gpbBasic + f.gpbProject;
export const expenseTotal = (f: Final): number => f.basic + f.project;
export const incomeTotal = (f: Final): number => f.fiscalIncome + f.otherIncome;

export interface YearState {
  year: number;
  staff: Staff;
  plan: Plan;
  final: Final;
  /** Stocks at the end of the year. */
  assets: Assets;
}

// ---- units -----------------------------------------------------------------------------------

const LAYOUT_WEIGHTS = [0.3, 0.3, 0.2, 0.2];

/**
 * Unit names are unique in a corpus however large, and a unit's name does not depend on the
 * units before it: unit i has the level LEVEL_CYCLE[i mod 20] (55 % county, 35 % prefecture,
 * 10 % province), and the k-th unit of a level takes the k-th (place, sector) pair of a
 * permutation of that level's pairs chosen by the seed. When a level's pairs run out, the
 * next round names subordinate institutions of the same departments.
 */
const LEVEL_CYCLE: Unit['level'][] = ['county', 'prefecture', 'county', 'province', 'county', 'prefecture', 'county', 'county', 'prefecture', 'county', 'county', 'prefecture', 'county', 'province', 'county', 'prefecture', 'county', 'prefecture', 'county', 'prefecture'];
const SUBORDINATE = ['机关服务中心', '信息中心', '综合行政执法大队', '事务服务中心', '档案馆', '培训中心', '监测中心', '宣传中心', '研究室', '后勤服务中心'];

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** The index-th (place, sector) pair of the unit's level, and the round it belongs to. */
function identity(seed: number | string, index: number): { level: Unit['level']; place: Place; sector: Sector; round: number } {
  const level = LEVEL_CYCLE[index % LEVEL_CYCLE.length]!;
  const per = LEVEL_CYCLE.filter((l) => l === level).length;
  const k = Math.floor(index / LEVEL_CYCLE.length) * per + LEVEL_CYCLE.slice(0, index % LEVEL_CYCLE.length).filter((l) => l === level).length;
  const p = places();
  const list: Place[] = level === 'county' ? p.counties : level === 'prefecture' ? p.prefectures : p.provinces.map((province) => ({ province }));
  const n = list.length * SECTORS.length;
  const h = new Rng(seed, 'identity', level);
  let a = 1 + Math.floor(h.next() * (n - 1));
  while (gcd(a, n) !== 1) a = (a % (n - 1)) + 1;
  const b = Math.floor(h.next() * n);
  const c = (a * (k % n) + b) % n;
  return { level, place: list[c % list.length]!, sector: SECTORS[Math.floor(c / list.length)]!, round: Math.floor(k / n) };
}

export function makeUnit(seed: number | string, index: number): Unit {
  const rng = new Rng(seed, 'unit', index);
  const { level, place, sector, round } = identity(seed, index);
  const withProvince = level === 'province' || rng.chance(0.3);
  const where = `${withProvince ? place.province : ''}${place.prefecture ?? ''}${place.county ?? ''}`;
  let name = `${SYNTH_TAG}${where}${level === 'province' ? sector.provincial : sector.local}`;
  if (round > 0) name += `${SUBORDINATE[(round - 1) % SUBORDINATE.length]}${round > SUBORDINATE.length ? `第${Math.ceil(round / SUBORDINATE.length)}分部` : ''}`;
  else if (level === 'province' && rng.chance(0.3)) name += '（本级）';
  const layout = rng.weighted(FINAL_LAYOUTS, LAYOUT_WEIGHTS);
  // Active staff in the seeds: 16, 19, 7 (county units), 70 (prefecture), 225 (province).
  const activeMedian = level === 'county' ? 15 : level === 'prefecture' ? 60 : 200;
  const active = Math.round(clamp(rng.lognormal(activeMedian, 0.55), 4, level === 'province' ? 1200 : 500));
  // Retired staff: none in four seeds, 157 for 70 active in 004.
  const retiredRatio = rng.chance(0.55) ? 0 : clamp(rng.lognormal(0.5, 0.9), 0, 3);
  const basicLines = rng.sample(sector.basic, rng.int(1, sector.basic.length));
  const basicWeights = basicLines.map((_, i) => (i === 0 ? 1 : 0.3) * rng.uniform(0.6, 1.4));
  basicLines.push(COMMON_BASIC[0]!);
  basicWeights.push(rng.uniform(0.05, 0.1));
  if (rng.chance(0.6)) (basicLines.push(COMMON_BASIC[1]!), basicWeights.push(rng.uniform(0.01, 0.04)));
  if (rng.chance(0.5)) (basicLines.push(COMMON_BASIC[2]!), basicWeights.push(rng.uniform(0.02, 0.05)));
  if (retiredRatio > 0 && rng.chance(0.4)) (basicLines.push(RETIRED_LINE), basicWeights.push(rng.uniform(0.05, 0.2)));
  const projectLines = rng.sample(sector.project, rng.int(1, sector.project.length));
  const projectWeights = projectLines.map(() => rng.lognormal(1, 0.6));
  if (rng.chance(0.2)) (projectLines.push(OTHER_PROJECT), projectWeights.push(rng.uniform(0.01, 0.05)));
  // Vehicles per active staff member: 0, 0.44, 1.37, 0, 0.19 in the seeds.
  const vehicles = rng.chance(0.35) ? 0 : Math.max(1, Math.round(active * clamp(rng.lognormal(0.25, 0.7), 0.02, 1.5)));
  return {
    id: `syn${String(index + 1).padStart(6, '0')}`,
    index,
    name,
    level,
    sector,
    place,
    region: regionPath(place),
    layout,
    rooms: rng.sample(ROOMS, rng.int(3, 8)),
    basicLines,
    basicWeights,
    projectLines,
    projectWeights,
    hasGovfund: layout === 'words' && rng.chance(0.2),
    p: {
      active,
      // Basic spending per active staff member (万元): 17.9, 31.1, 20.0, 49.7, 28.0 in the seeds.
      perStaff: Math.round(rng.lognormal(26, 0.35) * 100),
      growth: clamp(0.05 + 0.025 * rng.normal(), -0.02, 0.12),
      // Project over basic spending: 0.22, 1.64, 0.09, 1.47, 6.9 in the seeds.
      projRatio: clamp(rng.lognormal(0.8, 1.0), 0.05, 15),
      // Personnel share of basic spending: 0.97, 0.84, 0.77, 0.62, 0.95.
      personnelShare: rng.uniform(0.6, 0.97),
      otherShare: rng.chance(0.5) ? 0 : rng.uniform(0.002, 0.05),
      retiredRatio,
      cadre: level === 'county' ? (rng.chance(0.85) ? 0 : 1) : rng.chance(0.5) ? 0 : rng.int(1, level === 'province' ? 8 : 4),
      vehicles,
      // Vehicle running cost per vehicle (万元): 2.46, 1.08, 1.51.
      perVehicle: Math.round(rng.lognormal(1.5, 0.4) * 100),
      abroadP: level === 'province' ? 0.35 : level === 'prefecture' ? 0.12 : 0.03,
      // Reception per active staff member (万元): 0.0027 and 0.001 where spent, nothing in three seeds.
      receptionScale: rng.chance(0.5) ? 0 : rng.lognormal(0.3, 0.8),
      // Procurement over spending: 0.11, 0.36, 0, 0, 0.0005.
      procShare: rng.chance(0.3) ? 0 : clamp(rng.lognormal(0.05, 1.3), 0.0005, 0.6),
      areaPerStaff: rng.chance(0.25) ? 0 : rng.uniform(12, 55),
      govfundShare: rng.uniform(0.3, 3),
    },
  };
}

// ---- years -----------------------------------------------------------------------------------

function evolveStaff(rng: Rng, u: Unit, prev: Staff | null): Staff {
  let active: number;
  let retired: number;
  let cadre: number;
  if (!prev) {
    active = u.p.active;
    retired = Math.round(active * u.p.retiredRatio);
    cadre = u.p.cadre;
  } else {
    const step = Math.max(1, Math.round(prev.active * 0.04));
    active = Math.max(3, prev.active + rng.int(-step, step + (rng.chance(0.3) ? 1 : 0)));
    retired = u.p.retiredRatio === 0 ? 0 : Math.max(0, prev.retired + rng.int(-1, Math.max(1, Math.round(prev.retired * 0.08))));
    cadre = prev.cadre > 0 && rng.chance(0.15) ? prev.cadre - 1 : prev.cadre;
  }
  const institution = rng.chance(0.5) ? 0 : Math.round(active * rng.uniform(0.02, 0.3));
  const authorized = prev && prev.authorized >= active && rng.chance(0.8) ? prev.authorized : active + Math.round(active * rng.uniform(0, 0.3));
  return { authorized, active, admin: active - institution, institution, retired, cadre };
}

function splitLines(rng: Rng, defs: FLineDef[], w: number[], total: number, side: 'basic' | 'project'): LineAmt[] {
  // The unit's usual shares, moved a little each year.
  const parts = split(total, w.map((x) => x * rng.lognormal(1, 0.08)));
  return defs.map((def, i) => {
    const amount = parts[i]!;
    return { def, amount, basic: side === 'basic' ? amount : 0, project: side === 'project' ? amount : 0 };
  });
}

function sangongFor(rng: Rng, u: Unit, staff: Staff, held: number, year: number): Sangong {
  const purchased = held > 0 && rng.chance(0.08) ? rng.int(1, held > 8 ? 2 : 1) : 0;
  const purchase = purchased ? purchased * Math.round(rng.uniform(12, 28) * 100) : 0;
  const operation = held ? Math.round(held * u.p.perVehicle * rng.lognormal(1, 0.15) * (1 + 0.01 * (year - 2019))) : 0;
  const abroadOn = rng.chance(u.p.abroadP);
  const groups = abroadOn ? rng.int(1, 3) : 0;
  const abroadPersons = groups ? groups * rng.int(2, 6) : 0;
  const abroad = groups ? Math.round(abroadPersons * rng.uniform(1.2, 4) * 100) : 0;
  const reception = rng.chance(u.p.receptionScale > 0 ? 0.1 : 1) ? 0 : Math.max(1, Math.round(staff.active * u.p.receptionScale * rng.lognormal(1, 0.5)));
  const batches = reception ? Math.max(1, Math.min(60, Math.round(reception / rng.uniform(2, 10)))) : 0;
  const receptionPersons = batches ? batches * rng.int(2, 10) : 0;
  return { abroad, purchase, operation, reception, groups, abroadPersons, purchased, held, batches, receptionPersons };
}

function budgetOf(rng: Rng, s: Sangong): Sangong {
  const up = (v: number, lo: number, hi: number) => (v ? Math.round(v * rng.uniform(lo, hi)) : 0);
  return {
    ...s,
    abroad: s.abroad ? up(s.abroad, 1, 1.3) : rng.chance(0.05) ? Math.round(rng.uniform(2, 10) * 100) : 0,
    purchase: s.purchase,
    operation: up(s.operation, 1, 1.35),
    reception: s.reception ? up(s.reception, 1, 1.6) : rng.chance(0.3) ? rng.int(3, 50) : 0,
  };
}

function procurementFor(rng: Rng, u: Unit, spend: number): Procurement {
  if (u.p.procShare === 0 || rng.chance(0.1)) return { goods: 0, works: 0, services: 0, sme: 0, small: 0 };
  const total = Math.max(100, Math.round(spend * u.p.procShare * rng.lognormal(1, 0.35)));
  const w = [rng.uniform(0.1, 1), rng.chance(0.7) ? 0 : rng.uniform(0.2, 2), rng.uniform(0.2, 1.5)];
  const [goods, works, services] = split(total, w) as [number, number, number];
  const sme = rng.chance(0.55) ? total : Math.round(total * rng.uniform(0.1, 0.95));
  const r = rng.next();
  const small = r < 0.35 ? 0 : r < 0.6 ? sme : Math.round(sme * rng.uniform(0.1, 0.9));
  return { goods, works, services, sme, small };
}

// ---- projects --------------------------------------------------------------------------------

function projectNames(rng: Rng, u: Unit, year: number, n: number, taken: Set<string>): string[] {
  const out: string[] = [];
  let guard = 0;
  while (out.length < n && guard++ < 200) {
    const topic = rng.chance(0.55) ? rng.pick(u.sector.topics) : rng.pick(GENERIC_TOPICS);
    const suffix = rng.pick(PROJECT_SUFFIX);
    const name = `${rng.chance(0.35) ? `${year}年` : ''}${topic}${suffix}`;
    if (taken.has(name)) continue;
    taken.add(name);
    out.push(name);
  }
  return out;
}

const fmtWan = (c: number) => {
  const s = (c / 100).toFixed(2);
  return s.replace(/\.?0+$/, '');
};

/** Indicator rows of a project: weights (tenths) that add up to 90 points, targets and actual values. */
function indicatorsFor(rng: Rng, budget: number, executed: number | null): { indicators: Indicator[]; emptyLevels: [string, string][] } {
  const groups: { def: (typeof INDICATORS)[number]; n: number; points: number }[] = [];
  const counts: Record<string, number> = {
    数量指标: rng.int(1, 3), 质量指标: rng.int(1, 2), 时效指标: rng.int(1, 2), 成本指标: rng.chance(0.85) ? 1 : 0,
    经济效益指标: 0, 社会效益指标: rng.int(1, 2), 生态效益指标: 0, 可持续影响指标: rng.int(0, 1), 服务对象满意度指标: rng.int(1, 2),
  };
  // Points: 产出 50, 效益 30, 满意度 10 (the 执行率 row has the last 10).
  const output = INDICATORS.filter((d) => d.level1 === '产出指标' && counts[d.level2]);
  const benefit = INDICATORS.filter((d) => d.level1 === '效益指标' && counts[d.level2]);
  const outPts = split(500, output.map((d) => counts[d.level2]!));
  const benPts = split(300, benefit.map((d) => counts[d.level2]!));
  output.forEach((d, i) => groups.push({ def: d, n: counts[d.level2]!, points: outPts[i]! }));
  benefit.forEach((d, i) => groups.push({ def: d, n: counts[d.level2]!, points: benPts[i]! }));
  const sat = INDICATORS.find((d) => d.level2 === '服务对象满意度指标')!;
  groups.push({ def: sat, n: counts[sat.level2]!, points: 100 });
  const indicators: Indicator[] = [];
  for (const g of groups) {
    const names = rng.sample(g.def.names, g.n);
    const pts = split(g.points, names.map(() => 1));
    names.forEach((name, i) => {
      let target: string;
      let actual: string;
      if (g.def.value === 'count') {
        const k = rng.int(1, 40);
        const unit = rng.pick(['次', '个', '项', '人次']);
        target = `≥${k}${unit}`;
        actual = `${k + (rng.chance(0.2) ? rng.int(1, 5) : 0)}${unit}`;
      } else if (g.def.value === 'pct') {
        const t = rng.pick([90, 95, 98, 100]);
        target = `${t === 100 ? '=' : '≥'}${t}%`;
        actual = `${rng.chance(0.8) ? Math.max(t, rng.pick([95, 98, 100])) : rng.int(80, 99)}%`;
      } else if (g.def.value === 'cost') {
        target = `≤${fmtWan(budget)}万元`;
        actual = executed === null ? '' : `${fmtWan(executed)}万元`;
      } else {
        target = rng.pick(['有效提升', '持续改善', '效果明显', '长期']);
        actual = rng.pick(['达到预期效果', '基本达到预期', '效果明显']);
      }
      indicators.push({ level1: g.def.level1, level2: g.def.level2, name, target, actual, weight: pts[i]!, score: pts[i]!, note: '' });
    });
  }
  const emptyLevels: [string, string][] = INDICATORS.filter((d) => !counts[d.level2]).map((d) => [d.level1, d.level2]);
  return { indicators, emptyLevels };
}

/** Takes points off indicators (tenths), never below zero, with a reason in the note column. */
function deduct(rng: Rng, inds: Indicator[], total: number): void {
  let left = total;
  let guard = 0;
  while (left > 0 && guard++ < 100) {
    const i = rng.int(0, inds.length - 1);
    const ind = inds[i]!;
    const d = Math.min(ind.score, left, rng.int(1, Math.max(1, Math.ceil(ind.weight / 2))));
    if (d <= 0) continue;
    ind.score -= d;
    left -= d;
    ind.note = rng.pick(['部分工作未按计划完成', '受客观因素影响进度滞后', '资金支付进度偏慢', '下一步将加强项目管理']);
  }
}

function planProjects(rng: Rng, u: Unit, year: number, total: number, taken: Set<string>): PlanProj[] {
  const n = clamp(Math.round(rng.lognormal(5, 0.45)), 2, 12);
  const names = projectNames(rng, u, year, n, taken);
  const budgets = split(total, weights(rng, names.length, 0.8));
  return names.map((name, i) => ({ name, goal: goalText(rng, name), budget: budgets[i]!, indicators: [], emptyLevels: [], detailed: false }));
}

/** The indicator rows of a budget project's 绩效目标表 (targets only). */
export function detailPlan(rng: Rng, p: PlanProj): PlanProj {
  if (p.detailed) return p;
  const { indicators, emptyLevels } = indicatorsFor(rng, p.budget, null);
  for (const ind of indicators) ind.actual = '';
  p.indicators = indicators;
  p.emptyLevels = emptyLevels;
  p.detailed = true;
  return p;
}

/** The indicator rows and scores of a final project's 自评表: 90 points over the indicators, 10 for execution. */
export function detailFinal(rng: Rng, p: Proj): Proj {
  if (p.detailed) return p;
  const rate = p.budgetFull ? p.executed / p.budgetFull : 1;
  const { indicators, emptyLevels } = indicatorsFor(rng, p.budgetFull, p.executed);
  const q = rng.next();
  let off = q < 0.45 ? 0 : q < 0.75 ? rng.int(1, 50) : q < 0.95 ? rng.int(50, 150) : rng.int(150, 400);
  off += Math.round((1 - Math.min(rate, 1)) * rng.uniform(0, 300));
  deduct(rng, indicators, Math.min(off, 880));
  p.indicators = indicators;
  p.emptyLevels = emptyLevels;
  p.scoreT = p.execT + indicators.reduce((a, b) => a + b.score, 0);
  p.detailed = true;
  return p;
}

function goalText(rng: Rng, name: string): string {
  return rng.pick([
    `按计划完成${name}相关工作，保障单位各项业务正常开展。`,
    `做好${name}的组织实施，提高资金使用效益。`,
    `完成年度工作任务，确保${name}按期推进、规范使用资金。`,
  ]);
}

function finalProjects(rng: Rng, u: Unit, year: number, plan: PlanProj[], taken: Set<string>): Proj[] {
  const list: { name: string; bi: number; bf: number }[] = plan.map((p) => {
    const r = rng.next();
    const bf = r < 0.7 ? p.budget : r < 0.9 ? Math.round(p.budget * rng.uniform(0.6, 1)) : Math.round(p.budget * rng.uniform(1, 1.5));
    return { name: p.name, bi: p.budget, bf: Math.max(bf, 1) };
  });
  const added = Math.max(3 - list.length, rng.int(0, 2));
  const mean = Math.max(50, Math.round(list.reduce((a, b) => a + b.bf, 0) / Math.max(1, list.length)));
  for (const name of projectNames(rng, u, year, Math.min(added, 15 - list.length), taken)) list.push({ name, bi: 0, bf: Math.max(20, Math.round(mean * rng.lognormal(0.4, 0.5))) });
  return list.map((x) => {
    const r = rng.next();
    const rate = r < 0.62 ? 1 : r < 0.84 ? rng.uniform(0.85, 1) : r < 0.95 ? rng.uniform(0.4, 0.85) : rng.uniform(0, 0.4);
    const executed = Math.min(x.bf, Math.round(x.bf * rate));
    // Money rows: carry-over and other funds on some projects; 当年财政拨款 is the rest.
    const carryBf = rng.chance(0.12) ? Math.round(x.bf * rng.uniform(0.1, 0.6)) : 0;
    const otherBf = rng.chance(0.05) ? Math.round((x.bf - carryBf) * rng.uniform(0.1, 0.5)) : 0;
    const carryEx = Math.min(carryBf, executed);
    const otherEx = Math.min(otherBf, executed - carryEx);
    const carry = { bi: 0, bf: carryBf, ex: carryEx };
    const other = { bi: 0, bf: otherBf, ex: otherEx };
    const current = { bi: x.bi, bf: x.bf - carryBf - otherBf, ex: executed - carryEx - otherEx };
    const rateH = pctH(executed, x.bf);
    const execT = Math.round(Math.min(rateH, 10000) / 100);
    return {
      name: x.name, goal: goalText(rng, x.name), done: rate >= 0.85 ? '已按计划完成年度目标' : '部分完成年度目标，资金未全部支付',
      budgetInitial: x.bi, budgetFull: x.bf, executed, current, carry, other, rateH, execT, scoreT: 0, indicators: [], emptyLevels: [], detailed: false,
    };
  });
}

// ---- the year ----------------------------------------------------------------------------------

export function nextYear(rng: Rng, u: Unit, year: number, prev: YearState | null): YearState {
  const staff = evolveStaff(rng, u, prev?.staff ?? null);
  const perStaff = u.p.perStaff * Math.pow(1 + u.p.growth, year - 2019) * rng.lognormal(1, 0.04);
  const taken = new Set<string>();

  // The plan (部门预算) of the year.
  const planBasic = Math.max(staff.active * 300, Math.round(staff.active * perStaff));
  const planProject = Math.max(300, Math.round(planBasic * u.p.projRatio * rng.lognormal(1, 0.15)));
  const planPersonnel = Math.round(planBasic * clamp(u.p.personnelShare + 0.03 * rng.normal(), 0.5, 0.98));
  const planPublic = planBasic - planPersonnel;
  const planLines = [...splitLines(rng, u.basicLines, u.basicWeights, planBasic, 'basic'), ...splitLines(rng, u.projectLines, u.projectWeights, planProject, 'project')];
  const held = prev ? Math.max(0, prev.assets.vehicles + (u.p.vehicles && rng.chance(0.1) ? rng.int(-1, 1) : 0)) : u.p.vehicles;
  const sangong = sangongFor(rng, u, staff, held, year);
  const sangongBudget = budgetOf(rng, sangong);
  const econ = econLines(rng, planPersonnel, planPublic, sangongBudget.operation);
  const planProc = procurementFor(rng, u, planBasic + planProject);
  const plan: Plan = {
    basic: planBasic, project: planProject, personnel: planPersonnel, public: planPublic, lines: planLines, econ,
    sangong: sangongBudget, admin: Math.round(planPublic * rng.uniform(0.3, 0.9)), proc: planProc,
    projects: planProjects(rng, u, year, planProject, taken),
  };

  // The final account (部门决算) of the year.
  const projects = finalProjects(rng, u, year, plan.projects, taken);
  const listed = projects.reduce((a, p) => a + p.executed, 0);
  const gpbProject = listed + Math.round(listed * (rng.chance(0.3) ? 0 : rng.uniform(0, 0.25)));
  const gpbBasic = Math.max(staff.active * 300, Math.round(planBasic * rng.uniform(0.96, 1.07)));
  const govfund = u.hasGovfund && rng.chance(0.8) ? Math.round(gpbProject * u.p.govfundShare * rng.lognormal(1, 0.4)) : 0;
  const nf = u.p.otherShare ? Math.round((gpbBasic + gpbProject) * u.p.otherShare * rng.lognormal(1, 0.3)) : 0;
  const nfBasic = Math.round(nf * rng.uniform(0, 1));
  const nfProject = nf - nfBasic;
  const personnel = Math.round(gpbBasic * clamp(u.p.personnelShare + 0.03 * rng.normal(), 0.5, 0.98));
  const fiscalExp = gpbBasic + gpbProject + govfund;
  const carryBegin = prev ? prev.final.carryEnd : rng.chance(0.5) ? 0 : Math.round(fiscalExp * rng.uniform(0, 0.04));
  let carryEnd = rng.chance(0.45) ? 0 : Math.round(fiscalExp * rng.uniform(0, 0.05));
  if (fiscalExp + carryEnd - carryBegin < fiscalExp / 2) carryEnd = carryBegin;
  const lines = [...splitLines(rng, u.basicLines, u.basicWeights, gpbBasic, 'basic'), ...splitLines(rng, u.projectLines, u.projectWeights, gpbProject, 'project')];
  const proc = procurementFor(rng, u, gpbBasic + gpbProject + nf);
  const final: Final = {
    fiscalIncome: fiscalExp + carryEnd - carryBegin,
    otherIncome: nf,
    carryBegin,
    carryEnd,
    basic: gpbBasic + nfBasic,
    project: gpbProject + nfProject + govfund,
    gpbBasic,
    gpbProject,
    govfund,
    personnel,
    public: gpbBasic - personnel,
    lines,
    sangong,
    sangongBudget,
    admin: gpbBasic - personnel,
    proc,
    projects,
    budgetInitial: planBasic + planProject,
  };

  // Stocks at the end of the year.
  const pa = prev?.assets;
  const area = u.p.areaPerStaff === 0 ? 0 : pa && pa.area && rng.chance(0.9) ? pa.area : Math.round(staff.active * u.p.areaPerStaff * rng.uniform(0.8, 1.2) * 100);
  const vehicles = held + sangong.purchased;
  const enforcement = vehicles > 2 && rng.chance(0.3) ? rng.int(1, Math.floor(vehicles / 2)) : 0;
  const assets: Assets = {
    area,
    // Value per square metre (万元): 0.22, 0.69, 0.02 in the seeds.
    areaValue: area === 0 ? 0 : pa && pa.area === area ? pa.areaValue : Math.round((area / 100) * clamp(rng.lognormal(0.15, 1), 0.01, 1) * 100),
    vehicles,
    vehiclesValue: vehicles === 0 ? 0 : pa && pa.vehicles === vehicles ? pa.vehiclesValue : Math.round(vehicles * rng.uniform(12, 30) * 100),
    general: vehicles - enforcement,
    enforcement,
    furniture: pa ? pa.furniture + Math.round(rng.uniform(0, 2) * 100) : Math.round(staff.active * rng.uniform(0.3, 1.2) * 100),
    other: pa ? Math.round(pa.other * rng.uniform(0.95, 1.1)) : Math.round(staff.active * rng.uniform(1, 20) * 100),
    equip50: pa ? pa.equip50 : rng.chance(0.7) ? 0 : rng.int(1, 6),
    equip100: pa ? pa.equip100 : rng.chance(0.8) ? 0 : rng.int(1, 3),
  };
  return { year, staff, plan, final, assets };
}

/** Economic lines of basic spending: 类 rows and their 款 rows, personnel (301, 303) and public (302). */
function econLines(rng: Rng, personnel: number, pub: number, vehicleOperation: number): EconLine[] {
  const out: EconLine[] = [];
  const pers = ECON.filter((c) => c.side === 'personnel');
  const clsPers = split(personnel, pers.map((c) => (c.cls === '301' ? rng.uniform(3, 6) : 1)));
  const totals = new Map<string, number>([[pers[0]!.cls, clsPers[0]!], [pers[1]!.cls, clsPers[1]!], ['302', pub]]);
  for (const c of ECON) {
    const total = totals.get(c.cls)!;
    let items = c.items.filter(() => rng.chance(0.85));
    if (!items.length) items = [c.items[0]!];
    let amounts: number[];
    const car = items.findIndex((x) => x[0] === '30231');
    if (c.cls === '302' && car >= 0 && vehicleOperation > 0 && vehicleOperation < total) {
      const rest = items.filter((_, i) => i !== car);
      const parts = split(total - vehicleOperation, rest.map((x) => x[2] * rng.uniform(0.5, 1.5)));
      amounts = [];
      let k = 0;
      items.forEach((_, i) => amounts.push(i === car ? vehicleOperation : parts[k++]!));
    } else {
      if (c.cls === '302' && car >= 0 && vehicleOperation === 0) items = items.filter((x) => x[0] !== '30231');
      if (!items.length) items = [c.items[0]!];
      amounts = split(total, items.map((x) => x[2] * rng.uniform(0.5, 1.5)));
    }
    const side = (v: number) => (c.side === 'personnel' ? { personnel: v, public: 0 } : { personnel: 0, public: v });
    out.push({ code: c.cls, name: c.clsName, amount: total, ...side(total) });
    items.forEach((x, i) => out.push({ code: x[0], name: x[1], amount: amounts[i]!, ...side(amounts[i]!) }));
  }
  return out;
}

/** Sub-unit names for the summary table (001 layout). */
export function subUnits(rng: Rng, u: Unit): string[] {
  return rng.sample(SUB_UNITS, rng.int(0, 3)).map((s) => `${u.name.replace(/（本级）$/, '')}${s}`);
}

/** The unit's years: one state before the first (for the changes against the previous year), then each year. */
export function* unitYears(seed: number | string, u: Unit, from: number, to: number): Generator<{ state: YearState; prev: YearState }> {
  const rng = new Rng(seed, 'years', u.index);
  let prev = nextYear(rng, u, from - 1, null);
  for (let y = from; y <= to; y++) {
    const state = nextYear(rng, u, y, prev);
    yield { state, prev };
    prev = state;
  }
}

