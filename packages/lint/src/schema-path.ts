import { guideSchema, isJourneyPath, journeySchema, pointerTokens, type ParsedGuide } from '@baihua/core';

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
 * A file's schema (the guide's, a journey's) and the ways to a value in it: which schema applies
 * at a JSON pointer, and how a clerk names the field there in a message.
 */
export class DocumentSchema {
  constructor(
    readonly root: SchemaNode,
    /** how messages name the file as a whole: 指南, 一件事 */
    readonly name: string,
  ) {}

  /** Follows a local `$ref`; the referring schema's own title and description win. */
  resolveRef(schema: SchemaNode): SchemaNode {
    if (!schema.$ref) return schema;
    const target = schema.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], this.root) as SchemaNode;
    const { $ref: _ref, ...siblings } = schema;
    return { ...this.resolveRef(target), ...siblings };
  }

  /**
   * Every `anyOf` in the schemas tells its branches apart by JSON type (a legal basis is a string
   * or an object, fees a list or an object), so the value's type picks the branch.
   */
  chooseBranch(schema: SchemaNode, value: unknown): SchemaNode | undefined {
    if (!schema.anyOf) return schema;
    const branch = schema.anyOf
      .map((candidate) => this.resolveRef(candidate))
      .find((candidate) => typeMatches(candidate.type, value));
    return (
      branch && {
        ...branch,
        title: schema.title ?? branch.title,
        description: schema.description ?? branch.description,
      }
    );
  }

  /** The schema of each step of a JSON pointer into the file's data. */
  walkPointer(data: unknown, pointer: string): FieldStep[] {
    const steps: FieldStep[] = [];
    let schema: SchemaNode | undefined = this.root;
    let value = data;
    for (const key of pointerTokens(pointer)) {
      const current: SchemaNode | undefined = schema && this.chooseBranch(this.resolveRef(schema), value);
      if (Array.isArray(value)) {
        schema = current?.items;
        value = value[Number(key)];
      } else {
        schema = current?.properties?.[key] ?? patternMatch(current, key);
        value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
      }
      schema = schema && this.resolveRef(schema);
      steps.push({ key, schema, value });
    }
    return steps;
  }

  /** The schema at a pointer, with its anyOf branch chosen by the value there. */
  schemaAt(data: unknown, pointer: string): SchemaNode | undefined {
    if (pointer === '') return this.chooseBranch(this.root, data);
    const last = this.walkPointer(data, pointer).at(-1);
    return last?.schema && this.chooseBranch(last.schema, last.value);
  }

  /**
   * How a clerk would name the field at a pointer: `材料「居民户口簿」的份数(copies)` inside a
   * list item, `「办理时限 › 承诺时限」(time_limit.promised)` elsewhere.
   */
  fieldLabel(data: unknown, pointer: string): string {
    if (pointer === '') return '字段区';
    const { item, titles, keys } = this.labelParts(data, pointer);
    const keyText = keys.length ? `(${keys.join('.')})` : '';
    if (item === undefined) return `「${titles.join(' › ')}」${keyText}`;
    return `${item}的${titles.join(' › ')}${keyText}`;
  }

  /**
   * How a list of fields names one, as `missingMany` does: `一句话说明（summary）`,
   * `材料「营业执照」的材料形式（form）`, `办理时限 › 承诺时限（time_limit.promised）`.
   */
  listLabel(data: unknown, pointer: string): string {
    const { item, titles, keys } = this.labelParts(data, pointer);
    const keyText = keys.length ? `（${keys.join('.')}）` : '';
    return `${item === undefined ? '' : `${item}的`}${titles.join(' › ')}${keyText}`;
  }

  /** The list item a field is in (`材料「居民户口簿」`), and the titles and keys of the path from there. */
  private labelParts(data: unknown, pointer: string): { item?: string; titles: string[]; keys: string[] } {
    const steps = this.walkPointer(data, pointer);
    let contextEnd = -1;
    steps.forEach((step, index) => {
      if (/^\d+$/.test(step.key) && index < steps.length - 1) contextEnd = index;
    });
    const rest = steps.slice(contextEnd + 1);
    const titles = rest.map((step) =>
      /^\d+$/.test(step.key) ? `第 ${Number(step.key) + 1} 项` : (step.schema?.title ?? step.key),
    );
    const keys = rest.filter((step) => !/^\d+$/.test(step.key)).map((step) => step.key);
    return { ...(contextEnd !== -1 && { item: itemLabel(steps, contextEnd) }), titles, keys };
  }

  /** The label of the object at a pointer, for "X 缺少 …" messages. */
  containerLabel(data: unknown, pointer: string): string {
    if (pointer === '') return this.name;
    const steps = this.walkPointer(data, pointer);
    const last = steps.at(-1)!;
    if (/^\d+$/.test(last.key)) return itemLabel(steps, steps.length - 1);
    return this.fieldLabel(data, pointer);
  }
}

export const GUIDE_SCHEMA = new DocumentSchema(guideSchema as SchemaNode, '指南');
export const JOURNEY_SCHEMA = new DocumentSchema(journeySchema as SchemaNode, '一件事');

/** The schema a file is checked against: a journey's in a `journeys` folder, else the guide's. */
export function documentSchema(guide: ParsedGuide): DocumentSchema {
  return isJourneyPath(guide.file.path) ? JOURNEY_SCHEMA : GUIDE_SCHEMA;
}

export interface FieldStep {
  /** the key or the array index */
  key: string;
  schema: SchemaNode | undefined;
  value: unknown;
}

function patternMatch(schema: SchemaNode | undefined, key: string): SchemaNode | undefined {
  for (const [pattern, child] of Object.entries(schema?.patternProperties ?? {})) {
    if (new RegExp(pattern, 'u').test(key)) return child;
  }
  return undefined;
}

/** Fields that name an array item, in the order they are tried. */
const NAME_KEYS = ['name', 'title', 'item', 'question'];

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
