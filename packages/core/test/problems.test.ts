import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  decodeGuide,
  decodeGuideRead,
  FileAccessError,
  MAX_GUIDE_BYTES,
  parseGuide,
  readBoundedStream,
  readGuideFile,
  readRegularFile,
  SourceFile,
  type ParsedGuide,
} from '@baihua/core';

function problems(text: string, path = 'guide.md') {
  const guide: ParsedGuide = parseGuide(new SourceFile(path, text));
  return guide.problems.map((problem) => {
    const start = guide.file.pointAt(problem.range.start);
    const end = guide.file.pointAt(problem.range.end);
    return `${start.line}:${start.column}-${end.line}:${end.column} ${problem.ruleId} ${problem.message}`;
  });
}

describe('YAML problems say where and how to fix, in Chinese', () => {
  it('points at a key indented deeper than its sibling', () => {
    expect(
      problems(
        '---\nid: a\ntime_limit:\n  statutory: { days: 60, unit: 自然日 }\n    promised: { days: 15, unit: 工作日 }\n---\n',
      ),
    ).toEqual([
      '5:5-5:13 syntax/yaml 缩进不对：第 5 行「promised」前面有 4 个空格，第 4 行「statutory」前面有 2 个空格。同一层的字段要左边对齐；下一层的字段比上一层多缩进 2 个空格',
    ]);
  });

  it('explains tabs, missing colons, unclosed brackets and a second document', () => {
    expect(problems('---\nid: a\nlocations:\n\t- name: 窗口\n---\n')).toEqual([
      '4:1-4:2 syntax/yaml 不能用 Tab 键缩进，请改用空格（每一层 2 个空格）',
    ]);
    expect(problems('---\nid: a\ntitle 换领居民身份证\nsummary: 好\n---\n')).toEqual([
      '3:1-3:14 syntax/yaml 这一行缺少冒号：字段要写成“字段名: 内容”，冒号后面加一个空格',
    ]);
    expect(problems('---\nid: a\naudience: [个人\ntitle: 换领\n---\n')).toEqual([
      '3:11-3:14 syntax/yaml 这里的 [ 没有配对的 ]：请在同一行末尾补上 ]；内容太长要换行时，改成分行的写法',
    ]);
    expect(problems('id: a\n---\ntitle: b\n', 'guide.yaml')).toEqual([
      '2:1-2:4 syntax/yaml 这里又开始了一段新的 YAML 内容（---）。一份指南只能有一段字段区，请删去多余的 ---',
    ]);
  });

  it('names CR-only line endings (classic Mac OS), which the YAML library cannot read, at the first one', () => {
    expect(problems('---\rid: a\rtitle: 换领\r---\r\r## 办理前请确认\r')).toEqual([
      '1:4-2:1 syntax/yaml 这个文件的换行符只有 CR（旧式 Mac 的换行），字段区读不出来：请在编辑器里把换行符改为 LF 或 CRLF 后保存',
    ]);
    expect(problems('id: a\rtitle: 换领\r', 'guide.yaml')).toEqual([
      '1:6-2:1 syntax/yaml 这个文件的换行符只有 CR（旧式 Mac 的换行），字段区读不出来：请在编辑器里把换行符改为 LF 或 CRLF 后保存',
    ]);
  });

  it('keeps tags it does not know, never runs them, and reads their values as text', () => {
    const guide = parseGuide(
      new SourceFile(
        'guide.md',
        '---\nid: a\ntitle: !!js/function "function () { return 1 }"\nsummary: !custom 好\n---\n',
      ),
    );
    expect(guide.problems).toEqual([]);
    expect(guide.data).toEqual({ id: 'a', title: 'function () { return 1 }', summary: '好' });
    expect(guide.yaml!.ignoredTags.map(({ tag, range }) => `${tag} ${range.start}-${range.end}`)).toEqual([
      '!!js/function 17-30',
      '!custom 67-74',
    ]);
  });

  it('reports each duplicate key with the line of its first occurrence', () => {
    expect(problems('---\nid: a\ntitle: 一\nsummary: 二\ntitle: 三\n---\n')).toEqual([
      '5:1-5:6 syntax/duplicate-key 字段「title」重复了，第 3 行已经写过。请把两处合并成一处',
    ]);
  });

  it('stops an alias bomb at the first alias', () => {
    const bomb = [
      '---',
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...'bcdefg'
        .split('')
        .map((name, index) => `${name}: &${name} [${Array(10).fill(`*${'abcdefg'[index]}`).join(', ')}]`),
      '---',
      '',
    ].join('\n');
    // How fast: `pnpm bench` (bad input, alias bomb).
    expect(problems(bomb)).toEqual([
      '3:8-3:10 syntax/yaml 别名（*）展开的次数太多（超过 50 次），这个文件可能是恶意构造的。请直接写出内容，不要用 & 和 * 引用',
    ]);
  });

  it('asks for a front matter or its closing fence', () => {
    expect(problems('## 办理前请确认\n')).toEqual([
      '1:1-1:10 syntax/front-matter 文件开头缺少字段区：第一行写 ---，接着写 id、title 等字段，再用一行 --- 结束，正文写在后面',
    ]);
    expect(problems('---\nid: a\n')).toEqual([
      '1:1-1:4 syntax/front-matter 字段区没有结束：在最后一个字段后面加一行 ---，再写正文',
    ]);
    expect(problems('---\nid: a\nbody: 正文\n---\n')).toEqual([
      '3:1-3:5 syntax/front-matter .md 格式的指南不用 body 字段：请把正文写在第二个 --- 后面',
    ]);
  });
});

describe('decoding', () => {
  it('places invalid UTF-8 (a GBK file) at the line and column of the first bad byte', () => {
    const bytes = Buffer.concat([
      Buffer.from('---\nid: a\ntitle: 换领'),
      Buffer.from([0xc7, 0xeb]),
      Buffer.from('\n---\n'),
    ]);
    const read = decodeGuide('guide.md', bytes);
    expect(read.problem?.ruleId).toBe('syntax/encoding');
    expect(read.file.pointAt(read.problem!.range.start)).toEqual({ line: 3, column: 10 });
    expect(read.problem!.message).toBe(
      '文件不是 UTF-8 编码（第 24 个字节无法识别，可能是 GBK 编码）。请在编辑器里另存为 UTF-8 编码',
    );
  });

  it('recognises UTF-16, binary and overlong sequences', () => {
    expect(decodeGuide('a.md', Buffer.from([0xff, 0xfe, 0x2d, 0x00])).problem?.message).toBe(
      '文件是 UTF-16 编码。请在编辑器里另存为 UTF-8 编码',
    );
    expect(decodeGuide('a.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00])).problem?.ruleId).toBe('syntax/encoding');
    expect(decodeGuide('a.md', Buffer.from([0x41, 0xc0, 0xaf])).problem?.message).toContain('第 2 个字节');
    expect(decodeGuide('a.md', Buffer.from('𠮷\ufeff', 'utf8')).problem).toBeUndefined();
  });

  it('remembers a BOM so that a writer can put it back, and counts columns without it', () => {
    const read = decodeGuide('a.md', Buffer.from('\ufeff---\nid: a\n', 'utf8'));
    expect(read.file.bom).toBe(true);
    expect(read.file.text).toBe('---\nid: a\n');
    expect(read.file.withBom(read.file.text)).toBe('\ufeff---\nid: a\n');
  });
});

describe('reading files', () => {
  it('refuses a device and a directory before reading a byte', () => {
    expect(() => readRegularFile('/dev/zero', MAX_GUIDE_BYTES)).toThrow(
      new FileAccessError('/dev/zero', '这是一个设备文件，不是普通文件：读它可能永远读不完'),
    );
    expect(() => readRegularFile(tmpdir(), MAX_GUIDE_BYTES)).toThrow('这是一个目录，不是文件');
  });

  it('reads at most one byte more than the limit, and says too large', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baihua-read-'));
    const path = join(dir, 'a.md');
    writeFileSync(path, 'x'.repeat(100));
    expect(readRegularFile(path, 100)).toEqual({ bytes: Buffer.from('x'.repeat(100)), tooLarge: false });
    expect(readRegularFile(path, 99)).toEqual({ bytes: Buffer.alloc(0), tooLarge: true, size: 100 });
    expect(readGuideFile(path).file.text).toBe('x'.repeat(100));
  });

  it('bounds a stream the same way', async () => {
    async function* endless() {
      for (;;) yield Buffer.alloc(1000, 0x61);
    }
    const read = await readBoundedStream(endless(), 2500);
    expect(read).toEqual({ bytes: Buffer.alloc(2501, 0x61), tooLarge: true });
    expect(decodeGuideRead('x.md', read).problem?.message).toBe(
      '文件太大（超过 128 KB），指南文件不能超过 128 KB。一份指南通常不到 50 KB，请确认是不是放错了文件',
    );
  });
});

describe('robustness', () => {
  it('keeps __proto__ and constructor keys as plain fields: nothing reaches Object.prototype', () => {
    const guide = parseGuide(
      new SourceFile(
        'guide.md',
        '---\nid: a\n__proto__:\n  polluted: yes\nconstructor:\n  prototype:\n    polluted: yes\n---\n',
      ),
    );
    expect(guide.problems).toEqual([]);
    expect(Object.keys(guide.data as object)).toEqual(['id', '__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(guide.data)).toBe(Object.prototype);
  });

  it('reports YAML nested deeper than the parser can follow as one problem, not a stack overflow', () => {
    // A line indented by one space after an empty `exempt:` nests every line below it one level
    // deeper in the YAML parser: 1,000 of them (59 KB) overflowed the call stack. The mistake is
    // reported as in a short file.
    const materials = '    exempt:\n fill: 乙\n  - name: 丙\n    need: 必要\n    form: 原件\n'.repeat(1000);
    expect(problems(`---\nid: a\nmaterials:\n  - name: 甲\n${materials}steps: 1\n---\n`)).toEqual([
      '5:12-6:1 syntax/yaml YAML 格式错误，请检查这一行的缩进、冒号和引号（All mapping items must start at the same column）',
    ]);
    // 16,000 keys on one line (96 KB), with nothing wrong above it: that line.
    expect(
      problems(`---\nid: a\nmaterials:\n  - name: 丙\n    need: ${'need: '.repeat(16_000)}必要\nsteps: 1\n---\n`),
    ).toEqual([
      '5:1-5:96013 syntax/yaml 这里的缩进或冒号嵌套太深，无法读取。指南的字段最多只有几层：请检查这一行和上面几行的缩进，同一层的字段要左边对齐，一行只写一个「字段名: 内容」',
    ]);
  });

  it('keeps a YAML error at the end of the file inside the file', () => {
    const guide = parseGuide(new SourceFile('guide.yaml', '{'));
    expect(guide.problems).toEqual([
      {
        ruleId: 'syntax/yaml',
        message: 'YAML 格式错误，请检查这一行的缩进、冒号和引号（Flow map must end with a }）',
        range: { start: 1, end: 1 },
      },
    ]);
  });

  it('never throws on arbitrary text and keeps every position inside the file', () => {
    let state = 7;
    const next = () => {
      state = (state * 48271) % 0x7fffffff;
      return state / 0x7fffffff;
    };
    const alphabet = [
      '---\n',
      '\n',
      '  ',
      '- ',
      ': ',
      '"',
      "'",
      '|',
      '>',
      '#',
      '&a ',
      '*a',
      '[',
      ']',
      '{',
      '}',
      '**',
      '`',
      '<!--',
      '-->',
      '<b>',
      '换领',
      '𠮷',
      '\r\n',
      '\t',
      '\\',
      '&amp;',
      'id',
      'x',
    ];
    for (let round = 0; round < 300; round++) {
      let text = '';
      for (let i = 0; i < 60; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      const guide = parseGuide(new SourceFile(round % 2 ? 'g.md' : 'g.yaml', text));
      for (const problem of guide.problems) {
        expect(problem.range.start).toBeGreaterThanOrEqual(0);
        expect(problem.range.end).toBeLessThanOrEqual(guide.file.text.length);
      }
      for (const span of guide.texts) {
        for (let i = 0; i <= span.text.length; i++) {
          expect(span.map.toSourceEnd(i)).toBeLessThanOrEqual(guide.file.text.length);
        }
      }
    }
  });
});
