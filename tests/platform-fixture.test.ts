// Issue 20's "Done means", end to end with the built CLI: 青禾市's 实施清单 for three districts
// (63 事项 built from the example guides by scripts/platform-fixture.mjs, with the defects listed
// there) imports into guides that lint with exactly the expected findings, and exports back to the
// same cells.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseGuide, SourceFile } from '@baihua/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { workbookCells } from '../packages/exchange/test/fixtures/sample-workbook.js';
import { brief, lintJson, YAML } from './cli-test-utils.js';
import { EXAMPLE_IDS, repoRoot, runCli } from './helpers.js';

const WORKBOOK = '青禾市实施清单.xlsx';
const DISTRICTS = ['donghu', 'nanhu', 'beishan'];

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'baihua-platform-fixture-'));
  execFileSync(process.execPath, [join(repoRoot, 'scripts/platform-fixture.mjs'), '--out', dir], { stdio: 'ignore' });
});

const guideText = (id: string) => readFileSync(join(dir, 'guides', `${id}.md`), 'utf8');
const guideData = (id: string) =>
  parseGuide(new SourceFile(join(dir, 'guides', `${id}.md`), guideText(id))).data as Record<string, unknown>;

describe('the fixture workbook', () => {
  it('is the same cells every time it is built', async () => {
    const again = mkdtempSync(join(tmpdir(), 'baihua-platform-fixture-again-'));
    execFileSync(process.execPath, [join(repoRoot, 'scripts/platform-fixture.mjs'), '--out', again], {
      stdio: 'ignore',
    });
    expect(await workbookCells(readFileSync(join(again, WORKBOOK)))).toEqual(
      await workbookCells(readFileSync(join(dir, WORKBOOK))),
    );
    expect(readFileSync(join(again, 'mapping.yaml'), 'utf8')).toBe(readFileSync(join(dir, 'mapping.yaml'), 'utf8'));
  });
});

describe('baihua import platform of the fixture', () => {
  let report: { guides: { id: string; row: number; missing: string[] }[]; issues: unknown[] };

  beforeAll(() => {
    const run = runCli(
      ['import', 'platform', WORKBOOK, '--mapping', 'mapping.yaml', '--out', 'guides', '--report', 'report.json'],
      { cwd: dir },
    );
    expect([run.code, run.stderr, run.stdout]).toEqual([
      0,
      '',
      '已导入 63 个事项（63 个是草稿），2 个值没有对应上；写出 63 个指南文件到 guides，报告见 report.json\n',
    ]);
    report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
  });

  it('writes one guide per 事项 of the three districts', () => {
    expect(readdirSync(join(dir, 'guides')).sort()).toEqual(
      EXAMPLE_IDS.flatMap((id) => DISTRICTS.map((district) => `${id}-${district}.md`)).sort(),
    );
  });

  it('reports exactly the values it could not map and the ones it repaired', () => {
    // In the order read: sheet by sheet, row by row.
    expect(report.issues).toEqual([
      {
        kind: 'recovered',
        file: WORKBOOK,
        sheet: '事项基本信息',
        row: 17,
        column: '承诺办结时限单位',
        reason: '单位格是空的，按时限说明里写的读作 15 个工作日',
      },
      {
        kind: 'recovered',
        file: WORKBOOK,
        sheet: '事项基本信息',
        row: 28,
        column: '法定办结时限',
        value: '20个工作日',
        reason: '单位写在了时限格里，读作 20 个工作日',
      },
      {
        kind: 'unmapped',
        file: WORKBOOK,
        sheet: '事项基本信息',
        row: 42,
        column: '办件类型',
        value: '上报件',
        reason:
          '「上报件」不是「办件类型」能取的值（可以是：即办件、承诺件），也没有对应的同义词；请在映射文件 values 里写明它对应哪个值',
      },
      {
        kind: 'unmapped',
        file: WORKBOOK,
        sheet: '申请材料',
        row: 133,
        column: '材料名称',
        reason: '没有材料名称，不能作为一项导入；这一行的内容保留在 x-platform 里',
      },
    ]);
  });

  it('makes every guide a draft, and names what the defect rows lack besides', () => {
    const usual = ['一句话说明（summary）', '最后核验日期（reviewed）'];
    expect(report.guides).toHaveLength(63);
    expect(
      report.guides
        .filter((guide) => JSON.stringify(guide.missing) !== JSON.stringify(usual))
        .map((guide) => [guide.row, guide.id, guide.missing]),
    ).toEqual([
      [
        33,
        'company-registration-nanhu',
        ['一句话说明（summary）', '受理条件（conditions）', '最后核验日期（reviewed）'],
      ],
      [
        42,
        'income-tax-annual-settlement-nanhu',
        ['一句话说明（summary）', '办件类型（handling）', '最后核验日期（reviewed）'],
      ],
      [
        62,
        'pension-enrollment-beishan',
        ['一句话说明（summary）', '最后核验日期（reviewed）', '咨询电话（contacts.consult）'],
      ],
    ]);
  });

  it('reads the defect rows into the fields they mean', () => {
    const limits = (id: string) => guideData(id).time_limit;
    expect(limits('id-card-renewal-donghu')).toEqual({
      statutory: { months: 2, note: '从窗口受理的第二天算起。' },
      promised: { days: 10, unit: '工作日', note: '从窗口受理的第二天算起。' },
    });
    expect(limits('minimum-living-allowance-donghu')).toMatchObject({
      promised: { days: 15, unit: '工作日', note: '15个工作日，从受理申请的第二天算起，公示时间不算在内。' },
    });
    expect(limits('passport-application-nanhu')).toMatchObject({
      statutory: { days: 20, unit: '工作日', note: '从窗口受理的第二天算起。' },
    });
    // 南湖区's √/× (the mapping file), 北山区's Y/N (platform.yaml) and 区级 (the mapping file) read
    // as 东湖区's 是/否 and 县级.
    const yesNo = (id: string) => {
      const data = guideData(id);
      const fees = data.fees as { free?: boolean } | { waiver?: string }[];
      return {
        level: data.level,
        appointment: data.appointment,
        online: (data.online as { level: string }).level,
        express: data.express,
        pledge: data.pledge,
        fees: Array.isArray(fees) ? fees.map((fee) => fee.waiver !== undefined) : fees,
        // the materials 是否可告知承诺 says 是 for (a catch-all or a nameless row has none)
        pledgeable: (data.materials as { name: string; pledge?: boolean }[])
          .filter((material) => material.pledge !== undefined)
          .map((material) => [material.name, material.pledge]),
      };
    };
    expect(yesNo('company-registration-nanhu')).toEqual({
      level: '县级',
      appointment: undefined,
      online: '全程网办',
      express: true,
      pledge: undefined,
      fees: { free: true },
      pledgeable: [['住所信息申报承诺书', true]],
    });
    for (const id of EXAMPLE_IDS) {
      expect(yesNo(`${id}-nanhu`), id).toEqual(yesNo(`${id}-donghu`));
      expect(yesNo(`${id}-beishan`), id).toEqual(yesNo(`${id}-donghu`));
    }
    expect(guideData('income-tax-annual-settlement-nanhu')['x-platform']).toEqual({
      事项基本信息: { 办件类型: '上报件' },
    });
    expect(guideData('marriage-registration-nanhu')['x-platform']).toEqual({
      申请材料: [
        {
          材料类型: '原件',
          材料形式: '纸质',
          是否必要: '必要',
          份数: '1',
          来源渠道: '申请人现场填写',
          填报须知: '在登记员面前填写。您和对方分别签名，并按指印。',
          备注: '声明书写明您和对方都没有配偶，也没有近亲血缘。',
        },
      ],
    });
    expect(guideData('minimum-living-allowance-beishan').codes).toEqual({
      basic: '370788-08-0-0431',
      implementation: '3707881601601',
      item: '3707881601601-001',
    });
  });
});

// What every guide imported from the platform has: the platform holds no 一句话说明 and no 最后核验日期,
// so each is a draft (status: 草稿), and lint says what it lacks in ONE schema/required finding at its
// status (the drafts of main, merged here; before them it was one finding at the first key per
// object that lacked fields: 3:1 「缺少 2 个必填字段：…」, and 咨询电话 a finding of its own).
const USUAL = ['一句话说明（summary）', '最后核验日期（reviewed）'];
function draftFinding(id: string, missing = USUAL): string {
  const line = guideText(id).split('\n').indexOf('status: 草稿') + 1;
  return `${line}:9 error schema/required 这是草稿（status: 草稿），还缺 ${missing.length} 项才能发布：${missing.join('、')}；写完后把 status 改为 在办`;
}
const NEAR_DUPLICATE = '：同一件事只应有一份指南。请合并成一份；确实是不同地方实施的，写上各自的 codes.implementation';

/** The defect rows' guides: what their draft lacks besides, and each finding with the line it points at. */
const DEFECT_FINDINGS: Record<string, { missing?: string[]; findings: [finding: string, line: string][] }> = {
  'company-seal-engraving-donghu': {
    findings: [
      [
        '46:11 error plain/catch-all-material 「其他材料」是兜底写法，国家要求材料和条件逐项列全：删去，把需要的材料逐项列全',
        '  - name: 其他材料',
      ],
    ],
  },
  'second-hand-house-transfer-beishan': {
    findings: [
      [
        '87:11 warning plain/vague-reference 「相关部门」说得不具体，群众不知道指的是哪个：写出单位全称（到科室、窗口）',
        '  - name: 相关部门要求的其他材料',
      ],
      [
        '87:15 error plain/catch-all-material 「要求的其他材料」是兜底写法，国家要求材料和条件逐项列全：删去，逐项列全',
        '  - name: 相关部门要求的其他材料',
      ],
    ],
  },
  'company-registration-nanhu': {
    missing: ['一句话说明（summary）', '受理条件（conditions）', '最后核验日期（reviewed）'],
    findings: [],
  },
  'income-tax-annual-settlement-nanhu': {
    missing: ['一句话说明（summary）', '办件类型（handling）', '最后核验日期（reviewed）'],
    findings: [],
  },
  'pension-enrollment-beishan': {
    missing: ['一句话说明（summary）', '咨询和投诉 › 咨询电话（contacts.consult）', '最后核验日期（reviewed）'],
    findings: [],
  },
  'newborn-household-registration-beishan': {
    findings: [
      [
        '64:21 error policy/promised-exceeds-statutory 承诺时限 15 个工作日超过了法定时限 10 个工作日：承诺时限只能比法定时限短',
        '  promised: { days: 15, unit: 工作日, note: 从提交申请的第二天算起。邮寄的时间另算，一般2天到家。 }',
      ],
    ],
  },
  // 北山区's local 基本编码: the three districts' copies no longer share a code.
  'minimum-living-allowance-donghu': {
    findings: [
      [
        `8:8 warning catalog/near-duplicate 这份指南和 guides/minimum-living-allowance-beishan.md（最低生活保障申请）的文字约 88% 相同${NEAR_DUPLICATE}`,
        'title: 最低生活保障申请',
      ],
    ],
  },
  'minimum-living-allowance-nanhu': {
    findings: [
      [
        `7:8 warning catalog/near-duplicate 这份指南和 guides/minimum-living-allowance-beishan.md（最低生活保障申请）的文字约 88% 相同${NEAR_DUPLICATE}`,
        'title: 最低生活保障申请',
      ],
    ],
  },
  'minimum-living-allowance-beishan': {
    findings: [
      [
        `8:8 warning catalog/near-duplicate 这份指南和 guides/minimum-living-allowance-donghu.md（最低生活保障申请）的文字约 88% 相同，还有 1 份指南也和它很像（guides/minimum-living-allowance-nanhu.md）${NEAR_DUPLICATE}`,
        'title: 最低生活保障申请',
      ],
    ],
  },
};

describe('baihua lint of the imported guides', () => {
  it('gives exactly the expected findings: the defects, and each draft’s missing fields in one', () => {
    const { run, results } = lintJson(['guides'], { cwd: dir });
    expect(run.code).toBe(1);
    const found = Object.fromEntries(
      results.map((result) => [
        result.filePath.slice(join(dir, 'guides/').length, -'.md'.length),
        result.messages.map(brief),
      ]),
    );
    const expected = Object.fromEntries(
      EXAMPLE_IDS.flatMap((example) =>
        DISTRICTS.map((district) => {
          const id = `${example}-${district}`;
          const defect = DEFECT_FINDINGS[id];
          return [id, [...(defect?.findings ?? []).map(([finding]) => finding), draftFinding(id, defect?.missing)]];
        }),
      ),
    );
    expect(found).toEqual(expected);
    for (const [id, { findings }] of Object.entries(DEFECT_FINDINGS))
      for (const [finding, line] of findings)
        expect(guideText(id).split('\n')[Number(finding.split(':')[0]) - 1], `${id}: ${finding}`).toBe(line);
  });
});

type Cells = Record<string, string>;

/** A sheet's rows as header → text, empty cells left out, as exceljs reads them (not the library). */
function sheetRows(sheets: Record<string, string[][]>, name: string): { headers: string[]; rows: Cells[] } {
  const [headers = [], ...rows] = sheets[name] ?? [];
  return {
    headers,
    rows: rows.map((row) =>
      Object.fromEntries(headers.flatMap((header, column) => (row[column] ? [[header, row[column] as string]] : []))),
    ),
  };
}

/**
 * Rows by the 事项 they belong to (业务办理项编码, else 实施编码), each 事项's rows in their order:
 * export writes the 事项 in the order of their files, the platform in its own.
 */
const by事项 = (rows: Cells[]) =>
  rows
    .map((cells, index) => ({ cells, index, code: cells.业务办理项编码 ?? cells.实施编码 ?? '' }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.index - b.index))
    .map(({ cells }) => cells);

const LOCAL_VALUES: Cells = { '√': '是', '×': '否', Y: '是', N: '否' };

/**
 * The fixture's cells as export writes them back (docs: the import report's 修正后读入的值 and the
 * mapping file): local values in the platform's words, and the units the import recovered.
 */
function normalised(yesNo: string[], sheet: string, cells: Cells, row: number): Cells {
  const out = { ...cells };
  for (const header of yesNo) {
    const value = out[header];
    if (value !== undefined && LOCAL_VALUES[value]) out[header] = LOCAL_VALUES[value];
  }
  if (out.行使层级 === '区级') out.行使层级 = '县级';
  if (sheet === '事项基本信息' && row === 17) out.承诺办结时限单位 = '工作日';
  if (sheet === '事项基本信息' && row === 28) Object.assign(out, { 法定办结时限: '20', 法定办结时限单位: '工作日' });
  return out;
}

describe('baihua export platform of the imported guides', () => {
  it('writes back every cell of the fixture, sheet by sheet, row by row', async () => {
    // The department finishes each draft with what the platform does not hold.
    mkdirSync(join(dir, 'finished'));
    for (const file of readdirSync(join(dir, 'guides')))
      writeFileSync(
        join(dir, 'finished', file),
        readFileSync(join(dir, 'guides', file), 'utf8')
          .replace(/^(title: .*)$/m, '$1\nsummary: 按平台的实施清单整理，办理前请先电话确认。')
          .replace(/^status: 草稿$/m, 'reviewed: 2026-12-01'),
      );
    const run = runCli(['export', 'platform', 'finished', '--out', 'out.xlsx'], { cwd: dir });
    expect([run.code, run.stderr, run.stdout]).toEqual([
      0,
      '',
      '已导出 63 个事项到 out.xlsx（申请材料 272 行、收费项目 18 行、常见问题 216 行、办理地点 90 行）；平台还需要、指南里空着的列见 out.report.md\n',
    ]);
    const fixture = await workbookCells(readFileSync(join(dir, WORKBOOK)));
    const exported = await workbookCells(readFileSync(join(dir, 'out.xlsx')));
    // The yes/no columns are the ones the fixture's mapping file gives 南湖区's √/× for.
    const { values } = YAML.parse(readFileSync(join(dir, 'mapping.yaml'), 'utf8')) as {
      values: Record<string, Cells>;
    };
    const yesNo = Object.keys(values).filter((header) => values[header]!['√'] === '是');
    expect(yesNo).toContain('是否支持物流快递');
    expect(Object.keys(exported)).toEqual(Object.keys(fixture));
    for (const sheet of Object.keys(fixture)) {
      const before = sheetRows(fixture, sheet);
      const after = sheetRows(exported, sheet);
      expect(after.headers, sheet).toEqual(before.headers);
      expect(by事项(after.rows), sheet).toEqual(
        by事项(before.rows.map((cells, index) => normalised(yesNo, sheet, cells, index + 2))),
      );
    }
  });
});
