import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { expect, it } from "vitest"
import { IDENTIFIER_MAX_BYTES } from "../../src/dml/identifiers.ts"
import { model } from "../../src/dml/model-builder.ts"
import { moduleTables } from "../../src/dml/table-schemas.ts"
import { defineLink } from "../../src/link/define-link.ts"
import { resolveLinks } from "../../src/link/resolve-link.ts"
import { introspectSchema } from "../../src/sync/catalog/introspect.ts"
import { applyLinkPlan } from "../../src/sync/links/apply-link-plan.ts"
import { planHasWork } from "../../src/sync/links/link-plan.ts"
import { planLinkSync } from "../../src/sync/links/plan-link-sync.ts"
import { generateMigration } from "../../src/sync/migrations/generate-migration.ts"
import { runMigrations } from "../../src/sync/migrations/run-migrations.ts"
import { describeBackends } from "../support/backends.ts"
import { linkableModule } from "../support/link-modules.ts"

// Every name kind over 63 bytes: the primary key of a 60-character table, a unique index, a plain
// index, an enum check, a belongsTo foreign key with its index, a manyToMany pivot's keys and index.
const Location = model.define(
  { name: "location", tableName: "warehouse_inventory_reservation_allocation_location_registry" },
  {
    id: model.id().primaryKey(),
    fulfillment_location_reference_code: model.text().unique(),
    allocations: model.hasMany(() => Allocation, { mappedBy: "location" }),
  },
)
const Allocation = model.define(
  { name: "allocation", tableName: "warehouse_inventory_reservation_allocation_item" },
  {
    id: model.id().primaryKey(),
    fulfillment_location_reference_code: model.text().unique(),
    secondary_fulfillment_reference_number: model.text().index(),
    allocation_lifecycle_status_for_reporting: model.enum(["open", "closed"]).default("open"),
    location: model.belongsTo(() => Location, { mappedBy: "allocations" }),
    labels: model.manyToMany(() => Label, {
      mappedBy: "allocations",
      pivotTable: "warehouse_allocation_item_reporting_label_pivot",
    }),
  },
)
const Label = model.define("reporting_label", {
  id: model.id().primaryKey(),
  allocations: model.manyToMany(() => Allocation, { mappedBy: "labels" }),
})

const tables = moduleTables([Location, Allocation, Label])

describeBackends("names over 63 bytes settle", ({ db }) => {
  it("every index, foreign key, check and primary key is built fitted to 63 bytes", () => {
    const names = tables.flatMap((t) => [
      ...t.indexes.map((i) => i.name),
      ...t.foreignKeys.map((k) => k.name),
      ...t.checks.map((c) => c.name),
    ])
    expect(names.some((name) => name.length > 40)).toBe(true)
    for (const name of names) expect(Buffer.byteLength(name)).toBeLessThanOrEqual(IDENTIFIER_MAX_BYTES)
  })

  it("db:generate is a no-op right after applying a module with long names", async () => {
    const dir = mkdtempSync(join(tmpdir(), "modlink-long-"))
    const first = await generateMigration(db(), tables, dir, "warehouse")
    expect(first.file).not.toBeNull()
    await runMigrations(db(), "warehouse", dir)
    const actual = await introspectSchema(db(), { tables: tables.map((t) => t.name) })
    const location = actual.tables.get("warehouse_inventory_reservation_allocation_location_registry")!
    expect(location.primaryKeyName).toMatch(/_[0-9a-f]{8}$/)
    const allocation = actual.tables.get("warehouse_inventory_reservation_allocation_item")!
    expect(allocation.foreignKeys.map((k) => k.name)).toEqual([expect.stringMatching(/_[0-9a-f]{8}$/)])
    expect(allocation.checks.map((c) => c.name)).toEqual([expect.stringMatching(/_[0-9a-f]{8}$/)])
    const again = await generateMigration(db(), tables, dir, "warehouse")
    expect(again.changes.map((c) => c.description)).toEqual([])
    expect(again.file).toBeNull()
  })

  it("db:sync-links is a no-op right after applying a link with long names", async () => {
    const warehouse = linkableModule("warehouse_inventory_management", [Allocation])
    const fulfillment = linkableModule("fulfillment_provider_integration", [Location])
    const links = resolveLinks(
      [
        {
          handle: defineLink(warehouse.linkable.allocation, {
            linkable: fulfillment.linkable.location,
            isList: true,
          }),
          file: "src/links/long.ts",
        },
      ],
      [warehouse, fulfillment],
    )
    const plan = await planLinkSync(db(), links)
    const table = plan.actions[0].table
    expect(Buffer.byteLength(table)).toBeLessThanOrEqual(IDENTIFIER_MAX_BYTES)
    await applyLinkPlan(db(), plan)
    const again = await planLinkSync(db(), links)
    expect(again.actions.map((a) => a.description)).toEqual([
      `${plan.actions[0].description.split(":")[0]}: noop`,
    ])
    expect(planHasWork(again)).toBe(false)
  })
})
