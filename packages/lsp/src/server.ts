/**
 * The language server: `baihua lsp --stdio`. Guides are linted as they are typed, by the same
 * code as `baihua lint` (`LiveLint`), and the findings published as diagnostics.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONFIG_FILE_NAMES, ConfigError, configFromText } from '@baihua/core';
import { LiveLint } from '@baihua/lint';
import {
  type ClientCapabilities,
  type Connection,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type InitializeParams,
  type InitializeResult,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions } from './code-actions.js';
import { completionFeature } from './completion.js';
import type { Feature, LintedDocument, ServerContext } from './feature.js';
import { hover } from './hover.js';
import { Baselines } from './baseline.js';
import {
  baselinedDiagnostic,
  baselineProblemDiagnostic,
  configDiagnostic,
  internalDiagnostic,
  toDiagnostic,
  unconfiguredDiagnostic,
} from './diagnostics.js';
import { foldingFeature } from './folding.js';
import { previewFeature } from './preview.js';
import { readabilityFeature } from './readability.js';
import { symbolsFeature } from './symbols.js';
import { stdioConnection } from './stdio.js';
import { filePathOf } from './uri.js';

/** How long typing must pause before a guide is linted again (override: initializationOptions.debounceMs). */
export const DEFAULT_DEBOUNCE_MS = 150;

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export type { Feature, LintedDocument, ServerContext } from './feature.js';

export interface InitializationOptions {
  debounceMs?: number;
}

/** Every feature the server offers, each in its own module. */
const FEATURES: Feature[] = [
  codeActions,
  hover,
  completionFeature,
  symbolsFeature,
  foldingFeature,
  readabilityFeature,
  previewFeature,
];

const isConfigFile = (filePath: string) => CONFIG_FILE_NAMES.includes(basename(filePath));

const isGuidePath = (filePath: string) => /\.(md|markdown|ya?ml)$/i.test(filePath);

function workspaceRoot(params: InitializeParams): string {
  const uri = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
  return (uri && filePathOf(uri)) ?? process.cwd();
}

/** Serves one client over `connection` until it goes. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let live = new LiveLint({ cwd: process.cwd() });
  let cwd = process.cwd();
  let debounceMs = DEFAULT_DEBOUNCE_MS;
  let clientCapabilities: ClientCapabilities = {};
  const timers = new Map<string, NodeJS.Timeout>();
  const lastLinted = new Map<string, LintedDocument>();
  /** configuration files found broken, with the guides that reported them */
  const brokenConfigs = new Map<string, ConfigError>();
  const baselines = new Baselines();

  const context: ServerContext = {
    connection,
    documents,
    get live() {
      return live;
    },
    get cwd() {
      return cwd;
    },
    get clientCapabilities() {
      return clientCapabilities;
    },
    async linted(uri) {
      const document = documents.get(uri);
      if (!document) return undefined;
      const last = lastLinted.get(uri);
      if (last?.version === document.version) return last;
      return (await lintDocument(document)).linted;
    },
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    cwd = workspaceRoot(params);
    clientCapabilities = params.capabilities;
    const cache = join(cwd, '.baihuacache');
    live = new LiveLint({ cwd, ...(existsSync(cache) && { cacheLocation: cache }) });
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    if (typeof options.debounceMs === 'number' && options.debounceMs >= 0) debounceMs = options.debounceMs;
    watchFilesWhenAsked = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        ...Object.assign({}, ...FEATURES.map((feature) => feature.capabilities)),
      },
      serverInfo: { name: 'baihua', version },
    };
  });

  let watchFilesWhenAsked = false;
  connection.onInitialized(() => {
    if (!watchFilesWhenAsked) return;
    // A client that refuses still gets saved configuration files through didSave.
    connection.client
      .register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{md,markdown,yaml,yml,json}' }],
      })
      .catch((error: unknown) => connection.console.warn(`baihua: the client does not watch files: ${error}`));
  });

  /** Lints a document's current text and publishes the result, unless a newer text came meanwhile. */
  async function lintDocument(document: TextDocument): Promise<{ linted?: LintedDocument }> {
    const { uri, version: documentVersion } = document;
    const filePath = filePathOf(uri);
    if (!filePath) return {};
    const text = document.getText();
    try {
      if (isConfigFile(filePath) || live.isPreset(filePath)) {
        publishConfigDiagnostics(filePath, { text, version: documentVersion });
        return {};
      }
      if (!isGuidePath(filePath) || !live.isGuide(filePath)) {
        void connection.sendDiagnostics({ uri, diagnostics: [] });
        return {};
      }
      const checked = await live.lint(filePath, text);
      const linted: LintedDocument = { ...checked, uri, version: documentVersion };
      // A newer text, or the guide closed and opened again meanwhile (its versions start again at 1).
      const current = documents.get(uri);
      if (current !== document || current.version !== documentVersion) return { linted };
      lastLinted.set(uri, linted);
      if (checked.catalogChanged) relintOthers(uri);
      const keptBom = text.startsWith('\uFEFF');
      const { reported, baselined, problem } = baselines.split(checked.result, checked.config);
      void connection.sendDiagnostics({
        uri,
        version: documentVersion,
        diagnostics: [
          ...(problem ? [baselineProblemDiagnostic(problem, cwd)] : []),
          ...reported.map((finding) => toDiagnostic(finding, keptBom)),
          ...baselined.map((finding) => baselinedDiagnostic(finding, keptBom)),
        ],
      });
      for (const feature of FEATURES) feature.published?.(linted, context);
      return { linted };
    } catch (error) {
      if (error instanceof ConfigError) {
        brokenConfigs.set(error.path, error);
        void connection.sendDiagnostics({ uri, diagnostics: [unconfiguredDiagnostic(error, cwd)] });
        const configDocument = documents.get(pathToFileURL(error.path).href);
        publishConfigDiagnostics(
          error.path,
          configDocument && { text: configDocument.getText(), version: configDocument.version },
        );
        return {};
      }
      connection.console.error(`baihua: ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
      void connection.sendDiagnostics({ uri, diagnostics: [internalDiagnostic(error)] });
      return {};
    }
  }

  /**
   * A configuration file's problem: in its unsaved text when it is open, else the one met when
   * reading it from disk for a guide (a preset that is missing, a broken `catalog` entry …).
   */
  function publishConfigDiagnostics(filePath: string, open: { text: string; version: number } | undefined): void {
    let problem: ConfigError | undefined;
    if (open) {
      try {
        configFromText(filePath, open.text);
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        problem = error;
      }
    }
    problem ??= brokenConfigs.get(filePath);
    const diagnostics = problem ? [configDiagnostic(problem)] : [];
    void connection.sendDiagnostics({
      uri: pathToFileURL(filePath).href,
      ...(open && { version: open.version }),
      diagnostics,
    });
  }

  function schedule(document: TextDocument, delay: number): void {
    clearTimeout(timers.get(document.uri));
    timers.set(
      document.uri,
      setTimeout(() => {
        timers.delete(document.uri);
        const current = documents.get(document.uri);
        if (current) void lintDocument(current);
      }, delay),
    );
  }

  /** The other open guides, whose catalog findings may have changed with this one. */
  function relintOthers(uri: string): void {
    for (const document of documents.all()) {
      if (document.uri !== uri && lastLinted.has(document.uri)) schedule(document, debounceMs);
    }
  }

  function relintAll(): void {
    for (const document of documents.all()) schedule(document, 0);
  }

  /** Configuration files changed: forget every configuration, clear old config problems, lint again. */
  function configurationChanged(): void {
    live.configChanged();
    baselines.clear();
    for (const path of brokenConfigs.keys()) {
      const uri = pathToFileURL(path).href;
      if (!documents.get(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    brokenConfigs.clear();
    relintAll();
  }

  /** Whether a changed file is a configuration file, or a preset one of them extends. */
  function affectsConfiguration(filePath: string): boolean {
    if (isConfigFile(filePath) || brokenConfigs.has(filePath)) return true;
    return [...lastLinted.values()].some(({ config }) => config.layers.some((layer) => layer.path === filePath));
  }

  const openedVersions = new Map<string, number>();
  documents.onDidOpen(({ document }) => {
    openedVersions.set(document.uri, document.version);
    schedule(document, 0);
  });
  documents.onDidChangeContent(({ document }) => {
    // Opening fires this too: the first lint is not delayed by the debounce.
    if (openedVersions.get(document.uri) === document.version) return;
    schedule(document, debounceMs);
  });
  documents.onDidSave(({ document }) => {
    const filePath = filePathOf(document.uri);
    if (filePath && affectsConfiguration(filePath)) configurationChanged();
    else if (filePath && baselines.changed(filePath)) relintAll();
  });
  documents.onDidClose(({ document }) => {
    clearTimeout(timers.get(document.uri));
    timers.delete(document.uri);
    lastLinted.delete(document.uri);
    openedVersions.delete(document.uri);
    const filePath = filePathOf(document.uri);
    if (filePath) live.closed(filePath);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    let configuration = false;
    let catalog = false;
    for (const change of changes) {
      const filePath = filePathOf(change.uri);
      if (!filePath) continue;
      if (affectsConfiguration(filePath)) configuration = true;
      // A baseline file read before: every open guide is shown again.
      else if (baselines.changed(filePath)) catalog = true;
      else if (isGuidePath(filePath)) {
        live.fileChanged(filePath, change.type !== FileChangeType.Changed);
        catalog = true;
      }
    }
    if (configuration) configurationChanged();
    else if (catalog) relintAll();
  });

  for (const feature of FEATURES) feature.register(context);
  documents.listen(connection);
  connection.listen();
}

/** `baihua lsp --stdio`: the server on standard input and output. */
export function runStdioServer(): void {
  startServer(stdioConnection());
}
