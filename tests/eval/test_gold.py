from __future__ import annotations

import json
from collections import Counter

import pytest

from eval.gold import GoldError, load_gold
from kb.loader import load_kb
from tests.conftest import REPO, SAMPLE_KB

ROW = {"id": "q1", "question": "Wat kost een paspoort?", "channel": "chat", "gold": ["paspoort"],
       "answer_must_contain": ["€ 84,45"], "kind": "direct"}


def write(tmp_path, *rows):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize(("row", "message"), [
    ("{kapot", "gold.jsonl:1: not valid JSON"),
    ({k: v for k, v in ROW.items() if k != "kind"}, "missing field(s) kind"),
    ({**ROW, "channel": "fax"}, "unknown channel 'fax'"),
    ({**ROW, "kind": "riddle"}, "unknown kind 'riddle'"),
    ({**ROW, "kind": "out_of_scope"}, "gold must be empty"),
    ({**ROW, "gold": []}, "gold must be empty"),
])
def test_bad_rows_name_file_and_line(tmp_path, row, message):
    with pytest.raises(GoldError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_gold(write(tmp_path, row))


def test_duplicate_ids_are_refused(tmp_path):
    with pytest.raises(GoldError, match=":2: duplicate id 'q1'"):
        load_gold(write(tmp_path, ROW, ROW))


@pytest.mark.parametrize("name", ["lindewaard.jsonl", "lindewaard-holdout.jsonl"])
def test_committed_gold_sets_follow_the_format(name):
    questions = load_gold(REPO / "eval" / "gold" / name)
    kinds = [q.kind for q in questions]
    assert len(questions) >= 130
    assert kinds.count("out_of_scope") >= 25 and kinds.count("internal") >= 10


@pytest.mark.parametrize(("name", "kinds"), [("lindewaard-multi.jsonl", {"multi": 45}),
                                              ("lindewaard-extra.jsonl", {"non_dutch": 32, "out_of_scope": 28}),
                                              ("lindewaard-spreektaal.jsonl", {"colloquial": 70, "out_of_scope": 20})])
def test_the_tuning_sets_hold_facts_from_their_own_articles(name, kinds):
    """The sets written after the main ones (two-article questions; other languages and near-miss out-of-scope
    questions; spoken questions with greetings and scene-setting): each required fact is public text of one of the
    question's gold articles, so a KB edit that moves a fact shows here, not as a silent drop in ``kcc eval``."""
    articles = {a.id: a for a in load_kb(SAMPLE_KB).articles}
    questions = load_gold(REPO / "eval" / "gold" / name)
    assert Counter(q.kind for q in questions) == kinds
    for question in questions:
        texts = ["\n".join(s.body for s in articles[g].public_sections) for g in question.gold]
        for fact in question.answer_must_contain:
            assert any(fact in text for text in texts), (question.id, fact)
        if question.kind == "multi":  # one fact from each of its two articles
            assert len(question.gold) == 2
            assert all(any(f in text for f in question.answer_must_contain) for text in texts), question.id


def test_the_third_kbs_gold_set_holds_facts_from_its_own_articles():
    """Wervelde's set (the untouched KB): every kind the issue names, in numbers; each required fact in the public
    text of a gold article, or for an internal question in its internal text only (so it cannot leak as if it
    were public); a multi-part question needs a fact from each of two articles."""
    articles = {a.id: a for a in load_kb(REPO / "kb" / "wervelde").articles}
    questions = load_gold(REPO / "eval" / "gold" / "wervelde.jsonl")
    kinds = Counter(q.kind for q in questions)
    assert len(questions) >= 150 and kinds["multi"] >= 20 and kinds["non_dutch"] >= 10 and kinds["typo"] >= 15
    assert kinds["out_of_scope"] >= 25 and kinds["internal"] >= 10
    for question in questions:
        public = ["\n".join(s.body for s in articles[g].public_sections) for g in question.gold]
        internal = ["\n".join(s.body for s in articles[g].internal_sections) for g in question.gold]
        for fact in question.answer_must_contain:
            if question.kind == "internal":
                assert any(fact in text for text in internal) and not any(fact in text for text in public), fact
            else:
                assert any(fact in text for text in public), (question.id, fact)
        if question.kind == "multi":
            assert len(set(question.gold)) == 2
            assert all(any(f in text for f in question.answer_must_contain) for text in public), question.id
