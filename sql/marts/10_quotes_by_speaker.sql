-- Who said what: every direct quote with its resolved speaker and where it was published.
CREATE OR REPLACE VIEW marts.quotes_by_speaker AS
SELECT
    coalesce(e.name, c.speaker)           AS speaker_name,     -- canonical name when resolved, else as written
    c.speaker_entity_id,                                      -- nlp.entities.entity_id (NULL if unresolved)
    c.speaker                             AS speaker_as_written,
    c.text                                AS quote,            -- the quoted words
    c.cue,                                                    -- reporting verb (say, tell, add, according to)
    list_contains(c.flags, 'pronoun_speaker')   AS via_pronoun,   -- "he said": speaker resolved from context
    list_contains(c.flags, 'inherited_speaker') AS inherited,     -- unattributed paragraph after a quote
    d.title,
    r.source_path,
    c.doc_id,
    c.partition_date,
    c.claim_id
FROM nlp.claims c
JOIN clean.documents d USING (doc_id)
JOIN raw.documents r USING (doc_id)
LEFT JOIN nlp.entities e ON e.entity_id = c.speaker_entity_id
WHERE c.kind = 'quote' AND NOT list_contains(coalesce(c.flags, []::VARCHAR[]), 'scare_quote');
COMMENT ON VIEW marts.quotes_by_speaker IS 'Who said what: every direct quote (not scare quotes) with its speaker and where it was published';
COMMENT ON COLUMN marts.quotes_by_speaker.speaker_name IS 'The canonical speaker name when resolved, else the speaker as written';
COMMENT ON COLUMN marts.quotes_by_speaker.speaker_as_written IS 'The speaker as the text names them';
COMMENT ON COLUMN marts.quotes_by_speaker.quote IS 'The quoted words';
COMMENT ON COLUMN marts.quotes_by_speaker.via_pronoun IS 'True when the text names the speaker by a pronoun ("he said") and the speaker was resolved from context';
COMMENT ON COLUMN marts.quotes_by_speaker.inherited IS 'True when the quote has no cue of its own and continues the previous quote''s speaker';
COMMENT ON COLUMN marts.quotes_by_speaker.title IS 'Headline of the document';
