"""FIGURE claims: numbers with a unit in an article body, normalised (money, percentages, quantities, multiples, counts).

Unit vocabulary of `Claim.unit`:
  money        ISO 4217 code (USD, EUR, GBP, JPY, CNY, RUB, INR, AUD, ...), value a plain number ("$1.2bn" -> 1.2e9)
  percent      "36 percent", "2.5%", "36 per cent"
  pp           percentage points; "25 basis points" -> 0.25 pp
  km           every length (pint), "2,615-mile" -> 4208.43 km
  kg           every mass (pint); tonnes -> kg, "tons" read as metric tonnes
  m2           every area (pint); hectares, acres, square miles, ...
  l            liquid volumes (pint): litres, gallons, pints
  m3           volumes written as a cube of a length: "cubic metres", "50 bcm" -> 5e10 m3 (gas is traded in them)
  barrel       oil barrels, kept as barrels because that is how the trade quotes them; "1.2 million barrels per
               day"/"bpd" is 1.2e6 barrel with the flag "per_day"
  MW / MWh     power / energy (pint)
  degC         temperatures (pint, offset-aware)
  km/h         speeds (pint)
  GB           data sizes (pint)
  kPa, Hz      pressure, frequency (pint: "250 MPa", "3.2 GHz", "36 ksi")
  N*m          torque ("332 lb-ft", "400 N·m"); km/l fuel economy ("52 mpg"); ppm concentrations ("40 ppb")
  points       index points and levels ("rose 64.06 points to 4,577.10"); "points" in a poll are pp
  years, …     durations and ages in the time unit written (years, months, weeks, days, hours, minutes),
               flagged "duration"/"age" so that comparisons can leave them out
  times        multiples: "10 times larger", "threefold", "10x"
  count        counts of things ("40 people", measure "people") and of occurrences ("met 40 times")

Rules of reading:
  - `raw_value` is the numeral times its scale word as written ("$1.2bn" -> 1.2e9, "2,615-mile" -> 2615), `raw_unit`
    the unit as written ("$", "mile", "percent", "people"); value/unit are raw_value/raw_unit converted.
  - ranges ("$3-4 billion", "10-15%", "between 5% and 6%", "from $250,000 to $1 million") are one figure flagged
    "range": value the midpoint, value_low/value_high the bounds; under a verb of change ("rose from 3 to 4
    percent") the two numbers are a start and an end, two figures.
  - hedges stay out of the text and the value and become flags: "approx" (about, nearly), "lower_bound" (more than,
    at least), "upper_bound" (less than, up to); direction words become "increase"/"decrease" flags and the change verb
    joins the measure ("exports fell"); signs are taken only from a written minus ("-3.5%", "minus 5").
  - counts: a bare number counts the plural noun it modifies ("40 people", "5,000 troops"); with a scale word and no
    noun it still counts ("a population of 1.2 million"); never dates, years, ordinals, ages, times of day, scores,
    fractions, "3 of them", a small word number after a determiner ("the two leaders"), nor "one"/"a" alone;
    a number before a time noun is a duration or an age, not a count.
  - "N times" is a multiple when a comparison follows ("10 times larger", "three times the size", "as much"),
    otherwise a count of occurrences ("met 40 times", measure the verb's lemma).
  - money: "$" is USD unless its prefix says otherwise (A$, C$, HK$, ...); "¥" is JPY unless the sentence says yuan;
    a currency noun shared by several countries ("pesos", "rupees", "dinars") is read from a country named in the
    sentence; "pounds" without a scale word or a rate over time is a weight; "$US2.3 billion", "HK $1.2 billion".
  - rates are flags, not units: "$5 billion a year" -> "per_year", "$90 a barrel" -> "per_barrel", "$21.25 per
    square foot" -> "per_square_foot" (quantity "rate"); physical per-units that make a kept unit are units
    ("km/hr", "miles an hour").
  - for comparison across documents every figure has value_low/value_high (interval.py), quantity, period
    (period.py), measure_key and scope (keys.py); see records.Claim.
  - year: a year written right after the figure ("in 2022"), else one in the figure's phrase, else the nearest in its
    clause or in a clause governing it ("In 2023, X rose and Y fell"); never a baseline ("since 2015", "than in
    2022", "below its peak at the end of 2022") nor a year dating another noun ("2005 levels"); a figure dated
    without a year ("this year") takes none.
  - candidates come from our own lexer over the body (spaCy's tokens split figures inconsistently) and from spaCy's
    QUANTITY entities, whose unit words pint recognises when our table does not know them ("2 pints").

The package, in the order a body is read:
  lexer       lexemes of the body and table look-ups over them
  numbers     numerals, number words, "-fold" words, scale words
  currencies  currency symbols, prefixes, ISO codes, nouns, minor units (lexicon/currencies.toml)
  units       the unit written after a number (pint, percent, barrels, money nouns, multiples), applied to it
  pintunits   units pint reads ("GHz", "km/hr", "square kilometres") and the unit each dimension is kept in
  candidate   a figure candidate as the scanner reads it
  scanner     candidates left to right: sign, currency, number, scale, range, unit, rate
  counts      whether a bare number counts something, and what
  durations   durations and ages ("for 24 years", "67-year-old")
  hedges      "about", "more than", "up to", "up"/"down" before a figure
  measure     what a figure measures, from the dependency parse
  years       the year a figure refers to
  period      the period a figure refers to, relative dates read against the publication date
  interval    the interval a figure asserts, and its kind of quantity
  keys        measure_key, scope and role (level or change) for comparing figures across documents
  assemble    find_figures: the kept candidates as claims
Word lists and tables live in lexicon/numbers.toml, units.toml, currencies.toml and figures.toml.
"""

from assets.text.figures.assemble import find_figures

__all__ = ["find_figures"]
