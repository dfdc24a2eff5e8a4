/**
 * The baseline (`baihua lint --baseline FILE`): the findings a catalog had when it adopted Baihua,
 * recorded so that only new ones are reported, as ESLint's suppressions file does. A finding is
 * known by its guide, its rule and its fingerprint (the rule, the sentence or field line it is in
 * and the text it flags: not its line), counted, so that an edit elsewhere in the guide brings
 * nothing back and a third copy of a sentence the baseline holds twice is one new finding.
 */
import { existsSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { FileAccessError, readRegularFile } from '@baihua/core';
import { summarize } from './results.js';
import type { Diagnostic, LintResult } from './types.js';
import { writeFileAtomic } from './write.js';

/** The format of the file; a newer Baihua may write a higher one, which this one refuses to read. */
const BASELINE_VERSION = 1;

/** How many times one finding is recorded, and its message for the people who read the file. */
export interface BaselineEntry {
  count: number;
  message: string;
}

/** Guide path → rule id → fingerprint → entry. Paths are relative to the file's folder, with `/`. */
export type BaselineFiles = Record<string, Record<string, Record<string, BaselineEntry>>>;

export interface Baseline {
  files: BaselineFiles;
}

/** A recorded finding that no finding matched any more: fixed, or its guide gone. */
export interface UnmatchedEntry {
  file: string;
  ruleId: string;
  fingerprint: string;
  /** how many of the recorded count are missing */
  count: number;
}

export interface BaselinePlace {
  /** the baseline file's folder, which the paths in it are relative to */
  directory: string;
  /**
   * whether this run speaks for a guide the baseline lists that it did not lint (a guide that is
   * gone): its entries are then unmatched too. The guides linted always count.
   */
  covers?: (file: string) => boolean;
}

export interface BaselineOutcome {
  /** the results with the baselined findings moved to `suppressedMessages`, marked, and the counts redone */
  results: LintResult[];
  baselined: number;
  unmatched: UnmatchedEntry[];
}

/** A message in the file is for the reader only (matching is by fingerprint): a glimpse is enough. */
const MESSAGE_CHARACTERS = 60;

/** Whether a baseline may hold a finding: not one that stops a file from being read, or a fix not written. */
function recordable(message: Diagnostic): boolean {
  return !message.fatal;
}

/** A guide's path as the baseline writes it: relative to the file's folder, forward slashes on every system. */
function baselinePath(filePath: string, directory: string): string {
  return relative(directory, filePath).split(sep).join('/');
}

const key = (ruleId: string, fingerprint: string) => `${ruleId}\u0000${fingerprint}`;

/** Moves the findings the baseline holds out of each result's problems; says which entries nothing matched. */
export function applyBaseline(results: LintResult[], baseline: Baseline, place: BaselinePlace): BaselineOutcome {
  let baselined = 0;
  const unmatched: UnmatchedEntry[] = [];
  const linted = new Set<string>();
  const applied = results.map((result) => {
    const file = baselinePath(result.filePath, place.directory);
    linted.add(file);
    const left = new Map<string, number>();
    for (const [ruleId, entries] of Object.entries(baseline.files[file] ?? {}))
      for (const [fingerprint, entry] of Object.entries(entries)) left.set(key(ruleId, fingerprint), entry.count);
    const kept: Diagnostic[] = [];
    const held: Diagnostic[] = [];
    // In file order: of more copies than recorded, the last ones are the new ones.
    for (const message of result.messages) {
      const remaining = recordable(message) ? (left.get(key(message.ruleId, message.fingerprint)) ?? 0) : 0;
      if (remaining === 0) {
        kept.push(message);
        continue;
      }
      left.set(key(message.ruleId, message.fingerprint), remaining - 1);
      held.push({ ...message, suppressions: [{ kind: 'file', justification: '' }] });
    }
    unmatched.push(...unmatchedOf(file, baseline, left));
    if (held.length === 0) return result;
    baselined += held.length;
    return {
      ...result,
      ...summarize(result.filePath, kept, [...result.suppressedMessages, ...held], result.output),
    };
  });
  for (const file of Object.keys(baseline.files)) {
    if (!linted.has(file) && place.covers?.(file)) unmatched.push(...unmatchedOf(file, baseline, new Map()));
  }
  return { results: applied, baselined, unmatched };
}

/** The entries of a guide with some of their count left over; `left` by rule and fingerprint, all of it when absent. */
function unmatchedOf(file: string, baseline: Baseline, left: Map<string, number>): UnmatchedEntry[] {
  const unmatched: UnmatchedEntry[] = [];
  for (const [ruleId, entries] of Object.entries(baseline.files[file] ?? {})) {
    for (const [fingerprint, entry] of Object.entries(entries)) {
      const count = left.get(key(ruleId, fingerprint)) ?? entry.count;
      if (count > 0) unmatched.push({ file, ruleId, fingerprint, count });
    }
  }
  return unmatched;
}

/**
 * The baseline with today's findings of the guides linted in place of what it held for them; the
 * other guides' entries stay (a run on part of the catalog records that part), except those of
 * guides the run covers without linting them (gone).
 */
export function recordBaseline(baseline: Baseline, results: LintResult[], place: BaselinePlace): Baseline {
  const files: BaselineFiles = {};
  for (const [file, rules] of Object.entries(baseline.files)) if (!place.covers?.(file)) files[file] = rules;
  for (const result of results) {
    const file = baselinePath(result.filePath, place.directory);
    const rules: BaselineFiles[string] = {};
    for (const message of result.messages) {
      if (!recordable(message)) continue;
      rules[message.ruleId] ??= {};
      const entries = rules[message.ruleId]!;
      const entry = entries[message.fingerprint];
      if (entry) entry.count += 1;
      else entries[message.fingerprint] = { count: 1, message: glimpse(message.message) };
    }
    if (Object.keys(rules).length > 0) files[file] = rules;
    else delete files[file];
  }
  return { files };
}

/** The baseline without what nothing matched: counts lowered, entries, rules and guides left empty removed. */
export function pruneBaseline(baseline: Baseline, unmatched: UnmatchedEntry[]): Baseline {
  const files: BaselineFiles = structuredClone(baseline.files);
  for (const { file, ruleId, fingerprint, count } of unmatched) {
    const rules = files[file]!;
    const entries = rules[ruleId]!;
    entries[fingerprint]!.count -= count;
    if (entries[fingerprint]!.count <= 0) delete entries[fingerprint];
    if (Object.keys(entries).length === 0) delete rules[ruleId];
    if (Object.keys(rules).length === 0) delete files[file];
  }
  return { files };
}

/** How many findings the entries stand for. */
export function countOf(entries: Array<{ count: number }>): number {
  return entries.reduce((sum, entry) => sum + entry.count, 0);
}

function glimpse(message: string): string {
  const characters = [...message.replace(/\s+/g, ' ')];
  return characters.length > MESSAGE_CHARACTERS ? `${characters.slice(0, MESSAGE_CHARACTERS).join('')}…` : message;
}

/**
 * The file's text: the version first, then guides, rules and fingerprints each in sorted order, two
 * spaces of indentation, so that the same findings always give the same bytes and a change in git
 * shows only the entries that changed.
 */
export function formatBaseline(baseline: Baseline): string {
  const sorted = <T>(record: Record<string, T>, map: (value: T) => unknown) =>
    Object.fromEntries(
      Object.keys(record)
        .sort(byCodePoint)
        .map((name) => [name, map(record[name]!)]),
    );
  const files = sorted(baseline.files, (rules) =>
    sorted(rules, (entries) => sorted(entries, ({ count, message }) => ({ count, message }))),
  );
  return `${JSON.stringify({ version: BASELINE_VERSION, files }, null, 2)}\n`;
}

/** The same order on every machine and in every locale. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Reads a baseline file's text; a file that is not one is a `FileAccessError` that says what is wrong. */
export function parseBaseline(text: string, path: string): Baseline {
  const broken = (what: string) =>
    new FileAccessError(path, `基线文件${what}：请改正，或删掉它再用 baihua lint --update-baseline 重新生成`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    if (/^(<<<<<<<|>>>>>>>) /m.test(text)) throw broken('里还有合并冲突的标记（<<<<<<<）');
    throw broken('不是有效的 JSON');
  }
  if (!isRecord(data)) throw broken('应是一个 JSON 对象，含 version 和 files');
  if (typeof data.version === 'number' && data.version > BASELINE_VERSION)
    throw new FileAccessError(
      path,
      `基线文件是更新版本的白话写的（格式版本 ${data.version}），这个版本的白话只认得格式版本 ${BASELINE_VERSION}：请升级白话`,
    );
  if (data.version !== BASELINE_VERSION) throw broken(`的 version 应是 ${BASELINE_VERSION}`);
  if (!isRecord(data.files)) throw broken('的 files 应是一个对象：指南路径 → 规则 → 指纹 → { count, message }');
  for (const [file, rules] of Object.entries(data.files)) {
    if (!isRecord(rules)) throw broken(`里「${file}」应是一个对象：规则 → 指纹 → { count, message }`);
    for (const [ruleId, entries] of Object.entries(rules)) {
      if (!isRecord(entries)) throw broken(`里「${file}」的「${ruleId}」应是一个对象：指纹 → { count, message }`);
      for (const [fingerprint, entry] of Object.entries(entries)) {
        const where = `里「${file}」的「${ruleId}」的「${fingerprint}」`;
        if (!isRecord(entry) || !Number.isInteger(entry.count) || (entry.count as number) < 1)
          throw broken(`${where}应写成 { count, message }，count 是正整数`);
        if (typeof entry.message !== 'string') throw broken(`${where}的 message 应是文字`);
      }
    }
  }
  return { files: data.files as BaselineFiles };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A baseline of a large catalog (10,000 guides, a dozen findings each) is a few megabytes; this is far more. */
const MAX_BASELINE_BYTES = 64 * 1024 * 1024;

/** Reads a baseline file; `undefined` when there is none. */
export function readBaselineFile(path: string): Baseline | undefined {
  if (!existsSync(path)) return undefined;
  const read = readRegularFile(path, MAX_BASELINE_BYTES);
  if (read.tooLarge) throw new FileAccessError(path, `基线文件太大，不能超过 ${MAX_BASELINE_BYTES / 1024 / 1024} MB`);
  return parseBaseline(read.bytes.toString('utf8'), path);
}

/** Writes a baseline file whole or not at all. */
export function writeBaselineFile(path: string, baseline: Baseline): void {
  writeFileAtomic(path, formatBaseline(baseline));
}
