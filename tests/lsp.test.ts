import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { guidesDir, runCli, scratch } from './helpers.js';
import { asFindings, type Finding, lintFindings, TestClient, uriOf } from './lsp-client.js';

const clients: TestClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) if (client.process.exitCode === null) client.process.kill();
});

async function start(root: string, initializationOptions?: Record<string, unknown>) {
  const started = await TestClient.start({ root, ...(initializationOptions && { initializationOptions }) });
  clients.push(started.client);
  return started;
}

const ID_CARD = '户籍/id-card-renewal.md';

/** The example catalog with the 换领居民身份证 guide written in management language. */
function catalogWithDefects(): { root: string; path: string; text: string } {
  const root = scratch(guidesDir);
  const path = join(root, ID_CARD);
  const text = readFileSync(path, 'utf8')
    .replace('身份证快到期或已经过期，可以到户政窗口换新证', '申请人须持身份证到相关部门，符合条件的予以受理')
    .replace('id: id-card-renewal', 'id: passport-application');
  return { root, path, text };
}

interface LintJson {
  messages: Finding[];
}

describe('baihua lsp --stdio', () => {
  it('publishes on open the findings of baihua lint on the same text, at the same ranges, catalog rules included', async () => {
    const { root, path, text } = catalogWithDefects();
    const { client, initialized } = await start(root);
    expect(initialized.serverInfo?.name).toBe('baihua');

    const uri = await client.open(path, text);
    const diagnostics = await client.diagnosticsAt(uri, 1);

    writeFileSync(path, text);
    const run = runCli(['lint', '--format', 'json', '.'], { cwd: root });
    const lint = (JSON.parse(run.stdout) as Array<LintJson & { filePath: string }>).find(
      (result) => result.filePath === path,
    )!;
    expect(lint.messages.map((message) => message.ruleId)).toEqual(
      expect.arrayContaining(['catalog/duplicate-id', 'plain/third-person', 'plain/vague-reference']),
    );
    expect(asFindings(diagnostics)).toEqual(lintFindings(lint.messages));
    expect(diagnostics.every((diagnostic) => diagnostic.source === 'baihua')).toBe(true);
  });

  it('lints the unsaved text after each change, and only the latest version is published last', async () => {
    const { root, path } = catalogWithDefects();
    const { client } = await start(root, { debounceMs: 20 });
    const uri = await client.open(path);
    expect(await client.diagnosticsAt(uri, 1)).toEqual([]);

    const summaryLine = readFileSync(path, 'utf8')
      .split('\n')
      .findIndex((line) => line.startsWith('summary:'));
    // 「可以到」 → 「须到」, one character at a time, as typed.
    const column = 'summary: 身份证快到期或已经过期，'.length;
    await client.change(uri, [
      {
        range: { start: { line: summaryLine, character: column }, end: { line: summaryLine, character: column + 2 } },
        text: '',
      },
    ]);
    const version = await client.change(uri, [
      {
        range: { start: { line: summaryLine, character: column }, end: { line: summaryLine, character: column } },
        text: '须',
      },
    ]);
    const diagnostics = await client.diagnosticsAt(uri, version);
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range])).toEqual([
      [
        'plain/classical-word',
        { start: { line: summaryLine, character: column }, end: { line: summaryLine, character: column + 1 } },
      ],
    ]);
    const last = client.published.filter((params) => params.uri === uri).at(-1);
    expect(last?.version).toBe(version);
  });

  it('does not lint Markdown outside a Baihua project, and exits when the client asks', async () => {
    const root = scratch();
    const path = join(root, 'notes.md');
    writeFileSync(path, '# 笔记\n\n申请人须予以受理。\n');
    const { client } = await start(root);
    const uri = await client.open(path);
    expect(await client.diagnostics(uri)).toEqual([]);
    expect(await client.stop()).toBe(0);
  });

  it('exits when its standard input closes', async () => {
    const { client } = await start(scratch(guidesDir));
    client.process.stdin.end();
    expect(await client.exited).not.toBeNull();
  });

  it('reports a broken configuration in the configuration file and on the guide, and recovers when it is mended', async () => {
    const root = scratch(guidesDir);
    const configPath = join(root, 'baihua.config.yaml');
    const config = readFileSync(configPath, 'utf8');
    writeFileSync(configPath, `${config}rules:\n  plain/no-such-rule: error\n`);
    const { client } = await start(root);
    const guideUri = await client.open(join(root, ID_CARD));
    const onGuide = await client.diagnostics(guideUri);
    expect(onGuide).toHaveLength(1);
    expect(onGuide[0]).toMatchObject({ code: 'config', range: { start: { line: 0, character: 0 } } });
    expect(onGuide[0]!.message).toContain('配置文件 baihua.config.yaml 有问题');
    const onConfig = await client.diagnostics(uriOf(configPath));
    expect(onConfig).toEqual([
      expect.objectContaining({
        code: 'config',
        range: {
          start: { line: config.split('\n').length, character: 2 },
          end: { line: config.split('\n').length, character: 2 },
        },
        message: expect.stringContaining('plain/no-such-rule'),
      }),
    ]);

    const before = client.published.length;
    writeFileSync(configPath, config);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uriOf(configPath), type: 2 }],
    });
    expect(await client.diagnostics(guideUri, () => true, before)).toEqual([]);
    expect(await client.diagnostics(uriOf(configPath), () => true, before)).toEqual([]);
  });
});

describe('configuration changes reach the open guides', () => {
  it('a rule turned off in baihua.config.yaml and saved in the editor stops being reported', async () => {
    const { root, path, text } = catalogWithDefects();
    const { client } = await start(root, { debounceMs: 10 });
    const uri = await client.open(path, text);
    const codes = (await client.diagnosticsAt(uri, 1)).map((diagnostic) => diagnostic.code);
    expect(codes).toContain('plain/third-person');

    // A client that does not watch files still says when it saves the configuration.
    const configPath = join(root, 'baihua.config.yaml');
    const configUri = await client.open(configPath);
    const config = `${readFileSync(configPath, 'utf8')}rules:\n  plain/third-person: off\n`;
    await client.change(configUri, [{ text: config }]);
    writeFileSync(configPath, config);
    const before = client.published.length;
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri: configUri } });
    const after = await client.diagnostics(uri, () => true, before);
    expect(after.map((diagnostic) => diagnostic.code)).toEqual(codes.filter((code) => code !== 'plain/third-person'));
  });

  it('a preset the configuration extends is read again when it changes on disk', async () => {
    const { root, path, text } = catalogWithDefects();
    const configPath = join(root, 'baihua.config.yaml');
    writeFileSync(
      configPath,
      readFileSync(configPath, 'utf8').replace('extends: [recommended]', 'extends: [recommended, ./bureau.yaml]'),
    );
    const presetPath = join(root, 'bureau.yaml');
    writeFileSync(presetPath, '# 本局的规则设置\nrules:\n  plain/vague-reference: warn\n');
    const { client } = await start(root, { debounceMs: 10 });
    const uri = await client.open(path, text);
    const codes = (await client.diagnosticsAt(uri, 1)).map((diagnostic) => diagnostic.code);
    expect(codes).toContain('plain/vague-reference');

    writeFileSync(presetPath, '# 本局的规则设置\nrules:\n  plain/vague-reference: off\n');
    const before = client.published.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uriOf(presetPath), type: 2 }],
    });
    const after = await client.diagnostics(uri, () => true, before);
    expect(after.map((diagnostic) => diagnostic.code)).toEqual(
      codes.filter((code) => code !== 'plain/vague-reference'),
    );

    // Opened in the editor, the preset is checked as configuration, not as a guide.
    const presetUri = await client.open(presetPath);
    expect(await client.diagnosticsAt(presetUri, 1)).toEqual([]);
    const version = await client.change(presetUri, [{ text: 'rules:\n  plain/vague-reference: [warn, 3]\n' }]);
    expect((await client.diagnosticsAt(presetUri, version)).map(({ code, range }) => [code, range.start])).toEqual([
      ['config', { line: 1, character: 32 }],
    ]);
  });

  it('checks the unsaved text of baihua.config.yaml as it is typed', async () => {
    const root = scratch(guidesDir);
    const configPath = join(root, 'baihua.config.yaml');
    const { client } = await start(root, { debounceMs: 10 });
    const uri = await client.open(configPath);
    expect(await client.diagnosticsAt(uri, 1)).toEqual([]);
    const config = readFileSync(configPath, 'utf8');
    const version = await client.change(uri, [{ text: `${config}rules:\n  plain/officialese: sometimes\n` }]);
    const lines = config.split('\n').length;
    expect(await client.diagnosticsAt(uri, version)).toEqual([
      {
        range: { start: { line: lines, character: 2 }, end: { line: lines, character: 2 } },
        severity: 1,
        code: 'config',
        source: 'baihua',
        message: '规则「plain/officialese」的设置应为 off、warn、error，或 [级别, {选项}]',
      },
    ]);
  });
});
