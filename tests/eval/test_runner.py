"""The runner's bookkeeping, with a scripted client (the real core is evaluated by `kcc eval` in CI)."""

from __future__ import annotations

import json

from eval.experiment import check_against_baseline, write_baseline
from eval.gold import GoldQuestion
from eval.report import write_report
from eval.runner import percentile, run_gold


def q(id_, kind, gold=(), facts=(), channel="chat"):
    return GoldQuestion(id_, f"vraag {id_}", channel, tuple(gold), tuple(facts), kind)


class ScriptedClient:
    def __init__(self, answers, ranks, internal_notes="", drift_channel=None, blocks=None):
        self.answers, self.ranks, self.notes, self.drift = answers, ranks, internal_notes, drift_channel
        self.blocks = blocks or {}  # question -> the answer's articles, when more than the ranking's first

    def answer(self, question, channel, agent):
        text = self.answers.get(question)
        first = self.blocks.get(question) or self.ranks.get(question, [])[:1]
        body = {"status": "answered" if text else "no_answer",
                "answer": {"id": "x", "markdown": text, "text": text, "html": text,
                           "short": text.split(".")[0]} if text else None,
                "sources": [{"article_id": a} for a in first] if text else [], "referral": None,
                "confidence": 0.9 if text else 0.1,
                "internal_notes": [{"markdown": self.notes}] if agent else []}
        if channel == self.drift and text:
            body["answer"] = {**body["answer"], "id": "other"}
        return body

    def rank(self, question, agent, top_k):
        return self.ranks.get(question, [])[:top_k]


QUESTIONS = [q("1", "direct", ["a"], ["€ 10"]), q("2", "paraphrase", ["b"], ["5 dagen"]),
             q("3", "out_of_scope"), q("4", "out_of_scope"), q("5", "internal", ["c"], ["toestel 4418"])]


def make_client(**kwargs):
    answers = {"vraag 1": "Het kost € 10.", "vraag 2": "Binnen 3 dagen.", "vraag 4": "Een gok",
               "vraag 5": "Publiek antwoord"}
    ranks = {"vraag 1": ["a", "b"], "vraag 2": ["a", "x", "b"], "vraag 5": ["c"]}
    return ScriptedClient(answers, ranks, internal_notes="Bel toestel 4418.", **kwargs)


def test_figures_by_hand():
    report = run_gold(make_client(), QUESTIONS, fragments=["geheime regel"])
    assert report.overall.questions == 2
    assert report.overall.hit1 == 0.5 and report.overall.hit3 == 1.0
    assert report.overall.mrr == (1 + 1 / 3) / 2
    assert report.overall.fact_accuracy == 0.5
    assert report.overall.answer_hit1 == 0.5  # question 2 is answered from "a", its gold is "b"
    assert report.overall.short_fact_accuracy == 0.5
    assert report.out_of_scope == {"questions": 2.0, "refused": 0.5, "wrongly_answered": 0.5,
                                   "answerable_refused": 0.0}
    assert report.by_kind["internal"].fact_accuracy == 1.0
    assert report.internal_leaks == 0 and report.consistency == 1.0


def test_extra_article_counts_single_article_questions_answered_with_another_articles_block():
    questions = QUESTIONS + [q("6", "multi", ["a", "b"], ["€ 10"])]
    client = make_client(blocks={"vraag 1": ["a", "b", "a"], "vraag 6": ["a", "b"]})
    client.answers["vraag 6"] = "Het kost € 10."
    report = run_gold(client, questions, fragments=[])
    assert [o.articles for o in report.outcomes if o.id in ("1", "2", "6")] == [["a", "b"], ["a"], ["a", "b"]]
    # of the answered questions one article answers (1 and 2; 6 needs two), question 1 shows a second article
    assert report.overall.extra_article == 0.5 and report.by_kind["multi"].extra_article == 0.0
    assert report.headline()["extra_article"] == 0.5
    assert run_gold(make_client(), QUESTIONS, fragments=[]).overall.extra_article == 0.0


def test_leaks_and_inconsistency_are_counted():
    client = make_client(drift_channel="phone")
    client.answers["vraag 2"] = "Binnen 5 dagen. geheime regel"
    client.answers["vraag 5"] = "toestel 4418"
    report = run_gold(client, QUESTIONS, fragments=["geheime regel"])
    assert report.internal_leaks == 2
    assert report.consistency == 1 / 5  # only the one refused question is the same on the phone channel


def test_percentile():
    assert percentile([5, 1, 3], 0.5) == 3 and percentile([], 0.95) == 0.0
    assert percentile(list(range(101)), 0.95) == 95


def test_report_files_and_baseline_guard(tmp_path):
    report = run_gold(make_client(), QUESTIONS, fragments=[])
    paths = write_report(report, tmp_path / "out")
    assert {p.name for p in paths} == {"report.json", "report.md", "by_kind.png", "by_channel.png"}
    assert json.loads((tmp_path / "out" / "report.json").read_text())["overall"]["hit1"] == 0.5
    assert "| answerable | 2 | 0.500 | 0.500 |" in (tmp_path / "out" / "report.md").read_text()
    baseline = tmp_path / "baseline.json"
    write_baseline(report, baseline)
    assert check_against_baseline(report, baseline) == []
    worse = run_gold(make_client(), QUESTIONS[1:], fragments=[])
    failures = check_against_baseline(worse, baseline)
    assert any(f.startswith("hit1 0.000 < baseline 0.500") for f in failures)
    assert json.loads(baseline.read_text())["tolerance"] == 0.02  # the default for a new baseline


def test_a_new_baseline_keeps_the_sets_own_tolerance(tmp_path):
    report = run_gold(make_client(), QUESTIONS, fragments=[])
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps({"tolerance": 0.034, "headline": {}}), encoding="utf-8")
    write_baseline(report, baseline)  # a small set's "one question" stays one question
    assert json.loads(baseline.read_text())["tolerance"] == 0.034
    write_baseline(report, baseline, tolerance=0.05)
    assert json.loads(baseline.read_text())["tolerance"] == 0.05


def test_the_baseline_guard_fails_when_more_answers_show_a_second_article(tmp_path):
    baseline = tmp_path / "baseline.json"
    write_baseline(run_gold(make_client(), QUESTIONS, fragments=[]), baseline)
    longer = run_gold(make_client(blocks={"vraag 1": ["a", "b"]}), QUESTIONS, fragments=[])
    assert check_against_baseline(longer, baseline) == ["extra_article 0.500 > baseline 0.000 + 0.02"]
