/**
 * Journeys (一件事) in the editor, over stdio: the same findings as `baihua lint` as they are
 * typed, hover on a key from the journey schema, and the catalog's guide ids completed in a step.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CompletionList, DocumentSymbol, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { fixturesDir, scratch } from './helpers.js';
import { lintJson } from './cli-test-utils.js';
import { asFindings, lintFindings, TestClient } from './lsp-client.js';

const clients: TestClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) if (client.process.exitCode === null) client.process.kill();
});

async function start(root: string) {
  const { client } = await TestClient.start({ root, initializationOptions: { debounceMs: 10 } });
  clients.push(client);
  return client;
}

const catalog = join(fixturesDir, 'journeys');
const WRONG_ORDER = 'journeys/newborn-wrong-order.md';

describe('the language server on journeys', () => {
  it('shows what baihua lint finds in a journey, and clears a finding once the journey is fixed', async () => {
    const root = scratch(catalog);
    const client = await start(root);
    const path = join(root, WRONG_ORDER);
    const uri = await client.open(path);
    const { results } = lintJson([WRONG_ORDER], { cwd: root });
    const opened = asFindings(await client.diagnosticsAt(uri, 1));
    expect(opened).toEqual(lintFindings(results[0]!.messages));
    expect(opened.map((finding) => `${finding.line}:${finding.column} ${finding.ruleId}`)).toEqual([
      '8:14 journey/needs-later-result',
      '13:12 schema/enum',
      '16:23 journey/unused-name',
      '17:19 journey/over-target',
      '23:8 plain/classical-word',
    ]);

    // Birth certificate first, then the household registration: the ordering finding goes.
    const text = readFileSync(path, 'utf8');
    const fixed = text.replace(
      '  - title: 给宝宝报户口\n    guides: [newborn-household-registration]\n  - title: 办出生医学证明\n    guides: [birth-medical-certificate]\n',
      '  - title: 办出生医学证明\n    guides: [birth-medical-certificate]\n  - title: 给宝宝报户口\n    guides: [newborn-household-registration]\n',
    );
    const version = await client.change(uri, [{ text: fixed }]);
    const after = asFindings(await client.diagnosticsAt(uri, version));
    expect(after.map((finding) => `${finding.line}:${finding.column} ${finding.ruleId}`)).toEqual([
      '13:12 schema/enum',
      '16:23 journey/unused-name',
      '17:19 journey/over-target',
      '23:8 plain/classical-word',
    ]);
  });

  it('lints an open journey again when a guide it names is edited', async () => {
    const root = scratch(catalog);
    const client = await start(root);
    const journeyUri = await client.open(join(root, WRONG_ORDER));
    await client.diagnosticsAt(journeyUri, 1);
    const guidePath = join(root, 'guides/newborn-household-registration.md');
    const guideUri = await client.open(guidePath);
    await client.diagnosticsAt(guideUri, 1);
    const before = client.published.length;
    // The guide now calls the birth certificate by its own name: the journey's link is unused.
    const text = readFileSync(guidePath, 'utf8');
    await client.change(guideUri, [{ text: text.replace('新生儿出生医学证明', '出生医学证明') }]);
    const again = await client.diagnostics(
      journeyUri,
      (params) => params.diagnostics.filter((diagnostic) => diagnostic.code === 'journey/unused-name').length === 2,
      before,
    );
    expect(
      asFindings(again)
        .filter((finding) => String(finding.ruleId).startsWith('journey/'))
        .map((finding) => `${finding.line}:${finding.column} ${finding.ruleId}`),
    ).toEqual([
      '8:14 journey/needs-later-result',
      '16:12 journey/unused-name',
      '16:23 journey/unused-name',
      '17:19 journey/over-target',
    ]);
  });

  it('explains and outlines a journey by the journey schema, and completes the guide ids of a step from the catalog', async () => {
    const root = scratch(catalog);
    const client = await start(root);
    const path = join(root, 'journeys/newborn.md');
    const uri = await client.open(path);
    await client.diagnosticsAt(uri, 1);
    const lines = readFileSync(path, 'utf8').split('\n');
    const logicLine = lines.findIndex((line) => line.startsWith('    logic:'));
    const hover = await client.connection.sendRequest<Hover>('textDocument/hover', {
      textDocument: { uri },
      position: { line: logicLine, character: 6 },
    });
    expect((hover.contents as MarkupContent).value.split('\n\n').slice(0, 2)).toEqual([
      '**几项怎么办**（`logic`）',
      '这一步有几项服务时：全部（每项都要办），或任选一项（按自己的情况选一项办）。',
    ]);

    // The outline names the journey's fields by the journey schema's titles.
    const symbols = await client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri },
    });
    expect(symbols.slice(0, 6).map((symbol) => [symbol.name, symbol.detail])).toEqual([
      ['id', '标识'],
      ['title', '一件事名称'],
      ['summary', '一句话说明'],
      ['life_event', '人生事件'],
      ['department', '牵头单位'],
      ['steps', '办理步骤'],
    ]);
    expect(symbols[5]!.children!.map((step) => [step.name, step.detail])).toEqual([
      ['办出生医学证明', '步骤'],
      ['给宝宝报户口', '步骤'],
      ['办预防接种证', '步骤'],
      ['参加医保、办社保卡', '步骤'],
    ]);

    // In the list of the first step's guides, after its one id.
    const guidesLine = lines.findIndex((line) => line.startsWith('    guides: [birth-medical-certificate'));
    const version = await client.change(uri, [
      {
        range: {
          start: { line: guidesLine, character: '    guides: [birth-medical-certificate'.length },
          end: { line: guidesLine, character: '    guides: [birth-medical-certificate'.length },
        },
        text: ', ',
      },
    ]);
    await client.diagnosticsAt(uri, version);
    const list = await client.connection.sendRequest<CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: { line: guidesLine, character: '    guides: [birth-medical-certificate, '.length },
    });
    expect(list.items.map((item) => [item.label, item.detail])).toEqual([
      ['newborn-household-registration', '新生儿出生登记'],
      ['newborn-medical-insurance', '新生儿城乡居民医保参保登记'],
      ['social-security-card', '社会保障卡首次申领'],
      ['vaccination-certificate-community', '在社区卫生服务中心办理预防接种证'],
      ['vaccination-certificate-hospital', '在出生医院办理预防接种证'],
    ]);
  });
});
