#!/usr/bin/env node
// Packages the VS Code extension (packages/vscode) as dist/vscode-baihua-<version>.vsix, offline:
// esbuild bundles the client with vscode-languageclient into one CommonJS file (VS Code loads
// extensions with require; `vscode` is the editor's own module), the JSON Schemas are copied from
// schema/ so that the package always carries the ones of this build, and @vscode/vsce zips what
// .vscodeignore lets through. No node_modules goes in (--no-dependencies): the server, with its
// native nodejs-jieba, is the user's `baihua`, never part of the extension.
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const extension = join(root, 'packages/vscode');
const dist = join(extension, 'dist');
const { version } = JSON.parse(await readFile(join(extension, 'package.json'), 'utf8'));

await rm(dist, { recursive: true, force: true });
await build({
  entryPoints: [join(extension, 'src/extension.ts')],
  outfile: join(dist, 'extension.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  minify: true,
  logLevel: 'warning',
});
await mkdir(join(dist, 'schemas'));
for (const schema of ['guide.schema.json', 'journey.schema.json', 'config.schema.json']) {
  await copyFile(join(root, 'schema', schema), join(dist, 'schemas', schema));
}

const { createVSIX } = createRequire(join(extension, 'package.json'))('@vscode/vsce');
const packagePath = join(dist, `vscode-baihua-${version}.vsix`);
await createVSIX({ cwd: extension, packagePath, dependencies: false });
