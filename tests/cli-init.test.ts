/**
 * `baihua init guide`: writes a template guide that fails lint until every field is filled in, does
 * not overwrite without --force, and becomes lint-clean once filled with realistic values.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli, scratch } from './helpers.js';
import { brief, expectNoStackTrace, lintJson, snapshotTree, YAML } from './cli-test-utils.js';

type Path = Array<string | number>;

/** Realistic values for every field the template leaves empty (a 居住证-style service in 青禾市). */
const FILL: Array<[Path, unknown]> = [
  [['summary'], '在青禾市居住满半年的，可以申请居住证，有了它在本地享受子女入学、办理证照等公共服务。'],
  [['type'], '公共服务'],
  [['audience'], ['个人']],
  [['department'], '青禾市公安局东湖分局户政科'],
  [['legal_basis'], ['《居住证暂行条例》第九条', '《居住证暂行条例》第十条']],
  [['conditions'], ['您在青禾市居住满半年。', '您在青禾市有合法稳定的住所、工作，或正在就读。']],
  [['materials', 0, 'name'], '居民身份证'],
  [['materials', 0, 'form'], '原件'],
  [['materials', 0, 'copies'], 1],
  [['materials', 0, 'source'], '政府部门核发'],
  [['steps', 0, 'title'], '到窗口申请'],
  [['steps', 0, 'how'], '带上身份证，到社区警务室填写申请表。窗口免费拍照，不用自己带照片。'],
  [['handling'], '承诺件'],
  [['time_limit', 'statutory', 'days'], 15],
  [['time_limit', 'promised', 'days'], 10],
  [['fees'], { free: true }],
  [['result', 'name'], '居住证'],
  [
    ['result', 'delivery'],
    ['窗口领取', '邮寄'],
  ],
  [['online', 'level'], '预约办理'],
  [['online', 'url'], 'https://example.gov.cn/qinghe/residence-permit'],
  [['visits'], 1],
  [['visits_reason'], '需要您本人到场拍照、采集指纹。'],
  [['locations', 0, 'name'], '东湖区政务服务中心'],
  [['locations', 0, 'address'], '青禾市东湖区湖滨路88号1楼'],
  [['locations', 0, 'holiday'], '周末和法定节假日休息。'],
  [['locations', 0, 'phone'], '0000-66230000'],
  [['contacts', 'consult'], '0000-66230110'],
  [['contacts', 'complaint'], '12345'],
  [['reviewed'], '2026-10-01'],
  [['owner'], '东湖分局户政科 陈立'],
];
/** optional fields the template leaves empty that a filled-in guide may simply drop */
const DROP: Path[] = [['aliases']];

function fill(document: import('../packages/core/node_modules/yaml/dist/index.js').Document): void {
  expect(document.errors).toEqual([]);
  for (const [path, value] of FILL) {
    expect(document.hasIn(path), `template has ${path.join('.')}`).toBe(true);
    document.setIn(path, typeof value === 'object' ? document.createNode(value) : value);
  }
  for (const path of DROP) document.deleteIn(path);
  // Nothing left empty: no null, no empty list.
  const empty: string[] = [];
  const walk = (value: unknown, at: string): void => {
    if (value === null || value === undefined || value === '') empty.push(at);
    else if (Array.isArray(value)) {
      if (value.length === 0) empty.push(at);
      for (const [index, item] of value.entries()) walk(item, `${at}.${index}`);
    } else if (typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, `${at}.${key}`);
  };
  walk(document.toJS(), '');
  expect(empty).toEqual([]);
}

/** The template's instruction in the body, and what a clerk writes in its place. */
const INSTRUCTION = '在这里写群众出门前要确认的事，比如证件有没有过期、要不要先预约。';
const WRITTEN = '请先看看身份证背面的有效期。还剩不到3个月，就可以来换了。';

/** Fills a Markdown guide's front matter and writes the body in place of the instruction, keeping the rest. */
function fillMarkdownGuide(path: string): void {
  const text = readFileSync(path, 'utf8');
  expect(text.startsWith('---\n')).toBe(true);
  const closing = text.indexOf('\n---\n', 3);
  const frontMatter = text.slice(4, closing + 1);
  expect(text.slice(closing + 1)).toContain(INSTRUCTION);
  const rest = text.slice(closing + 1).replace(INSTRUCTION, WRITTEN);
  const document = YAML.parseDocument(frontMatter);
  fill(document);
  writeFileSync(path, `---\n${document.toString()}${rest}`);
  expect(readFileSync(path, 'utf8').endsWith(rest)).toBe(true);
}

function fillYamlGuide(path: string): void {
  const before = YAML.parse(readFileSync(path, 'utf8')) as { body: string };
  const document = YAML.parseDocument(readFileSync(path, 'utf8'));
  fill(document);
  expect(before.body).toContain(INSTRUCTION);
  document.set('body', before.body.replace(INSTRUCTION, WRITTEN));
  writeFileSync(path, document.toString());
  expect((YAML.parse(readFileSync(path, 'utf8')) as { body: string }).body).toBe(
    before.body.replace(INSTRUCTION, WRITTEN),
  );
}

const init = (dir: string, ...extra: string[]) =>
  runCli(['init', 'guide', '--id', 'test-guide', '--title', '测试事项', '--dir', join(dir, 'guides/测试'), ...extra], {
    cwd: dir,
  });

/** schema/required findings on the fresh Markdown template, line by line */
const REQUIRED_MD = [
  '8:1 error schema/required 必填字段「一句话说明」(summary)还没有填写',
  '9:1 error schema/required 必填字段「事项类型」(type)还没有填写',
  '11:1 error schema/required 必填字段「实施主体」(department)还没有填写',
  '15:5 error schema/required 必填字段第 1 项材料的材料名称(name)还没有填写',
  '22:5 error schema/required 必填字段第 1 项步骤的怎么办(how)还没有填写',
  '23:1 error schema/required 必填字段「办件类型」(handling)还没有填写',
  '25:16 error schema/required 必填字段「办理时限 › 法定时限 › 天数」(time_limit.statutory.days)还没有填写',
  '26:15 error schema/required 必填字段「办理时限 › 承诺时限 › 天数」(time_limit.promised.days)还没有填写',
  '27:1 error schema/required 必填字段「收费」(fees)还没有填写',
  '29:3 error schema/required 必填字段「办理结果 › 结果名称」(result.name)还没有填写',
  '32:3 error schema/required 必填字段「网上办理 › 网办程度」(online.level)还没有填写',
  '34:1 error schema/required 必填字段「到现场次数」(visits)还没有填写',
  '37:5 error schema/required 必填字段第 1 项地点的地点名称(name)还没有填写',
  '38:5 error schema/required 必填字段第 1 项地点的地址(address)还没有填写',
  '43:3 error schema/required 必填字段「咨询和投诉 › 咨询电话」(contacts.consult)还没有填写',
  '44:3 error schema/required 必填字段「咨询和投诉 › 投诉电话」(contacts.complaint)还没有填写',
  '45:1 error schema/required 必填字段「最后核验日期」(reviewed)还没有填写',
];

describe('baihua init guide --format md', () => {
  it('writes <dir>/<id>.md and only that', () => {
    const dir = scratch();
    const run = init(dir);
    expect(run.stderr).toBe('');
    expect(run.report).toBe(
      '已新建 guides/测试/test-guide.md。把空着的字段填好，再运行 baihua lint guides/测试/test-guide.md 检查。\n',
    );
    expect(run.code).toBe(0);
    expect(Object.keys(snapshotTree(dir))).toEqual(['guides', 'guides/测试', 'guides/测试/test-guide.md']);
    const text = readFileSync(join(dir, 'guides/测试/test-guide.md'), 'utf8');
    const lines = text.split('\n');
    expect(lines[0]).toBe('---');
    expect(lines).toContain('id: test-guide');
    expect(lines).toContain('title: 测试事项');
    expect(text).toContain('---\n\n## 办理前请确认\n');
    // the editor hint points at the real schema file
    const schemaPath = /^# yaml-language-server: \$schema=(.+)$/.exec(lines[1]!)![1]!;
    expect(resolve(dirname(join(dir, 'guides/测试/test-guide.md')), schemaPath)).toBe(
      join(repoRoot, 'schema/guide.schema.json'),
    );
  });

  it('the fresh template fails lint with schema/required findings, and its instruction left in the body', () => {
    const dir = scratch();
    init(dir);
    const { run, results } = lintJson(['guides/测试/test-guide.md'], { cwd: dir });
    expect(run.code).toBe(1);
    const messages = results[0]!.messages;
    expect(messages.filter((message) => message.ruleId === 'schema/required').map(brief)).toEqual(REQUIRED_MD);
    expect(messages.filter((message) => message.ruleId === 'policy/placeholder-section').map(brief)).toContain(
      `51:1 error policy/placeholder-section “${INSTRUCTION}”是新指南模板里的提示，不是给群众看的：请换成这份指南自己的内容`,
    );
    expect(messages.every((message) => message.severity === 2)).toBe(true);
    expect(results[0]!.errorCount).toBe(32);

    const stylish = runCli(['lint', 'guides/测试/test-guide.md'], { cwd: dir });
    expect(stylish.code).toBe(1);
    expect(stylish.stdout).toContain('「一句话说明」(summary)还没有填写');
    expect(stylish.report.trimEnd().split('\n').at(-1)).toBe('✖ 32 个问题（32 个错误，0 个警告）');
  });

  it('does not overwrite without --force: exit 2, file unchanged', () => {
    const dir = scratch();
    init(dir);
    const path = join(dir, 'guides/测试/test-guide.md');
    writeFileSync(path, `${readFileSync(path, 'utf8')}\n我已经开始填写了。\n`);
    const before = snapshotTree(dir);
    const content = readFileSync(path);
    const again = init(dir);
    expect(again.code).toBe(2);
    expect(again.report).toBe('');
    expect(again.stderr).toBe('baihua: guides/测试/test-guide.md 已经存在；要覆盖请加 --force\n');
    expectNoStackTrace(again);
    expect(snapshotTree(dir)).toEqual(before);
    expect(readFileSync(path)).toEqual(content);
  });

  it('--force overwrites with a fresh template', () => {
    const dir = scratch();
    init(dir);
    const path = join(dir, 'guides/测试/test-guide.md');
    const fresh = readFileSync(path, 'utf8');
    writeFileSync(path, '半成品');
    const forced = init(dir, '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(fresh);
  });

  it('filled in with realistic values, the guide lints clean', () => {
    const dir = scratch();
    init(dir);
    const path = join(dir, 'guides/测试/test-guide.md');
    fillMarkdownGuide(path);
    const { run, results } = lintJson(['guides/测试/test-guide.md'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(results[0]!.messages.map(brief)).toEqual([]);
    expect(run.code).toBe(0);
    const stylish = runCli(['lint', 'guides/测试/test-guide.md'], { cwd: dir });
    expect(stylish.report).toBe('✔ 检查了 1 份指南，没有发现问题\n');
    expect(stylish.code).toBe(0);
  });
});

describe('baihua init guide --format yaml', () => {
  it('writes <dir>/<id>.yaml with the body as a block scalar', () => {
    const dir = scratch();
    const run = init(dir, '--format', 'yaml');
    expect(run.report).toBe(
      '已新建 guides/测试/test-guide.yaml。把空着的字段填好，再运行 baihua lint guides/测试/test-guide.yaml 检查。\n',
    );
    expect(run.code).toBe(0);
    expect(Object.keys(snapshotTree(dir))).toEqual(['guides', 'guides/测试', 'guides/测试/test-guide.yaml']);
    const data = YAML.parse(readFileSync(join(dir, 'guides/测试/test-guide.yaml'), 'utf8')) as Record<string, unknown>;
    expect(data.id).toBe('test-guide');
    expect(data.title).toBe('测试事项');
    expect(data.body).toBe('## 办理前请确认\n\n在这里写群众出门前要确认的事，比如证件有没有过期、要不要先预约。\n');
  });

  it('fails lint until filled in, then lints clean', () => {
    const dir = scratch();
    init(dir, '--format', 'yaml');
    const fresh = lintJson(['guides/测试/test-guide.yaml'], { cwd: dir });
    expect(fresh.run.code).toBe(1);
    // one line up from the Markdown template: no opening ---
    expect(fresh.results[0]!.messages.filter((message) => message.ruleId === 'schema/required').map(brief)).toEqual(
      REQUIRED_MD.map((line) => line.replace(/^(\d+)/, (number) => String(Number(number) - 1))),
    );
    fillYamlGuide(join(dir, 'guides/测试/test-guide.yaml'));
    const filled = lintJson(['guides/测试/test-guide.yaml'], { cwd: dir });
    expect(filled.results[0]!.messages.map(brief)).toEqual([]);
    expect(filled.run.code).toBe(0);
  });
});

describe('baihua init guide: bad arguments', () => {
  const bad: Array<{ name: string; args: string[]; stderr: string }> = [
    {
      name: 'an --id with capitals',
      args: ['--id', 'Test-Guide', '--title', '测试事项'],
      stderr: 'baihua: --id 要用小写英文字母、数字和连字符，如 --id id-card-renewal，现在是「Test-Guide」\n',
    },
    {
      name: 'an --id with an underscore',
      args: ['--id', 'test_guide', '--title', '测试事项'],
      stderr: 'baihua: --id 要用小写英文字母、数字和连字符，如 --id id-card-renewal，现在是「test_guide」\n',
    },
    {
      name: 'a blank --title',
      args: ['--id', 'test-guide', '--title', '  '],
      stderr: 'baihua: 请用 --title 写出事项名称，如 --title 换领居民身份证\n',
    },
    {
      name: 'an unknown --format',
      args: ['--id', 'test-guide', '--title', '测试事项', '--format', 'json'],
      stderr: 'baihua: --format 只能是 md 或 yaml，现在是「json」\n',
    },
    {
      name: 'no --title',
      args: ['--id', 'test-guide'],
      stderr: 'baihua: 缺少必需的选项 --title <名称>（加 --help 查看用法）\n',
    },
  ];
  for (const { name, args, stderr } of bad) {
    it(`${name}: exit 2, nothing written`, () => {
      const dir = scratch();
      const run = runCli(['init', 'guide', ...args, '--dir', join(dir, 'guides/测试')], { cwd: dir });
      expect(run.report).toBe('');
      expect(run.stderr).toBe(stderr);
      expect(run.code).toBe(2);
      expectNoStackTrace(run);
      expect(existsSync(join(dir, 'guides'))).toBe(false);
      expect(statSync(dir).isDirectory()).toBe(true);
    });
  }
});
