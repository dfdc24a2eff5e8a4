// The import and export reports, as Markdown for people and JSON for scripts.
import type { ExportReport } from './platform-export.js';
import type { ImportReport } from './platform-import.js';
import type { PlatformIssue } from './platform-tables.js';

const KIND_TITLES: Record<PlatformIssue['kind'], string> = {
  unmapped: '没有对应上的值（保留在指南的 x-platform 里，导出时原样写回）',
  recovered: '修正后读入的值（请核对）',
  skipped: '没有读入的内容',
};

/** A table cell: one line, no column breaks. */
function cell(text: string | number | undefined): string {
  return String(text ?? '')
    .replaceAll('|', '\\|')
    .replace(/\r?\n/g, '<br>');
}

export interface ImportReportFiles {
  /** the file written for each guide id */
  files?: Record<string, string>;
}

export function importSummary(report: ImportReport): string {
  const unmapped = report.issues.filter((issue) => issue.kind === 'unmapped').length;
  const drafts = report.guides.filter((guide) => guide.draft).length;
  return `${report.guides.length} 个事项（${drafts} 个是草稿），${unmapped} 个值没有对应上`;
}

export function importReportMarkdown(report: ImportReport, { files = {} }: ImportReportFiles = {}): string {
  const lines = ['# 平台表格导入报告', '', `${importSummary(report)}。`, '', '## 指南', ''];
  lines.push('| 标识 | 事项名称 | 来源 | 文件 | 状态 | 缺的必填字段 |', '| --- | --- | --- | --- | --- | --- |');
  for (const guide of report.guides) {
    const source = `${guide.file ? `${guide.file} ` : ''}${guide.sheet} 第 ${guide.row} 行`;
    lines.push(
      `| ${cell(guide.id)} | ${cell(guide.title)} | ${cell(source)} | ${cell(files[guide.id])} | ${guide.draft ? '草稿' : '完整'} | ${cell(guide.missing.join('、'))} |`,
    );
  }
  for (const kind of ['unmapped', 'recovered', 'skipped'] as const) {
    const issues = report.issues.filter((issue) => issue.kind === kind);
    if (issues.length === 0) continue;
    lines.push(
      '',
      `## ${KIND_TITLES[kind]}`,
      '',
      '| 文件 | 工作表 | 行 | 列 | 值 | 原因 |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const issue of issues) {
      lines.push(
        `| ${cell(issue.file)} | ${cell(issue.sheet)} | ${cell(issue.row)} | ${cell(issue.column)} | ${cell(issue.value)} | ${cell(issue.reason)} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

export interface ExportReportExtras {
  /** guides not exported (drafts, journeys), with why */
  skipped?: { path: string; reason: string }[];
}

export function exportReportMarkdown(report: ExportReport, { skipped = [] }: ExportReportExtras = {}): string {
  const lines = [
    '# 平台表格导出报告',
    '',
    `导出 ${report.guides.length} 个事项。下面列出每个事项在平台表格里空着的列：这些是平台还需要、指南里还没有写的内容。`,
  ];
  for (const guide of report.guides) {
    lines.push('', `## ${guide.title ?? guide.id}（${guide.id}）`, '');
    if (guide.empty.length === 0) lines.push('平台表格的列都填上了。');
    for (const empty of guide.empty)
      lines.push(`- ${empty.sheet}${empty.item === undefined ? '' : `「${empty.item}」`}：${empty.columns.join('、')}`);
  }
  if (skipped.length > 0) {
    lines.push('', '## 没有导出的文件', '');
    for (const file of skipped) lines.push(`- ${file.path}：${file.reason}`);
  }
  return `${lines.join('\n')}\n`;
}
