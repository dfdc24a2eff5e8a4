import { readJourneyModel, textOf } from '@baihua/core';
import { defineRule } from '../define.js';
import { JOURNEY_FILE, journeyWith } from '../example-journey.js';

const optional = (when: string) =>
  journeyWith(
    '    guides: [passport-application]\n',
    `    guides: [passport-application]\n    optional: true\n${when}`,
  );

export default defineRule({
  meta: {
    id: 'journey/optional-without-when',
    appliesTo: ['journey'],
    severity: 'warn',
    title: '可选步骤要写明什么情况下办',
    description:
      '可选步骤（optional: true）不是每个人都要办。不写什么情况下要办（when），群众看了不知道自己要不要办：该办的漏了，不用办的白跑一趟。',
    howToFix: '在这一步写上 when，用群众的话说清什么情况下要办，如“想给宝宝办社保卡的”；人人都要办的，删去 optional。',
    messages: {
      missing: '步骤「{{step}}」是可选的（optional），可没有写什么情况下要办（when）：请写明，如“想给宝宝办社保卡的”',
    },
  },
  examples: {
    valid: [{ title: '写明了什么情况下办', filename: JOURNEY_FILE, code: optional('    when: 要出国的\n') }],
    invalid: [
      {
        title: '可选步骤没有写 when',
        filename: JOURNEY_FILE,
        code: optional(''),
        errors: [{ messageId: 'missing', data: { step: '申请护照' }, line: 11, column: 5, endLine: 11, endColumn: 13 }],
      },
    ],
  },
  check({ guide, report }) {
    const model = readJourneyModel(guide);
    (model.fields.steps ?? []).forEach((step, index) => {
      if (step?.optional !== true || textOf(step.when)) return;
      const range = model.rangeOf(['steps', index, 'optional'])?.key;
      if (range) report({ messageId: 'missing', data: { step: textOf(step.title) ?? `第 ${index + 1} 步` }, range });
    });
  },
});
