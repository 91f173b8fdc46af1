// Reads GET /products' query string into a query.graph input. Only the shape is checked here
// (which parameters, JSON where JSON is expected, whole numbers); entity, field and filter names
// are modlink's to check, and its errors name the closest valid one.

/** A request the client got wrong: answered with 400 and this message. */
export class BadRequest extends Error {
  /** @param {string} message @param {string} [hint] */
  constructor(message, hint) {
    super(message)
    this.hint = hint
  }
}

const PARAMETERS = ["fields", "filters", "order", "take", "skip"]

/** @param {string} name @param {string} text */
function json(name, text) {
  let value
  try {
    value = JSON.parse(text)
  } catch {
    throw new BadRequest(`${name} is not JSON: ${text}`, `e.g. ${name}={"title":{"$ilike":"%lamp%"}}`)
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new BadRequest(`${name} must be a JSON object, got ${text}`)
  }
  return value
}

/** @param {string} name @param {string} text */
function count(name, text) {
  const value = Number(text)
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value)) {
    throw new BadRequest(`${name} must be a whole number ≥ 0, got "${text}"`)
  }
  return value
}

/**
 * `?fields=title,post.title&filters={...}&order={...}&take=20&skip=0` → the input of
 * `query.graph({ entity: "product", ... })`.
 * @param {URLSearchParams} params
 */
export function productsQuery(params) {
  for (const name of params.keys()) {
    if (!PARAMETERS.includes(name)) {
      throw new BadRequest(`Unknown parameter "${name}"`, `the parameters are ${PARAMETERS.join(", ")}`)
    }
  }
  const fields = (params.get("fields") ?? "")
    .split(",")
    .map((path) => path.trim())
    .filter(Boolean)
  if (fields.length === 0) throw new BadRequest("fields is required", "e.g. fields=title,post.title")
  const take = params.get("take")
  const skip = params.get("skip")
  const order = params.get("order")
  const filters = params.get("filters")
  return {
    entity: "product",
    fields,
    ...(filters === null ? {} : { filters: json("filters", filters) }),
    ...(take === null && skip === null && order === null
      ? {}
      : {
          pagination: {
            ...(take === null ? {} : { take: count("take", take) }),
            ...(skip === null ? {} : { skip: count("skip", skip) }),
            ...(order === null ? {} : { order: json("order", order) }),
          },
        }),
  }
}
