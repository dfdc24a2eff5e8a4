import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError, ConfigResolver, createRuntimeAjv, escapePointerToken, type ConfigData, type ConfigLayer } from '@baihua/core';
import { parse } from 'yaml';
import { rulesById } from './rules/index.js';
import { closest } from './schema-findings.js';

/** Built-in presets are data files shipped with this package. */
export const builtinPresets: Record<string, ConfigData> = {
  recommended: parse(readFileSync(fileURLToPath(new URL('../configs/recommended.yaml', import.meta.url)), 'utf8')) as ConfigData,
};

const ajv = createRuntimeAjv();

/** Every rule a layer names must exist and accept the options given; fatal rules cannot be set. */
export function checkLayer(layer: ConfigLayer): void {
  for (const [id, setting] of Object.entries(layer.data.rules ?? {})) {
    const pointer = `/rules/${escapePointerToken(id)}`;
    const rule = rulesById.get(id);
    if (!rule) {
      const guess = closest(id, [...rulesById.keys()])[0];
      throw new ConfigError(`不认识的规则「${id}」${guess ? `，是不是想写「${guess}」？` : '。baihua explain --list 列出所有规则'}`, layer.path, layer.locate(pointer));
    }
    if (rule.meta.fatal) {
      throw new ConfigError(`规则「${id}」不能设置：文件读不出来时总是报错`, layer.path, layer.locate(pointer));
    }
    const options = Array.isArray(setting) ? setting[1] : undefined;
    if (options !== undefined) {
      if (!rule.meta.options) throw new ConfigError(`规则「${id}」没有选项`, layer.path, layer.locate(`${pointer}/1`));
      const validate = ajv.compile(rule.meta.options);
      if (!validate(options)) {
        const error = validate.errors![0]!;
        throw new ConfigError(`规则「${id}」的选项 ${error.instancePath || ''} 不对：${error.message ?? ''}`, layer.path, layer.locate(`${pointer}/1${error.instancePath}`));
      }
    }
  }
}

export function createConfigResolver(): ConfigResolver {
  return new ConfigResolver({ builtinPresets, checkLayer });
}
