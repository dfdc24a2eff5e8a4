import QRCode from 'qrcode';
import { escapeHtml } from './html.js';

/** A QR code as an SVG image (dark modules as one path), for the handout's link to the web page. */
export function qrSvg(text: string, label: string): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  const quiet = 2;
  let path = '';
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; column++) {
      if (modules.get(row, column)) path += `M${column + quiet} ${row + quiet}h1v1h-1z`;
    }
  }
  const extent = size + quiet * 2;
  const svg = `xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${extent} ${extent}" width="96" height="96"`;
  return (
    `<svg ${svg} role="img" aria-label="${escapeHtml(label)}">` +
    `<rect width="${extent}" height="${extent}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`
  );
}
