import type { JourneyPlan, JourneyService } from '@baihua/core';
import type { GuideSummary, Place } from '../types.js';
import type { CatalogRuleContext } from './define.js';

/** A journey the rule reports on, with its plan over the catalog's services. */
export interface PlannedJourney {
  journey: GuideSummary;
  plan: JourneyPlan;
  /** where the value at a JSON pointer is written, else the journey's title */
  placeOf(pointer: string): Place;
}

/** Each journey the rule reports on, planned against the guides of its catalog. */
export function plannedJourneys<Options>(context: CatalogRuleContext<Options>): PlannedJourney[] {
  return context.journeys.flatMap((journey) => {
    const plan = context.reportsOn(journey) ? context.planOf(journey) : undefined;
    if (!plan || !journey.journey) return [];
    const { places } = journey.journey;
    return [{ journey, plan, placeOf: (pointer) => places[pointer] ?? journey.at }];
  });
}

/** 「出生医学证明首次签发」: a service named for a message by its guide's title. */
export const titled = (service: JourneyService | undefined, id: string) => `「${service?.title ?? id}」`;

/** How a step is named in messages: 第 2 步「给宝宝报户口」. */
export function stepName(plan: JourneyPlan, index: number): string {
  const step = plan.steps.find((candidate) => candidate.index === index);
  return step ? `第 ${step.number} 步「${step.title}」` : `第 ${index + 1} 步`;
}
