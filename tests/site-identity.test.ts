/**
 * Whose site it is: the `site:` section of baihua.config.yaml (site name, 主办单位, 承办单位,
 * 联系方式, 网站标识码, ICP and 公安 备案号, logo, 好差评 address) becomes the header and footer of
 * every web and mobile page, a line of the handout, and a feedback link per guide; the logo is
 * copied into the site; a wrong section stops the build with a Chinese message at its place; a
 * catalog without the section still builds. Every page has breadcrumbs and a 大字版 / 标准版
 * switch that works without script and is remembered with it.
 */
import { existsSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { findChromium, CHROMIUM_FLAGS } from '@baihua/render';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_IDS, guidesDir, runCli, scratch, serveDirectory } from './helpers.js';

const CONFIG = 'baihua.config.yaml';
const SITE_URL = 'https://guides.qinghe.example.gov.cn';
const EXAMPLE_CONFIG = readFileSync(join(guidesDir, CONFIG), 'utf8');
/** The example configuration without its `site:` section (the section ends the file). */
const WITHOUT_SITE = EXAMPLE_CONFIG.slice(0, EXAMPLE_CONFIG.indexOf('# Whose site'));

const SWITCH =
  '<p class="size-switch"><a class="to-standard" href="?large=0">标准版</a><a class="to-large" href="?large=1">大字版</a></p>';
const FOOTER = `<footer class="site">
<p>主办单位：青禾市人民政府办公室<span>承办单位：青禾市大数据中心</span></p>
<p>联系方式：政务服务热线 <a href="tel:12345">12345</a>　邮箱 zwfw@qinghe.gov.cn</p>
<p><span>网站标识码：1399000001</span><a href="https://beian.miit.gov.cn/">青ICP备00000001号-1</a><a href="https://beian.mps.gov.cn/#/query/webSearch?code=00000000000001">青公网安备 00000000000001号</a></p>
</footer>`;

const read = (dir: string, path: string) => readFileSync(join(dir, 'dist', path), 'utf8');
/** The line (from 1) of the first line of `text` that holds `needle`. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

/** A copy of the example guides whose configuration's `site:` section is `site` (none when empty). */
function catalogWithSite(site: string): string {
  const dir = scratch(guidesDir);
  writeFileSync(join(dir, CONFIG), `${WITHOUT_SITE}${site}`);
  return dir;
}

describe('the example catalog, built with its site: section', () => {
  let dir: string;
  beforeAll(() => {
    dir = scratch(guidesDir);
    const build = runCli(['build', '.', '--out', 'dist', '--targets', 'web,mobile,print', '--site-url', SITE_URL], {
      cwd: dir,
    });
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
  });

  it('heads every web page with the logo, the site name and the size switch, and names the site in the title', () => {
    const index = read(dir, 'web/index.html');
    expect(index).toContain('<title>办事指南｜青禾市政务服务网</title>');
    expect(index).toContain(
      `<header class="site">
<p class="site-name"><a href="index.html"><img src="assets/site-logo.svg" alt="" height="40"><span>青禾市政务服务网</span></a></p>
${SWITCH}
</header>`,
    );
    const guide = read(dir, 'web/guides/id-card-renewal.html');
    expect(guide).toContain('<title>换领居民身份证｜青禾市政务服务网</title>');
    expect(guide).toContain(
      '<p class="site-name"><a href="../index.html"><img src="../assets/site-logo.svg" alt="" height="40"><span>青禾市政务服务网</span></a></p>',
    );
    expect(guide).toContain(SWITCH);
  });

  it('ends every web and mobile page with the footer of a Chinese government site', () => {
    for (const page of ['web/index.html', 'web/guides/id-card-renewal.html', 'mobile/id-card-renewal.html'])
      expect(read(dir, page), page).toContain(FOOTER);
  });

  it('gives every guide page breadcrumbs home through its topic, the mobile page to the web index', () => {
    const crumbs = (home: string) =>
      `<nav class="breadcrumbs" aria-label="当前位置"><ol><li><a href="${home}">首页</a></li>` +
      `<li><a href="${home}#topic-住房">住房</a></li><li aria-current="page">二手房买卖过户</li></ol></nav>`;
    expect(read(dir, 'web/guides/second-hand-house-transfer.html')).toContain(crumbs('../index.html'));
    const mobile = read(dir, 'mobile/second-hand-house-transfer.html');
    expect(mobile).toContain(crumbs('../web/index.html'));
    expect(mobile).toContain(
      '<p class="site-name"><a href="../web/index.html"><img src="assets/site-logo.svg" alt="" height="40"><span>青禾市政务服务网</span></a></p>',
    );
    expect(mobile).toContain(SWITCH);
    // the topic the crumb names is a heading of the index
    expect(read(dir, 'web/index.html')).toContain('<h3 id="topic-住房">住房</h3>');
  });

  it('links each guide to its service on the portal’s 好差评, by the guide’s implementation or basic code', () => {
    for (const id of EXAMPLE_IDS) {
      const source = readdirSync(dir, { recursive: true, encoding: 'utf8' }).find((name) =>
        new RegExp(`(^|/)${id}\\.(md|yaml)$`).test(name),
      )!;
      const code = /^ {2}(?:implementation|basic): "?([0-9A-Z-]+)"?$/m.exec(
        readFileSync(join(dir, source), 'utf8'),
      )![1];
      const link =
        '<aside class="feedback" aria-label="服务评价">' +
        `<a href="https://zwfw.qinghe.gov.cn/hcp/evaluate?item&#x3D;${code}">评价这项服务</a>` +
        '<span>（政务服务“好差评”）</span></aside>';
      expect(read(dir, `web/guides/${id}.html`), id).toContain(link);
      expect(read(dir, `mobile/${id}.html`), id).toContain(link);
    }
    expect(read(dir, 'web/guides/id-card-renewal.html')).toContain('evaluate?item&#x3D;000104101000"');
  });

  it('names the site, its 主办单位 and its front page on the handout', () => {
    expect(read(dir, 'print/id-card-renewal.html')).toContain(
      `<footer class="handout-site"><p>青禾市政务服务网　主办单位：青禾市人民政府办公室　网站首页：${SITE_URL}/web/index.html</p></footer>`,
    );
  });

  it('copies the logo beside the web and the mobile pages', () => {
    const logo = readFileSync(join(guidesDir, 'assets/logo.svg'));
    expect(readFileSync(join(dir, 'dist/web/assets/site-logo.svg'))).toEqual(logo);
    expect(readFileSync(join(dir, 'dist/mobile/assets/site-logo.svg'))).toEqual(logo);
    expect(existsSync(join(dir, 'dist/print/assets'))).toBe(false);
  });
});

describe('a change of the site: section', () => {
  it('renders every page anew, though no guide changed, with {id} put in the feedback address', () => {
    const dir = scratch(guidesDir);
    const build = () => runCli(['build', '.', '--out', 'dist', '--targets', 'web'], { cwd: dir });
    expect(build().code).toBe(0);
    const site = EXAMPLE_CONFIG.slice(EXAMPLE_CONFIG.indexOf('# Whose site'))
      .replace('name: 青禾市政务服务网', 'name: 青禾市一网通办')
      .replace(/feedback_url: .*/, 'feedback_url: https://hcp.qinghe.gov.cn/rate?service={id}&channel=web');
    writeFileSync(join(dir, CONFIG), `${WITHOUT_SITE}${site}`);
    const rebuilt = build();
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toContain(`（重新生成 ${EXAMPLE_IDS.length} 份，沿用 0 份）`);
    const page = read(dir, 'web/guides/passport-application.html');
    expect(page).toContain('<span>青禾市一网通办</span>');
    expect(page).toContain(
      'href="https://hcp.qinghe.gov.cn/rate?service&#x3D;passport-application&amp;channel&#x3D;web"',
    );
  });
});

describe('a wrong site: section stops the build, saying where and what, exit 2', () => {
  const buildError = (site: string, extra?: (dir: string) => void) => {
    const dir = catalogWithSite(site);
    extra?.(dir);
    const run = runCli(['build', '.', '--out', 'dist', '--targets', 'web'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(existsSync(join(dir, 'dist'))).toBe(false);
    return {
      dir,
      stderr: run.stderr,
      at: (needle: string, column = 3) => `${join(dir, CONFIG)}:${lineOf(WITHOUT_SITE + site, needle)}:${column}`,
    };
  };
  const SITE = 'site:\n  name: 青禾市政务服务网\n  sponsor: 青禾市人民政府办公室\n';

  it('a logo outside the configuration’s directory', () => {
    const { stderr, at } = buildError(`${SITE}  logo: ../logo.svg\n`, (dir) =>
      writeFileSync(join(dir, '..', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>'),
    );
    expect(stderr).toBe(
      `${at('logo:')}: 配置错误：site.logo 要指向本配置文件所在目录里的图片，现在是「../logo.svg」\n`,
    );
  });

  it('a logo that is a symlink to a file elsewhere', () => {
    const { stderr, at } = buildError(`${SITE}  logo: assets/emblem.svg\n`, (dir) =>
      symlinkSync('/etc/passwd', join(dir, 'assets/emblem.svg')),
    );
    expect(stderr).toBe(
      `${at('logo:')}: 配置错误：site.logo 要指向本配置文件所在目录里的图片，现在是「assets/emblem.svg」\n`,
    );
  });

  it('a logo that is not there', () => {
    const { dir, stderr, at } = buildError(`${SITE}  logo: assets/emblem.png\n`);
    expect(stderr).toBe(
      `${at('logo:')}: 配置错误：找不到网站标识图片「assets/emblem.png」（${join(dir, 'assets/emblem.png')}）：` +
        '请检查 site.logo 的路径，它相对于本配置文件所在目录\n',
    );
  });

  it('a logo that is not an image', () => {
    const { stderr, at } = buildError(`${SITE}  logo: 社保/pension-enrollment.md\n`);
    expect(stderr).toBe(
      `${at('logo:')}: 配置错误：site.logo 应是图片（.svg、.png、.jpg、.jpeg、.gif、.webp），现在是「社保/pension-enrollment.md」\n`,
    );
  });

  it('a 网站标识码 that is not ten digits or letters', () => {
    const { stderr, at } = buildError(`${SITE}  site_code: '13000001'\n`);
    expect(stderr).toBe(
      `${at('site_code:')}: 配置错误：site.site_code（网站标识码）写得不对：政府网站标识码，10 位数字或字母，如 1300000001\n`,
    );
  });

  it('a feedback address without {id} or {code}', () => {
    const { stderr, at } = buildError(`${SITE}  feedback_url: https://hcp.qinghe.gov.cn/rate\n`);
    expect(stderr).toMatch(new RegExp(`^${at('feedback_url:')}: 配置错误：site.feedback_url（好差评地址）写得不对：`));
  });

  it('a misspelt key, and a missing 主办单位', () => {
    expect(buildError(`${SITE}  sitecode: '1300000001'\n`).stderr).toMatch(
      /:3: 配置错误：site 里不认识的配置项「sitecode」，是不是想写「site_code」？可用的有 name、sponsor、organizer、contact、site_code、icp、police_record、logo、feedback_url\n$/,
    );
    const { stderr, at } = buildError('site:\n  name: 青禾市政务服务网\n');
    expect(stderr).toBe(
      `${at('site:', 1)}: 配置错误：site 里缺少 sponsor（主办单位）：页脚的主办单位全称，如“青禾市人民政府办公室”\n`,
    );
  });
});

describe('a catalog without a site: section', () => {
  it('still builds, its pages headed 「办事指南」 with no footer, logo or feedback link', () => {
    const dir = catalogWithSite('');
    const run = runCli(['build', '.', '--out', 'dist', '--targets', 'web,mobile'], { cwd: dir });
    expect(run.code).toBe(0);
    const guide = read(dir, 'web/guides/id-card-renewal.html');
    expect(guide).toContain('<title>换领居民身份证｜办事指南</title>');
    expect(guide).toContain('<p class="site-name"><a href="../index.html"><span>办事指南</span></a></p>');
    for (const page of ['web/index.html', 'web/guides/id-card-renewal.html', 'mobile/id-card-renewal.html']) {
      expect(read(dir, page), page).not.toContain('<footer');
      expect(read(dir, page), page).not.toContain('评价这项服务');
      expect(read(dir, page), page).toContain(SWITCH);
    }
    expect(read(dir, 'web/index.html')).toContain('<title>办事指南</title>');
    expect(readdirSync(join(dir, 'dist/web/assets')).sort()).toEqual(['search.js', 'web.css']);
    expect(existsSync(join(dir, 'dist/mobile/assets'))).toBe(false);
  });
});

describe('the 大字版 / 标准版 switch in Chromium', () => {
  let browser: Browser;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    const dir = scratch(guidesDir);
    expect(runCli(['build', '.', '--out', 'dist', '--targets', 'web,mobile'], { cwd: dir }).code).toBe(0);
    ({ server, url } = await serveDirectory(join(dir, 'dist')));
    browser = await chromium.launch({ executablePath: findChromium()!, args: CHROMIUM_FLAGS });
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('is remembered from page to page, applied before the page is painted, and undone by 标准版', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    // Record the class as the first paint sees it: when the body is parsed, before any later script.
    await context.addInitScript(() => {
      document.addEventListener('readystatechange', () => {
        if (document.readyState === 'interactive')
          (window as unknown as { large: boolean }).large = document.documentElement.classList.contains('large-text');
      });
    });
    const page = await context.newPage();
    const large = async () =>
      page.evaluate(() => [(window as unknown as { large: boolean }).large, document.documentElement.className]);
    await page.goto(`${url}/mobile/id-card-renewal.html`);
    expect(await large()).toEqual([false, '']);
    await page.click('a.to-large');
    await page.waitForURL(/\?large=1$/);
    expect(await large()).toEqual([true, 'large-text']);
    // Another page, another folder, no ?large: the choice holds.
    await page.goto(`${url}/web/index.html`);
    expect(await large()).toEqual([true, 'large-text']);
    await page.goto(`${url}/web/guides/passport-application.html`);
    expect(await large()).toEqual([true, 'large-text']);
    await page.click('a.to-standard');
    await page.waitForURL(/\?large=0$/);
    expect(await large()).toEqual([false, '']);
    await page.goto(`${url}/mobile/passport-application.html`);
    expect(await large()).toEqual([false, '']);
    await context.close();
  });

  it('is two links that work without script; ?large=1 still makes the mobile page large', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${url}/mobile/id-card-renewal.html`);
    expect(await page.locator('.size-switch a').allTextContents()).toEqual(['标准版', '大字版']);
    expect(await page.locator('a.to-large').isVisible()).toBe(true);
    await context.close();
    const scripted = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const large = await scripted.newPage();
    await large.goto(`${url}/mobile/id-card-renewal.html?large=1`);
    expect(await large.evaluate(() => document.documentElement.className)).toBe('large-text');
    // the header fits the narrow screen: nothing scrolls sideways
    expect(await large.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await scripted.close();
  });
});
