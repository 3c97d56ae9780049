-- Stage clean: title and body with boilerplate removed, and every removal explained. Written by assets/clean.py.
CREATE SCHEMA IF NOT EXISTS clean;

CREATE TABLE clean.documents (
    doc_id          VARCHAR NOT NULL,
    partition_date  DATE    NOT NULL,
    title           VARCHAR,
    body            VARCHAR NOT NULL,
    n_chars_raw     INTEGER NOT NULL,
    n_chars_body    INTEGER NOT NULL,
    n_removed       INTEGER NOT NULL
);
COMMENT ON TABLE clean.documents IS 'One row per document: the headline and the article text';
COMMENT ON COLUMN clean.documents.doc_id IS 'raw.documents.doc_id';
COMMENT ON COLUMN clean.documents.partition_date IS 'The inbox day (Dagster partition)';
COMMENT ON COLUMN clean.documents.title IS 'The headline (NULL when none could be told apart)';
COMMENT ON COLUMN clean.documents.body IS 'Article text, paragraphs separated by a blank line; quotes and dashes as written';
COMMENT ON COLUMN clean.documents.n_chars_raw IS 'Length of raw.documents.raw_text';
COMMENT ON COLUMN clean.documents.n_chars_body IS 'Length of body';
COMMENT ON COLUMN clean.documents.n_removed IS 'Number of clean.removed rows for the document';

CREATE TABLE clean.removed (
    doc_id          VARCHAR NOT NULL,
    partition_date  DATE    NOT NULL,
    start_char      INTEGER NOT NULL,
    end_char        INTEGER NOT NULL,
    text            VARCHAR NOT NULL,
    reason          VARCHAR NOT NULL
);
COMMENT ON TABLE clean.removed IS 'Every span taken out of the raw text, and why';
COMMENT ON COLUMN clean.removed.doc_id IS 'raw.documents.doc_id';
COMMENT ON COLUMN clean.removed.partition_date IS 'The inbox day (Dagster partition)';
COMMENT ON COLUMN clean.removed.start_char IS 'Offset into raw.documents.raw_text (0-based characters): raw_text[start_char:end_char] = text';
COMMENT ON COLUMN clean.removed.end_char IS 'End offset (exclusive) into raw_text';
COMMENT ON COLUMN clean.removed.text IS 'The removed span';
COMMENT ON COLUMN clean.removed.reason IS 'Why: navigation, caption, duplicate, cookie_notice, repeated_across_documents, attribution, ... (assets/text/cleaning REASONS)';
