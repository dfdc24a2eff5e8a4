import { chmodSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NOT_FOUND, resolveServer, type ServerLookup } from '../src/server-command.js';

const CODE_NODE = '/opt/vscode/code';
let home: string;

beforeEach(() => {
  home = realpathSync(mkdtempSync(join(tmpdir(), 'baihua-vscode-')));
});
afterEach(() => {
  rmSync(home, { recursive: true, force: true });
});

/** A file under the temporary folder, with its folders. */
function file(path: string, executable = false): string {
  const full = join(home, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, executable ? '#!/bin/sh\n' : '#!/usr/bin/env node\n');
  if (executable) chmodSync(full, 0o755);
  return full;
}

function lookup(options: Partial<ServerLookup>): ServerLookup {
  return {
    serverPath: undefined,
    nodePath: undefined,
    workspaceFolders: [],
    searchPath: '',
    platform: 'linux',
    bundledNode: CODE_NODE,
    ...options,
  };
}

const withCodeNode = (script: string) => ({
  command: CODE_NODE,
  args: [script, 'lsp', '--stdio'],
  env: { ELECTRON_RUN_AS_NODE: '1' },
  shell: false,
});

describe('resolveServer', () => {
  it("runs the workspace's baihua.mjs with the Node.js inside VS Code", () => {
    const script = file('project/node_modules/@baihua/cli/dist/baihua.mjs');
    expect(resolveServer(lookup({ workspaceFolders: [join(home, 'project')] }))).toEqual({
      server: { ...withCodeNode(script), origin: `工作区的 ${join(home, 'project/node_modules')}：${script}` },
    });
  });

  it('finds the install of a folder above the workspace folder (a guides folder opened in a repository)', () => {
    const script = file('repo/node_modules/@baihua/cli/dist/baihua.mjs');
    mkdirSync(join(home, 'repo/guides/户籍'), { recursive: true });
    expect(resolveServer(lookup({ workspaceFolders: [join(home, 'repo/guides/户籍')] }))).toMatchObject({
      server: withCodeNode(script),
    });
  });

  it("runs a workspace's .bin/baihua shim when there is no @baihua/cli folder (pnpm's shell script)", () => {
    const shim = file('project/node_modules/.bin/baihua', true);
    expect(resolveServer(lookup({ workspaceFolders: [join(home, 'project')] }))).toMatchObject({
      server: { command: shim, args: ['lsp', '--stdio'], env: {}, shell: false },
    });
  });

  it("follows npm's link from .bin/baihua on PATH to the script, and runs the script with VS Code's Node.js", () => {
    const script = file('global/lib/node_modules/@baihua/cli/dist/baihua.mjs');
    mkdirSync(join(home, 'global/bin'));
    symlinkSync(script, join(home, 'global/bin/baihua'));
    chmodSync(script, 0o755);
    const searchPath = [join(home, 'empty'), join(home, 'global/bin')].join(':');
    expect(resolveServer(lookup({ searchPath }))).toEqual({
      server: { ...withCodeNode(script), origin: `PATH：${script}` },
    });
  });

  it('skips a baihua on PATH that is not executable', () => {
    file('bin/baihua');
    expect(resolveServer(lookup({ searchPath: join(home, 'bin') }))).toEqual({ problem: NOT_FOUND });
  });

  it('starts a Windows .cmd shim through the shell', () => {
    const shim = file('npm/baihua.cmd');
    expect(resolveServer(lookup({ platform: 'win32', searchPath: `C:\\nowhere;${join(home, 'npm')}` }))).toMatchObject({
      server: { command: shim, args: ['lsp', '--stdio'], shell: true },
    });
  });

  it('prefers the setting to the workspace, and the workspace to PATH', () => {
    const fromSetting = file('elsewhere/baihua.mjs');
    const fromWorkspace = file('project/node_modules/@baihua/cli/dist/baihua.mjs');
    file('bin/baihua', true);
    const everywhere = { workspaceFolders: [join(home, 'project')], searchPath: join(home, 'bin') };
    expect(resolveServer(lookup({ ...everywhere, serverPath: fromSetting }))).toMatchObject({
      server: withCodeNode(fromSetting),
    });
    expect(resolveServer(lookup(everywhere))).toMatchObject({ server: withCodeNode(fromWorkspace) });
  });

  it('reads a relative setting from the first workspace folder, and runs an executable as it is', () => {
    const executable = file('project/tools/baihua', true);
    expect(resolveServer(lookup({ serverPath: 'tools/baihua', workspaceFolders: [join(home, 'project')] }))).toEqual({
      server: {
        command: executable,
        args: ['lsp', '--stdio'],
        env: {},
        shell: false,
        origin: `设置 baihua.server.path：${executable}`,
      },
    });
  });

  it('runs the script with the Node.js of baihua.server.node, without the Electron switch', () => {
    const script = file('cli/baihua.mjs');
    const node = file('node20/bin/node', true);
    expect(resolveServer(lookup({ serverPath: script, nodePath: node }))).toMatchObject({
      server: { command: node, args: [script, 'lsp', '--stdio'], env: {}, shell: false },
    });
  });

  it('says which setting points nowhere, rather than quietly using another baihua', () => {
    file('project/node_modules/@baihua/cli/dist/baihua.mjs');
    const missing = join(home, 'project/baihua.mjs');
    expect(resolveServer(lookup({ serverPath: 'baihua.mjs', workspaceFolders: [join(home, 'project')] }))).toEqual({
      problem: `设置「baihua.server.path」指向的 ${missing} 不存在或不是文件：请改成 baihua.mjs 或 baihua 命令的位置，或者清空这个设置。`,
    });
    const script = file('cli/baihua.mjs');
    expect(resolveServer(lookup({ serverPath: script, nodePath: join(home, 'no/node') }))).toEqual({
      problem: `设置「baihua.server.node」指向的 ${join(home, 'no/node')} 不存在：请改成 Node.js（20.11 或更新）的位置，或者清空这个设置，使用 VS Code 自带的 Node.js。`,
    });
  });

  it('says in Chinese how to install the server when there is none', () => {
    mkdirSync(join(home, 'project'));
    expect(resolveServer(lookup({ workspaceFolders: [join(home, 'project')], searchPath: undefined }))).toEqual({
      problem:
        '找不到白话的语言服务（baihua 命令）。请在工作区里安装：pnpm add -D @baihua/cli（或 npm install -D @baihua/cli）；' +
        '或者在设置「baihua.server.path」里填写 baihua.mjs 的完整路径（如 /opt/baihua/packages/cli/dist/baihua.mjs）。' +
        '然后运行命令「白话：重启语言服务」。',
    });
  });
});
