#!/usr/bin/env node
// Writes packages/core/dist/guide-validator.cjs, journey-validator.cjs and config-validator.cjs: the
// guide, journey and configuration schemas compiled by ajv into standalone code, each stamped with its schema's hash
// (core uses one only when the hash matches). Run by `pnpm build` after tsc.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import standaloneCode from 'ajv/dist/standalone/index.js';
import {
  configSchema,
  configSchemaHash,
  createAjv,
  guideSchema,
  guideSchemaHash,
  journeySchema,
  journeySchemaHash,
} from '@baihua/core';

const dist = join(dirname(fileURLToPath(import.meta.url)), '../packages/core/dist');
for (const [file, schema, hash, options] of [
  ['guide-validator.cjs', guideSchema, guideSchemaHash, {}],
  ['journey-validator.cjs', journeySchema, journeySchemaHash, {}],
  // A function per rule setting rather than one large one (inlined), and errors without their
  // schemas (the messages need neither): loading the configuration validator stays a few ms.
  ['config-validator.cjs', configSchema, configSchemaHash, { inlineRefs: false, verbose: false }],
]) {
  const ajv = createAjv({ code: { source: true }, ...options });
  const code = standaloneCode.default(ajv, ajv.compile(schema));
  writeFileSync(join(dist, file), `${code}\nmodule.exports.schemaHash = ${JSON.stringify(hash)};\n`);
}
