import { mkdirSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { type BrowserContext, chromium, type Page } from "playwright-core"
import { afterAll, beforeAll } from "vitest"

/** Debian's Chromium (`.ci/run` installs it); playwright-core drives it, it downloads no browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"

/** Without the background-networking switches Chromium's own connections are refused here and it stalls. */
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
]

export const SCREENSHOTS = join(process.cwd(), "test-results", "studio")

/** One Chromium for a test file, with a fresh profile, closed afterwards. */
export function browserPage(): { page(): Page } {
  let context: BrowserContext | undefined
  let profile: string | undefined
  let page: Page | undefined
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true })
    profile = mkdtempSync(join(tmpdir(), "modlink-chromium-"))
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1400, height: 860 },
    })
    page = context.pages()[0] ?? (await context.newPage())
    page.setDefaultTimeout(15_000)
  })
  afterAll(async () => {
    await context?.close()
    if (profile) rmSync(profile, { recursive: true, force: true })
  })
  return { page: () => page! }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) })
}
