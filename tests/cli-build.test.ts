/**
 * `baihua build` as a user runs it: every target from the example guides, PDFs printed by the
 * system Chromium (one browser for the build), byte-identical rebuilds, only changed handouts
 * printed again, and a failed build that leaves the previous site alone.
 */
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_IDS, guidesDir, repoRoot, runCli, scratch } from './helpers.js';
import { expectNoStackTrace, snapshotTree } from './cli-test-utils.js';

const SITE_URL = 'https://guides.qinghe.example.gov.cn';
const CONFIG = 'baihua.config.yaml';
/** Pages each example handout prints on (A4), the guide's own text included; a journey's is under journeys/. */
const PAGES: Record<string, number> = {
  'birth-medical-certificate': 3,
  'company-registration': 3,
  'company-seal-engraving': 3,
  'driving-licence-renewal': 3,
  'employer-housing-fund-registration': 3,
  'employer-social-insurance-registration': 3,
  'housing-fund-rent-withdrawal': 3,
  'id-card-renewal': 3,
  'income-tax-annual-settlement': 4,
  'individual-business-registration': 3,
  'marriage-registration': 3,
  'minimum-living-allowance': 4,
  'new-taxpayer-invoice': 3,
  'newborn-household-registration': 3,
  'newborn-medical-insurance': 3,
  'newborn-social-security-card': 3,
  'offsite-medical-filing': 3,
  'passport-application': 3,
  'pension-enrollment': 3,
  'primary-school-enrollment': 3,
  'second-hand-house-transfer': 4,
  'journeys/company-opening': 3,
  'journeys/newborn': 3,
};

/** Each example handout's first line, as printed (its title, then the handout's name). */
const TITLES: Record<string, string> = {
  'birth-medical-certificate': '出生医学证明首次签发',
  'company-registration': '有限责任公司设立登记',
  'company-seal-engraving': '公章刻制备案',
  'driving-licence-renewal': '机动车驾驶证期满换证',
  'employer-housing-fund-registration': '单位住房公积金缴存登记',
  'employer-social-insurance-registration': '单位社会保险参保登记',
  'housing-fund-rent-withdrawal': '租房提取住房公积金',
  'id-card-renewal': '换领居民身份证',
  'income-tax-annual-settlement': '个人所得税综合所得年度汇算',
  'individual-business-registration': '个体工商户设立登记',
  'marriage-registration': '内地居民结婚登记',
  'minimum-living-allowance': '最低生活保障申请',
  'new-taxpayer-invoice': '新办企业首次申领发票',
  'newborn-household-registration': '新生儿出生登记（报户口）',
  'newborn-medical-insurance': '城乡居民医保参保登记（新生儿）',
  'newborn-social-security-card': '社会保障卡申领（新生儿）',
  'offsite-medical-filing': '异地就医备案',
  'passport-application': '首次申请普通护照',
  'pension-enrollment': '城乡居民基本养老保险参保登记',
  'primary-school-enrollment': '小学一年级新生入学报名',
  'second-hand-house-transfer': '二手房买卖过户',
  'journeys/company-opening': '企业开办一件事',
  'journeys/newborn': '新生儿出生一件事',
};

/** The example journeys (一件事), each a page of every target under journeys/. */
const JOURNEY_IDS = ['company-opening', 'newborn'];

function pdfPages(path: string): number {
  const pdf = readFileSync(path, 'latin1');
  return Number(/\/Type \/Pages\b[^>]*?\/Count (\d+)/s.exec(pdf)?.[1] ?? /\/Count (\d+)/.exec(pdf)![1]);
}

/**
 * The text of a PDF as poppler's pdftotext reads it. Debian's Chromium draws the CJK glyphs as
 * Type 3 fonts (docs/architecture.md, "CJK fonts in the PDFs"), so which fonts a PDF names
 * proves nothing; that a reader gets the Chinese text back does.
 */
function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
}

describe('baihua build of the example guides', () => {
  let dir: string;
  let first: ReturnType<typeof runCli>;
  beforeAll(() => {
    dir = scratch();
    first = runCli(['build', guidesDir, '--out', join(dir, 'dist'), '--site-url', SITE_URL], { cwd: dir });
  });

  it('writes the web, mobile, print and bundle targets, and a PDF of every handout', () => {
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe(
      `✔ 生成了 21 份指南（重新生成 21 份，沿用 0 份）和 2 件一件事：web 24 页，mobile 23 页，print 23 页，bundle 21 份，PDF 23 份（新打印 23 份） → ${join(dir, 'dist')}\n`,
    );
    expect(first.code).toBe(0);
    const ids = EXAMPLE_IDS;
    const journeyPages = JOURNEY_IDS.map((id) => `${id}.html`);
    expect(readdirSync(join(dir, 'dist/web/guides')).sort()).toEqual(ids.map((id) => `${id}.html`));
    expect(readdirSync(join(dir, 'dist/web/journeys')).sort()).toEqual(journeyPages);
    // the site's logo (guides/baihua.config.yaml names one) beside the pages
    expect(readdirSync(join(dir, 'dist/mobile')).sort()).toEqual(
      ['assets', 'journeys', ...ids.map((id) => `${id}.html`)].sort(),
    );
    expect(readdirSync(join(dir, 'dist/mobile/assets'))).toEqual(['site-logo.svg']);
    expect(readdirSync(join(dir, 'dist/mobile/journeys')).sort()).toEqual(journeyPages);
    expect(readdirSync(join(dir, 'dist/print')).sort()).toEqual(
      ['journeys', 'pdf-manifest.json', 'print.css', ...ids.flatMap((id) => [`${id}.html`, `${id}.pdf`])].sort(),
    );
    expect(readdirSync(join(dir, 'dist/print/journeys')).sort()).toEqual(
      JOURNEY_IDS.flatMap((id) => [`${id}.html`, `${id}.pdf`]),
    );
    expect(readdirSync(join(dir, 'dist/bundle/journeys')).sort()).toEqual(JOURNEY_IDS.map((id) => `${id}.json`));
    expect(existsSync(join(dir, 'dist/web/index.html'))).toBe(true);
  });

  it('prints each handout on A4 with its page count, and its Chinese text can be read back', () => {
    for (const [id, pages] of Object.entries(PAGES)) {
      const path = join(dir, 'dist/print', `${id}.pdf`);
      expect(pdfPages(path), id).toBe(pages);
      expect(pdfText(path).split('\n')[0], id).toBe(`${TITLES[id]}｜一次性告知单`);
    }
    const idCard = pdfText(join(dir, 'dist/print/id-card-renewal.pdf')).split('\n');
    for (const line of [
      '身份证快到期或已经过期，可以到户政窗口换新证，新证可以免费邮寄到家。',
      '20元（每证）',
      '您的户口已经注销，不能换证。请先到户政窗口问清恢复户口的办法。',
    ]) {
      expect(idCard).toContain(line);
    }
  });

  it("prints each handout as a tagged PDF: marked, with a structure tree holding the page's headings, in Chinese", () => {
    for (const id of Object.keys(PAGES)) {
      const path = join(dir, 'dist/print', `${id}.pdf`);
      const catalog = /\/Type \/Catalog\b[\s\S]*?\nendobj/.exec(readFileSync(path, 'latin1'))![0];
      expect(catalog, id).toContain('/MarkInfo <</Type /MarkInfo\n/Marked true>>');
      expect(catalog, id).toMatch(/\/StructTreeRoot \d+ 0 R/);
      expect(catalog, id).toContain('/Lang (zh-CN)');
      // The headings of the structure tree (poppler's reading of it) are the print page's, in order.
      const html = readFileSync(join(dir, 'dist/print', `${id}.html`), 'utf8');
      const headings = [...html.matchAll(/<h([1-6])[\s>]/g)].map((match) => `H${match[1]}`);
      const tree = execFileSync('pdfinfo', ['-struct', path], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      expect(
        [...tree.matchAll(/^\s*(H[1-6]) /gm)].map((match) => match[1]),
        id,
      ).toEqual(headings);
    }
  });

  it("never prints a page holding only the QR code and the handout's last lines", () => {
    for (const id of Object.keys(PAGES)) {
      // What every page has anyway (the running header, the page number), the handout's end (QR
      // caption, department, review date, web address) and the site's line below it, each without
      // spaces, as pdftotext may break and space the lines.
      const html = readFileSync(join(dir, 'dist/print', `${id}.html`), 'utf8');
      const end = [...html.matchAll(/<footer class="handout-(?:end|site)">([\s\S]*?)<\/footer>/g)]
        .map((match) => match[1])
        .join('<br>');
      const endLines = end
        .replace(/<svg[\s\S]*?<\/svg>/g, '')
        .split(/<[^>]+>/)
        .map((line) => line.replace(/\s+/g, ''))
        .filter(Boolean);
      const pages = pdfText(join(dir, 'dist/print', `${id}.pdf`))
        .split('\f')
        .slice(0, -1);
      expect(pages.length, id).toBe(PAGES[id]);
      const ownText = pages.map((page) =>
        [`${TITLES[id]}｜一次性告知单`, ...endLines]
          .reduce((text, line) => text.replace(line, ''), page.replace(/\s+/g, ''))
          .replace(/第\d+页，共\d+页/, ''),
      );
      expect(
        ownText.map((text, index) => (text ? '' : `page ${index + 1} holds only the header, footer or QR code`)),
        id,
      ).toEqual(pages.map(() => ''));
    }
  });

  it('links the handout to the web page with a QR code', () => {
    const handout = readFileSync(join(dir, 'dist/print/id-card-renewal.html'), 'utf8');
    expect(handout).toContain(`网上查看：${SITE_URL}/web/guides/id-card-renewal.html`);
    expect(handout).toMatch(
      /<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 \d+ \d+" width="96" height="96" role="img" aria-label="扫码查看「换领居民身份证」的网上指南">/,
    );
  });

  it('prints nothing again when nothing changed, and the PDFs are byte-identical to a fresh build', () => {
    const before = snapshotTree(join(dir, 'dist/print'));
    const again = runCli(['build', guidesDir, '--out', join(dir, 'dist'), '--site-url', SITE_URL], { cwd: dir });
    expect(again.stdout).toContain('PDF 23 份（新打印 0 份）');
    const fresh = scratch();
    runCli(['build', guidesDir, '--out', join(fresh, 'dist'), '--site-url', SITE_URL, '--targets', 'print'], {
      cwd: fresh,
    });
    for (const id of Object.keys(PAGES)) {
      expect(
        readFileSync(join(fresh, 'dist/print', `${id}.pdf`)).equals(readFileSync(join(dir, 'dist/print', `${id}.pdf`))),
        id,
      ).toBe(true);
    }
    expect(Object.keys(snapshotTree(join(dir, 'dist/print')))).toEqual(Object.keys(before));
  });
});

describe('builds that cannot finish', () => {
  it('a guide with an error: the report, exit 1, and the previous site untouched', () => {
    const dir = scratch(guidesDir);
    expect(runCli(['build', '.', '--out', 'dist', '--targets', 'web'], { cwd: dir }).code).toBe(0);
    const before = snapshotTree(join(dir, 'dist'));
    const guide = join(dir, '户籍/id-card-renewal.md');
    writeFileSync(guide, readFileSync(guide, 'utf8').replace('visits: 1', 'visits: 一次'));
    const run = runCli(['build', '.', '--out', 'dist', '--targets', 'web'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('「到现场次数」(visits)应为数字');
    expect(run.stdout).toContain('有 1 份指南还有错误，没有生成网站（dist 保持原样）。修好后再运行 baihua build\n');
    expect(snapshotTree(join(dir, 'dist'))).toEqual(before);
  });

  it('without Chromium: one line saying how to get it, exit 1, and the other targets built', () => {
    const dir = scratch(guidesDir);
    const run = runCli(['build', '.', '--out', 'dist'], {
      cwd: dir,
      env: { BAIHUA_CHROMIUM: join(dir, 'no-such-browser') },
    });
    expect(run.code).toBe(1);
    expectNoStackTrace(run);
    expect(run.stdout).toBe(
      '✔ 生成了 21 份指南（重新生成 21 份，沿用 0 份）和 2 件一件事：web 24 页，mobile 23 页，print 23 页，bundle 21 份 → dist\n✖ 生成打印版 PDF 需要 Chromium：请运行 apt-get install -y chromium fonts-noto-cjk，或者设置环境变量 BAIHUA_CHROMIUM 为浏览器的路径\n',
    );
    expect(existsSync(join(dir, 'dist/web/index.html'))).toBe(true);
    expect(existsSync(join(dir, 'dist/mobile/id-card-renewal.html'))).toBe(true);
    expect(existsSync(join(dir, 'dist/print/id-card-renewal.pdf'))).toBe(false);
  });

  it('an unknown target or a templates directory outside the project is a usage error', () => {
    const dir = scratch(guidesDir);
    const target = runCli(['build', '.', '--targets', 'web,pdf'], { cwd: dir });
    expect(target.code).toBe(2);
    expect(target.stderr).toBe(
      'baihua: --targets 只能是 web、mobile、print、bundle（用逗号分开），现在是「web,pdf」\n',
    );
    const templates = runCli(['build', '.', '--templates', '/tmp'], { cwd: dir });
    expect(templates.code).toBe(2);
    expect(templates.stderr).toBe('baihua: --templates 要指向项目里的目录，现在是 /tmp\n');
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });

  it('a templates directory named in the configuration must stay inside the configuration’s directory', () => {
    const dir = scratch(guidesDir);
    const config = readFileSync(join(dir, CONFIG), 'utf8');
    writeFileSync(join(dir, CONFIG), `${config}templates: ../elsewhere\n`);
    const run = runCli(['build', '.', '--targets', 'web'], { cwd: dir });
    expect(run.code).toBe(2);
    const line = config.split('\n').length;
    expect(run.stderr).toBe(
      `${join(dir, CONFIG)}:${line}:1: 配置错误：templates 要指向本配置文件所在目录里的模板目录，现在是「../elsewhere」\n`,
    );
  });
});

describe('a portal’s own templates', () => {
  it('are a copy of templates/site named in baihua.config.yaml, and restyle every page', () => {
    const dir = scratch(guidesDir);
    cpSync(join(repoRoot, 'templates/site'), join(dir, 'portal'), { recursive: true });
    writeFileSync(
      join(dir, 'portal/assets/web.css'),
      `/* 青禾市门户 */\n${readFileSync(join(dir, 'portal/assets/web.css'), 'utf8')}`,
    );
    writeFileSync(
      join(dir, 'portal/partials/head.hbs'),
      `${readFileSync(join(dir, 'portal/partials/head.hbs'), 'utf8')}<meta name="generator" content="青禾市门户">\n`,
    );
    writeFileSync(join(dir, CONFIG), `${readFileSync(join(dir, CONFIG), 'utf8')}templates: portal\n`);
    const run = runCli(['build', '.', '--out', 'dist', '--targets', 'web,mobile'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'dist/web/assets/web.css'), 'utf8')).toMatch(/^\/\* 青禾市门户 \*\//);
    expect(readFileSync(join(dir, 'dist/mobile/id-card-renewal.html'), 'utf8')).toContain(
      '<meta name="generator" content="青禾市门户">',
    );
  });

  it('come from the configuration of the folder named on the command line, not from the first guide’s', () => {
    // 不动产/ holds the guide found first; its own templates must not restyle the whole site.
    const dir = scratch();
    cpSync(guidesDir, join(dir, 'guides'), { recursive: true });
    cpSync(join(repoRoot, 'templates/site'), join(dir, 'guides/不动产/portal'), { recursive: true });
    writeFileSync(join(dir, 'guides/不动产/portal/assets/web.css'), '/* 不动产登记中心 */\n');
    writeFileSync(join(dir, 'guides/不动产', CONFIG), 'templates: portal\n');
    const whole = runCli(['build', 'guides', '--out', 'dist', '--targets', 'web'], { cwd: dir });
    expect(whole.code).toBe(0);
    expect(readFileSync(join(dir, 'dist/web/assets/web.css'), 'utf8')).toBe(
      readFileSync(join(repoRoot, 'templates/site/assets/web.css'), 'utf8'),
    );
    const department = runCli(['build', 'guides/不动产', '--out', 'dist', '--targets', 'web'], { cwd: dir });
    expect(department.code).toBe(0);
    expect(readFileSync(join(dir, 'dist/web/assets/web.css'), 'utf8')).toBe('/* 不动产登记中心 */\n');
    const both = runCli(['build', 'guides/不动产', 'guides/户籍', '--out', 'dist', '--targets', 'web'], { cwd: dir });
    expect({ code: both.code, stderr: both.stderr }).toEqual({
      code: 2,
      stderr:
        'baihua: guides/不动产 和 guides/户籍 的配置指定了不同的模板（templates），一个网站只能用一套：请分开生成，或者用 --templates 指定\n',
    });
  }, 120_000);
});
