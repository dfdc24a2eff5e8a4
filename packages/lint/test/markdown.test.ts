/**
 * The markdown report (`--format markdown`), a pure function of the results and, with
 * `--changed-since`, the results of the same guides at the base: the headline, the scores before
 * and after, problems new, fixed and remaining matched by fingerprint and counted, Markdown that
 * guide text cannot break or inject into, and the length GitHub accepts.
 */
import { band, type Readability } from '@baihua/plain';
import {
  escapeMarkdown,
  markdown,
  summarize,
  type Diagnostic,
  type GuideBefore,
  type LintResult,
  type MarkdownComparison,
} from '@baihua/lint';
import { describe, expect, it } from 'vitest';

const CWD = '/srv/qinghe';
const PENSION = `${CWD}/guides/社保/pension-enrollment.md`;
const ALLOWANCE = `${CWD}/guides/民政/minimum-living-allowance.md`;
const context = { cwd: CWD, color: false, version: '0.1.0' };

type Scored = Readability & { sections: Array<Readability & { title: string }> };

function measured(sentenceLength: number) {
  return {
    components: [
      {
        id: 'S1' as const,
        name: '平均句长（字）',
        value: sentenceLength,
        target: 25,
        ratio: sentenceLength / 25,
        weight: 0.3,
      },
      { id: 'B' as const, name: '公文腔（每百字）', value: 0.2, target: 1, ratio: 0.2, weight: 0.2 },
    ],
    characters: 900,
    sentences: 60,
    words: 500,
  };
}

function score(value: number | null, sentenceLength = 14): Readability {
  return value === null
    ? { ...measured(sentenceLength), scored: false, score: null, band: '无法评分' }
    : { ...measured(sentenceLength), scored: true, score: value, band: band(value) };
}

function readability(value: number | null, sections: Array<[string, number | null]>, sentenceLength = 14): Scored {
  return { ...score(value, sentenceLength), sections: sections.map(([title, at]) => ({ title, ...score(at) })) };
}

function finding(line: number, ruleId: string, message: string, fingerprint: string, severity: 1 | 2 = 1): Diagnostic {
  return { ruleId, severity, message, line, column: 1, endLine: line, endColumn: 9, range: [0, 8], fingerprint };
}

function result(filePath: string, messages: Diagnostic[], scored?: Scored): LintResult {
  return { ...summarize(filePath, messages, []), ...(scored && { stats: { readability: scored } }) };
}

const LONG = '这句话有 69 个字，超过 50 个字。可以在「基本养老保险费，」处断开，改成两句';
const SELF = '「自行」是文言或公文用词，群众读着费劲：改为「自己」';
const VAGUE = '「有关规定」说得不具体，群众不知道指的是哪个：写出法规名称和条款';

function comparison(before: Record<string, GuideBefore>): MarkdownComparison {
  return { ref: 'origin/main', commit: '0123456789abcdef', mergeBase: true, before: new Map(Object.entries(before)) };
}

const FOOTNOTE =
  '---\n<sub>「改动前」是指南在 origin/main 与当前提交的合并基点（0123456）时的文本，用现在的配置检查；' +
  '改名的指南比较旧路径的文本。新问题、修好的问题按问题的指纹（规则和所在的句子）对比，与行号无关。</sub>\n';

describe('markdown without a comparison', () => {
  it('gives the problems and scores of every guide, and a part for each guide with problems', () => {
    const results = [
      result(ALLOWANCE, [], readability(100, [['字段', 100]])),
      result(
        PENSION,
        [finding(136, 'plain/long-sentence', LONG, 'a1'), finding(9, 'schema/required', '缺少 owner', 'b2', 2)],
        readability(85, [['字段', 98]]),
      ),
    ];
    expect(markdown(results, context)).toBe(
      `### 白话检查：2 份指南，1 个错误，1 个警告

| 指南 | 易读分 | 错误 | 警告 |
| --- | --- | --- | --- |
| guides/民政/minimum-living-allowance.md | 100（易读） | 0 | 0 |
| guides/社保/pension-enrollment.md | 85（易读） | 1 | 1 |

#### guides/社保/pension-enrollment.md

易读分 85（易读）。

| 位置 | 级别 | 问题 | 规则 |
| --- | --- | --- | --- |
| 136:1 | 警告 | ${LONG} | \`plain/long-sentence\` |
| 9:1 | 错误 | 缺少 owner | \`schema/required\` |

---
<sub>易读分的算法见 docs/readability.md。</sub>
`,
    );
  });

  it('says when there is no guide', () => {
    expect(markdown([], context)).toBe(
      '### 白话检查：没有要检查的指南\n\n---\n<sub>易读分的算法见 docs/readability.md。</sub>\n',
    );
  });

  it('links each rule to its page where rule_docs_url says, and only then', () => {
    const results = [result(PENSION, [finding(136, 'plain/long-sentence', LONG, 'a1')])];
    const text = markdown(results, { ...context, ruleDocsUrl: 'https://baihua.example/rules/{id}' });
    expect(text).toContain(
      `| 136:1 | 警告 | ${LONG} | [plain/long-sentence](https://baihua.example/rules/plain/long-sentence) |\n`,
    );
  });
});

describe('markdown with a comparison', () => {
  it('counts problems by fingerprint, as many as before remaining: the extra ones new, the missing ones fixed', () => {
    const before = result(
      PENSION,
      [
        finding(130, 'plain/classical-word', SELF, 'c3'),
        finding(131, 'plain/classical-word', SELF, 'c3'),
        finding(140, 'plain/vague-reference', VAGUE, 'd4'),
        finding(141, 'plain/vague-reference', VAGUE, 'd4'),
      ],
      readability(90, [
        ['字段', 98],
        ['怎么选缴费档次', 80],
      ]),
    );
    // Three 「自行」 in the same sentence now (one new, the last), one 「有关规定」 left (one fixed), a
    // long sentence that was not there, and 「自行」 in another sentence: same message, another finding.
    const now = result(
      PENSION,
      [
        finding(145, 'plain/classical-word', SELF, 'z9'),
        finding(150, 'plain/classical-word', SELF, 'c3'),
        finding(151, 'plain/classical-word', SELF, 'c3'),
        finding(152, 'plain/classical-word', SELF, 'c3'),
        finding(160, 'plain/vague-reference', VAGUE, 'd4'),
        finding(161, 'plain/long-sentence', LONG, 'e5'),
      ],
      readability(
        85,
        [
          ['字段', 98],
          ['怎么选缴费档次', 60],
        ],
        14.5,
      ),
    );
    const text = markdown([now], {
      ...context,
      comparison: comparison({ [PENSION]: { path: PENSION, result: before } }),
    });
    expect(text).toBe(
      `### 白话检查：1 份指南变难；新问题 3 个，修好 1 个，仍有 3 个

检查了改动的 1 份指南：0 个错误，6 个警告。

| 指南 | 易读分（改动前 → 现在） | 新问题 | 修好 | 仍有 |
| --- | --- | --- | --- | --- |
| guides/社保/pension-enrollment.md | 90（易读） → 85（易读） ↓5 | 3 | 1 | 3 |

#### guides/社保/pension-enrollment.md

易读分 90（易读） → 85（易读），↓5。

| 变化的部分 | 改动前 | 现在 |
| --- | --- | --- |
| 怎么选缴费档次 | 80（易读） | 60（一般） |

| 变化的指标 | 改动前 | 现在 | 目标 |
| --- | --- | --- | --- |
| 平均句长（字） | 14 | 14.5 | 25 |

| 位置 | 级别 | 问题 | 规则 | 新出现 |
| --- | --- | --- | --- | --- |
| 145:1 | 警告 | ${SELF} | \`plain/classical-word\` | 新 |
| 150:1 | 警告 | ${SELF} | \`plain/classical-word\` |  |
| 151:1 | 警告 | ${SELF} | \`plain/classical-word\` |  |
| 152:1 | 警告 | ${SELF} | \`plain/classical-word\` | 新 |
| 160:1 | 警告 | ${VAGUE} | \`plain/vague-reference\` |  |
| 161:1 | 警告 | ${LONG} | \`plain/long-sentence\` | 新 |

修好了 1 个问题（位置是改动前的）：

| 位置 | 级别 | 问题 | 规则 |
| --- | --- | --- | --- |
| 141:1 | 警告 | ${VAGUE} | \`plain/vague-reference\` |

${FOOTNOTE}`,
    );
  });

  it('heads with how many guides read easier and harder; unscored guides and added ones move nothing', () => {
    const guides = ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => `${CWD}/guides/${name}.md`);
    const now = [
      result(guides[0]!, [], readability(80, [])),
      result(guides[1]!, [], readability(75, [])),
      result(guides[2]!, [], readability(71, [])),
      result(guides[3]!, [], readability(40, [])),
      result(guides[4]!, [], readability(60, [])),
      result(guides[5]!, [], readability(90, [])),
    ];
    const then = [70, 74, 70, 45, null];
    const before = Object.fromEntries(
      then.map((value, index) => [
        guides[index]!,
        { path: guides[index]!, result: result(guides[index]!, [], readability(value, [])) },
      ]),
    );
    const text = markdown(now, { ...context, comparison: comparison(before) });
    expect(text.split('\n')[0]).toBe('### 白话检查：3 份指南更易读，1 份变难；新问题 0 个，修好 0 个，仍有 0 个');
    expect(text).toContain(
      '| guides/e.md | 无法评分 → 60（一般） | 0 | 0 | 0 |\n| guides/f.md（新增） | 90（易读） | 0 | – | 0 |\n',
    );
    const same = markdown([now[0]!], {
      ...context,
      comparison: comparison({
        [guides[0]!]: { path: guides[0]!, result: result(guides[0]!, [], readability(80, [])) },
      }),
    });
    expect(same.split('\n')[0]).toBe('### 白话检查：易读分没有变化；新问题 0 个，修好 0 个，仍有 0 个');
  });

  it('names a renamed guide by its old path, and the sections that came or went', () => {
    const old = `${CWD}/guides/户籍/id-card-renewal.md`;
    const renamed = `${CWD}/guides/户籍/居民身份证 换领.md`;
    const before = result(
      old,
      [],
      readability(70, [
        ['字段', 90],
        ['办理须知', 50],
      ]),
    );
    const now = result(
      renamed,
      [],
      readability(72, [
        ['字段', 90],
        ['常见问题', 64],
      ]),
    );
    const text = markdown([now], { ...context, comparison: comparison({ [renamed]: { path: old, result: before } }) });
    expect(text).toContain(
      '| guides/户籍/居民身份证 换领.md（改名自 guides/户籍/id-card-renewal.md） | 70（易读） → 72（易读） ↑2 | 0 | 0 | 0 |\n',
    );
    expect(text).toContain(
      `#### guides/户籍/居民身份证 换领.md

改名自 guides/户籍/id-card-renewal.md。易读分 70（易读） → 72（易读），↑2。

| 变化的部分 | 改动前 | 现在 |
| --- | --- | --- |
| 常见问题 | （没有这部分） | 64（一般） |
| 办理须知 | 50（一般） | （已删去） |

`,
    );
  });

  it('says when no guide changed', () => {
    expect(markdown([], { ...context, comparison: comparison({}) })).toBe(
      `### 白话检查：自 origin/main 以来没有改动的指南\n\n${FOOTNOTE}`,
    );
  });
});

describe('markdown escaping', () => {
  it('keeps guide text inside its table cell, as text: no line break, pipe, HTML, link, emphasis, mention or issue link', () => {
    expect(
      escapeMarkdown('办理 | 窗口\n<script>alert(1)</script> **急** [点此](https://x) @zhoumin #12 `代码` $x$ &amp;'),
    ).toBe(
      '办理 \\| 窗口 \\<script\\>alert(1)\\</script\\> \\*\\*急\\*\\* \\[点此\\](https://x) @\u200bzhoumin \\#\u200b12 \\`代码\\` \\$x\\$ \\&amp;',
    );
    const hostile = result(`${CWD}/guides/a|b.md`, [finding(3, 'schema/pattern', '「a|b\r\nc」不对', 'f6')]);
    const row = markdown([hostile], context)
      .split('\n')
      .find((line) => line.startsWith('| 3:1'))!;
    expect(row).toBe('| 3:1 | 警告 | 「a\\|b c」不对 | `schema/pattern` |');
    expect(row.replaceAll('\\|', '').split('|')).toHaveLength(6);
  });
});

describe('markdown length', () => {
  const many = Array.from({ length: 40 }, (_, index) =>
    result(
      `${CWD}/guides/第${index + 1}份.md`,
      Array.from({ length: 20 }, (_, line) => finding(line + 1, 'plain/long-sentence', LONG, `g${line}`)),
      readability(60, []),
    ),
  );

  it('stays within the length asked for, and says how many guides it left out', () => {
    const text = markdown(many, { ...context, maxLength: 3000 });
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(text).toContain('\n\n表中略去了另外 ');
    const listed = text.split('\n').filter((line) => /^\| guides\/第\d+份\.md /.test(line)).length;
    expect(text).toContain(`表中略去了另外 ${40 - listed} 份指南（超过 GitHub 的长度上限）。`);
    const detailed = text.split('\n').filter((line) => line.startsWith('#### ')).length;
    expect(text).toContain(
      `另有 ${40 - detailed} 份指南的详情没有列出（超过 GitHub 的长度上限）：全部结果请用 baihua lint --format stylish 或 json 查看。`,
    );
    expect(text.endsWith('<sub>易读分的算法见 docs/readability.md。</sub>\n')).toBe(true);
  });

  it("fits a GitHub comment by default (65,536 characters), under the step summary's 1 MiB", () => {
    const text = markdown([...many, ...many, ...many, ...many], context);
    expect(text.length).toBeLessThanOrEqual(65_536);
    expect(Buffer.byteLength(text)).toBeLessThan(1024 * 1024);
    expect(text).toContain('份指南的详情没有列出');
  });
});
