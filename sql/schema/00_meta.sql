-- Dossier's own bookkeeping: the schema version of this warehouse and what each stage last published.
CREATE SCHEMA IF NOT EXISTS meta;

CREATE TABLE meta.schema_version (
    version         INTEGER   NOT NULL,
    contract_sha    VARCHAR   NOT NULL,
    dossier_version VARCHAR   NOT NULL,
    migrated_at     TIMESTAMP NOT NULL
);
COMMENT ON TABLE meta.schema_version IS 'One row: the schema version this warehouse is at (sql/migrations/) and the contract it was built from';
COMMENT ON COLUMN meta.schema_version.version IS 'Number of the last migration applied (sql/migrations/NNNN_*.sql)';
COMMENT ON COLUMN meta.schema_version.contract_sha IS 'Hash of sql/schema and sql/marts when views and comments were last applied';
COMMENT ON COLUMN meta.schema_version.dossier_version IS 'Version of Dossier that last migrated the warehouse';
COMMENT ON COLUMN meta.schema_version.migrated_at IS 'When (UTC)';

CREATE TABLE meta.partition_state (
    stage           VARCHAR   NOT NULL,
    partition_date  DATE      NOT NULL,
    fingerprint     VARCHAR   NOT NULL,
    output_sha      VARCHAR   NOT NULL,
    n_rows          BIGINT    NOT NULL,
    published_at    TIMESTAMP NOT NULL
);
COMMENT ON TABLE meta.partition_state IS 'What each stage last published for each day: a re-run with the same fingerprint skips the day';
COMMENT ON COLUMN meta.partition_state.stage IS 'ingest, clean or extract';
COMMENT ON COLUMN meta.partition_state.partition_date IS 'The day (Dagster partition)';
COMMENT ON COLUMN meta.partition_state.fingerprint IS 'Hash of the stage''s inputs for the day and of the code that decides its rows';
COMMENT ON COLUMN meta.partition_state.output_sha IS 'Hash of what the stage wrote for the day (the next stage''s input fingerprint)';
COMMENT ON COLUMN meta.partition_state.n_rows IS 'Rows written for the day, all tables of the stage';
COMMENT ON COLUMN meta.partition_state.published_at IS 'When the day was published (UTC)';

CREATE TABLE meta.step_state (
    step            VARCHAR   NOT NULL,
    input_sha       VARCHAR   NOT NULL,
    finished_at     TIMESTAMP NOT NULL
);
COMMENT ON TABLE meta.step_state IS 'What each warehouse-wide step (copies, entities, marts, publish) last ran on: a run whose inputs are unchanged does nothing';
COMMENT ON COLUMN meta.step_state.step IS 'The step';
COMMENT ON COLUMN meta.step_state.input_sha IS 'Hash of the day states the step read';
COMMENT ON COLUMN meta.step_state.finished_at IS 'When it last ran (UTC)';

CREATE TABLE meta.mart_status (
    mart            VARCHAR   NOT NULL,
    status          VARCHAR   NOT NULL,
    detail          VARCHAR   NOT NULL,
    checked_at      TIMESTAMP NOT NULL
);
COMMENT ON TABLE meta.mart_status IS 'The last validation of each mart: a mart that failed its suite is left out of the published snapshot';
COMMENT ON COLUMN meta.mart_status.mart IS 'The mart view, e.g. marts.figure_facts';
COMMENT ON COLUMN meta.mart_status.status IS 'passed, or held_back (failed its suite: not in the snapshot)';
COMMENT ON COLUMN meta.mart_status.detail IS 'The failed expectations, or the row count';
COMMENT ON COLUMN meta.mart_status.checked_at IS 'When it was validated (UTC)';
