export { OffsetMap, OffsetMapBuilder } from './offset-map.js';
export { SourceFile, type Point, type SourceRange } from './source.js';
export type { ParseProblem, SyntaxRuleId } from './problems.js';
export { spanRange, type TextSpan } from './text-span.js';
export {
  parseYaml,
  escapePointerToken,
  pointerTokens,
  type ParsedYaml,
  type YamlEntry,
  type YamlComment,
} from './yaml-source.js';
export { parseMarkdown, markdownRange, type ParsedMarkdown, type MarkdownProblem } from './markdown.js';
export { parseGuide, guideFormat, type ParsedGuide, type GuideFormat } from './guide.js';
export {
  readGuideFile,
  readRegularFile,
  readBoundedStream,
  decodeGuide,
  decodeGuideRead,
  MAX_GUIDE_BYTES,
  type BoundedRead,
  type ReadGuide,
} from './read.js';
export { ConfigError, FileAccessError, UsageError } from './errors.js';
export { findGuideFiles, isDynamicPattern, DEFAULT_IGNORES } from './files.js';
export { displayPath, insideProject, isInside, projectRoots, realPath, repositoryRoot } from './paths.js';
export { closest } from './closest.js';
export {
  guideSchema,
  guideSchemaHash,
  guideValidator,
  journeySchema,
  journeySchemaHash,
  journeyValidator,
  configSchema,
  configSchemaHash,
  configValidator,
  schemaDirectory,
  createAjv,
  createRuntimeAjv,
  type SchemaError,
  type SchemaValidator,
} from './schemas.js';
export {
  ConfigResolver,
  mergeLayers,
  readConfigFile,
  configFromData,
  configFromText,
  CONFIG_FILE_NAMES,
  type ConfigData,
  type ConfigLayer,
  type ResolvedConfig,
  type RuleConfig,
  type RuleSetting,
  type Severity,
  type IgnorePatterns,
  type SiteIdentity,
  type SiteSection,
} from './config.js';
export type { Guide, Material, Step, Duration, Fee, Location } from './generated/guide.js';
export type { Journey, Step as JourneyStep, SameMaterial } from './generated/journey.js';
export {
  readGuideModel,
  readJourneyModel,
  textOf,
  type DocumentModel,
  type GuideModel,
  type GuideFields,
  type JourneyModel,
  type JourneyFields,
  type FieldPath,
  type FieldRange,
  type Lenient,
} from './model.js';
export { halfWidthDigits } from './domain/width.js';
export { parseChineseCount } from './domain/numbers.js';
export {
  calendarDayRange,
  durationText,
  inCalendarDays,
  lengthOf,
  lengthText,
  today,
  type Length,
  type TimeUnit,
} from './domain/time.js';
export { bracketed, clause, quantity } from './domain/typography.js';
export { ONLINE_LEVELS, WEB_LEVELS, OFFLINE_ONLY, type OnlineLevel } from './domain/online.js';
export { DRAFT, isDraft, unpublishedStatus, type GuideStatus } from './domain/status.js';
export { coreDataDirectory, isDialable, normalizePhone, phoneFormats, type PhoneFormat } from './domain/phone.js';
export { guideLifeEvents, lifeEvents, type LifeEvent, type LifeEvents } from './domain/life-events.js';
export {
  JOURNEY_FOLDER,
  asksForPaper,
  isJourneyPath,
  journeyService,
  materialKey,
  planJourney,
  type ChecklistEntry,
  type JourneyMaterial,
  type JourneyPlan,
  type JourneyProblem,
  type JourneyService,
  type JourneyTotals,
  type MaterialSource,
  type MaterialUse,
  type PlannedService,
  type PlannedStep,
  type SharedVisit,
} from './domain/journey.js';
