// Reading one labelled value of a guide page into the schema's shape. Each reader gets the lines
// under a label (the text after the label first) and gives back the value, or nothing when the
// text is not what the field holds, and the lines it did not use: those go to 「未归类内容」.
import { halfWidthDigits, normalizePhone, parseChineseCount } from '@baihua/core';
import { AT_ONCE, amountInText } from './chinese-values.js';
import type { MaterialColumn, PageLabels, PlacePart, ValueKind } from './page-labels.js';

export interface ValueRead {
  value?: unknown;
  /** lines not used for the value, kept for 「未归类内容」 */
  leftover: string[];
  /** a one-line value says only part of its line (a phone number and a remark or a second number,
   * choices of which some are unknown or qualified, a web address and a hint): the line is kept as
   * written as well */
  partial?: boolean;
}

/** `choice`: the field's group of choices; `procedure`: a special procedure's name the label gives. */
type Reader = (lines: string[], labels: PageLabels, choice?: string, procedure?: string) => ValueRead;

const longestFirst = (words: string[]) => [...words].sort((a, b) => b.length - a.length);

/** The longest word of `map` a text contains, or (`start`) begins with. */
function wordOf(text: string, map: Record<string, unknown>, start = false): string | undefined {
  return longestFirst(Object.keys(map)).find((key) => (start ? text.startsWith(key) : text.includes(key)));
}

/** The value a text names: the value of the longest word of `map` it contains, or (`start`) begins with. */
function lookUp<T>(text: string, map: Record<string, T>, start = false): T | undefined {
  const word = wordOf(text, map, start);
  return word === undefined ? undefined : map[word];
}

/**
 * Whether a one-line value's text says more than the words read from it: a number, or two
 * letters, left once they and the punctuation are taken out (「12315」 after a first phone number,
 * 「送达」 after 快递, 「申请人自付邮费」 after 邮寄). Such a line is kept as written as well.
 */
function saysMore(text: string, read: string[]): boolean {
  let rest = halfWidthDigits(text);
  for (const word of longestFirst(read)) rest = rest.split(word).join('');
  const left = rest.replace(/[^\p{L}\p{N}]+/gu, '');
  return /\p{N}/u.test(left) || left.length >= 2;
}

// A list item's number or bullet: 1. 1、 1） 「1  」 （1） ① 一、 （一） and bullets. Apart from
// platform-values' ITEM_NUMBER on purpose: a page's lists also use bullets and numbers set off by
// wide spaces, and a line holding several items is split after 。 or ；, where a platform cell's
// items are split only when numbered 1, 2, 3 in order.
const ITEM_MARK =
  /^(?:\d+[.．](?!\d)|\d+[、)）]|\d{1,2}(?=[ \u3000]{2,}|\t)|[（(](?:\d+|[一二三四五六七八九十]+)[)）]|[①-⑳]|[一二三四五六七八九十]+、|[•·●■◆▪-](?=\s))\s*/;
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
  // 「基本编码：000121003000；实施编码：…」: the code ends at the sentence mark before the next label.
  const compact = halfWidthDigits(first ?? '')
    .replace(/[\s\u3000]/g, '')
    .replace(/[；;，,。]+$/, '')
    .replace(/[－—–]/g, '-')
    .toUpperCase();
  return /^[0-9A-Z]+(-[0-9A-Z]+)*$/.test(compact)
    ? { value: compact, leftover: rest }
    : { leftover: [first ?? '', ...rest] };
};

/** The words that say a choice: the value itself and every word for it (全程网办, 四级). */
const wordsFor = (map: Record<string, unknown>, value: unknown) => [
  ...Object.keys(map).filter((key) => map[key] === value),
  ...(typeof value === 'string' ? [value] : []),
];

const choice: Reader = ([first, ...rest], labels, name) => {
  const map = labels.choices[name ?? ''] ?? {};
  const word = wordOf(first ?? '', map);
  if (word === undefined) return { leftover: [first ?? '', ...rest] };
  const value = map[word];
  return { value, leftover: rest, ...(saysMore(first!, wordsFor(map, value)) ? { partial: true } : {}) };
};

const choices: Reader = ([first, ...rest], labels, name) => {
  const map = labels.choices[name ?? ''] ?? {};
  const parts = (first ?? '').split(/[、，,；;/／\s。]+|或|和|及/).filter((part) => /\p{L}/u.test(part));
  const words = parts.map((part) => wordOf(part, map));
  const known = words.filter((word) => word !== undefined);
  if (known.length === 0) return { leftover: [first ?? '', ...rest] };
  // An unknown part, or a part that says more than its choice (「邮寄（申请人自付邮费）」), keeps the line.
  const partial = parts.some(
    (part, index) => words[index] === undefined || saysMore(part, wordsFor(map, map[words[index]!])),
  );
  return { value: [...new Set(known.map((word) => map[word]))], leftover: rest, ...(partial ? { partial } : {}) };
};

const list: Reader = (lines) => {
  const { items, leftover } = listItems(lines);
  return items.length === 0 ? { leftover: lines } : { value: items, leftover };
};

// What a legal basis names: a law in 《》, an article, or a kind of regulation.
const LAW = /[《》]|第[一二三四五六七八九十百零〇\d]+条|法|条例|规定|办法|细则|决定|通知|意见|规则|令/;

/**
 * Legal bases: a list whose items name laws. An unnumbered line that names none (a footer, a
 * heading the reader does not know) ends it; it and the lines after it are left over.
 */
const laws: Reader = (lines, labels) => {
  const end = lines.findIndex((line, index) => index > 0 && !LAW.test(line) && !ITEM_MARK.test(line.trim()));
  if (end < 0) return list(lines, labels);
  const read = list(lines.slice(0, end), labels);
  return { ...read, leftover: [...read.leftover, ...lines.slice(end)] };
};

const STEP_TITLED = /^第[一二三四五六七八九十\d]+步[：:、.．\s]*/;
// A step's title is at most 8 characters here, 15 in a platform cell (platform-values' STEP_TITLE):
// a page's step is a sentence, where a colon after a longer clause (「申请人向所在村委会提出书面申请：…」)
// starts the detail, not a title. No page set tells the two limits apart yet.
const STEP_TITLE = /^([^：:，。；,]{2,8})[：:]\s*(.{2,})$/;
// A step's heading on a line of its own, its description on the lines under it: 「第一步 农户申请」,
// 「第一步」, or a flow chart's 「1申请」.
const STEP_HEAD = /^(?:第[一二三四五六七八九十\d]+步|\d{1,2}(?![\d.．、]))[ \u3000：:、]*([^\s，。；,;：:、]{2,10})?$/;
const ARROW = /[→➔⇒]/;

/** Steps written as headings with their descriptions under them; nothing when the lines are not so. */
function headedSteps(lines: string[]): unknown[] | undefined {
  const pieces = lines.map((line) => line.trim()).filter((line) => line !== '' && !/^[→➔⇒>＞↓]+$/.test(line));
  const heads = pieces.flatMap((piece, at) => (STEP_HEAD.test(piece) ? [at] : []));
  const described = (at: number) =>
    at + 1 < pieces.length && !STEP_HEAD.test(pieces[at + 1]!) && !ITEM_MARK.test(pieces[at + 1]!);
  if (heads.length < 2 || heads[0] !== 0 || !heads.every(described)) return undefined;
  return heads.map((head, index) => {
    const title = STEP_HEAD.exec(pieces[head]!)![1];
    const how = pieces
      .slice(head + 1, heads[index + 1] ?? pieces.length)
      .map((line, at, all) => (at < all.length - 1 && !/[。；;！]$/.test(line) ? `${line}；` : line))
      .join('');
    if (title) return { title, how };
    const titled = STEP_TITLE.exec(how);
    return titled ? { title: titled[1]!.trim(), how: titled[2]!.trim() } : how;
  });
}

const steps: Reader = (lines) => {
  const headed = headedSteps(lines);
  if (headed) return { value: headed, leftover: [] };
  const { items, leftover } = listItems(lines);
  if (items.length === 0) return { leftover: lines };
  const value = items.flatMap((item) => {
    // 「申请→受理→审核→办结」: short steps joined by arrows.
    const parts = item.split(ARROW).map((part) => part.trim());
    if (parts.length >= 3 && parts.every((part) => /^[^，。；,;：:]{2,12}$/.test(part))) return parts;
    const step = item.replace(STEP_TITLED, '');
    const titled = STEP_TITLE.exec(step);
    return [titled ? { title: titled[1]!.trim(), how: titled[2]!.trim() } : step];
  });
  return { value, leftover };
};

/**
 * 「20个工作日」「1个月」「即办」 as the schema's duration. Words after it (「（不含公示时间）」) are its
 * note; a sentence around it (「自受理之日起1个工作日内办结」) is kept whole as the note.
 */
export function readDuration(text: string): Record<string, unknown> | undefined {
  const plain = halfWidthDigits(text.trim());
  const amount = amountInText(plain);
  const atOnce = amount ? undefined : AT_ONCE.exec(plain);
  const found = amount ?? (atOnce ? { index: atOnce.index, written: atOnce[0] } : undefined);
  if (!found) return undefined;
  const duration: Record<string, unknown> = !amount
    ? { days: 0, unit: '工作日' }
    : amount.unit === '月'
      ? { months: amount.amount }
      : { days: amount.amount, unit: amount.unit };
  const before = plain.slice(0, found.index).replace(/^(?:为|是|共|需)/, '');
  // 「内」「以内」「即办」 and punctuation say nothing more.
  const after = plain
    .slice(found.index + found.written.length)
    .replace(/^件/, '')
    .replace(/^\s*以?内/, '')
    .replace(AT_ONCE, '')
    .replace(/^[\s。；;，,（(【[]+|[\s。；;，,）)】\]]+$/g, '')
    .trim();
  if (before.replace(/[。；;，,\s]/g, '') !== '') duration.note = text.trim();
  else if (after !== '') duration.note = after;
  return duration;
}

/**
 * One line that states both limits, as pages write under 办理时限: 「法定20个工作日，承诺10个工作日」,
 * or 「当场办结，法定时限为1个工作日」 where the limit the line does not name is the other one.
 * Nothing when the line does not give both.
 */
export function readBothLimits(text: string): { statutory: unknown; promised: unknown } | undefined {
  const clauses = text
    .split(/[，,；;。]|\s+(?=法定|承诺)/)
    .map((clause) => clause.trim())
    .filter(Boolean);
  if (clauses.length < 2) return undefined;
  const tagged: Record<string, unknown> = {};
  const untagged: unknown[] = [];
  for (const clause of clauses) {
    const tag = /^法定/.test(clause) ? 'statutory' : /^承诺/.test(clause) ? 'promised' : undefined;
    const limit = readDuration(clause.replace(/^(?:法定|承诺)(?:办结|办理)?(?:时限|期限)?\s*[为是：:]?\s*/, ''));
    if (!limit || (tag && tag in tagged)) return undefined;
    if (tag) tagged[tag] = limit;
    else untagged.push(limit);
  }
  const named = Object.keys(tagged);
  if (named.length === 2 && untagged.length === 0) return tagged as { statutory: unknown; promised: unknown };
  if (named.length !== 1 || untagged.length !== 1) return undefined;
  const other = named[0] === 'statutory' ? 'promised' : 'statutory';
  return { ...tagged, [other]: untagged[0] } as { statutory: unknown; promised: unknown };
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

const URL_PATTERN = /https?:\/\/[^\s，。；、（）()【】"'<>]+/;
const url: Reader = ([first, ...rest]) => {
  const found = URL_PATTERN.exec(first ?? '');
  if (!found) return { leftover: [first ?? '', ...rest] };
  return { value: found[0], leftover: rest, ...(saysMore(first!, [found[0]]) ? { partial: true } : {}) };
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
  if (!value) return { leftover: [first ?? '', ...rest] };
  // 「0000-66530000（区民政局社会福利科）」「0000-66235000；12315」: the words or the second number
  // besides the number read are kept with it.
  const found = PHONE.exec(halfWidthDigits(first!))![0];
  return { value, leftover: rest, ...(saysMore(first!, [found]) ? { partial: true } : {}) };
};

const yesNo: Reader = ([first, ...rest], labels) => {
  const map = labels.choices['yes-no'] ?? {};
  const word = wordOf((first ?? '').trim(), map, true);
  const value = word === undefined ? undefined : map[word];
  if (typeof value !== 'boolean') return { leftover: [first ?? '', ...rest] };
  return { value, leftover: rest, ...(saysMore(first!, wordsFor(map, value)) ? { partial: true } : {}) };
};

/** 是否支持预约: yes or no, or where to book when the text gives a web address or a phone number. */
const appointment: Reader = (lines, labels) => {
  const read = yesNo(lines, labels);
  if (read.value !== true) return read;
  const where = { url: URL_PATTERN.exec(lines[0]!)?.[0], phone: findPhone(lines[0]!.replace(URL_PATTERN, '')) };
  const given = Object.fromEntries(Object.entries(where).filter(([, value]) => value !== undefined));
  return { value: Object.keys(given).length > 0 ? given : true, leftover: read.leftover };
};

const PLACE_END = /(?:委会|中心|窗口|大厅|派出所|服务站|所|局|处|科|室|馆|院|厅)$/;
const isAddress = (text: string) => /路|街|巷|\d+号/.test(text.replace(/街道/g, ''));

/** One place: 「青禾市政务服务中心（东湖区湖滨路88号）」 is its name and, in brackets, its address. */
function place(text: string): Record<string, string> {
  const named = /^(.{2,}?)[（(]([^（）()]*(?:路|街|道|巷|号|楼|大厦|广场)[^（）()]*)[)）]$/.exec(text);
  // Without an address in brackets: a street address, or the name of a centre or window.
  return named
    ? { name: named[1]!.trim(), address: named[2]!.trim() }
    : isAddress(text)
      ? { address: text }
      : { name: text };
}

/**
 * 办理地点: a place, or the places a line names apart by 、 (「村（居）委会、镇（街道）便民服务中心」);
 * a place given by name with its address on the next line (a phone app's copy) takes that line.
 */
const location: Reader = ([first, second, ...rest]) => {
  const text = (first ?? '').trim();
  const after = second === undefined ? rest : [second, ...rest];
  if (text.length < 4) return { leftover: [first ?? '', ...after] };
  const parts = text.split('、').map((part) => part.trim());
  if (parts.length > 1 && parts.every((part) => part.length >= 4 && PLACE_END.test(part) && !isAddress(part)))
    return { value: parts.map((part) => ({ name: part })), leftover: after };
  const one = place(text);
  if (one.address === undefined && second !== undefined && isAddress(second) && !/[：:]/.test(second))
    return { value: [{ ...one, address: second.trim() }], leftover: rest };
  return { value: [one], leftover: after };
};

const CLOCK = /\d{1,2}[:：]\d{2}/;
// A place's parts on one line: apart by tabs, or by a full-width space or several spaces before a label.
const PLACE_CELL = /\t|\s*(?:\u3000|\s{2,})\s*(?=\p{Script=Han}{1,6}[：:])/u;
const PLACE_NUMBER = /^(?:(?:\d+|[一二三四五六七八九十]+)[.．、]|[（(]\d+[)）]|[①-⑳])\s*/;

/**
 * A line under 办理地点 as the part of a place it is: by its label (the value empty when the label
 * stands alone, its value on the next line) or, without one, by its look.
 */
function placePart(text: string, labels: PageLabels): { part: PlacePart; value: string; labelled: boolean } {
  const plain = text
    .replace(PLACE_NUMBER, '')
    .replace(/^【([^】]{1,8})】/, '$1：')
    .trim();
  for (const [part, names] of Object.entries(labels.place_parts) as Array<[PlacePart, string[]]>)
    for (const name of longestFirst(names)) {
      const found = new RegExp(`^${[...name].join('[ \\u3000]*')}[ \\u3000]*[：:]?[ \\u3000]*`).exec(plain);
      if (found) return { part, value: plain.slice(found[0].length).trim(), labelled: true };
    }
  const phone = findPhone(plain);
  if (phone && plain.replace(/[^\p{Script=Han}]/gu, '').length <= 2)
    return { part: 'phone', value: plain, labelled: false };
  if (CLOCK.test(plain)) return { part: 'hours', value: plain, labelled: false };
  return { part: isAddress(plain) ? 'address' : 'name', value: plain, labelled: false };
}

/**
 * Places written line by line under 办理地点: a name, then its address, hours and phone, labelled
 * (「地址：」「办 理 时 间:」, a label alone with its value on the next line, or a table row
 * 「窗口名称\t…\t办理时间\t…」) or not; a new name, or a part the place already has, starts the next place.
 */
export function readPlaces(lines: string[], labels: PageLabels): ValueRead {
  const places: Array<Record<string, string>> = [];
  const leftover: string[] = [];
  let current: Record<string, string> = {};
  let pending: PlacePart | undefined;
  let listed = 0;
  const add = (part: PlacePart, value: string) => {
    const clean = part === 'phone' ? (findPhone(value) ?? value) : value.replace(/[ \u3000]+/g, ' ').trim();
    if (clean === '') return;
    if (current[part] !== undefined || (part === 'name' && Object.keys(current).length > 0)) {
      places.push(current);
      current = {};
    }
    current[part] = clean;
  };
  for (const [index, line] of lines.entries()) {
    const cells = line
      .split(PLACE_CELL)
      .map((cell) => cell.trim())
      .filter((cell) => cell !== '');
    // A cell that is a label alone (a table row 「窗口名称\t…\t办理时间\t…」) takes the cell after it.
    const pieces: string[] = [];
    for (let at = 0; at < cells.length; at++) {
      const read = placePart(cells[at]!, labels);
      const alone = read.labelled && read.value === '' && at + 1 < cells.length;
      pieces.push(alone ? `${cells[at]}：${cells[++at]}` : cells[at]!);
    }
    for (const piece of pieces) {
      const read = placePart(piece, labels);
      if (index === 0 && !read.labelled) {
        const first = (location([read.value], labels).value as Array<Record<string, string>> | undefined) ?? [];
        for (const one of first) for (const [key, text] of Object.entries(one)) add(key as PlacePart, text);
        listed = first.length;
        continue;
      }
      if (read.labelled && read.value === '') {
        pending = read.part;
        continue;
      }
      // A sentence is not a place's name: it is kept.
      if (
        !read.labelled &&
        pending === undefined &&
        read.part === 'name' &&
        (/[。！]$/.test(read.value) || read.value.length > 30)
      ) {
        leftover.push(piece);
        continue;
      }
      // A place's name is followed by its address: a line under the name that is not itself numbered
      // or named like a place (「…中心」「…窗口」) is where the place is.
      const part =
        pending !== undefined && !read.labelled
          ? pending
          : !read.labelled &&
              read.part === 'name' &&
              current.name !== undefined &&
              current.address === undefined &&
              !PLACE_NUMBER.test(piece) &&
              !PLACE_END.test(read.value)
            ? 'address'
            : read.part;
      add(part, read.value);
      pending = undefined;
    }
  }
  if (Object.keys(current).length > 0) places.push(current);
  // Places named in one line (「A、B」) share the hours and phone written under them.
  if (listed > 1 && places.length === listed) {
    const { name: _name, ...shared } = places[listed - 1]!;
    for (const one of places.slice(0, -1)) Object.assign(one, { ...shared, ...one });
  }
  const order: PlacePart[] = ['name', 'address', 'hours', 'phone'];
  const value = places.map((one) =>
    Object.fromEntries(order.filter((part) => one[part] !== undefined).map((part) => [part, one[part]!])),
  );
  return { value, leftover };
}

const FEE =
  /([^\s，。；、：:\d]{1,12}费)[^\d，。；]{0,8}?(?:每([^\s\d，。；、：:]{1,2}))?(\d+(?:\.\d+)?)\s*元(?:\s*[/／每]\s*([^\s，。；、（(]{1,4}))?(?:\s*[（(]([^（）()]+)[)）])?/g;

/**
 * 不收费 and its synonyms as `{ free: true }`; amounts such as 「工本费20元/证」 as fee items. Not
 * platform-values' parseFeeStandard: a platform cell holds one standard (「20元/证」) beside its
 * item's own cell, where a page names the item, the amount and its basis in one sentence.
 */
const FREE = /不收[取费]|免费/;

// What a line says after its fees: the rule they follow (「，依据《…》（发改价格〔2019〕1139号）」).
const BASIS_AFTER = /^[\s，,；;。]*(?:收费)?(?:依据|根据|按照)[：:]?\s*(.+?)[\s。；;，,]*$/;

/** The fees a line names, each with the basis the line gives after them. */
function lineFees(line: string): { items: Array<Record<string, unknown>>; rest: string } {
  const plain = halfWidthDigits(line);
  const found = [...plain.matchAll(FEE)];
  const last = found[found.length - 1];
  const after = last ? plain.slice(last.index + last[0].length) : '';
  const basis = BASIS_AFTER.exec(after)?.[1];
  const items = found.map((fee) => ({
    item: fee[1]!,
    amount: Number(fee[3]),
    ...((fee[4] ?? fee[2]) ? { unit: `每${fee[4] ?? fee[2]}` } : {}),
    ...(fee[5] ? { waiver: fee[5] } : {}),
    ...(basis ? { basis } : {}),
  }));
  const rest = (basis ? plain.slice(0, plain.length - after.length) : plain).replace(FEE, '').replace(ITEM_MARK, '');
  return { items, rest };
}

const fees: Reader = (lines, labels) => {
  const whole = lines.join('');
  const free = (line: string) => longestFirst(labels.free_words).some((word) => line.trim().startsWith(word));
  // Only the lines that say it is free, or name a fee, are read: the others are kept.
  if (free(whole) || FREE.test(whole))
    return { value: { free: true }, leftover: lines.filter((line) => !free(line) && !FREE.test(line)) };
  const value: unknown[] = [];
  const leftover: string[] = [];
  for (const line of lines) {
    const { items, rest } = lineFees(line);
    value.push(...items);
    // A line that says more than its fees and their basis is kept as written as well.
    if (items.length === 0 || saysMore(rest, [])) leftover.push(line);
  }
  return value.length > 0 ? { value, leftover } : { leftover: lines };
};

// Pieces of a material's description that say what form, how many copies and whether it is needed.
const ATTRIBUTE =
  /原件|复印件|电子版?|扫描件|纸质版?|(?:\d+|[一二两三四五六七八九十]+)份|各|情形必要|非必要|非必须|非必需|必要|必须|必需|容缺|选填|A[345]纸?|[、，,；;：:\s]/g;
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

const GLUED_ATTRIBUTES =
  /(?:(?:原件|复印件)(?:[和及、](?:原件|复印件))?(?:各)?(?:\d+|[一二两三四五六七八九十]+)?[份张]?|(?:\d+|[一二两三四五六七八九十]+)[份张])[。；;，,\s]*$/;
// 「委托他人办理的，提供授权委托书」「属于海关监管的机动车，还应当提交海关出具的…证明书」
const CONDITIONAL =
  /^(?:(.{2,30}?的)[，,]\s*(?:还)?(?:应当|需要|需|须|应)?(?:提供|提交|出具|携带)?|(.{2,30}?)[，,]\s*(?:还)?(?:应当|需要|需|须|应)?(?:提供|提交|出具|携带))(.{2,})$/;
const REQUIREMENT = /盖章|签字|签名|加盖|手印/;
// A remark that says when the material is needed: 「委托他人办理的提供」「委托代理人办理时」.
const CASE = /^(.{2,40}?(?:的|时))\s*(?:还)?(?:应当|需要|需|须|应)?(?:提供|提交|出具|携带)?$/;
const CASE_VERB = /^(.{2,40}?)\s*(?:还)?(?:应当|需要|需|须|应)?(?:提供|提交|出具|携带)$/;
const ISSUED_BY = /^由(.{2,20}?)(?:出具|开具|核发|提供)$/;

/** A material's description split into cells: tabs, 「|」, or the words after the name when they are attributes. */
function materialCells(item: string): string[] {
  const cells = item
    .split(/\t+|\s*[|｜]\s*/)
    .map((cell) => cell.trim())
    .filter(Boolean);
  if (cells.length > 1) return cells;
  // 「解除劳动合同证明 原件 1份 必要 用人单位已报送的，无需提供」
  const words = item.split(/\s+/);
  const at = words.findIndex((word, index) => index > 0 && isAttributeCell(word));
  if (at < 0) return [item];
  const rest = words.slice(at);
  let end = 0;
  while (end < rest.length && isAttributeCell(rest[end]!)) end += 1;
  return [
    words.slice(0, at).join(' '),
    ...rest.slice(0, end),
    ...(end < rest.length ? [rest.slice(end).join(' ')] : []),
  ];
}

/** 「原件」「1份」, or 「情形必要（因病申请的提供）」: attributes with a remark in brackets after them. */
function attributeCell(cell: string): { attributes: string; remark?: string } | undefined {
  if (isAttributes(cell)) return { attributes: cell };
  const bracketed = /^(.+?)[（(]([^（）()]+)[)）]$/.exec(cell);
  return bracketed && isAttributes(bracketed[1]!) ? { attributes: bracketed[1]!, remark: bracketed[2]! } : undefined;
}
const isAttributeCell = (cell: string) => attributeCell(cell) !== undefined;

interface MaterialRemark {
  situation?: string;
  issuer?: string;
  source?: string;
  requirement?: string;
  note?: string;
}

/** What a remark on a material says: when it is needed, who issues it, a requirement, or a note. */
function readRemark(text: string, labels: PageLabels, need: string | undefined): MaterialRemark {
  const remark = text.trim();
  if (remark === '' || labels.material_values.links.includes(remark)) return {};
  const issued = ISSUED_BY.exec(remark);
  if (issued)
    return { issuer: issued[1]!, source: lookUp(issued[1]!, labels.material_values.issuers) ?? '其他单位出具' };
  if (need === undefined || need === '情形必要') {
    const when = CASE.exec(remark) ?? (need === '情形必要' ? CASE_VERB.exec(remark) : null);
    if (when) return { situation: when[1]! };
    // A remark on a material the page says is not always needed says when it is.
    if (need === '情形必要' && !REQUIREMENT.test(remark)) return { situation: remark };
  }
  return REQUIREMENT.test(remark) ? { requirement: remark } : { note: remark };
}

/** What a material table's columns or a list item's cells give besides the name. */
interface GivenAttributes {
  need?: string;
  form?: unknown;
  copies?: number;
  source?: string;
  paper?: string;
  remarks?: string[];
}

/** One line of a material list: name, then form, copies and need where the text says them. */
export function readMaterial(item: string, labels: PageLabels, given: GivenAttributes = {}): Record<string, unknown> {
  const [first = '', ...more] = materialCells(item.trim().replace(/[。；;，,.．\s]+$/, ''));
  const attributes: string[] = [];
  const remarks: string[] = [];
  for (const cell of more) {
    const read = attributeCell(cell);
    if (read) attributes.push(read.attributes);
    if (read?.remark) remarks.push(read.remark);
    if (!read) remarks.push(cell);
  }
  let name = first.replace(/[。；;，,.．\s]+$/, '');
  // A bracket that says form, copies or need is read; what else it says is a remark. A bracket
  // that says nothing of these stays in the name (营业执照（副本）) unless it ends the name and reads
  // as a remark: a requirement, a case, a list, or what follows form and copies.
  name = name.replace(/[（(]([^（）()]*)[)）]/g, (whole, inside: string, offset: number, all: string) => {
    const parts = inside
      .split(/[，,；;]/)
      .map((part) => part.trim())
      .filter(Boolean);
    if (!parts.some(isAttributes)) {
      const last = offset + whole.length === all.length;
      const before = all.slice(0, offset);
      const remark =
        REQUIREMENT.test(inside) ||
        (last && (/[，,、；;]/.test(inside) || CASE.test(inside) || GLUED_ATTRIBUTES.test(before)));
      if (!remark) return whole;
      remarks.push(inside);
      return '';
    }
    for (const part of parts) (isAttributes(part) ? attributes : remarks).push(part);
    return '';
  });
  // 「居民身份证 原件1份」「居民身份证，原件、复印件各1份」: the tail after a space or comma.
  const tail = /^(.+?)[\s，,；;]+([^\s，,；;].*)$/.exec(name);
  if (tail && isAttributes(tail[2]!)) {
    attributes.push(tail[2]!);
    name = tail[1]!;
  }
  // 「居民身份证原件1份」「近期免冠照片3张」: form and count glued to the name.
  const glued = GLUED_ATTRIBUTES.exec(name);
  if (glued && glued.index >= 2) {
    attributes.push(glued[0].replace(/张$/, '份'));
    name = name.slice(0, glued.index);
  }
  name = name.replace(/[。；;，,\s]+$/, '').trim();
  let situation: string | undefined;
  const conditional = CONDITIONAL.exec(name);
  if (conditional) {
    situation = (conditional[1] ?? conditional[2])!;
    name = conditional[3]!.trim();
  }
  if (/^《[^《》]+》$/.test(name)) name = name.slice(1, -1);
  const found = attributesOf(attributes.join('，'), labels);
  let need = given.need ?? (situation ? '情形必要' : (found.need as string | undefined));
  let source = given.source;
  const issuers: string[] = [];
  const requirements: string[] = [];
  const notes: string[] = [];
  for (const text of [...remarks, ...(given.remarks ?? [])]) {
    const remark = readRemark(text, labels, need);
    if (remark.situation && !situation) {
      situation = remark.situation;
      need ??= '情形必要';
    } else if (remark.situation) notes.push(text);
    if (remark.issuer) issuers.push(remark.issuer);
    source ??= remark.source;
    if (remark.requirement) requirements.push(remark.requirement);
    if (remark.note) notes.push(remark.note);
  }
  // 情形必要 needs its case; without one the page's word is kept as a note, not a need the schema refuses.
  if (need === '情形必要' && !situation) {
    need = undefined;
    notes.unshift('非必要');
  }
  const form = given.form ?? found.form;
  const copies = given.copies ?? found.copies;
  const paper = given.paper ?? found.paper;
  return {
    name,
    ...(need ? { need } : {}),
    ...(situation ? { situation } : {}),
    ...(form ? { form } : {}),
    ...(copies ? { copies } : {}),
    ...(source ? { source } : {}),
    ...(issuers.length > 0 ? { issuer: issuers.join('；') } : {}),
    ...(requirements.length > 0 ? { requirements: requirements.join('；') } : {}),
    ...(paper ? { paper } : {}),
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
  const need = cell('need') ? attributeCell(cell('need')!) : undefined;
  const form = cell('form') ? attributesOf(cell('form')!, labels).form : undefined;
  const copies = cell('copies') ? parseChineseCount(cell('copies')!)?.value : undefined;
  const source = cell('source') && lookUp(cell('source')!, labels.material_values.source);
  const needWord = cell('need') && lookUp(need ? need.attributes : cell('need')!, labels.material_values.need);
  return readMaterial(nameCell, labels, {
    ...(needWord ? { need: needWord } : {}),
    ...(form ? { form } : {}),
    ...(copies ? { copies } : {}),
    ...(source ? { source } : {}),
    ...(cell('paper') ? { paper: cell('paper') } : {}),
    remarks: [...(need?.remark ? [need.remark] : []), ...(cell('note') ? [cell('note')!] : [])],
  });
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
  // 「补发申请表」 then 「原件 1份」 on the next line: the form and copies of the material above.
  const joined = items.reduce<string[]>((list, item) => {
    if (list.length > 0 && isAttributeCell(item)) list[list.length - 1] += `\t${item}`;
    else list.push(item);
    return list;
  }, []);
  return joined.length === 0
    ? { leftover: lines }
    : { value: joined.map((item) => readMaterial(item, labels)), leftover };
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

/**
 * 特别程序: each line a procedure with its duration — 「残疾评定，时限15个工作日，不计入办理时限」,
 * 「公示：各公示7个自然日，公示时间不计入办理时限」 — named by its first words or by its label
 * (公示期). A line without a duration is left over.
 */
const procedures: Reader = (lines, _labels, _choice, procedure) => {
  const value: unknown[] = [];
  const leftover: string[] = [];
  for (const line of listItems(lines).items) {
    const found = readDuration(amountInText(halfWidthDigits(line))?.written ?? '');
    const named = /^([^：:，,。；;\d]{2,12})[：:，,]/.exec(line)?.[1]?.trim();
    const name = named ?? procedure;
    if (!found || !name) {
      leftover.push(line);
      continue;
    }
    const counts = /不计入|不计算在|不包括在|不含在/.test(line) ? false : /计入/.test(line) ? true : undefined;
    value.push({ name, duration: found, ...(counts === undefined ? {} : { counts_toward_limit: counts }) });
  }
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
  laws,
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
  procedures,
};

/** Kinds whose value may run over several lines: every line up to the next label belongs to it. */
export const BLOCK_KINDS: ReadonlySet<ValueKind> = new Set([
  'list',
  'laws',
  'materials',
  'steps',
  'fees',
  'faq',
  'procedures',
]);
