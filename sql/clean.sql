-- Stage clean: title and body with boilerplate removed, and every removal explained. Written by assets/clean.py.
CREATE SCHEMA IF NOT EXISTS clean;

CREATE TABLE IF NOT EXISTS clean.documents (
    doc_id          VARCHAR NOT NULL,  -- raw.documents.doc_id
    partition_date  DATE    NOT NULL,
    title           VARCHAR,           -- the headline (NULL when none could be told apart)
    body            VARCHAR NOT NULL,  -- article text, paragraphs separated by a blank line
    n_chars_raw     INTEGER NOT NULL,  -- length of raw.documents.raw_text
    n_chars_body    INTEGER NOT NULL,  -- length of body
    n_removed       INTEGER NOT NULL   -- number of clean.removed rows for the document
);

CREATE TABLE IF NOT EXISTS clean.removed (
    doc_id          VARCHAR NOT NULL,
    partition_date  DATE    NOT NULL,
    start_char      INTEGER NOT NULL,  -- offsets into raw.documents.raw_text: raw_text[start_char:end_char] = text
    end_char        INTEGER NOT NULL,
    text            VARCHAR NOT NULL,  -- the removed span
    reason          VARCHAR NOT NULL   -- why: caption, duplicate, navigation, cookie_notice,
                                       -- repeated_across_documents, attribution, … (README lists them)
);
