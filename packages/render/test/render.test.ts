import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findGuideFiles, isJourneyPath, parseGuide, readGuideModel, SourceFile } from '@baihua/core';
import {
  createSearch,
  FIELD_ON_PAGE,
  guideView,
  MOBILE_PAGE_LIMIT,
  renderSite,
  searchDocument,
  searchIndexFiles,
  telUrl,
} from '@baihua/render';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';

const guidesDir = fileURLToPath(new URL('../../../guides/', import.meta.url));
const renewalText = readFileSync(join(guidesDir, '户籍/id-card-renewal.md'), 'utf8');

/** The example guides (baihua.config.yaml is never a guide). */
const exampleFiles = await findGuideFiles([guidesDir]);

const examples = exampleFiles.map((path) => parseGuide(new SourceFile(path, readFileSync(path, 'utf8'))));
const site = renderSite(examples, {
  targets: ['web', 'mobile', 'print'],
  siteUrl: 'https://guides.example.gov.cn',
}).files;

function renderOne(text: string) {
  return renderSite([parseGuide(new SourceFile('guide.md', text))], { targets: ['web', 'mobile', 'print'] }).files;
}

describe('the pages of the example guides', () => {
  it('has a web page, a mobile page and a print page for every guide, an index and a search index', () => {
    const ids = examples
      .filter((guide) => !isJourneyPath(guide.file.path))
      .map((guide) => (guide.data as { id: string }).id)
      .sort();
    const pages = (prefix: string) =>
      [...site.keys()]
        .filter((path) => path.startsWith(prefix) && path.endsWith('.html'))
        .map((path) => path.slice(prefix.length, -5))
        .sort();
    expect(pages('web/guides/')).toEqual(ids);
    expect(pages('web/journeys/')).toEqual(['company-opening', 'newborn']);
    const journeyPages = ['journeys/company-opening', 'journeys/newborn'];
    expect(pages('mobile/')).toEqual([...ids, ...journeyPages].sort());
    expect(pages('print/')).toEqual([...ids, ...journeyPages].sort());
    expect(
      [...site.keys()].filter((path) => !path.endsWith('.html') && !/^web\/search\/(terms|docs)\//.test(path)).sort(),
    ).toEqual([
      'print/print.css',
      'web/assets/search.js',
      'web/assets/web.css',
      'web/search/departments/0.json',
      'web/search/departments/all.json',
      'web/search/meta.json',
      'web/search/search.js',
      // the site's address is known: search engines get a sitemap
      'web/sitemap.xml',
    ]);
  });

  it('passes html-validate (recommended rules), every page', async () => {
    // Phone numbers are kept on one line by CSS (a[href^="tel:"] { white-space: nowrap }) rather than
    // with non-breaking hyphens, which a citizen copying the number would carry into the dialler.
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: { 'tel-non-breaking': 'off' },
    });
    const failures: string[] = [];
    for (const [path, html] of site) {
      if (!path.endsWith('.html')) continue;
      const report = await validator.validateString(html, path);
      for (const result of report.results)
        for (const message of result.messages)
          failures.push(`${path}:${message.line}:${message.column} ${message.ruleId} ${message.message}`);
    }
    expect(failures).toEqual([]);
  });

  it('keeps every mobile page, CSS inlined, under 50 KB', () => {
    for (const [path, html] of site)
      if (path.startsWith('mobile/')) expect(Buffer.byteLength(html), path).toBeLessThan(MOBILE_PAGE_LIMIT);
  });

  it('puts the key facts, the start button, tap-to-call links and the JSON-LD on the web page', () => {
    const page = site.get('web/guides/id-card-renewal.html')!;
    expect(page).toContain('<div><dt>办理时限</dt><dd>10个工作日</dd></div>');
    expect(page).toContain('<div><dt>到现场次数</dt><dd>最多1次</dd></div>');
    expect(page).toContain('<a class="start" href="https://example.gov.cn/qinghe/id-card-renewal">网上预约</a>');
    expect(page).toContain('电话：<a href="tel:0000-66230000">0000-66230000</a>');
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page)![1]!) as Record<
      string,
      unknown
    >;
    expect(jsonLd['@type']).toBe('GovernmentService');
    expect(jsonLd.url).toBe('https://guides.example.gov.cn/web/guides/id-card-renewal.html');
    expect(page).toContain('<a href="passport-application.html">首次申请普通护照</a>');
  });

  it('marks materials that need not be brought, and ticks boxes only on the handout', () => {
    expect(site.get('web/guides/id-card-renewal.html')).toContain(
      '<span class="badge">不用带：窗口在平台里直接查询，您不用带户口簿。</span>',
    );
    expect(site.get('web/guides/id-card-renewal.html')).not.toContain('☐');
    // 居民户口簿 is not brought: no box for it.
    expect(site.get('print/id-card-renewal.html')!.match(/☐/g)).toHaveLength(2);
  });
});

describe('headings of the mobile page', () => {
  it("are the folded sections' titles, with the body's headings one level below 「更多说明」", () => {
    const mobile = site.get('mobile/id-card-renewal.html')!;
    expect([...mobile.matchAll(/<h([1-6])>([^<]*)/g)].map((match) => `h${match[1]} ${match[2]}`)).toEqual([
      'h1 换领居民身份证',
      'h2 谁可以办',
      'h3 这些情况不能办',
      'h2 要带的材料',
      'h2 怎么办',
      'h2 多久办好，要多少钱',
      'h2 去哪里办',
      'h3 东湖区政务服务中心',
      'h3 青禾市公安局东湖分局湖滨派出所户籍室',
      'h2 更多说明',
      'h3 办理前请确认',
      'h3 拍照前的准备',
      'h3 办理小贴士',
      'h3 办不成的常见原因',
      'h2 常见问题',
      'h3 身份证已经过期了，还能换吗？',
      'h3 换证这段时间急用身份证怎么办？',
      'h3 户口不在青禾市，能在这里换吗？',
      'h2 相关事项',
      'h2 办理依据',
    ]);
    // A deeper heading of the body keeps its place under its parent; the web page keeps the levels written.
    const files = renderOne(renewalText.replace('## 拍照前的准备', '### 拍照前的准备'));
    expect(files.get('mobile/id-card-renewal.html')).toContain('<h4>拍照前的准备</h4>');
    expect(files.get('web/guides/id-card-renewal.html')).toContain('<h3>拍照前的准备</h3>');
  });
});

describe('search without jieba in the browser', () => {
  // Rendered without jieba (render never loads it): the index holds character pairs alone.
  const { search } = createSearch(async (path) => JSON.parse(site.get(`web/search/${path}`)!));
  const titles = async (query: string) => (await search(query)).results.map((result) => result.title);

  it('finds 换领居民身份证 first from 身份证 and from its everyday name 换身份证', async () => {
    expect((await titles('身份证'))[0]).toBe('换领居民身份证');
    expect((await titles('换身份证'))[0]).toBe('换领居民身份证');
  });

  it('is the same bytes whatever order the guides come in, and from documents sent as JSON', () => {
    const documents = examples.map((guide) => {
      const view = guideView(guide, { titles: new Map() });
      return searchDocument(view, `guides/${view.id}.html`);
    });
    const index = searchIndexFiles(documents);
    expect(searchIndexFiles([...documents].reverse())).toEqual(index);
    expect(searchIndexFiles(documents.map((document) => JSON.parse(JSON.stringify(document))))).toEqual(index);
    expect([...index.keys()]).toEqual([...index.keys()].sort());
  });

  it('finds nothing for characters that no guide holds, and says what a partial match lacks', async () => {
    expect(await search('火锅')).toEqual({ total: 0, results: [], words: ['火锅'], suggestions: expect.any(Array) });
    const partial = await search('钓鱼执照');
    expect(partial.results.map(({ title, missing }) => ({ title, missing }))).toEqual(
      [
        '个体工商户设立登记',
        '有限责任公司设立登记',
        '企业开办一件事',
        '公章刻制备案',
        '新办企业首次申领发票',
        '单位社会保险参保登记',
        '单位住房公积金缴存登记',
      ].map((title) => ({ title, missing: ['钓鱼'] })),
    );
  });
});

describe('guide text is untrusted', () => {
  it('drops raw HTML, javascript: and data: links from the body, and escapes every field', () => {
    const hostile = renewalText
      .replace('title: 换领居民身份证', 'title: "换领<script>alert(1)</script>身份证"')
      .replace(
        '## 办理前请确认',
        '## 办理前请确认\n\n<iframe src="https://evil.example"></iframe>\n\n[点我](javascript:alert(1)) [图](data:text/html;base64,PHNjcmlwdD4=) <img src=x onerror=alert(1)>',
      );
    const pages = renderOne(hostile);
    for (const [path, html] of pages) {
      if (!path.endsWith('.html')) continue;
      expect(html, path).not.toContain('<script>alert');
      expect(html, path).not.toContain('<iframe');
      expect(html, path).not.toMatch(/href="(javascript|data):/);
      expect(html, path).not.toContain('onerror');
    }
    expect(pages.get('web/guides/id-card-renewal.html')).toContain(
      '<h1>换领&lt;script&gt;alert(1)&lt;/script&gt;身份证</h1>',
    );
  });

  it('cannot close the JSON-LD script element from a field', () => {
    const page = renderOne(
      renewalText.replace(
        'department: 青禾市公安局东湖分局户政科',
        'department: "户政科</script><script>alert(1)</script>"',
      ),
    ).get('web/guides/id-card-renewal.html')!;
    // the text-size script's and the JSON-LD's own
    expect(page.match(/<\/script>/g)).toHaveLength(2);
    expect(page).toContain('户政科\\u003c/script>\\u003cscript>alert(1)\\u003c/script>');
  });

  it('links a related guide only by an id the schema allows, whatever the lint settings', () => {
    // The link starts with the id ({{id}}.html): a guide id `javascript:…//`, built with
    // schema/format turned off, would make every page that relates to it run the script.
    const hostileId = 'javascript:alert(document.domain)//';
    const guide = parseGuide(
      new SourceFile(
        'guide.md',
        renewalText.replace('related: [passport-application,', `related: ["${hostileId}", passport-application,`),
      ),
    );
    const view = guideView(guide, {
      titles: new Map([
        [hostileId, '首次申请普通护照'],
        ['passport-application', '首次申请普通护照'],
      ]),
    });
    expect(view.related).toEqual([{ id: 'passport-application', title: '首次申请普通护照' }]);
  });

  it('never links an online URL that is not http(s)', () => {
    const page = renderOne(
      renewalText.replace('url: "https://example.gov.cn/qinghe/id-card-renewal"', 'url: "javascript:alert(1)"'),
    ).get('web/guides/id-card-renewal.html')!;
    expect(page).not.toContain('javascript:');
    expect(page).not.toContain('class="start"');
  });
});

describe('fields on the page', () => {
  it('every field a guide writes and FIELD_ON_PAGE places on the page reaches the view', () => {
    const view = guideView(parseGuide(new SourceFile('guide.md', renewalText)), {
      titles: new Map([['passport-application', '首次申请普通护照']]),
    });
    const written = Object.keys(readGuideModel(parseGuide(new SourceFile('guide.md', renewalText))).fields);
    const shown = Object.entries(FIELD_ON_PAGE).filter(([field, part]) => part !== null && written.includes(field));
    expect(shown.length).toBeGreaterThan(20);
    for (const [field, part] of shown) {
      const value = view[part as keyof typeof view];
      expect([field, Array.isArray(value) ? value.length > 0 : Boolean(value)]).toEqual([field, true]);
    }
  });
});

describe('fields real pages have (issue 14)', () => {
  const text = renewalText
    .replace(
      '  - title: 交工本费\n    how: 现场交20元工本费，可以用微信、支付宝或银行卡。\n    where: 办理窗口\n',
      '  - 现场交20元工本费，可以用微信、支付宝或银行卡。\n',
    )
    .replace(
      '  promised: { days: 10, unit: 工作日, note: 从窗口受理的第二天算起。 }\n',
      '  promised: { months: 1 }\n  acceptance: { days: 0, unit: 工作日 }\n',
    )
    .replace(
      'visits: 1\n',
      'visits: 1\nappointment: { url: "https://example.gov.cn/booking", phone: "0000-12345678" }\nexpress: true\nquantity_limit: 每人每次只能换领一张。\n',
    );
  const files = renderOne(text);
  const web = files.get('web/guides/id-card-renewal.html')!;
  const mobile = files.get('mobile/id-card-renewal.html')!;

  it('shows a step written as one sentence, months, acceptance, booking, express and a quantity limit', () => {
    expect(web).toContain('<li><p>现场交20元工本费，可以用微信、支付宝或银行卡。</p></li>');
    expect(web).toContain('<li>受理时限：当场受理</li><li>承诺时限：1个月</li>');
    expect(web).toContain(
      '<p class="appointment">可以预约办理：<a href="https://example.gov.cn/booking">网上预约</a>，预约电话 <a href="tel:0000-12345678">0000-12345678</a>。</p>',
    );
    expect(web).toContain('<p>办理结果可以快递寄给您。</p>');
    expect(web).toContain('<p>数量限制：每人每次只能换领一张。</p>');
    expect(web).toContain('"processingTime":"P1M"');
    // The mobile page shows the same sections, folded.
    expect(mobile).toContain('<li><p>现场交20元工本费，可以用微信、支付宝或银行卡。</p></li>');
    expect(mobile).toContain(
      '<p class="appointment">可以预约办理：<a href="https://example.gov.cn/booking">网上预约</a>，预约电话 <a href="tel:0000-12345678">0000-12345678</a>。</p>',
    );
    expect(mobile).toContain('<p>数量限制：每人每次只能换领一张。</p>');
  });

  it('shows the change note next to the review date on every channel', () => {
    const noted = renderOne(
      renewalText.replace('reviewed: 2026-10-01\n', 'reviewed: 2026-10-01\nchange_note: 工本费改为20元。\n'),
    );
    const reviewed =
      '最后核验：<time datetime="2026-10-01">2026-10-01</time><span class="change-note">本次修改：工本费改为20元。</span>';
    for (const path of ['web/guides/id-card-renewal.html', 'mobile/id-card-renewal.html', 'print/id-card-renewal.html'])
      expect([path, noted.get(path)!.includes(reviewed)]).toEqual([path, true]);
    expect(web).not.toContain('本次修改');
  });

  it('passes html-validate with the new fields', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: { 'tel-non-breaking': 'off' },
    });
    const report = await validator.validateString(web, 'web.html');
    expect(report.results.flatMap((result) => result.messages.map((message) => message.message))).toEqual([]);
  });
});

describe('tel: links', () => {
  it('keep digits, and turn an extension into a pause', () => {
    expect(telUrl('0000-66230000')).toBe('tel:0000-66230000');
    expect(telUrl('12345')).toBe('tel:12345');
    expect(telUrl('0571-88888888转8001')).toBe('tel:0571-88888888,8001');
  });
});
