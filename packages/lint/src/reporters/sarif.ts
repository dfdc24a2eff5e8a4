import { pathToFileURL } from 'node:url';
import type { ArtifactLocation, Fix as SarifFix, Log, ReportingDescriptor, Result } from 'sarif';
import { ruleHelpUri } from '../docs-url.js';
import { notices, type NoticeMeta } from '../notices.js';
import { rules } from '../rules/index.js';
import type { Diagnostic, Fix, LintResult, FormatterContext } from '../types.js';
import { occurrenceKeys, pathFromRoot, reportRoot } from './repository.js';

function ruleDescriptor(meta: NoticeMeta, ruleDocsUrl: string | undefined): ReportingDescriptor {
  const { id } = meta;
  const helpUri = ruleHelpUri(id, ruleDocsUrl);
  // Code scanning shows help.markdown, not helpUri: a published page is linked there too.
  const link = ruleDocsUrl ? `\n\n[规则说明](${helpUri})` : '';
  return {
    id,
    name: id.replace('/', '-'),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.description },
    help: {
      text: `${meta.description}\n\n怎么改：${meta.howToFix}`,
      markdown: `${meta.description}\n\n**怎么改：** ${meta.howToFix}${link}`,
    },
    helpUri,
    defaultConfiguration: { level: meta.severity === 'warn' ? 'warning' : 'error' },
    properties: { tags: [id.split('/')[0]!] },
  };
}

function sarifFix(description: string, fix: Fix, artifactLocation: ArtifactLocation): SarifFix {
  return {
    description: { text: description },
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
  };
}

/**
 * The fixes a viewer may offer. GitHub code scanning ignores `fixes`; the SARIF viewer of VS Code
 * offers each as a quick fix named by its description, applied only when chosen. SARIF has no
 * flag for a suggestion, so the description says which is which: `--fix` applies a fix, while a
 * suggestion (其 → 他 may change the meaning) is for a person to judge.
 */
function sarifFixes(message: Diagnostic, artifactLocation: ArtifactLocation): SarifFix[] {
  return [
    ...(message.fix ? [sarifFix('自动修复（baihua lint --fix 会应用）', message.fix, artifactLocation)] : []),
    ...(message.suggestions ?? []).map(({ desc, fix }) => sarifFix(`建议：${desc}`, fix, artifactLocation)),
  ];
}

/**
 * SARIF 2.1.0 with rule metadata, UTF-16 columns and fixes, paths from the repository root; each
 * finding carries its fingerprint so that code scanning follows it from commit to commit.
 */
export function sarif(results: LintResult[], { cwd, version, ruleDocsUrl }: FormatterContext): string {
  const descriptors = [...rules.map((rule) => rule.meta), ...notices].map((meta) => ruleDescriptor(meta, ruleDocsUrl));
  const index = new Map(descriptors.map((descriptor, position) => [descriptor.id, position]));
  const root = reportRoot(cwd);
  const sarifResults: Result[] = [];
  for (const result of results) {
    const path = pathFromRoot(result.filePath, root);
    const artifactLocation: ArtifactLocation = path
      ? { uri: encodeURI(path), uriBaseId: '%SRCROOT%' }
      : { uri: pathToFileURL(result.filePath).href };
    // In the file's order, suppressed or not, so that disabling one finding renumbers no other.
    const findings = [
      ...result.messages.map((message) => ({ message, suppressed: false })),
      ...result.suppressedMessages.map((message) => ({ message, suppressed: true })),
    ].sort((a, b) => a.message.line - b.message.line || a.message.column - b.message.column);
    const keys = occurrenceKeys(findings.map(({ message }) => message));
    findings.forEach(({ message, suppressed }, position) => {
      const fixes = sarifFixes(message, artifactLocation);
      sarifResults.push({
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
        // The only key code scanning reads; Baihua's fingerprint holds no line, so a line moved keeps it.
        partialFingerprints: { primaryLocationLineHash: keys[position]! },
        ...(fixes.length && { fixes }),
        // A baselined finding is held back by a file beside the guides; a directive, in the guide.
        ...(suppressed && {
          suppressions: [{ kind: message.suppressions ? ('external' as const) : ('inSource' as const) }],
        }),
      });
    });
  }
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'baihua', version, rules: descriptors } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(root.endsWith('/') ? root : `${root}/`).href } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
