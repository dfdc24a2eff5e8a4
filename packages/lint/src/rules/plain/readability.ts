import { explainReadability, MIN_SCORED_CHARACTERS } from '@baihua/plain';
import { guideReadability } from '../../plain-analysis.js';
import { defineRule } from '../define.js';

const OFFICIAL = [
  '申请人须于居民身份证有效期届满前三个月内，携带居民户口簿及原居民身份证前往户籍所在地公安机关户政窗口提出换领申请。',
  '经审核符合条件的，予以受理，并由受理窗口负责采集申请人相片及指纹信息，相关费用按照有关规定收取。',
  '申请人应当于受理回执载明的领证日期前来领取，逾期未领取的，视为自动放弃，由公安机关依法予以处理。',
  '对于因特殊情况无法亲自到场办理的，原则上不予受理，确有必要的应当提供相关证明材料并经审核同意后方可办理。',
  '上述材料须为原件，复印件须加盖单位公章，未按要求提交材料的，由受理窗口一次性告知需补正的全部内容。',
].join('');

const PLAIN = [
  '身份证到期前3个月内，您就可以去换新证。',
  '请带上户口簿和旧身份证，到户口所在的派出所户政窗口办理。',
  '窗口当场给您拍照、采集指纹，不用自己带照片。',
  '换证要交20元工本费，可以用微信或银行卡付。',
  '新证一般15个工作日做好，可以寄到家里，也可以回窗口拿。',
  '您本人来不了的，请先打电话，我们会告诉您怎么办。',
  '旧证丢了也能换，窗口会核对您的身份，不用另外开证明。',
  '有问题请打咨询电话，工作人员会一次给您说清楚。',
].join('');

/** A guide reduced to its title and body: the score is about the prose. */
const guide = (body: string) => `---\nid: id-card-renewal\ntitle: 换领居民身份证\n---\n\n${body}\n`;

interface Options {
  minScore: number;
  minCharacters: number;
}

export default defineRule<Options>({
  meta: {
    id: 'plain/readability',
    severity: 'warn',
    title: '易读分',
    description:
      '每份指南算一个 0–100 的易读分（越高越好读），分为易读（70 分以上）、一般（50–69）、较难（30–49）、难（30 以下）。分数由五项组成，每项都和目标比：平均句长（目标 25 字）、长句（最长的一成句子，目标 40 字）、难词（不在常用词表里的词，目标每百词 8 个）、生僻字（不在通用规范汉字表一级字里，目标每百字 0.5 个）、公文腔（其他白话规则的问题数，目标每百字 1 个）。D = 0.30·句长比 + 0.15·长句比 + 0.25·难词比 + 0.10·生僻字比 + 0.20·公文腔比（前四项每项最多按 2 倍算，公文腔不封顶：句子再短、用词再常见，满篇公文腔也不会易读），分数 = 100 ×（1.5 − D），限制在 0 到 100。不到 200 个汉字的指南没有可评的正文，不打分（无法评分）。公式和它在 75 对同内容、不同写法的段落上的检验见 docs/readability.md。',
    howToFix:
      '看提示里超出目标最多的一项：句子长就拆短，难词多就换成常用词或加解释，公文腔多就按其他白话规则逐条改。baihua stats 可以看每一部分的分数。',
    messages: { belowTarget: '这份指南的易读分是 {{score}}（{{band}}），低于目标 {{minScore}} 分。{{reasons}}' },
    options: {
      type: 'object',
      properties: {
        minScore: { type: 'integer', minimum: 0, maximum: 100, default: 50 },
        minCharacters: { type: 'integer', minimum: 0, default: MIN_SCORED_CHARACTERS },
      },
      additionalProperties: false,
    },
  },
  examples: {
    valid: [{ title: '白话写的指南', code: guide(PLAIN) }],
    invalid: [
      {
        title: '公文腔写的指南',
        code: guide(OFFICIAL),
        errors: [{ messageId: 'belowTarget', data: { minScore: 50 }, line: 3, column: 8, endLine: 3, endColumn: 15 }],
      },
    ],
  },
  check({ guide, options, report }) {
    const { minScore, minCharacters } = options;
    const result = guideReadability(guide, minCharacters);
    if (!result.scored || result.score >= minScore) return;
    const title = guide.yaml?.entries.get('/title');
    const range = title?.node
      ? title.range
      : { start: guide.frontMatter?.start ?? 0, end: guide.frontMatter?.start ?? 0 };
    report({
      messageId: 'belowTarget',
      data: { score: result.score, band: result.band, minScore, reasons: explainReadability(result).join('；') },
      range,
    });
  },
});
