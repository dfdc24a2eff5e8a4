/**
 * Shared helpers for the end-to-end CLI tests (tests/cli-*.test.ts). They build on helpers.ts,
 * which runs the built CLI in a child process.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import * as YAML from 'yaml';
import type { Diagnostic, LintResult } from '@baihua/lint';
import { runCli, type CliRun } from './helpers.js';

export { YAML };

/** Every entry below `dir` (files and directories) with its size and mtime, for "wrote nothing" checks. */
export function snapshotTree(dir: string): Record<string, string> {
  const entries: Record<string, string> = {};
  const walk = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      const path = join(current, name);
      const stats = statSync(path);
      entries[relative(dir, path)] =
        `${stats.isDirectory() ? 'dir' : 'file'} size=${stats.size} mtime=${stats.mtimeMs}`;
      if (stats.isDirectory()) walk(path);
    }
  };
  walk(dir);
  return entries;
}

/** No JavaScript stack trace or error class name leaked to the user. */
export function expectNoStackTrace(run: CliRun): void {
  const all = `${run.stdout}\n${run.stderr}`;
  expect(all).not.toMatch(/^ {4}at /m);
  expect(all).not.toMatch(
    /\b(?:Error|TypeError|RangeError|SyntaxError|ReferenceError|FileAccessError|ConfigError|UsageError):/,
  );
}

/** The stylish report for one file with one finding, exactly as the CLI prints it. */
export function stylishOne(
  path: string,
  position: string,
  severity: 'error' | 'warning',
  message: string,
  ruleId: string,
): string {
  const summary = severity === 'error' ? '✖ 1 个问题（1 个错误，0 个警告）' : '✖ 1 个问题（0 个错误，1 个警告）';
  return `${path}\n  ${position}  ${severity.padEnd(7)}  ${message}  ${ruleId}\n\n${summary}\n`;
}

/** A message as `--format json` prints it: ESLint's shape, without the internal offset range. */
export type JsonMessage = Omit<Diagnostic, 'range'>;

export type JsonResult = Omit<LintResult, 'messages' | 'suppressedMessages'> & {
  messages: JsonMessage[];
  suppressedMessages: JsonMessage[];
};

/** Runs `baihua lint -f json …` and parses the report. */
export function lintJson(
  args: string[],
  options: Parameters<typeof runCli>[1] = {},
): { run: CliRun; results: JsonResult[] } {
  const run = runCli(['lint', '-f', 'json', ...args], options);
  let results: JsonResult[];
  try {
    results = JSON.parse(run.stdout) as JsonResult[];
  } catch {
    throw new Error(`not JSON (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  }
  return { run, results };
}

/** A finding reduced to what a person reads: `line:column severity ruleId message`. */
export function brief(message: JsonMessage): string {
  return `${message.line}:${message.column} ${message.severity === 2 ? 'error' : 'warning'} ${message.ruleId} ${message.message}`;
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}
