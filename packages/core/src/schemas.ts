import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import addFormatsModule, { type FormatsPlugin } from 'ajv-formats';

/** The JSON Schemas are the project's contracts and live at the top of the repository. */
export const schemaDirectory = fileURLToPath(new URL('../../../schema/', import.meta.url));

const guideSchemaText = readFileSync(`${schemaDirectory}guide.schema.json`, 'utf8');
export const guideSchema = JSON.parse(guideSchemaText) as Record<string, unknown>;
export const configSchema = JSON.parse(readFileSync(`${schemaDirectory}config.schema.json`, 'utf8')) as Record<string, unknown>;

/** Identifies the guide schema a precompiled validator was generated from. */
export const guideSchemaHash = createHash('sha256').update(guideSchemaText).digest('hex');

// ajv-formats is CommonJS with a default export property.
const addFormats = ((addFormatsModule as unknown as { default?: FormatsPlugin }).default ?? addFormatsModule) as FormatsPlugin;

/** An ajv instance that reports every error (a clerk wants them all at once) with their schemas. */
export function createAjv(extra: Options = {}): Ajv {
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictTypes: false, strictTuples: false, strictRequired: false, allowUnionTypes: true, ...extra });
  addFormats(ajv, ['date', 'uri', 'email']);
  // An annotation, not a check: `"x-prose": false` marks strings that are not prose for the
  // reader (phone numbers, fee bases, names), which the plain-language rules leave alone.
  ajv.addKeyword('x-prose');
  return ajv;
}

let guideValidatorFunction: ValidateFunction | undefined;

/**
 * The guide validator. `pnpm build` writes it as standalone code (scripts/build-validators.mjs):
 * compiling the schema takes about 70 ms at every start, loading the generated code almost
 * nothing. The generated file is used only if it was made from the current schema.
 */
export function guideValidator(): ValidateFunction {
  if (!guideValidatorFunction) {
    let precompiled: (ValidateFunction & { schemaHash?: string }) | undefined;
    try {
      precompiled = createRequire(import.meta.url)('../dist/guide-validator.cjs') as ValidateFunction & { schemaHash?: string };
    } catch {
      precompiled = undefined; // not built yet: compile below
    }
    guideValidatorFunction = precompiled?.schemaHash === guideSchemaHash ? precompiled : createAjv().compile(guideSchema);
  }
  return guideValidatorFunction;
}

export type SchemaError = ErrorObject;
export type SchemaValidator = ValidateFunction;
