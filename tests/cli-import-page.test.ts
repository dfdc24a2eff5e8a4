/**
 * `baihua import text FILE|-` and `baihua import html FILE`: a draft guide from a saved guide page,
 * to stdout or to `--out`, with a one-line summary on stderr; an existing file is kept unless
 * `--force`; the draft is a guide lint reads (status 草稿); bad input is one Chinese line, exit 2.
 */
import { readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoStackTrace, lintJson, snapshotTree, YAML } from './cli-test-utils.js';
import { fixturesDir, repoRoot, runCli, scratch } from './helpers.js';

const PAGES = join(fixturesDir, 'pages');
const page = (name: string) => readFileSync(join(PAGES, name), 'utf8');
/** The golden draft with the schema line a draft written into `dir` gets. */
const golden = (name: string, schemaPath: string) =>
  page(name).replace('$schema=../../../schema/guide.schema.json', `$schema=${schemaPath}`);

const NEWBORN_SUMMARY =
  '认出 26 个字段：事项名称、基本编码、实施编码、事项类型、行使层级、实施主体、服务对象、设定依据、受理条件、申请材料、办理流程、办件类型、法定时限、承诺时限、收费、办理结果、送达方式、到现场次数、必须到现场的原因、网办程度、支持预约、支持快递、办理地点、办公时间、咨询电话、投诉电话；2 行放在「未归类内容」里，请逐行看过';

describe('baihua import text', () => {
  it('writes the draft of a page copy to stdout, and a summary to stderr', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'page.txt'), page('hukou-newborn-browser.txt'));
    const run = runCli(['import', 'text', 'page.txt'], { cwd: dir });
    expect(run.stderr).toBe(`${NEWBORN_SUMMARY}（status: 草稿）。\n`);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(golden('hukou-newborn-browser.draft.md', relativeSchema(dir)));
  });

  it('reads standard input with -', () => {
    const dir = scratch();
    const run = runCli(['import', 'text', '-'], { cwd: dir, input: page('gjj-transfer-sparse.txt') });
    expect(run.stderr).toBe(
      '认出 8 个字段：申请材料、承诺时限、收费、到现场次数、网办程度、办理网址、咨询电话、投诉电话；2 行放在「未归类内容」里，请逐行看过（status: 草稿）。\n',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(golden('gjj-transfer-sparse.draft.md', relativeSchema(dir)));
  });

  it('reads a page saved as GB18030 (GBK)', () => {
    const dir = scratch();
    const run = runCli(['import', 'text', join(fixturesDir, 'page-encodings/minzheng-relief-gb18030.txt')], {
      cwd: dir,
    });
    expect(run.code).toBe(0);
    const utf8 = runCli(['import', 'text', join(PAGES, 'minzheng-relief-spaced.txt')], { cwd: dir });
    expect(run.stdout).toBe(utf8.stdout);
    expect(YAML.parse(run.stdout.split('---\n')[1]!).title).toBe('临时救助申请');
  });

  it('writes --out, refuses to overwrite it without --force, and overwrites with it', () => {
    const dir = scratch();
    const input = join(PAGES, 'hukou-newborn-browser.txt');
    const first = runCli(['import', 'text', input, '--out', 'drafts/newborn.md', '--id', 'newborn-registration'], {
      cwd: dir,
    });
    expect(first.stderr).toBe(`${NEWBORN_SUMMARY}，草稿已写到 drafts/newborn.md（status: 草稿）。\n`);
    expect(first.stdout).toBe('');
    expect(first.code).toBe(0);
    const written = readFileSync(join(dir, 'drafts/newborn.md'), 'utf8');
    expect(written).toBe(
      golden('hukou-newborn-browser.draft.md', relativeSchema(join(dir, 'drafts'))).replace(
        'id: 11331002mb1913876n3000104003000',
        'id: newborn-registration',
      ),
    );

    writeFileSync(join(dir, 'drafts/newborn.md'), 'edited by hand\n');
    const again = runCli(['import', 'text', input, '--out', 'drafts/newborn.md'], { cwd: dir });
    expect(again.stderr).toBe('baihua: drafts/newborn.md 已经存在；要覆盖请加 --force\n');
    expect(again.code).toBe(2);
    expect(readFileSync(join(dir, 'drafts/newborn.md'), 'utf8')).toBe('edited by hand\n');

    // A link to the file is the file.
    symlinkSync(join(dir, 'drafts/newborn.md'), join(dir, 'link.md'));
    const throughLink = runCli(['import', 'text', input, '--out', 'link.md'], { cwd: dir });
    expect(throughLink.stderr).toBe('baihua: link.md 已经存在；要覆盖请加 --force\n');
    expect(throughLink.code).toBe(2);

    const forced = runCli(['import', 'text', input, '--out', 'drafts/newborn.md', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'drafts/newborn.md'), 'utf8')).toBe(
      golden('hukou-newborn-browser.draft.md', relativeSchema(join(dir, 'drafts'))),
    );
  });

  it('refuses an --out that is the page itself, or not a .md file, and --id that is not an id', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'page.md'), page('jiaotong-ascii.txt'));
    const before = snapshotTree(dir);
    expect(runCli(['import', 'text', 'page.md', '--out', 'page.md', '--force'], { cwd: dir }).stderr).toBe(
      'baihua: --out 指向要导入的文件本身（page.md），请换一个文件名\n',
    );
    expect(runCli(['import', 'text', 'page.md', '--out', 'draft.yaml'], { cwd: dir }).stderr).toBe(
      'baihua: --out 要写到 .md 文件（指南的格式），现在是「draft.yaml」\n',
    );
    expect(runCli(['import', 'text', 'page.md', '--id', '身份证'], { cwd: dir }).stderr).toBe(
      'baihua: --id 要用小写英文字母、数字和连字符，如 --id id-card-renewal，现在是「身份证」\n',
    );
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('writes a draft that lint reads as a guide with status 草稿', () => {
    const dir = scratch();
    for (const name of ['hukou-newborn-browser.txt', 'budongchan-mortgage-table.html', 'gjj-transfer-sparse.txt']) {
      const format = name.endsWith('.html') ? 'html' : 'text';
      const out = `drafts/${name.replace(/\.\w+$/, '.md')}`;
      expect(runCli(['import', format, join(PAGES, name), '--out', out], { cwd: dir }).code).toBe(0);
    }
    const { run, results } = lintJson(['drafts'], { cwd: dir });
    expectNoStackTrace(run);
    expect(results.map((result) => result.filePath.replace(/^.*\/drafts\//, ''))).toEqual([
      'budongchan-mortgage-table.md',
      'gjj-transfer-sparse.md',
      'hukou-newborn-browser.md',
    ]);
    for (const result of results) {
      // The file parses: no syntax finding (YAML, front matter, encoding).
      expect(result.messages.filter((message) => message.ruleId?.startsWith('syntax/'))).toEqual([]);
      const text = readFileSync(result.filePath, 'utf8');
      expect(YAML.parse(text.split('---\n')[1]!).status).toBe('草稿');
    }
  });
});

describe('baihua import html', () => {
  it('writes the draft of a saved page', () => {
    const dir = scratch();
    const run = runCli(['import', 'html', join(PAGES, 'budongchan-mortgage-table.html')], { cwd: dir });
    expect(run.stderr).toBe(
      '认出 23 个字段：事项名称、基本编码、实施编码、事项类型、行使层级、实施主体、服务对象、受理条件、申请材料、办件类型、法定时限、承诺时限、收费、办理结果、送达方式、到现场次数、网办程度、办理网址、支持快递、办理地点、办公时间、咨询电话、投诉电话；没有未归类的内容（status: 草稿）。\n',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(golden('budongchan-mortgage-table.draft.md', relativeSchema(dir)));
  });

  it('does not read standard input', () => {
    const run = runCli(['import', 'html', '-'], { input: '<p>事项名称：居住证</p>' });
    expect(run.stderr).toBe('baihua: import html 要给出另存的网页文件；从标准输入读文字请用 baihua import text -\n');
    expect(run.code).toBe(2);
  });
});

describe('bad input', () => {
  const cases: Array<[string, Buffer | string | undefined, string]> = [
    ['empty.txt', '', 'empty.txt: 文件是空的，没有可导入的内容。请把网页上的办事指南文字复制进来，或另存整个网页'],
    [
      'blank.txt',
      ' \n\u3000\n',
      'blank.txt: 文件是空的，没有可导入的内容。请把网页上的办事指南文字复制进来，或另存整个网页',
    ],
    [
      'page.pdf',
      Buffer.from([0x25, 0x50, 0x44, 0x46, 0x0a, 0x25, 0x00, 0xe2]),
      'page.pdf:2:2: 这是二进制文件，不是网页或文字（第 7 个字节是 0x00），不能导入。请导入另存的 .html 网页，或把网页上的文字复制到 .txt 文件',
    ],
    [
      'damaged.txt',
      Buffer.concat([Buffer.from('事项名称：居住证\n办理时限：'), Buffer.from([0xff, 0xfe, 0x41])]),
      'damaged.txt:2:6: 文件是 UTF-8 编码，但这里有无法识别的字节（可能保存时损坏了）。请在编辑器里改好后另存为 UTF-8 编码',
    ],
    [
      'latin1.txt',
      Buffer.from('Guide page\nFee: 20 \xff\xff', 'latin1'),
      'latin1.txt:2:9: 文件既不是 UTF-8 也不是 GB18030（GBK）编码，这里的字节无法识别。请在编辑器里另存为 UTF-8 编码',
    ],
    [
      'utf16.txt',
      Buffer.from('\uFEFF事项名称：居住证', 'utf16le'),
      'utf16.txt:1:1: 文件是 UTF-16 编码，不能导入。请在编辑器里另存为 UTF-8 编码',
    ],
    ['missing.txt', undefined, 'missing.txt: 找不到这个文件'],
  ];

  it.each(cases)('%s: one Chinese line, exit 2, nothing written', (name, content, message) => {
    const dir = scratch();
    if (content !== undefined) writeFileSync(join(dir, name), content);
    const run = runCli(['import', 'text', name, '--out', 'draft.md'], { cwd: dir });
    expect(run.stderr).toBe(`${message}\n`);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(2);
    expectNoStackTrace(run);
    expect(Object.keys(snapshotTree(dir))).toEqual(content === undefined ? [] : [name]);
  });

  it('an empty standard input', () => {
    const run = runCli(['import', 'text', '-'], { input: '' });
    expect(run.stderr).toBe(
      '标准输入: 文件是空的，没有可导入的内容。请把网页上的办事指南文字复制进来，或另存整个网页\n',
    );
    expect(run.code).toBe(2);
  });
});

/** The schema's path from a folder, as the `$schema` line of a draft written there gives it. */
function relativeSchema(dir: string): string {
  return relative(realpathSync(dir), join(repoRoot, 'schema/guide.schema.json'));
}
