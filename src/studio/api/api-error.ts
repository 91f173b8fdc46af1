/**
 * A failed API call, on both ends of the wire: the server throws it for a refusal of its own
 * (token, size, time, route) and sends `{ error: { code, message, hint? } }` with the status; the
 * browser client rebuilds it from that answer.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly hint?: string,
  ) {
    super(message)
  }
}
