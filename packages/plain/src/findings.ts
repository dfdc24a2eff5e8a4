/** A finding in one text: offsets into that text, end exclusive. */
export interface Finding {
  rule: PlainRuleId;
  start: number;
  end: number;
  /** the message, by id in the rule's messages (`PLAIN_RULES`), and its data */
  messageId: string;
  data: Record<string, string | number>;
  /** plainer wordings, best first */
  suggestions: string[];
  /** when set, replacing [start, end) by `fix` is safe to apply without a person looking */
  fix?: string;
}

export const PLAIN_RULE_IDS = [
  'plain/classical-word',
  'plain/officialese',
  'plain/nominalization',
  'plain/passive',
  'plain/vague-reference',
  'plain/vague-time',
  'plain/catch-all-material',
  'plain/third-person',
  'plain/unnamed-place',
  'plain/double-negative',
  'plain/long-sentence',
  'plain/jargon',
  'plain/typography',
] as const;

export type PlainRuleId = (typeof PLAIN_RULE_IDS)[number];

/** Rules about wording, whose findings count as bureaucratic writing in the readability score. */
export const STYLE_RULE_IDS: readonly PlainRuleId[] = PLAIN_RULE_IDS.filter(
  (rule) => rule !== 'plain/long-sentence' && rule !== 'plain/typography',
);

/**
 * One finding per place: of overlapping findings of a rule, keep the one with a safe fix, then the
 * longer one (进行审核 with its fix beats 对材料进行; 优化营商环境 beats 进一步优化).
 */
export function withoutOverlaps(findings: Finding[]): Finding[] {
  const preferred = [...findings].sort(
    (a, b) =>
      Number(b.fix !== undefined) - Number(a.fix !== undefined) ||
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start,
  );
  const kept: Finding[] = [];
  for (const finding of preferred) {
    if (kept.some((other) => finding.start < other.end && other.start < finding.end)) continue;
    kept.push(finding);
  }
  return kept.sort((a, b) => a.start - b.start);
}
