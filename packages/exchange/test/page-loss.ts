/**
 * The "no line lost" check of the page-copy tests: a line of a page is page chrome, kept under
 * 「未归类内容」, or read into a value of the draft.
 */
import { isRefusalHeading, pageLabels, type PageDraft } from '@baihua/exchange';

const squeeze = (text: string) => text.replace(/[^\p{L}\p{N}]+/gu, '');
const valuesOf = (value: unknown): string[] =>
  value && typeof value === 'object' ? Object.values(value).flatMap(valuesOf) : [String(value)];
// The words the reader reads into something else: labels, column headings, choices, 无, 不收费 …
const labels = pageLabels();
const READ_WORDS = [
  ...labels.fields.flatMap((field) => field.labels),
  ...labels.other_labels,
  ...Object.values(labels.material_columns).flat(),
  ...Object.values(labels.place_parts).flat(),
  ...labels.empty_values,
  ...Object.values(labels.choices).flatMap((choice) => Object.keys(choice)),
  ...labels.free_words,
  ...Object.keys(labels.material_values.need),
  ...Object.keys(labels.material_values.source),
  ...labels.online_level_one.words,
  // what a heading repeating the title, or a time limit read as 0 days, says besides
  '办事指南',
  '即时办结',
  '当场办结',
  '即办',
]
  .map(squeeze)
  .filter((word) => word.length >= 2)
  .sort((a, b) => b.length - a.length);
// Numbers, durations, counts and levels, which become numbers or choices.
const READ_NUMBERS = /\d+个?(?:工作日|自然日|日|天|个月)|\d+[次份张本副件]|[一二三四五六七八九十]+级|\d+/g;
const CHROME = labels.chrome.map((pattern) => new RegExp(pattern));

/** The share of a line's text (read words and numbers aside) found in the draft's values or body. */
function foundShare(line: string, found: string): number {
  // A long number (a phone, a code) must be found as it is.
  if ((squeeze(line).match(/\d{5,}/g) ?? []).some((number) => !found.includes(number))) return 0;
  // Kept as written.
  if (found.includes(squeeze(line))) return 1;
  let rest = squeeze(line);
  // A code of digits and capitals found as written is read (「实施编码:11330104MB0E55667L3000142007000」).
  for (const code of rest.match(/[0-9A-Z]{10,}/g) ?? [])
    if (/\d/.test(code) && found.includes(code)) rest = rest.replace(code, '');
  for (const word of READ_WORDS) rest = rest.split(word).join('');
  if (found.includes(rest)) return 1;
  rest = rest.replace(READ_NUMBERS, '');
  if (rest.length < 3) return 1; // a numbering or a bracket left over
  let covered = 0;
  for (let at = 0; at < rest.length; ) {
    let length = 0;
    while (at + length < rest.length && found.includes(rest.slice(at, at + length + 1))) length += 1;
    if (length >= 2) {
      covered += length;
      at += length;
    } else at += 1;
  }
  return covered / rest.length;
}

/**
 * Cells of lines (a table row's cells, text apart by two spaces or more, each on its own) that are
 * neither chrome, nor kept under 「未归类内容」, nor found among the draft's values: every long
 * number as written, and most of the words. Some are read into a value of another shape, which
 * this check cannot see; none may lose content.
 */
export function cellsNotKept(text: string, draft: PageDraft): string[] {
  const found = squeeze([...valuesOf(draft.data), draft.body].join('\n'));
  return (
    text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !CHROME.some((pattern) => pattern.test(line)))
      .flatMap((line) => line.split(/\t+| {2,}/).map((cell) => cell.trim()))
      // a heading the reader takes as the exclusions' label is read
      .filter((cell) => cell && !isRefusalHeading(cell) && foundShare(cell, found) < 0.6)
  );
}
