import { readFileSync, statSync } from 'node:fs';
import { FileAccessError } from './errors.js';
import type { ParseProblem } from './problems.js';
import { SourceFile } from './source.js';

/**
 * Guides are a few kilobytes (the twelve examples: 3–5 KB). Anything above this is not read at
 * all: it is not a guide, and some Markdown grows superlinearly (see markdown.ts).
 */
export const MAX_GUIDE_BYTES = 128 * 1024;


export interface ReadGuide {
  file: SourceFile;
  /** a problem that stops the guide from being parsed (encoding, size) */
  problem?: ParseProblem;
}

/** Reads a guide file; bad bytes become a problem with a position, not an exception. */
export function readGuideFile(path: string): ReadGuide {
  let size: number;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) throw new FileAccessError(path, '这是一个目录，不是指南文件');
    size = stats.size;
  } catch (error) {
    if (error instanceof FileAccessError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new FileAccessError(path, code === 'ENOENT' ? '找不到这个文件' : `无法读取（${code ?? String(error)}）`);
  }
  if (size > MAX_GUIDE_BYTES) return tooLarge(path, size);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new FileAccessError(path, `无法读取（${(error as NodeJS.ErrnoException).code ?? String(error)}）`);
  }
  return decodeGuide(path, bytes);
}

/** Decodes UTF-8 strictly; binary files and other encodings get a problem at the first bad byte. */
export function decodeGuide(path: string, bytes: Uint8Array): ReadGuide {
  if (bytes.length > MAX_GUIDE_BYTES) return tooLarge(path, bytes.length);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return encodingProblem(path, '', '文件是 UTF-16 编码。请在编辑器里另存为 UTF-8 编码');
  }
  const nul = bytes.indexOf(0);
  const invalid = firstInvalidUtf8(bytes);
  if (nul === -1 && invalid === -1) return { file: new SourceFile(path, new TextDecoder('utf-8').decode(bytes)) };
  const at = nul === -1 ? invalid : invalid === -1 ? nul : Math.min(nul, invalid);
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, at));
  const message =
    at === nul
      ? `这是二进制文件，不是文本（第 ${at + 1} 个字节是 0x00），不能作为指南检查`
      : `文件不是 UTF-8 编码（第 ${at + 1} 个字节无法识别，可能是 GBK 编码）。请在编辑器里另存为 UTF-8 编码`;
  return encodingProblem(path, before, message);
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}

function tooLarge(path: string, size: number): ReadGuide {
  return {
    file: new SourceFile(path, ''),
    problem: {
      ruleId: 'syntax/too-large',
      message: `文件太大（${formatSize(size)}），指南文件不能超过 ${formatSize(MAX_GUIDE_BYTES)}。一份指南通常不到 50 KB，请确认是不是放错了文件`,
      range: { start: 0, end: 0 },
    },
  };
}

function encodingProblem(path: string, validPrefix: string, message: string): ReadGuide {
  // The valid text before the bad byte gives the line and column of the problem.
  const file = new SourceFile(path, validPrefix);
  const offset = file.text.length;
  return { file, problem: { ruleId: 'syntax/encoding', message, range: { start: offset, end: offset } } };
}

/** Byte index of the first invalid UTF-8 sequence, or -1 (RFC 3629: no overlongs, no surrogates). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    if (byte < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let min: number;
    if (byte >= 0xc2 && byte <= 0xdf) [length, min] = [2, 0x80];
    else if (byte >= 0xe0 && byte <= 0xef) [length, min] = [3, 0x800];
    else if (byte >= 0xf0 && byte <= 0xf4) [length, min] = [4, 0x10000];
    else return i;
    if (i + length > bytes.length) return i;
    let codePoint = byte & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k]!;
      if ((next & 0xc0) !== 0x80) return i;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return i;
    i += length;
  }
  return -1;
}
