"""Boilerplate kind of each unit (cookie notice, byline, caption, menu …) from its shape and vocabulary."""

from __future__ import annotations

import re
from collections import Counter

from . import patterns as p
from .units import END_STRONG, WORD, Unit
from .weights import KIND_WEIGHT


def kind_of(u: Unit) -> str | None:
    """Boilerplate kind of a unit from its shape and a generic vocabulary, or None.

    The rules are tried in this order and the first that fires decides (a copyright line that names a photo
    agency is a copyright line, not a credit).
    """
    return (
        _markup_or_legal(u)
        or _comment_kind(u)
        or _notice_kind(u)
        or _related_kind(u)
        or _prompt_kind(u)
        or _photo_kind(u)
        or _byline_kind(u)
        or _navigation_kind(u)
    )


def _markup_or_legal(u: Unit) -> str | None:
    """Truncation markers, markup residue, cookie banners, image rights and copyright lines."""
    t, n = u.text, u.n
    if p.ONLY_MARKER.match(t):
        return "truncation_marker"
    if p.MARKUP.search(t) and (n <= 30 or len(p.MARKUP.findall(t)) >= 3):
        return "markup"
    if p.COOKIE.search(t) and (n <= 4 or (n <= 80 and p.CONSENT.search(t))):
        return "cookie_notice"
    if n <= 14 and p.IMAGE_RIGHTS.match(t):
        return "credit"
    if (
        n <= 40
        and p.COPYRIGHT.search(t)
        and (
            "©" in t
            or n <= 6
            or t.lower().startswith("copyright")
            or p.ALL_RIGHTS.search(t)
            or p.YEAR.search(t)
        )
    ):
        return "copyright"
    return None


def _comment_kind(u: Unit) -> str | None:
    """Comment forms, counters, commenters' headers and comment policies."""
    t, n = u.text, u.n
    if n <= 30 and p.COMMENT_FORM.search(t) or n <= 4 and (p.FORM_FIELD.match(t) or p.REPLY.match(t)):
        return "comment_form"
    if n <= 8 and p.COMMENT_COUNT.match(t) or n <= 30 and p.COMMENTS_ON.match(t.lower()):
        return "comment_counter"
    if n <= 16 and p.COMMENT_AUTHOR.match(t):
        return "comments"
    if n <= 40 and p.COMMENT_POLICY.search(t):
        return "comment_form"
    return None


def _notice_kind(u: Unit) -> str | None:
    """Notices about the site, paywall prompts and "first published in" attributions."""
    t, n = u.text, u.n
    if n <= 120 and p.SITE_NOTICE.search(t) or n <= 12 and not u.sentence and p.LEGAL_LINK.search(t):
        return "site_notice"
    if n <= 40 and p.PAYWALL.search(t):
        return "paywall"
    if n <= 40 and p.ATTRIBUTION.search(t):
        return "attribution"
    return None


def _related_kind(u: Unit) -> str | None:
    """Related-links boxes (headers, inline links, previous/next) and tag or category lists."""
    t, n = u.text, u.n
    if n <= 8 and p.PREV_NEXT.match(t):
        return "related_links"
    if n <= 6 and _box_header(t):
        return "related_links"
    if n <= 25 and p.RELATED_INLINE.match(t):
        return "related_links"
    if p.CATEGORY.match(t) and (n <= 40 and (":" in t[:20] or n <= 2 or not u.sentence)):
        return "category_list"
    return None


def _box_header(t: str) -> bool:
    """A box header, possibly naming the site or section ("More from The Gazette"), never a sentence."""
    m = p.RELATED_HEAD.match(t)
    if not m:
        return False
    rest = t[m.end() :].split()
    return len(t) - m.end() <= 2 or (
        len(rest) <= 3
        and not END_STRONG.search(t)
        and (rest[0].lower() in p.RELATED_HEAD_LINKS or all(w[:1].isupper() for w in rest))
    )


def _prompt_kind(u: Unit) -> str | None:
    """Newsletter and login prompts, aggregator headers, ad labels, share widgets and player chrome."""
    t, n = u.text, u.n
    if n <= 8 and p.NEWSLETTER.search(t) or n <= 40 and p.NEWSLETTER_STRONG.search(t) and p.YOU.search(t):
        return "newsletter_prompt"
    if n <= 15 and p.AGGREGATOR.search(t):
        return "header"
    if n <= 6 and p.LOGIN.match(t):
        return "login_prompt"
    if n <= 6 and p.AD.match(t):
        return "advertisement"
    if _social(u):
        return "share_widget"
    if n <= 12 and (p.AUDIO.search(t) or _player_label(u)):
        return "audio_player"
    return None


def _player_label(u: Unit) -> bool:
    """A media player's label: a short line with a duration and a player word ("Hear this story · 4:12")."""
    return u.n <= 10 and bool(p.DURATION.search(u.text)) and any(w.lower() in p.PLAYER_WORDS for w in u.words)


def _photo_kind(u: Unit) -> str | None:
    """Gallery chrome, photo credits and captions."""
    t, n = u.text, u.n
    if p.GALLERY.match(t) or _glued_caption(t):
        return "caption"
    if n <= 14 and p.CREDIT.search(t) and not u.stop > 0.3:
        return "credit"
    if 4 <= n <= 80 and p.CAPTION_TAIL.search(t) or n <= 60 and p.CAPTION_CUE.search(t):
        return "caption"
    return None


def _byline_kind(u: Unit) -> str | None:
    """Bylines, author handles and datelines."""
    t, n = u.text, u.n
    if p.BY.match(t):
        return "byline"
    if 10 < n <= 24 and p.BYLINE.match(t) and p.DATEISH.search(t):
        return "byline"
    if n <= 10 and (p.BYLINE.match(t) and _names_follow(u) or p.HANDLE.match(t)):
        return "byline"
    if _date_like(u):
        return "dateline"
    if _name_and_role(u):
        return "byline"
    return None


def _names_follow(u: Unit) -> bool:
    """After the opener, names: a capitalised word, and not a sentence ("By March, prices had doubled.")."""
    return sum(w[0].isupper() for w in u.words[1:]) >= 1 and not END_STRONG.search(u.text)


def _name_and_role(u: Unit) -> bool:
    """ "Jane Doe, Political Reporter": a capitalised name, a comma, then a role ending in a newsroom job."""
    if not 3 <= u.n <= 9 or u.sentence or u.text.count(",") != 1:
        return False
    name, role = (part.split() for part in u.text.split(","))
    return (
        1 <= len(name) <= 4
        and all(w[:1].isupper() for w in name)
        and bool(role)
        and role[-1].lower().strip(".") in p.BYLINE_ROLES
    )


def _navigation_kind(u: Unit) -> str | None:
    """Bare links, menu labels, and short lines of items side by side ("News | Sport | Weather")."""
    t, n = u.text, u.n
    if p.URL.match(t):
        return "link"
    if n <= 6 and p.NAV.match(t.lower()):
        return "navigation"
    if (
        n <= 16
        and len(p.SEPARATED.findall(t)) >= 2
        and not u.sentence
        and not p.TABLE_ROW.match(t)
        and not (any(c.isdigit() for c in t) and "," in t)
    ):
        return "navigation"
    return None


def _date_like(u: Unit) -> bool:
    """Mostly date/time words and numbers, with at least one number."""
    if not u.words or u.n > 16 or not any(w.isdigit() for w in u.words):
        return False
    low = [w.lower() for w in u.words]
    datey = sum(w.isdigit() or w in p.DATE_WORDS for w in low)
    has_anchor = any(w in p.MONTHS or w in p.WEEKDAYS or w in p.DATE_ANCHORS for w in low)
    has_anchor = has_anchor or bool(p.CLOCK_OR_DATE.search(u.text))
    return has_anchor and datey / len(low) >= 0.6


def _social(u: Unit) -> bool:
    """A share/follow widget: mostly social-network and share words."""
    if u.n == 0 or u.n > 12:
        return False
    low = [w.lower() for w in u.words]
    social = sum(w in p.SHARE_WORDS or w in p.SHARE_FILLERS or w.isdigit() for w in low)
    has_share = any(w in p.SHARE_WORDS for w in low)
    return has_share and social / len(low) >= 0.6


# Names and nothing else (letters, spaces, initials, hyphens, apostrophes): the alt text before a glue point.
_NAMES = re.compile(r"^[^\W\d_][^\W\d_\s'’.-]*(?:[\s'’.-]+[^\W\d_]+)*$")


def _glue_point(text: str) -> int | None:
    """Where a capitalised word is glued to the next one ("…PutinChinese…"), in the first words of a line."""
    for i in range(2, min(len(text) - 1, 120)):
        if text[i].isupper() and text[i - 1].islower() and text[i + 1].islower():
            j = i
            while j > 0 and text[j - 1].isalpha():
                j -= 1
            if text[j].isupper() and i - j >= 2:  # "McDonald" and "iPhone" glue inside one name
                return i
    return None


def _unglue(text: str) -> str:
    """The text with a space at every glue point."""
    return "".join(f" {c}" if c.isupper() and i and text[i - 1].islower() else c for i, c in enumerate(text))


def _glued_caption(text: str) -> bool:
    """Alt text run into the caption ("Maria Lopez Tom BakerMayor Maria Lopez talks …", "Ann LeeTom BellAnn Lee
    and Tom Bell …"): capitalised words up to a glue point, whose names the caption after it repeats."""
    i = _glue_point(text)
    if i is None:
        return False
    head, rest = WORD.findall(text[:i]), text[i:]
    if not _NAMES.match(text[:i]) or not 2 <= len(head) <= 8 or not all(w[0].isupper() for w in head):
        return False
    names = [w for w in head if len(w) >= 3]
    # The alt text names the people the caption then describes; an ordinary CamelCase brand does not echo.
    rest_words = set(WORD.findall(_unglue(rest)))
    return any(w in rest_words for w in names) or len(rest.split()) >= 6 and bool(p.CAPTION_TAIL.search(rest))


def captions_by_credit(units: list[Unit]) -> None:
    """Text next to a photo credit is its caption when it is repeated (galleries) or an unfinished phrase."""
    counts = Counter(u.key for u in units)
    for i, u in enumerate(units):
        if u.kind or u.n > 50 or u.cls == "title":
            continue
        near = [units[j].kind for j in (i - 1, i + 1) if 0 <= j < len(units)]
        if "credit" in near and (counts[u.key] > 1 or not u.sentence and u.n >= 4 and u.caps < 0.5):
            u.kind, u.cls, u.weight = "caption", "bad", KIND_WEIGHT
