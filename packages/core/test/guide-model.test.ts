import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGuide, readGuideModel, SourceFile, type SourceRange } from '@baihua/core';

const root = join(import.meta.dirname, '../../..');

// A guide as a clerk might half-finish it: some values of the wrong type, a list with an item of
// the wrong kind in the middle, an unknown key, a key without a value.
const MARKDOWN_GUIDE = `---
id: marriage-registration
title: 结婚登记
summary: 两个人自愿结婚，到婚姻登记处领结婚证。
type: 行政确认
audience: [个人]
department: 青禾市民政局婚姻登记处
legal_basis: [《中华人民共和国民法典》第一千零四十九条]
conditions: [男方年满二十二周岁，女方年满二十周岁。]
materials:
  - name: 居民户口簿
    form: 原件
    copies: 一份
    source: 自备
  - 结婚照
  - name: 居民身份证
    form: [原件, 复印件]
    copies: 2
    source: 自己带
steps:
  - { title: 到窗口办理, how: 两个人一起带上材料到婚姻登记处。 }
handling: 即办件
time_limit:
  statutory: { days: 0, unit: 工作日 }
  promised: { days: 0, unit: 天 }
fees: { free: true }
result: { name: 结婚证, delivery: [当场领取] }
online: { level: 预约办理, url: 12345, mobile: }
visits: 1.5
locations:
  - { name: 东湖区婚姻登记处, address: 东湖区人民路1号, hours: 周一至周五 9:00–17:00 }
contacts: { consult: "0000-12345678", complaint: "12345" }
reviewed: 2026-10-01
remark: 不认识的字段
---

## 办理前请确认

两个人都要到场。
`;

const YAML_GUIDE = `id: passport-application
title: 申请普通护照
summary: 出国旅游、探亲要用护照，第一次申请或换发都在这里办。
materials:
  - name: 居民身份证
    exempt: { source: 电子证照库：居民身份证 }
  - name: 近期证件照
    copies: 2
fees:
  - { item: 护照工本费, amount: 120, basis: 《关于降低护照等出入境证件收费标准的通知》 }
  - 免费
related: [id-card-renewal, 42]
body: |
  ## 办理前请确认

  请先预约。
`;

const markdownGuide = () => parseGuide(new SourceFile('guides/婚姻登记/结婚登记.md', MARKDOWN_GUIDE));
const yamlGuide = () => parseGuide(new SourceFile('guides/出入境/passport.yaml', YAML_GUIDE));
const textAt = (text: string, range: SourceRange | undefined) => range && text.slice(range.start, range.end);

describe('the guide model', () => {
  it('keeps the values of the schema’s types and drops the others, keeping list places', () => {
    const { fields, hasFields } = readGuideModel(markdownGuide());
    expect(hasFields).toBe(true);
    expect(fields.title).toBe('结婚登记');
    // copies: 一份 is not an integer; 自己带 is not one of the sources; 结婚照 is not a material.
    expect(fields.materials).toEqual([
      { name: '居民户口簿', form: '原件', source: '自备' },
      undefined,
      { name: '居民身份证', form: ['原件', '复印件'], copies: 2 },
    ]);
    expect(fields.time_limit).toEqual({ statutory: { days: 0, unit: '工作日' }, promised: { days: 0 } });
    expect(fields.online).toEqual({ level: '预约办理' });
    expect(fields.visits).toBeUndefined();
    expect(fields.fees).toEqual({ free: true });
    expect('remark' in fields).toBe(false);
  });

  it('picks the branch of a field that may be a list or an object by the value’s type', () => {
    const { fields } = readGuideModel(yamlGuide());
    expect(fields.fees).toEqual([
      { item: '护照工本费', amount: 120, basis: '《关于降低护照等出入境证件收费标准的通知》' },
      undefined,
    ]);
    expect(fields.related).toEqual(['id-card-renewal', undefined]);
    expect(fields.materials?.[0]?.exempt).toEqual({ source: '电子证照库：居民身份证' });
    expect(fields.body).toBe('## 办理前请确认\n\n请先预约。\n');
  });

  it('finds where every field is written, values of the wrong type included', () => {
    const guide = markdownGuide();
    const model = readGuideModel(guide);
    const text = guide.file.text;
    const copies = model.rangeOf(['materials', 0, 'copies'])!;
    expect([guide.file.pointAt(copies.key.start), textAt(text, copies.key), textAt(text, copies.value)]).toEqual([
      { line: 13, column: 5 },
      'copies',
      '一份',
    ]);
    const form = model.rangeOf(['materials', 2, 'form', 1])!;
    expect([guide.file.pointAt(form.value.start), textAt(text, form.value), textAt(text, form.key)]).toEqual([
      { line: 17, column: 16 },
      '复印件',
      '复印件',
    ]);
    const item = model.rangeOf(['materials', 1])!;
    expect([guide.file.pointAt(item.value.start), textAt(text, item.value)]).toEqual([
      { line: 15, column: 5 },
      '结婚照',
    ]);
    const mobile = model.rangeOf(['online', 'mobile'])!;
    expect([textAt(text, mobile.key), mobile.value.start === mobile.value.end]).toEqual(['mobile', true]);
    expect(model.rangeOf(['online', 'url'])?.value).toEqual({
      start: text.indexOf('12345, mobile'),
      end: text.indexOf(', mobile'),
    });
    expect(model.rangeOf(['alert'])).toBeUndefined();
    expect(model.rangeOf(['materials', 3])).toBeUndefined();
  });

  it('places characters inside a string value, in a YAML guide and in a block of it', () => {
    const guide = yamlGuide();
    const model = readGuideModel(guide);
    const range = model.textRange(['materials', 0, 'exempt', 'source'], 0, 5);
    expect([textAt(guide.file.text, range), guide.file.pointAt(range!.start)]).toEqual([
      '电子证照库',
      { line: 6, column: 23 },
    ]);
    const name = model.rangeOf(['fees', 0, 'item'])!;
    expect([textAt(guide.file.text, name.value), guide.file.pointAt(name.value.start)]).toEqual([
      '护照工本费',
      { line: 10, column: 13 },
    ]);
    expect(model.textRange(['title'], 2, 4)).toEqual({
      start: YAML_GUIDE.indexOf('普通'),
      end: YAML_GUIDE.indexOf('护照'),
    });
  });

  it('is made once per parsed guide', () => {
    const guide = markdownGuide();
    expect(readGuideModel(guide)).toBe(readGuideModel(guide));
    expect(readGuideModel(markdownGuide())).not.toBe(readGuideModel(guide));
  });

  it('has no fields when the YAML is not a mapping', () => {
    const model = readGuideModel(parseGuide(new SourceFile('list.yaml', '- 结婚登记\n- 离婚登记\n')));
    expect([model.hasFields, model.fields]).toEqual([false, {}]);
  });

  it('only takes paths the guide type has', () => {
    const model = readGuideModel(markdownGuide());
    // @ts-expect-error online has no `link`
    model.rangeOf(['online', 'link']);
    // @ts-expect-error materials are addressed by index
    model.rangeOf(['materials', 'name']);
    // @ts-expect-error a step has no `copies`
    model.rangeOf(['steps', 0, 'copies']);
    expect(model.rangeOf(['steps', 0, 'how'])).toBeDefined();
  });
});

describe('the generated types', () => {
  it.each(['guide', 'journey'])('%s.ts is the one its schema gives', (name) => {
    const directory = mkdtempSync(join(tmpdir(), 'baihua-guide-type-'));
    try {
      execFileSync(process.execPath, [join(root, 'scripts/generate-guide-types.mjs'), directory]);
      const committed = readFileSync(join(root, `packages/core/src/generated/${name}.ts`), 'utf8');
      expect(
        committed === readFileSync(join(directory, `${name}.ts`), 'utf8'),
        `packages/core/src/generated/${name}.ts is stale: run \`node scripts/generate-guide-types.mjs\` (or \`pnpm build\`) and commit it`,
      ).toBe(true);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
