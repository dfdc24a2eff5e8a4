import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';

/** Where to look for the language server, from the settings and the machine. */
export interface ServerLookup {
  /** the setting `baihua.server.path`: a `baihua.mjs` or a `baihua` executable */
  serverPath: string | undefined;
  /** the setting `baihua.server.node`: the Node.js that runs a `.mjs` */
  nodePath: string | undefined;
  /** the workspace folders, as paths; relative settings are read from the first */
  workspaceFolders: readonly string[];
  /** the PATH variable */
  searchPath: string | undefined;
  platform: NodeJS.Platform;
  /** the Node.js inside VS Code (`process.execPath`), which runs scripts when ELECTRON_RUN_AS_NODE is set */
  bundledNode: string;
}

/** How to start `baihua lsp --stdio`. */
export interface ServerCommand {
  command: string;
  args: string[];
  /** variables added to the extension host's environment */
  env: Record<string, string>;
  /** a Windows `.cmd` shim starts only through the shell */
  shell: boolean;
  /** where it was found, for the output channel */
  origin: string;
}

export type ServerResolution = { server: ServerCommand } | { problem: string };

const SERVER_ARGS = ['lsp', '--stdio'];
const SCRIPT = /\.[cm]?js$/i;

export const NOT_FOUND =
  '找不到白话的语言服务（baihua 命令）。请在工作区里安装：pnpm add -D @baihua/cli（或 npm install -D @baihua/cli）；' +
  '或者在设置「baihua.server.path」里填写 baihua.mjs 的完整路径（如 /opt/baihua/packages/cli/dist/baihua.mjs）。' +
  '然后运行命令「白话：重启语言服务」。';

/**
 * The language server, found the way the ESLint and Prettier extensions find their tools: the
 * setting `baihua.server.path`, else the workspace's own `@baihua/cli` (its `baihua.mjs`, or
 * `node_modules/.bin/baihua`, in each workspace folder or a folder above it), else `baihua` on
 * PATH. A JavaScript file, also one that an executable links to, runs with the Node.js inside VS
 * Code (or `baihua.server.node`), so a clerk needs no Node.js of their own.
 */
export function resolveServer(lookup: ServerLookup): ServerResolution {
  const base = lookup.workspaceFolders[0];
  const fromSetting = (path: string) => (isAbsolute(path) || base === undefined ? resolve(path) : resolve(base, path));
  const setting = lookup.serverPath?.trim();
  if (setting) {
    const path = fromSetting(setting);
    if (!isFile(path))
      return {
        problem: `设置「baihua.server.path」指向的 ${path} 不存在或不是文件：请改成 baihua.mjs 或 baihua 命令的位置，或者清空这个设置。`,
      };
    return launch(path, '设置 baihua.server.path', lookup, fromSetting);
  }
  const executables = lookup.platform === 'win32' ? ['baihua.cmd', 'baihua.exe'] : ['baihua'];
  for (const folder of lookup.workspaceFolders) {
    for (let directory = resolve(folder); ; directory = dirname(directory)) {
      const modules = join(directory, 'node_modules');
      const script = join(modules, '@baihua', 'cli', 'dist', 'baihua.mjs');
      if (isFile(script)) return launch(script, `工作区的 ${modules}`, lookup, fromSetting);
      for (const name of executables) {
        const bin = join(modules, '.bin', name);
        if (isExecutable(bin, lookup.platform)) return launch(bin, `工作区的 ${modules}`, lookup, fromSetting);
      }
      if (dirname(directory) === directory) break;
    }
  }
  const delimiter = lookup.platform === 'win32' ? ';' : ':';
  for (const directory of (lookup.searchPath ?? '').split(delimiter).filter(Boolean)) {
    for (const name of executables) {
      const bin = join(directory, name);
      if (isExecutable(bin, lookup.platform)) return launch(bin, 'PATH', lookup, fromSetting);
    }
  }
  return { problem: NOT_FOUND };
}

function launch(
  path: string,
  foundIn: string,
  lookup: ServerLookup,
  fromSetting: (path: string) => string,
): ServerResolution {
  // npm links `.bin/baihua` and a global `baihua` to the script itself: run that with our Node.js
  // rather than trusting a `node` on PATH, which an editor started from the desktop may not have.
  const target = realpathSync(path);
  const origin = `${foundIn}：${target}`;
  if (!SCRIPT.test(target)) {
    const shell = lookup.platform === 'win32' && /\.(?:cmd|bat)$/i.test(target);
    return { server: { command: target, args: SERVER_ARGS, env: {}, shell, origin } };
  }
  const args = [target, ...SERVER_ARGS];
  const node = lookup.nodePath?.trim();
  if (!node) {
    return { server: { command: lookup.bundledNode, args, env: { ELECTRON_RUN_AS_NODE: '1' }, shell: false, origin } };
  }
  const nodePath = fromSetting(node);
  if (!isFile(nodePath))
    return {
      problem: `设置「baihua.server.node」指向的 ${nodePath} 不存在：请改成 Node.js（20.11 或更新）的位置，或者清空这个设置，使用 VS Code 自带的 Node.js。`,
    };
  return { server: { command: nodePath, args, env: {}, shell: false, origin } };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isExecutable(path: string, platform: NodeJS.Platform): boolean {
  if (!isFile(path)) return false;
  if (platform === 'win32') return true;
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
