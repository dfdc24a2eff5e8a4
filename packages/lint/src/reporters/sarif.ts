import { pathToFileURL } from 'node:url';
import { displayPath } from '@baihua/core';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { installedRuleDocs } from '../docs-url.js';
import { notices, type NoticeMeta } from '../notices.js';
import { rules } from '../rules/index.js';
import type { Diagnostic, LintResult, FormatterContext } from '../types.js';

function ruleDescriptor(meta: NoticeMeta): ReportingDescriptor {
  const { id } = meta;
  return {
    id,
    name: id.replace('/', '-'),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.description },
    help: {
      text: `${meta.description}\n\n怎么改：${meta.howToFix}`,
      markdown: `${meta.description}\n\n**怎么改：** ${meta.howToFix}`,
    },
    helpUri: installedRuleDocs(id).url,
    defaultConfiguration: { level: meta.severity === 'warn' ? 'warning' : 'error' },
    properties: { tags: [id.split('/')[0]!] },
  };
}

/** SARIF 2.1.0 with rule metadata, UTF-16 columns and fixes; code-scanning services read it. */
export function sarif(results: LintResult[], { cwd, version }: FormatterContext): string {
  const descriptors = [...rules.map((rule) => rule.meta), ...notices].map(ruleDescriptor);
  const index = new Map(descriptors.map((descriptor, position) => [descriptor.id, position]));
  const sarifResults: Result[] = [];
  for (const result of results) {
    const uri = encodeURI(displayPath(result.filePath, cwd).replaceAll('\\', '/'));
    const artifactLocation = { uri, uriBaseId: '%SRCROOT%' };
    const toResult = (message: Diagnostic, suppressed: boolean): Result => ({
      ruleId: message.ruleId,
      ruleIndex: index.get(message.ruleId)!,
      level: message.severity === 2 ? 'error' : 'warning',
      message: { text: message.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation,
            region: {
              startLine: message.line,
              startColumn: message.column,
              endLine: message.endLine,
              endColumn: message.endColumn,
            },
          },
        },
      ],
      ...((message.fix || message.suggestions) && {
        fixes: [...(message.fix ? [{ desc: '自动修复', fix: message.fix }] : []), ...(message.suggestions ?? [])].map(
          ({ desc, fix }) => ({
            description: { text: desc },
            artifactChanges: [
              {
                artifactLocation,
                replacements: [
                  {
                    deletedRegion: { charOffset: fix.range[0], charLength: fix.range[1] - fix.range[0] },
                    insertedContent: { text: fix.text },
                  },
                ],
              },
            ],
          }),
        ),
      }),
      ...(suppressed && { suppressions: [{ kind: 'inSource' as const }] }),
    });
    for (const message of result.messages) sarifResults.push(toResult(message, false));
    for (const message of result.suppressedMessages) sarifResults.push(toResult(message, true));
  }
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'baihua', version, informationUri: 'https://baihua.dev', rules: descriptors } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
