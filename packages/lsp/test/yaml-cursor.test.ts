import { describe, expect, it } from 'vitest';
import { cursorPlace, yamlLines } from '../src/yaml-cursor.js';

/** The place at the `‸` of a text (the `‸` removed). */
function placeAt(textWithCursor: string, markdown = false) {
  const offset = textWithCursor.indexOf('‸');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  const lines = text.split('\n');
  const line = text.slice(0, offset).split('\n').length - 1;
  const character = offset - (text.lastIndexOf('\n', offset - 1) + 1);
  const region = yamlLines(lines, markdown);
  return region && cursorPlace(lines, line, character, region);
}

const MATERIALS = `id: id-card-renewal
title: 换领居民身份证
materials:
  - name: 原居民身份证
    need: 必要
    form: 原件
  - name: 居民户口簿
    form: 电子
`;

describe('cursorPlace', () => {
  it('at the top level: a key, with the keys already written', () => {
    expect(placeAt(`${MATERIALS}‸`)).toEqual({
      kind: 'key',
      path: [],
      present: ['id', 'title', 'materials'],
      replace: { line: 8, start: 0, end: 0 },
      typed: '',
      colonFollows: false,
      inFlow: false,
      needsSpace: false,
    });
  });

  it('a key half typed, without its colon: the document does not parse, the place is found', () => {
    const place = placeAt(`id: a\nsumm‸\ntitle: 换领居民身份证\n`);
    expect(place).toMatchObject({
      kind: 'key',
      path: [],
      present: ['id', 'title'],
      replace: { line: 1, start: 0, end: 4 },
      typed: 'summ',
    });
  });

  it('inside a material: the second item, its keys so far, on an empty line indented to them', () => {
    const place = placeAt(`${MATERIALS.replace('    form: 电子\n', '    ‸\n    form: 电子\n')}`);
    expect(place).toMatchObject({
      kind: 'key',
      path: ['materials', 1],
      present: ['name', 'form'],
      replace: { line: 7, start: 4, end: 4 },
    });
  });

  it('after `- `: an item, either a scalar or the first key of a mapping', () => {
    expect(placeAt(`${MATERIALS}  - ‸`)).toMatchObject({
      kind: 'item',
      path: ['materials', 2],
      present: [],
      replace: { line: 8, start: 4, end: 4 },
    });
  });

  it('a value after a key: the path of the value, the text to replace', () => {
    expect(placeAt(MATERIALS.replace('form: 原件', 'form: 原‸件'))).toMatchObject({
      kind: 'value',
      path: ['materials', 0, 'form'],
      replace: { line: 5, start: 10, end: 12 },
      typed: '原',
      needsSpace: false,
    });
    expect(placeAt('time_limit:\n  promised:\n    unit:‸')).toMatchObject({
      kind: 'value',
      path: ['time_limit', 'promised', 'unit'],
      needsSpace: true,
    });
  });

  it('inside brackets: the item of a flow sequence, the key or value of a flow mapping', () => {
    expect(placeAt('materials:\n  - form: [原件, 复‸]')).toMatchObject({
      kind: 'value',
      path: ['materials', 0, 'form', 1],
      present: ['原件'],
      replace: { line: 1, start: 15, end: 16 },
      typed: '复',
      inFlow: true,
    });
    expect(placeAt('time_limit:\n  promised: { days: 10, u‸ }')).toMatchObject({
      kind: 'key',
      path: ['time_limit', 'promised'],
      present: ['days'],
      typed: 'u',
      inFlow: true,
    });
    expect(placeAt('related: [a, ‸b, "c", [d, e], {f: g}] # h')).toMatchObject({
      kind: 'value',
      path: ['related', 1],
      present: ['a', 'c', '[d, e]', '{f: g}'],
      typed: '',
    });
    expect(placeAt('rules:\n  plain/third-person: [warn, { pronoun: ‸ }]')).toMatchObject({
      kind: 'value',
      path: ['rules', 'plain/third-person', 1, 'pronoun'],
    });
  });

  it('nowhere inside a block scalar, a comment, or the Markdown body', () => {
    expect(placeAt('summary: |\n  身份证‸\ntitle: a')).toBeUndefined();
    expect(placeAt('# 注释‸\nid: a')).toBeUndefined();
    expect(placeAt('---\nid: a\n---\n\n## 办理‸\n', true)).toBeUndefined();
    expect(placeAt('---\nid: a\nti‸\n', true)).toMatchObject({ kind: 'key', path: [], present: ['id'] });
  });

  it('under a key whose value is on more lines, a key of the mapping below it', () => {
    const place = placeAt('id: a\ntime_limit:\n  statutory: { days: 60,\n    unit: 自然日 }\n  ‸\nfees: []');
    expect(place).toMatchObject({ kind: 'key', path: ['time_limit'], present: ['statutory'] });
  });

  it('a key renamed above its own fields: those fields are not counted as written in the mapping above', () => {
    expect(placeAt('materials:\n  - name: a\n    exem‸\n      source: 平台\n    need: 必要')).toMatchObject({
      kind: 'key',
      path: ['materials', 0],
      present: ['name', 'need'],
      typed: 'exem',
    });
  });

  it('a key being typed before its colon: only the key is replaced', () => {
    expect(placeAt('materials:\n  - name: a\n    fo‸rm: 原件')).toMatchObject({
      kind: 'key',
      path: ['materials', 0],
      present: ['name'],
      replace: { line: 2, start: 4, end: 8 },
      colonFollows: true,
    });
  });
});
