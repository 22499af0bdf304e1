"""Numbers and letters read out in words, as a transcript of a call or a resident typing as they speak writes them:
"bsn is zes nul negen, nul negen vier, vier zes vier", "postcode drie nul drie zes k a", "kenteken twee drie x b r
negen", "en el negenentachtig knab drie vier ...". ``text2num`` reads the Dutch number words ("negenhonderd-
vierenvijftig", "tweeduizend negen", "negentien zesentachtig"); a letter is a single letter or its Dutch name ("el",
"kaa", from ``letternaam`` in ``kcc/data/privacy.yaml``). So are a scanned letter's digits that OCR read as letters
("0l-O5-2O24") or with spaces ("1 1 - 0 4 - 1 9 5 5"). Each run of them is written out in a copy of the text
("609094464", "3036KA", "23XBR9", "01-05-2024"), the finders of the masker read the copy, and what they find is
mapped back onto the words it came from.

Usage::

    spoken = read_out("mijn bsn is zes nul negen nul negen vier vier zes vier")
    spoken.text                       # 'mijn bsn is 609094464'
    spoken.original(12, 21)           # (12, 54): the words of the number
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from text_to_num import alpha2digit

from kcc.privacy.cues import Cues

_TOKEN = re.compile(r"[^\W\d_]+")
# only these may be in a run, between its words: spaces and the pauses a transcript writes
_BETWEEN = re.compile(r"[ \t]*[,.-]?[ \t]+|[ \t]*[,-][ \t]*")
# a cheap look before text2num is asked: Dutch number words hold one of these
_NUMBER_STEM = re.compile(r"nul|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|tig|honderd|duizend",
                          re.IGNORECASE)
_PLUS = "plus"


@cache
def _a_number_word(word: str) -> bool:
    """Whether ``word`` is a Dutch number word on its own ("twaalf", "vierenvijftig") or in a row of them ("een",
    "nul": alone they are an article and a word)."""
    lower = word.lower()
    if lower in ("een", "één", "nul"):
        return True
    return bool(_NUMBER_STEM.search(lower)) and alpha2digit(lower, "nl", threshold=0).isdigit()


@dataclass(frozen=True)
class Spoken:
    """A copy of a text with its read-out numbers and letters written out, and the way back."""

    text: str
    # per run, sorted: (start in the copy, end in the copy, start in the text, end in the text)
    runs: tuple[tuple[int, int, int, int], ...]

    def _back(self, at: int, end: bool) -> int:
        index = bisect_right([run[0] for run in self.runs], at) - 1
        if index < 0:
            return at
        copy_start, copy_end, start, stop = self.runs[index]
        if at < copy_end or (end and at == copy_end):
            return stop if end and at > copy_start else start
        return at - copy_end + stop

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The span of the text that ``start:end`` of the copy stands for: a find that touches a run covers all
        of its words."""
        return self._back(start, end=False), self._back(end, end=True)


def _written(words: list[str], cues: Cues) -> str:
    """A run's words written out: its number words' digits (read together, so "tweeduizend negen" is 2009), its
    letters in capitals, "plus" as "+"."""
    parts: list[str] = []
    numbers: list[str] = []
    for word in words + [""]:
        if word and _a_number_word(word):
            numbers.append(word.lower())
            continue
        if numbers:
            parts.append(re.sub(r"\D", "", alpha2digit(" ".join(numbers), "nl", threshold=0)))
            numbers = []
        if word:
            lower = word.lower()
            parts.append("+" if lower == _PLUS else cues.letter_names.get(lower, lower).upper())
    return "".join(parts)


def _word_runs(text: str, cues: Cues) -> list[tuple[int, int, str]]:
    """Runs of read-out numbers: two words or more, at least one of them a number word (so "een" alone stays an
    article); letters count only beside number words ("twaalf a", "k vier een twee t f")."""
    tokens = [m for m in _TOKEN.finditer(text)]
    if not any(_a_number_word(m.group()) for m in tokens if m.group().lower() not in ("een", "één", "nul")):
        return []
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    for token in tokens:
        word = token.group().lower()
        fits = _a_number_word(word) or len(word) == 1 or word in cues.letter_names or (word == _PLUS and not current)
        joined = current and _BETWEEN.fullmatch(text, current[-1].end(), token.start())
        if fits and (not current or joined):
            current.append(token)
            continue
        runs.append(current)
        current = [token] if fits else []
    runs.append(current)
    found = []
    for run in runs:
        while run and not _a_number_word(run[-1].group()) and len(run[-1].group()) > 1:
            run = run[:-1]  # a letter's name ends no run ("drie en")
        numbers = [t for t in run if _a_number_word(t.group())]
        if not numbers or all(t.group().lower() in ("een", "één", "nul") for t in numbers) and len(run) < 2:
            continue
        if len(run) < 2 and not cues.month_after.match(text, run[0].end()) or any(
                t.group().lower() in ("een", "één") for t in run) and len(numbers) < 2:
            continue  # one number word is a count ("drie weken"), but a day before a month is a date's
        found.append((run[0].start(), run[-1].end(), _written([t.group() for t in run], cues)))
    return found


# a scanned letter's digits: letters OCR reads for digits in a date or number with separators ("0l-O5-2O24",
# "08-O2-1936"), and digits read one by one with spaces ("1 1 - 0 4 - 1 9 5 5")
_OCR_NUMBER = re.compile(r"(?<![\w])(?=[\dOolI|]*\d)(?=[\d/.-]*[OolI|])[\dOolI|]{1,4}(?:[-/.][\dOolI|]{1,4}){1,3}"
                         r"(?![\w])")
_SPACED_DIGITS = re.compile(r"(?<![\w-])\d(?:[ ]\d)+(?:[ ]?[-/.][ ]?\d(?:[ ]\d)*)+(?![\w-])|(?<![\w-])\d(?:[ ]\d){5,}"
                            r"(?![\w-])")
_OCR_DIGITS = str.maketrans("OolI|", "00111")


def _line(text: str, at: int) -> str:
    """The line of ``text`` that ``at`` is on."""
    end = text.find("\n", at)
    return text[text.rfind("\n", 0, at) + 1:end if end >= 0 else len(text)]


def _scanned_runs(text: str) -> list[tuple[int, int, str]]:
    """Numbers as a scan reads them, written as they were meant: "0l-O5-2O24" as "01-05-2024", "1 1 - 0 4 - 1 9 5 5"
    as "11-04-1955"; not a bar between a table's cells ("1990-11-02|6-KRN-15" in a line with more bars)."""
    found = [(m.start(), m.end(), m.group().translate(_OCR_DIGITS)) for m in _OCR_NUMBER.finditer(text)
             if "|" not in m.group() or _line(text, m.start()).count("|") < 2]
    found += [(m.start(), m.end(), m.group().replace(" ", "")) for m in _SPACED_DIGITS.finditer(text)]
    return found


def read_out(text: str, cues: Cues) -> Spoken | None:
    """The copy of ``text`` with every run of read-out numbers (``_word_runs``) and of a scan's digits
    (``_scanned_runs``) written out, or None when there is none."""
    runs = sorted(_word_runs(text, cues) + _scanned_runs(text))
    pieces: list[str] = []
    mapped: list[tuple[int, int, int, int]] = []
    at = copy_at = 0
    for start, end, written in runs:
        if start < at:
            continue  # overlaps the run before
        pieces += [text[at:start], written]
        copy_start = copy_at + start - at
        mapped.append((copy_start, copy_start + len(written), start, end))
        copy_at, at = copy_start + len(written), end
    if not mapped:
        return None
    pieces.append(text[at:])
    return Spoken("".join(pieces), tuple(mapped))
