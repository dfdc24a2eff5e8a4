import type { Rule } from '../types.js';
import duplicateId from './catalog/duplicate-id.js';
import duplicateCode from './catalog/duplicate-code.js';
import brokenRelated from './catalog/broken-related.js';
import nearDuplicate from './catalog/near-duplicate.js';
import inconsistentContact from './catalog/inconsistent-contact.js';
import journeyMissingGuide from './journey/missing-guide.js';
import journeyNeedsLaterResult from './journey/needs-later-result.js';
import journeyOptionalWithoutWhen from './journey/optional-without-when.js';
import journeyOverTarget from './journey/over-target.js';
import journeyUnknownTotal from './journey/unknown-total.js';
import journeyUnusedName from './journey/unused-name.js';
import headingIncrement from './markdown/heading-increment.js';
import promisedExceedsStatutory from './policy/promised-exceeds-statutory.js';
import tooManyVisits from './policy/too-many-visits.js';
import onlineWithoutUrl from './policy/online-without-url.js';
import urlNotHttps from './policy/url-not-https.js';
import materialIncomplete from './policy/material-incomplete.js';
import cancelledCertificate from './policy/cancelled-certificate.js';
import placeholderSection from './policy/placeholder-section.js';
import stale from './policy/stale.js';
import feeBasis from './policy/fee-basis.js';
import contactFormat from './policy/contact-format.js';
import requiredSections from './policy/required-sections.js';
import repealedLaw from './policy/repealed-law.js';
import legalTextInConditions from './policy/legal-text-in-conditions.js';
import visitsReason from './policy/visits-reason.js';
import fieldConflict from './policy/field-conflict.js';
import mixedDayUnits from './policy/mixed-day-units.js';
import catchAllMaterial from './plain/catch-all-material.js';
import classicalWord from './plain/classical-word.js';
import doubleNegative from './plain/double-negative.js';
import jargon from './plain/jargon.js';
import longSentence from './plain/long-sentence.js';
import nominalization from './plain/nominalization.js';
import officialese from './plain/officialese.js';
import passive from './plain/passive.js';
import readability from './plain/readability.js';
import thirdPerson from './plain/third-person.js';
import unnamedPlace from './plain/unnamed-place.js';
import typography from './plain/typography.js';
import vagueReference from './plain/vague-reference.js';
import vagueTime from './plain/vague-time.js';
import noEmptyLink from './markdown/no-empty-link.js';
import noH1 from './markdown/no-h1.js';
import noHtml from './markdown/no-html.js';
import schemaEnum from './schema/enum.js';
import schemaFormat from './schema/format.js';
import schemaRange from './schema/range.js';
import schemaRequired from './schema/required.js';
import schemaType from './schema/type.js';
import unknownKey from './schema/unknown-key.js';
import duplicateKey from './syntax/duplicate-key.js';
import empty from './syntax/empty.js';
import encoding from './syntax/encoding.js';
import frontMatter from './syntax/front-matter.js';
import tooLarge from './syntax/too-large.js';
import syntaxMarkdown from './syntax/markdown.js';
import syntaxYaml from './syntax/yaml.js';
import ignoredTag from './syntax/ignored-tag.js';

/** Every rule, in the order findings of equal position are listed. */
export const rules: readonly Rule[] = [
  encoding,
  tooLarge,
  empty,
  frontMatter,
  syntaxYaml,
  duplicateKey,
  syntaxMarkdown,
  ignoredTag,
  schemaRequired,
  schemaType,
  schemaEnum,
  schemaFormat,
  schemaRange,
  unknownKey,
  promisedExceedsStatutory,
  tooManyVisits,
  onlineWithoutUrl,
  urlNotHttps,
  materialIncomplete,
  cancelledCertificate,
  placeholderSection,
  stale,
  feeBasis,
  contactFormat,
  requiredSections,
  repealedLaw,
  legalTextInConditions,
  visitsReason,
  fieldConflict,
  mixedDayUnits,
  noH1,
  headingIncrement,
  noHtml,
  noEmptyLink,
  classicalWord,
  officialese,
  nominalization,
  passive,
  vagueReference,
  vagueTime,
  catchAllMaterial,
  thirdPerson,
  unnamedPlace,
  doubleNegative,
  longSentence,
  jargon,
  typography,
  readability,
  duplicateId,
  duplicateCode,
  brokenRelated,
  nearDuplicate,
  inconsistentContact,
  journeyMissingGuide,
  journeyNeedsLaterResult,
  journeyOptionalWithoutWhen,
  journeyOverTarget,
  journeyUnknownTotal,
  journeyUnusedName,
];

export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((rule) => [rule.meta.id, rule]));
