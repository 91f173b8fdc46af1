export { LINK_REGISTRY_TABLE, type RegistryRow, readLinkRegistry } from "./catalog/link-registry.ts"
export {
  type ApplyLinkPlanOptions,
  type ApplyLinkPlanResult,
  applyLinkPlan,
} from "./links/apply-link-plan.ts"
export type { LinkAction, LinkActionKind, LinkPlan, PlannedChange } from "./links/link-plan.ts"
export { planHasWork } from "./links/link-plan.ts"
export { type PlanOptions, planLinkSync } from "./links/plan-link-sync.ts"
export type { RenameQuestion } from "./links/rename-question.ts"
export { actionLabel, type RenderPlanOptions, renderPlan } from "./links/render-plan.ts"
export { acceptGuess, type RenameResolver } from "./links/resolve-renames.ts"
export {
  type GenerateMigrationOptions,
  type GenerateMigrationResult,
  generateMigration,
} from "./migrations/generate-migration.ts"
export { MIGRATIONS_TABLE, migrationFiles, pendingMigrations } from "./migrations/migration-files.ts"
export { type RunMigrationsResult, runMigrations } from "./migrations/run-migrations.ts"
export { diffTableChanges, diffTables } from "./tables/diff-tables.ts"
export { renderChange, type SchemaChange } from "./tables/render-change.ts"
export type { ChangeRisk, RowCondition, TableChange } from "./tables/table-change.ts"
