-- Each document's shingle hashes are stored when its day is hashed, so a new day's candidate copies are confirmed
-- against stored documents without re-reading and re-shingling their bodies (most of an added day's copy check on
-- a 10,000-article warehouse). Left empty here: the copies step's code version changes with this release, so its
-- next run re-hashes every day and fills the table.
CREATE TABLE clean.doc_shingles (
    doc_id          VARCHAR  NOT NULL,
    partition_date  DATE     NOT NULL,
    shingles        BIGINT[] NOT NULL
);
