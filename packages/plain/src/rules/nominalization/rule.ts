import { isQuoted, type AnalyzedDocument } from '../../document.js';
import type { Finding } from '../../findings.js';
import type { PlainRule } from '../plain-rule.js';
import { WORD_MESSAGES, wordListFindings, wordListOptions, type WordListOptions } from '../word-list.js';

// 进行, 予以 and 加以 are always dummy verbs and sit in the word list; 给予 is one only before a
// verb (给予答复, not 给予补贴), which takes a part-of-speech tag to tell.
const DUMMY_VERB = '给予';

/**
 * 给予 followed within two words by a verb (v or vn): tagged only in sentences that contain it,
 * since tagging costs three times as much as segmenting.
 */
function dummyVerbs(doc: AnalyzedDocument): Finding[] {
  const text = doc.joined;
  if (!text.text.includes(DUMMY_VERB)) return [];
  const work = text.units.filter((unit) => text.text.slice(unit.start, unit.end).includes(DUMMY_VERB));
  const tagged = doc.tags(work.map((unit) => text.text.slice(unit.start, unit.end)));
  const findings: Finding[] = [];
  work.forEach((unit, index) => {
    let offset = unit.start;
    const positioned = tagged[index]!.map((word) => {
      const start = offset;
      offset += word.word.length;
      return { ...word, start, end: offset };
    });
    positioned.forEach((word, position) => {
      if (word.word !== DUMMY_VERB) return;
      for (const next of positioned.slice(position + 1, position + 3)) {
        if (next.tag === 'x') break;
        if (next.tag === 'v' || next.tag === 'vn') {
          if (isQuoted(text, word.start, next.end)) break;
          const phrase = text.text.slice(word.start, next.end);
          findings.push({
            rule: 'plain/nominalization',
            start: word.start,
            end: next.end,
            messageId: 'dummyVerb',
            data: { phrase, verb: phrase.slice(word.word.length) },
            suggestions: [phrase.slice(word.word.length)],
          });
          break;
        }
      }
    });
  });
  return findings;
}

/** The words are in words.yaml, next to this file; 给予 takes the code above. */
const rule: PlainRule<WordListOptions> = {
  id: 'plain/nominalization',
  messages: { ...WORD_MESSAGES, dummyVerb: '「{{phrase}}」多了一个虚化动词，直接用后面的动词更清楚：改为「{{verb}}」' },
  options: wordListOptions(),
  find: (doc, options) => wordListFindings(doc, 'plain/nominalization', options, dummyVerbs(doc)),
};

export default rule;
