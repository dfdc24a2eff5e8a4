// Error classes live apart from the parsers so that a CLI can recognise them without loading
// YAML, Markdown and JSON Schema machinery.

/** A path that cannot be read as a guide at all: exit code 2, like a usage error. */
export class FileAccessError extends Error {
  readonly path: string;
  constructor(path: string, message: string) {
    super(message);
    this.name = 'FileAccessError';
    this.path = path;
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
