import { clause } from '@baihua/core';
import type { JourneyView } from './journey-view.js';
import type { GuideView } from './view.js';

/** One fact of a guide as a citizen reads it, and what kind of fact it is (`material-exempt`, `location-phone`). */
export interface ViewFact {
  kind: string;
  text: string;
}

/**
 * Every fact of a guide's view, as the text a page shows for it. Web, mobile and print are built
 * from the same view, and each must show every one of these somewhere in its visible text (the
 * channel test and the browser test check it): a channel may fold or compact a fact, never drop it.
 */
export function viewFacts(view: GuideView): ViewFact[] {
  const facts: ViewFact[] = [];
  const add = (kind: string, ...texts: Array<string | undefined>) => {
    for (const text of texts) if (text) facts.push({ kind, text });
  };
  add('title', view.title);
  add('summary', view.summary);
  add('department', view.department);
  add('alias', ...view.aliases);
  for (const fact of view.keyFacts) {
    add('key-fact', fact.label, fact.value);
    add('key-fact-note', fact.note);
  }
  add('online', view.online?.mobile);
  add('condition', ...view.conditions);
  add('exclusion', ...view.exclusions);
  add('quantity-limit', view.quantityLimit);
  for (const material of view.materials) {
    add('material', material.name);
    add('material-condition', material.need);
    add('material-form', material.form);
    add('material-copies', material.copies);
    add('material-source', material.source);
    add('material-exempt', material.exempt);
    add('material-note', ...material.details);
  }
  for (const step of view.steps) {
    add('step-title', step.title);
    add('step', step.how);
    add('step-where', step.where);
    add('step-duration', step.duration);
  }
  add('time-limit', ...view.timeLimit);
  add('fee', ...view.fees);
  if (view.result) add('result', view.result.name, view.result.delivery, view.result.validity);
  add('express', view.express);
  add('appointment', view.appointment?.phone, view.appointment?.note);
  for (const location of view.locations) {
    add('location', location.name, location.address, location.window);
    add('location-hours', location.hours);
    add('location-holiday', location.holiday && clause(location.holiday));
    add('location-directions', location.transit);
    add('location-phone', location.phone);
  }
  add('contact', ...view.contacts.map((contact) => `${contact.label}：${contact.phone}`));
  add('access', ...view.access);
  for (const entry of view.faq) {
    add('faq-question', entry.question);
    add('faq-answer', entry.answer);
  }
  add('related', ...view.related.map((guide) => guide.title));
  add('journey', ...view.journeys.map((journey) => `这是「${journey.title}」的${journey.step}：${journey.stepTitle}`));
  add('legal-basis', ...view.legalBasis);
  add('reviewed', view.reviewed);
  add('change-note', view.changeNote);
  return facts;
}

/** Every fact of a journey's view, as the text its pages show: each channel shows all of them. */
export function journeyFacts(view: JourneyView): ViewFact[] {
  const facts: ViewFact[] = [];
  const add = (kind: string, ...texts: Array<string | undefined>) => {
    for (const text of texts) if (text) facts.push({ kind, text });
  };
  add('title', view.title);
  add('summary', view.summary);
  add('alias', ...view.aliases);
  for (const total of view.totals) {
    add('total', total.label, total.value);
    add('total-note', ...total.notes);
  }
  for (const step of view.steps) {
    add('step', step.label, step.title, step.parallel, step.optional, step.note);
    add('step-service', ...step.services.map((service) => service.title));
  }
  for (const item of view.checklist) {
    add('material', item.name);
    add('material-mark', item.mark);
    add('material-use', ...item.uses);
  }
  add('department', view.department);
  add('reviewed', view.reviewed);
  add('change-note', view.changeNote);
  return facts;
}
