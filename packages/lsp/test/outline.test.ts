import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseGuide, SourceFile } from '@baihua/core';
import { describe, expect, it } from 'vitest';
import { guideFoldingRanges } from '../src/folding.js';
import { guideSymbols } from '../src/symbols.js';

const path = join(import.meta.dirname, '../../../guides/交通/driving-licence-renewal.yaml');
const guide = parseGuide(new SourceFile(path, readFileSync(path, 'utf8')));

describe('a .yaml guide', () => {
  it('has its body headings under the body field in the outline', () => {
    const body = guideSymbols(guide).find((symbol) => symbol.name === 'body')!;
    expect(body).toMatchObject({ detail: '正文', range: { start: { line: 114, character: 0 }, end: { line: 143 } } });
    expect(body.children!.map((heading) => [heading.name, heading.selectionRange])).toEqual([
      ['办理前请确认', { start: { line: 115, character: 5 }, end: { line: 115, character: 11 } }],
      ['体检怎么做', { start: { line: 121, character: 5 }, end: { line: 121, character: 10 } }],
      ['要花多少钱', { start: { line: 127, character: 5 }, end: { line: 127, character: 10 } }],
      ['办理小贴士', { start: { line: 131, character: 5 }, end: { line: 131, character: 10 } }],
      ['办不成的常见原因', { start: { line: 138, character: 5 }, end: { line: 138, character: 13 } }],
    ]);
  });

  it('folds the body as a whole and each of its sections', () => {
    expect(guideFoldingRanges(guide)).toEqual(
      expect.arrayContaining([
        { startLine: 114, endLine: 143 },
        { startLine: 115, endLine: 119 },
        { startLine: 138, endLine: 143 },
      ]),
    );
  });
});
