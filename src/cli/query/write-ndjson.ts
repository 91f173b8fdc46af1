import { once } from "node:events"

/**
 * Writes each record as one line of JSON as it arrives, waiting whenever stdout's buffer is full:
 * piped into a slow reader, the stream then pauses instead of piling records up in memory.
 * Returns the number of records written.
 */
export async function writeNdjson(records: AsyncIterable<unknown>, out = process.stdout): Promise<number> {
  let count = 0
  for await (const record of records) {
    count++
    if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, "drain")
  }
  return count
}
