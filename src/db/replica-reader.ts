import { isConnectionFailure } from "./connection-failure.ts"
import type { Database, IsolationLevel, OpenTransaction, QueryResult } from "./database.ts"
import type { Sql } from "./sql.ts"

/** How long a replica that failed to answer is skipped before it is tried again. */
const RETRY_AFTER_MS = 5000

interface Replica {
  db: Database
  /** `Date.now()` before which the replica is skipped. */
  downUntil: number
}

/**
 * Reads spread over a database's streaming replicas, round robin. A replica that cannot be reached
 * is skipped for a few seconds and the read runs on the next one; with every replica down it runs
 * on the primary, so a read never fails for want of a replica. Only connection failures move a
 * read on: an error of the statement itself would fail the same way everywhere.
 *
 * `exec` and `transaction` are writes, or must see their own writes: they run on the primary.
 * Closing the reader closes its replica connections; the primary belongs to its opener.
 */
class ReplicaReader implements Database {
  readonly kind: Database["kind"]
  readonly label: string
  readonly inTransaction = false
  private next = 0

  constructor(
    private readonly primary: Database,
    private readonly replicas: Replica[],
  ) {
    this.kind = primary.kind
    this.label = `${primary.label} (reads on ${replicas.map((r) => r.db.label).join(", ")})`
  }

  /** Live replicas from the next in turn, then the primary as the last resort. */
  private candidates(): Array<Replica | undefined> {
    const now = Date.now()
    const start = this.next++ % this.replicas.length
    const order = this.replicas.map((_, i) => this.replicas[(start + i) % this.replicas.length])
    return [...order.filter((replica) => replica.downUntil <= now), undefined]
  }

  private failed(replica: Replica | undefined, error: unknown): boolean {
    if (!replica || !isConnectionFailure(error)) return false
    replica.downUntil = Date.now() + RETRY_AFTER_MS
    return true
  }

  async query<Row>(query: Sql | string, params?: unknown[]): Promise<QueryResult<Row>> {
    for (const replica of this.candidates()) {
      try {
        return await (replica?.db ?? this.primary).query<Row>(query, params)
      } catch (error) {
        if (!this.failed(replica, error)) throw error
      }
    }
    throw new Error("unreachable: the primary is always the last candidate")
  }

  /**
   * A stream moves on only before its first chunk: once records have reached the consumer,
   * starting again elsewhere would repeat them, so a replica lost mid-stream fails the stream.
   */
  async *cursor<Row>(query: Sql, size: number): AsyncGenerator<Row[]> {
    for (const replica of this.candidates()) {
      const chunks = (replica?.db ?? this.primary).cursor<Row>(query, size)[Symbol.asyncIterator]()
      let first: IteratorResult<Row[]>
      try {
        first = await chunks.next()
      } catch (error) {
        if (this.failed(replica, error)) continue
        throw error
      }
      if (first.done) return
      try {
        yield first.value
        for (let chunk = await chunks.next(); !chunk.done; chunk = await chunks.next()) yield chunk.value
      } finally {
        await chunks.return?.()
      }
      return
    }
  }

  exec(script: string): Promise<void> {
    return this.primary.exec(script)
  }

  transaction<T>(work: (tx: Database) => Promise<T>): Promise<T> {
    return this.primary.transaction(work)
  }

  begin(isolation?: IsolationLevel): Promise<OpenTransaction> {
    return this.primary.begin(isolation)
  }

  async close(): Promise<void> {
    await Promise.all(this.replicas.map((replica) => replica.db.close()))
  }
}

/** Reads for `primary` spread over `replicas` (open databases); see ReplicaReader. */
export function replicaReader(primary: Database, replicas: readonly Database[]): Database {
  return new ReplicaReader(
    primary,
    replicas.map((db) => ({ db, downUntil: 0 })),
  )
}
