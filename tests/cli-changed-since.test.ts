/**
 * `baihua lint --changed-since REF` and `--format markdown` on a git repository made here: the
 * example guides committed on main, then a branch that renames one, makes one harder to read and
 * another easier, adds one under an id an unchanged guide has, deletes one, and leaves a guide
 * untracked and another ignored. Only the changed guides are linted, against the whole catalog;
 * the markdown summary compares each with its text at the base. Then a shallow clone given the
 * base ref, and the errors when there is no ref, no repository or no git.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guidesDir, runCli, scratch } from './helpers.js';
import { brief, expectNoStackTrace, lintJson } from './cli-test-utils.js';

const IDENTITY = {
  GIT_AUTHOR_NAME: '周敏',
  GIT_AUTHOR_EMAIL: 'zhoumin@example.gov.cn',
  GIT_COMMITTER_NAME: '周敏',
  GIT_COMMITTER_EMAIL: 'zhoumin@example.gov.cn',
};

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...IDENTITY } });
}

function edit(dir: string, path: string, from: string, to: string): void {
  const file = join(dir, path);
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${path} does not contain ${from}`);
  writeFileSync(file, text.replace(from, to));
}

/** Plain sentences of 低保 and their 公文腔 versions: the base has the latter, the branch the former. */
const ALLOWANCE_EDITS: Array<[plain: string, officialese: string]> = [
  [
    'summary: 如果您家收入很低、生活困难，可以申请低保，每月领取低保金。',
    'summary: 家庭人均收入低于当地最低生活保障标准的申请人，可依法申请最低生活保障待遇。',
  ],
  [
    '会。街道每年至少核查1次。家里收入、人口变了，请在1个月内告诉社区。',
    '街道办事处按照有关规定定期开展复核工作，家庭人口或收入状况发生变化的，应当及时向社区居委会报告。',
  ],
  [
    '工作人员会上门看看您家的住房和生活情况，问一问家里每个人的工作和收入。',
    '申请人应当积极配合有关部门依法依规开展的入户调查工作，如实提供家庭成员的就业状况、收入来源及财产状况等相关情况，' +
      '对于拒不配合调查的申请人，相关部门将视为自动放弃申请并予以终止办理。',
  ],
  [
    '请如实回答。家里的存款、车辆和房产，平台都能查到。隐瞒的，以后查出来需要退回领过的低保金。',
    '申请人须如实申报家庭财产状况，凡隐瞒或虚报的，一经查实，将依法追回已领取的最低生活保障金。',
  ],
  [
    '家里有重病或残疾的人，请主动告诉工作人员。看病支出可以从收入里扣除。',
    '家庭成员中有重病或残疾人员的，申请人应当主动向经办人员说明情况，相关医疗支出可依规予以扣减。',
  ],
  [
    '有成年家庭成员没在授权书上签名。每个成年人都签名后，平台才能核对。',
    '成年家庭成员未在授权书上签字的，平台将无法进行核对，申请不予受理。',
  ],
];

/** Plain sentences of 养老保险 the branch puts in 公文腔: two sections, two answers of the faq. */
const PENSION_EDITS: Array<[plain: string, officialese: string]> = [
  [
    '有。按最低档次交的，政府每年补贴30元。交500元以上档次的，每年补贴60元以上。',
    '对于符合条件的参保人员，政府按照有关规定予以相应补贴，具体标准以相关部门公布的为准。',
  ],
  [
    '满60周岁、累计缴费满15年，就可以按月领养老金。',
    '参保人员达到法定退休年龄且累计缴费满十五年的，可于次月起按月领取基本养老金。',
  ],
  [
    '档次越高，政府补贴越多，以后每月领的养老金也越多。每年可以换1次档次。',
    '参保人员可根据自身经济状况自主选择缴费档次，缴费档次越高，政府给予的缴费补贴相应越高。',
  ],
  [
    '每年的缴费时间是1月1日到12月20日。过了12月20日，当年就不能再补交了。',
    '参保人员应当按照有关规定于每年度规定期限内自行选择缴费档次并足额缴纳城乡居民基本养老保险费，' +
      '逾期未缴纳的视为自动放弃当年度缴费资格且不予补缴。',
  ],
  [
    '刷脸核验没通过。请到光线好的地方重新刷脸，或到窗口办理。',
    '人脸识别核验未通过的，参保人员应当前往光线充足的场所重新进行核验，或至窗口办理。',
  ],
];

/** One finding at the base that stays: the same word 「自行」 in another sentence is a different one. */
const TIP_AT_BASE = '- 缴费档次可以自行选择，每年可以换1次。\n';

/**
 * main: the example guides (no `catalog` setting, so that only --changed-since makes the unchanged
 * guides part of the catalog), 低保 in 公文腔 in places and one tip of 养老保险 with 「自行」. The
 * branch `pr`: 身份证 renamed (a space in its new name), 低保 rewritten plainly, 养老保险 put in
 * 公文腔 in places, 补领结婚证 added under the id of 结婚登记, 个体工商户 deleted,
 * README edited; in the working tree 入学 登记 untracked and a draft that .gitignore ignores.
 */
function makeRepository(): string {
  const repo = scratch();
  cpSync(guidesDir, join(repo, 'guides'), { recursive: true });
  edit(repo, 'guides/baihua.config.yaml', "catalog: ['.']\n", '');
  for (const [plain, officialese] of ALLOWANCE_EDITS)
    edit(repo, 'guides/民政/minimum-living-allowance.md', plain, officialese);
  edit(repo, 'guides/社保/pension-enrollment.md', '## 办理小贴士\n\n', `## 办理小贴士\n\n${TIP_AT_BASE}`);
  writeFileSync(join(repo, 'README.md'), '# 青禾市办事指南\n');
  writeFileSync(join(repo, '.gitignore'), '*.draft.md\n');
  git(repo, 'init', '--quiet', '--initial-branch=main');
  git(repo, 'add', '.');
  git(repo, 'commit', '--quiet', '-m', '办事指南');
  git(repo, 'checkout', '--quiet', '-b', 'pr');
  git(repo, 'mv', 'guides/户籍/id-card-renewal.md', 'guides/户籍/居民身份证 换领.md');
  git(repo, 'commit', '--quiet', '-m', '身份证换领改用中文文件名');
  for (const [plain, officialese] of ALLOWANCE_EDITS)
    edit(repo, 'guides/民政/minimum-living-allowance.md', officialese, plain);
  for (const [plain, officialese] of PENSION_EDITS) edit(repo, 'guides/社保/pension-enrollment.md', plain, officialese);
  git(repo, 'commit', '--quiet', '-am', '改写低保和养老保险');
  writeFileSync(
    join(repo, 'guides/婚姻登记/补领结婚证.md'),
    readFileSync(join(guidesDir, '婚姻登记/marriage-registration.md'), 'utf8').replace(
      'title: 内地居民结婚登记',
      'title: 补领结婚证',
    ),
  );
  git(repo, 'rm', '--quiet', 'guides/市场监管/individual-business-registration.md');
  writeFileSync(join(repo, 'README.md'), '# 青禾市办事指南\n\n每份指南一个文件。\n');
  git(repo, 'add', '.');
  git(repo, 'commit', '--quiet', '-m', '补领结婚证；个体工商户登记移交市场监管局');
  writeFileSync(
    join(repo, 'guides/教育/入学 登记.md'),
    readFileSync(join(guidesDir, '户籍/id-card-renewal.md'), 'utf8')
      .replace('id: id-card-renewal', 'id: id-card-first-application')
      .replace(/codes:\n {2}basic: "\d+"\n/, ''),
  );
  writeFileSync(
    join(repo, 'guides/教育/school.draft.md'),
    readFileSync(join(guidesDir, '教育/primary-school-enrollment.md'), 'utf8'),
  );
  return repo;
}

let repo: string;
beforeAll(() => {
  repo = makeRepository();
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const CHANGED = [
  'guides/婚姻登记/补领结婚证.md',
  'guides/户籍/居民身份证 换领.md',
  'guides/教育/入学 登记.md',
  'guides/民政/minimum-living-allowance.md',
  'guides/社保/pension-enrollment.md',
];

/** The markdown report with the commit compared with written as <base>. */
function markdownReport(cwd: string, ref: string): { text: string; code: number; stderr: string } {
  const run = runCli(['lint', '--changed-since', ref, '--format', 'markdown'], { cwd });
  const base = git(cwd, 'merge-base', ref, 'HEAD').trim().slice(0, 7);
  return { text: run.stdout.replaceAll(base, '<base>'), code: run.code, stderr: run.stderr };
}

/** The part of a markdown report about one guide: from its heading to the next part. */
function guidePart(text: string, path: string): string {
  const start = text.indexOf(`#### ${path}\n`);
  if (start === -1) throw new Error(`no part for ${path} in\n${text}`);
  const end = text.slice(start + 1).search(/\n(?:#### |---\n)/);
  return text.slice(start, start + 1 + end);
}

const OVERVIEW = `| 指南 | 易读分（改动前 → 现在） | 新问题 | 修好 | 仍有 |
| --- | --- | --- | --- | --- |
| guides/婚姻登记/补领结婚证.md（新增） | 100（易读） | 3 | – | 0 |
| guides/户籍/居民身份证 换领.md（改名自 guides/户籍/id-card-renewal.md） | 100（易读） → 100（易读） ±0 | 1 | 0 | 0 |
| guides/教育/入学 登记.md（新增） | 100（易读） | 1 | – | 0 |
| guides/民政/minimum-living-allowance.md | 69（一般） → 100（易读） ↑31 | 0 | 25 | 0 |
| guides/社保/pension-enrollment.md | 100（易读） → 66（一般） ↓34 | 20 | 0 | 1 |`;

const PENSION = `#### guides/社保/pension-enrollment.md

易读分 100（易读） → 66（一般），↓34。

| 变化的部分 | 改动前 | 现在 |
| --- | --- | --- |
| 字段 | 98（易读） | 80（易读） |
| 怎么选缴费档次 | 100（易读） | 0（难） |
| 办不成的常见原因 | 100（易读） | 38（较难） |

| 变化的字段 | 改动前 | 现在 |
| --- | --- | --- |
| faq | 100（易读） | 18（难） |

| 变化的指标 | 改动前 | 现在 | 目标 |
| --- | --- | --- | --- |
| 平均句长（字） | 14 | 15.6 | 25 |
| 长句（90% 分位，字） | 22 | 26 | 40 |
| 难词（每百词） | 7.6 | 8.5 | 8 |
| 公文腔（每百字） | 0.1 | 1.4 | 1 |

| 位置 | 级别 | 问题 | 规则 | 新出现 |
| --- | --- | --- | --- | --- |
| 109:15 | 警告 | 「符合条件的」说得不具体，群众不知道指的是哪个：写出条件，或写「满足上面的办理条件的」 | \`plain/vague-reference\` | 新 |
| 109:20 | 警告 | 「参保人员」是第三人称，指南是写给您看的：改为「您」 | \`plain/third-person\` | 新 |
| 109:29 | 警告 | 「有关规定」说得不具体，群众不知道指的是哪个：写出法规名称和条款 | \`plain/vague-reference\` | 新 |
| 109:33 | 警告 | 「予以」多了一个虚化动词，直接用后面的动词更清楚：删去「予以」，直接用后面的动词 | \`plain/nominalization\` | 新 |
| 109:45 | 警告 | 「相关部门」说得不具体，群众不知道指的是哪个：写出单位全称（到科室、窗口） | \`plain/vague-reference\` | 新 |
| 111:13 | 警告 | 「参保人员」是第三人称，指南是写给您看的：改为「您」 | \`plain/third-person\` | 新 |
| 111:37 | 警告 | 「于」是文言或公文用词，群众读着费劲：改为「在」 | \`plain/classical-word\` | 新 |
| 134:1 | 警告 | 「参保人员」是第三人称，指南是写给您看的：改为「您」 | \`plain/third-person\` | 新 |
| 134:32 | 警告 | 「给予的缴费」多了一个虚化动词，直接用后面的动词更清楚：改为「的缴费」 | \`plain/nominalization\` | 新 |
| 136:1 | 警告 | 这句话有 69 个字，超过 50 个字。可以在「基本养老保险费，」处断开，改成两句 | \`plain/long-sentence\` | 新 |
| 136:1 | 警告 | 「参保人员」是第三人称，指南是写给您看的：改为「您」 | \`plain/third-person\` | 新 |
| 136:9 | 警告 | 「有关规定」说得不具体，群众不知道指的是哪个：写出法规名称和条款 | \`plain/vague-reference\` | 新 |
| 136:13 | 警告 | 「于」是文言或公文用词，群众读着费劲：改为「在」 | \`plain/classical-word\` | 新 |
| 136:17 | 警告 | 「规定期限内」没说清是多久，群众没法安排：写成「X个工作日内」 | \`plain/vague-time\` | 新 |
| 136:22 | 警告 | 「自行」是文言或公文用词，群众读着费劲：改为「自己」 | \`plain/classical-word\` | 新 |
| 136:47 | 警告 | 「逾期」是文言或公文用词，群众读着费劲：改为「过期」或「超过期限」 | \`plain/classical-word\` | 新 |
| 136:53 | 警告 | 「视为」是文言或公文用词，群众读着费劲：改为「算作」或「当作」 | \`plain/classical-word\` | 新 |
| 136:67 | 警告 | 「不予」是文言或公文用词，群众读着费劲：改为「不」，并写明原因和补救办法 | \`plain/classical-word\` | 新 |
| 140:9 | 警告 | 「自行」是文言或公文用词，群众读着费劲：改为「自己」 | \`plain/classical-word\` |  |
| 150:14 | 警告 | 「参保人员」是第三人称，指南是写给您看的：改为「您」 | \`plain/third-person\` | 新 |
| 150:31 | 警告 | 「进行核验」多了一个虚化动词，直接用后面的动词更清楚：改为「核验」 | \`plain/nominalization\` | 新 |
`;

const FOOTNOTE =
  '---\n<sub>「改动前」是指南在 main 与当前提交的合并基点（<base>）时的文本，用现在的配置检查；改名的指南比较旧路径的文本。' +
  '新问题、修好的问题按问题的指纹（规则和所在的句子）对比，与行号无关。</sub>\n';

describe('baihua lint --changed-since', () => {
  it('lints only the guides added, changed, renamed or untracked since the ref: not the deleted, ignored or unchanged', () => {
    const { run, results } = lintJson(['--changed-since', 'main'], { cwd: repo });
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 1, stderr: '' });
    expect(results.map((result) => result.filePath.slice(repo.length + 1))).toEqual(CHANGED);
  });

  it('judges the catalog rules against the unchanged guides, which it does not lint', () => {
    const { results } = lintJson(['--changed-since', 'main'], { cwd: repo });
    const added = results.find((result) => result.filePath.endsWith('补领结婚证.md'))!;
    expect(added.messages.map(brief)).toEqual([
      '3:5 error catalog/duplicate-id 标识「marriage-registration」和 guides/婚姻登记/marriage-registration.md 重复：' +
        '每份指南的标识要不同，请给其中一份换一个',
      '5:10 error catalog/duplicate-code 基本编码「000109501000」和 guides/婚姻登记/marriage-registration.md 重复：' +
        '同一件事只应有一份指南；不同地方实施的同一事项，请写上各自的实施编码（codes.implementation）',
      '6:8 warning catalog/near-duplicate 这份指南和 guides/婚姻登记/marriage-registration.md（内地居民结婚登记）' +
        '的文字约 99% 相同：同一件事只应有一份指南。请合并成一份；确实是不同地方实施的，写上各自的 codes.implementation',
    ]);
  });

  it('is bounded by the paths given', () => {
    const { run, results } = lintJson(['--changed-since', 'main', 'guides/社保', 'guides/户籍'], { cwd: repo });
    expect(run.code).toBe(0);
    expect(results.map((result) => result.filePath.slice(repo.length + 1))).toEqual([
      'guides/户籍/居民身份证 换领.md',
      'guides/社保/pension-enrollment.md',
    ]);
  });

  it('says in the stylish report what it compared with', () => {
    const run = runCli(['lint', '--changed-since', 'main', 'guides/民政'], { cwd: repo });
    const base = git(repo, 'merge-base', 'main', 'HEAD').trim().slice(0, 7);
    expect(run.stdout).toBe(
      '✔ 检查了 1 份指南，没有发现问题\n' +
        '  易读分 100（易读）。baihua stats 可以看每一部分\n' +
        `  只检查了自 main（合并基点 ${base}）以来改动的 1 份指南\n`,
    );
  });
});

describe('baihua lint --changed-since --format markdown', () => {
  it('heads the summary with the guides easier and harder to read, and the problems new, fixed and remaining', () => {
    const { text, code, stderr } = markdownReport(repo, 'main');
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
    expect(text.split('\n\n').slice(0, 3).join('\n\n')).toBe(
      '### 白话检查：1 份指南更易读，1 份变难；新问题 25 个，修好 25 个，仍有 1 个\n\n' +
        '检查了改动的 5 份指南（其中新增 2 份）：2 个错误，24 个警告。\n\n' +
        OVERVIEW,
    );
    expect(text.endsWith(`\n\n${FOOTNOTE}`)).toBe(true);
  });

  it("shows a guide's score before and after, the sections, fields and measures that moved, and which problems are new", () => {
    const { text } = markdownReport(repo, 'main');
    expect(guidePart(text, 'guides/社保/pension-enrollment.md')).toBe(PENSION);
    const allowance = guidePart(text, 'guides/民政/minimum-living-allowance.md');
    expect(allowance.slice(0, allowance.indexOf('\n\n| 位置 |'))).toBe(
      `#### guides/民政/minimum-living-allowance.md

易读分 69（一般） → 100（易读），↑31。

| 变化的部分 | 改动前 | 现在 |
| --- | --- | --- |
| 字段 | 96（易读） | 100（易读） |
| 入户调查时会问什么 | 0（难） | 92（易读） |
| 办理小贴士 | 25（难） | 100（易读） |
| 办不成的常见原因 | 3（难） | 100（易读） |

| 变化的字段 | 改动前 | 现在 |
| --- | --- | --- |
| faq | 54（一般） | 100（易读） |

| 变化的指标 | 改动前 | 现在 | 目标 |
| --- | --- | --- | --- |
| 平均句长（字） | 15.9 | 14 | 25 |
| 长句（90% 分位，字） | 32 | 28 | 40 |
| 难词（每百词） | 5.6 | 5.3 | 8 |
| 公文腔（每百字） | 1.6 | 0 | 1 |

修好了 25 个问题（位置是改动前的）：`,
    );
    expect(allowance.split('\n').filter((line) => /^\| \d+:\d+ \| 警告 \|/.test(line))).toHaveLength(25);
  });

  it('with --quiet, counts the errors alone, before and after', () => {
    const run = runCli(['lint', '--changed-since', 'main', '--format', 'markdown', '--quiet'], { cwd: repo });
    expect(run.stdout.split('\n\n').slice(0, 2)).toEqual([
      '### 白话检查：1 份指南更易读，1 份变难；新问题 2 个，修好 0 个，仍有 0 个',
      '检查了改动的 5 份指南（其中新增 2 份）：2 个错误，0 个警告。',
    ]);
  });

  it('scores "before" as baihua stats scores the guides checked out at the base', () => {
    const base = scratch();
    try {
      git(base, 'clone', '--quiet', '--branch', 'main', repo, 'base');
      const stats = JSON.parse(
        runCli(['stats', '-f', 'json', 'guides/民政', 'guides/社保/pension-enrollment.md'], {
          cwd: join(base, 'base'),
        }).stdout,
      ) as Array<{ readability: { score: number; band: string } }>;
      expect(stats.map(({ readability }) => `${readability.score}（${readability.band}）`)).toEqual([
        '69（一般）',
        '100（易读）',
      ]);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});

describe('baihua lint --changed-since in a shallow clone', () => {
  let clone: string;
  beforeAll(() => {
    clone = join(scratch(), 'clone');
    git(repo, 'clone', '--quiet', '--depth=1', '--branch', 'pr', `file://${repo}`, clone);
  });
  afterAll(() => rmSync(join(clone, '..'), { recursive: true, force: true }));

  it('says how to fetch the base when it is missing', () => {
    const run = runCli(['lint', '--changed-since', 'origin/main'], { cwd: clone });
    expect(run).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'baihua: 找不到 git 引用 origin/main：浅克隆请先 git fetch --depth=1 origin main\n',
    });
  });

  it('compares with the ref fetched, directly when the clone holds no common history', () => {
    git(clone, 'fetch', '--quiet', '--depth=1', 'origin', 'main:refs/remotes/origin/main');
    const { run, results } = lintJson(['--changed-since', 'origin/main'], { cwd: clone });
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 1, stderr: '' });
    // The untracked guide stayed in the original's working tree.
    expect(results.map((result) => result.filePath.slice(clone.length + 1))).toEqual(
      CHANGED.filter((path) => path !== 'guides/教育/入学 登记.md'),
    );
    const markdown = runCli(['lint', '--changed-since', 'FETCH_HEAD', '--format', 'markdown'], { cwd: clone });
    const base = git(clone, 'rev-parse', 'FETCH_HEAD').trim().slice(0, 7);
    expect(markdown.stdout).toContain(
      '| guides/社保/pension-enrollment.md | 100（易读） → 66（一般） ↓34 | 20 | 0 | 1 |\n',
    );
    expect(markdown.stdout).toContain(
      `<sub>「改动前」是指南在 FETCH\\_HEAD（${base}，与当前提交没有共同的历史，直接比较）时的文本`,
    );
  });
});

describe('baihua lint --changed-since, when it cannot compare', () => {
  it('says so in one line, exit 2, when the ref does not exist', () => {
    const run = runCli(['lint', '--changed-since', 'v2.0'], { cwd: repo });
    expectNoStackTrace(run);
    expect(run).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'baihua: 找不到 git 引用 v2.0：浅克隆请先 git fetch --depth=1 origin v2.0\n',
    });
  });

  it('says so outside a git repository', () => {
    const dir = scratch();
    try {
      cpSync(join(guidesDir, '社保'), join(dir, 'guides'), { recursive: true });
      const run = runCli(['lint', '--changed-since', 'main'], { cwd: dir });
      expect(run).toMatchObject({
        code: 2,
        stdout: '',
        stderr: `baihua: ${dir} 不在 git 仓库里：--changed-since 只能在 git 仓库里用；要检查全部指南请去掉它\n`,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says so when git is not installed', () => {
    const empty = scratch();
    try {
      const run = runCli(['lint', '--changed-since', 'main'], { cwd: repo, env: { PATH: empty } });
      expect(run).toMatchObject({
        code: 2,
        stdout: '',
        stderr: 'baihua: 找不到 git 命令：--changed-since 要用 git 比较改动，请先安装 git\n',
      });
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('refuses standard input', () => {
    const run = runCli(['lint', '--stdin', '--changed-since', 'main'], { cwd: repo, input: '' });
    expect(run).toMatchObject({
      code: 2,
      stderr: 'baihua: --changed-since 不能和 --stdin 一起用：它按 git 的改动选出要检查的文件\n',
    });
  });
});

describe('baihua lint --changed-since with no guide changed', () => {
  let clean: string;
  beforeAll(() => {
    clean = join(scratch(), 'clean');
    git(repo, 'clone', '--quiet', '--branch', 'pr', repo, clean);
  });
  afterAll(() => rmSync(join(clean, '..'), { recursive: true, force: true }));

  it('says so and exits 0; the machine formats are empty but valid', () => {
    const head = git(clean, 'rev-parse', 'HEAD').trim().slice(0, 7);
    expect(runCli(['lint', '--changed-since', 'HEAD'], { cwd: clean })).toMatchObject({
      code: 0,
      stderr: '',
      stdout: `✔ 自 HEAD（合并基点 ${head}）以来没有改动的指南，没有要检查的\n`,
    });
    expect(runCli(['lint', '--changed-since', 'HEAD', '-f', 'json'], { cwd: clean })).toMatchObject({
      code: 0,
      stdout: '[]\n',
    });
    const sarif = JSON.parse(runCli(['lint', '--changed-since', 'HEAD', '-f', 'sarif'], { cwd: clean }).stdout) as {
      runs: Array<{ results: unknown[] }>;
    };
    expect(sarif.runs[0]!.results).toEqual([]);
    expect(runCli(['lint', '--changed-since', 'HEAD', '-f', 'markdown'], { cwd: clean }).stdout).toBe(
      '### 白话检查：自 HEAD 以来没有改动的指南\n\n' +
        `---\n<sub>「改动前」是指南在 HEAD 与当前提交的合并基点（${head}）时的文本，用现在的配置检查；改名的指南比较旧路径的文本。` +
        '新问题、修好的问题按问题的指纹（规则和所在的句子）对比，与行号无关。</sub>\n',
    );
  });
});
