import { describe, expect, it } from 'vitest';
import { previewDocument } from '../src/preview-html.js';

const NONCE = 'bm9uY2Utb2YtdGhlLXRlc3Q=';
const preview = {
  title: '换领<居民>身份证',
  pages: {
    web: '<!DOCTYPE html><h1 class="web">换领 & "身份证"</h1><script>parent.document.body.dataset.ran = 1</script>',
    mobile: "<!DOCTYPE html><h1 class='mobile'>手机</h1>",
    print: '<!DOCTYPE html><h1>打印 &amp; 告知单</h1>',
  },
};

describe('previewDocument', () => {
  const html = previewDocument({ preview }, NONCE);

  it('sets a Content-Security-Policy: only its own script, inline styles, data: images, nothing fetched', () => {
    expect(html).toContain(
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; " +
        `img-src data:; script-src 'nonce-${NONCE}'; form-action 'none'; base-uri 'none'">`,
    );
    expect(html.match(/<script\b[^>]*>/g)).toEqual([`<script nonce="${NONCE}">`]);
  });

  it('has a tab and a sandboxed frame for each channel, the web first', () => {
    expect(html.match(/<button [^>]*>[^<]*<\/button>/g)).toEqual([
      '<button type="button" role="tab" id="tab-web" data-channel="web" aria-controls="panel-web" aria-selected="true">网页</button>',
      '<button type="button" role="tab" id="tab-mobile" data-channel="mobile" aria-controls="panel-mobile" aria-selected="false">手机</button>',
      '<button type="button" role="tab" id="tab-print" data-channel="print" aria-controls="panel-print" aria-selected="false">打印</button>',
    ]);
    expect(html.match(/<section [^>]*>/g)).toEqual([
      '<section role="tabpanel" id="panel-web" aria-labelledby="tab-web">',
      '<section role="tabpanel" id="panel-mobile" aria-labelledby="tab-mobile" hidden>',
      '<section role="tabpanel" id="panel-print" aria-labelledby="tab-print" hidden>',
    ]);
    const frames = html.match(/<iframe [^>]*>/g)!;
    expect(
      frames.map((frame) => / class="(\w+)" title="(\S+)" sandbox="allow-same-origin" /.exec(frame)?.slice(1)),
    ).toEqual([
      ['web', '网页'],
      ['mobile', '手机'],
      ['print', '打印'],
    ]);
  });

  it("escapes each guide page into its frame's srcdoc, so nothing of it is markup of the panel", () => {
    const srcdoc = (channel: string) =>
      new RegExp(`<iframe class="${channel}"[^>]* srcdoc="([^"]*)"></iframe>`).exec(html)?.[1];
    expect(srcdoc('web')).toBe(
      '&#60;!DOCTYPE html&#62;&#60;h1 class=&#34;web&#34;&#62;换领 &#38; &#34;身份证&#34;&#60;/h1&#62;' +
        '&#60;script&#62;parent.document.body.dataset.ran = 1&#60;/script&#62;',
    );
    expect(srcdoc('mobile')).toBe('&#60;!DOCTYPE html&#62;&#60;h1 class=&#39;mobile&#39;&#62;手机&#60;/h1&#62;');
    expect(srcdoc('print')).toBe('&#60;!DOCTYPE html&#62;&#60;h1&#62;打印 &#38;amp; 告知单&#60;/h1&#62;');
    expect(html).toContain('<title>预览：换领&#60;居民&#62;身份证</title>');
  });

  it('shows only the message when there is no preview', () => {
    const failed = previewDocument({ message: '找不到白话的语言服务（baihua 命令）。<请安装>' }, NONCE);
    expect(failed).toContain('<body class="failed">');
    expect(failed).toContain(
      '<p class="message" role="status">找不到白话的语言服务（baihua 命令）。&#60;请安装&#62;</p>',
    );
    expect(failed.match(/srcdoc="[^"]*"/g)).toEqual(['srcdoc=""', 'srcdoc=""', 'srcdoc=""']);
    expect(html).toContain('<p class="message" role="status" hidden></p>');
  });
});
