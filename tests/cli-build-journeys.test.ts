/**
 * Journeys (一件事) through the publish pipeline: `baihua build` renders them with the catalog
 * pages and re-renders exactly the guides a changed journey names; `baihua serve` (publish without
 * `out`) shows them in memory.
 */
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { publish } from '@baihua/publish';
import { beforeAll, describe, expect, it } from 'vitest';
import { JOURNEY_CATALOG, runCli, scratch } from './helpers.js';

describe('baihua build of a catalog with a journey', () => {
  let dir: string;
  let guides: string;
  const build = () =>
    runCli(['build', 'guides', '--out', 'dist', '--targets', 'web,mobile,bundle', '--concurrency', 'off'], {
      cwd: dir,
    });
  const page = (path: string) => readFileSync(join(dir, 'dist', path), 'utf8');
  const journeyFile = () => join(guides, 'journeys/newborn-test.md');
  const editJourney = (from: string, to: string) =>
    writeFileSync(journeyFile(), readFileSync(journeyFile(), 'utf8').replace(from, to));

  beforeAll(() => {
    dir = scratch();
    guides = join(dir, 'guides');
    cpSync(JOURNEY_CATALOG, guides, { recursive: true });
  });

  it('writes the journey’s pages and bundle file beside the guides, and says how many journeys', () => {
    const run = build();
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      '✔ 生成了 6 份指南（重新生成 6 份，沿用 0 份）和 1 件一件事：web 8 页，mobile 7 页，bundle 6 份 → dist\n',
    );
    expect(run.code).toBe(0);
    expect(page('web/journeys/newborn-test.html')).toContain('<dd>最多跑4次');
    expect(page('mobile/journeys/newborn-test.html')).toContain('<a href="../newborn-hukou.html">出生登记</a>');
    expect(JSON.parse(page('bundle/journeys/newborn-test.json')).totals.calendarDays).toBe(44);
    expect(JSON.parse(page('bundle/manifest.json')).journeys.map((entry: { id: string }) => entry.id)).toEqual([
      'newborn-test',
    ]);
    expect(page('web/guides/newborn-hukou.html')).toContain(
      '这是<a href="../journeys/newborn-test.html">「新生儿出生一件事」</a>的第2步：给宝宝报户口',
    );
    expect(page('web/index.html')).toContain('<a href="journeys/newborn-test.html">新生儿出生一件事</a>');
  });

  it('renders nothing again when nothing changed', () => {
    expect(build().stdout).toBe(
      '✔ 生成了 6 份指南（重新生成 0 份，沿用 6 份）和 1 件一件事：web 8 页，mobile 7 页，bundle 6 份 → dist\n',
    );
  });

  it('a step renamed re-renders the guide of that step only', () => {
    editJourney('title: 给宝宝报户口', 'title: 给宝宝上户口');
    expect(build().stdout).toBe(
      '✔ 生成了 6 份指南（重新生成 1 份，沿用 5 份）和 1 件一件事：web 8 页，mobile 7 页，bundle 6 份 → dist\n',
    );
    expect(page('mobile/newborn-hukou.html')).toContain('的第2步：给宝宝上户口');
  });

  it('the journey renamed re-renders every guide it names', () => {
    editJourney('title: 新生儿出生一件事', 'title: 宝宝出生一件事');
    expect(build().stdout).toBe(
      '✔ 生成了 6 份指南（重新生成 6 份，沿用 0 份）和 1 件一件事：web 8 页，mobile 7 页，bundle 6 份 → dist\n',
    );
    expect(page('web/guides/maternity-allowance.html')).toContain('「宝宝出生一件事」</a>的第4步：领生育津贴');
  });

  it('a guide changed changes the journey’s totals', () => {
    const bank = join(guides, 'social-security-card-bank.md');
    writeFileSync(
      bank,
      readFileSync(bank, 'utf8')
        .replace('visits: 2\n', 'visits: 1\n')
        .replace(/visits_reason: .*\n/, ''),
    );
    expect(build().stdout).toBe(
      '✔ 生成了 6 份指南（重新生成 1 份，沿用 5 份）和 1 件一件事：web 8 页，mobile 7 页，bundle 6 份 → dist\n',
    );
    expect(page('web/journeys/newborn-test.html')).toContain('<dd>最多跑3次');
  });
});

describe('baihua build --shard and baihua merge of a catalog with a journey', () => {
  /** Every file of a site (the link \`--out\` followed) with its contents. */
  const contents = (site: string) =>
    Object.fromEntries(
      readdirSync(site, { recursive: true, encoding: 'utf8' })
        .filter((path) => statSync(join(site, path)).isFile())
        .sort()
        .map((path) => [path, readFileSync(join(site, path), 'latin1')]),
    );

  it('the first shard renders the journey, and the merge is byte-identical to a build on one machine', () => {
    const dir = scratch();
    cpSync(JOURNEY_CATALOG, join(dir, 'guides'), { recursive: true });
    const build = (out: string, more: string[] = []) =>
      runCli(['build', 'guides', '--out', out, '--targets', 'web,mobile,bundle', ...more], { cwd: dir });
    expect(build('single').code).toBe(0);
    expect(build('shard-1', ['--shard', '1/2']).stdout).toBe(
      '✔ 生成了 第 1/2 片的 2 份指南（重新生成 2 份，沿用 0 份）和 1 件一件事：web 3 页，mobile 3 页，bundle 2 份 → shard-1\n',
    );
    expect(build('shard-2', ['--shard', '2/2']).stdout).toBe(
      '✔ 生成了 第 2/2 片的 4 份指南（重新生成 4 份，沿用 0 份）：web 4 页，mobile 4 页，bundle 4 份 → shard-2\n',
    );
    const merge = runCli(['merge', 'shard-1', 'shard-2', '--out', 'dist'], { cwd: dir });
    expect([merge.stdout, merge.stderr, merge.code]).toEqual([
      '✔ 合并了 2 片，共 6 份指南和 1 件一件事：web 8 页，mobile 7 页，bundle 6 份 → dist\n',
      '',
      0,
    ]);
    expect(contents(join(dir, 'dist'))).toEqual(contents(join(dir, 'single')));
  });
});

describe('baihua serve of a catalog with a journey', () => {
  it('renders the journey in memory with the guides', async () => {
    const guides = join(scratch(), 'guides');
    cpSync(JOURNEY_CATALOG, guides, { recursive: true });
    const publication = await publish({ patterns: [guides], targets: ['web', 'mobile', 'print'] });
    expect(publication.failed).toEqual([]);
    const files = publication.site!.files;
    expect(files.get('print/journeys/newborn-test.html')).toContain('<dd>一共最多380元');
    expect(files.get('web/guides/newborn-hukou.html')).toContain('的第2步：给宝宝报户口');
  });
});
