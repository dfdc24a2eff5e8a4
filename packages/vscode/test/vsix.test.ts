import { readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

// The package `pnpm build` makes (scripts/package-vscode.mjs). VS Code itself cannot run here: these
// check what VS Code would read from the .vsix.
const root = pathToFileURL(join(__dirname, '../../../'));
const { version } = JSON.parse(readFileSync(new URL('packages/vscode/package.json', root), 'utf8'));
const vsix = unzipSync(readFileSync(new URL(`packages/vscode/dist/vscode-baihua-${version}.vsix`, root)));
const text = (name: string) => strFromU8(vsix[name]!);

describe('the .vsix', () => {
  it('holds the manifest, the bundled client, the schemas and the texts vsce needs, and nothing else', () => {
    expect(Object.keys(vsix).sort()).toEqual([
      '[Content_Types].xml',
      'extension.vsixmanifest',
      'extension/LICENSE.txt',
      'extension/changelog.md',
      'extension/dist/extension.js',
      'extension/dist/schemas/config.schema.json',
      'extension/dist/schemas/guide.schema.json',
      'extension/dist/schemas/journey.schema.json',
      'extension/package.json',
      'extension/readme.md',
    ]);
  });

  it('carries the schemas of this build, byte for byte', () => {
    for (const name of ['guide.schema.json', 'journey.schema.json', 'config.schema.json']) {
      expect(text(`extension/dist/schemas/${name}`)).toBe(readFileSync(new URL(`schema/${name}`, root), 'utf8'));
    }
  });

  it('contributes the preview command, the settings and the YAML schemas, in Chinese', () => {
    const manifest = JSON.parse(text('extension/package.json'));
    expect(manifest.name).toBe('vscode-baihua');
    expect(manifest.engines.vscode).toBe('^1.91.0');
    expect(manifest.main).toBe('./dist/extension.js');
    expect(manifest.contributes.commands.map((command: { command: string; title: string }) => command)).toEqual([
      { command: 'baihua.preview', title: '白话：预览', category: '白话', icon: '$(open-preview)' },
      { command: 'baihua.restartServer', title: '白话：重启语言服务', category: '白话' },
    ]);
    expect(Object.keys(manifest.contributes.configuration.properties)).toEqual([
      'baihua.server.path',
      'baihua.server.node',
      'baihua.preview.delay',
      'baihua.trace.server',
    ]);
    expect(manifest.contributes.yamlValidation).toEqual([
      {
        fileMatch: [
          'guides/**/*.yaml',
          'guides/**/*.yml',
          '!baihua.config.yaml',
          '!baihua.config.yml',
          '!**/journeys/*.yaml',
          '!**/journeys/*.yml',
        ],
        url: './dist/schemas/guide.schema.json',
      },
      { fileMatch: ['**/journeys/*.yaml', '**/journeys/*.yml'], url: './dist/schemas/journey.schema.json' },
      { fileMatch: ['baihua.config.yaml', 'baihua.config.yml'], url: './dist/schemas/config.schema.json' },
    ]);
    for (const { url } of manifest.contributes.yamlValidation) expect(vsix[`extension/${url.slice(2)}`]).toBeDefined();
    expect(manifest.activationEvents).toEqual([
      'onLanguage:markdown',
      'onLanguage:yaml',
      'workspaceContains:**/baihua.config.{yaml,yml}',
    ]);
  });

  it('bundles the language client and leaves out the server: it needs only the vscode module', () => {
    const client = text('extension/dist/extension.js');
    const required = [...client.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]);
    expect([...new Set(required.filter((name) => !isBuiltin(name!)))]).toEqual(['vscode']);
    expect(client).not.toContain('nodejs-jieba');
    expect(client).toContain('baihua/preview');
  });
});
