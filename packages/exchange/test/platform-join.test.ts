// Which 事项 a sub-sheet row joins: the most specific code both carry decides, however many 事项
// share a 基本编码 (a city's districts all carry the national one).
import { type GuideData, importPlatform, type PlatformTables } from '@baihua/exchange';
import { describe, expect, it } from 'vitest';

const BASIC = '000104101000';
const DONGHU = '11370786MB1234567X3000104101000';
const NANHU = '11370787MB7654321Y3000104101000';

const main: Record<string, string>[] = [
  { 事项名称: '换领居民身份证（东湖区）', 基本编码: BASIC, 实施编码: DONGHU, 业务办理项编码: `${DONGHU}-001` },
  { 事项名称: '换领居民身份证（南湖区）', 基本编码: BASIC, 实施编码: NANHU },
];
const materials: Record<string, string>[] = [
  { 基本编码: BASIC, 实施编码: DONGHU, 业务办理项编码: `${DONGHU}-001`, 材料名称: '东湖区办理项的材料' },
  { 基本编码: BASIC, 实施编码: DONGHU, 业务办理项编码: `${DONGHU}-002`, 材料名称: '东湖区另一个办理项的材料' },
  { 基本编码: BASIC, 实施编码: DONGHU, 材料名称: '东湖区实施编码的材料' },
  { 基本编码: BASIC, 实施编码: NANHU, 业务办理项编码: `${NANHU}-001`, 材料名称: '南湖区办理项的材料' },
  { 基本编码: BASIC, 材料名称: '基本编码的材料' },
];
const rows = (list: Record<string, string>[]) => list.map((cells, index) => ({ row: index + 2, cells }));
const tables: PlatformTables = {
  sheets: [
    { name: '事项基本信息', headers: Object.keys(main[0] ?? {}), rows: rows(main) },
    { name: '申请材料', headers: Object.keys(materials[0] ?? {}), rows: rows(materials) },
  ],
  skipped: [],
};

describe('joining sub-sheet rows to their 事项', () => {
  const { guides, report } = importPlatform(tables);
  const names = (index: number) =>
    ((guides[index]?.data as GuideData | undefined)?.materials as { name: string }[] | undefined)?.map(
      (material) => material.name,
    );

  it('by the most specific code both carry', () => {
    // 东湖区's 业务办理项 takes its own item's rows, its 实施编码's, and the 基本编码's.
    expect(names(0)).toEqual(['东湖区办理项的材料', '东湖区实施编码的材料', '基本编码的材料']);
    // 南湖区 has no 业务办理项编码: its 实施编码 decides for a row of an item of it.
    expect(names(1)).toEqual(['南湖区办理项的材料', '基本编码的材料']);
  });

  it('skips a row whose most specific shared code differs', () => {
    expect(report.issues).toEqual([
      {
        kind: 'skipped',
        sheet: '申请材料',
        row: 3,
        column: '业务办理项编码',
        value: `${DONGHU}-002`,
        reason: '编码对不上「事项基本信息」表里的任何事项，这一行没有导入',
      },
    ]);
  });
});
