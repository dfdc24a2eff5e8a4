import type { Formatter, FormatterContext } from '../types.js';
import { checkstyle } from './checkstyle.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { rdjson } from './rdjson.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

export const formatters = {
  stylish,
  json,
  sarif,
  github,
  markdown,
  junit,
  checkstyle,
  gitlab,
  rdjson,
} satisfies Record<string, Formatter>;
export type FormatterName = keyof typeof formatters;
export type { Formatter, FormatterContext };
