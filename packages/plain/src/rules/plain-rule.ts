import type { AnalyzedDocument } from '../document.js';
import type { Finding, PlainRuleId } from '../findings.js';
import type { OptionsSchema } from '../rule-options.js';

/**
 * A plain rule, in its own folder under src/rules with its data (`words.yaml`, the glossary):
 * its messages by id, its options schema with defaults, and how it finds its findings.
 */
export interface PlainRule<Options = never> {
  id: PlainRuleId;
  /** Chinese, with `{{name}}` placeholders filled from a finding's data */
  messages: Record<string, string>;
  options: OptionsSchema;
  /** findings in the document's joined text, `options` with their defaults filled in */
  find(doc: AnalyzedDocument, options: Options): Finding[];
}
