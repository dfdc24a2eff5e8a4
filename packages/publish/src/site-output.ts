/**
 * Where `baihua build` writes its site, made so that nothing of the user's is ever deleted and
 * `--out` always holds a whole site.
 *
 * Every build is written to its own folder in a builds folder that Baihua owns, next to `--out`
 * (`dist` → `.dist.builds/<build id>/`), each carrying the marker file. `--out` is a relative
 * symbolic link to the current build. A new build is switched in by creating a link under a
 * temporary name and renaming it over `--out`: rename(2) replaces a link atomically, so `--out`
 * is never missing or half-written (Node has no renameat2 RENAME_EXCHANGE to swap two folders).
 * The earlier builds are removed after the switch. Builds of one `--out` hold a lock, so a
 * second build waits for the first, and a killed build's folder is removed by the next one.
 *
 * What may ever be deleted: folders inside the builds folder that carry the marker, temporary
 * links there, and `--out` when it is Baihua's link, Baihua's folder or an empty folder.
 */
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmdirSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';
import {
  displayPath,
  FileAccessError,
  isDynamicPattern,
  isInside,
  realPath,
  repositoryRoot,
  UsageError,
} from '@baihua/core';
import lockfile from 'proper-lockfile';

/** The file in every build folder that says Baihua made it, and so may replace it. */
export const MARKER = '.baihua-build';
const MARKER_TEXT = '这个目录由 baihua build 生成，下次运行 baihua build 时会被替换。\n';
const LOCK = '.lock';
const LINK_SUFFIX = '.link';
/**
 * A build holding the lock refreshes it every 5 s; a lock not refreshed for 10 s belongs to a
 * killed build and is taken over (proper-lockfile's defaults).
 */
const LOCK_STALE_MS = 10_000;

/** What a build reads; `--out` must not overlap any of them. */
export interface BuildInputs {
  guides: string[];
  templates: string;
  configFile?: string;
}

export interface OutputPlace {
  /** `--out` as the user wrote it, for messages */
  out: string;
  /** its real path: every folder on the way resolved, the last name not followed (it may be Baihua's link) */
  location: string;
  /** the folder of the builds, beside `location` */
  builds: string;
}

/** What `--out` is now: nothing, an empty folder, Baihua's link to a build, or a folder Baihua built without a link. */
type OutputState = { kind: 'absent' } | { kind: 'empty' } | { kind: 'link'; build: string } | { kind: 'folder' };

/** A glob stands for the folder before its first wildcard. */
export function inputPath(pattern: string): string {
  if (existsSync(pattern)) return pattern;
  const names = pattern.split('/');
  const wild = names.findIndex((name) => isDynamicPattern(name));
  return wild < 0 ? pattern : names.slice(0, wild).join('/') || '.';
}

const hasMarker = (folder: string): boolean =>
  lstatSync(join(folder, MARKER), { throwIfNoEntry: false })?.isFile() === true;

/** The build a link of Baihua's points to: exactly `.<name>.builds/<build id>`. */
function linkedBuild(place: OutputPlace): string | undefined {
  const target = readlinkSync(place.location);
  const prefix = `${basename(place.builds)}${sep}`;
  const build = target.startsWith(prefix) ? target.slice(prefix.length) : '';
  return /^\d+-[0-9a-f]{8}$/.test(build) ? build : undefined;
}

/** Refuses anything at `--out` that Baihua did not make. */
function outputState(place: OutputPlace): OutputState {
  const { out, location } = place;
  const stats = lstatSync(location, { throwIfNoEntry: false });
  if (!stats) return { kind: 'absent' };
  if (stats.isSymbolicLink()) {
    const build = linkedBuild(place);
    if (build) return { kind: 'link', build };
    throw new UsageError(
      `--out ${out} 是一个符号链接，不是 baihua build 建立的，为了不动它指向的文件，没有替换它：请换一个 --out，或者自己先删除这个链接`,
    );
  }
  if (!stats.isDirectory()) throw new UsageError(`--out ${out} 是一个文件，不是目录：请换一个 --out，或者自己先删除它`);
  if (hasMarker(location)) return { kind: 'folder' };
  // An empty folder is taken: nothing in it can be lost, and rmdir removes it only while it is empty.
  if (readdirSync(location).length === 0) return { kind: 'empty' };
  throw new UsageError(
    `--out ${out} 不是 baihua build 生成的目录（里面没有标记文件 ${MARKER}），为了不删掉您的文件，没有覆盖它：请换一个 --out，或者自己先删除它`,
  );
}

/**
 * Checks `--out` before anything is built. Refused: the working directory, a repository root
 * (the nearest folder with `.git` above the working directory or an input), or an input (the
 * guide paths, the templates, the configuration file's folder), and any folder containing one of
 * them, since the build replaces `--out`; a folder inside an input, which would mix the site into
 * what is read, unless that input is the project itself (it holds the working directory, as in
 * `baihua build . --out dist`); anything at `--out` that Baihua did not make, and a builds
 * folder that is not a folder. Paths are compared as the system resolves them, so a link or a
 * `..` cannot hide an overlap.
 */
export function checkOutput(out: string, inputs: BuildInputs): OutputPlace {
  const location = realPath(out, false);
  const cwd = realpathSync(process.cwd());
  const read = [
    ...inputs.guides.map((pattern) => ({ path: realPath(inputPath(pattern), true), what: '输入的指南' })),
    { path: realPath(inputs.templates, true), what: '模板目录' },
    ...(inputs.configFile ? [{ path: realPath(dirname(inputs.configFile), true), what: '配置文件所在的目录' }] : []),
  ];
  const roots = new Set(
    [cwd, ...read.map((input) => input.path)].map(repositoryRoot).filter((root) => root !== undefined),
  );
  const replaced = [
    { path: cwd, name: '当前目录' },
    ...[...roots].map((root) => ({ path: root, name: `仓库的根目录 ${displayPath(root, cwd)}（里面有 .git）` })),
    ...read.map((input) => ({ path: input.path, name: `${input.what} ${displayPath(input.path, cwd)}` })),
  ];
  for (const { path, name } of replaced) {
    const relation = location === path ? '就是' : isInside(path, location) ? '包含了' : undefined;
    if (relation)
      throw new UsageError(`--out ${out} ${relation}${name}，生成网站会替换掉它：请换一个新的目录，例如 --out dist`);
  }
  for (const { path, what } of read) {
    if (isInside(location, path) && !isInside(cwd, path)) {
      const shown = displayPath(path, cwd);
      throw new UsageError(
        `--out ${out} 在${what} ${shown} 里面，生成的网站会和输入混在一起：请换一个 ${shown} 之外的目录，例如 --out dist`,
      );
    }
  }
  const place = { out, location, builds: join(dirname(location), `.${basename(location)}.builds`) };
  // Builds are removed from this folder: it must be a folder here, not a link to one elsewhere.
  if (lstatSync(place.builds, { throwIfNoEntry: false })?.isDirectory() === false) {
    throw new UsageError(
      `--out ${out} 旁边的 ${basename(place.builds)} 不是 baihua build 建立的目录：请换一个 --out，或者自己先删除它`,
    );
  }
  outputState(place);
  return place;
}

/** Takes the lock of the builds folder, waiting (and saying so once) while another build holds it. */
async function lockBuilds(
  builds: string,
  onWait: () => void,
  onCompromised: (error: Error) => void,
): Promise<() => Promise<void>> {
  const options = { realpath: false, lockfilePath: join(builds, LOCK), stale: LOCK_STALE_MS, onCompromised };
  try {
    return await lockfile.lock(builds, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
  }
  onWait();
  return lockfile.lock(builds, { ...options, retries: { forever: true, minTimeout: 200, maxTimeout: 1000 } });
}

/**
 * Removes every build in the builds folder but `keep`: only folders carrying the marker (earlier
 * builds, and folders of killed builds) and temporary links. Called under the lock, so none of
 * them is being written.
 */
async function removeBuilds(builds: string, keep: string | undefined): Promise<void> {
  for (const entry of readdirSync(builds, { withFileTypes: true })) {
    const path = join(builds, entry.name);
    if (entry.isDirectory() && entry.name !== keep && hasMarker(path)) await rm(path, { recursive: true, force: true });
    else if (entry.isSymbolicLink() && entry.name.endsWith(LINK_SUFFIX)) unlinkSync(path);
  }
}

/** Renames a folder Baihua built at `--out` into the builds folder, where it is removed as an earlier build. */
function moveAside(place: OutputPlace, id: string): string {
  const aside = join(place.builds, `${id}-previous`);
  renameSync(place.location, aside);
  return aside;
}

/**
 * Makes build `id` the site at `--out`. Returns whether `--out` is now a link to it (the build
 * stays in the builds folder) or the build folder itself.
 */
function switchTo(place: OutputPlace, state: OutputState, id: string): boolean {
  const link = join(place.builds, `${id}${LINK_SUFFIX}`);
  try {
    symlinkSync(join(basename(place.builds), id), link, 'dir');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
    // No symbolic links here (Windows without the privilege, some network and FAT file systems):
    // the build folder itself is renamed to `--out`, which leaves `--out` missing between the two
    // renames. The marker is checked all the same.
    putAtOutput(place, state, { path: join(place.builds, id), isLink: false }, id);
    return false;
  }
  try {
    putAtOutput(place, state, { path: link, isLink: true }, id);
  } catch (error) {
    unlinkSync(link);
    throw error;
  }
  return true;
}

/**
 * Renames `source` (the new link, or without links the build folder) to `--out`. A link there is
 * replaced in that one rename when `source` is a link too; a folder there (a build made without
 * links, or an empty folder) cannot be, and goes first: the site is missing for that moment.
 */
function putAtOutput(
  place: OutputPlace,
  state: OutputState,
  source: { path: string; isLink: boolean },
  id: string,
): void {
  const aside = state.kind === 'folder' ? moveAside(place, id) : undefined;
  if (state.kind === 'empty') rmdirSync(place.location);
  if (state.kind === 'link' && !source.isLink) unlinkSync(place.location);
  try {
    renameSync(source.path, place.location);
  } catch (error) {
    if (aside) renameSync(aside, place.location);
    throw error;
  }
}

/**
 * Builds a new site with `write` into a folder of its own and, when `write` succeeds, switches
 * `--out` to it and returns what `write` returned. `write` gets the folder and, to reuse its
 * PDFs, the path of the current site when there is one. A build that fails removes its folder
 * and leaves the current site as it was.
 */
export async function replaceSite<T>(
  place: OutputPlace,
  write: (folder: string, previous: string | undefined) => Promise<T>,
  onWait: () => void,
): Promise<T> {
  mkdirSync(place.builds, { recursive: true });
  let compromised: Error | undefined;
  const release = await lockBuilds(place.builds, onWait, (error) => (compromised = error));
  try {
    // Checked again under the lock: `--out` may have changed while this build waited.
    const state = outputState(place);
    await removeBuilds(place.builds, state.kind === 'link' ? state.build : undefined);
    const id = `${process.pid}-${randomBytes(4).toString('hex')}`;
    const folder = join(place.builds, id);
    mkdirSync(folder);
    writeFileSync(join(folder, MARKER), MARKER_TEXT);
    let linked: boolean;
    let written: T;
    try {
      written = await write(folder, state.kind === 'link' || state.kind === 'folder' ? place.location : undefined);
      if (compromised)
        throw new FileAccessError(
          place.out,
          '这次生成停顿太久，另一个 baihua build 接管了这个目录，这次的结果没有换上去：请再运行一次 baihua build',
        );
      linked = switchTo(place, state, id);
    } catch (error) {
      await rm(folder, { recursive: true, force: true });
      throw error;
    }
    await removeBuilds(place.builds, linked ? id : undefined);
    return written;
  } finally {
    if (!compromised) await release();
  }
}
