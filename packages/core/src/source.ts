import { location } from 'vfile-location';

/** 1-based line and column; columns count UTF-16 code units, as ESLint, LSP and SARIF do. */
export interface Point {
  line: number;
  column: number;
}

/** Half-open range of offsets into `SourceFile.text`. */
export interface SourceRange {
  start: number;
  end: number;
}

/**
 * The text of a file as the clerk's editor shows it: decoded, with a leading BOM removed (editors
 * hide it and count columns without it), line endings kept as they are.
 */
export class SourceFile {
  readonly path: string;
  readonly text: string;
  /** whether the file began with a UTF-8 BOM; writers put it back */
  readonly bom: boolean;
  readonly #location: ReturnType<typeof location>;

  constructor(path: string, text: string) {
    this.path = path;
    this.bom = text.charCodeAt(0) === 0xfeff;
    this.text = this.bom ? text.slice(1) : text;
    this.#location = location(this.text);
  }

  pointAt(offset: number): Point {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const point = this.#location.toPoint(clamped);
    return point ? { line: point.line, column: point.column } : { line: 1, column: 1 };
  }

  /** The file's text with the BOM it was read with, for writing back. */
  withBom(text: string): string {
    return this.bom ? `\ufeff${text}` : text;
  }
}
