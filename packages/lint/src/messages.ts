import type { MessageData } from './types.js';

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/**
 * A message with its `{{name}}` placeholders filled from `data`, as ESLint does; a placeholder
 * without data stays as written (the rule tester reports it).
 */
export function formatMessage(template: string, data: MessageData = {}): string {
  return template.replace(PLACEHOLDER, (placeholder, name: string) =>
    Object.hasOwn(data, name) ? String(data[name]) : placeholder,
  );
}

/** The placeholders left unfilled in a rendered message. */
export function unfilledPlaceholders(message: string): string[] {
  return [...message.matchAll(PLACEHOLDER)].map((match) => match[0]);
}
