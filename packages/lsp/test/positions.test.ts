import { SourceFile } from '@baihua/core';
import { describe, expect, it } from 'vitest';
import { GuidePositions, replacementBetween } from '../src/positions.js';

const positionsOf = (text: string) => {
  const file = new SourceFile('guide.md', text);
  return { file, positions: new GuidePositions(file.withBom(file.text)) };
};

describe('GuidePositions', () => {
  it('maps offsets of the parsed text past a BOM the editor keeps on the first line', () => {
    const { file, positions } = positionsOf('\ufeff---\nid: a\n');
    expect(file.text.indexOf('---')).toBe(0);
    expect(positions.position(0)).toEqual({ line: 0, character: 1 });
    expect(positions.position(file.text.indexOf('id'))).toEqual({ line: 1, character: 0 });
    expect(positions.offset({ line: 0, character: 1 })).toBe(0);
    expect(positions.offset({ line: 0, character: 0 })).toBe(0);
  });

  it('counts CRLF as one line break and characters in UTF-16 units', () => {
    const { file, positions } = positionsOf('第一行\r\n𠀀予以受理\r\n');
    const at = file.text.indexOf('予以');
    expect(positions.range([at, at + 4])).toEqual({
      start: { line: 1, character: 2 },
      end: { line: 1, character: 6 },
    });
    expect(positions.offset({ line: 1, character: 2 })).toBe(at);
  });

  it('keeps text without a BOM as it is', () => {
    const { positions } = positionsOf('a\nb');
    expect(positions.position(2)).toEqual({ line: 1, character: 0 });
    expect(positions.documentRange(0, 1)).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 1 } });
  });
});

describe('replacementBetween', () => {
  it('replaces only what changed', () => {
    expect(replacementBetween('材料齐全的予以受理。', '材料齐全的受理。')).toEqual({ start: 5, end: 7, text: '' });
    expect(replacementBetween('same', 'same')).toEqual({ start: 4, end: 4, text: '' });
  });

  it('never cuts between the halves of a surrogate pair or of a CRLF', () => {
    // 𠀀 and 𠀁 share their high surrogate.
    expect(replacementBetween('a𠀀b', 'a𠀁b')).toEqual({ start: 1, end: 3, text: '𠀁' });
    expect(replacementBetween('a\r\nb', 'a\nb')).toEqual({ start: 1, end: 3, text: '\n' });
    expect(replacementBetween('a\r\n', 'a\r\r\n')).toEqual({ start: 1, end: 1, text: '\r' });
  });
});
