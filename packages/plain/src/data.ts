import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { PLAIN_RULE_IDS, type PlainRuleId } from './findings.js';

/**
 * The rule data, each file in its rule's folder: the word lists (src/rules/<rule>/words.yaml)
 * and the glossary of terms (src/rules/jargon/glossary.yaml). Read once per process.
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
  /**
   * fixed words that contain the phrase, where it is not a finding even when jieba splits them
   * (适用于 is cut 适用/于, but its 于 is not the classical preposition)
   */
  except?: string[];
}

export interface LexiconFile {
  rule: PlainRuleId;
  /** why the words are a problem, for messages: 「须」{reason}：… */
  reason: string;
  /** how far a pattern's gap `…` may reach: to the end of the clause (default) or of the sentence */
  gaps?: 'clause' | 'sentence';
  entries: LexiconEntry[];
}

/** The rules' folders, beside their code: from dist/, the sources they are shipped with. */
export const rulesDirectory = fileURLToPath(new URL('../src/rules/', import.meta.url));
/** The package's other data (dictionaries, common words); with rulesDirectory, what its findings depend on besides the code. */
export const dataDirectory = fileURLToPath(new URL('../data/', import.meta.url));
let lexicons: LexiconFile[] | undefined;
let glossary: Record<string, string> | undefined;

export function loadLexicons(): LexiconFile[] {
  lexicons ??= readdirSync(rulesDirectory)
    .sort()
    .filter((name) => existsSync(`${rulesDirectory}${name}/words.yaml`))
    .map((name) => {
      const file = parse(readFileSync(`${rulesDirectory}${name}/words.yaml`, 'utf8')) as LexiconFile;
      if (file.rule !== `plain/${name}` || !PLAIN_RULE_IDS.includes(file.rule)) {
        throw new Error(`${name}/words.yaml: rule ${file.rule}`);
      }
      return file;
    });
  return lexicons;
}

/** The glossary: term → a plain explanation. */
export function loadGlossary(): Record<string, string> {
  glossary ??= (
    parse(readFileSync(`${rulesDirectory}jargon/glossary.yaml`, 'utf8')) as { terms: Record<string, string> }
  ).terms;
  return glossary;
}
