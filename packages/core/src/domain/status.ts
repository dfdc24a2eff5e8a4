import type { Guide } from '../generated/guide.js';

/** 事项状态 (`status`), as the schema lists them. */
export type GuideStatus = NonNullable<Guide['status']>;

/** A guide imported from the platform's tables or a saved page and not finished yet. */
export const DRAFT: GuideStatus = '草稿';

/** What the schema says is not published: drafts, and services that were cancelled. */
const UNPUBLISHED: readonly GuideStatus[] = [DRAFT, '已取消'];

const statusOf = (data: unknown): unknown =>
  data && typeof data === 'object' && !Array.isArray(data) ? (data as { status?: unknown }).status : undefined;

/**
 * Whether a guide's fields (as parsed, of any shape) make it a draft: lint then sums up what it
 * still lacks in one finding, and the build leaves it out.
 */
export function isDraft(data: unknown): boolean {
  return statusOf(data) === DRAFT;
}

/** The status that keeps a guide off the site (草稿, 已取消), if it has one. */
export function unpublishedStatus(data: unknown): GuideStatus | undefined {
  const status = statusOf(data);
  return UNPUBLISHED.find((candidate) => candidate === status);
}
