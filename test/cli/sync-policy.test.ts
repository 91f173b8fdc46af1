import { describe, expect, it } from "vitest"
import { decide, syncMode } from "../../src/cli/sync/sync-policy.ts"
import type { LinkAction } from "../../src/sync/links/link-plan.ts"

const action = (kind: LinkAction["kind"], safe: boolean): LinkAction => ({
  kind,
  safe,
  table: "t",
  descriptor: { fromModule: "product", fromModel: "product", toModule: "blog", toModel: "post" },
  description: `product.product <> blog.post (t): ${kind}`,
  changes: [],
  warnings: [],
  notes: [],
})

describe("link sync policy", () => {
  it("runs safe actions whatever the flags", () => {
    for (const mode of ["safe", "all", "ask"] as const)
      expect(decide(action("create", true), mode, false)).toBe("run")
  })

  it("asks about deletes and unsafe updates on a terminal, skips them without one", () => {
    expect(decide(action("delete", false), "ask", true)).toBe("ask")
    expect(decide(action("update", false), "ask", false)).toBe("skip")
  })

  it("skips them with --execute-safe and runs them with --execute-all, never asking", () => {
    expect(decide(action("delete", false), "safe", true)).toBe("skip")
    expect(decide(action("delete", false), "all", false)).toBe("run")
  })

  it("reads the flags as one mode", () => {
    expect(syncMode({})).toBe("ask")
    expect(syncMode({ executeSafe: true })).toBe("safe")
    expect(syncMode({ executeAll: true })).toBe("all")
  })
})
