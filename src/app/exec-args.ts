import type { App } from "./create-app.ts"

/**
 * What `modlink exec` passes to a script's default export: the loaded app as `container` (typed by
 * the project's `modlink-env.d.ts`: `container.resolve("blog")` is the blog service) and the
 * command line's arguments after the script's path.
 *
 *   export default async function ({ container, args }: ExecArgs) { … }
 */
export interface ExecArgs {
  container: App
  args: string[]
}
