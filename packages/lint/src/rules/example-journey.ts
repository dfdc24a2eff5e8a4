import { otherGuide } from './catalog-helpers.js';

/**
 * A journey (一件事) in compact form, and the guides of its catalog: the journey rules' examples
 * show one change to it. 换领居民身份证 (the example guide) hands over the 居民身份证 that
 * 首次申请普通护照 asks for.
 */
export const EXAMPLE_JOURNEY = `---
id: id-card-and-passport
title: 换证出国一件事
summary: 先换新身份证，再用新身份证申请护照。
life_event: 出国出境
steps:
  - title: 换身份证
    guides: [id-card-renewal]
  - title: 申请护照
    guides: [passport-application]
target: { visits: 2 }
reviewed: 2026-10-01
---
`;

/** Where an example journey is saved: journeys are the files of a `journeys` folder. */
export const JOURNEY_FILE = 'journeys/id-card-and-passport.md';

/** The example journey with one line replaced (the line must occur exactly once). */
export function journeyWith(line: string, replacement: string): string {
  if (EXAMPLE_JOURNEY.split(line).length !== 2) throw new Error(`example journey line not unique: ${line}`);
  return EXAMPLE_JOURNEY.replace(line, replacement);
}

/** The example guide, saved as the guide the example journey's first step names. */
export const ID_CARD_GUIDE = otherGuide('id-card-renewal.md');

/** 首次申请普通护照: asks for the 居民身份证 the first step hands over, at another window. */
export const PASSPORT_GUIDE = otherGuide(
  'passport-application.md',
  ['id: id-card-renewal', 'id: passport-application'],
  ['title: 换领居民身份证', 'title: 首次申请普通护照'],
  ['  - name: 居民户口簿', '  - name: 居民身份证'],
  ['result: { name: 居民身份证', 'result: { name: 普通护照'],
  ['{ item: 工本费, amount: 20,', '{ item: 护照工本费, amount: 120,'],
  ['{ name: 东湖区政务服务中心,', '{ name: 青禾市出入境接待大厅,'],
);

/** The example journey's catalog: both guides it names. */
export const JOURNEY_CATALOG = [ID_CARD_GUIDE, PASSPORT_GUIDE];
