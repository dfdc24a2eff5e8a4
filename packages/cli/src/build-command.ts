import { formatters } from '@baihua/lint';
import { publish } from '@baihua/publish';
import { CHROMIUM_MISSING, TARGETS, type Target } from '@baihua/render';
import { UsageError } from './errors.js';
import type { CommandOutput } from './lint-command.js';

export interface BuildOptions {
  out: string;
  targets: string;
  templates?: string;
  siteUrl?: string;
  config?: string;
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

/** `baihua build`: lint, and when nothing is an error, render every target into `--out`. */
export async function runBuild(patterns: string[], options: BuildOptions, version: string): Promise<CommandOutput> {
  const targets = parseTargets(options.targets);
  const waiting = () =>
    process.stderr.write(`baihua: 另一个 baihua build 正在生成 ${options.out}，等它完成后再开始…\n`);
  const { run, failed, site, printed, chromiumMissing } = await publish({
    patterns: patterns.length ? patterns : ['guides'],
    targets,
    out: { path: options.out, onWait: waiting },
    toolVersion: version,
    ...(options.config && { configFile: options.config }),
    ...(options.templates && { templates: options.templates }),
    ...(options.siteUrl && { siteUrl: options.siteUrl }),
  });
  if (failed.length || !site) {
    const report = formatters.stylish(failed, { cwd: process.cwd(), color: false, version });
    return {
      stdout: `${report}\n有 ${failed.length} 份指南还有错误，没有生成网站（${options.out} 保持原样）。修好后再运行 baihua build\n`,
      exitCode: 1,
    };
  }
  const pages = (target: Target) =>
    [...site.files.keys()].filter((path) => path.startsWith(`${target}/`) && path.endsWith('.html')).length;
  const bundled = () => [...site.files.keys()].filter((path) => path.startsWith('bundle/guides/')).length;
  const counts = targets.map((target) =>
    target === 'bundle' ? `bundle ${bundled()} 份` : `${target} ${pages(target)} 页`,
  );
  const pdfs =
    site.handouts.length && !chromiumMissing ? `，PDF ${site.handouts.length} 份（新打印 ${printed ?? 0} 份）` : '';
  const stdout = `✔ 生成了 ${run.guides.length} 份指南：${counts.join('，')}${pdfs} → ${options.out}\n`;
  if (chromiumMissing) return { stdout: `${stdout}✖ ${CHROMIUM_MISSING}\n`, exitCode: 1 };
  return { stdout, exitCode: 0 };
}
