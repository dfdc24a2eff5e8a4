import {
  asksForPaper,
  planJourney,
  quantity,
  readJourneyModel,
  textOf,
  type JourneyMaterial,
  type JourneyPlan,
  type JourneyService,
  type MaterialSource,
  type ParsedGuide,
  type PlannedStep,
} from '@baihua/core';
import { bodyHtml } from './body.js';

/**
 * A journey (一件事) as its pages show it: the steps in order, one checklist of materials and the
 * totals, every line worded here from `planJourney`, so that web, mobile, print and the bundle say
 * the same. Values are plain strings (Handlebars escapes them); only `body` is sanitized HTML.
 */
export interface JourneyView {
  id: string;
  title: string;
  summary: string;
  department: string;
  lifeEvent: string;
  aliases: string[];
  keywords: string[];
  steps: JourneyStepView[];
  checklist: ChecklistItemView[];
  /** 跑几次, 最长多久, 多少钱: each with the notes that explain it */
  totals: JourneyTotalView[];
  body: string;
  reviewed: string;
  changeNote?: string;
}

export interface JourneyStepView {
  /** 第N步: a step done at the same time as the one before it shares its number */
  label: string;
  title: string;
  /** 「可以和上一步同时办」 */
  parallel?: string;
  /** 「可选」, with when it is needed */
  optional?: string;
  /** 「任选一项办：」 before the choices, which are joined by 「或」 */
  choice: boolean;
  note?: string;
  services: Array<{ id: string; title: string; found: boolean }>;
}

export interface ChecklistItemView {
  name: string;
  /** whether the citizen brings it: the print page gives it a box to tick */
  bring: boolean;
  /**
   * what an earlier step or an exemption changes: 「不用带：前一步会发给您（…）」, 「第1步「…」会发给您，
   * 请带上」 (a later window asks for the paper), or 「不用带：」 and the exemption
   */
  mark?: string;
  /** each step and service that asks for it, and how */
  uses: string[];
}

export interface JourneyTotalView {
  label: string;
  value: string;
  notes: string[];
}

/** What the pages call a step: 第2步. */
const stepLabel = (number: number) => `第${number}步`;

const FORM_ORDER = ['原件', '复印件', '电子'] as const;

/**
 * The way a use asks for a material: its form and copies, and when it is needed (not for one an
 * earlier step hands over: the citizen has it by then).
 */
function useText(material: JourneyMaterial, handedOver = false): string {
  const how = [
    ...(material.form?.length ? [FORM_ORDER.filter((form) => material.form?.includes(form)).join('、')] : []),
    ...(material.copies !== undefined ? [quantity(material.copies, '份')] : []),
  ];
  const need =
    material.exempt !== undefined
      ? `不用带：${material.exempt}`
      : material.need === '情形必要' && material.situation
        ? `${material.situation}时需要`
        : material.need === '容缺'
          ? '可以后补'
          : '必须提交';
  return [...how, ...(handedOver ? [] : [need])].join(' · ');
}

/** The titles of a journey's services by id, as the pages name them. */
function titlesOf(plan: JourneyPlan): Map<string, string> {
  const titles = new Map<string, string>();
  for (const step of plan.steps) for (const { id, service } of step.services) titles.set(id, service?.title ?? id);
  return titles;
}

/** 「第1步「出生医学证明签发」会发给您」: the step named by its number and the service by its title. */
function sourceText(source: MaterialSource, steps: PlannedStep[], titles: Map<string, string>): string {
  const number = steps.find((step) => step.index === source.step)?.number ?? 0;
  return `${stepLabel(number)}「${titles.get(source.service) ?? source.service}」`;
}

function totalsView(plan: JourneyPlan, titles: Map<string, string>): JourneyTotalView[] {
  const { totals, steps } = plan;
  const named = (ids: string[]) => ids.map((id) => `「${titles.get(id) ?? id}」`).join('、');
  // Each total says which optional steps it counts: those that add to it.
  const optionalNote = (adds: (service: JourneyService) => boolean) => {
    const counted = steps.filter(
      (step) => step.optional && step.services.some(({ service }) => service && adds(service)),
    );
    const labels = [...new Set(counted.map((step) => stepLabel(step.number)))];
    return labels.length ? [`算上了可选的${labels.join('、')}；不用办的话会少一些`] : [];
  };
  const numberOf = (id: string) => steps.find((step) => step.services.some((planned) => planned.id === id))?.number;
  const shared = totals.sharedVisits.map((visit) => {
    const labels = [...new Set(visit.services.map((id) => numberOf(id)))].map((number) => stepLabel(number ?? 0));
    const who = visit.services.map((id) => `「${titles.get(id) ?? id}」`).join('和');
    return `${labels.join('、')}的${who}在同一个窗口办（${visit.place}），算1次`;
  });
  // A service without a guide in the catalog (lint's error; a preview still shows the page) adds
  // nothing the plan can count: no total is given rather than one that is too small.
  const missing = [
    ...new Set(steps.flatMap((step) => step.services.flatMap((planned) => (planned.service ? [] : [planned.id])))),
  ];
  const unknown = (label: string, ids: string[], lacks: string): JourneyTotalView | undefined =>
    missing.length
      ? { label, value: '说不准', notes: [`${named(missing)}还没有指南`] }
      : ids.length
        ? { label, value: '说不准', notes: [`${named(ids)}的指南没有写${lacks}`] }
        : undefined;
  const visits: JourneyTotalView = unknown('跑几次', totals.unknown.visits, '要跑几次') ?? {
    label: '跑几次',
    value: totals.visits === 0 ? '不用跑，全程网上办' : `最多跑${quantity(totals.visits ?? 0, '次')}`,
    notes: [...shared, ...optionalNote((service) => (service.visits ?? 0) > 0)],
  };
  const time: JourneyTotalView = unknown('最长多久', totals.unknown.time, '承诺时限') ?? {
    label: '最长多久',
    value: totals.calendarDays === 0 ? '当场办结' : `最长约${quantity(totals.calendarDays ?? 0, '天')}`,
    notes: [
      '按日历上的天数算，工作日按每5个工作日算7天；同时办的步骤按最长的一项算',
      ...optionalNote((service) => service.promised !== undefined),
    ],
  };
  const fee: JourneyTotalView = unknown('一共多少钱', totals.unknown.fee, '收费金额') ?? {
    label: '一共多少钱',
    value: totals.fee === 0 ? '不收费' : `一共最多${quantity(totals.fee ?? 0, '元')}`,
    notes: [
      ...(steps.some(
        (step) => step.logic === '任选一项' && new Set(step.services.map(({ service }) => service?.fee)).size > 1,
      )
        ? ['几项任选一项的，按最贵的一项算']
        : []),
      ...optionalNote((service) => (service.fee ?? 0) > 0),
    ],
  };
  return [visits, time, fee];
}

function checklistView(plan: JourneyPlan, titles: Map<string, string>): ChecklistItemView[] {
  const { steps } = plan;
  const numberOf = (index: number) => steps.find((step) => step.index === index)?.number ?? 0;
  return plan.checklist.map((entry) => {
    const from = entry.producedBy && sourceText(entry.producedBy, steps, titles);
    // Handed over, but a later window asks for the paper: the citizen brings what they were given.
    const mark = entry.producedBy
      ? entry.bringAlong
        ? `${from}会发给您，请带上`
        : `不用带：前一步会发给您（${from}办好后发的${entry.producedBy.result}）`
      : entry.exempt
        ? `不用带：${entry.exempt}`
        : undefined;
    const uses = entry.uses.map((use) => {
      const where = `${stepLabel(numberOf(use.step))}「${titles.get(use.service) ?? use.service}」`;
      // A use an earlier step covers, in an entry the citizen still brings for another step.
      if (use.producedBy && !entry.producedBy) {
        const source = sourceText(use.producedBy, steps, titles);
        return asksForPaper(use.material)
          ? `${where}：${source}会发给您，请带上 · ${useText(use.material, true)}`
          : `${where}：不用带，${source}会发给您`;
      }
      return `${where}：${useText(use.material, Boolean(use.producedBy))}`;
    });
    const bring = !(entry.producedBy && !entry.bringAlong) && !entry.exempt;
    return { name: entry.name, bring, ...(mark && { mark }), uses };
  });
}

function stepsView(plan: JourneyPlan): JourneyStepView[] {
  return plan.steps.map((step) => ({
    label: stepLabel(step.number),
    title: step.title,
    ...(step.parallel && { parallel: '可以和上一步同时办' }),
    ...(step.optional && { optional: step.when ? `可选：${step.when}时办` : '可选' }),
    choice: step.logic === '任选一项' && step.services.length > 1,
    ...(step.note && { note: step.note }),
    services: step.services.map(({ id, service }) => ({ id, title: service?.title ?? id, found: Boolean(service) })),
  }));
}

/** A journey's view and its plan, over the services of the catalog by id. */
export function journeyView(
  journey: ParsedGuide,
  services: ReadonlyMap<string, JourneyService>,
): { view: JourneyView; plan: JourneyPlan } {
  const { fields } = readJourneyModel(journey);
  const plan = planJourney(fields, services);
  const titles = titlesOf(plan);
  const texts = (values: Array<string | undefined> | undefined) =>
    (values ?? []).flatMap((value) => textOf(value) ?? []);
  const changeNote = textOf(fields.change_note);
  const view: JourneyView = {
    id: textOf(fields.id) ?? '',
    title: textOf(fields.title) ?? '',
    summary: textOf(fields.summary) ?? '',
    department: textOf(fields.department) ?? '',
    lifeEvent: textOf(fields.life_event) ?? '',
    aliases: texts(fields.aliases),
    keywords: texts(fields.keywords),
    steps: stepsView(plan),
    checklist: checklistView(plan, titles),
    totals: totalsView(plan, titles),
    body: journey.body ? bodyHtml(journey.body.tree) : '',
    reviewed: textOf(fields.reviewed) ?? '',
    ...(changeNote && { changeNote }),
  };
  return { view, plan };
}

/** Where a guide stands in a journey: its page says 「这是「…」的第2步」 and links to the journey. */
export interface JourneyMembership {
  id: string;
  title: string;
  /** 第2步 */
  step: string;
  stepTitle: string;
}

/** Every guide's places in the journeys, by guide id; a guide twice in one journey is listed at each step. */
export function journeyMemberships(journeys: readonly ParsedGuide[]): Map<string, JourneyMembership[]> {
  const byGuide = new Map<string, JourneyMembership[]>();
  for (const journey of journeys) {
    const { fields } = readJourneyModel(journey);
    const plan = planJourney(fields, new Map());
    const id = textOf(fields.id) ?? '';
    const title = textOf(fields.title) ?? id;
    for (const step of plan.steps) {
      for (const service of step.services) {
        const membership = { id, title, step: stepLabel(step.number), stepTitle: step.title };
        byGuide.set(service.id, [...(byGuide.get(service.id) ?? []), membership]);
      }
    }
  }
  for (const list of byGuide.values()) list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return byGuide;
}
