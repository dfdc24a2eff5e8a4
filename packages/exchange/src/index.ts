// @baihua/exchange: guides in from the national platform's exchange tables and from saved guide
// pages, and back out to the platform's tables (issue 20).
export { guideFileText, type GuideFileOptions } from './guide-file.js';
export { exchangeDataDirectory, pageLabels, type LabelledField, type PageLabels } from './page-labels.js';
export {
  draftFromText,
  titleFromHeading,
  DRAFT_ID,
  UNCLASSIFIED_HEADING,
  type DraftOptions,
  type PageDraft,
} from './page-text.js';
export { draftFromHtml, pageTextFromHtml } from './page-html.js';
export { readDuration, readMaterial, findPhone, listItems } from './page-values.js';
export { pageRecovery, valueAt, type Recovery } from './page-recovery.js';
