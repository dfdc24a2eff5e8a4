import { textOf } from '@baihua/core';
import { EXAMPLE_GUIDE, exampleWith } from '../example-guide.js';
import { policyRule } from '../define.js';

interface Options {
  max: number;
}

export default policyRule<Options>(
  {
    id: 'policy/too-many-visits',
    severity: 'error',
    title: '到现场次数超过“最多跑一次”',
    description:
      '“最多跑一次”要求群众办一件事最多到现场一次。确实要多跑的（如本人到场拍照后再来领证），要在 visits_reason 里写明原因，让群众提前知道。上限用选项 max 设置，默认 1 次。',
    howToFix:
      '能网上办、邮寄送达或数据共享的环节不要群众到场，把次数降到上限以内；确实要多跑，在 visits_reason 里写明每次到场做什么、为什么不能省。',
    messages: {
      overOneVisit:
        '到现场次数是 {{visits}} 次，超过“最多跑一次”的 1 次：能减少就减少，确实要多跑，请在 visits_reason 里写明原因',
      overMax:
        '到现场次数是 {{visits}} 次，超过上限 {{max}} 次：能减少就减少，确实要多跑，请在 visits_reason 里写明原因',
      noVisitAllowed:
        '到现场次数是 {{visits}} 次，超过上限 0 次：能减少就减少，确实要到场，请在 visits_reason 里写明原因',
    },
    options: {
      type: 'object',
      properties: { max: { type: 'integer', minimum: 0, default: 1 } },
      additionalProperties: false,
    },
  },
  {
    valid: [
      { title: '到现场 1 次', code: EXAMPLE_GUIDE },
      {
        title: '跑两次，写明了原因',
        code: exampleWith('visits: 1', 'visits: 2').replace(
          'visits_reason: 需要本人到场拍照、采集指纹。',
          'visits_reason: 第一次本人到场拍照、采集指纹；第二次凭回执领取新证，不想再跑可以选邮寄。',
        ),
      },
    ],
    invalid: [
      {
        title: '跑两次，没写原因',
        code: exampleWith('visits: 1\nvisits_reason: 需要本人到场拍照、采集指纹。\n', 'visits: 2\n'),
        errors: [{ messageId: 'overOneVisit', data: { visits: 2 }, line: 24, column: 9, endLine: 24, endColumn: 10 }],
      },
      {
        title: '上限设为 0 次（max: 0）',
        code: exampleWith('visits_reason: 需要本人到场拍照、采集指纹。\n', ''),
        options: { max: 0 },
        errors: [{ messageId: 'noVisitAllowed', data: { visits: 1 }, line: 24, column: 9, endLine: 24, endColumn: 10 }],
      },
    ],
  },
  ({ model, options, report }) => {
    const { visits } = model.fields;
    const { max } = options;
    if (visits === undefined || visits <= max || textOf(model.fields.visits_reason)) return;
    const range = model.rangeOf(['visits'])?.value;
    const messageId = max === 1 ? 'overOneVisit' : max === 0 ? 'noVisitAllowed' : 'overMax';
    // Without a reason it is only what is missing: a draft lists it with the rest.
    if (range) report({ messageId, data: { visits, max }, range, absent: [{ pointer: '/visits_reason' }] });
  },
);
