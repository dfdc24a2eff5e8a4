import { textOf } from '@baihua/core';
import { placeholders, visitReasonWords } from '../../rule-data.js';
import { EXAMPLE_GUIDE, exampleWith } from '../example-guide.js';
import { policyRule } from '../define.js';

/** 第一次, 第2次, 首次, 再次, 最后一次: the words that say which visit a part of the reason is about. */
const ORDINAL = /第[0-9０-９一二三四五六七八九十两]+次|首次|初次|头一次|再次|最后一次/gu;
/** Parts of a reason, one action each: split at 。；; and line breaks. */
const PART = /[^。；;\n]+/gu;
const PUNCTUATION = /[\s，,。；;、：:！!？?（）()“”"']/gu;

/** Whether the reason is only generic phrases (工作需要, 按规定) and joining words. */
function isGeneric(reason: string): boolean {
  const { generic, filler } = visitReasonWords();
  let rest = reason.replace(PUNCTUATION, '');
  for (const phrase of [...generic].sort((a, b) => b.length - a.length)) rest = rest.replaceAll(phrase, '');
  if (rest.length === reason.replace(PUNCTUATION, '').length) return false;
  for (const word of [...filler].sort((a, b) => b.length - a.length)) rest = rest.replaceAll(word, '');
  return rest === '';
}

/** How many visits the reason speaks of: ordinal words (第一次 …) or, without them, its parts. */
function visitsNamed(reason: string): number {
  const ordinals = reason.match(ORDINAL)?.length ?? 0;
  const parts = (reason.match(PART) ?? []).filter((part) => part.trim()).length;
  return Math.max(ordinals, parts);
}

export default policyRule(
  {
    id: 'policy/visits-reason',
    severity: 'warn',
    title: '到现场的原因要说清每次去做什么',
    description:
      '“最多跑一次”：确实要群众多跑的，visits_reason 要让群众提前知道每次到场做什么（如“第一次本人拍照、采集指纹；第二次领取新证”），才好安排时间，也方便检查哪一次可以省掉。“工作需要”“按规定”“核验需要”这类话说不出原因，等于没写。泛泛的说法列在 packages/lint/data/visit-reasons.yaml。没写原因的由 policy/too-many-visits 报告，只写了“暂无”之类的由 policy/placeholder-section 报告。',
    howToFix:
      '写明每次到场做什么、为什么不能在网上或邮寄办，写成“第一次……；第二次……”；能省掉的那一次，改为网上办理或邮寄。',
    messages: {
      generic: '到现场的原因“{{reason}}”没说出原因：请写明到场做什么，如“需要本人到场拍照、采集指纹”',
      notEachVisit: '要到现场 {{visits}} 次，原因只写了 {{named}} 件事：请写明每次到场做什么，如“第一次……；第二次……”',
    },
  },
  {
    valid: [
      { title: '到现场 1 次，写明了做什么', code: EXAMPLE_GUIDE },
      {
        title: '到现场 2 次，每次做什么都写了',
        code: exampleWith('visits: 1', 'visits: 2').replace(
          'visits_reason: 需要本人到场拍照、采集指纹。',
          'visits_reason: 第一次本人到场拍照、采集指纹；第二次凭回执领取新证，不想再跑可以选邮寄。',
        ),
      },
      {
        title: '只写了“暂无”（由 policy/placeholder-section 报告）',
        code: exampleWith('visits: 1', 'visits: 2').replace(
          'visits_reason: 需要本人到场拍照、采集指纹。',
          'visits_reason: 暂无',
        ),
      },
      {
        title: '到现场 2 次，分两句写',
        code: exampleWith('visits: 1', 'visits: 2').replace(
          'visits_reason: 需要本人到场拍照、采集指纹。',
          'visits_reason: 受理时需要本人到场拍照、采集指纹。领证时要交回旧证。',
        ),
      },
    ],
    invalid: [
      {
        title: '只写了“工作需要”',
        code: exampleWith('visits_reason: 需要本人到场拍照、采集指纹。', 'visits_reason: 因工作需要，按规定。'),
        errors: [
          {
            messageId: 'generic',
            data: { reason: '因工作需要，按规定。' },
            line: 25,
            column: 16,
            endLine: 25,
            endColumn: 26,
          },
        ],
      },
      {
        title: '跑两次，原因只说了一件事',
        code: exampleWith('visits: 1', 'visits: 2'),
        errors: [
          {
            messageId: 'notEachVisit',
            data: { visits: 2, named: 1 },
            line: 25,
            column: 16,
            endLine: 25,
            endColumn: 30,
          },
        ],
      },
    ],
  },
  ({ model, report }) => {
    const { visits } = model.fields;
    const reason = textOf(model.fields.visits_reason);
    if (visits === undefined || visits === 0 || !reason) return;
    // No reason (policy/too-many-visits) and a placeholder (policy/placeholder-section) are reported there.
    if (placeholders().whole.includes(reason.replace(/[\s。.]+$/u, ''))) return;
    const written = model.fields.visits_reason!;
    const start = written.indexOf(reason);
    const range = model.textRange(['visits_reason'], start, start + reason.length);
    if (!range) return;
    if (isGeneric(reason)) {
      report({ messageId: 'generic', data: { reason }, range });
      return;
    }
    const named = visitsNamed(reason);
    if (visits > 1 && named < visits) report({ messageId: 'notEachVisit', data: { visits, named }, range });
  },
);
