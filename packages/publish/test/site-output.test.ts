/**
 * The output folder where symbolic links cannot be made (Windows without the privilege, FAT):
 * `--out` is the build folder itself, renamed in, and the marker is checked all the same.
 */
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { checkOutput, MARKER, replaceSite } from '../src/site-output.js';

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return {
    ...fs,
    symlinkSync: () => {
      throw Object.assign(new Error('EPERM: operation not permitted, symlink'), { code: 'EPERM' });
    },
  };
});

/** A scratch project with a guides and a templates folder; `dist` is its --out. */
function project(): { dir: string; out: string; inputs: { guides: string[]; templates: string } } {
  const dir = mkdtempSync(join(tmpdir(), 'baihua-output-'));
  mkdirSync(join(dir, 'guides'));
  mkdirSync(join(dir, 'templates'));
  return { dir, out: join(dir, 'dist'), inputs: { guides: [join(dir, 'guides')], templates: join(dir, 'templates') } };
}

const writeIndex = (text: string) => async (folder: string) => writeFileSync(join(folder, 'index.html'), text);

describe('without symbolic links', () => {
  it('the build folder is renamed to --out, carries the marker, and the next build replaces it with no debris', async () => {
    const { dir, out, inputs } = project();
    await replaceSite(checkOutput(out, inputs), writeIndex('第一次'), () => {});
    expect(lstatSync(out).isDirectory()).toBe(true);
    expect(readdirSync(out).sort()).toEqual([MARKER, 'index.html']);
    const previous: (string | undefined)[] = [];
    await replaceSite(
      checkOutput(out, inputs),
      async (folder, site) => {
        previous.push(site);
        writeFileSync(join(folder, 'index.html'), '第二次');
      },
      () => {},
    );
    expect(previous).toEqual([out]);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('第二次');
    expect(readdirSync(join(dir, '.dist.builds'))).toEqual([]);
  });

  it('a failed build leaves the site as it was and removes its folder', async () => {
    const { dir, out, inputs } = project();
    await replaceSite(checkOutput(out, inputs), writeIndex('第一次'), () => {});
    const failing = replaceSite(
      checkOutput(out, inputs),
      async (folder) => {
        writeFileSync(join(folder, 'index.html'), '写了一半');
        throw new Error('Chromium 退出了');
      },
      () => {},
    );
    await expect(failing).rejects.toThrow('Chromium 退出了');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('第一次');
    expect(readdirSync(join(dir, '.dist.builds'))).toEqual([]);
  });

  it('a folder without the marker is refused all the same', () => {
    const { out, inputs } = project();
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), '<h1>青禾市政务服务</h1>\n');
    expect(() => checkOutput(out, inputs)).toThrow(
      `--out ${out} 不是 baihua build 生成的目录（里面没有标记文件 .baihua-build），为了不删掉您的文件，没有覆盖它：请换一个 --out，或者自己先删除它`,
    );
  });
});
