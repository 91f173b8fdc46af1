/** The query view's input as the code a user would write, and as the CLI command that runs it. */
export interface QueryInput {
  entity: string
  fields: string[]
  filters?: Record<string, unknown>
  pagination?: { skip?: number; take?: number; order?: Record<string, unknown> }
  withDeleted?: boolean
}

export function typescriptSnippet(input: QueryInput): string {
  return `const { data, metadata } = await app.query.graph(${JSON.stringify(input, null, 2)})`
}

/** POSIX single quotes: the only character to escape inside them is `'` itself. */
const shellQuote = (text: string) =>
  /^[\w.,*@/-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`

export function cliCommand(input: QueryInput): string {
  const parts = ["npx modlink query", input.entity, "--fields", shellQuote(input.fields.join(","))]
  if (input.filters && Object.keys(input.filters).length)
    parts.push("--filters", shellQuote(JSON.stringify(input.filters)))
  const { skip, take, order } = input.pagination ?? {}
  if (order && Object.keys(order).length) parts.push("--order", shellQuote(JSON.stringify(order)))
  if (take !== undefined) parts.push("--take", String(take))
  if (skip) parts.push("--skip", String(skip))
  if (input.withDeleted) parts.push("--with-deleted")
  return parts.join(" ")
}
