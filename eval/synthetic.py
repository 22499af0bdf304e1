"""A synthetic KB of any size, made from a real KB's structure and vocabulary (``kcc bench``).

Article ``k`` is a copy of source article ``k mod n`` for the ``k // n``-th district ("wijk"): the same
type, owner, headings and section sizes, a title and keywords with the district's name, and every amount
and number of days changed a little, so no two articles say the same thing. Questions for the load tests
are the source KB's own training questions (titles, keywords, headings) with a district's name, so each
is distinct.

Example::

    articles = synthetic_articles(load_kb(Path("kb/articles")).articles, 1000)
    write_kb(articles, Path("/tmp/kb-1000"))
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import zip_longest
from pathlib import Path

import yaml

from kb.model import Article, Section
from kcc.calibration import training_questions

AMOUNT = re.compile(r"€\s?(\d{1,3}(?:\.\d{3})*),(\d{2})")
DAYS = re.compile(r"\b(\d{1,3})( (?:werk)?dagen)\b")
SYLLABLES = ("lin", "de", "waard", "bur", "gen", "hoef", "dijk", "veen", "meer", "horst", "dam", "berg", "broek")


def district(k: int) -> str:
    """A pronounceable, unique district name for every k ("Wijk Lindehoef", "Wijk Burgendam-2", ...)."""
    a, b = SYLLABLES[k % len(SYLLABLES)], SYLLABLES[(k // len(SYLLABLES)) % len(SYLLABLES)]
    rest = k // (len(SYLLABLES) ** 2)
    return f"Wijk {a.capitalize()}{b}" + (f"-{rest}" if rest else "")


def _vary(text: str, k: int) -> str:
    factor = 1 + (k % 17) / 100

    def amount(match: re.Match) -> str:
        cents = round((int(match.group(1).replace(".", "")) * 100 + int(match.group(2))) * factor)
        return f"€ {cents // 100:,}".replace(",", ".") + f",{cents % 100:02d}"

    text = AMOUNT.sub(amount, text)
    return DAYS.sub(lambda m: f"{int(m.group(1)) + k % 5}{m.group(2)}", text)


def synthetic_articles(source: Sequence[Article], size: int) -> list[Article]:
    base = sorted((a for a in source if a.extra.get("source", "article") == "article"), key=lambda a: a.id)
    if not base:
        raise ValueError("the source KB has no articles")
    made = []
    for k in range(size):
        article = base[k % len(base)]
        round_ = k // len(base)
        name = district(round_)
        sections = tuple(Section(s.heading, _vary(s.body, k), s.line, s.internal) for s in article.sections)
        made.append(replace(article, id=f"{article.id}-{round_:05d}", title=f"{article.title} ({name})",
                            keywords=(*article.keywords, name.lower()), sections=sections,
                            url=f"https://example.org/{article.id}-{round_:05d}", path=Path(f"{k}.md")))
    return made


def write_kb(articles: Sequence[Article], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for article in articles:
        front = {"id": article.id, "title": article.title, "type": article.type, "audience": article.audience,
                 "owner": article.owner, "keywords": list(article.keywords)}
        for key in ("upl", "url", "referral"):
            if getattr(article, key):
                front[key] = getattr(article, key)
        if article.reviewed:
            front["reviewed"] = article.reviewed.isoformat()
        body = "\n\n".join(f"## {s.heading}\n{s.body}" for s in article.sections)
        text = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n" + body + "\n"
        (folder / f"{article.id}.md").write_text(text, encoding="utf-8")
    return folder


def questions(articles: Sequence[Article], count: int) -> list[str]:
    """Up to ``count`` distinct questions about the synthetic articles (each names its article's district),
    taken round-robin so that the first ones cover as many articles as possible."""
    per_article = []
    for article in articles[:count]:
        name = article.keywords[-1] if article.keywords else ""
        made = training_questions([article], per_article=8, max_articles=1)
        per_article.append([q if name in q.lower() else f"{q} {name}" for q in made])
    interleaved = [q for round_ in zip_longest(*per_article) for q in round_ if q]
    return list(dict.fromkeys(interleaved))[:count]
