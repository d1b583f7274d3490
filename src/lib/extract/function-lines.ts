// Function lines stated in prose: "2013150事业运行7.54万元" and lines named in words,
// "一般公共服务支出（类）网信事务（款）行政运行（项）…支出决算数为5万元".
import type { Doc } from './document.ts';
import { spanSource } from './document.ts';
import { resolveNamePath } from './catalogue.ts';
import { printedSpan, proseBlock } from './narrative.ts';
import { resolveInDoc } from './tables.ts';
import type { Section } from './sections.ts';
import { NUM, toWan } from './text.ts';
import type { FunctionLine } from './types.ts';

const CODED = new RegExp(`(?<![\\d.])(2\\d{6})(?![\\d.])([^\\d;。,:%]{1,40}?)(${NUM})(万元|亿元|元)`, 'g');
const NAME = String.raw`(?:[\u4e00-\u9fffA-Za-z“”、·]|\((?![类款项]\))[^()]{1,10}\))+`;
const WORDS = new RegExp(`(${NAME})\\(类\\)(?:(${NAME})\\(款\\))?(${NAME})\\(项\\)`, 'g');
const AMOUNT = new RegExp(`(${NUM})(万元|亿元|元)`);
const FINAL_AMOUNT = new RegExp(`(?:支出)?决算(?:数)?(?:为|是)?(${NUM})(万元|亿元|元)`);
const BUDGET_AMOUNT = new RegExp(`预算(?:数)?(?:为|是)?(${NUM})(万元|亿元|元)`);

function strip(s: string): string {
  return s.replace(/^[\d.、,:]+/, '').replace(/^(?:其中|包括|主要用于)[:]?/, '');
}

/** The 类 and 款 a prose line named, kept beside the line for matching it to a table row. */
export const namedPath = new WeakMap<FunctionLine, { lei: string; kuan: string | null }>();

export function proseFunctionLines(doc: Doc, sections: Section[], kind: 'final' | 'budget', docNames?: Map<string, string>): FunctionLine[] {
  const out: FunctionLine[] = [];
  for (const s of sections) {
    if (s.topic !== 'gpb' && s.topic !== 'govfund' && s.topic !== 'functions') continue;
    const fund = s.topic === 'govfund' ? 'govfund' : undefined;
    const b = proseBlock(doc, s.from, s.to);
    const src = (a: number, z: number) => spanSource(doc, b.map[a], b.map[Math.min(z, b.map.length) - 1] + 1);
    // Names as printed (full-width brackets kept); the match ran on normalised text of the same length.
    const printed = (at: number, text: string) => {
      const k = b.text.indexOf(text, at);
      return k < 0 ? text : printedSpan(doc, b, k, k + text.length);
    };
    for (const m of b.text.matchAll(CODED)) {
      const name = strip(m[2]);
      const line: FunctionLine = { code: m[1], name: printed(m.index! + 7, name), amount: toWan(Number(m[3].replace(/,/g, '')), m[4]) };
      if (fund) line.fund = fund;
      line.source = src(m.index!, m.index! + m[0].length);
      out.push(line);
    }
    const words = [...b.text.matchAll(WORDS)];
    words.forEach((m, i) => {
      const end = i + 1 < words.length ? words[i + 1].index! : b.text.length;
      const after = b.text.slice(m.index! + m[0].length, end);
      // The statement may quote the budget before the executed figure: take the one the document kind reports.
      const am = (kind === 'final' ? FINAL_AMOUNT.exec(after) : BUDGET_AMOUNT.exec(after)) ?? AMOUNT.exec(after);
      if (!am) return;
      const lei = strip(m[1]);
      const kuan = m[2] ? strip(m[2]) : null;
      const xiang = strip(m[3]);
      const line: FunctionLine = { code: null, name: printed(m.index! + m[0].length - m[3].length - 3, xiang), amount: toWan(Number(am[1].replace(/,/g, '')), am[2]) };
      // The document's own tables know its codes best; the national catalogue is the fallback.
      const code = (docNames && resolveInDoc(docNames, lei, kuan, xiang)) ?? resolveNamePath(lei, kuan, xiang);
      if (code) line.catalogue_code = code;
      if (fund) line.fund = fund;
      line.source = src(m.index!, m.index! + m[0].length + am.index + am[0].length);
      namedPath.set(line, { lei, kuan });
      line.lei_name = lei;
      if (kuan) line.kuan_name = kuan;
      out.push(line);
    });
  }
  out.sort((a, b) => (a.source!.line - b.source!.line));
  return out;
}
