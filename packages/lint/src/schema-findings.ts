import { closest, escapePointerToken, guideValidator, parseChineseCount } from '@baihua/core';
import type { ParsedGuide, SchemaError, SourceRange } from '@baihua/core';
import { isScalar } from 'yaml';
import {
  chooseBranch,
  containerLabel,
  fieldLabel,
  jsonType,
  resolveRef,
  schemaAt,
  valueAt,
  type SchemaNode,
} from './schema-path.js';
import type { Fix, MessageData, Suggestion } from './types.js';

// The catalog rules suggest near names with it too.
export { closest };

export type SchemaRuleId =
  | 'schema/required'
  | 'schema/type'
  | 'schema/enum'
  | 'schema/format'
  | 'schema/range'
  | 'schema/unknown-key';

/** The schema rules' messages, by rule and id: `field` is a field's name, as `fieldLabel` gives it. */
export const SCHEMA_MESSAGES: Record<SchemaRuleId, Record<string, string>> = {
  'schema/required': {
    missing: '{{owner}}缺少必填字段「{{title}}」({{key}})',
    missingWhen: '{{owner}}缺少必填字段「{{title}}」({{key}})：{{condition}}时要写明',
    notFilled: '必填字段{{field}}还没有填写',
    blank: '{{field}}还没有填写',
  },
  'schema/type': {
    empty: '{{field}}是空的：请填写内容，或删去这一行',
    wrongType: '{{field}}应为{{expected}}，现在是{{actual}}',
  },
  'schema/enum': {
    notAllowed: '{{field}}只能是 {{allowed}} 之一，现在是{{actual}}',
    notAllowedDidYouMean: '{{field}}只能是 {{allowed}} 之一，现在是{{actual}}。是不是想写“{{suggestion}}”？',
  },
  'schema/format': {
    date: '{{field}}应为 YYYY-MM-DD 格式的日期，如 2026-10-01，现在是{{actual}}',
    url: '{{field}}应为完整的网址，以 https:// 开头，现在是{{actual}}',
    pattern: '{{field}}的写法不对，现在是{{actual}}。{{description}}',
    tooShort: '{{field}}太短：至少要写 {{limit}} 个字，现在只有 {{length}} 个字',
    tooLong: '{{field}}太长：最多 {{limit}} 个字，现在有 {{length}} 个字。请精简，细节写到正文里',
    other: '{{field}}不符合要求（{{problem}}）',
  },
  'schema/range': {
    tooSmall: '{{field}}不能小于 {{limit}}，现在是 {{value}}',
    tooLarge: '{{field}}不能大于 {{limit}}，现在是 {{value}}',
    noItems: '{{field}}至少要写 {{limit}} 项，现在是空的',
    tooFewItems: '{{field}}至少要写 {{limit}} 项，现在只有 {{count}} 项',
    tooManyItems: '{{field}}最多 {{limit}} 项，现在有 {{count}} 项',
    duplicateItem: '{{field}}的第 {{first}} 项和第 {{second}} 项重复了，请删去一项',
  },
  'schema/unknown-key': {
    unknownDidYouMean: '{{where}}里没有「{{key}}」这个字段，是不是想写「{{suggestion}}」（{{title}}）？',
    unknown: '{{where}}里没有「{{key}}」这个字段，请检查拼写，或删去这个字段。',
  },
};

export interface SchemaFinding {
  ruleId: SchemaRuleId;
  messageId: string;
  data: MessageData;
  range: SourceRange;
  fix?: Fix;
  suggestions?: Suggestion[];
}

const cache = new WeakMap<ParsedGuide, SchemaFinding[]>();

/**
 * Validates a guide against schema/guide.schema.json once and turns each ajv error into a
 * Chinese finding at the exact node. The schema/* rules each report their share.
 */
export function schemaFindings(guide: ParsedGuide): SchemaFinding[] {
  const cached = cache.get(guide);
  if (cached) return cached;
  let findings: SchemaFinding[] = [];
  if (guide.yaml && guide.data !== undefined) {
    const validator = guideValidator();
    validator(guide.data);
    const errors = pickBranches(validator.errors ?? [], guide.data);
    findings = errors.flatMap((error) => translate(guide, error));
  }
  cache.set(guide, findings);
  return findings;
}

/**
 * ajv reports the failures of every anyOf branch. Keep those of the branch the value's type
 * selects; when no branch has the value's type, one type error names the types allowed.
 */
function pickBranches(errors: SchemaError[], data: unknown): SchemaError[] {
  const kept: SchemaError[] = [];
  const anyOfErrors = errors.filter((error) => error.keyword === 'anyOf');
  for (const error of errors) {
    if (error.keyword === 'if') continue; // the failing `then` reports itself
    if (error.keyword === 'anyOf') {
      const schema = error.parentSchema as SchemaNode;
      if (!chooseBranch(schema, valueAt(data, error.instancePath))) {
        const types = (schema.anyOf ?? [])
          .map((branch) => resolveRef(branch).type)
          .filter((type): type is string => Boolean(type));
        kept.push({ ...error, keyword: 'type', params: { type: types.join(',') } });
      }
      continue;
    }
    const owner = anyOfErrors.find((anyOf) => isBranchRoot(anyOf, error));
    if (owner) {
      const value = valueAt(data, error.instancePath);
      const chosen = chooseBranch(owner.parentSchema as SchemaNode, value);
      if (!chosen || resolveRef(error.parentSchema as SchemaNode).type !== chosen.type) continue;
    }
    kept.push(error);
  }
  return kept;
}

/** Whether `error` was raised directly by one of the branches of the anyOf `anyOf`. */
function isBranchRoot(anyOf: SchemaError, error: SchemaError): boolean {
  if (error.instancePath !== anyOf.instancePath) return false;
  const branches = (anyOf.parentSchema as SchemaNode).anyOf ?? [];
  return branches.some(
    (branch) => branch === error.parentSchema || resolveRef(branch).type === (error.parentSchema as SchemaNode).type,
  );
}

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  integer: '数字',
  number: '数字',
  boolean: 'true 或 false',
  array: '列表',
  object: '一组字段（在下一行缩进 2 个空格书写）',
  null: '空值',
};

/** How a value reads after “现在是”: quoted text, or a number set off by a space. */
function describeValue(value: unknown): string {
  switch (jsonType(value)) {
    case 'string':
      return (value as string).trim() ? `“${truncate(value as string)}”` : '空文字';
    case 'null':
      return '空值';
    case 'array':
      return '列表';
    case 'object':
      return '一组字段';
    default:
      return ` ${String(value)}`;
  }
}

function truncate(text: string): string {
  const chars = [...text.replaceAll(/\s+/g, ' ')];
  return chars.length > 20 ? `${chars.slice(0, 20).join('')}…` : chars.join('');
}

function translate(guide: ParsedGuide, error: SchemaError): SchemaFinding[] {
  const data = guide.data;
  const pointer = error.instancePath;
  const value = valueAt(data, pointer);
  const entries = guide.yaml!.entries;
  const entry = entries.get(pointer);
  // A key written without a value has an empty value range: point at the key instead.
  const valueRange = entry
    ? entry.range.end > entry.range.start
      ? entry.range
      : (entry.keyRange ?? entry.range)
    : firstLine(guide, '');
  const label = () => fieldLabel(data, pointer);
  const schema = error.parentSchema as SchemaNode;

  switch (error.keyword) {
    case 'required': {
      const key = String(error.params.missingProperty);
      const container = schemaAt(data, pointer);
      const property = container?.properties?.[key];
      const title = property ? (resolveRef(property).title ?? key) : key;
      const owner = pointer === '' ? '' : containerLabel(data, pointer);
      const condition = error.schemaPath.includes('/then/') ? conditionText(container) : undefined;
      const values = { owner, title, key, ...(condition && { condition }) };
      const messageId = condition ? 'missingWhen' : 'missing';
      return [{ ruleId: 'schema/required', messageId, data: values, range: firstLine(guide, pointer) }];
    }
    case 'type': {
      const expected = String(error.params.type).split(',');
      if (value === null) {
        const parentPointer = pointer.slice(0, pointer.lastIndexOf('/'));
        const key = pointer.slice(pointer.lastIndexOf('/') + 1);
        const required = schemaAt(data, parentPointer)?.required?.includes(key) ?? false;
        return [
          required
            ? { ruleId: 'schema/required', messageId: 'notFilled', data: { field: label() }, range: valueRange }
            : { ruleId: 'schema/type', messageId: 'empty', data: { field: label() }, range: valueRange },
        ];
      }
      const names = [...new Set(expected.map((type) => TYPE_NAMES[type] ?? type))].join('或');
      // A list or mapping in the wrong place can span many lines: mark its first line.
      const range = value !== null && typeof value === 'object' ? firstLine(guide, pointer) : valueRange;
      const values = { field: label(), expected: names, actual: describeValue(value) };
      return [
        {
          ruleId: 'schema/type',
          messageId: 'wrongType',
          data: values,
          range,
          ...typeFix(guide, pointer, expected, value),
        },
      ];
    }
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map(String);
      const candidates = closest(String(value), allowed);
      const suggestions = candidates.map((candidate) => ({
        desc: `改为“${candidate}”`,
        fix: { range: [valueRange.start, valueRange.end] as [number, number], text: candidate },
      }));
      const values = { field: label(), allowed: allowed.join('、'), actual: describeValue(value) };
      return [
        {
          ruleId: 'schema/enum',
          ...(candidates[0] === undefined
            ? { messageId: 'notAllowed', data: values }
            : { messageId: 'notAllowedDidYouMean', data: { ...values, suggestion: candidates[0] } }),
          range: valueRange,
          ...(suggestions.length && { suggestions }),
        },
      ];
    }
    case 'format': {
      const format = String(error.params.format);
      if (format === 'date') {
        const normalized = normalizeDate(String(value));
        return [
          {
            ruleId: 'schema/format',
            messageId: 'date',
            data: { field: label(), actual: describeValue(value) },
            range: valueRange,
            ...(normalized && { fix: { range: [valueRange.start, valueRange.end], text: normalized } }),
          },
        ];
      }
      const values = { field: label(), actual: describeValue(value) };
      return [{ ruleId: 'schema/format', messageId: 'url', data: values, range: valueRange }];
    }
    case 'pattern':
      return [
        {
          ruleId: 'schema/format',
          messageId: 'pattern',
          data: { field: label(), actual: describeValue(value), description: schema.description ?? '' },
          range: valueRange,
        },
      ];
    case 'minLength': {
      const text = String(value);
      if (!text.trim())
        return [{ ruleId: 'schema/required', messageId: 'blank', data: { field: label() }, range: valueRange }];
      const values = { field: label(), limit: String(error.params.limit), length: [...text].length };
      return [{ ruleId: 'schema/format', messageId: 'tooShort', data: values, range: valueRange }];
    }
    case 'maxLength':
      return [
        {
          ruleId: 'schema/format',
          messageId: 'tooLong',
          data: { field: label(), limit: String(error.params.limit), length: [...String(value)].length },
          range: valueRange,
        },
      ];
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const messageId = error.keyword.includes('inimum') ? 'tooSmall' : 'tooLarge';
      const values = { field: label(), limit: String(error.params.limit), value: String(value) };
      return [{ ruleId: 'schema/range', messageId, data: values, range: valueRange }];
    }
    case 'minItems': {
      const count = (value as unknown[]).length;
      const values = { field: label(), limit: Number(error.params.limit), count };
      return [
        { ruleId: 'schema/range', messageId: count === 0 ? 'noItems' : 'tooFewItems', data: values, range: valueRange },
      ];
    }
    case 'maxItems': {
      const values = { field: label(), limit: String(error.params.limit), count: (value as unknown[]).length };
      return [{ ruleId: 'schema/range', messageId: 'tooManyItems', data: values, range: valueRange }];
    }
    case 'uniqueItems': {
      const [first, second] = [Number(error.params.i), Number(error.params.j)]
        .sort((a, b) => a - b)
        .map((index) => index + 1) as [number, number];
      const duplicate = entries.get(`${pointer}/${second - 1}`)?.range ?? valueRange;
      return [
        {
          ruleId: 'schema/range',
          messageId: 'duplicateItem',
          data: { field: label(), first, second },
          range: duplicate,
        },
      ];
    }
    case 'additionalProperties':
      return [unknownKey(guide, pointer, String(error.params.additionalProperty), schema)];
    default: {
      const values = { field: label(), problem: error.message ?? error.keyword };
      return [{ ruleId: 'schema/format', messageId: 'other', data: values, range: valueRange }];
    }
  }
}

/** The first line of the mapping at `pointer`: where a missing key is reported. */
function firstLine(guide: ParsedGuide, pointer: string): SourceRange {
  const entry = guide.yaml?.entries.get(pointer);
  const text = guide.file.text;
  const start = entry?.node ? entry.range.start : (entry?.keyRange?.start ?? guide.frontMatter?.start ?? 0);
  let end = text.slice(start).search(/\r|\n/);
  end = end === -1 ? text.length : start + end;
  return { start, end: Math.max(end, start) };
}

/** When a conditionally required key is required: 「是否必须」(need)为“情形必要”. */
function conditionText(container: SchemaNode | undefined): string | undefined {
  const condition = (container?.if as SchemaNode | undefined)?.properties;
  if (!condition) return undefined;
  const parts = Object.entries(condition).map(([key, rule]) => {
    const title = container?.properties?.[key] ? (resolveRef(container.properties[key]!).title ?? key) : key;
    return `「${title}」(${key})为“${String(rule.const)}”`;
  });
  return parts.join('、');
}

const MEASURE_WORDS = /^(份|张|本|次|个|元|块|项|件)?$/;

function typeFix(
  guide: ParsedGuide,
  pointer: string,
  expected: string[],
  value: unknown,
): Pick<SchemaFinding, 'fix' | 'suggestions'> {
  const entry = guide.yaml!.entries.get(pointer);
  if (!entry?.node || !isScalar(entry.node)) return {};
  const range: [number, number] = [entry.range.start, entry.range.end];
  const source = guide.file.text.slice(...range);
  if ((expected.includes('integer') || expected.includes('number')) && typeof value === 'string') {
    const count = parseChineseCount(value);
    if (count === undefined) return {};
    const fix = { range, text: String(count.value) };
    // 两份 → 2 keeps the meaning; 十五个工作日 → 15 would drop the unit, so only suggest it.
    return MEASURE_WORDS.test(count.rest) ? { fix } : { suggestions: [{ desc: `改为 ${count.value}`, fix }] };
  }
  if (
    expected.includes('string') &&
    (typeof value === 'number' || typeof value === 'boolean') &&
    entry.node.type === 'PLAIN'
  ) {
    // A phone number such as 12345 reads as a number; quoting the source keeps leading zeros.
    return { fix: { range, text: `"${source}"` } };
  }
  if (
    expected.includes('array') &&
    typeof value === 'string' &&
    entry.node.type === 'PLAIN' &&
    !/[,[\]{}]/.test(source)
  ) {
    return { fix: { range, text: `[${source}]` } };
  }
  return {};
}

function normalizeDate(text: string): string | undefined {
  const match = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function unknownKey(guide: ParsedGuide, parentPointer: string, key: string, parentSchema: SchemaNode): SchemaFinding {
  const pointer = `${parentPointer}/${escapePointerToken(key)}`;
  const entry = guide.yaml!.entries.get(pointer);
  const range = entry?.keyRange ?? entry?.range ?? firstLine(guide, parentPointer);
  const properties = Object.entries(
    chooseBranch(parentSchema, valueAt(guide.data, parentPointer))?.properties ?? parentSchema.properties ?? {},
  );
  // A clerk may write the Chinese title as the key (事项名称:) or misspell the key (tittle:).
  const byTitle = properties.filter(([, schema]) => resolveRef(schema).title === key).map(([name]) => name);
  const names = byTitle.length
    ? byTitle
    : closest(
        key,
        properties.map(([name]) => name),
      );
  const where = parentPointer === '' ? '指南' : containerLabel(guide.data, parentPointer);
  const suggestions = names.map((name) => ({
    desc: `改为「${name}」`,
    fix: { range: [range.start, range.end] as [number, number], text: name },
  }));
  const suggestion = names[0];
  const message: Pick<SchemaFinding, 'messageId' | 'data'> =
    suggestion === undefined
      ? { messageId: 'unknown', data: { where, key } }
      : {
          messageId: 'unknownDidYouMean',
          data: {
            where,
            key,
            suggestion,
            title: resolveRef(Object.fromEntries(properties)[suggestion]!).title ?? suggestion,
          },
        };
  return { ruleId: 'schema/unknown-key', ...message, range, ...(suggestions.length && { suggestions }) };
}
