/**
 * The readability grade of a guide, as `baihua stats` gives it: a code lens on the title line
 * (「易读分 92 · 易读」) and, with each publish of diagnostics, a `baihua/readability` notification
 * for a status bar.
 */
import type { GuideReadability } from '@baihua/lint';
import { MIN_SCORED_CHARACTERS, UNSCORED } from '@baihua/plain';
import { type CodeLens, CodeLensRefreshRequest, NotificationType } from 'vscode-languageserver';
import { currentGuide } from './current-guide.js';
import type { Feature, LintedDocument, ServerContext } from './feature.js';

/** What `baihua/readability` carries: the grade of the guide at `uri` as linted at `version`. */
export interface ReadabilityParams {
  uri: string;
  version: number;
  /** false when the guide has too little prose to score, or readability is not measured */
  scored: boolean;
  score: number | null;
  /** 易读, 一般, 较难, 难, or 无法评分; null when the configuration measures no readability (plain/* off) */
  grade: string | null;
}

export const READABILITY_NOTIFICATION = new NotificationType<ReadabilityParams>('baihua/readability');

/** The command a readability lens carries, with the guide's URI: a client may bind it or ignore it. */
export const READABILITY_COMMAND = 'baihua.showReadability';

/** The lens's words, as `baihua stats` says them. */
export function readabilityTitle(readability: GuideReadability): string {
  return readability.scored
    ? `易读分 ${readability.score} · ${readability.band}`
    : `易读分：不到 ${MIN_SCORED_CHARACTERS} 个汉字，${UNSCORED}`;
}

function readabilityParams(document: LintedDocument): ReadabilityParams {
  const readability = document.result.stats?.readability;
  return {
    uri: document.uri,
    version: document.version,
    scored: readability?.scored ?? false,
    score: readability?.score ?? null,
    grade: readability?.band ?? null,
  };
}

/** The last lint published of each open guide. */
const published = new Map<string, LintedDocument>();

/** The title's line (the first line when there is no title). */
function titleLine(serverContext: ServerContext, uri: string): number {
  const guide = currentGuide(serverContext, uri);
  const title = guide?.yaml?.entries.get('/title');
  const at = title?.keyRange?.start ?? title?.range.start;
  return at === undefined ? 0 : guide!.file.pointAt(at).line - 1;
}

export const readabilityFeature: Feature = {
  capabilities: { codeLensProvider: { resolveProvider: false } },
  register(serverContext) {
    serverContext.documents.onDidClose(({ document }) => published.delete(document.uri));
    serverContext.connection.onCodeLens(async ({ textDocument }): Promise<CodeLens[] | null> => {
      const { uri } = textDocument;
      // The last lint's grade; a lint now only when the guide was never linted.
      const linted = published.get(uri) ?? (await serverContext.linted(uri));
      const readability = linted?.result.stats?.readability;
      if (!readability) return null;
      const line = titleLine(serverContext, uri);
      return [
        {
          range: { start: { line, character: 0 }, end: { line, character: 0 } },
          command: { title: readabilityTitle(readability), command: READABILITY_COMMAND, arguments: [uri] },
        },
      ];
    });
  },
  published(document, context) {
    const before = published.get(document.uri)?.result.stats?.readability;
    published.set(document.uri, document);
    void context.connection.sendNotification(READABILITY_NOTIFICATION, readabilityParams(document));
    const after = document.result.stats?.readability;
    const changed = !before || !after || readabilityTitle(before) !== readabilityTitle(after);
    if (changed && context.clientCapabilities.workspace?.codeLens?.refreshSupport) {
      void context.connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    }
  },
};
