import { type ConfigError, displayPath, type FileAccessError } from '@baihua/core';
import { installedRuleDocs, type Diagnostic as Finding } from '@baihua/lint';
import { type Diagnostic, DiagnosticSeverity, type Range } from 'vscode-languageserver';

/** What a diagnostic carries for the code actions: the finding's fix and suggestions. */
export interface FindingData {
  fix?: Finding['fix'];
  suggestions?: Finding['suggestions'];
}

/**
 * The LSP range of a finding: its 1-based lines and UTF-16 columns, made 0-based. A client that
 * keeps the BOM (`keptBom`) counts it as the first character of line 1, which the parser took off.
 */
export function findingRange(
  finding: Pick<Finding, 'line' | 'column' | 'endLine' | 'endColumn'>,
  keptBom = false,
): Range {
  const shift = (line: number) => (keptBom && line === 1 ? 0 : 1);
  return {
    start: { line: finding.line - 1, character: finding.column - shift(finding.line) },
    end: { line: finding.endLine - 1, character: finding.endColumn - shift(finding.endLine) },
  };
}

/** A finding of `baihua lint` as the editor shows it: the same range, message and rule id. */
export function toDiagnostic(finding: Finding, keptBom = false): Diagnostic {
  const data: FindingData = {
    ...(finding.fix && { fix: finding.fix }),
    ...(finding.suggestions && { suggestions: finding.suggestions }),
  };
  return {
    range: findingRange(finding, keptBom),
    severity: finding.severity === 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: finding.ruleId,
    codeDescription: { href: installedRuleDocs(finding.ruleId).url },
    source: 'baihua',
    message: finding.message,
    ...(Object.keys(data).length > 0 && { data }),
  };
}

/**
 * A finding the baseline holds: a hint, which editors draw grey and keep out of the problem list,
 * so that it is there for whoever edits the sentence but is not taken for a new problem. Not
 * tagged Unnecessary: that fades the text itself, as editors fade dead code, and the sentence is
 * not to be deleted.
 */
export function baselinedDiagnostic(finding: Finding, keptBom = false): Diagnostic {
  return {
    ...toDiagnostic(finding, keptBom),
    severity: DiagnosticSeverity.Hint,
    message: `${finding.message}（已记入基线）`,
  };
}

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** On a guide whose baseline file cannot be read: its findings are all shown, and why. */
export function baselineProblemDiagnostic(error: FileAccessError, cwd: string): Diagnostic {
  return {
    range: START,
    severity: DiagnosticSeverity.Warning,
    code: 'baseline',
    source: 'baihua',
    message: `${displayPath(error.path, cwd)}：${error.message}。在它改好之前，基线里的问题也照常显示`,
  };
}

/** A broken configuration file, where it is broken. */
export function configDiagnostic(error: ConfigError): Diagnostic {
  const at = error.point
    ? { line: error.point.line - 1, character: error.point.column - 1 }
    : { line: 0, character: 0 };
  return {
    range: { start: at, end: at },
    severity: DiagnosticSeverity.Error,
    code: 'config',
    source: 'baihua',
    message: error.message,
  };
}

/** On a guide whose configuration is broken: which file to mend before it can be checked. */
export function unconfiguredDiagnostic(error: ConfigError, cwd: string): Diagnostic {
  const where = error.point ? `第 ${error.point.line} 行：` : '';
  return {
    range: START,
    severity: DiagnosticSeverity.Error,
    code: 'config',
    source: 'baihua',
    message: `配置文件 ${displayPath(error.path, cwd)} 有问题，这份指南暂时没有检查。${where}${error.message}`,
  };
}

/** A failure of Baihua itself while checking the guide: one diagnostic, and the server lives on. */
export function internalDiagnostic(error: unknown): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    range: START,
    severity: DiagnosticSeverity.Error,
    code: 'internal',
    source: 'baihua',
    message: `白话检查这份指南时出错（${reason}），结果不全。请把这份指南和这条消息报告给白话的维护者`,
  };
}
