import { expect, it } from "vitest"
import { readLinkCatalog } from "../../../src/sync/catalog/read-link-catalog.ts"
import { describeBackends } from "../../support/backends.ts"
import { post, product, tableLinks } from "../links/link-fixture.ts"

const [link] = tableLinks([[product, post]])

describeBackends("readLinkCatalog: what link sync reads, once, before deciding", ({ db }) => {
  it("a database never synced: no registry, no tables, no foreign tables", async () => {
    const catalog = await readLinkCatalog(db(), [link])
    expect(catalog.registry).toEqual([])
    expect([...catalog.schema.tables.keys()]).toEqual([])
    expect(catalog.foreignTables).toEqual([])
  })

  it("reads the tables the definitions name, and Medusa's link tables no definition claims", async () => {
    await db().exec(`
      create table ${link.table} (id text primary key, product_id text, post_id text);
      create table unrelated (id text);
      create table link_module_migrations (table_name text);
      insert into link_module_migrations values ('${link.table}'), ('cart_promotion');`)
    const catalog = await readLinkCatalog(db(), [link])
    expect([...catalog.schema.tables.keys()]).toEqual([link.table])
    expect(catalog.schema.tables.get(link.table)?.columns.map((c) => c.name)).toEqual([
      "id",
      "product_id",
      "post_id",
    ])
    expect(catalog.foreignTables).toEqual(["cart_promotion"])
  })
})
