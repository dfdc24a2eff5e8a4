/**
 * The portal bundle as a portal reads it: `baihua build --targets bundle` of the example guides,
 * every file valid against schema/bundle.schema.json (with no field the schema does not
 * describe), real values normalised exactly, rich-text nodes a mini-program renders, links to
 * the pages of the same build, and the sitemap of the web target.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DRAFT, parseGuide, readGuideFile } from '@baihua/core';
import { BUNDLE_SCHEMA_VERSION, RICH_TEXT_TAGS, renderSite } from '@baihua/render';
import type { AnySchema } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_IDS, guidesDir, JOURNEY_CATALOG, repoRoot, runCli, scratch } from './helpers.js';

// CommonJS packages: require gives the class and the plugin themselves.
const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js').default;
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;

const SITE_URL = 'https://guides.qinghe.example.gov.cn';
/** The example catalog's journeys (一件事), guides/journeys/<id>.md */
const EXAMPLE_JOURNEY_IDS = ['company-opening', 'newborn'];
const schema = JSON.parse(readFileSync(join(repoRoot, 'schema/bundle.schema.json'), 'utf8')) as Node;
const guideSchema = JSON.parse(readFileSync(join(repoRoot, 'schema/guide.schema.json'), 'utf8')) as Node;

type Node = { [key: string]: unknown } & {
  properties?: Record<string, Node>;
  $defs?: Record<string, Node>;
  items?: Node;
  anyOf?: Node[];
  additionalProperties?: unknown;
};

/**
 * The schema with every object closed (`additionalProperties: false`). The published schema is
 * open, so that a reader of version 1.0 accepts the fields a 1.1 adds; the build's own files
 * must have no field the schema does not describe.
 */
function closed(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closed);
  if (!node || typeof node !== 'object') return node;
  const copy = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, closed(value)]));
  if ('properties' in copy && !('additionalProperties' in copy)) copy.additionalProperties = false;
  return copy;
}

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  ajv.addSchema(closed(schema) as AnySchema, 'bundle');
  const check = (ref: string) => {
    const validate = ajv.getSchema(`bundle#/$defs/${ref}`)!;
    return (value: unknown) =>
      validate(value) ? [] : (validate.errors ?? []).map((error: unknown) => JSON.stringify(error));
  };
  return { manifest: check('manifest'), guide: check('guide'), journey: check('journey') };
}

/** Every element name in a list of rich-text nodes, depth first. */
function names(nodes: Array<{ name?: string; children?: unknown[] }>): string[] {
  return nodes.flatMap((node) =>
    node.name ? [node.name, ...names((node.children ?? []) as Array<{ name?: string }>)] : [],
  );
}

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

/** Each file of a bundle folder checked against the schema: path → errors. */
function schemaErrors(bundle: string): Record<string, string[]> {
  const { manifest, guide, journey } = validator();
  const errors: Record<string, string[]> = { 'manifest.json': manifest(readJson(join(bundle, 'manifest.json'))) };
  for (const name of readdirSync(join(bundle, 'guides')))
    errors[`guides/${name}`] = guide(readJson(join(bundle, 'guides', name)));
  if (existsSync(join(bundle, 'journeys')))
    for (const name of readdirSync(join(bundle, 'journeys')))
      errors[`journeys/${name}`] = journey(readJson(join(bundle, 'journeys', name)));
  return errors;
}

describe('schema/bundle.schema.json', () => {
  it('compiles under ajv strict mode, at the version the build writes', () => {
    expect(() => validator()).not.toThrow();
    const manifest = schema.$defs!.manifest!;
    expect(BUNDLE_SCHEMA_VERSION).toMatch(new RegExp(String(manifest.properties!.schemaVersion!.pattern)));
  });

  it('gives every property a Chinese title and description', () => {
    const missing: string[] = [];
    const visit = (node: unknown, path: string) => {
      if (!node || typeof node !== 'object') return;
      if (Array.isArray(node)) {
        for (const [index, item] of node.entries()) visit(item, `${path}[${index}]`);
        return;
      }
      for (const [key, property] of Object.entries((node as Node).properties ?? {})) {
        const { title, description, $ref } = property as Node;
        const chinese = (text: unknown) => /[\u4e00-\u9fff]/.test(String(text));
        if (!$ref && !(chinese(title) && chinese(description))) missing.push(`${path}.${key}`);
      }
      for (const [key, value] of Object.entries(node)) visit(value, `${path}.${key}`);
    };
    visit(schema, '');
    expect(missing).toEqual([]);
  });

  it('allows the rich-text tags the build writes, and the guide schema’s values of every list of choices', () => {
    const element = (schema.$defs!.richTextNode!.anyOf as Node[])[1]!;
    expect(element.properties!.name!.enum).toEqual([...RICH_TEXT_TAGS]);
    const guide = schema.$defs!.guide!.properties!;
    const enumOf = (node: Node | undefined): unknown => node?.enum ?? enumOf(node?.items);
    for (const field of ['type', 'level', 'handling', 'audience'])
      expect(enumOf(guide[field]), field).toEqual(enumOf(guideSchema.properties![field]));
    // A draft is never published (`unpublishedStatus`): no bundle carries 草稿.
    expect(enumOf(guide.status)).toEqual(
      (enumOf(guideSchema.properties!.status) as string[]).filter((status) => status !== DRAFT),
    );
    expect(enumOf(guide.online!.properties!.level)).toEqual(enumOf(guideSchema.properties!.online!.properties!.level));
  });
});

describe('baihua build --targets bundle of the example guides', () => {
  let dir: string;
  let bundle: string;
  let run: ReturnType<typeof runCli>;
  beforeAll(() => {
    dir = scratch();
    run = runCli(['build', guidesDir, '--out', join(dir, 'dist'), '--targets', 'bundle'], { cwd: dir });
    bundle = join(dir, 'dist/bundle');
  });

  it('writes the manifest, one file per guide and one per journey, every file valid against the schema', () => {
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      `✔ 生成了 21 份指南（重新生成 21 份，沿用 0 份）和 2 件一件事：bundle 21 份 → ${join(dir, 'dist')}\n`,
    );
    expect(run.code).toBe(0);
    expect(readdirSync(join(dir, 'dist')).sort()).toEqual(['.baihua', '.baihua-build', 'bundle']);
    expect(readdirSync(join(bundle, 'guides')).sort()).toEqual(EXAMPLE_IDS.map((id) => `${id}.json`));
    expect(readdirSync(join(bundle, 'journeys')).sort()).toEqual(EXAMPLE_JOURNEY_IDS.map((id) => `${id}.json`));
    const errors = schemaErrors(bundle);
    // the manifest, 21 guides and 2 journeys
    expect(Object.keys(errors).length).toBe(24);
    expect(Object.values(errors).flat()).toEqual([]);
  });

  it('lists the guides and the journeys by id with the commit of the guides’ repository, and no time', () => {
    const manifest = readJson(join(bundle, 'manifest.json'));
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: guidesDir, encoding: 'utf8' }).trim();
    expect(Object.keys(manifest)).toEqual(['schemaVersion', 'toolVersion', 'sourceCommit', 'guides', 'journeys']);
    expect(manifest.schemaVersion).toBe('1.1.0');
    expect(manifest.toolVersion).toBe(readJson(join(repoRoot, 'packages/cli/package.json')).version);
    expect(manifest.sourceCommit).toBe(head);
    expect(manifest.guides.map((guide: { id: string }) => guide.id)).toEqual(EXAMPLE_IDS);
    expect(manifest.journeys.map((journey: { id: string }) => journey.id)).toEqual(EXAMPLE_JOURNEY_IDS);
    const renewal = manifest.guides.find((guide: { id: string }) => guide.id === 'id-card-renewal');
    expect({ ...renewal, contentHash: undefined, readability: undefined }).toEqual({
      id: 'id-card-renewal',
      codes: { basic: '000104101000' },
      title: '换领居民身份证',
      department: '青禾市公安局东湖分局户政科',
      category: '户籍与身份',
      path: 'guides/id-card-renewal.json',
      reviewed: '2026-10-01',
    });
    expect(renewal.readability.band).toBe('易读');
    expect(renewal.readability.score).toBeGreaterThanOrEqual(70);
    expect(renewal.contentHash).toBe(
      `sha256:${execFileSync('sha256sum', [join(guidesDir, '户籍/id-card-renewal.md')], { encoding: 'utf8' }).slice(0, 64)}`,
    );
  });

  it('normalises the time limits, phone numbers and fees of the ID-card guide', () => {
    const renewal = readJson(join(bundle, 'guides/id-card-renewal.json'));
    expect(renewal.time_limit).toEqual({
      statutory: {
        value: 60,
        unit: '自然日',
        days: 60,
        calendarDaysMax: 60,
        text: '60个自然日',
        note: '从窗口受理的第二天算起。',
      },
      promised: {
        value: 10,
        unit: '工作日',
        days: 10,
        calendarDaysMax: 23,
        text: '10个工作日',
        note: '从窗口受理的第二天算起。',
      },
    });
    expect(renewal.contacts).toEqual({
      consult: { text: '0000-66230110', number: '0000-66230110', tel: 'tel:0000-66230110' },
      complaint: { text: '12345', number: '12345', tel: 'tel:12345' },
    });
    expect(renewal.locations[0].phone).toEqual({
      text: '0000-66230000',
      number: '0000-66230000',
      tel: 'tel:0000-66230000',
    });
    expect(renewal.fees).toEqual({
      free: false,
      currency: 'CNY',
      items: [
        {
          item: '工本费',
          amount: 20,
          unit: '每证',
          basis: '《国家发展改革委 财政部关于居民身份证收费标准及有关问题的通知》（发改价格〔2003〕2322号）',
          waiver: '领取城市最低生活保障金的居民换证，免交工本费。',
        },
      ],
    });
    expect(renewal.reviewed).toBe('2026-10-01');
    expect(renewal.links).toEqual({});
    const business = readJson(join(bundle, 'guides/individual-business-registration.json'));
    expect(business.fees).toEqual({ free: true, currency: 'CNY', items: [], note: '登记和营业执照都不收费。' });
    expect(business.time_limit.promised).toEqual({
      value: 0,
      unit: '工作日',
      days: 0,
      calendarDaysMax: 0,
      text: '当场办结',
      note: '材料齐全的，当场登记。',
    });
  });

  it('gives the body as the web page’s HTML, as text and as rich-text nodes of allowed tags only', () => {
    const allowed = new Set<string>(RICH_TEXT_TAGS);
    for (const id of EXAMPLE_IDS) {
      const { body } = readJson(join(bundle, `guides/${id}.json`));
      const used = names(body.nodes);
      expect(used.length, id).toBeGreaterThan(0);
      expect(
        used.filter((name) => !allowed.has(name) || /^(table|thead|tbody|tr|td|th)$/.test(name)),
        id,
      ).toEqual([]);
      expect(body.html, id).toMatch(/^<h2/);
      expect(body.text, id).not.toMatch(/[<>]/);
    }
    const renewal = readJson(join(bundle, 'guides/id-card-renewal.json')).body;
    expect(renewal.text).toContain(
      '- 想在网上选时间，可以预约办理（https://example.gov.cn/qinghe/id-card-renewal）。\n',
    );
    expect(renewal.html).toContain('<a href="https://example.gov.cn/qinghe/id-card-renewal">预约办理</a>');
  });

  it('writes the same bytes when built again', () => {
    const again = join(dir, 'again');
    expect(runCli(['build', guidesDir, '--out', again, '--targets', 'bundle'], { cwd: dir }).code).toBe(0);
    for (const name of ['manifest.json', ...EXAMPLE_IDS.map((id) => `guides/${id}.json`)])
      expect(readFileSync(join(again, 'bundle', name), 'utf8'), name).toBe(readFileSync(join(bundle, name), 'utf8'));
  });
});

describe('a bundle of guides outside git, with a table in a body', () => {
  it('has no source commit nor sitemap, and the table as one list item a row', () => {
    const dir = scratch(guidesDir);
    appendFileSync(
      join(dir, '户籍/id-card-renewal.md'),
      '\n## 办理点和电话\n\n| 办理点 | 电话 |\n| --- | --- |\n| 东湖区政务服务中心 | 0000-66230000 |\n',
    );
    const out = `${dir}-dist`;
    const run = runCli(['build', '.', '--out', out, '--targets', 'bundle,web'], { cwd: dir });
    expect(run.code).toBe(0);
    // The sitemap protocol wants absolute addresses: without --site-url there is none.
    expect(readdirSync(join(out, 'web')).sort()).toEqual(['assets', 'guides', 'index.html', 'journeys', 'search']);
    // The bundle ships the web's search index and its module, for portals.
    expect(readdirSync(join(out, 'bundle', 'search')).sort()).toEqual([
      'departments',
      'docs',
      'meta.json',
      'search.mjs',
      'terms',
    ]);
    expect(readFileSync(join(out, 'bundle/search/meta.json'), 'utf8')).toBe(
      readFileSync(join(out, 'web/search/meta.json'), 'utf8'),
    );
    const bundle = join(out, 'bundle');
    expect(Object.values(schemaErrors(bundle)).flat()).toEqual([]);
    expect(Object.keys(readJson(join(bundle, 'manifest.json')))).toEqual([
      'schemaVersion',
      'toolVersion',
      'guides',
      'journeys',
    ]);
    const { body } = readJson(join(bundle, 'guides/id-card-renewal.json'));
    expect(body.nodes.at(-1)).toEqual({
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
      ],
    });
    expect(body.text.endsWith('办理点和电话\n\n- 办理点：东湖区政务服务中心\n  电话：0000-66230000')).toBe(true);
    expect(body.html).toContain('<table>');
  });
});

describe('baihua build of every target with --site-url', () => {
  let dist: string;
  beforeAll(() => {
    const dir = scratch();
    dist = join(dir, 'dist');
    const run = runCli(
      ['build', guidesDir, '--out', dist, '--targets', 'web,mobile,print,bundle', '--site-url', SITE_URL],
      {
        cwd: dir,
      },
    );
    expect(run.stdout).toBe(
      '✔ 生成了 21 份指南（重新生成 21 份，沿用 0 份）和 2 件一件事：' +
        `web 24 页，mobile 23 页，print 23 页，bundle 21 份，PDF 23 份（新打印 23 份） → ${dist}\n`,
    );
  });

  it('links each guide to its pages, which the build wrote', () => {
    expect(Object.values(schemaErrors(join(dist, 'bundle'))).flat()).toEqual([]);
    for (const id of EXAMPLE_IDS) {
      const { links } = readJson(join(dist, `bundle/guides/${id}.json`));
      expect(Object.keys(links), id).toEqual(['web', 'mobile', 'print', 'pdf']);
      for (const link of Object.values(links) as Array<{ path: string; url: string }>) {
        expect(existsSync(join(dist, link.path)), link.path).toBe(true);
        expect(link.url).toBe(`${SITE_URL}/${link.path}`);
      }
    }
  });

  it('writes web/sitemap.xml: the index, every guide and every journey, dated by its review', () => {
    const sitemap = readFileSync(join(dist, 'web/sitemap.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
    expect(locs).toEqual([
      ...EXAMPLE_IDS.map((id) => `${SITE_URL}/web/guides/${id}.html`),
      `${SITE_URL}/web/index.html`,
      ...EXAMPLE_JOURNEY_IDS.map((id) => `${SITE_URL}/web/journeys/${id}.html`),
    ]);
    expect(sitemap).toContain(
      `<url><loc>${SITE_URL}/web/guides/id-card-renewal.html</loc><lastmod>2026-10-01</lastmod></url>`,
    );
    expect(sitemap).toContain(
      `<url><loc>${SITE_URL}/web/journeys/newborn.html</loc><lastmod>2026-11-20</lastmod></url>`,
    );
  });
});

describe('a bundle with a journey (一件事)', () => {
  let bundle: string;
  beforeAll(() => {
    const files = [
      ...readdirSync(JOURNEY_CATALOG).flatMap((name) => (name.endsWith('.md') ? [join(JOURNEY_CATALOG, name)] : [])),
      join(JOURNEY_CATALOG, 'journeys/newborn-test.md'),
    ].map((path) => parseGuide(readGuideFile(path).file));
    const site = renderSite(files, {
      targets: ['web', 'print', 'bundle'],
      bundle: { toolVersion: '0.1.0' },
      siteUrl: SITE_URL,
    });
    const dir = scratch();
    for (const [path, content] of site.files) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    bundle = join(dir, 'bundle');
  });

  it('writes the journey’s file and every guide’s, valid against the schema with every object closed', () => {
    const errors = schemaErrors(bundle);
    expect(Object.keys(errors)).toContain('journeys/newborn-test.json');
    expect(Object.values(errors).flat()).toEqual([]);
  });

  it('gives each checklist entry and total as data and as the page’s words', () => {
    const journey = readJson(join(bundle, 'journeys/newborn-test.json'));
    expect(journey.checklist[3]).toEqual({
      name: '居民户口簿',
      bring: true,
      uses: [
        { step: 2, guide: 'newborn-hukou', need: '必要', form: ['原件'], copies: 1 },
        {
          step: 3,
          guide: 'social-security-card-bank',
          need: '必要',
          form: ['原件'],
          copies: 1,
          producedBy: { step: 2, guide: 'newborn-hukou', result: '居民户口簿' },
        },
        {
          step: 3,
          guide: 'social-security-card-online',
          need: '必要',
          form: ['电子'],
          producedBy: { step: 2, guide: 'newborn-hukou', result: '居民户口簿' },
        },
      ],
      text: {
        uses: [
          '第2步「出生登记」：原件 · 1份 · 必须提交',
          '第3步「在银行网点申领社保卡」：第2步「出生登记」会发给您，请带上 · 原件 · 1份',
          '第3步「网上申领电子社保卡」：不用带，第2步「出生登记」会发给您',
        ],
      },
    });
    expect(journey.totals.text.map((total: { value: string }) => total.value)).toEqual([
      '最多跑4次',
      '最长约44天',
      '一共最多380元',
    ]);
    expect(journey.steps[2].text).toEqual({ label: '第2步', parallel: '可以和上一步同时办' });
  });
});
