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
  // conditions as sentences in one paragraph
  'gjj-retirement-withdrawal-hard.txt': ['conditions'],
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

  it('keeps every line it did not read, and drops only chrome it recognises (the rating prompt is chrome)', () => {
    const draft = draftOf('hukou-newborn-browser.txt');
    expect(draft.unclassified).toEqual(['新生儿出生登记（入户）']);
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

  it('keep the cells after a one-line value, and the words of a value it reads only in part', () => {
    const draft = draftFromText(
      [
        '事项类型\t行政确认\t监督投诉\t0000-66440099',
        '办理结果\t结婚证\t有效期\t长期',
        '结果送达方式\t窗口领取；专人送达',
        '咨询电话：0000-66530000（区民政局社会福利科）',
      ].join('\n'),
    );
    expect(draft.data).toEqual({
      type: '行政确认',
      contacts: { complaint: '0000-66440099', consult: '0000-66530000' },
      result: { name: '结婚证', delivery: ['窗口领取'] },
      id: 'imported-draft',
      status: '草稿',
    });
    expect(draft.unclassified).toEqual([
      '有效期\t长期',
      '结果送达方式\t窗口领取；专人送达',
      '咨询电话：0000-66530000（区民政局社会福利科）',
    ]);
  });

  it('keep a one-line value read in part as written: a second number, words beyond the choice', () => {
    const draft = draftFromText(
      [
        '服务对象：企业法人、非法人组织',
        '送达方式：窗口领取或邮政送达',
        '结果领取方式：电子证照；如需纸质证照可申请邮寄（邮费到付）',
        '网办深度：全程网办（四级）',
        '办件类型：承诺件（需现场勘验）',
        '监督投诉电话：0000-66157000；12345',
        '是否支持物流快递：是（仅限省内）',
        '在线办理地址：https://zwfw.example.gov.cn/item/305（请用电脑端浏览器）',
      ].join('\n'),
    );
    expect(draft.data).toEqual({
      audience: ['法人', '其他组织'],
      handling: '承诺件',
      online: { level: '全程网办', url: 'https://zwfw.example.gov.cn/item/305' },
      express: true,
      result: { delivery: ['窗口领取', '邮寄'] },
      contacts: { complaint: '0000-66157000' },
      id: 'imported-draft',
      status: '草稿',
    });
    // 四级 is the platform's word for 全程网办, and 邮政送达 a word for 邮寄: nothing more said.
    expect(draft.unclassified).toEqual([
      '结果领取方式：电子证照；如需纸质证照可申请邮寄（邮费到付）',
      '办件类型：承诺件（需现场勘验）',
      '监督投诉电话：0000-66157000；12345',
      '是否支持物流快递：是（仅限省内）',
      '在线办理地址：https://zwfw.example.gov.cn/item/305（请用电脑端浏览器）',
    ]);
  });

  it('keep a cell after a wide space apart from the value, read two codes in one cell, a fee and its basis on one line', () => {
    const draft = draftFromText(
      [
        '【事项编码】基本编码：000201019000；实施编码：11330102MB1C22334X4000201019000',
        '网办深度：网上申请　申报网址：https://zwfw.example.gov.cn/apply/201019',
        '办理时间：工作日9:00-17:00  停车信息：市民中心地下停车场',
        '收费标准：工本费：10元/证，依据《关于规范不动产登记收费有关问题的通知》（财税〔2016〕79号）',
      ].join('\n'),
    );
    expect(draft.data).toEqual({
      codes: { basic: '000201019000', implementation: '11330102MB1C22334X4000201019000' },
      online: { level: '网上申请' },
      fees: [
        {
          item: '工本费',
          amount: 10,
          unit: '每证',
          basis: '《关于规范不动产登记收费有关问题的通知》（财税〔2016〕79号）',
        },
      ],
      locations: [{ hours: '工作日9:00-17:00' }],
      id: '11330102mb1c22334x4000201019000',
      status: '草稿',
    });
    expect(draft.unclassified).toEqual([
      '申报网址：https://zwfw.example.gov.cn/apply/201019',
      '停车信息：市民中心地下停车场',
    ]);
  });

  it('end a list at a heading they do not know, a rating widget or a footer; its lines are kept', () => {
    const draft = draftFromText(
      [
        '四、办理流程',
        '1、申请：向村（居）委会提出申请；',
        '2、审批：区民政局审批。',
        '五、补贴标准',
        '每人每月100元。',
        '设定依据',
        '《青禾市高龄津贴发放管理办法》第三条',
        '您对本页面内容是否满意？ 非常满意 满意 基本满意 不满意',
        '本页面信息最后更新：2024-06-12',
        '—— 平台说明 ——',
        '本平台由青禾市政务服务中心运营。',
        '常见问题',
        '问：可以代办吗？',
        '答：可以。',
        '咨询监督',
        '咨询电话：0000-66182333',
        '【温馨提示】请携带原件。',
        '网站地图 | 联系我们 | 隐私声明',
      ].join('\n'),
    );
    expect(draft.data).toEqual({
      steps: [
        { title: '申请', how: '向村（居）委会提出申请' },
        { title: '审批', how: '区民政局审批。' },
      ],
      legal_basis: ['《青禾市高龄津贴发放管理办法》第三条'],
      faq: [{ question: '可以代办吗？', answer: '可以。' }],
      contacts: { consult: '0000-66182333' },
      id: 'imported-draft',
      status: '草稿',
    });
    expect(draft.unclassified).toEqual([
      '五、补贴标准',
      '每人每月100元。',
      '—— 平台说明 ——',
      '本平台由青禾市政务服务中心运营。',
      '咨询监督',
      '【温馨提示】请携带原件。',
    ]);
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

  it('take the title from 事项名称, else the first heading that names a service, not the page chrome', () => {
    const phone = draftFromText('9:41\n<  办事指南\n出生医学证明补发\n青禾市西岭区卫生健康局\n办件类型\n承诺件');
    expect(phone.data).toEqual({
      title: '出生医学证明补发',
      department: '青禾市西岭区卫生健康局',
      handling: '承诺件',
      id: 'imported-draft',
      status: '草稿',
    });
    expect(phone.unclassified).toEqual(['9:41', '<  办事指南']);
    const site = draftFromText(
      '国家政务服务平台  |  青禾市旗舰店\n网站首页 | 政务公开 | 政务服务\n公共租赁住房保障资格申请',
    );
    expect(site.data.title).toBe('公共租赁住房保障资格申请');
    expect(draftFromText('居住证签注办事指南\n事项名称：居住证签注').data.title).toBe('居住证签注');
    expect(
      pageTextFromHtml('<title>临时救助对象认定 | 青禾市东湖区政务服务</title><h1>青禾市东湖区政务服务</h1>').title,
    ).toBe('临时救助对象认定');
  });

  it('read special procedures, 告知承诺, 移动端办理, and a 12-character 事项编码 as the 基本编码', () => {
    const draft = draftFromText(
      [
        '事项编码：000108001000',
        '【特别程序】残疾评定，时限15个工作日，不计入办理时限',
        '十五、公示期：5个工作日，不计入办理时限。',
        '是否实行告知承诺\t否\t移动端办理\t“青禾人社”微信公众号 → 我要办',
        '实施编码：11330102MB1234567X4000112001000',
      ].join('\n'),
    );
    expect(draft.data).toEqual({
      codes: { basic: '000108001000', implementation: '11330102MB1234567X4000112001000' },
      special_procedures: [
        { name: '残疾评定', duration: { days: 15, unit: '工作日' }, counts_toward_limit: false },
        { name: '公示', duration: { days: 5, unit: '工作日' }, counts_toward_limit: false },
      ],
      pledge: false,
      online: { mobile: '“青禾人社”微信公众号 → 我要办' },
      id: '11330102mb1234567x4000112001000',
      status: '草稿',
    });
    expect(draftFromText('特别程序：无').data.special_procedures).toBeUndefined();
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

describe('recovery', () => {
  it('counts a field when its value is the expected one, a list item’s closing 「；」 aside', () => {
    const data = { conditions: ['年满16周岁', '户籍在本市。'], visits: 1, title: '居住证签注' };
    expect(
      pageRecovery(data, { conditions: ['年满16周岁；', '户籍在本市。'], visits: 1, title: '居住证签注；补办' }),
    ).toEqual({
      present: ['conditions', 'visits', 'title'],
      recovered: ['conditions', 'visits'],
      missed: ['title'],
    });
    expect(pageRecovery(data, { conditions: ['年满16周岁', '户籍在本市'] }).missed).toEqual(['conditions']);
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
    // The unit words are the platform tables' (platform.yaml `units`), read the same on a page.
    expect(readDuration('10个工作天')).toEqual({ days: 10, unit: '工作日' });
    expect(readDuration('3个日历月')).toEqual({ months: 3 });
    // The note is what the text says besides the duration; a sentence around it is kept whole.
    expect(readDuration('15个工作日（不含公示时间）')).toEqual({ days: 15, unit: '工作日', note: '不含公示时间' });
    expect(readDuration('0个工作日（即办）')).toEqual({ days: 0, unit: '工作日' });
    expect(readDuration('自受理之日起1个工作日内办结')).toEqual({
      days: 1,
      unit: '工作日',
      note: '自受理之日起1个工作日内办结',
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
    // 情形必要 without its case would not be a valid material: the page's word stays as a note.
    expect(readMaterial('个人承诺书（非必要）', labels)).toEqual({ name: '个人承诺书', note: '非必要' });
    // Cells after the name (a row without a header, spans, 「|」), and what a remark says.
    expect(readMaterial('残疾人证\t复印件\t1份\t申请人家庭有残疾人的提供', labels)).toEqual({
      name: '残疾人证',
      need: '情形必要',
      situation: '申请人家庭有残疾人的',
      form: '复印件',
      copies: 1,
    });
    expect(readMaterial('解除劳动合同证明 原件 1份 必要 用人单位已在系统中报送的，无需提供', labels)).toEqual({
      name: '解除劳动合同证明',
      need: '必要',
      form: '原件',
      copies: 1,
      note: '用人单位已在系统中报送的，无需提供',
    });
    expect(readMaterial('医疗费用票据复印件 | 1份 | 情形必要（因病、因灾申请的提供）', labels)).toEqual({
      name: '医疗费用票据',
      need: '情形必要',
      situation: '因病、因灾申请的',
      form: '复印件',
      copies: 1,
    });
    expect(readMaterial('验资报告（原件1份，由会计师事务所出具）', labels)).toEqual({
      name: '验资报告',
      form: '原件',
      copies: 1,
      source: '中介机构出具',
      issuer: '会计师事务所',
    });
    expect(readMaterial('居住地住址证明复印件1份(房屋租赁合同或房屋产权证明文件)', labels)).toEqual({
      name: '居住地住址证明',
      form: '复印件',
      copies: 1,
      note: '房屋租赁合同或房屋产权证明文件',
    });
    expect(readMaterial('属于海关监管的机动车，还应当提交海关出具的解除监管证明书', labels)).toEqual({
      name: '海关出具的解除监管证明书',
      need: '情形必要',
      situation: '属于海关监管的机动车',
    });
    expect(readMaterial('委托他人办理的，提供授权委托书（原件）', labels)).toEqual({
      name: '授权委托书',
      need: '情形必要',
      situation: '委托他人办理的',
      form: '原件',
    });
    expect(readMaterial('营业执照（副本）', labels)).toEqual({ name: '营业执照（副本）' });
    // Form and count glued to the name, as many pages write them.
    expect(readMaterial('居民身份证原件1份', labels)).toEqual({ name: '居民身份证', form: '原件', copies: 1 });
    expect(readMaterial('户口簿原件和复印件各1份', labels)).toEqual({
      name: '户口簿',
      form: ['原件', '复印件'],
      copies: 1,
    });
    expect(readMaterial('近期2寸免冠彩色照片3张', labels)).toEqual({ name: '近期2寸免冠彩色照片', copies: 3 });
    expect(readMaterial('原件', labels)).toEqual({ name: '原件' });
  });

  it('both limits on one line, as pages write under 办理时限', () => {
    expect(draftFromText('办理时限：法定20个工作日，承诺10个工作日').data.time_limit).toEqual({
      statutory: { days: 20, unit: '工作日' },
      promised: { days: 10, unit: '工作日' },
    });
    expect(draftFromText('办理时限：法定时限1个月；承诺时限即办').data.time_limit).toEqual({
      statutory: { months: 1 },
      promised: { days: 0, unit: '工作日' },
    });
    expect(draftFromText('办理时限：10个工作日').data.time_limit).toEqual({ promised: { days: 10, unit: '工作日' } });
    // The limit a line does not name is the other one.
    expect(draftFromText('办理时限：当场办结，法定时限为1个工作日。').data.time_limit).toEqual({
      statutory: { days: 1, unit: '工作日' },
      promised: { days: 0, unit: '工作日' },
    });
  });

  it('fees with the unit before the amount, places named in one line, a place with its address under it', () => {
    expect(
      draftFromText('收费标准\n1. 机动车号牌工本费：汽车号牌每副100元；\n2. 机动车行驶证工本费：每本10元。').data.fees,
    ).toEqual([
      { item: '机动车号牌工本费', amount: 100, unit: '每副' },
      { item: '机动车行驶证工本费', amount: 10, unit: '每本' },
    ]);
    expect(
      draftFromText('办理地点：户籍所在地村（居）委会、镇（街道）便民服务中心\n办理时间：工作日 8:30-17:30').data
        .locations,
    ).toEqual([
      { name: '户籍所在地村（居）委会', hours: '工作日 8:30-17:30' },
      { name: '镇（街道）便民服务中心', hours: '工作日 8:30-17:30' },
    ]);
    expect(draftFromText('办理地点\n西岭区妇幼保健院办理窗口\n西岭区桂花路36号门诊楼1楼').data.locations).toEqual([
      { name: '西岭区妇幼保健院办理窗口', address: '西岭区桂花路36号门诊楼1楼' },
    ]);
  });

  it('places under 办理地点: labelled parts, parts known by look, several places, a table row', () => {
    expect(
      draftFromText(
        [
          '📍 办理地点（2个）',
          '青溪镇便民服务中心',
          '北山区青溪镇溪口街18号',
          '周一至周五 8:30-12:00',
          '☎ 0000-66232301',
          '溪南村代办点',
          '青溪镇溪南村村委会一楼',
          '每周二 9:00-11:30',
          '咨询电话：0000-66232300',
        ].join('\n'),
      ).data,
    ).toEqual({
      locations: [
        {
          name: '青溪镇便民服务中心',
          address: '北山区青溪镇溪口街18号',
          hours: '周一至周五 8:30-12:00',
          phone: '0000-66232301',
        },
        { name: '溪南村代办点', address: '青溪镇溪南村村委会一楼', hours: '每周二 9:00-11:30' },
      ],
      contacts: { consult: '0000-66232300' },
      id: 'imported-draft',
      status: '草稿',
    });
    expect(
      draftFromText(
        [
          '十五、办理地点',
          '1. 东湖分局犬类管理服务站',
          '地 址：东湖区望湖路27号',
          '办 理 时 间:  周一至周六  9:00—17:00',
          '2. 东湖区各派出所户籍窗口',
          '地址：东湖区辖区各派出所',
          '十六、咨询电话：0000-66236600',
        ].join('\n'),
      ).data.locations,
    ).toEqual([
      { name: '东湖分局犬类管理服务站', address: '东湖区望湖路27号', hours: '周一至周六 9:00—17:00' },
      { name: '东湖区各派出所户籍窗口', address: '东湖区辖区各派出所' },
    ]);
    expect(
      draftFromText(
        '办理地点\n窗口名称\t市民中心教育窗口\t办理时间\t工作日9:00-17:00\n办理地址\t东湖区市民大道1号\t窗口电话\t0000-66239120',
      ).data.locations,
    ).toEqual([
      { name: '市民中心教育窗口', address: '东湖区市民大道1号', hours: '工作日9:00-17:00', phone: '0000-66239120' },
    ]);
  });

  it("a top-level hours label after 办理地点 written like the page's fields stays a field of its own", () => {
    expect(
      draftFromText(
        '【办理地点】\n社保窗口（岭南大道200号）\n【办公时间】\n周一至周五 9:00-17:00\n【咨询电话】\n0000-66340123',
      ).data.locations,
    ).toEqual([{ name: '社保窗口', address: '岭南大道200号', hours: '周一至周五 9:00-17:00' }]);
  });

  it('steps under headings of their own, and short steps joined by arrows', () => {
    expect(
      draftFromText(
        '办理流程\n第一步 农户申请\n向村民小组提出书面申请。\n第二步\n审查：镇人民政府组织联审。\n办理结果\n批准书',
      ).data.steps,
    ).toEqual([
      { title: '农户申请', how: '向村民小组提出书面申请。' },
      { title: '审查', how: '镇人民政府组织联审。' },
    ]);
    expect(
      draftFromText(
        '办理流程\n1申请\n登录政务服务网提交申请。\n→\n2办结\n准予注册的，生成电子证书\n不予注册的，书面说明理由。',
      ).data.steps,
    ).toEqual([
      { title: '申请', how: '登录政务服务网提交申请。' },
      { title: '办结', how: '准予注册的，生成电子证书；不予注册的，书面说明理由。' },
    ]);
    expect(draftFromText('办理流程\n申请→受理→审核→办结').data.steps).toEqual(['申请', '受理', '审核', '办结']);
    // Arrows inside a step's sentence are the way through an app, not steps.
    expect(draftFromText('办理流程\n打开小程序→就业服务→填写信息，提交后当场办结。').data.steps).toEqual([
      '打开小程序→就业服务→填写信息，提交后当场办结。',
    ]);
    // A numbered list whose short item sits before the next number is a list, not headings.
    expect(draftFromText('办理流程\n1、提交申请材料；\n2、缴纳费用\n3、当场发证。').data.steps).toEqual([
      '提交申请材料',
      '缴纳费用',
      '当场发证。',
    ]);
  });

  it('exclusions written under the conditions, after a heading or as a sentence', () => {
    expect(
      draftFromText(
        '十、受理条件\n（一）犬只已接种狂犬病疫苗；\n（二）每户限养一只犬。\n下列情形不予登记：\n1. 饲养禁养犬只的；\n2. 被吊销登记证未满五年的。\n十一、办理时限：即办',
      ).data,
    ).toMatchObject({
      conditions: ['犬只已接种狂犬病疫苗', '每户限养一只犬。'],
      exclusions: ['饲养禁养犬只的', '被吊销登记证未满五年的。'],
    });
    expect(
      draftFromText('✅ 谁可以申领\n· 退役军人\n· 烈士遗属\n⚠ 正在服刑的，暂不予办理。\n\n📎 所需材料（3）\n居民身份证')
        .data,
    ).toMatchObject({
      conditions: ['退役军人', '烈士遗属'],
      exclusions: ['正在服刑的，暂不予办理。'],
      materials: [{ name: '居民身份证' }],
    });
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
