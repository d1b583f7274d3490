// Facts stated in sentences: "本年收入353.89万元，与上年相比，增加52.72万元，增长17.51%".
// A section's prose is joined into one compact string (no whitespace, so numbers and
// labels broken across lines or pages come back together); labels split it into
// segments and each segment is read as: value, budget/final pairs, change, rate.
import type { Doc } from './document.ts';
import { spanSource } from './document.ts';
import { topicOf, type Section, type Topic } from './sections.ts';
import { RULES, isStateKey, type LabelRule } from './labels.ts';
import { NUM, changeSign, compact, toWan } from './text.ts';
import type { Basis, Conflict, Fact } from './types.ts';

export interface Block {
  text: string;
  /** Source offset of each compact character. */
  map: number[];
}

/** A line belongs to a table, not to prose, when it has cell separators. */
export function isTableLine(norm: string): boolean {
  if (norm.includes('\t')) return true;
  if ((norm.match(/\|/g) ?? []).length >= 2) return true;
  return /<t[dr][\s>]/i.test(norm);
}

/** The source characters behind a compact span (whitespace dropped): names as printed. */
export function printedSpan(doc: Doc, block: Block, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to && i < block.map.length; i++) out += doc.raw[block.map[i]];
  return out;
}

/** The prose of a section as one compact block. */
export function proseBlock(doc: Doc, from: number, to: number): Block {
  const parts: string[] = [];
  // One map for the whole block, each line's offsets appended to it.
  const map: number[] = [];
  for (let n = from; n <= to && n <= doc.lines.length; n++) {
    const l = doc.lines[n - 1];
    if (isTableLine(l.norm)) continue;
    const line = /[*_<]/.test(l.norm) ? l.norm.replace(/\*\*|__|<\/?[a-z][^>]*>/gi, (m) => ' '.repeat(m.length)) : l.norm;
    parts.push(compact(line, l.start, map).text);
  }
  return { text: parts.join(''), map };
}

// "0.00 万（含…）": a bare 万 before a bracket or a stop is 万元 too.
const MONEY_UNITS = '万元|亿元|千元|元|万(?=[(),;。])';
const COUNT_UNITS = '人次|批次|台\\(套\\)|台套|人|名|辆|个|台|套|次|项|家';
const AREA_UNITS = '\\(?平方米\\)?|平米|㎡|m2';
const UNITS = `${MONEY_UNITS}|${AREA_UNITS}|${COUNT_UNITS}|%`;
const STOP = '(?!增加|减少|增长|下降|降低|上升|相比|比上年|较上年|同比|占|差异|其中|价值)';
const VALUE_RE = new RegExp(`^((?:${STOP}[^0-9。;])*?)(${NUM})(${UNITS})`);
const MAX_FILLER = 16;
const CHANGE_RE = new RegExp(
  `(?:与上年(?:度)?(?:同期)?(?:决算|执行|预算)?(?:数)?相比|比上年(?:度)?(?:同期)?(?:决算|执行|预算)?(?:数)?|较上年(?:度)?(?:决算|执行|预算)?(?:数)?|同比|比)?[,:]?(增加|减少|增长|下降|降低|上升)(?:了)?(${NUM})(${MONEY_UNITS}|人|名|辆|个|台\\(套\\)|台)`,
);
const PCT_RE = new RegExp(`(增长|下降|降低|减少|增加|上升)(?:了|为)?(${NUM})%`);
const PCT_ALL = new RegExp(PCT_RE.source, 'g');
const CHANGE_ALL = new RegExp(CHANGE_RE.source, 'g');
const PAIR_RE = new RegExp(`(年初预算(?:数)?|全年预算(?:数)?|(?<!上年)预算(?:数)?|决算(?:数)?|执行数)(?:为|是)?(${NUM})(${MONEY_UNITS})`, 'g');
const EXTRA_COUNT_RE = new RegExp(`^[,、和及]?(${NUM})(${COUNT_UNITS})`);
const VALUE2_RE = new RegExp(`^[,、;]?(?:价值|账面价值|原值|涉及资金|资金|金额)(?:为|共)?(${NUM})(${MONEY_UNITS})`);
/** Counts a label may state further on in its sentence ("接待3批次，30人次"). */
const LATE_COUNT_UNITS = new Set(['批次', '人次', '个']);
/** A comparison with the budget, not with the previous year ("比年初预算减少"). */
const BUDGET_CMP = /(?:比|较|与)(?:年初|全年|调整)?预算(?:数)?(?:相比)?[,:]?$/;
const CONTEXT_RE = /与(年初|全年)?预算(?:数)?(?:相比|对比|比较)/g;

/**
 * What a label's figures may be read from: its own sentence, and the next one only when that
 * one opens with the comparison ("。与上年相比，增加…").
 */
function sentenceOf(rest: string): string {
  const stop = rest.indexOf('。');
  if (stop < 0) return rest;
  const next = rest.slice(stop + 1);
  if (/^(?:与上年(?:度)?相比|比上年|较上年|与\d{4}年(?:度)?相比|[比较]\d{4}年|同比)/.test(next)) {
    const stop2 = next.indexOf('。');
    return rest.slice(0, stop + 1 + (stop2 < 0 ? next.length : stop2));
  }
  return rest.slice(0, stop);
}

const PLAN = /安排购置|拟购置|计划购置|预算安排.{0,6}购置/;

/** The part of the sentence before a position. */
function sentenceBefore(text: string, at: number): string {
  const start = Math.max(text.lastIndexOf('。', at - 1), text.lastIndexOf(';', at - 1)) + 1;
  const clause = text.slice(start, at);
  // A reason given in passing ("主要原因是2019年车辆经费…") is not the sentence's subject year.
  return clause.replace(/(?:主要)?原因(?:是|为)?[:：]?.*$/, '');
}
function sentenceEndAt(text: string, at: number): number {
  const b = text.indexOf('。', at);
  return b < 0 ? text.length : b;
}
/** A year other than the document's opens the sentence (comparisons "比2017年" excepted). */
function otherYear(before: string, year: number): boolean {
  for (const m of before.matchAll(/(?<![比较与同于至截止])(20\d{2}|19\d{2})年/g)) if (Number(m[1]) !== year) return true;
  return false;
}
function sentenceAround(text: string, at: number): string {
  const a = text.lastIndexOf('。', at) + 1;
  const b = text.indexOf('。', at);
  return text.slice(a, b < 0 ? text.length : b);
}

interface Compiled {
  rules: LabelRule[];
  any: RegExp;
  each: RegExp[];
}
const compiled = new Map<Topic, Compiled>();
function compile(topic: Topic): Compiled | null {
  const rules = RULES[topic];
  if (!rules) return null;
  let c = compiled.get(topic);
  if (!c) {
    c = {
      rules,
      any: new RegExp(rules.map((r) => `(?:${r.label})`).join('|'), 'g'),
      each: rules.map((r) => new RegExp(`(?:${r.label})`, 'y')),
    };
    compiled.set(topic, c);
  }
  return c;
}

interface LabelHit {
  rule: LabelRule;
  start: number;
  end: number;
}

/** Every label occurrence, longest rule at each position, left to right without overlap. */
function findLabels(text: string, c: Compiled): LabelHit[] {
  const hits: LabelHit[] = [];
  c.any.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = c.any.exec(text))) {
    const at = m.index;
    let best: LabelHit | null = null;
    c.each.forEach((re, i) => {
      re.lastIndex = at;
      const mm = re.exec(text);
      if (mm && mm[0].length && (!best || mm[0].length > best.end - best.start)) best = { rule: c.rules[i], start: at, end: at + mm[0].length };
    });
    if (!best) {
      c.any.lastIndex = at + 1;
      continue;
    }
    // A label right after another qualifies it ("“三公”经费" + "财政拨款支出预算为44.52万元"):
    // the first names the figure, the second is part of its wording.
    const prev = hits[hits.length - 1];
    if (prev && prev.end === (best as LabelHit).start && (prev.rule.money || prev.rule.count)) {
      c.any.lastIndex = (best as LabelHit).end;
      continue;
    }
    hits.push(best);
    c.any.lastIndex = (best as LabelHit).end;
  }
  return hits;
}

export interface FactHit extends Fact {
  /** Compact-text span, for provenance. */
  from: number;
  to: number;
}

const moneyKeys = (r: LabelRule): string[] => (r.money == null ? [] : Array.isArray(r.money) ? r.money : [r.money]);
const MONEY_UNIT_RE = new RegExp(`^(?:${MONEY_UNITS})$`);
const AREA_UNIT_RE = new RegExp(`^(?:${AREA_UNITS})$`);
const isMoney = (u: string) => MONEY_UNIT_RE.test(u);
const isArea = (u: string) => AREA_UNIT_RE.test(u);
/** Late counts per unit ("其中：接待批次1次、接待15人次"), compiled once. */
const lateCountRes = new Map<string, RegExp>();
function lateCountRe(unit: string): RegExp {
  let re = lateCountRes.get(unit);
  if (!re) {
    const u = unit.replace(/[()]/g, '\\$&');
    lateCountRes.set(unit, (re = new RegExp(`(?<![\\d.])(${NUM})${u}|${u}(?:为|共)?(${NUM})次`, 'g')));
  }
  return re;
}
const AMOUNT_RE = new RegExp(`(?:${NUM})(?:万元|元|亿元)`);
const countKey = (r: LabelRule, unit: string): string | undefined => r.count?.[unit] ?? (unit === '台套' ? r.count?.['台(套)'] : undefined);

function basisFromWords(words: string, kind: 'final' | 'budget', context: Basis | null): Basis | null {
  if (/年初预算/.test(words)) return 'budget_initial';
  if (/全年预算/.test(words)) return 'budget_full_year';
  if (/决算|执行数/.test(words)) return 'actual';
  if (/预算/.test(words)) return kind === 'budget' ? 'budget' : context ?? 'budget_initial';
  return null;
}

/** Every key a rule can give, once per rule (the rules are fixed; a document meets them many times). */
const keysOfRule = new Map<LabelRule, string[]>();
function ruleKeys(r: LabelRule): string[] {
  let keys = keysOfRule.get(r);
  if (!keys) keysOfRule.set(r, (keys = [...(Array.isArray(r.money) ? r.money : r.money ? [r.money] : []), ...Object.values(r.count ?? {}), r.area ?? ''].filter(Boolean)));
  return keys;
}

/** Reads the facts of one block of prose under the rules of its topic. */
export function readFacts(block: Block, topic: Topic, kind: 'final' | 'budget', year: number | null = null): FactHit[] {
  const c = compile(topic);
  if (!c) return [];
  const text = block.text;
  const contexts: { at: number; basis: Basis }[] = [];
  for (const m of text.matchAll(CONTEXT_RE)) contexts.push({ at: m.index!, basis: m[1] === '全年' ? 'budget_full_year' : 'budget_initial' });
  const hits = findLabels(text, c);
  const out: FactHit[] = [];
  const defaultBasis: Basis = kind === 'budget' ? 'budget' : 'actual';
  // A budget basis named once in a sentence ("预算为20万元，其中：因公出国（境）费0万元…")
  // holds for the items that follow in that sentence.
  let carried: { basis: Basis; until: number } | null = null;
  hits.forEach((h, i) => {
    // A sentence about what the budget plans to buy states no stock of assets.
    if (topic === 'assets' && !h.rule.count?.['辆']?.startsWith('sangong') && PLAN.test(sentenceAround(text, h.start))) return;
    // A sentence about another year ("2021年“三公”经费实际支出20.12万元" in a 2022 budget)
    // states no figure of this document's year; state figures (staff, assets) are exempt.
    const keys = ruleKeys(h.rule);
    if (year && keys.length && !keys.every(isStateKey) && otherYear(sentenceBefore(text, h.start), year)) return;
    const segEnd = i + 1 < hits.length ? hits[i + 1].start : text.length;
    const seg = text.slice(h.end, segEnd);
    let ctx: Basis | null = null;
    for (const x of contexts) if (x.at <= h.start) ctx = x.basis;
    const push = (key: string, basis: Basis, value: number, a: number, b: number) => {
      const finalBasis: Basis = isStateKey(key) && (basis === 'budget') ? 'actual' : basis;
      out.push({ key, basis: finalBasis, value, from: h.start, to: h.end + b });
      void a;
    };
    const r = h.rule;
    let pos = 0;
    let primaryBasis: Basis = r.basis ?? defaultBasis;
    let unitKind: 'money' | 'count' | 'area' | null = null;
    const vm = VALUE_RE.exec(seg);
    if (vm && vm[1].length <= MAX_FILLER) {
      const value = Number(vm[2].replace(/,/g, ''));
      const unit = vm[3];
      const named = basisFromWords(vm[1], kind, ctx);
      const inherited = carried && h.start < carried.until ? carried.basis : null;
      const b = r.basis ?? named ?? inherited ?? defaultBasis;
      if (named && named !== 'actual' && named !== defaultBasis) carried = { basis: named, until: sentenceEndAt(text, h.start) };
      primaryBasis = b;
      pos = vm[0].length;
      if (isMoney(unit) && moneyKeys(r).length) {
        unitKind = 'money';
        for (const k of moneyKeys(r)) push(k, b, toWan(value, unit), 0, pos);
      } else if (isArea(unit) && r.area) {
        unitKind = 'area';
        push(r.area, 'actual', value, 0, pos);
      } else if (countKey(r, unit)) {
        unitKind = 'count';
        push(countKey(r, unit)!, isStateKey(countKey(r, unit)!) ? 'actual' : b, Math.round(value), 0, pos);
        // "国内公务接待0批次，0人次": further counts in other units for the same label.
        let rest = seg.slice(pos);
        let em: RegExpExecArray | null;
        while ((em = EXTRA_COUNT_RE.exec(rest)) && countKey(r, em[2]) && countKey(r, em[2]) !== countKey(r, unit)) {
          pos += em[0].length;
          push(countKey(r, em[2])!, b, Math.round(Number(em[1].replace(/,/g, ''))), 0, pos);
          rest = seg.slice(pos);
        }
      }
      if (r.value) {
        const v2 = VALUE2_RE.exec(seg.slice(pos));
        if (v2) {
          pos += v2[0].length;
          push(r.value, 'actual', toWan(Number(v2[1].replace(/,/g, '')), v2[2]), 0, pos);
        }
      }
    }
    const rest = sentenceOf(seg.slice(pos));
    if (r.count) {
      // Counts stated further on ("其中：接待批次1次、接待15人次"), within the label's segment;
      // foreign guests (外宾) are another count.
      const have = new Set(out.filter((f) => f.from === h.start).map((f) => f.key));
      const tail = seg.slice(pos);
      for (const [unit, key] of Object.entries(r.count)) {
        if (!LATE_COUNT_UNITS.has(unit) || have.has(key)) continue;
        for (const lm of tail.matchAll(lateCountRe(unit))) {
          if (/外宾/.test(tail.slice(Math.max(0, lm.index! - 6), lm.index!))) continue;
          push(key, isStateKey(key) ? 'actual' : primaryBasis, Math.round(Number((lm[1] ?? lm[2]).replace(/,/g, ''))), 0, pos + lm.index! + lm[0].length);
          have.add(key);
          break;
        }
      }
    }
    // Budget/final pairs: "年初预算数262.47万元，决算数351.51万元".
    if (moneyKeys(r).length && kind === 'final') {
      PAIR_RE.lastIndex = 0;
      let pm: RegExpExecArray | null;
      while ((pm = PAIR_RE.exec(rest))) {
        const b = basisFromWords(pm[1], kind, ctx);
        if (b) for (const k of moneyKeys(r)) push(k, b, toWan(Number(pm[2].replace(/,/g, '')), pm[3]), 0, pos + pm.index + pm[0].length);
      }
    }
    // Change against the previous year: only for the label's own statement, not a budget comparison.
    if (primaryBasis === 'budget_initial' || primaryBasis === 'budget_full_year') return;
    // The first change against last year; comparisons with the budget ("较年初预算数减少10.93万元")
    // are passed over, with the rate that follows them.
    let cm: RegExpExecArray | null = null;
    const budgetCmpEnds: number[] = [];
    for (const m of rest.matchAll(CHANGE_ALL)) {
      if (BUDGET_CMP.test(rest.slice(Math.max(0, m.index! - 12), m.index! + m[0].indexOf(m[1]!)))) {
        budgetCmpEnds.push(m.index! + m[0].length);
        continue;
      }
      cm = m as RegExpExecArray;
      break;
    }
    if (cm) {
      const unit = cm[3];
      const signed = changeSign(cm[1]) * Number(cm[2].replace(/,/g, ''));
      if (isMoney(unit) && moneyKeys(r).length && unitKind !== 'count' && unitKind !== 'area') {
        for (const k of moneyKeys(r)) push(k, 'prior_change', toWan(signed, unit), 0, pos + cm.index + cm[0].length);
      } else if (!isMoney(unit) && countKey(r, unit)) {
        push(countKey(r, unit)!, 'prior_change', signed, 0, pos + cm.index + cm[0].length);
      }
    }
    // The rate after a comparison with the budget ("比年初预算减少8.25万元，降低49.21%") is not a change on last year.
    const pcm = [...rest.matchAll(PCT_ALL)].find((p) => !budgetCmpEnds.some((e) => p.index! >= e && p.index! - e <= 4)) ?? null;
    if (pcm && (unitKind === 'money' || (unitKind === null && cm && moneyKeys(r).length))) {
      const signed = changeSign(pcm[1]) * Number(pcm[2].replace(/,/g, ''));
      for (const k of moneyKeys(r)) push(k, 'prior_pct', signed, 0, pos + pcm.index + pcm[0].length);
    }
  });
  return out;
}

const PARA_START = /^\s*(?:[(（]?[一二三四五六七八九十\d]+[)）、.．](?!\d)|第[一二三四五六七八九十]+[、，,])/;

/**
 * The blocks of prose to read and the rules for each, paragraph by paragraph. A paragraph
 * whose opening words name a topic ("1.机关运行经费情况。…", "一、全口径预算安排2017三公经费…")
 * is read under that topic; the others under their section's topic, or under the labels that
 * mean the same everywhere when the section is about several things or has no heading.
 */
function topicBlocks(doc: Doc, s: Section): { block: Block; topic: Topic }[] {
  const describes = /主要职能|职能职责|部门职责|单位概况|基本情况|机构设置/.test(s.title);
  if (s.topic && !RULES[s.topic] && s.topic !== 'general' && s.topic !== 'other') return [];
  const paras: [number, number][] = [];
  for (let n = s.from; n <= s.to && n <= doc.lines.length; n++) {
    const t = doc.lines[n - 1].norm;
    if (!t.trim() || isTableLine(t)) continue;
    const prev = paras[paras.length - 1];
    // A paragraph opens with a list mark or after a full stop; wrapped lines continue it.
    if (!prev || PARA_START.test(t) || /。\s*$/.test(doc.lines[prev[1] - 1].norm)) paras.push([n, n]);
    else prev[1] = n;
  }
  const loose = !s.topic || s.topic === 'general' || s.topic === 'other';
  const out: { block: Block; topic: Topic }[] = [];
  for (const [a, b] of paras) {
    const block = proseBlock(doc, a, b);
    if (!block.text) continue;
    const head = block.text.replace(/^[(（]?[一二三四五六七八九十\d]+[)）、.．](?!\d)/, '').split(/[。:,;]/, 1)[0]!;
    // A heading-like opening names the paragraph's topic; one that states an amount only
    // where the section itself names none.
    const listed = PARA_START.test(doc.lines[a - 1].norm);
    const named = head.length <= 30 && (!/\d(?:万元|元)/.test(head) || (loose && listed)) ? topicOf(head) : null;
    let topic: Topic | null = named && RULES[named] && named !== 'general' ? named : null;
    if (!topic) topic = loose ? (describes ? 'staff' : 'general') : s.topic;
    if (topic && RULES[topic]) out.push({ block, topic });
  }
  return out;
}

/** The lines before the first heading (pages without headings, notes on one topic). */
function preamble(doc: Doc, sections: Section[]): Section | null {
  const first = sections.length ? sections[0].headingLine : doc.lines.length + 1;
  return first > 1 ? { title: '', level: 0, topic: null, from: 1, to: first - 1, headingLine: 0 } : null;
}

/** Facts from every section's prose, first statement of each key and basis kept. */
export function narrativeFacts(doc: Doc, sections: Section[], kind: 'final' | 'budget', year: number | null = null): { facts: Fact[]; conflicts: string[]; twice: Conflict[] } {
  const facts: Fact[] = [];
  const seen = new Map<string, Fact>();
  const conflicts: string[] = [];
  const twice: Conflict[] = [];
  const pre = preamble(doc, sections);
  for (const s of pre ? [pre, ...sections] : sections) {
    let amounts = false;
    let placed = false;
    for (const { block, topic } of topicBlocks(doc, s)) {
    const found = readFacts(block, topic, kind, year);
    // Amounts of function lines (…（项）… or 7-digit codes) are placed as lines, not facts.
    const lineAmounts = /\((?:类|项)\)|(?<!\d)2\d{6}(?!\d)/.test(block.text);
    if (found.length || lineAmounts) placed = true;
    else if (topic !== 'general' && AMOUNT_RE.test(block.text)) amounts = true;
    for (const f of found) {
      const id = `${f.key}@${f.basis}`;
      const src = spanSource(doc, block.map[f.from], block.map[Math.min(f.to, block.map.length) - 1] + 1);
      const prev = seen.get(id);
      if (prev) {
        if (Math.abs(prev.value - f.value) > 0.005) {
          conflicts.push(`${id}: ${prev.value} (line ${prev.source?.line}) and ${f.value} (line ${src.line}) stated; the first is recorded`);
          twice.push({ key: f.key, basis: f.basis, recorded: { value: prev.value, source: prev.source }, other: { value: f.value, source: src }, origin: 'text' });
        }
        continue;
      }
      const fact: Fact = { key: f.key, basis: f.basis, value: f.value, source: src };
      seen.set(id, fact);
      facts.push(fact);
    }
    }
    if (amounts && !placed && s.title) conflicts.push(`section ${s.title} (line ${s.headingLine}) states amounts but none was placed`);
  }
  return { facts, conflicts, twice };
}
