import type { App } from "../../app/index.ts"
import { ModlinkError, suggest } from "../../errors/index.ts"
import type { LinkInput, LinkRow } from "../../link/service/index.ts"

interface PairBody {
  link?: unknown
  left?: unknown
  right?: unknown
  data?: unknown
}

/** `{ link: "product_post", left: "prod_…", right: "post_…" }` as the link service's input. */
function linkInput(app: App, body: PairBody): LinkInput {
  const link = app.links.find((l) => l.entryPoint === body.link && !l.readOnly)
  if (!link) {
    throw new ModlinkError("NOT_FOUND", `No link with the entry point "${String(body.link)}"`, {
      hint: suggest(
        String(body.link),
        app.links.filter((l) => !l.readOnly).map((l) => l.entryPoint),
        "links with a table",
      ),
    })
  }
  if (typeof body.left !== "string" || typeof body.right !== "string") {
    throw new ModlinkError("INVALID_INPUT", `Linking ${link.entryPoint} needs the two record ids`, {
      hint: `{ "link": "${link.entryPoint}", "left": "<${link.left.model} id>", "right": "<${link.right.model} id>" }`,
    })
  }
  // Keyed by module, as Medusa's link input is; both sides may belong to one module.
  const input: LinkInput = { [link.left.module]: { [link.left.key]: body.left } }
  input[link.right.module] = { ...input[link.right.module], [link.right.key]: body.right }
  if (body.data !== undefined) input.data = body.data as Record<string, unknown>
  return input
}

export const createLink = (app: App, body: PairBody): Promise<LinkRow[]> =>
  app.link.create(linkInput(app, body))
export const dismissLink = (app: App, body: PairBody): Promise<LinkRow[]> =>
  app.link.dismiss(linkInput(app, body))
