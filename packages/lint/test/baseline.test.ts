/**
 * The baseline (`packages/lint/src/baseline.ts`): findings matched by guide, rule and fingerprint,
 * counted; recording keeps the guides a run did not lint; pruning lowers counts; the file is the
 * same bytes for the same findings, and a broken file is one clear error.
 */
import { FileAccessError } from '@baihua/core';
import {
  applyBaseline,
  formatBaseline,
  parseBaseline,
  pruneBaseline,
  recordBaseline,
  summarize,
  type Baseline,
  type Diagnostic,
  type LintResult,
} from '@baihua/lint';
import { describe, expect, it } from 'vitest';

const DIRECTORY = '/catalog';

function finding(line: number, ruleId: string, fingerprint: string, message: string, severity: 1 | 2 = 1): Diagnostic {
  return {
    ruleId,
    severity,
    message,
    line,
    column: 3,
    endLine: line,
    endColumn: 7,
    range: [line * 10, line * 10 + 4],
    fingerprint,
  };
}

const LONG = finding(12, 'plain/long-sentence', 'f1', '这句话有 58 个字，超过了 50 个字：拆成两三句');
const JARGON = finding(30, 'plain/jargon', 'f2', '「予以」是公文用语：改为「给」');
const JARGON_AGAIN = finding(41, 'plain/jargon', 'f2', '「予以」是公文用语：改为「给」');
const REQUIRED = finding(1, 'schema/required', 'f3', '缺少 deadline（办理时限）', 2);

const result = (file: string, messages: Diagnostic[]): LintResult => summarize(`${DIRECTORY}/${file}`, messages, []);

const baseline = (files: Baseline['files']): Baseline => ({ files });

const where = (messages: Diagnostic[]) => messages.map((message) => `${message.line} ${message.ruleId}`);

describe('applyBaseline', () => {
  it('moves the findings the baseline holds to suppressedMessages, marked as ESLint marks its suppressions file', () => {
    const held = baseline({
      '户籍/id-card.md': {
        'plain/long-sentence': { f1: { count: 1, message: LONG.message } },
        'schema/required': { f3: { count: 1, message: REQUIRED.message } },
      },
    });
    const outcome = applyBaseline([result('户籍/id-card.md', [REQUIRED, LONG, JARGON])], held, {
      directory: DIRECTORY,
    });
    const [applied] = outcome.results;
    expect(where(applied!.messages)).toEqual(['30 plain/jargon']);
    expect(where(applied!.suppressedMessages)).toEqual(['1 schema/required', '12 plain/long-sentence']);
    expect(applied!.suppressedMessages[0]!.suppressions).toEqual([{ kind: 'file', justification: '' }]);
    expect([applied!.errorCount, applied!.warningCount]).toEqual([0, 1]);
    expect(outcome.baselined).toBe(2);
    expect(outcome.unmatched).toEqual([]);
  });

  it('counts: two recorded and three found leaves the last one in the file new', () => {
    const third = finding(77, 'plain/jargon', 'f2', JARGON.message);
    const held = baseline({ 'a.md': { 'plain/jargon': { f2: { count: 2, message: JARGON.message } } } });
    const outcome = applyBaseline([result('a.md', [JARGON, JARGON_AGAIN, third])], held, { directory: DIRECTORY });
    expect(where(outcome.results[0]!.messages)).toEqual(['77 plain/jargon']);
    expect(outcome.baselined).toBe(2);
  });

  it('reports what no finding matched: the part of a count left over, and a gone guide the run covers', () => {
    const held = baseline({
      'a.md': { 'plain/jargon': { f2: { count: 3, message: JARGON.message } } },
      'gone.md': { 'plain/long-sentence': { f1: { count: 2, message: LONG.message } } },
      'elsewhere.md': { 'plain/long-sentence': { f1: { count: 1, message: LONG.message } } },
    });
    const outcome = applyBaseline([result('a.md', [JARGON])], held, {
      directory: DIRECTORY,
      covers: (file) => file === 'gone.md',
    });
    expect(outcome.unmatched).toEqual([
      { file: 'a.md', ruleId: 'plain/jargon', fingerprint: 'f2', count: 2 },
      { file: 'gone.md', ruleId: 'plain/long-sentence', fingerprint: 'f1', count: 2 },
    ]);
  });

  it('never holds back a file that cannot be read, nor a finding of another guide or rule', () => {
    const fatal: Diagnostic = { ...REQUIRED, ruleId: 'syntax/yaml', fatal: true, fingerprint: 'f9' };
    const held = baseline({
      'a.md': {
        'syntax/yaml': { f9: { count: 1, message: '' } },
        'plain/long-sentence': { f2: { count: 1, message: '' } },
      },
      'b.md': { 'plain/jargon': { f2: { count: 1, message: '' } } },
    });
    const outcome = applyBaseline([result('a.md', [fatal, JARGON])], held, { directory: DIRECTORY });
    expect(where(outcome.results[0]!.messages)).toEqual(['1 syntax/yaml', '30 plain/jargon']);
    expect(outcome.results[0]!.fatalErrorCount).toBe(1);
  });
});

describe('recordBaseline', () => {
  it('records the guides linted, counted, and keeps the entries of guides the run did not lint', () => {
    const before = baseline({
      'a.md': { 'schema/required': { f3: { count: 1, message: REQUIRED.message } } },
      'b.md': { 'plain/jargon': { f2: { count: 1, message: JARGON.message } } },
      'gone.md': { 'plain/jargon': { f2: { count: 1, message: JARGON.message } } },
    });
    const after = recordBaseline(before, [result('a.md', [LONG, JARGON, JARGON_AGAIN]), result('c.md', [])], {
      directory: DIRECTORY,
      covers: (file) => file === 'gone.md',
    });
    expect(after).toEqual(
      baseline({
        'a.md': {
          'plain/long-sentence': { f1: { count: 1, message: LONG.message } },
          'plain/jargon': { f2: { count: 2, message: JARGON.message } },
        },
        'b.md': { 'plain/jargon': { f2: { count: 1, message: JARGON.message } } },
      }),
    );
  });

  it('keeps a glimpse of a long message: 60 characters on one line', () => {
    const long = finding(3, 'plain/long-sentence', 'f1', `${'办'.repeat(50)}\n${'理'.repeat(20)}`);
    const recorded = recordBaseline(baseline({}), [result('a.md', [long])], { directory: DIRECTORY });
    expect(recorded.files['a.md']!['plain/long-sentence']!.f1!.message).toBe(`${'办'.repeat(50)} ${'理'.repeat(9)}…`);
  });
});

describe('pruneBaseline', () => {
  it('lowers counts and drops what is left empty', () => {
    const held = baseline({
      'a.md': {
        'plain/jargon': { f2: { count: 3, message: 'm' } },
        'plain/long-sentence': { f1: { count: 1, message: 'm' } },
      },
      'b.md': { 'plain/jargon': { f2: { count: 1, message: 'm' } } },
    });
    const pruned = pruneBaseline(held, [
      { file: 'a.md', ruleId: 'plain/jargon', fingerprint: 'f2', count: 2 },
      { file: 'a.md', ruleId: 'plain/long-sentence', fingerprint: 'f1', count: 1 },
      { file: 'b.md', ruleId: 'plain/jargon', fingerprint: 'f2', count: 1 },
    ]);
    expect(pruned).toEqual(baseline({ 'a.md': { 'plain/jargon': { f2: { count: 1, message: 'm' } } } }));
    expect(held.files['b.md']).toBeDefined();
  });
});

describe('the baseline file', () => {
  it('is the version, then guides, rules and fingerprints in sorted order, whatever order they came in', () => {
    const held = baseline({
      '社保/b.md': { 'plain/jargon': { f2: { count: 1, message: JARGON.message } } },
      '户籍/a.md': {
        'schema/required': { f3: { count: 1, message: REQUIRED.message } },
        'plain/long-sentence': { f9: { count: 2, message: LONG.message }, f1: { count: 1, message: LONG.message } },
      },
    });
    const text = formatBaseline(held);
    expect(text).toBe(`{
  "version": 1,
  "files": {
    "户籍/a.md": {
      "plain/long-sentence": {
        "f1": {
          "count": 1,
          "message": "${LONG.message}"
        },
        "f9": {
          "count": 2,
          "message": "${LONG.message}"
        }
      },
      "schema/required": {
        "f3": {
          "count": 1,
          "message": "${REQUIRED.message}"
        }
      }
    },
    "社保/b.md": {
      "plain/jargon": {
        "f2": {
          "count": 1,
          "message": "${JARGON.message}"
        }
      }
    }
  }
}
`);
    expect(formatBaseline(parseBaseline(text, 'baihua-baseline.json'))).toBe(text);
  });

  const problem = (text: string) => {
    try {
      parseBaseline(text, 'baihua-baseline.json');
    } catch (error) {
      expect(error).toBeInstanceOf(FileAccessError);
      return (error as FileAccessError).message;
    }
    throw new Error('no error');
  };
  const REGENERATE = '：请改正，或删掉它再用 baihua lint --update-baseline 重新生成';

  it('says clearly what is wrong with a broken file', () => {
    expect(problem('{"version": 1, "files": {')).toBe(`基线文件不是有效的 JSON${REGENERATE}`);
    expect(problem('{\n<<<<<<< HEAD\n  "version": 1\n=======\n>>>>>>> main\n}')).toBe(
      `基线文件里还有合并冲突的标记（<<<<<<<）${REGENERATE}`,
    );
    expect(problem('[]')).toBe(`基线文件应是一个 JSON 对象，含 version 和 files${REGENERATE}`);
    expect(problem('{"version": 2, "files": {}}')).toBe(
      '基线文件是更新版本的白话写的（格式版本 2），这个版本的白话只认得格式版本 1：请升级白话',
    );
    expect(problem('{"files": {}}')).toBe(`基线文件的 version 应是 1${REGENERATE}`);
    expect(problem('{"version": 1, "files": {"a.md": {"plain/jargon": {"f2": {"count": 0, "message": ""}}}}}')).toBe(
      `基线文件里「a.md」的「plain/jargon」的「f2」应写成 { count, message }，count 是正整数${REGENERATE}`,
    );
    expect(problem('{"version": 1, "files": {"a.md": {"plain/jargon": {"f2": {"count": 1}}}}}')).toBe(
      `基线文件里「a.md」的「plain/jargon」的「f2」的 message 应是文字${REGENERATE}`,
    );
    expect(problem('{"version": 1, "files": {"a.md": []}}')).toBe(
      `基线文件里「a.md」应是一个对象：规则 → 指纹 → { count, message }${REGENERATE}`,
    );
  });
});
