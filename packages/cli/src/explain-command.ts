import {
  EXPLANATION_LABELS,
  explainRule,
  notices,
  noticesById,
  rules,
  rulesById,
  runExample,
  type Diagnostic,
  type Rule,
  type RuleExample,
} from '@baihua/lint';
import { createColors } from 'picocolors';
import stringWidth from 'string-width';
import { UsageError } from './errors.js';

const CONTEXT_LINES = 2;
const SHORT_EXAMPLE_LINES = 12;

type Colors = ReturnType<typeof createColors>;

/** The lines of an example worth showing: all of a short one, else a window around `focus`. */
function window(code: string, focus: number[]): [number, number] {
  const count = code.replace(/\n$/, '').split('\n').length;
  if (count <= SHORT_EXAMPLE_LINES || focus.length === 0) return [1, count];
  return [Math.max(1, Math.min(...focus) - CONTEXT_LINES), Math.min(count, Math.max(...focus) + CONTEXT_LINES)];
}

function showCode(code: string, [from, to]: [number, number], findings: Diagnostic[], c: Colors): string[] {
  const lines = code.split(/\r?\n/);
  const width = String(to).length;
  const out: string[] = [];
  if (from > 1) out.push(c.dim(`${' '.repeat(width)} │ …`));
  for (let number = from; number <= to; number++) {
    const text = lines[number - 1] ?? '';
    out.push(`${c.dim(`${String(number).padStart(width)} │`)} ${text}`);
    for (const finding of findings.filter((candidate) => candidate.line === number)) {
      const before = stringWidth(text.slice(0, finding.column - 1));
      const endColumn = finding.endLine === number ? finding.endColumn : text.length + 1;
      const length = Math.max(1, stringWidth(text.slice(finding.column - 1, endColumn - 1)));
      out.push(
        `${' '.repeat(width)} ${c.dim('│')} ${' '.repeat(before)}${c.red(`${'^'.repeat(length)} ${finding.message}`)}`,
      );
    }
  }
  return out;
}

function showExample(rule: Rule, example: RuleExample, kind: 'bad' | 'good', focus: number[], c: Colors): string[] {
  const { diagnostics } = runExample(rule, example);
  const lines = focus.length ? focus : diagnostics.map((diagnostic) => diagnostic.line);
  const heading = kind === 'bad' ? c.red(`✗ 错误写法：${example.title}`) : c.green(`✓ 正确写法：${example.title}`);
  const out = ['', heading, ...showCode(example.code, window(example.code, lines), diagnostics, c)];
  for (const other of example.catalog ?? []) out.push(...showOtherGuide(example.code, other, c));
  if (kind === 'bad' && example.output !== undefined) {
    const fixedLines = example.output.split('\n');
    const changed = example.code.split('\n').flatMap((line, index) => (fixedLines[index] !== line ? [index + 1] : []));
    out.push(
      '',
      c.green('--fix 之后：'),
      ...showCode(example.output, window(example.output, changed.length ? changed : lines), [], c),
    );
  }
  return out;
}

const SHOWN_DIFFERENCES = 6;

/** Another guide of a catalog example: the lines where it differs from the example shown. */
function showOtherGuide(code: string, other: { filename: string; code: string }, c: Colors): string[] {
  const lines = code.split('\n');
  const changed = other.code.split('\n').flatMap((line, index) => (line !== lines[index] ? [index + 1] : []));
  if (changed.length === 0) return ['', c.dim(`同时检查的 ${other.filename}：内容和上面完全一样`)];
  if (changed.length > SHOWN_DIFFERENCES)
    return ['', c.dim(`同时检查的 ${other.filename}：`), ...showCode(other.code, window(other.code, []), [], c)];
  const otherLines = other.code.split('\n');
  const width = String(changed.at(-1)).length;
  return [
    '',
    c.dim(`同时检查的 ${other.filename}：和上面一样，只有这几行不同`),
    ...changed.map((number) => `${c.dim(`${String(number).padStart(width)} │`)} ${otherLines[number - 1]}`),
  ];
}

/** The heading, why, how to fix and page of a rule or notice (the editor's hover says the same). */
function explanationLines(id: string, c: Colors): string[] {
  const { title, setting, why, howToFix, docs } = explainRule(id)!;
  return [
    `${c.bold(id)}  ${title}（${setting}）`,
    '',
    `${c.bold(EXPLANATION_LABELS.why)}${why}`,
    `${c.bold(EXPLANATION_LABELS.howToFix)}${howToFix}`,
    `${c.bold(EXPLANATION_LABELS.docs)}${docs.path}`,
  ];
}

/** `baihua explain RULE`: why the rule exists, how to fix, and its examples with live findings. */
export function explain(ruleId: string | undefined, color: boolean): string {
  const c = createColors(color);
  const all = [...rules.map((rule) => rule.meta), ...notices];
  if (!ruleId) {
    const width = Math.max(...all.map((meta) => meta.id.length));
    const rows = all.map(
      (meta) =>
        `  ${meta.id.padEnd(width)}  ${meta.fatal ? '错误' : meta.severity === 'error' ? '错误' : '警告'}  ${meta.title}`,
    );
    return `${['所有规则（baihua explain <规则> 查看说明和例子）：', ...rows].join('\n')}\n`;
  }
  const notice = noticesById.get(ruleId);
  if (notice) {
    // Not made by any text, so there are no examples to show.
    return `${explanationLines(notice.id, c).join('\n')}\n`;
  }
  const rule = rulesById.get(ruleId);
  if (!rule) {
    const similar = rules.filter(
      (candidate) => candidate.meta.id.includes(ruleId) || ruleId.includes(candidate.meta.id.split('/')[1]!),
    );
    throw new UsageError(
      `没有规则「${ruleId}」。${similar.length ? `是不是想看 ${similar.map((candidate) => candidate.meta.id).join('、')}？` : '运行 baihua explain 列出所有规则'}`,
    );
  }
  const { meta, examples } = rule;
  const bad = examples.invalid[0]!;
  const badLines = runExample(rule, bad).diagnostics.map((diagnostic) => diagnostic.line);
  const out = [
    ...explanationLines(meta.id, c),
    ...showExample(rule, bad, 'bad', [], c),
    ...showExample(rule, examples.valid[0]!, 'good', badLines, c),
  ];
  for (const more of examples.invalid.slice(1)) out.push(...showExample(rule, more, 'bad', [], c));
  return `${out.join('\n')}\n`;
}
