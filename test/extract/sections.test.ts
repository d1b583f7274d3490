// sections.ts: headings of a whole seed, their level, topic and body lines.
import { describe, expect, it } from 'vitest';
import { makeDoc } from '../../src/lib/extract/document.ts';
import { segment, topicOf, type Section } from '../../src/lib/extract/sections.ts';
import { normalizeChars } from '../../src/lib/extract/text.ts';
import { seedLines, seedText } from './seed-data.ts';

const at = (sections: Section[], line: number) => sections.find((s) => s.headingLine === line);
const brief = (s: Section | undefined) => s && { level: s.level, topic: s.topic, title: s.title };

describe('segment(seed 000): plain-text headings of a final account', () => {
  const sections = segment(makeDoc(seedText('000')));

  it.each([
    [23, 1, 'staff', '二、机构设置及人员情况'],
    [29, 1, 'overview', '一、收入支出决算总体情况说明'],
    [32, 1, 'income', '二、收入决算情况说明'],
    [34, 1, 'expense', '三、支出决算情况说明'],
    [36, 1, 'fiscal', '四、财政拨款收入支出决算总体情况说明'],
    [40, 1, 'gpb', '五、一般公共预算财政拨款支出决算情况说明'],
    [58, 1, 'gpb_basic', '六、一般公共预算财政拨款基本支出决算情况说明'],
    [64, 1, 'sangong', '七、一般公共预算财政拨款“三公”经费支出决算情况说明'],
    [71, 1, 'govfund', '八、政府性基金预算收入支出决算情况说明'],
    // Titles are read from the normalised line: （一） is returned as (一).
    [76, 2, 'admin', '(一)机关运行经费支出情况'], // printed （一）机关运行经费支出情况
    [79, 2, 'procurement', '(二)政府采购情况'], // printed （二）政府采购情况
    [83, 2, 'assets', '(三)国有资产占用情况说明'],
    [85, 1, 'perf', '十、预算绩效的情况说明'],
    [1986, 0, 'glossary', '第三部分专业名词解释'],
  ] as const)('line %i is a level-%i heading with topic %s', (line, level, topic, title) => {
    expect(normalizeChars(seedLines('000', line)).trim()).toBe(title);
    expect(brief(at(sections, line))).toEqual({ level, topic, title });
  });

  it('the 三公 section body runs from the line after its heading to the line before 八、 (65–70)', () => {
    expect(at(sections, 64)).toMatchObject({ from: 65, to: 70 });
  });

  it('numbered list items with 万元 figures inside the prose are not headings (line 43: 2013150事业运行7.54万元；)', () => {
    expect(seedLines('000', 43)).toBe('2013150事业运行7.54万元；');
    expect(at(sections, 43)).toBeUndefined();
    // and a sentence line ending in 。 is not a heading either
    expect(at(sections, 25)).toBeUndefined();
  });

  it('lines of the 绩效自评表 (tab cells) are never headings', () => {
    expect(seedLines('000', 88)).toBe('\t项目支出绩效自评表');
    expect(sections.some((s) => s.headingLine > 85 && s.headingLine < 1986)).toBe(false);
  });
});

describe('segment(seed 003): markdown headings of a budget document', () => {
  const sections = segment(makeDoc(seedText('003')));

  it.each([
    [72, 1, 'staff', '二、机构设置及人员情况'],
    [82, 3, 'overview', '部门收支总体情况表'],
    [197, 3, 'gpb', '一般公共预算支出情况表'],
    [217, 3, 'gpb_basic', '一般公共预算基本支出情况表'],
    [323, 2, 'gpb', '(一)一般公共预算当年拨款规模变化情况'],
    [408, 1, 'sangong', '八、关于独山子区委网络安全和信息化领导小组办公室 2019 年一般公共预算“三公”经费预算情况说明'],
    [421, 2, 'admin', '(一)机关运行经费情况'],
    [425, 2, 'procurement', '(二)政府采购情况'],
    [431, 2, 'assets', '(三)国有资产占用使用情况'],
    [447, 2, 'perf', '(四)预算绩效情况'],
    [451, 3, 'perf', '项目支出绩效目标表'],
  ] as const)('line %i is a level-%i heading with topic %s', (line, level, topic, title) => {
    expect(brief(at(sections, line))).toEqual({ level, topic, title });
  });

  it.each([
    [408, '**八、关于独山子区委网络安全和信息化领导小组办公室 2019 年一般公共预算“三公”经费预算情况说明**', 'sangong', '八、关于独山子区委网络安全和信息化领导小组办公室 2019 年一般公共预算“三公”经费预算情况说明'],
    [425, '### （二）政府采购情况', 'procurement', '(二)政府采购情况'],
    [447, '#### **（四）预算绩效情况**', 'perf', '(四)预算绩效情况'],
    [451, '## 项目支出绩效目标表', 'perf', '项目支出绩效目标表'],
  ] as const)('line %i printed %j is read without its markdown and bold marks', (line, printed, topic, title) => {
    expect(seedLines('003', line)).toBe(printed);
    expect(brief(at(sections, line))).toMatchObject({ title, topic });
  });

  it('the 三公 section of the 情况说明 covers its two paragraphs (409–413)', () => {
    expect(at(sections, 408)).toMatchObject({ from: 409, to: 413 });
  });
});

describe('topicOf', () => {
  it('gives 三公 precedence over 一般公共预算 in the same title', () => {
    expect(topicOf('七、一般公共预算财政拨款“三公”经费支出决算情况说明')).toBe('sangong');
  });

  it('gives 基本支出 precedence over 一般公共预算', () => {
    expect(topicOf('六、一般公共预算财政拨款基本支出决算情况说明')).toBe('gpb_basic');
  });
});
