import type { App } from "../../app/index.ts"
import { ModlinkError, suggest } from "../../errors/index.ts"
import { modelRefs } from "../../link/model-ref.ts"
import { introspectSchema } from "../../sync/catalog/introspect.ts"
import { planLinkSync } from "../../sync/links/plan-link-sync.ts"

/** `GET /api/links/:entryPoint`: the link's table as it is, and what `db:sync-links` would change. */
export interface LinkDetail {
  entryPoint: string
  table: string | null
  /** False when the table is not in the database yet (never synced). */
  exists: boolean
  columns: { name: string; type: string; nullable: boolean; default?: string }[]
  indexes: { name: string; columns: string[]; unique: boolean; where?: string }[]
  /** The dry-run plan's action for this link; null when sync has nothing to do for it. */
  pending: {
    kind: string
    safe: boolean
    description: string
    statements: string[]
    warnings: string[]
  } | null
}

export async function linkDetail(app: App, entryPoint: string): Promise<LinkDetail> {
  const link = app.links.find((l) => l.entryPoint === entryPoint)
  if (!link) {
    throw new ModlinkError("NOT_FOUND", `No link with the entry point "${entryPoint}"`, {
      hint: suggest(
        entryPoint,
        app.links.map((l) => l.entryPoint),
        "links",
      ),
    })
  }
  if (link.readOnly)
    return { entryPoint, table: null, exists: false, columns: [], indexes: [], pending: null }
  const actual = (await introspectSchema(app.db, { tables: [link.table] })).tables.get(link.table)
  const plan = await planLinkSync(app.db, app.links, {
    models: modelRefs(app.modules.map((m) => m.definition)),
  })
  const action = plan.actions.find((a) => a.table === link.table && a.kind !== "noop")
  return {
    entryPoint,
    table: link.table,
    exists: actual !== undefined,
    columns: (actual?.columns ?? []).map((c) => ({
      name: c.name,
      type: c.type,
      nullable: c.nullable,
      default: c.default ?? undefined,
    })),
    indexes: (actual?.indexes ?? []).map((i) => ({
      name: i.name,
      columns: [...i.columns],
      unique: i.unique,
      where: i.where ?? undefined,
    })),
    pending: action
      ? {
          kind: action.kind,
          safe: action.safe,
          description: action.description,
          statements: action.changes.map((c) => c.statement),
          warnings: action.warnings,
        }
      : null,
  }
}
