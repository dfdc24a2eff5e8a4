import type { Formatter, FormatterContext } from '../types.js';
import { github } from './github.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

export const formatters = { stylish, json, sarif, github, markdown } satisfies Record<string, Formatter>;
export type FormatterName = keyof typeof formatters;
export type { Formatter, FormatterContext };
