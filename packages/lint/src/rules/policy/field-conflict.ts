import { durationText, lengthOf, textOf } from '@baihua/core';
import { EXAMPLE_GUIDE, exampleWith } from '../example-guide.js';
import { policyRule } from '../define.js';

const RESULT_TYPES = ['证照', '批文', '其他'] as const;
type ResultType = (typeof RESULT_TYPES)[number];

interface Options {
  requireResultSample: boolean | ResultType[];
}

export default policyRule<Options>(
  {
    id: 'policy/field-conflict',
    severity: 'error',
    title: '字段之间不能互相矛盾',
    description:
      '各省的办事指南检查会核对字段之间是否一致：全程网办就不用到现场；即办件当场办好，不会有几天的承诺时限；业务办理项编码是实施编码加序号；预约办理就要支持预约；支持快递和送达方式里的邮寄要对得上；只要电子版的材料没有纸张规格；行政许可事项群众问题多，要有常见问题；平台要求附结果样本的，要有样本网址。要求哪些结果附样本用选项 requireResultSample 设置：true 表示所有结果，也可以列出结果类型（证照、批文、其他），默认不要求。收费没写依据由 policy/fee-basis 检查，多次到现场没写原因由 policy/too-many-visits 检查。',
    howToFix: '按提示改正其中一个字段，让两处说法一致；说不清哪个对的，以实际办理情况为准。',
    messages: {
      onlineWithVisits:
        '网办程度是“全程网办”，到现场次数却是 {{visits}} 次：全程网办不用到现场，请把 visits 改为 0；确实要到现场的，把网办程度改为“网上申请”或“网上预审”',
      instantWithDays:
        '办件类型是“即办件”，承诺时限却是 {{promised}}：即办件当场办好，承诺时限写 0；要几天才能办好的，办件类型写“承诺件”',
      licenceWithoutFaq: '行政许可事项没有常见问题（faq）：请把群众常问的问题和回答写进 faq',
      resultWithoutSample:
        '办理结果“{{name}}”没有样本（result.sample）：按配置要附上结果样本的网址，群众事先知道拿到的是什么样子',
      itemOutsideImplementation:
        '业务办理项编码“{{item}}”不是以实施编码“{{implementation}}”开头的：办理项编码是实施编码后面加序号，请照平台上的写法核对两个编码',
      appointmentLevelWithoutAppointment:
        '网办程度是“预约办理”，支持预约（appointment）却写了 false：能预约就改为 true 或写出预约的网址、电话；不能预约的，网办程度改为“仅线下办理”',
      expressWithoutPost:
        '写了支持快递（express: true），送达方式里却没有“邮寄”：能寄的，在 result.delivery 加上邮寄；不能寄的，把 express 改为 false',
      postWithoutExpress:
        '送达方式里有“邮寄”，却写了不支持快递（express: false）：能寄的，把 express 改为 true；不能寄的，从 result.delivery 删去邮寄',
      paperOfElectronic: '{{material}}只要电子版，不用写纸张规格：删去 paper，或在 form 里加上原件或复印件',
    },
    options: {
      type: 'object',
      properties: {
        requireResultSample: {
          anyOf: [{ type: 'boolean' }, { type: 'array', uniqueItems: true, items: { enum: [...RESULT_TYPES] } }],
          default: false,
          description: '哪些办理结果要附样本：true 为全部，或列出结果类型',
        },
      },
      additionalProperties: false,
    },
  },
  {
    valid: [
      { title: '字段之间一致', code: EXAMPLE_GUIDE },
      {
        title: '全程网办，不用到现场',
        code: exampleWith('visits: 1\nvisits_reason: 需要本人到场拍照、采集指纹。\n', 'visits: 0\n').replace(
          'level: 预约办理',
          'level: 全程网办',
        ),
      },
      {
        title: '即办件，承诺时限为 0',
        code: exampleWith('handling: 承诺件', 'handling: 即办件').replace(
          'promised: { days: 15, unit: 工作日 }',
          'promised: { days: 0, unit: 工作日 }',
        ),
      },
      {
        title: '要求证照附样本，结果是证照并附了样本',
        code: exampleWith(
          'result: { name: 居民身份证, delivery: [邮寄, 窗口领取] }',
          'result: { name: 居民身份证, type: 证照, delivery: [邮寄, 窗口领取], ' +
            'sample: "https://example.gov.cn/id-card/sample.png" }',
        ),
        options: { requireResultSample: ['证照'] },
      },
      {
        title: '业务办理项编码接在实施编码后面（连字符不算）',
        code: exampleWith(
          'id: id-card-renewal',
          'id: id-card-renewal\ncodes: { implementation: "3707860701401", item: 3707860701401-001 }',
        ),
      },
      {
        title: '预约办理，支持预约；能邮寄，也支持快递',
        code: exampleWith(
          'visits_reason: 需要本人到场拍照、采集指纹。',
          'visits_reason: 需要本人到场拍照、采集指纹。\nappointment: true\nexpress: true',
        ),
      },
      {
        title: '只能窗口领取，不支持快递',
        code: exampleWith(
          'result: { name: 居民身份证, delivery: [邮寄, 窗口领取] }',
          'result: { name: 居民身份证, delivery: [窗口领取] }\nexpress: false',
        ),
      },
      {
        title: '原件和电子版都要，写了纸张规格',
        code: exampleWith('    form: 原件\n', '    form: [原件, 电子]\n    paper: A4\n'),
      },
      {
        title: '只要求证照附样本，结果是批文',
        code: exampleWith(
          'result: { name: 居民身份证, delivery: [邮寄, 窗口领取] }',
          'result: { name: 准予许可决定书, type: 批文, delivery: [邮寄, 窗口领取] }',
        ),
        options: { requireResultSample: ['证照'] },
      },
    ],
    invalid: [
      {
        title: '全程网办，却要到现场',
        code: exampleWith('level: 预约办理', 'level: 全程网办'),
        errors: [
          { messageId: 'onlineWithVisits', data: { visits: 1 }, line: 24, column: 9, endLine: 24, endColumn: 10 },
        ],
      },
      {
        title: '即办件，却有 15 个工作日的承诺时限',
        code: exampleWith('handling: 承诺件', 'handling: 即办件'),
        errors: [
          {
            messageId: 'instantWithDays',
            data: { promised: '15个工作日' },
            line: 20,
            column: 21,
            endLine: 20,
            endColumn: 23,
          },
        ],
      },
      {
        title: '即办件，却有 1 个月的承诺时限',
        code: exampleWith('handling: 承诺件', 'handling: 即办件').replace(
          'promised: { days: 15, unit: 工作日 }',
          'promised: { months: 1 }',
        ),
        errors: [
          {
            messageId: 'instantWithDays',
            data: { promised: '1个月' },
            line: 20,
            column: 23,
            endLine: 20,
            endColumn: 24,
          },
        ],
      },
      {
        title: '行政许可没有常见问题',
        code: exampleWith('type: 公共服务', 'type: 行政许可'),
        errors: [{ messageId: 'licenceWithoutFaq', line: 5, column: 7, endLine: 5, endColumn: 11 }],
      },
      {
        title: '要求证照附样本，证照没有样本',
        code: exampleWith(
          'result: { name: 居民身份证, delivery: [邮寄, 窗口领取] }',
          'result: { name: 居民身份证, type: 证照, delivery: [邮寄, 窗口领取] }',
        ),
        options: { requireResultSample: ['证照'] },
        errors: [
          {
            messageId: 'resultWithoutSample',
            data: { name: '居民身份证' },
            line: 22,
            column: 1,
            endLine: 22,
            endColumn: 7,
          },
        ],
      },
      {
        title: '要求附结果样本，没有样本（requireResultSample: true）',
        code: EXAMPLE_GUIDE,
        options: { requireResultSample: true },
        errors: [
          {
            messageId: 'resultWithoutSample',
            data: { name: '居民身份证' },
            line: 22,
            column: 1,
            endLine: 22,
            endColumn: 7,
          },
        ],
      },
      {
        title: '业务办理项编码和实施编码对不上',
        code: exampleWith(
          'id: id-card-renewal',
          'id: id-card-renewal\ncodes: { implementation: "3707860701401", item: 3707860701402-001 }',
        ),
        errors: [
          {
            messageId: 'itemOutsideImplementation',
            data: { item: '3707860701402-001', implementation: '3707860701401' },
            line: 3,
            column: 49,
            endLine: 3,
            endColumn: 66,
          },
        ],
      },
      {
        title: '预约办理，却写了不支持预约',
        code: exampleWith(
          'visits_reason: 需要本人到场拍照、采集指纹。',
          'visits_reason: 需要本人到场拍照、采集指纹。\nappointment: false',
        ),
        errors: [{ messageId: 'appointmentLevelWithoutAppointment', line: 26, column: 14, endLine: 26, endColumn: 19 }],
      },
      {
        title: '支持快递，送达方式里却没有邮寄',
        code: exampleWith(
          'result: { name: 居民身份证, delivery: [邮寄, 窗口领取] }',
          'result: { name: 居民身份证, delivery: [窗口领取] }\nexpress: true',
        ),
        errors: [{ messageId: 'expressWithoutPost', line: 23, column: 10, endLine: 23, endColumn: 14 }],
      },
      {
        title: '送达方式有邮寄，却写了不支持快递',
        code: exampleWith(
          'visits_reason: 需要本人到场拍照、采集指纹。',
          'visits_reason: 需要本人到场拍照、采集指纹。\nexpress: false',
        ),
        errors: [{ messageId: 'postWithoutExpress', line: 22, column: 35, endLine: 22, endColumn: 37 }],
      },
      {
        title: '只要电子版的材料写了纸张规格',
        code: exampleWith('    form: 原件\n    copies: 1\n', '    form: 电子\n    paper: A4\n'),
        errors: [
          {
            messageId: 'paperOfElectronic',
            data: { material: '材料「居民户口簿」' },
            line: 13,
            column: 12,
            endLine: 13,
            endColumn: 14,
          },
        ],
      },
    ],
  },
  ({ model, options, report }) => {
    const { fields } = model;
    const itemRange = model.rangeOf(['codes', 'item'])?.value;
    const item = textOf(fields.codes?.item);
    const implementation = textOf(fields.codes?.implementation);
    // Local platforms write codes in hyphenated segments: 3707860701401-001 is 3707860701401 plus 001.
    const unhyphenated = (code: string) => code.replaceAll('-', '');
    if (item && implementation && itemRange && !unhyphenated(item).startsWith(unhyphenated(implementation))) {
      report({ messageId: 'itemOutsideImplementation', data: { item, implementation }, range: itemRange });
    }
    const appointmentRange = model.rangeOf(['appointment'])?.value;
    if (fields.online?.level === '预约办理' && fields.appointment === false && appointmentRange) {
      report({ messageId: 'appointmentLevelWithoutAppointment', range: appointmentRange });
    }
    const delivery = fields.result?.delivery;
    if (Array.isArray(delivery)) {
      const post = delivery.indexOf('邮寄');
      const expressRange = model.rangeOf(['express'])?.value;
      const postRange = model.rangeOf(['result', 'delivery', post])?.value;
      if (fields.express === true && post === -1 && expressRange) {
        report({ messageId: 'expressWithoutPost', range: expressRange });
      } else if (fields.express === false && post !== -1 && postRange) {
        report({ messageId: 'postWithoutExpress', range: postRange });
      }
    }
    fields.materials?.forEach((material, index) => {
      const forms = [material?.form].flat().filter((form) => form !== undefined);
      const paperRange = model.rangeOf(['materials', index, 'paper'])?.value;
      if (!material || !forms.length || forms.some((form) => form !== '电子') || !paperRange) return;
      const name = textOf(material.name) ? `材料「${textOf(material.name)}」` : `第 ${index + 1} 份材料`;
      report({ messageId: 'paperOfElectronic', data: { material: name }, range: paperRange });
    });
    const visitsRange = model.rangeOf(['visits'])?.value;
    if (fields.online?.level === '全程网办' && fields.visits !== undefined && fields.visits > 0 && visitsRange) {
      report({ messageId: 'onlineWithVisits', data: { visits: fields.visits }, range: visitsRange });
    }
    const promised = fields.time_limit?.promised;
    const length = lengthOf(promised);
    const lengthRange = model.rangeOf([
      'time_limit',
      'promised',
      length && 'months' in length ? 'months' : 'days',
    ])?.value;
    const takesTime = length !== undefined && ('months' in length ? length.months : length.days) > 0;
    if (fields.handling === '即办件' && takesTime && lengthRange) {
      report({ messageId: 'instantWithDays', data: { promised: durationText(promised)! }, range: lengthRange });
    }
    // An empty faq list is reported by policy/placeholder-section.
    const typeRange = model.rangeOf(['type'])?.value;
    if (fields.type === '行政许可' && !model.rangeOf(['faq']) && typeRange) {
      report({ messageId: 'licenceWithoutFaq', range: typeRange, absent: [{ pointer: '/faq' }] });
    }
    const { result } = fields;
    const required = options.requireResultSample;
    const asked = required === true || (Array.isArray(required) && !!result?.type && required.includes(result.type));
    const resultRange = model.rangeOf(['result'])?.key;
    if (result && asked && !model.rangeOf(['result', 'sample']) && resultRange) {
      report({
        messageId: 'resultWithoutSample',
        data: { name: result.name ?? '' },
        range: resultRange,
        absent: [{ pointer: '/result/sample' }],
      });
    }
  },
);
