import { describe, expect, it } from 'vitest';
import { parseGuide, SourceFile, type ParsedGuide, type TextSpan } from '@baihua/core';

function parse(text: string, path = 'guide.md'): ParsedGuide {
  return parseGuide(new SourceFile(path, text));
}

function span(guide: ParsedGuide, pointer: string, kind?: TextSpan['kind']): TextSpan {
  const found = guide.texts.find((candidate) => candidate.pointer === pointer && (!kind || candidate.kind === kind));
  if (!found) throw new Error(`no span ${pointer}`);
  return found;
}

/** Line:column of `needle` inside the span's text, through the source map. */
function locate(guide: ParsedGuide, target: TextSpan, needle: string): string {
  const index = target.text.indexOf(needle);
  if (index === -1) throw new Error(`${needle} not in ${target.text}`);
  const start = guide.file.pointAt(target.map.toSourceStart(index));
  const end = guide.file.pointAt(target.map.toSourceEnd(index + needle.length));
  return `${start.line}:${start.column}-${end.line}:${end.column}`;
}

/** Every character that was copied from the source must map onto that same character. */
function expectFaithful(guide: ParsedGuide): void {
  for (const target of guide.texts) {
    for (let i = 0; i < target.text.length; i++) {
      const char = target.text[i]!;
      if (/\s/.test(char)) continue;
      const offset = target.map.toSourceStart(i);
      const source = guide.file.text.slice(offset, offset + 12);
      expect(
        source.startsWith(char) || source.startsWith('\\') || source.startsWith('&') || source.startsWith("''"),
        `${target.pointer}[${i}] ${char} → ${source}`,
      ).toBe(true);
    }
  }
}

describe('source map', () => {
  it('counts columns in UTF-16 code units after a BOM, with CRLF line endings', () => {
    const guide = parse('\ufeff---\r\nid: a\r\ntitle: 换领𠮷居民身份证\r\n---\r\n正文𠮷里的“相关部门”\r\n');
    expect(guide.file.bom).toBe(true);
    expect(guide.problems).toEqual([]);
    const title = span(guide, '/title');
    expect(title.text).toBe('换领𠮷居民身份证');
    // 𠮷 is two code units: 居 starts at column 12, not 11.
    expect(locate(guide, title, '居民')).toBe('3:12-3:14');
    const body = span(guide, '/body', 'paragraph');
    expect(locate(guide, body, '相关部门')).toBe('5:8-5:12');
    expectFaithful(guide);
  });

  it('counts a tab as one column and maps full-width text exactly', () => {
    const guide = parse('---\nid: a\nsummary:\t"全角，（括号）：\tTab后面"\n---\n\t缩进\t之后的文字\n');
    expect(locate(guide, span(guide, '/summary'), '（括号）')).toBe('3:14-3:18');
    expect(locate(guide, span(guide, '/summary'), 'Tab后面')).toBe('3:20-3:25');
    expectFaithful(guide);
  });

  it('maps double-quoted escapes and folded lines', () => {
    const text = ['---', 'note: "第一行\\n第二\\u884c，\\', '    接着写  ', '', '  新段落\\t结束"', '---', ''].join(
      '\n',
    );
    const guide = parse(text);
    const note = span(guide, '/note');
    expect(note.text).toBe('第一行\n第二行，接着写\n新段落\t结束');
    expect(locate(guide, note, '\n')).toBe('2:11-2:13');
    expect(locate(guide, note, '行，')).toBe('2:15-2:22'); // 行 is the escape \u884c
    expect(locate(guide, note, '接着写')).toBe('3:5-3:8');
    expect(locate(guide, note, '新段落')).toBe('5:3-5:6');
    expect(locate(guide, note, '结束')).toBe('5:8-5:10');
  });

  it('maps single-quoted and plain multi-line scalars', () => {
    const guide = parse(
      ['---', "a: '它''s 第一行", "   第二行'", 'b: 普通第一行', '  普通第二行', '---', ''].join('\n'),
    );
    expect(span(guide, '/a').text).toBe("它's 第一行 第二行");
    expect(locate(guide, span(guide, '/a'), "'s")).toBe('2:6-2:9');
    expect(locate(guide, span(guide, '/a'), '第二行')).toBe('3:4-3:7');
    expect(span(guide, '/b').text).toBe('普通第一行 普通第二行');
    expect(locate(guide, span(guide, '/b'), '普通第二行')).toBe('5:3-5:8');
  });

  it.each([
    ['literal', '|', '第一行\n  缩进行\n第三行\n'],
    ['literal strip', '|-', '第一行\n  缩进行\n第三行'],
    ['literal keep', '|+', '第一行\n  缩进行\n第三行\n\n'],
    ['folded', '>', '第一行\n  缩进行\n第三行\n'],
    ['folded with indent indicator', '>2-', '第一行\n  缩进行\n第三行'],
  ])('maps %s block scalars', (_name, header, value) => {
    const text = ['---', `note: ${header}`, '  第一行', '    缩进行', '  第三行', '', 'id: x', '---', ''].join('\r\n');
    const guide = parse(text);
    const note = span(guide, '/note');
    expect(note.text).toBe(value);
    expect(locate(guide, note, '缩进行')).toBe('4:5-4:8');
    expect(locate(guide, note, '第三行')).toBe('5:3-5:6');
    expectFaithful(guide);
  });

  it('folds plain lines in folded block scalars', () => {
    const guide = parse(['---', 'note: >', '  一行', '  接一行', '', '  另一段', '---', ''].join('\n'));
    const note = span(guide, '/note');
    expect(note.text).toBe('一行 接一行\n另一段\n');
    expect(locate(guide, note, '接一行')).toBe('4:3-4:6');
    expect(locate(guide, note, '另一段')).toBe('6:3-6:6');
  });

  it('maps Markdown text through emphasis, escapes, entities and blockquotes', () => {
    const guide = parse(
      ['---', 'id: a', '---', '', '**注意：**请带上身份证，A&amp;B \\*号', '> 引用第一行', '> 引用第二行', ''].join(
        '\n',
      ),
    );
    const paragraph = guide.texts.filter((candidate) => candidate.kind === 'paragraph');
    expect(paragraph[0]!.text).toBe('注意：请带上身份证，A&B *号');
    expect(locate(guide, paragraph[0]!, '请带上')).toBe('5:8-5:11');
    expect(locate(guide, paragraph[0]!, '&B')).toBe('5:16-5:22');
    expect(locate(guide, paragraph[0]!, '*号')).toBe('5:23-5:26');
    expect(paragraph[1]!.text).toBe('引用第一行\n引用第二行');
    expect(locate(guide, paragraph[1]!, '引用第二行')).toBe('7:3-7:8');
  });

  it('treats bold next to Chinese punctuation as bold (remark-cjk-friendly)', () => {
    const guide = parse('---\nid: a\n---\n**注意：**请带上身份证\n');
    const paragraph = guide.body!.tree.children[0]!;
    expect(paragraph.type).toBe('paragraph');
    expect('children' in paragraph && paragraph.children.map((child) => child.type)).toEqual(['strong', 'text']);
  });

  it('maps the Markdown body of a YAML guide through its block scalar', () => {
    const text = ['id: a', 'title: 测试', 'body: |', '  ## 办理前请确认', '', '  请带上**身份证**原件。', ''].join(
      '\n',
    );
    const guide = parse(text, 'guide.yaml');
    expect(guide.format).toBe('yaml');
    expect(guide.texts.some((candidate) => candidate.pointer === '/body' && candidate.kind === 'value')).toBe(false);
    const heading = span(guide, '/body', 'heading');
    expect(locate(guide, heading, '办理前')).toBe('4:6-4:9');
    const paragraph = span(guide, '/body', 'paragraph');
    expect(paragraph.text).toBe('请带上身份证原件。');
    expect(locate(guide, paragraph, '身份证')).toBe('6:8-6:11');
    expectFaithful(guide);
  });

  it('ends a block scalar value at its last character, not after the line breaks that follow', () => {
    const text = ['---', 'reviewed: |-', '  2026年10月1日  ', 'note: >+', '  两份', '', 'owner: |', '---', ''].join(
      '\n',
    );
    const guide = parse(text);
    const valueText = (pointer: string) => {
      const { start, end } = guide.yaml!.entries.get(pointer)!.range;
      return text.slice(start, end);
    };
    expect(valueText('/reviewed')).toBe('|-\n  2026年10月1日  ');
    expect(valueText('/note')).toBe('>+\n  两份');
    expect(valueText('/owner')).toBe('|');
  });

  it('maps a Markdown body that starts with a stray BOM, which the Markdown parser drops', () => {
    const guide = parse('---\nid: a\n---\n\ufeff## 办理前请确认\n\n申请人须携带身份证。\n');
    expect(locate(guide, span(guide, '/body', 'heading'), '办理前')).toBe('4:5-4:8');
    expect(locate(guide, span(guide, '/body', 'paragraph'), '须')).toBe('6:4-6:5');
    expectFaithful(guide);
  });
});
