"""Boilerplate removal for plain scraped article text: title, body, and every removal with its reason.

The text is cut into units (lines, or hard-wrapped lines joined back into one paragraph) grouped into
blocks by blank lines. Each unit gets general features (length, sentence punctuation, stopword
density, capitalisation, digits, link-like shape, position, neighbours, repetition in the document and
across documents) and, where a small generic vocabulary of web boilerplate recognises it, a kind.

The article body is the contiguous run of units with the highest sum of weights (body-like units count
for, short and boilerplate units against), in the spirit of body-text extraction by maximum subsequence:
- hard boundaries (comment forms, box headers, copyright, newsletter prompts) cannot be crossed, except a
  small box inside the article, which is bridged when dense text follows it;
- a run starting just under a copy of the headline is preferred (the page's h1 sits above its article);
- a run that is a list of other articles' teasers (paragraphs standing alone between short lines) loses
  to a run that reads as one text; text after a reader-comment marker is discounted;
- the run is then extended to adjacent lines that belong: a list or table under "…:", rows of numbers,
  a list just above the first paragraph; a short standfirst above the byline is cut.
- a run ending in three or more (headline, one-line blurb) pairs ends before them (other articles' teasers).
Inside the run, short lines stay (subheadings, bullets, quotes, a bare address it cites) unless they are
recognised boilerplate or later copies of a paragraph (a line recurring three times is structure, not a copy);
an author bio closing the article goes with the byline; outside the run everything goes, each with the most
specific reason known.

The headline is the first line, or its copy further down; when the first line only names the site, is a
teaser sentence, or has a "Headline – Site" form of another line below it, it is the line above the body
with a byline, a name or a dateline under it (a standfirst may stand between; a player label, menu row or
section label never is).

Repetition across documents is counted in whatever groups the caller passes (`repeated_by_group`); the
outlet a page names in its first line (`outlet_of`) is one such grouping, across feeds and folders.

jusText and boilerpipe score HTML DOM blocks with link density and tag context; scraped dumps have
neither, only lines with offsets that every removal must keep, hence the hand-written pass here.

Modules, in the order `pipeline.clean_text` runs them: `units`, `kinds`, `weights`, `title`, `repeated`,
`body`, `decide`. The vocabularies are data (`lexicon/boilerplate.toml`, `stopwords.toml`, `dates.toml`),
compiled in `patterns`.
"""

from __future__ import annotations

from .pipeline import clean_text
from .repeated import outlet_of, repeated_by_group, repeated_lines
from .result import REASONS, Cleaned, Removal
from .units import INVISIBLE

__all__ = [
    "INVISIBLE",
    "REASONS",
    "Cleaned",
    "Removal",
    "clean_text",
    "outlet_of",
    "repeated_by_group",
    "repeated_lines",
]
