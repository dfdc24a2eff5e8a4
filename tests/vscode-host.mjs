// A stand-in for VS Code's extension host, for tests/vscode-extension.test.ts: VS Code itself cannot
// run here, so the bundled extension (packages/vscode/dist/extension.js) is loaded with a `vscode`
// module that gives what the extension and vscode-languageclient ask of it (settings, the open
// guide, the editor's events, a webview that records what it is given) and an inert stand-in for
// everything else. The extension then starts the real server as it would in VS Code.
//
// node tests/vscode-host.mjs <extension.js> <workspace folder> <guide> [<edited guide text file>]
// prints {errors, log, html, posted} as JSON once the preview is shown (and redrawn after the edit).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Module, { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const [extensionPath, root, guidePath, editedPath] = process.argv.slice(2);

/** Anything VS Code has that the test does not need: callable, constructible (a class to extend), iterable, empty. */
const inert = () =>
  new Proxy(class {}, {
    get: (target, key) => {
      if (key === 'prototype') return target.prototype;
      if (key === 'then') return undefined;
      if (key === Symbol.iterator) return function* () {};
      if (key === Symbol.toPrimitive) return () => 0;
      return inert();
    },
    apply: () => inert(),
    construct: () => inert(),
  });
/** A namespace of the stand-in: the given members, the rest inert. */
const namespace = (members) =>
  new Proxy(members, { get: (target, key) => (key in target ? target[key] : key === 'then' ? undefined : inert()) });
const disposable = { dispose() {} };

const settings = JSON.parse(process.env.BAIHUA_TEST_SETTINGS ?? '{}');
const uriOf = (path) => ({ scheme: 'file', fsPath: path, path, toString: () => pathToFileURL(path).href });
const text = readFileSync(guidePath, 'utf8');
const document = { uri: uriOf(guidePath), languageId: 'markdown', version: 1, getText: () => text, isClosed: false };
const changeListeners = [];
const output = { errors: [], log: [], html: undefined, posted: [] };
const record = (level) => (message) => output.log.push(`${level}: ${message}`);
let onPosted = () => {};

const vscode = {
  workspace: namespace({
    // The settings of the extension, from BAIHUA_TEST_SETTINGS (JSON); the others at their defaults.
    getConfiguration: (section) => ({
      get: (key, fallback) => settings[`${section}.${key}`] ?? fallback,
      has: () => false,
      inspect: () => undefined,
    }),
    workspaceFolders: [{ uri: uriOf(root), name: 'guides', index: 0 }],
    textDocuments: [document],
    // Enough of a search for the configuration files at the workspace's top.
    findFiles: async () =>
      ['baihua.config.yaml', 'baihua.config.yml']
        .filter((name) => existsSync(join(root, name)))
        .map((name) => uriOf(join(root, name))),
    onDidChangeTextDocument: (listener, thisArgument) => {
      changeListeners.push(listener.bind(thisArgument));
      return disposable;
    },
  }),
  languages: namespace({ match: () => 10 }),
  window: namespace({
    activeTextEditor: { document },
    createOutputChannel: () =>
      namespace({ info: record('info'), error: record('error'), warn: record('warn'), append() {}, appendLine() {} }),
    // As in VS Code, the promise settles only when the clerk closes the message: never, here.
    showErrorMessage: (message) => {
      output.errors.push(message);
      return new Promise(() => {});
    },
    createWebviewPanel: () => {
      const webview = {
        cspSource: 'vscode-webview:',
        postMessage: async (message) => {
          output.posted.push(message);
          onPosted();
          return true;
        },
        onDidReceiveMessage: () => disposable,
      };
      Object.defineProperty(webview, 'html', {
        set: (html) => {
          output.html = html;
        },
      });
      return {
        webview,
        title: '',
        reveal() {},
        dispose() {},
        onDidDispose: () => disposable,
        onDidChangeViewState: () => disposable,
      };
    },
  }),
  commands: namespace({
    registered: new Map(),
    registerCommand(id, run) {
      this.registered.set(id, run);
      return disposable;
    },
    executeCommand: async () => undefined,
  }),
  version: '1.91.0',
};
// The members vscode-languageclient reads when it loads (classes it extends, enums it maps); read
// through esbuild's interop, they must be own properties.
const MEMBERS =
  `CallHierarchyItem CancellationError CancellationTokenSource CodeAction CodeActionKind CodeActionTriggerKind
  CodeLens Color ColorInformation ColorPresentation Command CompletionItem CompletionItemKind CompletionItemTag
  CompletionList CompletionTriggerKind ConfigurationTarget Diagnostic DiagnosticRelatedInformation DiagnosticSeverity
  DiagnosticTag Disposable DocumentHighlight DocumentHighlightKind DocumentLink DocumentSymbol EndOfLine EventEmitter
  FileChangeType FileType FoldingRange FoldingRangeKind Hover InlayHint InlayHintKind InlineCompletionItem
  InlineCompletionList InlineValueEvaluatableExpression InlineValueText InlineValueVariableLookup LanguageStatusSeverity
  LinkedEditingRanges Location LogLevel MarkdownString NotebookCellData NotebookCellKind NotebookData NotebookRange
  ParameterInformation Position ProgressLocation Range RelativePattern Selection SelectionRange SemanticTokens
  SemanticTokensBuilder SemanticTokensLegend SignatureHelp SignatureHelpTriggerKind SignatureInformation
  SnippetString SnippetTextEdit StatusBarAlignment SymbolInformation SymbolKind SymbolTag TextDocumentChangeReason
  TextDocumentSaveReason TextEdit ThemeColor ThemeIcon TypeHierarchyItem UIKind Uri ViewColumn WorkspaceEdit
  authentication debug env extensions l10n notebooks scm tasks tests`.split(/\s+/);
for (const name of MEMBERS) vscode[name] = inert();

const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? vscode : load.call(this, request, ...rest);
};

const extension = createRequire(import.meta.url)(extensionPath);
await extension.activate({ subscriptions: [], asAbsolutePath: (path) => path });
await vscode.commands.registered.get('baihua.preview')();
if (editedPath) {
  const edited = readFileSync(editedPath, 'utf8');
  const redrawn = new Promise((resolve) => {
    onPosted = resolve;
  });
  const end = { line: text.split('\n').length, character: 0 };
  // VS Code changes the document object itself.
  Object.assign(document, { version: 2, getText: () => edited });
  const range = { start: { line: 0, character: 0 }, end };
  const contentChanges = [{ range, rangeOffset: 0, rangeLength: text.length, text: edited }];
  for (const listener of changeListeners) listener({ document, contentChanges, reason: undefined });
  await redrawn;
}
await extension.deactivate();
process.stdout.write(JSON.stringify(output));
