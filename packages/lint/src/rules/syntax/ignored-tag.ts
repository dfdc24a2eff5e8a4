import { defineRule } from '../define.js';
import { EXAMPLE_GUIDE } from '../example-guide.js';

export default defineRule({
  meta: {
    id: 'syntax/ignored-tag',
    severity: 'warn',
    title: '不认识的 YAML 标签',
    description:
      'YAML 的标签（! 或 !! 开头，如 !!js/function）能让有些程序把内容当作代码或特殊数据。白话不认识这些标签，不会执行它们，只把后面的内容当作普通文字读。指南不需要标签，写了容易让人以为它起了作用。',
    howToFix: '删去标签，只留下内容。',
    messages: { ignored: 'YAML 标签「{{tag}}」不认识，已忽略：后面的内容按普通文字读取，不会执行。请删去这个标签' },
  },
  examples: {
    valid: [{ title: '没有标签', code: EXAMPLE_GUIDE }],
    invalid: [
      {
        title: '给字段加了 !!js/function 标签',
        code: EXAMPLE_GUIDE.replace('title: 换领居民身份证', 'title: !!js/function 换领居民身份证'),
        errors: [
          { messageId: 'ignored', data: { tag: '!!js/function' }, line: 3, column: 8, endLine: 3, endColumn: 21 },
        ],
      },
    ],
  },
  check({ guide, report }) {
    for (const { tag, range } of guide.yaml?.ignoredTags ?? []) {
      report({ messageId: 'ignored', data: { tag }, range });
    }
  },
});
