// The analytic views (src/lib/sql/*.sql) over a snapshot of the seeds, through
// @duckdb/node-api, loaded exactly as the app will load them: base tables as views over the
// Parquet files, then every .sql file in SQL_FILES order. Values are the seeds' real figures.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest } from '../../scripts/lib/ingest/run.ts';
import type { OpenSnapshot } from '../../scripts/lib/sql.ts';
import { openSnapshot, readSql } from '../../scripts/lib/sql.ts';
import { SQL_FILES, viewsIn } from '../../src/lib/sql/index.ts';
import { SEEDS_DIR, SEED_FILES, UNITS_CSV, cleanup, seedFolder, seedSnapshot, tempDir } from '../ingest/helpers.ts';

const WANGXIN = 'u_ccaf1aa47f56277a'; // 水磨沟区网信办, seed 000 (2019 final)
const OFFICE = 'u_953ab05e4982397c'; // 自治区人民政府办公厅（本级）, seed 001 (2019 final)
const SHUIMOGOU_GOV = 'u_b68bc1129cc3e4b5'; // 水磨沟区政府办公室, seed 002 (2020 final)
const DUSHANZI = 'u_1c5000c3cd686568'; // 独山子区网信办, seed 003 (2019 budget)
const INDUSTRY = 'u_cfa08147fbd5dbf2'; // 乌鲁木齐市工信局（本级）, seed 004 (2022 final)

let db: OpenSnapshot;
const q = <T = Record<string, unknown>>(sql: string, params?: (string | number)[]) => db.query<T>(sql, params);

beforeAll(async () => {
  const snap = await seedSnapshot('sql');
  db = await openSnapshot(snap.out);
});
afterAll(() => {
  db?.close();
  cleanup();
});

describe('the SQL files', () => {
  it('document every column of every view they create in their header comment', async () => {
    for (const f of SQL_FILES) {
      const sql = readSql(f);
      const header = sql.split('\n').filter((l) => l.startsWith('--')).join('\n');
      const views = viewsIn(sql);
      expect(views.length, f).toBeGreaterThan(0);
      for (const v of views) {
        expect(header, `${f}: ${v}`).toContain(v);
        const cols = await q<{ column_name: string }>(`DESCRIBE ${v}`);
        for (const c of cols) expect(header, `${f}: ${v}.${c.column_name}`).toMatch(new RegExp(`\\b${c.column_name}\\b`));
      }
    }
  });
});

describe('三公 by year', () => {
  it('has 水磨沟区网信办 2019 = 1.29 against the derived 2018 = 1.52', async () => {
    const rows = await q<Record<string, number | boolean | string | null>>(
      `SELECT fiscal_year, actual, derived, prior_actual, prior_derived, yoy_change, yoy_pct, stated_change, stated_pct, budget, budget_basis, exec_pct, staff, actual_per_staff, source_text
       FROM v_sangong_by_year WHERE unit_id = $1 AND component = 'total' ORDER BY fiscal_year`,
      [WANGXIN],
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ fiscal_year: 2018, actual: 1.52, derived: true, prior_actual: null, budget: null });
    expect(rows[0]!.source_text).toContain('减少0.23');
    expect(rows[1]).toMatchObject({ fiscal_year: 2019, actual: 1.29, derived: false, prior_actual: 1.52, prior_derived: true, yoy_change: -0.23, stated_change: -0.23, stated_pct: -15.01, budget: 3, budget_basis: 'budget_initial', staff: 16 });
    expect(rows[1]!.yoy_pct as number).toBeCloseTo((-0.23 / 1.52) * 100, 6);
    expect(rows[1]!.exec_pct as number).toBeCloseTo(43, 6);
    expect(rows[1]!.actual_per_staff as number).toBeCloseTo(1.29 / 16, 9);
  });

  it('uses the full-year budget where a final account quotes it (seed 004)', async () => {
    const [r] = await q<Record<string, unknown>>(`SELECT actual, budget_full_year, budget, budget_basis, exec_pct FROM v_sangong_by_year WHERE unit_id = $1 AND fiscal_year = 2022 AND component = 'total'`, [INDUSTRY]);
    expect(r).toEqual({ actual: 19.75, budget_full_year: 19.75, budget: 19.75, budget_basis: 'budget_full_year', exec_pct: 100 });
  });

  it('shows a budget document as a planned budget without an actual (seed 003)', async () => {
    const [r] = await q<Record<string, unknown>>(`SELECT actual, derived, budget_planned, budget, budget_basis FROM v_sangong_by_year WHERE unit_id = $1 AND fiscal_year = 2019 AND component = 'total'`, [DUSHANZI]);
    expect(r).toEqual({ actual: null, derived: false, budget_planned: 4.37, budget: 4.37, budget_basis: 'budget' });
  });

  it('gives the running cost per vehicle', async () => {
    const rows = await q<{ unit_id: string; vehicle_operation: number; vehicles_held: number; cost_per_vehicle: number | null }>(
      'SELECT unit_id, vehicle_operation, vehicles_held, cost_per_vehicle FROM v_sangong_vehicle_cost ORDER BY unit_id',
    );
    const by = Object.fromEntries(rows.map((r) => [r.unit_id, r]));
    expect(by[OFFICE]).toMatchObject({ vehicle_operation: 243.89, vehicles_held: 99 });
    expect(by[OFFICE]!.cost_per_vehicle!).toBeCloseTo(243.89 / 99, 9);
    expect(by[SHUIMOGOU_GOV]!.cost_per_vehicle!).toBeCloseTo(27.98 / 26, 9);
    expect(by[WANGXIN]!.cost_per_vehicle).toBeNull(); // no vehicle held: no division by zero
  });
});

describe('procurement shares', () => {
  it('has the 自治区政府办公厅 2019 SME share of 11.60 %', async () => {
    const [r] = await q<Record<string, number>>(`SELECT total, sme, small_micro, sme_share_pct, small_micro_share_pct, works_share_pct FROM v_procurement_shares WHERE unit_id = $1`, [OFFICE]);
    expect(r).toMatchObject({ total: 6613.75, sme: 767.09, small_micro: 77.97 });
    expect(r!.sme_share_pct!).toBeCloseTo(11.598, 3);
    expect(r!.sme_share_pct!.toFixed(2)).toBe('11.60');
    expect(r!.small_micro_share_pct!).toBeCloseTo((77.97 / 6613.75) * 100, 9);
    expect(r!.works_share_pct!).toBeCloseTo((5777.64 / 6613.75) * 100, 9);
  });
  it('leaves shares empty where nothing was procured', async () => {
    const [r] = await q<Record<string, unknown>>(`SELECT total, sme_share_pct FROM v_procurement_shares WHERE unit_id = $1`, [SHUIMOGOU_GOV]);
    expect(r).toEqual({ total: 0, sme_share_pct: null });
  });
});

describe('spending by classification', () => {
  it('splits a budget document’s function lines into basic and project (seed 003)', async () => {
    const rows = await q<Record<string, unknown>>(`SELECT xiang_code, lei_code, kuan_code, amount, basic, project FROM v_function_spending WHERE unit_id = $1 ORDER BY xiang_code`, [DUSHANZI]);
    expect(rows).toEqual([
      { xiang_code: '2013701', lei_code: '201', kuan_code: '20137', amount: 334.54, basic: 334.54, project: 0 },
      { xiang_code: '2013799', lei_code: '201', kuan_code: '20137', amount: 510.31, basic: 0, project: 510.31 },
      { xiang_code: '2080505', lei_code: '208', kuan_code: '20805', amount: 13.36, basic: 13.36, project: 0 },
    ]);
  });
  it('sums 类 with shares and per-staff amounts (seed 004, lines printed in words)', async () => {
    const [r] = await q<Record<string, number>>(`SELECT lines, amount, share_pct, staff, amount_per_staff FROM v_function_by_lei WHERE unit_id = $1 AND fund = 'gpb' AND lei_code = '206'`, [INDUSTRY]);
    expect(r).toMatchObject({ lines: 3, amount: 10199.59, staff: 234 });
    expect(r!.amount_per_staff!).toBeCloseTo(10199.59 / 234, 9);
    const [tot] = await q<{ s: number }>(`SELECT sum(share_pct) AS s FROM v_function_by_lei WHERE unit_id = $1 AND fund = 'gpb'`, [INDUSTRY]);
    expect(tot!.s).toBeCloseTo(100, 9);
  });
  it('gives 301/302/303 shares of the basic spending (seed 003)', async () => {
    const [r] = await q<Record<string, number>>(`SELECT total, amount_301, share_301_pct, share_302_pct, share_303_pct FROM v_economic_shares WHERE unit_id = $1`, [DUSHANZI]);
    expect(r).toMatchObject({ total: 347.9, amount_301: 167.59 });
    expect(r!.share_301_pct!).toBeCloseTo((167.59 / 347.9) * 100, 9);
    expect(r!.share_302_pct! + r!.share_301_pct! + r!.share_303_pct!).toBeCloseTo(100, 9);
  });
  it('splits basic and project spending, and personnel and public funds', async () => {
    const [s] = await q<Record<string, number>>(`SELECT basic, project, project_share_pct FROM v_basic_project_split WHERE unit_id = $1`, [INDUSTRY]);
    expect(s).toMatchObject({ basic: 1959.78, project: 43937.24 });
    expect(s!.project_share_pct!).toBeCloseTo((43937.24 / (1959.78 + 43937.24)) * 100, 9);
    const [p] = await q<Record<string, number>>(`SELECT personnel, public, personnel_share_pct FROM v_personnel_public WHERE unit_id = $1`, [WANGXIN]);
    expect(p).toMatchObject({ personnel: 275.86, public: 8.51 });
    expect(p!.personnel_share_pct!).toBeCloseTo((275.86 / 284.37) * 100, 9);
  });
});

describe('per-staff metrics', () => {
  it('divides by 实有人数', async () => {
    const [r] = await q<Record<string, number | string>>(`SELECT staff, staff_key, expense_total, expense_per_staff, running_cost_per_staff FROM v_per_staff WHERE unit_id = $1`, [OFFICE]);
    expect(r).toMatchObject({ staff: 226, staff_key: 'staff.actual', expense_total: 18470.59 });
    expect(r!.expense_per_staff as number).toBeCloseTo(18470.59 / 226, 9);
    expect(r!.running_cost_per_staff as number).toBeCloseTo(1129.29 / 226, 9);
  });
});

describe('project scores', () => {
  it('bins the six projects of seed 002, every bin present', async () => {
    const rows = await q<{ bin_label: string; projects: number }>(`SELECT bin_label, projects FROM v_score_distribution WHERE unit_id = $1 AND source = 'self_eval' ORDER BY bin_lower`, [SHUIMOGOU_GOV]);
    // Scores as printed: 92.29, 71.45, 0.83, 77.62, 89.76, 90.7.
    expect(rows).toEqual([
      { bin_label: '<60', projects: 1 },
      { bin_label: '60–70', projects: 0 },
      { bin_label: '70–80', projects: 2 },
      { bin_label: '80–90', projects: 1 },
      { bin_label: '90–100', projects: 2 },
    ]);
  });
  it('pairs score with execution rate, and reads the 绩效评价汇总表 (seed 001)', async () => {
    const [p] = await q<Record<string, number>>(`SELECT exec_rate, score, gap FROM v_score_vs_execution WHERE unit_id = $1 AND name = '包联工作经费'`, [SHUIMOGOU_GOV]);
    expect(p).toMatchObject({ exec_rate: 2.5, score: 71.45 });
    expect(p!.gap!).toBeCloseTo(68.95, 9);
    const [s] = await q<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM v_project_scores WHERE unit_id = $1 AND source = 'summary'`, [OFFICE]);
    expect(s!.n).toBe(17);
  });
});

describe('peer percentiles', () => {
  it('leave a unit without peers unranked', async () => {
    const rows = await q<{ peers: number; percentile: number | null }>(`SELECT peers, percentile FROM v_peer_percentiles WHERE unit_id = $1 AND metric = 'expense_per_staff'`, [OFFICE]);
    expect(rows).toEqual([{ peers: 1, percentile: null }, { peers: 1, percentile: null }]);
  });

  it('rank a unit within its sector and level for the year', async () => {
    // A second 2019 网信办 at county level: seed 000 with another district's name and twice
    // the staff. It is a new unit (not in units.csv), and halves the figures per person.
    const raw = seedFolder('peers', SEED_FILES);
    const text = readFileSync(join(SEEDS_DIR, SEED_FILES[0]!), 'utf8');
    writeFileSync(join(raw, 'peer.txt'), text.replaceAll('水磨沟区', '天山区').replace('实有人数16人', '实有人数32人'));
    const snap = await runIngest({ inputs: [raw], out: join(tempDir('peers-out'), 's'), unitsCsv: UNITS_CSV, cacheDir: null, quiet: true, jobs: 0 });
    expect(snap.report.unresolved_units.map((u) => u.name)).toEqual(['中共新疆乌鲁木齐市天山区委员会网络安全和信息化领导小组办公室']);
    const db2 = await openSnapshot(snap.out);
    try {
      const rows = await db2.query<{ unit_name: string; peer_type: string; peer_group: string; value: number; peers: number; rank: number; percentile: number }>(
        `SELECT unit_name, peer_type, peer_group, value, peers, rank, percentile FROM v_peer_percentiles
         WHERE metric = 'expense_per_staff' AND fiscal_year = 2019 AND kind = 'final' AND peer_group IN ('cyberspace', 'county')
         ORDER BY peer_type, value`,
      );
      expect(rows.map((r) => [r.peer_type, r.peer_group, r.unit_name.includes('天山区') ? 'peer' : 'seed', r.peers, r.rank, r.percentile])).toEqual([
        ['level', 'county', 'peer', 2, 1, 0],
        ['level', 'county', 'seed', 2, 2, 100],
        ['sector', 'cyberspace', 'peer', 2, 1, 0],
        ['sector', 'cyberspace', 'seed', 2, 2, 100],
      ]);
      expect(rows[1]!.value).toBeCloseTo(350.51 / 16, 9);
      expect(rows[0]!.value).toBeCloseTo(350.51 / 32, 9);
    } finally {
      db2.close();
    }
  });
});
