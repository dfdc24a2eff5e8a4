import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { FileAccessError } from './errors.js';
import type { ParseProblem } from './problems.js';
import { SourceFile } from './source.js';

/**
 * Guides are a few kilobytes (the twelve examples: 3–5 KB). Anything above this is not read at
 * all: it is not a guide, and some Markdown grows superlinearly (see markdown.ts).
 */
export const MAX_GUIDE_BYTES = 128 * 1024;

/** The bytes of a file read with a bound. */
export interface BoundedRead {
  /** at most `limit + 1` bytes: one more than the limit tells that there was more */
  bytes: Buffer;
  tooLarge: boolean;
  /** the size the file system gave, when it alone showed the file too large (nothing was read) */
  size?: number;
}

export interface ReadGuide {
  file: SourceFile;
  /** a problem that stops the guide from being parsed (encoding, size) */
  problem?: ParseProblem;
}

/** Why a path that is not a regular file cannot be read as one. */
function notRegular(stats: Stats): string {
  if (stats.isDirectory()) return '这是一个目录，不是文件';
  if (stats.isFIFO()) return '这是一个管道（FIFO），不是普通文件：读它会一直等下去';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return '这是一个设备文件，不是普通文件：读它可能永远读不完';
  if (stats.isSocket()) return '这是一个套接字（socket），不是普通文件';
  return '不是普通文件';
}

/**
 * Reads a regular file, at most `limit + 1` bytes whatever its size says: a file can grow while
 * it is read, and a device (a symlink to /dev/zero) says 0 and never ends. Anything but a regular
 * file is refused before a byte is read; it is opened without blocking, so that a FIFO does not
 * wait for a writer, and checked on the open descriptor, so that it cannot be swapped in between.
 */
export function readRegularFile(path: string, limit: number): BoundedRead {
  let descriptor: number;
  try {
    descriptor = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw new FileAccessError(path, '这是一个目录，不是文件');
    throw new FileAccessError(path, code === 'ENOENT' ? '找不到这个文件' : `无法读取（${code ?? String(error)}）`);
  }
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) throw new FileAccessError(path, notRegular(stats));
    if (stats.size > limit) return { bytes: Buffer.alloc(0), tooLarge: true, size: stats.size };
    let buffer = Buffer.allocUnsafe(Math.min(limit + 1, stats.size + 1));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > limit) break;
        const grown = Buffer.allocUnsafe(Math.min(limit + 1, buffer.length * 2));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const count = readSync(descriptor, buffer, length, buffer.length - length, null);
      if (count === 0) break;
      length += count;
    }
    return { bytes: buffer.subarray(0, length), tooLarge: length > limit };
  } catch (error) {
    if (error instanceof FileAccessError) throw error;
    throw new FileAccessError(path, `无法读取（${(error as NodeJS.ErrnoException).code ?? String(error)}）`);
  } finally {
    closeSync(descriptor);
  }
}

/** Reads a stream (standard input) to its end or to `limit + 1` bytes, whichever comes first. */
export async function readBoundedStream(
  stream: AsyncIterable<Uint8Array | string>,
  limit: number,
): Promise<BoundedRead> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const bytes = Buffer.from(chunk);
    chunks.push(bytes);
    length += bytes.length;
    if (length > limit) break; // leaving the loop stops reading the stream
  }
  const bytes = Buffer.concat(chunks, Math.min(length, limit + 1));
  return { bytes, tooLarge: length > limit };
}

/** Reads a guide file; bad bytes become a problem with a position, not an exception. */
export function readGuideFile(path: string): ReadGuide {
  return decodeGuideRead(path, readRegularFile(path, MAX_GUIDE_BYTES));
}

/** A guide from a bounded read: too large, or decoded. */
export function decodeGuideRead(path: string, read: BoundedRead): ReadGuide {
  return read.tooLarge ? tooLarge(path, read.size) : decodeGuide(path, read.bytes);
}

/** Keeps the BOM in the text: `SourceFile` takes it off and remembers it, so that fixes write it back. */
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** Decodes UTF-8 strictly; binary files and other encodings get a problem at the first bad byte. */
export function decodeGuide(path: string, bytes: Uint8Array): ReadGuide {
  if (bytes.length > MAX_GUIDE_BYTES) return tooLarge(path, bytes.length);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return encodingProblem(path, '', '文件是 UTF-16 编码。请在编辑器里另存为 UTF-8 编码');
  }
  const nul = bytes.indexOf(0);
  const invalid = firstInvalidUtf8(bytes);
  if (nul === -1 && invalid === -1) return { file: new SourceFile(path, utf8.decode(bytes)) };
  const at = nul === -1 ? invalid : invalid === -1 ? nul : Math.min(nul, invalid);
  const before = utf8.decode(bytes.subarray(0, at));
  const message =
    at === nul
      ? `这是二进制文件，不是文本（第 ${at + 1} 个字节是 0x00），不能作为指南检查`
      : `文件不是 UTF-8 编码（第 ${at + 1} 个字节无法识别，可能是 GBK 编码）。请在编辑器里另存为 UTF-8 编码`;
  return encodingProblem(path, before, message);
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** `size` is unknown when the file grew past the limit while it was read, or came from a stream. */
function tooLarge(path: string, size: number | undefined): ReadGuide {
  const actual = size === undefined ? `超过 ${formatSize(MAX_GUIDE_BYTES)}` : formatSize(size);
  return {
    file: new SourceFile(path, ''),
    problem: {
      ruleId: 'syntax/too-large',
      message: `文件太大（${actual}），指南文件不能超过 ${formatSize(MAX_GUIDE_BYTES)}。一份指南通常不到 50 KB，请确认是不是放错了文件`,
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
