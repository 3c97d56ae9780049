-- From the release before versioned schemas: the warehouse now records its schema version and what each stage
-- published for each day (so unchanged days can be skipped). Days published before this have no state and are
-- processed again on their next run.
CREATE SCHEMA IF NOT EXISTS meta;

CREATE TABLE meta.schema_version (
    version         INTEGER   NOT NULL,
    contract_sha    VARCHAR   NOT NULL,
    dossier_version VARCHAR   NOT NULL,
    migrated_at     TIMESTAMP NOT NULL
);

CREATE TABLE meta.partition_state (
    stage           VARCHAR   NOT NULL,
    partition_date  DATE      NOT NULL,
    fingerprint     VARCHAR   NOT NULL,
    output_sha      VARCHAR   NOT NULL,
    n_rows          BIGINT    NOT NULL,
    published_at    TIMESTAMP NOT NULL
);

CREATE TABLE meta.step_state (
    step            VARCHAR   NOT NULL,
    input_sha       VARCHAR   NOT NULL,
    finished_at     TIMESTAMP NOT NULL
);

CREATE TABLE meta.mart_status (
    mart            VARCHAR   NOT NULL,
    status          VARCHAR   NOT NULL,
    detail          VARCHAR   NOT NULL,
    checked_at      TIMESTAMP NOT NULL
);
