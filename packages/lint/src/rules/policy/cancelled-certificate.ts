import { cancelledCertificates, CERTIFICATE_SCHEMA, type CancelledCertificate } from '../../rule-data.js';
import { EXAMPLE_GUIDE, exampleWith } from '../example-guide.js';
import { policyRule } from '../define.js';

const RULE_ID = 'policy/cancelled-certificate';

/** The first wording of a cancelled certificate in a material name, if any. */
function findCertificate(
  name: string,
  certificates: CancelledCertificate[],
): { certificate: CancelledCertificate; start: number; end: number } | undefined {
  let found: { certificate: CancelledCertificate; start: number; end: number } | undefined;
  for (const certificate of certificates) {
    for (const wording of certificate.match.length ? certificate.match : [certificate.name]) {
      const start = name.indexOf(wording);
      if (start !== -1 && (!found || start < found.start)) found = { certificate, start, end: start + wording.length };
    }
  }
  return found;
}

interface Options {
  allow: string[];
  extra: Array<Omit<CancelledCertificate, 'match'> & { match?: string[] }>;
}

export default policyRule<Options>(
  {
    id: RULE_ID,
    severity: 'error',
    title: '不要再要已取消的证明',
    description:
      '按证明事项清理（国办发〔2018〕47号），没有法律法规依据、或者能通过查证照、数据共享、书面承诺解决的证明一律取消，不能再让群众去开。已取消的证明列在 packages/lint/data/cancelled-certificates.yaml，每条写明依据；本地的清单用选项 extra 补充，法律法规确实要求保留的用 allow 放行。',
    howToFix:
      '删去这份材料，改为窗口核查或由群众签书面承诺，并在指南里写明窗口怎么核查；确实有法律法规依据的，在配置里用 allow 保留，并在材料的 basis 写明依据。',
    messages: {
      cancelled: '「{{name}}」已经取消，不能再让群众开具（依据：{{source}}）。可以改为：{{instead}}',
      cancelledNoAlternative:
        '「{{name}}」已经取消，不能再让群众开具（依据：{{source}}）。请改为窗口核查或由群众签书面承诺。',
    },
    options: {
      type: 'object',
      properties: {
        allow: { type: 'array', items: { type: 'string' }, default: [] },
        extra: {
          type: 'array',
          items: {
            ...CERTIFICATE_SCHEMA,
            properties: {
              ...CERTIFICATE_SCHEMA.properties,
              match: { type: 'array', items: { type: 'string', minLength: 1 } },
            },
          },
          default: [],
        },
      },
      additionalProperties: false,
    },
  },
  {
    valid: [
      { title: '材料里没有已取消的证明', code: EXAMPLE_GUIDE },
      {
        title: '法律法规要求保留（allow）',
        code: exampleWith('  - name: 居民户口簿', '  - name: 无犯罪记录证明'),
        options: { allow: ['无犯罪记录证明'] },
      },
    ],
    invalid: [
      {
        title: '要群众开亲属关系证明',
        code: exampleWith('  - name: 居民户口簿', '  - name: 社区出具的亲属关系证明'),
        errors: [
          {
            messageId: 'cancelled',
            data: {
              name: '亲属关系证明',
              source:
                '《国务院办公厅关于做好证明事项清理工作的通知》（国办发〔2018〕47号）；公安机关不再出具亲属关系证明',
              instead: '窗口查户口簿、出生医学证明或婚姻登记信息；查不到的，由您签一份书面承诺。',
            },
            line: 11,
            column: 16,
            endLine: 11,
            endColumn: 22,
          },
        ],
      },
      {
        title: '本地清单补充的证明（extra）',
        code: exampleWith('  - name: 居民户口簿', '  - name: 无房证明'),
        options: {
          extra: [
            {
              name: '无房证明',
              source: '《某省保留证明事项清单》（2024年版）未列入',
              instead: '窗口查不动产登记信息。',
            },
          ],
        },
        errors: [
          {
            messageId: 'cancelled',
            data: {
              name: '无房证明',
              source: '《某省保留证明事项清单》（2024年版）未列入',
              instead: '窗口查不动产登记信息。',
            },
            line: 11,
            column: 11,
            endLine: 11,
            endColumn: 15,
          },
        ],
      },
    ],
  },
  ({ model, options, report }) => {
    const allowed = new Set(options.allow);
    const extra = options.extra.map((entry) => ({ ...entry, match: entry.match ?? [] }));
    const certificates = [...cancelledCertificates(), ...extra].filter((certificate) => !allowed.has(certificate.name));
    model.fields.materials?.forEach((material, index) => {
      const name = material?.name;
      const found = name && findCertificate(name, certificates);
      if (!found) return;
      const range = model.textRange(['materials', index, 'name'], found.start, found.end);
      const { certificate } = found;
      const { name: named, source, instead } = certificate;
      if (!range) return;
      if (instead) report({ messageId: 'cancelled', data: { name: named, source, instead }, range });
      else report({ messageId: 'cancelledNoAlternative', data: { name: named, source }, range });
    });
  },
);
