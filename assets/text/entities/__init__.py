"""Entity mentions with document-level and corpus-level canonical names.

The steps, in the order `doc_mentions` runs them: `spans` (the model's entities, trimmed), `aliases` (known
names), `labels` (label repairs), `discovery`, `speakers` and `capitals` (names the model missed), `nicknames`
(other first names a text gives a person), `document` (canonical names within one document); `corpus` resolves
names across documents (`resolve_keys` from per-key aggregates, `resolve_corpus` from mentions). `names` and
`clues` hold the string and syntax tests they share; the word lists are in `assets/text/lexicon/` (entities,
names, places, people, speech; aliases.csv).
"""

from __future__ import annotations

from assets.text.entities.aliases import alias_lookup
from assets.text.entities.corpus import resolve_corpus, resolve_keys
from assets.text.entities.document import doc_mentions
from assets.text.entities.names import (
    ORG_DESIGNATORS,
    ROLE_NOUNS,
    TITLE_WORDS,
    entity_key,
    is_role,
    normalise,
)
from assets.text.entities.spans import LABEL_PRIORITY, MENTION_LABELS

__all__ = [
    "LABEL_PRIORITY",
    "MENTION_LABELS",
    "ORG_DESIGNATORS",
    "ROLE_NOUNS",
    "TITLE_WORDS",
    "alias_lookup",
    "doc_mentions",
    "entity_key",
    "is_role",
    "normalise",
    "resolve_corpus",
    "resolve_keys",
]
