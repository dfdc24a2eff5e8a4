export {
  DEFAULT_DEBOUNCE_MS,
  runStdioServer,
  startServer,
  type Feature,
  type InitializationOptions,
  type LintedDocument,
  type ServerContext,
} from './server.js';
export { findingRange, toDiagnostic, type FindingData } from './diagnostics.js';
