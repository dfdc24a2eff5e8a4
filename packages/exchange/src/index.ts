// @baihua/exchange: guides in from the national platform's exchange tables and from saved guide
// pages, and back out to the platform's tables (issue 20).
export { guideFileText, type GuideFileOptions } from './guide-file.js';
export { exchangeDataDirectory, pageLabels, type LabelledField, type PageLabels } from './page-labels.js';
export {
  draftFromText,
  isRefusalHeading,
  titleFromHeading,
  DRAFT_ID,
  UNCLASSIFIED_HEADING,
  type DraftOptions,
  type PageDraft,
} from './page-text.js';
export { draftFromHtml, pageTextFromHtml } from './page-html.js';
export { readDuration, readMaterial, findPhone, listItems } from './page-values.js';
export { pageRecovery, valueAt, type Recovery } from './page-recovery.js';
export { PlatformInputError } from './platform-errors.js';
export {
  exportPlatform,
  type EmptyColumns,
  type ExportedGuideSummary,
  type ExportReport,
} from './platform-export.js';
export {
  importPlatform,
  X_PLATFORM,
  type GuideData,
  type ImportedGuide,
  type ImportedGuideSummary,
  type ImportOptions,
  type ImportReport,
} from './platform-import.js';
export {
  EMPTY_MAPPING,
  parsePlatformMapping,
  readPlatformMapping,
  type PlatformMapping,
} from './platform-mapping.js';
export { readCsv, readPlatformBytes, readPlatformFiles, readWorkbook } from './platform-read.js';
export {
  exportReportMarkdown,
  importReportMarkdown,
  importSummary,
  type ExportReportExtras,
  type ImportReportFiles,
} from './platform-report.js';
export { platformDataFile, SHEETS, type SheetName } from './platform-spec.js';
export type { PlatformIssue, PlatformRow, PlatformSheet, PlatformTables, SkippedInput } from './platform-tables.js';
export { writeWorkbook } from './platform-workbook.js';
