import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule, { type FormatsPlugin } from 'ajv-formats';

/** The JSON Schemas are the project's contracts and live at the top of the repository. */
export const schemaDirectory = fileURLToPath(new URL('../../../schema/', import.meta.url));

function loadSchema(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`${schemaDirectory}${name}`, 'utf8')) as Record<string, unknown>;
}

export const guideSchema = loadSchema('guide.schema.json');
export const configSchema = loadSchema('config.schema.json');

// ajv-formats is CommonJS with a default export property.
const addFormats = ((addFormatsModule as unknown as { default?: FormatsPlugin }).default ?? addFormatsModule) as FormatsPlugin;

/** An ajv instance that reports every error (a clerk wants them all at once) with their schemas. */
export function createAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictTypes: false, strictTuples: false, strictRequired: false, allowUnionTypes: true });
  addFormats(ajv, ['date', 'uri', 'email']);
  // An annotation, not a check: `"x-prose": false` marks strings that are not prose for the
  // reader (phone numbers, fee bases, names), which the plain-language rules leave alone.
  ajv.addKeyword('x-prose');
  return ajv;
}

export type SchemaError = ErrorObject;
export type SchemaValidator = ValidateFunction;
