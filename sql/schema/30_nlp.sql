-- Stage extract: sentences, entity mentions, canonical entities and claims. Written by assets/extract.py (per day)
-- and assets/entities.py (across the warehouse).
CREATE SCHEMA IF NOT EXISTS nlp;

CREATE TABLE nlp.sentences (
    doc_id          VARCHAR NOT NULL,
    partition_date  DATE    NOT NULL,
    sentence_idx    INTEGER NOT NULL,
    start_char      INTEGER NOT NULL,
    end_char        INTEGER NOT NULL,
    text            VARCHAR NOT NULL
);
COMMENT ON TABLE nlp.sentences IS 'Sentences of each clean body (spaCy''s split, also cut at line breaks)';
COMMENT ON COLUMN nlp.sentences.doc_id IS 'clean.documents.doc_id';
COMMENT ON COLUMN nlp.sentences.partition_date IS 'The inbox day (Dagster partition)';
COMMENT ON COLUMN nlp.sentences.sentence_idx IS '0-based position of the sentence in the document';
COMMENT ON COLUMN nlp.sentences.start_char IS 'Offset into clean.documents.body: body[start_char:end_char] = text';
COMMENT ON COLUMN nlp.sentences.end_char IS 'End offset (exclusive) into body';
COMMENT ON COLUMN nlp.sentences.text IS 'The sentence';

CREATE TABLE nlp.mention_spans (
    doc_id          VARCHAR NOT NULL,
    partition_date  DATE    NOT NULL,
    sentence_idx    INTEGER NOT NULL,
    start_char      INTEGER NOT NULL,
    end_char        INTEGER NOT NULL,
    text            VARCHAR NOT NULL,
    label           VARCHAR NOT NULL,
    canonical       VARCHAR NOT NULL,
    entity_key      VARCHAR NOT NULL,
    local_entity_id VARCHAR NOT NULL,
    partial         BOOLEAN NOT NULL,
    label_from_text BOOLEAN
);
COMMENT ON TABLE nlp.mention_spans IS 'Entity mentions as found in one document (nlp.mentions adds the warehouse-wide entity)';
COMMENT ON COLUMN nlp.mention_spans.doc_id IS 'clean.documents.doc_id';
COMMENT ON COLUMN nlp.mention_spans.partition_date IS 'The inbox day (Dagster partition)';
COMMENT ON COLUMN nlp.mention_spans.sentence_idx IS 'nlp.sentences.sentence_idx of the sentence holding the mention';
COMMENT ON COLUMN nlp.mention_spans.start_char IS 'Offset into body: body[start_char:end_char] = text';
COMMENT ON COLUMN nlp.mention_spans.end_char IS 'End offset (exclusive) into body';
COMMENT ON COLUMN nlp.mention_spans.text IS 'The mention as written, trimmed of a leading "the", possessive ''s and punctuation';
COMMENT ON COLUMN nlp.mention_spans.label IS 'PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, PRODUCT, LAW or WORK_OF_ART';
COMMENT ON COLUMN nlp.mention_spans.canonical IS 'Canonical name within the document ("Vladimir Putin" for "Mr. Putin")';
COMMENT ON COLUMN nlp.mention_spans.entity_key IS '''LABEL|normalised canonical name'', before resolution across documents';
COMMENT ON COLUMN nlp.mention_spans.local_entity_id IS 'Id of entity_key; nlp.entity_map maps it to the canonical entity';
COMMENT ON COLUMN nlp.mention_spans.partial IS 'A bare surname the document never expands (resolved across the warehouse)';
COMMENT ON COLUMN nlp.mention_spans.label_from_text IS 'The text around the mention shows its label: a rule changed the model''s guess ("the island of Skerra": GPE) or reads it as a place ("voters in Ravensfield"); such place labels weigh more when documents disagree';

CREATE TABLE nlp.claim_rows (
    claim_id         VARCHAR NOT NULL,
    doc_id           VARCHAR NOT NULL,
    partition_date   DATE    NOT NULL,
    sentence_idx     INTEGER NOT NULL,
    start_char       INTEGER NOT NULL,
    end_char         INTEGER NOT NULL,
    kind             VARCHAR NOT NULL,
    text             VARCHAR NOT NULL,
    speaker          VARCHAR,
    speaker_key      VARCHAR,
    speaker_local_id VARCHAR,
    cue              VARCHAR,
    value            DOUBLE,
    unit             VARCHAR,
    raw_value        DOUBLE,
    raw_unit         VARCHAR,
    year             INTEGER,
    measure          VARCHAR,
    flags            VARCHAR[],
    speaker_mention  VARCHAR,
    value_low        DOUBLE,
    value_high       DOUBLE,
    quantity         VARCHAR,
    period           VARCHAR,
    measure_key      VARCHAR,
    scope            VARCHAR[]
);
COMMENT ON TABLE nlp.claim_rows IS 'Claims as found in one document (nlp.claims adds the speaker''s warehouse-wide entity)';
COMMENT ON COLUMN nlp.claim_rows.claim_id IS 'Stable id of (doc_id, kind, start_char, end_char)';
COMMENT ON COLUMN nlp.claim_rows.doc_id IS 'clean.documents.doc_id';
COMMENT ON COLUMN nlp.claim_rows.partition_date IS 'The inbox day (Dagster partition)';
COMMENT ON COLUMN nlp.claim_rows.sentence_idx IS 'The sentence holding start_char';
COMMENT ON COLUMN nlp.claim_rows.start_char IS 'Offset into body of text';
COMMENT ON COLUMN nlp.claim_rows.end_char IS 'End offset (exclusive) into body';
COMMENT ON COLUMN nlp.claim_rows.kind IS 'quote (direct quotation), reported (reported speech) or figure';
COMMENT ON COLUMN nlp.claim_rows.text IS 'quote: the quoted words; reported: the content clause; figure: the expression';
COMMENT ON COLUMN nlp.claim_rows.speaker IS 'The speaker as written (quotes and reported speech)';
COMMENT ON COLUMN nlp.claim_rows.speaker_key IS 'entity_key of the speaker when it is a known entity';
COMMENT ON COLUMN nlp.claim_rows.speaker_local_id IS 'Id of speaker_key; nlp.entity_map maps it to the canonical entity';
COMMENT ON COLUMN nlp.claim_rows.cue IS 'Reporting verb or phrase (say, tell, according to); NULL for scare quotes';
COMMENT ON COLUMN nlp.claim_rows.value IS 'Figure: normalised value (currency amounts as plain numbers, km, percent, ...)';
COMMENT ON COLUMN nlp.claim_rows.unit IS 'Figure: normalised unit (ISO currency code, percent, km, kg, times, count, ...)';
COMMENT ON COLUMN nlp.claim_rows.raw_value IS 'Figure: the value as written (2615 for "2,615-mile")';
COMMENT ON COLUMN nlp.claim_rows.raw_unit IS 'Figure: the unit as written ("mile")';
COMMENT ON COLUMN nlp.claim_rows.year IS 'Figure: the year the figure refers to, when the text says';
COMMENT ON COLUMN nlp.claim_rows.measure IS 'Figure: what it measures ("bilateral trade", "border")';
COMMENT ON COLUMN nlp.claim_rows.flags IS 'Markers such as scare_quote, pronoun_speaker, inherited_speaker, approximate, range, change';
COMMENT ON COLUMN nlp.claim_rows.speaker_mention IS 'The words that name the speaker at the claim ("he", "the ministry", "Mr. Putin")';
COMMENT ON COLUMN nlp.claim_rows.value_low IS 'Figure: lower end of what it asserts, in unit (a range''s bound, or the value less its stated precision); NULL: open';
COMMENT ON COLUMN nlp.claim_rows.value_high IS 'Figure: upper end of what it asserts, in unit; NULL: open ("more than …")';
COMMENT ON COLUMN nlp.claim_rows.quantity IS 'Figure: what kind of quantity (money, share, count, length, mass, duration, age, index, ...)';
COMMENT ON COLUMN nlp.claim_rows.period IS 'Figure: the period it refers to ("2023", "2023-Q1", "2023-04", "2023-04-05"); relative periods anchored by the publication date';
COMMENT ON COLUMN nlp.claim_rows.measure_key IS 'Figure: the family of what it measures ("trade", "gdp"): figures compared across documents share it';
COMMENT ON COLUMN nlp.claim_rows.scope IS 'Figure: entity keys of what it is about (the places, organisations or people it measures)';

CREATE TABLE nlp.entity_map (
    local_entity_id VARCHAR NOT NULL,
    entity_id       VARCHAR NOT NULL
);
COMMENT ON TABLE nlp.entity_map IS 'Maps each document-level entity id to its canonical entity across the warehouse';
COMMENT ON COLUMN nlp.entity_map.local_entity_id IS 'An id found in nlp.mention_spans.local_entity_id or nlp.claim_rows.speaker_local_id';
COMMENT ON COLUMN nlp.entity_map.entity_id IS 'The canonical entity (nlp.entities.entity_id)';

CREATE TABLE nlp.entities (
    entity_id   VARCHAR   NOT NULL,
    label       VARCHAR   NOT NULL,
    name        VARCHAR   NOT NULL,
    aliases     VARCHAR[] NOT NULL,
    n_mentions  INTEGER   NOT NULL,
    n_docs      INTEGER   NOT NULL,
    entity_key  VARCHAR   NOT NULL
);
COMMENT ON TABLE nlp.entities IS 'One row per canonical entity across the warehouse';
COMMENT ON COLUMN nlp.entities.entity_id IS 'Stable id derived from the canonical key';
COMMENT ON COLUMN nlp.entities.label IS 'Entity type (PERSON, ORG, GPE, ...)';
COMMENT ON COLUMN nlp.entities.name IS 'Canonical name, e.g. the full name; United States for US, U.S., America';
COMMENT ON COLUMN nlp.entities.aliases IS 'Every surface form seen, sorted';
COMMENT ON COLUMN nlp.entities.n_mentions IS 'Mentions across the warehouse';
COMMENT ON COLUMN nlp.entities.n_docs IS 'Documents mentioning it';
COMMENT ON COLUMN nlp.entities.entity_key IS '''LABEL|normalised canonical name''';

CREATE OR REPLACE VIEW nlp.mentions AS
SELECT m.doc_id, m.partition_date, m.sentence_idx, m.start_char, m.end_char, m.text, m.label,
       coalesce(em.entity_id, m.local_entity_id) AS entity_id,
       m.canonical, m.entity_key, m.partial
FROM nlp.mention_spans m
LEFT JOIN nlp.entity_map em ON em.local_entity_id = m.local_entity_id;
COMMENT ON VIEW nlp.mentions IS 'Entity mentions with their canonical entity across the warehouse';
COMMENT ON COLUMN nlp.mentions.entity_id IS 'The canonical entity (nlp.entities)';

CREATE OR REPLACE VIEW nlp.claims AS
SELECT c.claim_id, c.doc_id, c.partition_date, c.sentence_idx, c.start_char, c.end_char, c.kind, c.text,
       c.speaker,
       coalesce(em.entity_id, c.speaker_local_id) AS speaker_entity_id,
       c.cue, c.value, c.unit, c.year, c.raw_value, c.raw_unit, c.measure, c.flags,
       c.speaker_mention, c.value_low, c.value_high, c.quantity, c.period, c.measure_key, c.scope
FROM nlp.claim_rows c
LEFT JOIN nlp.entity_map em ON em.local_entity_id = c.speaker_local_id;
COMMENT ON VIEW nlp.claims IS 'Quotes, reported speech and figures, with the speaker''s canonical entity';
COMMENT ON COLUMN nlp.claims.speaker_entity_id IS 'The canonical speaker (nlp.entities.entity_id), when resolved';

CREATE TABLE nlp.held_back (
    doc_id          VARCHAR NOT NULL,
    partition_date  DATE    NOT NULL,
    reason          VARCHAR NOT NULL,
    detail          VARCHAR NOT NULL
);
COMMENT ON TABLE nlp.held_back IS 'Documents the extract stage published without extractions, and why (the rest of their day is published)';
COMMENT ON COLUMN nlp.held_back.doc_id IS 'clean.documents.doc_id';
COMMENT ON COLUMN nlp.held_back.partition_date IS 'The inbox day (Dagster partition)';
COMMENT ON COLUMN nlp.held_back.reason IS 'over_time_budget (extraction took longer than the per-document budget) or extraction_error';
COMMENT ON COLUMN nlp.held_back.detail IS 'What happened: the budget and the text''s length, or the error';
