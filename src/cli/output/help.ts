/**
 * The "Examples:" block every command appends to its `--help`: the command, then what it does.
 * Commands are aligned so the descriptions read as a column.
 */
export function examples(...items: [command: string, what: string][]): string {
  const width = Math.max(...items.map(([command]) => command.length))
  const lines = items.map(([command, what]) => `  $ ${command.padEnd(width)}  # ${what}`)
  return `\nExamples:\n${lines.join("\n")}`
}
