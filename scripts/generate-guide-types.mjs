#!/usr/bin/env node
// Writes packages/core/src/generated/guide.ts and journey.ts, the TypeScript types of a guide and
// of a journey (一件事), from schema/guide.schema.json and schema/journey.schema.json (the first step of `pnpm build`; a test fails when the committed file
// is stale). The schema's Chinese titles become doc comments rather than type names
// (json-schema-to-typescript names a type after its title): types are named after their property
// or definition. Two things are left out of the type: the `x-` extension fields, which Baihua
// never reads (their index signature would widen every field to a union of all of them), and the
// words beside a `$ref`, which draft-07 ignores (kept, they would make Duration1, Duration2 …).
import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const TYPES = [
  { name: 'Guide', schema: 'schema/guide.schema.json', output: 'packages/core/src/generated/guide.ts' },
  { name: 'Journey', schema: 'schema/journey.schema.json', output: 'packages/core/src/generated/journey.ts' },
];

const header = (schema) => `// Generated from ${schema} by scripts/generate-guide-types.mjs: do not edit.
// Run \`node scripts/generate-guide-types.mjs\` (or \`pnpm build\`) after changing the schema.
`;

/** Every `title` moved into the doc comment: 「标识」 — the description. */
function titlesToComments(node) {
  if (Array.isArray(node)) return node.map(titlesToComments);
  if (!node || typeof node !== 'object') return node;
  const copy = {};
  for (const [key, value] of Object.entries(node)) {
    // `properties` maps names to schemas: a property called `title` is a field, not a title.
    if (key === 'patternProperties' || (key !== '$ref' && typeof node.$ref === 'string')) continue;
    if (key === 'properties' || key === 'definitions') {
      copy[key] = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, titlesToComments(schema)]));
    } else if (key !== 'title' && key !== 'examples') {
      copy[key] = titlesToComments(value);
    }
  }
  if (typeof node.title === 'string' && typeof node.$ref !== 'string') {
    copy.description = node.description ? `${node.title}：${node.description}` : node.title;
  }
  return copy;
}

async function generateTypes({ name, schema: schemaPath }) {
  const schema = titlesToComments(JSON.parse(await readFile(join(root, schemaPath), 'utf8')));
  schema.title = name;
  const body = await compile(schema, name, {
    bannerComment: '',
    additionalProperties: false,
    unknownAny: true,
    ignoreMinAndMaxItems: true,
    style: { printWidth: 120, singleQuote: true },
  });
  return `${header(schemaPath)}\n${body}`;
}

// The test that the committed files are current writes elsewhere:
// `node scripts/generate-guide-types.mjs <folder>` writes guide.ts and journey.ts there.
for (const type of TYPES) {
  const output = process.argv[2] ? join(process.argv[2], basename(type.output)) : join(root, type.output);
  await writeFile(output, await generateTypes(type));
}
