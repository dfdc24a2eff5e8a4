import { closest, escapePointerToken, guideValidator, journeyValidator, parseChineseCount } from '@baihua/core';
import type { ParsedGuide, SchemaError, SourceRange } from '@baihua/core';
import { isScalar } from 'yaml';
import { enumSynonyms, placeholderForm, placeholders } from './rule-data.js';
import {
  documentSchema,
  JOURNEY_SCHEMA,
  jsonType,
  valueAt,
  type DocumentSchema,
  type SchemaNode,
} from './schema-path.js';
import type { Absent, Fix, MessageData, Suggestion } from './types.js';

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
    missingMany: '{{owner}}缺少 {{count}} 个必填字段：{{list}}',
    missingWhen: '{{owner}}缺少必填字段「{{title}}」({{key}})：{{condition}}时要写明',
    notFilled: '必填字段{{field}}还没有填写',
    blank: '{{field}}还没有填写',
    placeholder: '必填字段{{field}}只写了“{{text}}”，等于没写：请写出实际内容',
    draft: '这是草稿（status: 草稿），还缺 {{count}} 项才能发布：{{list}}；写完后把 status 改为 在办',
  },
  'schema/type': {
    empty: '{{field}}是空的：请填写内容，或删去这一行',
    wrongType: '{{field}}应为{{expected}}，现在是{{actual}}',
    duration:
      '{{field}}要写天数和单位，如 { days: 15, unit: 工作日 }；按月计的写月数，如 { months: 1 }。现在是{{actual}}',
  },
  'schema/enum': {
    notAllowed: '{{field}}只能是 {{allowed}} 之一，现在是{{actual}}',
    notAllowedDidYouMean: '{{field}}只能是 {{allowed}} 之一，现在是{{actual}}。是不是想写“{{suggestion}}”？',
    synonym: '{{field}}只能是 {{allowed}} 之一：{{actual}}在这里写作“{{suggestion}}”',
  },
  'schema/format': {
    date: '{{field}}应为 YYYY-MM-DD 格式的日期，如 2026-10-01，现在是{{actual}}',
    url: '{{field}}应为完整的网址，以 https:// 开头，现在是{{actual}}',
    pattern: '{{field}}的写法不对，现在是{{actual}}。{{description}}',
    numbered: '{{field}}前面有序号“{{numbering}}”：每条依据在列表里单独写一项，不用编号，请删去序号',
    stepNameOnly:
      '{{field}}只写了“{{text}}”，看不出这一步要做什么：请写一句话说明，如“带上户口簿，到户政窗口拍照、采集指纹。”',
    monthsWithDays: '{{field}}写了月数（months），就不要再写{{key}}：按月计的只写 { months: 1 }，按天计的删去 months',
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
  /** the required fields missing, blank or a placeholder: a draft lists them in one finding */
  absent?: Absent[];
}

interface Validation {
  findings: SchemaFinding[];
  /** the values the findings are about, by JSON pointer */
  values: Set<string>;
}

const cache = new WeakMap<ParsedGuide, Validation>();

/**
 * Validates a guide against schema/guide.schema.json (a journey against
 * schema/journey.schema.json) once and turns each ajv error into a Chinese finding at the exact
 * node, named by the schema's own titles. The schema/* rules each report their share.
 */
export function schemaFindings(guide: ParsedGuide): SchemaFinding[] {
  return validate(guide).findings;
}

/**
 * Whether a schema finding is about the value at `pointer`. policy/placeholder-section leaves
 * those values alone, so that an empty or placeholder value is reported once: by the schema rules
 * when the field is required or must be of another kind (“必填字段……还没有填写”), by
 * placeholder-section when it is optional free text (see emptyText).
 */
export function schemaReportsValue(guide: ParsedGuide, pointer: string): boolean {
  return validate(guide).values.has(pointer);
}

function validate(guide: ParsedGuide): Validation {
  const cached = cache.get(guide);
  if (cached) return cached;
  const validation: Validation = { findings: [], values: new Set() };
  if (guide.yaml && guide.data !== undefined) {
    const doc = documentSchema(guide);
    const validator = doc === JOURNEY_SCHEMA ? journeyValidator() : guideValidator();
    validator(guide.data);
    const errors = onePerValue(pickBranches(doc, validator.errors ?? [], guide.data), guide.data);
    const missing = missingByOwner(errors);
    for (const error of errors) {
      const group = missing.get(error.instancePath);
      if (group && group.length > 1 && group.includes(error)) {
        if (group[0] === error) validation.findings.push(missingMany(doc, guide, error.instancePath, group));
        continue;
      }
      const findings = translate(doc, guide, error);
      if (findings.length && !STRUCTURAL.has(error.keyword)) validation.values.add(error.instancePath);
      validation.findings.push(...findings);
    }
  }
  cache.set(guide, validation);
  return validation;
}

/** Keywords about a mapping or list as a whole rather than about its value. */
const STRUCTURAL = new Set([
  'required',
  'additionalProperties',
  'minItems',
  'maxItems',
  'minProperties',
  'uniqueItems',
]);

/**
 * Which of several errors about one value to report: `handling: 1` fails both `type` and `enum`,
 * and the allowed values say more than “应为文字”; an empty value fails `type` alone.
 */
const VALUE_KEYWORDS = [
  'enum',
  'type',
  'false schema',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
];

/** One error per value: the first by VALUE_KEYWORDS (an empty value's `type` error comes first). */
function onePerValue(errors: SchemaError[], data: unknown): SchemaError[] {
  const chosen = new Map<string, SchemaError>();
  const rank = (error: SchemaError) =>
    error.keyword === 'type' && valueAt(data, error.instancePath) === null ? -1 : VALUE_KEYWORDS.indexOf(error.keyword);
  for (const error of errors) {
    if (!VALUE_KEYWORDS.includes(error.keyword)) continue;
    const other = chosen.get(error.instancePath);
    if (!other || rank(error) < rank(other)) chosen.set(error.instancePath, error);
  }
  return errors.filter((error) => !VALUE_KEYWORDS.includes(error.keyword) || chosen.get(error.instancePath) === error);
}

/** The unconditional `required` errors of each mapping, by its pointer. */
function missingByOwner(errors: SchemaError[]): Map<string, SchemaError[]> {
  const byOwner = new Map<string, SchemaError[]>();
  for (const error of errors) {
    if (error.keyword !== 'required' || error.schemaPath.includes('/then/')) continue;
    byOwner.set(error.instancePath, [...(byOwner.get(error.instancePath) ?? []), error]);
  }
  return byOwner;
}

/** One finding for every field a mapping lacks, at the mapping: 缺少 3 个必填字段：…. */
function missingMany(doc: DocumentSchema, guide: ParsedGuide, pointer: string, errors: SchemaError[]): SchemaFinding {
  const container = doc.schemaAt(guide.data, pointer);
  const list = errors
    .map((error) => {
      const key = String(error.params.missingProperty);
      const property = container?.properties?.[key];
      return `${property ? (doc.resolveRef(property).title ?? key) : key}（${key}）`;
    })
    .join('、');
  const owner = pointer === '' ? '' : doc.containerLabel(guide.data, pointer);
  return {
    ruleId: 'schema/required',
    messageId: 'missingMany',
    data: { owner, count: errors.length, list },
    range: firstLine(guide, pointer),
    absent: errors.map((error) => ({
      pointer: `${pointer}/${escapePointerToken(String(error.params.missingProperty))}`,
    })),
  };
}

/**
 * Whether the field at `pointer` is one its mapping requires (a list item never is), counting a
 * condition's `then`/`else`: a duration without months requires days and unit.
 */
function requiredField(doc: DocumentSchema, data: unknown, pointer: string): boolean {
  const key = pointer.slice(pointer.lastIndexOf('/') + 1);
  if (/^\d+$/.test(key)) return false;
  const parentPointer = pointer.slice(0, pointer.lastIndexOf('/'));
  const parent = doc.schemaAt(data, parentPointer);
  if (!parent) return false;
  const condition = parent.if as SchemaNode | undefined;
  const value = valueAt(data, parentPointer);
  const holds = (condition?.required ?? []).every((name) => value && typeof value === 'object' && name in value);
  const branch = (condition && (holds ? parent.then : parent.else)) as SchemaNode | undefined;
  return [...(parent.required ?? []), ...(branch?.required ?? [])].includes(key);
}

/** A value that says nothing: blank, or a placeholder such as 暂无 (placeholders.yaml), trimmed. */
function emptyText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = placeholderForm(value);
  return text === '' || placeholders().whole.includes(text) ? text : undefined;
}

/**
 * ajv reports the failures of every anyOf branch. Keep those of the branch the value's type
 * selects; when no branch has the value's type, one type error names the types allowed.
 */
function pickBranches(doc: DocumentSchema, errors: SchemaError[], data: unknown): SchemaError[] {
  const kept: SchemaError[] = [];
  const anyOfErrors = errors.filter((error) => error.keyword === 'anyOf');
  for (const error of errors) {
    if (error.keyword === 'if') continue; // the failing `then` reports itself
    if (error.keyword === 'anyOf') {
      const schema = error.parentSchema as SchemaNode;
      if (!doc.chooseBranch(schema, valueAt(data, error.instancePath))) {
        const types = (schema.anyOf ?? [])
          .map((branch) => doc.resolveRef(branch).type)
          .filter((type): type is string => Boolean(type));
        kept.push({ ...error, keyword: 'type', params: { type: types.join(',') } });
      }
      continue;
    }
    const owner = anyOfErrors.find((anyOf) => isBranchRoot(doc, anyOf, error));
    if (owner) {
      const value = valueAt(data, error.instancePath);
      const chosen = doc.chooseBranch(owner.parentSchema as SchemaNode, value);
      if (!chosen || doc.resolveRef(error.parentSchema as SchemaNode).type !== chosen.type) continue;
    }
    kept.push(error);
  }
  return kept;
}

/** Whether `error` was raised directly by one of the branches of the anyOf `anyOf`. */
function isBranchRoot(doc: DocumentSchema, anyOf: SchemaError, error: SchemaError): boolean {
  if (error.instancePath !== anyOf.instancePath) return false;
  const branches = (anyOf.parentSchema as SchemaNode).anyOf ?? [];
  return branches.some(
    (branch) =>
      branch === error.parentSchema || doc.resolveRef(branch).type === (error.parentSchema as SchemaNode).type,
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

function translate(doc: DocumentSchema, guide: ParsedGuide, error: SchemaError): SchemaFinding[] {
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
  const label = () => doc.fieldLabel(data, pointer);
  const schema = error.parentSchema as SchemaNode;

  // Free text that is blank or a placeholder (暂无): a required field is not filled in; an
  // optional one is policy/placeholder-section's to report, with its advice to delete the line.
  const empty = schema.type === 'string' && !schema.enum ? emptyText(value) : undefined;
  if (empty !== undefined && VALUE_KEYWORDS.includes(error.keyword)) {
    if (!requiredField(doc, data, pointer)) return [];
    return [
      empty === ''
        ? {
            ruleId: 'schema/required',
            messageId: 'blank',
            data: { field: label() },
            range: valueRange,
            absent: [{ pointer }],
          }
        : {
            ruleId: 'schema/required',
            messageId: 'placeholder',
            data: { field: label(), text: empty },
            range: valueRange,
            absent: [{ pointer }],
          },
    ];
  }

  switch (error.keyword) {
    case 'required': {
      const key = String(error.params.missingProperty);
      const container = doc.schemaAt(data, pointer);
      const property = container?.properties?.[key];
      const title = property ? (doc.resolveRef(property).title ?? key) : key;
      const owner = pointer === '' ? '' : doc.containerLabel(data, pointer);
      const condition = error.schemaPath.includes('/then/') ? conditionText(doc, container) : undefined;
      const values = { owner, title, key, ...(condition && { condition }) };
      const messageId = condition ? 'missingWhen' : 'missing';
      const absent = [{ pointer: `${pointer}/${escapePointerToken(key)}` }];
      return [{ ruleId: 'schema/required', messageId, data: values, range: firstLine(guide, pointer), absent }];
    }
    case 'type': {
      const expected = String(error.params.type).split(',');
      if (value === null) {
        const required = requiredField(doc, data, pointer);
        return [
          required
            ? {
                ruleId: 'schema/required',
                messageId: 'notFilled',
                data: { field: label() },
                range: valueRange,
                absent: [{ pointer }],
              }
            : { ruleId: 'schema/type', messageId: 'empty', data: { field: label() }, range: valueRange },
        ];
      }
      // A list or mapping in the wrong place can span many lines: mark its first line.
      const range = value !== null && typeof value === 'object' ? firstLine(guide, pointer) : valueRange;
      if (error.schemaPath.startsWith('#/definitions/duration/')) {
        const written = durationFromText(value);
        const fix = { range: [valueRange.start, valueRange.end] as [number, number], text: written ?? '' };
        return [
          {
            ruleId: 'schema/type',
            messageId: 'duration',
            data: { field: label(), actual: describeValue(value) },
            range,
            ...(written && { suggestions: [{ desc: `改为 ${written}`, fix }] }),
          },
        ];
      }
      // true and false are set off by spaces from the Chinese around them: 应为 true 或 false或… reads badly.
      const names = [...new Set(expected.map((type) => TYPE_NAMES[type] ?? type))]
        .join('或')
        .replace(/^(?=[a-z])|(?<=[a-z])(?=或)|(?<=或)(?=[a-z])/g, ' ');
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
      const synonym = synonymOf(pointer, value);
      if (synonym && allowed.includes(synonym)) {
        const values = {
          field: label(),
          allowed: allowed.join('、'),
          actual: describeValue(value),
          suggestion: synonym,
        };
        const fix = { range: [valueRange.start, valueRange.end] as [number, number], text: synonym };
        return [{ ruleId: 'schema/enum', messageId: 'synonym', data: values, range: valueRange, fix }];
      }
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
    case 'pattern': {
      const numbered = numberedLegalBasis(doc, guide, pointer, value, schema);
      if (numbered) return [numbered];
      return [
        {
          ruleId: 'schema/format',
          messageId: 'pattern',
          data: { field: label(), actual: describeValue(value), description: withExample(schema) },
          range: valueRange,
        },
      ];
    }
    case 'minLength': {
      const text = String(value);
      if (/^\/steps\/\d+$/.test(pointer))
        return [
          { ruleId: 'schema/format', messageId: 'stepNameOnly', data: { field: label(), text }, range: valueRange },
        ];
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
    case 'minProperties': {
      // `target: {}`: a mapping that must hold at least one field.
      const values = { field: label(), limit: Number(error.params.limit), count: Object.keys(value as object).length };
      return [{ ruleId: 'schema/range', messageId: 'noItems', data: values, range: valueRange }];
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
      return [unknownKey(doc, guide, pointer, String(error.params.additionalProperty), schema)];
    case 'false schema': {
      // A duration in months (`if: required: [months]`) forbids days and unit.
      const parent = pointer.slice(0, pointer.lastIndexOf('/'));
      const key = pointer.slice(pointer.lastIndexOf('/') + 1);
      const property = doc.schemaAt(data, parent)?.properties?.[key];
      const values = { field: doc.fieldLabel(data, parent), key: `${property?.title ?? key}（${key}）` };
      return [
        { ruleId: 'schema/format', messageId: 'monthsWithDays', data: values, range: entry?.keyRange ?? valueRange },
      ];
    }
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
function conditionText(doc: DocumentSchema, container: SchemaNode | undefined): string | undefined {
  const condition = (container?.if as SchemaNode | undefined)?.properties;
  if (!condition) return undefined;
  const parts = Object.entries(condition).map(([key, rule]) => {
    const title = container?.properties?.[key] ? (doc.resolveRef(container.properties[key]!).title ?? key) : key;
    return `「${title}」(${key})为“${String(rule.const)}”`;
  });
  return parts.join('、');
}

const MEASURE_WORDS = /^(份|张|本|次|个|元|块|项|件)?$/;

/** How real pages answer a yes-or-no field (支持快递：是). */
const YES_NO: Record<string, boolean> = { 是: true, 否: false, 支持: true, 不支持: false, 有: true, 无: false };

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
  if (expected.includes('boolean') && typeof value === 'string' && Object.hasOwn(YES_NO, value.trim())) {
    return { fix: { range, text: String(YES_NO[value.trim()]) } };
  }
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

/** A field's description, ending with an example of the expected form when it gives none. */
function withExample(schema: SchemaNode): string {
  const description = schema.description ?? '';
  const example = (schema.examples as unknown[] | undefined)?.find((item) => typeof item === 'string');
  return example === undefined || description.includes(String(example))
    ? description
    : `${description}例如：${String(example)}`;
}

/** `15个工作日` → `{ days: 15, unit: 工作日 }`, `1个月内` → `{ months: 1 }`: what a duration written as text means. */
function durationFromText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const count = parseChineseCount(value.trim());
  if (!count) return undefined;
  const rest = count.rest
    .replace(/^个/, '')
    .replace(/[内以之]+$/, '')
    .trim();
  if (rest === '月') return `{ months: ${count.value} }`;
  if (rest === '工作日' || rest === '自然日') return `{ days: ${count.value}, unit: ${rest} }`;
  return undefined;
}

/** 市民 → 个人: the allowed value a word real pages use stands for (data/enum-synonyms.yaml). */
function synonymOf(pointer: string, value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const field = pointer.replace(/\/\d+(?=\/|$)/g, '/*');
  const word = value.trim();
  for (const entry of enumSynonyms()) {
    if (entry.field !== field) continue;
    const found = Object.entries(entry.values).find(([, words]) => words.includes(word));
    if (found) return found[0];
  }
  return undefined;
}

/** A legal basis numbered as in a list on paper: 「1、《…》」「（二）《…》」「①《…》」. */
const NUMBERING = /^\s*(?:[0-9０-９一二三四五六七八九十]+[、.．]|[（(][0-9０-９一二三四五六七八九十]+[)）]|[①-⑳])\s*/u;

/** 「1、《…》第十一条」: the numbering is the only thing wrong, and deleting it is the fix. */
function numberedLegalBasis(
  doc: DocumentSchema,
  guide: ParsedGuide,
  pointer: string,
  value: unknown,
  schema: SchemaNode,
): SchemaFinding | undefined {
  if (typeof value !== 'string' || !/^\/legal_basis\/\d+(\/name)?$/.test(pointer)) return undefined;
  const numbering = NUMBERING.exec(value)?.[0];
  if (!numbering || !new RegExp(String(schema.pattern), 'u').test(value.slice(numbering.length))) return undefined;
  const span = guide.yaml!.strings.find((candidate) => candidate.pointer === pointer);
  const start = span?.map.toSourceStart(0);
  const end = span?.map.toSourceEnd(numbering.length);
  const range = guide.yaml!.entries.get(pointer)!.range;
  return {
    ruleId: 'schema/format',
    messageId: 'numbered',
    data: { field: doc.fieldLabel(guide.data, pointer), numbering: numbering.trim() },
    range: start !== undefined && end !== undefined ? { start, end } : range,
    ...(start !== undefined && end !== undefined && { fix: { range: [start, end] as [number, number], text: '' } }),
  };
}

function normalizeDate(text: string): string | undefined {
  const match = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function unknownKey(
  doc: DocumentSchema,
  guide: ParsedGuide,
  parentPointer: string,
  key: string,
  parentSchema: SchemaNode,
): SchemaFinding {
  const pointer = `${parentPointer}/${escapePointerToken(key)}`;
  const entry = guide.yaml!.entries.get(pointer);
  const range = entry?.keyRange ?? entry?.range ?? firstLine(guide, parentPointer);
  const properties = Object.entries(
    doc.chooseBranch(parentSchema, valueAt(guide.data, parentPointer))?.properties ?? parentSchema.properties ?? {},
  );
  // A clerk may write the Chinese title as the key (事项名称:) or misspell the key (tittle:).
  const byTitle = properties.filter(([, schema]) => doc.resolveRef(schema).title === key).map(([name]) => name);
  const names = byTitle.length
    ? byTitle
    : closest(
        key,
        properties.map(([name]) => name),
      );
  const where = doc.containerLabel(guide.data, parentPointer);
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
            title: doc.resolveRef(Object.fromEntries(properties)[suggestion]!).title ?? suggestion,
          },
        };
  return { ruleId: 'schema/unknown-key', ...message, range, ...(suggestions.length && { suggestions }) };
}
