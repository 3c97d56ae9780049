-- Stage clean: title and body with boilerplate removed, and every removal explained. Written by assets/clean.py.
CREATE SCHEMA IF NOT EXISTS clean;

CREATE TABLE clean.document_rows (
    doc_id          VARCHAR   NOT NULL,
    partition_date  DATE      NOT NULL,
    title           VARCHAR,
    body            VARCHAR   NOT NULL,
    n_chars_raw     INTEGER   NOT NULL,
    n_chars_body    INTEGER   NOT NULL,
    n_removed       INTEGER   NOT NULL,
    outlet          VARCHAR,
    url             VARCHAR,
    published_at    TIMESTAMP,
    author          VARCHAR,
    language        VARCHAR
);
COMMENT ON TABLE clean.document_rows IS 'One row per document as the clean stage wrote it (clean.documents adds the copy it repeats)';
COMMENT ON COLUMN clean.document_rows.doc_id IS 'raw.documents.doc_id';
COMMENT ON COLUMN clean.document_rows.partition_date IS 'The inbox day (Dagster partition)';
COMMENT ON COLUMN clean.document_rows.title IS 'The headline (NULL when none could be told apart)';
COMMENT ON COLUMN clean.document_rows.body IS 'Article text, paragraphs separated by a blank line; quotes and dashes as written';
COMMENT ON COLUMN clean.document_rows.n_chars_raw IS 'Length of raw.documents.raw_text';
COMMENT ON COLUMN clean.document_rows.n_chars_body IS 'Length of body';
COMMENT ON COLUMN clean.document_rows.n_removed IS 'Number of clean.removed rows for the document';
COMMENT ON COLUMN clean.document_rows.outlet IS 'The publisher as the page names itself (NULL when the page does not say); evidence in clean.metadata_evidence';
COMMENT ON COLUMN clean.document_rows.url IS 'The page''s own address when the page states it (canonical link, printed permalink)';
COMMENT ON COLUMN clean.document_rows.published_at IS 'When the page says it was published (local time as written; midnight when only a date is given)';
COMMENT ON COLUMN clean.document_rows.author IS 'Every named author, "; "-separated (not desks or agencies)';
COMMENT ON COLUMN clean.document_rows.language IS 'Language of the body (ISO 639-1)';

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

CREATE TABLE clean.metadata_evidence (
    doc_id          VARCHAR NOT NULL,
    partition_date  DATE    NOT NULL,
    field           VARCHAR NOT NULL,
    value           VARCHAR NOT NULL,
    source          VARCHAR NOT NULL,
    rule            VARCHAR NOT NULL,
    start_char      INTEGER,
    end_char        INTEGER,
    text            VARCHAR NOT NULL
);
COMMENT ON TABLE clean.metadata_evidence IS 'Where each metadata value of clean.documents came from';
COMMENT ON COLUMN clean.metadata_evidence.doc_id IS 'raw.documents.doc_id';
COMMENT ON COLUMN clean.metadata_evidence.partition_date IS 'The inbox day (Dagster partition)';
COMMENT ON COLUMN clean.metadata_evidence.field IS 'outlet, url, published_at, author or language';
COMMENT ON COLUMN clean.metadata_evidence.value IS 'The value read';
COMMENT ON COLUMN clean.metadata_evidence.source IS 'html (the page''s markup), text (a span of raw_text) or model (a classifier over the body: language)';
COMMENT ON COLUMN clean.metadata_evidence.rule IS 'html: the markup field (og:site_name, link:canonical, ...); text: the rule that read the span (byline, copyright, ...); model: the classifier';
COMMENT ON COLUMN clean.metadata_evidence.start_char IS 'Offset into raw.documents.raw_text of the span it was read from (source text)';
COMMENT ON COLUMN clean.metadata_evidence.end_char IS 'End offset (exclusive) of that span';
COMMENT ON COLUMN clean.metadata_evidence.text IS 'The span as written, or the markup field and its content';

CREATE TABLE clean.doc_bands (
    doc_id          VARCHAR  NOT NULL,
    partition_date  DATE     NOT NULL,
    band            SMALLINT NOT NULL,
    bucket          UBIGINT  NOT NULL
);
COMMENT ON TABLE clean.doc_bands IS 'Locality-sensitive hash buckets of each body''s MinHash signature: documents sharing a bucket are compared';
COMMENT ON COLUMN clean.doc_bands.doc_id IS 'raw.documents.doc_id';
COMMENT ON COLUMN clean.doc_bands.partition_date IS 'The inbox day (Dagster partition)';
COMMENT ON COLUMN clean.doc_bands.band IS 'Which band of the signature';
COMMENT ON COLUMN clean.doc_bands.bucket IS 'Hash of the band''s values';

CREATE TABLE clean.doc_shingles (
    doc_id          VARCHAR  NOT NULL,
    partition_date  DATE     NOT NULL,
    shingles        BIGINT[] NOT NULL
);
COMMENT ON TABLE clean.doc_shingles IS 'Each body''s word 5-shingles as sorted 64-bit hashes: a new day''s candidate copies are confirmed against stored documents without re-reading their text';
COMMENT ON COLUMN clean.doc_shingles.doc_id IS 'raw.documents.doc_id';
COMMENT ON COLUMN clean.doc_shingles.partition_date IS 'The inbox day (Dagster partition)';
COMMENT ON COLUMN clean.doc_shingles.shingles IS 'Hashes (BLAKE2b of each word, combined per 5-word sequence) of the body''s distinct lower-cased word 5-grams, sorted';

CREATE TABLE clean.copy_pairs (
    doc_a           VARCHAR NOT NULL,
    doc_b           VARCHAR NOT NULL,
    similarity      DOUBLE  NOT NULL,
    containment     DOUBLE  NOT NULL
);
COMMENT ON TABLE clean.copy_pairs IS 'Pairs of documents whose bodies are near-duplicates (same story text, other boilerplate or small edits)';
COMMENT ON COLUMN clean.copy_pairs.doc_a IS 'One document (the smaller doc_id)';
COMMENT ON COLUMN clean.copy_pairs.doc_b IS 'The other document';
COMMENT ON COLUMN clean.copy_pairs.similarity IS 'Jaccard similarity of the bodies'' word 5-shingles';
COMMENT ON COLUMN clean.copy_pairs.containment IS 'Share of the shorter body''s shingles found in the longer one';

CREATE TABLE clean.document_copies (
    doc_id          VARCHAR NOT NULL,
    copy_of         VARCHAR NOT NULL
);
COMMENT ON TABLE clean.document_copies IS 'Each document that copies an earlier one, and the earliest it copies (kept by the copies step from clean.copy_pairs, so readers do not recompute every pair)';
COMMENT ON COLUMN clean.document_copies.doc_id IS 'The copy (raw.documents.doc_id)';
COMMENT ON COLUMN clean.document_copies.copy_of IS 'Its earliest stored near-duplicate partner, by arrival day, then source path, then doc_id';

CREATE OR REPLACE VIEW clean.documents AS
SELECT d.*, c.copy_of
FROM clean.document_rows d
LEFT JOIN clean.document_copies c USING (doc_id);
COMMENT ON VIEW clean.documents IS 'One row per document: headline, article text, outlet, date, author, and the earlier document it copies';
COMMENT ON COLUMN clean.documents.copy_of IS 'doc_id of the earliest stored document (by arrival day, then path) whose body is a near-duplicate of this one; NULL when none';
