import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Builds the studio's browser bundle when it is missing or stale (the studio tests serve it).
    globalSetup: ["test/support/build-studio.ts"],
    pool: "forks",
    // Two cores: two files at a time keeps the server and PGlite responsive.
    maxWorkers: 2,
    minWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
