import type { Command } from "commander"
import { globalOptions } from "../command-context.ts"
import { colors } from "../output/colors.ts"
import { examples } from "../output/help.ts"
import { printTargetDatabases } from "../output/target-database.ts"
import { runCommand, UsageError } from "../run-command.ts"

interface Flags {
  dir?: string
  products: string
}

export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description("run a throwaway app (products, a blog, three links) end to end and show each step")
    .option("--dir <dir>", "where to put the demo app (must be empty); default: a new temp folder")
    .option("--products <n>", "products to seed (each gets a post, two comments and four links)", "120")
    .addHelpText(
      "after",
      examples(
        ["modlink demo", "embedded database in a temp folder, nothing to set up"],
        ["modlink demo --dir ./demo-app", "keep the app where you can open it"],
        ["modlink demo --database-url postgres://localhost/modlink_demo", "on an empty server database"],
      ),
    )
    .action((flags: Flags, command: Command) => {
      const options = globalOptions(command)
      return runCommand(options.verbose, async () => {
        const products = Number(flags.products)
        if (!Number.isInteger(products) || products < 2) {
          throw new UsageError(
            `--products must be a whole number ≥ 2, got "${flags.products}"`,
            "e.g. --products 500",
          )
        }
        const { prepareDemoApp } = await import("../demo/prepare-demo-app.ts")
        const { runDemo } = await import("../demo/run-demo.ts")
        const { createApp } = await import("../../app/create-app.ts")
        const { sql } = await import("../../db/sql.ts")
        const dir = prepareDemoApp(flags.dir)
        // The global --cwd is for projects; the demo always runs its own copy.
        const app = await createApp({ cwd: dir, databaseUrl: options.databaseUrl })
        try {
          const existing = await app.db.query(
            sql`select 1 from pg_tables where schemaname = current_schema() and tablename = 'product'`,
          )
          if (existing.rows.length > 0) {
            throw new UsageError(
              `${app.db.label} already has a product table: the demo needs an empty database`,
              "create one (createdb modlink_demo) and pass --database-url postgres://…/modlink_demo, or unset DATABASE_URL for the embedded database",
            )
          }
          console.log(`${colors.bold("modlink demo")} in ${dir}`)
          printTargetDatabases(app)
          await runDemo(app, { dir, products })
          return 0
        } finally {
          await app.close()
        }
      }).then((code) => {
        process.exitCode = code
      })
    })
}
