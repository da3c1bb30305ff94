import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'],
          // Tests translate any key: every message catalogue is added (the app loads a feature's with the feature).
          setupFiles: ['src/i18n/all-messages.ts'],
          // Real-geodata analysis and property tests do real geometry; a loaded 2-core CI box needs room.
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/global-setup.ts'],
          setupFiles: ['src/i18n/all-messages.ts'],
          // One Chromium at a time on a 2-core machine; each file launches its own browser.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A condition polled in a page on a loaded 2-core machine may take seconds to hold (the default is 1 s).
          expect: { poll: { timeout: 15_000, interval: 50 } },
        },
      },
    ],
  },
});
