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
    required: ['whole', 'anywhere'],
    additionalProperties: false,
    properties: { whole: texts, anywhere: texts },
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
