/**
 * `baihua lint --baseline FILE`, `--update-baseline`, `--prune-baseline`: which baseline file
 * applies to which guides, recording and pruning it, and what to tell the user. The matching
 * itself is `applyBaseline` (packages/lint/src/baseline.ts).
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { displayPath } from '@baihua/core';
import {
  applyBaseline,
  configSource,
  countOf,
  pruneBaseline,
  readBaselineFile,
  recordBaseline,
  writeBaselineFile,
  type Baseline,
  type BaselinePlace,
  type LintResult,
} from '@baihua/lint';
import { UsageError } from './errors.js';

export interface BaselineOptions {
  baseline?: string;
  updateBaseline?: boolean;
  pruneBaseline?: boolean;
  config?: string;
}

export interface BaselineUse {
  results: LintResult[];
  /** what was recorded, pruned or left unmatched, one line each */
  notes: string[];
  /**
   * other results of the same guides (as they were at the base of a pull request) with the same
   * baselines applied, so that what a baseline holds is not counted as fixed
   */
  hold(results: readonly LintResult[]): LintResult[];
}

/**
 * The results with each guide's baselined findings set apart: the baseline of `--baseline`, or
 * else the one the guide's configuration names (`baseline:`). Records or prunes the file when asked.
 */
export function useBaseline(results: LintResult[], options: BaselineOptions): BaselineUse {
  const writing = Boolean(options.updateBaseline || options.pruneBaseline);
  const groups = baselineGroups(results, options);
  if (groups.size === 0) {
    if (!writing) return { results, notes: [], hold: (others) => [...others] };
    const flag = options.updateBaseline ? '--update-baseline' : '--prune-baseline';
    throw new UsageError(
      `${flag} 要知道基线文件在哪里：用 --baseline 指定，或在 baihua.config.yaml 里写 baseline: baihua-baseline.json`,
    );
  }
  const replaced = new Map<LintResult, LintResult>();
  const notes: string[] = [];
  const applied = new Map<string, { baseline: Baseline; place: BaselinePlace }>();
  for (const [file, group] of groups) {
    const name = displayPath(file);
    const directory = dirname(file);
    // The run speaks for the guides it linted, and for the guides the file lists that are gone.
    const place: BaselinePlace = { directory, covers: (path) => !existsSync(resolve(directory, path)) };
    let baseline = readBaselineFile(file);
    if (!baseline && !options.updateBaseline)
      throw new UsageError(`找不到基线文件 ${name}：先运行 baihua lint --update-baseline 生成它`);
    baseline ??= { files: {} };
    if (options.updateBaseline) baseline = recordBaseline(baseline, group, place);
    applied.set(file, { baseline, place });
    const outcome = applyBaseline(group, baseline, place);
    for (const [index, result] of group.entries()) replaced.set(result, outcome.results[index]!);
    const unmatched = countOf(outcome.unmatched);
    if (options.updateBaseline) {
      writeBaselineFile(file, baseline);
      notes.push(`已把 ${outcome.baselined} 个问题记入基线 ${name}`);
    } else if (options.pruneBaseline && unmatched > 0) {
      writeBaselineFile(file, pruneBaseline(baseline, outcome.unmatched));
      notes.push(`已从基线 ${name} 清理 ${unmatched} 条已不再出现的问题`);
    } else if (unmatched > 0) {
      notes.push(`基线 ${name} 里有 ${unmatched} 条已不再出现，用 --prune-baseline 清理`);
    }
  }
  const hold = (others: readonly LintResult[]) => {
    const held = new Map<LintResult, LintResult>();
    for (const [file, group] of baselineGroups(others, options)) {
      const used = applied.get(file);
      if (!used) continue;
      const outcome = applyBaseline(group, used.baseline, used.place);
      for (const [index, result] of group.entries()) held.set(result, outcome.results[index]!);
    }
    return others.map((result) => held.get(result) ?? result);
  };
  return { results: results.map((result) => replaced.get(result) ?? result), notes, hold };
}

/** The guides of each baseline file, in the order linted; guides with none are left out. */
function baselineGroups(results: readonly LintResult[], options: BaselineOptions): Map<string, LintResult[]> {
  const groups = new Map<string, LintResult[]>();
  const configFor = configSource(options.config);
  // The cascade is by folder: one configuration merged per folder, not per guide.
  const byFolder = new Map<string, string | undefined>();
  const named = (filePath: string) => {
    const folder = dirname(filePath);
    if (!byFolder.has(folder)) byFolder.set(folder, configFor(filePath).baseline);
    return byFolder.get(folder);
  };
  for (const result of results) {
    const file = options.baseline ? resolve(options.baseline) : named(result.filePath);
    if (!file) continue;
    const group = groups.get(file) ?? [];
    group.push(result);
    groups.set(file, group);
  }
  return groups;
}
