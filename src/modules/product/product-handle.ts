import { sqlStateOf } from "../../db/driver-error.ts"
import { modelIndexName } from "../../dml/identifiers.ts"
import { isModlinkError, ModlinkError } from "../../errors/index.ts"

/**
 * The handle for a title: accents removed, lower case, words joined by `-`
 * (`"Blue Tee — Édition 2"` → `blue-tee-edition-2`): plain ASCII, safe in any URL. Medusa 2.21.2's
 * `toHandle` keeps accented and non-Latin letters and drops punctuation instead
 * (`blue-tee-édition-2`, `"Tom's"` → `toms`): see docs/comparison.md.
 */
export function toHandle(title: string): string {
  return title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
}

type ProductInput = Record<string, unknown>

/** Products as given, each without a handle given the one its title makes. */
export function withHandles<T extends ProductInput | ProductInput[]>(data: T): T {
  const fill = (product: ProductInput) =>
    product && typeof product === "object" && product.handle == null && typeof product.title === "string"
      ? { ...product, handle: toHandle(product.title) }
      : product
  return (Array.isArray(data) ? data.map(fill) : fill(data)) as T
}

/** A unique violation on the handle, said as what it is; any other error as it came. */
export function duplicateHandleError(error: unknown): unknown {
  if (sqlStateOf(error) !== "23505" || !isModlinkError(error)) return error
  if (error.details?.constraint !== modelIndexName("product", "handle", true)) return error
  const handle = /=\((.*)\) already exists/.exec(String(error.details?.detail ?? ""))?.[1]
  return new ModlinkError(
    "INVALID_INPUT",
    `A product with handle ${handle === undefined ? "given" : JSON.stringify(handle)} already exists`,
    {
      hint: "handles are unique among live products (one is made from the title when none is given): pass another handle",
      details: { handle },
      cause: error,
    },
  )
}
