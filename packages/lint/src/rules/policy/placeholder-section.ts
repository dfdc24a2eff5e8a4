import { markdownRange, pointerTokens, spanRange, type ParsedGuide, type SourceRange } from '@baihua/core';
import type { Heading } from 'mdast';
import { visit } from 'unist-util-visit';
import { placeholderForm, placeholders } from '../../rule-data.js';
import { schemaReportsValue } from '../../schema-findings.js';
import { GUIDE_SCHEMA } from '../../schema-path.js';
import { EXAMPLE_GUIDE, exampleWith, exampleWithParagraph } from '../example-guide.js';
import { policyRule } from '../define.js';

/** An empty list says "there are none" for materials; elsewhere it is a section with nothing in it. */
const LISTS_THAT_MAY_BE_EMPTY = new Set(['/materials']);

/** Extension fields (`x-…` at the top level) are the portal's own: the schema says Baihua does not read them. */
const isExtension = (pointer: string) => pointerTokens(pointer)[0]?.startsWith('x-') ?? false;

/** Body headings with nothing under them before the next heading of the same or a higher level. */
function emptySections(guide: ParsedGuide): Array<{ title: string; range: SourceRange }> {
  const body = guide.body;
  if (!body) return [];
  const children = body.tree.children;
  const empty: Array<{ title: string; range: SourceRange }> = [];
  children.forEach((node, index) => {
    if (node.type !== 'heading') return;
    const next = children
      .slice(index + 1)
      .find((child) => child.type !== 'html' || !/^<!--[\s\S]*-->$/.test(child.value.trim()));
    if (!next || (next.type === 'heading' && next.depth <= node.depth)) {
      const range = markdownRange(body, node);
      empty.push({ title: headingText(node), range });
    }
  });
  return empty;
}

function headingText(heading: Heading): string {
  let text = '';
  visit(heading, 'text', (node) => {
    text += node.value;
  });
  return text.trim();
}

interface Options {
  allow: string[];
  extra: string[];
}

export default policyRule<Options>(
  {
    id: 'policy/placeholder-section',
    severity: 'error',
    title: '不要有栏目无内容',
    description:
      '“暂无”“无”“略”“详见相关规定”“待补充”这类占位的话，和空着的栏目一样，群众读了什么也得不到，还以为指南没写完（有栏目无内容）；baihua init 写在新指南里的提示（“在这里写……”）没换掉就发布，也一样。占位词和模板提示列在 packages/lint/data/placeholders.yaml；选项 allow 放行某些写法，extra 补充本地常见的占位词。以 x- 开头的扩展字段留给门户自用，不检查。',
    howToFix:
      '写出实际内容；这一项确实没有内容的，直接删去这个字段或这一节。不收费写 fees: { free: true }，不需要材料写 materials: []。',
    messages: {
      placeholder: '这里只写了“{{text}}”，等于没写（有栏目无内容）：请写出实际内容，确实没有的就删去这一项',
      blank: '{{field}}是空白的，等于没写（有栏目无内容）：请写出实际内容，确实没有的就删去这一项',
      unfinished: '“{{mark}}”说明这里还没写完：请补上实际内容再发布',
      instruction: '“{{text}}”是新指南模板里的提示，不是给群众看的：请换成这份指南自己的内容',
      emptyList: '{{field}}是空的（有栏目无内容）：请补上内容，或删去这一项',
      emptySection: '「{{title}}」这一节下面什么也没有（有栏目无内容）：请补上内容，或删去这个标题',
    },
    options: {
      type: 'object',
      properties: {
        allow: { type: 'array', items: { type: 'string' }, default: [] },
        extra: { type: 'array', items: { type: 'string', minLength: 1 }, default: [] },
      },
      additionalProperties: false,
    },
  },
  {
    valid: [
      { title: '每一栏都有内容', code: EXAMPLE_GUIDE },
      {
        title: '扩展字段（x-）不检查',
        code: exampleWith('reviewed: 2026-10-01', 'reviewed: 2026-10-01\nx-portal-note: 暂无\nx-portal-tags: []'),
      },
      {
        title: '本地约定可以写“无”（allow）',
        code: exampleWith('visits_reason: 需要本人到场拍照、采集指纹。', 'visits_reason: 无'),
        options: { allow: ['无'] },
      },
    ],
    invalid: [
      {
        title: '字段只写了“暂无”',
        code: exampleWith('visits_reason: 需要本人到场拍照、采集指纹。', 'visits_reason: 暂无'),
        errors: [
          { messageId: 'placeholder', data: { text: '暂无' }, line: 25, column: 16, endLine: 25, endColumn: 18 },
        ],
      },
      {
        title: '没写完的标记',
        code: exampleWith(
          'conditions: [身份证有效期还剩不到3个月，或者已经过期。]',
          'conditions: [身份证有效期还剩不到3个月（具体条件待补充）。]',
        ),
        errors: [{ messageId: 'unfinished', data: { mark: '待补充' }, line: 9, column: 32, endLine: 9, endColumn: 35 }],
      },
      {
        title: '模板里的提示没换掉',
        code: exampleWithParagraph('在这里写群众出门前要确认的事，比如证件有没有过期、要不要先预约。'),
        errors: [
          {
            messageId: 'instruction',
            data: { text: '在这里写群众出门前要确认的事，比如证件有没有过期、要不要先预约。' },
            line: 36,
            column: 1,
            endLine: 36,
            endColumn: 33,
          },
        ],
      },
      {
        title: '正文里的空标题',
        code: exampleWithParagraph('## 常见问题'),
        errors: [
          { messageId: 'emptySection', data: { title: '常见问题' }, line: 36, column: 1, endLine: 36, endColumn: 8 },
        ],
      },
      {
        title: '空列表',
        code: exampleWith('reviewed: 2026-10-01', 'faq: []\nreviewed: 2026-10-01'),
        errors: [
          {
            messageId: 'emptyList',
            data: { field: '「常见问题」(faq)' },
            line: 29,
            column: 6,
            endLine: 29,
            endColumn: 8,
          },
        ],
      },
    ],
  },
  ({ guide, options, report }) => {
    const allowed = new Set(options.allow);
    const data = placeholders();
    const whole = new Set([...data.whole, ...options.extra].filter((text) => !allowed.has(text)));
    const anywhere = data.anywhere.filter((text) => !allowed.has(text));
    const instructions = data.instructions.filter((text) => !allowed.has(text));
    for (const span of guide.texts) {
      if (span.kind === 'heading' || isExtension(span.pointer)) continue;
      // An empty value the schema rules report (a required field, a value of the wrong kind) is theirs.
      if (span.kind === 'value' && schemaReportsValue(guide, span.pointer)) continue;
      const text = placeholderForm(span.text);
      const at = (start: number, end: number) => spanRange(span, start, end);
      if (whole.has(text) || (text === '' && span.kind === 'value')) {
        const start = span.text.indexOf(text);
        const range =
          text === '' ? (guide.yaml?.entries.get(span.pointer)?.range ?? at(0, 0)) : at(start, start + text.length);
        // In a draft, the field (or a paragraph of the body) joins the list of what is still to write.
        const absent = [
          span.kind === 'value'
            ? { pointer: span.pointer }
            : { pointer: '/body', label: `正文里只写了“${text}”的一段` },
        ];
        if (text === '')
          report({
            messageId: 'blank',
            data: { field: GUIDE_SCHEMA.fieldLabel(guide.data, span.pointer) },
            range,
            absent,
          });
        else report({ messageId: 'placeholder', data: { text }, range, absent });
        continue;
      }
      for (const mark of anywhere) {
        const start = span.text.indexOf(mark);
        if (start !== -1) report({ messageId: 'unfinished', data: { mark }, range: at(start, start + mark.length) });
      }
      for (const instruction of instructions) {
        const start = span.text.indexOf(instruction);
        if (start === -1) continue;
        report({ messageId: 'instruction', data: { text: instruction }, range: at(start, start + instruction.length) });
      }
    }
    for (const [pointer, entry] of guide.yaml?.entries ?? []) {
      const node = entry.node as { items?: unknown[] } | null;
      if (!node?.items || node.items.length > 0 || LISTS_THAT_MAY_BE_EMPTY.has(pointer) || pointer === '') continue;
      if (isExtension(pointer)) continue;
      // A list the schema requires items in is reported by schema/range already.
      const schema = GUIDE_SCHEMA.schemaAt(guide.data, pointer);
      if (schema && ((GUIDE_SCHEMA.resolveRef(schema).minItems as number | undefined) ?? 0) > 0) continue;
      report({
        messageId: 'emptyList',
        data: { field: GUIDE_SCHEMA.fieldLabel(guide.data, pointer) },
        range: entry.range,
        absent: [{ pointer }],
      });
    }
    for (const { title, range } of emptySections(guide)) {
      report({
        messageId: 'emptySection',
        data: { title },
        range,
        absent: [{ pointer: '/body', label: `正文「${title}」一节的内容` }],
      });
    }
  },
);
