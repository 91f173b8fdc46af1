import { execFile } from "node:child_process"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import type { App } from "../../src/app/index.ts"
import type { Database } from "../../src/db/index.ts"
import { applyLinkPlan } from "../../src/sync/links/apply-link-plan.ts"
import { planLinkSync } from "../../src/sync/links/plan-link-sync.ts"
import type { ReadCase, WriteCase } from "../measure/cases.ts"
import { SYNC_LINKS } from "../setup/sync-project.ts"

const run = promisify(execFile)
const CLI = fileURLToPath(new URL("../../bin/modlink.js", import.meta.url))

/** What `modlink db:sync-links --execute-all` does in process: plan with the app's models, apply all. */
export async function syncInProcess(app: App): Promise<unknown> {
  const models = app.modules.flatMap(({ definition }) =>
    definition.models.map((model) => ({ module: definition.name, model: model.snakeName })),
  )
  const plan = await planLinkSync(app.db, app.links, { models })
  return applyLinkPlan(app.db, plan, { accept: () => true })
}

/** The real command in a fresh process: node start, jiti, config and link loading included. */
export function syncThroughCli(cwd: string, url: string): () => Promise<unknown> {
  return () =>
    run(process.execPath, [CLI, "--cwd", cwd, "--database-url", url, "db:sync-links", "--execute-all"])
}

/** Drops every table of the sync database: the state before the first sync. */
async function dropAll(db: Database): Promise<void> {
  const { rows } = await db.query<{ name: string }>(
    "select quote_ident(tablename) as name from pg_tables where schemaname = 'public'",
  )
  if (rows.length) await db.exec(`drop table ${rows.map((r) => r.name).join(", ")} cascade`)
}

/** The link tables and their indexes: what a first sync must leave, whoever runs the DDL. */
async function linkSchema(db: Database): Promise<unknown> {
  const { rows } = await db.query(
    "select tablename, indexname, indexdef from pg_indexes where schemaname = 'public' and tablename <> 'modlink_links' order by 1, 2",
  )
  return rows
}

/**
 * The DDL of a first sync, read from the plan once: the hand-written equivalent is running exactly
 * these statements in one transaction, without planning, introspection or the registry.
 */
export async function firstSyncDdl(app: App): Promise<string> {
  await dropAll(app.db)
  const plan = await planLinkSync(app.db, app.links)
  const statements = plan.actions.flatMap((action) => action.changes.map((change) => `${change.statement};`))
  return `begin;\n${statements.join("\n")}\ncommit;`
}

/** First sync creating 50 link tables: in process, or through the CLI (`cli` holds cwd and url). */
export function firstSync(app: App, ddl: string, cli?: { cwd: string; url: string }): WriteCase {
  return {
    name: `db:sync-links first sync, ${SYNC_LINKS} links${cli ? " (CLI)" : " (in process)"}`,
    baselineLabel: "the same DDL, one transaction",
    rows: SYNC_LINKS,
    reset: () => dropAll(app.db),
    modlink: cli ? syncThroughCli(cli.cwd, cli.url) : () => syncInProcess(app),
    baseline: () => app.db.exec(ddl),
    state: () => linkSchema(app.db),
  }
}

/**
 * A no-op sync over 50 synced links. There is no hand-written counterpart (a person would not
 * check), so it reports modlink's time alone.
 */
export function noopSync(app: App, cli?: { cwd: string; url: string }): ReadCase {
  return {
    name: `db:sync-links no-op, ${SYNC_LINKS} links${cli ? " (CLI)" : " (in process)"}`,
    ordered: true,
    modlink: { label: "modlink", run: cli ? syncThroughCli(cli.cwd, cli.url) : () => syncInProcess(app) },
    baselines: [],
    rows: () => SYNC_LINKS,
  }
}
