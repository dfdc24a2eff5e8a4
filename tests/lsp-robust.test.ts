/**
 * The language server against what an editor really sends it: guides half typed, malformed or
 * huge, edits faster than it can lint, methods it does not know, bytes that are not the protocol,
 * and a client that goes away. It must answer what it can, stay alive where the stream allows,
 * and otherwise leave cleanly.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  ErrorCodes,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  ResponseError,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { afterEach, describe, expect, it } from 'vitest';
import { guidesDir, runCli, scratch } from './helpers.js';
import { asFindings, type Finding, lintFindings, TestClient, uriOf } from './lsp-client.js';

const clients: TestClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) if (client.process.exitCode === null) client.process.kill();
});

async function start(root: string, initializationOptions?: Record<string, unknown>) {
  const { client } = await TestClient.start({ root, ...(initializationOptions && { initializationOptions }) });
  clients.push(client);
  return client;
}

const GUIDE = readFileSync(join(guidesDir, '户籍/id-card-renewal.md'), 'utf8');
const [, FRONT_MATTER = '', BODY = ''] = GUIDE.split(/^---$/m);

/** `baihua lint` of `text` as if it were the file at `path` (standard input), as the server's findings read. */
function lintOf(root: string, path: string, text: string): Finding[] {
  const run = runCli(['lint', '--stdin', '--stdin-filename', path, '--format', 'json'], { cwd: root, input: text });
  const [result] = JSON.parse(run.stdout) as Array<{ messages: Finding[] }>;
  return lintFindings(result!.messages);
}

/** The 0-based line and UTF-16 column of an offset, as LSP positions count. */
function positionAt(text: string, offset: number) {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before.at(-1)!.length };
}

/** A guide open in the server: its diagnostics once published, and the same text through `baihua lint`. */
async function openAndLint(client: TestClient, root: string, name: string, text: string) {
  const path = join(root, '户籍', name);
  const uri = await client.open(path, text);
  const diagnostics = await client.diagnosticsAt(uri, 1);
  await client.close(uri);
  return { diagnostics: asFindings(diagnostics), lint: lintOf(root, path, text) };
}

describe('half-typed and malformed guides', () => {
  const cases: Array<[string, string, string]> = [
    [
      'a front matter cut in the middle of a key',
      GUIDE.slice(0, GUIDE.indexOf('department:') + 'depart'.length),
      'syntax/front-matter',
    ],
    ['a key being typed, no colon yet', GUIDE.replace('\ncategory:', '\ndepar\ncategory:'), 'syntax/yaml'],
    ['an unclosed quote', GUIDE.replace('title: 换领居民身份证', 'title: "换领居民身份证'), 'syntax/yaml'],
    ['a tab before a key', GUIDE.replace('\n  - name: ', '\n\t- name: '), 'syntax/yaml'],
    ['no closing ---', `---${FRONT_MATTER}${BODY}`, 'syntax/front-matter'],
    ['binary-ish text', `\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\ufffd${GUIDE}`, 'syntax/encoding'],
    ['an empty document', '', 'syntax/empty'],
  ];

  it.each(cases)(
    '%s: the findings of baihua lint on the same text, and the server lives on',
    async (_name, text, ruleId) => {
      const root = scratch(guidesDir);
      const client = await start(root);
      const { diagnostics, lint } = await openAndLint(client, root, 'draft.md', text);
      expect(diagnostics).toEqual(lint);
      expect(diagnostics.map((finding) => finding.ruleId)).toContain(ruleId);
      // Still serving: the guide as it should be is clean.
      const uri = await client.open(join(root, '户籍/id-card-renewal.md'));
      expect(await client.diagnosticsAt(uri, 1)).toEqual([]);
      expect(await client.stop()).toBe(0);
      expect(client.stderr).toBe('');
    },
  );

  it('a 2 MB guide: the findings of baihua lint on the same file', async () => {
    const root = scratch(guidesDir);
    const client = await start(root);
    let text = GUIDE;
    while (Buffer.byteLength(text) < 2 * 1024 * 1024) text += BODY;
    const path = join(root, '户籍/huge.md');
    const uri = await client.open(path, text);
    const diagnostics = asFindings(await client.diagnosticsAt(uri, 1));
    // On disk, as standard input is read only up to the limit and cannot say how large it was.
    writeFileSync(path, text);
    const run = runCli(['lint', path, '--format', 'json'], { cwd: root });
    const [lint] = JSON.parse(run.stdout) as Array<{ messages: Finding[] }>;
    expect(diagnostics).toEqual(lintFindings(lint!.messages));
    expect(diagnostics.map((finding) => finding.ruleId)).toEqual(['syntax/too-large']);
    expect(await client.stop()).toBe(0);
  });
});

/** An edit as generated: where (a fraction of the text), how much to delete after it, what to type. */
interface RandomEdit {
  at: number;
  remove: number;
  insert: string;
}

/** Characters a clerk types in a guide, YAML's and Markdown's syntax among them. */
const TYPED = [...'受理须予以申请人办，。、：:-#*" \n\t[]{}|>1a'];

function applyRandomEdit(text: string, edit: RandomEdit): { text: string; change: TextDocumentContentChangeEvent } {
  const start = Math.floor(edit.at * text.length);
  const end = Math.min(text.length, start + edit.remove);
  return {
    text: text.slice(0, start) + edit.insert + text.slice(end),
    change: { range: { start: positionAt(text, start), end: positionAt(text, end) }, text: edit.insert },
  };
}

describe('rapid edits', () => {
  it('hundreds of edits sent without waiting: the last diagnostics are those of baihua lint on the final text', async () => {
    const root = scratch(guidesDir);
    const path = join(root, '户籍/id-card-renewal.md');
    const client = await start(root, { debounceMs: 0 });
    const edit = fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
      remove: fc.integer({ min: 0, max: 3 }),
      insert: fc.string({ unit: fc.constantFrom(...TYPED), maxLength: 2 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 100, maxLength: 300 }), async (edits) => {
        // Each run opens the guide again at version 1: only what was published since counts.
        const opened = client.published.length;
        const uri = await client.open(path);
        let text = GUIDE;
        let version = 1;
        for (const random of edits) {
          const applied = applyRandomEdit(text, random);
          text = applied.text;
          version = await client.change(uri, [applied.change]);
        }
        const diagnostics = await client.diagnostics(uri, (params) => params.version === version, opened);
        expect(asFindings(diagnostics)).toEqual(lintOf(root, path, text));
        const last = client.published.filter((params) => params.uri === uri).at(-1);
        expect(last?.version).toBe(version);
        await client.close(uri);
      }),
      { seed: 15, numRuns: 5 },
    );
    expect(await client.stop()).toBe(0);
  });
});

describe('what the protocol did not expect', () => {
  const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

  /** The server still lints an opened guide and answers shutdown. */
  async function stillServes(client: TestClient, root: string) {
    const uri = await client.open(join(root, '户籍/id-card-renewal.md'));
    expect(await client.diagnosticsAt(uri, 1)).toEqual([]);
    expect(await client.stop()).toBe(0);
    expect(client.stderr).toBe('');
  }

  /**
   * Garbage, and in the same write (one chunk) a short file opened: its (empty) diagnostics come
   * without waiting for more bytes, and the server answers shutdown.
   */
  async function servesRightAfter(client: TestClient, root: string, garbage: string) {
    const uri = uriOf(join(root, '户籍/notes.txt'));
    const open = {
      jsonrpc: '2.0',
      method: 'textDocument/didOpen',
      params: { textDocument: { uri, languageId: 'plaintext', version: 1, text: '笔记' } },
    };
    client.process.stdin.write(garbage + frame(JSON.stringify(open)));
    expect(await client.diagnostics(uri)).toEqual([]);
    expect(await client.stop()).toBe(0);
    expect(client.stderr).toBe('');
  }

  it('an unknown request is answered MethodNotFound', async () => {
    const root = scratch(guidesDir);
    const client = await start(root);
    const error: unknown = await client.connection.sendRequest('baihua/noSuchMethod', { x: 1 }).catch((error) => error);
    expect(error).toBeInstanceOf(ResponseError);
    const { code, message } = error as ResponseError;
    expect({ code, message }).toEqual({
      code: ErrorCodes.MethodNotFound,
      message: 'Unhandled method baihua/noSuchMethod',
    });
    await stillServes(client, root);
  });

  it('unknown notifications are ignored', async () => {
    const root = scratch(guidesDir);
    const client = await start(root);
    await client.connection.sendNotification('baihua/noSuchNotification', { x: 1 });
    await client.connection.sendNotification('$/noSuchNotification', null);
    await stillServes(client, root);
  });

  it('a document whose URI no file of this machine can have (another host, untitled) is opened, edited and closed', async () => {
    const root = scratch(guidesDir);
    const client = await start(root, { debounceMs: 0 });
    for (const uri of ['file://fileserver/share/guides/id-card-renewal.md', 'untitled:Untitled-1']) {
      await client.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'markdown', version: 1, text: GUIDE },
      });
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ text: `${GUIDE}\n申请人须予以受理。\n` }],
      });
      expect(
        await client.connection.sendRequest('textDocument/hover', {
          textDocument: { uri },
          position: { line: 1, character: 1 },
        }),
      ).toBeNull();
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
    await stillServes(client, root);
  });

  it('bytes that are not a header are skipped up to the blank line that ends them, and what follows is read at once', async () => {
    const root = scratch(guidesDir);
    await servesRightAfter(await start(root), root, '这不是消息头\r\n\r\n');
  });

  it('invalid JSON in a correctly framed message is skipped', async () => {
    const root = scratch(guidesDir);
    await servesRightAfter(await start(root), root, frame('{"jsonrpc": "2.0", "method": '));
  });

  it('a wrong Content-Length loses the stream: the server exits with 1 and one line on stderr, no stack trace', async () => {
    const root = scratch(guidesDir);
    const client = await start(root);
    const body = JSON.stringify({ jsonrpc: '2.0', method: 'initialized', params: {} });
    client.process.stdin.write(`Content-Length: 5\r\n\r\n${body}`);
    client.process.stdin.write(frame(JSON.stringify({ jsonrpc: '2.0', id: 99, method: 'shutdown' })));
    expect(await client.exited).toBe(1);
    expect(client.stderr).toBe(
      'baihua: 编辑器发来的数据不符合语言服务器协议，之后的消息无法读取，语言服务器已退出。请在编辑器里重启白话的语言服务器\n',
    );
  });
});

describe('the client going away', () => {
  it('standard input closed without shutdown: exits with 1', async () => {
    const client = await start(scratch(guidesDir));
    client.process.stdin.end();
    expect(await client.exited).toBe(1);
    expect(client.stderr).toBe('');
  });

  it('exit without shutdown: exits with 1', async () => {
    const client = await start(scratch(guidesDir));
    await client.connection.sendNotification(ExitNotification.type);
    expect(await client.exited).toBe(1);
    expect(client.stderr).toBe('');
  });

  it('the client process named in initialize is gone: exits', async () => {
    const root = scratch(guidesDir);
    const editor = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const editorExited = new Promise((resolve) => editor.on('exit', resolve));
    const client = new TestClient(root);
    clients.push(client);
    await client.connection.sendRequest(InitializeRequest.type, {
      processId: editor.pid!,
      rootUri: uriOf(root),
      workspaceFolders: [{ uri: uriOf(root), name: 'guides' }],
      capabilities: {},
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    editor.kill();
    await editorExited;
    expect(await client.exited).toBe(1);
    expect(client.stderr).toBe('');
  });
});
