import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { isInside, realPath, UsageError, type SiteIdentity } from '@baihua/core';
import { configForPath } from '@baihua/lint';
import { DEFAULT_TEMPLATES } from '@baihua/render';
import { inputPath } from './site-output.js';

export interface TemplatesChoice {
  /** the guides' paths and globs as given on the command line */
  patterns: string[];
  /** `--templates` */
  option?: string;
  /** `-c`: one configuration file instead of the cascade */
  configFile?: string;
}

/** The directory a path on the command line stands for: itself, a file's folder, a glob's folder up to its wildcard. */
function inputDirectory(pattern: string): string {
  const path = resolve(inputPath(pattern));
  return existsSync(path) && statSync(path).isDirectory() ? path : dirname(path);
}

/**
 * The site's templates: `--templates`, else the `templates` of the configuration of what the
 * command line names (each path's directory, configured as a guide in it would be; with `-c`,
 * that file), else Baihua's own. Not a guide's configuration: a site has one look, and which guide
 * comes first must not choose it. Paths whose configurations name different templates are a
 * usage error. A directory given on the command line must be inside the project (the working
 * directory), also when its symlinks are followed. Either way it must hold `partials/` and `assets/`.
 */
export function siteTemplates({ patterns, option, configFile }: TemplatesChoice): string {
  let directory: string;
  if (option) {
    directory = resolve(option);
    if (!isInside(realPath(directory), realPath(process.cwd()))) {
      throw new UsageError(`--templates 要指向项目里的目录，现在是 ${option}`);
    }
  } else {
    const named = new Map<string, string>();
    for (const pattern of patterns) {
      const { templates } = configForPath(join(inputDirectory(pattern), 'baihua.config.yaml'), configFile);
      named.set(templates ?? DEFAULT_TEMPLATES, pattern);
    }
    if (named.size > 1) {
      const [first, second] = [...named.values()];
      const advice = '一个网站只能用一套：请分开生成，或者用 --templates 指定';
      throw new UsageError(`${first} 和 ${second} 的配置指定了不同的模板（templates），${advice}`);
    }
    directory = [...named.keys()][0] ?? DEFAULT_TEMPLATES;
  }
  for (const part of ['partials', 'assets']) {
    if (!existsSync(join(directory, part)) || !statSync(join(directory, part)).isDirectory()) {
      const shown = relative(process.cwd(), directory) || '.';
      throw new UsageError(`模板目录 ${shown} 里缺少 ${part}/：请复制 templates/site 后再修改`);
    }
  }
  return directory;
}

export interface SiteChoice {
  /** the guides' paths and globs as given on the command line */
  patterns: string[];
  /** `-c`: one configuration file instead of the cascade */
  configFile?: string;
}

/**
 * The site's identity (header, footer, feedback link): the `site:` section of the configuration
 * of what the command line names, found as the templates are. Paths whose configurations say
 * different things are a usage error: a site has one name.
 */
export function siteIdentity({ patterns, configFile }: SiteChoice): SiteIdentity | undefined {
  const named = new Map<string, { site: SiteIdentity | undefined; pattern: string }>();
  for (const pattern of patterns) {
    const { site } = configForPath(join(inputDirectory(pattern), 'baihua.config.yaml'), configFile);
    named.set(JSON.stringify(site ?? null), { site, pattern });
  }
  if (named.size > 1) {
    const [first, second] = [...named.values()];
    const advice = '一个网站只能有一套网站信息：请分开生成，或者用 -c 指定同一个配置文件';
    throw new UsageError(`${first!.pattern} 和 ${second!.pattern} 的配置里网站信息（site）不同，${advice}`);
  }
  return [...named.values()][0]?.site;
}
