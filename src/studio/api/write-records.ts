import type { App } from "../../app/index.ts"
import { untypedApp } from "../../app/untyped-app.ts"
import type { CascadeReport } from "../../link/service/index.ts"
import { methodNames } from "../../module/method-names.ts"
import { readIds, recordTarget } from "./record-target.ts"

interface RecordsBody {
  entity?: unknown
  ids?: unknown
}

/** What soft-deleting the records would take with them: `link.delete` as a dry run. Changes nothing. */
export function previewDelete(app: App, body: RecordsBody): Promise<CascadeReport> {
  const target = recordTarget(app, body.entity)
  return app.link.delete(target.records(readIds(body.ids)), { dryRun: true })
}

/** The module's service, named at run time: the project's own types do not describe it. */
function moduleService(app: App, name: string): Record<string, (ids: string[]) => Promise<unknown>> {
  return untypedApp(app).resolve(name) as Record<string, (ids: string[]) => Promise<unknown>>
}

/**
 * Soft-deletes through the module's service, which runs the link cascade itself (the same one
 * the preview showed), then `restore` brings back the records and what their cascade removed.
 */
export async function softDeleteRecords(app: App, body: RecordsBody): Promise<{ deleted: string[] }> {
  const target = recordTarget(app, body.entity)
  const ids = readIds(body.ids)
  await moduleService(app, target.module)[methodNames(target.model).softDelete](ids)
  return { deleted: ids }
}

export async function restoreRecords(app: App, body: RecordsBody): Promise<{ restored: string[] }> {
  const target = recordTarget(app, body.entity)
  const ids = readIds(body.ids)
  await moduleService(app, target.module)[methodNames(target.model).restore](ids)
  return { restored: ids }
}
