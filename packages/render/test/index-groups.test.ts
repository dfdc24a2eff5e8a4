/**
 * The index page finds a service by need: by topic (the guides' categories) and by life event
 * (the guide's own `life_events`, else its category's in @baihua/core's data/life-events.yaml),
 * not by the name of the bureau; and every guide page links back to its topic on the index.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  findGuideFiles,
  guideLifeEvents,
  isJourneyPath,
  lifeEvents,
  parseGuide,
  readGuideModel,
  SourceFile,
} from '@baihua/core';
import {
  DEFAULT_TEMPLATES,
  indexGroups,
  loadTemplates,
  renderCatalog,
  renderGuide,
  topicAnchor,
  type GuideRecord,
} from '@baihua/render';
import { describe, expect, it } from 'vitest';

const guidesDir = fileURLToPath(new URL('../../../guides/', import.meta.url));
const guides = (await findGuideFiles([guidesDir]))
  .filter((path) => !isJourneyPath(path))
  .map((path) => parseGuide(new SourceFile(path, readFileSync(path, 'utf8'))));
const templates = loadTemplates(DEFAULT_TEMPLATES);
const titles = new Map(guides.map((guide) => [readGuideModel(guide).fields.id!, readGuideModel(guide).fields.title!]));
const records = guides
  .map((guide) => renderGuide(guide, { targets: ['web'], templates, titles }).record)
  .sort((a, b) => (a.id < b.id ? -1 : 1));

type IndexRecord = Parameters<typeof indexGroups>[0][number];
const record = (id: string, category: string, lifeEvents?: string[]): IndexRecord => ({
  id,
  title: `标题 ${id}`,
  summary: `简介 ${id}`,
  department: `部门 ${id}`,
  category,
  ...(lifeEvents && { lifeEvents }),
});
const names = (groups: Array<{ name: string; guides: Array<{ id: string }> }>) =>
  groups.map((group) => [group.name, group.guides.map((guide) => guide.id)]);

describe('the index groups', () => {
  it('put the example guides under their topics in pinyin order, both housing guides under 住房, none by department', () => {
    const { topics } = indexGroups(records);
    expect(names(topics)).toEqual([
      ['出入境', ['passport-application']],
      ['户籍与身份', ['id-card-renewal', 'newborn-household-registration']],
      ['婚姻家庭', ['marriage-registration']],
      ['交通出行', ['driving-licence-renewal']],
      ['教育', ['primary-school-enrollment']],
      ['社会保障', ['employer-social-insurance-registration', 'newborn-social-security-card', 'pension-enrollment']],
      ['社会救助', ['minimum-living-allowance']],
      ['生育收养', ['birth-medical-certificate']],
      ['市场准入', ['company-registration', 'company-seal-engraving', 'individual-business-registration']],
      ['税务', ['income-tax-annual-settlement', 'new-taxpayer-invoice']],
      ['医疗保障', ['newborn-medical-insurance', 'offsite-medical-filing']],
      ['住房', ['employer-housing-fund-registration', 'housing-fund-rent-withdrawal', 'second-hand-house-transfer']],
    ]);
    expect(topics.map((topic) => topic.anchor)).toEqual(topics.map((topic) => `topic-${topic.name}`));
  });

  it('put every example guide under the life events it states, else its category’s, in the order of a life', () => {
    // the guides of the two journeys state theirs: a company's 社保 is not a worker's 工作
    expect(records.flatMap((guide) => (guide.lifeEvents ? [[guide.id, guide.lifeEvents]] : []))).toEqual([
      ['birth-medical-certificate', ['出生']],
      ['company-seal-engraving', ['开办企业']],
      ['employer-housing-fund-registration', ['开办企业']],
      ['employer-social-insurance-registration', ['开办企业']],
      ['new-taxpayer-invoice', ['开办企业']],
      ['newborn-household-registration', ['出生', '证件办理']],
      ['newborn-medical-insurance', ['出生', '看病就医']],
      ['newborn-social-security-card', ['出生', '证件办理']],
    ]);
    expect(names(indexGroups(records).lifeEvents)).toEqual([
      [
        '出生',
        [
          'birth-medical-certificate',
          'newborn-household-registration',
          'newborn-medical-insurance',
          'newborn-social-security-card',
        ],
      ],
      ['上学', ['primary-school-enrollment']],
      ['工作', ['income-tax-annual-settlement', 'pension-enrollment']],
      ['结婚', ['marriage-registration']],
      ['买房租房', ['housing-fund-rent-withdrawal', 'second-hand-house-transfer']],
      [
        '开办企业',
        [
          'company-registration',
          'company-seal-engraving',
          'employer-housing-fund-registration',
          'employer-social-insurance-registration',
          'individual-business-registration',
          'new-taxpayer-invoice',
        ],
      ],
      ['看病就医', ['newborn-medical-insurance', 'offsite-medical-filing']],
      ['证件办理', ['id-card-renewal', 'newborn-household-registration', 'newborn-social-security-card']],
      ['出行', ['driving-licence-renewal']],
      ['出国出境', ['passport-application']],
      ['困难帮扶', ['minimum-living-allowance']],
      ['退休养老', ['pension-enrollment']],
    ]);
  });

  it('take the life events a guide states over its category’s, and put the rest under 其他, last', () => {
    const groups = indexGroups([
      record('a', '住房', ['结婚']),
      record('b', '住房'),
      record('c', '文物保护'),
      record('d', ''),
    ]);
    expect(names(groups.lifeEvents)).toEqual([
      ['结婚', ['a']],
      ['买房租房', ['b']],
      ['其他', ['c', 'd']],
    ]);
    expect(groups.lifeEvents.map((group) => [group.anchor, group.description])).toEqual([
      ['event-结婚', '结婚登记、婚育证明'],
      ['event-买房租房', '不动产登记、公积金、租房备案'],
      ['event-其他', undefined],
    ]);
    expect(names(groups.topics)).toEqual([
      ['文物保护', ['c']],
      ['住房', ['a', 'b']],
      ['其他', ['d']],
    ]);
  });

  it('keep a guide its stated life events in its record, which the index reads', () => {
    const [guide] = guides.filter((parsed) => readGuideModel(parsed).fields.id === 'pension-enrollment');
    const text = guide!.file.text.replace('category: 社会保障', 'category: 社会保障\nlife_events: [退休养老]');
    const stated = parseGuide(new SourceFile(guide!.file.path, text));
    const { record: kept } = renderGuide(stated, { targets: ['web'], templates, titles });
    expect(kept.lifeEvents).toEqual(['退休养老']);
    expect(names(indexGroups([kept]).lifeEvents)).toEqual([['退休养老', ['pension-enrollment']]]);
  });

  it('are the index page’s headings, each reachable by its anchor from the page’s own menu', () => {
    const page = renderCatalog(records as GuideRecord[], ['web'], templates).get('web/index.html')!;
    expect(page).toContain('<h2 id="by-topic-title">按主题</h2>');
    expect(page).toContain('<h2 id="by-event-title">按人生事件</h2>');
    expect(page).toContain(
      '<h3 id="topic-住房">住房</h3>\n    <ul><li><a href="guides/employer-housing-fund-registration.html">单位住房公积金缴存登记</a>',
    );
    expect(page).toContain('<li><a href="#event-买房租房">买房租房</a></li>');
    expect(page).not.toContain('<h2>青禾市');
    const headings = [...page.matchAll(/<h3 id="([^"]+)"/g)].map((match) => match[1]);
    const menu = [...page.matchAll(/<li><a href="#([^"]+)"/g)].map((match) => match[1]);
    expect(menu).toEqual(headings);
  });

  it('are what a guide page’s breadcrumbs link to', () => {
    const { files } = renderGuide(guides.find((guide) => readGuideModel(guide).fields.id === 'id-card-renewal')!, {
      targets: ['web'],
      templates,
      titles,
    });
    expect(files.get('web/guides/id-card-renewal.html')).toContain(
      '<nav class="breadcrumbs" aria-label="当前位置"><ol><li><a href="../index.html">首页</a></li>' +
        `<li><a href="../index.html#${topicAnchor('户籍与身份')}">户籍与身份</a></li>` +
        '<li aria-current="page">换领居民身份证</li></ol></nav>',
    );
  });
});

describe('the life events data', () => {
  it('are the values the guide schema allows for life_events, in the same order', () => {
    const schema = JSON.parse(readFileSync(new URL('../../../schema/guide.schema.json', import.meta.url), 'utf8'));
    expect(schema.properties.life_events.items.enum).toEqual(lifeEvents().events.map((event) => event.name));
  });

  it('map a category to its life events, a stated list winning, an unknown category to none', () => {
    expect(guideLifeEvents(undefined, '社会保障')).toEqual(['工作', '退休养老']);
    expect(guideLifeEvents(['出生'], '社会保障')).toEqual(['出生']);
    expect(guideLifeEvents([], '住房')).toEqual(['买房租房']);
    expect(guideLifeEvents(undefined, '文物保护')).toEqual([]);
    expect(guideLifeEvents(undefined, undefined)).toEqual([]);
  });
});
