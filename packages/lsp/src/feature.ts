/**
 * What a feature of the language server (completion, outline, code actions …) is given and gives:
 * apart from server.ts, so that the features' modules and the server do not import each other.
 */
import type { LiveLint, LiveLinted } from '@baihua/lint';
import type { ClientCapabilities, Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** An open guide as last linted: the text of `version`, parsed and checked. */
export interface LintedDocument extends LiveLinted {
  uri: string;
  version: number;
}

/** What the features of the server share. */
export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  live: LiveLint;
  /** the workspace folder (messages name other files relative to it) */
  cwd: string;
  /** what the client said it can do, at initialization */
  clientCapabilities: ClientCapabilities;
  /** the open guide linted at its current version (linted now if the last lint is older); undefined for other files */
  linted(uri: string): Promise<LintedDocument | undefined>;
}

/** A capability of the server beyond diagnostics: what it announces, and its handlers. */
export interface Feature {
  capabilities: ServerCapabilities;
  register(context: ServerContext): void;
  /** called after the diagnostics of a guide's lint are published */
  published?(document: LintedDocument, context: ServerContext): void;
}
