"""Cue words that say what a number or a date is ("zaaknummer 123456789", "geboren op 3 mei 1980"): language data
in ``kcc/data/privacy.yaml``, read once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

import yaml

CUES_FILE = Path(__file__).resolve().parent.parent / "data" / "privacy.yaml"
KINDS = ("bsn", "referentie", "iban", "geboortedatum", "kenteken", "postcode")
_ENDING = "nummer"
_LETTER = r"[^\W\d_]"
# what may stand between a cue and what it names: "zaaknummer: 1234", "geboren op 3 mei", "kenmerk van de brief is"
_GAP = re.compile(r"[^\d\n]{0,40}")
_MAX_GAP_WORDS = 4


@dataclass(frozen=True)
class Cues:
    """Which kind of cue, if any, names the number or date that starts at a position.

    Example::

        cues = load_cues()
        cues.before("zaaknummer 123456782", 11, ("bsn", "referentie"))   # 'referentie'
    """

    pattern: re.Pattern[str]
    not_postcode: frozenset[str]
    house_additions: tuple[str, ...]
    not_names: frozenset[str]
    street: re.Pattern[str]

    @classmethod
    def from_file(cls, path: Path = CUES_FILE) -> Cues:
        """:raises ValueError: a kind is missing or is not a list of words."""
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}

        def words(key: str) -> list[str]:
            value = data.get(key)
            if not isinstance(value, list) or not value:
                raise ValueError(f"{path}: '{key}' must be a list of words")
            return sorted((str(w) for w in value), key=len, reverse=True)  # the longest first: "geb." before "geb"

        def either(values: list[str]) -> str:
            return "|".join(re.escape(v) for v in values)

        groups = "|".join(f"(?P<{kind}>{either(words(kind))})" for kind in KINDS)
        # a word of the lists, alone or at the end of a compound ("WOZ-aanslag", "betalingskenmerk"), with an
        # ending or not ("bsn-nummer", "zaaknr"); then any other compound with an ending ("objectnummer")
        endings = either(words(_ENDING))
        pattern = re.compile(rf"(?<!{_LETTER})(?:(?:{_LETTER}+-?)??(?:{groups})(?:[ -]?(?:{endings}))?"
                             rf"|(?P<{_ENDING}>{_LETTER}{{2,}}-?(?:{endings})))(?!{_LETTER})",
                             re.IGNORECASE)
        return cls(pattern, frozenset(w.lower() for w in words("geen_postcode")),
                   tuple(words("huisnummer_toevoeging")), frozenset(w.lower() for w in words("geen_naam")),
                   re.compile(rf"{_LETTER}{{2}}(?:{either(words('straat_einde'))})$", re.IGNORECASE))

    def before(self, text: str, start: int, kinds: tuple[str, ...]) -> str | None:
        """The kind of the last cue of ``kinds`` before ``start``, when only a few words without digits lie
        between (a cue names the next number, not one further on); else None."""
        window = max(0, start - 80)
        last = None
        for match in self.pattern.finditer(text, window, start):
            if match.lastgroup in kinds or (match.lastgroup == _ENDING and "referentie" in kinds):
                last = match
        if last is None:
            return None
        gap = text[last.end():start]
        if not _GAP.fullmatch(gap) or len(gap.split()) > _MAX_GAP_WORDS:
            return None
        return "referentie" if last.lastgroup == _ENDING else last.lastgroup

    @cached_property
    def house_addition(self) -> re.Pattern[str]:
        """What is written after a house number: "-3", "-III", " b", " bis", " 3 hoog", " unit 4"."""
        words = "|".join(re.escape(a) for a in self.house_additions)
        return re.compile(rf"(?:-[^\W_]{{1,4}}|\s{_LETTER}(?![^\W_]|\.\S)"
                          rf"|\s(?:\d{{1,2}}(?:e|de|ste)?\s)?(?:{words})\.?(?:\s?\d{{1,4}})?)(?![^\W_])",
                          re.IGNORECASE)


@cache
def load_cues() -> Cues:
    return Cues.from_file()
