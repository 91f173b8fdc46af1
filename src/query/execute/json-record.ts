/**
 * A row's JSON column as an object. The drivers parse `json` columns row by row as the rows arrive,
 * so each row's text can be freed early (selecting text and parsing afterwards kept the whole
 * result's text alive at once); a driver that hands back text is parsed here.
 */
export function jsonRecord(value: unknown): Record<string, unknown> {
  return (typeof value === "string" ? JSON.parse(value) : value) as Record<string, unknown>
}
