import { displayPath } from '@baihua/core';
import { band } from '@baihua/plain';
import { createColors } from 'picocolors';
import stringWidth from 'string-width';
import type { LintResult, FormatterContext, Suppression } from '../types.js';

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

/** Grouped by file, aligned for CJK text (wide characters count as two columns). */
export function stylish(results: LintResult[], { cwd, color }: FormatterContext): string {
  const c = createColors(color);
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  for (const result of results) {
    errors += result.errorCount;
    warnings += result.warningCount;
    fixableErrors += result.fixableErrorCount;
    fixableWarnings += result.fixableWarningCount;
    if (result.messages.length === 0) continue;
    const rows = result.messages.map((message) => ({
      position: `${message.line}:${message.column}`,
      severity: message.severity === 2 ? 'error' : 'warning',
      message: message.message,
      ruleId: message.ruleId,
    }));
    const lineWidth = Math.max(...result.messages.map((message) => String(message.line).length));
    const positionWidth = Math.max(...result.messages.map((message) => lineWidth + 1 + String(message.column).length));
    const messageWidth = Math.max(...rows.map((row) => stringWidth(row.message)));
    lines.push(c.underline(displayPath(result.filePath, cwd)));
    result.messages.forEach((message, index) => {
      const row = rows[index]!;
      const position = pad(`${String(message.line).padStart(lineWidth)}:${message.column}`, positionWidth);
      const severity = row.severity === 'error' ? c.red(pad(row.severity, 7)) : c.yellow(pad(row.severity, 7));
      lines.push(`  ${c.dim(position)}  ${severity}  ${pad(row.message, messageWidth)}  ${c.dim(row.ruleId)}`);
    });
    lines.push('');
  }
  const total = errors + warnings;
  const readability = readabilitySummary(results, cwd);
  const baselined = baselinedSummary(results);
  if (total === 0) return `${c.green('✔')} 检查了 ${checkedCount(results)}，没有发现问题\n${baselined}${readability}`;
  const summary = `✖ ${total} 个问题（${errors} 个错误，${warnings} 个警告）`;
  lines.push(errors ? c.bold(c.red(summary)) : c.bold(c.yellow(summary)));
  if (fixableErrors + fixableWarnings > 0) {
    lines.push(c.dim(`  其中 ${fixableErrors} 个错误、${fixableWarnings} 个警告可以用 --fix 自动修复`));
  }
  return `${lines.join('\n')}\n${baselined}${readability}`;
}

/** 「14 份指南」, and with journeys 「14 份指南和 2 件一件事」. */
function checkedCount(results: LintResult[]): string {
  const journeys = results.filter((result) => result.kind === 'journey').length;
  const guides = results.length - journeys;
  if (journeys === 0) return `${guides} 份指南`;
  return guides === 0 ? `${journeys} 件一件事` : `${guides} 份指南和 ${journeys} 件一件事`;
}

/** How many findings the baseline holds back, so that a clean report does not hide that there are some. */
function baselinedSummary(results: LintResult[]): string {
  const count = results.reduce(
    (sum, result) => sum + result.suppressedMessages.filter((message) => message.suppressions?.some(isBaseline)).length,
    0,
  );
  return count > 0 ? `  另有 ${count} 个问题记在基线里\n` : '';
}

const isBaseline = (suppression: Suppression) => suppression.kind === 'file';

/** One line on readability: the average, and the guide that reads hardest. */
function readabilitySummary(results: LintResult[], cwd: string): string {
  const scored = results.flatMap((result) =>
    result.stats?.readability.scored ? [{ filePath: result.filePath, score: result.stats.readability.score }] : [],
  );
  if (scored.length === 0) return '';
  const average = Math.round(scored.reduce((sum, result) => sum + result.score, 0) / scored.length);
  const hardest = scored.reduce((low, result) => (result.score < low.score ? result : low));
  const worst =
    scored.length > 1 ? `，最低 ${hardest.score}（${band(hardest.score)}）${displayPath(hardest.filePath, cwd)}` : '';
  return `  易读分${scored.length > 1 ? '平均' : ''} ${average}（${band(average)}）${worst}。baihua stats 可以看每一部分\n`;
}
