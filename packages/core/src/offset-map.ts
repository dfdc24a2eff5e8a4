/**
 * Maps offsets in a derived string (a YAML scalar's value, a Markdown paragraph's text) back to
 * offsets in the source file, so that a finding inside a value lands on the exact characters the
 * clerk typed, even across escapes, folded lines and CRLF.
 *
 * A map is a sorted list of pieces. A verbatim piece copies `length` characters one to one; an
 * atomic piece stands for text that has no character-by-character source (an escape such as
 * `\u4e2d`, a folded line break, `&amp;`): every index inside it maps to the whole source span.
 */
interface Piece {
  /** start in the derived text */
  text: number;
  /** start in the source */
  source: number;
  textLength: number;
  sourceLength: number;
  verbatim: boolean;
}

export class OffsetMap {
  readonly #pieces: Piece[];
  readonly #textLength: number;

  constructor(pieces: Piece[], textLength: number) {
    this.#pieces = pieces;
    this.#textLength = textLength;
  }

  /** A map for text that is copied verbatim from `source` at `start`. */
  static identity(start: number, length: number): OffsetMap {
    return new OffsetMap(
      [{ text: 0, source: start, textLength: length, sourceLength: length, verbatim: true }],
      length,
    );
  }

  /** A map that sends every index to one source span (used when a value cannot be aligned). */
  static whole(sourceStart: number, sourceEnd: number, textLength: number): OffsetMap {
    return new OffsetMap(
      [{ text: 0, source: sourceStart, textLength, sourceLength: sourceEnd - sourceStart, verbatim: false }],
      textLength,
    );
  }

  /** Source offset of the character at `index` (a range start). */
  toSourceStart(index: number): number {
    if (this.#pieces.length === 0) return 0;
    if (index >= this.#textLength) return this.toSourceEnd(this.#textLength);
    const piece = this.#find(index);
    return piece.verbatim ? piece.source + (index - piece.text) : piece.source;
  }

  /** Source offset just after the character at `index - 1` (a range end, exclusive). */
  toSourceEnd(index: number): number {
    if (this.#pieces.length === 0) return 0;
    if (index <= 0) return this.toSourceStart(0);
    const piece = this.#find(Math.min(index, this.#textLength) - 1);
    if (!piece.verbatim) return piece.source + piece.sourceLength;
    return piece.source + (Math.min(index, this.#textLength) - piece.text);
  }

  /** Composes this map with an outer one: `outer` maps the source of this map further. */
  through(outer: OffsetMap): OffsetMap {
    const pieces: Piece[] = [];
    for (const piece of this.#pieces) {
      if (piece.verbatim) {
        // A verbatim run may cross atomic pieces of the outer map: go character by character.
        for (let i = 0; i < piece.textLength; i++) {
          const start = outer.toSourceStart(piece.source + i);
          const end = outer.toSourceEnd(piece.source + i + 1);
          const last = pieces.at(-1);
          const verbatim = end - start === 1;
          if (
            verbatim &&
            last?.verbatim &&
            last.source + last.sourceLength === start &&
            last.text + last.textLength === piece.text + i
          ) {
            last.textLength++;
            last.sourceLength++;
          } else {
            pieces.push({ text: piece.text + i, source: start, textLength: 1, sourceLength: end - start, verbatim });
          }
        }
      } else {
        const start = outer.toSourceStart(piece.source);
        const end = outer.toSourceEnd(piece.source + piece.sourceLength);
        pieces.push({ ...piece, source: start, sourceLength: end - start });
      }
    }
    return new OffsetMap(pieces, this.#textLength);
  }

  #find(index: number): Piece {
    const pieces = this.#pieces;
    let low = 0;
    let high = pieces.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (pieces[mid]!.text <= index) low = mid;
      else high = mid - 1;
    }
    return pieces[low]!;
  }
}

/** Builds a derived string and its OffsetMap piece by piece. */
export class OffsetMapBuilder {
  #text = '';
  readonly #pieces: Piece[] = [];

  get text(): string {
    return this.#text;
  }

  /** Appends `source.slice(start, end)` unchanged. */
  copy(source: string, start: number, end: number): void {
    if (end <= start) return;
    const last = this.#pieces.at(-1);
    if (
      last?.verbatim &&
      last.source + last.sourceLength === start &&
      last.text + last.textLength === this.#text.length
    ) {
      last.textLength += end - start;
      last.sourceLength += end - start;
    } else {
      this.#pieces.push({
        text: this.#text.length,
        source: start,
        textLength: end - start,
        sourceLength: end - start,
        verbatim: true,
      });
    }
    this.#text += source.slice(start, end);
  }

  /** Appends `text` that stands for the source span [start, end) as a whole. */
  replace(text: string, start: number, end: number): void {
    if (text.length === 0) return;
    this.#pieces.push({
      text: this.#text.length,
      source: start,
      textLength: text.length,
      sourceLength: end - start,
      verbatim: false,
    });
    this.#text += text;
  }

  build(): OffsetMap {
    return new OffsetMap(this.#pieces, this.#text.length);
  }
}
