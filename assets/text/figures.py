"""FIGURE claims: numbers with a unit in an article body, normalised (money, percentages, quantities, multiples, counts).

Unit vocabulary of `Claim.unit`:
  money        ISO 4217 code (USD, EUR, GBP, JPY, CNY, RUB, INR, AUD, ...), value a plain number ("$1.2bn" -> 1.2e9)
  percent      "36 percent", "2.5%", "36 per cent"
  pp           percentage points; "25 basis points" -> 0.25 pp
  km           every length (pint), "2,615-mile" -> 4208.43 km
  kg           every mass (pint); tonnes -> kg, "tons" read as metric tonnes
  m2           every area (pint); hectares, acres, square miles, ...
  l            every volume (pint) but oil barrels; "50 bcm" -> 5e13 l
  barrel       oil barrels, kept as barrels because that is how the trade quotes them; "1.2 million barrels per
               day"/"bpd" is 1.2e6 barrel with the flag "per_day"
  MW / MWh     power / energy (pint)
  degC         temperatures (pint, offset-aware)
  km/h         speeds (pint)
  GB           data sizes (pint)
  times        multiples: "10 times larger", "threefold", "10x"
  count        counts of things ("40 people", measure "people") and of occurrences ("met 40 times")

Rules of reading:
  - `raw_value` is the numeral times its scale word as written ("$1.2bn" -> 1.2e9, "2,615-mile" -> 2615), `raw_unit`
    the unit as written ("$", "mile", "percent", "people"); value/unit are raw_value/raw_unit converted.
  - compact ranges ("$3-4 billion", "10-15%", "between 3 and 4 percent") are one figure whose value is the lower bound,
    flagged "range" and "range_high=<upper>"; "from 3 to 4 percent" is two figures (a start and an end, not a range).
  - hedges stay out of the text and the value and become flags: "approx" (about, nearly), "lower_bound" (more than,
    at least), "upper_bound" (less than, up to); direction words become "increase"/"decrease" flags and the change verb
    joins the measure ("exports fell"); signs are taken only from a written minus ("-3.5%", "minus 5").
  - counts: a bare number counts the plural noun it modifies ("40 people", "5,000 troops"); with a scale word and no
    noun it still counts ("a population of 1.2 million"); never dates, years, ordinals, ages, times of day, scores,
    fractions, "3 of them", a small word number after a determiner ("the two leaders"), nor "one"/"a" alone.
  - "N times" is a multiple when a comparison follows ("10 times larger", "three times the size", "as much"),
    otherwise a count of occurrences ("met 40 times", measure the verb's lemma).
  - money: "$" is USD unless its prefix says otherwise (A$, C$, HK$, ...); "¥" is JPY unless the sentence says yuan;
    a currency noun shared by several countries ("pesos", "rupees", "dinars") is read from a country named in the
    sentence; "pounds" without a scale word is a weight; "$3 billion to $4 billion" is two figures.
  - rates are flags, not units: "$5 billion a year" -> "per_year", "$90 a barrel" -> "per_barrel".
  - year: a year written right after the figure ("in 2022"), else one in the figure's phrase, else the nearest in its
    clause or in a clause governing it ("In 2023, X rose and Y fell"); never a baseline ("since 2015", "than in
    2022", "below its peak at the end of 2022") nor a year dating another noun ("2005 levels"); a figure dated
    without a year ("this year") takes none.
  - candidates come from our own lexer over the body (spaCy's tokens split figures inconsistently) and from spaCy's
    QUANTITY entities, whose unit words pint recognises when our table does not know them ("2 pints").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from assets.text.records import Claim, Sentence

# ---------------------------------------------------------------------------------------------------------------
# Lexing: our own lexemes over the body, because spaCy's tokenizer is inconsistent on figures ("HK$10" is one token,
# "$" "10" two; "5bn" one, "5 bn" two), and figures are made of characters, not of spaCy tokens.

_CUR_SYMBOL_RE = r"(?<![A-Za-z])(?:US|A|AU|C|CA|CAN|HK|NZ|S|SG|NT|R|MX)\$|[$€£¥₹₽₩₺₴₦₱₪₫฿৳]"
_LEX_RE = re.compile(
    rf"(?P<cur>{_CUR_SYMBOL_RE})"
    r"|(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d,]\d))"
    r"|(?P<word>[^\W\d_]+(?:[²³])?)"
    r"|(?P<sym>\S)"
)


@dataclass(frozen=True)
class _Lex:
    kind: str  # cur | num | word | sym
    text: str
    start: int
    end: int
    spaced: bool  # whitespace (or the start of the body) right before it

    @property
    def low(self) -> str:
        return self.text.lower()


def _lex(body: str) -> list[_Lex]:
    """The body cut into numbers, words, currency symbols and single symbols, with their offsets."""
    out = []
    for m in _LEX_RE.finditer(body):
        s = m.start()
        out.append(_Lex(m.lastgroup, m.group(), s, m.end(), s == 0 or body[s - 1].isspace()))
    return out


# ---------------------------------------------------------------------------------------------------------------
# Vocabulary. Hand-written where pint has no notion of it: number words, scale words, currencies.

_ONES = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen".split()
    )
}
_TENS = {
    w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
}
_FRACTION_WORDS = {
    "half",
    "halves",
    "third",
    "thirds",
    "quarter",
    "quarters",
    "fifth",
    "fifths",
    "tenth",
    "tenths",
}

# Scale words are news shorthand pint does not know ("bn", "tn", Indian "crore"/"lakh").
_SCALES = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "quadrillion": 1e15,
    "mn": 1e6, "mln": 1e6, "mio": 1e6, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12,
    "crore": 1e7, "crores": 1e7, "lakh": 1e5, "lakhs": 1e5,
}  # fmt: skip
# Single letters are scales only glued to a money figure or before a counted noun ("$5m", "3m people");
# otherwise "5m" is metres.
_LETTER_SCALES = {"m": 1e6, "b": 1e9, "k": 1e3}

# Currency symbols and codes are conventions, not units pint knows.
_CUR_SYMBOLS = {
    "$": "USD", "US$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "CAN$": "CAD", "HK$": "HKD",
    "NZ$": "NZD", "S$": "SGD", "SG$": "SGD", "NT$": "TWD", "R$": "BRL", "MX$": "MXN", "€": "EUR", "£": "GBP",
    "¥": "JPY", "₹": "INR", "₽": "RUB", "₩": "KRW", "₺": "TRY", "₴": "UAH", "₦": "NGN", "₱": "PHP",
    "₪": "ILS", "₫": "VND", "฿": "THB", "৳": "BDT",
}  # fmt: skip
_CUR_PREFIX_WORDS = {"Rs": "INR", "INR": "INR", "KSh": "KES", "Ksh": "KES", "RMB": "CNY", "Rmb": "CNY",
                     "Tk": "BDT", "Rp": "IDR", "RM": "MYR", "R": "ZAR"}  # fmt: skip
# One-letter prefixes count only glued to the number ("R1.1 billion" is rand; "R 2" is not).
_GLUED_ONLY_PREFIXES = {"R"}
# Upper-case ISO codes only; codes that are also English words in capitals (ALL, TOP, CUP, PEN, MOP) are left out.
_ISO_CODES = set(
    "USD EUR GBP JPY CNY RUB INR AUD CAD HKD NZD SGD TWD CHF SEK NOK DKK ISK KRW KPW BRL MXN ARS CLP COP ZAR TRY SAR "
    "AED QAR KWD BHD OMR JOD ILS EGP NGN KES GHS ETB PKR BDT LKR NPR IDR MYR THB VND PHP UAH PLN HUF CZK RON BGN "
    "IRR IQD KZT GEL AZN BTC".split()
)

# Currency nouns after the number: (words...) -> code. A lone noun that several countries use gets a default and
# is re-read from a country named in the same sentence (see _CUR_HINTS).
_CUR_WORDS: dict[tuple[str, ...], str] = {
    ("dollar",): "USD", ("us", "dollar"): "USD", ("u", ".", "s", ".", "dollar"): "USD", ("american", "dollar"): "USD",
    ("australian", "dollar"): "AUD", ("canadian", "dollar"): "CAD", ("hong", "kong", "dollar"): "HKD",
    ("new", "zealand", "dollar"): "NZD", ("singapore", "dollar"): "SGD", ("taiwan", "dollar"): "TWD",
    ("new", "taiwan", "dollar"): "TWD", ("euro",): "EUR", ("pound",): "GBP", ("pound", "sterling"): "GBP",
    ("sterling",): "GBP",
    ("british", "pound"): "GBP", ("egyptian", "pound"): "EGP", ("lebanese", "pound"): "LBP",
    ("yen",): "JPY", ("japanese", "yen"): "JPY", ("yuan",): "CNY", ("renminbi",): "CNY", ("chinese", "yuan"): "CNY",
    ("ruble",): "RUB", ("rouble",): "RUB", ("russian", "ruble"): "RUB", ("russian", "rouble"): "RUB",
    ("rupee",): "INR", ("indian", "rupee"): "INR", ("pakistani", "rupee"): "PKR", ("sri", "lankan", "rupee"): "LKR",
    ("nepalese", "rupee"): "NPR", ("won",): "KRW", ("south", "korean", "won"): "KRW", ("korean", "won"): "KRW",
    ("north", "korean", "won"): "KPW", ("lira",): "TRY", ("turkish", "lira"): "TRY", ("hryvnia",): "UAH",
    ("hryvnya",): "UAH", ("rand",): "ZAR", ("south", "african", "rand"): "ZAR", ("real",): "BRL", ("reais",): "BRL",
    ("brazilian", "real"): "BRL", ("peso",): "MXN", ("mexican", "peso"): "MXN", ("argentine", "peso"): "ARS",
    ("philippine", "peso"): "PHP", ("colombian", "peso"): "COP", ("chilean", "peso"): "CLP", ("franc",): "CHF",
    ("swiss", "franc"): "CHF", ("cfa", "franc"): "XOF", ("riyal",): "SAR", ("saudi", "riyal"): "SAR",
    ("qatari", "riyal"): "QAR", ("rial",): "IRR", ("iranian", "rial"): "IRR", ("omani", "rial"): "OMR",
    ("dirham",): "AED", ("uae", "dirham"): "AED", ("emirati", "dirham"): "AED", ("moroccan", "dirham"): "MAD",
    ("shekel",): "ILS", ("new", "shekel"): "ILS", ("naira",): "NGN", ("rupiah",): "IDR", ("ringgit",): "MYR",
    ("baht",): "THB", ("krona",): "SEK", ("swedish", "krona"): "SEK", ("icelandic", "krona"): "ISK",
    ("krone",): "NOK", ("norwegian", "krone"): "NOK", ("danish", "krone"): "DKK", ("zloty",): "PLN",
    ("forint",): "HUF", ("dong",): "VND", ("taka",): "BDT", ("dinar",): "IQD", ("iraqi", "dinar"): "IQD",
    ("kuwaiti", "dinar"): "KWD", ("jordanian", "dinar"): "JOD", ("serbian", "dinar"): "RSD",
    ("shilling",): "KES", ("kenyan", "shilling"): "KES", ("ugandan", "shilling"): "UGX",
    ("tanzanian", "shilling"): "TZS", ("cedi",): "GHS", ("birr",): "ETB", ("kwacha",): "ZMW", ("tenge",): "KZT",
    ("lari",): "GEL", ("leu",): "RON", ("lei",): "RON", ("lev",): "BGN", ("leva",): "BGN", ("koruna",): "CZK",
    ("bitcoin",): "BTC",
}  # fmt: skip
# Nouns that are also ordinary English words: only currency with a scale word, a large amount or spaCy's MONEY.
_AMBIGUOUS_CUR_WORDS = {"won", "rand", "real", "dong", "lev", "lari", "leu", "lei", "pound"}
_CUR_HINTS = {
    "peso": [("argentin", "ARS"), ("philippin", "PHP"), ("colombia", "COP"), ("chile", "CLP"), ("cuba", "CUP"),
             ("urugua", "UYU")],
    "rupee": [("pakistan", "PKR"), ("sri lanka", "LKR"), ("nepal", "NPR"), ("mauriti", "MUR")],
    "dinar": [("kuwait", "KWD"), ("jordan", "JOD"), ("serbia", "RSD"), ("algeria", "DZD"), ("tunisia", "TND"),
              ("libya", "LYD"), ("bahrain", "BHD")],
    "riyal": [("qatar", "QAR"), ("oman", "OMR"), ("yemen", "YER"), ("iran", "IRR")],
    "rial": [("oman", "OMR"), ("yemen", "YER")],
    "krone": [("denmark", "DKK"), ("danish", "DKK")],
    "krona": [("iceland", "ISK")],
    "shilling": [("uganda", "UGX"), ("tanzania", "TZS"), ("somali", "SOS")],
    "pound": [("egypt", "EGP"), ("leban", "LBP"), ("sudan", "SDG"), ("syria", "SYP")],
    "dirham": [("morocc", "MAD")],
    "franc": [("cfa", "XOF"), ("congo", "CDF"), ("rwanda", "RWF"), ("burundi", "BIF"), ("guinea", "GNF")],
    "won": [("north korea", "KPW")],
    "¥": [("yuan", "CNY"), ("renminbi", "CNY")],
    "dollar": [],
}  # fmt: skip

# Physical units: (words...) -> pint unit. Pint does the converting; this table only says which written words are
# units, because pint itself reads "in", "at", "a" and "m" as units and would turn prose into quantities.
_PINT_UNITS: dict[tuple[str, ...], str] = {
    ("km",): "kilometer", ("kilometre",): "kilometer", ("kilometer",): "kilometer", ("mile",): "mile",
    ("metre",): "meter", ("meter",): "meter", ("m",): "meter", ("cm",): "centimeter", ("centimetre",): "centimeter",
    ("centimeter",): "centimeter", ("mm",): "millimeter", ("millimetre",): "millimeter",
    ("millimeter",): "millimeter", ("foot",): "foot", ("ft",): "foot", ("inch",): "inch", ("yard",): "yard",
    ("nautical", "mile"): "nautical_mile", ("light", "-", "year"): "light_year",
    ("kg",): "kilogram", ("kilogram",): "kilogram", ("kilo",): "kilogram", ("gram",): "gram", ("mg",): "milligram",
    ("microgram",): "microgram",
    ("milligram",): "milligram", ("tonne",): "metric_ton", ("metric", "ton"): "metric_ton",
    ("metric", "tonne"): "metric_ton", ("ton",): "metric_ton", ("lb",): "pound", ("pound",): "pound",
    ("ounce",): "ounce", ("oz",): "ounce", ("kiloton",): "kilotonne", ("kilotonne",): "kilotonne",
    ("megaton",): "megatonne", ("megatonne",): "megatonne",
    ("square", "kilometre"): "kilometer**2", ("square", "kilometer"): "kilometer**2", ("square", "km"): "kilometer**2",
    ("sq", "km"): "kilometer**2", ("km²",): "kilometer**2", ("km", "2"): "kilometer**2", ("sq", "mile"): "mile**2",
    ("square", "mile"): "mile**2", ("sq", "mi"): "mile**2", ("square", "metre"): "meter**2",
    ("square", "meter"): "meter**2", ("sq", "m"): "meter**2", ("m²",): "meter**2", ("sqm",): "meter**2",
    ("square", "foot"): "foot**2", ("sq", "ft"): "foot**2", ("sq", "foot"): "foot**2", ("hectare",): "hectare",
    ("ha",): "hectare", ("acre",): "acre",
    ("litre",): "liter", ("liter",): "liter", ("millilitre",): "milliliter", ("milliliter",): "milliliter",
    ("gallon",): "gallon", ("cubic", "metre"): "meter**3", ("cubic", "meter"): "meter**3", ("m³",): "meter**3",
    ("cubic", "foot"): "foot**3",
    ("kw",): "kilowatt", ("kilowatt",): "kilowatt", ("mw",): "megawatt", ("megawatt",): "megawatt",
    ("gw",): "gigawatt", ("gigawatt",): "gigawatt", ("terawatt",): "terawatt",
    ("kwh",): "kilowatt_hour", ("kilowatt", "-", "hour"): "kilowatt_hour", ("kilowatt", "hour"): "kilowatt_hour",
    ("mwh",): "megawatt_hour", ("megawatt", "-", "hour"): "megawatt_hour", ("megawatt", "hour"): "megawatt_hour",
    ("gwh",): "gigawatt_hour", ("gigawatt", "-", "hour"): "gigawatt_hour", ("gigawatt", "hour"): "gigawatt_hour",
    ("twh",): "terawatt_hour", ("terawatt", "-", "hour"): "terawatt_hour", ("terawatt", "hour"): "terawatt_hour",
    ("°", "c"): "degC", ("º", "c"): "degC", ("°c",): "degC", ("degree", "celsius"): "degC",
    ("degree", "centigrade"): "degC", ("degree", "c"): "degC", ("°", "f"): "degF", ("º", "f"): "degF",
    ("°f",): "degF", ("degree", "fahrenheit"): "degF", ("degree", "f"): "degF",
    ("km", "/", "h"): "kilometer/hour", ("kph",): "kilometer/hour", ("kmh",): "kilometer/hour",
    ("kilometre", "per", "hour"): "kilometer/hour", ("kilometer", "per", "hour"): "kilometer/hour",
    ("km", "per", "hour"): "kilometer/hour", ("mph",): "mile/hour", ("mile", "per", "hour"): "mile/hour",
    ("mile", "an", "hour"): "mile/hour", ("knot",): "knot",
    ("mb",): "megabyte", ("megabyte",): "megabyte", ("gb",): "gigabyte", ("gigabyte",): "gigabyte",
    ("tb",): "terabyte", ("terabyte",): "terabyte", ("petabyte",): "petabyte",
}  # fmt: skip
_TARGETS = [  # (pint unit we convert to, the name written in Claim.unit), one per dimension
    ("kilometer", "km"),
    ("kilogram", "kg"),
    ("meter**2", "m2"),
    ("liter", "l"),
    ("megawatt", "MW"),
    ("megawatt_hour", "MWh"),
    ("degC", "degC"),
    ("kilometer/hour", "km/h"),
    ("gigabyte", "GB"),
]
# "50 bcm" is gas-trade shorthand for billion cubic metres; expressed as a pint factor so pint still converts it.
_PINT_UNITS[("bcm",)] = "1e9 * meter**3"

_PERCENT_UNITS: dict[tuple[str, ...], tuple[str, float]] = {
    ("%",): ("percent", 1.0), ("percent",): ("percent", 1.0), ("per", "cent"): ("percent", 1.0),
    ("pct",): ("percent", 1.0), ("pc",): ("percent", 1.0), ("percentage", "point"): ("pp", 1.0),
    ("percentage", "-", "point"): ("pp", 1.0),
    ("percent", "point"): ("pp", 1.0), ("pp",): ("pp", 1.0), ("ppt",): ("pp", 1.0),
    ("basis", "point"): ("pp", 0.01), ("basis", "-", "point"): ("pp", 0.01), ("bp",): ("pp", 0.01),
}  # fmt: skip
# Oil barrels stay barrels; a daily rate ("bpd", "barrels a day") is the flag "per_day", like any other rate.
_BARREL_UNITS: dict[tuple[str, ...], tuple[str, str | None]] = {
    ("barrel",): ("barrel", None), ("bbl",): ("barrel", None), ("bpd",): ("barrel", "per_day"),
    ("b", "/", "d"): ("barrel", "per_day"), ("barrel", "per", "day"): ("barrel", "per_day"),
    ("barrel", "a", "day"): ("barrel", "per_day"), ("barrel", "of", "oil", "per", "day"): ("barrel", "per_day"),
    ("barrel", "of", "oil", "a", "day"): ("barrel", "per_day"),
    ("barrel", "of", "crude", "per", "day"): ("barrel", "per_day"),
    ("barrel", "of", "crude", "a", "day"): ("barrel", "per_day"),
}  # fmt: skip
# Minor units are a hundredth of the main one; which main one is a convention of each currency.
_MINOR_UNITS = {("cent",): "USD", ("penny",): "GBP", ("pence",): "GBP", ("kopek",): "RUB", ("kopeck",): "RUB"}

_COMPARATIVE_AFTER_TIMES = {"as", "the", "that", "its", "their", "his", "her", "our", "more", "less", "over",
                            "higher", "lower", "larger", "bigger", "greater", "smaller", "faster", "slower", "longer",
                            "than", "what"}  # fmt: skip
_TIME_NOUNS = {"year", "month", "week", "day", "hour", "minute", "second", "decade", "century", "night", "morning",
               "evening", "weekend", "quarter", "season", "term", "time", "am", "pm", "o'clock", "millennium",
               "semester", "fortnight", "afternoon"}  # fmt: skip
_COLLECTIVE_NOUNS = {"people", "police", "personnel", "staff", "cattle", "livestock", "crew", "offspring", "sheep",
                     "fish", "deer", "aircraft", "troops", "militia"}  # fmt: skip
_DETERMINERS = {"the", "these", "those", "its", "their", "our", "his", "her", "my", "your", "both", "all", "whose",
                "first", "last", "next", "other", "another"}  # fmt: skip
_APPROX_RE = re.compile(
    r"(?:^|[^\w])(?P<w>about|around|roughly|approximately|nearly|almost|some|an estimated|estimated|close to|"
    r"circa|more than|over|at least|upwards of|in excess of|above|exceeding|north of|just over|well over|"
    r"less than|under|fewer than|below|up to|at most|as much as|as many as|as high as|as little as|"
    r"as few as|no more than|just under|almost|nearly)\s+$"
)
_APPROX_FLAGS = {
    "more than": "lower_bound", "over": "lower_bound", "at least": "lower_bound", "upwards of": "lower_bound",
    "in excess of": "lower_bound", "above": "lower_bound", "exceeding": "lower_bound", "north of": "lower_bound",
    "just over": "lower_bound", "well over": "lower_bound", "less than": "upper_bound", "under": "upper_bound",
    "fewer than": "upper_bound", "below": "upper_bound", "up to": "upper_bound", "at most": "upper_bound",
    "as much as": "upper_bound", "as many as": "upper_bound", "as high as": "upper_bound",
    "no more than": "upper_bound", "just under": "upper_bound", "as little as": "lower_bound",
    "as few as": "lower_bound",
}  # fmt: skip
_CHANGE_UP = {"rise", "grow", "increase", "climb", "jump", "surge", "soar", "gain", "rally", "expand", "advance",
              "rebound", "spike", "swell", "raise", "boost", "add", "up", "hike", "accelerate", "widen"}  # fmt: skip
_CHANGE_DOWN = {"fall", "drop", "decline", "decrease", "shrink", "slump", "plunge", "tumble", "slide", "sink",
                "contract", "dip", "slip", "lose", "plummet", "retreat", "ease", "cut", "reduce", "down", "crash",
                "slash", "narrow", "shed", "slow"}  # fmt: skip
_RATES = {("a", "year"): "per_year", ("per", "year"): "per_year", ("annually",): "per_year",
          ("a", "day"): "per_day", ("per", "day"): "per_day", ("a", "month"): "per_month",
          ("per", "month"): "per_month", ("a", "week"): "per_week", ("per", "week"): "per_week",
          ("an", "hour"): "per_hour", ("per", "hour"): "per_hour", ("per", "annum"): "per_year",
          ("per", "capita"): "per_capita", ("per", "person"): "per_capita"}  # fmt: skip
_NON_NUMERIC_ENTS = {"PERSON", "ORG", "GPE", "LOC", "PRODUCT", "FAC", "EVENT", "LAW", "WORK_OF_ART", "NORP",
                     "LANGUAGE"}  # fmt: skip
_COMPARISON_WORDS = {"below", "above", "than", "compared", "versus", "vs", "since"}
# Emergency telephone numbers (US, UK, EU) read like counts before "calls".
_EMERGENCY_NUMBERS = {"911", "999", "112"}
_EMERGENCY_NOUNS = {"call", "line", "operator", "dispatcher", "system", "center", "centre"}
_YEAR_RE = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?![\d]|s\b|'s)")
_YEAR_PREPS = {
    "in",
    "since",
    "by",
    "of",
    "during",
    "until",
    "through",
    "from",
    "for",
    "to",
    "before",
    "after",
    "fiscal",
    "fy",
}


@lru_cache(maxsize=1)
def _ureg():
    """The one pint registry, built on first use."""
    import pint

    return pint.UnitRegistry()


@lru_cache(maxsize=1)
def _target_dims():
    """Each kept unit with its pint dimensionality."""
    return [(t, _ureg().parse_expression(t[0]).dimensionality) for t in _TARGETS]


def _sing(word: str) -> str:
    """A lower-cased unit word in its singular, for table look-ups ("kilometres" -> "kilometre")."""
    w = word.lower()
    irregular = {"feet": "foot", "inches": "inch", "reais": "reais", "kronor": "krona", "kroner": "krone",
                 "pence": "pence", "lakhs": "lakh", "crores": "crore", "lbs": "lb", "bps": "bp", "kms": "km",
                 "celsius": "celsius", "us": "us", "mph": "mph", "kph": "kph", "ha": "ha", "times": "times",
                 "gas": "gas", "kopecks": "kopeck", "kopeks": "kopek", "pennies": "penny", "leva": "leva"}  # fmt: skip
    if w in irregular:
        return irregular[w]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


# ---------------------------------------------------------------------------------------------------------------
# Parsing one figure from a lexeme position.


@dataclass
class _Cand:
    start: int  # body offsets of the figure's text
    end: int
    value: float
    unit: str | None  # None: a bare number, a count candidate
    raw_value: float
    raw_unit: str | None
    lex_end: int  # index of the first lexeme after the figure
    scaled: bool = False  # a scale word was written ("1.2 million")
    word_number: bool = False  # written in words ("two")
    occurrences: bool = False  # "met 40 times": a count whose measure is the verb
    flags: list[str] = field(default_factory=list)
    conv: object = field(default=lambda x: x)  # raw value -> value in `unit`

    def set(self, unit: str, raw_unit: str | None, conv) -> None:
        self.unit, self.raw_unit, self.conv = unit, raw_unit, conv
        self.value = conv(self.raw_value)


def _glued(lex: list[_Lex], k: int) -> bool:
    """Whether lexeme k touches the one before it."""
    return 0 < k < len(lex) and not lex[k].spaced


def _match_table(lex: list[_Lex], k: int, table: dict) -> tuple[tuple[str, ...], int] | None:
    """The longest key of `table` spelled by lexemes from k on, with the index after it."""
    best = None
    for n in (5, 4, 3, 2, 1):
        if k + n > len(lex):
            continue
        words = lex[k : k + n]
        if any(w.kind == "num" and w.text not in ("2", "3") for w in words):
            continue
        key = tuple(_sing(w.text) if w.kind == "word" else w.text.lower() for w in words)
        if key in table:
            best = (key, k + n)
            break
    return best


def _word_number(lex: list[_Lex], j: int) -> tuple[float, int] | None:
    """A number written in words from lexeme j ("twenty-five", "three hundred and ten", "a dozen", "half a")."""
    n = len(lex)

    def low(k: int) -> str:
        return lex[k].low if k < n and lex[k].kind == "word" else ""

    def below_hundred(k: int) -> tuple[int, int] | None:
        w = low(k)
        if w in _ONES:
            return _ONES[w], k + 1
        if w not in _TENS:
            return None
        hyphened = k + 2 < n and lex[k + 1].text in ("-", "‑") and _glued(lex, k + 1) and _glued(lex, k + 2)
        unit = low(k + 2) if hyphened else ""
        if 0 < _ONES.get(unit, 0) < 10:
            return _TENS[w] + _ONES[unit], k + 3
        if 0 < _ONES.get(low(k + 1), 0) < 10:
            return _TENS[w] + _ONES[low(k + 1)], k + 2
        return _TENS[w], k + 1

    w = low(j)
    if w in ("a", "an"):
        if low(j + 1) not in (
            "hundred",
            "dozen",
            "thousand",
            "million",
            "billion",
            "trillion",
            "crore",
            "lakh",
        ):
            return None
        value, k = 1.0, j + 1
    elif w == "half" and low(j + 1) in ("a", "an") and low(j + 2) in _SCALES:
        return 0.5, j + 2
    else:
        got = below_hundred(j)
        if got is None:
            return None
        value, k = float(got[0]), got[1]
    if low(k) == "hundred":
        value, k = value * 100, k + 1
        rest = below_hundred(k + 1 if low(k) == "and" else k)
        if rest is not None:
            value, k = value + rest[0], rest[1]
    if low(k) == "dozen":
        value, k = value * 12, k + 1
    return value, k


def _fold_word(word: str) -> float | None:
    """The multiple in a one-word "-fold" ("threefold" -> 3, "tenfold" -> 10)."""
    w = word.lower()
    if not w.endswith("fold") or len(w) <= 4:
        return None
    stem = w[:-4]
    if stem in _ONES:
        return float(_ONES[stem])
    if stem in _TENS:
        return float(_TENS[stem])
    return {"hundred": 100.0, "thousand": 1000.0}.get(stem)


def _number(lex: list[_Lex], j: int) -> tuple[float, int, bool] | None:
    """A number at lexeme j: value, next index, whether written in words."""
    if j >= len(lex):
        return None
    if lex[j].kind == "num":
        return float(lex[j].text.replace(",", "")), j + 1, False
    if lex[j].kind == "word":
        wn = _word_number(lex, j)
        if wn:
            return wn[0], wn[1], True
    return None


def _scale(lex: list[_Lex], k: int, money: bool, doc_next_plural) -> tuple[float, int, str]:
    """Scale words after a number ("billion", "bn", "lakh crore", a glued "m" on money), with the index after."""
    factor, written = 1.0, []
    while k < len(lex) and lex[k].kind in ("word", "sym"):
        t = lex[k]
        hyphen = t.text == "-" and _glued(lex, k) and k + 1 < len(lex) and _glued(lex, k + 1)
        w = lex[k + 1] if hyphen else t
        kk = k + 1 if hyphen else k
        if w.kind != "word":
            break
        if w.low in _SCALES:
            factor *= _SCALES[w.low]
        elif w.low in _LETTER_SCALES and _glued(lex, kk) and not written and not hyphen:
            nxt = lex[kk + 1] if kk + 1 < len(lex) else None
            nxt_is_unit = (
                nxt is not None
                and nxt.kind == "word"
                and (
                    _match_table(lex, kk + 1, _CUR_WORDS)
                    or _match_table(lex, kk + 1, _BARREL_UNITS)
                    or _match_table(lex, kk + 1, _PINT_UNITS)
                )
            )
            if money or nxt_is_unit or (w.low != "b" and doc_next_plural(kk)):
                factor *= _LETTER_SCALES[w.low]
            else:
                break
        else:
            break
        written.append(w.text)
        k = kk + 1
    return factor, k, " ".join(written)


def _unit(lex: list[_Lex], k: int, body: str):
    """The unit written at lexeme k (after an optional glued hyphen): (kind, payload, raw text, next index) or None."""
    if k >= len(lex):
        return None
    hyphen = lex[k].text in ("-", "‑") and _glued(lex, k) and k + 1 < len(lex) and _glued(lex, k + 1)
    kk = k + 1 if hyphen else k
    if kk >= len(lex):
        return None
    for kind, table in (("percent", _PERCENT_UNITS), ("barrel", _BARREL_UNITS), ("minor", _MINOR_UNITS),
                        ("cur", _CUR_WORDS), ("pint", _PINT_UNITS)):  # fmt: skip
        m = _match_table(lex, kk, table)
        if m:
            key, end = m
            if kind == "pint" and lex[kk].text == "M":
                continue  # a capital M is not metres
            return kind, table[key], body[lex[kk].start : lex[end - 1].end], end
    w = lex[kk]
    if w.kind == "word":
        if w.text in _ISO_CODES and not hyphen:
            return "iso", w.text, w.text, kk + 1
        if w.text in ("C", "F") and _glued(lex, kk) and not hyphen:
            return "pint", "degC" if w.text == "C" else "degF", w.text, kk + 1
        if w.low == "times" and not hyphen:
            return "times", None, w.text, kk + 1
        if w.low == "fold":
            return "fold", None, w.text, kk + 1
        code_like = kk + 1 < len(lex) and _glued(lex, kk + 1) and lex[kk + 1].kind == "num"  # "4x4"
        if w.low == "x" and _glued(lex, kk) and not hyphen and not code_like:
            return "fold", None, w.text, kk + 1
        if w.low == "strong" and hyphen:
            return "strong", None, w.text, kk + 1
    elif w.text == "×" and _glued(lex, kk):
        return "fold", None, w.text, kk + 1
    return None


class _Scanner:
    """Finds figure candidates in a body, left to right."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.body = doc.text
        self.lex = _lex(self.body)
        self.money_ents = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "MONEY"]

    def _token_at(self, char: int) -> Token | None:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def _next_plural(self, k: int) -> bool:
        """Whether the word after lexeme k is a plural noun (so a glued "m" there means million)."""
        if k + 1 >= len(self.lex) or self.lex[k + 1].kind != "word":
            return False
        t = self._token_at(self.lex[k + 1].start)
        plural = t is not None and (t.tag_ in ("NNS", "NNPS") or t.lower_ in _COLLECTIVE_NOUNS)
        return plural and t.pos_ in ("NOUN", "PROPN")

    def _in_money_ent(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.money_ents)

    def _hint(self, word: str, default: str, char: int) -> str:
        """A shared currency name read from a country named in the same sentence ("pesos" in Argentina -> ARS)."""
        hints = _CUR_HINTS.get(word)
        if not hints:
            return default
        t = self._token_at(char)
        text = t.sent.text.lower() if t is not None else ""
        return next((code for needle, code in hints if needle in text), default)

    def scan(self) -> list[_Cand]:
        out: list[_Cand] = []
        i = 0
        while i < len(self.lex):
            cand = self.parse(i)
            if cand is not None:
                out.append(cand)
                i = cand.lex_end
            else:
                i += 1
        # spaCy's QUANTITY entities name units the table lacks ("20 micrograms"); pint decides if the words are a unit.
        for ent in self.doc.ents:
            if ent.label_ != "QUANTITY":
                continue
            overlapping = [c for c in out if c.start < ent.end_char and ent.start_char < c.end]
            if all(c.unit is None for c in overlapping):
                cand = self._from_quantity_ent(ent)
                if cand is not None:
                    out = [c for c in out if c not in overlapping] + [cand]
        return sorted(out, key=lambda c: c.start)

    def _from_quantity_ent(self, ent: Span) -> _Cand | None:
        """A figure from a QUANTITY entity whose unit words pint knows."""
        lex = self.lex
        idx = [k for k, t in enumerate(lex) if ent.start_char <= t.start and t.end <= ent.end_char]
        for j in idx:
            num = _number(lex, j)
            if num is None or (not num[2] and self._bad_left(j)):
                continue
            value, k, _ = num
            factor, k, _ = _scale(lex, k, False, self._next_plural)
            if k < len(lex) and lex[k].text in ("-", "‑") and _glued(lex, k):
                k += 1
            words = []
            while k < len(lex) and lex[k].kind == "word" and lex[k].end <= ent.end_char and len(words) < 3:
                words.append(lex[k])
                k += 1
            for n_words in range(len(words), 0, -1):
                name = "_".join(_sing(w.text) for w in words[:n_words])
                if len(name) <= 2:
                    continue
                try:
                    setter = _pint_setter(name, self.body[words[0].start : words[n_words - 1].end])
                except Exception:  # pint raises its own error types for names it does not know
                    continue
                if setter[0] is None:
                    continue
                end_k = lex.index(words[n_words - 1]) + 1
                raw = value * factor
                cand = _Cand(
                    lex[j].start, words[n_words - 1].end, raw, None, raw, None, end_k, scaled=factor != 1
                )
                cand.set(*setter)
                return cand
            return None
        return None

    def _bad_left(self, j: int) -> bool:
        """Numbers glued to letters or inside codes, dates, times and versions ("COVID-19", "F-16", "9/11", "10:30")."""
        lex = self.lex
        if not _glued(lex, j):
            return False
        prev = lex[j - 1]
        if prev.kind in ("word", "num"):
            return True
        if (
            prev.text in ("-", "–", "‑")
            and j >= 2
            and _glued(lex, j - 1)
            and lex[j - 2].kind in ("word", "num")
        ):
            return True
        return prev.text in "/:.#№'’_@&+=^"

    def _bad_right(self, k: int) -> bool:
        """A number that goes on as a date, a time, a fraction or a code ("12/05", "10:30", "4x4")."""
        lex = self.lex
        if (
            k < len(lex)
            and _glued(lex, k)
            and lex[k].text in (":", "/", ".", ",", "-", "‑")
            and k + 1 < len(lex)
        ):
            return _glued(lex, k + 1) and lex[k + 1].kind == "num" and lex[k].text not in ("-", "‑")
        return False

    def _prefix(self, j: int) -> tuple[str | None, str | None, int]:
        """A currency written before the number ("$", "HK$", "Rs", "EUR"): code, raw text, index of the number."""
        lex, n = self.lex, len(self.lex)
        t = lex[j]
        if t.kind == "cur":
            code = self._hint("¥", "JPY", t.start) if t.text == "¥" else _CUR_SYMBOLS[t.text]
            if j + 1 < n and lex[j + 1].kind == "num" and lex[j + 1].start - t.end <= 1:
                return code, t.text, j + 1
        if t.kind == "word" and (t.text in _CUR_PREFIX_WORDS or t.text in _ISO_CODES):
            k = j + 1
            if k < n and lex[k].text == "." and _glued(lex, k):
                k += 1
            gap = 0 if t.text in _GLUED_ONLY_PREFIXES else 1
            if k < n and lex[k].kind == "num" and lex[k].start - lex[k - 1].end <= gap:
                return _CUR_PREFIX_WORDS.get(t.text, t.text), self.body[t.start : lex[k - 1].end], k
        return None, None, j

    def parse(self, i: int) -> _Cand | None:
        lex, body = self.lex, self.body
        n = len(lex)
        j, sign = i, 1.0
        t = lex[j]
        # A written minus: "-3.5%", "minus 5"; a hyphen after a word or a number is not one ("COVID-19", "3-4").
        if t.low == "minus" and j + 1 < n and lex[j + 1].kind == "num":
            sign, j = -1.0, j + 1
        elif t.text in ("-", "−", "–") and j + 1 < n and lex[j + 1].kind == "num" and _glued(lex, j + 1):
            if not (j == 0 or t.spaced or lex[j - 1].text in "(["):
                return None
            sign, j = -1.0, j + 1
        cur, cur_raw, j = self._prefix(j)
        if cur is None and sign > 0 and lex[j].kind == "word":
            fold = _fold_word(lex[j].text)  # "threefold"
            if fold is not None:
                return _Cand(
                    lex[j].start, lex[j].end, fold, "times", fold, lex[j].text, j + 1, word_number=True
                )
        num = _number(lex, j)
        if num is None:
            return None
        value, k, in_words = num
        if (in_words and sign < 0) or (not in_words and cur is None and sign > 0 and self._bad_left(j)):
            return None
        if self._bad_right(k):
            return None
        factor, k, _ = _scale(lex, k, cur is not None, self._next_plural)
        if in_words and value == 1 and factor == 1 and lex[j].low in ("a", "an"):
            return None
        lo_end = k
        # Compact ranges: "3-4 percent", "$3-4 billion", "between 3 and 4 percent", "10 to 15 km".
        high, borrowed_at = None, None
        conn = lex[k].low if k < n else ""
        before = lex[i - 1].low if i > 0 else ""
        # "$3 billion to $4 billion" is two complete amounts, not a compact range.
        complete = cur is not None and factor != 1
        if not complete and (conn in ("-", "–", "—", "to") or (conn == "and" and before == "between")):
            k2 = k + 1
            if k2 < n and lex[k2].kind == "cur" and cur is not None:
                k2 += 1
            num2 = _number(lex, k2)
            if num2 is not None and not (conn != "to" and num2[2] != in_words):
                v2, k3, _ = num2
                f2, k3, _ = _scale(lex, k3, cur is not None, self._next_plural)
                if not self._bad_right(k3) and (_unit(lex, k3, body) is not None or cur is not None):
                    if before == "from" and conn == "to":
                        borrowed_at = (
                            k3  # "from 3 to 4 percent": a start and an end; the start borrows the unit
                        )
                    elif v2 * f2 > value * (factor if factor != 1 else f2):
                        factor = factor if factor != 1 else f2
                        high, k = v2 * f2, k3
        raw = sign * value * factor
        cand = _Cand(
            lex[i].start, lex[k - 1].end, raw, None, raw, None, k, scaled=factor != 1, word_number=in_words
        )
        unit_at = borrowed_at if borrowed_at is not None else k
        u = _unit(lex, unit_at, body)
        end = self._resolve_unit(u, cand, cur, factor) if u is not None else None
        if cand.unit is None and cur is not None:
            cand.unit, cand.raw_unit = cur, cur_raw
        if high is not None:
            cand.flags += ["range", f"range_high={_fmt(cand.conv(high))}"]
        if borrowed_at is not None:
            if cand.unit in (None, "count"):
                return None
            cand.end, cand.lex_end = lex[lo_end - 1].end, lo_end
            return cand
        if end is not None:
            cand.end, cand.lex_end = lex[end - 1].end, end
        if cand.lex_end < n and _glued(lex, cand.lex_end) and lex[cand.lex_end].kind in ("word", "num"):
            return None  # an unknown suffix: "1990s", "5G", "4th", "3D"
        m = _match_table(lex, cand.lex_end, _RATES)
        k = cand.lex_end + 2
        if k < n and lex[k].low in ("ago", "earlier", "before", "later", "after", "on", "from"):
            pass  # "45% a year ago" is a date, not a rate
        elif m and cand.unit is not None:
            cand.flags.append(_RATES[m[0]])
        elif cand.unit is not None and cand.lex_end + 1 < n and lex[cand.lex_end].low in ("a", "an", "per"):
            # "$90 a barrel", "$2,400 an ounce": a price per some thing.
            tok = self._token_at(lex[cand.lex_end + 1].start)
            if tok is not None and tok.pos_ == "NOUN" and tok.tag_ == "NN":
                cand.flags.append(f"per_{tok.lower_}")
        return cand

    def _resolve_unit(self, u, cand: _Cand, cur: str | None, factor: float) -> int | None:
        """Applies the unit written after the number; the lexeme index after it, or None when it is not one."""
        kind, payload, raw_text, end = u
        lex = self.lex
        raw = cand.raw_value
        span_end = lex[end - 1].end
        if kind == "percent":
            if cur is not None:
                return None
            unit, mult = payload
            cand.set(unit, raw_text, lambda x: x * mult)
            return end
        if kind in ("cur", "iso"):
            code = payload
            if kind == "cur":
                key = tuple(_sing(w) for w in re.findall(r"[^\W\d_]+", raw_text.lower()))
                head, qualified = (key[-1] if key else ""), len(key) > 1
                money_read = factor != 1 or self._in_money_ent(cand.start, span_end)
                # A bare "pounds" is money only with a scale word: spaCy reads "weighs 200 pounds" as MONEY too.
                if head == "pound" and not qualified and factor == 1:
                    if cur is not None:
                        return None
                    cand.set(
                        *_pint_setter("pound", raw_text)
                    )  # pounds without a scale or spaCy's MONEY: a weight
                    return end
                big = abs(raw) >= 1000 and "," in self.body[cand.start : cand.end]
                if head in _AMBIGUOUS_CUR_WORDS and not qualified and not (money_read or big):
                    return None
                if not qualified:
                    code = self._hint(head, code, cand.start)
            if cur is not None:
                cand.raw_unit = None  # "$5 billion dollars": the symbol already says it
                return end
            cand.set(code, raw_text, lambda x: x)
            return end
        if cur is not None:
            return None
        if kind == "minor":
            cand.set(payload, raw_text, lambda x: x / 100)
        elif kind == "barrel":
            cand.set(payload[0], raw_text, lambda x: x)
            if payload[1]:
                cand.flags.append(payload[1])
        elif kind == "pint":
            setter = _pint_setter(payload, raw_text)
            if setter[0] is None:
                return None
            cand.set(*setter)
        elif kind == "fold":
            if raw <= 1:
                return None  # "1x" is a playback speed or a label, never a multiple worth stating
            cand.set("times", raw_text, lambda x: x)
        elif kind == "times":
            nxt = lex[end] if end < len(lex) else None
            tok = self._token_at(nxt.start) if nxt is not None and nxt.kind == "word" else None
            comparative = tok is not None and (
                nxt.low in _COMPARATIVE_AFTER_TIMES or tok.tag_ in ("JJR", "RBR")
            )
            if nxt is not None and nxt.low == "over" and end + 1 < len(lex) and lex[end + 1].kind == "word":
                comparative = (
                    False  # "met 40 times over the past decade"; "paid ten times over." is a multiple
                )
            cand.set("times" if comparative else "count", raw_text, lambda x: x)
            cand.occurrences = not comparative
        elif kind == "strong":
            cand.set("count", None, lambda x: x)
        else:
            return None
        return end


def _round(x: float) -> float:
    """Drops float noise from unit conversion (12 significant digits)."""
    return float(f"{x:.12g}")


def _fmt(x: float) -> str:
    return repr(_round(x))


def _pint_setter(pint_unit: str, raw_text: str):
    """(unit name, raw text, converter) for a pint unit, converting to the unit we keep for its dimension."""
    ureg = _ureg()
    parsed = ureg.parse_expression(pint_unit)
    target = next((t for t, dim in _target_dims() if dim == parsed.dimensionality), None)
    if target is None or target[1] == "GB" and "byte" not in str(parsed.units):
        return None, raw_text, None

    def conv(x: float) -> float:
        return ureg.Quantity(x * parsed.magnitude, parsed.units).to(target[0]).magnitude

    return target[1], raw_text, conv


# ---------------------------------------------------------------------------------------------------------------
# Reading the parse: counts, measures, years.


def _figure_span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _np(tok: Token, exclude: set[int]) -> str | None:
    """A short lower-cased noun phrase for a noun: its compound/adjective modifiers and its lemma, no determiners."""
    if tok.pos_ == "PRON":
        return None
    words: list[str] = []
    for left in reversed(list(tok.lefts)):
        if left.i in exclude or left.dep_ not in ("compound", "amod", "nmod") or left.like_num:
            break
        if left.pos_ in ("NUM", "DET", "PUNCT", "SYM"):
            break
        if any(c.like_num for c in left.children):
            break  # "the 10-year Treasury yield": a numbered modifier is a label, not part of the measure
        words.insert(0, left.lower_)
    head = tok.lemma_.lower() if tok.tag_ == "NNS" and tok.lemma_.isalpha() else tok.lower_
    words.append(head)
    words = [w for w in words if any(c.isalnum() for c in w)]
    return " ".join(words[-4:]) or None


def _subject(verb: Token, exclude: set[int], depth: int = 0) -> Token | None:
    """The noun a verb says something about: its subject, or for relative clauses the noun they describe."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.i not in exclude:
            if c.tag_ == "WDT" or c.lower_ in ("which", "that") and verb.dep_ == "relcl":
                return verb.head
            return c
    if depth < 3 and verb.dep_ in ("xcomp", "conj", "ccomp", "advcl", "acl") and verb.head.i != verb.i:
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head
        return _subject(verb.head, exclude, depth + 1)
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return None


def _measure(span: Span, covered: set[int], unit: str | None) -> tuple[str | None, list[str]]:
    """What the figure measures, via the dependency parse, and direction flags ("increase"/"decrease")."""
    h = span.root
    inside = {t.i for t in span}
    flags: list[str] = []
    # A complement names what the amount is of: "36 percent of voters", "$240 billion in trade" (a bare noun after
    # "in": "$150 million in a funding round" names an occasion, not the thing).
    after = span.doc[span.end] if span.end < len(span.doc) else None
    preps = [c for c in h.children if c.dep_ == "prep"] + (
        [after] if after is not None and after.dep_ == "prep" else []
    )
    for c in preps:
        if c.lower_ in ("of", "in") and c.i not in inside:
            for p in c.children:
                if p.dep_ != "pobj" or p.i in covered or p.like_num:
                    continue
                if p.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "PERSON", "ORG"):
                    continue
                if c.lower_ == "in" and (
                    p.pos_ != "NOUN" or any(d.dep_ in ("det", "poss") for d in p.children)
                ):
                    continue
                if p.pos_ in ("NOUN", "PROPN"):
                    return _np(p, covered), flags
    t = h
    via = None
    verb = None
    dep_at_verb = None
    for _ in range(6):
        p, dep = t.head, t.dep_
        if p.i == t.i:
            break
        if p.i in inside:
            t = p
            continue
        modifies_noun = p.pos_ in ("NOUN", "PROPN") and p.i not in covered
        if modifies_noun and dep in (
            "nummod",
            "compound",
            "amod",
            "quantmod",
            "nmod",
            "npadvmod",
            "appos",
            "poss",
        ):
            if p.lemma_.lower() in _PLACEHOLDER_NOUNS and p.head.i != p.i:
                t = p  # "reached a record $240 billion", "a total of 40 people": the noun says nothing; look further
                continue
            return _np(p, covered), flags
        if dep == "pobj":
            via = p.lower_
            t = p
            continue
        if dep == "prep" and p.pos_ in ("NOUN", "PROPN") and p.i not in covered:
            if p.lemma_.lower() in _PLACEHOLDER_NOUNS and p.head.i != p.i:
                t = p
                continue
            return _np(p, covered), flags
        if dep in ("prep", "amod", "advmod", "acomp", "quantmod", "npadvmod") and p.pos_ in (
            "ADJ",
            "ADV",
            "ADP",
        ):
            # "up 8 percent" is a change; "down from 45%" names the old level, not the change.
            if via not in ("from", "to", "at", "of"):
                if p.lemma_.lower() in _CHANGE_UP:
                    flags.append("increase")
                elif p.lemma_.lower() in _CHANGE_DOWN:
                    flags.append("decrease")
            t = p
            continue
        if p.pos_ in ("VERB", "AUX"):
            verb, dep_at_verb = p, dep
            break
        if dep in ("appos", "conj") and p.i in covered:
            t = p
            continue
        break
    if verb is None:
        return None, flags
    lemma = verb.lemma_.lower()
    # A change is "fell 3 percent" or "by 3 percent"; "cut 12,000 jobs" or "raised $150 million" is an amount acted on.
    is_change = (lemma in _CHANGE_UP or lemma in _CHANGE_DOWN) and (
        via == "by" or via is None and (dep_at_verb != "dobj" or unit in ("percent", "pp", "times"))
    )
    subj = _subject(verb, inside | covered)
    obj = next(
        (c for c in verb.children if c.dep_ == "dobj" and c.i not in inside and c.i not in covered), None
    )
    if is_change:
        # "exports fell 3 percent", "Nvidia rose 5%": what changed, and how; "cut emissions by 45%": the object did.
        flags.append("increase" if lemma in _CHANGE_UP else "decrease")
        thing = obj if obj is not None and obj.pos_ in ("NOUN", "PROPN") else subj
        measure = _np(thing, covered) if thing is not None else None
        return (f"{measure} {verb.lower_}" if measure else verb.lower_), flags
    # With a verb of level ("trade reached $240 billion", "the project will cost $5bn") the subject is measured;
    # with any other verb the subject acts ("the startup raised $150 million"): name what, not who.
    if subj is not None and not _is_actor(subj) and (lemma in _LEVEL_VERBS or verb.pos_ == "AUX"):
        return _np(subj, covered), flags
    if obj is not None and obj.pos_ == "NOUN":
        return _np(obj, covered), flags
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "of", "for", "on"):
            p = next((g for g in c.children if g.dep_ == "pobj"), None)
            if (
                p is not None
                and p.pos_ == "NOUN"
                and p.i not in covered
                and p.ent_type_ not in ("DATE", "TIME")
            ):
                if p.lemma_.lower() in _TIME_NOUNS:
                    continue
                if c.lower_ in ("in", "for") and any(d.dep_ in ("det", "poss") for d in p.children):
                    continue
                return _np(p, covered), flags
    return lemma if verb.pos_ == "VERB" and lemma not in ("be", "have") else None, flags


def _is_actor(tok: Token) -> bool:
    """A subject that does something rather than being measured: a name, a pronoun, an organisation."""
    if tok.pos_ == "PRON" or tok.ent_type_ in ("GPE", "ORG", "PERSON", "NORP"):
        return True
    # A capitalised common noun opening a sentence or paragraph ("Trade between …") is often tagged PROPN.
    at_start = tok.is_sent_start or tok.i == 0 or tok.doc[tok.i - 1].is_space
    return tok.pos_ == "PROPN" and not at_start


# Nouns that only frame an amount ("a record $240 billion", "a total of $5 billion"): the measure lies beyond them.
_PLACEHOLDER_NOUNS = {"record", "total", "sum", "amount", "figure", "level", "high", "low", "tally", "combined",
                      "estimate", "average", "peak", "maximum", "minimum", "rate"}  # fmt: skip

# Verbs that state a level of their subject ("trade reached $240 billion"), against verbs whose subject acts.
_LEVEL_VERBS = {"be", "reach", "hit", "total", "stand", "amount", "exceed", "top", "surpass", "near", "approach",
                "remain", "stay", "hover", "average", "equal", "represent", "account", "cost", "peak", "trade",
                "sit", "run", "come", "measure", "weigh", "span", "cover", "stretch", "hold", "last", "number", "value", "worth", "become", "settle", "close", "end", "finish", "open", "grow", "rise",
                "fall", "climb", "drop", "jump", "decline", "increase", "decrease", "shrink", "expand", "double",
                "triple", "balloon", "swell", "plunge", "soar", "slump", "tumble", "ease", "slip"}  # fmt: skip


def _count_noun(span: Span, doc: Doc) -> Token | None:
    """The plural noun a bare number counts ("40 people", "5,000 Russian troops"), or None."""
    last = span[-1]
    cand = None
    modifies = last.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "appos")
    if modifies and 0 < last.head.i - last.i <= 4:
        cand = last.head
    elif last.i + 1 < len(doc) and doc[last.i + 1].pos_ in ("NOUN", "PROPN"):
        cand = doc[last.i + 1]
    if cand is None or cand.pos_ not in ("NOUN", "PROPN"):
        return None
    if any(
        t.is_punct and t.tag_ != "HYPH" or t.lower_ in ("of", "and", "or", "to")
        for t in doc[last.i + 1 : cand.i]
    ):
        return None
    if cand.tag_ not in ("NNS", "NNPS") and cand.lower_ not in _COLLECTIVE_NOUNS:
        return None
    if cand.lemma_.lower() in _TIME_NOUNS or cand.lower_ in _TIME_NOUNS or cand.ent_type_ in ("DATE", "TIME"):
        return None
    return cand


def _is_count(cand: _Cand, span: Span, doc: Doc, body: str) -> tuple[bool, Token | None]:
    """Whether a bare number is a count worth a figure, and the noun it counts."""
    if any(t.ent_type_ in ("DATE", "TIME", "ORDINAL") or t.ent_type_ in _NON_NUMERIC_ENTS for t in span):
        return False, None
    text = body[cand.start : cand.end]
    if re.fullmatch(r"(1[89]|20)\d\d", text):
        return False, None
    if not cand.scaled and cand.raw_value != int(cand.raw_value):
        return False, None  # things come in whole numbers; "0.5 points" on an index is a change, not a count
    first = span[0]
    prev = doc[first.i - 1] if first.i > 0 else None
    if prev is not None and prev.pos_ == "PROPN" and prev.is_title:
        return False, None  # "Boeing 737 jets", "Article 5 obligations", "Max 9 jets"
    if prev is not None and prev.lower_ in ("in", "of") and first.i >= 2:
        before = doc[first.i - 3] if doc[first.i - 2].lower_ == "out" and first.i >= 3 else doc[first.i - 2]
        if before.like_num:
            return False, None  # "one in five adults", "four out of 10 children": a proportion
    if cand.word_number and not cand.scaled and text.lower() in ("one", "a", "an"):
        return False, None
    if body[cand.end : cand.end + 1] in ("-", "‑") and not body[cand.end + 1 : cand.end + 2].isspace():
        return False, None  # adjectival "10-point plan", "45-year-old", fractions "two-thirds"
    nxt = doc[span[-1].i + 1] if span[-1].i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in ("of", "out", "per") and not cand.scaled:
        return False, None  # "3 of them", "one out of five"
    if nxt is not None and nxt.lower_ == "of" and cand.scaled:
        return True, None
    noun = _count_noun(span, doc)
    if noun is not None and text in _EMERGENCY_NUMBERS and noun.lemma_.lower() in _EMERGENCY_NOUNS:
        return False, None  # "911 calls" name the number dialled, not how many calls
    if noun is not None:
        if (
            cand.word_number
            and not cand.scaled
            and cand.value <= 10
            and prev is not None
            and prev.lower_ in _DETERMINERS
        ):
            return False, None  # "the two leaders": a reference, not a reported count
        return True, noun
    return cand.scaled and cand.value >= 1000, None


def _clause_head(tok: Token) -> Token:
    """The verb of a token's clause; participles that only modify a noun ("the year ended June 30") don't count."""
    for t in [tok, *tok.ancestors]:
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("acl", "amod"):
            return t
    return tok.sent.root


def _dates_other_noun(year: Token, span: Span) -> bool:
    """Whether a year dates some other noun on its way to the figure ("its peak at the end of 2022", "2005 levels")."""
    inside = {t.i for t in span}
    ancestors = {a.i for a in span.root.ancestors}
    clause = _clause_head(span.root)
    for a in year.ancestors:
        if a.i in inside or a.i in ancestors:
            return False
        if a.pos_ in ("VERB", "AUX") and a.dep_ not in ("acl", "amod"):
            return False
        if a.pos_ in ("NOUN", "PROPN", "NUM") and a.ent_type_ != "DATE":
            # The clause's own subject or object may carry the date ("Exports in 2023 rose 5%").
            return not (a.head.i == clause.i and a.dep_ in ("nsubj", "nsubjpass", "dobj"))
    return False


def _year_for(span: Span, years: list[tuple[int, Token]]) -> int | None:
    """The year a figure refers to: one in its clause, else one governing its clause ("In 2023, X rose and Y fell")."""
    root = span.root
    doc = span.doc
    usable = []
    for y, t in years:
        if _dates_other_noun(t, span):
            continue
        # "80 percent below its peak at the end of 2022": a year after a comparison dates the reference point.
        if t.i > span.end and any(w.lower_ in _COMPARISON_WORDS for w in doc[span.end : t.i]):
            continue
        usable.append((y, t))
    clause = _clause_head(root)
    scope = {clause.i} | {a.i for a in clause.ancestors}
    same = [(y, t) for y, t in usable if _clause_head(t).i == clause.i]
    pool = same or [(y, t) for y, t in usable if _clause_head(t).i in scope]
    if not pool:
        return None
    return min(pool, key=lambda yt: abs(yt[1].i - root.i))[0]


def _adjacent_year(span: Span, years: list[tuple[int, Token]]) -> tuple[int, Token] | None:
    """A year written right after the figure ("10.5 million units in 2022"), whatever the parse says."""
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].lower_ in ("in", "for", "by", "during"):
        return next(((y, t) for y, t in years if t.i == span.end + 1), None)
    return None


def _subtree_years(span: Span, years: list[tuple[int, Token]]) -> list[tuple[int, Token]]:
    """Years inside the figure's own phrase ("revenue of $5 billion for fiscal 2023")."""
    subtree = {t.i for t in span.root.subtree}
    return [(y, t) for y, t in years if t.i in subtree and not _dates_other_noun(t, span)]


_ASIDE_DEPS = {"appos", "relcl", "acl", "advcl", "conj", "parataxis"}


def _has_own_relative_date(span: Span, date_ents: list[Span]) -> bool:
    """Whether the figure is dated by words without a year ("$47 billion this year"), so it borrows no other year."""
    doc = span.doc
    # An apposition or clause hanging off the figure dates its own content ("$240 billion, a rise of 26.3 percent
    # on the year before"), not the figure.
    aside = {t.i for c in span.root.children if c.dep_ in _ASIDE_DEPS for t in c.subtree}
    near = [t for t in span.root.subtree if t.i >= span.end and t.i not in aside]
    if span.end < len(doc):
        near.append(doc[span.end])
    for t in near:
        if t.ent_type_ != "DATE":
            continue
        text = next((e.text for e in date_ents if e.start <= t.i < e.end), t.text).lower()
        # "a year", "per day" are rates, not dates.
        if (
            not _YEAR_RE.search(text)
            and not re.match(r"(a|an|per|each|every)\b", text)
            and text != "annually"
        ):
            return True
    return False


def _years_in(sent: Span, covered: set[int], date_ents: list[Span]) -> list[tuple[int, Token]]:
    """Years a sentence names (DATE entities with a 4-digit year, or "in 2023"), less baselines ("since 2015")."""
    doc = sent.doc
    out = []

    def baseline(first: int) -> bool:
        before = " ".join(t.lower_ for t in doc[max(sent.start, first - 3) : first])
        return bool(re.search(r"\b(since|than|compared|versus|vs)\b", before))

    for ent in date_ents:
        if sent.start <= ent.start and ent.end <= sent.end:
            m = _YEAR_RE.search(ent.text)
            if m and not any(t.i in covered for t in ent) and not baseline(ent.start):
                tok = next((t for t in ent if m.group(1) in t.text), ent.root)
                out.append((int(m.group(1)), tok))
    seen = {t.i for _, t in out}
    for t in sent:
        if t.i in seen or t.i in covered or t.ent_type_ == "DATE" or baseline(t.i):
            continue
        if re.fullmatch(r"(1[89]|20)\d\d", t.text) and t.i > 0 and doc[t.i - 1].lower_ in _YEAR_PREPS:
            out.append((int(t.text), t))
        elif m := re.fullmatch(r"FY'?(\d\d|20\d\d)", t.text, re.IGNORECASE):
            out.append((int(m.group(1)) + (2000 if len(m.group(1)) == 2 else 0), t))  # "FY24", "FY2024"
    return out


# ---------------------------------------------------------------------------------------------------------------


def find_figures(doc: Doc, sentences: list[Sentence]) -> list[Claim]:
    """Numbers with a unit in the body, normalised: money, percentages, quantities, multiples, counts."""
    body = doc.text
    scanner = _Scanner(doc)
    kept: list[tuple[_Cand, Span, Token | None]] = []
    for cand in scanner.scan():
        span = _figure_span(doc, cand.start, cand.end)
        if span is None or not len(span):
            continue
        if cand.unit is None:
            ok, noun = _is_count(cand, span, doc, body)
            if not ok:
                continue
            cand.unit = "count"
            if noun is not None:
                cand.end = noun.idx + len(noun.text)
                cand.raw_unit = noun.text
                span = _figure_span(doc, cand.start, cand.end)
            kept.append((cand, span, noun))
        else:
            kept.append((cand, span, None))

    covered = {t.i for _, span, _ in kept for t in span}
    # A year in one figure's own phrase ("$200 billion in 2022") belongs to it and to no other figure; a year written
    # right after a figure is its own before any parse-based claim.
    own_years: dict[int, int] = {}
    claimed: set[int] = set()
    sentence_years: dict[int, list[tuple[int, Token]]] = {}
    date_ents = [e for e in doc.ents if e.label_ == "DATE"]  # doc.ents is rebuilt on every access

    def years_of(span: Span) -> list[tuple[int, Token]]:
        sent = span.root.sent
        if sent.start not in sentence_years:
            sentence_years[sent.start] = _years_in(sent, covered, date_ents)
        return sentence_years[sent.start]

    for n, (cand, span, _) in enumerate(kept):
        adjacent = _adjacent_year(span, years_of(span))
        if adjacent is not None:
            own_years[n] = adjacent[0]
            claimed.add(adjacent[1].i)
    for n, (cand, span, _) in enumerate(kept):
        if n not in own_years:
            mine = _subtree_years(span, [(y, t) for y, t in years_of(span) if t.i not in claimed])
            if mine:
                own_years[n] = mine[0][0]
                claimed.update(t.i for _, t in mine)

    starts = [s.start_char for s in sentences]
    claims: list[Claim] = []
    for n, (cand, span, noun) in enumerate(kept):
        flags = list(cand.flags)
        before = body[max(0, cand.start - 40) : cand.start].lower()
        m = _APPROX_RE.search(before)
        if m:
            flags.append(_APPROX_FLAGS.get(m.group("w"), "approx"))
        if re.search(r"(?:^|\W)up\s+$", before):
            flags.append("increase")
        elif re.search(r"(?:^|\W)down\s+$", before):
            flags.append("decrease")

        if cand.unit == "count" and noun is not None:
            measure = _np(noun, covered - {noun.i})
        elif cand.occurrences:
            verb = _clause_head(span.root)
            measure = verb.lemma_.lower() if verb.pos_ in ("VERB", "AUX") else None
        else:
            measure, more = _measure(span, covered, cand.unit)
            flags += [f for f in more if f not in flags]

        year = own_years.get(n)
        if year is None and not _has_own_relative_date(span, date_ents):
            year = _year_for(span, [(y, t) for y, t in years_of(span) if t.i not in claimed])

        idx = max(0, bisect_right(starts, cand.start) - 1)
        seen: list[str] = []
        for f in flags:
            if f not in seen:
                seen.append(f)
        claims.append(
            Claim(
                sentence_idx=sentences[idx].sentence_idx if sentences else 0,
                start_char=cand.start,
                end_char=cand.end,
                kind="figure",
                text=body[cand.start : cand.end],
                value=_round(cand.value),
                unit=cand.unit,
                raw_value=_round(cand.raw_value),
                raw_unit=cand.raw_unit,
                year=year,
                measure=measure,
                flags=tuple(seen),
            )
        )
    return claims
