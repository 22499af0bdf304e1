"""What kind of answer a question asks for (a price, a deadline, what to bring), from an editable cue file.

The cue lists are data, not code: a YAML file (``KCC_INTENTS_FILE``, default ``kcc/data/intenties.yaml``)
that editors extend with their own KB's words. Matching is on Dutch word stems (Snowball), so the cue
"tarief" finds the heading "Tarieven" and the cue "kosten" the heading "Wat kost het?".

Example::

    intents = Intents.from_file(Path("kcc/data/intenties.yaml"))
    asked = intents.asked("Wat moet ik betalen voor een paspoort?")     # [Intent(name="kosten", ...)]
    asked[0].matches_heading("Tarieven")                               # True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import snowballstemmer

from kcc.word_files import read_word_file

WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*|€", re.UNICODE)
DOUBLE_VOWEL = re.compile(r"([aeou])\1")
DEFAULT_INTENTS_FILE = Path(__file__).resolve().parent / "data" / "intenties.yaml"


class IntentsFileError(ValueError):
    """The cue file cannot be used; the message (Dutch) names the file and the fix."""


@lru_cache(maxsize=1)
def _stemmer():
    return snowballstemmer.stemmer("dutch")


def words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    # Snowball gives "dag" but "daag" for "dagen": folding double vowels makes singular and plural meet
    return DOUBLE_VOWEL.sub(r"\1", _stemmer().stemWord(word.lower()))


def stems(text: str) -> list[str]:
    return [stem(w) for w in words(text)]


def tokens(text: str) -> list[tuple[str, str]]:
    """Each word of ``text`` with its stem."""
    return [(w, stem(w)) for w in words(text)]


# A cue word whose stem is a much commoner other word is matched as written: Snowball stems "open" to "op" and
# "eens" to "en", so on stems every question with "op" asked for opening hours (wordfreq's Zipf scale, Dutch)
STEM_CLASH_ZIPF = 1.0
EXACT = "="


@lru_cache(maxsize=4096)
def _cue_word(word: str) -> str:
    from wordfreq import zipf_frequency

    stemmed = stem(word)
    if stemmed != word and zipf_frequency(stemmed, "nl") - zipf_frequency(word, "nl") > STEM_CLASH_ZIPF:
        return EXACT + word
    return stemmed


def _phrase(cue: str) -> tuple[str, ...]:
    return tuple(_cue_word(w) for w in words(cue))


def _contains(haystack: list[tuple[str, str]], phrase: tuple[str, ...]) -> bool:
    """Whether ``phrase`` (stems, or a word as written after ``EXACT``) occurs in a row among ``haystack``'s
    (word, stem) tokens."""
    n = len(phrase)
    return n > 0 and any(all(token[0] == cue[1:] if cue.startswith(EXACT) else token[1] == cue
                             for token, cue in zip(haystack[i:i + n], phrase, strict=True))
                         for i in range(len(haystack) - n + 1))


@dataclass(frozen=True)
class Intent:
    name: str
    question: tuple[tuple[str, ...], ...]
    heading: tuple[tuple[str, ...], ...]
    sentence: tuple[tuple[str, ...], ...]

    def asked_in(self, question_tokens: list[tuple[str, str]]) -> bool:
        return any(_contains(question_tokens, cue) for cue in self.question)

    def matches_heading(self, heading: str) -> bool:
        heading_tokens = tokens(heading)
        return any(_contains(heading_tokens, cue) for cue in self.heading)

    def matches_sentence(self, sentence_tokens: list[tuple[str, str]]) -> bool:
        """:param sentence_tokens: the sentence's :func:`tokens`."""
        return any(_contains(sentence_tokens, cue) for cue in self.sentence)


class Intents:
    """The cue lists of one file, in file order (the first intent a question asks for comes first)."""

    def __init__(self, intents: list[Intent]):
        self.intents = intents

    @classmethod
    def from_file(cls, path: Path | None) -> Intents:
        """:raises IntentsFileError: unreadable file, invalid YAML, or an entry without ``vraag`` cues."""
        path = path or DEFAULT_INTENTS_FILE
        data = read_word_file(path, IntentsFileError, "vraagsoorten", "KCC_INTENTS_FILE")
        if not isinstance(data, dict):
            raise IntentsFileError(f"{path}: verwacht per vraagsoort 'vraag', 'kop' en 'zin' met woordenlijsten.")
        intents = []
        for name, cues in data.items():
            if not isinstance(cues, dict) or not cues.get("vraag"):
                raise IntentsFileError(f"{path}: vraagsoort '{name}' heeft geen lijst 'vraag'. Voeg de woorden "
                                       "toe waaraan u deze vraagsoort herkent.")
            intents.append(Intent(str(name), *(tuple(_phrase(str(c)) for c in cues.get(key) or ())
                                               for key in ("vraag", "kop", "zin"))))
        return cls(intents)

    def asked(self, question: str) -> list[Intent]:
        question_tokens = tokens(question)
        return [intent for intent in self.intents if intent.asked_in(question_tokens)]
