/**
 * Relevance of the site's search on the example guides, queried as citizens phrase things: the
 * index as `baihua build` writes it (jieba's words and character pairs, through `publish`), the
 * query side as a browser runs it (`Intl.Segmenter`; Node and Chromium share ICU's segmenter).
 * Each query names the guide a person asking it wants, which must come first.
 */
import { publish } from '@baihua/publish';
import { createSearch, type SearchOptions } from '@baihua/render';
import { beforeAll, describe, expect, it } from 'vitest';
import { guidesWithRegion } from './helpers.js';

let search: ReturnType<typeof createSearch>['search'];

beforeAll(async () => {
  const publication = await publish({ patterns: [guidesWithRegion()], targets: ['web'] });
  const files = publication.site!.files;
  search = createSearch(async (path) => JSON.parse(files.get(`web/search/${path}`)!)).search;
});

const ids = async (query: string, options?: SearchOptions) =>
  (await search(query, options)).results.map((result) => result.id);

describe('the queries of issue 16 find the right guide first', () => {
  it.each([
    ['身份证换新', 'id-card-renewal'],
    ['孩子上学', 'primary-school-enrollment'],
    ['租房公积金', 'housing-fund-rent-withdrawal'],
    ['个体户', 'individual-business-registration'],
    ['身份证', 'id-card-renewal'],
  ])('%s → %s', async (query, expected) => {
    expect((await ids(query))[0]).toBe(expected);
  });

  // 新生儿出生登记 is the service of 户口 itself (报户口 is its alias), so it now rightly comes
  // before the guides where a household registration only decides something.
  it('户口 lists 报户口 and its journey first, then the guides where a household registration decides something', async () => {
    expect((await ids('户口')).slice(0, 6)).toEqual([
      'newborn-household-registration',
      'newborn',
      'newborn-medical-insurance',
      'newborn-social-security-card',
      'primary-school-enrollment',
      'id-card-renewal',
    ]);
  });
});

describe('citizen phrasing finds the service it describes', () => {
  it.each([
    // the ID card
    ['换身份证', 'id-card-renewal'],
    ['身份证过期了怎么办', 'id-card-renewal'],
    ['身份证丢了', 'id-card-renewal'],
    // passport
    ['办护照', 'passport-application'],
    ['第一次出国要办什么', 'passport-application'],
    // driving licence
    ['驾照到期', 'driving-licence-renewal'],
    ['驾驶证换证', 'driving-licence-renewal'],
    ['12123', 'driving-licence-renewal'],
    // business
    ['开店办营业执照', 'individual-business-registration'],
    ['营业执照', 'individual-business-registration'],
    // housing fund
    ['公积金付房租', 'housing-fund-rent-withdrawal'],
    ['提取公积金', 'housing-fund-rent-withdrawal'],
    // medical insurance elsewhere
    ['外地看病报销', 'offsite-medical-filing'],
    ['异地就医', 'offsite-medical-filing'],
    ['医保备案', 'offsite-medical-filing'],
    // social assistance
    ['低保', 'minimum-living-allowance'],
    ['生活困难补助', 'minimum-living-allowance'],
    // marriage
    ['结婚登记', 'marriage-registration'],
    ['领结婚证需要什么材料', 'marriage-registration'],
    ['扯证', 'marriage-registration'],
    // income tax
    ['个税退税', 'income-tax-annual-settlement'],
    ['退税', 'income-tax-annual-settlement'],
    // second-hand house
    ['二手房过户', 'second-hand-house-transfer'],
    ['买房交契税', 'second-hand-house-transfer'],
    ['房产证过户', 'second-hand-house-transfer'],
    // pension
    ['养老保险', 'pension-enrollment'],
    ['农民交养老保险', 'pension-enrollment'],
    // school
    ['小孩读小学报名', 'primary-school-enrollment'],
    ['幼升小', 'primary-school-enrollment'],
    ['上小学要什么材料', 'primary-school-enrollment'],
    // full-width letters are folded: ＡＰＰ is App
    ['个税ＡＰＰ', 'income-tax-annual-settlement'],
  ])('%s → %s', async (query, expected) => {
    expect((await ids(query))[0]).toBe(expected);
  });
});

describe('results', () => {
  it('are ranked by relevance, not catalog order: 身份证 lists the ID card first and every guide naming it after', async () => {
    const response = await search('身份证');
    expect(response.total).toBe(22);
    expect(response.results[0]).toMatchObject({
      id: 'id-card-renewal',
      title: '换领居民身份证',
      summary: '身份证快到期或已经过期，可以到户政窗口换新证，新证可以免费邮寄到家。',
      url: 'guides/id-card-renewal.html',
      department: '青禾市公安局东湖分局户政科',
      category: '户籍与身份',
      city: '青禾市',
      district: '东湖区',
      missing: [],
    });
    const scores = response.results.map((result) => result.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('say why they matched: which words of the query, in which fields', async () => {
    const [first] = (await search('身份证换新')).results;
    expect(first!.matched).toEqual([
      {
        word: '身份证',
        fields: ['名称', '别名', '关键词', '简介', '办理条件', '材料', '办理步骤', '常见问题', '正文', '部门与地点'],
      },
      { word: '换新', fields: ['别名', '简介', '办理条件'] },
    ]);
  });

  it('drop the words every question has, and keep the ones that say what is wanted', async () => {
    expect((await search('我想问一下怎么办理护照')).words).toEqual(['问', '一下', '护照']);
    // the newborn's registration names the passport of a baby born abroad
    expect(await ids('怎么办理护照')).toEqual(['passport-application', 'newborn-household-registration']);
  });

  it('stop at the limit and count every match', async () => {
    const response = await search('身份证', { limit: 3 });
    expect(response.results.map((result) => result.id)).toEqual([
      'id-card-renewal',
      'marriage-registration',
      'passport-application',
    ]);
    expect(response.total).toBe(22);
  });
});

describe('filters', () => {
  it('narrow by category: 身份证 among 出入境 guides is the passport', async () => {
    expect(await ids('身份证', { filters: { category: '出入境' } })).toEqual(['passport-application']);
  });

  it('narrow by department', async () => {
    expect(await ids('身份证', { filters: { department: '青禾市东湖区民政局婚姻登记处' } })).toEqual([
      'marriage-registration',
    ]);
  });

  it('narrow by city: every example guide and journey is in 青禾市, none in another city', async () => {
    // 22 match 身份证, the two journeys among them: a journey is filed under the city its guides share
    expect((await search('身份证', { filters: { city: '青禾市' } })).total).toBe(22);
    expect(await search('身份证', { filters: { city: '白沙市' } })).toMatchObject({ total: 0, results: [] });
  });

  it('list a category without a query, in id order', async () => {
    expect(await ids('', { filters: { category: '住房' } })).toEqual([
      'employer-housing-fund-registration',
      'housing-fund-rent-withdrawal',
      'second-hand-house-transfer',
    ]);
  });

  it('that exclude the right guide leave the query to lesser matches or none', async () => {
    expect(await ids('租房公积金', { filters: { category: '户籍与身份' } })).toEqual([]);
  });
});

describe('no result or a partial one', () => {
  it.each(['火锅', '养狗', '摩托艇', 'xyz'])('%s finds nothing and offers keywords instead', async (query) => {
    const response = await search(query);
    expect(response.total).toBe(0);
    expect(response.results).toEqual([]);
    expect(response.suggestions.length).toBeGreaterThan(0);
  });

  it('a query of which only a part matches lists the best partial matches and names what they lack', async () => {
    const response = await search('钓鱼执照');
    expect(response.results.map(({ id, missing }) => ({ id, missing }))).toEqual([
      { id: 'individual-business-registration', missing: ['钓鱼'] },
      { id: 'company-registration', missing: ['钓鱼'] },
      { id: 'company-opening', missing: ['钓鱼'] },
      { id: 'company-seal-engraving', missing: ['钓鱼'] },
      { id: 'new-taxpayer-invoice', missing: ['钓鱼'] },
      { id: 'employer-social-insurance-registration', missing: ['钓鱼'] },
      { id: 'employer-housing-fund-registration', missing: ['钓鱼'] },
    ]);
    expect(response.suggestions).toEqual([]);
  });

  it('a query with a word no guide holds still finds the guide for the rest', async () => {
    expect((await ids('外星人护照'))[0]).toBe('passport-application');
  });
});
