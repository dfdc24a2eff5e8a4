import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { type GuidePreview, type PreviewContent, previewDocument } from './preview-html.js';

/** The custom request of @baihua/lsp (packages/lsp/src/preview.ts). */
const PREVIEW_REQUEST = 'baihua/preview';

export const isGuideDocument = (document: vscode.TextDocument) =>
  document.uri.scheme === 'file' && (document.languageId === 'markdown' || document.languageId === 'yaml');

/**
 * The side panel of 「白话：预览」: the guide of the editor in front, as the server renders it from
 * the unsaved text, refreshed a moment after typing stops and when another guide comes to the front.
 */
export class PreviewPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** the newest request: an older answer that arrives late is dropped */
  private asked = 0;
  private readonly listeners: vscode.Disposable[];

  /** `server` gives the running client, or why there is none. */
  constructor(private readonly server: () => LanguageClient | string) {
    this.listeners = [
      vscode.workspace.onDidChangeTextDocument(({ document }) => {
        if (this.panel && document === this.document) this.refreshSoon();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && editor && isGuideDocument(editor.document) && editor.document !== this.document)
          void this.show(editor.document);
      }),
    ];
  }

  async open(document: vscode.TextDocument): Promise<void> {
    if (this.panel) this.panel.reveal(undefined, true);
    else {
      const panel = vscode.window.createWebviewPanel(
        'baihua.preview',
        '白话：预览',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, localResourceRoots: [], enableFindWidget: true },
      );
      this.panel = panel;
      panel.onDidDispose(() => {
        clearTimeout(this.timer);
        this.panel = undefined;
        this.document = undefined;
      });
      // A hidden panel misses the updates; it catches up when it shows again.
      panel.onDidChangeViewState(({ webviewPanel }) => {
        if (webviewPanel.visible) void this.refresh(false);
      });
    }
    await this.show(document);
  }

  /** After the configuration or the server changed. */
  refreshNow(): void {
    if (this.panel) void this.refresh(false);
  }

  private async show(document: vscode.TextDocument): Promise<void> {
    this.document = document;
    if (this.panel) this.panel.title = `预览：${basename(document.uri.fsPath)}`;
    await this.refresh(true);
  }

  private refreshSoon(): void {
    clearTimeout(this.timer);
    const delay = vscode.workspace.getConfiguration('baihua').get<number>('preview.delay', 300);
    this.timer = setTimeout(() => void this.refresh(false), delay);
  }

  /** A new document gets a new page; the same document's new text is posted, keeping the tab and the scroll. */
  private async refresh(newDocument: boolean): Promise<void> {
    const { panel, document } = this;
    if (!panel || !document) return;
    const asked = ++this.asked;
    const content = await this.content(document);
    if (asked !== this.asked || panel !== this.panel) return;
    if (newDocument) panel.webview.html = previewDocument(content, randomBytes(16).toString('base64'));
    else void panel.webview.postMessage(content);
  }

  private async content(document: vscode.TextDocument): Promise<PreviewContent> {
    const client = this.server();
    if (typeof client === 'string') return { message: client };
    try {
      const preview = await client.sendRequest<GuidePreview>(PREVIEW_REQUEST, { uri: document.uri.toString() });
      return { preview };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { message: `白话语言服务没能生成预览：${reason}。可以在「输出」面板的「白话」频道里查看详情。` };
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const listener of this.listeners) listener.dispose();
  }
}
