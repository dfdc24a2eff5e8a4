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
  | 'laws'
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
  | 'faq'
  | 'procedures';

/** One guide field and the labels pages write it under. */
export interface LabelledField {
  field: string;
  name: string;
  parse: ValueKind;
  choice?: string;
  /** a special procedure's name when the value does not give one (公示期 → 公示) */
  procedure?: string;
  labels: string[];
}

export type MaterialColumn = 'name' | 'form' | 'copies' | 'need' | 'source' | 'paper' | 'note' | 'skip';

/** The parts of a place written line by line under 办理地点. */
export type PlacePart = 'name' | 'address' | 'hours' | 'phone';

export interface PageLabels {
  fields: LabelledField[];
  other_labels: string[];
  empty_values: string[];
  choices: Record<string, Record<string, string | boolean>>;
  online_level_one: { words: string[]; yes: string; no: string };
  free_words: string[];
  material_columns: Record<MaterialColumn, string[]>;
  material_values: {
    need: Record<string, string>;
    source: Record<string, string>;
    issuers: Record<string, string>;
    links: string[];
  };
  place_parts: Record<PlacePart, string[]>;
  heading_endings: string[];
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
  'laws',
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
  'procedures',
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
    'place_parts',
    'heading_endings',
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
          procedure: { type: 'string', minLength: 1 },
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
      required: ['need', 'source', 'issuers', 'links'],
      properties: { need: stringMap, source: stringMap, issuers: stringMap, links: strings },
    },
    place_parts: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'address', 'hours', 'phone'],
      properties: Object.fromEntries(['name', 'address', 'hours', 'phone'].map((key) => [key, strings])),
    },
    heading_endings: strings,
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
