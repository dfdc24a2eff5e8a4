import { displayPath } from '@baihua/core';
import type { Readability } from '@baihua/plain';
import { ruleHelpUri } from '../docs-url.js';
import type { Diagnostic, FormatterContext, LintResult } from '../types.js';

/** A guide as it was at the commit compared with. */
export interface GuideBefore {
  /** where it was then: its old path when it has been renamed since */
  path: string;
  /** its text then, linted with today's configuration */
  result: LintResult;
}

/** What `baihua lint --changed-since REF` compares the guides with. */
export interface MarkdownComparison {
  /** the ref as the user wrote it */
  ref: string;
  /** the commit compared with */
  commit: string;
  /** whether `commit` is the merge base of the ref and HEAD (else the ref itself: no common history) */
  mergeBase: boolean;
  /** by the guide's path now; a guide added since has none */
  before: ReadonlyMap<string, GuideBefore>;
}

export interface MarkdownContext extends FormatterContext {
  comparison?: MarkdownComparison;
  /** the report's length at most, in UTF-16 code units (default `MARKDOWN_MAX_LENGTH`) */
  maxLength?: number;
}

/**
 * GitHub takes a pull-request comment of at most 65,536 characters, and a step summary of at
 * most 1 MiB (which 65,536 characters of Chinese, 3 bytes each in UTF-8, stay well under).
 */
export const MARKDOWN_MAX_LENGTH = 65_536;

/**
 * Text of a guide or a message in a Markdown table cell: no line break or `|` to end the cell,
 * no HTML, link or emphasis (every ASCII punctuation that Markdown reads is escaped), and no
 * @mention or #reference that would notify someone or link an issue.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
    .replace(/[\\`*_[\]<>|~#!&$]/g, '\\$&')
    .replaceAll('@', '@\u200b')
    .replace(/#(?=\d)/g, '#\u200b');
}

interface Identified {
  message: Diagnostic;
  isNew: boolean;
}

/** How a guide's problems compare with its problems at the commit, matched by fingerprint and counted. */
interface ProblemDelta {
  current: Identified[];
  fixed: Diagnostic[];
  newCount: number;
}

/**
 * Matched as ESLint's suppressions count: for each fingerprint, as many findings now as there were
 * at the commit remain; the ones beyond are new (the last ones in the file), the ones short are fixed.
 */
function compareProblems(now: Diagnostic[], before: Diagnostic[] | undefined): ProblemDelta {
  const earlier = new Map<string, number>();
  for (const message of before ?? []) earlier.set(message.fingerprint, (earlier.get(message.fingerprint) ?? 0) + 1);
  const seen = new Map<string, number>();
  const current = now.map((message) => {
    const key = message.fingerprint;
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return { message, isNew: count > (earlier.get(key) ?? 0) };
  });
  const later = new Map<string, number>();
  for (const message of now) later.set(message.fingerprint, (later.get(message.fingerprint) ?? 0) + 1);
  const matched = new Map<string, number>();
  const fixed = (before ?? []).filter((message) => {
    const key = message.fingerprint;
    const count = (matched.get(key) ?? 0) + 1;
    matched.set(key, count);
    return count > (later.get(key) ?? 0);
  });
  return { current, fixed, newCount: current.filter(({ isNew }) => isNew).length };
}

interface GuideReport {
  result: LintResult;
  path: string;
  before?: GuideBefore;
  /** its path at the commit, when it has been renamed since */
  previousPath?: string;
  /** with a comparison: whether the guide was added since */
  added: boolean;
  delta: ProblemDelta;
}

const scoreOf = (readability: Readability | undefined) =>
  readability?.scored ? `${readability.score}（${readability.band}）` : (readability?.band ?? '–');

/** Score movement: +9 or −4 (only when both were scored). */
function movement(after: Readability | undefined, before: Readability | undefined): number | undefined {
  return after?.scored && before?.scored ? after.score - before.score : undefined;
}

const signed = (delta: number) => (delta > 0 ? `↑${delta}` : delta < 0 ? `↓${-delta}` : '±0');

const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
const table = (header: string[], rows: string[][]) =>
  [row(header), row(header.map(() => '---')), ...rows.map(row)].join('\n');

/**
 * A pull request's summary in GitHub Markdown (a step summary, or a comment): a headline, one
 * row per guide, then each guide's problems, and with a comparison its readability before and
 * after per section, field and measure, and its problems new, fixed and remaining. Cut to `maxLength`,
 * saying how many guides were left out.
 */
export function markdown(results: LintResult[], context: MarkdownContext): string {
  const { cwd, comparison } = context;
  const maxLength = context.maxLength ?? MARKDOWN_MAX_LENGTH;
  // A link relative to the repository would not open from a pull request's page: without a
  // configured `rule_docs_url`, rules are named, not linked.
  const { ruleDocsUrl } = context;
  const ruleName = (ruleId: string) =>
    ruleDocsUrl ? `[${escapeMarkdown(ruleId)}](${ruleHelpUri(ruleId, ruleDocsUrl)})` : `\`${ruleId}\``;
  const guides: GuideReport[] = results.map((result) => {
    const before = comparison?.before.get(result.filePath);
    return {
      result,
      path: displayPath(result.filePath, cwd),
      ...(before && { before }),
      ...(before && before.path !== result.filePath && { previousPath: displayPath(before.path, cwd) }),
      added: Boolean(comparison && !before),
      delta: compareProblems(result.messages, before?.result.messages),
    };
  });
  const sum = (count: (guide: GuideReport) => number) => guides.reduce((total, guide) => total + count(guide), 0);
  const errors = sum(({ result }) => result.errorCount);
  const warnings = sum(({ result }) => result.warningCount);

  const head: string[] = [];
  if (comparison) {
    const newCount = sum(({ delta }) => delta.newCount);
    const fixedCount = sum(({ delta }) => delta.fixed.length);
    const remaining = sum(({ delta }) => delta.current.length) - newCount;
    const problems = `新问题 ${newCount} 个，修好 ${fixedCount} 个，仍有 ${remaining} 个`;
    head.push(
      guides.length
        ? `### 白话检查：${readabilityHeadline(guides)}；${problems}`
        : `### 白话检查：自 ${escapeMarkdown(comparison.ref)} 以来没有改动的指南`,
    );
    if (guides.length) {
      const added = guides.filter((guide) => guide.added).length;
      head.push(
        `检查了改动的 ${guides.length} 份指南${added ? `（其中新增 ${added} 份）` : ''}：` +
          `${errors} 个错误，${warnings} 个警告。`,
      );
    }
  } else {
    head.push(
      guides.length
        ? `### 白话检查：${guides.length} 份指南，${errors} 个错误，${warnings} 个警告`
        : '### 白话检查：没有要检查的指南',
    );
  }

  const rows = guides.map((guide) => overviewRow(guide, comparison !== undefined));
  const header = comparison
    ? ['指南', '易读分（改动前 → 现在）', '新问题', '修好', '仍有']
    : ['指南', '易读分', '错误', '警告'];
  const details = guides.filter((guide) => worthDetails(guide)).map((guide) => guideDetails(guide, ruleName));

  const footnote = footnoteOf(comparison);
  // Room for the footnote and the two notes of what was left out.
  const budget = maxLength - footnote.length - 400;
  const parts = [head.join('\n\n')];
  let used = parts[0]!.length;
  let listed = 0;
  if (rows.length) {
    // The overview takes at most half the room, the details the rest.
    used += table(header, []).length + 2;
    const rowTexts = rows.map(row);
    while (listed < rows.length && used + rowTexts[listed]!.length + 1 <= budget / 2) {
      used += rowTexts[listed++]!.length + 1;
    }
    parts.push(table(header, rows.slice(0, listed)));
    if (listed < rows.length) parts.push(`表中略去了另外 ${rows.length - listed} 份指南（超过 GitHub 的长度上限）。`);
  }
  let shown = 0;
  for (const detail of details) {
    if (used + detail.length + 2 > budget) break;
    parts.push(detail);
    used += detail.length + 2;
    shown++;
  }
  if (shown < details.length) {
    parts.push(
      `另有 ${details.length - shown} 份指南的详情没有列出（超过 GitHub 的长度上限）：` +
        '全部结果请用 baihua lint --format stylish 或 json 查看。',
    );
  }
  parts.push(footnote);
  return `${parts.join('\n\n')}\n`;
}

/** 「3 份指南更易读，1 份变难」: how many guides' scores went up and down. */
function readabilityHeadline(guides: GuideReport[]): string {
  const moves = guides.map((guide) =>
    movement(guide.result.stats?.readability, guide.before?.result.stats?.readability),
  );
  const easier = moves.filter((move) => move !== undefined && move > 0).length;
  const harder = moves.filter((move) => move !== undefined && move < 0).length;
  if (easier && harder) return `${easier} 份指南更易读，${harder} 份变难`;
  if (easier) return `${easier} 份指南更易读`;
  if (harder) return `${harder} 份指南变难`;
  return '易读分没有变化';
}

function overviewRow(guide: GuideReport, compared: boolean): string[] {
  const { result, delta } = guide;
  const after = result.stats?.readability;
  const name =
    escapeMarkdown(guide.path) +
    (guide.added ? '（新增）' : guide.previousPath ? `（改名自 ${escapeMarkdown(guide.previousPath)}）` : '');
  if (!compared) return [name, scoreOf(after), String(result.errorCount), String(result.warningCount)];
  const before = guide.before?.result.stats?.readability;
  const move = movement(after, before);
  const score = guide.before
    ? `${scoreOf(before)} → ${scoreOf(after)}${move === undefined ? '' : ` ${signed(move)}`}`
    : scoreOf(after);
  const remaining = delta.current.length - delta.newCount;
  return [name, score, String(delta.newCount), guide.before ? String(delta.fixed.length) : '–', String(remaining)];
}

/** A guide gets its own part when it has problems now, had some fixed, or read differently. */
function worthDetails({ result, before, delta }: GuideReport): boolean {
  const moved = movement(result.stats?.readability, before?.result.stats?.readability);
  return result.messages.length > 0 || delta.fixed.length > 0 || (moved !== undefined && moved !== 0);
}

function guideDetails(guide: GuideReport, ruleName: (ruleId: string) => string): string {
  const { result, before, delta } = guide;
  const after = result.stats?.readability;
  const parts = [`#### ${escapeMarkdown(guide.path)}`];
  const lines: string[] = [];
  if (guide.previousPath) lines.push(`改名自 ${escapeMarkdown(guide.previousPath)}。`);
  if (before) {
    const earlier = before.result.stats?.readability;
    const move = movement(after, earlier);
    lines.push(`易读分 ${scoreOf(earlier)} → ${scoreOf(after)}${move === undefined ? '' : `，${signed(move)}`}。`);
  } else {
    lines.push(`${guide.added ? '新增的指南。' : ''}易读分 ${scoreOf(after)}。`);
  }
  parts.push(lines.join(''));
  if (before) {
    const earlier = before.result.stats?.readability;
    const sections = movedParts(sectionsOf(after), sectionsOf(earlier));
    if (sections.length) parts.push(table(['变化的部分', '改动前', '现在'], sections));
    const fields = movedParts(fieldsOf(after), fieldsOf(earlier));
    if (fields.length) parts.push(table(['变化的字段', '改动前', '现在'], fields));
    const measures = movedMeasures(after, earlier);
    if (measures.length) parts.push(table(['变化的指标', '改动前', '现在', '目标'], measures));
  }
  const severity = (message: Diagnostic) => (message.severity === 2 ? '错误' : '警告');
  if (delta.current.length) {
    const withNew = guide.before !== undefined || guide.added;
    const header = ['位置', '级别', '问题', '规则', ...(withNew ? ['新出现'] : [])];
    const problemRows = delta.current.map(({ message, isNew }) => [
      `${message.line}:${message.column}`,
      severity(message),
      escapeMarkdown(message.message),
      ruleName(message.ruleId),
      ...(withNew ? [isNew ? '新' : ''] : []),
    ]);
    parts.push(table(header, problemRows));
  }
  if (delta.fixed.length) {
    const fixedRows = delta.fixed.map((message) => [
      `${message.line}:${message.column}`,
      severity(message),
      escapeMarkdown(message.message),
      ruleName(message.ruleId),
    ]);
    parts.push(
      `修好了 ${delta.fixed.length} 个问题（位置是改动前的）：`,
      table(['位置', '级别', '问题', '规则'], fixedRows),
    );
  }
  return parts.join('\n\n');
}

type Sectioned = Readability & {
  sections?: Array<Readability & { title: string }>;
  fields?: Array<Readability & { field: string }>;
};

/** The parts (sections, or fields) whose score changed or that came or went, in the order they are now. */
function movedParts(after: Map<string, Readability>, before: Map<string, Readability>): string[][] {
  const names = [...after.keys(), ...[...before.keys()].filter((name) => !after.has(name))];
  return names.flatMap((name) => {
    const [was, is] = [before.get(name), after.get(name)];
    if (was && is && was.score === is.score) return [];
    return [[escapeMarkdown(name), was ? scoreOf(was) : '（没有这部分）', is ? scoreOf(is) : '（已删去）']];
  });
}

const sectionsOf = (readability: Sectioned | undefined) =>
  new Map((readability?.sections ?? []).map((section) => [section.title, section]));
const fieldsOf = (readability: Sectioned | undefined) =>
  new Map((readability?.fields ?? []).map((field) => [field.field, field]));

/** The measures of the whole guide that changed: what moved its score. */
function movedMeasures(after: Readability | undefined, before: Readability | undefined): string[][] {
  if (!after || !before) return [];
  return after.components.flatMap((component) => {
    const was = before.components.find(({ id }) => id === component.id);
    if (!was || was.value === component.value) return [];
    return [[component.name, String(was.value), String(component.value), String(component.target)]];
  });
}

function footnoteOf(comparison: MarkdownComparison | undefined): string {
  const text = comparison
    ? `「改动前」是指南在 ${escapeMarkdown(comparison.ref)}` +
      (comparison.mergeBase
        ? ` 与当前提交的合并基点（${comparison.commit.slice(0, 7)}）时的文本`
        : `（${comparison.commit.slice(0, 7)}，与当前提交没有共同的历史，直接比较）时的文本`) +
      '，用现在的配置检查；改名的指南比较旧路径的文本。新问题、修好的问题按问题的指纹（规则和所在的句子）对比，与行号无关。'
    : '易读分的算法见 docs/readability.md。';
  return `---\n<sub>${text}</sub>`;
}
