/**
 * 「在 baihua.config.yaml 里把“X”列为不用解释的术语」: the term added to the `ignore` option of
 * plain/jargon in a configuration file. The file is edited where the entry is, the rest kept as
 * written (comments, order, quoting, line endings); the yaml library finds the nodes and writes
 * the new values.
 */
import { isDeepStrictEqual } from 'node:util';
import { isMap, isNode, isScalar, isSeq, parseDocument, stringify, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Severity } from '@baihua/core';
import type { Fix } from '@baihua/lint';

export const JARGON_RULE = 'plain/jargon';

/** The rule's setting as the file's parents leave it: what a new entry must keep. */
export interface InheritedSetting {
  severity: Severity;
  options: Record<string, unknown> | undefined;
}

type Setting = Severity | [Severity] | [Severity, Record<string, unknown>];

const flow = (value: unknown) =>
  stringify(value, { collectionStyle: 'flow', flowCollectionPadding: false, lineWidth: 0 }).trimEnd();

/** The setting with `term` ignored: added to the options written, or to those inherited. */
function withTermIgnored(setting: Setting | undefined, term: string, inherited: InheritedSetting): Setting {
  if (Array.isArray(setting) && setting[1]) {
    const ignore = (setting[1].ignore as string[] | undefined) ?? [];
    return [setting[0], { ...setting[1], ignore: [...ignore, term] }];
  }
  const severity = (Array.isArray(setting) ? setting[0] : setting) ?? inherited.severity;
  const ignore = (inherited.options?.ignore as string[] | undefined) ?? [];
  return [severity, { ...inherited.options, ignore: [...ignore, term] }];
}

interface Located {
  text: string;
  eol: string;
}

function lineStartOf(text: string, offset: number): number {
  return Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
}

/** The offset after the line break of the line holding `offset` (the end of the text on the last line). */
function afterLine(text: string, offset: number): { at: number; needsBreak: boolean } {
  const rest = /\r\n|\n|\r/.exec(text.slice(offset));
  return rest ? { at: offset + rest.index + rest[0].length, needsBreak: false } : { at: text.length, needsBreak: true };
}

/** A line added after a block collection's last line, indented as its first item. */
function appendLine(file: Located, collection: YAMLMap | YAMLSeq, first: Node, line: string): Fix | undefined {
  const firstStart = first.range![0];
  const before = file.text.slice(lineStartOf(file.text, firstStart), firstStart);
  // A map that is an item of a list starts after the dash (`- terms:`); its next keys align with it.
  const written = isSeq(collection) ? /^([ \t]*)-[ \t]+$/.exec(before) : /^[ \t]*(?:-[ \t]+)*$/.exec(before);
  if (!written) return undefined;
  const indent = isSeq(collection) ? written[1]! : before.replaceAll('-', ' ');
  const { at, needsBreak } = afterLine(file.text, Math.max(collection.range![1] - 1, firstStart));
  const text = `${needsBreak ? file.eol : ''}${indent}${isSeq(collection) ? '- ' : ''}${line}${file.eol}`;
  return { range: [at, at], text };
}

/** An item added before the closing bracket of a flow collection. */
function appendFlowItem(file: Located, collection: YAMLMap | YAMLSeq, item: string): Fix | undefined {
  const close = collection.range![1] - 1;
  if (file.text[close] !== (isSeq(collection) ? ']' : '}')) return undefined;
  const inside = file.text.slice(collection.range![0] + 1, close);
  const at = collection.range![0] + 1 + inside.trimEnd().length;
  const separator = collection.items.length === 0 ? '' : inside.trimEnd().endsWith(',') ? ' ' : ', ';
  return { range: [at, at], text: `${separator}${item}` };
}

function appendItem(file: Located, collection: YAMLMap | YAMLSeq, item: string): Fix | undefined {
  if (collection.flow) return appendFlowItem(file, collection, item);
  const first: unknown = collection.items[0];
  const firstNode = isSeq(collection) ? first : (first as { key?: unknown } | undefined)?.key;
  return isNode(firstNode) && firstNode.range ? appendLine(file, collection, firstNode, item) : undefined;
}

/** The edit, before it is checked: undefined where the file is written in a way this does not handle. */
function ignoreEdit(file: Located, term: string, inherited: InheritedSetting): Fix | undefined {
  const document = parseDocument(file.text);
  if (document.errors.length > 0) return undefined;
  const root = document.contents;
  const entry = withTermIgnored(undefined, term, inherited);
  if (root === null || (isScalar(root) && root.value === null)) {
    const needsBreak = file.text.length > 0 && !/[\r\n]$/.test(file.text);
    const lines = `rules:${file.eol}  ${JARGON_RULE}: ${flow(entry)}${file.eol}`;
    return { range: [file.text.length, file.text.length], text: `${needsBreak ? file.eol : ''}${lines}` };
  }
  if (!isMap(root)) return undefined;
  const rulesPair = root.items.find((pair) => isScalar(pair.key) && pair.key.value === 'rules');
  if (!rulesPair) return appendItem(file, root, `rules:${file.eol}  ${JARGON_RULE}: ${flow(entry)}`);
  const rules = rulesPair.value;
  if (!isMap(rules)) return undefined;
  const pair = rules.items.find((candidate) => isScalar(candidate.key) && candidate.key.value === JARGON_RULE);
  if (!pair) return appendItem(file, rules, `${JARGON_RULE}: ${flow(entry)}`);
  const setting = pair.value;
  if (isScalar(setting) && setting.range) {
    const replaced = withTermIgnored(setting.value as Severity, term, inherited);
    return { range: [setting.range[0], setting.range[1]], text: flow(replaced) };
  }
  if (!isSeq(setting)) return undefined;
  const options = setting.items[1];
  if (options === undefined) {
    const [, inheritedOptions] = withTermIgnored([(setting.toJSON() as [Severity])[0]], term, inherited);
    return appendItem(file, setting, flow(inheritedOptions));
  }
  if (!isMap(options)) return undefined;
  const ignore = options.get('ignore', true);
  if (ignore === undefined) return appendItem(file, options, `ignore: ${flow([term])}`);
  return isSeq(ignore) ? appendItem(file, ignore, flow(term)) : undefined;
}

/**
 * The edit of a configuration file's text that stops plain/jargon reporting `term` for the
 * guides it configures, or undefined when the file cannot be edited safely (it does not parse, or
 * the edit would read back as anything but the same settings with the term ignored).
 */
export function ignoreTermEdit(text: string, term: string, inherited: InheritedSetting): Fix | undefined {
  const file = { text, eol: /\r\n|\n|\r/.exec(text)?.[0] ?? '\n' };
  const edit = ignoreEdit(file, term, inherited);
  if (!edit) return undefined;
  const before = parseDocument(text).toJS() as { rules?: Record<string, Setting> } | null;
  const expected = { ...before, rules: { ...before?.rules } };
  expected.rules[JARGON_RULE] = withTermIgnored(before?.rules?.[JARGON_RULE], term, inherited);
  const edited = text.slice(0, edit.range[0]) + edit.text + text.slice(edit.range[1]);
  const after = parseDocument(edited);
  return after.errors.length === 0 && isDeepStrictEqual(after.toJS(), expected) ? edit : undefined;
}
