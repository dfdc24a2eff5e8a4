/**
 * Walking a JSON Schema (the guide's, the configuration's) along a path of keys and item
 * indexes: what may be written there, with the Chinese titles and descriptions.
 */
import type { PathToken } from './yaml-cursor.js';

export type SchemaNode = Record<string, unknown>;

const isNode = (value: unknown): value is SchemaNode =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export class SchemaWalker {
  readonly #root: SchemaNode;

  constructor(root: SchemaNode) {
    this.#root = root;
  }

  /** `#/definitions/a~1b` in this schema. */
  #reference(ref: string): SchemaNode | undefined {
    if (!ref.startsWith('#')) return undefined;
    let node: unknown = this.#root;
    for (const token of ref.slice(1).split('/').slice(1)) {
      if (!isNode(node)) return undefined;
      node = node[token.replaceAll('~1', '/').replaceAll('~0', '~')];
    }
    return isNode(node) ? node : undefined;
  }

  /**
   * The schemas a value must or may satisfy at this node: `$ref`s followed, and the branches of
   * `anyOf`, `oneOf` and `allOf` spread out, each keeping the title and description of the node
   * that names it when it has none of its own.
   */
  branches(node: SchemaNode, depth = 0): SchemaNode[] {
    if (depth > 16) return [];
    const label = {
      ...(node.title !== undefined && { title: node.title }),
      ...(node.description !== undefined && { description: node.description }),
    };
    const ref = typeof node.$ref === 'string' ? this.#reference(node.$ref) : undefined;
    const found: SchemaNode[] = [];
    if (ref) found.push(...this.branches({ ...ref, ...label }, depth + 1));
    else found.push(node);
    for (const keyword of ['anyOf', 'oneOf', 'allOf']) {
      const list = node[keyword];
      if (!Array.isArray(list)) continue;
      for (const branch of list) if (isNode(branch)) found.push(...this.branches({ ...label, ...branch }, depth + 1));
    }
    return found;
  }

  /** The schemas of the value at `path` (empty where the schema says nothing). */
  at(path: readonly PathToken[]): SchemaNode[] {
    let nodes = this.branches(this.#root);
    for (const token of path) {
      const next: SchemaNode[] = [];
      for (const node of nodes) {
        const child = typeof token === 'number' ? itemSchema(node, token) : propertySchema(node, token);
        if (child) next.push(...this.branches(child));
      }
      nodes = next;
    }
    return nodes;
  }

  /** The keys a mapping at `path` may have, with their schemas, in the schema's order. */
  properties(path: readonly PathToken[]): Map<string, SchemaNode> {
    const found = new Map<string, SchemaNode>();
    for (const node of this.at(path)) {
      if (!isNode(node.properties)) continue;
      for (const [key, schema] of Object.entries(node.properties)) {
        if (isNode(schema) && !found.has(key)) found.set(key, schema);
      }
    }
    return found;
  }

  /** The values an enum at `path` allows, and `true`/`false` where a boolean goes. */
  values(path: readonly PathToken[]): Array<string | number | boolean> {
    const found: Array<string | number | boolean> = [];
    const add = (value: unknown) => {
      if (
        (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') &&
        !found.includes(value)
      )
        found.push(value);
    };
    for (const node of this.at(path)) {
      if (Array.isArray(node.enum)) node.enum.forEach(add);
      if (node.const !== undefined) add(node.const);
      if (node.type === 'boolean') [true, false].forEach(add);
    }
    return found;
  }

  /** The title and description of the value at `path`: the first branch that has them. */
  describe(path: readonly PathToken[]): { title?: string; description?: string } {
    const nodes = this.at(path);
    const title = nodes.find((node) => typeof node.title === 'string')?.title as string | undefined;
    const description = nodes.find((node) => typeof node.description === 'string')?.description as string | undefined;
    return { ...(title && { title }), ...(description && { description }) };
  }

  /** What a node holds: a mapping, a sequence, or a scalar (undefined when its branches differ). */
  shape(node: SchemaNode): 'object' | 'array' | 'scalar' | undefined {
    const shapes = new Set(
      this.branches(node).flatMap((branch) => {
        if (branch.type === 'object' || isNode(branch.properties)) return ['object' as const];
        if (branch.type === 'array' || branch.items !== undefined) return ['array' as const];
        if (branch.type !== undefined || branch.enum !== undefined) return ['scalar' as const];
        return [];
      }),
    );
    return shapes.size === 1 ? [...shapes][0] : undefined;
  }
}

function propertySchema(node: SchemaNode, key: string): SchemaNode | undefined {
  if (isNode(node.properties) && isNode(node.properties[key])) return node.properties[key];
  return isNode(node.additionalProperties) ? node.additionalProperties : undefined;
}

function itemSchema(node: SchemaNode, index: number): SchemaNode | undefined {
  if (Array.isArray(node.items)) {
    const item = node.items[index];
    return isNode(item) ? item : undefined;
  }
  return isNode(node.items) ? node.items : undefined;
}
