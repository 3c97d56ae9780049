-- Stage extract: sentences, entity mentions, canonical entities and claims. Written by assets/extract.py.
CREATE SCHEMA IF NOT EXISTS nlp;

CREATE TABLE IF NOT EXISTS nlp.sentences (
    doc_id          VARCHAR NOT NULL,
    partition_date  DATE    NOT NULL,
    sentence_idx    INTEGER NOT NULL,  -- 0-based position in the document
    start_char      INTEGER NOT NULL,  -- offsets into clean.documents.body
    end_char        INTEGER NOT NULL,
    text            VARCHAR NOT NULL   -- body[start_char:end_char]
);

-- Mentions as found in one document; nlp.mentions (below) adds the warehouse-wide entity_id.
CREATE TABLE IF NOT EXISTS nlp.mention_spans (
    doc_id          VARCHAR NOT NULL,
    partition_date  DATE    NOT NULL,
    sentence_idx    INTEGER NOT NULL,
    start_char      INTEGER NOT NULL,  -- offsets into body: body[start_char:end_char] = text
    end_char        INTEGER NOT NULL,
    text            VARCHAR NOT NULL,  -- surface form, trimmed of leading "the", possessive 's, punctuation
    label           VARCHAR NOT NULL,  -- PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, PRODUCT, LAW, WORK_OF_ART
    canonical       VARCHAR NOT NULL,  -- canonical name within the document ("Vladimir Putin" for "Mr. Putin")
    entity_key      VARCHAR NOT NULL,  -- 'LABEL|normalised canonical name'
    local_entity_id VARCHAR NOT NULL,  -- id of entity_key before cross-document resolution
    partial         BOOLEAN NOT NULL   -- a bare surname the document never expands
);

-- Claims as found in one document; nlp.claims (below) adds the speaker's warehouse-wide entity id.
CREATE TABLE IF NOT EXISTS nlp.claim_rows (
    claim_id         VARCHAR NOT NULL,  -- stable id of (doc_id, kind, start_char, end_char)
    doc_id           VARCHAR NOT NULL,
    partition_date   DATE    NOT NULL,
    sentence_idx     INTEGER NOT NULL,  -- sentence holding start_char
    start_char       INTEGER NOT NULL,  -- offsets into body of text
    end_char         INTEGER NOT NULL,
    kind             VARCHAR NOT NULL,  -- quote | reported | figure
    text             VARCHAR NOT NULL,  -- quote: the quoted words; reported: the content clause; figure: the expression
    speaker          VARCHAR,           -- surface form of the speaker (quote, reported)
    speaker_key      VARCHAR,           -- entity_key of the speaker when it is a known mention
    speaker_local_id VARCHAR,           -- id of speaker_key before cross-document resolution
    cue              VARCHAR,           -- reporting verb or phrase (say, tell, according to); NULL for scare quotes
    value            DOUBLE,            -- figure: normalised value (USD amounts as plain numbers, km, percent, …)
    unit             VARCHAR,           -- figure: normalised unit (ISO currency code, percent, km, kg, times, count, …)
    raw_value        DOUBLE,            -- figure: value as written (2615 for "2,615-mile")
    raw_unit         VARCHAR,           -- figure: unit as written ("mile")
    year             INTEGER,           -- figure: year the figure refers to, when the sentence says
    measure          VARCHAR,           -- figure: what it measures ("bilateral trade", "border")
    flags            VARCHAR[]          -- e.g. scare_quote, pronoun_speaker, inherited_speaker, approximate
);

-- Cross-document resolution (written by the nlp_entities asset, whole warehouse at once).
CREATE TABLE IF NOT EXISTS nlp.entity_map (
    local_entity_id VARCHAR NOT NULL,  -- an id found in mention_spans / claim_rows
    entity_id       VARCHAR NOT NULL   -- the canonical entity it resolves to
);

CREATE TABLE IF NOT EXISTS nlp.entities (
    entity_id   VARCHAR   NOT NULL,  -- stable: derived from the canonical key
    label       VARCHAR   NOT NULL,
    name        VARCHAR   NOT NULL,  -- canonical form, e.g. the full name
    aliases     VARCHAR[] NOT NULL,  -- every surface form seen, sorted
    n_mentions  INTEGER   NOT NULL,
    n_docs      INTEGER   NOT NULL,
    entity_key  VARCHAR   NOT NULL   -- 'LABEL|normalised canonical name'
);

CREATE OR REPLACE VIEW nlp.mentions AS
SELECT m.doc_id, m.partition_date, m.sentence_idx, m.start_char, m.end_char, m.text, m.label,
       coalesce(em.entity_id, m.local_entity_id) AS entity_id,  -- canonical entity (nlp.entities)
       m.canonical, m.entity_key, m.partial
FROM nlp.mention_spans m
LEFT JOIN nlp.entity_map em ON em.local_entity_id = m.local_entity_id;

CREATE OR REPLACE VIEW nlp.claims AS
SELECT c.claim_id, c.doc_id, c.partition_date, c.sentence_idx, c.start_char, c.end_char, c.kind, c.text,
       c.speaker,
       coalesce(em.entity_id, c.speaker_local_id) AS speaker_entity_id,  -- canonical speaker (nlp.entities)
       c.cue, c.value, c.unit, c.year, c.raw_value, c.raw_unit, c.measure, c.flags
FROM nlp.claim_rows c
LEFT JOIN nlp.entity_map em ON em.local_entity_id = c.speaker_local_id;
