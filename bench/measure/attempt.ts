import type { ResultRow } from "./cases.ts"

export interface Where {
  size: number
  backend: string
}

/**
 * Runs one measurement; a failure (a wrong answer included) becomes a FAILED row and the bench
 * goes on, so one broken operation does not hide the numbers of the others.
 */
export async function attempt(
  name: string,
  where: Where,
  work: () => Promise<ResultRow[]>,
): Promise<ResultRow[]> {
  process.stderr.write(`  ${where.backend} N=${where.size}: ${name}…\n`)
  try {
    return await work()
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    process.stderr.write(`  FAILED ${name}: ${message}\n`)
    return [{ ...where, operation: name, error: message.split("\n")[0].slice(0, 300) }]
  }
}
