import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { today } from '@baihua/core';
import { lintRun } from '@baihua/lint';
import { checkOutput, replaceSite, siteIdentity } from '@baihua/publish';
import { REPORT_TEMPLATES, renderReport } from '@baihua/render';
import { UsageError } from './errors.js';
import { parseConcurrency, type CommandOutput } from './lint-command.js';
import { catalogReport } from './report-data.js';
import { historyOf, reportHistory } from './report-history.js';

export interface ReportOptions {
  out: string;
  config?: string;
  cache?: boolean;
  cacheLocation?: string;
  concurrency?: string;
  history?: string;
}

const DEFAULT_TITLE = '办事指南';

/**
 * `baihua report`: the catalog report, `index.html` and `report.json`, written into `--out` as
 * `baihua build` writes a site (whole or not at all, never over what Baihua did not make).
 */
export async function runReport(patterns: string[], options: ReportOptions, version: string): Promise<CommandOutput> {
  const count = options.history === undefined ? undefined : Number(options.history);
  if (count !== undefined && (!Number.isInteger(count) || count < 1))
    throw new UsageError(`--history 要写一个正整数（最近几次提交），现在是「${options.history}」`);
  const history = count === undefined ? undefined : historyOf(process.cwd(), count);
  const targets = patterns.length ? patterns : ['guides'];
  const concurrency = parseConcurrency(options.concurrency ?? 'auto');
  const configFile = options.config;
  const place = checkOutput(options.out, {
    guides: targets,
    templates: REPORT_TEMPLATES,
    ...(configFile && { configFile }),
  });
  const cacheLocation = options.cache || options.cacheLocation ? (options.cacheLocation ?? '.baihuacache') : undefined;
  const run = await lintRun({
    patterns: targets,
    summaries: true,
    readabilitySections: false,
    concurrency,
    ...(configFile && { configFile }),
    ...(cacheLocation && { cacheLocation }),
  });
  const title = siteIdentity({ patterns: targets, ...(configFile && { configFile }) })?.name ?? DEFAULT_TITLE;
  const report = catalogReport(run.results, run.summaries, { title, version, today: today(), cwd: process.cwd() });
  if (history !== undefined) {
    report.history = await reportHistory({
      history,
      patterns: targets,
      concurrency,
      cwd: process.cwd(),
      ...(configFile && { configFile }),
      ...(cacheLocation && { cacheLocation: resolve(cacheLocation) }),
    });
  }
  const html = renderReport(report);
  await replaceSite(
    place,
    async (folder) => {
      await writeFile(join(folder, 'index.html'), html);
      await writeFile(join(folder, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
    },
    () => process.stderr.write(`baihua: 另一个 baihua 正在写 ${options.out}，等它完成后再开始…\n`),
  );
  const { guides, errors, warnings } = report.headline;
  return {
    stdout: `✔ 报告：${guides} 份指南，错误 ${errors} 个，警告 ${warnings} 个 → ${join(options.out, 'index.html')}、${join(options.out, 'report.json')}\n`,
    exitCode: 0,
  };
}
