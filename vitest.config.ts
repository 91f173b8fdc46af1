import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Builds the package when missing or stale: dist/ for projects that depend on this checkout,
    // and in it the studio's browser bundle, which the studio tests serve.
    globalSetup: ["test/support/build-package.ts"],
    pool: "forks",
    // Two cores: two files at a time keeps the server and PGlite responsive.
    maxWorkers: 2,
    minWorkers: 1,
    // Timeouts catch hangs, never measure speed: a PGlite test waits its turn behind others on a
    // busy two-core machine, so the limits leave room for a load of 30 and more.
    testTimeout: 180_000,
    hookTimeout: 240_000,
    // Type tests (`*.test-d.ts`): one tsc run over their own project, which includes the example
    // app's modlink-env.d.ts, so `npm test` fails when the typed surface regresses.
    typecheck: {
      enabled: true,
      include: ["test/types/**/*.test-d.ts"],
      tsconfig: "test/types/tsconfig.json",
    },
  },
})
