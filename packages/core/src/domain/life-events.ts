import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { createRuntimeAjv } from '../schemas.js';
import { coreDataDirectory } from './phone.js';

/** A life event the portal's index groups guides under (data/life-events.yaml). */
export interface LifeEvent {
  name: string;
  /** what services it holds, in a few words: shown under its heading */
  description: string;
}

/** The life events in the order of a life, and which of them each category of guide belongs to. */
export interface LifeEvents {
  events: LifeEvent[];
  byCategory: ReadonlyMap<string, readonly string[]>;
}

const LIFE_EVENTS_SCHEMA = {
  type: 'object',
  required: ['events', 'categories'],
  additionalProperties: false,
  properties: {
    events: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['name', 'description'],
        additionalProperties: false,
        properties: { name: { type: 'string', minLength: 1 }, description: { type: 'string', minLength: 1 } },
      },
    },
    categories: {
      type: 'object',
      additionalProperties: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string' } },
    },
  },
};

let loaded: LifeEvents | undefined;

/** The life events and the category mapping, read and checked on first use. */
export function lifeEvents(): LifeEvents {
  if (loaded) return loaded;
  const file = `${coreDataDirectory}life-events.yaml`;
  const data = parse(readFileSync(file, 'utf8')) as unknown;
  const validate = createRuntimeAjv().compile(LIFE_EVENTS_SCHEMA);
  if (!validate(data)) throw new Error(`${file}: ${JSON.stringify(validate.errors)}`);
  const { events, categories } = data as { events: LifeEvent[]; categories: Record<string, string[]> };
  const names = new Set(events.map((event) => event.name));
  for (const [category, mapped] of Object.entries(categories)) {
    const unknown = mapped.find((name) => !names.has(name));
    if (unknown) throw new Error(`${file}: the category ${category} names the unknown life event ${unknown}`);
  }
  loaded = { events, byCategory: new Map(Object.entries(categories)) };
  return loaded;
}

/** A guide's life events: those it states, else those of its category (none when the category has no mapping). */
export function guideLifeEvents(stated: readonly string[] | undefined, category: string | undefined): string[] {
  if (stated?.length) return [...stated];
  return [...(lifeEvents().byCategory.get(category ?? '') ?? [])];
}
