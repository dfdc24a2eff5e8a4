import { decodeGuide, parseGuide, SourceFile } from '@baihua/core';
import { lintBytes, recommendedConfig } from '@baihua/lint';
import { renderSite, TARGETS } from '@baihua/render';
import { describe, expect } from 'vitest';
import { guideBytes, renderableInput } from './guides.js';
import { propertyTest } from './runner.js';

const config = recommendedConfig();
let rendered = 0;

describe('rendering', () => {
  propertyTest(
    'renders every guide that lints without errors (after --fix) to a whole page per target, and its bundle file',
    renderableInput,
    guideBytes,
    (input) => {
      const bytes = guideBytes(input);
      const result = lintBytes(input.name, bytes, { config, fix: true });
      if (result.errorCount > 0) return; // the build renders nothing then
      rendered++;
      const text = result.output ?? decodeGuide(input.name, bytes).file.text;
      const guide = parseGuide(new SourceFile(input.name, text));
      const { id } = guide.data as { id: string };
      const { files, handouts } = renderSite([guide], {
        targets: TARGETS,
        siteUrl: 'https://guides.example.gov.cn',
        bundle: { toolVersion: '0.0.0-test' },
      });
      for (const page of [`web/guides/${id}.html`, `mobile/${id}.html`, `print/${id}.html`, 'web/index.html']) {
        expect(files.get(page)?.startsWith('<!DOCTYPE html>'), page).toBe(true);
        expect(files.get(page)!.trimEnd().endsWith('</html>'), page).toBe(true);
      }
      expect(JSON.parse(files.get(`bundle/guides/${id}.json`)!)).toMatchObject({ id });
      expect(handouts.map((handout) => handout.id)).toEqual([id]);
    },
    { runs: 100, after: (runs) => expect(rendered, `guides rendered, of ${runs}`).toBeGreaterThan(runs / 10) },
  );
});
