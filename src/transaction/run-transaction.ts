import { AsyncLocalStorage } from "node:async_hooks"
import type { Container } from "../app/registry.ts"
import type { Database } from "../db/index.ts"
import { isTransactionConflict } from "../db/index.ts"
import { ModlinkError } from "../errors/index.ts"
import type { LinkEventSink } from "../link/service/index.ts"
import { AmbientDatabase } from "./ambient-database.ts"
import { readTransactionOptions, type TransactionOptions } from "./transaction-options.ts"
import { type ScopeContainer, TransactionScope, type WireContainer } from "./transaction-scope.ts"

/** The `scope` a transaction callback receives. */
export interface Transaction {
  /** `"query"`, `"link"` or a module name, bound to this transaction; typed as `app.resolve`. */
  resolve<Name extends keyof Container & string>(name: Name): Container[Name]
  /** A nested transaction: joins this one; a failure inside rolls back only the nested work. */
  transaction<T>(callback: (scope: Transaction) => Promise<T>): Promise<T>
}

/** Where a callback runs: its scope and its nesting depth, so a nested call finds what it joins. */
interface Running {
  scope: TransactionScope
  depth: number
}

/**
 * `app.transaction`: one per app, holding the transaction the current async call chain runs in, so
 * a `transaction` call made anywhere inside the callback joins it instead of opening a second one
 * (which on PGlite's single connection would wait for the first forever).
 */
export class Transactions {
  private readonly running = new AsyncLocalStorage<Running>()

  constructor(
    private readonly databases: ReadonlyMap<string, Database>,
    private readonly wire: WireContainer,
    private readonly events: LinkEventSink,
  ) {}

  /** True when called from inside a callback whose transaction is still open. */
  get active(): boolean {
    return this.current() !== undefined
  }

  /**
   * Where the current async call chain runs: inside a callback whose transaction is still open.
   * Code the callback started may outlive it (an event handler after the commit, a promise left
   * running): that code runs outside, not in a transaction that has ended.
   */
  private current(): Running | undefined {
    const running = this.running.getStore()
    return running && !running.scope.settled ? running : undefined
  }

  /**
   * The app's databases and event sink as its own container holds them: inside a callback they are
   * the transaction's (statements on its connections, events held until the commit), elsewhere the
   * app's. `readers` (replicas) route to the transaction's primaries: reads must see its writes.
   */
  ambient(
    databases: ReadonlyMap<string, Database>,
    readers: ReadonlyMap<string, Database>,
  ): { databases: Map<string, Database>; readers: Map<string, Database>; events: LinkEventSink } {
    const wrap = (map: ReadonlyMap<string, Database>) =>
      new Map(
        [...map].map(([key, db]) => [
          key,
          new AmbientDatabase(db, () => this.current()?.scope.database(key)),
        ]),
      )
    const routed = wrap(databases)
    return {
      databases: routed,
      readers: readers === databases ? routed : wrap(readers),
      events: {
        on: (event, handler) => this.events.on(event, handler),
        emit: async (event, payloads) => {
          const running = this.current()
          if (running) running.scope.hold(event, payloads)
          else await this.events.emit(event, payloads)
        },
      },
    }
  }

  async run<T>(callback: (scope: Transaction) => Promise<T>, options?: TransactionOptions): Promise<T> {
    if (typeof callback !== "function") {
      throw new ModlinkError("INVALID_INPUT", "app.transaction needs a callback", {
        hint: 'await app.transaction(async (scope) => { const product = scope.resolve("product"); … })',
      })
    }
    const outer = this.current()
    if (outer) return this.nested(outer, callback)
    const { isolationLevel, retries } = readTransactionOptions(options)
    for (let attempt = 0; ; attempt++) {
      const scope = new TransactionScope(this.databases, this.wire, this.events, isolationLevel)
      try {
        return await this.running.run({ scope, depth: 0 }, () =>
          scope.run(() => callback(this.facade(scope))),
        )
      } catch (error) {
        if (!isTransactionConflict(error)) throw error
        if (attempt < retries) {
          // Jitter, so the transactions that collided do not meet again at the same instant.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * (attempt + 1)))
          continue
        }
        throw new ModlinkError(
          "TRANSACTION_CONFLICT",
          `The transaction was rolled back by PostgreSQL to let a concurrent one through (${(error as Error).message.split("\n")[0]})${retries ? ` ${retries + 1} times` : ""}; nothing of it was committed`,
          {
            hint: retries
              ? "the same rows are contended too often: pass more retries, or make the transactions shorter"
              : "run it again, or pass { retries: 3 } to app.transaction to re-run the callback (only if it is safe to run twice)",
            details: { sqlState: (error as ModlinkError).details?.sqlState, attempts: attempt + 1 },
            cause: error,
          },
        )
      }
    }
  }

  private nested<T>(outer: Running, callback: (scope: Transaction) => Promise<T>): Promise<T> {
    if (outer.depth !== outer.scope.depth) {
      throw new ModlinkError(
        "INVALID_INPUT",
        "Nested transactions of one transaction must run one at a time",
        {
          hint: "await each nested scope.transaction(…) before starting the next; they share one connection per database",
        },
      )
    }
    const { scope } = outer
    return scope.nested(() =>
      this.running.run({ scope, depth: outer.depth + 1 }, () => callback(this.facade(scope))),
    )
  }

  private facade(scope: TransactionScope): Transaction {
    const facade: ScopeContainer & Pick<Transaction, "transaction"> = {
      resolve: (name) => scope.resolve(name),
      transaction: (callback) => this.run(callback),
    }
    // Through unknown: relating the loose resolve to the typed one would make the checker compare
    // every service of the app's container with every other (minutes on a real app).
    return facade as unknown as Transaction
  }
}
