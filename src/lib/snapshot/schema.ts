// The snapshot's tables: one definition serves the Parquet writer, the data dictionary
// (DATA_DICTIONARY.md) and the app. Money is in 万元 (10,000 CNY) throughout.

export type ColumnType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN' | 'VARCHAR[]' | 'TIMESTAMP';

export interface Column {
  name: string;
  type: ColumnType;
  zh: string;
  en: string;
  /** Unit of a numeric column (万元, %, 人, 辆, 平方米…). */
  unit?: string;
}

export interface TableDef {
  name: string;
  zh: string;
  en: string;
  /** One row per … */
  grain: string;
  columns: Column[];
}

const c = (name: string, type: ColumnType, zh: string, en: string, unit?: string): Column => ({ name, type, zh, en, ...(unit ? { unit } : {}) });

/** Columns every table derived from one document carries, so each can be filtered alone. */
const DOC_KEYS: Column[] = [
  c('doc_id', 'VARCHAR', '文档编号（原文件字节的 SHA-256）', 'Document id: SHA-256 of the file bytes'),
  c('unit_id', 'VARCHAR', '单位编号', 'Unit id (see units)'),
  c('fiscal_year', 'INTEGER', '财政年度', 'Fiscal year'),
  c('kind', 'VARCHAR', '类型：final 决算 / budget 预算', "Kind: 'final' (决算) or 'budget' (预算)"),
  c('province', 'VARCHAR', '省级（与财政年度同为分区键）', 'Province-level region (a partition key, with fiscal_year)'),
];
const SOURCE: Column[] = [
  c('source_line', 'INTEGER', '出处：原文起始行号', 'Provenance: first source line (1-based)'),
  c('source_end_line', 'INTEGER', '出处：原文结束行号', 'Provenance: last source line'),
  c('source_text', 'VARCHAR', '出处：原文片段', 'Provenance: the exact source snippet'),
];

export const TABLES: TableDef[] = [
  {
    name: 'documents', zh: '文档', en: 'Documents', grain: 'one input file',
    columns: [
      c('doc_id', 'VARCHAR', '文档编号（原文件字节的 SHA-256）', 'Document id: SHA-256 of the file bytes'),
      c('file', 'VARCHAR', '输入文件（相对路径）', 'Input file, relative to the input folder'),
      c('bytes', 'INTEGER', '文件大小', 'File size', '字节 bytes'),
      c('encoding', 'VARCHAR', '文本编码', 'Detected text encoding'),
      c('unit_id', 'VARCHAR', '单位编号', 'Unit id (see units)'),
      c('unit_name', 'VARCHAR', '文档所印单位名称', 'Unit name as printed'),
      c('province', 'VARCHAR', '省级', 'Province-level region'),
      c('prefecture', 'VARCHAR', '地级', 'Prefecture-level region'),
      c('county', 'VARCHAR', '县级', 'County-level region'),
      c('level', 'VARCHAR', '层级：province 省 / prefecture 地 / county 县', "Government level: 'province', 'prefecture' or 'county'"),
      c('fiscal_year', 'INTEGER', '财政年度', 'Fiscal year'),
      c('kind', 'VARCHAR', '类型：final 决算 / budget 预算', "Kind: 'final' (决算) or 'budget' (预算)"),
      c('status', 'VARCHAR', '状态：ok 完整 / partial 有警告 / rejected 拒收', "Status: 'ok', 'partial' (with warnings) or 'rejected'"),
      c('reason', 'VARCHAR', '拒收原因', 'Why a document was rejected'),
      c('warning_count', 'INTEGER', '警告数', 'Number of extractor warnings'),
      c('warnings', 'VARCHAR[]', '警告', 'Extractor warnings (what could not be placed)'),
      c('synthetic', 'BOOLEAN', '是否合成数据', 'True for synthetic documents (never in the default snapshot)'),
    ],
  },
  {
    name: 'units', zh: '单位', en: 'Units', grain: 'one reporting unit',
    columns: [
      c('unit_id', 'VARCHAR', '单位编号', 'Unit id'),
      c('name', 'VARCHAR', '规范名称', 'Canonical name'),
      c('aliases', 'VARCHAR[]', '其他印刷名称', 'Other printed names of the unit'),
      c('province', 'VARCHAR', '省级', 'Province-level region'),
      c('prefecture', 'VARCHAR', '地级', 'Prefecture-level region'),
      c('county', 'VARCHAR', '县级', 'County-level region'),
      c('level', 'VARCHAR', '层级', "Government level: 'province', 'prefecture' or 'county'"),
      c('sector', 'VARCHAR', '领域（据名称归类，用于同类比较）', 'Sector, classified from the name (peer group)'),
    ],
  },
  {
    name: 'facts', zh: '指标值', en: 'Facts', grain: 'one figure (key × basis) of one document',
    columns: [
      ...DOC_KEYS,
      c('key', 'VARCHAR', '指标键（见 extraction.md）', 'Fact key (see the extraction spec)'),
      c('basis', 'VARCHAR', '口径：actual 决算 / budget 预算 / budget_initial 年初预算 / budget_full_year 全年预算 / prior_change 比上年增减 / prior_pct 比上年增减率', 'Basis: actual, budget, budget_initial, budget_full_year, prior_change, prior_pct'),
      c('value', 'DOUBLE', '数值（金额为万元，比率为%，人数/车辆等为个数）', 'Value: money in 万元, rates in %, counts as numbers'),
      c('derived', 'BOOLEAN', '是否推算（由上年增减额推得的上年数）', 'True for a previous-year figure derived from a stated change'),
      ...SOURCE,
    ],
  },
  {
    name: 'function_lines', zh: '功能分类支出', en: 'Spending by function (功能分类)', grain: 'one 项 line of one document',
    columns: [
      ...DOC_KEYS,
      c('code', 'VARCHAR', '项级科目编码（7位；仅以文字列示时为空）', '7-digit 项 code (null where printed in words only)'),
      c('catalogue_code', 'VARCHAR', '据科目表推定的编码', 'Code resolved from the catalogue for lines printed in words'),
      c('lei_code', 'VARCHAR', '类编码', '类 code (3 digits)'),
      c('lei_name', 'VARCHAR', '类名称', '类 name'),
      c('kuan_code', 'VARCHAR', '款编码', '款 code (5 digits)'),
      c('kuan_name', 'VARCHAR', '款名称', '款 name'),
      c('name', 'VARCHAR', '项名称（文档所印）', '项 name as printed'),
      c('fund', 'VARCHAR', '资金：gpb 一般公共预算 / govfund 政府性基金', "Fund: 'gpb' (一般公共预算) or 'govfund' (政府性基金)"),
      c('amount', 'DOUBLE', '金额', 'Amount', '万元'),
      c('basic', 'DOUBLE', '其中基本支出', 'Of which basic spending', '万元'),
      c('project', 'DOUBLE', '其中项目支出', 'Of which project spending', '万元'),
      ...SOURCE,
    ],
  },
  {
    name: 'economic_lines', zh: '经济分类支出', en: 'Spending by economic class (经济分类)', grain: 'one 类 or 款 line of one document',
    columns: [
      ...DOC_KEYS,
      c('code', 'VARCHAR', '经济分类科目编码（3位类 / 5位款）', 'Economic class code (3-digit 类, 5-digit 款)'),
      c('class_code', 'VARCHAR', '所属类编码', 'Its 类 code'),
      c('level', 'VARCHAR', '层级：lei 类 / kuan 款', "Level: 'lei' or 'kuan'"),
      c('name', 'VARCHAR', '名称', 'Name as printed'),
      c('amount', 'DOUBLE', '金额', 'Amount', '万元'),
      c('personnel', 'DOUBLE', '其中人员经费', 'Of which personnel', '万元'),
      c('public', 'DOUBLE', '其中公用经费', 'Of which public (operating) funds', '万元'),
      ...SOURCE,
    ],
  },
  {
    name: 'projects', zh: '项目绩效', en: 'Projects (performance tables)', grain: 'one 项目支出绩效自评表 / 绩效目标表',
    columns: [
      ...DOC_KEYS,
      c('project_id', 'VARCHAR', '项目编号（文档编号:序号）', 'Project id (doc_id:ordinal)'),
      c('ordinal', 'INTEGER', '在文档中的序号', 'Order in the document (1-based)'),
      c('name', 'VARCHAR', '项目名称', 'Project name'),
      c('budget', 'DOUBLE', '年度资金总额（预算文档）', 'Annual funds (budget documents)', '万元'),
      c('budget_initial', 'DOUBLE', '年初预算数', 'Initial budget', '万元'),
      c('budget_full_year', 'DOUBLE', '全年预算数', 'Full-year budget', '万元'),
      c('executed', 'DOUBLE', '全年执行数', 'Executed', '万元'),
      c('exec_rate', 'DOUBLE', '执行率（所印）', 'Execution rate as printed', '%'),
      c('score', 'DOUBLE', '自评总分', 'Self-evaluation score', '分'),
      c('indicator_count', 'INTEGER', '三级指标数', 'Number of level-3 indicators'),
      ...SOURCE,
    ],
  },
  {
    name: 'indicators', zh: '绩效指标', en: 'Performance indicators', grain: 'one indicator row of one project',
    columns: [
      ...DOC_KEYS,
      c('project_id', 'VARCHAR', '项目编号', 'Project id'),
      c('ordinal', 'INTEGER', '行序号', 'Row order within the project'),
      c('level1', 'VARCHAR', '一级指标', 'Level-1 indicator'),
      c('level2', 'VARCHAR', '二级指标', 'Level-2 indicator'),
      c('level3', 'VARCHAR', '三级指标', 'Level-3 indicator'),
      c('target', 'VARCHAR', '年度指标值', 'Target'),
      c('actual', 'VARCHAR', '实际完成值', 'Actual'),
      c('weight', 'DOUBLE', '分值', 'Weight', '分'),
      c('score', 'DOUBLE', '得分', 'Score', '分'),
      c('note', 'VARCHAR', '偏差原因分析及改进措施', 'Deviation note'),
      ...SOURCE,
    ],
  },
  {
    name: 'summary_projects', zh: '项目绩效汇总', en: 'Project summary rows', grain: 'one row of a 项目支出绩效评价汇总表',
    columns: [
      ...DOC_KEYS,
      c('ordinal', 'INTEGER', '行序号', 'Row order'),
      c('name', 'VARCHAR', '项目名称', 'Project name'),
      c('unit', 'VARCHAR', '部门单位', 'Implementing unit'),
      c('budget_initial', 'DOUBLE', '年初预算数', 'Initial budget', '万元'),
      c('budget_full_year', 'DOUBLE', '全年预算数', 'Full-year budget', '万元'),
      c('executed', 'DOUBLE', '执行数', 'Executed', '万元'),
      c('exec_rate', 'DOUBLE', '执行率', 'Execution rate', '%'),
      c('completion_pct', 'DOUBLE', '绩效目标总体完成率', 'Goal completion rate', '%'),
      c('score', 'DOUBLE', '单位自评得分', 'Self-evaluation score', '分'),
      ...SOURCE,
    ],
  },
  {
    name: 'findings', zh: '异常线索', en: 'Findings (consistency and anomaly checks)', grain: 'one finding about one document',
    columns: [
      c('finding_id', 'VARCHAR', '线索编号', 'Finding id (doc_id:ordinal)'),
      ...DOC_KEYS,
      c('rule', 'VARCHAR', '规则编号（如 arith.sangong_parts）', "Rule id (e.g. 'arith.sangong_parts')"),
      c('family', 'VARCHAR', '规则类别：arithmetic 算术 / cross 前后不一 / budget 预决算 / trend 趋势 / peer 同类比较 / performance 绩效 / procurement 采购 / completeness 完整性', 'Rule family'),
      c('severity', 'VARCHAR', '严重程度：high 高 / medium 中 / low 低', "Severity: 'high', 'medium' or 'low'"),
      c('subject', 'VARCHAR', '对象（指标键、项目名称、科目编码）', 'What the finding is about (key, project, code)'),
      c('zh', 'VARCHAR', '说明（中文，含数字与重算）', 'Explanation in Chinese, with the figures and the recomputation'),
      c('en', 'VARCHAR', '说明（英文）', 'Explanation in English'),
      c('expected', 'DOUBLE', '重算值或对照值', 'The recomputed or comparison value'),
      c('stated', 'DOUBLE', '文档所述值', 'The value the document states'),
      c('difference', 'DOUBLE', '差额', 'Stated minus expected'),
      c('figures', 'VARCHAR', '涉及数字（JSON：标签、数值、单位、行号、原文）', 'The figures involved, as JSON: label, value, unit, line, text'),
      ...SOURCE,
    ],
  },
];

/**
 * The snapshot's partition keys, in path order: every table but units is written as
 * <table>/fiscal_year=<y>/province=<p>/part-0.parquet (Hive layout), so a reader that filters on
 * them opens only the files it needs. The keys stay inside the files too.
 */
export const PARTITION_KEYS = ['fiscal_year', 'province'] as const;

export function isPartitioned(t: TableDef): boolean {
  return PARTITION_KEYS.every((k) => t.columns.some((c) => c.name === k));
}

export function table(name: string): TableDef {
  const t = TABLES.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
}
