// The packages depend one way: core ← plain/lint/render/exchange ← publish ← lsp ← cli (docs/architecture.md); the VS Code
// extension (packages/vscode) uses none of them.
// `pnpm test` runs `depcruise packages` against these rules: an import cycle, or an import
// against that direction, fails the suite.
const layer = (name, mayUse) => ({
  name: `${name}-depends-one-way`,
  comment: `@baihua/${name} may use only ${mayUse.length ? mayUse.map((p) => `@baihua/${p}`).join(', ') : 'no other Baihua package'}`,
  severity: 'error',
  from: { path: `^packages/${name}/src/` },
  to: { path: `^packages/(?!(?:${[name, ...mayUse].join('|')})/)[^/]+/` },
});

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    layer('core', []),
    layer('plain', []),
    layer('lint', ['core', 'plain']),
    layer('render', ['core']),
    layer('exchange', ['core']),
    layer('publish', ['core', 'plain', 'lint', 'render']),
    layer('lsp', ['core', 'plain', 'lint', 'render', 'publish']),
    layer('cli', ['core', 'plain', 'lint', 'render', 'publish', 'lsp', 'exchange']),
    // The VS Code extension talks to the server over LSP only: it bundles no Baihua package.
    layer('vscode', []),
  ],
  options: {
    // A package is reached through its built entry (dist/): kept as a leaf, so that the rules
    // above see which package an import lands in.
    doNotFollow: { path: ['node_modules', '^packages/[^/]+/dist/'] },
    exclude: { path: '^packages/[^/]+/test/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'types', 'default'] },
  },
};
