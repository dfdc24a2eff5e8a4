import { describe, expect, it } from 'vitest';
import { findingRange } from '../src/diagnostics.js';

describe('findingRange', () => {
  const onFirstLine = { line: 1, column: 8, endLine: 1, endColumn: 12 };

  it('makes lines and UTF-16 columns 0-based', () => {
    expect(findingRange(onFirstLine)).toEqual({ start: { line: 0, character: 7 }, end: { line: 0, character: 11 } });
    expect(findingRange({ line: 3, column: 1, endLine: 4, endColumn: 2 })).toEqual({
      start: { line: 2, character: 0 },
      end: { line: 3, character: 1 },
    });
  });

  it('counts a BOM the client keeps as the first character of line 1, and only there', () => {
    expect(findingRange(onFirstLine, true)).toEqual({
      start: { line: 0, character: 8 },
      end: { line: 0, character: 12 },
    });
    expect(findingRange({ line: 1, column: 3, endLine: 2, endColumn: 5 }, true)).toEqual({
      start: { line: 0, character: 3 },
      end: { line: 1, character: 4 },
    });
  });
});
