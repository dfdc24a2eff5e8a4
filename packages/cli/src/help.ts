/**
 * The help of `baihua` and its commands in Chinese: commander's titles, usage placeholders,
 * defaults and choices, and a layout measured in terminal columns (a Chinese character takes two)
 * that wraps Chinese text between words, as commander only wraps at spaces.
 */
import type { Argument, Command, Help, HelpConfiguration, Option } from 'commander';
import stringWidth from 'string-width';

/** commander's headings, which it passes through styleTitle */
const TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Arguments:': '参数：',
  'Options:': '选项：',
  'Global Options:': '全局选项：',
  'Commands:': '命令：',
};

/** what a line may not start with (closing punctuation) or end with (opening punctuation) */
const NO_LINE_START = /^[，。、；：！？）」』》〉】…,.;:!?)\]}]/u;
const NO_LINE_END = /[（「『《〈【([{]$/u;
/** a word, an option or a path in Latin letters is never cut: `--format`, `textlint-rule-prh` */
const LATIN_END = /[\x21-\x7e]$/;
const LATIN_START = /^[\x21-\x7e]/;

const words = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/** The pieces a line may break between. */
function breakUnits(line: string): string[] {
  const units: string[] = [];
  for (const { segment } of words.segment(line)) {
    const last = units.at(-1);
    const joined =
      last !== undefined &&
      (NO_LINE_START.test(segment) || NO_LINE_END.test(last) || (LATIN_END.test(last) && LATIN_START.test(segment)));
    if (joined) units[units.length - 1] = last + segment;
    else units.push(segment);
  }
  return units;
}

function wrapLine(line: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const unit of breakUnits(line)) {
    if (current.trim() && stringWidth(current + unit) > width) {
      lines.push(current.trimEnd());
      current = unit.trimStart();
    } else current += unit;
  }
  return [...lines, current.trimEnd()];
}

const argumentTerm = (argument: Argument) =>
  argument.required
    ? `<${argument.name()}${argument.variadic ? '...' : ''}>`
    : `[${argument.name()}${argument.variadic ? '...' : ''}]`;

/** 「（可选：json、table；默认：table）」 after a description */
function withDetails(description: string, details: string[]): string {
  return details.length ? `${description}（${details.join('；')}）` : description;
}

const choices = (values: readonly string[] | undefined) => (values ? [`可选：${values.join('、')}`] : []);

const defaultText = (value: unknown, description: string | undefined) =>
  `默认：${description ?? (typeof value === 'string' ? value : JSON.stringify(value))}`;

export const chineseHelp: HelpConfiguration = {
  styleTitle: (title: string) => TITLES[title] ?? title,

  commandUsage(this: Help, command: Command): string {
    const names: string[] = [];
    for (let ancestor: Command | null = command; ancestor; ancestor = ancestor.parent) names.unshift(ancestor.name());
    const usage = [
      ...names,
      ...(this.visibleOptions(command).length ? ['[选项]'] : []),
      ...(command.commands.length ? ['[命令]'] : []),
      ...command.registeredArguments.map(argumentTerm),
    ];
    return usage.join(' ');
  },

  subcommandTerm(command: Command): string {
    const options = command.options.length ? ['[选项]'] : [];
    return [command.name(), ...options, ...command.registeredArguments.map(argumentTerm)].join(' ');
  },

  optionDescription(option: Option): string {
    // As commander: a default is shown for options that take a value, not for on/off switches.
    const showDefault =
      option.defaultValue !== undefined &&
      (option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean'));
    return withDetails(option.description, [
      ...choices(option.argChoices),
      ...(showDefault ? [defaultText(option.defaultValue, option.defaultValueDescription)] : []),
    ]);
  },

  argumentDescription: (argument: Argument) =>
    withDetails(argument.description, [
      ...choices(argument.argChoices),
      ...(argument.defaultValue !== undefined
        ? [defaultText(argument.defaultValue, argument.defaultValueDescription)]
        : []),
    ]),

  displayWidth: (text: string) => stringWidth(text),

  boxWrap(this: Help, text: string, width: number): string {
    if (width < this.minWidthToWrap) return text;
    return text
      .split(/\r?\n/)
      .flatMap((line) => wrapLine(line, width))
      .join('\n');
  },
};
