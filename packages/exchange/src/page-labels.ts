import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRuntimeAjv } from '@baihua/core';
import { parse } from 'yaml';

/** How a labelled value is read (data/page-labels.yaml, `parse`). */
export type ValueKind =
  | 'text'
  | 'code'
  | 'choice'
  | 'choices'
  | 'list'
  | 'materials'
  | 'steps'
  | 'duration'
  | 'fees'
  | 'fee-basis'
  | 'count'
  | 'url'
  | 'yes-no'
  | 'appointment'
  | 'phone'
  | 'location'
  | 'faq';

/** One guide field and the labels pages write it under. */
export interface LabelledField {
  field: string;
  name: string;
  parse: ValueKind;
  choice?: string;
  labels: string[];
}

export type MaterialColumn = 'name' | 'form' | 'copies' | 'need' | 'source' | 'paper' | 'note' | 'skip';

export interface PageLabels {
  fields: LabelledField[];
  other_labels: string[];
  empty_values: string[];
  choices: Record<string, Record<string, string | boolean>>;
  online_level_one: { words: string[]; yes: string; no: string };
  free_words: string[];
  material_columns: Record<MaterialColumn, string[]>;
  material_values: { need: Record<string, string>; source: Record<string, string> };
  chrome: string[];
  chrome_elements: string[];
}

const strings = { type: 'array', items: { type: 'string', minLength: 1 } };
const stringMap = { type: 'object', additionalProperties: { type: 'string' } };
const KINDS: ValueKind[] = [
  'text',
  'code',
  'choice',
  'choices',
  'list',
  'materials',
  'steps',
  'duration',
  'fees',
  'fee-basis',
  'count',
  'url',
  'yes-no',
  'appointment',
  'phone',
  'location',
  'faq',
];
const LABELS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: [
    'fields',
    'other_labels',
    'empty_values',
    'choices',
    'online_level_one',
    'free_words',
    'material_columns',
    'material_values',
    'chrome',
    'chrome_elements',
  ],
  properties: {
    fields: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['field', 'name', 'parse', 'labels'],
        properties: {
          field: { type: 'string', pattern: '^[a-z_]+(\\.[a-z0-9_]+)*$' },
          name: { type: 'string', minLength: 1 },
          parse: { enum: KINDS },
          choice: { type: 'string' },
          labels: { ...strings, minItems: 1 },
        },
      },
    },
    other_labels: strings,
    empty_values: strings,
    choices: {
      type: 'object',
      additionalProperties: { type: 'object', additionalProperties: { type: ['string', 'boolean'] } },
    },
    online_level_one: {
      type: 'object',
      additionalProperties: false,
      required: ['words', 'yes', 'no'],
      properties: { words: strings, yes: { type: 'string' }, no: { type: 'string' } },
    },
    free_words: strings,
    material_columns: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'form', 'copies', 'need', 'source', 'paper', 'note', 'skip'],
      properties: Object.fromEntries(
        ['name', 'form', 'copies', 'need', 'source', 'paper', 'note', 'skip'].map((key) => [key, strings]),
      ),
    },
    material_values: {
      type: 'object',
      additionalProperties: false,
      required: ['need', 'source'],
      properties: { need: stringMap, source: stringMap },
    },
    chrome: strings,
    chrome_elements: strings,
  },
};

/** The data files of @baihua/exchange. */
export const exchangeDataDirectory = fileURLToPath(new URL('../data/', import.meta.url));

let loaded: PageLabels | undefined;

/** data/page-labels.yaml, read and checked on first use. */
export function pageLabels(): PageLabels {
  if (loaded) return loaded;
  const file = `${exchangeDataDirectory}page-labels.yaml`;
  const data = parse(readFileSync(file, 'utf8')) as unknown;
  const validate = createRuntimeAjv().compile(LABELS_SCHEMA);
  if (!validate(data)) throw new Error(`${file}: ${JSON.stringify(validate.errors)}`);
  const labels = data as unknown as PageLabels;
  const owners = new Map<string, string>();
  for (const field of labels.fields) {
    if ((field.parse === 'choice' || field.parse === 'choices') && !(field.choice && field.choice in labels.choices))
      throw new Error(`${file}: ${field.field} 的 choice 不在 choices 里`);
    for (const label of field.labels) {
      const owner = owners.get(label);
      if (owner) throw new Error(`${file}: 标签「${label}」同时属于 ${owner} 和 ${field.field}`);
      owners.set(label, field.field);
    }
  }
  loaded = labels;
  return labels;
}
