// XML 1.0 allows no C0 control character but tab, LF and CR, not even as a character reference,
// nor U+FFFE, U+FFFF or half a surrogate pair: such a character is written out as \uXXXX text.
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // in an attribute a parser turns a literal tab or line break into a space: references keep them
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Text for an XML attribute value or element content: Chinese stays as it is (the file is UTF-8). */
export function xmlText(text: string): string {
  return text
    .replace(NOT_XML, (char) => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)
    .replace(/[&<>"'\t\n\r]/g, (char) => ENTITIES[char]!);
}
