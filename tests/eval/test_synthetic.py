"""The synthetic KBs of `kcc bench`: valid articles, all different, with questions about each."""

from __future__ import annotations

from eval.synthetic import district, questions, synthetic_articles, write_kb
from kb.loader import load_kb
from tests.conftest import SAMPLE_KB


def test_a_synthetic_kb_is_valid_and_no_two_articles_say_the_same(tmp_path):
    source = load_kb(SAMPLE_KB).articles
    made = synthetic_articles(source, 2 * len(source) + 3)
    loaded = load_kb(write_kb(made, tmp_path / "kb"))
    assert loaded.errors == [] and len(loaded.articles) == len(made)
    assert len({a.id for a in made}) == len(made) and len({a.hash for a in made}) == len(made)
    first, copy = made[0], made[len([a for a in source if a.extra.get("source", "article") == "article"])]
    assert first.id.rsplit("-", 1)[0] == copy.id.rsplit("-", 1)[0]  # the same source article, another district
    assert [s.heading for s in first.sections] == [s.heading for s in copy.sections]
    assert len({district(k) for k in range(1000)}) == 1000


def test_questions_are_distinct_and_name_their_district():
    made = synthetic_articles(load_kb(SAMPLE_KB).articles, 150)
    asked = questions(made, 400)
    assert len(asked) == len(set(asked)) == 400
    assert all("wijk" in q.lower() for q in asked)
