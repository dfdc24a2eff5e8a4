import { applyFixes } from '@baihua/lint';
import { describe, expect, it } from 'vitest';
import { ignoreTermEdit, type InheritedSetting } from '../src/jargon-ignore.js';

const RECOMMENDED: InheritedSetting = { severity: 'warn', options: undefined };

/** The configuration text after the edit, or undefined when none is offered. */
function edited(text: string, inherited: InheritedSetting = RECOMMENDED): string | undefined {
  const edit = ignoreTermEdit(text, '容缺受理', inherited);
  return edit && applyFixes(text, [edit]).text;
}

const EXAMPLE = `# yaml-language-server: $schema=../schema/config.schema.json
# Configuration for the example guides.
root: true
extends: [recommended]
# Every guide of the catalog.
catalog: ['.']
`;

describe('ignoreTermEdit', () => {
  it('adds a rules entry at the end of a file without one, comments and quoting kept', () => {
    expect(edited(EXAMPLE)).toBe(`${EXAMPLE}rules:\n  plain/jargon: [warn, {ignore: [容缺受理]}]\n`);
    expect(edited('root: true')).toBe('root: true\nrules:\n  plain/jargon: [warn, {ignore: [容缺受理]}]\n');
    expect(edited('# 只有注释\n')).toBe('# 只有注释\nrules:\n  plain/jargon: [warn, {ignore: [容缺受理]}]\n');
  });

  it('keeps CRLF line endings', () => {
    const crlf = 'root: true\r\nrules:\r\n  # 统计日期\r\n  policy/stale: off\r\n# 忽略\r\nignores: [README.md]\r\n';
    expect(edited(crlf)).toBe(
      'root: true\r\nrules:\r\n  # 统计日期\r\n  policy/stale: off\r\n  plain/jargon: [warn, {ignore: [容缺受理]}]\r\n# 忽略\r\nignores: [README.md]\r\n',
    );
  });

  it('keeps the options a parent configuration gives the rule, since the nearest options replace them', () => {
    const inherited: InheritedSetting = {
      severity: 'error',
      options: { terms: { 跨省通办: '在外省也能办' }, ignore: ['办结'] },
    };
    expect(edited('rules:\n  plain/passive: off\n', inherited)).toBe(
      'rules:\n  plain/passive: off\n  plain/jargon: [error, {terms: {跨省通办: 在外省也能办}, ignore: [办结, 容缺受理]}]\n',
    );
    expect(edited('rules:\n  plain/jargon: warn # 先提醒\n', inherited)).toBe(
      'rules:\n  plain/jargon: [warn, {terms: {跨省通办: 在外省也能办}, ignore: [办结, 容缺受理]}] # 先提醒\n',
    );
    expect(edited('rules:\n  plain/jargon:\n    - warn\n', inherited)).toBe(
      'rules:\n  plain/jargon:\n    - warn\n    - {terms: {跨省通办: 在外省也能办}, ignore: [办结, 容缺受理]}\n',
    );
  });

  it('adds the term to the options written, in their style', () => {
    expect(edited('rules:\n  plain/jargon: [warn, { ignore: [办结] }]  # 本地\n')).toBe(
      'rules:\n  plain/jargon: [warn, { ignore: [办结, 容缺受理] }]  # 本地\n',
    );
    expect(edited('rules:\n  plain/jargon:\n    - warn\n    - ignore:\n        - 办结 # 都懂\n# 结束\n')).toBe(
      'rules:\n  plain/jargon:\n    - warn\n    - ignore:\n        - 办结 # 都懂\n        - 容缺受理\n# 结束\n',
    );
    expect(
      edited('rules:\n  plain/jargon:\n    - warn\n    - terms:\n        跨省通办: 在外省也能办\n      # 说明\n'),
    ).toBe(
      'rules:\n  plain/jargon:\n    - warn\n    - terms:\n        跨省通办: 在外省也能办\n      ignore: [容缺受理]\n      # 说明\n',
    );
    expect(edited('rules: { plain/passive: off }\n')).toBe(
      'rules: { plain/passive: off, plain/jargon: [warn, {ignore: [容缺受理]}] }\n',
    );
  });

  it('offers nothing for a file that does not parse or is not written as a configuration', () => {
    expect(edited('rules:\n  plain/jargon: [warn\n')).toBeUndefined();
    expect(edited('rules:\n')).toBeUndefined();
    expect(edited('- a\n')).toBeUndefined();
  });
});
