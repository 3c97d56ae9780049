"""The boilerplate vocabularies as word sets and compiled patterns, built from the lexicon's TOML files."""

from __future__ import annotations

import re

from assets.text import lexicon


def _union(topic: str, table: str) -> frozenset[str]:
    """One set of the words listed under every key (language) of a TOML table."""
    return frozenset(w for value in lexicon.mapping(topic, table).values() for w in value.split())


def _phrases(key: str) -> str:
    """A group of the fragments listed under `key` in boilerplate.toml, in file order.

    Not `lexicon.alternation`: the fragments are regexes (no escaping), and a regex tries alternatives in
    order, which decides where a match ends when one fragment is a prefix of another.
    """
    return "(?:" + "|".join(lexicon.ordered("boilerplate", key)) + ")"


# --- words ------------------------------------------------------------------------------------------------

STOPWORDS = _union("stopwords", "by_language")
CJK_PARTICLES = _union("stopwords", "particles")
MONTHS = _union("dates", "months")
WEEKDAYS = _union("dates", "weekdays")
DATE_WORDS = MONTHS | WEEKDAYS | _union("dates", "date_words")
DATE_ANCHORS = _union("dates", "date_anchors")
SHARE_WORDS = lexicon.words("boilerplate", "share_words")
SHARE_FILLERS = lexicon.words("boilerplate", "share_fillers")
RELATED_HEAD_LINKS = lexicon.words("boilerplate", "related_head_links")
BYLINE_ROLES = lexicon.words("boilerplate", "byline_roles")

# --- cookies and copyright --------------------------------------------------------------------------------

COOKIE = re.compile(r"\bcookies?\b", re.I)
CONSENT = re.compile(rf"\b{_phrases('cookie_consent')}", re.I)
COPYRIGHT = re.compile(rf"©|\(c\)\s*\d{{4}}|\bcopyright\b|{_phrases('all_rights_reserved')}", re.I)
ALL_RIGHTS = re.compile(_phrases("rights_reserved"), re.I)
YEAR = re.compile(r"\b(19|20)\d\d\b")
IMAGE_RIGHTS = re.compile(rf"^{_phrases('image_nouns')}\s*{_phrases('image_rights')}", re.I)

# --- comments ---------------------------------------------------------------------------------------------

COMMENT_FORM = re.compile(_phrases("comment_form"), re.I)
FORM_FIELD = re.compile(rf"^{_phrases('form_fields')}\s*(?:\*|\({_phrases('required_marks')}\))\s*\*?$", re.I)
REPLY = re.compile(rf"^{_phrases('reply_buttons')}$", re.I)
COMMENT_COUNT = re.compile(
    rf"^(?:\d[\d,.]*\s*{_phrases('comment_count_nouns')}\b.*|{_phrases('comment_counter_lines')})$", re.I
)
# matched against the lower-cased line, hence no flag
COMMENTS_ON = re.compile(rf"^\d+ {_phrases('comments_on_nouns')} (to|on)\b")
COMMENT_AUTHOR = re.compile(
    rf"^\S.{{0,60}}\s{_phrases('comment_author_verbs')}\s*:$|"
    rf"^\S.{{0,60}}\bon \w+ \d{{1,2}},? \d{{4}}( at [\d:]+ ?[ap]\.?m\.?)? "
    rf"{_phrases('dated_comment_verbs')}\s*:?$",
    re.I,
)
COMMENT_POLICY = re.compile(
    rf"\b{_phrases('comment_section_nouns')}\b.{{0,120}}\b{_phrases('comment_policy_words')}\b", re.I
)

# --- players, prompts, paywalls ---------------------------------------------------------------------------

_DURATION = r"^\d{1,2}:\d{2}(\s*/\s*\d{1,2}:\d{2})?$"  # "3:45" or "0:12 / 3:45" alone on a line
AUDIO = re.compile(rf"{_DURATION}|{_phrases('audio_player')}", re.I)
PLAYER_WORDS = lexicon.words("boilerplate", "player_words")
DURATION = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d+\s*(?:min|mins|minutes|sec|secs|seconds)\b", re.I)
NEWSLETTER_STRONG = re.compile(_phrases("newsletter_prompts"), re.I)
NEWSLETTER = re.compile(_phrases("newsletter_words"), re.I)
YOU = re.compile(
    rf"\b{_phrases('reader_address')}\b|(?:^|[.!?:;–—|•·]\s*){_phrases('reader_imperatives')}\b", re.I
)
PAYWALL = re.compile(_phrases("paywall"), re.I)
LOGIN = re.compile(rf"^{_phrases('login')}\b", re.I)
ATTRIBUTION = re.compile(rf"{_phrases('attribution')}|^{_phrases('source_labels')}\s*:", re.I)

# --- related links and categories -------------------------------------------------------------------------

RELATED_HEAD = re.compile(rf"^{_phrases('related_heads')}\b", re.I)
RELATED_INLINE = re.compile(rf"^{_phrases('related_inline')}\s*[:|»›>-]\s*\S", re.I)
PREV_NEXT = re.compile(
    rf"^[«‹<←]?\s*{_phrases('prev_next')}\b.*\b{_phrases('prev_next_nouns')}\b.*[»›>→]?$", re.I
)
CATEGORY = re.compile(rf"^{_phrases('category_labels')}\b\s*[:|]?", re.I)

# --- bylines, credits, captions ---------------------------------------------------------------------------

BY = re.compile(rf"^{_phrases('byline_openers')}\s*:?$", re.I)
BYLINE = re.compile(
    rf"^(?:{_phrases('byline_openers')}|{_phrases('author_labels')})\s*:?\s+[\w@]|"
    rf"^{_phrases('author_colon_labels')}\s*:\s*[\w@]",
    re.I,
)
DATEISH = re.compile(rf"\b(\d{{4}}|\d{{1,2}}:\d{{2}}|{lexicon.alternation(MONTHS)}\.?)\b", re.I)
CLOCK_OR_DATE = re.compile(r"\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}")
HANDLE = re.compile(r"^@\w+$|^[\w.+-]+@[\w-]+\.[\w.]+$")
CREDIT = re.compile(rf"^{_phrases('credit_labels')}s?\s*(by\b|:|/|©)|\b{_phrases('photo_agencies')}\b", re.I)
CAPTION_TAIL = re.compile(
    rf"([\(\[][^()\[\]]{{0,100}}\b{_phrases('caption_bracket_words')}\b[^()\[\]]{{0,100}}[\)\]]|"
    rf"\b{_phrases('caption_credit_labels')}s?\s*(by\s|:|/|©)\s*[^.!?]{{2,80}}|"
    # an agency closing the line after a stop or a separator ("… in Paris. Reuters", "… | AFP"), not a
    # sentence that cites it ("…, according to Reuters.")
    rf"(?:(?<=[.|/—–(:-])|(?<=[.|/—–(:-] ))\s*{_phrases('caption_agencies')}|"
    # "… lighthouse. Elwin Chronicle/Megan Price": a capitalised source, a slash, a person's name (two words)
    r"(?-i:\b[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,3}/[A-Z][\w'-]+(?: [A-Z][\w'-]+){1,2}))\s*\.?\s*$",
    re.I,
)
GALLERY = re.compile(
    rf"^({_phrases('gallery_nouns')}s?\s*)?\d+\s*{_phrases('gallery_of')}\s*/?\s*\d+$|"
    rf"^{_phrases('gallery_labels')}$",
    re.I,
)
CAPTION_CUE = re.compile(
    rf",\s*{_phrases('caption_positions')}\s*,|\({_phrases('caption_position_marks')}\)|"
    rf"{_phrases('caption_cues')}",
    re.I,
)

# --- ads, notices, navigation, links, markup --------------------------------------------------------------

AD = re.compile(rf"^{_phrases('ad_labels')}\.?$", re.I)
SITE_NOTICE = re.compile(
    rf"\b(this|our) {_phrases('site_nouns')}\b.{{0,80}}\b{_phrases('site_disclosures')}|"
    rf"{_phrases('site_notice_phrases')}|"
    rf"\b{_phrases('phone_labels')}\s*[:.]?\s*\+?\d[\d\s().-]{{6,}}",
    re.I,
)
LEGAL_LINK = re.compile(_phrases("legal_links"), re.I)
AGGREGATOR = re.compile(
    rf"^\d[\d,.]*\s+{_phrases('aggregator_nouns')}\b.*\||"
    r"^(last )?updated\s*:|^last updated\b|\|\s*last updated\b|"
    r"^updated \d+ (minutes?|hours?|days?) ago$",
    re.I,
)
NAV = re.compile(rf"^{_phrases('nav_labels')}\s*[»›>«‹<→←↑]*$", re.I)
SEPARATED = re.compile(r"\s[|/•·»›>]\s|\s[-–]\s")  # menu items side by side: "News | Sport | Weather"
MEDIA_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?|avif|mp4|webm|mp3|m4a)(?:[?#]\S*)?$", re.I)
URL = re.compile(rf"^(https?://|www\.)\S+$|^\S+\.{_phrases('url_domains')}(/\S*)?$", re.I)
MARKUP = re.compile(
    rf"\{{\*|\*\}}|\{{\{{|\}}\}}|%[sd]\b|&{_phrases('html_entities')};|</?{_phrases('html_tags')}\b[^>]*>|"
    rf"\[/?[a-z_]+(\s+[a-z_]+\s*=[^\]]*)+\]|{_phrases('javascript_notices')}",
    re.I,
)

# --- shapes -----------------------------------------------------------------------------------------------

ONLY_MARKER = re.compile(r"^(\.{3,}|…+|\[\s*(…|\.{3})\s*\]|\(\s*(…|\.{3})\s*\))$")
TRUNCATION = re.compile(r"\s*(\.{4,}|…{2,}|(\.\s*){4,}|\[\s*(…|\.{3,})\s*\]|\(\s*(…|\.{3,})\s*\))\s*$")
TRAILING_ELLIPSIS = re.compile(r"\s*(\.{3}|…)\s*$")
TABLE_ROW = re.compile(r"^\|.*\|$")
BULLET = re.compile(r"^([-–—•*·▪►✓✔●○◦]|\d{1,2}[.)]|[a-z][.)])\s+\S")
TITLE_SEP = re.compile(r"\s+[|\-–—:•·»«]\s+|\s+::\s+")
