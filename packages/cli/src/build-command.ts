import { DRAFT } from '@baihua/core';
import { formatters } from '@baihua/lint';
import { mergeShards, parseShard, publish, type Built, type Unpublished } from '@baihua/publish';
import { CHROMIUM_MISSING, TARGETS, type Target } from '@baihua/render';
import { UsageError } from './errors.js';
import { parseConcurrency, type CommandOutput } from './lint-command.js';
import { buildProgress } from './progress.js';

export interface BuildOptions {
  out: string;
  targets: string;
  templates?: string;
  siteUrl?: string;
  config?: string;
  concurrency?: string;
  shard?: string;
}

function parseTargets(list: string): Target[] {
  const names = list
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !TARGETS.includes(name as Target));
  if (unknown.length || !names.length)
    throw new UsageError(`--targets 只能是 ${TARGETS.join('、')}（用逗号分开），现在是「${list}」`);
  return names as Target[];
}

const waiting = (out: string) => () =>
  process.stderr.write(`baihua: 另一个 baihua build 正在生成 ${out}，等它完成后再开始…\n`);

const pageCounts = (pages: Built['pages']) =>
  Object.entries(pages)
    .map(([target, count]) => `${target} ${count} ${target === 'bundle' ? '份' : '页'}`)
    .join('，');

/** 「跳过 2 份草稿、1 份已取消的指南，没有发布」: what the build leaves out by its status, on one line. */
function unpublishedNote(unpublished: readonly Unpublished[]): string {
  const drafts = unpublished.filter(({ status }) => status === DRAFT).length;
  const cancelled = unpublished.length - drafts;
  const parts = [drafts ? `${drafts} 份草稿` : '', cancelled ? `${cancelled} 份已取消的指南` : ''].filter(Boolean);
  return parts.length ? `跳过 ${parts.join('、')}，没有发布\n` : '';
}

/** `baihua build`: lint, and when nothing is an error, render every target into `--out`. */
export async function runBuild(patterns: string[], options: BuildOptions, version: string): Promise<CommandOutput> {
  const targets = parseTargets(options.targets);
  const shard = options.shard === undefined ? undefined : parseShard(options.shard);
  const progress = buildProgress();
  const { failed, unpublished, built, chromiumMissing } = await publish({
    patterns: patterns.length ? patterns : ['guides'],
    targets,
    out: { path: options.out, onWait: waiting(options.out) },
    toolVersion: version,
    concurrency: parseConcurrency(options.concurrency ?? 'auto'),
    onProgress: (done, total) => progress.update(done, total),
    ...(shard && { shard }),
    ...(options.config && { configFile: options.config }),
    ...(options.templates && { templates: options.templates }),
    ...(options.siteUrl && { siteUrl: options.siteUrl }),
  }).finally(() => progress.stop());
  if (failed.length || !built) {
    const report = formatters.stylish(failed, { cwd: process.cwd(), color: false, version });
    return {
      stdout: `${report}\n有 ${failed.length} 份指南还有错误，没有生成网站（${options.out} 保持原样）。修好后再运行 baihua build\n${unpublishedNote(unpublished)}`,
      exitCode: 1,
    };
  }
  const pdfs = built.pdfs ? `，PDF ${built.pdfs} 份（新打印 ${built.printed} 份）` : '';
  const what = shard ? `第 ${shard.index}/${shard.count} 片的 ` : '';
  const stdout =
    `✔ 生成了 ${what}${built.guides} 份指南（重新生成 ${built.rendered} 份，沿用 ${built.reused} 份）` +
    `${built.journeys ? `和 ${built.journeys} 件一件事` : ''}：` +
    `${pageCounts(built.pages)}${pdfs} → ${options.out}\n${unpublishedNote(unpublished)}`;
  if (chromiumMissing) return { stdout: `${stdout}✖ ${CHROMIUM_MISSING}\n`, exitCode: 1 };
  return { stdout, exitCode: 0 };
}

/** `baihua merge`: joins the shards of `baihua build --shard` into one site at `--out`. */
export async function runMerge(dirs: string[], options: { out: string }): Promise<CommandOutput> {
  const merged = await mergeShards(dirs, options.out, waiting(options.out));
  return {
    stdout:
      `✔ 合并了 ${merged.shards} 片，共 ${merged.guides} 份指南${merged.journeys ? `和 ${merged.journeys} 件一件事` : ''}：` +
      `${pageCounts(merged.pages)} → ${options.out}\n`,
    exitCode: 0,
  };
}
