"""Editorial checks on top of loading: review due dates and long sentences, with nothing but ``kb`` itself.

``kcc lint`` runs the full checks of ``kcc.editorial.checks`` instead (readability score, jargon, passive voice,
facts that disagree, duplicates, broken links); ``kb`` may not import ``kcc``, so this small set stays here for
callers that only have the knowledge base package.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from kb.loader import LoadResult, Problem, load_kb
from kb.model import Article

LONG_SENTENCE_WORDS = 25
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+")
LIST_MARKER = re.compile(r"^([-*+]|\d+[.)])\s+")


def _months_between(earlier: date, later: date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month - (later.day < earlier.day)


def review_problems(article: Article, review_months: int, today: date) -> list[Problem]:
    if article.reviewed is None:
        return []
    age = _months_between(article.reviewed, today)
    if age >= review_months:
        return [Problem(article.path, 1, f"laatste controle {article.reviewed.isoformat()} is {age} maanden geleden "
                                         f"(norm: {review_months}).",
                        "controleer de inhoud en zet 'reviewed' op de datum van vandaag.", "warning")]
    return []


def readability_problems(article: Article) -> list[Problem]:
    """Flag sentences that are long for B1 (a signal for the editor, not a verdict)."""
    problems = []
    for section in article.public_sections:
        for sentence in _sentences(section.body):
            words = sentence.split()
            if len(words) > LONG_SENTENCE_WORDS:
                problems.append(Problem(article.path, section.line,
                                        f"lange zin ({len(words)} woorden) in '{section.heading}': "
                                        f"'{' '.join(words[:8])} ...'.",
                                        f"schrijf voor taalniveau B1: zinnen van hoogstens {LONG_SENTENCE_WORDS} "
                                        "woorden.", "warning"))
    return problems


def _sentences(markdown: str) -> list[str]:
    """Sentences of running text: list items and lines stand alone, table rows are skipped."""
    sentences = []
    for line in markdown.splitlines():
        line = LIST_MARKER.sub("", line.strip())
        if not line or line.startswith("|"):
            continue
        sentences.extend(s for s in SENTENCE_SPLIT.split(line) if s)
    return sentences


def lint_kb(kb_dir: Path, *, review_months: int = 12, today: date | None = None) -> LoadResult:
    """Load the KB and add editorial warnings to the loader's findings."""
    result = load_kb(kb_dir)
    today = today or date.today()
    for article in result.articles:
        result.warnings.extend(review_problems(article, review_months, today))
        result.warnings.extend(readability_problems(article))
    return result
