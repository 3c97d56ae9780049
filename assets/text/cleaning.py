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
Inside the run, short lines stay (subheadings, bullets, quotes) unless they are recognised boilerplate
or later copies of a paragraph; outside it everything goes, each with the most specific reason known.

jusText and boilerpipe score HTML DOM blocks with link density and tag context; scraped dumps have
neither, only lines with offsets that every removal must keep, hence the hand-written pass here.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
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

_INVISIBLE = "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"
_DROP = {ord(c): None for c in _INVISIBLE}
_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_WORD = re.compile(r"\w+", re.UNICODE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_CJK_PARTICLES = set("のにはをがでとももへやかなだす。、")
_END_SENTENCE = re.compile(r"[.!?…。！？:;][\"'”’»)\]]*$")
_END_STRONG = re.compile(r"[.!?…。！？][\"'”’»)\]]*$")

# Small stopword sets for the languages most news on the web is written in; a document whose long
# lines hit none of them is judged on length and punctuation alone.
_STOPWORDS = frozenset(
    """
    a about after all also an and any are as at be because been but by can could did do does for from
    had has have he her his how i if in into is it its just more most my no not of on one or our out
    over she so some than that the their them then there these they this to up was we were what when
    which who will with would you your
    aber als am an auch auf aus bei bis das dass dem den der des die doch durch ein eine einem einen
    einer eines er es für hat ich ihr im in ist kann mit nach nicht noch nur oder sich sie sind so
    über um und uns von vor war wie wir wird zu zum zur
    au aux avec ce ces cette dans de des du elle en est et il ils je la le les leur mais même ne nous
    on ou par pas plus pour qu que qui sa se ses son sont sur un une vous été être
    al como con del el ella en entre es esta este hay la las lo los más para pero por que se ser sin
    sobre su sus también una uno y ya
    ao aos as da das do dos ela ele em entre foi isso mais mas na nas no nos não o os ou para pela
    pelo por que se sem ser seu sua são também um uma é
    alla che chi con da dei del della delle di gli il le lo nel nella non per più sono tra una uno
    aan als bij dat de den der die een en er het hij in is met niet of om ook op te van voor was
    wat worden zijn
    ada adalah akan atau bahwa bisa dalam dan dari dengan di ini itu juga kami karena ke kita oleh
    pada saja sudah tidak untuk yang
    в во и из к как на не но о от по с со то что это за для же он она они
    """.split()
)

_MONTHS = (
    "jan january feb february mar march apr april may jun june jul july aug august sep sept september "
    "oct october nov november dec december januar februar märz mai juni juli oktober dezember "
    "janvier février mars avril juin juillet août septembre octobre novembre décembre "
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre "
    "janeiro fevereiro março maio junho julho setembro outubro novembro dezembro "
    "gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre "
    "januari februari maret mei agustus oktober desember"
).split()
_WEEKDAYS = (
    "mon monday tue tues tuesday wed wednesday thu thur thurs thursday fri friday sat saturday sun sunday "
    "montag dienstag mittwoch donnerstag freitag samstag sonntag lundi mardi mercredi jeudi vendredi "
    "samedi dimanche lunes martes miércoles jueves viernes sábado domingo segunda terça quarta quinta "
    "sexta feira sábado senin selasa rabu kamis jumat sabtu minggu"
).split()
_DATE_WORDS = frozenset(
    _MONTHS
    + _WEEKDAYS
    + (
        "am pm a.m p.m et est edt pt pst pdt ct cst cdt mt gmt bst utc cet cest ist aest jst "
        "updated update published posted last modified on at ago min mins minute minutes hour hours hr "
        "hrs day days week weeks month months year years read reading time de às um le à el am um "
        "aktualisiert veröffentlicht publié mis à jour publicado atualizado pubblicato diperbarui "
        "diterbitkan today yesterday heute gestern hier aujourd hoy ontem ayer"
    ).split()
)

# Generic vocabularies of web boilerplate (several languages where it is cheap).
_SOCIAL = frozenset(
    "share shares sharing shared tweet retweet pin print email e mail facebook twitter x linkedin "
    "reddit pinterest tumblr flipboard whatsapp telegram messenger instagram youtube snapchat tiktok "
    "rss feed mix pocket vk xing sms copy link google digg stumbleupon threads bluesky mastodon "
    "teilen partager compartir compartilhar condividi delen bagikan udostępnij this on via more "
    "caring is on follow us".split()
)
_COOKIE = re.compile(r"\bcookies?\b", re.I)
_CONSENT = re.compile(
    r"\b(accept|agree|consent|continu|privacy|experience|brows|opt[- ]?out|settings|preferences|"
    r"learn more|policy|akzept|zustimm|datenschutz|accepter|aceptar|aceitar|accetta|setuju|personali[sz])",
    re.I,
)
_COPYRIGHT = re.compile(
    r"©|\(c\)\s*\d{4}|\bcopyright\b|all rights? reserved|alle rechte vorbehalten|tous droits réservés|"
    r"todos los derechos reservados|todos os direitos reservados|tutti i diritti riservati|hak cipta",
    re.I,
)
_ALL_RIGHTS = re.compile(
    r"rights? reserved|derechos reservados|direitos reservados|droits réservés|rechte vorbehalten", re.I
)
_IMAGE_RIGHTS = re.compile(
    r"^(image|photo|picture|foto|bild|video|media)\s*(copyright|©|credit|source)", re.I
)
_COMMENT_FORM = re.compile(
    r"leave a (reply|comment|response)|cancel reply|post (a |your )?comment|add (a |your )?comment|"
    r"write a comment|submit (a )?comment|your email address will not be published|email will not be published|"
    r"required fields are marked|save my name|notify me of|you must be (logged|signed) in|"
    r"(log|sign) in to (comment|reply|post)|comment(ing)? (policy|guidelines)|to post (a |your )?comment|"
    r"commenting using|kommentar (schreiben|verfassen)|laisser un commentaire|laissez un commentaire|"
    r"deixe (um|seu|uma) (comentário|resposta)|deja (un|tu) comentario|lascia un commento|"
    r"tinggalkan (balasan|komentar)|batalkan balasan|submission guidelines|tell us what you think|"
    r"let us know (what you think|in the comments)|share your (thoughts|comments|opinion)|what do you think\?\s*$",
    re.I,
)
_FORM_FIELD = re.compile(
    r"^(name|e-?mail|e-?mail address|website|url|comment|message|nom|nombre|nome|nama|surel)\s*"
    r"(\*|\(required\)|\(wajib\)|\(obligatoire\))\s*\*?$",
    re.I,
)
_REPLY = re.compile(r"^(reply|replies|respond|antworten|répondre|responder|rispondi|balas)$", re.I)
_COMMENT_COUNT = re.compile(
    r"^(\d[\d,.]*\s*(comments?|replies|responses|reactions|thoughts on|kommentare?|commentaires?|"
    r"comentários?|comentarios?|commenti|reacties|komentar|tanggapan)\b.*|"
    r"(view|show|read|see|load|hide|open|close)( all)?( \d+)? (comments?|replies|discussion)|"
    r"(join|start) the (conversation|discussion)|comments?( \(\d+\))?|no comments( yet)?|"
    r"be the first to comment|(one|two|three) (responses?|comments?|replies|tanggapan)|"
    r"kommentare|commentaires|comentários|comentarios|commenti|komentar|have your say.*)$",
    re.I,
)
_AUDIO = re.compile(
    r"listen to (this|the) (article|story|post)|^audio$|audio player|play audio|text[- ]to[- ]speech|"
    r"^\d{1,2}:\d{2}(\s*/\s*\d{1,2}:\d{2})?$|your browser does not support|^(now )?playing\b|"
    r"^(play|pause|mute|unmute|autoplay|replay|listen|listen now|listen live)$|"
    r"\bmin(ute)?s? listen\b|^(watch|video)\s*:?$|^watch\s*:|^video\s*:|^(next|up next) video",
    re.I,
)
_NEWSLETTER_STRONG = re.compile(
    r"newsletter|\binbox\b|mailing list|waitlist|wait list|sign up (for|to|now|today)|subscribe (to|for|now|today)|"
    r"join (our|the) (list|community)|\babonn(ieren|ez)\b|suscr[ií]bete|\bassine\b|iscriviti|berlangganan",
    re.I,
)
_NEWSLETTER = re.compile(
    r"newsletter|\bsubscri(be|ption)\b|sign[- ]?up\b|waitlist|wait list|mailing list|\binbox\b|"
    r"\babonn(ieren|ez|er)|suscr[ií]b|\bassine\b|iscriviti|berlangganan",
    re.I,
)
_YOU = re.compile(r"\b(you|your|our|us|sign up|subscribe|join|get|enter|thanks|thank you)\b", re.I)
_PAYWALL = re.compile(
    r"to (read|continue reading|keep reading) (the full|this|more)|subscribers? only|already (a subscriber|have an account)|"
    r"subscribe (now )?to (continue|read|unlock)|unlock (this|full|unlimited)|premium (content|article)|"
    r"for subscribers|exclusive to subscribers|you have reached (your|the) (limit|maximum)|free articles? (left|remaining)",
    re.I,
)
_LOGIN = re.compile(
    r"^(sign in|sign-in|log ?in|log ?out|sign out|register|my account|create (an )?account|"
    r"forgot (your )?password\??|anmelden|abmelden|connexion|se connecter|iniciar sesión|masuk|"
    r"my profile|edit profile|welcome back.*)\b",
    re.I,
)
_ATTRIBUTION = re.compile(
    r"(read|view|see) (the )?(original|full|complete|rest of the) (article|story|post|version)|"
    r"originally (published|appeared|posted)|"
    r"this (article|story|post|piece) (was |has been )?(first |originally )?(published|appeared|posted|republished)|"
    r"first (published|appeared) (on|in|at)|republished (with permission|from|under)|"
    r"^(source|sources|quelle|fuente|fonte|sumber|via)\s*:",
    re.I,
)
_RELATED_HEAD = re.compile(
    r"^(related( articles| stories| posts| content| coverage| news| topics| reading| links| video| videos)?|more(?-i:( [A-Z][\w.]*){1,3})|"
    r"read (more|next|also)|more( from| on| in| about| stories| news| articles| like this| to explore| coverage)?|"
    r"see (also|more)|you (may|might|will) (also )?(like|enjoy|be interested in)|recommended( for you| stories| reading| articles| videos)?|"
    r"(most|top) (popular|read|viewed|watched|shared|discussed|emailed|commented|recent)( articles| stories| posts| videos| now)?|"
    r"popular( now| posts| stories| articles| videos)?|trending( now| stories| topics)?|top stories|"
    r"(the )?latest( news| stories| articles| posts| headlines| videos)?|our latest stories|"
    r"(previous|next|older|newer|prev)( post| article| story| entry)?|what to read next|up next|don'?t miss|"
    r"editor'?s picks?|also (read|see|on \w+)|further reading|in case you missed it|recent (posts|articles|stories)|"
    r"(more|other) (stories|articles|posts|videos)|featured( stories| posts| articles)?|"
    r"weiterlesen|mehr zum thema|lesen sie (auch|mehr)|das könnte sie auch interessieren|lire (aussi|la suite)|"
    r"à lire aussi|voir aussi|leia (também|mais)|veja (também|mais)|lee (también|más)|leer más|ver (también|más)|"
    r"leggi anche|baca (juga|selengkapnya)|artikel terkait|berita terkait|terkait|tulisan terkini|story timeline|"
    r"читайте также|похожие (статьи|записи|новости|материалы)|(вам )?(также )?может быть интересно|"
    r"популярное|рекомендуем)\b",
    re.I,
)
_RELATED_INLINE = re.compile(
    r"^(related|read more|read also|also read|more|see also|recommended|watch|listen|opinion|analysis|"
    r"lesen sie auch|lire aussi|leia também|veja também|lee también|baca juga|mehr)\s*[:|»›>-]\s*\S",
    re.I,
)
_PREV_NEXT = re.compile(
    r"^[«‹<←]?\s*(previous|prev|next|older|newer)\b.*\b(post|article|story|entry)\b.*[»›>→]?$", re.I
)
_CATEGORY = re.compile(
    r"^(tags?|tagged( with)?|topics?|categor(y|ies)|filed (under|in)|posted in|labels?|keywords?|"
    r"schlagw[oö]rter|stichw[oö]rter|kategorien?|th[eè]mes?|mots[- ]clés|etiquetas?|categorias?|categorie|"
    r"kategori|topik|label)\b\s*[:|]?",
    re.I,
)
_BY = re.compile(
    r"^(by|von|par|por|di|door|oleh|written by|posted by|words by|story by|reporting by)\s*:?$", re.I
)
_BYLINE = re.compile(
    r"^(by|von|par|por|di|door|oleh|written by|posted by|words by|story by|reporting by|author|autor|auteur|autore|penulis)"
    r"\s*:?\s+[\w@]",
    re.I,
)
_COMMENT_AUTHOR = re.compile(
    r"^\S.{0,60}\s(says|said|wrote|replied|schreibt|sagt|dit|écrit|dice|escribió|disse|escreveu|berkata)\s*:$|"
    r"^\S.{0,60}\bon \w+ \d{1,2},? \d{4}( at [\d:]+ ?[ap]\.?m\.?)? (said|says|wrote)\s*:?$",
    re.I,
)
_COMMENT_POLICY = re.compile(
    r"\b(comments|commenting|comment section|comentários|comentarios|kommentare|commentaires|commenti|komentar)\b.{0,120}"
    r"\b(moderat\w*|approv\w*|aprovad\w*|policy|guidelines|rules|respect\w*|abusive|offensive|profanity|"
    r"spam|reviewed|closed|disabled|civil)\b",
    re.I,
)
_SITE_NOTICE = re.compile(
    r"\b(this|our) (web ?site|site|blog|newsletter|page)\b.{0,80}\b(uses?|provides?|contains?|participates?|"
    r"is (a |an )?(participant|member|part)|may (earn|contain|receive)|earns?|receives?|affiliate|compensat\w*)|"
    r"\bare (registered )?trademarks? of\b|\baffiliate (links?|program|commission|advertising)\b|"
    r"(contact|reach) us (at|by|on|via)|\b(telephone|phone|tel|fax)\s*[:.]?\s*\+?\d[\d\s().-]{6,}",
    re.I,
)
_LEGAL_LINK = re.compile(
    r"terms (of|and) (use|service|conditions)|privacy (policy|notice|settings)|\bdisclaimer\b|\bimprint\b|"
    r"\bimpressum\b|datenschutz|mentions légales|aviso legal|política de privacidad|política de privacidade|"
    r"accessibility (statement|help)|\bsitemap\b|site map|ad ?choices",
    re.I,
)
_DATEISH = re.compile(r"\b(\d{4}|\d{1,2}:\d{2}|(" + "|".join(_MONTHS) + r")\.?)\b", re.I)
_AGGREGATOR = re.compile(
    r"^\d[\d,.]*\s+(articles?|stories|posts|items|results|entries|updates)\b.*\||^(last )?updated\s*:|^last updated\b|\|\s*last updated\b|^updated \d+ (minutes?|hours?|days?) ago$",
    re.I,
)
_HANDLE = re.compile(r"^@\w+$|^[\w.+-]+@[\w-]+\.[\w.]+$")
_CREDIT = re.compile(
    r"^(photo|photos|image|images|picture|foto|fotos|bild|photograph|illustration|graphic|video|credit|credits|"
    r"cover image|crédito|créditos|quelle|image source|photo credit)s?\s*(by\b|:|/|©)|"
    r"\b(getty images|shutterstock|istock(photo)?|afp|reuters|associated press|ap photo|epa|dpa|alamy|xinhua|"
    r"unsplash|pixabay|wikimedia|presswire|the canadian press|pa wire|pa images)\b",
    re.I,
)
_CAPTION_TAIL = re.compile(
    r"([\(\[][^()\[\]]{0,100}\b(photo|image|picture|foto|file|credit|getty|reuters|afp|ap|epa|shutterstock|"
    r"courtesy|handout|pictured|illustration)\b[^()\[\]]{0,100}[\)\]]|"
    r"\b(photo|image|picture|foto|photograph|credit|source|illustration)s?\s*(by\s|:|/|©)\s*[^.!?]{2,80}|"
    r"\b(getty images|shutterstock|afp|reuters|ap photo|epa|alamy|xinhua))\s*\.?\s*$",
    re.I,
)
_GALLERY = re.compile(
    r"^((image|photo|slide|picture|foto|bild)s?\s*)?\d+\s*(of|/|von|de|di)\s*/?\s*\d+$|"
    r"^(back to gallery|caption|hide caption|toggle caption|show caption|close|enlarge|expand|zoom|"
    r"view gallery|view slideshow|open gallery|fullscreen|full screen|view image|gallery|slideshow)$",
    re.I,
)
_CAPTION_CUE = re.compile(
    r",\s*(left|right|centre|center|second (from )?(left|right)|from left|top|bottom|above|below)\s*,|"
    r"\((left|right|center|centre|l|r|c|top|bottom|above|file|pictured)\)|\bpictured\b|\bin this (file )?(photo|image|picture)\b|"
    r"\bseen here\b|\bposes? for (a |the )?(photo|picture|portrait)",
    re.I,
)
_GLUED = re.compile(r"^((?:[A-Z][\w'’.-]*\s+){1,6}[A-Z][a-z'’.-]*[a-z])([A-Z][a-z]{2,}\b.*)$")
_AD = re.compile(
    r"^(advertisement|advertising|advert|ads?|sponsored( content| links| stories| by .*)?|paid (content|post)|"
    r"anzeige|werbung|publicité|publicidad|publicidade|pubblicità|iklan|reklama|"
    r"(story|article) continues (below|after)( advertisement)?|continue reading (below|the main story)|"
    r"scroll (down )?to continue.*|ad choices|adchoices)\.?$",
    re.I,
)
_NAV = re.compile(
    r"^(skip to (main )?(content|navigation)|back to top|return to top|go to top|to top|top|toggle navigation|"
    r"menu|main menu|open menu|close menu|search|search for:?|home|homepage|close|open|more|less|show more|"
    r"load more|see all|view all|all|print|next|previous|prev|back|go|ok|submit|cancel|loading\.*|"
    r"zum inhalt springen|aller au contenu|ir al contenido|ir para o conteúdo)\s*[»›>«‹<→←↑]*$",
    re.I,
)
_SEPARATED = re.compile(r"\s[|/•·»›>]\s|\s[-–]\s")
_URL = re.compile(r"^(https?://|www\.)\S+$|^\S+\.(com|org|net|co\.\w\w|de|fr|uk|br|ru|io)(/\S*)?$", re.I)
_MARKUP = re.compile(
    r"\{\*|\*\}|\{\{|\}\}|%[sd]\b|&(nbsp|amp|quot|lt|gt|#\d+);|"
    r"</?(a|p|div|span|img|br|script|style|iframe|ul|ol|li|strong|em|b|i|h[1-6]|table|tr|td|form|input|button)\b[^>]*>|"
    r"\[/?[a-z_]+(\s+[a-z_]+\s*=[^\]]*)+\]|\b(requires|enable|turn on|needs?) javascript\b|javascript (is )?(disabled|required)",
    re.I,
)
_ONLY_MARKER = re.compile(r"^(\.{3,}|…+|\[\s*(…|\.{3})\s*\]|\(\s*(…|\.{3})\s*\))$")
_TRUNCATION = re.compile(r"\s*(\.{4,}|…{2,}|(\.\s*){4,}|\[\s*(…|\.{3,})\s*\]|\(\s*(…|\.{3,})\s*\))\s*$")
_TRAILING_ELLIPSIS = re.compile(r"\s*(\.{3}|…)\s*$")
_TABLE_ROW = re.compile(r"^\|.*\|$")
_BULLET = re.compile(r"^([-–—•*·▪►✓✔●○◦]|\d{1,2}[.)]|[a-z][.)])\s+\S")
_TITLE_SEP = re.compile(r"\s+[|\-–—:•·»«]\s+|\s+::\s+")

# Weights of the body run: a body-like unit counts its words, a boilerplate unit counts against.
_STRONG = frozenset(
    {
        "comment_form",
        "comment_counter",
        "comments",
        "related_links",
        "category_list",
        "newsletter_prompt",
        "copyright",
        "cookie_notice",
        "login_prompt",
        "paywall",
        "markup",
    }
)
_STRONG_WEIGHT = -25.0
_KIND_WEIGHT = -6.0
_HEADLINE_WEIGHT = -10.0
# The article usually starts right under its headline: a run starting within this many units of a
# headline copy wins over a bigger run elsewhere (teasers, sidebars) unless it is much smaller.
_ANCHOR_WINDOW = 20
_ANCHOR_SHARE = 0.25
_COMMENT_DISCOUNT = 0.2
# A box inside the article (newsletter prompt, "Related" list) is bridged when it is this small.
_BRIDGE_STRONG = 2
_BRIDGE_GAP = 16
# A run that reads as one text wins over a bigger list of teasers unless it is smaller than this share.
_TEASER_SHARE = 0.2
_REPEATED_WEIGHT = -10.0
# Kinds whose header line also claims the short lines listed under it (a "Related" box, a tag list).
_BOX_HEADS = frozenset({"related_links", "category_list"})
_LIST_HEADS = frozenset(
    {"related_links", "category_list", "share_widget", "comment_counter", "comment_form", "navigation"}
)


@dataclass(frozen=True)
class Removal:
    start: int  # offsets into the raw text; raw[start:end] == text
    end: int
    text: str
    reason: str  # one of REASONS


@dataclass(frozen=True)
class Cleaned:
    title: str | None  # the headline (not left in the body)
    body: str  # kept article text, paragraphs joined by "\n\n"
    removed: tuple[Removal, ...]  # every non-whitespace span of raw not in title/body, with its reason


class _Unit:
    """One line, or hard-wrapped lines joined back into one paragraph."""

    __slots__ = (
        "start",
        "end",
        "text",
        "block",
        "key",
        "words",
        "n",
        "stop",
        "sentence",
        "caps",
        "kind",
        "weight",
        "cls",
        "keep",
        "reason",
        "dup_of",
    )

    def __init__(self, start: int, end: int, text: str, block: int):
        self.start, self.end, self.text, self.block = start, end, text, block
        self.words = _WORD.findall(text)
        cjk = len(_CJK.findall(text))
        self.n = len(self.words) + cjk // 2 if cjk else len(self.words)
        self.key = " ".join(w.lower() for w in self.words)
        low = [w.lower() for w in self.words]
        if cjk > len(text) // 3:
            self.stop = sum(c in _CJK_PARTICLES for c in text) / max(1, cjk) * 3
        else:
            self.stop = sum(w in _STOPWORDS for w in low) / len(low) if low else 0.0
        self.sentence = bool(_END_SENTENCE.search(_strip_symbols(text)))
        alpha = [w for w in self.words if w[0].isalpha()]
        self.caps = sum(w[0].isupper() for w in alpha) / len(alpha) if alpha else 0.0
        self.kind: str | None = None
        self.weight = 0.0
        self.cls = "short"
        self.keep = False
        self.reason: str | None = None
        self.dup_of: int | None = None


def _strip_symbols(s: str) -> str:
    """Text without trailing emoji and other symbols (a sentence may end "… today! 🙂")."""
    end = len(s)
    while end > 0 and (unicodedata.category(s[end - 1])[0] == "S" or s[end - 1].isspace()):
        end -= 1
    return s[:end]


def _norm(s: str) -> str:
    """Whitespace-normalised text without invisible characters."""
    return " ".join(s.translate(_DROP).split())


def _is_space(c: str) -> bool:
    """Whitespace, or a character that is invisible in print (zero-width, soft hyphen, BOM)."""
    return c.isspace() or c in _INVISIBLE


def _lines(raw: str) -> list[tuple[int, int] | None]:
    """Physical lines as stripped (start, end) spans; None for a blank line."""
    out: list[tuple[int, int] | None] = []
    pos = 0
    for m in [*_BREAK.finditer(raw), None]:
        end = m.start() if m else len(raw)
        s, e = pos, end
        while s < e and _is_space(raw[s]):
            s += 1
        while e > s and _is_space(raw[e - 1]):
            e -= 1
        out.append((s, e) if s < e else None)
        if m is None:
            break
        pos = m.end()
    return out


def _continues(a: str, b: str) -> bool:
    """A hard-wrapped line: long, cut mid-sentence, and the next line goes on in lower case."""
    return 40 <= len(a) <= 110 and not _END_SENTENCE.search(a) and b[:1].islower()


def _units(raw: str) -> list[_Unit]:
    """Units of the raw text, in order, with their block numbers."""
    units: list[_Unit] = []
    block, prev_blank = 0, True
    pending: list[tuple[int, int, str]] = []

    def flush() -> None:
        """Close the unit being collected."""
        if pending:
            units.append(_Unit(pending[0][0], pending[-1][1], " ".join(p[2] for p in pending), block))
            pending.clear()

    for span in _lines(raw):
        if span is None:
            flush()
            if not prev_blank:
                block += 1
            prev_blank = True
            continue
        text = _norm(raw[span[0] : span[1]])
        if not text:
            continue
        if pending and not _continues(pending[-1][2], text):
            flush()
        pending.append((span[0], span[1], text))
        prev_blank = False
    flush()
    return units


def _key(text: str) -> str:
    """Key of a line for matching across documents: lower-case words, digits folded."""
    return re.sub(r"\d+", "0", " ".join(_WORD.findall(text.lower())))


def repeated_lines(texts: Iterable[str], min_docs: int = 3, min_share: float = 0.5) -> frozenset[str]:
    """Normalised keys of lines that recur across many documents of one batch (same source / partition)."""
    counts: Counter[str] = Counter()
    n_docs = 0
    for text in texts:
        n_docs += 1
        counts.update({_key(u.text) for u in _units(text)} - {""})
    if n_docs < 2:
        return frozenset()
    # Two documents of one source sharing a line is already strong evidence; in a large mixed batch a
    # line must recur in min_docs documents or in min_share of them.
    need = max(2, min(min_docs, math.ceil(min_share * n_docs)))
    return frozenset(k for k, c in counts.items() if c >= need)


def _date_like(u: _Unit) -> bool:
    """Mostly date/time words and numbers, with at least one number."""
    if not u.words or u.n > 16 or not any(w.isdigit() for w in u.words):
        return False
    low = [w.lower() for w in u.words]
    datey = sum(w.isdigit() or w in _DATE_WORDS for w in low)
    has_anchor = any(
        w in _MONTHS or w in _WEEKDAYS or w in ("ago", "updated", "published", "posted") for w in low
    )
    has_anchor = has_anchor or bool(
        re.search(r"\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}", u.text)
    )
    return has_anchor and datey / len(low) >= 0.6


def _social(u: _Unit) -> bool:
    """A share/follow widget: mostly social-network and share words."""
    if u.n == 0 or u.n > 12:
        return False
    low = [w.lower() for w in u.words]
    social = sum(w in _SOCIAL or w.isdigit() for w in low)
    has_share = any(w in _SOCIAL and w not in ("this", "on", "via", "more", "is", "us") for w in low)
    return has_share and social / len(low) >= 0.6


def _glued_caption(text: str) -> bool:
    """Alt text run into the caption's first word ("… Vladimir PutinChinese President …")."""
    m = _GLUED.match(text)
    if not m:
        return False
    head, rest = m.group(1), m.group(2)
    names = [w for w in _WORD.findall(head) if len(w) >= 3 and w[0].isupper()]
    if len(names) < 2:
        return False
    # The alt text names the people the caption then describes; an ordinary CamelCase brand does not echo.
    rest_words = set(_WORD.findall(rest))
    return (
        any(w in rest_words for w in names[:-1])
        or len(rest.split()) >= 6
        and bool(_CAPTION_TAIL.search(rest))
    )


def _kind(u: _Unit) -> str | None:
    """Boilerplate kind of a unit from its shape and a generic vocabulary, or None."""
    t, n = u.text, u.n
    low = t.lower()
    if _ONLY_MARKER.match(t):
        return "truncation_marker"
    if _MARKUP.search(t) and (n <= 30 or len(_MARKUP.findall(t)) >= 3):
        return "markup"
    if _COOKIE.search(t) and (n <= 4 or (n <= 80 and _CONSENT.search(t))):
        return "cookie_notice"
    if n <= 14 and _IMAGE_RIGHTS.match(t):
        return "credit"
    if (
        n <= 40
        and _COPYRIGHT.search(t)
        and (
            "©" in t
            or n <= 6
            or low.startswith("copyright")
            or _ALL_RIGHTS.search(t)
            or re.search(r"\b(19|20)\d\d\b", t)
        )
    ):
        return "copyright"
    if n <= 30 and _COMMENT_FORM.search(t) or n <= 4 and (_FORM_FIELD.match(t) or _REPLY.match(t)):
        return "comment_form"
    if (
        n <= 8
        and _COMMENT_COUNT.match(t)
        or n <= 30
        and re.match(r"^\d+ (responses?|comments?|replies|thoughts) (to|on)\b", low)
    ):
        return "comment_counter"
    if n <= 16 and _COMMENT_AUTHOR.match(t):
        return "comments"
    if n <= 40 and _COMMENT_POLICY.search(t):
        return "comment_form"
    if n <= 120 and _SITE_NOTICE.search(t) or n <= 12 and not u.sentence and _LEGAL_LINK.search(t):
        return "site_notice"
    if n <= 40 and _PAYWALL.search(t):
        return "paywall"
    if n <= 40 and _ATTRIBUTION.search(t):
        return "attribution"
    if n <= 8 and _PREV_NEXT.match(t):
        return "related_links"
    m = _RELATED_HEAD.match(t) if n <= 6 else None
    # a box header, possibly naming the site or section ("More from The Gazette"), never a sentence
    rest = t[m.end() :].split() if m else []
    if m and (
        len(t) - m.end() <= 2
        or len(rest) <= 3
        and not _END_STRONG.search(t)
        and (
            rest[0].lower() in ("from", "on", "in", "at", "about", "by", "for")
            or all(w[:1].isupper() for w in rest)
        )
    ):
        return "related_links"
    if n <= 25 and _RELATED_INLINE.match(t):
        return "related_links"
    if _CATEGORY.match(t) and (n <= 40 and (":" in t[:20] or n <= 2 or not u.sentence)):
        return "category_list"
    if n <= 8 and _NEWSLETTER.search(t) or n <= 40 and _NEWSLETTER_STRONG.search(t) and _YOU.search(t):
        return "newsletter_prompt"
    if n <= 15 and _AGGREGATOR.search(t):
        return "header"
    if n <= 6 and _LOGIN.match(t):
        return "login_prompt"
    if n <= 6 and _AD.match(t):
        return "advertisement"
    if _social(u):
        return "share_widget"
    if n <= 12 and _AUDIO.search(t):
        return "audio_player"
    if _GALLERY.match(t) or _glued_caption(t):
        return "caption"
    if n <= 14 and _CREDIT.search(t) and not u.stop > 0.3:
        return "credit"
    if 4 <= n <= 80 and _CAPTION_TAIL.search(t) or n <= 60 and _CAPTION_CUE.search(t):
        return "caption"
    if _BY.match(t):
        return "byline"
    if 10 < n <= 24 and _BYLINE.match(t) and _DATEISH.search(t):
        return "byline"
    if n <= 10 and (_BYLINE.match(t) and sum(w[0].isupper() for w in u.words[1:]) >= 1 or _HANDLE.match(t)):
        return "byline"
    if _date_like(u):
        return "dateline"
    if _URL.match(t):
        return "link"
    if n <= 6 and _NAV.match(low):
        return "navigation"
    if (
        n <= 16
        and len(_SEPARATED.findall(t)) >= 2
        and not u.sentence
        and not _TABLE_ROW.match(t)
        and not (any(c.isdigit() for c in t) and "," in t)
    ):
        return "navigation"
    return None


def _content_like(u: _Unit) -> bool:
    """A short line that reads as article content (table row, list item, quantity) rather than a link."""
    if u.words and sum(w.isdigit() for w in u.words) >= max(1, 0.3 * len(u.words)):
        return True
    t = u.text
    if _TABLE_ROW.match(t) or any(c.isdigit() for c in t) and any(c in t for c in ",(@"):
        return True
    if u.caps >= 0.75:
        return False
    return bool(
        any(c.isdigit() for c in t) or "," in t or "(" in t or ";" in t or t[:1].islower() or _BULLET.match(t)
    )


def _classify(u: _Unit, use_stop: bool) -> None:
    """Body-likeness class and weight of a unit."""
    stop_ok = (u.stop >= 0.12) if use_stop else True
    if u.kind:
        u.cls, u.weight = "bad", _STRONG_WEIGHT if u.kind in _STRONG else _KIND_WEIGHT
    elif u.n >= 12 and stop_ok and (u.sentence or u.n >= 25) and u.caps < 0.7:
        u.cls, u.weight = "good", float(min(u.n, 120))
    elif u.n >= 4 and u.sentence and (stop_ok or u.n >= 8) and u.caps < 0.8:
        u.cls, u.weight = "medium", 0.5 * u.n
    elif _content_like(u):
        u.cls, u.weight = "content", -0.3
    else:
        u.cls, u.weight = "short", -(1.0 + 0.3 * min(u.n, 20))


_COMMENT_KINDS = frozenset({"comment_counter", "comments", "comment_form"})


def _captions_by_credit(units: list[_Unit]) -> None:
    """Text next to a photo credit is its caption when it is repeated (galleries) or an unfinished phrase."""
    counts = Counter(u.key for u in units)
    for i, u in enumerate(units):
        if u.kind or u.n > 50 or u.cls == "title":
            continue
        near = [units[j].kind for j in (i - 1, i + 1) if 0 <= j < len(units)]
        if "credit" in near and (counts[u.key] > 1 or not u.sentence and u.n >= 4 and u.caps < 0.5):
            u.kind, u.cls, u.weight = "caption", "bad", _KIND_WEIGHT


def _table_rows(units: list[_Unit]) -> None:
    """Runs of three or more number-bearing short lines are table rows: weak evidence of content."""
    i = 0
    while i < len(units):
        j = i
        while j < len(units) and units[j].cls == "content" and any(w.isdigit() for w in units[j].words):
            j += 1
        if j - i >= 3:
            for u in units[i:j]:
                u.weight = 0.2 * min(u.n, 10)
        i = max(j, i + 1)


def _extend(units: list[_Unit], a: int, b: int, stop: int) -> int:
    """Carry the run's end over adjacent content lines (a table or list under the last paragraph)."""
    j = b + 1
    while j < stop:
        u = units[j]
        if u.kind is None and u.cls in ("content", "medium", "good"):
            j += 1
            continue
        # a line that announces a list ("… tour dates:") brings the list block under it
        intro = j if u.text.endswith(":") else j - 1
        if (
            u.kind is None
            and units[intro].text.endswith(":")
            and units[intro].kind is None
            and intro + 1 < stop
        ):
            k = intro + 1
            block = units[k].block
            while k < stop and units[k].block == block and units[k].kind is None:
                k += 1
            if k - intro > 2:
                j = k
                continue
        # a table's or list's header line, directly followed by its rows
        nxt = units[j + 1] if j + 1 < stop else None
        if (
            u.kind is None
            and u.cls == "short"
            and u.n <= 12
            and nxt is not None
            and nxt.block == u.block
            and nxt.kind is None
            and nxt.cls == "content"
        ):
            j += 1
            continue
        break
    return j - 1


def _comment_zone(units: list[_Unit]) -> int | None:
    """Index where reader comments start: a comment marker after article text, with more markers near it."""
    for i, u in enumerate(units):
        if u.kind not in _COMMENT_KINDS:
            continue
        before = sum(v.n for v in units[max(0, i - 40) : i] if v.cls == "good")
        after = sum(1 for v in units[i + 1 : i + 12] if v.kind in _COMMENT_KINDS)
        if before >= 80 and after >= 1:
            return i
    return None


def _best_run(units: list[_Unit], lo: int = 0, hi: int | None = None) -> tuple[int, int, float]:
    """The run of units with the largest total weight, starting in [lo, hi), crossing no hard boundary (Kadane)."""
    hi = len(units) if hi is None else min(hi, len(units))
    best, best_a, best_b = 0.0, lo, lo - 1
    cur, cur_a = 0.0, lo
    for i in range(lo, len(units)):
        if units[i].kind in _STRONG:
            cur = 0.0
            if i >= hi:
                break
            continue
        if cur <= 0:
            if i >= hi:
                break
            cur, cur_a = 0.0, i
        cur += units[i].weight
        if cur > best:
            best, best_a, best_b = cur, cur_a, i
    return best_a, best_b, best


def _segment_runs(units: list[_Unit]) -> list[tuple[int, int, float]]:
    """The best run of each stretch between hard boundaries."""
    runs, lo = [], 0
    for i in range(len(units) + 1):
        if i == len(units) or units[i].kind in _STRONG:
            if i > lo:
                a, b, score = _best_run(units[:i], lo, i)
                if score > 0:
                    runs.append((a, b, score))
            lo = i + 1
    return runs


def _choose_run(units: list[_Unit], anchors: list[int]) -> tuple[int, int]:
    """The body run: the best run overall, unless a good run starts just under a copy of the headline."""
    a, b, score = _best_run(units)
    if b >= a and _teaser_like(units, a, b + 1):
        # a list of other articles' teasers outweighs a short article: take the best run that reads as one text
        runs = _segment_runs(units)
        plain = [r for r in runs if not _teaser_like(units, r[0], r[1] + 1) and r[2] >= _TEASER_SHARE * score]
        if plain:
            a, b, _ = max(plain, key=lambda r: r[2])
    for c in anchors:  # the first copy of the headline in reading order is the page's h1
        if a < c < b:  # a "copy" inside the text is a subheading that resembles the headline
            break
        r = _best_run(units, c + 1, c + 1 + _ANCHOR_WINDOW)
        if r[2] > 0 and r[2] >= _ANCHOR_SHARE * score:
            a, b = r[0], r[1]
            break
    if b < a:
        return a, b
    a, b = _bridge(units, a, b)
    a = _skip_standfirst(units, a, b)
    # a list directly above the first paragraph (key points, a table) belongs to the article
    k = a - 1
    while k >= 0 and units[k].kind is None and units[k].cls == "content":
        k -= 1
    if a - 1 - k >= 2:
        a = k + 1
    return a, b


def _skip_standfirst(units: list[_Unit], a: int, b: int) -> int:
    """Start the body after the byline when only a short standfirst stands above it."""
    words = 0
    for p in range(a, min(b, a + 8) + 1):
        u = units[p]
        if u.kind in ("byline", "dateline"):
            rest = sum(v.n for v in units[p + 1 : b + 1] if v.cls == "good")
            return p + 1 if 0 < words <= 60 and rest >= 2 * words else a
        if u.cls in ("good", "medium"):
            words += u.n
    return a


def _teaser_like(units: list[_Unit], lo: int, hi: int) -> bool:
    """A stretch whose paragraphs stand alone between short lines: a list of other articles' teasers."""
    goods = [i for i in range(lo, hi) if units[i].cls == "good"]
    if len(goods) < 3:
        return False
    text = ("good", "medium")
    alone = sum(
        1
        for i in goods
        if (i == 0 or units[i - 1].cls not in text) and (i + 1 >= len(units) or units[i + 1].cls not in text)
    )
    return alone >= 0.6 * len(goods)


def _boxes(gap: list[_Unit]) -> int:
    """Number of boxes of hard-boundary lines in a gap (lines at most one apart belong to one box)."""
    boxes, last = 0, -3
    for i, u in enumerate(gap):
        if u.kind in _STRONG:
            if i - last > 2:
                boxes += 1
            last = i
    return boxes


def _bridge(units: list[_Unit], a: int, b: int) -> tuple[int, int]:
    """Carry the run over a small box inside the article (newsletter prompt, related links) to the text after it."""
    n = len(units)
    while True:
        j = b + 1
        while j < n and units[j].cls != "good":
            j += 1
        gap = units[b + 1 : j]
        strong = _boxes(gap)
        if j >= n or not strong or strong > _BRIDGE_STRONG or len(gap) > _BRIDGE_GAP:
            break
        _, e, gain = _best_run(units, j, j + 1)
        cost = sum(u.weight for u in gap if u.kind not in _STRONG) + _STRONG_WEIGHT * strong
        if gain + cost <= 0 or _teaser_like(units, j, e + 1):
            break
        b = e
    while True:
        j = a - 1
        while j >= 0 and units[j].cls != "good":
            j -= 1
        gap = units[j + 1 : a]
        strong = _boxes(gap)
        if j < 0 or not strong or strong > _BRIDGE_STRONG or len(gap) > _BRIDGE_GAP:
            break
        lo, gain, total = j, 0.0, 0.0
        for k in range(j, -1, -1):  # the best run ending at j
            if units[k].kind in _STRONG:
                break
            total += units[k].weight
            if total > gain:
                lo, gain = k, total
        cost = sum(u.weight for u in gap if u.kind not in _STRONG) + _STRONG_WEIGHT * strong
        if gain + cost <= 0 or _teaser_like(units, lo, j + 1):
            break
        a = lo
    return a, b


def _title_parts(text: str) -> list[str]:
    """Segments of a "Headline | Site" title line."""
    return [p for p in _TITLE_SEP.split(text) if p.strip()]


def _contains(a: str, b: str) -> bool:
    """One key is the other, or most of it."""
    short, long_ = sorted((a, b), key=len)
    return a == b or len(short) >= 12 and len(short) >= 0.6 * len(long_) and short in long_


def _similar(a: str, b: str) -> bool:
    """Two headline keys that say the same thing (one may be shortened or carry the site name)."""
    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    if a == b or len(short) >= 12 and len(short) >= 0.6 * len(long_) and short in long_:
        return True
    wa, wb = a.split(), b.split()
    if min(len(wa), len(wb)) < 4:
        return False
    common = sum((Counter(wa) & Counter(wb)).values())
    return common / min(len(wa), len(wb)) >= 0.75 and common / max(len(wa), len(wb)) >= 0.5


def _find_title(units: list[_Unit]) -> tuple[int | None, list[int]]:
    """Index of the headline unit and indices of its other copies."""
    if not units:
        return None, []
    first = units[0]
    if (
        first.kind not in (None, "navigation")
        or first.n > 40
        or first.n == 0
        or (first.n >= 25 and first.sentence)
    ):
        return None, []
    # The <title> line often carries the site name ("Headline | Site"): the headline is the whole line
    # or, failing that, its longest segment, or its first.
    parts = [" ".join(_WORD.findall(p.lower())) for p in _title_parts(first.text)]
    tiers = [first.key] + sorted(
        {p for p in parts if len(p) >= 8 and len(p.split()) >= 2}, key=len, reverse=True
    )
    if parts and parts[0] in tiers[1:]:
        tiers.remove(parts[0])
        tiers.append(parts[0])
    for key in tiers:
        fuzzy = key == first.key  # a segment must match exactly: a subheading may share its words
        copies = [
            i
            for i in range(1, len(units))
            if 0 < units[i].n <= 40
            and len(units[i].key) >= 8
            and units[i].kind in (None, "navigation")
            and (_similar(key, units[i].key) if fuzzy else _contains(key, units[i].key))
        ]
        if copies:
            return copies[0], [0] + copies[1:]
    return 0, []


def _site_name_cut(raw: str, t: _Unit) -> int | None:
    """Offset where a trailing site name starts in a "Headline - Site" title line, or None."""
    last = None
    for last in _TITLE_SEP.finditer(raw, t.start, t.end):
        pass
    if last is None:
        return None
    head, tail = raw[t.start : last.start()], raw[last.end() : t.end]
    if len(_WORD.findall(tail)) <= 4 and len(_WORD.findall(head)) >= 3:
        return last.start()
    return None


def _analyse(raw: str, repeated: frozenset[str]) -> tuple[list[_Unit], int | None, int, int]:
    """Units with their decisions, the headline's unit index and the body run [a, b]."""
    units = _units(raw)
    for u in units:
        u.kind = _kind(u)
    long_units = [u for u in units if u.n >= 12]
    total = sum(len(u.words) for u in long_units)
    use_stop = total > 0 and sum(u.stop * len(u.words) for u in long_units) / total >= 0.08
    for u in units:
        _classify(u, use_stop)

    title_idx, title_copies = _find_title(units)
    for i in title_copies:
        units[i].kind, units[i].cls, units[i].weight = "headline_repeat", "bad", _HEADLINE_WEIGHT
    if title_idx is not None:
        units[title_idx].cls, units[title_idx].weight = "title", _HEADLINE_WEIGHT

    # Template lines shared with other documents of the batch; when they would take most of the body
    # (the same wire story on several sites) they are syndication, not template, and count as text.
    rep = [u for u in units if repeated and _key(u.text) in repeated]
    rep_good = sum(u.n for u in rep if u.cls == "good")
    all_good = sum(u.n for u in units if u.cls == "good")
    syndicated = all_good > 0 and rep_good > 0.5 * all_good
    for u in rep:
        if u.cls in ("good", "medium") and syndicated or u.cls == "title":
            continue
        if not u.kind:
            u.kind = "repeated_across_documents"
        u.cls, u.weight = "bad", min(u.weight, _REPEATED_WEIGHT)

    zone = _comment_zone(units)
    if zone is not None:
        for u in units[zone:]:
            if u.weight > 0:
                u.weight *= _COMMENT_DISCOUNT
    anchors = [i for i in [title_idx, *title_copies] if i is not None and i > 0]
    _table_rows(units)
    _captions_by_credit(units)
    a, b = _choose_run(units, anchors)
    b = _extend(units, a, b, len(units) if zone is None else zone)
    _mark_duplicates(units, a, b)
    _decide(units, a, b)
    if title_idx == 0 and not title_copies and _site_like(units[0]):
        title_idx = _headline_above(units, a)
    return units, title_idx, a, b


def _site_like(u: _Unit) -> bool:
    """A first line that names the site rather than the article (no "Headline | Site" shape, a few words)."""
    return not _TITLE_SEP.search(u.text) and u.n <= 5 and not u.sentence


def _headline_above(units: list[_Unit], a: int) -> int:
    """Index of the headline just above the body when the first line only names the site (else 0)."""
    for k in range(a - 1, max(0, a - 10), -1):
        u = units[k]
        if u.kind or u.cls == "title":
            continue
        if 3 <= u.n <= 30 and not u.text.endswith("."):
            first = units[0]
            first.cls, first.keep, first.reason = "short", False, "site_name"
            u.cls, u.keep, u.reason = "title", False, None
            for v in units:
                if v is not u and v.key == u.key:
                    v.keep, v.reason = False, "headline_repeat"
            return k
        break
    return 0


def clean_text(raw: str, repeated: frozenset[str] = frozenset()) -> Cleaned:
    """Split the raw text into title, body and explained removals."""
    units, title_idx, _, _ = _analyse(raw, repeated)
    if not units:
        return Cleaned(None, "", ())
    removals: list[Removal] = []
    title = None
    if title_idx is not None:
        t = units[title_idx]
        title = t.text
        if title_idx == 0:
            cut = _site_name_cut(raw, t)
            if cut is not None:
                title = _norm(raw[t.start : cut])
                s, e = _strip_span(raw, cut, t.end)
                removals.append(Removal(s, e, raw[s:e], "site_name"))
    kept = [u for u in units if u.keep]
    _strip_truncation(raw, units, kept, removals)
    for u in units:
        if not u.keep and u.cls != "title":
            removals.append(Removal(u.start, u.end, raw[u.start : u.end], u.reason or "footer"))
    # Paragraphs are blank-line separated as in the raw text; lines the raw text kept together (single
    # newlines, e.g. a list, or a dump without blank lines) stay on their own lines. The body is then never
    # longer than the raw text.
    paragraphs: list[str] = []
    last_block = None
    for u in kept:
        if not u.text:
            continue
        if paragraphs and u.block == last_block:
            paragraphs[-1] += "\n" + u.text
        else:
            paragraphs.append(u.text)
        last_block = u.block
    removals.sort(key=lambda r: r.start)
    return Cleaned(title, "\n\n".join(paragraphs), tuple(removals))


def _strip_span(raw: str, s: int, e: int) -> tuple[int, int]:
    """The span without blank characters at either end."""
    while s < e and _is_space(raw[s]):
        s += 1
    while e > s and _is_space(raw[e - 1]):
        e -= 1
    return s, e


def _mark_duplicates(units: list[_Unit], a: int, b: int) -> None:
    """Later copies of a paragraph: the copy inside the body run is the one that stays."""
    groups: dict[str, list[int]] = {}
    for i, u in enumerate(units):
        if u.cls == "title" or u.kind == "headline_repeat":
            continue
        # short lines recur legitimately in lists and tables (the same ingredient, the same label)
        if len(u.words) >= 8:
            groups.setdefault(u.key, []).append(i)
    for idxs in groups.values():
        if len(idxs) < 2:
            continue
        inside = [i for i in idxs if a <= i <= b]
        first = inside[0] if inside else idxs[0]
        for i in idxs:
            if i != first:
                units[i].dup_of = first


def _decide(units: list[_Unit], a: int, b: int) -> None:
    """Keep or remove each unit, with a reason for every removal."""
    list_reason: str | None = None
    for i, u in enumerate(units):
        if u.cls == "title":
            list_reason = None
            continue
        inside = a <= i <= b
        if u.kind:
            u.reason = u.kind
            list_reason = u.kind if u.kind in _LIST_HEADS or _BY.match(u.text) else None
            continue
        if u.dup_of is not None:
            u.reason = "duplicate"
            continue
        # The short lines listed under a "Related" or "Tags" header belong to that box.
        if list_reason == "byline":  # "By" on its own line: the name lines under it
            absorb = u.cls == "short" and u.n <= 6 and u.caps >= 0.6
        elif inside:  # in the article only a box of links claims the lines under its header
            absorb = list_reason in _BOX_HEADS and u.cls in ("short", "content") and u.n <= 20
        else:
            absorb = list_reason is not None and u.cls in ("short", "content", "medium") and u.n <= 20
        if absorb:
            u.reason = list_reason
            continue
        list_reason = None
        if inside:
            u.keep = True
            continue
        if u.cls in ("short", "content") and u.n <= 3:
            u.reason = "navigation" if u.n else "short_fragment"
        elif u.cls in ("short", "content") and u.caps >= 0.6 and not u.sentence:
            u.reason = "navigation" if i < a else "related_links"
        else:
            u.reason = "header" if i < a else "footer"


def _strip_truncation(raw: str, units: list[_Unit], kept: list[_Unit], removals: list[Removal]) -> None:
    """Cut a trailing "……" or "[…]" off the last kept paragraph (the text before it stays)."""
    if not kept:
        return
    last = kept[-1]
    m = _TRUNCATION.search(last.text)
    if not m:
        nxt = next((u for u in units if u.start > last.end and u.kind), None)
        if nxt and nxt.kind in ("paywall", "newsletter_prompt", "login_prompt"):
            m = _TRAILING_ELLIPSIS.search(last.text)
    if not m or m.start() == 0:
        return
    marker = m.group().strip()
    pos = raw.rfind(marker[-1], last.start, last.end)
    start = pos + 1
    # walk back over the marker's characters in raw
    chars = set(".…[]() ") | set(_INVISIBLE)
    while start > last.start and raw[start - 1] in chars:
        start -= 1
    s, e = _strip_span(raw, start, last.end)
    if s >= e:
        return
    removals.append(Removal(s, e, raw[s:e], "truncation_marker"))
    last.end = start
    last.text = _norm(raw[last.start : start])
