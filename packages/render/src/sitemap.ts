import { isoDate } from './bundle-fields.js';
import { escapeHtml } from './html.js';

/** The sitemap protocol's limit of URLs in one file (sitemaps.org). */
export const SITEMAP_URL_LIMIT = 50_000;

/** A page of the web target for search engines. */
export interface SitemapPage {
  id: string;
  /** the guide's review date */
  reviewed: string | null;
  /** the page under web/, when not a guide's (`journeys/<id>.html`) */
  path?: string;
}

const HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';

function urlset(entries: Array<{ loc: string; lastmod?: string }>): string {
  const urls = entries.map(
    ({ loc, lastmod }) =>
      `  <url><loc>${escapeHtml(loc)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>\n`,
  );
  return `${HEADER}<urlset xmlns="${NAMESPACE}">\n${urls.join('')}</urlset>\n`;
}

/**
 * The web target's sitemap: the index page and every guide's and journey's page, sorted by
 * address, each dated by its review. The protocol wants absolute URLs, so there is none without the
 * site's address. Above 50,000 pages, `web/sitemap.xml` is a sitemap index of
 * `web/sitemaps/<n>.xml` files of 50,000 pages each.
 */
export function sitemapFiles(pages: readonly SitemapPage[], siteUrl: string): Map<string, string> {
  const web = `${siteUrl.replace(/\/$/, '')}/web/`;
  const entries = [
    { loc: `${web}index.html` },
    ...pages.map((page) => {
      const lastmod = isoDate(page.reviewed);
      return { loc: `${web}${page.path ?? `guides/${page.id}.html`}`, ...(lastmod && { lastmod }) };
    }),
  ].sort((a, b) => (a.loc < b.loc ? -1 : a.loc > b.loc ? 1 : 0));
  if (entries.length <= SITEMAP_URL_LIMIT) return new Map([['web/sitemap.xml', urlset(entries)]]);
  const files = new Map<string, string>();
  const parts: string[] = [];
  for (let start = 0; start < entries.length; start += SITEMAP_URL_LIMIT) {
    const path = `sitemaps/${parts.length + 1}.xml`;
    files.set(`web/${path}`, urlset(entries.slice(start, start + SITEMAP_URL_LIMIT)));
    parts.push(`  <sitemap><loc>${escapeHtml(`${web}${path}`)}</loc></sitemap>\n`);
  }
  files.set('web/sitemap.xml', `${HEADER}<sitemapindex xmlns="${NAMESPACE}">\n${parts.join('')}</sitemapindex>\n`);
  return files;
}
