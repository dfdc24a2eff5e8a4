import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Unit tests import the packages' TypeScript sources; end-to-end tests run the built CLI.
  resolve: { conditions: ['baihua-source'] },
  ssr: { resolve: { conditions: ['baihua-source'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
