import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { AnalyzedDocument, checkRule, inProcessSegmenter, PLAIN_RULE_IDS, type PlainRuleId } from '@baihua/plain';

interface Labelled {
  text: string;
  rules: PlainRuleId[];
}

function load(name: string): Labelled[] {
  return parse(readFileSync(new URL(`../../../tests/fixtures/plain/${name}`, import.meta.url), 'utf8')) as Labelled[];
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Precision and recall per rule over (sentence, rule) decisions, and over all rules together. */
function evaluate(set: Labelled[]) {
  const perRule = new Map<PlainRuleId, Counts>(PLAIN_RULE_IDS.map((rule) => [rule, { tp: 0, fp: 0, fn: 0 }]));
  const mistakes: string[] = [];
  for (const { text, rules } of set) {
    const doc = new AnalyzedDocument([text], inProcessSegmenter);
    for (const rule of PLAIN_RULE_IDS) {
      const fired = checkRule(doc, rule)[0]!.length > 0;
      const wanted = rules.includes(rule);
      const counts = perRule.get(rule)!;
      if (fired && wanted) counts.tp++;
      else if (fired) {
        counts.fp++;
        mistakes.push(`false positive ${rule}: ${text}`);
      } else if (wanted) {
        counts.fn++;
        mistakes.push(`missed ${rule}: ${text}`);
      }
    }
  }
  const total = [...perRule.values()].reduce(
    (sum, counts) => ({ tp: sum.tp + counts.tp, fp: sum.fp + counts.fp, fn: sum.fn + counts.fn }),
    { tp: 0, fp: 0, fn: 0 },
  );
  const precision = (counts: Counts) => (counts.tp + counts.fp ? counts.tp / (counts.tp + counts.fp) : 1);
  const recall = (counts: Counts) => (counts.tp + counts.fn ? counts.tp / (counts.tp + counts.fn) : 1);
  const table = [...perRule].map(
    ([rule, counts]) =>
      `${rule.padEnd(26)} P ${precision(counts).toFixed(2)}  R ${recall(counts).toFixed(2)}  (tp ${counts.tp}, fp ${counts.fp}, fn ${counts.fn})`,
  );
  return { precision: precision(total), recall: recall(total), table, mistakes };
}

describe.each([
  ['development set (rules were tuned on it)', 'labelled.yaml'],
  ['held-out set (written without running the rules)', 'held-out.yaml'],
])('%s', (_name, file) => {
  const set = load(file);

  it('is large and balanced enough to mean something', () => {
    expect(set.length).toBeGreaterThanOrEqual(150);
    const plain = set.filter((entry) => entry.rules.length === 0).length;
    expect(plain / set.length).toBeGreaterThan(0.3);
    expect(plain / set.length).toBeLessThan(0.7);
  });

  it('reaches precision 0.99 and recall 0.98 over all rules', () => {
    const result = evaluate(set);
    console.log(
      `${file}: ${set.length} sentences\n${result.table.join('\n')}\nall rules: P ${result.precision.toFixed(3)}  R ${result.recall.toFixed(3)}\n${result.mistakes.join('\n')}`,
    );
    expect(result.precision).toBeGreaterThanOrEqual(0.99);
    expect(result.recall).toBeGreaterThanOrEqual(0.98);
  });
});

it('together the sets hold at least 250 sentences, half of them plain traps or plain text', () => {
  const all = [...load('labelled.yaml'), ...load('held-out.yaml')];
  expect(all.length).toBeGreaterThanOrEqual(250);
  for (const trap of ['联系', '系统', '必须', '非营业时间', '未婚', '适用于', '平等', '请稍等', '经办人员', '本市场']) {
    expect(
      all.some((entry) => entry.rules.length === 0 && entry.text.includes(trap)),
      trap,
    ).toBe(true);
  }
});
