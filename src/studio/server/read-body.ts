import type { IncomingMessage } from "node:http"
import { ApiError } from "../api/api-error.ts"

/**
 * The request body as JSON, refused past `maxBytes` (413, reading stops at once) and when it is
 * not complete within `timeoutMs` (408): a client cannot hold the server with a slow or huge body.
 */
export function readJsonBody(
  request: IncomingMessage,
  maxBytes: number,
  timeoutMs: number,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const fail = (error: ApiError) => {
      clearTimeout(timer)
      request.removeAllListeners("data")
      request.removeAllListeners("end")
      reject(error)
    }
    const timer = setTimeout(
      () => fail(new ApiError(408, "TIMEOUT", `The request body did not arrive within ${timeoutMs} ms`)),
      timeoutMs,
    )
    request.on("data", (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBytes) {
        fail(new ApiError(413, "TOO_LARGE", `The request body is larger than ${maxBytes} bytes`))
        return
      }
      chunks.push(chunk)
    })
    request.on("error", (error) => fail(new ApiError(400, "BAD_REQUEST", error.message)))
    request.on("end", () => {
      clearTimeout(timer)
      const text = Buffer.concat(chunks).toString("utf8")
      if (text.trim() === "") return resolve({})
      try {
        resolve(JSON.parse(text))
      } catch {
        reject(new ApiError(400, "INVALID_JSON", "The request body is not valid JSON"))
      }
    })
  })
}
