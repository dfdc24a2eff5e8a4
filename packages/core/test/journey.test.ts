import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  isJourneyPath,
  journeyService,
  parseGuide,
  planJourney,
  readGuideModel,
  readJourneyModel,
  SourceFile,
  type JourneyFields,
  type JourneyService,
} from '../src/index.js';

/** A service as its guide states it; only what the plan reads. */
function service(id: string, fields: Partial<JourneyService>): JourneyService {
  return { id, title: fields.title ?? id, materials: [], places: [], visits: 0, fee: 0, ...fields };
}

const days = (count: number, unit: '工作日' | '自然日' = '工作日') => ({ days: count, unit });
const material = (name: string, extra: Record<string, unknown> = {}) => ({ name, need: '必要' as const, ...extra });

const catalog = new Map(
  [
    service('birth-certificate', {
      title: '出生医学证明签发',
      materials: [material('父母的居民身份证', { form: ['原件'] })],
      result: '出生医学证明',
      visits: 1,
      promised: days(0),
      places: ['青禾市妇幼保健院｜出生证窗口'],
    }),
    service('household-online', {
      title: '网上报户口',
      materials: [material('《出生医学证明》'), material('父母的居民身份证', { form: ['电子'] })],
      result: '居民户口簿',
      visits: 0,
      promised: days(5),
    }),
    service('household-window', {
      title: '到派出所报户口',
      materials: [material('出生医学证明'), material('父母的居民身份证', { form: ['原件'] })],
      result: '居民户口簿',
      visits: 1,
      promised: days(10),
      places: ['东湖派出所｜户籍窗口'],
    }),
    service('medical-insurance', {
      title: '医保参保登记',
      materials: [material('新生儿户口页'), material('参保登记表', { exempt: '窗口打印，您签字就行。' })],
      result: '医保电子凭证',
      visits: 1,
      fee: 400,
      promised: days(7, '自然日'),
      places: ['东湖区政务服务中心｜一件事窗口'],
    }),
    service('social-security-card', {
      title: '社保卡申领',
      materials: [material('居民户口簿'), material('宝宝的照片', { form: ['电子'] })],
      result: '社会保障卡',
      visits: 2,
      fee: 0,
      promised: days(10),
      places: ['东湖区政务服务中心｜一件事窗口', '青禾银行东湖支行｜柜台'],
    }),
  ].map((entry) => [entry.id, entry]),
);

const journey: JourneyFields = {
  id: 'newborn',
  title: '新生儿出生一件事',
  steps: [
    { title: '办出生医学证明', guides: ['birth-certificate'] },
    { title: '给宝宝报户口', guides: ['household-online', 'household-window'], logic: '任选一项' },
    { title: '办医保', guides: ['medical-insurance'] },
    { title: '办社保卡', guides: ['social-security-card'], parallel: true, optional: true, when: '想给宝宝办社保卡的' },
  ],
  same_materials: [{ name: '居民户口簿', also: ['新生儿户口页'] }],
};

describe('planJourney', () => {
  const plan = planJourney(journey, catalog);

  it('numbers the steps, a parallel step sharing the number of the one before it', () => {
    expect(plan.steps.map((step) => [step.index, step.number, step.logic, step.parallel, step.optional])).toEqual([
      [0, 1, '全部', false, false],
      [1, 2, '任选一项', false, false],
      [2, 3, '全部', false, false],
      [3, 3, '全部', true, true],
    ]);
  });

  it('lists each material once, with every use, and marks what an earlier step hands over', () => {
    expect(
      plan.checklist.map((entry) => ({
        name: entry.name,
        uses: entry.uses.map(
          (use) => `${use.step}:${use.service}${use.producedBy ? `←${use.producedBy.service}` : ''}`,
        ),
        producedBy: entry.producedBy?.service,
        exempt: entry.exempt,
      })),
    ).toEqual([
      {
        name: '父母的居民身份证',
        uses: ['0:birth-certificate', '1:household-online', '1:household-window'],
        producedBy: undefined,
        exempt: undefined,
      },
      {
        name: '《出生医学证明》',
        uses: ['1:household-online←birth-certificate', '1:household-window←birth-certificate'],
        producedBy: 'birth-certificate',
        exempt: undefined,
      },
      {
        // same_materials joins 新生儿户口页 to 居民户口簿, which both choices of step 2 hand over
        name: '居民户口簿',
        uses: ['2:medical-insurance←household-online', '3:social-security-card←household-online'],
        producedBy: 'household-online',
        exempt: undefined,
      },
      { name: '参保登记表', uses: ['2:medical-insurance'], producedBy: undefined, exempt: '窗口打印，您签字就行。' },
      { name: '宝宝的照片', uses: ['3:social-security-card'], producedBy: undefined, exempt: undefined },
    ]);
    expect(plan.problems).toEqual([]);
  });

  it('says whether a handed-over material must still be brought: a use asks for paper', () => {
    expect(plan.checklist.map((entry) => entry.bringAlong)).toEqual([undefined, true, true, undefined, undefined]);
    const shared = new Map(catalog);
    for (const id of ['household-online', 'household-window']) {
      const household = catalog.get(id)!;
      shared.set(id, {
        ...household,
        materials: household.materials.map((item) =>
          item.name.includes('出生医学证明') ? { ...item, form: ['电子' as const] } : item,
        ),
      });
    }
    const entry = planJourney(journey, shared).checklist.find((item) => item.producedBy?.result === '出生医学证明');
    expect([entry?.name, entry?.bringAlong]).toEqual(['《出生医学证明》', false]);
  });

  it('totals the most visits, the longest time in calendar days and the dearest fees', () => {
    expect(plan.totals).toEqual({
      // 1 (hospital) + 1 (the window choice of step 2) + 2: steps 3 and 4 share the 一件事窗口,
      // counted once at the most either needs
      visits: 4,
      // 0 + 10 working days (14 calendar days) + max(7 calendar, 10 working = 14)
      calendarDays: 28,
      fee: 400,
      optionalCounted: true,
      sharedVisits: [
        { place: '东湖区政务服务中心 一件事窗口', services: ['medical-insurance', 'social-security-card'] },
      ],
      unknown: { visits: [], time: [], fee: [] },
    });
  });

  it('converts the working days of the whole path once: two steps of 1 working day take 3 calendar days', () => {
    const quick = new Map([
      ['seal', service('seal', { promised: days(1) })],
      ['tax', service('tax', { promised: days(1) })],
      ['bank', service('bank', { promised: days(2, '自然日') })],
    ]);
    const steps = [
      { title: '刻章', guides: ['seal'] },
      { title: '领发票', guides: ['tax'] },
    ];
    expect(planJourney({ steps }, quick).totals.calendarDays).toBe(3);
    // a group's longest is compared in calendar days: 2 自然日 beats 1 工作日 (2 calendar days) only when longer
    expect(
      planJourney({ steps: [...steps, { title: '开户', guides: ['bank'], parallel: true }] }, quick).totals
        .calendarDays,
    ).toBe(3);
    expect(planJourney({ steps: [...steps, { title: '开户', guides: ['bank'] }] }, quick).totals.calendarDays).toBe(5);
  });

  it('reports a material only a later step hands over, and a guide the catalog lacks', () => {
    const reordered: JourneyFields = {
      ...journey,
      steps: [
        { title: '给宝宝报户口', guides: ['household-window'] },
        { title: '办出生医学证明', guides: ['birth-certificate'] },
        { title: '办医保', guides: ['medical-insurnce'] },
      ],
    };
    const { problems, totals } = planJourney(reordered, catalog);
    expect(problems).toEqual([
      { kind: 'missing-service', step: 2, position: 0, id: 'medical-insurnce' },
      {
        kind: 'needs-later-result',
        step: 0,
        position: 0,
        service: 'household-window',
        material: '出生医学证明',
        producer: { step: 1, service: 'birth-certificate', result: '出生医学证明' },
      },
    ]);
    expect(totals.visits).toBe(2);
  });

  it('does not count a result one choice alone hands over, nor one of the same group', () => {
    const choices = new Map(catalog);
    choices.set('household-online', { ...catalog.get('household-online')!, result: '户口登记回执' });
    const oneChoice = planJourney(
      {
        steps: [
          { title: '办出生医学证明', guides: ['birth-certificate'] },
          { title: '给宝宝报户口', guides: ['household-window', 'household-online'], logic: '任选一项' },
          { title: '办社保卡', guides: ['social-security-card'] },
        ],
      },
      choices,
    );
    expect(oneChoice.checklist.find((entry) => entry.name === '居民户口簿')?.producedBy).toBeUndefined();
    expect(oneChoice.problems).toEqual([]);
    const sameGroup = planJourney(
      {
        steps: [
          { title: '办出生医学证明', guides: ['birth-certificate'] },
          { title: '给宝宝报户口', guides: ['household-window'] },
          { title: '办医保', guides: ['medical-insurance'], parallel: true },
        ],
        same_materials: [{ name: '居民户口簿', also: ['新生儿户口页'] }],
      },
      catalog,
    );
    expect(sameGroup.problems).toEqual([
      {
        kind: 'needs-later-result',
        step: 2,
        position: 0,
        service: 'medical-insurance',
        material: '新生儿户口页',
        producer: { step: 1, service: 'household-window', result: '居民户口簿' },
      },
    ]);
  });

  it('names the services a total cannot be computed without, and a same_materials name nobody uses', () => {
    const partial = new Map(catalog);
    partial.set('medical-insurance', { ...catalog.get('medical-insurance')!, fee: undefined, promised: undefined });
    const { totals, problems } = planJourney(
      { ...journey, same_materials: [{ name: '居民户口簿', also: ['新生儿户口页', '户口本'] }] },
      partial,
    );
    expect([totals.fee, totals.calendarDays, totals.visits]).toEqual([undefined, undefined, 4]);
    expect(totals.unknown).toEqual({ visits: [], time: ['medical-insurance'], fee: ['medical-insurance'] });
    expect(problems).toEqual([{ kind: 'unused-name', entry: 0, position: 1, name: '户口本' }]);
  });
});

describe('journey files', () => {
  it('are the files in a folder named journeys', () => {
    expect(isJourneyPath('/srv/guides/journeys/newborn.md')).toBe(true);
    expect(isJourneyPath('/srv/guides/户籍/newborn.md')).toBe(false);
    expect(isJourneyPath('/srv/journeys/sub/newborn.md')).toBe(false);
  });

  it('read as a journey even after something read the file as a guide', () => {
    const text = [
      '---',
      'id: newborn',
      'title: 新生儿出生一件事',
      'steps:',
      '  - title: 给宝宝报户口',
      '    guides: [newborn-hukou]',
      '  - title: 给宝宝办医保',
      '    guides: [newborn-medical-insurance]',
      '    parallel: true',
      '---',
      '',
    ].join('\n');
    const journey = parseGuide(new SourceFile('/g/journeys/newborn.md', text));
    // A publisher asks every file of a catalog for its id, journeys too.
    expect(readGuideModel(journey).fields.id).toBe('newborn');
    expect(readJourneyModel(journey).fields.steps?.[1]).toEqual({
      title: '给宝宝办医保',
      guides: ['newborn-medical-insurance'],
      parallel: true,
    });
    expect(readGuideModel(journey).fields.steps?.[1]).toEqual({ title: '给宝宝办医保' });
  });

  it('read into typed fields, a guide into the facts a journey needs', () => {
    const text = [
      '---',
      'id: newborn',
      'title: 新生儿出生一件事',
      'steps:',
      '  - title: 办出生医学证明',
      '    guides: [birth-certificate]',
      '    logic: 都要',
      '---',
      '',
    ].join('\n');
    const model = readJourneyModel(parseGuide(new SourceFile('/g/journeys/newborn.md', text)));
    // a value outside the enum is left out of the typed fields (the schema rules report it)
    expect(model.fields.steps).toEqual([{ title: '办出生医学证明', guides: ['birth-certificate'] }]);
    const idAt = text.indexOf('birth-certificate');
    expect(model.rangeOf(['steps', 0, 'guides', 0])?.value).toEqual({ start: idAt, end: idAt + 17 });
    expect(
      journeyService({
        id: 'seal',
        title: '公章刻制备案',
        materials: [
          { name: '营业执照', form: '原件', copies: 1 },
          { name: '法定代表人身份证', exempt: { source: '电子证照库' } },
        ],
        result: { name: '企业印章', delivery: ['窗口领取'] },
        visits: 1,
        time_limit: { promised: { days: 1, unit: '工作日' }, statutory: { days: 1, unit: '工作日' } },
        fees: {
          free: false,
          items: [
            { item: '刻章费', amount: 0 },
            { item: '备案', amount: 20 },
          ],
        },
        locations: [{ name: '东湖区政务服务中心', window: '企业开办专区' }, { name: '西岭区政务服务中心' }],
      }),
    ).toEqual({
      id: 'seal',
      title: '公章刻制备案',
      materials: [
        { name: '营业执照', need: '必要', form: ['原件'], copies: 1 },
        { name: '法定代表人身份证', need: '必要', exempt: '电子证照库' },
      ],
      result: '企业印章',
      visits: 1,
      promised: { days: 1, unit: '工作日' },
      fee: 20,
      places: ['东湖区政务服务中心｜企业开办专区', '西岭区政务服务中心｜'],
    });
  });
});

describe('planJourney on the fixture catalog (tests/fixtures/journeys)', () => {
  const fixture = new URL('../../../tests/fixtures/journeys/', import.meta.url);
  const parsed = (path: string) => {
    const url = new URL(path, fixture);
    return parseGuide(new SourceFile(url.pathname, readFileSync(url, 'utf8')));
  };
  const services = new Map(
    readdirSync(new URL('guides/', fixture)).map((name) => {
      const found = journeyService(readGuideModel(parsed(`guides/${name}`)).fields)!;
      return [found.id, found] as const;
    }),
  );

  it('merges the checklist, shares the visit at one window and counts the dearest choice', () => {
    const plan = planJourney(readJourneyModel(parsed('journeys/newborn.md')).fields, services);
    expect(plan.problems).toEqual([]);
    expect(plan.steps.map((step) => [step.number, step.title, step.logic, step.parallel])).toEqual([
      [1, '办出生医学证明', '全部', false],
      [2, '给宝宝报户口', '全部', false],
      [2, '办预防接种证', '任选一项', true],
      [3, '参加医保、办社保卡', '全部', false],
    ]);
    // 出生医学证明 3 working days, then 报户口 and the community's 接种证 (5 working days) at
    // once, then 社保卡 10: 18 working days, 26 calendar days.
    expect(plan.totals).toEqual({
      visits: 4,
      calendarDays: 26,
      fee: 380,
      optionalCounted: false,
      sharedVisits: [
        { place: '东湖区政务服务中心 8号窗口', services: ['newborn-medical-insurance', 'social-security-card'] },
      ],
      unknown: { visits: [], time: [], fee: [] },
    });
    expect(
      plan.checklist.map((entry) => [
        entry.name,
        entry.uses.map((use) => use.service).join(' '),
        entry.producedBy ? `${entry.producedBy.service}${entry.bringAlong ? ' 带上' : ''}` : '',
      ]),
    ).toEqual([
      ['父母双方的居民身份证', 'birth-medical-certificate newborn-household-registration', ''],
      ['出生医学证明首次签发登记表', 'birth-medical-certificate', ''],
      [
        '出生医学证明',
        'newborn-household-registration vaccination-certificate-community',
        'birth-medical-certificate 带上',
      ],
      ['居民户口簿', 'newborn-household-registration newborn-medical-insurance social-security-card', ''],
      ['结婚证', 'newborn-household-registration', ''],
      [
        '父母一方的居民身份证',
        'vaccination-certificate-hospital vaccination-certificate-community newborn-medical-insurance social-security-card',
        '',
      ],
    ]);
  });

  it('finds the step that needs a later result, and the name nobody uses', () => {
    const plan = planJourney(readJourneyModel(parsed('journeys/newborn-wrong-order.md')).fields, services);
    expect(plan.problems).toEqual([
      {
        kind: 'needs-later-result',
        step: 0,
        position: 0,
        service: 'newborn-household-registration',
        material: '新生儿出生医学证明',
        producer: { step: 1, service: 'birth-medical-certificate', result: '出生医学证明' },
      },
      { kind: 'unused-name', entry: 0, position: 1, name: '出生证' },
    ]);
    expect([plan.totals.visits, plan.totals.calendarDays, plan.totals.fee]).toEqual([3, 5, 380]);
  });
});
