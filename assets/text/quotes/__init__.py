"""Direct quotations and reported speech with their speakers.

Steps, one module each: quotation marks (`marks`), the document index (`index`), reporting verbs (`cues`),
speakers of a verb (`speakers`) and what they refer back to (`antecedents`), quotations that are names
(`titles`), quote attribution (`attribution`), content clauses (`content`) of reported speech (`reported`),
speakers carried forward (`inheritance`), and the claims (`claims`). Word lists live in `lexicon/speech.toml`,
`lexicon/quotes.toml` and `lexicon/quotes_speakers.toml` (read by `words`).
"""

from __future__ import annotations

from assets.text.quotes.claims import find_quotes, find_reported

__all__ = ["find_quotes", "find_reported"]
