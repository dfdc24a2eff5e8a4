export { publish, type PublishOptions, type Publication, type Built, type Unpublished } from './publish.js';
export { siteIdentity, siteTemplates, type TemplatesChoice } from './templates.js';
export { checkOutput, replaceSite, MARKER, type BuildInputs, type OutputPlace } from './site-output.js';
export { writeSiteFiles, printHandouts } from './write-site.js';
export { mergeShards, parseShard, type Shard, type Merged } from './shard.js';
