import type { Guide } from './generated/guide.js';
import type { Journey } from './generated/journey.js';
import type { ParsedGuide } from './guide.js';
import { guideSchema, journeySchema } from './schemas.js';
import type { SourceRange } from './source.js';
import type { TextSpan } from './text-span.js';
import { escapePointerToken } from './yaml-source.js';

/**
 * A value as a guide may hold it: every field optional (a required field can be missing or of
 * the wrong type), every list item possibly undefined (an item of the wrong type keeps its place,
 * so list indices stay the file's).
 */
export type Lenient<T> = T extends readonly (infer Item)[]
  ? Array<Lenient<Item> | undefined>
  : T extends object
    ? { [Key in keyof T]?: Lenient<T[Key]> }
    : T;

/** A guide's fields as far as they have the type the schema asks for. */
export type GuideFields = Lenient<Guide>;

/** A journey's (一件事) fields as far as they have the type the journey schema asks for. */
export type JourneyFields = Lenient<Journey>;

/**
 * The way to a field, checked by the compiler: `['online', 'url']`, `['materials', 2, 'name']`.
 * A field renamed in the schema makes every path to it an error.
 */
export type FieldPath<T = Guide> = T extends readonly (infer Item)[]
  ? [number] | [number, ...FieldPath<Item>]
  : T extends object
    ? { [Key in keyof T & string]-?: [Key] | [Key, ...FieldPath<NonNullable<T[Key]>>] }[keyof T & string]
    : never;

/** Where a field is written. */
export interface FieldRange {
  /** the value; for a key without a value (`summary:`), the empty spot after the colon */
  value: SourceRange;
  /** the key of a mapping entry; for a list item, its value */
  key: SourceRange;
}

/** A file's fields, typed after its schema, with where each is written. */
export interface DocumentModel<T> {
  /** the fields of the type the schema asks for; any other value is left out (the schema rules report it) */
  fields: Lenient<T>;
  /** whether the file's YAML is a mapping of fields at all */
  hasFields: boolean;
  /** where a field is written, whatever its value; undefined when it is not written */
  rangeOf(path: FieldPath<T>): FieldRange | undefined;
  /** the place of characters `start`–`end` of the string value at `path` */
  textRange(path: FieldPath<T>, start: number, end: number): SourceRange | undefined;
}

export type GuideModel = DocumentModel<Guide>;
export type JourneyModel = DocumentModel<Journey>;

interface SchemaNode {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  anyOf?: SchemaNode[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}

type Definitions = Record<string, SchemaNode>;
const definitionsOf = (schema: Record<string, unknown>) => (schema.definitions ?? {}) as Definitions;

const resolve = (schema: SchemaNode, definitions: Definitions): SchemaNode =>
  schema.$ref ? resolve(definitions[schema.$ref.slice('#/definitions/'.length)]!, definitions) : schema;

function hasType(value: unknown, type: string | undefined): boolean {
  switch (type) {
    case 'object':
      return !!value && typeof value === 'object' && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case undefined:
      return true;
    default:
      return typeof value === type;
  }
}

/**
 * The value as far as it matches the schema's types and enums, else undefined. Every `anyOf` of
 * the guide schema tells its branches apart by JSON type (a test checks this), so the value's
 * type picks the branch. Keys the schema does not know are left out.
 */
function project(value: unknown, node: SchemaNode, definitions: Definitions): unknown {
  const schema = resolve(node, definitions);
  if (schema.anyOf) {
    const branch = schema.anyOf.find((candidate) => hasType(value, resolve(candidate, definitions).type));
    return branch && project(value, branch, definitions);
  }
  if (!hasType(value, schema.type) || (schema.enum && !schema.enum.includes(value))) return undefined;
  if (Array.isArray(value)) {
    return value.map((item) => (schema.items ? project(item, schema.items, definitions) : undefined));
  }
  if (schema.type !== 'object') return value;
  const fields: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    if (!Object.hasOwn(value as object, key)) continue;
    const projected = project((value as Record<string, unknown>)[key], property, definitions);
    if (projected !== undefined) fields[key] = projected;
  }
  return fields;
}

const pointerOf = (path: ReadonlyArray<string | number>): string =>
  path.map((token) => `/${escapePointerToken(String(token))}`).join('');

/** The string values by pointer; of a key written twice, the first (as the YAML parser reads it). */
function stringsByPointer(spans: TextSpan[]): Map<string, TextSpan> {
  const byPointer = new Map<string, TextSpan>();
  for (const span of spans) if (!byPointer.has(span.pointer)) byPointer.set(span.pointer, span);
  return byPointer;
}

/** Where a file's model is kept, on the parsed file itself (see readGuideModel). */
const MODEL = Symbol('document model');
type ModelKind = 'guide' | 'journey';
type Models = Partial<Record<ModelKind, DocumentModel<unknown>>>;
type WithModel = ParsedGuide & { [MODEL]?: Models };

function readModel<T>(guide: ParsedGuide, kind: ModelKind, schema: Record<string, unknown>): DocumentModel<T> {
  // One model per schema: a journey file read as a guide once (a publisher asking every file for
  // its id) still reads as a journey.
  let models = (guide as WithModel)[MODEL];
  const cached = models?.[kind];
  if (cached) return cached as DocumentModel<T>;
  const hasFields = hasType(guide.data, 'object');
  let strings: Map<string, TextSpan> | undefined;
  const yaml = guide.yaml;
  const model: DocumentModel<T> = {
    fields: (hasFields ? project(guide.data, schema as SchemaNode, definitionsOf(schema)) : {}) as Lenient<T>,
    hasFields,
    rangeOf(path) {
      const entry = yaml?.entries.get(pointerOf(path as Array<string | number>));
      return entry && { value: entry.range, key: entry.keyRange ?? entry.range };
    },
    textRange(path, start, end) {
      strings ??= stringsByPointer(yaml?.strings ?? []);
      const span = strings.get(pointerOf(path as Array<string | number>));
      return span && { start: span.map.toSourceStart(start), end: span.map.toSourceEnd(end) };
    },
  };
  // Kept on the guide, not in a WeakMap keyed by it: with the WeakMap, V8's young-generation
  // collections promoted every parsed guide to the old generation (2.5 times the bytes promoted,
  // `baihua lint` of 1,000 guides 12% slower; scripts/bench/against.mjs).
  if (!models) {
    models = {};
    Object.defineProperty(guide, MODEL, { value: models });
  }
  models[kind] = model;
  return model;
}

/**
 * The guide's fields, typed after the schema, with where each is written. Made once per parsed
 * guide: every rule and renderer shares it.
 */
export function readGuideModel(guide: ParsedGuide): GuideModel {
  return readModel<Guide>(guide, 'guide', guideSchema);
}

/** A journey's (一件事) fields, typed after the journey schema, with where each is written. */
export function readJourneyModel(journey: ParsedGuide): JourneyModel {
  return readModel<Journey>(journey, 'journey', journeySchema);
}

/** A non-empty string, trimmed. */
export function textOf(value: string | undefined): string | undefined {
  const text = value?.trim();
  return text ? text : undefined;
}
