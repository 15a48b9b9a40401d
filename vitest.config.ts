import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    environment: 'node',
    // better-sqlite3 is a native addon: run test files in forked processes, not worker threads.
    pool: 'forks',
    include: [
      'src/**/*.test.ts',
      'main/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
      'test/integration/**/*.test.ts',
      'eslint-rules/**/*.test.ts'
    ],
    testTimeout: 20_000,
    hookTimeout: 20_000
  }
})
