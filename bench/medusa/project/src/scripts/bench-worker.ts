import { createConnection } from "node:net"
import { createInterface } from "node:readline"
import { setFlagsFromString } from "node:v8"
import { runInNewContext } from "node:vm"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

/**
 * The Medusa side of modlink's side-by-side bench, run by `medusa exec` (Medusa's documented way to
 * run code with the app's container). It connects back to the bench on the port given as its one
 * argument and, per request, runs one operation through Medusa's public API and times it: the
 * bench sends `define` (an operation and its input, once) and `run` (time it once, return the
 * answer when asked), so inputs are never parsed inside the timed part.
 */
setFlagsFromString("--expose-gc")
const gc = runInNewContext("gc") as () => void

type Operation = (input: any) => Promise<unknown>

interface Request {
  id: number
  type: "define" | "run" | "close"
  key?: string
  op?: string
  input?: unknown
  answer?: boolean
}

export default async function benchWorker({ container, args }: ExecArgs): Promise<void> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const products = container.resolve(Modules.PRODUCT)
  const operations: Record<string, Operation> = {
    graph: (input) => query.graph(input),
    createProducts: (input) => products.createProducts(input),
    linkCreate: async (batches: unknown[][]) => {
      for (const batch of batches) await link.create(batch as any)
    },
    linkDismiss: (input) => link.dismiss(input),
    linkDelete: (input) => link.delete(input),
  }
  const defined = new Map<string, { run: Operation; input: unknown }>()
  const socket = createConnection({ host: "127.0.0.1", port: Number(args[0]) })
  const reply = (message: object) => socket.write(`${JSON.stringify(message)}\n`)
  const lines = createInterface({ input: socket })
  for await (const line of lines) {
    const request = JSON.parse(line) as Request
    try {
      if (request.type === "close") break
      if (request.type === "define") {
        const run = operations[request.op!]
        if (!run) throw new Error(`unknown operation "${request.op}"`)
        defined.set(request.key!, { run, input: request.input })
        reply({ id: request.id })
        continue
      }
      const operation = defined.get(request.key!)
      if (!operation) throw new Error(`operation "${request.key}" was not defined`)
      gc()
      const start = performance.now()
      const answer = await operation.run(operation.input)
      const ms = performance.now() - start
      reply({ id: request.id, ms, answer: request.answer ? answer : undefined })
    } catch (error) {
      reply({
        id: request.id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      })
    }
  }
  socket.end()
}
