import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { guidesDir, runCli, scratch } from './helpers.js';
import { TestClient, uriOf } from './lsp-client.js';

const clients: TestClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) if (client.process.exitCode === null) client.process.kill();
});

async function start(root: string) {
  const { client } = await TestClient.start({ root, initializationOptions: { debounceMs: 10 } });
  clients.push(client);
  return client;
}

const ID_CARD = '户籍/id-card-renewal.md';
const PASSPORT = '出入境/passport-application.md';

const catalogFindings = (diagnostics: Diagnostic[]) =>
  diagnostics
    .filter((diagnostic) => String(diagnostic.code).startsWith('catalog/'))
    .map((diagnostic) => ({
      code: diagnostic.code,
      line: diagnostic.range.start.line + 1,
      message: diagnostic.message,
    }));

/** The 0-based line of the first line of `text` starting with `prefix`. */
const lineOf = (text: string, prefix: string) => text.split('\n').findIndex((line) => line.startsWith(prefix));

describe('the language server knows the catalog', () => {
  it('reports a duplicate id typed into one open guide on both open guides, and forgets it when undone', async () => {
    const root = scratch(guidesDir);
    const client = await start(root);
    const passportUri = await client.open(join(root, PASSPORT));
    const idCardPath = join(root, ID_CARD);
    const idCardUri = await client.open(idCardPath);
    expect(catalogFindings(await client.diagnosticsAt(passportUri, 1))).toEqual([]);
    expect(catalogFindings(await client.diagnosticsAt(idCardUri, 1))).toEqual([]);

    const text = readFileSync(idCardPath, 'utf8');
    const idLine = lineOf(text, 'id:');
    const before = client.published.length;
    const version = await client.change(idCardUri, [
      {
        range: {
          start: { line: idLine, character: 4 },
          end: { line: idLine, character: 'id: id-card-renewal'.length },
        },
        text: 'passport-application',
      },
    ]);
    const onIdCard = catalogFindings(await client.diagnosticsAt(idCardUri, version));
    // It also lists itself as related now.
    const relatedLine = lineOf(text, 'related:') + 1;
    expect(onIdCard.map(({ code, line }) => [code, line])).toEqual([
      ['catalog/duplicate-id', idLine + 1],
      ['catalog/broken-related', relatedLine],
    ]);
    expect(onIdCard[0]!.message).toContain('出入境/passport-application.md');
    // The other open guide is checked again: it now shares its id (its text did not change).
    const onPassport = await client.diagnostics(
      passportUri,
      (params) => catalogFindings(params.diagnostics).length > 0,
      before,
    );
    // … and the id-card guide it names as related is gone.
    const passportRelated = lineOf(readFileSync(join(root, PASSPORT), 'utf8'), 'related:') + 1;
    expect(catalogFindings(onPassport).map(({ code, line }) => [code, line])).toEqual([
      ['catalog/duplicate-id', 3],
      ['catalog/broken-related', passportRelated],
    ]);
    expect(catalogFindings(onPassport)[0]!.message).toContain('户籍/id-card-renewal.md');

    const undone = await client.change(idCardUri, [{ text }]);
    expect(catalogFindings(await client.diagnosticsAt(idCardUri, undone))).toEqual([]);
    const published = client.published.length;
    expect(catalogFindings(await client.diagnostics(passportUri, () => true, published - 1))).toEqual([]);
  });

  it('reports a related id that names no guide, until a guide with that id appears on disk', async () => {
    const root = scratch(guidesDir);
    const client = await start(root);
    const path = join(root, ID_CARD);
    const text = readFileSync(path, 'utf8').replace(
      'related: [passport-application,',
      'related: [passport-renewal, passport-application,',
    );
    const uri = await client.open(path, text);
    const relatedLine = lineOf(text, 'related:') + 1;
    expect(catalogFindings(await client.diagnosticsAt(uri, 1)).map(({ code, line }) => [code, line])).toEqual([
      ['catalog/broken-related', relatedLine],
    ]);

    // A clerk adds the missing guide (here: a copy of the passport guide under the new id).
    const created = join(root, '出入境/passport-renewal.md');
    writeFileSync(
      created,
      readFileSync(join(root, PASSPORT), 'utf8')
        .replace('id: passport-application', 'id: passport-renewal')
        .replace(/basic: "\d+"/, 'basic: "000110601999"'),
    );
    const before = client.published.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uriOf(created), type: 1 }],
    });
    const after = await client.diagnostics(uri, () => true, before);
    expect(catalogFindings(after).map(({ code }) => code)).not.toContain('catalog/broken-related');
  });

  it('keeps the catalog current as files change on disk: a near-duplicate written elsewhere is reported', async () => {
    const root = scratch(guidesDir);
    const client = await start(root);
    const uri = await client.open(join(root, ID_CARD));
    expect(catalogFindings(await client.diagnosticsAt(uri, 1))).toEqual([]);

    // Another guide on disk is overwritten with the same text under another id and code.
    const other = join(root, PASSPORT);
    writeFileSync(
      other,
      readFileSync(join(root, ID_CARD), 'utf8')
        .replace('id: id-card-renewal', 'id: passport-application')
        .replace('basic: "000104101000"', 'basic: "000110601000"'),
    );
    const before = client.published.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uriOf(other), type: 2 }],
    });
    const after = await client.diagnostics(uri, () => true, before);
    const found = catalogFindings(after);
    expect(found.map(({ code }) => code)).toContain('catalog/near-duplicate');
    expect(found.find(({ code }) => code === 'catalog/near-duplicate')!.message).toContain(
      '出入境/passport-application.md',
    );
  });

  it('reads the summaries of unopened guides from the lint cache at start', async () => {
    const root = scratch(guidesDir);
    expect(runCli(['lint', '--cache', '.'], { cwd: root }).code).toBe(0);
    // The cached summary of the passport guide says it has the id-card guide's id: only a server
    // that reads the cache (the file on disk is unchanged, so the entry is valid) can know that.
    const cachePath = join(root, '.baihuacache');
    const cache = JSON.parse(readFileSync(cachePath, 'utf8')) as {
      entries: Record<string, { summary: { id: { value: string } } }>;
    };
    cache.entries[join(root, PASSPORT)]!.summary.id.value = 'id-card-renewal';
    writeFileSync(cachePath, JSON.stringify(cache));
    copyFileSync(cachePath, `${cachePath}.kept`);

    const client = await start(root);
    const uri = await client.open(join(root, ID_CARD));
    // … and that no guide has the id passport-application any more.
    expect(catalogFindings(await client.diagnosticsAt(uri, 1)).map(({ code }) => code)).toEqual([
      'catalog/duplicate-id',
      'catalog/broken-related',
    ]);
    // The server never writes the cache: that is baihua lint's.
    expect(readFileSync(cachePath, 'utf8')).toBe(readFileSync(`${cachePath}.kept`, 'utf8'));
  });
});
