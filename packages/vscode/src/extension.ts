import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/node';
import { isGuideDocument, PreviewPanel } from './preview-panel.js';
import { resolveServer } from './server-command.js';

/**
 * A thin client: it finds `baihua`, starts `baihua lsp --stdio`, and shows the server's preview.
 * Everything Baihua knows (rules, fixes, hover, completion, the pages) comes from the server.
 */
let client: LanguageClient | undefined;
/** why there is no client, in words for the clerk */
let problem = '白话语言服务还没有启动。';
let output: vscode.LogOutputChannel;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('白话', { log: true });
  const preview = new PreviewPanel(() => client ?? problem);
  context.subscriptions.push(
    output,
    preview,
    vscode.commands.registerCommand('baihua.preview', async () => {
      const document = vscode.window.activeTextEditor?.document;
      if (!document || !isGuideDocument(document)) {
        void vscode.window.showInformationMessage('请先打开一份办事指南（.md 或 .yaml 文件），再运行「白话：预览」。');
        return;
      }
      await preview.open(document);
    }),
    vscode.commands.registerCommand('baihua.restartServer', async () => {
      await restart();
      preview.refreshNow();
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration('baihua.server')) {
        await restart();
        preview.refreshNow();
      }
    }),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await stop();
}

async function start(): Promise<void> {
  const settings = vscode.workspace.getConfiguration('baihua');
  const resolution = resolveServer({
    serverPath: settings.get<string>('server.path'),
    nodePath: settings.get<string>('server.node'),
    workspaceFolders: (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.fsPath),
    searchPath: process.env.PATH,
    platform: process.platform,
    bundledNode: process.execPath,
  });
  if ('problem' in resolution) {
    problem = resolution.problem;
    output.error(problem);
    // Any Markdown file activates the extension: only a workspace of guides is told to install Baihua
    // (the preview panel says it to anyone who asks).
    const guides = await vscode.workspace.findFiles('**/baihua.config.{yaml,yml}', '**/node_modules/**', 1);
    if (!guides.length) return;
    // Not awaited: activation must not wait for the clerk to close the message.
    void vscode.window.showErrorMessage(problem, '打开设置').then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'baihua.server');
    });
    return;
  }
  const { server } = resolution;
  output.info(`启动白话语言服务（${server.origin}）：${server.command} ${server.args.join(' ')}`);
  const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const executable = {
    command: server.command,
    args: server.args,
    options: { env: { ...process.env, ...server.env }, shell: server.shell, ...(cwd && { cwd }) },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', language: 'yaml' },
    ],
    // No file watchers of the client's own: the server registers one for guides, configuration
    // files and presets (**/*.{md,markdown,yaml,yml,json}) when it starts, and the client turns it
    // into a VS Code watcher; a second one here would report every change twice.
    outputChannel: output,
  };
  const started = new LanguageClient('baihua', '白话', { run: executable, debug: executable }, clientOptions);
  client = started;
  try {
    await started.start();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    problem = `白话语言服务没能启动（${reason}）：请检查设置「baihua.server.path」，详情在「输出」面板的「白话」频道里。`;
    output.error(problem);
    client = undefined;
    await started.dispose().catch(() => undefined);
    void vscode.window.showErrorMessage(problem);
  }
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  problem = '白话语言服务正在重启。';
  if (running) await running.dispose();
}

async function restart(): Promise<void> {
  await stop();
  await start();
}
