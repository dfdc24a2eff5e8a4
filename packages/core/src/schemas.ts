import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, sep } from 'node:path';
import { Ajv, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import addFormatsModule, { type FormatsPlugin } from 'ajv-formats';

/**
 * The JSON Schemas are the project's contracts and live at the top of the repository, as the
 * package @baihua/schema: found by package resolution, not by a path out of this package.
 */
export const schemaDirectory = `${dirname(createRequire(import.meta.url).resolve('@baihua/schema/package.json'))}${sep}`;

const guideSchemaText = readFileSync(`${schemaDirectory}guide.schema.json`, 'utf8');
export const guideSchema = JSON.parse(guideSchemaText) as Record<string, unknown>;
const journeySchemaText = readFileSync(`${schemaDirectory}journey.schema.json`, 'utf8');
export const journeySchema = JSON.parse(journeySchemaText) as Record<string, unknown>;
const configSchemaText = readFileSync(`${schemaDirectory}config.schema.json`, 'utf8');
export const configSchema = JSON.parse(configSchemaText) as Record<string, unknown>;

/** Identify the schemas a precompiled validator was generated from. */
export const guideSchemaHash = createHash('sha256').update(guideSchemaText).digest('hex');
export const journeySchemaHash = createHash('sha256').update(journeySchemaText).digest('hex');
export const configSchemaHash = createHash('sha256').update(configSchemaText).digest('hex');

// ajv-formats is CommonJS with a default export property.
const addFormats = ((addFormatsModule as unknown as { default?: FormatsPlugin }).default ??
  addFormatsModule) as FormatsPlugin;

/** An ajv instance that reports every error (a clerk wants them all at once) with their schemas. */
export function createAjv(extra: Options = {}): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    strict: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allowUnionTypes: true,
    ...extra,
  });
  addFormats(ajv, ['date', 'uri', 'email']);
  // An annotation, not a check: `"x-prose": false` marks strings that are not prose for the
  // reader (phone numbers, fee bases, names), which the plain-language rules leave alone.
  ajv.addKeyword('x-prose');
  return ajv;
}

/**
 * An Ajv for Baihua's own schemas (configuration, rule options, rule data) at run time. Checking
 * a schema against the JSON Schema meta-schema compiles the meta-schema first, about 35 ms per
 * Ajv at every start; the tests check the guide, configuration and rule-option schemas against
 * it instead. Strict mode still rejects unknown keywords as they compile.
 */
export function createRuntimeAjv(): Ajv {
  return createAjv({ validateSchema: false });
}

/**
 * `pnpm build` writes the guide, journey and configuration validators as standalone code
 * (scripts/build-validators.mjs): compiling the guide schema takes about 70 ms at every start,
 * the configuration schema about 15, loading the generated code almost nothing. A generated file
 * is used only if it was made from the current schema.
 */
function precompiledValidator(file: string, hash: string, schema: Record<string, unknown>): ValidateFunction {
  let precompiled: (ValidateFunction & { schemaHash?: string }) | undefined;
  try {
    precompiled = createRequire(import.meta.url)(`../dist/${file}`) as ValidateFunction & { schemaHash?: string };
  } catch {
    precompiled = undefined; // not built yet: compile below
  }
  return precompiled?.schemaHash === hash ? precompiled : createRuntimeAjv().compile(schema);
}

let guideValidatorFunction: ValidateFunction | undefined;
let journeyValidatorFunction: ValidateFunction | undefined;
let configValidatorFunction: ValidateFunction | undefined;

export function guideValidator(): ValidateFunction {
  guideValidatorFunction ??= precompiledValidator('guide-validator.cjs', guideSchemaHash, guideSchema);
  return guideValidatorFunction;
}

export function journeyValidator(): ValidateFunction {
  journeyValidatorFunction ??= precompiledValidator('journey-validator.cjs', journeySchemaHash, journeySchema);
  return journeyValidatorFunction;
}

export function configValidator(): ValidateFunction {
  configValidatorFunction ??= precompiledValidator('config-validator.cjs', configSchemaHash, configSchema);
  return configValidatorFunction;
}

export type SchemaError = ErrorObject;
export type SchemaValidator = ValidateFunction;
