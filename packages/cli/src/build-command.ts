import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { parseGuide, readGuideFile } from '@baihua/core';
import { formatters, lintFiles } from '@baihua/lint';
import { DEFAULT_TEMPLATES, renderSite, TARGETS, type Target } from '@baihua/render';
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
  const names = list.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !TARGETS.includes(name as Target));
  if (unknown.length || !names.length) throw new UsageError(`--targets 只能是 ${TARGETS.join('、')}（用逗号分开），现在是「${list}」`);
  return names as Target[];
}

/** A templates directory must be inside the project, laid out like templates/site. */
function templatesDirectory(option: string | undefined): string {
  if (!option) return DEFAULT_TEMPLATES;
  const directory = resolve(option);
  const inside = relative(process.cwd(), directory);
  if (inside.startsWith('..') || isAbsolute(inside)) throw new UsageError(`--templates 要指向项目里的目录，现在是 ${option}`);
  for (const part of ['partials', 'assets']) {
    if (!existsSync(join(directory, part)) || !statSync(join(directory, part)).isDirectory()) {
      throw new UsageError(`模板目录 ${option} 里缺少 ${part}/：请复制 templates/site 后再修改`);
    }
  }
  return directory;
}

/**
 * Writes every file into a new directory next to `out`, then swaps it in: a build that fails
 * half way leaves the previous site as it was.
 */
function writeSite(out: string, files: Map<string, string>): void {
  const target = resolve(out);
  const building = `${target}.building-${process.pid}`;
  const previous = `${target}.previous-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  try {
    for (const [path, content] of files) {
      const file = join(building, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
    if (existsSync(target)) renameSync(target, previous);
    renameSync(building, target);
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    if (!existsSync(target) && existsSync(previous)) renameSync(previous, target);
    throw error;
  }
  rmSync(previous, { recursive: true, force: true });
}

/** `baihua build`: lint, and when nothing is an error, render every target into `--out`. */
export async function runBuild(patterns: string[], options: BuildOptions, version: string): Promise<CommandOutput> {
  const targets = parseTargets(options.targets);
  const templates = templatesDirectory(options.templates);
  const results = await lintFiles({ patterns: patterns.length ? patterns : ['guides'], readabilitySections: false, ...(options.config && { configFile: options.config }) });
  const failed = results.filter((result) => result.errorCount > 0);
  if (failed.length) {
    const report = formatters.stylish(failed, { cwd: process.cwd(), color: false, version });
    return { stdout: `${report}\n有 ${failed.length} 份指南还有错误，没有生成网站（${options.out} 保持原样）。修好后再运行 baihua build\n`, exitCode: 1 };
  }
  const guides = results.map((result) => parseGuide(readGuideFile(result.filePath).file));
  const files = renderSite(guides, { targets, templates, ...(options.siteUrl && { siteUrl: options.siteUrl }) });
  writeSite(options.out, files);
  const counts = targets.map((target) => `${target} ${[...files.keys()].filter((path) => path.startsWith(`${target}/`) && path.endsWith('.html')).length} 页`);
  return { stdout: `✔ 生成了 ${guides.length} 份指南：${counts.join('，')} → ${options.out}\n`, exitCode: 0 };
}
