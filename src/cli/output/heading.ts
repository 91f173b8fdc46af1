import { colors } from "./colors.ts"

/** A numbered section of a long report (the demo): blank line, bold title, optional dim note. */
export function heading(number: number, title: string, note?: string): string {
  const line = `\n${colors.bold(`${number}. ${title}`)}`
  return note ? `${line}\n${colors.dim(note)}` : line
}
