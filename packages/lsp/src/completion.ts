/**
 * Completion in guides and in `baihua.config.yaml`: the keys the schema allows where the cursor
 * is, the values of enums, the material names and departments other guides of the catalog use,
 * rule ids, severities and options. Worked out from the text as it is now and the catalog's
 * summaries in memory: nothing is linted or parsed to answer.
 */
import { basename, extname } from 'node:path';
import { filePathOf } from './uri.js';
import { CONFIG_FILE_NAMES, configSchema, guideSchema, isJourneyPath, journeySchema } from '@baihua/core';
import { builtinPresets, type CatalogValues, enumSynonyms } from '@baihua/lint';
import {
  type CompletionItem,
  CompletionItemKind,
  type CompletionList,
  type CompletionParams,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type Range,
} from 'vscode-languageserver';
import { stringify } from 'yaml';
import { type SchemaNode, SchemaWalker } from './schema-walk.js';
import type { Feature, ServerContext } from './feature.js';
import { type CursorPlace, cursorPlace, type PathToken, yamlLines } from './yaml-cursor.js';

const guideWalker = new SchemaWalker(guideSchema);
const journeyWalker = new SchemaWalker(journeySchema);
const configWalker = new SchemaWalker(configSchema);

const SEVERITY_NAMES: Record<string, string> = { off: '关闭', warn: '警告', error: '错误' };
const BOOLEAN_NAMES: Record<string, string> = { true: '是', false: '否' };

/** What the client can take: snippets with absolute indentation, or only plain text. */
interface ClientSupport {
  snippets: boolean;
}

type FileKind = { kind: 'guide'; markdown: boolean; filePath: string } | { kind: 'config' };

/** A scalar as YAML 1.2 (Baihua's reader) reads it back unchanged: quoted where plain text would mean something else. */
export function yamlScalar(value: string | number | boolean, inFlow: boolean): string {
  if (typeof value !== 'string') return String(value);
  const plain =
    value !== '' &&
    !/^[\s\-?:,[\]{}#&*!|>'"%@`]|:(\s|$)|\s#|\s$/.test(value) &&
    !(inFlow && /[,[\]{}]/.test(value)) &&
    !/^(?:true|false|null|~|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

const snippetText = (text: string) => text.replace(/[$}\\]/g, '\\$&');
const choiceText = (text: string) => text.replace(/[$}\\,|]/g, '\\$&');

/** An example as it is written in YAML: text as it is, lists and mappings on one line. */
const exampleText = (example: unknown) =>
  typeof example === 'string' ? example : stringify(example, { collectionStyle: 'flow' }).trim();

function documentation(node: SchemaNode | undefined, extra?: string) {
  const parts = [
    // a line break of the schema's text is one in Markdown too
    typeof node?.description === 'string' ? node.description.replaceAll('\n', '  \n') : undefined,
    Array.isArray(node?.examples) && node.examples.length
      ? `例：${node.examples.map((example) => `\`${exampleText(example)}\``).join('、')}`
      : undefined,
    extra,
  ].filter(Boolean);
  return parts.length ? { kind: MarkupKind.Markdown, value: parts.join('\n\n') } : undefined;
}

const rangeOf = (place: CursorPlace): Range => ({
  start: { line: place.replace.line, character: place.replace.start },
  end: { line: place.replace.line, character: place.replace.end },
});

const order = (index: number) => String(index).padStart(4, '0');

/** The keys that may be written at the place, those already written left out. */
function keyItems(walker: SchemaWalker, place: CursorPlace, file: FileKind, support: ClientSupport): CompletionItem[] {
  const items: CompletionItem[] = [];
  const indent = place.replace.start;
  for (const [key, schema] of walker.properties(place.path)) {
    if (place.present.includes(key)) continue;
    if (file.kind === 'guide' && file.markdown && place.path.length === 0 && key === 'body') continue;
    const branches = walker.branches(schema);
    // Rules that cannot be configured (files that cannot be read are always errors).
    if (branches.some((branch) => branch.not !== undefined)) continue;
    const described = walker.describe([...place.path, key]);
    const docs = documentation({ ...schema, ...described });
    let newText = place.colonFollows ? key : `${key}: `;
    let format: InsertTextFormat = InsertTextFormat.PlainText;
    if (support.snippets && !place.colonFollows && !place.inFlow) {
      const shape = walker.shape(schema);
      const values = walker.values([...place.path, key]);
      const inner = ' '.repeat(indent + 2);
      if (shape === 'object') newText = `${snippetText(key)}:\n${inner}$0`;
      else if (shape === 'array' && file.kind === 'guide') newText = `${snippetText(key)}:\n${inner}- $0`;
      else if (shape === 'scalar' && values.length > 1)
        newText = `${snippetText(key)}: \${1|${values.map((value) => choiceText(yamlScalar(value, false))).join(',')}|}`;
      else newText = `${snippetText(key)}: $0`;
      format = InsertTextFormat.Snippet;
    }
    items.push({
      label: key,
      kind: CompletionItemKind.Property,
      ...(described.title && { detail: described.title }),
      ...(docs && { documentation: docs }),
      sortText: order(items.length),
      filterText: key,
      textEdit: { range: rangeOf(place), newText },
      insertTextFormat: format,
      ...(format === InsertTextFormat.Snippet && { insertTextMode: InsertTextMode.asIs }),
    });
  }
  return items;
}

/** `/materials/*\/form`-style field of a path, as data/enum-synonyms.yaml names fields. */
const synonymField = (path: readonly PathToken[]) =>
  `/${path.map((token) => (typeof token === 'number' ? '*' : token)).join('/')}`;

function synonymsOf(path: readonly PathToken[], value: string): string[] {
  const field = synonymField(path);
  return enumSynonyms().find((entry) => entry.field === field)?.values[value] ?? [];
}

function valueItem(
  place: CursorPlace,
  value: string | number | boolean,
  fields: { detail?: string; documentation?: CompletionItem['documentation']; kind: CompletionItemKind; rank: number },
  synonyms: string[] = [],
): CompletionItem {
  const label = String(value);
  return {
    label,
    kind: fields.kind,
    ...(fields.detail && { detail: fields.detail }),
    ...(fields.documentation && { documentation: fields.documentation }),
    sortText: order(fields.rank),
    filterText: [label, ...synonyms].join(' '),
    textEdit: { range: rangeOf(place), newText: `${place.needsSpace ? ' ' : ''}${yamlScalar(value, place.inFlow)}` },
  };
}

/** The values the schema allows at the place: enums, severities, true or false. */
function enumItems(walker: SchemaWalker, place: CursorPlace, file: FileKind, rank: number): CompletionItem[] {
  const described = walker.describe(place.path);
  const isSeverity = file.kind === 'config' && place.path[0] === 'rules';
  return walker.values(place.path).map((value, index) => {
    const synonyms = typeof value === 'string' && file.kind === 'guide' ? synonymsOf(place.path, value) : [];
    const name = isSeverity ? SEVERITY_NAMES[String(value)] : BOOLEAN_NAMES[String(value)];
    const detail = [name, described.title].filter(Boolean).join(' · ');
    const extra = synonyms.length ? `也写作：${synonyms.join('、')}（白话会改成「${value}」）` : undefined;
    const docs = documentation({ description: described.description }, extra);
    return valueItem(
      place,
      value,
      {
        kind: CompletionItemKind.EnumMember,
        ...(detail && { detail }),
        ...(docs && { documentation: docs }),
        rank: rank + index,
      },
      synonyms,
    );
  });
}

/** What the catalog offers at a path of a guide (or of a journey: the guides of a step), if anything. */
type CatalogField = 'department' | 'material' | 'issuer' | 'location' | 'related' | 'step';

function catalogFieldAt(path: readonly PathToken[], journey: boolean): CatalogField | undefined {
  const [first, index, field] = path;
  if (journey) {
    const [, , list, position] = path;
    return path.length === 4 && first === 'steps' && list === 'guides' && typeof position === 'number'
      ? 'step'
      : undefined;
  }
  if (path.length === 1 && first === 'department') return 'department';
  if (path.length === 2 && first === 'related' && typeof index === 'number') return 'related';
  if (path.length !== 3 || typeof index !== 'number' || field !== 'name') {
    return path.length === 3 && first === 'materials' && typeof index === 'number' && field === 'issuer'
      ? 'issuer'
      : undefined;
  }
  return first === 'materials' ? 'material' : first === 'locations' ? 'location' : undefined;
}

/** The names used across the catalog for a field, most used first, each with how many guides use it. */
function usedNames(field: Exclude<CatalogField, 'related' | 'step'>, values: CatalogValues) {
  if (field === 'department') return values.departments;
  if (field === 'material') return values.materialNames;
  if (field === 'location') return values.locationNames;
  const issuers = values.issuers.map((issuer) => issuer.name);
  return [...values.issuers, ...values.departments.filter((department) => !issuers.includes(department.name))];
}

/**
 * Material names, departments, issuers and locations other guides of the catalog use, and for
 * `related` the ids of the other guides: the same thing written the same way across the catalog.
 */
async function catalogItems(context: ServerContext, filePath: string, place: CursorPlace): Promise<CompletionItem[]> {
  const journey = isJourneyPath(filePath);
  const field = catalogFieldAt(place.path, journey);
  if (!field) return [];
  let values: CatalogValues;
  try {
    values = await context.live.catalogValues(filePath);
  } catch {
    return []; // a broken configuration: the schema's completions still come
  }
  if (field === 'related' || field === 'step') {
    return values.guides.map(({ id, title }, rank) =>
      valueItem(place, id, { kind: CompletionItemKind.Reference, ...(title && { detail: title }), rank: 1000 + rank }),
    );
  }
  const described = guideWalker.describe(place.path);
  return usedNames(field, values)
    .filter(({ name }) => name !== place.typed.trim())
    .map(({ name, guides }, rank) =>
      valueItem(place, name, {
        kind: CompletionItemKind.Value,
        detail: `${described.title ?? ''}（目录里 ${guides} 份指南用过）`,
        rank: 1000 + rank,
      }),
    );
}

/** `extends:` names built-in presets. */
function presetItems(place: CursorPlace): CompletionItem[] {
  const described = configWalker.describe(['extends']);
  const inList = place.path.length === 2 && place.path[0] === 'extends';
  const asValue = place.path.length === 1 && place.path[0] === 'extends' && !place.inFlow;
  if (!inList && !asValue) return [];
  return Object.keys(builtinPresets).map((name, rank) => {
    const item = valueItem(place, name, { kind: CompletionItemKind.Module, detail: '内置预设', rank });
    if (asValue) item.textEdit = { range: rangeOf(place), newText: `${place.needsSpace ? ' ' : ''}[${name}]` };
    return { ...item, ...(described.description && { documentation: described.description }) };
  });
}

function fileKindOf(context: ServerContext, uri: string): FileKind | undefined {
  const filePath = filePathOf(uri);
  if (!filePath) return undefined;
  if (CONFIG_FILE_NAMES.includes(basename(filePath))) return { kind: 'config' };
  const extension = extname(filePath).toLowerCase();
  if (!['.md', '.markdown', '.yaml', '.yml'].includes(extension)) return undefined;
  let isGuide: boolean;
  try {
    // a preset the configuration extends is configuration too
    if (context.live.isPreset(filePath)) return { kind: 'config' };
    isGuide = context.live.isGuide(filePath);
  } catch {
    isGuide = true; // its configuration is broken, but it is a guide of a project
  }
  return isGuide ? { kind: 'guide', markdown: extension === '.md' || extension === '.markdown', filePath } : undefined;
}

/** The completions at a position of a text (exported for the tests). */
export async function complete(
  context: ServerContext,
  uri: string,
  text: string,
  position: { line: number; character: number },
  support: ClientSupport,
): Promise<CompletionItem[]> {
  const file = fileKindOf(context, uri);
  if (!file) return [];
  const lines = text.split(/\r?\n/);
  const region = yamlLines(lines, file.kind === 'guide' && file.markdown);
  if (!region) return [];
  const place = cursorPlace(lines, position.line, position.character, region);
  if (!place) return [];
  const walker = file.kind === 'config' ? configWalker : isJourneyPath(file.filePath) ? journeyWalker : guideWalker;
  const items: CompletionItem[] = [];
  if (place.kind !== 'value') items.push(...keyItems(walker, place, file, support));
  if (place.kind !== 'key') {
    items.push(...enumItems(walker, place, file, items.length));
    if (file.kind === 'guide') items.push(...(await catalogItems(context, file.filePath, place)));
    else items.push(...presetItems(place));
  }
  // In `[ ]`, what the list has already.
  return place.kind === 'value' ? items.filter((item) => !place.present.includes(item.label)) : items;
}

function clientSupport(context: ServerContext): ClientSupport {
  const completion = context.clientCapabilities.textDocument?.completion?.completionItem;
  return {
    snippets:
      completion?.snippetSupport === true &&
      completion.insertTextModeSupport?.valueSet.includes(InsertTextMode.asIs) === true,
  };
}

export const completionFeature: Feature = {
  capabilities: {
    completionProvider: { triggerCharacters: [':', ' ', '-', '[', ',', '{'], resolveProvider: false },
  },
  register(context) {
    context.connection.onCompletion(async (params: CompletionParams): Promise<CompletionList | null> => {
      const document = context.documents.get(params.textDocument.uri);
      if (!document) return null;
      const items = await complete(context, document.uri, document.getText(), params.position, clientSupport(context));
      return { isIncomplete: false, items };
    });
  },
};
