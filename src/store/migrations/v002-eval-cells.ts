import type { Migration } from './migrate'

/**
 * Schema v2, for eval runs. Frozen once shipped.
 *
 * - `call.final`: 1 for the attempt that decided a cell (case × variant × model × repeat), 0 for attempts that were
 *   retried. Metrics read final attempts; spend counts every attempt. Existing rows are final (their runs stored
 *   one row per attempt and the last one decided).
 * - `call.cache_hit`: 1 when the output came from the response cache (a stored ok call with the same request hash),
 *   so no request was sent and no money spent.
 * - One final call per eval cell: a resumed run can never record a cell twice.
 * - `score.call_id` + `assertion_type` ordering index for the results matrix.
 */
const SCHEMA_V2 = `
ALTER TABLE call ADD COLUMN final INTEGER NOT NULL DEFAULT 1 CHECK (final IN (0, 1));
ALTER TABLE call ADD COLUMN cache_hit INTEGER NOT NULL DEFAULT 0 CHECK (cache_hit IN (0, 1));
CREATE UNIQUE INDEX call_final_cell_idx ON call(run_id, case_id, provider_id, model_id, coalesce(variant, ''), repeat_index)
  WHERE final = 1 AND case_id IS NOT NULL;
CREATE INDEX call_cache_idx ON call(request_hash, started_at) WHERE request_hash IS NOT NULL AND status = 'ok' AND final = 1;
`

export const v002EvalCells: Migration = {
  version: 2,
  name: 'eval cells: final attempts and cache hits',
  up(db) {
    db.exec(SCHEMA_V2)
  }
}
