import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRuntimeAjv } from '@baihua/core';
import { parse } from 'yaml';

/** Policy rule data: YAML files in packages/lint/data, read once each and checked on load. */
export interface CancelledCertificate {
  name: string;
  match: string[];
  source: string;
  instead?: string;
  test?: string;
  not?: string;
}

export interface Placeholders {
  /** values that say nothing when they are the whole value */
  whole: string[];
  /** phrases that leave the reader with nothing wherever they appear */
  anywhere: string[];
  /** the instructions of `baihua init`'s template, to be replaced by the guide's own text */
  instructions: string[];
}

/** A law or regulation that no longer stands, or a name that is not its name (data/repealed-laws.yaml). */
export interface RepealedLaw {
  name: string;
  also?: string[];
  status: '废止' | '被替代' | '更名' | '名称有误';
  /** the day it stopped standing, YYYY-MM-DD (none for 名称有误) */
  date?: string;
  replacement?: string;
  source: string;
}

/** Words for policy/visits-reason (data/visit-reasons.yaml). */
export interface VisitReasonWords {
  /** reasons that say nothing about what the citizen comes for */
  generic: string[];
  /** joining words that leave a reason generic when only they remain */
  filler: string[];
}

/** Words for an allowed value of a field, as real pages write them (市民 for 个人). */
export interface EnumSynonyms {
  /** JSON pointer of the field, `*` for any list item */
  field: string;
  /** allowed value → words that mean it */
  values: Record<string, string[]>;
}

const ajv = createRuntimeAjv();
const text = { type: 'string', minLength: 1 };
const texts = { type: 'array', items: text, minItems: 1 };

export const CERTIFICATE_SCHEMA = {
  type: 'object',
  required: ['name', 'source'],
  additionalProperties: false,
  properties: { name: text, match: texts, source: text, instead: text, test: text, not: text },
};

export const LAW_SCHEMA = {
  type: 'object',
  required: ['name', 'status', 'source'],
  additionalProperties: false,
  properties: {
    name: text,
    also: texts,
    status: { enum: ['废止', '被替代', '更名', '名称有误'] },
    date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    replacement: text,
    source: text,
  },
  allOf: [
    // A wrong name never stood, so it has no day; every other entry has the day it stopped standing.
    {
      if: { properties: { status: { const: '名称有误' } } },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then/else, not a thenable
      then: { not: { required: ['date'] } },
      else: { required: ['date'] },
    },
    // A law repealed with no successor has no replacement; every other entry names one.
    {
      if: { properties: { status: { const: '废止' } } },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then/else, not a thenable
      then: { not: { required: ['replacement'] } },
      else: { required: ['replacement'] },
    },
  ],
} as const;

const FILE_SCHEMAS = {
  'cancelled-certificates.yaml': {
    type: 'object',
    required: ['certificates'],
    additionalProperties: false,
    properties: {
      certificates: {
        type: 'array',
        items: { ...CERTIFICATE_SCHEMA, required: ['name', 'match', 'source', 'test', 'not'] },
      },
    },
  },
  'placeholders.yaml': {
    type: 'object',
    required: ['whole', 'anywhere', 'instructions'],
    additionalProperties: false,
    properties: { whole: texts, anywhere: texts, instructions: texts },
  },
  'repealed-laws.yaml': {
    type: 'object',
    required: ['laws'],
    additionalProperties: false,
    properties: { laws: { type: 'array', minItems: 1, items: LAW_SCHEMA } },
  },
  'visit-reasons.yaml': {
    type: 'object',
    required: ['generic', 'filler'],
    additionalProperties: false,
    properties: { generic: texts, filler: texts },
  },
  'enum-synonyms.yaml': {
    type: 'object',
    required: ['fields'],
    additionalProperties: false,
    properties: {
      fields: {
        type: 'array',
        items: {
          type: 'object',
          required: ['field', 'values'],
          additionalProperties: false,
          properties: { field: text, values: { type: 'object', additionalProperties: texts } },
        },
      },
    },
  },
} as const;

const loaded = new Map<string, unknown>();

function load<T>(name: keyof typeof FILE_SCHEMAS): T {
  if (!loaded.has(name)) {
    const path = fileURLToPath(new URL(`../data/${name}`, import.meta.url));
    const data: unknown = parse(readFileSync(path, 'utf8'));
    const validate = ajv.compile(FILE_SCHEMAS[name]);
    if (!validate(data)) throw new Error(`${path}: ${ajv.errorsText(validate.errors)}`);
    loaded.set(name, data);
  }
  return loaded.get(name) as T;
}

export const cancelledCertificates = (): CancelledCertificate[] =>
  load<{ certificates: CancelledCertificate[] }>('cancelled-certificates.yaml').certificates;
export const placeholders = (): Placeholders => load<Placeholders>('placeholders.yaml');
/** A value as placeholders.yaml's `whole` list is matched: without spaces and a closing 。 */
export const placeholderForm = (text: string) => text.replace(/[\s。.]+$/u, '').trim();
export const repealedLaws = (): RepealedLaw[] => load<{ laws: RepealedLaw[] }>('repealed-laws.yaml').laws;
export const visitReasonWords = (): VisitReasonWords => load<VisitReasonWords>('visit-reasons.yaml');
export const enumSynonyms = (): EnumSynonyms[] => load<{ fields: EnumSynonyms[] }>('enum-synonyms.yaml').fields;
