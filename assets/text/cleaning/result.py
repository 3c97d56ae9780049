"""What the cleaner returns: the title, the body, and every removed span with its reason."""

from __future__ import annotations

from dataclasses import dataclass

# Reasons a span of the raw text is not in the title or body (public vocabulary).
REASONS = (
    "headline_repeat",  # another copy of the headline (e.g. the page <title> line above the h1)
    "site_name",  # the site's name split off a "Headline | Site" title line
    "duplicate",  # a later copy of a paragraph or box already kept (pull quotes, boxes shown twice)
    "repeated_across_documents",  # a line that recurs in many documents of the batch (templates)
    "navigation",  # menus, breadcrumbs, short link-like lines outside the article
    "header",  # other text before the article body (teasers, standfirsts of other pages)
    "footer",  # other text after the article body
    "caption",  # photo captions, gallery counters, captions glued to their alt text
    "credit",  # photo/image credits and agency credit lines
    "byline",  # "By Jane Doe", author handles and bios
    "dateline",  # publication/update dates and times, reading time
    "advertisement",  # ad labels ("Advertisement", "Sponsored", "Story continues below")
    "cookie_notice",  # cookie consent banners and cookie-policy links
    "share_widget",  # share/follow buttons and share counters
    "audio_player",  # "Listen to this article", audio/video player chrome and durations
    "comment_form",  # "Leave a reply", form fields, reply buttons
    "comment_counter",  # "12 comments", "View comments", "Join the conversation"
    "comments",  # reader comments below the article
    "related_links",  # related/popular/read-more lists, previous/next-post blocks
    "category_list",  # tags, topics, categories, "Filed under"
    "newsletter_prompt",  # newsletter, subscription and waitlist prompts
    "login_prompt",  # sign in / register / account links
    "paywall",  # "to read the full story, subscribe" and similar
    "attribution",  # "Read the original article on …", "This article first appeared in …"
    "copyright",  # copyright and all-rights-reserved lines
    "site_notice",  # legal, affiliate and contact notices about the site itself
    "truncation_marker",  # trailing "……" or "[…]" where a page cut the text off
    "link",  # a bare URL or address on its own line
    "markup",  # template or markup residue ({* … *}, %s, tags, entities)
    "short_fragment",  # a stray short fragment (a lone symbol, number or word) outside the article
)


@dataclass(frozen=True)
class Removal:
    """A span of the raw text left out of the title and body, and why."""

    start: int  # offsets into the raw text; raw[start:end] == text
    end: int
    text: str
    reason: str  # one of REASONS


@dataclass(frozen=True)
class Cleaned:
    """One document split into title, body and explained removals."""

    title: str | None  # the headline (not left in the body)
    body: str  # kept article text, paragraphs joined by "\n\n"
    removed: tuple[Removal, ...]  # every non-whitespace span of raw not in title/body, with its reason
