import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Unit tests import the packages' TypeScript sources; end-to-end tests run the built CLI.
  resolve: { conditions: ['baihua-source'] },
  ssr: { resolve: { conditions: ['baihua-source'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'tests/**/*.test.ts'],
    // Hang guards only, sized for a 2-core machine with both cores busy (a 12-PDF build inside a
    // hook, runCli's own guard at 300 s): no test depends on how fast it runs.
    testTimeout: 300_000,
    hookTimeout: 600_000,
    pool: 'forks',
  },
});
