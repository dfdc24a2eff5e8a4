import { planJourney, type JourneyPlan, type JourneyService } from '@baihua/core';
import type { GuideSummary, Place } from '../types.js';
import type { CatalogRuleContext } from './define.js';

/** The services of a catalog's guides by id, as the journeys name them (the first guide of an id). */
export function servicesOf(guides: readonly GuideSummary[]): Map<string, JourneyService> {
  const services = new Map<string, JourneyService>();
  for (const guide of guides) {
    if (guide.service && !services.has(guide.service.id)) services.set(guide.service.id, guide.service);
  }
  return services;
}

/** A journey the rule reports on, with its plan over the catalog's services. */
export interface PlannedJourney {
  journey: GuideSummary;
  plan: JourneyPlan;
  /** where the value at a JSON pointer is written, else the journey's title */
  placeOf(pointer: string): Place;
}

/** Each journey the rule reports on, planned against the guides of its catalog. */
export function plannedJourneys<Options>(context: CatalogRuleContext<Options>): PlannedJourney[] {
  const services = servicesOf(context.guides);
  return context.journeys.flatMap((journey) => {
    if (!context.reportsOn(journey) || !journey.journey) return [];
    const { fields, places } = journey.journey;
    return [{ journey, plan: planJourney(fields, services), placeOf: (pointer) => places[pointer] ?? journey.at }];
  });
}

/** 「出生医学证明首次签发」: a service named for a message by its guide's title. */
export const titled = (service: JourneyService | undefined, id: string) => `「${service?.title ?? id}」`;

/** How a step is named in messages: 第 2 步「给宝宝报户口」. */
export function stepName(plan: JourneyPlan, index: number): string {
  const step = plan.steps.find((candidate) => candidate.index === index);
  return step ? `第 ${step.number} 步「${step.title}」` : `第 ${index + 1} 步`;
}
