/** The same app with `any` types: what `resolve` gave before the registry existed. */
import type {} from "modlink"

declare module "modlink" {
  interface ModlinkRegistry {
    container: Record<string, any>
  }
}
