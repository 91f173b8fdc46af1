import type { Database, IsolationLevel } from "../db/index.ts"
import { isTransactionConflict } from "../db/index.ts"
import { ModlinkError } from "../errors/index.ts"
import type { LinkEvent, LinkEventName, LinkEventSink } from "../link/service/index.ts"
import { type ScopeControl, ScopeDatabase } from "./scope-database.ts"
import { checkTwoPhase, commitTwoPhase } from "./two-phase.ts"

/**
 * What `resolve` hands out inside a transaction: the app's container, rebuilt over the scope's
 * databases. Loose here; `Transaction` gives the user the app's names and types.
 */
export interface ScopeContainer {
  resolve(name: string): unknown
}

/** How a scope gets its services: the app builds them over whatever databases it is given. */
export type WireContainer = (
  databases: ReadonlyMap<string, Database>,
  events: LinkEventSink,
) => ScopeContainer

interface HeldEvent {
  event: LinkEventName
  payloads: readonly LinkEvent[]
}

/** One level of nesting: the outer transaction, or a nested `transaction` call (a savepoint). */
interface Level {
  savepoint?: string
  /** Databases already begun when the level started: they hold its savepoint. */
  begunBefore: Set<ScopeDatabase>
  /** The first call that failed at this level; the level can then only roll back. */
  failure?: unknown
  /** Link events of this level, emitted after the outermost commit. */
  events: HeldEvent[]
}

const abortedError = (failure: unknown) =>
  new ModlinkError(
    "TRANSACTION_ABORTED",
    `A call inside this transaction failed, so the transaction can only roll back: ${failure instanceof Error ? failure.message.split("\n")[0] : String(failure)}`,
    {
      hint: "to go on after a failure you catch, make that call in a nested transaction: await scope.transaction(async () => …) rolls back only its own work",
      cause: failure,
    },
  )

/**
 * The `scope` of `app.transaction(async (scope) => …)`: services, link service and query bound to
 * one transaction per database, begun lazily. Commits them together (two-phase across databases),
 * or rolls them all back; link events wait for the commit.
 */
export class TransactionScope implements ScopeControl {
  private readonly databases = new Map<string, ScopeDatabase>()
  private readonly levels: Level[] = [{ begunBefore: new Set(), events: [] }]
  private readonly container: ScopeContainer
  private savepoints = 0
  /** Set once committed or rolled back: the connections are given back, nothing may join any more. */
  settled = false

  constructor(
    appDatabases: ReadonlyMap<string, Database>,
    wire: WireContainer,
    private readonly events: LinkEventSink,
    readonly isolationLevel?: IsolationLevel,
  ) {
    for (const [key, db] of appDatabases) this.databases.set(key, new ScopeDatabase(key, db, this))
    const held: LinkEventSink = {
      on: (event, handler) => events.on(event, handler),
      emit: async (event, payloads) => this.hold(event, payloads),
    }
    this.container = wire(this.databases, held)
  }

  /** Keeps link events of the current level until the outermost commit (dropped on rollback). */
  hold(event: LinkEventName, payloads: readonly LinkEvent[]): void {
    if (payloads.length) this.top.events.push({ event, payloads })
  }

  /** This transaction's side of an app database (`"main"` or a module's key). */
  database(key: string): ScopeDatabase | undefined {
    return this.databases.get(key)
  }

  private get top(): Level {
    return this.levels[this.levels.length - 1]
  }

  get depth(): number {
    return this.levels.length - 1
  }

  /** `"query"`, `"link"` or a module name, bound to this transaction. */
  resolve(name: string): unknown {
    return this.container.resolve(name)
  }

  /** Databases begun so far, main last so it commits last (it holds the two-phase decision). */
  private begun(): ScopeDatabase[] {
    return [...this.databases.values()]
      .filter((db) => db.begun)
      .sort((a, b) => Number(a.key === "main") - Number(b.key === "main"))
  }

  async admit(db: ScopeDatabase): Promise<void> {
    const begun = this.begun()
    if (begun.length) await checkTwoPhase([...begun, db])
  }

  refuseIfFailed(): void {
    const failed = this.levels.find((level) => level.failure !== undefined)
    if (failed) throw abortedError(failed.failure)
  }

  failed(error: unknown): void {
    this.top.failure ??= error
  }

  /** The first failure of the whole transaction, if any. */
  get failure(): unknown {
    return this.levels.find((level) => level.failure !== undefined)?.failure
  }

  /**
   * A nested transaction: a savepoint on every database already begun. A failure inside rolls back
   * to it (and drops what began inside) and is thrown; the outer transaction goes on. A conflict
   * (serialization failure, deadlock) is the whole transaction's, so it is not contained.
   */
  async nested<T>(run: () => Promise<T>): Promise<T> {
    this.refuseIfFailed()
    const level: Level = {
      savepoint: `modlink_sp_${++this.savepoints}`,
      begunBefore: new Set(this.begun()),
      events: [],
    }
    // Pushed before the first await, so a second nested call started alongside sees it and refuses.
    this.levels.push(level)
    let result: T
    try {
      for (const db of level.begunBefore) await db.runControl(`SAVEPOINT ${level.savepoint}`)
      result = await run()
      if (level.failure !== undefined) throw abortedError(level.failure)
    } catch (error) {
      this.levels.pop()
      if (isTransactionConflict(error) || isTransactionConflict(level.failure)) {
        this.failed(level.failure ?? error)
        throw error
      }
      try {
        for (const db of this.begun()) {
          if (level.begunBefore.has(db)) await db.runControl(`ROLLBACK TO SAVEPOINT ${level.savepoint}`)
          else await db.end("ROLLBACK")
        }
      } catch (rollbackError) {
        this.failed(rollbackError)
      }
      throw error
    }
    this.levels.pop()
    this.top.events.push(...level.events)
    return result
  }

  /** Runs the callback of the outermost level and ends every transaction it began. */
  async run<T>(callback: () => Promise<T>): Promise<T> {
    let result: T
    try {
      result = await callback()
    } catch (error) {
      await this.rollback()
      throw error
    }
    const failure = this.failure
    if (failure !== undefined) {
      await this.rollback()
      // A conflict stays a conflict (so retries see it) even when the callback swallowed it.
      throw isTransactionConflict(failure) ? failure : abortedError(failure)
    }
    try {
      await this.commit()
    } catch (error) {
      await this.rollback()
      throw error
    } finally {
      this.settled = true
    }
    for (const { event, payloads } of this.levels[0].events) await this.events.emit(event, payloads)
    return result
  }

  private async commit(): Promise<void> {
    const begun = this.begun()
    if (begun.length === 1) return begun[0].end("COMMIT")
    if (begun.length === 0) return
    const main = this.databases.get("main")!
    return commitTwoPhase(
      main,
      begun.filter((db) => db !== main),
    )
  }

  private async rollback(): Promise<void> {
    this.settled = true
    await Promise.all(this.begun().map((db) => db.end("ROLLBACK").catch(() => {})))
  }
}
