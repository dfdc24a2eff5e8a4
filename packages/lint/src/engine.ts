import { readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import {
  decodeGuide,
  findGuideFiles,
  MAX_GUIDE_BYTES,
  parseGuide,
  readGuideFile,
  SourceFile,
  type ParsedGuide,
  type ParseProblem,
  mergeLayers,
  type ResolvedConfig,
} from '@baihua/core';
import picomatch from 'picomatch';
import { LintCache } from './cache.js';
import { builtinPresets, createConfigResolver } from './config.js';
import { applyDirectives } from './directives.js';
import { applyFixes } from './fix.js';
import { guideReadability, readableForStyle } from './plain-analysis.js';
import { rules } from './rules/index.js';
import type { Diagnostic, LintResult, ReportInput } from './types.js';

/** Fixes can enable further fixes (ESLint does the same); ten passes is plenty for a guide. */
const MAX_FIX_PASSES = 10;

export interface LintSourceOptions {
  config: ResolvedConfig;
  /** apply `fix`-level fixes and return the fixed text as `output` */
  fix?: boolean;
  /** only run these rules (the rule tester uses this) */
  only?: string[];
}

/** The recommended preset as a resolved config, for files with no configuration anywhere. */
export function recommendedConfig(): ResolvedConfig {
  return mergeLayers([{ path: 'recommended', data: builtinPresets.recommended!, locate: () => undefined }]);
}

function problemGuide(file: SourceFile, problem: ParseProblem): ParsedGuide {
  return { file, format: 'markdown', data: undefined, yaml: undefined, frontMatter: undefined, body: undefined, texts: [], problems: [problem] };
}

/** Runs every enabled rule over a parsed guide. */
export function checkGuide(guide: ParsedGuide, options: Pick<LintSourceOptions, 'config' | 'only'>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) {
    const { id, fatal } = rule.meta;
    if (options.only && !options.only.includes(id)) continue;
    const setting = options.config.rules.get(id);
    if (!fatal && (!setting || setting.severity === 'off')) continue;
    const severity = fatal || setting?.severity === 'error' ? 2 : 1;
    const report = (input: ReportInput) => {
      const start = guide.file.pointAt(input.range.start);
      const end = guide.file.pointAt(input.range.end);
      diagnostics.push({
        ruleId: id,
        severity: input.severity ? (input.severity === 'error' ? 2 : 1) : severity,
        message: input.message,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        range: [input.range.start, input.range.end],
        ...(input.fix && rule.meta.fixable === 'fix' && { fix: input.fix }),
        ...(input.suggestions?.length && { suggestions: input.suggestions }),
        ...(fatal && { fatal: true }),
      });
    };
    rule.check({ guide, options: setting?.options ?? {}, report });
  }
  return diagnostics.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
}

function lintGuide(guide: ParsedGuide, options: LintSourceOptions): { messages: Diagnostic[]; suppressed: Diagnostic[] } {
  const { kept, suppressed } = applyDirectives(guide, checkGuide(guide, options));
  return { messages: kept, suppressed };
}

/** Lints the bytes of one guide (a file's contents or standard input). */
export function lintBytes(filePath: string, bytes: Uint8Array, options: LintSourceOptions): LintResult {
  const read = decodeGuide(filePath, bytes);
  return lintRead(filePath, read.file, read.problem, options);
}

/** Lints one guide file on disk. */
export function lintFile(filePath: string, options: LintSourceOptions): LintResult {
  const read = readGuideFile(filePath);
  return lintRead(filePath, read.file, read.problem, options);
}

function lintRead(filePath: string, file: SourceFile, problem: ParseProblem | undefined, options: LintSourceOptions): LintResult {
  let guide = problem ? problemGuide(file, problem) : parseGuide(file);
  let { messages, suppressed } = lintGuide(guide, options);
  let output: string | undefined;
  if (options.fix && !problem) {
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const fixes = messages.flatMap((message) => (message.fix ? [message.fix] : []));
      if (fixes.length === 0) break;
      const fixed = applyFixes(guide.file.text, fixes);
      if (fixed.applied === 0 || fixed.text === guide.file.text) break;
      guide = parseGuide(new SourceFile(filePath, fixed.text));
      ({ messages, suppressed } = lintGuide(guide, options));
      output = file.withBom(fixed.text);
    }
  }
  return { ...summarize(filePath, messages, suppressed, output), ...statsFor(guide, options.config) };
}

/** Readability is reported whenever the plain-language rules look at a guide. */
function statsFor(guide: ParsedGuide, config: ResolvedConfig): Pick<LintResult, 'stats'> {
  const plainEnabled = [...config.rules].some(([id, setting]) => id.startsWith('plain/') && setting.severity !== 'off');
  if (!plainEnabled || !readableForStyle(guide)) return {};
  return { stats: { readability: guideReadability(guide) } };
}

export function summarize(filePath: string, messages: Diagnostic[], suppressed: Diagnostic[], output?: string): LintResult {
  const count = (severity: 1 | 2, fixable = false) =>
    messages.filter((message) => message.severity === severity && (!fixable || message.fix)).length;
  return {
    filePath,
    messages,
    suppressedMessages: suppressed,
    errorCount: count(2),
    fatalErrorCount: messages.filter((message) => message.fatal).length,
    warningCount: count(1),
    fixableErrorCount: count(2, true),
    fixableWarningCount: count(1, true),
    ...(output !== undefined && { output }),
  };
}

export interface LintFilesOptions {
  patterns: string[];
  cwd?: string;
  /** one configuration file instead of the directory cascade */
  configFile?: string;
  fix?: boolean;
  /** where to keep the lint cache; no cache when unset */
  cacheLocation?: string;
}

/** Finds the guides behind paths and globs and lints each with the configuration for its directory. */
export async function lintFiles(options: LintFilesOptions): Promise<LintResult[]> {
  const cwd = options.cwd ?? process.cwd();
  const files = await findGuideFiles(options.patterns, cwd);
  const resolver = createConfigResolver();
  const fixed = options.configFile ? resolver.fromConfigFile(options.configFile) : undefined;
  const cache = options.cacheLocation ? new LintCache(resolve(cwd, options.cacheLocation)) : undefined;
  const results: LintResult[] = [];
  for (const filePath of files) {
    const config = configFor(filePath, fixed, resolver);
    if (isIgnored(filePath, config)) continue;
    if (!cache) {
      results.push(lintFile(filePath, { config, ...(options.fix && { fix: true }) }));
      continue;
    }
    // The key covers the file's bytes; a file too large to read is keyed by its size.
    const size = statSync(filePath).size;
    const bytes = size > MAX_GUIDE_BYTES ? Buffer.from(`too large: ${size}`) : readFileSync(filePath);
    const key = LintCache.key(bytes, config);
    const cached = cache.get(filePath, key);
    // A cached result with fixable findings is linted again when fixing, to produce the output.
    if (cached && !(options.fix && cached.fixableErrorCount + cached.fixableWarningCount > 0)) {
      results.push(cached);
      continue;
    }
    const read = size > MAX_GUIDE_BYTES ? readGuideFile(filePath) : decodeGuide(filePath, bytes);
    const result = lintRead(filePath, read.file, read.problem, { config, ...(options.fix && { fix: true }) });
    cache.set(filePath, result.output === undefined ? key : LintCache.key(Buffer.from(result.output), config), result);
    results.push(result);
  }
  cache?.save();
  return results;
}

/** The configuration for a guide read from standard input as if it were `filePath`. */
export function configForPath(filePath: string, configFile?: string): ResolvedConfig {
  const resolver = createConfigResolver();
  return configFor(filePath, configFile ? resolver.fromConfigFile(configFile) : undefined, resolver);
}

function configFor(filePath: string, fixed: ResolvedConfig | undefined, resolver: ReturnType<typeof createConfigResolver>): ResolvedConfig {
  if (fixed) return fixed;
  const config = resolver.forFile(filePath);
  return config.layers.length ? config : recommendedConfig();
}

function isIgnored(filePath: string, config: ResolvedConfig): boolean {
  return config.ignores.some(({ base, patterns }) => {
    const path = relative(base, filePath).replaceAll('\\', '/');
    return !path.startsWith('..') && picomatch(patterns, { dot: true })(path);
  });
}

