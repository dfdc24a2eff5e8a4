import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { PLAIN_RULE_IDS, type PlainRuleId } from './findings.js';

/**
 * The rule data: word lists in data/lexicon/*.yaml (one file per rule) and the glossary of
 * terms in data/glossary.yaml. Read once per process.
 */
export interface LexiconEntry {
  /** literal phrase(s) */
  match?: string | string[];
  /** word pattern: words separated by spaces, `a|b` alternatives, `*` any one word, `…` a gap */
  pattern?: string;
  /** plainer wording(s), best first */
  replace?: string | string[];
  /** the first replacement may be applied by --fix */
  fix?: boolean;
  /** what to do, when there is no one replacement */
  advice?: string;
  /** a sentence where the entry must fire (tested) */
  test: string;
  /** a sentence with the same characters where it must not (tested) */
  not?: string;
}

export interface LexiconFile {
  rule: PlainRuleId;
  /** why the words are a problem, for messages: 「须」{reason}：… */
  reason: string;
  entries: LexiconEntry[];
}

const dataDirectory = fileURLToPath(new URL('../data/', import.meta.url));
let lexicons: LexiconFile[] | undefined;
let glossary: Record<string, string> | undefined;

export function loadLexicons(): LexiconFile[] {
  lexicons ??= readdirSync(`${dataDirectory}lexicon`)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const file = parse(readFileSync(`${dataDirectory}lexicon/${name}`, 'utf8')) as LexiconFile;
      if (!PLAIN_RULE_IDS.includes(file.rule)) throw new Error(`${name}: unknown rule ${file.rule}`);
      return file;
    });
  return lexicons;
}

/** The glossary: term → a plain explanation. */
export function loadGlossary(): Record<string, string> {
  glossary ??= (parse(readFileSync(`${dataDirectory}glossary.yaml`, 'utf8')) as { terms: Record<string, string> }).terms;
  return glossary;
}

