// A guide's data written as a Markdown guide file (front matter and body), the way the example
// guides are written: keys in schema order, short lists and time limits in flow style. Shared by
// every importer.
import { guideSchema } from '@baihua/core';
import { Document, isMap, isScalar, type Node, Scalar, visit } from 'yaml';

export interface GuideFileOptions {
  /** the `$schema` the editor's YAML support validates against: a relative path or a URL */
  schema?: string;
  /** the Markdown after the front matter */
  body?: string;
}

const SCHEMA_URL = (guideSchema as { $id: string }).$id;

export function guideFileText(data: Record<string, unknown>, options: GuideFileOptions = {}): string {
  const document = new Document(inSchemaOrder(data, guideSchema as SchemaNode));
  visit(document, {
    Seq(_, node) {
      const items = node.items as Node[];
      // Lists of words (aliases, audience, delivery) in one line; lists of sentences one per line.
      const words = items.every(
        (item) => isScalar(item) && String(item.value).length <= 12 && !/[。，；！？\n]/.test(String(item.value)),
      );
      if (items.length > 0 && words && flowLength(items) <= 60) node.flow = true;
    },
    Pair(_, pair) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (isMap(pair.value) && FLOW_MAPS.has(key) && pair.value.items.every((item) => isScalar(item.value)))
        pair.value.flow = true;
      // Phone numbers, addresses and codes read best quoted, as the example guides write them.
      const value = isScalar(pair.value) ? pair.value.value : undefined;
      if (isScalar(pair.value) && QUOTED.has(key) && typeof value === 'string' && !/\p{Script=Han}/u.test(value))
        pair.value.type = Scalar.QUOTE_DOUBLE;
    },
  });
  // `{ days: 5, unit: 工作日 }` but `[个人, 法人]`, as the examples write them.
  const yaml = document
    .toString({ lineWidth: 0, flowCollectionPadding: true })
    .replace(/^(\s*(?:- )?[^\s:]+: )\[ (.*) \]$/gm, '$1[$2]');
  const body = options.body?.trim();
  return `---\n# yaml-language-server: $schema=${options.schema ?? SCHEMA_URL}\n${yaml}---\n${body ? `\n${body}\n` : ''}`;
}

const FLOW_MAPS = new Set(['statutory', 'promised', 'acceptance', 'duration']);
const QUOTED = new Set([
  'basic',
  'implementation',
  'item',
  'url',
  'sample',
  'blank_form',
  'phone',
  'consult',
  'complaint',
]);

function flowLength(items: Node[]): number {
  return items.reduce((total, item) => total + String((item as Scalar).value).length + 2, 0);
}

interface SchemaNode {
  $ref?: string;
  anyOf?: SchemaNode[];
  type?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  definitions?: Record<string, SchemaNode>;
}

function resolve(schema: SchemaNode | undefined, value: unknown): SchemaNode | undefined {
  if (!schema) return undefined;
  if (schema.$ref) {
    const name = schema.$ref.replace('#/definitions/', '');
    return resolve((guideSchema as SchemaNode).definitions?.[name], value);
  }
  if (schema.anyOf) {
    const wanted = Array.isArray(value) ? 'array' : typeof value === 'object' ? 'object' : undefined;
    return resolve(
      schema.anyOf.find((branch) => resolve(branch, undefined)?.type === wanted),
      value,
    );
  }
  return schema;
}

/** The same data with every object's keys in the schema's order; keys it does not know (x-…) last. */
function inSchemaOrder(value: unknown, schema: SchemaNode | undefined): unknown {
  const node = resolve(schema, value);
  if (Array.isArray(value)) return value.map((item) => inSchemaOrder(item, node?.items));
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  const known = Object.keys(node?.properties ?? {}).filter((key) => key in object);
  const rest = Object.keys(object).filter((key) => !known.includes(key));
  return Object.fromEntries(
    [...known, ...rest].map((key) => [key, inSchemaOrder(object[key], node?.properties?.[key])]),
  );
}
