import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isJourneyPath,
  journeyService,
  parseGuide,
  planJourney,
  readGuideModel,
  readJourneyModel,
  SourceFile,
  type JourneyPlan,
  type JourneyService,
} from '@baihua/core';
import { lintJson } from './cli-test-utils.js';
import { guidesDir, scratch } from './helpers.js';

/** The example catalog as a journey sees it: every guide's service facts, and each journey's plan. */
function examplePlans(dir: string): Map<string, JourneyPlan> {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(md|yaml)$/.test(name) && !name.endsWith('baihua.config.yaml'))
    .map((name) => join(dir, name));
  const parse = (path: string) => parseGuide(new SourceFile(path, readFileSync(path, 'utf8')));
  const services = new Map<string, JourneyService>();
  for (const path of files.filter((file) => !isJourneyPath(file))) {
    const service = journeyService(readGuideModel(parse(path)).fields)!;
    services.set(service.id, service);
  }
  return new Map(
    files.filter(isJourneyPath).map((path) => {
      const { fields } = readJourneyModel(parse(path));
      return [fields.id!, planJourney(fields, services)] as const;
    }),
  );
}

/** A checklist as a line per material: its steps (by number), who hands it over, and what it needs. */
function checklistLines(plan: JourneyPlan): string[] {
  const numberOf = (index: number) => plan.steps.find((step) => step.index === index)!.number;
  return plan.checklist.map((entry) => {
    const steps = [...new Set(entry.uses.map((use) => numberOf(use.step)))].join('、');
    const handed = entry.producedBy
      ? ` ← 第${numberOf(entry.producedBy.step)}步 ${entry.producedBy.service}${entry.bringAlong ? '（请带上）' : '（不用带）'}`
      : '';
    return `${entry.name}：第${steps}步${handed}${entry.exempt ? ' 免提交' : ''}`;
  });
}

describe('the example journeys', () => {
  const plans = examplePlans(guidesDir);

  it('are the two of the example catalog, each without a problem', () => {
    expect([...plans.keys()].sort()).toEqual(['company-opening', 'newborn']);
    expect([...plans.values()].flatMap((plan) => plan.problems)).toEqual([]);
  });

  it('新生儿出生: one list of materials, the birth certificate and the household page handed over by earlier steps', () => {
    const plan = plans.get('newborn')!;
    expect(plan.steps.map((step) => `${step.number} ${step.title}${step.optional ? '（可选）' : ''}`)).toEqual([
      '1 在医院办出生医学证明',
      '2 给宝宝报户口',
      '3 给宝宝办医保',
      '3 给宝宝办社保卡（可选）',
    ]);
    expect(checklistLines(plan)).toEqual([
      '母亲的居民身份证：第1步',
      '父亲的居民身份证：第1步',
      '出生医学证明信息登记表：第1步',
      '出生医学证明：第2步 ← 第1步 birth-medical-certificate（请带上）',
      '父母的居民户口簿：第2步',
      '父母的居民身份证：第2步 免提交',
      '结婚证：第2步 免提交',
      // 新生儿户口簿页 (医保) and 居民户口簿 (社保卡) are one material: same_materials says so
      '居民户口簿（新生儿户口页）：第3步 ← 第2步 newborn-household-registration（请带上）',
      '监护人的居民身份证：第3步',
      '授权委托书：第3步',
      '代办人的居民身份证：第3步',
      '城乡居民医保参保登记表：第3步',
      '宝宝的证件照片：第3步',
    ]);
    const household = plan.checklist.find((entry) => entry.name === '居民户口簿（新生儿户口页）')!;
    expect(household.uses.map((use) => use.material.name)).toEqual(['新生儿户口簿页', '居民户口簿']);
  });

  it('新生儿出生: at most 2 visits (医保 and 社保卡 at one window), 7 days at the longest, 400 元', () => {
    expect(plans.get('newborn')!.totals).toEqual({
      visits: 2,
      // 2 working days (出生医学证明) + 3 (户口), converted once: 5 working days take 7 days
      calendarDays: 7,
      fee: 400,
      optionalCounted: true,
      sharedVisits: [
        {
          place: '东湖区政务服务中心 1楼“一件事”综合窗口',
          services: ['newborn-medical-insurance', 'newborn-social-security-card'],
        },
      ],
      unknown: { visits: [], time: [], fee: [] },
    });
  });

  it('企业开办: the licence handed over to four services, the seal to the housing fund; 1 visit, 2 days, free', () => {
    const plan = plans.get('company-opening')!;
    expect(checklistLines(plan)).toEqual([
      '公司登记（备案）申请书：第1步',
      '公司章程：第1步',
      '股东的身份证明：第1步 免提交',
      '住所信息申报承诺书：第1步',
      '委托代理人的居民身份证：第1步',
      '营业执照：第2、3步 ← 第1步 company-registration（请带上）',
      '法定代表人的居民身份证：第2步 免提交',
      '领章人的居民身份证：第2步',
      '办税人员的居民身份证：第2步',
      '涉税事项确认表：第2步',
      '单位银行账户信息：第3步',
      '参保员工名单：第3步',
      '单位住房公积金缴存登记表：第3步',
      '企业印章：第3步 ← 第2步 company-seal-engraving（请带上）',
      '缴存员工名单：第3步',
    ]);
    // 营业执照副本 (the tax office's name) is the 营业执照 step 1 hands over; online, it is not carried
    const licence = plan.checklist.find((entry) => entry.name === '营业执照')!;
    expect(licence.uses.map((use) => `${use.service} ${use.material.name} ${use.material.form?.join('')}`)).toEqual([
      'company-seal-engraving 营业执照 电子原件',
      'new-taxpayer-invoice 营业执照副本 电子原件',
      'employer-social-insurance-registration 营业执照 电子',
      'employer-housing-fund-registration 营业执照 电子',
    ]);
    expect(plan.totals).toEqual({
      visits: 1,
      calendarDays: 2,
      fee: 0,
      optionalCounted: false,
      sharedVisits: [
        { place: '东湖区政务服务中心 1楼企业开办专区', services: ['company-seal-engraving', 'new-taxpayer-invoice'] },
      ],
      unknown: { visits: [], time: [], fee: [] },
    });
  });

  it('a step moved before the one that hands over what it needs is an error at that step', () => {
    const dir = scratch(guidesDir);
    const path = join(dir, 'journeys/newborn.md');
    const text = readFileSync(path, 'utf8');
    // the services of steps 1 and 2 swapped: 报户口 first, before the hospital hands over its certificate
    const swapped = text
      .replace('guides: [birth-medical-certificate]', 'guides: [SWAP]')
      .replace('guides: [newborn-household-registration]', 'guides: [birth-medical-certificate]')
      .replace('guides: [SWAP]', 'guides: [newborn-household-registration]');
    writeFileSync(path, swapped);
    const { results } = lintJson([dir], { cwd: dir });
    const journey = results.find((result) => result.filePath === path)!;
    expect(
      journey.messages.map(({ ruleId, line, column, message }) => ({ ruleId, at: `${line}:${column}`, message })),
    ).toEqual([
      {
        ruleId: 'journey/needs-later-result',
        at: '12:14',
        message:
          '「新生儿出生登记（报户口）」要的「出生医学证明」要等第 2 步「给宝宝报户口」的「出生医学证明首次签发」办出来，' +
          '可那一步排在后面：请把这一步移到第 2 步「给宝宝报户口」之后',
      },
    ]);
  });
});
