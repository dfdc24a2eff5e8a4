import { textOf, WEB_LEVELS } from '@baihua/core';
import { EXAMPLE_GUIDE, exampleWith } from '../example-guide.js';
import { policyRule } from '../define.js';

interface Options {
  levels: string[];
}

export default policyRule<Options>(
  {
    id: 'policy/online-without-url',
    severity: 'error',
    title: '能网上办就要给出网址',
    description:
      '写了能网上办（全程网办、网上申请、网上预审或预约办理），却不给入口网址，群众只能自己去搜，常常进错网站。哪些网办程度要网址用选项 levels 设置。',
    howToFix: '在 online.url 写出办理入口的完整 https:// 网址；手机上的入口写在 online.mobile。',
    messages: {
      noUrl: '写了“{{level}}”，但没有写网址：请在 online.url 写出办理入口的 https:// 网址',
    },
    options: {
      type: 'object',
      properties: { levels: { type: 'array', items: { enum: [...WEB_LEVELS] }, default: [...WEB_LEVELS] } },
      additionalProperties: false,
    },
  },
  {
    valid: [
      { title: '预约办理，给了网址', code: EXAMPLE_GUIDE },
      {
        title: '只能线下办理',
        code: exampleWith(
          'online: { level: 预约办理, url: "https://example.gov.cn/id-card" }',
          'online: { level: 仅线下办理 }',
        ),
      },
      {
        title: '只要求全程网办给网址（levels），预约在电话里办',
        code: exampleWith(
          'online: { level: 预约办理, url: "https://example.gov.cn/id-card" }',
          'online: { level: 预约办理 }',
        ),
        options: { levels: ['全程网办'] },
      },
    ],
    invalid: [
      {
        title: '全程网办，没有网址',
        code: exampleWith(
          'online: { level: 预约办理, url: "https://example.gov.cn/id-card" }',
          'online: { level: 全程网办, mobile: “青禾政务”小程序 }',
        ),
        errors: [{ messageId: 'noUrl', data: { level: '全程网办' }, line: 23, column: 18, endLine: 23, endColumn: 22 }],
      },
    ],
  },
  ({ model, options, report }) => {
    const online = model.fields.online;
    const level = online?.level;
    if (!level || !options.levels.includes(level) || textOf(online.url)) return;
    const range = model.rangeOf(['online', 'level'])?.value;
    if (range) report({ messageId: 'noUrl', data: { level }, range, absent: [{ pointer: '/online/url' }] });
  },
);
