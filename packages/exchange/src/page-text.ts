// A guide page copied from a site (labelled fields, numbering, page chrome around them) as a
// draft guide: each field whose label it recognises filled, every other line kept under
// 「未归类内容」 in the body. The labels, their synonyms and the chrome patterns are data
// (data/page-labels.yaml).
import { DRAFT, parseChineseCount } from '@baihua/core';
import { valueAt } from './page-recovery.js';
import { BLOCK_KINDS, READERS, readBothLimits, readPlaces } from './page-values.js';
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
  /** the label's number (「四、办理流程」): a line numbered next in the same style is the next heading */
  numbering?: Numbering;
  /** the page's lines of this part as written, label included: what is kept when nothing is read */
  raw: string[];
  /** the value's lines: the text after the label, then the lines up to the next label */
  lines: string[];
  /** a 办理地点 section: the lines after it that give a place's parts belong to it */
  places?: boolean;
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

// How many a heading lists: 「办理地点（2个）」「申请材料（共5项）」「所需材料（3）」.
const COUNTED = String.raw`(?:[（(]共?(?:\d+|[一二三四五六七八九十]+)[个处项条份件]?[)）]${SPACE})?`;

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
      `^${SPACE}${NUMBERING}${SPACE}(?:【${SPACE}(${alternation})${SPACE}】|\\[(${alternation})\\]|(${alternation}))${SPACE}${COUNTED}(?:([：:])|(?=\\t)|$|(?<=】|\\])|(?=[ \\u3000]))`,
    ),
    // Inside a line, after a space, a tab, the end of a sentence or a label in 【】 (「【事项编码】基本编码：…」),
    // and followed by a colon (or in 【】).
    inline: new RegExp(
      `(?<=[\\s\\u3000。；;，,】])(?:【${SPACE}(${alternation})${SPACE}】|(${alternation})${SPACE}(?:[：:]|(?=\\t)))`,
      'g',
    ),
    fieldOf,
  };
  return matcher;
}

// Where a table row's cells part: a tab, or a full-width space or several spaces before a label
// and its colon (「网上预审　办理网址：https://…」).
const CELL_BREAK = /\t|\s*(?:\u3000|\s{2,})\s*(?=[^\s：:，,。；;]{2,12}[：:])/;

const canonical = (label: string) => label.replace(/[ \u3000]/g, '');

/** The page's text as lines: line breaks unified, invisible characters and non-breaking spaces gone. */
function pageLines(text: string): string[] {
  return (
    text
      .replace(/^\uFEFF/, '')
      .replace(/[\u200B-\u200D\u2060]/g, '')
      .replace(/\u00A0/g, ' ')
      .split(/\r\n?|\n/)
      .map((line) => line.replace(/^[ \u3000]+|[ \u3000\t]+$/g, ''))
      // An emoji before a line is decoration (「📍 办理地点」「☎ 0000-…」).
      .map((line) => line.replace(/^(?:\p{Extended_Pictographic}[\uFE0F\u200D]*)+[ \u3000]*/u, ''))
      .filter((line) => line.trim() !== '')
  );
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

interface Numbering {
  style: string;
  n: number;
}

const NUMBER_MARK = /^[ \u3000]*([（(]?)([一二三四五六七八九十]+|\d+)([、.．)）])/;

/** A line's number and its style: 「五、」 is 5 in the style 「一、」, 「（2）」 is 2 in 「（1）」. */
function numberingOf(line: string): Numbering | undefined {
  const found = NUMBER_MARK.exec(line);
  if (!found) return undefined;
  const digits = /\d/.test(found[2]!);
  const n = digits ? Number(found[2]) : parseChineseCount(found[2]!)?.value;
  if (n === undefined || !Number.isInteger(n)) return undefined;
  return {
    style: `${found[1] ? '(' : ''}${digits ? '1' : '一'}${found[3]!.replace(/[．]/, '.').replace(/）/, ')')}`,
    n,
  };
}

const DECORATED_HEADING = /^[—\-=─━*#]{2,}\s*[^—\-=─━*#]{1,16}?\s*[—\-=─━*#]{2,}$/;

/**
 * Whether a line the reader has no label for is a heading that ends the labelled part before it:
 * numbered next after that part's label (「四、办理流程」 … 「五、补贴标准」), an unknown heading in
 * 【】, a heading between rules (「—— 平台说明 ——」), or a short heading (「咨询监督」「办理地点及时间」)
 * right before a labelled line.
 */
function endsSection(line: string, current: Section, nextLabelled: boolean, m: Matcher): boolean {
  if (!current.field) return false;
  const numbering = numberingOf(line);
  if (current.numbering && numbering?.style === current.numbering.style && numbering.n === current.numbering.n + 1)
    return true;
  if (/^[ \u3000]*【[^】]{2,12}】/.test(line) || DECORATED_HEADING.test(line)) return true;
  const words = line.replace(NUMBER_MARK, '').trim();
  return (
    nextLabelled &&
    current.lines.length > 0 &&
    /^\p{Script=Han}{2,10}$/u.test(words) &&
    m.labels.heading_endings.some((ending) => words.endsWith(ending))
  );
}

const REFUSED = /不予(?:受理|办理|批准|登记|注册|许可|认定|发放)/;

/** A heading over the exclusions written under the conditions: 「下列情形不予登记：」「不予注册的情形」. */
export const isRefusalHeading = (line: string) =>
  REFUSED.test(line) && (/[：:]$/.test(line.trim()) || !/[，,。；;]/.test(line));

/** A label written like the page's own fields (「【办理时间】」「七、办理时间」), not a part of a place. */
const topLevel = (line: string) => /^[ \u3000]*【/.test(line) || numberingOf(line) !== undefined;

/** The page cut into labelled sections, chrome lines dropped. */
function sections(text: string, m: Matcher): Section[] {
  const result: Section[] = [{ raw: [], lines: [] }];
  const lines = pageLines(text).filter((line) => !m.chrome.some((pattern) => pattern.test(line.trim())));
  const split = lines.map((line) => splitLine(line, m));
  const placeParts = new Set(Object.values(m.labels.place_parts).flat());
  split.forEach((parts, index) => {
    const line = lines[index]!;
    const labelled = parts[0]?.label !== undefined;
    const last = result[result.length - 1]!;
    if (
      last.places &&
      parts.every((part) => part.label === undefined || placeParts.has(part.label)) &&
      (labelled ? !topLevel(line) : !endsSection(line, last, split[index + 1]?.[0]?.label !== undefined, m))
    ) {
      last.raw.push(line);
      last.lines.push(line);
      return;
    }
    // Under the conditions, a line that says what is refused starts the exclusions: as a heading
    // (「下列情形不予登记：」) or as the first of them (「正在服刑的，暂不予办理。」).
    if (!labelled && last.field?.field === 'conditions' && REFUSED.test(line)) {
      const heading = isRefusalHeading(line);
      result.push({
        field: m.labels.fields.find((field) => field.field === 'exclusions'),
        raw: [line],
        lines: heading ? [] : [line.trim()],
      });
      return;
    }
    if (!labelled && endsSection(line, result[result.length - 1]!, split[index + 1]?.[0]?.label !== undefined, m))
      result.push({ raw: [], lines: [] });
    for (const [at, part] of parts.entries()) {
      if (part.label === undefined) {
        const current = result[result.length - 1]!;
        current.raw.push(part.raw);
        current.lines.push(part.text);
        continue;
      }
      const numbering = at === 0 ? numberingOf(line) : undefined;
      const field = m.fieldOf.get(part.label);
      result.push({
        field,
        ...(numbering ? { numbering } : {}),
        ...(field?.parse === 'location' && at === parts.length - 1 ? { places: true } : {}),
        raw: [part.raw],
        lines: part.text === '' ? [] : [part.text],
      });
    }
  });
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
    .replace(/^[<‹＜]\s*/, '')
    .split(/\s*[_|｜]\s*|\s+[-－—]\s+/)[0]!
    .replace(/^【?办事指南】?[：:]?/, '')
    .replace(/(?:的)?办事指南$/, '')
    .trim();
  return title.length >= 2 && title.length <= 40 ? title : undefined;
}

// What a page's heading, menu or status bar says that is not the name of a service.
const SITE_NAME =
  /(?:政务服务网|政务服务平台|服务平台|政务网|门户网站|政务服务|网上办事大厅|办事大厅|旗舰店|网站|首页|人民政府)$/;
const DEPARTMENT =
  /^\p{Script=Han}{2,28}(?:局|厅|委员会|委|办公室|支队|大队|联合会|中心|分局|派出所|管理处|管理所|街道办事处|人民政府)$/u;
const NOT_A_TITLE = /^(?:办事指南|服务指南|事项详情|基本信息|指南详情|详情)$/;

/** A page heading's title when it names a service: not the site, a department, a menu or a clock. */
export function serviceTitle(heading: string): string | undefined {
  if (/[：:>＞»]|\s[/|｜]\s.*\s[/|｜]\s|^\d{1,2}:\d{2}/.test(heading)) return undefined;
  const title = titleFromHeading(heading);
  if (!title || /^[（(【[].*[）)】\]]$/.test(title) || (title.match(/\p{Script=Han}/gu) ?? []).length < 2)
    return undefined;
  return SITE_NAME.test(title) || DEPARTMENT.test(title) || NOT_A_TITLE.test(title) ? undefined : title;
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
    // Places written line by line are read as one block.
    const placeBlock = section.places !== undefined && section.lines.length > 1;
    const block = placeBlock || BLOCK_KINDS.has(field.parse);
    // A one-line value is the first cell of a table row: the cells after it (an unknown label and
    // its value in a four-column row, or after a wide space) are kept, not read into it.
    const [cell = '', ...cells] = (section.lines[0] ?? '').split(CELL_BREAK);
    // A place may give its address on the line after its name.
    const taken = field.parse === 'location' ? 2 : 1;
    const lines = block ? section.lines : section.lines.length > 0 ? [cell, ...section.lines.slice(1, taken)] : [];
    const after = block ? [] : [...(cells.length > 0 ? [cells.join('\t')] : []), ...section.lines.slice(taken)];
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
    const both = field.parse === 'duration' ? readBothLimits(first) : undefined;
    if (
      both &&
      valueAt(data, 'time_limit.statutory') === undefined &&
      valueAt(data, 'time_limit.promised') === undefined
    ) {
      for (const [key, value] of Object.entries(both)) {
        setPath(data, `time_limit.${key}`, value);
        filled.add(`time_limit.${key}`);
      }
      keep(order, after);
      continue;
    }
    const read = placeBlock
      ? readPlaces(section.lines, m.labels)
      : READERS[field.parse](lines, m.labels, field.choice, field.procedure);
    const path = field.parse === 'location' ? 'locations.0.address' : codePath(field, read.value);
    // A place may have come as a name alone: a second 办理地点 is a second place either way.
    const existing =
      field.parse === 'location' ? (valueAt(data, path) ?? valueAt(data, 'locations.0.name')) : valueAt(data, path);
    if (read.value === undefined || (existing !== undefined && !mergeable(existing, read.value, field))) {
      keep(order, section.raw); // nothing read, or a second, different value: kept as written, not chosen
      continue;
    }
    if (Array.isArray(existing) && field.parse !== 'choices') existing.push(...(read.value as unknown[]));
    else if (field.parse === 'location') {
      for (const [index, place] of (read.value as Array<Record<string, string>>).entries())
        for (const [key, value] of Object.entries(place)) {
          setPath(data, `locations.${index}.${key}`, value);
          filled.add(`locations.${index}.${key}`);
        }
    } else {
      setPath(data, path, read.value);
      filled.add(path);
    }
    keep(order, [...(read.partial ? [writtenLine(section)] : []), ...read.leftover, ...after]);
  }

  // Places named in one line (by name alone) share the hours the page gives once.
  const places = data.locations as Array<Record<string, string>> | undefined;
  if (
    places &&
    places.length > 1 &&
    places[0]!.hours !== undefined &&
    places.slice(1).every((place) => Object.keys(place).join() === 'name')
  )
    for (const other of places.slice(1)) other.hours ??= places[0]!.hours;

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
    const title = options.title ?? prelude?.lines.map(headingTitle).find(Boolean);
    if (title) setPath(data, 'title', title);
  }
  // The page's heading giving or repeating the title says nothing more; a department's name right
  // under it (a phone app's copy) is the department.
  const repeated = prelude?.lines.findIndex((line) => headingTitle(line) === data.title) ?? -1;
  if (repeated >= 0) {
    const under = prelude!.lines[repeated + 1]?.trim();
    const department = data.department === undefined && under !== undefined && DEPARTMENT.test(under);
    prelude!.lines.splice(repeated, department ? 2 : 1);
    if (department) {
      setPath(data, 'department', under);
      filled.add('department');
    }
  }
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
    data: { ...data, id, status: DRAFT },
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

/**
 * Where a code goes by its shape: a 基本编码 has 12 characters, so a 12-character code under a
 * label pages use for either (事项编码) is the 基本编码; longer ones are implementation codes.
 */
function codePath(field: LabelledField, value: unknown): string {
  return field.field === 'codes.implementation' && typeof value === 'string' && /^[0-9A-Z]{12}$/.test(value)
    ? 'codes.basic'
    : field.field;
}

/** The label and first line of a section's value as the page writes them (without other cells). */
function writtenLine(section: Section): string {
  const raw = section.raw[0] ?? '';
  const value = section.lines[0] ?? '';
  const cell = value.split(CELL_BREAK)[0]!;
  const at = value === '' ? -1 : raw.indexOf(value);
  return at < 0 ? `${raw} ${cell}` : raw.slice(0, at) + cell;
}

/** Whether an 网上办理深度 value is 一级, which needs 是否支持预约 to tell 预约办理 from 仅线下办理. */
function deferredLevel(value: string, m: Matcher): boolean {
  return m.labels.online_level_one.words.some((word) => value.includes(word));
}

/** A page copied as text names its service in a short line before the first label, as a heading. */
function headingTitle(line: string): string | undefined {
  return /[。；;，,\t]|\s{2,}\S/.test(line.trim().replace(/^[<‹＜]\s+/, '')) ? undefined : serviceTitle(line.trim());
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
