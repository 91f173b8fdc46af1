import { join, relative } from "node:path"
import type { App } from "../../app/index.ts"
import { loadFile } from "../../app/load-file.ts"
import { loadLinkSummaries } from "../links/load-link-summaries.ts"
import { renderLinks } from "../links/render-links.ts"
import { colors } from "../output/colors.ts"
import { heading } from "../output/heading.ts"
import { createProgress } from "../output/progress.ts"
import { showCascade } from "./demo-cascade.ts"
import { migrateDemoModules } from "./demo-migrations.ts"
import { showQueries } from "./demo-queries.ts"
import { syncDemoLinks } from "./demo-sync.ts"

interface SeedModule {
  seed(
    container: App,
    options: { products?: number; onStep?: (step: string) => void },
  ): Promise<Record<string, number>>
}

export interface DemoOptions {
  dir: string
  products: number
}

function nextSteps(dir: string): void {
  const shown = relative(process.cwd(), dir) || "."
  const at = shown.startsWith("..") ? dir : shown
  console.log(heading(12, "Next"))
  console.log("Open:")
  for (const file of [
    "src/links/product-post.ts",
    "src/links/collection-posts.ts",
    "src/links/post-tags.ts",
    "src/modules/blog/models/post.ts",
    "src/scripts/seed.ts",
  ]) {
    console.log(`  ${join(at, file)}`)
  }
  console.log("Try:")
  for (const command of [
    `npx modlink -C ${at} links`,
    `npx modlink -C ${at} query post --fields title,product.title,product_tags.value --take 5`,
    `npx modlink -C ${at} query product --fields title --filters '{"post":{"status":"draft"}}' --take 5`,
    `npx modlink -C ${at} query product --fields title,post.title --take 5 --explain`,
    "npx modlink init my-app    # your own project, then follow docs/concepts.md",
  ]) {
    console.log(`  ${colors.cyan(command)}`)
  }
}

/** The demo's story, in order; each section prints what it runs and what came back. */
export async function runDemo(app: App, options: DemoOptions): Promise<void> {
  const progress = createProgress()
  console.log(heading(1, "Module migrations", "product (built in) and blog (examples/blog/src/modules/blog)"))
  progress.done(`migrated ${(await migrateDemoModules(app)).join(", ")}`)

  console.log(heading(2, "Link sync plan", "what `modlink db:sync-links` prints, then applies"))
  progress.done(`${await syncDemoLinks(app)} link tables created`)

  console.log(
    heading(3, "Seed", "src/scripts/seed.ts: records through the module services, links in one call"),
  )
  const { seed } = await loadFile<SeedModule>(join(options.dir, "src/scripts/seed.ts"), "script")
  const counts = await seed(app, {
    products: options.products,
    onStep: (step) => progress.step(`seeding ${step}`),
  })
  progress.done(
    `${counts.products} products, ${counts.posts} posts, ${counts.comments} comments, ` +
      `${counts.collections} collections, ${counts.tags} tags; ${counts.links} link rows in one link.create call`,
  )

  console.log(heading(4, "Links", "what `modlink links` prints"))
  console.log(renderLinks(await loadLinkSummaries(app)))

  await showQueries(app, 5)
  await showCascade(app, 10)
  nextSteps(options.dir)
}
