import type { LinkAction } from "../../sync/links/link-plan.ts"

/** `--execute-safe`: never ask, skip the rest. `--execute-all`: run everything. `ask`: the default. */
export type SyncMode = "safe" | "all" | "ask"

/** `skip` leaves the unsafe changes of the action; its safe changes still run. */
export type Decision = "run" | "ask" | "skip"

/**
 * What happens to one action's unsafe changes. Safe actions always run. The others (unsafe
 * updates, renames that risk rows, deletes) run with `--execute-all`, are asked about on a
 * terminal, and are skipped otherwise: without a terminal nobody can answer, and CI must never
 * hang on a prompt. Skipping keeps the action's safe changes (per change, not per action).
 */
export function decide(action: LinkAction, mode: SyncMode, interactive: boolean): Decision {
  if (action.safe || mode === "all") return "run"
  if (mode === "ask" && interactive) return "ask"
  return "skip"
}

/** Flags of `db:sync-links` (and their `-links` twins on `db:migrate`) as one mode. */
export function syncMode(flags: { executeSafe?: boolean; executeAll?: boolean }): SyncMode {
  if (flags.executeSafe) return "safe"
  if (flags.executeAll) return "all"
  return "ask"
}
