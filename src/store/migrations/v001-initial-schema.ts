import type { Migration } from './migrate'

/**
 * Schema v1. Frozen once shipped: change the schema with a new migration, never by editing this one.
 *
 * - Times are INTEGER epoch milliseconds; durations are REAL milliseconds; money is REAL USD.
 * - Enums whose list is closed (call status, run status, price source, booleans) are CHECKed here. Enums that grow
 *   with the product (provider kind, run kind, error class) are validated by the repositories against the core zod
 *   enums instead, so adding a value never forces a rebuild of a large table such as `call`.
 * - `call.provider_id` / `call.model_id` are plain references (no foreign key): history survives removing a provider.
 * - Versions (`contract_version`, `dataset_version`, `dataset_case`) are immutable: triggers refuse UPDATE.
 * - Provider keys never live here: the secret store holds them, referenced by provider id.
 */
const SCHEMA_V1 = `
CREATE TABLE provider (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  name TEXT NOT NULL CHECK (length(name) > 0),
  base_url TEXT,
  options_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(options_json)),
  enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  built_in INTEGER NOT NULL DEFAULT 0 CHECK (built_in IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE model (
  id TEXT PRIMARY KEY,
  provider_id TEXT NOT NULL REFERENCES provider(id) ON DELETE CASCADE,
  model_id TEXT NOT NULL CHECK (length(model_id) > 0),
  display_name TEXT NOT NULL,
  context_window INTEGER CHECK (context_window IS NULL OR context_window > 0),
  input_price_per_mtok REAL CHECK (input_price_per_mtok IS NULL OR input_price_per_mtok >= 0),
  output_price_per_mtok REAL CHECK (output_price_per_mtok IS NULL OR output_price_per_mtok >= 0),
  cached_input_price_per_mtok REAL CHECK (cached_input_price_per_mtok IS NULL OR cached_input_price_per_mtok >= 0),
  price_source TEXT NOT NULL DEFAULT 'unknown' CHECK (price_source IN ('catalog', 'user', 'emulator', 'unknown')),
  enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (provider_id, model_id)
) STRICT;

CREATE TABLE contract (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) > 0),
  description TEXT NOT NULL DEFAULT '',
  feature TEXT,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE contract_version (
  id TEXT PRIMARY KEY,
  contract_id TEXT NOT NULL REFERENCES contract(id) ON DELETE CASCADE,
  version INTEGER NOT NULL CHECK (version > 0),
  body_json TEXT NOT NULL CHECK (json_valid(body_json)),
  created_at INTEGER NOT NULL,
  UNIQUE (contract_id, version)
) STRICT;

CREATE TABLE dataset (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) > 0),
  description TEXT NOT NULL DEFAULT '',
  contract_id TEXT REFERENCES contract(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX dataset_contract_idx ON dataset(contract_id) WHERE contract_id IS NOT NULL;

CREATE TABLE dataset_version (
  id TEXT PRIMARY KEY,
  dataset_id TEXT NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
  version INTEGER NOT NULL CHECK (version > 0),
  case_count INTEGER NOT NULL CHECK (case_count >= 0),
  note TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  UNIQUE (dataset_id, version)
) STRICT;

CREATE TABLE dataset_case (
  id TEXT PRIMARY KEY,
  dataset_version_id TEXT NOT NULL REFERENCES dataset_version(id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  vars_json TEXT NOT NULL CHECK (json_valid(vars_json)),
  expected TEXT,
  assertions_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(assertions_json)),
  tags_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags_json)),
  notes TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  UNIQUE (dataset_version_id, position)
) STRICT;

CREATE TABLE suite (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) > 0),
  contract_version_id TEXT NOT NULL REFERENCES contract_version(id),
  dataset_version_id TEXT REFERENCES dataset_version(id),
  config_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(config_json)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX suite_contract_version_idx ON suite(contract_version_id);
CREATE INDEX suite_dataset_version_idx ON suite(dataset_version_id) WHERE dataset_version_id IS NOT NULL;

CREATE TABLE run (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed', 'cancelled', 'interrupted')),
  title TEXT NOT NULL DEFAULT '',
  suite_id TEXT REFERENCES suite(id) ON DELETE SET NULL,
  contract_version_id TEXT REFERENCES contract_version(id) ON DELETE SET NULL,
  dataset_version_id TEXT REFERENCES dataset_version(id) ON DELETE SET NULL,
  config_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(config_json)),
  created_at INTEGER NOT NULL,
  started_at INTEGER,
  finished_at INTEGER,
  totals_json TEXT CHECK (totals_json IS NULL OR json_valid(totals_json)),
  error TEXT
) STRICT;
CREATE INDEX run_kind_started_idx ON run(kind, started_at);
CREATE INDEX run_started_idx ON run(started_at);
CREATE INDEX run_open_idx ON run(status) WHERE status IN ('queued', 'running');
CREATE INDEX run_suite_idx ON run(suite_id) WHERE suite_id IS NOT NULL;
CREATE INDEX run_contract_version_idx ON run(contract_version_id) WHERE contract_version_id IS NOT NULL;
CREATE INDEX run_dataset_version_idx ON run(dataset_version_id) WHERE dataset_version_id IS NOT NULL;

CREATE TABLE call (
  id TEXT PRIMARY KEY,
  run_id TEXT NOT NULL REFERENCES run(id) ON DELETE CASCADE,
  case_id TEXT REFERENCES dataset_case(id) ON DELETE SET NULL,
  provider_id TEXT NOT NULL,
  model_id TEXT NOT NULL,
  variant TEXT,
  repeat_index INTEGER NOT NULL DEFAULT 0 CHECK (repeat_index >= 0),
  attempt INTEGER NOT NULL DEFAULT 1 CHECK (attempt >= 1),
  request_hash TEXT,
  status TEXT NOT NULL CHECK (status IN ('ok', 'error', 'cancelled')),
  started_at INTEGER NOT NULL,
  first_byte_ms REAL,
  ttft_ms REAL,
  latency_ms REAL,
  itl_p50_ms REAL,
  itl_p95_ms REAL,
  token_count_stream INTEGER,
  input_tokens INTEGER,
  output_tokens INTEGER,
  cached_tokens INTEGER,
  reasoning_tokens INTEGER,
  usage_estimated INTEGER NOT NULL DEFAULT 0 CHECK (usage_estimated IN (0, 1)),
  cost_usd REAL CHECK (cost_usd IS NULL OR cost_usd >= 0),
  finish_reason TEXT,
  error_class TEXT,
  error_message TEXT,
  http_status INTEGER,
  request_id TEXT,
  retry_after_ms REAL,
  output_text TEXT,
  output_json TEXT CHECK (output_json IS NULL OR json_valid(output_json)),
  feature TEXT
) STRICT;
-- (run_id, status, cost_usd) also covers the per-run count / error count / cost aggregation of runs.list.
CREATE INDEX call_run_idx ON call(run_id, status, cost_usd);
CREATE INDEX call_model_started_idx ON call(provider_id, model_id, started_at);
CREATE INDEX call_case_idx ON call(case_id) WHERE case_id IS NOT NULL;
CREATE INDEX call_request_hash_idx ON call(request_hash) WHERE request_hash IS NOT NULL;
CREATE INDEX call_feature_started_idx ON call(feature, started_at) WHERE feature IS NOT NULL;

CREATE TABLE score (
  id TEXT PRIMARY KEY,
  call_id TEXT NOT NULL REFERENCES call(id) ON DELETE CASCADE,
  assertion_type TEXT NOT NULL CHECK (length(assertion_type) > 0),
  pass INTEGER CHECK (pass IS NULL OR pass IN (0, 1)),
  score REAL,
  reason TEXT,
  weight REAL NOT NULL DEFAULT 1 CHECK (weight >= 0),
  error TEXT,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX score_call_idx ON score(call_id);

CREATE TABLE feedback (
  id TEXT PRIMARY KEY,
  call_id TEXT NOT NULL REFERENCES call(id) ON DELETE CASCADE,
  rating INTEGER CHECK (rating IS NULL OR rating IN (-1, 0, 1)),
  note TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX feedback_call_idx ON feedback(call_id);

CREATE TABLE routing_policy (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) > 0),
  contract_id TEXT REFERENCES contract(id) ON DELETE SET NULL,
  body_json TEXT NOT NULL CHECK (json_valid(body_json)),
  provenance_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(provenance_json)),
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX routing_policy_contract_idx ON routing_policy(contract_id) WHERE contract_id IS NOT NULL;

CREATE TABLE export (
  id TEXT PRIMARY KEY,
  routing_policy_id TEXT NOT NULL REFERENCES routing_policy(id) ON DELETE CASCADE,
  target TEXT NOT NULL CHECK (length(target) > 0),
  text TEXT NOT NULL,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX export_policy_idx ON export(routing_policy_id);

CREATE TABLE setting (
  key TEXT PRIMARY KEY,
  value_json TEXT NOT NULL CHECK (json_valid(value_json))
) STRICT;

CREATE TRIGGER contract_version_immutable BEFORE UPDATE ON contract_version
BEGIN SELECT RAISE(ABORT, 'contract versions are immutable; save a new version instead'); END;
CREATE TRIGGER dataset_version_immutable BEFORE UPDATE ON dataset_version
BEGIN SELECT RAISE(ABORT, 'dataset versions are immutable; save a new version instead'); END;
CREATE TRIGGER dataset_case_immutable BEFORE UPDATE ON dataset_case
BEGIN SELECT RAISE(ABORT, 'dataset cases are immutable; save a new dataset version instead'); END;
`

export const v001InitialSchema: Migration = {
  version: 1,
  name: 'initial schema',
  up(db) {
    db.exec(SCHEMA_V1)
  }
}
