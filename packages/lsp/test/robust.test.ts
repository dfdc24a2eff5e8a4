import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findGuideFiles, parseGuide, SourceFile } from '@baihua/core';
import type { DocumentSymbol, Range } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { guideFoldingRanges } from '../src/folding.js';
import { guideSymbols } from '../src/symbols.js';
import { cursorPlace, yamlLines } from '../src/yaml-cursor.js';

const guidesDir = join(import.meta.dirname, '../../../guides');

const before = (a: Range['start'], b: Range['start']) =>
  a.line < b.line || (a.line === b.line && a.character <= b.character);

function checkSymbols(symbols: DocumentSymbol[], lineCount: number, parent?: DocumentSymbol): void {
  for (const symbol of symbols) {
    if (parent)
      expect(before(parent.range.start, symbol.range.start) && before(symbol.range.end, parent.range.end)).toBe(true);
    expect(before(symbol.range.start, symbol.range.end)).toBe(true);
    expect(before(symbol.range.start, symbol.selectionRange.start)).toBe(true);
    expect(before(symbol.selectionRange.end, symbol.range.end)).toBe(true);
    expect(symbol.range.end.line).toBeLessThan(lineCount);
    checkSymbols(symbol.children ?? [], lineCount, symbol);
  }
}

/**
 * Each example guide cut off in the middle of each line, as while it is typed: the place at the
 * cursor, the outline and the folding never throw and stay inside the text.
 */
describe('half-typed guides', async () => {
  const files = await findGuideFiles([guidesDir]);
  it.each(files.map((file) => [file.slice(guidesDir.length + 1), file]))('%s', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    for (const [index, line] of lines.entries()) {
      const cut = [...lines.slice(0, index), line.slice(0, Math.ceil(line.length / 2))];
      const region = yamlLines(cut, file.endsWith('.md'));
      for (let character = 0; region && character <= cut[index]!.length; character++) {
        const place = cursorPlace(cut, index, character, region);
        if (!place) continue;
        expect(place.replace.line).toBe(index);
        expect(place.replace.start).toBeLessThanOrEqual(character);
        expect(place.replace.end).toBeGreaterThanOrEqual(character);
        expect(place.replace.end).toBeLessThanOrEqual(cut[index]!.length);
      }
      if (index % 7 !== 0) continue;
      const cutText = cut.join('\n');
      const guide = parseGuide(new SourceFile(file, cutText));
      checkSymbols(guideSymbols(guide), cut.length);
      for (const range of guideFoldingRanges(guide)) {
        expect(range.startLine).toBeLessThan(range.endLine);
        expect(range.endLine).toBeLessThan(cut.length);
      }
    }
  });
});
