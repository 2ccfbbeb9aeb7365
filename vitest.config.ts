import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/src/**/*.test.ts', 'shared/src/**/*.test.ts', 'seed/**/*.test.ts', 'migrations/**/*.test.ts', 'docker/**/*.test.ts', 'client/src/**/*.test.ts', 'bench/**/*.test.ts'],
    globalSetup: ['server/src/db/testing/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
