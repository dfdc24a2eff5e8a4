/**
 * `import text` / `import html` as a library: every page copy in tests/fixtures/pages gives exactly
 * the fields its `.expected.yaml` lists (no more), with the values listed, except the misses named
 * here; several pages give exactly their golden draft (`.draft.md`); and the readers of single
 * values (durations, materials, phones, numbered lists, labels) read what real pages write.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  draftFromHtml,
  draftFromText,
  findPhone,
  guideFileText,
  listItems,
  pageLabels,
  pageRecovery,
  pageTextFromHtml,
  readDuration,
  readMaterial,
} from '@baihua/exchange';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const PAGES = fileURLToPath(new URL('../../../tests/fixtures/pages/', import.meta.url));
const pages = readdirSync(PAGES).filter((name) => /\.(txt|html)$/.test(name));
const draftOf = (name: string) => {
  const text = readFileSync(join(PAGES, name), 'utf8');
  return name.endsWith('.html') ? draftFromHtml(text) : draftFromText(text);
};
const expectedOf = (name: string) =>
  (
    parse(readFileSync(join(PAGES, name.replace(/\.(txt|html)$/, '.expected.yaml')), 'utf8')) as {
      fields: Record<string, unknown>;
    }
  ).fields;

/** What the reader gets wrong today, page by page: a change here is a change in recovery. */
const MISSED: Record<string, string[]> = {
  // conditions as sentences in one paragraph, a material with its form run into its name, steps joined by arrows
  'gjj-retirement-withdrawal-hard.txt': ['conditions', 'materials', 'steps'],
};

describe('page copies', () => {
  it('are at least ten, each with its expected fields', () => {
    expect(pages).toEqual([
      'budongchan-mortgage-table.html',
      'gjj-retirement-withdrawal-hard.txt',
      'gjj-transfer-sparse.txt',
      'hukou-idcard-item-codes.txt',
      'hukou-newborn-browser.txt',
      'jiaotong-ascii.txt',
      'minzheng-relief-spaced.txt',
      'scjg-individual-business-materials.html',
      'shebao-card-replacement.html',
      'shebao-pension-brackets.txt',
      'weijian-birth-cert-inline.txt',
      'yibao-offsite-sections.txt',
    ]);
  });

  it.each(pages)('%s: recovers exactly the listed fields, misses only the known ones', (name) => {
    const draft = draftOf(name);
    const expected = expectedOf(name);
    const recovery = pageRecovery(draft.data, expected);
    expect(recovery.missed).toEqual(MISSED[name] ?? []);
    // Nothing filled that the page does not hold (收费依据 is read into the fees' basis).
    expect(draft.recognised.filter((path) => path !== 'fees.basis')).toEqual(Object.keys(expected));
    expect(draft.data.status).toBe('草稿');
  });

  it.each([
    'hukou-newborn-browser.txt',
    'budongchan-mortgage-table.html',
    'gjj-transfer-sparse.txt',
    'shebao-card-replacement.html',
  ])('%s: gives exactly its golden draft', (name) => {
    const draft = draftOf(name);
    const golden = readFileSync(join(PAGES, name.replace(/\.(txt|html)$/, '.draft.md')), 'utf8');
    expect(guideFileText(draft.data, { schema: '../../../schema/guide.schema.json', body: draft.body })).toBe(golden);
  });

  it('keeps every line it did not read, and drops only chrome it recognises', () => {
    const draft = draftOf('hukou-newborn-browser.txt');
    expect(draft.unclassified).toEqual(['新生儿出生登记（入户）', '您对本事项的服务是否满意？']);
    expect(draft.recognisedNames).toEqual([
      '事项名称',
      '基本编码',
      '实施编码',
      '事项类型',
      '行使层级',
      '实施主体',
      '服务对象',
      '设定依据',
      '受理条件',
      '申请材料',
      '办理流程',
      '办件类型',
      '法定时限',
      '承诺时限',
      '收费',
      '办理结果',
      '送达方式',
      '到现场次数',
      '必须到现场的原因',
      '网办程度',
      '支持预约',
      '支持快递',
      '办理地点',
      '办公时间',
      '咨询电话',
      '投诉电话',
    ]);
  });
});

describe('labels', () => {
  it('are read at line starts and inline, numbered, bracketed, spaced, with either colon', () => {
    const draft = draftFromText(
      [
        '一、受理条件',
        '【申请材料】居民户口簿（原件）',
        '1.办理时限:5个工作日',
        '办 理 地 点：东湖区政务服务中心',
        '本事项当场办结。咨询电话：0000-66230110；监督投诉电话：12345',
        '事项类型\t公共服务\t行使层级\t县级',
        '受理条件：在东湖区落户',
      ].join('\n'),
    );
    expect(draft.data).toEqual({
      conditions: ['在东湖区落户'],
      materials: [{ name: '居民户口簿', form: '原件' }],
      time_limit: { promised: { days: 5, unit: '工作日' } },
      locations: [{ name: '东湖区政务服务中心' }],
      contacts: { consult: '0000-66230110', complaint: '12345' },
      type: '公共服务',
      level: '县级',
      id: 'imported-draft',
      status: '草稿',
    });
    expect(draft.unclassified).toEqual(['本事项当场办结。']);
  });

  it('keep a value they cannot read, with its label, and a second different value', () => {
    const draft = draftFromText(
      '事项名称：居住证申领\n办理时限：按规定办理\n咨询电话：0000-66230110\n咨询电话：0000-66239999',
    );
    expect(draft.data).toEqual({
      title: '居住证申领',
      contacts: { consult: '0000-66230110' },
      id: 'imported-draft',
      status: '草稿',
    });
    expect(draft.body).toBe('## 未归类内容\n\n办理时限：按规定办理\n\n咨询电话：0000-66239999\n');
  });

  it('keep a second place (the guide lists one from the page; a clerk adds the others)', () => {
    const draft = draftFromText(
      '办理地点：东湖区政务服务中心\n办理时间：周一至周五 9:00-17:00\n办理地点：西岭区政务服务中心',
    );
    expect(draft.data.locations).toEqual([{ name: '东湖区政务服务中心', hours: '周一至周五 9:00-17:00' }]);
    expect(draft.unclassified).toEqual(['办理地点：西岭区政务服务中心']);
  });

  it('do not match inside a sentence or run into the next word', () => {
    const draft = draftFromText('居住证申领\n符合下列受理条件：在本市居住满半年\n实施主体性质：法定机关');
    expect(draft.data).toEqual({ title: '居住证申领', id: 'imported-draft', status: '草稿' });
    expect(draft.unclassified).toEqual(['符合下列受理条件：在本市居住满半年', '实施主体性质：法定机关']);
  });

  it('take the id from --id, else the 实施编码 or 基本编码', () => {
    expect(draftFromText('基本编码：000104001000').data.id).toBe('000104001000');
    expect(draftFromText('基本编码：000104001000\n实施编码：3707860701401-001').data.id).toBe('3707860701401-001');
    expect(draftFromText('基本编码：000104001000', { id: 'id-card-first' }).data.id).toBe('id-card-first');
  });

  it('are all owned by one field each (the data file is checked on load)', () => {
    const labels = pageLabels();
    const all = labels.fields.flatMap((field) => field.labels);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('values', () => {
  it('time limits', () => {
    expect(readDuration('20个工作日')).toEqual({ days: 20, unit: '工作日' });
    expect(readDuration('二十个工作日内')).toEqual({ days: 20, unit: '工作日' });
    expect(readDuration('1个月')).toEqual({ months: 1 });
    expect(readDuration('60日')).toEqual({ days: 60, unit: '自然日' });
    expect(readDuration('3（工作日）')).toEqual({ days: 3, unit: '工作日' });
    expect(readDuration('即办')).toEqual({ days: 0, unit: '工作日' });
    expect(readDuration('15个工作日（不含公示时间）')).toEqual({
      days: 15,
      unit: '工作日',
      note: '15个工作日（不含公示时间）',
    });
    expect(readDuration('按规定办理')).toBeUndefined();
  });

  it('materials', () => {
    const labels = pageLabels();
    expect(readMaterial('结婚证（原件1份，复印件1份）', labels)).toEqual({
      name: '结婚证',
      form: ['原件', '复印件'],
      copies: 1,
    });
    expect(readMaterial('居民身份证, 原件1份', labels)).toEqual({ name: '居民身份证', form: '原件', copies: 1 });
    expect(readMaterial('《临时救助申请书》（原件2份，需本人签字）', labels)).toEqual({
      name: '临时救助申请书',
      form: '原件',
      copies: 2,
      requirements: '需本人签字',
    });
    expect(readMaterial('个人承诺书（非必要）', labels)).toEqual({ name: '个人承诺书', need: '情形必要' });
    expect(readMaterial('委托他人办理的，提供授权委托书（原件）', labels)).toEqual({
      name: '授权委托书',
      need: '情形必要',
      situation: '委托他人办理的',
      form: '原件',
    });
    expect(readMaterial('营业执照（副本）', labels)).toEqual({ name: '营业执照（副本）' });
  });

  it('phone numbers', () => {
    expect(findPhone('咨询电话：（0000）66340123')).toBe('0000-66340123');
    expect(findPhone('0000－66231234')).toBe('0000-66231234');
    expect(findPhone('请拨打12345')).toBe('12345');
    expect(findPhone('东湖区 0000-66151111；西岭区 0000-66341111')).toBe('0000-66151111');
    expect(findPhone('窗口咨询')).toBeUndefined();
  });

  it('numbered lists', () => {
    expect(listItems(['1.第一项；2.第二项；3.第三项。'])).toEqual({
      items: ['第一项', '第二项', '第三项。'],
      leftover: [],
    });
    expect(listItems(['申请人应当具备下列条件：', '（一）年满18周岁；', '（二）在本市居住', '满半年。'])).toEqual({
      items: ['年满18周岁', '在本市居住满半年。'],
      leftover: ['申请人应当具备下列条件：'],
    });
    expect(listItems(['① 甲', '② 乙'])).toEqual({ items: ['甲', '乙'], leftover: [] });
    expect(listItems(['《甲法》第一条；《乙法》第二条'])).toEqual({
      items: ['《甲法》第一条', '《乙法》第二条'],
      leftover: [],
    });
  });

  it('网上办理深度 一级 is 预约办理 when the page says 支持预约, else 仅线下办理', () => {
    expect(draftFromText('网上办理深度：一级\n是否支持预约：是').data.online).toEqual({ level: '预约办理' });
    expect(draftFromText('网上办理深度：一级\n是否支持预约：否').data.online).toEqual({ level: '仅线下办理' });
    expect(draftFromText('网上办理深度：三级').data.online).toEqual({ level: '网上申请' });
  });
});

describe('html', () => {
  it('reads tables as tab-separated rows, drops navigation, and takes the title from <h1> or <title>', () => {
    const html =
      '<html><head><title>居住证申领办事指南_青禾市政务服务网</title></head><body><nav>首页 个人服务</nav>' +
      '<table><tr><th>办理时限</th><td>10个工作日</td></tr><tr><th>受理条件</th><td><p>1.居住满半年；</p><p>2.有合法稳定住所。</p></td></tr></table></body></html>';
    expect(pageTextFromHtml(html)).toEqual({
      text: '办理时限\t10个工作日\n受理条件\t1.居住满半年；\n2.有合法稳定住所。',
      title: '居住证申领',
    });
    expect(draftFromHtml(html).data).toEqual({
      title: '居住证申领',
      time_limit: { promised: { days: 10, unit: '工作日' } },
      conditions: ['居住满半年', '有合法稳定住所。'],
      id: 'imported-draft',
      status: '草稿',
    });
  });
});
