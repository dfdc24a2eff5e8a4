import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '@baihua/lint';
import { exportDictionary, type DictionaryFormat } from '@baihua/plain';
import { UsageError } from './errors.js';

export interface DictExportOptions {
  format: string;
  output?: string;
}

/**
 * `baihua dict export`: the plain rules' word lists for textlint-rule-prh (one file, to stdout or
 * `-o FILE`) or as Vale substitution styles (one file per rule, into `-o DIR`).
 */
export function exportDict(options: DictExportOptions): string {
  if (options.format !== 'prh' && options.format !== 'vale')
    throw new UsageError(`--format 只能是 prh 或 vale，现在是「${options.format}」`);
  const files = exportDictionary(options.format as DictionaryFormat);
  if (options.format === 'vale') {
    if (!options.output)
      throw new UsageError('--format vale 要用 -o 指定一个目录（Vale 的 styles/Baihua），每条规则写成一个文件');
    mkdirSync(options.output, { recursive: true });
    for (const [name, text] of files) writeFileAtomic(join(options.output, name), text);
    return `✔ 写了 ${files.size} 个 Vale 样式文件 → ${options.output}\n`;
  }
  const [text] = files.values();
  if (!options.output) return text!;
  writeFileAtomic(options.output, text!);
  return `✔ 写了 prh 词典 → ${options.output}\n`;
}
