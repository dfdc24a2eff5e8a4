#!/usr/bin/env node
// Writes packages/core/dist/guide-validator.cjs: the guide schema compiled by ajv into standalone
// code, stamped with the schema's hash (core uses it only when the hash matches). Run by
// `pnpm build` after tsc.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { createAjv, guideSchema, guideSchemaHash } from '@baihua/core';

const target = join(dirname(fileURLToPath(import.meta.url)), '../packages/core/dist/guide-validator.cjs');
const ajv = createAjv({ code: { source: true } });
const code = standaloneCode.default(ajv, ajv.compile(guideSchema));
writeFileSync(target, `${code}\nmodule.exports.schemaHash = ${JSON.stringify(guideSchemaHash)};\n`);
