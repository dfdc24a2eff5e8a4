import { existsSync, mkdirSync } from 'node:fs';
import { dirname, extname, join, relative } from 'node:path';
import {
  type BoundedRead,
  FileAccessError,
  readBoundedStream,
  readRegularFile,
  realPath,
  schemaDirectory,
} from '@baihua/core';
import { displayPath } from '@baihua/core/paths';
import { draftFromHtml, draftFromText, guideFileText, type PageDraft, UNCLASSIFIED_HEADING } from '@baihua/exchange';
import { writeFileAtomic } from '@baihua/lint';
import { UsageError } from './errors.js';

export interface ImportPageOptions {
  out?: string;
  id?: string;
  force?: boolean;
}

export type PageFormat = 'text' | 'html';

/** A saved page is a few hundred KB at most; a larger file is not a guide page. */
const MAX_PAGE_BYTES = 8 * 1024 * 1024;
const STDIN = '-';
const STDIN_NAME = '标准输入';

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Line and column (from 1) where a text prefix ends. */
function pointAfter(prefix: string): { line: number; column: number } {
  const lines = prefix.split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

/**
 * The page's text: UTF-8, else GB18030 (pages saved from older sites are GBK or GB2312, which
 * GB18030 contains). Binary, UTF-16 and undecodable bytes are an error at the first bad byte.
 */
function decodePage(name: string, bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw new FileAccessError(name, '文件是 UTF-16 编码，不能导入。请在编辑器里另存为 UTF-8 编码', {
      line: 1,
      column: 1,
    });
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, nul));
    throw new FileAccessError(
      name,
      `这是二进制文件，不是网页或文字（第 ${nul + 1} 个字节是 0x00），不能导入。请导入另存的 .html 网页，或把网页上的文字复制到 .txt 文件`,
      pointAfter(before),
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // not UTF-8 throughout: GB18030, or UTF-8 with bad bytes
  }
  const loose = new TextDecoder('utf-8').decode(bytes);
  const valid = loose.slice(0, loose.indexOf('\uFFFD'));
  // Chinese read as UTF-8 before the bad byte: a UTF-8 file with damage, which GB18030 would garble.
  if ([...valid].some((char) => char.charCodeAt(0) > 0x7f))
    throw new FileAccessError(
      name,
      '文件是 UTF-8 编码，但这里有无法识别的字节（可能保存时损坏了）。请在编辑器里改好后另存为 UTF-8 编码',
      pointAfter(valid),
    );
  try {
    return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
  } catch {
    throw new FileAccessError(
      name,
      '文件既不是 UTF-8 也不是 GB18030（GBK）编码，这里的字节无法识别。请在编辑器里另存为 UTF-8 编码',
      pointAfter(valid),
    );
  }
}

async function readInput(file: string): Promise<{ name: string; text: string; real?: string }> {
  const fromStdin = file === STDIN;
  const name = fromStdin ? STDIN_NAME : displayPath(file);
  const read: BoundedRead = fromStdin
    ? await readBoundedStream(process.stdin, MAX_PAGE_BYTES)
    : readRegularFile(file, MAX_PAGE_BYTES);
  if (read.tooLarge)
    throw new FileAccessError(name, '文件太大（超过 8 MB），不像是一个办事指南页面。请确认是不是选错了文件');
  const text = decodePage(name, read.bytes);
  if (text.replace(/^\uFEFF/, '').trim() === '')
    throw new FileAccessError(name, '文件是空的，没有可导入的内容。请把网页上的办事指南文字复制进来，或另存整个网页');
  return { name, text, ...(fromStdin ? {} : { real: realPath(file) }) };
}

/** The one-line summary on stderr: what was recognised and how much was left for a person. */
function summary(draft: PageDraft, written: string | undefined): string {
  const fields =
    draft.recognisedNames.length === 0
      ? '没有认出任何字段'
      : `认出 ${draft.recognisedNames.length} 个字段：${draft.recognisedNames.join('、')}`;
  const rest =
    draft.unclassified.length === 0
      ? '没有未归类的内容'
      : `${draft.unclassified.length} 行放在「${UNCLASSIFIED_HEADING}」里，请逐行看过`;
  const where = written ? `，草稿已写到 ${written}` : '';
  return `${fields}；${rest}${where}（status: 草稿）。\n`;
}

/** `baihua import text FILE|-` and `baihua import html FILE`: a draft guide from a saved page. */
export async function importPage(
  format: PageFormat,
  file: string,
  options: ImportPageOptions,
): Promise<{ stdout: string; stderr: string }> {
  if (options.id !== undefined && !ID_PATTERN.test(options.id))
    throw new UsageError(`--id 要用小写英文字母、数字和连字符，如 --id id-card-renewal，现在是「${options.id}」`);
  if (format === 'html' && file === STDIN)
    throw new UsageError('import html 要给出另存的网页文件；从标准输入读文字请用 baihua import text -');
  let target: string | undefined;
  if (options.out !== undefined) {
    if (extname(options.out) !== '.md')
      throw new UsageError(`--out 要写到 .md 文件（指南的格式），现在是「${options.out}」`);
    // By real path: a symlink to an existing file, or to the page itself, counts as that file.
    target = realPath(options.out);
    if (existsSync(target) && !options.force)
      throw new UsageError(`${displayPath(options.out)} 已经存在；要覆盖请加 --force`);
  }
  const input = await readInput(file);
  if (target !== undefined && target === input.real)
    throw new UsageError(`--out 指向要导入的文件本身（${input.name}），请换一个文件名`);

  const draft =
    format === 'html'
      ? draftFromHtml(input.text, options.id ? { id: options.id } : {})
      : draftFromText(input.text, options.id ? { id: options.id } : {});
  const schemaPath = relative(target ? dirname(target) : realPath('.'), join(schemaDirectory, 'guide.schema.json'))
    .split('\\')
    .join('/');
  const text = guideFileText(draft.data, { schema: schemaPath, body: draft.body });
  if (target === undefined) return { stdout: text, stderr: summary(draft, undefined) };
  mkdirSync(dirname(target), { recursive: true });
  writeFileAtomic(target, text);
  return { stdout: '', stderr: summary(draft, displayPath(options.out!)) };
}
