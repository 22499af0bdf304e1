"""Unit tests of answer composition around the search core (a scripted searcher: no index needed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from haystack.dataclasses import SparseEmbedding

from ingest.stores.base import StoreFilter
from kb.loader import load_article
from kcc.answer import AnswerService, QuestionError, intent_headings, select_sections
from kcc.search import Retrieval, SectionHit
from kcc.settings import Settings
from tests.conftest import SMALL_KB


def hit(article_id: str, section_index: int, section: str, rank: int, audience: str = "public", score: float = 0.9):
    return SectionHit(article_id=article_id, title=article_id, section=section, section_index=section_index,
                      text="", audience=audience, source="article", score=score, rank=rank)


class ScriptedSearcher:
    """Returns fixed hits. Article titles (the confidence calibration) score 0.9, questions ``dense_score``."""

    TITLE_SCORE = 0.9
    embedder = None  # no out-of-scope examples in these tests (they are tested with the real embedder)

    def __init__(self, hits, dense_score, titles=("Paspoort aanvragen",)):
        self.hits, self.dense_score, self.titles = hits, dense_score, titles

    def retrieve(self, question, **_):
        score = self.TITLE_SCORE if question in self.titles else self.dense_score
        return Retrieval(hits=self.hits, dense=[score], sparse=SparseEmbedding(indices=[1], values=[1.0]),
                         filter=StoreFilter())

    def top_hit(self, retrieval, mode):
        top = self.hits[0] if self.hits else SectionHit("x", "x", "x", 0, "", "public", "article", 0.0, 1)
        return SectionHit(**{**top.__dict__, "score": retrieval.dense[0]})

    def requery(self, retrieval, **_):
        return self.hits


@pytest.fixture
def paspoort(tmp_path):
    path = tmp_path / "paspoort.md"
    path.write_text(SMALL_KB["paspoort"], encoding="utf-8")
    return load_article(path)[0]


def test_intents_are_read_from_the_question():
    assert intent_headings("wat kost een paspoort") == [("kost", "tarief", "prijs", "bedrag")]
    assert intent_headings("Wat moet ik meenemen en wat kost het?")[0][0] == "kost"
    assert intent_headings("ik ben mijn paspoort kwijt") == []


def test_price_question_gets_the_cost_section_even_if_another_ranks_first(paspoort):
    hits = [hit("paspoort", 0, "Wat is het?", 1), hit("paspoort", 1, "Wat kost het?", 2)]
    chosen = select_sections(paspoort, hits, "hoeveel moet ik betalen")
    assert [s.heading for s in chosen] == ["Wat is het?", "Wat kost het?"]  # in article order, cost included
    only_cost = select_sections(paspoort, [hits[1]], "hoeveel moet ik betalen")
    assert [s.heading for s in only_cost] == ["Wat kost het?"]
    assert [s.heading for s in select_sections(paspoort, hits, "paspoort verlopen")] == ["Wat is het?",
                                                                                          "Wat kost het?"]


def test_internal_sections_are_never_selected_for_the_answer(paspoort):
    hits = [hit("paspoort", 2, "Interne informatie (alleen KCC)", 1, audience="internal")]
    chosen = select_sections(paspoort, hits, "spoed toestel")
    assert all(not s.internal for s in chosen)


def make_service(paspoort, hits, dense_score):
    settings = Settings(kb_dir=Path("unused"), data_dir=Path("unused"), out_of_scope_file=None)
    return AnswerService(ScriptedSearcher(hits, dense_score), {"paspoort": paspoort}, settings)


def test_low_confidence_gives_no_answer_with_the_general_referral(paspoort):
    service = make_service(paspoort, [hit("paspoort", 1, "Wat kost het?", 1)], dense_score=0.8)
    result = service.answer("iets heel anders", channel="web", agent=False)
    assert result.status == "no_answer" and result.answer is None and result.sources == []
    assert "14 0456" in result.referral.how and "maandag" in result.referral.how


def test_agents_get_notes_the_public_never_does(paspoort):
    hits = [hit("paspoort", 1, "Wat kost het?", 1), hit("paspoort", 2, "Interne informatie (alleen KCC)", 2,
                                                         audience="internal")]
    service = make_service(paspoort, hits, dense_score=0.95)
    public = service.answer("wat kost een paspoort", channel="web", agent=False)
    agent = service.answer("wat kost een paspoort", channel="phone", agent=True)
    assert public.status == "answered" and public.internal_notes == []
    assert public.answer == agent.answer and public.sources == agent.sources
    assert [n.section for n in agent.internal_notes] == ["Interne informatie (alleen KCC)"]
    assert "4101" in agent.internal_notes[0].markdown and "4101" not in public.answer.markdown


@pytest.mark.parametrize(("question", "channel", "code"), [("", "web", "empty_question"),
                                                            ("x" * 501, "web", "question_too_long"),
                                                            ("paspoort", "sms", "unknown_channel")])
def test_bad_questions_raise_a_coded_error(paspoort, question, channel, code):
    service = make_service(paspoort, [], dense_score=0.0)
    with pytest.raises(QuestionError) as info:
        service.answer(question, channel=channel, agent=False)
    assert info.value.code == code
