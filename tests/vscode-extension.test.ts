/**
 * The bundled extension (packages/vscode/dist/extension.js, as in the .vsix) activated by a
 * stand-in for VS Code's extension host (tests/vscode-host.mjs): VS Code cannot run here, so this
 * is as close as the tests get. It finds the workspace's baihua, starts the real server through
 * vscode-languageclient, opens the preview of the guide in front, and redraws it after an edit.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PreviewContent } from '../packages/vscode/src/preview-html.js';
import { NOT_FOUND } from '../packages/vscode/src/server-command.js';
import { cliPath, guidesDir, repoRoot, scratch } from './helpers.js';

const EXTENSION = join(repoRoot, 'packages/vscode/dist/extension.js');
const ID_CARD = '户籍/id-card-renewal.md';

interface HostOutput {
  errors: string[];
  log: string[];
  html: string;
  posted: PreviewContent[];
}

function runHost(
  root: string,
  edited?: string,
  settings: Record<string, string> = {},
  path = process.env.PATH,
): HostOutput {
  const args = [join(repoRoot, 'tests/vscode-host.mjs'), EXTENSION, root, join(root, ID_CARD)];
  if (edited !== undefined) {
    writeFileSync(join(root, 'edited.txt'), edited);
    args.push(join(root, 'edited.txt'));
  }
  const env = { ...process.env, PATH: path, BAIHUA_TEST_SETTINGS: JSON.stringify(settings) };
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', env, timeout: 120_000 });
  if (run.status !== 0) throw new Error(`the stand-in host failed (${run.status}): ${run.stderr.slice(-2000)}`);
  return JSON.parse(run.stdout) as HostOutput;
}

describe('the bundled VS Code extension', () => {
  it("starts the workspace's baihua, previews the guide in front and redraws it after an edit", () => {
    const root = scratch(guidesDir);
    mkdirSync(join(root, 'node_modules/@baihua'), { recursive: true });
    symlinkSync(join(repoRoot, 'packages/cli'), join(root, 'node_modules/@baihua/cli'));
    const text = readFileSync(join(root, ID_CARD), 'utf8');
    const output = runHost(root, text.replace('title: 换领居民身份证', 'title: 换领身份证（改）'));

    expect(output.errors).toEqual([]);
    expect(output.log[0]).toBe(
      `info: 启动白话语言服务（工作区的 ${join(root, 'node_modules')}：${cliPath}）：` +
        `${process.execPath} ${cliPath} lsp --stdio`,
    );
    expect(output.html).toContain('<title>预览：换领居民身份证</title>');
    expect(output.html).toContain('&#60;h1&#62;换领居民身份证&#60;/h1&#62;');
    expect(output.posted).toHaveLength(1);
    const [redrawn] = output.posted;
    expect(redrawn && 'preview' in redrawn && redrawn.preview.title).toBe('换领身份证（改）');
    expect(redrawn && 'preview' in redrawn && redrawn.preview.pages.print).toContain('<h1>换领身份证（改）</h1>');
  });

  it('says in Chinese how to install baihua when there is none, in a message and in the panel', () => {
    const root = scratch(guidesDir);
    const output = runHost(root, undefined, {}, join(root, 'bin'));
    expect(output.errors).toEqual([NOT_FOUND]);
    expect(output.log).toEqual([`error: ${NOT_FOUND}`]);
    expect(output.html).toContain(`<p class="message" role="status">${NOT_FOUND}</p>`);
  });

  it('does not ask a workspace without guides to install baihua, and says it in the panel when asked', () => {
    const root = scratch();
    mkdirSync(join(root, '户籍'));
    writeFileSync(join(root, ID_CARD), readFileSync(join(guidesDir, ID_CARD)));
    const output = runHost(root, undefined, {}, join(root, 'bin'));
    expect(output.errors).toEqual([]);
    expect(output.log).toEqual([`error: ${NOT_FOUND}`]);
    expect(output.html).toContain(`<p class="message" role="status">${NOT_FOUND}</p>`);
  });

  it('says in Chinese that the server did not start, when the baihua of the settings dies at once', () => {
    const root = scratch(guidesDir);
    const broken = join(root, 'broken-baihua');
    writeFileSync(broken, '#!/bin/sh\necho "baihua: cannot start" >&2\nexit 3\n', { mode: 0o755 });
    const output = runHost(root, undefined, { 'baihua.server.path': broken });
    expect(output.log[0]).toBe(`info: 启动白话语言服务（设置 baihua.server.path：${broken}）：${broken} lsp --stdio`);
    const started =
      /^白话语言服务没能启动（.+）：请检查设置「baihua.server.path」，详情在「输出」面板的「白话」频道里。$/;
    expect(output.errors.at(-1)).toMatch(started);
    expect(output.html).toMatch(/<p class="message" role="status">白话语言服务没能启动（.+）：请检查设置/);
  });
});
