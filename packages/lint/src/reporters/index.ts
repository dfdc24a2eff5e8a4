import type { LintResult } from '../types.js';
import { github } from './github.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

export interface FormatterContext {
  /** paths in reports are shown relative to this directory */
  cwd: string;
  color: boolean;
  /** the tool version, for SARIF */
  version: string;
}

export type Formatter = (results: LintResult[], context: FormatterContext) => string;

export const formatters = { stylish, json, sarif, github } satisfies Record<string, Formatter>;
export type FormatterName = keyof typeof formatters;
