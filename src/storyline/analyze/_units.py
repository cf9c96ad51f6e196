"""Units of measure for figures: which unit a figure is given in, and its value in a base unit.

Length, weight, area, volume, speed, temperature and lengths of time ("39 hours",
"two days": a month is 28 to 31 days, a year 365 or 366) convert; currencies never do
(their rate changes by the day, so "EUR 180 million" and "$200 million" are two
quantities). The table is small and exact: the international definitions (a mile
is 1,609.344 m, a pound 0.45359237 kg). A word that names more than one unit
converts to a range: "tons" are short (907 kg), long (1,016 kg) or metric, and
"gallons" US (3.785 l) or imperial (4.546 l).

A unit is read from the words right after a number ("10 km", "6.2 miles",
"20 square kilometres", "190 km/h", "30 degrees Celsius", "86°F", "30C"). A bare
"C" or "F" counts only where the sentence speaks of temperature. Bare "degrees" ("the water
was about 59 degrees", "a 40-degree dive") are a unit of their own: without a scale they
convert to nothing, and the figures list them but never set two against each other
(`_claims._never_rivals`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit: base = value × factor + offset, with the factor a range for ambiguous words."""

    name: str
    dimension: str
    """ "length", "weight", "area", "volume", "speed", "temperature", "duration" or "degree"
    (degrees with no scale: of heat or of an angle)."""
    low: float
    high: float
    offset: float = 0.0
    bare: bool = False
    """A lone letter ("30 C"): a unit only where the sentence speaks of temperature."""

    def to_base(self, value: float) -> tuple[float, float]:
        """`value` in the dimension's base unit (m, kg, m², l, km/h, °C, s), as a range."""
        ends = (value * self.low + self.offset, value * self.high + self.offset)
        return min(ends), max(ends)


_KM = r"(?:km|kms|kilomet(?:re|er)s?)"
_MI = r"(?:miles?|mi)"
_M = r"(?:met(?:re|er)s?)"
_FT = r"(?:feet|foot|ft)"
_HOUR = r"(?:\s*/\s*h(?:r|our)?\b|\s+(?:per|an|a)\s+hour)"
_SQ = r"(?:square|sq\.?)(?:\s*|-)"  # "22,000 square-kilometer park" as well

# (name, dimension, factor low, factor high, pattern); offsets only for Fahrenheit.
_TABLE: tuple[tuple[str, str, float, float, str], ...] = (
    ("kilometre", "length", 1e3, 1e3, _KM),
    ("mile", "length", 1609.344, 1609.344, _MI),
    ("nautical mile", "length", 1852.0, 1852.0, r"nautical\s+miles?"),
    ("metre", "length", 1.0, 1.0, _M),
    ("centimetre", "length", 0.01, 0.01, r"cm|centimet(?:re|er)s?"),
    ("millimetre", "length", 0.001, 0.001, r"mm|millimet(?:re|er)s?"),
    ("foot", "length", 0.3048, 0.3048, _FT),
    ("inch", "length", 0.0254, 0.0254, r"inch(?:es)?"),
    ("yard", "length", 0.9144, 0.9144, r"yards?|yds?"),
    ("kilogram", "weight", 1.0, 1.0, r"kgs?|kilo(?:gram(?:me)?)?s?"),
    ("gram", "weight", 0.001, 0.001, r"grams?|grammes?"),
    ("pound", "weight", 0.45359237, 0.45359237, r"pounds?|lbs?"),
    ("ounce", "weight", 0.028349523125, 0.028349523125, r"ounces?|oz"),
    ("tonne", "weight", 1e3, 1e3, r"tonnes?|\(?metric\)?\s+tons?"),
    ("ton", "weight", 907.18474, 1016.0469088, r"tons?"),
    ("square kilometre", "area", 1e6, 1e6, rf"{_SQ}{_KM}|km2|km²"),
    ("square mile", "area", 2589988.110336, 2589988.110336, rf"{_SQ}{_MI}|mi2|mi²"),
    ("square metre", "area", 1.0, 1.0, rf"{_SQ}{_M}|m2|m²"),
    ("square foot", "area", 0.09290304, 0.09290304, rf"{_SQ}{_FT}|ft2|ft²"),
    ("acre", "area", 4046.8564224, 4046.8564224, r"acres?"),
    ("hectare", "area", 1e4, 1e4, r"hectares?"),
    ("litre", "volume", 1.0, 1.0, r"lit(?:re|er)s?"),
    ("millilitre", "volume", 0.001, 0.001, r"ml|millilit(?:re|er)s?"),
    ("cubic metre", "volume", 1e3, 1e3, rf"cubic\s+{_M}|m3|m³"),
    ("cubic foot", "volume", 28.316846592, 28.316846592, rf"cubic\s+{_FT}"),
    ("gallon", "volume", 3.785411784, 4.54609, r"gallons?"),
    ("km/h", "speed", 1.0, 1.0, rf"{_KM}{_HOUR}|kph|kmh"),
    ("mph", "speed", 1.609344, 1.609344, rf"mph|{_MI}{_HOUR}"),
    ("knot", "speed", 1.852, 1.852, r"knots?"),
    ("m/s", "speed", 3.6, 3.6, rf"m/s|{_M}\s+(?:per|a)\s+second"),
    ("second", "duration", 1.0, 1.0, r"seconds?|secs?"),
    ("minute", "duration", 60.0, 60.0, r"minutes?|mins?"),
    ("hour", "duration", 3600.0, 3600.0, r"hours?|hrs?"),
    ("day", "duration", 86400.0, 86400.0, r"days?"),
    ("week", "duration", 604800.0, 604800.0, r"weeks?"),
    ("month", "duration", 28 * 86400.0, 31 * 86400.0, r"months?"),
    ("year", "duration", 365 * 86400.0, 366 * 86400.0, r"years?|yrs?"),
    ("celsius", "temperature", 1.0, 1.0, r"°\s*c|degrees?\s+(?:celsius|centigrade|c)\b|celsius|centigrade"),
    ("fahrenheit", "temperature", 5 / 9, 5 / 9, r"°\s*f|degrees?\s+(?:fahrenheit|f)\b|fahrenheit"),
    ("degree", "degree", 1.0, 1.0, r"degrees?|°"),
)
_OFFSETS = {"fahrenheit": -32 * 5 / 9}
UNITS: tuple[Unit, ...] = tuple(
    Unit(name, dimension, low, high, _OFFSETS.get(name, 0.0)) for name, dimension, low, high, _ in _TABLE
)
METRE = next(u for u in UNITS if u.name == "metre")
"""A lone "m" after a number is metres only where the sentence speaks of lengths; the
figure reader decides ("$57m" and "1.2m people" are millions) and writes such a figure
"310 m", which `unit_of` reads as metres."""
_LONE_METRE = re.compile(r".*\d m")
_BARE = {"C": Unit("celsius", "temperature", 1.0, 1.0, bare=True),
         "F": Unit("fahrenheit", "temperature", 5 / 9, 5 / 9, _OFFSETS["fahrenheit"], bare=True)}  # fmt: skip
_END = r"(?![A-Za-z0-9²³])"
_PATTERNS = tuple(re.compile(rf"(?i:{pattern}){_END}") for *_, pattern in _TABLE)
_BARE_PATTERN = re.compile(rf"([CF]){_END}")
_AT_START = re.compile(r"\s*(?:-\s*)?")


@lru_cache(maxsize=1 << 16)
def read_unit(text: str) -> tuple[Unit, int] | None:
    """The unit that `text` starts with (after spaces or a hyphen: "10-km"), and where it ends.

    The longest unit written there wins ("square miles" over "square", "km/h" over "km").
    """
    lead = _AT_START.match(text)
    start = lead.end() if lead else 0
    best: tuple[Unit, int] | None = None
    for unit, pattern in zip(UNITS, _PATTERNS, strict=True):
        found = pattern.match(text, start)
        if found and (best is None or found.end() > best[1]):
            best = unit, found.end()
    if best is None:
        bare = _BARE_PATTERN.match(text, start)
        if bare:
            best = _BARE[bare.group(1)], bare.end()
    return best


_NUMBER_END = re.compile(
    r"\d(?!\d)|(?<![A-Za-z])(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
    r"ninety|hundred|thousand|million|billion|dozen|half)(?![A-Za-z])",
    re.IGNORECASE,
)
"""Where a number ends: a digit, or a number word ("two days", "five and a half weeks")."""


@lru_cache(maxsize=1 << 16)
def unit_of(text: str) -> Unit | None:
    """The unit a figure's text ends with ("about 10 km", "30C", "-5 °C", "two days");
    None for a count; a sum of money has no unit ("$5 m" is millions)."""
    if any(mark in text for mark in "$€£¥"):
        return None
    if _LONE_METRE.fullmatch(text):
        return METRE
    for number in _NUMBER_END.finditer(text):
        # Units follow the number: try every place right after one.
        rest = text[number.end() :]
        if rest[:1] in (",", "."):
            continue
        found = read_unit(rest)
        if found is not None and not rest[found[1] :].strip(" ."):
            return found[0]
    return None


def last_place(value: float) -> int:
    """The place of a figure's last digit other than zero, within float rounding: 2 for
    300, 0 for 73, -1 for 6.2, 5 for 4.1 million (4,099,999.99... as parsed); -6 at the
    finest, and for zero."""
    x = abs(value)
    for k in range(15, -7, -1):
        scaled = x / 10**k
        if round(scaled) != 0 and abs(scaled - round(scaled)) <= 1e-9 * max(scaled, 1.0):
            return k
    return -6


def step(value: float) -> float:
    """The precision a figure is written to: the place of its last digit other than
    zero, but with at least two significant digits counted as meant ("10" is 10 ± 0.5,
    "3,000" 3,000 ± 50, "6.2" 6.2 ± 0.05)."""
    x = abs(value)
    if x == 0:
        return 1.0
    place = last_place(x)
    if place > 0:
        place = min(place, max(math.floor(math.log10(x)) - 1, 0))
    return float(10**place)
