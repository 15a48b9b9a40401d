import { defineConfig } from 'vitest/config'

/** End-to-end tests: the built app in web mode, driven in real Chromium through playwright-core. */
export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    include: ['test/e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000
  }
})
