/**
 * A language client for the tests: `baihua lsp --stdio` (the built CLI) spoken to over its standard
 * input and output with vscode-languageserver-protocol, as an editor would.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  type Diagnostic,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  type InitializeResult,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  type PublishDiagnosticsParams,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export const CLI = join(import.meta.dirname, '..', 'packages/cli/dist/baihua.mjs');

export const uriOf = (path: string) => pathToFileURL(path).href;

/** A finding as `baihua lint --format json` gives it and as a diagnostic reads back: what the two must agree on. */
export interface Finding {
  ruleId: string | number | undefined;
  message: Diagnostic['message'];
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** The fields of `lint --format json` messages that a diagnostic carries. */
export const lintFindings = (messages: Finding[]): Finding[] =>
  messages.map(({ ruleId, message, line, column, endLine, endColumn }) => ({
    ruleId,
    message,
    line,
    column,
    endLine,
    endColumn,
  }));

/** Diagnostics read back as findings: 1-based lines and columns. */
export const asFindings = (diagnostics: Diagnostic[]): Finding[] =>
  diagnostics.map(({ code, message, range }) => ({
    ruleId: code,
    message,
    line: range.start.line + 1,
    column: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  }));

export interface StartOptions {
  /** the workspace folder */
  root: string;
  initializationOptions?: Record<string, unknown>;
  /** client capabilities beyond the defaults (dynamic registration of file watchers is announced) */
  capabilities?: Record<string, unknown>;
}

export class TestClient {
  readonly process: ChildProcessWithoutNullStreams;
  readonly connection: ProtocolConnection;
  /** every diagnostics notification received, in order */
  readonly published: PublishDiagnosticsParams[] = [];
  /** what the server wrote on stderr */
  stderr = '';
  readonly #versions = new Map<string, number>();
  readonly #waiters: Array<() => void> = [];
  readonly exited: Promise<number | null>;

  constructor(root: string) {
    this.process = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { cwd: root, stdio: 'pipe' });
    this.process.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr += chunk;
    });
    this.exited = new Promise((resolve) => this.process.on('exit', (code) => resolve(code)));
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.process.stdout),
      new StreamMessageWriter(this.process.stdin),
    );
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      for (const wake of this.#waiters.splice(0)) wake();
    });
    this.connection.onRequest(RegistrationRequest.method, () => null);
    this.connection.listen();
  }

  static async start(options: StartOptions): Promise<{ client: TestClient; initialized: InitializeResult }> {
    const client = new TestClient(options.root);
    const initialized = await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uriOf(options.root),
      workspaceFolders: [{ uri: uriOf(options.root), name: 'guides' }],
      capabilities: {
        workspace: { didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { versionSupport: true } },
        ...options.capabilities,
      },
      initializationOptions: options.initializationOptions ?? {},
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    return { client, initialized };
  }

  /** Opens a file with its text on disk (or `text`), as an editor does. */
  async open(path: string, text = readFileSync(path, 'utf8')): Promise<string> {
    const uri = uriOf(path);
    this.#versions.set(uri, 1);
    const languageId = /\.ya?ml$/.test(path) ? 'yaml' : 'markdown';
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
    return uri;
  }

  /** Sends an edit (whole text, or ranged changes) and returns the document's new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.#versions.get(uri) ?? 1) + 1;
    this.#versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: changes,
    });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** The next diagnostics for `uri` (after `after` notifications) that satisfy `accept`. */
  async diagnostics(
    uri: string,
    accept: (params: PublishDiagnosticsParams) => boolean = () => true,
    after = 0,
  ): Promise<Diagnostic[]> {
    for (;;) {
      const found = this.published.slice(after).find((params) => params.uri === uri && accept(params));
      if (found) return found.diagnostics;
      await new Promise<void>((resolve, reject) => {
        this.#waiters.push(resolve);
        this.exited.then((code) => reject(new Error(`the server exited (${code}): ${this.stderr}`)));
      });
    }
  }

  /** Diagnostics for `uri` at document version `version`. */
  diagnosticsAt(uri: string, version: number): Promise<Diagnostic[]> {
    return this.diagnostics(uri, (params) => params.version === version);
  }

  async stop(): Promise<number | null> {
    if (this.process.exitCode === null) {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    }
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }
}
