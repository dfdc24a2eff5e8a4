/**
 * Where the cursor is in a YAML text that is being typed: the path of the node it is in and
 * whether a key or a value goes there. Read from the lines and their indentation, not from a
 * parse, so that it works while the text does not parse (a key without its colon yet, an empty
 * line in a mapping, an unclosed bracket on another line).
 */

/** A key of a mapping, or the index of a sequence item. */
export type PathToken = string | number;

export interface CursorPlace {
  /**
   * `key`: a key of the mapping at `path` goes here; `value`: the value at `path`; `item`: the
   * start of the sequence item at `path`, either a scalar or the first key of a mapping.
   */
  kind: 'key' | 'value' | 'item';
  path: PathToken[];
  /**
   * for `key` and `item`: the keys already written in that mapping, the one at the cursor
   * excepted; for a `value` in `[ ]`: the other items of the list
   */
  present: string[];
  /** the text already typed that a completion replaces: line and UTF-16 columns, end exclusive */
  replace: { line: number; start: number; end: number };
  /** the text in `replace`, up to the cursor */
  typed: string;
  /** for `key` and `item`: a colon already follows the key at the cursor */
  colonFollows: boolean;
  /** inside `[ ]` or `{ }`: what is inserted stays on one line */
  inFlow: boolean;
  /** for `value`: no space between the colon and the cursor (`form:|`) */
  needsSpace: boolean;
}

interface Open {
  column: number;
  token: PathToken;
  kind: 'key' | 'item';
  id: number;
}

const KEY = String.raw`(?:"[^"]*"|'[^']*'|[^\s#:'"\-\[\]{},&*!|>%@\x60][^:#]*?|-[^\s:#][^:#]*?)`;
/** `- - key: value`: the indentation, the sequence dashes, a key and the rest after the colon */
const LINE = new RegExp(String.raw`^( *)((?:-(?:[ \t]+|$))*)(?:(${KEY})[ \t]*:(?=[ \t]|$)[ \t]*(.*))?(.*)$`, 'd');
const BLOCK_SCALAR = /^[|>][-+0-9]*[ \t]*(?:#.*)?$/;
const KEY_CHARACTERS = /^[A-Za-z0-9_./-]*$/;

const unquote = (key: string) => (/^(["']).*\1$/.test(key) ? key.slice(1, -1) : key);

interface LineParts {
  indent: number;
  /** the column of each `-` */
  dashes: number[];
  key?: string;
  keyColumn: number;
  /** the value after `key:`, or the scalar after the dashes when there is no key */
  value: string;
  /** where `value` begins */
  valueColumn: number;
}

function partsOf(text: string): LineParts {
  const match = LINE.exec(text)!;
  const indent = match[1]!.length;
  const dashes: number[] = [];
  for (const dash of match[2]!.matchAll(/-/g)) dashes.push(indent + dash.index);
  const keyColumn = indent + match[2]!.length;
  const valueGroup = match[3] !== undefined ? 4 : 5;
  const parts: LineParts = {
    indent,
    dashes,
    keyColumn,
    value: match[valueGroup]!.trim(),
    valueColumn: match.indices![valueGroup]![0],
  };
  if (match[3] !== undefined) parts.key = unquote(match[3]);
  return parts;
}

const isComment = (text: string) => /^\s*#/.test(text);
const withoutComment = (value: string) => value.replace(/(^|[ \t])#.*$/, '').trim();

/**
 * The mapping and sequence structure of the lines, as far as indentation tells it: each line's
 * parent is the nearest open key or item to its left.
 */
class Outline {
  readonly #stack: Open[] = [];
  readonly #itemCounts = new Map<number, number>();
  /** the keys of each mapping, by the id of the key or item that holds it (0: the top level) */
  readonly keysOf = new Map<number, string[]>();
  #nextId = 1;

  get path(): PathToken[] {
    return this.#stack.map((open) => open.token);
  }

  get containerId(): number {
    return this.#stack.at(-1)?.id ?? 0;
  }

  /** A `-` at `column` opens an item of the sequence held by the key or item to its left. */
  item(column: number): void {
    while (this.#stack.length) {
      const top = this.#stack.at(-1)!;
      if (top.column > column || (top.kind === 'item' && top.column === column)) this.#stack.pop();
      else break;
    }
    const parent = this.containerId;
    const index = this.#itemCounts.get(parent) ?? 0;
    this.#itemCounts.set(parent, index + 1);
    this.#stack.push({ column, token: index, kind: 'item', id: this.#nextId++ });
  }

  /** Closes what a key at `column` ends, and returns the id of the mapping it belongs to. */
  parentOfKey(column: number): number {
    while (this.#stack.length && this.#stack.at(-1)!.column >= column) this.#stack.pop();
    return this.containerId;
  }

  key(column: number, key: string, record: boolean): void {
    const parent = this.parentOfKey(column);
    if (record) {
      const keys = this.keysOf.get(parent) ?? [];
      keys.push(key);
      this.keysOf.set(parent, keys);
    }
    this.#stack.push({ column, token: key, kind: 'key', id: this.#nextId++ });
  }
}

/** Where a completion at `character` of `lines[line]` goes, or undefined where none does. */
export function cursorPlace(
  lines: readonly string[],
  line: number,
  character: number,
  region: { start: number; end: number } = { start: 0, end: lines.length },
): CursorPlace | undefined {
  if (line < region.start || line >= region.end) return undefined;
  const outline = new Outline();
  let place: CursorPlace | undefined;
  let placeContainer = -1;
  /** lines more indented than this belong to a block scalar or a multi-line value above */
  let skipDeeperThan: number | undefined;
  for (let index = region.start; index < region.end; index++) {
    const text = lines[index]!;
    if (index === line) {
      const indent = /^ */.exec(text)![0].length;
      if (skipDeeperThan !== undefined && indent > skipDeeperThan && text.trim() !== '') return undefined;
      if (skipDeeperThan !== undefined && text.trim() === '' && character > skipDeeperThan) return undefined;
      skipDeeperThan = undefined;
      const found = placeOnLine(outline, text, line, character);
      if (!found) return undefined;
      place = found.place;
      placeContainer = found.container;
      continue;
    }
    if (text.trim() === '' || isComment(text)) continue;
    const parts = partsOf(text);
    if (skipDeeperThan !== undefined) {
      if (parts.indent > skipDeeperThan) continue;
      skipDeeperThan = undefined;
    }
    for (const dash of parts.dashes) outline.item(dash);
    const value = withoutComment(parts.value);
    if (parts.key !== undefined) {
      outline.key(parts.keyColumn, parts.key, true);
      if (value) skipDeeperThan = parts.keyColumn;
    } else if (value) {
      skipDeeperThan = parts.dashes.at(-1) ?? parts.indent;
    }
    if (BLOCK_SCALAR.test(parts.value)) skipDeeperThan = parts.key !== undefined ? parts.keyColumn : parts.indent;
  }
  if (!place) return undefined;
  if (place.kind !== 'value' && !place.inFlow) place.present = outline.keysOf.get(placeContainer) ?? [];
  return place;
}

function placeOnLine(
  outline: Outline,
  text: string,
  line: number,
  character: number,
): { place: CursorPlace; container: number } | undefined {
  const before = text.slice(0, character);
  if (before.trim() === '') {
    if (text.slice(character).trim() !== '') return undefined;
    const container = outline.parentOfKey(character);
    const place = keyPlace(outline.path, line, character, '', '');
    outline.key(character, '', false);
    return { container, place };
  }
  if (isComment(before)) return undefined;
  const parts = partsOf(before);
  for (const dash of parts.dashes) outline.item(dash);
  if (parts.key !== undefined) {
    outline.key(parts.keyColumn, parts.key, false);
    return valuePlace(outline.path, text, line, character, parts.valueColumn, before);
  }
  const typed = before.slice(parts.keyColumn);
  if (parts.dashes.length && typed === '' && !/[ \t]$/.test(before)) return undefined;
  const container = outline.parentOfKey(parts.keyColumn);
  if (parts.dashes.length) {
    // after `- `: a scalar item, or the first key of a mapping item
    if (/^[[{]/.test(typed)) return flowPlace(outline.path, text, line, character, parts.keyColumn);
    const rest = text.slice(character);
    const path = outline.path;
    // the lines below that are deeper belong to what is typed here, not to the item's mapping
    outline.key(parts.keyColumn, typed, false);
    return {
      container,
      place: {
        kind: 'item',
        path,
        present: [],
        replace: { line, start: parts.keyColumn, end: character + /^[^:#]*/.exec(rest)![0].trimEnd().length },
        typed,
        colonFollows: /^[^:#]*:/.test(rest),
        inFlow: false,
        needsSpace: false,
      },
    };
  }
  if (!KEY_CHARACTERS.test(typed)) return undefined;
  const after = /^[A-Za-z0-9_./-]*/.exec(text.slice(character))![0];
  const rest = text.slice(character + after.length);
  const place = keyPlace(outline.path, line, parts.keyColumn, typed, after);
  place.colonFollows = /^[ \t]*:/.test(rest);
  outline.key(parts.keyColumn, typed, false);
  return { container, place };
}

function keyPlace(path: PathToken[], line: number, start: number, typed: string, after: string): CursorPlace {
  return {
    kind: 'key',
    path,
    present: [],
    replace: { line, start, end: start + typed.length + after.length },
    typed,
    colonFollows: false,
    inFlow: false,
    needsSpace: false,
  };
}

/** After `key:`: a plain value, or a place inside `[ ]` and `{ }` written on this line. */
function valuePlace(
  path: PathToken[],
  text: string,
  line: number,
  character: number,
  valueStart: number,
  before: string,
): { place: CursorPlace; container: number } | undefined {
  const typed = before.slice(valueStart);
  if (/^[[{]/.test(typed)) return flowPlace(path, text, line, character, valueStart);
  if (/^[|>]/.test(typed) || /(^|[ \t])#/.test(typed)) return undefined;
  const rest = /^[^#]*/.exec(text.slice(character))![0].trimEnd();
  return {
    container: -1,
    place: {
      kind: 'value',
      path,
      present: [],
      replace: { line, start: valueStart, end: character + rest.length },
      typed,
      colonFollows: false,
      inFlow: false,
      needsSpace: !/[ \t]$/.test(before.slice(0, valueStart)) && before[valueStart - 1] === ':',
    },
  };
}

/** The items of a `[ ]` after the one at `from`, up to its closing bracket. */
function laterItems(text: string, from: number): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = from;
  for (let at = from; at < text.length; at++) {
    const char = text[at]!;
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '[' || char === '{') depth++;
    else if ((char === ']' || char === '}') && depth > 0) depth--;
    else if (char === ']' || char === '}' || char === '#' || (char === ',' && depth === 0)) {
      pieces.push(text.slice(start, at));
      start = at + 1;
      if (char !== ',') break;
    }
  }
  return pieces
    .slice(1)
    .map((piece) => unquote(piece.trim()))
    .filter(Boolean);
}

interface FlowFrame {
  open: '[' | '{';
  /** the item's index in `[ ]` */
  index: number;
  /** in `{ }`: the key whose value follows, once its colon is written */
  key?: string;
  /** the keys written in `{ }`, or the items in `[ ]`, before the cursor */
  keys: string[];
  /** where the current item, key or value begins */
  tokenStart: number;
}

/** A place inside a flow collection (`[原件, 复|]`, `[warn, { pro| }]`) opened at `start` on this line. */
function flowPlace(
  path: PathToken[],
  text: string,
  line: number,
  character: number,
  start: number,
): { place: CursorPlace; container: number } | undefined {
  const frames: FlowFrame[] = [];
  let quote: string | undefined;
  for (let at = start; at < character; at++) {
    const char = text[at]!;
    if (quote) {
      if (char === quote) quote = undefined;
      continue;
    }
    const top = frames.at(-1);
    if (char === '"' || char === "'") quote = char;
    else if (char === '[' || char === '{') frames.push({ open: char, index: 0, keys: [], tokenStart: at + 1 });
    else if (char === ']' || char === '}') frames.pop();
    else if (char === ',' && top) {
      if (top.open === '[') {
        top.keys.push(unquote(text.slice(top.tokenStart, at).trim()));
        top.index++;
      } else top.key = undefined;
      top.tokenStart = at + 1;
    } else if (char === ':' && top?.open === '{' && top.key === undefined && /[ \t,}]|$/.test(text[at + 1] ?? '')) {
      top.key = unquote(text.slice(top.tokenStart, at).trim());
      top.keys.push(top.key);
      top.tokenStart = at + 1;
    }
    if (!frames.length) return undefined;
  }
  const top = frames.at(-1);
  if (!top || quote) return undefined;
  const flowPath = [...path];
  for (const frame of frames) {
    if (frame.open === '[') flowPath.push(frame.index);
    else if (frame.key !== undefined) flowPath.push(frame.key);
  }
  const tokenStart = Math.min(character, top.tokenStart + /^[ \t]*/.exec(text.slice(top.tokenStart))![0].length);
  const typed = text.slice(tokenStart, character);
  if (/[[{]/.test(typed)) return undefined;
  const isKey = top.open === '{' && top.key === undefined;
  const rest = (isKey ? /^[A-Za-z0-9_./-]*/ : /^[^,\]}#]*/).exec(text.slice(character))![0].trimEnd();
  if (isKey && !KEY_CHARACTERS.test(typed)) return undefined;
  return {
    container: -1,
    place: {
      kind: isKey ? 'key' : 'value',
      path: flowPath,
      present: isKey ? top.keys : top.open === '[' ? [...top.keys, ...laterItems(text, character)] : [],
      replace: { line, start: tokenStart, end: character + rest.length },
      typed,
      colonFollows: isKey && /^[^,\]}]*:/.test(text.slice(character)),
      inFlow: true,
      needsSpace: false,
    },
  };
}

/**
 * The lines of the YAML in a text: a Markdown guide's front matter (up to its closing `---`, or
 * to the end while it is not written yet), or the whole of a YAML file.
 */
export function yamlLines(lines: readonly string[], markdown: boolean): { start: number; end: number } | undefined {
  if (!markdown) return { start: 0, end: lines.length };
  if (!/^---[ \t]*\r?$/.test(lines[0] ?? '')) return undefined;
  const closing = lines.findIndex((text, index) => index > 0 && /^(?:---|\.\.\.)[ \t]*\r?$/.test(text));
  return { start: 1, end: closing === -1 ? lines.length : closing };
}
