/**
 * `baihua serve`: a preview on 127.0.0.1 that rebuilds when a guide changes and tells the open
 * preview page to reload (server-sent events); a guide saved with an error keeps its last good
 * pages, and the preview shows the error. Any web page the user has open can send it requests:
 * none of them takes it down, and only its own pages are answered.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, chmodSync, cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cliPath, EXAMPLE_IDS, guidesDir, JOURNEY_CATALOG, repoRoot, runCli, scratch } from './helpers.js';

/** The example journeys (一件事) as the picker names them: by their path under the site's folders. */
const EXAMPLE_JOURNEYS = ['journeys/company-opening', 'journeys/newborn'];

let child: ChildProcess | undefined;
afterEach(() => child?.kill());

/** What the last `baihua serve` started has written to its standard output. */
let serveOutput = '';

/** Starts `baihua serve --port 0 [paths]` in `dir` and resolves to its address. */
function startServe(dir: string, paths: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<string> {
  child = spawn(process.execPath, [cliPath, 'serve', '--port', '0', ...paths], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  serveOutput = '';
  return new Promise((resolve, reject) => {
    child!.stdout!.on('data', (chunk: Buffer) => {
      serveOutput += chunk.toString();
      const output = serveOutput;
      const match = /预览：(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child!.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${serveOutput}`)));
  });
}

/** Collects the server-sent events of the preview. */
async function listen(url: string): Promise<{ events: string[]; stop: () => void }> {
  const controller = new AbortController();
  const response = await fetch(`${url}__events`, { signal: controller.signal });
  const events: string[] = [];
  const reader = response.body!.getReader();
  void (async () => {
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += Buffer.from(value!).toString();
      const parts = buffer.split('\n\n');
      buffer = parts.pop()!;
      events.push(...parts.filter((part) => part.startsWith('event:')));
    }
  })();
  return { events, stop: () => controller.abort() };
}

const page = async (url: string, path: string) => (await fetch(`${url}${path}`)).text();

/** What a `rebuilt` event tells the preview page: the problems and the status line. */
function rebuilt(event: string | undefined): unknown {
  const data = /^event: rebuilt\ndata: (.*)$/.exec(event ?? '');
  if (!data) throw new Error(`not a rebuilt event: ${JSON.stringify(event)}`);
  return JSON.parse(data[1]!);
}

/** A rebuild without errors: the status line says when, on a 24-hour clock with seconds. */
const UPDATED = { problems: '', status: expect.stringMatching(/^已更新 (?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d$/) };
const FAILED_STATUS = '有错误，显示的是上一次的结果';

/**
 * Sends one HTTP/1.0 request exactly as written: fetch would normalise the path and set Host
 * itself. The server closes the connection after answering HTTP/1.0, so the body is all the rest.
 */
function rawGet(
  url: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; type: string; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const response = Buffer.concat(chunks).toString();
      const status = /^HTTP\/1\.[01] (\d{3}) /.exec(response);
      const end = response.indexOf('\r\n\r\n');
      if (!status || end < 0) return reject(new Error(`no HTTP answer to GET ${path}: ${JSON.stringify(response)}`));
      resolve({
        status: Number(status[1]),
        type: /^content-type: (.*)\r$/im.exec(response.slice(0, end))?.[1] ?? '',
        body: response.slice(end + 4),
      });
    });
    socket.write(
      `GET ${path} HTTP/1.0\r\n${Object.entries(headers)
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('')}\r\n`,
    );
  });
}

/**
 * A scratch project with the example guides and a draft the configuration ignores: a copy of the
 * renewal guide under another id, in 草稿/.
 */
function projectWithDraft(): string {
  const dir = project();
  mkdirSync(join(dir, 'guides/草稿'));
  const renewal = readFileSync(join(dir, 'guides/户籍/id-card-renewal.md'), 'utf8');
  writeFileSync(
    join(dir, 'guides/草稿/id-card-draft.md'),
    renewal
      .replace('id: id-card-renewal', 'id: id-card-draft')
      .replace('title: 换领居民身份证', 'title: 换领居民身份证（草稿）'),
  );
  appendFileSync(join(dir, 'guides', CONFIG), 'ignores: [草稿/**]\n');
  return dir;
}

/** A scratch project with the example guides. */
function project(): string {
  const dir = scratch();
  cpSync(guidesDir, join(dir, 'guides'), { recursive: true });
  return dir;
}

const TEXT = 'text/plain; charset=utf-8';
const CONFIG = 'baihua.config.yaml';

describe('baihua serve', () => {
  it('lists journeys (一件事) first in the picker and serves their pages in every channel', async () => {
    const dir = scratch();
    cpSync(JOURNEY_CATALOG, join(dir, 'guides'), { recursive: true });
    const url = await startServe(dir);
    expect(await page(url, '')).toContain(
      '<select id="guide"><optgroup label="一件事"><option value="journeys/newborn-test" selected>新生儿出生一件事</option></optgroup>',
    );
    for (const path of ['web/journeys/', 'mobile/journeys/', 'print/journeys/'])
      expect(await page(url, `${path}newborn-test.html`)).toContain('<h1>新生儿出生一件事</h1>');
  });

  it('serves the three targets side by side on 127.0.0.1 and rebuilds a changed guide', async () => {
    const dir = scratch();
    cpSync(guidesDir, join(dir, 'guides'), { recursive: true });
    const url = await startServe(dir);
    const preview = await page(url, '');
    expect(preview).toContain('<iframe title="网页版" data-guide="web/guides/" data-journey="web/"></iframe>');
    expect(preview).toContain('<iframe title="手机版" data-guide="mobile/" data-journey="mobile/"></iframe>');
    expect(preview).toContain('<iframe title="打印版" data-guide="print/" data-journey="print/"></iframe>');
    expect(await page(url, 'web/guides/id-card-renewal.html')).toContain('<h1>换领居民身份证</h1>');

    const { events, stop } = await listen(url);
    const guide = join(dir, 'guides/户籍/id-card-renewal.md');
    const text = readFileSync(guide, 'utf8');
    writeFileSync(guide, text.replace('title: 换领居民身份证', 'title: 换领或补领居民身份证'));
    await expect.poll(() => events.length, { timeout: 120_000 }).toBe(1);
    expect(rebuilt(events[0])).toEqual(UPDATED);
    expect(await page(url, 'mobile/id-card-renewal.html')).toContain('<h1>换领或补领居民身份证</h1>');

    writeFileSync(guide, text.replace('visits: 1', 'visits: 一次'));
    await expect.poll(() => events.length, { timeout: 120_000 }).toBe(2);
    expect(rebuilt(events[1])).toEqual({
      problems: expect.stringContaining('「到现场次数」(visits)应为数字'),
      status: FAILED_STATUS,
    });
    expect(await page(url, 'mobile/id-card-renewal.html')).toContain('<h1>换领或补领居民身份证</h1>');
    stop();
  });

  it('writes the status line’s time on a 24-hour clock, whatever the locale and time zone', async () => {
    const dir = project();
    // An English locale would write 「9:31:09 PM」 with toLocaleTimeString.
    const url = await startServe(dir, [], { TZ: 'UTC', LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' });
    // The page takes the status line as sent: it formats no time of its own in the browser's locale.
    expect(await page(url, '')).not.toMatch(/toLocale|Intl\.|new Date\(\)/);
    const { events, stop } = await listen(url);
    const guide = join(dir, 'guides/户籍/id-card-renewal.md');
    writeFileSync(guide, readFileSync(guide, 'utf8').replace('title: 换领居民身份证', 'title: 换领或补领居民身份证'));
    await expect.poll(() => events.length, { timeout: 120_000 }).toBe(1);
    expect(rebuilt(events[0])).toEqual(UPDATED);
    stop();
  });

  it('lists the guides by title, in a group per category, both in pinyin order, titles escaped', async () => {
    const dir = project();
    const renewal = join(dir, 'guides/户籍/id-card-renewal.md');
    writeFileSync(
      renewal,
      readFileSync(renewal, 'utf8').replace('title: 换领居民身份证', 'title: 换领居民身份证<b>&"旧证"</b>'),
    );
    // A guide without a category comes last, under 其他.
    const passport = join(dir, 'guides/出入境/passport-application.md');
    writeFileSync(passport, readFileSync(passport, 'utf8').replace('category: 出入境\n', ''));
    const url = await startServe(dir);
    const header = /<header>[\s\S]*<\/header>/.exec(await page(url, '?guide=second-hand-house-transfer'))?.[0];
    // The journeys (一件事) come first, then the guides.
    const groups: Array<[string, Array<[string, string]>]> = [
      [
        '一件事',
        [
          ['journeys/company-opening', '企业开办一件事'],
          ['journeys/newborn', '新生儿出生一件事'],
        ],
      ],
      [
        '户籍与身份',
        [
          ['id-card-renewal', '换领居民身份证&#60;b&#62;&#38;&#34;旧证&#34;&#60;/b&#62;'],
          ['newborn-household-registration', '新生儿出生登记（报户口）'],
        ],
      ],
      ['婚姻家庭', [['marriage-registration', '内地居民结婚登记']]],
      ['交通出行', [['driving-licence-renewal', '机动车驾驶证期满换证']]],
      ['教育', [['primary-school-enrollment', '小学一年级新生入学报名']]],
      [
        '社会保障',
        [
          ['pension-enrollment', '城乡居民基本养老保险参保登记'],
          ['employer-social-insurance-registration', '单位社会保险参保登记'],
          ['newborn-social-security-card', '社会保障卡申领（新生儿）'],
        ],
      ],
      ['社会救助', [['minimum-living-allowance', '最低生活保障申请']]],
      ['生育收养', [['birth-medical-certificate', '出生医学证明首次签发']]],
      [
        '市场准入',
        [
          ['individual-business-registration', '个体工商户设立登记'],
          ['company-seal-engraving', '公章刻制备案'],
          ['company-registration', '有限责任公司设立登记'],
        ],
      ],
      [
        '税务',
        [
          ['income-tax-annual-settlement', '个人所得税综合所得年度汇算'],
          ['new-taxpayer-invoice', '新办企业首次申领发票'],
        ],
      ],
      [
        '医疗保障',
        [
          ['newborn-medical-insurance', '城乡居民医保参保登记（新生儿）'],
          ['offsite-medical-filing', '异地就医备案'],
        ],
      ],
      [
        '住房',
        [
          ['employer-housing-fund-registration', '单位住房公积金缴存登记'],
          ['second-hand-house-transfer', '二手房买卖过户'],
          ['housing-fund-rent-withdrawal', '租房提取住房公积金'],
        ],
      ],
      ['其他', [['passport-application', '首次申请普通护照']]],
    ];
    const options = groups
      .map(
        ([category, guides]) =>
          `<optgroup label="${category}">${guides
            .map(
              ([id, title]) =>
                `<option value="${id}"${id === 'second-hand-house-transfer' ? ' selected' : ''}>${title}</option>`,
            )
            .join('')}</optgroup>`,
      )
      .join('');
    expect(header).toBe(
      `<header><label>指南 <select id="guide">${options}</select></label>\n` +
        '<small id="guide-id">second-hand-house-transfer</small><span id="status">已是最新</span></header>',
    );
    // Without a choice in the address, the first one listed: the first journey, as journeys come first.
    expect(await page(url, '')).toContain('<small id="guide-id">journeys/company-opening</small>');
  });

  it('serves no guide that the configuration’s ignores excludes: 404, and not in the list', async () => {
    const dir = projectWithDraft();
    const url = await startServe(dir);
    expect(await page(url, 'web/guides/id-card-renewal.html')).toContain('<h1>换领居民身份证</h1>');
    for (const path of ['web/guides/id-card-draft.html', 'mobile/id-card-draft.html', 'print/id-card-draft.html']) {
      const response = await fetch(`${url}${path}`);
      expect([response.status, await response.text()]).toEqual([404, '没有这个页面']);
    }
    const listed = [...(await page(url, '')).matchAll(/<option value="([^"]+)"/g)].map((match) => match[1]).sort();
    expect(listed).toEqual([...EXAMPLE_IDS, ...EXAMPLE_JOURNEYS].sort());
  });

  it('shows exactly the guides and pages that baihua build writes, from the same configuration', async () => {
    const dir = projectWithDraft();
    const build = runCli(['build', 'guides', '--out', 'dist', '--targets', 'web,mobile'], { cwd: dir });
    expect(build.code).toBe(0);
    const built = readdirSync(join(dir, 'dist/mobile'), { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.html'))
      .map((name) => name.slice(0, -'.html'.length))
      .sort();
    const url = await startServe(dir);
    const listed = [...(await page(url, '')).matchAll(/<option value="([^"]+)"/g)].map((match) => match[1]!).sort();
    expect(listed).toEqual(built);
    expect(built.filter((id) => id.startsWith('journeys/'))).toEqual(EXAMPLE_JOURNEYS);
    for (const id of built) {
      // A guide's web page is under web/guides/, a journey's under web/journeys/ (its id says so).
      const web = id.startsWith('journeys/') ? `web/${id}.html` : `web/guides/${id}.html`;
      expect(await page(url, web)).toBe(readFileSync(join(dir, 'dist', web), 'utf8'));
      expect(await page(url, `mobile/${id}.html`)).toBe(readFileSync(join(dir, 'dist/mobile', `${id}.html`), 'utf8'));
    }
    expect(await page(url, 'web/index.html')).toBe(readFileSync(join(dir, 'dist/web/index.html'), 'utf8'));
    // the logo the configuration's site: names, copied by the build, served from its file by serve
    for (const logo of ['web/assets/site-logo.svg', 'mobile/assets/site-logo.svg'])
      expect(await page(url, logo)).toBe(readFileSync(join(dir, 'dist', logo), 'utf8'));
  });

  it('re-lints only the guide that was saved, and the catalog rules still see every guide', async () => {
    const dir = project();
    const url = await startServe(dir);
    const { events, stop } = await listen(url);
    const guide = join(dir, 'guides/户籍/id-card-renewal.md');
    const text = readFileSync(guide, 'utf8');
    writeFileSync(guide, text.replace('title: 换领居民身份证', 'title: 换领或补领居民身份证'));
    await expect.poll(() => events.length, { timeout: 120_000 }).toBe(1);
    expect(serveOutput.split('\n').filter((line) => line.startsWith('重新检查'))).toEqual([
      `重新检查了 1 个文件（${EXAMPLE_IDS.length - 1 + EXAMPLE_JOURNEYS.length} 个没有改动，沿用上次的结果）`,
    ]);
    // A duplicate id is only seen across guides: the catalog pass ran over the unchanged ones too.
    writeFileSync(guide, text.replace('id: id-card-renewal', 'id: passport-application'));
    await expect.poll(() => events.length, { timeout: 120_000 }).toBe(2);
    expect(events[1]).toContain('catalog/duplicate-id');
    expect(
      serveOutput
        .split('\n')
        .filter((line) => line.startsWith('重新检查'))
        .at(-1),
    ).toBe(`重新检查了 1 个文件（${EXAMPLE_IDS.length - 1 + EXAMPLE_JOURNEYS.length} 个没有改动，沿用上次的结果）`);
    stop();
  });

  it('answers a malformed address with 400, not a crash, and goes on serving', async () => {
    const url = await startServe(project());
    const host = new URL(url).host;
    const malformed = { status: 400, type: TEXT, body: '网址有误：% 编码不完整，或不是 UTF-8' };
    expect(await rawGet(url, '/%', { host })).toEqual(malformed);
    expect(await rawGet(url, '/%E0%A4%A', { host })).toEqual(malformed);
    expect(await rawGet(url, '/web/guides/%E0%A4.html', { host })).toEqual(malformed);
    // `//` would read as an empty host to the URL parser: here it is only a path that does not exist.
    expect(await rawGet(url, '//', { host })).toEqual({ status: 404, type: TEXT, body: '没有这个页面' });
    expect(await rawGet(url, '*', { host })).toEqual({ status: 400, type: TEXT, body: '网址有误：路径要以 / 开头' });
    const normal = await rawGet(url, '/web/guides/id-card-renewal.html', { host });
    expect(normal.status).toBe(200);
    expect(normal.body).toContain('<h1>换领居民身份证</h1>');
  });

  it('answers only requests addressed to itself (DNS rebinding) and not pages of other sites', async () => {
    const url = await startServe(project());
    const { host, port } = new URL(url);
    const misdirected = {
      status: 421,
      type: TEXT,
      body: `这个预览只回应发给 127.0.0.1:${port} 或 localhost:${port} 的请求`,
    };
    expect(await rawGet(url, '/', { host: `evil.example:${port}` })).toEqual(misdirected);
    expect(await rawGet(url, '/__events', { host: `evil.example:${port}` })).toEqual(misdirected);
    expect(await rawGet(url, '/web/guides/id-card-renewal.html', { host: `127.0.0.1.evil.example:${port}` })).toEqual(
      misdirected,
    );
    expect(await rawGet(url, '/', { host: `127.0.0.1:${Number(port) + 1}` })).toEqual(misdirected);
    expect(await rawGet(url, '/', { host: '127.0.0.1' })).toEqual(misdirected);
    expect(await rawGet(url, '/', {})).toEqual(misdirected);

    const otherSite = { status: 403, type: TEXT, body: '这个预览不回应其他网站发来的请求' };
    expect(await rawGet(url, '/__events', { host, origin: 'http://evil.example' })).toEqual(otherSite);
    expect(await rawGet(url, '/__events', { host, origin: 'null' })).toEqual(otherSite);
    expect(await rawGet(url, '/', { host, origin: `http://evil.example:${port}` })).toEqual(otherSite);

    const accepted: Array<Record<string, string>> = [
      { host: `localhost:${port}` },
      { host: `LOCALHOST:${port}` },
      { host, origin: `http://${host}` },
      { host, origin: `http://localhost:${port}` },
    ];
    for (const headers of accepted) {
      const answer = await rawGet(url, '/mobile/id-card-renewal.html', headers);
      expect(answer.status).toBe(200);
      expect(answer.body).toContain('<h1>换领居民身份证</h1>');
    }
  });

  it('refuses, as build does, an id that is not a file name, even with schema/format off', () => {
    const dir = project();
    appendFileSync(
      join(dir, 'guides/baihua.config.yaml'),
      '\nrules:\n  schema/format: off\n  catalog/broken-related: off\n',
    );
    const guide = join(dir, 'guides/户籍/id-card-renewal.md');
    writeFileSync(
      guide,
      readFileSync(guide, 'utf8').replace('id: id-card-renewal', 'id: x"><img src=x onerror=alert(1)>'),
    );
    const run = runCli(['serve', '-p', '0'], { cwd: dir });
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'guides/户籍/id-card-renewal.md:3:5: id「x"><img src=x onerror=alert(1)>」不能用作网页的文件名：只能用小写英文字母、数字和连字符，如 id-card-renewal\n',
    });
  });

  it('rebuilds a guide named on the command line when it changes', async () => {
    const dir = project();
    const url = await startServe(dir, ['guides/户籍/id-card-renewal.md']);
    const { events, stop } = await listen(url);
    const guide = join(dir, 'guides/户籍/id-card-renewal.md');
    writeFileSync(guide, readFileSync(guide, 'utf8').replace('title: 换领居民身份证', 'title: 换领或补领居民身份证'));
    await expect.poll(() => events.length, { timeout: 120_000 }).toBe(1);
    expect(rebuilt(events[0])).toEqual(UPDATED);
    expect(await page(url, 'mobile/id-card-renewal.html')).toContain('<h1>换领或补领居民身份证</h1>');
    stop();
  });

  it('shows a configuration broken while serving in the preview, and goes on when it is mended', async () => {
    const dir = project();
    const url = await startServe(dir);
    const { events, stop } = await listen(url);
    const config = join(dir, 'guides/baihua.config.yaml');
    const configText = readFileSync(config, 'utf8');
    const guide = join(dir, 'guides/户籍/id-card-renewal.md');
    const text = readFileSync(guide, 'utf8');
    // A configuration change alone does not rebuild; the next saved guide does.
    writeFileSync(config, 'root: true\nextends: [recommended]\nrules:\n  plain/no-such-rule: error\n');
    writeFileSync(guide, text.replace('title: 换领居民身份证', 'title: 换领或补领居民身份证'));
    await expect.poll(() => events.length, { timeout: 120_000 }).toBe(1);
    const problems = `${config}:4:3: 配置错误：不认识的规则「plain/no-such-rule」。运行 baihua explain 列出所有规则`;
    expect(rebuilt(events[0])).toEqual({ problems, status: FAILED_STATUS });
    expect(await page(url, 'mobile/id-card-renewal.html')).toContain('<h1>换领居民身份证</h1>');

    writeFileSync(config, configText);
    writeFileSync(guide, text);
    await expect.poll(() => events.length, { timeout: 120_000 }).toBe(2);
    expect(rebuilt(events[1])).toEqual(UPDATED);
    stop();
  });
});

describe('baihua serve: starting', () => {
  it.each(['abc', '65536', '-1', '8080.5', '0x50', ''])('refuses --port %j in one line', (port) => {
    const run = runCli(['serve', '-p', port]);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({
      code: 2,
      stdout: '',
      stderr: `baihua: --port 要写 0 到 65535 之间的整数，现在是「${port}」\n`,
    });
  });

  it('says in one line that the port is taken, and exits', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as { port: number };
    try {
      const run = runCli(['serve', '-p', String(port)], { cwd: project() });
      expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({
        code: 2,
        stdout: '',
        stderr: `baihua: 端口 ${port} 已被占用：换一个端口，如 baihua serve -p ${port + 1}\n`,
      });
    } finally {
      taken.close();
    }
  });

  it('checks the templates as build does: a copy without assets/ is one line, exit 2', () => {
    const dir = project();
    cpSync(join(repoRoot, 'templates/site/partials'), join(dir, 'guides/portal/partials'), { recursive: true });
    appendFileSync(join(dir, 'guides', CONFIG), 'templates: portal\n');
    const run = runCli(['serve', '-p', '0'], { cwd: dir });
    const stderr = 'baihua: 模板目录 guides/portal 里缺少 assets/：请复制 templates/site 后再修改\n';
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({ code: 2, stdout: '', stderr });
    expect(runCli(['build', '-o', 'dist'], { cwd: dir }).stderr).toBe(stderr);
  });

  it('says in one line that the configuration is broken, and exits', () => {
    // It listens before it builds: a failed build must close the server again, or serve would stay.
    const dir = project();
    const config = join(dir, 'guides/baihua.config.yaml');
    writeFileSync(config, 'root: true\nextends: [recommended]\nrules:\n  plain/no-such-rule: error\n');
    const run = runCli(['serve', '-p', '0'], { cwd: dir });
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({
      code: 2,
      stdout: '',
      stderr: `${config}:4:3: 配置错误：不认识的规则「plain/no-such-rule」。运行 baihua explain 列出所有规则\n`,
    });
  });

  const unprivilegedFrom = (() => {
    try {
      return Number(readFileSync('/proc/sys/net/ipv4/ip_unprivileged_port_start', 'utf8'));
    } catch {
      return 0; // not Linux: do not guess
    }
  })();
  it.skipIf(unprivilegedFrom <= 80)('says in one line that port 80 needs an administrator, and exits', () => {
    const dir = project();
    chmodSync(dir, 0o755);
    // root may use any port: run as nobody then
    const user = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const run = spawnSync(process.execPath, [cliPath, 'serve', '-p', '80'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 300_000,
      ...user,
    });
    expect({ code: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
      code: 2,
      stdout: '',
      stderr: 'baihua: 端口 80 要有管理员权限才能用：换一个 1024 以上的端口，如 baihua serve -p 8080\n',
    });
  });
});
