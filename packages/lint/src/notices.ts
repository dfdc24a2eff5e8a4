import type { RuleMeta } from './types.js';

/** What reports show of a rule or a notice. */
export type NoticeMeta = Pick<RuleMeta, 'id' | 'severity' | 'fatal' | 'title' | 'description' | 'howToFix'>;

/**
 * Findings about what happened to a file rather than about its text. They are not rules: no
 * text makes them, so they have no examples to lint, and they cannot be configured. Reports,
 * SARIF and `baihua explain` show them like rules.
 */
export const notices: readonly NoticeMeta[] = [
  {
    id: 'fix/not-written',
    severity: 'error',
    fatal: true,
    title: '修复没有写入',
    description:
      '--fix 算出了修复，但没有写回文件：文件是只读的，或者在检查之后又被改过（比如编辑器刚保存过），或者写入时出错（没有权限、磁盘满了）。文件保持原样，列出的问题是文件现在的内容里的问题。',
    howToFix:
      '只读的文件先取消只读（chmod u+w）；被改过的文件再运行一次 baihua lint --fix；写入出错的按提示处理后再运行。',
  },
];

export const noticesById: ReadonlyMap<string, NoticeMeta> = new Map(notices.map((notice) => [notice.id, notice]));
