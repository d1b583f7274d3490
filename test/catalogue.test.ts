import { describe, expect, it } from 'vitest';
import {
  CATALOGUE_IS_PARTIAL,
  classCodeByName,
  entries,
  levelOf,
  lookupCode,
  normName,
  parentOf,
  pathOf,
  repairCode,
  resolveNamePath,
} from '../src/lib/extract/catalogue.ts';

// Every expected code below was checked against a source listed in
// src/lib/extract/catalogue/README.md (mostly the seed documents in shared/seeds).

describe('catalogue data', () => {
  it('is sorted by code, unique, well-shaped and every non-类 entry has its 类', () => {
    const codes = entries.map((e) => e.code);
    expect([...codes].sort()).toEqual(codes);
    expect(new Set(codes).size).toBe(codes.length);
    for (const e of entries) {
      expect(levelOf(e.code)).toBe(e.level);
      expect(e.name.trim()).toBe(e.name);
      expect(e.source).toBeTruthy();
      if (e.level !== 'lei') expect(lookupCode(e.code.slice(0, 3))?.level).toBe('lei');
    }
    expect(CATALOGUE_IS_PARTIAL).toBe(true);
  });

  it('holds the 类 of the seeds (2019 收支总表) with later names as the current name', () => {
    expect(lookupCode('201')?.name).toBe('一般公共服务支出');
    expect(lookupCode('210')?.name).toBe('卫生健康支出');
    expect(lookupCode('210')?.aliases).toContain('医疗卫生与计划生育支出');
    expect(lookupCode('220')?.aliases).toEqual(expect.arrayContaining(['国土资源气象等支出', '国土海洋气象等支出']));
    expect(entries.filter((e) => e.level === 'lei').length).toBe(28);
  });
});

describe('lookupCode / levelOf / parentOf / pathOf', () => {
  it('looks codes up', () => {
    expect(lookupCode('2013701')).toMatchObject({ name: '行政运行', level: 'xiang' });
    expect(lookupCode('20137')).toMatchObject({ name: '网信事务', level: 'kuan' });
    expect(lookupCode('9999999')).toBeUndefined();
  });

  it('gives levels and parents by shape', () => {
    expect(levelOf('201')).toBe('lei');
    expect(levelOf('20137')).toBe('kuan');
    expect(levelOf('2013701')).toBe('xiang');
    expect(levelOf('2013')).toBeUndefined();
    expect(levelOf('abc')).toBeUndefined();
    expect(parentOf('2013701')).toBe('20137');
    expect(parentOf('20137')).toBe('201');
    expect(parentOf('201')).toBeUndefined();
  });

  it('builds the path with names', () => {
    expect(pathOf('2080506')).toEqual({
      lei: { code: '208', name: '社会保障和就业支出' },
      kuan: { code: '20805', name: '行政事业单位养老支出' },
      xiang: { code: '2080506', name: '机关事业单位职业年金缴费支出' },
    });
    // 2111001 is printed by a seed, its 款 21110 by none: the name stays undefined.
    expect(pathOf('2111001')?.kuan).toEqual({ code: '21110' });
    expect(pathOf('201')).toEqual({ lei: { code: '201', name: '一般公共服务支出' } });
    expect(pathOf('x')).toBeUndefined();
  });
});

describe('normName', () => {
  it('unifies whitespace, brackets, quotes and level markers', () => {
    expect(normName(' 政府办公厅（室）及相关机构事务 ')).toBe(normName('政府办公厅(室)及相关机构事务'));
    expect(normName('“行政 运行”')).toBe('行政运行');
    expect(normName('网信事务（款）')).toBe('网信事务');
  });
});

describe('classCodeByName', () => {
  it('finds a 类 by any of its names, tolerantly', () => {
    expect(classCodeByName('一般公共服务')).toBe('201');
    expect(classCodeByName('一般公共服务（类）')).toBe('201');
    expect(classCodeByName('一般公共服务支出')).toBe('201');
    expect(classCodeByName(' 社会保障和就业支出 (类)')).toBe('208');
    expect(classCodeByName('医疗卫生与计划生育支出')).toBe('210');
    expect(classCodeByName('卫生健康')).toBe('210');
    expect(classCodeByName('资源勘探工业信息等支出')).toBe('215');
    expect(classCodeByName('国土海洋气象等支出')).toBe('220');
    expect(classCodeByName('粮油物资管理支出')).toBe('222');
    expect(classCodeByName('一、一般公共服务支出')).toBe('201');
  });

  it('answers undefined for unknown names', () => {
    expect(classCodeByName('星际旅行支出')).toBeUndefined();
    expect(classCodeByName('')).toBeUndefined();
  });
});

describe('resolveNamePath', () => {
  it('resolves words-only lines of the seeds', () => {
    // seed 003: 一般公共服务支出（类）网信事务（款）行政运行（项） = table row 20 37 01 行政运行.
    expect(resolveNamePath('一般公共服务支出', '网信事务', '行政运行')).toBe('2013701');
    expect(resolveNamePath('一般公共服务支出', '网信事务', '其他网信事务支出')).toBe('2013799');
    // 款 20805 under both of its names (seed 003: 离退休; seed 004 and a fixture: 养老支出).
    expect(resolveNamePath('社会保障和就业支出', '行政事业单位养老支出', '机关事业单位职业年金缴费支出')).toBe('2080506');
    expect(resolveNamePath('社会保障和就业支出', '行政事业单位离退休', '机关事业单位基本养老保险缴费支出')).toBe('2080505');
    expect(resolveNamePath('社会保障和就业支出(类)', '行政事业单位离退休（款）', '机关事业单位基本养老保险缴费支出（项）')).toBe('2080505');
    expect(resolveNamePath('一般公共服务支出', '政府办公厅（室）及相关机构事务', '行政运行')).toBe('2010301');
    expect(resolveNamePath('一般公共服务', '政府办公厅(室)及相关机构事务', '参事事务')).toBe('2010309');
    expect(resolveNamePath('卫生健康支出', '行政事业单位医疗', '行政单位医疗')).toBe('2101101');
    expect(resolveNamePath('医疗卫生与计划生育支出', '行政事业单位医疗', '行政单位医疗')).toBe('2101101');
  });

  it('resolves by 项 name alone when unique, and accepts old names of a 项', () => {
    expect(resolveNamePath(null, null, '机关事业单位职业年金缴费支出')).toBe('2080506');
    expect(resolveNamePath(null, null, '基层政权和社区建设')).toBe('2080208');
    expect(resolveNamePath(null, null, '基层政权建设和社区治理')).toBe('2080208');
  });

  it('is undefined when ambiguous', () => {
    expect(resolveNamePath(null, null, '行政运行')).toBeUndefined(); // 2010301, 2013701
    expect(resolveNamePath('一般公共服务支出', null, '行政运行')).toBeUndefined();
    expect(resolveNamePath(null, null, '一般行政管理事务')).toBeUndefined(); // 2010302, 2012902, 2120102
  });

  it('is undefined when unknown or when an ancestor does not match', () => {
    expect(resolveNamePath(null, null, '星际旅行')).toBeUndefined();
    expect(resolveNamePath('教育支出', '网信事务', '行政运行')).toBeUndefined();
    expect(resolveNamePath('一般公共服务支出', '人大事务', '行政运行')).toBeUndefined();
  });

  // The brief's examples below name real 项 whose codes no source I could read prints (the seed
  // documents name them only in words: shared/seeds/004). The partial catalogue does not hold
  // them, so these stay skipped until a full list is added. See catalogue/README.md.
  it.skip('resolves 项 the partial catalogue lacks (needs a full list)', () => {
    expect(resolveNamePath('一般公共服务支出', '政府办公厅（室）及相关机构事务', '信访事务')).toBe('2010308');
    expect(resolveNamePath('资源勘探工业信息等支出', '工业和信息产业监管', '行政运行')).toBe('2150501');
    expect(resolveNamePath('节能环保支出', '污染防治', '大气')).toBe('2110301');
    expect(resolveNamePath('社会保障和就业支出', '抚恤', '死亡抚恤')).toBe('2080801');
  });

  it('answers undefined (never a guess) for those 项 today', () => {
    expect(resolveNamePath('一般公共服务支出', '政府办公厅（室）及相关机构事务', '信访事务')).toBeUndefined();
    expect(resolveNamePath('社会保障和就业支出', '抚恤', '死亡抚恤')).toBeUndefined();
  });
});

describe('repairCode', () => {
  it('repairs the damaged split codes of seed 003', () => {
    expect(repairCode(['20', '37', '01'], '行政运行')).toEqual({ code: '2013701', repaired: true });
    expect(repairCode(['20', '37', '99'], '其他网信事务支出')).toEqual({ code: '2013799', repaired: true });
    expect(repairCode(['20', '05', '05'], '机关事业单位基本养老保险缴费支出')).toEqual({ code: '2080505', repaired: true });
  });

  it('repairs missing 类 digits and spaces inside cells', () => {
    expect(repairCode(['', '37', '01'], '行政运行')).toEqual({ code: '2013701', repaired: true });
    expect(repairCode(['3701'], '行政运行')).toEqual({ code: '2013701', repaired: true });
    expect(repairCode(['2 0', '0 5', '06'], '机关事业单位职业年金缴费支出')).toEqual({ code: '2080506', repaired: true });
    expect(repairCode(['21', '05', '05'], '机关事业单位基本养老保险缴费支出')).toBeUndefined(); // 21 is no subsequence of 208
  });

  it('passes clean codes through unrepaired', () => {
    expect(repairCode(['2013701'], '行政运行')).toEqual({ code: '2013701', repaired: false });
    expect(repairCode(['201', '37', '01'], '行政运行')).toEqual({ code: '2013701', repaired: false });
    expect(repairCode(['２０１３７０１'], '行政运行')).toEqual({ code: '2013701', repaired: false });
    expect(repairCode(['2080208'], '基层政权和社区建设')).toEqual({ code: '2080208', repaired: false });
  });

  it('refuses when the name does not fit, is missing, or the code is unknown', () => {
    expect(repairCode(['20', '37', '01'], '事业运行')).toBeUndefined();
    expect(repairCode(['20', '37', '01'], '')).toBeUndefined();
    expect(repairCode(['20', '03', '01'], '行政运行')).toEqual({ code: '2010301', repaired: true });
    expect(repairCode(['20', '03', '08'], '信访事务')).toBeUndefined(); // not in the partial catalogue
    expect(repairCode(['2150501'], '行政运行')).toBeUndefined(); // clean but unknown to the catalogue
    expect(repairCode([], '行政运行')).toBeUndefined();
    expect(repairCode(['01'], '行政运行')).toBeUndefined();
  });
});
