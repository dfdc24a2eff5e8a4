import { extname } from 'node:path';
import { filePathOf } from './uri.js';
import { parseGuide, SourceFile, type ParsedGuide } from '@baihua/core';
import type { LintedDocument, ServerContext } from './feature.js';

/** The last parse of each open guide, by URI: the last lint's, or one made for a request. */
const parsed = new Map<string, { version: number; guide: ParsedGuide }>();

/** Keeps the parse of a lint for the requests about the same version of the guide. */
export function rememberParse(document: LintedDocument): void {
  parsed.set(document.uri, { version: document.version, guide: document.guide });
}

function isGuide(context: ServerContext, filePath: string): boolean {
  if (!['.md', '.markdown', '.yaml', '.yml'].includes(extname(filePath).toLowerCase())) return false;
  try {
    return context.live.isGuide(filePath);
  } catch {
    return true; // its configuration is broken, but it is a guide of a project
  }
}

/**
 * An open guide parsed at its current version (outline, folding, the title line): the last lint's
 * parse when it is of this version, else a parse of the text, which is much cheaper than a lint.
 * Undefined for a file that is not a guide of a Baihua project.
 */
export function currentGuide(context: ServerContext, uri: string): ParsedGuide | undefined {
  for (const known of parsed.keys()) if (!context.documents.get(known)) parsed.delete(known);
  const document = context.documents.get(uri);
  const filePath = filePathOf(uri);
  if (!document || !filePath) return undefined;
  if (!isGuide(context, filePath)) return undefined;
  const last = parsed.get(uri);
  if (last?.version === document.version) return last.guide;
  const guide = parseGuide(new SourceFile(filePath, document.getText()));
  parsed.set(uri, { version: document.version, guide });
  return guide;
}
