import { readFileSync, watch, type FSWatcher } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve } from 'node:path';
import { isJourneyPath, unpublishedStatus, type Guide } from '@baihua/core';
import { formatters, LintMemory, type LintRun } from '@baihua/lint';
import { publish } from '@baihua/publish';
import { escapeHtml, PAGE_TARGETS, type SiteFiles } from '@baihua/render';
import { describeError, UsageError } from './errors.js';

export interface ServeOptions {
  port: string;
  config?: string;
}

const TEXT = 'text/plain; charset=utf-8';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  // the site's logo (the configuration's site.logo)
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
};

/** A guide the preview can show, as the picker lists it. */
interface PickerGuide {
  /** a guide's id, or `journeys/<id>` for a journey (一件事) */
  id: string;
  title: string;
  category: string;
}

/** Journeys (一件事) come first in the picker, under this heading. */
const JOURNEYS = '一件事';

/** Guides without a category come last, under this heading. */
const NO_CATEGORY = '其他';
const byPinyin = new Intl.Collator('zh-CN').compare;

/** The guides in the picker's order: journeys first, then by category and title, in pinyin order; 其他 last. */
function pickerGuides(run: LintRun): PickerGuide[] {
  // Drafts and cancelled guides are not on the site (`publish`): nothing to pick.
  const published = run.guides.filter(({ guide }) => !unpublishedStatus(guide.data));
  const guides = published.map(({ guide }) => {
    const { id, title, category } = guide.data as Guide;
    if (isJourneyPath(guide.file.path)) return { id: `journeys/${id}`, title, category: JOURNEYS };
    return { id, title, category: category || NO_CATEGORY };
  });
  const categoryOrder = (a: string, b: string) =>
    Number(b === JOURNEYS) - Number(a === JOURNEYS) ||
    Number(a === NO_CATEGORY) - Number(b === NO_CATEGORY) ||
    byPinyin(a, b);
  return guides.sort(
    (a, b) => categoryOrder(a.category, b.category) || byPinyin(a.title, b.title) || byPinyin(a.id, b.id),
  );
}

/** The picker's choices: each guide's title (its id is shown beside the picker), in a group per category. */
function pickerOptions(guides: PickerGuide[], current: string): string {
  const groups = new Map<string, string[]>();
  for (const { id, title, category } of guides) {
    const selected = id === current ? ' selected' : '';
    const option = `<option value="${escapeHtml(id)}"${selected}>${escapeHtml(title)}</option>`;
    groups.set(category, [...(groups.get(category) ?? []), option]);
  }
  return [...groups]
    .map(([category, options]) => `<optgroup label="${escapeHtml(category)}">${options.join('')}</optgroup>`)
    .join('');
}

/** 「21:31:09」: the local time on a 24-hour clock, whatever the machine's locale. */
function clockTime(date: Date): string {
  return [date.getHours(), date.getMinutes(), date.getSeconds()].map((part) => String(part).padStart(2, '0')).join(':');
}

/** The preview: web, mobile (360 px) and print side by side, reloaded when a guide changes. */
function previewPage(guides: PickerGuide[], current: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>白话预览</title>
<style>
body { margin: 0; font: 14px/1.5 "Noto Sans CJK SC", sans-serif; display: flex; flex-direction: column; height: 100vh; }
header { padding: .5rem 1rem; border-bottom: 1px solid #ccc; display: flex; gap: 1rem; align-items: center; }
main { flex: 1; display: flex; gap: .5rem; padding: .5rem; min-height: 0; }
figure { margin: 0; display: flex; flex-direction: column; flex: 1; min-width: 0; }
figure.mobile { flex: 0 0 360px; }
iframe { flex: 1; border: 1px solid #999; width: 100%; }
#problems { white-space: pre-wrap; color: #b00020; margin: 0; padding: 0 1rem; }
#guide-id { color: #555; font-family: monospace; }
</style></head>
<body>
<header><label>指南 <select id="guide">${pickerOptions(guides, current)}</select></label>
<small id="guide-id">${escapeHtml(current)}</small><span id="status">已是最新</span></header>
<pre id="problems"></pre>
<main>
<figure><figcaption>网页版</figcaption><iframe title="网页版" data-guide="web/guides/" data-journey="web/"></iframe></figure>
<figure class="mobile"><figcaption>手机版（360 px）</figcaption><iframe title="手机版" data-guide="mobile/" data-journey="mobile/"></iframe></figure>
<figure><figcaption>打印版</figcaption><iframe title="打印版" data-guide="print/" data-journey="print/"></iframe></figure>
</main>
<script>
const select = document.getElementById('guide');
const show = () => {
  document.getElementById('guide-id').textContent = select.value;
  // A journey's value is journeys/<id>: its pages are in each channel's journeys/ folder.
  const journey = select.value.startsWith('journeys/');
  const page = journey ? 'journeys/' + encodeURIComponent(select.value.slice(9)) : encodeURIComponent(select.value);
  for (const frame of document.querySelectorAll('iframe')) frame.src = '/' + (journey ? frame.dataset.journey : frame.dataset.guide) + page + '.html?t=' + Date.now();
};
select.addEventListener('change', show);
show();
const events = new EventSource('/__events');
events.addEventListener('rebuilt', (event) => {
  const { problems, status } = JSON.parse(event.data);
  document.getElementById('problems').textContent = problems;
  document.getElementById('status').textContent = status;
  if (!problems) show();
});
</script>
</body>
</html>
`;
}

/** The port of `-p`: digits only, 0 (any free port) to 65535; `0x50`, `1e3` and an empty value are mistakes. */
function parsePort(value: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535)
    throw new UsageError(`--port 要写 0 到 65535 之间的整数，现在是「${value}」`);
  return Number(value);
}

function listenError(error: NodeJS.ErrnoException, port: number): UsageError {
  if (error.code === 'EADDRINUSE')
    return new UsageError(
      `端口 ${port} 已被占用：换一个端口，如 baihua serve -p ${port < 65535 ? port + 1 : port - 1}`,
    );
  if (error.code === 'EACCES')
    return new UsageError(`端口 ${port} 要有管理员权限才能用：换一个 1024 以上的端口，如 baihua serve -p 8080`);
  return new UsageError(`无法在 127.0.0.1:${port} 上提供预览（${error.code ?? error.message}）`);
}

/** Listens on 127.0.0.1 and resolves to the port; a port that is taken or not allowed rejects with one line. */
function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolveListening, reject) => {
    // Stays after listening, so that a later server error (a failed accept) is ignored, not fatal.
    server.on('error', (error: NodeJS.ErrnoException) => reject(listenError(error, port)));
    server.listen(port, '127.0.0.1', () => resolveListening((server.address() as AddressInfo).port));
  });
}

/**
 * Why a request is refused, if it is. Any web page the user has open can send requests here; by
 * DNS rebinding, even under its own name, which the Host header still shows. A page of another
 * site that reads the answer (fetch, EventSource) also says where it comes from in Origin.
 */
function refusal(request: IncomingMessage, port: number): { status: number; text: string } | undefined {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (port === 80) hosts.push('127.0.0.1', 'localhost'); // browsers leave out the default port
  if (!hosts.includes(request.headers.host?.toLowerCase() ?? ''))
    return { status: 421, text: `这个预览只回应发给 127.0.0.1:${port} 或 localhost:${port} 的请求` };
  const origin = request.headers.origin?.toLowerCase();
  if (origin !== undefined && !hosts.some((host) => origin === `http://${host}`))
    return { status: 403, text: '这个预览不回应其他网站发来的请求' };
  return undefined;
}

/** The site path a request asks for, or undefined when the address cannot be read. */
function sitePath(pathname: string): string | undefined {
  try {
    return decodeURIComponent(pathname.slice(1));
  } catch {
    return undefined; // URIError: a % without two hex digits, or bytes that are not UTF-8
  }
}

/**
 * `baihua serve`: builds the guides in memory, serves them on 127.0.0.1, and rebuilds when a guide
 * changes. A guide with errors keeps its last good pages; the preview shows the errors.
 */
export async function runServe(
  patterns: string[],
  options: ServeOptions,
  version: string,
  log: (text: string) => void,
): Promise<void> {
  const requestedPort = parsePort(options.port);
  const targets = patterns.length ? patterns : ['guides'];
  let site: SiteFiles = new Map();
  let guides: PickerGuide[] = [];
  let copies = new Map<string, string>();
  let problems = '';
  const clients = new Set<ServerResponse>();
  // The guides as last linted and parsed: a save re-lints the guides that changed, not the catalog.
  const memory = new LintMemory();

  // The pipeline of `baihua build`, kept in memory: the same guides, templates and checks.
  async function rebuild(): Promise<{ linted: number; reused: number; unit: string }> {
    const {
      run,
      failed,
      site: built,
    } = await publish({
      patterns: targets,
      targets: PAGE_TARGETS,
      memory,
      ...(options.config && { configFile: options.config }),
    });
    problems = failed.length ? formatters.stylish(failed, { cwd: process.cwd(), color: false, version }) : '';
    if (built) {
      site = built.files;
      guides = pickerGuides(run);
      copies = new Map(built.copies);
    }
    // 份指南 counts guides; with journeys among the files, the counts are of files.
    return { ...run.counts, unit: run.results.some((result) => result.kind === 'journey') ? '个文件' : '份指南' };
  }
  // The status line's words and time come from here: the page's locale would write 「5:31:09 AM」.
  const notify = () => {
    const status = problems ? '有错误，显示的是上一次的结果' : `已更新 ${clockTime(new Date())}`;
    for (const client of clients) client.write(`event: rebuilt\ndata: ${JSON.stringify({ problems, status })}\n\n`);
  };

  function answer(request: IncomingMessage, response: ServerResponse): void {
    const refused = refusal(request, request.socket.localPort ?? 0);
    if (refused) {
      response.writeHead(refused.status, { 'content-type': TEXT }).end(refused.text);
      return;
    }
    // A path only: `//x` is a path here, not a host; an absolute address is for proxies.
    if (!request.url?.startsWith('/')) {
      response.writeHead(400, { 'content-type': TEXT }).end('网址有误：路径要以 / 开头');
      return;
    }
    const url = new URL(`http://127.0.0.1${request.url}`);
    if (url.pathname === '/__events') {
      response.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      response.write(': 已连接\n\n');
      clients.add(response);
      request.on('close', () => clients.delete(response));
      return;
    }
    if (url.pathname === '/') {
      response
        .writeHead(200, { 'content-type': TYPES['.html']! })
        .end(previewPage(guides, url.searchParams.get('guide') ?? guides[0]?.id ?? ''));
      return;
    }
    const path = sitePath(url.pathname);
    if (path === undefined) {
      response.writeHead(400, { 'content-type': TEXT }).end('网址有误：% 编码不完整，或不是 UTF-8');
      return;
    }
    const copied = copies.get(path);
    const body = site.get(path) ?? (copied === undefined ? undefined : readFileSync(copied));
    if (body === undefined) {
      response.writeHead(404, { 'content-type': TEXT }).end('没有这个页面');
      return;
    }
    response
      .writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      })
      .end(body);
  }

  const server = createServer((request, response) => {
    try {
      answer(request, response);
    } catch (error) {
      // A bug fails this one request, never the preview.
      if (response.headersSent) response.destroy();
      else response.writeHead(500, { 'content-type': TEXT }).end(describeError(error, false));
    }
  });

  // First, so that a port that is taken is reported at once, before the guides are built.
  const port = await listen(server, requestedPort);

  // Editors save in bursts (write, rename, touch): one rebuild per burst. A rebuild that fails
  // (a configuration broken while serving, every guide gone) is shown in the preview.
  let timer: NodeJS.Timeout | undefined;
  const changed = (_event: string, name: string | Buffer | null) => {
    const file = name?.toString() ?? '';
    if (!/\.(md|markdown|ya?ml)$/.test(file) || /(^|[\\/])baihua\.config\.ya?ml$/.test(file)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      void rebuild()
        .then(({ linted, reused, unit }) =>
          log(`重新检查了 ${linted} ${unit}（${reused} ${unit.slice(0, 1)}没有改动，沿用上次的结果）\n`),
        )
        .catch((error: unknown) => {
          problems = describeError(error, false);
        })
        .then(notify);
    }, 100);
  };
  const watchers: FSWatcher[] = [];
  try {
    for (const target of targets) watchers.push(watch(resolve(target), { recursive: true }, changed));
    await rebuild();
  } catch (error) {
    // The watchers, the server and its connections keep the process alive: closed, it exits once
    // main has reported the error.
    for (const watcher of watchers) watcher.close();
    clearTimeout(timer);
    server.close();
    server.closeAllConnections();
    throw error;
  }
  notify(); // a preview page left open reconnects while the guides are built
  log(`预览：http://127.0.0.1:${port}/ （改动指南后自动更新，按 Ctrl+C 结束）\n`);
  await new Promise<void>(() => {}); // serve until the process is stopped
}
