// Error classes live apart from the parsers so that a CLI can recognise them without loading
// YAML, Markdown and JSON Schema machinery.

/**
 * A path that cannot be read as a guide at all, or a guide that cannot be published as it is
 * (an id that is no file name): exit code 2, like a usage error, with the place when there is one.
 */
export class FileAccessError extends Error {
  readonly path: string;
  readonly point: { line: number; column: number } | undefined;
  constructor(path: string, message: string, point?: { line: number; column: number }) {
    super(message);
    this.name = 'FileAccessError';
    this.path = path;
    this.point = point;
  }
}

/** A configuration problem: exit code 2, with the file and position to fix. */
export class ConfigError extends Error {
  readonly path: string;
  readonly point: { line: number; column: number } | undefined;
  constructor(message: string, path: string, point?: { line: number; column: number }) {
    super(message);
    this.name = 'ConfigError';
    this.path = path;
    this.point = point;
  }
}

/**
 * A wrong command line (an option's value, an output folder that is not Baihua's): exit code 2
 * with a one-line explanation. Here rather than in the CLI because the publish pipeline checks
 * the inputs the command line names.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}
