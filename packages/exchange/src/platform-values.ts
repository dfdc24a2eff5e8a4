// The platform's ways of writing a value inside one cell, read and written: numbered lists, steps,
// hours, fee standards (amounts of time, read the same on pages, are in chinese-values.ts). Pure
// functions; which column uses which is platform.yaml's business.
import { halfWidthDigits } from '@baihua/core';

/** A list number at the start of an item: 1. 1、 1） （1） 一、 ① */
const ITEM_NUMBER =
  /^\s*(?:[（(]\s*[0-9０-９一二三四五六七八九十]+\s*[)）]|[0-9０-９]+\s*[.．、)）](?!\d)|[一二三四五六七八九十]+\s*[、．]|[①-⑳])\s*/;

export interface Items {
  items: string[];
  /** several numbered items were written on one line and split at their numbers */
  splitInline: boolean;
}

/**
 * The items of a numbered cell: one per numbered line, a line without a number continuing the
 * item above; without any number, one item per line. Items numbered 1, 2, 3 … on one line are
 * split at their numbers.
 */
export function numberedItems(text: string): Items {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (lines.length === 1) {
    const inline = inlineItems(lines[0] as string);
    if (inline) return { items: inline, splitInline: true };
  }
  const numbered = lines.some((line) => ITEM_NUMBER.test(line));
  const items: string[] = [];
  for (const line of lines) {
    const marked = ITEM_NUMBER.exec(line);
    if (marked || !numbered || items.length === 0) items.push(line.slice(marked ? marked[0].length : 0).trim());
    else items[items.length - 1] += `\n${line}`;
  }
  return { items: items.filter((item) => item !== ''), splitInline: false };
}

/** 「1.年满16周岁；2.户籍在本市。」: numbers 1, 2 … in order, each at the start or after a pause. */
function inlineItems(line: string): string[] | undefined {
  const starts: number[] = [];
  const marks = /(^|[；;。，,\s])([0-9０-９]+)[.．、](?!\d)/g;
  for (const match of line.matchAll(marks)) {
    if (Number(halfWidthDigits(match[2] as string)) !== starts.length + 1) continue;
    starts.push((match.index as number) + (match[1] as string).length);
  }
  if (starts.length < 2 || starts[0] !== 0) return undefined;
  return starts.map((start, index) =>
    line
      .slice(start, starts[index + 1])
      .replace(ITEM_NUMBER, '')
      .replace(/[；;，,\s]+$/, '')
      .trim(),
  );
}

export function numberedText(items: readonly string[]): string {
  return items.map((item, index) => `${index + 1}. ${item}`).join('\n');
}

/** A step's title before 「：」, when it is a few words, not a sentence. */
const STEP_TITLE = /^([^：:，。；,;！？\n]{2,15})[：:]\s*([\s\S]+)$/;

export type PlatformStep = string | { title?: string; how: string };

export function parseSteps(text: string): Items & { steps: PlatformStep[] } {
  const parsed = numberedItems(text);
  const steps = parsed.items.map((item): PlatformStep => {
    const titled = STEP_TITLE.exec(item);
    return titled ? { title: (titled[1] as string).trim(), how: (titled[2] as string).trim() } : item;
  });
  return { ...parsed, steps };
}

export function stepsText(steps: readonly unknown[]): string {
  return numberedText(
    steps.map((step) => {
      if (typeof step === 'string') return step;
      const { title, how } = step as { title?: string; how?: string };
      return title ? `${title}：${how ?? ''}` : (how ?? '');
    }),
  );
}

const HOURS = /^\s*[0-9０-９.]+\s*(?:个)?(?:小时|时|分钟)\s*$|^\s*(?:小时|时|分钟)\s*$/;

export function isHours(text: string): boolean {
  return HOURS.test(text);
}

export interface FeeStandard {
  amount: number;
  unit?: string;
}

const MONEY = /^([0-9０-９]+(?:[.．][0-9０-９]+)?)\s*元/;

/** 「20元/证」→ 20, 每证; 「400元/人/年」→ 400, 每人每年; 「10元（按件）」→ 10, 按件; 「免费」→ 0. */
export function parseFeeStandard(text: string): FeeStandard | undefined {
  const value = text.trim();
  if (/^(?:免费|不收费|0)$/.test(value)) return { amount: 0 };
  const plain = /^[0-9０-９]+(?:[.．][0-9０-９]+)?$/.test(value);
  const money = plain ? [value, value] : MONEY.exec(value);
  if (!money) return undefined;
  const amount = Number(halfWidthDigits(money[1] ?? '').replace('．', '.'));
  const rest = value.slice((money[0] ?? '').length).trim();
  if (rest === '') return { amount };
  const per = /^(?:[/／]|每)\s*(\S.*)$/.exec(rest);
  if (per) {
    const parts = (per[1] as string).split(/\s*(?:[/／]|每)\s*/).filter((part) => part !== '');
    if (parts.length > 0 && parts.every((part) => /^[\p{Script=Han}A-Za-z]{1,6}$/u.test(part)))
      return { amount, unit: parts.map((part) => `每${part}`).join('') };
    return undefined;
  }
  const bracketed = /^[（(]([^（）()]+)[)）]$/.exec(rest);
  return bracketed ? { amount, unit: (bracketed[1] as string).trim() } : undefined;
}

export function feeStandardText(amount: number | undefined, unit: string | undefined): string {
  if (amount === undefined) return '';
  if (!unit) return `${amount}元`;
  if (/^(?:每[^每/／]+)+$/.test(unit)) return `${amount}元/${unit.split('每').filter(Boolean).join('/')}`;
  return `${amount}元（${unit}）`;
}
