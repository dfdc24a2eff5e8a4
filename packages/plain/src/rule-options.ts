// Shared by the plain rules and by @baihua/lint, which gives every rule its options this way.
/** A rule's options schema: an object whose properties each carry their `default`. */
export interface OptionsSchema {
  type: 'object';
  properties: Record<string, { default: unknown } & Record<string, unknown>>;
  additionalProperties: false;
}

/**
 * The options a rule runs with: those configured, and for the others the schema's defaults (the
 * configured options were checked against the schema when the configuration was read). Rules
 * only read their options, so the defaults are shared, not copied.
 */
export function withDefaults<Options>(schema: OptionsSchema | undefined, configured: Record<string, unknown>): Options {
  if (!schema) return configured as Options;
  return { ...defaultsOf(schema), ...configured } as Options;
}

/** Every rule runs for every guide: its defaults are read from its schema once. */
const schemaDefaults = new WeakMap<OptionsSchema, Record<string, unknown>>();

function defaultsOf(schema: OptionsSchema): Record<string, unknown> {
  let defaults = schemaDefaults.get(schema);
  if (!defaults) {
    defaults = Object.fromEntries(
      Object.entries(schema.properties).map(([name, property]) => [name, property.default]),
    );
    schemaDefaults.set(schema, defaults);
  }
  return defaults;
}
