/** A finding in one text: offsets into that text, end exclusive. */
export interface Finding {
  rule: PlainRuleId;
  start: number;
  end: number;
  message: string;
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
  'plain/double-negative',
  'plain/long-sentence',
  'plain/jargon',
  'plain/typography',
] as const;

export type PlainRuleId = (typeof PLAIN_RULE_IDS)[number];

/** Drops findings that overlap an earlier, longer one of the same rule. */
export function withoutOverlaps(findings: Finding[]): Finding[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: Finding[] = [];
  for (const finding of sorted) {
    const previous = kept.at(-1);
    if (previous && finding.start < previous.end) continue;
    kept.push(finding);
  }
  return kept;
}
