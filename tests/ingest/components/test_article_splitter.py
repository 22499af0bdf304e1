from __future__ import annotations

import pytest

from ingest.components.article_splitter import ArticleSplitter, split_words
from kb.loader import load_article
from tests.conftest import SMALL_KB


def test_init_checks_its_argument():
    assert ArticleSplitter(max_words=50).max_words == 50
    with pytest.raises(ValueError):
        ArticleSplitter(max_words=5)


def test_split_words_keeps_paragraphs_and_cuts_long_ones():
    text = "een twee drie\n\nvier vijf\n\n" + " ".join(f"w{i}" for i in range(25))
    chunks = split_words(text, 10)
    assert chunks[0] == "een twee drie\n\nvier vijf"
    assert all(len(c.split()) <= 10 for c in chunks)
    assert " ".join(chunks).split() == text.split()


def test_one_document_per_section_with_title_heading_and_audience(tmp_path):
    path = tmp_path / "paspoort.md"
    path.write_text(SMALL_KB["paspoort"], encoding="utf-8")
    article, _ = load_article(path)
    docs = ArticleSplitter().run(articles=[article])["documents"]
    assert [d.meta["section"] for d in docs] == ["Wat is het?", "Wat kost het?", "Interne informatie (alleen KCC)"]
    assert [d.meta["audience"] for d in docs] == ["public", "public", "internal"]
    assert docs[1].content.startswith("Paspoort aanvragen - Wat kost het?\nreisdocument, pas\n\n")
    assert docs[1].meta["body"] == "Een paspoort voor volwassenen kost € 84,45."
    assert {d.meta["article_hash"] for d in docs} == {article.hash}
    assert docs[1].id == f"paspoort:1:0:{article.hash}"
    assert all(d.meta[k] for d in docs for k in ("article_id", "type", "owner", "source", "section_hash"))


def test_internal_article_makes_only_internal_documents(tmp_path):
    path = tmp_path / "doorverbindlijst.md"
    path.write_text(SMALL_KB["doorverbindlijst"], encoding="utf-8")
    article, _ = load_article(path)
    docs = ArticleSplitter().run(articles=[article])["documents"]
    assert docs and all(d.meta["audience"] == "internal" for d in docs)
