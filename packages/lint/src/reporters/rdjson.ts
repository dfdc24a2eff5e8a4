import { readFileSync } from 'node:fs';
import { displayPath, SourceFile } from '@baihua/core';
import { ruleHelpUri } from '../docs-url.js';
import type { Diagnostic, Fix, FormatterContext, LintResult } from '../types.js';

interface Position {
  line: number;
  /** 1-based, counted in UTF-8 bytes, as the Reviewdog Diagnostic Format says */
  column: number;
}

/** Line starts of a text, to turn UTF-16 columns and offsets into rdjson's UTF-8 byte columns. */
class ByteColumns {
  readonly #file: SourceFile;
  readonly #lineStarts = [0];

  constructor(file: SourceFile) {
    this.#file = file;
    // The line breaks SourceFile counts: \r\n, \n and a lone \r.
    for (const match of file.text.matchAll(/\r\n|\n|\r/g)) this.#lineStarts.push(match.index + match[0].length);
  }

  position(line: number, column: number): Position {
    const start = this.#lineStarts[line - 1] ?? this.#file.text.length;
    return { line, column: Buffer.byteLength(this.#file.text.slice(start, start + column - 1)) + 1 };
  }

  at(offset: number): Position {
    const { line, column } = this.#file.pointAt(offset);
    return this.position(line, column);
  }
}

/** The text the positions refer to: fixed, piped in, or on disk; undefined when it is gone. */
function linted(result: LintResult, sources: FormatterContext['sources']): SourceFile | undefined {
  const text = result.output ?? sources?.get(result.filePath);
  if (text !== undefined) return new SourceFile(result.filePath, text);
  try {
    return new SourceFile(result.filePath, readFileSync(result.filePath, 'utf8'));
  } catch {
    return undefined;
  }
}

function suggestions(message: Diagnostic, columns: ByteColumns) {
  const edits: Fix[] = [...(message.fix ? [message.fix] : []), ...(message.suggestions ?? []).map(({ fix }) => fix)];
  return edits.map(({ range, text }) => ({ range: { start: columns.at(range[0]), end: columns.at(range[1]) }, text }));
}

/**
 * reviewdog's Diagnostic Format (`reviewdog -f=rdjson`): columns in UTF-8 bytes, end exclusive;
 * the fix and the suggestions as suggested changes, which reviewers apply or not on the review.
 */
export function rdjson(results: LintResult[], { cwd, ruleDocsUrl, sources }: FormatterContext): string {
  const diagnostics = results.flatMap((result) => {
    const path = displayPath(result.filePath, cwd).replaceAll('\\', '/');
    const file = result.messages.length ? linted(result, sources) : undefined;
    const columns = file && new ByteColumns(file);
    return result.messages.map((message) => {
      const edits = columns ? suggestions(message, columns) : [];
      return {
        message: message.message,
        location: {
          path,
          // Without the text the byte columns are unknown: the lines are still right.
          range: columns
            ? {
                start: columns.position(message.line, message.column),
                end: columns.position(message.endLine, message.endColumn),
              }
            : { start: { line: message.line }, end: { line: message.endLine } },
        },
        severity: message.severity === 2 ? 'ERROR' : 'WARNING',
        code: { value: message.ruleId, url: ruleHelpUri(message.ruleId, ruleDocsUrl) },
        ...(edits.length && { suggestions: edits }),
      };
    });
  });
  return `${JSON.stringify({ source: { name: 'baihua' }, diagnostics }, null, 2)}\n`;
}
