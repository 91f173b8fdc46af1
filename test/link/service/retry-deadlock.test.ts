import { describe, expect, it } from "vitest"
import { ModlinkError } from "../../../src/errors/index.ts"
import { retryOnDeadlock } from "../../../src/link/service/retry-deadlock.ts"

const failure = (sqlState: string) => new ModlinkError("DATABASE", "failed", { details: { sqlState } })

describe("retryOnDeadlock", () => {
  it("runs the work again after PostgreSQL aborted it to break a deadlock", async () => {
    let calls = 0
    const result = await retryOnDeadlock(async () => {
      calls++
      if (calls < 3) throw failure("40P01")
      return "done"
    })
    expect([result, calls]).toEqual(["done", 3])
  })

  it("gives up after a few attempts, and never retries other errors", async () => {
    let calls = 0
    await expect(
      retryOnDeadlock(async () => {
        calls++
        throw failure("40001")
      }),
    ).rejects.toThrow("failed")
    expect(calls).toBe(5)
    calls = 0
    await expect(
      retryOnDeadlock(async () => {
        calls++
        throw failure("23505")
      }),
    ).rejects.toThrow("failed")
    expect(calls).toBe(1)
  })
})
