/**
 * What the browser tests measure on a page, shared by the example site's test (browser.test.ts)
 * and the journeys' (journeys-browser.test.ts): axe-core violations, the heading outline, the
 * width at a viewport, and the large-text (适老化) numbers described in browser.test.ts.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

export type TextSize = 'standard' | 'large';

/** Every axe-core violation, of any impact, with the elements it was found on. */
export async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page } as ConstructorParameters<typeof AxeBuilder>[0]).analyze();
  return violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join('; ')}`,
  );
}

/** The page's headings in document order, folded ones included, as "h2 要带的材料". */
export function headings(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')).map((heading) => {
      const level = heading.getAttribute('aria-level') ?? heading.tagName.slice(1);
      return `h${level} ${heading.textContent!.trim()}`;
    }),
  );
}

/** Where an outline goes wrong: not one h1, not starting with it, or a level skipped on the way down. */
export function outlineProblems(outline: string[]): string[] {
  const levels = outline.map((heading) => Number(heading[1]));
  const problems = levels.filter((level) => level === 1).length === 1 ? [] : ['not exactly one h1'];
  if (levels[0] !== 1) problems.push(`starts with ${outline[0]}`);
  for (let index = 1; index < levels.length; index++) {
    if (levels[index]! > levels[index - 1]! + 1) problems.push(`${outline[index - 1]} → ${outline[index]}`);
  }
  return problems;
}

/** How wide the page is at a viewport width: wider than the viewport means scrolling sideways. */
export async function pageWidthAt(page: Page, width: number): Promise<number> {
  await page.setViewportSize({ width, height: 900 });
  return page.evaluate(() => document.documentElement.scrollWidth);
}

export interface LargeTextNumbers {
  /** text set smaller than 24 px or with a line height under 1.3, as "text: 20px / 1.2" */
  smallText: string[];
  /** targets smaller than 60×60 px, as "text: 120×45" */
  smallTargets: string[];
  /** body text under 4.5:1 against its background, as "text: 3.9:1" */
  lowContrast: string[];
}

/**
 * The 适老化 numbers as the browser lays the page out, every folded section opened first. Text is
 * each visible text node's element; targets are described in browser.test.ts's comment.
 */
export function largeTextNumbers(page: Page): Promise<LargeTextNumbers> {
  return page.evaluate(() => {
    for (const details of Array.from(document.querySelectorAll('details'))) details.open = true;
    const label = (element: Element) => (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 20);
    const visible = (element: Element) => element.getClientRects().length > 0;

    const textElements = new Set<Element>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement!;
      if (node.textContent!.trim() && !parent.closest('script, style, [aria-hidden="true"]') && visible(parent)) {
        textElements.add(parent);
      }
    }
    const smallText: string[] = [];
    for (const element of textElements) {
      const style = getComputedStyle(element);
      const size = Number.parseFloat(style.fontSize);
      // Rounded to 1/100: 1.3 × 36 px / 36 px is not quite 1.3 in floating point.
      const lineHeight =
        style.lineHeight === 'normal'
          ? Number.NaN
          : Math.round((Number.parseFloat(style.lineHeight) / size) * 100) / 100;
      if (size < 24 || !(lineHeight >= 1.3)) {
        smallText.push(
          `${label(element)}: ${size}px / ${style.lineHeight === 'normal' ? 'normal' : lineHeight.toFixed(2)}`,
        );
      }
    }

    const inSentence = (link: Element) =>
      Array.from(link.parentNode!.childNodes).some(
        (node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim(),
      );
    const targets = Array.from(
      document.querySelectorAll('a[href], button, input:not([type="hidden"]), select, textarea, summary'),
    ).filter((element) => visible(element) && !(element.matches('a:not([href^="tel:"])') && inSentence(element)));
    const smallTargets = targets.flatMap((element) => {
      const { width, height } = element.getBoundingClientRect();
      return width >= 60 && height >= 60 ? [] : [`${label(element)}: ${Math.round(width)}×${Math.round(height)}`];
    });

    const channels = (color: string) => color.match(/[\d.]+/g)!.map(Number);
    const luminance = (color: string) => {
      const [r, g, b] = channels(color).map((value) => {
        const c = value / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const background = (element: Element): string => {
      for (let at: Element | null = element; at; at = at.parentElement) {
        const color = getComputedStyle(at).backgroundColor;
        if (channels(color)[3] !== 0) return color;
      }
      return 'rgb(255, 255, 255)';
    };
    const lowContrast = Array.from(document.querySelectorAll('main p, main li'))
      .filter(visible)
      .flatMap((element) => {
        const [lighter, darker] = [luminance(getComputedStyle(element).color), luminance(background(element))].sort(
          (a, b) => b - a,
        );
        const ratio = (lighter! + 0.05) / (darker! + 0.05);
        return ratio >= 4.5 ? [] : [`${label(element)}: ${ratio.toFixed(1)}:1`];
      });
    return { smallText, smallTargets, lowContrast };
  });
}

/** A page to check, at the width it is made for. */
export interface CheckedPage {
  name: string;
  path: string;
  width: number;
}

/**
 * The checks every page of the site gets, in both text sizes: no axe-core violation and headings
 * in order; reflow at 320 and 360 px; the large-text numbers on screen pages. Guide pages and
 * journey pages pass the same ones.
 */
export function describeAccessibility(
  title: string,
  pages: CheckedPage[],
  open: (path: string, width: number, size?: TextSize) => Promise<Page>,
): void {
  const screenPages = pages.filter((page) => !page.path.startsWith('print/'));
  describe(title, () => {
    describe.each(['standard', 'large'] as TextSize[])('in the %s text size', (size) => {
      it.each(pages)(
        '$name has no axe-core violation of any impact and its headings in order',
        async ({ path, width }) => {
          const page = await open(path, width, size);
          expect(await axeViolations(page)).toEqual([]);
          expect(outlineProblems(await headings(page))).toEqual([]);
          await page.context().close();
        },
      );

      it.each(screenPages)('$name reflows at 320 px and 360 px, with no scrolling sideways', async ({ path }) => {
        const page = await open(path, 360, size);
        expect(await pageWidthAt(page, 360)).toBe(360);
        expect(await pageWidthAt(page, 320)).toBe(320);
        await page.context().close();
      });
    });

    it.each(screenPages)(
      '$name in large text: text ≥ 24 px, line height ≥ 1.3, contrast ≥ 4.5:1, targets ≥ 60×60 px',
      async ({ path, width }) => {
        const page = await open(path, width, 'large');
        expect(await largeTextNumbers(page)).toEqual({ smallText: [], smallTargets: [], lowContrast: [] });
        await page.context().close();
      },
    );
  });
}
