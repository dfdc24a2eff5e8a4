import { markdownRange, spanRange, type ParsedGuide, type SourceRange } from '@baihua/core';
import { URL_SOURCE } from '@baihua/plain';
import { visit } from 'unist-util-visit';
import { fixWhereVerbatim } from '../../fix.js';
import { EXAMPLE_GUIDE, exampleWith, exampleWithParagraph } from '../example-guide.js';
import { policyRule } from '../define.js';

/** Addresses in prose end where a URL cannot go on (登录http://a.gov.cn/x办理 is …/x). */
const ADDRESS = new RegExp(`\\b${URL_SOURCE}`, 'gi');

interface FoundUrl {
  url: string;
  range: SourceRange;
}

/** Every http:// address: in YAML strings (the URL fields and prose), and in body links. */
function plainHttpUrls(guide: ParsedGuide): FoundUrl[] {
  const found: FoundUrl[] = [];
  for (const span of guide.yaml?.strings ?? []) {
    if (span.pointer === '/body') continue;
    for (const match of span.text.matchAll(ADDRESS)) {
      if (!/^http:/i.test(match[0])) continue;
      found.push({
        url: match[0],
        range: spanRange(span, match.index, match.index + match[0].length),
      });
    }
  }
  const body = guide.body;
  if (body) {
    visit(body.tree, (node) => {
      if ((node.type !== 'link' && node.type !== 'definition') || !/^http:\/\//i.test(node.url)) return;
      const whole = markdownRange(body, node);
      // The address as written in the file; the whole link when it is escaped or split.
      const at = guide.file.text.slice(whole.start, whole.end).lastIndexOf(node.url);
      found.push({
        url: node.url,
        range: at === -1 ? whole : { start: whole.start + at, end: whole.start + at + node.url.length },
      });
    });
  }
  return found.sort((a, b) => a.range.start - b.range.start);
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

interface Options {
  allowHosts: string[];
}

export default policyRule<Options>(
  {
    id: 'policy/url-not-https',
    severity: 'error',
    title: '网址要用 https',
    description:
      'http:// 开头的网址不加密，群众填的身份证号、手机号可能被截取，浏览器也会提示“不安全”，群众就不敢办了。政务网站都应支持 https。只在内网使用的地址可以用选项 allowHosts 放行。',
    howToFix: '把 http:// 改成 https://，并在浏览器里打开确认能访问；网站还不支持 https 的，请联系网站管理部门。',
    messages: {
      http: '网址 {{url}} 没有加密：请改用 https://',
    },
    fixable: 'suggestion',
    options: {
      type: 'object',
      properties: { allowHosts: { type: 'array', items: { type: 'string' }, default: [] } },
      additionalProperties: false,
    },
  },
  {
    valid: [
      { title: 'https 网址', code: EXAMPLE_GUIDE },
      {
        title: '只在政务内网用的地址（allowHosts）',
        code: exampleWithParagraph('在窗口电脑上打开 http://10.1.2.3/queue 查看排队情况。'),
        options: { allowHosts: ['10.1.2.3'] },
      },
    ],
    invalid: [
      {
        title: '办理网址是 http',
        code: exampleWith('url: "https://example.gov.cn/id-card"', 'url: "http://example.gov.cn/id-card"'),
        errors: [
          {
            messageId: 'http',
            data: { url: 'http://example.gov.cn/id-card' },
            line: 23,
            column: 30,
            endLine: 23,
            endColumn: 59,
          },
        ],
      },
      {
        title: '正文链接是 http',
        code: exampleWithParagraph('可以先[下载申请表](http://example.gov.cn/form.pdf)填好。'),
        errors: [
          {
            messageId: 'http',
            data: { url: 'http://example.gov.cn/form.pdf' },
            line: 36,
            column: 12,
            endLine: 36,
            endColumn: 42,
          },
        ],
      },
    ],
  },
  ({ guide, options, report }) => {
    const allowed = new Set(options.allowHosts);
    for (const { url, range } of plainHttpUrls(guide)) {
      if (allowed.has(hostOf(url))) continue;
      const https = `https://${url.slice('http://'.length)}`;
      const fix = fixWhereVerbatim(guide.file.text, range, url, https);
      report({
        messageId: 'http',
        data: { url },
        range,
        ...(fix && { suggestions: [{ desc: `改为 ${https}`, fix }] }),
      });
    }
  },
);
