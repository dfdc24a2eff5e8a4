import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { guidesDir, scratch } from './helpers.js';

/** Edits a guide of a catalog copy: `from` must be in it. */
export function editGuide(guides: string, path: string, from: string | RegExp, to: string): void {
  const file = join(guides, path);
  const text = readFileSync(file, 'utf8');
  const edited = text.replace(from, to);
  if (edited === text) throw new Error(`${path}: ${String(from)} not found`);
  writeFileSync(file, edited);
}

/**
 * A copy of the example guides (in `<dir>/guides`) with one problem of each kind the national
 * evaluation looks at: a promised time limit over the statutory one, too many visits, a guide not
 * reviewed for years that asks for a cancelled certificate, and a guide without its summary.
 */
export function catalogWithProblems(dir = scratch()): string {
  const guides = join(dir, 'guides');
  cpSync(guidesDir, guides, { recursive: true });
  editGuide(guides, '出入境/passport-application.md', 'promised: { days: 7,', 'promised: { days: 20,');
  editGuide(guides, '教育/primary-school-enrollment.md', /^visits: 0$/m, 'visits: 3');
  editGuide(guides, '医保/offsite-medical-filing.md', 'reviewed: 2026-07-20', 'reviewed: 2023-01-01');
  editGuide(guides, '医保/offsite-medical-filing.md', '  - name: 转诊单', '  - name: 居住证明');
  editGuide(guides, '民政/minimum-living-allowance.md', /^summary: .*\n/m, '');
  return guides;
}
