/**
 * Drafts (`status: 草稿`) end to end: lint sums up what a draft imported from the platform's
 * tables still lacks in one finding at its status (the same guide as finished gets one finding
 * per thing missing), and `baihua build` leaves drafts and cancelled guides off the site, says
 * so, and drops links to them; a journey naming a draft is told why.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { publish } from '@baihua/publish';
import { describe, expect, it } from 'vitest';
import { fixturesDir, runCli, scratch } from './helpers.js';
import { lintJson, type JsonMessage } from './cli-test-utils.js';

const DRAFTS = join(fixturesDir, 'drafts');
const DRAFT = 'individual-business-deregistration.md';

/** A finding as a person reads it, with where it ends. */
const placed = (message: JsonMessage) =>
  `${message.line}:${message.column}-${message.endLine}:${message.endColumn} ${message.ruleId} ${message.message}`;

/** A scratch copy of the fixture catalog, in `<dir>/guides`. */
function catalogCopy(): { dir: string; guides: string } {
  const dir = scratch();
  const guides = join(dir, 'guides');
  cpSync(DRAFTS, guides, { recursive: true });
  return { dir, guides };
}

const edit = (path: string, from: string, to: string) => {
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
};

const THE_REAL_PROBLEMS = [
  '31:12-31:14 policy/field-conflict 材料「经营者的居民身份证」只要电子版，不用写纸张规格：删去 paper，或在 form 里加上原件或复印件',
  '42:17-42:19 plain/classical-word 「准予」是文言或公文用词，群众读着费劲：改为「同意」或「批准」',
  '45:10-45:14 policy/field-conflict 写了支持快递（express: true），送达方式里却没有“邮寄”：能寄的，在 result.delivery 加上邮寄；不能寄的，把 express 改为 false',
];

describe('baihua lint of a draft', () => {
  it('lists everything the draft lacks in one finding at its status, beside the problems in what is written', () => {
    const { run, results } = lintJson([join(DRAFTS, DRAFT)]);
    expect(run.code).toBe(1);
    const [first, second, third] = THE_REAL_PROBLEMS;
    expect(results[0]!.messages.map(placed)).toEqual([
      first,
      second,
      third,
      '46:9-46:11 schema/required 这是草稿（status: 草稿），还缺 12 项才能发布：' +
        '一句话说明（summary）、服务对象（audience）、材料「营业执照」的材料形式（form）、材料「营业执照」的来源（source）、' +
        '材料「授权委托书」的适用情形（situation）、办理流程（steps）、办理时限 › 承诺时限（time_limit.promised）、' +
        '网上办理 › 办理网址（online.url）、办理地点（locations）、咨询和投诉（contacts）、常见问题（faq）、' +
        '最后核验日期（reviewed）；写完后把 status 改为 在办',
    ]);
    expect(results[0]!.messages.map((message) => message.severity)).toEqual([2, 1, 2, 2]);
  });

  it('the same guide no longer a draft gets a finding for each thing missing, from the rules that check it', () => {
    const { guides } = catalogCopy();
    edit(join(guides, DRAFT), 'status: 草稿\n', '');
    const { results } = lintJson([join(guides, DRAFT)]);
    const messages = results[0]!.messages;
    expect(messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toEqual([
      '3:1 schema/required',
      '9:7 policy/field-conflict',
      '24:11 policy/material-incomplete',
      '31:12 policy/field-conflict',
      '33:5 schema/required',
      '40:3 schema/required',
      '42:17 plain/classical-word',
      '43:18 policy/online-without-url',
      '45:10 policy/field-conflict',
    ]);
    // What is written is checked the same in both: only the missing things were summed up.
    expect(messages.filter((message) => THE_REAL_PROBLEMS.includes(placed(message))).length).toBe(3);
    expect(messages[0]!.message).toBe(
      '缺少 6 个必填字段：一句话说明（summary）、服务对象（audience）、办理流程（steps）、办理地点（locations）、' +
        '咨询和投诉（contacts）、最后核验日期（reviewed）',
    );
  });

  it('with schema/required off, the draft’s missing things are reported one by one as before', () => {
    const { guides } = catalogCopy();
    edit(
      join(guides, 'baihua.config.yaml'),
      'extends: [recommended]\n',
      'extends: [recommended]\nrules: { schema/required: off }\n',
    );
    const { results } = lintJson([join(guides, DRAFT)]);
    expect(results[0]!.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toEqual([
      '9:7 policy/field-conflict',
      '24:11 policy/material-incomplete',
      '31:12 policy/field-conflict',
      '42:17 plain/classical-word',
      '43:18 policy/online-without-url',
      '45:10 policy/field-conflict',
    ]);
  });
});

describe('baihua build with drafts', () => {
  it('publishes only the finished guide, says it skipped the draft, and drops the related link to it', () => {
    const dir = scratch();
    const run = runCli(['build', DRAFTS, '--out', 'site', '--targets', 'web', '--concurrency', 'off'], { cwd: dir });
    expect([run.stdout, run.stderr, run.code]).toEqual([
      '✔ 生成了 1 份指南（重新生成 1 份，沿用 0 份）：web 2 页 → site\n跳过 1 份草稿，没有发布\n',
      '',
      0,
    ]);
    expect(readdirSync(join(dir, 'site/web/guides'))).toEqual(['individual-business-registration.html']);
    // The finished guide names the draft as related: the link is left out, as to any guide not on the site.
    const page = readFileSync(join(dir, 'site/web/guides/individual-business-registration.html'), 'utf8');
    expect(page).toContain('个体工商户设立登记');
    expect(page).not.toContain('individual-business-deregistration');
    const site = readdirSync(join(dir, 'site/web'), { recursive: true, encoding: 'utf8' });
    for (const path of site.filter((name) => /\.(html|json)$/.test(name))) {
      expect(readFileSync(join(dir, 'site/web', path), 'utf8')).not.toContain('注销');
    }
  });

  it('leaves a cancelled guide off the site too, and names both on one line', () => {
    const { dir, guides } = catalogCopy();
    const registration = readFileSync(join(guides, 'individual-business-registration.md'), 'utf8');
    writeFileSync(
      join(guides, 'individual-business-change.md'),
      registration
        .replace('id: individual-business-registration', 'id: individual-business-change')
        .replace('basic: "000111701000"', 'basic: "000111702000"')
        .replace('title: 个体工商户设立登记', 'title: 个体工商户变更登记（旧）')
        .replace('reviewed: 2026-08-03', 'status: 已取消\nreviewed: 2026-08-03'),
    );
    const run = runCli(['build', 'guides', '--out', 'site', '--targets', 'web', '--concurrency', 'off'], { cwd: dir });
    expect(run.stdout).toBe(
      '✔ 生成了 1 份指南（重新生成 1 份，沿用 0 份）：web 2 页 → site\n跳过 1 份草稿、1 份已取消的指南，没有发布\n',
    );
    expect(run.code).toBe(0);
    expect(readdirSync(join(dir, 'site/web/guides'))).toEqual(['individual-business-registration.html']);
  });

  it('baihua serve renders the same: the draft is not on the site in memory', async () => {
    const publication = await publish({ patterns: [DRAFTS], targets: ['web'] });
    expect(publication.failed).toEqual([]);
    expect(publication.unpublished).toEqual([{ filePath: join(DRAFTS, DRAFT), status: '草稿' }]);
    const pages = [...publication.site!.files.keys()].filter((path) => path.startsWith('web/guides/'));
    expect(pages).toEqual(['web/guides/individual-business-registration.html']);
  });

  it('a journey that names a draft is told the draft will not be published, and the build stops', () => {
    const { dir, guides } = catalogCopy();
    mkdirSync(join(guides, 'journeys'));
    writeFileSync(
      join(guides, 'journeys/shop-transfer.md'),
      [
        '---',
        'id: shop-transfer',
        'title: 个体户换店名一件事',
        'summary: 先注销原来的个体户，再用新店名登记，按先后排好。',
        'life_event: 开办企业',
        'steps:',
        '  - title: 注销原来的个体户',
        '    guides: [individual-business-deregistration]',
        '  - title: 登记新的个体户',
        '    guides: [individual-business-registration]',
        'reviewed: 2026-11-02',
        '---',
        '',
      ].join('\n'),
    );
    const { results } = lintJson(['guides/journeys/shop-transfer.md'], { cwd: dir });
    expect(results[0]!.messages.map(placed)).toEqual([
      '8:14-8:48 journey/missing-guide 第 1 步「注销原来的个体户」要办的「individual-business-deregistration」' +
        '还是草稿（status: 草稿），不会发布：把 guides/individual-business-deregistration.md 写完、status 改为 在办，' +
        '这一步才有办法、材料和时限',
    ]);
    const build = runCli(['build', 'guides', '--out', 'site', '--targets', 'web', '--concurrency', 'off'], {
      cwd: dir,
    });
    expect(build.code).toBe(1);
    expect(build.stdout).toContain(
      '有 1 份指南还有错误，没有生成网站（site 保持原样）。修好后再运行 baihua build\n跳过 1 份草稿，没有发布\n',
    );
  });
});
