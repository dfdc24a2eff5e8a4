/**
 * Hover: on a finding, why its rule exists and how to say it plainly (the words of `baihua
 * explain`); on a field's key, the field's Chinese title, description and examples from the
 * guide schema (a journey's from the journey schema).
 */
import { guideSchema, isJourneyPath, journeySchema, pointerTokens, type ParsedGuide } from '@baihua/core';
import { EXPLANATION_LABELS, explainRule, type Diagnostic as Finding, type LiveLinted } from '@baihua/lint';
import { stringify } from 'yaml';
import { type Connection, type Hover, MarkupKind } from 'vscode-languageserver';
import { fixTitle } from './code-actions.js';
import { GuidePositions } from './positions.js';

/**
 * What the hover reads of the server: part of `ServerContext` (server.ts), written out here because
 * server.ts lists this feature, and the packages have no import cycle, not even of types.
 */
interface HoverContext {
  connection: Pick<Connection, 'onHover'>;
  linted(uri: string): Promise<LiveLinted | undefined>;
}

/** Markdown text shown as written: the characters Markdown would read as markup, escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~#]/g, '\\$&');
}

/** The alternatives a finding offers: its fix and its suggestions, as the quick fixes name them. */
function alternatives(text: string, finding: Finding): string[] {
  return [
    ...(finding.fix ? [fixTitle(text, finding.fix)] : []),
    ...(finding.suggestions ?? []).map((suggestion) => suggestion.desc),
  ];
}

/** A finding explained: rule, message, why, how to fix, the plain alternatives and the rule's page. */
export function findingHover(text: string, finding: Finding): string {
  const explanation = explainRule(finding.ruleId);
  const offered = alternatives(text, finding);
  const parts = [`**${finding.ruleId}**${explanation ? ` ${escapeMarkdown(explanation.title)}` : ''}`];
  parts.push(escapeMarkdown(finding.message));
  if (explanation) {
    parts.push(`**${EXPLANATION_LABELS.why}**${escapeMarkdown(explanation.why)}`);
    parts.push(`**${EXPLANATION_LABELS.howToFix}**${escapeMarkdown(explanation.howToFix)}`);
  }
  if (offered.length) parts.push(`**可以这样改：**${offered.map(escapeMarkdown).join('；')}`);
  if (explanation) parts.push(`[${EXPLANATION_LABELS.docs.replace('：', '')}](${explanation.docs.url})`);
  return parts.join('\n\n');
}

type SchemaNode = Record<string, unknown>;

const BRANCHES = ['allOf', 'anyOf', 'oneOf', 'then', 'else'];

/** A schema node with its `$ref` (into `root`) followed; what the node says beside the `$ref` wins. */
function resolved(node: SchemaNode, root: SchemaNode): SchemaNode {
  const ref = node.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return node;
  let target: unknown = root;
  for (const token of pointerTokens(ref.slice(1))) target = (target as SchemaNode | undefined)?.[token];
  if (!target) return node;
  const { $ref: _, ...own } = node;
  return { ...resolved(target as SchemaNode, root), ...own };
}

/** The schema of a field below `node`: a property, an array's items, or one found in a branch. */
function childSchema(node: SchemaNode, token: string, root: SchemaNode): SchemaNode | undefined {
  const schema = resolved(node, root);
  const properties = schema.properties as Record<string, SchemaNode> | undefined;
  if (properties && Object.hasOwn(properties, token)) return properties[token];
  const patterns = schema.patternProperties as Record<string, SchemaNode> | undefined;
  for (const [pattern, child] of Object.entries(patterns ?? {})) if (new RegExp(pattern).test(token)) return child;
  if (/^\d+$/.test(token) && schema.items && typeof schema.items === 'object') return schema.items as SchemaNode;
  for (const keyword of BRANCHES) {
    const branch = schema[keyword];
    for (const option of Array.isArray(branch) ? branch : branch ? [branch] : []) {
      const found = childSchema(option as SchemaNode, token, root);
      if (found) return found;
    }
  }
  return undefined;
}

/** The schema of the field at a JSON pointer (`/materials/0/form`) in a guide, or in `root`. */
export function fieldSchema(pointer: string, root: SchemaNode = guideSchema): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  for (const token of pointerTokens(pointer)) {
    node = node && childSchema(node, token, root);
    if (!node) return undefined;
  }
  return node && resolved(node, root);
}

/** A field explained: its title, description and examples, written as they go in a guide (or in `root`'s files). */
export function fieldHover(pointer: string, root: SchemaNode = guideSchema): string | undefined {
  const schema = fieldSchema(pointer, root);
  const key = pointerTokens(pointer).at(-1);
  if (!schema || key === undefined) return undefined;
  const { title, description, examples } = schema as { title?: string; description?: string; examples?: unknown[] };
  if (!title && !description) return undefined;
  const parts = [`**${escapeMarkdown(title ?? key)}**（\`${key}\`）`];
  if (description) parts.push(escapeMarkdown(description));
  if (examples?.length) {
    const written = examples.map((example) => stringify({ [key]: example }, { lineWidth: 0 }).trimEnd());
    parts.push(`例子：\n\n\`\`\`yaml\n${written.join('\n')}\n\`\`\``);
  }
  return parts.join('\n\n');
}

/** The key of a field at an offset, with its pointer and range. */
function keyAt(guide: ParsedGuide, offset: number): { pointer: string; range: [number, number] } | undefined {
  for (const entry of guide.yaml?.entries.values() ?? []) {
    const key = entry.keyRange;
    if (key && key.start <= offset && offset <= key.end) return { pointer: entry.pointer, range: [key.start, key.end] };
  }
  return undefined;
}

export const hover = {
  capabilities: { hoverProvider: true },
  register(context: HoverContext): void {
    context.connection.onHover(async ({ textDocument, position }): Promise<Hover | null> => {
      const linted = await context.linted(textDocument.uri);
      if (!linted) return null;
      const { file } = linted.guide;
      const positions = new GuidePositions(file.withBom(file.text));
      const offset = positions.offset(position);
      const findings = linted.result.messages.filter(
        ({ range: [start, end] }) => start <= offset && (offset < end || start === end),
      );
      if (findings.length) {
        const range: [number, number] = [
          Math.min(...findings.map((finding) => finding.range[0])),
          Math.max(...findings.map((finding) => finding.range[1])),
        ];
        return {
          contents: {
            kind: MarkupKind.Markdown,
            value: findings.map((finding) => findingHover(file.text, finding)).join('\n\n---\n\n'),
          },
          range: positions.range(range),
        };
      }
      const key = keyAt(linted.guide, offset);
      const root = isJourneyPath(file.path) ? journeySchema : guideSchema;
      const value = key && fieldHover(key.pointer, root);
      return value && key
        ? { contents: { kind: MarkupKind.Markdown, value }, range: positions.range(key.range) }
        : null;
    });
  },
};
