/**
 * The catalog report (`baihua report`): one self-contained HTML page from the numbers of
 * `report.json`. Charts are inline SVG drawn here, each beside a table with the same numbers (its
 * text alternative); the stylesheet and the small script that sorts and filters tables are inlined
 * from templates/report/, so the page makes no request of its own and prints on A4.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { escapeHtml } from './html.js';

/** The report's page, stylesheet and script (Baihua's own, not a site's templates). */
export const REPORT_TEMPLATES = fileURLToPath(new URL('../../../templates/report/', import.meta.url));

/** The report's headline numbers, for the catalog now and for each commit of `--history`. */
export interface ReportHeadline {
  guides: number;
  errors: number;
  warnings: number;
  /** guides with at least one error (they cannot be published) */
  guidesWithErrors: number;
  /** mean readability score of the guides that have one, to one decimal; null when none has */
  meanScore: number | null;
}

export interface ReportCount {
  name: string;
  guides: number;
}

export interface ReportGroup {
  name: string;
  guides: number;
  errors: number;
  warnings: number;
  meanScore: number | null;
}

export interface ReportRule {
  ruleId: string;
  title: string;
  errors: number;
  warnings: number;
  /** guides with at least one finding of the rule */
  guides: number;
}

export interface ReportProblem {
  ruleId: string;
  title: string;
  count: number;
  /** the first finding of the rule in the guide */
  line: number;
  message: string;
}

export interface ReportWorkItem {
  /** relative to the directory the report was made from */
  path: string;
  title: string | null;
  department: string | null;
  errors: number;
  warnings: number;
  score: number | null;
  grade: string;
  top: ReportProblem[];
}

export interface ReportHistoryPoint extends ReportHeadline {
  commit: string;
  /** the commit's date, YYYY-MM-DD */
  date: string;
  subject: string;
}

/** What `report.json` holds; the page shows exactly these numbers. */
export interface CatalogReport {
  title: string;
  /** the day the report was made, YYYY-MM-DD (the day `policy/stale` judged by) */
  generated: string;
  version: string;
  headline: ReportHeadline;
  grades: ReportCount[];
  rules: ReportRule[];
  departments: ReportGroup[];
  categories: ReportGroup[];
  evaluation: {
    completeness: {
      /** guides that give every required field */
      complete: number;
      fields: Array<{ field: string; label: string; present: number; missing: number }>;
    };
    time: {
      /** guides with both a promised and a statutory time limit */
      withBoth: number;
      /** promised 0 days: 即办 */
      instant: number;
      /** mean of (statutory − promised) / statutory over `withBoth`, in per cent, one decimal */
      meanReductionPercent: number | null;
      /** guides with a finding of policy/promised-exceeds-statutory */
      exceeding: number;
    };
    visits: {
      counts: ReportCount[];
      online: ReportCount[];
      /** guides with a finding of policy/too-many-visits */
      tooMany: number;
    };
    stale: {
      /** guides with a finding of policy/stale */
      stale: number;
      ages: ReportCount[];
    };
    cancelled: {
      /** guides with a finding of policy/cancelled-certificate */
      guides: number;
      certificates: ReportCount[];
    };
  };
  /** how the work list is ordered, in Chinese */
  ranking: string;
  worklist: ReportWorkItem[];
  history?: ReportHistoryPoint[];
}

interface Cell {
  text: string;
  /** what the cell sorts by, when not its text (numbers) */
  value?: number;
  /** lines shown one under another */
  lines?: string[];
}

interface TableView {
  id: string;
  caption: string;
  columns: Array<{ label: string; numeric: boolean }>;
  rows: Cell[][];
  /** a search box filters the rows */
  filter: boolean;
}

const number = (value: number | null, suffix = ''): Cell =>
  value === null ? { text: '—', value: -1 } : { text: `${value}${suffix}`, value };

function table(
  id: string,
  caption: string,
  columns: Array<[string, boolean?]>,
  rows: Cell[][],
  filter = false,
): TableView {
  return {
    id,
    caption,
    columns: columns.map(([label, numeric]) => ({ label, numeric: Boolean(numeric) })),
    rows,
    filter,
  };
}

const BAR_HEIGHT = 22;
const BAR_GAP = 6;
const LABEL_WIDTH = 190;
const BAR_SPACE = 300;
const VALUE_WIDTH = 60;

/** A horizontal bar chart; the value is written beside each bar, so colour carries nothing alone. */
function barChart(id: string, title: string, bars: ReportCount[]): string {
  const max = Math.max(1, ...bars.map((bar) => bar.guides));
  const width = LABEL_WIDTH + BAR_SPACE + VALUE_WIDTH;
  const height = Math.max(1, bars.length) * (BAR_HEIGHT + BAR_GAP);
  const rows = bars.map((bar, index) => {
    const y = index * (BAR_HEIGHT + BAR_GAP);
    const length = Math.round((bar.guides / max) * BAR_SPACE);
    const label = bar.name.length > 12 ? `${bar.name.slice(0, 11)}…` : bar.name;
    return (
      `<text x="${LABEL_WIDTH - 8}" y="${y + 16}" text-anchor="end">${escapeHtml(label)}</text>` +
      `<rect x="${LABEL_WIDTH}" y="${y}" width="${length}" height="${BAR_HEIGHT}" class="bar"/>` +
      `<text x="${LABEL_WIDTH + length + 6}" y="${y + 16}">${bar.guides}</text>`
    );
  });
  return (
    `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" ` +
    `aria-labelledby="${id}-title"><title id="${id}-title">${escapeHtml(title)}</title>${rows.join('')}</svg>`
  );
}

/** Readability scores run from 0 to 100: the score's chart always shows the whole range. */
const MAX_SCORE = 100;
const CHART_WIDTH = 500;
const CHART_HEIGHT = 220;
const MARGIN = { left: 48, right: 16, top: 16, bottom: 40 };

/** A line chart of series over the commits of `--history`, oldest first; each series has its own dash. */
function lineChart(
  id: string,
  title: string,
  points: ReportHistoryPoint[],
  series: Array<{ name: string; values: Array<number | null>; dash: string }>,
  scale?: number,
): string {
  const values = series.flatMap((line) => line.values.filter((value): value is number => value !== null));
  const top = scale ?? Math.max(1, ...values);
  const plotWidth = CHART_WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = CHART_HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (index: number) =>
    MARGIN.left + (points.length > 1 ? (index / (points.length - 1)) * plotWidth : plotWidth / 2);
  const y = (value: number) => MARGIN.top + plotHeight - (value / top) * plotHeight;
  const axis =
    `<line x1="${MARGIN.left}" y1="${MARGIN.top + plotHeight}" x2="${MARGIN.left + plotWidth}" ` +
    `y2="${MARGIN.top + plotHeight}" class="axis"/>` +
    `<line x1="${MARGIN.left}" y1="${MARGIN.top}" x2="${MARGIN.left}" y2="${MARGIN.top + plotHeight}" class="axis"/>` +
    `<text x="${MARGIN.left - 6}" y="${MARGIN.top + 4}" text-anchor="end">${top}</text>` +
    `<text x="${MARGIN.left - 6}" y="${MARGIN.top + plotHeight + 4}" text-anchor="end">0</text>`;
  const ticks = points
    .map((point, index) => {
      // The first and the last label are kept inside the chart.
      const anchor =
        points.length === 1 ? 'middle' : index === 0 ? 'start' : index === points.length - 1 ? 'end' : 'middle';
      const label = escapeHtml(point.commit.slice(0, 7));
      return `<text x="${x(index)}" y="${CHART_HEIGHT - MARGIN.bottom + 16}" text-anchor="${anchor}">${label}</text>`;
    })
    .join('');
  const lines = series
    .map((line, lineIndex) => {
      const drawn = line.values.flatMap((value, index) => (value === null ? [] : [`${x(index)},${y(value)}`]));
      const legendY = CHART_HEIGHT - 8;
      const legendX = MARGIN.left + lineIndex * 150;
      return (
        `<polyline points="${drawn.join(' ')}" class="line line-${lineIndex}" stroke-dasharray="${line.dash}"/>` +
        drawn
          .map((at) => `<circle cx="${at.split(',')[0]}" cy="${at.split(',')[1]}" r="3" class="dot-${lineIndex}"/>`)
          .join('') +
        `<line x1="${legendX}" y1="${legendY - 4}" x2="${legendX + 24}" y2="${legendY - 4}" class="line line-${lineIndex}" ` +
        `stroke-dasharray="${line.dash}"/><text x="${legendX + 30}" y="${legendY}">${escapeHtml(line.name)}</text>`
      );
    })
    .join('');
  return (
    `<svg viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" role="img" ` +
    `aria-labelledby="${id}-title"><title id="${id}-title">${escapeHtml(title)}</title>${axis}${ticks}${lines}</svg>`
  );
}

const countRows = (counts: ReportCount[]): Cell[][] =>
  counts.map((count) => [{ text: count.name }, number(count.guides)]);

const groupTable = (id: string, caption: string, first: string, groups: ReportGroup[]) =>
  table(
    id,
    caption,
    [[first], ['指南', true], ['错误', true], ['警告', true], ['平均易读分', true]],
    groups.map((group) => [
      { text: group.name },
      number(group.guides),
      number(group.errors),
      number(group.warnings),
      number(group.meanScore),
    ]),
    true,
  );

/** The report as one HTML page. */
export function renderReport(report: CatalogReport): string {
  const handlebars = Handlebars.create();
  const read = (name: string) => readFileSync(`${REPORT_TEMPLATES}${name}`, 'utf8');
  handlebars.registerHelper('isNumber', (value: unknown) => typeof value === 'number');
  handlebars.registerPartial('table', read('table.hbs'));
  const page = handlebars.compile(read('report.hbs'), { preventIndent: true });
  const { evaluation, history } = report;
  const trend = history?.length
    ? {
        problems: new handlebars.SafeString(
          lineChart('history-problems', '各次提交的错误和警告数', history, [
            { name: '错误', values: history.map((point) => point.errors), dash: '' },
            { name: '警告', values: history.map((point) => point.warnings), dash: '6 4' },
          ]),
        ),
        score: new handlebars.SafeString(
          lineChart(
            'history-score',
            '各次提交的平均易读分',
            history,
            [{ name: '平均易读分', values: history.map((point) => point.meanScore), dash: '' }],
            MAX_SCORE,
          ),
        ),
        table: table(
          'history',
          '最近各次提交的主要数字（从旧到新）',
          [
            ['提交'],
            ['日期'],
            ['说明'],
            ['指南', true],
            ['错误', true],
            ['警告', true],
            ['有错误的指南', true],
            ['平均易读分', true],
          ],
          history.map((point) => [
            { text: point.commit.slice(0, 7) },
            { text: point.date },
            { text: point.subject },
            number(point.guides),
            number(point.errors),
            number(point.warnings),
            number(point.guidesWithErrors),
            number(point.meanScore),
          ]),
        ),
      }
    : undefined;
  const bar = (id: string, title: string, counts: ReportCount[]) =>
    new handlebars.SafeString(barChart(id, title, counts));
  return page({
    report,
    css: new handlebars.SafeString(read('report.css')),
    script: new handlebars.SafeString(read('report.js')),
    charts: {
      grades: bar('chart-grades', '易读等级分布', report.grades),
      visits: bar('chart-visits', '到现场次数分布', evaluation.visits.counts),
      online: bar('chart-online', '网办程度分布', evaluation.visits.online),
      ages: bar('chart-ages', '最后核验距今', evaluation.stale.ages),
    },
    trend,
    tables: {
      grades: table('grades', '各易读等级的指南数', [['易读等级'], ['指南', true]], countRows(report.grades)),
      rules: table(
        'rules',
        '各规则发现的问题',
        [['规则'], ['说明'], ['错误', true], ['警告', true], ['涉及指南', true]],
        report.rules.map((rule) => [
          { text: rule.ruleId },
          { text: rule.title },
          number(rule.errors),
          number(rule.warnings),
          number(rule.guides),
        ]),
        true,
      ),
      departments: groupTable('departments', '各实施主体的问题', '实施主体', report.departments),
      categories: groupTable('categories', '各类别的问题', '类别', report.categories),
      fields: table(
        'fields',
        '必备要素：写了和没写的指南数',
        [['要素'], ['字段'], ['已写', true], ['未写', true]],
        evaluation.completeness.fields.map((field) => [
          { text: field.label },
          { text: field.field },
          number(field.present),
          number(field.missing),
        ]),
      ),
      visits: table('visits', '到现场次数', [['到现场'], ['指南', true]], countRows(evaluation.visits.counts)),
      online: table('online', '网办程度', [['网办程度'], ['指南', true]], countRows(evaluation.visits.online)),
      ages: table('ages', '最后核验距今', [['距今'], ['指南', true]], countRows(evaluation.stale.ages)),
      certificates: table(
        'certificates',
        '仍在要求的已取消证明',
        [['证明'], ['指南', true]],
        countRows(evaluation.cancelled.certificates),
      ),
      worklist: table(
        'worklist',
        '最需要修改的指南',
        [['序号', true], ['指南'], ['实施主体'], ['错误', true], ['警告', true], ['易读分', true], ['主要问题']],
        report.worklist.map((item, index) => [
          number(index + 1),
          { text: item.title ?? item.path, lines: item.title ? [item.title, item.path] : [item.path] },
          { text: item.department ?? '—' },
          number(item.errors),
          number(item.warnings),
          { ...number(item.score), text: item.score === null ? item.grade : `${item.score}（${item.grade}）` },
          {
            text: item.top.map((problem) => problem.ruleId).join(' '),
            lines: item.top.map(
              (problem) =>
                `${problem.title}（${problem.ruleId}）× ${problem.count}：第 ${problem.line} 行，${problem.message}`,
            ),
          },
        ]),
        true,
      ),
    },
  });
}
