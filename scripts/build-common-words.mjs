#!/usr/bin/env node
// Writes packages/plain/data/common-words.txt: the 30,000 most frequent words of two or more Han
// characters in nodejs-jieba's dictionary. The readability score counts a word as hard when it is
// not on this list (nor the government whitelist) and cannot be split into words that are.
// Frequencies there are a coarse proxy for familiarity (readability.md: rank bands only).
// Usage: node scripts/build-common-words.mjs   (a test checks the committed file is current)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const COUNT = 30000;

export function commonWords() {
  const require = createRequire(join(root, 'packages/plain/package.json'));
  const dictionary = require('nodejs-jieba').DEFAULT_DICT;
  const entries = readFileSync(dictionary, 'utf8')
    .split('\n')
    .map((line) => line.split(' '))
    .filter(([word, frequency]) => word && /^\p{Script=Han}{2,}$/u.test(word) && Number(frequency) > 0)
    .map(([word, frequency]) => ({ word, frequency: Number(frequency) }));
  // Stable order: frequency, then the word, so the file only changes when the dictionary does.
  entries.sort((a, b) => b.frequency - a.frequency || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  return entries.slice(0, COUNT).map(({ word }) => word);
}

export const target = join(root, 'packages/plain/data/common-words.txt');

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(target, `${commonWords().join('\n')}\n`);
  console.log(`wrote ${COUNT} words to ${target}`);
}
