// Parts a 决算 / 预算 disclosure must contain: the standard tables and the explanations of
// 三公, 机关运行经费, 政府采购, 国有资产 and 绩效. A part is missing when none of its figures
// could be read; the finding says which.
import type { ExtractionRecord } from '../extract/types.ts';
import type { Finding } from './types.ts';

const PARTS: { id: string; zh: string; en: string; present: (r: ExtractionRecord) => boolean; kinds: ('final' | 'budget')[] }[] = [
  { id: 'income', zh: '收入情况', en: 'income', present: (r) => r.facts.some((f) => f.key.startsWith('income.')), kinds: ['final', 'budget'] },
  { id: 'expense', zh: '支出情况', en: 'spending', present: (r) => r.facts.some((f) => f.key.startsWith('expense.')), kinds: ['final', 'budget'] },
  { id: 'functions', zh: '一般公共预算支出（功能分类）', en: 'general-budget spending by function', present: (r) => r.function_lines.length > 0 || r.facts.some((f) => f.key === 'gpb.expense'), kinds: ['final', 'budget'] },
  { id: 'basic', zh: '基本支出（人员经费、公用经费）', en: 'basic spending (personnel, public funds)', present: (r) => r.facts.some((f) => f.key.startsWith('gpb.personnel') || f.key === 'gpb.public') || r.economic_lines.length > 0, kinds: ['final', 'budget'] },
  { id: 'sangong', zh: '“三公”经费', en: 'the 三公 expenses', present: (r) => r.facts.some((f) => f.key.startsWith('sangong.')), kinds: ['final', 'budget'] },
  { id: 'admin', zh: '机关运行经费', en: 'administrative running costs', present: (r) => r.facts.some((f) => f.key === 'admin.running_cost'), kinds: ['final', 'budget'] },
  { id: 'procurement', zh: '政府采购', en: 'government procurement', present: (r) => r.facts.some((f) => f.key.startsWith('procurement.')), kinds: ['final', 'budget'] },
  { id: 'assets', zh: '国有资产占用', en: 'state assets', present: (r) => r.facts.some((f) => f.key.startsWith('assets.')), kinds: ['final', 'budget'] },
  { id: 'performance', zh: '预算绩效', en: 'performance management', present: (r) => r.projects.length > 0 || r.facts.some((f) => f.key.startsWith('perf.')), kinds: ['final', 'budget'] },
  { id: 'tables', zh: '部门决算/预算报表', en: 'the standard tables', present: (r) => r.function_lines.some((l) => l.basic !== undefined || l.project !== undefined) || r.economic_lines.length > 0, kinds: ['final', 'budget'] },
];

export function completeness(record: ExtractionRecord): Finding[] {
  if (!record.kind) return [];
  return PARTS.filter((p) => p.kinds.includes(record.kind!) && !p.present(record)).map((p) => ({
    rule: `completeness.${p.id}`, family: 'completeness' as const, severity: p.id === 'tables' ? ('low' as const) : ('medium' as const), subject: p.id,
    zh: p.id === 'tables' ? '文本中没有可读的标准报表（如“见附表”而未随文公开）' : `未找到“${p.zh}”的数据`,
    en: p.id === 'tables' ? 'The text holds no readable standard tables (e.g. "see the attached tables" without them)' : `No figures found for ${p.en}`,
    figures: [],
  }));
}
