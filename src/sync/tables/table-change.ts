import type {
  CheckSchema,
  ColumnSchema,
  ForeignKeySchema,
  IndexSchema,
  TableSchema,
} from "../../dml/table-schema.ts"
import type { IntrospectedIndex } from "../catalog/introspect.ts"

/**
 * One change to one table, as data: what the diff decided, before anyone turns it into SQL or
 * words (`render-change.ts` does both). Every name in a node is final: the diff already chose it.
 */
export type TableChange =
  | { kind: "create-table"; table: string; schema: TableSchema }
  | { kind: "drop-table"; table: string; cascade?: boolean }
  | { kind: "rename-table"; table: string; from: string }
  | { kind: "add-column"; table: string; column: ColumnSchema }
  | { kind: "drop-column"; table: string; column: string }
  | { kind: "rename-column"; table: string; from: string; to: string }
  | { kind: "alter-column-type"; table: string; column: ColumnSchema; from: string }
  | { kind: "set-default"; table: string; column: string; default?: string }
  | { kind: "set-nullable"; table: string; column: string; nullable: boolean }
  | { kind: "rename-primary-key"; table: string; from: string; to: string }
  | { kind: "drop-primary-key"; table: string; name: string; columns: readonly string[] }
  | { kind: "add-primary-key"; table: string; columns: readonly string[] }
  /** `newTable`: created with its table, so no existing row can break it. */
  | { kind: "add-index"; table: string; index: IndexSchema; newTable?: boolean }
  | { kind: "rename-index"; table: string; from: string; to: string }
  | { kind: "drop-index"; table: string; index: IntrospectedIndex }
  | { kind: "add-check"; table: string; check: CheckSchema }
  | { kind: "drop-constraint"; table: string; name: string; noun: "check" | "foreign key" }
  | { kind: "add-foreign-key"; table: string; key: ForeignKeySchema; newTable?: boolean }

export type TableChangeKind = TableChange["kind"]

/**
 * How far a change can hurt: `safe` keeps every row and cannot fail; `may-fail` adds a rule
 * existing rows may break (the statement then fails, nothing is lost); `destructive` loses data.
 */
export type ChangeRisk = "safe" | "may-fail" | "destructive"

/** What existing rows must satisfy for a `may-fail` change; the planner counts the rows that do not. */
export type RowCondition =
  | { kind: "unique"; columns: string[]; where?: string }
  | { kind: "not-null"; column: string }
  | { kind: "empty" }
  | { kind: "check"; expression: string }
  | { kind: "foreign-key" }
