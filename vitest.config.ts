import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    // Hooks start bots and servers and drop test databases: set-up and clean-up, not what a test measures, and
    // several times slower on a machine whose cores are busy.
    hookTimeout: 120_000,
    // Logs go to stderr as JSON; keep test output readable.
    silent: 'passed-only',
  },
});
