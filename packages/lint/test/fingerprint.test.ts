import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintBytes, lintTogether, recommendedConfig, type Diagnostic } from '@baihua/lint';

const original = readFileSync(new URL('../../../guides/户籍/id-card-renewal.md', import.meta.url), 'utf8');
const PLAIN = '身份证快到期或已经过期，可以到户政窗口换新证';
// Management language in the summary, twice 相关部门 in one sentence: findings of several rules.
const MANAGERIAL = '申请人须持身份证到相关部门，符合条件的予以受理，不符合的由相关部门说明';
const withSummary = (summary: string) => original.replace(PLAIN, summary);
const lint = (text: string) =>
  lintBytes('id-card-renewal.md', Buffer.from(text), { config: recommendedConfig() }).messages;
const on = (messages: Diagnostic[], ruleId: string) => messages.filter((message) => message.ruleId === ruleId);

/** Twenty lines of prose added at the top of the body: every finding below moves 20 lines down. */
function withLinesAbove(text: string): string {
  const bodyStart = text.indexOf('\n---\n') + 5;
  const added = Array.from({ length: 20 }, (_, index) => `第 ${index + 1} 段：请按窗口的提示排队。\n`).join('');
  return text.slice(0, bodyStart) + added + text.slice(bodyStart);
}

describe('a finding’s fingerprint', () => {
  it('is the same after the finding moves, and tells findings in other sentences apart', () => {
    const before = lint(withSummary(MANAGERIAL));
    const vague = on(before, 'plain/vague-reference').filter((message) => message.message.startsWith('「相关部门」'));
    // Two 相关部门 in one sentence: the same rule on the same words of one sentence, one identity.
    expect(vague.map((message) => [message.line, message.column])).toEqual([
      [8, 19],
      [8, 39],
    ]);
    expect(vague[0]!.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(vague[1]!.fingerprint).toBe(vague[0]!.fingerprint);
    // Other rules in the same sentence are other findings.
    const fingerprints = new Set(before.map((message) => `${message.ruleId} ${message.fingerprint}`));
    expect(fingerprints.size).toBe(before.length - 1);
    expect(new Set(before.map((message) => message.fingerprint)).size).toBe(fingerprints.size);

    // The summary is front matter, above the body: move a body finding instead.
    const bodyFinding = withSummary(MANAGERIAL).replace(
      '## 拍照前的准备',
      '## 拍照前的准备\n\n照片不合格的，予以退回。',
    );
    const moved = lint(withLinesAbove(bodyFinding));
    const stayed = lint(bodyFinding);
    const passive = (messages: Diagnostic[]) => messages.filter((message) => message.message.startsWith('「予以」'));
    expect(passive(stayed).map((message) => [message.line, message.column])).toEqual([[128, 8]]);
    expect(passive(moved).map((message) => [message.line, message.column])).toEqual([[148, 8]]);
    expect(passive(moved).map((message) => message.fingerprint)).toEqual(
      passive(stayed).map((message) => message.fingerprint),
    );
    // Every finding of the front matter is untouched by the lines added below it.
    expect(moved.filter((message) => message.line < 10).map((message) => message.fingerprint)).toEqual(
      stayed.filter((message) => message.line < 10).map((message) => message.fingerprint),
    );
  });

  it('changes when the sentence around the finding changes', () => {
    const [first] = on(lint(withSummary(MANAGERIAL)), 'plain/vague-reference');
    const [second] = on(lint(withSummary(MANAGERIAL.replace('符合条件的', '材料齐全的'))), 'plain/vague-reference');
    expect(first!.line).toBe(second!.line);
    expect(second!.fingerprint).not.toBe(first!.fingerprint);
  });

  it('of a catalog finding is its rule and message', () => {
    const twin = original.replace('id: id-card-renewal', 'id: id-card-renewal-copy');
    const [a, b] = lintTogether(
      [
        { filePath: '/catalog/a.md', text: original },
        { filePath: '/catalog/b.md', text: original },
        { filePath: '/catalog/c.md', text: twin },
      ],
      { config: recommendedConfig(), cwd: '/catalog' },
    );
    const duplicate = (messages: Diagnostic[]) => on(messages, 'catalog/duplicate-id')[0]!;
    expect(duplicate(a!.messages).fingerprint).toMatch(/^[0-9a-f]{16}$/);
    // a.md and b.md are each told of the other: two messages, two identities.
    expect(duplicate(a!.messages).fingerprint).not.toBe(duplicate(b!.messages).fingerprint);
  });
});
