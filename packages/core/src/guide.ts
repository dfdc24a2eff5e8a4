import { extname } from 'node:path';
import { parseMarkdown, type ParsedMarkdown } from './markdown.js';
import { OffsetMap } from './offset-map.js';
import type { ParseProblem } from './problems.js';
import type { SourceFile, SourceRange } from './source.js';
import type { TextSpan } from './text-span.js';
import { parseYaml, type ParsedYaml } from './yaml-source.js';

export type GuideFormat = 'markdown' | 'yaml';

/**
 * A guide file read into its parts: the YAML fields (front matter, or the whole `.yaml` file),
 * the Markdown body, every piece of prose, and the problems met on the way. Every offset is an
 * offset into `file.text`; `file.pointAt` turns it into line and column.
 */
export interface ParsedGuide {
  file: SourceFile;
  format: GuideFormat;
  /** the fields as plain data; undefined when the YAML could not be read reliably */
  data: unknown;
  yaml: ParsedYaml | undefined;
  /** the front matter between the `---` fences (markdown guides) */
  frontMatter: SourceRange | undefined;
  body: ParsedMarkdown | undefined;
  /** every YAML string value and every Markdown paragraph, heading and table cell */
  texts: TextSpan[];
  problems: ParseProblem[];
}

const FORMATS: Record<string, GuideFormat> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.yaml': 'yaml',
  '.yml': 'yaml',
};

/** The guide format a file name implies, or undefined for files that are not guides. */
export function guideFormat(path: string): GuideFormat | undefined {
  return FORMATS[extname(path).toLowerCase()];
}

export function parseGuide(file: SourceFile, format: GuideFormat = guideFormat(file.path) ?? 'markdown'): ParsedGuide {
  const guide: ParsedGuide = {
    file,
    format,
    data: undefined,
    yaml: undefined,
    frontMatter: undefined,
    body: undefined,
    texts: [],
    problems: [],
  };
  if (file.text.trim() === '') {
    guide.problems.push({
      ruleId: 'syntax/empty',
      message: '文件是空的。可以运行 baihua init guide --id <标识> --title <事项名称> 生成一份指南模板',
      range: { start: 0, end: 0 },
    });
    return guide;
  }
  return format === 'yaml' ? readYamlGuide(guide) : readMarkdownGuide(guide);
}

const OPENING_FENCE = /^---[ \t]*(?:\r\n|\n|\r|$)/;
const CLOSING_FENCE = /^(?:---|\.\.\.)[ \t]*$/m;

function readMarkdownGuide(guide: ParsedGuide): ParsedGuide {
  const { file } = guide;
  const text = file.text;
  const opening = OPENING_FENCE.exec(text);
  const firstLineEnd = text.search(/\r|\n|$/);
  if (!opening) {
    guide.problems.push({
      ruleId: 'syntax/front-matter',
      message: '文件开头缺少字段区：第一行写 ---，接着写 id、title 等字段，再用一行 --- 结束，正文写在后面',
      range: { start: 0, end: firstLineEnd },
    });
    guide.body = readBody(guide, text, OffsetMap.identity(0, text.length));
    guide.texts = guide.body?.spans ?? [];
    return guide;
  }
  const afterOpening = opening[0].length;
  const closing = CLOSING_FENCE.exec(text.slice(afterOpening));
  if (!closing) {
    guide.problems.push({
      ruleId: 'syntax/front-matter',
      message: '字段区没有结束：在最后一个字段后面加一行 ---，再写正文',
      range: { start: 0, end: firstLineEnd },
    });
    return guide;
  }
  const closingStart = afterOpening + closing.index;
  const closingEnd = closingStart + closing[0].length;
  const bodyStart =
    closingEnd + (/^\r\n/.test(text.slice(closingEnd)) ? 2 : /^[\r\n]/.test(text.slice(closingEnd)) ? 1 : 0);
  guide.frontMatter = { start: afterOpening, end: closingStart };
  guide.yaml = parseYaml(file, closingStart);
  guide.data = guide.yaml.data;
  guide.problems.push(...guide.yaml.problems);
  const misplacedBody = guide.yaml.entries.get('/body');
  if (misplacedBody?.keyRange) {
    guide.problems.push({
      ruleId: 'syntax/front-matter',
      message: '.md 格式的指南不用 body 字段：请把正文写在第二个 --- 后面',
      range: misplacedBody.keyRange,
    });
  }
  const bodyText = text.slice(bodyStart);
  guide.body = readBody(guide, bodyText, OffsetMap.identity(bodyStart, bodyText.length));
  guide.texts = [...guide.yaml.strings, ...(guide.body?.spans ?? [])];
  return guide;
}

/** Parses the Markdown body, or records why it cannot be parsed. */
function readBody(guide: ParsedGuide, text: string, map: OffsetMap): ParsedMarkdown | undefined {
  const body = parseMarkdown(text, map, '/body');
  if ('tree' in body) return body;
  guide.problems.push({
    ruleId: 'syntax/markdown',
    message: body.message,
    range: { start: map.toSourceStart(body.start), end: map.toSourceEnd(body.end) },
  });
  return undefined;
}

function readYamlGuide(guide: ParsedGuide): ParsedGuide {
  guide.yaml = parseYaml(guide.file, guide.file.text.length);
  guide.data = guide.yaml.data;
  guide.problems.push(...guide.yaml.problems);
  const bodyValue = guide.yaml.strings.find((span) => span.pointer === '/body');
  if (bodyValue) guide.body = readBody(guide, bodyValue.text, bodyValue.map);
  guide.texts = [...guide.yaml.strings.filter((span) => span !== bodyValue), ...(guide.body?.spans ?? [])];
  return guide;
}
