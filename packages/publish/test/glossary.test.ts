/**
 * A rendered page marks a glossary term as a definition exactly where plain/jargon finds its first
 * use, under the guide's configuration: the configured `terms` and `ignore`, a first use in a
 * field or a heading, the rule switched off.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publish } from '@baihua/publish';
import { describe, expect, it } from 'vitest';

const renewal = readFileSync(
  fileURLToPath(new URL('../../../guides/户籍/id-card-renewal.md', import.meta.url)),
  'utf8',
);

/** Publishes one guide (the renewal guide with `paragraph` before a section) under `rules`; its web page. */
async function webPage(
  paragraph: string,
  rules: string,
  edit: (text: string) => string = (text) => text,
): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'baihua-glossary-'));
  mkdirSync(join(dir, 'guides'));
  writeFileSync(
    join(dir, 'guides/baihua.config.yaml'),
    `root: true\nextends: [recommended]\n${rules ? `rules:\n${rules}` : ''}`,
  );
  writeFileSync(
    join(dir, 'guides/id-card-renewal.md'),
    edit(renewal.replace('## 办理前请确认', `${paragraph}\n\n## 办理前请确认`)),
  );
  const { site, failed } = await publish({ patterns: [join(dir, 'guides')], targets: ['web'] });
  expect(failed).toEqual([]);
  return site!.files.get('web/guides/id-card-renewal.html')!;
}

describe('glossary terms on the page', () => {
  it('are marked at their first use, explained or not, with the terms and ignores the configuration adds', async () => {
    const page = await webPage(
      '可以容缺受理（材料缺一点也先收件，之后补交）。再说一次容缺受理。本事项纳入跨省通办，也实行告知承诺。',
      '  plain/jargon: [warn, { terms: { 跨省通办: 在外省也能办 }, ignore: [告知承诺] }]\n',
    );
    expect(page).toContain(
      '<p>可以<dfn title="材料缺一点也先收件，之后补交">容缺受理</dfn>（材料缺一点也先收件，之后补交）。再说一次容缺受理。' +
        '本事项纳入<dfn title="在外省也能办">跨省通办</dfn>，也实行告知承诺。</p>',
    );
  });

  it('are marked where the linter finds them: in a heading, and not in the body when a field (a step) used the term first', async () => {
    const heading = await webPage('## 容缺受理\n\n材料不全也可以容缺受理。', '');
    expect(heading).toContain(
      '<h2><dfn title="材料缺一点也先收件，之后补交">容缺受理</dfn></h2>\n<p>材料不全也可以容缺受理。</p>',
    );
    const field = await webPage('材料不全也可以容缺受理。', '', (text) =>
      text.replace('不用自己带照片。', '不用自己带照片。材料不全可以容缺受理。'),
    );
    expect(field).toContain('<p>材料不全也可以容缺受理。</p>');
  });

  it('are not marked when plain/jargon is off', async () => {
    const page = await webPage('本事项实行容缺受理。', '  plain/jargon: off\n');
    expect(page).toContain('<p>本事项实行容缺受理。</p>');
  });
});
