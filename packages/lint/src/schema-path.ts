import { guideSchema, pointerTokens } from '@baihua/core';

/** A JSON Schema object as read from schema/*.json. */
export type SchemaNode = Record<string, unknown> & {
  title?: string;
  description?: string;
  type?: string;
  enum?: unknown[];
  properties?: Record<string, SchemaNode>;
  patternProperties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  required?: string[];
  $ref?: string;
};

const root = guideSchema as SchemaNode;

/** Follows a local `$ref`; the referring schema's own title and description win. */
export function resolveRef(schema: SchemaNode): SchemaNode {
  if (!schema.$ref) return schema;
  const target = schema.$ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root) as SchemaNode;
  const { $ref: _ref, ...siblings } = schema;
  return { ...resolveRef(target), ...siblings };
}

/** The raw value at a JSON pointer, whatever its type: the schema rules report wrong-typed values. */
export function valueAt(data: unknown, pointer: string): unknown {
  const step = (node: unknown, key: string) =>
    node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  return pointerTokens(pointer).reduce<unknown>(step, data);
}

export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

export function typeMatches(schemaType: string | undefined, value: unknown): boolean {
  if (!schemaType) return true;
  const actual = jsonType(value);
  return schemaType === actual || (schemaType === 'number' && actual === 'integer');
}

/**
 * Every `anyOf` in the guide schema tells its branches apart by JSON type (a legal basis is a
 * string or an object, fees a list or an object), so the value's type picks the branch.
 */
export function chooseBranch(schema: SchemaNode, value: unknown): SchemaNode | undefined {
  if (!schema.anyOf) return schema;
  const branch = schema.anyOf.map(resolveRef).find((candidate) => typeMatches(candidate.type, value));
  return (
    branch && { ...branch, title: schema.title ?? branch.title, description: schema.description ?? branch.description }
  );
}

export interface FieldStep {
  /** the key or the array index */
  key: string;
  schema: SchemaNode | undefined;
  value: unknown;
}

/** The schema of each step of a JSON pointer into guide data. */
export function walkPointer(data: unknown, pointer: string): FieldStep[] {
  const steps: FieldStep[] = [];
  let schema: SchemaNode | undefined = root;
  let value = data;
  const keys = pointerTokens(pointer);
  for (const key of keys) {
    const current: SchemaNode | undefined = schema && chooseBranch(resolveRef(schema), value);
    if (Array.isArray(value)) {
      schema = current?.items;
      value = value[Number(key)];
    } else {
      schema = current?.properties?.[key] ?? patternMatch(current, key);
      value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    }
    schema = schema && resolveRef(schema);
    steps.push({ key, schema, value });
  }
  return steps;
}

function patternMatch(schema: SchemaNode | undefined, key: string): SchemaNode | undefined {
  for (const [pattern, child] of Object.entries(schema?.patternProperties ?? {})) {
    if (new RegExp(pattern, 'u').test(key)) return child;
  }
  return undefined;
}

/** The schema at a pointer, with its anyOf branch chosen by the value there. */
export function schemaAt(data: unknown, pointer: string): SchemaNode | undefined {
  if (pointer === '') return chooseBranch(root, data);
  const last = walkPointer(data, pointer).at(-1);
  return last?.schema && chooseBranch(last.schema, last.value);
}

/** Fields that name an array item, in the order they are tried. */
const NAME_KEYS = ['name', 'title', 'item', 'question'];

/**
 * How a clerk would name the field at a pointer: `材料「居民户口簿」的份数(copies)` inside a
 * list item, `「办理时限 › 承诺时限」(time_limit.promised)` elsewhere.
 */
export function fieldLabel(data: unknown, pointer: string): string {
  if (pointer === '') return '字段区';
  const steps = walkPointer(data, pointer);
  let contextEnd = -1;
  steps.forEach((step, index) => {
    if (/^\d+$/.test(step.key) && index < steps.length - 1) contextEnd = index;
  });
  const rest = steps.slice(contextEnd + 1);
  const titles = rest.map((step) =>
    /^\d+$/.test(step.key) ? `第 ${Number(step.key) + 1} 项` : (step.schema?.title ?? step.key),
  );
  const keys = rest.filter((step) => !/^\d+$/.test(step.key)).map((step) => step.key);
  const keyText = keys.length ? `(${keys.join('.')})` : '';
  if (contextEnd === -1) return `「${titles.join(' › ')}」${keyText}`;
  return `${itemLabel(steps, contextEnd)}的${titles.join(' › ')}${keyText}`;
}

/** `材料「居民户口簿」` or `第 2 项材料` for the array item at `steps[index]`. */
export function itemLabel(steps: FieldStep[], index: number): string {
  const item = steps[index]!;
  const kind = item.schema?.title ?? '项目';
  const record = item.value && typeof item.value === 'object' ? (item.value as Record<string, unknown>) : {};
  const name = NAME_KEYS.map((key) => record[key]).find(
    (candidate) => typeof candidate === 'string' && candidate.trim(),
  );
  return name ? `${kind}「${String(name)}」` : `第 ${Number(item.key) + 1} 项${kind}`;
}

/** The label of the object at a pointer, for "X 缺少 …" messages. */
export function containerLabel(data: unknown, pointer: string): string {
  if (pointer === '') return '指南';
  const steps = walkPointer(data, pointer);
  const last = steps.at(-1)!;
  if (/^\d+$/.test(last.key)) return itemLabel(steps, steps.length - 1);
  return fieldLabel(data, pointer);
}
