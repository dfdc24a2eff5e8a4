#!/usr/bin/env node
// Bundles the CLI into one file (packages/cli/dist/baihua.mjs). Loading one file instead of
// several hundred ES modules (unified, micromark, ajv …) saves about 150 ms at every start, which
// matters most for linting one guide in an editor or a pre-commit hook. nodejs-jieba stays
// external (a native addon), and so do playwright-core (loaded only to print PDFs; it does not
// bundle) and tinypool (it starts its workers from a file next to its own module), and exceljs
// (half the bundle's size, needed only by the platform commands, which load it on first use). Each package
// finds its data files relative to its own module (`new URL('../data/', import.meta.url)`), so
// every `import.meta.url` is rewritten to the URL the module had before bundling, computed from
// the bundle's own location.
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'packages/cli/dist/baihua.mjs');

const keepModuleUrls = {
  name: 'keep-module-urls',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]packages[\\/][^\\/]+[\\/]dist[\\/].*\.js$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const fromBundle = relative(dirname(outfile), path).split('\\').join('/');
      return {
        contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`),
        loader: 'js',
      };
    });
  },
};

await build({
  entryPoints: [join(root, 'packages/cli/dist/bin.js')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['nodejs-jieba', 'playwright-core', 'tinypool', 'exceljs'],
  plugins: [keepModuleUrls],
  // CommonJS dependencies (ajv, yaml's helpers) call require(): give the bundle one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});

// The search module that web pages and portals load (web/search/search.js): one file, no
// dependencies, small because each query downloads it.
await build({
  entryPoints: [join(root, 'packages/render/src/search-query.ts')],
  outfile: join(root, 'packages/render/dist/search.mjs'),
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
