import { readFileSync } from 'node:fs';
import {
  importPlatform,
  parsePlatformMapping,
  readCsv,
  readWorkbook,
  importReportMarkdown,
  guideFileText,
} from '@baihua/exchange';
import { it } from 'vitest';
import { feesCsv, SAMPLE_MAPPING, sampleWorkbook } from './fixtures/sample-workbook.js';
it('scratch', async () => {
  const mapping = parsePlatformMapping(SAMPLE_MAPPING, 'mapping.yaml');
  const book = await readWorkbook('东湖区实施清单.xlsx', await sampleWorkbook(), mapping);
  const csv = readCsv('收费项目.csv', readFileSync(feesCsv), mapping);
  const tables = { sheets: [...book.sheets, ...csv.sheets], skipped: [...book.skipped, ...csv.skipped] };
  const { guides, report } = importPlatform(tables, { mapping });
  console.log(importReportMarkdown(report));
  for (const g of guides) console.log(JSON.stringify(g, null, 1));
});
