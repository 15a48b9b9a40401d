import { latestVersion, validateMigrations } from './migrate'
import type { Migration } from './migrate'
import { v001InitialSchema } from './v001-initial-schema'
import { v002EvalCells } from './v002-eval-cells'

/** Every migration, in order. Append only; never edit or reorder a shipped one. Checked when this module loads. */
export const MIGRATIONS: readonly Migration[] = validateMigrations([v001InitialSchema, v002EvalCells])

export const LATEST_SCHEMA_VERSION = latestVersion(MIGRATIONS)

export { migrate, MigrationError, SWITCHYARD_APPLICATION_ID, validateMigrations, latestVersion, userVersion } from './migrate'
export type { Migration, MigrateOptions, MigrateResult } from './migrate'
