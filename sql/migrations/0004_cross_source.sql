-- Cross-source layer: each document's outlet, URL, date, author and language with the evidence for each value,
-- near-duplicate detection (clean.documents becomes a view adding copy_of over the stored rows and the copy
-- pairs), and the figure and speaker fields that comparing sources needs. Days cleaned or extracted before this
-- have NULLs in the new columns until their next run, which the new code version triggers.
ALTER TABLE raw.documents ADD COLUMN page_meta VARCHAR;

ALTER TABLE clean.documents RENAME TO document_rows;
ALTER TABLE clean.document_rows ADD COLUMN outlet VARCHAR;
ALTER TABLE clean.document_rows ADD COLUMN url VARCHAR;
ALTER TABLE clean.document_rows ADD COLUMN published_at TIMESTAMP;
ALTER TABLE clean.document_rows ADD COLUMN author VARCHAR;
ALTER TABLE clean.document_rows ADD COLUMN language VARCHAR;

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

CREATE TABLE clean.doc_bands (
    doc_id          VARCHAR  NOT NULL,
    partition_date  DATE     NOT NULL,
    band            SMALLINT NOT NULL,
    bucket          UBIGINT  NOT NULL
);

CREATE TABLE clean.copy_pairs (
    doc_a           VARCHAR NOT NULL,
    doc_b           VARCHAR NOT NULL,
    similarity      DOUBLE  NOT NULL,
    containment     DOUBLE  NOT NULL
);

ALTER TABLE nlp.claim_rows ADD COLUMN speaker_mention VARCHAR;
ALTER TABLE nlp.claim_rows ADD COLUMN value_low DOUBLE;
ALTER TABLE nlp.claim_rows ADD COLUMN value_high DOUBLE;
ALTER TABLE nlp.claim_rows ADD COLUMN quantity VARCHAR;
ALTER TABLE nlp.claim_rows ADD COLUMN period VARCHAR;
ALTER TABLE nlp.claim_rows ADD COLUMN measure_key VARCHAR;
ALTER TABLE nlp.claim_rows ADD COLUMN scope VARCHAR[];
