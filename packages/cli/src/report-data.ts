/**
 * The numbers of `baihua report`, counted from one lint run: its results (the findings exactly as
 * `baihua lint --format json` prints them) and each guide's summary (the facts beyond findings:
 * department, category, time limits, visits, online level, reviewed date, required fields).
 */
import { calendarDayRange, displayPath, guideSchema, ONLINE_LEVELS, type Length } from '@baihua/core';
import { rulesById, type GuideSummary, type LintResult } from '@baihua/lint';
import type {
  CatalogReport,
  ReportCount,
  ReportGroup,
  ReportHeadline,
  ReportProblem,
  ReportWorkItem,
} from '@baihua/render';

/** How many guides the work list names, and how many problems of each. */
export const WORKLIST_LENGTH = 100;
const TOP_PROBLEMS = 3;

export const RANKING =
  '排序：先看错误数（有错误的指南不能发布），多的在前；错误一样多，看警告数；再一样，看易读分，低的在前（无法评分的排在有分数的后面）；' +
  `最后按文件路径。只列出有问题或者不够易读（低于 70 分）的指南，最多 ${WORKLIST_LENGTH} 份；每份列出次数最多的 ${TOP_PROBLEMS} 类问题。`;

const GRADES = ['易读', '一般', '较难', '难', '无法评分'];
const NO_DEPARTMENT = '（未写实施主体）';
const NO_CATEGORY = '（未分类）';
const EASY_SCORE = 70;
const NOT_GIVEN = '没写';

interface SchemaProperties {
  required: string[];
  properties: Record<string, { title?: string }>;
}
const schema = guideSchema as unknown as SchemaProperties;

const scoreOf = (result: LintResult) => {
  const readability = result.stats?.readability;
  return readability?.scored ? readability.score : null;
};
const gradeOf = (result: LintResult) => result.stats?.readability.band ?? '无法评分';

const mean = (values: number[]) =>
  values.length ? Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10 : null;

/** The headline numbers of a run: what `--history` follows over the commits. */
export function headlineOf(results: readonly LintResult[]): ReportHeadline {
  return {
    guides: results.length,
    errors: results.reduce((sum, result) => sum + result.errorCount, 0),
    warnings: results.reduce((sum, result) => sum + result.warningCount, 0),
    guidesWithErrors: results.filter((result) => result.errorCount > 0).length,
    meanScore: mean(results.flatMap((result) => scoreOf(result) ?? [])),
  };
}

/** Counts by name, most first, then by name. */
function counted(names: Iterable<string>, order?: readonly string[]): ReportCount[] {
  const counts = new Map<string, number>((order ?? []).map((name) => [name, 0]));
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  const entries = [...counts].map(([name, guides]) => ({ name, guides }));
  return order ? entries : entries.sort((a, b) => b.guides - a.guides || compare(a.name, b.name));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function grouped(results: readonly LintResult[], keys: string[]): ReportGroup[] {
  const groups = new Map<string, LintResult[]>();
  results.forEach((result, index) => {
    const list = groups.get(keys[index]!) ?? [];
    list.push(result);
    groups.set(keys[index]!, list);
  });
  return [...groups]
    .map(([name, members]) => {
      const { guides, errors, warnings, meanScore } = headlineOf(members);
      return { name, guides, errors, warnings, meanScore };
    })
    .sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || compare(a.name, b.name));
}

const guidesWithRule = (results: readonly LintResult[], ruleId: string) =>
  results.filter((result) => result.messages.some((message) => message.ruleId === ruleId));

/** Calendar days of a time limit: exact for days, the middle of the range for months. */
function calendarDays(length: Length): number {
  const { shortest, longest } = calendarDayRange(length);
  return (shortest + longest) / 2;
}

/** How long ago, in whole months, a guide was reviewed on `today` (both YYYY-MM-DD). */
function monthsSince(reviewed: string, today: string): number {
  const [year, month, day] = reviewed.split('-').map(Number) as [number, number, number];
  const [nowYear, nowMonth, nowDay] = today.split('-').map(Number) as [number, number, number];
  return (nowYear - year) * 12 + (nowMonth - month) - (nowDay < day ? 1 : 0);
}

function ageGroup(reviewed: string | undefined, today: string): string {
  if (!reviewed || !/^\d{4}-\d{2}-\d{2}$/.test(reviewed)) return '没写核验日期';
  const months = monthsSince(reviewed, today);
  if (months < 0) return '日期在今天之后';
  if (months < 6) return '半年以内';
  if (months < 12) return '半年到一年';
  if (months < 24) return '一到两年';
  return '两年以上';
}
const AGE_GROUPS = ['半年以内', '半年到一年', '一到两年', '两年以上', '没写核验日期', '日期在今天之后'];

function visitGroup(visits: number | undefined): string {
  if (visits === undefined) return NOT_GIVEN;
  return visits >= 2 ? '2 次及以上' : `${visits} 次`;
}
const VISIT_GROUPS = ['0 次', '1 次', '2 次及以上', NOT_GIVEN];

const ruleTitle = (ruleId: string) => rulesById.get(ruleId)?.meta.title ?? ruleId;

function topProblems(result: LintResult): ReportProblem[] {
  const byRule = new Map<string, LintResult['messages']>();
  for (const message of result.messages) byRule.set(message.ruleId, [...(byRule.get(message.ruleId) ?? []), message]);
  return [...byRule]
    .map(([ruleId, messages]) => ({ ruleId, messages, errors: messages.filter((m) => m.severity === 2).length }))
    .sort((a, b) => b.errors - a.errors || b.messages.length - a.messages.length || compare(a.ruleId, b.ruleId))
    .slice(0, TOP_PROBLEMS)
    .map(({ ruleId, messages }) => ({
      ruleId,
      title: ruleTitle(ruleId),
      count: messages.length,
      line: messages[0]!.line,
      message: messages[0]!.message,
    }));
}

function worklist(results: readonly LintResult[], summaries: readonly GuideSummary[], cwd: string): ReportWorkItem[] {
  const unscoredLast = (score: number | null) => score ?? Number.POSITIVE_INFINITY;
  return results
    .map((result, index) => ({ result, summary: summaries[index]!, path: displayPath(result.filePath, cwd) }))
    .filter(({ result }) => result.messages.length > 0 || (scoreOf(result) ?? EASY_SCORE) < EASY_SCORE)
    .sort(
      (a, b) =>
        b.result.errorCount - a.result.errorCount ||
        b.result.warningCount - a.result.warningCount ||
        unscoredLast(scoreOf(a.result)) - unscoredLast(scoreOf(b.result)) ||
        compare(a.path, b.path),
    )
    .slice(0, WORKLIST_LENGTH)
    .map(({ result, summary, path }) => ({
      path,
      title: summary.title ?? null,
      department: summary.departments?.[0] ?? null,
      errors: result.errorCount,
      warnings: result.warningCount,
      score: scoreOf(result),
      grade: gradeOf(result),
      top: topProblems(result),
    }));
}

export interface ReportContext {
  title: string;
  version: string;
  /** YYYY-MM-DD */
  today: string;
  cwd: string;
}

/** The report of one lint run; `summaries` are the run's, in the order of its results. */
export function catalogReport(
  allResults: readonly LintResult[],
  allSummaries: readonly GuideSummary[],
  context: ReportContext,
): CatalogReport {
  // The report measures guides against the guide schema and the national evaluation: a journey
  // (一件事) has none of those facts, so it is neither counted nor listed.
  const kept = allResults.flatMap((result, index) =>
    result.kind === 'journey' ? [] : [{ result, summary: allSummaries[index]! }],
  );
  const results = kept.map(({ result }) => result);
  const summaries = kept.map(({ summary }) => summary);
  const facts = summaries.map((summary) => summary.facts);
  const rules = new Map<string, { errors: number; warnings: number; guides: Set<LintResult> }>();
  for (const result of results) {
    for (const message of result.messages) {
      const rule = rules.get(message.ruleId) ?? { errors: 0, warnings: 0, guides: new Set() };
      if (message.severity === 2) rule.errors++;
      else rule.warnings++;
      rule.guides.add(result);
      rules.set(message.ruleId, rule);
    }
  }
  const timed = facts.flatMap((fact) => (fact.promised && fact.statutory ? [fact as Required<typeof fact>] : []));
  const reductions = timed.flatMap(({ promised, statutory }) => {
    const statutoryDays = calendarDays(statutory);
    return statutoryDays > 0 ? [((statutoryDays - calendarDays(promised)) / statutoryDays) * 100] : [];
  });
  const cancelled = guidesWithRule(results, 'policy/cancelled-certificate');
  const certificateNames = cancelled.flatMap((result) => [
    ...new Set(
      result.messages.flatMap((message) =>
        message.ruleId === 'policy/cancelled-certificate' ? (/「(.+?)」/.exec(message.message)?.[1] ?? []) : [],
      ),
    ),
  ]);
  return {
    title: context.title,
    generated: context.today,
    version: context.version,
    headline: headlineOf(results),
    grades: counted(results.map(gradeOf), GRADES),
    rules: [...rules]
      .map(([ruleId, { errors, warnings, guides }]) => ({
        ruleId,
        title: ruleTitle(ruleId),
        errors,
        warnings,
        guides: guides.size,
      }))
      .sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || compare(a.ruleId, b.ruleId)),
    departments: grouped(
      results,
      summaries.map((summary) => summary.departments?.[0] ?? NO_DEPARTMENT),
    ),
    categories: grouped(
      results,
      facts.map((fact) => fact.category ?? NO_CATEGORY),
    ),
    evaluation: {
      completeness: {
        complete: facts.filter((fact) => fact.missingRequired.length === 0).length,
        fields: schema.required.map((field) => {
          const missing = facts.filter((fact) => fact.missingRequired.includes(field)).length;
          return { field, label: schema.properties[field]?.title ?? field, present: facts.length - missing, missing };
        }),
      },
      time: {
        withBoth: timed.length,
        instant: timed.filter(({ promised }) => 'days' in promised && promised.days === 0).length,
        meanReductionPercent: mean(reductions),
        exceeding: guidesWithRule(results, 'policy/promised-exceeds-statutory').length,
      },
      visits: {
        counts: counted(
          facts.map((fact) => visitGroup(fact.visits)),
          VISIT_GROUPS,
        ),
        online: counted(
          facts.map((fact) => fact.onlineLevel ?? NOT_GIVEN),
          [...ONLINE_LEVELS, NOT_GIVEN],
        ),
        tooMany: guidesWithRule(results, 'policy/too-many-visits').length,
      },
      stale: {
        stale: guidesWithRule(results, 'policy/stale').length,
        ages: counted(
          facts.map((fact) => ageGroup(fact.reviewed, context.today)),
          AGE_GROUPS,
        ),
      },
      cancelled: { guides: cancelled.length, certificates: counted(certificateNames) },
    },
    ranking: RANKING,
    worklist: worklist(results, summaries, context.cwd),
  };
}
