export {
  renderSite,
  TARGETS,
  DEFAULT_TEMPLATES,
  MOBILE_PAGE_LIMIT,
  type Target,
  type SiteOptions,
  type SiteFiles,
  type Site,
  type Handout,
} from './site.js';
export { FIELD_ON_PAGE, guideView, telUrl, type GuideView, type MaterialView, type LocationView } from './view.js';
export { searchIndex, type SearchIndex } from './search.js';
export { bodyHtml, withTermsMarked, type TermMark } from './body.js';
export { PdfPrinter, findChromium, CHROMIUM_MISSING, CHROMIUM_FLAGS } from './pdf.js';
export { qrSvg } from './qr.js';
export { escapeHtml } from './html.js';
