/**
 * What `pnpm generate` writes from the rules (docs/rules/**, schema/config.schema.json) is up to
 * date, the configuration schema accepts the repository's configurations and rejects what the CLI
 * rejects, and the CLI's links lead to the pages.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as YAML from 'yaml';
import { configSchema, createAjv } from '@baihua/core';
import { builtinPresets, rules } from '@baihua/lint';
import { guidesDir, repoRoot, runCli, scratch } from './helpers.js';

const GENERATOR = join(repoRoot, 'scripts/generate-rule-docs.mjs');
/** Generous: the generator lints every rule example, slowly on a busy 2-core machine. */
const HANG_GUARD = 300_000;

function generator(args: string[]): { code: number; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [GENERATOR, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: HANG_GUARD,
  });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

describe('generated files', () => {
  it(
    'docs/rules and schema/config.schema.json are what pnpm generate writes now',
    () => {
      expect(generator(['--check'])).toEqual({ code: 0, stdout: '', stderr: '' });
    },
    HANG_GUARD,
  );

  it(
    'a changed, missing or orphaned file is named, with the command that regenerates',
    () => {
      const dir = scratch();
      expect(generator(['--out', dir])).toEqual({ code: 0, stdout: '', stderr: '' });
      // The schema laid out differently (as a formatter would) is still the same schema.
      const schemaPath = join(dir, 'schema/config.schema.json');
      writeFileSync(schemaPath, JSON.stringify(JSON.parse(readFileSync(schemaPath, 'utf8'))));
      expect(generator(['--check', '--out', dir])).toEqual({ code: 0, stdout: '', stderr: '' });
      appendFileSync(join(dir, 'docs/rules/plain/jargon.md'), '手改的一行\n');
      rmSync(join(dir, 'docs/rules/markdown/no-h1.md'));
      writeFileSync(join(dir, 'docs/rules/plain/no-such-rule.md'), '# plain/no-such-rule\n');
      const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
      delete schema.properties.rules.properties['plain/jargon'];
      writeFileSync(schemaPath, JSON.stringify(schema, null, 2));
      expect(generator(['--check', '--out', dir])).toEqual({
        code: 1,
        stdout: '',
        stderr: [
          '生成的文件过时了：',
          '  docs/rules/markdown/no-h1.md：缺少',
          '  docs/rules/plain/jargon.md：内容和生成的不同',
          '  docs/rules/plain/no-such-rule.md：没有对应的规则',
          '  schema/config.schema.json：内容和生成的不同',
          '运行 pnpm -s build && pnpm generate 重新生成',
          '',
        ].join('\n'),
      });
      // Writing again puts every file back and removes the page of no rule.
      expect(generator(['--out', dir])).toEqual({ code: 0, stdout: '', stderr: '' });
      expect(generator(['--check', '--out', dir])).toEqual({ code: 0, stdout: '', stderr: '' });
      expect(existsSync(join(dir, 'docs/rules/plain/no-such-rule.md'))).toBe(false);
    },
    HANG_GUARD,
  );

  it('a rule page shows the options, and each bad example with its findings', () => {
    const page = readFileSync(join(repoRoot, 'docs/rules/plain/long-sentence.md'), 'utf8');
    expect(page).toContain('# plain/long-sentence：长句\n');
    expect(page).toContain('| 推荐预设（recommended） | 警告（warn） |\n');
    expect(page).toContain('| `maxLength` | integer，≥ 10 | `50` |  |\n');
    const jargon = readFileSync(join(repoRoot, 'docs/rules/plain/jargon.md'), 'utf8');
    expect(jargon).toContain(
      '检查结果：\n\n- `36:6` 「容缺受理」是行业术语，群众不一定懂。第一次出现时请解释，如「容缺受理（材料缺一点也先收件，之后补交）」\n',
    );
    expect(jargon).toContain(
      '```yaml\nrules:\n  plain/jargon:\n    - warn\n    - terms:\n        跨省通办: 在外省也能办\n```\n',
    );
  });
});

describe('schema/config.schema.json', () => {
  const validate = createAjv().compile(configSchema);
  const errorsOf = (config: unknown) =>
    validate(config)
      ? []
      : validate.errors!.map(({ instancePath, keyword, params }) => ({ instancePath, keyword, params }));

  it('lists every rule, those that cannot be set as not settable', () => {
    type RulesSchema = {
      properties: { rules: { properties: Record<string, { $ref: string }> } };
      definitions: Record<string, { not?: unknown }>;
    };
    const { properties, definitions } = configSchema as RulesSchema;
    const listed = Object.keys(properties.rules.properties);
    expect(listed).toEqual(rules.map((rule) => rule.meta.id));
    expect(properties.rules.properties['plain/jargon']).toEqual({ $ref: '#/definitions/plain~1jargon' });
    const fatal = rules.filter((rule) => rule.meta.fatal).map((rule) => rule.meta.id);
    expect(listed.filter((id) => definitions[id]!.not)).toEqual(fatal);
  });

  it('accepts the configurations of the repository and every option of the rule examples', () => {
    expect(errorsOf(YAML.parse(readFileSync(join(guidesDir, 'baihua.config.yaml'), 'utf8')))).toEqual([]);
    expect(errorsOf(builtinPresets.recommended)).toEqual([]);
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const readmeConfig = /## Configuration[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)![1]!;
    expect(YAML.parse(readmeConfig).rules['plain/jargon']).toEqual(['warn', { terms: { 跨省通办: '在外省也能办' } }]);
    expect(errorsOf(YAML.parse(readmeConfig))).toEqual([]);
    for (const rule of rules.filter((candidate) => !candidate.meta.fatal)) {
      const withOptions = [...rule.examples.valid, ...rule.examples.invalid].filter((candidate) => candidate.options);
      for (const example of withOptions) {
        const config = { rules: { [rule.meta.id]: ['warn', example.options] } };
        expect(errorsOf(config), `${rule.meta.id}: ${example.title}`).toEqual([]);
      }
    }
  });

  it('rejects an unknown rule id, a wrong option and a rule that cannot be set', () => {
    expect(errorsOf({ rules: { 'schema/requird': 'error' } })).toEqual([
      { instancePath: '/rules', keyword: 'additionalProperties', params: { additionalProperty: 'schema/requird' } },
    ]);
    expect(errorsOf({ rules: { 'plain/long-sentence': ['warn', { maxLength: 5 }] } })).toContainEqual({
      instancePath: '/rules/plain~1long-sentence/1/maxLength',
      keyword: 'minimum',
      params: { comparison: '>=', limit: 10 },
    });
    expect(errorsOf({ rules: { 'markdown/no-h1': ['warn', {}] } })).toContainEqual({
      instancePath: '/rules/markdown~1no-h1',
      keyword: 'maxItems',
      params: { limit: 1 },
    });
    expect(errorsOf({ rules: { 'syntax/yaml': 'off' } })).toEqual([
      { instancePath: '/rules/syntax~1yaml', keyword: 'not', params: {} },
    ]);
  });

  it('the CLI rejects them with the same schema, in Chinese, at the setting', () => {
    const configError = (rulesText: string) => {
      const dir = scratch();
      writeFileSync(join(dir, 'baihua.config.yaml'), `root: true\nrules:\n${rulesText}`);
      writeFileSync(join(dir, 'guide.md'), readFileSync(join(guidesDir, '户籍/id-card-renewal.md')));
      const run = runCli(['lint', 'guide.md'], { cwd: dir });
      expect(run.code).toBe(2);
      return run.stderr.replace(`${join(dir, 'baihua.config.yaml')}:`, '');
    };
    expect(configError('  schema/requird: error\n')).toBe(
      '3:3: 配置错误：不认识的规则「schema/requird」，是不是想写「schema/required」？\n',
    );
    expect(configError('  plain/no-such-rule: warn\n')).toBe(
      '3:3: 配置错误：不认识的规则「plain/no-such-rule」。运行 baihua explain 列出所有规则\n',
    );
    expect(configError('  plain/long-sentence: [warn, { maxLength: 5 }]\n')).toBe(
      '3:33: 配置错误：规则「plain/long-sentence」的选项 /maxLength 不对：must be >= 10\n',
    );
    expect(configError('  policy/online-without-url: [error, { levels: [网上办] }]\n')).toBe(
      '3:49: 配置错误：规则「policy/online-without-url」的选项 /levels/0 不对：must be equal to one of the allowed values\n',
    );
  });
});

describe('links to the rule pages', () => {
  const pageOf = (id: string) => join(repoRoot, 'docs/rules', `${id}.md`);

  it('baihua explain names the page of the rule', () => {
    const run = runCli(['explain', 'plain/jargon']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`\n说明页：${pageOf('plain/jargon')}\n`);
    expect(runCli(['explain', 'fix/not-written']).stdout).toContain(`\n说明页：${pageOf('fix/not-written')}\n`);
  });

  it('every SARIF rule descriptor links to its page, which exists', () => {
    const run = runCli(['lint', join(guidesDir, '户籍/id-card-renewal.md'), '--format', 'sarif']);
    const descriptors: Array<{ id: string; helpUri: string }> = JSON.parse(run.stdout).runs[0].tool.driver.rules;
    expect(descriptors.length).toBe(rules.length + 1);
    for (const { id, helpUri } of descriptors) {
      expect(fileURLToPath(helpUri)).toBe(pageOf(id));
      expect(existsSync(pageOf(id)), id).toBe(true);
    }
  });
});
