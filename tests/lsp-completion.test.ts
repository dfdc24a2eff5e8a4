import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  CodeLens,
  CompletionItem,
  CompletionList,
  DocumentSymbol,
  FoldingRange,
} from 'vscode-languageserver-protocol/node';
import { guidesDir, runCli, scratch } from './helpers.js';
import { TestClient } from './lsp-client.js';

const clients: TestClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) if (client.process.exitCode === null) client.process.kill();
});

async function start(root: string, capabilities?: Record<string, unknown>) {
  const { client } = await TestClient.start({ root, ...(capabilities && { capabilities }) });
  clients.push(client);
  return client;
}

const ID_CARD = '户籍/id-card-renewal.md';
const PASSPORT = '出入境/passport-application.md';

async function complete(client: TestClient, uri: string, line: number, character: number): Promise<CompletionItem[]> {
  const list = await client.connection.sendRequest<CompletionList>('textDocument/completion', {
    textDocument: { uri },
    position: { line, character },
  });
  return list.items;
}

const labels = (items: CompletionItem[]) => items.map((item) => item.label);

/** The 0-based line of the first line of `text` that is `line` (or starts with it). */
function lineOf(text: string, line: string, from = 0): number {
  const found = text.split('\n').findIndex((candidate, index) => index >= from && candidate.startsWith(line));
  if (found === -1) throw new Error(`no line ${line}`);
  return found;
}

/** The guide with a line inserted before line `before` (0-based). */
function withLine(text: string, before: number, line: string): string {
  const lines = text.split('\n');
  lines.splice(before, 0, line);
  return lines.join('\n');
}

const range = (line: number, start: number, end: number) => ({
  start: { line, character: start },
  end: { line, character: end },
});

describe('completion', () => {
  it('offers the front-matter keys not yet written, at the top level and in a material, while the YAML does not parse', async () => {
    const root = scratch(guidesDir);
    const path = join(root, ID_CARD);
    const original = readFileSync(path, 'utf8');
    const closing = lineOf(original, '---', 1);
    const text = withLine(original, closing, '');
    const client = await start(root);
    const uri = await client.open(path, text);
    await client.diagnosticsAt(uri, 1);

    const topLevel = await complete(client, uri, closing, 0);
    const unwritten = [
      'region',
      'quantity_limit',
      'appointment',
      'express',
      'special_procedures',
      'pledge',
      'alert',
      'status',
      'change_note',
      'life_events',
    ];
    expect(labels(topLevel)).toEqual(unwritten);
    expect(topLevel.find((item) => item.label === 'status')).toEqual({
      label: 'status',
      kind: 10,
      detail: '事项状态',
      documentation: {
        kind: 'markdown',
        value:
          '在办、暂停办理、已取消，或草稿：从平台表格或网页导入、还没写完的指南是草稿，检查时缺的字段合成一条提示；草稿和已取消的事项不发布。\n\n例：`在办`',
      },
      sortText: '0007',
      filterText: 'status',
      textEdit: { range: range(closing, 0, 0), newText: 'status: ' },
      insertTextFormat: 1,
    });

    // Half typed: `sta` without its colon, and the YAML no longer parses.
    const halfTyped = withLine(original, closing, 'sta');
    const version = await client.change(uri, [{ text: halfTyped }]);
    expect((await client.diagnosticsAt(uri, version)).map((diagnostic) => diagnostic.code)).toContain('syntax/yaml');
    const typed = await complete(client, uri, closing, 3);
    expect(labels(typed)).toEqual(unwritten);
    expect(typed[7]!.textEdit).toEqual({ range: range(closing, 0, 3), newText: 'status: ' });

    // In the first material, after its `form`: the keys a material may still have.
    const form = lineOf(original, '    form: 原件');
    await client.change(uri, [{ text: withLine(original, form + 1, '    ') }]);
    expect(labels(await complete(client, uri, form + 1, 4))).toEqual([
      'situation',
      'requirements',
      'paper',
      'exempt',
      'basis',
      'pledge',
      'blank_form',
      'sample',
      'fill_notes',
    ]);
    // Inside `time_limit`, half typed: the durations not written yet.
    const promised = lineOf(original, '  promised:');
    await client.change(uri, [{ text: withLine(original, promised + 1, '  ac') }]);
    const inTimeLimit = await complete(client, uri, promised + 1, 4);
    expect(inTimeLimit.map((item) => [item.label, item.detail, item.textEdit])).toEqual([
      ['acceptance', '受理时限', { range: range(promised + 1, 2, 4), newText: 'acceptance: ' }],
    ]);
  });

  it('offers snippets to a client that takes them: a list item, a mapping, a choice of the enum', async () => {
    const root = scratch(guidesDir);
    const path = join(root, ID_CARD);
    const original = readFileSync(path, 'utf8');
    const closing = lineOf(original, '---', 1);
    const client = await start(root, {
      textDocument: {
        completion: { completionItem: { snippetSupport: true, insertTextModeSupport: { valueSet: [1, 2] } } },
      },
    });
    const uri = await client.open(path, withLine(original, closing, ''));
    const items = await complete(client, uri, closing, 0);
    expect(
      items.map((item) => [item.label, item.textEdit?.newText, item.insertTextFormat, item.insertTextMode]),
    ).toEqual([
      ['region', 'region:\n  $0', 2, 1],
      ['quantity_limit', 'quantity_limit: $0', 2, 1],
      ['appointment', 'appointment: $0', 2, 1],
      ['express', `express: \${1|true,false|}`, 2, 1],
      ['special_procedures', 'special_procedures:\n  - $0', 2, 1],
      ['pledge', `pledge: \${1|true,false|}`, 2, 1],
      ['alert', 'alert:\n  $0', 2, 1],
      ['status', `status: \${1|在办,暂停办理,已取消,草稿|}`, 2, 1],
      ['change_note', 'change_note: $0', 2, 1],
      ['life_events', 'life_events:\n  - $0', 2, 1],
    ]);
  });

  it('offers the values of an enum: the form of a material, alone or in a list, and the audience with its synonyms', async () => {
    const root = scratch(guidesDir);
    const path = join(root, ID_CARD);
    const original = readFileSync(path, 'utf8');
    const client = await start(root);
    const form = lineOf(original, '    form: 原件');
    const text = original.replace('audience: [个人]', 'audience: [市民]');
    const uri = await client.open(path, text);

    const forms = await complete(client, uri, form, '    form: 原'.length);
    expect(forms.map((item) => [item.label, item.detail, item.textEdit])).toEqual([
      ['原件', '材料形式', { range: range(form, 10, 12), newText: '原件' }],
      ['复印件', '材料形式', { range: range(form, 10, 12), newText: '复印件' }],
      ['电子', '材料形式', { range: range(form, 10, 12), newText: '电子' }],
    ]);

    await client.change(uri, [{ text: text.replace('    form: 原件', '    form: [原件, ]') }]);
    // what the list has already is left out
    const inList = await complete(client, uri, form, '    form: [原件, '.length);
    expect(inList.map((item) => [item.label, item.textEdit])).toEqual([
      ['复印件', { range: range(form, 15, 15), newText: '复印件' }],
      ['电子', { range: range(form, 15, 15), newText: '电子' }],
    ]);

    const audience = lineOf(text, 'audience:');
    const audiences = await complete(client, uri, audience, 'audience: [市民'.length);
    expect(labels(audiences)).toEqual(['个人', '法人', '其他组织']);
    expect(audiences[0]).toMatchObject({
      filterText: '个人 市民 居民 群众 自然人 公民 本人',
      textEdit: { range: range(audience, 11, 13), newText: '个人' },
      documentation: {
        value: expect.stringContaining('也写作：市民、居民、群众、自然人、公民、本人（白话会改成「个人」）'),
      },
    });
  });

  it("offers the material names, departments, places and guide ids of the rest of the catalog, another guide's unsaved edit included", async () => {
    const root = scratch(guidesDir);
    const client = await start(root);
    const passportPath = join(root, PASSPORT);
    const passportUri = await client.open(passportPath);
    await client.diagnosticsAt(passportUri, 1);
    const edited = readFileSync(passportPath, 'utf8').replace(
      '  - name: 单位同意申请普通护照的意见',
      '  - name: 国家工作人员出国（境）备案表',
    );
    const passportVersion = await client.change(passportUri, [{ text: edited }]);
    await client.diagnosticsAt(passportUri, passportVersion);

    const path = join(root, ID_CARD);
    const original = readFileSync(path, 'utf8');
    const steps = lineOf(original, 'steps:');
    const opened = withLine(original, steps, '  - name: ');
    const uri = await client.open(path, opened);
    const names = await complete(client, uri, steps, '  - name: '.length);
    expect(labels(names)).toContain('国家工作人员出国（境）备案表');
    expect(labels(names)).not.toContain('单位同意申请普通护照的意见');
    expect(names.slice(0, 3).map((item) => [item.label, item.detail, item.kind, item.textEdit])).toEqual([
      ['居民身份证', '材料名称（目录里 6 份指南用过）', 12, { range: range(steps, 10, 10), newText: '居民身份证' }],
      // as many guides: in the order of their pinyin
      [
        '监护人的居民身份证',
        '材料名称（目录里 3 份指南用过）',
        12,
        { range: range(steps, 10, 10), newText: '监护人的居民身份证' },
      ],
      ['居民户口簿', '材料名称（目录里 3 份指南用过）', 12, { range: range(steps, 10, 10), newText: '居民户口簿' }],
    ]);

    const department = lineOf(original, 'department:');
    const departments = await complete(client, uri, department, 'department: '.length);
    expect(departments).toHaveLength(18);
    // the guide's own department counts only as the other guides use it: 报户口's
    expect(departments.find((item) => item.label === '青禾市公安局东湖分局户政科')?.detail).toBe(
      '实施主体（目录里 1 份指南用过）',
    );
    expect(departments.find((item) => item.label === '青禾市公安局出入境管理支队')).toMatchObject({
      detail: '实施主体（目录里 1 份指南用过）',
      textEdit: { range: range(department, 12, 25), newText: '青禾市公安局出入境管理支队' },
    });

    // The places other guides name, so that one place is written one way across the catalog.
    const location = lineOf(opened, '  - name: 东湖区政务服务中心');
    const locations = await complete(client, uri, location, '  - name: '.length);
    expect(locations[0]).toMatchObject({
      label: '东湖区政务服务中心',
      detail: '地点名称（目录里 12 份指南用过）',
      textEdit: { range: range(location, 10, 19), newText: '东湖区政务服务中心' },
    });

    // related: the ids of the other guides, with their titles.
    const related = lineOf(opened, 'related:');
    const ids = await complete(client, uri, related, 'related: ['.length);
    // all but the two the list names after the first
    expect(ids).toHaveLength(18);
    expect(labels(ids)).toContain('passport-application');
    expect(labels(ids)).not.toContain('minimum-living-allowance');
    expect(labels(ids)).not.toContain('driving-licence-renewal');
    expect(ids.slice(0, 2).map((item) => [item.label, item.detail, item.kind, item.textEdit])).toEqual([
      [
        'birth-medical-certificate',
        '出生医学证明首次签发',
        18,
        { range: range(related, 10, 30), newText: 'birth-medical-certificate' },
      ],
      [
        'company-registration',
        '有限责任公司设立登记',
        18,
        { range: range(related, 10, 30), newText: 'company-registration' },
      ],
    ]);
  });

  it('offers rule ids with their titles, severities, option names and values, and presets in baihua.config.yaml', async () => {
    const root = scratch(guidesDir);
    const configPath = join(root, 'baihua.config.yaml');
    const original = readFileSync(configPath, 'utf8');
    const text = `${original}rules:\n  plain/third-person: [warn, { pronoun: 你,  }]\n  \n`;
    const lines = text.split('\n');
    const ruleLine = lines.length - 3;
    const client = await start(root);
    const uri = await client.open(configPath, text);

    const ids = await complete(client, uri, ruleLine + 1, 2);
    expect(labels(ids)).not.toContain('plain/third-person');
    expect(labels(ids)).not.toContain('syntax/yaml'); // cannot be configured
    expect(labels(ids).slice(0, 3)).toEqual(['syntax/ignored-tag', 'schema/required', 'schema/type']);
    expect(ids.find((item) => item.label === 'plain/jargon')).toMatchObject({
      detail: '术语要解释',
      documentation: { value: expect.stringContaining('一网通办、容缺受理、告知承诺') },
      textEdit: { range: range(ruleLine + 1, 2, 2), newText: 'plain/jargon: ' },
    });

    const severities = await complete(client, uri, ruleLine, '  plain/third-person: [w'.length);
    expect(severities.map((item) => [item.label, item.detail, item.textEdit])).toEqual([
      ['off', '关闭', { range: range(ruleLine, 23, 27), newText: 'off' }],
      ['warn', '警告', { range: range(ruleLine, 23, 27), newText: 'warn' }],
      ['error', '错误', { range: range(ruleLine, 23, 27), newText: 'error' }],
    ]);

    const optionColumn = '  plain/third-person: [warn, { pronoun: 你, '.length;
    const options = await complete(client, uri, ruleLine, optionColumn);
    expect(options.map((item) => [item.label, item.textEdit])).toEqual([
      ['allow', { range: range(ruleLine, optionColumn, optionColumn), newText: 'allow: ' }],
    ]);
    const pronouns = await complete(client, uri, ruleLine, '  plain/third-person: [warn, { pronoun: '.length);
    expect(labels(pronouns)).toEqual(['您', '你']);

    // A preset the configuration extends is configuration too.
    const presetPath = join(root, 'base.yaml');
    writeFileSync(presetPath, 'rules:\n  plain/jargon: warn\n  \n');
    writeFileSync(configPath, original.replace('extends: [recommended]', 'extends: [recommended, ./base.yaml]'));
    const presetUri = await client.open(presetPath);
    const inPreset = await complete(client, presetUri, 2, 2);
    expect(labels(inPreset)).toContain('plain/third-person');
    expect(labels(inPreset)).not.toContain('plain/jargon');

    const extendsLine = lineOf(text, 'extends:');
    const presets = await complete(client, uri, extendsLine, 'extends: ['.length);
    expect(presets.map((item) => [item.label, item.detail, item.textEdit])).toEqual([
      ['recommended', '内置预设', { range: range(extendsLine, 10, 21), newText: 'recommended' }],
    ]);
  });

  it('offers nothing in the Markdown body, nor in a file outside a Baihua project', async () => {
    const root = scratch(guidesDir);
    const path = join(root, ID_CARD);
    const text = readFileSync(path, 'utf8');
    const client = await start(root);
    const uri = await client.open(path, text);
    const heading = lineOf(text, '## 办理前请确认');
    expect(await complete(client, uri, heading + 1, 0)).toEqual([]);

    const outside = scratch();
    const notes = join(outside, 'notes.md');
    writeFileSync(notes, '---\nid: notes\n\n---\n');
    const elsewhere = await start(outside);
    const notesUri = await elsewhere.open(notes);
    expect(await complete(elsewhere, notesUri, 2, 0)).toEqual([]);
  });
});

describe('outline, folding and readability', () => {
  it('gives the outline of id-card-renewal.md: fields, materials and steps by name, headings as sections', async () => {
    const root = scratch(guidesDir);
    const path = join(root, ID_CARD);
    const text = readFileSync(path, 'utf8');
    const client = await start(root);
    const uri = await client.open(path, text);
    const symbols = await client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri },
    });
    expect(symbols.map((symbol) => symbol.name)).toEqual([
      'id',
      'codes',
      'title',
      'aliases',
      'summary',
      'type',
      'level',
      'department',
      'category',
      'audience',
      'legal_basis',
      'conditions',
      'exclusions',
      'materials',
      'steps',
      'handling',
      'time_limit',
      'fees',
      'visits',
      'visits_reason',
      'online',
      'locations',
      'contacts',
      'result',
      'faq',
      'related',
      'keywords',
      'access',
      'owner',
      'reviewed',
      '办理前请确认',
      '拍照前的准备',
      '办理小贴士',
      '办不成的常见原因',
    ]);
    const byName = (name: string) => symbols.find((symbol) => symbol.name === name)!;
    expect(byName('title')).toEqual({
      name: 'title',
      detail: '事项名称',
      kind: 7,
      range: range(5, 0, 14),
      selectionRange: range(5, 0, 5),
      children: [],
    });
    const materials = byName('materials');
    expect(materials).toMatchObject({
      detail: '申请材料',
      kind: 18,
      range: { start: { line: 24 }, end: { line: 47 } },
    });
    expect(materials.children!.map((material) => material.name)).toEqual([
      '原居民身份证',
      '居民户口簿',
      '监护人的居民身份证',
    ]);
    expect(materials.children![0]).toMatchObject({
      detail: '材料',
      kind: 19,
      range: { start: { line: 25, character: 4 }, end: { line: 31, character: 41 } },
      selectionRange: range(25, 10, 16),
    });
    expect(materials.children![1]!.children!.map((field) => field.name)).toEqual([
      'name',
      'need',
      'form',
      'source',
      'issuer',
      'exempt',
    ]);
    expect(byName('steps').children!.map((step) => [step.name, step.detail])).toEqual([
      ['网上预约', '步骤'],
      ['到窗口办理', '步骤'],
      ['交工本费', '步骤'],
      ['领取新证', '步骤'],
    ]);
    const heading = lineOf(text, '## 办理前请确认');
    expect(byName('办理前请确认')).toEqual({
      name: '办理前请确认',
      kind: 15,
      range: { start: { line: heading, character: 0 }, end: { line: heading + 5, character: 29 } },
      selectionRange: range(heading, 3, 9),
      children: [],
    });
  });

  it('folds the front matter, each field, material and section written on several lines, and lists', async () => {
    const root = scratch(guidesDir);
    const path = join(root, ID_CARD);
    const text = readFileSync(path, 'utf8');
    const client = await start(root);
    const uri = await client.open(path, text);
    const ranges = await client.connection.sendRequest<FoldingRange[]>('textDocument/foldingRange', {
      textDocument: { uri },
    });
    const closing = lineOf(text, '---', 1);
    const section = lineOf(text, '## 办理前请确认');
    const exempt = lineOf(text, '    exempt:');
    expect(ranges).toEqual(
      expect.arrayContaining([
        { startLine: 0, endLine: closing },
        { startLine: 24, endLine: 47 }, // materials
        { startLine: 25, endLine: 31 }, // 原居民身份证
        { startLine: exempt, endLine: exempt + 2 },
        { startLine: section, endLine: section + 5 },
        { startLine: section + 2, endLine: section + 5 }, // its list
      ]),
    );
    // one line, nothing to fold: `title`, the one-line `time_limit.statutory`
    expect(ranges.filter((folding) => folding.startLine === 5 || folding.startLine === 65)).toEqual([]);
  });

  it('shows the readability grade as baihua stats gives it, on the title line and in a baihua/readability notification', async () => {
    const root = scratch(guidesDir);
    const path = join(root, ID_CARD);
    const client = await start(root);
    const grades: unknown[] = [];
    client.connection.onNotification('baihua/readability', (params) => {
      grades.push(params);
    });
    const uri = await client.open(path);
    await client.diagnosticsAt(uri, 1);
    const lenses = await client.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });

    const stats = JSON.parse(runCli(['stats', '--format', 'json', ID_CARD], { cwd: root }).stdout) as Array<{
      readability: { score: number; band: string };
    }>;
    const { score, band } = stats[0]!.readability;
    expect(lenses).toEqual([
      {
        range: range(5, 0, 0),
        command: { title: `易读分 ${score} · ${band}`, command: 'baihua.showReadability', arguments: [uri] },
      },
    ]);
    expect(grades).toEqual([{ uri, version: 1, scored: true, score, grade: band }]);
  });
});
