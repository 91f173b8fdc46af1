import { copyFileSync, mkdtempSync, readdirSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { expect, it } from "vitest"
import { attachServiceContext } from "../../src/module/index.ts"
import ProductModule from "../../src/modules/product/index.ts"
import { createQueryEngine } from "../../src/query/index.ts"
import { modelEntities, SchemaGraph } from "../../src/schema/index.ts"
import { introspectSchema } from "../../src/sync/catalog/introspect.ts"
import { runMigrations } from "../../src/sync/migrations/run-migrations.ts"
import { diffTables } from "../../src/sync/tables/diff-tables.ts"
import { describeBackends } from "../support/backends.ts"

const migrations = fileURLToPath(new URL("../../src/modules/product/migrations", import.meta.url))

describeBackends("product module", ({ db }) => {
  it("ships migrations that create exactly the tables its models ask for", async () => {
    const { applied } = await runMigrations(db(), "product", migrations)
    expect(applied.length).toBeGreaterThan(0)
    const changes = diffTables(ProductModule.tables, await introspectSchema(db()))
    expect(changes.map((c) => c.description)).toEqual([])
  })

  it("stores a product with variants, options and values, and reads them back as one graph", async () => {
    const entities = modelEntities({ name: "product", models: ProductModule.models, database: "main" })
    const query = createQueryEngine({
      graph: new SchemaGraph(new Map(entities.map((e) => [e.name, e]))),
      databases: new Map([["main", db()]]),
    })
    const service = new ProductModule.service()
    attachServiceContext(service, { module: "product", db: db(), query })
    const product = await service.createProducts({ title: "Shirt", handle: "shirt" })
    const [size] = await service.createProductOptions([{ title: "Size" }])
    const [color] = await service.createProductOptions([{ title: "Color" }])
    const [, unused] = await service.createProductProductOptions([
      { product_id: product.id, product_option_id: size.id },
      { product_id: product.id, product_option_id: color.id },
    ])
    // A soft-deleted pivot row no longer relates the product and the option.
    await service.softDeleteProductProductOptions([unused.id])
    const [small, large] = await service.createProductOptionValues([
      { value: "S", option_id: size.id },
      { value: "L", option_id: size.id },
    ])
    const [variant] = await service.createProductVariants([
      { title: "Shirt S", product_id: product.id, sku: "SHIRT-S" },
    ])
    await db().query("insert into product_variant_option (variant_id, option_value_id) values ($1, $2)", [
      variant.id,
      small.id,
    ])
    const [read] = await service.listProducts(
      { id: product.id },
      { relations: ["variants.options", "options.values"] },
    )
    expect(read.variants.map((v: any) => [v.sku, v.options.map((o: any) => o.value)])).toEqual([
      ["SHIRT-S", ["S"]],
    ])
    expect(read.options.map((o: any) => o.title)).toEqual(["Size"])
    expect(read.options[0].values.map((v: any) => v.value).sort()).toEqual(["L", "S"])
    const { data } = await query.graph({
      entity: "product_option_value",
      fields: ["value", "variants.sku"],
      filters: { id: large.id },
    })
    expect(data).toEqual([{ id: large.id, value: "L", variants: [] }])
    const shared = await query.graph({ entity: "product_option", fields: ["title", "products.handle"] })
    expect(shared.data.map((o: any) => [o.title, o.products.map((p: any) => p.handle)])).toEqual([
      ["Size", ["shirt"]],
      ["Color", []],
    ])
    await expect(service.createProducts({ title: "Shirt again", handle: "shirt" })).rejects.toThrow(
      'A product with handle "shirt" already exists',
    )
  })

  it("derives a missing handle from the title (plain ASCII) and names a duplicate", async () => {
    const service = new ProductModule.service()
    const entities = modelEntities({ name: "product", models: ProductModule.models, database: "main" })
    const query = createQueryEngine({
      graph: new SchemaGraph(new Map(entities.map((e) => [e.name, e]))),
      databases: new Map([["main", db()]]),
    })
    attachServiceContext(service, { module: "product", db: db(), query })
    const created = await service.createProducts([
      { title: "Blue Tee — Édition 2" },
      { title: "Mug", handle: "the-mug" },
    ])
    expect(created.map((p: any) => p.handle)).toEqual(["blue-tee-edition-2", "the-mug"])
    const before = (await db().query<{ n: number }>("select count(*)::int as n from product")).rows[0].n
    const duplicate = service.createProducts([{ title: "Cap" }, { title: "Blue tee: Edition 2" }])
    await expect(duplicate).rejects.toThrow('A product with handle "blue-tee-edition-2" already exists')
    await expect(duplicate).rejects.toMatchObject({ code: "INVALID_INPUT" })
    const after = (await db().query<{ n: number }>("select count(*)::int as n from product")).rows[0].n
    expect(after).toBe(before)
  })

  it("moves options and variant options of a database made by the first migration into Medusa's shape", async () => {
    const [first, ...later] = readdirSync(migrations).sort()
    const older = mkdtempSync(join(tmpdir(), "modlink-product-migrations-"))
    try {
      copyFileSync(join(migrations, first), join(older, first))
      const database = db()
      await database.exec("drop schema public cascade; create schema public")
      await runMigrations(database, "product", older)
      await database.exec(`
        insert into product (id, title, handle) values ('prod_1', 'Shirt', 'shirt');
        insert into product_option (id, title, product_id) values ('opt_1', 'Size', 'prod_1');
        insert into product_option_value (id, value, option_id) values ('optval_1', 'S', 'opt_1');
        insert into product_variant (id, title, product_id) values ('variant_1', 'Shirt S', 'prod_1');
        insert into product_variant_option (product_variant_id, product_option_value_id) values ('variant_1', 'optval_1');`)
      const { applied } = await runMigrations(database, "product", migrations)
      expect(applied).toEqual(later)
      const pivots = await database.query("select product_id, product_option_id from product_product_option")
      expect(pivots.rows).toEqual([{ product_id: "prod_1", product_option_id: "opt_1" }])
      const variants = await database.query("select variant_id, option_value_id from product_variant_option")
      expect(variants.rows).toEqual([{ variant_id: "variant_1", option_value_id: "optval_1" }])
      expect(diffTables(ProductModule.tables, await introspectSchema(database))).toEqual([])
    } finally {
      rmSync(older, { recursive: true, force: true })
    }
  })
})
