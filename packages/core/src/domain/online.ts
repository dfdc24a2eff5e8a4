import type { Guide } from '../generated/guide.js';
import { guideSchema } from '../schemas.js';

/** How far a service can be handled online (网办程度), as the schema lists them. */
export type OnlineLevel = Guide['online']['level'];

interface LevelSchema {
  properties: { online: { properties: { level: { enum: OnlineLevel[] } } } };
}

export const ONLINE_LEVELS: readonly OnlineLevel[] = (guideSchema as unknown as LevelSchema).properties.online
  .properties.level.enum;

/** The one level with no way in on the web. */
export const OFFLINE_ONLY: OnlineLevel = '仅线下办理';

/** Every level that starts somewhere on the web, so needs an address. */
export const WEB_LEVELS: readonly OnlineLevel[] = ONLINE_LEVELS.filter((level) => level !== OFFLINE_ONLY);
