/**
 * commander reports command-line mistakes in English; clerks read Chinese. Each known message
 * becomes one Chinese line; an unknown one keeps its English text.
 */
const translations = (commands: readonly string[]): Array<[RegExp, (...groups: string[]) => string]> => [
  [
    /unknown option '([^']+)'(?:\s*\(Did you mean (.+)\?\))?/,
    (option, guess) => `不认识的选项 ${option}${guess ? `，是不是想写 ${guess}？` : ''}`,
  ],
  [
    /unknown command '([^']+)'(?:\s*\(Did you mean (.+)\?\))?/,
    (command, guess) =>
      `不认识的命令 ${command}${guess ? `，是不是想写 ${guess}？` : `，可用的有 ${commands.join('、')}`}`,
  ],
  [
    /option '([^']+)' argument '([^']*)' is invalid\. Allowed choices are (.+)\./,
    (option, value, choices) => `选项 ${option} 的值「${value}」不对，可用的有 ${choices.replaceAll(', ', '、')}`,
  ],
  [/option '([^']+)' argument missing/, (option) => `选项 ${option} 后面要写一个值`],
  [/required option '([^']+)' not specified/, (option) => `缺少必需的选项 ${option}`],
  [/missing required argument '([^']+)'/, (argument) => `缺少参数 ${argument}`],
  [/too many arguments(?: for '([^']+)')?/, (command) => `${command ? `${command} 命令的` : ''}参数太多了`],
];

/** `commands`: the program's command names, offered when a command is not known. */
export function translateCommanderError(text: string, commands: readonly string[]): string {
  const message = text.replace(/^error:\s*/i, '').trim();
  for (const [pattern, translate] of translations(commands)) {
    const match = pattern.exec(message);
    if (match) return `baihua: ${translate(...match.slice(1).map((group) => group ?? ''))}（加 --help 查看用法）\n`;
  }
  return `baihua: ${message}（加 --help 查看用法）\n`;
}
