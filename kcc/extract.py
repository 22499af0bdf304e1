"""The asked fact first: the few sentences of approved article text that answer the question.

Extractive only: the short answer is a selection of whole sentences, list items or table rows that an
editor wrote, never new text. Units are scored by the question's word stems they share (weighted by how
rare the stem is in the KB, so "paspoort" counts less than "vingerafdrukken" in a KB full of passports),
plus the answer kind the question asks for (a price question favours a sentence with an amount, in a
section whose heading is about costs).

Example::

    short = shortest_answer(question, sections, asked_intents, idf)   # "U betaalt € 84,45 ..."
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kb.model import Section
from kcc.intents import Intent, stems, tokens

MAX_WORDS = 60
MAX_UNITS = 3
RELATIVE = 0.6  # a further unit joins when it scores at least this share of the best one
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9€\"'(])")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}")


@dataclass(frozen=True)
class Unit:
    """A sentence, list item or table (as Markdown) in a section, with its position."""

    markdown: str
    section: int
    position: int

    @property
    def words(self) -> int:
        return len(self.markdown.split())


def units(section_body: str, section: int) -> list[Unit]:
    found: list[str] = []
    for block in re.split(r"\n\s*\n", section_body.strip()):
        lines = [line for line in block.splitlines() if line.strip()]
        if lines and all(line.strip().startswith("|") for line in lines):
            found.append("\n".join(lines))  # a table is one unit: its rows mean little apart
            continue
        paragraph: list[str] = []
        for line in lines:
            if LIST_ITEM.match(line):
                if paragraph:
                    found.extend(SENTENCE_END.split(" ".join(paragraph)))
                    paragraph = []
                found.append(line.strip())
            else:
                paragraph.append(line.strip())
        if paragraph:
            found.extend(SENTENCE_END.split(" ".join(paragraph)))
    return [Unit(text.strip(), section, i) for i, text in enumerate(found) if text.strip()]


def stem_df(texts: Iterable[str]) -> tuple[dict[str, int], int]:
    """How many of ``texts`` hold each stem, and how many texts there are."""
    df: Counter[str] = Counter()
    n = 0
    for text in texts:
        n += 1
        df.update(set(stems(text)))
    return dict(df), n


def idf_from_df(df: dict[str, int], n: int) -> dict[str, float]:
    return {s: math.log(1 + n / count) for s, count in df.items()}


def stem_idf(texts: Iterable[str]) -> dict[str, float]:
    """Inverse document frequency of every stem over ``texts`` (e.g. the KB's public sections)."""
    return idf_from_df(*stem_df(texts))


def _score(unit: Unit, question_stems: set[str], intents: Sequence[Intent], heading_hits: set[int],
           idf: dict[str, float], default_idf: float) -> float:
    unit_tokens = tokens(unit.markdown)
    overlap = sum(idf.get(s, default_idf) for s in question_stems & {s for _, s in unit_tokens})
    kind = sum(1 for intent in intents if intent.matches_sentence(unit_tokens))
    return overlap + default_idf * (kind + (unit.section in heading_hits))


def best_units(question: str, sections: Sequence[Section], intents: Sequence[Intent],
               idf: dict[str, float], max_words: int = MAX_WORDS) -> list[Unit]:
    """The units that answer ``question`` best, best first, within ``max_words`` where the text allows (one
    unit always, even a longer one); ``Unit.section`` is the index in ``sections``."""
    candidates = [u for i, s in enumerate(sections) for u in units(s.body, i)]
    if not candidates:
        return []
    default_idf = max(idf.values(), default=1.0)
    question_stems = set(stems(question))
    heading_hits = {i for i, s in enumerate(sections) if any(t.matches_heading(s.heading) for t in intents)}
    # each unit scored once (the answer path runs this for every block)
    scored = sorted(((_score(u, question_stems, intents, heading_hits, idf, default_idf), u) for u in candidates),
                    key=lambda pair: (-pair[0], pair[1].section, pair[1].position))
    best, first = scored[0]
    chosen = [first]
    total = first.words
    for score, unit in scored[1:]:
        if len(chosen) >= MAX_UNITS:
            break
        if score <= 0 or score < best * RELATIVE or total + unit.words > max_words:
            continue
        chosen.append(unit)
        total += unit.words
    return chosen


def shortest_answer(question: str, sections: Sequence[Section], intents: Sequence[Intent],
                    idf: dict[str, float], max_words: int = MAX_WORDS) -> str:
    """Markdown of :func:`best_units`, best first: the answer opens with the unit that answers most directly."""
    return "\n\n".join(unit.markdown for unit in best_units(question, sections, intents, idf, max_words))
