#!/usr/bin/env node
// pnpm bench:preview: what the VS Code preview costs. The server (`baihua lsp --stdio`, the built
// CLI) is sent an edit and then `baihua/preview` for the same guide, as the extension does after
// its debounce, and the round trip is timed: the request lints the new text (in the editor the
// server's own debounced lint has usually done so already) and renders its three pages. The
// rendering alone is timed in this process (previewGuide, packages/lsp/src/preview.ts). Beside
// them, the time `pnpm build` spends packaging the .vsix and the package's size.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { parseGuide, SourceFile } from '@baihua/core';
import { configForPath } from '@baihua/lint';
import { fmt, median } from './numbers.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({ options: { requests: { type: 'string', default: '100' } } });
const requests = Number(values.requests);
const guides = ['户籍/id-card-renewal.md', '不动产/second-hand-house-transfer.md'];
const p95 = (numbers) => [...numbers].sort((a, b) => a - b)[Math.ceil(numbers.length * 0.95) - 1];

const server = spawn(process.execPath, [join(root, 'packages/cli/dist/baihua.mjs'), 'lsp', '--stdio'], {
  cwd: join(root, 'guides'),
  stdio: ['pipe', 'pipe', 'inherit'],
});
const connection = createProtocolConnection(
  new StreamMessageReader(server.stdout),
  new StreamMessageWriter(server.stdin),
);
connection.onRequest('client/registerCapability', () => null);
connection.listen();
const rootUri = pathToFileURL(join(root, 'guides')).href;
await connection.sendRequest(InitializeRequest.type, {
  processId: process.pid,
  rootUri,
  workspaceFolders: [{ uri: rootUri, name: 'guides' }],
  capabilities: {},
});
await connection.sendNotification(InitializedNotification.type, {});

const rows = [];
for (const guide of guides) {
  const path = join(root, 'guides', guide);
  const uri = pathToFileURL(path).href;
  const text = readFileSync(path, 'utf8');
  await connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'markdown', version: 1, text },
  });
  const started = performance.now();
  await connection.sendRequest('baihua/preview', { uri });
  const first = performance.now() - started;
  // Each edit types one more character at the end of the body, as a clerk would.
  const end = text.split('\n').length - 1;
  const times = [];
  for (let version = 2; version < requests + 2; version++) {
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: end, character: 0 }, end: { line: end, character: 0 } }, text: '好' }],
    });
    const asked = performance.now();
    const preview = await connection.sendRequest('baihua/preview', { uri });
    times.push(performance.now() - asked);
    if (!preview.pages.web.includes('好'.repeat(version - 1))) throw new Error(`the preview of ${guide} is stale`);
  }
  const { previewGuide } = await import(pathToFileURL(join(root, 'packages/lsp/dist/preview.js')).href);
  const parsed = parseGuide(new SourceFile(path, text));
  const config = configForPath(path);
  const render = [];
  for (let round = 0; round < requests; round++) {
    const rendering = performance.now();
    previewGuide(parsed, config);
    render.push(performance.now() - rendering);
  }
  rows.push({ guide, size: Buffer.byteLength(text), first, times, render });
}
await connection.sendRequest(ShutdownRequest.type);
await connection.sendNotification(ExitNotification.type);
connection.dispose();

const packaging = [];
for (let round = 0; round < 3; round++) {
  const started = performance.now();
  const run = spawnSync(process.execPath, [join(root, 'scripts/package-vscode.mjs')], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`package-vscode: ${run.stderr}`);
  packaging.push(performance.now() - started);
}
const { version } = JSON.parse(readFileSync(join(root, 'packages/vscode/package.json'), 'utf8'));
const vsix = statSync(join(root, `packages/vscode/dist/vscode-baihua-${version}.vsix`)).size;

console.log(`node ${process.version}, ${cpus().length} cores, ${fmt(totalmem() / 2 ** 30)} GiB`);
console.log('\n| guide | bytes | first preview | edit → preview, median | p95 | rendering alone, median | p95 |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const { guide, size, first, times, render } of rows) {
  const ms = (numbers) => [`${fmt(median(numbers), 1)} ms`, `${fmt(p95(numbers), 1)} ms`];
  const cells = [fmt(size), `${fmt(first)} ms`, ...ms(times), ...ms(render)];
  console.log(`| ${guide} (${requests} edits) | ${cells.join(' | ')} |`);
}
console.log(`\npackaging the .vsix (scripts/package-vscode.mjs): median ${fmt(median(packaging))} ms of 3`);
console.log(`vscode-baihua-${version}.vsix: ${fmt(vsix / 1024)} KB`);
