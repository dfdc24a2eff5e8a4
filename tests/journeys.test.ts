import { cpSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { FileAccessError, isJourneyPath, parseGuide, readGuideFile, SourceFile } from '@baihua/core';
import {
  createSearch,
  DEFAULT_TEMPLATES,
  journeyFacts,
  journeyServices,
  journeyView,
  PAGE_TARGETS,
  renderSite,
  type Site,
} from '@baihua/render';
import type { Element, Nodes } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { beforeAll, describe, expect, it } from 'vitest';
import { JOURNEY_CATALOG, scratch } from './helpers.js';

/** 一件事 pages, from the small catalog built for them (JOURNEY_CATALOG). */
const JOURNEY = join(JOURNEY_CATALOG, 'journeys/newborn-test.md');

const parse = (html: string): Nodes => unified().use(rehypeParse).parse(html);

function textOf(node: Nodes): string {
  const parts: string[] = [];
  const walk = (each: Nodes): void => {
    if (each.type === 'text') parts.push(each.value);
    if (each.type === 'element' && ['script', 'style', 'head', 'template'].includes(each.tagName)) return;
    if ('children' in each) for (const child of each.children) walk(child);
  };
  walk(node);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

function elements(node: Nodes, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  const walk = (each: Nodes): void => {
    if (each.type === 'element' && test(each)) found.push(each);
    if ('children' in each) for (const child of each.children) walk(child);
  };
  walk(node);
  return found;
}

const hasClass = (element: Element, name: string) =>
  Array.isArray(element.properties.className) && element.properties.className.includes(name);
const byClassIn = (node: Nodes, tag: string, name: string) =>
  elements(node, (element) => element.tagName === tag && hasClass(element, name));
const byClass = (html: string, tag: string, name: string) => byClassIn(parse(html), tag, name);
const links = (html: string) =>
  elements(parse(html), (element) => element.tagName === 'a').map((a) => [textOf(a), String(a.properties.href)]);

const parsedCatalog = () =>
  [
    ...readdirSync(JOURNEY_CATALOG)
      .filter((name) => name.endsWith('.md'))
      .map((name) => join(JOURNEY_CATALOG, name)),
    JOURNEY,
  ].map((path) => parseGuide(readGuideFile(path).file));

const JOURNEY_PAGES = {
  web: 'web/journeys/newborn-test.html',
  mobile: 'mobile/journeys/newborn-test.html',
  print: 'print/journeys/newborn-test.html',
};

let site: Site;
const file = (path: string) => {
  const content = site.files.get(path);
  if (content === undefined) throw new Error(`no ${path}`);
  return content;
};

beforeAll(() => {
  site = renderSite(parsedCatalog(), {
    targets: ['web', 'mobile', 'print', 'bundle'],
    bundle: { toolVersion: '0.1.0' },
    siteUrl: 'https://banshi.qinghe.example.gov.cn',
  });
});

describe('a journey page', () => {
  /** Each material of the checklist: its box (print), name, mark, and the uses listed under it. */
  const checklist = (html: string) =>
    byClass(html, 'ul', 'journey-checklist').flatMap((list) =>
      list.children
        .flatMap((child) => (child.type === 'element' && child.tagName === 'li' ? [child] : []))
        .map((item) => {
          const box = byClassIn(item, 'span', 'box').map(textOf).join('');
          const name = elements(item, (element) => element.tagName === 'strong')
            .map(textOf)
            .join('');
          const mark = byClassIn(item, 'span', 'badge').map(textOf).join('');
          const uses = byClassIn(item, 'ul', 'uses').flatMap((uses) =>
            elements(uses, (element) => element.tagName === 'li').map(textOf),
          );
          return [box, name, mark, uses];
        }),
    );

  it.each(PAGE_TARGETS)('%s: one checklist, each material once with the steps that use it', (target) => {
    // The handout gives a box to tick only to what the citizen brings.
    const box = target === 'print' ? '☐' : '';
    expect(checklist(file(JOURNEY_PAGES[target]))).toEqual([
      [
        box,
        '父母的居民身份证',
        '',
        [
          '第1步「出生医学证明签发」：原件 · 1份 · 必须提交',
          '第2步「出生登记」：原件 · 1份 · 必须提交',
          '第2步「新生儿参加城乡居民医保」：原件 · 1份 · 必须提交',
          '第3步「在银行网点申领社保卡」：原件 · 1份 · 必须提交',
        ],
      ],
      [
        box,
        '结婚证',
        '',
        [
          '第1步「出生医学证明签发」：原件 · 1份 · 父母已经登记结婚时需要',
          '第2步「出生登记」：原件、复印件 · 1份 · 父母已经登记结婚时需要',
          '第4步「申领生育津贴」：复印件 · 1份 · 必须提交',
        ],
      ],
      [
        '',
        '《出生医学证明》',
        '不用带：前一步会发给您（第1步「出生医学证明签发」办好后发的出生医学证明）',
        ['第2步「出生登记」：电子', '第2步「新生儿参加城乡居民医保」：电子', '第4步「申领生育津贴」：电子'],
      ],
      [
        box,
        '居民户口簿',
        '',
        [
          '第2步「出生登记」：原件 · 1份 · 必须提交',
          '第3步「在银行网点申领社保卡」：第2步「出生登记」会发给您，请带上 · 原件 · 1份',
          '第3步「网上申领电子社保卡」：不用带，第2步「出生登记」会发给您',
        ],
      ],
      // Handed over, and the bank asks for the paper: the citizen brings what they were given.
      [
        box,
        '参保凭证',
        '第2步「新生儿参加城乡居民医保」会发给您，请带上',
        ['第3步「在银行网点申领社保卡」：原件 · 1份'],
      ],
    ]);
  });

  it.each(PAGE_TARGETS)('%s: the totals are maxima, saying what they count', (target) => {
    const totals = byClass(file(JOURNEY_PAGES[target]), 'dl', 'journey-totals').flatMap((list) =>
      elements(list, (element) => element.tagName === 'dd').map((dd) => [
        textOf(dd.children[0] as Nodes),
        ...byClassIn(dd, 'span', 'note').map(textOf),
      ]),
    );
    expect(totals).toEqual([
      [
        '最多跑4次',
        '第2步的「出生登记」和「新生儿参加城乡居民医保」在同一个窗口办（东湖区政务服务中心 2楼出生一件事窗口），算1次',
      ],
      [
        '最长约44天',
        '按日历上的天数算，工作日按每5个工作日算7天；同时办的步骤按最长的一项算',
        '算上了可选的第4步；不用办的话会少一些',
      ],
      ['一共最多380元'],
    ]);
  });

  it.each(PAGE_TARGETS)('%s: numbered steps, parallel ones sharing a number, choices joined by 或', (target) => {
    const steps = byClass(file(JOURNEY_PAGES[target]), 'ol', 'journey-steps').flatMap((list) =>
      list.children.flatMap((child) => (child.type === 'element' ? [textOf(child)] : [])),
    );
    expect(steps).toEqual([
      '第1步领出生医学证明 出生医学证明签发',
      '第2步给宝宝报户口 出生登记',
      '第2步给宝宝办医保 可以和上一步同时办 新生儿参加城乡居民医保 和报户口在同一个窗口，一次交齐材料。',
      '第3步领社保卡 任选一项办： 在银行网点申领社保卡或网上申领电子社保卡',
      '第4步领生育津贴 可选：妈妈参加了职工生育保险时办 申领生育津贴',
    ]);
  });

  it('links each service to its guide page on the web and on mobile, and names it on paper', () => {
    const services = (html: string) =>
      byClass(html, 'ul', 'journey-services').flatMap((list) =>
        elements(list, (element) => element.tagName === 'a').map((a) => String(a.properties.href)),
      );
    expect(services(file(JOURNEY_PAGES.web))).toEqual([
      '../guides/birth-medical-certificate.html',
      '../guides/newborn-hukou.html',
      '../guides/newborn-medical-insurance.html',
      '../guides/social-security-card-bank.html',
      '../guides/social-security-card-online.html',
      '../guides/maternity-allowance.html',
    ]);
    expect(services(file(JOURNEY_PAGES.mobile))[0]).toBe('../birth-medical-certificate.html');
    for (const href of services(file(JOURNEY_PAGES.mobile)))
      expect(site.files.has(`mobile/${href.slice(3)}`)).toBe(true);
    expect(services(file(JOURNEY_PAGES.print))).toEqual([]);
  });

  it('has the site around it: breadcrumbs to the index and its 一件事 section, the body sanitized', () => {
    const web = file(JOURNEY_PAGES.web);
    const crumbs = (html: string) =>
      byClass(html, 'nav', 'breadcrumbs').flatMap((nav) =>
        elements(nav, (element) => element.tagName === 'li').map(textOf),
      );
    expect(crumbs(web)).toEqual(['首页', '一件事', '新生儿出生一件事']);
    expect(links(web).slice(0, 3)).toEqual([
      ['办事指南', '../index.html'],
      ['标准版', '?large=0'],
      ['大字版', '?large=1'],
    ]);
    expect(web).toContain('<a href="../index.html#journeys">一件事</a>');
    expect(web).toContain('<section class="body"><h2>办之前</h2>');
    expect(crumbs(file(JOURNEY_PAGES.mobile))).toEqual(['首页', '一件事', '新生儿出生一件事']);
    expect(file(JOURNEY_PAGES.mobile)).toContain('<a href="../../web/index.html#journeys">一件事</a>');
  });

  it.each(PAGE_TARGETS)('%s shows every fact of the journey', (target) => {
    const services = journeyServices(parsedCatalog());
    const { view } = journeyView(parseGuide(readGuideFile(JOURNEY).file), services);
    const text = textOf(parse(file(JOURNEY_PAGES[target])));
    expect(journeyFacts(view).filter((fact) => !text.includes(fact.text))).toEqual([]);
  });

  it('prints as a handout of its own', () => {
    expect(site.handouts.filter((handout) => handout.id.startsWith('journeys/'))).toEqual([
      { id: 'journeys/newborn-test', title: '新生儿出生一件事', date: '2026-11-02' },
    ]);
    expect(file(JOURNEY_PAGES.print)).toContain(
      '网上查看：https://banshi.qinghe.example.gov.cn/web/journeys/newborn-test.html',
    );
  });
});

describe('totals a guide cannot support', () => {
  const totalsOf = (html: string) =>
    byClass(html, 'dl', 'journey-totals').flatMap((list) =>
      elements(list, (element) => element.tagName === 'div').map(textOf),
    );

  it('says 说不准 and names the guide that does not say, rather than a total too small', () => {
    const files = parsedCatalog().map((file) =>
      file.file.path.endsWith('newborn-medical-insurance.md')
        ? parseGuide(
            new SourceFile(
              file.file.path,
              file.file.text.replace('  promised: { days: 10, unit: 工作日 }\n', '').replace('    amount: 380\n', ''),
            ),
          )
        : file,
    );
    const html = renderSite(files, { targets: ['web'] }).files.get(JOURNEY_PAGES.web)!;
    expect(totalsOf(html)).toEqual([
      '跑几次最多跑4次第2步的「出生登记」和「新生儿参加城乡居民医保」在同一个窗口办（东湖区政务服务中心 2楼出生一件事窗口），算1次',
      '最长多久说不准「新生儿参加城乡居民医保」的指南没有写承诺时限',
      '一共多少钱说不准「新生儿参加城乡居民医保」的指南没有写收费金额',
    ]);
  });

  it('names a service the catalog has no guide for (the editor previews a journey lint refuses)', () => {
    const files = parsedCatalog().filter((file) => !file.file.path.endsWith('maternity-allowance.md'));
    const html = renderSite(files, { targets: ['web'] }).files.get(JOURNEY_PAGES.web)!;
    expect(totalsOf(html)).toEqual([
      '跑几次说不准「maternity-allowance」还没有指南',
      '最长多久说不准「maternity-allowance」还没有指南',
      '一共多少钱说不准「maternity-allowance」还没有指南',
    ]);
    expect(html).toContain('<li>maternity-allowance（这项服务的指南还没有发布）</li>');
  });
});

describe('a journey written to attack the page', () => {
  it('shows its words as text and its body sanitized, on every channel', () => {
    const hostile = parsedCatalog().map((file) =>
      isJourneyPath(file.file.path)
        ? parseGuide(
            new SourceFile(
              file.file.path,
              file.file.text
                .replace('title: 领社保卡', 'title: "<script>alert(1)</script>领社保卡"')
                .replace('note: 和报户口', 'note: <img src=x onerror=alert(1)>和报户口')
                .replace('宝宝出生后1个月内报户口。', '[点这里](javascript:alert(1))<script>alert(2)</script>'),
            ),
          )
        : file,
    );
    const site = renderSite(hostile, {
      targets: ['web', 'mobile', 'print', 'bundle'],
      bundle: { toolVersion: '0.1.0' },
    });
    for (const path of Object.values(JOURNEY_PAGES)) {
      const html = site.files.get(path)!;
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;领社保卡');
      expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;和报户口');
      expect(html).not.toMatch(/<script>alert|<img|javascript:/);
    }
  });
});

describe('a portal’s templates copied before journeys existed', () => {
  it('say which file to copy', () => {
    const portal = join(scratch(), 'portal');
    cpSync(DEFAULT_TEMPLATES, portal, { recursive: true });
    rmSync(join(portal, 'web-journey.hbs'));
    expect(() => renderSite(parsedCatalog(), { targets: ['web'], templates: portal })).toThrow(
      new FileAccessError(
        join(portal, 'web-journey.hbs'),
        '模板目录里缺少这个文件：请从 templates/site/ 复制 web-journey.hbs',
      ),
    );
  });
});

describe('the guides of a journey', () => {
  it.each([
    ['web', 'web/guides/newborn-hukou.html', '../journeys/newborn-test.html'],
    ['mobile', 'mobile/newborn-hukou.html', 'journeys/newborn-test.html'],
    ['print', 'print/newborn-hukou.html', undefined],
  ])('%s: a guide says which step of which journey it is', (_target, path, href) => {
    const html = file(path);
    expect(byClass(html, 'div', 'in-journeys').map(textOf)).toEqual(['这是「新生儿出生一件事」的第2步：给宝宝报户口']);
    const link = byClass(html, 'div', 'in-journeys').flatMap((block) =>
      elements(block, (element) => element.tagName === 'a').map((a) => a.properties.href),
    );
    expect(link).toEqual(href ? [href] : []);
  });

  it('a guide in no journey says nothing of journeys', () => {
    const only = parsedCatalog().filter((guide) => !isJourneyPath(guide.file.path));
    const alone = renderSite(only, { targets: ['web'] });
    expect(alone.files.get('web/guides/newborn-hukou.html')).not.toContain('in-journeys');
  });
});

describe('the index, search and bundle list journeys', () => {
  it('the index has a 一件事 section, and the journey under its life event', () => {
    const index = file('web/index.html');
    expect(byClass(index, 'section', 'find').map((section) => String(section.properties.id))).toEqual([
      'journeys',
      'by-topic',
      'by-event',
    ]);
    const [journeys] = byClass(index, 'section', 'find');
    expect(textOf(journeys!)).toBe(
      '一件事 一件人生大事要办的几项服务，排好先后，材料合成一张清单。 新生儿出生一件事宝宝出生后要办的出生证明、户口、医保和社保卡，按先后排好，材料合成一张清单。',
    );
    expect(index).toContain('<h3 id="event-出生">出生</h3>');
    expect(index).toContain(
      '<li><span class="kind-label">一件事</span><a href="journeys/newborn-test.html">新生儿出生一件事</a>',
    );
  });

  it('the sitemap has the journey’s page, dated by its review', () => {
    expect(file('web/sitemap.xml')).toContain(
      '<url><loc>https://banshi.qinghe.example.gov.cn/web/journeys/newborn-test.html</loc><lastmod>2026-11-02</lastmod></url>',
    );
  });

  it('search finds the journey by what a citizen types, and links to its page', async () => {
    const { search } = createSearch(async (path) => JSON.parse(file(`web/search/${path}`)));
    const found = await search('宝宝出生');
    expect(found.results[0]).toMatchObject({
      id: 'newborn-test',
      title: '新生儿出生一件事',
      url: 'journeys/newborn-test.html',
    });
    const byCategory = await search('', { filters: { category: '一件事' } });
    expect(byCategory.results.map((result) => result.id)).toEqual(['newborn-test']);
  });

  it('the bundle holds the plan as data and names the journey in its manifest', () => {
    const plan = JSON.parse(file('bundle/journeys/newborn-test.json'));
    expect(
      plan.steps.map((step: { number: number; guides: Array<{ id: string }> }) => [
        step.number,
        step.guides.map((guide) => guide.id),
      ]),
    ).toEqual([
      [1, ['birth-medical-certificate']],
      [2, ['newborn-hukou']],
      [2, ['newborn-medical-insurance']],
      [3, ['social-security-card-bank', 'social-security-card-online']],
      [4, ['maternity-allowance']],
    ]);
    expect(plan.totals).toMatchObject({
      visits: 4,
      calendarDays: 44,
      fee: 380,
      optionalCounted: true,
      sharedVisits: [
        { place: '东湖区政务服务中心 2楼出生一件事窗口', guides: ['newborn-hukou', 'newborn-medical-insurance'] },
      ],
      unknown: { visits: [], time: [], fee: [] },
    });
    expect(plan.checklist[2]).toMatchObject({
      name: '《出生医学证明》',
      bring: false,
      producedBy: { step: 1, guide: 'birth-medical-certificate', result: '出生医学证明' },
    });
    expect(plan.links.pdf).toEqual({
      path: 'print/journeys/newborn-test.pdf',
      url: 'https://banshi.qinghe.example.gov.cn/print/journeys/newborn-test.pdf',
    });
    const manifest = JSON.parse(file('bundle/manifest.json'));
    expect(manifest.journeys).toEqual([
      {
        id: 'newborn-test',
        title: '新生儿出生一件事',
        life_event: '出生',
        path: 'journeys/newborn-test.json',
        contentHash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
        reviewed: '2026-11-02',
      },
    ]);
    expect(JSON.parse(file('bundle/guides/newborn-hukou.json')).journeys).toEqual([
      {
        id: 'newborn-test',
        title: '新生儿出生一件事',
        step: '第2步',
        stepTitle: '给宝宝报户口',
        path: 'journeys/newborn-test.json',
      },
    ]);
  });
});
