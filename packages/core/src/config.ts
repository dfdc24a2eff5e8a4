import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { escapePointerToken, parseYaml, pointerTokens, type ParsedYaml } from './yaml-source.js';
import { closest } from './closest.js';
import { configSchema, configValidator, type SchemaError } from './schemas.js';
import { ConfigError, FileAccessError } from './errors.js';
import { insideProject, isInside, realPath } from './paths.js';
import { readRegularFile } from './read.js';
import { SourceFile, type Point } from './source.js';

export const CONFIG_FILE_NAMES = ['baihua.config.yaml', 'baihua.config.yml'];

export type Severity = 'off' | 'warn' | 'error';
export type RuleSetting = Severity | [Severity] | [Severity, Record<string, unknown>];

/** What one configuration file (or preset) says. */
export interface ConfigData {
  root?: boolean;
  extends?: string[];
  rules?: Record<string, RuleSetting>;
  ignores?: string[];
  /** every guide of the catalog, for the catalog rules (globs or paths relative to the file) */
  catalog?: string[];
  /** the site templates (a copy of templates/site), relative to the file */
  templates?: string;
  /** whose site it is: the header, footer and feedback link of every page */
  site?: SiteSection;
  /** where each rule's page is published, with {id} for the rule id (SARIF helpUri, rdjson code url) */
  rule_docs_url?: string;
  /** the baseline file of `baihua lint` and the editor, relative to the file */
  baseline?: string;
}

/** The `site:` section as written (schema/config.schema.json describes each key). */
export interface SiteSection {
  name: string;
  sponsor: string;
  organizer?: string;
  contact?: string;
  site_code?: string;
  icp?: string;
  police_record?: string;
  /** relative to the configuration file */
  logo?: string;
  /** the portal's 好差评 page for one service, with {id} and/or {code} in it */
  feedback_url?: string;
}

/**
 * Whose site it is, as the pages show it: names as written, the logo as an absolute path checked
 * to lie in the configuration's directory. Plain JSON, so it reaches render workers and the
 * render key as it is.
 */
export interface SiteIdentity {
  /** 网站名称 */
  name: string;
  /** 主办单位 */
  sponsor: string;
  /** 承办单位 */
  organizer?: string;
  /** 联系方式 */
  contact?: string;
  /** 网站标识码 */
  siteCode?: string;
  /** ICP备案号 */
  icp?: string;
  /** 公安备案号 */
  policeRecord?: string;
  /** the logo file, absolute */
  logo?: string;
  /** 好差评 page of a service: {id} and {code} are replaced by the guide's */
  feedbackUrl?: string;
}

/** A configuration file as read, with a way back to line and column for error messages. */
export interface ConfigLayer {
  /** file path, or `recommended` for a built-in preset */
  path: string;
  data: ConfigData;
  /** where a JSON pointer of this file is, for messages; undefined for built-in presets */
  locate(pointer: string): Point | undefined;
}

export interface RuleConfig {
  severity: Severity;
  options: Record<string, unknown> | undefined;
  /** the file that set this rule last, for messages */
  setBy: ConfigLayer;
}

export interface IgnorePatterns {
  /** directory the patterns are relative to */
  base: string;
  patterns: string[];
}

/** The settings that apply to one guide: every layer merged, nearest last. */
export interface ResolvedConfig {
  rules: Map<string, RuleConfig>;
  ignores: IgnorePatterns[];
  /** the guides the catalog rules compare with, from the nearest layer that names them */
  catalog: IgnorePatterns | undefined;
  /** the site templates directory (absolute), from the nearest layer that names one */
  templates: string | undefined;
  /** the site's identity, from the nearest layer that has a `site:` section */
  site: SiteIdentity | undefined;
  /** each rule's published page, {id} to be replaced, from the nearest layer that names one */
  ruleDocsUrl: string | undefined;
  /** the baseline file (absolute), from the nearest layer that names one */
  baseline: string | undefined;
  /** every configuration file that contributed, farthest first */
  layers: ConfigLayer[];
}

/** A configuration with every rule and long word lists is a few kilobytes; this is far more. */
const MAX_CONFIG_BYTES = 1024 * 1024;

export function readConfigFile(path: string): ConfigLayer {
  let text: string;
  try {
    const read = readRegularFile(path, MAX_CONFIG_BYTES);
    if (read.tooLarge)
      throw new ConfigError(
        `配置文件太大，不能超过 ${MAX_CONFIG_BYTES / 1024 / 1024} MB：请确认是不是放错了文件`,
        path,
      );
    text = read.bytes.toString('utf8');
  } catch (error) {
    if (error instanceof FileAccessError) throw new ConfigError(`无法读取配置文件：${error.message}`, path);
    throw error;
  }
  return configFromText(path, text);
}

/** A configuration file's text checked as one layer: its YAML, then the configuration schema. */
export function configFromText(path: string, text: string): ConfigLayer {
  // JSON is read by the YAML parser too (JSON is YAML), so a broken JSON preset gets a position.
  const file = new SourceFile(path, text);
  const yaml = parseYaml(file, file.text.length);
  const first = yaml.problems[0];
  if (first) throw new ConfigError(first.message, path, file.pointAt(first.range.start));
  return configFromData(path, yaml.data ?? {}, locator(file, yaml));
}

function locator(file: SourceFile, yaml: ParsedYaml) {
  return (pointer: string): Point | undefined => {
    let current = pointer;
    for (;;) {
      const entry = yaml.entries.get(current);
      if (entry) return file.pointAt((entry.keyRange ?? entry.range).start);
      if (current === '') return undefined;
      current = current.slice(0, current.lastIndexOf('/'));
    }
  };
}

/**
 * Checks a configuration against schema/config.schema.json, which `pnpm generate` writes from the
 * rules: every rule id, its setting and its options. The same file completes and checks
 * baihua.config.yaml in an editor.
 */
export function configFromData(path: string, data: unknown, locate: ConfigLayer['locate']): ConfigLayer {
  const validateConfig = configValidator();
  if (!validateConfig(data)) {
    const { message, pointer } = configProblem(data as ConfigData, validateConfig.errors!);
    throw new ConfigError(message, path, locate(pointer));
  }
  return { path, data: data as ConfigData, locate };
}

interface ConfigProblem {
  message: string;
  /** where it is, as a JSON pointer into the file */
  pointer: string;
}

function configProblem(data: ConfigData, errors: SchemaError[]): ConfigProblem {
  const error = errors[0]!;
  if (error.instancePath === '/rules' && error.keyword === 'additionalProperties') {
    return ruleProblem(String(error.params.additionalProperty), data, errors);
  }
  if (error.instancePath.startsWith('/rules/')) {
    return ruleProblem(pointerTokens(error.instancePath)[1] ?? '', data, errors);
  }
  const child = error.params.additionalProperty ?? error.propertyName;
  const pointer = error.instancePath + (child === undefined ? '' : `/${escapePointerToken(String(child))}`);
  if (error.instancePath === '/site' || error.instancePath.startsWith('/site/')) return siteProblem(error, pointer);
  if (error.instancePath === '/rule_docs_url') {
    const { title, description } = (configSchema as DescribedSettings).properties.rule_docs_url;
    return { message: `rule_docs_url（${title}）写得不对：${description}`, pointer };
  }
  const message =
    error.keyword === 'additionalProperties'
      ? `不认识的配置项「${String(error.params.additionalProperty)}」，可用的有 ${Object.keys(configSchema.properties as object).join('、')}`
      : error.keyword === 'propertyNames' || (error.keyword === 'pattern' && error.instancePath === '/rules')
        ? `规则名「${String(error.propertyName ?? '')}」不对：应写成小写的“类别/名称”，如 schema/required`
        : `配置项 ${error.instancePath || '（顶层）'} 不合法：${error.message ?? ''}`;
  return { message, pointer };
}

type Described = { title: string; description: string };
type DescribedSettings = {
  properties: { site: { required: string[]; properties: Record<string, Described> }; rule_docs_url: Described };
};

/** What is wrong in the `site:` section, in the words of the schema's own titles and descriptions. */
function siteProblem(error: SchemaError, pointer: string): ConfigProblem {
  const site = (configSchema as DescribedSettings).properties.site;
  const keys = Object.keys(site.properties);
  if (error.keyword === 'additionalProperties') {
    const key = String(error.params.additionalProperty);
    const guess = closest(key, keys)[0];
    const hint = guess ? `，是不是想写「${guess}」？` : '';
    return { message: `site 里不认识的配置项「${key}」${hint}可用的有 ${keys.join('、')}`, pointer };
  }
  if (error.keyword === 'required') {
    const key = String(error.params.missingProperty);
    return {
      message: `site 里缺少 ${key}（${site.properties[key]?.title ?? key}）：${site.properties[key]?.description ?? ''}`,
      pointer: '/site',
    };
  }
  if (error.instancePath === '/site')
    return { message: 'site 应该写成“键: 值”的一组设置，如 name: 青禾市政务服务网', pointer };
  const key = pointerTokens(error.instancePath)[1] ?? '';
  const field = site.properties[key];
  return {
    message: `site.${key}（${field?.title ?? key}）写得不对：${field?.description ?? error.message ?? ''}`,
    pointer: error.instancePath,
  };
}

const SEVERITIES: readonly unknown[] = ['off', 'warn', 'error'] satisfies Severity[];

/** What is wrong with the setting of rule `id`, in the order a user fixes it: the id, the level, the options. */
function ruleProblem(id: string, data: ConfigData, errors: SchemaError[]): ConfigProblem {
  const pointer = `/rules/${escapePointerToken(id)}`;
  type RulesSchema = {
    properties: { rules: { properties: Record<string, unknown> } };
    definitions: Record<string, { not?: unknown }>;
  };
  const { properties, definitions } = configSchema as RulesSchema;
  const known = Object.keys(properties.rules.properties);
  // Each rule's setting is the definition named by its id.
  const ruleSchema = known.includes(id) ? definitions[id] : undefined;
  if (!ruleSchema) {
    const guess = closest(
      id,
      known.filter((candidate) => !definitions[candidate]!.not),
    )[0];
    const hint = guess ? `，是不是想写「${guess}」？` : '。运行 baihua explain 列出所有规则';
    return { message: `不认识的规则「${id}」${hint}`, pointer };
  }
  // The schema lists the rules about files that cannot be read as `not: {}`, so that this is said.
  if (ruleSchema.not) return { message: `规则「${id}」不能设置：文件读不出来时总是报错`, pointer };
  const setting: unknown = data.rules![id];
  const levelOk =
    SEVERITIES.includes(setting) || (Array.isArray(setting) && setting.length <= 2 && SEVERITIES.includes(setting[0]));
  if (!levelOk) return { message: `规则「${id}」的设置应为 off、warn、error，或 [级别, {选项}]`, pointer };
  const options = `${pointer}/1`;
  const optionsError = errors.find(({ instancePath: at }) => at === options || at.startsWith(`${options}/`));
  if (optionsError) {
    const where = optionsError.instancePath.slice(options.length);
    return {
      message: `规则「${id}」的选项 ${where} 不对：${optionsError.message ?? ''}`,
      pointer: `${options}${where}`,
    };
  }
  // A valid level and options the schema did not fault: the rule takes none.
  return { message: `规则「${id}」没有选项`, pointer: options };
}

export interface ConfigResolverOptions {
  /** presets addressed by bare name in `extends` (`recommended`) */
  builtinPresets: Record<string, ConfigData>;
}

/**
 * Finds and merges configuration for each guide, the way ESLint's cascade works: from the
 * guide's directory upward, every `baihua.config.yaml` applies, nearer files win, and a file with
 * `root: true` stops the search. Results are cached per directory.
 */
export class ConfigResolver {
  readonly #options: ConfigResolverOptions;
  readonly #byDirectory = new Map<string, ConfigLayer[]>();
  readonly #expanded = new Map<string, ConfigLayer[]>();

  constructor(options: ConfigResolverOptions) {
    this.#options = options;
  }

  /** The configuration for a guide found by the cascade. */
  forFile(filePath: string): ResolvedConfig {
    return mergeLayers(this.#chain(dirname(resolve(filePath))));
  }

  /** The configuration from one explicit file (`--config`), with no cascade. */
  fromConfigFile(configPath: string): ResolvedConfig {
    return mergeLayers(this.#expand(readConfigFile(resolve(configPath)), []));
  }

  #chain(directory: string): ConfigLayer[] {
    const cached = this.#byDirectory.get(directory);
    if (cached) return cached;
    const name = CONFIG_FILE_NAMES.map((candidate) => join(directory, candidate)).find((candidate) =>
      existsSync(candidate),
    );
    let layers: ConfigLayer[];
    const parent = dirname(directory);
    if (name) {
      const own = this.#expand(readConfigFile(name), []);
      const isRoot = own.at(-1)!.data.root === true;
      layers = isRoot || parent === directory ? own : [...this.#chain(parent), ...own];
    } else {
      layers = parent === directory ? [] : this.#chain(parent);
    }
    this.#byDirectory.set(directory, layers);
    return layers;
  }

  /** A layer preceded by everything it extends, depth first. */
  #expand(layer: ConfigLayer, seen: string[]): ConfigLayer[] {
    const cached = this.#expanded.get(layer.path);
    if (cached) return cached;
    const layers: ConfigLayer[] = [];
    (layer.data.extends ?? []).forEach((name, index) => {
      const pointer = `/extends/${index}`;
      const preset = this.#loadPreset(name, layer, pointer);
      const chain = [...seen, layer.path];
      if (chain.includes(preset.path)) {
        throw new ConfigError(
          `配置循环继承：${[...chain, preset.path].join(' → ')}。请删去其中一处 extends`,
          layer.path,
          layer.locate(pointer),
        );
      }
      layers.push(...this.#expand(preset, chain));
    });
    layers.push(layer);
    this.#expanded.set(layer.path, layers);
    return layers;
  }

  #loadPreset(name: string, from: ConfigLayer, pointer: string): ConfigLayer {
    const builtin = this.#options.builtinPresets[name.replace(/^baihua:/, '')];
    // A built-in preset is not validated at every run (it names every rule, whose checks would all
    // be compiled): the tests check it against the configuration schema.
    if (builtin) return { path: name.replace(/^baihua:/, ''), data: builtin, locate: () => undefined };
    const base = layerDirectory(from);
    let resolved: string;
    try {
      resolved = name.startsWith('.')
        ? resolve(base, name)
        : createRequire(join(base, 'baihua.config.yaml')).resolve(name);
    } catch {
      throw new ConfigError(
        `找不到要继承的配置「${name}」。内置预设有 ${Object.keys(this.#options.builtinPresets).join('、')}；npm 包请先安装（npm install ${name}）`,
        from.path,
        from.locate(pointer),
      );
    }
    if (!existsSync(resolved))
      throw new ConfigError(`找不到要继承的配置文件「${name}」（${resolved}）`, from.path, from.locate(pointer));
    if (isPresetPath(name) && !insideProject(resolved, base)) {
      throw new ConfigError(
        `预设「${name}」在项目以外（${realPath(resolved)}）：只能继承项目里的文件、内置预设或 npm 包`,
        from.path,
        from.locate(pointer),
      );
    }
    if (!['.yaml', '.yml', '.json'].includes(extname(resolved))) {
      throw new ConfigError(
        `预设「${name}」的入口应是 YAML 或 JSON 文件（package.json 的 main 指向 baihua.config.yaml），现在是 ${resolved}`,
        from.path,
        from.locate(pointer),
      );
    }
    return readConfigFile(resolved);
  }
}

/** A preset named by a path (`./shared.yaml`, `/etc/x.yaml`) rather than a built-in or npm name. */
function isPresetPath(name: string): boolean {
  return name.startsWith('.') || isAbsolute(name);
}

/** Where a layer's relative paths start: its file's directory; the working directory for built-in presets. */
function layerDirectory(layer: ConfigLayer): string {
  return layer.path.includes('/') || layer.path.includes('\\') ? dirname(layer.path) : process.cwd();
}

/**
 * A templates directory, which must stay inside the directory of the file that names it, also
 * when symlinks are followed: a preset from a pull request must not publish files from elsewhere.
 */
function templatesDirectory(layer: ConfigLayer, path: string): string {
  const base = layerDirectory(layer);
  const directory = resolve(base, path);
  if (!isInside(realPath(directory), realPath(base))) {
    throw new ConfigError(
      `templates 要指向本配置文件所在目录里的模板目录，现在是「${path}」`,
      layer.path,
      layer.locate('/templates'),
    );
  }
  return directory;
}

/**
 * The baseline file, which `baihua lint --update-baseline` writes: like `templates`, it must stay
 * inside the directory of the file that names it, so that a configuration from a pull request
 * cannot have a file elsewhere read or overwritten.
 */
function baselineFile(layer: ConfigLayer, path: string): string {
  const base = layerDirectory(layer);
  const file = resolve(base, path);
  if (!isInside(realPath(file), realPath(base))) {
    throw new ConfigError(
      `baseline 要指向本配置文件所在目录里的文件，现在是「${path}」`,
      layer.path,
      layer.locate('/baseline'),
    );
  }
  return file;
}

/** A logo is a small image on every page; this is far more. */
const MAX_LOGO_BYTES = 512 * 1024;
const LOGO_TYPES = ['.svg', '.png', '.jpg', '.jpeg', '.gif', '.webp'];

/**
 * The logo, which is copied into the published site: like `templates`, it must stay inside the
 * directory of the file that names it, also when symlinks are followed, and it must be an image.
 */
function logoFile(layer: ConfigLayer, path: string): string {
  const base = layerDirectory(layer);
  const file = resolve(base, path);
  const at = layer.locate('/site/logo');
  if (!isInside(realPath(file), realPath(base)))
    throw new ConfigError(`site.logo 要指向本配置文件所在目录里的图片，现在是「${path}」`, layer.path, at);
  if (!existsSync(file) || !statSync(file).isFile())
    throw new ConfigError(
      `找不到网站标识图片「${path}」（${file}）：请检查 site.logo 的路径，它相对于本配置文件所在目录`,
      layer.path,
      at,
    );
  if (!LOGO_TYPES.includes(extname(file).toLowerCase()))
    throw new ConfigError(`site.logo 应是图片（${LOGO_TYPES.join('、')}），现在是「${path}」`, layer.path, at);
  if (statSync(file).size > MAX_LOGO_BYTES)
    throw new ConfigError(
      `网站标识图片「${path}」太大，不能超过 ${MAX_LOGO_BYTES / 1024} KB：每个网页都要加载它`,
      layer.path,
      at,
    );
  return file;
}

/** The identity a `site:` section gives, its logo checked and made absolute. */
function siteIdentity(layer: ConfigLayer, site: SiteSection): SiteIdentity {
  return {
    name: site.name,
    sponsor: site.sponsor,
    ...(site.organizer && { organizer: site.organizer }),
    ...(site.contact && { contact: site.contact }),
    ...(site.site_code && { siteCode: site.site_code }),
    ...(site.icp && { icp: site.icp }),
    ...(site.police_record && { policeRecord: site.police_record }),
    ...(site.logo && { logo: logoFile(layer, site.logo) }),
    ...(site.feedback_url && { feedbackUrl: site.feedback_url }),
  };
}

/** Merges layers in order, later ones winning: the configuration that applies to a guide. */
export function mergeLayers(layers: ConfigLayer[]): ResolvedConfig {
  const rules = new Map<string, RuleConfig>();
  const ignores: IgnorePatterns[] = [];
  let catalog: IgnorePatterns | undefined;
  let templates: string | undefined;
  let site: SiteIdentity | undefined;
  let ruleDocsUrl: string | undefined;
  let baseline: string | undefined;
  for (const layer of layers) {
    if (layer.data.catalog) catalog = { base: layerDirectory(layer), patterns: layer.data.catalog };
    if (layer.data.templates) templates = templatesDirectory(layer, layer.data.templates);
    if (layer.data.site) site = siteIdentity(layer, layer.data.site);
    if (layer.data.rule_docs_url) ruleDocsUrl = layer.data.rule_docs_url;
    if (layer.data.baseline) baseline = baselineFile(layer, layer.data.baseline);
    for (const [id, setting] of Object.entries(layer.data.rules ?? {})) {
      const [severity, options] = Array.isArray(setting) ? setting : [setting, undefined];
      // A bare severity keeps options set further up, as in ESLint.
      rules.set(id, { severity, options: options ?? rules.get(id)?.options, setBy: layer });
    }
    if (layer.data.ignores?.length) {
      ignores.push({ base: layerDirectory(layer), patterns: layer.data.ignores });
    }
  }
  return { rules, ignores, catalog, templates, site, ruleDocsUrl, baseline, layers };
}
