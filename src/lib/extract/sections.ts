// Segments a disclosure into its standard parts and numbered sections and gives each
// section a topic, so that the same words ("财政拨款收入") can mean different facts in
// different sections.
import type { Doc } from './document.ts';

export type Topic =
  | 'staff' | 'overview' | 'income' | 'expense' | 'fiscal' | 'gpb' | 'gpb_basic' | 'sangong'
  | 'govfund' | 'statecap' | 'admin' | 'procurement' | 'assets' | 'perf' | 'projects'
  | 'glossary' | 'tables' | 'functions' | 'other' | 'general';

export interface Section {
  title: string;
  /** 0 part (第一部分), 1 一、, 2 （一）, 3 markdown-only heading */
  level: number;
  topic: Topic | null;
  /** Line numbers (1-based, inclusive) of the body, heading excluded. */
  from: number;
  to: number;
  headingLine: number;
}

const CN = '[一二三四五六七八九十百]+';
const PART = new RegExp(`^第${CN}部分`);
const L1 = new RegExp(`^${CN}[、.．]`);
const L2 = new RegExp(`^\\(${CN}\\)`);

/** Strips markdown decoration, list bullets and HTML tags from a line. */
export function cleanHeading(s: string): string {
  // Most lines carry none of the marks removed below: every line of a document passes here.
  if (!/[<#*_+-]/.test(s)) return s.trim();
  return s
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/^\s*(?:[-*+]\s+)?#{0,6}\s*/, '')
    .replace(/\*\*|__/g, '')
    .replace(/^\s*(?:[-*+]\s+)/, '')
    .trim();
}

const TOPICS: [RegExp, Topic][] = [
  [/名词解释/, 'glossary'],
  [/^[^《]{0,12}《[^》]+》$/, 'tables'],
  [/决算报表|预算公开表|公开表$|决算表》|附表\)?$/, 'tables'],
  [/三公/, 'sangong'],
  [/政府性基金/, 'govfund'],
  [/国有资本经营/, 'statecap'],
  [/机关运行经费/, 'admin'],
  [/政府采购/, 'procurement'],
  [/国有资产/, 'assets'],
  [/绩效/, 'perf'],
  [/基本支出/, 'gpb_basic'],
  [/项目支出情况/, 'projects'],
  [/一般公共预算/, 'gpb'],
  [/财政拨款收/, 'fiscal'],
  [/收支总体|收入支出决算总体|收支预算情况的总体|收支预算总体|收支总预算/, 'overview'],
  [/收入(?:决算|预算)?情况|收入总体/, 'income'],
  [/支出(?:决算|预算)?情况|支出总体/, 'expense'],
  [/机构设置|人员情况|人员构成/, 'staff'],
  [/功能分类/, 'functions'],
  [/主要职能|单位概况|目\s*录/, 'other'],
  [/其他重要事项|其他需说明|其他相关情况|部门决算情况说明|部门预算情况说明|编制说明|预算说明|决算说明/, 'general'],
];

export function topicOf(title: string): Topic | null {
  for (const [re, t] of TOPICS) if (re.test(title)) return t;
  return null;
}

function headingLevel(text: string, rawLine: string): number | null {
  if (!text || text.length > 90) return null;
  if (/[。;、,，]$/.test(text)) return null;
  // A sentence or a glossary entry ("七、机关运行经费：指…") is not a heading.
  if (/[,，]|[:：].{3,}/.test(text)) return null;
  // A row of a table ("一、一般公共预算财政拨款收入 4,733.14 …") is not a heading.
  if (/\d\.\d{1,2}(?!\d)/.test(text.replace(/\d{4}\s*年/g, ''))) return null;
  if (PART.test(text)) return 0;
  const md = /^\s*#{1,6}\s/.test(rawLine) || /^\s*\*\*.*\*\*\s*$/.test(rawLine);
  // Short numbered lines are headings; long ones are list items of a section's text.
  // "二十二、灾害防治及应急管理支出": a row label of a summary table, not a heading.
  const rowLabel = /(?:支出|收入|财政拨款|支|出)$/.test(text) && !/说明|情况|表|概况/.test(text);
  if (L1.test(text) && text.length <= 80 && !rowLabel && !/\d+(?:\.\d+)?万元/.test(text)) return 1;
  if (L2.test(text) && text.length <= 40 && !/\d+(?:\.\d+)?万元/.test(text)) return 2;
  if (md && text.length <= 60 && !/\d+(?:\.\d+)?万元/.test(text) && topicOf(text)) return 3;
  // Unnumbered headings of a text layer ("2026年部门预算编制说明", "其他相关情况说明").
  if (text.length <= 30 && !/[,，。;；:：、]/.test(text) && /(?:说明|情况|概况|职能|解释|机构设置)$/.test(text) && !/^\d+(?!\d{0,3}年)/.test(text)) return 1;
  return null;
}

/** Finds every heading; a section's body runs to the next heading. */
export function segment(doc: Doc): Section[] {
  const heads: { line: number; level: number; title: string }[] = [];
  for (const l of doc.lines) {
    if (l.norm.includes('\t')) continue;
    const text = cleanHeading(l.norm);
    const level = headingLevel(text, l.norm);
    if (level != null) heads.push({ line: l.no, level, title: text });
  }
  const sections: Section[] = [];
  const stack: Section[] = [];
  for (let i = 0; i < heads.length; i++) {
    const h = heads[i];
    const next = heads[i + 1];
    while (stack.length && stack[stack.length - 1].level >= h.level) stack.pop();
    const own = topicOf(h.title);
    // A sub-heading without a topic of its own ("（一）总体情况") belongs to its parent's topic.
    const parent = stack.length ? stack[stack.length - 1] : null;
    const topic = own ?? (parent && h.level > parent.level ? parent.topic : null);
    const s: Section = {
      title: h.title, level: h.level, topic,
      from: h.line + 1, to: next ? next.line - 1 : doc.lines.length, headingLine: h.line,
    };
    sections.push(s);
    stack.push(s);
  }
  return sections;
}
