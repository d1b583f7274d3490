// schema.ts → DATA_DICTIONARY.md: every table and column, in Chinese and English, with units.
// Pure: the ingest writes the text into the snapshot; the app may show it as it is.
import type { TableDef } from './schema.ts';
import { TABLES } from './schema.ts';
import { SECTOR_RULES } from './units.ts';

const cell = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');

function tableSection(t: TableDef): string {
  const lines = [
    `## ${t.name} — ${t.zh} / ${t.en}`,
    '',
    `文件 File: \`${t.name}.parquet\` · 每行 One row per: ${t.grain}.`,
    '',
    '| 列 Column | 类型 Type | 单位 Unit | 含义 | Meaning |',
    '|---|---|---|---|---|',
    ...t.columns.map((c) => `| \`${c.name}\` | ${c.type} | ${cell(c.unit ?? '')} | ${cell(c.zh)} | ${cell(c.en)} |`),
  ];
  return lines.join('\n');
}

/** The data dictionary of a snapshot with the given tables (default: all of schema.ts). */
export function dataDictionary(tables: readonly TableDef[] = TABLES): string {
  const parts = [
    '# 数据字典 Data dictionary — FiscalLens（财政透镜）snapshot',
    '',
    '本快照由部门预算、决算公开文本抽取而成。金额单位均为万元；比率为百分数（17.51 表示 17.51%）；人数、车辆等为个数。',
    '每个由文档得出的数值都带出处（原文行号与原文片段）。',
    '',
    'The snapshot is extracted from Chinese public budget and final-account disclosures. Money is in',
    '万元 (10,000 CNY); rates are in percent (17.51 means 17.51 %); people, vehicles and the like are',
    'counts. Every figure taken from a document carries its provenance (source lines and snippet).',
    'Read the tables with any Parquet reader, e.g. DuckDB: `SELECT * FROM read_parquet(\'facts.parquet\')`.',
    '',
    '## 目录 Contents',
    '',
    ...tables.map((t) => `- \`${t.name}\` — ${t.zh} / ${t.en}`),
    '- `manifest.json` — 快照版本、生成时间、输入文件、行数与校验和 / snapshot version, creation time, inputs, row counts and checksums',
    '- `ingest-report.json` — 每个输入文件的处理结果 / what happened to every input file',
    '',
    ...tables.flatMap((t) => [tableSection(t), '']),
    '## units.sector — 领域取值 / Sector values',
    '',
    '据单位名称中的关键词归类（按顺序取第一个匹配），用于同类比较；其余为 `other`。',
    'Classified from keywords in the unit name (first matching rule wins), for peer comparisons; anything else is `other`.',
    '',
    '| 取值 Value | 名称关键词 Name keywords (regular expression) |',
    '|---|---|',
    ...SECTOR_RULES.map(([sector, re]) => `| \`${sector}\` | \`${cell(re.source)}\` |`),
    '',
    '## manifest.json',
    '',
    '| 字段 Field | 含义 | Meaning |',
    '|---|---|---|',
    '| `format` | 快照格式版本 | Snapshot format version |',
    '| `version` | 快照内容版本（各表校验和的哈希） | Content version: hash of the tables\' checksums |',
    '| `created` | 生成时间（UTC） | Creation time (UTC, ISO 8601) |',
    '| `extractor_version` | 抽取程序版本（其源文件的哈希） | Extractor version: hash of its source files |',
    '| `units_csv` | 所用单位名册的校验和 | Checksum of the unit registry (units.csv) used |',
    '| `inputs` | 输入文件：文件名、文档编号、大小、状态 | Inputs: file, doc_id, bytes, status |',
    '| `tables` | 每表的文件、行数、字节数、SHA-256 | Per table: file, rows, bytes, SHA-256 |',
    '| `files` | 其他文件的字节数与 SHA-256 | Other files: bytes and SHA-256 |',
    '',
    '## ingest-report.json',
    '',
    '| 字段 Field | 含义 | Meaning |',
    '|---|---|---|',
    '| `summary` | 各状态的文件数、文档数、单位数、推算值数 | Counts per status, documents, units, derived facts |',
    '| `inputs[].status` | ok 完整 / partial 有警告 / rejected 拒收 | ok, partial (with warnings) or rejected |',
    '| `inputs[].reason`, `reason_code` | 拒收原因（empty 空文件, binary 非文本, too_large 过大, undecodable 编码无法识别, unreadable 无法读取, extractor_failed 抽取失败, timeout 超时, duplicate 重复文件） | Why an input was rejected |',
    '| `inputs[].change` | 与上一快照相比：new 新增 / changed 已变 / unchanged 未变 | Against the previous snapshot: new, changed or unchanged |',
    '| `inputs[].unit` | 单位名称、编号与识别方式（known 名册所列 / alias 名册别名 / new 新单位 / none 未找到） | Unit name, id and how it was resolved: known, alias, new or none |',
    '| `unresolved_units` | 名册中没有的新单位名称，待确认后加入 data/units.csv | New unit names not in the registry, to confirm in data/units.csv |',
    '| `notes` | 其他提示（同一单位同年同类型有多份文档等） | Other notes (several documents for one unit, year and kind…) |',
    '',
  ];
  return parts.join('\n');
}
