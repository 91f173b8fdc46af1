/** A value as JavaScript source, on one line: keys unquoted where they can be, strings in double quotes. */
function literal(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).map(
      ([key, v]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}: ${literal(v)}`,
    )
    return `{ ${entries.join(", ")} }`
  }
  return JSON.stringify(value)
}

/** `query.graph({ entity: "product", fields: ["title"] })`: the call the demo makes, shown before its result. */
export function formatCall(callee: string, ...args: unknown[]): string {
  return `${callee}(${args.map(literal).join(", ")})`
}
