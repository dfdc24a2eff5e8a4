/**
 * The design notes name only files that exist. The convention, stated at the top of
 * docs/architecture.md: a path in backticks is from the repository root, a bare file name
 * (`run.ts`) names a file somewhere in the repository, `<name>` stands for any one name, and what
 * the builds write (under a `dist/` folder, and `.dist.builds/`) is not a file of the repository.
 * Commands (anything with a space), globs, rule ids, URLs and system paths are not checked.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { notices, rules } from '@baihua/lint';
import { repoRoot } from './helpers.js';

const FILE_EXTENSION = /\.(?:ts|mjs|cjs|js|json|ya?ml|md|hbs|css|txt|sh|patch)$/;
/** Not files of the repository: system paths, example values and YAML tags, package names, URLs, build output. */
const ELSEWHERE = /^(?:\/|~|\.\.\/|!|@|[a-z]+:|\.dist\.builds\/)|(?:^|\/)dist\//;
const ruleIds = new Set([...rules.map((rule) => rule.meta.id), ...notices.map((notice) => notice.id)]);

/** Every file and folder of the repository (not dependencies nor build output), as paths from its root. */
function repositoryEntries(): { files: string[]; folders: string[] } {
  const files: string[] = [];
  const folders: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(join(repoRoot, folder), { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === '.git' || entry.name === 'dist') continue;
      const path = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        folders.push(path);
        walk(path);
      } else {
        files.push(path);
      }
    }
  };
  walk('');
  return { files, folders };
}

/** The paths a Markdown text names: in code spans outside fenced blocks, and as link targets. */
function namedPaths(markdown: string, markdownFolder: string): string[] {
  const text = markdown.replace(/^```[\s\S]*?^```/gm, '');
  const spans = [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1]!.trim());
  const inCode = spans.filter(
    (token) =>
      !/\s/.test(token) &&
      !token.includes('*') &&
      !ELSEWHERE.test(token) &&
      !ruleIds.has(token) &&
      !/^\.\w+$/.test(token) &&
      (token.includes('/') || FILE_EXTENSION.test(token)),
  );
  const linked = [...text.matchAll(/\]\(([^)\s#]+)(?:#[^)\s]*)?\)/g)]
    .map((match) => match[1]!)
    .filter((target) => !ELSEWHERE.test(target) || target.startsWith('../'))
    .map((target) => posix.normalize(posix.join(markdownFolder, target)));
  return [...new Set([...inCode, ...linked])];
}

/** The paths of `namedPaths` that match no file or folder of the repository. */
function missingPaths(markdown: string, markdownFolder = ''): string[] {
  const { files, folders } = repositoryEntries();
  const escapeRegExp = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  const pattern = (path: string) => escapeRegExp(path).replace(/<[^>]+>/g, '[^/]+');
  return namedPaths(markdown, markdownFolder).filter((path) => {
    if (path.endsWith('/')) {
      const folder = new RegExp(`^${pattern(path.slice(0, -1))}$`);
      return !folders.some((candidate) => folder.test(candidate));
    }
    const entry = path.includes('/') ? new RegExp(`^${pattern(path)}$`) : new RegExp(`(?:^|/)${pattern(path)}$`);
    return ![...files, ...folders].some((candidate) => entry.test(candidate));
  });
}

describe('docs/architecture.md', () => {
  it('names only files and folders that are in the repository', () => {
    const text = readFileSync(join(repoRoot, 'docs/architecture.md'), 'utf8');
    expect(missingPaths(text, 'docs')).toEqual([]);
  });

  it('the check names a path that does not exist, and leaves commands, rule ids and output alone', () => {
    const text = [
      'Checking one guide: `packages/lint/src/engine.ts`, fields from `guide-fields.ts`, words in',
      '`data/lexicon/vague-time.yaml`; see [the numbers](../BENCHMARK.md) and `packages/<name>/src/nowhere.ts`.',
      'Real: `packages/lint/src/check-guide.ts`, `run.ts`, `packages/plain/src/rules/<rule>/words.yaml`,',
      '`templates/site/partials/`, [benchmarks](../BENCHMARKS.md#history-and-design-measurements).',
      'Not paths: `pnpm -s build && pnpm generate`, `plain/vague-time`, `fix/not-written`, `catalog/*`,',
      '`dist/web/guides/<id>.html`, `packages/cli/dist/baihua.mjs`, `/dev/zero`, `@baihua/core/errors`,',
      '`../../x`, `.yaml`, `file://`, `!!js/function`.',
      '```',
      'packages/in/a/fenced/block.ts',
      '```',
    ].join('\n');
    expect(missingPaths(text, 'docs')).toEqual([
      'packages/lint/src/engine.ts',
      'guide-fields.ts',
      'data/lexicon/vague-time.yaml',
      'packages/<name>/src/nowhere.ts',
      'BENCHMARK.md',
    ]);
  });
});
