import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { createRuntimeAjv } from '../schemas.js';
import { halfWidthDigits } from './width.js';

/** A way of writing a phone number that a phone dials as it is (data/phone-numbers.yaml). */
export interface PhoneFormat {
  name: string;
  pattern: string;
  examples: string[];
}

const FORMATS_SCHEMA = {
  type: 'object',
  required: ['formats'],
  additionalProperties: false,
  properties: {
    formats: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['name', 'pattern', 'examples'],
        additionalProperties: false,
        properties: {
          name: { type: 'string', minLength: 1 },
          pattern: { type: 'string', minLength: 1 },
          examples: { type: 'array', minItems: 1, items: { type: 'string' } },
        },
      },
    },
  },
};

/** The domain data of @baihua/core (the lint cache's key includes it). */
export const coreDataDirectory = fileURLToPath(new URL('../../data/', import.meta.url));

let formats: { list: PhoneFormat[]; patterns: RegExp[] } | undefined;

/** The dialable formats, read and checked on first use. */
export function phoneFormats(): PhoneFormat[] {
  return loadFormats().list;
}

function loadFormats(): { list: PhoneFormat[]; patterns: RegExp[] } {
  if (formats) return formats;
  const file = `${coreDataDirectory}phone-numbers.yaml`;
  const data = parse(readFileSync(file, 'utf8')) as unknown;
  const validate = createRuntimeAjv().compile(FORMATS_SCHEMA);
  if (!validate(data)) throw new Error(`${file}: ${JSON.stringify(validate.errors)}`);
  const list = (data as { formats: PhoneFormat[] }).formats;
  formats = { list, patterns: list.map((format) => new RegExp(`^(?:${format.pattern})$`)) };
  return formats;
}

/**
 * Whether a phone dials the number as written: one of the formats, or one of `hotlines`
 * (local service numbers a catalog adds).
 */
export function isDialable(phone: string, hotlines: ReadonlySet<string> = new Set()): boolean {
  return hotlines.has(phone) || loadFormats().patterns.some((pattern) => pattern.test(phone));
}

/**
 * The number in the usual written form: half-width digits, `-` after the area code (for
 * `（0571）`, `0571 8888…`) and for every kind of dash, no spaces.
 */
export function normalizePhone(text: string): string {
  return halfWidthDigits(text)
    .replace(/^[(（](0\d{2,3})[)）]\s*/, '$1-')
    .replace(/^(0\d{2,3})\s+(?=\d)/, '$1-')
    .replace(/[－—–‐]/g, '-')
    .replace(/\s+/g, '');
}
