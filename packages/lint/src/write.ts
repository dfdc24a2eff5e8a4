import { createHash, randomBytes } from 'node:crypto';
import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { FileAccessError, MAX_GUIDE_BYTES, readRegularFile } from '@baihua/core';

/** The digest a fixed guide is checked against before it is written: of the bytes the fixes were computed from. */
export function contentDigest(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/** A write left undone on purpose: the file is read-only, or changed since it was read. */
export class WriteSkipped extends FileAccessError {
  override name = 'WriteSkipped';
}

export interface WriteOptions {
  /** write only if the file still holds content with this digest (see `contentDigest`) */
  unchangedSince?: string;
}

/** What an operating system error means for a write, in the user's words. */
function writeFailure(code: string | undefined): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return '没有写入权限（目录或文件不允许写）';
    case 'ENOSPC':
      return '磁盘满了';
    case 'EROFS':
      return '文件系统是只读的';
    case 'ENOENT':
      return '所在目录不存在';
    default:
      return `写入出错（${code ?? '未知原因'}）`;
  }
}

function existing(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The real file behind a path: a symlinked guide is written through its link, and stays a link. */
function realTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return path;
    throw error;
  }
}

function stillHolds(path: string, digest: string): boolean {
  try {
    const read = readRegularFile(path, MAX_GUIDE_BYTES);
    return !read.tooLarge && contentDigest(read.bytes) === digest;
  } catch (error) {
    if (error instanceof FileAccessError) return false; // deleted, or replaced by something else
    throw error;
  }
}

/** Whether a file may not be replaced: no write permission bit (0444), or none for this user. */
function readOnly(path: string, stats: Stats): boolean {
  if ((stats.mode & 0o222) === 0) return true;
  try {
    accessSync(path, constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

/**
 * Writes through a temporary file in the same directory and renames it over the target, so a
 * crash or a full disk never leaves a half-written guide or report. What the file was stays as it
 * was: a symlink is followed and kept, and the mode (and, for root, the owner) is copied before
 * the rename, since a new file would get 0644 and a private file would turn world-readable. A
 * read-only file is not replaced (as an editor would not), nor one that changed since it was read
 * (`unchangedSince`): `WriteSkipped`. Other failures are a `FileAccessError` with the reason.
 * Text is written as UTF-8; bytes (a workbook) as they are.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array, options: WriteOptions = {}): void {
  let temporary: string | undefined;
  let descriptor: number | undefined;
  try {
    const target = realTarget(path);
    const before = existing(target);
    if (before && !before.isFile()) throw new WriteSkipped(path, '这不是普通文件（是目录、管道或设备），没有写入');
    if (before && readOnly(target, before))
      throw new WriteSkipped(path, '文件是只读的，没有写入。要写入请先取消只读（chmod u+w）');
    temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    // A new file gets what any new file would (0666 less the umask); a replaced one keeps its mode.
    descriptor = openSync(temporary, 'wx', before ? 0o600 : 0o666);
    if (typeof content === 'string') writeSync(descriptor, content);
    else for (let written = 0; written < content.length; ) written += writeSync(descriptor, content, written);
    if (before) {
      fchmodSync(descriptor, before.mode & 0o7777);
      const written = fstatSync(descriptor);
      if (process.getuid?.() === 0 && (written.uid !== before.uid || written.gid !== before.gid))
        fchownSync(descriptor, before.uid, before.gid);
    }
    fsyncSync(descriptor);
    closeSync(descriptor);
    descriptor = undefined;
    // Checked last, just before the rename: an editor that saved meanwhile keeps its text.
    if (options.unchangedSince !== undefined && !stillHolds(target, options.unchangedSince)) {
      throw new WriteSkipped(
        path,
        '文件在检查之后又被改过或删掉了（可能是编辑器保存了新内容），为了不覆盖新内容，没有写入',
      );
    }
    renameSync(temporary, target);
  } catch (error) {
    if (descriptor !== undefined) closeSync(descriptor);
    if (temporary !== undefined) rmSync(temporary, { force: true });
    if (error instanceof FileAccessError) throw error;
    throw new FileAccessError(path, `无法写入：${writeFailure((error as NodeJS.ErrnoException).code)}`);
  }
}
