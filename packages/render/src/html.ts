/**
 * Text for HTML written here rather than by Handlebars (which escapes everything it inserts): the
 * PDF's running header, an SVG label, the preview page of `baihua serve`.
 */
export const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
