"""Direct quotations and reported speech with their speakers.

Steps, one module each: quotation marks (`marks`), the document index (`index`, with genders from titles
and pronouns), reporting verbs (`cues`), speakers of a verb (`speakers`, their
words by `phrases`), document-level coreference (`coref`: pronouns and descriptions to the people and
organisations met before, with the roles and ages of `roles`) and organisations behind descriptions
(`antecedents`), quotations that are names (`titles`), quote attribution (`attribution`), content clauses
(`content`) of reported speech (`reported`), speakers carried forward (`inheritance`), and the claims
(`claims`, with `speaker_mention`: the words naming the speaker at the claim). Word lists live in
`lexicon/speech.toml`, `lexicon/quotes.toml` and `lexicon/quotes_speakers.toml` (read by `words`).
"""

from __future__ import annotations

from assets.text.quotes.claims import find_quotes, find_reported

__all__ = ["find_quotes", "find_reported"]
