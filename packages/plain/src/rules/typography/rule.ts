import { isHan, isQuoted, type AnalyzedText } from '../../document.js';
import type { Finding } from '../../findings.js';
import type { PlainRule } from '../plain-rule.js';
import { URL_SOURCE } from '../../url.js';

interface TypographyOptions {
  profile: 'official' | 'technical';
}

const HAN = '\\p{Script=Han}';
const FULL_WIDTH: Record<string, string> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '!': '！',
  '?': '？',
  '(': '（',
  ')': '）',
};

const ADDRESS = new RegExp(`${URL_SOURCE}|[\\w.+-]+@[\\w-]+\\.[\\w.]+`, 'g');

/** URLs and e-mail addresses keep their ASCII punctuation. */
function protectedRanges(text: string): Array<[number, number]> {
  return [...text.matchAll(ADDRESS)].map((match) => [match.index, match.index + match[0].length]);
}

const isBlank = (code: number) => code === 32 || code === 9;
const isAsciiAlnum = (code: number) =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/** Whether the character at `at` (a code unit index; astral characters by their high half) is Han. */
function hanAt(source: string, at: number): boolean {
  return at >= 0 && at < source.length && isHan(source.codePointAt(at)!);
}

/** Whether the character just before `at` is Han (an astral one ends in a low surrogate). */
function hanBefore(source: string, at: number): boolean {
  const previous = source.charCodeAt(at - 1);
  return previous >= 0xdc00 && previous <= 0xdfff ? hanAt(source, at - 2) : hanAt(source, at - 1);
}

function typography(text: AnalyzedText, options: TypographyOptions): Finding[] {
  const technical = options.profile === 'technical';
  const source = text.text;
  const guarded = protectedRanges(source);
  const inside = (at: number) => guarded.some(([from, to]) => at >= from && at < to) || isQuoted(text, at, at + 1);
  const findings: Finding[] = [];
  type Message = [messageId: string, data?: Record<string, string>];
  const add = (
    start: number,
    end: number,
    [messageId, data = {}]: Message,
    fix: string | undefined,
    suggestion?: string,
  ) => {
    if (inside(start)) return;
    const suggestions = [fix ?? suggestion ?? ''].filter(Boolean);
    findings.push({
      rule: 'plain/typography',
      start,
      end,
      messageId,
      data,
      suggestions,
      ...(fix !== undefined && { fix }),
    });
  };
  // One pass over the characters for the checks that look at a character and its neighbours;
  // the rarer patterns below only run when their characters occur at all.
  for (let at = 0; at < source.length; at++) {
    const code = source.charCodeAt(at);
    if (code === 44 || code === 59 || code === 58 || code === 33 || code === 63) {
      // Half-width , ; : ! ? touching Chinese (9:00, 1,000 and URLs are left alone).
      const before = hanBefore(source, at) || (isBlank(source.charCodeAt(at - 1)) && hanBefore(source, at - 1));
      const after = hanAt(source, at + 1) || (isBlank(source.charCodeAt(at + 1)) && hanAt(source, at + 2));
      const mark = source[at]!;
      if (before || after)
        add(at, at + 1, ['fullWidthPunctuation', { mark, fullWidth: FULL_WIDTH[mark]! }], FULL_WIDTH[mark]);
    } else if (technical) {
      if (isAsciiAlnum(code) && hanBefore(source, at)) add(at, at, ['spaceInTechnical'], ' ');
      if (isAsciiAlnum(code) && hanAt(source, at + 1)) add(at + 1, at + 1, ['spaceInTechnical'], ' ');
    } else if (code === 32 || code === 0xa0) {
      // Spaces between Chinese and letters or digits: none in the official style (周一至周五
      // 9:00 keeps its space before a time).
      let end = at;
      while (source.charCodeAt(end) === 32 || source.charCodeAt(end) === 0xa0) end++;
      const right = source.charCodeAt(end);
      const beforeTime = /^\d{1,2}:\d{2}/.test(source.slice(end, end + 5));
      // A space that sets off an address is wanted: without it the address would run into the Chinese.
      const besideAddress = guarded.some(([from, to]) => to === at || from === end);
      if (
        !besideAddress &&
        ((hanBefore(source, at) && isAsciiAlnum(right) && !beforeTime) ||
          (isAsciiAlnum(source.charCodeAt(at - 1)) && hanAt(source, end)))
      ) {
        add(at, end, ['noSpaceInOfficial'], '');
      }
      at = end - 1;
    }
  }
  if (source.includes('(')) {
    for (const match of source.matchAll(/\(([^()\n]*)\)/g)) {
      const close = match.index + match[0].length - 1;
      const chinese = new RegExp(HAN, 'u');
      if (
        !chinese.test(match[1]!) &&
        !chinese.test(source[match.index - 1] ?? '') &&
        !chinese.test(source[close + 1] ?? '')
      )
        continue;
      add(match.index, match.index + 1, ['fullWidthBracket', { mark: '(', fullWidth: '（' }], '（');
      add(close, close + 1, ['fullWidthBracket', { mark: ')', fullWidth: '）' }], '）');
    }
  }
  if (/[０-９Ａ-Ｚａ-ｚ]/.test(source)) {
    for (const match of source.matchAll(/[０-９Ａ-Ｚａ-ｚ]+/g)) {
      const half = match[0].normalize('NFKC'); // full-width digits and letters only, so nothing else changes
      add(
        match.index,
        match.index + match[0].length,
        ['halfWidthAlphanumeric', { written: match[0], halfWidth: half }],
        half,
      );
    }
  }
  if (source.includes('：')) {
    for (const match of source.matchAll(/(?<=\d)：(?=\d{2})/g)) add(match.index, match.index + 1, ['timeColon'], ':');
  }
  if (source.includes('/') || source.includes('.')) {
    for (const match of source.matchAll(/(?<!\d)(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?!\d)/g)) {
      const written = `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
      add(match.index, match.index + match[0].length, ['date', { date: written }], written);
    }
  }
  if (/[－—–]/.test(source)) {
    for (const match of source.matchAll(/(?<=\d{3,4})[－—–](?=\d{7,8})/g))
      add(match.index, match.index + 1, ['phoneHyphen'], '-');
  }
  if (/[￥¥块]/.test(source)) {
    for (const match of source.matchAll(/[￥¥] ?(\d+(?:\.\d+)?)|(\d+(?:\.\d+)?) ?(?:块钱|块)(?![\p{Script=Han}])/gu)) {
      const amount = match[1] ?? match[2]!;
      add(match.index, match.index + match[0].length, ['amount', { amount }], undefined, `${amount}元`);
    }
  }
  if (source.includes('...') || source.includes('。。。')) {
    for (const match of source.matchAll(/\.{3,}|。{3,}/g))
      add(match.index, match.index + match[0].length, ['ellipsis'], '……');
  }
  return findings.sort((a, b) => a.start - b.start);
}

const rule: PlainRule<TypographyOptions> = {
  id: 'plain/typography',
  messages: {
    fullWidthPunctuation: '中文里要用全角标点：把「{{mark}}」改为「{{fullWidth}}」',
    fullWidthBracket: '中文里要用全角括号：把「{{mark}}」改为「{{fullWidth}}」',
    spaceInTechnical: '技术写法里汉字和数字、字母之间加一个空格',
    noSpaceInOfficial: '公文写法里汉字和数字、字母之间不加空格',
    halfWidthAlphanumeric: '数字和字母用半角：把「{{written}}」改为「{{halfWidth}}」',
    timeColon: '时间里用半角冒号，如 9:00',
    date: '日期写成「{{date}}」',
    phoneHyphen: '电话号码里用半角连字符「-」',
    amount: '金额写成「{{amount}}元」',
    ellipsis: '省略号写成「……」',
  },
  options: {
    type: 'object',
    properties: { profile: { enum: ['official', 'technical'], default: 'official' } },
    additionalProperties: false,
  },
  find: (doc, options) => typography(doc.joined, options),
};

export default rule;
