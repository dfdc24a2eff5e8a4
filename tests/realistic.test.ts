/**
 * The realistic-defect corpus (tests/fixtures/realistic, format in its README.md): guides written the
 * way county and city 办事指南 pages are, each beside the findings a careful reviewer expects. One lint
 * run over the folder; at least 95% of the expected findings must be reported, and nothing else.
 */
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { lintJson, readText, YAML, type JsonMessage } from './cli-test-utils.js';
import { fixturesDir, scratch } from './helpers.js';

const corpusDir = join(fixturesDir, 'realistic');
const minRecall = 0.95;

/** One expected finding; `line` and `text` are lists when the finding may be reported on either field. */
interface Expectation {
  rule: string;
  line: number | number[];
  text: string | string[];
  note?: string;
}

/** A guide of the corpus: its lines, what lint reported and what its sidecar expects. */
interface CorpusGuide {
  name: string;
  lines: string[];
  findings: JsonMessage[];
  expected: Expectation[];
}

interface Missing {
  guide: string;
  expectation: Expectation;
}

interface Unexpected {
  guide: string;
  finding: JsonMessage;
}

interface Outcome {
  expected: number;
  matched: number;
  missing: Missing[];
  unexpected: Unexpected[];
  /** expectations whose text is not on the line they name: the sidecar is wrong, not the linter */
  invalid: string[];
}

/** Where `line` and `text` pair up (readExpectations checks the lists are as long): a finding matches one of these. */
function alternatives(expectation: Expectation): { line: number; text: string }[] {
  const lines = Array.isArray(expectation.line) ? expectation.line : [expectation.line];
  const texts = Array.isArray(expectation.text) ? expectation.text : [expectation.text];
  return lines.map((line, index) => ({ line, text: texts[index]! }));
}

/** Does the finding's range, on `line`, cover or overlap an occurrence of `text` in that line? */
function overlaps(finding: JsonMessage, lineText: string, text: string): boolean {
  const start = finding.column;
  const end = finding.endLine === finding.line ? Math.max(finding.endColumn, start + 1) : Number.POSITIVE_INFINITY;
  for (let index = lineText.indexOf(text); index !== -1; index = lineText.indexOf(text, index + 1)) {
    if (index + 1 < end && index + 1 + text.length > start) return true;
  }
  return false;
}

/** Pairs each expectation with an unused finding of its rule on its line that overlaps its text. */
function matchCorpus(guides: CorpusGuide[]): Outcome {
  const outcome: Outcome = { expected: 0, matched: 0, missing: [], unexpected: [], invalid: [] };
  for (const guide of guides) {
    const used = new Set<JsonMessage>();
    for (const expectation of guide.expected) {
      outcome.expected += 1;
      const options = alternatives(expectation);
      for (const { line, text } of options) {
        if (!guide.lines[line - 1]?.includes(text)) outcome.invalid.push(`${guide.name}:${line} 没有「${text}」`);
      }
      const onLine = (candidate: JsonMessage, line: number, text: string) =>
        candidate.line === line && overlaps(candidate, guide.lines[line - 1] ?? '', text);
      const isMatch = (candidate: JsonMessage) =>
        candidate.ruleId === expectation.rule && options.some(({ line, text }) => onLine(candidate, line, text));
      const finding = guide.findings.find((candidate) => !used.has(candidate) && isMatch(candidate));
      if (finding) {
        used.add(finding);
        outcome.matched += 1;
      } else {
        outcome.missing.push({ guide: guide.name, expectation });
      }
    }
    for (const finding of guide.findings) {
      if (!used.has(finding)) outcome.unexpected.push({ guide: guide.name, finding });
    }
  }
  return outcome;
}

/** Per rule: expected, found among them, unexpected, recall and precision. */
function perRule(guides: CorpusGuide[], outcome: Outcome): string[] {
  const rules = new Map<string, { expected: number; missing: number; unexpected: number }>();
  const entry = (rule: string) => {
    if (!rules.has(rule)) rules.set(rule, { expected: 0, missing: 0, unexpected: 0 });
    return rules.get(rule)!;
  };
  for (const guide of guides) for (const expectation of guide.expected) entry(expectation.rule).expected += 1;
  for (const { expectation } of outcome.missing) entry(expectation.rule).missing += 1;
  for (const { finding } of outcome.unexpected) entry(finding.ruleId).unexpected += 1;
  const pad = (count: number) => String(count).padStart(3);
  const ratio = (part: number, whole: number) => (whole === 0 ? '—' : (part / whole).toFixed(2));
  return [...rules.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([rule, { expected, missing, unexpected }]) => {
      const found = expected - missing;
      const counts = `预期 ${pad(expected)}  找到 ${pad(found)}  多报 ${pad(unexpected)}`;
      const rates = `召回 ${ratio(found, expected)}  精确 ${ratio(found, found + unexpected)}`;
      return `${rule.padEnd(34)} ${counts}  ${rates}`;
    });
}

const describeMissing = ({ guide, expectation }: Missing) => {
  const words = [expectation.text].flat().join('」或「');
  return `${guide}:${[expectation.line].flat().join('|')} ${expectation.rule} 「${words}」`;
};
const describeUnexpected = ({ guide, finding }: Unexpected) =>
  `${guide}:${finding.line}:${finding.column} ${finding.ruleId} ${finding.message}`;

/** A sidecar's expectations, refused with the file's name when an entry is not `{ rule, line, text, note? }`. */
function readExpectations(path: string): Expectation[] {
  const entries: unknown = YAML.parse(readText(path));
  const isLine = (line: unknown) => Number.isInteger(line) && (line as number) > 0;
  const valid = (entry: Expectation) =>
    Object.keys(entry).every((key) => ['rule', 'line', 'text', 'note'].includes(key)) &&
    /^[a-z]+\/[a-z-]+$/.test(entry.rule) &&
    (Array.isArray(entry.line)
      ? entry.line.every(isLine) && Array.isArray(entry.text) && entry.text.length === entry.line.length
      : isLine(entry.line) && typeof entry.text === 'string') &&
    [entry.text].flat().length > 0 &&
    [entry.text].flat().every((text) => typeof text === 'string' && text.length > 0);
  if (!Array.isArray(entries) || entries.length === 0 || !entries.every(valid)) {
    throw new Error(`${path}: not a list of { rule, line, text, note? }`);
  }
  return entries as Expectation[];
}

function readCorpus(): { names: string[]; sidecars: string[] } {
  const files = readdirSync(corpusDir);
  return {
    names: files.filter((file) => file.endsWith('.md') && file !== 'README.md').map((file) => basename(file, '.md')),
    sidecars: files.filter((file) => file.endsWith('.expect.yaml')).map((file) => basename(file, '.expect.yaml')),
  };
}

describe('the realistic-defect corpus', () => {
  const { names, sidecars } = readCorpus();
  let guides: CorpusGuide[];
  let linted: string[];

  beforeAll(() => {
    const { run, results } = lintJson([corpusDir]);
    expect(run.stderr).toBe('');
    expect([0, 1]).toContain(run.code);
    linted = results.map((result) => result.filePath);
    guides = names.map((name) => {
      const path = join(corpusDir, `${name}.md`);
      return {
        name,
        lines: readText(path).split('\n'),
        findings: results.find((result) => result.filePath === path)?.messages ?? [],
        expected: readExpectations(join(corpusDir, `${name}.expect.yaml`)),
      };
    });
  });

  it('has at least 12 guides, each with its expected findings beside it', () => {
    expect(names.length).toBeGreaterThanOrEqual(12);
    expect(sidecars.sort()).toEqual(names.sort());
    expect(linted.sort()).toEqual(names.map((name) => join(corpusDir, `${name}.md`)).sort());
  });

  it(`reports at least ${minRecall * 100}% of the expected findings and nothing that is not expected`, () => {
    const outcome = matchCorpus(guides);
    const recall = outcome.matched / outcome.expected;
    console.log(
      [
        `真实缺陷语料：${guides.length} 份指南，预期 ${outcome.expected} 个问题，` +
          `找到 ${outcome.matched} 个（召回 ${recall.toFixed(3)}），多报 ${outcome.unexpected.length} 个`,
        ...perRule(guides, outcome),
        ...(outcome.missing.length ? ['漏报：', ...outcome.missing.map(describeMissing)] : []),
        ...(outcome.unexpected.length ? ['多报：', ...outcome.unexpected.map(describeUnexpected)] : []),
      ].join('\n'),
    );
    expect(outcome.invalid).toEqual([]);
    expect(recall, `漏报：\n${outcome.missing.map(describeMissing).join('\n')}`).toBeGreaterThanOrEqual(minRecall);
    expect(outcome.unexpected.map(describeUnexpected)).toEqual([]);
  });

  it('loses a finding of the corpus run when its expectation is moved to another line', () => {
    const sample = guides.find((candidate) => matchCorpus([candidate]).matched > 0)!;
    const before = matchCorpus([sample]);
    const index = sample.expected.findIndex((expectation) =>
      before.missing.every((missing) => missing.expectation !== expectation),
    );
    const wrong = { ...sample.expected[index]!, line: 1, text: '---' };
    const after = matchCorpus([{ ...sample, expected: sample.expected.with(index, wrong) }]);
    expect(after.matched).toBe(before.matched - 1);
    expect(after.missing.map(({ expectation }) => expectation)).toContainEqual(wrong);
    expect(after.unexpected).toHaveLength(before.unexpected.length + 1);
  });
});

describe('the matcher', () => {
  const finding = (ruleId: string, line: number, column: number, endColumn: number): JsonMessage => ({
    ruleId,
    severity: 1,
    message: '',
    line,
    column,
    endLine: line,
    endColumn,
    fingerprint: `${ruleId} ${line}:${column}`,
  });
  const guide = (findings: JsonMessage[], expected: Expectation[]): CorpusGuide => ({
    name: 'g',
    lines: ['---', 'visits: 2', 'visits_reason: 工作需要。', '请于工作日前来办理。'],
    findings,
    expected,
  });

  it('pairs a finding with the expectation of its rule, line and words', () => {
    const outcome = matchCorpus([
      guide([finding('plain/classical-word', 4, 5, 7)], [{ rule: 'plain/classical-word', line: 4, text: '前来' }]),
    ]);
    expect(outcome).toEqual({ expected: 1, matched: 1, missing: [], unexpected: [], invalid: [] });
  });

  it('reports an expectation with the wrong line, rule or words as missing and the finding as unexpected', () => {
    const reported = finding('plain/classical-word', 4, 5, 7);
    for (const wrong of [
      { rule: 'plain/classical-word', line: 3, text: '工作需要' },
      { rule: 'plain/officialese', line: 4, text: '前来' },
      { rule: 'plain/classical-word', line: 4, text: '于' },
    ]) {
      expect(matchCorpus([guide([reported], [wrong])])).toEqual({
        expected: 1,
        matched: 0,
        missing: [{ guide: 'g', expectation: wrong }],
        unexpected: [{ guide: 'g', finding: reported }],
        invalid: [],
      });
    }
  });

  it('uses each finding for one expectation only', () => {
    const expectation = { rule: 'plain/classical-word', line: 4, text: '前来' };
    const outcome = matchCorpus([guide([finding('plain/classical-word', 4, 5, 7)], [expectation, expectation])]);
    expect(outcome.missing).toEqual([{ guide: 'g', expectation }]);
  });

  it('accepts a finding on any of the lines an expectation lists', () => {
    const expectation = { rule: 'policy/visits-reason', line: [3, 2], text: ['工作需要', 'visits: 2'] };
    for (const reported of [finding('policy/visits-reason', 3, 16, 21), finding('policy/visits-reason', 2, 9, 10)]) {
      expect(matchCorpus([guide([reported], [expectation])]).matched).toBe(1);
    }
  });

  it('flags an expectation whose words are not on its line', () => {
    const outcome = matchCorpus([guide([], [{ rule: 'plain/vague-time', line: 4, text: '及时' }])]);
    expect(outcome.invalid).toEqual(['g:4 没有「及时」']);
  });

  it('refuses a sidecar that is not a list of expectations', () => {
    const dir = scratch();
    onTestFinished(() => rmSync(dir, { recursive: true }));
    const path = join(dir, 'g.expect.yaml');
    for (const text of [
      '',
      '- rule: plain/vague-time\n  line: 0\n  text: 及时\n',
      '- rule: plain/vague-time\n  line: [3, 4]\n  text: 及时\n',
      '- rule: plain/vague-time\n  line: 4\n  text: 及时\n  lines: 5\n',
    ]) {
      writeFileSync(path, text);
      expect(() => readExpectations(path)).toThrow(`${path}: not a list of { rule, line, text, note? }`);
    }
    writeFileSync(path, '- rule: plain/vague-time\n  line: 4\n  text: 及时\n');
    expect(readExpectations(path)).toEqual([{ rule: 'plain/vague-time', line: 4, text: '及时' }]);
  });
});
