/**
 * Code actions and hover of `baihua lsp --stdio`, through the real server: each kind of action
 * requested at a finding's exact range, its edit applied to the text as an editor would, the new
 * text sent back, and the diagnostics that follow.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  type CodeAction,
  CodeActionRequest,
  type Diagnostic,
  type Hover,
  HoverRequest,
  type Position,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { afterEach, describe, expect, it } from 'vitest';
import { guidesDir, repoRoot, runCli, scratch } from './helpers.js';
import { TestClient, uriOf } from './lsp-client.js';

const clients: TestClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) if (client.process.exitCode === null) client.process.kill();
});

const ID_CARD = '户籍/id-card-renewal.md';
const DRIVING_LICENCE = '交通/driving-licence-renewal.yaml';

/** The 换领居民身份证 guide with a vague department in its fields and officialese and jargon in one line of its body. */
function idCardWithDefects(): string {
  return readFileSync(join(guidesDir, ID_CARD), 'utf8')
    .replace('department: 青禾市公安局东湖分局户政科', 'department: 相关部门')
    .replace(
      '窗口现场免费拍照，照片背景是白色。',
      '窗口现场免费拍照，材料齐全的予以受理。本事项实行容缺受理，照片背景是白色。',
    );
}

async function start(root: string, capabilities?: Record<string, unknown>) {
  const { client } = await TestClient.start({ root, initializationOptions: { debounceMs: 0 }, capabilities });
  clients.push(client);
  return client;
}

const VERSIONED_EDITS = { workspace: { workspaceEdit: { documentChanges: true } } };

/** Offsets of positions in a text, counting lines as LSP does (CRLF, LF or CR; UTF-16 characters). */
function offsetAt(text: string, { line, character }: Position): number {
  let start = 0;
  for (let current = 0; current < line; current++) {
    const next = /\r\n|\n|\r/g;
    next.lastIndex = start;
    const found = next.exec(text);
    if (!found) return text.length;
    start = found.index + found[0].length;
  }
  return start + character;
}

/** Applies an editor's text edits (non-overlapping, against the same text). */
function applyEdits(text: string, edits: TextEdit[]): string {
  const ordered = edits
    .map((edit) => ({
      start: offsetAt(text, edit.range.start),
      end: offsetAt(text, edit.range.end),
      text: edit.newText,
    }))
    .sort((a, b) => b.start - a.start);
  let result = text;
  for (const edit of ordered) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

/** The edits of one file in a workspace edit, from `documentChanges` or `changes`. */
function editsFor(edit: WorkspaceEdit, uri: string): TextEdit[] {
  if (edit.documentChanges) {
    return edit.documentChanges.flatMap((change) =>
      'textDocument' in change && change.textDocument.uri === uri ? (change.edits as TextEdit[]) : [],
    );
  }
  return edit.changes?.[uri] ?? [];
}

/** The LSP range of `needle`'s `occurrence`-th appearance in a text of LF or CRLF lines. */
function rangeOf(text: string, needle: string, occurrence = 0): Range {
  const lines = text.split(/\r?\n/);
  let seen = 0;
  for (let line = 0; line < lines.length; line++) {
    let from = 0;
    for (;;) {
      const character = lines[line]!.indexOf(needle, from);
      if (character === -1) break;
      if (seen++ === occurrence)
        return { start: { line, character }, end: { line, character: character + needle.length } };
      from = character + 1;
    }
  }
  throw new Error(`${needle} is not in the text`);
}

async function actionsAt(client: TestClient, uri: string, range: Range, only?: string[]): Promise<CodeAction[]> {
  const diagnostics: Diagnostic[] = [];
  const result = await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range,
    context: { diagnostics, ...(only && { only }) },
  });
  return (result ?? []) as CodeAction[];
}

/** Applies an action's edit to the open document and sends the new text; returns it and its diagnostics. */
async function apply(
  client: TestClient,
  uri: string,
  text: string,
  action: CodeAction,
): Promise<{ text: string; diagnostics: Diagnostic[] }> {
  const edited = applyEdits(text, editsFor(action.edit!, uri));
  const version = await client.change(uri, [{ text: edited }]);
  return { text: edited, diagnostics: await client.diagnosticsAt(uri, version) };
}

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((diagnostic) => diagnostic.code);

describe('code actions of baihua lsp', () => {
  it('offers a finding’s fix as the preferred quick fix, then disabling the rule and fixing the whole file', async () => {
    const root = scratch(guidesDir);
    const path = join(root, ID_CARD);
    const text = idCardWithDefects();
    const client = await start(root, VERSIONED_EDITS);
    const uri = await client.open(path, text);
    const before = await client.diagnosticsAt(uri, 1);
    expect(codes(before)).toEqual(['plain/vague-reference', 'plain/nominalization', 'plain/jargon']);

    const range = rangeOf(text, '予以受理');
    const actions = await actionsAt(client, uri, range, ['quickfix']);
    expect(actions.map(({ title, kind, isPreferred }) => ({ title, kind, isPreferred }))).toEqual([
      { title: '改为「受理」', kind: 'quickfix', isPreferred: true },
      { title: '在这一行停用规则 plain/nominalization', kind: 'quickfix', isPreferred: undefined },
      { title: '修复本文件所有可安全修复的问题', kind: 'quickfix', isPreferred: undefined },
    ]);
    // Without `only` (the light bulb), the same quick fixes; the source action only when asked for by kind.
    expect((await actionsAt(client, uri, range)).map((action) => action.title)).toEqual(
      actions.map((action) => action.title),
    );
    expect((await actionsAt(client, uri, range, ['source.fixAll'])).map((action) => action.kind)).toEqual([
      'source.fixAll.baihua',
    ]);
    const fix = actions[0]!;
    expect(fix.diagnostics).toEqual([before[1]]);
    expect(fix.edit).toEqual({
      documentChanges: [{ textDocument: { uri, version: 1 }, edits: [{ range, newText: '受理' }] }],
    });

    const fixed = await apply(client, uri, text, fix);
    expect(fixed.text).toBe(text.replace('予以受理', '受理'));
    expect(codes(fixed.diagnostics)).toEqual(['plain/vague-reference', 'plain/jargon']);
  });

  it('offers each suggestion as a quick fix that is not preferred, with plain edits for a client without versioned edits', async () => {
    const root = scratch(guidesDir);
    const path = join(root, ID_CARD);
    const text = idCardWithDefects();
    const client = await start(root);
    const uri = await client.open(path, text);
    await client.diagnosticsAt(uri, 1);

    const range = rangeOf(text, '容缺受理');
    const actions = await actionsAt(client, uri, { start: range.start, end: range.start }, ['quickfix']);
    expect(actions.map((action) => action.title)).toEqual([
      '改为「容缺受理（材料缺一点也先收件，之后补交）」',
      '在 baihua.config.yaml 里把「容缺受理」列为不用解释的术语',
      '在这一行停用规则 plain/jargon',
    ]);
    const suggestion = actions[0]!;
    expect(suggestion.isPreferred).toBeUndefined();
    expect(suggestion.edit).toEqual({
      changes: { [uri]: [{ range, newText: '容缺受理（材料缺一点也先收件，之后补交）' }] },
    });
    const applied = await apply(client, uri, text, suggestion);
    expect(applied.text).toBe(text.replace('实行容缺受理', '实行容缺受理（材料缺一点也先收件，之后补交）'));
    expect(codes(applied.diagnostics)).toEqual(['plain/vague-reference', 'plain/nominalization']);
  });

  it('fixes every safe problem of the file in one edit, exactly as baihua lint --fix writes it, with a BOM and CRLF lines', async () => {
    const root = scratch(guidesDir);
    const path = join(root, ID_CARD);
    // A character outside the BMP before the findings counts two UTF-16 units in the editor's columns.
    const text = `\ufeff${idCardWithDefects()
      .replace('工作日下午来', '工作日下午来进行审核,𠀀予以受理')
      .replaceAll('\n', '\r\n')}`;
    const client = await start(root, VERSIONED_EDITS);
    const uri = await client.open(path, text);
    const before = await client.diagnosticsAt(uri, 1);
    expect(codes(before)).toEqual([
      'plain/vague-reference',
      'plain/nominalization',
      'plain/jargon',
      'plain/nominalization',
      'plain/typography',
      'plain/nominalization',
    ]);

    const range = rangeOf(text, '予以受理', 1);
    expect(before[5]!.range).toEqual(range);
    const actions = await actionsAt(client, uri, range, ['source.fixAll']);
    expect(actions.map(({ title, kind }) => ({ title, kind }))).toEqual([
      { title: '修复本文件所有可安全修复的问题', kind: 'source.fixAll.baihua' },
    ]);
    const fixed = await apply(client, uri, text, actions[0]!);

    writeFileSync(path, text);
    runCli(['lint', '--fix', path], { cwd: root });
    expect(fixed.text).toBe(readFileSync(path, 'utf8'));
    expect(fixed.text).toBe(text.replace('予以受理', '受理').replace('进行审核,𠀀予以受理', '审核，𠀀受理'));
    expect(codes(fixed.diagnostics)).toEqual(['plain/vague-reference', 'plain/jargon']);

    const quick = await actionsAt(client, uri, rangeOf(fixed.text, '受理', 2), ['quickfix']);
    expect(quick.map((action) => action.title)).not.toContain('修复本文件所有可安全修复的问题');
  });

  it('puts the quick fix of a finding after a BOM, a CRLF and a wide character at the finding’s exact range', async () => {
    const root = scratch(guidesDir);
    const path = join(root, ID_CARD);
    const text = `\ufeff${idCardWithDefects().replace('材料齐全的予以受理', '材料𠀀齐全的予以受理').replaceAll('\n', '\r\n')}`;
    const client = await start(root, VERSIONED_EDITS);
    const uri = await client.open(path, text);
    const before = await client.diagnosticsAt(uri, 1);
    const range = rangeOf(text, '予以受理');
    expect(before[1]).toMatchObject({ code: 'plain/nominalization', range });
    const [fix] = await actionsAt(client, uri, range, ['quickfix']);
    expect(editsFor(fix!.edit!, uri)).toEqual([{ range, newText: '受理' }]);
    const fixed = await apply(client, uri, text, fix!);
    expect(fixed.text).toBe(text.replace('予以受理', '受理'));
  });

  it('disables a rule for a line with a directive in the front matter, and in the Markdown body for two rules of one line', async () => {
    const root = scratch(guidesDir);
    const path = join(root, ID_CARD);
    let text = idCardWithDefects();
    const client = await start(root, VERSIONED_EDITS);
    const uri = await client.open(path, text);
    await client.diagnosticsAt(uri, 1);

    const disableIn = async (needle: string, ruleId: string) => {
      const actions = await actionsAt(client, uri, rangeOf(text, needle), ['quickfix']);
      const disable = actions.find((action) => action.title === `在这一行停用规则 ${ruleId}`)!;
      const applied = await apply(client, uri, text, disable);
      text = applied.text;
      return applied.diagnostics;
    };

    expect(codes(await disableIn('相关部门', 'plain/vague-reference'))).toEqual([
      'plain/nominalization',
      'plain/jargon',
    ]);
    expect(text).toBe(
      idCardWithDefects().replace(
        'department: 相关部门',
        '# baihua-disable-next-line plain/vague-reference\ndepartment: 相关部门',
      ),
    );
    expect(codes(await disableIn('予以受理', 'plain/nominalization'))).toEqual(['plain/jargon']);
    expect(codes(await disableIn('容缺受理', 'plain/jargon'))).toEqual([]);
    expect(text.split('\n').slice(127, 130)).toEqual([
      '',
      '<!-- baihua-disable-next-line plain/nominalization, plain/jargon -->',
      '窗口现场免费拍照，材料齐全的予以受理。本事项实行容缺受理，照片背景是白色。请穿深色、有领的上衣，不要穿白色衣服。',
    ]);
  });

  it('disables a rule in a .yaml guide: a YAML comment among the fields, an HTML comment in the body', async () => {
    const root = scratch(guidesDir);
    const path = join(root, DRIVING_LICENCE);
    const original = readFileSync(path, 'utf8');
    let text = original
      .replace('    issuer: 签发驾驶证的车辆管理所', '    issuer: 相关部门')
      .replace('## 办理前请确认\n', '## 办理前请确认\n\n    材料齐全的予以受理。\n');
    expect(text).not.toBe(original);
    const client = await start(root, VERSIONED_EDITS);
    const uri = await client.open(path, text);
    expect(codes(await client.diagnosticsAt(uri, 1))).toEqual(['plain/vague-reference', 'plain/nominalization']);

    for (const [needle, ruleId] of [
      ['相关部门', 'plain/vague-reference'],
      ['予以受理', 'plain/nominalization'],
    ] as const) {
      const actions = await actionsAt(client, uri, rangeOf(text, needle), ['quickfix']);
      const applied = await apply(client, uri, text, actions.find((action) => action.title.endsWith(ruleId))!);
      text = applied.text;
      if (ruleId === 'plain/nominalization') expect(applied.diagnostics).toEqual([]);
    }
    expect(text).toContain('    # baihua-disable-next-line plain/vague-reference\n    issuer: 相关部门\n');
    expect(text).toContain('\n    <!-- baihua-disable-next-line plain/nominalization -->\n    材料齐全的予以受理。\n');
  });

  it('lists a jargon term as needing no explanation in baihua.config.yaml, keeping the file as written', async () => {
    const root = scratch(guidesDir);
    const path = join(root, ID_CARD);
    const configPath = join(root, 'baihua.config.yaml');
    const config = readFileSync(configPath, 'utf8').replaceAll('\n', '\r\n');
    writeFileSync(configPath, config);
    const configLines = config.split('\r\n').length - 1;
    const text = idCardWithDefects();
    const client = await start(root, VERSIONED_EDITS);
    const uri = await client.open(path, text);
    await client.diagnosticsAt(uri, 1);

    const actions = await actionsAt(client, uri, rangeOf(text, '容缺受理'), ['quickfix']);
    const ignore = actions.find((action) => action.title.includes('列为不用解释的术语'))!;
    const configUri = uriOf(configPath);
    expect(ignore.edit!.documentChanges).toEqual([
      {
        textDocument: { uri: configUri, version: null },
        edits: [
          {
            // at the end of the file, which has no rules: section yet
            range: { start: { line: configLines, character: 0 }, end: { line: configLines, character: 0 } },
            newText: 'rules:\r\n  plain/jargon: [warn, {ignore: [容缺受理]}]\r\n',
          },
        ],
      },
    ]);
    const edited = applyEdits(config, editsFor(ignore.edit!, configUri));
    expect(edited).toBe(`${config}rules:\r\n  plain/jargon: [warn, {ignore: [容缺受理]}]\r\n`);

    const before = client.published.length;
    writeFileSync(configPath, edited);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: configUri, type: 2 }],
    });
    expect(codes(await client.diagnostics(uri, () => true, before))).toEqual([
      'plain/vague-reference',
      'plain/nominalization',
    ]);
    expect(fileURLToPath(configUri)).toBe(configPath);
  });
});

describe('hover of baihua lsp', () => {
  it('explains a finding: the rule, the message, why, the plain alternative and the rule’s page', async () => {
    const root = scratch(guidesDir);
    const path = join(root, ID_CARD);
    const text = idCardWithDefects();
    const client = await start(root);
    const uri = await client.open(path, text);
    await client.diagnosticsAt(uri, 1);
    const range = rangeOf(text, '予以受理');
    const hover = (await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: range.start.line, character: range.start.character + 1 },
    })) as Hover;
    expect(hover.range).toEqual(range);
    expect(hover.contents).toEqual({
      kind: 'markdown',
      value: [
        '**plain/nominalization** 虚化动词',
        '「予以受理」多了一个虚化动词，直接用后面的动词更清楚：改为「受理」',
        '**为什么：**进行审核、予以受理、加以说明里的“进行、予以、加以”不表达意思，只让句子变长变硬。“给予”后面两个词以内跟着动词的（按词性判断，如“给予支持”）也会被找出来；“给予补贴”这种后面是名词的不算。',
        '**怎么改：**删去虚化动词，直接用后面的动词：进行审核 → 审核，予以受理 → 受理。能安全修改的，--fix 会自动改。',
        '**可以这样改：**改为「受理」',
        `[说明页](${pathToFileURL(join(repoRoot, 'docs/rules/plain/nominalization.md')).href})`,
      ].join('\n\n'),
    });
  });

  it('describes a front-matter key from the guide schema: materials[0].form', async () => {
    const root = scratch(guidesDir);
    const path = join(root, ID_CARD);
    const text = readFileSync(path, 'utf8');
    const client = await start(root);
    const uri = await client.open(path, text);
    await client.diagnosticsAt(uri, 1);
    const written = rangeOf(text, 'form:');
    const range = { start: written.start, end: { line: written.start.line, character: written.start.character + 4 } };
    const hover = (await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: range.start,
    })) as Hover;
    expect(hover).toEqual({
      contents: {
        kind: 'markdown',
        value: [
          '**材料形式**（`form`）',
          '原件、复印件或电子材料；两种都要时写成列表，如 \\[原件, 复印件\\]。',
          '例子：\n\n```yaml\nform: 原件\n```',
        ].join('\n\n'),
      },
      range,
    });
    const materials = (await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: rangeOf(text, 'materials:').start.line, character: 3 },
    })) as Hover;
    expect((materials.contents as { value: string }).value).toBe(
      [
        '**申请材料**（`materials`）',
        '需要带或上传的每一份材料，逐项列出；不需要任何材料时写 \\[\\]。',
        '例子：\n\n```yaml\nmaterials:\n  - name: 居民户口簿\n    form: 原件\n    copies: 1\n    source: 自备\n```',
      ].join('\n\n'),
    );
  });
});
