import { displayPath } from '@baihua/core';
import type { Diagnostic, FormatterContext, LintResult } from '../types.js';
import { xmlText } from './xml.js';

const kind = (message: Diagnostic) => (message.severity === 2 ? 'error' : 'warning');

/** One failing test case: the finding's place, severity, message and rule, as ESLint's junit formatter writes it. */
function testCase(message: Diagnostic, classname: string): string {
  // A file that could not be read is an error of the test run; a finding is a failed test.
  const element = message.fatal ? 'error' : 'failure';
  const detail = `line ${message.line}, col ${message.column}, ${kind(message)} - ${message.message} (${message.ruleId})`;
  return (
    `<testcase time="0" name="baihua.${xmlText(message.ruleId)}" classname="${classname}">` +
    `<${element} message="${xmlText(message.message)}">${xmlText(detail)}</${element}></testcase>\n`
  );
}

/**
 * JUnit XML, as ESLint's junit formatter writes it: one test suite per file, one failed test case
 * per finding, and one passing test case for a file without findings, so CI test reports count it.
 */
export function junit(results: LintResult[], { cwd }: FormatterContext): string {
  let output = '<?xml version="1.0" encoding="utf-8"?>\n<testsuites>\n';
  for (const result of results) {
    const shown = displayPath(result.filePath, cwd).replaceAll('\\', '/');
    const path = xmlText(shown);
    const classname = xmlText(shown.replace(/\.[^./]*$/, ''));
    const { messages } = result;
    const errors = messages.filter((message) => message.fatal).length;
    const tests = Math.max(messages.length, 1);
    output += `<testsuite package="baihua" time="0" tests="${tests}" failures="${messages.length - errors}" errors="${errors}" name="${path}">\n`;
    output += messages.length
      ? messages.map((message) => testCase(message, classname)).join('')
      : `<testcase time="0" name="${path}" classname="${classname}" />\n`;
    output += '</testsuite>\n';
  }
  return `${output}</testsuites>\n`;
}
