import { fileURLToPath } from 'node:url';

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
