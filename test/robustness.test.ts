// The extractor must take any text without throwing and always return a well-formed record.
// Shape only: extraction values are tested with the extractor itself.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/lib/extract/index.ts';
import { buildLargeText, cutInTable, readSeeds } from '../scripts/lib/seeds.ts';

const seeds = readSeeds();

function expectRecord(r: unknown): void {
  expect(r).toBeTypeOf('object');
  expect(r).not.toBeNull();
  const rec = r as Record<string, unknown>;
  for (const field of ['facts', 'function_lines', 'economic_lines', 'projects', 'summary_projects', 'warnings'])
    expect(Array.isArray(rec[field]), `${field} is an array`).toBe(true);
  expect(() => JSON.stringify(r)).not.toThrow();
}

/** Tokens that real disclosures are made of, so generated text reaches the table parsers. */
const TOKENS = [
  '本年收入', '本年支出', '合计', '收入总计', '支出总计', '年初结转和结余', '年末结转和结余', '财政拨款收入',
  '一般公共预算财政拨款支出', '基本支出', '项目支出', '人员经费', '公用经费', '三公', '“三公”经费',
  '因公出国（境）费', '公务接待费', '政府采购', '机关运行经费', '万元', '元', '平方米', '辆', '人',
  '（类）', '（款）', '（项）', '2013150', '30101', '事业运行', '基本工资',
  '项目支出绩效自评表', '项目支出绩效目标表', '项目名称', '年初预算数', '全年预算数', '全年执行数',
  '执行率', '分值', '得分', '总分', '年度资金总额', '一级指标', '二级指标', '三级指标', '指标值',
  '决算', '预算', '2019年度', '2020年', '部门决算', '新疆维吾尔自治区', '乌鲁木齐市', '水磨沟区',
  '%', '％', '增加', '减少', '增长', '下降', '降低', '，', '。', '：', '；', '、', '（', '）', '(', ')',
  '\t', '\n', '\n\n', ' ', '\u3000', '-', '—', '.', ',', '0', '0.00', '100', '353.89', '8582060.85',
  '１２３．４５', '1,234.56',
];

const tokenText = fc
  .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...TOKENS) }, { weight: 2, arbitrary: fc.stringMatching(/^\d{1,9}(\.\d{1,2})?$/) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) }), { maxLength: 600 })
  .map((parts) => parts.join(''));

/** A window of a real seed with generated tokens spliced in. */
const mutatedSeed = fc
  .tuple(fc.nat({ max: seeds.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), tokenText), { maxLength: 5 }))
  .map(([i, a, b, inserts]) => {
    const text = seeds[i]!.text;
    let s = text.slice(Math.floor(Math.min(a, b) * text.length), Math.ceil(Math.max(a, b) * text.length));
    for (const [at, t] of inserts) {
      const k = Math.floor(at * s.length);
      s = s.slice(0, k) + t + s.slice(k);
    }
    return s;
  });

const neverThrows = (arb: fc.Arbitrary<string>, numRuns: number) =>
  fc.assert(
    fc.property(arb, (text) => expectRecord(extract(text, 'generated.txt'))),
    { numRuns },
  );

describe('extract on arbitrary input', () => {
  it('ASCII strings', () => neverThrows(fc.string({ maxLength: 2000 }), 500));
  it('full-Unicode strings (any code point)', () => neverThrows(fc.string({ unit: 'binary', maxLength: 2000 }), 500));
  it('strings built from disclosure tokens', () => neverThrows(tokenText, 500));
  it('seed windows with tokens spliced in', () => neverThrows(mutatedSeed, 200));

  it('odd but plausible documents', () => {
    for (const text of ['', ' ', '\n', '\t\t\t', '本年收入', '本年收入\t', '\t本年收入\n\t', '项目支出绩效自评表\n', '总分\t100', '%%%%', '\u0000', '\ud800'])
      expectRecord(extract(text, 'odd.txt'));
  });
});

describe('extract on truncated and large input', () => {
  it('takes every seed cut in the middle of a table', () => {
    for (const seed of seeds) {
      const cut = cutInTable(seed.text, seed.text.length / 2);
      expect(cut.length).toBeLessThan(seed.text.length);
      expectRecord(extract(cut, seed.name));
    }
  });

  it('takes 1 MB of concatenated seeds, cut in a table, in one call', () => {
    const text = buildLargeText(seeds.map((s) => s.text));
    const bytes = Buffer.byteLength(text, 'utf8');
    expect(bytes).toBeGreaterThan(900_000);
    const t0 = performance.now();
    const record = extract(text, 'large.txt');
    const ms = performance.now() - t0;
    expectRecord(record);
    // Timing is reported, not asserted: that belongs to the benchmarks (npm run bench).
    console.log(`extract: ${(bytes / 2 ** 20).toFixed(2)} MiB in ${ms.toFixed(1)} ms`);
  });
});
