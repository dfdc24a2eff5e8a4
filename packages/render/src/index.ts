export {
  renderSite,
  renderGuide,
  renderCatalog,
  renderJourney,
  renderJourneys,
  journeyServices,
  loadTemplates,
  handoutsOf,
  indexGroups,
  siteLogoFiles,
  topicAnchor,
  RENDER_MODULES,
  TARGETS,
  PAGE_TARGETS,
  type PageTarget,
  DEFAULT_TEMPLATES,
  MOBILE_PAGE_LIMIT,
  type Target,
  type SiteOptions,
  type SiteFiles,
  type Site,
  type Handout,
  type GuideRecord,
  type GuideRenderOptions,
  type CatalogOptions,
  type RenderedGuide,
  type JourneyRecord,
  type JourneyRenderOptions,
  type SiteTemplates,
  type IndexGroup,
  type IndexGroups,
} from './site.js';
export {
  FIELD_ON_PAGE,
  GUIDE_ID,
  guideView,
  telUrl,
  type GuideView,
  type MaterialView,
  type LocationView,
} from './view.js';
export { viewFacts, journeyFacts, type ViewFact } from './facts.js';
export {
  journeyView,
  journeyMemberships,
  type JourneyView,
  type JourneyStepView,
  type ChecklistItemView,
  type JourneyTotalView,
  type JourneyMembership,
} from './journey-view.js';
export {
  searchDocument,
  journeySearchDocument,
  JOURNEY_CATEGORY,
  searchIndexFiles,
  searchModuleSource,
  type SearchDocument,
  type SearchSegment,
  type SearchMeta,
  type SearchField,
} from './search.js';
export {
  createSearch,
  queryWords,
  type IndexLoader,
  type SearchFilters,
  type SearchOptions,
  type SearchResponse,
  type SearchResult,
} from './search-query.js';
export { bodyHtml, bodyTree, withTermsMarked, type TermMark } from './body.js';
export { PdfPrinter, findChromium, CHROMIUM_MISSING, CHROMIUM_FLAGS } from './pdf.js';
export { qrSvg } from './qr.js';
export { escapeHtml } from './html.js';
export {
  bundleGuide,
  bundleJourney,
  bundleManifest,
  contentHash,
  BUNDLE_SCHEMA_VERSION,
  type BundledGuide,
  type BundledJourney,
  type JourneyManifestEntry,
  type BundleGuideOptions,
  type ManifestEntry,
  type ManifestOptions,
  type ReadabilityGrade,
} from './bundle.js';
export {
  calendarDaysMax,
  fees,
  isoDate,
  phoneNumber,
  timeLimit,
  type PhoneNumber,
  type TimeLimit,
  type Fees,
} from './bundle-fields.js';
export { richTextBody, RICH_TEXT_TAGS, type RichTextNode, type RichTextBody } from './rich-text.js';
export { sitemapFiles, SITEMAP_URL_LIMIT, type SitemapPage } from './sitemap.js';
export {
  renderReport,
  REPORT_TEMPLATES,
  type CatalogReport,
  type ReportCount,
  type ReportGroup,
  type ReportHeadline,
  type ReportHistoryPoint,
  type ReportProblem,
  type ReportRule,
  type ReportWorkItem,
} from './report.js';
