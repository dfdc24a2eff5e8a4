import { displayPath } from '@baihua/core';
import { lintFiles } from '@baihua/lint';
import { MIN_SCORED_CHARACTERS, UNSCORED, type Readability } from '@baihua/plain';
import stringWidth from 'string-width';
import { UsageError } from './errors.js';

export interface StatsOptions {
  format: string;
  sections?: boolean;
  config?: string;
}

const COLUMNS = ['S1', 'S2', 'L1', 'L2', 'B'] as const;
const HEADINGS = ['易读分', '等级', '句长', '长句', '难词', '生僻字', '公文腔'];

function pad(text: string, width: number, right = false): string {
  const space = ' '.repeat(Math.max(0, width - stringWidth(text)));
  return right ? space + text : text + space;
}

type Row = string[];

function row(name: string, readability: Readability): Row {
  // Too little prose: no score, and ratios of nothing would only mislead.
  if (!readability.scored) return [name, '—', readability.band, ...COLUMNS.map(() => '—')];
  const ratio = (id: (typeof COLUMNS)[number]) => {
    const component = readability.components.find((candidate) => candidate.id === id)!;
    return `${component.ratio.toFixed(2)}×`;
  };
  return [name, String(readability.score), readability.band, ...COLUMNS.map(ratio)];
}

/**
 * `baihua stats PATHS`: the readability of each guide as a table, each component shown as its
 * ratio to the target (1.00× is on target, above is harder), with a mean row.
 */
export async function runStats(patterns: string[], options: StatsOptions): Promise<string> {
  const results = await lintFiles({
    patterns: patterns.length ? patterns : ['guides'],
    ...(options.config && { configFile: options.config }),
  });
  const measured = results.filter((result) => result.stats);
  if (measured.length === 0)
    throw new UsageError('没有可以打分的指南：请确认配置里开着 plain/* 规则，并且指南能正常读取');
  if (options.format === 'json') {
    return `${JSON.stringify(
      measured.map((result) => ({ filePath: result.filePath, readability: result.stats!.readability })),
      null,
      2,
    )}\n`;
  }
  const rows: Row[] = [];
  for (const result of measured) {
    const readability = result.stats!.readability;
    rows.push(row(displayPath(result.filePath), readability));
    if (options.sections) for (const section of readability.sections) rows.push(row(`  ${section.title}`, section));
  }
  const scores = measured.flatMap((result) => result.stats!.readability.score ?? []);
  const unscored = measured.length - scores.length;
  const tooShort = `不到 ${MIN_SCORED_CHARACTERS} 个汉字，${UNSCORED}`;
  const mean = () => Math.round(scores.reduce((sum, score) => sum + score, 0) / scores.length);
  const summary =
    scores.length === 0
      ? `${measured.length === 1 ? '这份指南' : `${measured.length} 份指南都`}${tooShort}`
      : `${measured.length} 份指南，平均易读分 ${mean()}${unscored ? `（${unscored} 份${tooShort}）` : ''}`;
  const header = ['文件', ...HEADINGS];
  const widths = header.map((title, column) =>
    Math.max(stringWidth(title), ...rows.map((cells) => stringWidth(cells[column]!))),
  );
  const format = (cells: Row) =>
    cells.map((cell, column) => pad(cell, widths[column]!, column > 0 && column !== 2)).join('  ');
  return [
    format(header),
    ...rows.map(format),
    '',
    `${summary}。各项是与目标的比值：句长目标 25 字，长句目标 40 字，难词目标每百词 8 个，生僻字目标每百字 0.5 个，公文腔目标每百字 1 个；1.00× 以上比目标难。`,
    '',
  ].join('\n');
}
