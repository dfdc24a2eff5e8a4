import { basename, dirname } from 'node:path';
import type { GuideFields, JourneyFields } from '../model.js';
import { textOf } from '../model.js';
import { calendarDayRange, inCalendarDays, lengthOf, type Length } from './time.js';

/**
 * 一件事 journeys: several services in one plan. A journey file names guides by id; this module
 * works out, from what each guide states, the one material checklist, what an earlier step hands
 * the citizen for a later one, and the totals (visits, the longest time, fees). Lint reports the
 * problems it finds and render shows the plan, so the page and the linter cannot disagree.
 */

/** The folder a journey file lives in: `journeys/<id>.md`, anywhere in a catalog. */
export const JOURNEY_FOLDER = 'journeys';

/** Whether a file is a journey (in a folder named journeys) rather than a guide. */
export function isJourneyPath(path: string): boolean {
  return basename(dirname(path)) === JOURNEY_FOLDER;
}

/** A material as one service of a journey asks for it. */
export interface JourneyMaterial {
  name: string;
  need: '必要' | '容缺' | '情形必要';
  situation?: string;
  form?: Array<'原件' | '复印件' | '电子'>;
  copies?: number;
  /** why it need not be brought (免提交): the note, else the shared source */
  exempt?: string;
}

/** What a journey needs to know of one service: read from its guide (summaries carry it). */
export interface JourneyService {
  id: string;
  title: string;
  materials: JourneyMaterial[];
  /** the name of what the service hands over (its `result`) */
  result?: string;
  visits?: number;
  promised?: Length;
  /** the fees in yuan; undefined when the guide gives no amount for something it charges */
  fee?: number;
  /** the places it is handled at, each as 「name｜window」: two services at one place share a visit */
  places: string[];
}

/** A guide's facts for journeys; undefined for a guide without an id. */
export function journeyService(fields: GuideFields): JourneyService | undefined {
  const id = textOf(fields.id);
  if (!id) return undefined;
  const materials = (fields.materials ?? []).flatMap((material): JourneyMaterial[] => {
    const name = textOf(material?.name);
    if (!material || !name) return [];
    const form = typeof material.form === 'string' ? [material.form] : material.form?.filter((item) => item);
    const exempt = material.exempt && (textOf(material.exempt.note) ?? textOf(material.exempt.source));
    const situation = textOf(material.situation);
    return [
      {
        name,
        need: material.need ?? '必要',
        ...(situation && { situation }),
        ...(form?.length && { form: form as JourneyMaterial['form'] }),
        ...(material.copies !== undefined && { copies: material.copies }),
        ...(exempt && { exempt }),
      },
    ];
  });
  const result = textOf(fields.result?.name);
  const promised = lengthOf(fields.time_limit?.promised);
  const fee = feeTotal(fields.fees);
  const places = (fields.locations ?? []).flatMap((location) => {
    const name = textOf(location?.name);
    return name ? [`${name}｜${textOf(location?.window) ?? ''}`] : [];
  });
  return {
    id,
    title: textOf(fields.title) ?? id,
    materials,
    ...(result && { result }),
    ...(fields.visits !== undefined && { visits: fields.visits }),
    ...(promised && { promised }),
    ...(fee !== undefined && { fee }),
    places,
  };
}

/** The sum of a guide's fees in yuan; undefined when one is charged without an amount or none is stated. */
function feeTotal(fees: GuideFields['fees']): number | undefined {
  if (fees === undefined) return undefined;
  const items = Array.isArray(fees) ? fees : (fees.items ?? []);
  if (!Array.isArray(fees) && fees.free === undefined && items.length === 0) return undefined;
  let total = 0;
  for (const item of items) {
    if (typeof item?.amount !== 'number') return undefined;
    total += item.amount;
  }
  return total;
}

/**
 * Whether a service asks the citizen to bring the material itself: on paper (原件 or 复印件, or a
 * form not stated) and not exempt (免提交). An electronic or shared material is not carried.
 */
export function asksForPaper(material: JourneyMaterial): boolean {
  return !material.exempt && material.form?.some((form) => form !== '电子') !== false;
}

/** A name as matched across guides: without spaces, title marks or quotes. */
export function materialKey(name: string): string {
  return name.replace(/[\s《》〈〉“”"'‘’「」]/gu, '');
}

export interface PlannedService {
  id: string;
  /** undefined when no guide of the catalog has this id */
  service?: JourneyService;
}

export interface PlannedStep {
  /** the step's index in the file's `steps` */
  index: number;
  /** 第N步: a step run at the same time as the one before it shares its number */
  number: number;
  title: string;
  logic: '全部' | '任选一项';
  optional: boolean;
  parallel: boolean;
  when?: string;
  note?: string;
  services: PlannedService[];
}

/** One use of a checklist material: by which service of which step, as that guide asks for it. */
export interface MaterialUse {
  step: number;
  service: string;
  material: JourneyMaterial;
  /** set when an earlier step hands the citizen this material */
  producedBy?: MaterialSource;
}

export interface MaterialSource {
  step: number;
  service: string;
  /** the result's name as the producing guide writes it */
  result: string;
}

/** A material of the merged checklist: listed once, with every step that uses it. */
export interface ChecklistEntry {
  name: string;
  uses: MaterialUse[];
  /** every use is handed over by an earlier step: the citizen need not get it */
  producedBy?: MaterialSource;
  /**
   * With `producedBy`: whether a use still asks for the paper (原件 or 复印件, not exempt), so the
   * citizen brings what the earlier step gave them (「第1步会发给您，请带上」); otherwise the
   * later services take it electronically or from the shared records: 「不用带：前一步会发给您」.
   */
  bringAlong?: boolean;
  /** every use is exempt (免提交), with the first reason given */
  exempt?: string;
}

/** A visit several services share: at one place, at the same time. */
export interface SharedVisit {
  place: string;
  services: string[];
}

export interface JourneyTotals {
  /** the most visits; undefined when a service does not say */
  visits?: number;
  /** the longest time in calendar days, along the longest path; undefined when a service does not say */
  calendarDays?: number;
  /** the most it can cost in yuan; undefined when a service does not say */
  fee?: number;
  /** whether optional steps add to a total */
  optionalCounted: boolean;
  sharedVisits: SharedVisit[];
  /** the services whose guide lacks what a total needs, by total */
  unknown: { visits: string[]; time: string[]; fee: string[] };
}

export type JourneyProblem =
  | { kind: 'missing-service'; step: number; position: number; id: string }
  | {
      kind: 'needs-later-result';
      step: number;
      position: number;
      service: string;
      material: string;
      producer: MaterialSource;
    }
  | { kind: 'unused-name'; entry: number; position: number; name: string };

export interface JourneyPlan {
  steps: PlannedStep[];
  checklist: ChecklistEntry[];
  totals: JourneyTotals;
  problems: JourneyProblem[];
}

/**
 * The plan of a journey over the services a catalog holds.
 *
 * - Steps run in order; a step with `parallel` runs with the one before it (one group).
 * - A material an earlier group's step hands over (its result, by name or by `same_materials`)
 *   is produced, when the producing step is not optional and, for 任选一项, every choice hands it
 *   over. A material handed over only by the same or a later group is a problem.
 * - Totals are maxima over the choices of 任选一项 and count optional steps: the time is the
 *   sum over groups of the longest service in each (the working days summed, then converted by
 *   `inCalendarDays`: 5 working days take a week), the fee the sum of every service (the dearest choice), the
 *   visits the sum over groups, where services of one group at one place share their visits.
 */
export function planJourney(journey: JourneyFields, services: ReadonlyMap<string, JourneyService>): JourneyPlan {
  const problems: JourneyProblem[] = [];
  const steps = plannedSteps(journey, services, problems);
  const canonical = canonicalNames(journey);
  const checklist = mergedChecklist(steps, canonical, problems);
  problems.push(...unusedNames(journey, steps));
  return { steps, checklist, totals: totalsOf(steps), problems };
}

function plannedSteps(
  journey: JourneyFields,
  services: ReadonlyMap<string, JourneyService>,
  problems: JourneyProblem[],
): PlannedStep[] {
  const steps: PlannedStep[] = [];
  let number = 0;
  (journey.steps ?? []).forEach((step, index) => {
    if (!step) return;
    const parallel = step.parallel === true && steps.length > 0;
    if (!parallel) number += 1;
    const when = textOf(step.when);
    const note = textOf(step.note);
    const planned: PlannedStep = {
      index,
      number,
      title: textOf(step.title) ?? '',
      logic: step.logic ?? '全部',
      optional: step.optional === true,
      parallel,
      ...(when && { when }),
      ...(note && { note }),
      services: [],
    };
    (step.guides ?? []).forEach((id, position) => {
      const trimmed = textOf(id);
      if (!trimmed) return;
      const service = services.get(trimmed);
      if (!service) problems.push({ kind: 'missing-service', step: index, position, id: trimmed });
      planned.services.push({ id: trimmed, ...(service && { service }) });
    });
    steps.push(planned);
  });
  return steps;
}

/** Every name `same_materials` joins, keyed, to the name the checklist uses. */
function canonicalNames(journey: JourneyFields): Map<string, string> {
  const names = new Map<string, string>();
  for (const entry of journey.same_materials ?? []) {
    const name = textOf(entry?.name);
    if (!name) continue;
    names.set(materialKey(name), name);
    for (const also of entry?.also ?? []) {
      const other = textOf(also);
      if (other) names.set(materialKey(other), name);
    }
  }
  return names;
}

const keyOf = (name: string, canonical: Map<string, string>) => {
  const key = materialKey(name);
  const joined = canonical.get(key);
  return joined ? materialKey(joined) : key;
};

/** What each group guarantees to hand over, by material key: the first producing step. */
function producedByGroup(
  steps: PlannedStep[],
  canonical: Map<string, string>,
): Map<number, Map<string, MaterialSource>> {
  const byGroup = new Map<number, Map<string, MaterialSource>>();
  for (const step of steps) {
    const found = step.services.filter((planned) => planned.service);
    const produced = new Map<string, MaterialSource>();
    for (const { service } of found) {
      if (!service?.result) continue;
      const key = keyOf(service.result, canonical);
      const everyChoice =
        step.logic === '全部' ||
        found.every((other) => other.service?.result && keyOf(other.service.result, canonical) === key);
      if (!step.optional && everyChoice && !produced.has(key)) {
        produced.set(key, { step: step.index, service: service.id, result: service.result });
      }
    }
    const group = byGroup.get(step.number) ?? new Map<string, MaterialSource>();
    for (const [key, source] of produced) if (!group.has(key)) group.set(key, source);
    byGroup.set(step.number, group);
  }
  return byGroup;
}

function mergedChecklist(
  steps: PlannedStep[],
  canonical: Map<string, string>,
  problems: JourneyProblem[],
): ChecklistEntry[] {
  const byGroup = producedByGroup(steps, canonical);
  /** Anything any step hands over (also optional or one choice), for the ordering problem. */
  const anyProducer = new Map<string, Array<{ number: number; source: MaterialSource }>>();
  for (const step of steps) {
    for (const { service } of step.services) {
      if (!service?.result) continue;
      const key = keyOf(service.result, canonical);
      const list = anyProducer.get(key) ?? [];
      list.push({ number: step.number, source: { step: step.index, service: service.id, result: service.result } });
      anyProducer.set(key, list);
    }
  }
  const entries = new Map<string, ChecklistEntry>();
  for (const step of steps) {
    step.services.forEach(({ service }, position) => {
      if (!service) return;
      for (const material of service.materials) {
        const key = keyOf(material.name, canonical);
        let producedBy: MaterialSource | undefined;
        for (const [number, produced] of byGroup) {
          const source = number < step.number ? produced.get(key) : undefined;
          if (source && (!producedBy || number < stepNumber(steps, producedBy.step))) producedBy = source;
        }
        const producers = anyProducer.get(key) ?? [];
        if (!producedBy && producers.length > 0 && producers.every(({ number }) => number >= step.number)) {
          const producer = producers.find(({ source }) => source.service !== service.id)?.source;
          if (producer) {
            problems.push({
              kind: 'needs-later-result',
              step: step.index,
              position,
              service: service.id,
              material: material.name,
              producer,
            });
          }
        }
        const entry = entries.get(key) ?? {
          name: canonical.get(materialKey(material.name)) ?? material.name,
          uses: [],
        };
        entry.uses.push({ step: step.index, service: service.id, material, ...(producedBy && { producedBy }) });
        entries.set(key, entry);
      }
    });
  }
  return [...entries.values()].map((entry) => {
    const produced = entry.uses.every((use) => use.producedBy) ? entry.uses[0]!.producedBy : undefined;
    const exempt = entry.uses.every((use) => use.material.exempt) ? entry.uses[0]!.material.exempt : undefined;
    const bringAlong = entry.uses.some((use) => asksForPaper(use.material));
    return {
      ...entry,
      ...(produced && { producedBy: produced, bringAlong }),
      ...(exempt && !produced && { exempt }),
    };
  });
}

const stepNumber = (steps: PlannedStep[], index: number) => steps.find((step) => step.index === index)?.number ?? 0;

/** Names in `same_materials` that no service of the journey uses or hands over. */
function unusedNames(journey: JourneyFields, steps: PlannedStep[]): JourneyProblem[] {
  const written = new Set<string>();
  for (const step of steps) {
    for (const { service } of step.services) {
      if (service?.result) written.add(materialKey(service.result));
      for (const material of service?.materials ?? []) written.add(materialKey(material.name));
    }
  }
  const problems: JourneyProblem[] = [];
  if (steps.some((step) => step.services.some((planned) => !planned.service))) return problems;
  (journey.same_materials ?? []).forEach((entry, index) => {
    (entry?.also ?? []).forEach((also, position) => {
      const name = textOf(also);
      if (name && !written.has(materialKey(name))) {
        problems.push({ kind: 'unused-name', entry: index, position, name });
      }
    });
  });
  return problems;
}

function totalsOf(steps: PlannedStep[]): JourneyTotals {
  const unknown = { visits: new Set<string>(), time: new Set<string>(), fee: new Set<string>() };
  const groups = new Map<number, PlannedStep[]>();
  for (const step of steps) groups.set(step.number, [...(groups.get(step.number) ?? []), step]);
  let visits = 0;
  // The longest service of each group, summed in its own unit: working days are converted once,
  // at the end, so two steps of 1 working day take 3 calendar days, not 2 + 2.
  let workingDays = 0;
  let otherDays = 0;
  let fee = 0;
  const sharedVisits: SharedVisit[] = [];
  for (const group of groups.values()) {
    const found = (step: PlannedStep) => step.services.flatMap(({ service }) => (service ? [service] : []));
    let longest: Length | undefined;
    for (const step of group) {
      const fees: number[] = [];
      for (const service of found(step)) {
        if (!service.promised) unknown.time.add(service.id);
        else if (!longest || calendarDayRange(service.promised).longest > calendarDayRange(longest).longest) {
          longest = service.promised;
        }
        if (service.fee !== undefined) fees.push(service.fee);
        else unknown.fee.add(service.id);
        if (service.visits === undefined) unknown.visits.add(service.id);
      }
      fee += step.logic === '任选一项' ? Math.max(0, ...fees) : fees.reduce((sum, value) => sum + value, 0);
    }
    if (longest && 'days' in longest && longest.unit === '工作日') workingDays += longest.days;
    else if (longest) otherDays += calendarDayRange(longest).longest;
    const most = mostVisits(group.map((step) => ({ logic: step.logic, services: found(step) })));
    visits += most.visits;
    sharedVisits.push(...most.shared);
  }
  const calendarDays = otherDays + inCalendarDays(workingDays, '工作日');
  const optionalCounted = steps.some(
    (step) =>
      step.optional &&
      step.services.some(
        ({ service }) =>
          (service?.visits ?? 0) > 0 ||
          (service?.fee ?? 0) > 0 ||
          (service?.promised !== undefined && calendarDayRange(service.promised).longest > 0),
      ),
  );
  const list = (set: Set<string>) => [...set].sort();
  return {
    ...(unknown.visits.size === 0 && { visits }),
    ...(unknown.time.size === 0 && { calendarDays }),
    ...(unknown.fee.size === 0 && { fee }),
    optionalCounted,
    sharedVisits,
    unknown: { visits: list(unknown.visits), time: list(unknown.time), fee: list(unknown.fee) },
  };
}

/** At most this many combinations of choices are tried in one group; beyond, each choice is taken alone. */
const MAX_COMBINATIONS = 4096;

/**
 * The most visits one group of steps takes, over the choices of its 任选一项 steps: the services
 * chosen that go to one place share their visits (the most any of them needs).
 */
function mostVisits(group: Array<{ logic: '全部' | '任选一项'; services: JourneyService[] }>): {
  visits: number;
  shared: SharedVisit[];
} {
  const fixed = group.filter((step) => step.logic === '全部').flatMap((step) => step.services);
  const choices = group
    .filter((step) => step.logic === '任选一项' && step.services.length > 0)
    .map((step) => step.services);
  const combinations = choices.reduce((count, options) => count * options.length, 1);
  let best = visitsOf(fixed);
  if (combinations <= MAX_COMBINATIONS) {
    const walk = (index: number, chosen: JourneyService[]) => {
      if (index === choices.length) {
        const counted = visitsOf([...fixed, ...chosen]);
        if (counted.visits > best.visits) best = counted;
        return;
      }
      for (const option of choices[index]!) walk(index + 1, [...chosen, option]);
    };
    walk(0, []);
  } else {
    const dearest = choices.map((options) => options.reduce((a, b) => ((b.visits ?? 0) > (a.visits ?? 0) ? b : a)));
    best = visitsOf([...fixed, ...dearest]);
  }
  return best;
}

/** Visits of services done at the same time: those sharing a place are one cluster, counted once. */
function visitsOf(services: JourneyService[]): { visits: number; shared: SharedVisit[] } {
  const going = services.filter((service) => (service.visits ?? 0) > 0);
  const parent = going.map((_, index) => index);
  const root = (index: number): number => {
    let at = index;
    while (parent[at] !== at) at = parent[at]!;
    return at;
  };
  const placeOwner = new Map<string, number>();
  going.forEach((service, index) => {
    for (const place of service.places) {
      const owner = placeOwner.get(place);
      if (owner === undefined) placeOwner.set(place, index);
      else parent[root(index)] = root(owner);
    }
  });
  const clusters = new Map<number, JourneyService[]>();
  going.forEach((service, index) => {
    clusters.set(root(index), [...(clusters.get(root(index)) ?? []), service]);
  });
  let visits = 0;
  const shared: SharedVisit[] = [];
  for (const members of clusters.values()) {
    visits += Math.max(...members.map((service) => service.visits ?? 0));
    if (members.length > 1) {
      const common = members[0]!.places.find((place) => members.every((member) => member.places.includes(place)));
      const [name, window] = (common ?? members[0]!.places[0]!).split('｜');
      shared.push({ place: window ? `${name} ${window}` : name!, services: members.map((member) => member.id) });
    }
  }
  return { visits, shared };
}
