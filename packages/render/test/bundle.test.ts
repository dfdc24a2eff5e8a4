import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseGuide, SourceFile } from '@baihua/core';
import {
  bodyTree,
  bundleGuide,
  bundleManifest,
  calendarDaysMax,
  fees,
  guideView,
  isoDate,
  phoneNumber,
  renderSite,
  RICH_TEXT_TAGS,
  richTextBody,
  sitemapFiles,
  timeLimit,
  type ManifestEntry,
  type RichTextNode,
} from '@baihua/render';
import { describe, expect, it } from 'vitest';

const renewalText = readFileSync(
  fileURLToPath(new URL('../../../guides/户籍/id-card-renewal.md', import.meta.url)),
  'utf8',
);
/** The example guide with another body. */
const withBody = (body: string) => `${renewalText.slice(0, renewalText.indexOf('\n---\n') + 5)}\n${body}`;
const bodyOf = (markdown: string) =>
  richTextBody(bodyTree(parseGuide(new SourceFile('g.md', withBody(markdown))).body!.tree));

describe('phone numbers in one form', () => {
  it('writes the area code with a hyphen, half-width digits and the extension after 转', () => {
    const extension = {
      text: '0571-88888888转123',
      number: '0571-88888888',
      extension: '123',
      tel: 'tel:0571-88888888,123',
    };
    expect(phoneNumber('（0571）88888888转123')).toEqual(extension);
    expect(phoneNumber('0571-88888888,123')).toEqual(extension);
    expect(phoneNumber('０５７１ 8888 8888 分机 123')).toEqual(extension);
    expect(phoneNumber('0000-66230110')).toEqual({
      text: '0000-66230110',
      number: '0000-66230110',
      tel: 'tel:0000-66230110',
    });
    expect(phoneNumber('12345')).toEqual({ text: '12345', number: '12345', tel: 'tel:12345' });
    expect(phoneNumber('400-123-4567')).toEqual({
      text: '400-123-4567',
      number: '400-123-4567',
      tel: 'tel:400-123-4567',
    });
  });
});

describe('time limits', () => {
  it('bounds working days in calendar days: ceil(n/5)·7 + 8 + ceil(13n/250)', () => {
    expect(calendarDaysMax({ days: 0, unit: '工作日' })).toBe(0);
    expect(calendarDaysMax({ days: 1, unit: '工作日' })).toBe(7 + 8 + 1);
    expect(calendarDaysMax({ days: 10, unit: '工作日' })).toBe(14 + 8 + 1);
    expect(calendarDaysMax({ days: 20, unit: '工作日' })).toBe(28 + 8 + 2);
    expect(calendarDaysMax({ days: 250, unit: '工作日' })).toBe(350 + 8 + 13);
    expect(calendarDaysMax({ days: 60, unit: '自然日' })).toBe(60);
    expect(calendarDaysMax({ months: 2 })).toBe(62);
  });

  it('is never shorter than 10 working days across the 2026 Spring Festival or the 2025 National Day', () => {
    // Accepted on Friday 13 February 2026, counted from the next day, a working Saturday: the 10th
    // working day is 5 March (15–23 February off, 28 February worked), 20 days on.
    expect(calendarDaysMax({ days: 10, unit: '工作日' })).toBeGreaterThanOrEqual(20);
    // Counted from 1 October 2025 (1–8 October off, 11 October worked): the 10th is 21 October.
    expect(calendarDaysMax({ days: 10, unit: '工作日' })).toBeGreaterThanOrEqual(21);
  });

  it('keeps the value and unit as written, with the text a citizen reads and the note', () => {
    expect(timeLimit({ days: 10, unit: '工作日', note: '从窗口受理的第二天算起。' })).toEqual({
      value: 10,
      unit: '工作日',
      days: 10,
      calendarDaysMax: 23,
      text: '10个工作日',
      note: '从窗口受理的第二天算起。',
    });
    expect(timeLimit({ days: 0, unit: '工作日' })).toEqual({
      value: 0,
      unit: '工作日',
      days: 0,
      calendarDaysMax: 0,
      text: '当场办结',
    });
    expect(timeLimit({ months: 1 })).toEqual({ value: 1, unit: '月', days: null, calendarDaysMax: 31, text: '1个月' });
    expect(timeLimit({ days: 3 })).toBeUndefined();
  });
});

describe('fees, dates', () => {
  it('gives fees one shape, amounts as numbers in CNY', () => {
    expect(fees({ free: true, note: '登记不收费。' })).toEqual({
      free: true,
      currency: 'CNY',
      items: [],
      note: '登记不收费。',
    });
    expect(fees([{ item: '工本费', amount: 20, unit: '每证' }, { item: '照片费' }])).toEqual({
      free: false,
      currency: 'CNY',
      items: [
        { item: '工本费', amount: 20, unit: '每证' },
        { item: '照片费', amount: null },
      ],
    });
    expect(
      fees({ free: false, items: [{ item: '不动产登记费', amount: 80 }], not_included: '契税，由税务窗口另外收取。' }),
    ).toEqual({
      free: false,
      currency: 'CNY',
      items: [{ item: '不动产登记费', amount: 80 }],
      not_included: '契税，由税务窗口另外收取。',
    });
  });

  it('writes dates as ISO 8601 and refuses days that do not exist', () => {
    expect(isoDate('2026-10-01')).toBe('2026-10-01');
    expect(isoDate('2026-1-5')).toBe('2026-01-05');
    expect(isoDate('2026年1月5日')).toBe('2026-01-05');
    expect(isoDate('2026/01/05')).toBe('2026-01-05');
    expect(isoDate('2026-02-30')).toBeNull();
    expect(isoDate('明年')).toBeNull();
  });
});

/** Every element name in nodes, depth first. */
function names(nodes: RichTextNode[]): string[] {
  return nodes.flatMap((node) => ('type' in node ? [] : [node.name, ...names(node.children ?? [])]));
}

describe('the body as rich-text nodes and plain text', () => {
  it('turns a table into one list item a row, one line 表头：内容 a cell', () => {
    const body = bodyOf('| 办理点 | 电话 |\n| --- | --- |\n| 东湖区政务服务中心 | 0000-66230000 |\n| 湖滨派出所 | |\n');
    expect(body.nodes).toEqual([
      {
        name: 'ul',
        children: [
          {
            name: 'li',
            children: [
              { type: 'text', text: '办理点：' },
              { type: 'text', text: '东湖区政务服务中心' },
              { name: 'br' },
              { type: 'text', text: '电话：' },
              { type: 'text', text: '0000-66230000' },
            ],
          },
          {
            name: 'li',
            children: [
              { type: 'text', text: '办理点：' },
              { type: 'text', text: '湖滨派出所' },
            ],
          },
        ],
      },
    ]);
    expect(body.text).toBe('- 办理点：东湖区政务服务中心\n  电话：0000-66230000\n- 办理点：湖滨派出所');
  });

  it('writes a link’s address after its text, and keeps only tags both mini-programs render', () => {
    const body = bodyOf(
      [
        '## 预约',
        '',
        '可以[网上预约](https://example.gov.cn/yuyue)，',
        '也可以打 <tel:12345> 或写信到 <mailto:a@example.gov.cn>。',
        '',
        '3. 第三步',
        '4. 第四步',
        '   - 带上 **原件** 和 ~~复印件~~',
        '',
        '> 注意：A&B <不要> 混用',
        '',
        '```',
        '第一行',
        '  第二行',
        '```',
      ].join('\n'),
    );
    expect(body.nodes).toEqual([
      { name: 'h2', children: [{ type: 'text', text: '预约' }] },
      {
        name: 'p',
        children: [
          { type: 'text', text: '可以' },
          {
            name: 'span',
            children: [
              { type: 'text', text: '网上预约' },
              { type: 'text', text: '（https://example.gov.cn/yuyue）' },
            ],
          },
          { type: 'text', text: '，也可以打 ' },
          { name: 'span', children: [{ type: 'text', text: 'tel:12345' }] },
          { type: 'text', text: ' 或写信到 ' },
          { name: 'span', children: [{ type: 'text', text: 'mailto:a@example.gov.cn' }] },
          { type: 'text', text: '。' },
        ],
      },
      {
        name: 'ol',
        attrs: { start: '3' },
        children: [
          { name: 'li', children: [{ type: 'text', text: '第三步' }] },
          {
            name: 'li',
            children: [
              { type: 'text', text: '第四步' },
              {
                name: 'ul',
                children: [
                  {
                    name: 'li',
                    children: [
                      { type: 'text', text: '带上 ' },
                      { name: 'strong', children: [{ type: 'text', text: '原件' }] },
                      { type: 'text', text: ' 和 ' },
                      { name: 'del', children: [{ type: 'text', text: '复印件' }] },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        name: 'blockquote',
        children: [{ name: 'p', children: [{ type: 'text', text: '注意：A&amp;B &lt;不要&gt; 混用' }] }],
      },
      {
        name: 'div',
        attrs: { style: 'white-space: pre-wrap;' },
        children: [{ name: 'code', children: [{ type: 'text', text: '第一行\n  第二行\n' }] }],
      },
    ]);
    expect(body.text).toBe(
      [
        '预约',
        '',
        '可以网上预约（https://example.gov.cn/yuyue），也可以打 tel:12345 或写信到 mailto:a@example.gov.cn。',
        '',
        '3. 第三步\n4. 第四步\n   - 带上 原件 和 复印件',
        '',
        '注意：A&B <不要> 混用',
        '',
        '第一行\n  第二行',
      ].join('\n'),
    );
    expect(names(body.nodes).filter((name) => !(RICH_TEXT_TAGS as readonly string[]).includes(name))).toEqual([]);
  });
  it('carries nothing the page’s sanitizer removed: no script, image, handler or javascript: link', () => {
    const body = bodyOf(
      [
        '<script>alert(1)</script>',
        '',
        '点<a href="javascript:alert(1)" onclick="alert(2)">这里</a>，![图](https://evil.example/x.png)',
        '[链接](javascript:alert(3)) <img src=x onerror=alert(4)>',
      ].join('\n'),
    );
    const json = JSON.stringify(body.nodes);
    expect(json).not.toMatch(/javascript|alert\(|onerror|onclick|evil/);
    expect(names(body.nodes).filter((name) => !(RICH_TEXT_TAGS as readonly string[]).includes(name))).toEqual([]);
    expect(body.text).toBe('点这里，链接');
  });
});

describe('a guide’s bundle file and the manifest', () => {
  const guide = parseGuide(new SourceFile('id-card-renewal.md', renewalText));
  const view = () => guideView(guide, { titles: new Map([['passport-application', '首次申请普通护照']]) });

  it('gives the same bytes for the same guide, and its entry for the manifest', () => {
    const options = { targets: ['web', 'bundle'] as const, siteUrl: 'https://guides.example.gov.cn/' };
    const first = bundleGuide(guide, view(), { ...options, readability: { score: 88, band: '易读' } });
    expect(bundleGuide(guide, view(), { ...options, readability: { score: 88, band: '易读' } })).toEqual(first);
    expect(first.path).toBe('bundle/guides/id-card-renewal.json');
    expect(first.entry).toEqual({
      id: 'id-card-renewal',
      codes: { basic: '000104101000' },
      title: '换领居民身份证',
      department: '青禾市公安局东湖分局户政科',
      category: '户籍与身份',
      path: 'guides/id-card-renewal.json',
      contentHash: first.entry.contentHash,
      reviewed: '2026-10-01',
      readability: { score: 88, band: '易读' },
    });
    expect(first.entry.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    const file = JSON.parse(first.content) as Record<string, unknown>;
    expect(file.links).toEqual({
      web: {
        path: 'web/guides/id-card-renewal.html',
        url: 'https://guides.example.gov.cn/web/guides/id-card-renewal.html',
      },
    });
    expect(file.related).toEqual([
      { id: 'passport-application', title: '首次申请普通护照', path: 'guides/passport-application.json' },
    ]);
    expect(file.appointment).toBeUndefined();
  });

  it('changes the content hash with the guide, and has no readability when lint gave none', () => {
    const edited = parseGuide(new SourceFile('id-card-renewal.md', renewalText.replace('约5分钟', '约6分钟')));
    const before = bundleGuide(guide, view(), { targets: ['bundle'] });
    const after = bundleGuide(edited, guideView(edited, { titles: new Map() }), { targets: ['bundle'] });
    expect(after.entry.contentHash).not.toBe(before.entry.contentHash);
    expect(before.entry.readability).toBeNull();
    expect(JSON.parse(before.content).links).toEqual({});
  });

  it('normalises booking, x- fields and a month-long special procedure', () => {
    const text = renewalText
      .replace(
        'owner:',
        'appointment: { phone: "（0000）66230110转8", note: 提前一天预约。 }\nx-portal-code: ZJ-0001\nowner:',
      )
      .replace(
        'handling:',
        'special_procedures:\n  - { name: 公示, duration: { months: 1 }, counts_toward_limit: false }\nhandling:',
      );
    const other = parseGuide(new SourceFile('id-card-renewal.md', text));
    const file = JSON.parse(bundleGuide(other, guideView(other, { titles: new Map() }), { targets: [] }).content);
    expect(file.appointment).toEqual({
      available: true,
      phone: { text: '0000-66230110转8', number: '0000-66230110', extension: '8', tel: 'tel:0000-66230110,8' },
      note: '提前一天预约。',
    });
    expect(file.extensions).toEqual({ 'x-portal-code': 'ZJ-0001' });
    expect(file.special_procedures).toEqual([
      {
        name: '公示',
        duration: { value: 1, unit: '月', days: null, calendarDaysMax: 31, text: '1个月' },
        counts_toward_limit: false,
      },
    ]);
  });

  it('carries the platform’s 业务办理项编码 and a material’s 纸张规格, which the page tells the citizen', () => {
    const text = renewalText
      .replace(
        'basic: "000104101000"',
        'basic: "000104101000"\n  implementation: "11331002MB1913876N3000104101000"\n  item: "11331002MB1913876N3000104101000001"',
      )
      .replace(
        '    copies: 1\n    source: 政府部门核发\n    issuer: 签发旧证的公安局',
        '    copies: 1\n    paper: A4\n    source: 政府部门核发\n    issuer: 签发旧证的公安局',
      );
    const platform = parseGuide(new SourceFile('id-card-renewal.md', text));
    const platformView = guideView(platform, { titles: new Map() });
    const file = JSON.parse(bundleGuide(platform, platformView, { targets: [] }).content);
    expect(file.codes).toEqual({
      basic: '000104101000',
      implementation: '11331002MB1913876N3000104101000',
      item: '11331002MB1913876N3000104101000001',
    });
    expect(file.materials[0]).toMatchObject({ name: '原居民身份证', copies: 1, paper: 'A4' });
    expect(platformView.materials[0]!.details).toEqual([
      '用A4纸。',
      '领新证时交回旧证。旧证丢了也能办，窗口会按补领办理，费用一样。',
    ]);
  });

  it('sorts the manifest by id, with no commit when the guides are in no repository', () => {
    const entry = (id: string): ManifestEntry => ({
      id,
      codes: {},
      title: id,
      department: '青禾市民政局',
      category: null,
      path: `guides/${id}.json`,
      contentHash: `sha256:${'0'.repeat(64)}`,
      reviewed: null,
      readability: null,
    });
    const manifest = JSON.parse(bundleManifest([entry('b'), entry('a-2'), entry('a')], { toolVersion: '0.1.0' }));
    expect(Object.keys(manifest)).toEqual(['schemaVersion', 'toolVersion', 'guides', 'journeys']);
    expect(manifest.guides.map((guide: ManifestEntry) => guide.id)).toEqual(['a', 'a-2', 'b']);
    const committed = JSON.parse(bundleManifest([], { toolVersion: '0.1.0', sourceCommit: 'a'.repeat(40) }));
    expect(Object.keys(committed)).toEqual(['schemaVersion', 'toolVersion', 'sourceCommit', 'guides', 'journeys']);
  });

  it('needs the tool version to write the bundle', () => {
    expect(() => renderSite([guide], { targets: ['bundle'] })).toThrow('SiteOptions.bundle');
    const site = renderSite([guide], { targets: ['bundle'], bundle: { toolVersion: '9.9.9' } });
    // (and the search index, which the bundle ships for portals)
    const data = [...site.files.keys()].filter((path) => !path.startsWith('bundle/search/'));
    expect(data.sort()).toEqual(['bundle/guides/id-card-renewal.json', 'bundle/manifest.json']);
  });
});

describe('the sitemap', () => {
  it('lists the index and every guide’s page by address, dated by the review', () => {
    const files = sitemapFiles(
      [
        { id: 'passport-application', reviewed: '2026-3-9' },
        { id: 'id-card-renewal', reviewed: '2026-10-01' },
        { id: 'marriage-registration', reviewed: null },
      ],
      'https://guides.example.gov.cn/',
    );
    expect([...files.keys()]).toEqual(['web/sitemap.xml']);
    expect(files.get('web/sitemap.xml')).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        '  <url><loc>https://guides.example.gov.cn/web/guides/id-card-renewal.html</loc><lastmod>2026-10-01</lastmod></url>',
        '  <url><loc>https://guides.example.gov.cn/web/guides/marriage-registration.html</loc></url>',
        '  <url><loc>https://guides.example.gov.cn/web/guides/passport-application.html</loc><lastmod>2026-03-09</lastmod></url>',
        '  <url><loc>https://guides.example.gov.cn/web/index.html</loc></url>',
        '</urlset>',
        '',
      ].join('\n'),
    );
  });

  it('becomes an index of files of 50,000 pages each above 50,000 pages', () => {
    const pages = Array.from({ length: 50_000 }, (_, index) => ({ id: `g${index}`, reviewed: '2026-01-01' }));
    const files = sitemapFiles(pages, 'https://guides.example.gov.cn');
    expect([...files.keys()]).toEqual(['web/sitemaps/1.xml', 'web/sitemaps/2.xml', 'web/sitemap.xml']);
    expect(files.get('web/sitemap.xml')).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        '  <sitemap><loc>https://guides.example.gov.cn/web/sitemaps/1.xml</loc></sitemap>',
        '  <sitemap><loc>https://guides.example.gov.cn/web/sitemaps/2.xml</loc></sitemap>',
        '</sitemapindex>',
        '',
      ].join('\n'),
    );
    expect(files.get('web/sitemaps/2.xml')).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        '  <url><loc>https://guides.example.gov.cn/web/index.html</loc></url>',
        '</urlset>',
        '',
      ].join('\n'),
    );
  });
});
