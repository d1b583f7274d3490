// What synthetic units are made of: sectors, the function lines they spend on, project and
// indicator names. Function codes and names are taken from the extractor's catalogue
// (src/lib/extract/catalogue/functions.json), which holds only codes a real source prints;
// only 项 whose 款 name the catalogue knows are used, so every layout (coded lines, lines
// named in words, budget tables with 类/款/项 rows) can print them. The catalogue is small,
// so a sector's lines are not always the ones a real department of that sector would use.
import { entries } from '../extract/catalogue.ts';

export interface FLineDef {
  code: string;
  name: string;
  lei: { code: string; name: string };
  kuan: { code: string; name: string };
  /** Spending a line usually carries: basic (运行) or project. */
  kind: 'basic' | 'project';
}

const byCode = new Map(entries.map((e) => [e.code, e]));
function def(code: string, kind: FLineDef['kind']): FLineDef {
  const x = byCode.get(code);
  const l = byCode.get(code.slice(0, 3));
  const k = byCode.get(code.slice(0, 5));
  if (!x || !l || !k) throw new Error(`synth: function code ${code} (or its 类/款) is not in the catalogue`);
  return { code, name: x.name, lei: { code: l.code, name: l.name }, kuan: { code: k.code, name: k.name }, kind };
}

export const GOVFUND_LINE = { code: '2290402', name: byCode.get('2290402')?.name ?? '其他地方自行试点项目收益专项债券收入安排的支出' };

export interface Sector {
  id: string;
  /** Name suffix by level: county/prefecture, province. */
  local: string;
  provincial: string;
  basic: FLineDef[];
  project: FLineDef[];
  /** Topics for project names. */
  topics: string[];
  duties: string[];
}

const SOCIAL = ['2080505', '2080506', '2101101'];

function sector(id: string, local: string, provincial: string, basic: string[], project: string[], topics: string[], duties: string[]): Sector {
  return { id, local, provincial, basic: basic.map((c) => def(c, 'basic')), project: project.map((c) => def(c, 'project')), topics, duties };
}

export const SECTORS: Sector[] = [
  sector('cac', '网信办', '网信办', ['2013701', '2013750'], ['2013799', '2013299'],
    ['网络舆情监测', '政府网站运行维护', '网络安全等级保护测评', '机房设备维护', '网信专项工作', '网络安全宣传周活动', '互联网违法和不良信息举报'],
    ['负责统筹协调本地区网络安全和信息化工作', '负责互联网信息内容管理和网络舆情信息工作', '负责网络安全保障体系建设和网络安全检查', '承办上级交办的其他事项']),
  sector('gov', '人民政府办公室', '人民政府办公厅', ['2010301', '2010350'], ['2010302', '2010399', '2010309'],
    ['政务协调工作', '政务公开和政府信息公开', '政务值班和应急管理', '电子政务外网运行维护', '督查工作专项业务', '文电处理和档案管理'],
    ['负责人民政府日常工作的综合协调', '负责政府会议的筹备、组织和服务工作', '负责督查政府重要文件和会议议定事项的落实', '负责政务公开和政府信息公开工作']),
  sector('miit', '工业和信息化局', '工业和信息化厅', ['2010301'], ['2010499', '2019999'],
    ['中小企业发展专项', '工业节能监察', '信息化项目专家评审', '安全生产工作', '政务云服务', '工业经济运行监测'],
    ['负责工业和信息化领域各行业的管理', '负责工业经济运行监测和调节', '负责工业节能和资源综合利用', '负责推进信息化建设和中小企业发展']),
  sector('eco', '生态环境局', '生态环境厅', ['2010301'], ['2019999', '2299901'],
    ['大气污染防治', '环境监测能力建设', '生态环境执法', '固体废物管理', '环境影响评价技术审查'],
    ['负责生态环境监督管理', '负责重大生态环境问题的统筹协调', '负责环境污染防治的监督管理', '负责生态环境监测和执法工作']),
  sector('transport', '交通运输局', '交通运输厅', ['2010301'], ['2019999', '2120199'],
    ['农村公路养护', '道路运输安全监管', '交通运输行业统计', '公交运营补贴', '交通执法装备维护'],
    ['负责公路、水路交通运输行业管理', '负责交通运输安全生产监督管理', '负责道路运输市场监管', '负责交通基础设施建设和养护']),
  sector('finance', '财政局', '财政厅', ['2010301', '2010350'], ['2019999', '2010302'],
    ['预算绩效评价', '财政信息化运行维护', '国库集中支付', '非税收入管理', '会计管理和监督'],
    ['负责编制年度预决算草案并组织执行', '负责财政收支管理和国库管理', '负责预算绩效管理', '负责会计管理和财政监督工作']),
  sector('edu', '教育局', '教育厅', ['2010301'], ['2050399', '2019999'],
    ['职业教育发展', '教师培训', '学生资助管理', '教育信息化', '校园安全管理'],
    ['负责贯彻执行教育方针政策', '负责各级各类教育的统筹规划和协调管理', '负责教师队伍建设', '负责教育督导和学生资助工作']),
  sector('health', '卫生健康委员会', '卫生健康委员会', ['2010301', '2101101'], ['2100717', '2019999'],
    ['计划生育服务', '基本公共卫生服务', '卫生应急', '健康教育宣传', '医疗机构监督'],
    ['负责卫生健康事业发展规划', '负责疾病预防控制和卫生应急工作', '负责计划生育管理和服务工作', '负责医疗机构和医疗服务监督管理']),
  sector('ndrc', '发展和改革委员会', '发展和改革委员会', ['2010301'], ['2010499', '2019999'],
    ['重点项目前期工作', '价格监测', '粮食安全保障', '经济运行分析', '社会信用体系建设'],
    ['负责拟订并组织实施国民经济和社会发展规划', '负责投资综合管理和重大项目统筹', '负责价格管理和价格监测', '负责社会信用体系建设']),
  sector('housing', '住房和城乡建设局', '住房和城乡建设厅', ['2010301'], ['2120102', '2120199'],
    ['老旧小区改造', '城市建设档案管理', '建筑市场监管', '物业管理监督', '城市燃气安全检查'],
    ['负责住房保障和城乡建设管理', '负责建筑市场和工程质量安全监管', '负责城市建设档案管理', '负责物业管理和燃气安全监督']),
  sector('civil', '民政局', '民政厅', ['2010301'], ['2012902', '2012399', '2019999'],
    ['社会组织管理', '社区治理', '婚姻登记服务', '养老服务监管', '困难群众救助'],
    ['负责社会组织登记和监督管理', '负责基层政权建设和社区治理', '负责社会救助和养老服务', '负责婚姻登记和殡葬管理']),
];

/** Lines every unit may carry beside its sector's: social security (basic), miscellaneous (project). */
export const COMMON_BASIC: FLineDef[] = SOCIAL.map((c) => def(c, 'basic'));
export const RETIRED_LINE: FLineDef = def('2080504', 'basic');
export const OTHER_PROJECT: FLineDef = def('2299901', 'project');

/** Generic project topics any unit may have. */
export const GENERIC_TOPICS = [
  '临时聘用人员', '办公楼物业管理', '档案数字化', '信息系统运维', '业务培训', '宣传工作', '党建工作', '保密工作',
  '代理记账', '法律顾问服务', '“访惠聚”驻村工作', '民族团结活动', '办公设备购置', '业务用车运行维护', '专项业务',
];
export const PROJECT_SUFFIX = ['经费', '项目', '专项经费', '工作经费', '运行维护费', '补助'];

/** Indicator names by second-level indicator, with a target and an actual value template. */
export interface IndicatorDef {
  level1: '产出指标' | '效益指标' | '满意度指标';
  level2: string;
  names: string[];
  /** Target/actual pair maker: 'count', 'pct', 'cost', 'text'. */
  value: 'count' | 'pct' | 'cost' | 'text';
}
export const INDICATORS: IndicatorDef[] = [
  { level1: '产出指标', level2: '数量指标', value: 'count', names: ['完成工作任务数量', '开展业务培训次数', '组织宣传活动次数', '维护设备数量', '覆盖服务对象数量', '开展检查次数', '发放补助人次', '完成系统建设数量'] },
  { level1: '产出指标', level2: '质量指标', value: 'pct', names: ['验收合格率', '工作完成质量达标率', '系统正常运行率', '问题整改完成率', '资料归档完整率'] },
  { level1: '产出指标', level2: '时效指标', value: 'pct', names: ['资金支付及时率', '任务按期完成率', '问题响应及时率', '项目按计划完成率'] },
  { level1: '产出指标', level2: '成本指标', value: 'cost', names: ['项目成本控制', '严格控制支出成本', '按合同约定支付'] },
  { level1: '效益指标', level2: '经济效益指标', value: 'text', names: [] },
  { level1: '效益指标', level2: '社会效益指标', value: 'text', names: ['提升公共服务水平', '保障单位工作正常开展', '提高群众办事便利度', '增强社会公众认知度'] },
  { level1: '效益指标', level2: '生态效益指标', value: 'text', names: [] },
  { level1: '效益指标', level2: '可持续影响指标', value: 'text', names: ['建立长效工作机制', '持续发挥项目效益', '长期保障业务运转'] },
  { level1: '满意度指标', level2: '服务对象满意度指标', value: 'pct', names: ['服务对象总体满意度', '群众满意度', '使用人员满意度'] },
];

/** Boilerplate glossary (第三部分) of the final-account templates, as the seeds print it. */
export const GLOSSARY_FINAL = [
  '财政拨款收入：指同级财政当年拨付的资金。',
  '上级补助收入：指事业单位从主管部门和上级单位取得的非财政补助收入。',
  '事业收入：指事业单位开展专业业务活动及其辅助活动所取得的收入。',
  '经营收入：指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动取得的收入。',
  '附属单位上缴收入：指事业单位附属的独立核算单位按有关规定上缴的收入。',
  '其他收入：指除上述“财政拨款收入”、“事业收入”、“经营收入”、“附属单位上缴收入”等之外取得的收入。',
  '年初结转和结余：指以前年度支出预算因客观条件变化未执行完毕、结转到本年度按有关规定继续使用的资金，既包括财政拨款结转和结余，也包括事业收入、经营收入、其他收入的结转和结余。',
  '年末结转和结余：指本年度或以前年度预算安排、因客观条件发生变化无法按原计划实施，需要延迟到以后年度按有关规定继续使用的资金，既包括财政拨款结转和结余，也包括事业收入、经营收入、其他收入的结转和结余。',
  '基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。',
  '项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。',
  '经营支出：指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动发生的支出。',
  '对附属单位补助支出：指事业单位发生的用非财政预算资金对附属单位的补助支出。',
  '“三公”经费：指用一般公共预算财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。其中，因公出国（境）费反映单位公务出国（境）的住宿费、旅费、伙食补助费、杂费、培训费等支出；公务用车购置及运行费反映单位公务用车购置费及租用费、燃料费、维修费、过路过桥费、保险费、安全奖励费用等支出；公务接待费反映单位按规定开支的各类公务接待（含外宾接待）支出。',
  '机关运行经费：为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金，包括办公及印刷费、邮电费、差旅费、会议费、福利费、日常维修费、专用材料及一般设备购置费、办公用房水电费、办公用房取暖费、办公用房物业管理费、公务用车运行维护费以及其他费用。',
];

export const GLOSSARY_BUDGET = [
  '**一、财政拨款：**指由一般公共预算、政府性基金预算安排的财政拨款数。',
  '**二、一般公共预算：**包括公共财政拨款（补助）资金、专项收入。',
  '**三、其他资金：**包括事业收入、经营收入、其他收入等。',
  '**四、基本支出：**包括人员经费、商品和服务支出（定额）。其中，人员经费包括工资福利支出、对个人和家庭的补助。',
  '**五、项目支出：**部门支出预算的组成部分，是本级部门为完成其特定的行政任务或事业发展目标，在基本支出预算之外编制的年度项目支出计划。',
  '**六、“三公”经费：**指本级部门用一般公共预算财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。',
  '**七、机关运行经费：**指各部门的公用经费，包括办公及印刷费、邮电费、差旅费、会议费、福利费、日常维修费、专用材料及一般设备购置费、办公用房水电费、办公用房取暖费、办公用房物业管理费、公务用车运行维护费及其他费用。',
];

/** 经济分类 款 of basic spending, as seed 003 prints them (personnel: 301, 303; public: 302). */
export const ECON: { cls: string; clsName: string; side: 'personnel' | 'public'; items: [string, string, number][] }[] = [
  { cls: '301', clsName: '工资福利支出', side: 'personnel', items: [['30101', '基本工资', 20], ['30102', '津贴补贴', 22], ['30103', '奖金', 30], ['30108', '机关事业单位基本养老保险缴费', 8], ['30112', '其他社会保障缴费', 4], ['30113', '住房公积金', 11]] },
  { cls: '302', clsName: '商品和服务支出', side: 'public', items: [['30201', '办公费', 4], ['30205', '水费', 0.5], ['30207', '邮电费', 3], ['30211', '差旅费', 8], ['30213', '维修(护)费', 1], ['30216', '培训费', 1.5], ['30226', '劳务费', 40], ['30228', '工会经费', 3], ['30229', '福利费', 4], ['30231', '公务用车运行维护费', 4], ['30299', '其他商品和服务支出', 1]] },
  { cls: '303', clsName: '对个人和家庭的补助', side: 'personnel', items: [['30305', '生活补助', 20], ['30399', '其他对个人和家庭的补助', 1]] },
];

/** Sub-units that appear only in the 001 layout's summary table (their own names are synthetic too). */
export const SUB_UNITS = ['机关服务中心', '信息中心', '文印中心', '档案室', '培训中心'];

export const ROOMS = ['办公室', '综合科', '财务科', '业务科', '法规科', '信息科', '督查科', '人事科', '规划科', '监督科', '安全科', '宣传科'];
