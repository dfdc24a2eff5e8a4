import { readFileSync } from 'node:fs';
import {
  exportPlatform,
  type GuideData,
  importPlatform,
  type PlatformIssue,
  type PlatformTables,
  parsePlatformMapping,
  readCsv,
  readWorkbook,
  writeWorkbook,
} from '@baihua/exchange';
import { describe, expect, it } from 'vitest';
import { feesCsv, SAMPLE_MAPPING, sampleWorkbook } from './fixtures/sample-workbook.js';

const mapping = parsePlatformMapping(SAMPLE_MAPPING, 'mapping.yaml');
const book = await readWorkbook('东湖区实施清单.xlsx', await sampleWorkbook(), mapping);
const csv = readCsv('收费项目.csv', readFileSync(feesCsv), mapping);
const tables: PlatformTables = { sheets: [...book.sheets, ...csv.sheets], skipped: [...book.skipped, ...csv.skipped] };
const { guides, report } = importPlatform(tables, { mapping });
const guide = (id: string) => guides.find((candidate) => candidate.id === id)?.data as GuideData;

const line = (issue: PlatformIssue) =>
  [
    issue.kind,
    issue.file,
    issue.sheet,
    issue.row,
    issue.column,
    issue.value === undefined ? '' : `「${issue.value}」`,
    issue.reason,
  ]
    .filter((part) => part !== undefined && part !== '')
    .join(' ');

describe('a district workbook and a GBK CSV', () => {
  it('reads the GBK CSV as the 收费项目 sheet', () => {
    expect(csv.sheets).toEqual([
      {
        name: '收费项目',
        file: '收费项目.csv',
        headers: [
          '基本编码',
          '实施编码',
          '事项名称',
          '收费项目名称',
          '收费标准',
          '收费依据',
          '是否允许减免',
          '减免说明',
        ],
        rows: [
          {
            row: 2,
            cells: {
              基本编码: '230702-08-0-0431',
              事项名称: '门楼牌证补办',
              收费项目名称: '门楼牌工本费',
              收费标准: '20元/块',
              收费依据: '《青禾市物价局关于门楼牌收费标准的批复》（青价费〔2019〕8号）',
              是否允许减免: '是',
              减免说明: '低保户、特困供养人员免收。',
            },
          },
          {
            row: 3,
            cells: {
              基本编码: '230702-08-0-0431',
              事项名称: '门楼牌证补办',
              收费项目名称: '门楼牌安装费',
              收费标准: '按实际发生收取',
              是否允许减免: '否',
            },
          },
        ],
      },
    ]);
  });

  it('recognises each sheet by its name or headers, below a title row, through the mapping', () => {
    expect(book.sheets.map((sheet) => [sheet.sheet, sheet.name, sheet.rows.map((row) => row.row)])).toEqual([
      ['事项基本信息', '事项基本信息', [3, 4, 5]],
      ['申请材料', '申请材料', [2, 3, 4, 5, 6, 7, 8]],
      ['常见问题', '常见问题', [2]],
      ['办理窗口', '办理地点', [2, 3]],
    ]);
    expect(book.sheets[0]?.headers.slice(0, 8)).toEqual([
      '事项名称',
      '基本编码',
      '实施编码',
      '业务办理项编码',
      '事项类型',
      '行使层级',
      '实施主体',
      '服务对象',
    ]);
  });

  it('reports every value it could not map or had to repair, where it is and why', () => {
    expect(report.issues.map(line)).toEqual([
      'skipped 东湖区实施清单.xlsx 填表说明 表名和表头都不是平台交换表格的，没有读入',
      'unmapped 东湖区实施清单.xlsx 事项基本信息 审批股室 不是平台的标准表头，指南里没有对应的字段；1 行的值保留在 x-platform 里。如果是标准表头的另一种写法，请在映射文件 columns 里写明',
      'recovered 东湖区实施清单.xlsx 事项基本信息 3 受理条件 「1.户口在东湖区；2.持有第二代残疾人证；3.家里享受最低生活保障。」 几条写在一行里，按编号分成了 3 条',
      'recovered 东湖区实施清单.xlsx 事项基本信息 3 承诺办结时限 「15个工作日」 单位写在了时限格里，读作 15 个工作日',
      'recovered 东湖区实施清单.xlsx 事项基本信息 5 法定办结时限单位 单位格是空的，按时限说明里写的读作 10 个工作日',
      'unmapped 东湖区实施清单.xlsx 事项基本信息 5 承诺办结时限 「24」 时限按小时计，指南的时限只能写天数或月数；请换算成工作日写进指南，或把“几小时办结”写在时限说明里',
      'unmapped 东湖区实施清单.xlsx 事项基本信息 5 网上办理深度 「五级」 「五级」不是「网上办理深度」能取的值（可以是：四级、三级、二级、一级、预约办理、仅线下办理），也没有对应的同义词；请在映射文件 values 里写明它对应哪个值',
      'unmapped 东湖区实施清单.xlsx 申请材料 6 空白表格 「申请表.docx」 不是网址（指南里的网址要以 http:// 或 https:// 开头）',
      'skipped 东湖区实施清单.xlsx 申请材料 7 业务办理项编码 「3707860701401-009」 编码对不上「事项基本信息」表里的任何事项，这一行没有导入',
      'unmapped 东湖区实施清单.xlsx 申请材料 8 材料类型 「复印件」 电子材料的类型只能是原件，指南里写不了电子复印件',
      'unmapped 收费项目.csv 收费项目 3 收费标准 「按实际发生收取」 收费标准读不出金额（应写成「20元/证」「10元」这样）；请把金额和计费单位写进指南的收费项目',
    ]);
    expect(report.guides).toEqual([
      {
        id: 'disability-living-subsidy',
        title: '困难残疾人生活补贴申请',
        file: '东湖区实施清单.xlsx',
        sheet: '事项基本信息',
        row: 3,
        draft: true,
        missing: ['一句话说明（summary）', '最后核验日期（reviewed）'],
      },
      {
        id: 'only-child-honour-certificate',
        title: '独生子女父母光荣证发放',
        file: '东湖区实施清单.xlsx',
        sheet: '事项基本信息',
        row: 4,
        draft: true,
        missing: [
          '一句话说明（summary）',
          '设定依据（legal_basis）',
          '受理条件（conditions）',
          '办理流程（steps）',
          '最后核验日期（reviewed）',
        ],
      },
      {
        id: '230702-08-0-0431',
        title: '门楼牌证补办',
        file: '东湖区实施清单.xlsx',
        sheet: '事项基本信息',
        row: 5,
        draft: true,
        missing: [
          '一句话说明（summary）',
          '办理流程（steps）',
          '网上办理（online）',
          '办理地点（locations）',
          '最后核验日期（reviewed）',
          '承诺时限（time_limit.promised）',
        ],
      },
    ]);
  });

  it('builds the guide of a 业务办理项, its sub-sheet rows joined by item or implementation code', () => {
    expect(guide('disability-living-subsidy')).toEqual({
      codes: { item: '3707860701401-001', implementation: '3707860701401', basic: '000110201000' },
      id: 'disability-living-subsidy',
      title: '困难残疾人生活补贴申请',
      type: '行政给付',
      level: '县级',
      department: '青禾市东湖区民政局社会救助科',
      audience: ['个人'],
      legal_basis: [
        '《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）',
        '《青禾市困难残疾人生活补贴和重度残疾人护理补贴实施办法》第六条',
      ],
      conditions: ['户口在东湖区', '持有第二代残疾人证', '家里享受最低生活保障。'],
      handling: '承诺件',
      time_limit: {
        statutory: { days: 20, unit: '工作日', note: '从受理的第二天算起。' },
        promised: { days: 15, unit: '工作日' },
      },
      visits: 0,
      online: { url: 'https://example.gov.cn/qinghe/donghu/disability-subsidy', level: '全程网办' },
      appointment: false,
      express: false,
      result: { type: '其他', name: '困难残疾人生活补贴', delivery: ['银行卡到账'] },
      steps: [
        { title: '网上申请', how: '在“青禾政务”小程序选择“残疾人两项补贴”，填好申请表。' },
        { title: '街道审核', how: '街道工作人员核对您的残疾人证和低保信息。' },
        { title: '发放补贴', how: '审批通过后，次月发到您的社会保障卡银行账户。' },
      ],
      contacts: { consult: '0000-66450012', complaint: '12345' },
      pledge: true,
      materials: [
        {
          name: '第二代残疾人证',
          copies: 1,
          source: '政府部门核发',
          issuer: '青禾市东湖区残疾人联合会',
          form: ['原件', '电子'],
          need: '必要',
        },
        {
          name: '困难残疾人生活补贴申请表',
          copies: 2,
          paper: 'A4',
          source: '现场填写',
          blank_form: 'https://example.gov.cn/qinghe/donghu/forms/disability-subsidy.docx',
          fill_notes: '用黑色签字笔填写，不要涂改。',
          form: '原件',
          need: '必要',
        },
        {
          name: '授权委托书',
          situation: '委托他人代办的',
          copies: 1,
          paper: 'A4',
          source: '自备',
          requirements: '委托人和代办人都要签字。',
          form: '原件',
          need: '情形必要',
        },
      ],
      faq: [{ question: '补贴每月发多少？', answer: '每人每月120元，按月发到您的社会保障卡银行账户。' }],
      locations: [
        {
          name: '东湖区政务服务中心',
          address: '青禾市东湖区湖滨路88号',
          window: '2楼社会救助窗口',
          hours: '周一至周五 9:00–12:00，13:30–17:00',
          phone: '0000-66450012',
        },
      ],
      fees: { free: true },
      'x-platform': { 事项基本信息: { 审批股室: '社会救助科' } },
      status: '草稿',
    });
  });

  it('reads synonyms, months, 一级 with 支持预约, and a mapped value', () => {
    const data = guide('only-child-honour-certificate');
    expect([data.type, data.level, data.audience, data.time_limit, data.online, data.appointment, data.result]).toEqual(
      [
        '其他行政权力',
        '县级',
        ['个人'],
        { statutory: { months: 1 }, promised: { days: 10, unit: '工作日', note: '从收到材料的第二天算起。' } },
        { level: '预约办理' },
        undefined,
        { type: '证照', name: '独生子女父母光荣证', delivery: ['窗口领取', '邮寄'] },
      ],
    );
    expect(data.materials).toEqual([
      { name: '居民户口簿', copies: 1, paper: 'A4', source: '自备', form: ['原件', '复印件'], need: '必要' },
      { name: '独生子女父母光荣证申请表', copies: 1, source: '现场填写', form: '原件', need: '必要' },
    ]);
    expect(data['x-platform']).toEqual({
      申请材料: [{ 材料名称: '独生子女父母光荣证申请表', 空白表格: '申请表.docx' }],
    });
  });

  it('keeps what it cannot map under x-platform: hours, an unknown level, an electronic copy, a fee standard', () => {
    const data = guide('230702-08-0-0431');
    expect([data.codes, data.time_limit, data.online, data.materials, data.fees, data['x-platform']]).toEqual([
      { basic: '230702-08-0-0431' },
      { statutory: { days: 10, unit: '工作日', note: '自受理之日起10个工作日内办结。' } },
      undefined,
      [{ name: '房屋产权证明', source: '其他单位出具', form: '电子', need: '必要' }],
      [
        {
          item: '门楼牌工本费',
          basis: '《青禾市物价局关于门楼牌收费标准的批复》（青价费〔2019〕8号）',
          amount: 20,
          unit: '每块',
          waiver: '低保户、特困供养人员免收。',
        },
        { item: '门楼牌安装费' },
      ],
      {
        事项基本信息: { 承诺办结时限: '24', 承诺办结时限单位: '小时', 网上办理深度: '五级' },
        申请材料: [{ 材料名称: '房屋产权证明', 材料类型: '复印件' }],
        收费项目: [{ 收费项目名称: '门楼牌安装费', 收费标准: '按实际发生收取', 是否允许减免: '否' }],
      },
    ]);
  });

  it('exports the guides to the same cells, standard values for local ones', async () => {
    const exported = await readWorkbook(
      'again.xlsx',
      await writeWorkbook(exportPlatform(guides.map((g) => g.data)).tables),
    );
    /** Each input cell that export writes differently, as 「列: 读入 → 写出」. */
    const changed = (name: string, key: string, also?: string) => {
      const same = (a: Record<string, string>, b: Record<string, string>) =>
        a[key] === b[key] && (also === undefined || a[also] === b[also]);
      const before = tables.sheets.filter((sheet) => sheet.name === name).flatMap((sheet) => sheet.rows);
      const after = exported.sheets.find((sheet) => sheet.name === name)?.rows ?? [];
      return before.flatMap((row) => {
        const match = after.find((candidate) => same(candidate.cells, row.cells));
        if (!match) return [`${row.cells[key]}: 没有导出`];
        return Object.entries(row.cells)
          .filter(([header, value]) => match.cells[header] !== value)
          .map(([header, value]) => `${row.cells[key]} ${header}: ${value} → ${match.cells[header] ?? ''}`);
      });
    };
    expect(changed('事项基本信息', '事项名称')).toEqual([
      '困难残疾人生活补贴申请 设定依据: 1.《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）\n2.《青禾市困难残疾人生活补贴和重度残疾人护理补贴实施办法》第六条 → 《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）\n《青禾市困难残疾人生活补贴和重度残疾人护理补贴实施办法》第六条',
      '困难残疾人生活补贴申请 受理条件: 1.户口在东湖区；2.持有第二代残疾人证；3.家里享受最低生活保障。 → 1. 户口在东湖区\n2. 持有第二代残疾人证\n3. 家里享受最低生活保障。',
      '困难残疾人生活补贴申请 数量限制: 无 → 无数量限制',
      '困难残疾人生活补贴申请 承诺办结时限: 15个工作日 → 15',
      '独生子女父母光荣证发放 事项类型: 其他权力 → 其他行政权力',
      '独生子女父母光荣证发放 行使层级: 县（市、区）级 → 县级',
      '独生子女父母光荣证发放 服务对象: 群众 → 自然人',
      '独生子女父母光荣证发放 办理结果类型: 出证办结 → 证照',
      '独生子女父母光荣证发放 结果送达方式: 窗口领取、快递 → 窗口领取、邮寄',
      '门楼牌证补办 受理条件: 门楼牌丢失或损坏。 → 1. 门楼牌丢失或损坏。',
    ]);
    expect(changed('申请材料', '材料名称')).toEqual([
      '困难残疾人生活补贴申请表 份数: 2份 → 2',
      '护理需求评估表: 没有导出',
      '房屋产权证明 来源渠道: 其他 → 其他单位出具',
    ]);
    expect(changed('收费项目', '收费项目名称')).toEqual([]);
    expect(changed('常见问题', '问题')).toEqual([]);
    expect(changed('办理地点', '办理地点名称', '窗口')).toEqual([]);
  });
});

describe('the mapping file', () => {
  it('names the line and column of a mistake', () => {
    expect(() => parsePlatformMapping('columns:\n  办理科室: 承办部门\n', 'mapping.yaml')).toThrow(
      '映射文件：「承办部门」不是平台的标准表头（见 packages/exchange/data/platform.yaml）',
    );
    try {
      parsePlatformMapping('ids:\n  "000104001000": ID_Card\n', 'mapping.yaml');
    } catch (error) {
      expect([(error as { point: unknown }).point, (error as Error).message]).toEqual([
        { line: 2, column: 19 },
        '映射文件：标识「ID_Card」要用小写英文字母、数字和连字符，不超过 64 个字符，如 id-card-renewal',
      ]);
    }
  });

  it('keeps the zeros of a code', () => {
    expect(parsePlatformMapping('ids:\n  000104001000: id-card-renewal\n', 'm.yaml').ids).toEqual({
      '000104001000': 'id-card-renewal',
    });
  });
});
