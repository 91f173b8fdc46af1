/**
 * The suite builds apps from many ad hoc modules, so `resolve` stays loose here; the typed surface
 * is tested by `test/types/`, on the example app's own declaration file.
 */
import type {} from "../../src/index.ts"

declare module "../../src/index.ts" {
  interface ModlinkRegistry {
    container: Record<string, any>
  }
}
