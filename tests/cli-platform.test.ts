import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  feesCsv,
  SAMPLE_MAPPING,
  sampleWorkbook,
  workbookCells,
} from '../packages/exchange/test/fixtures/sample-workbook.js';
import { expectNoStackTrace, lintJson, snapshotTree } from './cli-test-utils.js';
import { repoRoot, runCli } from './helpers.js';

let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'baihua-platform-'));
  writeFileSync(join(dir, '实施清单.xlsx'), await sampleWorkbook());
  writeFileSync(join(dir, 'mapping.yaml'), SAMPLE_MAPPING);
  copyFileSync(feesCsv, join(dir, '收费项目.csv'));
});

const importArgs = [
  'import',
  'platform',
  '实施清单.xlsx',
  '收费项目.csv',
  '--mapping',
  'mapping.yaml',
  '--out',
  'guides',
];

describe('baihua import platform', () => {
  it('writes one guide per 事项, the report beside, and says so in one line', () => {
    const run = runCli(importArgs, { cwd: dir });
    expect([run.code, run.stderr, run.stdout]).toEqual([
      0,
      '',
      '已导入 3 个事项（3 个是草稿），6 个值没有对应上；写出 3 个指南文件到 guides，报告见 import-report.md\n',
    ]);
    expect(readdirSync(join(dir, 'guides')).sort()).toEqual([
      '230702-08-0-0431.md',
      'disability-living-subsidy.md',
      'only-child-honour-certificate.md',
    ]);
    const schema = relative(join(dir, 'guides'), join(repoRoot, 'schema/guide.schema.json'));
    expect(readFileSync(join(dir, 'guides/only-child-honour-certificate.md'), 'utf8')).toBe(`---
# yaml-language-server: $schema=${schema}
id: only-child-honour-certificate
codes:
  basic: "000117003000"
  implementation: "11370786MB285306XQ4000117003000"
title: 独生子女父母光荣证发放
type: 其他行政权力
level: 县级
department: 青禾市东湖区卫生健康局人口家庭科
audience: [个人]
materials:
  - name: 居民户口簿
    need: 必要
    form: [原件, 复印件]
    copies: 1
    source: 自备
    paper: A4
  - name: 独生子女父母光荣证申请表
    need: 必要
    form: 原件
    copies: 1
    source: 现场填写
handling: 承诺件
time_limit:
  statutory: { months: 1 }
  promised: { days: 10, unit: 工作日, note: 从收到材料的第二天算起。 }
fees:
  free: true
result:
  name: 独生子女父母光荣证
  type: 证照
  delivery: [窗口领取, 邮寄]
online:
  level: 预约办理
visits: 1
visits_reason: 要本人到窗口签字领证。
locations:
  - name: 东湖区政务服务中心
    address: 青禾市东湖区湖滨路88号
    window: 2楼卫生健康窗口
    hours: 周一至周五 9:00–12:00，13:30–17:00
contacts:
  consult: "0000-66450300"
  complaint: "12345"
status: 草稿
x-platform:
  申请材料:
    - 材料名称: 独生子女父母光荣证申请表
      空白表格: 申请表.docx
---

<!-- 从全国一体化政务服务平台的表格导入：实施清单.xlsx 「事项基本信息」表第 4 行。平台表格里没有的内容（一句话说明、最后核验日期等）请补上；平台的值指南里放不下的，保留在 x-platform 里，导出时原样写回。写完后删去 status: 草稿。 -->
`);
    const report = readFileSync(join(dir, 'import-report.md'), 'utf8');
    expect(report.split('\n').slice(0, 3)).toEqual([
      '# 平台表格导入报告',
      '',
      '3 个事项（3 个是草稿），6 个值没有对应上。',
    ]);
    expect(report).toContain(
      '| 收费项目.csv | 收费项目 | 3 | 收费标准 | 按实际发生收取 | 收费标准读不出金额（应写成「20元/证」「10元」这样）；请把金额和计费单位写进指南的收费项目 |',
    );
  });

  it('writes guides that baihua lint reads: the fields the platform lacks are the findings', () => {
    const { run, results } = lintJson(['guides'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(
      results.map((result) => [
        relative(dir, result.filePath),
        [...new Set(result.messages.map((message) => message.ruleId))].sort(),
      ]),
    ).toEqual([
      // 「自受理之日起10个工作日内办结」 is the platform's own wording, and plain rules read it.
      ['guides/230702-08-0-0431.md', ['plain/classical-word', 'plain/jargon', 'schema/required']],
      ['guides/disability-living-subsidy.md', ['schema/required']],
      ['guides/only-child-honour-certificate.md', ['schema/required']],
    ]);
  });

  it('overwrites nothing without --force, and writes nothing when it refuses', () => {
    const before = snapshotTree(dir);
    const run = runCli(importArgs, { cwd: dir });
    expect([run.code, run.stdout, run.stderr]).toEqual([
      2,
      '',
      'baihua: 这些文件已经存在：guides/disability-living-subsidy.md、guides/only-child-honour-certificate.md、guides/230702-08-0-0431.md；要覆盖请加 --force，什么都没有写\n',
    ]);
    expect(snapshotTree(dir)).toEqual(before);
    expect(runCli([...importArgs, '--force'], { cwd: dir }).code).toBe(0);
  });

  it('does not replace a file of the user at the report’s place', () => {
    const own = mkdtempSync(join(tmpdir(), 'baihua-platform-own-'));
    copyFileSync(join(dir, '实施清单.xlsx'), join(own, '实施清单.xlsx'));
    writeFileSync(join(own, 'notes.md'), '# 我的笔记\n');
    const run = runCli(['import', 'platform', '实施清单.xlsx', '--out', 'guides', '--report', 'notes.md'], {
      cwd: own,
    });
    expect([run.code, run.stderr]).toEqual([
      2,
      'baihua: notes.md 已经存在，不是白话写的报告；请用 --report 指定别的报告文件，或加 --force 覆盖\n',
    ]);
    expect(existsSync(join(own, 'guides'))).toBe(false);
  });

  it('writes the report as JSON when its name ends in .json', () => {
    const run = runCli([...importArgs, '--force', '--report', 'report.json'], { cwd: dir });
    expect(run.code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect([report.report, report.files, report.issues.length]).toEqual([
      '平台表格导入报告',
      {
        'disability-living-subsidy': 'guides/disability-living-subsidy.md',
        'only-child-honour-certificate': 'guides/only-child-honour-certificate.md',
        '230702-08-0-0431': 'guides/230702-08-0-0431.md',
      },
      11,
    ]);
  });

  it('stops at bad input with one line naming the file, sheet, row and column', () => {
    const bad = mkdtempSync(join(tmpdir(), 'baihua-platform-bad-'));
    writeFileSync(join(bad, '清单.xlsx'), '事项名称,基本编码\n');
    writeFileSync(join(bad, '事项基本信息.csv'), '事项编码,办件类型\n000104001000,即办件\n');
    writeFileSync(join(bad, '损坏.csv'), '事项名称,基本编码\n"换领居民身份证,000104001000\n');
    writeFileSync(join(bad, 'mapping.yaml'), 'columns:\n  办理科室: 承办部门\n');
    copyFileSync(join(dir, '实施清单.xlsx'), join(bad, '实施清单.xlsx'));
    const cases = [
      [
        ['清单.xlsx'],
        '清单.xlsx: 不是 Excel 工作簿（.xlsx），读不了。平台导出的表格请存成 .xlsx，或每张表存成一个 .csv 文件',
      ],
      [
        ['事项基本信息.csv'],
        '事项基本信息.csv:1:1: 工作表「事项基本信息」第 1 行：没有「事项名称」列（表头是：事项编码、办件类型）。表头写法不同的，请在映射文件 columns 里写明，如 columns: { 本地表头: 事项名称 }',
      ],
      [
        ['损坏.csv'],
        '损坏.csv:2:1: 第 2 行第 1 列：引号没有配对（一个单元格以 " 开头却没有结束的 "）。请在 Excel 或 WPS 里打开它，另存为 CSV 或 .xlsx 再导入',
      ],
      [
        ['实施清单.xlsx', '--mapping', 'mapping.yaml'],
        'mapping.yaml:2:9: 映射文件：「承办部门」不是平台的标准表头（见 packages/exchange/data/platform.yaml）',
      ],
    ] as const;
    for (const [args, message] of cases) {
      const before = snapshotTree(bad);
      const run = runCli(['import', 'platform', ...args, '--out', 'guides'], { cwd: bad });
      expect([run.code, run.stdout, run.stderr]).toEqual([2, '', `${message}\n`]);
      expectNoStackTrace(run);
      expect(snapshotTree(bad)).toEqual(before);
    }
  });
});

describe('baihua export platform', () => {
  it('writes the example guides as a workbook exceljs reads, and lists what the platform still needs', async () => {
    const out = mkdtempSync(join(tmpdir(), 'baihua-platform-export-'));
    mkdirSync(join(out, 'guides'));
    for (const file of ['guides/户籍/id-card-renewal.md', 'guides/交通/driving-licence-renewal.yaml'])
      copyFileSync(join(repoRoot, file), join(out, 'guides', file.split('/').pop() as string));
    copyFileSync(join(dir, 'guides/disability-living-subsidy.md'), join(out, 'guides/disability-living-subsidy.md'));
    const run = runCli(['export', 'platform', '--out', '平台/实施清单.xlsx'], { cwd: out });
    expect([run.code, run.stderr, run.stdout]).toEqual([
      0,
      '',
      '已导出 2 个事项到 平台/实施清单.xlsx（申请材料 6 行、收费项目 2 行、常见问题 7 行、办理地点 4 行）；跳过 1 个文件（见报告）；平台还需要、指南里空着的列见 平台/实施清单.report.md\n',
    ]);
    const cells = await workbookCells(readFileSync(join(out, '平台/实施清单.xlsx')));
    expect(Object.keys(cells)).toEqual(['事项基本信息', '申请材料', '收费项目', '常见问题', '办理地点']);
    expect(cells.收费项目).toEqual([
      [
        '基本编码',
        '实施编码',
        '业务办理项编码',
        '事项名称',
        '收费项目名称',
        '收费标准',
        '收费依据',
        '是否允许减免',
        '减免说明',
      ],
      [
        '000115101000',
        '',
        '',
        '机动车驾驶证期满换证',
        '机动车驾驶证工本费',
        '10元/证',
        '《国家发展改革委 财政部关于公安交通管理收费标准及有关问题的通知》（发改价格〔2004〕2831号）',
      ],
      [
        '000104101000',
        '',
        '',
        '换领居民身份证',
        '工本费',
        '20元/证',
        '《国家发展改革委 财政部关于居民身份证收费标准及有关问题的通知》（发改价格〔2003〕2322号）',
        '是',
        '领取城市最低生活保障金的居民换证，免交工本费。',
      ],
    ]);
    const report = readFileSync(join(out, '平台/实施清单.report.md'), 'utf8');
    expect(report).toContain(
      '- 事项基本信息：实施编码、是否支持预约办理、是否支持物流快递、办理结果样本、是否实行告知承诺\n',
    );
    expect(report).toContain(
      '## 没有导出的文件\n\n- guides/disability-living-subsidy.md：是草稿（status: 草稿），写完后再导出\n',
    );
    const again = runCli(['export', 'platform', '--out', '平台/实施清单.xlsx'], { cwd: out });
    expect([again.code, again.stderr]).toEqual([2, 'baihua: 平台/实施清单.xlsx 已经存在；要覆盖请加 --force\n']);
  });
});
