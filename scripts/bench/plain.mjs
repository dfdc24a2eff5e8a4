// The plain-language checker against raw segmentation, in one process, alternating rounds:
// nodejs-jieba `cut` on the prose of the corpus, against Baihua's plain analysis of the same
// prose (the same cut plus every plain rule and the readability score). run.mjs runs it in a
// process of its own, so that the heap left by its other measurements does not weigh on it.
// Usage: node scripts/bench/plain.mjs CORPUS ROUNDS   (prints JSON)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { findGuideFiles, parseGuide, SourceFile } from '@baihua/core';
import { proseSpans } from '@baihua/lint';
import { AnalyzedDocument, checkRule, inProcessSegmenter, PLAIN_RULE_IDS, readability } from '@baihua/plain';
import { fileURLToPath } from 'node:url';
import { median } from './numbers.mjs';

export function measurePlain(files, root, rounds) {
  const jieba = createRequire(join(root, 'packages/plain/package.json'))('nodejs-jieba');
  const guides = files.map((file) =>
    proseSpans(parseGuide(new SourceFile(file, readFileSync(file, 'utf8')))).map((span) => span.text),
  );
  const fileTexts = files.map((file) => readFileSync(file, 'utf8'));
  const proseChars = guides.flat().reduce((sum, text) => sum + text.length, 0);
  inProcessSegmenter.cut(['预热']); // load the dictionary outside the timings
  // The fastest way to call jieba on a guide's prose: all of it in one call.
  const cut = () => {
    for (const texts of guides) jieba.cut(texts.join('\n'), false);
  };
  const cutFiles = () => {
    for (const text of fileTexts) jieba.cut(text, false);
  };
  const check = () => {
    for (const texts of guides) {
      const doc = new AnalyzedDocument(texts, inProcessSegmenter);
      let findings = 0;
      for (const rule of PLAIN_RULE_IDS) for (const list of checkRule(doc, rule)) findings += list.length;
      readability(doc, findings);
    }
  };
  cut();
  check();
  cutFiles();
  const times = { cut: [], check: [], cutFiles: [] };
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of [
      ['cut', cut],
      ['check', check],
      ['cutFiles', cutFiles],
    ]) {
      const started = performance.now();
      run();
      times[name].push(performance.now() - started);
    }
  }
  return {
    proseChars,
    fileChars: fileTexts.reduce((sum, text) => sum + text.length, 0),
    cut: median(times.cut),
    check: median(times.check),
    cutFiles: median(times.cutFiles),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [corpus, rounds = '5'] = process.argv.slice(2);
  const root = join(fileURLToPath(import.meta.url), '../../..');
  console.log(JSON.stringify(measurePlain(await findGuideFiles([corpus]), root, Number(rounds))));
}
