"""Greetings, closings and fillers out of a question before it is searched and cut into parts.

A resident on the phone or in the chat starts with "Goedemorgen, met mevrouw Bakker." and ends with "Groetjes,
Sanne". Cut at its sentences (:mod:`kcc.multipart`), such a question had a part "Goedemorgen, met mevrouw Bakker"
or "Groetjes, Sanne" of its own, and a part is answered from whatever article it lands on. The words are data, in
``kcc/data/aanhef.yaml`` (``KCC_COURTESY_FILE``), in Dutch and English: editors extend them without code.

Example::

    courtesy = Courtesy.load()
    courtesy.remove("Hallo, met Jan. Ehm, wanneer komt het oud papier? Groetjes, Jan")
    # "Wanneer komt het oud papier?"
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from kcc.privacy.cues import load_cues
from kcc.word_files import read_word_file

DEFAULT_FILE = Path(__file__).resolve().parent / "data" / "aanhef.yaml"
LISTS = ("aanhef", "aangesproken", "spreker", "afsluiting", "opvulling")
MIN_WORDS = 2  # what stays must still ask something; else the question is searched as it was written
CLOSING_REACH = 120  # characters from the end in which a closing with its name is looked for
NAME_WORDS = 4  # at most this many words of a name ("Groet, Henk de Vries", "met mevrouw van der Berg")
_CAPITALISED = r"[A-Z\u00C0-\u00DE][\w'-]*"


def _name(titles: Iterable[str], particles: Iterable[str]) -> str:
    """A written name: capitalised words, with the particles of surnames between them and a person's title before
    them (the privacy cues' own lists, ``kcc/data/privacy.yaml``); case-sensitive inside the case-blind patterns."""
    title, particle = _alternatives(titles), _alternatives(particles)
    return (rf"(?-i:(?:(?:{title}|{particle})\s+)*{_CAPITALISED}"
            rf"(?:\s+(?:(?:{particle})\s+)*{_CAPITALISED}){{0,{NAME_WORDS - 1}}})")


class CourtesyFileError(ValueError):
    """The word file cannot be used; the message (Dutch) names the file and the fix."""


def _alternatives(phrases: Iterable[str]) -> str:
    ordered = sorted({p.strip().lower() for p in phrases if p and p.strip()}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(word) for word in phrase.split()) for phrase in ordered) or r"(?!)"


class Courtesy:
    def __init__(self, greetings: Iterable[str], addressees: Iterable[str], speakers: Iterable[str],
                 closings: Iterable[str], fillers: Iterable[str], name: str):
        """:param name: the pattern of a written name (:func:`_name`)."""
        greeting, addressee, speaker = _alternatives(greetings), _alternatives(addressees), _alternatives(speakers)
        filler = _alternatives(fillers)
        word = r"(?<![\w-])(?:{})(?![\w-])"
        # "Ja, goedemiddag." / "Hello, goedemorgen, ik ..." / "Beste gemeente," / "Dag meneer, ..." /
        # "Goedemorgen, met mevrouw Bakker." (a speaker only up to the sentence's end)
        self._opening = re.compile(
            r"^\s*(?:(?:" + word.format(filler) + r"|" + word.format(greeting) + r")(?:\s+" + word.format(addressee)
            + r")?(?:\s*[,.!]\s*|\s+(?=" + word.format(greeting) + r"))(?:" + word.format(speaker)
            + r"\s+" + name + r"\s*[,.!]\s*)?)+", re.IGNORECASE)
        self._filler = re.compile(r"(^|[.!?]\s+)" + word.format(filler) + r"\s*,\s*", re.IGNORECASE)
        self._closing = re.compile(
            r"[\s,.!]*(?:" + word.format(_alternatives(closings)) + r")(?:[\s,!]+" + name + r")?[\s.!]*$",
            re.IGNORECASE)

    @classmethod
    def load(cls, file: Path | None = None) -> Courtesy:
        """:raises CourtesyFileError: an unreadable file, invalid YAML, or a list that is no list of words."""
        path = file or DEFAULT_FILE
        data = read_word_file(path, CourtesyFileError, "aanhef en afsluiting", "KCC_COURTESY_FILE")
        lists = {key: data.get(key) or [] for key in LISTS} if isinstance(data, dict) else {}
        if not lists or any(not isinstance(v, list) or not all(isinstance(w, str) for w in v) for v in lists.values()):
            raise CourtesyFileError(f"{path}: verwacht de lijsten {', '.join(LISTS)}, elk een lijst van woorden.")
        cues = load_cues()
        return cls(*(lists[key] for key in LISTS), name=_name(cues.title_cues, cues.particles))

    def remove(self, question: str) -> str:
        """``question`` without its greeting, closing and fillers; as it was when little else is left."""
        text = self._opening.sub("", question)
        # a closing is at the end: only the tail is searched (a long run of punctuation cost quadratic time)
        if closing := self._closing.search(text, max(0, len(text) - CLOSING_REACH)):
            text = text[:closing.start()]
        text = self._filler.sub(lambda m: m.group(1), text).strip(" ,")
        if len(re.findall(r"[^\W\d_]+", text)) < MIN_WORDS:
            return question
        return text[:1].upper() + text[1:] if question[:1].isupper() else text
