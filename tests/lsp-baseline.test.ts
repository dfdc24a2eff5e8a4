/**
 * The language server honours the baseline the guide's configuration names (`baseline:`): the
 * findings it holds are grey hints saying 「（已记入基线）」, a new finding is a problem as usual,
 * and an edit of the baseline file is seen at once. Spoken to over stdio, as an editor does.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { guidesDir, runCli, scratch } from './helpers.js';
import { TestClient, uriOf } from './lsp-client.js';

const clients: TestClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) if (client.process.exitCode === null) client.process.kill();
});

const ID_CARD = '户籍/id-card-renewal.md';
const BASELINE = 'baihua-baseline.json';
const NOMINALIZATION = '「进行审核」多了一个虚化动词，直接用后面的动词更清楚：改为「审核」';
const TYPOGRAPHY = '中文里要用全角标点：把「,」改为「，」';
const NEW_PARAGRAPH = '窗口工作人员会进行核对。\n\n';
const NEW_FINDING =
  '146:8-146:10 warning plain/nominalization 「进行」多了一个虚化动词，直接用后面的动词更清楚：删去「进行」，直接用后面的动词';

/** `line:column-endLine:endColumn severity code message`, 1-based as the CLI counts. */
const shown = (diagnostics: Diagnostic[]) =>
  diagnostics.map(
    ({ range, severity, code, message }) =>
      `${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1} ` +
      `${severity === DiagnosticSeverity.Hint ? 'hint' : severity === DiagnosticSeverity.Warning ? 'warning' : 'error'} ` +
      `${code} ${message}`,
  );

/** The example guides with a sentence the id-card guide had when the baseline was recorded. */
function adoptedCatalog(): string {
  const root = scratch(guidesDir);
  const path = join(root, ID_CARD);
  writeFileSync(path, `${readFileSync(path, 'utf8')}\n工作人员会进行审核,审核通过后当场受理。\n`);
  writeFileSync(
    join(root, 'baihua.config.yaml'),
    `${readFileSync(join(root, 'baihua.config.yaml'), 'utf8')}baseline: ${BASELINE}\n`,
  );
  const recorded = runCli(['lint', '.', '--update-baseline'], { cwd: root });
  expect([recorded.code, recorded.stderr]).toEqual([0, '']);
  return root;
}

describe('the language server and the baseline', () => {
  it('shows baselined findings as hints, a new one as a problem, and follows edits of the baseline file', async () => {
    const root = adoptedCatalog();
    const { client } = await TestClient.start({ root, initializationOptions: { debounceMs: 10 } });
    clients.push(client);
    const path = join(root, ID_CARD);
    const uri = await client.open(path);
    expect(shown(await client.diagnosticsAt(uri, 1))).toEqual([
      `146:6-146:10 hint plain/nominalization ${NOMINALIZATION}（已记入基线）`,
      `146:10-146:11 hint plain/typography ${TYPOGRAPHY}（已记入基线）`,
    ]);

    // A new paragraph above, with the same kind of problem: the recorded findings move down and stay
    // hints; the new one is not in the baseline, and is a warning like any other.
    const version = await client.change(uri, [
      { range: { start: { line: 145, character: 0 }, end: { line: 145, character: 0 } }, text: NEW_PARAGRAPH },
    ]);
    expect(shown(await client.diagnosticsAt(uri, version))).toEqual([
      NEW_FINDING,
      `148:6-148:10 hint plain/nominalization ${NOMINALIZATION}（已记入基线）`,
      `148:10-148:11 hint plain/typography ${TYPOGRAPHY}（已记入基线）`,
    ]);

    // Someone empties the baseline (the catalog is to be clean now): the old findings are problems again.
    writeFileSync(join(root, BASELINE), '{\n  "version": 1,\n  "files": {}\n}\n');
    let before = client.published.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uriOf(join(root, BASELINE)), type: 2 }],
    });
    expect(shown(await client.diagnostics(uri, () => true, before))).toEqual([
      NEW_FINDING,
      `148:6-148:10 warning plain/nominalization ${NOMINALIZATION}`,
      `148:10-148:11 warning plain/typography ${TYPOGRAPHY}`,
    ]);

    // A baseline file broken by a merge: said once at the top, and every finding shown.
    writeFileSync(join(root, BASELINE), '<<<<<<< HEAD\n{}\n=======\n>>>>>>> main\n');
    before = client.published.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uriOf(join(root, BASELINE)), type: 2 }],
    });
    expect(shown(await client.diagnostics(uri, () => true, before))[0]).toBe(
      `1:1-1:1 warning baseline ${BASELINE}：基线文件里还有合并冲突的标记（<<<<<<<）：请改正，或删掉它再用 baihua lint --update-baseline 重新生成。在它改好之前，基线里的问题也照常显示`,
    );
    expect(await client.stop()).toBe(0);
  }, 120_000);
});
