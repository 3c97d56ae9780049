-- Stage ingest: files from the dated inbox, decoded and fingerprinted. Written by assets/ingest.py.
CREATE SCHEMA IF NOT EXISTS raw;

CREATE TABLE raw.documents (
    doc_id          VARCHAR   NOT NULL,
    partition_date  DATE      NOT NULL,
    source_path     VARCHAR   NOT NULL,
    content_sha256  VARCHAR   NOT NULL,
    n_bytes         BIGINT    NOT NULL,
    encoding        VARCHAR   NOT NULL,
    media_type      VARCHAR   NOT NULL,
    raw_text        VARCHAR   NOT NULL,
    ingested_at     TIMESTAMP NOT NULL,
    page_meta       VARCHAR
);
COMMENT ON TABLE raw.documents IS 'One row per ingested file: its decoded text and fingerprint';
COMMENT ON COLUMN raw.documents.doc_id IS '''D'' + first 15 hex digits of content_sha256: stable for the same bytes';
COMMENT ON COLUMN raw.documents.partition_date IS 'The inbox day folder the file arrived in (the Dagster partition)';
COMMENT ON COLUMN raw.documents.source_path IS 'Path relative to the inbox, e.g. 2024-05-14/northwire/summit.txt';
COMMENT ON COLUMN raw.documents.content_sha256 IS 'SHA-256 of the file''s bytes';
COMMENT ON COLUMN raw.documents.n_bytes IS 'File size in bytes';
COMMENT ON COLUMN raw.documents.encoding IS 'Detected text encoding (utf-8, utf-8-sig, utf-16, cp1252, ...)';
COMMENT ON COLUMN raw.documents.media_type IS 'text/plain, text/markdown or text/html';
COMMENT ON COLUMN raw.documents.raw_text IS 'Decoded text, newlines normalised to \n; for HTML the page title line, then the main text';
COMMENT ON COLUMN raw.documents.ingested_at IS 'When the day was ingested (UTC)';
COMMENT ON COLUMN raw.documents.page_meta IS 'HTML only: what the page''s markup declares (site name, canonical URL, dates, author, language), a JSON object';

CREATE TABLE raw.rejects (
    partition_date  DATE,
    source_path     VARCHAR   NOT NULL,
    reason          VARCHAR   NOT NULL,
    detail          VARCHAR   NOT NULL,
    seen_at         TIMESTAMP NOT NULL,
    content_sha256  VARCHAR,
    n_bytes         BIGINT
);
COMMENT ON TABLE raw.rejects IS 'One row per file, link or folder that was not ingested, with the reason';
COMMENT ON COLUMN raw.rejects.partition_date IS 'The inbox day folder; NULL for what sits directly under the inbox (a misnamed day folder, a loose file, a link)';
COMMENT ON COLUMN raw.rejects.source_path IS 'Path relative to the inbox';
COMMENT ON COLUMN raw.rejects.reason IS 'Why: empty, too_large, binary, undecodable, unsupported_type, unreadable, no_text, duplicate, ... (README lists them)';
COMMENT ON COLUMN raw.rejects.detail IS 'Human-readable explanation (offsets, sizes, the duplicate''s path)';
COMMENT ON COLUMN raw.rejects.seen_at IS 'When the file was looked at (UTC)';
COMMENT ON COLUMN raw.rejects.content_sha256 IS 'SHA-256 of the bytes, when they could be read';
COMMENT ON COLUMN raw.rejects.n_bytes IS 'File size, when known';
