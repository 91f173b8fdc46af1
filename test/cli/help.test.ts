import { describe, expect, it } from "vitest"
import { REPO, runCli } from "./run-cli.ts"

const COMMANDS = [
  "init",
  "demo",
  "db:generate",
  "db:migrate",
  "db:sync-links",
  "exec",
  "links",
  "query",
  "graph",
  "studio",
]

describe("--help", () => {
  it("lists every command", async () => {
    const result = await runCli(["--help"], { cwd: REPO })
    expect(result.code).toBe(0)
    for (const command of COMMANDS) expect(result.stdout).toContain(command)
  })

  for (const command of COMMANDS) {
    it(`${command} --help has examples and exits 0`, async () => {
      const result = await runCli([command, "--help"], { cwd: REPO })
      expect(result.code).toBe(0)
      expect(result.stdout).toContain("Examples:")
      expect(result.stdout).toContain(`$ modlink ${command}`)
    })
  }
})
