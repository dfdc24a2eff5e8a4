/**
 * `baihua/preview` from the real server (`baihua lsp --stdio`, the built CLI) over stdio, as the VS
 * Code extension asks it: the pages of the open guide's unsaved text, or a page saying why not.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseGuide, SourceFile } from '@baihua/core';
import { configForPath } from '@baihua/lint';
import { afterEach, describe, expect, it } from 'vitest';
import { type GuidePreview, previewGuide } from '../packages/lsp/src/preview.js';
import { guidesDir, JOURNEY_CATALOG, scratch } from './helpers.js';
import { TestClient, uriOf } from './lsp-client.js';

const clients: TestClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) if (client.process.exitCode === null) await client.stop();
});

async function start(root: string): Promise<TestClient> {
  const { client } = await TestClient.start({ root });
  clients.push(client);
  return client;
}

const preview = (client: TestClient, uri: unknown) =>
  client.connection.sendRequest<GuidePreview>('baihua/preview', { uri });

const ID_CARD = '户籍/id-card-renewal.md';

/** The one problem an unrenderable page lists. */
const problemOf = (page: string) => /<ul>\n<li>(.*)<\/li>\n<\/ul>/.exec(page)?.[1];

describe('baihua/preview', () => {
  it("answers with the pages of the guide's unsaved text, as rendered in-process from the same text", async () => {
    const root = scratch(guidesDir);
    const path = join(root, ID_CARD);
    const client = await start(root);
    const text = readFileSync(path, 'utf8').replace('title: 换领居民身份证', 'title: 换领居民身份证（未保存）');
    const uri = await client.open(path, text);
    const answer = await preview(client, uri);
    expect(answer.title).toBe('换领居民身份证（未保存）');
    expect(answer).toEqual(previewGuide(parseGuide(new SourceFile(path, text)), configForPath(path)));
    expect(answer.pages.web).toContain('<h1>换领居民身份证（未保存）</h1>');

    const edited = text.replace('title: 换领居民身份证（未保存）', 'title: 换领身份证');
    await client.change(uri, [{ text: edited }]);
    // Asked at once, before the debounced lint: the answer is of the newest text all the same.
    expect((await preview(client, uri)).title).toBe('换领身份证');
  });

  it('previews a journey (一件事) from the catalog’s guides, open ones as last edited', async () => {
    const root = scratch(JOURNEY_CATALOG);
    writeFileSync(join(root, 'baihua.config.yaml'), "root: true\nextends: [recommended]\ncatalog: ['.']\n");
    const client = await start(root);
    const journey = await client.open(join(root, 'journeys/newborn-test.md'));
    const answer = await preview(client, journey);
    expect(answer.title).toBe('新生儿出生一件事');
    expect(answer.pages.web).toContain('<dd>最多跑4次');
    expect(answer.pages.mobile).toContain('<a href="../newborn-hukou.html">出生登记</a>');
    expect(answer.pages.print).toContain('<span class="box" aria-hidden="true">☐</span>');
    // The styles are in the page: a preview fetches nothing.
    expect(answer.pages.web).not.toContain('<link rel="stylesheet"');
    expect(answer.pages.web).toContain('.journey-steps');

    // A guide of the journey edited and not saved: the journey's totals follow it.
    const bank = join(root, 'social-security-card-bank.md');
    const text = readFileSync(bank, 'utf8')
      .replace('visits: 2\n', 'visits: 1\n')
      .replace(/visits_reason: .*\n/, '');
    await client.open(bank, text);
    await expect.poll(async () => (await preview(client, journey)).pages.web).toContain('<dd>最多跑3次');
  });

  it('answers a YAML guide and a broken guide, and the server lives on', async () => {
    const root = scratch(guidesDir);
    const client = await start(root);
    const yamlUri = await client.open(join(root, '交通/driving-licence-renewal.yaml'));
    expect((await preview(client, yamlUri)).pages.mobile).toContain('<h1>机动车驾驶证期满换证</h1>');

    const path = join(root, ID_CARD);
    const uri = await client.open(path, readFileSync(path, 'utf8').replace('title: 换领居民身份证', 'title: [换领'));
    const broken = await preview(client, uri);
    expect(problemOf(broken.pages.web)).toBe(
      '<span class="place">第 6 行第 8 列</span>这里的 [ 没有配对的 ]：请在同一行末尾补上 ]；内容太长要换行时，改成分行的写法 ' +
        '<code>syntax/yaml</code>',
    );
    expect(broken.pages.print).toBe(broken.pages.web);
    for (const uri of [42, 'file://host/x.md', 'untitled:Untitled-1']) {
      expect(problemOf((await preview(client, uri)).pages.web)).toBe(
        '只能预览在编辑器里打开的指南文件：请先打开它，再预览',
      );
    }
    expect((await preview(client, yamlUri)).title).toBe('机动车驾驶证期满换证');
  });

  it('says why there is no preview: a file not open, the configuration and a preset, a file that is no guide', async () => {
    const root = scratch(guidesDir);
    writeFileSync(join(root, 'strict.yaml'), 'rules:\n  plain/long-sentence: [error, { maxLength: 40 }]\n');
    const configPath = join(root, 'baihua.config.yaml');
    const config = readFileSync(configPath, 'utf8');
    writeFileSync(configPath, config.replace('extends: [recommended]', 'extends: [recommended, ./strict.yaml]'));
    const client = await start(root);
    const notOpen = await preview(client, uriOf(join(root, ID_CARD)));
    expect(notOpen.title).toBe('id-card-renewal.md');
    expect(problemOf(notOpen.pages.web)).toBe('只能预览在编辑器里打开的指南文件：请先打开它，再预览');
    const configUri = await client.open(configPath);
    expect(problemOf((await preview(client, configUri)).pages.web)).toBe(
      '这是白话的配置文件，不是指南：请打开一份指南（.md 或 .yaml 文件）再预览',
    );
    const preset = await client.open(join(root, 'strict.yaml'));
    expect(problemOf((await preview(client, preset)).pages.web)).toBe(
      '这是白话的配置文件，不是指南：请打开一份指南（.md 或 .yaml 文件）再预览',
    );

    const elsewhere = scratch();
    writeFileSync(join(elsewhere, 'notes.md'), '# 会议记录\n');
    const notes = await client.open(join(elsewhere, 'notes.md'));
    expect(problemOf((await preview(client, notes)).pages.web)).toBe(
      '这个文件不是白话项目里的指南：它所在的目录和上层目录里都没有 baihua.config.yaml，或者配置里的 ignores 排除了它。' +
        '请把指南放在有 baihua.config.yaml 的目录里',
    );
  });

  it('names the broken configuration file and where it is broken', async () => {
    const root = scratch(guidesDir);
    const configPath = join(root, 'baihua.config.yaml');
    writeFileSync(configPath, 'root: true\nextends: [recommended, ./missing-preset.yaml]\n');
    const client = await start(root);
    const uri = await client.open(join(root, ID_CARD));
    expect(problemOf((await preview(client, uri)).pages.web)).toBe(
      '<span class="place">baihua.config.yaml 第 2 行第 24 列</span>' +
        `找不到要继承的配置文件「./missing-preset.yaml」（${join(root, 'missing-preset.yaml')}）`,
    );
  });
});
