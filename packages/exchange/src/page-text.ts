// A guide page copied from a site (labelled fields, numbering, page chrome around them) as a
// draft guide: each field whose label it recognises filled, every other line kept under
// 「未归类内容」 in the body. The labels, their synonyms and the chrome patterns are data
// (data/page-labels.yaml).
import { valueAt } from './page-recovery.js';
import { BLOCK_KINDS, READERS } from './page-values.js';
import { type LabelledField, type PageLabels, pageLabels } from './page-labels.js';

export interface DraftOptions {
  /** the guide's id; otherwise derived from the 实施编码 or 基本编码, else `imported-draft` */
  id?: string;
  /** the title when the page has no 事项名称: a saved page's heading or <title> */
  title?: string;
}

export interface PageDraft {
  /** the guide's fields (the CLI writes them in schema order) */
  data: Record<string, unknown>;
  /** the Markdown body: 「## 未归类内容」 and the lines not used, or '' when every line was */
  body: string;
  /** the guide fields filled from the page, as dotted paths, in the order of the labels file */
  recognised: string[];
  /** names of the fields filled (data/page-labels.yaml `name`), for the summary */
  recognisedNames: string[];
  /** the lines kept under 「未归类内容」 */
  unclassified: string[];
}

export const UNCLASSIFIED_HEADING = '未归类内容';
export const DRAFT_ID = 'imported-draft';
const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A labelled part of the page: the label's field (none for text before the first label). */
interface Section {
  field?: LabelledField;
  /** the page's lines of this part as written, label included: what is kept when nothing is read */
  raw: string[];
  /** the value's lines: the text after the label, then the lines up to the next label */
  lines: string[];
}

interface Matcher {
  labels: PageLabels;
  chrome: RegExp[];
  atStart: RegExp;
  inline: RegExp;
  fieldOf: Map<string, LabelledField | undefined>;
}

const SPACE = '[ \\u3000]*';
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A label's number or bullet: 一、 1. 1、 （一） (1) ① ■ …
const NUMBERING = String.raw`(?:(?:[一二三四五六七八九十]+|\d+)[、.．]|[（(](?:[一二三四五六七八九十]+|\d+)[)）]|[①-⑳]|[■□●○◆◇▶►·•※★☆▪])?`;

let matcher: Matcher | undefined;

function labelMatcher(): Matcher {
  if (matcher) return matcher;
  const labels = pageLabels();
  const fieldOf = new Map<string, LabelledField | undefined>();
  for (const field of labels.fields) for (const label of field.labels) fieldOf.set(label, field);
  for (const label of labels.other_labels) fieldOf.set(label, undefined);
  // Longest first, so 法定办结时限 wins over 办结时限; a space may sit between any two characters.
  const alternation = [...fieldOf.keys()]
    .sort((a, b) => b.length - a.length)
    .map((label) => [...label].map(escapeRegExp).join(SPACE))
    .join('|');
  matcher = {
    labels,
    chrome: labels.chrome.map((pattern) => new RegExp(pattern, 'i')),
    // At a line's start: 「一、受理条件」「【申请材料】」「1.办理时限:」「办理地点\t…」, then the value.
    atStart: new RegExp(
      `^${SPACE}${NUMBERING}${SPACE}(?:【${SPACE}(${alternation})${SPACE}】|\\[(${alternation})\\]|(${alternation}))${SPACE}(?:([：:])|(?=\\t)|$|(?<=】|\\])|(?=[ \\u3000]))`,
    ),
    // Inside a line, after a space, a tab or the end of a sentence, and followed by a colon (or in 【】).
    inline: new RegExp(
      `(?<=[\\s\\u3000。；;，,])(?:【${SPACE}(${alternation})${SPACE}】|(${alternation})${SPACE}(?:[：:]|(?=\\t)))`,
      'g',
    ),
    fieldOf,
  };
  return matcher;
}

const canonical = (label: string) => label.replace(/[ \u3000]/g, '');

/** The page's text as lines: line breaks unified, invisible characters and non-breaking spaces gone. */
function pageLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/[\u200B-\u200D\u2060]/g, '')
    .replace(/\u00A0/g, ' ')
    .split(/\r\n?|\n/)
    .map((line) => line.replace(/^[ \u3000]+|[ \u3000\t]+$/g, ''))
    .filter((line) => line.trim() !== '');
}

/** A part of a line: the text before its first label, or a label and the text after it. */
interface LinePart {
  label?: string;
  /** the value: the text after the label and its colon */
  text: string;
  /** the part as written on the page */
  raw: string;
}

/** A line split at its labels. */
function splitLine(line: string, m: Matcher): LinePart[] {
  const cuts: Array<{ at: number; label?: string; valueAt: number }> = [];
  const start = m.atStart.exec(line);
  cuts.push(
    start
      ? { at: 0, label: canonical(start[1] ?? start[2] ?? start[3]!), valueAt: start[0].length }
      : { at: 0, valueAt: 0 },
  );
  m.inline.lastIndex = cuts[0]!.valueAt;
  for (let found = m.inline.exec(line); found; found = m.inline.exec(line))
    cuts.push({ at: found.index, label: canonical(found[1] ?? found[2]!), valueAt: found.index + found[0].length });
  return cuts
    .map((cut, index) => {
      const end = cuts[index + 1]?.at ?? line.length;
      return {
        ...(cut.label ? { label: cut.label } : {}),
        text: line
          .slice(cut.valueAt, end)
          .replace(/^[\s\u3000：:]+/, '')
          .trim(),
        raw: line.slice(cut.at, end).trim(),
      };
    })
    .filter((part) => part.label !== undefined || part.text !== '');
}

/** The page cut into labelled sections, chrome lines dropped. */
function sections(text: string, m: Matcher): Section[] {
  const result: Section[] = [{ raw: [], lines: [] }];
  for (const line of pageLines(text)) {
    if (m.chrome.some((pattern) => pattern.test(line.trim()))) continue;
    for (const part of splitLine(line, m)) {
      if (part.label === undefined) {
        const current = result[result.length - 1]!;
        current.raw.push(part.raw);
        current.lines.push(part.text);
        continue;
      }
      result.push({
        field: m.fieldOf.get(part.label),
        raw: [part.raw],
        lines: part.text === '' ? [] : [part.text],
      });
    }
  }
  return result;
}

/** Sets a dotted path (`locations.0.address`) in nested objects and arrays. */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node: Record<string, unknown> = target;
  keys.slice(0, -1).forEach((key, index) => {
    if (node[key] === undefined) node[key] = /^\d+$/.test(keys[index + 1]!) ? [] : {};
    node = node[key] as Record<string, unknown>;
  });
  node[keys[keys.length - 1]!] = value;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The title a page heading or <title> gives: without the site's name and 「办事指南」. */
export function titleFromHeading(heading: string): string | undefined {
  const title = heading
    .split(/\s*[_|｜]\s*|\s+[-－—]\s+/)[0]!
    .replace(/^【?办事指南】?[：:]?/, '')
    .replace(/(?:的)?办事指南$/, '')
    .trim();
  return title.length >= 2 && title.length <= 40 ? title : undefined;
}

/** The draft guide of a page's text. */
export function draftFromText(text: string, options: DraftOptions = {}): PageDraft {
  const m = labelMatcher();
  const data: Record<string, unknown> = {};
  const filled = new Set<string>();
  const unclassified: Array<{ order: number; lines: string[] }> = [];
  const keep = (order: number, lines: string[]) => {
    if (lines.length > 0) unclassified.push({ order, lines });
  };
  const deferred: Array<{ order: number; section: Section; value: string }> = [];

  const parts = sections(text, m);
  for (const [order, section] of parts.entries()) {
    const field = section.field;
    if (!field) {
      keep(order, section.raw);
      continue;
    }
    const block = BLOCK_KINDS.has(field.parse);
    const lines = block ? section.lines : section.lines.slice(0, 1);
    const after = block ? [] : section.lines.slice(1);
    const first = lines[0]?.trim() ?? '';
    if (lines.length === 0 || (lines.length === 1 && field.parse !== 'fees' && m.labels.empty_values.includes(first))) {
      keep(order, after); // a label with nothing or 「无」 after it says nothing
      continue;
    }
    if (field.parse === 'fee-basis' || (field.field === 'online.level' && deferredLevel(first, m))) {
      deferred.push({ order, section, value: first });
      keep(order, after);
      continue;
    }
    const read = READERS[field.parse](lines, m.labels, field.choice);
    const path = field.parse === 'location' ? 'locations.0.address' : field.field;
    // A place may have come as a name alone: a second 办理地点 is a second place either way.
    const existing =
      field.parse === 'location' ? (valueAt(data, path) ?? valueAt(data, 'locations.0.name')) : valueAt(data, path);
    if (read.value === undefined || (existing !== undefined && !mergeable(existing, read.value, field))) {
      keep(order, section.raw); // nothing read, or a second, different value: kept as written, not chosen
      continue;
    }
    if (Array.isArray(existing) && field.parse !== 'choices') existing.push(...(read.value as unknown[]));
    else if (field.parse === 'location') {
      for (const [key, value] of Object.entries(read.value as Record<string, string>)) {
        setPath(data, `locations.0.${key}`, value);
        filled.add(`locations.0.${key}`);
      }
    } else {
      setPath(data, path, read.value);
      filled.add(path);
    }
    keep(order, [...read.leftover, ...after]);
  }

  for (const { order, section, value } of deferred) {
    if (section.field!.parse === 'fee-basis') {
      const fees = data.fees;
      if (Array.isArray(fees) && fees.length > 0) {
        for (const fee of fees as Array<Record<string, unknown>>) fee.basis ??= value;
        filled.add('fees.basis');
      } else if (!(fees && typeof fees === 'object' && 'free' in fees && m.labels.empty_values.includes(value))) {
        keep(order, section.raw.slice(0, 1));
      }
    } else {
      const one = m.labels.online_level_one;
      setPath(data, 'online.level', data.appointment ? one.yes : one.no);
      filled.add('online.level');
    }
  }

  const prelude = unclassified.find((entry) => entry.order === 0);
  if (data.title === undefined) {
    const heading = prelude?.lines[0];
    const title = options.title ?? (heading === undefined ? undefined : headingTitle(heading));
    if (title) setPath(data, 'title', title);
  }
  // The page's heading giving or repeating the title says nothing more.
  const repeated = prelude?.lines.findIndex((line) => headingTitle(line) === data.title) ?? -1;
  if (repeated >= 0) prelude!.lines.splice(repeated, 1);
  const codes = data.codes as Record<string, string> | undefined;
  const derived = (codes?.implementation ?? codes?.basic)?.toLowerCase();
  const id = options.id ?? (derived && ID_PATTERN.test(derived) && derived.length <= 64 ? derived : DRAFT_ID);
  const lines = unclassified
    .sort((a, b) => a.order - b.order)
    .flatMap((entry) => entry.lines.map((line) => line.trim()));
  const kept = lines.filter(Boolean);
  const recognised = m.labels.fields
    .flatMap((field) => (field.parse === 'location' ? ['locations.0.name', field.field] : [field.field]))
    .filter((path) => filled.has(path));
  return {
    data: { ...data, id, status: '草稿' },
    body: kept.length > 0 ? `## ${UNCLASSIFIED_HEADING}\n\n${kept.map(markdownLine).join('\n\n')}\n` : '',
    recognised,
    recognisedNames: [
      ...new Set(
        recognised.map(
          (path) =>
            m.labels.fields.find(
              (field) => field.field === path || (path === 'locations.0.name' && field.parse === 'location'),
            )!.name,
        ),
      ),
    ],
    unclassified: kept,
  };
}

/** Whether an 网上办理深度 value is 一级, which needs 是否支持预约 to tell 预约办理 from 仅线下办理. */
function deferredLevel(value: string, m: Matcher): boolean {
  return m.labels.online_level_one.words.some((word) => value.includes(word));
}

/** A page copied as text names its service in its first short line, as a heading. */
function headingTitle(line: string): string | undefined {
  return /[。；;，,\t]/.test(line) ? undefined : titleFromHeading(line);
}

/** Whether a field read twice holds the same thing: lists are joined, a place's parts may come apart. */
function mergeable(existing: unknown, value: unknown, field: LabelledField): boolean {
  if (field.parse === 'location') return false;
  if (Array.isArray(existing) && field.parse !== 'choices') return Array.isArray(value);
  return same(existing, value);
}

/** A page's line as a Markdown paragraph that reads as written: no heading, quote or HTML made of it. */
function markdownLine(line: string): string {
  return line
    .replace(/\t+/g, ' ')
    .replace(/[<>]/g, (char) => `\\${char}`)
    .replace(/^([#+*=|-])/, '\\$1');
}
