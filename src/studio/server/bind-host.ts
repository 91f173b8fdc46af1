const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"])

/**
 * Studio serves a database: anyone who can reach the port and has the token can read it (and
 * write, with --write). On a host other than loopback, say so before serving.
 */
export function hostWarning(host: string): string | undefined {
  if (LOOPBACK.has(host)) return undefined
  return `studio listens on ${host}: other machines that reach this address can read the database with the token (use --host 127.0.0.1 to keep it local)`
}
