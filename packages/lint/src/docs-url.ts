import { fileURLToPath } from 'node:url';
import { configSource } from './config.js';

/**
 * Where a rule's page is, relative to the repository: `docs/rules/<category>/<name>.md`, written by
 * `pnpm generate`. Relative because the project has no published site or repository address
 * (package.json names none); the generated files stay the same on every machine.
 */
export function ruleDocsUrl(id: string): string {
  return `docs/rules/${id}.md`;
}

/** The repository this package was installed from; it ships the docs beside the packages. */
const repositoryRoot = new URL('../../../', import.meta.url);

/** A rule's page on this machine, as a `file:` URL (SARIF wants an absolute URI) and as a path. */
export function installedRuleDocs(id: string): { url: string; path: string } {
  const url = new URL(ruleDocsUrl(id), repositoryRoot);
  return { url: url.href, path: fileURLToPath(url) };
}

/**
 * A rule's page for reports read elsewhere (SARIF, rdjson): the configured `rule_docs_url` with
 * {id} replaced, else the page installed on this machine, which opens only here.
 */
export function ruleHelpUri(id: string, template: string | undefined): string {
  return template ? template.replaceAll('{id}', id) : installedRuleDocs(id).url;
}

/**
 * The `rule_docs_url` that applies to a run: that of the first guide's configuration (a report has
 * one page per rule), which the run has read already, so it cannot fail here.
 */
export function configuredRuleDocsUrl(filePaths: readonly string[], configFile?: string): string | undefined {
  const [first] = filePaths;
  return first === undefined ? undefined : configSource(configFile)(first).ruleDocsUrl;
}
