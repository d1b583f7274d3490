// projects.ts: 项目支出绩效自评表 (final accounts) and 项目支出绩效目标表 (budgets) of whole seeds.
import { describe, expect, it } from 'vitest';
import { makeDoc } from '../../src/lib/extract/document.ts';
import { findProjectTables, readProjects } from '../../src/lib/extract/projects.ts';
import { segment } from '../../src/lib/extract/sections.ts';
import type { Project } from '../../src/lib/extract/types.ts';
import { SEED_IDS, gold, seedLines, seedText, type SeedId } from './seed-data.ts';

function projectsOf(id: SeedId): Project[] {
  const doc = makeDoc(seedText(id));
  return readProjects(doc, segment(doc));
}
/** The spec v1 fields of a project (indicators, money rows, execution points and provenance left out). */
const fields = (p: Project) => {
  const { indicators: _i, source: _s, funds: _f, execution: _e, ...rest } = p;
  return rest;
};

describe('readProjects on every seed: count, first and last project', () => {
  it.each(SEED_IDS)('seed %s', (id) => {
    const got = projectsOf(id);
    const want = gold(id).projects;
    expect(got).toHaveLength(want.length);
    expect(fields(got[0])).toEqual(want[0]);
    expect(fields(got[got.length - 1])).toEqual(want[want.length - 1]);
  });

  it('seed 000: the nine self-evaluation tables in document order, with their stated scores', () => {
    expect(projectsOf('000').map((p) => [p.name, p.score, p.indicator_count])).toEqual([
      ['2018年度评选群众满意好班子', 94.375, 9],
      ['2019年“访惠聚”驻村工作经费（为民办实事经费）', 99.625, 12],
      ['保密经费', 100, 8],
      ['代理记账费', 100, 8],
      ['机房设备及精密空调维护费', 100, 8],
      ['网络舆情监测和网信专线通讯费', 100, 7],
      ['乌财预〔2019〕30号——2019访惠聚驻村工作经费', 100, 7],
      ['政府网站升级改版经费', 0, 8],
      ['政府网站运行维护费', 100, 8],
    ]);
  });

  it('seed 001: 全年执行数 822.4147 is kept with its four printed decimals (附表 4, line 290)', () => {
    expect(seedLines('001', 290)).toContain('年度资金总额\t988\t837.04\t822.4147\t10\t98.25%');
    const p = projectsOf('001')[2];
    expect(fields(p)).toEqual(gold('001').projects[2]);
    expect(p.executed).toBe(822.4147);
  });
});

describe('indicator rows of seed 000 (one cell per line)', () => {
  const [first, second] = projectsOf('000');

  it('2018年度评选群众满意好班子: 年初预算数 0.00, 全年预算数 0.80, 执行率 100.00% (lines 113–118)', () => {
    expect(seedLines('000', 113, 118)).toBe('\t年度资金总额\n\t0.00\n\t0.80\n\t0.80\n\t10\n\t100.00%');
    expect(fields(first)).toEqual({
      name: '2018年度评选群众满意好班子',
      budget_initial: 0,
      budget_full_year: 0.8,
      executed: 0.8,
      exec_rate: 100,
      score: 94.375,
      indicator_count: 9,
    });
  });

  it('the first indicator carries its levels: 产出指标 / 数量指标 / 宣传教育活动数量 6 6 8.004 8.004 (lines 177–184)', () => {
    expect(seedLines('000', 177, 184)).toBe('\t年度绩效指标完成情况\n\t产出指标\n\t数量指标\n\t宣传教育活动数量\n\t6\n\t6\n\t8.004\n\t8.004');
    expect(first.indicators![0]).toMatchObject({
      level1: '产出指标',
      level2: '数量指标',
      level3: '宣传教育活动数量',
      target: '6',
      actual: '6',
      weight: 8.004,
      score: 8.004,
    });
    expect(first.indicators![0].source).toMatchObject({ line: 177 });
  });

  it('a range target and a partial score: 覆盖人数 6~17 / 12; 及时拨付经费 26000 / 8415, 7.98 → 2.58', () => {
    expect(first.indicators![2]).toMatchObject({ level3: '覆盖人数', target: '6~17', actual: '12', weight: 8.004, score: 8.004 });
    expect(seedLines('000', 235, 239)).toBe('\t及时拨付经费\n\t26000\n\t8415\n\t7.98\n\t2.58');
    expect(first.indicators![5]).toMatchObject({ level2: '成本指标', level3: '及时拨付经费', target: '26000', actual: '8415', weight: 7.98, score: 2.58 });
  });

  it('empty 经济效益指标 / 生态效益指标 rows are not indicators; 满意度 closes the list', () => {
    expect(first.indicators!.map((i) => i.level3)).toEqual([
      '宣传教育活动数量',
      '民族团结活动',
      '覆盖人数',
      '保质保量完成团结活动',
      '经费拨付及时率',
      '及时拨付经费',
      '增进干部对亲戚的了解',
      '持续增进干部对亲戚的了解',
      '群众满意度',
    ]);
    expect(first.indicators![8]).toMatchObject({ level1: '满意度指标', level2: '服务对象满意度指标', target: '90%', actual: '90%', weight: 10, score: 10 });
  });

  it('2019年“访惠聚”… 成本指标: “访惠聚”工作经费 170000 / 159899, 6 → 5.64', () => {
    expect(second.indicators!.find((i) => i.level2 === '成本指标')).toMatchObject({
      level3: '“访惠聚”工作经费',
      target: '170000',
      actual: '159899',
      weight: 6,
      score: 5.64,
    });
  });
});

describe('项目支出绩效目标表 of the budget document (seed 003)', () => {
  const doc = makeDoc(seedText('003'));
  const projects = readProjects(doc, segment(doc));

  it('finds the three target tables at lines 451, 471 and 495', () => {
    expect(findProjectTables(doc, segment(doc))).toEqual([
      { from: 451, to: 470, kind: 'target' },
      { from: 471, to: 494, kind: 'target' },
      { from: 495, to: 516, kind: 'target' },
    ]);
  });

  it('reads 年度资金总额 as budget, no final-account fields and no score', () => {
    expect(projects.map(fields)).toEqual([
      { name: '网络维护费', budget: 212.75, indicator_count: 12 },
      { name: '信息化建设项目', budget: 228, indicator_count: 14 },
      { name: '网信专项经费', budget: 69.56, indicator_count: 10 },
    ]);
    expect(projects.map(fields)).toEqual(gold('003').projects);
  });

  it('indicator rows carry levels and 指标值: 项目完成指标 / 成本指标 / 考核扣款率 =100%', () => {
    expect(seedLines('003', 457)).toBe('项目完成指标\t成本指标\t考核扣款率\t\t\t=100%\t');
    expect(projects[0].indicators![0]).toMatchObject({ level1: '项目完成指标', level2: '成本指标', level3: '考核扣款率', target: '=100%' });
    expect(projects[0].indicators![2]).toMatchObject({ level2: '数量指标', level3: '光纤链路租赁条数', target: '170 条' });
  });

  it('the last row of 信息化建设项目 prints its target in LaTeX ($\\geq 95\\%$): read as ≥95%', () => {
    expect(seedLines('003', 492)).toBe('满意度指标\t满意度指标\t用户使用满意度\t$\\geq 95\\%$');
    const last = projects[1].indicators![projects[1].indicators!.length - 1];
    expect(last).toMatchObject({ level3: '用户使用满意度', target: '≥95%' });
  });
});

describe('money rows and execution points (for the consistency checks)', () => {
  it('seed 004 供热改造: 其中：当年财政拨款 全年执行数 33.003 under a total of 333.00 (lines 329–330)', () => {
    const p = readProjects(makeDoc(seedText('004')), segment(makeDoc(seedText('004')))).find((x) => x.name.startsWith('华电新疆发电有限公司乌鲁木齐分公司供热改造'))!;
    expect(p.funds!.find((r) => r.label === 'total')).toMatchObject({ budget_initial: 0, budget_full_year: 333, executed: 333 });
    expect(p.funds!.find((r) => r.label === 'current')).toMatchObject({ budget_initial: 0, budget_full_year: 333, executed: 33.003 });
    expect(p.funds!.find((r) => r.label === 'current')!.source!.line).toBe(330);
  });

  it('seed 004 红雁池: the row whose label is printed as 0.00 is read as 当年财政拨款, in the total’s columns', () => {
    const p = readProjects(makeDoc(seedText('004')), segment(makeDoc(seedText('004')))).find((x) => x.name.startsWith('华电新疆发电有限公司红雁池'))!;
    expect(p.funds!.find((r) => r.label === 'current')).toMatchObject({ printed: '0.00', budget_initial: 0, budget_full_year: 102.64, executed: 102.64 });
  });

  it('seed 004 信息化项目专家评审费: the 年度资金总额 row prints 分值 10 and 得分 100分 (line 237)', () => {
    const p = readProjects(makeDoc(seedText('004')), segment(makeDoc(seedText('004')))).find((x) => x.name === '信息化项目专家评审费')!;
    expect(p.execution).toEqual({ weight: 10, score: 100 });
  });
});
