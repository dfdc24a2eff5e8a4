// Ways of writing a value that both readers meet: the platform's table cells (platform-import.ts)
// and the labelled fields of a saved guide page (page-values.ts). One reading of an amount of time
// and its unit, so 「15个工作日」「3个月」「即办」 mean the same in a sheet and on a page. The unit
// words are platform.yaml's `units`, one list for both.
import { parseChineseCount } from '@baihua/core';
import { timeUnits } from './platform-spec.js';

export type Unit = '工作日' | '自然日' | '月';

export interface Amount {
  amount: number;
  unit: Unit;
}

/** A unit as written (工作日, 天, 个月, 个工作天 …), or undefined. */
export function timeUnit(text: string): Unit | undefined {
  const word = text.replace(/\s/g, '');
  return timeUnits[word] ?? timeUnits[word.replace(/^个/, '')];
}

/** A whole number of days or months: 15, １５, 十五 (a cell or a capture holding nothing else). */
export function count(text: string): number | undefined {
  const parsed = parseChineseCount(text);
  return parsed && parsed.rest === '' ? parsed.value : undefined;
}

const COUNT = '[0-9０-９]+|[零〇一二两三四五六七八九十百]+';
// Each unit word, and with 个 before it (个工作天), longest first.
const UNIT = [...new Set(Object.keys(timeUnits).flatMap((word) => [word, word.replace(/^(?!个)/, '个')]))]
  .sort((a, b) => b.length - a.length)
  .join('|');
/** 「15个工作日」「3 个月」「十五日」「10个工作天」, and on pages 「15（工作日）」 */
const AMOUNT_WITH_UNIT = new RegExp(`^(${COUNT})\\s*(${UNIT})$`);
const AMOUNT_IN_TEXT = new RegExp(`(${COUNT})\\s*[（(]?\\s*(${UNIT})[)）]?`);

function amountOf(match: RegExpExecArray | null): Amount | undefined {
  if (!match) return undefined;
  const amount = count(match[1]!);
  const unit = timeUnit(match[2]!);
  return amount === undefined || unit === undefined ? undefined : { amount, unit };
}

/** 「15个工作日」 as a whole cell, unit and all. */
export function amountWithUnit(text: string): Amount | undefined {
  return amountOf(AMOUNT_WITH_UNIT.exec(text.trim()));
}

/** The first 「15个工作日」 in a text, with where it is written (`index`, `written`). */
export function amountInText(text: string): (Amount & { index: number; written: string }) | undefined {
  const match = AMOUNT_IN_TEXT.exec(text);
  const amount = amountOf(match);
  return amount && match ? { ...amount, index: match.index, written: match[0] } : undefined;
}

/** Words that say a service is done at once: 0 working days. */
export const AT_ONCE = /即时办结|立即办结|当场办结|当场办理|即办|即时|当场/;

/** A cell that says only that it is done at once. */
export const isAtOnce = (text: string) => new RegExp(`^(?:${AT_ONCE.source})$`).test(text.trim());
