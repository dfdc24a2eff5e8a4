import { fileURLToPath } from 'node:url';
import { findGuideFiles, isJourneyPath, parseGuide, readGuideFile } from '@baihua/core';
import {
  EMPTY_MAPPING,
  exportPlatform,
  type GuideData,
  importPlatform,
  readWorkbook,
  writeWorkbook,
} from '@baihua/exchange';
import { describe, expect, it } from 'vitest';

const guidesDir = fileURLToPath(new URL('../../../guides/', import.meta.url));
const files = (await findGuideFiles([guidesDir])).filter((file) => !isJourneyPath(file));
const examples = files.map((file) => parseGuide(readGuideFile(file).file).data as GuideData);

type Fields = Record<string, unknown>;

/** Form lists as sets: the platform's 材料类型 and 材料形式 carry no order. */
const formSet = (form: unknown) => (Array.isArray(form) ? [...form].sort() : form);
const feeList = (fees: unknown) => (Array.isArray(fees) ? fees : ((fees as { items?: unknown[] })?.items ?? []));

/**
 * Every field of a guide that has a platform column, written out here (not taken from the
 * library) so that a field the export or import drops fails the test.
 */
function platformFields(guide: GuideData): Fields {
  const online = guide.online as Fields;
  const result = guide.result as Fields;
  const limit = guide.time_limit as Fields;
  const fees = guide.fees;
  return {
    codes: guide.codes,
    title: guide.title,
    type: guide.type,
    level: guide.level,
    department: guide.department,
    audience: guide.audience,
    legal_basis: guide.legal_basis,
    conditions: guide.conditions,
    exclusions: guide.exclusions,
    quantity_limit: guide.quantity_limit,
    handling: guide.handling,
    statutory: limit.statutory,
    promised: limit.promised,
    visits: guide.visits,
    visits_reason: guide.visits_reason,
    level_online: online.level,
    url: online.url,
    // 预约办理 says an appointment can be made; the platform's 是否支持预约办理 says it once.
    appointment: online.level === '预约办理' ? true : guide.appointment,
    express: guide.express,
    result: { name: result.name, type: result.type, sample: result.sample, delivery: result.delivery },
    free: Array.isArray(fees) ? fees.length === 0 : (fees as Fields).free,
    fees: feeList(fees),
    steps: (guide.steps as Fields[]).map((step) =>
      typeof step === 'string' ? step : { title: step.title, how: step.how },
    ),
    contacts: guide.contacts,
    pledge: guide.pledge,
    materials: (guide.materials as Fields[]).map((material) => ({
      ...material,
      need: material.need ?? '必要',
      form: formSet(material.form),
    })),
    faq: guide.faq,
    locations: guide.locations,
  };
}

describe('guide → platform tables → guide', async () => {
  const { tables } = exportPlatform(examples);
  const workbook = await writeWorkbook(tables);
  const read = await readWorkbook('examples.xlsx', workbook);
  const ids = Object.fromEntries(examples.map((guide) => [(guide.codes as Fields).basic, guide.id as string]));
  const { guides, report } = importPlatform(read, { mapping: { ...EMPTY_MAPPING, ids } });

  it('reads back every sheet and row it wrote, with nothing to report', () => {
    expect(examples).toHaveLength(21);
    expect(read.sheets.map((sheet) => [sheet.name, sheet.rows.length])).toEqual(
      tables.sheets.map((sheet) => [sheet.name, sheet.rows.length]),
    );
    expect(report.issues).toEqual([]);
    expect(guides.map((guide) => guide.id)).toEqual(examples.map((guide) => guide.id));
  });

  it.each(examples.map((guide) => [guide.id as string, guide]))('%s keeps every platform field', (id, guide) => {
    const imported = guides.find((candidate) => candidate.id === id)?.data as GuideData;
    expect(platformFields(imported)).toEqual(platformFields(guide));
    // Not on the platform: the summary and the review date; so an imported guide is a draft.
    expect(imported.status).toBe('草稿');
    expect(report.guides.find((summary) => summary.id === id)?.missing).toEqual([
      '一句话说明（summary）',
      '最后核验日期（reviewed）',
    ]);
  });

  it('exports the imported guides to the same cells', () => {
    const again = exportPlatform(guides.map((guide) => guide.data)).tables;
    expect(again.sheets).toEqual(tables.sheets);
  });
});
