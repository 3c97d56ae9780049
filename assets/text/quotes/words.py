"""The word lists the quotation and speaker rules read, loaded from the lexicon."""

from __future__ import annotations

import re

from assets.text import lexicon
from assets.text.entities.names import ORG_DESIGNATORS, TITLE_WORDS  # noqa: F401 (shared with the entity rules)

# Verbs (speech.toml). Reporting verbs attribute quotes and introduce reported speech.
REPORTING_VERBS = lexicon.words("speech", "reporting_verbs")
NAMING_VERBS = lexicon.words("speech", "naming_verbs")
NAMING_PARTICIPLES = NAMING_VERBS | lexicon.words("speech", "naming_participles")
ADDRESSEE_VERBS = lexicon.words("speech", "addressee_verbs")
COGNITION_VERBS = lexicon.words("speech", "cognition_verbs")
PARTICLE_CUES = frozenset(tuple(pair.split()) for pair in lexicon.words("speech", "particle_cues"))
REFUSAL_VERBS = lexicon.words("speech", "refusal_verbs")
EVALUATION_VERBS = lexicon.words("speech", "evaluation_verbs")

# Pronouns and gendered words (quotes_speakers.toml).
PRONOUNS_MALE = lexicon.words("quotes_speakers", "male_pronouns")
PRONOUNS_FEMALE = lexicon.words("quotes_speakers", "female_pronouns")
PRONOUNS_OTHER = lexicon.words("quotes_speakers", "other_pronouns")
PRONOUNS_GENDERED = PRONOUNS_MALE | PRONOUNS_FEMALE
PRONOUNS = PRONOUNS_GENDERED | PRONOUNS_OTHER
MALE_PRONOUN_FORMS = PRONOUNS_MALE | lexicon.words("quotes_speakers", "male_reflexives")
FEMALE_PRONOUN_FORMS = PRONOUNS_FEMALE | lexicon.words("quotes_speakers", "female_reflexives")
RELATIVES = lexicon.words("quotes_speakers", "relative_pronouns")
MALE_WORDS = lexicon.words("quotes_speakers", "male_words")
FEMALE_WORDS = lexicon.words("quotes_speakers", "female_words")

# Speakers that are not names (quotes_speakers.toml).
ORG_NOUNS = lexicon.words("quotes_speakers", "org_nouns")
SPOKES_NOUNS = lexicon.words("quotes_speakers", "spokes_nouns")
DOCUMENT_NOUNS = lexicon.words("quotes_speakers", "document_nouns")
PERSON_NOUNS = lexicon.words("quotes_speakers", "person_nouns")
GROUP_NOUNS = lexicon.words("quotes_speakers", "group_nouns")
MEDIA_NOUNS = lexicon.words("quotes_speakers", "media_nouns")
MEDIA_LABELS = lexicon.words("quotes_speakers", "media_labels")
SHARE_NOUNS = lexicon.words("quotes_speakers", "share_nouns")

# Organisation kinds by word ("airlines" -> "airline") and the broader kind a narrower one belongs to.
ORG_KINDS = {
    word: kind
    for kind, words in lexicon.mapping("quotes_speakers", "org_kinds").items()
    for word in words.split()
}
KIND_PARENT = lexicon.mapping("quotes_speakers", "org_kind_parents")
# Titles by the role noun they are another name for ("justice" -> "judge").
ROLE_EQUIVALENTS = {
    word: role
    for role, words in lexicon.mapping("quotes_speakers", "role_equivalents").items()
    for word in words.split()
}
# Nouns for an age group, with the ages they cover ("the teenager": 13-19).
AGE_NOUNS = {
    noun: tuple(int(a) for a in ages.split("-"))
    for noun, ages in lexicon.mapping("quotes_speakers", "age_nouns").items()
}
GENERIC_ROLES = lexicon.words("quotes_speakers", "generic_roles")
AGENT_SUFFIXES = lexicon.ordered("quotes_speakers", "agent_suffixes")
COUNSEL_ROLES = lexicon.words("quotes_speakers", "counsel_roles")
# Agent nouns of the verbs that give a person a role ("who chairs the committee" -> chair).
ROLE_VERBS = {
    verb: frozenset(nouns.split()) for verb, nouns in lexicon.mapping("quotes_speakers", "role_verbs").items()
}

# Places (quotes_speakers.toml).
PERSON_PLACE_PREPS = lexicon.words("quotes_speakers", "person_place_preps")
ORG_PLACE_PREPS = lexicon.words("quotes_speakers", "org_place_preps")
HOLDING_NOUNS = lexicon.words("quotes_speakers", "holding_nouns")
PLACE_NOUNS = lexicon.words("quotes_speakers", "place_nouns")

# Quotations and clauses (quotes.toml).
TITLE_CUES = lexicon.words("quotes", "title_cues")
TITLE_SMALL_WORDS = lexicon.words("quotes", "title_small_words")
WH_WORDS = lexicon.words("quotes", "wh_words")
SENT_END = lexicon.words("quotes", "sentence_end")
EDGE_PUNCT = lexicon.words("quotes", "edge_punctuation")
DATELINE_AGENCIES = lexicon.words("quotes", "dateline_agencies")
# After a ‘ or ', a decade or year (’90s, ’08) or an elided word (’em) makes the mark an apostrophe.
ELISION = re.compile(
    rf"(\d\d?s\b|\d\d\b|{lexicon.alternation(lexicon.words('quotes', 'elided_words'))}\b)", re.IGNORECASE
)
