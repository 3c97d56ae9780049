-- Stage ingest: files from the dated inbox, decoded and fingerprinted. Written by assets/ingest.py.
CREATE SCHEMA IF NOT EXISTS raw;

CREATE TABLE IF NOT EXISTS raw.documents (
    doc_id          VARCHAR   NOT NULL,  -- 'D' + first 15 hex of content_sha256: stable for the same bytes
    partition_date  DATE      NOT NULL,  -- the inbox day folder the file arrived in (the Dagster partition)
    source_path     VARCHAR   NOT NULL,  -- path relative to the inbox, e.g. 2024-05-14/northwire/summit.txt
    content_sha256  VARCHAR   NOT NULL,  -- SHA-256 of the file's bytes
    n_bytes         BIGINT    NOT NULL,  -- file size in bytes
    encoding        VARCHAR   NOT NULL,  -- detected text encoding (utf-8, utf-8-sig, utf-16, cp1252, …)
    media_type      VARCHAR   NOT NULL,  -- text/plain, text/markdown or text/html
    raw_text        VARCHAR   NOT NULL,  -- decoded text, newlines normalised to \n; for HTML the page title
                                         -- line plus trafilatura's main text
    ingested_at     TIMESTAMP NOT NULL   -- when this partition was ingested (UTC)
);

CREATE TABLE IF NOT EXISTS raw.rejects (
    partition_date  DATE      NOT NULL,  -- the inbox day folder
    source_path     VARCHAR   NOT NULL,  -- path relative to the inbox
    reason          VARCHAR   NOT NULL,  -- empty | too_large | binary | undecodable | unsupported_type |
                                         -- unreadable | no_text | duplicate
    detail          VARCHAR   NOT NULL,  -- human-readable explanation (offsets, sizes, the duplicate's path)
    seen_at         TIMESTAMP NOT NULL,  -- when the file was looked at (UTC)
    content_sha256  VARCHAR,             -- SHA-256 of the bytes when they could be read
    n_bytes         BIGINT               -- file size when known
);
