/**
 * The language server in a real editor: Debian's Neovim (0.7), headless, configured with the
 * README's Neovim 0.7 snippet exactly, opens a guide, shows the server's diagnostic, applies its
 * quick fix and sees the diagnostic go. The Lua steps write what Neovim saw to a JSON file.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath, guidesDir, repoRoot, scratch } from './helpers.js';

const nvimMissing = spawnSync('nvim', ['--version']).error !== undefined;
if (nvimMissing) {
  console.warn(
    "tests/lsp-neovim.test.ts skipped: no nvim on the PATH (bash scripts/setup.sh installs Debian's neovim)",
  );
}

/** A hang guard for each wait inside Neovim, never a measure: the machine may be slow and busy. */
const HANG_GUARD_MS = 120_000;

/** The README's configuration for Neovim 0.7: the ```lua block that starts with this comment. */
function readmeNeovim07Config(): string {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const block = /^```lua\n(-- Neovim 0\.7[^\n]*\n[\s\S]*?)^```$/m.exec(readme);
  if (!block) throw new Error('README.md has no ```lua block starting with "-- Neovim 0.7"');
  return block[1]!;
}

/** Test only, before the configuration: every diagnostics notification as the server sent it. */
const RECORD_PUBLISHED = `
baihua_published = {}
local show = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  table.insert(baihua_published, result)
  return show(err, result, ctx, config)
end
`;

/** What a clerk does in the guide's buffer, run once Neovim has opened it. */
const STEPS = `
local hang_guard_ms = ${HANG_GUARD_MS}
local results = {}

local function wait_for(what, condition)
  if not vim.wait(hang_guard_ms, condition, 20) then error('no ' .. what .. ' within the hang guard') end
end

local function shown(bufnr)
  return vim.tbl_map(function(d)
    return { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, severity = d.severity,
      code = d.code, message = d.message, source = d.source }
  end, vim.diagnostic.get(bufnr))
end

-- The diagnostics the server published for the buffer's current text.
local function published_now(bufnr)
  local uri, version = vim.uri_from_bufnr(bufnr), vim.lsp.util.buf_versions[bufnr]
  for i = #baihua_published, 1, -1 do
    local params = baihua_published[i]
    if params.uri == uri and params.version == version then return params end
  end
end

local function run()
  local bufnr = vim.api.nvim_get_current_buf()
  wait_for('baihua client attached to the guide', function() return next(vim.lsp.buf_get_clients(bufnr)) end)
  local _, client = next(vim.lsp.buf_get_clients(bufnr))
  results.client = { name = client.name, offset_encoding = client.offset_encoding }

  wait_for('diagnostics of the opened guide', function() return published_now(bufnr) end)
  results.opened = { published = published_now(bufnr).diagnostics, shown = shown(bufnr) }

  -- The code actions vim.lsp.buf.code_action() asks for with the cursor on the finding (0.7 sends
  -- the line's diagnostics with byte columns), synchronously.
  local finding = vim.diagnostic.get(bufnr)[1]
  vim.api.nvim_win_set_cursor(0, { finding.lnum + 1, finding.col })
  local params = vim.lsp.util.make_range_params(0, client.offset_encoding)
  params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr) }
  local responses, request_error = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, hang_guard_ms)
  if not responses then error('textDocument/codeAction: ' .. tostring(request_error)) end
  local response = responses[client.id]
  if response.error then error('textDocument/codeAction: ' .. vim.inspect(response.error)) end
  local actions = response.result or {}
  results.actions = vim.tbl_map(function(action)
    return { title = action.title, kind = action.kind or vim.NIL, preferred = action.isPreferred or false }
  end, actions)

  local quick_fix = vim.tbl_filter(function(action) return action.isPreferred end, actions)[1]
  if not quick_fix then error('no preferred quick fix among ' .. vim.inspect(results.actions)) end
  vim.lsp.util.apply_workspace_edit(quick_fix.edit, client.offset_encoding)
  results.fixed = {
    text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, true), '\\n'),
    modified = vim.api.nvim_buf_get_option(bufnr, 'modified'),
  }
  wait_for('diagnostics of the fixed text', function() return published_now(bufnr) end)
  results.fixed.published = published_now(bufnr).diagnostics
  results.fixed.shown = shown(bufnr)
end

-- Whatever happens, Neovim writes what it saw and quits: a headless Neovim with an error waits forever.
local ran, err = xpcall(run, debug.traceback)
if not ran then results.error = err end
local wrote, write_error = pcall(function()
  local file = assert(io.open(vim.env.BAIHUA_NVIM_RESULTS, 'w'))
  file:write(vim.fn.json_encode(results))
  file:close()
end)
if not wrote then io.stderr:write(write_error) end
vim.cmd((ran and wrote) and 'qall!' or '1cquit')
`;

interface ShownDiagnostic {
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  severity: number;
  code: string;
  message: string;
  source: string;
}

interface NeovimResults {
  error?: string;
  client?: { name: string; offset_encoding: string };
  opened?: {
    published: Array<{ code: string; message: string; range: unknown }>;
    shown: ShownDiagnostic[];
  };
  actions?: Array<{ title: string; kind: string | null; preferred: boolean }>;
  fixed?: { text: string; modified: boolean; published: unknown[]; shown: ShownDiagnostic[] };
}

/** Neovim, headless, editing `file` in `root` with the README's configuration; `baihua` on its PATH. */
async function runNeovim(root: string, file: string): Promise<{ results: NeovimResults; log: string }> {
  const home = scratch();
  const bin = join(home, 'bin');
  mkdirSync(bin);
  // As the README says to install it from a clone.
  symlinkSync(cliPath, join(bin, 'baihua'));
  const init = join(home, 'init.lua');
  writeFileSync(init, RECORD_PUBLISHED + readmeNeovim07Config());
  const steps = join(home, 'steps.lua');
  writeFileSync(steps, STEPS);
  const resultsPath = join(home, 'results.json');
  // The steps quit Neovim; the last command quits it when they could not even start.
  const args = ['--headless', '--clean', '-n', '-i', 'NONE', '-u', init, '-c', `luafile ${steps}`, '-c', '1cquit'];
  const child = spawn('nvim', [...args, file], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PATH: [bin, dirname(process.execPath), process.env.PATH].join(delimiter),
      XDG_CONFIG_HOME: join(home, 'config'),
      XDG_DATA_HOME: join(home, 'data'),
      XDG_STATE_HOME: join(home, 'state'),
      XDG_CACHE_HOME: join(home, 'cache'),
      BAIHUA_NVIM_RESULTS: resultsPath,
    },
    timeout: 4 * HANG_GUARD_MS,
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const lspLog = join(home, 'cache/nvim/lsp.log');
  const log = `nvim exited ${code}\n${output}\n${existsSync(lspLog) ? readFileSync(lspLog, 'utf8') : ''}`;
  if (!existsSync(resultsPath)) throw new Error(`Neovim wrote no results:\n${log}`);
  return { results: JSON.parse(readFileSync(resultsPath, 'utf8')) as NeovimResults, log };
}

describe.skipIf(nvimMissing)('Neovim 0.7 with the README configuration', () => {
  it('shows the finding of baihua lint on the opened guide, applies its quick fix, and the finding goes', {
    timeout: 6 * HANG_GUARD_MS,
  }, async () => {
    const root = scratch(guidesDir);
    const path = '户籍/id-card-renewal.md';
    const text = readFileSync(join(root, path), 'utf8');
    const defective = text.replace('窗口现场免费拍照，照片背景是白色。', '材料齐全的，窗口予以受理。');
    writeFileSync(join(root, path), defective);

    const { results, log } = await runNeovim(root, path);
    expect(results.error, log).toBeUndefined();
    expect(results.client).toEqual({ name: 'baihua', offset_encoding: 'utf-16' });
    const message = '「予以受理」多了一个虚化动词，直接用后面的动词更清楚：改为「受理」';
    // Line 128, columns 9–13 as baihua lint says; Neovim's columns count bytes (three per character here).
    expect(results.opened!.published.map(({ code, message, range }) => ({ code, message, range }))).toEqual([
      {
        code: 'plain/nominalization',
        message,
        range: { start: { line: 127, character: 8 }, end: { line: 127, character: 12 } },
      },
    ]);
    expect(results.opened!.shown).toEqual([
      {
        lnum: 127,
        col: 24,
        end_lnum: 127,
        end_col: 36,
        severity: 2,
        code: 'plain/nominalization',
        message,
        source: 'baihua',
      },
    ]);

    // The light bulb's menu at the finding; the preferred one is applied.
    expect(results.actions).toEqual([
      { title: '改为「受理」', kind: 'quickfix', preferred: true },
      { title: '在这一行停用规则 plain/nominalization', kind: 'quickfix', preferred: false },
      { title: '修复本文件所有可安全修复的问题', kind: 'quickfix', preferred: false },
    ]);
    expect(results.fixed!.text).toBe(defective.replace('窗口予以受理', '窗口受理').replace(/\n$/, ''));
    expect(results.fixed!.modified).toBe(true);
    expect(results.fixed!.published).toEqual([]);
    expect(results.fixed!.shown).toEqual([]);
    // The file on disk is the user's to save.
    expect(readFileSync(join(root, path), 'utf8')).toBe(defective);
  });
});
