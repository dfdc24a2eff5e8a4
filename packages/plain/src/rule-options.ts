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
  const defaults = Object.entries(schema.properties).map(([name, property]) => [name, property.default]);
  return { ...Object.fromEntries(defaults), ...configured } as Options;
}
