/**
 * The GitHub Action (action.yml at the repository root), step by step as the runner takes it: the
 * `run:` steps' commands run in bash with the runner's GITHUB_* files in a temp dir, against a
 * temp git repository with a pull request's change; the `uses:` steps are checked for what they
 * are given. The install step finds this checkout already built, as a second run of it would.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cliPath, guidesDir, repoRoot, runCli, scratch } from './helpers.js';

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  with?: Record<string, string | number>;
  shell?: string;
  'working-directory'?: string;
  env?: Record<string, string>;
  run?: string;
}

interface Action {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as Action;

interface ActionRun {
  /** the action's exit code: that of the step that failed, 0 when none did */
  code: number;
  /** the `uses:` steps taken, with what they were given */
  used: Array<{ uses: string; with: Record<string, string> }>;
  /** the steps skipped by their `if:` */
  skipped: string[];
  summary: string;
  outputs: Record<string, Record<string, string>>;
  log: string;
}

/**
 * Runs the composite action as the runner does: expressions from the inputs (defaults included),
 * the pull request event, the action's path (this checkout) and earlier steps' outputs; each step
 * in `bash --noprofile --norc -eo pipefail` in the workspace; the first failing step ends the run.
 */
function runAction(workspace: string, inputs: Record<string, string>, event: { baseSha: string }): ActionRun {
  const runner = join(workspace, '..', 'runner');
  mkdirSync(runner, { recursive: true });
  const summaryFile = join(runner, 'step-summary.md');
  writeFileSync(summaryFile, '');
  const outputs: Record<string, Record<string, string>> = {};
  const value = (name: string): string => {
    const [scope, ...rest] = name.split('.');
    const key = rest.join('.');
    if (scope === 'inputs') {
      const given = inputs[key] ?? action.inputs[key]?.default ?? '';
      return expand(given);
    }
    if (name === 'github.action_path') return repoRoot;
    if (name === 'github.event.pull_request.base.sha') return event.baseSha;
    if (name === 'runner.temp') return runner;
    const step = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(name);
    if (step) return outputs[step[1]!]?.[step[2]!] ?? '';
    throw new Error(`action.yml uses an expression the test does not know: ${name}`);
  };
  const expand = (text: string): string => text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, name: string) => value(name));
  const condition = (text: string): boolean => {
    const match = /^([\w.-]+) (!=|==) '([^']*)'$/.exec(text.trim());
    if (!match) throw new Error(`action.yml has a condition the test does not know: ${text}`);
    return (value(match[1]!) === match[3]) === (match[2] === '==');
  };

  const run: ActionRun = { code: 0, used: [], skipped: [], summary: '', outputs, log: '' };
  for (const [index, step] of action.runs.steps.entries()) {
    const label = step.name ?? step.uses ?? `step ${index}`;
    if (step.if !== undefined && !condition(step.if)) {
      run.skipped.push(label);
      continue;
    }
    if (step.uses) {
      const given = Object.fromEntries(Object.entries(step.with ?? {}).map(([key, v]) => [key, expand(String(v))]));
      run.used.push({ uses: step.uses, with: given });
      continue;
    }
    expect(step.shell).toBe('bash');
    const outputFile = join(runner, `output-${index}`);
    writeFileSync(outputFile, '');
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, v]) => [key, expand(v)]));
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
      cwd: step['working-directory'] ? expand(step['working-directory']) : workspace,
      env: {
        ...process.env,
        NO_COLOR: undefined,
        FORCE_COLOR: undefined,
        GITHUB_WORKSPACE: workspace,
        GITHUB_ACTION_PATH: repoRoot,
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        RUNNER_TEMP: runner,
        ...env,
      },
      encoding: 'utf8',
      timeout: 300_000,
    });
    run.log += `## ${label}\n${result.stdout}${result.stderr}`;
    if (step.id) {
      outputs[step.id] = Object.fromEntries(
        readFileSync(outputFile, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
      );
    }
    if (result.status !== 0) {
      run.code = result.status ?? 1;
      break;
    }
  }
  run.summary = readFileSync(summaryFile, 'utf8');
  return run;
}

const git = (cwd: string, ...args: string[]) => {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.trim();
};

/**
 * A repository of three example guides at the pull request's base, and a head commit that breaks
 * 换领居民身份证 (time_limit deleted, copies written 两份) and adds 护照 with a third-person
 * sentence (a warning). 结婚登记 is not touched.
 */
function pullRequest(change: 'errors' | 'warnings'): { workspace: string; baseSha: string } {
  const workspace = join(scratch(), 'workspace');
  mkdirSync(join(workspace, 'guides'), { recursive: true });
  writeFileSync(join(workspace, 'guides/baihua.config.yaml'), 'root: true\nextends: [recommended]\n');
  for (const guide of ['户籍/id-card-renewal.md', '婚姻登记/marriage-registration.md']) {
    mkdirSync(join(workspace, 'guides', guide, '..'), { recursive: true });
    cpSync(join(guidesDir, guide), join(workspace, 'guides', guide));
  }
  git(workspace, 'init', '--quiet', '--initial-branch=main');
  git(workspace, 'add', '.');
  git(workspace, '-c', 'user.name=青禾', '-c', 'user.email=qinghe@example.gov.cn', 'commit', '--quiet', '-m', '基准');
  const baseSha = git(workspace, 'rev-parse', 'HEAD');
  git(workspace, 'checkout', '--quiet', '-b', 'pr');
  if (change === 'errors') {
    cpSync(
      join(repoRoot, 'tests/fixtures/broken/户籍/id-card-renewal.md'),
      join(workspace, 'guides/户籍/id-card-renewal.md'),
    );
  }
  mkdirSync(join(workspace, 'guides/出入境'), { recursive: true });
  writeFileSync(
    join(workspace, 'guides/出入境/passport-application.md'),
    `${readFileSync(join(guidesDir, '出入境/passport-application.md'), 'utf8')}\n申请人本人到窗口拍照。\n`,
  );
  git(workspace, 'add', '.');
  git(workspace, '-c', 'user.name=青禾', '-c', 'user.email=qinghe@example.gov.cn', 'commit', '--quiet', '-m', '改动');
  return { workspace, baseSha };
}

describe('action.yml', () => {
  it('is a composite action with the documented inputs', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(['paths', 'base', 'config', 'fail-on-warnings']);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template
    expect(action.inputs.base!.default).toBe('${{ github.event.pull_request.base.sha }}');
  });

  it('lints the changed guides, uploads SARIF, writes the summary and fails on errors after the upload', () => {
    const { workspace, baseSha } = pullRequest('errors');
    const run = runAction(workspace, {}, { baseSha });
    expect(run.code, run.log).toBe(1);
    expect(run.skipped).toEqual([]);
    const sarifFile = join(workspace, '../runner/baihua/baihua.sarif');
    expect(run.used).toEqual([
      { uses: 'actions/setup-node@v4', with: { 'node-version': '20' } },
      { uses: 'github/codeql-action/upload-sarif@v3', with: { sarif_file: sarifFile, category: 'baihua' } },
    ]);
    expect(run.outputs.lint).toEqual({ 'sarif-file': sarifFile, 'exit-code': '1' });

    // Only the guides the pull request changed: the broken one (two errors) and the added one.
    const results = JSON.parse(readFileSync(sarifFile, 'utf8')).runs[0].results as Array<{
      ruleId: string;
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }>;
    }>;
    const found = results.map(({ ruleId, locations: [location] }) => [
      decodeURI(location!.physicalLocation.artifactLocation.uri),
      location!.physicalLocation.region.startLine,
      ruleId,
    ]);
    expect(found).toEqual([
      ['guides/出入境/passport-application.md', 168, 'plain/third-person'],
      ['guides/户籍/id-card-renewal.md', 3, 'schema/required'],
      ['guides/户籍/id-card-renewal.md', 29, 'schema/type'],
    ]);

    // The step summary is the markdown report of the same run.
    const markdown = runCli(['lint', 'guides', '--changed-since', baseSha, '--format', 'markdown'], {
      cwd: workspace,
    });
    expect(markdown.code).toBe(1);
    expect(run.summary).toBe(markdown.stdout);
    expect(run.summary).toContain('guides/户籍/id-card-renewal.md');
    expect(run.summary).not.toContain('marriage-registration');
  });

  it('passes with warnings only, and fails on them with fail-on-warnings', () => {
    const { workspace, baseSha } = pullRequest('warnings');
    expect(runAction(workspace, {}, { baseSha }).code).toBe(0);
    const strict = runAction(workspace, { 'fail-on-warnings': 'true' }, { baseSha });
    expect(strict.code).toBe(1);
    expect(strict.used.map((step) => step.uses)).toContain('github/codeql-action/upload-sarif@v3');
  });

  it('lints every guide on a push, where there is no pull request base', () => {
    const { workspace } = pullRequest('warnings');
    const run = runAction(workspace, {}, { baseSha: '' });
    expect(run.skipped).toEqual(['取来基准提交']);
    const sarif = JSON.parse(readFileSync(join(workspace, '../runner/baihua/baihua.sarif'), 'utf8'));
    // 结婚登记 is linted too: it is clean, so the third-person warning is the only result.
    expect(sarif.runs[0].results.map((result: { ruleId: string }) => result.ruleId)).toEqual(['plain/third-person']);
    expect(run.summary).toContain('marriage-registration');
  });

  it('uploads nothing when the check cannot run, and fails with its exit code 2', () => {
    const { workspace, baseSha } = pullRequest('errors');
    const run = runAction(workspace, { config: 'missing.yaml' }, { baseSha });
    expect(run.code).toBe(2);
    expect(run.skipped).toEqual(['上传到代码扫描']);
    expect(run.log).toContain('找不到配置文件 missing.yaml');
    expect(existsSync(join(workspace, '../runner/baihua/baihua.sarif'))).toBe(false);
  });

  it('runs the baihua this checkout built', () => {
    expect(existsSync(cliPath)).toBe(true);
    const lint = action.runs.steps.find((step) => step.id === 'lint')!;
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template
    expect(lint.env!.BAIHUA).toBe('${{ github.action_path }}/packages/cli/dist/baihua.mjs');
  });
});
