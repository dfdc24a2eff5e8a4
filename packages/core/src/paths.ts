// Path checks by real path. Kept apart from the parsers (like errors.ts) so that the CLI can use
// them before it loads anything heavy.
import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, parse, relative, resolve, sep } from 'node:path';

/** Whether `path` is `root` or lies below it (both absolute, compared as given). */
export function isInside(path: string, root: string): boolean {
  const inside = relative(root, path);
  return inside === '' || (!inside.startsWith(`..${sep}`) && inside !== '..' && !isAbsolute(inside));
}

/**
 * The real path of `path` as the system resolves it, also for a path that does not exist yet:
 * each folder through realpath in turn, so a symlink followed by `..` leads to the parent of the
 * link's target (path.resolve would drop both lexically); names that do not exist are kept as
 * written. With `followLast` false the last name is kept even when it is a symlink.
 */
export function realPath(path: string, followLast = true): string {
  const absolute = isAbsolute(path) ? path : `${process.cwd()}${sep}${path}`;
  const names = absolute.split(sep === '\\' ? /[\\/]/ : '/').filter((name) => name !== '' && name !== '.');
  if (!names.includes('..')) {
    // The common case, one system call: no `..` to be taken after a symlink.
    try {
      return followLast ? realpathSync(absolute) : join(realpathSync(dirname(absolute)), basename(absolute));
    } catch {
      // something on the way does not exist yet: resolved name by name below
    }
  }
  let real = realpathSync(parse(absolute).root);
  names.forEach((name, index) => {
    if (name === '..') {
      real = dirname(real);
      return;
    }
    const next = join(real, name);
    real = (followLast || index < names.length - 1) && existsSync(next) ? realpathSync(next) : next;
  });
  return real;
}

/** The root of the git repository `directory` lies in (the nearest ancestor holding `.git`), if any. */
export function repositoryRoot(directory: string): string | undefined {
  for (let current = resolve(directory); ; current = dirname(current)) {
    if (existsSync(join(current, '.git'))) return current;
    if (dirname(current) === current) return undefined;
  }
}

/**
 * Where the files of the project that `directory` belongs to may really be: its repository (or,
 * outside a repository, the directory itself) and the working directory. Files a pull request
 * names (guides, presets, the catalog) must not make the check read, and print pieces of, files
 * elsewhere on the machine that runs it (an SSH key, /etc/passwd) into a public CI log.
 */
export function projectRoots(directory: string): string[] {
  const base = realPath(directory);
  return [realPath(process.cwd()), repositoryRoot(base) ?? base];
}

/** Whether `path`, followed through its symlinks, lies in the project of `directory`. */
export function insideProject(path: string, directory: string): boolean {
  const real = realPath(path);
  return projectRoots(directory).some((root) => isInside(real, root));
}

/** A path as people read it in reports: relative to cwd when inside it. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const relativePath = relative(cwd, path);
  return relativePath && !relativePath.startsWith('..') && !isAbsolute(relativePath) ? relativePath : path;
}
