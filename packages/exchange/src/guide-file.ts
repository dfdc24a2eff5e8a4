// A guide's data as the text of a guide file: YAML front matter with the keys in the schema's
// order, written the way the example guides are (short lists and durations on one line), then
// the Markdown body.
import { guideSchema } from '@baihua/core';
import { Document, isScalar, visit } from 'yaml';

type Schema = Record<string, unknown>;

const definitions = (guideSchema.definitions ?? {}) as Record<string, Schema>;

/** A schema with its `$ref` followed and, for `anyOf`, the branch that describes objects or lists. */
function resolved(schema: Schema | undefined, want: 'object' | 'array'): Schema | undefined {
  if (!schema) return undefined;
  const ref = schema.$ref as string | undefined;
  if (ref) return resolved(definitions[ref.replace('#/definitions/', '')], want);
  const branches = schema.anyOf as Schema[] | undefined;
  if (branches)
    return resolved(
      branches.find((branch) => resolved(branch, want)?.type === want),
      want,
    );
  return schema;
}

/** The value with every object's keys in the order its schema lists them; keys it does not list last. */
function inSchemaOrder(value: unknown, schema: Schema | undefined): unknown {
  if (Array.isArray(value)) {
    const items = resolved(schema, 'array')?.items as Schema | undefined;
    return value.map((item) => inSchemaOrder(item, items));
  }
  if (value === null || typeof value !== 'object') return value;
  const properties = (resolved(schema, 'object')?.properties ?? {}) as Record<string, Schema>;
  const record = value as Record<string, unknown>;
  const keys = [
    ...Object.keys(properties).filter((key) => key in record),
    ...Object.keys(record).filter((key) => !(key in properties)),
  ];
  return Object.fromEntries(keys.map((key) => [key, inSchemaOrder(record[key], properties[key])]));
}

const FLOW_LIST_WIDTH = 40;
const FLOW_WORD_LENGTH = 10;
const DURATION_KEYS = new Set(['days', 'unit', 'note', 'months']);

export interface GuideFileOptions {
  /** where the schema is, from the file (the editor's `$schema` line) */
  schemaPath?: string;
}

/**
 * The text of a guide file (`.md`): `---`, a `# yaml-language-server: $schema=…` line, the fields
 * in schema order, `---`, then the body.
 */
export function guideFileText(data: Record<string, unknown>, body = '', options: GuideFileOptions = {}): string {
  const document = new Document(inSchemaOrder(data, guideSchema));
  visit(document, {
    Seq(_, node) {
      // Short lists of words on one line, as the examples write `audience: [个人]`.
      const words = node.items.every(
        (item) => isScalar(item) && typeof item.value === 'string' && item.value.length <= FLOW_WORD_LENGTH,
      );
      const width = node.items.reduce<number>(
        (sum, item) => sum + String((item as { value: unknown }).value).length + 2,
        0,
      );
      if (words && node.items.length > 0 && width <= FLOW_LIST_WIDTH) node.flow = true;
    },
    Map(_, node) {
      // Durations on one line: `statutory: { days: 20, unit: 工作日 }`.
      if (
        node.items.length > 0 &&
        node.items.every((pair) => isScalar(pair.key) && DURATION_KEYS.has(String(pair.key.value)))
      )
        node.flow = true;
    },
  });
  const schemaPath = options.schemaPath ?? (guideSchema.$id as string);
  const fields = document.toString({ lineWidth: 0, flowCollectionPadding: false });
  const text = `---\n# yaml-language-server: $schema=${schemaPath}\n${fields}---\n`;
  return body === '' ? text : `${text}\n${body.endsWith('\n') ? body : `${body}\n`}`;
}
