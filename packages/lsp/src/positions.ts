import type { Position, Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * Offsets into a guide's text as parsed and positions in the editor's document. The two differ
 * by the BOM: the parser takes it off, while a client that keeps it counts it as a character of
 * the first line. Lines end at CRLF, LF or CR and characters are UTF-16 code units on both sides.
 */
export class GuidePositions {
  readonly #document: TextDocument;
  readonly #bom: number;

  /** `documentText`: the editor's text, the guide's text with its BOM (`SourceFile.withBom`) */
  constructor(documentText: string) {
    this.#bom = documentText.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.#document = TextDocument.create('', '', 0, documentText);
  }

  /** Whether the editor's text starts with the BOM. */
  get keptBom(): boolean {
    return this.#bom === 1;
  }

  /** The editor's text. */
  get documentText(): string {
    return this.#document.getText();
  }

  /** The position of an offset into the guide's text. */
  position(offset: number): Position {
    return this.#document.positionAt(offset + this.#bom);
  }

  range([start, end]: readonly [number, number]): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  /** The offset into the guide's text of a position (a position within the BOM is the start). */
  offset(position: Position): number {
    return Math.max(0, this.#document.offsetAt(position) - this.#bom);
  }

  /** The range of offsets into the editor's text (BOM included), for edits computed on it. */
  documentRange(start: number, end: number): Range {
    return { start: this.#document.positionAt(start), end: this.#document.positionAt(end) };
  }
}

/**
 * The one replacement that turns `before` into `after`: their common start and end kept, the middle
 * replaced. The cut never splits a surrogate pair or a CRLF, whose halves are no position of an editor.
 */
export function replacementBetween(before: string, after: string): { start: number; end: number; text: string } {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  while (start > 0 && splitsPair(before, start)) start--;
  let tail = 0;
  while (
    tail < shorter - start &&
    before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)
  )
    tail++;
  while (tail > 0 && splitsPair(before, before.length - tail)) tail--;
  return { start, end: before.length - tail, text: after.slice(start, after.length - tail) };
}

/** Whether `offset` falls between the halves of a surrogate pair or of a CRLF. */
function splitsPair(text: string, offset: number): boolean {
  const previous = text.charCodeAt(offset - 1);
  const next = text.charCodeAt(offset);
  return (
    (previous >= 0xd800 && previous <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) || (previous === 13 && next === 10)
  );
}
