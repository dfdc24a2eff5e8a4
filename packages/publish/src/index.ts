export { publish, type PublishOptions, type Publication } from './publish.js';
export { siteTemplates, type TemplatesChoice } from './templates.js';
export { checkOutput, replaceSite, MARKER, type BuildInputs, type OutputPlace } from './site-output.js';
export { writeSiteFiles } from './write-site.js';
