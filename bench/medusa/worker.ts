import { type ChildProcess, spawn } from "node:child_process"
import { createWriteStream, readFileSync } from "node:fs"
import { createServer, type Socket } from "node:net"
import { join } from "node:path"
import { createInterface } from "node:readline"
import { medusaBin, medusaEnv } from "./install.ts"

/** One timed run on the Medusa side: milliseconds, and the answer when it was asked for. */
export interface MedusaRun {
  ms: number
  answer?: unknown
}

/** The Medusa process the bench drives: operations defined once, then run and timed there. */
export interface MedusaWorker {
  define(key: string, op: string, input: unknown): Promise<void>
  run(key: string, options?: { answer?: boolean }): Promise<MedusaRun>
  close(): Promise<void>
}

const START_TIMEOUT_MS = 5 * 60_000

function logTail(file: string): string {
  try {
    return readFileSync(file, "utf8").trim().split("\n").slice(-20).join("\n")
  } catch {
    return ""
  }
}

/**
 * Starts `medusa exec ./src/scripts/bench-worker.ts <port>` in the Medusa project against
 * `databaseUrl` and waits until the booted app connects back (Medusa's output goes to
 * `<dir>/worker.log`). Requests and answers are JSON lines over that loopback connection.
 */
export async function startWorker(dir: string, databaseUrl: string): Promise<MedusaWorker> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const port = (server.address() as { port: number }).port
  const log = join(dir, "worker.log")
  const output = createWriteStream(log)
  const child: ChildProcess = spawn(medusaBin(dir), ["exec", "./src/scripts/bench-worker.ts", String(port)], {
    cwd: dir,
    env: medusaEnv(databaseUrl),
    stdio: ["ignore", "pipe", "pipe"],
  })
  child.stdout?.pipe(output)
  child.stderr?.pipe(output)
  let socket: Socket
  try {
    socket = await new Promise<Socket>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error("Medusa did not start within 5 minutes")),
        START_TIMEOUT_MS,
      )
      server.once("connection", (s) => {
        clearTimeout(timer)
        resolve(s)
      })
      child.once("exit", (code) => {
        clearTimeout(timer)
        reject(new Error(`medusa exec exited with ${code} before connecting:\n${logTail(log)}`))
      })
    })
  } catch (error) {
    child.kill()
    server.close()
    throw error
  }
  server.close()
  const pending = new Map<number, { resolve: (m: any) => void; reject: (e: Error) => void }>()
  let next = 1
  createInterface({ input: socket }).on("line", (line) => {
    const message = JSON.parse(line) as { id: number; error?: string }
    const waiter = pending.get(message.id)
    pending.delete(message.id)
    if (message.error) waiter?.reject(new Error(`Medusa: ${message.error}`))
    else waiter?.resolve(message)
  })
  child.once("exit", (code) => {
    for (const waiter of pending.values())
      waiter.reject(new Error(`Medusa exited (${code}):\n${logTail(log)}`))
    pending.clear()
  })
  const request = (message: object): Promise<any> =>
    new Promise((resolve, reject) => {
      const id = next++
      pending.set(id, { resolve, reject })
      socket.write(`${JSON.stringify({ ...message, id })}\n`)
    })
  return {
    define: async (key, op, input) => {
      await request({ type: "define", key, op, input })
    },
    run: async (key, options = {}) => {
      const reply = (await request({ type: "run", key, answer: options.answer ?? false })) as MedusaRun
      return { ms: reply.ms, answer: reply.answer }
    },
    close: async () => {
      const exited = new Promise((resolve) => child.once("exit", resolve))
      socket.end(`${JSON.stringify({ type: "close", id: 0 })}\n`)
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))])
      if (child.exitCode === null) child.kill()
    },
  }
}
