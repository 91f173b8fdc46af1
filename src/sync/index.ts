export { type ApplyLinkPlanOptions, type ApplyLinkPlanResult, applyLinkPlan } from "./apply-link-plan.ts"
export { LINK_REGISTRY_TABLE, type RegistryRow, readLinkRegistry } from "./catalog/link-registry.ts"
export { diffTableChanges, diffTables } from "./diff-tables.ts"
export {
  type GenerateMigrationOptions,
  type GenerateMigrationResult,
  generateMigration,
} from "./generate-migration.ts"
export type { LinkAction, LinkActionKind, LinkPlan, PlannedChange } from "./link-plan.ts"
export { planHasWork } from "./link-plan.ts"
export { MIGRATIONS_TABLE, migrationFiles, pendingMigrations } from "./migration-files.ts"
export { type PlanOptions, planLinkSync } from "./plan-link-sync.ts"
export { renderChange, type SchemaChange } from "./render-change.ts"
export { actionLabel, type RenderPlanOptions, renderPlan } from "./render-plan.ts"
export { type RunMigrationsResult, runMigrations } from "./run-migrations.ts"
export type { ChangeRisk, RowCondition, TableChange } from "./table-change.ts"
