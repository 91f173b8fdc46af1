import { expect } from "vitest"
import { sqlStateOf } from "../../../src/db/index.ts"
import { isModlinkError, type ModlinkError } from "../../../src/errors/index.ts"

/** A message and its hint, each cut at 4,000 characters by ModlinkError, with room for the glue. */
export const MAX_MESSAGE = 8200

export type Outcome = { ok: true; value: unknown } | { ok: false; error: ModlinkError }

/**
 * SQLSTATE classes a hostile value may legitimately provoke once it is bound as a parameter:
 * 22 (data exception: NUL in text, a string that is no timestamp) and 54 (program limit: stack
 * depth of a 100-deep filter). Class 42 (syntax error, undefined table/column/function) would mean
 * the caller's text reached the SQL as code or as an identifier, which must never happen.
 */
const DATA_CLASSES = ["22", "54"]

/**
 * Runs one call with hostile input and checks the contract: it resolves, or it rejects with a
 * ModlinkError that has a code and a message. Anything else (a TypeError from a prototype key, a
 * raw driver error, a syntax error from the server) fails the test with the input in the message.
 */
export async function outcomeOf(call: () => Promise<unknown>, input: unknown): Promise<Outcome> {
  try {
    return { ok: true, value: await call() }
  } catch (error) {
    const shown = describeInput(input)
    expect(isModlinkError(error), `not a ModlinkError for ${shown}: ${String(error)}`).toBe(true)
    const modlink = error as ModlinkError
    expect(modlink.message.length, `empty message for ${shown}`).toBeGreaterThan(0)
    // Readable, whatever was pasted into it: a megabyte name must not make a megabyte log line.
    expect(
      modlink.message.length,
      `message of ${modlink.message.length} characters for ${shown}`,
    ).toBeLessThan(MAX_MESSAGE)
    if (modlink.code === "DATABASE") {
      const state = sqlStateOf(modlink) ?? "none"
      expect(DATA_CLASSES, `server error ${state} for ${shown}: ${modlink.message.slice(0, 500)}`).toContain(
        state.slice(0, 2),
      )
    }
    return { ok: false, error: modlink }
  }
}

/** The input for an assertion message, cut short: some inputs are a megabyte long. */
export function describeInput(input: unknown): string {
  let text: string
  try {
    text = JSON.stringify(input, (_, v) => (typeof v === "bigint" ? `${v}n` : v)) ?? String(input)
  } catch {
    text = String(input)
  }
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text
}
