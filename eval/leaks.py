"""Find internal text in a public response: every internal line that does not also occur in public text."""

from __future__ import annotations

import re
from collections.abc import Iterable

from kb.model import Article

MIN_FRAGMENT = 12


def internal_fragments(articles: Iterable[Article]) -> list[str]:
    """Lines of internal text (list and table markup stripped) that never occur in public text."""
    articles = list(articles)
    public = "\n".join(s.body for a in articles for s in a.public_sections)
    fragments: list[str] = []
    for article in articles:
        for section in article.internal_sections:
            for line in section.body.splitlines():
                line = re.sub(r"^[-*|\s]+|[|\s]+$", "", line).strip()
                if len(line) >= MIN_FRAGMENT and line not in public:
                    fragments.append(line)
    return fragments


def leaked(text: str, fragments: Iterable[str]) -> list[str]:
    return [f for f in fragments if f in text]
