import type { Database } from "../../db/index.ts"
import type { LinkGraph } from "../service/link-graph.ts"
import type { CascadeJournal } from "./cascade-journal.ts"

/** What cascades (`delete`, `restore`) need beyond the links: where each module's rows live. */
export interface CascadeContext {
  graph: LinkGraph
  /** Link tables and the cascade journal live here. */
  main: Database
  /** Key of a module's database (`"main"` when it shares it) and the database itself. */
  databaseOf(module: string): { key: string; db: Database }
  /** Every module on the main database: a cascade can then read and write in one transaction. */
  allOnMain: boolean
  journal: CascadeJournal
}
