-- A document that exceeds the extraction time budget (or trips a rule's bug) is held back with a reason instead of
-- failing its whole day.
CREATE TABLE nlp.held_back (
    doc_id          VARCHAR NOT NULL,
    partition_date  DATE    NOT NULL,
    reason          VARCHAR NOT NULL,
    detail          VARCHAR NOT NULL
);
