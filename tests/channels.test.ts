import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MOBILE_PAGE_LIMIT, PAGE_TARGETS, viewFacts, type GuideView } from '@baihua/render';
import type { Element, Nodes } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_IDS, guideViewsIn, guidesDir, runCli, scratch } from './helpers.js';

const parse = (html: string): Nodes => unified().use(rehypeParse).parse(html);

/** The text a reader sees of a node: every text node outside <script>, <style> and <head>, spaces run together. */
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

const visibleText = (html: string): string => textOf(parse(html));

/** The elements of a tree that `test` accepts, in document order. */
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
/** Each material of a page as its text: the items of the list of materials. */
const materialItems = (html: string) =>
  elements(parse(html), (element) => element.tagName === 'ul' && hasClass(element, 'materials')).flatMap((list) =>
    elements(list, (element) => element.tagName === 'li').map(textOf),
  );

const PAGE_OF = {
  web: (id: string) => `web/guides/${id}.html`,
  mobile: (id: string) => `mobile/${id}.html`,
  print: (id: string) => `print/${id}.html`,
};

describe('every fact of a guide on every channel', () => {
  let out: string;
  let views: Map<string, GuideView>;
  const page = (target: keyof typeof PAGE_OF, id: string) => readFileSync(join(out, PAGE_OF[target](id)), 'utf8');

  beforeAll(() => {
    out = join(scratch(), 'dist');
    const run = runCli(['build', guidesDir, '--out', out, '--targets', 'web,mobile,print']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    views = guideViewsIn(guidesDir);
  }, 300_000);

  it('builds a view of each example guide', () => {
    expect([...views.keys()].sort()).toEqual(EXAMPLE_IDS);
  });

  it.each(PAGE_TARGETS.flatMap((target) => EXAMPLE_IDS.map((id) => [target, id] as const)))(
    '%s page of %s shows every fact of the view',
    (target, id) => {
      const text = visibleText(page(target, id));
      const missing = viewFacts(views.get(id)!).filter((fact) => !text.includes(fact.text.replace(/\s+/g, ' ')));
      expect(missing).toEqual([]);
    },
  );

  it.each(PAGE_TARGETS)(
    '%s: an exempt material reads 不用带 with the reason, a conditional one its condition',
    (target) => {
      expect(materialItems(page(target, 'id-card-renewal'))).toEqual([
        `${target === 'print' ? '☐ ' : ''}原居民身份证 原件 · 1份 · 签发旧证的公安局 必须提交 领新证时交回旧证。旧证丢了也能办，窗口会按补领办理，费用一样。`,
        '居民户口簿 电子 · 青禾市公安局东湖分局 不用带：窗口在平台里直接查询，您不用带户口簿。',
        `${target === 'print' ? '☐ ' : ''}监护人的居民身份证 原件 · 1份 · 签发证件的公安局 给不满16周岁的孩子换证时需要 孩子的父母或监护人需要陪孩子一起到场。`,
      ]);
    },
  );

  it('print: a box to tick for each material the citizen brings, none for one the window gets itself', () => {
    for (const id of EXAMPLE_IDS) {
      const items = materialItems(page('print', id));
      const view = views.get(id)!;
      expect(items.map((item) => item.startsWith('☐ '))).toEqual(view.materials.map((material) => !material.exempt));
    }
  });

  it.each(['web', 'mobile'] as const)('%s: every phone number is a tap-to-call link', (target) => {
    for (const id of EXAMPLE_IDS) {
      const view = views.get(id)!;
      const phones = [
        ...view.locations.flatMap((location) => location.phone ?? []),
        ...view.contacts.map((contact) => contact.phone),
        ...(view.appointment?.phone ? [view.appointment.phone] : []),
      ];
      const links = elements(
        parse(page(target, id)),
        (element) => element.tagName === 'a' && String(element.properties.href).startsWith('tel:'),
      ).map(textOf);
      expect(phones.filter((phone) => !links.includes(phone))).toEqual([]);
    }
  });

  it('print: phone numbers are text, not links', () => {
    for (const id of EXAMPLE_IDS) expect(page('print', id)).not.toContain('href="tel:');
  });

  it.each(['web', 'mobile'] as const)('%s: each question of the FAQ and its answer are apart', (target) => {
    const tree = parse(page(target, 'id-card-renewal'));
    const [faq] = elements(tree, (element) => element.properties.id === 'faq');
    expect(elements(faq!, (element) => ['h3', 'p'].includes(element.tagName)).map(textOf)).toEqual([
      '身份证已经过期了，还能换吗？',
      '能换，材料和费用都一样。过期的证件办很多事都不能用，建议到期前3个月就来换。',
      '换证这段时间急用身份证怎么办？',
      '可以在窗口同时申请临时身份证。临时身份证工本费10元，有效期3个月。',
      '户口不在青禾市，能在这里换吗？',
      '能。全国都可以异地换证，您在东湖区任一办理点都能办。',
    ]);
  });

  it('print: the handout has the body, with what to check before going and why it can fail', () => {
    const headings = elements(parse(page('print', 'id-card-renewal')), (element) => element.tagName === 'h2').map(
      textOf,
    );
    expect(headings).toEqual([
      '谁可以办',
      '要带的材料',
      '怎么办',
      '多久办好，要多少钱',
      '去哪里办',
      '办理前请确认',
      '拍照前的准备',
      '办理小贴士',
      '办不成的常见原因',
      '常见问题',
      '相关事项',
      '办理依据',
    ]);
  });

  it.each(['web', 'mobile'] as const)('%s: the start button says what the web can do', (target) => {
    const buttons = Object.fromEntries(
      EXAMPLE_IDS.map((id) => [
        id,
        elements(parse(page(target, id)), (element) => element.tagName === 'a' && hasClass(element, 'start')).map(
          textOf,
        ),
      ]),
    );
    // online.level: 全程网办 → 在网上办理, 网上申请 and 网上预审 → 网上申请, 预约办理 → 网上预约
    expect(buttons).toEqual({
      'birth-medical-certificate': ['网上申请'],
      'company-registration': ['在网上办理'],
      'company-seal-engraving': ['网上申请'],
      'driving-licence-renewal': ['在网上办理'],
      'employer-housing-fund-registration': ['在网上办理'],
      'employer-social-insurance-registration': ['在网上办理'],
      'housing-fund-rent-withdrawal': ['在网上办理'],
      'id-card-renewal': ['网上预约'],
      'income-tax-annual-settlement': ['在网上办理'],
      'individual-business-registration': ['在网上办理'],
      'marriage-registration': ['网上预约'],
      'minimum-living-allowance': ['网上申请'],
      'new-taxpayer-invoice': ['网上申请'],
      'newborn-household-registration': ['在网上办理'],
      'newborn-medical-insurance': ['网上申请'],
      'newborn-social-security-card': ['网上申请'],
      'offsite-medical-filing': ['在网上办理'],
      'passport-application': ['网上预约'],
      'pension-enrollment': ['在网上办理'],
      'primary-school-enrollment': ['网上申请'],
      'second-hand-house-transfer': ['网上预约'],
    });
  });

  it.each(PAGE_TARGETS)('%s: key facts say where to go, and what the fees leave out', (target) => {
    const keyFacts = (id: string) =>
      Object.fromEntries(
        elements(parse(page(target, id)), (element) => element.tagName === 'dt' || element.tagName === 'dd')
          .map(textOf)
          .flatMap((text, index, texts) => (index % 2 ? [] : [[text, texts[index + 1]]])),
      );
    expect(keyFacts('id-card-renewal')).toEqual({
      办理时限: '10个工作日',
      费用: '20元（每证）',
      到现场次数: '最多1次',
      去哪里办: '东湖区政务服务中心等2处',
      网上办理: '可以网上预约',
    });
    expect(keyFacts('driving-licence-renewal')).toMatchObject({
      去哪里办: '全程网上办，不用去现场',
      网上办理: '全程网上办',
    });
    expect(keyFacts('minimum-living-allowance')).toMatchObject({ 网上办理: '可以网上申请' });
    expect(keyFacts('second-hand-house-transfer')).toMatchObject({
      费用: '80元（每件）、10元（每本）不含：契税、增值税、个人所得税，由税务窗口当场算出，另外缴纳',
    });
  });

  it('generated text is set as the guides are: no space between a number and its unit, no full stop before a bracket', () => {
    for (const target of PAGE_TARGETS)
      for (const id of EXAMPLE_IDS) {
        const text = visibleText(page(target, id));
        expect([target, id, text.match(/\d +(个|元|份|次|处)|。）/g)]).toEqual([target, id, null]);
      }
  });

  it('mobile pages stay light', () => {
    for (const id of EXAMPLE_IDS) expect(page('mobile', id).length).toBeLessThan(MOBILE_PAGE_LIMIT);
  });
});
