#!/usr/bin/env node
// pnpm bench:lsp (and part of pnpm bench): the language server (`baihua lsp --stdio`) as an editor
// drives it, on a 5,000-character guide inside the example catalog: the latency from a typed
// character to its diagnostics (debounce 0, so the lint itself; then with the default debounce),
// the first diagnostics after open against a cold `baihua lint` of the same guide, completion,
// the server's RSS as edits pile up, and the CLI linting each edited text, side by side.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { LiveLint } from '@baihua/lint';
import { findGuideFiles } from '@baihua/core';
import { DEFAULT_DEBOUNCE_MS } from '@baihua/lsp';
import {
  CompletionRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { fmt, median } from './numbers.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = join(root, 'packages/cli/dist/baihua.mjs');
const GUIDE = '不动产/second-hand-house-transfer.md';

// The longest example guide with two more sections in its own words, to 5,000 characters.
const MORE = `
## 过户以后

- 领到新房本后，请买方带上新房本和身份证，到水、电、燃气公司办理户名变更。也可以在“青禾不动产”小程序一起申请。
- 房子有抵押贷款的，银行会在过户当天办好抵押登记。新房本由银行保管，贷款还清后再交给您。
- 新房本上的面积和网签合同不一样时，以新房本为准。有疑问可以打不动产登记中心的咨询电话问清楚。
- 孩子要在新房子所在学区上学的，请留好新房本和不动产登记资料，报名时要用。

## 带押过户怎么办

房子还有贷款时，卖方不用先借钱还贷。买卖双方和卖方的贷款银行一起签三方协议，买方的购房款先转到监管账户。过户和新的抵押登记在同一个工作日办好，银行再用购房款还清卖方的旧贷款。

办理前请先问清楚卖方的贷款银行能不能办带押过户。青禾市的大部分银行都能办，名单可以在“青禾不动产”小程序的“带押过户”栏目查看。

如果买方也要贷款买房，请买方的贷款银行和卖方的贷款银行先商量好放款时间，再预约过户日期。预约后要改日期的，请至少提前1个工作日在小程序里改约。

## 请别人代办

买方或卖方本人来不了的，可以请家人或朋友代办。代办人要带上公证委托书原件和自己的居民身份证原件，到窗口后先出示给工作人员。委托书上要写清楚房子的地址、代办的事项和代办人的姓名，写得不清楚的，窗口不能受理。

卖方在外地或国外的，可以在当地的公证机构或我国驻外使馆、领事馆办理委托书。国外办的委托书，请提前寄回国内，并留出翻译和认证的时间。
`;

/** The example catalog in a folder of its own, with the long guide in place of the one it grows from. */
export function benchWorkspace() {
  const workspace = mkdtempSync(join(tmpdir(), 'baihua-lsp-bench-'));
  cpSync(join(root, 'guides'), workspace, { recursive: true });
  const path = join(workspace, GUIDE);
  const text = readFileSync(path, 'utf8') + MORE;
  writeFileSync(path, text);
  return { workspace, path, text };
}

/** Where a clerk adds a clause to a sentence of the body, and what they type there. */
const TYPING = [
  ['过户当天先在税务窗口交税', '，记得带上银行卡或者手机，方便在窗口缴税'],
  ['领到新房本时请当场核对', '，仔细看看地址、面积和共有方式写得对不对'],
  ['买卖合同没有网签备案', '，或者合同上写的成交价格和实际价格不一样'],
  ['卖方不用先借钱还贷', '，也不用先去找亲戚朋友借钱垫付剩下的贷款'],
  ['以新房本为准', '，也不用再跑去房屋交易中心修改网签合同了'],
];

/**
 * 200 single-character edits: at each place the clause is typed a character at a time, then
 * taken back with backspace, so the text is the guide again at the end of the cycle.
 */
function typingCycle(text) {
  const lines = text.split('\n');
  const edits = [];
  for (const [after, clause] of TYPING) {
    const line = lines.findIndex((candidate) => candidate.includes(after));
    const character = lines[line].indexOf(after) + after.length;
    const typed = [...clause];
    typed.forEach((char, index) => {
      const at = { line, character: character + index };
      edits.push({ range: { start: at, end: at }, text: char });
    });
    for (let index = typed.length; index > 0; index--) {
      edits.push({
        range: { start: { line, character: character + index - 1 }, end: { line, character: character + index } },
        text: '',
      });
    }
  }
  return edits;
}

/** Applies ranged edits to a text (positions in UTF-16 code units, as LSP counts them). */
function applyEdit(text, { range, text: inserted }) {
  const lineStarts = [0];
  for (let index = 0; index < text.length; index++) if (text[index] === '\n') lineStarts.push(index + 1);
  const offset = ({ line, character }) => lineStarts[line] + character;
  return text.slice(0, offset(range.start)) + inserted + text.slice(offset(range.end));
}

class Server {
  constructor(workspace) {
    this.process = spawn(process.execPath, [cli, 'lsp', '--stdio'], { cwd: workspace, stdio: 'pipe' });
    this.process.stderr.resume();
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.process.stdout),
      new StreamMessageWriter(this.process.stdin),
    );
    this.waiting = new Map();
    this.connection.onNotification(PublishDiagnosticsNotification.type, ({ uri, version }) => {
      const key = `${uri}@${version}`;
      this.waiting.get(key)?.();
      this.waiting.delete(key);
    });
    this.connection.onRequest(RegistrationRequest.method, () => null);
    this.connection.listen();
    this.workspace = workspace;
  }

  async initialize(initializationOptions) {
    const uri = pathToFileURL(this.workspace).href;
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: 'guides' }],
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
      initializationOptions,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  /** Milliseconds from sending `notify` to the diagnostics of `version` of `uri`. */
  async timed(uri, version, notify) {
    const published = new Promise((resolve) => this.waiting.set(`${uri}@${version}`, resolve));
    const started = performance.now();
    await notify();
    await published;
    return performance.now() - started;
  }

  open(uri, text) {
    return this.timed(uri, 1, () =>
      this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'markdown', version: 1, text },
      }),
    );
  }

  change(uri, version, edit) {
    return this.timed(uri, version, () =>
      this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [edit],
      }),
    );
  }

  /** CPU time the server has used, user and system, in ms (/proc/<pid>/stat, in clock ticks of 10 ms). */
  cpuMs() {
    const fields = readFileSync(`/proc/${this.process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  }

  /** The server's resident set (VmRSS of /proc/<pid>/status), in KiB. */
  rssKiB() {
    const status = readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)[1]);
  }

  async stop() {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    await new Promise((resolve) => this.process.on('exit', resolve));
    this.connection.dispose();
  }
}

const percentile = (numbers, fraction) =>
  [...numbers].sort((a, b) => a - b)[Math.min(numbers.length - 1, Math.ceil(numbers.length * fraction) - 1)];
const stats = (numbers) => ({ median: median(numbers), p95: percentile(numbers, 0.95) });

function wall(args, options) {
  const started = performance.now();
  spawnSync(process.execPath, [cli, ...args], { stdio: ['pipe', 'ignore', 'ignore'], ...options });
  return performance.now() - started;
}

/** Where completion is asked for: a front-matter key, an enum value, the catalog's material names and departments. */
function completionPoints(text) {
  const lines = text.split('\n');
  const lineOf = (prefix) => lines.findIndex((line) => line.startsWith(prefix));
  return [
    ['a key at the start of a front-matter line', { line: lineOf('handling:'), character: 0 }],
    ['the value of `form:` (an enum)', { line: lineOf('    form: 原件'), character: '    form: '.length }],
    ['the name of a material (the catalog)', { line: lineOf('  - name: '), character: '  - name: '.length }],
    ['the value of `department:` (the catalog)', { line: lineOf('department:'), character: 'department: '.length }],
  ];
}

/** After how many edits memory is read: 10, 200, then every 500. */
const sampled = (edit) => edit === 10 || edit === 200 || edit % 500 === 0;

/**
 * What the server's lint keeps as edits pile up: LiveLint (the catalog, the last summary of the
 * open guide) with the last result held as the server holds it, heap after a full collection.
 */
async function retainedHeap(workspace, path, text, cycle, totalEdits) {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc');
  const live = new LiveLint({ cwd: workspace });
  const heap = {};
  let current = text;
  let last = await live.lint(path, current);
  for (let edit = 1; edit <= totalEdits; edit++) {
    current = applyEdit(current, cycle[(edit - 1) % cycle.length]);
    last = await live.lint(path, current);
    if (sampled(edit)) {
      gc();
      gc();
      heap[edit] = process.memoryUsage().heapUsed / 1024;
    }
  }
  return { heap, findings: last.result.messages.length };
}

/**
 * The same typing in a large catalog: the guide among the guides of \`scripts/corpus.mjs\`, whose
 * summaries the catalog rules read at every keystroke.
 */
async function typingInLargeCatalog(text, cycle, count) {
  const workspace = mkdtempSync(join(tmpdir(), 'baihua-lsp-catalog-'));
  spawnSync(process.execPath, [join(root, 'scripts/corpus.mjs'), '--count', String(count), '--out', workspace], {
    stdio: 'ignore',
  });
  const path = join(workspace, 'long', GUIDE);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  const uri = pathToFileURL(path).href;
  const server = new Server(workspace);
  await server.initialize({ debounceMs: 0 });
  const open = await server.open(uri, text);
  const latencies = [];
  const cpuBefore = server.cpuMs();
  for (const [index, change] of cycle.entries()) latencies.push(await server.change(uri, index + 2, change));
  const cpu = (server.cpuMs() - cpuBefore) / cycle.length;
  await server.stop();
  const guides = (await findGuideFiles([workspace])).length;
  return { guides, open, cpu, ...stats(latencies) };
}

export async function measureLsp({
  edits: totalEdits = 1000,
  debouncedEdits = 20,
  opens = 5,
  cliRuns = 5,
  catalogCount = 1000,
} = {}) {
  const load = [loadavg()[0]];
  const { workspace, path, text } = benchWorkspace();
  const uri = pathToFileURL(path).href;
  const cycle = typingCycle(text);

  // First diagnostics after open, each in a new server, alternating with a cold `baihua lint`.
  const firstDiagnostics = [];
  const initializeMs = [];
  const coldLint = [];
  for (let run = 0; run < opens; run++) {
    const server = new Server(workspace);
    const started = performance.now();
    await server.initialize({});
    initializeMs.push(performance.now() - started);
    firstDiagnostics.push(await server.open(uri, text));
    await server.stop();
    coldLint.push(wall(['lint', path], { cwd: workspace }));
  }

  // Typing with the debounce at 0: the lint and the protocol, nothing else.
  const server = new Server(workspace);
  const capabilities = (await server.initialize({ debounceMs: 0 })).capabilities;
  await server.open(uri, text);
  const latencies = [];
  const cpu = { 0: server.cpuMs() };
  const rss = {};
  const texts = [];
  let current = text;
  for (let edit = 1; edit <= totalEdits; edit++) {
    const change = cycle[(edit - 1) % cycle.length];
    latencies.push(await server.change(uri, edit + 1, change));
    current = applyEdit(current, change);
    if (edit <= cycle.length && edit % Math.floor(cycle.length / cliRuns) === 0) texts.push(current);
    if (sampled(edit)) rss[edit] = server.rssKiB();
    if (edit === cycle.length || edit === totalEdits - cycle.length || edit === totalEdits) cpu[edit] = server.cpuMs();
  }

  let completion;
  if (capabilities.completionProvider) {
    const points = completionPoints(text);
    const times = points.map(() => []);
    for (let round = 0; round < 20; round++) {
      for (const [index, [, position]] of points.entries()) {
        const started = performance.now();
        await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
        times[index].push(performance.now() - started);
      }
    }
    completion = { points: points.map(([name]) => name), all: stats(times.flat()), each: times.map(stats) };
  }
  await server.stop();

  // The same typing with the default debounce: what the clerk waits for.
  const debounced = new Server(workspace);
  await debounced.initialize({});
  await debounced.open(uri, text);
  const debouncedLatencies = [];
  for (let edit = 1; edit <= debouncedEdits; edit++) {
    debouncedLatencies.push(await debounced.change(uri, edit + 1, cycle[edit - 1]));
  }
  await debounced.stop();

  // The CLI on the same texts, one cold process per edit.
  const cliLatencies = texts.map((edited) =>
    wall(['lint', '--stdin', '--stdin-filename', path], { cwd: workspace, input: edited }),
  );

  const { heap } = await retainedHeap(workspace, path, text, cycle, totalEdits);
  const large = await typingInLargeCatalog(text, cycle, catalogCount);
  load.push(loadavg()[0]);

  return {
    load,
    heap,
    large,
    catalogCount,
    chars: text.length,
    editsPerCycle: cycle.length,
    totalEdits,
    first: stats(latencies.slice(0, cycle.length)),
    last: stats(latencies.slice(-cycle.length)),
    cpuFirst: (cpu[cycle.length] - cpu[0]) / cycle.length,
    cpuLast: (cpu[totalEdits] - cpu[totalEdits - cycle.length]) / cycle.length,
    debounceMs: DEFAULT_DEBOUNCE_MS,
    debounced: stats(debouncedLatencies),
    debouncedEdits,
    opens,
    initialize: median(initializeMs),
    firstDiagnostics: median(firstDiagnostics),
    coldLint: median(coldLint),
    completion,
    rss,
    cli: median(cliLatencies),
    cliRuns: cliLatencies.length,
  };
}

export function lspReport(m) {
  const ms = (value) => `${fmt(value, 1)} ms`;
  const mib = (kib) => `${fmt(kib / 1024, 1)} MiB`;
  const completionRows = m.completion
    ? m.completion.points
        .map(
          (name, index) =>
            `| completion: ${name} | ${ms(m.completion.each[index].median)} | ${ms(m.completion.each[index].p95)} | |`,
        )
        .join('\n')
    : '| completion | (the server announces no completion) | | |';
  return `### 语言服务器（issue 15）

The example catalog with its longest guide (\`${GUIDE}\`) grown to ${fmt(m.chars)} characters; ${m.editsPerCycle} single-character edits typed in the body's prose (5 clauses typed a character at a time, then backspaced away), each sent as \`textDocument/didChange\` and timed to the \`publishDiagnostics\` of its version.

| what | median | p95 | server CPU per edit, all its threads (mean) |
| --- | ---: | ---: | ---: |
| didChange → publishDiagnostics, debounce 0 (the lint), edits 1–${m.editsPerCycle} | ${ms(m.first.median)} | **${ms(m.first.p95)}** | ${ms(m.cpuFirst)} |
| the same, edits ${fmt(m.totalEdits - m.editsPerCycle + 1)}–${fmt(m.totalEdits)} | ${ms(m.last.median)} | ${ms(m.last.p95)} | ${ms(m.cpuLast)} |
| didChange → publishDiagnostics, default debounce (${m.debounceMs} ms), ${m.debouncedEdits} edits | ${ms(m.debounced.median)} | ${ms(m.debounced.p95)} | |
| \`baihua lint --stdin --stdin-filename\` of the edited text, cold process, ${m.cliRuns} edits | ${ms(m.cli)} | | |
| the same 200 edits, debounce 0, the guide in a catalog of ${fmt(m.large.guides)} guides (\`scripts/corpus.mjs --count ${m.catalogCount}\`) | ${ms(m.large.median)} | ${ms(m.large.p95)} | ${ms(m.large.cpu)} |
${completionRows}

Staying warm: the CLI takes **${fmt(m.cli / m.first.median, 0)}×** the server's median per edit.

First diagnostics after \`didOpen\` (a new server each time, median of ${m.opens}): **${ms(m.firstDiagnostics)}**, against a cold \`baihua lint\` of the same guide, alternating: ${ms(m.coldLint)}. Spawn to \`initialize\` answered: ${ms(m.initialize)}. In the catalog of ${fmt(m.large.guides)} guides (no lint cache), the first diagnostics took ${ms(m.large.open)}.

| after edits | ${Object.keys(m.rss)
    .map((edit) => fmt(Number(edit)))
    .join(' | ')} |
| --- | ${Object.keys(m.rss)
    .map(() => '---:')
    .join(' | ')} |
| server RSS (VmRSS of its process), debounce 0 | ${Object.values(m.rss).map(mib).join(' | ')} |
| what its lint keeps: \`LiveLint\` in this process, the same edits, heap after a full collection | ${Object.values(m.heap).map(mib).join(' | ')} |

Load average (1 min) at the start and end of the run: ${fmt(m.load[0], 2)}, ${fmt(m.load[1], 2)} (other work on the machine shows in the p95 first).
`;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { edits: { type: 'string', default: '1000' } } });
  console.log(lspReport(await measureLsp({ edits: Number(values.edits) })));
}
