#!/usr/bin/env node
// Writes what is generated from the rules (run by `pnpm generate`, after `pnpm -s build`):
//   docs/rules/<category>/<name>.md   a page per rule and notice, from its meta and examples
//   docs/rules/README.md              the index, by category
//   schema/config.schema.json         the configuration schema, with every rule and its options
// `--check` writes nothing and exits 1 naming the files that differ (a test runs it);
// `--out DIR` writes or checks DIR instead of the repository.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { stringify } from 'yaml';

// Examples of rules that depend on the date (policy/stale) are written relative to today; the
// pages show them as linted on one fixed day, so that they do not change from one day to the next.
const DOCS_DAY = new Date(2026, 10, 1, 12).getTime();
globalThis.Date = class extends Date {
  constructor(...args) {
    super(...(args.length ? args : [DOCS_DAY]));
  }

  static now() {
    return DOCS_DAY;
  }
};
const { builtinPresets, notices, ruleDocsUrl, rules, rulesById, runExample, writeFileAtomic } = await import(
  '@baihua/lint'
);

const REGENERATE = 'pnpm -s build && pnpm generate';
const GENERATED_NOTE = `由 scripts/generate-rule-docs.mjs 根据规则的 meta 和例子生成，请勿手改：改了规则后运行 ${REGENERATE}`;

const CATEGORIES = [
  [
    'syntax',
    '文件能不能读出来',
    '文件的编码、大小、front matter、YAML 和 Markdown 写法。读不出来的文件总是错误，这些规则（忽略的标签除外）不能关闭。',
  ],
  ['schema', '字段', '指南的字段对照 schema/guide.schema.json：必填、类型、可选值、格式、范围和不认识的字段。'],
  ['policy', '办事规定', 'schema 表达不了的、跨字段的检查：承诺时限、跑动次数、网办地址、材料、收费依据、联系方式等。'],
  ['markdown', '正文格式', '正文 Markdown 的标题层级、HTML、空链接。'],
  ['plain', '白话', '群众读得懂的写法：文言词、官话、名词化、被动句、含糊的时间和指代、长句、术语、标点和可读性。'],
  [
    'catalog',
    '指南目录',
    '把一起检查（或 catalog: 列出）的指南放在一起比较：标识和编码重复、相关事项不存在、内容几乎相同、联系方式不一致。',
  ],
  [
    'journey',
    '一件事',
    '一件事（journeys 文件夹里的文件）对照目录里的指南排成计划：每一步的指南要存在，要用前一步结果的步骤要排在后面，跑动次数、天数和收费不超过目标并且算得出来，“同一份材料”的叫法要有服务用到，可选步骤要写明什么情况下办。',
  ],
  ['fix', '提示', '不是对指南内容的检查，而是检查过程中发生的事；不能关闭。'],
];

const recommended = builtinPresets.recommended.rules ?? {};

function recommendedLevel(meta) {
  if (meta.fatal) return '错误（error），不能关闭';
  const setting = recommended[meta.id];
  const level = Array.isArray(setting) ? setting[0] : setting;
  return { error: '错误（error）', warn: '警告（warn）', off: '关闭（off）' }[level ?? 'off'];
}

/** Which files a rule checks, when not every kind: 只检查指南（一件事不检查）. */
function appliesToText(meta) {
  return meta.appliesTo.includes('guide') ? '只检查指南（一件事不检查）' : '只检查一件事（journeys 文件夹里的文件）';
}

function fixability(meta) {
  if (meta.fixable === 'fix') return '`baihua lint --fix` 可以自动修复';
  if (meta.fixable === 'suggestion') return '编辑器里有修改建议，不自动修复';
  return '不能自动修复';
}

/** A fence longer than any run of backticks in the code, so a guide's own code blocks stay inside. */
function fenced(code, language) {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map(([run]) => run.length));
  const fence = '`'.repeat(longest + 1);
  return [`${fence}${language}`, code.replace(/\n$/, ''), fence];
}

function languageOf(filename = 'guide.md') {
  return /\.ya?ml$/.test(filename) ? 'yaml' : 'markdown';
}

/** A JSON Schema's type, as a reader of the page wants it: `string[]`, `"a" | "b"`, `integer，≥ 1`. */
function typeText(schema, nested = false) {
  if (schema.anyOf) return schema.anyOf.map((branch) => typeText(branch, true)).join(' | ');
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  if (schema.type === 'array') {
    const item = schema.items ? typeText(schema.items, true) : 'any';
    return schema.items?.enum?.length > 1 ? `(${item})[]` : `${item}[]`;
  }
  if (schema.type === 'object' && schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    return `{ [名称]: ${typeText(schema.additionalProperties, true)} }`;
  }
  if (schema.type === 'object' && schema.properties) {
    const fields = Object.entries(schema.properties).map(
      ([key, value]) => `${key}${schema.required?.includes(key) ? '' : '?'}: ${typeText(value, true)}`,
    );
    return `{ ${fields.join(', ')} }`;
  }
  if (nested) return schema.type ?? 'any';
  const bounds = [
    schema.minimum !== undefined && `≥ ${schema.minimum}`,
    schema.maximum !== undefined && `≤ ${schema.maximum}`,
    schema.minLength !== undefined && `至少 ${schema.minLength} 个字`,
    schema.pattern !== undefined && `格式 \`${schema.pattern}\``,
  ].filter(Boolean);
  return [schema.type ?? 'any', ...bounds].join('，');
}

function cell(text) {
  return String(text).replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function optionsSection(meta, examples) {
  if (!meta.options) return ['## 选项', '', '没有选项。'];
  const rows = Object.entries(meta.options.properties ?? {}).map(([name, schema]) => {
    const defaultValue = schema.default === undefined ? '—' : `\`${JSON.stringify(schema.default)}\``;
    return `| \`${name}\` | ${cell(typeText(schema))} | ${defaultValue} | ${cell(schema.description ?? '')} |`;
  });
  const withOptions = examples.find((example) => example.options);
  const sample = withOptions ? withOptions.options : {};
  const level = recommended[meta.id] === 'error' ? 'error' : 'warn';
  return [
    '## 选项',
    '',
    '| 选项 | 类型 | 默认值 | 说明 |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    '写在 baihua.config.yaml 里：',
    '',
    ...fenced(stringify({ rules: { [meta.id]: [level, sample] } }), 'yaml'),
  ];
}

function findingLines(diagnostics) {
  if (diagnostics.length === 0) return ['检查结果：没有问题。'];
  return [
    '检查结果：',
    '',
    ...diagnostics.map((finding) => `- \`${finding.line}:${finding.column}\` ${finding.message}`),
  ];
}

function exampleSection(rule, example, kind) {
  const { diagnostics } = runExample(rule, example);
  const out = [`### ${example.title}`, ''];
  if (example.options) out.push(`选项：\`${JSON.stringify(example.options)}\``, '');
  if (example.filename) out.push(`文件：${example.filename}`, '');
  out.push(...fenced(example.code, languageOf(example.filename)), '');
  for (const other of example.catalog ?? []) {
    out.push(`同时检查的 ${other.filename}：`, '', ...fenced(other.code, languageOf(other.filename)), '');
  }
  if (kind === 'bad') {
    out.push(...findingLines(diagnostics), '');
    if (example.output !== undefined) {
      out.push('`--fix` 之后：', '', ...fenced(example.output, languageOf(example.filename)), '');
    }
  }
  return out;
}

function header(meta) {
  return [
    `<!-- ${GENERATED_NOTE} -->`,
    '',
    `# ${meta.id}：${meta.title}`,
    '',
    '| | |',
    '| --- | --- |',
    `| 规则 | \`${meta.id}\` |`,
    `| 推荐预设（recommended） | ${recommendedLevel(meta)} |`,
    `| 修复 | ${fixability(meta)} |`,
    ...(meta.appliesTo ? [`| 检查 | ${appliesToText(meta)} |`] : []),
    '',
    '## 为什么',
    '',
    meta.description,
    '',
    '## 怎么改',
    '',
    meta.howToFix,
    '',
  ];
}

const repositoryRoot = fileURLToPath(new URL('../', import.meta.url));

/**
 * The files a rule is made of, so that a newcomer finds all of it from its page: its module in
 * @baihua/lint (meta, examples) and, for a plain rule, its folder in @baihua/plain (the code,
 * messages and options, and the word list or glossary beside them).
 */
function sourceSection(meta) {
  const [category, name] = meta.id.split('/');
  const files = [`packages/lint/src/rules/${category}/${name}.ts`];
  const plainFolder = `packages/plain/src/rules/${name}`;
  if (category === 'plain' && existsSync(join(repositoryRoot, plainFolder))) {
    for (const file of readdirSync(join(repositoryRoot, plainFolder)).sort()) files.push(`${plainFolder}/${file}`);
  }
  for (const file of files) {
    if (!existsSync(join(repositoryRoot, file))) throw new Error(`${meta.id}: ${file} does not exist`);
  }
  return ['## 源代码', '', ...files.map((file) => `- [${file}](${relative(`docs/rules/${category}`, file)})`), ''];
}

function rulePage(rule) {
  const { meta, examples } = rule;
  const lines = [...header(meta), ...optionsSection(meta, [...examples.invalid, ...examples.valid]), ''];
  lines.push('## 错误写法', '');
  for (const example of examples.invalid) lines.push(...exampleSection(rule, example, 'bad'));
  lines.push('## 正确写法', '');
  for (const example of examples.valid) lines.push(...exampleSection(rule, example, 'good'));
  lines.push(`在命令行里看：\`baihua explain ${meta.id}\``, '');
  lines.push(...sourceSection(meta));
  return lines.join('\n');
}

function noticePage(meta) {
  return [...header(meta), '不是哪段文字引起的，所以没有例子，也不能在配置里设置。', ''].join('\n');
}

/** The link from docs/rules/README.md to a page. */
function pageLink(id) {
  return relative('docs/rules', ruleDocsUrl(id)).split('\\').join('/');
}

function indexPage() {
  const all = [...rules.map((rule) => rule.meta), ...notices];
  const lines = [
    `<!-- ${GENERATED_NOTE} -->`,
    '',
    '# 规则',
    '',
    '每条规则一页：为什么、怎么改、选项，以及错误和正确的例子和它们的检查结果。',
    '在 baihua.config.yaml 里用 `rules:` 设置（off、warn、error，或 [级别, {选项}]）；',
    '编辑器按 schema/config.schema.json 补全和检查这些设置。命令行里用 `baihua explain <规则>` 看同样的内容。',
    '',
  ];
  for (const [category, title, description] of CATEGORIES) {
    const metas = all.filter((meta) => meta.id.startsWith(`${category}/`));
    lines.push(
      `## ${category}：${title}`,
      '',
      description,
      '',
      '| 规则 | 说明 | 推荐 | 修复 |',
      '| --- | --- | --- | --- |',
    );
    for (const meta of metas) {
      const fix = meta.fixable === 'fix' ? '自动' : meta.fixable === 'suggestion' ? '建议' : '';
      const level = recommendedLevel(meta).replace(/（.*/, '');
      lines.push(`| [${meta.id}](${pageLink(meta.id)}) | ${cell(meta.title)} | ${level} | ${fix} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

const SEVERITY = {
  type: 'string',
  enum: ['off', 'warn', 'error'],
  description: 'off 关闭，warn 警告，error 错误（有错误时 baihua lint 退出码为 1）',
};

/** A rule's setting: a level, or [level] and, when the rule has options, [level, options]. */
function ruleSettingSchema(meta) {
  const description = `${meta.description}\n推荐：${recommendedLevel(meta)}。说明：${ruleDocsUrl(meta.id)}`;
  // A rule that reports a file that cannot be read cannot be set; named so the message says so.
  if (meta.fatal)
    return {
      title: meta.title,
      description: `文件读不出来时总是报错，不能设置。说明：${ruleDocsUrl(meta.id)}`,
      not: {},
    };
  const level = { $ref: '#/definitions/severity' };
  const array = meta.options
    ? { type: 'array', minItems: 1, maxItems: 2, items: [level, meta.options] }
    : { type: 'array', minItems: 1, maxItems: 1, items: [level] };
  return { title: meta.title, description, anyOf: [level, array] };
}

/** The `site:` section: whose site it is, as the header and footer of a Chinese government site say it. */
const SITE_SCHEMA = {
  title: '网站信息',
  description:
    'baihua build 生成的网页页头、页脚和“评价这项服务”链接用的网站信息，按政府网站的惯例写全。不写时网页只显示“办事指南”。',
  type: 'object',
  additionalProperties: false,
  required: ['name', 'sponsor'],
  properties: {
    name: {
      title: '网站名称',
      description: '页头和网页标题里的网站名称，如“青禾市政务服务网”',
      type: 'string',
      minLength: 1,
      maxLength: 40,
      examples: ['青禾市政务服务网'],
    },
    sponsor: {
      title: '主办单位',
      description: '页脚的主办单位全称，如“青禾市人民政府办公室”',
      type: 'string',
      minLength: 1,
      examples: ['青禾市人民政府办公室'],
    },
    organizer: {
      title: '承办单位',
      description: '页脚的承办单位全称，没有可以不写',
      type: 'string',
      minLength: 1,
      examples: ['青禾市大数据中心'],
    },
    contact: {
      title: '联系方式',
      description: '页脚的联系方式：电话、邮箱或地址，如“0000-12345”',
      type: 'string',
      minLength: 1,
      examples: ['电话：0000-12345　邮箱：web@qinghe.gov.cn'],
    },
    site_code: {
      title: '网站标识码',
      description: '政府网站标识码，10 位数字或字母，如 1300000001',
      type: 'string',
      pattern: '^[0-9A-Za-z]{10}$',
      examples: ['1300000001'],
    },
    icp: {
      title: 'ICP备案号',
      description: 'ICP 备案号照抄工信部的备案信息，如“京ICP备05070218号”，可以带“-1”这样的序号',
      type: 'string',
      pattern: '^\\S+ICP备\\d+号(-\\d+)?$',
      examples: ['青ICP备00000001号-1'],
    },
    police_record: {
      title: '公安备案号',
      description: '公安机关互联网站安全备案号照抄，如“京公网安备 11010202000001号”',
      type: 'string',
      pattern: '^\\S+公网安备 ?\\d+号$',
      examples: ['青公网安备 00000000000001号'],
    },
    logo: {
      title: '网站标识图片',
      description:
        '页头的标识图片（svg、png、jpg、gif、webp，不超过 512 KB），相对于本配置文件所在目录，不能指到这个目录外面；生成时复制到网站里',
      type: 'string',
      minLength: 1,
      examples: ['assets/logo.svg'],
    },
    feedback_url: {
      title: '好差评地址',
      description:
        '政务服务“好差评”里评价一项服务的网址，{id} 换成指南的 id，{code} 换成事项的实施编码（没有时用基本编码），如 https://www.example.gov.cn/hcp?item={code}',
      type: 'string',
      pattern: '^https?://[^\\s]*\\{(id|code)\\}',
      examples: ['https://zwfw.qinghe.gov.cn/hcp/evaluate?item={code}'],
    },
  },
  examples: [{ name: '青禾市政务服务网', sponsor: '青禾市人民政府办公室', site_code: '1300000001' }],
};

function configSchema() {
  const ids = rules.map((rule) => rule.meta.id);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://baihua.dev/schema/config.schema.json',
    $comment: GENERATED_NOTE,
    title: 'Baihua 配置',
    description:
      'baihua.config.yaml：规则的开关、级别和选项。离指南最近的配置文件优先，并逐级向上合并，直到遇到 root: true。',
    type: 'object',
    additionalProperties: false,
    // Each rule's setting is a definition of its own, so the compiled validator checks it in a
    // function of its own, compiled by V8 only for the rules a configuration names.
    definitions: {
      severity: SEVERITY,
      ...Object.fromEntries(ids.map((id) => [id, ruleSettingSchema(rulesById.get(id).meta)])),
    },
    properties: {
      root: {
        title: '顶层配置',
        description: '为 true 时不再向上查找父目录的配置。',
        type: 'boolean',
        examples: [true],
      },
      extends: {
        title: '继承',
        description:
          '先套用这些预设，再用本文件的设置覆盖：recommended（内置推荐）、npm 包名（如 @province/baihua-config）或相对路径（如 ./base.yaml）。',
        type: 'array',
        items: { type: 'string', minLength: 1, examples: ['recommended'] },
        examples: [['recommended']],
      },
      rules: {
        title: '规则',
        description:
          '每条规则的级别：off（关闭）、warn（警告）、error（错误），或 [级别, 选项]。每条规则的说明在 docs/rules/。',
        type: 'object',
        propertyNames: { pattern: '^[a-z]+/[a-z0-9-]+$' },
        properties: Object.fromEntries(ids.map((id) => [id, { $ref: `#/definitions/${id.replace('/', '~1')}` }])),
        additionalProperties: false,
        examples: [{ 'schema/unknown-key': 'error', 'markdown/heading-increment': 'off' }],
      },
      ignores: {
        title: '忽略',
        description: '不检查的文件，glob 写法，相对于本配置文件所在目录。',
        type: 'array',
        items: { type: 'string', minLength: 1, examples: ['drafts/**'] },
        examples: [['drafts/**']],
      },
      catalog: {
        title: '指南目录',
        description:
          '目录检查（catalog/* 规则）比较的全部指南：目录、文件或 glob，相对于本配置文件所在目录。' +
          '只检查其中几份时，其余的也读入比较（标识是否重复、相关事项是否存在等），但只报告被检查的指南。不写时只比较一起检查的指南。',
        type: 'array',
        items: { type: 'string', minLength: 1, examples: ['guides'] },
        examples: [['guides']],
      },
      templates: {
        title: '网页模板',
        description:
          'baihua build 用的模板目录（复制 templates/site 后修改），相对于本配置文件所在目录，不能指到这个目录外面。',
        type: 'string',
        minLength: 1,
        examples: ['portal-templates'],
      },
      site: SITE_SCHEMA,
      rule_docs_url: {
        title: '规则说明网址',
        description:
          '每条规则的说明页发布在哪里，{id} 换成规则名（如 schema/required），写进 SARIF 的 helpUri 和 rdjson 的规则链接，代码审查里点开就能看到。' +
          '不写时指向本机安装的 docs/rules/ 文件（file: 网址），只在本机能打开。',
        type: 'string',
        pattern: '^https?://[^\\s]*\\{id\\}',
        examples: ['https://guides.qinghe.example.gov.cn/baihua/rules/{id}.html'],
      },
      baseline: {
        title: '基线',
        description:
          '记下已有问题的基线文件（baihua lint --update-baseline 生成），相对于本配置文件所在目录，不能指到这个目录外面。' +
          'baihua lint 不加 --baseline 时用它，编辑器也用它：基线里的问题不再报告，只报告新问题。',
        type: 'string',
        minLength: 1,
        examples: ['baihua-baseline.json'],
      },
    },
    examples: [{ root: true, extends: ['recommended'], catalog: ['guides'], rules: { 'schema/unknown-key': 'error' } }],
  };
}

/** Every generated file, by path relative to the repository. */
export function generatedFiles() {
  const files = new Map([['docs/rules/README.md', indexPage()]]);
  for (const rule of rules) files.set(ruleDocsUrl(rule.meta.id), rulePage(rule));
  for (const notice of notices) files.set(ruleDocsUrl(notice.id), noticePage(notice));
  files.set('schema/config.schema.json', `${JSON.stringify(configSchema(), null, 2)}\n`);
  return files;
}

function filesUnder(root, directory) {
  const absolute = join(root, directory);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'));
}

/** JSON is compared by value: a formatter may lay the schema out differently without changing it. */
function sameContent(path, onDisk, generated) {
  if (!path.endsWith('.json')) return onDisk === generated;
  try {
    return isDeepStrictEqual(JSON.parse(onDisk), JSON.parse(generated));
  } catch {
    return false;
  }
}

/** What differs between `root` and what the generator writes now: one line per file, sorted. */
export function staleFiles(root) {
  const files = generatedFiles();
  const problems = [];
  for (const [path, text] of files) {
    const target = join(root, path);
    if (!existsSync(target)) problems.push(`${path}：缺少`);
    else if (!sameContent(path, readFileSync(target, 'utf8'), text)) problems.push(`${path}：内容和生成的不同`);
  }
  for (const path of filesUnder(root, 'docs/rules')) if (!files.has(path)) problems.push(`${path}：没有对应的规则`);
  return problems.sort();
}

function main() {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false }, out: { type: 'string' } } });
  const root = values.out ?? join(dirname(fileURLToPath(import.meta.url)), '..');
  if (values.check) {
    const problems = staleFiles(root);
    if (problems.length) {
      process.stderr.write(
        `生成的文件过时了：\n${problems.map((line) => `  ${line}\n`).join('')}运行 ${REGENERATE} 重新生成\n`,
      );
      process.exitCode = 1;
    }
    return;
  }
  const files = generatedFiles();
  for (const path of filesUnder(root, 'docs/rules')) if (!files.has(path)) rmSync(join(root, path));
  for (const [path, text] of files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileAtomic(join(root, path), text);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
