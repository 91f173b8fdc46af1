import { randomBytes, timingSafeEqual } from "node:crypto"
import type { IncomingMessage } from "node:http"
import { ApiError } from "../api/api-error.ts"

/** 192 random bits, URL-safe: the printed URL carries it, every API call must send it back. */
export function newToken(): string {
  return randomBytes(24).toString("base64url")
}

/** The token a request carries: `Authorization: Bearer <token>` or the `x-modlink-token` header. */
function tokenOf(request: IncomingMessage): string | undefined {
  const header = request.headers["x-modlink-token"]
  if (typeof header === "string") return header
  const auth = request.headers.authorization
  return auth?.startsWith("Bearer ") ? auth.slice("Bearer ".length) : undefined
}

/** Refuses (401) a request without the token; compared in constant time. */
export function checkToken(request: IncomingMessage, token: string): void {
  const given = Buffer.from(tokenOf(request) ?? "")
  const expected = Buffer.from(token)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new ApiError(
      401,
      "UNAUTHORIZED",
      "This API call needs the studio's token",
      "open the URL `modlink studio` printed: it carries the token",
    )
  }
}
