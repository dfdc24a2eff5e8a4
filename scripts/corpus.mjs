#!/usr/bin/env node
// Generates a catalog of guides for benchmarks from the example guides: copies of them (not of the
// journeys, so that a count is a count of guides and runs stay comparable), one set per fictional city, with ids, related ids and place names made unique per set. As on
// the national platform, each city's copy keeps the service's basic code and gets an
// implementation code of its own; a configuration names the whole directory as the catalog.
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
    if (entry.isDirectory()) return entry.name === 'journeys' ? [] : guideFiles(path);
    return ['.md', '.yaml'].includes(extname(entry.name)) && entry.name !== 'baihua.config.yaml' ? [path] : [];
  });
}

const templates = guideFiles(join(root, 'guides'))
  .sort()
  .map((path) => ({ path, text: readFileSync(path, 'utf8') }));
const ids = templates.map(({ text }) => /^id: (\S+)$/m.exec(text)[1]);
const count = Number(values.count);
const sets = Math.ceil(count / templates.length);
rmSync(values.out, { recursive: true, force: true });

let written = 0;
for (let set = 0; set < sets && written < count; set++) {
  // The last set may be partial: its guides do not name the guides it lacks as related.
  const missing = new Set(ids.slice(Math.max(0, count - written)));
  for (const { path, text } of templates) {
    if (written >= count) break;
    let guide = text.replace(/^related: \[(.*)\]\n/m, (_line, list) => {
      const kept = list.split(', ').filter((id) => !missing.has(id));
      return kept.length ? `related: [${kept.join(', ')}]\n` : '';
    });
    // Unique ids per set, and related ids that point inside the same set.
    for (const id of ids) guide = guide.replaceAll(new RegExp(`\\b${id}\\b`, 'g'), `${id}-${set + 1}`);
    // Each set is a city of its own, so its places (and their addresses) are its own.
    for (const place of ['青禾', '东湖', '西岭']) guide = guide.replaceAll(place, `${place}${set + 1}`);
    guide = guide.replace(
      /^( +)basic: "(\w+)"$/m,
      (line, indent, basic) => `${line}\n${indent}implementation: "11330${String(set + 1).padStart(5, '0')}Q${basic}"`,
    );
    const area = relative(join(root, 'guides'), dirname(path));
    const target = join(
      values.out,
      `set-${String(set + 1).padStart(4, '0')}`,
      area,
      basename(path).replace(/(\.\w+)$/, `-${set + 1}$1`),
    );
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, guide);
    written++;
  }
}
writeFileSync(join(values.out, 'baihua.config.yaml'), "root: true\nextends: [recommended]\ncatalog: ['.']\n");
console.log(`wrote ${written} guides to ${values.out}`);
