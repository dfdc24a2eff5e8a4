import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigResolver, mergeLayers, type ConfigData, type ResolvedConfig } from '@baihua/core';
import { parse } from 'yaml';

/** Built-in presets are data files shipped with this package. */
export const builtinPresets: Record<string, ConfigData> = {
  recommended: parse(
    readFileSync(fileURLToPath(new URL('../configs/recommended.yaml', import.meta.url)), 'utf8'),
  ) as ConfigData,
};

export function createConfigResolver(): ConfigResolver {
  return new ConfigResolver({ builtinPresets });
}

/** The recommended preset as a resolved config, for files with no configuration anywhere. */
export function recommendedConfig(): ResolvedConfig {
  return mergeLayers([{ path: 'recommended', data: builtinPresets.recommended!, locate: () => undefined }]);
}

/** Each guide's configuration: the one file given, or the cascade of its directories. */
export function configSource(configFile: string | undefined): (filePath: string) => ResolvedConfig {
  const resolver = createConfigResolver();
  const fixed = configFile ? resolver.fromConfigFile(configFile) : undefined;
  return (filePath) => {
    if (fixed) return fixed;
    const config = resolver.forFile(filePath);
    return config.layers.length ? config : recommendedConfig();
  };
}

/** The configuration for a guide read from standard input as if it were `filePath`. */
export function configForPath(filePath: string, configFile?: string): ResolvedConfig {
  return configSource(configFile)(filePath);
}
