import { installedRuleDocs } from './docs-url.js';
import { noticesById } from './notices.js';
import { rulesById } from './rules/index.js';
import type { RuleMeta } from './types.js';

/** What `baihua explain` and the editor's hover say of a rule or a notice, in the same words. */
export interface RuleExplanation {
  id: string;
  title: string;
  /** how it is set and fixed: 推荐设置为警告，可以用 --fix 自动修复 */
  setting: string;
  /** why it exists */
  why: string;
  howToFix: string;
  /** the rule's page on this machine */
  docs: { url: string; path: string };
}

/** The headings of an explanation's parts. */
export const EXPLANATION_LABELS = { why: '为什么：', howToFix: '怎么改：', docs: '说明页：' } as const;

/** The explanation of a rule or notice, or undefined for an id that names neither. */
export function explainRule(id: string): RuleExplanation | undefined {
  const notice = noticesById.get(id);
  const meta = rulesById.get(id)?.meta;
  if (!notice && !meta) return undefined;
  const { title, description, howToFix } = (meta ?? notice)!;
  return {
    id,
    title,
    setting: meta ? ruleSetting(meta) : '不是对指南内容的检查，不能关闭',
    why: description,
    howToFix,
    docs: installedRuleDocs(id),
  };
}

function ruleSetting(meta: RuleMeta): string {
  if (meta.fatal) return '错误，不能关闭';
  const level = meta.severity === 'error' ? '错误' : '警告';
  const fix =
    meta.fixable === 'fix' ? '，可以用 --fix 自动修复' : meta.fixable === 'suggestion' ? '，编辑器里有修改建议' : '';
  const kinds = !meta.appliesTo ? '' : meta.appliesTo.includes('guide') ? '，只检查指南' : '，只检查一件事';
  return `推荐设置为${level}${fix}${kinds}`;
}
