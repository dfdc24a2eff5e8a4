import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigResolver, type ConfigData } from '@baihua/core';
import { parse } from 'yaml';

/** Built-in presets are data files shipped with this package. */
export const builtinPresets: Record<string, ConfigData> = {
  recommended: parse(readFileSync(fileURLToPath(new URL('../configs/recommended.yaml', import.meta.url)), 'utf8')) as ConfigData,
};

export function createConfigResolver(): ConfigResolver {
  return new ConfigResolver({ builtinPresets });
}
