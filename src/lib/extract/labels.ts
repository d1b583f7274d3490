// The printed labels of every fact key, per section topic. Patterns run on compact
// normalised text (no whitespace, ASCII brackets). Alternatives within one topic are
// tried longest-first, so "本年支出总计" wins over "本年支出".
import type { Topic } from './sections.ts';

export interface LabelRule {
  /** Regex source for the printed label. */
  label: string;
  /** Key(s) for an amount in 万元/元/亿元. */
  money?: string | string[];
  /** Unit → key for counts (人, 辆, 个, 批次, 人次, 台(套)). */
  count?: Record<string, string>;
  /** Key for an area in 平方米. */
  area?: string;
  /** Key for a following "价值 X 万元" (assets). */
  value?: string;
  /** Basis forced by the label itself (perf.funds 全年预算数). */
  basis?: 'actual' | 'budget_full_year' | 'budget_initial';
}

const Q = '[“”"\']?';
const ABROAD = String.raw`因公出国\(境\)`;
const STAFF: LabelRule[] = [
  { label: '(?:核定)?(?:人员)?编制(?:总)?(?:数|人数)|核定(?:行政|事业)?编制', count: { 人: 'staff.authorized', 名: 'staff.authorized' } },
  { label: '实有(?:人数|人员)', count: { 人: 'staff.actual', 名: 'staff.actual' } },
  { label: '在职(?:人员|人数|职工)?', count: { 人: 'staff.active', 名: 'staff.active' } },
  { label: '行政人员', count: { 人: 'staff.admin', 名: 'staff.admin' } },
  { label: '事业人员', count: { 人: 'staff.institution', 名: 'staff.institution' } },
  { label: '退休(?:人员|人数)?', count: { 人: 'staff.retired', 名: 'staff.retired' } },
  { label: '离休(?:人员|人数)?', count: { 人: 'staff.retired_cadre', 名: 'staff.retired_cadre' } },
];

/** The parts of income (本年收入) as every section that itemises them prints them. */
const INCOME_PARTS: LabelRule[] = [
  { label: '上级补助收入', money: 'income.superior' },
  { label: '事业收入', money: 'income.business' },
  { label: '(?:事业单位)?经营收入', money: 'income.operating' },
  { label: '附属单位上缴收入', money: 'income.affiliated' },
  { label: '其他收入', money: 'income.other' },
];
/** The parts of spending (本年支出). */
const EXPENSE_PARTS: LabelRule[] = [
  { label: '基本支出', money: 'expense.basic' },
  { label: '项目支出', money: 'expense.project' },
  { label: '上缴上级支出', money: 'expense.to_superior' },
  { label: '经营支出', money: 'expense.operating' },
  { label: '对附属单位补助支出', money: 'expense.to_affiliated' },
];

const OVERVIEW: LabelRule[] = [
  // "收支较上年决算数增加1898.69万元" (Chongqing template): a change of both totals.
  { label: '收支(?=较|比|与上年)', money: ['income.grand_total', 'expense.grand_total'] },
  { label: '总收入', money: 'income.grand_total' },
  { label: '总支出', money: 'expense.grand_total' },
  { label: '收入支出总计|收、?支总计(?:各)?', money: ['income.grand_total', 'expense.grand_total'] },
  { label: '收入总计', money: 'income.grand_total' },
  { label: '本年收入合计|本年收入', money: 'income.total' },
  { label: '年初结转和结余|上年结转(?:和结余)?', money: 'income.carryover_begin' },
  { label: '(?:本年)?支出总计', money: 'expense.grand_total' },
  { label: '本年支出合计|本年支出', money: 'expense.total' },
  { label: '年末结转和结余', money: 'expense.carryover_end' },
  { label: '收支总预算|收支预算总额', money: ['income.total', 'expense.total'] },
  { label: '收入(?:总)?预算(?:总额)?', money: 'income.total' },
  { label: '支出(?:总)?预算(?:总额)?', money: 'expense.total' },
  { label: '使用非财政拨款结余|结余分配' },
  // Some templates itemise income and spending under the overview ("1.一般公共预算财政拨款收入…").
  { label: '财政拨款收入|一般公共预算(?:财政)?(?:拨款)?收入', money: 'income.fiscal' },
  { label: '政府性基金(?:预算)?(?:财政)?(?:拨款)?收入', money: 'govfund.income' },
  { label: '国有资本经营预算(?:财政)?(?:拨款)?收入' },
  ...INCOME_PARTS,
  ...EXPENSE_PARTS,
];

const INCOME: LabelRule[] = [
  { label: '收入总计', money: 'income.grand_total' },
  { label: '本年收入合计|本年收入|收入预算(?:总额)?|收入合计', money: 'income.total' },
  { label: '财政拨款(?:收入|\\(补助\\))?|一般公共预算(?:财政)?(?:拨款)?(?:收入)?', money: 'income.fiscal' },
  { label: '政府性基金(?:预算)?(?:财政)?(?:拨款)?(?:收入)?', money: 'govfund.income' },
  ...INCOME_PARTS,
  { label: '年初结转和结余|上年结转(?:和结余)?', money: 'income.carryover_begin' },
  { label: '用事业基金弥补收支差额|国有资本经营预算(?:财政)?(?:拨款)?(?:收入)?' },
];

const EXPENSE: LabelRule[] = [
  { label: '支出总计', money: 'expense.grand_total' },
  { label: '本年支出合计|本年支出|支出预算(?:总额)?|支出合计', money: 'expense.total' },
  ...EXPENSE_PARTS,
  { label: '年末结转和结余', money: 'expense.carryover_end' },
];

const FISCAL: LabelRule[] = [
  { label: '财政拨款收入支出总计|财政拨款收、?支总计(?:各)?', money: ['fiscal.income_total', 'fiscal.expense_total'] },
  { label: '财政拨款收入总计', money: 'fiscal.income_total' },
  { label: '财政拨款支出总计', money: 'fiscal.expense_total' },
  { label: '财政拨款(?:本年)?收入', money: 'fiscal.income' },
  { label: '财政拨款(?:本年)?支出', money: 'fiscal.expense' },
  { label: '财政拨款收支总预算', money: ['fiscal.income', 'fiscal.expense'] },
  { label: '(?:年初|年末)财政拨款结转和结余' },
];

const GPB: LabelRule[] = [
  { label: '一般公共预算财政拨款基本支出|一般公共预算(?:当年)?拨款基本支出', money: 'gpb.basic' },
  { label: '一般公共预算财政拨款支出|一般公共预算(?:当年)?拨款(?:支出)?', money: 'gpb.expense' },
];

const GPB_BASIC: LabelRule[] = [
  { label: '一般公共预算(?:财政)?(?:拨款)?基本支出|基本支出', money: 'gpb.basic' },
  { label: '人员经费', money: 'gpb.personnel' },
  { label: '公用经费|日常公用经费', money: 'gpb.public' },
];

const SANGONG: LabelRule[] = [
  { label: `${Q}三公${Q}经费(?:支出)?`, money: 'sangong.total' },
  { label: `${ABROAD}(?:费用?|经费)?(?:支出)?(?:团组)?`, money: 'sangong.abroad', count: { 个: 'sangong.abroad_groups', 人次: 'sangong.abroad_persons', 人: 'sangong.abroad_persons' } },
  { label: '公务用车购置(?:及|和)运(?:行|维)(?:维护|维修)?费|公务用车费(?:用)?', money: 'sangong.vehicle' },
  { label: '公务用车购置(?:费|数)?', money: 'sangong.vehicle_purchase', count: { 辆: 'sangong.vehicles_purchased' } },
  { label: '公务用车运行(?:维护|维修)?(?:费)?', money: 'sangong.vehicle_operation' },
  { label: '公务用车保有(?:量|数)?', count: { 辆: 'sangong.vehicles_held' } },
  { label: '公务接待费', money: 'sangong.reception' },
  { label: '(?:国内)?公务接待(?!费)', money: 'sangong.reception', count: { 批次: 'sangong.reception_batches', 次: 'sangong.reception_batches', 人次: 'sangong.reception_persons', 人: 'sangong.reception_persons' } },
];

const GOVFUND: LabelRule[] = [
  { label: '政府性基金(?:预算)?(?:财政)?(?:拨款)?收入|财政拨款收入', money: 'govfund.income' },
  { label: '政府性基金(?:预算)?(?:财政)?(?:拨款)?(?:安排的)?支出|财政拨款支出', money: 'govfund.expense' },
  { label: '(?:政府性基金预算)?(?:年初|年末)结转(?:和)?结余' },
];

const ADMIN: LabelRule[] = [{ label: '机关运行经费|(?:一般公共预算)?(?:财政拨款)?运行经费', money: 'admin.running_cost' }];

const PROCUREMENT: LabelRule[] = [
  { label: '政府采购(?:支出)?总额|政府采购预算(?:总额)?|政府采购金额', money: 'procurement.total' },
  { label: '(?:政府采购)?货物(?:类)?(?:采购)?(?:支出|预算)?(?:金额)?', money: 'procurement.goods' },
  { label: '(?:政府采购)?工程(?:类)?(?:采购)?(?:支出|预算)?(?:金额)?', money: 'procurement.works' },
  { label: '(?:政府采购)?服务(?:类)?(?:采购)?(?:支出|预算)?(?:金额)?', money: 'procurement.services' },
  { label: '授予中小企业(?:的)?合同(?:金额)?|(?:面向|预留给)中小企业(?:预留)?(?:的)?(?:政府采购)?(?:项目)?(?:预算)?(?:金额)?', money: 'procurement.sme' },
  { label: '授予(?:小微|小型和微型)企业(?:的)?合同(?:金额)?|(?:面向|预留给)(?:小微|小型和微型)企业(?:预留)?(?:的)?(?:政府采购)?(?:项目)?(?:预算)?(?:金额)?', money: 'procurement.small_micro' },
];

const EQUIP = (w: string) => `单(?:位价值|价)${w}万元(?:\\(含\\))?以上[^0-9,。;]{0,12}?设备(?:\\(不含车辆\\))?`;
const ASSETS: LabelRule[] = [
  { label: '房屋', area: 'assets.building_area', value: 'assets.building_value' },
  { label: '车辆', count: { 辆: 'assets.vehicles' }, value: 'assets.vehicles_value' },
  // Kinds of vehicles within the stock ("其他车辆 0 辆，价值 0 万元") are not the stock itself.
  { label: '(?:其他|执法执勤|一般公务|特种专业技术|应急保障|机要通信|离退休干部|领导干部)(?:用)?车辆' },
  { label: '固定资产原值', money: 'assets.fixed_value' },
  { label: '办公家具价值', money: 'assets.furniture_value' },
  { label: '其他资产价值', money: 'assets.other_value' },
  { label: EQUIP('50'), count: { '台(套)': 'assets.equip_general_50w', 台: 'assets.equip_general_50w', 套: 'assets.equip_general_50w' } },
  { label: EQUIP('100'), count: { '台(套)': 'assets.equip_special_100w', 台: 'assets.equip_special_100w', 套: 'assets.equip_special_100w' } },
  // Plans to buy, not stocks: recognised so that their figures are not taken for a stock.
  { label: '(?:预算)?安排购置(?:公务用)?车辆|(?:拟|计划)购置(?:公务用)?车辆', count: { 辆: 'sangong.vehicles_purchased' } },
  { label: '安排购置|拟购置|计划购置' },
];

const PERF: LabelRule[] = [
  { label: '(?:开展|实行|实施)(?:了)?(?:预算)?绩效(?:评价|管理|自评|目标管理)(?:的)?项目|绩效(?:自评|评价)项目|(?:共)?涉及(?:一级)?项目|(?:编报|设置|申报|填报)(?:了)?绩效目标的(?:\\d{4}年度?)?项目', count: { 个: 'perf.projects', 项: 'perf.projects' }, value: 'perf.funds' },
  { label: '(?:共)?涉及(?:项目)?(?:一般公共预算)?(?:当年)?(?:预算|财政)?(?:拨款|资金|金额)(?:总额)?', money: 'perf.funds' },
  { label: '全年预算数', money: 'perf.funds', basis: 'budget_full_year' },
  { label: '全年执行数', money: 'perf.funds', basis: 'actual' },
];

/**
 * Sections that are not about one thing ("部门预算编制说明", "其他重要事项") are read with
 * the labels that mean the same wherever they stand.
 */
const GENERAL: LabelRule[] = [
  { label: '收入支出总计|收、?支总计(?:各)?', money: ['income.grand_total', 'expense.grand_total'] },
  { label: '收入总计', money: 'income.grand_total' },
  { label: '支出总计', money: 'expense.grand_total' },
  { label: '本年收入合计|本年收入|收入(?:总)?预算(?:总额)?', money: 'income.total' },
  { label: '本年支出合计|本年支出|支出(?:总)?预算(?:总额)?', money: 'expense.total' },
  { label: '收支(?=较|比|与上年)', money: ['income.grand_total', 'expense.grand_total'] },
  { label: '收支总预算', money: ['income.total', 'expense.total'] },
  { label: '财政拨款收入', money: 'income.fiscal' },
  { label: '财政拨款支出(?:预算)?', money: 'fiscal.expense' },
  { label: '一般公共预算(?:财政)?拨款支出(?:预算)?', money: 'gpb.expense' },
  { label: '一般公共预算(?:财政)?拨款收入' },
  { label: '国有资本经营预算(?:财政)?(?:拨款)?(?:收入|支出)(?:预算)?' },
  { label: '政府性基金(?:预算)?(?:财政)?(?:拨款)?收入', money: 'govfund.income' },
  { label: '政府性基金(?:预算)?(?:财政)?(?:拨款)?支出(?:预算)?', money: 'govfund.expense' },
  ...INCOME_PARTS,
  ...EXPENSE_PARTS.slice(0, 2),
  ...SANGONG,
  ...ADMIN,
  { label: '政府采购(?:支出)?总额|政府采购预算(?:总额)?', money: 'procurement.total' },
  { label: '政府采购货物(?:支出|预算)?', money: 'procurement.goods' },
  { label: '政府采购工程(?:支出|预算)?', money: 'procurement.works' },
  { label: '政府采购服务(?:支出|预算)?', money: 'procurement.services' },
  ...PROCUREMENT.slice(-2),
  ...PERF.slice(0, 2),
  ...STAFF,
];

export const RULES: Partial<Record<Topic, LabelRule[]>> = {
  general: GENERAL,
  staff: STAFF,
  overview: OVERVIEW,
  income: INCOME,
  expense: EXPENSE,
  fiscal: FISCAL,
  gpb: GPB,
  gpb_basic: GPB_BASIC,
  sangong: SANGONG,
  govfund: GOVFUND,
  admin: ADMIN,
  procurement: PROCUREMENT,
  assets: ASSETS,
  perf: PERF,
};

/** Keys that describe a state (headcount, assets): basis `actual` even in budget documents. */
export function isStateKey(key: string): boolean {
  // Vehicles held are a stock like the assets: a budget states the count it has, not plans.
  return key.startsWith('staff.') || key.startsWith('assets.') || key === 'sangong.vehicles_held';
}
