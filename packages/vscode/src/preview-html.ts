/** The server's answer to `baihua/preview` (packages/lsp/src/preview.ts): whole pages, styles inlined. */
export interface GuidePreview {
  title: string;
  pages: Record<Channel, string>;
}

export type Channel = 'web' | 'mobile' | 'print';

/** What the panel shows: the guide's pages, or a sentence saying why there are none. */
export type PreviewContent = { preview: GuidePreview } | { message: string };

export const CHANNELS: ReadonlyArray<{ channel: Channel; label: string }> = [
  { channel: 'web', label: '网页' },
  { channel: 'mobile', label: '手机' },
  { channel: 'print', label: '打印' },
];

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * The preview panel's page. Each channel is an iframe whose `srcdoc` holds the guide's page, with
 * `sandbox="allow-same-origin"` and no `allow-scripts`: nothing of the guide or of a portal's
 * templates runs, and the panel's own script (allowed by its nonce alone) can keep a frame's
 * scroll position when the page is replaced. The Content-Security-Policy is inherited by the
 * frames: styles inline, images only as data: URLs, no request leaves the panel.
 */
export function previewDocument(content: PreviewContent, nonce: string): string {
  const csp = [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    'img-src data:',
    `script-src 'nonce-${nonce}'`,
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
  const preview = 'preview' in content ? content.preview : undefined;
  const tabs = CHANNELS.map(
    ({ channel, label }, index) =>
      `<button type="button" role="tab" id="tab-${channel}" data-channel="${channel}" aria-controls="panel-${channel}"` +
      ` aria-selected="${index === 0}">${label}</button>`,
  ).join('');
  const panels = CHANNELS.map(
    ({ channel, label }, index) =>
      `<section role="tabpanel" id="panel-${channel}" aria-labelledby="tab-${channel}"${index === 0 ? '' : ' hidden'}>` +
      `<iframe class="${channel}" title="${label}" sandbox="allow-same-origin" referrerpolicy="no-referrer"` +
      ` srcdoc="${escapeHtml(preview?.pages[channel] ?? '')}"></iframe></section>`,
  ).join('\n');
  const message = 'message' in content ? content.message : '';
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(preview ? `预览：${preview.title}` : '白话：预览')}</title>
<style>
html, body { height: 100%; margin: 0; }
body { display: flex; flex-direction: column; font-family: var(--vscode-font-family); color: var(--vscode-foreground); }
[role=tablist] { display: flex; gap: 0.25rem; padding: 0.5rem; border-bottom: 1px solid var(--vscode-panel-border, #8884); }
[role=tab] { font: inherit; padding: 0.25rem 1rem; border: 1px solid transparent; border-radius: 4px; cursor: pointer;
  background: none; color: inherit; }
[role=tab][aria-selected=true] { background: var(--vscode-button-background); color: var(--vscode-button-foreground); }
[role=tab]:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
[role=tabpanel] { flex: 1; overflow: auto; padding: 1rem; }
[role=tabpanel][hidden], .message[hidden], body.failed [role=tabpanel] { display: none; }
iframe { display: block; border: 0; background: #fff; }
iframe.web { width: 100%; height: 100%; min-height: 480px; }
iframe.mobile { width: 360px; height: 740px; margin: 0 auto; border: 12px solid #222; border-radius: 28px; }
/* An A4 sheet: the white border stands for the handout's page margins (@page in print.css), so lines break as on paper. */
iframe.print { width: 178mm; height: 263mm; margin: 0 auto; border: solid #fff; border-width: 18mm 16mm 16mm;
  box-shadow: 0 2px 12px #0005; }
.message { padding: 1rem; }
</style>
</head>
<body${preview ? '' : ' class="failed"'}>
<nav role="tablist" aria-label="预览渠道">${tabs}</nav>
<p class="message" role="status"${message ? '' : ' hidden'}>${escapeHtml(message)}</p>
${panels}
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
const tabs = [...document.querySelectorAll('[role=tab]')];
function select(channel) {
  for (const tab of tabs) {
    const chosen = tab.dataset.channel === channel;
    tab.setAttribute('aria-selected', String(chosen));
    document.getElementById(tab.getAttribute('aria-controls')).hidden = !chosen;
  }
  vscode.setState({ channel });
}
for (const tab of tabs) tab.addEventListener('click', () => select(tab.dataset.channel));
select(vscode.getState()?.channel ?? 'web');
// A new page keeps the reader where they were: the frames share the panel's origin, so their scroll can be read.
function replace(frame, page) {
  if (frame.srcdoc === page) return;
  const top = frame.contentWindow?.scrollY ?? 0;
  frame.addEventListener('load', () => frame.contentWindow?.scrollTo(0, top), { once: true });
  frame.srcdoc = page;
}
window.addEventListener('message', (event) => {
  const content = event.data;
  const message = document.querySelector('.message');
  message.hidden = !content.message;
  message.textContent = content.message ?? '';
  document.body.classList.toggle('failed', Boolean(content.message));
  if (!content.preview) return;
  document.title = '预览：' + content.preview.title;
  for (const frame of document.querySelectorAll('iframe')) replace(frame, content.preview.pages[frame.className]);
});
</script>
</body>
</html>
`;
}
