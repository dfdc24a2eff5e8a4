// Reading one labelled value of a guide page into the schema's shape. Each reader gets the lines
// under a label (the text after the label first) and gives back the value, or nothing when the
// text is not what the field holds, and the lines it did not use: those go to 「未归类内容」.
import { halfWidthDigits, normalizePhone, parseChineseCount } from '@baihua/core';
import type { MaterialColumn, PageLabels, ValueKind } from './page-labels.js';

export interface ValueRead {
  value?: unknown;
  /** lines not used for the value, kept for 「未归类内容」 */
  leftover: string[];
}

type Reader = (lines: string[], labels: PageLabels, choice?: string) => ValueRead;

const longestFirst = (words: string[]) => [...words].sort((a, b) => b.length - a.length);

/** The value a text names: the longest word of `map` it contains, or (`start`) begins with. */
function lookUp<T>(text: string, map: Record<string, T>, start = false): T | undefined {
  const word = longestFirst(Object.keys(map)).find((key) => (start ? text.startsWith(key) : text.includes(key)));
  return word === undefined ? undefined : map[word];
}

// A list item's number or bullet: 1. 1、 1） （1） ① 一、 （一） and bullets.
const ITEM_MARK =
  /^(?:\d+[.．](?!\d)|\d+[、)）]|[（(](?:\d+|[一二三四五六七八九十]+)[)）]|[①-⑳]|[一二三四五六七八九十]+、|[•·●■◆▪-](?=\s))\s*/;
// Where a line holding several numbered items splits: after 。 or ；, before the next number.
const INLINE_ITEM = /(?<=[；;。])\s*(?=(?:\d+[.．、](?!\d)|[（(]\d+[)）]|[①-⑳]))/;

const trimItem = (text: string) => text.replace(/[；;，,\s]+$/, '').trim();

/**
 * Items of a numbered list. With numbers, an unnumbered line continues the item before it, and
 * lines before the first number (an introduction such as 「应当具备下列条件：」) are left over;
 * without numbers each line is an item.
 */
export function listItems(lines: string[]): { items: string[]; leftover: string[] } {
  const pieces = lines
    .flatMap((line) => line.split(INLINE_ITEM))
    .map((line) => line.trim())
    .filter(Boolean);
  // Without numbers each line is an item, and so is each part of a line between semicolons.
  if (!pieces.some((piece) => ITEM_MARK.test(piece)))
    return {
      items: pieces
        .flatMap((piece) => piece.split(/[；;]/))
        .map(trimItem)
        .filter(Boolean),
      leftover: [],
    };
  const items: string[] = [];
  const leftover: string[] = [];
  for (const piece of pieces) {
    if (ITEM_MARK.test(piece)) items.push(piece.replace(ITEM_MARK, ''));
    else if (items.length === 0) leftover.push(piece);
    else items[items.length - 1] += piece;
  }
  return { items: items.map(trimItem).filter(Boolean), leftover };
}

const text: Reader = ([first, ...rest]) => ({ value: first?.trim() || undefined, leftover: rest });

const code: Reader = ([first, ...rest]) => {
  const compact = halfWidthDigits(first ?? '')
    .replace(/[\s\u3000]/g, '')
    .replace(/[－—–]/g, '-')
    .toUpperCase();
  return /^[0-9A-Z]+(-[0-9A-Z]+)*$/.test(compact)
    ? { value: compact, leftover: rest }
    : { leftover: [first ?? '', ...rest] };
};

const choice: Reader = ([first, ...rest], labels, name) => {
  const value = lookUp(first ?? '', labels.choices[name ?? ''] ?? {});
  return value === undefined ? { leftover: [first ?? '', ...rest] } : { value, leftover: rest };
};

const choices: Reader = ([first, ...rest], labels, name) => {
  const map = labels.choices[name ?? ''] ?? {};
  const values = (first ?? '')
    .split(/[、，,；;/／\s]+|或|和|及/)
    .map((part) => lookUp(part, map))
    .filter((value) => value !== undefined);
  return values.length === 0 ? { leftover: [first ?? '', ...rest] } : { value: [...new Set(values)], leftover: rest };
};

const list: Reader = (lines) => {
  const { items, leftover } = listItems(lines);
  return items.length === 0 ? { leftover: lines } : { value: items, leftover };
};

const STEP_TITLED = /^第[一二三四五六七八九十\d]+步[：:、.．\s]*/;
const steps: Reader = (lines) => {
  const { items, leftover } = listItems(lines);
  if (items.length === 0) return { leftover: lines };
  const value = items.map((item) => {
    const step = item.replace(STEP_TITLED, '');
    const titled = /^([^：:，。；,]{2,8})[：:]\s*(.{2,})$/.exec(step);
    return titled ? { title: titled[1]!.trim(), how: titled[2]!.trim() } : step;
  });
  return { value, leftover };
};

const COUNT = String.raw`(\d+|[零〇一二两三四五六七八九十百]+)`;
const DURATION = new RegExp(`${COUNT}\\s*[（(]?\\s*(个)?\\s*(工作日|自然日|月|日|天)[)）]?`);
const AT_ONCE = /即办|即时办结|立即办结|当场办结|当场办理|即时|当场/;

/** 「20个工作日」「1个月」「即办」 as the schema's duration; other words in the text kept as the note. */
export function readDuration(text: string): Record<string, unknown> | undefined {
  const plain = halfWidthDigits(text.trim());
  const found = DURATION.exec(plain);
  let duration: Record<string, unknown>;
  let rest: string;
  if (found) {
    const count = parseChineseCount(found[1]!)?.value ?? Number.NaN;
    if (!Number.isInteger(count)) return undefined;
    const unit = found[3]!;
    duration = unit === '月' ? { months: count } : { days: count, unit: unit === '工作日' ? '工作日' : '自然日' };
    rest = plain.replace(found[0], '');
  } else if (AT_ONCE.test(plain)) {
    duration = { days: 0, unit: '工作日' };
    rest = plain.replace(AT_ONCE, '').replace(/^件/, '');
  } else {
    return undefined;
  }
  // 「内」「以内」 and punctuation say nothing more; anything else is kept as written.
  if (rest.replace(/以?内|[。；;，,\s]/g, '') !== '') duration.note = text.trim();
  return duration;
}

const duration: Reader = ([first, ...rest]) => {
  const value = readDuration(first ?? '');
  return value ? { value, leftover: rest } : { leftover: [first ?? '', ...rest] };
};

const count: Reader = ([first, ...rest]) => {
  const plain = halfWidthDigits(first ?? '').trim();
  const value = /零跑动|不用跑|无需到现场/.test(plain)
    ? 0
    : /最多跑一次/.test(plain)
      ? 1
      : parseChineseCount(plain.replace(/^(?:最多|不超过)/, ''))?.value;
  return value === undefined ? { leftover: [first ?? '', ...rest] } : { value, leftover: rest };
};

const URL_PATTERN = /https?:\/\/[^\s，。；、）)】"'<>]+/;
const url: Reader = ([first, ...rest]) => {
  const found = URL_PATTERN.exec(first ?? '');
  return found ? { value: found[0], leftover: rest } : { leftover: [first ?? '', ...rest] };
};

const PHONE =
  /[(（]?0\d{2,3}[)）]?[-－—–\s]?\d{7,8}(?:转\d{1,6})?|(?<!\d)1[3-9]\d{9}(?!\d)|[48]00-?\d{3}-?\d{4}|(?<!\d)1\d{4}(?!\d)|(?<!\d)9[56]\d{3,6}(?!\d)/;

/** The first phone number in a text, in the usual written form. */
export function findPhone(text: string): string | undefined {
  const found = PHONE.exec(halfWidthDigits(text));
  return found ? normalizePhone(found[0]) : undefined;
}

const phone: Reader = ([first, ...rest]) => {
  const value = findPhone(first ?? '');
  return value ? { value, leftover: rest } : { leftover: [first ?? '', ...rest] };
};

const yesNo: Reader = ([first, ...rest], labels) => {
  const value = lookUp((first ?? '').trim(), labels.choices['yes-no'] ?? {}, true);
  return typeof value === 'boolean' ? { value, leftover: rest } : { leftover: [first ?? '', ...rest] };
};

/** 是否支持预约: yes or no, or where to book when the text gives a web address or a phone number. */
const appointment: Reader = (lines, labels) => {
  const read = yesNo(lines, labels);
  if (read.value !== true) return read;
  const where = { url: URL_PATTERN.exec(lines[0]!)?.[0], phone: findPhone(lines[0]!.replace(URL_PATTERN, '')) };
  const given = Object.fromEntries(Object.entries(where).filter(([, value]) => value !== undefined));
  return { value: Object.keys(given).length > 0 ? given : true, leftover: read.leftover };
};

/** 「青禾市政务服务中心（东湖区湖滨路88号）」: the place's name and, in brackets, its address. */
const location: Reader = ([first, ...rest]) => {
  const place = (first ?? '').trim();
  if (place.length < 4) return { leftover: [first ?? '', ...rest] };
  const named = /^(.{2,}?)[（(]([^（）()]*(?:路|街|道|巷|号|楼|大厦|广场)[^（）()]*)[)）]$/.exec(place);
  // Without an address in brackets: a street address, or the name of a centre or window.
  const value = named
    ? { name: named[1]!.trim(), address: named[2]!.trim() }
    : /路|街|巷|\d+号/.test(place.replace(/街道/g, ''))
      ? { address: place }
      : { name: place };
  return { value, leftover: rest };
};

const FEE =
  /([^\s，。；、：:\d]{1,12}费)[^\d，。；]{0,8}?(\d+(?:\.\d+)?)\s*元(?:\s*[/／每]\s*([^\s，。；、（(]{1,4}))?(?:\s*[（(]([^（）()]+)[)）])?/g;

/** 不收费 and its synonyms as `{ free: true }`; amounts such as 「工本费20元/证」 as fee items. */
const fees: Reader = (lines, labels) => {
  const whole = lines.join('');
  if (longestFirst(labels.free_words).some((word) => whole.trim().startsWith(word)) || /不收[取费]|免费/.test(whole))
    return { value: { free: true }, leftover: [] };
  const items = [...halfWidthDigits(whole).matchAll(FEE)].map((found) => ({
    item: found[1]!,
    amount: Number(found[2]),
    ...(found[3] ? { unit: `每${found[3]}` } : {}),
    ...(found[4] ? { waiver: found[4] } : {}),
  }));
  return items.length > 0 ? { value: items, leftover: [] } : { leftover: lines };
};

// Pieces of a material's description that say what form, how many copies and whether it is needed.
const ATTRIBUTE =
  /原件|复印件|电子版?|扫描件|纸质版?|(?:\d+|[一二两三四五六七八九十]+)份|各|非必要|非必须|必要|必须|必需|容缺|选填|A[345]纸?|[、，,；;：:\s]/g;
const isAttributes = (text: string) => text.replace(ATTRIBUTE, '') === '' && text.trim() !== '';

function attributesOf(text: string, labels: PageLabels): Record<string, unknown> {
  const form = (['原件', '复印件', '电子'] as const).filter((word) =>
    word === '电子' ? /电子|扫描件/.test(text) : text.includes(word),
  );
  const copies = /(\d+|[一二两三四五六七八九十]+)份/.exec(halfWidthDigits(text));
  const need = lookUp(text, labels.material_values.need);
  const paper = /A[345]/.exec(text);
  return {
    ...(need ? { need } : {}),
    ...(form.length > 0 ? { form: form.length === 1 ? form[0] : form } : {}),
    ...(copies ? { copies: parseChineseCount(copies[1]!)!.value } : {}),
    ...(paper ? { paper: paper[0] } : {}),
  };
}

const CONDITIONAL = /^(.{2,30}?的)[，,]\s*(?:还)?(?:需|须|应)?(?:提供|提交|出具|携带)?(.{2,})$/;
const REQUIREMENT = /盖章|签字|签名|加盖|手印/;

/** One line of a material list: name, then form, copies and need where the text says them. */
export function readMaterial(item: string, labels: PageLabels): Record<string, unknown> {
  let name = item.trim();
  const attributes: string[] = [];
  const requirements: string[] = [];
  const notes: string[] = [];
  // A bracket that says form, copies or need is read; what else it says goes to requirements or the note.
  name = name.replace(/[（(]([^（）()]*)[)）]/g, (whole, inside: string) => {
    const parts = inside
      .split(/[，,；;]/)
      .map((part) => part.trim())
      .filter(Boolean);
    if (!parts.some(isAttributes)) {
      if (!REQUIREMENT.test(inside)) return whole;
      requirements.push(inside);
      return '';
    }
    for (const part of parts) {
      if (isAttributes(part)) attributes.push(part);
      else (REQUIREMENT.test(part) ? requirements : notes).push(part);
    }
    return '';
  });
  // 「居民身份证 原件1份」「居民身份证，原件、复印件各1份」: the tail after a space or comma.
  const tail = /^(.+?)[\s，,；;]+([^\s，,；;].*)$/.exec(name);
  if (tail && isAttributes(tail[2]!)) {
    attributes.push(tail[2]!);
    name = tail[1]!;
  }
  name = name.replace(/[。；;，,\s]+$/, '').trim();
  let situation: string | undefined;
  const conditional = CONDITIONAL.exec(name);
  if (conditional) {
    situation = conditional[1]!;
    name = conditional[2]!.trim();
  }
  if (/^《[^《》]+》$/.test(name)) name = name.slice(1, -1);
  const found = attributesOf(attributes.join('，'), labels);
  if (situation) found.need = '情形必要';
  return {
    name,
    ...(found.need ? { need: found.need } : {}),
    ...(situation ? { situation } : {}),
    ...(found.form ? { form: found.form } : {}),
    ...(found.copies ? { copies: found.copies } : {}),
    ...(requirements.length > 0 ? { requirements: requirements.join('；') } : {}),
    ...(found.paper ? { paper: found.paper } : {}),
    ...(notes.length > 0 ? { note: notes.join('；') } : {}),
  };
}

/** The columns of a material table's header row (cells split by tabs), or nothing if it is not one. */
function materialColumns(line: string, labels: PageLabels): Array<MaterialColumn | undefined> | undefined {
  if (!line.includes('\t')) return undefined;
  const columns = line.split('\t').map((cell) => {
    const heading = cell.replace(/[\s\u3000]/g, '');
    return (Object.entries(labels.material_columns) as Array<[MaterialColumn, string[]]>).find(([, names]) =>
      names.includes(heading),
    )?.[0];
  });
  return columns.includes('name') && columns.filter(Boolean).length >= 2 ? columns : undefined;
}

function tableMaterial(
  cells: string[],
  columns: Array<MaterialColumn | undefined>,
  labels: PageLabels,
): Record<string, unknown> | undefined {
  const cell = (column: MaterialColumn) => {
    const value = cells[columns.indexOf(column)]?.trim();
    return value && !labels.empty_values.includes(value) ? value : undefined;
  };
  const nameCell = cell('name');
  if (!nameCell) return undefined;
  const named = readMaterial(nameCell, labels);
  const need = cell('need') && lookUp(cell('need')!, labels.material_values.need);
  const form = cell('form') ? attributesOf(cell('form')!, labels).form : undefined;
  const copies = cell('copies') ? parseChineseCount(cell('copies')!)?.value : undefined;
  const source = cell('source') && lookUp(cell('source')!, labels.material_values.source);
  // A remark such as 「经营者本人签字」 is a requirement; 「委托他人办理的提交」 says when it is needed.
  const remark = cell('note');
  const when = (need ?? named.need) === '情形必要' ? /^(.{2,30}的)(?:需)?(?:提交|提供)?$/.exec(remark ?? '') : null;
  const requirement = remark && REQUIREMENT.test(remark) ? remark : undefined;
  const note = when || requirement ? undefined : remark;
  const situation = named.situation ?? when?.[1];
  const requirements = [named.requirements, requirement].filter(Boolean).join('；');
  return {
    name: named.name,
    ...((need ?? named.need) ? { need: need ?? named.need } : {}),
    ...(situation ? { situation } : {}),
    ...((form ?? named.form) ? { form: form ?? named.form } : {}),
    ...((copies ?? named.copies) ? { copies: copies ?? named.copies } : {}),
    ...(source ? { source } : {}),
    ...(requirements ? { requirements } : {}),
    ...((cell('paper') ?? named.paper) ? { paper: cell('paper') ?? named.paper } : {}),
    ...(note ? { note } : {}),
  };
}

const NO_MATERIALS = /^(?:无需|不需要|不用|无须)(?:提交|提供)?(?:任何)?材料/;

const materials: Reader = (lines, labels) => {
  // 「无需提交材料，…」: no materials; the sentence is kept, it may say who does what instead.
  if (lines.length === 1 && NO_MATERIALS.test(lines[0]!)) return { value: [], leftover: lines };
  const header = lines.findIndex((line) => materialColumns(line, labels));
  if (header >= 0) {
    const columns = materialColumns(lines[header]!, labels)!;
    const value: unknown[] = [];
    const leftover = lines.slice(0, header);
    for (const line of lines.slice(header + 1)) {
      const material = line.includes('\t') ? tableMaterial(line.split('\t'), columns, labels) : undefined;
      if (material) value.push(material);
      else leftover.push(line);
    }
    return value.length > 0 ? { value, leftover } : { leftover: lines };
  }
  const { items, leftover } = listItems(lines);
  return items.length === 0
    ? { leftover: lines }
    : { value: items.map((item) => readMaterial(item, labels)), leftover };
};

const QUESTION = /^(?:问[：:]|Q[：:.．]|(?:\d+[.．、]|[（(]\d+[)）]|[①-⑳])(?=.*[？?]))\s*/i;
const ANSWER = /^(?:答[：:]|A[：:.．])\s*/i;

/** Questions (问：, Q:, or numbered and ending in ？) each followed by its answer (答：, A:, or the lines after). */
const faq: Reader = (lines) => {
  const pairs: Array<{ question: string; answer: string; lines: string[] }> = [];
  const leftover: string[] = [];
  for (const line of lines) {
    const current = pairs[pairs.length - 1];
    if (QUESTION.test(line)) {
      const asked = line.replace(QUESTION, '');
      const mark = asked.search(/[？?]/);
      const answered =
        mark >= 0
          ? asked
              .slice(mark + 1)
              .replace(ANSWER, '')
              .trim()
          : '';
      pairs.push({ question: mark >= 0 ? asked.slice(0, mark + 1) : asked, answer: answered, lines: [line] });
    } else if (current) {
      current.answer += line.replace(ANSWER, '').trim();
      current.lines.push(line);
    } else {
      leftover.push(line);
    }
  }
  const value = pairs
    .filter((pair) => pair.answer !== '')
    .map((pair) => ({ question: pair.question.replace(/\?$/, '？').trim(), answer: pair.answer }));
  leftover.push(...pairs.filter((pair) => pair.answer === '').flatMap((pair) => pair.lines));
  return value.length > 0 ? { value, leftover } : { leftover: lines };
};

/** 收费依据: read by the page reader against the fees it found, not on its own. */
const feeBasis: Reader = ([first, ...rest]) => ({ value: first?.trim(), leftover: rest });

export const READERS: Record<ValueKind, Reader> = {
  text,
  code,
  choice,
  choices,
  list,
  materials,
  steps,
  duration,
  fees,
  'fee-basis': feeBasis,
  count,
  url,
  'yes-no': yesNo,
  appointment,
  phone,
  location,
  faq,
};

/** Kinds whose value may run over several lines: every line up to the next label belongs to it. */
export const BLOCK_KINDS: ReadonlySet<ValueKind> = new Set(['list', 'materials', 'steps', 'fees', 'faq']);
