import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseGuide, SourceFile } from '@baihua/core';
import { applyFixes, lintBytes, recommendedConfig } from '@baihua/lint';
import { describe, expect, it } from 'vitest';
import { disableRuleEdit } from '../src/disable-directive.js';

const guides = fileURLToPath(new URL('../../../guides/', import.meta.url));
const ID_CARD = readFileSync(join(guides, '户籍/id-card-renewal.md'), 'utf8');
const DRIVING_LICENCE = readFileSync(join(guides, '交通/driving-licence-renewal.yaml'), 'utf8');

const lint = (path: string, text: string) => lintBytes(path, Buffer.from(text), { config: recommendedConfig() });

/** The text with the directive for the first finding of `ruleId` written, and the findings left. */
function disabled(path: string, text: string, ruleId: string) {
  const finding = lint(path, text).messages.find((candidate) => candidate.ruleId === ruleId)!;
  const edit = disableRuleEdit(parseGuide(new SourceFile(path, text)), finding);
  if (!edit) return undefined;
  const after = applyFixes(text, edit.fixes).text;
  return { edit, text: after, rules: lint(path, after).messages.map((message) => message.ruleId) };
}

describe('disableRuleEdit', () => {
  it('writes a YAML comment before a field of the front matter, indented as the field', () => {
    const text = ID_CARD.replace('    issuer: 签发旧证的公安局', '    issuer: 相关部门');
    const result = disabled('guide.md', text, 'plain/vague-reference')!;
    expect(result.edit.fixes[0]!.text).toBe('    # baihua-disable-next-line plain/vague-reference\n');
    expect(result.text).toBe(
      text.replace(
        '    issuer: 相关部门',
        '    # baihua-disable-next-line plain/vague-reference\n    issuer: 相关部门',
      ),
    );
    expect(result.rules).toEqual([]);
  });

  it('writes an HTML comment before a paragraph of the body, with the file’s CRLF', () => {
    const text = ID_CARD.replace('窗口现场免费拍照，', '窗口现场免费拍照，材料齐全的予以受理。').replaceAll(
      '\n',
      '\r\n',
    );
    const result = disabled('guide.md', text, 'plain/nominalization')!;
    expect(result.edit.fixes[0]!.text).toBe('<!-- baihua-disable-next-line plain/nominalization -->\r\n');
    expect(result.text).toBe(
      text.replace('\r\n窗口现场', '\r\n<!-- baihua-disable-next-line plain/nominalization -->\r\n窗口现场'),
    );
    expect(result.rules).toEqual([]);
  });

  it('ends a line within a list or paragraph with the comment, where a line of its own would split it', () => {
    const text = ID_CARD.replace('- 请您本人到场。', '- 请您本人到场，材料齐全的予以受理。');
    const result = disabled('guide.md', text, 'plain/nominalization')!;
    expect(result.text).toBe(
      text.replace('别人代替不了。', '别人代替不了。 <!-- baihua-disable-line plain/nominalization -->'),
    );
    expect(result.rules).toEqual([]);
  });

  it('adds the rule to a directive already on the line before, which alone counts', () => {
    const text = ID_CARD.replace(
      '窗口现场免费拍照，',
      '<!-- baihua-disable-next-line plain/jargon -- 本地群众都懂 -->\n窗口现场免费拍照，材料齐全的予以受理。',
    );
    const result = disabled('guide.md', text, 'plain/nominalization')!;
    expect(result.edit.fixes[0]!.text).toBe(', plain/nominalization');
    expect(result.text).toContain(
      '<!-- baihua-disable-next-line plain/jargon, plain/nominalization -- 本地群众都懂 -->\n窗口现场',
    );
    expect(result.rules).toEqual([]);

    const yaml = ID_CARD.replace('level: 县级', '# baihua-disable-next-line schema/enum\nsummary: 相关部门');
    const inFields = disabled('guide.md', yaml, 'plain/vague-reference')!;
    expect(inFields.text).toContain('# baihua-disable-next-line schema/enum, plain/vague-reference\nsummary: 相关部门');
  });

  it('writes the body’s directive inside the body of a .yaml guide, indented as its text', () => {
    const text = DRIVING_LICENCE.replace('## 办理前请确认\n', '## 办理前请确认\n\n    材料齐全的予以受理。\n');
    const result = disabled('guide.yaml', text, 'plain/nominalization')!;
    expect(result.edit.fixes[0]!.text).toBe('    <!-- baihua-disable-next-line plain/nominalization -->\n');
    expect(result.rules).toEqual([]);
  });

  it('wraps a multi-line YAML text in disable and enable, where a comment inside would be text', () => {
    const text = ID_CARD.replace(
      'summary: 身份证快到期或已经过期，可以到户政窗口换新证，新证可以免费邮寄到家。',
      'summary: >-\n  身份证快到期或已经过期，\n  材料齐全的予以受理。',
    );
    const result = disabled('guide.md', text, 'plain/nominalization')!;
    expect(result.edit.title).toBe('在这个字段停用规则 plain/nominalization');
    expect(result.text).toBe(
      text
        .replace('summary: >-', '# baihua-disable plain/nominalization\nsummary: >-')
        .replace('予以受理。\n', '予以受理。\n# baihua-enable plain/nominalization\n'),
    );
    expect(result.rules).toEqual([]);

    const inList = DRIVING_LICENCE.replace(
      '    how: 在App里交10元工本费和邮费。',
      '    how: >-\n      在App里交10元工本费和邮费，\n      材料齐全的予以受理。',
    );
    const listed = disabled('guide.yaml', inList, 'plain/nominalization')!;
    expect(listed.text).toContain(
      '    # baihua-disable plain/nominalization\n    how: >-\n      在App里交10元工本费和邮费，\n      材料齐全的予以受理。\n    # baihua-enable plain/nominalization\n',
    );
    expect(listed.rules).toEqual([]);
  });

  it('writes the comment on a line of its own before a heading, and in the last cell of a table row', () => {
    const heading = ID_CARD.replace('## 拍照前的准备', '## 予以受理前的准备');
    const before = disabled('guide.md', heading, 'plain/nominalization')!;
    expect(before.text).toContain('\n<!-- baihua-disable-next-line plain/nominalization -->\n## 予以受理前的准备\n');
    expect(before.rules).toEqual([]);

    const table = ID_CARD.replace(
      '## 拍照前的准备\n',
      '## 拍照前的准备\n\n| 情形 | 办法 |\n| --- | --- |\n| 材料齐全 | 当场予以受理 |\n',
    );
    const row = disabled('guide.md', table, 'plain/nominalization')!;
    expect(row.text).toContain('| 材料齐全 | 当场予以受理 <!-- baihua-disable-line plain/nominalization --> |\n');
    expect(row.rules).toEqual([]);
  });
});
