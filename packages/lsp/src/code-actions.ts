/**
 * Code actions: each finding's fix and suggestions as quick fixes, every safe fix of the file at
 * once (as `baihua lint --fix` writes it), the rule disabled for a line, and for plain/jargon the
 * term listed in the configuration file as one that needs no explanation. All are edits, so every
 * client can apply them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { displayPath } from '@baihua/core';
import { lintBytes, type Diagnostic as Finding, type Fix, type LiveLinted } from '@baihua/lint';
import {
  type ClientCapabilities,
  type CodeAction,
  CodeActionKind,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { toDiagnostic } from './diagnostics.js';
import { disableRuleEdit } from './disable-directive.js';
import { ignoreTermEdit, JARGON_RULE } from './jargon-ignore.js';
import { GuidePositions, replacementBetween } from './positions.js';

/** An open guide as last linted (`LintedDocument` of server.ts). */
type LintedDocument = LiveLinted & { uri: string; version: number };

/**
 * What the code actions read of the server: part of `ServerContext` (server.ts), written out here
 * because server.ts lists this feature, and the packages have no import cycle, not even of types.
 */
export interface ActionsContext {
  connection: Pick<Connection, 'onCodeAction'>;
  documents: { get(uri: string): { getText(): string; version: number } | undefined };
  cwd: string;
  clientCapabilities: ClientCapabilities;
  linted(uri: string): Promise<LintedDocument | undefined>;
}

/** The kind of 「修复本文件所有可安全修复的问题」, for clients that fix all on save. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.baihua`;

export const FIX_ALL_TITLE = '修复本文件所有可安全修复的问题';

const SHOWN_CHARACTERS = 20;

/** Text for a title: on one line, and long text cut. */
function shown(text: string): string {
  const line = text.replace(/\s*[\r\n]+\s*/g, ' ');
  return line.length > SHOWN_CHARACTERS ? `${line.slice(0, SHOWN_CHARACTERS)}…` : line;
}

/** 「改为「受理」」 or 「删去「予以」」: what a fix does, in the words of the guide (as suggestions say it). */
export function fixTitle(text: string, fix: Fix): string {
  return fix.text === '' ? `删去「${shown(text.slice(fix.range[0], fix.range[1]))}」` : `改为「${shown(fix.text)}」`;
}

/** Whether an action of `kind` is among those asked for (`only` names kinds and their parents). */
function wanted(kind: string, only: string[] | undefined): boolean {
  return !only || only.some((asked) => kind === asked || kind.startsWith(`${asked}.`));
}

function editsOf(positions: GuidePositions, fixes: Fix[]): TextEdit[] {
  return fixes.map((fix) => ({ range: positions.range(fix.range), newText: fix.text }));
}

/** The text `baihua lint --fix` would write, of each version of a guide as linted. */
const fixedTexts = new WeakMap<LintedDocument, string | undefined>();

class Actions {
  readonly #context: ActionsContext;
  readonly #linted: LintedDocument;
  readonly #positions: GuidePositions;

  constructor(context: ActionsContext, linted: LintedDocument) {
    this.#context = context;
    this.#linted = linted;
    const { file } = linted.guide;
    this.#positions = new GuidePositions(file.withBom(file.text));
  }

  /** Edits of one document, versioned when the client can check the version. */
  workspaceEdit(uri: string, version: number | null, edits: TextEdit[]): WorkspaceEdit {
    return this.#context.clientCapabilities.workspace?.workspaceEdit?.documentChanges
      ? { documentChanges: [{ textDocument: { uri, version }, edits }] }
      : { changes: { [uri]: edits } };
  }

  guideEdit(fixes: Fix[]): WorkspaceEdit {
    return this.workspaceEdit(this.#linted.uri, this.#linted.version, editsOf(this.#positions, fixes));
  }

  /** The finding's fix (preferred) and suggestions. */
  fixes(finding: Finding, diagnostic: Diagnostic): CodeAction[] {
    const text = this.#linted.guide.file.text;
    const actions: CodeAction[] = [];
    if (finding.fix) {
      actions.push({
        title: fixTitle(text, finding.fix),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: this.guideEdit([finding.fix]),
      });
    }
    for (const suggestion of finding.suggestions ?? []) {
      actions.push({
        title: suggestion.desc,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: this.guideEdit([suggestion.fix]),
      });
    }
    return actions;
  }

  disable(finding: Finding, diagnostic: Diagnostic): CodeAction | undefined {
    const disabling = disableRuleEdit(this.#linted.guide, finding);
    if (!disabling) return undefined;
    return {
      title: disabling.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: this.guideEdit(disabling.fixes),
    };
  }

  /** plain/jargon: the term listed as needing no explanation in the guide's nearest configuration file. */
  ignoreTerm(finding: Finding, diagnostic: Diagnostic): CodeAction | undefined {
    const { config, guide } = this.#linted;
    const configPath = config.layers.at(-1)?.path;
    const setting = config.rules.get(JARGON_RULE);
    if (!configPath || !setting || !/[/\\]/.test(configPath)) return undefined;
    const term = guide.file.text.slice(finding.range[0], finding.range[1]);
    // Not a term as written where the finding spans an escape or a folded line.
    if (!/^\S+$/.test(term)) return undefined;
    const uri = pathToFileURL(configPath).href;
    const open = this.#context.documents.get(uri);
    let text: string;
    try {
      text = open?.getText() ?? readFileSync(configPath, 'utf8');
    } catch {
      return undefined;
    }
    const edit = ignoreTermEdit(text, term, setting);
    if (!edit) return undefined;
    const positions = new GuidePositions(text);
    return {
      title: `在 ${displayPath(configPath, this.#context.cwd)} 里把「${term}」列为不用解释的术语`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: this.workspaceEdit(uri, open?.version ?? null, [
        { range: positions.documentRange(edit.range[0], edit.range[1]), newText: edit.text },
      ]),
    };
  }

  /** Every safe fix of the file, as `baihua lint --fix` would write them: one edit. */
  fixAll(kind: string): CodeAction | undefined {
    const { config, uri, result } = this.#linted;
    if (!result.messages.some((finding) => finding.fix)) return undefined;
    const before = this.#positions.documentText;
    // Editors ask for the actions at every move of the cursor: the fixed text is worked out once per version.
    if (!fixedTexts.has(this.#linted)) {
      const { output } = lintBytes(fileURLToPath(uri), Buffer.from(before, 'utf8'), { config, fix: true });
      fixedTexts.set(this.#linted, output);
    }
    const output = fixedTexts.get(this.#linted);
    if (output === undefined || output === before) return undefined;
    const change = replacementBetween(before, output);
    return {
      title: FIX_ALL_TITLE,
      kind,
      ...(kind === CodeActionKind.QuickFix && {
        diagnostics: result.messages
          .filter((finding) => finding.fix)
          .map((finding) => toDiagnostic(finding, this.#positions.keptBom)),
      }),
      edit: this.workspaceEdit(uri, this.#linted.version, [
        { range: this.#positions.documentRange(change.start, change.end), newText: change.text },
      ]),
    };
  }

  /** The actions for the findings that touch the range asked about. */
  at(params: CodeActionParams): CodeAction[] {
    const only = params.context.only;
    const start = this.#positions.offset(params.range.start);
    const end = this.#positions.offset(params.range.end);
    const here = this.#linted.result.messages.filter((finding) => finding.range[0] <= end && start <= finding.range[1]);
    const actions: CodeAction[] = [];
    if (wanted(CodeActionKind.QuickFix, only)) {
      const disabled = new Set<string>();
      for (const finding of here) {
        const diagnostic = toDiagnostic(finding, this.#positions.keptBom);
        actions.push(...this.fixes(finding, diagnostic));
        if (finding.ruleId === JARGON_RULE) {
          const ignore = this.ignoreTerm(finding, diagnostic);
          if (ignore) actions.push(ignore);
        }
        const key = `${finding.ruleId} ${finding.line}`;
        if (disabled.has(key)) continue;
        disabled.add(key);
        const disable = this.disable(finding, diagnostic);
        if (disable) actions.push(disable);
      }
      if (here.some((finding) => finding.fix)) {
        const all = this.fixAll(CodeActionKind.QuickFix);
        if (all) actions.push(all);
      }
    }
    // A source action only when asked for by kind (fix on save, the source menu): the light bulb
    // already has the quick-fix copy of it, and a client that lists everything would show it twice.
    if (only && wanted(FIX_ALL_KIND, only)) {
      const all = this.fixAll(FIX_ALL_KIND);
      if (all) actions.push(all);
    }
    return actions;
  }
}

export const codeActions = {
  capabilities: { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] } },
  register(context: ActionsContext): void {
    context.connection.onCodeAction(async (params) => {
      const linted = await context.linted(params.textDocument.uri);
      return linted ? new Actions(context, linted).at(params) : [];
    });
  },
};
