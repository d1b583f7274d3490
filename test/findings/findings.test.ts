// The checks on the seeds: the real inconsistencies the documents contain are found, with
// their figures and source lines, and consistent totals raise nothing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/lib/extract/index.ts';
import { checkRecord, type Finding } from '../../src/lib/findings/index.ts';
import { SEEDS_DIR } from '../../scripts/lib/seeds.ts';

const FILES: Record<string, string> = {
  '000': '000_8238d9174a1472af.txt',
  '001': '001_7ac38b5792f21f05.txt',
  '002': '002_8ea6cf5e3bc14dc5.txt',
  '003': '003_a39ceae82afd8813.txt',
  '004': '004_70eff566b52b1af5.txt',
};
const cache = new Map<string, Finding[]>();
function findings(id: string): Finding[] {
  if (!cache.has(id)) cache.set(id, checkRecord(extract(readFileSync(`${SEEDS_DIR}/${FILES[id]}`, 'utf8'), FILES[id])));
  return cache.get(id)!;
}
const lines = (f: Finding) => [...new Set(f.figures.map((g) => g.source?.line))].sort((a, b) => a! - b!);

describe('cross-statement', () => {
  it('001: the summary table gives 社会信用信息共享交换平台机房租赁项目 a score of 10.00, its own table 100', () => {
    const f = findings('001').find((x) => x.rule === 'cross.summary_vs_project' && x.subject === '社会信用信息共享交换平台机房租赁项目');
    expect(f).toBeDefined();
    expect(f!.stated).toBe(10);
    expect(f!.expected).toBe(100);
    expect(f!.severity).toBe('high');
    expect(lines(f!)).toEqual([197, 384]);
    expect(f!.figures[0].source!.text).toContain('社会信用信息共享交换平台机房租赁项目');
  });

  it('004: 供热改造项目 states 其中：当年财政拨款 全年执行数 33.003 beside a 333.00 total', () => {
    const f = findings('004').find((x) => x.rule === 'perf.fund_rows' && x.subject.startsWith('华电新疆发电有限公司乌鲁木齐分公司供热改造'));
    expect(f).toBeDefined();
    expect(f!.stated).toBe(333);
    expect(f!.expected).toBe(33.003);
    expect(f!.figures.find((g) => g.label.startsWith('其中：当年财政拨款'))!.source!.line).toBe(330);
  });
});

describe('performance self-evaluation', () => {
  it('001: 自治区互联网+政务服务平台项目建设 scores its satisfaction indicator 0 of 10 while stating 总分 100', () => {
    const f = findings('001').find((x) => x.rule === 'perf.score_sum' && x.subject === '自治区互联网+政务服务平台项目建设');
    expect(f).toBeDefined();
    expect(f!.expected).toBe(90);
    expect(f!.stated).toBe(100);
    const zero = f!.figures.find((g) => g.value === 0 && g.label.includes('满意度'));
    expect(zero!.source!.line).toBe(379);
  });

  it('004: 信息化项目专家评审费 gives its 执行率 row 得分 100 with 分值 10', () => {
    const f = findings('004').find((x) => x.rule === 'perf.exec_points' && x.subject === '信息化项目专家评审费');
    expect(f).toBeDefined();
    expect(f!.stated).toBe(100);
    expect(f!.expected).toBe(10);
    expect(f!.severity).toBe('high');
    expect(f!.figures[2].source!.text).toContain('100分');
  });

  it('000: 2018年度评选群众满意好班子 states 总分 94.375 where its printed scores add to 94.6', () => {
    const f = findings('000').find((x) => x.rule === 'perf.score_sum');
    expect(f!.subject).toBe('2018年度评选群众满意好班子');
    expect(f!.expected).toBe(94.6);
    expect(f!.stated).toBe(94.375);
  });

  it('002: execution points rounded down to one decimal (6.18 printed 6.1) are not findings', () => {
    expect(findings('002').filter((x) => x.rule === 'perf.exec_points')).toEqual([]);
  });
});

describe('arithmetic', () => {
  it('003: 302 07 邮电费 has 小计 3.54 but 公用经费 3.53 (and 30228 工会经费 3.93 / 3.92)', () => {
    const rows = findings('003').filter((x) => x.rule === 'arith.economic_row');
    expect(rows.map((x) => [x.subject, x.stated, x.expected])).toEqual([
      ['30207', 3.54, 3.53],
      ['30228', 3.93, 3.92],
    ]);
    expect(lines(rows[0])).toEqual([238]);
  });

  it('000: the 三公 total 1.29 equals its parts, and no arithmetic identity of a seed fails within rounding', () => {
    expect(findings('000').filter((x) => x.rule === 'arith.sangong_parts')).toEqual([]);
    // 000 income: 351.51 + 2.39 = 353.90 against 353.89 — rounding, not an error.
    expect(findings('000').filter((x) => x.rule === 'arith.income_parts')).toEqual([]);
    for (const id of Object.keys(FILES)) {
      const parts = findings(id).filter((x) => /^arith\.(?:income|expense|sangong|vehicle|basic|procurement)_parts$|^arith\.function_lines_total$/.test(x.rule));
      expect(parts, id).toEqual([]);
    }
  });

  it('001: stated growth rates that the stated amounts cannot give (财政拨款支出 +5735.04 on 18467.77 is 45.04 %, printed 31.05 %)', () => {
    const f = findings('001').find((x) => x.rule === 'arith.change_rate' && x.subject === 'fiscal.expense');
    expect(f!.expected).toBe(45.04);
    expect(f!.stated).toBe(31.05);
  });
});

describe('budget against final', () => {
  it('004: 财政拨款收入总计 2907.62 % above its 年初预算数 is a high finding', () => {
    const f = findings('004').find((x) => x.rule === 'budget.gap_over_100' && x.subject === 'fiscal.income_total@budget_initial');
    expect(f!.stated).toBe(45588.31);
    expect(f!.expected).toBe(1515.76);
  });

  it('no seed spent more on 三公 than budgeted', () => {
    for (const id of Object.keys(FILES)) expect(findings(id).filter((x) => x.rule === 'budget.sangong_over'), id).toEqual([]);
  });
});

describe('procurement', () => {
  it('000: 39.5 万元 all to SMEs, none to small and micro firms, is a low-severity lead', () => {
    const f = findings('000').find((x) => x.rule === 'procurement.sme_all_small_none');
    expect(f!.severity).toBe('low');
    expect(lines(f!)).toEqual([80, 82]);
  });
});
