#!/usr/bin/env node
// Generates a catalog of guides for benchmarks from the example guides: copies of the twelve,
// one set per fictional county, with ids, related ids and place names made unique per set.
// Usage: node scripts/corpus.mjs --count 1000 --out /tmp/baihua-corpus
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { count: { type: 'string', default: '1000' }, out: { type: 'string' } } });
if (!values.out) {
  console.error('usage: node scripts/corpus.mjs --count N --out DIR');
  process.exit(2);
}

function guideFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return guideFiles(path);
    return ['.md', '.yaml'].includes(extname(entry.name)) ? [path] : [];
  });
}

const templates = guideFiles(join(root, 'guides')).sort().map((path) => ({ path, text: readFileSync(path, 'utf8') }));
const ids = templates.map(({ text }) => /^id: (\S+)$/m.exec(text)[1]);
const count = Number(values.count);
const sets = Math.ceil(count / templates.length);
rmSync(values.out, { recursive: true, force: true });

let written = 0;
for (let set = 0; set < sets && written < count; set++) {
  const county = `第${set + 1}县`;
  for (const { path, text } of templates) {
    if (written >= count) break;
    let guide = text;
    // Unique ids per set, and related ids that point inside the same set.
    for (const id of ids) guide = guide.replaceAll(new RegExp(`\\b${id}\\b`, 'g'), `${id}-${set + 1}`);
    guide = guide.replaceAll('东湖区', `${county}东湖区`);
    const area = relative(join(root, 'guides'), dirname(path));
    const target = join(values.out, `set-${String(set + 1).padStart(4, '0')}`, area, basename(path).replace(/(\.\w+)$/, `-${set + 1}$1`));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, guide);
    written++;
  }
}
console.log(`wrote ${written} guides to ${values.out}`);
