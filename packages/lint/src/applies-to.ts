import { isJourneyPath } from '@baihua/core';
import type { DocumentKind, RuleMeta } from './types.js';

/** What a file is: a journey (一件事) in a `journeys` folder, else a guide. */
export function documentKind(filePath: string): DocumentKind {
  return isJourneyPath(filePath) ? 'journey' : 'guide';
}

/** Whether a rule checks files of this kind (`meta.appliesTo`; absent: every kind). */
export function appliesTo(meta: RuleMeta, kind: DocumentKind): boolean {
  return !meta.appliesTo || meta.appliesTo.includes(kind);
}
