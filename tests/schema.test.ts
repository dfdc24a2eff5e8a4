import { describe, expect, it } from 'vitest';
import {
  createAjv,
  guideSchema,
  guideSchemaHash,
  guideValidator,
  journeySchema,
  journeySchemaHash,
  journeyValidator,
} from '@baihua/core';

type Node = Record<string, unknown> & {
  properties?: Record<string, Node>;
  items?: Node;
  anyOf?: Node[];
  $ref?: string;
  type?: string;
  examples?: unknown[];
};
const resolveIn =
  (definitions: Record<string, Node>) =>
  (node: Node): Node => {
    const resolve = resolveIn(definitions);
    return node.$ref ? { ...resolve(definitions[node.$ref.split('/').pop()!]!), ...node, $ref: undefined } : node;
  };

/** Every property schema in a schema, with its path. */
function properties(
  resolve: (node: Node) => Node,
  node: Node,
  path: string,
  seen = new Set<Node>(),
): Array<[string, Node]> {
  const resolved = resolve(node);
  if (seen.has(resolved)) return [];
  seen.add(resolved);
  const found: Array<[string, Node]> = [];
  for (const [key, child] of Object.entries(resolved.properties ?? {})) {
    found.push([`${path}.${key}`, child], ...properties(resolve, child, `${path}.${key}`, seen));
  }
  if (resolved.items) found.push(...properties(resolve, resolved.items, `${path}[]`, seen));
  for (const branch of resolved.anyOf ?? []) found.push(...properties(resolve, branch, path, seen));
  return found;
}

/** The checks every schema a clerk writes against must pass: the editor shows its words. */
describe.each([
  { name: 'guide', schema: guideSchema as Node, least: 100 },
  { name: 'journey', schema: journeySchema as Node, least: 25 },
])('schema/$name.schema.json', ({ schema, least }) => {
  const definitions = schema.definitions as Record<string, Node>;
  const resolve = resolveIn(definitions);
  const all = properties(resolve, schema, '');

  it('gives every property a Chinese title, a Chinese description and an example', () => {
    const missing = all.filter(([, node]) => {
      const resolved = resolve(node);
      return (
        !/[\u4e00-\u9fff]/.test(String(resolved.title)) ||
        !/[\u4e00-\u9fff]/.test(String(resolved.description)) ||
        !resolved.examples?.length
      );
    });
    expect(missing.map(([path]) => path)).toEqual([]);
    expect(all.length).toBeGreaterThan(least);
  });

  it('has examples that are valid against their own property schema', () => {
    const ajv = createAjv();
    const invalid: string[] = [];
    for (const [path, node] of all) {
      const validate = ajv.compile({ ...resolve(node), definitions, $id: undefined, examples: undefined });
      for (const example of resolve(node).examples ?? [])
        if (!validate(example)) invalid.push(`${path}: ${JSON.stringify(example)}`);
    }
    expect(invalid).toEqual([]);
  });

  it('says of every string field whether it is prose for the plain-language rules (x-prose)', () => {
    const undeclared: string[] = [];
    const walk = (value: unknown, path: string): void => {
      if (Array.isArray(value)) {
        for (const [index, item] of value.entries()) walk(item, `${path}/${index}`);
      } else if (value && typeof value === 'object') {
        const node = value as Node;
        if (node.type === 'string' && typeof node['x-prose'] !== 'boolean') undeclared.push(path);
        for (const [key, child] of Object.entries(node)) if (key !== 'examples') walk(child, `${path}/${key}`);
      }
    };
    walk(schema, '#');
    expect(undeclared).toEqual([]);
    const prose = (node: Node) => resolve(node)['x-prose'];
    // Sentences the citizen reads, though their schema has a pattern; an id never is.
    expect([schema.properties!.title!, schema.properties!.summary!, schema.properties!.id!].map(prose)).toEqual([
      true,
      true,
      false,
    ]);
  });
});

const root = guideSchema as Node;
const definitions = root.definitions as Record<string, Node>;
const resolve = resolveIn(definitions);
const all = properties(resolve, root, '');

describe('schema/guide.schema.json: what only a guide has', () => {
  it('tells the branches of every anyOf apart by JSON type (the linter picks a branch by type)', () => {
    const anyOfs: Node[] = [];
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        if ('anyOf' in value) anyOfs.push(value as Node);
        Object.values(value).forEach(walk);
      }
    };
    walk(root);
    expect(anyOfs.length).toBe(5); // legal_basis items, fees, material form, steps items, appointment
    for (const node of anyOfs) {
      const types = node.anyOf!.map((branch) => resolve(branch).type);
      expect(new Set(types).size).toBe(types.length);
    }
  });

  it('keeps the key names portal integrations are written against', () => {
    const paths = new Set(all.map(([path]) => path));
    for (const path of [
      '.id',
      '.title',
      '.summary',
      '.materials[].name',
      '.materials[].form',
      '.materials[].copies',
      '.materials[].source',
      '.steps[].title',
      '.steps[].how',
      '.time_limit.statutory.days',
      '.time_limit.statutory.unit',
      '.time_limit.promised.days',
      '.time_limit.promised.unit',
      '.fees',
      '.visits',
      '.visits_reason',
      '.online.level',
      '.online.url',
      '.locations',
      '.contacts',
      '.result',
      '.reviewed',
      '.related',
      '.appointment',
      '.express',
      '.quantity_limit',
      '.time_limit.acceptance',
      '.time_limit.promised.months',
    ]) {
      expect(paths.has(path), path).toBe(true);
    }
  });

  it('is precompiled by the build, and the precompiled validator agrees with a fresh compile', () => {
    const precompiled = guideValidator() as ReturnType<typeof guideValidator> & { schemaHash?: string };
    expect(precompiled.schemaHash).toBe(guideSchemaHash);
    expect((journeyValidator() as { schemaHash?: string }).schemaHash).toBe(journeySchemaHash);
    const fresh = createAjv().compile(guideSchema);
    const broken = {
      id: 'X',
      title: 1,
      materials: [{ name: '身份证', copies: '两份', form: ['原件', '原件'] }],
      fees: '无',
      visits: -1,
    };
    precompiled(broken);
    fresh(broken);
    const describe = (errors: typeof fresh.errors) =>
      (errors ?? []).map((error) => `${error.instancePath} ${error.keyword}`).sort();
    expect(describe(precompiled.errors)).toEqual(describe(fresh.errors));
    expect(describe(fresh.errors).length).toBeGreaterThan(10);
  });
});
