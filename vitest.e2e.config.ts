import { defineConfig } from 'vitest/config';

/** Browser tests: the real server process with the built client, driven through Debian's Chromium. */
export default defineConfig({
  test: {
    include: ['client/e2e/**/*.e2e.test.ts'],
    globalSetup: ['client/e2e/global-setup.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
