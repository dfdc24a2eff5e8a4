import { ConfigError, FileAccessError, UsageError } from '@baihua/core/errors';
import { displayPath } from '@baihua/core/paths';

export { UsageError };

const place = (path: string, point: { line: number; column: number } | undefined) =>
  point ? `${path}:${point.line}:${point.column}` : path;

/** One line for stderr: where and what; a stack trace only with --debug. */
export function describeError(error: unknown, debug: boolean): string {
  if (error instanceof ConfigError) return `${place(error.path, error.point)}: 配置错误：${error.message}`;
  if (error instanceof FileAccessError) {
    const cause = debug && error.cause instanceof Error ? `\n${error.cause.stack ?? error.cause.message}` : '';
    return `${place(displayPath(error.path), error.point)}: ${error.message}${cause}`;
  }
  if (error instanceof UsageError) return `baihua: ${error.message}`;
  const detail = error instanceof Error ? error.message : String(error);
  if (debug && error instanceof Error && error.stack) return `baihua: 内部错误：${error.stack}`;
  return `baihua: 内部错误：${detail}（加 --debug 查看详情，并请报告这个问题）`;
}
