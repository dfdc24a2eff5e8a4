#!/usr/bin/env node
// The fixture for issue 20's "Done means": 青禾市's 实施清单 for three districts as the national
// platform exports it, built from the example guides (guides/**, not the journeys) and then given
// the defects real exports have. Deterministic: the same guides give the same cells.
//
//   node scripts/platform-fixture.mjs --out DIR    (after pnpm -s build)
//
// writes DIR/青禾市实施清单.xlsx and DIR/mapping.yaml (the districts' local values and the guide ids).
//
// How the workbook is made:
// - each example guide is a 实施 entry of 东湖区, 南湖区 and 北山区: 21 × 3 = 63 事项. Departments,
//   their own places and phone numbers are the district's; places of the city and of other
//   districts stay the same places in every copy. (Not 西岭区: the examples already name its
//   service centre at another address, and catalog/inconsistent-contact rightly says so.) A city
//   department's 事项 is handled by its branch in the district (青禾市不动产登记中心南湖分中心).
// - 实施编码: the 实施主体's unified social credit code (GB 32100, check characters computed),
//   the 事项 type's digit and the 基本编码. 东湖区 also registers each 事项 as one 业务办理项
//   (实施编码-001). 北山区's own platform numbers its 事项 locally (3707880100101, 业务办理项
//   3707880100101-001).
// - the guides go through the library's exportPlatform and writeWorkbook, as `baihua export
//   platform` writes them; then the districts' habits and the defects are written into cells.
//
// The districts' habits (HABITS, every row of the district, every sheet): 南湖区 writes 是/否 as
// √/× (the mapping file says what they mean), 北山区 as Y/N (platform.yaml knows those) and its
// 县级 as 「区级」 (the mapping file). Export writes them back as 是/否 and 县级.
//
// The defects (DEFECTS below, the same as data), by the row the workbook shows:
//   申请材料 16 (company-seal-engraving-donghu)      inserted 「其他材料」 → plain/catch-all-material
//   申请材料 191 (second-hand-house-transfer-beishan) inserted 「相关部门要求的其他材料」 →
//                                                     plain/catch-all-material, plain/vague-reference
//   申请材料 133 (marriage-registration-nanhu)        材料名称 empty → reported, kept in x-platform,
//                                                     exported back as it was
//   事项基本信息 14 (id-card-renewal-donghu)           法定 2 个月 → { months: 2 }, no finding
//   事项基本信息 17 (minimum-living-allowance-donghu)  承诺 「15」, unit empty, 「15个工作日…」 in the
//                                                     说明 → recovered, reported; exported with 工作日
//   事项基本信息 28 (passport-application-nanhu)       法定 「20个工作日」, unit empty → recovered,
//                                                     reported; exported as 20 and 工作日
//   事项基本信息 33 (company-registration-nanhu)       受理条件 empty → the draft also lacks conditions
//   事项基本信息 42 (income-tax-annual-settlement-nanhu) 办件类型 「上报件」 → unmapped: reported, kept
//                                                     in x-platform, exported back; lacks handling
//   事项基本信息 57 (newborn-household-registration-beishan) 承诺 15 > 法定 10 工作日 →
//                                                     policy/promised-exceeds-statutory
//   事项基本信息 59 (minimum-living-allowance-beishan) 基本编码 in 北山区's local segmented form
//                                                     (370788-08-0-0431, every sheet) → the three
//                                                     copies share no code: catalog/near-duplicate
//   事项基本信息 62 (pension-enrollment-beishan)       咨询电话 empty → the draft also lacks
//                                                     contacts.consult
import { mkdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findGuideFiles, isJourneyPath, parseGuide, readGuideFile } from '@baihua/core';
import { exportPlatform, writeWorkbook } from '@baihua/exchange';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const WORKBOOK = '青禾市实施清单.xlsx';
export const MAPPING = 'mapping.yaml';

const DISTRICTS = [
  { name: '东湖区', short: '东湖', slug: 'donghu', division: '370786', phone: '66', items: true },
  { name: '南湖区', short: '南湖', slug: 'nanhu', division: '370787', phone: '67', items: false },
  { name: '北山区', short: '北山', slug: 'beishan', division: '370788', phone: '68', items: true, local: true },
];

/** A city department's 事项 is handled in each district by its branch there. */
const BRANCHES = {
  青禾市不动产登记中心登记科: (d) => `青禾市不动产登记中心${d.short}分中心`,
  青禾市公安局交通警察支队车辆管理所驾驶证科: (d) => `青禾市公安局交通警察支队车辆管理所${d.short}分所`,
  青禾市住房公积金管理中心归集业务科: (d) => `青禾市住房公积金管理中心${d.short}管理部`,
  青禾市住房公积金管理中心提取业务科: (d) => `青禾市住房公积金管理中心${d.short}管理部`,
  青禾市公安局出入境管理支队: (d) => `青禾市公安局出入境管理支队${d.short}大队`,
  青禾市医疗保障事业管理中心异地就医科: (d) => `青禾市医疗保障事业管理中心${d.short}分中心`,
  青禾市卫生健康委员会妇幼健康科: (d) => `青禾市${d.name}妇幼保健院`,
};

/** The digit between the credit code and the 基本编码, by 事项类型. */
const TYPE_DIGITS = { 行政许可: '1', 行政确认: '2', 公共服务: '3', 其他行政权力: '4', 行政给付: '5' };

// GB 32100-2015: 18 characters, the last a check over the first 17.
const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
// GB 11714-1997: the organisation code inside it, 8 characters and a check.
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

function creditCode(department, division) {
  const digest = createHash('sha256').update(department).digest();
  const body = `MB${[...digest.subarray(0, 6)].map((byte) => byte % 10).join('')}`;
  const orgSum = [...body].reduce((sum, char, i) => sum + Number.parseInt(char, 36) * ORG_WEIGHTS[i], 0);
  const orgCheck = 11 - (orgSum % 11);
  const org = `${body}${orgCheck === 10 ? 'X' : orgCheck === 11 ? '0' : orgCheck}`;
  // 1: registered by the 机构编制 office; 1 a 机关, 2 a 事业单位 (中心, 院).
  const kind = /中心|院|管理部|分所/.test(department) ? '2' : '1';
  const first17 = `1${kind}${division}${org}`;
  const sum = [...first17].reduce((total, char, i) => total + CREDIT_CHARS.indexOf(char) * CREDIT_WEIGHTS[i], 0);
  return `${first17}${CREDIT_CHARS[(31 - (sum % 31)) % 31]}`;
}

async function exampleGuides() {
  const files = (await findGuideFiles([join(root, 'guides')])).filter((file) => !isJourneyPath(file));
  return files.map((file) => parseGuide(readGuideFile(file).file).data);
}

/** The example guide as the district's 实施 entry. */
function inDistrict(guide, district, index) {
  const data = JSON.parse(
    JSON.stringify(guide).replaceAll('东湖', district.short).replaceAll('0000-66', `0000-${district.phone}`),
  );
  // Places of the city and of other districts (西岭区政务服务中心) are the same places in every copy.
  data.locations = guide.locations.map((place, at) => (place.name.includes('东湖') ? data.locations[at] : place));
  const branch = BRANCHES[guide.department];
  if (branch) data.department = branch(district);
  const credit = creditCode(data.department, district.division);
  const implementation = district.local
    ? `${district.division}${String(index + 1).padStart(2, '0')}${String(index + 1).padStart(3, '0')}01`
    : `${credit}${TYPE_DIGITS[guide.type]}${guide.codes.basic}`;
  data.codes = {
    basic: guide.codes.basic,
    implementation,
    ...(district.items ? { item: `${implementation}-001` } : {}),
  };
  data.id = `${guide.id}-${district.slug}`;
  return data;
}

/** The districts' habits: how each writes 是/否 and 行使层级 in every row of its own. */
const YES_NO = [
  '是否支持预约办理',
  '是否支持物流快递',
  '是否收费',
  '是否实行告知承诺',
  '是否允许减免',
  '是否可告知承诺',
];
const HABITS = {
  南湖区: { 是: '√', 否: '×' },
  北山区: { 是: 'Y', 否: 'N', 县级: '区级' },
};

/**
 * The defects, as data: where (sheet and row as the workbook shows them, and whose row it is),
 * what is written there, and what it should cause. `insert` adds the row there (the codes and
 * 事项名称 of the row above); the rows below move down. Rows are checked against `guide`.
 */
export const DEFECTS = [
  {
    sheet: '申请材料',
    row: 16,
    insert: true,
    guide: 'company-seal-engraving-donghu',
    cells: {
      材料名称: '其他材料',
      材料类型: '原件',
      材料形式: '纸质',
      是否必要: '必要',
      份数: '1',
      来源渠道: '申请人自备',
    },
    defect: 'catch-all material',
    expect: 'imported as a material; plain/catch-all-material at its name',
  },
  {
    sheet: '申请材料',
    row: 191,
    insert: true,
    guide: 'second-hand-house-transfer-beishan',
    cells: {
      材料名称: '相关部门要求的其他材料',
      材料类型: '原件和复印件',
      材料形式: '纸质',
      是否必要: '必要',
      份数: '1',
      来源渠道: '其他单位出具',
    },
    defect: 'catch-all material',
    expect: 'imported as a material; plain/catch-all-material at its name',
  },
  {
    sheet: '申请材料',
    row: 133,
    guide: 'marriage-registration-nanhu',
    cells: { 材料名称: '' },
    defect: 'a material without 材料名称',
    expect: 'reported (没有材料名称); the row kept under x-platform and written back as it was',
  },
  {
    sheet: '事项基本信息',
    row: 14,
    guide: 'id-card-renewal-donghu',
    cells: { 法定办结时限: '2', 法定办结时限单位: '个月' },
    defect: 'months as the unit',
    expect: 'time_limit.statutory: { months: 2 }; no finding (10 working days promised are less)',
  },
  {
    sheet: '事项基本信息',
    row: 17,
    guide: 'minimum-living-allowance-donghu',
    cells: {
      承诺办结时限: '15',
      承诺办结时限单位: '',
      承诺办结时限说明: '15个工作日，从受理申请的第二天算起，公示时间不算在内。',
    },
    defect: 'the unit only in the note',
    expect: 'recovered from the note: { days: 15, unit: 工作日 }, reported; exported with its unit',
  },
  {
    sheet: '事项基本信息',
    row: 28,
    guide: 'passport-application-nanhu',
    cells: { 法定办结时限: '20个工作日', 法定办结时限单位: '' },
    defect: 'the unit in the amount cell',
    expect: 'recovered: { days: 20, unit: 工作日 }, reported; exported as 20 and 工作日',
  },
  {
    sheet: '事项基本信息',
    row: 33,
    guide: 'company-registration-nanhu',
    cells: { 受理条件: '' },
    defect: '受理条件 empty',
    expect: 'a draft that also lacks conditions: schema/required names 受理条件',
  },
  {
    sheet: '事项基本信息',
    row: 42,
    guide: 'income-tax-annual-settlement-nanhu',
    cells: { 办件类型: '上报件' },
    defect: 'a value nothing maps (办件类型 上报件)',
    expect: 'reported, kept in x-platform and written back; a draft that also lacks handling',
  },
  {
    sheet: '事项基本信息',
    row: 57,
    guide: 'newborn-household-registration-beishan',
    cells: { 承诺办结时限: '15' },
    defect: 'promised (15 working days) longer than statutory (10)',
    expect: 'policy/promised-exceeds-statutory at the promised days',
  },
  {
    sheet: '事项基本信息',
    row: 59,
    guide: 'minimum-living-allowance-beishan',
    every: true,
    cells: { 基本编码: '370788-08-0-0431' },
    defect: 'a local segmented 基本编码 instead of the national one (in every sheet)',
    expect: "kept as written; catalog/near-duplicate on the three districts' copies, which no longer share a code",
  },
  {
    sheet: '事项基本信息',
    row: 62,
    guide: 'pension-enrollment-beishan',
    cells: { 咨询电话: '' },
    defect: '咨询电话 empty',
    expect: 'contacts without consult: schema/required',
  },
];

export async function buildFixture() {
  const guides = await exampleGuides();
  const entries = DISTRICTS.flatMap((district) =>
    guides.map((guide, index) => ({ ...inDistrict(guide, district, index), district: district.name })),
  );
  const { tables } = exportPlatform(entries.map(({ district, ...guide }) => guide));
  const byCode = new Map(entries.map((entry) => [entry.codes.implementation, entry]));
  const owner = (row) => byCode.get(row.cells.实施编码);
  for (const sheet of tables.sheets)
    for (const row of sheet.rows) {
      const habit = HABITS[owner(row).district];
      if (!habit) continue;
      for (const header of [...YES_NO, '行使层级'])
        if (habit[row.cells[header]]) row.cells[header] = habit[row.cells[header]];
    }
  for (const defect of DEFECTS) {
    const sheet = tables.sheets.find((candidate) => candidate.name === defect.sheet);
    const at = defect.row - 2;
    if (defect.insert) {
      const above = sheet.rows[at - 1];
      if (owner(above)?.id !== defect.guide)
        throw new Error(`${defect.sheet} row ${defect.row - 1} is not ${defect.guide}'s`);
      const shared = Object.fromEntries(
        ['基本编码', '实施编码', '业务办理项编码', '事项名称']
          .filter((h) => above.cells[h])
          .map((h) => [h, above.cells[h]]),
      );
      sheet.rows.splice(at, 0, { row: defect.row, cells: { ...shared, ...defect.cells } });
      for (const [index, row] of sheet.rows.entries()) row.row = index + 2;
      continue;
    }
    const row = sheet.rows[at];
    if (owner(row)?.id !== defect.guide) throw new Error(`${defect.sheet} row ${defect.row} is not ${defect.guide}'s`);
    const targets = defect.every
      ? tables.sheets.flatMap((each) => each.rows.filter((other) => owner(other) === owner(row)))
      : [row];
    for (const target of targets)
      for (const [header, value] of Object.entries(defect.cells)) {
        if (value === '') delete target.cells[header];
        else target.cells[header] = value;
      }
  }
  const mapping = [
    '# 青禾市各区的本地写法：南湖区的 √/×，北山区的「区级」；每个事项的指南标识',
    'values:',
    ...YES_NO.map((header) => `  ${header}: { √: 是, ×: 否 }`),
    '  行使层级: { 区级: 县级 }',
    'ids:',
    ...entries.map((entry) => `  ${entry.codes.item ?? entry.codes.implementation}: ${entry.id}`),
    '',
  ].join('\n');
  return { tables, mapping };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  if (!values.out) {
    console.error('usage: node scripts/platform-fixture.mjs --out DIR');
    process.exit(2);
  }
  const { tables, mapping } = await buildFixture();
  mkdirSync(values.out, { recursive: true });
  writeFileSync(join(values.out, WORKBOOK), await writeWorkbook(tables));
  writeFileSync(join(values.out, MAPPING), mapping);
  console.log(
    `wrote ${join(values.out, WORKBOOK)} (${tables.sheets.map((sheet) => `${sheet.name} ${sheet.rows.length} 行`).join('、')}) and ${MAPPING}`,
  );
}
