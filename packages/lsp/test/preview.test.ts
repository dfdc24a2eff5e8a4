import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseGuide, SourceFile } from '@baihua/core';
import { configForPath, glossaryTermUses } from '@baihua/lint';
import { previewGuide } from '../src/preview.js';
import { DEFAULT_TEMPLATES, renderSite } from '@baihua/render';
import { afterAll, describe, expect, it } from 'vitest';

const guidesDir = fileURLToPath(new URL('../../../guides/', import.meta.url));
const asset = (name: string) => readFileSync(join(DEFAULT_TEMPLATES, 'assets', name), 'utf8');

function guideAt(path: string, text = readFileSync(path, 'utf8')) {
  return parseGuide(new SourceFile(path, text));
}

/** The pages `baihua build` writes for the guide, to compare the preview with. */
/** The pages as the build renders them, with the site's identity; the preview leaves out only the logo (an image file). */
function builtPages(path: string) {
  const guide = guideAt(path);
  const config = configForPath(path);
  const termMarks = new Map([[guide, glossaryTermUses(guide, config)]]);
  const { files } = renderSite([guide], { targets: ['web', 'mobile', 'print'], termMarks, site: config.site! });
  return new Map([...files].map(([name, page]) => [name, page.replace(/<img src="[^"]*site-logo\.svg"[^>]*>/, '')]));
}

const temporary: string[] = [];
afterAll(() => {
  for (const directory of temporary) rmSync(directory, { recursive: true, force: true });
});

describe('previewGuide', () => {
  it('gives the pages build writes, each with its stylesheet inlined', () => {
    const path = join(guidesDir, '户籍/id-card-renewal.md');
    const preview = previewGuide(guideAt(path), configForPath(path));
    const built = builtPages(path);
    expect(preview.title).toBe('换领居民身份证');
    expect(preview.pages.web).toBe(
      built
        .get('web/guides/id-card-renewal.html')!
        .replace('<link rel="stylesheet" href="../assets/web.css">', `<style>\n${asset('web.css')}</style>`),
    );
    expect(preview.pages.print).toBe(
      built
        .get('print/id-card-renewal.html')!
        .replace('<link rel="stylesheet" href="print.css">', `<style>\n${asset('print.css')}</style>`),
    );
    // The mobile page inlines its CSS already.
    expect(preview.pages.mobile).toBe(built.get('mobile/id-card-renewal.html'));
  });

  it('needs nothing outside the page: no stylesheet, script or image to fetch', () => {
    const path = join(guidesDir, '户籍/id-card-renewal.md');
    const { pages } = previewGuide(guideAt(path), configForPath(path));
    for (const page of Object.values(pages)) {
      expect(page).not.toMatch(/<link\b/i);
      expect(page).not.toMatch(/\bsrc=/i);
      expect(page).not.toMatch(/url\(/i);
    }
  });

  it('renders a YAML guide, with the glossary terms marked where lint finds them', () => {
    const path = join(guidesDir, '交通/driving-licence-renewal.yaml');
    const text = readFileSync(path, 'utf8').replace(
      '  - 看一看驾驶证上的有效期。',
      '  - 材料不全也可以容缺受理（材料缺一点也先收件，之后补交）。\n  - 看一看驾驶证上的有效期。',
    );
    const preview = previewGuide(guideAt(path, text), configForPath(path));
    expect(preview.title).toBe('机动车驾驶证期满换证');
    expect(preview.pages.web).toContain(
      '<li>材料不全也可以<dfn title="材料缺一点也先收件，之后补交">容缺受理</dfn>（材料缺一点也先收件，之后补交）。</li>',
    );
    const built = builtPages(path);
    expect(previewGuide(guideAt(path), configForPath(path)).pages.mobile).toBe(
      built.get('mobile/driving-licence-renewal.html'),
    );
  });

  it('renders the unsaved text: a guide with lint errors still shows', () => {
    const path = join(guidesDir, '户籍/id-card-renewal.md');
    const text = readFileSync(path, 'utf8')
      .replace('title: 换领居民身份证', 'title: 换领居民身份证（草稿）')
      .replace(/^time_limit:[\s\S]*?(?=^fees:)/m, '');
    const preview = previewGuide(guideAt(path, text), configForPath(path));
    expect(preview.title).toBe('换领居民身份证（草稿）');
    expect(preview.pages.web).toContain('<h1>换领居民身份证（草稿）</h1>');
  });

  it('says in Chinese where the guide cannot be read, on every channel', () => {
    const path = join(guidesDir, '户籍/id-card-renewal.md');
    const text = readFileSync(path, 'utf8').replace('title: 换领居民身份证', 'title: [换领居民身份证');
    const preview = previewGuide(guideAt(path, text), configForPath(path));
    expect(preview.title).toBe('id-card-renewal.md');
    expect(preview.pages.mobile).toBe(preview.pages.web);
    expect(preview.pages.print).toBe(preview.pages.web);
    expect(preview.pages.web).toContain('<h1>「id-card-renewal.md」暂时无法预览</h1>');
    expect(preview.pages.web).toContain(
      '<p>请先改正下面的问题，改好后预览会自动刷新：</p>\n<ul>\n<li><span class="place">第 6 行第 8 列</span>' +
        '这里的 [ 没有配对的 ]：请在同一行末尾补上 ]；内容太长要换行时，改成分行的写法 <code>syntax/yaml</code></li>\n</ul>',
    );
  });

  it('says which id cannot be a page, and where, escaping what the guide wrote', () => {
    const path = join(guidesDir, '户籍/id-card-renewal.md');
    const text = readFileSync(path, 'utf8')
      .replace('id: id-card-renewal', 'id: ID Card')
      .replace('title: 换领居民身份证', 'title: 换领<b>身份证</b>');
    const preview = previewGuide(guideAt(path, text), configForPath(path));
    expect(preview.title).toBe('换领<b>身份证</b>');
    expect(preview.pages.web).toContain('<title>换领&#60;b&#62;身份证&#60;/b&#62;｜暂时无法预览</title>');
    expect(preview.pages.web).toContain(
      '<li><span class="place">guides/户籍/id-card-renewal.md 第 3 行第 5 列</span>' +
        'id「ID Card」不能用作网页的文件名：只能用小写英文字母、数字和连字符，如 id-card-renewal</li>',
    );
    expect(preview.pages.web).not.toContain('<b>');
  });

  it("uses the configuration's templates and drops what they would fetch", () => {
    const project = mkdtempSync(join(tmpdir(), 'baihua-preview-'));
    temporary.push(project);
    cpSync(DEFAULT_TEMPLATES, join(project, 'portal'), { recursive: true });
    writeFileSync(join(project, 'portal/assets/web.css'), 'body { color: #123456; }\n');
    const webGuide = join(project, 'portal/web-guide.hbs');
    writeFileSync(
      webGuide,
      readFileSync(webGuide, 'utf8').replace(
        '<link rel="stylesheet" href="../assets/web.css">',
        '<link rel="icon" href="https://portal.example.gov.cn/favicon.ico">\n' +
          '<link href="../assets/web.css" rel=stylesheet>\n' +
          "<link rel='stylesheet' href='https://cdn.example.com/font.css'>",
      ),
    );
    writeFileSync(join(project, 'baihua.config.yaml'), 'root: true\nextends: [recommended]\ntemplates: portal\n');
    const path = join(project, 'id-card-renewal.md');
    writeFileSync(path, readFileSync(join(guidesDir, '户籍/id-card-renewal.md')));
    const { pages } = previewGuide(guideAt(path), configForPath(path));
    expect(pages.web).toContain(
      '<meta name="description" content="身份证快到期或已经过期，可以到户政窗口换新证，新证可以免费邮寄到家。">\n' +
        '\n<style>\nbody { color: #123456; }\n</style>\n\n<script type="application/ld+json">',
    );
    expect(pages.web).not.toContain('portal.example.gov.cn');
    expect(pages.web).not.toContain('cdn.example.com');
  });
});
