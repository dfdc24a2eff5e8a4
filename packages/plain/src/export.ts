import { stringify } from 'yaml';
import { loadLexicons, type LexiconEntry, type LexiconFile } from './data.js';

/**
 * The word lists as dictionaries other tools read, so that a comparison checks the same words:
 * prh (textlint-rule-prh) and Vale substitution styles. Both match characters with regular
 * expressions; Baihua's word patterns (`未经 … 不得|不能`) become the nearest expression: a word
 * `*` is up to four characters, a gap `…` anything up to the end of the sentence.
 */
export type DictionaryFormat = 'prh' | 'vale';

const ANY_WORD = '[^\\s，。；：！？、]{1,4}';
const GAP = '[^。！？；\\n]*?';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A word pattern as a regular expression source. */
export function patternSource(pattern: string): string {
  return pattern
    .split(/\s+/)
    .map((token) =>
      token === '*' ? ANY_WORD : token === '…' ? GAP : `(?:${token.split('|').map(escapeRegExp).join('|')})`,
    )
    .join('');
}

const list = (value: string | string[] | undefined) =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** What the entry suggests: its first plain wording, else its advice. */
function expected(entry: LexiconEntry): string {
  return list(entry.replace)[0] ?? `（${entry.advice ?? '改写'}）`;
}

interface Exported {
  file: LexiconFile;
  entry: LexiconEntry;
  /** regular expression sources, one per wording */
  sources: string[];
}

function exportedEntries(): Exported[] {
  return loadLexicons().flatMap((file) =>
    file.entries.map((entry) => ({
      file,
      entry,
      sources: entry.pattern ? [patternSource(entry.pattern)] : list(entry.match).map(escapeRegExp),
    })),
  );
}

function prh(): string {
  const rules = exportedEntries().map(({ file, entry, sources }) => ({
    expected: expected(entry),
    // prh takes a /regular expression/ or a literal; literals are kept literal.
    pattern: entry.pattern
      ? `/${sources[0]}/`
      : list(entry.match).length === 1
        ? list(entry.match)[0]
        : list(entry.match),
    prh: `[${file.rule}] ${file.reason}${entry.advice ? `：${entry.advice}` : ''}`,
  }));
  return `# Baihua's word lists for textlint-rule-prh (baihua dict export --format prh).\n${stringify({ version: 1, rules }, { lineWidth: 0 })}`;
}

/** One Vale substitution style per rule: file name → YAML. */
function vale(): Map<string, string> {
  const styles = new Map<string, string>();
  for (const file of loadLexicons()) {
    const swap: Record<string, string> = {};
    for (const { entry, sources } of exportedEntries().filter((exported) => exported.file === file)) {
      for (const source of sources) swap[source] = expected(entry);
    }
    const name = file.rule
      .split('/')[1]!
      .replace(/(^|-)(\w)/g, (_match, _dash, letter: string) => letter.toUpperCase());
    styles.set(
      `${name}.yml`,
      `# ${file.rule} (baihua dict export --format vale)\n${stringify(
        {
          extends: 'substitution',
          message: `「%[2]s」${file.reason}：改为「%[1]s」`,
          level: 'warning',
          nonword: true,
          ignorecase: false,
          swap,
        },
        { lineWidth: 0 },
      )}`,
    );
  }
  return styles;
}

/** The dictionary in a format: one file for prh, one style file per rule for Vale. */
export function exportDictionary(format: DictionaryFormat): Map<string, string> {
  return format === 'prh' ? new Map([['baihua.prh.yml', prh()]]) : vale();
}
