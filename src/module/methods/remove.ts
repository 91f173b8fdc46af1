import { sql } from "../../db/index.ts"
import { ModlinkError } from "../../errors/index.ts"
import type { ModelRuntime } from "../model-runtime.ts"
import type { RecordChange, ServiceContext } from "../service-context.ts"
import { idsOf } from "./read.ts"

export interface RemoveOptions {
  /**
   * Run the link cascade (soft-delete or restore the links of these records and what their
   * `deleteCascade` reaches). On by default: dangling links are the usual bug when it is forgotten.
   */
  cascadeLinks?: boolean
}

/**
 * delete / softDelete / restore by selector. Returns the affected ids under the model's linkable
 * key (`{ post_id: [...] }`), the shape the link cascade consumes.
 */
export async function changeRecords(
  ctx: ServiceContext,
  runtime: ModelRuntime,
  change: RecordChange,
  selector: unknown,
  options: RemoveOptions = {},
): Promise<Record<string, string[]>> {
  const cascade = options.cascadeLinks !== false && ctx.afterChange !== undefined
  if (cascade && ctx.together) {
    // The records' change and its cascade in one transaction: a failed cascade undoes the change.
    return ctx.together((tx) => tx.db.transaction(() => applyChange(tx, runtime, change, selector, true)))
  }
  return applyChange(ctx, runtime, change, selector, cascade)
}

async function applyChange(
  ctx: ServiceContext,
  runtime: ModelRuntime,
  change: RecordChange,
  selector: unknown,
  cascade: boolean,
): Promise<Record<string, string[]>> {
  const ids = await idsOf(ctx, runtime, selector, change !== "softDelete")
  const table = sql.id(runtime.model.tableName)
  const pk = sql.id(runtime.primaryKey)
  let affected: string[] = []
  if (ids.length) {
    const statement =
      change === "delete"
        ? sql`delete from ${table} where ${pk} = any(${ids}) returning ${pk} as id`
        : change === "softDelete"
          ? sql`update ${table} set deleted_at = now(), updated_at = now() where ${pk} = any(${ids}) and deleted_at is null returning ${pk} as id`
          : sql`update ${table} set deleted_at = null, updated_at = now() where ${pk} = any(${ids}) and deleted_at is not null returning ${pk} as id`
    const { rows } = await ctx.db.query<{ id: string }>(statement)
    affected = rows.map((r) => r.id)
  }
  if (affected.length && cascade && ctx.afterChange) {
    try {
      await ctx.afterChange(change, runtime.model, affected)
    } catch (cause) {
      throw cascadeFailed(ctx, runtime, change, affected, cause)
    }
  }
  return { [runtime.model.linkableKey(runtime.primaryKey)]: affected }
}

function cascadeFailed(
  ctx: ServiceContext,
  runtime: ModelRuntime,
  change: RecordChange,
  affected: string[],
  cause: unknown,
): ModlinkError {
  const key = runtime.model.linkableKey(runtime.primaryKey)
  const reason = cause instanceof Error ? cause.message.split("\n")[0] : String(cause)
  const what = `${change} of ${affected.length} ${runtime.model.name} record(s)`
  const details = { module: ctx.module, [key]: affected }
  if (ctx.db.inTransaction) {
    return new ModlinkError("CASCADE_FAILED", `${what} rolled back: their link cascade failed: ${reason}`, {
      hint: "nothing was changed; fix the cause and make the same call again",
      details,
      cause,
    })
  }
  // Across databases the records' change committed first: say so, and how to finish the cascade.
  const call = change === "restore" ? "link.restore" : "link.delete"
  return new ModlinkError("CASCADE_FAILED", `${what} committed, but their link cascade failed: ${reason}`, {
    hint: `finish it with ${call}({ ${ctx.module}: { ${key}: [${affected
      .slice(0, 3)
      .map((id) => JSON.stringify(id))
      .join(", ")}${affected.length > 3 ? ", …" : ""}] } })`,
    details,
    cause,
  })
}
